/*
 * stubs.h — the registry of built-in C modules (the table is modules.h).
 *
 * The import system asks the registry for a module by name before it
 * searches sys.path; sys.builtin_module_names lists what the registry has.
 */
#ifndef PVM_STUBS_H
#define PVM_STUBS_H

#include "runtime/object.h"

typedef Value (*StubInit)(void);

/* The initialiser of the built-in module `name`, or NULL when pvm has no
 * such module (or its file is not linked into this build). */
StubInit stub_lookup(const char *name);

/* A tuple of the names of every built-in module present, sorted (as
 * sys.builtin_module_names is). */
Value stub_module_names(void);

/* Modules implemented by the import branch. */
Value stub_sys_init(void);
Value stub_imp_init(void);

/* open() (fileio.c): the text-file type, and sys.stdin/stdout/stderr. */
Value stub_open(Value *args, size_t nargs, Value kwnames);
Value stub_std_stream(int fd);          /* 0, 1 or 2 */
/* Install open() in builtins (called once by the registry's first use). */
void stub_fileio_init(void);

/* sys state the command line fills in before running __main__ (sys.c). */
void stub_sys_set_argv(int argc, char **argv);
void stub_sys_set_optimize(int level);
int stub_sys_optimize(void);
/* -B / PYTHONDONTWRITEBYTECODE: sys.dont_write_bytecode's start value
 * (the import system reads the attribute itself, which programs may set). */
void stub_sys_set_dont_write_bytecode(bool on);
/* sys.path (a list) and sys.modules (a dict), made on first use. */
Value stub_sys_path(void);
Value stub_sys_modules(void);
/* The sys module itself (made once). */
Value stub_sys_module(void);

#endif
