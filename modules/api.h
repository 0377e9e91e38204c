/*
 * api.h — what the rest of pvm calls in modules/: the registry of
 * built-in modules (the list is modules.h), the sys state the command line
 * and the import system use, and open() with the standard streams.
 *
 * The import system asks the registry for a module by name before it
 * searches sys.path; sys.builtin_module_names lists what the registry has.
 */
#ifndef PVM_MODULES_API_H
#define PVM_MODULES_API_H

#include "runtime/object.h"
#include "modules/modules.h"

typedef Value (*ModInit)(void);

/* The initialiser of the built-in module `name`, or NULL when pvm has no
 * such module. */
ModInit mod_lookup(const char *name);

/* A tuple of the names of every built-in module present, sorted (as
 * sys.builtin_module_names is). */
Value mod_module_names(void);
/* _typing.<function>(*args) of a 3.12 process: what PEP 695's syntax
 * builds its type parameters with (vm/intrinsics.c, modules/typing312.c). */
Value mod_typing312_call(const char *function, Value *args, size_t nargs);

/* Is `name` one of the frozen modules (CPython's test modules __hello__,
 * __phello__...; imp.c), which importlib's FrozenImporter loads? */
bool mod_imp_is_frozen(const char *name);
/* A frozen module's code and the name it was frozen from (VAL_NULL with
 * no error set: not frozen, or hidden by
 * _imp._override_frozen_modules_for_tests). */
Value mod_imp_frozen_code(const char *name, const char **origname);
/* _imp.check_hash_based_pycs ("default", "always" or "never": when the
 * import system checks a hash-based pyc against its source; the program
 * may change it), its start value given by --check-hash-based-pycs. */
const char *mod_imp_check_hash_based_pycs(void);
void mod_imp_set_check_hash_based_pycs(const char *mode);

/* open() and sys.stdin/stdout/stderr (io_module.c, the _io module). */
Value mod_open(Value *args, size_t nargs, Value kwnames);
Value mod_std_stream(int fd);          /* 0, 1 or 2 */
/* Whether the standard streams are unbuffered: -u, or PYTHONUNBUFFERED set
 * and not empty. */
bool mod_std_unbuffered(void);
/* The standard streams' encoding, and the file system's, as CPython names
 * it: "utf-8" in UTF-8 mode or a UTF-8 locale, "ascii" under an uncoerced
 * C locale (PYTHONCOERCECLOCALE=0 PYTHONUTF8=0), the codec's name for the
 * codeset of any other locale. */
Value mod_std_encoding(void);
/* A file name or command-line word from the system as str, decoded as
 * os.fsdecode does (UTF-8, each undecodable byte a lone surrogate, so the
 * name round-trips; posix.c). */
Value mod_fsdecode(const char *s);
/* And back (os.fsencode): NULL + UnicodeEncodeError for a surrogate that
 * stands for no byte. */
const char *mod_fsencode(Value s);
/* Install open() in builtins (called once by the registry's first use). */
void mod_fileio_init(void);

/* Signals (signal.c), the modules' side of vm_check_interrupt:
 * mod_signal_startup, before the program's first instruction, makes
 * default_int_handler SIGINT's handler (unless SIGINT was inherited
 * ignored); mod_signal_run_handlers calls the Python handler of each
 * signal that arrived (main thread; false with the exception one raised);
 * mod_signal_simulate(signum) makes a signal look arrived, if Python
 * handles it (_thread.interrupt_main). */
void mod_signal_startup(void);
bool mod_signal_run_handlers(void);
bool mod_signal_simulate(int signum);

/* At exit, before anything is torn down: threading._shutdown() if the
 * program imported threading (thread.c). */
void mod_thread_shutdown(void);
/* In the child of fork(), after vm_thread_after_fork: 3.13's thread
 * handles of the threads that are gone are done (thread.c). */
void mod_thread_after_fork(void);
/* fork() and the import lock (imp.c): mod_imp_before_fork takes it for
 * the forking thread (false with KeyboardInterrupt if Ctrl-C ends the
 * wait); mod_imp_after_fork, in the parent and the child, gives back
 * that level. */
bool mod_imp_before_fork(void);
void mod_imp_after_fork(bool child);
/* At exit, after mod_thread_shutdown: the atexit callbacks (atexit.c). */
void mod_atexit_run(void);
/* -X tracemalloc=N, PYTHONTRACEMALLOC=N: tracing from start-up, as
 * tracemalloc.start(N) (tracemalloc.c); false with ValueError set for an
 * N out of range. */
bool mod_tracemalloc_start(int nframe);

/* One line typed at the terminal after `prompt`, read by GNU readline in
 * its callback mode so that Ctrl-C cancels it (readline.c): the prompt
 * (tools/repl.c) and input() once readline is imported.  MOD_LINE_READ
 * with *line malloc'd, without its newline; MOD_LINE_EOF (Ctrl-D);
 * MOD_LINE_INTERRUPTED: a Ctrl-C is pending, not yet raised.  Other
 * threads run while it waits for keys. */
typedef enum { MOD_LINE_READ, MOD_LINE_EOF, MOD_LINE_INTERRUPTED } ModLineStatus;
ModLineStatus mod_readline_line(const char *prompt, char **line);

/* ---- the start-up locale (locale.c) ----
 * What CPython's start-up decides from the environment before anything
 * runs (PEP 538 and 540), answered without setting pvm's own locale. */

/* The locale LC_CTYPE comes from: LC_ALL, LC_CTYPE or LANG, the first set
 * and not empty (POSIX's order); "" when none is. */
const char *mod_locale_env_name(void);
/* Whether that LC_CTYPE is the C locale, as setlocale(LC_CTYPE, "") leaves
 * it: none named, "C" or "POSIX", or a locale that is not installed. */
bool mod_locale_env_is_c(void);
/* Whether CPython coerces that C locale to C.UTF-8 (PEP 538): not when
 * LC_ALL is set or PYTHONCOERCECLOCALE=0 (read unless -E / -I). */
bool mod_locale_coerced(void);
/* The coercion's part at start-up: LC_CTYPE=C.UTF-8 into the environment
 * (os.environ and child processes see it), and PYTHONCOERCECLOCALE=warn's
 * warning.  (CPython falls back on C.utf8 and UTF-8 where C.UTF-8 is not
 * installed; pvm expects glibc's, built in since 2.35.) */
void mod_locale_coerce(void);

/* ---- sys: how pvm was started (sys.c) ----
 * The command line (tools/main.c) fills these in before the first import;
 * the loader reads them back. */

/* sys.flags, field for field (CPython 3.11's order). */
typedef struct ModSysFlags {
    int debug, inspect, interactive, optimize, dont_write_bytecode, no_user_site,
        no_site, ignore_environment, verbose, bytes_warning, quiet,
        hash_randomization, isolated;
    bool dev_mode;
    int utf8_mode, warn_default_encoding;
    bool safe_path;
    int int_max_str_digits;
    bool unbuffered;            /* -u (not in sys.flags since 3.7; io reads it) */
} ModSysFlags;
/* The defaults of a plain `python3.11 prog.py`. */
ModSysFlags mod_sys_default_flags(void);
/* sys.flags, and sys.dont_write_bytecode's start value (the import system
 * reads the attribute itself, which programs may set). */
void mod_sys_set_flags(const ModSysFlags *flags);
const ModSysFlags *mod_sys_flags(void);
int mod_sys_optimize(void);
/* getenv(name), or NULL under -E / -I, which tell pvm to ignore the
 * PYTHON* variables (PYTHONPATH, PYTHONHOME, ...), as CPython does. */
const char *mod_sys_getenv(const char *name);
void mod_sys_set_argv(int argc, char **argv);
void mod_sys_set_orig_argv(int argc, char **argv);
/* -X opt (sys._xoptions) and -W opt (sys.warnoptions). */
void mod_sys_add_xoption(const char *opt);
void mod_sys_add_warnoption(const char *opt);
/* A ._pth file beside the executable (CPython's getpath: the file
 * `<executable>._pth`, the executable as argv0 names it, made absolute
 * or found on PATH): when there is one, its lines are sys.path's entries
 * instead of PYTHONPATH's and the standard library's, relative to its
 * directory, and the flags are isolated, ignore_environment and
 * safe_path, and no_site unless a line says `import site` (the user
 * site stays).  Call before mod_sys_set_flags. */
void mod_sys_read_pth(const char *argv0, ModSysFlags *flags);
/* sys.path = [first, PYTHONPATH entries..., the standard library, the
 * site-packages directories]; first is VAL_NULL under -P / -I (safe_path:
 * no script directory). */
void mod_sys_init_path(Value first);
/* Append v to a list of sys.path entries unless site.py would remove it
 * as a duplicate (only without -S: site's removeduppaths). */
void mod_sys_append_path(Value path, Value v);
/* sys.prefix (exec false) or sys.exec_prefix (true). */
const char *mod_sys_prefix(bool exec);
/* The global site-packages directories the build's python listed, ':'
 * between them, "{prefix}" standing for the prefix (sitedirs.c). */
const char *mod_sys_site_dirs(void);
/* sys.version_info.micro: the python whose standard library runs. */
int mod_sys_micro_version(void);
/* Append the site-packages directories and those their .pth files name,
 * as site.py does (sitedirs.c); not under -S. */
void mod_site_add_dirs(Value path);
/* The standard-library directory pvm looked for and did not find (so that
 * "No module named 'x'" can say where it looked), or NULL when it is there. */
const char *mod_sys_missing_stdlib(void);
/* sys.path (a list) and sys.modules (a dict), made on first use. */
Value mod_sys_path(void);
Value mod_sys_modules(void);
/* The sys module itself (made once). */
Value mod_sys_module(void);

/* An exception nobody caught (the program's, or one typed at the prompt),
 * reported as CPython's PyErr_Print does (sys_hooks.c): sys.last_type,
 * last_value and last_traceback are set, then sys.excepthook shows it
 * (the traceback, unless a program replaced the hook).  Returns VAL_NULL,
 * or the SystemExit a replaced hook raised, which ends pvm instead. */
Value mod_sys_report_uncaught(Value exc);

/* What modules/ adds to builtins at start-up (sitebuiltins.c):
 * breakpoint(), and — with site true, i.e. unless -S — exit(), quit(),
 * help, copyright, credits and license, which CPython's site module adds;
 * pvm makes them itself without importing site. */
void mod_builtins_init(bool site);

/* Abstract syntax trees (ast.c), for compile() and the compile service:
 * whether v is an _ast.AST instance, and a tree to and from the plain
 * tuples-and-lists form that crosses to python3.11 (VAL_NULL with an
 * exception on failure). */
bool mod_ast_is_node(Value v);
Value mod_ast_to_plain(Value tree);
Value mod_ast_from_plain(Value plain);

#endif
