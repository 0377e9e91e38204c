/*
 * finalize.c — calling __del__ (see finalize.h).
 *
 * Each watched object has a Watch record: its place in the list of watched
 * objects alive (oldest first, for the exit), its allocation number, and the
 * Boehm finaliser registered on the object, whose data the record is.  The
 * record refers to its object by a hidden pointer, so watching does not keep
 * anything alive.  The finaliser is "no order" (gc.h): objects in a cycle,
 * or one holding another, are all found unreachable in the same collection,
 * and whatever they refer to is kept for their __del__ to use.
 *
 *   collection  the finaliser (inside an allocation: no Python code) moves
 *               the record from the live list to the pending queue, which
 *               holds the object strongly again, and asks the loop for a
 *               safe point (vm_request_pending_work);
 *   safe point  rt_finalize_run_pending takes the queue as one batch and
 *               calls each object's __del__.  Boehm forgets a finaliser once
 *               it ran, so __del__ is called once per object even when it
 *               resurrects the object (PEP 442); once the queue lets go,
 *               the object dies at a later collection.
 *   exit        rt_finalize_all calls the __del__ of every object still on
 *               the live list, oldest first.
 *
 * The order of a batch.  CPython frees `x` before what `x` holds (x's
 * __del__ runs first, then, when its attributes go, its children's), and
 * a cycle in the order its objects were made.  A batch is ordered the same
 * way: an object held by another of the batch waits until that one ran;
 * among the free ones (and in a cycle) the oldest goes first.  "Held" looks
 * through instance dicts and the containers (list, tuple, dict, set)
 * to a bounded depth, and at the words of any other object (a
 * TextIOWrapper holds its buffer).
 */
#include <stdlib.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/class.h"
#include "runtime/finalize.h"
#include "vm/vm.h"

typedef struct Watch {
    struct Watch *prev, *next;  /* the live list, or the pending queue (next) */
    uintptr_t hidden;           /* gc_hide(obj) while alive */
    Object *obj;                /* strong, once queued */
    uint64_t seq;               /* allocation order */
    bool forgotten;             /* rt_finalize_forget: never call __del__ */
} Watch;

static Watch *live_head, *live_tail;
static Watch *pending_head, *pending_tail;
static uint64_t next_seq;
static Value s_del;

static void live_unlink(Watch *w)
{
    if (w->prev != NULL) w->prev->next = w->next; else live_head = w->next;
    if (w->next != NULL) w->next->prev = w->prev; else live_tail = w->prev;
    w->prev = w->next = NULL;
}

/* The Boehm finaliser: no Python code, no allocation. */
static void object_died(void *obj, void *data)
{
    Watch *w = data;
    if (w->forgotten || w->obj != NULL)
        return;
    live_unlink(w);
    w->obj = obj;
    if (pending_tail != NULL)
        pending_tail->next = w;
    else
        pending_head = w;
    pending_tail = w;
    vm_request_pending_work();
}

void rt_finalize_watch(Object *o)
{
    Watch *w = gc_alloc(sizeof *w);
    w->hidden = gc_hide(o);
    w->seq = next_seq++;
    w->prev = live_tail;
    if (live_tail != NULL)
        live_tail->next = w;
    else
        live_head = w;
    live_tail = w;
    gc_register_finalizer(o, object_died, w);
}

/* The objects made last are at the tail: sys's streams are found at once. */
void rt_finalize_forget(Value obj)
{
    if (val_is_small(obj))
        return;
    for (Watch *w = live_tail; w != NULL; w = w->prev)
        if (gc_reveal(w->hidden) == val_obj(obj)) {
            live_unlink(w);
            w->forgotten = true;
            return;
        }
}

/* ---- calling one __del__ --------------------------------------------------------- */

/* CPython's slot_tp_finalize: the exception being raised is put aside, and
 * one raised by __del__ is reported with the method as the object. */
static void call_del(Object *o)
{
    if (s_del == VAL_NULL)
        s_del = rt_str_intern_cstr("__del__");
    Value obj = obj_val(o);
    Value saved = rt_err_fetch();
    Value del = rt_type_lookup(o->type, s_del);
    if (del != VAL_NULL) {
        Value r;
        ObjType *dt = val_type(del);
        if (dt == &rt_function_type || dt->descr_get == NULL) {
            r = rt_call(del, &obj, 1, VAL_NULL);
        } else {
            Value bound = dt->descr_get(del, obj, obj_val(o->type));
            r = bound == VAL_NULL ? VAL_NULL : rt_call(bound, NULL, 0, VAL_NULL);
        }
        if (r == VAL_NULL)
            rt_write_unraisable(del);
    }
    if (saved != VAL_NULL)
        rt_raise(saved);
}

/* ---- the order of a batch ------------------------------------------------------- */

enum { MAX_ORDERED = 64, MAX_VISIT = 4096 };

typedef struct Walk {
    Watch **batch;
    size_t n;
    uint64_t reached;           /* bit j: batch[j] is held by the walk's root */
    Value *seen;                /* open addressing, MAX_VISIT * 2 */
    size_t visited;
} Walk;

static int batch_index(Walk *k, const void *p)
{
    for (size_t j = 0; j < k->n; j++)
        if (k->batch[j]->obj == p)
            return (int)j;
    return -1;
}

/* First time the walk reaches v? */
static bool first_visit(Walk *k, Value v)
{
    size_t mask = MAX_VISIT * 2 - 1, i = (v >> 4) & mask;
    while (k->seen[i] != 0) {
        if (k->seen[i] == v)
            return false;
        i = (i + 1) & mask;
    }
    k->seen[i] = v;
    return true;
}

static void walk(Walk *k, Value v);

static void walk_items(Walk *k, Value *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        walk(k, items[i]);
}

/* The words of an object the walk does not know, looked at but not
 * followed: a batch member among them is held. */
static void scan_words(Walk *k, Object *o)
{
    if (!gc_is_heap(o))
        return;
    Value *words = (Value *)o;
    size_t n = gc_block_size(o) / sizeof(Value);
    for (size_t i = 1; i < n; i++) {
        int j = words[i] != 0 && words[i] != obj_val(o) ? batch_index(k, (void *)words[i]) : -1;
        if (j >= 0)
            k->reached |= (uint64_t)1 << j;
    }
}

static void walk(Walk *k, Value v)
{
    if (v == VAL_NULL || val_is_small(v) || k->visited >= MAX_VISIT || !first_visit(k, v))
        return;
    k->visited++;
    int j = batch_index(k, val_obj(v));
    if (j >= 0 && k->visited > 1) {
        k->reached |= (uint64_t)1 << j;
        return;                 /* what it holds, it holds itself */
    }
    ObjType *t = val_type(v);
    if (t == &rt_list_type) {
        walk_items(k, AS_LIST(v)->items, AS_LIST(v)->length);
    } else if (t == &rt_tuple_type) {
        walk_items(k, AS_TUPLE(v)->items, AS_TUPLE(v)->length);
    } else if (t == &rt_dict_type) {
        Value key, value;
        for (size_t i = 0; rt_dict_next(v, &i, &key, &value);) {
            walk(k, key);
            walk(k, value);
        }
    } else if (t == &rt_set_type || t == &rt_frozenset_type) {
        Value key;
        for (size_t i = 0; rt_set_next(v, &i, &key);)
            walk(k, key);
    } else if (rt_is_heaptype(t)) {
        Value *d = rt_instance_dict_slot(v);
        if (d != NULL)
            walk(k, *d);
        scan_words(k, val_obj(v));
    } else if (t->flags & TF_FINALIZER) {
        scan_words(k, val_obj(v));
    }
}

/* held[i]: the batch members batch[i] holds (itself excluded). */
static void find_holds(Watch **batch, size_t n, uint64_t *held)
{
    Value *seen = gc_alloc_atomic(MAX_VISIT * 2 * sizeof(Value));
    for (size_t i = 0; i < n; i++) {
        memset(seen, 0, MAX_VISIT * 2 * sizeof(Value));
        Walk k = { batch, n, 0, seen, 0 };
        walk(&k, obj_val(batch[i]->obj));
        held[i] = k.reached & ~((uint64_t)1 << i);
    }
}

static int by_seq(const void *a, const void *b)
{
    uint64_t x = (*(Watch *const *)a)->seq, y = (*(Watch *const *)b)->seq;
    return x < y ? -1 : x > y;
}

/* Sort the batch (oldest first), then, when it is small enough to look
 * at, move each member held by another after it. */
static void order_batch(Watch **batch, size_t n)
{
    qsort(batch, n, sizeof *batch, by_seq);
    if (n < 2 || n > MAX_ORDERED)
        return;
    uint64_t held[MAX_ORDERED], left = n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1;
    Watch *out[MAX_ORDERED];
    find_holds(batch, n, held);
    for (size_t m = 0; m < n; m++) {
        uint64_t blocked = 0;
        for (size_t i = 0; i < n; i++)
            if (left & ((uint64_t)1 << i))
                blocked |= held[i];
        size_t pick = n;
        for (size_t i = 0; i < n && pick == n; i++)
            if ((left & ((uint64_t)1 << i)) && !(blocked & ((uint64_t)1 << i)))
                pick = i;
        for (size_t i = 0; i < n && pick == n; i++)     /* a cycle: the oldest */
            if (left & ((uint64_t)1 << i))
                pick = i;
        out[m] = batch[pick];
        left &= ~((uint64_t)1 << pick);
    }
    memcpy(batch, out, n * sizeof *batch);
}

/* ---- running the queue ---------------------------------------------------------- */

void rt_finalize_run_pending(void)
{
    while (pending_head != NULL) {
        size_t n = 0;
        for (Watch *w = pending_head; w != NULL; w = w->next)
            n++;
        Watch **batch = gc_alloc(n * sizeof *batch);
        n = 0;
        for (Watch *w = pending_head; w != NULL; w = w->next)
            batch[n++] = w;
        pending_head = pending_tail = NULL;
        order_batch(batch, n);
        for (size_t i = 0; i < n; i++) {
            Object *o = batch[i]->obj;
            batch[i]->next = NULL;
            batch[i]->obj = NULL;
            batch[i] = NULL;
            call_del(o);
        }
    }
}

void rt_finalize_all(void)
{
    rt_finalize_run_pending();
    while (live_head != NULL) {
        Watch *w = live_head;
        live_unlink(w);
        w->forgotten = true;            /* a later collection finds it: done */
        call_del(gc_reveal(w->hidden));
        rt_finalize_run_pending();
    }
}
