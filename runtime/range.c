/*
 * range.c — range objects and their iterators.
 *
 * A range stores start, stop, step and its precomputed length as Python
 * ints, so range(10**30) works like any other.  Almost every range in a real
 * program fits in machine words, though, and `for i in range(n)` is the
 * hottest loop there is: the iterator then counts with C integers and hands
 * out tagged small ints without any int arithmetic calls.
 *
 * len(range(lo, hi, step)) is ceil((hi - lo) / step) when positive:
 * (hi - lo - 1) // step + 1 for step > 0, and the mirror image for step < 0.
 */
#include "runtime/runtime.h"
#include "runtime/version.h"

#define AS_RANGE(v) VAL_AS(ObjRange, v)

ObjType rt_rangeiter_type;
static ObjType longrangeiter_type;

/* ---- Int arithmetic shorthands (all operands are ints) ------------------ */

static Value int_add(Value a, Value b) { return rt_int_binop(a, b, NB_ADD); }
static Value int_sub(Value a, Value b) { return rt_int_binop(a, b, NB_SUBTRACT); }
static Value int_mul(Value a, Value b) { return rt_int_binop(a, b, NB_MULTIPLY); }
static Value int_floordiv(Value a, Value b) { return rt_int_binop(a, b, NB_FLOOR_DIVIDE); }
static Value int_neg(Value a) { return int_sub(small_new(0), a); }

static bool all_small(Value a, Value b, Value c)
{
    return val_is_small(a) && val_is_small(b) && val_is_small(c);
}

/* The number of items in range(lo, hi, step). */
static Value range_length(Value lo, Value hi, Value step)
{
    if (all_small(lo, hi, step)) {
        /* 63-bit operands: the differences fit in 64 bits. */
        int64_t l = small_value(lo), h = small_value(hi), s = small_value(step);
        if (s > 0)
            return rt_int_from_u64(l < h ? (uint64_t)(h - l - 1) / (uint64_t)s + 1 : 0);
        return rt_int_from_u64(l > h ? (uint64_t)(l - h - 1) / (uint64_t)(-s) + 1 : 0);
    }
    if (rt_int_sign(step) < 0) {        /* mirror: count from hi up to lo */
        Value t = lo;
        lo = hi;
        hi = t;
        step = int_neg(step);
    }
    if (rt_int_cmp(lo, hi) >= 0)
        return small_new(0);
    Value diff = int_sub(int_sub(hi, lo), small_new(1));
    return int_add(int_floordiv(diff, step), small_new(1));
}

Value rt_range_new(Value start, Value stop, Value step)
{
    start = rt_int_unbool(start);
    stop = rt_int_unbool(stop);
    step = rt_int_unbool(step);
    if (rt_int_sign(step) == 0)
        return rt_raisef(&rt_ValueError, "range() arg 3 must not be zero");
    ObjRange *r = gc_alloc(sizeof *r);
    r->ob.type = &rt_range_type;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = range_length(start, stop, step);
    return r->length ? obj_val(r) : VAL_NULL;
}

/* start + i * step: the i-th item. */
static Value range_item(ObjRange *r, Value i)
{
    if (all_small(r->start, r->step, i)) {
        __int128 v = (__int128)small_value(r->start)
                     + (__int128)small_value(i) * small_value(r->step);
        if (v >= SMALL_MIN && v <= SMALL_MAX)
            return small_new((intptr_t)v);
    }
    return int_add(r->start, int_mul(i, r->step));
}

/* ---- Iterators -------------------------------------------------------------- */

/* The fast iterator: everything in C integers.  start and length are
 * kept for pickling, which records the range and the position. */
/* The general iterator, for ranges beyond 63 bits. */
typedef struct LongRangeIter {
    Object ob;
    Value next, step, remaining;
    Value start, length;
} LongRangeIter;

static Value longrange_iter_make(Value start, Value step, Value length)
{
    LongRangeIter *it = gc_alloc(sizeof *it);
    it->ob.type = &longrangeiter_type;
    it->next = it->start = start;
    it->step = step;
    it->remaining = it->length = length;
    return obj_val(it);
}

/* An iterator yielding `length` ints from `start` by `step`. */
static Value range_iter_make(Value start, Value step, Value length)
{
    if (all_small(start, step, length)) {
        /* Every item lies between start and the range's end, so each is a
         * small int; next + step after the last stays inside int64. */
        RangeIter *it = gc_alloc(sizeof *it);
        it->ob.type = &rt_rangeiter_type;
        it->next = it->start = small_value(start);
        it->step = small_value(step);
        it->remaining = it->length = (uint64_t)small_value(length);
        return obj_val(it);
    }
    return longrange_iter_make(start, step, length);
}

static Value rangeiter_next(Value self)
{
    RangeIter *it = VAL_AS(RangeIter, self);
    if (it->remaining == 0)
        return VAL_NULL;
    it->remaining--;
    int64_t v = it->next;
    it->next += it->step;
    return small_new((intptr_t)v);
}

static Value longrangeiter_next(Value self)
{
    LongRangeIter *it = VAL_AS(LongRangeIter, self);
    if (rt_int_sign(it->remaining) == 0)
        return VAL_NULL;
    Value v = it->next;
    it->next = int_add(it->next, it->step);
    it->remaining = int_sub(it->remaining, small_new(1));
    return v;
}

/* Pickling, as CPython 3.11: (iter, (range(start, start + length * step,
 * step),), index); __setstate__(index) moves to that position, clamped
 * to [0, length].  3.12: (iter, (the range left,), None), and
 * __setstate__(n) skips n more. */
static Value rangeiter_pickle(Value start, Value step, Value length, Value index)
{
    Value stop = int_add(start, int_mul(length, step));
    Value r = rt_range_new(start, stop, step);
    return r == VAL_NULL ? VAL_NULL : rt_reduce_builtin("iter", rt_tuple_pack(1, r), index);
}

static Value rangeiter_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    bool rest = rt_py_minor >= 12;      /* 3.12: the range still to go, no index */
    if (val_type(args[0]) == &longrangeiter_type) {
        LongRangeIter *it = VAL_AS(LongRangeIter, args[0]);
        if (rest)
            return rangeiter_pickle(it->next, it->step, it->remaining, rt_None);
        return rangeiter_pickle(it->start, it->step, it->length,
                                int_sub(it->length, it->remaining));
    }
    RangeIter *it = VAL_AS(RangeIter, args[0]);
    if (rest)
        return rangeiter_pickle(rt_int_from_i64(it->next), rt_int_from_i64(it->step),
                                rt_int_from_u64(it->remaining), rt_None);
    return rangeiter_pickle(rt_int_from_i64(it->start), rt_int_from_i64(it->step),
                            rt_int_from_u64(it->length),
                            rt_int_from_u64(it->length - it->remaining));
}

static Value rangeiter_setstate(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__setstate__", nargs - 1, kwnames))
        return VAL_NULL;
    if (val_type(args[0]) == &longrangeiter_type) {
        LongRangeIter *it = VAL_AS(LongRangeIter, args[0]);
        Value i = rt_index(args[1]);
        if (i == VAL_NULL)
            return VAL_NULL;
        if (rt_int_sign(i) < 0)
            i = small_new(0);
        if (rt_py_minor >= 12) {        /* 3.12: i steps on from where it is */
            if (rt_int_cmp(i, it->remaining) > 0)
                i = it->remaining;
            it->next = int_add(it->next, int_mul(i, it->step));
            it->remaining = int_sub(it->remaining, i);
            return rt_None;
        }
        if (rt_int_cmp(i, it->length) > 0)
            i = it->length;
        it->next = int_add(it->start, int_mul(i, it->step));
        it->remaining = int_sub(it->length, i);
        return rt_None;
    }
    RangeIter *it = VAL_AS(RangeIter, args[0]);
    ssize_t i;
    if (rt_py_minor >= 12) {
        if (!rt_setstate_index(args[1], 0, (ssize_t)it->remaining, &i))
            return VAL_NULL;
        it->next += (int64_t)i * it->step;
        it->remaining -= (uint64_t)i;
        return rt_None;
    }
    if (!rt_setstate_index(args[1], 0, (ssize_t)it->length, &i))
        return VAL_NULL;
    it->next = it->start + (int64_t)i * it->step;
    it->remaining = it->length - (uint64_t)i;
    return rt_None;
}

static Value rangeiter_length_hint(Value *args, size_t nargs, Value kwnames)
{
    if (val_type(args[0]) == &longrangeiter_type)
        return VAL_AS(LongRangeIter, args[0])->remaining;
    return rt_int_from_u64(VAL_AS(RangeIter, args[0])->remaining);
}

static const MethodDef rangeiter_methods[] = {
    {"__reduce__", rangeiter_reduce}, {"__setstate__", rangeiter_setstate},
    {"__length_hint__", rangeiter_length_hint}, {NULL, NULL},
};

ObjType rt_rangeiter_type = {
    .ob.type = &rt_type_type,
    .name = "range_iterator",
    .base = &rt_object_type,
    .iter = rt_iter_self,
    .next = rangeiter_next,
};

static ObjType longrangeiter_type = {
    .ob.type = &rt_type_type,
    .name = "longrange_iterator",
    .base = &rt_object_type,
    .iter = rt_iter_self,
    .next = longrangeiter_next,
};

static Value range_iter(Value self)
{
    ObjRange *r = AS_RANGE(self);
    return range_iter_make(r->start, r->step, r->length);
}

/* reversed(range): from the last item down by -step. */
static Value range_reversed(ObjRange *r)
{
    if (rt_int_sign(r->length) == 0)
        return range_iter_make(r->start, r->step, r->length);
    Value last = range_item(r, int_sub(r->length, small_new(1)));
    Value step = int_neg(r->step);
    if (val_is_small(last) && val_is_small(step) && val_is_small(r->length)) {
        /* The fast iterator must not overflow one step past the end. */
        __int128 end = (__int128)small_value(last)
                       + (__int128)small_value(step) * small_value(r->length);
        if (end < INT64_MIN || end > INT64_MAX)
            goto general;
        return range_iter_make(last, step, r->length);
    }
general:
    return longrange_iter_make(last, step, r->length);
}

/* ---- Slots -------------------------------------------------------------------- */

static Value range_repr(Value self)
{
    ObjRange *r = AS_RANGE(self);
    if (r->step == small_new(1))
        return rt_str_format_c("range(%R, %R)", r->start, r->stop);
    return rt_str_format_c("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static ssize_t range_len(Value self)
{
    Value n = AS_RANGE(self)->length;
    int64_t len;
    if (val_is_small(n))
        return (ssize_t)small_value(n);
    if (rt_int_as_i64(n, &len))             /* beyond the tagged range, within ssize_t */
        return (ssize_t)len;
    rt_err_clear();
    rt_raisef(&rt_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

static int range_truth(Value self)
{
    return rt_int_sign(AS_RANGE(self)->length) != 0;
}

/* Is the int x one of the range's items?  Arithmetic, no iteration. */
static int range_contains_int(ObjRange *r, Value x)
{
    int sign = rt_int_sign(r->step);
    bool inside = sign > 0
        ? rt_int_cmp(r->start, x) <= 0 && rt_int_cmp(x, r->stop) < 0
        : rt_int_cmp(r->stop, x) < 0 && rt_int_cmp(x, r->start) <= 0;
    if (!inside)
        return 0;
    Value rem = rt_int_binop(int_sub(x, r->start), r->step, NB_REMAINDER);
    if (rem == VAL_NULL)
        return -1;
    return rt_int_sign(rem) == 0;
}

static int range_contains(Value self, Value x)
{
    if (is_int(x) || is_bool(x))
        return range_contains_int(AS_RANGE(self), rt_int_unbool(x));
    /* Anything else: compare with each item, as the sequence would. */
    Value it = range_iter(self), v;
    while ((v = rt_next(it)) != VAL_NULL) {
        int eq = rt_eq(v, x);
        if (eq != 0)
            return eq;
    }
    return 0;
}

static Value range_slice(ObjRange *r, Value slice)
{
    if (!val_is_small(r->length)) {         /* beyond ssize_t: in Python ints */
        Value a, b, c;
        if (!rt_slice_long_indices(slice, r->length, &a, &b, &c))
            return VAL_NULL;
        return rt_range_new(range_item(r, a), range_item(r, b), int_mul(r->step, c));
    }
    ssize_t start, stop, step, n;
    if (!rt_slice_indices(slice, (ssize_t)small_value(r->length), &start, &stop, &step, &n))
        return VAL_NULL;
    Value s = range_item(r, rt_int_from_i64(start));
    Value e = range_item(r, rt_int_from_i64(stop));
    return rt_range_new(s, e, int_mul(r->step, rt_int_from_i64(step)));
}

static Value range_getitem(Value self, Value key)
{
    ObjRange *r = AS_RANGE(self);
    if (IS_EXACT(key, rt_slice_type))
        return range_slice(r, key);
    Value i = rt_index_or_null(key);
    if (i == VAL_NULL) {
        if (rt_err_occurred())
            return VAL_NULL;
        return rt_raisef(&rt_TypeError, "range indices must be integers or slices, not %T", key);
    }
    if (rt_int_sign(i) < 0)
        i = int_add(i, r->length);
    if (rt_int_sign(i) < 0 || rt_int_cmp(i, r->length) >= 0)
        return rt_raisef(&rt_IndexError, "range object index out of range");
    return range_item(r, i);
}

/* Ranges are equal when they hold the same items (range(0) == range(2, 2)). */
static int range_equal(ObjRange *a, ObjRange *b)
{
    if (a == b)
        return 1;
    if (rt_int_cmp(a->length, b->length) != 0)
        return 0;
    if (rt_int_sign(a->length) == 0)
        return 1;
    if (rt_int_cmp(a->start, b->start) != 0)
        return 0;
    if (a->length == small_new(1))
        return 1;
    return rt_int_cmp(a->step, b->step) == 0;
}

static Value range_richcompare(Value a, Value b, int op)
{
    if (!IS_EXACT(a, rt_range_type) || !IS_EXACT(b, rt_range_type)
        || (op != CMP_EQ && op != CMP_NE))
        return rt_NotImplemented;
    int eq = range_equal(AS_RANGE(a), AS_RANGE(b));
    return rt_bool(eq == (op == CMP_EQ));
}

/* Hash of (len, start, step), with None for what equality ignores. */
static intptr_t range_hash(Value self)
{
    ObjRange *r = AS_RANGE(self);
    Value start = rt_None, step = rt_None;
    if (rt_int_sign(r->length) != 0) {
        start = r->start;
        if (r->length != small_new(1))
            step = r->step;
    }
    return rt_hash(rt_tuple_pack(3, r->length, start, step));
}

static const MemberDef range_members[] = {
    {"start", offsetof(ObjRange, start), RT_MEMBER_VALUE, RT_READONLY},
    {"stop", offsetof(ObjRange, stop), RT_MEMBER_VALUE, RT_READONLY},
    {"step", offsetof(ObjRange, step), RT_MEMBER_VALUE, RT_READONLY},
    {NULL},
};

/* ---- Constructor and methods ---------------------------------------------- */

static Value range_arg(Value v)
{
    Value i = rt_index_or_null(v);
    if (i == VAL_NULL && !rt_err_occurred())
        rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return i;
}

/* range(stop) / range(start, stop[, step]) */
static Value range_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("range", kwnames) || !rt_arg_range("range", nargs, 1, 3))
        return VAL_NULL;
    Value v[3] = {small_new(0), VAL_NULL, small_new(1)};
    for (size_t i = 0; i < nargs; i++) {
        Value x = range_arg(args[i]);
        if (x == VAL_NULL)
            return VAL_NULL;
        v[nargs == 1 ? 1 : i] = x;
    }
    return rt_range_new(v[0], v[1], v[2]);
}

static Value range_count_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("range.count", nargs - 1, kwnames))
        return VAL_NULL;
    Value x = args[1];
    if (is_int(x) || is_bool(x)) {
        int r = range_contains_int(AS_RANGE(args[0]), rt_int_unbool(x));
        return r < 0 ? VAL_NULL : small_new(r);
    }
    intptr_t count = 0;
    Value it = range_iter(args[0]), v;
    while ((v = rt_next(it)) != VAL_NULL) {
        int eq = rt_eq(v, x);
        if (eq < 0)
            return VAL_NULL;
        count += eq;
    }
    return small_new(count);
}

static Value range_index_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("range.index", nargs - 1, kwnames))
        return VAL_NULL;
    ObjRange *r = AS_RANGE(args[0]);
    Value x = args[1];
    if (is_int(x) || is_bool(x)) {
        x = rt_int_unbool(x);
        int c = range_contains_int(r, x);
        if (c < 0)
            return VAL_NULL;
        if (c)
            return int_floordiv(int_sub(x, r->start), r->step);
    } else {
        Value it = range_iter(args[0]), v;
        for (intptr_t i = 0; (v = rt_next(it)) != VAL_NULL; i++) {
            int eq = rt_eq(v, x);
            if (eq < 0)
                return VAL_NULL;
            if (eq)
                return small_new(i);
        }
    }
    return rt_raisef(&rt_ValueError, rt_py_minor >= 14 ? "range.index(x): x not in range"
                                                       : "%R is not in range", args[1]);
}

static Value range_reversed_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("range.__reversed__", nargs - 1, kwnames))
        return VAL_NULL;
    return range_reversed(AS_RANGE(args[0]));
}

ObjType rt_range_type = {
    .ob.type = &rt_type_type,
    .name = "range",
    .base = &rt_object_type,
    .flags = TF_MATCH_SEQUENCE,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .truth = range_truth,
    .iter = range_iter,
    .getitem = range_getitem,
    .len = range_len,
    .contains = range_contains,
    .new_ = range_new,
    .members = range_members,
};

/* range(1, 10, 2).__reduce__() is (range, (1, 10, 2)). */
static Value range_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjRange *r = AS_RANGE(args[0]);
    return rt_reduce_value(obj_val(&rt_range_type), rt_tuple_pack(3, r->start, r->stop,
                                                                  r->step), VAL_NULL);
}

static const MethodDef range_methods[] = {
    {"count", range_count_m},
    {"index", range_index_m},
    {"__reversed__", range_reversed_m},
    {"__reduce__", range_reduce},
    {NULL, NULL},
};

void rt_range_init(void)
{
    rt_type_ready(&rt_range_type, range_methods);
    rt_type_ready(&rt_rangeiter_type, rangeiter_methods);
    rt_type_ready(&longrangeiter_type, rangeiter_methods);
}
