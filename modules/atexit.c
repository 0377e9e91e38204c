/*
 * atexit.c — the `atexit` module: functions the program registers to run
 * when the interpreter exits, CPython's Modules/atexitmodule.c.
 *
 * The callbacks live here, not in the module object, so that they run
 * whatever became of the module: tools/main.c calls mod_atexit_run at exit
 * after threading._shutdown() has joined the non-daemon threads and before
 * the standard streams are flushed for the last time — CPython's order in
 * Py_FinalizeEx.  They run last registered first; an exception from one
 * (SystemExit too) goes to sys.unraisablehook ("Exception ignored in atexit
 * callback: <func>") and the next one runs.  os._exit() and a fatal signal
 * skip them.
 */
#include "modules/api.h"
#include "modules/modutil.h"
#include "runtime/version.h"

/* The registered calls, oldest first: tuples (func, args, kwargs or None),
 * None where one was unregistered.
 * VAL_NULL until the first register(). */
static Value callbacks;

static Value callback_list(void)
{
    if (callbacks == VAL_NULL)
        callbacks = rt_list_new(0);
    return callbacks;
}

/* register(func, *args, **kwargs) -> func */
static Value ax_register(Value *args, size_t nargs, Value kwnames)
{
    size_t npos = rt_npos(nargs, kwnames);
    if (npos == 0)
        return rt_raisef(&rt_TypeError, "register() takes at least 1 argument (0 given)");
    if (!rt_callable(args[0]))
        return rt_raisef(&rt_TypeError, "the first argument must be callable");
    Value pos = rt_tuple_new(npos - 1);
    for (size_t i = 1; i < npos; i++)
        AS_TUPLE(pos)->items[i - 1] = args[i];
    Value kw = rt_None;
    if (nargs > npos) {
        kw = rt_dict_new();
        for (size_t i = npos; i < nargs; i++)
            rt_dict_set(kw, AS_TUPLE(kwnames)->items[i - npos], args[i]);
    }
    rt_list_append(callback_list(), rt_tuple_pack(3, args[0], pos, kw));
    return args[0];
}

/* unregister(func): drop every registration of func (compared with ==).
 * Up to 3.13, as in CPython, the slot stays, empty: _ncallbacks() still
 * counts it; 3.14 deletes the entry from its list. */
static void drop_empty_slots(ObjList *l)
{
    size_t kept = 0;
    for (size_t i = 0; i < l->length; i++)
        if (l->items[i] != rt_None)
            l->items[kept++] = l->items[i];
    l->length = kept;
}

static Value ax_unregister(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("unregister", nargs, kw))
        return VAL_NULL;
    if (callbacks == VAL_NULL)
        return rt_None;
    ObjList *l = AS_LIST(callbacks);
    for (size_t i = 0; i < l->length; i++) {
        if (l->items[i] == rt_None)
            continue;
        int eq = rt_eq(AS_TUPLE(l->items[i])->items[0], args[0]);
        if (eq < 0)
            return VAL_NULL;
        if (eq)
            l->items[i] = rt_None;
    }
    if (rt_py_minor >= 14)
        drop_empty_slots(l);
    return rt_None;
}

/* Run every callback, newest first, then forget them all. */
void mod_atexit_run(void)
{
    if (callbacks == VAL_NULL)
        return;
    Value todo = callbacks;
    callbacks = VAL_NULL;
    ObjList *l = AS_LIST(todo);
    for (size_t i = l->length; i-- > 0;) {
        if (l->items[i] == rt_None)
            continue;
        Value *cb = AS_TUPLE(l->items[i])->items;
        if (rt_call_tuple_dict(cb[0], cb[1], cb[2] == rt_None ? VAL_NULL : cb[2]) != VAL_NULL)
            continue;
        /* To sys.unraisablehook, with the callback as its object (3.13: in
         * the message). */
        Value what = rt_str_from_cstr("in atexit callback"), obj = cb[0];
        if (rt_py_minor >= 13) {
            Value exc = rt_err_fetch();
            Value r = rt_repr(cb[0]);
            rt_err_clear();
            rt_raise(exc);
            if (r != VAL_NULL) {
                what = rt_str_format_c("in atexit callback %S", r);
                obj = rt_None;
            }
        }
        rt_write_unraisable_msg(what, obj);
    }
}

static Value ax_run_exitfuncs(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_run_exitfuncs", nargs, kw))
        return VAL_NULL;
    mod_atexit_run();
    return rt_None;
}

static Value ax_clear(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_clear", nargs, kw))
        return VAL_NULL;
    callbacks = VAL_NULL;
    return rt_None;
}

static Value ax_ncallbacks(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_ncallbacks", nargs, kw))
        return VAL_NULL;
    return small_new(callbacks == VAL_NULL ? 0 : (intptr_t)AS_LIST(callbacks)->length);
}

static const MethodDef atexit_functions[] = {
    {"register", ax_register}, {"unregister", ax_unregister},
    {"_run_exitfuncs", ax_run_exitfuncs}, {"_clear", ax_clear},
    {"_ncallbacks", ax_ncallbacks}, {NULL, NULL}
};

Value mod_atexit_init(void)
{
    return mod_module_new("atexit", atexit_functions);
}
