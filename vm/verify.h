/*
 * verify.h — the bytecode verifier: a code object is checked once, when it
 * is loaded, so that the eval loop can trust it.
 *
 * A .pyc is input from outside, and the loop reads operands without bounds
 * checks (LOAD_CONST indexes co_consts directly, BUILD_LIST 127 takes 127
 * stack slots on faith).  The verifier proves, for every instruction that
 * can run, what the loop assumes: it decodes, its operands are in range,
 * its jumps land on instructions, the stack never underflows or outgrows
 * co_stacksize on any path (exception edges included), and nothing runs
 * off the end of the code.  vm/verify.c lists every rule; what it cannot
 * prove (the types of stack values, for one) the loop checks where it
 * happens (docs/reliability.md, parts B and C).
 *
 * Who calls it: loader/marshal.c, on every code object it builds (files,
 * imports, the compile service's replies), and runtime/code.c, on every
 * code object made from Python (types.CodeType, code.replace), before the
 * object can reach the loop.
 */
#ifndef PVM_VERIFY_H
#define PVM_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include "runtime/object.h"

/* Verify `code` (its fields filled and rt_code_init done; nested code
 * objects in co_consts are verified on their own).  On success returns true
 * and sets code->framesize from the deepest stack the code can reach (so a
 * co_stacksize larger than needed costs no memory).  On failure returns
 * false and writes one line, without the file name, into err, e.g.
 *   bad bytecode in 'f' at code offset 12 (LOAD_CONST 135):
 *   constant index 135 out of range (30 constants)
 * (offsets in bytes, as dis prints them). */
bool vm_verify_code(ObjCode *code, char *err, size_t errlen);

#endif
