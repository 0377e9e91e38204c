/*
 * binascii.c — the binascii module (CPython's Modules/binascii.c):
 * conversions between binary data and ASCII encodings — hex, base64,
 * quoted-printable, uuencode — and the crc32 / crc_hqx checksums.  Lib/
 * base64.py, quopri.py, uu.py, secrets.py and email are built on it.
 *
 * Each encoder follows CPython's loop byte for byte, because the exact
 * output (where a quoted-printable line breaks, what a2b_base64 skips and
 * when it complains) is what programs compare.
 *
 * Arguments: the b2a_ functions take bytes-like data; the a2b_ functions
 * also take a str of ASCII characters (CPython's ascii_buffer converter).
 * crc32 is zlib's (CPython uses zlib's too when it has it), through zlib.c.
 */
#include <string.h>
#include "modules/modutil.h"

static ObjType binascii_error = {
    .ob.type = &rt_type_type, .name = "binascii.Error", .base = &rt_ValueError,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};
static ObjType binascii_incomplete = {
    .ob.type = &rt_type_type, .name = "binascii.Incomplete", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

static const char hex_lower[] = "0123456789abcdef";
static const char hex_upper[] = "0123456789ABCDEF";

/* The a2b_ functions' argument: bytes-like, or a str of ASCII only. */
static bool ascii_data(Value v, ModBuffer *b)
{
    if (rt_is_str(v)) {
        if (!AS_STR(v)->ascii) {
            rt_raisef(&rt_ValueError, "string argument should contain only ASCII characters");
            return false;
        }
        *b = (ModBuffer){ (const unsigned char *)rt_str_cstr(v), rt_str_nbytes(v), NULL };
        return true;
    }
    if (mod_is_buffer(v))
        return mod_get_buffer(v, b);
    rt_raisef(&rt_TypeError, "argument should be bytes, buffer or ASCII string, not '%T'", v);
    return false;
}

/* An output buffer that grows (the encoders' sizes are data-dependent). */
typedef struct Out {
    unsigned char *p;
    size_t len, cap;
} Out;

static void out_init(Out *o, size_t cap)
{
    o->cap = cap < 16 ? 16 : cap;
    o->p = gc_alloc_atomic(o->cap);
    o->len = 0;
}

static void out_byte(Out *o, unsigned char c)
{
    if (o->len == o->cap) {
        o->cap *= 2;
        o->p = gc_realloc(o->p, o->cap);
    }
    o->p[o->len++] = c;
}

static Value out_bytes(Out *o)
{
    return rt_bytes_new(o->p, o->len);
}

/* ---- hex ------------------------------------------------------------------------ */

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The separator of hexlify(data, sep, bytes_per_sep): one str or bytes
 * character (CPython's _Py_strhex_impl). */
static bool hex_separator(Value sep, unsigned char *out)
{
    ssize_t n = rt_len(sep);
    if (n < 0)
        return false;
    if (n != 1) {
        rt_raisef(&rt_ValueError, "sep must be length 1.");
        return false;
    }
    if (rt_is_str(sep)) {
        uint32_t c = rt_str_char_at(sep, 0);
        if (c > 0xff) {
            rt_raisef(&rt_ValueError, "sep must be ASCII.");
            return false;
        }
        *out = (unsigned char)c;
        return true;
    }
    if (rt_isinstance_of(sep, &rt_bytes_type)) {
        *out = AS_BYTES(sep)->data[0];
        return true;
    }
    rt_raisef(&rt_TypeError, "sep must be str or bytes.");
    return false;
}

static void put_hex(unsigned char *p, unsigned char c)
{
    p[0] = (unsigned char)hex_lower[c >> 4];
    p[1] = (unsigned char)hex_lower[c & 15];
}

/* Hex digits of data with `sep` every |per| bytes, counted from the right
 * when per > 0 and from the left when per < 0 (0: no separator). */
static Value hexlify(const ModBuffer *b, unsigned char sep, long per)
{
    size_t n = b->len, group = (size_t)(per < 0 ? -per : per);
    size_t nseps = per != 0 && n > 0 ? (n - 1) / group : 0;
    size_t len = 2 * n + nseps;
    unsigned char *s = gc_alloc_atomic(len + 1);
    for (size_t i = 0; i < n; i++) {
        /* bytes before byte i that start a new group, from the chosen end */
        size_t seps_before = per == 0 ? 0 : per < 0 ? i / group
                                                   : nseps - (n - 1 - i) / group;
        unsigned char *p = s + 2 * i + seps_before;
        put_hex(p, b->data[i]);
        if (per != 0 && i + 1 < n) {
            bool boundary = per < 0 ? (i + 1) % group == 0 : (n - 1 - i) % group == 0;
            if (boundary)
                p[2] = sep;
        }
    }
    return rt_bytes_new(s, len);
}

static Value ba_b2a_hex(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data", "sep", "bytes_per_sep" };
    static const ArgSpec spec = { "b2a_hex", names, 3, 0, 1, 3, false };
    Value a[3];
    ModBuffer b;
    unsigned char sep = 0;
    ssize_t per = 1;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !mod_get_buffer(a[0], &b) ||
        (a[2] != VAL_NULL && !rt_as_ssize(a[2], &per)))
        return VAL_NULL;
    if (a[1] == VAL_NULL)
        per = 0;
    else if (!hex_separator(a[1], &sep))
        return VAL_NULL;
    return hexlify(&b, sep, (long)per);
}

static Value ba_a2b_hex(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "hexstr" };
    static const ArgSpec spec = { "a2b_hex", names, 1, 1, 1, 1, false };
    Value hexstr;
    ModBuffer b;
    if (!rt_parse_args(&spec, args, nargs, kw, &hexstr) || !ascii_data(hexstr, &b))
        return VAL_NULL;
    if (b.len % 2 != 0)
        return rt_raisef(&binascii_error, "Odd-length string");
    unsigned char *out = gc_alloc_atomic(b.len / 2 + 1);
    for (size_t i = 0; i < b.len; i += 2) {
        int hi = hex_value(b.data[i]), lo = hex_value(b.data[i + 1]);
        if (hi < 0 || lo < 0)
            return rt_raisef(&binascii_error, "Non-hexadecimal digit found");
        out[i / 2] = (unsigned char)(hi << 4 | lo);
    }
    return rt_bytes_new(out, b.len / 2);
}

/* ---- base64 -------------------------------------------------------------------------- */

static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(unsigned char c)
{
    const char *p = c != 0 ? strchr(b64_alphabet, c) : NULL;
    return p != NULL ? (int)(p - b64_alphabet) : -1;
}

static Value ba_b2a_base64(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data", "newline" };
    static const ArgSpec spec = { "b2a_base64", names, 2, 1, 1, 1, false };
    Value a[2];
    ModBuffer b;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !mod_get_buffer(a[0], &b))
        return VAL_NULL;
    int newline = a[1] == VAL_NULL ? 1 : rt_truthy(a[1]);
    if (newline < 0)
        return VAL_NULL;
    Out o;
    out_init(&o, (b.len + 2) / 3 * 4 + 1);
    for (size_t i = 0; i < b.len; i += 3) {
        size_t left = b.len - i;
        uint32_t v = (uint32_t)b.data[i] << 16 | (left > 1 ? (uint32_t)b.data[i + 1] << 8 : 0) |
                     (left > 2 ? b.data[i + 2] : 0);
        out_byte(&o, (unsigned char)b64_alphabet[v >> 18]);
        out_byte(&o, (unsigned char)b64_alphabet[(v >> 12) & 63]);
        out_byte(&o, left > 1 ? (unsigned char)b64_alphabet[(v >> 6) & 63] : '=');
        out_byte(&o, left > 2 ? (unsigned char)b64_alphabet[v & 63] : '=');
    }
    if (newline)
        out_byte(&o, '\n');
    return out_bytes(&o);
}

/* a2b_base64, as CPython 3.11 decodes: four characters make three bytes,
 * anything outside the alphabet is skipped (an error in strict mode), and
 * padding ends the data once it completes a quad. */
static Value a2b_base64(const ModBuffer *b, bool strict)
{
    Out o;
    out_init(&o, (b->len + 3) / 4 * 3);
    if (strict && b->len > 0 && b->data[0] == '=')
        return rt_raisef(&binascii_error, "Leading padding not allowed");
    int quad_pos = 0, pads = 0;
    bool padding_started = false;
    unsigned leftchar = 0;
    for (size_t i = 0; i < b->len; i++) {
        unsigned char c = b->data[i];
        if (c == '=') {
            padding_started = true;
            if (strict && quad_pos == 0)
                return rt_raisef(&binascii_error, "Excess padding not allowed");
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                if (strict && i + 1 < b->len)
                    return rt_raisef(&binascii_error, "Excess data after padding");
                return out_bytes(&o);
            }
            continue;
        }
        int v = b64_value(c);
        if (v < 0) {
            if (strict)
                return rt_raisef(&binascii_error, "Only base64 data is allowed");
            continue;
        }
        if (strict && padding_started)
            return rt_raisef(&binascii_error, "Discontinuous padding not allowed");
        pads = 0;
        switch (quad_pos) {
        case 0: leftchar = (unsigned)v; break;
        case 1: out_byte(&o, (unsigned char)(leftchar << 2 | (unsigned)v >> 4));
                leftchar = (unsigned)v & 0x0f; break;
        case 2: out_byte(&o, (unsigned char)(leftchar << 4 | (unsigned)v >> 2));
                leftchar = (unsigned)v & 0x03; break;
        case 3: out_byte(&o, (unsigned char)(leftchar << 6 | (unsigned)v));
                leftchar = 0; break;
        }
        quad_pos = (quad_pos + 1) % 4;
    }
    if (quad_pos == 1)
        return rt_raisef(&binascii_error, "Invalid base64-encoded string: number of data "
                         "characters (%zu) cannot be 1 more than a multiple of 4",
                         o.len / 3 * 4 + 1);
    if (quad_pos != 0)
        return rt_raisef(&binascii_error, "Incorrect padding");
    return out_bytes(&o);
}

static Value ba_a2b_base64(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data", "strict_mode" };
    static const ArgSpec spec = { "a2b_base64", names, 2, 1, 1, 1, false };
    Value a[2];
    ModBuffer b;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !ascii_data(a[0], &b))
        return VAL_NULL;
    int strict = a[1] == VAL_NULL ? 0 : rt_truthy(a[1]);
    return strict < 0 ? VAL_NULL : a2b_base64(&b, strict);
}

/* ---- uuencode ------------------------------------------------------------------------- */

static Value ba_b2a_uu(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data", "backtick" };
    static const ArgSpec spec = { "b2a_uu", names, 2, 1, 1, 1, false };
    Value a[2];
    ModBuffer b;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !mod_get_buffer(a[0], &b))
        return VAL_NULL;
    int backtick = a[1] == VAL_NULL ? 0 : rt_truthy(a[1]);
    if (backtick < 0)
        return VAL_NULL;
    if (b.len > 45)
        return rt_raisef(&binascii_error, "At most 45 bytes at once");
    Out o;
    out_init(&o, 2 + (b.len + 2) / 3 * 4);
    out_byte(&o, backtick && b.len == 0 ? '`' : (unsigned char)(' ' + b.len));
    uint32_t leftchar = 0;
    int leftbits = 0;
    for (size_t i = 0; i < b.len || leftbits != 0; i++) {
        leftchar = leftchar << 8 | (i < b.len ? b.data[i] : 0);
        leftbits += 8;
        while (leftbits >= 6) {
            unsigned c = (leftchar >> (leftbits - 6)) & 0x3f;
            leftbits -= 6;
            out_byte(&o, backtick && c == 0 ? '`' : (unsigned char)(c + ' '));
        }
        leftchar &= (1u << leftbits) - 1;
    }
    out_byte(&o, '\n');
    return out_bytes(&o);
}

static Value ba_a2b_uu(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data" };
    static const ArgSpec spec = { "a2b_uu", names, 1, 1, 1, 1, false };
    Value data;
    ModBuffer b;
    if (!rt_parse_args(&spec, args, nargs, kw, &data) || !ascii_data(data, &b))
        return VAL_NULL;
    const unsigned char *p = b.data;
    ssize_t left = (ssize_t)b.len;
    /* the length character (an empty line reads as NUL: 32 bytes) */
    size_t want = (size_t)(((left > 0 ? *p : 0) - ' ') & 077);
    p++;
    left--;
    Out o;
    out_init(&o, want);
    uint32_t leftchar = 0;
    int leftbits = 0;
    for (; o.len < want; left--, p++) {
        unsigned c = left > 0 ? *p : 0;
        if (c == '\n' || c == '\r' || left <= 0) {
            c = 0;              /* spaces eaten at the end of a line */
        } else {
            if (c < ' ' || c > ' ' + 64)
                return rt_raisef(&binascii_error, "Illegal char");
            c = (c - ' ') & 077;
        }
        leftchar = leftchar << 6 | c;
        leftbits += 6;
        if (leftbits >= 8) {
            leftbits -= 8;
            out_byte(&o, (unsigned char)(leftchar >> leftbits));
            leftchar &= (1u << leftbits) - 1;
        }
    }
    for (; left > 0; left--, p++)
        if (*p != ' ' && *p != ' ' + 64 && *p != '\n' && *p != '\r')
            return rt_raisef(&binascii_error, "Trailing garbage");
    return out_bytes(&o);
}

/* ---- quoted-printable ----------------------------------------------------------------- */

static Value ba_a2b_qp(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data", "header" };
    static const ArgSpec spec = { "a2b_qp", names, 2, 0, 1, 2, false };
    Value a[2];
    ModBuffer b;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !ascii_data(a[0], &b))
        return VAL_NULL;
    int header = a[1] == VAL_NULL ? 0 : rt_truthy(a[1]);
    if (header < 0)
        return VAL_NULL;
    const unsigned char *s = b.data;
    size_t n = b.len, in = 0;
    Out o;
    out_init(&o, n);
    while (in < n) {
        if (s[in] == '=') {
            if (++in >= n)
                break;
            if (s[in] == '\n' || s[in] == '\r') {       /* a soft line break */
                while (in < n && s[in] != '\n')
                    in++;
                if (in < n)
                    in++;
            } else if (s[in] == '=') {                  /* "==" from broken encoders */
                out_byte(&o, '=');
                in++;
            } else if (in + 1 < n && hex_value(s[in]) >= 0 && hex_value(s[in + 1]) >= 0) {
                out_byte(&o, (unsigned char)(hex_value(s[in]) << 4 | hex_value(s[in + 1])));
                in += 2;
            } else {
                out_byte(&o, '=');
            }
        } else if (header && s[in] == '_') {
            out_byte(&o, ' ');
            in++;
        } else {
            out_byte(&o, s[in++]);
        }
    }
    return out_bytes(&o);
}

#define MAXLINESIZE 76

/* Whether b2a_qp writes byte `in` as =XX. */
static bool qp_escapes(const unsigned char *s, size_t n, size_t in, size_t linelen,
                       bool quotetabs, bool istext, bool header)
{
    unsigned char c = s[in];
    bool last = in + 1 == n;
    return c > 126 || c == '=' || (header && c == '_') ||
           (c == '.' && linelen == 0 &&
            (last || s[in + 1] == '\n' || s[in + 1] == '\r' || s[in + 1] == 0)) ||
           (!istext && (c == '\r' || c == '\n')) ||
           ((c == '\t' || c == ' ') && last) ||
           (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
}

static void qp_soft_break(Out *o, bool crlf)
{
    out_byte(o, '=');
    if (crlf)
        out_byte(o, '\r');
    out_byte(o, '\n');
}

static void qp_hex(Out *o, unsigned char c)
{
    out_byte(o, (unsigned char)hex_upper[c >> 4]);
    out_byte(o, (unsigned char)hex_upper[c & 15]);
}

static Value b2a_qp(const unsigned char *s, size_t n, bool quotetabs, bool istext, bool header)
{
    /* The line ending of the output is the input's first one. */
    const unsigned char *nl = memchr(s, '\n', n);
    bool crlf = nl != NULL && nl > s && nl[-1] == '\r';
    size_t in = 0, linelen = 0;
    Out o;
    out_init(&o, n + n / 8);
    while (in < n) {
        if (qp_escapes(s, n, in, linelen, quotetabs, istext, header)) {
            if (linelen + 3 >= MAXLINESIZE) {
                qp_soft_break(&o, crlf);
                linelen = 0;
            }
            out_byte(&o, '=');
            qp_hex(&o, s[in++]);
            linelen += 3;
        } else if (istext && (s[in] == '\n' || (in + 1 < n && s[in] == '\r' && s[in + 1] == '\n'))) {
            linelen = 0;
            if (o.len > 0 && (o.p[o.len - 1] == ' ' || o.p[o.len - 1] == '\t')) {
                unsigned char ws = o.p[o.len - 1];      /* no whitespace before a line end */
                o.p[o.len - 1] = '=';
                qp_hex(&o, ws);
            }
            if (crlf)
                out_byte(&o, '\r');
            out_byte(&o, '\n');
            in += s[in] == '\r' ? 2 : 1;
        } else {
            if (in + 1 != n && s[in + 1] != '\n' && linelen + 1 >= MAXLINESIZE) {
                qp_soft_break(&o, crlf);
                linelen = 0;
            }
            linelen++;
            out_byte(&o, header && s[in] == ' ' ? '_' : s[in]);
            in++;
        }
    }
    return out_bytes(&o);
}

static Value ba_b2a_qp(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data", "quotetabs", "istext", "header" };
    static const ArgSpec spec = { "b2a_qp", names, 4, 0, 1, 4, false };
    Value a[4];
    ModBuffer b;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !mod_get_buffer(a[0], &b))
        return VAL_NULL;
    int flags[3] = { 0, 1, 0 };
    for (int i = 0; i < 3; i++)
        if (a[i + 1] != VAL_NULL && (flags[i] = rt_truthy(a[i + 1])) < 0)
            return VAL_NULL;
    return b2a_qp(b.data, b.len, flags[0], flags[1], flags[2]);
}

/* ---- checksums ------------------------------------------------------------------------- */

/* An int argument taken modulo 2**32, as CPython's unsigned_int(bitwise=True). */
static bool crc_arg(Value v, uint32_t *out)
{
    if (rt_isinstance_of(v, &rt_float_type)) {
        rt_raisef(&rt_TypeError, "'float' object cannot be interpreted as an integer");
        return false;
    }
    Value i = rt_index(v);
    Value low = i == VAL_NULL ? VAL_NULL : rt_binary_op(i, small_new(0xffffffff), NB_AND);
    if (low == VAL_NULL)
        return false;
    *out = (uint32_t)small_value(low);
    return true;
}

static Value ba_crc32(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    uint32_t crc = 0;
    if (!rt_arg_nokw("crc32", kw) || !rt_arg_range("crc32", nargs, 1, 2) ||
        !mod_get_buffer(args[0], &b) || (nargs > 1 && !crc_arg(args[1], &crc)))
        return VAL_NULL;
    if (!mod_crc32(&crc, b.data, b.len))
        return VAL_NULL;
    return rt_int_from_u64(crc);
}

/* CRC-CCITT (polynomial 0x1021, most significant bit first), as BinHex 4
 * uses it: the table is built once. */
static uint16_t hqx_table[256];

static void build_hqx_table(void)
{
    for (unsigned i = 0; i < 256; i++) {
        unsigned c = i << 8;
        for (int k = 0; k < 8; k++)
            c = c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1;
        hqx_table[i] = (uint16_t)c;
    }
}

static Value ba_crc_hqx(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    uint32_t crc;
    if (!rt_arg_nokw("crc_hqx", kw) || !rt_arg_range("crc_hqx", nargs, 2, 2) ||
        !mod_get_buffer(args[0], &b) || !crc_arg(args[1], &crc))
        return VAL_NULL;
    crc &= 0xffff;
    for (size_t i = 0; i < b.len; i++)
        crc = ((crc << 8) & 0xff00) ^ hqx_table[((crc >> 8) & 0xff) ^ b.data[i]];
    return small_new(crc);
}

static const MethodDef binascii_functions[] = {
    {"a2b_uu", ba_a2b_uu}, {"b2a_uu", ba_b2a_uu},
    {"a2b_base64", ba_a2b_base64}, {"b2a_base64", ba_b2a_base64},
    {"a2b_qp", ba_a2b_qp}, {"b2a_qp", ba_b2a_qp},
    {"a2b_hex", ba_a2b_hex}, {"b2a_hex", ba_b2a_hex},
    {"unhexlify", ba_a2b_hex}, {"hexlify", ba_b2a_hex},
    {"crc32", ba_crc32}, {"crc_hqx", ba_crc_hqx},
    {NULL, NULL}
};

Value mod_binascii_init(void)
{
    Value m = mod_module_new("binascii", binascii_functions);
    if (binascii_error.mro == VAL_NULL) {
        rt_type_ready(&binascii_error, NULL);
        rt_type_ready(&binascii_incomplete, NULL);
        build_hqx_table();
    }
    mod_module_set(m, "Error", obj_val(&binascii_error));
    mod_module_set(m, "Incomplete", obj_val(&binascii_incomplete));
    return m;
}
