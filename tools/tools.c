/*
 * tools.c — the entry point of the pvm subcommands (see tools.h).
 *
 * `pvm dis` and `pvm info` load the file as `pvm FILE.pyc` would
 * (loader/pyc.h checks the header and every byte of the marshalled body),
 * then print instead of running.  They skip the bytecode verifier: they
 * never run the code, and a file the verifier rejects is exactly one a
 * reader may want to disassemble.  The work is done by tools/dis.c and
 * tools/info.c.
 *
 * `pvm trace` and `pvm debug` run the program, watching it through the
 * loop's step hook (tools/trace.c, tools/debug.c).  Running a program (sys.path,
 * the __main__ module, sys.argv, exit status) is main()'s job, so these
 * two parse their own options, install their hook, and hand the command
 * line back to main() with every word before the program replaced by
 * "-B", an option main() accepts and ignores: `pvm trace --steps 5 p.pyc x`
 * continues as `pvm -B -B -B p.pyc x`.  (A stopgap until main() calls
 * tool_trace_main/tool_debug_main itself.)
 */
#include <string.h>
#include "loader/pyc.h"
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "tools/debug.h"
#include "tools/dis.h"
#include "tools/tools.h"
#include "tools/trace.h"

/* The tools that only look at the file: each receives the checked header
 * and the unmarshalled top-level code object, and never runs it. */
typedef void (*ToolFunc)(const char *path, const PycHeader *header, const ObjCode *code);

static void run_dis(const char *path, const PycHeader *header, const ObjCode *code)
{
    tool_dis_recursive(stdout, code);
}

static void run_info(const char *path, const PycHeader *header, const ObjCode *code)
{
    tool_info_header(stdout, path, header);
    fputc('\n', stdout);
    tool_info_code_recursive(stdout, code);
}

static const struct {
    const char *name;
    ToolFunc run;
} tools[] = {
    { "dis", run_dis },
    { "info", run_info },
};

/* Load the file and hand its top-level code object to the tool. */
static int run_tool(const char *name, ToolFunc run, int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: pvm %s FILE.pyc\n", name);
        return 2;
    }
    rt_init();
    char err[512];
    PycHeader header;
    if (ld_pyc_file_minor(argv[2]) != 0)
        rt_py_minor = ld_pyc_file_minor(argv[2]);
    Value code = ld_load_pyc_file_opt(argv[2], LD_NO_VERIFY, &header, err, sizeof err);
    if (code == VAL_NULL) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    run(argv[2], &header, AS_CODE(code));
    return fflush(stdout) == 0 ? 0 : 1;
}

/* `pvm verify FILE...`: load each file as `pvm FILE` would, which runs
 * the bytecode verifier on every code object in it, and print one line
 * per file that fails (the line `pvm FILE` would print).  Exit status 1
 * when any failed.  Used to check the whole standard library
 * (make verify-stdlib). */
static int run_verify(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: pvm verify FILE.pyc...\n");
        return 2;
    }
    rt_init();
    int bad = 0;
    for (int i = 2; i < argc; i++) {
        char err[512];
        if (ld_pyc_file_minor(argv[i]) != 0)   /* each file as the version it is */
            rt_py_minor = ld_pyc_file_minor(argv[i]);
        if (ld_load_pyc_file(argv[i], NULL, err, sizeof err) == VAL_NULL) {
            fprintf(stderr, "%s\n", err);
            bad++;
        }
    }
    printf("verify: %d files, %d rejected\n", argc - 2, bad);
    return bad ? 1 : 0;
}

/* Replace argv[1 .. first) — the subcommand and its options — by "-B". */
static void hand_back(char **argv, int first)
{
    static char ignored[] = "-B";
    for (int i = 1; i < first; i++)
        argv[i] = ignored;
}

/* The tools that run the program: their main parses argv and returns the
 * index of the program's file, or -1 after a usage error. */
static const struct {
    const char *name;
    int (*main)(int argc, char **argv);
} runners[] = {
    { "trace", tool_trace_main },
    { "debug", tool_debug_main },
};

/* `pvm dis --adaptive FILE [ARGS]`: run the program, then list its
 * top-level code (and the code nested in it) as the loop left it, with
 * the specialized forms it chose (tool_after_run). */
static bool dis_after_run;

static int dis_adaptive_main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: pvm dis --adaptive FILE [ARG...]\n");
        return -1;
    }
    dis_after_run = true;
    return 3;
}

void tool_after_run(const ObjCode *main_code)
{
    if (!dis_after_run || main_code == NULL)
        return;
    tool_dis_adaptive = true;
    rt_stdout_flush();
    tool_dis_recursive(stdout, main_code);
    fflush(stdout);
}

/* Called by main() first: a subcommand's exit status (0 or more) when a
 * tool ran to completion, or -1 for "carry on running a program" (no
 * subcommand, or trace/debug having set up their hook and rewritten argv). */
int tool_main(int argc, char **argv)
{
    if (argc < 2)
        return -1;
    if (argc >= 3 && strcmp(argv[1], "dis") == 0 && strcmp(argv[2], "--adaptive") == 0) {
        int first = dis_adaptive_main(argc, argv);
        if (first < 0)
            return 2;
        hand_back(argv, first);
        return -1;
    }
    for (size_t i = 0; i < sizeof runners / sizeof runners[0]; i++) {
        if (strcmp(argv[1], runners[i].name) == 0) {
            int first = runners[i].main(argc, argv);
            if (first < 0)
                return 2;
            hand_back(argv, first);
            return -1;
        }
    }
    if (strcmp(argv[1], "verify") == 0)
        return run_verify(argc, argv);
    for (size_t i = 0; i < sizeof tools / sizeof tools[0]; i++)
        if (strcmp(argv[1], tools[i].name) == 0)
            return run_tool(tools[i].name, tools[i].run, argc, argv);
    return -1;
}
