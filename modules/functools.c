/*
 * functools.c — the `_functools` accelerator, after CPython 3.11's
 * Modules/_functoolsmodule.c: reduce, partial, cmp_to_key (its
 * KeyWrapper type) and _lru_cache_wrapper, which CPython's
 * Lib/functools.py imports to replace its pure-Python versions.
 *
 * partial(func, *args, **keywords) is a type with func, args and keywords
 * attributes and an instance dict; a partial of a plain partial (no
 * attributes set, calling through partial's own call) is flattened into
 * one, as CPython does.
 *
 * _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type) is
 * the object lru_cache returns.  Its cache is a dict keyed by the call's
 * arguments (CPython's lru_cache_make_key: a single int or str argument is
 * its own key, else a tuple of the positional arguments, a marker, then
 * keyword names and values, plus the argument types when typed).  The
 * dict keeps insertion order, so "least recently used" is simply "first in
 * the dict": a hit moves the entry to the end, a miss on a full cache drops
 * the first one.  Three behaviours, chosen at creation as in CPython:
 * maxsize=0 caches nothing, None never evicts, n keeps n entries.
 */
#include <string.h>
#include "modules/modutil.h"
#include "runtime/version.h"
#include "runtime/class.h"

/* ---- reduce(function, iterable[, initial]) ----------------------------------------- */

/* 3.14's reduce is Argument Clinic's, and takes initial= by keyword. */
static bool reduce_args(Value *args, size_t nargs, Value kw, Value *out)
{
    if (rt_py_minor >= 14) {
        static const char *const names[] = { "function", "iterable", "initial" };
        static const ArgSpec spec = { "reduce", names, 3, 2, 2, 3, false };
        return rt_parse_args(&spec, args, nargs, kw, out);
    }
    if (!rt_arg_nokw("reduce", kw) || !rt_arg_range("reduce", nargs, 2, 3))
        return false;
    for (size_t i = 0; i < 3; i++)
        out[i] = i < nargs ? args[i] : VAL_NULL;
    return true;
}

static Value ft_reduce(Value *argv, size_t nargs, Value kw)
{
    Value args[3];
    if (!reduce_args(argv, nargs, kw, args))
        return VAL_NULL;
    Value it = rt_iter(args[1]);
    if (it == VAL_NULL) {
        if (rt_err_matches(&rt_TypeError)) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "reduce() arg 2 must support iteration");
        }
        return VAL_NULL;
    }
    Value acc = args[2], item;
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

/* ---- Placeholder (3.14) ------------------------------------------------------------------ */

/* functools.Placeholder, the one instance of _PlaceholderType: a partial
 * argument left open, which the call (or an outer partial) fills. */
static Value ph_new(ObjType *type, Value *args, size_t nargs, Value kwnames);
static Value ph_repr(Value self) { return rt_str_from_cstr("Placeholder"); }

static ObjType placeholder_type = {
    .ob.type = &rt_type_type, .name = "functools._PlaceholderType",
    .new_ = ph_new, .repr = ph_repr,
};
static Object placeholder = { .type = &placeholder_type };
#define PLACEHOLDER obj_val(&placeholder)

static Value ph_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (nargs > 0)
        return rt_raisef(&rt_TypeError, "PlaceholderType takes no arguments");
    return PLACEHOLDER;
}

/* Pickled by name: functools.Placeholder. */
static Value ph_reduce(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("__reduce__", nargs - 1, kw) ? rt_str_from_cstr("Placeholder") : VAL_NULL;
}

static const MethodDef placeholder_methods[] = {{"__reduce__", ph_reduce}, {NULL, NULL}};

/* How many of args are Placeholder; -1 with CPython's TypeError when the
 * last one is. */
static ssize_t count_placeholders(Value args)
{
    size_t n = rt_tuple_len(args), count = 0;
    if (rt_py_minor < 14)
        return 0;
    if (n > 0 && rt_tuple_get(args, n - 1) == PLACEHOLDER) {
        rt_raisef(&rt_TypeError, "trailing Placeholders are not allowed");
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        count += rt_tuple_get(args, i) == PLACEHOLDER;
    return (ssize_t)count;
}

/* The partial's arguments with its placeholders filled, in order, from
 * given[0..n), then what is left of given. */
static Value fill_placeholders(Value args, const Value *given, size_t n)
{
    Value out = rt_list_new(rt_tuple_len(args) + n);
    size_t used = 0;
    for (size_t i = 0; i < rt_tuple_len(args); i++) {
        Value v = rt_tuple_get(args, i);
        rt_list_append(out, v == PLACEHOLDER && used < n ? given[used++] : v);
    }
    for (; used < n; used++)
        rt_list_append(out, given[used]);
    return rt_list_as_tuple(out);
}

/* ---- partial(func, /, *args, **keywords) --------------------------------------------- */

typedef struct { Object ob; Value func, args, kw, dict; size_t phcount; } ObjPartial;
static ObjType partial_type;
#define PARTIAL(v) VAL_AS(ObjPartial, v)

static Value partial_call(Value self, Value *args, size_t nargs, Value kwnames);

/* A partial whose own arguments can be merged into a new one: it calls
 * through partial's call slot (3.13: it is any partial, even of a
 * subclass with its own __call__) and has no instance attributes. */
static bool flattenable(Value func)
{
    bool partial = rt_py_minor >= 13 ? rt_isinstance_of(func, &partial_type)
                                     : val_type(func)->call == partial_call;
    return partial && (PARTIAL(func)->dict == VAL_NULL || rt_dict_len(PARTIAL(func)->dict) == 0);
}

static Value partial_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    size_t npos = rt_npos(nargs, kwnames), nkw = nargs - npos;
    if (npos < 1)
        return rt_raisef(&rt_TypeError, "type 'partial' takes at least one argument");
    Value func = args[0], pargs = rt_tuple_from(args + 1, npos - 1), kw = rt_dict_new();
    for (size_t i = 0; i < nkw; i++)
        if (args[npos + i] == PLACEHOLDER)
            return rt_raisef(&rt_TypeError, "Placeholder cannot be passed as a keyword argument");
    if (count_placeholders(pargs) < 0)
        return VAL_NULL;
    if (flattenable(func)) {
        /* partial(partial(f, 1), 2) is partial(f, 1, 2); 3.14: the new
         * arguments fill the inner one's placeholders first. */
        ObjPartial *inner = PARTIAL(func);
        pargs = fill_placeholders(inner->args, AS_TUPLE(pargs)->items, rt_tuple_len(pargs));
        rt_dict_update(kw, inner->kw);
        func = inner->func;
    }
    if (!rt_callable(func))
        return rt_raisef(&rt_TypeError, "the first argument must be callable");
    for (size_t i = 0; i < nkw; i++)
        rt_dict_set(kw, rt_tuple_get(kwnames, i), args[npos + i]);
    ObjPartial *p = rt_alloc_instance(type, sizeof *p);
    p->func = func;
    p->args = pargs;
    p->kw = kw;
    p->phcount = (size_t)count_placeholders(pargs);
    return obj_val(p);
}

/* func(*self.args, *args, **{**self.keywords, **kwargs}) */
static Value partial_call(Value self, Value *args, size_t nargs, Value kwnames)
{
    ObjPartial *p = PARTIAL(self);
    size_t npos = rt_npos(nargs, kwnames), nkw = nargs - npos, pn = rt_tuple_len(p->args);
    if (npos < p->phcount)
        return rt_raisef(&rt_TypeError, "missing positional arguments in 'partial' call; "
                         "expected at least %zu, got %zu", p->phcount, npos);
    Value all = p->phcount > 0 ? fill_placeholders(p->args, args, npos) : rt_tuple_new(pn + npos);
    if (p->phcount == 0) {
        memcpy(AS_TUPLE(all)->items, AS_TUPLE(p->args)->items, pn * sizeof(Value));
        memcpy(AS_TUPLE(all)->items + pn, args, npos * sizeof(Value));
    }
    Value kw = rt_dict_copy(p->kw);
    for (size_t i = 0; i < nkw; i++)
        rt_dict_set(kw, rt_tuple_get(kwnames, i), args[npos + i]);
    return rt_call_tuple_dict(p->func, all, kw);
}

/* "functools.partial(<function f at ...>, 1, k=2)" under the type's
 * name; "..." for a partial met again inside its own arguments. */
static Value partial_repr(Value self)
{
    if (rt_repr_reentered(self))
        return rt_str_from_cstr("...");
    ObjPartial *p = PARTIAL(self);
    StrBuf sb;
    sb_init(&sb);
    if (rt_py_minor >= 13) {            /* 3.13: the type's module-qualified name */
        Value type = obj_val(val_type(self));
        Value module = rt_getattr(type, RT_NAME("__module__"));
        Value qualname = module != VAL_NULL ? rt_getattr(type, RT_NAME("__qualname__"))
                                            : VAL_NULL;
        if (qualname == VAL_NULL)
            return VAL_NULL;
        if (is_str(module) && strcmp(rt_str_cstr(module), "builtins") != 0) {
            sb_add_value_str(&sb, module);
            sb_addc(&sb, '.');
        }
        sb_add_value_str(&sb, qualname);
    } else {
        sb_adds(&sb, val_type(self)->name);
    }
    sb_addc(&sb, '(');
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

/* (type(p), (func,), (func, args, keywords, __dict__ or None)) */
static Value partial_reduce(Value *args, size_t nargs, Value kw)
{
    ObjPartial *p = PARTIAL(args[0]);
    Value dict = p->dict != VAL_NULL && rt_dict_len(p->dict) > 0 ? p->dict : rt_None;
    return rt_tuple_pack(3, obj_val(val_type(args[0])), rt_tuple_pack(1, p->func),
                         rt_tuple_pack(4, p->func, p->args, p->kw, dict));
}

static Value partial_setstate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("partial.__setstate__", nargs - 1, kw))
        return VAL_NULL;
    Value state = args[1];
    if (!is_tuple(state) || rt_tuple_len(state) != 4)
        return rt_raisef(&rt_TypeError, "invalid partial state");
    Value func = rt_tuple_get(state, 0), fargs = rt_tuple_get(state, 1);
    Value fkw = rt_tuple_get(state, 2), dict = rt_tuple_get(state, 3);
    if (!rt_callable(func) || !rt_isinstance_of(fargs, &rt_tuple_type) ||
        (fkw != rt_None && !rt_isinstance_of(fkw, &rt_dict_type)))
        return rt_raisef(&rt_TypeError, "invalid partial state");
    fargs = is_tuple(fargs) ? fargs : rt_sequence_to_tuple(fargs);
    ssize_t phcount = count_placeholders(fargs);
    if (phcount < 0)
        return VAL_NULL;
    ObjPartial *p = PARTIAL(args[0]);
    p->func = func;
    p->args = fargs;
    p->phcount = (size_t)phcount;
    p->kw = fkw == rt_None ? rt_dict_new() : is_dict(fkw) ? fkw : rt_dict_copy(fkw);
    p->dict = dict == rt_None ? VAL_NULL : dict;
    return rt_None;
}


static const MethodDef partial_methods[] = {
    {"__reduce__", partial_reduce}, {"__setstate__", partial_setstate}, {NULL, NULL}
};

/* partial and _lru_cache_wrapper objects keep a dict: __dict__ may be
 * replaced by another dict but not deleted. */
static const GetSetDef dict_getsets[] = {
    {"__dict__", rt_generic_dict_get, rt_generic_dict_set},
    {NULL},
};

static ObjType partial_type = {
    .ob.type = &rt_type_type, .name = "functools.partial", .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .dict_offset = offsetof(ObjPartial, dict), .instance_size = sizeof(ObjPartial),
    .new_ = partial_new, .call = partial_call, .repr = partial_repr, .getsets = dict_getsets,
};

/* ---- cmp_to_key ---------------------------------------------------------------------------- */

/* cmp_to_key(mycmp) is a KeyWrapper with no obj; calling it, K(x), makes
 * one holding x, and two of those compare by mycmp(x, y) against 0. */
typedef struct { Object ob; Value cmp, obj; } ObjKey;
static ObjType key_type;
#define KEY(v) VAL_AS(ObjKey, v)

static Value key_make(Value cmp, Value obj)
{
    ObjKey *k = gc_alloc(sizeof *k);
    k->ob.type = &key_type;
    k->cmp = cmp;
    k->obj = obj;
    return obj_val(k);
}

static Value key_richcompare(Value a, Value b, int op)
{
    if (val_type(b) != &key_type)
        return rt_raisef(&rt_TypeError, "other argument must be K instance");
    Value x = KEY(a)->obj, y = KEY(b)->obj;
    if (x == VAL_NULL || y == VAL_NULL)
        return rt_raisef(&rt_AttributeError, "object");
    Value r = rt_call2(KEY(a)->cmp, x, y);
    if (r == VAL_NULL)
        return VAL_NULL;
    return rt_richcompare(r, small_new(0), op);
}

static Value key_call(Value self, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "obj" };
    static const ArgSpec spec = { "K", names, 1, 0, 1, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    return key_make(KEY(self)->cmp, a[0]);
}

static ObjType key_type = {
    .ob.type = &rt_type_type, .name = "functools.KeyWrapper",
    .richcompare = key_richcompare, .call = key_call,
};

static Value ft_cmp_to_key(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "mycmp" };
    static const ArgSpec spec = { "cmp_to_key", names, 1, 0, 1, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    return key_make(a[0], VAL_NULL);
}

/* ---- _lru_cache_wrapper ------------------------------------------------------------------ */

enum { LRU_UNCACHED, LRU_UNBOUNDED, LRU_BOUNDED };

typedef struct {
    Object ob;
    Value dict;                 /* __dict__: __wrapped__, __name__, cache_parameters ... */
    Value func, cache, cache_info_type;
    int kind;
    ssize_t maxsize;            /* LRU_BOUNDED: the number of entries kept */
    bool typed;
    size_t hits, misses;
} ObjLru;
static ObjType lru_type;
static Value kwd_mark;          /* separates positional from keyword args in keys */
#define LRU(v) VAL_AS(ObjLru, v)

/* A key tuple with its hash computed once (CPython's C cache looks its
 * tuple up with the known hash; the pure-Python one uses _HashedSeq), so
 * an argument's __hash__ runs once per call however many times the cache
 * dict hashes the key. */
typedef struct {
    Object ob;
    Value items;                /* the tuple */
    intptr_t hash;
} ObjHashedKey;
#define HASHED_KEY(v) VAL_AS(ObjHashedKey, v)

static intptr_t hashed_key_hash(Value self) { return HASHED_KEY(self)->hash; }

static Value hashed_key_richcompare(Value a, Value b, int op);

static ObjType hashed_key_type = {
    .ob.type = &rt_type_type, .name = "functools._HashedKey",
    .hash = hashed_key_hash, .richcompare = hashed_key_richcompare,
};

static Value hashed_key_richcompare(Value a, Value b, int op)
{
    if (val_type(b) != &hashed_key_type)
        return rt_NotImplemented;
    return rt_richcompare(HASHED_KEY(a)->items, HASHED_KEY(b)->items, op);
}

static Value hashed_key_new(Value items)
{
    intptr_t h = rt_hash(items);
    if (h == -1 && rt_err_occurred())
        return VAL_NULL;
    ObjHashedKey *k = gc_alloc(sizeof *k);
    k->ob.type = &hashed_key_type;
    k->items = items;
    k->hash = h;
    return obj_val(k);
}

/* CPython's lru_cache_make_key. */
static Value make_key(ObjLru *c, Value *args, size_t nargs, Value kwnames)
{
    size_t npos = rt_npos(nargs, kwnames), nkw = nargs - npos;
    if (nkw == 0 && npos == 1 && !c->typed &&
        (val_type(args[0]) == &rt_int_type || val_type(args[0]) == &rt_str_type))
        return args[0];
    Value key = rt_list_new(nargs * 3 + 1);
    for (size_t i = 0; i < npos; i++)
        rt_list_append(key, args[i]);
    if (nkw) {
        rt_list_append(key, kwd_mark);
        for (size_t i = 0; i < nkw; i++) {
            rt_list_append(key, rt_tuple_get(kwnames, i));
            rt_list_append(key, args[npos + i]);
        }
    }
    if (c->typed)
        for (size_t i = 0; i < nargs; i++)
            rt_list_append(key, obj_val(val_type(args[i])));
    return hashed_key_new(rt_list_as_tuple(key));
}

static Value lru_call(Value self, Value *args, size_t nargs, Value kwnames)
{
    ObjLru *c = LRU(self);
    if (c->kind == LRU_UNCACHED) {
        c->misses++;
        return rt_call(c->func, args, nargs, kwnames);
    }
    Value key = make_key(c, args, nargs, kwnames);     /* hashed first: "unhashable type" */
    if (key == VAL_NULL)
        return VAL_NULL;
    bool err = false;
    Value r = rt_dict_get(c->cache, key, &err);
    if (err)
        return VAL_NULL;
    if (r != VAL_NULL) {
        c->hits++;
        if (c->kind == LRU_BOUNDED &&           /* most recently used: to the end */
            (rt_dict_del(c->cache, key) < 0 || !rt_dict_set(c->cache, key, r)))
            return VAL_NULL;
        return r;
    }
    c->misses++;
    r = rt_call(c->func, args, nargs, kwnames);
    if (r == VAL_NULL)
        return VAL_NULL;
    if (c->kind == LRU_BOUNDED) {
        /* A recursive call may have cached this key meanwhile: keep that. */
        if (rt_dict_get(c->cache, key, &err) != VAL_NULL || err)
            return err ? VAL_NULL : r;
        size_t pos = 0;
        Value k, v;
        if (rt_dict_len(c->cache) >= (size_t)c->maxsize && rt_dict_next(c->cache, &pos, &k, &v) &&
            rt_dict_del(c->cache, k) < 0)
            return VAL_NULL;
    }
    return rt_dict_set(c->cache, key, r) ? r : VAL_NULL;
}

static Value lru_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "user_function", "maxsize", "typed",
                                         "cache_info_type" };
    static const ArgSpec spec = { "lru_cache", names, 4, 0, 4, 4, false };
    Value a[4];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    int typed = rt_truthy(a[2]);
    if (typed < 0)
        return VAL_NULL;
    if (!rt_callable(a[0]))
        return rt_raisef(&rt_TypeError, "the first argument must be callable");
    int kind = LRU_UNBOUNDED;
    ssize_t maxsize = -1;
    if (a[1] != rt_None) {
        Value m = rt_index_or_null(a[1]);
        if (m == VAL_NULL)
            return rt_err_occurred() ? VAL_NULL : rt_raisef(&rt_TypeError,
                                                    "maxsize should be integer or None");
        if (!mod_int_as_ssize(m, &maxsize))
            return VAL_NULL;
        if (maxsize < 0)
            maxsize = 0;
        kind = maxsize == 0 ? LRU_UNCACHED : LRU_BOUNDED;
    }
    ObjLru *c = rt_alloc_instance(type, sizeof *c);
    c->func = a[0];
    c->cache = rt_dict_new();
    c->cache_info_type = a[3];
    c->kind = kind;
    c->maxsize = maxsize;
    c->typed = typed;
    return obj_val(c);
}

static Value lru_cache_info(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("cache_info", nargs - 1, kw))
        return VAL_NULL;
    ObjLru *c = LRU(args[0]);
    Value items[4] = {
        rt_int_from_u64(c->hits), rt_int_from_u64(c->misses),
        c->kind == LRU_UNBOUNDED ? rt_None : small_new(c->maxsize),
        rt_int_from_u64(rt_dict_len(c->cache)),
    };
    return rt_call(c->cache_info_type, items, 4, VAL_NULL);
}

static Value lru_cache_clear(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("cache_clear", nargs - 1, kw))
        return VAL_NULL;
    ObjLru *c = LRU(args[0]);
    c->cache = rt_dict_new();
    c->hits = c->misses = 0;
    return rt_None;
}

/* Pickled by name: the __qualname__ update_wrapper gave it. */
static Value lru_reduce(Value *args, size_t nargs, Value kw)
{
    return rt_getattr_cstr(args[0], "__qualname__");
}

static Value lru_copy(Value *args, size_t nargs, Value kw)
{
    return args[0];
}

/* As a method: bound like a function. */
static Value lru_descr_get(Value descr, Value obj, Value type)
{
    if (obj == VAL_NULL || obj == rt_None)
        return descr;
    return rt_method_new(descr, obj);
}

static const MethodDef lru_methods[] = {
    {"cache_info", lru_cache_info}, {"cache_clear", lru_cache_clear},
    {"__reduce__", lru_reduce}, {"__copy__", lru_copy}, {"__deepcopy__", lru_copy},
    {NULL, NULL}
};

static ObjType lru_type = {
    .ob.type = &rt_type_type, .name = "functools._lru_cache_wrapper", .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .dict_offset = offsetof(ObjLru, dict), .instance_size = sizeof(ObjLru),
    .new_ = lru_new, .call = lru_call, .descr_get = lru_descr_get, .getsets = dict_getsets,
};

/* ---- the module ---------------------------------------------------------------------------- */

static const MethodDef functools_functions[] = {
    {"reduce", ft_reduce}, {"cmp_to_key", ft_cmp_to_key}, {NULL, NULL}
};

static void ready_types(void)
{
    if (partial_type.mro != VAL_NULL)
        return;
    static const MemberDef partial_members[] = {
        {"func", offsetof(ObjPartial, func), RT_MEMBER_VALUE, RT_READONLY,
         "function object to use in future partial calls"},
        {"args", offsetof(ObjPartial, args), RT_MEMBER_VALUE, RT_READONLY,
         "tuple of arguments to future partial calls"},
        {"keywords", offsetof(ObjPartial, kw), RT_MEMBER_VALUE, RT_READONLY,
         "dictionary of keyword arguments to future partial calls"},
        {NULL},
    };
    partial_type.members = partial_members;
    rt_type_ready(&partial_type, partial_methods);
    rt_type_add_class_getitem(&partial_type);
    static const MemberDef key_members[] = {
        {"obj", offsetof(ObjKey, obj), RT_MEMBER_VALUE, RT_WRITABLE,
         "Value wrapped by a key function."},
        {NULL},
    };
    key_type.members = key_members;
    rt_type_ready(&key_type, NULL);
    rt_type_ready(&lru_type, lru_methods);
    rt_type_ready(&hashed_key_type, NULL);
    rt_type_ready(&placeholder_type, placeholder_methods);
    rt_type_set(&placeholder_type, "__module__", rt_str_from_cstr("functools"));
    kwd_mark = obj_val(gc_alloc(sizeof(ObjInstance)));
    val_obj(kwd_mark)->type = &rt_object_type;
}

Value mod__functools_init(void)
{
    ready_types();
    Value m = mod_module_new("_functools", functools_functions);
    mod_module_set(m, "__doc__", rt_str_from_cstr("Tools that operate on functions."));
    mod_add_type(m, "partial", &partial_type, NULL);
    mod_add_type(m, "_lru_cache_wrapper", &lru_type, NULL);
    if (rt_py_minor >= 14) {
        mod_module_set(m, "_PlaceholderType", obj_val(&placeholder_type));
        mod_module_set(m, "Placeholder", PLACEHOLDER);
    }
    return m;
}
