/*
 * dis.h — the disassembler: CPython 3.11 bytecode as text, exactly as
 * python3.11's dis module prints it, so that pvm's listing and CPython's
 * can be compared with diff.
 *
 * The pieces are exported separately because the tracer prints the same
 * instruction lines one at a time while the program runs:
 *
 *   VmDecoder / vm_dis_next      walk the instructions of a code object
 *                                (EXTENDED_ARG folded in, caches skipped)
 *   tool_dis_argrepr             the "(...)" detail after the oparg
 *   tool_dis_format_instr        one listing line
 *   tool_disassemble             one code object (dis.disassemble)
 *   tool_dis_recursive           it and every nested code object (dis.dis)
 *
 * The decoding half (VmInstr, VmDecoder, vm_dis_next, vm_dis_jump_target,
 * VmExcEntry, vm_dis_exception_table) is how the machine reads bytecode,
 * not printing, so it keeps the vm_ prefix; the printing half is tool_.
 */
#ifndef PVM_DIS_H
#define PVM_DIS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "runtime/object.h"
#include "runtime/str.h"

/* Opcodes from this number up carry an oparg (Lib/opcode.py's
 * HAVE_ARGUMENT); below it the oparg byte is ignored. */
#define VM_HAVE_ARGUMENT 90

/* One instruction as dis.py's _unpack_opargs yields it. */
typedef struct VmInstr {
    int offset;                 /* byte offset of the opcode (2 x code-unit index) */
    int opcode;
    bool has_arg;               /* opcode >= VM_HAVE_ARGUMENT */
    int64_t arg;                /* the oparg, EXTENDED_ARG prefixes included */
} VmInstr;

/* The instruction walk: start with {code, 0, 0}. */
typedef struct VmDecoder {
    const ObjCode *code;
    size_t unit;                /* next code unit to read */
    int64_t extended;           /* high bits left by EXTENDED_ARG */
} VmDecoder;

/* Decode the next instruction; false at the end of the code. */
bool vm_dis_next(VmDecoder *d, VmInstr *out);

/* The opcode's name ("LOAD_CONST"), or "<N>" for a byte that is not a
 * 3.11 opcode (buf holds that text; 8 bytes suffice). */
const char *tool_dis_opname(int opcode, char buf[8]);

/* Where a jump instruction goes (a byte offset); false if it is no jump. */
bool vm_dis_jump_target(const VmInstr *in, int *target);

/* Append the argument detail dis shows in parentheses ("NULL + print",
 * "to 24", "'hi'") to sb; appends nothing when dis shows none. */
void tool_dis_argrepr(StrBuf *sb, const ObjCode *code, const VmInstr *in);

/* The column widths of a listing (dis.py's lineno_width, offset_width). */
typedef struct ToolDisWidths {
    int lineno;                 /* 0: no line-number column */
    int offset;
} ToolDisWidths;

/* Append one listing line (no newline): line number (or -1 for none),
 * "-->" when `current`, ">>" when the instruction is a jump target. */
void tool_dis_format_instr(StrBuf *sb, const ObjCode *code, const VmInstr *in,
                           int line, bool current, bool is_target, ToolDisWidths w);

/* Print the listing of one code object, its exception table included
 * (dis.disassemble).  `lasti` is the byte offset to mark "-->", or -1. */
void tool_disassemble(FILE *out, const ObjCode *code, int lasti);

/* dis.dis(code): the listing, then "Disassembly of <code object ...>:"
 * and the listing of each code object among the constants, recursively. */
void tool_dis_recursive(FILE *out, const ObjCode *code);

/* One exception-table entry, offsets in bytes as dis shows them. */
typedef struct VmExcEntry {
    int start, end;             /* covered: [start, end) */
    int target, depth;
    bool lasti;                 /* push the raising instruction's offset too */
} VmExcEntry;

/* Decode co_exceptiontable into a GC-allocated array; *n gets the count.
 * A truncated last entry is dropped, as dis does. */
VmExcEntry *vm_dis_exception_table(const ObjCode *code, size_t *n);

#endif
