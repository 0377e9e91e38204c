/*
 * translate.h — running CPython 3.12 bytecode: its code units translated
 * once, at load time, into the instructions of pvm's loop (translate.c).
 */
#ifndef PVM_TRANSLATE_H
#define PVM_TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The byte a translation writes for an opcode 3.12 never writes in a
 * .pyc: no instruction has it, so the verifier refuses it if reachable. */
enum { VM_OP_INVALID = 255 };

/* Fill out[0..n) with the instructions pvm runs for the 3.12 code units
 * code[0..n) (vm/opcodes312.h); each keeps its offset. */
void vm_translate_312(const uint16_t *code, uint16_t *out, size_t n);

/* What pvm runs for one 3.12 instruction: its opcode (VM_OP_INVALID for
 * none), *oparg rewritten in place; `prefixed`: it had EXTENDED_ARG. */
int vm_translate_312_op(int op312, bool prefixed, uint32_t *oparg);

/* The name of a 3.12 opcode (NULL: none); of intrinsic `which` of
 * CALL_INTRINSIC_<nargs> (NULL: none), as 3.12's dis names them. */
const char *vm_opcode312_name(int op312);
const char *vm_intrinsic_name(int which, int nargs);

/* The inline cache units after a 3.12 opcode. */
int vm_caches_312(int op312);

#endif
