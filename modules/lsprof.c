/*
 * lsprof.c — the _lsprof module (CPython's Modules/_lsprof.c): Profiler,
 * the deterministic profiler under cProfile, and the two struct sequences
 * its getstats() returns, profiler_entry and profiler_subentry.
 *
 * A Profiler is installed as the thread's profile function (sys.getprofile()
 * returns it, as in CPython), but its events do not go through a Python
 * call with a frame object: vm/systrace.c hands them to profile_event below
 * (vm_set_profile_hook), with the code object of a Python frame ("call",
 * "return") or the builtin function ("c_call", "c_return", "c_exception").
 *
 * What it measures, as CPython does.  One *entry* per function: a code
 * object, or a builtin function identified by its C function and name, so
 * that every bound `list.append` counts as one.  Each call pushes a
 * *context* (start time, time spent in sub-calls, the caller's context);
 * its return pops it and adds to the entry:
 *   callcount     calls;
 *   totaltime     time inside the call, sub-calls included, counted only
 *                 for the outermost of recursive calls (reccallcount counts
 *                 the others);
 *   inlinetime    time inside the call minus its sub-calls.
 * With subcalls=True each entry also keeps one *sub-entry* per callee, the
 * same four figures for the calls it made to that callee.  Times are
 * integers: nanoseconds of the monotonic clock, or what a custom timer
 * returns (floats as seconds, turned into nanoseconds; integers scaled by
 * timeunit when it is set).
 */
#include <math.h>
#include <string.h>
#include <time.h>
#include "modules/modutil.h"
#include "runtime/version.h"
#include "runtime/structseq.h"
#include "vm/systrace.h"

/* ---- tables keyed by one or two pointers, in insertion order -------------------- */

typedef struct Keyed {
    const void *k1, *k2;
} Keyed;

typedef struct KeyTable {
    Keyed **items;              /* in the order they were added */
    size_t count, room;
    uint32_t *index;            /* open addressing: item position + 1, or 0 */
    size_t cap;                 /* a power of two, or 0 */
} KeyTable;

static size_t key_hash(const void *k1, const void *k2)
{
    uintptr_t h = (uintptr_t)k1 * 0x9E3779B97F4A7C15u ^ (uintptr_t)k2 * 0xC2B2AE3D27D4EB4Fu;
    return (size_t)(h ^ (h >> 29));
}

static Keyed *table_get(const KeyTable *t, const void *k1, const void *k2)
{
    if (t->cap == 0)
        return NULL;
    for (size_t i = key_hash(k1, k2) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        uint32_t at = t->index[i];
        if (at == 0)
            return NULL;
        Keyed *k = t->items[at - 1];
        if (k->k1 == k1 && k->k2 == k2)
            return k;
    }
}

static void index_put(KeyTable *t, size_t pos)
{
    Keyed *k = t->items[pos];
    size_t i = key_hash(k->k1, k->k2) & (t->cap - 1);
    while (t->index[i] != 0)
        i = (i + 1) & (t->cap - 1);
    t->index[i] = (uint32_t)pos + 1;
}

/* Add k, which is not in t yet. */
static void table_add(KeyTable *t, Keyed *k)
{
    if (t->count == t->room) {
        t->room = t->room ? 2 * t->room : 8;
        t->items = gc_realloc(t->items, t->room * sizeof *t->items);
    }
    t->items[t->count++] = k;
    if (2 * t->count > t->cap) {                /* at most half full */
        t->cap = t->cap ? 2 * t->cap : 16;
        t->index = gc_alloc_atomic(t->cap * sizeof *t->index);
        memset(t->index, 0, t->cap * sizeof *t->index);
        for (size_t pos = 0; pos < t->count; pos++)
            index_put(t, pos);
    } else {
        index_put(t, t->count - 1);
    }
}

/* ---- the profiler ------------------------------------------------------------------- */

/* The four figures, for an entry and for a sub-entry. */
typedef struct Counts {
    int64_t tt, it;             /* total and inline time */
    long callcount, reccallcount;
    long level;                 /* calls under way (recursion) */
} Counts;

typedef struct Entry {
    Keyed key;                  /* (code, NULL) or (C function, name) */
    Value user;                 /* the code object, or a str for a builtin */
    Counts n;
    KeyTable calls;             /* SubEntry per callee */
} Entry;

typedef struct SubEntry {
    Keyed key;                  /* (callee Entry, NULL) */
    Counts n;
} SubEntry;

typedef struct Context {
    int64_t t0, subt;           /* start, time in sub-calls so far */
    struct Context *previous;   /* the caller's */
    Entry *entry;
} Context;

enum { POF_ENABLED = 1, POF_SUBCALLS = 2, POF_BUILTINS = 4 };

typedef struct Profiler {
    Object ob;
    KeyTable entries;
    Context *current;           /* the innermost call under way */
    Context *free;              /* contexts to reuse */
    int flags;
    Value timer;                /* custom timer, or VAL_NULL */
    double unit;                /* timeunit */
} Profiler;

static ObjType profiler_type, *entry_type, *subentry_type;

#define PROFILER(v) VAL_AS(Profiler, v)

/* The custom timer's value in the profiler's integer units (0 and an
 * unraisable report when it fails), as CPython's CallExternalTimer. */
static int64_t external_time(Profiler *p)
{
    Value o = rt_call(p->timer, NULL, 0, VAL_NULL);
    double d;
    int64_t n;
    if (o == VAL_NULL)
        goto failed;
    if (p->unit > 0.0) {                        /* an integer, scaled by getstats */
        if (!rt_isinstance_of(o, &rt_int_type)) {
            rt_raisef(&rt_TypeError, "expect int, got %T", o);
            goto failed;
        }
        if (!rt_int_as_i64(o, &n)) {
            rt_err_clear();
            goto overflow;
        }
        return n;
    }
    if (rt_isinstance_of(o, &rt_float_type)) {  /* seconds, floored to nanoseconds */
        if (!rt_as_double(o, &d))
            goto failed;
        if (isnan(d)) {
            rt_raisef(&rt_ValueError, "Invalid value NaN (not a number)");
            goto failed;
        }
        d = floor(d * 1e9);
        if (!(d >= -9.2e18 && d <= 9.2e18))
            goto overflow;
        return (int64_t)d;
    }
    if (rt_py_minor >= 14 && !rt_isinstance_of(o, &rt_int_type) &&
        rt_type_lookup(val_type(o), RT_NAME("__index__")) == VAL_NULL) {
        rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer or float", o);
        goto failed;
    }
    Value i = rt_index(o);                      /* whole seconds */
    int64_t sec;
    if (i == VAL_NULL)
        goto failed;
    if (!rt_int_as_i64(i, &sec) || sec > INT64_MAX / 1000000000 || sec < INT64_MIN / 1000000000) {
        rt_err_clear();
        goto overflow;
    }
    return sec * 1000000000;
overflow:
    rt_raisef(&rt_OverflowError, "timestamp too large to convert to C _PyTime_t");
failed:
    rt_write_unraisable_while("calling _lsprof timer", p->timer);
    return 0;
}

static int64_t now(Profiler *p)
{
    if (p->timer != VAL_NULL)
        return external_time(p);
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* What getstats names a builtin function by (CPython's normalizeUserObj):
 * repr(type(self).name) for a method ("<method 'append' of 'list'
 * objects>"), "<built-in method time.sleep>" for a module's function. */
static Value describe_builtin(Value fn)
{
    ObjBuiltin *b = VAL_AS(ObjBuiltin, fn);
    Value self = b->self != VAL_NULL ? b->self : b->module;
    Value module = rt_getattr_cstr(fn, "__module__");
    if (module == VAL_NULL || !rt_is_str(module)) {
        rt_err_clear();
        module = VAL_NULL;
    }
    if (self == VAL_NULL) {
        if (module != VAL_NULL && strcmp(rt_str_cstr(module), "builtins") != 0)
            return rt_str_format_c("<%S.%s>", module, b->name);
        return rt_str_format_c("<%s>", b->name);
    }
    Value method = rt_type_lookup(val_type(self), rt_str_from_cstr(b->name));
    if (method != VAL_NULL) {
        Value r = rt_repr(method);
        if (r != VAL_NULL)
            return r;
    }
    rt_err_clear();
    if (module != VAL_NULL)
        return rt_str_format_c("<built-in method %S.%s>", module, b->name);
    return rt_str_format_c("<built-in method %s>", b->name);
}

static Entry *entry_for(Profiler *p, const void *k1, const void *k2, Value what)
{
    Entry *e = (Entry *)table_get(&p->entries, k1, k2);
    if (e != NULL)
        return e;
    Value user = k2 == NULL ? what : describe_builtin(what);
    if (user == VAL_NULL) {
        rt_err_clear();
        return NULL;
    }
    e = gc_alloc(sizeof *e);
    e->key = (Keyed){ k1, k2 };
    e->user = user;
    table_add(&p->entries, &e->key);
    return e;
}

static SubEntry *subentry_for(Entry *caller, Entry *callee, bool make)
{
    SubEntry *s = (SubEntry *)table_get(&caller->calls, callee, NULL);
    if (s == NULL && make) {
        s = gc_alloc(sizeof *s);
        s->key = (Keyed){ callee, NULL };
        table_add(&caller->calls, &s->key);
    }
    return s;
}

static void enter_call(Profiler *p, const void *k1, const void *k2, Value what)
{
    Value pending = rt_err_fetch();     /* a generator entered by throw() */
    Entry *e = entry_for(p, k1, k2, what);
    if (e != NULL) {
        Context *c = p->free;
        if (c != NULL)
            p->free = c->previous;
        else
            c = gc_alloc(sizeof *c);
        c->entry = e;
        c->subt = 0;
        c->previous = p->current;
        p->current = c;
        e->n.level++;
        if ((p->flags & POF_SUBCALLS) && c->previous != NULL)
            subentry_for(c->previous->entry, e, true)->n.level++;
        c->t0 = now(p);
    }
    if (pending != VAL_NULL)
        rt_raise(pending);
}

/* Add one finished call of `tt` (inline `it`) to n. */
static void count_call(Counts *n, int64_t tt, int64_t it)
{
    if (--n->level == 0)
        n->tt += tt;
    else
        n->reccallcount++;
    n->it += it;
    n->callcount++;
}

/* The innermost call ends (CPython's Stop). */
static void stop(Profiler *p, Context *c)
{
    int64_t tt = now(p) - c->t0, it = tt - c->subt;
    if (c->previous != NULL)
        c->previous->subt += tt;
    p->current = c->previous;
    count_call(&c->entry->n, tt, it);
    if ((p->flags & POF_SUBCALLS) && c->previous != NULL) {
        SubEntry *s = subentry_for(c->previous->entry, c->entry, false);
        if (s != NULL)
            count_call(&s->n, tt, it);
    }
}

static void leave_call(Profiler *p, const void *k1, const void *k2)
{
    Context *c = p->current;
    if (c == NULL)
        return;
    if (table_get(&p->entries, k1, k2) != NULL)
        stop(p, c);
    else
        p->current = c->previous;
    c->previous = p->free;
    p->free = c;
}

/* vm/systrace.c's hook: one profile event. */
static void profile_event(Value self, int event, Value what)
{
    Profiler *p = PROFILER(self);
    bool builtin = (p->flags & POF_BUILTINS) && val_type(what) == &rt_builtin_type;
    switch (event) {
    case VM_EV_CALL:
        enter_call(p, val_obj(what), NULL, what);
        break;
    case VM_EV_RETURN:
        leave_call(p, val_obj(what), NULL);
        break;
    case VM_EV_C_CALL:
        if (builtin)
            enter_call(p, (const void *)VAL_AS(ObjBuiltin, what)->fn,
                       VAL_AS(ObjBuiltin, what)->name, what);
        break;
    case VM_EV_C_RETURN:
    case VM_EV_C_EXCEPTION:
        if (builtin)
            leave_call(p, (const void *)VAL_AS(ObjBuiltin, what)->fn,
                       VAL_AS(ObjBuiltin, what)->name);
        break;
    }
}

/* The calls still under way end now (disable()). */
static void flush_unmatched(Profiler *p)
{
    while (p->current != NULL)
        stop(p, p->current);
}

/* ---- methods -------------------------------------------------------------------------- */

static bool set_flag(Profiler *p, int flag, Value v)
{
    if (v == VAL_NULL)
        return true;
    ssize_t n;
    if (!rt_as_ssize(v, &n))
        return false;
    if (n == 0)
        p->flags &= ~flag;
    else if (n > 0)
        p->flags |= flag;
    return true;
}

static Value profiler_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    Profiler *p = rt_alloc_instance(type, sizeof *p);
    p->flags = POF_SUBCALLS | POF_BUILTINS;
    p->timer = VAL_NULL;
    return obj_val(p);
}

/* Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True) */
static Value profiler_init(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "timer", "timeunit", "subcalls", "builtins" };
    ArgSpec spec = { "Profiler", names, 4, 0, 0, 4, false };
    Value a[4];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    Profiler *p = PROFILER(args[0]);
    double unit = 0.0;
    if (a[1] != VAL_NULL && !mod_as_double(a[1], &unit))
        return VAL_NULL;
    if (!set_flag(p, POF_SUBCALLS, a[2] == VAL_NULL ? rt_True : a[2]) ||
        !set_flag(p, POF_BUILTINS, a[3] == VAL_NULL ? rt_True : a[3]))
        return VAL_NULL;
    p->unit = unit;
    p->timer = a[0];
    return rt_None;
}

/* enable(subcalls=True, builtins=True): leaving one out keeps its setting
 * up to 3.13; 3.14 turns it on (Profiler(subcalls=False) lasts until the
 * first enable()). */
static Value profiler_enable(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "subcalls", "builtins" };
    ArgSpec spec = { "enable", names, 2, 0, 0, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    Profiler *p = PROFILER(args[0]);
    for (int i = 0; i < 2 && rt_py_minor >= 14; i++)
        if (a[i] == VAL_NULL)
            a[i] = rt_True;
    if (!set_flag(p, POF_SUBCALLS, a[0]) || !set_flag(p, POF_BUILTINS, a[1]))
        return VAL_NULL;
    vm_set_profile(args[0]);
    p->flags |= POF_ENABLED;
    return rt_None;
}

static Value profiler_disable(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("disable", nargs - 1, kw))
        return VAL_NULL;
    Profiler *p = PROFILER(args[0]);
    if (vm_profile_func == args[0])
        vm_set_profile(rt_None);
    p->flags &= ~POF_ENABLED;
    flush_unmatched(p);
    return rt_None;
}

static Value profiler_clear(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("clear", nargs - 1, kw))
        return VAL_NULL;
    Profiler *p = PROFILER(args[0]);
    p->entries = (KeyTable){ 0 };
    p->current = p->free = NULL;
    return rt_None;
}

static Value stats_item(ObjType *type, Value user, const Counts *n, double factor, Value calls)
{
    Value items[6] = { user, rt_int_from_i64(n->callcount), rt_int_from_i64(n->reccallcount),
                       rt_float_new(factor * (double)n->tt), rt_float_new(factor * (double)n->it),
                       calls };
    return rt_structseq_new(type, items);
}

/* getstats(): a profiler_entry per function called, with its sub-entries. */
static Value profiler_getstats(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("getstats", nargs - 1, kw))
        return VAL_NULL;
    Profiler *p = PROFILER(args[0]);
    double factor = p->timer == VAL_NULL || p->unit == 0.0 ? 1e-9 : p->unit;
    Value list = rt_list_new(0);
    for (size_t i = 0; i < p->entries.count; i++) {
        Entry *e = (Entry *)p->entries.items[i];
        if (e->n.callcount == 0)
            continue;
        Value calls = rt_None;
        if (e->calls.count > 0) {
            calls = rt_list_new(0);
            for (size_t j = 0; j < e->calls.count; j++) {
                SubEntry *s = (SubEntry *)e->calls.items[j];
                Entry *callee = (Entry *)s->key.k1;
                rt_list_append(calls, stats_item(subentry_type, callee->user, &s->n, factor,
                                                 VAL_NULL));
            }
        }
        rt_list_append(list, stats_item(entry_type, e->user, &e->n, factor, calls));
    }
    return list;
}

static const MethodDef profiler_methods[] = {
    {"__init__", profiler_init},
    {"getstats", profiler_getstats},
    {"enable", profiler_enable},
    {"disable", profiler_disable},
    {"clear", profiler_clear},
    {NULL, NULL}
};

static ObjType profiler_type = {
    .ob.type = &rt_type_type, .name = "_lsprof.Profiler", .flags = TF_BASETYPE | TF_SPLIT_INIT,
    .new_ = profiler_new, .instance_size = sizeof(Profiler),
};

static const char *const entry_fields[] = {
    "code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls",
};
static const RtStructSeqDesc entry_desc = {
    "_lsprof.profiler_entry", entry_fields, 6, 6, true,
};
static const RtStructSeqDesc subentry_desc = {
    "_lsprof.profiler_subentry", entry_fields, 5, 5, true,
};

Value mod_lsprof_init(void)
{
    Value m = mod_module_new("_lsprof", NULL);
    if (entry_type == NULL) {
        entry_type = rt_structseq_type_new(&entry_desc);
        subentry_type = rt_structseq_type_new(&subentry_desc);
        vm_set_profile_hook(&profiler_type, profile_event);
    }
    mod_add_type(m, "Profiler", &profiler_type, profiler_methods);
    mod_add_type(m, "profiler_entry", entry_type, NULL);
    mod_add_type(m, "profiler_subentry", subentry_type, NULL);
    return m;
}
