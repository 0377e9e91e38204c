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

#include "runtime/runtime.h"
#include "modules/modules.h"

/* ABC.register(t) from C, for the abstract class named `abc` ("Sequence"). */
void mod_abc_register(const char *abc, ObjType *t);

/* ---- helpers shared by the modules (modutil.c) ---- */

/* A module named `name` holding a builtin function per entry of `fns`. */
Value mod_module_new(const char *name, const MethodDef *fns);
/* Add one attribute to a module. */
void mod_module_set(Value module, const char *name, Value v);
/* Ready a type that lives in a module and bind it there under `attr`. */
void mod_add_type(Value module, const char *attr, ObjType *type, const MethodDef *methods);

/* PyFloat_AsDouble: float, int (OverflowError "int too large to convert to
 * float"), or an object with __float__ / __index__; TypeError "must be real
 * number, not str" otherwise.  false on error. */
bool mod_as_double(Value v, double *out);

/* Look up a special method on v's type (not the instance): VAL_NULL, no
 * exception, when absent.  Bound to v. */
Value mod_lookup_special(Value v, const char *name);

/* Call obj.name(args...). */
Value mod_call_method(Value obj, const char *name, Value *args, size_t nargs);

/* collections.namedtuple(name, fields) from C (collections.c): fields is a
 * space-separated list.  Returns the new tuple-subclass type. */
Value mod_namedtuple(const char *name, const char *fields);

/* posixpath.normpath of a path's bytes (posix.c, CPython's _Py_normpath):
 * "a//b/./c/.." -> "a/b"; "" for a path that reduces to nothing. */
Value mod_normpath(const char *path, size_t n);

/* SHA-512 (sha512.c), used by random.seed(str/bytes). */
void mod_sha512(const unsigned char *data, size_t len, unsigned char out[64]);

#endif
