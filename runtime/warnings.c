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

static Value warnings_function(const char *name)
{
    return module_function("_warnings", name);
}

int rt_warn(ObjType *category, const char *message, int stacklevel)
{
    Value warn = warnings_function("warn");
    if (warn == VAL_NULL)
        return rt_err_occurred() ? -1 : 0;
    Value args[3] = { rt_str_from_cstr(message), obj_val(category), small_new(stacklevel) };
    return rt_call(warn, args, 3, VAL_NULL) != VAL_NULL ? 0 : -1;
}

/* A warning about a place in source rather than about the running code
 * (CPython's PyErr_WarnExplicitObject with no module and no registry):
 * the compiler's SyntaxWarning at filename:lineno.  The module the filters
 * match is the file name without ".py". */
int rt_warn_explicit(ObjType *category, Value message, Value filename, int lineno)
{
    Value warn = warnings_function("warn_explicit");
    if (warn == VAL_NULL)
        return rt_err_occurred() ? -1 : 0;
    Value args[4] = { message, obj_val(category), filename, small_new(lineno) };
    return rt_call(warn, args, 4, VAL_NULL) != VAL_NULL ? 0 : -1;
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
