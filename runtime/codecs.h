/*
 * codecs.h — the codec machinery text and bytes share (CPython's
 * Python/codecs.c and the codec half of unicodeobject.c).
 *
 * Three things live here:
 *
 *   the registry     search functions (`codecs.register`), the cache of
 *                    CodecInfo tuples by normalised name, and the import of
 *                    Lib/encodings the first time a codec is looked up;
 *   error handlers   the named callbacks (`codecs.register_error`) a codec
 *                    calls on input it cannot handle: strict, ignore,
 *                    replace, backslashreplace, xmlcharrefreplace,
 *                    namereplace, surrogateescape, surrogatepass, and any
 *                    the program registers;
 *   the C codecs     UTF-8, ASCII and Latin-1 with every error handler:
 *                    str.encode, bytes.decode and str(b, enc) use them
 *                    directly (the fast path) and reach every other
 *                    encoding through the registry.
 *
 * A codec written in C reports a bad stretch of input through a CodecErrors
 * context, which builds the UnicodeEncodeError/UnicodeDecodeError, calls the
 * handler and checks its answer exactly as CPython does; modules/codecs.c
 * (`_codecs`: UTF-7/16/32, the escape codecs, charmap) uses the same calls.
 */
#ifndef PVM_CODECS_H
#define PVM_CODECS_H

#include "runtime/runtime.h"

/* ---- Registry ------------------------------------------------------------ */

/* codecs.register(f) / unregister(f). */
bool rt_codec_register(Value search_function);
bool rt_codec_unregister(Value search_function);
/* codecs.lookup(name): the CodecInfo (a 4-tuple or more), or VAL_NULL +
 * LookupError "unknown encoding: x". */
Value rt_codec_lookup_info(Value name);
/* The CodecInfo of a text encoding: codecs such as rot13 or hex declare
 * _is_text_encoding = False and are refused (LookupError "'hex' is not a
 * text encoding; use ALTERNATIVE to handle arbitrary codecs", without the
 * advice when ALTERNATIVE is NULL). */
Value rt_codec_text_info(Value encoding, const char *alternative);
/* codecs.encode(obj, encoding, errors) / decode: any codec, any types.
 * errors may be VAL_NULL (the codec's default). */
Value rt_codec_encode(Value obj, Value encoding, Value errors);
Value rt_codec_decode(Value obj, Value encoding, Value errors);

/* Canonical codec of an encoding name for the C fast paths: 0 utf-8,
 * 1 ascii, 2 latin-1, -1 any other (ask the registry). */
int rt_codec_lookup(const char *name);

/* ---- Error handlers ------------------------------------------------------ */

bool rt_codec_register_error(Value name, Value handler);
/* codecs.lookup_error(name): the handler, or VAL_NULL + LookupError
 * "unknown error handler name 'x'". */
Value rt_codec_lookup_error(Value name);
/* codecs._unregister_error(name), 3.14: 1 when name's handler was removed,
 * 0 when it had none, -1 with ValueError for a standard handler's name. */
int rt_codec_unregister_error(Value name);

/* What a C codec keeps while it runs: its name (for the exception), the
 * errors argument (VAL_NULL: strict), the handler (looked up at the first
 * error) and the input as a Python object (the str being encoded, or the
 * bytes being decoded, made at the first error). */
typedef struct CodecErrors {
    const char *encoding;
    Value errors;
    Value handler;
    Value object;
} CodecErrors;

void rt_codec_errors_init(CodecErrors *ce, const char *encoding, Value errors);
/* A decoding error in (*in)[start, end): the handler's str is appended to
 * out; returns the position to resume at, or -1 with the exception set.
 * The handler may give the exception another object to decode (as
 * CPython allows): *in and *n are then that object's bytes. */
ssize_t rt_codec_decode_error(CodecErrors *ce, const unsigned char **in, size_t *n,
                              size_t start, size_t end, const char *reason, StrBuf *out);
/* An encoding error in str[start, end) (code points): *replacement gets the
 * handler's str or bytes; returns the position to resume at, or -1. */
ssize_t rt_codec_encode_error(CodecErrors *ce, Value str, size_t start, size_t end,
                              const char *reason, Value *replacement);
/* Raise UnicodeEncodeError(encoding, str, start, end, reason) (what an
 * encoder does when a handler's replacement cannot be encoded either). */
void rt_codec_raise_encode(const char *encoding, Value str, size_t start, size_t end,
                           const char *reason);

/* ---- The C codecs -------------------------------------------------------- */

/* The code points of a str (ASCII ones widened into a new array). */
const uint32_t *rt_codec_codepoints(Value str, size_t *n);

/* Decoders: a str, with *consumed (may be NULL) the bytes used; when not
 * final, an incomplete sequence at the end is left for the next call. */
Value rt_decode_utf8(const unsigned char *s, size_t n, Value errors, bool final,
                     size_t *consumed);
Value rt_decode_ascii(const unsigned char *s, size_t n, Value errors);
Value rt_decode_latin1(const unsigned char *s, size_t n, Value errors);
/* Encoders: bytes. */
Value rt_encode_utf8(Value str, Value errors);
Value rt_encode_ascii(Value str, Value errors);
Value rt_encode_latin1(Value str, Value errors);

/* Development mode (-X dev, PYTHONDEVMODE): encoding and decoding look the
 * codec and the error handler up even when the text needs neither. */
extern bool rt_dev_mode;

/* str.encode(encoding, errors) and bytes.decode's text path; NULL encoding
 * means UTF-8, NULL errors strict. */
Value rt_text_encode(Value str, Value encoding, Value errors);
/* The codec str.encode(encoding) runs here without asking the registry:
 * 0 UTF-8 (also for a NULL encoding), 1 ASCII, 2 Latin-1; -1 any other. */
int rt_text_fast_codec(Value encoding);
Value rt_text_decode(const unsigned char *s, size_t n, Value encoding, Value errors);

/* ---- UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError ------ */

/* Called by exceptions.c: the classes' attributes, constructor and str
 * (before they are readied), and the fields of a new instance. */
void rt_unicode_errors_prepare(void);
void rt_unicode_error_fields(ObjException *e);
/* Called by init.c once the classes are ready: their __init__. */
void rt_codecs_init(void);

#endif
