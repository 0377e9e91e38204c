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

/* One step of a for loop over `iter`: 1 with the next item in *item, 0
 * when exhausted (StopIteration cleared), -1 with the exception set. */
int vm_for_iter_next(Value iter, Value *item);

#endif
