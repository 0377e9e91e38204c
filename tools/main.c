/*
 * main.c — the `pvm` command: python3.11's command line, for bytecode.
 *
 *   pvm [options] FILE.pyc [args...]   run a compiled file
 *   pvm [options] FILE.py  [args...]   run FILE.py's cached bytecode
 *                                       (__pycache__/FILE.cpython-311.pyc)
 *   pvm [options] -m MODULE [args...]  run a module found on sys.path
 *
 * As python3.11 does: sys.argv[0] is the script as given (for -m, the
 * module's full path); sys.path[0] is the script's directory (for -m, the
 * current directory), followed by the PYTHONPATH entries; the script runs as
 * the module __main__.  Exit status: 0; 1 for an uncaught exception or a
 * file that cannot be loaded; 2 for a usage error; SystemExit's code
 * otherwise (see exit_status); 130 after an uncaught KeyboardInterrupt.
 */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "loader/import.h"
#include "loader/pyc.h"
#include "runtime/runtime.h"
#include "modules/api.h"
#include "runtime/version.h"
#include "vm/vm.h"
#include "tools/tools.h"

static const char usage_line[] = "usage: pvm [option] ... [-m mod | file] [arg] ...\n";

static const char usage_text[] =
    "Run CPython 3.11 bytecode: a .pyc written by python3.11 -m py_compile,\n"
    "or a .py whose up-to-date .pyc is in __pycache__ (pvm has no compiler).\n"
    "Options:\n"
    "  -h, --help  print this help message and exit\n"
    "  -m mod      run library module as a script (terminates option list)\n"
    "  -O          use .opt-1.pyc bytecode; sets __debug__ = False, sys.flags.optimize = 1\n"
    "  -OO         use .opt-2.pyc bytecode; sys.flags.optimize = 2\n"
    "  -B -E -s -S -u -I   accepted and ignored (pvm writes no bytecode and has no site)\n"
    "  -V, --version  print the version number and exit\n"
    "  -X heaplimit=SIZE  the heap may not grow past SIZE bytes (suffix K, M or G):\n"
    "                     beyond it, MemoryError; other -X options are ignored\n"
    "  -c cmd      not supported: pvm cannot compile a program passed as a string\n"
    "file          program read from a .pyc file (or a .py with cached bytecode)\n"
    "arg ...       arguments passed to the program in sys.argv[1:]\n"
    "Environment: PYTHONPATH (':'-separated directories added to sys.path);\n"
    "PVM_HEAPLIMIT=SIZE (as -X heaplimit=SIZE).\n"
    "pvm options (see vm/README.md):\n"
    "  --dispatch=NAME   how the eval loop dispatches: one of --list-dispatch\n"
    "  --list-dispatch   list the dispatch strategies built in (default marked)\n"
    "  --stats           after the program, print to stderr how often each opcode\n"
    "                    and each pair of opcodes ran\n"
    "Tools:\n"
    "  pvm dis FILE.pyc    disassemble, exactly as python3.11's dis.dis prints it\n"
    "  pvm info FILE.pyc   explain the header and summarise each code object\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fputs(usage_line, stderr);
    fputs("Try `pvm -h' for more information.\n", stderr);
    return 2;
}

/* ---- exit status ------------------------------------------------------------- */

/* An uncaught SystemExit (CPython's handle_system_exit): None → 0; an int →
 * its low 8 bits (what the Linux exit status keeps); anything else is
 * printed to stderr and gives 1. */
static int system_exit_status(Value exc)
{
    Value code = AS_EXC(exc)->extra;
    if (code == VAL_NULL || code == rt_None)
        return 0;
    if (is_int(code) || is_bool(code)) {
        int64_t status;
        if (rt_int_as_i64(code, &status))
            return (int)(status & 0xff);
        rt_err_clear();             /* PyLong_AsLong overflows to -1: exit(-1) */
        return 0xff;
    }
    if (!rt_stdout_flush())
        rt_err_clear();             /* reported by final_flush */
    Value s = rt_str(code);
    if (s != VAL_NULL)
        fprintf(stderr, "%s\n", rt_str_cstr(s));
    rt_err_clear();
    return 1;
}

/* After an uncaught KeyboardInterrupt CPython kills itself with SIGINT, so
 * that the shell sees "killed by Ctrl-C" (status 130, 128 + SIGINT) and a
 * calling shell script stops too (Modules/main.c, exit_sigint). */
static void exit_sigint(void)
{
    fflush(stderr);
    signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
    exit(130);                          /* if the signal did not end us */
}

/* The output still buffered when the program ends, as CPython's final
 * flush of sys.stdout (flush_std_files): a failure — the reader of the
 * pipe went away, the disk is full — is reported as an exception that
 * could not be raised anywhere, and the exit status becomes 120. */
static int final_flush(int status)
{
    if (!rt_stdout_flush()) {
        Value exc = rt_err_fetch();
        fputs("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' "
              "encoding='utf-8'>\n", stderr);
        rt_print_exception(exc);
        status = 120;
    }
    /* A write to stderr failed (sys.stderr.write, a traceback): CPython's
     * final flush of sys.stderr fails too, silently, with the same status. */
    if (fflush(stderr) != 0 || ferror(stderr))
        status = 120;
    return status;
}

/* Run a code object as __main__ and turn the outcome into an exit status.
 * The order matters for byte-identical output: the program's buffered
 * stdout is flushed before the traceback goes to stderr, as CPython's
 * teardown does, so a test harness that merges the two sees the same
 * interleaving. */
static int run_main(Value code, Value module)
{
    Value result = vm_run_module(AS_CODE(code), VAL_AS(ObjModule, module)->dict);
    if (result != VAL_NULL)
        return final_flush(0);
    Value exc = rt_err_fetch();
    if (rt_isinstance_of(exc, &rt_SystemExit))
        return final_flush(system_exit_status(exc));
    rt_print_exception(exc);
    int status = final_flush(1);
    if (rt_isinstance_of(exc, &rt_KeyboardInterrupt))
        exit_sigint();
    return status;
}

/* ---- the __main__ module and sys.path ------------------------------------------ */

/* sys.modules['__main__'], with the attributes a script gets. */
static Value main_module(Value file, Value package, Value cached)
{
    Value m = rt_module_new(rt_str_from_cstr("__main__"));
    Value d = VAL_AS(ObjModule, m)->dict;
    rt_dict_set_cstr(d, "__package__", package);
    rt_dict_set_cstr(d, "__loader__", rt_None);
    rt_dict_set_cstr(d, "__spec__", rt_None);
    rt_dict_set_cstr(d, "__annotations__", rt_dict_new());
    rt_dict_set_cstr(d, "__builtins__", rt_builtins_dict);
    rt_dict_set_cstr(d, "__file__", file);
    rt_dict_set_cstr(d, "__cached__", cached);
    rt_dict_set_cstr(mod_sys_modules(), "__main__", m);
    return m;
}

/* A path made absolute the way python3.11 makes __file__: cwd + '/' + path,
 * without normalising '..'. */
static Value absolute(const char *path)
{
    char cwd[PATH_MAX];
    if (path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL)
        return rt_str_from_cstr(path);
    return rt_str_format_c("%s/%s", cwd, path);
}

/* sys.path = [first, PYTHONPATH entries..., the standard library]; built-in
 * modules need no entry.  Empty PYTHONPATH entries (a leading or doubled
 * ':') are skipped.  The standard library is the directory recorded at build
 * time (PVM_STDLIB, from python3.11's sysconfig), when it exists. */
static void init_path(Value first)
{
    Value path = mod_sys_path();
    rt_list_append(path, first);
    const char *env = getenv("PYTHONPATH");
    while (env != NULL && *env != '\0') {
        const char *colon = strchr(env, ':');
        size_t n = colon ? (size_t)(colon - env) : strlen(env);
        if (n > 0)
            rt_list_append(path, rt_str_new(env, n));
        env = colon ? colon + 1 : NULL;
    }
#ifdef PVM_STDLIB
    struct stat st;
    if (PVM_STDLIB[0] != '\0' && stat(PVM_STDLIB, &st) == 0 && S_ISDIR(st.st_mode))
        rt_list_append(path, rt_str_from_cstr(PVM_STDLIB));
#endif
}

/* The directory of the script, symlinks resolved (as sys.path[0]). */
static Value script_dir(const char *script)
{
    char *copy = gc_strdup(script);
    char *slash = strrchr(copy, '/');
    const char *dir = ".";
    if (slash != NULL) {
        *(slash == copy ? slash + 1 : slash) = '\0';
        dir = copy;
    }
    char real[PATH_MAX];
    return rt_str_from_cstr(realpath(dir, real) ? real : dir);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* ---- the three ways to run ------------------------------------------------------- */

/* pvm FILE: a .py runs its cached bytecode, anything else is read as a .pyc.
 * Three kinds of failure stay apart (ARCHITECTURE.md): a missing file is
 * python3.11's message and status 2; a file pvm cannot load (bad magic,
 * truncated, no cached bytecode) is one line naming it and status 1; a
 * Python exception in the program is a traceback and status 1. */
static int run_file(const char *path)
{
    init_path(script_dir(path));
    Value file = absolute(path);
    Value code;
    if (ends_with(path, ".py")) {
        if (access(path, R_OK) != 0) {
            fprintf(stderr, "pvm: can't open file %s: [Errno 2] No such file or directory\n",
                    rt_str_cstr(rt_repr(file)));
            return 2;
        }
        code = ld_code_from_source(rt_str_cstr(file), "__main__", NULL);
        if (code == VAL_NULL) {
            Value msg = rt_str(rt_err_fetch());
            fprintf(stderr, "pvm: %s\n", msg ? rt_str_cstr(msg) : "cannot load");
            return 1;
        }
    } else {
        char err[512];
        PycHeader header;
        code = ld_load_pyc_file(path, &header, err, sizeof err);
        if (code == VAL_NULL) {
            fprintf(stderr, "%s\n", err);
            return 1;
        }
    }
    return run_main(code, main_module(file, rt_None, rt_None));
}

/* pvm -m MODULE: runpy._run_module_as_main.  The module is found on
 * sys.path, whose first entry is the current directory; a package runs its
 * __main__ submodule, with __package__ set so relative imports work. */
static int run_module(const char *name)
{
    char cwd[PATH_MAX];
    init_path(rt_str_from_cstr(getcwd(cwd, sizeof cwd) ? cwd : ""));
    Value code, file, package, cached;
    if (!ld_find_main_module(name, &code, &file, &package, &cached)) {
        Value exc = rt_err_fetch();
        if (!rt_isinstance_of(exc, &rt_ImportError)) {
            rt_print_exception(exc);
            return 1;
        }
        Value msg = rt_str(exc);
        fprintf(stderr, "pvm: %s\n", msg ? rt_str_cstr(msg) : "cannot import");
        return 1;
    }
    /* sys.argv[0] becomes the module's file, as runpy sets it. */
    Value sys_argv = rt_dict_get_cstr(VAL_AS(ObjModule, mod_sys_module())->dict, "argv");
    if (sys_argv != VAL_NULL && is_list(sys_argv) && AS_LIST(sys_argv)->length > 0)
        AS_LIST(sys_argv)->items[0] = file;
    return run_main(code, main_module(file, package, cached));
}

/* ---- options ------------------------------------------------------------------------ */

/* A size for -X heaplimit: digits, then K, M or G (powers of 1024);
 * false if it is not one. */
static bool parse_size(const char *s, size_t *out)
{
    char *end;
    if (*s < '0' || *s > '9')
        return false;
    unsigned long long n = strtoull(s, &end, 10);
    int shift = 0;
    switch (*end) {
    case 'k': case 'K': shift = 10; end++; break;
    case 'm': case 'M': shift = 20; end++; break;
    case 'g': case 'G': shift = 30; end++; break;
    }
    if (*end != '\0' || n == 0 || n > (SIZE_MAX >> shift))
        return false;
    *out = (size_t)n << shift;
    return true;
}

/* -X OPTION: heaplimit=SIZE is pvm's; python3.11 ignores the -X options
 * it does not know, and so does pvm.  Returns an exit status for a bad
 * value, else -1. */
static int x_option(const char *opt, size_t *heap_limit)
{
    if (strncmp(opt, "heaplimit=", 10) != 0)
        return -1;
    if (!parse_size(opt + 10, heap_limit)) {
        fprintf(stderr, "pvm: -X heaplimit: invalid size '%s' (a number of bytes, "
                "optionally followed by K, M or G)\n", opt + 10);
        return 2;
    }
    return -1;
}

/* pvm --list-dispatch: one strategy per line, the default first and marked. */
static int list_dispatch(void)
{
    for (int i = 0; vm_dispatch_name(i) != NULL; i++)
        printf("%s%s\n", vm_dispatch_name(i), i == 0 ? " (default)" : "");
    return 0;
}

/* The options pvm has and python3.11 has not: --dispatch=NAME, --stats
 * and --list-dispatch.  Returns false when `opt` is none of them.  Sets
 * *exit_status (else left at -1) when pvm must stop: after listing, or
 * for an unknown strategy (status 2, a usage error, as python3.11 uses). */
static bool pvm_option(const char *opt, bool *stats, int *exit_status)
{
    if (strncmp(opt, "--dispatch=", 11) == 0) {
        if (!vm_set_dispatch(opt + 11)) {
            fprintf(stderr, "pvm: unknown dispatch strategy '%s'; pvm --list-dispatch "
                    "lists them\n", opt + 11);
            *exit_status = 2;
        }
        return true;
    }
    if (strcmp(opt, "--list-dispatch") == 0) {
        *exit_status = list_dispatch();
        return true;
    }
    if (strcmp(opt, "--stats") == 0) {
        *stats = true;
        vm_set_stats(true);
        return true;
    }
    return false;
}

int main(int argc, char **argv)
{
    /* As CPython: a closed pipe is a write error (BrokenPipeError), not a
     * signal that ends the process without a word. */
    signal(SIGPIPE, SIG_IGN);
    /* Tools first: `pvm dis` / `pvm info` (tools/tools.h); -1 means argv[1]
     * is not a tool name, so this is an ordinary run. */
    int tool_status = tool_main(argc, argv);
    if (tool_status >= 0)
        return tool_status;

    int optimize = 0;
    bool stats = false;
    size_t heap_limit = 0;
    const char *env_limit = getenv("PVM_HEAPLIMIT");
    if (env_limit != NULL && *env_limit != '\0' && !parse_size(env_limit, &heap_limit)) {
        fprintf(stderr, "pvm: PVM_HEAPLIMIT: invalid size '%s' (a number of bytes, "
                "optionally followed by K, M or G)\n", env_limit);
        return 2;
    }
    const char *module = NULL;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        const char *opt = argv[i];
        if (strcmp(opt, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(opt, "--help") == 0 || strcmp(opt, "-h") == 0 || strcmp(opt, "-?") == 0) {
            fputs(usage_line, stdout);
            fputs(usage_text, stdout);
            return 0;
        }
        if (strcmp(opt, "--version") == 0 || strcmp(opt, "-V") == 0) {
            printf("pvm %s (runs Python 3.11 bytecode)\n", PVM_VERSION);
            return 0;
        }
        int exit_status = -1;
        if (pvm_option(opt, &stats, &exit_status)) {
            if (exit_status >= 0)
                return exit_status;
            continue;
        }
        if (opt[1] == '-')
            return usage_error("unknown option %s\n", opt);
        /* Single-letter options may be combined: -OO, -BO, -Om mod. */
        for (const char *c = opt + 1; *c; c++) {
            if (*c == 'O')
                optimize++;
            else if (strchr("BEsSuIq", *c))
                continue;
            else if (*c == 'c')
                return usage_error("pvm: -c is not supported: pvm has no compiler; "
                                   "compile the program with python3.11 -m py_compile%s\n", "");
            else if (*c == 'X') {
                const char *x = c[1] ? c + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (x == NULL)
                    return usage_error("Argument expected for the -X option\n%s", "");
                int status = x_option(x, &heap_limit);
                if (status >= 0)
                    return status;
                break;
            } else if (*c == 'm') {
                module = c[1] ? c + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (module == NULL)
                    return usage_error("Argument expected for the -m option\n%s", "");
                break;
            } else {
                char letter[2] = { *c, 0 };
                return usage_error("Unknown option: -%s\n", letter);
            }
        }
        if (module != NULL) {
            i++;
            break;
        }
    }
    if (module == NULL && i >= argc)
        return usage_error("pvm: no file to run (pvm has no interactive mode)\n%s", "");

    /* Options are parsed before anything is initialised, so that usage
     * errors and --list-dispatch cost nothing; from here on the runtime,
     * the import system and sys exist. */
    rt_init();
    if (heap_limit != 0)
        gc_set_heap_limit(heap_limit);
    mod_sys_set_optimize(optimize > 2 ? 2 : optimize);
    ld_import_init();
    rt_dict_set_cstr(rt_builtins_dict, "__debug__", rt_bool(optimize == 0));
    /* sys.argv: the script (or, for -m, a placeholder runpy replaces) and
     * everything after it. */
    if (module != NULL) {
        char *dash_m[] = { (char *)"-m" };
        mod_sys_set_argv(1, dash_m);
        mod_sys_set_argv(argc - i, argv + i);
    } else {
        mod_sys_set_argv(argc - i, argv + i);
    }
    int status = module != NULL ? run_module(module) : run_file(argv[i]);
    /* After the program's own output (run_main flushed it), so the report
     * never interleaves with it; stderr, so stdout stays comparable. */
    if (stats)
        vm_stats_report();
    return status;
}
