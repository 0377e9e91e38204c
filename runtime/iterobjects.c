/*
 * iterobjects.c — the lazy iterators the builtins hand out: enumerate, zip,
 * map, filter, reversed and iter(callable, sentinel)'s callable_iterator.
 *
 * In CPython these are types, not functions: `enumerate` is a class whose
 * instances are iterators, so `type(enumerate([]))` is `enumerate` and
 * `isinstance(e, enumerate)` works.  pvm does the same: each is an ObjType
 * whose new_ slot parses the call (type_call routes `enumerate(xs)` there),
 * whose iter slot returns the iterator itself, and whose next slot produces
 * one item per call, pulling from the underlying iterator(s) only when asked.
 * Nothing is computed ahead: `zip(count(), xs)` over an infinite iterator
 * works because each next() takes one item from each.  As in CPython, all
 * but callable_iterator may be subclassed: their constructors allocate
 * through rt_alloc_instance, and instance_size says how much a subclass
 * extends.
 *
 * Every next slot follows the runtime's convention: an item, or VAL_NULL
 * meaning "exhausted" when no exception is set and "failed" when one is.
 */
#include <string.h>
#include "runtime/runtime.h"

/* An iterator's iter slot: iter(it) is it. */
static Value self_iter(Value self)
{
    return self;
}

/* A 2-tuple, built without the varargs of rt_tuple_pack. */
static Value pair(Value a, Value b)
{
    Value t = rt_tuple_new(2);
    AS_TUPLE(t)->items[0] = a;
    AS_TUPLE(t)->items[1] = b;
    return t;
}

/* ---- enumerate(iterable, start=0) ----------------------------------------- */

typedef struct ObjEnumerate {
    Object ob;
    Value it;           /* the underlying iterator */
    Value index;        /* the next count: an int, usually small */
} ObjEnumerate;

static Value enumerate_make(ObjType *type, Value iterable, Value start)
{
    Value index = small_new(0);
    if (start != VAL_NULL) {
        index = rt_index(start);
        if (index == VAL_NULL)
            return VAL_NULL;
        index = rt_int_unbool(index);
    }
    Value it = rt_iter(iterable);
    if (it == VAL_NULL)
        return VAL_NULL;
    ObjEnumerate *e = rt_alloc_instance(type, sizeof *e);
    e->it = it;
    e->index = index;
    return obj_val(e);
}

/* Keyword names must be exactly the ones not given by position, in either
 * order: CPython 3.11's enumerate_vectorcall. */
static bool enumerate_keyword_is(Value kwnames, size_t i, const char *name)
{
    Value kw = rt_tuple_get(kwnames, i);
    if (strcmp(rt_str_cstr(kw), name) == 0)
        return true;
    rt_invalid_keyword("enumerate", kw);
    return false;
}

static Value enumerate_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    size_t nkw = rt_nkwargs(kwnames);
    if (nargs == 0)
        return rt_raisef(&rt_TypeError, "enumerate() missing required argument 'iterable'");
    if (nargs > 2)
        return rt_raisef(&rt_TypeError, "enumerate() takes at most 2 arguments (%zu given)",
                         nargs);
    if (nargs == 1) {
        if (nkw == 1 && !enumerate_keyword_is(kwnames, 0, "iterable"))
            return VAL_NULL;
        return enumerate_make(type, args[0], VAL_NULL);
    }
    if (nkw == 1 && !enumerate_keyword_is(kwnames, 0, "start"))
        return VAL_NULL;
    if (nkw == 2) {
        Value kw0 = rt_tuple_get(kwnames, 0);
        if (strcmp(rt_str_cstr(kw0), "start") == 0) {
            if (!enumerate_keyword_is(kwnames, 1, "iterable"))
                return VAL_NULL;
            return enumerate_make(type, args[1], args[0]);
        }
        if (!enumerate_keyword_is(kwnames, 0, "iterable") ||
            !enumerate_keyword_is(kwnames, 1, "start"))
            return VAL_NULL;
    }
    return enumerate_make(type, args[0], args[1]);
}

/* (index, item), then index += 1 — on the tagged int when it stays small. */
static Value enumerate_next(Value self)
{
    ObjEnumerate *e = VAL_AS(ObjEnumerate, self);
    Value item = rt_next(e->it);
    if (item == VAL_NULL)
        return VAL_NULL;
    Value index = e->index;
    if (val_is_small(index) && small_value(index) < SMALL_MAX)
        e->index = small_new(small_value(index) + 1);
    else if ((e->index = rt_binary_op(index, small_new(1), NB_ADD)) == VAL_NULL)
        return VAL_NULL;
    return pair(index, item);
}

/* Pickling: (type, (iterator, next index)). */
static Value enumerate_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjEnumerate *e = VAL_AS(ObjEnumerate, args[0]);
    return rt_reduce_value(obj_val(val_type(args[0])), pair(e->it, e->index), VAL_NULL);
}

static const MethodDef enumerate_methods[] = {
    {"__reduce__", enumerate_reduce}, {NULL, NULL},
};

ObjType rt_enumerate_type = {
    .ob.type = &rt_type_type, .name = "enumerate", .base = &rt_object_type,
    .flags = TF_BASETYPE, .instance_size = sizeof(ObjEnumerate),
    .iter = self_iter, .next = enumerate_next, .new_ = enumerate_new,
};

/* ---- zip(*iterables, strict=False) ----------------------------------------- */

typedef struct ObjZip {
    Object ob;
    bool strict;
    size_t n;
    Value *iters;       /* one iterator per argument */
} ObjZip;

static Value zip_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "strict" };
    static const ArgSpec spec = { "zip", names, 1, 0, 0, 0, false };
    size_t nkw = rt_nkwargs(kwnames), n = nargs - nkw;
    Value strict = VAL_NULL;
    if (nkw > 0 && !rt_parse_args(&spec, args + n, nkw, kwnames, &strict))
        return VAL_NULL;
    int is_strict = strict == VAL_NULL ? 0 : rt_truthy(strict);
    if (is_strict < 0)
        return VAL_NULL;
    ObjZip *z = rt_alloc_instance(type, sizeof *z);
    z->iters = gc_alloc(n * sizeof(Value));
    z->strict = is_strict;
    z->n = n;
    for (size_t i = 0; i < n; i++)
        if ((z->iters[i] = rt_iter(args[i])) == VAL_NULL)
            return VAL_NULL;
    return obj_val(z);
}

/* " 1" or "s 1-3": the arguments before argument i+1 (zip's strict texts). */
static const char *zip_plural(size_t i)
{
    return i == 1 ? " " : "s 1-";
}

/* strict=True and iterator i (the first to run out) is exhausted: the others
 * must be exhausted too.  Always returns VAL_NULL; sets ValueError if not. */
static Value zip_check_lengths(ObjZip *z, size_t i)
{
    if (i > 0)
        return rt_raisef(&rt_ValueError, "zip() argument %zu is shorter than argument%s%zu",
                         i + 1, zip_plural(i), i);
    for (i = 1; i < z->n; i++) {
        Value item = rt_next(z->iters[i]);
        if (item != VAL_NULL)
            return rt_raisef(&rt_ValueError, "zip() argument %zu is longer than argument%s%zu",
                             i + 1, zip_plural(i), i);
        if (rt_err_occurred())
            return VAL_NULL;
    }
    return VAL_NULL;
}

static Value zip_next(Value self)
{
    ObjZip *z = VAL_AS(ObjZip, self);
    if (z->n == 0)
        return VAL_NULL;
    Value t = rt_tuple_new(z->n);
    for (size_t i = 0; i < z->n; i++) {
        Value item = rt_next(z->iters[i]);
        if (item == VAL_NULL) {
            if (rt_err_occurred() || !z->strict)
                return VAL_NULL;
            return zip_check_lengths(z, i);
        }
        AS_TUPLE(t)->items[i] = item;
    }
    return t;
}

/* Pickling: (type, iterators), with True after them when strict;
 * __setstate__(strict). */
static Value zip_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjZip *z = VAL_AS(ObjZip, args[0]);
    return rt_reduce_value(obj_val(val_type(args[0])), rt_tuple_from(z->iters, z->n),
                           z->strict ? rt_True : VAL_NULL);
}

static Value zip_setstate(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__setstate__", nargs - 1, kwnames))
        return VAL_NULL;
    int strict = rt_truthy(args[1]);
    if (strict < 0)
        return VAL_NULL;
    VAL_AS(ObjZip, args[0])->strict = strict;
    return rt_None;
}

static const MethodDef zip_methods[] = {
    {"__reduce__", zip_reduce}, {"__setstate__", zip_setstate}, {NULL, NULL},
};

ObjType rt_zip_type = {
    .ob.type = &rt_type_type, .name = "zip", .base = &rt_object_type,
    .flags = TF_BASETYPE, .instance_size = sizeof(ObjZip),
    .iter = self_iter, .next = zip_next, .new_ = zip_new,
};

/* ---- map(function, *iterables) --------------------------------------------- */

typedef struct ObjMap {
    Object ob;
    Value func;
    size_t n;
    Value *iters;
} ObjMap;

static Value map_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw_new(type, "map", kwnames))
        return VAL_NULL;
    nargs = rt_npos(nargs, kwnames);
    if (nargs < 2)
        return rt_raisef(&rt_TypeError, "map() must have at least two arguments.");
    size_t n = nargs - 1;
    ObjMap *m = rt_alloc_instance(type, sizeof *m);
    m->iters = gc_alloc(n * sizeof(Value));
    m->func = args[0];
    m->n = n;
    for (size_t i = 0; i < n; i++)
        if ((m->iters[i] = rt_iter(args[i + 1])) == VAL_NULL)
            return VAL_NULL;
    return obj_val(m);
}

/* func(next(it1), next(it2), ...); stops with the shortest iterable. */
static Value map_next(Value self)
{
    ObjMap *m = VAL_AS(ObjMap, self);
    if (m->n == 1) {
        Value item = rt_next(m->iters[0]);
        return item == VAL_NULL ? VAL_NULL : rt_call1(m->func, item);
    }
    Value small[8];
    Value *argv = m->n <= 8 ? small : gc_alloc(m->n * sizeof(Value));
    for (size_t i = 0; i < m->n; i++)
        if ((argv[i] = rt_next(m->iters[i])) == VAL_NULL)
            return VAL_NULL;
    return rt_call(m->func, argv, m->n, VAL_NULL);
}

/* Pickling: (type, (function, *iterators)). */
static Value map_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjMap *m = VAL_AS(ObjMap, args[0]);
    Value t = rt_tuple_new(m->n + 1);
    AS_TUPLE(t)->items[0] = m->func;
    memcpy(AS_TUPLE(t)->items + 1, m->iters, m->n * sizeof(Value));
    return rt_reduce_value(obj_val(val_type(args[0])), t, VAL_NULL);
}

static const MethodDef map_methods[] = {
    {"__reduce__", map_reduce}, {NULL, NULL},
};

ObjType rt_map_type = {
    .ob.type = &rt_type_type, .name = "map", .base = &rt_object_type,
    .flags = TF_BASETYPE, .instance_size = sizeof(ObjMap),
    .iter = self_iter, .next = map_next, .new_ = map_new,
};

/* ---- filter(function or None, iterable) ------------------------------------ */

typedef struct ObjFilter {
    Object ob;
    Value func;         /* VAL_NULL for None or bool: test the item's truth */
    Value it;
    Value given;        /* the function as passed (pickling) */
} ObjFilter;

static Value filter_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw_new(type, "filter", kwnames))
        return VAL_NULL;
    nargs = rt_npos(nargs, kwnames);
    if (!rt_arg_range("filter", nargs, 2, 2))
        return VAL_NULL;
    Value it = rt_iter(args[1]);
    if (it == VAL_NULL)
        return VAL_NULL;
    ObjFilter *f = rt_alloc_instance(type, sizeof *f);
    bool plain_truth = args[0] == rt_None || args[0] == obj_val(&rt_bool_type);
    f->func = plain_truth ? VAL_NULL : args[0];
    f->given = args[0];
    f->it = it;
    return obj_val(f);
}

/* The next item for which func(item) (or the item itself) is true. */
static Value filter_next(Value self)
{
    ObjFilter *f = VAL_AS(ObjFilter, self);
    for (;;) {
        Value item = rt_next(f->it);
        if (item == VAL_NULL)
            return VAL_NULL;
        Value test = item;
        if (f->func != VAL_NULL && (test = rt_call1(f->func, item)) == VAL_NULL)
            return VAL_NULL;
        int ok = rt_truthy(test);
        if (ok < 0)
            return VAL_NULL;
        if (ok)
            return item;
    }
}

/* Pickling: (type, (function, iterator)). */
static Value filter_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjFilter *f = VAL_AS(ObjFilter, args[0]);
    return rt_reduce_value(obj_val(val_type(args[0])), pair(f->given, f->it), VAL_NULL);
}

static const MethodDef filter_methods[] = {
    {"__reduce__", filter_reduce}, {NULL, NULL},
};

ObjType rt_filter_type = {
    .ob.type = &rt_type_type, .name = "filter", .base = &rt_object_type,
    .flags = TF_BASETYPE, .instance_size = sizeof(ObjFilter),
    .iter = self_iter, .next = filter_next, .new_ = filter_new,
};

/* ---- reversed(sequence) ------------------------------------------------------ */

/* The generic reverse iterator: seq[len-1], seq[len-2], ..., seq[0].  Types
 * with a __reversed__ method (list, dict, range...) supply their own. */
typedef struct ObjReversed {
    Object ob;
    Value seq;          /* VAL_NULL once exhausted */
    ssize_t index;      /* the next index to fetch; -1 when done */
} ObjReversed;

static Value reversed_name;     /* interned "__reversed__" */

static Value not_reversible(Value seq)
{
    return rt_raisef(&rt_TypeError, "'%s' object is not reversible", val_type(seq)->name);
}

static Value reversed_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("reversed", kwnames) || !rt_arg_range("reversed", nargs, 1, 1))
        return VAL_NULL;
    Value seq = args[0];
    ObjType *t = val_type(seq);
    Value meth = rt_type_lookup(t, reversed_name);
    if (meth == rt_None)
        return not_reversible(seq);
    if (meth != VAL_NULL)
        return rt_call_found(meth, seq, NULL, 0);
    if (rt_isinstance_of(seq, &rt_dict_type)) {
        /* A dict without its own __reversed__: its keys, last first. */
        if ((seq = rt_sequence_to_list(seq)) == VAL_NULL)
            return VAL_NULL;
    } else if (t->getitem == NULL) {
        /* CPython's PySequence_Check: only indexable objects qualify. */
        return not_reversible(seq);
    }
    ssize_t n = rt_len(seq);
    if (n < 0)
        return VAL_NULL;
    ObjReversed *r = rt_alloc_instance(type, sizeof *r);
    r->seq = seq;
    r->index = n - 1;
    return obj_val(r);
}

/* seq[index], index -= 1.  IndexError or StopIteration from the sequence
 * (it shrank meanwhile) ends the iteration quietly, as in CPython. */
static Value reversed_next(Value self)
{
    ObjReversed *r = VAL_AS(ObjReversed, self);
    if (r->seq == VAL_NULL)
        return VAL_NULL;
    if (r->index < 0) {
        r->seq = VAL_NULL;
        return VAL_NULL;
    }
    Value item = rt_getitem(r->seq, small_new(r->index));
    r->index--;
    if (item != VAL_NULL)
        return item;
    if (rt_err_matches(&rt_IndexError) || rt_err_matches(&rt_StopIteration))
        rt_err_clear();
    r->index = -1;
    r->seq = VAL_NULL;
    return VAL_NULL;
}

/* Pickling: (type, (seq,), next index), (type, ((),)) once exhausted;
 * __setstate__ clamps the index to [-1, len(seq) - 1]. */
static Value reversed_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjReversed *r = VAL_AS(ObjReversed, args[0]);
    Value type = obj_val(val_type(args[0]));
    if (r->seq == VAL_NULL)
        return rt_reduce_value(type, rt_tuple_pack(1, rt_empty_tuple), VAL_NULL);
    return rt_reduce_value(type, rt_tuple_pack(1, r->seq), rt_int_from_i64(r->index));
}

static Value reversed_setstate(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__setstate__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjReversed *r = VAL_AS(ObjReversed, args[0]);
    if (r->seq == VAL_NULL)
        return rt_None;
    ssize_t n = rt_len(r->seq), index;
    if (n < 0 || !rt_setstate_index(args[1], -1, n - 1, &index))
        return VAL_NULL;
    r->index = index;
    return rt_None;
}

/* index + 1 items are left, unless the sequence shrank below that. */
static Value reversed_length_hint(Value *args, size_t nargs, Value kwnames)
{
    ObjReversed *r = VAL_AS(ObjReversed, args[0]);
    if (r->seq == VAL_NULL)
        return small_new(0);
    ssize_t n = rt_len(r->seq);
    if (n < 0)
        return VAL_NULL;
    return small_new(n < r->index + 1 ? 0 : r->index + 1);
}

static const MethodDef reversed_methods[] = {
    {"__reduce__", reversed_reduce}, {"__setstate__", reversed_setstate},
    {"__length_hint__", reversed_length_hint}, {NULL, NULL},
};

ObjType rt_reversed_type = {
    .ob.type = &rt_type_type, .name = "reversed", .base = &rt_object_type,
    .flags = TF_BASETYPE, .instance_size = sizeof(ObjReversed),
    .iter = self_iter, .next = reversed_next, .new_ = reversed_new,
};

/* ---- iter(callable, sentinel) ---------------------------------------------- */

typedef struct ObjCallIter {
    Object ob;
    Value func;         /* VAL_NULL once exhausted */
    Value sentinel;
} ObjCallIter;

Value rt_callable_iter_new(Value callable, Value sentinel)
{
    ObjCallIter *c = gc_alloc(sizeof *c);
    c->ob.type = &rt_callable_iterator_type;
    c->func = callable;
    c->sentinel = sentinel;
    return obj_val(c);
}

/* func(), unless it returns the sentinel (compared with ==) or raises
 * StopIteration: then the iterator is exhausted for good. */
static Value callable_iter_next(Value self)
{
    ObjCallIter *c = VAL_AS(ObjCallIter, self);
    if (c->func == VAL_NULL)
        return VAL_NULL;
    Value r = rt_call0(c->func);
    if (r == VAL_NULL) {
        if (rt_err_matches(&rt_StopIteration)) {
            rt_err_clear();
            c->func = c->sentinel = VAL_NULL;
        }
        return VAL_NULL;
    }
    int eq = rt_eq(c->sentinel, r);
    if (eq < 0)
        return VAL_NULL;
    if (eq) {
        c->func = c->sentinel = VAL_NULL;
        return VAL_NULL;
    }
    return r;
}

/* Pickling: (iter, (callable, sentinel)), (iter, ((),)) once exhausted. */
static Value callable_iter_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjCallIter *c = VAL_AS(ObjCallIter, args[0]);
    Value a = c->func != VAL_NULL ? pair(c->func, c->sentinel)
                                  : rt_tuple_pack(1, rt_empty_tuple);
    return rt_reduce_builtin("iter", a, VAL_NULL);
}

static const MethodDef callable_iter_methods[] = {
    {"__reduce__", callable_iter_reduce}, {NULL, NULL},
};

ObjType rt_callable_iterator_type = {
    .ob.type = &rt_type_type, .name = "callable_iterator", .base = &rt_object_type,
    .iter = self_iter, .next = callable_iter_next,
};

/* ---- start-up ---------------------------------------------------------------- */

void rt_iterobjects_init(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    reversed_name = rt_str_intern_cstr("__reversed__");
    rt_type_ready(&rt_enumerate_type, enumerate_methods);
    rt_type_ready(&rt_zip_type, zip_methods);
    rt_type_ready(&rt_map_type, map_methods);
    rt_type_ready(&rt_filter_type, filter_methods);
    rt_type_ready(&rt_reversed_type, reversed_methods);
    rt_type_ready(&rt_callable_iterator_type, callable_iter_methods);
}
