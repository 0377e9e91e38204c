/*
 * functools_builtin.c — the built-in `functools` module pvm registers until
 * CPython's own Lib/functools.py imports on pvm (it needs `_thread` for its
 * RLock, `eval` for the _CacheInfo named tuple and a subclassable
 * `property` for abc): update_wrapper/wraps, lru_cache/cache and
 * total_ordering written in C, with reduce, partial, cmp_to_key and the
 * _lru_cache_wrapper type taken from the `_functools` accelerator
 * (functools.c).  It goes, with its line in modules.h, in the commit that
 * lets the real module import.
 */
#include <string.h>
#include "modules/modutil.h"

/* ---- update_wrapper / wraps ------------------------------------------------------------ */

static Value update_wrapper(Value wrapper, Value wrapped)
{
    static const char *const assigned[] = {
        "__module__", "__name__", "__qualname__", "__doc__", "__annotations__", NULL };
    for (const char *const *a = assigned; *a; a++) {
        Value v = rt_lookup_attr(wrapped, rt_str_intern_cstr(*a));
        if (v == VAL_NULL) {
            if (rt_err_occurred())
                return VAL_NULL;
            continue;
        }
        if (rt_setattr(wrapper, rt_str_intern_cstr(*a), v) < 0)
            return VAL_NULL;
    }
    Value wd = rt_lookup_attr(wrapper, rt_str_intern_cstr("__dict__"));
    Value sd = rt_lookup_attr(wrapped, rt_str_intern_cstr("__dict__"));
    if (wd != VAL_NULL && sd != VAL_NULL && rt_isinstance_of(wd, &rt_dict_type) &&
        rt_isinstance_of(sd, &rt_dict_type))
        rt_dict_update(wd, sd);
    rt_err_clear();
    if (rt_setattr(wrapper, rt_str_intern_cstr("__wrapped__"), wrapped) < 0)
        return VAL_NULL;
    return wrapper;
}

static Value ft_update_wrapper(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "wrapper", "wrapped", "assigned", "updated" };
    static const ArgSpec spec = { "update_wrapper", names, 4, 0, 2, 4, false };
    Value a[4];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    return update_wrapper(a[0], a[1]);
}

/* wraps(wrapped) returns a decorator: a builtin bound to `wrapped`. */
static Value wraps_apply(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("wraps", nargs - 1, kw))
        return VAL_NULL;
    return update_wrapper(args[1], args[0]);
}

static Value ft_wraps(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "wrapped", "assigned", "updated" };
    static const ArgSpec spec = { "wraps", names, 3, 0, 1, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    return rt_builtin_new("update_wrapper", wraps_apply, a[0]);
}

/* ---- lru_cache / cache ------------------------------------------------------------------
 * As Lib/functools.py: _lru_cache_wrapper(f, maxsize, typed, _CacheInfo),
 * updated like f, with a cache_parameters() that returns its settings. */

static Value lru_wrapper_type, cache_info_type;

/* cache_parameters(): self is the settings dict; a copy each time. */
static Value lru_parameters(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("cache_parameters", nargs - 1, kw))
        return VAL_NULL;
    return rt_dict_copy(args[0]);
}

static Value lru_wrap(Value func, Value maxsize, bool typed)
{
    Value a[4] = { func, maxsize, rt_bool(typed), cache_info_type };
    Value w = rt_call(lru_wrapper_type, a, 4, VAL_NULL);
    if (w == VAL_NULL)
        return VAL_NULL;
    Value params = rt_dict_new();
    rt_dict_set_cstr(params, "maxsize", maxsize);
    rt_dict_set_cstr(params, "typed", rt_bool(typed));
    if (rt_setattr(w, rt_str_intern_cstr("cache_parameters"),
                   rt_builtin_new("cache_parameters", lru_parameters, params)) < 0)
        return VAL_NULL;
    return update_wrapper(w, func);
}

/* The decorator lru_cache(maxsize, typed) returns: bound to (maxsize, typed). */
static Value lru_decorate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("decorating_function", nargs - 1, kw))
        return VAL_NULL;
    Value params = args[0];
    return lru_wrap(args[1], rt_tuple_get(params, 0), rt_tuple_get(params, 1) == rt_True);
}

static Value ft_lru_cache(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "maxsize", "typed" };
    static const ArgSpec spec = { "lru_cache", names, 2, 0, 0, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    Value maxsize = a[0] ? a[0] : small_new(128);
    int typed = a[1] ? rt_truthy(a[1]) : 0;
    if (typed < 0)
        return VAL_NULL;
    if (rt_isinstance_of(maxsize, &rt_int_type)) {
        if (rt_int_sign(maxsize) < 0)
            maxsize = small_new(0);
    } else if (maxsize != rt_None) {
        if (rt_callable(maxsize) && a[1] == VAL_NULL)   /* @lru_cache without () */
            return lru_wrap(maxsize, small_new(128), false);
        return rt_raisef(&rt_TypeError,
                         "Expected first argument to be an integer, a callable, or None");
    }
    return rt_builtin_new("decorating_function", lru_decorate,
                          rt_tuple_pack(2, maxsize, rt_bool(typed)));
}

static Value ft_cache(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("cache", nargs, kw))
        return VAL_NULL;
    return lru_wrap(args[0], rt_None, false);
}

/* ---- total_ordering ---------------------------------------------------------------------
 * Fills in the missing rich comparisons of a class from the ones it
 * defines, as functools.py does: from __lt__, __le__ = lt or eq, etc.  Each
 * added method is a builtin bound to (root method, kind). */

enum { TO_GT_FROM_LT, TO_LE_FROM_LT, TO_GE_FROM_LT, TO_GE_FROM_LE, TO_LT_FROM_LE,
       TO_GT_FROM_LE, TO_LT_FROM_GT, TO_GE_FROM_GT, TO_LE_FROM_GT, TO_LE_FROM_GE,
       TO_GT_FROM_GE, TO_LT_FROM_GE };

static Value not_or_notimpl(Value r)
{
    if (r == VAL_NULL || r == rt_NotImplemented)
        return r;
    int t = rt_truthy(r);
    return t < 0 ? VAL_NULL : rt_bool(!t);
}

/* self: (root, kind); args: (self, other). */
static Value to_method(Value *args, size_t nargs, Value kw)
{
    if (nargs != 3)
        return rt_raisef(&rt_TypeError, "comparison takes exactly one argument");
    Value root = rt_tuple_get(args[0], 0);
    int kind = (int)small_value(rt_tuple_get(args[0], 1));
    Value self = args[1], other = args[2];
    Value r = rt_call2(root, self, other);
    if (r == VAL_NULL || r == rt_NotImplemented)
        return r;
    int t = rt_truthy(r);
    if (t < 0)
        return VAL_NULL;
    switch (kind) {
    case TO_GT_FROM_LT: case TO_LT_FROM_GT: case TO_GE_FROM_LE: case TO_LE_FROM_GE:
        /* op_result = type(self).__lt__(self, other); if op_result is
         * NotImplemented ...; return not op_result and self != other */
        if (kind == TO_GT_FROM_LT || kind == TO_LT_FROM_GT) {
            if (t)
                return rt_False;
            return rt_richcompare(self, other, CMP_NE);
        }
        if (!t)
            return rt_False;
        return rt_True;
    case TO_LE_FROM_LT: case TO_GE_FROM_GT:
        if (t)
            return rt_True;
        return rt_richcompare(self, other, CMP_EQ);
    case TO_GE_FROM_LT: case TO_LE_FROM_GT: case TO_GT_FROM_LE: case TO_LT_FROM_GE:
        return not_or_notimpl(r);
    case TO_LT_FROM_LE: case TO_GT_FROM_GE:
        if (!t)
            return rt_False;
        return rt_richcompare(self, other, CMP_NE);
    }
    return r;
}

static Value ft_total_ordering(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("total_ordering", nargs, kw))
        return VAL_NULL;
    Value cls = args[0];
    if (!rt_isinstance_of(cls, &rt_type_type))
        return rt_raisef(&rt_TypeError, "total_ordering needs a class");
    static const char *const ops[] = { "__lt__", "__le__", "__gt__", "__ge__" };
    static const struct { const char *name; int kind; } fill[4][3] = {
        {{"__gt__", TO_GT_FROM_LT}, {"__le__", TO_LE_FROM_LT}, {"__ge__", TO_GE_FROM_LT}},
        {{"__ge__", TO_GE_FROM_LE}, {"__lt__", TO_LT_FROM_LE}, {"__gt__", TO_GT_FROM_LE}},
        {{"__lt__", TO_LT_FROM_GT}, {"__ge__", TO_GE_FROM_GT}, {"__le__", TO_LE_FROM_GT}},
        {{"__le__", TO_LE_FROM_GE}, {"__gt__", TO_GT_FROM_GE}, {"__lt__", TO_LT_FROM_GE}},
    };
    ObjType *t = AS_TYPE(cls);
    int root = -1;
    for (int i = 0; i < 4 && root < 0; i++) {
        Value m = rt_type_lookup(t, rt_str_intern_cstr(ops[i]));
        Value base = rt_type_lookup(&rt_object_type, rt_str_intern_cstr(ops[i]));
        if (m != VAL_NULL && m != base && val_type(m) != &rt_method_descr_type)
            root = i;
    }
    if (root < 0)
        return rt_raisef(&rt_ValueError,
                         "must define at least one ordering operation: < > <= >=");
    Value rootfn = rt_type_lookup(t, rt_str_intern_cstr(ops[root]));
    for (int j = 0; j < 3; j++) {
        Value name = rt_str_intern_cstr(fill[root][j].name);
        if (t->dict != VAL_NULL && rt_dict_get_str(t->dict, name) != VAL_NULL)
            continue;
        Value b = rt_builtin_new(fill[root][j].name, to_method,
                                 rt_tuple_pack(2, rootfn, small_new(fill[root][j].kind)));
        /* A builtin with a bound tuple self binds no further: wrap in a
         * partial-like method via the function type's binding. */
        if (rt_setattr(cls, name, b) < 0)
            return VAL_NULL;
    }
    return cls;
}

static const MethodDef functools_functions[] = {
    {"update_wrapper", ft_update_wrapper}, {"wraps", ft_wraps},
    {"lru_cache", ft_lru_cache}, {"cache", ft_cache}, {"total_ordering", ft_total_ordering},
    {NULL, NULL}
};

Value mod_functools_init(void)
{
    Value accel = mod_import("_functools");
    if (accel == VAL_NULL)
        return VAL_NULL;
    Value m = mod_module_new("functools", functools_functions);
    static const char *const from_accel[] = { "reduce", "partial", "cmp_to_key",
                                              "_lru_cache_wrapper", NULL };
    for (const char *const *name = from_accel; *name; name++)
        mod_module_set(m, *name, rt_getattr_cstr(accel, *name));
    lru_wrapper_type = rt_getattr_cstr(accel, "_lru_cache_wrapper");
    cache_info_type = mod_namedtuple("CacheInfo", "hits misses maxsize currsize");
    mod_module_set(m, "_CacheInfo", cache_info_type);
    mod_module_set(m, "WRAPPER_ASSIGNMENTS",
                  rt_tuple_pack(5, rt_str_from_cstr("__module__"), rt_str_from_cstr("__name__"),
                                rt_str_from_cstr("__qualname__"), rt_str_from_cstr("__doc__"),
                                rt_str_from_cstr("__annotations__")));
    mod_module_set(m, "WRAPPER_UPDATES", rt_tuple_pack(1, rt_str_from_cstr("__dict__")));
    return m;
}
