/*
 * sre.c — the `_sre` module: the objects CPython's Lib/re/ builds on.
 *
 *   _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
 *       what re/_compiler.py calls with the code it wrote: checks the code
 *       (sre_validate.c) and returns a Pattern;
 *   Pattern   match, fullmatch, search, findall, finditer, scanner, split,
 *             sub, subn; pattern, flags, groups, groupindex
 *   Match     group, groups, groupdict, start, end, span, expand, [g];
 *             string, re, pos, endpos, lastindex, lastgroup, regs
 *   SRE_Scanner   match/search called repeatedly (finditer, re.Scanner)
 *   getcodesize, ascii_iscased, unicode_iscased, ascii_tolower,
 *   unicode_tolower, MAGIC, CODESIZE, MAXREPEAT, MAXGROUPS, copyright
 *
 * The matching itself is sre_match.c.  What is left to Python, as in
 * CPython 3.11: replacement templates ("\1", "\g<name>") are parsed by
 * re._subx and re._expand, which this module imports and calls, so their
 * errors are re/_parser.py's own.
 *
 * A subject is a str (its UTF-8 bytes when ASCII, else its code points:
 * runtime/object.h keeps both at hand), bytes or bytearray.  Positions
 * are characters, so spans need no conversion.  A bytearray changed by a
 * callback while a sub() runs is read as it was (the engine keeps the old
 * buffer alive); CPython refuses the resize instead.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "modules/modutil.h"
#include "modules/sre.h"
#include "runtime/version.h"
#include "runtime/class.h"
#include "runtime/buffer.h"

/* ---- The objects ----------------------------------------------------------------- */

typedef struct ObjPattern {
    Object ob;
    Value pattern;              /* the source: str, bytes or None */
    int flags;
    int isbytes;                /* 1 bytes, 0 str, -1 none (accepts either) */
    ssize_t groups;             /* capturing groups, group 0 not counted */
    Value groupindex;           /* dict name -> number, VAL_NULL when none */
    Value indexgroup;           /* tuple number -> name or None, or VAL_NULL */
    size_t codesize;
    SreCode *code;
} ObjPattern;

typedef struct ObjMatch {
    Object ob;
    Value string;
    ObjPattern *pattern;
    ssize_t pos, endpos;
    ssize_t lastindex;          /* -1: None */
    ssize_t groups;             /* including group 0 */
    Value regs;                 /* cached tuple, or VAL_NULL */
    ssize_t nmarks;             /* marks stored; those of the groups after them are -1 */
    ssize_t mark[];             /* start, end of each group; -1 when unset */
} ObjMatch;

typedef struct ObjScanner {
    Object ob;
    ObjPattern *pattern;
    SreState state;
    bool done;                  /* no match left: every call returns None */
    bool executing;
} ObjScanner;

static ObjType pattern_type, match_type, scanner_type;

#define PATTERN(v) VAL_AS(ObjPattern, v)
#define MATCH(v) VAL_AS(ObjMatch, v)
#define SCANNER(v) VAL_AS(ObjScanner, v)

/* More marks than this is a MemoryError, not an attempt at a huge
 * allocation (hand-written code may claim a billion groups). */
#define MAX_MARKS ((size_t)1 << 26)

/* ---- Subjects --------------------------------------------------------------------- */

/* The characters of a str or bytes-like object. */
typedef struct SreText {
    const void *data;
    ssize_t length;
    int charsize;               /* 1, 2 or 4 bytes per character */
    bool isbytes;
} SreText;

/* CPython's getstring: false + TypeError for anything else. */
static bool get_text(Value string, SreText *t)
{
    if (rt_is_str(string)) {
        ObjStr *s = AS_STR(string);
        t->length = (ssize_t)s->length;
        t->isbytes = false;
        /* an ASCII str's bytes are its characters; another's are decoded
         * into the narrowest array that holds them (str.c, rt_str_chars) */
        t->charsize = 1;
        t->data = s->ascii ? (const void *)s->data : rt_str_chars(string, &t->charsize);
        return true;
    }
    if (rt_isinstance_of(string, &rt_bytes_type)) {
        *t = (SreText){ AS_BYTES(string)->data, (ssize_t)AS_BYTES(string)->length, 1, true };
        return true;
    }
    if (rt_isinstance_of(string, &rt_bytearray_type)) {
        ObjByteArray *a = VAL_AS(ObjByteArray, string);
        *t = (SreText){ a->data, (ssize_t)a->length, 1, true };
        return true;
    }
    /* Any other bytes-like object (memoryview, array): its bytes.  No
     * exporter of pvm's frees a block it handed out, so the buffer can be
     * given back at once (buffer.h). */
    RtBuffer view;
    if (rt_has_buffer(string) && rt_get_buffer(string, &view, RT_BUF_SIMPLE) == 0) {
        *t = (SreText){ view.buf, view.len, 1, true };
        rt_release_buffer(&view);
        return true;
    }
    rt_err_clear();
    rt_raisef(&rt_TypeError, "expected string or bytes-like object, got '%T'", string);
    return false;
}

static uint32_t text_char(const SreText *t, ssize_t i)
{
    switch (t->charsize) {
    case 1: return ((const uint8_t *)t->data)[i];
    case 2: return ((const uint16_t *)t->data)[i];
    default: return ((const uint32_t *)t->data)[i];
    }
}

/* Characters [i, j) of the subject as a new object: bytes for a
 * bytes-like subject, str for a str (the subject itself when it is the
 * whole of an exact str or bytes, as CPython's getslice). */
static Value text_slice(const SreText *t, Value string, ssize_t i, ssize_t j)
{
    if (j < i)
        j = i;
    bool whole = i == 0 && j == t->length;
    if (t->isbytes) {
        if (whole && IS_EXACT(string, rt_bytes_type))
            return string;
        return rt_bytes_new((const unsigned char *)t->data + i, (size_t)(j - i));
    }
    if (whole && is_str(string))
        return string;
    if (j - i == 1)
        return rt_str_from_codepoint(text_char(t, i));
    if (t->charsize == 1)       /* ASCII or latin-1 */
        return rt_str_from_latin1((const unsigned char *)t->data + i, (size_t)(j - i));
    /* characters back to UTF-8 (at most 4 bytes each) */
    size_t n = (size_t)(j - i);
    char small[256];
    char *buf = 4 * n <= sizeof small ? small : gc_alloc_atomic(4 * n);
    size_t len = 0;
    for (size_t k = 0; k < n; k++)
        len += rt_utf8_encode(text_char(t, i + (ssize_t)k), buf + len);
    return rt_str_new_known(buf, len, n, len == n);
}

/* ---- The search state ----------------------------------------------------------- */

static ssize_t *alloc_marks(size_t n)
{
    if (n > MAX_MARKS) {
        rt_raise(obj_val(&rt_MemoryError));
        return NULL;
    }
    return gc_alloc_atomic(n * sizeof(ssize_t));
}

/* CPython's state_init: the subject (checked against the pattern's kind)
 * and the slice [pos, endpos) clamped into it. */
static bool state_init(SreState *st, ObjPattern *p, Value string, ssize_t pos, ssize_t endpos)
{
    memset(st, 0, sizeof *st);
    /* MARK operands go up to 2 * groups + 1 (sre_validate.c) */
    st->nmarks = 2 * (size_t)p->groups + 2;
    if (st->nmarks <= sizeof st->mark_space / sizeof st->mark_space[0])
        st->mark = st->mark_space;
    SreText t;
    if (!get_text(string, &t))
        return false;
    if (t.isbytes && p->isbytes == 0) {
        rt_raisef(&rt_TypeError, "cannot use a string pattern on a bytes-like object");
        return false;
    }
    if (!t.isbytes && p->isbytes > 0) {
        rt_raisef(&rt_TypeError, "cannot use a bytes pattern on a string-like object");
        return false;
    }
    pos = pos < 0 ? 0 : pos > t.length ? t.length : pos;
    endpos = endpos < 0 ? 0 : endpos > t.length ? t.length : endpos;
    st->beginning = t.data;
    st->charsize = t.charsize;
    st->isbytes = t.isbytes;
    st->length = t.length;
    st->string = string;
    st->pos = st->start = st->ptr = pos;
    st->endpos = endpos;
    mod_sre_state_reset(st);
    mod_sre_state_borrow_stacks(st);    /* and the last search's marks, when they fit */
    return st->mark != NULL || (st->mark = alloc_marks(st->nmarks)) != NULL;
}

/* The end of a search that is not a Scanner's: its stacks serve the next
 * one.  Returns `result`, for `return state_done(&st, r);`. */
static Value state_done(SreState *st, Value result)
{
    mod_sre_state_give_back_stacks(st);
    return result;
}

static SreText state_text(const SreState *st)
{
    return (SreText){ st->beginning, st->length, st->charsize, st->isbytes };
}

/* Group `g` (1-based) of the state's match, or `dflt` when it did not
 * take part (CPython's state_getslice). */
static Value state_group(const SreState *st, ssize_t g, Value dflt)
{
    ssize_t k = 2 * (g - 1);
    if (k >= st->lastmark || st->mark[k] < 0 || st->mark[k + 1] < 0)
        return dflt;
    ssize_t i = st->mark[k], j = st->mark[k + 1];
    if (i > j)
        return rt_raisef(&rt_SystemError, "The span of capturing group is wrong, "
                         "please report a bug for the re module.");
    SreText t = state_text(st);
    return text_slice(&t, st->string, i, j);
}

/* A negative result of the engine as an exception (CPython's
 * pattern_error). */
static Value engine_error(ssize_t status)
{
    switch (status) {
    case SRE_ERROR_RECURSION_LIMIT:
        return rt_raisef(&rt_RecursionError, "maximum recursion limit exceeded");
    case SRE_ERROR_MEMORY:
        return rt_raise(obj_val(&rt_MemoryError));
    case SRE_ERROR_INTERRUPTED:
        return VAL_NULL;                /* KeyboardInterrupt is set */
    default:
        return rt_raisef(&rt_RuntimeError, "internal error in regular expression engine");
    }
}

/* The Match for a finished attempt: a Match, None, or the error. */
static Value new_match(ObjPattern *p, const SreState *st, ssize_t status)
{
    if (status == 0)
        return rt_None;
    if (status < 0)
        return engine_error(status);
    size_t n = 2 * ((size_t)p->groups + 1);
    if (n > MAX_MARKS)
        return rt_raise(obj_val(&rt_MemoryError));
    /* Only the groups up to the last mark set can have matched: the marks
     * of the others are not stored.  tokenize's pattern has 21 groups and
     * its matches set the first: 32 bytes of marks instead of 352, for each
     * token, and fewer collections. */
    ssize_t set = (st->lastmark + 1) / 2;
    if (set > p->groups)
        set = p->groups;
    ObjMatch *m = gc_alloc(sizeof *m + 2 * ((size_t)set + 1) * sizeof m->mark[0]);
    m->ob.type = &match_type;
    m->pattern = p;
    m->string = st->string;
    m->groups = p->groups + 1;
    m->nmarks = 2 * (set + 1);
    m->mark[0] = st->start;
    m->mark[1] = st->ptr;
    for (ssize_t g = 0; g < set; g++) {
        ssize_t k = 2 * g;
        ssize_t *out = &m->mark[k + 2];
        if (k + 1 <= st->lastmark && st->mark[k] >= 0 && st->mark[k + 1] >= 0) {
            out[0] = st->mark[k];
            out[1] = st->mark[k + 1];
            if (out[0] > out[1])
                return rt_raisef(&rt_SystemError, "The span of capturing group is wrong, "
                                 "please report a bug for the re module.");
        } else {
            out[0] = out[1] = -1;
        }
    }
    m->pos = st->pos;
    m->endpos = st->endpos;
    m->lastindex = st->lastindex;
    return obj_val(m);
}

/* After a match in a loop (findall, split, sub, finditer): the next search
 * starts where it ended, and may not match empty there again. */
static void state_advance(SreState *st)
{
    st->must_advance = st->ptr == st->start;
    st->start = st->ptr;
}

/* The next match of a loop: 1, 0 at the end, -1 with an exception. */
static int state_next(SreState *st, ObjPattern *p)
{
    mod_sre_state_reset(st);
    st->ptr = st->start;
    ssize_t status = mod_sre_search(st, p->code);
    if (status < 0) {
        engine_error(status);
        return -1;
    }
    return status > 0;
}

/* ---- Calling into Lib/re ------------------------------------------------------------ */

/* re.<name>(*args), importing re as CPython's _sre does. */
static Value call_re(const char *name, Value *args, size_t nargs)
{
    Value import = rt_dict_get_cstr(rt_builtins_dict, "__import__");
    if (import == VAL_NULL)
        return rt_raisef(&rt_ImportError, "__import__ not found");
    Value re = rt_call1(import, rt_str_from_cstr("re"));
    if (re == VAL_NULL)
        return VAL_NULL;
    Value fn = rt_getattr_cstr(re, name);
    return fn == VAL_NULL ? VAL_NULL : rt_call(fn, args, nargs, VAL_NULL);
}

/* ---- Argument conversion (CPython's Argument Clinic converters) ----------------------- */

/* Py_ssize_t: an index, OverflowError when it does not fit (where
 * rt_as_ssize, made for sequence indices, says IndexError). */
static bool ssize_arg(Value v, ssize_t *out)
{
    if (rt_as_ssize(v, out))
        return true;
    if (rt_err_matches(&rt_IndexError)) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C ssize_t");
    }
    return false;
}

/* C int. */
static bool int_arg(Value v, int *out)
{
    if (rt_isinstance_of(v, &rt_float_type)) {
        rt_raisef(&rt_TypeError, "'float' object cannot be interpreted as an integer");
        return false;
    }
    ssize_t x;
    if (!ssize_arg(v, &x))
        return false;
    if (x < INT32_MIN || x > INT32_MAX) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, x < 0 ? "Python int too small to convert to C int"
                                           : "Python int too large to convert to C int");
        return false;
    }
    *out = (int)x;
    return true;
}

/* (string, pos=0, endpos=sys.maxsize) of match, search, findall, ... */
static bool string_pos_args(const char *fname, Value *args, size_t nargs, Value kw,
                            Value *string, ssize_t *pos, ssize_t *endpos)
{
    static const char *const names[] = { "string", "pos", "endpos" };
    const ArgSpec spec = { fname, names, 3, 0, 1, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return false;
    *string = a[0];
    *pos = 0;
    *endpos = SSIZE_MAX;
    return (a[1] == VAL_NULL || ssize_arg(a[1], pos)) &&
           (a[2] == VAL_NULL || ssize_arg(a[2], endpos));
}

/* ---- Pattern: matching --------------------------------------------------------------- */

enum { AT_START, WHOLE, ANYWHERE };     /* match, fullmatch, search */

static Value pattern_try(const char *fname, int how, Value *args, size_t nargs, Value kw)
{
    Value string;
    ssize_t pos, endpos;
    if (!string_pos_args(fname, args, nargs, kw, &string, &pos, &endpos))
        return VAL_NULL;
    ObjPattern *p = PATTERN(args[0]);
    SreState st;
    if (!state_init(&st, p, string, pos, endpos))
        return VAL_NULL;
    st.match_all = how == WHOLE;
    ssize_t status = how == ANYWHERE ? mod_sre_search(&st, p->code) : mod_sre_match(&st, p->code);
    return state_done(&st, new_match(p, &st, status));
}

static Value pattern_match(Value *args, size_t nargs, Value kw)
{
    return pattern_try("match", AT_START, args, nargs, kw);
}

static Value pattern_fullmatch(Value *args, size_t nargs, Value kw)
{
    return pattern_try("fullmatch", WHOLE, args, nargs, kw);
}

static Value pattern_search(Value *args, size_t nargs, Value kw)
{
    return pattern_try("search", ANYWHERE, args, nargs, kw);
}

/* findall's item: the whole match, its one group, or a tuple of groups
 * (each '' or b'' when unmatched). */
static Value findall_item(ObjPattern *p, SreState *st)
{
    if (p->groups == 0) {
        SreText t = state_text(st);
        return text_slice(&t, st->string, st->start, st->ptr);
    }
    Value empty = st->isbytes ? rt_bytes_new(NULL, 0) : rt_str_empty();
    if (p->groups == 1)
        return state_group(st, 1, empty);
    Value item = rt_tuple_new((size_t)p->groups);
    for (ssize_t g = 1; g <= p->groups; g++) {
        Value v = state_group(st, g, empty);
        if (v == VAL_NULL)
            return VAL_NULL;
        AS_TUPLE(item)->items[g - 1] = v;
    }
    return item;
}

static Value pattern_findall(Value *args, size_t nargs, Value kw)
{
    Value string;
    ssize_t pos, endpos;
    if (!string_pos_args("findall", args, nargs, kw, &string, &pos, &endpos))
        return VAL_NULL;
    ObjPattern *p = PATTERN(args[0]);
    SreState st;
    if (!state_init(&st, p, string, pos, endpos))
        return VAL_NULL;
    Value list = rt_list_new(0);
    while (st.start <= st.endpos) {
        int found = state_next(&st, p);
        if (found < 0)
            return state_done(&st, VAL_NULL);
        if (found == 0)
            break;
        Value item = findall_item(p, &st);
        if (item == VAL_NULL)
            return state_done(&st, VAL_NULL);
        rt_list_append(list, item);
        state_advance(&st);
    }
    return state_done(&st, list);
}

static Value new_scanner(ObjPattern *p, Value string, ssize_t pos, ssize_t endpos)
{
    ObjScanner *s = gc_alloc(sizeof *s);
    s->ob.type = &scanner_type;
    s->pattern = p;
    if (!state_init(&s->state, p, string, pos, endpos))
        return VAL_NULL;
    return obj_val(s);
}

static Value pattern_scanner(Value *args, size_t nargs, Value kw)
{
    Value string;
    ssize_t pos, endpos;
    if (!string_pos_args("scanner", args, nargs, kw, &string, &pos, &endpos))
        return VAL_NULL;
    return new_scanner(PATTERN(args[0]), string, pos, endpos);
}

/* finditer: iter(scanner.search, None), a callable_iterator as in CPython. */
static Value pattern_finditer(Value *args, size_t nargs, Value kw)
{
    Value string;
    ssize_t pos, endpos;
    if (!string_pos_args("finditer", args, nargs, kw, &string, &pos, &endpos))
        return VAL_NULL;
    Value scanner = new_scanner(PATTERN(args[0]), string, pos, endpos);
    if (scanner == VAL_NULL)
        return VAL_NULL;
    Value search = rt_getattr_cstr(scanner, "search");
    return search == VAL_NULL ? VAL_NULL : rt_callable_iter_new(search, rt_None);
}

/* split: the text between matches, each followed by the match's groups
 * (None when unmatched); at most maxsplit splits when it is positive. */
static Value pattern_split(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "string", "maxsplit" };
    const ArgSpec spec = { "split", names, 2, 0, 1, 2, false };
    Value a[2];
    ssize_t maxsplit = 0;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) ||
        (a[1] != VAL_NULL && !ssize_arg(a[1], &maxsplit)))
        return VAL_NULL;
    ObjPattern *p = PATTERN(args[0]);
    SreState st;
    if (!state_init(&st, p, a[0], 0, SSIZE_MAX))
        return VAL_NULL;
    SreText t = state_text(&st);
    Value list = rt_list_new(0);
    ssize_t last = st.start;
    for (ssize_t n = 0; maxsplit == 0 || n < maxsplit; n++) {
        int found = state_next(&st, p);
        if (found < 0)
            return state_done(&st, VAL_NULL);
        if (found == 0)
            break;
        rt_list_append(list, text_slice(&t, st.string, last, st.start));
        for (ssize_t g = 1; g <= p->groups; g++) {
            Value v = state_group(&st, g, rt_None);
            if (v == VAL_NULL)
                return state_done(&st, VAL_NULL);
            rt_list_append(list, v);
        }
        state_advance(&st);
        last = st.start;
    }
    rt_list_append(list, text_slice(&t, st.string, last, st.endpos));
    return state_done(&st, list);
}

/* ---- Pattern: sub and subn ----------------------------------------------------------- */

/* What replaces each match: the callable (or, for a template, the filter
 * re._subx made of it) called with the Match, or a literal used as is. */
typedef struct Filter {
    Value value;
    bool is_callable;
} Filter;

static bool make_filter(ObjPattern *p, Value repl, Filter *f)
{
    if (rt_callable(repl)) {
        *f = (Filter){ repl, true };
        return true;
    }
    /* a str or bytes without backslashes is its own replacement */
    SreText t;
    bool literal = false;
    if (rt_is_str(repl))            /* its UTF-8: a backslash is one byte */
        literal = memchr(rt_str_cstr(repl), '\\', rt_str_nbytes(repl)) == NULL;
    else if (get_text(repl, &t))    /* a bytes-like object, 1 byte a character */
        literal = memchr(t.data, '\\', (size_t)t.length) == NULL;
    else
        rt_err_clear();
    if (literal) {
        *f = (Filter){ repl, false };
        return true;
    }
    Value subx_args[2] = { obj_val(p), repl };
    Value filter = call_re(rt_py_minor >= 12 ? "_compile_template" : "_subx", subx_args, 2);
    if (filter == VAL_NULL)
        return false;
    *f = (Filter){ filter, rt_callable(filter) };
    return true;
}

/* "".join(pieces) or b"".join(pieces), with str.join's and bytes.join's
 * messages for an item of the wrong type (a replacement function may
 * return anything).  A str result is made once at its size (str.join's
 * way): sub of a 1 MB text grew a buffer to 2 MB through 1 MB and then
 * copied it, three big blocks for one result. */
static Value join_pieces(Value list, bool isbytes)
{
    ObjList *l = AS_LIST(list);
    if (!isbytes)
        return rt_str_join_items(rt_str_empty(), l->items, l->length);
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < l->length; i++) {
        Value v = l->items[i];
        SreText t;
        if (rt_is_str(v) || !get_text(v, &t)) {
            rt_err_clear();
            return rt_raisef(&rt_TypeError,
                             "sequence item %zu: expected a bytes-like object, %T found",
                             i, v);
        }
        sb_add(&sb, t.data, (size_t)t.length);
    }
    return rt_bytes_new((const unsigned char *)sb.data, sb.len);
}

static Value pattern_subx(ObjPattern *p, Value repl, Value string, ssize_t count, bool subn)
{
    Filter filter;
    if (!make_filter(p, repl, &filter))
        return VAL_NULL;
    SreState st;
    if (!state_init(&st, p, string, 0, SSIZE_MAX))
        return VAL_NULL;
    SreText t = state_text(&st);
    Value list = rt_list_new(0);
    ssize_t n = 0, i = 0;
    while (count == 0 || n < count) {
        int found = state_next(&st, p);
        if (found < 0)
            return state_done(&st, VAL_NULL);
        if (found == 0)
            break;
        if (i < st.start)
            rt_list_append(list, text_slice(&t, string, i, st.start));
        Value item = filter.value;
        if (filter.is_callable) {
            Value m = new_match(p, &st, 1);
            if (m == VAL_NULL || (item = rt_call1(filter.value, m)) == VAL_NULL)
                return state_done(&st, VAL_NULL);
        }
        if (item != rt_None)
            rt_list_append(list, item);
        i = st.ptr;
        n++;
        state_advance(&st);
    }
    state_done(&st, VAL_NULL);
    if (i < st.endpos)
        rt_list_append(list, text_slice(&t, string, i, st.endpos));
    Value result = AS_LIST(list)->length == 0 ? text_slice(&t, string, 0, 0)
                                              : join_pieces(list, st.isbytes);
    if (result == VAL_NULL || !subn)
        return result;
    return rt_tuple_pack(2, result, small_new(n));
}

static Value sub_method(const char *fname, bool subn, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "repl", "string", "count" };
    const ArgSpec spec = { fname, names, 3, 0, 2, 3, false };
    Value a[3];
    ssize_t count = 0;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) ||
        (a[2] != VAL_NULL && !ssize_arg(a[2], &count)))
        return VAL_NULL;
    return pattern_subx(PATTERN(args[0]), a[0], a[1], count, subn);
}

static Value pattern_sub(Value *args, size_t nargs, Value kw)
{
    return sub_method("sub", false, args, nargs, kw);
}

static Value pattern_subn(Value *args, size_t nargs, Value kw)
{
    return sub_method("subn", true, args, nargs, kw);
}

/* ---- Pattern: attributes, repr, ==, copies --------------------------------------------- */

/* repr(v) cut to n characters: CPython's %.<n>R. */
static bool add_repr_cut(StrBuf *sb, Value v, size_t n)
{
    Value r = rt_repr(v);
    if (r == VAL_NULL)
        return false;
    if (AS_STR(r)->length > n)
        r = rt_str_substr(r, 0, n);
    sb_add(sb, rt_str_cstr(r), rt_str_nbytes(r));
    return true;
}

static Value pattern_repr(Value self)
{
    static const struct { int flag; const char *name; } names[] = {
        { SRE_FLAG_TEMPLATE, "re.TEMPLATE" }, { SRE_FLAG_IGNORECASE, "re.IGNORECASE" },
        { SRE_FLAG_LOCALE, "re.LOCALE" }, { SRE_FLAG_MULTILINE, "re.MULTILINE" },
        { SRE_FLAG_DOTALL, "re.DOTALL" }, { SRE_FLAG_UNICODE, "re.UNICODE" },
        { SRE_FLAG_VERBOSE, "re.VERBOSE" }, { SRE_FLAG_DEBUG, "re.DEBUG" },
        { SRE_FLAG_ASCII, "re.ASCII" },
    };
    ObjPattern *p = PATTERN(self);
    int flags = p->flags;
    /* re.UNICODE is the default for str patterns: not shown */
    if (p->isbytes == 0 &&
        (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) == SRE_FLAG_UNICODE)
        flags &= ~SRE_FLAG_UNICODE;
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "re.compile(");
    if (!add_repr_cut(&sb, p->pattern, 200))
        return VAL_NULL;
    const char *sep = ", ";
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (flags & names[i].flag) {
            sb_adds(&sb, sep);
            sb_adds(&sb, names[i].name);
            flags &= ~names[i].flag;
            sep = "|";
        }
    if (flags) {
        sb_adds(&sb, sep);
        Value hex = rt_str_format_c("0x%x", (unsigned)flags);
        sb_add(&sb, rt_str_cstr(hex), rt_str_nbytes(hex));
    }
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

static Value pattern_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !IS_EXACT(b, pattern_type))
        return rt_NotImplemented;
    ObjPattern *x = PATTERN(a), *y = PATTERN(b);
    int eq = a == b;
    if (!eq && x->flags == y->flags && x->isbytes == y->isbytes && x->codesize == y->codesize &&
        memcmp(x->code, y->code, x->codesize * sizeof(SreCode)) == 0) {
        eq = rt_compare_bool(x->pattern, y->pattern, CMP_EQ);
        if (eq < 0)
            return VAL_NULL;
    }
    return rt_bool((eq != 0) == (op == CMP_EQ));
}

static intptr_t pattern_hash(Value self)
{
    ObjPattern *p = PATTERN(self);
    intptr_t h = rt_hash(p->pattern);
    if (h == -1)
        return -1;
    uint64_t code_hash = 14695981039346656037ull;     /* FNV-1a over the code */
    for (size_t i = 0; i < p->codesize; i++) {
        code_hash ^= p->code[i];
        code_hash *= 1099511628211ull;
    }
    h ^= (intptr_t)code_hash ^ p->flags ^ p->isbytes ^ (intptr_t)p->codesize;
    return h == -1 ? -2 : h;
}

/* The attributes CPython declares as PyMemberDef fields (pattern, flags,
 * Match.pos ...) are getsets here whose assignment says "readonly
 * attribute", as a member's does; the others are read-only getsets, named
 * in their message. */
static int readonly_member(Value obj, Value v)
{
    rt_raisef(&rt_AttributeError, "readonly attribute");
    return -1;
}

static Value pattern_get_pattern(Value self) { return PATTERN(self)->pattern; }
static Value pattern_get_flags(Value self) { return small_new(PATTERN(self)->flags); }
static Value pattern_get_groups(Value self) { return small_new(PATTERN(self)->groups); }

/* CPython returns a read-only mappingproxy of the dict; pvm has no
 * mappingproxy type yet, so this is a copy (same str(), same lookups). */
static Value pattern_get_groupindex(Value self)
{
    ObjPattern *p = PATTERN(self);
    /* CPython 3.11: a read-only view of the pattern's own dict, or a new
     * empty dict when there are no named groups. */
    if (p->groupindex == VAL_NULL || rt_dict_len(p->groupindex) == 0)
        return rt_dict_new();
    return rt_mappingproxy_new(p->groupindex);
}

/* __copy__ and __deepcopy__: patterns and matches are immutable. */
static Value return_self(Value *args, size_t nargs, Value kw)
{
    return args[0];
}

static Value copy_method(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("__copy__", nargs - 1, kw) ? args[0] : VAL_NULL;
}

static Value deepcopy_method(Value *args, size_t nargs, Value kw)
{
    return rt_arg_one("__deepcopy__", nargs - 1, kw) ? return_self(args, nargs, kw) : VAL_NULL;
}

static const MethodDef pattern_methods[] = {
    {"match", pattern_match}, {"fullmatch", pattern_fullmatch}, {"search", pattern_search},
    {"sub", pattern_sub}, {"subn", pattern_subn}, {"findall", pattern_findall},
    {"split", pattern_split}, {"finditer", pattern_finditer}, {"scanner", pattern_scanner},
    {"__copy__", copy_method}, {"__deepcopy__", deepcopy_method},
    {NULL, NULL}
};

static Value no_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    return rt_raisef(&rt_TypeError, "cannot create '%s' instances", type->name);
}

static const GetSetDef pattern_getsets[] = {
    {"pattern", pattern_get_pattern, readonly_member},
    {"flags", pattern_get_flags, readonly_member},
    {"groups", pattern_get_groups, readonly_member},
    {"groupindex", pattern_get_groupindex},
    {NULL},
};

static ObjType pattern_type = {
    .ob.type = &rt_type_type, .name = "re.Pattern", .flags = TF_WEAKREFABLE,
    .repr = pattern_repr, .richcompare = pattern_richcompare, .hash = pattern_hash,
    .new_ = no_new, .getsets = pattern_getsets,
};

/* ---- Match ------------------------------------------------------------------------------ */

/* A group given by number (anything with __index__) or by name: its
 * number, or -1 with IndexError "no such group" (CPython's
 * match_getindex; numbers too large for an index clamp, as there). */
static bool has_index(Value v)
{
    return val_is_small(v) || rt_isinstance_of(v, &rt_int_type) ||
           ((val_type(v)->flags & TF_HEAPTYPE) &&
            rt_type_lookup(val_type(v), RT_NAME("__index__")) != VAL_NULL);
}

static ssize_t match_index(ObjMatch *m, Value key)
{
    ssize_t i = -1;
    if (key == VAL_NULL)
        return 0;
    if (has_index(key)) {
        Value n = rt_index(key);
        if (n == VAL_NULL)
            return -1;
        int64_t x;
        if (val_is_small(n))
            i = small_value(n);
        else if (rt_int_as_i64(n, &x))
            i = (ssize_t)x;
        else {
            rt_err_clear();
            i = rt_int_sign(n) < 0 ? -1 : SSIZE_MAX;
        }
    } else if (m->pattern->groupindex != VAL_NULL) {
        bool error = false;
        Value g = rt_dict_get(m->pattern->groupindex, key, &error);
        if (error)
            return -1;
        if (g != VAL_NULL && rt_isinstance_of(g, &rt_int_type) && !ssize_arg(g, &i))
            return -1;
    }
    if (i < 0 || i >= m->groups) {
        rt_raisef(&rt_IndexError, "no such group");
        return -1;
    }
    return i;
}

/* Mark i of a match: the start (even i) or end of group i / 2, -1 when
 * the group did not take part. */
static ssize_t match_mark(const ObjMatch *m, ssize_t i)
{
    return i < m->nmarks ? m->mark[i] : -1;
}

/* The text of group g (clamped to the subject as it is now), or dflt. */
static Value match_group_at(ObjMatch *m, ssize_t g, Value dflt)
{
    if (match_mark(m, 2 * g) < 0)
        return dflt;
    SreText t;
    if (!get_text(m->string, &t))
        return VAL_NULL;
    ssize_t i = m->mark[2 * g], j = m->mark[2 * g + 1];
    i = i < t.length ? i : t.length;
    j = j < t.length ? j : t.length;
    return text_slice(&t, m->string, i, j);
}

static Value match_group_key(ObjMatch *m, Value key, Value dflt)
{
    ssize_t g = match_index(m, key);
    return g < 0 ? VAL_NULL : match_group_at(m, g, dflt);
}

static Value match_group(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("Match.group", kw))
        return VAL_NULL;
    ObjMatch *m = MATCH(args[0]);
    if (nargs <= 2)
        return match_group_key(m, nargs == 2 ? args[1] : small_new(0), rt_None);
    Value t = rt_tuple_new(nargs - 1);
    for (size_t i = 1; i < nargs; i++) {
        Value v = match_group_key(m, args[i], rt_None);
        if (v == VAL_NULL)
            return VAL_NULL;
        AS_TUPLE(t)->items[i - 1] = v;
    }
    return t;
}

static Value match_getitem(Value self, Value key)
{
    return match_group_key(MATCH(self), key, rt_None);
}

/* groups(default=None), groupdict(default=None) */
static bool default_arg(const char *fname, Value *args, size_t nargs, Value kw, Value *dflt)
{
    static const char *const names[] = { "default" };
    const ArgSpec spec = { fname, names, 1, 0, 0, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return false;
    *dflt = a[0] != VAL_NULL ? a[0] : rt_None;
    return true;
}

static Value match_groups(Value *args, size_t nargs, Value kw)
{
    Value dflt;
    if (!default_arg("groups", args, nargs, kw, &dflt))
        return VAL_NULL;
    ObjMatch *m = MATCH(args[0]);
    Value t = rt_tuple_new((size_t)m->groups - 1);
    for (ssize_t g = 1; g < m->groups; g++) {
        Value v = match_group_at(m, g, dflt);
        if (v == VAL_NULL)
            return VAL_NULL;
        AS_TUPLE(t)->items[g - 1] = v;
    }
    return t;
}

static Value match_groupdict(Value *args, size_t nargs, Value kw)
{
    Value dflt;
    if (!default_arg("groupdict", args, nargs, kw, &dflt))
        return VAL_NULL;
    ObjMatch *m = MATCH(args[0]);
    Value d = rt_dict_new();
    if (m->pattern->groupindex == VAL_NULL)
        return d;
    Value name, number;
    for (size_t i = 0; rt_dict_next(m->pattern->groupindex, &i, &name, &number);) {
        Value v = match_group_key(m, name, dflt);
        if (v == VAL_NULL || !rt_dict_set(d, name, v))
            return VAL_NULL;
    }
    return d;
}

/* start/end/span(group=0, /): the group's index, or -1 with the error. */
static ssize_t span_group(const char *fname, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw_in("Match", fname, kw) || !rt_arg_range(fname, nargs - 1, 0, 1))
        return -1;
    return match_index(MATCH(args[0]), nargs > 1 ? args[1] : VAL_NULL);
}

static Value match_start(Value *args, size_t nargs, Value kw)
{
    ssize_t g = span_group("start", args, nargs, kw);
    return g < 0 ? VAL_NULL : small_new(match_mark(MATCH(args[0]), 2 * g));
}

static Value match_end(Value *args, size_t nargs, Value kw)
{
    ssize_t g = span_group("end", args, nargs, kw);
    return g < 0 ? VAL_NULL : small_new(match_mark(MATCH(args[0]), 2 * g + 1));
}

static Value span_pair(ObjMatch *m, ssize_t g)
{
    return rt_tuple_pack(2, small_new(match_mark(m, 2 * g)), small_new(match_mark(m, 2 * g + 1)));
}

static Value match_span(Value *args, size_t nargs, Value kw)
{
    ssize_t g = span_group("span", args, nargs, kw);
    return g < 0 ? VAL_NULL : span_pair(MATCH(args[0]), g);
}

/* expand(template): re._expand(pattern, match, template). */
static Value match_expand(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "template" };
    const ArgSpec spec = { "expand", names, 1, 0, 1, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    Value expand_args[3] = { obj_val(MATCH(args[0])->pattern), args[0], a[0] };
    if (rt_py_minor < 12)
        return call_re("_expand", expand_args, 3);
    Value compile_args[2] = { expand_args[0], a[0] };                  /* 3.12 */
    Value template = call_re("_compile_template", compile_args, 2);
    return template == VAL_NULL ? VAL_NULL : rt_call1(template, args[0]);
}

/* ---- 3.12's templates ---------------------------------------------------------------- */

/* A template applied to a match: the list re._parser.parse_template
 * made (a literal, then group number and literal pairs; a literal may be
 * None), bound as self.  An unmatched group contributes nothing. */
static Value template_expand(Value *args, size_t nargs, Value kw)
{
    if (nargs != 2 || !is_tuple(args[0]) || !IS_EXACT(args[1], match_type))
        return rt_raisef(&rt_TypeError, "a template is called with one match");
    Value items = args[0];
    ObjMatch *m = MATCH(args[1]);
    Value pieces = rt_list_new(0);
    for (size_t i = 0; i < rt_tuple_len(items); i++) {
        Value piece = rt_tuple_get(items, i);
        if (i % 2 == 1) {
            ssize_t g = small_value(piece);
            piece = match_group_at(m, g, rt_None);
            if (piece == VAL_NULL)
                return VAL_NULL;
        }
        if (piece != rt_None && !rt_list_append(pieces, piece))
            return VAL_NULL;
    }
    SreText t;
    if (!get_text(m->string, &t))
        return VAL_NULL;
    return AS_LIST(pieces)->length == 0 ? text_slice(&t, m->string, 0, 0)
                                        : join_pieces(pieces, !rt_is_str(m->string));
}

/* _sre.template(pattern, template): the expander of a replacement
 * template (re._compile_template), its group numbers checked. */
static Value sre_template(Value *args, size_t nargs, Value kw)
{
    if (nargs != 2 || !IS_EXACT(args[0], pattern_type) || !is_list(args[1]) ||
        AS_LIST(args[1])->length % 2 == 0)
        return rt_raisef(&rt_TypeError, "template() takes a pattern and a template list");
    Value items = rt_list_as_tuple(args[1]);
    for (size_t i = 1; i < rt_tuple_len(items); i += 2) {
        Value g = rt_tuple_get(items, i);
        if (!val_is_small(g) || small_value(g) < 0 ||
            small_value(g) > PATTERN(args[0])->groups)
            return rt_raisef(&rt_IndexError, "invalid group reference");
    }
    return rt_builtin_new("template", template_expand, items);
}

static Value match_repr(Value self)
{
    ObjMatch *m = MATCH(self);
    Value group0 = match_group_at(m, 0, rt_None);
    if (group0 == VAL_NULL)
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    Value head = rt_str_format_c("<re.Match object; span=(%zd, %zd), match=",
                                 m->mark[0], m->mark[1]);
    sb_add(&sb, rt_str_cstr(head), rt_str_nbytes(head));
    if (!add_repr_cut(&sb, group0, 50))
        return VAL_NULL;
    sb_addc(&sb, '>');
    return sb_finish(&sb);
}

static Value match_get_string(Value self) { return MATCH(self)->string; }
static Value match_get_re(Value self) { return obj_val(MATCH(self)->pattern); }
static Value match_get_pos(Value self) { return small_new(MATCH(self)->pos); }
static Value match_get_endpos(Value self) { return small_new(MATCH(self)->endpos); }

static Value match_get_lastindex(Value self)
{
    ssize_t i = MATCH(self)->lastindex;
    return i >= 0 ? small_new(i) : rt_None;
}

static Value match_get_lastgroup(Value self)
{
    ObjMatch *m = MATCH(self);
    Value names = m->pattern->indexgroup;
    if (names != VAL_NULL && m->lastindex >= 0 &&
        (size_t)m->lastindex < AS_TUPLE(names)->length)
        return AS_TUPLE(names)->items[m->lastindex];
    return rt_None;
}

static Value match_get_regs(Value self)
{
    ObjMatch *m = MATCH(self);
    if (m->regs == VAL_NULL) {
        Value regs = rt_tuple_new((size_t)m->groups);
        for (ssize_t g = 0; g < m->groups; g++)
            AS_TUPLE(regs)->items[g] = span_pair(m, g);
        m->regs = regs;
    }
    return m->regs;
}

static const MethodDef match_methods[] = {
    {"group", match_group}, {"start", match_start}, {"end", match_end}, {"span", match_span},
    {"groups", match_groups}, {"groupdict", match_groupdict}, {"expand", match_expand},
    {"__copy__", copy_method}, {"__deepcopy__", deepcopy_method},
    {NULL, NULL}
};

static const GetSetDef match_getsets[] = {
    {"string", match_get_string, readonly_member}, {"re", match_get_re, readonly_member},
    {"pos", match_get_pos, readonly_member}, {"endpos", match_get_endpos, readonly_member},
    {"lastindex", match_get_lastindex}, {"lastgroup", match_get_lastgroup},
    {"regs", match_get_regs},
    {NULL},
};

static ObjType match_type = {
    .ob.type = &rt_type_type, .name = "re.Match",
    .repr = match_repr, .getitem = match_getitem, .new_ = no_new, .getsets = match_getsets,
};

/* ---- Scanner ------------------------------------------------------------------------------ */

/* One step of a scanner: match (at its position) or search (from it). */
static Value scanner_step(const char *fname, bool search, Value *args, size_t nargs, Value kw)
{
    if (nargs > 1 || rt_nkwargs(kw) > 0)
        return rt_raisef(&rt_TypeError, "%s() takes no arguments", fname);
    ObjScanner *s = SCANNER(args[0]);
    SreState *st = &s->state;
    if (s->executing)
        return rt_raisef(&rt_ValueError, "regular expression scanner already executing");
    if (s->done)
        return rt_None;
    s->executing = true;
    mod_sre_state_reset(st);
    st->ptr = st->start;
    ssize_t status = search ? mod_sre_search(st, s->pattern->code)
                            : mod_sre_match(st, s->pattern->code);
    Value m = new_match(s->pattern, st, status);
    if (status == 0)
        s->done = true;
    else if (status > 0)
        state_advance(st);
    s->executing = false;
    return m;
}

static Value scanner_match(Value *args, size_t nargs, Value kw)
{
    return scanner_step("match", false, args, nargs, kw);
}

static Value scanner_search(Value *args, size_t nargs, Value kw)
{
    return scanner_step("search", true, args, nargs, kw);
}

static Value scanner_get_pattern(Value self) { return obj_val(SCANNER(self)->pattern); }

static const MethodDef scanner_methods[] = {
    {"match", scanner_match}, {"search", scanner_search},
    {NULL, NULL}
};

static const GetSetDef scanner_getsets[] = {
    {"pattern", scanner_get_pattern, readonly_member},
    {NULL},
};

static ObjType scanner_type = {
    .ob.type = &rt_type_type, .name = "_sre.SRE_Scanner", .new_ = no_new,
    .getsets = scanner_getsets,
};

/* ---- _sre.compile -------------------------------------------------------------------------- */

/* The code list as words.  CPython 3.11 reads each with
 * PyLong_AsUnsignedLong and reports anything that is not a 32-bit word
 * (negative, too large, not an int) as the same OverflowError. */
static SreCode *code_words(Value list, size_t n)
{
    SreCode *code = gc_alloc_atomic((n ? n : 1) * sizeof *code);
    for (size_t i = 0; i < n; i++) {
        Value v = AS_LIST(list)->items[i];
        int64_t x = -1;
        if (val_is_small(v))
            x = small_value(v);
        else if (rt_isinstance_of(v, &rt_int_type) && !rt_int_as_i64(rt_int_unbool(v), &x)) {
            rt_err_clear();
            x = -1;
        }
        if (x < 0 || x > (int64_t)UINT32_MAX) {
            rt_raisef(&rt_OverflowError, "regular expression code size limit exceeded");
            return NULL;
        }
        code[i] = (SreCode)x;
    }
    return code;
}

/* "compile() argument 'code' must be list, not tuple" */
static bool check_kind(Value v, ObjType *type, const char *arg)
{
    if (rt_isinstance_of(v, type))
        return true;
    rt_raisef(&rt_TypeError, "compile() argument '%s' must be %s, not %T", arg, type->name, v);
    return false;
}

static Value sre_compile(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "pattern", "flags", "code", "groups", "groupindex",
                                         "indexgroup" };
    const ArgSpec spec = { "compile", names, 6, 0, 6, 6, false };
    Value a[6];
    int flags;
    ssize_t groups;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !int_arg(a[1], &flags) ||
        !check_kind(a[2], &rt_list_type, "code") || !ssize_arg(a[3], &groups) ||
        !check_kind(a[4], &rt_dict_type, "groupindex") ||
        !check_kind(a[5], &rt_tuple_type, "indexgroup"))
        return VAL_NULL;
    size_t n = AS_LIST(a[2])->length;
    SreCode *code = code_words(a[2], n);
    if (code == NULL)
        return VAL_NULL;
    int isbytes = -1;
    if (a[0] != rt_None) {
        SreText t;
        if (!get_text(a[0], &t))
            return VAL_NULL;
        isbytes = t.isbytes;
    }
    ObjPattern *p = gc_alloc(sizeof *p);
    p->ob.type = &pattern_type;
    p->pattern = a[0];
    p->flags = flags;
    p->isbytes = isbytes;
    p->groups = groups;
    p->codesize = n;
    p->code = code;
    if (rt_dict_len(a[4]) > 0) {
        p->groupindex = a[4];
        if (AS_TUPLE(a[5])->length > 0)
            p->indexgroup = a[5];
    }
    if (!mod_sre_validate(code, n, groups))
        return rt_raisef(&rt_RuntimeError, "invalid SRE code");
    return obj_val(p);
}

/* ---- The character functions ------------------------------------------------------------- */

/* f(character, /) with a C int argument. */
static bool char_arg(const char *fname, Value *args, size_t nargs, Value kw, uint32_t *ch)
{
    int c;
    if (!rt_arg_one(fname, nargs, kw) || !int_arg(args[0], &c))
        return false;
    *ch = (uint32_t)c;
    return true;
}

static Value sre_getcodesize(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("_sre.getcodesize", nargs, kw) ? small_new(sizeof(SreCode)) : VAL_NULL;
}

static Value sre_ascii_iscased(Value *args, size_t nargs, Value kw)
{
    uint32_t ch;
    if (!char_arg("_sre.ascii_iscased", args, nargs, kw, &ch))
        return VAL_NULL;
    return rt_bool(ch < 128 && ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'));
}

static Value sre_unicode_iscased(Value *args, size_t nargs, Value kw)
{
    uint32_t ch;
    if (!char_arg("_sre.unicode_iscased", args, nargs, kw, &ch))
        return VAL_NULL;
    return rt_bool(ch != mod_sre_lower_unicode(ch) || ch != mod_sre_upper_unicode(ch));
}

static Value sre_ascii_tolower(Value *args, size_t nargs, Value kw)
{
    uint32_t ch;
    if (!char_arg("_sre.ascii_tolower", args, nargs, kw, &ch))
        return VAL_NULL;
    return small_new((int32_t)mod_sre_lower_ascii(ch));
}

static Value sre_unicode_tolower(Value *args, size_t nargs, Value kw)
{
    uint32_t ch;
    if (!char_arg("_sre.unicode_tolower", args, nargs, kw, &ch))
        return VAL_NULL;
    return small_new((int32_t)mod_sre_lower_unicode(ch));
}

static const MethodDef sre_functions[] = {
    {"compile", sre_compile}, {"template", sre_template}, {"getcodesize", sre_getcodesize},
    {"ascii_iscased", sre_ascii_iscased}, {"unicode_iscased", sre_unicode_iscased},
    {"ascii_tolower", sre_ascii_tolower}, {"unicode_tolower", sre_unicode_tolower},
    {NULL, NULL}
};

/* ---- The module ------------------------------------------------------------------------------- */

/* Ready a type once: its methods, attributes and PEP 585 subscription
 * (re.Pattern[str]). */
static void ready_type(ObjType *type, const MethodDef *methods, bool generic)
{
    if (type->mro != VAL_NULL)
        return;
    rt_type_ready(type, methods);
    if (generic)
        rt_type_add_class_getitem(type);
}

Value mod_sre_init(void)
{
    ready_type(&pattern_type, pattern_methods, true);
    ready_type(&match_type, match_methods, true);
    ready_type(&scanner_type, scanner_methods, false);

    Value m = mod_module_new("_sre", sre_functions);
    mod_module_set(m, "MAGIC", small_new(rt_py_minor >= 13 ? SRE_MAGIC_313
                                               : rt_py_minor == 12 ? SRE_MAGIC_312 : SRE_MAGIC));
    mod_module_set(m, "CODESIZE", small_new(sizeof(SreCode)));
    mod_module_set(m, "MAXREPEAT", small_new(SRE_MAXREPEAT));
    mod_module_set(m, "MAXGROUPS", small_new(SRE_MAXGROUPS));
    mod_module_set(m, "copyright",
                   rt_str_from_cstr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
    return m;
}
