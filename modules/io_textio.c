/*
 * io_textio.c — _io.TextIOWrapper and _io.IncrementalNewlineDecoder
 * (CPython's Modules/_io/textio.c): text over a buffered binary stream.
 *
 * Reading takes chunks of bytes from the buffer (read1, 8192 at a time),
 * decodes them into a str, and keeps it with a position in its UTF-8;
 * read(), readline() and iteration cut their text out of its bytes (a
 * line ending is ASCII, which never occurs inside a longer character).
 * Writing translates '\n', encodes, and collects the bytes until a chunk is full,
 * a line ends on a line-buffered stream, or write_through is set.
 *
 * Codecs.  UTF-8, ASCII and Latin-1 are decoded and encoded here in C
 * (through the core's str.encode / bytes.decode, which know the error
 * handlers), so a program that opens a file does not import `codecs`;
 * every other encoding goes through codecs.getincrementaldecoder/encoder.
 *
 * Newlines.  newline=None: '\r' and '\r\n' are read as '\n', '\n' is
 * written as os.linesep ('\n'); '': lines end at any of the three, nothing
 * is translated; '\n', '\r', '\r\n': that ending only, and '\n' written as
 * it.  The IncrementalNewlineDecoder logic (a '\r' at the end of a piece is
 * held back until the next piece says whether '\n' follows) is one C
 * function used by TextIOWrapper, StringIO and the Python-visible class.
 *
 * tell()/seek().  CPython's cookie packs a byte position with the decoder's
 * state: where the decoder last held no bytes, its flags there (a stateful
 * codec's: utf-16's BOM seen, iso2022_jp's shift; the newline decoder's
 * pending '\r'), and the bytes and characters to replay from there.  tell()
 * finds it as CPython does, replaying the decoder over the current chunk,
 * so its cookies are CPython's, for the C codecs too (see "cookies" below).
 */
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "modules/io.h"
#include "modules/api.h"
#include "runtime/buffer.h"
#include "runtime/codecs.h"
#include "runtime/version.h"

enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_OTHER };
#define CHUNK_SIZE 8192

typedef struct TextIO {
    IoObject base;
    bool ok, detached;
    Value buffer, encoding, errors;
    int codec;
    Value decoder, encoder;     /* CODEC_OTHER's incremental codec objects, or VAL_NULL */
    bool readuniversal, readtranslate, writetranslate, line_buffering, write_through;
    Value readnl;               /* the newline argument, VAL_NULL for None */
    Value writenl;              /* what '\n' is written as, VAL_NULL: itself */
    IoNewlines nl;              /* the newline decoder, when readuniversal */
    bool readable, writable;    /* what the buffer said at construction */
    bool seekable, has_read1;
    bool not_telling;           /* iterating: tell() raises until the end of the file */
    bool to_stdout;             /* the start-up sys.stdout: bytes into runtime/stdout.c */
    bool unbuffered;            /* the start-up sys.stderr: every write reaches fd 2 */
    /* Decoded text not yet read: the UTF-8 of the str dtext from byte
     * doff on (VAL_NULL, 0 when none; tell() counts the characters). */
    Value dtext;
    size_t doff;
    /* Bytes of an incomplete character at the end of the last chunk (C codecs). */
    unsigned char tail[4];
    int ntail;
    /* For tell(): the decoder's flags before the current chunk, the bytes
     * it held then followed by the chunk's, and the chunk's bytes per
     * character. */
    int snap_flags;
    bool have_snapshot;
    Value snap_input;           /* bytes */
    double b2cratio;
    /* Encoded bytes waiting for the buffer. */
    StrBuf pending;
    size_t chunk_size;
} TextIO;

#define TIO(v) VAL_AS(TextIO, v)


/* ---- newlines ------------------------------------------------------------------------------------ */

/* A '\r' as the newline decoder gives it, the "\r\n" it begins when pair. */
static void nl_put_cr(IoNewlines *st, StrBuf *sb, bool pair)
{
    st->seennl |= pair ? IO_SEEN_CRLF : IO_SEEN_CR;
    sb->data[sb->len++] = st->translate ? '\n' : '\r';
    if (pair && !st->translate)
        sb->data[sb->len++] = '\n';
}

/*
 * The newline decoder works on a str's UTF-8 bytes ('\r' and '\n' are
 * ASCII, which never occurs inside a longer character).  The piece it sees
 * is the '\r' it held back last time (given now, when there is more text
 * or this is the end), then the text, but for a last '\r' it holds back in
 * turn ('\n' may follow in the next piece).  Text without '\r', most text,
 * is given back as it is.
 */
Value io_nl_decode(IoNewlines *st, Value text, bool final)
{
    const ObjStr *s = AS_STR(text);
    const char *p = s->data;
    bool cr_first = st->pendingcr && (s->nbytes > 0 || final);
    bool hold = !final && s->nbytes > 0 && p[s->nbytes - 1] == '\r';
    size_t n = s->nbytes - hold;
    if (!cr_first && !hold && memchr(p, '\r', n) == NULL) {
        if (!(st->seennl & IO_SEEN_LF) && memchr(p, '\n', n) != NULL)
            st->seennl |= IO_SEEN_LF;
        return text;
    }
    StrBuf sb;
    sb_init(&sb);
    sb_reserve(&sb, n + 1);
    size_t i = 0, pairs = 0;
    if (cr_first) {                     /* the held '\r', before p[0] */
        bool pair = n > 0 && p[0] == '\n';
        nl_put_cr(st, &sb, pair);
        pairs += pair;
        i = pair;
    }
    for (;;) {                          /* from one '\r' to the next */
        const char *cr = memchr(p + i, '\r', n - i);
        size_t stop = cr != NULL ? (size_t)(cr - p) : n;
        if (!(st->seennl & IO_SEEN_LF) && memchr(p + i, '\n', stop - i) != NULL)
            st->seennl |= IO_SEEN_LF;
        memcpy(sb.data + sb.len, p + i, stop - i);
        sb.len += stop - i;
        if (cr == NULL)
            break;
        bool pair = stop + 1 < n && p[stop + 1] == '\n';
        nl_put_cr(st, &sb, pair);
        pairs += pair;
        i = stop + 1 + pair;
    }
    st->pendingcr = hold;
    size_t length = s->length + cr_first - hold - (st->translate ? pairs : 0);
    return io_text(sb.data, sb.len, length);
}

Value io_nl_seen(int seennl)
{
    static const char *const one[] = { NULL, "\n", "\r", NULL, "\r\n" };
    switch (seennl) {
    case 0: return rt_None;
    case IO_SEEN_LF: case IO_SEEN_CR: case IO_SEEN_CRLF:
        return rt_str_from_cstr(one[seennl]);
    }
    Value items[3] = { 0 };     /* 2 or 3 set below (gcc -fprofile-use cannot tell) */
    size_t n = 0;
    if (seennl & IO_SEEN_CR) items[n++] = rt_str_from_cstr("\r");
    if (seennl & IO_SEEN_LF) items[n++] = rt_str_from_cstr("\n");
    if (seennl & IO_SEEN_CRLF) items[n++] = rt_str_from_cstr("\r\n");
    return n == 2 ? rt_tuple_pack(2, items[0], items[1])
                  : rt_tuple_pack(3, items[0], items[1], items[2]);
}

ssize_t io_find_line_ending(bool translated, bool universal, Value readnl,
                            const char *s, size_t n)
{
    const char *end;
    if (translated) {
        end = memchr(s, '\n', n);
        return end != NULL ? end - s + 1 : -1;
    }
    if (universal) {                    /* the first '\n' or '\r', '\r\n' whole */
        const char *lf = memchr(s, '\n', n);
        const char *cr = memchr(s, '\r', lf != NULL ? (size_t)(lf - s) : n);
        if (cr == NULL)
            return lf != NULL ? lf - s + 1 : -1;
        return cr - s + (cr + 1 < s + n && cr[1] == '\n' ? 2 : 1);
    }
    /* newline is '\n', '\r' or '\r\n' (io_check_newline) */
    const char *nl = rt_str_cstr(readnl);
    bool crlf = rt_str_nbytes(readnl) == 2;
    for (size_t i = 0; (end = memchr(s + i, nl[0], n - i)) != NULL; i = (size_t)(end - s) + 1) {
        if (!crlf)
            return end - s + 1;
        if (end + 1 < s + n && end[1] == '\n')
            return end - s + 2;
    }
    return -1;
}

Value io_replace_newlines(Value text, Value nl)
{
    const ObjStr *s = AS_STR(text);
    const char *end = s->data + s->nbytes;
    size_t count = 0;
    for (const char *p = s->data; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        count++;
    if (count == 0)
        return text;
    size_t extra = count * (rt_str_nbytes(nl) - 1);
    Value r = rt_str_uninit(s->nbytes + extra, s->length + extra, s->ascii);
    if (r == VAL_NULL)
        return VAL_NULL;
    char *out = AS_STR(r)->data;
    for (const char *p = s->data; p < end; p++) {
        if (*p != '\n')
            *out++ = *p;
        else
            for (const char *q = rt_str_cstr(nl); *q; q++)
                *out++ = *q;
    }
    return r;
}

bool io_check_newline(Value newline, bool quoted)
{
    if (newline == rt_None)
        return true;
    if (!rt_is_str(newline)) {
        rt_raisef(&rt_TypeError, "newline must be str or None, not %s", val_type(newline)->name);
        return false;
    }
    const char *s = rt_str_cstr(newline);
    if (strcmp(s, "") && strcmp(s, "\n") && strcmp(s, "\r") && strcmp(s, "\r\n")) {
        if (quoted)
            rt_raisef(&rt_ValueError, "illegal newline value: %R", newline);
        else
            rt_raisef(&rt_ValueError, "illegal newline value: %s", s);
        return false;
    }
    return true;
}

/* ---- the encoding ------------------------------------------------------------------------------- */

/* The locale's encoding, as CPython 3.11 reports it: its codeset name
 * ("UTF-8") under a real locale, "utf-8" under C/POSIX (UTF-8 mode). */
static bool is_c_utf8(const char *name)
{
    return strcmp(name, "C.UTF-8") == 0 || strcmp(name, "C.utf8") == 0;
}

Value io_default_encoding(void)
{
    static Value cached;
    if (cached != VAL_NULL)
        return cached;
    const char *codeset = "utf-8";          /* UTF-8 mode (PEP 540) */
    if (mod_sys_flags()->utf8_mode) {
        /* as it is */
    } else if (is_c_utf8(mod_locale_env_name())) {
        /* glibc's C.UTF-8 (built in since 2.35), the usual locale of
         * containers and CI: its codeset is known without loading the
         * locale (newlocale reads locale.alias and a 350 KB LC_CTYPE
         * file: ~65,000 instructions and 15 system calls of every start). */
        codeset = "UTF-8";
    } else if (mod_locale_env_is_c()) {
        /* the C locale (PYTHONUTF8=0), coerced to C.UTF-8 or not */
        codeset = mod_locale_coerced() ? "UTF-8" : "ANSI_X3.4-1968";
    } else {
        locale_t loc = newlocale(LC_CTYPE_MASK, "", (locale_t)0);
        if (loc != (locale_t)0) {
            codeset = gc_strdup(nl_langinfo_l(CODESET, loc));
            freelocale(loc);
        }
    }
    cached = rt_str_from_cstr(codeset);
    return cached;
}

Value mod_std_encoding(void)
{
    static Value cached;
    if (cached == VAL_NULL)
        cached = io_codec_name(io_default_encoding());
    return cached;
}

Value io_codec_name(Value codeset)
{
    static const char *const fast[] = { "utf-8", "ascii", "iso8859-1" };
    int codec = rt_codec_lookup(rt_str_cstr(codeset));
    Value info = codec < 0 ? rt_codec_lookup_info(codeset) : VAL_NULL;
    Value name = info != VAL_NULL ? rt_getattr_cstr(info, "name") : VAL_NULL;
    if (codec < 0 && name == VAL_NULL)
        rt_err_clear();                 /* no codec of that name: the codeset's */
    return codec >= 0 ? rt_str_from_cstr(fast[codec]) : name != VAL_NULL ? name : codeset;
}

/* Choose the codec: C for utf-8/ascii/latin-1, else codecs' incremental
 * objects (the decoder only when readable, the encoder when writable). */
static bool set_codec(TextIO *t, bool readable, bool writable)
{
    int c = rt_codec_lookup(rt_str_cstr(t->encoding));
    t->decoder = t->encoder = VAL_NULL;
    t->codec = c == 0 ? CODEC_UTF8 : c == 1 ? CODEC_ASCII : c == 2 ? CODEC_LATIN1 : CODEC_OTHER;
    if (t->codec != CODEC_OTHER)
        return true;
    /* 3.14 deprecated codecs.open() and stopped advising it */
    Value info = rt_codec_text_info(t->encoding, rt_py_minor >= 14 ? NULL : "codecs.open()");
    if (info == VAL_NULL)
        return false;
    if (readable && (t->decoder = mod_call_method(info, "incrementaldecoder", &t->errors, 1)) == VAL_NULL)
        return false;
    if (writable && (t->encoder = mod_call_method(info, "incrementalencoder", &t->errors, 1)) == VAL_NULL)
        return false;
    return true;
}

/* The encoder of a stream not at its start must not write a BOM (utf-16,
 * utf-32, utf-8-sig): setstate(0) says so; at the start, reset() lets it
 * write one.  CPython's _textiowrapper_fix_encoder_state and
 * _textiowrapper_encoder_reset. */
static bool encoder_at(TextIO *t, Value pos)
{
    if (t->encoder == VAL_NULL)
        return true;
    int start = rt_eq(pos, small_new(0));
    if (start < 0)
        return false;
    return (start ? io_call(t->encoder, "reset", 0)
                  : io_call(t->encoder, "setstate", 1, small_new(0))) != VAL_NULL;
}

static bool fix_encoder_state(TextIO *t)
{
    if (!t->seekable || t->encoder == VAL_NULL)
        return true;
    Value pos = io_call(t->buffer, "tell", 0);
    return pos != VAL_NULL && encoder_at(t, pos);
}

static const char *const codec_names[] = { "utf-8", "ascii", "latin-1" };

/* Encode text for the buffer: bytes, or VAL_NULL with the UnicodeEncodeError. */
static Value encode(TextIO *t, Value text)
{
    if (t->codec == CODEC_OTHER)
        return io_call(t->encoder, "encode", 1, text);
    if (t->codec == CODEC_UTF8 && AS_STR(text)->ascii)
        return rt_bytes_new((const unsigned char *)rt_str_cstr(text), rt_str_nbytes(text));
    return rt_str_encode(text, codec_names[t->codec], rt_str_cstr(t->errors));
}

/* Where a run of UTF-8 bytes stops being complete: the bytes after it
 * (at most 3) start a character the next chunk finishes. */
static size_t complete_prefix(const unsigned char *p, size_t n)
{
    size_t i = n, back = 0;
    while (i > 0 && back < 3 && (p[i - 1] & 0xC0) == 0x80) {
        i--;
        back++;
    }
    if (i == 0)
        return n;
    unsigned char lead = p[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return need > back + 1 && lead >= 0xC0 && lead < 0xF5 ? i - 1 : n;
}

/* A codec of Python's decoder's getstate(), checked to be a (bytes, int)
 * pair (else TypeError). */
static bool python_decoder_state(TextIO *t, Value *buffered, int *flags)
{
    Value state = io_call(t->decoder, "getstate", 0);
    if (state == VAL_NULL)
        return false;
    if (!is_tuple(state) || rt_tuple_len(state) != 2 || !is_int(rt_tuple_get(state, 1))) {
        rt_raisef(&rt_TypeError, "illegal decoder state");
        return false;
    }
    *buffered = rt_tuple_get(state, 0);
    if (!rt_isinstance_of(*buffered, &rt_bytes_type)) {
        rt_raisef(&rt_TypeError, "illegal decoder state: the first item should be a bytes object, "
                  "not '%T'", *buffered);
        return false;
    }
    return rt_int_as_int(rt_tuple_get(state, 1), flags);
}

/* The decoder's state as CPython's text layer sees it: the bytes it holds
 * back (a C codec's: the start of an incomplete character), and its flags
 * (a C codec has none), shifted left once for the newline decoder's
 * pending '\r' when newlines are universal
 * (IncrementalNewlineDecoder.getstate). */
static bool decoder_getstate(TextIO *t, Value *buffered, int *flags)
{
    *flags = 0;
    if (t->codec != CODEC_OTHER)
        *buffered = rt_bytes_new(t->tail, (size_t)t->ntail);
    else if (!python_decoder_state(t, buffered, flags))
        return false;
    if (t->readuniversal)
        *flags = (int)((unsigned)*flags << 1) | t->nl.pendingcr;
    return true;
}

/* The decoder put back in the state `flags` stands for, holding no bytes
 * (IncrementalNewlineDecoder.setstate); at the start of the stream it is
 * reset instead, as some decoders (utf-16) start in a state of their own
 * (CPython's _textiowrapper_decoder_setstate).  A reset also forgets the
 * newlines seen, as CPython's does. */
static bool decoder_setstate(TextIO *t, int64_t start_pos, int flags)
{
    t->ntail = 0;
    if (start_pos == 0 && flags == 0) {
        t->nl.pendingcr = false;
        t->nl.seennl = 0;
        return t->codec != CODEC_OTHER || io_call(t->decoder, "reset", 0) != VAL_NULL;
    }
    if (t->readuniversal) {
        t->nl.pendingcr = flags & 1;
        flags >>= 1;
    }
    if (t->codec != CODEC_OTHER)
        return true;
    Value state = rt_tuple_pack(2, rt_bytes_new(NULL, 0), rt_int_from_i64(flags));
    return io_call(t->decoder, "setstate", 1, state) != VAL_NULL;
}

/* A C codec's decoding of s[0..n), all of it. */
static Value decode_c(TextIO *t, const unsigned char *s, size_t n)
{
    switch (t->codec) {
    case CODEC_UTF8: return rt_decode_utf8(s, n, t->errors, true, NULL);
    case CODEC_ASCII: return rt_decode_ascii(s, n, t->errors);
    default: return rt_decode_latin1(s, n, t->errors);
    }
}

/* Decode one chunk (final at end of file) into a str, through the newline
 * decoder when newlines are universal. */
static Value decode(TextIO *t, Value input, bool final)
{
    Value text;
    if (t->codec == CODEC_OTHER) {
        Value args[2] = { input, rt_bool(final) };
        text = mod_call_method(t->decoder, "decode", args, 2);
        if (text != VAL_NULL && !rt_is_str(text))
            return rt_raisef(&rt_TypeError, "decoder should return a string result, not '%T'", text);
        if (text != VAL_NULL && !is_str(text))         /* a subclass's: the text only */
            text = io_text(rt_str_cstr(text), rt_str_nbytes(text), AS_STR(text)->length);
    } else {
        /* the bytes held back from the last chunk, then this one's */
        const unsigned char *p = AS_BYTES(input)->data;
        size_t n = AS_BYTES(input)->length;
        if (t->ntail > 0) {
            StrBuf sb;
            sb_init(&sb);
            sb_add(&sb, (const char *)t->tail, (size_t)t->ntail);
            sb_add(&sb, (const char *)p, n);
            p = (const unsigned char *)sb.data;
            n = sb.len;
        }
        size_t k = t->codec == CODEC_UTF8 && !final ? complete_prefix(p, n) : n;
        t->ntail = (int)(n - k);
        memcpy(t->tail, p + k, (size_t)t->ntail);
        text = decode_c(t, p, k);
        if (text == VAL_NULL && k < n && rt_err_matches(&rt_UnicodeDecodeError)) {
            /* CPython's decoder sees the held bytes too: b"\xc3" before
             * b"\xe6" is "invalid continuation byte", not "unexpected end
             * of data"; its error is the one to raise */
            rt_err_clear();
            text = decode_c(t, p, n);
            t->ntail = 0;
        }
    }
    if (text == VAL_NULL)
        return VAL_NULL;
    return t->readuniversal ? io_nl_decode(&t->nl, text, final) : text;
}

/* ---- construction ------------------------------------------------------------------------------- */

static bool text_arg(Value v, const char *name)
{
    if (v == VAL_NULL || v == rt_None || rt_is_str(v))
        return true;
    rt_raisef(&rt_TypeError, "TextIOWrapper() argument '%s' must be str or None, not %s", name,
              val_type(v)->name);
    return false;
}

/* reconfigure's line_buffering and write_through: a C long in every
 * version (TypeError, OverflowError), where __init__ takes a flag. */
static bool int_flag(Value v, bool *out)
{
    Value i = rt_index(v);
    int64_t x;
    if (i == VAL_NULL || !rt_int_as_i64(i, &x))
        return false;
    *out = x != 0;
    return true;
}

/* newline → the reading and writing rules (above). */
static void set_newline(TextIO *t, Value newline)
{
    bool none = newline == VAL_NULL || newline == rt_None;
    t->readnl = none ? VAL_NULL : newline;
    t->readuniversal = none || rt_str_nbytes(newline) == 0;
    t->readtranslate = none;
    t->writetranslate = none || rt_str_nbytes(newline) != 0;
    t->writenl = !none && rt_str_nbytes(newline) != 0 && strcmp(rt_str_cstr(newline), "\n")
                 ? newline : VAL_NULL;
    t->nl = (IoNewlines){ .translate = t->readtranslate };
}

static bool ask_bool(Value obj, const char *method, bool *out)
{
    Value r = io_call(obj, method, 0);
    if (r == VAL_NULL)
        return false;
    int b = rt_truthy(r);
    *out = b > 0;
    return b >= 0;
}

static Value textio_init(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "buffer", "encoding", "errors", "newline",
                                         "line_buffering", "write_through" };
    static const ArgSpec spec = { "TextIOWrapper", names, 6, 0, 1, 6, false };
    Value a[6];
    if (!io_self(args, nargs, &io_textiowrapper_type, "__init__") ||
        !rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    TextIO *t = TIO(args[0]);
    t->ok = false;
    if (!text_arg(a[1], "encoding") || !text_arg(a[2], "errors") || !text_arg(a[3], "newline"))
        return VAL_NULL;
    if ((a[1] == VAL_NULL || a[1] == rt_None) && !io_warn_default_encoding(1))
        return VAL_NULL;
    /* -X dev: a misspelt error handler fails now, not at the first bad byte */
    if (rt_dev_mode && a[2] != VAL_NULL && a[2] != rt_None && rt_codec_lookup_error(a[2]) == VAL_NULL)
        return VAL_NULL;
    if (a[3] != VAL_NULL && !io_check_newline(a[3], false))
        return VAL_NULL;
    if (!rt_arg_flag(a[4], false, &t->line_buffering) ||
        !rt_arg_flag(a[5], false, &t->write_through))
        return VAL_NULL;
    t->buffer = a[0];
    t->detached = false;
    t->encoding = a[1] == VAL_NULL || a[1] == rt_None || strcmp(rt_str_cstr(a[1]), "locale") == 0
                  ? io_default_encoding() : a[1];
    t->errors = a[2] == VAL_NULL || a[2] == rt_None ? rt_str_from_cstr("strict") : a[2];
    set_newline(t, a[3]);
    if (!ask_bool(a[0], "readable", &t->readable) || !ask_bool(a[0], "writable", &t->writable) ||
        !set_codec(t, t->readable, t->writable) || !ask_bool(a[0], "seekable", &t->seekable) ||
        !fix_encoder_state(t))
        return VAL_NULL;
    Value n_read1 = RT_NAME("read1");
    Value read1 = rt_pending_method(a[0], n_read1) != NULL ? rt_None : rt_lookup_attr(a[0], n_read1);
    if (read1 == VAL_NULL && rt_err_occurred())
        return VAL_NULL;
    t->has_read1 = read1 != VAL_NULL;
    t->dtext = VAL_NULL;
    t->doff = 0;
    t->ntail = 0;
    t->have_snapshot = false;
    sb_init(&t->pending);
    t->chunk_size = CHUNK_SIZE;
    t->ok = true;
    return rt_None;
}

static Value textio_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    return io_new(type, sizeof(TextIO), textio_init, args, nargs, kw);
}

Value io_textio_new(Value buffer, Value encoding, Value errors, Value newline,
                    bool line_buffering, bool write_through)
{
    Value args[6] = { buffer, encoding, errors, newline, rt_bool(line_buffering),
                      rt_bool(write_through) };
    return io_construct(&io_textiowrapper_type, sizeof(TextIO), textio_init, args, 6);
}

/* The start-up sys.stdout: utf-8, strict, '\n', over the stdout buffer. */
void io_textio_set_stdout(Value v)
{
    TIO(v)->to_stdout = true;
    rt_stdout_stream = v;
}

void io_textio_set_unbuffered(Value v)
{
    TIO(v)->unbuffered = true;
}

/* ---- checks ------------------------------------------------------------------------------------- */

static TextIO *self_ok(Value *args, size_t nargs, const char *name)
{
    if (!io_self(args, nargs, &io_textiowrapper_type, name))
        return NULL;
    TextIO *t = TIO(args[0]);
    if (t->detached) {
        rt_raisef(&rt_ValueError, "underlying buffer has been detached");
        return NULL;
    }
    if (!t->ok) {
        rt_raisef(&rt_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    return t;
}

static TextIO *self_open(Value *args, size_t nargs, const char *name)
{
    TextIO *t = self_ok(args, nargs, name);
    if (t == NULL)
        return NULL;
    int c = t->to_stdout ? 0 : io_is_closed(t->buffer);
    if (c > 0)
        io_closed_error();
    return c == 0 ? t : NULL;
}

/* ---- writing ------------------------------------------------------------------------------------ */

static bool flush_pending(TextIO *t)
{
    if (t->pending.len == 0)
        return true;
    Value b = rt_bytes_new((const unsigned char *)t->pending.data, t->pending.len);
    sb_init(&t->pending);
    return io_call(t->buffer, "write", 1, b) != VAL_NULL;
}

/* Forget what was read ahead (before writing or seeking). */
static void drop_decoded(TextIO *t)
{
    t->dtext = VAL_NULL;
    t->doff = 0;
    t->have_snapshot = false;
}

static Value textio_write(Value *args, size_t nargs, Value kw)
{
    TextIO *t = self_open(args, nargs, "write");
    if (t == NULL || !io_onearg(args, nargs, kw, "TextIOWrapper", "write"))
        return VAL_NULL;
    Value text = args[1];
    if (!rt_is_str(text))
        return rt_raisef(&rt_TypeError, "write() argument must be str, not %T", text);
    if (!t->writable)
        return io_unsupported("not writable");
    size_t len = AS_STR(text)->length;
    const char *s = rt_str_cstr(text);
    bool haslf = memchr(s, '\n', rt_str_nbytes(text)) != NULL;
    if (t->to_stdout && t->codec == CODEC_UTF8 && AS_STR(text)->ascii) {
        if (!rt_stdout_write_text(s, rt_str_nbytes(text)))  /* print()'s pending text */
            return VAL_NULL;
        return rt_int_from_i64((int64_t)len);
    }
    if (haslf && t->writetranslate && t->writenl != VAL_NULL &&
        (text = io_replace_newlines(text, t->writenl)) == VAL_NULL)
        return VAL_NULL;
    bool needflush = t->line_buffering && (haslf || memchr(s, '\r', rt_str_nbytes(args[1])));
    Value b = encode(t, text);
    if (b == VAL_NULL)
        return VAL_NULL;
    if (!rt_isinstance_of(b, &rt_bytes_type))
        return rt_raisef(&rt_TypeError, "encoder should return a bytes object, not '%T'", b);
    if (t->to_stdout) {         /* print()'s pending text too, so that the order holds */
        if (!rt_stdout_write_text((const char *)AS_BYTES(b)->data, AS_BYTES(b)->length))
            return VAL_NULL;
        return rt_int_from_i64((int64_t)len);
    }
    drop_decoded(t);
    if (t->decoder != VAL_NULL && io_call(t->decoder, "reset", 0) == VAL_NULL)
        return VAL_NULL;
    /* the pending bytes go first if these would take them past a chunk */
    if (t->pending.len + AS_BYTES(b)->length > t->chunk_size && !flush_pending(t))
        return VAL_NULL;
    sb_add(&t->pending, (const char *)AS_BYTES(b)->data, AS_BYTES(b)->length);
    if ((t->pending.len >= t->chunk_size || needflush || t->write_through || t->unbuffered) &&
        !flush_pending(t))
        return VAL_NULL;
    if ((needflush || t->unbuffered) && io_call(t->buffer, "flush", 0) == VAL_NULL)
        return VAL_NULL;
    return rt_int_from_i64((int64_t)len);
}

static Value textio_flush(Value *args, size_t nargs, Value kw)
{
    TextIO *t = self_open(args, nargs, "flush");
    if (t == NULL || !flush_pending(t) || (t->to_stdout && !rt_stdout_flush_checked()))
        return VAL_NULL;
    return io_call(t->buffer, "flush", 0);
}

/* ---- reading ------------------------------------------------------------------------------------ */

/* a + b, both bytes. */
static Value bytes_join(Value a, Value b)
{
    StrBuf sb;
    sb_init(&sb);
    sb_add(&sb, (const char *)AS_BYTES(a)->data, AS_BYTES(a)->length);
    sb_add(&sb, (const char *)AS_BYTES(b)->data, AS_BYTES(b)->length);
    return rt_bytes_new((const unsigned char *)sb.data, sb.len);
}

/* Read and decode the next chunk: 1 got some (maybe no characters yet),
 * 0 at end of file, -1 on error.  A read of `want` characters more asks
 * for as many bytes as the last chunk's bytes per character say they
 * take, when that is more than _CHUNK_SIZE (CPython's size_hint: the
 * chunks, so tell()'s cookies, are the same). */
static int read_chunk(TextIO *t, size_t want)
{
    double ratio = t->b2cratio > 1.0 ? t->b2cratio : 1.0;
    double hint = ratio * (double)want;
    size_t size = hint >= (double)SSIZE_MAX ? (size_t)SSIZE_MAX : (size_t)hint;
    if (size < t->chunk_size)
        size = t->chunk_size;
    if (!t->readable) {
        io_unsupported("not readable");
        return -1;
    }
    Value held = VAL_NULL;
    if (t->seekable && !t->not_telling && !decoder_getstate(t, &held, &t->snap_flags))
        return -1;
    Value input = io_call(t->buffer, t->has_read1 ? "read1" : "read", 1,
                          rt_int_from_i64((int64_t)size));
    if (input == VAL_NULL)
        return -1;
    if (!rt_isinstance_of(input, &rt_bytes_type)) {
        if (input == rt_None) {
            input = rt_bytes_new(NULL, 0);
        } else {
            Value b = io_as_bytes(input);
            if (b == VAL_NULL) {
                rt_err_clear();
                rt_raisef(&rt_TypeError, "underlying %s() should have returned a bytes-like "
                          "object, not '%T'", t->has_read1 ? "read1" : "read", input);
                return -1;
            }
            input = b;
        }
    }
    bool eof = AS_BYTES(input)->length == 0;
    Value text = decode(t, input, eof);
    if (text == VAL_NULL)
        return -1;
    t->dtext = text;
    t->doff = 0;
    size_t n = AS_STR(text)->length;
    t->b2cratio = n > 0 ? (double)AS_BYTES(input)->length / (double)n : 0.0;
    t->snap_input = held == VAL_NULL || AS_BYTES(held)->length == 0 ? input
                                                                    : bytes_join(held, input);
    t->have_snapshot = true;
    return !eof;
}

/* Bytes of decoded text not yet read. */
static size_t waiting(const TextIO *t)
{
    return t->dtext == VAL_NULL ? 0 : rt_str_nbytes(t->dtext) - t->doff;
}

/* The next nbytes of decoded text (nchars characters), as a str, taken:
 * the decoded str itself when that is all of it. */
static Value take(TextIO *t, size_t nbytes, size_t nchars)
{
    const char *s = rt_str_cstr(t->dtext) + t->doff;
    t->doff += nbytes;
    if (nbytes == rt_str_nbytes(t->dtext))
        return t->dtext;
    return io_text(s, nbytes, nchars);
}

/* The text gathered from several chunks (read(n), a long line). */
typedef struct Gather {
    StrBuf sb;
    size_t nchars;
} Gather;

static void gather(Gather *g, TextIO *t, size_t nbytes, size_t nchars)
{
    if (g->sb.data == NULL)
        sb_init(&g->sb);
    sb_add(&g->sb, rt_str_cstr(t->dtext) + t->doff, nbytes);
    g->nchars += nchars;
    t->doff += nbytes;
}

static Value gathered(Gather *g)
{
    return g->sb.data == NULL ? rt_str_empty() : io_text(g->sb.data, g->sb.len, g->nchars);
}

static bool prepare_read(TextIO *t)
{
    if (t->pending.len > 0 && !flush_pending(t))
        return false;
    return true;
}

static Value textio_read(Value *args, size_t nargs, Value kw)
{
    TextIO *t = self_open(args, nargs, "read");
    ssize_t n;
    if (t == NULL || !rt_arg_range("read", nargs - 1, 0, 1) || !io_size_arg(args, nargs, 1, &n))
        return VAL_NULL;
    if (!t->readable)
        return io_unsupported("not readable");
    if (!prepare_read(t))
        return VAL_NULL;
    if (n < 0) {
        /* Everything: the rest of the buffer, decoded as a final piece. */
        Value rest = io_call(t->buffer, "read", 0);
        if (rest == VAL_NULL)
            return VAL_NULL;
        if (rest == rt_None)
            rest = rt_bytes_new(NULL, 0);
        Value b = io_as_bytes(rest);
        if (b == VAL_NULL)
            return VAL_NULL;
        Value text = decode(t, b, true);
        if (text == VAL_NULL)
            return VAL_NULL;
        size_t have = waiting(t);
        if (have > 0) {
            const ObjStr *d = AS_STR(t->dtext);
            text = rt_str_concat(take(t, have, d->length - rt_str_index_of(t->dtext, t->doff)),
                                 text);
        }
        drop_decoded(t);
        return text;
    }
    /* n characters, from as many chunks as they take */
    Gather g = { 0 };
    for (size_t want = (size_t)n; want > 0;) {
        if (waiting(t) == 0) {
            int r = read_chunk(t, want);
            if (r < 0)
                return VAL_NULL;
            if (r == 0 && waiting(t) == 0)
                break;
        }
        const ObjStr *d = AS_STR(t->dtext);
        size_t have = d->nbytes - t->doff, chars = want;
        size_t k = d->ascii ? (chars < have ? chars : (chars = have))
                            : rt_utf8_skip(d->data + t->doff, have, &chars);
        if (g.sb.data == NULL && chars == want)     /* all from this chunk */
            return take(t, k, chars);
        gather(&g, t, k, chars);
        want -= chars;
    }
    return gathered(&g);
}

/* One line (at most limit characters when limit >= 0); '' at end of file. */
static Value read_line(TextIO *t, ssize_t limit)
{
    if (!prepare_read(t))
        return VAL_NULL;
    Gather g = { 0 };           /* the line's text from chunks before */
    for (;;) {
        if (waiting(t) == 0) {
            int r = read_chunk(t, 0);
            if (r < 0)
                return VAL_NULL;
            if (r == 0 && waiting(t) == 0)
                break;
            if (waiting(t) == 0)
                continue;
        }
        const ObjStr *d = AS_STR(t->dtext);
        const char *s = d->data + t->doff;
        size_t have = d->nbytes - t->doff;
        ssize_t end;
        if (g.sb.len > 0 && g.sb.data[g.sb.len - 1] == '\r' && s[0] == '\n' &&
            !t->readuniversal && rt_str_nbytes(t->readnl) == 2)
            end = 1;                    /* a "\r\n" cut by the chunk's end */
        else
            end = io_find_line_ending(t->readtranslate, t->readuniversal, t->readnl, s, have);
        size_t k = end >= 0 ? (size_t)end : have;
        size_t chars = d->ascii ? k : rt_utf8_count(s, k);
        if (limit >= 0 && g.nchars + chars >= (size_t)limit) {
            size_t left = (size_t)limit - g.nchars;
            if (chars > left)
                k = d->ascii ? left : rt_utf8_skip(s, k, &left);
            chars = left;
            end = (ssize_t)k;
        }
        if (end >= 0 && g.sb.data == NULL)
            return take(t, k, chars);
        gather(&g, t, k, chars);
        if (end >= 0)
            break;
    }
    return gathered(&g);
}

static Value textio_readline(Value *args, size_t nargs, Value kw)
{
    TextIO *t = self_open(args, nargs, "readline");
    ssize_t n;
    if (t == NULL || !rt_arg_range("readline", nargs - 1, 0, 1))
        return VAL_NULL;
    if (nargs > 1 && !is_int(args[1]))          /* not even None: Py_ssize_t */
        return rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", args[1]);
    if (!io_size_arg(args, nargs, 1, &n))
        return VAL_NULL;
    if (!t->readable)
        return io_unsupported("not readable");
    return read_line(t, n);
}

/* Iterating turns tell() off until the end of the file or a seek()
 * (CPython's `telling`: its snapshots are not kept line by line). */
static Value textio_next(Value self)
{
    TIO(self)->not_telling = true;
    if (!IS_EXACT(self, io_textiowrapper_type)) {
        Value line = io_iobase_type.next(self);
        if (line == VAL_NULL && !rt_err_occurred())
            TIO(self)->not_telling = false;
        return line;
    }
    Value args[1] = { self };
    TextIO *t = self_open(args, 1, "__next__");
    if (t == NULL)
        return VAL_NULL;
    Value line = read_line(t, -1);
    if (line == VAL_NULL || AS_STR(line)->length == 0) {
        t->not_telling = line == VAL_NULL;
        t->have_snapshot = false;       /* tell() at the end: the buffer's position */
        return VAL_NULL;
    }
    return line;
}

/* ---- positions ---------------------------------------------------------------------------------- */

/* ---- cookies: tell() and seek() through a codec's incremental decoder ------------------------- */

/*
 * A position is CPython's cookie: a safe start point in the buffer, where the
 * decoder held no bytes, with the decoder's flags there; then how many bytes
 * to feed it from there and how many of the characters they decode to skip
 * (need_eof: decode those bytes as the end of the stream).  The int is the
 * little-endian bytes of CPython's C struct: start_pos in 8 bytes, dec_flags,
 * bytes_to_feed and chars_to_skip in 4 each, need_eof in 1.
 */
typedef struct Cookie {
    int64_t start_pos;
    int dec_flags, bytes_to_feed, chars_to_skip;
    bool need_eof;
} Cookie;

enum { COOKIE_BITS = 64 + 3 * 32 + 8 };

static Value build_cookie(const Cookie *c)
{
    uint32_t fields[4] = { (uint32_t)c->dec_flags, (uint32_t)c->bytes_to_feed,
                           (uint32_t)c->chars_to_skip, c->need_eof };
    Value v = rt_int_from_u64((uint64_t)c->start_pos);
    for (int i = 0; i < 4; i++) {
        Value field = rt_int_binop(rt_int_from_u64(fields[i]), small_new(64 + 32 * i), NB_LSHIFT);
        v = rt_int_binop(v, field, NB_OR);
    }
    return v;
}

/* Bits [shift, shift + 32) of the int v (bits [0, 64) when shift is 0). */
static uint64_t cookie_bits(Value v, int shift)
{
    uint64_t mask = shift == 0 ? UINT64_MAX : UINT32_MAX, bits = 0;
    Value field = rt_int_binop(rt_int_binop(v, small_new(shift), NB_RSHIFT),
                               rt_int_from_u64(mask), NB_AND);
    rt_int_as_u64(field, &bits);
    return bits;
}

/* The cookie's fields; false with OverflowError for an int too big to be
 * one (seek() has refused negative ones). */
static bool parse_cookie(Value obj, Cookie *c)
{
    Value v = is_int(obj) ? obj : rt_call1(obj_val(&rt_int_type), obj);
    if (v == VAL_NULL)
        return false;
    if (rt_int_bit_length(v) > COOKIE_BITS) {
        rt_raisef(&rt_OverflowError, "int too big to convert");
        return false;
    }
    c->start_pos = (int64_t)cookie_bits(v, 0);
    c->dec_flags = (int)(uint32_t)cookie_bits(v, 64);
    c->bytes_to_feed = (int)(uint32_t)cookie_bits(v, 96);
    c->chars_to_skip = (int)(uint32_t)cookie_bits(v, 128);
    c->need_eof = cookie_bits(v, 160) & 0xff;
    return true;
}

/* How many characters p[0..n) decode to, fed to the decoder as it is. */
static bool decode_count(TextIO *t, const unsigned char *p, size_t n, bool final, size_t *count)
{
    Value text = decode(t, rt_bytes_new(p, n), final);
    if (text == VAL_NULL)
        return false;
    *count = AS_STR(text)->length;
    return true;
}

/* How many bytes the decoder holds back, and its flags. */
static bool held_back(TextIO *t, size_t *held, int *flags)
{
    Value buffered;
    if (!decoder_getstate(t, &buffered, flags))
        return false;
    *held = AS_BYTES(buffered)->length;
    return true;
}

/* The cookie of the position `skip` characters into what the snapshot's
 * bytes in[0..n) decode to, c holding the snapshot's start.  First a
 * guess from the chunk's bytes per character, moved back until the
 * decoder, started there, holds nothing and has not gone past; then
 * byte by byte, remembering the last safe start point (CPython's
 * textiowrapper_tell).  The decoder is left in some other state. */
static bool find_cookie(TextIO *t, const unsigned char *in, size_t n, size_t skip, Cookie *c)
{
    ssize_t skip_bytes = (ssize_t)(t->b2cratio * (double)skip), skip_back = 1;
    if (skip_bytes > (ssize_t)n)
        skip_bytes = (ssize_t)n;
    size_t decoded, held;
    int flags;
    while (skip_bytes > 0) {
        if (!decoder_setstate(t, c->start_pos, c->dec_flags) ||
            !decode_count(t, in, (size_t)skip_bytes, false, &decoded))
            return false;
        if (decoded > skip) {                   /* too far: back a bit more each time */
            skip_bytes -= skip_back;
            skip_back *= 2;
            continue;
        }
        if (!held_back(t, &held, &flags))
            return false;
        if (held == 0) {                        /* a safe start point */
            c->dec_flags = flags;
            skip -= decoded;
            break;
        }
        skip_bytes -= (ssize_t)held;
        skip_back = 1;
    }
    if (skip_bytes <= 0) {
        skip_bytes = 0;
        if (!decoder_setstate(t, c->start_pos, c->dec_flags))
            return false;
    }
    c->start_pos += skip_bytes;
    c->chars_to_skip = (int)skip;
    decoded = 0;
    size_t i = (size_t)skip_bytes;
    for (; skip > 0 && i < n; i++) {
        size_t got;
        if (!decode_count(t, in + i, 1, false, &got) || !held_back(t, &held, &flags))
            return false;
        decoded += got;
        c->bytes_to_feed++;
        if (held == 0 && decoded <= skip) {     /* a later safe start point */
            c->start_pos += c->bytes_to_feed;
            skip -= decoded;
            c->dec_flags = flags;
            c->bytes_to_feed = 0;
            decoded = 0;
        }
        c->chars_to_skip = (int)skip;
        if (decoded >= skip)
            return true;
    }
    if (skip == 0)
        return true;
    size_t got;                                 /* not enough: what the end gives */
    if (!decode_count(t, NULL, 0, true, &got))
        return false;
    c->need_eof = true;
    if (decoded + got < skip) {
        rt_raisef(&rt_OSError, "can't reconstruct logical file position");
        return false;
    }
    return true;
}

/* The decoder's whole state, kept while tell() uses the decoder. */
typedef struct DecoderState {
    Value python;               /* a codec of Python's: its getstate() */
    unsigned char tail[4];      /* a C codec's */
    int ntail;
    IoNewlines nl;
} DecoderState;

static bool save_decoder(TextIO *t, DecoderState *d)
{
    memcpy(d->tail, t->tail, sizeof d->tail);
    d->ntail = t->ntail;
    d->nl = t->nl;
    d->python = t->codec == CODEC_OTHER ? io_call(t->decoder, "getstate", 0) : VAL_NULL;
    return t->codec != CODEC_OTHER || d->python != VAL_NULL;
}

/* Put it back; the newlines seen stay as tell() left them (CPython's
 * setstate of its newline decoder does not restore them). */
static bool restore_decoder(TextIO *t, const DecoderState *d)
{
    memcpy(t->tail, d->tail, sizeof t->tail);
    t->ntail = d->ntail;
    t->nl.pendingcr = d->nl.pendingcr;
    return d->python == VAL_NULL || io_call(t->decoder, "setstate", 1, d->python) != VAL_NULL;
}

/* tell(): start is where the snapshot's bytes begin in the buffer. */
static Value tell_through_decoder(TextIO *t, int64_t start)
{
    Cookie c = { .start_pos = start, .dec_flags = t->snap_flags };
    if (t->doff == 0)
        return build_cookie(&c);
    DecoderState saved;
    if (!save_decoder(t, &saved))
        return VAL_NULL;
    ObjBytes *in = AS_BYTES(t->snap_input);
    bool found = find_cookie(t, in->data, in->length,
                             rt_str_index_of(t->dtext, t->doff), &c);
    Value exc = found ? VAL_NULL : rt_err_fetch();
    if (!restore_decoder(t, &saved))
        return VAL_NULL;
    return exc != VAL_NULL ? rt_raise(exc) : build_cookie(&c);
}

/* seek(cookie): back to the safe start point, the decoder in its state
 * there, then the bytes to feed decoded and the characters to skip
 * skipped, as a read would have left them.  A stream not readable has no
 * decoder: only the position counts. */
static bool seek_through_decoder(TextIO *t, Value cookie)
{
    Cookie c;
    if (!parse_cookie(cookie, &c) ||
        io_call(t->buffer, "seek", 1, rt_int_from_i64(c.start_pos)) == VAL_NULL)
        return false;
    drop_decoded(t);
    bool decoding = t->codec == CODEC_OTHER ? t->decoder != VAL_NULL : t->readable;
    if (decoding && !decoder_setstate(t, c.start_pos, c.dec_flags))
        return false;
    Value input = rt_bytes_new(NULL, 0);
    if (decoding && c.chars_to_skip) {
        input = io_call(t->buffer, "read", 1, rt_int_from_i64(c.bytes_to_feed));
        if (input == VAL_NULL)
            return false;
        Value text = decode(t, input, c.need_eof);
        if (text == VAL_NULL)
            return false;
        if (AS_STR(text)->length < (size_t)c.chars_to_skip) {
            rt_raisef(&rt_OSError, "can't restore logical file position");
            return false;
        }
        t->dtext = text;
        t->doff = rt_str_offset(text, (size_t)c.chars_to_skip);
    }
    t->snap_flags = c.dec_flags;
    t->snap_input = input;
    t->have_snapshot = true;
    return encoder_at(t, small_new(c.start_pos == 0 && c.dec_flags == 0 ? 0 : 1));
}

static Value textio_tell(Value *args, size_t nargs, Value kw)
{
    TextIO *t = self_open(args, nargs, "tell");
    if (t == NULL)
        return VAL_NULL;
    if (!t->seekable)
        return io_unsupported("underlying stream is not seekable");
    if (t->not_telling)
        return rt_raisef(&rt_OSError, "telling position disabled by next() call");
    if (!flush_pending(t) || io_call(args[0], "flush", 0) == VAL_NULL)
        return VAL_NULL;
    Value pos = io_call(t->buffer, "tell", 0);
    if (pos == VAL_NULL || !t->have_snapshot)
        return pos;
    int64_t p;
    if (!rt_int_as_i64(pos, &p))
        return VAL_NULL;
    return tell_through_decoder(t, p - (int64_t)rt_len(t->snap_input));
}

/* Back to the decoder's start (seek(0), seek(0, 2)), forgetting the
 * newlines seen, as CPython's reset of its newline decoder does. */
static void reset_decoder(TextIO *t)
{
    drop_decoded(t);
    t->ntail = 0;
    t->nl.pendingcr = false;
    t->nl.seennl = 0;
    if (t->decoder != VAL_NULL && io_call(t->decoder, "reset", 0) == VAL_NULL)
        rt_err_clear();
}

static Value textio_seek(Value *args, size_t nargs, Value kw)
{
    TextIO *t = self_open(args, nargs, "seek");
    if (t == NULL || !rt_arg_range("seek", nargs - 1, 1, 2))
        return VAL_NULL;
    ssize_t whence = 0;
    if (nargs > 2 && !rt_as_ssize(args[2], &whence))
        return VAL_NULL;
    if (!t->seekable)
        return io_unsupported("underlying stream is not seekable");
    Value cookie = args[1];
    int zero = rt_eq(cookie, small_new(0));
    if (zero < 0)
        return VAL_NULL;
    if (whence == 1) {
        if (!zero)
            return io_unsupported("can't do nonzero cur-relative seeks");
        return io_call(args[0], "tell", 0);
    }
    if (whence == 2) {
        if (!zero)
            return io_unsupported("can't do nonzero end-relative seeks");
        if (io_call(args[0], "flush", 0) == VAL_NULL)
            return VAL_NULL;
        reset_decoder(t);
        t->not_telling = false;
        Value end = io_call(t->buffer, "seek", 2, small_new(0), small_new(2));
        return end != VAL_NULL && encoder_at(t, end) ? end : VAL_NULL;
    }
    if (whence != 0)
        return rt_raisef(&rt_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
    int neg = rt_compare_bool(cookie, small_new(0), CMP_LT);
    if (neg < 0)
        return VAL_NULL;
    if (neg)
        return rt_raisef(&rt_ValueError, "negative seek position %R", cookie);
    if (io_call(args[0], "flush", 0) == VAL_NULL)
        return VAL_NULL;
    t->not_telling = false;
    return seek_through_decoder(t, cookie) ? cookie : VAL_NULL;
}

static Value textio_truncate(Value *args, size_t nargs, Value kw)
{
    TextIO *t = self_open(args, nargs, "truncate");
    if (t == NULL || !rt_arg_range("truncate", nargs - 1, 0, 1))
        return VAL_NULL;
    if (io_call(args[0], "flush", 0) == VAL_NULL)
        return VAL_NULL;
    Value pos = nargs > 1 ? args[1] : rt_None;
    return io_call(t->buffer, "truncate", 1, pos);
}

/* ---- the rest ----------------------------------------------------------------------------------- */

static Value textio_close(Value *args, size_t nargs, Value kw)
{
    TextIO *t = self_ok(args, nargs, "close");
    if (t == NULL)
        return VAL_NULL;
    int c = io_is_closed(t->buffer);
    if (c != 0)
        return c < 0 ? VAL_NULL : rt_None;
    if (t->base.finalizing)
        io_dealloc_warn(t->buffer, args[0]);
    return io_flush_then_close(args[0], t->buffer);
}

static Value textio_detach(Value *args, size_t nargs, Value kw)
{
    TextIO *t = self_ok(args, nargs, "detach");
    if (t == NULL || io_call(args[0], "flush", 0) == VAL_NULL)
        return VAL_NULL;
    Value b = t->buffer;
    t->buffer = VAL_NULL;
    t->detached = true;
    if (rt_stdout_stream == args[0])
        rt_stdout_stream = VAL_NULL;
    t->to_stdout = false;
    return b;
}

static Value buffer_method(Value *args, size_t nargs, const char *name)
{
    TextIO *t = self_ok(args, nargs, name);
    return t == NULL ? VAL_NULL : io_call(t->buffer, name, 0);
}

static Value textio_fileno(Value *args, size_t nargs, Value kw) { return buffer_method(args, nargs, "fileno"); }
static Value textio_isatty(Value *args, size_t nargs, Value kw) { return buffer_method(args, nargs, "isatty"); }
static Value textio_seekable(Value *args, size_t nargs, Value kw) { return buffer_method(args, nargs, "seekable"); }
static Value textio_readable(Value *args, size_t nargs, Value kw) { return buffer_method(args, nargs, "readable"); }
static Value textio_writable(Value *args, size_t nargs, Value kw) { return buffer_method(args, nargs, "writable"); }

/* reconfigure(*, encoding, errors, newline, line_buffering, write_through) */
static Value textio_reconfigure(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "encoding", "errors", "newline", "line_buffering",
                                         "write_through" };
    static const ArgSpec spec = { "reconfigure", names, 5, 0, 0, 0, false };
    Value a[5];
    TextIO *t = self_ok(args, nargs, "reconfigure");
    if (t == NULL || !rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    if (!text_arg(a[0], "encoding") || !text_arg(a[1], "errors") || !text_arg(a[2], "newline"))
        return VAL_NULL;
    if (a[2] != VAL_NULL && !io_check_newline(a[2], false))
        return VAL_NULL;
    if (waiting(t) > 0 && (a[0] != VAL_NULL || a[2] != VAL_NULL))
        return io_unsupported("It is not possible to set the encoding or newline of stream "
                              "after the first read");
    if (a[0] != VAL_NULL && a[0] != rt_None && a[1] == VAL_NULL)
        a[1] = rt_str_from_cstr("strict");
    if (io_call(args[0], "flush", 0) == VAL_NULL)
        return VAL_NULL;
    Value old_enc = t->encoding, old_err = t->errors;
    if (a[0] != VAL_NULL && a[0] != rt_None)
        t->encoding = strcmp(rt_str_cstr(a[0]), "locale") == 0 ? io_default_encoding() : a[0];
    if (a[1] != VAL_NULL && a[1] != rt_None)
        t->errors = a[1];
    if (a[0] != VAL_NULL || a[1] != VAL_NULL) {
        bool readable, writable;
        if (!ask_bool(t->buffer, "readable", &readable) ||
            !ask_bool(t->buffer, "writable", &writable) || !set_codec(t, readable, writable)) {
            t->encoding = old_enc;
            t->errors = old_err;
            return VAL_NULL;
        }
        if (a[0] != VAL_NULL && a[0] != rt_None && !fix_encoder_state(t))
            return VAL_NULL;
    }
    if (a[2] != VAL_NULL)
        set_newline(t, a[2]);
    if (a[3] != VAL_NULL && a[3] != rt_None && !int_flag(a[3], &t->line_buffering))
        return VAL_NULL;
    if (a[4] != VAL_NULL && a[4] != rt_None && !int_flag(a[4], &t->write_through))
        return VAL_NULL;
    if (t->to_stdout)
        rt_stdout_set_text_mode(t->line_buffering, t->write_through);
    if (t->to_stdout && (t->codec != CODEC_UTF8 || t->writenl != VAL_NULL ||
                         strcmp(rt_str_cstr(t->errors), "strict") != 0)) {
        t->to_stdout = false;           /* print() must now go through write() */
        if (rt_stdout_stream == args[0])
            rt_stdout_stream = VAL_NULL;
    }
    return rt_None;
}

static Value textio_repr(Value self)
{
    TextIO *t = TIO(self);
    if (!t->ok)         /* never initialized, or its __init__ failed */
        return rt_raisef(&rt_ValueError, "I/O operation on uninitialized object");
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "<");
    sb_adds(&sb, val_type(self)->name);
    if (!io_repr_attr(&sb, self, "name", "name") || !io_repr_attr(&sb, self, "mode", "mode"))
        return VAL_NULL;
    sb_adds(&sb, " encoding=");
    if (!sb_add_value_repr(&sb, t->encoding))
        return VAL_NULL;
    sb_adds(&sb, ">");
    return sb_finish(&sb);
}

static Value getter_self(Value self, const char *name, TextIO **t)
{
    Value args[1] = { self };
    *t = self_ok(args, 1, name);
    return *t == NULL ? VAL_NULL : rt_None;
}

/* encoding, buffer, line_buffering and write_through are plain members in
 * CPython: readable even after detach() (buffer is then None). */
static Value get_encoding(Value self) { return TIO(self)->encoding ? TIO(self)->encoding : rt_None; }
static Value get_buffer(Value self) { return TIO(self)->buffer ? TIO(self)->buffer : rt_None; }
static Value get_line_buffering(Value self) { return rt_bool(TIO(self)->line_buffering); }
static Value get_write_through(Value self) { return rt_bool(TIO(self)->write_through); }
/* errors too, but not before __init__ (a getset in CPython) */
static Value get_errors(Value self)
{
    if (!TIO(self)->ok)
        return rt_raisef(&rt_ValueError, "I/O operation on uninitialized object");
    return TIO(self)->errors;
}

static Value get_closed(Value self)
{
    TextIO *t;
    return getter_self(self, "closed", &t) ? rt_getattr_cstr(t->buffer, "closed") : VAL_NULL;
}

static Value get_name(Value self)
{
    TextIO *t;
    return getter_self(self, "name", &t) ? rt_getattr_cstr(t->buffer, "name") : VAL_NULL;
}

static Value get_newlines(Value self)
{
    TextIO *t;
    if (!getter_self(self, "newlines", &t))
        return VAL_NULL;
    if (t->decoder != VAL_NULL && !t->readuniversal)
        return rt_lookup_attr(t->decoder, RT_NAME("newlines")) ?: rt_None;
    return t->readuniversal ? io_nl_seen(t->nl.seennl) : rt_None;
}

static Value get_chunk_size(Value self)
{
    TextIO *t;
    return getter_self(self, "_CHUNK_SIZE", &t) ? rt_int_from_i64((int64_t)t->chunk_size) : VAL_NULL;
}

static int set_chunk_size(Value self, Value v)
{
    TextIO *t;
    if (!getter_self(self, "_CHUNK_SIZE", &t))
        return -1;
    if (v == VAL_NULL) {
        rt_raisef(&rt_AttributeError, "cannot delete attribute");
        return -1;
    }
    ssize_t n;
    if (!rt_as_ssize(v, &n))
        return -1;
    if (n <= 0) {
        rt_raisef(&rt_ValueError, "a strictly positive integer is required");
        return -1;
    }
    t->chunk_size = (size_t)n;
    return 0;
}

static const GetSetDef textio_getsets[] = {
    {"encoding", get_encoding, 0, 0}, {"errors", get_errors, 0, 0},
    {"buffer", get_buffer, 0, 0}, {"line_buffering", get_line_buffering, 0, 0},
    {"write_through", get_write_through, 0, 0}, {"closed", get_closed, 0, 0},
    {"name", get_name, 0, 0}, {"newlines", get_newlines, 0, 0},
    {"_CHUNK_SIZE", get_chunk_size, set_chunk_size, 0},
    {NULL, 0, 0, 0},
};

IO_NOARGS(textio_flush_noargs, textio_flush, "TextIOWrapper", "flush")
IO_NOARGS(textio_close_noargs, textio_close, "TextIOWrapper", "close")
IO_NOARGS(textio_tell_noargs, textio_tell, "TextIOWrapper", "tell")
IO_NOARGS(textio_detach_noargs, textio_detach, "TextIOWrapper", "detach")
IO_NOARGS(textio_fileno_noargs, textio_fileno, "TextIOWrapper", "fileno")
IO_NOARGS(textio_isatty_noargs, textio_isatty, "TextIOWrapper", "isatty")
IO_NOARGS(textio_seekable_noargs, textio_seekable, "TextIOWrapper", "seekable")
IO_NOARGS(textio_readable_noargs, textio_readable, "TextIOWrapper", "readable")
IO_NOARGS(textio_writable_noargs, textio_writable, "TextIOWrapper", "writable")

const MethodDef io_textiowrapper_methods[] = {
    {"__init__", textio_init}, {"write", textio_write}, {"read", textio_read},
    {"readline", textio_readline}, {"flush", textio_flush_noargs}, {"close", textio_close_noargs},
    {"tell", textio_tell_noargs}, {"seek", textio_seek}, {"truncate", textio_truncate},
    {"detach", textio_detach_noargs}, {"fileno", textio_fileno_noargs},
    {"isatty", textio_isatty_noargs},
    {"seekable", textio_seekable_noargs}, {"readable", textio_readable_noargs},
    {"writable", textio_writable_noargs}, {"reconfigure", textio_reconfigure},
    {NULL, NULL},
};

ObjType io_textiowrapper_type = {
    .ob.type = &rt_type_type, .name = "_io.TextIOWrapper",
    .flags = TF_BASETYPE | TF_WEAKREFABLE | TF_FINALIZER |      /* closed when collected */
             TF_SPLIT_INIT,                 /* T.__new__(T) makes one, uninitialized */
    .base = &io_textiobase_type, .dict_offset = offsetof(IoObject, dict),
    .instance_size = sizeof(TextIO), .getsets = textio_getsets,
    .members = io_finalizing_members,
    .new_ = textio_new, .next = textio_next, .repr = textio_repr,
};

/* ---- IncrementalNewlineDecoder --------------------------------------------------------------- */

typedef struct NlDecoder {
    Object ob;
    Value decoder, errors;
    IoNewlines nl;
    bool ok;
} NlDecoder;

#define NLD(v) VAL_AS(NlDecoder, v)

static Value nld_init(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "decoder", "translate", "errors" };
    static const ArgSpec spec = { "IncrementalNewlineDecoder", names, 3, 0, 2, 3, false };
    Value a[3];
    if (!io_self(args, nargs, &io_nldecoder_type, "__init__") ||
        !rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    NlDecoder *d = NLD(args[0]);
    bool tr;
    if (!rt_arg_flag(a[1], false, &tr))
        return VAL_NULL;
    d->decoder = a[0];
    d->errors = a[2] != VAL_NULL ? a[2] : rt_str_from_cstr("strict");
    d->nl = (IoNewlines){ .translate = tr };
    d->ok = true;
    return rt_None;
}

static Value nld_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    NlDecoder *d = rt_alloc_instance(type, sizeof(NlDecoder));
    if (rt_is_heaptype(type))
        return obj_val(d);
    Value all[5] = { obj_val(d) };
    size_t total = nargs + rt_nkwargs(kw);
    if (total > 3)
        return rt_raisef(&rt_TypeError, "IncrementalNewlineDecoder() takes at most 3 arguments "
                         "(%zu given)", total);
    memcpy(all + 1, args, total * sizeof(Value));
    return nld_init(all, nargs + 1, kw) == VAL_NULL ? VAL_NULL : obj_val(d);
}

static NlDecoder *nld_self(Value *args, size_t nargs, const char *name)
{
    if (!io_self(args, nargs, &io_nldecoder_type, name))
        return NULL;
    if (!NLD(args[0])->ok) {
        rt_raisef(&rt_ValueError, "IncrementalNewlineDecoder.__init__() not called");
        return NULL;
    }
    return NLD(args[0]);
}

static Value nld_decode(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "input", "final" };
    static const ArgSpec spec = { "decode", names, 2, 0, 1, 2, false };
    Value a[2];
    NlDecoder *d = nld_self(args, nargs, "decode");
    if (d == NULL || !rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    bool final;
    if (!rt_arg_flag(a[1], false, &final))
        return VAL_NULL;
    Value text = a[0];
    if (d->decoder != rt_None) {
        Value dargs[2] = { a[0], rt_bool(final) };
        text = mod_call_method(d->decoder, "decode", dargs, 2);
        if (text == VAL_NULL)
            return VAL_NULL;
    }
    if (!rt_is_str(text))
        return rt_raisef(&rt_TypeError, "decoder should return a string result, not '%T'", text);
    return io_nl_decode(&d->nl, text, final);
}

static Value nld_getstate(Value *args, size_t nargs, Value kw)
{
    NlDecoder *d = nld_self(args, nargs, "getstate");
    if (d == NULL)
        return VAL_NULL;
    Value buf = rt_bytes_new(NULL, 0), flag = small_new(0);
    if (d->decoder != rt_None) {
        Value st = io_call(d->decoder, "getstate", 0);
        if (st == VAL_NULL)
            return VAL_NULL;
        if (!IS_EXACT(st, rt_tuple_type) || rt_tuple_len(st) != 2)
            return rt_raisef(&rt_TypeError, "illegal decoder state");
        buf = rt_tuple_get(st, 0);
        flag = rt_tuple_get(st, 1);
    }
    int64_t f;
    if (!rt_int_as_i64(flag, &f))
        return VAL_NULL;
    return rt_tuple_pack(2, buf, rt_int_from_i64(f << 1 | d->nl.pendingcr));
}

static Value nld_setstate(Value *args, size_t nargs, Value kw)
{
    NlDecoder *d = nld_self(args, nargs, "setstate");
    if (d == NULL || !rt_arg_range("setstate", nargs - 1, 1, 1))
        return VAL_NULL;
    Value st = args[1];
    if (!IS_EXACT(st, rt_tuple_type) || rt_tuple_len(st) != 2)
        return rt_raisef(&rt_TypeError, "state argument must be a tuple");
    int64_t f;
    if (!rt_int_as_i64(rt_tuple_get(st, 1), &f))
        return VAL_NULL;
    d->nl.pendingcr = f & 1;
    if (d->decoder != rt_None) {
        Value s = rt_tuple_pack(2, rt_tuple_get(st, 0), rt_int_from_i64(f >> 1));
        return io_call(d->decoder, "setstate", 1, s);
    }
    return rt_None;
}

static Value nld_reset(Value *args, size_t nargs, Value kw)
{
    NlDecoder *d = nld_self(args, nargs, "reset");
    if (d == NULL)
        return VAL_NULL;
    d->nl.seennl = 0;
    d->nl.pendingcr = false;
    return d->decoder != rt_None ? io_call(d->decoder, "reset", 0) : rt_None;
}

static Value nld_newlines(Value self)
{
    Value args[1] = { self };
    NlDecoder *d = nld_self(args, 1, "newlines");
    return d == NULL ? VAL_NULL : io_nl_seen(d->nl.seennl);
}

static const GetSetDef nld_getsets[] = {
    {"newlines", nld_newlines, 0, 0},
    {NULL, 0, 0, 0},
};

const MethodDef io_nldecoder_methods[] = {
    {"__init__", nld_init}, {"decode", nld_decode}, {"getstate", nld_getstate},
    {"setstate", nld_setstate}, {"reset", nld_reset},
    {NULL, NULL},
};

ObjType io_nldecoder_type = {
    .ob.type = &rt_type_type, .name = "_io.IncrementalNewlineDecoder", .flags = TF_BASETYPE,
    .base = &rt_object_type, .instance_size = sizeof(NlDecoder), .getsets = nld_getsets,
    .new_ = nld_new,
};
