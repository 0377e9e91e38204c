/*
 * eval_goto.h — the `goto` strategy as a template: computed goto through a
 * label table, with a hook.
 *
 * GCC and clang let a program take the address of a label (&&label) and
 * jump to it (goto *p).  Every body ends with its own copy of the dispatch
 * — fetch the next code unit, jump through the 256-entry table of body
 * labels — so the branch predictor learns, per opcode, which opcode tends
 * to follow it (one prediction site per body instead of one shared jump),
 * and the range check of a switch disappears: unknown bytes have their own
 * table entry.  CPython 3.11 uses the same scheme (USE_COMPUTED_GOTOS).
 *
 * Three loops are this template, each a file that defines two macros and
 * includes it:
 *
 *   LOOP_FUNCTION          the name of the loop function
 *   DISPATCH_HOOK(first)   a statement run after each opcode byte is
 *                          fetched, before its body: `first` is true for
 *                          the first unit of an instruction (its
 *                          EXTENDED_ARG prefix when it has one), false for
 *                          the unit after a prefix; `opcode` is the byte,
 *                          THIS_INSTR() its unit
 *
 *   eval_goto.c     the plain strategy: the hook is empty
 *   eval_trace.c    the step hook before every instruction (tracer, debugger)
 *   stats.c         counts every opcode and opcode pair (pvm --stats)
 *
 * The hook is a separate instantiation, not a run-time test: the plain
 * loop carries no "is tracing on?" check at all.
 */
#include "vm/eval.h"
#include "vm/dispatch.h"

#define LOOP_LOCALS int opcode; LABEL_TABLE(dispatch_table)
#define INSTR_POINTER const uint16_t *

#define TARGET(name) TARGET_##name:
#define DISPATCH()                                  \
    do {                                            \
        FETCH_UNIT();                               \
        DISPATCH_HOOK(true);                        \
        goto *dispatch_table[opcode];               \
    } while (0)
#define NEXTOPARG() FETCH_UNIT()
#define DISPATCH_SAME_OPARG()                       \
    do {                                            \
        DISPATCH_HOOK(false);                       \
        goto *dispatch_table[opcode];               \
    } while (0)
#define JUMPBY(n) (next_instr += (n))
#define SKIP_CACHES(name) (next_instr += CACHES_##name)
#define THIS_INSTR() (next_instr - 1)
#define GO_TO_BODY(name) goto TARGET_##name
#define JUMP_TO_INSTR(u) (next_instr = (u))
#define NEXT_UNIT() next_instr

#define DISPATCH_LOOP_BEGIN DISPATCH();
#define DISPATCH_LOOP_END
#define DISPATCH_FROM_OUTSIDE() DISPATCH()

#include "vm/eval_loop.h"
