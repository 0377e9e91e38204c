/*
 * json_encoder.c — _json.make_encoder, the type _json.Encoder: Python
 * values to JSON text (CPython's encoder in Modules/_json.c).
 *
 *   encoder = make_encoder(markers, default, encoder, indent,
 *                          key_separator, item_separator,
 *                          sort_keys, skipkeys, allow_nan)
 *   encoder(obj, _current_indent_level) -> [text]
 *
 * JSONEncoder.encode builds one when indent is None (Lib/json writes
 * indented output with its Python encoder, as under CPython, whose C
 * encoder ignores indent); 3.13's C encoder indents too (indent a str:
 * a newline and indent*level inside every non-empty container), and
 * returns the text in a tuple, as 3.12's.  What it writes, in CPython's order of tests:
 * None, True, False; a str through `encoder` (or, when that is
 * encode_basestring(_ascii), directly); an int or float as int.__repr__ /
 * float.__repr__ write it (NaN and the infinities as NaN, Infinity,
 * -Infinity, or ValueError without allow_nan); a list or tuple as an
 * array; a dict as an object, its keys turned to strings (str, float,
 * True/False/None, int; others skipped with skipkeys, else TypeError),
 * sorted first with sort_keys; anything else through default(obj).
 * markers, a dict or None, holds the id of every container being written,
 * so that a cycle is "Circular reference detected" rather than endless.
 */
#include <math.h>
#include <stdio.h>
#include "modules/json.h"
#include "vm/vm.h"

typedef struct {
    Object ob;
    Value markers, defaultfn, encoder, indent, key_separator, item_separator;
    bool sort_keys, skipkeys, allow_nan;
    ssize_t level;              /* 3.13 with an indent: the current indent level */
    int fast;                   /* 1: encoder is encode_basestring_ascii, 2: encode_basestring */
} ObjEncoder;

static bool encode_value(ObjEncoder *e, StrBuf *sb, Value v);

/* ---- scalars -------------------------------------------------------------------- */

static bool add_str(StrBuf *sb, Value s)
{
    sb_add(sb, rt_str_cstr(s), rt_str_nbytes(s));
    return true;
}

/* A str as a JSON string literal, through the encoder the user gave. */
static bool encode_string(ObjEncoder *e, StrBuf *sb, Value s)
{
    if (e->fast != 0) {
        json_add_string(sb, s, e->fast == 1);
        return true;
    }
    Value r = rt_call1(e->encoder, s);
    if (r == VAL_NULL)
        return false;
    if (!rt_is_str(r)) {
        rt_raisef(&rt_TypeError, "encoder() must return a string, not %T", r);
        return false;
    }
    return add_str(sb, r);
}

/* float.__repr__, or NaN / Infinity / -Infinity when allowed. */
static bool encode_float(ObjEncoder *e, StrBuf *sb, double d)
{
    if (isnan(d) || isinf(d)) {
        if (!e->allow_nan) {
            rt_raisef(&rt_ValueError, "Out of range float values are not JSON compliant%s",
                      rt_py_minor < 12 ? "" : isnan(d) ? ": nan" : d > 0 ? ": inf" : ": -inf");
            return false;
        }
        sb_adds(sb, isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        return true;
    }
    char buf[40];
    rt_double_repr(d, buf, sizeof buf);
    sb_adds(sb, buf);
    return true;
}

/* int.__repr__ (of an int subclass too: an IntEnum is written as its value). */
static bool encode_int(StrBuf *sb, Value v)
{
    if (val_is_small(v)) {
        char buf[RT_I64_DECIMAL_MAX];
        sb_add(sb, buf, rt_i64_decimal(small_value(v), buf));
        return true;
    }
    Value r = rt_int_repr(v);
    return r != VAL_NULL && add_str(sb, r);
}

static double float_value(Value v)
{
    return AS_FLOAT(v)->value;
}

/* ---- containers ----------------------------------------------------------------- */

/* Record that container v is being written (when markers is a dict):
 * false + ValueError if it already is. */
static bool mark(ObjEncoder *e, Value v)
{
    if (e->markers == rt_None)
        return true;
    Value ident = small_new((intptr_t)v);
    bool err = false;
    if (rt_dict_get(e->markers, ident, &err) != VAL_NULL) {
        rt_raisef(&rt_ValueError, "Circular reference detected");
        return false;
    }
    return !err && rt_dict_set(e->markers, ident, v);
}

static bool unmark(ObjEncoder *e, Value v)
{
    return e->markers == rt_None || rt_dict_del(e->markers, small_new((intptr_t)v)) >= 0;
}

/* 3.13 with an indent: one level deeper (or back) and a newline and the
 * indent of the new level; the item separator then ends in the same. */
static bool indenting(ObjEncoder *e)
{
    return rt_py_minor >= 13 && e->indent != rt_None;
}

static void newline_indent(ObjEncoder *e, StrBuf *sb, int step)
{
    e->level += step;
    sb_addc(sb, '\n');
    for (ssize_t i = 0; i < e->level; i++)
        add_str(sb, e->indent);
}

static void item_separator(ObjEncoder *e, StrBuf *sb)
{
    add_str(sb, e->item_separator);
    if (indenting(e))
        newline_indent(e, sb, 0);
}

/* A list or tuple; the items are read afresh at each step, as CPython reads
 * them, since default() may change the list. */
static bool encode_array(ObjEncoder *e, StrBuf *sb, Value seq)
{
    bool is_list = rt_isinstance_of(seq, &rt_list_type);
    size_t n = is_list ? AS_LIST(seq)->length : AS_TUPLE(seq)->length;
    if (n == 0) {
        sb_add(sb, "[]", 2);
        return true;
    }
    if (!mark(e, seq))
        return false;
    sb_addc(sb, '[');
    if (indenting(e))
        newline_indent(e, sb, 1);
    for (size_t i = 0; i < (is_list ? AS_LIST(seq)->length : AS_TUPLE(seq)->length); i++) {
        if (i > 0)
            item_separator(e, sb);
        if (!encode_value(e, sb, is_list ? AS_LIST(seq)->items[i] : AS_TUPLE(seq)->items[i]))
            return false;
    }
    if (indenting(e))
        newline_indent(e, sb, -1);
    sb_addc(sb, ']');
    return unmark(e, seq);
}

/* The dict's items, CPython's PyMapping_Items (copied first, as default()
 * may change the dict; a subclass's own items() called), sorted with
 * sort_keys: *n pairs, key then value, or NULL with the error set. */
static Value *dict_pairs(ObjEncoder *e, Value dict, size_t *n)
{
    if (is_dict(dict) && !e->sort_keys) {
        size_t len = rt_dict_len(dict), i = 0;
        Value *kv = gc_alloc(2 * len * sizeof *kv), k, v;
        for (size_t pos = 0; i < len && rt_dict_next(dict, &pos, &k, &v); i++) {
            kv[2 * i] = k;
            kv[2 * i + 1] = v;
        }
        *n = i;
        return kv;
    }
    Value items = mod_call_method(dict, "items", NULL, 0);
    if (items == VAL_NULL || (items = rt_sequence_to_list(items)) == VAL_NULL ||
        (e->sort_keys && !rt_list_sort(items, VAL_NULL, false)))
        return NULL;
    *n = AS_LIST(items)->length;
    Value *kv = gc_alloc(2 * *n * sizeof *kv);
    for (size_t i = 0; i < *n; i++) {
        Value item = AS_LIST(items)->items[i];
        if (!rt_isinstance_of(item, &rt_tuple_type) || rt_tuple_len(item) != 2) {
            rt_raisef(&rt_ValueError, "items must return 2-tuples");
            return NULL;
        }
        kv[2 * i] = rt_tuple_get(item, 0);
        kv[2 * i + 1] = rt_tuple_get(item, 1);
    }
    return kv;
}

/* A key as the str to write: VAL_NULL + TypeError for a key JSON cannot
 * have, rt_None for one skipkeys drops. */
static Value key_string(ObjEncoder *e, Value key)
{
    if (rt_is_str(key))
        return key;
    StrBuf sb;
    sb_init(&sb);
    if (rt_isinstance_of(key, &rt_float_type)) {
        if (!encode_float(e, &sb, float_value(key)))
            return VAL_NULL;
    } else if (key == rt_True || key == rt_False || key == rt_None) {
        sb_adds(&sb, key == rt_True ? "true" : key == rt_False ? "false" : "null");
    } else if (rt_isinstance_of(key, &rt_int_type)) {
        if (!encode_int(&sb, key))
            return VAL_NULL;
    } else if (e->skipkeys) {
        return rt_None;
    } else {
        return rt_raisef(&rt_TypeError, "keys must be str, int, float, bool or None, not %s",
                         val_type(key)->name);
    }
    return sb_finish(&sb);
}

static bool encode_object(ObjEncoder *e, StrBuf *sb, Value dict)
{
    if (rt_dict_len(dict) == 0) {
        sb_add(sb, "{}", 2);
        return true;
    }
    if (!mark(e, dict))
        return false;
    sb_addc(sb, '{');
    if (indenting(e))
        newline_indent(e, sb, 1);
    size_t n;
    Value *kv = dict_pairs(e, dict, &n);
    if (kv == NULL)
        return false;
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        Value key = key_string(e, kv[2 * i]);
        if (key == VAL_NULL)
            return false;
        if (key == rt_None)
            continue;
        if (!first)
            item_separator(e, sb);
        first = false;
        if (!encode_string(e, sb, key) || !add_str(sb, e->key_separator) ||
            !encode_value(e, sb, kv[2 * i + 1]))
            return false;
    }
    if (indenting(e))
        newline_indent(e, sb, -1);
    sb_addc(sb, '}');
    return unmark(e, dict);
}

/* ---- any value ------------------------------------------------------------------ */

/* A container, or default(obj)'s result, one level deeper. */
static bool encode_nested(ObjEncoder *e, StrBuf *sb, Value v,
                          bool (*encode)(ObjEncoder *e, StrBuf *sb, Value v))
{
    if (!vm_enter_recursive_call(" while encoding a JSON object"))
        return false;
    bool ok = encode(e, sb, v);
    vm_leave_recursive_call();
    return ok;
}

/* An object JSON has no form for: what default() returns for it. */
static bool encode_other(ObjEncoder *e, StrBuf *sb, Value v)
{
    if (!mark(e, v))
        return false;
    Value r = rt_call1(e->defaultfn, v);
    if (r == VAL_NULL || !encode_nested(e, sb, r, encode_value))
        return false;
    return unmark(e, v);
}

static bool encode_value(ObjEncoder *e, StrBuf *sb, Value v)
{
    if (v == rt_None || v == rt_True || v == rt_False) {
        sb_adds(sb, v == rt_None ? "null" : v == rt_True ? "true" : "false");
        return true;
    }
    if (rt_is_str(v))
        return encode_string(e, sb, v);
    if (rt_isinstance_of(v, &rt_int_type))
        return encode_int(sb, v);
    if (rt_isinstance_of(v, &rt_float_type))
        return encode_float(e, sb, float_value(v));
    if (rt_isinstance_of(v, &rt_list_type) || rt_isinstance_of(v, &rt_tuple_type))
        return encode_nested(e, sb, v, encode_array);
    if (rt_isinstance_of(v, &rt_dict_type))
        return encode_nested(e, sb, v, encode_object);
    return encode_other(e, sb, v);
}

/* The length of the last text written.  A program that writes a document
 * of a megabyte usually writes the next one of about that size: its buffer
 * starts there, in one block that sb_finish makes the str, rather than
 * doubling to it through blocks of 64 KiB, 128 KiB... each copied and
 * left behind in the heap. */
static size_t last_length;

/* encoder(obj, _current_indent_level) */
static Value encoder_call(Value self, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "obj", "_current_indent_level" };
    static const ArgSpec spec = { "_iterencode", names, 2, 0, 2, 2, false };
    Value a[2];
    ssize_t level;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !json_ssize_arg(a[1], &level))
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    sb_reserve(&sb, last_length);
    ObjEncoder *e = (ObjEncoder *)self;
    e->level = level;
    if (!encode_value(e, &sb, a[0]))
        return VAL_NULL;
    last_length = sb.len;
    Value text = sb_finish(&sb);
    return rt_py_minor >= 12 ? rt_tuple_pack(1, text) : rt_list_from(&text, 1);
}

/* ---- make_encoder ---------------------------------------------------------------- */

static bool is_builtin_fn(Value f, NativeFunc fn)
{
    return IS_EXACT(f, rt_builtin_type) && ((ObjBuiltin *)f)->fn == fn &&
           ((ObjBuiltin *)f)->self == VAL_NULL;
}

static Value encoder_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {
        "markers", "default", "encoder", "indent", "key_separator", "item_separator",
        "sort_keys", "skipkeys", "allow_nan",
    };
    static const ArgSpec spec = { "make_encoder", names, 9, 0, 9, 9, false };
    Value a[9];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    for (int i = 4; i < 6; i++)
        if (!rt_is_str(a[i]))
            return rt_raisef(&rt_TypeError, "make_encoder() argument %d must be str, not %T",
                             i + 1, a[i]);
    int flags[3];
    for (int i = 0; i < 3; i++)
        if ((flags[i] = rt_truthy(a[6 + i])) < 0)
            return VAL_NULL;
    if (rt_py_minor >= 13 && a[3] != rt_None && !rt_is_str(a[3]))
        return rt_raisef(&rt_TypeError, "make_encoder() argument 4 must be str or None, not %T",
                         a[3]);
    if (a[0] != rt_None && !rt_isinstance_of(a[0], &rt_dict_type))
        return rt_raisef(&rt_TypeError, "make_encoder() argument 1 must be dict or None, not %T",
                         a[0]);
    ObjEncoder *e = rt_alloc_instance(type, sizeof *e);
    e->markers = a[0];
    e->defaultfn = a[1];
    e->encoder = a[2];
    e->indent = a[3];
    e->key_separator = a[4];
    e->item_separator = a[5];
    e->sort_keys = flags[0];
    e->skipkeys = flags[1];
    e->allow_nan = flags[2];
    e->fast = is_builtin_fn(a[2], json_encode_basestring_ascii) ? 1
            : is_builtin_fn(a[2], json_encode_basestring) ? 2 : 0;
    return obj_val(e);
}

#define MEMBER(name, field, kind) {name, offsetof(ObjEncoder, field), kind, RT_READONLY, 0}
static const MemberDef encoder_members[] = {
    MEMBER("markers", markers, RT_MEMBER_VALUE),
    MEMBER("default", defaultfn, RT_MEMBER_VALUE),
    MEMBER("encoder", encoder, RT_MEMBER_VALUE),
    MEMBER("indent", indent, RT_MEMBER_VALUE),
    MEMBER("key_separator", key_separator, RT_MEMBER_VALUE),
    MEMBER("item_separator", item_separator, RT_MEMBER_VALUE),
    MEMBER("sort_keys", sort_keys, RT_MEMBER_BOOL),
    MEMBER("skipkeys", skipkeys, RT_MEMBER_BOOL),
    {NULL, 0, 0, 0, 0}
};
#undef MEMBER

ObjType json_encoder_type = {
    .ob.type = &rt_type_type, .name = "_json.Encoder",
    .new_ = encoder_new, .call = encoder_call, .members = encoder_members,
};
