/*
 * opcodes.c — the opcode table as data, for the disassembler, the tracer,
 * the dispatch strategies and the tests: names, inline caches, operand
 * kinds and stack effects, all expanded from the one list in opcodes.h.
 */
#include <stddef.h>
#include "vm/opcodes.h"

const OpcodeInfo vm_opcode_info[256] = {
#define OPCODE_INFO(name, num, caches, kind, popped, pushed, effect) \
    [num] = { #name, caches, OPK_##kind, effect },
    PVM_OPCODES(OPCODE_INFO)
    PVM_INTERNAL(OPCODE_INFO)
#undef OPCODE_INFO
};

/* The effect columns are expressions of `oparg` and `jump`: each becomes a
 * case of a switch where those are the parameters. */

int64_t vm_stack_popped(int opcode, int64_t oparg, bool jump)
{
    switch (opcode) {
#define POPPED(name, num, caches, kind, popped, ...) case num: return (popped);
    PVM_OPCODES(POPPED)
    PVM_INTERNAL(POPPED)
#undef POPPED
    }
    return -1;
}

int64_t vm_stack_pushed(int opcode, int64_t oparg, bool jump)
{
    switch (opcode) {
#define PUSHED(name, num, caches, kind, popped, pushed, ...) case num: return (pushed);
    PVM_OPCODES(PUSHED)
    PVM_INTERNAL(PUSHED)
#undef PUSHED
    }
    return -1;
}

/* ---- specialized forms ---- */

const char *vm_opcode_name(int opcode)
{
    switch (opcode) {
#define SPECIALIZED_NAME(name, num, ...) case num: return #name;
    PVM_SPECIALIZED(SPECIALIZED_NAME)
    PVM_SPECIALIZED_312(SPECIALIZED_NAME)
#undef SPECIALIZED_NAME
    }
    return opcode >= 0 && opcode < 256 ? vm_opcode_info[opcode].name : NULL;
}

/* A table, not a switch: the threaded translation asks for every
 * instruction.  Not inline in opcodes.h: in the eval loops' bodies that
 * call it, inlining changed the goto loop's stack frame, and a word of it
 * then kept finalizers/del_added_late's objects alive past their last use
 * (the conservative scan of the C stack). */
static const uint8_t specialized_base[256] = {
#define SPECIALIZED_BASE(name, num, base, ...) [num] = OP_##base,
    PVM_SPECIALIZED(SPECIALIZED_BASE)
    PVM_SPECIALIZED_312(SPECIALIZED_BASE)
#undef SPECIALIZED_BASE
};

int vm_base_opcode(int opcode)
{
    int base = opcode >= 0 && opcode < 256 ? specialized_base[opcode] : 0;
    return base != 0 ? base : opcode;
}

int vm_cpython_adaptive_opcode(int opcode)
{
    switch (opcode) {
#define OWN_FORM_BASE(name, num, base, ...) case num: return OP_##base;
    PVM_OWN_SPECIALIZED(OWN_FORM_BASE)
#undef OWN_FORM_BASE
    }
    return opcode;
}
