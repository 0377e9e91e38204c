/*
 * bisect.c — the _bisect module (CPython's Modules/_bisectmodule.c): binary
 * search in a sorted sequence and insertion that keeps it sorted, under
 * Lib/bisect.py (`from _bisect import *`; bisect.py names bisect and insort
 * as the _right forms).
 *
 * `key` (3.10) is applied to the sequence's items, not to x — except that
 * insort applies it to the item it inserts.  A `hi` of None, or of -1 (a
 * quirk of CPython's argument converter), means len(a).
 */
#include "modules/modutil.h"

/* The index where x goes in a[lo:hi]: before equal items (left) or after
 * them (right); -1 on error. */
static ssize_t bisect(Value a, Value x, ssize_t lo, ssize_t hi, Value key, bool right)
{
    if (lo < 0) {
        rt_raisef(&rt_ValueError, "lo must be non-negative");
        return -1;
    }
    if (hi == -1 && (hi = rt_len(a)) < 0)
        return -1;
    while (lo < hi) {
        ssize_t mid = (ssize_t)(((size_t)lo + (size_t)hi) / 2);
        Value item = is_list(a) && (size_t)mid < AS_LIST(a)->length ? AS_LIST(a)->items[mid]
                                                                   : rt_getitem(a, rt_int_from_i64(mid));
        if (item == VAL_NULL || (key != VAL_NULL && (item = rt_call1(key, item)) == VAL_NULL))
            return -1;
        int less = right ? rt_compare_bool(x, item, CMP_LT) : rt_compare_bool(item, x, CMP_LT);
        if (less < 0)
            return -1;
        if (less == right)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* (a, x, lo=0, hi=None, *, key=None) */
static bool bisect_args(const char *fname, Value *args, size_t nargs, Value kw, Value *a,
                        ssize_t *lo, ssize_t *hi)
{
    static const char *const names[] = { "a", "x", "lo", "hi", "key" };
    ArgSpec spec = { fname, names, 5, 0, 2, 4, false };
    *lo = 0;
    *hi = -1;
    if (nargs == 2 && kw == VAL_NULL) {     /* bisect(a, x): nothing to parse */
        a[0] = args[0];
        a[1] = args[1];
        a[2] = a[3] = a[4] = VAL_NULL;
        return true;
    }
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return false;
    if (a[2] != VAL_NULL && !rt_as_ssize(a[2], lo))
        return false;
    if (a[3] != VAL_NULL && a[3] != rt_None) {
        if (rt_index_or_null(a[3]) == VAL_NULL) {
            if (!rt_err_occurred())
                rt_raisef(&rt_TypeError, "argument should be integer or None, not '%T'", a[3]);
            return false;
        }
        if (!rt_as_ssize(a[3], hi))
            return false;
    }
    if (a[4] == rt_None)
        a[4] = VAL_NULL;
    return true;
}

static Value bisect_fn(const char *fname, Value *args, size_t nargs, Value kw, bool right)
{
    Value a[5];
    ssize_t lo, hi, i;
    if (!bisect_args(fname, args, nargs, kw, a, &lo, &hi) ||
        (i = bisect(a[0], a[1], lo, hi, a[4], right)) < 0)
        return VAL_NULL;
    return rt_int_from_i64(i);
}

static Value insort_fn(const char *fname, Value *args, size_t nargs, Value kw, bool right)
{
    Value a[5];
    ssize_t lo, hi, i;
    if (!bisect_args(fname, args, nargs, kw, a, &lo, &hi))
        return VAL_NULL;
    Value x = a[4] != VAL_NULL ? rt_call1(a[4], a[1]) : a[1];
    if (x == VAL_NULL || (i = bisect(a[0], x, lo, hi, a[4], right)) < 0)
        return VAL_NULL;
    Value insert_args[2] = { rt_int_from_i64(i), a[1] };
    return mod_call_method(a[0], "insert", insert_args, 2) == VAL_NULL ? VAL_NULL : rt_None;
}

static Value bs_bisect_left(Value *a, size_t n, Value kw)
{ return bisect_fn("bisect_left", a, n, kw, false); }
static Value bs_bisect_right(Value *a, size_t n, Value kw)
{ return bisect_fn("bisect_right", a, n, kw, true); }
static Value bs_insort_left(Value *a, size_t n, Value kw)
{ return insort_fn("insort_left", a, n, kw, false); }
static Value bs_insort_right(Value *a, size_t n, Value kw)
{ return insort_fn("insort_right", a, n, kw, true); }

static const MethodDef bisect_functions[] = {
    {"bisect_left", bs_bisect_left}, {"bisect_right", bs_bisect_right},
    {"insort_left", bs_insort_left}, {"insort_right", bs_insort_right},
    {NULL, NULL}
};

Value mod_bisect_init(void)
{
    return mod_module_new("_bisect", bisect_functions);
}
