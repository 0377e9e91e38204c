/*
 * multibytecodec.c — `_multibytecodec`, what runs the CJK codecs (CPython's
 * Modules/cjkcodecs/multibytecodec.c): the codec objects the _codecs_*
 * modules hand out and the four classes Lib/encodings/<name>.py derives
 * from.
 *
 *   MultibyteCodec               encode(str, errors) / decode(bytes, errors):
 *                                one whole input, (result, length)
 *   MultibyteIncrementalEncoder  encode(str, final): a character that may
 *                                start a pair waits (pending) for the next
 *                                call; getstate() is an int
 *   MultibyteIncrementalDecoder  decode(bytes, final): an incomplete
 *                                sequence waits (at most 8 bytes);
 *                                getstate() is (pending bytes, state int)
 *   MultibyteStreamReader/Writer the same over a stream's read / write
 *
 * A codec (cjk.h) converts until it meets something it cannot; here that
 * goes to the error handler (runtime/codecs.h: strict, ignore, replace,
 * backslashreplace, xmlcharrefreplace, or any registered one) with
 * CPython's reasons, "illegal multibyte sequence" and "incomplete
 * multibyte sequence", and conversion resumes where the handler says.
 * The incremental classes find their codec in their class's `codec`
 * attribute, as CPython's do.
 */
#include <string.h>
#include "modules/modutil.h"
#include "modules/cjk.h"
#include "runtime/codecs.h"

#define MAX_ENC_PENDING 2       /* code points an encoder may keep */
#define MAX_DEC_PENDING 8       /* bytes a decoder may keep */

static const char ILLEGAL[] = "illegal multibyte sequence";
static const char INCOMPLETE[] = "incomplete multibyte sequence";

/* ---- The conversion loops ------------------------------------------------ */

/* "ignore" and "replace" are handled in place, without an exception object
 * per error, as CPython's ERROR_IGNORE and ERROR_REPLACE are. */
enum { HANDLER_OTHER, HANDLER_IGNORE, HANDLER_REPLACE };

static int builtin_handler(Value errors)
{
    if (errors == VAL_NULL)
        return HANDLER_OTHER;
    if (strcmp(rt_str_cstr(errors), "ignore") == 0)
        return HANDLER_IGNORE;
    return strcmp(rt_str_cstr(errors), "replace") == 0 ? HANDLER_REPLACE : HANDLER_OTHER;
}

/* '?' for an unencodable stretch under "replace": false if the codec cannot
 * encode '?' either (then the handler is called, as in CPython). */
static bool encode_question_mark(const CjkCodec *codec, CjkState *st, StrBuf *out)
{
    static const uint32_t q = '?';
    size_t at = 0;
    return codec->encode(codec, st, &q, 1, &at, true, out) == CJK_OK;
}

/* Encode str (its code points cps[0..n)) from *st onto out, each illegal
 * stretch through the error handler.  Not flushing, a character the codec
 * keeps for the next call stops it: *done is where.  false: exception. */
static bool run_encode(const CjkCodec *codec, CjkState *st, Value str, const uint32_t *cps,
                       size_t n, Value errors, bool flush, StrBuf *out, size_t *done)
{
    CodecErrors ce;
    rt_codec_errors_init(&ce, codec->name, errors);
    int builtin = builtin_handler(errors);
    size_t i = 0;
    for (;;) {
        int r = codec->encode(codec, st, cps, n, &i, flush, out);
        if (r == CJK_OK || r == CJK_TOOFEW)
            break;
        if (builtin == HANDLER_IGNORE ||
            (builtin == HANDLER_REPLACE && encode_question_mark(codec, st, out))) {
            i += (size_t)r;
            continue;
        }
        Value rep;
        ssize_t pos = rt_codec_encode_error(&ce, str, i, i + (size_t)r, ILLEGAL, &rep);
        if (pos < 0)
            return false;
        if (rt_is_str(rep)) {           /* the replacement is encoded strictly */
            size_t rn, rdone;
            const uint32_t *rcps = rt_codec_codepoints(rep, &rn);
            if (!run_encode(codec, st, rep, rcps, rn, VAL_NULL, true, out, &rdone))
                return false;
        } else {
            sb_add(out, (const char *)AS_BYTES(rep)->data, AS_BYTES(rep)->length);
        }
        i = (size_t)pos;
    }
    if (flush && i == n && codec->encode_reset)
        codec->encode_reset(codec, st, out);
    *done = i;
    return true;
}

/* Decode s[0..n) from *st onto out.  Not final, an incomplete sequence at
 * the end stops it: *done is where. */
static bool run_decode(const CjkCodec *codec, CjkState *st, const unsigned char *s, size_t n,
                       Value errors, bool final, StrBuf *out, size_t *done)
{
    CodecErrors ce;
    rt_codec_errors_init(&ce, codec->name, errors);
    int builtin = builtin_handler(errors);
    size_t i = 0;
    for (;;) {
        int r = codec->decode(codec, st, s, n, &i, out);
        if (r == CJK_OK || (r == CJK_TOOFEW && !final))
            break;
        size_t end = r == CJK_TOOFEW ? n : i + (size_t)r;
        if (builtin != HANDLER_OTHER) {
            if (builtin == HANDLER_REPLACE)
                sb_add_codepoint(out, 0xFFFD);
            i = end;
            continue;
        }
        ssize_t pos = rt_codec_decode_error(&ce, &s, &n, i, end,
                                            r == CJK_TOOFEW ? INCOMPLETE : ILLEGAL, out);
        if (pos < 0)
            return false;
        i = (size_t)pos;
    }
    *done = i;
    return true;
}

static void state_init(const CjkCodec *codec, CjkState *st, bool encoder)
{
    memset(st, 0, sizeof *st);
    if (codec->init)
        codec->init(codec, st, encoder);
}

/* errors as the methods take it: a str or None (strict). */
static bool errors_arg(Value v, Value *out)
{
    if (v == VAL_NULL || v == rt_None) {
        *out = VAL_NULL;
        return true;
    }
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "errors must be a string, not %T", v);
        return false;
    }
    *out = v;
    return true;
}

/* The text an encoder is given: a str, else str(obj) as CPython takes it. */
static Value text_arg(Value v)
{
    if (rt_is_str(v))
        return v;
    Value s = rt_str(v);
    if (s != VAL_NULL && !rt_is_str(s))
        return rt_raisef(&rt_TypeError, "couldn't convert the object to unicode.");
    return s;
}

/* ---- MultibyteCodec ------------------------------------------------------ */

typedef struct {
    Object ob;
    const CjkCodec *codec;
} ObjMbCodec;

static ObjType mbcodec_type;
static const MethodDef mbcodec_methods[];

/* The type is readied on first use (the _codecs_* modules may be imported
 * before _multibytecodec), and is in no module's namespace, as in CPython. */
Value mod_mbcodec_new(const CjkCodec *codec)
{
    if (mbcodec_type.mro == VAL_NULL)
        rt_type_ready(&mbcodec_type, mbcodec_methods);
    ObjMbCodec *c = gc_alloc(sizeof *c);
    c->ob.type = &mbcodec_type;
    c->codec = codec;
    return obj_val(c);
}

static bool codec_method_args(const char *fname, Value *args, size_t nargs, Value kw,
                              Value *input, Value *errors)
{
    static const char *const names[] = { "input", "errors" };
    const ArgSpec spec = { fname, names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return false;
    *input = a[0];
    return errors_arg(a[1], errors);
}

static Value mbcodec_encode(Value *args, size_t nargs, Value kw)
{
    const CjkCodec *codec = VAL_AS(ObjMbCodec, args[0])->codec;
    Value input, errors;
    if (!codec_method_args("encode", args, nargs, kw, &input, &errors) ||
        (input = text_arg(input)) == VAL_NULL)
        return VAL_NULL;
    size_t n, done;
    const uint32_t *cps = rt_codec_codepoints(input, &n);
    CjkState st;
    state_init(codec, &st, true);
    StrBuf out;
    sb_init(&out);
    if (!run_encode(codec, &st, input, cps, n, errors, true, &out, &done))
        return VAL_NULL;
    return rt_tuple_pack(2, rt_bytes_new((const unsigned char *)out.data, out.len),
                         rt_int_from_u64(n));
}

static Value mbcodec_decode(Value *args, size_t nargs, Value kw)
{
    const CjkCodec *codec = VAL_AS(ObjMbCodec, args[0])->codec;
    Value input, errors;
    ModBuffer buf;
    if (!codec_method_args("decode", args, nargs, kw, &input, &errors) ||
        !mod_get_buffer(input, &buf))
        return VAL_NULL;
    CjkState st;
    state_init(codec, &st, false);
    StrBuf out;
    sb_init(&out);
    size_t done;
    if (!run_decode(codec, &st, buf.data, buf.len, errors, true, &out, &done))
        return VAL_NULL;
    return rt_tuple_pack(2, sb_finish(&out), rt_int_from_u64(buf.len));
}

static const MethodDef mbcodec_methods[] = {
    { "encode", mbcodec_encode, 0 },
    { "decode", mbcodec_decode, 0 },
    { 0 },
};

static ObjType mbcodec_type = {
    .ob.type = &rt_type_type, .name = "_multibytecodec.MultibyteCodec",
    .new_ = mod_no_new,
};

/* ---- The incremental and stream objects ---------------------------------- */

/* One layout for the four classes: the codec, its state, the errors
 * argument, what waits for the next call, and (streams) the stream. */
typedef struct {
    Object ob;
    const CjkCodec *codec;
    CjkState state;
    Value errors;               /* str; "strict" */
    uint32_t pending[MAX_ENC_PENDING];  /* encoders */
    size_t npending;
    unsigned char dpending[MAX_DEC_PENDING];    /* decoders */
    size_t ndpending;
    Value stream;
} ObjMbStateful;

#define MB(v) VAL_AS(ObjMbStateful, v)

static ObjType incenc_type, incdec_type, reader_type, writer_type;

/* type(errors='strict'), or (stream, errors='strict'): the codec is the
 * class's `codec` attribute.  fname: the name CPython's argument errors
 * give ("IncrementalEncoder"). */
static Value stateful_new(ObjType *type, Value *args, size_t nargs, Value kw, bool stream,
                          bool encoder, const char *fname)
{
    static const char *const names[] = { "errors" }, *const snames[] = { "stream", "errors" };
    const ArgSpec spec = { fname, stream ? snames : names, 1 + stream, 0, stream,
                           1 + stream, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    Value errors = stream ? a[1] : a[0];
    if (errors != VAL_NULL && !rt_is_str(errors))
        return rt_raisef(&rt_TypeError, "%s() argument %d must be str, not %s", fname,
                         1 + stream, errors == rt_None ? "None" : val_type(errors)->name);
    Value codec = rt_getattr_cstr(obj_val(type), "codec");
    if (codec == VAL_NULL)
        return VAL_NULL;
    if (val_type(codec) != &mbcodec_type)
        return rt_raisef(&rt_TypeError, "codec is unexpected type");
    ObjMbStateful *s = rt_alloc_instance(type, sizeof *s);
    s->codec = VAL_AS(ObjMbCodec, codec)->codec;
    s->errors = errors == VAL_NULL ? rt_str_from_cstr("strict") : errors;
    s->stream = stream ? a[0] : VAL_NULL;
    state_init(s->codec, &s->state, encoder);
    return obj_val(s);
}

static Value incenc_new(ObjType *t, Value *a, size_t n, Value kw)
{
    return stateful_new(t, a, n, kw, false, true, "IncrementalEncoder");
}

static Value incdec_new(ObjType *t, Value *a, size_t n, Value kw)
{
    return stateful_new(t, a, n, kw, false, false, "IncrementalDecoder");
}

static Value reader_new(ObjType *t, Value *a, size_t n, Value kw)
{
    return stateful_new(t, a, n, kw, true, false, "StreamReader");
}

static Value writer_new(ObjType *t, Value *a, size_t n, Value kw)
{
    return stateful_new(t, a, n, kw, true, true, "StreamWriter");
}

/* __init__ takes whatever __new__ took and does nothing (CPython's
 * tp_init of these types), so that codecs.StreamWriter.__init__ and the
 * like, later in a subclass's MRO, are not run. */
static Value stateful_init(Value *args, size_t nargs, Value kw)
{
    (void)args, (void)nargs, (void)kw;
    return rt_None;
}

static Value get_errors(Value self) { return MB(self)->errors; }

static int set_errors(Value self, Value v)
{
    if (v == VAL_NULL) {
        rt_raisef(&rt_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "errors must be a string");
        return -1;
    }
    MB(self)->errors = v;
    return 0;
}

/* The handler's errors argument: VAL_NULL for strict. */
static Value errors_of(ObjMbStateful *s)
{
    return strcmp(rt_str_cstr(s->errors), "strict") == 0 ? VAL_NULL : s->errors;
}

static const GetSetDef stateful_getsets[] = {
    { "errors", get_errors, set_errors, "how to treat errors" },
    { 0 },
};

static const MemberDef stream_members[] = {
    { "stream", offsetof(ObjMbStateful, stream), RT_MEMBER_VALUE, RT_READONLY, 0 },
    { 0 },
};

/* ---- Encoding with pending characters ------------------------------------ */

/* Encode what was pending and then `text`; keep what the codec keeps. */
static Value encode_stateful(ObjMbStateful *s, Value text, bool final)
{
    if ((text = text_arg(text)) == VAL_NULL)
        return VAL_NULL;
    size_t tn;
    const uint32_t *tcps = rt_codec_codepoints(text, &tn);
    Value str = text;
    const uint32_t *cps = tcps;
    size_t n = tn;
    if (s->npending) {                  /* the pending characters first */
        uint32_t *all = gc_alloc_atomic((s->npending + tn + 1) * sizeof *all);
        memcpy(all, s->pending, s->npending * sizeof *all);
        memcpy(all + s->npending, tcps, tn * sizeof *all);
        StrBuf sb;
        sb_init(&sb);
        for (size_t k = 0; k < s->npending; k++)
            sb_add_codepoint(&sb, s->pending[k]);
        sb_add(&sb, rt_str_cstr(text), rt_str_nbytes(text));
        str = sb_finish(&sb);
        cps = all;
        n += s->npending;
    }
    StrBuf out;
    sb_init(&out);
    size_t done;
    if (!run_encode(s->codec, &s->state, str, cps, n, errors_of(s), final, &out, &done))
        return VAL_NULL;                /* what was pending still is */
    if (n - done > MAX_ENC_PENDING)
        return rt_raisef(&rt_UnicodeError, "pending buffer overflow");
    memcpy(s->pending, cps + done, (n - done) * sizeof *cps);
    s->npending = n - done;
    return rt_bytes_new((const unsigned char *)out.data, out.len);
}

static Value incenc_encode(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "input", "final" };
    static const ArgSpec spec = { "encode", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    int final = a[1] == VAL_NULL ? 0 : rt_truthy(a[1]);
    if (final < 0)
        return VAL_NULL;
    return encode_stateful(MB(args[0]), a[0], final);
}

/* An int from little-endian bytes (CPython's _PyLong_FromByteArray). */
static Value int_from_le(const unsigned char *b, size_t n)
{
    char hex[2 * 32 + 1];
    size_t len = 0;
    for (size_t k = n; k-- > 0;)
        len += (size_t)snprintf(hex + len, sizeof hex - len, "%02x", b[k]);
    return rt_int_from_string(hex, len, 16);
}

/* An int as n little-endian bytes; false + OverflowError if it needs more. */
static bool int_to_le(Value v, unsigned char *b, size_t n)
{
    memset(b, 0, n);
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "an integer is required");
        return false;
    }
    Value neg = rt_int_richcompare(v, small_new(0), CMP_LT);
    if (neg == rt_True) {
        rt_raisef(&rt_OverflowError, "can't convert negative int to unsigned");
        return false;
    }
    Value hex = rt_int_to_base(v, 16, false);
    if (hex == VAL_NULL)
        return false;
    const char *h = rt_str_cstr(hex);
    size_t len = strlen(h);
    if ((len + 1) / 2 > n) {
        rt_raisef(&rt_OverflowError, "int too big to convert");
        return false;
    }
    for (size_t k = 0; k < len; k++) {
        char c = h[len - 1 - k];
        unsigned d = c <= '9' ? (unsigned)(c - '0') : (unsigned)(c - 'a' + 10);
        b[k / 2] |= (unsigned char)(d << (4 * (k % 2)));
    }
    return true;
}

/* The encoder's state: [length of the pending characters' UTF-8] [that
 * UTF-8] [the codec state], little-endian, as one int. */
#define ENC_STATE_SIZE (1 + 4 * MAX_ENC_PENDING + sizeof(CjkState))

static Value incenc_getstate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("getstate", nargs - 1, kw))
        return VAL_NULL;
    ObjMbStateful *s = MB(args[0]);
    StrBuf sb;
    sb_init(&sb);
    for (size_t k = 0; k < s->npending; k++)
        sb_add_codepoint(&sb, s->pending[k]);
    unsigned char b[ENC_STATE_SIZE] = { 0 };
    b[0] = (unsigned char)sb.len;
    memcpy(b + 1, sb.data, sb.len);
    memcpy(b + 1 + sb.len, s->state.c, sizeof s->state.c);
    return int_from_le(b, ENC_STATE_SIZE);
}

static Value incenc_setstate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("setstate", nargs - 1, kw))
        return VAL_NULL;
    ObjMbStateful *s = MB(args[0]);
    unsigned char b[ENC_STATE_SIZE];
    if (!int_to_le(args[1], b, sizeof b))
        return VAL_NULL;
    if (b[0] > 4 * MAX_ENC_PENDING)
        return rt_raisef(&rt_UnicodeError, "pending buffer too large");
    Value text = rt_decode_utf8(b + 1, b[0], VAL_NULL, true, NULL);
    if (text == VAL_NULL)
        return VAL_NULL;
    size_t n;
    const uint32_t *cps = rt_codec_codepoints(text, &n);
    memcpy(s->pending, cps, n * sizeof *cps);
    s->npending = n;
    memcpy(s->state.c, b + 1 + b[0], sizeof s->state.c);
    return rt_None;
}

static Value incenc_reset(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("reset", nargs - 1, kw))
        return VAL_NULL;
    ObjMbStateful *s = MB(args[0]);
    state_init(s->codec, &s->state, true);
    s->npending = 0;
    return rt_None;
}

/* ---- Decoding with pending bytes ----------------------------------------- */

/* Decode what was pending and then data; keep an incomplete tail. */
static Value decode_stateful(ObjMbStateful *s, const unsigned char *data, size_t len, bool final)
{
    const unsigned char *in = data;
    size_t n = len;
    if (s->ndpending) {
        unsigned char *all = gc_alloc_atomic(s->ndpending + len + 1);
        memcpy(all, s->dpending, s->ndpending);
        memcpy(all + s->ndpending, data, len);
        in = all;
        n += s->ndpending;
    }
    StrBuf out;
    sb_init(&out);
    size_t done;
    if (!run_decode(s->codec, &s->state, in, n, errors_of(s), final, &out, &done))
        return VAL_NULL;                /* what was pending still is */
    if (n - done > MAX_DEC_PENDING)
        return rt_raisef(&rt_UnicodeError, "pending buffer overflow");
    memmove(s->dpending, in + done, n - done);
    s->ndpending = n - done;
    return sb_finish(&out);
}

static Value incdec_decode(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "input", "final" };
    static const ArgSpec spec = { "decode", names, 2, 0, 1, 2, false };
    Value a[2];
    ModBuffer buf;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) || !mod_get_buffer(a[0], &buf))
        return VAL_NULL;
    int final = a[1] == VAL_NULL ? 0 : rt_truthy(a[1]);
    if (final < 0)
        return VAL_NULL;
    return decode_stateful(MB(args[0]), buf.data, buf.len, final);
}

static Value incdec_getstate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("getstate", nargs - 1, kw))
        return VAL_NULL;
    ObjMbStateful *s = MB(args[0]);
    return rt_tuple_pack(2, rt_bytes_new(s->dpending, s->ndpending),
                         int_from_le(s->state.c, sizeof s->state.c));
}

static Value incdec_setstate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("setstate", nargs - 1, kw))
        return VAL_NULL;
    ObjMbStateful *s = MB(args[0]);
    Value state = args[1];
    if (!rt_isinstance_of(state, &rt_tuple_type))
        return rt_raisef(&rt_TypeError, "setstate() argument must be tuple, not %T", state);
    ObjTuple *t = AS_TUPLE(state);
    if (t->length != 2 || !rt_isinstance_of(t->items[0], &rt_bytes_type) ||
        !rt_isinstance_of(t->items[1], &rt_int_type))
        return rt_raisef(&rt_TypeError, "setstate(): illegal state argument");
    ObjBytes *b = AS_BYTES(t->items[0]);
    if (b->length > MAX_DEC_PENDING)
        return rt_raisef(&rt_UnicodeError, "pending buffer too large");
    unsigned char c[sizeof s->state.c];
    if (!int_to_le(t->items[1], c, sizeof c))
        return VAL_NULL;
    memcpy(s->dpending, b->data, b->length);
    s->ndpending = b->length;
    memcpy(s->state.c, c, sizeof c);
    return rt_None;
}

static Value incdec_reset(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("reset", nargs - 1, kw))
        return VAL_NULL;
    ObjMbStateful *s = MB(args[0]);
    state_init(s->codec, &s->state, false);
    s->ndpending = 0;
    return rt_None;
}

/* ---- MultibyteStreamReader ----------------------------------------------- */

/* read / readline: call the stream's `method` (with size when >= 0) until
 * something decodes or the stream ends (CPython's mbstreamreader_iread). */
static Value stream_read(ObjMbStateful *s, const char *method, ssize_t size)
{
    if (size == 0)
        return rt_str_from_cstr("");
    StrBuf out;
    sb_init(&out);
    for (;;) {
        Value arg = small_new(size);
        Value data = mod_call_method(s->stream, method, &arg, size < 0 ? 0 : 1);
        if (data == VAL_NULL)
            return VAL_NULL;
        if (!rt_isinstance_of(data, &rt_bytes_type))
            return rt_raisef(&rt_TypeError, "stream function returned a non-bytes object (%s)",
                             val_type(data)->name);
        ObjBytes *b = AS_BYTES(data);
        bool eof = b->length == 0;
        Value text = decode_stateful(s, b->data, b->length, false);
        if (text == VAL_NULL)
            return VAL_NULL;
        sb_add(&out, rt_str_cstr(text), rt_str_nbytes(text));
        if ((eof || size < 0) && s->ndpending) {     /* what is left can never complete */
            CodecErrors ce;
            rt_codec_errors_init(&ce, s->codec->name, errors_of(s));
            const unsigned char *in = s->dpending;
            size_t n = s->ndpending;
            s->ndpending = 0;
            if (rt_codec_decode_error(&ce, &in, &n, 0, n, INCOMPLETE, &out) < 0)
                return VAL_NULL;
        }
        if (size < 0 || out.len > 0 || eof)
            break;
        size = 1;                       /* nothing yet: one more byte */
    }
    return sb_finish(&out);
}

static bool size_arg(Value v, ssize_t *out)
{
    *out = -1;
    if (v == VAL_NULL || v == rt_None)
        return true;
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "arg 1 must be an integer");
        return false;
    }
    if (!mod_int_as_ssize(v, out))
        return false;
    if (*out < 0)
        *out = -1;
    return true;
}

static Value reader_call(Value *args, size_t nargs, Value kw, const char *fname,
                         const char *method)
{
    if (kw != VAL_NULL && kw != 0 && AS_TUPLE(kw)->length)
        return rt_raisef(&rt_TypeError, "%s() takes no keyword arguments", fname);
    if (nargs > 2)
        return rt_raisef(&rt_TypeError, "%s expected at most 1 argument, got %zu", fname, nargs - 1);
    ssize_t size;
    if (!size_arg(nargs > 1 ? args[1] : VAL_NULL, &size))
        return VAL_NULL;
    return stream_read(MB(args[0]), method, size);
}

static Value reader_read(Value *args, size_t nargs, Value kw)
{
    return reader_call(args, nargs, kw, "read", "read");
}

static Value reader_readline(Value *args, size_t nargs, Value kw)
{
    return reader_call(args, nargs, kw, "readline", "readline");
}

static Value reader_readlines(Value *args, size_t nargs, Value kw)
{
    Value text = reader_call(args, nargs, kw, "readlines", "read");
    if (text == VAL_NULL)
        return VAL_NULL;
    Value keep = rt_True;
    return mod_call_method(text, "splitlines", &keep, 1);
}

static Value reader_reset(Value *args, size_t nargs, Value kw)
{
    return incdec_reset(args, nargs, kw);
}

/* ---- MultibyteStreamWriter ----------------------------------------------- */

static Value writer_write(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("write", nargs - 1, kw))
        return VAL_NULL;
    ObjMbStateful *s = MB(args[0]);
    Value data = encode_stateful(s, args[1], false);
    if (data == VAL_NULL || mod_call_method(s->stream, "write", &data, 1) == VAL_NULL)
        return VAL_NULL;
    return rt_None;
}

static Value writer_writelines(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("writelines", nargs - 1, kw))
        return VAL_NULL;
    Value it = rt_iter(args[1]);
    if (it == VAL_NULL)
        return VAL_NULL;
    Value line;
    while ((line = rt_next(it)) != VAL_NULL) {
        Value a[2] = { args[0], line };
        if (writer_write(a, 2, VAL_NULL) == VAL_NULL)
            return VAL_NULL;
    }
    return rt_err_occurred() ? VAL_NULL : rt_None;
}

/* reset(): what ends the output (an ISO-2022 shift back), to the stream. */
static Value writer_reset(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("reset", nargs - 1, kw))
        return VAL_NULL;
    ObjMbStateful *s = MB(args[0]);
    Value data = encode_stateful(s, rt_str_from_cstr(""), true);
    if (data == VAL_NULL)
        return VAL_NULL;
    if (AS_BYTES(data)->length && mod_call_method(s->stream, "write", &data, 1) == VAL_NULL)
        return VAL_NULL;
    return rt_None;
}

/* ---- The module ---------------------------------------------------------- */

static const MethodDef incenc_methods[] = {
    { "__init__", stateful_init, 0 },
    { "encode", incenc_encode, 0 },
    { "getstate", incenc_getstate, 0 },
    { "setstate", incenc_setstate, 0 },
    { "reset", incenc_reset, 0 },
    { 0 },
};

static const MethodDef incdec_methods[] = {
    { "__init__", stateful_init, 0 },
    { "decode", incdec_decode, 0 },
    { "getstate", incdec_getstate, 0 },
    { "setstate", incdec_setstate, 0 },
    { "reset", incdec_reset, 0 },
    { 0 },
};

static const MethodDef reader_methods[] = {
    { "__init__", stateful_init, 0 },
    { "read", reader_read, 0 },
    { "readline", reader_readline, 0 },
    { "readlines", reader_readlines, 0 },
    { "reset", reader_reset, 0 },
    { 0 },
};

static const MethodDef writer_methods[] = {
    { "__init__", stateful_init, 0 },
    { "write", writer_write, 0 },
    { "writelines", writer_writelines, 0 },
    { "reset", writer_reset, 0 },
    { 0 },
};

#define STATEFUL_TYPE(var, tname, newfn, extra)                                 \
    static ObjType var = {                                                      \
        .ob.type = &rt_type_type, .name = tname, .flags = TF_BASETYPE,          \
        .instance_size = sizeof(ObjMbStateful), .new_ = newfn,                  \
        .getsets = stateful_getsets, extra                                      \
    };

STATEFUL_TYPE(incenc_type, "_multibytecodec.MultibyteIncrementalEncoder", incenc_new, )
STATEFUL_TYPE(incdec_type, "_multibytecodec.MultibyteIncrementalDecoder", incdec_new, )
STATEFUL_TYPE(reader_type, "_multibytecodec.MultibyteStreamReader", reader_new, .members = stream_members)
STATEFUL_TYPE(writer_type, "_multibytecodec.MultibyteStreamWriter", writer_new, .members = stream_members)

static Value create_codec(Value *args, size_t nargs, Value kw)
{
    (void)args, (void)nargs, (void)kw;
    return rt_raisef(&rt_ValueError, "argument type invalid");
}

Value mod_multibytecodec_init(void)
{
    static const MethodDef fns[] = { { "__create_codec", create_codec, 0 }, { 0 } };
    Value m = mod_module_new("_multibytecodec", fns);
    mod_add_type(m, "MultibyteIncrementalEncoder", &incenc_type, incenc_methods);
    mod_add_type(m, "MultibyteIncrementalDecoder", &incdec_type, incdec_methods);
    mod_add_type(m, "MultibyteStreamReader", &reader_type, reader_methods);
    mod_add_type(m, "MultibyteStreamWriter", &writer_type, writer_methods);
    return m;
}
