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

/* _warnings.<name>, or VAL_NULL: with no exception at start-up, before
 * builtins exist to import it. */
static Value warnings_function(const char *name)
{
    Value import = rt_dict_get_cstr(rt_builtins_dict, "__import__");
    if (import == VAL_NULL)
        return VAL_NULL;
    Value module = rt_call1(import, rt_str_from_cstr("_warnings"));
    return module ? rt_getattr_cstr(module, name) : VAL_NULL;
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
