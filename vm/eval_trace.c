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
 * The tracer and the debugger show the code units as python3.11's dis
 * does, so this loop runs every specialized form (vm/specialize.h) as its
 * base instruction: one step per instruction shown, none fused away
 * (COMPARE_OP_INT_JUMP does its jump itself) and no cached answer between
 * the hook and what it inspects.  The base bodies still count down and
 * specialize, for the loops that run once the hook is gone.
 *
 * EXTENDED_ARG: the hook sees the first unit of an instruction (its prefix
 * when it has one) once; the unit after a prefix (`first` false) does not
 * call it again.  The hook may be cleared while it runs.
 */
#define LOOP_FUNCTION vm_eval_trace
#define SPECIALIZED_LABEL_ENTRY(name, num, base, ...) [num] = &&TARGET_##base,
/* ...so the specialized bodies are there but never entered. */
#pragma GCC diagnostic ignored "-Wunused-label"
#define DISPATCH_HOOK(first)                                \
    do {                                                    \
        if ((first) && vm_step_hook != NULL) {              \
            frame->instr = THIS_INSTR();                    \
            frame->sp = sp;                                 \
            vm_step_hook(frame, THIS_INSTR(), sp);          \
        }                                                   \
        SYSTRACE_HOOK(first);                               \
    } while (0)

/* The same loop serves sys.settrace and sys.setprofile (vm/systrace.h):
 * when either is set, vm_trace_instruction reports the events of each
 * instruction (a trace function that raises raises at it), a call of a
 * builtin is reported to the profile function, and the loop never hands
 * itself over at the eval breaker (LOOP_TRACES). */
#define SYSTRACE_HOOK(first)                                            \
    do {                                                                \
        int jumped_;                                                    \
        if ((first) && vm_trace_on &&                                   \
            (jumped_ = vm_trace_instruction(frame, THIS_INSTR(), sp))) { \
            if (jumped_ < 0)                                            \
                goto error;                                             \
            RESTORE_FRAME();            /* f_lineno was set: jump */    \
            FETCH_UNIT();                                               \
            goto *dispatch_table[opcode];                               \
        }                                                               \
    } while (0)
#define CALL_NATIVE(callable, args, nargs, kwnames) \
    vm_trace_c_call(frame, callable, args, nargs, kwnames)
#define CALL_TUPLE_DICT(callable, args, kwargs) \
    vm_trace_c_call_ex(frame, callable, args, kwargs)
#define TRACE_SEND_RETURN(value)                                        \
    do {                                                                \
        if (vm_trace_on && !vm_trace_send_return(frame, value))         \
            GOTO_ERROR();                                               \
    } while (0)
#include "vm/monitoring.h"
#define MONITOR_FOR_ITER_END(iter)                                      \
    do {                                                                \
        if (vm_monitor_on && !vm_monitor_stop_iteration(frame, iter, VAL_NULL)) \
            GOTO_ERROR();                                               \
    } while (0)
#define MONITOR_SEND_END(receiver, value)                               \
    do {                                                                \
        if (vm_monitor_on && !vm_monitor_stop_iteration(frame, receiver, value)) \
            GOTO_ERROR();                                               \
    } while (0)
#define LOOP_TRACES
#include "vm/eval_goto.h"
