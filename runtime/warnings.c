/*
 * warnings.c — warnings raised by C code (CPython's PyErr_WarnEx):
 * `bool(NotImplemented)` and the like call rt_warn, which hands the
 * warning to the `_warnings` module's warn() (modules/warnings.c), so it
 * goes through the same filters, registries and display as
 * warnings.warn() from Python.  rt_warn_explicit does the same for a
 * warning about a place in source (the compiler's, loader/compile.c).
 *
 * The module is reached through builtins.__import__, as the runtime
 * reaches every module: runtime/ never calls modules/ directly.
 */
#include "runtime/runtime.h"

/* module.<name>, or VAL_NULL: with no exception at start-up, before
 * builtins exist to import it. */
static Value module_function(const char *module_name, const char *name)
{
    Value import = rt_dict_get_cstr(rt_builtins_dict, "__import__");
    if (import == VAL_NULL)
        return VAL_NULL;
    Value module = rt_call1(import, rt_str_from_cstr(module_name));
    return module ? rt_getattr_cstr(module, name) : VAL_NULL;
}

/* _warnings.<name>(*args): 0, or -1 with the exception set (nothing
 * is warned, without error, before builtins exist). */
static int call_warnings(const char *name, Value *args, size_t nargs)
{
    Value fn = module_function("_warnings", name);
    if (fn == VAL_NULL)
        return rt_err_occurred() ? -1 : 0;
    return rt_call(fn, args, nargs, VAL_NULL) != VAL_NULL ? 0 : -1;
}

int rt_warn(ObjType *category, const char *message, int stacklevel)
{
    Value args[3] = { rt_str_from_cstr(message), obj_val(category), small_new(stacklevel) };
    return call_warnings("warn", args, 3);
}

/* CPython's PyErr_ResourceWarning: warn(message, ResourceWarning, 1,
 * source), `source` being the object the warning is about (an unclosed
 * file being finalised), which warnings' display uses for the traceback
 * of where it was allocated (tracemalloc). */
int rt_warn_resource(Value source, Value message)
{
    Value args[4] = { message, obj_val(&rt_ResourceWarning), small_new(1), source };
    return call_warnings("warn", args, 4);
}

/* A warning about a place in source rather than about the running code
 * (CPython's PyErr_WarnExplicitObject with no module and no registry):
 * the compiler's SyntaxWarning at filename:lineno.  The module the filters
 * match is the file name without ".py". */
int rt_warn_explicit(ObjType *category, Value message, Value filename, int lineno)
{
    Value args[4] = { message, obj_val(category), filename, small_new(lineno) };
    return call_warnings("warn_explicit", args, 4);
}

/* CPython's _PyErr_WarnUnawaitedCoroutine: a coroutine collected before it
 * ever ran.  warnings._warn_unawaited_coroutine words the warning (with
 * the coroutine's origin when tracked); when it is missing or fails other
 * than by the warning becoming an error, the plain RuntimeWarning is
 * given.  Anything raised is reported as unraisable, with the coroutine. */
void rt_warn_unawaited_coroutine(Value coro, Value qualname)
{
    Value saved = rt_err_fetch();
    bool warned = false;
    Value fn = module_function("warnings", "_warn_unawaited_coroutine");
    if (fn != VAL_NULL && (rt_call1(fn, coro) != VAL_NULL || rt_err_matches(&rt_RuntimeWarning)))
        warned = true;
    if (rt_err_occurred())
        rt_write_unraisable_while("finalizing coroutine", coro);
    if (!warned) {
        Value msg = rt_str_format_c("coroutine '%S' was never awaited", qualname);
        if (rt_warn(&rt_RuntimeWarning, rt_str_cstr(msg), 1) < 0)
            rt_write_unraisable_while("finalizing coroutine", coro);
    }
    if (saved != VAL_NULL)
        rt_raise(saved);
}
