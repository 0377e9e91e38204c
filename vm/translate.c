/*
 * translate.c — CPython 3.12, 3.13 and 3.14 code units into the
 * instructions pvm runs.
 *
 * Called once per 3.12, 3.13 or 3.14 code object, when runtime/code.c makes the
 * copy of co_code that the loop runs (ObjCode.instrs).  One pass, unit by
 * unit: an instruction becomes, at the same offset, the instruction that
 * the version's table (vm/opcodes312.h, vm/opcodes313.h) names for it,
 * followed by as many cache units as the version gives it.  Offsets never
 * move, so the exception table, the line table, jump distances,
 * tracebacks and f_lasti are the same for the copy as for co_code; the
 * internal instructions (vm/opcodes_internal.h) have 3.12's cache counts
 * for that reason.  Where a version gives an instruction more caches than
 * what pvm runs for it has (3.14's BINARY_OP 5, CALL_KW 3), the units left
 * over become NOPs: never a jump (their caches are always equal), so no
 * distance changes.
 *
 * 3.14 is translated as 3.13 wherever the two agree: an instruction 3.13
 * also has (by name) goes through 3.13's rules (as313); only what 3.14
 * changed or introduced has rules of its own (translate_314).
 *
 * Nothing here trusts the input: an opcode 3.12 does not write becomes
 * VM_OP_INVALID, which the verifier reports if it is reachable ("not a
 * Python 3.12 opcode"), exactly as an unknown byte in a 3.11 file.  The
 * verifier then checks the translation like any code (vm/verify.c).
 */
#include <string.h>
#include "vm/decode.h"
#include "runtime/object.h"
#include "vm/opcodes312.h"
#include "vm/opcodes313.h"
#include "vm/opcodes314.h"
#include "vm/translate.h"

/* 3.13's RESUME after a yield: the yield is at handler depth 1. */
enum { RESUME_DEPTH1 = 4 };

/* One version's table, by opcode byte: its name (NULL: no opcode), its
 * caches, and what pvm runs for it (VM_OP_INVALID: nothing). */
typedef struct VersionOp {
    const char *name;
    unsigned char caches;
    unsigned char to;
} VersionOp;

#define VERSION_ENTRY(name, num, caches, to) \
    [num] = { #name, caches, (to) < 0 ? VM_OP_INVALID : (to) },
static const VersionOp ops312[256] = { PVM_OPCODES_312(VERSION_ENTRY) };
static const VersionOp ops313[256] = { PVM_OPCODES_313(VERSION_ENTRY) };
static const VersionOp ops314[256] = { PVM_OPCODES_314(VERSION_ENTRY) };   /* i15-314-load: 3.14's table */
#undef VERSION_ENTRY

static const VersionOp *version_op(int minor, int op)
{
    static const VersionOp none = { NULL, 0, VM_OP_INVALID };
    if (op < 0 || op > 255)
        return &none;
    const VersionOp *entry = minor == 14 ? &ops314[op] : minor == 13 ? &ops313[op] : &ops312[op];
    return entry->name != NULL ? entry : &none; /* i15-314-load: unlisted is no opcode, not CACHE */
}

/* The 3.13 opcode of the same name as 3.14's `op` (-1: 3.13 has none),
 * built from the two tables on first use. */
static int as313(int op)
{
    static short map[256];
    static bool made;
    if (!made) {
        for (int i = 0; i < 256; i++) {
            map[i] = -1;
            for (int j = 0; ops314[i].name != NULL && j < 256; j++)
                if (ops313[j].name != NULL && strcmp(ops313[j].name, ops314[i].name) == 0)
                    map[i] = (short)j;
        }
        made = true;
    }
    return op >= 0 && op < 256 ? map[op] : -1;
}

/* The opcode, in 3.13's numbers when the code is 3.13's or 3.14's (3.12
 * keeps its own), of the instruction `op` of version `minor`. */
static int same_as_313(int minor, int op)
{
    return minor == 14 ? as313(op) : op;
}

const char *vm_version_opname(int minor, int op)
{
    return version_op(minor, op)->name;
}

int vm_version_caches(int minor, int op)
{
    return version_op(minor, op)->caches;
}

int vm_version_have_argument(int minor)
{
    return minor == 14 ? VM_HAVE_ARGUMENT_314 : minor == 13 ? VM_HAVE_ARGUMENT_313 : VM_HAVE_ARGUMENT;
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
        "INTRINSIC_SET_TYPEPARAM_DEFAULT",
    };
    if (nargs == 1)
        return which >= 0 && which <= VM_MAX_INTRINSIC_1 ? one[which] : NULL;
    return which >= 0 && which <= VM_MAX_INTRINSIC_2 ? two[which] : NULL;
}

/* CALL_INTRINSIC_1/2 whose intrinsic is a 3.11 instruction of the same
 * stack effect: that instruction (else the intrinsic call itself). */
static int intrinsic_as_instruction(bool one, int oparg)
{
    if (one) {
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
 * original had (it is the same or smaller, or FORMAT_WITH_SPEC's 4). */
static void put_oparg(uint16_t *out, size_t first, size_t op_unit, uint32_t oparg)
{
    for (size_t u = op_unit + 1; u-- > first; oparg >>= 8)
        out[u] = (uint16_t)((out[u] & 0xff) | (oparg & 0xff) << 8);
}

/* 3.12's changes of oparg (see vm/opcodes312.h). */
static int translate_312(int op, int to, bool prefixed, uint32_t *oparg)
{
    switch (op) {
    case OP312_COMPARE_OP:
        *oparg >>= 4;
        break;
    case OP312_YIELD_VALUE:             /* 3.11's takes no argument */
        *oparg = 0;
        break;
    case OP312_CALL_INTRINSIC_1: case OP312_CALL_INTRINSIC_2:
        if (!prefixed)
            to = intrinsic_as_instruction(op == OP312_CALL_INTRINSIC_1, (int)*oparg);
        if (to != OP_CALL_INTRINSIC_1 && to != OP_CALL_INTRINSIC_2)
            *oparg = 0;
        break;
    }
    return to;
}

/* 3.13's (see vm/opcodes313.h). */
static int translate_313(int op, int to, bool prefixed, uint32_t *oparg)
{
    switch (op) {
    case OP313_COMPARE_OP:
        *oparg >>= 5;
        break;
    case OP313_YIELD_VALUE:
        *oparg = 0;
        break;
    case OP313_RESUME:                  /* bit 2: the except depth */
        *oparg &= 3;
        break;
    case OP313_FORMAT_SIMPLE:
        *oparg = 0;
        break;
    case OP313_FORMAT_WITH_SPEC:
        *oparg = 4;
        break;
    case OP313_CONVERT_VALUE:           /* 1 str, 2 repr, 3 ascii: FORMAT_VALUE's */
        if (*oparg < 1 || *oparg > 3)
            to = VM_OP_INVALID;
        break;
    case OP313_MAKE_FUNCTION:
    case OP313_END_FOR:
        *oparg = 0;
        break;
    case OP313_CALL_INTRINSIC_1: case OP313_CALL_INTRINSIC_2:
        if (!prefixed)
            to = intrinsic_as_instruction(op == OP313_CALL_INTRINSIC_1, (int)*oparg);
        if (to != OP_CALL_INTRINSIC_1 && to != OP_CALL_INTRINSIC_2)
            *oparg = 0;
        break;
    }
    return to;
}

/* 3.14's (see vm/opcodes314.h); -1: as 3.13. */
static int translate_314(int op, uint32_t *oparg)
{
    switch (op) {
    case OP314_LOAD_SMALL_INT:
        return OP_LOAD_SMALL_INT;
    case OP314_LOAD_COMMON_CONSTANT:
        return *oparg <= 4 ? OP_LOAD_COMMON_CONSTANT : VM_OP_INVALID;
    case OP314_LOAD_SPECIAL:
        return *oparg <= 3 ? OP_LOAD_SPECIAL : VM_OP_INVALID;
    case OP314_BINARY_OP:               /* NB_SUBSCR: 3.13's BINARY_SUBSCR */
        if (*oparg == 2 * NB_INPLACE_OFFSET) {
            *oparg = 0;
            return OP_BINARY_SUBSCR_312;
        }
        return OP_BINARY_OP;
    case OP314_CALL_FUNCTION_EX:        /* always a kwargs slot, NULL for none */
        *oparg = 1;
        return OP_CALL_FUNCTION_EX_313;
    case OP314_WITH_EXCEPT_START:       /* __exit__ below its self slot */
        *oparg = 1;
        return OP_WITH_EXCEPT_START;
    case OP314_END_ASYNC_FOR:           /* its backward jump is for monitoring only */
        *oparg = 0;
        return OP_END_ASYNC_FOR;
    case OP314_BUILD_TEMPLATE:          /* TEMPLATE_STRING 0 */
        *oparg = 0;
        return OP_TEMPLATE_STRING;
    case OP314_BUILD_INTERPOLATION:     /* conversion << 2 | 2 | format: bit 1 always */
        return (*oparg & 2) && *oparg >> 2 <= 3 ? OP_TEMPLATE_STRING : VM_OP_INVALID;
    }
    return -1;
}

int vm_translate_op(int minor, int op, bool prefixed, uint32_t *oparg)
{
    int to = version_op(minor, op)->to;
    if (op < vm_version_have_argument(minor) && prefixed)
        return VM_OP_INVALID;           /* a prefix on an opcode without argument */
    if (minor == 14) {
        int own = translate_314(op, oparg);
        if (own >= 0)
            return own;
        if (as313(op) < 0)
            return to;
        return translate_313(as313(op), to, prefixed, oparg);
    }
    return minor == 13 ? translate_313(op, to, prefixed, oparg)
                       : translate_312(op, to, prefixed, oparg);
}

/* Translate the instruction whose prefixes start at unit `first` and whose
 * own unit is op_unit (code: the original units). */
static void translate_one(int minor, const uint16_t *code, uint16_t *out, size_t n,
                          size_t first, size_t op_unit, const uint8_t *kinds, size_t nkinds)
{
    int op = out[op_unit] & 0xff;
    int op13 = same_as_313(minor, op);
    uint32_t oparg = 0;
    for (size_t u = first; u <= op_unit; u++)
        oparg = oparg << 8 | (uint32_t)(out[u] >> 8);
    int yield = minor >= 13 ? OP313_YIELD_VALUE : OP312_YIELD_VALUE;
    for (size_t u = first; u < op_unit; u++)    /* 3.13 numbers it 71, 3.14 69 */
        out[u] = (uint16_t)((out[u] & 0xff00) | OP_EXTENDED_ARG);
    if (op13 == yield) {                /* its prefixes become NOPs */
        for (size_t u = first; u < op_unit; u++)
            out[u] = OP_NOP;
        first = op_unit;
    }
    int to = vm_translate_op(minor, op, op_unit > first, &oparg);
    /* 3.13 loads the cells of a closure with LOAD_FAST (3.14 also with
     * LOAD_FAST_BORROW): 3.11's LOAD_CLOSURE. */
    if (minor >= 13 && to == OP_LOAD_FAST && op13 != OP313_LOAD_FAST_CHECK && oparg < nkinds &&
        (kinds[oparg] & (CO_FAST_CELL | CO_FAST_FREE)))
        to = OP_LOAD_CLOSURE;
    /* 3.13 may close an ordinary loop with JUMP_BACKWARD_NO_INTERRUPT (a
     * `while` whose condition the compiler duplicated): outside the
     * `yield from` loop, whose back edge goes to its SEND, it is 3.11's
     * JUMP_BACKWARD, a safe point, so that Ctrl-C can stop the loop. */
    size_t target = op_unit + 1 - oparg;    /* wraps past unit 0: no unit */
    if (minor >= 13 && op13 == OP313_JUMP_BACKWARD_NO_INTERRUPT &&
        (target >= n || same_as_313(minor, code[target] & 0xff) != OP313_SEND))
        to = OP_JUMP_BACKWARD;          /* the verifier judges a target out of the code */
    out[op_unit] = (uint16_t)to;
    put_oparg(out, first, op_unit, oparg);
}

void vm_translate(int minor, const uint16_t *code, uint16_t *out, size_t n,
                  const uint8_t *kinds, size_t nkinds)
{
    int extended_arg = minor == 14 ? OP314_EXTENDED_ARG
                     : minor == 13 ? OP313_EXTENDED_ARG : OP312_EXTENDED_ARG;
    memcpy(out, code, n * sizeof *out);
    for (size_t i = 0; i < n;) {
        size_t op_unit = i;
        while (op_unit + 1 < n && (out[op_unit] & 0xff) == extended_arg)
            op_unit++;
        int op = out[op_unit] & 0xff;
        size_t end = op_unit + 1 + (size_t)vm_version_caches(minor, op);
        translate_one(minor, code, out, n, i, op_unit, kinds, nkinds);
        size_t caches = vm_opcode_info[out[op_unit] & 0xff].caches;
        for (size_t u = op_unit + 1; u < end && u < n; u++)
            out[u] = u <= op_unit + caches ? OP_CACHE : OP_NOP;
        i = end;
    }
}

bool vm_yield_at_depth1(int minor, const uint16_t *code, size_t n, size_t i)
{
    if (i + 1 >= n)
        return false;
    int op = code[i] & 0xff, arg = code[i] >> 8;
    if (minor == 12)
        return op == OP312_YIELD_VALUE && arg == 1 &&
               (i == 0 || (code[i - 1] & 0xff) != OP312_EXTENDED_ARG);
    return minor >= 13 && same_as_313(minor, op) == OP313_YIELD_VALUE &&
           same_as_313(minor, code[i + 1] & 0xff) == OP313_RESUME &&
           (code[i + 1] >> 8 & RESUME_DEPTH1) != 0;
}
