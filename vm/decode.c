/*
 * decode.c — the instruction walk and the exception table (see decode.h).
 */
#include "runtime/runtime.h"
#include "vm/decode.h"
#include "vm/opcodes.h"
#include "vm/translate.h"

/* ---- the instruction walk ---------------------------------------------------- */

/* Opargs are C ints in CPython: once the gathered EXTENDED_ARG bits reach
 * 2**31 they wrap to a negative number, and dis.py imitates that. */
static int64_t wrap_extended(int64_t bits)
{
    if (bits >= ((int64_t)1 << 31))
        bits -= (int64_t)1 << 32;
    return bits;
}

bool vm_decode_next(VmDecoder *d, VmInstr *out)
{
    if (d->unit >= d->code->ninstrs)
        return false;
    /* co_code as loaded, not the copy the loop runs and specializes
     * (unless the walk asks for that: dis --adaptive). */
    const uint16_t *units = d->adaptive ? d->code->instrs
                                        : (const uint16_t *)AS_BYTES(d->code->code)->data;
    uint16_t unit = units[d->unit];
    /* A code unit is stored little-endian: opcode in the low byte. */
    int opcode = unit & 0xff, oparg = unit >> 8;
    if (d->adaptive && vm_base_opcode(opcode) != opcode) {
        out->specialized = opcode;
        opcode = vm_base_opcode(opcode);
    } else {
        out->specialized = 0;
    }
    /* 3.12's or 3.13's co_code: its own numbers and caches; the kind of
     * operand is that of the instruction pvm runs for it.  The adaptive
     * walk reads the instruction there too (the translation keeps every
     * offset), and only the specialized form from the loop's copy. */
    out->opver = -1;
    int caches = vm_opcode_info[opcode].caches;
    int minor = d->code->pyminor;
    if (minor >= 12) {
        uint32_t translated = 0;
        unit = ((const uint16_t *)AS_BYTES(d->code->code)->data)[d->unit];
        opcode = unit & 0xff;
        oparg = unit >> 8;
        out->opver = opcode;
        caches = vm_version_caches(minor, opcode);
        opcode = vm_translate_op(minor, opcode, false, &translated);
    }
    out->offset = (int)(2 * d->unit);
    out->opcode = opcode;
    out->has_arg = out->opver >= 0 ? out->opver >= vm_version_have_argument(minor)
                                   : opcode >= VM_HAVE_ARGUMENT;
    out->arg = 0;
    if (out->has_arg) {
        out->arg = oparg | d->extended;
        d->extended = opcode == OP_EXTENDED_ARG
                    ? wrap_extended((int64_t)((uint64_t)out->arg << 8)) : 0;
    } else {
        d->extended = 0;
    }
    d->unit += 1 + (size_t)caches;
    return true;
}

/* Relative to the unit after the jump and its caches (3.11's jumps have
 * none; 3.12's FOR_ITER and SEND one), forward or backward as the operand kind says. */
bool vm_jump_target(const VmInstr *in, int *target)
{
    OperandKind kind = vm_opcode_info[in->opcode].kind;
    if (!in->has_arg || (kind != OPK_JFWD && kind != OPK_JBACK))
        return false;
    int64_t distance = kind == OPK_JBACK ? -in->arg : in->arg;
    int64_t t = in->offset + 2 + 2 * vm_opcode_info[in->opcode].caches + 2 * distance;
    if (t < INT32_MIN || t > INT32_MAX)
        return false;
    *target = (int)t;
    return true;
}

/* ---- the exception table ------------------------------------------------------- */

/* The table's varints: 6-bit groups, most significant first, bit 0x40
 * meaning "more follows" (bit 0x80 marks the first byte of an entry).
 * False at the end of the table, and for values too large to be positions
 * in any real code (2**28 and up), so that nothing computed from them, such
 * as dis's byte offsets, can overflow an int. */
static bool read_varint(VmExcTable *t, int *out)
{
    if (t->p >= t->end)
        return false;
    unsigned b = *t->p++;
    unsigned value = b & 63;
    while (b & 64) {
        if (t->p >= t->end || value >= (1u << 22))
            return false;
        b = *t->p++;
        value = (value << 6) | (b & 63);
    }
    *out = (int)value;
    return true;
}

void vm_exc_table_start(VmExcTable *t, const ObjCode *code)
{
    t->p = t->end = NULL;
    if (code->exceptiontable == VAL_NULL || !IS_EXACT(code->exceptiontable, rt_bytes_type))
        return;
    const ObjBytes *table = AS_BYTES(code->exceptiontable);
    t->p = table->data;
    t->end = t->p + table->length;
}

/* Each entry is four varints: start, length, target, depth << 1 | lasti. */
bool vm_exc_table_next(VmExcTable *t, VmExcEntry *e)
{
    int start, length, target, dl;
    if (!read_varint(t, &start) || !read_varint(t, &length) ||
        !read_varint(t, &target) || !read_varint(t, &dl)) {
        t->p = t->end;                  /* a truncated entry ends the table */
        return false;
    }
    e->start = start;
    e->end = start + length;
    e->target = target;
    e->depth = dl >> 1;
    e->lasti = dl & 1;
    return true;
}
