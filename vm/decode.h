/*
 * decode.h — reading a code object's bytecode: the instruction walk and
 * the exception table.
 *
 * The format is vm/opcodes.h's: 16-bit code units, EXTENDED_ARG prefixes,
 * inline caches, relative jumps.  Everything that reads bytecode outside
 * the loop's own fetch uses these two walks: the unwinder (vm/eval.c looks
 * up handlers in the exception table), the disassembler, tracer and
 * debugger (tools/), and the bytecode verifier (vm/verify.c, which
 * decodes on its own to keep every problem it finds).  The walks trust
 * nothing: a code object comes from a file, so every read is bounded and
 * a malformed table simply ends the walk.
 */
#ifndef PVM_DECODE_H
#define PVM_DECODE_H

#include <stdbool.h>
#include <stdint.h>
#include "runtime/object.h"

/* Opcodes from this number up carry an oparg (Lib/opcode.py's
 * HAVE_ARGUMENT); below it the oparg byte is ignored. */
#define VM_HAVE_ARGUMENT 90

/* ---- the instruction walk ---------------------------------------------------- */

/* One instruction as dis.py's _unpack_opargs yields it: an EXTENDED_ARG
 * prefix is an instruction of its own, showing the bits gathered so far,
 * and the instruction it widens carries the whole oparg. */
typedef struct VmInstr {
    int offset;                 /* byte offset of the opcode (2 x code-unit index) */
    int opcode;                 /* a base 3.11 opcode, for the operand and caches */
    int specialized;            /* adaptive walk: the specialized form, else 0 */
    int opver;                  /* 3.12 or 3.13 code: the version's own opcode
                                   (opcode is what pvm runs for it,
                                   vm/translate.c); else -1 */
    bool has_arg;               /* opcode >= VM_HAVE_ARGUMENT */
    int64_t arg;                /* the oparg, EXTENDED_ARG prefixes included */
} VmInstr;

/* The walk: start with {code, 0, 0}.  Cache units are skipped.  It reads
 * co_code as loaded; with `adaptive` set, the code units the loop runs,
 * where specialized forms (vm/specialize.h) may have replaced instructions
 * (their base instruction's operand and caches apply). */
typedef struct VmDecoder {
    const ObjCode *code;
    size_t unit;                /* next code unit to read */
    int64_t extended;           /* high bits left by EXTENDED_ARG */
    bool adaptive;
} VmDecoder;

/* Decode the next instruction; false at the end of the code. */
bool vm_decode_next(VmDecoder *d, VmInstr *out);

/* Where a jump instruction goes (a byte offset, which may lie outside the
 * code: the caller checks); false if it is no jump. */
bool vm_jump_target(const VmInstr *in, int *target);

/* ---- the exception table ------------------------------------------------------- */

/* 3.11 replaced the block stack (SETUP_FINALLY and friends) with a table,
 * co_exceptiontable: "zero-cost" exceptions, since entering a try block
 * costs no instruction at all; only raising pays, by a table search.  Each
 * entry says: an exception raised by an instruction in [start, end) goes
 * to handler `target`, after the value stack is cut back to `depth` items
 * (and, if `lasti`, the offset of the raising instruction is pushed, for
 * RERAISE to restore), with the exception pushed on top.  Entries are
 * sorted by start and do not overlap, so innermost handlers come first
 * naturally (the compiler splits outer ranges around inner ones).
 * CPython's Objects/exception_handling_notes.txt tells the whole story.
 * Positions here are code units (dis shows them doubled, as bytes). */
typedef struct VmExcEntry {
    int start, end;             /* covered: [start, end) */
    int target, depth;
    bool lasti;                 /* push the raising instruction's offset too */
} VmExcEntry;

/* The walk over a code object's table: vm_exc_table_start, then
 * vm_exc_table_next until it returns false (the end, or a truncated or
 * oversized entry, which ends the table as it ends dis's). */
typedef struct VmExcTable {
    const uint8_t *p, *end;
} VmExcTable;

void vm_exc_table_start(VmExcTable *t, const ObjCode *code);
bool vm_exc_table_next(VmExcTable *t, VmExcEntry *e);

#endif
