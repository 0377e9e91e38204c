/*
 * json.c — the _json module (CPython's Modules/_json.c), the accelerator
 * under Lib/json (json.h has the map of its three files):
 *
 *   scanstring(s, end, strict=True) -> (str, end)
 *       the JSON string literal whose opening quote is at s[end - 1]:
 *       escapes (\n, \uXXXX with surrogate pairs joined) decoded, and the
 *       index after its closing quote; json.decoder.JSONDecodeError with
 *       CPython's message and position otherwise.
 *   encode_basestring_ascii(s), encode_basestring(s)
 *       s as a JSON string literal, quotes included: every non-ASCII
 *       character as \uXXXX, or only what JSON requires escaped.
 *   make_scanner(context), make_encoder(...)
 *       the types of json_scanner.c and json_encoder.c.
 */
#include <string.h>
#include "modules/json.h"

Value json_decode_error(const char *msg, Value s, ssize_t idx)
{
    Value json = mod_import("json.decoder");
    Value decoder = json == VAL_NULL ? VAL_NULL : rt_getattr_cstr(json, "decoder");
    Value cls = decoder == VAL_NULL ? VAL_NULL : rt_getattr_cstr(decoder, "JSONDecodeError");
    if (cls == VAL_NULL)
        return VAL_NULL;
    Value exc = rt_call(cls, (Value[]){rt_str_from_cstr(msg), s, rt_int_from_i64(idx)}, 3, VAL_NULL);
    return exc == VAL_NULL ? VAL_NULL : rt_raise(exc);
}

bool json_ssize_arg(Value v, ssize_t *out)
{
    if (rt_as_ssize(v, out))
        return true;
    if (rt_err_matches(&rt_IndexError)) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C ssize_t");
    }
    return false;
}

/* ---- decoding a string literal -------------------------------------------------- */

static int hex_digit(unsigned char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The value of the 4 hex digits at p, or -1 (a non-ASCII byte is no digit,
 * so this never reads past a character that ends the text). */
static int32_t hex4(const unsigned char *p)
{
    int32_t v = 0;
    for (int k = 0; k < 4; k++) {
        int d = hex_digit(p[k]);
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* The character a one-letter escape (\n, \") stands for, or -1. */
static int unescape(unsigned char c)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *p = c != 0 ? strchr(from, c) : NULL;
    return p != NULL ? to[p - from] : -1;
}

/* The \uXXXX escape whose 'u' is at *pos (the backslash just before): the
 * code point, a surrogate pair written as two escapes joined, or -1 with
 * the error raised.  *pos moves past it.  CPython's bounds: the four digits
 * must be followed by at least one more character, and a second escape is
 * read only when six more follow it. */
static int32_t scan_u_escape(Value s, const unsigned char *p, JsonPos *pos)
{
    size_t len = AS_STR(s)->length, u_idx = pos->idx;
    int32_t c = u_idx + 5 >= len ? -1 : hex4(p + pos->off + 1);
    if (c < 0)
        return json_decode_error("Invalid \\uXXXX escape", s, u_idx), -1;
    pos->off += 5;
    pos->idx += 5;
    if (c < 0xD800 || c > 0xDBFF || pos->idx + 6 >= len || p[pos->off] != '\\' ||
        p[pos->off + 1] != 'u')
        return c;
    int32_t low = hex4(p + pos->off + 2);
    if (low < 0)
        return json_decode_error("Invalid \\uXXXX escape", s, pos->idx + 1), -1;
    if (low < 0xDC00 || low > 0xDFFF)
        return c;
    pos->off += 6;
    pos->idx += 6;
    return 0x10000 + (((c - 0xD800) << 10) | (low - 0xDC00));
}

Value json_scan_string(Value s, JsonPos *pos, bool strict)
{
    const unsigned char *p = (const unsigned char *)rt_str_cstr(s);
    size_t n = rt_str_nbytes(s);
    ssize_t begin = (ssize_t)pos->idx - 1;
    StrBuf sb = {0};
    for (;;) {
        /* the run of characters that need no decoding */
        JsonPos run = *pos;
        bool ascii = true;
        unsigned char b = 0;
        for (; pos->off < n; pos->off++) {
            b = p[pos->off];
            if (b == '"' || b == '\\')
                break;
            if (b < 0x20 && strict)
                return json_decode_error("Invalid control character at", s, pos->idx);
            ascii &= b < 0x80;
            pos->idx += (b & 0xC0) != 0x80;
        }
        if (pos->off >= n)
            return json_decode_error("Unterminated string starting at", s, begin);
        if (b == '"' && sb.data == NULL) {
            /* no escape at all: the literal is a slice of s */
            pos->off++, pos->idx++;
            return rt_str_new_known((const char *)p + run.off, pos->off - 1 - run.off,
                                    pos->idx - 1 - run.idx, ascii);
        }
        if (sb.data == NULL)
            sb_init(&sb);
        sb_add(&sb, (const char *)p + run.off, pos->off - run.off);
        pos->off++, pos->idx++;
        if (b == '"')
            break;
        if (pos->off >= n)
            return json_decode_error("Unterminated string starting at", s, begin);
        if (p[pos->off] == 'u') {
            int32_t c = scan_u_escape(s, p, pos);
            if (c < 0)
                return VAL_NULL;
            sb_add_codepoint(&sb, (uint32_t)c);
            continue;
        }
        int c = unescape(p[pos->off]);
        if (c < 0)
            return json_decode_error("Invalid \\escape", s, pos->idx - 1);
        sb_addc(&sb, (char)c);
        pos->off++, pos->idx++;
    }
    return sb_finish(&sb);
}

/* scanstring(string, end, strict=True, /) */
static Value json_scanstring(Value *args, size_t nargs, Value kw)
{
    ssize_t end, strict = 1;
    if (!rt_arg_nokw("scanstring", kw) || !rt_arg_count("scanstring", nargs, 2, 3))
        return VAL_NULL;
    /* the numbers first, as PyArg_ParseTuple converts them */
    if (!json_ssize_arg(args[1], &end))
        return VAL_NULL;
    if (nargs > 2 && (rt_py_minor >= 12 ? (strict = rt_truthy(args[2])) < 0    /* 3.12: "p" */
                                         : !json_ssize_arg(args[2], &strict)))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "first argument must be a string, not %T", args[0]);
    if (end < 0 || (size_t)end > AS_STR(args[0])->length)
        return rt_raisef(&rt_ValueError, "end is out of bounds");
    JsonPos pos = { rt_str_offset(args[0], (size_t)end), (size_t)end };
    Value r = json_scan_string(args[0], &pos, strict != 0);
    return r == VAL_NULL ? VAL_NULL : rt_tuple_pack(2, r, rt_int_from_u64(pos.idx));
}

/* ---- encoding a string ---------------------------------------------------------- */

static void add_u_escape(StrBuf *sb, uint32_t c)
{
    static const char hex[] = "0123456789abcdef";
    char buf[6] = { '\\', 'u', hex[(c >> 12) & 15], hex[(c >> 8) & 15], hex[(c >> 4) & 15],
                    hex[c & 15] };
    sb_add(sb, buf, sizeof buf);
}

/* The escape of a character below 0x80 that must be escaped, or NULL. */
static const char *short_escape(unsigned char c)
{
    switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '\b': return "\\b";
    case '\f': return "\\f";
    default: return NULL;
    }
}

void json_add_string(StrBuf *sb, Value s, bool ascii_only)
{
    const char *p = rt_str_cstr(s);
    size_t n = rt_str_nbytes(s), run = 0;
    unsigned char top = ascii_only ? 0x7f : 0xff;   /* first byte that needs care */
    sb_reserve(sb, n + 2);
    sb_addc(sb, '"');
    for (size_t off = 0; off < n;) {
        unsigned char b = (unsigned char)p[off];
        if (b >= 0x20 && b != '"' && b != '\\' && b < top) {
            off++;
            continue;
        }
        sb_add(sb, p + run, off - run);
        size_t clen = 1;
        uint32_t c = b < 0x80 ? b : rt_utf8_decode(p + off, &clen);
        const char *esc = c < 0x80 ? short_escape((unsigned char)c) : NULL;
        if (esc != NULL) {
            sb_add(sb, esc, 2);
        } else if (c >= 0x10000) {
            add_u_escape(sb, 0xD800 + ((c - 0x10000) >> 10));
            add_u_escape(sb, 0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            add_u_escape(sb, c);
        }
        off += clen;
        run = off;
    }
    sb_add(sb, p + run, n - run);
    sb_addc(sb, '"');
}

static Value encode_string(Value *args, size_t nargs, Value kw, const char *fname, bool ascii_only)
{
    if (!rt_arg_one(fname, nargs, kw))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "first argument must be a string, not %T", args[0]);
    StrBuf sb;
    sb_init(&sb);
    json_add_string(&sb, args[0], ascii_only);
    return sb_finish(&sb);
}

Value json_encode_basestring_ascii(Value *args, size_t nargs, Value kw)
{
    return encode_string(args, nargs, kw, "_json.encode_basestring_ascii", true);
}

Value json_encode_basestring(Value *args, size_t nargs, Value kw)
{
    return encode_string(args, nargs, kw, "_json.encode_basestring", false);
}

/* ---- the module ----------------------------------------------------------------- */

static const MethodDef json_functions[] = {
    {"encode_basestring_ascii", json_encode_basestring_ascii},
    {"encode_basestring", json_encode_basestring},
    {"scanstring", json_scanstring},
    {NULL, NULL}
};

Value mod_json_init(void)
{
    Value m = mod_module_new("_json", json_functions);
    mod_module_set(m, "__doc__", rt_str_from_cstr("json speedups\n"));
    mod_add_type(m, "make_scanner", &json_scanner_type, NULL);
    mod_add_type(m, "make_encoder", &json_encoder_type, NULL);
    return m;
}
