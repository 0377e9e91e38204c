/*
 * str.h — str (immutable Unicode text stored as UTF-8) and bytes.
 *
 * len() and indexing count code points.  ASCII strings index by byte offset;
 * others build a code-point array the first time they are indexed.
 * Identifier-like names are interned so that attribute and global lookups can
 * compare pointers before comparing bytes.
 */
#ifndef PVM_STR_H
#define PVM_STR_H

#include <stdarg.h>
#include "object.h"
#include "abstract.h"
#include "gc.h"

/* From UTF-8 that is known valid (marshal validates first). */
Value rt_str_new(const char *utf8, size_t nbytes);
Value rt_str_from_cstr(const char *s);
/* Validate UTF-8 (surrogates allowed, as marshal's surrogatepass);
 * returns false on invalid input. */
bool rt_utf8_valid(const unsigned char *s, size_t n, size_t *ncodepoints);
/* From Latin-1 bytes (marshal's ASCII codes may hold any byte). */
Value rt_str_from_latin1(const unsigned char *s, size_t n);
Value rt_str_from_codepoint(uint32_t cp);
/* The shared one-character strs of U+0000..U+00FF, each made on first
 * need by rt_str_from_codepoint (VAL_NULL until then). */
extern Value rt_latin1_chars[256];

/* iter(s).  An ASCII str's iterator has a type of its own, whose step
 * FOR_ITER_STR_ASCII (vm/bytecodes.h) takes in the loop. */
typedef struct ObjStrIter {
    Object ob;
    Value str;                  /* VAL_NULL once exhausted */
    size_t offset;              /* byte offset of the next character */
    size_t index;               /* its index in code points */
} ObjStrIter;
extern ObjType rt_str_ascii_iter_type;
/* The interned copy of s (a str); interned strings are never collected. */
Value rt_str_intern(Value s);
Value rt_str_intern_cstr(const char *s);
/* The same for a name written in the source, on a hot path: interned on
 * the first use at this site and kept in a static, so later uses cost a
 * load and a test instead of rt_str_intern_cstr's hash and table probe. */
#define RT_NAME(literal)                                                  \
    ({                                                                    \
        static Value name_;                                               \
        name_ != VAL_NULL ? name_ : (name_ = rt_str_intern_cstr(literal)); \
    })

static inline const char *rt_str_cstr(Value s) { return ((ObjStr *)s)->data; }
static inline size_t rt_str_nbytes(Value s) { return ((ObjStr *)s)->nbytes; }
/* Could a str of nbytes be made (at most RT_STR_MAX, and the memory)?  Asked
 * where the program chooses the size ('x'.ljust(n), a format width): the
 * caller raises MemoryError when not. */
static inline bool rt_str_size_ok(size_t nbytes)
{
    return nbytes <= RT_STR_MAX && gc_size_ok(nbytes);
}
uint32_t rt_str_char_at(Value s, size_t index);     /* index < length */
bool rt_str_equal(Value a, Value b);                /* both str */
bool rt_str_isidentifier(Value s);                  /* str.isidentifier() */
int rt_str_compare(Value a, Value b);               /* by code point: -1/0/1 */
intptr_t rt_str_hash(Value s);                      /* cached */
/* The same, not stored in s when not cached already: for static strs,
 * where storing it writes the page that holds them (modules/sys.c). */
intptr_t rt_str_hash_uncached(Value s);
/* CPython's _Py_HashBytes: SipHash-1-3 under the process's hash secret
 * (PYTHONHASHSEED), 0 for no bytes; str.c explains. */
intptr_t rt_hash_bytes(const void *p, size_t n);
/* Make the hash secret from PYTHONHASHSEED, or at random when the
 * environment is to be ignored (-E, -I); before the first hash. */
void rt_hash_secret_init(bool ignore_environment);
/* Not PYTHONHASHSEED=0 (sys.flags.hash_randomization). */
bool rt_hash_randomized(void);
Value rt_str_concat(Value a, Value b);
Value rt_str_concat3(Value a, Value b, Value c);    /* a + b + c, all exact strs */
/* x, an exact str that nothing but the caller refers to, becomes left + x
 * (+ k, when k is not VAL_NULL: an exact str) in its own block: true when
 * left is an exact str, all are ASCII, x is not empty (`left + ""` is
 * left itself) and x's block has room; else false, x as it was
 * (vm/bytecodes.h, PRECALL_NO_KW_STR_JOIN_CONCAT). */
bool rt_str_concat_into(Value left, Value x, Value k);
/* a + b for BINARY_OP_INPLACE_ADD_UNICODE, when `a` is held by no one but
 * the local the result goes to: appended into a's own block if a is owned
 * and there is room, else a new owned str with room to grow.  Only the
 * caller can know a is unshared (vm/specialize.c); with a non-ASCII
 * operand, the plain rt_str_concat. */
Value rt_str_append_owned(Value a, Value b);
/* The flag's end: v (any value, or VAL_NULL) may now be referenced from
 * elsewhere. */
static inline void rt_str_disown(Value v)
{
    if (v != VAL_NULL && is_str(v))
        ((ObjStr *)v)->owned = false;
}
Value rt_str_repr(Value s);                         /* 'it\'s' as CPython quotes */
/* Build a str from the rt_raisef format language (see error.h). */
Value rt_str_format_c(const char *fmt, ...);
Value rt_str_vformat_c(const char *fmt, va_list ap);

/* A growable UTF-8 buffer for building strings. */
typedef struct StrBuf {
    char *data;
    size_t len, cap;
    bool borrowed;          /* data is the caller's (sb_init_buf), not the heap's */
    /* data is the text of a block shaped as an ASCII ObjStr (a large
     * buffer's: sb_reserve), which sb_finish can make the str itself. */
    bool in_str;
} StrBuf;
void sb_init(StrBuf *sb);
/* Start in the caller's buffer (a local array): no allocation while the
 * text fits, one heap copy when it outgrows it.  For text that is copied
 * into a str (sb_finish) before the buffer goes out of scope. */
void sb_init_buf(StrBuf *sb, char *buf, size_t cap);
void sb_add(StrBuf *sb, const char *s, size_t n);
void sb_adds(StrBuf *sb, const char *s);
void sb_addc(StrBuf *sb, char c);
void sb_add_codepoint(StrBuf *sb, uint32_t cp);
bool sb_add_value_str(StrBuf *sb, Value v);         /* str(v); false on error */
bool sb_add_value_repr(StrBuf *sb, Value v);        /* repr(v); false on error */
Value sb_finish(StrBuf *sb);                        /* a str (valid UTF-8 assumed) */

/* bytes */
Value rt_bytes_new(const unsigned char *data, size_t n);
/* A bytes of n bytes the caller fills in before anything else sees it. */
Value rt_bytes_uninit(size_t n);
/* An ASCII str that nothing but the caller refers to (vm/bytecodes.h,
 * PRECALL_NO_KW_STR_JOIN_ENCODE), turned in its own block into the bytes
 * of its encoding, which ASCII, UTF-8 and Latin-1 make alike. */
Value rt_bytes_from_dead_str(Value str);
/* Room for n bytes the program asked for (read(n), b.rjust(n)), or NULL
 * with CPython's OverflowError "byte string is too large" or MemoryError:
 * never the fatal out-of-memory exit of an ordinary allocation. */
unsigned char *rt_bytes_room(size_t n);
Value rt_bytes_repr(Value b);                       /* b'...' */
/* sys.flags.bytes_warning (-b, -bb): str() of a bytes or bytearray and
 * its == / != against a str (or bytes against an int) warn BytesWarning. */
extern int rt_bytes_warning;

/* ---- Internals shared by the text files ----------------------------------
 * str.c (core), strmethods.c (str's methods), unicode.c (UTF-8 and character
 * classes), format.c (format(), str.format, %) and bytes.c use these; other
 * parts of pvm should not need them. */

/* UTF-8 (unicode.c).  encode writes 1..4 bytes; decode reads one code point
 * from valid UTF-8 and stores its byte length; prev steps back one code point. */
size_t rt_utf8_encode(uint32_t cp, char *out);
uint32_t rt_utf8_decode(const char *s, size_t *len);
size_t rt_utf8_prev(const char *s, size_t off);
/* Code points in valid UTF-8 s[0..n). */
size_t rt_utf8_count(const char *s, size_t n);
/* The byte offset of code point *count in valid UTF-8 s[0..n): n, with
 * *count lowered to the code points there are, when there are no more. */
size_t rt_utf8_skip(const char *s, size_t n, size_t *count);
/* Strict UTF-8 (no surrogates), as bytes.decode('utf-8') requires. */
bool rt_utf8_valid_strict(const unsigned char *s, size_t n, size_t *ncodepoints);
/* Whether str s holds a lone surrogate (U+D800..U+DFFF), which strict
 * UTF-8 refuses: a str's bytes are otherwise valid UTF-8 already
 * (unicode.c), so only the surrogates' three-byte forms, ED A0..BF, are
 * looked for. */
bool rt_str_has_surrogates(Value s);
/* Where strict decoding fails: the offset, how many bytes to blame and
 * CPython's reason ("invalid start byte", ...). */
size_t rt_utf8_error(const unsigned char *s, size_t n, size_t *bad_len, const char **reason);

/* Character classes and case mapping (unicode.c): CPython 3.11's Unicode
 * 14.0 behaviour, from utf8proc plus generated tables.  Case mappings write
 * the full mapping (1 to 3 code points) and return how many. */
bool rt_uni_isspace(uint32_t c);
bool rt_uni_islinebreak(uint32_t c);
bool rt_uni_isupper(uint32_t c);
bool rt_uni_islower(uint32_t c);
bool rt_uni_iscased(uint32_t c);
bool rt_uni_istitle(uint32_t c);            /* category Lt */
bool rt_uni_iscaseignorable(uint32_t c);
bool rt_uni_isalpha(uint32_t c);
bool rt_uni_isdecimal(uint32_t c);
bool rt_uni_isdigit(uint32_t c);
bool rt_uni_isnumeric(uint32_t c);
bool rt_uni_isalnum(uint32_t c);
bool rt_uni_isprintable(uint32_t c);
bool rt_uni_isidstart(uint32_t c);
bool rt_uni_isidcontinue(uint32_t c);
size_t rt_uni_toupper(uint32_t c, uint32_t out[3]);
size_t rt_uni_tolower(uint32_t c, uint32_t out[3]);
size_t rt_uni_totitle(uint32_t c, uint32_t out[3]);
size_t rt_uni_casefold(uint32_t c, uint32_t out[3]);

/* str core (str.c). */
bool rt_is_str(Value v);                            /* str or a subclass */
Value rt_str_empty(void);                           /* the interned '' */
/* Code points [start, stop) of s, as a new str (s itself when whole). */
Value rt_str_substr(Value s, size_t start, size_t stop);
/* Byte offset of code point `index` (index <= length), and back. */
size_t rt_str_offset(Value s, size_t index);
size_t rt_str_index_of(Value s, size_t offset);
/* The code points of a non-ASCII str (built once, cached). */
const uint32_t *rt_str_codepoints(Value s);
/* The same into out (room for the str's length), no array kept on s. */
void rt_str_codepoints_into(Value s, uint32_t *out);
/* A str of n code points (lone surrogates as they are); VAL_NULL with
 * MemoryError when a big one cannot be had. */
Value rt_str_from_codepoints(const uint32_t *cps, size_t n);
/* The characters of a non-ASCII str as an array of *width bytes each (1,
 * 2 or 4): the cached array, or a new one in the narrowest width that
 * holds them, then cached (for sre's matcher, one per width). */
const void *rt_str_chars(Value s, int *width);
/* The narrowest of 1, 2 or 4 bytes that holds every character of s
 * (CPython's str kind), from its UTF-8 without decoding it. */
int rt_str_width(Value s);
/* A str from bytes plus the facts the caller already knows. */
Value rt_str_new_known(const char *utf8, size_t nbytes, size_t length, bool ascii);
/* A str of nbytes bytes (length code points) whose data the caller writes
 * before anyone else sees it: text built in place, without a buffer to copy.
 * VAL_NULL with MemoryError when the heap cannot give a big one. */
Value rt_str_uninit(size_t nbytes, size_t length, bool ascii);
void sb_add_repr_body(StrBuf *sb, Value s, char quote, bool ascii_only);
void sb_reserve(StrBuf *sb, size_t extra);
/* repr(s) restricted to ASCII, as ascii() and %a print it. */
Value rt_str_ascii_repr(Value s);

/* str methods (strmethods.c); maketrans is a static method (args without
 * self). */
extern const MethodDef rt_str_methods[];
/* sep.join(items): the result made once at its size (TypeError for an
 * item that is not a str). */
Value rt_str_join_items(Value sep, const Value *items, size_t n);
/* sep.join(iterable), str.join itself; *made: the result is a str this call
 * allocated (not an item given back), so that only the caller refers to it
 * (vm/bytecodes.h, PRECALL_NO_KW_STR_JOIN_ENCODE). */
Value rt_str_join(Value sep, Value iterable, bool *made);
/* str.join as its method descriptor calls it (args[0] the separator): the
 * str.join forms' guard compares the callable's function with it. */
Value rt_str_join_method(Value *args, size_t nargs, Value kw);
/* Canonical codec of an encoding name: 0 utf-8, 1 ascii, 2 latin-1, -1 other
 * (codecs.c, which has the whole codec machinery: runtime/codecs.h). */
int rt_codec_lookup(const char *name);
/* s.encode(encoding, errors): any codec, any error handler (codecs.c). */
Value rt_str_encode(Value s, const char *encoding, const char *errors);
/* str % args (format.c). */
Value rt_str_percent(Value format, Value args);
/* bytes % args (format.c): the result's bytes appended to *out; rt_None,
 * or VAL_NULL on error. */
Value rt_bytes_percent(const unsigned char *fmt, size_t n, Value args, StrBuf *out);
/* str.format(*args, **kwargs) (format.c): args[0] is the format string. */
Value rt_str_format_method(Value *args, size_t nargs, Value kwnames);
Value rt_str_format_map(Value *args, size_t nargs, Value kwnames);
/* format(int / float / str, spec) (format.c); spec is a str. */
Value rt_format_int(Value v, Value spec);
/* int.__format__, float.__format__, complex.__format__ (a NativeFunc):
 * format(self, spec) for the builtin number types. */
Value rt_number_dunder_format(Value *args, size_t nargs, Value kwnames);
Value rt_format_float(Value v, Value spec);
Value rt_format_str(Value v, Value spec);
Value rt_format_complex(Value v, Value spec);

/* bytes and bytearray (bytes.c). */
typedef struct ObjByteArray {
    Object ob;
    size_t length, capacity;
    unsigned char *data;
    int exports;                /* lasting buffers out: no resizing (buffer.h) */
} ObjByteArray;
bool rt_is_bytes_like(Value v);                     /* bytes or bytearray */
/* bytes.decode(encoding, errors): any codec, any error handler (codecs.c);
 * NULL encoding is UTF-8, NULL errors strict. */
Value rt_bytes_decode(const unsigned char *s, size_t n, Value encoding, Value errors);
Value rt_bytearray_new(const unsigned char *data, size_t n);
/* bytearray.__init__(self, source, encoding, errors): refill self (a
 * subclass's instance starts empty and is filled here, as in CPython). */
bool rt_bytearray_init(Value self, Value *args, size_t nargs, Value kwnames);
void rt_bytes_init(void);

void rt_str_init(void);

#endif
