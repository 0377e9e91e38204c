/*
 * vm.h — the virtual machine's interface to the rest of pvm.
 *
 * The runtime calls into the VM only through vm_function_call (to run a
 * Python function from C, e.g. sorted(key=f)); the command line uses
 * vm_run_module to run a loaded code object as the __main__ module.
 */
#ifndef PVM_VM_H
#define PVM_VM_H

#include "runtime/object.h"

/* CallFunc of the function type: push a frame and run it to completion. */
Value vm_function_call(Value callable, Value *args, size_t nargs, Value kwnames);

/* Run module-level code with the given globals dict (which is also its
 * locals).  Returns the result or VAL_NULL with the exception set. */
Value vm_run_module(ObjCode *code, Value globals);

/* Run a class body (a function made by the class statement) with the
 * given dict as its locals; returns what the body returns (the __class__
 * cell or None). */
Value vm_run_class_body(Value func, Value locals);

/* globals() and locals() of the running Python frame. */
Value vm_globals(void);
Value vm_locals(void);
/* Zero-argument super(): the class and the first argument of the running
 * method; false with RuntimeError set when there are none. */
bool vm_super_args(Value *type, Value *obj);

/* The recursion limit (sys.setrecursionlimit). */
int vm_get_recursion_limit(void);
void vm_set_recursion_limit(int limit);

/* The exception being handled (sys.exc_info()[1]), or rt_None. */
Value vm_handled_exception(void);

#endif
