/*
 * codecs.c — `_codecs`, the C half of CPython's Lib/codecs.py and of every
 * module in Lib/encodings (CPython's Modules/_codecsmodule.c and the codec
 * functions of Objects/unicodeobject.c).
 *
 * The registry and the error handlers are the runtime's (runtime/codecs.c:
 * str.encode and bytes.decode use them too); this module exposes them and
 * adds the codecs written in C:
 *
 *   utf_8, ascii, latin_1          the runtime's fast codecs, as functions
 *   utf_16, utf_32 (+ _le _be _ex)  fixed-width units, BOMs, surrogate pairs
 *   utf_7                           RFC 2152: base64 runs of UTF-16
 *   unicode_escape, raw_unicode_escape, escape_{encode,decode}
 *                                   Python's literal escapes (\n, \xhh,
 *                                   \u, \N{...})
 *   charmap_{encode,decode,build}   table-driven codecs: cp1252, koi8_r,
 *                                   cp437... in Lib/encodings are tables
 *                                   handed to these
 *
 * Each encoder returns (bytes, characters consumed), each decoder (str,
 * bytes consumed); a decoder called with final=False leaves an incomplete
 * sequence at the end for the next call (what incremental decoders need).
 * Every bad stretch of input goes to the error handler through
 * rt_codec_decode_error / rt_codec_encode_error, with CPython's reasons
 * and positions.
 */
#include <stdlib.h>
#include <string.h>
#include "modules/modutil.h"
#include "runtime/codecs.h"
#include "runtime/version.h"

/* ---- Arguments ----------------------------------------------------------- */

/* The functions are positional-only (Argument Clinic's `/`): data or str,
 * errors (str or None), then an int (final, byteorder) or a mapping. */
typedef struct CodecArgs {
    ModBuffer data;             /* decoders: the input bytes */
    Value str;                  /* encoders: the input str */
    Value errors;               /* VAL_NULL: strict */
    Value extra[2];             /* the optional parameters after errors */
} CodecArgs;

/* kind: 'y' bytes-like, 's' bytes-like or str (its UTF-8), 'U' str. */
static bool codec_args(const char *fname, Value *args, size_t nargs, Value kwnames,
                       char kind, size_t max, CodecArgs *out)
{
    if (rt_nkwargs(kwnames)) {
        rt_raisef(&rt_TypeError, "_codecs.%s() takes no keyword arguments", fname);
        return false;
    }
    if (!rt_arg_range(fname, nargs, 1, max))
        return false;
    Value v = args[0];
    out->str = VAL_NULL;
    if (kind == 'U') {
        if (!rt_is_str(v)) {
            rt_raisef(&rt_TypeError, "%s() argument 1 must be str, not %T", fname, v);
            return false;
        }
        out->str = v;
    } else if (kind == 's' && rt_is_str(v)) {
        out->data.data = (const unsigned char *)rt_str_cstr(v);
        out->data.len = rt_str_nbytes(v);
    } else if (!mod_get_buffer(v, &out->data)) {
        return false;
    }
    out->errors = nargs > 1 ? args[1] : rt_None;
    if (out->errors != rt_None && !rt_is_str(out->errors)) {
        rt_raisef(&rt_TypeError, "%s() argument 2 must be str or None, not %T", fname,
                  out->errors);
        return false;
    }
    if (out->errors == rt_None)
        out->errors = VAL_NULL;
    out->extra[0] = nargs > 2 ? args[2] : VAL_NULL;
    out->extra[1] = nargs > 3 ? args[3] : VAL_NULL;
    return true;
}

/* An int parameter (final, byteorder): absent means `dflt`. */
static bool int_param(Value v, int dflt, int *out)
{
    ssize_t n = dflt;
    if (v != VAL_NULL) {
        if (!rt_isinstance_of(v, &rt_int_type)) {
            rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", v);
            return false;
        }
        if (!rt_as_ssize(v, &n))
            return false;
    }
    *out = n > 0 ? (n > 1 ? 1 : (int)n) : (n < 0 ? -1 : 0);
    return true;
}

/* A decoder's final (rt_arg_flag). */
static bool final_param(Value v, int dflt, int *out)
{
    bool b;
    if (!rt_arg_flag(v, dflt != 0, &b))
        return false;
    *out = b;
    return true;
}

static Value pair(Value result, size_t consumed)
{
    return result ? rt_tuple_pack(2, result, rt_int_from_u64(consumed)) : VAL_NULL;
}

static Value bytes_of(const StrBuf *sb)
{
    return rt_bytes_new((const unsigned char *)sb->data, sb->len);
}

/* ---- Registry and error handlers ----------------------------------------- */

static Value codecs_register(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("register", nargs, kwnames) || !rt_codec_register(args[0]))
        return VAL_NULL;
    return rt_None;
}

static Value codecs_unregister(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("unregister", nargs, kwnames) || !rt_codec_unregister(args[0]))
        return VAL_NULL;
    return rt_None;
}

static bool str_arg(const char *fname, Value v, const char *what)
{
    if (rt_is_str(v))
        return true;
    rt_raisef(&rt_TypeError, "%s() argument%s must be str, not %T", fname, what, v);
    return false;
}

static Value codecs_lookup(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("lookup", nargs, kwnames) || !str_arg("lookup", args[0], ""))
        return VAL_NULL;
    return rt_codec_lookup_info(args[0]);
}

/* encode(obj, encoding='utf-8', errors='strict') and decode. */
static Value encode_or_decode(const char *fname, Value *args, size_t nargs, Value kwnames,
                              bool encode)
{
    static const char *const names[] = {"obj", "encoding", "errors"};
    const ArgSpec spec = {fname, names, 3, 0, 1, 3, false};
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    Value encoding = a[1] ? a[1] : rt_str_from_cstr("utf-8");
    if (!str_arg(fname, encoding, " 'encoding'") || (a[2] && !str_arg(fname, a[2], " 'errors'")))
        return VAL_NULL;
    Value errors = a[2] ? a[2] : rt_str_from_cstr("strict");
    return encode ? rt_codec_encode(a[0], encoding, errors)
                  : rt_codec_decode(a[0], encoding, errors);
}

static Value codecs_encode(Value *args, size_t nargs, Value kwnames)
{
    return encode_or_decode("encode", args, nargs, kwnames, true);
}

static Value codecs_decode(Value *args, size_t nargs, Value kwnames)
{
    return encode_or_decode("decode", args, nargs, kwnames, false);
}

static Value codecs_register_error(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("register_error", kwnames) || !rt_arg_range("register_error", nargs, 2, 2)
        || !str_arg("register_error", args[0], " 1"))
        return VAL_NULL;
    return rt_codec_register_error(args[0], args[1]) ? rt_None : VAL_NULL;
}

static Value codecs_lookup_error(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("lookup_error", nargs, kwnames) || !str_arg("lookup_error", args[0], ""))
        return VAL_NULL;
    return rt_codec_lookup_error(args[0]);
}

/* _unregister_error(errors), 3.14: True when a handler registered under
 * that name was removed, False when there was none. */
static Value codecs_unregister_error(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("_codecs._unregister_error", nargs, kwnames)
        || !str_arg("_unregister_error", args[0], ""))
        return VAL_NULL;
    const char *s = mod_str_utf8(args[0]);
    if (s == NULL)
        return VAL_NULL;
    if (strlen(s) != rt_str_nbytes(args[0]))
        return rt_raisef(&rt_ValueError, "embedded null character");
    int r = rt_codec_unregister_error(args[0]);
    return r < 0 ? VAL_NULL : rt_bool(r == 1);
}

/* ---- UTF-8, ASCII, Latin-1 (the runtime's codecs) ------------------------- */

static Value utf_8_encode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    if (!codec_args("utf_8_encode", args, nargs, kwnames, 'U', 2, &a))
        return VAL_NULL;
    return pair(rt_encode_utf8(a.str, a.errors), AS_STR(a.str)->length);
}

static Value utf_8_decode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    int final;
    size_t consumed = 0;
    if (!codec_args("utf_8_decode", args, nargs, kwnames, 'y', 3, &a)
        || !final_param(a.extra[0], 0, &final))
        return VAL_NULL;
    Value s = rt_decode_utf8(a.data.data, a.data.len, a.errors, final != 0, &consumed);
    return pair(s, consumed);
}

static Value ascii_encode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    if (!codec_args("ascii_encode", args, nargs, kwnames, 'U', 2, &a))
        return VAL_NULL;
    return pair(rt_encode_ascii(a.str, a.errors), AS_STR(a.str)->length);
}

static Value ascii_decode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    if (!codec_args("ascii_decode", args, nargs, kwnames, 'y', 2, &a))
        return VAL_NULL;
    return pair(rt_decode_ascii(a.data.data, a.data.len, a.errors), a.data.len);
}

static Value latin_1_encode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    if (!codec_args("latin_1_encode", args, nargs, kwnames, 'U', 2, &a))
        return VAL_NULL;
    return pair(rt_encode_latin1(a.str, a.errors), AS_STR(a.str)->length);
}

static Value latin_1_decode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    if (!codec_args("latin_1_decode", args, nargs, kwnames, 'y', 2, &a))
        return VAL_NULL;
    return pair(rt_decode_latin1(a.data.data, a.data.len, a.errors), a.data.len);
}

/* ---- UTF-16 and UTF-32 ------------------------------------------------------ */

/* One code unit of `width` bytes (2 or 4), little- or big-endian. */
static uint32_t read_unit(const unsigned char *p, int width, bool big)
{
    uint32_t c = 0;
    for (int k = 0; k < width; k++)
        c |= (uint32_t)p[big ? width - 1 - k : k] << (8 * k);
    return c;
}

static void write_unit(StrBuf *sb, uint32_t c, int width, bool big)
{
    unsigned char b[4];
    for (int k = 0; k < width; k++)
        b[big ? width - 1 - k : k] = (unsigned char)(c >> (8 * k));
    sb_add(sb, (const char *)b, (size_t)width);
}

static bool is_surrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

/* The byte order a decoder starts with: given (-1 little, 1 big), or read
 * from a BOM, which is then skipped; 0 (no BOM) means little-endian, this
 * machine's order, as CPython does on x86 and ARM. */
static int read_bom(const unsigned char *s, size_t n, int width, int byteorder, size_t *pos)
{
    if (byteorder != 0 || n < (size_t)width)
        return byteorder;
    if (read_unit(s, width, false) == 0xFEFF) {
        *pos = (size_t)width;
        return -1;
    }
    if (read_unit(s, width, true) == 0xFEFF) {
        *pos = (size_t)width;
        return 1;
    }
    return 0;
}

/* The next UTF-16 character at s[*i]: 0 done (character in *out), else the
 * error: its reason and [start, end); "wait" when not final and the rest
 * may come later. */
typedef struct UnitError {
    const char *reason;
    size_t start, end;
    bool wait;
} UnitError;

static bool utf16_next(const unsigned char *s, size_t n, size_t *i, bool big, bool final,
                       uint32_t *out, UnitError *err)
{
    size_t at = *i;
    if (n - at < 2) {
        *err = (UnitError){"truncated data", at, n, !final};
        return false;
    }
    uint32_t c = read_unit(s + at, 2, big);
    if (!is_surrogate(c)) {
        *out = c;
        *i = at + 2;
        return true;
    }
    if (c >= 0xDC00) {
        *err = (UnitError){"illegal encoding", at, at + 2, false};
        return false;
    }
    if (n - at < 4) {
        *err = (UnitError){"unexpected end of data", at, n, !final};
        return false;
    }
    uint32_t c2 = read_unit(s + at + 2, 2, big);
    if (c2 < 0xDC00 || c2 > 0xDFFF) {
        *err = (UnitError){"illegal UTF-16 surrogate", at, at + 2, false};
        return false;
    }
    *out = 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00);
    *i = at + 4;
    return true;
}

static bool utf32_next(const unsigned char *s, size_t n, size_t *i, bool big, bool final,
                       uint32_t *out, UnitError *err)
{
    size_t at = *i;
    if (n - at < 4) {
        *err = (UnitError){"truncated data", at, n, !final};
        return false;
    }
    uint32_t c = read_unit(s + at, 4, big);
    if (c > 0x10FFFF) {
        *err = (UnitError){"code point not in range(0x110000)", at, at + 4, false};
        return false;
    }
    if (is_surrogate(c)) {
        *err = (UnitError){"code point in surrogate code point range(0xd800, 0xe000)",
                           at, at + 4, false};
        return false;
    }
    *out = c;
    *i = at + 4;
    return true;
}

/* Decode UTF-16 or UTF-32 (width 2 or 4) in the given byte order (0:
 * look for a BOM); *byteorder receives the order found. */
static Value decode_utf16_32(const unsigned char *s, size_t n, Value errors, int *byteorder,
                             bool final, int width, size_t *consumed)
{
    static const char *const names[2][2] = {{"utf-16-le", "utf-16-be"},
                                            {"utf-32-le", "utf-32-be"}};
    size_t i = 0;
    int order = read_bom(s, n, width, *byteorder, &i);
    if (*byteorder == 0)
        *byteorder = order;
    CodecErrors ce;
    rt_codec_errors_init(&ce, names[width == 4][order > 0], errors);
    bool big = order > 0;
    StrBuf sb;
    sb_init(&sb);
    while (i < n) {
        uint32_t c;
        UnitError err;
        bool ok = width == 2 ? utf16_next(s, n, &i, big, final, &c, &err)
                             : utf32_next(s, n, &i, big, final, &c, &err);
        if (ok) {
            sb_add_codepoint(&sb, c);
            continue;
        }
        if (err.wait)
            break;
        ssize_t pos = rt_codec_decode_error(&ce, &s, &n, err.start, err.end, err.reason, &sb);
        if (pos < 0)
            return VAL_NULL;
        i = (size_t)pos;
    }
    *consumed = i;
    return sb_finish(&sb);
}

/* Encode as UTF-16 or UTF-32; byteorder 0 writes a BOM and then
 * little-endian.  A lone surrogate goes to the handler, whose str must be
 * ASCII and whose bytes must be whole units. */
static Value encode_utf16_32(Value str, Value errors, int byteorder, int width)
{
    static const char *const names[2][3] = {{"utf-16-le", "utf-16", "utf-16-be"},
                                            {"utf-32-le", "utf-32", "utf-32-be"}};
    const char *encoding = names[width == 4][byteorder + 1];
    bool big = byteorder > 0;
    size_t n;
    const uint32_t *cps = rt_codec_codepoints(str, &n);
    CodecErrors ce;
    rt_codec_errors_init(&ce, encoding, errors);
    StrBuf sb;
    sb_init(&sb);
    if (byteorder == 0)
        write_unit(&sb, 0xFEFF, width, big);
    for (size_t i = 0; i < n;) {
        uint32_t c = cps[i];
        if (!is_surrogate(c)) {
            if (width == 2 && c >= 0x10000) {
                write_unit(&sb, 0xD800 + ((c - 0x10000) >> 10), 2, big);
                write_unit(&sb, 0xDC00 + ((c - 0x10000) & 0x3FF), 2, big);
            } else {
                write_unit(&sb, c, width, big);
            }
            i++;
            continue;
        }
        Value rep;
        ssize_t pos = rt_codec_encode_error(&ce, str, i, i + 1, "surrogates not allowed", &rep);
        if (pos < 0)
            return VAL_NULL;
        if (rt_is_str(rep)) {
            if (!AS_STR(rep)->ascii) {
                rt_codec_raise_encode(encoding, str, i, i + 1, "surrogates not allowed");
                return VAL_NULL;
            }
            for (size_t k = 0; k < rt_str_nbytes(rep); k++)
                write_unit(&sb, (unsigned char)rt_str_cstr(rep)[k], width, big);
        } else {
            if (AS_BYTES(rep)->length % (size_t)width) {
                rt_codec_raise_encode(encoding, str, i, i + 1, "surrogates not allowed");
                return VAL_NULL;
            }
            sb_add(&sb, (const char *)AS_BYTES(rep)->data, AS_BYTES(rep)->length);
        }
        i = (size_t)pos;
    }
    return bytes_of(&sb);
}

/* The decoders: utf_16_decode(data, errors=None, final=False) and the
 * fixed-order ones; the _ex variant takes a byteorder and returns it. */
static Value unit_decode(const char *fname, Value *args, size_t nargs, Value kwnames,
                         int width, int order, bool ex)
{
    CodecArgs a;
    int final, byteorder = order;
    size_t consumed = 0;
    if (!codec_args(fname, args, nargs, kwnames, 'y', ex ? 4 : 3, &a))
        return VAL_NULL;
    if (ex && !int_param(a.extra[0], 0, &byteorder))
        return VAL_NULL;
    if (!final_param(a.extra[ex ? 1 : 0], 0, &final))
        return VAL_NULL;
    Value s = decode_utf16_32(a.data.data, a.data.len, a.errors, &byteorder, final != 0,
                              width, &consumed);
    if (s == VAL_NULL || !ex)
        return pair(s, consumed);
    return rt_tuple_pack(3, s, rt_int_from_u64(consumed), small_new(byteorder));
}

static Value unit_encode(const char *fname, Value *args, size_t nargs, Value kwnames,
                         int width, int order, bool takes_order)
{
    CodecArgs a;
    int byteorder = order;
    if (!codec_args(fname, args, nargs, kwnames, 'U', takes_order ? 3 : 2, &a))
        return VAL_NULL;
    if (takes_order && !int_param(a.extra[0], 0, &byteorder))
        return VAL_NULL;
    return pair(encode_utf16_32(a.str, a.errors, byteorder, width), AS_STR(a.str)->length);
}

#define UNIT_CODEC(name, width, order)                                                \
    static Value name##_decode(Value *args, size_t nargs, Value kwnames)              \
    {                                                                                 \
        return unit_decode(#name "_decode", args, nargs, kwnames, width, order, false); \
    }                                                                                 \
    static Value name##_encode(Value *args, size_t nargs, Value kwnames)              \
    {                                                                                 \
        return unit_encode(#name "_encode", args, nargs, kwnames, width, order, order == 0); \
    }
UNIT_CODEC(utf_16, 2, 0)
UNIT_CODEC(utf_16_le, 2, -1)
UNIT_CODEC(utf_16_be, 2, 1)
UNIT_CODEC(utf_32, 4, 0)
UNIT_CODEC(utf_32_le, 4, -1)
UNIT_CODEC(utf_32_be, 4, 1)

static Value utf_16_ex_decode(Value *args, size_t nargs, Value kwnames)
{
    return unit_decode("utf_16_ex_decode", args, nargs, kwnames, 2, 0, true);
}

static Value utf_32_ex_decode(Value *args, size_t nargs, Value kwnames)
{
    return unit_decode("utf_32_ex_decode", args, nargs, kwnames, 4, 0, true);
}

/* ---- UTF-7 (RFC 2152) --------------------------------------------------------- */

/* How each ASCII character is written: 0 directly (set D), 1 directly
 * though optional (set O), 2 white space (direct), 3 only in base64. */
static const unsigned char utf7_category[128] = {
    3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 2, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 3, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1, 1, 1,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 3, 3,
};
static const char base64_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static bool is_base64(unsigned c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
           || c == '+' || c == '/';
}

static unsigned from_base64(unsigned c)
{
    return c >= 'a' ? c - 'a' + 26 : c >= 'A' ? c - 'A' : c >= '0' ? c - '0' + 52
         : c == '+' ? 62 : 63;
}

static bool utf7_direct(uint32_t c)
{
    return c > 0 && c < 128 && utf7_category[c] != 3;
}

/* Shift the bits gathered so far out as base64 digits, 6 at a time. */
static void utf7_flush(StrBuf *sb, uint64_t *buffer, int *bits)
{
    while (*bits >= 6) {
        sb_addc(sb, base64_chars[(*buffer >> (*bits - 6)) & 0x3F]);
        *bits -= 6;
    }
}

static Value encode_utf7(Value str)
{
    size_t n;
    const uint32_t *cps = rt_codec_codepoints(str, &n);
    StrBuf sb;
    sb_init(&sb);
    bool in_shift = false;
    uint64_t buffer = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i];
        if (utf7_direct(c)) {
            if (in_shift) {             /* leave base64: pad, and '-' if needed */
                if (bits)
                    sb_addc(&sb, base64_chars[(buffer << (6 - bits)) & 0x3F]);
                buffer = 0, bits = 0, in_shift = false;
                if (is_base64(c) || c == '-')
                    sb_addc(&sb, '-');
            }
            sb_addc(&sb, (char)c);
            continue;
        }
        if (!in_shift && c == '+') {
            sb_adds(&sb, "+-");
            continue;
        }
        if (!in_shift) {
            sb_addc(&sb, '+');
            in_shift = true;
        }
        if (c >= 0x10000) {             /* as a surrogate pair */
            buffer = (buffer << 16) | (0xD800 + ((c - 0x10000) >> 10));
            bits += 16;
            utf7_flush(&sb, &buffer, &bits);
            c = 0xDC00 + ((c - 0x10000) & 0x3FF);
        }
        buffer = (buffer << 16) | c;
        bits += 16;
        utf7_flush(&sb, &buffer, &bits);
    }
    if (bits)
        sb_addc(&sb, base64_chars[(buffer << (6 - bits)) & 0x3F]);
    if (in_shift)
        sb_addc(&sb, '-');
    return bytes_of(&sb);
}

/* The state of a UTF-7 decoder inside a base64 run. */
typedef struct Utf7State {
    bool in_shift;
    uint64_t buffer;
    int bits;
    uint32_t surrogate;         /* a high surrogate waiting for its pair */
    size_t shift_start;         /* where the '+' was */
    size_t out_start;           /* output length before the run */
} Utf7State;

/* One base64 digit inside a run. */
static void utf7_digit(Utf7State *st, unsigned c, StrBuf *sb)
{
    st->buffer = (st->buffer << 6) | from_base64(c);
    st->bits += 6;
    if (st->bits < 16)
        return;
    uint32_t unit = (uint32_t)(st->buffer >> (st->bits - 16)) & 0xFFFF;
    st->bits -= 16;
    st->buffer &= ((uint64_t)1 << st->bits) - 1;
    if (st->surrogate) {
        uint32_t high = st->surrogate;
        st->surrogate = 0;
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            sb_add_codepoint(sb, 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00));
            return;
        }
        sb_add_codepoint(sb, high);
    }
    if (unit >= 0xD800 && unit <= 0xDBFF)
        st->surrogate = unit;
    else
        sb_add_codepoint(sb, unit);
}

/* The character c ends a run: NULL, or the reason it ends it badly. */
static const char *utf7_end_shift(Utf7State *st, unsigned c, StrBuf *sb)
{
    st->in_shift = false;
    if (st->bits >= 6)         /* a whole base64 digit left over */
        return "partial character in shift sequence";
    if (st->buffer != 0)
        return "non-zero padding bits in shift sequence";
    if (st->surrogate && c < 128 && c != '+')
        sb_add_codepoint(sb, st->surrogate);
    st->surrogate = 0;
    return NULL;
}

static Value decode_utf7(const unsigned char *s, size_t n, Value errors, bool final,
                         size_t *consumed)
{
    CodecErrors ce;
    rt_codec_errors_init(&ce, "utf7", errors);
    StrBuf sb;
    sb_init(&sb);
    Utf7State st = {0};
    size_t i = 0;
    for (;;) {
        while (i < n) {
            unsigned c = s[i];
            const char *reason = NULL;
            size_t start = st.shift_start;
            if (st.in_shift) {
                if (is_base64(c)) {
                    utf7_digit(&st, c, &sb);
                    i++;
                    continue;
                }
                reason = utf7_end_shift(&st, c, &sb);
                if (reason)
                    i++;
                else if (c == '-')
                    i++;                    /* '-' ends the run and is absorbed */
            } else if (c == '+') {
                st.shift_start = start = i++;
                if (i < n && s[i] == '-') {
                    sb_addc(&sb, '+');
                    i++;
                } else if (i < n && !is_base64(s[i])) {
                    i++;
                    reason = "ill-formed sequence";
                } else {
                    st = (Utf7State){true, 0, 0, 0, start, sb.len};
                }
            } else if (c < 128) {
                sb_addc(&sb, (char)c);
                i++;
            } else {
                start = i++;
                reason = "unexpected special character";
            }
            if (!reason)
                continue;
            ssize_t pos = rt_codec_decode_error(&ce, &s, &n, start, i, reason, &sb);
            if (pos < 0)
                return VAL_NULL;
            i = (size_t)pos;
        }
        if (!st.in_shift || !final)
            break;
        st.in_shift = false;            /* the input ends inside a run */
        if (!st.surrogate && st.bits < 6 && (st.bits == 0 || st.buffer == 0))
            break;
        ssize_t pos = rt_codec_decode_error(&ce, &s, &n, st.shift_start, n,
                                            "unterminated shift sequence", &sb);
        if (pos < 0)
            return VAL_NULL;
        i = (size_t)pos;                /* the handler may go back: decode from there */
    }
    if (st.in_shift) {                  /* not final: wait for the rest of the run */
        i = st.shift_start;
        sb.len = st.out_start;
    }
    *consumed = i;
    return sb_finish(&sb);
}

static Value utf_7_encode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    if (!codec_args("utf_7_encode", args, nargs, kwnames, 'U', 2, &a))
        return VAL_NULL;
    return pair(encode_utf7(a.str), AS_STR(a.str)->length);
}

static Value utf_7_decode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    int final;
    size_t consumed = 0;
    if (!codec_args("utf_7_decode", args, nargs, kwnames, 'y', 3, &a)
        || !final_param(a.extra[0], 0, &final))
        return VAL_NULL;
    Value s = decode_utf7(a.data.data, a.data.len, a.errors, final != 0, &consumed);
    return pair(s, consumed);
}

/* ---- unicode_escape, raw_unicode_escape ---------------------------------------- */

static int hex_value(unsigned c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

/* `count` hex digits at s[*i]: 1 read (value in *out), 0 input ended,
 * -1 a non-hex digit (*i stops on it). */
static int read_hex(const unsigned char *s, size_t n, size_t *i, int count, uint32_t *out)
{
    uint32_t v = 0;
    for (; count; count--, (*i)++) {
        if (*i >= n)
            return 0;
        int d = hex_value(s[*i]);
        if (d < 0)
            return -1;
        v = (v << 4) | (uint32_t)d;
    }
    *out = v;
    return 1;
}

/* \N{NAME}: the code point through unicodedata.lookup (G2's module);
 * 1 found, 0 no such name, -1 error (no unicodedata). */
static int lookup_name(const unsigned char *name, size_t len, uint32_t *out)
{
    Value module = mod_import("unicodedata");
    Value lookup = module ? rt_getattr_cstr(module, "lookup") : VAL_NULL;
    if (lookup == VAL_NULL) {
        rt_err_clear();
        rt_raisef(&rt_UnicodeError, "\\N escapes not supported (can't load unicodedata module)");
        return -1;
    }
    Value r = rt_call1(lookup, rt_str_new((const char *)name, len));
    if (r == VAL_NULL) {
        if (!rt_err_matches(&rt_KeyError))
            return -1;
        rt_err_clear();
        return 0;
    }
    if (!rt_is_str(r) || AS_STR(r)->length != 1)
        return 0;
    *out = rt_str_char_at(r, 0);
    return 1;
}

/* The warning CPython gives for an escape Python does not know (3.14:
 * worded as a sentence, b"..." for bytes).  A byte above 0x7F shows as
 * the Latin-1 character CPython's %c makes of it. */
static bool warn_invalid_escape(const unsigned char *at, bool octal, bool bytes)
{
    char seq[8], msg[128];
    if (octal)
        snprintf(seq, sizeof seq, "%.3s", (const char *)at);
    else if (*at < 0x80)
        snprintf(seq, sizeof seq, "%c", *at);
    else
        snprintf(seq, sizeof seq, "%c%c", 0xC0 | (*at >> 6), 0x80 | (*at & 0x3F));
    const char *kind = octal ? "octal " : "";
    if (rt_py_minor >= 14)
        snprintf(msg, sizeof msg, "%s\"\\%s\" is an invalid %sescape sequence. Such sequences "
                 "will not work in the future. ", bytes ? "b" : "", seq, kind);
    else
        snprintf(msg, sizeof msg, "invalid %sescape sequence '\\%s'", kind, seq);
    return rt_warn(&rt_DeprecationWarning, msg, 1) == 0;
}

/* The one-character escapes both escape decoders share; 0 if c is none. */
static int simple_escape(unsigned c)
{
    switch (c) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'b': return '\b';
    case 'f': return '\f';
    case 't': return '\t';
    case 'n': return '\n';
    case 'r': return '\r';
    case 'v': return '\v';
    case 'a': return '\a';
    default: return 0;
    }
}

/* Up to three octal digits at s[*i] (the first already known). */
static uint32_t read_octal(const unsigned char *s, size_t n, size_t *i)
{
    uint32_t v = (uint32_t)(s[(*i)++] - '0');
    for (int k = 0; k < 2 && *i < n && s[*i] >= '0' && s[*i] <= '7'; k++)
        v = (v << 3) + (uint32_t)(s[(*i)++] - '0');
    return v;
}

typedef struct EscapeState {
    const unsigned char *invalid;   /* the first unknown escape, for the warning */
    bool invalid_octal;
} EscapeState;

/* One escape after the backslash at `start` (s[*i] is the character after
 * it): 1 written, 0 incomplete input, -1 error (reason in *reason, or an
 * exception set when *reason stays NULL). */
static int unicode_escape(const unsigned char *s, size_t n, size_t *i, StrBuf *sb,
                          EscapeState *es, const char **reason)
{
    unsigned c = s[(*i)++];
    int simple = simple_escape(c);
    uint32_t ch;
    int count = 0, r;
    if (c == '\n')
        return 1;
    if (simple) {
        sb_addc(sb, (char)simple);
        return 1;
    }
    if (c >= '0' && c <= '7') {
        (*i)--;
        size_t at = *i;
        ch = read_octal(s, n, i);
        if (ch > 0377 && es->invalid == NULL)
            es->invalid = s + at, es->invalid_octal = true;
        sb_add_codepoint(sb, ch);
        return 1;
    }
    switch (c) {
    case 'x': count = 2, *reason = "truncated \\xXX escape"; break;
    case 'u': count = 4, *reason = "truncated \\uXXXX escape"; break;
    case 'U': count = 8, *reason = "truncated \\UXXXXXXXX escape"; break;
    case 'N':
        *reason = "malformed \\N character escape";
        if (*i >= n)
            return 0;
        if (s[*i] != '{')
            return -1;
        size_t name = ++*i;
        while (*i < n && s[*i] != '}')
            (*i)++;
        if (*i >= n)
            return 0;
        if (*i == name)
            return -1;
        (*i)++;
        r = lookup_name(s + name, *i - 1 - name, &ch);
        if (r < 0) {
            *reason = NULL;
            return -1;
        }
        if (r == 0) {
            *reason = "unknown Unicode character name";
            return -1;
        }
        sb_add_codepoint(sb, ch);
        return 1;
    default:
        if (es->invalid == NULL)
            es->invalid = s + *i - 1, es->invalid_octal = false;
        sb_addc(sb, '\\');
        sb_add_codepoint(sb, c);
        return 1;
    }
    r = read_hex(s, n, i, count, &ch);
    if (r <= 0)
        return r;
    if (ch > 0x10FFFF) {
        *reason = "illegal Unicode character";
        return -1;
    }
    sb_add_codepoint(sb, ch);
    return 1;
}

static Value decode_unicode_escape(const unsigned char *s, size_t n, Value errors, bool final,
                                   size_t *consumed)
{
    CodecErrors ce;
    rt_codec_errors_init(&ce, "unicodeescape", errors);
    EscapeState es = {NULL, false};
    StrBuf sb;
    sb_init(&sb);
    size_t i = 0;
    while (i < n) {
        if (s[i] != '\\') {
            sb_add_codepoint(&sb, s[i++]);      /* Latin-1 */
            continue;
        }
        size_t start = i++;
        const char *reason = "\\ at end of string";
        int r = i < n ? unicode_escape(s, n, &i, &sb, &es, &reason) : 0;
        if (r > 0)
            continue;
        if (r == 0 && !final) {
            i = start;
            break;
        }
        if (reason == NULL)
            return VAL_NULL;
        ssize_t pos = rt_codec_decode_error(&ce, &s, &n, start, i, reason, &sb);
        if (pos < 0)
            return VAL_NULL;
        i = (size_t)pos;
    }
    if (es.invalid && !warn_invalid_escape(es.invalid, es.invalid_octal, false))
        return VAL_NULL;
    *consumed = i;
    return sb_finish(&sb);
}

/* raw_unicode_escape: only \uXXXX and \UXXXXXXXX are escapes. */
static Value decode_raw_unicode_escape(const unsigned char *s, size_t n, Value errors,
                                       bool final, size_t *consumed)
{
    CodecErrors ce;
    rt_codec_errors_init(&ce, "rawunicodeescape", errors);
    StrBuf sb;
    sb_init(&sb);
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c != '\\') {
            sb_add_codepoint(&sb, c);
            i++;
            continue;
        }
        if (i + 1 >= n && !final)
            break;                      /* a \u may follow */
        if (i + 1 >= n || (s[i + 1] != 'u' && s[i + 1] != 'U')) {
            sb_addc(&sb, '\\');       /* a backslash and what follows */
            if (++i < n)
                sb_add_codepoint(&sb, s[i++]);
            continue;
        }
        size_t start = i;
        bool wide = s[i + 1] == 'U';
        const char *reason = wide ? "truncated \\UXXXXXXXX escape" : "truncated \\uXXXX escape";
        uint32_t ch;
        i += 2;
        int r = read_hex(s, n, &i, wide ? 8 : 4, &ch);
        if (r > 0 && ch <= 0x10FFFF) {
            sb_add_codepoint(&sb, ch);
            continue;
        }
        if (r == 0 && !final) {
            i = start;
            break;
        }
        if (r > 0)
            reason = "\\Uxxxxxxxx out of range";
        ssize_t pos = rt_codec_decode_error(&ce, &s, &n, start, i, reason, &sb);
        if (pos < 0)
            return VAL_NULL;
        i = (size_t)pos;
    }
    *consumed = i;
    return sb_finish(&sb);
}

/* \xhh, \uhhhh or \Uhhhhhhhh into bytes. */
static void add_hex_escape(StrBuf *sb, uint32_t c)
{
    char buf[12];
    snprintf(buf, sizeof buf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
    sb_adds(sb, buf);
}

static Value encode_unicode_escape(Value str, bool raw)
{
    size_t n;
    const uint32_t *cps = rt_codec_codepoints(str, &n);
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i];
        if (raw) {
            if (c >= 0x100)
                add_hex_escape(&sb, c);
            else
                sb_addc(&sb, (char)c);
        } else if (c == '\\') {
            sb_adds(&sb, "\\\\");
        } else if (c == '\t' || c == '\n' || c == '\r') {
            sb_adds(&sb, c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r");
        } else if (c < 0x20 || c >= 0x7F) {
            add_hex_escape(&sb, c);
        } else {
            sb_addc(&sb, (char)c);
        }
    }
    return bytes_of(&sb);
}

static Value escape_decoder(const char *fname, Value *args, size_t nargs, Value kwnames, bool raw)
{
    CodecArgs a;
    int final;
    size_t consumed = 0;
    if (!codec_args(fname, args, nargs, kwnames, 's', 3, &a) || !final_param(a.extra[0], 1, &final))
        return VAL_NULL;
    Value s = raw ? decode_raw_unicode_escape(a.data.data, a.data.len, a.errors, final != 0,
                                              &consumed)
                  : decode_unicode_escape(a.data.data, a.data.len, a.errors, final != 0,
                                          &consumed);
    return pair(s, consumed);
}

static Value unicode_escape_decode(Value *args, size_t nargs, Value kwnames)
{
    return escape_decoder("unicode_escape_decode", args, nargs, kwnames, false);
}

static Value raw_unicode_escape_decode(Value *args, size_t nargs, Value kwnames)
{
    return escape_decoder("raw_unicode_escape_decode", args, nargs, kwnames, true);
}

static Value unicode_escape_encode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    if (!codec_args("unicode_escape_encode", args, nargs, kwnames, 'U', 2, &a))
        return VAL_NULL;
    return pair(encode_unicode_escape(a.str, false), AS_STR(a.str)->length);
}

static Value raw_unicode_escape_encode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    if (!codec_args("raw_unicode_escape_encode", args, nargs, kwnames, 'U', 2, &a))
        return VAL_NULL;
    return pair(encode_unicode_escape(a.str, true), AS_STR(a.str)->length);
}

/* ---- escape_encode / escape_decode: bytes literals ------------------------------ */

/* Bytes escapes (CPython's PyBytes_DecodeEscape): errors may only be
 * strict, replace or ignore, and a bad \x is a ValueError. */
static bool bad_hex_escape(Value errors, size_t at, StrBuf *sb)
{
    const char *e = errors ? rt_str_cstr(errors) : "strict";
    if (strcmp(e, "strict") == 0) {
        rt_raisef(&rt_ValueError, "invalid \\x escape at position %zu", at);
        return false;
    }
    if (strcmp(e, "replace") == 0)
        sb_addc(sb, '?');
    else if (strcmp(e, "ignore") != 0) {
        rt_raisef(&rt_ValueError, "decoding error; unknown error handling code: %s", e);
        return false;
    }
    return true;
}

static Value decode_escape(const unsigned char *s, size_t n, Value errors)
{
    EscapeState es = {NULL, false};
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n;) {
        if (s[i] != '\\') {
            sb_addc(&sb, (char)s[i++]);
            continue;
        }
        if (++i >= n)
            return rt_raisef(&rt_ValueError, "Trailing \\ in string");
        unsigned c = s[i++];
        int simple = simple_escape(c);
        if (simple)
            sb_addc(&sb, (char)simple);
        else if (c == '\n')
            continue;
        else if (c >= '0' && c <= '7') {
            size_t at = --i;
            uint32_t v = read_octal(s, n, &i);
            if (v > 0377 && es.invalid == NULL)
                es.invalid = s + at, es.invalid_octal = true;
            sb_addc(&sb, (char)(v & 0xFF));
        } else if (c == 'x') {
            if (i + 1 < n && hex_value(s[i]) >= 0 && hex_value(s[i + 1]) >= 0) {
                sb_addc(&sb, (char)(hex_value(s[i]) * 16 + hex_value(s[i + 1])));
                i += 2;
                continue;
            }
            if (!bad_hex_escape(errors, i - 2, &sb))
                return VAL_NULL;
            if (i < n && hex_value(s[i]) >= 0)
                i++;
        } else {
            if (es.invalid == NULL)
                es.invalid = s + i - 1, es.invalid_octal = false;
            sb_addc(&sb, '\\');
            sb_addc(&sb, (char)c);
        }
    }
    if (es.invalid && !warn_invalid_escape(es.invalid, es.invalid_octal, true))
        return VAL_NULL;
    return bytes_of(&sb);
}

static Value escape_decode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    if (!codec_args("escape_decode", args, nargs, kwnames, 's', 2, &a))
        return VAL_NULL;
    return pair(decode_escape(a.data.data, a.data.len, a.errors), a.data.len);
}

static Value escape_encode(Value *args, size_t nargs, Value kwnames)
{
    if (rt_nkwargs(kwnames))
        return rt_raisef(&rt_TypeError, "_codecs.escape_encode() takes no keyword arguments");
    if (!rt_arg_range("escape_encode", nargs, 1, 2))
        return VAL_NULL;
    if (!IS_EXACT(args[0], rt_bytes_type) && !rt_isinstance_of(args[0], &rt_bytes_type))
        return rt_raisef(&rt_TypeError, "escape_encode() argument 1 must be bytes, not %T",
                         args[0]);
    if (nargs > 1 && args[1] != rt_None && !rt_is_str(args[1]))
        return rt_raisef(&rt_TypeError, "escape_encode() argument 2 must be str or None, not %T",
                         args[1]);
    const ObjBytes *b = AS_BYTES(args[0]);
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < b->length; i++) {
        unsigned char c = b->data[i];
        if (c == '\\' || c == '\'')
            sb_addc(&sb, '\\'), sb_addc(&sb, (char)c);
        else if (c == '\t' || c == '\n' || c == '\r')
            sb_adds(&sb, c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r");
        else if (c < ' ' || c >= 0x7F)
            add_hex_escape(&sb, c);
        else
            sb_addc(&sb, (char)c);
    }
    return pair(bytes_of(&sb), b->length);
}

static Value readbuffer_encode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    if (!codec_args("readbuffer_encode", args, nargs, kwnames, 's', 2, &a))
        return VAL_NULL;
    return pair(rt_bytes_new(a.data.data, a.data.len), a.data.len);
}

/* ---- charmap ---------------------------------------------------------------------- */

/* What charmap_build makes of a 256-character decoding table whose code
 * points all fit in 16 bits: the inverse mapping as (code point, byte)
 * pairs sorted for binary search.  CPython calls the type EncodingMap. */
typedef struct EncodingPair {
    uint16_t cp;
    uint8_t byte;
} EncodingPair;

typedef struct ObjEncodingMap {
    Object ob;
    size_t count;
    size_t table_size;          /* what CPython's table would take: size() */
    EncodingPair pairs[256];
} ObjEncodingMap;

static ObjType encoding_map_type = {
    .ob.type = &rt_type_type,
    .name = "EncodingMap",
    .new_ = mod_no_new,
};

static int compare_pairs(const void *a, const void *b)
{
    return (int)((const EncodingPair *)a)->cp - (int)((const EncodingPair *)b)->cp;
}

/* The byte c maps to, or -1. */
static int encoding_map_find(const ObjEncodingMap *m, uint32_t c)
{
    size_t lo = 0, hi = m->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->pairs[mid].cp == c)
            return m->pairs[mid].byte;
        if (m->pairs[mid].cp < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static Value encoding_map_size(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("size", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_int_from_u64(VAL_AS(ObjEncodingMap, args[0])->table_size);
}

static const MethodDef encoding_map_methods[] = {
    {"size", encoding_map_size},
    {NULL, NULL},
};

/* charmap_build(decoding_table): an EncodingMap, or a dict {code point:
 * byte} when the table does not map byte 0 to U+0000, maps a byte to U+0000
 * or above U+FFFF, or spreads over too many blocks for CPython's three-level
 * table (its size, what size() reports, is counted the same way). */
static Value charmap_build(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("charmap_build", nargs, kwnames))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "charmap_build() argument must be str, not %T", args[0]);
    size_t n;
    const uint32_t *cps = rt_codec_codepoints(args[0], &n);
    if (n == 0)
        return rt_raisef(&rt_TypeError, "bad argument type for built-in operation");
    n = n < 256 ? n : 256;
    bool need_dict = cps[0] != 0, seen2[32] = {false}, seen3[512] = {false};
    size_t count2 = 0, count3 = 0;
    for (size_t i = 1; i < n && !need_dict; i++) {
        uint32_t c = cps[i];
        need_dict = c == 0 || c > 0xFFFF;
        if (need_dict || c == 0xFFFE)
            continue;
        count2 += !seen2[c >> 11], seen2[c >> 11] = true;
        count3 += !seen3[c >> 7], seen3[c >> 7] = true;
    }
    if (need_dict || count2 >= 0xFF || count3 >= 0xFF) {
        Value d = rt_dict_new();
        for (size_t i = 0; i < n; i++)
            if (!rt_dict_set(d, small_new(cps[i]), small_new((intptr_t)i)))
                return VAL_NULL;
        return d;
    }
    ObjEncodingMap *m = rt_alloc_instance(&encoding_map_type, sizeof *m);
    m->count = 0;
    m->table_size = 64 + 16 * count2 + 128 * count3 - 1;
    for (size_t i = 0; i < n; i++)
        if (cps[i] != 0xFFFE)
            m->pairs[m->count++] = (EncodingPair){(uint16_t)cps[i], (uint8_t)i};
    qsort(m->pairs, m->count, sizeof m->pairs[0], compare_pairs);
    return obj_val(m);
}

/* How the mapping encodes c: 1 appended, 0 undefined, -1 error. */
static int charmap_encode_char(Value mapping, uint32_t c, StrBuf *out)
{
    if (val_type(mapping) == &encoding_map_type) {
        int b = encoding_map_find(VAL_AS(ObjEncodingMap, mapping), c);
        if (b < 0)
            return 0;
        sb_addc(out, (char)b);
        return 1;
    }
    Value x = rt_getitem(mapping, small_new(c));
    if (x == VAL_NULL) {
        if (!rt_err_matches(&rt_LookupError))
            return -1;
        rt_err_clear();
        return 0;
    }
    if (x == rt_None)
        return 0;
    if (rt_isinstance_of(x, &rt_int_type)) {
        ssize_t v;
        if (!rt_as_ssize(x, &v))
            return -1;
        if (v < 0 || v > 255) {
            rt_raisef(&rt_TypeError, "character mapping must be in range(256)");
            return -1;
        }
        sb_addc(out, (char)v);
        return 1;
    }
    if (rt_isinstance_of(x, &rt_bytes_type)) {
        sb_add(out, (const char *)AS_BYTES(x)->data, AS_BYTES(x)->length);
        return 1;
    }
    rt_raisef(&rt_TypeError, "character mapping must return integer, bytes or None, not %T", x);
    return -1;
}

static Value encode_charmap(Value str, Value errors, Value mapping)
{
    size_t n;
    const uint32_t *cps = rt_codec_codepoints(str, &n);
    CodecErrors ce;
    rt_codec_errors_init(&ce, "charmap", errors);
    StrBuf out;
    sb_init(&out);
    for (size_t i = 0; i < n;) {
        int r = charmap_encode_char(mapping, cps[i], &out);
        if (r < 0)
            return VAL_NULL;
        if (r > 0) {
            i++;
            continue;
        }
        size_t end = i + 1;             /* the run of unmappable characters */
        StrBuf scratch;
        sb_init(&scratch);
        while (end < n && (r = charmap_encode_char(mapping, cps[end], &scratch)) == 0)
            end++;
        if (r < 0)
            return VAL_NULL;
        Value rep;
        ssize_t pos = rt_codec_encode_error(&ce, str, i, end, "character maps to <undefined>",
                                            &rep);
        if (pos < 0)
            return VAL_NULL;
        if (!rt_is_str(rep)) {
            sb_add(&out, (const char *)AS_BYTES(rep)->data, AS_BYTES(rep)->length);
        } else {
            size_t rn;
            const uint32_t *rcps = rt_codec_codepoints(rep, &rn);
            for (size_t k = 0; k < rn; k++) {
                r = charmap_encode_char(mapping, rcps[k], &out);
                if (r < 0)
                    return VAL_NULL;
                if (r == 0) {
                    rt_codec_raise_encode("charmap", str, i, end, "character maps to <undefined>");
                    return VAL_NULL;
                }
            }
        }
        i = (size_t)pos;
    }
    return bytes_of(&out);
}

/* How the mapping decodes byte b: 1 appended, 0 undefined, -1 error. */
static int charmap_decode_byte(Value mapping, unsigned b, StrBuf *out)
{
    if (rt_is_str(mapping)) {
        if (b >= AS_STR(mapping)->length)
            return 0;
        uint32_t c = rt_str_char_at(mapping, b);
        if (c == 0xFFFE)
            return 0;
        sb_add_codepoint(out, c);
        return 1;
    }
    Value x = rt_getitem(mapping, small_new(b));
    if (x == VAL_NULL) {
        if (!rt_err_matches(&rt_LookupError))
            return -1;
        rt_err_clear();
        return 0;
    }
    if (x == rt_None)
        return 0;
    if (rt_isinstance_of(x, &rt_int_type)) {
        ssize_t v;
        if (!rt_as_ssize(x, &v) || v < 0 || v > 0x10FFFF) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "character mapping must be in range(0x110000)");
            return -1;
        }
        if (v == 0xFFFE)
            return 0;
        sb_add_codepoint(out, (uint32_t)v);
        return 1;
    }
    if (rt_is_str(x)) {
        if (AS_STR(x)->length == 1 && rt_str_char_at(x, 0) == 0xFFFE)
            return 0;
        sb_add(out, rt_str_cstr(x), rt_str_nbytes(x));
        return 1;
    }
    rt_raisef(&rt_TypeError, "character mapping must return integer, None or str");
    return -1;
}

static Value decode_charmap(const unsigned char *s, size_t n, Value errors, Value mapping)
{
    CodecErrors ce;
    rt_codec_errors_init(&ce, "charmap", errors);
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n;) {
        int r = charmap_decode_byte(mapping, s[i], &sb);
        if (r < 0)
            return VAL_NULL;
        if (r > 0) {
            i++;
            continue;
        }
        ssize_t pos = rt_codec_decode_error(&ce, &s, &n, i, i + 1,
                                            "character maps to <undefined>", &sb);
        if (pos < 0)
            return VAL_NULL;
        i = (size_t)pos;
    }
    return sb_finish(&sb);
}

static Value charmap_encode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    if (!codec_args("charmap_encode", args, nargs, kwnames, 'U', 3, &a))
        return VAL_NULL;
    Value mapping = a.extra[0];
    if (mapping == VAL_NULL || mapping == rt_None)
        return pair(rt_encode_latin1(a.str, a.errors), AS_STR(a.str)->length);
    return pair(encode_charmap(a.str, a.errors, mapping), AS_STR(a.str)->length);
}

static Value charmap_decode(Value *args, size_t nargs, Value kwnames)
{
    CodecArgs a;
    if (!codec_args("charmap_decode", args, nargs, kwnames, 'y', 3, &a))
        return VAL_NULL;
    Value mapping = a.extra[0];
    if (mapping == VAL_NULL || mapping == rt_None)
        return pair(rt_decode_latin1(a.data.data, a.data.len, a.errors), a.data.len);
    return pair(decode_charmap(a.data.data, a.data.len, a.errors, mapping), a.data.len);
}

/* ---- The module ------------------------------------------------------------------------ */

static const MethodDef codecs_functions[] = {
    {"register", codecs_register},
    {"unregister", codecs_unregister},
    {"lookup", codecs_lookup},
    {"encode", codecs_encode},
    {"decode", codecs_decode},
    {"escape_encode", escape_encode},
    {"escape_decode", escape_decode},
    {"utf_8_encode", utf_8_encode},
    {"utf_8_decode", utf_8_decode},
    {"utf_7_encode", utf_7_encode},
    {"utf_7_decode", utf_7_decode},
    {"utf_16_encode", utf_16_encode},
    {"utf_16_decode", utf_16_decode},
    {"utf_16_le_encode", utf_16_le_encode},
    {"utf_16_le_decode", utf_16_le_decode},
    {"utf_16_be_encode", utf_16_be_encode},
    {"utf_16_be_decode", utf_16_be_decode},
    {"utf_16_ex_decode", utf_16_ex_decode},
    {"utf_32_encode", utf_32_encode},
    {"utf_32_decode", utf_32_decode},
    {"utf_32_le_encode", utf_32_le_encode},
    {"utf_32_le_decode", utf_32_le_decode},
    {"utf_32_be_encode", utf_32_be_encode},
    {"utf_32_be_decode", utf_32_be_decode},
    {"utf_32_ex_decode", utf_32_ex_decode},
    {"unicode_escape_encode", unicode_escape_encode},
    {"unicode_escape_decode", unicode_escape_decode},
    {"raw_unicode_escape_encode", raw_unicode_escape_encode},
    {"raw_unicode_escape_decode", raw_unicode_escape_decode},
    {"latin_1_encode", latin_1_encode},
    {"latin_1_decode", latin_1_decode},
    {"ascii_encode", ascii_encode},
    {"ascii_decode", ascii_decode},
    {"charmap_encode", charmap_encode},
    {"charmap_decode", charmap_decode},
    {"charmap_build", charmap_build},
    {"readbuffer_encode", readbuffer_encode},
    {"register_error", codecs_register_error},
    {"lookup_error", codecs_lookup_error},
    {NULL, NULL},
};

static const MethodDef codecs_functions_314[] = {
    {"_unregister_error", codecs_unregister_error},
    {NULL, NULL},
};

Value mod_codecs_init(void)
{
    Value m = mod_module_new("_codecs", codecs_functions);
    if (m != VAL_NULL && rt_py_minor >= 14)
        mod_module_add_functions(m, codecs_functions_314);
    if (m != VAL_NULL && encoding_map_type.mro == VAL_NULL)
        rt_type_ready(&encoding_map_type, encoding_map_methods);
    return m;
}
