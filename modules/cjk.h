/*
 * cjk.h — the CJK codecs (CPython's Modules/cjkcodecs): what the codec
 * modules (_codecs_jp, _codecs_cn, _codecs_kr, _codecs_tw, _codecs_hk,
 * cjk_codecs.c) give the machinery that runs them (_multibytecodec,
 * multibytecodec.c).
 *
 * A codec converts a run of input in one call and stops at the first
 * thing it cannot convert, saying what it is; multibytecodec.c turns that
 * into the error handler's call, the pending input of the incremental
 * codecs, and the Python objects.  The answers:
 *
 *   CJK_OK       all the input was converted;
 *   CJK_TOOFEW   the input ends inside a sequence (decoding) or on a
 *                character that may start a combining pair (encoding,
 *                when not flushing): *pos is where it starts;
 *   k > 0        k units at *pos (bytes, or code points) are illegal.
 *
 * The state is eight bytes, as CPython's MultibyteCodec_State: the
 * ISO-2022 codecs keep their shifts in it, and the incremental decoder's
 * getstate() shows it as an int.
 */
#ifndef PVM_CJK_H
#define PVM_CJK_H

#include "runtime/runtime.h"

enum { CJK_OK = 0, CJK_TOOFEW = -1 };

/* The generated tables' arrays of numbers (cjk_gen.py's c_array: 2 MB) go
 * to a section of their own, after the other read-only data.  Left in
 * .rodata they sat between the start-up's hot tables and strings, and the
 * kernel's fault-around (a read fault maps the 64 KiB around it) made
 * ~40 of their pages resident in every run, codecs used or not
 * (bench/README.md, "i13-rss"). */
#define CJK_TABLE __attribute__((section(".pvm_cold_tables")))

typedef struct CjkState {
    unsigned char c[8];
} CjkState;

typedef struct CjkCodec CjkCodec;
struct CjkCodec {
    const char *name;
    const void *data;           /* the codec's tables */
    /* Encode in[*pos..n) onto out; flush: the input ends here. */
    int (*encode)(const CjkCodec *codec, CjkState *st, const uint32_t *in, size_t n,
                  size_t *pos, bool flush, StrBuf *out);
    /* Decode in[*pos..n) onto out. */
    int (*decode)(const CjkCodec *codec, CjkState *st, const unsigned char *in, size_t n,
                  size_t *pos, StrBuf *out);
    /* What ends the output (an ISO-2022 codec's shift back to ASCII);
     * 0 for a stateless codec. */
    void (*encode_reset)(const CjkCodec *codec, CjkState *st, StrBuf *out);
    /* The state a new encoder or decoder starts in; 0: all zero. */
    void (*init)(const CjkCodec *codec, CjkState *st, bool encoder);
};

/* A MultibyteCodec object for codec (multibytecodec.c): what each
 * module's getcodec(name) returns. */
Value mod_mbcodec_new(const CjkCodec *codec);

/* A module's getcodec(name) over its codecs (cjk_codecs.c): TypeError
 * "encoding name must be a string.", LookupError "no such codec is
 * supported." */
Value mod_cjk_getcodec(const CjkCodec *codecs, size_t n, Value *args, size_t nargs, Value kw);

#endif
