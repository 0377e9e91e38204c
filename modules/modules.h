/*
 * modules.h — every module built into pvm, one line each.  This list is
 * the only place a module is declared: the initialiser's prototype, the
 * registry's table (registry.c) and sys.builtin_module_names all expand it.
 *
 *   X(ident, "name")   ident: the C name of its initialiser, mod_<ident>_init;
 *                      name:  the name `import` finds it by.
 *
 * A built-in module is found before anything on sys.path (it is
 * importlib's BuiltinImporter, first on sys.meta_path), and is listed in
 * sys.builtin_module_names.  Each initialiser returns a fresh module object
 * (rt_module_new + its attributes) or VAL_NULL with an exception set; the
 * import system runs it once and caches the result in sys.modules.
 *
 * To add a module: write `Value mod_<ident>_init(void)` in a file of
 * modules/ (modules/README.md) and add its line here.  Dotted names
 * (os.path) are fine: the parent is imported first and the child is set as
 * its attribute.
 */
#ifndef PVM_MODULES_H
#define PVM_MODULES_H

#include "runtime/object.h"

#define PVM_BUILTIN_MODULES(X)                      \
    X(sys, "sys")                                   \
    X(imp, "_imp")                                  \
    X(errno, "errno")                               \
    X(posix, "posix")                               \
    X(stat, "_stat")                                \
    X(math, "math")                                 \
    X(time, "time")                                 \
    X(random, "_random")                            \
    X(itertools, "itertools")                       \
    X(_functools, "_functools")                     \
    X(_operator, "_operator")                       \
    X(bisect, "_bisect")                            \
    X(heapq, "_heapq")                              \
    X(_collections, "_collections")                 \
    X(array, "array")                               \
    X(_weakref, "_weakref")                         \
    X(_abc, "_abc")                                 \
    X(_warnings, "_warnings")                       \
    X(gc, "gc")                                     \
    X(_io, "_io")                                   \
    X(string, "_string")                            \
    X(struct, "_struct")                            \
    X(hashlib, "_hashlib")                          \
    X(blake2, "_blake2")                            \
    X(md5, "_md5")                                  \
    X(sha1, "_sha1")                                \
    X(sha256, "_sha256")                            \
    X(sha512, "_sha512")                            \
    X(sha3, "_sha3")                                \
    X(crypt, "_crypt")                              \
    X(curses, "_curses")                            \
    X(curses_panel, "_curses_panel")                \
    X(spwd, "spwd")                                 \
    X(audioop, "audioop")                           \
    X(dbm, "_dbm")                                  \
    X(gdbm, "_gdbm")                                \
    X(ossaudiodev, "ossaudiodev")                   \
    X(nis, "nis")                                   \
    X(syslog, "syslog")                             \
    X(binascii, "binascii")                         \
    X(zlib, "zlib")                                 \
    X(bz2, "_bz2")                                  \
    X(lzma, "_lzma")                                \
    X(uuid, "_uuid")                                \
    X(pyexpat, "pyexpat")                           \
    X(thread, "_thread")                            \
    X(sre, "_sre")                                  \
    X(ast, "_ast")                                  \
    X(signal, "_signal")                            \
    X(atexit, "atexit")                             \
    X(tracemalloc, "_tracemalloc")                  \
    X(select, "select")                             \
    X(posixsubprocess, "_posixsubprocess")          \
    X(pwd, "pwd")                                   \
    X(grp, "grp")                                   \
    X(resource, "resource")                         \
    X(fcntl, "fcntl")                               \
    X(termios, "termios")                           \
    X(socket, "_socket")                            \
    X(ssl, "_ssl")                                  \
    X(codecs, "_codecs")                            \
    X(multibytecodec, "_multibytecodec")            \
    X(codecs_jp, "_codecs_jp")                      \
    X(codecs_cn, "_codecs_cn")                      \
    X(codecs_kr, "_codecs_kr")                      \
    X(codecs_tw, "_codecs_tw")                      \
    X(codecs_hk, "_codecs_hk")                      \
    X(codecs_iso2022, "_codecs_iso2022")            \
    X(contextvars, "_contextvars")                  \
    X(unicodedata, "unicodedata")                   \
    X(cmath, "cmath")                               \
    X(json, "_json")                                \
    X(csv, "_csv")                                  \
    X(sqlite3, "_sqlite3")                          \
    X(pickle, "_pickle")                            \
    X(locale, "_locale")                            \
    X(statistics, "_statistics")                    \
    X(opcode, "_opcode")                            \
    X(queue, "_queue")                              \
    X(lsprof, "_lsprof")                            \
    X(tokenize, "_tokenize")                        \
    X(typing312, "_typing")                         \
    X(testinternalcapi, "_testinternalcapi")        \
    X(datetime, "_datetime")                        \
    X(decimal, "_decimal")                          \
    X(faulthandler, "faulthandler")                 \
    X(marshal, "marshal")                           \
    X(multiprocessing, "_multiprocessing")          \
    X(posixshmem, "_posixshmem")                    \
    X(mmap, "mmap")                                 \
    X(readline, "readline")

/* Value mod_sys_init(void); ... one prototype per line of the list. */
#define PVM_DECLARE_MODULE_INIT(ident, name) Value mod_##ident##_init(void);
PVM_BUILTIN_MODULES(PVM_DECLARE_MODULE_INIT)
#undef PVM_DECLARE_MODULE_INIT

#endif
