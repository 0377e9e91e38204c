/*
 * imp.c — the `_imp` module: what CPython's importlib asks of the
 * interpreter.  pvm imports with its own C import system (loader/import.c),
 * so these answer importlib's questions about it:
 *
 *   source_hash(key, source)   the SipHash-1-3 digest of checked hash-based
 *                              pycs (PEP 552), as 8 little-endian bytes;
 *   is_builtin(name)           1 for a module compiled into pvm (-1 for sys
 *                              and builtins), else 0;
 *   create_builtin(spec)       a new instance of that module (sys and
 *                              builtins: the one there is); exec_builtin(m)
 *                              has nothing left to do;
 *   is_frozen, find_frozen,    CPython's frozen test modules (__hello__,
 *   get_frozen_object, ...     __phello__...), from the standard library
 *   extension_suffixes()       pvm loads no C extensions: [];
 *   acquire_lock, release_lock, lock_held
 *                              the import lock importlib takes around a
 *                              finder's work (pvm's own imports lock per
 *                              module, loader/import.c);
 *   _fix_co_filename(code, path)  the file name recorded in code objects
 *                              (and those nested in them) becomes path.
 *
 * With them importlib._bootstrap._setup runs, and importlib's own finders
 * and loaders work beside pvm's (loader/import.c, ld_import_install).
 */
#include <string.h>
#include <time.h>
#include "loader/import.h"
#include "loader/siphash.h"
#include "runtime/runtime.h"
#include "modules/api.h"
#include "modules/modutil.h"
#include "modules/sys.h"
#include "runtime/buffer.h"
#include "loader/pyc.h"
#include "runtime/version.h"
#include "vm/thread.h"

/* _imp.source_hash(key, source) */
static Value imp_source_hash(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "key", "source" };
    static const ArgSpec spec = { "source_hash", names, 2, 0, 2, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    int64_t key;
    if (!rt_isinstance_of(a[0], &rt_int_type))
        return rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", a[0]);
    if (!rt_int_as_i64(a[0], &key))
        return VAL_NULL;
    const unsigned char *data;
    size_t n;
    if (IS_EXACT(a[1], rt_bytes_type)) {
        data = AS_BYTES(a[1])->data;
        n = AS_BYTES(a[1])->length;
    } else if (IS_EXACT(a[1], rt_bytearray_type)) {
        data = VAL_AS(ObjByteArray, a[1])->data;
        n = VAL_AS(ObjByteArray, a[1])->length;
    } else {
        return rt_raisef(&rt_TypeError, "a bytes-like object is required, not '%T'", a[1]);
    }
    uint64_t h = ld_source_hash((uint64_t)key, data, n);
    unsigned char out[8];
    for (int i = 0; i < 8; i++)
        out[i] = (unsigned char)(h >> (8 * i));
    return rt_bytes_new(out, 8);
}

/* The str argument of the name functions; VAL_NULL with TypeError. */
static Value name_arg(const char *fn, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one(fn, nargs, kwnames))
        return VAL_NULL;
    if (!rt_isinstance_of(args[0], &rt_str_type))
        return rt_raisef(&rt_TypeError, "%s() argument must be str, not %T", fn, args[0]);
    return args[0];
}

static Value imp_is_builtin(Value *args, size_t nargs, Value kwnames)
{
    Value name = name_arg("is_builtin", args, nargs, kwnames);
    if (name == VAL_NULL)
        return VAL_NULL;
    /* -1: built in but not re-initialisable (sys, builtins), as CPython. */
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "sys") == 0 || strcmp(s, "builtins") == 0)
        return small_new(-1);
    return small_new(mod_lookup(s) != NULL ? 1 : 0);
}

static Value imp_create_builtin(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("create_builtin", nargs, kwnames))
        return VAL_NULL;
    Value name = rt_getattr_cstr(args[0], "name");
    if (name == VAL_NULL)
        return VAL_NULL;
    if (!rt_isinstance_of(name, &rt_str_type))
        return rt_raisef(&rt_TypeError, "name must be string, not %T", name);
    /* sys and builtins exist once; other built-in modules are made anew. */
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "sys") == 0 || strcmp(s, "builtins") == 0) {
        Value m = rt_dict_get(mod_sys_modules(), name, NULL);
        if (m != VAL_NULL)
            return m;
    }
    return ld_create_builtin(name);
}

/* _imp._fix_co_filename(code, path) */
static Value imp_fix_co_filename(Value *args, size_t nargs, Value kwnames)
{
    if (kwnames != VAL_NULL && rt_tuple_len(kwnames) > 0)
        return rt_raisef(&rt_TypeError, "_fix_co_filename() takes no keyword arguments");
    if (nargs != 2)
        return rt_raisef(&rt_TypeError, "_fix_co_filename expected 2 arguments, got %zu", nargs);
    if (!is_code(args[0]))
        return rt_raisef(&rt_TypeError, "_fix_co_filename() argument 1 must be code, not %T", args[0]);
    if (!rt_isinstance_of(args[1], &rt_str_type))
        return rt_raisef(&rt_TypeError, "_fix_co_filename() argument 2 must be str, not %T", args[1]);
    ld_fix_co_filename(args[0], args[1]);
    return rt_None;
}

static Value imp_exec_builtin(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_one("exec_builtin", nargs, kwnames) ? small_new(0) : VAL_NULL;
}

/* ---- frozen modules ------------------------------------------------------------------
 * CPython 3.11 freezes its import system, some of the modules it starts
 * with and, for its own tests, __hello__ and __phello__ with a few aliases.
 * pvm freezes importlib's two (the modules importlib/__init__ makes of
 * them, loader/import.c) and the test modules: the code is the standard
 * library's own, read from its cached bytecode and named "<frozen NAME>"
 * as frozen code is.
 * As in CPython, _override_frozen_modules_for_tests(-1) hides them. */
typedef struct Frozen {
    const char *name;           /* what is imported */
    const char *file;           /* its code, under the standard library */
    const char *code_name;      /* the module the code was frozen as */
    const char *origname;       /* find_frozen's third item */
    bool package;
} Frozen;

static const Frozen frozen_modules[] = {
    {"_frozen_importlib", "importlib/_bootstrap.py", "importlib._bootstrap",
     "importlib._bootstrap", false},
    {"_frozen_importlib_external", "importlib/_bootstrap_external.py",
     "importlib._bootstrap_external", "importlib._bootstrap_external", false},
    {"__hello__", "__hello__.py", "__hello__", "__hello__", false},
    {"__hello_alias__", "__hello__.py", "__hello__", "__hello__", false},
    {"__phello_alias__", "__hello__.py", "__hello__", "__hello__", true},
    {"__phello_alias__.spam", "__hello__.py", "__hello__", "__hello__", false},
    {"__phello__", "__phello__/__init__.py", "__phello__", "__phello__", true},
    {"__phello__.__init__", "__phello__/__init__.py", "__phello__", "<__phello__", false},
    {"__phello__.ham", "__phello__/ham/__init__.py", "__phello__.ham", "__phello__.ham", true},
    {"__phello__.ham.__init__", "__phello__/ham/__init__.py", "__phello__.ham",
     "<__phello__.ham", false},
    {"__phello__.ham.eggs", "__phello__/ham/eggs.py", "__phello__.ham.eggs",
     "__phello__.ham.eggs", false},
    {"__phello__.spam", "__phello__/spam.py", "__phello__.spam", "__phello__.spam", false},
};

static int frozen_override;             /* _override_frozen_modules_for_tests */

static const Frozen *find_frozen(const char *name)
{
    if (frozen_override < 0)
        return NULL;
    for (size_t i = 0; i < sizeof frozen_modules / sizeof frozen_modules[0]; i++)
        if (strcmp(frozen_modules[i].name, name) == 0)
            return &frozen_modules[i];
    return NULL;
}

bool mod_imp_is_frozen(const char *name)
{
    return find_frozen(name) != NULL;
}

/* The name argument of the frozen functions, and its entry (NULL: none). */
static bool frozen_arg(const char *fn, Value *args, size_t nargs, Value kwnames,
                       const Frozen **f)
{
    Value name = nargs >= 1 ? args[0] : VAL_NULL;
    if (name == VAL_NULL || rt_npos(nargs, kwnames) < 1) {
        rt_raisef(&rt_TypeError, "%s() missing required argument 'name' (pos 1)", fn);
        return false;
    }
    if (!rt_isinstance_of(name, &rt_str_type)) {
        rt_raisef(&rt_TypeError, "%s() argument 1 must be str, not %T", fn, name);
        return false;
    }
    *f = find_frozen(rt_str_cstr(name));
    return true;
}

/* ImportError("No such frozen object named ...", name=name) */
static Value no_frozen(Value name)
{
    Value exc = rt_exc_new(&rt_ImportError, rt_tuple_pack(1,
        rt_str_format_c("No such frozen object named %R", name)));
    if (exc != VAL_NULL)
        rt_setattr(exc, RT_NAME("name"), name);
    return exc != VAL_NULL ? rt_raise(exc) : VAL_NULL;
}

/* The code of a frozen module: its file's bytecode, renamed. */
static Value frozen_code(const Frozen *f)
{
    Value dir = mod_sys_get("_stdlib_dir");
    if (dir == VAL_NULL || !is_str(dir))
        return rt_raisef(&rt_ImportError, "No such frozen object named '%s'", f->name);
    Value path = rt_str_format_c("%S/%s", dir, f->file);
    Value code = ld_code_from_source(rt_str_cstr(path), f->code_name, NULL);
    if (code != VAL_NULL)
        ld_fix_co_filename(code, rt_str_format_c("<frozen %s>", f->code_name));
    return code;
}

Value mod_imp_frozen_code(const char *name, const char **origname)
{
    const Frozen *f = find_frozen(name);
    if (f == NULL)
        return VAL_NULL;
    *origname = f->origname;
    return frozen_code(f);
}

static Value imp_is_frozen(Value *args, size_t nargs, Value kwnames)
{
    const Frozen *f;
    return frozen_arg("is_frozen", args, nargs, kwnames, &f) ? rt_bool(f != NULL) : VAL_NULL;
}

static Value imp_is_frozen_package(Value *args, size_t nargs, Value kwnames)
{
    const Frozen *f;
    if (!frozen_arg("is_frozen_package", args, nargs, kwnames, &f))
        return VAL_NULL;
    return f != NULL ? rt_bool(f->package) : no_frozen(args[0]);
}

/* find_frozen(name, *, withdata=False): (data or None, ispkg, origname). */
static Value imp_find_frozen(Value *args, size_t nargs, Value kwnames)
{
    const Frozen *f;
    if (!frozen_arg("find_frozen", args, nargs, kwnames, &f))
        return VAL_NULL;
    if (f == NULL)
        return rt_None;
    Value withdata = rt_kwarg(args, nargs, kwnames, "withdata");
    Value data = rt_None;
    if (withdata != VAL_NULL && rt_truthy(withdata) > 0) {
        Value code = frozen_code(f);
        StrBuf out;
        sb_init(&out);
        if (code == VAL_NULL || !ld_marshal_version(code, 4, &out))
            return VAL_NULL;
        data = rt_call1(obj_val(&rt_memoryview_type), rt_bytes_new((const unsigned char *)out.data, out.len));
        if (data == VAL_NULL)
            return VAL_NULL;
    }
    return rt_tuple_pack(3, data, rt_bool(f->package), rt_str_from_cstr(f->origname));
}

/* get_frozen_object(name, data=None): the code, from data when given. */
static Value imp_get_frozen_object(Value *args, size_t nargs, Value kwnames)
{
    const Frozen *f;
    if (!frozen_arg("get_frozen_object", args, nargs, kwnames, &f))
        return VAL_NULL;
    if (nargs >= 2 && args[1] != rt_None) {
        RtBuffer b;
        if (rt_get_buffer(args[1], &b, RT_BUF_SIMPLE) < 0)
            return VAL_NULL;
        char err[256];
        Value code = ld_unmarshal(b.buf, (size_t)b.len, "frozen object", 0, err, sizeof err);
        rt_release_buffer(&b);
        if (code == VAL_NULL)
            return rt_raisef(&rt_ImportError, "Failed to unmarshal frozen object %R", args[0]);
        return code;
    }
    return f != NULL ? frozen_code(f) : no_frozen(args[0]);
}

/* init_frozen(name): the frozen module imported, or None. */
static Value imp_init_frozen(Value *args, size_t nargs, Value kwnames)
{
    const Frozen *f;
    if (!frozen_arg("init_frozen", args, nargs, kwnames, &f))
        return VAL_NULL;
    return f != NULL ? ld_import_module(f->name) : rt_None;
}

static Value imp_frozen_module_names(Value *args, size_t nargs, Value kwnames)
{
    size_t n = sizeof frozen_modules / sizeof frozen_modules[0];
    Value names = rt_list_new(0);
    for (size_t i = 0; i < n; i++)
        rt_list_append(names, rt_str_from_cstr(frozen_modules[i].name));
    return rt_sequence_to_tuple(names);
}

static Value imp_override_frozen(Value *args, size_t nargs, Value kwnames)
{
    int64_t v;
    if (!rt_arg_one("_override_frozen_modules_for_tests", nargs, kwnames))
        return VAL_NULL;
    if (!rt_isinstance_of(args[0], &rt_int_type) || !rt_int_as_i64(args[0], &v))
        return rt_err_occurred() ? VAL_NULL
                                 : rt_raisef(&rt_TypeError, "an integer is required");
    frozen_override = v > 0 ? 1 : v < 0 ? -1 : 0;
    return rt_None;
}

static Value imp_extension_suffixes(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("extension_suffixes", nargs, kwnames) ? rt_list_new(0) : VAL_NULL;
}

static Value imp_nothing(Value *args, size_t nargs, Value kwnames)
{
    return rt_None;
}

/* ---- the import lock ----------------------------------------------------------------
 * importlib holds it while it asks a finder (_ImportLockContext), so that
 * finders run one thread at a time.  Reentrant: the owning thread and how
 * many times it took the lock; another thread waits, polling every
 * millisecond with the interpreter lock released. */
static unsigned long lock_owner;         /* 0: free */
static long lock_level;

/* Take the lock for the current thread, waiting for another owner to let
 * it go.  false with KeyboardInterrupt when Ctrl-C ends the wait. */
static bool take_import_lock(void)
{
    unsigned long me = vm_thread_ident();
    while (lock_owner != 0 && lock_owner != me) {
        vm_release_lock();
        struct timespec ms = { 0, 1000000 };
        nanosleep(&ms, NULL);
        if (!vm_blocking_retry())
            return false;
        vm_reacquire_lock();
    }
    lock_owner = me;
    lock_level++;
    return true;
}

static Value imp_acquire_lock(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("acquire_lock", nargs, kwnames))
        return VAL_NULL;
    return take_import_lock() ? rt_None : VAL_NULL;
}

/* fork() takes the import lock first (CPython's PyOS_BeforeFork), so that
 * a thread that holds it (in the middle of an import, with a module half
 * made in sys.modules) finishes before the process is copied: the child
 * then never sees that half-made module, nor a lock whose owner does not
 * exist in it.  Afterwards the parent lets the lock go; the child keeps
 * only the levels the forking thread held before (non-zero when fork()
 * ran inside an import), as _PyImport_ReInitLock does. */
bool mod_imp_before_fork(void)
{
    return take_import_lock();
}

void mod_imp_after_fork(bool child)
{
    if (--lock_level == 0)
        lock_owner = 0;
    else if (child)
        lock_owner = vm_thread_ident();
}

static Value imp_release_lock(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("release_lock", nargs, kwnames))
        return VAL_NULL;
    if (lock_owner != vm_thread_ident())
        return rt_raisef(&rt_RuntimeError, "not holding the import lock");
    if (--lock_level == 0)
        lock_owner = 0;
    return rt_None;
}

static Value imp_lock_held(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("lock_held", nargs, kwnames) ? rt_bool(lock_owner != 0) : VAL_NULL;
}

static const MethodDef imp_functions[] = {
    {"source_hash", imp_source_hash}, {"is_builtin", imp_is_builtin},
    {"create_builtin", imp_create_builtin}, {"exec_builtin", imp_exec_builtin},
    {"is_frozen", imp_is_frozen}, {"is_frozen_package", imp_is_frozen_package},
    {"find_frozen", imp_find_frozen}, {"get_frozen_object", imp_get_frozen_object},
    {"init_frozen", imp_init_frozen}, {"extension_suffixes", imp_extension_suffixes},
    {"_frozen_module_names", imp_frozen_module_names},
    {"_override_frozen_modules_for_tests", imp_override_frozen},
    {"_override_multi_interp_extensions_check", imp_nothing},
    {"acquire_lock", imp_acquire_lock}, {"release_lock", imp_release_lock},
    {"lock_held", imp_lock_held},
    {"_fix_co_filename", imp_fix_co_filename},
    {NULL, NULL},
};

/* --check-hash-based-pycs, the start value of _imp.check_hash_based_pycs. */
static const char *check_hash_mode = "default";
static Value imp_module;

void mod_imp_set_check_hash_based_pycs(const char *mode)
{
    check_hash_mode = mode;
}

const char *mod_imp_check_hash_based_pycs(void)
{
    Value v = imp_module != VAL_NULL ? rt_dict_get_cstr(VAL_AS(ObjModule, imp_module)->dict,
                                                        "check_hash_based_pycs") : VAL_NULL;
    return v != VAL_NULL && is_str(v) ? rt_str_cstr(v) : check_hash_mode;
}

Value mod_imp_init(void)
{
    Value m = mod_module_new("_imp", imp_functions);
    imp_module = m;
    mod_module_set(m, "check_hash_based_pycs", rt_str_from_cstr(check_hash_mode));
    /* 3.14: importlib's MAGIC_NUMBER as an int, the four header bytes
     * (magic, '\r', '\n') read little-endian. */
    if (rt_py_minor >= 14)
        mod_module_set(m, "pyc_magic_number_token",
                       rt_int_from_i64((int64_t)ld_process_magic() | (int64_t)0x0a0d << 16));
    return m;
}
