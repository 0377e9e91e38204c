/*
 * functools.c — reduce, partial, lru_cache/cache, wraps/update_wrapper and
 * cmp_to_key, after CPython 3.11's Modules/_functoolsmodule.c and
 * Lib/functools.py.
 *
 * partial is a type (func, args, keywords attributes; CPython's repr).
 * lru_cache returns a _lru_cache_wrapper: a callable object that keys its
 * cache dict by the call's arguments (args, a marker, then keyword names and
 * values, plus the argument types when typed=True).  The dict keeps
 * insertion order, so "least recently used" is simply "first in the dict":
 * a hit moves the entry to the end, a miss at capacity drops the first.
 * cache_info() returns the CacheInfo named tuple CPython prints.
 */
#include <string.h>
#include "modules/modutil.h"

/* ---- reduce(function, iterable[, initial]) ----------------------------------------- */

static Value ft_reduce(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("reduce", kw) || !rt_arg_range("reduce", nargs, 2, 3))
        return VAL_NULL;
    Value it = rt_iter(args[1]);
    if (it == VAL_NULL) {
        if (rt_err_matches(&rt_TypeError)) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "reduce() arg 2 must support iteration");
        }
        return VAL_NULL;
    }
    Value acc = nargs == 3 ? args[2] : VAL_NULL, item;
    while ((item = rt_next(it)) != VAL_NULL) {
        if (acc == VAL_NULL)
            acc = item;
        else if ((acc = rt_call2(args[0], acc, item)) == VAL_NULL)
            return VAL_NULL;
    }
    if (rt_err_occurred())
        return VAL_NULL;
    if (acc == VAL_NULL)
        return rt_raisef(&rt_TypeError, "reduce() of empty iterable with no initial value");
    return acc;
}

/* ---- partial(func, /, *args, **keywords) --------------------------------------------- */

typedef struct { Object ob; Value func, args, kw, dict; } ObjPartial;
static ObjType partial_type;

static Value partial_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    size_t npos = rt_npos(nargs, kwnames), nkw = nargs - npos;
    if (npos < 1)
        return rt_raisef(&rt_TypeError, "type 'partial' takes at least one argument");
    Value func = args[0], pargs = rt_tuple_from(args + 1, npos - 1), kw = rt_dict_new();
    if (val_type(func) == &partial_type) {
        /* partial(partial(f, 1), 2) flattens to partial(f, 1, 2). */
        ObjPartial *inner = VAL_AS(ObjPartial, func);
        Value both = rt_list_new(0);
        rt_list_extend(both, inner->args);
        rt_list_extend(both, pargs);
        pargs = rt_list_as_tuple(both);
        rt_dict_update(kw, inner->kw);
        func = inner->func;
    } else if (!rt_callable(func)) {
        return rt_raisef(&rt_TypeError, "the first argument must be callable");
    }
    for (size_t i = 0; i < nkw; i++)
        rt_dict_set(kw, rt_tuple_get(kwnames, i), args[npos + i]);
    ObjPartial *p = rt_alloc_instance(type, sizeof *p);
    p->ob.type = type;
    p->func = func;
    p->args = pargs;
    p->kw = kw;
    return obj_val(p);
}

static Value partial_call(Value self, Value *args, size_t nargs, Value kwnames)
{
    ObjPartial *p = VAL_AS(ObjPartial, self);
    size_t npos = rt_npos(nargs, kwnames), nkw = nargs - npos, pn = rt_tuple_len(p->args);
    Value all = rt_tuple_new(pn + npos);
    memcpy(AS_TUPLE(all)->items, AS_TUPLE(p->args)->items, pn * sizeof(Value));
    memcpy(AS_TUPLE(all)->items + pn, args, npos * sizeof(Value));
    Value kw = rt_dict_copy(p->kw);
    for (size_t i = 0; i < nkw; i++)
        rt_dict_set(kw, rt_tuple_get(kwnames, i), args[npos + i]);
    return rt_call_tuple_dict(p->func, all, kw);
}

static Value partial_repr(Value self)
{
    ObjPartial *p = VAL_AS(ObjPartial, self);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "functools.partial(");
    if (!sb_add_value_repr(&sb, p->func))
        return VAL_NULL;
    for (size_t i = 0; i < rt_tuple_len(p->args); i++) {
        sb_adds(&sb, ", ");
        if (!sb_add_value_repr(&sb, rt_tuple_get(p->args, i)))
            return VAL_NULL;
    }
    Value k, v;
    for (size_t pos = 0; rt_dict_next(p->kw, &pos, &k, &v);) {
        sb_adds(&sb, ", ");
        sb_add_value_str(&sb, k);
        sb_addc(&sb, '=');
        if (!sb_add_value_repr(&sb, v))
            return VAL_NULL;
    }
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

static Value partial_getattr(Value self, Value name)
{
    ObjPartial *p = VAL_AS(ObjPartial, self);
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "func") == 0) return p->func;
    if (strcmp(s, "args") == 0) return p->args;
    if (strcmp(s, "keywords") == 0) return p->kw;
    return rt_generic_getattr(self, name);
}

static ObjType partial_type = {
    .ob.type = &rt_type_type, .name = "functools.partial", .flags = TF_BASETYPE,
    .dict_offset = offsetof(ObjPartial, dict),
    .new_ = partial_new, .call = partial_call, .repr = partial_repr,
    .getattr = partial_getattr,
};

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

/* ---- lru_cache ------------------------------------------------------------------------- */

typedef struct {
    Object ob;
    Value dict;                 /* __dict__: __wrapped__, __name__ ... */
    Value func, cache;
    ssize_t maxsize;            /* -1: unbounded */
    bool typed;
    size_t hits, misses;
} ObjLru;
static ObjType lru_type;
static Value kwd_mark;          /* separates positional from keyword args in keys */
static Value cache_info_type;

static Value make_key(ObjLru *c, Value *args, size_t nargs, Value kwnames)
{
    size_t npos = rt_npos(nargs, kwnames), nkw = nargs - npos;
    if (nkw == 0 && npos == 1 && !c->typed &&
        (val_type(args[0]) == &rt_int_type || val_type(args[0]) == &rt_str_type))
        return args[0];
    Value key = rt_list_new(nargs * 2 + 2);
    for (size_t i = 0; i < npos; i++)
        rt_list_append(key, args[i]);
    if (nkw) {
        rt_list_append(key, kwd_mark);
        for (size_t i = 0; i < nkw; i++) {
            rt_list_append(key, rt_tuple_get(kwnames, i));
            rt_list_append(key, args[npos + i]);
        }
    }
    if (c->typed) {
        for (size_t i = 0; i < npos; i++)
            rt_list_append(key, obj_val(val_type(args[i])));
        for (size_t i = 0; i < nkw; i++)
            rt_list_append(key, obj_val(val_type(args[npos + i])));
    }
    return rt_list_as_tuple(key);
}

static Value lru_call(Value self, Value *args, size_t nargs, Value kwnames)
{
    ObjLru *c = VAL_AS(ObjLru, self);
    if (c->maxsize == 0) {
        c->misses++;
        return rt_call(c->func, args, nargs, kwnames);
    }
    Value key = make_key(c, args, nargs, kwnames);
    bool err = false;
    Value r = rt_dict_get(c->cache, key, &err);
    if (err)
        return VAL_NULL;
    if (r != VAL_NULL) {
        c->hits++;
        if (c->maxsize > 0) {           /* most recently used: to the end */
            rt_dict_del(c->cache, key);
            rt_dict_set(c->cache, key, r);
        }
        return r;
    }
    c->misses++;
    r = rt_call(c->func, args, nargs, kwnames);
    if (r == VAL_NULL)
        return VAL_NULL;
    if (c->maxsize > 0 && rt_dict_len(c->cache) >= (size_t)c->maxsize) {
        size_t pos = 0;
        Value k, v;
        if (rt_dict_next(c->cache, &pos, &k, &v))
            rt_dict_del(c->cache, k);
    }
    if (!rt_dict_set(c->cache, key, r))
        return VAL_NULL;
    return r;
}

static Value lru_cache_info(Value *args, size_t nargs, Value kw)
{
    ObjLru *c = VAL_AS(ObjLru, args[0]);
    Value items[4] = {
        rt_int_from_u64(c->hits), rt_int_from_u64(c->misses),
        c->maxsize < 0 ? rt_None : small_new(c->maxsize), rt_int_from_u64(rt_dict_len(c->cache)),
    };
    return rt_call(cache_info_type, items, 4, VAL_NULL);
}

static Value lru_cache_clear(Value *args, size_t nargs, Value kw)
{
    ObjLru *c = VAL_AS(ObjLru, args[0]);
    c->cache = rt_dict_new();
    c->hits = c->misses = 0;
    return rt_None;
}

static Value lru_cache_parameters(Value *args, size_t nargs, Value kw)
{
    ObjLru *c = VAL_AS(ObjLru, args[0]);
    Value d = rt_dict_new();
    rt_dict_set_cstr(d, "maxsize", c->maxsize < 0 ? rt_None : small_new(c->maxsize));
    rt_dict_set_cstr(d, "typed", rt_bool(c->typed));
    return d;
}

/* As a method: bind like a function does. */
static Value lru_descr_get(Value descr, Value obj, Value type)
{
    if (obj == VAL_NULL || obj == rt_None)
        return descr;
    return rt_method_new(descr, obj);
}

static Value lru_repr(Value self)
{
    return rt_str_format_c("<functools._lru_cache_wrapper object at %p>", (void *)self);
}

static const MethodDef lru_methods[] = {
    {"cache_info", lru_cache_info}, {"cache_clear", lru_cache_clear},
    {"cache_parameters", lru_cache_parameters}, {NULL, NULL}
};

static ObjType lru_type = {
    .ob.type = &rt_type_type, .name = "functools._lru_cache_wrapper",
    .dict_offset = offsetof(ObjLru, dict),
    .call = lru_call, .descr_get = lru_descr_get, .repr = lru_repr,
};

static Value lru_wrap(Value func, ssize_t maxsize, bool typed)
{
    ObjLru *c = gc_alloc(sizeof *c);
    c->ob.type = &lru_type;
    c->func = func;
    c->cache = rt_dict_new();
    c->maxsize = maxsize;
    c->typed = typed;
    return update_wrapper(obj_val(c), func);
}

/* The decorator lru_cache(maxsize, typed) returns: bound to (maxsize, typed). */
static Value lru_decorate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("decorating_function", nargs - 1, kw))
        return VAL_NULL;
    Value params = args[0];
    Value ms = rt_tuple_get(params, 0);
    return lru_wrap(args[1], ms == rt_None ? -1 : small_value(ms),
                    rt_tuple_get(params, 1) == rt_True);
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
        ssize_t m;
        if (!rt_as_ssize(maxsize, &m))
            return VAL_NULL;
        maxsize = small_new(m < 0 ? 0 : m);
    } else if (maxsize != rt_None) {
        if (rt_callable(maxsize) && a[1] == VAL_NULL)   /* @lru_cache without () */
            return lru_wrap(maxsize, 128, false);
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
    return lru_wrap(args[0], -1, false);
}

/* ---- cmp_to_key ---------------------------------------------------------------------------- */

typedef struct { Object ob; Value cmp, obj; } ObjKey;
static ObjType key_type, keywrapper_type;

static Value key_richcompare(Value a, Value b, int op)
{
    if (val_type(b) != &key_type)
        return rt_raisef(&rt_TypeError, "other argument must be K instance");
    ObjKey *x = VAL_AS(ObjKey, a), *y = VAL_AS(ObjKey, b);
    Value r = rt_call2(x->cmp, x->obj, y->obj);
    if (r == VAL_NULL)
        return VAL_NULL;
    return rt_richcompare(r, small_new(0), op);
}

static Value key_getattr(Value self, Value name)
{
    if (strcmp(rt_str_cstr(name), "obj") == 0)
        return VAL_AS(ObjKey, self)->obj;
    return rt_generic_getattr(self, name);
}

static Value keywrapper_call(Value self, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("K", nargs, kw))
        return VAL_NULL;
    ObjKey *k = gc_alloc(sizeof *k);
    k->ob.type = &key_type;
    k->cmp = VAL_AS(ObjKey, self)->cmp;
    k->obj = args[0];
    return obj_val(k);
}

static ObjType key_type = {
    .ob.type = &rt_type_type, .name = "functools.KeyWrapper",
    .richcompare = key_richcompare, .getattr = key_getattr, .call = keywrapper_call,
};

static Value ft_cmp_to_key(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "mycmp" };
    static const ArgSpec spec = { "cmp_to_key", names, 1, 0, 1, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    ObjKey *k = gc_alloc(sizeof *k);
    k->ob.type = &key_type;
    k->cmp = a[0];
    k->obj = VAL_NULL;
    return obj_val(k);
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
    {"reduce", ft_reduce}, {"update_wrapper", ft_update_wrapper}, {"wraps", ft_wraps},
    {"lru_cache", ft_lru_cache}, {"cache", ft_cache}, {"cmp_to_key", ft_cmp_to_key},
    {"total_ordering", ft_total_ordering},
    {NULL, NULL}
};

Value mod_functools_init(void)
{
    Value m = mod_module_new("functools", functools_functions);
    mod_add_type(m, "partial", &partial_type, NULL);
    if (lru_type.mro == VAL_NULL)
        rt_type_ready(&lru_type, lru_methods);
    if (key_type.mro == VAL_NULL)
        rt_type_ready(&key_type, NULL);
    (void)keywrapper_type;
    mod_module_set(m, "_lru_cache_wrapper", obj_val(&lru_type));
    kwd_mark = rt_tuple_pack(1, rt_str_from_cstr("kwd_mark"));
    cache_info_type = mod_namedtuple("CacheInfo", "hits misses maxsize currsize");
    mod_module_set(m, "_CacheInfo", cache_info_type);
    mod_module_set(m, "WRAPPER_ASSIGNMENTS",
                  rt_tuple_pack(5, rt_str_from_cstr("__module__"), rt_str_from_cstr("__name__"),
                                rt_str_from_cstr("__qualname__"), rt_str_from_cstr("__doc__"),
                                rt_str_from_cstr("__annotations__")));
    mod_module_set(m, "WRAPPER_UPDATES", rt_tuple_pack(1, rt_str_from_cstr("__dict__")));
    return m;
}
