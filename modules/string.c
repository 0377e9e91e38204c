/*
 * string.c — the _string module (CPython's Objects/stringlib/unicode_format.h,
 * the parts exposed in Objects/unicodeobject.c), under Lib/string.py:
 * string.Formatter parses format strings with these two functions.
 *
 *   formatter_parser("x{0!r:>{1}}y") iterates
 *       ('x', '0', '>{1}', 'r'), ('y', None, None, None)
 *   formatter_field_name_split("a.b[0]") is
 *       ('a', iterator of (True, 'b'), (False, 0))
 *
 * Both iterators parse as they go, as CPython's do, so an error in the
 * middle of a string is raised when the iteration reaches it.  Every
 * delimiter is ASCII, so the parsers walk the UTF-8 bytes of the str.
 */
#include <string.h>
#include "modules/modutil.h"

typedef struct ObjMarkupIter {
    Object ob;
    Value str;                  /* the str being parsed */
    size_t pos;                 /* byte offset of what is left */
} ObjMarkupIter;

static ObjType formatteriterator_type, fieldnameiterator_type;

static Value substr(Value s, size_t start, size_t end)
{
    return rt_str_new(rt_str_cstr(s) + start, end - start);
}

static Value markup_new(ObjType *type, Value str, size_t pos)
{
    ObjMarkupIter *it = gc_alloc(sizeof *it);
    it->ob.type = type;
    it->str = str;
    it->pos = pos;
    return obj_val(it);
}

static bool need_str(Value v)
{
    if (rt_is_str(v))
        return true;
    rt_raisef(&rt_TypeError, "expected str, got %T", v);
    return false;
}

/* CPython's get_integer: s[start:end] as an index when it is all digits
 * (-1 otherwise, and for ""); -2 with ValueError when it overflows. */
static ssize_t get_integer(const char *s, size_t start, size_t end)
{
    if (start == end)
        return -1;
    ssize_t acc = 0;
    for (size_t i = start; i < end; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        int digit = s[i] - '0';
        if (acc > (PTRDIFF_MAX - digit) / 10) {
            rt_raisef(&rt_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + digit;
    }
    return acc;
}

/* ---- formatter_parser ------------------------------------------------------------ */

/* The replacement field after a '{' (CPython's parse_field): its name, its
 * conversion (0: none) and its format spec, up to the '}' that closes it. */
static bool parse_field(const char *s, size_t n, size_t *pos, size_t name[2], char *conv,
                        size_t spec[2])
{
    size_t i = *pos;
    char c = 0;
    name[0] = i;
    while (i < n) {
        c = s[i++];
        if (c == '{') {
            rt_raisef(&rt_ValueError, "unexpected '{' in field name");
            return false;
        }
        if (c == '[') {
            while (i < n && s[i] != ']')
                i++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    name[1] = i - 1;
    spec[0] = spec[1] = i;
    *conv = 0;
    if (c != '!' && c != ':') {
        if (c != '}') {
            rt_raisef(&rt_ValueError, "expected '}' before end of string");
            return false;
        }
        *pos = i;
        return true;
    }
    if (c == '!') {
        if (i >= n) {
            rt_raisef(&rt_ValueError, "end of string while looking for conversion specifier");
            return false;
        }
        *conv = s[i++];
        if (i < n) {
            c = s[i++];
            if (c == '}') {
                spec[0] = spec[1] = i - 1;
                *pos = i;
                return true;
            }
            if (c != ':') {
                rt_raisef(&rt_ValueError, "expected ':' after conversion specifier");
                return false;
            }
        }
    }
    spec[0] = i;
    for (int depth = 1; i < n;) {
        c = s[i++];
        if (c == '{')
            depth++;
        else if (c == '}' && --depth == 0) {
            spec[1] = i - 1;
            *pos = i;
            return true;
        }
    }
    rt_raisef(&rt_ValueError, "unmatched '{' in format spec");
    return false;
}

/* The next (literal, field_name, format_spec, conversion) (CPython's
 * MarkupIterator_next): literal text up to a brace ('{{' and '}}' end it
 * with one brace and no field), then the field if one follows. */
static Value formatteriterator_next(Value self)
{
    ObjMarkupIter *it = VAL_AS(ObjMarkupIter, self);
    const char *s = rt_str_cstr(it->str);
    size_t n = rt_str_nbytes(it->str), start = it->pos, i = start;
    if (i >= n)
        return VAL_NULL;
    char c = 0;
    bool markup = false;
    while (i < n) {
        c = s[i++];
        if (c == '{' || c == '}') {
            markup = true;
            break;
        }
    }
    bool at_end = i >= n;
    size_t len = i - start;
    if (c == '}' && (at_end || s[i] != c))
        return rt_raisef(&rt_ValueError, "Single '}' encountered in format string");
    if (at_end && c == '{')
        return rt_raisef(&rt_ValueError, "Single '{' encountered in format string");
    if (!at_end) {
        if (markup && s[i] == c) {
            i++;
            markup = false;
        } else if (markup) {
            len--;
        }
    }
    Value literal = substr(it->str, start, start + len);
    it->pos = i;
    if (!markup)
        return rt_tuple_pack(4, literal, rt_None, rt_None, rt_None);
    size_t name[2], spec[2];
    char conv;
    if (!parse_field(s, n, &it->pos, name, &conv, spec)) {
        it->pos = n;
        return VAL_NULL;
    }
    Value conversion = conv == 0 ? rt_None : rt_str_new(&conv, 1);
    return rt_tuple_pack(4, literal, substr(it->str, name[0], name[1]),
                         substr(it->str, spec[0], spec[1]), conversion);
}

static Value str_formatter_parser(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_string.formatter_parser", nargs, kw) || !need_str(args[0]))
        return VAL_NULL;
    return markup_new(&formatteriterator_type, args[0], 0);
}

/* ---- formatter_field_name_split ------------------------------------------------ */

/* The next (is_attribute, name or index) after the first part (CPython's
 * FieldNameIterator_next): ".name" or "[key]", a key of digits an int. */
static Value fieldnameiterator_next(Value self)
{
    ObjMarkupIter *it = VAL_AS(ObjMarkupIter, self);
    const char *s = rt_str_cstr(it->str);
    size_t n = rt_str_nbytes(it->str), i = it->pos;
    if (i >= n)
        return VAL_NULL;
    char c = s[i++];
    size_t start = i, end;
    bool attr = c == '.';
    if (c == '.') {
        while (i < n && s[i] != '.' && s[i] != '[')
            i++;
        end = i;
    } else if (c == '[') {
        while (i < n && s[i] != ']')
            i++;
        if (i >= n) {
            it->pos = n;
            return rt_raisef(&rt_ValueError, "Missing ']' in format string");
        }
        end = i++;
    } else {
        it->pos = n;
        return rt_raisef(&rt_ValueError,
                         "Only '.' or '[' may follow ']' in format field specifier");
    }
    it->pos = i;
    if (start == end) {
        it->pos = n;
        return rt_raisef(&rt_ValueError, "Empty attribute in format string");
    }
    ssize_t index = attr ? -1 : get_integer(s, start, end);
    if (index == -2)
        return VAL_NULL;
    Value key = index >= 0 ? small_new(index) : substr(it->str, start, end);
    return rt_tuple_pack(2, rt_bool(attr), key);
}

static Value str_formatter_field_name_split(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_string.formatter_field_name_split", nargs, kw) || !need_str(args[0]))
        return VAL_NULL;
    Value s = args[0];
    const char *p = rt_str_cstr(s);
    size_t n = rt_str_nbytes(s), i = strcspn(p, ".[");
    if (i > n)
        i = n;
    ssize_t index = get_integer(p, 0, i);
    if (index == -2)
        return VAL_NULL;
    Value first = index >= 0 ? small_new(index) : substr(s, 0, i);
    return rt_tuple_pack(2, first, markup_new(&fieldnameiterator_type, s, i));
}

static ObjType formatteriterator_type = {
    .ob.type = &rt_type_type, .name = "formatteriterator", .new_ = mod_no_new,
    .iter = rt_iter_self, .next = formatteriterator_next,
};

static ObjType fieldnameiterator_type = {
    .ob.type = &rt_type_type, .name = "fieldnameiterator", .new_ = mod_no_new,
    .iter = rt_iter_self, .next = fieldnameiterator_next,
};

static const MethodDef string_functions[] = {
    {"formatter_parser", str_formatter_parser},
    {"formatter_field_name_split", str_formatter_field_name_split},
    {NULL, NULL}
};

Value mod_string_init(void)
{
    if (formatteriterator_type.mro == VAL_NULL) {
        rt_type_ready(&formatteriterator_type, NULL);
        rt_type_ready(&fieldnameiterator_type, NULL);
    }
    return mod_module_new("_string", string_functions);
}
