/*
 * import.c — the import system: CPython 3.11's importlib (_bootstrap.py and
 * _bootstrap_external.py) cut down to what a VM without a compiler needs.
 *
 * `import a.b.c` runs these steps, each a function below:
 *
 *   1. resolve   a relative name (level > 0) against the importer's
 *                __package__ (or __name__/__path__), as CPython's resolve_name;
 *   2. import    each prefix in turn: a, a.b, a.b.c.  sys.modules is the
 *                cache: a module found there is returned as it is (even half
 *                initialised — that is how circular imports work);
 *   3. find      where the module lives (find_spec): first the built-in C
 *                modules (modules/modules.h, importlib's BuiltinImporter),
 *                then, for a top-level name, each directory of sys.path, for a
 *                submodule each directory of its parent's __path__.  In a
 *                directory D, as FileFinder: D/name/__init__.py or .pyc makes a
 *                package; D/name.py, then D/name.pyc, a module; a directory
 *                D/name without __init__ is remembered as a namespace-package
 *                portion, used only when no regular module is found;
 *   4. load      (load_spec): a new module with __name__, __doc__,
 *                __package__, __loader__, __spec__, [__path__], __file__,
 *                __cached__, __builtins__ is put in sys.modules BEFORE its code
 *                runs, removed again if the code raises, and set as an
 *                attribute of its parent package afterwards;
 *   5. fromlist  `from pkg import x` imports pkg.x when pkg has no attribute x
 *                (_handle_fromlist).
 *
 * Code for a .py file comes from its cached bytecode, PEP 3147's
 * __pycache__/NAME.cpython-311.pyc (.opt-1.pyc / .opt-2.pyc under -O / -OO),
 * validated exactly as SourceLoader.get_code does: a timestamp pyc must
 * record the source's mtime and size (both mod 2**32); a checked hash pyc
 * (PEP 552) the SipHash-1-3 of the source bytes (loader/siphash.c); an
 * unchecked hash pyc is trusted.  A missing or stale pyc means compiling
 * the source, as CPython does — by python3.11 itself, pvm's compile service
 * (loader/compile.c) — and writing the new pyc to __pycache__ byte for byte
 * as importlib would (unless sys.dont_write_bytecode).  Only when no
 * compiler can run does pvm raise ImportError saying which file and how to
 * fix it (no_bytecode() below, and the README).  A name.pyc with no name.py
 * is loaded as it is (SourcelessFileLoader).
 *
 * Differences from CPython, chosen for simplicity:
 *   - Until the program imports importlib, __spec__ and __loader__ are
 *     None for every module pvm creates, and sys.meta_path, sys.path_hooks
 *     do not exist (reading one imports importlib, and so does a __main__
 *     whose code names __loader__: ld_prepare_main).  Importing it installs
 *     CPython's finders, makes real specs and gives __main__ the loader
 *     CPython's start-up gives it (the importlib section below).
 *     The "initialising" state a spec would carry is kept here instead, for
 *     the "partially initialized module" message of circular imports.
 *   - Extension modules (.so) do not load (CPython's C API is not pvm's):
 *     importing one is a ModuleNotFoundError naming the file, so that a
 *     program's fallback for a missing accelerator runs; a .py beside one
 *     is loaded instead.  The only frozen modules are CPython's test
 *     modules (__hello__, __phello__: modules/imp.c), which importlib's
 *     FrozenImporter loads.
 *   - Threads: importlib gives each module a lock, so that a thread
 *     importing a module whose body another thread is running waits for
 *     it.  pvm keeps, for each module being initialised, which thread runs
 *     its body, and the second thread waits (wait_until_initialized).
 *     Finding and creating a module never lets another thread run, so
 *     two threads never both load the same module.
 *
 * This is the one loader/ file that calls into vm/: running a module's body
 * is vm_run_module, and waiting for another thread's module (vm/thread.h).
 */
#define _GNU_SOURCE             /* memrchr */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "loader/compile.h"
#include "loader/files.h"
#include "loader/import.h"
#include "loader/pyc.h"
#include "loader/siphash.h"
#include "runtime/finalize.h"
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "modules/api.h"
#include "modules/sys.h"
#include "vm/eval.h"
#include "vm/thread.h"
#include "vm/vm.h"

/* Names of the modules whose body is running, each with the thread running
 * it (name -> thread ident): a spec's `_initializing` flag in importlib.
 * And the threads waiting for another thread to finish one (ident -> name). */
static Value initializing, waiting;

/* sys.path as the program left it: PathFinder reads the attribute at each
 * import, so a list assigned to sys.path counts (before sys is made, the
 * list pvm starts with). */
static Value search_path(void)
{
    Value path = rt_sys_namespace != VAL_NULL ? rt_dict_get_cstr(rt_sys_namespace, "path") : VAL_NULL;
    return path != VAL_NULL ? path : rt_sys_namespace != VAL_NULL ? rt_empty_tuple : mod_sys_path();
}

/* ---- small helpers: C strings and files --------------------------------------- */

static char *path_join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = gc_alloc_atomic(a + b + 2);
    memcpy(p, dir, a);
    size_t n = a;
    if (a > 0 && dir[a - 1] != '/')
        p[n++] = '/';
    memcpy(p + n, name, b + 1);
    return p;
}

static char *str_concat3(const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    char *p = gc_alloc_atomic(la + lb + lc + 1);
    memcpy(p, a, la);
    memcpy(p + la, b, lb);
    memcpy(p + la + lb, c, lc + 1);
    return p;
}

/* The directory part of a path ("" when there is none). */
static char *dir_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return gc_strdup("");
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    char *d = gc_alloc_atomic(n + 1);
    memcpy(d, path, n);
    d[n] = '\0';
    return d;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* ---- errors ----------------------------------------------------------------------- */

/* Raise ImportError (or a subclass) with the message and its `name` and
 * `path` attributes, as CPython's ImportError(msg, name=, path=). */
static Value import_error_new(ObjType *type, Value msg, Value name, Value path)
{
    Value exc = rt_exc_new(type, rt_tuple_pack(1, msg));
    if (exc == VAL_NULL)
        return VAL_NULL;
    if (name != VAL_NULL)
        rt_setattr(exc, RT_NAME("name"), name);
    if (path != VAL_NULL)
        rt_setattr(exc, RT_NAME("path"), path);
    return exc;
}

static Value raise_import_error(ObjType *type, Value msg, Value name, Value path)
{
    Value exc = import_error_new(type, msg, name, path);
    return exc == VAL_NULL ? VAL_NULL : rt_raise(exc);
}

/* "No module named 'x'", CPython's message — with, when pvm found no
 * standard library (modules/sys.c), where it looked and what to set. */
static Value module_not_found(Value name)
{
    const char *missing = mod_sys_missing_stdlib();
    Value msg = missing == NULL ? rt_str_format_c("No module named %R", name)
        : rt_str_format_c("No module named %R (searched sys.path %R; pvm's standard library "
                          "%s is missing: set PYTHONHOME to the prefix of a Python 3.11 "
                          "installation)", name, search_path(), missing);
    return raise_import_error(&rt_ModuleNotFoundError, msg, name, VAL_NULL);
}

/* The one message pvm adds: a .py whose bytecode is missing or stale, when
 * the compile service cannot run (loader/compile.c says why, e.g. no
 * python3.11).  It names both files, why the pyc does not do, and the two
 * fixes: a compiler, or the command that writes a good pyc. */
static Value no_bytecode(const char *py, const char *pyc, const char *why, const char *no_compiler)
{
    const char *opt = mod_sys_optimize() == 2 ? " -OO" : mod_sys_optimize() == 1 ? " -O" : "";
    Value msg = rt_str_format_c(
        "%s has no up-to-date compiled bytecode: %s %s, and pvm cannot compile "
        "Python source: %s; set PVM_COMPILER to the path of a python3.11, or run: "
        "python3.11%s -m py_compile %s", py, pyc, why, no_compiler, opt, py);
    return raise_import_error(&rt_ImportError, msg, VAL_NULL, rt_str_from_cstr(py));
}

/* ---- bytecode for a source file (SourceLoader.get_code) ---------------------------- */

/* PEP 3147: DIR/__pycache__/STEM.cpython-311[.opt-N].pyc for DIR/STEM.py. */
static char *cache_path(const char *py)
{
    const char *base = base_name(py);
    size_t stem = strlen(base);
    if (stem > 3 && strcmp(base + stem - 3, ".py") == 0)
        stem -= 3;
    char tag[32];
    int opt = mod_sys_optimize();
    snprintf(tag, sizeof tag, ".cpython-3%d%s.pyc", rt_py_minor, opt == 0 ? "" : opt == 1 ? ".opt-1" : ".opt-2");
    char *name = gc_alloc_atomic(stem + strlen(tag) + 1);
    memcpy(name, base, stem);
    strcpy(name + stem, tag);
    Value prefix = rt_dict_get_cstr(VAL_AS(ObjModule, mod_sys_module())->dict, "pycache_prefix");
    const char *root = prefix != VAL_NULL && is_str(prefix) ? mod_fsencode(prefix) : NULL;
    if (root == NULL) {
        rt_err_clear();
        return path_join(path_join(dir_name(py), "__pycache__"), name);
    }
    /* sys.pycache_prefix: the source's absolute directory under it */
    char cwd[PATH_MAX];
    const char *head = dir_name(py);
    if (head[0] != '/')
        head = path_join(getcwd(cwd, sizeof cwd) ? cwd : "", head);
    while (head[0] == '/')
        head++;
    return path_join(path_join(root, head), name);
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Why the pyc cannot stand for the source, or NULL when it can:
 * _classify_pyc, then _validate_timestamp_pyc / _validate_hash_pyc. */
static const char *stale_reason(const unsigned char *pyc, size_t n, const char *py)
{
    static char buf[96];
    if (n < 16)
        return "is truncated";
    uint16_t magic = (uint16_t)(pyc[0] | pyc[1] << 8);
    if (magic != ld_process_magic() || pyc[2] != '\r' || pyc[3] != '\n') {
        const char *v = pyc[2] == '\r' && pyc[3] == '\n' ? ld_magic_version(magic) : NULL;
        if (v == NULL)
            return "has a bad magic number";
        snprintf(buf, sizeof buf, "was written by Python %s", v);
        return buf;
    }
    uint32_t flags = le32(pyc + 4);
    if ((flags & ~3u) != 0)
        return "has invalid flags";
    if (flags & 1) {                        /* hash-based (PEP 552) */
        /* checked ones against the source, unchecked ones trusted, unless
         * --check-hash-based-pycs always / never (_validate_hash_pyc) */
        const char *mode = mod_imp_check_hash_based_pycs();
        if (strcmp(mode, "never") == 0 || (!(flags & 2) && strcmp(mode, "always") != 0))
            return NULL;
        size_t srclen;
        unsigned char *src = ld_read_file(py, &srclen);
        if (src == NULL)
            return "cannot be checked (the source is unreadable)";
        uint64_t h = ld_source_hash(ld_process_magic() | (uint64_t)0x0a0du << 16, src, srclen);
        uint64_t stored = le32(pyc + 8) | (uint64_t)le32(pyc + 12) << 32;
        return h == stored ? NULL : "is stale (its source hash differs from the source's)";
    }
    struct stat st;
    if (stat(py, &st) != 0)
        return "cannot be checked (the source is unreadable)";
    if (le32(pyc + 8) != (uint32_t)st.st_mtime || le32(pyc + 12) != (uint32_t)st.st_size)
        return "is stale (the source changed after it was compiled)";
    return NULL;
}

/* _imp._fix_co_filename: a pyc compiled under another path (compileall .)
 * names its source as it was then; the code should name it as found now. */
static void fix_filename(ObjCode *code, Value old, Value now)
{
    if (!rt_str_equal(code->filename, old))
        return;
    code->filename = now;
    for (size_t i = 0; i < rt_tuple_len(code->consts); i++) {
        Value c = rt_tuple_get(code->consts, i);
        if (is_code(c))
            fix_filename(AS_CODE(c), old, now);
    }
}

void ld_fix_co_filename(Value code, Value path)
{
    fix_filename(AS_CODE(code), AS_CODE(code)->filename, path);
}

/* ---- -v: the import trace ----------------------------------------------------------
 * Under -v (sys.flags.verbose, PYTHONVERBOSE) CPython's import system says
 * on sys.stderr where each module comes from, in importlib's words
 * (_bootstrap._verbose_message): "# X matches Y", "# code object from
 * 'X'", "# created 'X'", "# possible namespace for X" and, once the module
 * has run, "import 'name' # <its loader>".  pvm's finder says the same for
 * the modules it loads.  Not said: CPython's own start-up imports, the
 * lines of -vv, and the "# cleanup" lines at exit. */
static bool tracing(void)
{
    return mod_sys_flags()->verbose > 0;
}

static Value call_function(Value module, const char *name, Value *args, size_t nargs);

/* One line of the trace; a sys.stderr that cannot be written is passed
 * over, as the trace is no part of the program. */
static void trace(Value line)
{
    Value err = mod_sys_get("stderr");
    Value text = rt_str_format_c("%S\n", line);
    if (err != VAL_NULL && err != rt_None && call_function(err, "write", &text, 1) == VAL_NULL)
        rt_err_clear();
}

static Value load_pyc_data(const unsigned char *data, size_t n, const char *pyc)
{
    char err[512];
    PycHeader header;
    Value code = ld_load_pyc_bytes(data, n, pyc, &header, err, sizeof err);
    if (code == VAL_NULL)
        return raise_import_error(&rt_ImportError, rt_str_from_cstr(err), VAL_NULL,
                                  rt_str_from_cstr(pyc));
    return code;
}

/* ---- compiling a source file, and caching its bytecode ---------------------------- */

/* Is sys.dont_write_bytecode true (-B, PYTHONDONTWRITEBYTECODE, or set by
 * the program)? */
static bool dont_write_bytecode(void)
{
    Value v = rt_dict_get_cstr(VAL_AS(ObjModule, mod_sys_module())->dict, "dont_write_bytecode");
    int truth = v != VAL_NULL ? rt_truthy(v) : 0;
    if (truth < 0)
        rt_err_clear();
    return truth > 0;
}

/* SourceFileLoader.set_data and _write_atomic: make __pycache__ (and, under
 * sys.pycache_prefix, the directories above it) if needed,
 * write the file under a temporary name (created exclusively, with the
 * source's permissions plus owner-write, under the umask) and rename it
 * over the old one, so that no reader ever sees half a file.  Any failure
 * (a read-only directory, a race with another writer) only means there
 * is no cache, as in importlib. */
/* Make dir and each missing directory above it (set_data's loop). */
static bool make_dirs(const char *dir)
{
    if (dir[0] == '\0' || ld_is_dir(dir))
        return true;
    char *parent = dir_name(dir);
    if (strcmp(parent, dir) != 0 && !make_dirs(parent))
        return false;
    return mkdir(dir, 0777) == 0 || errno == EEXIST;
}

static bool write_pyc(const char *pyc, mode_t source_mode, Value data)
{
    if (!make_dirs(dir_name(pyc)))
        return false;
    char tmp[PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s.%ld", pyc, (long)getpid()) >= (int)sizeof tmp)
        return false;
    int fd = open(tmp, O_EXCL | O_CREAT | O_WRONLY | O_CLOEXEC, (source_mode | 0200) & 0666);
    if (fd < 0)
        return false;
    const unsigned char *p = AS_BYTES(data)->data;
    size_t left = AS_BYTES(data)->length;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        p += w;
        left -= (size_t)w;
    }
    if (close(fd) == 0 && left == 0 && rename(tmp, pyc) == 0)
        return true;
    unlink(tmp);
    return false;
}

/* The header of the pyc to write (SourceLoader.get_code): a checked or
 * unchecked hash pyc when the stale one was a hash pyc, else a timestamp
 * pyc recording the source's mtime and size. */
static void new_pyc_header(const unsigned char *old, size_t n, const struct stat *st,
                           size_t size, char *out, size_t outsize)
{
    bool classified = old != NULL && n >= 16 && (old[0] | old[1] << 8) == ld_process_magic() &&
                      old[2] == '\r' && old[3] == '\n' && (le32(old + 4) & ~3u) == 0;
    if (classified && (le32(old + 4) & 1))
        snprintf(out, outsize, "hash %d", (le32(old + 4) & 2) ? 1 : 0);
    else
        snprintf(out, outsize, "timestamp %lld %zu", (long long)st->st_mtime, size);
}

/* No up-to-date bytecode (`why` says what is wrong with `old`, the pyc's
 * bytes or NULL): compile the source with the compile service and, unless
 * this is the script itself (python never caches it) or
 * sys.dont_write_bytecode, cache the result as importlib does.  Without a
 * compiler, the ImportError of no_bytecode. */
static Value compile_source(const char *py, const char *pyc, const unsigned char *old, size_t n,
                            const char *why, bool cache, bool traced)
{
    struct stat st;
    size_t size;
    unsigned char *source = stat(py, &st) == 0 ? ld_read_file(py, &size) : NULL;
    if (source != NULL && !cache) {
        /* The script, compiled as python3.11 reads it — from the compile
         * cache when an earlier run compiled it, without any compiler. */
        Value code = ld_compile_script(rt_bytes_new(source, size), mod_fsdecode(py),
                                       mod_sys_optimize());
        const char *no_compiler = code == VAL_NULL ? ld_compiler_unavailable() : NULL;
        if (no_compiler == NULL)
            return code;                    /* or the script's own error */
        rt_err_clear();
        return no_bytecode(py, pyc, why, no_compiler);
    }
    const char *no_compiler = ld_compiler_unavailable();
    if (no_compiler != NULL)
        return no_bytecode(py, pyc, why, no_compiler);
    if (source == NULL)
        return raise_import_error(&rt_ImportError,
                                  rt_str_format_c("cannot read %s: %s", py, strerror(errno)),
                                  VAL_NULL, rt_str_from_cstr(py));
    char header[64];
    new_pyc_header(old, n, &st, size, header, sizeof header);
    Value data;
    Value code = ld_compile_file(py, source, size, mod_sys_optimize(), header, &data);
    if (code != VAL_NULL && traced)
        trace(rt_str_format_c("# code object from %s", py));
    if (code != VAL_NULL && !dont_write_bytecode() && write_pyc(pyc, st.st_mode, data) && traced)
        trace(rt_str_format_c("# created %R", rt_str_from_cstr(pyc)));
    return code;
}

/* A module's code from its source file, by way of its cached bytecode
 * (traced under -v if `traced`). */
static Value code_from_source(const char *py, const char *modname, Value *cached, bool traced)
{
    char *pyc = cache_path(py);
    if (cached != NULL)
        *cached = mod_fsdecode(pyc);
    size_t n = 0;
    unsigned char *data = ld_read_file(pyc, &n);
    const char *why = data == NULL ? "is missing" : stale_reason(data, n, py);
    if (why != NULL)
        return compile_source(py, pyc, data, n, why, strcmp(modname, "__main__") != 0, traced);
    if (traced) {
        trace(rt_str_format_c("# %s matches %s", pyc, py));
        trace(rt_str_format_c("# code object from %R", rt_str_from_cstr(pyc)));
    }
    Value code = load_pyc_data(data, n, pyc);
    if (code != VAL_NULL) {
        Value now = mod_fsdecode(py);
        fix_filename(AS_CODE(code), AS_CODE(code)->filename, now);
    }
    return code;
}

Value ld_code_from_source(const char *py, const char *modname, Value *cached)
{
    return code_from_source(py, modname, cached, tracing() && strcmp(modname, "__main__") != 0);
}

/* A sourceless module's header, judged as importlib's _classify_pyc judges
 * it, with its exceptions and messages (a bad magic number, a header cut
 * short, unknown flags); false with that exception.  What the header cannot
 * say (a damaged body, code the verifier rejects) is pvm's loader's to
 * report: the file and the offset. */
static bool classify_pyc(const unsigned char *data, size_t n, const char *modname, const char *pyc)
{
    Value name = rt_str_from_cstr(modname), path = rt_str_from_cstr(pyc);
    uint16_t magic = ld_process_magic();
    const unsigned char want[4] = { magic & 0xff, magic >> 8, '\r', '\n' };
    if (n < 4 || memcmp(data, want, 4) != 0) {
        Value got = rt_bytes_new(data, n < 4 ? n : 4);
        raise_import_error(&rt_ImportError,
                           rt_str_format_c("bad magic number in %R: %R", name, got), name, path);
        return false;
    }
    if (n < 16) {
        rt_raise_args(&rt_EOFError, rt_tuple_pack(1, rt_str_format_c(
            "reached EOF while reading pyc header of %R", name)));
        return false;
    }
    uint32_t flags = le32(data + 4);
    if ((flags & ~3u) != 0) {
        raise_import_error(&rt_ImportError, rt_str_format_c("invalid flags %u in %R", (unsigned)flags, name),
                           name, path);
        return false;
    }
    return true;
}

static Value code_from_pyc(const char *pyc, const char *modname, bool traced)
{
    size_t n;
    unsigned char *data = ld_read_file(pyc, &n);
    if (data == NULL)
        return raise_import_error(&rt_ImportError,
                                  rt_str_format_c("cannot read %s: %s", pyc, strerror(errno)),
                                  VAL_NULL, rt_str_from_cstr(pyc));
    if (!classify_pyc(data, n, modname, pyc))
        return VAL_NULL;
    if (traced)
        trace(rt_str_format_c("# code object from %R", rt_str_from_cstr(pyc)));
    return load_pyc_data(data, n, pyc);
}

Value ld_code_from_pyc(const char *pyc, const char *modname)
{
    return code_from_pyc(pyc, modname, tracing() && strcmp(modname, "__main__") != 0);
}

/* ---- finding a module (find_spec) --------------------------------------------------- */

typedef enum {
    SPEC_NONE, SPEC_BUILTIN, SPEC_SOURCE, SPEC_SOURCELESS, SPEC_NAMESPACE,
    SPEC_EXTENSION              /* a C extension module, which pvm cannot load */
} SpecKind;

typedef struct Spec {
    SpecKind kind;
    ModInit init;              /* SPEC_BUILTIN */
    const char *origin;         /* the .py, .pyc or extension (.so) file */
    bool package;               /* origin is an __init__ file */
    Value path;                 /* packages: __path__ (a list of str) */
} Spec;

/* A module file D/name.py or D/name.pyc (suffixes in FileFinder's order). */
static bool find_file(const char *base, Spec *spec)
{
    static const char *const suffixes[] = { ".py", ".pyc" };
    for (int i = 0; i < 2; i++) {
        char *f = str_concat3(base, suffixes[i], "");
        if (ld_is_file(f)) {
            spec->kind = i == 0 ? SPEC_SOURCE : SPEC_SOURCELESS;
            spec->origin = f;
            return true;
        }
    }
    return false;
}

/* A C extension module D/name.so, under one of the suffixes CPython's
 * FileFinder tries (importlib.machinery.EXTENSION_SUFFIXES); NULL if none.
 * pvm runs no C extensions (CPython's C API is not pvm's): the file is
 * looked for only to say why the module cannot be imported. */
static const char *extension_file(const char *base)
{
    char tagged[64];
    snprintf(tagged, sizeof tagged, ".cpython-3%d-" PVM_MULTIARCH ".so", rt_py_minor);
    const char *const suffixes[] = { tagged, ".abi3.so", ".so" };
    for (int i = 0; i < 3; i++) {
        char *f = str_concat3(base, suffixes[i], "");
        if (ld_is_file(f))
            return f;
    }
    return NULL;
}

/* Look for `tail` in one directory; *namespace is set when D/tail is a
 * directory without an __init__ file.  Such a directory beside an
 * extension module D/tail.so is no namespace portion: CPython's finder
 * takes the extension first (where pvm takes a D/tail.py beside one). */
static bool find_in_dir(const char *dir, const char *tail, Spec *spec, bool *namespace)
{
    char *base = path_join(dir, tail);
    bool is_dir = ld_is_dir(base);
    if (is_dir && find_file(path_join(base, "__init__"), spec)) {
        spec->package = true;
        spec->path = rt_list_new(1);
        rt_list_append(spec->path, rt_str_from_cstr(base));
        return true;
    }
    if (find_file(base, spec))
        return true;
    const char *extension = is_dir ? extension_file(base) : NULL;
    if (extension != NULL) {
        spec->kind = SPEC_EXTENSION;
        spec->origin = extension;
        return true;
    }
    if (is_dir && tracing())
        trace(rt_str_format_c("# possible namespace for %s", base));
    *namespace = is_dir;
    return false;
}

/* ModuleNotFoundError for a module that is a C extension. */
static Value extension_not_loadable(Value name, const char *file)
{
    Value msg = rt_str_format_c("No module named %R (%s is a C extension module, which pvm "
                                "cannot load)", name, file);
    return raise_import_error(&rt_ModuleNotFoundError, msg, name, rt_str_from_cstr(file));
}

/* An entry of sys.path or __path__ as a directory, absolute as
 * importlib's FileFinder makes it: "" and "." are the cwd itself, another
 * relative entry is joined to the cwd as written ("sub/." stays in it),
 * so that a module's __file__ and __cached__ are absolute paths. */
static const char *entry_dir(Value entry)
{
    if (!rt_isinstance_of(entry, &rt_str_type))
        return NULL;
    const char *dir = rt_str_cstr(entry);
    if (dir[0] == '/')
        return dir;
    static char cwd[PATH_MAX] GC_LARGE_STATIC;
    if (getcwd(cwd, sizeof cwd) == NULL)
        return NULL;
    return dir[0] == 0 || strcmp(dir, ".") == 0 ? gc_strdup(cwd) : path_join(cwd, dir);
}

/* ---- entries that name nothing -----------------------------------------------
 * CPython asks sys.path_hooks for a finder the first time PathFinder meets
 * an entry of sys.path, and caches the answer in sys.path_importer_cache:
 * None when no hook takes it, so that entry is passed over until
 * importlib.invalidate_caches() drops the None.  sys.path names the stdlib's
 * zip archive, which seldom exists: without the same cache every import of
 * a standard module would stat three names under it.  pvm's finder keeps
 * the None the same way, in sys.path_importer_cache once it exists (made on
 * first use with importlib, which takes over what pvm cached before it). */
static Value early_importer_cache;     /* before sys.path_importer_cache */
static Value classified;               /* absolute entries found to name something */

/* Does the absolute path name nothing a stock path hook takes: neither a
 * directory (FileFinder) nor a file, nor a path inside a file (zipimporter
 * looks for the archive among its prefixes)?  Unsure (a permission denied
 * on the way) answers false. */
static bool names_nothing(const char *path)
{
    char *p = gc_strdup(path);
    struct stat st;
    for (bool whole = true;; whole = false) {
        if (stat(p, &st) == 0)
            return !whole && S_ISDIR(st.st_mode);
        if (errno != ENOENT && errno != ENOTDIR)
            return false;
        char *slash = strrchr(p, '/');
        if (slash == NULL || slash == p)
            return true;
        *slash = 0;
    }
}

/* sys.path_importer_cache as it stands (NULL if a program made it
 * something other than a dict), or the cache kept until it exists. */
static Value importer_cache(void)
{
    Value d = rt_dict_get_cstr(VAL_AS(ObjModule, mod_sys_module())->dict, "path_importer_cache");
    if (d != VAL_NULL)
        return IS_EXACT(d, rt_dict_type) ? d : VAL_NULL;
    if (early_importer_cache == VAL_NULL)
        early_importer_cache = rt_dict_new();
    return early_importer_cache;
}

Value ld_new_importer_cache(void)
{
    Value d = early_importer_cache != VAL_NULL ? early_importer_cache : rt_dict_new();
    early_importer_cache = VAL_NULL;
    return d;
}

/* Is the sys.path entry one to pass over: cached None, or an absolute
 * path that names nothing, cached None now? */
static bool passed_over(Value entry)
{
    Value cache = importer_cache();
    if (cache == VAL_NULL || !is_str(entry) || rt_str_cstr(entry)[0] != '/')
        return false;
    Value known = rt_dict_get_str(cache, entry);
    if (known != VAL_NULL)
        return known == rt_None;
    if (classified == VAL_NULL)
        classified = rt_dict_new();
    if (rt_dict_get_str(classified, entry) != VAL_NULL)
        return false;
    bool nothing = names_nothing(rt_str_cstr(entry));
    if (!rt_dict_set(nothing ? cache : classified, entry, nothing ? rt_None : rt_True))
        rt_err_clear();
    return nothing;
}

/* Where the module `name` (last component `tail`) is: builtins first, then
 * the directories of `path` (sys.path, or the parent's __path__). */
static bool find_spec(const char *name, const char *tail, Value path, Spec *spec)
{
    memset(spec, 0, sizeof *spec);
    spec->init = mod_lookup(name);
    if (spec->init != NULL) {
        spec->kind = SPEC_BUILTIN;
        return true;
    }
    Value portions = rt_list_new(0);
    Value items = rt_sequence_to_tuple(path);
    if (items == VAL_NULL)
        return false;
    for (size_t i = 0; i < rt_tuple_len(items); i++) {
        Value entry = rt_tuple_get(items, i);
        const char *dir = entry_dir(entry);
        bool ns = false;
        if (dir == NULL || passed_over(entry))
            continue;
        if (find_in_dir(dir, tail, spec, &ns))
            return true;
        if (ns)
            rt_list_append(portions, rt_str_from_cstr(path_join(dir, tail)));
    }
    if (AS_LIST(portions)->length > 0) {
        spec->kind = SPEC_NAMESPACE;
        spec->package = true;
        spec->path = portions;
        return true;
    }
    return true;                            /* kind SPEC_NONE: not found */
}

/* The first extension module `tail` on `path`, for a message. */
static const char *extension_on_path(const char *tail, Value path)
{
    Value items = rt_sequence_to_tuple(path);
    for (size_t i = 0; items != VAL_NULL && i < rt_tuple_len(items); i++) {
        const char *dir = entry_dir(rt_tuple_get(items, i));
        const char *extension = dir != NULL ? extension_file(path_join(dir, tail)) : NULL;
        if (extension != NULL)
            return extension;
    }
    rt_err_clear();
    return NULL;
}

static Value import_absolute(Value name);
static Value modules(void);
static Value module_not_found(Value name);

/* ---- importlib: CPython's finders beside pvm's own --------------------------------- */

/* Once `import importlib` has run, pvm installs what CPython's start-up
 * installs (_bootstrap._install, _bootstrap_external._install):
 * sys.meta_path = [BuiltinImporter, FrozenImporter, PathFinder],
 * sys.path_hooks = [zipimporter, FileFinder.path_hook(the file loaders)]
 * and an empty
 * sys.path_importer_cache; and it gives every module a ModuleSpec and a
 * loader, those imported before now, later ones as they are made.  A
 * program that reads sys.meta_path first imports importlib by doing so
 * (modules/sys.c): a program that never does pays nothing.
 *
 * pvm's finder above does what those finders do, so it keeps doing the
 * work while sys.meta_path and sys.path_hooks hold exactly them (a few
 * pointer comparisons per import).  When a program changes either — a
 * finder or a path hook of its own, a list assigned — every import goes
 * through importlib's _find_and_load, which asks each finder in turn as
 * CPython does; so does a name pvm's finder does not find, since
 * importlib may find it where pvm does not look (a zip archive on
 * sys.path, a finder put in sys.path_importer_cache). */
static Value bootstrap, external;       /* importlib._bootstrap, _bootstrap_external */
static Value stock_meta, stock_hooks;   /* tuples: the finders and hooks installed */
static bool installing;

static bool same_items(Value list, Value stock)
{
    if (list == VAL_NULL || !is_list(list) || AS_LIST(list)->length != rt_tuple_len(stock))
        return false;
    for (size_t i = 0; i < rt_tuple_len(stock); i++)
        if (AS_LIST(list)->items[i] != rt_tuple_get(stock, i))
            return false;
    return true;
}

/* May pvm's finder stand for sys.meta_path and sys.path_hooks? */
static bool finders_unchanged(void)
{
    if (rt_sys_namespace == VAL_NULL || installing)
        return true;
    Value meta = rt_dict_get_cstr(rt_sys_namespace, "meta_path");
    Value hooks = rt_dict_get_cstr(rt_sys_namespace, "path_hooks");
    if (stock_meta == VAL_NULL)
        return meta == VAL_NULL && hooks == VAL_NULL;
    return same_items(meta, stock_meta) && same_items(hooks, stock_hooks);
}

/* module.name(*args) */
static Value call_function(Value module, const char *name, Value *args, size_t nargs)
{
    Value f = rt_getattr_cstr(module, name);
    return f != VAL_NULL ? rt_call(f, args, nargs, VAL_NULL) : VAL_NULL;
}

/* What PathFinder makes for a namespace package: a spec without a loader
 * whose __path__ is a _NamespacePath over the portions found. */
static Value namespace_spec(Value name, Value portions)
{
    Value args[3] = { name, rt_None, VAL_NULL };
    Value spec = call_function(bootstrap, "ModuleSpec", args, 2);
    Value finder = rt_getattr_cstr(external, "PathFinder");
    args[1] = portions;
    args[2] = finder != VAL_NULL ? rt_getattr_cstr(finder, "_get_spec") : VAL_NULL;
    Value path = spec != VAL_NULL && args[2] != VAL_NULL
        ? call_function(external, "_NamespacePath", args, 3) : VAL_NULL;
    if (path == VAL_NULL || rt_setattr(spec, RT_NAME("submodule_search_locations"), path) < 0)
        return VAL_NULL;
    return spec;
}

/* The ModuleSpec importlib's finders give a built-in module or a file. */
static Value file_spec(Value name, Value origin)
{
    Value args[2] = { name, origin };
    return call_function(external, "spec_from_file_location", args, 2);
}

static Value builtin_spec(Value name)
{
    Value importer = rt_getattr_cstr(bootstrap, "BuiltinImporter");
    return importer != VAL_NULL ? call_function(importer, "find_spec", &name, 1) : VAL_NULL;
}

/* _bootstrap._init_module_attrs(spec, module, override=override) */
static bool init_attrs_from_spec(Value module, Value spec, bool override)
{
    if (spec == VAL_NULL)
        return false;
    if (spec == rt_None)
        return true;
    Value f = rt_getattr_cstr(bootstrap, "_init_module_attrs");
    Value args[3] = { spec, module, rt_bool(override) };
    return f != VAL_NULL &&
           rt_call(f, args, 3, rt_tuple_pack(1, RT_NAME("override"))) != VAL_NULL;
}

/* __main__'s __loader__, as CPython's start-up sets it: for a script,
 * SourcelessFileLoader("__main__", path) when the file is bytecode (named
 * .pyc, or starting with a magic number), else SourceFileLoader; for -c,
 * stdin (whose __file__ is "<stdin>") and the prompt the class
 * BuiltinImporter.  Its __spec__ stays None.
 * A loader already there (runpy's, under -m) is kept. */
static bool give_main_loader(Value main)
{
    Value d = VAL_AS(ObjModule, main)->dict;
    Value loader = rt_dict_get_cstr(d, "__loader__"), file = rt_dict_get_cstr(d, "__file__");
    if (loader != VAL_NULL && loader != rt_None)
        return true;
    if (file == VAL_NULL || !is_str(file) || strcmp(rt_str_cstr(file), "<stdin>") == 0) {
        loader = rt_getattr_cstr(bootstrap, "BuiltinImporter");
    } else {
        const char *path = rt_str_cstr(file);
        size_t n = strlen(path);
        bool bytecode = (n >= 4 && strcmp(path + n - 4, ".pyc") == 0) || ld_pyc_file_minor(path) != 0;
        Value args[2] = { RT_NAME("__main__"), file };
        loader = call_function(external, bytecode ? "SourcelessFileLoader" : "SourceFileLoader",
                               args, 2);
    }
    if (loader == VAL_NULL)
        return false;
    rt_dict_set_cstr(d, "__loader__", loader);
    return true;
}

/* Does code, or code nested in it, name `name` (co_names: a global, an
 * attribute or an imported name)? */
static bool code_names(const ObjCode *code, Value name)
{
    for (size_t i = 0; i < rt_tuple_len(code->names); i++)
        if (rt_str_equal(rt_tuple_get(code->names, i), name))
            return true;
    for (size_t i = 0; i < rt_tuple_len(code->consts); i++) {
        Value c = rt_tuple_get(code->consts, i);
        if (is_code(c) && code_names(AS_CODE(c), name))
            return true;
    }
    return false;
}

void ld_prepare_main(Value code)
{
    if (bootstrap != VAL_NULL || !code_names(AS_CODE(code), RT_NAME("__loader__")))
        return;
    if (!ld_import_install())
        rt_err_clear();                 /* no standard library: it stays None */
}

/* Modules imported before importlib was get the spec its finders would
 * have given them (the built-in ones got theirs from _bootstrap._setup,
 * except those imported after it, while importlib/__init__ ran: posix,
 * which _bootstrap_external imports);
 * __main__ keeps None, as a script's does — also under another name
 * (multiprocessing aliases it as sys.modules['__mp_main__'], which must
 * not rename it) — and gets its loader. */
static bool give_specs(void)
{
    Value mods = rt_dict_copy(modules()), name, m;
    Value main = rt_dict_get_cstr(mods, "__main__");
    if (main != VAL_NULL && IS_EXACT(main, rt_module_type) && !give_main_loader(main))
        return false;
    for (size_t i = 0; rt_dict_next(mods, &i, &name, &m);) {
        if (!IS_EXACT(m, rt_module_type) || !is_str(name) || m == main)
            continue;
        Value d = VAL_AS(ObjModule, m)->dict;
        Value spec = rt_dict_get_cstr(d, "__spec__"), file = rt_dict_get_cstr(d, "__file__");
        Value path = rt_dict_get_cstr(d, "__path__");
        if (VAL_AS(ObjModule, m)->builtin) {
            if (spec == VAL_NULL && !init_attrs_from_spec(m, builtin_spec(name), false))
                return false;
            continue;
        }
        if (spec != rt_None)
            continue;
        if (file != VAL_NULL && is_str(file))
            spec = file_spec(name, file);
        else if (path != VAL_NULL)
            spec = namespace_spec(name, path);
        else
            continue;
        if (!init_attrs_from_spec(m, spec, true))
            return false;
    }
    return true;
}

static Value attr_of(Value obj, const char *name)
{
    return obj != VAL_NULL ? rt_getattr_cstr(obj, name) : VAL_NULL;
}

/* The module `importlib` has run: install its finders as CPython does. */
static bool install(Value importlib)
{
    Value b = attr_of(importlib, "_bootstrap"), e = attr_of(importlib, "_bootstrap_external");
    Value builtin = attr_of(b, "BuiltinImporter"), frozen = attr_of(b, "FrozenImporter");
    Value path_finder = attr_of(e, "PathFinder");
    Value path_hook = attr_of(attr_of(e, "FileFinder"), "path_hook");
    if (path_hook == VAL_NULL || builtin == VAL_NULL || frozen == VAL_NULL || path_finder == VAL_NULL)
        return false;
    Value loaders = call_function(e, "_get_supported_file_loaders", NULL, 0);
    Value hook = loaders != VAL_NULL ? rt_call_tuple_dict(path_hook, rt_sequence_to_tuple(loaders), VAL_NULL)
                                     : VAL_NULL;
    if (hook == VAL_NULL)
        return false;
    bootstrap = b;
    external = e;
    stock_meta = rt_tuple_pack(3, builtin, frozen, path_finder);
    rt_module_repr_func = attr_of(b, "_module_repr");
    if (rt_module_repr_func == VAL_NULL)
        return false;
    /* The names CPython's frozen copies go by, which zipimport imports;
     * then zipimport's hook goes first, as CPython's start-up puts it. */
    if (rt_dict_get_cstr(modules(), "_frozen_importlib") == VAL_NULL)
        rt_dict_set_cstr(modules(), "_frozen_importlib", b);
    if (rt_dict_get_cstr(modules(), "_frozen_importlib_external") == VAL_NULL)
        rt_dict_set_cstr(modules(), "_frozen_importlib_external", e);
    installing = true;
    Value zip = attr_of(import_absolute(RT_NAME("zipimport")), "zipimporter");
    installing = false;
    if (zip == VAL_NULL)
        rt_err_clear();
    stock_hooks = zip != VAL_NULL ? rt_tuple_pack(2, zip, hook) : rt_tuple_pack(1, hook);
    Value d = VAL_AS(ObjModule, mod_sys_module())->dict;
    if (rt_dict_get_cstr(d, "meta_path") == VAL_NULL)
        rt_dict_set_cstr(d, "meta_path", rt_sequence_to_list(stock_meta));
    if (rt_dict_get_cstr(d, "path_hooks") == VAL_NULL)
        rt_dict_set_cstr(d, "path_hooks", rt_sequence_to_list(stock_hooks));
    if (rt_dict_get_cstr(d, "path_importer_cache") == VAL_NULL)
        rt_dict_set_cstr(d, "path_importer_cache", ld_new_importer_cache());
    return give_specs();
}

bool ld_import_install(void)
{
    if (bootstrap != VAL_NULL || installing)
        return true;
    installing = true;
    Value m = import_absolute(RT_NAME("importlib"));
    installing = false;
    return m != VAL_NULL && bootstrap != VAL_NULL;
}

/* Does the search path name a file (a zip archive for zipimport)? */
static bool has_archive(Value path)
{
    Value items = rt_sequence_to_tuple(path);
    if (items == VAL_NULL) {
        rt_err_clear();
        return false;
    }
    for (size_t i = 0; i < rt_tuple_len(items); i++) {
        Value entry = rt_tuple_get(items, i);
        if (is_str(entry) && rt_str_nbytes(entry) > 0 && ld_is_file(rt_str_cstr(entry)))
            return true;
    }
    return false;
}

static bool in_importlib(ObjTraceback *tb)
{
    if (tb->code == NULL || !is_str(tb->code->filename))
        return false;
    const char *file = rt_str_cstr(tb->code->filename);
    return strcmp(file, "<frozen importlib._bootstrap>") == 0 ||
           strcmp(file, "<frozen importlib._bootstrap_external>") == 0;
}

/* CPython's remove_importlib_frames: a traceback through the import
 * machinery shows the program's frames only. */
static void remove_importlib_frames(Value exc)
{
    if (!rt_isinstance_of(exc, &rt_BaseException))
        return;
    Value *link = &VAL_AS(ObjException, exc)->traceback;
    while (*link != rt_None && val_type(*link) == &rt_traceback_type) {
        ObjTraceback *tb = VAL_AS(ObjTraceback, *link);
        if (in_importlib(tb))
            *link = tb->next;
        else
            link = &tb->next;
    }
}

/* An import with finders or hooks of the program's own: importlib's. */
static Value find_and_load_with_importlib(Value name)
{
    if (!ld_import_install() || bootstrap == VAL_NULL)  /* none, or importlib's own imports */
        return rt_err_occurred() ? VAL_NULL : module_not_found(name);
    Value args[2] = { name, rt_dict_get_cstr(rt_builtins_dict, "__import__") };
    Value m = call_function(bootstrap, "_find_and_load", args, 2);
    if (m == VAL_NULL)
        remove_importlib_frames(rt_err_peek());
    return m;
}

/* ---- loading (_load_unlocked) ------------------------------------------------------ */

static Value modules(void)
{
    return mod_sys_modules();
}

/* name.rpartition('.')[0] as a new str ("" at top level). */
static Value parent_name(Value name)
{
    const char *s = rt_str_cstr(name);
    const char *dot = memrchr(s, '.', rt_str_nbytes(name));
    return dot ? rt_str_new(s, (size_t)(dot - s)) : rt_str_empty();
}

/* The attributes _init_module_attrs sets, in its order. */
static void init_module_attrs(Value module, Value name, Spec *spec, Value cached)
{
    Value d = VAL_AS(ObjModule, module)->dict;
    rt_dict_set_cstr(d, "__package__", spec->package ? name : parent_name(name));
    rt_dict_set_cstr(d, "__loader__", rt_None);
    rt_dict_set_cstr(d, "__spec__", rt_None);
    if (spec->kind == SPEC_NAMESPACE)
        rt_dict_set_cstr(d, "__file__", rt_None);
    if (spec->package)
        rt_dict_set_cstr(d, "__path__", spec->path);
    if (spec->origin != NULL) {
        rt_dict_set_cstr(d, "__file__", rt_str_from_cstr(spec->origin));
        rt_dict_set_cstr(d, "__cached__", cached);
    }
    rt_dict_set_cstr(d, "__builtins__", rt_builtins_dict);
}

/* Run code in module's namespace with the module in sys.modules; on error
 * the module is removed again (so a later import retries). */
static Value exec_module(Value name, Value module, Value code)
{
    if (!rt_dict_set(modules(), name, module))
        return VAL_NULL;
    rt_dict_set(initializing, name, rt_int_from_u64(vm_thread_ident()));
    VAL_AS(ObjModule, module)->initializing = true;
    Value r = vm_run_module(AS_CODE(code), VAL_AS(ObjModule, module)->dict);
    VAL_AS(ObjModule, module)->initializing = false;
    rt_dict_del(initializing, name);
    if (r == VAL_NULL) {
        Value exc = rt_err_fetch();
        rt_dict_del(modules(), name);
        rt_raise(exc);
        return VAL_NULL;
    }
    /* The body may have replaced its own sys.modules entry: that wins. */
    Value m = rt_dict_get(modules(), name, NULL);
    if (m == VAL_NULL)
        return raise_import_error(&rt_ImportError,
                                  rt_str_format_c("Loaded module %R not found in sys.modules", name),
                                  name, VAL_NULL);
    return m;
}

/* Once importlib is there, the attributes come from the spec its finders
 * would give (after the three a new module starts with, in CPython's
 * order). */
static bool init_attrs_importlib(Value module, Value name, Spec *spec)
{
    Value d = VAL_AS(ObjModule, module)->dict;
    rt_dict_set_cstr(d, "__package__", rt_None);
    rt_dict_set_cstr(d, "__loader__", rt_None);
    rt_dict_set_cstr(d, "__spec__", rt_None);
    Value s = spec->kind == SPEC_NAMESPACE ? namespace_spec(name, spec->path)
                                           : file_spec(name, rt_str_from_cstr(spec->origin));
    if (!init_attrs_from_spec(module, s, false))
        return false;
    rt_dict_set_cstr(d, "__builtins__", rt_builtins_dict);
    return true;
}

/* A new instance of a built-in module (_imp.create_builtin). */
static Value create_builtin(ModInit init)
{
    Value module = init();
    if (module != VAL_NULL && val_type(module) == &rt_module_type)
        VAL_AS(ObjModule, module)->builtin = true;
    return module;
}

Value ld_create_builtin(Value name)
{
    ModInit init = mod_lookup(rt_str_cstr(name));
    if (init == NULL)
        return raise_import_error(&rt_ImportError,
                                  rt_str_format_c("no built-in module named %S", name), name, VAL_NULL);
    return create_builtin(init);
}

static Value load_builtin(Value name, Spec *spec)
{
    Value module = create_builtin(spec->init);
    if (module == VAL_NULL)
        return VAL_NULL;
    if (bootstrap != VAL_NULL && IS_EXACT(module, rt_module_type) &&
        !init_attrs_from_spec(module, builtin_spec(name), false))
        return VAL_NULL;
    if (!rt_dict_set(modules(), name, module))
        return VAL_NULL;
    return module;
}

/* The standard-library modules CPython freezes (3.11's Python/frozen.c;
 * 3.12-3.14 freeze the same ones): their code names "<frozen NAME>", so a
 * traceback through them shows no source line, as CPython's does
 * (File "<frozen os>", line 679, in __getitem__) — unless -X
 * frozen_modules=off, under which CPython runs the files. */
static bool frozen_in_cpython(Value name, const char *origin)
{
    static const char *const frozen[] = {
        "zipimport", "abc", "codecs", "io", "_collections_abc", "_sitebuiltins",
        "genericpath", "ntpath", "posixpath", "os", "site", "stat", "importlib.util",
        "importlib.machinery", "runpy", "importlib._bootstrap", "importlib._bootstrap_external",
    };
    const char *s = rt_str_cstr(name);
    size_t i = 0, n = sizeof frozen / sizeof frozen[0];
    while (i < n && strcmp(frozen[i], s) != 0)
        i++;
    Value dir = mod_sys_get("_stdlib_dir");
    if (i == n || origin == NULL || dir == VAL_NULL || !is_str(dir) ||
        strncmp(origin, rt_str_cstr(dir), rt_str_nbytes(dir)) != 0 || origin[rt_str_nbytes(dir)] != '/')
        return false;
    Value xoptions = mod_sys_get("_xoptions");
    Value off = xoptions != VAL_NULL && is_dict(xoptions) ? rt_dict_get_cstr(xoptions, "frozen_modules")
                                                          : VAL_NULL;
    return off == VAL_NULL || !is_str(off) || strcmp(rt_str_cstr(off), "off") != 0;
}

/* The trace's last line for a module just run: "import 'name' # " and
 * its loader as CPython's would be.  Until importlib is imported pvm makes
 * no loader object, so the line names the class CPython's loader has, at
 * the module's own address. */
static void trace_imported(Value name, Value module, SpecKind kind, bool frozen)
{
    static const char *const loaders[] = {
        [SPEC_SOURCE] = "SourceFileLoader", [SPEC_SOURCELESS] = "SourcelessFileLoader",
        [SPEC_NAMESPACE] = "NamespaceLoader",
    };
    Value loader = IS_EXACT(module, rt_module_type)
                       ? rt_dict_get_cstr(VAL_AS(ObjModule, module)->dict, "__loader__") : VAL_NULL;
    Value text;
    if (kind == SPEC_BUILTIN || frozen)
        text = rt_str_format_c("<class '_frozen_importlib.%s'>",
                               frozen ? "FrozenImporter" : "BuiltinImporter");
    else if (loader != VAL_NULL && loader != rt_None)
        text = rt_repr(loader);
    else
        text = rt_str_format_c("<_frozen_importlib_external.%s object at %p>", loaders[kind],
                               (void *)VAL_AS(ObjModule, module));
    if (text == VAL_NULL)
        rt_err_clear();
    else
        trace(rt_str_format_c("import %R # %S", name, text));
}

static Value load_spec(Value name, Spec *spec)
{
    if (spec->kind == SPEC_EXTENSION)
        return extension_not_loadable(name, spec->origin);
    if (spec->kind == SPEC_BUILTIN) {
        Value module = load_builtin(name, spec);
        if (module != VAL_NULL && tracing())
            trace_imported(name, module, SPEC_BUILTIN, false);
        return module;
    }
    bool frozen = frozen_in_cpython(name, spec->origin);
    bool traced = tracing() && !frozen;
    Value module = rt_module_new(name);
    Value cached = rt_None, code = rt_None;
    if (spec->kind == SPEC_SOURCE)
        code = code_from_source(spec->origin, rt_str_cstr(name), &cached, traced);
    else if (spec->kind == SPEC_SOURCELESS) {
        code = code_from_pyc(spec->origin, rt_str_cstr(name), traced);
        cached = rt_str_from_cstr(spec->origin);
    }
    if (code == VAL_NULL)
        return VAL_NULL;
    if (bootstrap == VAL_NULL)
        init_module_attrs(module, name, spec, cached);
    else if (!init_attrs_importlib(module, name, spec))
        return VAL_NULL;
    if (spec->kind == SPEC_NAMESPACE) {
        if (!rt_dict_set(modules(), name, module))
            return VAL_NULL;
        if (tracing())
            trace_imported(name, module, SPEC_NAMESPACE, false);
        return module;
    }
    if (frozen)
        ld_fix_co_filename(code, rt_str_format_c("<frozen %S>", name));
    module = exec_module(name, module, code);
    if (module != VAL_NULL && tracing())
        trace_imported(name, module, spec->kind, frozen);
    if (module != VAL_NULL && bootstrap == VAL_NULL && strcmp(rt_str_cstr(name), "importlib") == 0 &&
        !install(module))
        return VAL_NULL;
    return module;
}

/* ---- importing an absolute name (_find_and_load) ----------------------------------- */

static bool is_frozen_importlib(const char *name)
{
    return strcmp(name, "_frozen_importlib") == 0 || strcmp(name, "_frozen_importlib_external") == 0;
}

/* While importlib/__init__.py first runs, `import _frozen_importlib` (and
 * _external) finds the frozen copies, as in CPython: the code runs under
 * those names, so that its classes' __module__ and reprs are python3.11's
 * (<class '_frozen_importlib.BuiltinImporter'>).  Then pvm does what
 * CPython's start-up does with them, since importlib only renames them:
 * _bootstrap._setup(sys, _imp), and the external module told its
 * bootstrap module and the other way round. */
static Value load_frozen_importlib(Value name)
{
    const char *s = rt_str_cstr(name), *origname;
    Value b = rt_dict_get_cstr(modules(), "_frozen_importlib");
    if (strcmp(s, "_frozen_importlib_external") == 0) {
        /* The external module comes through _setup's FrozenImporter, as
         * CPython's _install_external_importers imports it; without the
         * module lock _load would take, whose weak reference's callback
         * would run at some later collection (CPython frees the lock at
         * once), visible to a profiler then running. */
        if (b == VAL_NULL)
            return module_not_found(name);
        Value frozen = rt_getattr_cstr(b, "FrozenImporter");
        Value spec = frozen != VAL_NULL ? call_function(frozen, "find_spec", &name, 1) : VAL_NULL;
        if (spec == rt_None)
            return module_not_found(name);
        Value e = spec != VAL_NULL ? call_function(b, "_load_unlocked", &spec, 1) : VAL_NULL;
        if (e == VAL_NULL || call_function(e, "_set_bootstrap_module", &b, 1) == VAL_NULL ||
            rt_setattr(b, RT_NAME("_bootstrap_external"), e) < 0)
            return VAL_NULL;
        return e;
    }
    Value code = mod_imp_frozen_code(s, &origname);
    if (code == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL : module_not_found(name);
    /* What PyImport_ImportFrozenModuleObject gives the module before its
     * code runs (FrozenImporter._fix_up_module reads __origname__). */
    Value module = rt_module_new(name);
    Value d = VAL_AS(ObjModule, module)->dict;
    rt_dict_set_cstr(d, "__package__", rt_None);
    rt_dict_set_cstr(d, "__loader__", rt_None);
    rt_dict_set_cstr(d, "__spec__", rt_None);
    rt_dict_set_cstr(d, "__origname__", rt_str_from_cstr(origname));
    rt_dict_set_cstr(d, "__builtins__", rt_builtins_dict);
    module = exec_module(name, module, code);
    Value imp = module != VAL_NULL ? import_absolute(RT_NAME("_imp")) : VAL_NULL;
    Value args[2] = { mod_sys_module(), imp };
    return imp != VAL_NULL && call_function(module, "_setup", args, 2) != VAL_NULL ? module : VAL_NULL;
}


static Value find_and_load(Value name)
{
    /* Once the program's teardown has begun (after atexit), CPython has set
     * sys.meta_path to None: a __del__ then importing a module not yet
     * imported fails (warnings' `import tracemalloc`, which therefore adds
     * no hint to a ResourceWarning at exit). */
    if (rt_finalizing)
        return raise_import_error(&rt_ImportError,
            rt_str_from_cstr("sys.meta_path is None, Python is likely shutting down"),
            name, VAL_NULL);
    Value parent = parent_name(name);
    Value path = search_path();
    Value parent_module = VAL_NULL;
    const char *tail = rt_str_cstr(name);
    if (rt_str_nbytes(parent) > 0) {
        if (rt_dict_get(modules(), parent, NULL) == VAL_NULL && import_absolute(parent) == VAL_NULL)
            return VAL_NULL;
        Value m = rt_dict_get(modules(), name, NULL);    /* importing the parent did it */
        if (m != VAL_NULL)
            return m;
        parent_module = rt_dict_get(modules(), parent, NULL);
        if (parent_module == VAL_NULL)
            return rt_raisef(&rt_KeyError, "%R", parent);
        path = rt_lookup_attr(parent_module, RT_NAME("__path__"));
        if (path == VAL_NULL && !rt_err_occurred() && mod_lookup(rt_str_cstr(name)) == NULL)
            return raise_import_error(&rt_ModuleNotFoundError,
                rt_str_format_c("No module named %R; %R is not a package", name, parent),
                name, VAL_NULL);
        if (path == VAL_NULL && rt_err_occurred())
            return VAL_NULL;
        tail += rt_str_nbytes(parent) + 1;
    }
    /* No file, built-in module or package has a NUL in its name (the finders
     * below read the name as a C string, which would stop at the NUL). */
    if (strlen(rt_str_cstr(name)) != rt_str_nbytes(name))
        return module_not_found(name);
    /* CPython's start-up installs importlib's bootstrap modules under
     * their frozen names; pvm installs importlib when one is first asked
     * for, and they are then in sys.modules (install above).  While
     * importlib/__init__.py runs, they are not there: it then imports
     * _bootstrap.py as importlib._bootstrap, as without frozen modules. */
    if (bootstrap == VAL_NULL && parent_module == VAL_NULL && is_frozen_importlib(tail)) {
        if (rt_dict_get_cstr(modules(), "importlib") != VAL_NULL)
            return load_frozen_importlib(name);
        if (!installing) {
            if (!ld_import_install())
                return VAL_NULL;
            Value m = rt_dict_get(modules(), name, NULL);
            if (m != VAL_NULL)
                return m;
        }
    }
    /* Frozen modules come before sys.path (FrozenImporter): importlib's
     * (before importlib is set up, they are found as the files they are). */
    if (bootstrap != VAL_NULL && mod_lookup(rt_str_cstr(name)) == NULL &&
        mod_imp_is_frozen(rt_str_cstr(name)))
        return find_and_load_with_importlib(name);
    Spec spec;
    if (!find_spec(rt_str_cstr(name), tail, path ? path : rt_empty_tuple, &spec))
        return VAL_NULL;
    /* importlib may know more: zip archives (which may also hold portions
     * of a namespace package), its caches. */
    if (spec.kind == SPEC_NONE || spec.kind == SPEC_NAMESPACE) {
        if (bootstrap != VAL_NULL || has_archive(path))
            return find_and_load_with_importlib(name);
        const char *extension = spec.kind == SPEC_NONE ? extension_on_path(tail, path) : NULL;
        if (extension != NULL)
            return extension_not_loadable(name, extension);
        if (spec.kind == SPEC_NONE)
            return module_not_found(name);
    }
    Value module = load_spec(name, &spec);
    if (module == VAL_NULL || parent_module == VAL_NULL)
        return module;
    parent_module = rt_dict_get(modules(), parent, NULL);
    if (parent_module != VAL_NULL &&
        rt_setattr(parent_module, rt_str_intern(rt_str_from_cstr(tail)), module) < 0)
        rt_err_clear();                     /* CPython only warns */
    return module;
}

/* Would waiting for thread `owner` to finish its module wait for this
 * thread, `me` — is `owner` waiting, directly or through other threads,
 * for a module that `me` is running? */
static bool waits_for(Value owner, Value me)
{
    for (Value t = owner; t != VAL_NULL;) {
        if (rt_compare_bool(t, me, CMP_EQ) == 1)
            return true;
        Value name = rt_dict_get(waiting, t, NULL);
        t = name != VAL_NULL ? rt_dict_get(initializing, name, NULL) : VAL_NULL;
    }
    return false;
}

/* Another thread is running the body of module `name`: wait until it has
 * finished (polling every millisecond, with the interpreter lock
 * released), as importlib's module lock makes an importer wait.  Where
 * that would deadlock, the module is used as it is, as importlib does;
 * and so it is when that thread will never finish (the teardown stopped
 * it: vm_thread_others_run).  false with KeyboardInterrupt set when Ctrl-C
 * ends the wait. */
static bool wait_until_initialized(Value name)
{
    Value me = rt_int_from_u64(vm_thread_ident()), owner;
    while ((owner = rt_dict_get(initializing, name, NULL)) != VAL_NULL && !waits_for(owner, me) &&
           vm_thread_others_run()) {
        rt_dict_set(waiting, me, name);
        vm_release_lock();
        struct timespec ms = { 0, 1000000 };
        nanosleep(&ms, NULL);
        if (!vm_blocking_retry())
            return false;
        vm_reacquire_lock();
        rt_dict_del(waiting, me);
    }
    return true;
}

/* A module importlib is importing in another thread (its spec's
 * `_initializing` is true): wait on importlib's module lock, as CPython's
 * import_ensure_initialized does.  false with an exception. */
static bool wait_for_importlib(Value module, Value name)
{
    if (bootstrap == VAL_NULL)
        return true;
    Value spec = rt_lookup_attr(module, RT_NAME("__spec__"));
    Value busy = spec != VAL_NULL ? rt_lookup_attr(spec, RT_NAME("_initializing"))
                                  : VAL_NULL;
    int truth = busy != VAL_NULL ? rt_truthy(busy) : 0;
    rt_err_clear();
    if (truth <= 0)
        return true;
    Value lock_unlock = rt_getattr_cstr(bootstrap, "_lock_unlock_module");
    return lock_unlock != VAL_NULL && rt_call1(lock_unlock, name) != VAL_NULL;
}

/* sys.modules[name], or find and load it (import_get_module + _find_and_load). */
static Value import_absolute(Value name)
{
    ld_import_init();
    Value m = rt_dict_get(modules(), name, NULL);
    if (m == rt_None)
        return raise_import_error(&rt_ModuleNotFoundError,
            rt_str_format_c("import of %S halted; None in sys.modules", name), name, VAL_NULL);
    if (m != VAL_NULL && vm_thread_count() > 0) {
        if (!wait_until_initialized(name) || !wait_for_importlib(m, name))
            return VAL_NULL;
        m = rt_dict_get(modules(), name, NULL);     /* its body may have failed */
    }
    if (m != VAL_NULL)
        return m;
    if (vm_thread_count() == 0)
        return finders_unchanged() ? find_and_load(name) : find_and_load_with_importlib(name);
    /* With threads, the name is marked as being imported before it is
     * looked for: a second thread importing it meanwhile waits, then takes
     * the module the first one made (importlib's module lock), instead of
     * running its body a second time. */
    if (rt_dict_get(initializing, name, NULL) != VAL_NULL) {
        if (!wait_until_initialized(name))
            return VAL_NULL;
        if ((m = rt_dict_get(modules(), name, NULL)) != VAL_NULL)
            return m;
    }
    bool mark = rt_dict_get(initializing, name, NULL) == VAL_NULL;
    if (mark)
        rt_dict_set(initializing, name, rt_int_from_u64(vm_thread_ident()));
    m = finders_unchanged() ? find_and_load(name) : find_and_load_with_importlib(name);
    if (mark)
        rt_dict_del(initializing, name);
    return m;
}

Value ld_import_module(const char *name)
{
    return import_absolute(rt_str_from_cstr(name));
}

/* ---- relative names (resolve_name in Python/import.c) ------------------------------ */

static Value resolve_name(Value name, Value globals, int level)
{
    if (globals == VAL_NULL || !is_dict(globals))
        return rt_raisef(&rt_KeyError, "'__name__' not in globals");
    Value package = rt_dict_get_cstr(globals, "__package__");
    Value spec = rt_dict_get_cstr(globals, "__spec__");
    bool has_spec = spec != VAL_NULL && spec != rt_None;
    if (package != VAL_NULL && package != rt_None) {
        if (!rt_isinstance_of(package, &rt_str_type))
            return rt_raisef(&rt_TypeError, "package must be a string");
        if (has_spec) {
            Value parent = rt_getattr_cstr(spec, "parent");
            int equal = parent != VAL_NULL ? rt_compare_bool(package, parent, CMP_EQ) : -1;
            if (equal < 0 ||
                (equal == 0 && rt_warn(&rt_ImportWarning, "__package__ != __spec__.parent", 1) < 0))
                return VAL_NULL;
        }
    } else if (has_spec) {
        package = rt_getattr_cstr(spec, "parent");
        if (package == VAL_NULL)
            return VAL_NULL;
        if (!rt_isinstance_of(package, &rt_str_type))
            return rt_raisef(&rt_TypeError, "__spec__.parent must be a string");
    } else {
        if (rt_warn(&rt_ImportWarning, "can't resolve package from __spec__ or __package__, "
                                       "falling back on __name__ and __path__", 1) < 0)
            return VAL_NULL;
        package = rt_dict_get_cstr(globals, "__name__");
        if (package == VAL_NULL)
            return rt_raisef(&rt_KeyError, "'__name__' not in globals");
        if (!rt_isinstance_of(package, &rt_str_type))
            return rt_raisef(&rt_TypeError, "__name__ must be a string");
        if (rt_dict_get_cstr(globals, "__path__") == VAL_NULL)
            package = parent_name(package);
    }
    const char *s = rt_str_cstr(package);
    size_t end = rt_str_nbytes(package);
    if (end == 0)
        return rt_raisef(&rt_ImportError, "attempted relative import with no known parent package");
    for (int up = 1; up < level; up++) {
        while (end > 0 && s[end - 1] != '.')
            end--;
        if (end == 0)
            return rt_raisef(&rt_ImportError, "attempted relative import beyond top-level package");
        end--;
    }
    Value base = rt_str_new(s, end);
    if (rt_str_nbytes(name) == 0)
        return base;
    return rt_str_format_c("%S.%S", base, name);
}

/* ---- from pkg import a, b (_handle_fromlist) --------------------------------------- */

static bool handle_fromlist(Value module, Value fromlist, bool recursive)
{
    Value items = rt_sequence_to_tuple(fromlist);
    if (items == VAL_NULL)
        return false;
    for (size_t i = 0; i < rt_tuple_len(items); i++) {
        Value x = rt_tuple_get(items, i);
        if (!rt_isinstance_of(x, &rt_str_type)) {
            Value where = recursive
                ? rt_str_format_c("%S.__all__", rt_getattr_cstr(module, "__name__"))
                : rt_str_from_cstr("``from list''");
            rt_raisef(&rt_TypeError, "Item in %S must be str, not %s", where, val_type(x)->name);
            return false;
        }
        if (strcmp(rt_str_cstr(x), "*") == 0) {
            Value all = recursive ? VAL_NULL : rt_lookup_attr(module, RT_NAME("__all__"));
            if (all != VAL_NULL && !handle_fromlist(module, all, true))
                return false;
            continue;
        }
        if (rt_lookup_attr(module, x) != VAL_NULL)
            continue;
        Value mname = rt_getattr_cstr(module, "__name__");
        if (mname == VAL_NULL)
            return false;
        Value from_name = rt_str_format_c("%S.%S", mname, x);
        if (import_absolute(from_name) != VAL_NULL)
            continue;
        /* A missing submodule is not an error here: IMPORT_FROM reports it. */
        Value exc = rt_err_peek();
        if (!rt_isinstance_of(exc, &rt_ModuleNotFoundError))
            return false;
        Value ename = rt_lookup_attr(exc, RT_NAME("name"));
        if (ename == VAL_NULL || !is_str(ename) || !rt_str_equal(ename, from_name) ||
            rt_dict_get(modules(), from_name, NULL) == rt_None)
            return false;
        rt_err_clear();
    }
    return true;
}

/* ---- the three opcodes --------------------------------------------------------------- */

Value ld_import_name(Value name, Value globals, Value fromlist, int level)
{
    ld_import_init();
    if (!rt_isinstance_of(name, &rt_str_type))
        return rt_raisef(&rt_TypeError, "module name must be a string");
    if (level < 0)
        return rt_raisef(&rt_ValueError, "level must be >= 0");
    Value abs_name = name;
    if (level > 0)
        abs_name = resolve_name(name, globals, level);
    else if (rt_str_nbytes(name) == 0)
        return rt_raisef(&rt_ValueError, "Empty module name");
    if (abs_name == VAL_NULL)
        return VAL_NULL;
    Value module = import_absolute(abs_name);
    if (module == VAL_NULL)
        return VAL_NULL;
    int has_from = fromlist == VAL_NULL || fromlist == rt_None ? 0 : rt_truthy(fromlist);
    if (has_from < 0)
        return VAL_NULL;
    if (!has_from) {
        /* `import a.b.c` binds a: return the top of the name written. */
        const char *s = rt_str_cstr(name);
        const char *dot = strchr(s, '.');
        if (dot == NULL)
            return module;
        if (level == 0)
            return import_absolute(rt_str_new(s, (size_t)(dot - s)));
        size_t cut = rt_str_nbytes(name) - (size_t)(dot - s);
        Value top = rt_str_new(rt_str_cstr(abs_name), rt_str_nbytes(abs_name) - cut);
        Value m = rt_dict_get(modules(), top, NULL);
        if (m == VAL_NULL)
            return rt_raisef(&rt_KeyError, "%R not in sys.modules as expected", top);
        return m;
    }
    Value path = rt_lookup_attr(module, RT_NAME("__path__"));
    if (path == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL : module;
    return handle_fromlist(module, fromlist, false) ? module : VAL_NULL;
}

Value ld_import_from(Value module, Value name)
{
    Value v = rt_lookup_attr(module, name);
    if (v != VAL_NULL || rt_err_occurred())
        return v;
    /* A circular relative import may not have set the attribute yet: the
     * submodule itself may already be in sys.modules (CPython bpo-17636). */
    Value pkgname = rt_lookup_attr(module, RT_NAME("__name__"));
    rt_err_clear();
    if (pkgname != VAL_NULL && rt_isinstance_of(pkgname, &rt_str_type)) {
        Value full = rt_str_format_c("%S.%S", pkgname, name);
        v = rt_dict_get(modules(), full, NULL);
        if (v != VAL_NULL)
            return v;
    } else {
        pkgname = rt_str_from_cstr("<unknown module name>");
    }
    Value path = rt_lookup_attr(module, RT_NAME("__file__"));
    rt_err_clear();
    Value msg;
    if (!IS_EXACT(module, rt_module_type) || path == VAL_NULL || !rt_isinstance_of(path, &rt_str_type)) {
        msg = rt_str_format_c("cannot import name %R from %R (unknown location)", name, pkgname);
        path = VAL_NULL;
    } else if (rt_dict_get(initializing, pkgname, NULL) != VAL_NULL) {
        msg = rt_str_format_c("cannot import name %R from partially initialized module %R "
                              "(most likely due to a circular import) (%S)", name, pkgname, path);
    } else {
        msg = rt_str_format_c("cannot import name %R from %R (%S)", name, pkgname, path);
    }
    Value exc = import_error_new(&rt_ImportError, msg, pkgname, path);
    if (exc != VAL_NULL && rt_py_minor >= 12)  /* 3.12: the suggestions use it */
        rt_setattr(exc, RT_NAME("name_from"), name);
    return exc == VAL_NULL ? VAL_NULL : rt_raise(exc);
}

/* Item `i` of __all__ (any sequence); VAL_NULL without an exception at its end. */
static Value sequence_item(Value seq, size_t i)
{
    Value v = rt_getitem(seq, rt_int_from_i64((int64_t)i));
    if (v == VAL_NULL && rt_err_matches(&rt_IndexError))
        rt_err_clear();
    return v;
}

int ld_import_star(Value module, Value locals)
{
    if (locals == VAL_NULL) {
        rt_raisef(&rt_SystemError, "no locals found during 'import *'");
        return -1;
    }
    bool skip_private = false;
    Value all = rt_lookup_attr(module, RT_NAME("__all__"));
    if (all == VAL_NULL) {
        if (rt_err_occurred())
            return -1;
        Value dict = rt_lookup_attr(module, RT_NAME("__dict__"));
        if (dict == VAL_NULL) {
            if (!rt_err_occurred())
                rt_raisef(&rt_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = rt_sequence_to_list(dict);
        skip_private = true;
    }
    if (all == VAL_NULL)
        return -1;
    for (size_t i = 0;; i++) {
        Value name = sequence_item(all, i);
        if (name == VAL_NULL)
            return rt_err_occurred() ? -1 : 0;
        if (!rt_isinstance_of(name, &rt_str_type)) {
            Value mname = rt_getattr_cstr(module, "__name__");
            if (mname == VAL_NULL)
                return -1;
            rt_raisef(&rt_TypeError, "%s in %S.%s must be str, not %s",
                      skip_private ? "Key" : "Item", mname,
                      skip_private ? "__dict__" : "__all__", val_type(name)->name);
            return -1;
        }
        if (skip_private && rt_str_cstr(name)[0] == '_')
            continue;
        Value v = rt_getattr(module, name);
        if (v == VAL_NULL || rt_setitem(locals, name, v) < 0)
            return -1;
    }
}

/* ---- python -m (runpy._get_module_details) ------------------------------------------- */

/* runpy's _Error: a message python prints after "python3.11: ". */
static int main_error(Value msg)
{
    rt_raise_args(&rt_ImportError, rt_tuple_pack(1, msg));
    return 0;
}

/* `-m name.py` that fails to find its parent `name`: runpy's hint, that
 * the module name is without the .py. */
static Value py_name_hint(Value name, Value msg)
{
    size_t n = rt_str_nbytes(name);
    if (n < 3 || strcmp(rt_str_cstr(name) + n - 3, ".py") != 0)
        return msg;
    return rt_str_format_c("%S. Try using '%s' instead of '%S' as the module name.", msg,
                           rt_str_cstr(rt_str_new(rt_str_cstr(name), n - 3)), name);
}

/* An exception to report with its traceback: -1. */
static int raise_again(Value exc)
{
    rt_raise(exc);
    return -1;
}

/* The parent package failed to import with exc: runpy lets it through
 * (a traceback) unless it is the ImportError of a package missing on the
 * way to the parent, which find_spec then reports. */
static bool parent_missing(Value exc, Value parent)
{
    if (!rt_isinstance_of(exc, &rt_ImportError))
        return false;
    Value missing = rt_lookup_attr(exc, RT_NAME("name"));
    rt_err_clear();
    if (missing == VAL_NULL || !is_str(missing))
        return false;
    const char *p = rt_str_cstr(parent), *m = rt_str_cstr(missing);
    size_t n = strlen(m);
    return strcmp(p, m) == 0 || (strncmp(p, m, n) == 0 && p[n] == '.');
}

/* A module pvm's finder does not find that importlib may (in a zip archive
 * on sys.path, by a finder of the program's): runpy._get_module_details
 * itself answers, when there is a standard library. */
static int main_from_runpy(Value name, LdMainModule *target)
{
    Value runpy = ld_import_install() ? import_absolute(RT_NAME("runpy")) : VAL_NULL;
    if (runpy == VAL_NULL) {
        rt_err_clear();
        return main_error(rt_str_format_c("No module named %S", name));
    }
    Value args[2] = { name, rt_getattr_cstr(runpy, "_Error") };
    Value details = args[1] != VAL_NULL ? call_function(runpy, "_get_module_details", args, 2)
                                        : VAL_NULL;
    if (details == VAL_NULL) {
        Value exc = rt_err_fetch();
        if (args[1] == VAL_NULL || !rt_exc_matches(exc, args[1]))
            return raise_again(exc);
        return main_error(rt_str(exc));
    }
    if (!is_tuple(details) || rt_tuple_len(details) != 3) {
        rt_raisef(&rt_TypeError, "runpy._get_module_details gave %R", details);
        return -1;
    }
    target->modname = rt_tuple_get(details, 0);
    target->spec = rt_tuple_get(details, 1);
    target->code = rt_tuple_get(details, 2);
    target->package = parent_name(target->modname);
    target->file = rt_getattr_cstr(target->spec, "origin");
    target->cached = target->file != VAL_NULL ? rt_getattr_cstr(target->spec, "cached") : VAL_NULL;
    return target->cached != VAL_NULL ? 1 : -1;
}

/* The code of a module file pvm's finder found. */
static int main_from_file(Value name, Spec *spec, LdMainModule *target)
{
    const char *cname = rt_str_cstr(name);
    target->file = rt_str_from_cstr(spec->origin);
    target->package = parent_name(name);
    target->modname = name;
    target->spec = VAL_NULL;
    target->cached = spec->kind == SPEC_SOURCELESS ? target->file : rt_None;
    target->code = spec->kind == SPEC_SOURCE ? ld_code_from_source(spec->origin, cname, &target->cached)
                                           : ld_code_from_pyc(spec->origin, cname);
    if (target->code == VAL_NULL)
        return main_error(rt_str(rt_err_fetch()));
    return 1;
}

int ld_find_main_module(const char *cname, LdMainModule *target)
{
    ld_import_init();
    Value name = rt_str_from_cstr(cname);
    if (cname[0] == '.')
        return main_error(rt_str_from_cstr("Relative module names not supported"));
    Value loaded = rt_dict_get(modules(), name, NULL);
    if (loaded != VAL_NULL && IS_EXACT(loaded, rt_module_type) && VAL_AS(ObjModule, loaded)->builtin)
        return main_error(rt_str_format_c("No code object available for %S", name));
    Value parent = parent_name(name);
    Value path = search_path();
    const char *tail = cname;
    if (rt_str_nbytes(parent) > 0) {
        Value pm = import_absolute(parent);
        if (pm == VAL_NULL) {
            Value exc = rt_err_fetch();
            if (!parent_missing(exc, parent))
                return raise_again(exc);
            return main_error(py_name_hint(name, rt_str_format_c(
                "Error while finding module specification for %R (%s: %S)",
                name, val_type(exc)->name, exc)));
        }
        path = rt_lookup_attr(pm, RT_NAME("__path__"));
        if (path == VAL_NULL) {
            rt_err_clear();
            return main_error(py_name_hint(name, rt_str_format_c(
                "Error while finding module specification for %R (ModuleNotFoundError: "
                "__path__ attribute not found on %R while trying to find %R)", name, parent, name)));
        }
        tail += rt_str_nbytes(parent) + 1;
    }
    Spec spec;
    if (!find_spec(cname, tail, path, &spec))
        return -1;
    if (spec.kind == SPEC_NONE && (spec.origin = extension_on_path(tail, path)) != NULL)
        spec.kind = SPEC_EXTENSION;
    if (spec.kind == SPEC_EXTENSION)
        return main_error(rt_str_format_c("No module named %S (%s is a C extension module, "
                                          "which pvm cannot load)", name, spec.origin));
    if (spec.kind == SPEC_NONE)
        return main_from_runpy(name, target);
    if (spec.kind == SPEC_BUILTIN)
        return main_error(rt_str_format_c("No code object available for %S", name));
    if (!spec.package && spec.kind != SPEC_NAMESPACE)
        return main_from_file(name, &spec, target);
    /* A package (a namespace package too) runs its __main__. */
    size_t n = strlen(cname);
    if (strcmp(cname, "__main__") == 0 || (n > 9 && strcmp(cname + n - 9, ".__main__") == 0))
        return main_error(rt_str_from_cstr("Cannot use package as __main__ module"));
    int found = ld_find_main_module(str_concat3(cname, ".__main__", ""), target);
    if (found != 0 || rt_dict_get(modules(), name, NULL) == VAL_NULL)
        return found;
    Value exc = rt_err_fetch();
    return main_error(rt_str_format_c("%S; %R is a package and cannot be directly executed",
                                      exc, name));
}

/* The __main__ module of `-m name` gets the spec runpy gives it:
 * importlib's for its real name (name.__main__ for a package), and that
 * spec's loader.  So importlib is imported first, as runpy imports it. */
bool ld_set_main_spec(Value module, const LdMainModule *target)
{
    if (!ld_import_install())
        return false;
    Value spec = target->spec != VAL_NULL ? target->spec : file_spec(target->modname, target->file);
    Value loader = spec != VAL_NULL ? rt_getattr_cstr(spec, "loader") : VAL_NULL;
    if (loader == VAL_NULL)
        return false;
    Value d = VAL_AS(ObjModule, module)->dict;
    rt_dict_set_cstr(d, "__spec__", spec);
    rt_dict_set_cstr(d, "__loader__", loader);
    return true;
}

/* ---- __import__ and start-up ------------------------------------------------------- */

/* builtins.__import__(name, globals=None, locals=None, fromlist=(), level=0) */
static Value builtin_import(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "name", "globals", "locals", "fromlist", "level" };
    static const ArgSpec spec = { "__import__", names, 5, 0, 1, 5, false };
    Value a[5];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    int64_t level = 0;
    if (a[4] != VAL_NULL && (!is_int(a[4]) || !rt_int_as_i64(a[4], &level)))
        return rt_err_occurred() ? VAL_NULL
                                 : rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", a[4]);
    Value globals = a[1] != VAL_NULL && a[1] != rt_None ? a[1] : VAL_NULL;
    if (level > 0 && globals == VAL_NULL)
        return rt_raisef(&rt_KeyError, "'__name__' not in globals");
    return ld_import_name(a[0], globals, a[3] ? a[3] : rt_empty_tuple, (int)level);
}

/* builtins.__import__ as pvm made it: IMPORT_NAME calls the import
 * machinery directly while the frame's builtins still hold it. */
static Value builtin_import_func;

Value ld_import_statement(Value name, Value globals, Value fromlist, int level)
{
    ld_import_init();
    Value import_func, locals = vm_running->locals;
    int found = vm_mapping_get(vm_running->builtins, RT_NAME("__import__"),
                               &import_func);
    if (found <= 0)
        return found < 0 ? VAL_NULL : rt_raisef(&rt_ImportError, "__import__ not found");
    if (import_func == builtin_import_func)
        return ld_import_name(name, globals, fromlist, level);
    /* A program's own __import__ (builtins.__import__ = hook): called as
     * CPython's import_name calls it, locals None in a function. */
    Value args[5] = { name, globals, locals != VAL_NULL ? locals : rt_None, fromlist,
                      rt_int_from_i64(level) };
    return rt_call(import_func, args, 5, VAL_NULL);
}

void ld_import_init(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    initializing = rt_dict_new();
    waiting = rt_dict_new();
    /* sys joins sys.modules at its first import, like any built-in module:
     * a program that never imports it never pays for making it. */
    Value mods = mod_sys_modules();
    rt_dict_set_cstr(mods, "builtins", rt_builtins_module);
    rt_builtins_add_function("__import__", builtin_import);
    builtin_import_func = rt_dict_get_cstr(rt_builtins_dict, "__import__");
    ld_exec_init();
    mod_fileio_init();
}
