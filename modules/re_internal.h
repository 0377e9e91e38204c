/*
 * re_internal.h — what the two halves of the `re` module share.
 *
 *   re_translate.c  reads a pattern in Python's syntax, checks it the way
 *                   CPython's Lib/re/_parser.py does (same messages, same
 *                   positions) and writes the equivalent PCRE2 pattern;
 *   re.c            compiles that with PCRE2 and provides the module, the
 *                   Pattern and Match types and the search loops.
 *
 * Nothing outside these two files includes this header.
 */
#ifndef PVM_RE_INTERNAL_H
#define PVM_RE_INTERNAL_H

#include "runtime/runtime.h"

/* The flag values of CPython's re module (Lib/re/_constants.py). */
enum {
    RE_TEMPLATE = 1, RE_IGNORECASE = 2, RE_LOCALE = 4, RE_MULTILINE = 8,
    RE_DOTALL = 16, RE_UNICODE = 32, RE_VERBOSE = 64, RE_DEBUG = 128,
    RE_ASCII = 256,
};

/* The result of translating one pattern. */
typedef struct ReTranslation {
    StrBuf out;             /* the PCRE2 pattern (UTF-8) */
    int flags;              /* the caller's flags | global inline flags | UNICODE */
    size_t groups;          /* capturing groups */
    Value groupindex;       /* dict: name -> group number */
    Value indexgroup;       /* tuple of groups+1 entries: name or None */
    /* parent[g]: the innermost capturing group enclosing group g (0: none).
     * Match.lastindex needs it to tell which of two groups closed last. */
    uint32_t *parent;
} ReTranslation;

/* Translate `pattern` (a str) under `flags`.  false with re.error (or
 * ValueError / OverflowError, as CPython raises) set on a bad pattern. */
bool re_translate(Value pattern, int flags, ReTranslation *t);

/* Raise re.error(msg, pattern, pos): pos < 0 means "no position".  Builds
 * CPython's message ("... at position 3 (line 1, column 4)") and sets the
 * msg/pattern/pos/lineno/colno attributes.  Returns VAL_NULL. */
Value re_raise_error(const char *msg, Value pattern, ssize_t pos);

#endif
