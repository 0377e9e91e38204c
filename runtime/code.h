/*
 * code.h — what code.c offers beyond func.h: source positions of
 * instructions (for traceback carets and the disassembler) and the code
 * type's start-up hook.
 *
 * func.h declares rt_code_alloc, rt_code_init and rt_code_line.
 */
#ifndef PVM_CODE_H
#define PVM_CODE_H

#include <stdbool.h>
#include "object.h"

/* The source span of the instruction at code-unit index `lasti`, decoded
 * from CPython 3.11's location table (co_linetable; see code.c).  Returns
 * false when the instruction has no entry (past the table's end, or a
 * corrupt table).  Missing parts are -1: *line for "no location", the
 * columns for entries that carry only a line.  Columns are UTF-8 byte
 * offsets into the source line, end exclusive, as in co_positions(). */
bool rt_code_position(const ObjCode *code, int lasti, int *line, int *end_line,
                      int *col, int *end_col);

/* CPython's config.code_debug_ranges: true unless -X no_debug_ranges or
 * PYTHONNODEBUGRANGES asked for line numbers only.  When false, every
 * position reads as its line alone (end line = line, no columns), which
 * is what CPython's code objects then report: no carets in tracebacks,
 * None columns in co_positions(). */
extern bool rt_code_debug_ranges;

/* The line of each of code's units (-1 where none), decoded once and
 * kept in the code object: CPython's _co_linearray. */
const int *rt_code_lines(ObjCode *code);

/* What is wrong with co's fields for pvm to run it — CPython's
 * _PyCode_Validate, plus what pvm's VM relies on (slot kinds, arguments
 * that are locals, stack size, known flags) — as a message in buf (or a
 * constant string); NULL when nothing is.  The loader asks it of every
 * code object it reads, CodeType() and code.replace() of the ones they
 * make. */
const char *rt_code_problem(const ObjCode *co, char *buf, size_t size);

/* Ready rt_code_type (called by rt_exceptions_init). */
void rt_code_type_init(void);

#endif
