/*
 * translate.c — CPython 3.12 code units into the instructions pvm runs.
 *
 * Called once per 3.12 code object, when runtime/code.c makes the copy of
 * co_code that the loop runs (ObjCode.instrs).  One pass, unit by unit: a
 * 3.12 instruction becomes, at the same offset, the instruction that
 * vm/opcodes312.h names for it, followed by as many cache units as 3.12
 * gives it (zeroed: pvm keeps its own counters there).  Offsets never
 * move, so the exception table, the line table, jump distances,
 * tracebacks and f_lasti are the same for the copy as for co_code; the
 * internal instructions (vm/opcodes_internal.h) have 3.12's cache counts
 * for that reason.
 *
 * Nothing here trusts the input: an opcode 3.12 does not write becomes
 * VM_OP_INVALID, which the verifier reports if it is reachable ("not a
 * Python 3.12 opcode"), exactly as an unknown byte in a 3.11 file.  The
 * verifier then checks the translation like any code (vm/verify.c).
 */
#include <string.h>
#include "vm/decode.h"
#include "vm/opcodes312.h"
#include "vm/translate.h"

/* What pvm runs for each 3.12 opcode byte (VM_OP_INVALID: nothing). */
static int target_of(int op312)
{
    switch (op312) {
#define TARGET_CASE(name, num, caches, to) case num: return (to) < 0 ? VM_OP_INVALID : (to);
    PVM_OPCODES_312(TARGET_CASE)
#undef TARGET_CASE
    }
    return VM_OP_INVALID;
}

const char *vm_opcode312_name(int op312)
{
    switch (op312) {
#define NAME_CASE(name, num, caches, to) case num: return #name;
    PVM_OPCODES_312(NAME_CASE)
#undef NAME_CASE
    }
    return NULL;
}

const char *vm_intrinsic_name(int which, int nargs)
{
    static const char *const one[] = {
        "INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR",
        "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP",
        "INTRINSIC_UNARY_POSITIVE", "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR",
        "INTRINSIC_PARAMSPEC", "INTRINSIC_TYPEVARTUPLE", "INTRINSIC_SUBSCRIPT_GENERIC",
        "INTRINSIC_TYPEALIAS",
    };
    static const char *const two[] = {
        "INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR", "INTRINSIC_TYPEVAR_WITH_BOUND",
        "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS", "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
    };
    if (nargs == 1)
        return which >= 0 && which <= VM_MAX_INTRINSIC_1 ? one[which] : NULL;
    return which >= 0 && which <= VM_MAX_INTRINSIC_2 ? two[which] : NULL;
}

int vm_caches_312(int op312)
{
    switch (op312) {
#define CACHES_CASE(name, num, caches, to) case num: return caches;
    PVM_OPCODES_312(CACHES_CASE)
#undef CACHES_CASE
    }
    return 0;
}

/* CALL_INTRINSIC_1/2 whose intrinsic is a 3.11 instruction of the same
 * stack effect: that instruction (else the intrinsic call itself). */
static int intrinsic_as_instruction(int op312, int oparg)
{
    if (op312 == OP312_CALL_INTRINSIC_1) {
        switch (oparg) {
        case INTRINSIC_UNARY_POSITIVE: return OP_UNARY_POSITIVE;
        case INTRINSIC_LIST_TO_TUPLE: return OP_LIST_TO_TUPLE;
        case INTRINSIC_ASYNC_GEN_WRAP: return OP_ASYNC_GEN_WRAP;
        }
        return OP_CALL_INTRINSIC_1;
    }
    return oparg == INTRINSIC_PREP_RERAISE_STAR ? OP_PREP_RERAISE_STAR : OP_CALL_INTRINSIC_2;
}

/* Write oparg into the instruction's units [first, op_unit]: the prefixes
 * take its high bytes.  The value never needs more units than the
 * original had (it is the same or smaller). */
static void put_oparg(uint16_t *out, size_t first, size_t op_unit, uint32_t oparg)
{
    for (size_t u = op_unit + 1; u-- > first; oparg >>= 8)
        out[u] = (uint16_t)((out[u] & 0xff) | (oparg & 0xff) << 8);
}

int vm_translate_312_op(int op312, bool prefixed, uint32_t *oparg)
{
    int to = target_of(op312);
    if (op312 < VM_HAVE_ARGUMENT && prefixed)
        return VM_OP_INVALID;           /* a prefix on an opcode without argument */
    switch (op312) {
    case OP312_COMPARE_OP:
        *oparg >>= 4;
        break;
    case OP312_YIELD_VALUE:             /* 3.11's takes no argument */
        *oparg = 0;
        break;
    case OP312_CALL_INTRINSIC_1: case OP312_CALL_INTRINSIC_2:
        if (!prefixed)
            to = intrinsic_as_instruction(op312, (int)*oparg);
        if (to != OP_CALL_INTRINSIC_1 && to != OP_CALL_INTRINSIC_2)
            *oparg = 0;
        break;
    }
    return to;
}

/* Translate the instruction whose prefixes start at unit `first` and whose
 * own unit is op_unit. */
static void translate_one(uint16_t *out, size_t first, size_t op_unit)
{
    int op = out[op_unit] & 0xff;
    uint32_t oparg = 0;
    for (size_t u = first; u <= op_unit; u++)
        oparg = oparg << 8 | (uint32_t)(out[u] >> 8);
    if (op == OP312_YIELD_VALUE) {      /* its prefixes become NOPs */
        for (size_t u = first; u < op_unit; u++)
            out[u] = OP_NOP;
        first = op_unit;
    }
    int to = vm_translate_312_op(op, op_unit > first, &oparg);
    out[op_unit] = (uint16_t)to;
    put_oparg(out, first, op_unit, oparg);
}

void vm_translate_312(const uint16_t *code, uint16_t *out, size_t n)
{
    memcpy(out, code, n * sizeof *out);
    for (size_t i = 0; i < n;) {
        size_t op_unit = i;
        while (op_unit + 1 < n && (out[op_unit] & 0xff) == OP312_EXTENDED_ARG)
            op_unit++;
        int op = out[op_unit] & 0xff;
        size_t end = op_unit + 1 + (size_t)vm_caches_312(op);
        translate_one(out, i, op_unit);
        for (size_t u = op_unit + 1; u < end && u < n; u++)
            out[u] = OP_CACHE;
        i = end;
    }
}
