/*
 * strmethods.c — the methods of str: split, join, strip, find, replace, the
 * case conversions and character-class tests, padding, partition, encode,
 * translate, ...  (str.format lives in format.c.)
 *
 * Semantics and error messages follow CPython 3.11.  Most methods work on
 * the UTF-8 bytes directly: searching is byte searching (UTF-8 is
 * self-synchronising) and results are byte ranges of the original.  Only
 * where a method needs positions in code points (start/end arguments, the
 * index find() returns) do we convert between code-point indexes and byte
 * offsets — free for ASCII strings, a scan otherwise.
 *
 * Case mapping and character classes come from unicode.c, which follows
 * CPython 3.11's Unicode 14.0 database.
 */
#define _GNU_SOURCE             /* memmem, memrchr */
#include <stdio.h>
#include <limits.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/codecs.h"

/* ---- Argument checking ----------------------------------------------------
 * CPython's str methods report bad argument counts in three styles,
 * depending on how each method is declared in unicodeobject.c. */

enum {
    ST_METH,        /* "str.upper() takes no arguments (1 given)" */
    ST_CLINIC,      /* "center expected at least 1 argument, got 0" */
    ST_PARSE,       /* "find() takes at least 1 argument (0 given)" */
};

/* check_args's refusal, in the method's style; false. */
__attribute__((noinline)) static bool refuse_args(const char *name, int style, size_t n,
                                                  Value kwnames, size_t min, size_t max)
{
    char qualified[64];
    snprintf(qualified, sizeof qualified, "str.%s", name);
    if (style == ST_PARSE && rt_py_minor >= 13)
        style = ST_CLINIC;      /* 3.13 moved find, count, ... to Argument Clinic */
    if (!rt_arg_nokw(style == ST_PARSE ? name : qualified, kwnames))
        return false;
    if (style == ST_METH)
        return max == 0 ? rt_arg_none(qualified, n, VAL_NULL) : rt_arg_one(qualified, n, VAL_NULL);
    if (style == ST_CLINIC)
        return rt_arg_range(name, n, min, max);
    return rt_arg_count(name, n, min, max);
}

/* Check that a method (args[0] is self) got min..max positional arguments
 * and no keywords. */
static inline bool check_args(const char *name, int style, size_t nargs, Value kwnames,
                              size_t min, size_t max)
{
    size_t n = nargs - 1;
    /* The usual case, decided before any message is made ("str.name" by
     * snprintf cost more than most of the methods themselves). */
    bool counted = style == ST_METH ? n == (max == 0 ? 0 : 1) : n >= min && n <= max;
    if (counted && rt_nkwargs(kwnames) == 0)
        return true;
    return refuse_args(name, style, n, kwnames, min, max);
}

/* Arguments that may be given by keyword: fill out[0..nnames) (VAL_NULL when
 * absent) from positional args[1..] and the keywords. */
static bool parse_kw(const char *name, Value *args, size_t nargs, Value kwnames,
                     const char *const *names, size_t nnames, Value *out)
{
    ArgSpec spec = { name, names, (int)nnames, 0, 0, (int)nnames, false };
    return rt_parse_args(&spec, args + 1, nargs - 1, kwnames, out);
}

/* A str argument, or TypeError "must be str, not int". */
static bool need_str(Value v)
{
    if (rt_is_str(v))
        return true;
    rt_raisef(&rt_TypeError, "must be str, not %T", v);
    return false;
}

/* An integer argument (anything with __index__). */
static bool get_ssize(Value v, ssize_t *out)
{
    if (!is_int(v) && !is_bool(v)) {
        Value i = rt_index(v);
        if (!i)
            return false;
        v = i;
    }
    return rt_as_ssize(v, out);
}

/* The optional start/end arguments of find, count, startswith ...: None or
 * an index, negative counting from the end, clamped to [0, len] like a slice.
 * *start may end up > len; callers check. */
static bool get_range(Value *args, size_t n, size_t len, ssize_t *start, ssize_t *end)
{
    *start = 0;
    *end = (ssize_t)len;
    for (size_t i = 0; i < n && i < 2; i++) {
        if (args[i] == rt_None)
            continue;
        ssize_t v;
        if (!rt_slice_arg(args[i], &v))
            return false;
        if (v < 0)
            v = v + (ssize_t)len < 0 ? 0 : v + (ssize_t)len;
        if (v > (ssize_t)len && i == 1)
            v = (ssize_t)len;
        *(i == 0 ? start : end) = v;
    }
    return true;
}

/* ---- Small helpers ------------------------------------------------------------ */

#define S(v) AS_STR(v)

/* A new str from bytes [from, to) of s (valid UTF-8 by construction). */
static Value sub_bytes(Value s, size_t from, size_t to)
{
    if (from == 0 && to == S(s)->nbytes && is_str(s))
        return s;
    if (S(s)->ascii)
        return rt_str_new_known(S(s)->data + from, to - from, to - from, true);
    return rt_str_new(S(s)->data + from, to - from);
}

/* First occurrence of needle in hay[from, to), as a byte offset, or -1. */
static ssize_t bytes_find(const char *hay, size_t from, size_t to,
                          const char *needle, size_t m)
{
    if (to < from || to - from < m)
        return -1;
    if (m == 0)
        return (ssize_t)from;
    const char *p = memmem(hay + from, to - from, needle, m);
    return p ? p - hay : -1;
}

/* Last occurrence of needle in hay[from, to), or -1. */
static ssize_t bytes_rfind(const char *hay, size_t from, size_t to,
                           const char *needle, size_t m)
{
    if (to < from || to - from < m)
        return -1;
    if (m == 0)
        return (ssize_t)to;
    if (m == 1) {
        const char *p = memrchr(hay + from, needle[0], to - from);
        return p ? p - hay : -1;
    }
    for (size_t i = to - m + 1; i-- > from;) {
        if (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0)
            return (ssize_t)i;
    }
    return -1;
}

/* Reverse a list in place (rsplit collects its parts from the right). */
static Value list_reversed(Value list)
{
    Value *items = AS_LIST(list)->items;
    for (size_t a = 0, b = AS_LIST(list)->length; a + 1 < b; a++, b--) {
        Value t = items[a];
        items[a] = items[b - 1];
        items[b - 1] = t;
    }
    return list;
}

/* ---- join ---------------------------------------------------------------------- */

Value rt_str_join_items(Value sep, const Value *items, size_t n)
{
    size_t total = 0, length = 0;
    bool ascii = S(sep)->ascii;
    for (size_t i = 0; i < n; i++) {
        if (!is_str(items[i]) && !rt_is_str(items[i]))
            return rt_raisef(&rt_TypeError, "sequence item %zu: expected str instance, %T found",
                             i, items[i]);
        total += S(items[i])->nbytes;
        length += S(items[i])->length;
        ascii = ascii && S(items[i])->ascii;
    }
    if (n == 1 && is_str(items[0]))
        return items[0];
    if (n > 1) {
        total += (n - 1) * S(sep)->nbytes;
        length += (n - 1) * S(sep)->length;
    }
    Value result = rt_str_uninit(total, length, ascii);
    if (result == VAL_NULL)
        return VAL_NULL;
    char *d = S(result)->data;
    size_t sepbytes = S(sep)->nbytes;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && sepbytes != 0) {
            memcpy(d, S(sep)->data, sepbytes);
            d += sepbytes;
        }
        size_t k = S(items[i])->nbytes;
        if (k == 1)                     /* characters: no call to memcpy */
            *d = S(items[i])->data[0];
        else
            memcpy(d, S(items[i])->data, k);
        d += k;
    }
    return result;
}

Value rt_str_join(Value sep, Value it, bool *made)
{
    const Value *items;
    size_t n;
    if (is_list(it)) {
        items = AS_LIST(it)->items;
        n = AS_LIST(it)->length;
    } else if (is_tuple(it)) {
        items = AS_TUPLE(it)->items;
        n = AS_TUPLE(it)->length;
    } else {
        if (!val_type(it)->iter && !val_type(it)->getitem)
            return rt_raisef(&rt_TypeError, "can only join an iterable");
        Value list = rt_sequence_fast(it);
        if (!list)
            return VAL_NULL;
        items = AS_LIST(list)->items;
        n = AS_LIST(list)->length;
    }
    Value r = rt_str_join_items(sep, items, n);
    *made = n == 0 || r != items[0];    /* all but an item given back is new */
    return r;
}

Value rt_str_join_method(Value *args, size_t nargs, Value kw)
{
    if (!check_args("join", ST_METH, nargs, kw, 1, 1))
        return VAL_NULL;
    bool made;
    return rt_str_join(args[0], args[1], &made);
}

/* ---- split family ------------------------------------------------------------- */

/* split/rsplit's (sep, maxsplit) arguments. */
static bool split_args(const char *name, Value *args, size_t nargs, Value kw,
                       Value *sep, ssize_t *maxsplit)
{
    static const char *const names[] = {"sep", "maxsplit"};
    Value a[2];
    if (!parse_kw(name, args, nargs, kw, names, 2, a))
        return false;
    *sep = a[0] ? a[0] : rt_None;
    *maxsplit = -1;
    if (a[1] && !get_ssize(a[1], maxsplit))
        return false;
    if (*maxsplit < 0)
        *maxsplit = PTRDIFF_MAX;
    if (*sep == rt_None)
        return true;
    if (!rt_is_str(*sep)) {
        rt_raisef(&rt_TypeError, "must be str or None, not %T", *sep);
        return false;
    }
    if (S(*sep)->nbytes == 0) {
        rt_raisef(&rt_ValueError, "empty separator");
        return false;
    }
    return true;
}

/* Is the character at byte offset `off` whitespace?  Sets its length.  An
 * ASCII byte is answered without decoding it (rt_uni_isspace's ASCII set). */
static inline bool space_at(const char *p, size_t off, size_t *len)
{
    unsigned char c = (unsigned char)p[off];
    if (c < 0x80) {
        *len = 1;
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }
    return rt_uni_isspace(rt_utf8_decode(p + off, len));
}

/* The number of whitespace-separated words in p[0..n). */
static size_t count_words(const char *p, size_t n)
{
    size_t words = 0, len;
    bool in_word = false;
    for (size_t i = 0; i < n; i += len) {
        bool space = space_at(p, i, &len);
        words += !space && !in_word;
        in_word = !space;
    }
    return words;
}

/* A whole split's list is made its final size at once, not grown by
 * appends: text.split() of a long text keeps a list of millions of words,
 * which growth would leave up to twice as large (list_reserve doubles big
 * arrays) and copy into ever larger blocks on the way. */
static Value split_whitespace(Value s, ssize_t maxsplit)
{
    const char *p = S(s)->data;
    size_t n = S(s)->nbytes, i = 0, len;
    Value list = rt_list_new(maxsplit == PTRDIFF_MAX ? count_words(p, n) : 0);
    while (i < n) {
        while (i < n && space_at(p, i, &len))
            i += len;
        if (i == n)
            break;
        if (maxsplit-- == 0) {      /* the rest, trailing spaces included */
            rt_list_append(list, sub_bytes(s, i, n));
            break;
        }
        size_t start = i;
        while (i < n && !space_at(p, i, &len))
            i += len;
        rt_list_append(list, sub_bytes(s, start, i));
    }
    return list;
}

static Value rsplit_whitespace(Value s, ssize_t maxsplit)
{
    const char *p = S(s)->data;
    size_t i = S(s)->nbytes, len;
    Value list = rt_list_new(0);
    while (i > 0) {
        while (i > 0 && space_at(p, rt_utf8_prev(p, i), &len))
            i = rt_utf8_prev(p, i);
        if (i == 0)
            break;
        if (maxsplit-- == 0) {
            rt_list_append(list, sub_bytes(s, 0, i));
            break;
        }
        size_t end = i;
        while (i > 0 && !space_at(p, rt_utf8_prev(p, i), &len))
            i = rt_utf8_prev(p, i);
        rt_list_append(list, sub_bytes(s, i, end));
    }
    return list_reversed(list);     /* collected from the right */
}

static Value split_sep(Value s, Value sep, ssize_t maxsplit)
{
    const char *p = S(s)->data, *q = S(sep)->data;
    size_t n = S(s)->nbytes, m = S(sep)->nbytes, start = 0;
    Value list = rt_list_new(0);
    ssize_t at;
    while (maxsplit-- > 0 && (at = bytes_find(p, start, n, q, m)) >= 0) {
        rt_list_append(list, sub_bytes(s, start, (size_t)at));
        start = (size_t)at + m;
    }
    rt_list_append(list, sub_bytes(s, start, n));
    return list;
}

static Value rsplit_sep(Value s, Value sep, ssize_t maxsplit)
{
    const char *p = S(s)->data, *q = S(sep)->data;
    size_t m = S(sep)->nbytes, end = S(s)->nbytes;
    Value list = rt_list_new(0);
    ssize_t at;
    while (maxsplit-- > 0 && (at = bytes_rfind(p, 0, end, q, m)) >= 0) {
        rt_list_append(list, sub_bytes(s, (size_t)at + m, end));
        end = (size_t)at;
    }
    rt_list_append(list, sub_bytes(s, 0, end));
    return list_reversed(list);
}

static Value str_split(Value *args, size_t nargs, Value kw)
{
    Value sep;
    ssize_t maxsplit;
    if (!split_args("split", args, nargs, kw, &sep, &maxsplit))
        return VAL_NULL;
    if (sep == rt_None)
        return split_whitespace(args[0], maxsplit);
    return split_sep(args[0], sep, maxsplit);
}

static Value str_rsplit(Value *args, size_t nargs, Value kw)
{
    Value sep;
    ssize_t maxsplit;
    if (!split_args("rsplit", args, nargs, kw, &sep, &maxsplit))
        return VAL_NULL;
    if (sep == rt_None)
        return rsplit_whitespace(args[0], maxsplit);
    return rsplit_sep(args[0], sep, maxsplit);
}

static Value str_splitlines(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"keepends"};
    Value a[1];
    if (!parse_kw("splitlines", args, nargs, kw, names, 1, a))
        return VAL_NULL;
    bool keep;
    if (!rt_arg_flag(a[0], false, &keep))
        return VAL_NULL;
    Value s = args[0];
    const char *p = S(s)->data;
    size_t n = S(s)->nbytes, i = 0;
    Value list = rt_list_new(0);
    while (i < n) {
        size_t start = i, len = 1;
        while (i < n) {
            unsigned char c = (unsigned char)p[i];
            if (c >= 0x20 && c < 0x80) {        /* printable ASCII: never a line break */
                i++;
                continue;
            }
            uint32_t cp = c;
            len = 1;
            if (c >= 0x80)
                cp = rt_utf8_decode(p + i, &len);
            if (rt_uni_islinebreak(cp))
                break;
            i += len;
        }
        size_t eol = i;
        if (i < n) {
            i += (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n') ? 2 : len;
        }
        rt_list_append(list, sub_bytes(s, start, keep ? i : eol));
    }
    return list;
}

/* ---- partition -------------------------------------------------------------------- */

static Value partition(Value *args, size_t nargs, Value kw, bool right)
{
    const char *name = right ? "rpartition" : "partition";
    if (!check_args(name, ST_METH, nargs, kw, 1, 1) || !need_str(args[1]))
        return VAL_NULL;
    Value s = args[0], sep = args[1];
    size_t n = S(s)->nbytes, m = S(sep)->nbytes;
    if (m == 0)
        return rt_raisef(&rt_ValueError, "empty separator");
    ssize_t at = right ? bytes_rfind(S(s)->data, 0, n, S(sep)->data, m)
                       : bytes_find(S(s)->data, 0, n, S(sep)->data, m);
    Value e = rt_str_empty();
    if (at < 0)
        return right ? rt_tuple_pack(3, e, e, s) : rt_tuple_pack(3, s, e, e);
    return rt_tuple_pack(3, sub_bytes(s, 0, (size_t)at), sep, sub_bytes(s, (size_t)at + m, n));
}

static Value str_partition(Value *args, size_t nargs, Value kw)
{
    return partition(args, nargs, kw, false);
}

static Value str_rpartition(Value *args, size_t nargs, Value kw)
{
    return partition(args, nargs, kw, true);
}

/* ---- strip -------------------------------------------------------------------------- */

/* Is code point c stripped: whitespace when chars is None, else one of chars. */
static bool strip_match(uint32_t c, Value chars)
{
    if (chars == rt_None)
        return rt_uni_isspace(c);
    ObjStr *cs = S(chars);
    if (cs->ascii)
        return c < 0x80 && memchr(cs->data, (int)c, cs->nbytes) != NULL;
    const uint32_t *cps = rt_str_codepoints(chars);
    for (size_t i = 0; i < cs->length; i++)
        if (cps[i] == c)
            return true;
    return false;
}

static Value do_strip(Value *args, size_t nargs, Value kw, const char *name, bool left, bool right)
{
    if (!check_args(name, ST_CLINIC, nargs, kw, 0, 1))
        return VAL_NULL;
    Value chars = nargs > 1 ? args[1] : rt_None;
    if (chars != rt_None && !rt_is_str(chars))
        return rt_raisef(&rt_TypeError, "%s arg must be None or str", name);
    Value s = args[0];
    const char *p = S(s)->data;
    size_t from = 0, to = S(s)->nbytes, len;
    while (left && from < to && strip_match(rt_utf8_decode(p + from, &len), chars))
        from += len;
    while (right && to > from) {
        size_t prev = rt_utf8_prev(p, to);
        if (!strip_match(rt_utf8_decode(p + prev, &len), chars))
            break;
        to = prev;
    }
    return sub_bytes(s, from, to);
}

static Value str_strip(Value *args, size_t nargs, Value kw)
{
    return do_strip(args, nargs, kw, "strip", true, true);
}

static Value str_lstrip(Value *args, size_t nargs, Value kw)
{
    return do_strip(args, nargs, kw, "lstrip", true, false);
}

static Value str_rstrip(Value *args, size_t nargs, Value kw)
{
    return do_strip(args, nargs, kw, "rstrip", false, true);
}

/* ---- find family ---------------------------------------------------------------------- */

/* Parse (sub[, start[, end]]) and turn start/end into a byte range.  Returns
 * false on error; *empty is set when start lies beyond the string. */
static bool find_args(const char *name, Value *args, size_t nargs, Value kw,
                      size_t *from, size_t *to, bool *beyond)
{
    if (!check_args(name, ST_PARSE, nargs, kw, 1, 3))
        return false;
    if (rt_py_minor >= 13 && !rt_is_str(args[1])) {
        rt_raisef(&rt_TypeError, "%s() argument 1 must be str, not %N", name, args[1]);
        return false;
    }
    /* Before 3.13, start and end are converted before sub is checked. */
    Value s = args[0];
    ssize_t start, end;
    if (!get_range(args + 2, nargs - 2, S(s)->length, &start, &end) || !need_str(args[1]))
        return false;
    *beyond = start > (ssize_t)S(s)->length || start > end;
    if (*beyond)
        return true;
    *from = rt_str_offset(s, (size_t)start);
    *to = rt_str_offset(s, (size_t)end);
    return true;
}

/* find/rfind/index/rindex: the code-point index of the match, -1 if none,
 * -2 on error. */
static ssize_t find_common(const char *name, Value *args, size_t nargs, Value kw, bool right)
{
    size_t from, to;
    bool beyond;
    if (!find_args(name, args, nargs, kw, &from, &to, &beyond))
        return -2;
    if (beyond)
        return -1;
    Value s = args[0], sub = args[1];
    ssize_t at = right ? bytes_rfind(S(s)->data, from, to, S(sub)->data, S(sub)->nbytes)
                       : bytes_find(S(s)->data, from, to, S(sub)->data, S(sub)->nbytes);
    return at < 0 ? -1 : (ssize_t)rt_str_index_of(s, (size_t)at);
}

static Value find_result(ssize_t r, bool raise)
{
    if (r == -2)
        return VAL_NULL;
    if (r == -1 && raise)
        return rt_raisef(&rt_ValueError, "substring not found");
    return small_new(r);
}

static Value str_find(Value *args, size_t nargs, Value kw)
{
    return find_result(find_common("find", args, nargs, kw, false), false);
}

static Value str_rfind(Value *args, size_t nargs, Value kw)
{
    return find_result(find_common("rfind", args, nargs, kw, true), false);
}

static Value str_index(Value *args, size_t nargs, Value kw)
{
    return find_result(find_common("index", args, nargs, kw, false), true);
}

static Value str_rindex(Value *args, size_t nargs, Value kw)
{
    return find_result(find_common("rindex", args, nargs, kw, true), true);
}

static Value str_count(Value *args, size_t nargs, Value kw)
{
    size_t from, to;
    bool beyond;
    if (!find_args("count", args, nargs, kw, &from, &to, &beyond))
        return VAL_NULL;
    if (beyond)
        return small_new(0);
    Value s = args[0], sub = args[1];
    size_t m = S(sub)->nbytes;
    if (m == 0)     /* one empty match at each character boundary */
        return small_new((intptr_t)rt_str_index_of(s, to) - (intptr_t)rt_str_index_of(s, from) + 1);
    intptr_t count = 0;
    ssize_t at;
    while ((at = bytes_find(S(s)->data, from, to, S(sub)->data, m)) >= 0) {
        count++;
        from = (size_t)at + m;
    }
    return small_new(count);
}

/* ---- startswith / endswith -------------------------------------------------------------- */

static int affix_match(Value s, Value affix, size_t from, size_t to, bool at_end)
{
    size_t m = S(affix)->nbytes;
    if (to - from < m)
        return 0;
    size_t at = at_end ? to - m : from;
    return memcmp(S(s)->data + at, S(affix)->data, m) == 0;
}

static Value affix_method(Value *args, size_t nargs, Value kw, const char *name, bool at_end)
{
    if (!check_args(name, ST_PARSE, nargs, kw, 1, 3))
        return VAL_NULL;
    Value s = args[0], what = args[1];
    ssize_t start, end;
    if (!get_range(args + 2, nargs - 2, S(s)->length, &start, &end))
        return VAL_NULL;
    bool is_tup = is_tuple(what);
    if (!is_tup && !rt_is_str(what))
        return rt_raisef(&rt_TypeError, "%s first arg must be str or a tuple of str, not %T",
                         name, what);
    if (start > (ssize_t)S(s)->length)
        return rt_False;
    if (end < start)
        end = start;
    size_t from = rt_str_offset(s, (size_t)start), to = rt_str_offset(s, (size_t)end);
    size_t n = is_tup ? rt_tuple_len(what) : 1;
    for (size_t i = 0; i < n; i++) {
        Value affix = is_tup ? rt_tuple_get(what, i) : what;
        if (!rt_is_str(affix))
            return rt_raisef(&rt_TypeError, "tuple for %s must only contain str, not %T",
                             name, affix);
        if (affix_match(s, affix, from, to, at_end))
            return rt_True;
    }
    return rt_False;
}

static Value str_startswith(Value *args, size_t nargs, Value kw)
{
    return affix_method(args, nargs, kw, "startswith", false);
}

static Value str_endswith(Value *args, size_t nargs, Value kw)
{
    return affix_method(args, nargs, kw, "endswith", true);
}

static Value affix_remove(Value *args, size_t nargs, Value kw, const char *name, bool suffix)
{
    if (!check_args(name, ST_METH, nargs, kw, 1, 1))
        return VAL_NULL;
    Value s = args[0], affix = args[1];
    if (!rt_is_str(affix))
        return rt_raisef(&rt_TypeError, "%s() argument must be str, not %N", name, affix);
    size_t n = S(s)->nbytes, m = S(affix)->nbytes;
    if (m == 0 || !affix_match(s, affix, 0, n, suffix))
        return sub_bytes(s, 0, n);
    return suffix ? sub_bytes(s, 0, n - m) : sub_bytes(s, m, n);
}

static Value str_removeprefix(Value *args, size_t nargs, Value kw)
{
    return affix_remove(args, nargs, kw, "removeprefix", false);
}

static Value str_removesuffix(Value *args, size_t nargs, Value kw)
{
    return affix_remove(args, nargs, kw, "removesuffix", true);
}

/* ---- replace ------------------------------------------------------------------------------- */

/* old == '': new goes before every character and at the end, count times. */
static Value replace_empty(Value s, Value new, ssize_t count)
{
    StrBuf sb;
    sb_init(&sb);
    const char *p = S(s)->data;
    size_t n = S(s)->nbytes, i = 0, len;
    for (; count > 0; count--) {
        sb_add(&sb, S(new)->data, S(new)->nbytes);
        if (i == n)
            break;
        rt_utf8_decode(p + i, &len);
        sb_add(&sb, p + i, len);
        i += len;
    }
    sb_add(&sb, p + i, n - i);
    return sb_finish(&sb);
}

static Value str_replace(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "", "", "count" };
    static const ArgSpec spec = { "replace", names, 3, 2, 2, 3, false };
    Value a[4] = { args[0] };
    if (rt_py_minor >= 13) {        /* 3.13: count= may be given by keyword */
        if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a + 1))
            return VAL_NULL;
        args = a;
        nargs = a[3] != VAL_NULL ? 4 : 3;
    } else if (!check_args("replace", ST_CLINIC, nargs, kw, 2, 3))
        return VAL_NULL;
    Value s = args[0], old = args[1], new = args[2];
    if (!rt_is_str(old))
        return rt_raisef(&rt_TypeError, "replace() argument 1 must be str, not %N", old);
    if (!rt_is_str(new))
        return rt_raisef(&rt_TypeError, "replace() argument 2 must be str, not %N", new);
    ssize_t count = -1;
    if (nargs > 3 && !get_ssize(args[3], &count))
        return VAL_NULL;
    if (count < 0)
        count = PTRDIFF_MAX;
    if (S(old)->nbytes == 0)
        return replace_empty(s, new, count);
    const char *p = S(s)->data;
    size_t n = S(s)->nbytes, m = S(old)->nbytes, start = 0;
    ssize_t at = bytes_find(p, 0, n, S(old)->data, m);
    if (at < 0 || count == 0)
        return sub_bytes(s, 0, n);
    StrBuf sb;
    sb_init(&sb);
    for (; count > 0 && at >= 0; count--) {
        sb_add(&sb, p + start, (size_t)at - start);
        sb_add(&sb, S(new)->data, S(new)->nbytes);
        start = (size_t)at + m;
        at = bytes_find(p, start, n, S(old)->data, m);
    }
    sb_add(&sb, p + start, n - start);
    return sb_finish(&sb);
}

/* ---- Case conversion --------------------------------------------------------------------------- */

typedef size_t (*CaseMap)(uint32_t c, uint32_t out[3]);

static void add_seq(StrBuf *sb, const uint32_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_add_codepoint(sb, out[i]);
}

static void add_mapped(StrBuf *sb, uint32_t c, CaseMap map)
{
    uint32_t out[3];
    add_seq(sb, out, map(c, out));
}

/* Is the capital sigma at byte offset `at` of p[0..n) final: preceded by a
 * cased letter and not followed by one, case-ignorable characters skipped
 * (Unicode's Final_Sigma condition, as CPython's lower() applies it)? */
static bool final_sigma(const char *p, size_t n, size_t at)
{
    bool before = false, after = false;
    size_t len;
    for (size_t i = at; i > 0;) {
        i = rt_utf8_prev(p, i);
        uint32_t c = rt_utf8_decode(p + i, &len);
        if (!rt_uni_iscaseignorable(c)) {
            before = rt_uni_iscased(c);
            break;
        }
    }
    rt_utf8_decode(p + at, &len);
    for (size_t i = at + len; i < n; i += len) {
        uint32_t c = rt_utf8_decode(p + i, &len);
        if (!rt_uni_iscaseignorable(c)) {
            after = rt_uni_iscased(c);
            break;
        }
    }
    return before && !after;
}

/* Lower case of the character c at byte offset `at` (sigma needs context). */
static void add_lower_at(StrBuf *sb, const char *p, size_t n, size_t at, uint32_t c)
{
    if (c == 0x3A3) {
        sb_add_codepoint(sb, final_sigma(p, n, at) ? 0x3C2 : 0x3C3);
        return;
    }
    add_mapped(sb, c, rt_uni_tolower);
}

/* Which context-free mapping each method applies. */
enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_FOLD };

/* Map every character of s.  ASCII strings map byte by byte. */
static Value map_chars(Value s, int how)
{
    ObjStr *str = S(s);
    const char *p = str->data;
    size_t n = str->nbytes;
    if (str->ascii) {
        Value result = rt_str_uninit(n, n, true);
        if (result == VAL_NULL)
            return VAL_NULL;
        char *buf = S(result)->data;
        for (size_t i = 0; i < n; i++) {
            char c = p[i];
            bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
            if ((up && how != CASE_UPPER) || (low && (how == CASE_UPPER || how == CASE_SWAP)))
                c ^= 0x20;
            buf[i] = c;
        }
        return result;
    }
    StrBuf sb;
    sb_init(&sb);
    sb_reserve(&sb, n);
    for (size_t i = 0, len; i < n; i += len) {
        uint32_t c = rt_utf8_decode(p + i, &len);
        if (how == CASE_UPPER || (how == CASE_SWAP && rt_uni_islower(c)))
            add_mapped(&sb, c, rt_uni_toupper);
        else if (how == CASE_LOWER || (how == CASE_SWAP && rt_uni_isupper(c)))
            add_lower_at(&sb, p, n, i, c);
        else if (how == CASE_FOLD)
            add_mapped(&sb, c, rt_uni_casefold);
        else
            sb_add_codepoint(&sb, c);
    }
    return sb_finish(&sb);
}

static Value case_method(Value *args, size_t nargs, Value kw, const char *name, int how)
{
    if (!check_args(name, ST_METH, nargs, kw, 0, 0))
        return VAL_NULL;
    return map_chars(args[0], how);
}

static Value str_upper(Value *args, size_t nargs, Value kw)
{
    return case_method(args, nargs, kw, "upper", CASE_UPPER);
}

static Value str_lower(Value *args, size_t nargs, Value kw)
{
    return case_method(args, nargs, kw, "lower", CASE_LOWER);
}

static Value str_swapcase(Value *args, size_t nargs, Value kw)
{
    return case_method(args, nargs, kw, "swapcase", CASE_SWAP);
}

static Value str_casefold(Value *args, size_t nargs, Value kw)
{
    return case_method(args, nargs, kw, "casefold", CASE_FOLD);
}

/* First character to title case, the rest to lower case. */
static Value str_capitalize(Value *args, size_t nargs, Value kw)
{
    if (!check_args("capitalize", ST_METH, nargs, kw, 0, 0))
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    const char *p = S(args[0])->data;
    size_t n = S(args[0])->nbytes;
    for (size_t i = 0, len; i < n; i += len) {
        uint32_t c = rt_utf8_decode(p + i, &len);
        if (i == 0)
            add_mapped(&sb, c, rt_uni_totitle);
        else
            add_lower_at(&sb, p, n, i, c);
    }
    return sb_finish(&sb);
}

/* Title case: a character after a cased one goes to lower case, any other
 * to title case ("they're" -> "They'Re", as CPython does). */
static Value str_title(Value *args, size_t nargs, Value kw)
{
    if (!check_args("title", ST_METH, nargs, kw, 0, 0))
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    const char *p = S(args[0])->data;
    size_t n = S(args[0])->nbytes;
    bool prev_cased = false;
    for (size_t i = 0, len; i < n; i += len) {
        uint32_t c = rt_utf8_decode(p + i, &len);
        if (prev_cased)
            add_lower_at(&sb, p, n, i, c);
        else
            add_mapped(&sb, c, rt_uni_totitle);
        prev_cased = rt_uni_iscased(c);
    }
    return sb_finish(&sb);
}

/* ---- Character-class predicates ------------------------------------------------------------------ */

typedef bool (*CharPred)(uint32_t c);

/* True when s is non-empty and every character satisfies pred. */
static Value all_chars(Value *args, size_t nargs, Value kw, const char *name, CharPred pred)
{
    if (!check_args(name, ST_METH, nargs, kw, 0, 0))
        return VAL_NULL;
    ObjStr *s = S(args[0]);
    if (s->nbytes == 0)
        return rt_False;
    for (size_t i = 0, len; i < s->nbytes; i += len)
        if (!pred(rt_utf8_decode(s->data + i, &len)))
            return rt_False;
    return rt_True;
}

#define PREDICATE(meth, pred)                                   \
    static Value str_##meth(Value *args, size_t nargs, Value kw) \
    {                                                           \
        return all_chars(args, nargs, kw, #meth, pred);         \
    }
PREDICATE(isdigit, rt_uni_isdigit)
PREDICATE(isalpha, rt_uni_isalpha)
PREDICATE(isalnum, rt_uni_isalnum)
PREDICATE(isspace, rt_uni_isspace)
PREDICATE(isdecimal, rt_uni_isdecimal)
PREDICATE(isnumeric, rt_uni_isnumeric)
#undef PREDICATE

static Value str_isascii(Value *args, size_t nargs, Value kw)
{
    if (!check_args("isascii", ST_METH, nargs, kw, 0, 0))
        return VAL_NULL;
    return rt_bool(S(args[0])->ascii);
}

static Value str_isprintable(Value *args, size_t nargs, Value kw)
{
    if (!check_args("isprintable", ST_METH, nargs, kw, 0, 0))
        return VAL_NULL;
    ObjStr *s = S(args[0]);
    for (size_t i = 0, len; i < s->nbytes; i += len)
        if (!rt_uni_isprintable(rt_utf8_decode(s->data + i, &len)))
            return rt_False;
    return rt_True;
}

bool rt_str_isidentifier(Value str)
{
    ObjStr *s = S(str);
    if (s->nbytes == 0)
        return false;
    for (size_t i = 0, len; i < s->nbytes; i += len) {
        uint32_t c = rt_utf8_decode(s->data + i, &len);
        if (i == 0 ? !rt_uni_isidstart(c) : !rt_uni_isidcontinue(c))
            return false;
    }
    return true;
}

static Value str_isidentifier(Value *args, size_t nargs, Value kw)
{
    if (!check_args("isidentifier", ST_METH, nargs, kw, 0, 0))
        return VAL_NULL;
    return rt_bool(rt_str_isidentifier(args[0]));
}

/* isupper / islower: at least one cased character and none of the other case. */
static Value case_test(Value *args, size_t nargs, Value kw, const char *name, CharPred want,
                       CharPred reject)
{
    if (!check_args(name, ST_METH, nargs, kw, 0, 0))
        return VAL_NULL;
    ObjStr *s = S(args[0]);
    bool seen = false;
    for (size_t i = 0, len; i < s->nbytes; i += len) {
        uint32_t c = rt_utf8_decode(s->data + i, &len);
        if (reject(c) || rt_uni_istitle(c))
            return rt_False;
        seen = seen || want(c);
    }
    return rt_bool(seen);
}

static Value str_isupper(Value *args, size_t nargs, Value kw)
{
    return case_test(args, nargs, kw, "isupper", rt_uni_isupper, rt_uni_islower);
}

static Value str_islower(Value *args, size_t nargs, Value kw)
{
    return case_test(args, nargs, kw, "islower", rt_uni_islower, rt_uni_isupper);
}

/* Upper-case characters only after uncased ones, lower-case only after
 * cased ones, and at least one cased character. */
static Value str_istitle(Value *args, size_t nargs, Value kw)
{
    if (!check_args("istitle", ST_METH, nargs, kw, 0, 0))
        return VAL_NULL;
    ObjStr *s = S(args[0]);
    bool prev_cased = false, seen = false;
    for (size_t i = 0, len; i < s->nbytes; i += len) {
        uint32_t c = rt_utf8_decode(s->data + i, &len);
        if (rt_uni_isupper(c) || rt_uni_istitle(c)) {
            if (prev_cased)
                return rt_False;
            prev_cased = seen = true;
        } else if (rt_uni_islower(c)) {
            if (!prev_cased)
                return rt_False;
            prev_cased = seen = true;
        } else
            prev_cased = false;
    }
    return rt_bool(seen);
}

/* ---- Padding ---------------------------------------------------------------------------------------- */

static bool fill_arg(const char *name, Value *args, size_t nargs, uint32_t *fill)
{
    *fill = ' ';
    if (nargs < 3)
        return true;
    Value f = args[2];
    if (!rt_is_str(f)) {
        rt_raisef(&rt_TypeError, "The fill character must be a unicode character, not %T", f);
        return false;
    }
    if (S(f)->length != 1) {
        rt_raisef(&rt_TypeError, "The fill character must be exactly one character long");
        return false;
    }
    *fill = rt_str_char_at(f, 0);
    return true;
}

static Value pad(Value s, size_t left, size_t right, uint32_t fill)
{
    if (left == 0 && right == 0)
        return sub_bytes(s, 0, S(s)->nbytes);
    if (!rt_str_size_ok(left + right))             /* 'x'.ljust(10**13) */
        return rt_raise_nomemory();
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < left; i++)
        sb_add_codepoint(&sb, fill);
    sb_add(&sb, S(s)->data, S(s)->nbytes);
    for (size_t i = 0; i < right; i++)
        sb_add_codepoint(&sb, fill);
    return sb_finish(&sb);
}

/* center/ljust/rjust: where = 0 centre, 1 left-justify, 2 right-justify. */
static Value justify(Value *args, size_t nargs, Value kw, const char *name, int where)
{
    if (!check_args(name, ST_CLINIC, nargs, kw, 1, 2))
        return VAL_NULL;
    ssize_t width;
    uint32_t fill;
    if (!get_ssize(args[1], &width) || !fill_arg(name, args, nargs, &fill))
        return VAL_NULL;
    Value s = args[0];
    size_t len = S(s)->length;
    if (width <= (ssize_t)len)
        return sub_bytes(s, 0, S(s)->nbytes);
    size_t marg = (size_t)width - len;
    if (where == 1)
        return pad(s, 0, marg, fill);
    if (where == 2)
        return pad(s, marg, 0, fill);
    /* CPython's rounding: the odd column goes left when width is odd. */
    size_t left = marg / 2 + (marg & (size_t)width & 1);
    return pad(s, left, marg - left, fill);
}

static Value str_center(Value *args, size_t nargs, Value kw)
{
    return justify(args, nargs, kw, "center", 0);
}

static Value str_ljust(Value *args, size_t nargs, Value kw)
{
    return justify(args, nargs, kw, "ljust", 1);
}

static Value str_rjust(Value *args, size_t nargs, Value kw)
{
    return justify(args, nargs, kw, "rjust", 2);
}

static Value str_zfill(Value *args, size_t nargs, Value kw)
{
    if (!check_args("zfill", ST_METH, nargs, kw, 1, 1))
        return VAL_NULL;
    ssize_t width;
    if (!get_ssize(args[1], &width))
        return VAL_NULL;
    Value s = args[0];
    ObjStr *o = S(s);
    if (width <= (ssize_t)o->length)
        return sub_bytes(s, 0, o->nbytes);
    size_t zeros = (size_t)width - o->length;
    bool sign = o->nbytes > 0 && (o->data[0] == '+' || o->data[0] == '-');
    StrBuf sb;
    sb_init(&sb);
    if (sign)
        sb_addc(&sb, o->data[0]);
    for (size_t i = 0; i < zeros; i++)
        sb_addc(&sb, '0');
    sb_add(&sb, o->data + sign, o->nbytes - sign);
    return sb_finish(&sb);
}

static Value str_expandtabs(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"tabsize"};
    Value a[1];
    if (!parse_kw("expandtabs", args, nargs, kw, names, 1, a))
        return VAL_NULL;
    ssize_t tab = 8;
    if (a[0] && !get_ssize(a[0], &tab))
        return VAL_NULL;
    if (tab < INT_MIN || tab > INT_MAX)     /* a C int, as CPython's */
        return rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
    ObjStr *s = S(args[0]);
    StrBuf sb;
    sb_init(&sb);
    size_t col = 0;
    for (size_t i = 0, len; i < s->nbytes; i += len) {
        uint32_t c = rt_utf8_decode(s->data + i, &len);
        if (c == '\t') {
            size_t spaces = tab > 0 ? (size_t)tab - col % (size_t)tab : 0;
            for (size_t k = 0; k < spaces; k++)
                sb_addc(&sb, ' ');
            col += spaces;
            continue;
        }
        sb_add(&sb, s->data + i, len);
        col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
    return sb_finish(&sb);
}

/* ---- encode ------------------------------------------------------------------------------------------ */

static Value str_encode(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"encoding", "errors"};
    Value a[2];
    if (!parse_kw("encode", args, nargs, kw, names, 2, a))
        return VAL_NULL;
    for (int i = 0; i < 2; i++)
        if (a[i] && !rt_is_str(a[i]))
            return rt_raisef(&rt_TypeError, "encode() argument '%s' must be str, not %s",
                             names[i], a[i] == rt_None ? "None" : val_type(a[i])->name);
    return rt_text_encode(args[0], a[0], a[1]);
}

/* ---- translate / maketrans ------------------------------------------------------------------------------ */

/* Append what table maps c to; false on error. */
static bool translate_char(StrBuf *sb, Value table, uint32_t c)
{
    Value r = rt_getitem(table, small_new(c));
    if (!r) {
        if (!rt_err_matches(&rt_LookupError))
            return false;
        rt_err_clear();
        sb_add_codepoint(sb, c);
        return true;
    }
    if (r == rt_None)
        return true;
    if (is_int(r)) {
        int64_t v;
        if (!rt_int_as_i64(r, &v))
            return false;
        if (v < 0 || v > 0x10FFFF) {
            rt_raisef(&rt_ValueError, "character mapping must be in range(0x110000)");
            return false;
        }
        sb_add_codepoint(sb, (uint32_t)v);
        return true;
    }
    if (rt_is_str(r)) {
        sb_add(sb, S(r)->data, S(r)->nbytes);
        return true;
    }
    rt_raisef(&rt_TypeError, "character mapping must return integer, None or str");
    return false;
}

static Value str_translate(Value *args, size_t nargs, Value kw)
{
    if (!check_args("translate", ST_METH, nargs, kw, 1, 1))
        return VAL_NULL;
    ObjStr *s = S(args[0]);
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0, len; i < s->nbytes; i += len)
        if (!translate_char(&sb, args[1], rt_utf8_decode(s->data + i, &len)))
            return VAL_NULL;
    return sb_finish(&sb);
}

/* maketrans(dict) */
static Value maketrans_dict(Value d)
{
    Value result = rt_dict_new(), k, v;
    for (size_t pos = 0; rt_dict_next(d, &pos, &k, &v);) {
        if (rt_is_str(k)) {
            if (S(k)->length != 1)
                return rt_raisef(&rt_ValueError,
                                 "string keys in translate table must be of length 1");
            k = small_new(rt_str_char_at(k, 0));
        } else if (!is_int(k))
            return rt_raisef(&rt_TypeError,
                             "keys in translate table must be strings or integers");
        if (!rt_dict_set(result, k, v))
            return VAL_NULL;
    }
    return result;
}

/* str.maketrans(x[, y[, z]]): a static method, so args has no self. */
static Value str_maketrans(Value *args, size_t nargs, Value kw)
{
    if (rt_nkwargs(kw))
        return rt_raisef(&rt_TypeError, "str.maketrans() takes no keyword arguments");
    if (nargs < 1 || nargs > 3)
        return rt_raisef(&rt_TypeError, "maketrans expected %s %d argument%s, got %zu",
                         nargs < 1 ? "at least" : "at most", nargs < 1 ? 1 : 3,
                         nargs < 1 ? "" : "s", nargs);
    if (nargs == 1) {
        if (!is_dict(args[0]))
            return rt_raisef(&rt_TypeError,
                             "if you give only one argument to maketrans it must be a dict");
        return maketrans_dict(args[0]);
    }
    for (size_t i = 1; i < nargs; i++)
        if (!rt_is_str(args[i]))
            return rt_raisef(&rt_TypeError, "maketrans() argument %zu must be str, not %N",
                             i + 1, args[i]);
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError,
                         "first maketrans argument must be a string if there is a second argument");
    if (S(args[0])->length != S(args[1])->length)
        return rt_raisef(&rt_ValueError,
                         "the first two maketrans arguments must have equal length");
    Value result = rt_dict_new();
    for (size_t i = 0; i < S(args[0])->length; i++)
        rt_dict_set(result, small_new(rt_str_char_at(args[0], i)),
                    small_new(rt_str_char_at(args[1], i)));
    for (size_t i = 0; nargs == 3 && i < S(args[2])->length; i++)
        rt_dict_set(result, small_new(rt_str_char_at(args[2], i)), rt_None);
    return result;
}

/* ---- format / __format__ ---------------------------------------------------------------------------------- */

static Value str_dunder_format(Value *args, size_t nargs, Value kw)
{
    if (!check_args("__format__", ST_METH, nargs, kw, 1, 1))
        return VAL_NULL;
    if (!rt_is_str(args[1]))
        return rt_raisef(&rt_TypeError, "__format__() argument must be str, not %N", args[1]);
    return rt_format_str(args[0], args[1]);
}

static Value str_format(Value *args, size_t nargs, Value kw)
{
    return rt_str_format_method(args, nargs, kw);
}

/* s.__getnewargs__(): (a plain str copy,), for pickling subclasses. */
static Value str_getnewargs(Value *args, size_t nargs, Value kw)
{
    if (!check_args("__getnewargs__", ST_METH, nargs, kw, 0, 0))
        return VAL_NULL;
    ObjStr *s = S(args[0]);
    return rt_tuple_pack(1, rt_str_new(s->data, s->nbytes));
}

const MethodDef rt_str_methods[] = {
    {"maketrans", str_maketrans, RT_METH_STATIC},
    {"join", rt_str_join_method},
    {"__getnewargs__", str_getnewargs},
    {"split", str_split},
    {"rsplit", str_rsplit},
    {"splitlines", str_splitlines},
    {"partition", str_partition},
    {"rpartition", str_rpartition},
    {"strip", str_strip},
    {"lstrip", str_lstrip},
    {"rstrip", str_rstrip},
    {"find", str_find},
    {"rfind", str_rfind},
    {"index", str_index},
    {"rindex", str_rindex},
    {"count", str_count},
    {"startswith", str_startswith},
    {"endswith", str_endswith},
    {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix},
    {"replace", str_replace},
    {"upper", str_upper},
    {"lower", str_lower},
    {"swapcase", str_swapcase},
    {"casefold", str_casefold},
    {"capitalize", str_capitalize},
    {"title", str_title},
    {"isdigit", str_isdigit},
    {"isalpha", str_isalpha},
    {"isalnum", str_isalnum},
    {"isspace", str_isspace},
    {"isdecimal", str_isdecimal},
    {"isnumeric", str_isnumeric},
    {"isascii", str_isascii},
    {"isprintable", str_isprintable},
    {"isidentifier", str_isidentifier},
    {"isupper", str_isupper},
    {"islower", str_islower},
    {"istitle", str_istitle},
    {"center", str_center},
    {"ljust", str_ljust},
    {"rjust", str_rjust},
    {"zfill", str_zfill},
    {"expandtabs", str_expandtabs},
    {"encode", str_encode},
    {"translate", str_translate},
    {"format", str_format},
    {"format_map", rt_str_format_map},
    {"__format__", str_dunder_format},
    {NULL, NULL},
};
