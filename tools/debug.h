/*
 * debug.h — `pvm debug FILE.pyc [ARGS]`: an interactive debugger that
 * stops at bytecode instructions.  It steps by instruction or by source
 * line, stops at breakpoints (a line, a function, an offset in a
 * function), and shows the frames, the value stack, locals, globals, the
 * disassembly with an arrow at the next instruction and the source.
 * The commands are listed in docs/tools.md and by its `help` command.
 *
 * Like the tracer it watches the program through the loop's step hook
 * only (vm_set_step_hook): at a stop, the hook simply does not return
 * until a command resumes the program.
 *
 * Commands come from GNU readline (history, tab completion of commands
 * and names) when stdin is a terminal; otherwise lines are read plainly
 * and each is echoed after the prompt, so that a scripted session's output
 * reads as a transcript (tests/debug/).
 */
#ifndef PVM_DEBUG_H
#define PVM_DEBUG_H

/* argv[1] is "debug", argv[2] the program: install the hook (the debugger
 * stops before the first instruction) and return 2, the index of the
 * program's file, which the caller then runs as usual; -1 after a usage
 * error.  tool_debug_finish runs at exit. */
int tool_debug_main(int argc, char **argv);

/* Say that the program has finished and remove the hook.  Call it when
 * vm_run_module returns (an uncaught exception's traceback follows). */
void tool_debug_finish(void);

#endif
