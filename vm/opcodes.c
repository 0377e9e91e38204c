/*
 * opcodes.c — the opcode table as data, for the disassembler, the tracer,
 * --stats and the tests.  Expanded from the one list in opcodes.h.
 */
#include "vm/opcodes.h"

const OpcodeInfo vm_opcode_info[256] = {
#define OPCODE_INFO(name, num, caches, kind) [num] = { #name, caches, OPK_##kind },
    PVM_OPCODES(OPCODE_INFO)
#undef OPCODE_INFO
};
