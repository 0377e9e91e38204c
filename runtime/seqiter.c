/*
 * seqiter.c — the iterator of last resort, and small helpers every
 * container file shares.
 *
 * iter(x) on an object without __iter__ but with __getitem__ falls back to
 * calling x[0], x[1], ... until IndexError (CPython's "sequence iterator",
 * Objects/iterobject.c).  That iterator lives here.
 *
 * The helpers below collect what tuple, list, range and slice all need in
 * the same way: turning an index-like value into a C integer with CPython's
 * exact error messages, and looking up methods for types whose getattr slot
 * only knows a few data attributes.  (What list and tuple do alike item by
 * item is sequence.c.)
 */
#include <limits.h>
#include <string.h>
#include "runtime/runtime.h"

/* ---- Index conversion ------------------------------------------------- */

static Value index_name;        /* interned "__index__" */

Value rt_index_or_null(Value v)
{
    if (val_is_small(v) || is_int(v))
        return v;
    if (is_bool(v))
        return rt_int_unbool(v);
    if (rt_isinstance_of(v, &rt_int_type))
        return rt_index(v);
    if (!index_name)
        index_name = rt_str_intern_cstr("__index__");
    if (rt_type_lookup(val_type(v), index_name) == VAL_NULL)
        return VAL_NULL;        /* not int-like: no exception */
    return rt_index(v);
}

ssize_t rt_int_clamp_ssize(Value i)
{
    if (val_is_small(i))
        return (ssize_t)small_value(i);
    int64_t n;
    if (rt_int_as_i64(i, &n))
        return (ssize_t)n;
    rt_err_clear();             /* OverflowError: clamp by sign */
    return rt_int_sign(i) < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
}

void rt_fill_repeat(void *buf, size_t size, size_t total)
{
    char *p = buf;
    for (size_t done = size; done < total; done *= 2)
        memcpy(p + done, p, done < total - done ? done : total - done);
}

int rt_repeat_count(Value n, ssize_t *out)
{
    if (val_is_small(n)) {
        intptr_t c = small_value(n);
        *out = c < 0 ? 0 : (ssize_t)c;
        return 1;
    }
    if (!is_int(n) && !is_bool(n))
        return 0;
    int64_t c;
    if (!rt_int_as_i64(rt_int_unbool(n), &c)) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    *out = c < 0 ? 0 : (ssize_t)c;
    return 1;
}

static bool clamped_index(Value v, ssize_t *out, const char *what)
{
    Value i = rt_index_or_null(v);
    if (i == VAL_NULL) {
        if (!rt_err_occurred())
            rt_raisef(&rt_TypeError, "slice indices must be integers or %shave an "
                      "__index__ method", what);
        return false;
    }
    *out = rt_int_clamp_ssize(i);
    return true;
}

bool rt_index_arg(Value v, ssize_t *out)
{
    return clamped_index(v, out, "");
}

bool rt_slice_arg(Value v, ssize_t *out)
{
    return clamped_index(v, out, "None or ");
}

bool rt_seq_index_ex(Value key, size_t length, const char *type_what,
                     const char *range_what, size_t *out)
{
    intptr_t n;
    if (val_is_small(key)) {
        n = small_value(key);   /* the common case, no calls */
    } else {
        Value i = rt_index_or_null(key);
        if (i == VAL_NULL) {
            if (!rt_err_occurred())
                rt_raisef(&rt_TypeError, "%s indices must be integers or slices, not %T",
                          type_what, key);
            return false;
        }
        if (!val_is_small(i)) {
            rt_raisef(&rt_IndexError, "cannot fit '%T' into an index-sized integer", key);
            return false;
        }
        n = small_value(i);
    }
    if (n < 0)
        n += (intptr_t)length;
    if (n < 0 || (size_t)n >= length) {
        rt_raisef(&rt_IndexError, "%s index out of range", range_what);
        return false;
    }
    *out = (size_t)n;
    return true;
}

bool rt_seq_index(Value key, size_t length, const char *what, size_t *out)
{
    return rt_seq_index_ex(key, length, what, what, out);
}

/* ---- Attribute fallback ------------------------------------------------ */

Value rt_attr_fallback(Value self, Value name)
{
    ObjType *type = val_type(self);
    Value attr = rt_type_lookup(type, name);
    if (attr == VAL_NULL)
        return rt_raisef(&rt_AttributeError, "'%s' object has no attribute '%S'",
                         type->name, name);
    ObjType *atype = val_type(attr);
    if (atype->descr_get)
        return atype->descr_get(attr, self, obj_val(type));
    return attr;
}

Value rt_iter_self(Value self)
{
    return self;
}

/* ---- The sequence iterator --------------------------------------------- */

typedef struct SeqIter {
    Object ob;
    Value seq;                  /* VAL_NULL once exhausted */
    size_t index;
} SeqIter;

static ObjType seqiter_type;

Value rt_seq_iter_new(Value seq)
{
    SeqIter *it = gc_alloc(sizeof *it);
    it->ob.type = &seqiter_type;
    it->seq = seq;
    return obj_val(it);
}

/* seq[index], ending the iteration on IndexError or StopIteration. */
static Value seqiter_next(Value self)
{
    SeqIter *it = VAL_AS(SeqIter, self);
    if (it->seq == VAL_NULL)
        return VAL_NULL;
    Value item = rt_getitem(it->seq, small_new((intptr_t)it->index));
    if (item == VAL_NULL) {
        if (rt_err_matches(&rt_IndexError) || rt_err_matches(&rt_StopIteration)) {
            rt_err_clear();
            it->seq = VAL_NULL;
        }
        return VAL_NULL;
    }
    it->index++;
    return item;
}

/* Pickling: (iter, (seq,), index), (iter, ((),)) once exhausted. */
static Value seqiter_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    SeqIter *it = VAL_AS(SeqIter, args[0]);
    return rt_reduce_iter(it->seq, rt_empty_tuple, it->index);
}

static Value seqiter_setstate(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__setstate__", nargs - 1, kwnames))
        return VAL_NULL;
    SeqIter *it = VAL_AS(SeqIter, args[0]);
    ssize_t index;
    if (!rt_setstate_index(args[1], 0, SMALL_MAX, &index))
        return VAL_NULL;
    if (it->seq != VAL_NULL)
        it->index = (size_t)index;
    return rt_None;
}

/* len(seq) - index when the sequence has a length, else NotImplemented. */
static Value seqiter_length_hint(Value *args, size_t nargs, Value kwnames)
{
    SeqIter *it = VAL_AS(SeqIter, args[0]);
    if (it->seq == VAL_NULL)
        return small_new(0);
    if (val_type(it->seq)->len == NULL)
        return rt_NotImplemented;
    ssize_t n = rt_len(it->seq);
    if (n < 0)
        return VAL_NULL;
    return small_new(n > (ssize_t)it->index ? n - (ssize_t)it->index : 0);
}

static const MethodDef seqiter_methods[] = {
    {"__reduce__", seqiter_reduce}, {"__setstate__", seqiter_setstate},
    {"__length_hint__", seqiter_length_hint}, {NULL, NULL},
};

static ObjType seqiter_type = {
    .ob.type = &rt_type_type,
    .name = "iterator",
    .base = &rt_object_type,
    .iter = rt_iter_self,
    .next = seqiter_next,
};

void rt_seqiter_init(void)
{
    rt_type_ready(&seqiter_type, seqiter_methods);
}

/* Ready every container type.  Order matters only in that tuples must work
 * before anything else (rt_type_ready builds tuples), which they do from the
 * start: the empty tuple is a static object. */
void rt_containers_init(void)
{
    rt_tuple_init();
    rt_list_init();
    rt_dict_init();
    rt_set_init();
    rt_range_init();
    rt_slice_init();
    rt_seqiter_init();
}
