/*
 * tools.h — the pvm subcommands that look at a .pyc without running it:
 *
 *   pvm dis FILE.pyc     the bytecode listing python3.11's dis.dis() prints
 *   pvm info FILE.pyc    the header explained and every code object summarised
 *   pvm dis --adaptive FILE.pyc [ARGS]   run it, then the listing with the
 *                        specialized instructions the loop chose
 *
 * and those that run it under watch (tools/trace.h, tools/debug.h):
 *
 *   pvm trace [OPTIONS] FILE.pyc [ARGS]    every instruction as it executes
 *   pvm debug FILE.pyc [ARGS]              an interactive bytecode debugger
 *
 * main() calls tool_main first; it returns -1 when argv[1] names no tool
 * (then pvm runs the file as usual), otherwise the tool's exit status:
 * 0 done, 1 the file could not be loaded, 2 a usage error.  trace and
 * debug also return -1 once their hook is installed: main() then runs the
 * program (tools.c explains how argv is handed back).
 */
#ifndef PVM_TOOLS_H
#define PVM_TOOLS_H

#include <stdio.h>
#include "loader/pyc.h"
#include "runtime/object.h"

int tool_main(int argc, char **argv);

/* Called by main() after the program ran (main_code: the code object of
 * the script, NULL for -m, -c, stdin): `pvm dis --adaptive` prints its
 * listing then; otherwise nothing. */
void tool_after_run(const ObjCode *main_code);

/* `pvm info` (tools/info.c): the 16-byte header of the file at path... */
void tool_info_header(FILE *out, const char *path, const PycHeader *header);
/* ...and one code object, in the layout of python3.11's dis.code_info()
 * plus its qualified name and first line, then its nested code objects. */
void tool_info_code_recursive(FILE *out, const ObjCode *code);

#endif
