/*
 * set.c — set and frozenset, following CPython 3.11's Objects/setobject.c.
 *
 * Python programs print sets, and the order they print in is the order of
 * the hash table's slots.  To print exactly what python3.11 prints, this
 * table reproduces CPython's set algorithm step for step:
 *
 *   - the table starts with 8 slots and always has a power-of-two size;
 *   - a key goes to slot hash & mask; on a collision the next LINEAR_PROBES
 *     (9) neighbouring slots are tried (when they do not wrap around), then
 *     the position jumps: perturb >>= 5; i = (i * 5 + 1 + perturb) & mask;
 *   - a deleted slot becomes a "dummy" (key DUMMY, hash -1) so probe chains
 *     stay intact; an insertion reuses the last dummy its probe passed;
 *   - when fill (live + dummy slots) reaches 3/5 of the table it is rebuilt
 *     at the smallest power of two above 4*used (2*used past 50000 items);
 *   - bulk operations (set(other_set), update with a set or dict, |, &, -, ^)
 *     take CPython's same shortcuts, since those shortcuts decide the order.
 *
 * Ints hash to themselves, so set({3, 1, 2}) prints {1, 2, 3} in both.
 */
#include <string.h>
#include "runtime/runtime.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct SetEntry {
    Value key;                  /* VAL_NULL: never used; DUMMY: deleted */
    /* The key's hash, complemented (entry_hash reads it): 0 in unused and
     * deleted slots (hash -1, which no key has).  Stored as is, the hash of
     * an int is the int and id(obj) is obj's address, so a set of id()s
     * would hold words the conservative collector takes for pointers and
     * keep those objects alive (weakref.WeakSet's pending removals, the
     * tests' sets of ids); dict.c's DictEntry does the same. */
    intptr_t hash_not;
} SetEntry;

static inline intptr_t entry_hash(const SetEntry *e)
{
    return ~e->hash_not;
}

static inline void entry_fill(SetEntry *e, Value key, intptr_t hash)
{
    e->key = key;
    e->hash_not = ~hash;
}

typedef struct ObjSet {
    Object ob;
    size_t fill;                /* live + dummy slots */
    size_t used;                /* live slots: len(set) */
    size_t mask;                /* table size - 1 */
    SetEntry *table;
    intptr_t hash;              /* frozenset hash cache, -1 if not computed */
    size_t finger;              /* where pop() looks next */
} ObjSet;

static Object dummy_obj = {.type = &rt_object_type};
#define DUMMY ((Value)&dummy_obj)

static ObjType setiter_type;

#define AS_SET(v) VAL_AS(ObjSet, v)

bool rt_is_anyset(Value v)
{
    if (val_is_small(v))
        return false;
    ObjType *t = val_obj(v)->type;
    return t == &rt_set_type || t == &rt_frozenset_type
           || rt_is_subtype(t, &rt_set_type) || rt_is_subtype(t, &rt_frozenset_type);
}

static bool is_anyset_mutable(Value v)
{
    return rt_isinstance_of(v, &rt_set_type);
}

static intptr_t key_hash(Value key)
{
    if (val_is_small(key)) {
        intptr_t n = small_value(key);
        if (n > -((intptr_t)1 << 61) + 1 && n < ((intptr_t)1 << 61) - 1 && n != -1)
            return n;
    } else if (is_str(key)) {
        return rt_str_hash(key);
    }
    return rt_hash_as(key, "a set element");
}

/* ---- Probing ---------------------------------------------------------------- */

/* The slot holding key, or the empty slot ending its probe chain (key
 * VAL_NULL); NULL if a comparison raised. */
static SetEntry *set_lookkey(ObjSet *so, Value key, intptr_t hash)
{
    size_t mask = so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->key == VAL_NULL)
                return entry;
            if (entry_hash(entry) == hash) {
                Value startkey = entry->key;
                if (startkey == key)
                    return entry;
                if (is_str(startkey) && is_str(key)) {
                    if (rt_str_equal(startkey, key))
                        return entry;
                } else {
                    SetEntry *table = so->table;
                    int cmp = rt_eq(startkey, key);
                    if (cmp < 0)
                        return NULL;
                    if (table != so->table || entry->key != startkey)
                        return set_lookkey(so, key, hash);
                    if (cmp > 0)
                        return entry;
                    mask = so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Insert into a table known to hold no dummies and not the key. */
static void set_insert_clean(SetEntry *table, size_t mask, Value key, intptr_t hash)
{
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &table[i];
        if (entry->key == VAL_NULL)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == VAL_NULL)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry_fill(entry, key, hash);
        return;
    }
}

/* Rebuild at the smallest power of two above minused (dummies dropped).
 * 0, or -1 with MemoryError raised when the heap cannot give a big table
 * (gc_alloc_growing): the set is left as it was. */
static int set_table_resize(ObjSet *so, size_t minused)
{
    size_t newsize = SET_MINSIZE;
    while (newsize <= minused)
        newsize <<= 1;
    /* A minimum-size table without dummies has nothing to gain. */
    if (newsize == SET_MINSIZE && so->mask + 1 == SET_MINSIZE && so->fill == so->used)
        return 0;
    SetEntry *old = so->table, *table = gc_alloc_growing(newsize * sizeof(SetEntry));
    if (table == NULL) {
        rt_raise_nomemory();
        return -1;
    }
    size_t oldmask = so->mask;
    so->table = table;
    so->mask = newsize - 1;
    so->fill = so->used;
    for (size_t i = 0; i <= oldmask; i++)
        if (old[i].key != VAL_NULL && old[i].key != DUMMY)
            set_insert_clean(so->table, so->mask, old[i].key, entry_hash(&old[i]));
    return 0;
}

static size_t growth_target(ObjSet *so)
{
    return so->used > 50000 ? so->used * 2 : so->used * 4;
}

/* Add key (hash known); 0 ok, -1 error. */
static int set_add_entry(ObjSet *so, Value key, intptr_t hash)
{
restart:;
    size_t mask = so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    SetEntry *freeslot = NULL, *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->key == VAL_NULL)
                goto found_unused_or_dummy;
            if (entry_hash(entry) == hash) {
                Value startkey = entry->key;
                if (startkey == key)
                    return 0;
                if (is_str(startkey) && is_str(key)) {
                    if (rt_str_equal(startkey, key))
                        return 0;
                } else {
                    SetEntry *table = so->table;
                    int cmp = rt_eq(startkey, key);
                    if (cmp > 0)
                        return 0;
                    if (cmp < 0)
                        return -1;
                    if (table != so->table || entry->key != startkey)
                        goto restart;
                    mask = so->mask;
                }
            } else if (entry->key == DUMMY) {
                freeslot = entry;       /* a dummy we may reuse */
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }

found_unused_or_dummy:
    if (freeslot != NULL) {
        so->used++;
        entry_fill(freeslot, key, hash);
        return 0;
    }
    so->fill++;
    so->used++;
    entry_fill(entry, key, hash);
    if (so->fill * 5 >= mask * 3)
        return set_table_resize(so, growth_target(so));
    return 0;
}

static int set_contains_entry(ObjSet *so, Value key, intptr_t hash)
{
    SetEntry *entry = set_lookkey(so, key, hash);
    return entry == NULL ? -1 : entry->key != VAL_NULL;
}

/* 1 removed, 0 absent, -1 error. */
static int set_discard_entry(ObjSet *so, Value key, intptr_t hash)
{
    SetEntry *entry = set_lookkey(so, key, hash);
    if (entry == NULL)
        return -1;
    if (entry->key == VAL_NULL)
        return 0;
    entry_fill(entry, DUMMY, -1);
    so->used--;
    return 1;
}

static int set_add_key(ObjSet *so, Value key)
{
    intptr_t hash = key_hash(key);
    return hash == -1 ? -1 : set_add_entry(so, key, hash);
}

static int set_contains_key(ObjSet *so, Value key)
{
    intptr_t hash = key_hash(key);
    return hash == -1 ? -1 : set_contains_entry(so, key, hash);
}

static int set_discard_key(ObjSet *so, Value key)
{
    intptr_t hash = key_hash(key);
    return hash == -1 ? -1 : set_discard_entry(so, key, hash);
}

static void set_clear_internal(ObjSet *so)
{
    so->table = gc_alloc(SET_MINSIZE * sizeof(SetEntry));
    so->mask = SET_MINSIZE - 1;
    so->fill = so->used = 0;
    so->hash = -1;
}

/* Next live entry at or after *pos. */
static bool set_next(ObjSet *so, size_t *pos, SetEntry **entry)
{
    size_t i = *pos;
    while (i <= so->mask && (so->table[i].key == VAL_NULL || so->table[i].key == DUMMY))
        i++;
    *pos = i + 1;
    if (i > so->mask)
        return false;
    *entry = &so->table[i];
    return true;
}

/* ---- Bulk updates --------------------------------------------------------- */

/* so |= other, other a set: CPython's shortcuts into an empty table. */
static int set_merge(ObjSet *so, ObjSet *other)
{
    if (other == so || other->used == 0)
        return 0;
    /* One big resize up front rather than several while inserting. */
    if ((so->fill + other->used) * 5 >= so->mask * 3
        && set_table_resize(so, (so->used + other->used) * 2) < 0)
        return -1;
    /* Empty, same size, no dummies: copy the slots as they are. */
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        memcpy(so->table, other->table, (other->mask + 1) * sizeof(SetEntry));
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    /* Empty: no duplicates possible, insert without comparing. */
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (size_t i = 0; i <= other->mask; i++) {
            SetEntry *e = &other->table[i];
            if (e->key != VAL_NULL && e->key != DUMMY)
                set_insert_clean(so->table, so->mask, e->key, entry_hash(e));
        }
        return 0;
    }
    for (size_t i = 0; i <= other->mask; i++) {
        SetEntry e = other->table[i];
        if (e.key != VAL_NULL && e.key != DUMMY && set_add_entry(so, e.key, entry_hash(&e)) < 0)
            return -1;
    }
    return 0;
}

static int set_update_dict(ObjSet *so, ObjDict *d)
{
    if ((so->fill + d->used) * 5 >= so->mask * 3
        && set_table_resize(so, (so->used + d->used) * 2) < 0)
        return -1;
    Value k;
    intptr_t hash;
    for (size_t pos = 0; rt_dict_next_hashed(obj_val(d), &pos, &k, &hash);)
        if (set_add_entry(so, k, hash) < 0)
            return -1;
    return 0;
}

static int set_update_internal(ObjSet *so, Value other)
{
    if (rt_is_anyset(other))
        return set_merge(so, AS_SET(other));
    if (is_dict(other))
        return set_update_dict(so, AS_DICT(other));
    Value it = rt_iter(other);
    if (it == VAL_NULL)
        return -1;
    Value key;
    while ((key = rt_next(it)) != VAL_NULL)
        if (set_add_key(so, key) < 0)
            return -1;
    return rt_err_occurred() ? -1 : 0;
}

static ObjSet *make_new_set(ObjType *type, Value iterable)
{
    bool builtin = type == &rt_set_type || type == &rt_frozenset_type;
    ObjSet *so = builtin ? gc_alloc(sizeof *so) : rt_alloc_instance(type, sizeof *so);
    so->ob.type = type;
    set_clear_internal(so);
    if (iterable != VAL_NULL && set_update_internal(so, iterable) < 0)
        return NULL;
    return so;
}

/* Results of operations are plain sets or frozensets, even for subclasses. */
static ObjSet *make_new_set_basetype(ObjType *type, Value iterable)
{
    if (type != &rt_set_type && type != &rt_frozenset_type)
        type = rt_is_subtype(type, &rt_set_type) ? &rt_set_type : &rt_frozenset_type;
    return make_new_set(type, iterable);
}

static Value set_val(ObjSet *so)
{
    return so ? obj_val(so) : VAL_NULL;
}

static ObjSet *set_copy(ObjSet *so)
{
    return make_new_set_basetype(so->ob.type, obj_val(so));
}

/* Exchange the contents of two sets (for the *_update methods). */
static void set_swap_bodies(ObjSet *a, ObjSet *b)
{
    ObjSet t = *a;
    a->fill = b->fill;
    a->used = b->used;
    a->mask = b->mask;
    a->table = b->table;
    b->fill = t.fill;
    b->used = t.used;
    b->mask = t.mask;
    b->table = t.table;
    a->hash = b->hash = -1;     /* only mutable sets are swapped into */
}

/* ---- Set algebra ---------------------------------------------------------- */

static ObjSet *set_union(ObjSet *so, const Value *others, size_t n)
{
    ObjSet *result = set_copy(so);
    for (size_t i = 0; result && i < n; i++)
        if (others[i] != obj_val(so) && set_update_internal(result, others[i]) < 0)
            return NULL;
    return result;
}

static ObjSet *set_intersection(ObjSet *so, Value other)
{
    if (obj_val(so) == other)
        return set_copy(so);
    ObjSet *result = make_new_set_basetype(so->ob.type, VAL_NULL);
    if (rt_is_anyset(other)) {
        ObjSet *o = AS_SET(other);
        if (o->used > so->used) {       /* iterate over the smaller one */
            ObjSet *t = so;
            so = o;
            o = t;
        }
        size_t pos = 0;
        SetEntry *e;
        while (set_next(o, &pos, &e)) {
            Value key = e->key;
            intptr_t hash = entry_hash(e);
            int rv = set_contains_entry(so, key, hash);
            if (rv < 0 || (rv && set_add_entry(result, key, hash) < 0))
                return NULL;
        }
        return result;
    }
    Value it = rt_iter(other);
    if (it == VAL_NULL)
        return NULL;
    Value key;
    while ((key = rt_next(it)) != VAL_NULL) {
        intptr_t hash = key_hash(key);
        if (hash == -1)
            return NULL;
        int rv = set_contains_entry(so, key, hash);
        if (rv < 0)
            return NULL;
        if (rv) {
            if (set_add_entry(result, key, hash) < 0)
                return NULL;
            if (result->used >= so->used)
                break;
        }
    }
    return rt_err_occurred() ? NULL : result;
}

static ObjSet *set_intersection_multi(ObjSet *so, const Value *others, size_t n)
{
    if (n == 0)
        return set_copy(so);
    ObjSet *result = so;
    for (size_t i = 0; result && i < n; i++)
        result = set_intersection(result, others[i]);
    return result;
}

static int set_isdisjoint(ObjSet *so, Value other)
{
    if (obj_val(so) == other)
        return so->used == 0;
    if (IS_EXACT(other, rt_set_type) || IS_EXACT(other, rt_frozenset_type)) {
        ObjSet *o = AS_SET(other);
        if (o->used > so->used) {
            ObjSet *t = so;
            so = o;
            o = t;
        }
        size_t pos = 0;
        SetEntry *e;
        while (set_next(o, &pos, &e)) {
            int rv = set_contains_entry(so, e->key, entry_hash(e));
            if (rv != 0)
                return rv < 0 ? -1 : 0;
        }
        return 1;
    }
    Value it = rt_iter(other);
    if (it == VAL_NULL)
        return -1;
    Value key;
    while ((key = rt_next(it)) != VAL_NULL) {
        int rv = set_contains_key(so, key);
        if (rv != 0)
            return rv < 0 ? -1 : 0;
    }
    return rt_err_occurred() ? -1 : 1;
}

static int set_difference_update_internal(ObjSet *so, Value other)
{
    if (obj_val(so) == other) {
        set_clear_internal(so);
        return 0;
    }
    if (rt_is_anyset(other)) {
        ObjSet *o = AS_SET(other);
        /* Much larger other: only the common part matters. */
        if ((o->used >> 3) > so->used && (o = set_intersection(so, other)) == NULL)
            return -1;
        size_t pos = 0;
        SetEntry *e;
        while (set_next(o, &pos, &e))
            if (set_discard_entry(so, e->key, entry_hash(e)) < 0)
                return -1;
    } else {
        Value it = rt_iter(other);
        if (it == VAL_NULL)
            return -1;
        Value key;
        while ((key = rt_next(it)) != VAL_NULL)
            if (set_discard_key(so, key) < 0)
                return -1;
        if (rt_err_occurred())
            return -1;
    }
    /* More than 1/4 dummies: rebuild. */
    if (so->fill - so->used > so->mask / 4)
        return set_table_resize(so, growth_target(so));
    return 0;
}

static ObjSet *set_copy_and_difference(ObjSet *so, Value other)
{
    ObjSet *result = set_copy(so);
    if (result == NULL || set_difference_update_internal(result, other) < 0)
        return NULL;
    return result;
}

static ObjSet *set_difference(ObjSet *so, Value other)
{
    size_t other_size;
    if (rt_is_anyset(other))
        other_size = AS_SET(other)->used;
    else if (is_dict(other))
        other_size = AS_DICT(other)->used;
    else
        return set_copy_and_difference(so, other);
    if ((so->used >> 2) > other_size)
        return set_copy_and_difference(so, other);
    ObjSet *result = make_new_set_basetype(so->ob.type, VAL_NULL);
    size_t pos = 0;
    SetEntry *e;
    while (set_next(so, &pos, &e)) {
        Value key = e->key;
        intptr_t hash = entry_hash(e);
        int rv;
        if (is_dict(other)) {
            bool error;
            rv = rt_dict_get_hashed(other, key, hash, &error) != VAL_NULL;
            if (error)
                rv = -1;
        } else {
            rv = set_contains_entry(AS_SET(other), key, hash);
        }
        if (rv < 0 || (!rv && set_add_entry(result, key, hash) < 0))
            return NULL;
    }
    return result;
}

static ObjSet *set_difference_multi(ObjSet *so, const Value *others, size_t n)
{
    if (n == 0)
        return set_copy(so);
    ObjSet *result = set_difference(so, others[0]);
    for (size_t i = 1; result && i < n; i++)
        if (set_difference_update_internal(result, others[i]) < 0)
            return NULL;
    return result;
}

/* Toggle one key: remove it if present, else add it. */
static int set_toggle(ObjSet *so, Value key, intptr_t hash)
{
    int rv = set_discard_entry(so, key, hash);
    if (rv < 0)
        return -1;
    return rv == 0 ? set_add_entry(so, key, hash) : 0;
}

static int set_symmetric_difference_update(ObjSet *so, Value other)
{
    if (obj_val(so) == other) {
        set_clear_internal(so);
        return 0;
    }
    if (is_dict(other)) {
        Value k;
        intptr_t hash;
        for (size_t pos = 0; rt_dict_next_hashed(other, &pos, &k, &hash);)
            if (set_toggle(so, k, hash) < 0)
                return -1;
        return 0;
    }
    ObjSet *o = rt_is_anyset(other) ? AS_SET(other)
                                    : make_new_set_basetype(so->ob.type, other);
    if (o == NULL)
        return -1;
    size_t pos = 0;
    SetEntry *e;
    while (set_next(o, &pos, &e))
        if (set_toggle(so, e->key, entry_hash(e)) < 0)
            return -1;
    return 0;
}

static ObjSet *set_symmetric_difference(ObjSet *so, Value other)
{
    ObjSet *result = make_new_set_basetype(so->ob.type, other);
    if (result == NULL || set_symmetric_difference_update(result, obj_val(so)) < 0)
        return NULL;
    return result;
}

static int set_issubset(ObjSet *so, Value other)
{
    if (!rt_is_anyset(other)) {
        ObjSet *tmp = make_new_set(&rt_set_type, other);
        return tmp ? set_issubset(so, obj_val(tmp)) : -1;
    }
    ObjSet *o = AS_SET(other);
    if (so->used > o->used)
        return 0;
    size_t pos = 0;
    SetEntry *e;
    while (set_next(so, &pos, &e)) {
        int rv = set_contains_entry(o, e->key, entry_hash(e));
        if (rv <= 0)
            return rv;
    }
    return 1;
}

static int set_issuperset(ObjSet *so, Value other)
{
    if (rt_is_anyset(other))
        return set_issubset(AS_SET(other), obj_val(so));
    Value it = rt_iter(other);
    if (it == VAL_NULL)
        return -1;
    Value key;
    while ((key = rt_next(it)) != VAL_NULL) {
        int rv = set_contains_key(so, key);
        if (rv <= 0)
            return rv;
    }
    return rt_err_occurred() ? -1 : 1;
}

/* ---- Slots ------------------------------------------------------------------ */

static Value set_repr(Value self)
{
    ObjSet *so = AS_SET(self);
    ObjType *t = so->ob.type;
    if (so->used == 0)
        return rt_str_format_c("%s()", t->name);
    Value list = rt_sequence_to_list(self);
    if (list == VAL_NULL)
        return VAL_NULL;
    Value lr = rt_repr(list);
    if (lr == VAL_NULL)
        return VAL_NULL;
    /* repr(list)[1:-1] inside braces */
    StrBuf sb;
    sb_init(&sb);
    if (t != &rt_set_type) {
        sb_adds(&sb, t->name);
        sb_addc(&sb, '(');
    }
    sb_addc(&sb, '{');
    sb_add(&sb, rt_str_cstr(lr) + 1, rt_str_nbytes(lr) - 2);
    sb_addc(&sb, '}');
    if (t != &rt_set_type)
        sb_addc(&sb, ')');
    return sb_finish(&sb);
}

/* Spread the bits of closely spaced hashes (CPython's _shuffle_bits). */
static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

/* frozenset's hash: order-independent, cached (CPython's frozenset_hash). */
static intptr_t frozenset_hash(Value self)
{
    ObjSet *so = AS_SET(self);
    if (so->hash != -1)
        return so->hash;
    /* CPython xors over every slot, then cancels the unused and dummy
     * ones: the same as xoring over the live entries. */
    uint64_t hash = 0;
    size_t pos = 0;
    SetEntry *e;
    while (set_next(so, &pos, &e))
        hash ^= shuffle_bits((uint64_t)entry_hash(e));
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1)
        hash = 590923713UL;
    so->hash = (intptr_t)hash;
    return so->hash;
}

static Value set_richcompare(Value a, Value b, int op)
{
    if (!rt_is_anyset(a) || !rt_is_anyset(b))
        return rt_NotImplemented;
    ObjSet *v = AS_SET(a), *w = AS_SET(b);
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        if (v->used != w->used)
            r = 0;
        else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash)
            r = 0;
        else
            r = set_issubset(v, b);
        if (r >= 0 && op == CMP_NE)
            r = !r;
        break;
    case CMP_LE: r = set_issubset(v, b); break;
    case CMP_GE: r = set_issuperset(v, b); break;
    case CMP_LT: r = v->used < w->used ? set_issubset(v, b) : 0; break;
    default:     r = v->used > w->used ? set_issuperset(v, b) : 0; break;
    }
    return r < 0 ? VAL_NULL : rt_bool(r);
}

static Value set_binop(Value a, Value b, int op)
{
    if (!rt_is_anyset(a) || !rt_is_anyset(b))
        return rt_NotImplemented;
    ObjSet *so = AS_SET(a);
    switch (op) {
    case NB_OR:       return set_val(set_union(so, &b, 1));
    case NB_AND:      return set_val(set_intersection(so, b));
    case NB_SUBTRACT: return set_val(set_difference(so, b));
    case NB_XOR:      return set_val(set_symmetric_difference(so, b));
    default:          return rt_NotImplemented;
    }
}

/* s |= t and friends: update s in place and return it. */
static Value set_inplace(Value a, Value b, int op)
{
    if (!rt_is_anyset(b) || !is_anyset_mutable(a))
        return rt_NotImplemented;
    ObjSet *so = AS_SET(a);
    int r;
    switch (op) {
    case NB_OR:       r = set_update_internal(so, b); break;
    case NB_SUBTRACT: r = set_difference_update_internal(so, b); break;
    case NB_XOR:      r = set_symmetric_difference_update(so, b); break;
    case NB_AND: {
        ObjSet *tmp = set_intersection(so, b);
        if (tmp == NULL)
            return VAL_NULL;
        set_swap_bodies(so, tmp);
        return a;
    }
    default: return rt_NotImplemented;
    }
    return r < 0 ? VAL_NULL : a;
}

static ssize_t set_len(Value self)
{
    return (ssize_t)AS_SET(self)->used;
}

/* A set that is looked up inside a set is looked up as a frozenset. */
static bool retry_as_frozenset(Value key)
{
    if (!is_anyset_mutable(key) || !rt_err_matches(&rt_TypeError))
        return false;
    rt_err_clear();
    return true;
}

static int set_contains(Value self, Value key)
{
    int rv = set_contains_key(AS_SET(self), key);
    if (rv < 0 && retry_as_frozenset(key)) {
        ObjSet *tmp = make_new_set(&rt_frozenset_type, key);
        rv = tmp ? set_contains_key(AS_SET(self), obj_val(tmp)) : -1;
    }
    return rv;
}

/* ---- Iterator --------------------------------------------------------------- */

typedef struct SetIter {
    Object ob;
    ObjSet *set;                /* NULL once exhausted */
    size_t used;                /* len(set) when iteration began */
    size_t pos;
    size_t remaining;           /* items not yet produced */
} SetIter;

static Value set_iter(Value self)
{
    SetIter *it = gc_alloc(sizeof *it);
    it->ob.type = &setiter_type;
    it->set = AS_SET(self);
    it->used = it->remaining = it->set->used;
    return obj_val(it);
}

static Value setiter_next(Value self)
{
    SetIter *it = VAL_AS(SetIter, self);
    if (it->set == NULL)
        return VAL_NULL;
    if (it->used != it->set->used) {
        it->used = (size_t)-1;  /* stays an error */
        return rt_raisef(&rt_RuntimeError, "Set changed size during iteration");
    }
    SetEntry *e;
    if (!set_next(it->set, &it->pos, &e)) {
        it->set = NULL;
        return VAL_NULL;
    }
    it->remaining--;
    return e->key;
}

/* Pickling: (iter, (list of what is left,)). */
static Value setiter_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_reduce_remaining(args[0], sizeof(SetIter));
}

static Value setiter_length_hint(Value *args, size_t nargs, Value kwnames)
{
    SetIter *it = VAL_AS(SetIter, args[0]);
    bool valid = it->set != NULL && it->used == it->set->used;
    return small_new(valid ? (intptr_t)it->remaining : 0);
}

static const MethodDef setiter_methods[] = {
    {"__reduce__", setiter_reduce}, {"__length_hint__", setiter_length_hint}, {NULL, NULL},
};

static ObjType setiter_type = {
    .ob.type = &rt_type_type,
    .name = "set_iterator",
    .base = &rt_object_type,
    .iter = rt_iter_self,
    .next = setiter_next,
};

/* ---- Public API --------------------------------------------------------------- */

Value rt_set_new(void)
{
    return obj_val(make_new_set(&rt_set_type, VAL_NULL));
}

Value rt_frozenset_new(void)
{
    return obj_val(make_new_set(&rt_frozenset_type, VAL_NULL));
}

Value rt_set_from_iterable(Value iterable)
{
    return set_val(make_new_set(&rt_set_type, iterable));
}

bool rt_set_add(Value set, Value key)
{
    AS_SET(set)->hash = -1;
    return set_add_key(AS_SET(set), key) == 0;
}

void rt_set_add_hashed(Value set, Value key, intptr_t hash)
{
    AS_SET(set)->hash = -1;
    set_add_entry(AS_SET(set), key, hash);
}

int rt_set_contains(Value set, Value key)
{
    return set_contains(set, key);
}

bool rt_set_next(Value set, size_t *pos, Value *key)
{
    SetEntry *e;
    if (!set_next(AS_SET(set), pos, &e))
        return false;
    *key = e->key;
    return true;
}

bool rt_set_next_hashed(Value set, size_t *pos, Value *key, intptr_t *hash)
{
    SetEntry *e;
    if (!set_next(AS_SET(set), pos, &e))
        return false;
    *key = e->key;
    *hash = entry_hash(e);
    return true;
}

size_t rt_set_size(Value set)
{
    return AS_SET(set)->used;
}

bool rt_set_update(Value set, Value iterable)
{
    AS_SET(set)->hash = -1;
    return set_update_internal(AS_SET(set), iterable) == 0;
}

bool rt_set_reinit(Value set, Value iterable)
{
    if (AS_SET(set)->fill)
        set_clear_internal(AS_SET(set));
    return iterable == VAL_NULL || set_update_internal(AS_SET(set), iterable) == 0;
}

/* ---- Constructors and methods ------------------------------------------------ */

static Value set_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("set", kwnames) || !rt_arg_range("set", nargs, 0, 1))
        return VAL_NULL;
    return set_val(make_new_set(type, nargs ? args[0] : VAL_NULL));
}

static Value frozenset_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    /* Keywords are for a subclass's own __init__. */
    size_t npos = nargs - rt_nkwargs(kwnames);
    if (!rt_arg_nokw_new(type, "frozenset", kwnames) || !rt_arg_range(type->name, npos, 0, 1))
        return VAL_NULL;
    /* frozenset(f) is f itself. */
    if (type == &rt_frozenset_type && npos && IS_EXACT(args[0], rt_frozenset_type))
        return args[0];
    return set_val(make_new_set(type, npos ? args[0] : VAL_NULL));
}

/* The methods: args[0] is the set, others follow. */
#define SELF AS_SET(args[0])

static Value set_add_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("set.add", nargs - 1, kwnames))
        return VAL_NULL;
    return set_add_key(SELF, args[1]) < 0 ? VAL_NULL : rt_None;
}

/* remove and discard: 1 removed, 0 absent, -1 error (set keys retried). */
static int discard_key(ObjSet *so, Value key)
{
    int rv = set_discard_key(so, key);
    if (rv < 0 && retry_as_frozenset(key)) {
        ObjSet *tmp = make_new_set(&rt_frozenset_type, key);
        rv = tmp ? set_discard_key(so, obj_val(tmp)) : -1;
    }
    return rv;
}

static Value set_remove_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("set.remove", nargs - 1, kwnames))
        return VAL_NULL;
    int rv = discard_key(SELF, args[1]);
    if (rv < 0)
        return VAL_NULL;
    if (rv == 0)
        return rt_raise_args(&rt_KeyError, rt_tuple_pack(1, args[1]));
    return rt_None;
}

static Value set_discard_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("set.discard", nargs - 1, kwnames))
        return VAL_NULL;
    return discard_key(SELF, args[1]) < 0 ? VAL_NULL : rt_None;
}

/* pop(): from the slot after the previous pop (the "finger"). */
static Value set_pop_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("set.pop", nargs - 1, kwnames))
        return VAL_NULL;
    ObjSet *so = SELF;
    if (so->used == 0)
        return rt_raisef(&rt_KeyError, "pop from an empty set");
    size_t i = so->finger & so->mask;
    while (so->table[i].key == VAL_NULL || so->table[i].key == DUMMY)
        i = i == so->mask ? 0 : i + 1;
    Value key = so->table[i].key;
    entry_fill(&so->table[i], DUMMY, -1);
    so->used--;
    so->finger = i + 1;
    return key;
}

static Value set_clear_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("set.clear", nargs - 1, kwnames))
        return VAL_NULL;
    set_clear_internal(SELF);
    return rt_None;
}

static Value set_copy_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("set.copy", nargs - 1, kwnames))
        return VAL_NULL;
    return set_val(set_copy(SELF));
}

static Value frozenset_copy_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("frozenset.copy", nargs - 1, kwnames))
        return VAL_NULL;
    if (IS_EXACT(args[0], rt_frozenset_type))
        return args[0];
    return set_val(set_copy(SELF));
}

static Value set_update_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("set.update", kwnames))
        return VAL_NULL;
    for (size_t i = 1; i < nargs; i++)
        if (set_update_internal(SELF, args[i]) < 0)
            return VAL_NULL;
    return rt_None;
}

static Value set_union_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("set.union", kwnames))
        return VAL_NULL;
    return set_val(set_union(SELF, args + 1, nargs - 1));
}

static Value set_intersection_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("set.intersection", kwnames))
        return VAL_NULL;
    return set_val(set_intersection_multi(SELF, args + 1, nargs - 1));
}

static Value set_intersection_update_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("set.intersection_update", kwnames))
        return VAL_NULL;
    ObjSet *tmp = set_intersection_multi(SELF, args + 1, nargs - 1);
    if (tmp == NULL)
        return VAL_NULL;
    if (tmp != SELF)
        set_swap_bodies(SELF, tmp);
    return rt_None;
}

static Value set_difference_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("set.difference", kwnames))
        return VAL_NULL;
    return set_val(set_difference_multi(SELF, args + 1, nargs - 1));
}

static Value set_difference_update_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("set.difference_update", kwnames))
        return VAL_NULL;
    for (size_t i = 1; i < nargs; i++)
        if (set_difference_update_internal(SELF, args[i]) < 0)
            return VAL_NULL;
    return rt_None;
}

static Value set_symmetric_difference_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("set.symmetric_difference", nargs - 1, kwnames))
        return VAL_NULL;
    return set_val(set_symmetric_difference(SELF, args[1]));
}

static Value set_symmetric_difference_update_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("set.symmetric_difference_update", nargs - 1, kwnames))
        return VAL_NULL;
    return set_symmetric_difference_update(SELF, args[1]) < 0 ? VAL_NULL : rt_None;
}

static Value bool_or_null(int r)
{
    return r < 0 ? VAL_NULL : rt_bool(r);
}

static Value set_issubset_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("set.issubset", nargs - 1, kwnames))
        return VAL_NULL;
    return bool_or_null(set_issubset(SELF, args[1]));
}

static Value set_issuperset_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("set.issuperset", nargs - 1, kwnames))
        return VAL_NULL;
    return bool_or_null(set_issuperset(SELF, args[1]));
}

static Value set_isdisjoint_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("set.isdisjoint", nargs - 1, kwnames))
        return VAL_NULL;
    return bool_or_null(set_isdisjoint(SELF, args[1]));
}

static Value set_contains_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("set.__contains__", nargs - 1, kwnames))
        return VAL_NULL;
    return bool_or_null(set_contains(args[0], args[1]));
}

#undef SELF

ObjType rt_set_type = {
    .ob.type = &rt_type_type,
    .name = "set",
    .base = &rt_object_type,
    .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjSet),
    .repr = set_repr,
    .richcompare = set_richcompare,
    .binop = set_binop,
    .binop_ops = RT_OP_BIT(NB_AND) | RT_OP_BIT(NB_OR) | RT_OP_BIT(NB_SUBTRACT) | RT_OP_BIT(NB_XOR),
    .inplace = set_inplace,
    .iter = set_iter,
    .len = set_len,
    .contains = set_contains,
    .new_ = set_new,
};

ObjType rt_frozenset_type = {
    .ob.type = &rt_type_type,
    .name = "frozenset",
    .base = &rt_object_type,
    .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjSet),
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .binop = set_binop,
    .binop_ops = RT_OP_BIT(NB_AND) | RT_OP_BIT(NB_OR) | RT_OP_BIT(NB_SUBTRACT) | RT_OP_BIT(NB_XOR),
    .iter = set_iter,
    .len = set_len,
    .contains = set_contains,
    .new_ = frozenset_new,
};

/* Pickling: (type(s), (list(s),), the instance dict or None). */
static Value set_reduce_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    Value keys = rt_sequence_to_list(args[0]);
    Value state = keys == VAL_NULL ? VAL_NULL : rt_object_getstate(args[0]);
    if (state == VAL_NULL)
        return VAL_NULL;
    return rt_reduce_value(obj_val(val_type(args[0])), rt_tuple_pack(1, keys), state);
}

static const MethodDef set_methods[] = {
    {"add", set_add_m},
    {"__reduce__", set_reduce_m},
    {"remove", set_remove_m},
    {"discard", set_discard_m},
    {"pop", set_pop_m},
    {"clear", set_clear_m},
    {"copy", set_copy_m},
    {"update", set_update_m},
    {"union", set_union_m},
    {"intersection", set_intersection_m},
    {"intersection_update", set_intersection_update_m},
    {"difference", set_difference_m},
    {"difference_update", set_difference_update_m},
    {"symmetric_difference", set_symmetric_difference_m},
    {"symmetric_difference_update", set_symmetric_difference_update_m},
    {"issubset", set_issubset_m},
    {"issuperset", set_issuperset_m},
    {"isdisjoint", set_isdisjoint_m},
    {"__contains__", set_contains_m},
    {NULL, NULL},
};

static const MethodDef frozenset_methods[] = {
    {"copy", frozenset_copy_m},
    {"__reduce__", set_reduce_m},
    {"union", set_union_m},
    {"intersection", set_intersection_m},
    {"difference", set_difference_m},
    {"symmetric_difference", set_symmetric_difference_m},
    {"issubset", set_issubset_m},
    {"issuperset", set_issuperset_m},
    {"isdisjoint", set_isdisjoint_m},
    {"__contains__", set_contains_m},
    {NULL, NULL},
};


void rt_set_init(void)
{
    rt_type_ready(&rt_set_type, set_methods);
    rt_type_ready(&rt_frozenset_type, frozenset_methods);
    rt_type_ready(&setiter_type, setiter_methods);
}
