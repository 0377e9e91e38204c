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

/* ---- generators (runtime/gen.c drives these) ------------------------------
 * The exceptions being handled form a stack, as in CPython (exc_info): the
 * bottom entry belongs to the thread, and each running generator pushes
 * its own entry, so an `except` block suspended by a `yield` keeps its
 * exception while the generator is away.  The handled exception is the
 * topmost entry that is not None. */
typedef struct VmExcState {
    Value exc;                          /* rt_None when handling nothing */
    struct VmExcState *previous;
} VmExcState;

struct Frame;
/* Resume a generator's heap frame: push `sent` onto its stack (or, when
 * `throwing`, raise the current exception at the suspended instruction),
 * run it until it yields, returns or raises, and return what it yielded or
 * returned (VAL_NULL with the exception set on error).  The frame's
 * generator's state says which. */
Value vm_gen_resume(struct Frame *frame, VmExcState *state, Value sent, bool throwing);
/* The Python frame running now (NULL before the module starts). */
struct Frame *vm_current_frame(void);

/* ---- interrupts and pending work ------------------------------------------
 * SIGINT sets a flag that the loop checks at loop back-edges and calls (the
 * "eval breaker": one load and branch) and turns into KeyboardInterrupt.
 * Long-running C loops may poll vm_interrupt_pending() and raise with
 * vm_check_interrupt(), which returns false with KeyboardInterrupt set. */
bool vm_interrupt_pending(void);
bool vm_check_interrupt(void);
/* Ask the loop to call rt_gen_run_pending at its next safe point (used by
 * the generator finaliser, which may not run Python code itself). */
void vm_request_pending_work(void);
/* Program exit: close every generator still suspended, as CPython does
 * when it tears down the __main__ module. */
void vm_finalize(void);

/* ---- the step hook (pvm trace, pvm debug) ---------------------------------
 * When a hook is set, the loop calls it before every instruction with the
 * running frame, the instruction about to execute and the value-stack
 * pointer (the stack is frame_stack_base(frame) .. sp). */
typedef void (*VmStepHook)(struct Frame *frame, const uint16_t *instr, Value *sp);
void vm_set_step_hook(VmStepHook hook);   /* NULL: off; when set, the loop calls hook before every instruction, from a separate tracing instantiation of the loop (zero cost when off) */

#endif
