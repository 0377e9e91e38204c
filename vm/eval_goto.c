/*
 * eval_goto.c — the `goto` strategy: computed goto through a label table.
 *
 * GCC and clang let a program take the address of a label (&&label) and
 * jump to it (goto *p).  Every body ends with its own copy of the dispatch
 * — fetch the next code unit, jump through the 256-entry table of body
 * labels — so the branch predictor learns, per opcode, which opcode tends
 * to follow it (one prediction site per body instead of one shared jump),
 * and the range check of a switch disappears: unknown bytes have their own
 * table entry.  CPython 3.11 uses the same scheme (USE_COMPUTED_GOTOS).
 */
#include "vm/eval.h"
#include "vm/dispatch.h"

#define LOOP_FUNCTION vm_eval_goto
#define LOOP_LOCALS int opcode; LABEL_TABLE(dispatch_table)
#define INSTR_POINTER const uint16_t *

#define TARGET(name) TARGET_##name:
#define DISPATCH()                                  \
    do {                                            \
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
