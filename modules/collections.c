/*
 * collections.c — the `_collections` accelerator, after CPython 3.11's
 * Modules/_collectionsmodule.c: deque (with its two iterator types),
 * defaultdict, _tuplegetter (namedtuple's field descriptor) and
 * _count_elements (Counter's inner loop); OrderedDict is odict.c's.  CPython's
 * Lib/collections/__init__.py builds the rest of the module on these.
 *
 * deque keeps its items in 64-slot blocks, as CPython's does, but finds
 * them through a ring of block pointers instead of CPython's links: O(1)
 * at both ends and O(1) indexing, and never a big block to allocate (see
 * "deque" below).  A bounded deque (maxlen) drops items from the opposite
 * end as it grows.  `state` counts mutations the way CPython's does, so
 * iterators and the searching methods notice a deque changed under them
 * ("deque mutated during iteration").
 *
 * defaultdict is a dict subtype: dict's layout plus one Value, the
 * default_factory; dict's getitem slot calls __missing__ on a subtype.
 *
 * As in CPython, the constructors (new_) only allocate for subclasses and
 * leave the arguments to __init__, so a subclass with its own __init__
 * signature works; for the exact types new_ runs the same initialisation.
 */
#include <string.h>
#include "modules/modutil.h"
#include "runtime/class.h"
#include "runtime/version.h"

/* ======================= deque ========================================== */

/*
 * The items live in blocks of BLOCK_LEN slots, as in CPython, and `map`
 * is a ring of pointers to the blocks in use, first to last.  Item i is
 * at position head + i counted from the first block's first slot: block
 * (head + i) / BLOCK_LEN of the map, slot (head + i) % BLOCK_LEN of it.
 * So indexing stays O(1), as with a ring of items, while no block is ever
 * bigger than 512 bytes: a deque that grows to 32,768 items asks for 512
 * such blocks and a 4 KiB map, never for a 256 KiB ring.  A big block
 * needs a free run of that length, and a heap whose live small objects
 * sit in every page has none: the collector grows the heap by a third for
 * it (bench/scheduler.py's queue of 32,768 messages: 19 MiB peak RSS
 * with a ring, 9.4-10.9 MiB with blocks, python3.11's 12; bench/README.md,
 * "h-sched").
 *
 * The blocks in use cover exactly [head, head + len), except that a deque
 * emptied by pops keeps its one block, with head moved to the middle
 * (either end can then grow into it):
 *   (nblocks - 1) * BLOCK_LEN < head + len <= nblocks * BLOCK_LEN,
 *   head < BLOCK_LEN;  nblocks == 0 only with len == 0 and head == 0.
 * A popped slot is cleared at once, so a block that leaves the map is all
 * empty; it is kept as `spare` (when there is none) for the next block
 * needed, which makes a queue that stays short (appends at one end, pops
 * at the other) allocate nothing.
 */
#define BLOCK_LEN 64                    /* CPython's; 32 measured slower (bench/README.md) */
#define MAP_MIN 4                       /* the first map's slots */

typedef struct {
    Object ob;
    Value **map;                /* map_cap block pointers, a ring */
    size_t map_cap;             /* 0 or a power of two */
    size_t first;               /* the map slot of the first block */
    size_t nblocks;             /* blocks in use */
    size_t head;                /* the first item's slot in the first block */
    size_t len;
    Value *spare;               /* an empty block, or NULL */
    ssize_t maxlen;             /* -1: unbounded */
    uint64_t state;             /* bumped by each mutation (iterators check) */
} ObjDeque;

static ObjType deque_type, deque_iter_type, deque_reviter_type;
#define DQ(v) VAL_AS(ObjDeque, v)

/* The slot at position `pos` (head + the item's index). */
static inline Value *dq_slot(ObjDeque *d, size_t pos)
{
    return &d->map[(d->first + pos / BLOCK_LEN) & (d->map_cap - 1)][pos % BLOCK_LEN];
}

static inline Value *dq_at(ObjDeque *d, size_t i) { return dq_slot(d, d->head + i); }

/* A full map doubled, its blocks moved to slots 0..nblocks-1.  The old
 * map is given back at once (only the deque points to it), so the new one
 * is asked for as a dict's grown table is.  false + MemoryError when a
 * map of GC_BIG bytes or more cannot be had. */
static bool dq_grow_map(ObjDeque *d)
{
    size_t cap = d->map_cap ? d->map_cap * 2 : MAP_MIN;
    Value **map = gc_alloc_table(cap * sizeof *map), **old = d->map;
    if (map == NULL) {
        rt_raise_nomemory();
        return false;
    }
    for (size_t b = 0; b < d->nblocks; b++)
        map[b] = old[(d->first + b) & (d->map_cap - 1)];
    d->map = map;
    d->map_cap = cap;
    d->first = 0;
    gc_free(old);
    return true;
}

/* An empty block: the spare, or a new one. */
static Value *dq_new_block(ObjDeque *d)
{
    Value *b = d->spare;
    if (b == NULL)
        return gc_alloc(BLOCK_LEN * sizeof(Value));
    d->spare = NULL;
    return b;
}

/* A block added after the last one / before the first one: once in
 * BLOCK_LEN pushes, so kept out of line, off the pushes' own path
 * (bench/scheduler.py: the deque's functions 143 -> 135 M instructions). */
__attribute__((noinline)) static bool dq_add_block_right(ObjDeque *d)
{
    if (d->nblocks == d->map_cap && !dq_grow_map(d))
        return false;
    Value *b = dq_new_block(d);
    d->map[(d->first + d->nblocks) & (d->map_cap - 1)] = b;
    d->nblocks++;
    return true;
}

__attribute__((noinline)) static bool dq_add_block_left(ObjDeque *d)
{
    if (d->nblocks == d->map_cap && !dq_grow_map(d))
        return false;
    Value *b = dq_new_block(d);
    d->first = (d->first - 1) & (d->map_cap - 1);
    d->map[d->first] = b;
    d->nblocks++;
    d->head += BLOCK_LEN;
    return true;
}

/* A block emptied by pops leaves the map, kept as the spare if there is
 * none.  Once in BLOCK_LEN pops: out of line as the additions are. */
static void dq_drop_block(ObjDeque *d, size_t map_slot)
{
    if (d->spare == NULL)
        d->spare = d->map[map_slot];
    d->map[map_slot] = NULL;
    d->nblocks--;
}

__attribute__((noinline)) static void dq_drop_first(ObjDeque *d)
{
    dq_drop_block(d, d->first);
    d->first = (d->first + 1) & (d->map_cap - 1);
    d->head = 0;
}

__attribute__((noinline)) static void dq_drop_last(ObjDeque *d)
{
    dq_drop_block(d, (d->first + d->nblocks - 1) & (d->map_cap - 1));
}

/* The raw moves at each end, without counting a mutation (rotate counts
 * one for all of its moves).  The last item popped leaves its one block
 * in the map, head in its middle. */
static bool dq_put_right(ObjDeque *d, Value v)
{
    size_t pos = d->head + d->len;
    if (pos == d->nblocks * BLOCK_LEN && !dq_add_block_right(d))
        return false;
    *dq_slot(d, pos) = v;
    d->len++;
    return true;
}

static bool dq_put_left(ObjDeque *d, Value v)
{
    if (d->head == 0 && !dq_add_block_left(d))
        return false;
    d->head--;
    d->map[d->first][d->head] = v;
    d->len++;
    return true;
}

static Value dq_get_right(ObjDeque *d)
{
    Value *slot = dq_at(d, d->len - 1), v = *slot;
    *slot = VAL_NULL;
    d->len--;
    if (d->len == 0)
        d->head = BLOCK_LEN / 2;
    else if (d->head + d->len <= (d->nblocks - 1) * BLOCK_LEN)
        dq_drop_last(d);
    return v;
}

static Value dq_get_left(ObjDeque *d)
{
    Value *slot = &d->map[d->first][d->head], v = *slot;
    *slot = VAL_NULL;
    d->head++;
    d->len--;
    if (d->len == 0)
        d->head = BLOCK_LEN / 2;
    else if (d->head == BLOCK_LEN)
        dq_drop_first(d);
    return v;
}

static Value dq_take_right(ObjDeque *d)
{
    d->state++;
    return dq_get_right(d);
}

static Value dq_take_left(ObjDeque *d)
{
    d->state++;
    return dq_get_left(d);
}

/* append / appendleft: a full bounded deque drops from the other end.
 * false + MemoryError when the map could not grow. */
static bool dq_push_right(ObjDeque *d, Value v)
{
    if (d->maxlen == 0)
        return true;
    if (!dq_put_right(d, v))
        return false;
    d->state++;
    if (d->maxlen > 0 && d->len > (size_t)d->maxlen)
        dq_get_left(d);
    return true;
}

static bool dq_push_left(ObjDeque *d, Value v)
{
    if (d->maxlen == 0)
        return true;
    if (!dq_put_left(d, v))
        return false;
    d->state++;
    if (d->maxlen > 0 && d->len > (size_t)d->maxlen)
        dq_get_right(d);
    return true;
}

/* Every block is left to the collector (the spare too: a cleared deque
 * is often dropped). */
static void dq_clear(ObjDeque *d)
{
    d->map = NULL;
    d->spare = NULL;
    d->map_cap = d->first = d->nblocks = d->head = d->len = 0;
    d->state++;
}

/* extend / extendleft: the deque itself is copied first (d.extend(d)). */
static bool dq_extend(ObjDeque *d, Value iterable, bool left)
{
    if (obj_val(d) == iterable)
        iterable = rt_sequence_to_list(iterable);
    Value it = rt_iter(iterable), v;
    if (it == VAL_NULL)
        return false;
    while ((v = rt_next(it)) != VAL_NULL)
        if (!(left ? dq_push_left(d, v) : dq_push_right(d, v)))
            return false;
    return !rt_err_occurred();
}

/* Rotate right by n (left when negative): the last n items move to the
 * front.  Moves at most len/2 items, as CPython's _deque_rotate, one at a
 * time: a block emptied at one end is the spare the other end takes, so
 * at most one block is allocated.  false + MemoryError when the map could
 * not grow. */
static bool dq_rotate(ObjDeque *d, ssize_t n)
{
    ssize_t len = (ssize_t)d->len, half = len / 2;
    if (len <= 1)
        return true;
    if (n > half || n < -half) {
        n %= len;
        if (n > half)
            n -= len;
        else if (n < -half)
            n += len;
    }
    /* The items span at most one block more than now: room for it in the
     * map first, so that no move below can fail. */
    if (d->nblocks == d->map_cap && !dq_grow_map(d))
        return false;
    d->state++;
    for (; n > 0; n--)              /* last item to the front */
        dq_put_left(d, dq_get_right(d));
    for (; n < 0; n++)              /* first item to the back */
        dq_put_right(d, dq_get_left(d));
    return true;
}

/* Remove item i, moving the shorter side. */
static void dq_del_at(ObjDeque *d, size_t i)
{
    if (i < d->len / 2) {
        for (size_t j = i; j > 0; j--)
            *dq_at(d, j) = *dq_at(d, j - 1);
        dq_take_left(d);
    } else {
        for (size_t j = i; j + 1 < d->len; j++)
            *dq_at(d, j) = *dq_at(d, j + 1);
        dq_take_right(d);
    }
}

/* The first index in [start, stop) whose item == x: -1 when none, -2 on
 * error (also when the deque changed during a comparison). */
static ssize_t dq_find(ObjDeque *d, Value x, size_t start, size_t stop, ObjType *mutated)
{
    uint64_t state = d->state;
    for (size_t i = start; i < stop && i < d->len; i++) {
        int eq = rt_eq(*dq_at(d, i), x);
        if (eq < 0)
            return -2;
        if (state != d->state) {
            rt_raisef(mutated, "deque mutated during iteration");
            return -2;
        }
        if (eq)
            return (ssize_t)i;
    }
    return -1;
}

static Value dq_as_list(ObjDeque *d)
{
    Value l = rt_list_new(d->len);
    for (size_t i = 0; i < d->len; i++)
        rt_list_append(l, *dq_at(d, i));
    return l;
}

/* deque.__init__ / deque(): (iterable=(), maxlen=None); re-initialising
 * empties the deque first. */
static bool dq_init(ObjDeque *d, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "iterable", "maxlen" };
    static const ArgSpec spec = { "deque", names, 2, 0, 0, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return false;
    ssize_t maxlen = -1;
    if (a[1] != VAL_NULL && a[1] != rt_None) {
        if (!rt_isinstance_of(a[1], &rt_int_type)) {
            rt_raisef(&rt_TypeError, "an integer is required");
            return false;
        }
        if (!mod_int_as_ssize(a[1], &maxlen))
            return false;
        if (maxlen < 0) {
            rt_raisef(&rt_ValueError, "maxlen must be non-negative");
            return false;
        }
    }
    d->maxlen = maxlen;
    if (d->len > 0)
        dq_clear(d);
    return a[0] == VAL_NULL || dq_extend(d, a[0], false);
}

/* deque.__new__ allocates; deque.__init__ (TF_SPLIT_INIT) fills, and is
 * a slot wrapper as CPython's deque_init. */
static Value deque_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    ObjDeque *d = rt_alloc_instance(type, sizeof *d);
    d->maxlen = -1;
    return obj_val(d);
}

static Value dq_init_m(Value *args, size_t nargs, Value kw)
{
    return dq_init(DQ(args[0]), args + 1, nargs - 1, kw) ? rt_None : VAL_NULL;
}

/* A copy: the same maxlen; a subclass is called as type(d)(d[, maxlen]). */
static Value dq_copy_of(ObjDeque *d)
{
    ObjType *type = d->ob.type;
    if (type != &deque_type) {
        Value args[2] = { obj_val(d), small_new(d->maxlen) };
        return rt_call(obj_val(type), args, d->maxlen < 0 ? 1 : 2, VAL_NULL);
    }
    ObjDeque *c = rt_alloc_instance(type, sizeof *c);
    c->maxlen = d->maxlen;
    for (size_t i = 0; i < d->len; i++)
        if (!dq_push_right(c, *dq_at(d, i)))
            return VAL_NULL;
    return obj_val(c);
}

/* ---- methods ---- */

static Value dq_append(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("deque.append", nargs - 1, kw))
        return VAL_NULL;
    return dq_push_right(DQ(args[0]), args[1]) ? rt_None : VAL_NULL;
}

static Value dq_appendleft(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("deque.appendleft", nargs - 1, kw))
        return VAL_NULL;
    return dq_push_left(DQ(args[0]), args[1]) ? rt_None : VAL_NULL;
}

static Value dq_pop(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("deque.pop", nargs - 1, kw))
        return VAL_NULL;
    if (DQ(args[0])->len == 0)
        return rt_raisef(&rt_IndexError, "pop from an empty deque");
    return dq_take_right(DQ(args[0]));
}

static Value dq_popleft(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("deque.popleft", nargs - 1, kw))
        return VAL_NULL;
    if (DQ(args[0])->len == 0)
        return rt_raisef(&rt_IndexError, "pop from an empty deque");
    return dq_take_left(DQ(args[0]));
}

static Value dq_extend_m(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("deque.extend", nargs - 1, kw))
        return VAL_NULL;
    return dq_extend(DQ(args[0]), args[1], false) ? rt_None : VAL_NULL;
}

static Value dq_extendleft_m(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("deque.extendleft", nargs - 1, kw))
        return VAL_NULL;
    return dq_extend(DQ(args[0]), args[1], true) ? rt_None : VAL_NULL;
}

/* An integer argument read with __index__ (PyNumber_AsSsize_t with
 * OverflowError). */
static bool ssize_arg(Value v, ssize_t *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && mod_int_as_ssize(i, out);
}

/* The positional count of a deque method, as 3.13's Argument Clinic checks
 * it ("insert expected 2 arguments, got 1") or older releases did. */
static bool dq_arg_count(const char *name, size_t n, size_t min, size_t max)
{
    return rt_py_minor >= 13 ? rt_arg_range(name, n, min, max) : rt_arg_count(name, n, min, max);
}

static Value dq_rotate_m(Value *args, size_t nargs, Value kw)
{
    const char *name = rt_py_minor >= 13 ? "rotate" : "deque.rotate";
    if (!rt_arg_nokw(name, kw) || !rt_arg_range(name, nargs - 1, 0, 1))
        return VAL_NULL;
    ssize_t n = 1;
    if (nargs == 2 && !ssize_arg(args[1], &n))
        return VAL_NULL;
    return dq_rotate(DQ(args[0]), n) ? rt_None : VAL_NULL;
}

static Value dq_clear_m(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("deque.clear", nargs - 1, kw))
        return VAL_NULL;
    dq_clear(DQ(args[0]));
    return rt_None;
}

static Value dq_count(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("deque.count", nargs - 1, kw))
        return VAL_NULL;
    ObjDeque *d = DQ(args[0]);
    ssize_t n = 0;
    uint64_t state = d->state;
    for (size_t i = 0; i < d->len; i++) {
        int eq = rt_eq(*dq_at(d, i), args[1]);
        if (eq < 0)
            return VAL_NULL;
        if (state != d->state)
            return rt_raisef(&rt_RuntimeError, "deque mutated during iteration");
        n += eq;
    }
    return small_new(n);
}

/* index(x[, start[, stop]]): the bounds as slice indices, clamped. */
static Value dq_index(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("index", kw) || !dq_arg_count("index", nargs - 1, 1, 3))
        return VAL_NULL;
    ObjDeque *d = DQ(args[0]);
    ssize_t len = (ssize_t)d->len, start = 0, stop = len;
    if (nargs > 2 && !rt_index_arg(args[2], &start))
        return VAL_NULL;
    if (nargs > 3 && !rt_index_arg(args[3], &stop))
        return VAL_NULL;
    if (start < 0 && (start += len) < 0)
        start = 0;
    if (stop < 0 && (stop += len) < 0)
        stop = 0;
    if (stop > len)
        stop = len;
    ssize_t i = start < stop ? dq_find(d, args[1], (size_t)start, (size_t)stop,
                                       &rt_RuntimeError) : -1;
    if (i == -2)
        return VAL_NULL;
    if (i < 0)
        return rt_raisef(&rt_ValueError, rt_py_minor >= 14 ? "deque.index(x): x not in deque"
                                                           : "%R is not in deque", args[1]);
    return small_new(i);
}

static Value dq_remove(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("deque.remove", nargs - 1, kw))
        return VAL_NULL;
    ObjDeque *d = DQ(args[0]);
    ssize_t i = dq_find(d, args[1], 0, d->len, &rt_IndexError);
    if (i == -2)
        return VAL_NULL;
    if (i < 0)
        return rt_raisef(&rt_ValueError, rt_py_minor >= 14 ? "deque.remove(x): x not in deque"
                                                           : "%R is not in deque", args[1]);
    dq_del_at(d, (size_t)i);
    return rt_None;
}

/* Reverses in place; like CPython's, not counted as a mutation. */
static Value dq_reverse(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("deque.reverse", nargs - 1, kw))
        return VAL_NULL;
    ObjDeque *d = DQ(args[0]);
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        Value t = *dq_at(d, i);
        *dq_at(d, i) = *dq_at(d, j - 1);
        *dq_at(d, j - 1) = t;
    }
    return rt_None;
}

/* insert(i, x) before index i, clamped like list.insert. */
static Value dq_insert(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("insert", kw) || !dq_arg_count("insert", nargs - 1, 2, 2))
        return VAL_NULL;
    ObjDeque *d = DQ(args[0]);
    ssize_t i, len = (ssize_t)d->len;
    if (!ssize_arg(args[1], &i))
        return VAL_NULL;
    if (d->maxlen == len)
        return rt_raisef(&rt_IndexError, "deque already at its maximum size");
    if (i < 0 && (i += len) < 0)
        i = 0;
    if (i > len)
        i = len;
    if (!dq_push_right(d, args[2]))
        return VAL_NULL;
    for (ssize_t j = len; j > i; j--)
        *dq_at(d, (size_t)j) = *dq_at(d, (size_t)j - 1);
    *dq_at(d, (size_t)i) = args[2];
    return rt_None;
}

static Value dq_copy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("deque.copy", nargs - 1, kw))
        return VAL_NULL;
    return dq_copy_of(DQ(args[0]));
}

static Value dq_iter_make(Value self, ObjType *type);

static Value dq_reversed(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("deque.__reversed__", nargs - 1, kw))
        return VAL_NULL;
    return dq_iter_make(args[0], &deque_reviter_type);
}

/* (type(d), () or ((), maxlen), the state object.__getstate__ gives (the
 * __dict__ and __slots__ values), iter(d): a subclass's __iter__ too). */
static Value dq_reduce(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("deque.__reduce__", nargs - 1, kw))
        return VAL_NULL;
    ObjDeque *d = DQ(args[0]);
    Value state = rt_object_getstate(args[0]);
    Value it = state == VAL_NULL ? VAL_NULL : rt_iter(args[0]);
    if (it == VAL_NULL)
        return VAL_NULL;
    Value ctor_args = d->maxlen < 0 ? rt_empty_tuple
                                    : rt_tuple_pack(2, rt_empty_tuple, small_new(d->maxlen));
    return rt_tuple_pack(4, obj_val(d->ob.type), ctor_args, state, it);
}

static Value dq_maxlen(Value self)
{
    return DQ(self)->maxlen < 0 ? rt_None : small_new(DQ(self)->maxlen);
}

/* ---- slots ---- */

/* "deque([1, 2], maxlen=3)" under the type's own short name; "[...]" for
 * a deque inside itself. */
static Value dq_repr(Value self)
{
    if (rt_repr_reentered(self))
        return rt_str_from_cstr("[...]");
    ObjDeque *d = DQ(self);
    const char *name = val_type(self)->name, *dot = strrchr(name, '.');
    Value items = rt_repr(dq_as_list(d));
    if (items == VAL_NULL)
        return VAL_NULL;
    if (d->maxlen >= 0)
        return rt_str_format_c("%s(%S, maxlen=%zd)", dot ? dot + 1 : name, items, d->maxlen);
    return rt_str_format_c("%s(%S)", dot ? dot + 1 : name, items);
}

static ssize_t dq_len(Value self) { return (ssize_t)DQ(self)->len; }

/* d[i] takes integers only (no slices): "sequence index must be integer". */
static bool dq_index_of(ObjDeque *d, Value key, size_t *out)
{
    Value i = rt_index_or_null(key);
    if (i == VAL_NULL) {
        if (!rt_err_occurred())
            rt_raisef(&rt_TypeError, "sequence index must be integer, not '%s'",
                      val_type(key)->name);
        return false;
    }
    return rt_seq_index(i, d->len, "deque", out);
}

/* x in d: a linear search that notices a deque changed by an item's __eq__. */
static int dq_contains(Value self, Value x)
{
    ObjDeque *d = DQ(self);
    ssize_t i = dq_find(d, x, 0, d->len, &rt_RuntimeError);
    return i == -2 ? -1 : i >= 0;
}

static Value dq_getitem(Value self, Value key)
{
    size_t i;
    if (!dq_index_of(DQ(self), key, &i))
        return VAL_NULL;
    return *dq_at(DQ(self), i);
}

static int dq_setitem(Value self, Value key, Value v)
{
    size_t i;
    if (!dq_index_of(DQ(self), key, &i))
        return -1;
    if (v == VAL_NULL)
        dq_del_at(DQ(self), i);
    else
        *dq_at(DQ(self), i) = v;
    return 0;
}

/* Comparisons compare the items in order, as lists do (a deque with
 * itself is equal without comparing items). */
static Value dq_richcompare(Value a, Value b, int op)
{
    if (!rt_isinstance_of(a, &deque_type) || !rt_isinstance_of(b, &deque_type))
        return rt_NotImplemented;
    if (a == b && (op == CMP_EQ || op == CMP_NE))
        return rt_bool(op == CMP_EQ);
    return rt_richcompare(dq_as_list(DQ(a)), dq_as_list(DQ(b)), op);
}

/* d *= n: the items repeated n times, keeping at most maxlen of them (the
 * last); n <= 0 empties.  false on MemoryError. */
static bool dq_repeat_in_place(ObjDeque *d, ssize_t n)
{
    size_t len = d->len;
    if (len == 0 || n == 1)
        return true;
    if (n <= 0) {
        dq_clear(d);
        return true;
    }
    if ((size_t)n > (size_t)PTRDIFF_MAX / len) {
        rt_raise_nomemory();
        return false;
    }
    if (d->maxlen >= 0 && (size_t)n * len > (size_t)d->maxlen)
        n = (d->maxlen + (ssize_t)len - 1) / (ssize_t)len;
    Value items = dq_as_list(d);
    for (ssize_t k = 1; k < n; k++)
        for (size_t i = 0; i < len; i++)
            if (!dq_push_right(d, AS_LIST(items)->items[i]))
                return false;
    return true;
}

static Value dq_binop(Value a, Value b, int op)
{
    if (op == NB_ADD && rt_isinstance_of(a, &deque_type)) {
        if (!rt_isinstance_of(b, &deque_type))
            return rt_raisef(&rt_TypeError, "can only concatenate deque (not \"%s\") to deque",
                             val_type(b)->name);
        Value c = dq_copy_of(DQ(a));
        return c != VAL_NULL && dq_extend(DQ(c), b, false) ? c : VAL_NULL;
    }
    if (op != NB_MULTIPLY)
        return rt_NotImplemented;
    Value dq = rt_isinstance_of(a, &deque_type) ? a : b;
    ssize_t n;
    int r = rt_repeat_count(dq == a ? b : a, &n);
    if (r <= 0)
        return r < 0 ? VAL_NULL : rt_NotImplemented;
    Value c = dq_copy_of(DQ(dq));
    return c != VAL_NULL && dq_repeat_in_place(DQ(c), n) ? c : VAL_NULL;
}

/* d += iterable extends (any iterable, not only deques); d *= n repeats. */
static Value dq_inplace(Value a, Value b, int op)
{
    if (op == NB_ADD)
        return dq_extend(DQ(a), b, false) ? a : VAL_NULL;
    if (op != NB_MULTIPLY)
        return rt_NotImplemented;
    ssize_t n;
    int r = rt_repeat_count(b, &n);
    if (r <= 0)
        return r < 0 ? VAL_NULL : rt_NotImplemented;
    return dq_repeat_in_place(DQ(a), n) ? a : VAL_NULL;
}

/* ---- iterators: _deque_iterator and _deque_reverse_iterator ---- */

/* An iterator walks the blocks with a pointer to the one it is in, so
 * that the next item is one load, not a lookup in the map: while `state`
 * is the deque's, no block has moved (every push and pop counts a
 * mutation; reverse and d[i] = x change items in place).  `slot` starts
 * out of range, so the first item's block is looked up like the later
 * ones'. */
typedef struct {
    Object ob;
    Value deque;
    size_t index;               /* items produced so far */
    size_t counter;             /* items left: 0 once exhausted or broken */
    uint64_t state;
    Value *block;               /* the block the last item came from */
    size_t slot;                /* the last item's slot in it */
} ObjDequeIter;

static Value dq_iter_make(Value self, ObjType *type)
{
    ObjDequeIter *it = gc_alloc(sizeof *it);
    it->ob.type = type;
    it->deque = self;
    it->counter = DQ(self)->len;
    it->state = DQ(self)->state;
    it->slot = type == &deque_reviter_type ? 0 : BLOCK_LEN - 1;
    return obj_val(it);
}

static Value dq_iter(Value self) { return dq_iter_make(self, &deque_iter_type); }

/* NULL: the iterator is done (or broken: the deque changed). */
static ObjDeque *dq_iter_deque(ObjDequeIter *it)
{
    ObjDeque *d = DQ(it->deque);
    if (d->state != it->state) {
        it->counter = 0;
        rt_raisef(&rt_RuntimeError, "deque mutated during iteration");
        return NULL;
    }
    return it->counter == 0 ? NULL : d;
}

/* The block and slot of item i, for an iterator crossing into it. */
static void dq_iter_seek(ObjDequeIter *it, ObjDeque *d, size_t i)
{
    size_t pos = d->head + i;
    it->block = d->map[(d->first + pos / BLOCK_LEN) & (d->map_cap - 1)];
    it->slot = pos % BLOCK_LEN;
}

static Value dq_iter_next(Value self)
{
    ObjDequeIter *it = VAL_AS(ObjDequeIter, self);
    ObjDeque *d = dq_iter_deque(it);
    if (d == NULL)
        return VAL_NULL;
    if (it->slot == BLOCK_LEN - 1)
        dq_iter_seek(it, d, it->index);
    else
        it->slot++;
    it->index++;
    it->counter--;
    return it->block[it->slot];
}

static Value dq_reviter_next(Value self)
{
    ObjDequeIter *it = VAL_AS(ObjDequeIter, self);
    ObjDeque *d = dq_iter_deque(it);
    if (d == NULL)
        return VAL_NULL;
    if (it->slot == 0)
        dq_iter_seek(it, d, d->len - 1 - it->index);
    else
        it->slot--;
    it->index++;
    it->counter--;
    return it->block[it->slot];
}

/* _deque_iterator(deque, index=0): an iterator already advanced. */
static Value dq_iter_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    const char *name = type == &deque_reviter_type ? "_deque_reverse_iterator"
                                                   : "_deque_iterator";
    if (!rt_arg_nokw(name, kw) || !rt_arg_count(name, nargs, 1, 2))
        return VAL_NULL;
    if (!rt_isinstance_of(args[0], &deque_type))
        return rt_raisef(&rt_TypeError, "argument 1 must be collections.deque, not %s",
                         val_type(args[0])->name);
    ssize_t index = 0;
    if (nargs == 2 && !ssize_arg(args[1], &index))
        return VAL_NULL;
    Value it = dq_iter_make(args[0], type);
    for (ssize_t i = 0; i < index && VAL_AS(ObjDequeIter, it)->counter > 0; i++)
        type->next(it);
    return it;
}

static Value dq_iter_length_hint(Value *args, size_t nargs, Value kw)
{
    return small_new((ssize_t)VAL_AS(ObjDequeIter, args[0])->counter);
}

/* (type(it), (deque, items already produced)) */
static Value dq_iter_reduce(Value *args, size_t nargs, Value kw)
{
    ObjDequeIter *it = VAL_AS(ObjDequeIter, args[0]);
    size_t done = DQ(it->deque)->len - it->counter;
    return rt_tuple_pack(2, obj_val(it->ob.type),
                         rt_tuple_pack(2, it->deque, small_new((ssize_t)done)));
}

static const MethodDef deque_methods[] = {
    {"__init__", dq_init_m},
    {"append", dq_append}, {"appendleft", dq_appendleft}, {"pop", dq_pop},
    {"popleft", dq_popleft}, {"extend", dq_extend_m}, {"extendleft", dq_extendleft_m},
    {"rotate", dq_rotate_m}, {"clear", dq_clear_m}, {"count", dq_count}, {"index", dq_index},
    {"remove", dq_remove}, {"reverse", dq_reverse}, {"insert", dq_insert},
    {"copy", dq_copy}, {"__copy__", dq_copy}, {"__reversed__", dq_reversed},
    {"__reduce__", dq_reduce},
    {NULL, NULL}
};

static const MethodDef deque_iter_methods[] = {
    {"__length_hint__", dq_iter_length_hint}, {"__reduce__", dq_iter_reduce}, {NULL, NULL}
};

static ObjType deque_type = {
    .ob.type = &rt_type_type, .name = "collections.deque",
    .flags = TF_BASETYPE | TF_SEQUENCE | TF_WEAKREFABLE | TF_SPLIT_INIT | TF_MATCH_SEQUENCE,
    .instance_size = sizeof(ObjDeque),
    .new_ = deque_new, .repr = dq_repr, .len = dq_len, .getitem = dq_getitem,
    .contains = dq_contains, .setitem = dq_setitem, .iter = dq_iter,
    .richcompare = dq_richcompare, .binop = dq_binop, .inplace = dq_inplace,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_MULTIPLY),
};

static ObjType deque_iter_type = {
    .ob.type = &rt_type_type, .name = "_collections._deque_iterator",
    .new_ = dq_iter_new, .iter = rt_iter_self, .next = dq_iter_next,
};

static ObjType deque_reviter_type = {
    .ob.type = &rt_type_type, .name = "_collections._deque_reverse_iterator",
    .new_ = dq_iter_new, .iter = rt_iter_self, .next = dq_reviter_next,
};

/* ======================= defaultdict ====================================== */

/* dict's layout plus the factory (None or a callable). */
typedef struct { ObjDict d; Value factory; } ObjDefaultDict;
static ObjType defaultdict_type;
#define DD_FACTORY_FIELD(v) (VAL_AS(ObjDefaultDict, v)->factory)
/* The factory, None when unset or deleted (default_factory is a member). */
static inline Value DD_FACTORY(Value v)
{
    return DD_FACTORY_FIELD(v) == VAL_NULL ? rt_None : DD_FACTORY_FIELD(v);
}

/* defaultdict(default_factory=None, /, ...): the rest is dict's. */
static bool dd_init(Value self, Value *args, size_t nargs, Value kw)
{
    Value factory = rt_None;
    if (rt_npos(nargs, kw) >= 1) {
        factory = args[0];
        if (factory != rt_None && !rt_callable(factory)) {
            rt_raisef(&rt_TypeError, "first argument must be callable or None");
            return false;
        }
        args++;
        nargs--;
    }
    DD_FACTORY_FIELD(self) = factory;
    Value init = rt_type_lookup(&rt_dict_type, RT_NAME("__init__"));
    Value *all = gc_alloc((nargs + 1) * sizeof(Value));
    all[0] = self;
    memcpy(all + 1, args, nargs * sizeof(Value));
    return rt_call(init, all, nargs + 1, kw) != VAL_NULL;
}

static Value dd_init_m(Value *args, size_t nargs, Value kw)
{
    return dd_init(args[0], args + 1, nargs - 1, kw) ? rt_None : VAL_NULL;
}

/* d[key] for a missing key: key = default_factory(), stored and returned;
 * KeyError(key) without a factory. */
static Value dd_missing(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("defaultdict.__missing__", nargs - 1, kw))
        return VAL_NULL;
    Value f = DD_FACTORY(args[0]);
    if (f == rt_None)
        return rt_raise_args(&rt_KeyError, rt_tuple_pack(1, args[1]));
    Value v = rt_call0(f);
    if (v == VAL_NULL || rt_setitem(args[0], args[1], v) < 0)
        return VAL_NULL;
    return v;
}

/* "defaultdict(<class 'list'>, {'a': []})"; inside itself the dict part
 * is "{...}", as dict's own repr shows it.  Is v's repr running, in the
 * links from l outwards? */
static bool repr_active(RtReprLink *l, Value v)
{
    for (; l != NULL; l = l->outer)
        if (l->obj == v)
            return true;
    return false;
}

/* As CPython: only the dict part counts as d's repr running, while the
 * factory's repr counts as running from here on (Py_ReprEnter on it), so a
 * factory met again (a bound method of d) shows as "...".  d's own link
 * (rt_repr's) is not looked at for the factory: by then the dict part is
 * done, and d as its own factory shows once in full
 * ("defaultdict(defaultdict(..., {...}), {})"). */
static Value dd_repr(Value self)
{
    Value inner = rt_repr_reentered(self) ? rt_str_from_cstr("{...}")
                                          : rt_dict_type.repr(self);
    Value f = DD_FACTORY(self), fr;
    RtReprLink *own = rt_repr_active != NULL && rt_repr_active->obj == self ? rt_repr_active
                                                                            : NULL;
    if (f == rt_None || repr_active(own != NULL ? own->outer : rt_repr_active, f)) {
        fr = rt_str_from_cstr(f == rt_None ? "None" : "...");
    } else {
        if (own)
            own->obj = f;
        RtReprLink link = { f, rt_repr_active };
        if (!own)
            rt_repr_active = &link;
        fr = rt_repr(f);
        if (own)
            own->obj = self;
        else
            rt_repr_active = link.outer;
    }
    if (inner == VAL_NULL || fr == VAL_NULL)
        return VAL_NULL;
    const char *name = val_type(self)->name, *dot = strrchr(name, '.');
    return rt_str_format_c("%s(%S, %S)", dot ? dot + 1 : name, fr, inner);
}

/* type(d)(d.default_factory, d) */
static Value dd_copy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("defaultdict.copy", nargs - 1, kw))
        return VAL_NULL;
    Value a[2] = { DD_FACTORY(args[0]), args[0] };
    return rt_call(obj_val(val_type(args[0])), a, 2, VAL_NULL);
}

/* (type(d), (factory,) or (), None, None, iter(d.items())) */
static Value dd_reduce(Value *args, size_t nargs, Value kw)
{
    Value f = DD_FACTORY(args[0]);
    Value items = mod_call_method(args[0], "items", NULL, 0);
    Value it = items ? rt_iter(items) : VAL_NULL;
    if (it == VAL_NULL)
        return VAL_NULL;
    return rt_tuple_pack(5, obj_val(val_type(args[0])),
                         f == rt_None ? rt_empty_tuple : rt_tuple_pack(1, f),
                         rt_None, rt_None, it);
}

/* d | other and other | d (other a dict): type(d)(d.default_factory,
 * left operand), updated with the right one. */
static Value dd_binop(Value a, Value b, int op)
{
    if (op != NB_OR)
        return rt_dict_type.binop(a, b, op);
    Value self = rt_isinstance_of(a, &defaultdict_type) ? a : b, other = self == a ? b : a;
    if (!rt_isinstance_of(other, &rt_dict_type))
        return rt_NotImplemented;
    Value args[2] = { DD_FACTORY(self), a };
    Value r = rt_call(obj_val(val_type(self)), args, 2, VAL_NULL);
    return r != VAL_NULL && rt_dict_update(r, b) ? r : VAL_NULL;
}

static const MethodDef dd_methods[] = {
    {"__init__", dd_init_m}, {"__missing__", dd_missing}, {"copy", dd_copy},
    {"__copy__", dd_copy}, {"__reduce__", dd_reduce}, {NULL, NULL}
};

static ObjType defaultdict_type = {
    .ob.type = &rt_type_type, .name = "collections.defaultdict", .base = &rt_dict_type,
    .flags = TF_BASETYPE | TF_SPLIT_INIT, .instance_size = sizeof(ObjDefaultDict),
    .repr = dd_repr, .binop = dd_binop, .binop_ops = RT_OP_BIT(NB_OR),
};

/* ======================= _tuplegetter ====================================== */

/* _tuplegetter(index, doc): namedtuple's field, a data descriptor reading
 * item `index` of a tuple (subclass) instance. */
typedef struct { Object ob; ssize_t index; Value doc; } ObjTupleGetter;
static ObjType tuplegetter_type;
#define TG(v) VAL_AS(ObjTupleGetter, v)

Value mod_tuplegetter_new(size_t index, Value doc)
{
    if (tuplegetter_type.mro == VAL_NULL)
        rt_type_ready(&tuplegetter_type, NULL);
    ObjTupleGetter *g = gc_alloc(sizeof *g);
    g->ob.type = &tuplegetter_type;
    g->index = (ssize_t)index;
    g->doc = doc;
    return obj_val(g);
}

static Value tg_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_tuplegetter", kw) || !rt_arg_range("_tuplegetter", nargs, 2, 2))
        return VAL_NULL;
    ssize_t index;
    if (!ssize_arg(args[0], &index))
        return VAL_NULL;
    Value g = mod_tuplegetter_new(0, args[1]);
    TG(g)->index = index;
    return g;
}

static Value tg_get(Value descr, Value obj, Value type)
{
    if (obj == VAL_NULL || obj == rt_None)
        return descr;
    ssize_t i = TG(descr)->index;
    if (!rt_isinstance_of(obj, &rt_tuple_type))
        return rt_raisef(&rt_TypeError, "descriptor for index '%zd' for tuple subclasses "
                         "doesn't apply to '%s' object", i, val_type(obj)->name);
    if (i < 0 || (size_t)i >= rt_tuple_len(obj))
        return rt_raisef(&rt_IndexError, "tuple index out of range");
    return rt_tuple_get(obj, (size_t)i);
}

static int tg_set(Value descr, Value obj, Value v)
{
    rt_raisef(&rt_AttributeError, v == VAL_NULL ? "can't delete attribute"
                                                : "can't set attribute");
    return -1;
}

static Value tg_reduce(Value *args, size_t nargs, Value kw)
{
    return rt_tuple_pack(2, obj_val(&tuplegetter_type),
                         rt_tuple_pack(2, small_new(TG(args[0])->index), TG(args[0])->doc));
}

static Value tg_repr(Value self)
{
    Value doc = rt_repr(TG(self)->doc);
    if (doc == VAL_NULL)
        return VAL_NULL;
    return rt_str_format_c("_tuplegetter(%zd, %S)", TG(self)->index, doc);
}

static Value tg_getattr(Value self, Value name)
{
    if (strcmp(rt_str_cstr(name), "__doc__") == 0)
        return TG(self)->doc;
    return rt_generic_getattr(self, name);
}

static int tg_setattr(Value self, Value name, Value v)
{
    if (strcmp(rt_str_cstr(name), "__doc__") == 0) {
        TG(self)->doc = v == VAL_NULL ? rt_None : v;
        return 0;
    }
    return rt_generic_setattr(self, name, v);
}

static const MethodDef tg_methods[] = {
    {"__reduce__", tg_reduce}, {NULL, NULL}
};

static ObjType tuplegetter_type = {
    .ob.type = &rt_type_type, .name = "_collections._tuplegetter",
    .new_ = tg_new, .descr_get = tg_get, .descr_set = tg_set, .repr = tg_repr,
    .getattr = tg_getattr, .setattr = tg_setattr,
};

/* ======================= _count_elements ====================================== */

/* _count_elements(mapping, iterable): mapping[x] = mapping.get(x, 0) + 1
 * for each x; the dict operations directly when mapping is a plain dict. */
static Value count_elements(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_count_elements", kw) || !rt_arg_range("_count_elements", nargs, 2, 2))
        return VAL_NULL;
    Value mapping = args[0], it = rt_iter(args[1]), x;
    if (it == VAL_NULL)
        return VAL_NULL;
    bool plain = is_dict(mapping);
    Value get = plain ? VAL_NULL : rt_getattr_cstr(mapping, "get");
    if (!plain && get == VAL_NULL)
        return VAL_NULL;
    while ((x = rt_next(it)) != VAL_NULL) {
        Value old;
        if (plain) {
            bool err = false;
            if (rt_hash(x) == -1 && rt_err_occurred())
                return VAL_NULL;        /* CPython hashes first: its plain message */
            old = rt_dict_get(mapping, x, &err);
            if (err)
                return VAL_NULL;
            old = old ? old : small_new(0);
        } else if ((old = rt_call2(get, x, small_new(0))) == VAL_NULL) {
            return VAL_NULL;
        }
        Value n = rt_binary_op(old, small_new(1), NB_ADD);
        if (n == VAL_NULL || rt_setitem(mapping, x, n) < 0)
            return VAL_NULL;
    }
    return rt_err_occurred() ? VAL_NULL : rt_None;
}

/* ======================= the module ======================================== */

static const MethodDef collections_functions[] = {
    {"_count_elements", count_elements},
    {NULL, NULL}
};

Value mod__collections_init(void)
{
    Value m = mod_module_new("_collections", collections_functions);
    mod_module_set(m, "__doc__", rt_str_from_cstr(
        "High performance data structures.\n"
        "- deque:        ordered collection accessible from endpoints only\n"
        "- defaultdict:  dict subclass with a default value factory\n"));
    if (deque_type.mro == VAL_NULL) {
        if (rt_py_minor >= 12) {        /* 3.12 names their module as Python sees it */
            deque_iter_type.name = "collections._deque_iterator";
            deque_reviter_type.name = "collections._deque_reverse_iterator";
            tuplegetter_type.name = "collections._tuplegetter";
        }
        rt_type_ready(&deque_iter_type, deque_iter_methods);
        rt_type_ready(&deque_reviter_type, deque_iter_methods);
        static const GetSetDef deque_getsets[] = {
            {"maxlen", dq_maxlen, NULL, "maximum size of a deque or None if unbounded"},
            {NULL},
        };
        deque_type.getsets = deque_getsets;
        rt_type_ready(&deque_type, deque_methods);
        rt_type_add_class_getitem(&deque_type);
        static const MemberDef dd_members[] = {
            {"default_factory", offsetof(ObjDefaultDict, factory), RT_MEMBER_VALUE, RT_WRITABLE,
             "Factory for default value called by __missing__()."},
            {NULL},
        };
        defaultdict_type.members = dd_members;
        rt_type_ready(&defaultdict_type, dd_methods);
        rt_type_add_class_getitem(&defaultdict_type);
    }
    mod_add_type(m, "deque", &deque_type, NULL);
    mod_add_type(m, "defaultdict", &defaultdict_type, NULL);
    mod_add_type(m, "_deque_iterator", &deque_iter_type, NULL);
    mod_add_type(m, "_deque_reverse_iterator", &deque_reviter_type, NULL);
    mod_add_type(m, "_tuplegetter", &tuplegetter_type, tg_methods);
    mod_odict_add(m);
    return m;
}
