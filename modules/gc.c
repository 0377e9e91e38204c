/*
 * gc.c — the `gc` module, CPython's interface to its cycle collector, on
 * pvm's collector (Boehm's tracing collector, runtime/gc.c).
 *
 * What maps directly: collect() runs a full collection of the Boehm heap
 * and what it makes due (__del__ methods, weak reference callbacks, closing
 * abandoned generators), with gc.callbacks called before ("start") and after
 * ("stop") as CPython calls them, and counted in get_stats().
 *
 * What is CPython's bookkeeping, kept so programs and Lib/ run unchanged
 * (documented limits):
 *   - enable()/disable()/isenabled() are a switch only: pvm has no separate
 *     cycle collector, and memory is always reclaimed by the tracing one;
 *   - collect() returns 0: Boehm does not say how many objects it freed;
 *   - get_count() is (0, 0, 0); the thresholds are stored and returned;
 *   - get_objects() returns the instances of classes written in Python
 *     that a collection finds alive, in no particular order (of the heap's
 *     blocks only rt_alloc_instance's objects can be told from the rest,
 *     gc_instances_alive), not the lists, dicts or functions CPython's
 *     also holds; get_objects(generation) and get_referrers() return [];
 *   - get_referents() knows the containers (list, tuple, dict, set,
 *     frozenset) and an instance's __dict__; other objects have none;
 *   - is_tracked() follows CPython's rules for atoms (int, str, None...),
 *     dicts (tracked once they hold a container; 3.14: always) and tuples;
 *   - freeze()/unfreeze() only count calls (get_freeze_count() is 0),
 *     is_finalized() is False, garbage stays [] (nothing is uncollectable),
 *     get_debug()/set_debug() keep the flags.
 */
#include "modules/modutil.h"
#include "runtime/class.h"
#include "runtime/version.h"
#include "vm/vm.h"

enum { DEBUG_STATS = 1, DEBUG_COLLECTABLE = 2, DEBUG_UNCOLLECTABLE = 4,
       DEBUG_SAVEALL = 32, DEBUG_LEAK = 38, GENERATIONS = 3 };

static bool enabled = true;
static int threshold[GENERATIONS] = { 700, 10, 10 };
static int debug_flags;
static int64_t collections[GENERATIONS];
static Value gc_module;

static bool int_arg(Value v, int *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && rt_int_as_int(i, out);
}

/* Call each of gc.callbacks with (phase, info), as CPython's invoke_gc_callback. */
static bool run_callbacks(const char *phase, int generation)
{
    Value list = rt_getattr_cstr(gc_module, "callbacks");
    if (list == VAL_NULL)
        return false;
    if (!rt_isinstance_of(list, &rt_list_type) || AS_LIST(list)->length == 0)
        return true;
    Value info = rt_dict_new();
    rt_dict_set_cstr(info, "generation", small_new(generation));
    rt_dict_set_cstr(info, "collected", small_new(0));
    rt_dict_set_cstr(info, "uncollectable", small_new(0));
    Value args[2] = { rt_str_from_cstr(phase), info };
    Value copy = rt_list_new(0);
    for (size_t i = 0; i < AS_LIST(list)->length; i++)
        rt_list_append(copy, AS_LIST(list)->items[i]);
    for (size_t i = 0; i < AS_LIST(copy)->length; i++)
        if (rt_call(AS_LIST(copy)->items[i], args, 2, VAL_NULL) == VAL_NULL)
            rt_write_unraisable_while("calling GC callback", AS_LIST(copy)->items[i]);
    return true;
}

/* collect(generation=2) */
static Value gc_collect_m(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "generation" };
    static const ArgSpec spec = { "collect", names, 1, 0, 0, 1, false };
    Value a[1];
    int gen = GENERATIONS - 1;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || (a[0] != VAL_NULL && !int_arg(a[0], &gen)))
        return VAL_NULL;
    if (gen < 0 || gen >= GENERATIONS)
        return rt_raisef(&rt_ValueError, "invalid generation");
    if (!run_callbacks("start", gen))
        return VAL_NULL;
    vm_gc_collect(args + nargs);
    if (rt_err_occurred())
        return VAL_NULL;
    collections[gen]++;
    if (!run_callbacks("stop", gen))
        return VAL_NULL;
    return small_new(0);
}

static Value gc_enable(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("gc.enable", nargs, kw))
        return VAL_NULL;
    enabled = true;
    return rt_None;
}

static Value gc_disable(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("gc.disable", nargs, kw))
        return VAL_NULL;
    enabled = false;
    return rt_None;
}

static Value gc_isenabled(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("gc.isenabled", nargs, kw))
        return VAL_NULL;
    return rt_bool(enabled);
}

static Value gc_get_count(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("gc.get_count", nargs, kw))
        return VAL_NULL;
    return rt_tuple_pack(3, small_new(0), small_new(0), small_new(0));
}

static Value gc_get_threshold(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("gc.get_threshold", nargs, kw))
        return VAL_NULL;
    return rt_tuple_pack(3, small_new(threshold[0]), small_new(threshold[1]),
                         small_new(threshold[2]));
}

/* set_threshold(threshold0, [threshold1, [threshold2]]) */
static Value gc_set_threshold(Value *args, size_t nargs, Value kw)
{
    int t[GENERATIONS] = { threshold[0], threshold[1], threshold[2] };
    if (!rt_arg_nokw("set_threshold", kw))
        return VAL_NULL;
    if (rt_py_minor >= 13 && (nargs < 1 || nargs > 3))
        return rt_raisef(&rt_TypeError, "gc.set_threshold requires 1 to 3 arguments");
    if (!rt_arg_count("set_threshold", nargs, 1, 3))
        return VAL_NULL;
    for (size_t i = 0; i < nargs; i++)
        if (!int_arg(args[i], &t[i]))
            return VAL_NULL;
    for (int i = 0; i < GENERATIONS; i++)
        threshold[i] = t[i];
    return rt_None;
}

static Value gc_get_debug(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("gc.get_debug", nargs, kw))
        return VAL_NULL;
    return small_new(debug_flags);
}

static Value gc_set_debug(Value *args, size_t nargs, Value kw)
{
    int flags;
    if (!rt_arg_one("set_debug", nargs, kw) || !int_arg(args[0], &flags))
        return VAL_NULL;
    debug_flags = flags;
    return rt_None;
}

static Value gc_get_stats(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("gc.get_stats", nargs, kw))
        return VAL_NULL;
    Value list = rt_list_new(0);
    for (int i = 0; i < GENERATIONS; i++) {
        Value d = rt_dict_new();
        rt_dict_set_cstr(d, "collections", rt_int_from_i64(collections[i]));
        rt_dict_set_cstr(d, "collected", small_new(0));
        rt_dict_set_cstr(d, "uncollectable", small_new(0));
        rt_list_append(list, d);
    }
    return list;
}

/* get_objects(generation=None) */
static Value gc_get_objects(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "generation" };
    static const ArgSpec spec = { "get_objects", names, 1, 0, 0, 1, false };
    Value a[1];
    int gen = -1;
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    if (a[0] != VAL_NULL && a[0] != rt_None) {
        if (!is_int(a[0]) && !rt_isinstance_of(a[0], &rt_int_type))
            return rt_raisef(&rt_TypeError, "argument should be integer or None, not '%s'",
                             val_type(a[0])->name);
        if (!int_arg(a[0], &gen))
            return VAL_NULL;
        if (gen >= GENERATIONS)
            return rt_raisef(&rt_ValueError, "generation parameter must be less than the "
                             "number of available generations (%d)", GENERATIONS);
        if (gen < -1)
            return rt_raisef(&rt_ValueError, "generation parameter cannot be negative");
        return rt_list_new(0);
    }
    vm_gc_collect(args + nargs);        /* what the program dropped goes first, as for collect() */
    if (rt_err_occurred())
        return VAL_NULL;
    return rt_instances_of_classes();
}

static Value gc_get_referrers(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("get_referrers", kw))
        return VAL_NULL;
    return rt_list_new(0);
}

/* The objects `o` refers to, in the order CPython's tp_traverse visits them. */
static void add_referents(Value list, Value o)
{
    if (val_is_small(o))
        return;
    if (rt_isinstance_of(o, &rt_list_type) || rt_isinstance_of(o, &rt_tuple_type)) {
        bool is_list = rt_isinstance_of(o, &rt_list_type);
        size_t n = is_list ? AS_LIST(o)->length : AS_TUPLE(o)->length;
        Value *items = is_list ? AS_LIST(o)->items : AS_TUPLE(o)->items;
        for (size_t i = n; i-- > 0;)
            rt_list_append(list, items[i]);
    } else if (rt_isinstance_of(o, &rt_dict_type)) {
        bool str_keys = true;
        Value k, v;
        for (size_t i = 0; rt_dict_next(o, &i, &k, &v);)
            str_keys = str_keys && rt_is_str(k);
        for (size_t i = 0; rt_dict_next(o, &i, &k, &v);) {
            rt_list_append(list, v);
            if (!str_keys)
                rt_list_append(list, k);
        }
    } else if (rt_isinstance_of(o, &rt_set_type) || rt_isinstance_of(o, &rt_frozenset_type)) {
        Value k;
        for (size_t i = 0; rt_set_next(o, &i, &k);)
            rt_list_append(list, k);
    } else {
        Value *d = rt_instance_dict_slot(o);
        if (d != NULL && *d != VAL_NULL)
            rt_list_append(list, *d);
    }
}

static Value gc_get_referents(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("get_referents", kw))
        return VAL_NULL;
    Value list = rt_list_new(0);
    for (size_t i = 0; i < nargs; i++)
        add_referents(list, args[i]);
    return list;
}

/* CPython never tracks atoms, and untracks a dict that holds only atoms. */
static bool is_atom(Value v)
{
    ObjType *t = val_type(v);
    return val_is_small(v) || v == rt_None || is_bool(v) || t == &rt_int_type ||
           t == &rt_float_type || t == &rt_complex_type || t == &rt_str_type ||
           t == &rt_bytes_type || t == &rt_bytearray_type || t == &rt_range_type ||
           t == &rt_object_type;
}

static bool tracked(Value v)
{
    if (is_atom(v))
        return false;
    if (val_type(v) == &rt_dict_type && rt_py_minor < 14) {  /* 3.14 tracks every dict */
        Value k, x;
        for (size_t i = 0; rt_dict_next(v, &i, &k, &x);)
            if (tracked(k) || tracked(x))
                return true;
        return false;
    }
    if (val_type(v) == &rt_tuple_type && rt_py_minor == 12) {  /* 3.12: a tuple of atoms is not */
        for (size_t i = 0; i < AS_TUPLE(v)->length; i++)
            if (!is_atom(AS_TUPLE(v)->items[i]))
                return true;
        return false;
    }
    if (val_type(v) == &rt_tuple_type)
        return AS_TUPLE(v)->length > 0;
    if (val_type(v) == &rt_type_type)
        return (AS_TYPE(v)->flags & TF_HEAPTYPE) != 0;
    return true;
}

static Value gc_is_tracked(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("gc.is_tracked", nargs, kw))
        return VAL_NULL;
    return rt_bool(tracked(args[0]));
}

static Value gc_is_finalized(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("gc.is_finalized", nargs, kw))
        return VAL_NULL;
    return rt_False;
}

static Value gc_freeze(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("gc.freeze", nargs, kw) ? rt_None : VAL_NULL;
}

static Value gc_unfreeze(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("gc.unfreeze", nargs, kw) ? rt_None : VAL_NULL;
}

static Value gc_get_freeze_count(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("gc.get_freeze_count", nargs, kw) ? small_new(0) : VAL_NULL;
}

static const MethodDef gc_functions[] = {
    {"collect", gc_collect_m}, {"enable", gc_enable}, {"disable", gc_disable},
    {"isenabled", gc_isenabled}, {"get_count", gc_get_count},
    {"get_threshold", gc_get_threshold}, {"set_threshold", gc_set_threshold},
    {"get_debug", gc_get_debug}, {"set_debug", gc_set_debug}, {"get_stats", gc_get_stats},
    {"get_objects", gc_get_objects}, {"get_referrers", gc_get_referrers},
    {"get_referents", gc_get_referents}, {"is_tracked", gc_is_tracked},
    {"is_finalized", gc_is_finalized}, {"freeze", gc_freeze}, {"unfreeze", gc_unfreeze},
    {"get_freeze_count", gc_get_freeze_count},
    {NULL, NULL}
};

Value mod_gc_init(void)
{
    Value m = mod_module_new("gc", gc_functions);
    static bool versioned;
    if (!versioned && rt_py_minor >= 13)       /* 3.13's first generation is larger */
        threshold[0] = 2000;
    if (!versioned && rt_py_minor >= 14)       /* 3.14's incremental collector: */
        threshold[2] = 0;                      /* the second old space's is 0 */
    versioned = true;
    mod_module_set(m, "__doc__", rt_str_from_cstr(
        "This module provides access to the garbage collector for reference cycles.\n"));
    mod_module_set(m, "garbage", rt_list_new(0));
    mod_module_set(m, "callbacks", rt_list_new(0));
    mod_module_set(m, "DEBUG_STATS", small_new(DEBUG_STATS));
    mod_module_set(m, "DEBUG_COLLECTABLE", small_new(DEBUG_COLLECTABLE));
    mod_module_set(m, "DEBUG_UNCOLLECTABLE", small_new(DEBUG_UNCOLLECTABLE));
    mod_module_set(m, "DEBUG_SAVEALL", small_new(DEBUG_SAVEALL));
    mod_module_set(m, "DEBUG_LEAK", small_new(DEBUG_LEAK));
    gc_module = m;
    return m;
}
