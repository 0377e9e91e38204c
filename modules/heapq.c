/*
 * heapq.c — the _heapq module (CPython's Modules/_heapqmodule.c): the heap
 * operations Lib/heapq.py takes from C (`from _heapq import *`), with
 * CPython's exact sifting so that heaps have the same layout and ties land
 * in the same places; heapq.py adds nlargest, nsmallest and merge in Python.
 *
 * A heap is a list with a[k] <= a[2k+1] and a[k] <= a[2k+2]; the _max
 * variants (used by heapq.py's nlargest and merge) keep the reverse order.
 * All comparisons are Python's `<`.  A comparison can run Python code that
 * changes the list, so after each one the list's size is checked ("list
 * changed size during iteration") and its items re-read.
 */
#include "modules/modutil.h"
#include "runtime/version.h"

/* a < b for a min-heap; b < a for a max-heap. */
static int heap_less(Value a, Value b, bool max)
{
    return max ? rt_compare_bool(b, a, CMP_LT) : rt_compare_bool(a, b, CMP_LT);
}

static bool size_changed(ObjList *heap, size_t size)
{
    if (heap->length == size)
        return false;
    rt_raisef(&rt_RuntimeError, "list changed size during iteration");
    return true;
}

/* Move the item at pos up towards startpos while it is smaller than its
 * parent (CPython's siftdown: the path runs towards the root). */
static bool siftdown(ObjList *heap, size_t startpos, size_t pos, bool max)
{
    size_t size = heap->length;
    if (pos >= size) {
        rt_raisef(&rt_IndexError, "index out of range");
        return false;
    }
    while (pos > startpos) {
        size_t parentpos = (pos - 1) >> 1;
        int less = heap_less(heap->items[pos], heap->items[parentpos], max);
        if (less < 0 || size_changed(heap, size))
            return false;
        if (!less)
            break;
        Value parent = heap->items[parentpos];
        heap->items[parentpos] = heap->items[pos];
        heap->items[pos] = parent;
        pos = parentpos;
    }
    return true;
}

/* Move the smaller child up until pos is a leaf, then sift the item that
 * was at pos back down to its place (CPython's siftup). */
static bool siftup(ObjList *heap, size_t pos, bool max)
{
    size_t endpos = heap->length, startpos = pos;
    if (pos >= endpos) {
        rt_raisef(&rt_IndexError, "index out of range");
        return false;
    }
    size_t limit = endpos >> 1;         /* the first position without a child */
    while (pos < limit) {
        size_t childpos = 2 * pos + 1;
        if (childpos + 1 < endpos) {
            int less = heap_less(heap->items[childpos], heap->items[childpos + 1], max);
            if (less < 0 || size_changed(heap, endpos))
                return false;
            childpos += !less;
        }
        Value child = heap->items[childpos];
        heap->items[childpos] = heap->items[pos];
        heap->items[pos] = child;
        pos = childpos;
    }
    return siftdown(heap, startpos, pos, max);
}

/* The heap argument: a list, or "heappush() argument 1 must be list, not int". */
static ObjList *heap_arg(const char *fname, const char *which, Value v)
{
    if (rt_isinstance_of(v, &rt_list_type))
        return AS_LIST(v);
    rt_raisef(&rt_TypeError, "%s() %s must be list, not %T", fname, which, v);
    return NULL;
}

/* The calling conventions of CPython's functions: (heap, item) and (heap). */
static ObjList *two_args(const char *fname, const char *qualname, Value *args, size_t nargs,
                         Value kw)
{
    if (!rt_arg_nokw(qualname, kw) || !rt_arg_range(fname, nargs, 2, 2))
        return NULL;
    return heap_arg(fname, "argument 1", args[0]);
}

static ObjList *one_arg(const char *fname, const char *qualname, Value *args, size_t nargs,
                        Value kw)
{
    if (!rt_arg_one(qualname, nargs, kw))
        return NULL;
    return heap_arg(fname, "argument", args[0]);
}

/* The _max functions' names: 3.14 made them public (heappop_max, not
 * _heappop_max); qualified: "_heapq." first. */
static const char *max_name(const char *name, bool qualified)
{
    static char buf[64];
    const char *bare = rt_py_minor >= 14 ? name : name - 1;  /* name is "_" + bare */
    if (!qualified)
        return bare;
    snprintf(buf, sizeof buf, "_heapq.%s", bare);
    return buf;
}
/* fname and qualname of a _max function, from its 3.14 name (a literal:
 * &"_" name[1] points into "_" name, so max_name can step back to the "_"). */
#define MAX_NAMES(name) max_name(&"_" name[1], false), max_name(&"_" name[1], true)

static Value heappush(Value *args, size_t nargs, Value kw, bool max)
{
    ObjList *heap = max ? two_args(MAX_NAMES("heappush_max"), args, nargs, kw)
                        : two_args("heappush", "_heapq.heappush", args, nargs, kw);
    if (heap == NULL)
        return VAL_NULL;
    rt_list_append(args[0], args[1]);
    return siftdown(heap, 0, heap->length - 1, max) ? rt_None : VAL_NULL;
}

static Value hq_heappush(Value *args, size_t nargs, Value kw)
{
    return heappush(args, nargs, kw, false);
}

static Value hq_heappush_max(Value *args, size_t nargs, Value kw)
{
    return heappush(args, nargs, kw, true);
}

static Value heappop(ObjList *heap, bool max)
{
    if (heap->length == 0)
        return rt_raisef(&rt_IndexError, "index out of range");
    Value last = heap->items[--heap->length];
    if (heap->length == 0)
        return last;
    Value top = heap->items[0];
    heap->items[0] = last;
    return siftup(heap, 0, max) ? top : VAL_NULL;
}

static Value hq_heappop(Value *args, size_t nargs, Value kw)
{
    ObjList *heap = one_arg("heappop", "_heapq.heappop", args, nargs, kw);
    return heap ? heappop(heap, false) : VAL_NULL;
}

static Value hq_heappop_max(Value *args, size_t nargs, Value kw)
{
    ObjList *heap = one_arg(MAX_NAMES("heappop_max"), args, nargs, kw);
    return heap ? heappop(heap, true) : VAL_NULL;
}

static Value heapreplace(ObjList *heap, Value item, bool max)
{
    if (heap->length == 0)
        return rt_raisef(&rt_IndexError, "index out of range");
    Value top = heap->items[0];
    heap->items[0] = item;
    return siftup(heap, 0, max) ? top : VAL_NULL;
}

static Value hq_heapreplace(Value *args, size_t nargs, Value kw)
{
    ObjList *heap = two_args("heapreplace", "_heapq.heapreplace", args, nargs, kw);
    return heap ? heapreplace(heap, args[1], false) : VAL_NULL;
}

static Value hq_heapreplace_max(Value *args, size_t nargs, Value kw)
{
    ObjList *heap = two_args(MAX_NAMES("heapreplace_max"), args, nargs, kw);
    return heap ? heapreplace(heap, args[1], true) : VAL_NULL;
}

/* heappushpop(heap, item): push, then pop — without touching the heap when
 * item would come straight back out. */
static Value heappushpop(Value *args, size_t nargs, Value kw, bool max)
{
    ObjList *heap = max ? two_args(MAX_NAMES("heappushpop_max"), args, nargs, kw)
                        : two_args("heappushpop", "_heapq.heappushpop", args, nargs, kw);
    if (heap == NULL)
        return VAL_NULL;
    if (heap->length == 0)
        return args[1];
    int less = heap_less(heap->items[0], args[1], max);
    if (less <= 0)
        return less < 0 ? VAL_NULL : args[1];
    return heapreplace(heap, args[1], max);
}

static Value hq_heappushpop(Value *args, size_t nargs, Value kw)
{
    return heappushpop(args, nargs, kw, false);
}

static Value hq_heappushpop_max(Value *args, size_t nargs, Value kw)
{
    return heappushpop(args, nargs, kw, true);
}

/* Sift every node with children, bottom-up.  (CPython visits them in a
 * cache-friendlier order for lists above 2500 items; its comment notes both
 * orders make the same comparisons and the same heap.) */
static Value heapify(ObjList *heap, bool max)
{
    for (size_t i = heap->length >> 1; i-- > 0;)
        if (!siftup(heap, i, max))
            return VAL_NULL;
    return rt_None;
}

static Value hq_heapify(Value *args, size_t nargs, Value kw)
{
    ObjList *heap = one_arg("heapify", "_heapq.heapify", args, nargs, kw);
    return heap ? heapify(heap, false) : VAL_NULL;
}

static Value hq_heapify_max(Value *args, size_t nargs, Value kw)
{
    ObjList *heap = one_arg(MAX_NAMES("heapify_max"), args, nargs, kw);
    return heap ? heapify(heap, true) : VAL_NULL;
}

static const MethodDef heapq_functions[] = {
    {"heappush", hq_heappush}, {"heappushpop", hq_heappushpop}, {"heappop", hq_heappop},
    {"heapreplace", hq_heapreplace}, {"heapify", hq_heapify},
    {"_heappop_max", hq_heappop_max}, {"_heapreplace_max", hq_heapreplace_max},
    {"_heapify_max", hq_heapify_max},
    {NULL, NULL}
};

/* 3.14's: the _max functions public, and all five of them. */
static const MethodDef heapq_functions314[] = {
    {"heappush", hq_heappush}, {"heappushpop", hq_heappushpop}, {"heappop", hq_heappop},
    {"heapreplace", hq_heapreplace}, {"heapify", hq_heapify},
    {"heappush_max", hq_heappush_max}, {"heappushpop_max", hq_heappushpop_max},
    {"heappop_max", hq_heappop_max}, {"heapreplace_max", hq_heapreplace_max},
    {"heapify_max", hq_heapify_max},
    {NULL, NULL}
};

Value mod_heapq_init(void)
{
    return mod_module_new("_heapq", rt_py_minor >= 14 ? heapq_functions314 : heapq_functions);
}
