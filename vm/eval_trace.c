/*
 * eval_trace.c — the loop with a step hook: the `goto` strategy
 * (vm/eval_goto.h) plus one call before every instruction
 * (vm_set_step_hook, for the tracer and the debugger).
 *
 * Tracing is a separate instantiation of the opcode bodies, selected by
 * vm_eval when a hook is set, so the ordinary loops carry no "is tracing
 * on?" test at all (CPython 3.11 instead tests a flag in every dispatch).
 * Before calling the hook, the registers are stored in the frame, so the
 * hook can read frame->localsplus, the value stack
 * [frame_stack_base(frame), sp) and frame_lasti(frame).
 *
 * The same loop serves sys.settrace and sys.setprofile (vm/systrace.h):
 * when either is set, vm_trace_instruction reports the events of each
 * instruction, and a failing trace function raises at it.
 *
 * EXTENDED_ARG: the hook sees the first unit of an instruction (its prefix
 * when it has one) once; the unit after a prefix (`first` false) does not
 * call it again.  The hook may be cleared while it runs.
 */
#define LOOP_FUNCTION vm_eval_trace
#define LOOP_TRACES
#define DISPATCH_HOOK(first)                                            \
    do {                                                                \
        if ((first) && vm_trace_on &&                                   \
            !vm_trace_instruction(frame, THIS_INSTR(), sp))             \
            goto error;                                                 \
        if ((first) && vm_step_hook != NULL) {                          \
            frame->instr = THIS_INSTR();                                \
            frame->sp = sp;                                             \
            vm_step_hook(frame, THIS_INSTR(), sp);                      \
        }                                                               \
    } while (0)
/* A call of a builtin reports c_call / c_return to sys.setprofile's function. */
#define CALL_NATIVE(callable, args, nargs, kwnames) \
    vm_trace_c_call(frame, callable, args, nargs, kwnames)
#include "vm/eval_goto.h"
