/*
 * dispatch.h — how control passes from one instruction to the next.
 *
 * Every opcode body in eval.c is written once, as
 *
 *     TARGET(NAME) {
 *         ...             // the work
 *         DISPATCH();     // on to the next instruction
 *     }
 *
 * and these few macros decide what TARGET and DISPATCH mean:
 *
 *   goto (default)  TARGET(X) is the label TARGET_X; DISPATCH() fetches the
 *                   next code unit and jumps through dispatch_table[opcode]
 *                   — an indirect jump at the end of every body.
 *   switch          TARGET(X) is `case OP_X:` inside `switch (opcode)` in an
 *                   endless loop; DISPATCH() is `continue`, back to the one
 *                   fetch at the top.
 *
 * Instruction format: see opcodes.h.  A code unit is read as one 16-bit
 * little-endian word: the low byte is the opcode, the high byte the oparg.
 */
#ifndef PVM_DISPATCH_H
#define PVM_DISPATCH_H

#include "vm/config.h"

/* Fetch the code unit at next_instr and advance past it. */
#define NEXTOPARG()                                 \
    do {                                            \
        uint16_t word_ = *next_instr++;             \
        opcode = word_ & 0xff;                      \
        oparg = word_ >> 8;                         \
    } while (0)

/* Skip the inline CACHE units that follow the current instruction. */
#define SKIP_CACHES(name) (next_instr += CACHES_##name)

#if defined(PVM_DISPATCH_GOTO)
#  define TARGET(name) TARGET_##name:
#  define DISPATCH()                                \
    do {                                            \
        NEXTOPARG();                                \
        goto *dispatch_table[opcode];               \
    } while (0)
/* Dispatch on an opcode already fetched (after EXTENDED_ARG). */
#  define DISPATCH_SAME_OPARG() goto *dispatch_table[opcode]
#  define DISPATCH_LOOP_BEGIN DISPATCH();
#  define DISPATCH_LOOP_END
/* Dispatch from code outside the bodies (the unwinder). */
#  define DISPATCH_FROM_OUTSIDE() DISPATCH()
#else
#  define TARGET(name) case OP_##name:
#  define DISPATCH() continue
#  define DISPATCH_SAME_OPARG() goto dispatch_opcode
#  define DISPATCH_LOOP_BEGIN                       \
    for (;;) {                                      \
    fetch_next:                                     \
        NEXTOPARG();                                \
    dispatch_opcode:                                \
        switch (opcode) {
#  define DISPATCH_LOOP_END                         \
        default:                                    \
            goto unknown_opcode;                    \
        }                                           \
    }
#  define DISPATCH_FROM_OUTSIDE() goto fetch_next
#endif

#endif
