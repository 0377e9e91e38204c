/*
 * main.c — the `pvm` command: python3.11's command line, for bytecode.
 *
 *   pvm [options] FILE.pyc [args...]   run a compiled file
 *   pvm [options] FILE.py  [args...]   run FILE.py: its cached bytecode
 *                                       (__pycache__/FILE.cpython-311.pyc)
 *                                       when up to date, else compiled
 *   pvm [options] -m MODULE [args...]  run a module found on sys.path
 *   pvm [options] -c CMD [args...]     run CMD, a program as a string
 *   pvm [options] [- [args...]]        the program on stdin, or, when stdin
 *                                       is a terminal, the interactive prompt
 *                                       (tools/repl.c)
 *
 * Source (-c, stdin, the prompt, a .py without up-to-date bytecode) is
 * compiled by python3.11 through pvm's compile service (loader/compile.h).
 *
 * As python3.11 does: sys.argv[0] is the script as given (for -m, the
 * module's full path); sys.path[0] is the script's directory (for -m, the
 * current directory; none under -P/-I), followed by the PYTHONPATH entries
 * and the standard library (modules/sys.c); the script runs as the module
 * __main__.  The options and PYTHON* variables become sys.flags (-E/-I
 * make pvm ignore the variables).  An uncaught exception is shown by
 * sys.excepthook.  Exit status: 0; 1 for an uncaught exception or a file
 * that cannot be loaded; 2 for a usage error; SystemExit's code otherwise
 * (see exit_status); 130 after an uncaught KeyboardInterrupt.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "loader/compile.h"
#include "loader/import.h"
#include "loader/pyc.h"
#include "runtime/runtime.h"
#include "runtime/code.h"
#include "runtime/codecs.h"
#include "runtime/finalize.h"
#include "modules/api.h"
#include "modules/modutil.h"
#include "modules/sys.h"
#include "runtime/version.h"
#include "vm/thread.h"
#include "vm/vm.h"
#include "tools/repl.h"
#include "tools/tools.h"

static const char usage_line[] = "usage: pvm [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static const char usage_text[] =
    "Run CPython 3.11 bytecode: a .pyc written by python3.11 -m py_compile, or\n"
    "Python source compiled by python3.11 (PVM_COMPILER) into the same bytecode.\n"
    "Options:\n"
    "  -b          warn BytesWarning on str(bytes) and on comparing bytes with str\n"
    "              or int (-bb: raise it)\n"
    "  -B          don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
    "  -c cmd      program passed in as string (terminates option list)\n"
    "  -d          sys.flags.debug (no parser debugging output); also PYTHONDEBUG=x\n"
    "  -E          ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "  -h, --help  print this help message and exit\n"
    "  -i          inspect interactively after running the program, even when\n"
    "              stdin is no terminal; also PYTHONINSPECT=x\n"
    "  -I          isolate: -E -P -s\n"
    "  -m mod      run library module as a script (terminates option list)\n"
    "  -O          use .opt-1.pyc bytecode; sets __debug__ = False, sys.flags.optimize = 1\n"
    "  -OO         use .opt-2.pyc bytecode; sys.flags.optimize = 2\n"
    "  -P          don't prepend the script's directory (or '') to sys.path;\n"
    "              also PYTHONSAFEPATH\n"
    "  -q          don't print version and copyright messages on interactive startup\n"
    "  -R          randomize str and bytes hashes even when PYTHONHASHSEED is set\n"
    "  -s          don't add user site directory to sys.path; also PYTHONNOUSERSITE\n"
    "  -S          no site-packages on sys.path and no exit(), quit(), help,\n"
    "              copyright, credits, license builtins\n"
    "  -u          unbuffered stdout and stderr; also PYTHONUNBUFFERED=x\n"
    "  -v          trace imports (sys.flags.verbose); also PYTHONVERBOSE=x\n"
    "  -V, --version  print the version number and exit\n"
    "  -W arg      added to sys.warnoptions\n"
    "  -X opt      added to sys._xoptions; -X heaplimit=SIZE (suffix K, M or G): the\n"
    "              heap may not grow past SIZE bytes, beyond it MemoryError\n"
    "              -X no_debug_ranges: positions without columns, no carets in tracebacks\n"
    "  --check-hash-based-pycs always|default|never\n"
    "              control how hash-based .pyc files are validated\n"
    "file          program read from a .pyc file, or a .py (its cached bytecode when\n"
    "              up to date, else compiled); a directory or zip archive: its\n"
    "              __main__.py\n"
    "-             program read from stdin: source, or a .pyc's bytes (default;\n"
    "              interactive mode if a tty)\n"
    "arg ...       arguments passed to the program in sys.argv[1:]\n"
    "Environment: PYTHONPATH (':'-separated directories added to sys.path),\n"
    "PYTHONHOME (prefix[:exec_prefix]; the standard library is prefix/lib/python3.11),\n"
    "PYTHONDONTWRITEBYTECODE, PYTHONSAFEPATH, PYTHONBREAKPOINT,\n"
    "PVM_COMPILER (the python3.11 that compiles source), PVM_COMPILER312,\n"
    "PVM_COMPILER313, PVM_COMPILER314, PVM_PYTHON=3.12 or 3.13 (as --python; a 3.12 or 3.13\n"
    "process sets it for its children),\n"
    "PVM_HEAPLIMIT=SIZE (as -X heaplimit=SIZE).\n"
    "pvm options (see vm/README.md):\n"
    "  --dispatch=NAME   how the eval loop dispatches: one of --list-dispatch\n"
    "  --list-dispatch   list the dispatch strategies built in (default marked)\n"
    "  --python=3.12     run source as Python 3.12 (compiled by python3.12, its\n"
    "                    stdlib), or 3.13; a .pyc runs as the version of its magic\n"
    "                    number\n"
    "  --stats           after the program, print to stderr how often each opcode\n"
    "                    and each pair of opcodes ran, and how specialization went\n"
    "Tools:\n"
    "  pvm dis FILE.pyc    disassemble, exactly as python3.11's dis.dis prints it\n"
    "  pvm dis --adaptive FILE.pyc [arg ...]\n"
    "                      run it, then disassemble it with the specialized\n"
    "                      instructions the eval loop chose\n"
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
 * written to sys.stderr (its encoding, its error handler) and gives 1. */
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
    rt_stdout_flush();
    Value s = rt_str(code), err = mod_sys_get("stderr");
    Value write = s != VAL_NULL && err != VAL_NULL && err != rt_None
                  ? rt_getattr_cstr(err, "write") : VAL_NULL;
    if (write != VAL_NULL) {
        if (rt_call1(write, s) != VAL_NULL)
            rt_call1(write, rt_str_from_cstr("\n"));
    } else if (s != VAL_NULL) {
        fprintf(stderr, "%s\n", rt_str_cstr(s));
    }
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

/* What CPython's Py_FinalizeEx does that pvm needs, in its order: wait for
 * the threads threading started (threading._shutdown), then close the
 * generators still suspended (CPython's teardown of __main__ closes those
 * held by module-level variables; gen.c keeps the list). */
static void finalize(void)
{
    mod_thread_shutdown();
    mod_atexit_run();
    rt_finalizing = true;
    vm_thread_finalize_begin();         /* the other threads stop where they are */
    rt_gen_close_all();
    Value main = rt_dict_get_cstr(mod_sys_modules(), "__main__");
    rt_finalize_all(main != VAL_NULL && IS_EXACT(main, rt_module_type)
                    ? VAL_AS(ObjModule, main)->dict : VAL_NULL);
}

/* Has the program given stream f a flush of its own (f.flush = ...)? */
static bool flush_replaced(Value f)
{
    if (f == VAL_NULL || f == rt_None)
        return false;
    Value *dict = rt_instance_dict_slot(f);
    return dict != NULL && *dict != VAL_NULL && rt_dict_get_cstr(*dict, "flush") != VAL_NULL;
}

/* Is f a stream whose flush the program may see called: not None or gone,
 * and not the start-up stdout with its own flush (rt_stdout_flush and
 * rt_stdout_exit write that one out), but it if the program gave it
 * another (sys.stdout.flush = ...)? */
static bool flush_visible(Value f)
{
    if (f == VAL_NULL || f == rt_None)
        return false;
    return f != rt_stdout_stream || flush_replaced(f);
}

/* CPython's flush_io, once __main__ has run, before an uncaught exception
 * is shown: sys.stderr.flush(), then sys.stdout.flush(), errors ignored. */
static void flush_io(void)
{
    static const char *const names[] = { "stderr", "stdout" };
    for (int i = 0; i < 2; i++) {
        Value f = mod_sys_get(names[i]);
        if (flush_visible(f) && mod_call_method(f, "flush", NULL, 0) == VAL_NULL)
            rt_err_clear();
    }
}

/* stream.flush() unless the stream is None, gone or closed (an error
 * asking `closed` counts as open, as CPython's file_is_closed); false with
 * the exception set when flush raised. */
static bool flush_stream(const char *name)
{
    Value f = mod_sys_get(name);
    if (!flush_visible(f))
        return true;
    Value closed = rt_getattr_cstr(f, "closed");
    int is_closed = closed != VAL_NULL ? rt_truthy(closed) : -1;
    rt_err_clear();
    if (is_closed == 1)
        return true;
    return mod_call_method(f, "flush", NULL, 0) != VAL_NULL;
}

/* CPython's flush_std_files, for a sys.stdout or sys.stderr that is not
 * the standard output's own buffer (reconfigured, replaced by a wrapper
 * the program made): text they still hold is written out, not lost.  A
 * failure on stdout is reported as unraisable, one on stderr silently;
 * either makes the exit status 120. */
static int flush_std_files(int status)
{
    if (!flush_stream("stdout")) {
        rt_write_unraisable(mod_sys_get("stdout"));
        status = 120;
    }
    if (!flush_stream("stderr")) {
        rt_err_clear();
        status = 120;
    }
    return status;
}

/* CPython's _PyModule_ClearDict: every value None, the names with one
 * leading underscore first; __builtins__ kept, and the names in `keep`. */
static void clear_module_dict(Value d, const char *const *keep)
{
    Value keys = rt_list_new(rt_dict_len(d)), k, v;
    for (size_t i = 0; rt_dict_next(d, &i, &k, &v);) {
        if (!is_str(k) || strcmp(rt_str_cstr(k), "__builtins__") == 0)
            continue;
        const char *const *n = keep;
        while (n != NULL && *n != NULL && strcmp(*n, rt_str_cstr(k)) != 0)
            n++;
        if (n == NULL || *n == NULL)
            rt_list_append(keys, k);
    }
    for (int underscored = 1; underscored >= 0; underscored--)
        for (size_t i = 0; i < AS_LIST(keys)->length; i++) {
            const char *name = rt_str_cstr(AS_LIST(keys)->items[i]);
            if ((name[0] == '_' && name[1] != '_') == underscored)
                rt_dict_set(d, AS_LIST(keys)->items[i], rt_None);
        }
}

/* A flush the program gave sys.__stdout__ or sys.__stderr__, called once
 * more where CPython's teardown frees them (their close() calls
 * self.flush(), errors ignored): after the modules other than __main__,
 * builtins and sys were cleared (os's values None: a flush that reads
 * them fails there, silently), while sys's are: stderr's when sys.stdout
 * (and sys.flags) are still there, stdout's after.  Nothing is cleared
 * while another thread may still run Python code. */
static void call_flush_at_teardown(Value f)
{
    if (!flush_replaced(f))
        return;
    Value closed = rt_getattr_cstr(f, "closed");
    if ((closed == VAL_NULL || !rt_truthy(closed)) && !rt_err_occurred())
        mod_call_method(f, "flush", NULL, 0);
    rt_err_clear();
}

/* Does __main__ hold the stream, or a method bound to it (`orig =
 * sys.stderr.flush`)?  CPython's teardown then frees it only at the very
 * end, builtins' and sys's values None. */
static bool held_by_main(Value globals, Value f)
{
    Value k, v;
    for (size_t i = 0; globals != VAL_NULL && rt_dict_next(globals, &i, &k, &v);)
        if (v == f || (IS_EXACT(v, rt_builtin_type) && VAL_AS(ObjBuiltin, v)->self == f))
            return true;
    return false;
}

static void close_std_streams(Value globals)
{
    Value out = mod_sys_get("__stdout__"), err = mod_sys_get("__stderr__");
    if (!flush_replaced(out) && !flush_replaced(err))
        return;
    bool clear = vm_thread_count() == 0;
    bool out_late = held_by_main(globals, out), err_late = held_by_main(globals, err);
    Value sys = VAL_AS(ObjModule, mod_sys_module())->dict;
    if (clear) {
        static const char *const later[] = { "stdout", "__stdout__", "flags", NULL };
        Value modules = mod_sys_modules(), k, m;
        for (size_t i = 0; rt_dict_next(modules, &i, &k, &m);)
            if (IS_EXACT(m, rt_module_type) && VAL_AS(ObjModule, m)->dict != rt_builtins_dict &&
                VAL_AS(ObjModule, m)->dict != sys && VAL_AS(ObjModule, m)->dict != globals)
                clear_module_dict(VAL_AS(ObjModule, m)->dict, NULL);
        clear_module_dict(sys, later);
    }
    if (!err_late)
        call_flush_at_teardown(err);
    if (clear)
        clear_module_dict(sys, NULL);
    if (!out_late)
        call_flush_at_teardown(out);
    if (clear && (err_late || out_late))
        clear_module_dict(rt_builtins_dict, NULL);
    if (err_late)
        call_flush_at_teardown(err);
    if (out_late)
        call_flush_at_teardown(out);
}

/* The output still buffered when the program ends, as CPython's final
 * flush of the standard streams (flush_std_files): a failure on stdout —
 * the reader of the pipe went away, the disk is full — is reported by
 * rt_stdout_exit; one on stderr (sys.stderr.write, a traceback) fails
 * silently.  Either makes the exit status 120. */
static int final_flush(int status)
{
    status = rt_stdout_exit(status);
    if (fflush(stderr) != 0 || ferror(stderr))
        status = 120;
    return status;
}

/* Turn the outcome of running __main__ (its result, or VAL_NULL with the
 * exception set) into an exit status, and finalise.  The order matters for
 * byte-identical output: the program's buffered stdout is flushed before
 * the traceback goes to stderr, as CPython's teardown does, so a test
 * harness that merges the two sees the same interleaving; and the report
 * of an uncaught exception comes before the finalisation (threads still
 * running may print after it). */
/* After a file, -m or -c program (ran_program), the prompt follows when
 * -i or PYTHONINSPECT asked for it (set at start, or by the program: unless
 * -E) and stdin is a terminal or -i was given (CPython's pymain_repl). */
static bool ran_program;

static bool inspect_requested(void)
{
    const ModSysFlags *f = mod_sys_flags();
    const char *env = f->ignore_environment ? NULL : getenv("PYTHONINSPECT");
    return ran_program && (f->inspect || (env != NULL && env[0] != '\0')) &&
           (isatty(STDIN_FILENO) || f->interactive);
}

/* After the program, with -i: its uncaught exception shown (SystemExit
 * too: it does not end the process), then the prompt in __main__. */
static Value inspect_after(Value result)
{
    ran_program = false;
    if (result == VAL_NULL) {
        Value exc = rt_err_fetch();
        flush_io();
        rt_stdout_flush();
        mod_sys_report_uncaught(exc);
    }
    Value main = rt_dict_get_cstr(mod_sys_modules(), "__main__");
    Value globals = main != VAL_NULL && IS_EXACT(main, rt_module_type)
                    ? VAL_AS(ObjModule, main)->dict : rt_dict_new();
    return tools_repl(globals, true);
}

static int exit_status(Value result)
{
    if (inspect_requested())
        result = inspect_after(result);
    Value exc = result == VAL_NULL ? rt_err_fetch() : VAL_NULL;
    flush_io();
    rt_stdout_flush();
    int status = 0;
    if (exc != VAL_NULL && rt_isinstance_of(exc, &rt_SystemExit)) {
        status = system_exit_status(exc);
    } else if (exc != VAL_NULL) {
        /* sys.excepthook shows it; a replaced hook may raise SystemExit. */
        Value hook_exit = mod_sys_report_uncaught(exc);
        status = hook_exit != VAL_NULL ? system_exit_status(hook_exit) : 1;
    }
    finalize();
    status = flush_std_files(status);
    Value main = rt_dict_get_cstr(mod_sys_modules(), "__main__");
    close_std_streams(main != VAL_NULL && IS_EXACT(main, rt_module_type)
                      ? VAL_AS(ObjModule, main)->dict : VAL_NULL);
    status = final_flush(status);
    if (exc != VAL_NULL && rt_isinstance_of(exc, &rt_KeyboardInterrupt))
        exit_sigint();
    return status;
}

/* With -W options or PYTHONWARNINGS, CPython imports Lib/warnings.py as it
 * starts, before the program is compiled: its import turns
 * sys.warnoptions into filters (warnings._processoptions), and invalid
 * options are reported then ("Invalid -W option ignored: ...").  So do we,
 * once sys.path reaches the standard library. */
static void import_warnings(void)
{
    Value options = rt_dict_get_cstr(VAL_AS(ObjModule, mod_sys_module())->dict, "warnoptions");
    if (options == VAL_NULL || !is_list(options) || AS_LIST(options)->length == 0)
        return;
    if (ld_import_module("warnings") == VAL_NULL) {
        rt_stdout_flush();
        fputs("'import warnings' failed; traceback:\n", stderr);
        rt_print_exception(rt_err_fetch());
    }
}

/* Run a code object as __main__. */
static const ObjCode *script_code;     /* the program's code, for tool_after_run */

static int run_main(Value code, Value module)
{
    script_code = AS_CODE(code);
    ld_prepare_main(code);
    return exit_status(vm_run_module(AS_CODE(code), VAL_AS(ObjModule, module)->dict));
}

/* The program could not be compiled (or its bytecode loaded): a SyntaxError
 * is shown as python3.11 shows it (where, then the message; no traceback,
 * status 1); a compile service that cannot run, or a .py without bytecode
 * and without a compiler, is one line "pvm: ...". */
static int compile_failed(void)
{
    rt_stdout_flush();
    Value exc = rt_err_fetch();
    if (val_type(exc) != &rt_RuntimeError && !rt_isinstance_of(exc, &rt_ImportError)) {
        rt_print_exception(exc);
        return 1;
    }
    Value msg = rt_str(exc);
    fprintf(stderr, "pvm: %s\n", msg ? rt_str_cstr(msg) : "cannot load");
    return 1;
}

/* ---- the __main__ module and sys.path ------------------------------------------ */

/* sys.modules['__main__'], with the attributes a script gets (no
 * __file__ or __cached__ when file is VAL_NULL: -c and the prompt).  Up to
 * 3.13 it starts with an empty __annotations__; 3.14's annotations are lazy
 * (PEP 649), and its __main__ has none until the module's getter makes them,
 * so a class body naming __annotations__ is a NameError there. */
static Value main_module(Value file, Value package, Value cached)
{
    Value m = rt_module_new(rt_str_from_cstr("__main__"));
    Value d = VAL_AS(ObjModule, m)->dict;
    rt_dict_set_cstr(d, "__package__", package);
    rt_dict_set_cstr(d, "__loader__", rt_None);
    rt_dict_set_cstr(d, "__spec__", rt_None);
    if (rt_py_minor < 14)
        rt_dict_set_cstr(d, "__annotations__", rt_dict_new());
    rt_dict_set_cstr(d, "__builtins__", rt_builtins_module);
    if (file != VAL_NULL) {
        rt_dict_set_cstr(d, "__file__", file);
        rt_dict_set_cstr(d, "__cached__", cached);
    }
    rt_dict_set_cstr(mod_sys_modules(), "__main__", m);
    return m;
}

/* A path made absolute the way python3.11 makes __file__: cwd + '/' + path,
 * without normalising '..'. */
static const char *absolute_path(const char *path)
{
    char cwd[PATH_MAX];
    if (path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL)
        return path;
    char *abs = gc_alloc_atomic(strlen(cwd) + strlen(path) + 2);
    sprintf(abs, "%s/%s", cwd, path);
    return abs;
}

/* The same as a str, as python3.11 decodes a file name (os.fsdecode). */
static Value absolute(const char *path)
{
    return mod_fsdecode(absolute_path(path));
}

/* The frames tracemalloc keeps from start-up (-X tracemalloc=N,
 * PYTHONTRACEMALLOC=N); 0: it does not trace. */
static int startup_tracemalloc;

/* Tracing from start-up: once the program's objects can die (the start-up
 * regions' never can, and are never traced).  A number of frames out of
 * range is fatal, as CPython's init_interp_main makes it. */
static void start_tracemalloc(void)
{
    if (startup_tracemalloc == 0 || mod_tracemalloc_start(startup_tracemalloc))
        return;
    fflush(stdout);
    fprintf(stderr, "Fatal Python error: init_interp_main: can't %s tracemalloc\n"
            "Python runtime state: core initialized\n"
            "ValueError: the number of frames must be in range [1; 65535]\n\n",
            rt_py_minor >= 12 ? "start" : "initialize");
    exit(1);
}

/* What every way of running a program does once sys.path is set. */
static void path_set(void)
{
    gc_startup_done();                  /* the program's objects can die */
    start_tracemalloc();
    import_warnings();
}

/* sys.path (modules/sys.c: PYTHONPATH, the standard library) after
 * `first`, which -P / -I leave out (sys.flags.safe_path). */
static void init_path(Value first)
{
    mod_sys_init_path(mod_sys_flags()->safe_path ? VAL_NULL : first);
    path_set();
}

/* The directory of the script, as sys.path[0]: the script's real path
 * (symlinks resolved, as CPython's realpath of argv[0]) without its last
 * component. */
static Value script_dir(const char *script)
{
    char real[PATH_MAX];
    char *copy = gc_strdup(realpath(script, real) ? real : script);
    char *slash = strrchr(copy, '/');
    if (slash == NULL)
        return mod_fsdecode(realpath(".", real) ? real : ".");
    *(slash == copy ? slash + 1 : slash) = '\0';
    return mod_fsdecode(copy);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* ---- the ways to run ------------------------------------------------------------- */

/* Source as __main__ (-c, stdin, a script that is not a .py): compiled by the
 * compile service under `filename` — as a string for -c, as python3.11
 * reads a file otherwise; `file` is __file__ (VAL_NULL: none). */
static int run_source(Value source, const char *filename, Value file)
{
    Value name = file != VAL_NULL ? file : rt_str_from_cstr(filename);
    Value code = file == VAL_NULL ? ld_compile(source, name, "exec", 0, mod_sys_optimize())
                                  : ld_compile_script(source, name, mod_sys_optimize());
    if (code == VAL_NULL)
        return compile_failed();
    return run_main(code, main_module(file, rt_None, rt_None));
}

/* The bytes of a whole file (or of stdin, path "-"), after the `nhead`
 * already read from it; VAL_NULL at an error, or at a NUL byte: no Python
 * source holds one (CPython refuses "source code cannot contain null
 * bytes"), and reading stops there, so that `pvm /dev/zero` ends at once
 * instead of filling memory. */
static Value read_all(FILE *f, const unsigned char *head, size_t nhead)
{
    StrBuf sb;
    sb_init(&sb);
    char buf[65536];
    size_t n;
    if (memchr(head, 0, nhead) != NULL)
        return VAL_NULL;
    sb_add(&sb, (const char *)head, nhead);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (memchr(buf, 0, n) != NULL)
            return VAL_NULL;
        sb_add(&sb, buf, n);
    }
    return ferror(f) ? VAL_NULL : rt_bytes_new((const unsigned char *)sb.data, sb.len);
}

/* Do these four bytes begin a .pyc: a known magic number? */
static bool pyc_magic(const unsigned char *head)
{
    return head[2] == '\r' && head[3] == '\n' &&
           ld_magic_version((uint16_t)(head[0] | head[1] << 8)) != NULL;
}

/* Is the file compiled bytecode?  A .pyc, or (CPython's maybe_pyc_file)
 * a file starting with a magic number; any other file is source. */
static bool is_pyc_file(const char *path)
{
    if (ends_with(path, ".pyc"))
        return true;
    unsigned char head[4];
    FILE *f = fopen(path, "rb");
    bool magic = f != NULL && fread(head, 1, 4, f) == 4 && pyc_magic(head);
    if (f != NULL)
        fclose(f);
    return magic;
}

/* A program from a stream that can be read only once: stdin (`pvm -`,
 * `pvm /dev/stdin`), a pipe (`pvm <(...)`), a FIFO.  Its first bytes
 * decide, without a second look that would lose them: a magic number is
 * bytecode, read to the end and loaded from memory (CPython, which cannot
 * seek back on a pipe, takes it for source); anything else is source.
 * `name` names it in messages; `file` is __file__ (VAL_NULL: none). */
static int run_stream(FILE *f, const char *name, Value file)
{
    unsigned char head[4];
    size_t nhead = fread(head, 1, sizeof head, f);
    if (nhead < sizeof head || !pyc_magic(head)) {
        Value source = read_all(f, head, nhead);
        if (source == VAL_NULL) {
            fprintf(stderr, "pvm: can't read %s (unreadable, or a NUL byte: not Python "
                    "source nor bytecode)\n", name);
            return 1;
        }
        return run_source(source, file != VAL_NULL ? rt_str_cstr(file) : name, file);
    }
    StrBuf sb;
    sb_init(&sb);
    sb_add(&sb, (const char *)head, nhead);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_add(&sb, buf, n);
    char err[512];
    PycHeader header;
    Value code = ferror(f) ? VAL_NULL
                           : ld_load_pyc_bytes((const unsigned char *)sb.data, sb.len, name,
                                               &header, err, sizeof err);
    if (code == VAL_NULL) {
        fprintf(stderr, "%s\n", ferror(f) ? "pvm: can't read the program" : err);
        return 1;
    }
    return run_main(code, main_module(file, rt_None, rt_None));
}

/* A file that is neither a regular file nor a directory: a pipe, a FIFO,
 * a terminal. */
static bool is_stream(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

/* Open a stream without waiting for a FIFO's writer (one with none reads
 * as empty), then read it blocking.  NULL with errno set on failure. */
static FILE *open_stream(const char *path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (f == NULL)
        close(fd);
    return f;
}

/* pvm FILE: a .py runs its up-to-date cached bytecode or is compiled, a
 * .pyc is loaded, any other file is compiled as source.  Three kinds of
 * failure stay apart (ARCHITECTURE.md): a missing file is python3.11's
 * message and status 2; a file pvm cannot load (bad magic, truncated, no
 * compiler) is one line naming it and status 1 (a SyntaxError is shown as
 * python3.11 shows it); a Python exception in the program is a traceback
 * and status 1. */
/* Does the file end with a zip archive's end-of-central-directory record
 * (a zipapp: the archive may follow a #! line)?  Searched for in the last
 * 64 KiB + 22 bytes, where its comment lets it start. */
static bool is_zip_archive(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    enum { RECORD = 22, MAX_COMMENT = 65535 };
    /* malloc'd, not static: a static buffer would be 64 KiB more of the
     * writable segment the collector scans at every collection */
    unsigned char *tail = malloc(RECORD + MAX_COMMENT);
    bool found = false;
    if (tail != NULL && fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f), n = size < RECORD + MAX_COMMENT ? size : RECORD + MAX_COMMENT;
        if (n >= RECORD && fseek(f, size - n, SEEK_SET) == 0 && fread(tail, 1, (size_t)n, f) == (size_t)n)
            for (long i = n - RECORD; i >= 0 && !found; i--)
                found = memcmp(tail + i, "PK\005\006", 4) == 0;
    }
    free(tail);
    fclose(f);
    return found;
}

/* A directory or zip archive holding __main__.py, as python3.11 runs it:
 * the path itself (absolute) first on sys.path, and runpy runs __main__
 * from there in the __main__ module (CPython's pymain_run_module with
 * set_argv0 false). */
static int run_main_entry(const char *path)
{
    mod_sys_init_path(absolute(path));  /* under -P and -I too */
    path_set();
    main_module(VAL_NULL, rt_None, rt_None);
    Value runpy = ld_import_module("runpy");
    Value run = runpy != VAL_NULL ? rt_getattr_cstr(runpy, "_run_module_as_main") : VAL_NULL;
    Value args[2] = { RT_NAME("__main__"), rt_False };
    return exit_status(run != VAL_NULL ? rt_call(run, args, 2, VAL_NULL) : VAL_NULL);
}

static int run_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && (S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) &&
        !ends_with(path, ".py") && !ends_with(path, ".pyc") && is_zip_archive(path))))
        return run_main_entry(path);
    init_path(script_dir(path));
    Value file = absolute(path);
    Value code;
    /* (A .pyc's loader words its own open errors: no access(2) first.) */
    if (!ends_with(path, ".pyc") && access(path, R_OK) != 0) {
        fprintf(stderr, "pvm: can't open file %s: [Errno 2] No such file or directory\n",
                rt_str_cstr(rt_repr(file)));
        return 2;
    }
    if (!ends_with(path, ".py") && !ends_with(path, ".pyc") && is_stream(path)) {
        FILE *f = open_stream(path);
        if (f == NULL) {
            fprintf(stderr, "pvm: can't open file %s: [Errno %d] %s\n",
                    rt_str_cstr(rt_repr(file)), errno, strerror(errno));
            return 2;
        }
        int status = run_stream(f, path, file);
        fclose(f);
        return status;
    }
    if (ends_with(path, ".py")) {
        code = ld_code_from_source(absolute_path(path), "__main__", NULL);
        if (code == VAL_NULL)
            return compile_failed();
    } else if (!is_pyc_file(path)) {
        FILE *f = fopen(path, "rb");
        Value source = f != NULL ? read_all(f, NULL, 0) : VAL_NULL;
        if (f != NULL)
            fclose(f);
        if (source == VAL_NULL) {
            fprintf(stderr, "pvm: can't read file %s (unreadable, or a NUL byte: not "
                    "Python source nor bytecode)\n", rt_str_cstr(rt_repr(file)));
            return 1;
        }
        return run_source(source, rt_str_cstr(file), file);
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
    LdMainModule target;
    int found = ld_find_main_module(name, &target);
    if (found <= 0) {
        rt_stdout_flush();
        Value exc = rt_err_fetch();
        if (found < 0) {
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
        AS_LIST(sys_argv)->items[0] = target.file;
    Value module = main_module(target.file, target.package, target.cached);
    if (!ld_set_main_spec(module, &target)) {
        rt_stdout_flush();
        rt_print_exception(rt_err_fetch());
        return 1;
    }
    return run_main(target.code, module);
}

/* pvm -c CMD: sys.argv[0] is '-c', sys.path[0] the current directory
 * (''), the code's file name "<string>". */
static int run_command(const char *command)
{
    init_path(rt_str_empty());
    /* A command that is not UTF-8: decoded as a file name is (os.fsdecode),
     * its lone surrogates cannot be compiled, as in python3.11. */
    Value source = mod_fsdecode(command);
    if (rt_encode_utf8(source, rt_str_from_cstr("strict")) == VAL_NULL) {
        fputs("Unable to decode the command from the command line:\n", stderr);
        rt_print_exception(rt_err_fetch());
        return 1;
    }
    return run_source(source, "<string>", VAL_NULL);
}

/* pvm with no program: the interactive prompt when stdin is a terminal,
 * else the whole of stdin is the program ("<stdin>", as python3.11 reads
 * `python3.11 < prog.py`). */
static int run_stdin(bool quiet)
{
    init_path(rt_str_empty());
    if (isatty(0) || mod_sys_flags()->interactive) {    /* -i: the prompt even so */
        Value module = main_module(VAL_NULL, rt_None, rt_None);
        return exit_status(tools_repl(VAL_AS(ObjModule, module)->dict, quiet));
    }
    return run_stream(stdin, "the program from stdin", rt_str_from_cstr("<stdin>"));
}

/* ---- options ------------------------------------------------------------------------ */

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
static bool python_option;              /* --python= was given */

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
    if (strncmp(opt, "--python=", 9) == 0) {   /* the bytecode version of sources */
        if (strcmp(opt + 9, "3.11") != 0 && strcmp(opt + 9, "3.12") != 0 &&
            strcmp(opt + 9, "3.13") != 0 && strcmp(opt + 9, "3.14") != 0) {
            fprintf(stderr, "pvm: --python takes 3.11, 3.12, 3.13 or 3.14, not '%s'\n", opt + 9);
            *exit_status = 2;
        }
        rt_py_minor = opt[12] == '4' ? 14 : opt[12] == '3' ? 13 : opt[12] == '2' ? 12 : 11;
        python_option = true;
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

/* What the command line asked for.  -X and -W values are kept as they
 * are until the runtime exists to hold them. */
typedef struct Options {
    ModSysFlags flags;
    bool stats;
    bool random_hash;                   /* -R: PYTHONHASHSEED ignored */
    const char *module, *command;
    const char **xoptions, **warnoptions;
    int nxoptions, nwarnoptions;
} Options;

/* The argument of -c, -m, -X or -W: the rest of this word (-Xdev) or the
 * next word (-X dev); NULL when there is none. */
static const char *option_argument(const char *c, int argc, char **argv, int *i)
{
    return c[1] ? c + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
}

/* One word of single-letter options, which may be combined (-OO, -BO,
 * -Om mod, -Xdev).  Returns -1 to go on, else an exit status. */
static int letter_options(const char *opt, int argc, char **argv, int *i, Options *o)
{
    ModSysFlags *f = &o->flags;
    for (const char *c = opt + 1; *c; c++) {
        switch (*c) {
        case 'O': f->optimize++; continue;
        case 'B': f->dont_write_bytecode = 1; continue;
        case 'q': f->quiet = 1; continue;
        case 'E': f->ignore_environment = 1; continue;
        case 's': f->no_user_site = 1; continue;
        case 'S': f->no_site = 1; continue;
        case 'P': f->safe_path = true; continue;
        case 'I': f->isolated = f->ignore_environment = f->no_user_site = 1;
                  f->safe_path = true; continue;
        case 'u': f->unbuffered = true; continue;
        case 'b': f->bytes_warning++; continue;
        case 'd': f->debug++; continue;
        case 'v': f->verbose++; continue;
        case 'R': o->random_hash = true; continue;
        case 'i': f->inspect = f->interactive = 1; continue;
        default: break;
        }
        const char *arg = strchr("cmXW", *c) ? option_argument(c, argc, argv, i) : NULL;
        if (strchr("cmXW", *c) && arg == NULL) {
            char letter[2] = { *c, 0 };
            return usage_error("Argument expected for the -%s option\n", letter);
        }
        if (*c == 'c')
            o->command = arg;
        else if (*c == 'm')
            o->module = arg;
        else if (*c == 'X')
            o->xoptions[o->nxoptions++] = arg;
        else if (*c == 'W')
            o->warnoptions[o->nwarnoptions++] = arg;
        else {
            char letter[2] = { *c, 0 };
            return usage_error("Unknown option: -%s\n", letter);
        }
        return -1;              /* the argument ends the word */
    }
    return -1;
}

/* Parse the options before the program (argv[*i] is the first word after
 * them on return).  Returns -1 to run, else the exit status. */
static int parse_options(int argc, char **argv, int *i, Options *o)
{
    for (; *i < argc && argv[*i][0] == '-' && argv[*i][1] != '\0'; ++*i) {
        const char *opt = argv[*i];
        if (strcmp(opt, "--") == 0) {
            ++*i;
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
        if (strcmp(opt, "--check-hash-based-pycs") == 0) {
            const char *mode = *i + 1 < argc ? argv[++*i] : NULL;
            if (mode == NULL)
                return usage_error("Argument expected for the %s options\n", opt);
            if (strcmp(mode, "default") != 0 && strcmp(mode, "always") != 0 &&
                strcmp(mode, "never") != 0)
                return usage_error("%s must be one of 'default', 'always', or 'never'\n", opt);
            mod_imp_set_check_hash_based_pycs(mode);
            continue;
        }
        int exit_status = -1;
        if (pvm_option(opt, &o->stats, &exit_status)) {
            if (exit_status >= 0)
                return exit_status;
            continue;
        }
        if (opt[1] == '-')
            return usage_error("unknown option %s\n", opt);
        int status = letter_options(opt, argc, argv, i, o);
        if (status >= 0)
            return status;
        if (o->module != NULL || o->command != NULL) {
            ++*i;
            break;
        }
    }
    return -1;
}

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

/* The heap limit: PVM_HEAPLIMIT, then the last -X heaplimit=SIZE (the
 * other -X options only go to sys._xoptions, as python3.11 ignores those
 * it does not know).  Returns an exit status for a bad value, else -1. */
static int heap_limit_option(const Options *o, size_t *limit)
{
    const char *env = getenv("PVM_HEAPLIMIT");
    if (env != NULL && *env != '\0' && !parse_size(env, limit)) {
        fprintf(stderr, "pvm: PVM_HEAPLIMIT: invalid size '%s' (a number of bytes, "
                "optionally followed by K, M or G)\n", env);
        return 2;
    }
    for (int k = 0; k < o->nxoptions; k++) {
        const char *x = o->xoptions[k];
        if (strncmp(x, "heaplimit=", 10) == 0 && !parse_size(x + 10, limit)) {
            fprintf(stderr, "pvm: -X heaplimit: invalid size '%s' (a number of bytes, "
                    "optionally followed by K, M or G)\n", x + 10);
            return 2;
        }
    }
    return -1;
}

/* UTF-8 mode (PEP 540), as CPython's preconfig_init_utf8_mode: the first
 * -X utf8[=0|1], else PYTHONUTF8=0/1 (unless -E / -I), else on by itself
 * when the start-up LC_CTYPE locale is C (the environment names C or
 * POSIX, or a locale not installed).  -1 after the fatal error of a bad
 * value. */
static int utf8_mode(const Options *o)
{
    for (int k = 0; k < o->nxoptions; k++) {
        const char *x = o->xoptions[k];
        if (strncmp(x, "utf8", 4) != 0 || (x[4] != '\0' && x[4] != '='))
            continue;
        if (x[4] == '\0' || strcmp(x + 5, "1") == 0 || strcmp(x + 5, "0") == 0)
            return x[4] == '\0' || x[5] == '1';
        fprintf(stderr, "Fatal Python error: preconfig_init_utf8_mode: invalid -X utf8 "
                "option value\nPython runtime state: preinitializing\n\n");
        return -1;
    }
    const char *v = o->flags.ignore_environment ? NULL : getenv("PYTHONUTF8");
    if (v != NULL && *v != '\0') {
        if (strcmp(v, "0") == 0 || strcmp(v, "1") == 0)
            return v[0] - '0';
        fprintf(stderr, "Fatal Python error: preconfig_init_utf8_mode: invalid PYTHONUTF8 "
                "environment variable value\nPython runtime state: preinitializing\n\n");
        return -1;
    }
    return mod_locale_env_is_c();
}

/* A counting flag from the environment, as CPython's _Py_get_env_flag: a
 * number raises it to that, other text to at least 1. */
static void env_flag(int *flag, const char *name)
{
    const char *v = getenv(name);
    if (v == NULL || v[0] == '\0')
        return;
    char *end;
    long n = strtol(v, &end, 10);
    if (*end != '\0' || n < 0)
        n = 1;
    if (n > *flag)
        *flag = n > INT_MAX ? INT_MAX : (int)n;
}

/* The flags the environment sets, unless -E / -I: PYTHONDONTWRITEBYTECODE,
 * PYTHONSAFEPATH, PYTHONHASHSEED=0 (no hash randomization), PYTHONDEBUG,
 * PYTHONVERBOSE, PYTHONOPTIMIZE. */
static void environment_flags(ModSysFlags *f)
{
    const char *v;
    if (f->ignore_environment)
        return;
    env_flag(&f->debug, "PYTHONDEBUG");
    env_flag(&f->inspect, "PYTHONINSPECT");
    env_flag(&f->verbose, "PYTHONVERBOSE");
    env_flag(&f->optimize, "PYTHONOPTIMIZE");
    if ((v = getenv("PYTHONDONTWRITEBYTECODE")) != NULL && v[0] != '\0')
        f->dont_write_bytecode = 1;
    if ((v = getenv("PYTHONSAFEPATH")) != NULL && v[0] != '\0')
        f->safe_path = true;
    if ((v = getenv("PYTHONNOUSERSITE")) != NULL && v[0] != '\0')
        f->no_user_site = 1;
    if ((v = getenv("PYTHONHASHSEED")) != NULL && strcmp(v, "0") == 0)
        f->hash_randomization = 0;
    if ((v = getenv("PYTHONWARNDEFAULTENCODING")) != NULL && v[0] != '\0')
        f->warn_default_encoding = 1;
}

/* -X warn_default_encoding (PEP 597; PYTHONWARNDEFAULTENCODING above). */
static void xoption_flags(const Options *o, ModSysFlags *f)
{
    for (int k = 0; k < o->nxoptions; k++)
        if (strcmp(o->xoptions[k], "warn_default_encoding") == 0)
            f->warn_default_encoding = 1;
}

/* sys.flags.int_max_str_digits, as CPython's config_init_int_max_str_digits:
 * the last -X int_max_str_digits=N, else PYTHONINTMAXSTRDIGITS (unless
 * -E / -I); N is 0 (no limit) or at least 640.  false after the fatal
 * error of a bad value. */
static bool limit_value(const char *text, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(text, &end, 10);
    if (end == text || *end != '\0' || errno != 0 || n > INT_MAX || (n != 0 && n < 640))
        return false;
    *out = (int)n;
    return true;
}

static bool int_max_str_digits(const Options *o, ModSysFlags *f)
{
    const char *from = NULL, *text = NULL;
    for (int k = 0; k < o->nxoptions; k++)
        if (strncmp(o->xoptions[k], "int_max_str_digits", 18) == 0 &&
            (o->xoptions[k][18] == '\0' || o->xoptions[k][18] == '=')) {
            from = "-X int_max_str_digits";
            text = o->xoptions[k][18] == '=' ? o->xoptions[k] + 19 : "";
        }
    const char *v = f->ignore_environment ? NULL : getenv("PYTHONINTMAXSTRDIGITS");
    if (from == NULL && v != NULL && v[0] != '\0') {
        from = "PYTHONINTMAXSTRDIGITS";
        text = v;
    }
    if (from == NULL || limit_value(text, &f->int_max_str_digits))
        return true;
    fprintf(stderr, "Fatal Python error: config_init_int_max_str_digits: %s: invalid limit; "
            "must be >= 640 or 0 for unlimited.\nPython runtime state: preinitialized\n\n", from);
    return false;
}

/* -X no_debug_ranges or PYTHONNODEBUGRANGES (unless -E / -I): positions
 * without columns, so tracebacks show no carets (runtime/code.h). */
static bool debug_ranges(const Options *o)
{
    for (int k = 0; k < o->nxoptions; k++)
        if (strcmp(o->xoptions[k], "no_debug_ranges") == 0)
            return false;
    const char *v = o->flags.ignore_environment ? NULL : getenv("PYTHONNODEBUGRANGES");
    return v == NULL || v[0] == '\0';
}

/* Development mode: -X dev, or PYTHONDEVMODE not empty (unless -E / -I). */
static bool dev_mode(const Options *o)
{
    for (int k = 0; k < o->nxoptions; k++)
        if (strcmp(o->xoptions[k], "dev") == 0)
            return true;
    const char *v = o->flags.ignore_environment ? NULL : getenv("PYTHONDEVMODE");
    return v != NULL && v[0] != '\0';
}

/* A number of frames for tracemalloc, as CPython's _Py_str_to_int reads
 * it: a whole C int, not negative. */
static bool parse_frames(const char *s, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (end == s || *end != '\0' || errno == ERANGE || n < 0 || n > INT_MAX)
        return false;
    *out = (int)n;
    return true;
}

/* CPython's config_init_tracemalloc: PYTHONTRACEMALLOC=N (unless -E /
 * -I), then -X tracemalloc (1 frame) or -X tracemalloc=N, the last
 * given; N = 0 does not trace.  -1 after the fatal error of a bad value. */
static int tracemalloc_frames(const Options *o)
{
    int nframe = 0;
    const char *v = o->flags.ignore_environment ? NULL : getenv("PYTHONTRACEMALLOC");
    if (v != NULL && *v != '\0' && !parse_frames(v, &nframe)) {
        fprintf(stderr, "Fatal Python error: config_init_tracemalloc: PYTHONTRACEMALLOC: "
                "invalid number of frames\nPython runtime state: preinitialized\n\n");
        return -1;
    }
    for (int k = 0; k < o->nxoptions; k++) {
        const char *x = o->xoptions[k];
        if (strcmp(x, "tracemalloc") == 0)
            nframe = 1;
        else if (strncmp(x, "tracemalloc=", 12) == 0 && !parse_frames(x + 12, &nframe)) {
            fprintf(stderr, "Fatal Python error: config_init_tracemalloc: -X tracemalloc=NFRAME: "
                    "invalid number of frames\nPython runtime state: preinitialized\n\n");
            return -1;
        }
    }
    return nframe;
}

/* -X faulthandler, PYTHONFAULTHANDLER (unless -E) or development mode:
 * faulthandler.enable() before the program, as CPython's start-up does. */
static bool faulthandler_wanted(const Options *o)
{
    if (o->flags.dev_mode)
        return true;
    for (int k = 0; k < o->nxoptions; k++)
        if (strncmp(o->xoptions[k], "faulthandler", 12) == 0 &&
            (o->xoptions[k][12] == '\0' || o->xoptions[k][12] == '='))
            return true;
    const char *v = o->flags.ignore_environment ? NULL : getenv("PYTHONFAULTHANDLER");
    return v != NULL && v[0] != '\0';
}

static void enable_faulthandler(void)
{
    Value module = ld_import_module("faulthandler");
    Value enable = module != VAL_NULL ? rt_getattr_cstr(module, "enable") : VAL_NULL;
    if (enable == VAL_NULL || rt_call(enable, NULL, 0, VAL_NULL) == VAL_NULL)
        rt_err_clear();                 /* as without it: no dump on a crash */
}

/* sys.warnoptions: "default" in development mode, PYTHONWARNINGS'
 * comma-separated entries (unless -E / -I), then the -W options, in that
 * order, as CPython lists them (the later an option, the higher its
 * filter). */
static void add_warnoptions(const Options *o)
{
    if (o->flags.dev_mode)
        mod_sys_add_warnoption("default");
    const char *env = o->flags.ignore_environment ? NULL : getenv("PYTHONWARNINGS");
    if (env != NULL) {
        char *copy = gc_strdup(env), *save = NULL;
        for (char *w = strtok_r(copy, ",", &save); w != NULL; w = strtok_r(NULL, ",", &save))
            mod_sys_add_warnoption(w);
    }
    for (int k = 0; k < o->nwarnoptions; k++)
        mod_sys_add_warnoption(o->warnoptions[k]);
    /* Last, so that the warnings module puts it first (CPython's order). */
    if (o->flags.bytes_warning)
        mod_sys_add_warnoption(o->flags.bytes_warning > 1 ? "error::BytesWarning"
                                                          : "default::BytesWarning");
}

int main(int argc, char **argv)
{
    /* As CPython: a closed pipe is a write error (BrokenPipeError), not a
     * signal that ends the process without a word. */
    signal(SIGPIPE, SIG_IGN);
    /* Likewise a write past RLIMIT_FSIZE fails with EFBIG (OSError). */
    signal(SIGXFSZ, SIG_IGN);
    /* Tools first: `pvm dis` / `pvm info` (tools/tools.h); -1 means argv[1]
     * is not a tool name, so this is an ordinary run. */
    int tool_status = tool_main(argc, argv);
    if (tool_status >= 0)
        return tool_status;

    const char *xopts[argc > 0 ? argc : 1], *wopts[argc > 0 ? argc : 1];
    Options o = { .flags = mod_sys_default_flags(), .xoptions = xopts, .warnoptions = wopts };
    int i = 1;
    int parse_status = parse_options(argc, argv, &i, &o);
    if (parse_status >= 0)
        return parse_status;
    environment_flags(&o.flags);
    xoption_flags(&o, &o.flags);
    if (!int_max_str_digits(&o, &o.flags))
        return 1;
    o.flags.utf8_mode = utf8_mode(&o);
    o.flags.dev_mode = rt_dev_mode = dev_mode(&o);
    rt_bytes_warning = o.flags.bytes_warning;
    if (o.flags.utf8_mode < 0)
        return 1;
    startup_tracemalloc = tracemalloc_frames(&o);
    if (startup_tracemalloc < 0)
        return 1;
    size_t heap_limit = 0;
    int limit_status = heap_limit_option(&o, &heap_limit);
    if (limit_status >= 0)
        return limit_status;

    /* A .pyc decides the process's bytecode version (runtime/version.h);
     * else --python, else PVM_PYTHON, which a 3.12 process sets for the
     * pvm processes it starts (sys.executable runs as the same version). */
    const char *inherited = getenv("PVM_PYTHON");
    if (!python_option && inherited != NULL && strcmp(inherited, "3.12") == 0)
        rt_py_minor = 12;
    if (!python_option && inherited != NULL && strcmp(inherited, "3.13") == 0)
        rt_py_minor = 13;
    if (!python_option && inherited != NULL && strcmp(inherited, "3.14") == 0)
        rt_py_minor = 14;
    int pyc_minor = o.module == NULL && o.command == NULL && i < argc
                  ? ld_pyc_file_minor(argv[i]) : 0;
    if (pyc_minor != 0)
        rt_py_minor = pyc_minor;
    if (rt_py_minor >= 12)
        setenv("PVM_PYTHON", rt_py_minor == 14 ? "3.14" : rt_py_minor == 13 ? "3.13" : "3.12", 1);
    else if (inherited != NULL)
        unsetenv("PVM_PYTHON");

    /* Options are parsed before anything is initialised, so that usage
     * errors and --list-dispatch cost nothing; from here on the runtime,
     * the import system and sys exist. */
    rt_hash_secret_init(o.flags.ignore_environment || o.random_hash);
    o.flags.hash_randomization = rt_hash_randomized();
    gc_startup_begin();                 /* objects that live as long as pvm */
    rt_init();
    if (heap_limit != 0)
        gc_set_heap_limit(heap_limit);
    mod_sys_read_pth(argc > 0 ? argv[0] : NULL, &o.flags);
    mod_sys_set_flags(&o.flags);
    mod_locale_coerce();                /* before os.environ is read */
    for (int k = 0; k < o.nxoptions; k++)
        mod_sys_add_xoption(o.xoptions[k]);
    rt_code_debug_ranges = debug_ranges(&o);
    add_warnoptions(&o);
    mod_sys_set_orig_argv(argc, argv);
    ld_import_init();
    mod_builtins_init(!o.flags.no_site);
    /* sys.__interactivehook__, which CPython's site module adds unless -I. */
    if (!o.flags.no_site && !o.flags.isolated)
        rt_dict_set_cstr(VAL_AS(ObjModule, mod_sys_module())->dict, "__interactivehook__",
                         tools_interactive_hook());
    rt_dict_set_cstr(rt_builtins_dict, "__debug__", rt_bool(o.flags.optimize == 0));
    /* sys.argv: the script (or, for -m, a placeholder runpy replaces; '-c'
     * for -c; '' for stdin and the prompt) and everything after it. */
    const char *module = o.module, *command = o.command;
    char *first[] = { (char *)(module ? "-m" : command ? "-c" : "") };
    if (module != NULL || command != NULL || i >= argc)
        mod_sys_set_argv(1, first);
    mod_sys_set_argv(argc - i, argv + i);
    bool program_file = module == NULL && command == NULL && i < argc && strcmp(argv[i], "-") != 0;
    ran_program = module != NULL || command != NULL || program_file;
    if (faulthandler_wanted(&o))
        enable_faulthandler();
    int status = module != NULL ? run_module(module)
               : command != NULL ? run_command(command)
               : program_file ? run_file(argv[i])
               : run_stdin(o.flags.quiet);
    /* After the program's own output (run_main flushed it), so the report
     * never interleaves with it; stderr, so stdout stays comparable. */
    if (o.stats)
        vm_stats_report();
    tool_after_run(program_file ? script_code : NULL);
    return status;
}
