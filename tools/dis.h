/*
 * dis.h — the disassembler: CPython 3.11 bytecode as text, exactly as
 * python3.11's dis module prints it, so that pvm's listing and CPython's
 * can be compared with diff.
 *
 * The pieces are exported separately because the tracer prints the same
 * instruction lines one at a time while the program runs.  The
 * instructions themselves come from vm/decode.h (VmDecoder,
 * vm_decode_next: EXTENDED_ARG folded in, caches skipped):
 *
 *   tool_dis_argrepr             the "(...)" detail after the oparg
 *   tool_dis_format_instr        one listing line
 *   tool_disassemble             one code object (dis.disassemble)
 *   tool_dis_recursive           it and every nested code object (dis.dis)
 */
#ifndef PVM_DIS_H
#define PVM_DIS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "runtime/object.h"
#include "runtime/str.h"
#include "vm/decode.h"

/* The opcode's name ("LOAD_CONST"), or "<N>" for a byte that is not a
 * 3.11 opcode (buf holds that text; 8 bytes suffice). */
const char *tool_dis_opname(int opcode, char buf[8]);

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

/* Whether listings show the code as the loop runs it, specialized forms
 * included (`pvm dis --adaptive`, as CPython 3.12's dis(adaptive=True)),
 * rather than co_code as loaded. */
extern bool tool_dis_adaptive;

/* Print the listing of one code object, its exception table included
 * (dis.disassemble).  `lasti` is the byte offset to mark "-->", or -1. */
void tool_disassemble(FILE *out, const ObjCode *code, int lasti);

/* dis.dis(code): the listing, then "Disassembly of <code object ...>:"
 * and the listing of each code object among the constants, recursively. */
void tool_dis_recursive(FILE *out, const ObjCode *code);

#endif
