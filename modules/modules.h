/*
 * modules.h — every module built into pvm, one line each.
 *
 *   X(ident, "name")   ident: the C name of its initialiser, stub_<ident>_init;
 *                      name:  the name `import` finds it by.
 *
 * A built-in module is found before anything on sys.path (it is
 * importlib's BuiltinImporter, first on sys.meta_path), and is listed in
 * sys.builtin_module_names.  Each initialiser returns a fresh module object
 * (rt_module_new + its attributes) or VAL_NULL with an exception set; the
 * import system runs it once and caches the result in sys.modules.
 *
 * To add a module: write `Value stub_<ident>_init(void)` in its own file in
 * modules/ and add its line here.  Dotted names (os.path) are fine: the
 * parent is imported first and the child is set as its attribute.
 */
#ifndef PVM_MODULES_H
#define PVM_MODULES_H

/* Modules of this branch (import system and command line): always present. */
#define PVM_CORE_MODULES(X)                         \
    X(sys, "sys")                                   \
    X(imp, "_imp")

/* Modules of the standard-library branch (modules/stdlib.h). */
#define PVM_STDLIB_MODULES(X)                       \
    X(math, "math")                                 \
    X(time, "time")                                 \
    X(random, "random")                             \
    X(itertools, "itertools")                       \
    X(functools, "functools")                       \
    X(operator, "operator")                         \
    X(bisect, "bisect")                             \
    X(heapq, "heapq")                               \
    X(collections, "collections")                   \
    X(collections_abc, "collections.abc")           \
    X(array, "array")                               \
    X(io, "io")                                     \
    X(string, "string")                             \
    X(copy, "copy")                                 \
    X(os, "os")                                     \
    X(os_path, "os.path")                           \
    X(json, "json")                                 \
    X(re, "re")

#define PVM_BUILTIN_MODULES(X) PVM_CORE_MODULES(X) PVM_STDLIB_MODULES(X)

#endif
