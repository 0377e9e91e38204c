/*
 * warnings.c — warnings raised by C code (CPython's PyErr_WarnEx):
 * `bool(NotImplemented)` and the like call rt_warn, which hands the
 * warning to the `_warnings` module's warn() (modules/warnings.c), so it
 * goes through the same filters, registries and display as
 * warnings.warn() from Python.
 *
 * The module is reached through builtins.__import__, as the runtime
 * reaches every module: runtime/ never calls modules/ directly.
 */
#include "runtime/runtime.h"

int rt_warn(ObjType *category, const char *message, int stacklevel)
{
    Value import = rt_dict_get_cstr(rt_builtins_dict, "__import__");
    if (import == VAL_NULL)
        return 0;                       /* start-up: nothing can show it yet */
    Value module = rt_call1(import, rt_str_from_cstr("_warnings"));
    Value warn = module ? rt_getattr_cstr(module, "warn") : VAL_NULL;
    if (warn == VAL_NULL)
        return -1;
    Value args[3] = { rt_str_from_cstr(message), obj_val(category), small_new(stacklevel) };
    return rt_call(warn, args, 3, VAL_NULL) != VAL_NULL ? 0 : -1;
}
