/*
 * tracemalloc.c — the `_tracemalloc` module: the memory tracer under
 * CPython's Lib/tracemalloc.py (CPython's Modules/_tracemalloc.c and
 * Python/tracemalloc.c).
 *
 * While tracing, every block the program allocates through runtime/gc.c
 * is recorded with its size and the traceback of the Python frames that
 * were running (the innermost `max_nframe`), in `traces`, a table keyed
 * by the block's address.  The table must not keep the blocks alive, so
 * it is malloc'ed (the collector never scans it) and holds each address
 * complemented (gc_hide) all the same.  A block leaves it when gc.c gives
 * it back (gc_free, the old block of a realloc) or when a collection finds
 * it garbage: gc.c calls `marked` at the end of each collection, and
 * every trace whose block is not marked goes (a block kept for its
 * finaliser stays until the collection after it ran, so the
 * ResourceWarning of an unclosed file shows where it was opened).
 * get_traced_memory()'s current size is the sum of the traces'; its peak
 * is the largest that sum was since tracing started, reset_peak() or
 * clear_traces().  What
 * the program dropped is still traced until a collection finds it (where
 * CPython's reference counts free it at once), so get_traced_memory() and
 * _get_traces() (take_snapshot()) collect first, as gc.collect() does:
 * they report what is alive.
 *
 * Tracebacks are interned (one copy of each in `tracebacks`, as CPython
 * keeps them), malloc'ed too; the filenames they name are the code
 * objects' str, kept alive by the dict `filenames` (a code object may die
 * before its traces).  A traceback's frames are the most recent first, as
 * _get_traces() and _get_object_traceback() give them to tracemalloc.py.
 *
 * The line of the innermost frame is that of the instruction allocating,
 * even one that calls nothing (`b'x' * n`): while tracing, the loops keep
 * the running instruction in the frame (vm_set_exact_positions), at the
 * cost of running in the tracing loop.  When not tracing nothing here
 * runs, and the allocation paths pay nothing (runtime/gc.c, "tracing
 * allocations").
 *
 * Not as in CPython: sizes are pvm's (its objects are laid out otherwise);
 * there is one domain, 0 (no C API to track other memory); the
 * interpreter's own start-up objects (the start-up regions) are never
 * traced, nor what the callbacks of get_traced_memory()'s collection
 * allocate (collect_dropped).
 */
#include <stdlib.h>
#include <string.h>
#include "modules/api.h"
#include "modules/modutil.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "vm/vm.h"

/* CPython's MAX_NFRAME: a traceback counts its frames in 16 bits. */
#define MAX_NFRAME 65535

static bool tracing;
static bool paused;             /* collect_dropped's collection runs */
static int max_nframe = 1;
static size_t traced_now, traced_peak;

/* ---- tracebacks ----------------------------------------------------------------- */

typedef struct TmFrame {
    Value filename;             /* a str of `filenames` */
    int lineno;
} TmFrame;

typedef struct Traceback {
    struct Traceback *next;     /* in its chain of `tracebacks` */
    uint64_t hash;
    uint16_t nframe, total_nframe;
    unsigned made_in;           /* _get_traces' call that made `made` */
    Value made;                 /* its tuple in that call */
    TmFrame frames[];
} Traceback;

static Traceback **tracebacks;  /* chains by hash */
static size_t ntracebacks, tracebacks_cap;
static size_t own_bytes;        /* what tracebacks take (get_tracemalloc_memory) */
static Value filenames;         /* str -> the same str */
static Value last_filename;     /* the last one found there */
static VmPosition *positions;   /* the frames, max_nframe of them */
static Traceback *scratch;      /* the traceback being looked up */

static size_t traceback_bytes(int nframe)
{
    return sizeof(Traceback) + (size_t)nframe * sizeof(TmFrame);
}

/* A filename as the one str `filenames` keeps equal to it. */
static Value intern_filename(Value name)
{
    if (name == last_filename)
        return name;
    if (filenames == VAL_NULL)
        filenames = rt_dict_new();
    Value kept = rt_dict_get(filenames, name, NULL);
    if (kept == VAL_NULL) {
        rt_dict_set(filenames, name, name);
        kept = name;
    }
    return last_filename = kept;
}

/* A frame's code's filename, "<unknown>" for a code without one. */
static Value filename_of(const ObjCode *code)
{
    Value name = code != NULL ? code->filename : VAL_NULL;
    return intern_filename(name != VAL_NULL && rt_is_str(name) ? name
                                                              : rt_str_from_cstr("<unknown>"));
}

static uint64_t traceback_hash(const Traceback *tb)
{
    uint64_t h = 0x345678u + tb->total_nframe;
    for (int i = 0; i < tb->nframe; i++) {
        h = (h ^ (uint64_t)tb->frames[i].filename) * 1000003u;
        h = (h ^ (uint64_t)(unsigned)tb->frames[i].lineno) * 1000003u;
    }
    return h;
}

static bool traceback_equal(const Traceback *a, const Traceback *b)
{
    return a->hash == b->hash && a->nframe == b->nframe &&
           a->total_nframe == b->total_nframe &&
           memcmp(a->frames, b->frames, a->nframe * sizeof(TmFrame)) == 0;
}

/* Room for one more traceback in the chains (doubled past one per chain);
 * false: malloc failed, the table stays as it is. */
static bool tracebacks_room(void)
{
    if (ntracebacks < tracebacks_cap)
        return true;
    size_t cap = tracebacks_cap ? tracebacks_cap * 2 : 256;
    Traceback **chains = calloc(cap, sizeof *chains);
    if (chains == NULL)
        return false;
    for (size_t i = 0; i < tracebacks_cap; i++)
        for (Traceback *tb = tracebacks[i], *next; tb != NULL; tb = next) {
            next = tb->next;
            tb->next = chains[tb->hash & (cap - 1)];
            chains[tb->hash & (cap - 1)] = tb;
        }
    free(tracebacks);
    tracebacks = chains;
    tracebacks_cap = cap;
    return true;
}

/* The interned copy of `scratch`, made if need be; NULL: no memory. */
static Traceback *intern_scratch(void)
{
    scratch->hash = traceback_hash(scratch);
    if (tracebacks_cap != 0)
        for (Traceback *tb = tracebacks[scratch->hash & (tracebacks_cap - 1)]; tb; tb = tb->next)
            if (traceback_equal(tb, scratch))
                return tb;
    size_t bytes = traceback_bytes(scratch->nframe);
    Traceback *tb = tracebacks_room() ? malloc(bytes) : NULL;
    if (tb == NULL)
        return NULL;
    memcpy(tb, scratch, bytes);
    tb->made_in = 0;
    tb->next = tracebacks[tb->hash & (tracebacks_cap - 1)];
    tracebacks[tb->hash & (tracebacks_cap - 1)] = tb;
    ntracebacks++;
    own_bytes += bytes;
    return tb;
}

/* The traceback of the running frames (CPython's traceback_new): with no
 * frame, one frame "<unknown>", line 0. */
static Traceback *traceback_now(void)
{
    int total = vm_positions(positions, max_nframe);
    int n = total < max_nframe ? total : max_nframe;
    for (int i = 0; i < n; i++) {
        Value name = filename_of(positions[i].code);
        scratch->frames[i] = (TmFrame){ name, positions[i].lineno > 0 ? positions[i].lineno : 0 };
    }
    if (n == 0) {
        scratch->frames[0] = (TmFrame){ filename_of(NULL), 0 };
        n = total = 1;
    }
    scratch->nframe = (uint16_t)n;
    scratch->total_nframe = (uint16_t)(total < MAX_NFRAME ? total : MAX_NFRAME);
    return intern_scratch();
}

static void tracebacks_clear(void)
{
    for (size_t i = 0; i < tracebacks_cap; i++)
        for (Traceback *tb = tracebacks[i], *next; tb != NULL; tb = next) {
            next = tb->next;
            free(tb);
        }
    free(tracebacks);
    tracebacks = NULL;
    ntracebacks = tracebacks_cap = own_bytes = 0;
    filenames = last_filename = VAL_NULL;
}

/* ---- the traces ----------------------------------------------------------------- */

/* Open addressing, linear probing.  A slot's key is its block's address
 * complemented (never 0 or 1: blocks are aligned), EMPTY, or GONE (a
 * trace removed: lookups go on past it).  The collector's callback only
 * marks slots GONE, since it may not allocate; insertion rebuilds the
 * table when the slots in use or GONE pass three quarters. */
enum { EMPTY = 0, GONE = 1 };

typedef struct Trace {
    uintptr_t key;
    size_t size;
    Traceback *traceback;
} Trace;

static Trace *traces;
static size_t traces_cap, traces_live, traces_used;    /* used: live + GONE */

static size_t slot_of(uintptr_t key)
{
    return (size_t)((key >> 4) * UINT64_C(0x9e3779b97f4a7c15) >> 20) & (traces_cap - 1);
}

static Trace *trace_find(uintptr_t key)
{
    if (traces_cap == 0)
        return NULL;
    for (size_t i = slot_of(key);; i = (i + 1) & (traces_cap - 1)) {
        if (traces[i].key == key)
            return &traces[i];
        if (traces[i].key == EMPTY)
            return NULL;
    }
}

static void trace_remove(Trace *t)
{
    traced_now -= t->size;
    t->key = GONE;
    traces_live--;
}

/* The live traces moved into a table of `cap` slots; false: no memory. */
static bool traces_rebuild(size_t cap)
{
    Trace *old = traces, *fresh = calloc(cap, sizeof *fresh);
    size_t old_cap = traces_cap;
    if (fresh == NULL)
        return false;
    traces = fresh;
    traces_cap = cap;
    for (size_t i = 0; i < old_cap; i++) {
        if (old[i].key <= GONE)
            continue;
        size_t j = slot_of(old[i].key);
        while (traces[j].key != EMPTY)
            j = (j + 1) & (cap - 1);
        traces[j] = old[i];
    }
    traces_used = traces_live;
    free(old);
    return true;
}

static void trace_add(uintptr_t key, size_t size, Traceback *tb)
{
    Trace *t = trace_find(key);
    if (t != NULL) {                    /* a block reused unseen: the new one counts */
        traced_now -= t->size;
    } else {
        if ((traces_used + 1) * 4 > traces_cap * 3) {
            size_t cap = traces_cap ? traces_cap : 1024;
            while ((traces_live + 1) * 2 > cap)
                cap *= 2;
            if (!traces_rebuild(cap))
                return;
        }
        size_t i = slot_of(key);
        while (traces[i].key > GONE)
            i = (i + 1) & (traces_cap - 1);
        t = &traces[i];
        traces_used += t->key == EMPTY;
        traces_live++;
    }
    *t = (Trace){ key, size, tb };
    traced_now += size;
    if (traced_now > traced_peak)
        traced_peak = traced_now;
}

static void traces_clear(void)
{
    free(traces);
    traces = NULL;
    traces_cap = traces_live = traces_used = 0;
    traced_now = traced_peak = 0;
}

/* ---- what gc.c reports ----------------------------------------------------------- */

static void on_alloc(void *p, size_t size)
{
    if (paused)
        return;
    Traceback *tb = traceback_now();    /* first: it may allocate, and collect */
    if (tb != NULL)
        trace_add(gc_hide(p), size, tb);
}

static void on_free(void *p)
{
    Trace *t = trace_find(gc_hide(p));
    if (t != NULL)
        trace_remove(t);
}

/* A collection has ended: the traces of the blocks it did not keep go. */
static void on_marked(void)
{
    for (size_t i = 0; i < traces_cap; i++)
        if (traces[i].key > GONE && !gc_is_marked(gc_reveal(traces[i].key)))
            trace_remove(&traces[i]);
}

static const GcTracer tracer = { on_alloc, on_free, on_marked };

/* ---- starting and stopping ------------------------------------------------------- */

static void forget_all(void)
{
    traces_clear();
    tracebacks_clear();
}

/* CPython's _PyTraceMalloc_Start: already tracing, nothing changes (the
 * limit neither). */
static bool start(int nframe)
{
    if (nframe < 1 || nframe > MAX_NFRAME) {
        rt_raisef(&rt_ValueError, "the number of frames must be in range [1; %d]", MAX_NFRAME);
        return false;
    }
    if (tracing)
        return true;
    VmPosition *pos = realloc(positions, (size_t)nframe * sizeof *pos);
    Traceback *tb = pos != NULL ? realloc(scratch, traceback_bytes(nframe)) : NULL;
    if (pos != NULL)
        positions = pos;
    if (tb == NULL) {
        rt_raise(obj_val(&rt_MemoryError));
        return false;
    }
    scratch = tb;
    max_nframe = nframe;
    tracing = true;
    vm_set_exact_positions(true);
    gc_set_tracer(&tracer);
    return true;
}

static void stop(void)
{
    if (!tracing)
        return;
    gc_set_tracer(NULL);
    vm_set_exact_positions(false);
    tracing = false;
    forget_all();
}

bool mod_tracemalloc_start(int nframe)
{
    return start(nframe);
}

/* ---- the module's functions ------------------------------------------------------ */

/* start(nframe=1, /) */
static Value tm_start(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_tracemalloc.start", kw) || !rt_arg_range("start", nargs, 0, 1))
        return VAL_NULL;
    int nframe = 1;
    if (nargs == 1) {
        Value n = rt_index(args[0]);
        if (n == VAL_NULL || !rt_int_as_int(n, &nframe))
            return VAL_NULL;
    }
    return start(nframe) ? rt_None : VAL_NULL;
}

static Value tm_stop(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_tracemalloc.stop", nargs, kw))
        return VAL_NULL;
    stop();
    return rt_None;
}

static Value tm_is_tracing(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_tracemalloc.is_tracing", nargs, kw))
        return VAL_NULL;
    return rt_bool(tracing);
}

/* The traces go; tracing goes on. */
static Value tm_clear_traces(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_tracemalloc.clear_traces", nargs, kw))
        return VAL_NULL;
    if (tracing)
        forget_all();
    return rt_None;
}

static Value tm_get_traceback_limit(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_tracemalloc.get_traceback_limit", nargs, kw))
        return VAL_NULL;
    return small_new(max_nframe);
}

/* What the program dropped leaves the traces first: CPython's reference
 * counts free it at once, pvm's collector at its next collection, so the
 * two queries that report what is alive collect (as gc.collect() does,
 * `live_end` the end of the caller's arguments).  What the callbacks the
 * collection makes due (weak references', __del__) allocate is not
 * traced: CPython would have run them earlier, where the program dropped
 * the objects, and here they would count against the query's own line.
 * False with the exception a callback raised. */
static bool collect_dropped(const Value *live_end)
{
    if (!tracing)
        return true;
    paused = true;
    vm_gc_collect(live_end);
    paused = false;
    return !rt_err_occurred();
}

/* (current, peak): both 0 when not tracing. */
static Value tm_get_traced_memory(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_tracemalloc.get_traced_memory", nargs, kw) ||
        !collect_dropped(args + nargs))
        return VAL_NULL;
    size_t now = tracing ? traced_now : 0, peak = tracing ? traced_peak : 0;
    return rt_tuple_pack(2, rt_int_from_u64(now), rt_int_from_u64(peak));
}

static Value tm_reset_peak(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_tracemalloc.reset_peak", nargs, kw))
        return VAL_NULL;
    if (tracing)
        traced_peak = traced_now;
    return rt_None;
}

/* The bytes of the tracer's own tables. */
static Value tm_get_tracemalloc_memory(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_tracemalloc.get_tracemalloc_memory", nargs, kw))
        return VAL_NULL;
    size_t bytes = traces_cap * sizeof(Trace) + tracebacks_cap * sizeof(Traceback *) + own_bytes +
                   (size_t)max_nframe * sizeof(VmPosition) + traceback_bytes(max_nframe);
    return rt_int_from_u64(bytes);
}

/* A traceback as tracemalloc.py reads it: a tuple of (filename, lineno),
 * the most recent first; one tuple per traceback in one call (`call`). */
static Value traceback_tuple(Traceback *tb, unsigned call)
{
    if (tb->made_in == call)
        return tb->made;
    Value t = rt_tuple_new(tb->nframe);
    for (int i = 0; i < tb->nframe; i++)
        AS_TUPLE(t)->items[i] = rt_tuple_pack(2, tb->frames[i].filename,
                                              small_new(tb->frames[i].lineno));
    tb->made_in = call;
    tb->made = t;
    return t;
}

/* Each call its own number, so that a `made` of an earlier one (which the
 * collector may have freed since: the tracebacks are not scanned) is never
 * read. */
static unsigned next_call(void)
{
    static unsigned calls;
    if (++calls == 0)
        calls = 1;
    return calls;
}

static Value tm_get_object_traceback(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_tracemalloc._get_object_traceback", nargs, kw))
        return VAL_NULL;
    if (!tracing || val_is_small(args[0]))
        return rt_None;
    Trace *t = trace_find(gc_hide(val_obj(args[0])));
    return t != NULL ? traceback_tuple(t->traceback, next_call()) : rt_None;
}

/* [(domain, size, traceback, total_nframe)]: the traces as they are now,
 * copied first, since making the list allocates (and traces that). */
static Value tm_get_traces(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_tracemalloc._get_traces", nargs, kw) || !collect_dropped(args + nargs))
        return VAL_NULL;
    Value list = rt_list_new(0);
    if (!tracing || traces_live == 0)
        return list;
    size_t n = 0;
    Trace *copy = malloc(traces_live * sizeof *copy);
    if (copy == NULL)
        return rt_raise(obj_val(&rt_MemoryError));
    for (size_t i = 0; i < traces_cap; i++)
        if (traces[i].key > GONE)
            copy[n++] = traces[i];
    unsigned call = next_call();
    for (size_t i = 0; i < n; i++) {
        Traceback *tb = copy[i].traceback;
        rt_list_append(list, rt_tuple_pack(4, small_new(0), rt_int_from_u64(copy[i].size),
                                           traceback_tuple(tb, call),
                                           small_new(tb->total_nframe)));
    }
    free(copy);
    return list;
}

static const MethodDef tracemalloc_functions[] = {
    {"_get_object_traceback", tm_get_object_traceback}, {"_get_traces", tm_get_traces},
    {"clear_traces", tm_clear_traces}, {"get_traceback_limit", tm_get_traceback_limit},
    {"get_traced_memory", tm_get_traced_memory},
    {"get_tracemalloc_memory", tm_get_tracemalloc_memory}, {"is_tracing", tm_is_tracing},
    {"reset_peak", tm_reset_peak}, {"start", tm_start}, {"stop", tm_stop}, {NULL, NULL}
};

Value mod_tracemalloc_init(void)
{
    Value m = mod_module_new("_tracemalloc", tracemalloc_functions);
    mod_module_set(m, "__doc__", rt_str_from_cstr("Debug module to trace memory blocks "
                                                  "allocated by Python."));
    return m;
}
