/*
 * heapq.c — heapq and bisect, with CPython's exact algorithms
 * (Modules/_heapqmodule.c, Lib/heapq.py, Modules/_bisectmodule.c) so that
 * heaps have the same layout and ties land in the same places.  All
 * comparisons are Python's `<`.
 */
#include <string.h>
#include "modules/modutil.h"

static int lt(Value a, Value b) { return rt_compare_bool(a, b, CMP_LT); }

static bool need_list(Value v, const char *what)
{
    if (rt_isinstance_of(v, &rt_list_type))
        return true;
    rt_raisef(&rt_TypeError, "%s must be list", what);
    return false;
}

/* Follow the path to the leaf from pos, moving parents down (CPython's
 * _siftdown): newitem at pos moves up while smaller than its parent. */
static int siftdown(Value heap, size_t startpos, size_t pos)
{
    Value *items = AS_LIST(heap)->items;
    Value newitem = items[pos];
    while (pos > startpos) {
        size_t parentpos = (pos - 1) >> 1;
        Value parent = AS_LIST(heap)->items[parentpos];
        int c = lt(newitem, parent);
        if (c < 0)
            return -1;
        if (!c)
            break;
        items = AS_LIST(heap)->items;
        items[pos] = parent;
        pos = parentpos;
    }
    AS_LIST(heap)->items[pos] = newitem;
    return 0;
}

/* CPython's _siftup: bubble the smaller child up to the leaf, then siftdown. */
static int siftup(Value heap, size_t pos)
{
    size_t endpos = AS_LIST(heap)->length, startpos = pos;
    Value newitem = AS_LIST(heap)->items[pos];
    size_t childpos = 2 * pos + 1;
    while (childpos < endpos) {
        size_t rightpos = childpos + 1;
        if (rightpos < endpos) {
            int c = lt(AS_LIST(heap)->items[childpos], AS_LIST(heap)->items[rightpos]);
            if (c < 0)
                return -1;
            if (!c)
                childpos = rightpos;
        }
        AS_LIST(heap)->items[pos] = AS_LIST(heap)->items[childpos];
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    AS_LIST(heap)->items[pos] = newitem;
    return siftdown(heap, startpos, pos);
}

static Value hq_heappush(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("heappush", kw) || !rt_arg_range("heappush", nargs, 2, 2) ||
        !need_list(args[0], "heap argument"))
        return VAL_NULL;
    rt_list_append(args[0], args[1]);
    return siftdown(args[0], 0, AS_LIST(args[0])->length - 1) < 0 ? VAL_NULL : rt_None;
}

static Value heappop(Value heap)
{
    ObjList *l = AS_LIST(heap);
    if (l->length == 0)
        return rt_raisef(&rt_IndexError, "index out of range");
    Value last = l->items[--l->length];
    if (l->length == 0)
        return last;
    Value ret = l->items[0];
    l->items[0] = last;
    return siftup(heap, 0) < 0 ? VAL_NULL : ret;
}

static Value hq_heappop(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("heappop", nargs, kw) || !need_list(args[0], "heap argument"))
        return VAL_NULL;
    return heappop(args[0]);
}

static Value hq_heapreplace(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("heapreplace", kw) || !rt_arg_range("heapreplace", nargs, 2, 2) ||
        !need_list(args[0], "heap argument"))
        return VAL_NULL;
    ObjList *l = AS_LIST(args[0]);
    if (l->length == 0)
        return rt_raisef(&rt_IndexError, "index out of range");
    Value ret = l->items[0];
    l->items[0] = args[1];
    return siftup(args[0], 0) < 0 ? VAL_NULL : ret;
}

static Value hq_heappushpop(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("heappushpop", kw) || !rt_arg_range("heappushpop", nargs, 2, 2) ||
        !need_list(args[0], "heap argument"))
        return VAL_NULL;
    ObjList *l = AS_LIST(args[0]);
    if (l->length == 0)
        return args[1];
    int c = lt(l->items[0], args[1]);
    if (c < 0)
        return VAL_NULL;
    if (!c)
        return args[1];
    Value ret = l->items[0];
    l->items[0] = args[1];
    return siftup(args[0], 0) < 0 ? VAL_NULL : ret;
}

static bool heapify(Value heap)
{
    size_t n = AS_LIST(heap)->length;
    for (size_t i = n / 2; i-- > 0;)
        if (siftup(heap, i) < 0)
            return false;
    return true;
}

static Value hq_heapify(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("heapify", nargs, kw) || !need_list(args[0], "heap argument"))
        return VAL_NULL;
    return heapify(args[0]) ? rt_None : VAL_NULL;
}

/* nsmallest/nlargest: as heapq.py documents, equivalent to
 * sorted(iterable, key=key[, reverse=True])[:n] — a stable sort gives the
 * same items in the same order as its decorated-heap algorithm. */
static Value nbest(const char *name, Value *args, size_t nargs, Value kw, bool largest)
{
    static const char *const names[] = { "n", "iterable", "key" };
    ArgSpec spec = { name, names, 3, 0, 2, 2, false };
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    ssize_t n;
    if (!rt_as_ssize(a[0], &n))
        return VAL_NULL;
    Value l = rt_sequence_to_list(a[1]);
    if (l == VAL_NULL)
        return VAL_NULL;
    if (n <= 0)
        return rt_list_new(0);
    Value key = a[2] == VAL_NULL || a[2] == rt_None ? VAL_NULL : a[2];
    if (!rt_list_sort(l, key, largest))
        return VAL_NULL;
    if ((size_t)n < AS_LIST(l)->length)
        AS_LIST(l)->length = (size_t)n;
    return l;
}

static Value hq_nlargest(Value *a, size_t n, Value kw) { return nbest("nlargest", a, n, kw, true); }
static Value hq_nsmallest(Value *a, size_t n, Value kw) { return nbest("nsmallest", a, n, kw, false); }

/* merge(*iterables, key=None, reverse=False): all merged eagerly and
 * stably sorted — the same sequence heapq.merge yields for sorted inputs. */
static Value hq_merge(Value *args, size_t nargs, Value kw)
{
    static const char *const allowed[] = { "key", "reverse", NULL };
    if (!rt_arg_kwnames("merge", kw, allowed))
        return VAL_NULL;
    size_t npos = rt_npos(nargs, kw);
    Value key = rt_kwarg(args, nargs, kw, "key"), rev = rt_kwarg(args, nargs, kw, "reverse");
    int reverse = rev ? rt_truthy(rev) : 0;
    Value all = rt_list_new(0);
    for (size_t i = 0; i < npos; i++)
        if (!rt_list_extend(all, args[i]))
            return VAL_NULL;
    if (!rt_list_sort(all, key == rt_None ? VAL_NULL : key, reverse))
        return VAL_NULL;
    return rt_iter(all);
}

static const MethodDef heapq_functions[] = {
    {"heappush", hq_heappush}, {"heappop", hq_heappop}, {"heapify", hq_heapify},
    {"heapreplace", hq_heapreplace}, {"heappushpop", hq_heappushpop},
    {"nlargest", hq_nlargest}, {"nsmallest", hq_nsmallest}, {"merge", hq_merge},
    {NULL, NULL}
};

Value mod_heapq_init(void)
{
    return mod_module_new("heapq", heapq_functions);
}

/* ---- bisect --------------------------------------------------------------------- */

static bool bisect_args(const char *name, Value *args, size_t nargs, Value kw, Value *a,
                        ssize_t *lo, ssize_t *hi)
{
    static const char *const names[] = { "a", "x", "lo", "hi", "key" };
    ArgSpec spec = { name, names, 5, 0, 2, 4, false };
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return false;
    *lo = 0;
    if (a[2] != VAL_NULL && !rt_as_ssize(a[2], lo))
        return false;
    if (*lo < 0) {
        rt_raisef(&rt_ValueError, "lo must be non-negative");
        return false;
    }
    if (a[3] == VAL_NULL || a[3] == rt_None) {
        if ((*hi = rt_len(a[0])) < 0)
            return false;
    } else if (!rt_as_ssize(a[3], hi)) {
        return false;
    }
    if (a[4] == rt_None)
        a[4] = VAL_NULL;
    return true;
}

static ssize_t bisect(Value seq, Value x, ssize_t lo, ssize_t hi, Value key, bool right)
{
    while (lo < hi) {
        ssize_t mid = ((size_t)lo + hi) / 2;
        Value item = rt_getitem(seq, small_new(mid));
        if (item == VAL_NULL || (key && (item = rt_call1(key, item)) == VAL_NULL))
            return -1;
        int c = right ? lt(x, item) : lt(item, x);
        if (c < 0)
            return -1;
        if (right ? c : !c)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static Value bisect_fn(const char *name, Value *args, size_t nargs, Value kw, bool right,
                       bool insert)
{
    Value a[5];
    ssize_t lo, hi;
    if (!bisect_args(name, args, nargs, kw, a, &lo, &hi))
        return VAL_NULL;
    Value x = a[1];
    if (insert && a[4] && (x = rt_call1(a[4], a[1])) == VAL_NULL)
        return VAL_NULL;
    ssize_t i = bisect(a[0], x, lo, hi, a[4], right);
    if (i < 0)
        return VAL_NULL;
    if (!insert)
        return small_new(i);
    Value r = rt_list_new(2);
    Value ia[2] = { small_new(i), a[1] };
    if (rt_isinstance_of(a[0], &rt_list_type)) {
        Value ins = rt_getattr_cstr(a[0], "insert");
        r = ins == VAL_NULL ? VAL_NULL : rt_call(ins, ia, 2, VAL_NULL);
    } else {
        r = mod_call_method(a[0], "insert", ia, 2);
    }
    return r == VAL_NULL ? VAL_NULL : rt_None;
}

static Value bs_bisect_left(Value *a, size_t n, Value kw)
{ return bisect_fn("bisect_left", a, n, kw, false, false); }
static Value bs_bisect_right(Value *a, size_t n, Value kw)
{ return bisect_fn("bisect_right", a, n, kw, true, false); }
static Value bs_insort_left(Value *a, size_t n, Value kw)
{ return bisect_fn("insort_left", a, n, kw, false, true); }
static Value bs_insort_right(Value *a, size_t n, Value kw)
{ return bisect_fn("insort_right", a, n, kw, true, true); }

static const MethodDef bisect_functions[] = {
    {"bisect_left", bs_bisect_left}, {"bisect_right", bs_bisect_right},
    {"bisect", bs_bisect_right}, {"insort_left", bs_insort_left},
    {"insort_right", bs_insort_right}, {"insort", bs_insort_right},
    {NULL, NULL}
};

Value mod_bisect_init(void)
{
    return mod_module_new("bisect", bisect_functions);
}
