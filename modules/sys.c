/*
 * sys.c — the sys module: what the interpreter knows about itself, about
 * how it was started, and where its standard library is.
 *
 * The command line (tools/main.c) fills in argv, flags and path before
 * __main__ runs; the import system (loader/import.c) owns the contents of
 * modules.  sys.stdout/stderr/stdin are _io's TextIOWrappers (io_module.c),
 * and sys.stdout's bytes share print()'s buffer.  The hooks (displayhook,
 * excepthook, ...) are sys_hooks.c's.
 *
 * The standard library.  pvm runs the pure-Python Lib/ of the CPython whose
 * bytecode it executes.  The Makefile asks that python3.11 at build time
 * for its stdlib directory, prefix, exec_prefix and platlibdir (PVM_STDLIB,
 * PVM_PREFIX, PVM_EXEC_PREFIX, PVM_PLATLIBDIR: /usr/lib/python3.11, /usr,
 * /usr, lib on Debian).  PYTHONHOME overrides them with CPython's meaning:
 * PYTHONHOME=prefix[:exec_prefix], and the stdlib is
 * prefix/platlibdir/python3.11.  The directory counts as found when it
 * holds os.py (CPython's landmark).  sys.path is then, as CPython's
 * getpath makes it, the script's directory, the PYTHONPATH entries,
 * prefix/platlibdir/python311.zip, the stdlib directory and
 * exec_prefix/platlibdir/python3.11/lib-dynload — the last three only when
 * the stdlib is found.  The zip (which Debian does not ship) and
 * lib-dynload (CPython's extension modules, which pvm does not load: its
 * own C modules are built in) are listed so that sys.path reads as
 * CPython's; then site-packages (sitedirs.c).
 *
 * Struct sequences (runtime/structseq.h) carry version_info, flags,
 * float_info, int_info, hash_info and thread_info.  Where pvm differs
 * from CPython inside, they report:
 *   int_info     CPython's 30-bit digits (pvm's ints are tagged words and
 *                GMP limbs; the numbers describe the int *semantics*
 *                programs rely on, such as the str-conversion limit);
 *   hash_info    CPython's hash parameters: pvm's hash(int/float) is
 *                CPython's, and so is its str/bytes hash (siphash13 under
 *                a 128-bit secret, runtime/str.c).
 *
 * Version: pvm runs the bytecode of CPython 3.11 (magic 3495, the same for
 * every 3.11.x), so it reports 3.11 — and the micro version of the
 * python3.11 whose standard library it runs, which the Makefile asks of
 * $(PYTHON) (PY311_MICRO: 2 on Debian 12), since programs that print
 * sys.version_info should print what that python3.11 prints.  sys.version
 * says "pvm" so nobody mistakes it for CPython.
 */
#include <float.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "loader/files.h"
#include "loader/import.h"
#include "runtime/runtime.h"
#include "runtime/structseq.h"
#include "runtime/class.h"
#include "runtime/finalize.h"
#include "runtime/typeversion.h"
#include "modules/api.h"
#include "modules/io.h"
#include "modules/modutil.h"
#include "modules/sys.h"
#include "runtime/version.h"
#include "runtime/finalize.h"
#include "vm/thread.h"
#include "vm/systrace.h"
#include "vm/monitoring.h"
#include "vm/vm.h"

#ifndef PY311_MICRO
#define PY311_MICRO 2
#endif

/* A 3.12 process (runtime/version.h) reports the python3.12 the Makefile
 * found, $(PYTHON312): its micro version and its standard library
 * (PVM_STDLIB312, PVM_PREFIX312, PVM_EXEC_PREFIX312), recorded as for 3.11. */
#ifndef PY312_MICRO
#define PY312_MICRO 1
#endif
#ifndef PVM_STDLIB312
#define PVM_STDLIB312 ""
#endif
#ifndef PVM_PREFIX312
#define PVM_PREFIX312 ""
#endif
#ifndef PVM_EXEC_PREFIX312
#define PVM_EXEC_PREFIX312 PVM_PREFIX312
#endif
/* And of a 3.13 process, $(PYTHON313)'s. */
#ifndef PY313_MICRO
#define PY313_MICRO 0
#endif
#ifndef PVM_STDLIB313
#define PVM_STDLIB313 ""
#endif
#ifndef PVM_PREFIX313
#define PVM_PREFIX313 ""
#endif
#ifndef PVM_EXEC_PREFIX313
#define PVM_EXEC_PREFIX313 PVM_PREFIX313
#endif
/* And of a 3.14 process, the CPython 3.14 of tools/python314 (pyodide):
 * its standard library unpacked and compiled by the Makefile into
 * build/python314/lib/python3.14. */
#ifndef PY314_MICRO
#define PY314_MICRO 0
#endif
#ifndef PVM_STDLIB314
#define PVM_STDLIB314 ""
#endif
#ifndef PVM_PREFIX314
#define PVM_PREFIX314 ""
#endif
/* site.getsitepackages() of each version's python for one prefix, the
 * prefix written "{prefix}" (the Makefile's SITEDIRS_OF; sitedirs.c fills it
 * in).  3.14 (pyodide) has none to ask. */
#ifndef PVM_SITEDIRS
#define PVM_SITEDIRS ""
#endif
#ifndef PVM_SITEDIRS312
#define PVM_SITEDIRS312 ""
#endif
#ifndef PVM_SITEDIRS313
#define PVM_SITEDIRS313 ""
#endif
#define PY_MINOR rt_py_minor
#define PY_MICRO_NOW (rt_py_minor == 14 ? PY314_MICRO : rt_py_minor == 13 ? PY313_MICRO \
                      : rt_py_minor == 12 ? PY312_MICRO : PY311_MICRO)
#define PY_HEXVERSION (0x030000F0 | PY_MINOR << 16 | PY_MICRO_NOW << 8)

/* What the build recorded for this process's version. */
static const char *recorded(const char *for311, const char *for312, const char *for313,
                            const char *for314)
{
    return rt_py_minor == 14 ? for314 : rt_py_minor == 13 ? for313
         : rt_py_minor == 12 ? for312 : for311;
}

/* What the Makefile recorded from python3.11 (see above); the fallbacks
 * are CPython's own defaults. */
#ifndef PVM_STDLIB
#define PVM_STDLIB ""
#endif
#ifndef PVM_PREFIX
#define PVM_PREFIX ""
#endif
#ifndef PVM_EXEC_PREFIX
#define PVM_EXEC_PREFIX PVM_PREFIX
#endif
#ifndef PVM_PLATLIBDIR
#define PVM_PLATLIBDIR ""
#endif

static const char *platlibdir(void)
{
    return PVM_PLATLIBDIR[0] ? PVM_PLATLIBDIR : "lib";
}

static Value sys_module, sys_path, sys_modules, sys_argv, sys_orig_argv;
static Value xoptions, warnoptions;
static ModSysFlags flags;
static bool flags_set;

/* ---- the command line's settings ----------------------------------------------- */

ModSysFlags mod_sys_default_flags(void)
{
    /* hash_randomization: main() sets it once -E and -I are known. */
    return (ModSysFlags){ .hash_randomization = 1, .int_max_str_digits = -1 };
}

const ModSysFlags *mod_sys_flags(void)
{
    if (!flags_set) {
        flags = mod_sys_default_flags();
        flags_set = true;
    }
    return &flags;
}

/* The level compiling and the cached bytecode's name go by: sys.flags
 * keeps -OOO's 3 and PYTHONOPTIMIZE=5's 5, which compile as -OO. */
int mod_sys_optimize(void)
{
    int level = mod_sys_flags()->optimize;
    return level > 2 ? 2 : level;
}

const char *mod_sys_getenv(const char *name)
{
    return mod_sys_flags()->ignore_environment ? NULL : getenv(name);
}

static Value list_of(Value *slot)
{
    if (*slot == VAL_NULL)
        *slot = rt_list_new(0);
    return *slot;
}

void mod_sys_set_argv(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        rt_list_append(list_of(&sys_argv), mod_fsdecode(argv[i]));
}

void mod_sys_set_orig_argv(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        rt_list_append(list_of(&sys_orig_argv), mod_fsdecode(argv[i]));
}

/* -X name=value → _xoptions['name'] = 'value'; -X name → True. */
void mod_sys_add_xoption(const char *opt)
{
    if (xoptions == VAL_NULL)
        xoptions = rt_dict_new();
    const char *eq = strchr(opt, '=');
    Value key = eq ? rt_str_new(opt, (size_t)(eq - opt)) : rt_str_from_cstr(opt);
    rt_dict_set(xoptions, key, eq ? rt_str_from_cstr(eq + 1) : rt_True);
}

void mod_sys_add_warnoption(const char *opt)
{
    rt_list_append(list_of(&warnoptions), rt_str_from_cstr(opt));
}

/* ---- where the standard library is -------------------------------------------- */

static struct {
    bool located, found;
    const char *prefix, *exec_prefix, *stdlib;
} lib;

/* PYTHONHOME=prefix[:exec_prefix], else what the build recorded. */
static void locate_stdlib(void)
{
    if (lib.located)
        return;
    lib.located = true;
    const char *home = mod_sys_getenv("PYTHONHOME");
    if (home != NULL && home[0] != '\0') {
        const char *colon = strchr(home, ':');
        lib.prefix = home;
        if (colon != NULL) {
            char *p = gc_strdup(home);
            p[colon - home] = '\0';
            lib.prefix = p;
        }
        lib.exec_prefix = colon ? colon + 1 : home;
    } else {
        const char *prefix = recorded(PVM_PREFIX, PVM_PREFIX312, PVM_PREFIX313, PVM_PREFIX314);
        const char *exec_prefix = recorded(PVM_EXEC_PREFIX, PVM_EXEC_PREFIX312, PVM_EXEC_PREFIX313,
                                           PVM_PREFIX314);
        lib.prefix = prefix[0] ? prefix : "/usr/local";
        lib.exec_prefix = exec_prefix[0] ? exec_prefix : lib.prefix;
    }
    const char *stdlib = recorded(PVM_STDLIB, PVM_STDLIB312, PVM_STDLIB313, PVM_STDLIB314);
    if ((home == NULL || home[0] == '\0') && stdlib[0] != '\0') {
        lib.stdlib = stdlib;
    } else {
        Value dir = rt_str_format_c("%s/%s/python3.%d", lib.prefix, platlibdir(), PY_MINOR);
        lib.stdlib = rt_str_cstr(dir);
    }
    Value landmark = rt_str_format_c("%s/os.py", lib.stdlib);
    lib.found = ld_is_file(rt_str_cstr(landmark));
}

const char *mod_sys_missing_stdlib(void)
{
    locate_stdlib();
    return lib.found ? NULL : lib.stdlib;
}

/* A PYTHONPATH entry as CPython's getpath makes it: os.path.abspath(entry)
 * ("" is the current directory). */
static Value abspath(const char *p, size_t n)
{
    char cwd[PATH_MAX];
    if ((n > 0 && p[0] == '/') || getcwd(cwd, sizeof cwd) == NULL)
        return mod_normpath(p, n);
    size_t c = strlen(cwd);
    char *joined = gc_alloc_atomic(c + n + 2);
    memcpy(joined, cwd, c);
    joined[c] = '/';
    memcpy(joined + c + 1, p, n);
    return mod_normpath(joined, c + 1 + n);
}

void mod_sys_append_path(Value path, Value v)
{
    if (!mod_sys_flags()->no_site && rt_contains(path, v) == 1)
        return;
    rt_list_append(path, v);
}

static Value pth_entries;               /* a ._pth file's sys.path, or VAL_NULL */

/* The executable as CPython's getpath finds it from argv0: a name with a
 * slash made absolute (not following symlinks), else the first
 * executable file of that name on PATH; NULL when none. */
static const char *program_path(const char *argv0)
{
    if (strchr(argv0, '/') != NULL)
        return rt_str_cstr(abspath(argv0, strlen(argv0)));
    const char *dirs = getenv("PATH");
    while (dirs != NULL && *dirs != '\0') {
        const char *colon = strchr(dirs, ':');
        size_t n = colon ? (size_t)(colon - dirs) : strlen(dirs);
        char *candidate = gc_alloc_atomic(n + strlen(argv0) + 2);
        sprintf(candidate, "%.*s/%s", (int)n, dirs, argv0);
        if (access(candidate, X_OK) == 0)
            return rt_str_cstr(abspath(candidate, strlen(candidate)));
        dirs = colon ? colon + 1 : NULL;
    }
    return NULL;
}

void mod_sys_read_pth(const char *argv0, ModSysFlags *f)
{
    const char *exe = argv0 != NULL ? program_path(argv0) : NULL;
    char *pth = exe != NULL ? gc_alloc_atomic(strlen(exe) + 6) : NULL;
    size_t size;
    if (pth != NULL)
        sprintf(pth, "%s._pth", exe);
    char *text = pth != NULL ? ld_read_file(pth, &size) : NULL;
    if (text == NULL)
        return;
    const char *dir = rt_str_cstr(abspath(pth, (size_t)(strrchr(pth, '/') - pth)));
    pth_entries = rt_list_new(0);
    f->no_site = 1;
    for (char *line = strtok(text, "\r\n"); line != NULL; line = strtok(NULL, "\r\n")) {
        char *hash = strchr(line, '#');
        if (hash != NULL)
            *hash = '\0';
        while (*line == ' ' || *line == '\t')
            line++;
        size_t n = strlen(line);
        while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
            line[--n] = '\0';
        if (n == 0)
            continue;
        if (strcmp(line, "import site") == 0) {
            f->no_site = 0;
            continue;
        }
        if (strncmp(line, "import ", 7) == 0) {
            fputs("unsupported 'import' line in ._pth file\n", stderr);
            continue;
        }
        const char *entry = line;
        if (line[0] != '/') {
            char *joined = gc_alloc_atomic(strlen(dir) + n + 2);
            sprintf(joined, "%s/%s", dir, line);
            entry = joined;
        }
        rt_list_append(pth_entries, abspath(entry, strlen(entry)));
    }
    f->isolated = f->ignore_environment = 1;
    f->safe_path = true;
}

/* sys.path: [first, the PYTHONPATH entries made absolute, the standard
 * library's zip, the standard library, lib-dynload, the site-packages
 * directories]; duplicates after first dropped as site.py drops them. */
void mod_sys_init_path(Value first)
{
    Value path = mod_sys_path();
    Value rest = rt_list_new(0);
    const char *env = pth_entries != VAL_NULL ? NULL : mod_sys_getenv("PYTHONPATH");
    while (env != NULL && *env != '\0') {
        const char *colon = strchr(env, ':');
        size_t n = colon ? (size_t)(colon - env) : strlen(env);
        mod_sys_append_path(rest, abspath(env, n));
        env = colon ? colon + 1 : NULL;
    }
    locate_stdlib();
    if (pth_entries != VAL_NULL)
        rest = pth_entries;
    else if (lib.found) {
        mod_sys_append_path(rest, rt_str_format_c("%s/%s/python3%d.zip", lib.prefix, platlibdir(),
                                                   PY_MINOR));
        mod_sys_append_path(rest, rt_str_from_cstr(lib.stdlib));
        mod_sys_append_path(rest, rt_str_format_c("%s/%s/python3.%d/lib-dynload", lib.exec_prefix,
                                                   platlibdir(), PY_MINOR));
    }
    if (first != VAL_NULL)
        rt_list_append(path, first);
    rt_list_extend(path, rest);
    if (!mod_sys_flags()->no_site && lib.found)   /* no stdlib, no site.py */
        mod_site_add_dirs(path);        /* site-packages (sitedirs.c) */
    rt_module_set_shadow_check(first, mod_sys_module());
}

static void set_prefixes(Value d)
{
    locate_stdlib();
    Value prefix = rt_str_from_cstr(lib.prefix), exec_prefix = rt_str_from_cstr(lib.exec_prefix);
    rt_dict_set_cstr(d, "prefix", prefix);
    rt_dict_set_cstr(d, "base_prefix", prefix);
    rt_dict_set_cstr(d, "exec_prefix", exec_prefix);
    rt_dict_set_cstr(d, "base_exec_prefix", exec_prefix);
    rt_dict_set_cstr(d, "platlibdir", rt_str_from_cstr(platlibdir()));
    rt_dict_set_cstr(d, "_stdlib_dir", rt_str_from_cstr(lib.stdlib));
}

/* sys.stdlib_module_names: a frozenset of the names in stdlib_names.h
 * that the running version has.  The ~300 names are static str objects,
 * so a program that imports sys does not allocate them: start-up allocates
 * just under the amount that sets off Boehm's first collection (which
 * would cost more than all of sys), and 20 KB of names were enough to
 * cross it.  Their hashes go into the set, not into the names: stored,
 * they made each of the six pages of names a private copy of the
 * executable's page (a copy-on-write fault) at every start. */
#define PVM_STDLIB_NAME(name, versions)                                     \
    static ObjStr stdlib_##name = { .ob.type = &rt_str_type, .length = sizeof #name - 1, \
                                    .nbytes = sizeof #name - 1, .hash = -1, .ascii = true, \
                                    .data = #name };
#include "modules/stdlib_names.h"
#undef PVM_STDLIB_NAME

static Value stdlib_module_names(void)
{
    static const struct { ObjStr *name; unsigned versions; } names[] = {
#define PVM_STDLIB_NAME(name, versions) { &stdlib_##name, versions },
#include "modules/stdlib_names.h"
#undef PVM_STDLIB_NAME
    };
    unsigned running = 1u << (rt_py_minor - 11);     /* bit 0: 3.11 */
    Value set = rt_frozenset_new();
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].versions & running)
            rt_set_add_hashed(set, obj_val(names[i].name),
                              rt_str_hash_uncached(obj_val(names[i].name)));
    return set;
}

/* ---- struct sequences --------------------------------------------------------- */

static const char *const version_fields[] = {
    "major", "minor", "micro", "releaselevel", "serial",
};
static const RtStructSeqDesc version_info_desc = { "sys.version_info", version_fields, 5, 5 };

static const char *const flags_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
    "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet",
    "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
    "safe_path", "int_max_str_digits", "gil", "thread_inherit_context", "context_aware_warnings",
};
static const RtStructSeqDesc flags_desc = { "sys.flags", flags_fields, 18, 18 };
/* 3.13: gil, a field outside the sequence */
static const RtStructSeqDesc flags_desc_313 = { "sys.flags", flags_fields, 19, 18 };
/* 3.14's has three attributes beyond the tuple: the GIL is on (1), new
 * threads start with an empty context and warnings ignore the context (0). */
static const RtStructSeqDesc flags_desc_314 = { "sys.flags", flags_fields, 21, 18 };

/* float_info, int_info, hash_info and thread_info may be made by calling
 * their types; flags and version_info may not. */
static const char *const float_info_fields[] = {
    "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig",
    "epsilon", "radix", "rounds",
};
static const RtStructSeqDesc float_info_desc = { "sys.float_info", float_info_fields, 11, 11, true };

static const char *const int_info_fields[] = {
    "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold",
};
static const RtStructSeqDesc int_info_desc = { "sys.int_info", int_info_fields, 4, 4, true };

static const char *const hash_info_fields[] = {
    "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff",
};
static const RtStructSeqDesc hash_info_desc = { "sys.hash_info", hash_info_fields, 9, 9, true };

static const char *const thread_info_fields[] = { "name", "lock", "version" };
static const RtStructSeqDesc thread_info_desc = { "sys.thread_info", thread_info_fields, 3, 3, true };

static ObjType *flags_type;

static Value make_flags(void)
{
    const ModSysFlags *f = mod_sys_flags();
    /* 3.12 shows the limit in force when none was set */
    int digits = rt_py_minor >= 12 && f->int_max_str_digits < 0 ? 4300 : f->int_max_str_digits;
    Value items[21] = {
        small_new(f->debug), small_new(f->inspect), small_new(f->interactive),
        small_new(f->optimize), small_new(f->dont_write_bytecode), small_new(f->no_user_site),
        small_new(f->no_site), small_new(f->ignore_environment), small_new(f->verbose),
        small_new(f->bytes_warning), small_new(f->quiet), small_new(f->hash_randomization),
        small_new(f->isolated), rt_bool(f->dev_mode), small_new(f->utf8_mode),
        small_new(f->warn_default_encoding), rt_bool(f->safe_path),
        small_new(digits), small_new(1), small_new(0), small_new(0),
    };
    if (flags_type == NULL)
        flags_type = rt_structseq_type_new(rt_py_minor >= 14 ? &flags_desc_314
                                           : rt_py_minor >= 13 ? &flags_desc_313 : &flags_desc);
    return rt_structseq_new(flags_type, items);
}

void mod_sys_set_flags(const ModSysFlags *f)
{
    flags = *f;
    flags_set = true;
    /* CPython fixes the locale encoding open() defaults to at start-up:
     * a program that changes LANG later does not change it.  It decides
     * whether print() may write UTF-8 into the stdout buffer itself. */
    Value codeset = io_default_encoding();
    rt_stdio_codeset = rt_codec_lookup(rt_str_cstr(codeset)) == 0 ? VAL_NULL : codeset;
    if (f->int_max_str_digits >= 0)
        rt_int_max_str_digits = f->int_max_str_digits;
    if (sys_module != VAL_NULL) {
        Value d = VAL_AS(ObjModule, sys_module)->dict;
        rt_dict_set_cstr(d, "dont_write_bytecode", rt_bool(f->dont_write_bytecode));
        rt_dict_set_cstr(d, "flags", make_flags());
    }
}

static Value info(const RtStructSeqDesc *desc, const Value *items)
{
    return rt_structseq_new(rt_structseq_type_new(desc), items);
}

static Value make_float_info(void)
{
    Value items[11] = {
        rt_float_new(DBL_MAX), small_new(DBL_MAX_EXP), small_new(DBL_MAX_10_EXP),
        rt_float_new(DBL_MIN), small_new(DBL_MIN_EXP), small_new(DBL_MIN_10_EXP),
        small_new(DBL_DIG), small_new(DBL_MANT_DIG), rt_float_new(DBL_EPSILON),
        small_new(FLT_RADIX), small_new(FLT_ROUNDS),
    };
    return info(&float_info_desc, items);
}

static Value make_int_info(void)
{
    Value items[4] = { small_new(30), small_new(4), small_new(4300), small_new(640) };
    return info(&int_info_desc, items);
}

static Value make_hash_info(void)
{
    Value items[9] = {
        small_new(64), rt_int_from_i64(((int64_t)1 << 61) - 1), small_new(314159),
        small_new(0), small_new(1000003), rt_str_from_cstr("siphash13"), small_new(64),
        small_new(128), small_new(0),
    };
    return info(&hash_info_desc, items);
}

/* ('pthread', 'semaphore', 'NPTL 2.36'): the C library's thread version. */
static Value make_thread_info(void)
{
    char version[64] = "";
#ifdef _CS_GNU_LIBPTHREAD_VERSION
    size_t n = confstr(_CS_GNU_LIBPTHREAD_VERSION, version, sizeof version);
    if (n == 0 || n > sizeof version)
        version[0] = '\0';
#endif
    Value items[3] = { rt_str_from_cstr("pthread"), rt_str_from_cstr("semaphore"),
                       version[0] ? rt_str_from_cstr(version) : rt_None };
    return info(&thread_info_desc, items);
}

/* ---- sys.implementation --------------------------------------------------------- */

static Value make_implementation(Value version_info)
{
    Value d = rt_dict_new();
    rt_dict_set_cstr(d, "name", rt_str_from_cstr("pvm"));
    rt_dict_set_cstr(d, "cache_tag", rt_str_format_c("cpython-3%d", PY_MINOR));
    rt_dict_set_cstr(d, "version", version_info);
    rt_dict_set_cstr(d, "hexversion", rt_int_from_i64(PY_HEXVERSION));
    rt_dict_set_cstr(d, "_multiarch", rt_str_from_cstr(PVM_MULTIARCH));
    return rt_namespace_new(d);   /* a types.SimpleNamespace (runtime/namespace.c) */
}

/* ---- functions ------------------------------------------------------------------- */

/* sys.exit([status]): raise SystemExit(status); the command line turns it
 * into the exit status (main.c). */
static Value sys_exit(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("exit", kwnames) || !rt_arg_range("exit", nargs, 0, 1))
        return VAL_NULL;
    if (nargs == 0 || args[0] == rt_None)
        return rt_raise_args(&rt_SystemExit, rt_empty_tuple);
    /* A tuple is the exception's arguments, as CPython's PyErr_SetObject
     * makes it: exit((42,)) exits with 42. */
    if (rt_isinstance_of(args[0], &rt_tuple_type))
        return rt_raise_args(&rt_SystemExit, rt_tuple_from(AS_TUPLE(args[0])->items,
                                                           rt_tuple_len(args[0])));
    return rt_raise_args(&rt_SystemExit, rt_tuple_pack(1, args[0]));
}

/* An int argument as CPython's "i" format reads it. */
static bool int_arg(Value v, int64_t *out)
{
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return false;
    }
    return rt_int_as_i64(v, out);
}

static Value sys_getrecursionlimit(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("sys.getrecursionlimit", nargs, kwnames))
        return VAL_NULL;
    return rt_int_from_i64(vm_get_recursion_limit());
}

static Value sys_setrecursionlimit(Value *args, size_t nargs, Value kwnames)
{
    int64_t n;
    if (!rt_arg_one("sys.setrecursionlimit", nargs, kwnames) || !int_arg(args[0], &n))
        return VAL_NULL;
    if (n < 1)
        return rt_raisef(&rt_ValueError, "recursion limit must be greater or equal than 1");
    if (n > INT_MAX)
        return rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
    /* Not below the depth reached, which in 3.11 counts this call too (a
     * METH_O builtin's call is a recursive call there). */
    int depth = vm_recursion_depth() + (rt_py_minor == 11);
    if (depth >= n)
        return rt_raisef(&rt_RecursionError, "cannot set the recursion limit to %d at the "
                         "recursion depth %d: the limit is too low", (int)n, depth);
    vm_set_recursion_limit((int)n);
    return rt_None;
}

static Value sys_intern(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("sys.intern", nargs, kwnames))
        return VAL_NULL;
    if (!is_str(args[0]))
        return rt_raisef(&rt_TypeError, "intern() argument must be str, not %T", args[0]);
    return rt_str_intern(args[0]);
}

/* sys._getframe(depth=0): a frame object (vm/frameobject.h). */
static Value sys_getframe(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "depth" };
    static const ArgSpec spec = { "_getframe", names, 1, 1, 0, 1, false };
    Value a[1];
    int64_t depth = 0;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) ||
        (a[0] != VAL_NULL && !int_arg(a[0], &depth)))
        return VAL_NULL;
    return vm_getframe((long)depth);
}

static Value sys_current_frames(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("sys._current_frames", nargs, kwnames))
        return VAL_NULL;
    return vm_thread_snapshot(false);
}

static Value sys_current_exceptions(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("sys._current_exceptions", nargs, kwnames))
        return VAL_NULL;
    return vm_thread_snapshot(true);
}

static Value sys_exc_info(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("sys.exc_info", nargs, kwnames))
        return VAL_NULL;
    Value e = vm_handled_exception();
    if (e == rt_None)
        return rt_tuple_pack(3, rt_None, rt_None, rt_None);
    return rt_tuple_pack(3, obj_val(val_type(e)), e, AS_EXC(e)->traceback);
}

static Value sys_exception(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("sys.exception", nargs, kwnames))
        return VAL_NULL;
    return vm_handled_exception();
}

static Value sys_get_int_max_str_digits(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("sys.get_int_max_str_digits", nargs, kwnames))
        return VAL_NULL;
    return rt_int_from_i64(rt_int_max_str_digits);
}

static Value sys_set_int_max_str_digits(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "maxdigits" };
    static const ArgSpec spec = { "set_int_max_str_digits", names, 1, 0, 1, 1, false };
    Value a[1];
    int64_t n;
    int digits;
    /* an int, then a C int: any other size is C int's OverflowError */
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) ||
        (!int_arg(a[0], &n) && !rt_err_matches(&rt_OverflowError)) ||
        !rt_int_as_int(a[0], &digits))
        return VAL_NULL;
    if (digits != 0 && digits < 640)    /* 3.14 words it as its -X option does */
        return rt_raisef(&rt_ValueError, rt_py_minor >= 14
                         ? "maxdigits must be >= %d or 0 for unlimited"
                         : "maxdigits must be 0 or larger than %d", 640);
    rt_int_max_str_digits = digits;
    return rt_None;
}

static Value sys_getdefaultencoding(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("sys.getdefaultencoding", nargs, kwnames) ? rt_str_from_cstr("utf-8")
                                                                 : VAL_NULL;
}

static Value sys_getfilesystemencoding(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("sys.getfilesystemencoding", nargs, kwnames)
               ? mod_std_encoding() : VAL_NULL;
}

/* File names that are not UTF-8 round-trip through str as lone
 * surrogates (PEP 383), as in CPython under a UTF-8 locale. */
static Value sys_getfilesystemencodeerrors(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("sys.getfilesystemencodeerrors", nargs, kwnames)
               ? rt_str_from_cstr("surrogateescape") : VAL_NULL;
}

/* pvm has no reference counts (Boehm GC): 2 is what CPython answers for
 * an object referenced by one variable and the call's argument, and a
 * constant keeps the before/after comparisons leak tests make at zero. */
static Value sys_getrefcount(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_one("sys.getrefcount", nargs, kwnames) ? small_new(2) : VAL_NULL;
}

/* No per-block accounting under Boehm GC: CPython's answer without pymalloc. */
static Value sys_getallocatedblocks(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("sys.getallocatedblocks", nargs, kwnames) ? small_new(0) : VAL_NULL;
}

static Value sys_is_finalizing(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("sys.is_finalizing", nargs, kwnames) ? rt_bool(rt_finalizing) : VAL_NULL;
}

/* call_tracing(func, args): func(*args) (tracing is the debugger's). */
static Value sys_call_tracing(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("call_tracing", kwnames) || !rt_arg_range("call_tracing", nargs, 2, 2))
        return VAL_NULL;
    if (!is_tuple(args[1]))
        return rt_raisef(&rt_TypeError, "call_tracing() argument 2 must be tuple, not %T",
                         args[1]);
    return vm_call_tracing(args[0], args[1]);
}

/* sys.settrace / sys.setprofile and their getters (vm/systrace.h). */
static Value sys_settrace(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("settrace", nargs, kwnames))
        return VAL_NULL;
    vm_set_trace(args[0]);
    return rt_None;
}

static Value sys_setprofile(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("setprofile", nargs, kwnames))
        return VAL_NULL;
    vm_set_profile(args[0]);
    return rt_None;
}

static Value sys_gettrace(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("gettrace", nargs, kwnames))
        return VAL_NULL;
    return vm_trace_func != VAL_NULL ? vm_trace_func : rt_None;
}

static Value sys_getprofile(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("getprofile", nargs, kwnames))
        return VAL_NULL;
    /* 3.12's _lsprof profiles through sys.monitoring, not as the profile function */
    if (vm_profile_func == VAL_NULL || (rt_py_minor >= 12 && vm_profile_is_hook()))
        return rt_None;
    return vm_profile_func;
}

/* How often a thread waiting for the interpreter lock asks the running
 * thread to let go (vm/thread.h), in seconds (CPython's default, 5 ms). */
static Value sys_getswitchinterval(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("sys.getswitchinterval", nargs, kwnames)
               ? rt_float_new(vm_get_switch_interval()) : VAL_NULL;
}

static Value sys_setswitchinterval(Value *args, size_t nargs, Value kwnames)
{
    double d;
    if (!rt_arg_one("sys.setswitchinterval", nargs, kwnames) || !mod_as_double(args[0], &d))
        return VAL_NULL;
    if (d <= 0.0)
        return rt_raisef(&rt_ValueError, "switch interval must be strictly positive");
    vm_set_switch_interval(d);
    return rt_None;
}

/* dlopen flags: kept and reported (pvm loads no extension modules). */
static int64_t dlopen_flags = 2;        /* RTLD_NOW, CPython's default */

static Value sys_getdlopenflags(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("sys.getdlopenflags", nargs, kwnames)
               ? rt_int_from_i64(dlopen_flags) : VAL_NULL;
}

static Value sys_setdlopenflags(Value *args, size_t nargs, Value kwnames)
{
    int64_t n;
    if (!rt_arg_one("sys.setdlopenflags", nargs, kwnames) || !int_arg(args[0], &n))
        return VAL_NULL;
    dlopen_flags = n;
    return rt_None;
}

/* Coroutine origin tracking: the depth is kept by runtime/gen.c, which
 * records each new coroutine's origin (cr_origin). */

static Value sys_get_coroutine_origin_tracking_depth(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("sys.get_coroutine_origin_tracking_depth", nargs, kwnames)
               ? rt_int_from_i64(rt_coro_origin_depth) : VAL_NULL;
}

static Value sys_set_coroutine_origin_tracking_depth(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "depth" };
    static const ArgSpec spec = { "set_coroutine_origin_tracking_depth", names, 1, 0, 1, 1,
                                  false };
    Value a[1];
    int64_t n;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !int_arg(a[0], &n))
        return VAL_NULL;
    if (n < 0)
        return rt_raisef(&rt_ValueError, "depth must be >= 0");
    rt_coro_origin_depth = n;
    return rt_None;
}

/* Async generator hooks (PEP 525): kept by the runtime (runtime/gen.c),
 * which calls them. */
static const char *const asyncgen_fields[] = { "firstiter", "finalizer" };
static const RtStructSeqDesc asyncgen_desc = { "asyncgen_hooks", asyncgen_fields, 2, 2 };
static ObjType *asyncgen_type;

static Value sys_get_asyncgen_hooks(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("sys.get_asyncgen_hooks", nargs, kwnames))
        return VAL_NULL;
    if (asyncgen_type == NULL)
        asyncgen_type = rt_structseq_type_new(&asyncgen_desc);
    Value items[2] = { rt_asyncgen_firstiter, rt_asyncgen_finalizer };
    return rt_structseq_new(asyncgen_type, items);
}

static Value sys_set_asyncgen_hooks(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "firstiter", "finalizer" };
    static const ArgSpec spec = { "set_asyncgen_hooks", names, 2, 0, 0, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    if (a[1] != VAL_NULL && a[1] != rt_None && !rt_callable(a[1]))
        return rt_raisef(&rt_TypeError, "callable finalizer expected, got %T", a[1]);
    if (a[0] != VAL_NULL && a[0] != rt_None && !rt_callable(a[0]))
        return rt_raisef(&rt_TypeError, "callable firstiter expected, got %T", a[0]);
    if (a[1] != VAL_NULL)
        rt_asyncgen_finalizer = a[1];
    if (a[0] != VAL_NULL)
        rt_asyncgen_firstiter = a[0];
    return rt_None;
}

/* sys._clear_type_cache(): pvm has no method cache to clear. */
static Value sys_clear_type_cache(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("sys._clear_type_cache", nargs, kwnames) ? rt_None : VAL_NULL;
}

/* sys._get_cpu_count_config() (3.13): -X cpu_count, -1 when not given. */
static Value sys_get_cpu_count_config(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("sys._get_cpu_count_config", nargs, kwnames) ? small_new(-1) : VAL_NULL;
}

/* sys._is_gil_enabled() (3.13): pvm runs one thread at a time, as with a GIL. */
static Value sys_is_gil_enabled(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("sys._is_gil_enabled", nargs, kwnames) ? rt_True : VAL_NULL;
}

/* sys._clear_type_descriptors(type), 3.14: a class's own __dict__ and
 * __weakref__ descriptors dropped (dataclasses' slots=True rebuilds the
 * class without them). */
static Value sys_clear_type_descriptors(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("_clear_type_descriptors", kwnames) ||
        !rt_arg_range("_clear_type_descriptors", nargs, 1, 1))
        return VAL_NULL;
    if (!rt_isinstance_of(args[0], &rt_type_type))
        return rt_raisef(&rt_TypeError, "_clear_type_descriptors() argument must be type, not %T",
                         args[0]);
    ObjType *type = AS_TYPE(args[0]);
    if (!rt_is_heaptype(type))
        return rt_raisef(&rt_TypeError, "argument is immutable");
    static const char *const names[] = { "__dict__", "__weakref__" };
    for (int i = 0; i < 2; i++)
        if (rt_dict_del(rt_type_dict(type), rt_str_intern_cstr(names[i])) < 0)
            return VAL_NULL;
    rt_type_modified(type);
    return rt_None;
}

/* The functions a 3.14 process's sys has beside the 3.13 ones. */
static const MethodDef sys_functions_314[] = {
    {"_clear_type_descriptors", sys_clear_type_descriptors},
    {NULL, NULL},
};

/* The functions a 3.13 process's sys has beside the others. */
static const MethodDef sys_functions_313[] = {
    {"_get_cpu_count_config", sys_get_cpu_count_config},
    {"_is_gil_enabled", sys_is_gil_enabled},
    {NULL, NULL},
};

static const MethodDef sys_functions[] = {
    {"exit", sys_exit},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"intern", sys_intern},
    {"exc_info", sys_exc_info},
    {"_getframe", sys_getframe},
    {"_current_frames", sys_current_frames}, {"_current_exceptions", sys_current_exceptions},
    {"exception", sys_exception},
    {"get_int_max_str_digits", sys_get_int_max_str_digits},
    {"set_int_max_str_digits", sys_set_int_max_str_digits},
    {"getdefaultencoding", sys_getdefaultencoding},
    {"getfilesystemencoding", sys_getfilesystemencoding},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors},
    {"getrefcount", sys_getrefcount},
    {"getsizeof", mod_sys_getsizeof},
    {"getallocatedblocks", sys_getallocatedblocks},
    {"is_finalizing", sys_is_finalizing},
    {"call_tracing", sys_call_tracing},
    {"settrace", sys_settrace},
    {"gettrace", sys_gettrace},
    {"setprofile", sys_setprofile},
    {"getprofile", sys_getprofile},
    {"getswitchinterval", sys_getswitchinterval},
    {"setswitchinterval", sys_setswitchinterval},
    {"getdlopenflags", sys_getdlopenflags},
    {"setdlopenflags", sys_setdlopenflags},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth},
    {"set_coroutine_origin_tracking_depth", sys_set_coroutine_origin_tracking_depth},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks},
    {"_clear_type_cache", sys_clear_type_cache},
    {NULL, NULL},
};

/* ---- the module ---------------------------------------------------------------------- */

/* The path of the running executable, as sys.executable. */
static Value executable_path(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? rt_str_new(buf, (size_t)n) : rt_str_empty();
}

/* The standard streams; a descriptor closed when pvm started makes that
 * stream None, as CPython's create_stdio does. */
static void set_streams(Value d)
{
    static const char *const names[] = { "stdin", "stdout", "stderr" };
    for (int fd = 0; fd < 3; fd++) {
        Value s = fcntl(fd, F_GETFD) < 0 && errno == EBADF ? rt_None : mod_std_stream(fd);
        char dunder[16];
        snprintf(dunder, sizeof dunder, "__%s__", names[fd]);
        rt_dict_set_cstr(d, names[fd], s);
        rt_dict_set_cstr(d, dunder, s);
    }
}

static const char copyright[] =
    "Copyright (c) 2001-%d Python Software Foundation.\nAll Rights Reserved.\n\n"
    "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n"
    "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\n"
    "All Rights Reserved.\n\n"
    "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\n"
    "All Rights Reserved.";

const char *mod_sys_prefix(bool exec)
{
    locate_stdlib();
    return exec ? lib.exec_prefix : lib.prefix;
}

const char *mod_sys_site_dirs(void)
{
    return recorded(PVM_SITEDIRS, PVM_SITEDIRS312, PVM_SITEDIRS313, "");
}

int mod_sys_micro_version(void)
{
    return PY_MICRO_NOW;
}

static void set_version(Value d)
{
    Value vi[5] = { small_new(3), small_new(PY_MINOR), small_new(PY_MICRO_NOW),
                    rt_str_from_cstr("final"), small_new(0) };
    Value version_info = info(&version_info_desc, vi);
    char text[160];
#ifdef __VERSION__
    const char *cc = __VERSION__;
#else
    const char *cc = "unknown compiler";
#endif
    /* CPython's layout, "3.11.2 (main, <build date>, <time>) [GCC 12.2.0]",
     * with pvm's name where CPython's build name is: platform.python_version()
     * and friends parse this string, and refuse other forms. */
    snprintf(text, sizeof text, "3.%d.%d (pvm %s) [%s%s]", PY_MINOR,
             PY_MICRO_NOW, PVM_VERSION, strstr(cc, "clang") ? "" : "GCC ", cc);
    rt_dict_set_cstr(d, "version", rt_str_from_cstr(text));
    rt_dict_set_cstr(d, "version_info", version_info);
    rt_dict_set_cstr(d, "hexversion", rt_int_from_i64(PY_HEXVERSION));
    rt_dict_set_cstr(d, "api_version", small_new(1013));
    rt_dict_set_cstr(d, "implementation", make_implementation(version_info));
    rt_dict_set_cstr(d, "copyright", rt_str_format_c(copyright, rt_py_minor >= 13 ? 2024 : 2023));
    rt_dict_set_cstr(d, "_git", rt_tuple_pack(3, rt_str_from_cstr("pvm"), rt_str_empty(),
                                              rt_str_empty()));
    rt_dict_set_cstr(d, "abiflags", rt_str_empty());
    rt_dict_set_cstr(d, "float_repr_style", rt_str_from_cstr("short"));
}

static void set_platform(Value d)
{
    rt_dict_set_cstr(d, "maxsize", rt_int_from_i64(INT64_MAX));
    rt_dict_set_cstr(d, "maxunicode", rt_int_from_i64(0x10FFFF));
    rt_dict_set_cstr(d, "platform", rt_str_from_cstr("linux"));
    rt_dict_set_cstr(d, "byteorder", rt_str_from_cstr(
        __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "little" : "big"));
    Value exe = executable_path();
    rt_dict_set_cstr(d, "executable", exe);
    rt_dict_set_cstr(d, "_base_executable", exe);
    rt_dict_set_cstr(d, "_framework", rt_str_empty());
    rt_dict_set_cstr(d, "float_info", make_float_info());
    rt_dict_set_cstr(d, "int_info", make_int_info());
    rt_dict_set_cstr(d, "hash_info", make_hash_info());
    rt_dict_set_cstr(d, "thread_info", make_thread_info());
}

/* sys.meta_path, sys.path_hooks and sys.path_importer_cache hold
 * importlib's finders, so they are made by importing importlib, the first
 * time a program asks for one (loader/import.c, ld_import_install): a
 * program that never looks at them never pays for importlib.  Without a
 * standard library they are empty, as pvm's own finder needs none. */
static Value lazy_import_state(Value module, Value name)
{
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "meta_path") != 0 && strcmp(s, "path_hooks") != 0 &&
        strcmp(s, "path_importer_cache") != 0)
        return VAL_NULL;
    Value d = VAL_AS(ObjModule, module)->dict;
    if (!ld_import_install()) {
        if (rt_err_occurred() && !rt_err_matches(&rt_ImportError))
            return VAL_NULL;
        rt_err_clear();
        if (rt_dict_get_cstr(d, "meta_path") == VAL_NULL)
            rt_dict_set_cstr(d, "meta_path", rt_list_new(0));
        if (rt_dict_get_cstr(d, "path_hooks") == VAL_NULL)
            rt_dict_set_cstr(d, "path_hooks", rt_list_new(0));
        if (rt_dict_get_cstr(d, "path_importer_cache") == VAL_NULL)
            rt_dict_set_cstr(d, "path_importer_cache", ld_new_importer_cache());
    }
    return rt_dict_get_str(d, name);
}

/* sys.pycache_prefix: -X pycache_prefix=PATH (None when PATH is empty or
 * missing), else PYTHONPYCACHEPREFIX (not under -E), else None: where
 * importlib, and pvm's own import (loader/import.c, cache_path), keep
 * cached bytecode instead of each source directory's __pycache__. */
static Value pycache_prefix(void)
{
    Value x = xoptions != VAL_NULL ? rt_dict_get_cstr(xoptions, "pycache_prefix") : VAL_NULL;
    if (x != VAL_NULL)
        return is_str(x) && rt_str_nbytes(x) > 0 ? x : rt_None;
    const char *env = mod_sys_getenv("PYTHONPYCACHEPREFIX");
    return env != NULL && env[0] != '\0' ? mod_fsdecode(env) : rt_None;
}

/* What the import system keeps in sys (pvm's own finder is in
 * loader/import.c; importlib's hooks come on first use, above). */
static void set_import_state(Value d)
{
    rt_dict_set_cstr(d, "path", mod_sys_path());
    rt_dict_set_cstr(d, "modules", mod_sys_modules());
    rt_dict_set_cstr(d, "builtin_module_names", mod_module_names());
    rt_dict_set_cstr(d, "stdlib_module_names", stdlib_module_names());
    rt_dict_set_cstr(d, "dont_write_bytecode", rt_bool(mod_sys_flags()->dont_write_bytecode));
    rt_dict_set_cstr(d, "pycache_prefix", pycache_prefix());
    set_prefixes(d);
}

static Value make_sys(void)
{
    Value m = rt_module_new(rt_str_from_cstr("sys"));
    VAL_AS(ObjModule, m)->builtin = true;
    Value d = VAL_AS(ObjModule, m)->dict;
    rt_dict_reserve(d, 100);    /* its ~90 names: one table, not four as it grows */
    mod_module_add_functions(m, sys_functions);
    if (rt_py_minor >= 13)
        mod_module_add_functions(m, sys_functions_313);
    if (rt_py_minor >= 14)
        mod_module_add_functions(m, sys_functions_314);
    mod_sys_add_hooks(m);
    if (rt_py_minor >= 12)
        rt_dict_set_cstr(d, "monitoring", vm_monitoring_module());
    rt_dict_set_cstr(d, "argv", list_of(&sys_argv));
    rt_dict_set_cstr(d, "orig_argv", list_of(&sys_orig_argv));
    rt_dict_set_cstr(d, "warnoptions", list_of(&warnoptions));
    rt_dict_set_cstr(d, "_xoptions", xoptions != VAL_NULL ? xoptions : (xoptions = rt_dict_new()));
    rt_dict_set_cstr(d, "flags", make_flags());
    set_streams(d);
    rt_sys_namespace = d;
    set_version(d);
    set_platform(d);
    set_import_state(d);
    VAL_AS(ObjModule, m)->lazy = lazy_import_state;
    return m;
}

Value mod_sys_module(void)
{
    if (sys_module == VAL_NULL)
        sys_module = make_sys();
    return sys_module;
}

/* The import system imports sys by name too: the same module each time. */
Value mod_sys_init(void)
{
    return mod_sys_module();
}

Value mod_sys_get(const char *name)
{
    return rt_dict_get_cstr(VAL_AS(ObjModule, mod_sys_module())->dict, name);
}

Value mod_sys_path(void)
{
    return list_of(&sys_path);
}

Value mod_sys_modules(void)
{
    if (sys_modules == VAL_NULL)
        sys_modules = rt_dict_new();
    return sys_modules;
}
