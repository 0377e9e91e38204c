/*
 * trace.h — the instruction tracer: `pvm trace FILE.pyc` prints every
 * instruction the loop executes, one line each, in the columns of
 * `pvm dis` plus the function, the source line and the value stack after
 * the instruction.  See docs/tools.md for the layout and the options.
 *
 * The tracer sees the program through the loop's step hook only
 * (vm_set_step_hook in vm.h): the hook is called before each instruction
 * with the frame, the instruction and the stack pointer.  What an
 * instruction did is therefore known at the *next* call, and the line of
 * an instruction is printed then (see trace.c).
 *
 * The pieces the debugger (tools/debug.c) shares are exported too: decoding
 * the instruction at a pointer, and "value summaries" — reprs that never
 * run Python code and never show addresses, so a trace is the same from
 * run to run.
 */
#ifndef PVM_TRACE_H
#define PVM_TRACE_H

#include <stdbool.h>
#include <stdio.h>
#include "runtime/object.h"
#include "runtime/str.h"
#include "tools/dis.h"
#include "vm/frame.h"

/* What to trace.  Zero (or NULL) fields mean "no limit". */
typedef struct ToolTraceOptions {
    const char *function;       /* only frames of code with this name or qualname */
    int line_from, line_to;     /* only lines in [from, to] of the main file */
    long steps;                 /* stop tracing after this many lines */
    int width;                  /* the stack column's width (default 60) */
    FILE *out;                  /* default stderr */
} ToolTraceOptions;

/* Parse the options of `pvm trace` from argv[*i] on, up to the first
 * argument that is not an option (the program); *i is left there.
 * Returns false after printing a usage message to stderr. */
bool tool_trace_parse_options(int argc, char **argv, int *i, ToolTraceOptions *opts);

/* Install the hook: tracing starts with the next instruction.  The options
 * are copied. */
void tool_trace_start(const ToolTraceOptions *opts);
/* Print the last instruction's line (its effect can no longer be seen)
 * and remove the hook.  Call it when vm_run_module returns, before an
 * uncaught exception's traceback is printed. */
void tool_trace_finish(void);

/* `pvm trace [OPTIONS] FILE.pyc [ARGS]`, argv[1] being "trace" (tools/tools.c
 * calls it): parse the options, start tracing (tool_trace_finish runs at
 * exit), and return the index in argv of the program's file, which the
 * caller then runs as usual; -1 after a usage error (status 2). */
int tool_trace_main(int argc, char **argv);

/* ---- shared with the debugger ------------------------------------------ */

/* The instruction at `instr` in code (EXTENDED_ARG prefixes folded in, as
 * dis shows it) and its source line (-1: none).  False if instr is not
 * the start of an instruction. */
bool tool_trace_decode(const ObjCode *code, const uint16_t *instr, VmInstr *out, int *line);

/* Does an exception handler (an exception-table target) start at instr? */
bool tool_trace_is_handler(const ObjCode *code, const uint16_t *instr);

/* A value as text for a trace or a debugger listing: the repr for
 * numbers, strings, bytes, None, bools and the containers of them; a
 * short description for everything else ("<function f>", "<Point
 * object>", "NULL"); cut to about `width` bytes with "...". */
void tool_trace_value(StrBuf *sb, Value v, int width);

/* The value stack base..sp as "[a, b, c]" (bottom first), at most about
 * `width` bytes: when longer, the bottom entries give way to "...". */
void tool_trace_stack(StrBuf *sb, const Value *base, const Value *sp, int width);

#endif
