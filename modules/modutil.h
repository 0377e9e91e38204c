/*
 * modutil.h — what the standard-library modules (math, itertools, re, ...)
 * share.
 *
 * Each module is one file exporting mod_<ident>_init, declared by its line
 * in modules.h, that builds and returns a fresh module object
 * (rt_module_new, then its functions and types in the module dict);
 * nothing here knows about importing.
 *
 * The helpers (modutil.c) are what every module kept rewriting: a module
 * from a table of functions, doubles and big ints in and out of Python
 * values.  The argument checks with CPython's messages are runtime/args.h.
 */
#ifndef PVM_MODUTIL_H
#define PVM_MODUTIL_H

#include <semaphore.h>
#include <wchar.h>
#include "runtime/runtime.h"
#include "modules/modules.h"

/* ---- helpers shared by the modules (modutil.c) ---- */

/* A module named `name` holding a builtin function per entry of `fns`. */
Value mod_module_new(const char *name, const MethodDef *fns);
/* More functions for a module: those a later Python version added. */
void mod_module_add_functions(Value module, const MethodDef *fns);
/* Add one attribute to a module. */
void mod_module_set(Value module, const char *name, Value v);
/* Ready a type that lives in a module and bind it there under `attr`. */
void mod_add_type(Value module, const char *attr, ObjType *type, const MethodDef *methods);

/* The new_ slot of a type Python code may not instantiate (CPython's
 * Py_TPFLAGS_DISALLOW_INSTANTIATION): TypeError "cannot create 'X' instances".
 * (A zero slot would inherit object's.) */
Value mod_no_new(ObjType *type, Value *args, size_t nargs, Value kwnames);

/* PyFloat_AsDouble: float, int (OverflowError "int too large to convert to
 * float"), or an object with __float__ / __index__; TypeError "must be real
 * number, not str" otherwise.  false on error. */
bool mod_as_double(Value v, double *out);

/* PyLong_AsSsize_t: an int (bools too) as a ssize_t, or false with
 * OverflowError "Python int too large to convert to C ssize_t". */
bool mod_int_as_ssize(Value v, ssize_t *out);

/* v's __index__, refused when negative (ValueError "Cannot convert negative
 * int", as 3.14's unsigned converters say); VAL_NULL + exception. */
Value mod_index_not_negative(Value v);
/* CPython's _PyLong_UnsignedLong_Converter (long_long: its unsigned long
 * long twin): up to 3.13 an int, not an index ("an integer is required"),
 * not negative (ValueError "value must be positive"), below 2**64
 * (OverflowError "Python int too large to convert to C unsigned long", or
 * for unsigned long long "int too big to convert"); 3.14's take an index,
 * refuse a negative one with "Cannot convert negative int" and a large one
 * with "Python int too large for C unsigned long[ long]". */
bool mod_as_unsigned(Value v, bool long_long, uint64_t *out);

/* PyUnicode_AsUTF8: the str's UTF-8, or NULL + UnicodeEncodeError
 * ("surrogates not allowed") for a str holding a lone surrogate. */
const char *mod_str_utf8(Value s);
/* PyUnicode_AsWideCharString: the str's code points as a NUL-terminated
 * wide string (wchar_t is a code point on Linux), or NULL + ValueError
 * "embedded null character" when it holds a NUL (locale.c, curses). */
wchar_t *mod_str_wide(Value s);

/* Look up a special method on v's type (not the instance): VAL_NULL, no
 * exception, when absent.  Bound to v. */
Value mod_lookup_special(Value v, const char *name);

/* Call obj.name(args...). */
Value mod_call_method(Value obj, const char *name, Value *args, size_t nargs);

/* `import name` from C, through builtins.__import__ as CPython's
 * PyImport_ImportModule does: the module (for a dotted name, the top-level
 * package), or VAL_NULL with the ImportError set. */
Value mod_import(const char *name);

/* posixpath.normpath of a path's bytes (posix.c, CPython's _Py_normpath):
 * "a//b/./c/.." -> "a/b"; "" for a path that reduces to nothing. */
Value mod_normpath(const char *path, size_t n);
/* _collections._tuplegetter(index, doc): namedtuple's field descriptor
 * (collections.c). */
Value mod_tuplegetter_new(size_t index, Value doc);
/* Add OrderedDict (odict.c) to the _collections module. */
void mod_odict_add(Value module);
bool mod_is_odict_type(ObjType *t);     /* for sys.getsizeof */

/* ---- waiting without the interpreter lock (thread.c) ------------------------ */

/* Take the semaphore, waiting at most timeout_us (< 0: forever) with the
 * interpreter lock released: 1 taken, 0 timed out, -1 Ctrl-C
 * (KeyboardInterrupt set).  CPython's acquire_timed, for _thread's locks
 * and _queue.SimpleQueue. */
int mod_acquire_timed(sem_t *sem, int64_t timeout_us);
/* A timeout in seconds (int or float) as nanoseconds, rounded up, with
 * CPython's errors (_PyTime_FromSecondsObject). */
bool mod_timeout_ns(Value v, int64_t *out);

/* ---- binary data: the one door to bytes-like objects ----------------------
 * CPython's modules read binary arguments through the buffer protocol
 * (PyObject_GetBuffer); every module here that does — _struct, binascii,
 * zlib, _hashlib, ... — reads them through these functions, a flat
 * (data, len) view over runtime/buffer.h's protocol: bytes, bytearray,
 * array.array, memoryview and any other exporter. */
typedef struct ModBuffer {
    const unsigned char *data;
    size_t len;
    unsigned char *wdata;       /* data, when the object may be written; else NULL */
} ModBuffer;

/* v's bytes, or false + TypeError "a bytes-like object is required, not 'str'". */
bool mod_get_buffer(Value v, ModBuffer *out);
/* v's bytes for writing (pack_into, readinto), or false + TypeError
 * "argument must be read-write bytes-like object, not bytes". */
bool mod_get_writable_buffer(Value v, ModBuffer *out);
/* Whether mod_get_buffer would accept v (no exception either way). */
bool mod_is_buffer(Value v);

/* Output that grows while a compression library (zlib, libbzip2, liblzma)
 * writes into it: at most `limit` bytes (max_length), doubling from `first`. */
typedef struct ModOutput {
    unsigned char *data;
    size_t cap, limit;
} ModOutput;
void mod_output_init(ModOutput *o, size_t first, size_t limit);
/* The room after the first `used` bytes (what the library wrote so far),
 * growing the buffer when they fill it; 0 when it is full at the limit. */
size_t mod_output_room(ModOutput *o, size_t used);

/* The input a decompressor kept from its last call (bytes, maybe empty)
 * followed by this call's data, as one buffer (bz2, lzma). */
ModBuffer mod_buffer_join(Value kept, const ModBuffer *data);

/* The two ends of decompress(data, max_length=-1), the method the
 * one-stream decompressors share (BZ2Decompressor, LZMADecompressor,
 * zlib._ZlibDecompressor).  First: the arguments of args[1:], refused with
 * EOFError `eof_message` once the stream has ended, as `in` (the kept
 * input followed by data) and `limit` (max_length; SIZE_MAX for none).
 * Last: the `left` input bytes at `rest` the library did not take become
 * unused_data after the end of the stream, else the input kept for the
 * next call; needs_input says whether the next call needs more data (it
 * took everything and, `room_left`, did not stop for lack of output room). */
bool mod_decompress_input(Value *args, size_t nargs, Value kw, bool eof,
                          const char *eof_message, Value pending,
                          ModBuffer *in, size_t *limit);
void mod_decompress_keep(const unsigned char *rest, size_t left, bool eof, bool room_left,
                         Value *pending, Value *unused_data, bool *needs_input);

/* ---- libraries opened on first use --------------------------------------
 * The binary-data modules' libraries (libz, libbz2, liblzma, libcrypto,
 * libb2) are not linked: loading them at start-up, with their eagerly bound
 * relocations, would cost every `pvm hello.pyc` as much again as pvm's own
 * start-up.  A module opens its library (dlopen) when it is first imported
 * and calls it through a table of pointers typed as the library's header
 * declares each function:
 *
 *   #define ZL_FUNCTIONS(X) X(deflate) X(inflate) ...
 *   MOD_LIBRARY(zl, "libz.so.1", ZL_FUNCTIONS)
 *
 * declares the table `zl` (zl.deflate(&strm, Z_FINISH) calls through it)
 * and `static bool zl_ready(void)`: true once the library is loaded, else
 * false + ImportError naming the library or the missing function.
 *
 * A library whose table several files share (_ssl's four) declares the
 * table's type and the table in its header and defines both in one file:
 *
 *   MOD_LIBRARY_TYPE(SslLib, SSL_FUNCTIONS)        header: the union type,
 *   extern SslLib ossl; bool ossl_ready(void);    the table, its loader
 *   SslLib ossl;                                   one .c file: the table
 *   MOD_LIBRARY_READY(ossl, soname, SSL_FUNCTIONS)  and ossl_ready()
 *
 * MOD_LIBRARY is these two for a table private to its file. */
bool mod_load_library(const char *soname, const char *const *names, void **ptrs, size_t n);

#define MOD_LIB_NAME(fn) #fn,
#define MOD_LIB_POINTER(fn) __typeof__(&fn) fn;
#define MOD_LIB_ONE(fn) +1
#define MOD_LIBRARY_TYPE(Type, FUNCTIONS)                                             \
    typedef union Type {                                                             \
        struct { FUNCTIONS(MOD_LIB_POINTER) };                                       \
        void *slot[0 FUNCTIONS(MOD_LIB_ONE)];                                        \
    } Type;
#define MOD_LIBRARY_READY(table, soname, FUNCTIONS)                                   \
    bool table##_ready(void)                                                         \
    {                                                                                \
        static const char *const names[] = { FUNCTIONS(MOD_LIB_NAME) };              \
        static bool loaded;                                                          \
        if (!loaded)                                                                 \
            loaded = mod_load_library(soname, names, table.slot,                     \
                                      sizeof names / sizeof names[0]);               \
        return loaded;                                                               \
    }
#define MOD_LIBRARY(table, soname, FUNCTIONS)                                         \
    MOD_LIBRARY_TYPE(table##_lib, FUNCTIONS)                                         \
    static table##_lib table;                                                        \
    static MOD_LIBRARY_READY(table, soname, FUNCTIONS)

/* The soname of OpenSSL's library `lib` (crypto, ssl) of the major version
 * pvm was compiled against: "libssl.so.3" (include <openssl/opensslv.h>). */
#define MOD_STRINGIFY(x) #x
#define MOD_OPENSSL_SONAME(lib, major) "lib" #lib ".so." MOD_STRINGIFY(major)

/* The socket objects of _socket (socket.c), for _ssl, which does its I/O
 * on their descriptor: whether v is one (or a subclass's instance), its
 * descriptor (-1 once closed) and its timeout in ns (-1: blocking, 0:
 * non-blocking), read at each use since Python code may change them. */
bool mod_is_socket(Value v);
int mod_socket_fd(Value sock);
int64_t mod_socket_timeout(Value sock);

/* crc = zlib's crc32(crc, data) (zlib.c), for binascii.crc32; false +
 * ImportError if libz cannot be loaded. */
bool mod_crc32(uint32_t *crc, const unsigned char *data, size_t len);

/* The digest of data by the hash named `name` ("sha512"), computed by
 * OpenSSL (hashlib.c): out must hold its digest size.  false + ValueError
 * if OpenSSL does not know the name. */
bool mod_digest(const char *name, const unsigned char *data, size_t len,
                unsigned char *out, size_t *outlen);

#endif
