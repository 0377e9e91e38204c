/*
 * repl.h — the interactive prompt (`pvm` alone, with a terminal on stdin).
 */
#ifndef PVM_REPL_H
#define PVM_REPL_H

#include <stdbool.h>
#include "runtime/object.h"

/* Read, compile, run and show statements typed at the terminal, in the
 * namespace `globals` (__main__'s dict), until end of input: returns
 * rt_None then, or VAL_NULL with the SystemExit that ended the session
 * set.  quiet (-q): no banner. */
Value tools_repl(Value globals, bool quiet);

/* A new sys.__interactivehook__, which start-up installs unless -I or -S
 * (as CPython's site module): the prompt's completion and history. */
Value tools_interactive_hook(void);

#endif
