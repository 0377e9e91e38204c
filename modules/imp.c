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
 *   is_frozen, find_frozen,    pvm freezes no modules: False, None, ();
 *   is_frozen_package, ...
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

static Value imp_is_frozen(Value *args, size_t nargs, Value kwnames)
{
    return name_arg("is_frozen", args, nargs, kwnames) ? rt_False : VAL_NULL;
}

static Value imp_find_frozen(Value *args, size_t nargs, Value kwnames)
{
    return nargs >= 1 ? rt_None : rt_raisef(&rt_TypeError, "find_frozen() missing argument");
}

static Value imp_no_frozen_code(Value *args, size_t nargs, Value kwnames)
{
    return rt_raisef(&rt_ImportError, "No such frozen object named %R",
                     nargs >= 1 ? args[0] : rt_None);
}

static Value imp_extension_suffixes(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("extension_suffixes", nargs, kwnames) ? rt_list_new(0) : VAL_NULL;
}

static Value imp_frozen_module_names(Value *args, size_t nargs, Value kwnames)
{
    return rt_empty_tuple;
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

static Value imp_acquire_lock(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("acquire_lock", nargs, kwnames))
        return VAL_NULL;
    unsigned long me = vm_thread_ident();
    while (lock_owner != 0 && lock_owner != me) {
        vm_release_lock();
        struct timespec ms = { 0, 1000000 };
        nanosleep(&ms, NULL);
        if (!vm_blocking_retry())
            return VAL_NULL;
        vm_reacquire_lock();
    }
    lock_owner = me;
    lock_level++;
    return rt_None;
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
    {"is_frozen", imp_is_frozen}, {"is_frozen_package", imp_is_frozen},
    {"find_frozen", imp_find_frozen}, {"get_frozen_object", imp_no_frozen_code},
    {"init_frozen", imp_no_frozen_code}, {"extension_suffixes", imp_extension_suffixes},
    {"_frozen_module_names", imp_frozen_module_names},
    {"_override_frozen_modules_for_tests", imp_nothing},
    {"_override_multi_interp_extensions_check", imp_nothing},
    {"acquire_lock", imp_acquire_lock}, {"release_lock", imp_release_lock},
    {"lock_held", imp_lock_held},
    {"_fix_co_filename", imp_fix_co_filename},
    {NULL, NULL},
};

Value mod_imp_init(void)
{
    Value m = mod_module_new("_imp", imp_functions);
    mod_module_set(m, "check_hash_based_pycs", rt_str_from_cstr("default"));
    return m;
}
