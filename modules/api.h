/*
 * api.h — what the rest of pvm calls in modules/: the registry of
 * built-in modules (the list is modules.h), the sys state the command line
 * and the import system use, and open() with the standard streams.
 *
 * The import system asks the registry for a module by name before it
 * searches sys.path; sys.builtin_module_names lists what the registry has.
 */
#ifndef PVM_MODULES_API_H
#define PVM_MODULES_API_H

#include "runtime/object.h"
#include "modules/modules.h"

typedef Value (*ModInit)(void);

/* The initialiser of the built-in module `name`, or NULL when pvm has no
 * such module. */
ModInit mod_lookup(const char *name);

/* A tuple of the names of every built-in module present, sorted (as
 * sys.builtin_module_names is). */
Value mod_module_names(void);

/* open() (fileio.c): the text-file type, and sys.stdin/stdout/stderr. */
Value mod_open(Value *args, size_t nargs, Value kwnames);
Value mod_std_stream(int fd);          /* 0, 1 or 2 */
/* Install open() in builtins (called once by the registry's first use). */
void mod_fileio_init(void);

/* sys state the command line fills in before running __main__ (sys.c). */
void mod_sys_set_argv(int argc, char **argv);
void mod_sys_set_optimize(int level);
int mod_sys_optimize(void);
/* -B / PYTHONDONTWRITEBYTECODE: sys.dont_write_bytecode's start value
 * (the import system reads the attribute itself, which programs may set). */
void mod_sys_set_dont_write_bytecode(bool on);
/* sys.path (a list) and sys.modules (a dict), made on first use. */
Value mod_sys_path(void);
Value mod_sys_modules(void);
/* The sys module itself (made once). */
Value mod_sys_module(void);

#endif
