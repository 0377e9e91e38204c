/*
 * eval_trace.c — the loop with a step hook: the `goto` strategy plus one
 * call before every instruction (vm_set_step_hook, for the tracer and the
 * debugger).
 *
 * Tracing is a separate instantiation of the opcode bodies, selected by
 * vm_eval when a hook is set, so the ordinary loops carry no "is tracing
 * on?" test at all (CPython 3.11 instead tests a flag in every dispatch).
 * Before calling the hook, DISPATCH stores the instruction and the stack
 * pointer in the frame, so the hook can read frame->localsplus, the value
 * stack [frame_stack_base(frame), sp) and frame_lasti(frame).
 *
 * EXTENDED_ARG: the hook sees the first unit of an instruction (its prefix
 * when it has one) once; the prefix's body then fetches the rest with
 * NEXTOPARG and DISPATCH_SAME_OPARG, which do not call the hook again.
 */
#include "vm/eval.h"
#include "vm/dispatch.h"

/* Save the registers and call the hook (it may be cleared while running). */
#define STEP_HOOK()                                         \
    do {                                                    \
        if (vm_step_hook != NULL) {                         \
            frame->instr = next_instr;                      \
            frame->sp = sp;                                 \
            vm_step_hook(frame, next_instr, sp);            \
        }                                                   \
    } while (0)

#define LOOP_FUNCTION vm_eval_trace
#define LOOP_LOCALS int opcode; LABEL_TABLE(dispatch_table)
#define INSTR_POINTER const uint16_t *

#define TARGET(name) TARGET_##name:
#define DISPATCH()                                  \
    do {                                            \
        STEP_HOOK();                                \
        FETCH_UNIT();                               \
        goto *dispatch_table[opcode];               \
    } while (0)
#define NEXTOPARG() FETCH_UNIT()
#define DISPATCH_SAME_OPARG() goto *dispatch_table[opcode]
#define JUMPBY(n) (next_instr += (n))
#define SKIP_CACHES(name) (next_instr += CACHES_##name)
#define THIS_INSTR() (next_instr - 1)
#define JUMP_TO_INSTR(u) (next_instr = (u))

#define DISPATCH_LOOP_BEGIN DISPATCH();
#define DISPATCH_LOOP_END
#define DISPATCH_FROM_OUTSIDE() DISPATCH()

#include "vm/eval_loop.h"
