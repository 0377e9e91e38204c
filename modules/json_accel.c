/*
 * json_accel.c — the _json module (CPython's Modules/_json.c), the accelerator
 * under Lib/json: the two inner loops every encode and decode spends its
 * time in.
 *
 *   scanstring(s, end, strict=True) -> (str, end)
 *       the JSON string literal whose opening quote is at s[end - 1]:
 *       escapes (\n, \uXXXX with surrogate pairs joined) decoded, and the
 *       index after its closing quote; json.decoder.JSONDecodeError with
 *       CPython's message and position otherwise.
 *   encode_basestring_ascii(s), encode_basestring(s)
 *       s as a JSON string literal, quotes included: every non-ASCII
 *       character as \uXXXX, or only what JSON requires escaped.
 *
 * Lib/json imports each name on its own and falls back to its Python code
 * for a missing one: make_scanner and make_encoder are not here yet, so
 * json.scanner.py_make_scanner and the Python encoder run, calling these.
 */
#include <string.h>
#include "modules/modutil.h"

/* raise json.decoder.JSONDecodeError(msg, s, pos) */
static Value decode_error(const char *msg, Value s, ssize_t pos)
{
    Value json = mod_import("json.decoder");
    Value decoder = json == VAL_NULL ? VAL_NULL : rt_getattr_cstr(json, "decoder");
    Value cls = decoder == VAL_NULL ? VAL_NULL : rt_getattr_cstr(decoder, "JSONDecodeError");
    if (cls == VAL_NULL)
        return VAL_NULL;
    Value exc = rt_call(cls, (Value[]){rt_str_from_cstr(msg), s, small_new(pos)}, 3, VAL_NULL);
    return exc == VAL_NULL ? VAL_NULL : rt_raise(exc);
}

/* The value of 4 hex digits at s[i..i+4), or -1. */
static int32_t hex4(Value s, size_t len, size_t i)
{
    if (i + 4 > len)
        return -1;
    int32_t v = 0;
    for (size_t k = i; k < i + 4; k++) {
        uint32_t c = rt_str_char_at(s, k);
        int d = c >= '0' && c <= '9' ? (int)(c - '0') : c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10)
              : c >= 'A' && c <= 'F' ? (int)(c - 'A' + 10) : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* CPython's scanstring_unicode: the string from s[end] up to its closing
 * quote; *next is the index after it. */
static Value scan(Value s, ssize_t end, bool strict, ssize_t *next)
{
    size_t len = AS_STR(s)->length, i = (size_t)end;
    StrBuf sb;
    sb_init(&sb);
    for (;;) {
        /* the run of characters that need no decoding */
        size_t start = i;
        uint32_t c = 0;
        for (; i < len; i++) {
            c = rt_str_char_at(s, i);
            if (c == '"' || c == '\\')
                break;
            if (c <= 0x1f && strict)
                return decode_error("Invalid control character at", s, (ssize_t)i);
        }
        if (i >= len)
            return decode_error("Unterminated string starting at", s, end - 1);
        size_t a = rt_str_offset(s, start), b = rt_str_offset(s, i);
        sb_add(&sb, rt_str_cstr(s) + a, b - a);
        i++;
        if (c == '"')
            break;
        if (i >= len)
            return decode_error("Unterminated string starting at", s, end - 1);
        c = rt_str_char_at(s, i++);
        if (c != 'u') {
            static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
            const char *p = c < 0x80 ? strchr(from, (int)c) : NULL;
            if (p == NULL || c == 0)
                return decode_error("Invalid \\escape", s, (ssize_t)i - 2);
            sb_addc(&sb, to[p - from]);
            continue;
        }
        int32_t u = hex4(s, len, i);
        if (u < 0)
            return decode_error("Invalid \\uXXXX escape", s, (ssize_t)i - 1);
        i += 4;
        /* a high surrogate followed by an escaped low one is one character */
        if (u >= 0xD800 && u <= 0xDBFF && i + 6 <= len && rt_str_char_at(s, i) == '\\' &&
            rt_str_char_at(s, i + 1) == 'u') {
            int32_t low = hex4(s, len, i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                u = 0x10000 + (((u - 0xD800) << 10) | (low - 0xDC00));
                i += 6;
            }
        }
        sb_add_codepoint(&sb, (uint32_t)u);
    }
    *next = (ssize_t)i;
    return sb_finish(&sb);
}

/* scanstring(string, end, strict=True, /) */
static Value json_scanstring(Value *args, size_t nargs, Value kw)
{
    ssize_t end, next = 0;
    if (!rt_arg_nokw("scanstring", kw) || !rt_arg_count("scanstring", nargs, 2, 3))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "first argument must be a string, not %T", args[0]);
    if (!rt_as_ssize(args[1], &end))
        return VAL_NULL;
    int strict = nargs > 2 ? rt_truthy(args[2]) : 1;
    if (strict < 0)
        return VAL_NULL;
    if (end < 0 || (size_t)end > AS_STR(args[0])->length)
        return rt_raisef(&rt_ValueError, "end is out of bounds");
    Value r = scan(args[0], end, strict, &next);
    return r == VAL_NULL ? VAL_NULL : rt_tuple_pack(2, r, small_new(next));
}

/* ---- encoding --------------------------------------------------------------------- */

static void add_u_escape(StrBuf *sb, uint32_t c)
{
    char buf[16];
    snprintf(buf, sizeof buf, "\\u%04x", (unsigned)c);
    sb_adds(sb, buf);
}

/* s as a JSON string literal; ascii_only: every character >= 0x7f as
 * \uXXXX (a surrogate pair beyond the BMP). */
static Value encode(const char *fname, Value s, bool ascii_only)
{
    if (!rt_is_str(s))
        return rt_raisef(&rt_TypeError, "first argument must be a string, not %T", s);
    const char *p = rt_str_cstr(s);
    size_t n = rt_str_nbytes(s);
    StrBuf sb;
    sb_init(&sb);
    sb_addc(&sb, '"');
    for (size_t off = 0; off < n;) {
        size_t clen;
        uint32_t c = rt_utf8_decode(p + off, &clen);
        const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" :
                          c == '\r' ? "\\r" : c == '\t' ? "\\t" : c == '\b' ? "\\b" :
                          c == '\f' ? "\\f" : NULL;
        if (esc != NULL) {
            sb_adds(&sb, esc);
        } else if (c < 0x20 || (ascii_only && c >= 0x7f)) {
            if (c >= 0x10000) {
                add_u_escape(&sb, 0xD800 + ((c - 0x10000) >> 10));
                add_u_escape(&sb, 0xDC00 + ((c - 0x10000) & 0x3FF));
            } else {
                add_u_escape(&sb, c);
            }
        } else {
            sb_add(&sb, p + off, clen);
        }
        off += clen;
    }
    sb_addc(&sb, '"');
    return sb_finish(&sb);
}

static Value json_encode_basestring_ascii(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_json.encode_basestring_ascii", nargs, kw))
        return VAL_NULL;
    return encode("encode_basestring_ascii", args[0], true);
}

static Value json_encode_basestring(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_json.encode_basestring", nargs, kw))
        return VAL_NULL;
    return encode("encode_basestring", args[0], false);
}

static const MethodDef json_functions[] = {
    {"scanstring", json_scanstring},
    {"encode_basestring_ascii", json_encode_basestring_ascii},
    {"encode_basestring", json_encode_basestring},
    {NULL, NULL}
};

Value mod_json_accel_init(void)
{
    return mod_module_new("_json", json_functions);
}
