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
    uint64_t key;               /* the order when nothing else decides: seq, or
                                   at exit the order __main__'s teardown meets it */
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

/* The length of the list from w on. */
static size_t list_length(const Watch *w)
{
    size_t n = 0;
    for (; w != NULL; w = w->next)
        n++;
    return n;
}

/* The Boehm finaliser: no Python code, no allocation.  It runs inside
 * whatever allocation the collector chooses (an allocation may collect,
 * and runs the finalisers due): code that sizes an array by one of these
 * lists and then allocates must not trust the count afterwards. */
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
    w->seq = w->key = next_seq++;
    w->prev = live_tail;
    if (live_tail != NULL)
        live_tail->next = w;
    else
        live_head = w;
    live_tail = w;
    gc_register_finalizer(o, object_died, w);
}

void rt_finalize_watch_once(Object *o)
{
    if (!gc_has_finalizer(o, object_died))
        rt_finalize_watch(o);
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
 * one raised by __del__ is reported with the method as the object (3.14:
 * as "Exception ignored while calling deallocator <method>", no object). */
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
            rt_write_unraisable_while("calling deallocator", del);
    }
    if (saved != VAL_NULL)
        rt_raise(saved);
}

/* ---- the order of a batch ------------------------------------------------------- */

/* A batch being ordered: its members oldest first, found again by address
 * (open addressing over `slots`, 2n or more, each an index + 1). */
typedef struct Batch {
    Watch **w;
    size_t n;
    uint32_t *slots;
    size_t mask;
    uint32_t **holds;           /* holds[i]: members i holds, a count first */
} Batch;

/* A walk from one member: the values met so far (open addressing), and
 * the slots they took, so that the next walk starts from an empty set by
 * clearing those alone (a walk meets a few values; the set is sized for
 * `limit`, up to 64 KiB). */
typedef struct Walk {
    Batch *b;
    size_t root;
    Value *seen;
    size_t mask, visited, limit;
    size_t *taken;              /* seen's slots in use: `visited` of them */
} Walk;

static size_t hash_ptr(uintptr_t p, size_t mask)
{
    return (p >> 4) * 0x9E3779B97F4A7C15u >> 20 & mask;
}

static void index_members(Batch *b)
{
    size_t cap = 16;
    while (cap < b->n * 2)
        cap *= 2;
    b->slots = gc_alloc_atomic(cap * sizeof *b->slots);
    memset(b->slots, 0, cap * sizeof *b->slots);
    b->mask = cap - 1;
    for (size_t i = 0; i < b->n; i++) {
        size_t h = hash_ptr((uintptr_t)b->w[i]->obj, b->mask);
        while (b->slots[h] != 0)
            h = (h + 1) & b->mask;
        b->slots[h] = (uint32_t)i + 1;
    }
}

/* The member at address p, or -1. */
static long member_at(Batch *b, uintptr_t p)
{
    for (size_t h = hash_ptr(p, b->mask); b->slots[h] != 0; h = (h + 1) & b->mask)
        if ((uintptr_t)b->w[b->slots[h] - 1]->obj == p)
            return (long)b->slots[h] - 1;
    return -1;
}

static void add_hold(Batch *b, size_t from, long to)
{
    if (to < 0 || (size_t)to == from)
        return;
    uint32_t *h = b->holds[from];
    size_t n = h == NULL ? 0 : h[0];
    for (size_t i = 1; i <= n; i++)
        if (h[i] == (uint32_t)to)
            return;
    if ((n & (n + 1)) == 0 || h == NULL) {          /* full: grow to 2n + 1 slots */
        uint32_t *g = gc_alloc_atomic((2 * n + 2) * sizeof *g);
        if (h != NULL)
            memcpy(g, h, (n + 1) * sizeof *g);
        b->holds[from] = h = g;
    }
    h[++n] = (uint32_t)to;
    h[0] = (uint32_t)n;
}

/* The slot of v in the set `seen` (open addressing, mask + 1 slots): v's
 * own, or the empty one it would take. */
static size_t set_slot(const Value *seen, size_t mask, Value v)
{
    size_t i = hash_ptr(v, mask);
    while (seen[i] != 0 && seen[i] != v)
        i = (i + 1) & mask;
    return i;
}

/* First time v is put in the set `seen`? */
static bool first_visit(Value *seen, size_t mask, Value v)
{
    size_t i = set_slot(seen, mask, v);
    if (seen[i] == v)
        return false;
    seen[i] = v;
    return true;
}

/* The words of an object the walk does not know are looked at, not
 * followed: a member among them is held (a TextIOWrapper's buffer). */
static void scan_words(Walk *k, Object *o)
{
    if (!gc_is_heap(o))
        return;
    size_t n = gc_block_size(o) / sizeof(Value);
    for (size_t i = 1; i < n; i++) {
        Value w = gc_block_word(o, i);
        if (w != 0 && !val_is_small(w))
            add_hold(k->b, k->root, member_at(k->b, w));
    }
}

static void walk(Walk *k, Value v);

static void walk_items(Walk *k, Value *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        walk(k, items[i]);
}

/* The items of a list, tuple, dict or set, or of an instance of a subclass
 * of one (`base`, the built-in it derives from). */
static void walk_items_of(Walk *k, Value v, ObjType *base)
{
    if (base == &rt_list_type) {
        walk_items(k, AS_LIST(v)->items, AS_LIST(v)->length);
    } else if (base == &rt_tuple_type) {
        walk_items(k, AS_TUPLE(v)->items, AS_TUPLE(v)->length);
    } else if (base == &rt_dict_type) {
        Value key, value;
        for (size_t i = 0; rt_dict_next(v, &i, &key, &value);) {
            walk(k, key);
            walk(k, value);
        }
    } else {
        Value key;
        for (size_t i = 0; rt_set_next(v, &i, &key);)
            walk(k, key);
    }
}

/* Follow v through instance dicts and containers (a subclass's items too:
 * a chain of dict subclasses, each holding the next, frees outermost first);
 * a member met is held by the root, and what it holds is its own business. */
static void walk(Walk *k, Value v)
{
    if (v == VAL_NULL || val_is_small(v) || k->visited >= k->limit)
        return;
    size_t slot = set_slot(k->seen, k->mask, v);
    if (k->seen[slot] == v)
        return;
    k->seen[slot] = v;
    k->taken[k->visited] = slot;
    long j = member_at(k->b, v);
    if (k->visited++ > 0 && j >= 0) {
        add_hold(k->b, k->root, j);
        return;
    }
    static ObjType *const containers[] = {
        &rt_list_type, &rt_tuple_type, &rt_dict_type, &rt_set_type, &rt_frozenset_type,
    };
    ObjType *t = val_type(v);
    for (size_t i = 0; i < sizeof containers / sizeof *containers; i++)
        if (t == containers[i]) {
            walk_items_of(k, v, t);
            return;
        }
    if (t == &rt_values_type) {                 /* an instance's inline values */
        const ObjValues *vals = VAL_AS(ObjValues, v);
        for (uint32_t i = 0; i < vals->len; i++) {
            walk(k, vals->keys->names[i]);
            walk(k, vals->values[i]);
        }
    } else if (rt_is_heaptype(t) || (t->flags & TF_FINALIZER)) {
        Value *d = rt_instance_dict_slot_raw(v);
        if (d != NULL)
            walk(k, *d);
        scan_words(k, val_obj(v));
        for (size_t i = 0; i < sizeof containers / sizeof *containers; i++)
            if (rt_is_subtype(t, containers[i])) {
                walk_items_of(k, v, containers[i]);
                break;
            }
    }
}

static void find_holds(Batch *b, size_t limit)
{
    size_t cap = 16;
    while (cap < limit * 2)
        cap *= 2;
    Value *seen = gc_alloc_atomic(cap * sizeof *seen);
    memset(seen, 0, cap * sizeof *seen);
    size_t *taken = gc_alloc_atomic(limit * sizeof *taken);
    b->holds = gc_alloc(b->n * sizeof *b->holds);
    for (size_t i = 0; i < b->n; i++) {
        Walk k = { b, i, seen, cap - 1, 0, limit, taken };
        walk(&k, obj_val(b->w[i]->obj));
        for (size_t t = 0; t < k.visited; t++)
            seen[taken[t]] = 0;
    }
}

static int by_key(const void *a, const void *b)
{
    uint64_t x = (*(Watch *const *)a)->key, y = (*(Watch *const *)b)->key;
    return x < y ? -1 : x > y;
}

/* Order w[0..n) (objects held strongly by w[i]->obj): oldest first, except
 * that a member held by another waits for it; in a cycle the oldest goes
 * first.  A walk looks at no more than `limit` values. */
static void order_watches(Watch **w, size_t n, size_t limit)
{
    qsort(w, n, sizeof *w, by_key);
    if (n < 2)
        return;
    Batch b = { w, n, NULL, 0, NULL };
    index_members(&b);
    find_holds(&b, limit);
    uint32_t *waiting = gc_alloc_atomic(n * sizeof *waiting);   /* held by how many left */
    memset(waiting, 0, n * sizeof *waiting);
    for (size_t i = 0; i < n; i++)
        for (size_t m = 1; b.holds[i] != NULL && m <= b.holds[i][0]; m++)
            waiting[b.holds[i][m]]++;
    Watch **out = gc_alloc(n * sizeof *out);
    bool *done = gc_alloc_atomic(n);
    memset(done, 0, n);
    size_t oldest_left = 0;
    for (size_t m = 0; m < n; m++) {
        while (done[oldest_left])
            oldest_left++;
        size_t pick = oldest_left;              /* a cycle: the oldest */
        for (size_t i = oldest_left; i < n; i++)
            if (!done[i] && waiting[i] == 0) {
                pick = i;
                break;
            }
        done[pick] = true;
        out[m] = w[pick];
        for (size_t h = 1; b.holds[pick] != NULL && h <= b.holds[pick][0]; h++)
            waiting[b.holds[pick][h]]--;
    }
    memcpy(w, out, n * sizeof *w);
}

/* ---- running the queue ---------------------------------------------------------- */

/* How many values the walk from each member of a batch of n may look at:
 * a thorough look at a small batch, about a million values in all for a
 * large one. */
static size_t walk_limit(size_t n)
{
    size_t limit = ((size_t)1 << 20) / n;
    return limit < 16 ? 16 : limit > 4096 ? 4096 : limit;
}

/* The batch call_all is calling: its members not called yet are neither
 * registered with the collector nor queued (rt_finalize_watch_instances). */
static Watch **calling;
static size_t calling_n;

/* Call the __del__ of each object of w[0..n), in that order. */
static void call_all(Watch **w, size_t n)
{
    Watch **outer = calling;            /* a batch at exit: a __del__ reached a safe point */
    size_t outer_n = calling_n;
    calling = w;
    calling_n = n;
    for (size_t i = 0; i < n; i++) {
        Object *o = w[i]->obj;
        w[i]->obj = NULL;
        w[i] = NULL;
        call_del(o);
    }
    calling = outer;
    calling_n = outer_n;
}

/* A batch is being called (by call_all from rt_finalize_run_pending), in
 * this thread or in another whose __del__ released the interpreter lock. */
static bool running;

/* One batch per call: what its __del__ methods make due waits for the next
 * safe point, so that a thread does not spend its life finalising what
 * other threads keep dropping (they run while a __del__ sleeps). */
void rt_finalize_run_pending(void)
{
    if (running)
        return;         /* a __del__ reached a safe point: the batch goes on first */
    /* The queue is taken off before the batch's array is allocated: an
     * allocation may run the collector's finalisers (object_died), which
     * queue more, and those wait for the next call.  (Counted and then
     * copied from the queue itself, a batch of 42 took 46: the four
     * written past the array's end zeroed the header of the class the
     * heap had put next to it, test_xmlrpc's SIGSEGV.) */
    Watch *taken = pending_head;
    if (taken == NULL)
        return;
    pending_head = pending_tail = NULL;
    size_t n = list_length(taken);
    Watch **batch = gc_alloc(n * sizeof *batch);
    n = 0;
    for (Watch *w = taken; w != NULL; w = w->next)
        batch[n++] = w;
    for (size_t i = 0; i < n; i++)
        batch[i]->next = NULL;
    order_watches(batch, n, walk_limit(n));
    running = true;
    call_all(batch, n);
    running = false;
    if (pending_head != NULL)
        vm_request_pending_work();
}

/* ---- a class given __del__ late ------------------------------------------------------ */

/* CPython looks __del__ up as an object dies: an instance made before its
 * class (a base, its metaclass) had __del__ gets it called all the same.
 * pvm watches an object from its allocation only if its class has __del__
 * then; so when classes get it later (C.__del__ = f, a base's, new
 * __bases__), their instances are found by one walk over the heap: a full
 * collection, then every object of the instance kind (gc_alloc_instance)
 * it found alive whose class is one of them.  What the collection frees
 * is not found: an instance that was already garbage, which CPython has
 * freed too -- unless it was in a cycle, which CPython's next collection
 * would finalise with the new __del__ (pvm does not). */

/* The set made by first_visit: is v in it? */
static bool in_set(const Value *set, size_t mask, Value v)
{
    for (size_t i = hash_ptr(v, mask); set[i] != 0; i = (i + 1) & mask)
        if (set[i] == v)
            return true;
    return false;
}

/* An empty set for n values (open addressing, 2n slots or more). */
static Value *new_set(size_t n, size_t *mask)
{
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    Value *set = gc_alloc_atomic(cap * sizeof *set);
    memset(set, 0, cap * sizeof *set);
    *mask = cap - 1;
    return set;
}

typedef struct ClassSet {
    Value *classes;
    size_t mask;
} ClassSet;

/* gc_instances_alive's test (the collector's lock held): obj's class. */
static bool class_in_set(const void *obj, void *data)
{
    const ClassSet *s = data;
    return in_set(s->classes, s->mask, gc_block_word(obj, 0));
}

/* The objects whose finaliser ran but whose __del__ was not called yet:
 * queued, or later in the batch being called. */
static Value *objects_due(size_t *mask)
{
    /* new_set's allocation may queue more (object_died): sized again
     * until the queue is as long as the set was sized for. */
    size_t n;
    Value *due;
    do {
        n = calling_n + list_length(pending_head);
        due = new_set(n, mask);
    } while (calling_n + list_length(pending_head) > n);
    for (Watch *w = pending_head; w != NULL; w = w->next)
        first_visit(due, *mask, obj_val(w->obj));
    for (size_t i = 0; i < calling_n; i++)
        if (calling[i] != NULL)
            first_visit(due, *mask, obj_val(calling[i]->obj));
    return due;
}

/* The instances of classes[0..n) a full collection finds alive, in the
 * order of their addresses, but those whose __del__ is due (queued, or
 * later in the batch being called: as for CPython, they are on their way
 * out); *count says how many. */
static Object **instances_alive(const Value *classes, size_t n, size_t *count)
{
    ClassSet s;
    s.classes = new_set(n, &s.mask);
    for (size_t i = 0; i < n; i++)
        first_visit(s.classes, s.mask, classes[i]);
    size_t cap = 64, found_n;
    Object **found = gc_alloc(cap * sizeof *found);
    for (;;) {
        gc_collect();
        found_n = gc_instances_alive(class_in_set, &s, (void **)found, cap);
        if (found_n <= cap)
            break;
        cap = found_n;                  /* then walk a new collection's marks */
        found = gc_alloc(cap * sizeof *found);
    }
    size_t mask, kept = 0;
    Value *due = objects_due(&mask);
    for (size_t i = 0; i < found_n; i++)
        if (!in_set(due, mask, obj_val(found[i])))
            found[kept++] = found[i];
    *count = kept;
    return found;
}

void rt_finalize_watch_instances(const Value *classes, size_t n)
{
    size_t count;
    Object **found = instances_alive(classes, n, &count);
    for (size_t i = 0; i < count; i++)
        rt_finalize_watch_once(found[i]);
}

Value rt_instances_alive(const Value *classes, size_t n)
{
    size_t count;
    Object **found = instances_alive(classes, n, &count);
    Value list = rt_list_new(count);
    for (size_t i = 0; i < count; i++)
        rt_list_append(list, obj_val(found[i]));
    return list;
}

/* ---- the order at exit ------------------------------------------------------------- */

/* CPython's teardown clears __main__'s globals in their order, and an
 * object whose last reference goes then is finalised at once, then what it
 * holds: its attributes in order, a list's or tuple's items last first.
 * The members met in that walk get their keys in that order (before every
 * other, which keep their allocation order).  Classes, functions and
 * modules are not followed: CPython frees them later, with the cycles. */
enum { RANK_LIMIT = 1 << 20, RANK_DEPTH = 5000 };     /* values, C recursion */
static const uint64_t UNRANKED = (uint64_t)1 << 62;

typedef struct Rank {
    Batch *b;
    Value *seen;
    size_t mask, visited, limit;        /* limit: half the set, so it never fills */
    uint64_t next;
} Rank;

static void rank_walk(Rank *r, Value v, int depth)
{
    if (v == VAL_NULL || val_is_small(v) || r->visited >= r->limit || depth > RANK_DEPTH ||
        !first_visit(r->seen, r->mask, v))
        return;
    r->visited++;
    long j = member_at(r->b, v);
    if (j >= 0 && r->b->w[j]->key >= UNRANKED)
        r->b->w[j]->key = r->next++;
    ObjType *t = val_type(v);
    if (t == &rt_list_type || t == &rt_tuple_type) {
        bool list = t == &rt_list_type;
        Value *items = list ? AS_LIST(v)->items : AS_TUPLE(v)->items;
        for (size_t i = list ? AS_LIST(v)->length : AS_TUPLE(v)->length; i-- > 0;)
            rank_walk(r, items[i], depth + 1);
    } else if (t == &rt_dict_type) {
        Value key, value;
        for (size_t i = 0; rt_dict_next(v, &i, &key, &value);) {
            rank_walk(r, key, depth + 1);
            rank_walk(r, value, depth + 1);
        }
    } else if (t == &rt_values_type) {
        const ObjValues *vals = VAL_AS(ObjValues, v);
        for (uint32_t i = 0; i < vals->len; i++) {
            rank_walk(r, vals->keys->names[i], depth + 1);
            rank_walk(r, vals->values[i], depth + 1);
        }
    } else if (rt_is_heaptype(t) || (t->flags & TF_FINALIZER)) {
        Value *d = rt_instance_dict_slot_raw(v);
        if (d != NULL)
            rank_walk(r, *d, depth + 1);
        Object *o = val_obj(v);
        for (size_t i = 1; gc_is_heap(o) && i < gc_block_size(o) / sizeof(Value); i++) {
            Value w = gc_block_word(o, i);
            if (w != 0 && !val_is_small(w) && member_at(r->b, w) >= 0)
                rank_walk(r, w, depth + 1);
        }
    }
}

static void rank_by_main(Watch **w, size_t n, Value globals)
{
    for (size_t i = 0; i < n; i++)
        w[i]->key = UNRANKED + w[i]->seq;
    if (globals == VAL_NULL || n == 0)
        return;
    Batch b = { w, n, NULL, 0, NULL };
    index_members(&b);
    size_t cap = (size_t)1 << 16;
    while (cap < n * 4 && cap < RANK_LIMIT)
        cap *= 2;
    /* The set only compares the addresses of objects main's globals keep
     * alive, and the walk allocates nothing: it lives outside the collected
     * heap, where its half MiB cannot set off a collection of everything
     * the program made, at its exit (pip list: 110 M instructions, 6%). */
    Value *seen = calloc(cap, sizeof(Value));
    if (seen == NULL)
        return;                         /* allocation order, then */
    Rank r = { &b, seen, cap - 1, 0, cap / 2, 0 };
    rank_walk(&r, globals, 0);
    free(seen);
}

/* At exit the objects still alive are taken as one batch (each marked
 * forgotten, so that a collection meanwhile leaves it alone); what their
 * __del__ methods make is taken next. */
bool rt_finalizing;

void rt_finalize_all(Value main_globals)
{
    /* A batch still running now belongs to another thread, stopped in one
     * of its __del__ methods (a sleep, a write) by the teardown
     * (vm_thread_finalize_begin): that thread never runs again, nor the
     * rest of its batch, as in CPython, where a daemon thread frozen
     * mid-way through freeing a chain of objects never frees the rest.
     * Left marked running, the batch made every rt_finalize_run_pending
     * below return at once, and this loop spin for ever. */
    running = false;
    calling = NULL;
    calling_n = 0;
    while (pending_head != NULL)
        rt_finalize_run_pending();
    while (live_head != NULL) {
        size_t count = list_length(live_head), n = 0;
        /* The allocation may only shorten the list (object_died moves a
         * watch to the queue); the count bounds the copy all the same. */
        Watch **all = gc_alloc(count * sizeof *all);
        while (live_head != NULL && n < count) {
            Watch *w = live_head;
            live_unlink(w);
            w->forgotten = true;
            w->obj = gc_reveal(w->hidden);
            all[n++] = w;
        }
        rank_by_main(all, n, main_globals);
        main_globals = VAL_NULL;
        order_watches(all, n, walk_limit(n));
        call_all(all, n);
        while (pending_head != NULL)
            rt_finalize_run_pending();
    }
}
