/*
 * eval_switch.c — the `switch` strategy: portable C.
 *
 * The loop fetches a code unit and switches on its opcode; every body is a
 * `case` and ends with `continue`, back to the one fetch at the top.  All
 * instructions share that single indirect jump (the switch's jump table),
 * so the branch predictor has one site to guess every next opcode from:
 * this is the baseline the other strategies are measured against.
 */
#include "vm/eval.h"
#include "vm/dispatch.h"

#define LOOP_FUNCTION vm_eval_switch
#define LOOP_LOCALS int opcode;
#define INSTR_POINTER const uint16_t *

#define TARGET(name) case OP_##name:
#define DISPATCH() continue
#define NEXTOPARG() FETCH_UNIT()
#define DISPATCH_SAME_OPARG() goto dispatch_opcode
#define JUMPBY(n) (next_instr += (n))
#define SKIP_CACHES(name) (next_instr += CACHES_##name)
#define THIS_INSTR() (next_instr - 1)
#define GO_TO_BODY(name) do { opcode = OP_##name; goto dispatch_opcode; } while (0)
#define JUMP_TO_INSTR(u) (next_instr = (u))
#define NEXT_UNIT() next_instr

#define DISPATCH_LOOP_BEGIN                         \
    for (;;) {                                      \
    fetch_next:                                     \
        FETCH_UNIT();                               \
    dispatch_opcode:                                \
        switch (opcode) {
#define DISPATCH_LOOP_END                           \
        default:                                    \
            goto unknown_opcode;                    \
        }                                           \
    }
#define DISPATCH_FROM_OUTSIDE() goto fetch_next

#include "vm/eval_loop.h"
