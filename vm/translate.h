/*
 * translate.h — running CPython 3.12 and 3.13 bytecode: its code units
 * translated once, at load time, into the instructions of pvm's loop
 * (translate.c).  `minor` is the bytecode's version, 12 or 13.
 */
#ifndef PVM_TRANSLATE_H
#define PVM_TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The byte a translation writes for an opcode the version never writes
 * in a .pyc: no instruction has it (3 is a gap in 3.11's numbers, and
 * pvm gives it to no specialized or internal form), so the verifier
 * refuses it if reachable. */
enum { VM_OP_INVALID = 3 };

/* Fill out[0..n) with the instructions pvm runs for the code units
 * code[0..n) of version `minor` (vm/opcodes312.h, vm/opcodes313.h); each
 * keeps its offset.  kinds[0..nkinds) are the code's localspluskinds
 * (3.13 loads a closure's cells with LOAD_FAST). */
void vm_translate(int minor, const uint16_t *code, uint16_t *out, size_t n,
                  const uint8_t *kinds, size_t nkinds);

/* What pvm runs for one instruction of version `minor`: its opcode
 * (VM_OP_INVALID for none), *oparg rewritten in place; `prefixed`: it
 * had EXTENDED_ARG. */
int vm_translate_op(int minor, int op, bool prefixed, uint32_t *oparg);

/* The name of an opcode of version `minor` (NULL: none); of intrinsic
 * `which` of CALL_INTRINSIC_<nargs> (NULL: none), as dis names them. */
const char *vm_version_opname(int minor, int op);
const char *vm_intrinsic_name(int which, int nargs);

/* The inline cache units after an opcode of version `minor`, and the
 * version's HAVE_ARGUMENT (opcodes from it on take an oparg). */
int vm_version_caches(int minor, int op);
int vm_version_have_argument(int minor);

/* Is the yield whose YIELD_VALUE is unit i of code[0..n) (a version's
 * original units) inside no handler but the one the compiler wraps around
 * every generator body (it turns an escaping StopIteration into
 * RuntimeError)?  Closing a generator suspended there runs nothing, and
 * CPython's gen_close skips the frame.  The mark is in what the translation
 * drops: 3.12's YIELD_VALUE oparg (the handler depth, 1), bit 2 of the
 * RESUME after the yield in 3.13 and 3.14. */
bool vm_yield_at_depth1(int minor, const uint16_t *code, size_t n, size_t i);

#endif
