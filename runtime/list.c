/*
 * list.c — the mutable sequence, and list.sort.
 *
 * A list is a header plus a separately allocated, growable array of items
 * (object.h).  Appends grow the array geometrically — CPython's rule,
 * newsize + newsize/8 + 6 — so n appends cost O(n) in total.
 *
 * Slicing follows CPython precisely, including slice assignment
 * (`a[1:3] = x` may change the length; `a[::2] = x` needs x of exactly the
 * right size) and deletion with a step.
 *
 * Sorting is a stable merge sort in timsort's outline (natural runs, short
 * ones extended by binary insertion, merged in powersort's order).  Like
 * CPython's timsort it only ever asks "is b < a?"
 * and takes from the left run on ties, so equal keys keep their order;
 * reverse=True reverses, sorts, and reverses again, so that too is stable.
 * While sorting, the list looks empty to the key function and comparisons,
 * and a mutation during the sort is reported as CPython does.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"

ObjType rt_listiter_type;
static ObjType listreviter_type;

/* ---- Storage ------------------------------------------------------------ */

/* A small list made with its items known ([a, b], list(t), a slice) has
 * them in its own block, after the header: one allocation instead of two.
 * Growing past them moves the items to a block of their own (the first
 * ones stay behind, unused); nothing else frees or resizes an item array. */
#define LIST_INLINE_MAX 8

static inline bool items_inline(const ObjList *l)
{
    return l->items == (Value *)(l + 1);
}

static ObjList *list_alloc(ObjType *type, size_t capacity)
{
    if (type == &rt_list_type && capacity > 0 && capacity <= LIST_INLINE_MAX) {
        ObjList *l = gc_alloc(sizeof *l + capacity * sizeof(Value));
        l->ob.type = type;
        l->items = (Value *)(l + 1);
        l->capacity = capacity;
        return l;
    }
    ObjList *l = type == &rt_list_type ? gc_alloc(sizeof *l)
                                       : rt_alloc_instance(type, sizeof *l);
    l->ob.type = type;
    if (capacity > 0) {
        l->items = gc_alloc(capacity * sizeof(Value));
        l->capacity = capacity;
    }
    return l;
}

/* Make room for `need` items; false + MemoryError when impossible. */
#define LIST_DOUBLING ((size_t)8192)        /* items: 64 KiB */
static bool list_resize(ObjList *l, size_t cap);
static bool list_reserve(ObjList *l, size_t need)
{
    if (need <= l->capacity)
        return true;
    if (need > SIZE_MAX / sizeof(Value) / 2) {
        rt_raise_nomemory();
        return false;
    }
    /* CPython's growth (1/8 more) while the array is small; from 64 KiB
     * on, twice the capacity (at least the need).  Each growth of a large array takes a new block
     * that must be contiguous and bigger than every block freed before it,
     * while the collector fills the freed ones with small objects: with
     * 1/8 the heap grew by ~8 times the final array (bench/strings.py's
     * 360,000-line list: peak RSS 87 -> 45 MiB with doubling). */
    size_t cap = (need + (need >> 3) + 6) & ~(size_t)3;
    if (need >= LIST_DOUBLING && l->capacity * 2 > cap)
        cap = l->capacity * 2;
    return list_resize(l, cap);
}

/* The item array moved to a block of cap items, by `move` (gc_try_realloc
 * or its _final form) when it is a block of its own. */
static bool list_resize_by(ObjList *l, size_t cap, void *(*move)(void *, size_t))
{
    /* The fallible forms: [0] * 10**12, or a list that outgrows the heap,
     * is MemoryError, not the end of pvm. */
    Value *items = l->items && !items_inline(l) ? move(l->items, cap * sizeof(Value))
                                                : gc_try_alloc(cap * sizeof(Value));
    if (items == NULL) {
        rt_raise_nomemory();
        return false;
    }
    if (items_inline(l))
        memcpy(items, l->items, l->length * sizeof(Value));
    l->items = items;
    l->capacity = cap;
    return true;
}

static bool list_resize(ObjList *l, size_t cap)
{
    return list_resize_by(l, cap, gc_try_realloc);
}

/* Drop references beyond the end so the collector can reclaim them. */
static void list_truncate(ObjList *l, size_t n)
{
    for (size_t i = n; i < l->length; i++)
        l->items[i] = VAL_NULL;
    l->length = n;
}

Value rt_list_new(size_t capacity)
{
    return obj_val(list_alloc(&rt_list_type, capacity));
}

Value rt_list_from(const Value *items, size_t n)
{
    ObjList *l = list_alloc(&rt_list_type, n);
    if (n)
        memcpy(l->items, items, n * sizeof(Value));
    l->length = n;
    return obj_val(l);
}

bool rt_list_append(Value list, Value v)
{
    ObjList *l = AS_LIST(list);
    if (l->length == l->capacity && !list_reserve(l, l->length + 1))
        return false;
    l->items[l->length++] = v;
    return true;
}

static bool is_anylist(Value v)
{
    return is_list(v) || rt_isinstance_of(v, &rt_list_type);
}

/* Append n items (which may live inside l itself). */
static bool list_append_items(ObjList *l, const Value *items, size_t n)
{
    if (!list_reserve(l, l->length + n))
        return false;
    memmove(l->items + l->length, items, n * sizeof(Value));
    l->length += n;
    return true;
}

/* The rest of an iterator of unknown length (item is its next item), for
 * a list no one else can see yet, whose array has reached LIST_DOUBLING
 * items: they go into segments of LIST_DOUBLING items, and the array is
 * made once at its final size and filled from them, instead of doubling
 * through arrays that each need a contiguous block bigger than every one
 * freed before.  json.dumps(indent=...)'s list of 237,000 chunks took a
 * 1 MiB then a 2 MiB block, each found no room in the heap and grew it by
 * a third; now 64 KiB pieces, given back at once, and one exact array,
 * whose growth of the heap, if it needs one, is by its size rather than
 * Boehm's 8 MiB step (gc_try_realloc_final). */
static bool fill_in_segments(ObjList *l, Value it, Value item)
{
    Value *first = NULL, *last = NULL;          /* slot 0 links to the next */
    size_t n = 0, fill = LIST_DOUBLING;
    do {
        if (fill == LIST_DOUBLING) {
            Value *seg = gc_alloc((LIST_DOUBLING + 1) * sizeof(Value));
            if (last != NULL)
                last[0] = (Value)seg;
            else
                first = seg;
            last = seg;
            fill = 0;
        }
        last[1 + fill++] = item;
        n++;
    } while ((item = rt_next(it)) != VAL_NULL);
    bool ok = !rt_err_occurred() && list_resize_by(l, l->length + n, gc_try_realloc_final);
    for (Value *seg = first, *next; seg != NULL; seg = next) {
        size_t k = n < LIST_DOUBLING ? n : LIST_DOUBLING;
        if (ok) {
            memcpy(l->items + l->length, seg + 1, k * sizeof(Value));
            l->length += k;
        }
        n -= k;
        next = (Value *)seg[0];
        gc_free(seg);
    }
    /* Given back on an error too (a MemoryError above all): one stale
     * pointer to the first segment on the C stack would otherwise keep
     * the whole chain, and every item, alive for the handler. */
    return ok;
}

/* extend(); `fresh`: the list is being made (list(iterable), sorted())
 * and no one else holds it, so its array may be filled at the end. */
static bool list_extend(Value list, Value iterable, bool fresh)
{
    ObjList *l = AS_LIST(list);
    if (is_list(iterable) || is_tuple(iterable)) {
        /* Snapshot first: l.extend(l) must add each item once. */
        if (is_list(iterable)) {
            ObjList *src = AS_LIST(iterable);
            if (!list_reserve(l, l->length + src->length))
                return false;
            return list_append_items(l, src->items, src->length);
        }
        return list_append_items(l, AS_TUPLE(iterable)->items, rt_tuple_len(iterable));
    }
    /* A range says its length: list(range(10**12)) is MemoryError at once,
     * as with CPython's length hint, not after filling the heap. */
    if (IS_EXACT(iterable, rt_range_type)) {
        ssize_t n = rt_len(iterable);
        if (n < 0 || !list_reserve(l, l->length + (size_t)n))
            return false;
    }
    Value it = rt_iter(iterable);
    if (it == VAL_NULL)
        return false;
    /* CPython sizes the list by the length hint: len() or
     * __length_hint__(), whose errors other than TypeError propagate. */
    ssize_t hint = rt_length_hint(iterable, 8);
    if (hint < 0 || (hint > 8 && hint < (1 << 20) && !list_reserve(l, l->length + (size_t)hint)))
        return false;
    Value item;
    while ((item = rt_next(it)) != VAL_NULL) {
        if (l->length == l->capacity && fresh && l->length >= LIST_DOUBLING)
            return fill_in_segments(l, it, item);
        if (!rt_list_append(list, item))
            return false;
    }
    return !rt_err_occurred();
}

bool rt_list_extend(Value list, Value iterable)
{
    return list_extend(list, iterable, false);
}

Value rt_list_as_tuple(Value list)
{
    return rt_tuple_from(AS_LIST(list)->items, AS_LIST(list)->length);
}

Value rt_sequence_to_list(Value iterable)
{
    Value list = rt_list_new(0);
    return list_extend(list, iterable, true) ? list : VAL_NULL;
}

Value rt_sequence_fast(Value iterable)
{
    Value it = rt_iter(iterable);
    return it == VAL_NULL ? VAL_NULL : rt_sequence_to_list(it);
}

/* ---- repr, compare, arithmetic ------------------------------------------ */

/* The list's own fields go to the sequence helpers (sequence.c), which
 * re-read them at every step: an item's __eq__ or __repr__ may change it. */
static Value list_repr(Value self)
{
    ObjList *l = AS_LIST(self);
    return rt_seq_repr(&l->items, &l->length, '[', ']');
}

static Value list_richcompare(Value a, Value b, int op)
{
    if (!is_anylist(a) || !is_anylist(b))
        return rt_NotImplemented;
    ObjList *x = AS_LIST(a), *y = AS_LIST(b);
    return rt_seq_richcompare(&x->items, &x->length, &y->items, &y->length, op);
}

static Value list_concat(Value va, Value vb)
{
    ObjList *a = AS_LIST(va), *b = AS_LIST(vb);
    ObjList *r = list_alloc(&rt_list_type, a->length + b->length);
    memcpy(r->items, a->items, a->length * sizeof(Value));
    memcpy(r->items + a->length, b->items, b->length * sizeof(Value));
    r->length = a->length + b->length;
    return obj_val(r);
}

/* Repeat the list's items n times into r (r may be the list itself). */
static bool list_repeat_into(ObjList *r, const ObjList *src, ssize_t n)
{
    size_t len = src->length;
    if (n <= 0 || len == 0) {
        list_truncate(r, 0);
        return true;
    }
    if ((size_t)n > SIZE_MAX / sizeof(Value) / 2 / len) {
        rt_raise_nomemory();
        return false;
    }
    if (!list_reserve(r, len * (size_t)n))
        return false;
    if (r != src)
        memcpy(r->items, src->items, len * sizeof(Value));
    rt_fill_repeat(r->items, len * sizeof(Value), len * (size_t)n * sizeof(Value));
    r->length = len * (size_t)n;
    return true;
}

static Value list_repeat(Value seq, ssize_t n)
{
    ObjList *r = list_alloc(&rt_list_type, 0);
    return list_repeat_into(r, AS_LIST(seq), n) ? obj_val(r) : VAL_NULL;
}

static Value list_binop(Value a, Value b, int op)
{
    return rt_seq_binop(&rt_list_type, a, b, op, list_concat, list_repeat);
}

/* l += iterable; l *= n.  Both return the list itself. */
static Value list_inplace(Value a, Value b, int op)
{
    if (!is_anylist(a))
        return rt_NotImplemented;
    if (op == NB_ADD)
        return rt_list_extend(a, b) ? a : VAL_NULL;
    if (op == NB_MULTIPLY) {
        ssize_t count;
        int r = rt_repeat_count(b, &count);
        if (r <= 0)
            return r < 0 ? VAL_NULL : rt_NotImplemented;
        return list_repeat_into(AS_LIST(a), AS_LIST(a), count) ? a : VAL_NULL;
    }
    return rt_NotImplemented;
}

/* ---- Subscripts ------------------------------------------------------------ */

static Value list_get_slice(ObjList *l, Value slice)
{
    ssize_t start, stop, step, n;
    if (!rt_slice_indices(slice, (ssize_t)l->length, &start, &stop, &step, &n))
        return VAL_NULL;
    ObjList *r = list_alloc(&rt_list_type, n > 0 ? (size_t)n : 0);
    for (ssize_t i = 0; i < n; i++)     /* start + i * step: no step past the end */
        r->items[i] = l->items[start + i * step];
    r->length = n > 0 ? (size_t)n : 0;
    return obj_val(r);
}

static Value list_getitem(Value self, Value key)
{
    ObjList *l = AS_LIST(self);
    if (val_is_small(key)) {    /* fast path: a[i] with a small int */
        intptr_t i = small_value(key);
        if (i < 0)
            i += (intptr_t)l->length;
        if (i >= 0 && (size_t)i < l->length)
            return l->items[i];
    }
    if (IS_EXACT(key, rt_slice_type))
        return list_get_slice(l, key);
    size_t i;
    if (!rt_seq_index(key, l->length, "list", &i))
        return VAL_NULL;
    return l->items[i];
}

/* Replace items [lo, hi) by n new ones (copied first: they may be ours). */
static bool list_replace_range(ObjList *l, size_t lo, size_t hi,
                               const Value *src, size_t n)
{
    Value *copy = NULL;
    if (n) {
        copy = gc_alloc(n * sizeof(Value));
        memcpy(copy, src, n * sizeof(Value));
    }
    size_t old = hi - lo, tail = l->length - hi;
    if (n > old && !list_reserve(l, l->length + (n - old)))
        return false;
    memmove(l->items + lo + n, l->items + hi, tail * sizeof(Value));
    if (n)
        memcpy(l->items + lo, copy, n * sizeof(Value));
    size_t newlen = lo + n + tail;
    for (size_t i = newlen; i < l->length; i++)
        l->items[i] = VAL_NULL;
    l->length = newlen;
    return true;
}

/* The items of an assigned value, as an array: a[i:j] = iterable. */
static bool items_of(Value v, Value **items, size_t *n, const char *not_iterable)
{
    if (is_list(v)) {
        *items = AS_LIST(v)->items;
        *n = AS_LIST(v)->length;
        return true;
    }
    if (is_tuple(v)) {
        *items = AS_TUPLE(v)->items;
        *n = AS_TUPLE(v)->length;
        return true;
    }
    Value it = rt_iter(v);
    if (it == VAL_NULL) {
        if (rt_err_matches(&rt_TypeError)) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "%s", not_iterable);
        }
        return false;
    }
    Value list = rt_list_new(0);
    Value item;
    while ((item = rt_next(it)) != VAL_NULL)
        rt_list_append(list, item);
    if (rt_err_occurred())
        return false;
    *items = AS_LIST(list)->items;
    *n = AS_LIST(list)->length;
    return true;
}

/* del a[start:stop:step] with step != 1: close the gaps in one pass. */
static void list_delete_extended(ObjList *l, ssize_t start, ssize_t step, ssize_t n)
{
    if (step < 0) {             /* walk forwards: same positions, step > 0 */
        start = start + step * (n - 1);
        step = -step;
    }
    size_t w = (size_t)start;
    for (size_t r = (size_t)start; r < l->length; r++) {
        bool deleted = (ssize_t)(r - (size_t)start) % step == 0
                       && (ssize_t)(r - (size_t)start) / step < n;
        if (!deleted)
            l->items[w++] = l->items[r];
    }
    list_truncate(l, w);
}

static int list_set_slice(ObjList *l, Value slice, Value v)
{
    ssize_t start, stop, step, n;
    if (!rt_slice_indices(slice, (ssize_t)l->length, &start, &stop, &step, &n))
        return -1;
    if (step == 1) {
        if (stop < start)
            stop = start;
        Value *items = NULL;
        size_t count = 0;
        if (v != VAL_NULL && !items_of(v, &items, &count, "can only assign an iterable"))
            return -1;
        return list_replace_range(l, (size_t)start, (size_t)stop, items, count) ? 0 : -1;
    }
    if (v == VAL_NULL) {
        if (n > 0)
            list_delete_extended(l, start, step, n);
        return 0;
    }
    Value *items;
    size_t count;
    if (!items_of(v, &items, &count, "must assign iterable to extended slice"))
        return -1;
    if ((ssize_t)count != n) {
        rt_raisef(&rt_ValueError, "attempt to assign sequence of size %zu "
                  "to extended slice of size %zd", count, n);
        return -1;
    }
    Value *copy = gc_alloc((count ? count : 1) * sizeof(Value));
    memcpy(copy, items, count * sizeof(Value));
    for (ssize_t i = 0; i < n; i++)
        l->items[start + i * step] = copy[i];
    return 0;
}

/* a[key] = v, or del a[key] when v is VAL_NULL. */
static int list_setitem(Value self, Value key, Value v)
{
    ObjList *l = AS_LIST(self);
    if (IS_EXACT(key, rt_slice_type))
        return list_set_slice(l, key, v);
    size_t i;
    if (!rt_seq_index_ex(key, l->length, "list", "list assignment", &i))
        return -1;
    if (v != VAL_NULL) {
        l->items[i] = v;
        return 0;
    }
    memmove(l->items + i, l->items + i + 1, (l->length - i - 1) * sizeof(Value));
    list_truncate(l, l->length - 1);
    return 0;
}

static ssize_t list_len(Value self)
{
    return (ssize_t)AS_LIST(self)->length;
}

static int list_contains(Value self, Value item)
{
    ObjList *l = AS_LIST(self);
    return rt_seq_contains(&l->items, &l->length, item);
}

/* ---- Iterators ------------------------------------------------------------ */

/* Forward and reverse iterators hold an index and re-check it against the
 * list's current length at every step, so a list that shrinks or grows
 * while being iterated behaves as in CPython. */
static Value listiter_make(ObjType *type, Value list, ssize_t index)
{
    ListIter *it = gc_alloc(sizeof *it);
    it->ob.type = type;
    it->list = list;
    it->index = index;
    return obj_val(it);
}

static Value list_iter(Value self)
{
    return listiter_make(&rt_listiter_type, self, 0);
}

static Value listiter_next(Value self)
{
    ListIter *it = VAL_AS(ListIter, self);
    if (it->list == VAL_NULL)
        return VAL_NULL;
    ObjList *l = AS_LIST(it->list);
    if ((size_t)it->index < l->length)
        return l->items[it->index++];
    it->list = VAL_NULL;
    return VAL_NULL;
}

static Value listreviter_next(Value self)
{
    ListIter *it = VAL_AS(ListIter, self);
    if (it->list == VAL_NULL)
        return VAL_NULL;
    ObjList *l = AS_LIST(it->list);
    if (it->index >= 0 && (size_t)it->index < l->length)
        return l->items[it->index--];
    it->list = VAL_NULL;
    return VAL_NULL;
}

/* Pickling: (iter, (list,), index), or for the reverse iterator
 * (reversed, (list,), index); (iter, ([],)) once exhausted (3.13: the
 * reverse one (reversed, ([],))).  __setstate__ puts the position back,
 * clamped to the list. */
static Value listiter_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ListIter *it = VAL_AS(ListIter, args[0]);
    bool forward = val_type(args[0]) == &rt_listiter_type;
    if (it->list == VAL_NULL && !forward && rt_py_minor >= 13)
        return rt_reduce_builtin("reversed", rt_tuple_pack(1, rt_list_new(0)), VAL_NULL);
    if (it->list == VAL_NULL || forward)
        return rt_reduce_iter(it->list, rt_list_new(0), (size_t)it->index);
    return rt_reduce_builtin("reversed", rt_tuple_pack(1, it->list), rt_int_from_i64(it->index));
}

static Value listiter_setstate(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__setstate__", nargs - 1, kwnames))
        return VAL_NULL;
    ListIter *it = VAL_AS(ListIter, args[0]);
    bool forward = val_type(args[0]) == &rt_listiter_type;
    ssize_t n = it->list != VAL_NULL ? (ssize_t)AS_LIST(it->list)->length : 0, index;
    bool below = forward && rt_py_minor >= 13;     /* 3.13: a negative index exhausts */
    if (!rt_setstate_index(args[1], forward && !below ? 0 : -1, forward ? n : n - 1, &index))
        return VAL_NULL;
    if (it->list != VAL_NULL && index < 0 && below)
        it->list = VAL_NULL;
    else if (it->list != VAL_NULL)
        it->index = index;
    return rt_None;
}

/* How many items are left (operator.length_hint, list(it) sizing). */
static Value listiter_length_hint(Value *args, size_t nargs, Value kwnames)
{
    ListIter *it = VAL_AS(ListIter, args[0]);
    ssize_t n = it->list != VAL_NULL ? (ssize_t)AS_LIST(it->list)->length : 0;
    ssize_t left = val_type(args[0]) == &rt_listiter_type ? n - it->index
                 : it->index + 1 <= n ? it->index + 1 : 0;
    return small_new(left > 0 ? left : 0);
}

static const MethodDef listiter_methods[] = {
    {"__reduce__", listiter_reduce}, {"__setstate__", listiter_setstate},
    {"__length_hint__", listiter_length_hint}, {NULL, NULL},
};

ObjType rt_listiter_type = {
    .ob.type = &rt_type_type,
    .name = "list_iterator",
    .base = &rt_object_type,
    .iter = rt_iter_self,
    .next = listiter_next,
};

static ObjType listreviter_type = {
    .ob.type = &rt_type_type,
    .name = "list_reverseiterator",
    .base = &rt_object_type,
    .iter = rt_iter_self,
    .next = listreviter_next,
};

/* ---- Sorting ---------------------------------------------------------------- */

/* The sort permutes an array of keys and, when there is a key function,
 * the list's own item array alongside it: `vals` in the functions below,
 * NULL without a key function, where the items are their own keys and are
 * sorted where they lie.  Memory beside the list: n keys (none without
 * key=) and a merge buffer of n/2 keys and items, where an array of
 * (key, item) pairs and a second one to merge into took 32 bytes an item:
 * sorted()'s pair array was the block that grew bench/pipeline.py's heap
 * by a third. */
typedef enum {
    CMP_GENERIC, CMP_SMALLINT, CMP_STR, CMP_FLOAT, CMP_TUPLE, CMP_SAME_TYPE
} CmpKind;

typedef struct SortCtx {
    CmpKind kind;
    /* CMP_SAME_TYPE: the comparison slot of every key's type */
    Value (*richcompare)(Value a, Value b, int op);
    bool failed;                /* an exception is set: finish quickly */
} SortCtx;

/* When every key has the same simple type, compare without dispatch
 * (CPython's list.sort makes the same pre-check); when every key has the
 * same type of another kind, through that type's comparison slot. */
static void choose_compare(SortCtx *c, const Value *keys, size_t n)
{
    bool ints = true, strs = true, floats = true, tuples = true, same = true;
    ObjType *first = n > 0 ? val_type(keys[0]) : NULL;
    for (size_t i = 0; i < n && (ints || strs || floats || tuples || same); i++) {
        Value k = keys[i];
        ints = ints && val_is_small(k);
        strs = strs && is_str(k);
        floats = floats && is_float(k);
        tuples = tuples && is_tuple(k);
        same = same && val_type(k) == first;
    }
    c->kind = ints ? CMP_SMALLINT : strs ? CMP_STR : floats ? CMP_FLOAT :
              tuples ? CMP_TUPLE : same && first->richcompare != NULL ? CMP_SAME_TYPE :
              CMP_GENERIC;
    c->richcompare = first != NULL ? first->richcompare : NULL;
}

/* a < b by the full protocol; an error sets c->failed. */
static bool generic_lt(SortCtx *c, Value a, Value b)
{
    if (c->failed)
        return false;
    int r = rt_compare_bool(a, b, CMP_LT);
    if (r < 0)
        c->failed = true;
    return r > 0;
}

/* a < b for two exact tuples, as tuple's own comparison decides it: the
 * first items that differ (by ==, identity first) are compared with <,
 * and if there are none the shorter tuple is smaller.  Items that are both
 * small ints or both exact str are compared here, without dispatch
 * (CPython's sort makes the same shortcut for tuple keys). */
static bool tuple_lt(SortCtx *c, Value a, Value b)
{
    ObjTuple *x = AS_TUPLE(a), *y = AS_TUPLE(b);
    size_t n = x->length < y->length ? x->length : y->length;
    for (size_t i = 0; i < n; i++) {
        Value p = x->items[i], q = y->items[i];
        if (p == q)
            continue;
        if (val_is_small(p) && val_is_small(q))
            return small_value(p) < small_value(q);
        if (is_str(p) && is_str(q)) {
            if (rt_str_equal(p, q))
                continue;
            return rt_str_compare(p, q) < 0;
        }
        if (c->failed)
            return false;
        int eq = rt_compare_bool(p, q, CMP_EQ);
        if (eq < 0) {
            c->failed = true;
            return false;
        }
        if (eq > 0)
            continue;
        return generic_lt(c, p, q);
    }
    return x->length < y->length;
}

/* a < b for keys of one type, asked of its comparison slot directly: with
 * both operands of one type there is no reflected method to try first,
 * and, as in CPython's unsafe_object_compare, no recursion guard (the
 * Python __lt__ a slot calls counts its own frame).  As there, only a's
 * slot is checked before each call (a key whose __class__ was reassigned
 * to a sibling with the same slot is compared by a's __lt__), and a
 * NotImplemented takes the full protocol, which asks the slot again. */
static bool same_type_lt(SortCtx *c, Value a, Value b)
{
    if (c->failed)
        return false;
    if (val_type(a)->richcompare != c->richcompare)
        return generic_lt(c, a, b);
    Value r = c->richcompare(a, b, CMP_LT);
    if (r == rt_NotImplemented)
        return generic_lt(c, a, b);
    int holds = r == VAL_NULL ? -1 : rt_truthy(r);
    if (holds < 0)
        c->failed = true;
    return holds > 0;
}

/* a < b for keys; after an error every answer is "no". */
static bool key_lt(SortCtx *c, Value a, Value b)
{
    switch (c->kind) {
    case CMP_SMALLINT: return small_value(a) < small_value(b);
    case CMP_STR:      return rt_str_compare(a, b) < 0;
    case CMP_FLOAT:    return rt_float_value(a) < rt_float_value(b);
    case CMP_TUPLE:    return tuple_lt(c, a, b);
    case CMP_SAME_TYPE: return same_type_lt(c, a, b);
    default:           return generic_lt(c, a, b);
    }
}

static void reverse_values(Value *v, size_t n)
{
    for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
        Value t = v[i];
        v[i] = v[j - 1];
        v[j - 1] = t;
    }
}

/* Binary insertion sort of keys[0..n) (and vals alongside), whose first
 * `sorted` items (one at least) are in order already: stable (inserts
 * after equal keys). */
static void insertion_sort(SortCtx *c, Value *keys, Value *vals, size_t sorted, size_t n)
{
    for (size_t i = sorted; i < n; i++) {
        Value k = keys[i];
        size_t lo = 0, hi = i;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (key_lt(c, k, keys[mid]))
                hi = mid;
            else
                lo = mid + 1;
        }
        memmove(keys + lo + 1, keys + lo, (i - lo) * sizeof *keys);
        keys[lo] = k;
        if (vals != NULL) {
            Value v = vals[i];
            memmove(vals + lo + 1, vals + lo, (i - lo) * sizeof *vals);
            vals[lo] = v;
        }
    }
}

/* Does `item` go before `key` in a run where key is placed after its
 * equals (after_equal: item <= key) or before them (item < key)? */
static bool goes_before(SortCtx *c, Value item, Value key, bool after_equal)
{
    return after_equal ? !key_lt(c, key, item) : key_lt(c, item, key);
}

/* How many items of the sorted a[0..n) go before key (goes_before).  The
 * search starts at the end where the answer is expected (from_end: near n)
 * and takes steps of 1, 2, 4, ... before bisecting the last one, so an
 * answer near that end costs a few comparisons however long the run: the
 * merges below trim their runs with it (CPython's galloping, used once a
 * merge rather than within it). */
static size_t gallop(SortCtx *c, Value key, const Value *a, size_t n,
                     bool after_equal, bool from_end)
{
    size_t lo = 0, hi = n;      /* a[0..lo) go before key, a[hi..n) do not */
    for (size_t step = 1; lo < hi; step *= 2) {
        size_t i = from_end ? (step <= hi - lo ? hi - step : lo) : lo + step - 1;
        if (i >= hi)
            break;
        if (goes_before(c, a[i], key, after_equal)) {
            lo = i + 1;
            if (from_end)
                break;
        } else {
            hi = i;
            if (!from_end)
                break;
        }
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (goes_before(c, a[mid], key, after_equal))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Merge the sorted runs [lo, mid) and [mid, hi) of keys (and vals) in
 * place.  The left run's items up to the right run's first stay where they
 * are, and so do the right run's from the left run's last on (two gallops):
 * runs that barely overlap, such as a sorted list with a few items
 * appended, merge in a few comparisons.  Of what remains the shorter run
 * is copied to the buffer tk (tv) first, as CPython's timsort does: from
 * the left run the merge fills the arrays forwards, from the right run
 * backwards, so the buffer needs half the items at most.  Either way an
 * item of the right run goes before one of the left run only when strictly
 * smaller, so equal keys keep their order. */
static void merge_runs(SortCtx *c, Value *keys, Value *vals, Value *tk, Value *tv,
                       size_t lo, size_t mid, size_t hi)
{
    lo += gallop(c, keys[mid], keys + lo, mid - lo, true, false);
    if (lo == mid)
        return;
    hi = mid + gallop(c, keys[mid - 1], keys + mid, hi - mid, false, true);
    size_t nl = mid - lo, nr = hi - mid;
    if (nl <= nr) {
        memcpy(tk, keys + lo, nl * sizeof *tk);
        if (vals != NULL)
            memcpy(tv, vals + lo, nl * sizeof *tv);
        size_t i = 0, j = mid, k = lo;
        for (; i < nl && j < hi; k++) {
            bool right = key_lt(c, keys[j], tk[i]);
            keys[k] = right ? keys[j] : tk[i];
            if (vals != NULL)
                vals[k] = right ? vals[j] : tv[i];
            right ? j++ : i++;
        }
        /* The right run's rest is in place already. */
        memcpy(keys + k, tk + i, (nl - i) * sizeof *tk);
        if (vals != NULL)
            memcpy(vals + k, tv + i, (nl - i) * sizeof *tv);
    } else {
        memcpy(tk, keys + mid, nr * sizeof *tk);
        if (vals != NULL)
            memcpy(tv, vals + mid, nr * sizeof *tv);
        size_t i = mid, j = nr, k = hi;
        while (i > lo && j > 0) {
            bool left = key_lt(c, tk[j - 1], keys[i - 1]);
            k--;
            keys[k] = left ? keys[i - 1] : tk[j - 1];
            if (vals != NULL)
                vals[k] = left ? vals[i - 1] : tv[j - 1];
            left ? i-- : j--;
        }
        /* The left run's rest is in place already. */
        memcpy(keys + lo, tk, j * sizeof *tk);
        if (vals != NULL)
            memcpy(vals + lo, tv, j * sizeof *tv);
    }
}


/* The length of the run at keys[lo..n): its items in order (each not less
 * than the one before) or strictly descending, and then reversed into
 * order (strictly, so that reversing keeps equal keys' order). */
static size_t count_run(SortCtx *c, Value *keys, Value *vals, size_t lo, size_t n)
{
    size_t hi = lo + 1;
    if (hi == n)
        return 1;
    bool descending = key_lt(c, keys[hi], keys[lo]);
    for (hi++; hi < n && key_lt(c, keys[hi], keys[hi - 1]) == descending; hi++)
        ;
    if (descending) {
        reverse_values(keys + lo, hi - lo);
        if (vals != NULL)
            reverse_values(vals + lo, hi - lo);
    }
    return hi - lo;
}

/* The shortest run worth merging: between 32 and 64, so that n / minrun
 * is a power of two or a little under (few runs merged unevenly at the end). */
static size_t min_run(size_t n)
{
    bool rest = false;
    while (n >= 64) {
        rest |= n & 1;
        n >>= 1;
    }
    return n + rest;
}

/* Powersort's merge policy (CPython's list.sort since 3.11).  The boundary
 * between two adjacent runs [s1, s1+n1) and [s1+n1, s1+n1+n2) of a list of n
 * has a power: the first binary digit at which the fractions (run's
 * midpoint) / n of the two runs differ.  A boundary of low power lies near
 * the middle of the list, one of high power near a run's own middle, and
 * runs whose boundary has a higher power than the next are merged first:
 * the merges are then nearly balanced whatever the runs' lengths. */
static int boundary_power(size_t s1, size_t n1, size_t n2, size_t n)
{
    /* The midpoints doubled (integers), and doubled again for each digit. */
    size_t a = 2 * s1 + n1, b = a + n1 + n2;
    int power = 1;
    for (;; power++) {
        if (a >= n) {           /* both digits 1 */
            a -= n;
            b -= n;
        } else if (b >= n) {    /* 0 and 1: they differ */
            return power;
        }
        a *= 2;
        b *= 2;
    }
}

typedef struct SortRun {
    size_t base, len;
    int power;                  /* of the boundary with the next run */
} SortRun;

/* Timsort's outline: the keys are cut into natural runs (ascending or
 * strictly descending), each extended to min_run items by insertion; each
 * run is pushed on a stack, merging first the runs powersort says to
 * merge before it, and at the end the stack is merged from the top.
 * Presorted parts cost one comparison an item: the bench's sorts by a
 * Python __lt__ met runs of 97 and compared a third fewer times than when
 * every 32 items were sorted by insertion. */
static void merge_sort(SortCtx *c, Value *keys, Value *vals, size_t n)
{
    if (n < 2)
        return;
    size_t minrun = min_run(n);
    Value *tk = n > minrun ? gc_alloc((vals != NULL ? 2 : 1) * (n / 2) * sizeof *tk) : NULL;
    Value *tv = vals != NULL && tk != NULL ? tk + n / 2 : NULL;
    SortRun stack[sizeof(size_t) * 8 + 2];
    size_t depth = 0;
    for (size_t lo = 0; lo < n;) {
        size_t len = count_run(c, keys, vals, lo, n);
        if (len < minrun) {
            size_t want = n - lo < minrun ? n - lo : minrun;
            insertion_sort(c, keys + lo, vals != NULL ? vals + lo : NULL, len, want);
            len = want;
        }
        if (depth > 0) {
            SortRun *top = &stack[depth - 1];
            int power = boundary_power(top->base, top->len, len, n);
            while (depth > 1 && stack[depth - 2].power > power) {
                SortRun *l = &stack[depth - 2], *r = &stack[depth - 1];
                merge_runs(c, keys, vals, tk, tv, l->base, r->base, r->base + r->len);
                l->len += r->len;
                depth--;
            }
            stack[depth - 1].power = power;
        }
        stack[depth++] = (SortRun){.base = lo, .len = len};
        lo += len;
    }
    for (; depth > 1; depth--) {
        SortRun *l = &stack[depth - 2], *r = &stack[depth - 1];
        merge_runs(c, keys, vals, tk, tv, l->base, r->base, r->base + r->len);
        l->len += r->len;
    }
    gc_free(tk);
}

bool rt_list_sort(Value list, Value key, bool reverse)
{
    ObjList *l = AS_LIST(list);
    size_t n = l->length, saved_cap = l->capacity;
    Value *saved = l->items;
    /* The list looks empty while it is sorted. */
    l->items = NULL;
    l->length = l->capacity = 0;
    bool ok = true;
    Value *keys = saved, *vals = NULL;
    if (key != VAL_NULL && key != rt_None) {
        keys = gc_alloc((n ? n : 1) * sizeof *keys);
        vals = saved;
        for (size_t i = 0; i < n && ok; i++)
            ok = (keys[i] = rt_call1(key, saved[i])) != VAL_NULL;
    }
    /* A key function that raised leaves the items as they were; a failed
     * comparison leaves them permuted (the merges finish, every answer
     * being "no" after it). */
    if (ok) {
        SortCtx ctx = {.failed = false};
        choose_compare(&ctx, keys, n);
        if (reverse) {
            reverse_values(keys, n);
            if (vals != NULL)
                reverse_values(vals, n);
        }
        merge_sort(&ctx, keys, vals, n);
        if (reverse) {
            reverse_values(keys, n);
            if (vals != NULL)
                reverse_values(vals, n);
        }
        ok = !ctx.failed;
    }
    bool modified = l->items != NULL || l->length != 0;
    l->items = saved;
    l->length = n;
    l->capacity = saved_cap;
    if (vals != NULL)
        gc_free(keys);
    if (ok && modified) {
        rt_raisef(&rt_ValueError, "list modified during sort");
        return false;
    }
    return ok;
}

/* ---- Constructor and methods ------------------------------------------- */

/* list() / list(iterable) */
static Value list_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("list", kwnames) || !rt_arg_range("list", nargs, 0, 1))
        return VAL_NULL;
    ObjList *l = list_alloc(type, 0);
    if (nargs == 1 && !list_extend(obj_val(l), args[0], true))
        return VAL_NULL;
    return obj_val(l);
}

static Value list_append_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("list.append", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_list_append(args[0], args[1]) ? rt_None : VAL_NULL;
}

static Value list_extend_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("list.extend", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_list_extend(args[0], args[1]) ? rt_None : VAL_NULL;
}

/* An index argument (insert, pop) as a clamped C integer. */
static bool index_argument(Value v, ssize_t *out)
{
    Value i = rt_index(v);
    if (i == VAL_NULL)
        return false;
    int64_t n;
    if (!rt_int_as_i64(i, &n))
        return false;
    *out = (ssize_t)n;
    return true;
}

/* list.insert(i, x): i is clamped to [0, len]. */
static Value list_insert_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("list.insert", kwnames) || !rt_arg_range("insert", nargs - 1, 2, 2))
        return VAL_NULL;
    ObjList *l = AS_LIST(args[0]);
    ssize_t i, n = (ssize_t)l->length;
    if (!index_argument(args[1], &i))
        return VAL_NULL;
    if (i < 0 && (i += n) < 0)
        i = 0;
    if (i > n)
        i = n;
    if (!list_reserve(l, l->length + 1))
        return VAL_NULL;
    memmove(l->items + i + 1, l->items + i, (size_t)(n - i) * sizeof(Value));
    l->items[i] = args[2];
    l->length++;
    return rt_None;
}

/* list.pop([i]) */
static Value list_pop_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("list.pop", kwnames) || !rt_arg_range("pop", nargs - 1, 0, 1))
        return VAL_NULL;
    ObjList *l = AS_LIST(args[0]);
    ssize_t i = -1, n = (ssize_t)l->length;
    if (nargs > 1 && !index_argument(args[1], &i))
        return VAL_NULL;
    if (n == 0)
        return rt_raisef(&rt_IndexError, "pop from empty list");
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return rt_raisef(&rt_IndexError, "pop index out of range");
    Value v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(n - i - 1) * sizeof(Value));
    list_truncate(l, l->length - 1);
    return v;
}

/* list.remove(x) */
static Value list_remove_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("list.remove", nargs - 1, kwnames))
        return VAL_NULL;
    ObjList *l = AS_LIST(args[0]);
    ssize_t i = rt_seq_find(&l->items, &l->length, args[1], 0, SIZE_MAX);
    if (i == -2)
        return VAL_NULL;
    if (i == -1)
        return rt_raisef(&rt_ValueError, "list.remove(x): x not in list");
    memmove(l->items + i, l->items + i + 1, (l->length - (size_t)i - 1) * sizeof(Value));
    list_truncate(l, l->length - 1);
    return rt_None;
}

/* list.index(x[, start[, stop]]) */
static Value list_index_m(Value *args, size_t nargs, Value kwnames)
{
    ObjList *l = AS_LIST(args[0]);
    return rt_seq_index_m("list.index", &l->items, &l->length, args, nargs, kwnames,
                          rt_py_minor >= 14 ? "list.index(x): x not in list" : "%R is not in list");
}

static Value list_count_m(Value *args, size_t nargs, Value kwnames)
{
    ObjList *l = AS_LIST(args[0]);
    return rt_seq_count_m("list.count", &l->items, &l->length, args, nargs, kwnames);
}

static Value list_reverse_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("list.reverse", nargs - 1, kwnames))
        return VAL_NULL;
    reverse_values(AS_LIST(args[0])->items, AS_LIST(args[0])->length);
    return rt_None;
}

/* list.sort(*, key=None, reverse=False) */
static Value list_sort_m(Value *args, size_t nargs, Value kwnames)
{
    size_t nkw = rt_nkwargs(kwnames), npos = nargs - nkw;
    if (npos > 1)
        return rt_raisef(&rt_TypeError, "sort() takes no positional arguments");
    Value key = VAL_NULL;
    bool reverse = false;
    for (size_t i = 0; i < nkw; i++) {
        Value name = rt_tuple_get(kwnames, i), v = args[npos + i];
        const char *s = rt_str_cstr(name);
        if (strcmp(s, "key") == 0) {
            key = v;
        } else if (strcmp(s, "reverse") == 0) {
            if (!rt_arg_flag(v, false, &reverse))
                return VAL_NULL;
        } else {
            return rt_invalid_keyword("sort", name);
        }
    }
    return rt_list_sort(args[0], key, reverse) ? rt_None : VAL_NULL;
}

static Value list_copy_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("list.copy", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_list_from(AS_LIST(args[0])->items, AS_LIST(args[0])->length);
}

static Value list_clear_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("list.clear", nargs - 1, kwnames))
        return VAL_NULL;
    ObjList *l = AS_LIST(args[0]);
    l->items = NULL;
    l->length = l->capacity = 0;
    return rt_None;
}

static Value list_reversed_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("list.__reversed__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjList *l = AS_LIST(args[0]);
    return listiter_make(&listreviter_type, args[0], (ssize_t)l->length - 1);
}

ObjType rt_list_type = {
    .ob.type = &rt_type_type,
    .name = "list",
    .base = &rt_object_type,
    .flags = TF_BASETYPE | TF_LIST_SUBCLASS | TF_SEQUENCE | TF_MATCH_SEQUENCE,
    .repr = list_repr,
    .richcompare = list_richcompare,
    .binop = list_binop,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_MULTIPLY),
    .inplace = list_inplace,
    .iter = list_iter,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .len = list_len,
    .contains = list_contains,
    .new_ = list_new,
};

static const MethodDef list_methods[] = {
    {"append", list_append_m},
    {"extend", list_extend_m},
    {"insert", list_insert_m},
    {"pop", list_pop_m},
    {"remove", list_remove_m},
    {"index", list_index_m},
    {"count", list_count_m},
    {"reverse", list_reverse_m},
    {"sort", list_sort_m},
    {"copy", list_copy_m},
    {"clear", list_clear_m},
    {"__reversed__", list_reversed_m},
    {NULL, NULL},
};


void rt_list_init(void)
{
    rt_type_ready(&rt_list_type, list_methods);
    rt_type_ready(&rt_listiter_type, listiter_methods);
    rt_type_ready(&listreviter_type, listiter_methods);
}
