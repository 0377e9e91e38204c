/*
 * weakref.c — the `_weakref` module CPython's Lib/weakref.py and
 * Lib/_weakrefset.py import: the reference and proxy types (whose objects
 * and semantics are runtime/weakref.c's), proxy(), getweakrefcount,
 * getweakrefs and _remove_dead_weakref.
 */
#include "modules/modutil.h"
#include "runtime/weakref.h"

/* proxy(object[, callback]) */
static Value wr_proxy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("proxy", kw) || !rt_arg_range("proxy", nargs, 1, 2))
        return VAL_NULL;
    return rt_weakproxy_new(args[0], nargs > 1 ? args[1] : VAL_NULL);
}

static Value wr_getweakrefcount(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_weakref.getweakrefcount", nargs, kw))
        return VAL_NULL;
    return rt_int_from_u64(rt_weakref_count(args[0]));
}

static Value wr_getweakrefs(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_weakref.getweakrefs", nargs, kw))
        return VAL_NULL;
    return rt_weakref_list(args[0]);
}

/* _remove_dead_weakref(dict, key): del dict[key] if it is a dead weak
 * reference (WeakValueDictionary's callbacks); a missing key is fine. */
static Value wr_remove_dead_weakref(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_remove_dead_weakref", kw) ||
        !rt_arg_range("_remove_dead_weakref", nargs, 2, 2))
        return VAL_NULL;
    if (!rt_isinstance_of(args[0], &rt_dict_type))
        return rt_raisef(&rt_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s",
                         val_type(args[0])->name);
    bool err = false;
    Value v = rt_dict_get(args[0], args[1], &err);
    if (v == VAL_NULL)
        return err ? VAL_NULL : rt_None;
    if (!rt_isinstance_of(v, &rt_weakref_type))
        return rt_raisef(&rt_TypeError, "not a weakref");
    if (rt_weakref_target(v) == VAL_NULL && rt_dict_del(args[0], args[1]) < 0)
        return VAL_NULL;
    return rt_None;
}

static const MethodDef weakref_functions[] = {
    {"proxy", wr_proxy}, {"getweakrefcount", wr_getweakrefcount},
    {"getweakrefs", wr_getweakrefs}, {"_remove_dead_weakref", wr_remove_dead_weakref},
    {NULL, NULL}
};

Value mod__weakref_init(void)
{
    Value m = mod_module_new("_weakref", weakref_functions);
    mod_module_set(m, "__doc__", rt_str_from_cstr("Weak-reference support module."));
    mod_module_set(m, "ref", obj_val(&rt_weakref_type));
    mod_module_set(m, "ReferenceType", obj_val(&rt_weakref_type));
    mod_module_set(m, "ProxyType", obj_val(&rt_weakproxy_type));
    mod_module_set(m, "CallableProxyType", obj_val(&rt_weakcallableproxy_type));
    return m;
}
