/*
 * systrace.h — sys.settrace and sys.setprofile: a Python function called
 * with (frame, event, arg) as the program runs, per thread, with CPython
 * 3.11's events:
 *
 *   trace    "call"      a frame starts or a generator resumes (RESUME);
 *                        what it returns becomes the frame's f_trace
 *            "line"      (f_trace) an instruction starts a new line, or a
 *                        jump went backwards
 *            "opcode"    (f_trace, with frame.f_trace_opcodes) every
 *                        instruction
 *            "return"    (f_trace) RETURN_VALUE, YIELD_VALUE, or the frame
 *                        is left by an exception (arg None)
 *            "exception" (f_trace) an exception is raised in the frame or
 *                        passes through it: arg (type, value, traceback)
 *   profile  "call", "return", and "c_call"/"c_return"/"c_exception"
 *            around a call of a builtin function from Python code
 *
 * How the loop gets there without slowing down the ordinary loops: setting
 * a function sets vm_trace_on and keeps the eval breaker set.  At its next
 * safe point (RESUME, a back edge, after a call of a C function) a loop
 * sees the breaker and hands the frame over to the tracing loop
 * (vm_eval_trace: the `goto` bodies with a hook before each instruction,
 * vm/eval_trace.c), which then runs until its entry frame returns; new
 * entries into the loop (vm_eval) choose it while tracing is on.  Exception
 * and unwinding events come from vm_unwind, which every loop shares.
 * While a trace or profile function runs, no events are reported
 * (CPython's tstate->tracing).
 */
#ifndef PVM_SYSTRACE_H
#define PVM_SYSTRACE_H

#include "runtime/object.h"
#include "vm/frame.h"

/* Per thread (vm/thread.h): */
extern Value vm_trace_func, vm_profile_func;   /* VAL_NULL when unset */
extern bool vm_trace_on;                        /* either is set */
extern int vm_trace_busy;                       /* inside one of them */
extern int vm_trace_what;                       /* the event being reported */

/* The events, as CPython numbers them (PyTrace_CALL...). */
enum { VM_EV_CALL, VM_EV_EXCEPTION, VM_EV_LINE, VM_EV_RETURN, VM_EV_C_CALL, VM_EV_C_EXCEPTION,
       VM_EV_C_RETURN, VM_EV_OPCODE, VM_EV_COUNT };

/* A profiler written in C (_lsprof's Profiler; CPython's _PyEval_SetProfile
 * with a C function): while the profile function is an instance of `type`
 * (or of a subclass), each profile event is hook(profiler, event, what)
 * instead of a call with a frame object: `what` is the frame's code for
 * "call" and "return", the builtin function for the c_ events.  The hook
 * reports its own errors (unraisable); no events are reported while it
 * runs. */
typedef void (*VmProfileHook)(Value profiler, int event, Value what);
void vm_set_profile_hook(ObjType *type, VmProfileHook hook);
/* The profile function is such a profiler. */
bool vm_profile_is_hook(void);

/* sys.settrace / sys.setprofile (None: unset) and sys.call_tracing. */
void vm_set_trace(Value func);
void vm_set_profile(Value func);
/* vm_trace_on again, after a function or the events of sys.monitoring changed. */
void vm_trace_update(void);
/* Around a LINE callback of sys.monitoring: jumps allowed as from a "line"
 * event (the result of begin goes to end). */
int vm_trace_begin_line(struct ObjFrame *fo);
void vm_trace_end_line(struct ObjFrame *fo, int what);
Value vm_call_tracing(Value func, Value args);

/* The tracing loop's hook, before each instruction (its first code unit):
 * call, line, opcode and return events.  0: go on; -1: a trace function
 * raised; 1: it set f_lineno, so the frame goes on where frame->next_instr
 * and frame->sp now say, without another event. */
int vm_trace_instruction(Frame *f, const uint16_t *instr, Value *sp);

/* From vm_unwind: an exception was raised in f or passed through it (the
 * "exception" event), and f is left by an exception ("return", None).  A
 * trace function that raises replaces the exception. */
void vm_trace_exception(Frame *f);
/* unit: the instruction that re-raised or raised (PY_UNWIND's offset). */
void vm_trace_unwind(Frame *f, int unit);

/* The tracing loop's SEND, whose receiver returned `value`: the
 * "exception" event of the StopIteration that carried it.  False with the
 * trace function's exception set. */
bool vm_trace_send_return(Frame *f, Value value);

/* The tracing loop's CALL of anything but a Python function: the profile
 * function's c_call / c_return / c_exception around builtin functions. */
Value vm_trace_c_call(Frame *f, Value callable, Value *args, size_t nargs, Value kwnames);
/* The same for CALL_FUNCTION_EX: f(*args, **kwargs), args a tuple, kwargs
 * a dict or VAL_NULL. */
Value vm_trace_c_call_ex(Frame *f, Value callable, Value args, Value kwargs);

/* Why a trace function may not set f_lineno of fo now (CPython's checks
 * of the event being reported), or NULL. */
const char *vm_trace_jump_refused(struct ObjFrame *fo);

/* throw() or close() resumes generator frame f with an exception set: its
 * "call" event (CPython's TRACE_FUNCTION_THROW_ENTRY).  A trace function
 * that raises replaces the exception being thrown. */
void vm_trace_throw_entry(Frame *f);

/* A loop found the breaker set while tracing is on: run the frame on in
 * the tracing loop from code unit `next` (or from its RESUME, so that the
 * frame gets its "call" event) and return what that returns. */
Value vm_trace_take_over(Frame *f, const uint16_t *next);

#endif
