/*
 * itertools.c — the itertools module: lazy iterator types, each a C type
 * whose next slot produces one item per call, following CPython 3.11's
 * Modules/itertoolsmodule.c (the same order of pulls from the underlying
 * iterators, so side effects and infinite inputs behave identically).
 *
 * Convention (the runtime's): a next slot returns an item, or VAL_NULL —
 * exhausted when no exception is set, failed when one is.  An iterator that
 * has finished drops its source (it = VAL_NULL) and stays finished.
 *
 * Pickling and copying: each type's __reduce__ gives CPython's very tuple
 * (the type, the arguments that rebuild it, and the position as a state
 * for __setstate__), so pickles pass between pvm and python3.11.
 */
#include <stdlib.h>
#include <string.h>
#include "modules/modutil.h"
#include "runtime/class.h"
#include "runtime/version.h"

/* A type Python may subclass (all but _grouper and tee's, as in CPython). */
#define DEF_TYPE(var, tname, Struct, nextfn, newfn, ...)                      \
    static ObjType var = {                                                    \
        .ob.type = &rt_type_type, .name = "itertools." tname,                 \
        .flags = TF_BASETYPE, .instance_size = sizeof(Struct),                \
        .iter = rt_iter_self, .next = nextfn, .new_ = newfn, __VA_ARGS__ };

static void *new_obj(ObjType *type, size_t size)
{
    Object *o = rt_alloc_instance(type, size);
    o->type = type;
    return o;
}

/* What __reduce__ returns: (type(self), args) or, with a state,
 * (type(self), args, state). */
static Value reduce_self(Value self, Value args, Value state)
{
    return rt_reduce_value(obj_val(val_type(self)), args, state);
}

/* 3.12 deprecates pickling and copying the iterators: every __reduce__ and
 * __setstate__ warns, once its arguments are checked. */
static bool pickle_deprecated(void)
{
    return rt_py_minor < 12 ||
           rt_warn(&rt_DeprecationWarning, "Pickle, copy, and deepcopy support will be "
                   "removed from itertools in Python 3.14.", 1) >= 0;
}

static bool reduce_args(size_t nargs, Value kw)
{
    return rt_arg_none("__reduce__", nargs - 1, kw) && pickle_deprecated();
}

static bool setstate_args(size_t nargs, Value kw)
{
    return rt_arg_one("__setstate__", nargs - 1, kw) && pickle_deprecated();
}

/* A __setstate__'s state that must be a tuple of min..max items. */
static bool state_tuple(Value state, size_t min, size_t max)
{
    if (!rt_isinstance_of(state, &rt_tuple_type)) {
        rt_raisef(&rt_TypeError, "state is not a tuple");
        return false;
    }
    return rt_arg_count("__setstate__", rt_tuple_len(state), min, max);
}


static Value next_or_stop(Value *it)
{
    if (*it == VAL_NULL)
        return VAL_NULL;
    Value v = rt_next(*it);
    if (v == VAL_NULL)
        *it = VAL_NULL;
    return v;
}

/* ---- count(start=0, step=1) ------------------------------------------------------ */

typedef struct { Object ob; Value cnt, step; } ObjCount;

static Value count_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "start", "step" };
    static const ArgSpec spec = { "count", names, 2, 0, 0, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    ObjCount *c = new_obj(t, sizeof *c);
    c->cnt = a[0] ? a[0] : small_new(0);
    c->step = a[1] ? a[1] : small_new(1);
    if (!rt_number_check(c->cnt) || !rt_number_check(c->step))
        return rt_raisef(&rt_TypeError, "a number is required");
    return obj_val(c);
}

static Value count_next(Value self)
{
    ObjCount *c = VAL_AS(ObjCount, self);
    Value v = c->cnt;
    Value n = rt_binary_op(v, c->step, NB_ADD);
    if (n == VAL_NULL)
        return VAL_NULL;
    c->cnt = n;
    return v;
}

static bool step_is_one(Value step)
{
    return val_is_small(step) && small_value(step) == 1;
}

static Value count_repr(Value self)
{
    ObjCount *c = VAL_AS(ObjCount, self);
    const char *name = val_type(self)->name, *dot = strrchr(name, '.');
    if (dot != NULL)
        name = dot + 1;
    if (step_is_one(c->step))
        return rt_str_format_c("%s(%R)", name, c->cnt);
    return rt_str_format_c("%s(%R, %R)", name, c->cnt, c->step);
}

static Value count_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjCount *c = VAL_AS(ObjCount, args[0]);
    if (step_is_one(c->step))
        return reduce_self(args[0], rt_tuple_pack(1, c->cnt), VAL_NULL);
    return reduce_self(args[0], rt_tuple_pack(2, c->cnt, c->step), VAL_NULL);
}

static const MethodDef count_methods[] = { {"__reduce__", count_reduce}, {NULL, NULL} };
DEF_TYPE(count_type, "count", ObjCount, count_next, count_new, .repr = count_repr)

/* ---- cycle(iterable) ------------------------------------------------------------- */

/* firstpass is CPython's: true when `it` gives items already in saved (a
 * state restored from an old pickle), so they are not saved again. */
typedef struct { Object ob; Value it, saved; size_t index; bool firstpass; } ObjCycle;

static Value cycle_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw_new(t, "cycle", kw) || !rt_arg_range("cycle", rt_npos(nargs, kw), 1, 1))
        return VAL_NULL;
    Value it = rt_iter(args[0]);
    if (it == VAL_NULL)
        return VAL_NULL;
    ObjCycle *c = new_obj(t, sizeof *c);
    c->it = it;
    c->saved = rt_list_new(0);
    return obj_val(c);
}

static Value cycle_next(Value self)
{
    ObjCycle *c = VAL_AS(ObjCycle, self);
    if (c->it != VAL_NULL) {
        Value v = rt_next(c->it);
        if (v != VAL_NULL) {
            if (!c->firstpass)
                rt_list_append(c->saved, v);
            return v;
        }
        if (rt_err_occurred())
            return VAL_NULL;
        c->it = VAL_NULL;
    }
    ObjList *l = AS_LIST(c->saved);
    if (l->length == 0)
        return VAL_NULL;
    Value v = l->items[c->index++];
    if (c->index >= l->length)
        c->index = 0;
    return v;
}
/* (cycle, (it,), (saved, firstpass)); past the first pass the iterator is
 * one over saved, set to the current index. */
static Value cycle_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjCycle *c = VAL_AS(ObjCycle, args[0]);
    Value it = c->it, firstpass = rt_bool(c->firstpass);
    if (it == VAL_NULL) {
        it = rt_iter(c->saved);
        if (it == VAL_NULL)
            return VAL_NULL;
        Value setstate = c->index == 0 ? VAL_NULL : rt_getattr_cstr(it, "__setstate__");
        if (c->index != 0 &&
            (setstate == VAL_NULL || rt_call1(setstate, small_new((int64_t)c->index)) == VAL_NULL))
            return VAL_NULL;
        firstpass = rt_True;
    }
    return reduce_self(args[0], rt_tuple_pack(1, it), rt_tuple_pack(2, c->saved, firstpass));
}

static Value cycle_setstate(Value *args, size_t nargs, Value kw)
{
    if (!setstate_args(nargs, kw) || !state_tuple(args[1], 2, 2))
        return VAL_NULL;
    Value saved = rt_tuple_get(args[1], 0), flag = rt_tuple_get(args[1], 1);
    if (!rt_isinstance_of(saved, &rt_list_type))
        return rt_raisef(&rt_TypeError, "__setstate__() argument 1 must be list, not %T", saved);
    ssize_t firstpass;
    if (!rt_setstate_index(flag, PTRDIFF_MIN, PTRDIFF_MAX, &firstpass))
        return VAL_NULL;
    ObjCycle *c = VAL_AS(ObjCycle, args[0]);
    c->saved = saved;
    c->firstpass = firstpass != 0;
    c->index = 0;
    return rt_None;
}

static const MethodDef cycle_methods[] = {
    {"__reduce__", cycle_reduce}, {"__setstate__", cycle_setstate}, {NULL, NULL},
};
DEF_TYPE(cycle_type, "cycle", ObjCycle, cycle_next, cycle_new)

/* ---- repeat(object[, times]) ------------------------------------------------------ */

typedef struct { Object ob; Value elem; ssize_t cnt; } ObjRepeat;   /* cnt -1: forever */

static Value repeat_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "object", "times" };
    static const ArgSpec spec = { "repeat", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    ObjRepeat *r = new_obj(t, sizeof *r);
    r->elem = a[0];
    r->cnt = -1;
    if (a[1] != VAL_NULL) {
        if (!rt_as_ssize(a[1], &r->cnt))
            return VAL_NULL;
        if (r->cnt < 0)
            r->cnt = 0;
    }
    return obj_val(r);
}

static Value repeat_next(Value self)
{
    ObjRepeat *r = VAL_AS(ObjRepeat, self);
    if (r->cnt == 0)
        return VAL_NULL;
    if (r->cnt > 0)
        r->cnt--;
    return r->elem;
}

static Value repeat_repr(Value self)
{
    ObjRepeat *r = VAL_AS(ObjRepeat, self);
    if (r->cnt == -1)
        return rt_str_format_c("repeat(%R)", r->elem);
    return rt_str_format_c("repeat(%R, %zd)", r->elem, r->cnt);
}
static Value repeat_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjRepeat *r = VAL_AS(ObjRepeat, args[0]);
    if (r->cnt < 0)
        return reduce_self(args[0], rt_tuple_pack(1, r->elem), VAL_NULL);
    return reduce_self(args[0], rt_tuple_pack(2, r->elem, small_new(r->cnt)), VAL_NULL);
}

/* __length_hint__: the count left; TypeError for an endless repeat. */
static Value repeat_length_hint(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("__length_hint__", nargs - 1, kw))
        return VAL_NULL;
    ObjRepeat *r = VAL_AS(ObjRepeat, args[0]);
    if (r->cnt < 0)
        return rt_raisef(&rt_TypeError, "len() of unsized object");
    return small_new(r->cnt);
}

static const MethodDef repeat_methods[] = {
    {"__reduce__", repeat_reduce}, {"__length_hint__", repeat_length_hint}, {NULL, NULL},
};
DEF_TYPE(repeat_type, "repeat", ObjRepeat, repeat_next, repeat_new, .repr = repeat_repr)

/* ---- islice(iterable, stop) / islice(iterable, start, stop[, step]) -------------- */

typedef struct { Object ob; Value it; ssize_t next, stop, step, cnt; } ObjIslice;

static bool islice_index(Value v, ssize_t *out, const char *msg)
{
    if (v == rt_None)
        return true;
    Value i = rt_index(v);      /* any __index__, as PyNumber_AsSsize_t */
    if (i == VAL_NULL || !rt_as_ssize(i, out) || *out < 0) {
        rt_err_clear();
        rt_raisef(&rt_ValueError, "%s", msg);
        return false;
    }
    return true;
}

static Value islice_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw_new(t, "islice", kw))
        return VAL_NULL;
    nargs = rt_npos(nargs, kw);
    if (!rt_arg_range("islice", nargs, 2, 4))
        return VAL_NULL;
    ssize_t start = 0, stop = -1, step = 1;
    const char *imsg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (nargs == 2) {
        if (!islice_index(args[1], &stop,
                          "Stop argument for islice() must be None or an integer: "
                          "0 <= x <= sys.maxsize."))
            return VAL_NULL;
    } else {
        if (!islice_index(args[1], &start, imsg) || !islice_index(args[2], &stop, imsg))
            return VAL_NULL;
        if (nargs == 4 && args[3] != rt_None) {
            if (!islice_index(args[3], &step,
                              "Step for islice() must be a positive integer or None.") ||
                step == 0) {
                rt_err_clear();
                return rt_raisef(&rt_ValueError,
                                 "Step for islice() must be a positive integer or None.");
            }
        }
    }
    Value it = rt_iter(args[0]);
    if (it == VAL_NULL)
        return VAL_NULL;
    ObjIslice *s = new_obj(t, sizeof *s);
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    return obj_val(s);
}

static Value islice_next(Value self)
{
    ObjIslice *s = VAL_AS(ObjIslice, self);
    Value item;
    while (s->cnt < s->next) {
        if ((item = next_or_stop(&s->it)) == VAL_NULL)
            return VAL_NULL;
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop) {
        s->it = VAL_NULL;
        return VAL_NULL;
    }
    if ((item = next_or_stop(&s->it)) == VAL_NULL)
        return VAL_NULL;
    s->cnt++;
    ssize_t old = s->next;
    s->next += s->step;
    if (s->next < old || (s->stop != -1 && s->next > s->stop))
        s->next = s->stop;
    return item;
}
/* (islice, (it, next, stop, step), cnt); once finished, over an empty iterator. */
static Value islice_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjIslice *s = VAL_AS(ObjIslice, args[0]);
    if (s->it == VAL_NULL) {
        Value empty = rt_iter(rt_list_new(0));
        return reduce_self(args[0], rt_tuple_pack(2, empty, small_new(0)), small_new(0));
    }
    Value stop = s->stop == -1 ? rt_None : small_new(s->stop);
    return reduce_self(args[0],
                       rt_tuple_pack(4, s->it, small_new(s->next), stop, small_new(s->step)),
                       small_new(s->cnt));
}

static Value islice_setstate(Value *args, size_t nargs, Value kw)
{
    ssize_t cnt;
    if (!setstate_args(nargs, kw) ||
        !rt_setstate_index(args[1], PTRDIFF_MIN, PTRDIFF_MAX, &cnt))
        return VAL_NULL;
    VAL_AS(ObjIslice, args[0])->cnt = cnt;
    return rt_None;
}

static const MethodDef islice_methods[] = {
    {"__reduce__", islice_reduce}, {"__setstate__", islice_setstate}, {NULL, NULL},
};
DEF_TYPE(islice_type, "islice", ObjIslice, islice_next, islice_new)

/* ---- chain(*iterables), chain.from_iterable(iterable) ------------------------------- */

typedef struct { Object ob; Value source, active; } ObjChain;

static Value chain_make(ObjType *t, Value source)
{
    ObjChain *c = new_obj(t, sizeof *c);
    c->source = source;
    return obj_val(c);
}

static Value chain_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw_new(t, "chain", kw))
        return VAL_NULL;
    return chain_make(t, rt_iter(rt_tuple_from(args, rt_npos(nargs, kw))));
}

static Value chain_next(Value self)
{
    ObjChain *c = VAL_AS(ObjChain, self);
    for (;;) {
        if (c->active == VAL_NULL) {
            Value iterable = next_or_stop(&c->source);
            if (iterable == VAL_NULL)
                return VAL_NULL;
            if ((c->active = rt_iter(iterable)) == VAL_NULL)
                return VAL_NULL;
        }
        Value v = rt_next(c->active);
        if (v != VAL_NULL || rt_err_occurred())
            return v;
        c->active = VAL_NULL;
    }
}
/* (chain, (), (source[, active])): an empty chain given its iterators. */
static Value chain_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjChain *c = VAL_AS(ObjChain, args[0]);
    if (c->source == VAL_NULL)
        return reduce_self(args[0], rt_empty_tuple, VAL_NULL);
    Value state = c->active == VAL_NULL ? rt_tuple_pack(1, c->source)
                                        : rt_tuple_pack(2, c->source, c->active);
    return reduce_self(args[0], rt_empty_tuple, state);
}

static bool is_iterator(Value v)
{
    return val_type(v)->next != NULL;
}

static Value chain_setstate(Value *args, size_t nargs, Value kw)
{
    if (!setstate_args(nargs, kw) || !state_tuple(args[1], 1, 2))
        return VAL_NULL;
    Value source = rt_tuple_get(args[1], 0);
    Value active = rt_tuple_len(args[1]) > 1 ? rt_tuple_get(args[1], 1) : VAL_NULL;
    if (!is_iterator(source) || (active != VAL_NULL && !is_iterator(active)))
        return rt_raisef(&rt_TypeError, "Arguments must be iterators.");
    ObjChain *c = VAL_AS(ObjChain, args[0]);
    c->source = source;
    c->active = active;
    return rt_None;
}

static const MethodDef chain_methods[] = {
    {"__reduce__", chain_reduce}, {"__setstate__", chain_setstate}, {NULL, NULL},
};
DEF_TYPE(chain_type, "chain", ObjChain, chain_next, chain_new)

static Value chain_from_iterable(Value *args, size_t nargs, Value kw)
{
    /* Called as chain.from_iterable(x): a plain function in the type dict. */
    if (!rt_arg_one("from_iterable", nargs, kw))
        return VAL_NULL;
    Value src = rt_iter(args[0]);
    return src == VAL_NULL ? VAL_NULL : chain_make(&chain_type, src);
}

/* ---- product(*iterables, repeat=1) ------------------------------------------------ */

typedef struct { Object ob; Value pools; size_t *indices; Value result; bool stopped; } ObjProduct;

static Value product_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    size_t npos = rt_npos(nargs, kw);
    ssize_t repeat = 1;
    static const char *const allowed[] = { "repeat", NULL };
    if (!rt_arg_kwnames("product", kw, allowed))
        return VAL_NULL;
    Value r = rt_kwarg(args, nargs, kw, "repeat");
    if (r != VAL_NULL && !rt_as_ssize(r, &repeat))
        return VAL_NULL;
    if (repeat < 0)
        return rt_raisef(&rt_ValueError, "repeat argument cannot be negative");
    size_t n = npos * (size_t)repeat;
    Value pools = rt_tuple_new(n);
    for (size_t i = 0; i < npos; i++) {
        Value p = rt_sequence_to_tuple(args[i]);
        if (p == VAL_NULL)
            return VAL_NULL;
        for (ssize_t j = 0; j < repeat; j++)
            AS_TUPLE(pools)->items[(size_t)j * npos + i] = p;
    }
    ObjProduct *p = new_obj(t, sizeof *p);
    p->pools = pools;
    p->indices = gc_alloc_atomic((n + 1) * sizeof(size_t));
    memset(p->indices, 0, (n + 1) * sizeof(size_t));
    return obj_val(p);
}

static Value product_next(Value self)
{
    ObjProduct *p = VAL_AS(ObjProduct, self);
    if (p->stopped)
        return VAL_NULL;
    size_t n = rt_tuple_len(p->pools);
    Value *pools = AS_TUPLE(p->pools)->items;
    if (p->result == VAL_NULL) {
        for (size_t i = 0; i < n; i++)
            if (rt_tuple_len(pools[i]) == 0) {
                p->stopped = true;
                return VAL_NULL;
            }
    } else {
        /* Advance the rightmost index that can move; reset those after it. */
        size_t i = n;
        for (;;) {
            if (i == 0) {
                p->stopped = true;
                return VAL_NULL;
            }
            i--;
            if (++p->indices[i] < rt_tuple_len(pools[i]))
                break;
            p->indices[i] = 0;
        }
    }
    Value t = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++)
        AS_TUPLE(t)->items[i] = rt_tuple_get(pools[i], p->indices[i]);
    p->result = t;
    return t;
}
/* (product, pools[, indices]); once exhausted (product, ((),)). */
static Value product_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjProduct *p = VAL_AS(ObjProduct, args[0]);
    if (p->stopped)
        return reduce_self(args[0], rt_tuple_pack(1, rt_empty_tuple), VAL_NULL);
    if (p->result == VAL_NULL)
        return reduce_self(args[0], p->pools, VAL_NULL);
    size_t n = rt_tuple_len(p->pools);
    Value indices = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++)
        AS_TUPLE(indices)->items[i] = small_new((int64_t)p->indices[i]);
    return reduce_self(args[0], p->pools, indices);
}

/* Each index clamped into its pool; an empty pool stops the product. */
static Value product_setstate(Value *args, size_t nargs, Value kw)
{
    if (!setstate_args(nargs, kw))
        return VAL_NULL;
    ObjProduct *p = VAL_AS(ObjProduct, args[0]);
    Value state = args[1];
    size_t n = rt_tuple_len(p->pools);
    if (!rt_isinstance_of(state, &rt_tuple_type) || rt_tuple_len(state) != n)
        return rt_raisef(&rt_ValueError, "invalid arguments");
    Value *pools = AS_TUPLE(p->pools)->items;
    for (size_t i = 0; i < n; i++) {
        ssize_t size = (ssize_t)rt_tuple_len(pools[i]), index;
        if (!rt_setstate_index(rt_tuple_get(state, i), 0, size - 1, &index))
            return VAL_NULL;
        if (size == 0) {
            p->stopped = true;
            return rt_None;
        }
        p->indices[i] = (size_t)index;
    }
    Value t = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++)
        AS_TUPLE(t)->items[i] = rt_tuple_get(pools[i], p->indices[i]);
    p->result = t;
    return rt_None;
}

static const MethodDef product_methods[] = {
    {"__reduce__", product_reduce}, {"__setstate__", product_setstate}, {NULL, NULL},
};
DEF_TYPE(product_type, "product", ObjProduct, product_next, product_new)

/* ---- combinations, combinations_with_replacement, permutations ------------------------- */

typedef struct {
    Object ob;
    Value pool;
    size_t *indices, *cycles;
    size_t r;
    bool started, stopped;
} ObjComb;

static ObjComb *comb_make(ObjType *t, const char *name, Value *args, size_t nargs, Value kw,
                          bool r_optional)
{
    static const char *const names[] = { "iterable", "r" };
    ArgSpec spec = { name, names, 2, 0, r_optional ? 1 : 2, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return NULL;
    Value pool = rt_sequence_to_tuple(a[0]);
    if (pool == VAL_NULL)
        return NULL;
    ssize_t r = (ssize_t)rt_tuple_len(pool);
    if (a[1] != VAL_NULL && a[1] != rt_None && !rt_as_ssize(a[1], &r))
        return NULL;
    if (r < 0) {
        rt_raisef(&rt_ValueError, "r must be non-negative");
        return NULL;
    }
    ObjComb *c = new_obj(t, sizeof *c);
    c->pool = pool;
    c->r = (size_t)r;
    size_t n = rt_tuple_len(pool);
    c->indices = gc_alloc_atomic((n + (size_t)r + 1) * sizeof(size_t));
    c->cycles = gc_alloc_atomic(((size_t)r + 1) * sizeof(size_t));
    return c;
}

static Value comb_result(ObjComb *c)
{
    Value t = rt_tuple_new(c->r);
    for (size_t i = 0; i < c->r; i++)
        AS_TUPLE(t)->items[i] = rt_tuple_get(c->pool, c->indices[i]);
    return t;
}

/* The three share a pickle: (type, (pool, r)) before the first item,
 * (type, ((), r)) once exhausted, else (type, (pool, r), state) with the
 * indices (permutations: (indices, cycles)). */
static Value comb_reduce(Value self, Value state)
{
    ObjComb *c = VAL_AS(ObjComb, self);
    Value r = small_new((int64_t)c->r);
    if (!c->started)
        return reduce_self(self, rt_tuple_pack(2, c->pool, r), VAL_NULL);
    if (c->stopped)
        return reduce_self(self, rt_tuple_pack(2, rt_empty_tuple, r), VAL_NULL);
    return reduce_self(self, rt_tuple_pack(2, c->pool, r), state);
}

static Value size_tuple(const size_t *v, size_t n)
{
    Value t = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++)
        AS_TUPLE(t)->items[i] = small_new((int64_t)v[i]);
    return t;
}

static Value combinations_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjComb *c = VAL_AS(ObjComb, args[0]);
    return comb_reduce(args[0], size_tuple(c->indices, c->r));
}

/* Restore r indices, index i clamped to [0, max(i)], and the current result. */
static Value comb_setstate(Value *args, size_t nargs, Value kw, bool replacement)
{
    if (!setstate_args(nargs, kw))
        return VAL_NULL;
    ObjComb *c = VAL_AS(ObjComb, args[0]);
    Value state = args[1];
    ssize_t n = (ssize_t)rt_tuple_len(c->pool), r = (ssize_t)c->r;
    if (!rt_isinstance_of(state, &rt_tuple_type) || (ssize_t)rt_tuple_len(state) != r)
        return rt_raisef(&rt_ValueError, "invalid arguments");
    for (ssize_t i = 0; i < r; i++) {
        ssize_t index, max = replacement ? n - 1 : i + n - r;
        if (!rt_setstate_index(rt_tuple_get(state, (size_t)i), PTRDIFF_MIN, max, &index))
            return VAL_NULL;
        c->indices[i] = (size_t)(index < 0 ? 0 : index);
    }
    c->started = true;
    return rt_None;
}

static Value combinations_setstate(Value *args, size_t nargs, Value kw)
{
    return comb_setstate(args, nargs, kw, false);
}

static Value cwr_setstate(Value *args, size_t nargs, Value kw)
{
    return comb_setstate(args, nargs, kw, true);
}

static const MethodDef combinations_methods[] = {
    {"__reduce__", combinations_reduce}, {"__setstate__", combinations_setstate}, {NULL, NULL},
};
static const MethodDef cwr_methods[] = {
    {"__reduce__", combinations_reduce}, {"__setstate__", cwr_setstate}, {NULL, NULL},
};

static Value combinations_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    ObjComb *c = comb_make(t, "combinations", args, nargs, kw, false);
    if (c == NULL)
        return VAL_NULL;
    for (size_t i = 0; i < c->r; i++)
        c->indices[i] = i;
    c->stopped = c->r > rt_tuple_len(c->pool);
    return obj_val(c);
}

static Value combinations_next(Value self)
{
    ObjComb *c = VAL_AS(ObjComb, self);
    size_t n = rt_tuple_len(c->pool), r = c->r, i;
    if (c->stopped)
        return VAL_NULL;
    if (c->started) {
        /* The rightmost index not at its maximum (i + n - r). */
        for (i = r; i-- > 0;)
            if (c->indices[i] != i + n - r)
                break;
        if (i == (size_t)-1) {
            c->stopped = true;
            return VAL_NULL;
        }
        c->indices[i]++;
        for (size_t j = i + 1; j < r; j++)
            c->indices[j] = c->indices[j - 1] + 1;
    }
    c->started = true;
    return comb_result(c);
}
DEF_TYPE(combinations_type, "combinations", ObjComb, combinations_next, combinations_new)

static Value cwr_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    ObjComb *c = comb_make(t, "combinations_with_replacement", args, nargs, kw, false);
    if (c == NULL)
        return VAL_NULL;
    memset(c->indices, 0, c->r * sizeof(size_t));
    c->stopped = rt_tuple_len(c->pool) == 0 && c->r > 0;
    return obj_val(c);
}

static Value cwr_next(Value self)
{
    ObjComb *c = VAL_AS(ObjComb, self);
    size_t n = rt_tuple_len(c->pool), r = c->r, i;
    if (c->stopped)
        return VAL_NULL;
    if (c->started) {
        for (i = r; i-- > 0;)
            if (c->indices[i] != n - 1)
                break;
        if (i == (size_t)-1) {
            c->stopped = true;
            return VAL_NULL;
        }
        size_t v = c->indices[i] + 1;
        for (size_t j = i; j < r; j++)
            c->indices[j] = v;
    }
    c->started = true;
    return comb_result(c);
}
DEF_TYPE(cwr_type, "combinations_with_replacement", ObjComb, cwr_next, cwr_new)

static Value permutations_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    ObjComb *c = comb_make(t, "permutations", args, nargs, kw, true);
    if (c == NULL)
        return VAL_NULL;
    size_t n = rt_tuple_len(c->pool);
    for (size_t i = 0; i < n; i++)
        c->indices[i] = i;
    for (size_t i = 0; i < c->r && i < n; i++)
        c->cycles[i] = n - i;
    c->stopped = c->r > n;
    return obj_val(c);
}

/* CPython's algorithm: rotate the tail at i once cycles[i] runs out. */
static Value permutations_next(Value self)
{
    ObjComb *c = VAL_AS(ObjComb, self);
    size_t n = rt_tuple_len(c->pool), r = c->r;
    if (c->stopped)
        return VAL_NULL;
    if (c->started) {
        if (n == 0)
            goto done;
        size_t i;
        for (i = r; i-- > 0;) {
            if (--c->cycles[i] == 0) {
                size_t first = c->indices[i];
                for (size_t j = i; j < n - 1; j++)
                    c->indices[j] = c->indices[j + 1];
                c->indices[n - 1] = first;
                c->cycles[i] = n - i;
            } else {
                size_t j = c->cycles[i];
                size_t tmp = c->indices[i];
                c->indices[i] = c->indices[n - j];
                c->indices[n - j] = tmp;
                break;
            }
        }
        if (i == (size_t)-1)
            goto done;
    }
    c->started = true;
    return comb_result(c);
done:
    c->stopped = true;
    return VAL_NULL;
}
static Value permutations_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjComb *c = VAL_AS(ObjComb, args[0]);
    return comb_reduce(args[0], rt_tuple_pack(2, size_tuple(c->indices, rt_tuple_len(c->pool)),
                                              size_tuple(c->cycles, c->r)));
}

/* (indices, cycles): n indices in [0, n-1], r cycles, cycle i in [1, n-i]. */
static Value permutations_setstate(Value *args, size_t nargs, Value kw)
{
    if (!setstate_args(nargs, kw) || !state_tuple(args[1], 2, 2))
        return VAL_NULL;
    ObjComb *c = VAL_AS(ObjComb, args[0]);
    Value indices = rt_tuple_get(args[1], 0), cycles = rt_tuple_get(args[1], 1);
    if (!rt_isinstance_of(indices, &rt_tuple_type) || !rt_isinstance_of(cycles, &rt_tuple_type))
        return rt_raisef(&rt_TypeError, "__setstate__() argument must be tuple");
    ssize_t n = (ssize_t)rt_tuple_len(c->pool), index;
    if ((ssize_t)rt_tuple_len(indices) != n || rt_tuple_len(cycles) != c->r)
        return rt_raisef(&rt_ValueError, "invalid arguments");
    for (ssize_t i = 0; i < n; i++) {
        if (!rt_setstate_index(rt_tuple_get(indices, (size_t)i), 0, n - 1, &index))
            return VAL_NULL;
        c->indices[i] = (size_t)index;
    }
    for (size_t i = 0; i < c->r; i++) {
        if (!rt_setstate_index(rt_tuple_get(cycles, i), 1, n - (ssize_t)i, &index))
            return VAL_NULL;
        c->cycles[i] = (size_t)index;
    }
    c->started = true;
    return rt_None;
}

static const MethodDef permutations_methods[] = {
    {"__reduce__", permutations_reduce}, {"__setstate__", permutations_setstate}, {NULL, NULL},
};
DEF_TYPE(permutations_type, "permutations", ObjComb, permutations_next, permutations_new)

/* ---- accumulate(iterable, func=None, *, initial=None) ----------------------------- */

typedef struct { Object ob; Value it, func, total, initial; } ObjAccumulate;

static Value accumulate_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "iterable", "func", "initial" };
    static const ArgSpec spec = { "accumulate", names, 3, 0, 1, 2, false };
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    Value it = rt_iter(a[0]);
    if (it == VAL_NULL)
        return VAL_NULL;
    ObjAccumulate *s = new_obj(t, sizeof *s);
    s->it = it;
    s->func = a[1] == rt_None ? VAL_NULL : a[1];
    s->initial = a[2] == rt_None ? VAL_NULL : a[2];
    return obj_val(s);
}

static Value accumulate_next(Value self)
{
    ObjAccumulate *s = VAL_AS(ObjAccumulate, self);
    if (s->initial != VAL_NULL) {
        s->total = s->initial;
        s->initial = VAL_NULL;
        return s->total;
    }
    Value v = next_or_stop(&s->it);
    if (v == VAL_NULL)
        return VAL_NULL;
    if (s->total == VAL_NULL)
        s->total = v;
    else {
        Value n = s->func ? rt_call2(s->func, s->total, v) : rt_binary_op(s->total, v, NB_ADD);
        if (n == VAL_NULL)
            return VAL_NULL;
        s->total = n;
    }
    return s->total;
}
/* (accumulate, (it, func), total); an initial value not yet given goes
 * in front of the iterator (a chain), and a running total of None, which
 * a state could not tell from "none yet", is fed back in and skipped (an
 * islice over a new accumulate). */
static Value accumulate_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjAccumulate *s = VAL_AS(ObjAccumulate, args[0]);
    Value func = s->func ? s->func : rt_None;
    Value it = s->it ? s->it : rt_iter(rt_empty_tuple);
    if (s->initial != VAL_NULL || s->total == rt_None) {
        Value first = s->initial != VAL_NULL ? s->initial : rt_None;
        it = chain_make(&chain_type, rt_iter(rt_tuple_pack(2, rt_tuple_pack(1, first), it)));
        if (s->initial != VAL_NULL)
            return reduce_self(args[0], rt_tuple_pack(2, it, func), rt_None);
        Value acc = rt_call2(obj_val(val_type(args[0])), it, func);
        if (acc == VAL_NULL)
            return VAL_NULL;
        return rt_reduce_value(obj_val(&islice_type),
                               rt_tuple_pack(3, acc, small_new(1), rt_None), VAL_NULL);
    }
    return reduce_self(args[0], rt_tuple_pack(2, it, func), s->total ? s->total : rt_None);
}

static Value accumulate_setstate(Value *args, size_t nargs, Value kw)
{
    if (!setstate_args(nargs, kw))
        return VAL_NULL;
    VAL_AS(ObjAccumulate, args[0])->total = args[1];
    return rt_None;
}

static const MethodDef accumulate_methods[] = {
    {"__reduce__", accumulate_reduce}, {"__setstate__", accumulate_setstate}, {NULL, NULL},
};
DEF_TYPE(accumulate_type, "accumulate", ObjAccumulate, accumulate_next, accumulate_new)

/* ---- groupby(iterable, key=None) and its _grouper ---------------------------------- */

typedef struct {
    Object ob;
    Value it, keyfunc, tgtkey, currkey, currvalue, currgrouper;
} ObjGroupBy;
typedef struct { Object ob; Value parent, tgtkey; } ObjGrouper;

static Value groupby_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "iterable", "key" };
    static const ArgSpec spec = { "groupby", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    Value it = rt_iter(a[0]);
    if (it == VAL_NULL)
        return VAL_NULL;
    ObjGroupBy *g = new_obj(t, sizeof *g);
    g->it = it;
    g->keyfunc = a[1] == rt_None ? VAL_NULL : a[1];
    return obj_val(g);
}

/* Pull the next value and compute its key: 0 ok, -1 exhausted or error. */
static int groupby_step(ObjGroupBy *g)
{
    Value v = rt_next(g->it);
    if (v == VAL_NULL)
        return -1;
    Value k = g->keyfunc ? rt_call1(g->keyfunc, v) : v;
    if (k == VAL_NULL)
        return -1;
    g->currvalue = v;
    g->currkey = k;
    return 0;
}

static ObjType grouper_type;

/* The group of parent's current key: the one its groupby now yields from. */
static Value grouper_make(Value parent, Value tgtkey)
{
    ObjGrouper *gr = gc_alloc(sizeof *gr);
    gr->ob.type = &grouper_type;
    gr->parent = parent;
    gr->tgtkey = tgtkey;
    VAL_AS(ObjGroupBy, parent)->currgrouper = obj_val(gr);
    return obj_val(gr);
}

static Value groupby_next(Value self)
{
    ObjGroupBy *g = VAL_AS(ObjGroupBy, self);
    g->currgrouper = VAL_NULL;
    /* Skip to the next group. */
    for (;;) {
        if (g->currkey == VAL_NULL)
            ;
        else if (g->tgtkey == VAL_NULL)
            break;
        else {
            int eq = rt_compare_bool(g->tgtkey, g->currkey, CMP_EQ);
            if (eq < 0)
                return VAL_NULL;
            if (!eq)
                break;
        }
        if (groupby_step(g) < 0)
            return VAL_NULL;
    }
    g->tgtkey = g->currkey;
    return rt_tuple_pack(2, g->currkey, grouper_make(self, g->tgtkey));
}
/* (groupby, (it, key)) and, once started, (currkey, currvalue, tgtkey). */
static Value groupby_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjGroupBy *g = VAL_AS(ObjGroupBy, args[0]);
    Value it = g->it ? g->it : rt_iter(rt_empty_tuple);
    Value newargs = rt_tuple_pack(2, it, g->keyfunc ? g->keyfunc : rt_None), state = VAL_NULL;
    if (g->tgtkey != VAL_NULL && g->currkey != VAL_NULL && g->currvalue != VAL_NULL)
        state = rt_tuple_pack(3, g->currkey, g->currvalue, g->tgtkey);
    return reduce_self(args[0], newargs, state);
}

static Value groupby_setstate(Value *args, size_t nargs, Value kw)
{
    if (!setstate_args(nargs, kw) || !state_tuple(args[1], 3, 3))
        return VAL_NULL;
    ObjGroupBy *g = VAL_AS(ObjGroupBy, args[0]);
    g->currkey = rt_tuple_get(args[1], 0);
    g->currvalue = rt_tuple_get(args[1], 1);
    g->tgtkey = rt_tuple_get(args[1], 2);
    return rt_None;
}

static const MethodDef groupby_methods[] = {
    {"__reduce__", groupby_reduce}, {"__setstate__", groupby_setstate}, {NULL, NULL},
};
DEF_TYPE(groupby_type, "groupby", ObjGroupBy, groupby_next, groupby_new)

static Value grouper_next(Value self)
{
    ObjGrouper *gr = VAL_AS(ObjGrouper, self);
    ObjGroupBy *g = VAL_AS(ObjGroupBy, gr->parent);
    if (g->currgrouper != self)
        return VAL_NULL;
    if (g->currvalue == VAL_NULL && groupby_step(g) < 0)
        return VAL_NULL;
    int eq = rt_compare_bool(gr->tgtkey, g->currkey, CMP_EQ);
    if (eq <= 0)
        return VAL_NULL;
    Value r = g->currvalue;
    g->currvalue = VAL_NULL;
    g->currkey = VAL_NULL;
    return r;
}
/* _grouper(parent, tgtkey), as its pickle rebuilds it. */
static Value grouper_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_grouper", kw) || !rt_arg_count("_grouper", nargs, 2, 2))
        return VAL_NULL;
    if (!rt_isinstance_of(args[0], &groupby_type))
        return rt_raisef(&rt_TypeError, "_grouper() argument 1 must be itertools.groupby, not %T",
                         args[0]);
    return grouper_make(args[0], args[1]);
}

/* (_grouper, (parent, tgtkey)), or an empty iterator once the group is over. */
static Value grouper_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjGrouper *gr = VAL_AS(ObjGrouper, args[0]);
    if (VAL_AS(ObjGroupBy, gr->parent)->currgrouper != args[0])
        return rt_reduce_builtin("iter", rt_tuple_pack(1, rt_empty_tuple), VAL_NULL);
    return reduce_self(args[0], rt_tuple_pack(2, gr->parent, gr->tgtkey), VAL_NULL);
}

static const MethodDef grouper_methods[] = { {"__reduce__", grouper_reduce}, {NULL, NULL} };
static ObjType grouper_type = {
    .ob.type = &rt_type_type, .name = "itertools._grouper",
    .iter = rt_iter_self, .next = grouper_next, .new_ = grouper_new,
};

/* ---- zip_longest(*iterables, fillvalue=None) --------------------------------------- */

typedef struct { Object ob; Value iters, fill; size_t active; } ObjZipLongest;

static Value zip_longest_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    static const char *const allowed[] = { "fillvalue", NULL };
    if (!rt_arg_kwnames("zip_longest", kw, allowed))
        return VAL_NULL;
    size_t n = rt_npos(nargs, kw);
    Value fill = rt_kwarg(args, nargs, kw, "fillvalue");
    Value iters = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++)
        if ((AS_TUPLE(iters)->items[i] = rt_iter(args[i])) == VAL_NULL)
            return VAL_NULL;
    ObjZipLongest *z = new_obj(t, sizeof *z);
    z->iters = iters;
    z->fill = fill ? fill : rt_None;
    z->active = n;
    return obj_val(z);
}

static Value zip_longest_next(Value self)
{
    ObjZipLongest *z = VAL_AS(ObjZipLongest, self);
    size_t n = rt_tuple_len(z->iters);
    if (n == 0 || z->active == 0)
        return VAL_NULL;
    Value t = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++) {
        Value *it = &AS_TUPLE(z->iters)->items[i], v;
        if (*it == rt_None)
            v = z->fill;
        else if ((v = rt_next(*it)) == VAL_NULL) {
            if (rt_err_occurred())
                return VAL_NULL;
            *it = rt_None;
            if (--z->active == 0)
                return VAL_NULL;
            v = z->fill;
        }
        AS_TUPLE(t)->items[i] = v;
    }
    return t;
}
/* (zip_longest, iterators, fillvalue): an exhausted one as (). */
static Value zip_longest_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjZipLongest *z = VAL_AS(ObjZipLongest, args[0]);
    size_t n = rt_tuple_len(z->iters);
    Value its = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++) {
        Value it = rt_tuple_get(z->iters, i);
        AS_TUPLE(its)->items[i] = it == rt_None ? rt_empty_tuple : it;
    }
    return reduce_self(args[0], its, z->fill);
}

static Value zip_longest_setstate(Value *args, size_t nargs, Value kw)
{
    if (!setstate_args(nargs, kw))
        return VAL_NULL;
    VAL_AS(ObjZipLongest, args[0])->fill = args[1];
    return rt_None;
}

static const MethodDef zip_longest_methods[] = {
    {"__reduce__", zip_longest_reduce}, {"__setstate__", zip_longest_setstate}, {NULL, NULL},
};
DEF_TYPE(zip_longest_type, "zip_longest", ObjZipLongest, zip_longest_next, zip_longest_new)

/* ---- starmap, takewhile, dropwhile, filterfalse, compress, pairwise --------------- */

typedef struct { Object ob; Value func, it, extra; bool flag; } ObjFuncIter;

static Value funciter_make(ObjType *t, const char *name, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw_new(t, name, kw) || !rt_arg_range(name, rt_npos(nargs, kw), 2, 2))
        return VAL_NULL;
    Value it = rt_iter(args[1]);
    if (it == VAL_NULL)
        return VAL_NULL;
    ObjFuncIter *f = new_obj(t, sizeof *f);
    f->func = args[0];
    f->it = it;
    return obj_val(f);
}

#define FUNCITER_NEW(fn, name) \
    static Value fn(ObjType *t, Value *a, size_t n, Value kw) \
    { return funciter_make(t, name, a, n, kw); }
FUNCITER_NEW(starmap_new, "starmap")
FUNCITER_NEW(takewhile_new, "takewhile")
FUNCITER_NEW(dropwhile_new, "dropwhile")
FUNCITER_NEW(filterfalse_new, "filterfalse")

static ObjType takewhile_type, dropwhile_type, compress_type;

/* starmap, filterfalse: (type, (func, it)); takewhile and dropwhile add
 * their flag as the state; compress: (compress, (data, selectors)). */
static Value funciter_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjFuncIter *f = VAL_AS(ObjFuncIter, args[0]);
    Value it = f->it ? f->it : rt_iter(rt_empty_tuple);
    ObjType *t = val_type(args[0]);
    if (rt_is_subtype(t, &compress_type)) {
        Value sel = f->extra ? f->extra : rt_iter(rt_empty_tuple);
        return reduce_self(args[0], rt_tuple_pack(2, it, sel), VAL_NULL);
    }
    Value state = VAL_NULL;
    if (rt_is_subtype(t, &takewhile_type) || rt_is_subtype(t, &dropwhile_type))
        state = small_new(f->flag);
    return reduce_self(args[0], rt_tuple_pack(2, f->func, it), state);
}

static Value funciter_setstate(Value *args, size_t nargs, Value kw)
{
    if (!setstate_args(nargs, kw))
        return VAL_NULL;
    int flag = rt_truthy(args[1]);
    if (flag < 0)
        return VAL_NULL;
    VAL_AS(ObjFuncIter, args[0])->flag = flag;
    return rt_None;
}

static const MethodDef funciter_methods[] = { {"__reduce__", funciter_reduce}, {NULL, NULL} };
static const MethodDef flagged_funciter_methods[] = {
    {"__reduce__", funciter_reduce}, {"__setstate__", funciter_setstate}, {NULL, NULL},
};

static Value starmap_next(Value self)
{
    ObjFuncIter *f = VAL_AS(ObjFuncIter, self);
    Value args = next_or_stop(&f->it);
    if (args == VAL_NULL)
        return VAL_NULL;
    if (!is_tuple(args) && (args = rt_sequence_to_tuple(args)) == VAL_NULL)
        return VAL_NULL;
    return rt_call(f->func, AS_TUPLE(args)->items, rt_tuple_len(args), VAL_NULL);
}
DEF_TYPE(starmap_type, "starmap", ObjFuncIter, starmap_next, starmap_new)

static Value takewhile_next(Value self)
{
    ObjFuncIter *f = VAL_AS(ObjFuncIter, self);
    if (f->flag)
        return VAL_NULL;
    Value v = next_or_stop(&f->it);
    if (v == VAL_NULL)
        return VAL_NULL;
    Value ok = rt_call1(f->func, v);
    int t = ok == VAL_NULL ? -1 : rt_truthy(ok);
    if (t < 0)
        return VAL_NULL;
    if (t)
        return v;
    f->flag = true;
    return VAL_NULL;
}
DEF_TYPE(takewhile_type, "takewhile", ObjFuncIter, takewhile_next, takewhile_new)

static Value dropwhile_next(Value self)
{
    ObjFuncIter *f = VAL_AS(ObjFuncIter, self);
    for (;;) {
        Value v = next_or_stop(&f->it);
        if (v == VAL_NULL || f->flag)
            return v;
        Value ok = rt_call1(f->func, v);
        int t = ok == VAL_NULL ? -1 : rt_truthy(ok);
        if (t < 0)
            return VAL_NULL;
        if (!t) {
            f->flag = true;
            return v;
        }
    }
}
DEF_TYPE(dropwhile_type, "dropwhile", ObjFuncIter, dropwhile_next, dropwhile_new)

static Value filterfalse_next(Value self)
{
    ObjFuncIter *f = VAL_AS(ObjFuncIter, self);
    for (;;) {
        Value v = next_or_stop(&f->it);
        if (v == VAL_NULL)
            return v;
        int t;
        if (f->func == rt_None)
            t = rt_truthy(v);
        else {
            Value ok = rt_call1(f->func, v);
            t = ok == VAL_NULL ? -1 : rt_truthy(ok);
        }
        if (t < 0)
            return VAL_NULL;
        if (!t)
            return v;
    }
}
DEF_TYPE(filterfalse_type, "filterfalse", ObjFuncIter, filterfalse_next, filterfalse_new)

static Value compress_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data", "selectors" };
    static const ArgSpec spec = { "compress", names, 2, 0, 2, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    Value d = rt_iter(a[0]), s;
    if (d == VAL_NULL || (s = rt_iter(a[1])) == VAL_NULL)
        return VAL_NULL;
    ObjFuncIter *f = new_obj(t, sizeof *f);
    f->it = d;
    f->extra = s;
    return obj_val(f);
}

static Value compress_next(Value self)
{
    ObjFuncIter *f = VAL_AS(ObjFuncIter, self);
    for (;;) {
        Value d = next_or_stop(&f->it), s;
        if (d == VAL_NULL || (s = next_or_stop(&f->extra)) == VAL_NULL)
            return VAL_NULL;
        int t = rt_truthy(s);
        if (t < 0)
            return VAL_NULL;
        if (t)
            return d;
    }
}
DEF_TYPE(compress_type, "compress", ObjFuncIter, compress_next, compress_new)

static Value pairwise_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw_new(t, "pairwise", kw) || !rt_arg_range("pairwise", rt_npos(nargs, kw), 1, 1))
        return VAL_NULL;
    Value it = rt_iter(args[0]);
    if (it == VAL_NULL)
        return VAL_NULL;
    ObjFuncIter *f = new_obj(t, sizeof *f);
    f->it = it;
    return obj_val(f);
}

static Value pairwise_next(Value self)
{
    ObjFuncIter *f = VAL_AS(ObjFuncIter, self);
    if (f->extra == VAL_NULL && (f->extra = next_or_stop(&f->it)) == VAL_NULL)
        return VAL_NULL;
    Value n = next_or_stop(&f->it);
    if (n == VAL_NULL) {
        f->extra = VAL_NULL;
        return VAL_NULL;
    }
    Value r = rt_tuple_pack(2, f->extra, n);
    f->extra = n;
    return r;
}
DEF_TYPE(pairwise_type, "pairwise", ObjFuncIter, pairwise_next, pairwise_new)

/* batched(iterable, n, *, strict=False) (3.12; strict: 3.13): tuples of n
 * items, the last one shorter (with strict, ValueError).  extra holds n. */
static Value batched_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "iterable", "n", "strict" };
    ArgSpec spec = { "batched", names, rt_py_minor >= 13 ? 3 : 2, 0, 2, 2, false };
    Value a[3];
    ssize_t n;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !rt_as_ssize(a[1], &n))
        return VAL_NULL;
    if (n < 1)
        return rt_raisef(&rt_ValueError, "n must be at least one");
    int strict = spec.nparams == 3 && a[2] != VAL_NULL ? rt_truthy(a[2]) : 0;
    Value it = strict < 0 ? VAL_NULL : rt_iter(a[0]);
    if (it == VAL_NULL)
        return VAL_NULL;
    ObjFuncIter *f = new_obj(t, sizeof *f);
    f->it = it;
    f->extra = small_new(n < SMALL_MAX ? n : SMALL_MAX);
    f->flag = strict > 0;
    return obj_val(f);
}

static Value batched_next(Value self)
{
    ObjFuncIter *f = VAL_AS(ObjFuncIter, self);
    ssize_t n = small_value(f->extra);
    Value batch = rt_list_new(n < 64 ? (size_t)n : 64);
    for (ssize_t i = 0; i < n; i++) {
        Value item = next_or_stop(&f->it);
        if (item == VAL_NULL) {
            if (rt_err_occurred() || i == 0)
                return VAL_NULL;
            if (f->flag)
                return rt_raisef(&rt_ValueError, "batched(): incomplete batch");
            break;
        }
        rt_list_append(batch, item);
    }
    return rt_list_as_tuple(batch);
}
DEF_TYPE(batched_type, "batched", ObjFuncIter, batched_next, batched_new)

/* ---- tee(iterable, n=2) ------------------------------------------------------------
 * CPython's design: the items read from the source live in a chain of
 * fixed-size blocks (_tee_dataobject), each linking to the next; a copy
 * (_tee) holds its block and its index in it.  The block behind the
 * slowest copy is unreachable and the collector frees it, so copies
 * advancing together use constant memory however long the stream. */

#define TEE_CELLS 57            /* CPython's LINKCELLS */

typedef struct TeeData {
    Object ob;
    Value it;                   /* the source, shared by every block */
    struct TeeData *next;       /* made when a copy moves past this full block */
    int numread;                /* values[0..numread) are filled */
    bool running;               /* inside the source's __next__ (re-entered) */
    Value values[TEE_CELLS];
} TeeData;
typedef struct { Object ob; TeeData *data; int index; } ObjTee;

static ObjType tee_type, teedata_type;

static TeeData *teedata_make(Value it)
{
    TeeData *d = new_obj(&teedata_type, sizeof *d);
    d->it = it;
    return d;
}

/* Item i of block d, read from the source when d is the leading block. */
static Value teedata_item(TeeData *d, int i)
{
    if (i < d->numread)
        return d->values[i];
    if (d->running)
        return rt_raisef(&rt_RuntimeError, "cannot re-enter the tee iterator");
    d->running = true;
    Value v = rt_next(d->it);
    d->running = false;
    if (v == VAL_NULL)
        return VAL_NULL;
    d->values[d->numread++] = v;
    return v;
}

static Value tee_next(Value self)
{
    ObjTee *t = VAL_AS(ObjTee, self);
    if (t->index >= TEE_CELLS) {
        if (t->data->next == NULL)
            t->data->next = teedata_make(t->data->it);
        t->data = t->data->next;
        t->index = 0;
    }
    Value v = teedata_item(t->data, t->index);
    if (v != VAL_NULL)
        t->index++;
    return v;
}

static Value tee_make(TeeData *d, int index)
{
    ObjTee *t = new_obj(&tee_type, sizeof *t);
    t->data = d;
    t->index = index;
    return obj_val(t);
}

/* A copy reading from iterable's position: a tee copies its position. */
static Value tee_from_iterable(Value iterable)
{
    Value it = rt_iter(iterable);
    if (it == VAL_NULL)
        return VAL_NULL;
    if (rt_isinstance_of(it, &tee_type)) {
        ObjTee *t = VAL_AS(ObjTee, it);
        return tee_make(t->data, t->index);
    }
    return tee_make(teedata_make(it), 0);
}

static Value tee_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_tee", kw) || !rt_arg_range("_tee", nargs, 1, 1))
        return VAL_NULL;
    return tee_from_iterable(args[0]);
}

static Value tee_copy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("__copy__", nargs - 1, kw))
        return VAL_NULL;
    ObjTee *t = VAL_AS(ObjTee, args[0]);
    return tee_make(t->data, t->index);
}

/* (_tee, ((),), (data, index)): an empty _tee given the position by __setstate__. */
static Value tee_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    ObjTee *t = VAL_AS(ObjTee, args[0]);
    return rt_tuple_pack(3, obj_val(&tee_type), rt_tuple_pack(1, rt_empty_tuple),
                         rt_tuple_pack(2, obj_val(t->data), small_new(t->index)));
}

static Value tee_setstate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("__setstate__", kw) || !rt_arg_range("__setstate__", nargs - 1, 1, 1))
        return VAL_NULL;
    Value st = args[1];
    if (!rt_isinstance_of(st, &rt_tuple_type))
        return rt_raisef(&rt_TypeError, "state is not a tuple");
    ObjTuple *tp = AS_TUPLE(st);
    if (tp->length != 2 || !rt_isinstance_of(tp->items[0], &teedata_type) ||
        !rt_isinstance_of(tp->items[1], &rt_int_type))
        return rt_raisef(&rt_TypeError, "invalid tee state");
    ssize_t index;
    if (!rt_as_ssize(tp->items[1], &index))
        return VAL_NULL;
    if (index < 0 || index > TEE_CELLS)
        return rt_raisef(&rt_ValueError, "Index out of range");
    ObjTee *t = VAL_AS(ObjTee, args[0]);
    t->data = VAL_AS(TeeData, tp->items[0]);
    t->index = (int)index;
    return rt_None;
}

/* _tee_dataobject(iterable, values, next): one block, as __reduce__ gives it. */
static Value teedata_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_tee_dataobject", kw) || !rt_arg_count("_tee_dataobject", nargs, 3, 3))
        return VAL_NULL;
    if (!rt_isinstance_of(args[1], &rt_list_type))
        return rt_raisef(&rt_TypeError, "_tee_dataobject() argument 2 must be list, not %T", args[1]);
    ObjList *values = AS_LIST(args[1]);
    TeeData *d = teedata_make(args[0]);
    if (values->length > TEE_CELLS)
        return rt_raisef(&rt_ValueError, "too many values");
    for (size_t i = 0; i < values->length; i++)
        d->values[i] = values->items[i];
    d->numread = (int)values->length;
    if (args[2] == rt_None)
        return obj_val(d);
    if (!rt_isinstance_of(args[2], &teedata_type))
        return rt_raisef(&rt_ValueError, "_tee_dataobject should be set");
    if (d->numread < TEE_CELLS)
        return rt_raisef(&rt_ValueError, "_tee_dataobject next link without full values");
    d->next = VAL_AS(TeeData, args[2]);
    return obj_val(d);
}

static Value teedata_reduce(Value *args, size_t nargs, Value kw)
{
    if (!reduce_args(nargs, kw))
        return VAL_NULL;
    TeeData *d = VAL_AS(TeeData, args[0]);
    Value values = rt_list_new(0);
    for (int i = 0; i < d->numread; i++)
        rt_list_append(values, d->values[i]);
    return rt_tuple_pack(2, obj_val(&teedata_type),
                         rt_tuple_pack(3, d->it, values, d->next ? obj_val(d->next) : rt_None));
}

static ObjType tee_type = {
    .ob.type = &rt_type_type, .name = "itertools._tee", .flags = TF_WEAKREFABLE,
    .iter = rt_iter_self, .next = tee_next, .new_ = tee_new,
};
static ObjType teedata_type = {
    .ob.type = &rt_type_type, .name = "itertools._tee_dataobject", .new_ = teedata_new,
};

static const MethodDef tee_methods[] = {
    {"__copy__", tee_copy}, {"__reduce__", tee_reduce}, {"__setstate__", tee_setstate},
    {NULL, NULL}
};
static const MethodDef teedata_methods[] = { {"__reduce__", teedata_reduce}, {NULL, NULL} };

/* tee(iterable, n=2, /): the first copy is the iterator itself when it
 * has __copy__ (a _tee does), the others its copies. */
static Value it_tee(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("tee", kw) || !rt_arg_range("tee", nargs, 1, 2))
        return VAL_NULL;
    ssize_t n = 2;
    if (nargs == 2 && !rt_as_ssize(args[1], &n))
        return VAL_NULL;
    if (n < 0)
        return rt_raisef(&rt_ValueError, "n must be >= 0");
    Value out = rt_tuple_new((size_t)n);
    if (n == 0)
        return out;
    Value it = rt_iter(args[0]);
    if (it == VAL_NULL)
        return VAL_NULL;
    static Value copy_name = VAL_NULL;
    if (copy_name == VAL_NULL)
        copy_name = rt_str_intern_cstr("__copy__");
    Value copyable = it, copyfn = VAL_NULL;
    if (!rt_isinstance_of(it, &tee_type)) {
        copyfn = rt_lookup_attr(it, copy_name);
        if (copyfn == VAL_NULL) {
            if (rt_err_occurred())
                return VAL_NULL;
            copyable = tee_from_iterable(it);
            if (copyable == VAL_NULL)
                return VAL_NULL;
        }
    }
    AS_TUPLE(out)->items[0] = copyable;
    for (ssize_t i = 1; i < n; i++) {
        Value c;
        if (copyfn == VAL_NULL) {
            ObjTee *t = VAL_AS(ObjTee, copyable);
            c = tee_make(t->data, t->index);
        } else if ((c = rt_call(copyfn, NULL, 0, VAL_NULL)) == VAL_NULL) {
            return VAL_NULL;
        }
        AS_TUPLE(out)->items[i] = c;
    }
    return out;
}

static const MethodDef itertools_functions[] = {
    {"tee", it_tee},
    {NULL, NULL}
};

/* 3.14 removed pickling and copying (but _tee's __copy__): a type's
 * methods without __reduce__ and __setstate__, in a table made once. */
static const MethodDef *without_pickling(const MethodDef *methods)
{
    if (methods == NULL || rt_py_minor < 14)
        return methods;
    size_t n = 0;
    while (methods[n].name != NULL)
        n++;
    MethodDef *kept = malloc((n + 1) * sizeof *kept), *out = kept;    /* for good */
    if (kept == NULL)
        return methods;
    for (size_t i = 0; i < n; i++)
        if (strcmp(methods[i].name, "__reduce__") != 0 &&
            strcmp(methods[i].name, "__setstate__") != 0)
            *out++ = methods[i];
    *out = (MethodDef){NULL, NULL};
    return kept;
}

Value mod_itertools_init(void)
{
    static const struct {
        const char *name;
        ObjType *type;
        const MethodDef *methods;
    } types[] = {
        {"count", &count_type, count_methods}, {"cycle", &cycle_type, cycle_methods},
        {"repeat", &repeat_type, repeat_methods}, {"islice", &islice_type, islice_methods},
        {"chain", &chain_type, chain_methods}, {"product", &product_type, product_methods},
        {"permutations", &permutations_type, permutations_methods},
        {"combinations", &combinations_type, combinations_methods},
        {"combinations_with_replacement", &cwr_type, cwr_methods},
        {"accumulate", &accumulate_type, accumulate_methods},
        {"groupby", &groupby_type, groupby_methods},
        {"zip_longest", &zip_longest_type, zip_longest_methods},
        {"starmap", &starmap_type, funciter_methods},
        {"takewhile", &takewhile_type, flagged_funciter_methods},
        {"dropwhile", &dropwhile_type, flagged_funciter_methods},
        {"filterfalse", &filterfalse_type, funciter_methods},
        {"compress", &compress_type, funciter_methods}, {"pairwise", &pairwise_type, NULL},
        {"_grouper", &grouper_type, grouper_methods},
    };
    Value m = mod_module_new("itertools", itertools_functions);
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        mod_add_type(m, types[i].name, types[i].type, without_pickling(types[i].methods));
    if (rt_py_minor >= 12)
        mod_add_type(m, "batched", &batched_type, NULL);
    mod_add_type(m, "_tee", &tee_type, without_pickling(tee_methods));
    mod_add_type(m, "_tee_dataobject", &teedata_type, without_pickling(teedata_methods));
    rt_type_set(&chain_type, "from_iterable",
                rt_builtin_new("from_iterable", chain_from_iterable, VAL_NULL));
    rt_type_add_class_getitem(&chain_type);                  /* chain[int] */
    return m;
}
