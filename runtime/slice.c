/*
 * slice.c — slice objects and the arithmetic that resolves them.
 *
 * `a[1:10:2]` builds slice(1, 10, 2) (BUILD_SLICE) and hands it to the
 * sequence's getitem slot.  The sequence then calls rt_slice_indices with its
 * length to learn which positions the slice names.  That resolution follows
 * CPython's PySlice_Unpack + PySlice_AdjustIndices exactly:
 *
 *   1. unpack: None becomes the default for the step's direction (start 0 or
 *      the end, stop the end or "before the beginning"); huge ints clamp to
 *      the ssize_t range; a zero step is an error;
 *   2. adjust: negative positions count from the end, then everything is
 *      clamped into [0, length] (or [-1, length-1] when stepping backwards);
 *   3. count: how many positions start, start+step, ... lie before stop.
 */
#include "runtime/runtime.h"
#include "runtime/version.h"

Value rt_slice_new(Value start, Value stop, Value step)
{
    ObjSlice *s = gc_alloc(sizeof *s);
    s->ob.type = &rt_slice_type;
    s->start = start ? start : rt_None;
    s->stop = stop ? stop : rt_None;
    s->step = step ? step : rt_None;
    return obj_val(s);
}

/* One slice field as a clamped C integer. */
static bool slice_part(Value v, ssize_t *out)
{
    Value i = rt_index_or_null(v);
    if (i == VAL_NULL) {
        if (!rt_err_occurred())
            rt_raisef(&rt_TypeError, "slice indices must be integers or None "
                      "or have an __index__ method");
        return false;
    }
    *out = rt_int_clamp_ssize(i);
    return true;
}

/* Step 1: the three fields as integers, None replaced by defaults. */
static bool slice_unpack(ObjSlice *s, ssize_t *start, ssize_t *stop, ssize_t *step)
{
    if (s->step == rt_None) {
        *step = 1;
    } else {
        if (!slice_part(s->step, step))
            return false;
        if (*step == 0) {
            rt_raisef(&rt_ValueError, "slice step cannot be zero");
            return false;
        }
        /* Keep -step representable. */
        if (*step < -PTRDIFF_MAX)
            *step = -PTRDIFF_MAX;
    }
    if (s->start == rt_None)
        *start = *step < 0 ? PTRDIFF_MAX : 0;
    else if (!slice_part(s->start, start))
        return false;
    if (s->stop == rt_None)
        *stop = *step < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
    else if (!slice_part(s->stop, stop))
        return false;
    return true;
}

/* Step 2 for one bound: count negatives from the end, clamp to the ends. */
static ssize_t adjust_bound(ssize_t i, ssize_t length, ssize_t step)
{
    if (i < 0) {
        i += length;
        if (i < 0)
            i = step < 0 ? -1 : 0;
    } else if (i >= length) {
        i = step < 0 ? length - 1 : length;
    }
    return i;
}

/* Steps 2 and 3: the number of items the slice selects. */
static ssize_t slice_adjust(ssize_t length, ssize_t *start, ssize_t *stop, ssize_t step)
{
    *start = adjust_bound(*start, length, step);
    *stop = adjust_bound(*stop, length, step);
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

bool rt_slice_indices(Value slice, ssize_t length, ssize_t *start,
                      ssize_t *stop, ssize_t *step, ssize_t *slicelength)
{
    if (!slice_unpack(VAL_AS(ObjSlice, slice), start, stop, step))
        return false;
    *slicelength = slice_adjust(length, start, stop, *step);
    return true;
}

/* The same resolution with Python ints (CPython's _PySlice_GetLongIndices),
 * for lengths beyond ssize_t (range(2**100)[::2], slice.indices(2**70)):
 * start and stop clamped into [0, length] ([-1, length - 1] stepping
 * backwards), no count. */
static Value long_index(Value v)
{
    Value i = rt_index_or_null(v);
    if (i == VAL_NULL && !rt_err_occurred())
        rt_raisef(&rt_TypeError, "slice indices must be integers or None "
                  "or have an __index__ method");
    return i == VAL_NULL ? VAL_NULL : rt_int_unbool(i);
}

static Value long_bound(Value v, Value dflt, Value length, Value lower, Value upper)
{
    if (v == rt_None)
        return dflt;
    Value i = long_index(v);
    if (i == VAL_NULL)
        return VAL_NULL;
    if (rt_int_sign(i) < 0) {
        i = rt_int_binop(i, length, NB_ADD);
        return rt_int_cmp(i, lower) < 0 ? lower : i;
    }
    return rt_int_cmp(i, upper) > 0 ? upper : i;
}

bool rt_slice_long_indices(Value slice, Value length, Value *start, Value *stop, Value *step)
{
    ObjSlice *s = VAL_AS(ObjSlice, slice);
    *step = s->step == rt_None ? small_new(1) : long_index(s->step);
    if (*step == VAL_NULL)
        return false;
    if (rt_int_sign(*step) == 0) {
        rt_raisef(&rt_ValueError, "slice step cannot be zero");
        return false;
    }
    bool back = rt_int_sign(*step) < 0;
    Value lower = small_new(back ? -1 : 0);
    Value upper = back ? rt_int_binop(length, lower, NB_ADD) : length;
    *start = long_bound(s->start, back ? upper : lower, length, lower, upper);
    *stop = *start == VAL_NULL ? VAL_NULL
          : long_bound(s->stop, back ? lower : upper, length, lower, upper);
    return *stop != VAL_NULL;
}

/* ---- The slice type ------------------------------------------------------ */

static Value slice_repr(Value self)
{
    ObjSlice *s = VAL_AS(ObjSlice, self);
    return rt_str_format_c("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

/* Slices compare as the tuples (start, stop, step) do. */
static Value slice_richcompare(Value a, Value b, int op)
{
    if (!IS_EXACT(a, rt_slice_type) || !IS_EXACT(b, rt_slice_type))
        return rt_NotImplemented;
    if (a == b && (op == CMP_EQ || op == CMP_NE))
        return rt_bool(op == CMP_EQ);
    ObjSlice *x = VAL_AS(ObjSlice, a), *y = VAL_AS(ObjSlice, b);
    Value tx = rt_tuple_pack(3, x->start, x->stop, x->step);
    Value ty = rt_tuple_pack(3, y->start, y->stop, y->step);
    return rt_richcompare(tx, ty, op);
}

static const MemberDef slice_members[] = {
    {"start", offsetof(ObjSlice, start), RT_MEMBER_VALUE, RT_READONLY},
    {"stop", offsetof(ObjSlice, stop), RT_MEMBER_VALUE, RT_READONLY},
    {"step", offsetof(ObjSlice, step), RT_MEMBER_VALUE, RT_READONLY},
    {NULL},
};

/* slice(stop) / slice(start, stop[, step]) */
static Value slice_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("slice", kwnames) || !rt_arg_range("slice", nargs, 1, 3))
        return VAL_NULL;
    if (nargs == 1)
        return rt_slice_new(rt_None, args[0], rt_None);
    return rt_slice_new(args[0], args[1], nargs == 3 ? args[2] : rt_None);
}

/* slice.indices(length) -> (start, stop, step) */
static Value slice_indices_method(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("slice.indices", nargs - 1, kwnames))
        return VAL_NULL;
    Value n = rt_index(args[1]);
    if (n == VAL_NULL)
        return VAL_NULL;
    if (rt_int_sign(n) < 0)
        return rt_raisef(&rt_ValueError, "length should not be negative");
    Value start, stop, step;
    if (!rt_slice_long_indices(args[0], rt_int_unbool(n), &start, &stop, &step))
        return VAL_NULL;
    return rt_tuple_pack(3, start, stop, step);
}

/* 3.12 made slices hashable: tuplehash's rounds over their three values,
 * without the length (CPython's slice_hash). */
static intptr_t slice_hash(Value self)
{
    if (rt_py_minor < 12) {
        rt_raisef(&rt_TypeError, "unhashable type: 'slice'");
        return -1;
    }
    ObjSlice *s = VAL_AS(ObjSlice, self);
    Value items[3] = { s->start, s->stop, s->step };
    return rt_hash_items(items, 3, false);
}

ObjType rt_slice_type = {
    .ob.type = &rt_type_type,
    .name = "slice",
    .base = &rt_object_type,
    .repr = slice_repr,
    .richcompare = slice_richcompare,
    .hash = slice_hash,
    .new_ = slice_new,
    .members = slice_members,
};

/* slice(1, 2).__reduce__() is (slice, (1, 2, None)). */
static Value slice_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjSlice *sl = VAL_AS(ObjSlice, args[0]);
    return rt_reduce_value(obj_val(&rt_slice_type), rt_tuple_pack(3, sl->start, sl->stop,
                                                                  sl->step), VAL_NULL);
}

static const MethodDef slice_methods[] = {
    {"indices", slice_indices_method},
    {"__reduce__", slice_reduce},
    {NULL, NULL},
};

void rt_slice_init(void)
{
    rt_type_ready(&rt_slice_type, slice_methods);
}
