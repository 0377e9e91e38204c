/*
 * gc.c — the `gc` module, the part of it pvm can honour: collect() runs a
 * full collection of the Boehm heap and what it makes due (weak reference
 * callbacks, closing abandoned generators), enable()/disable()/isenabled()
 * keep CPython's switch.
 *
 * pvm has no separate cycle collector to switch off: memory is always
 * reclaimed by the tracing collector, so disable() only changes what
 * isenabled() answers.  collect() cannot count what it freed (Boehm does
 * not say) and returns 0.  The rest of CPython's gc API (thresholds,
 * get_objects, get_referrers, callbacks, freeze) is not here yet.
 */
#include "modules/modutil.h"
#include "vm/vm.h"

static bool enabled = true;

/* collect(generation=2) */
static Value gc_collect_m(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "generation" };
    static const ArgSpec spec = { "collect", names, 1, 0, 0, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    if (a[0] != VAL_NULL) {
        ssize_t gen;
        if (!rt_as_ssize(a[0], &gen))
            return VAL_NULL;
        if (gen < 0 || gen > 2)
            return rt_raisef(&rt_ValueError, "invalid generation");
    }
    vm_gc_collect(args + nargs);
    return rt_err_occurred() ? VAL_NULL : small_new(0);
}

static Value gc_enable(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("gc.enable", nargs, kw))
        return VAL_NULL;
    enabled = true;
    return rt_None;
}

static Value gc_disable(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("gc.disable", nargs, kw))
        return VAL_NULL;
    enabled = false;
    return rt_None;
}

static Value gc_isenabled(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("gc.isenabled", nargs, kw))
        return VAL_NULL;
    return rt_bool(enabled);
}

static const MethodDef gc_functions[] = {
    {"collect", gc_collect_m}, {"enable", gc_enable}, {"disable", gc_disable},
    {"isenabled", gc_isenabled}, {NULL, NULL}
};

Value mod_gc_init(void)
{
    Value m = mod_module_new("gc", gc_functions);
    mod_module_set(m, "__doc__", rt_str_from_cstr(
        "This module provides access to the garbage collector for reference cycles.\n"));
    return m;
}
