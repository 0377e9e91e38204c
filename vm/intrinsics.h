/*
 * intrinsics.h — the helpers of the bodies of CPython 3.12's instructions
 * (vm/bytecodes_internal.h): its intrinsic functions, called by
 * CALL_INTRINSIC_1 and CALL_INTRINSIC_2 with their number as oparg
 * (vm/opcodes312.h lists them), and the shared part of FOR_ITER.
 */
#ifndef PVM_INTRINSICS_H
#define PVM_INTRINSICS_H

#include "runtime/object.h"
#include "vm/frame.h"

/* Intrinsic `which` of one or two arguments, run in `frame`; VAL_NULL with
 * the exception set on failure. */
Value vm_intrinsic_1(Frame *frame, int which, Value v);
Value vm_intrinsic_2(Frame *frame, int which, Value v1, Value v2);

#endif
