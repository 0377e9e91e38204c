/*
 * json.h — what the three files of the _json module share.
 *
 * _json is CPython's Modules/_json.c: the accelerator Lib/json imports
 * under its pure-Python code, name by name (json.decoder.c_scanstring,
 * json.scanner.c_make_scanner, json.encoder.c_make_encoder, ...).  pvm has
 * no json module of its own: `import json` is CPython's Lib/json.
 *
 *   json.c          the module: scanstring, encode_basestring(_ascii), and
 *                   the string routines below
 *   json_scanner.c  make_scanner (the type _json.Scanner): JSON text to
 *                   Python values, what JSONDecoder.raw_decode calls
 *   json_encoder.c  make_encoder (the type _json.Encoder): Python values to
 *                   JSON text, what JSONEncoder.encode uses when indent is
 *                   None (Lib/json encodes indented output in Python, as
 *                   CPython does)
 *
 * A str in pvm is UTF-8 (runtime/str.h), while every position JSON reports
 * (JSONDecodeError.pos, the index scan_once returns) counts code points.
 * The decoder therefore walks the bytes and keeps both: JsonPos.off, the
 * byte offset, and JsonPos.idx, the code-point index.  Outside string
 * literals JSON's syntax is ASCII, so the two advance together.
 */
#ifndef PVM_JSON_H
#define PVM_JSON_H

#include "modules/modutil.h"
#include "runtime/version.h"

/* A place in the text being decoded. */
typedef struct JsonPos {
    size_t off;                 /* byte offset in the UTF-8 data */
    size_t idx;                 /* code-point index: what Python sees */
} JsonPos;

/* raise json.decoder.JSONDecodeError(msg, s, idx), CPython's raise_errmsg;
 * returns VAL_NULL. */
Value json_decode_error(const char *msg, Value s, ssize_t idx);

/* An index argument (PyArg_Parse's "n"): __index__, OverflowError "Python
 * int too large to convert to C ssize_t" beyond ssize_t. */
bool json_ssize_arg(Value v, ssize_t *out);

/* The body of the JSON string literal of s whose opening quote is just
 * before *pos, with its escapes decoded; *pos moves past the closing quote.
 * strict: control characters in the literal are an error.  VAL_NULL with
 * JSONDecodeError set ("Unterminated string starting at", "Invalid
 * \\escape", ...) on bad text. */
Value json_scan_string(Value s, JsonPos *pos, bool strict);

/* Append s (a str, or a subclass) to sb as a JSON string literal, quotes
 * included: '"', '\\' and control characters escaped, and with ascii_only
 * every character from 0x7f up as \uXXXX (a surrogate pair beyond the BMP),
 * as encode_basestring_ascii writes it. */
void json_add_string(StrBuf *sb, Value s, bool ascii_only);

/* encode_basestring_ascii and encode_basestring: make_encoder recognises
 * them and writes strings itself instead of calling them (CPython's
 * fast_encode). */
Value json_encode_basestring_ascii(Value *args, size_t nargs, Value kwnames);
Value json_encode_basestring(Value *args, size_t nargs, Value kwnames);

/* The types behind make_scanner and make_encoder. */
extern ObjType json_scanner_type, json_encoder_type;

#endif
