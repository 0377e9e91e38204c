/*
 * sys.h — what the files of the sys module share: sys.c makes the module,
 * sys_hooks.c adds the hooks (displayhook, excepthook, unraisablehook,
 * breakpointhook, the audit hooks) to it.
 */
#ifndef PVM_MODULES_SYS_H
#define PVM_MODULES_SYS_H

#include "runtime/runtime.h"

/* Add the hook functions and their __x__ originals to the sys module. */
void mod_sys_add_hooks(Value sys);
/* builtins.breakpoint: calls sys.breakpointhook. */
Value mod_builtin_breakpoint(Value *args, size_t nargs, Value kwnames);
/* sys.getsizeof (sys_sizeof.c). */
Value mod_sys_getsizeof(Value *args, size_t nargs, Value kwnames);
/* A sys attribute (VAL_NULL, no exception, when absent). */
Value mod_sys_get(const char *name);
/* Report exc, which nobody can catch, through sys.unraisablehook: what is
 * "in thread started by"... (err_msg "Exception ignored " + what) or NULL. */
void mod_sys_write_unraisable(Value exc, const char *what, Value obj);

#endif
