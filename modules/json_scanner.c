/*
 * json_scanner.c — _json.make_scanner, the type _json.Scanner: JSON text to
 * Python values (CPython's scanner in Modules/_json.c).
 *
 *   scanner = make_scanner(decoder)     reads the decoder's strict,
 *       object_hook, object_pairs_hook, parse_float, parse_int and
 *       parse_constant once, as CPython does
 *   scanner(string, idx) -> (value, end)
 *       the JSON value starting at string[idx] and the index after it;
 *       StopIteration(idx) when no value starts there (JSONDecoder turns it
 *       into "Expecting value"), JSONDecodeError for a malformed object,
 *       array or string inside one.
 *
 * The text is walked as UTF-8 bytes with the code-point index alongside
 * (JsonPos, json.h); only string literals hold non-ASCII characters.
 * Numbers become ints and floats directly unless parse_int / parse_float
 * is something other than int / float.  Keys are memoised for the length
 * of one call, so equal keys are one str object, as in CPython.
 */
#include <stdlib.h>
#include <string.h>
#include "modules/json.h"
#include "vm/vm.h"

typedef struct {
    Object ob;
    bool strict;
    Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
} ObjScanner;

/* One call of a scanner: the text, where it is, the key memo. */
typedef struct {
    ObjScanner *sc;
    Value s;
    const unsigned char *p;
    size_t n;                   /* bytes in p */
    JsonPos pos;
    Value memo;                 /* dict: each key str seen, to itself */
} Scan;

static Value scan_value(Scan *st);

/* Move over ASCII characters (syntax: bytes and characters agree). */
static void advance(Scan *st, size_t k)
{
    st->pos.off += k;
    st->pos.idx += k;
}

static bool at(Scan *st, unsigned char c)
{
    return st->pos.off < st->n && st->p[st->pos.off] == c;
}

static void skip_whitespace(Scan *st)
{
    while (st->pos.off < st->n) {
        unsigned char c = st->p[st->pos.off];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        advance(st, 1);
    }
}

static bool at_word(Scan *st, const char *word)
{
    size_t k = strlen(word);
    return st->n - st->pos.off >= k && memcmp(st->p + st->pos.off, word, k) == 0;
}

static Value stop_iteration(size_t idx)
{
    return rt_raise_args(&rt_StopIteration, rt_tuple_pack(1, rt_int_from_u64(idx)));
}

static Value error(Scan *st, const char *msg)
{
    return json_decode_error(msg, st->s, st->pos.idx);
}

/* ---- numbers ---------------------------------------------------------------- */

static bool is_digit(Scan *st, size_t off)
{
    return off < st->n && st->p[off] >= '0' && st->p[off] <= '9';
}

static size_t skip_digits(Scan *st, size_t off)
{
    while (is_digit(st, off))
        off++;
    return off;
}

/* The number at the cursor, CPython's _match_number_unicode: -?(0|[1-9]\d*)
 * then an optional fraction (a '.' followed by a digit) and exponent (an
 * 'e' followed by digits; without them the 'e' is not part of the
 * number).  StopIteration when there is no number. */
static Value scan_number(Scan *st)
{
    size_t start = st->pos.off, off = start;
    if (st->p[off] == '-')
        off++;
    if (is_digit(st, off) && st->p[off] != '0')
        off = skip_digits(st, off);
    else if (is_digit(st, off))
        off++;
    else
        return stop_iteration(st->pos.idx);
    bool is_float = false;
    if (off + 1 < st->n && st->p[off] == '.' && is_digit(st, off + 1)) {
        is_float = true;
        off = skip_digits(st, off + 2);
    }
    if (off + 1 < st->n && (st->p[off] == 'e' || st->p[off] == 'E')) {
        size_t e = off + 1;
        if (e + 1 < st->n && (st->p[e] == '-' || st->p[e] == '+'))
            e++;
        size_t end = skip_digits(st, e);
        if (end > e) {
            is_float = true;
            off = end;
        }
    }
    const char *text = (const char *)st->p + start;
    size_t len = off - start;
    advance(st, len);
    Value custom = is_float ? st->sc->parse_float : st->sc->parse_int;
    if (custom != obj_val(is_float ? &rt_float_type : &rt_int_type))
        return rt_call1(custom, rt_str_new_known(text, len, len, true));
    if (!is_float && len <= 18)
        return rt_int_from_i64(strtoll(text, NULL, 10));
    if (!is_float)
        return rt_int_from_string(text, len, 10);
    char buf[64], *copy = len < sizeof buf ? buf : gc_alloc_atomic(len + 1);
    memcpy(copy, text, len);
    copy[len] = '\0';
    return rt_float_new(strtod(copy, NULL));
}

/* ---- objects and arrays ----------------------------------------------------------- */

/* The key at the cursor (after its opening quote), memoised. */
static Value scan_key(Scan *st)
{
    Value key = json_scan_string(st->s, &st->pos, st->sc->strict);
    if (key == VAL_NULL)
        return VAL_NULL;
    Value seen = rt_dict_get_str(st->memo, key);
    if (seen != VAL_NULL)
        return seen;
    return rt_dict_set(st->memo, key, key) ? key : VAL_NULL;
}

/* After an item of an object or array: 1 at the closing bracket, 0 past
 * the ',' before the next item, -1 with "Expecting ',' delimiter" (3.13:
 * "Illegal trailing comma ..." at a ',' just before the bracket). */
static int next_item(Scan *st, unsigned char close)
{
    skip_whitespace(st);
    if (at(st, close))
        return 1;
    if (!at(st, ',')) {
        error(st, "Expecting ',' delimiter");
        return -1;
    }
    JsonPos comma = st->pos;
    advance(st, 1);
    skip_whitespace(st);
    if (rt_py_minor >= 13 && at(st, close)) {
        st->pos = comma;
        error(st, close == '}' ? "Illegal trailing comma before end of object"
                               : "Illegal trailing comma before end of array");
        return -1;
    }
    return 0;
}

/* An object's first members are gathered on the C stack, so that its dict
 * is made at its size once the '}' is read (rt_dict_new_sized: header,
 * entries and index in one block, no room to spare) rather than grown
 * member by member: json_io's 8-member records are 256 bytes, not 304 in
 * two blocks.  A bigger object's dict is grown as the members come. */
enum { FIRST_MEMBERS = 12 };

static bool put_members(Value dict, const Value *kv, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!rt_dict_set(dict, kv[2 * i], kv[2 * i + 1]))
            return false;
    return true;
}

/* Member key: value of an object scanned into a dict: into first[] while
 * there is room and no dict was made, else into *dict (made at the first
 * member that does not fit, holding the gathered ones). */
static bool add_member(Value *dict, Value *first, size_t *nfirst, Value key, Value value)
{
    if (*dict == VAL_NULL && *nfirst < FIRST_MEMBERS) {
        first[2 * *nfirst] = key;
        first[2 * *nfirst + 1] = value;
        ++*nfirst;
        return true;
    }
    if (*dict == VAL_NULL) {
        *dict = rt_dict_new();
        if (!put_members(*dict, first, *nfirst))
            return false;
    }
    return rt_dict_set(*dict, key, value);
}

/* The object whose '{' is just before the cursor: a dict, or what
 * object_pairs_hook / object_hook make of it. */
static Value scan_object(Scan *st)
{
    bool pairs = st->sc->object_pairs_hook != rt_None;
    Value result = pairs ? rt_list_new(0) : VAL_NULL;   /* the dict: add_member */
    Value first[2 * FIRST_MEMBERS];
    size_t nfirst = 0;
    skip_whitespace(st);
    if (!at(st, '}')) {
        for (;;) {
            if (!at(st, '"'))
                return error(st, "Expecting property name enclosed in double quotes");
            advance(st, 1);
            Value key = scan_key(st);
            if (key == VAL_NULL)
                return VAL_NULL;
            skip_whitespace(st);
            if (!at(st, ':'))
                return error(st, "Expecting ':' delimiter");
            advance(st, 1);
            skip_whitespace(st);
            Value value = scan_value(st);
            if (value == VAL_NULL)
                return VAL_NULL;
            if (pairs ? !rt_list_append(result, rt_tuple_pack(2, key, value))
                      : !add_member(&result, first, &nfirst, key, value))
                return VAL_NULL;
            int end = next_item(st, '}');
            if (end < 0)
                return VAL_NULL;
            if (end)
                break;
        }
    }
    advance(st, 1);
    if (pairs)
        return rt_call1(st->sc->object_pairs_hook, result);
    if (result == VAL_NULL) {
        result = rt_dict_new_sized(nfirst);
        if (!put_members(result, first, nfirst))
            return VAL_NULL;
    }
    if (st->sc->object_hook != rt_None)
        return rt_call1(st->sc->object_hook, result);
    return result;
}

/* The array whose '[' is just before the cursor. */
static Value scan_array(Scan *st)
{
    Value result = rt_list_new(0);
    skip_whitespace(st);
    if (!at(st, ']')) {
        for (;;) {
            Value value = scan_value(st);
            if (value == VAL_NULL || !rt_list_append(result, value))
                return VAL_NULL;
            int end = next_item(st, ']');
            if (end < 0)
                return VAL_NULL;
            if (end)
                break;
        }
    }
    advance(st, 1);
    return result;
}

/* An object or array, counted against the recursion limit as CPython
 * counts it (a deeply nested text is a RecursionError, not a crash). */
static Value scan_nested(Scan *st, Value (*scan)(Scan *st), const char *where)
{
    if (!vm_enter_recursive_call(where))
        return VAL_NULL;
    advance(st, 1);
    Value v = scan(st);
    vm_leave_recursive_call();
    return v;
}

/* NaN, Infinity or -Infinity: what parse_constant makes of the word. */
static Value scan_constant(Scan *st, const char *word)
{
    advance(st, strlen(word));
    return rt_call1(st->sc->parse_constant, rt_str_from_cstr(word));
}

/* Any JSON value at the cursor, CPython's scan_once_unicode. */
static Value scan_value(Scan *st)
{
    if (st->pos.off >= st->n)
        return stop_iteration(st->pos.idx);
    switch (st->p[st->pos.off]) {
    case '"':
        advance(st, 1);
        return json_scan_string(st->s, &st->pos, st->sc->strict);
    case '{':
        return scan_nested(st, scan_object, " while decoding a JSON object from a unicode string");
    case '[':
        return scan_nested(st, scan_array, " while decoding a JSON array from a unicode string");
    case 'n':
        if (at_word(st, "null"))
            return advance(st, 4), rt_None;
        break;
    case 't':
        if (at_word(st, "true"))
            return advance(st, 4), rt_True;
        break;
    case 'f':
        if (at_word(st, "false"))
            return advance(st, 5), rt_False;
        break;
    case 'N':
        if (at_word(st, "NaN"))
            return scan_constant(st, "NaN");
        break;
    case 'I':
        if (at_word(st, "Infinity"))
            return scan_constant(st, "Infinity");
        break;
    case '-':
        if (at_word(st, "-Infinity"))
            return scan_constant(st, "-Infinity");
        break;
    }
    return scan_number(st);
}

/* scanner(string, idx) */
static Value scanner_call(Value self, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "string", "idx" };
    static const ArgSpec spec = { "scan_once", names, 2, 0, 2, 2, false };
    Value a[2];
    ssize_t idx;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !json_ssize_arg(a[1], &idx))
        return VAL_NULL;
    if (!rt_is_str(a[0]))
        return rt_raisef(&rt_TypeError, "first argument must be a string, not %T", a[0]);
    if (idx < 0)
        return rt_raisef(&rt_ValueError, "idx cannot be negative");
    Scan st = {
        .sc = (ObjScanner *)self, .s = a[0], .p = (const unsigned char *)rt_str_cstr(a[0]),
        .n = rt_str_nbytes(a[0]), .memo = rt_dict_new(),
        .pos = { rt_str_offset(a[0], (size_t)idx), (size_t)idx },
    };
    Value v = scan_value(&st);
    return v == VAL_NULL ? VAL_NULL : rt_tuple_pack(2, v, rt_int_from_u64(st.pos.idx));
}

/* make_scanner(context) */
static Value scanner_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "context" };
    static const ArgSpec spec = { "make_scanner", names, 1, 0, 1, 1, false };
    Value ctx;
    if (!rt_parse_args(&spec, args, nargs, kw, &ctx))
        return VAL_NULL;
    ObjScanner *sc = rt_alloc_instance(type, sizeof *sc);
    Value strict = rt_getattr_cstr(ctx, "strict");
    int truth = strict == VAL_NULL ? -1 : rt_truthy(strict);
    if (truth < 0)
        return VAL_NULL;
    sc->strict = truth;
    struct { const char *name; Value *field; } attrs[] = {
        {"object_hook", &sc->object_hook}, {"object_pairs_hook", &sc->object_pairs_hook},
        {"parse_float", &sc->parse_float}, {"parse_int", &sc->parse_int},
        {"parse_constant", &sc->parse_constant},
    };
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        if ((*attrs[i].field = rt_getattr_cstr(ctx, attrs[i].name)) == VAL_NULL)
            return VAL_NULL;
    return obj_val(sc);
}

#define MEMBER(field, kind) {#field, offsetof(ObjScanner, field), kind, RT_READONLY, 0}
static const MemberDef scanner_members[] = {
    MEMBER(strict, RT_MEMBER_BOOL),
    MEMBER(object_hook, RT_MEMBER_VALUE),
    MEMBER(object_pairs_hook, RT_MEMBER_VALUE),
    MEMBER(parse_float, RT_MEMBER_VALUE),
    MEMBER(parse_int, RT_MEMBER_VALUE),
    MEMBER(parse_constant, RT_MEMBER_VALUE),
    {NULL, 0, 0, 0, 0}
};
#undef MEMBER

ObjType json_scanner_type = {
    .ob.type = &rt_type_type, .name = "_json.Scanner",
    .new_ = scanner_new, .call = scanner_call, .members = scanner_members,
};
