/*
 * dict.c — insertion-ordered hash tables (CPython's compact dict).
 *
 * Layout (object.h): `entries` holds (key, value, ~hash) in insertion order;
 * `index` is a sparse open-addressing table whose slots name an entry
 * (>= 0), are empty (-1), or are a dummy left by a deletion (-2); its slots
 * are 1, 2, 4 or 8 bytes wide, the narrowest that holds every entry number
 * (CPython's dictkeys), and it follows the entries in the same block.
 * Iteration walks `entries`, so it yields keys in insertion order; lookups
 * probe `index`.
 *
 * Probing is CPython's: start at hash & mask, then i = i*5 + perturb + 1
 * with perturb = hash shifted right 5 bits each step, so every bit of the
 * hash eventually takes part and every slot is eventually visited.
 *
 * The entries array holds at most 2/3 of the index size; when it is full the
 * table is rebuilt with an index of 3 * len(d) slots rounded up to a power
 * of two (CPython's GROWTH_RATE), which also squeezes out deleted entries
 * (keeping order).  A dict whose size is known when it is made (a literal,
 * an instance's attributes, a type's methods) gets entries for exactly
 * that many: a 3-key literal is 128 bytes (48 of header, 72 of entries, 8
 * of index) where 2/3 of the index would have made it 192.
 *
 * Key equality is identity first, then equal hashes and ==.  An __eq__ that
 * mutates the dict during a lookup makes the lookup start again, as CPython.
 *
 * A dict made by a display of constant keys is split (object.h): its
 * values alone in its block, its keys in a dict shared by every dict that
 * display makes (rt_dict_from_const_keys).  Its items are numbered by
 * position, as a combined dict's entries are, and dict_unsplit keeps
 * those numbers; so the readers below go through "slots" (slot_key,
 * value_at, dict_slots) that mean the same in both layouts, and the
 * writers that need entries make the dict combined first.
 */
#include <stdlib.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/class.h"

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define IX_ERROR (-3)           /* lookup result: an exception is set */
#define DICT_MINSIZE 8
#define DICT_MAX_INDEX ((size_t)1 << 31)  /* what ObjDict's 32-bit counts hold */
#define PERTURB_SHIFT 5

static ObjType dictkeys_type, dictvalues_type, dictitems_type;
static ObjType dictiter_keys_type, dictiter_values_type;
static ObjType dictiter_revkeys_type;

/* ---- Hashing --------------------------------------------------------------- */

/* hash(key), with the common cases (str, small int) done inline. */
static intptr_t key_hash(Value key)
{
    if (val_is_small(key)) {
        intptr_t n = small_value(key);
        /* Below 2**61-1 in magnitude an int's hash is itself (but -1 → -2). */
        if (n > -((intptr_t)1 << 61) + 1 && n < ((intptr_t)1 << 61) - 1 && n != -1)
            return n;
    } else if (is_str(key)) {
        return rt_str_hash(key);
    }
    return rt_hash_as(key, "a dict key");
}

/* ---- The table ------------------------------------------------------------ */

static size_t usable_of(size_t index_size)
{
    return index_size * 2 / 3;
}

/* Bytes per index slot for an index of `size` slots (rt_dict_index_at). */
static size_t index_width(size_t size)
{
    return size <= 0x80 ? 1 : size <= 0x8000 ? 2 : 4;
}

static void index_set(ObjDict *d, size_t i, int64_t ix)
{
    switch (index_width(d->index_size)) {
    case 1: ((int8_t *)rt_dict_index(d))[i] = (int8_t)ix; break;
    case 2: ((int16_t *)rt_dict_index(d))[i] = (int16_t)ix; break;
    default: ((int32_t *)rt_dict_index(d))[i] = (int32_t)ix; break;
    }
}

/* Next probe position. */
static size_t probe_next(size_t i, size_t *perturb, size_t mask)
{
    *perturb >>= PERTURB_SHIFT;
    return (i * 5 + *perturb + 1) & mask;
}

/* ---- Split dicts: reading a dict whatever its layout -------------------------- */

/* A split dict's values: after its header, in its own block. */
static inline Value *split_values(const ObjDict *d)
{
    return (Value *)(d + 1);
}

/* Items are numbered by position in both layouts: 0 .. dict_slots(d), a
 * deleted one (combined only) having the key VAL_NULL. */
static inline size_t dict_slots(const ObjDict *d)
{
    return rt_dict_is_split(d) ? d->used : d->nentries;
}

static inline Value slot_key(const ObjDict *d, size_t i)
{
    return rt_dict_is_split(d) ? d->shared->entries[i].key : d->entries[i].key;
}

static inline intptr_t slot_hash(const ObjDict *d, size_t i)
{
    return rt_dict_entry_hash(rt_dict_is_split(d) ? &d->shared->entries[i] : &d->entries[i]);
}

static inline Value slot_value(const ObjDict *d, size_t i)
{
    return rt_dict_is_split(d) ? split_values(d)[i] : d->entries[i].value;
}

/* Where item i's value is: it can be replaced there in either layout. */
static inline Value *value_at(ObjDict *d, size_t i)
{
    return rt_dict_is_split(d) ? &split_values(d)[i] : &d->entries[i].value;
}

/* A split dict of `n` items on `shared` keys, their values not set. */
static ObjDict *split_new(ObjDict *shared, size_t n)
{
    ObjDict *d = gc_alloc(sizeof *d + n * sizeof(Value));
    d->ob.type = &rt_dict_type;
    d->used = (uint32_t)n;
    d->index_size = RT_DICT_SPLIT_INDEX;
    d->shared = shared;
    return d;
}

static int64_t dict_lookup(ObjDict *d, Value key, intptr_t hash, size_t *slot);

/* dict_lookup for a split dict: the key's position in the shared keys.
 * Those never change, but a key's __eq__ may have made d combined (by
 * adding a key to it): then d is looked up again.  No index slot is
 * given: what needs one (a deletion) makes the dict combined first.  Out
 * of line: dict_lookup stays small enough to be inlined where it was. */
static __attribute__((noinline)) int64_t split_lookup(ObjDict *d, Value key, intptr_t hash,
                                                     size_t *slot)
{
    size_t shared_slot;
    int64_t ix = dict_lookup(d->shared, key, hash, &shared_slot);
    if (ix != IX_ERROR && !rt_dict_is_split(d))
        return dict_lookup(d, key, hash, slot);
    return ix;
}

/* Entry number of key, IX_EMPTY if absent, IX_ERROR on a failed ==.
 * *slot receives the index-table position that names the entry. */
static int64_t dict_lookup(ObjDict *d, Value key, intptr_t hash, size_t *slot)
{
restart:
    if (d->index_size <= RT_DICT_SPLIT_INDEX)           /* empty, or split */
        return d->index_size == 0 ? IX_EMPTY : split_lookup(d, key, hash, slot);
    size_t mask = d->index_size - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;; i = probe_next(i, &perturb, mask)) {
        int64_t ix = rt_dict_index_at(d, i);
        if (ix == IX_EMPTY)
            return IX_EMPTY;
        if (ix < 0)
            continue;
        DictEntry *e = &d->entries[ix];
        if (e->key == key) {
            *slot = i;
            return ix;
        }
        if (rt_dict_entry_hash(e) != hash)
            continue;
        Value startkey = e->key;
        if (is_str(startkey) && is_str(key)) {
            if (rt_str_equal(startkey, key)) {
                *slot = i;
                return ix;
            }
            continue;
        }
        DictEntry *entries = d->entries;
        int eq = rt_eq(startkey, key);
        if (eq < 0)
            return IX_ERROR;
        if (d->entries != entries || d->entries[ix].key != startkey)
            goto restart;       /* __eq__ changed the dict under us */
        if (eq) {
            *slot = i;
            return ix;
        }
    }
}

/* A free index slot for hash (the key is known to be absent). */
static size_t find_empty_slot(ObjDict *d, intptr_t hash)
{
    size_t mask = d->index_size - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    while (rt_dict_index_at(d, i) >= 0)
        i = probe_next(i, &perturb, mask);
    return i;
}

/* Copy d's live items, in order, to `to` as entries; how many. */
static size_t copy_live_entries(DictEntry *to, const ObjDict *d)
{
    size_t n = 0;
    if (rt_dict_is_split(d)) {
        for (; n < d->used; n++)
            to[n] = (DictEntry){d->shared->entries[n].key, split_values(d)[n],
                                d->shared->entries[n].hash_not};
        return n;
    }
    for (size_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key != VAL_NULL)
            to[n++] = d->entries[i];
    return n;
}

/* Rebuild with an index of `size` slots and room for `cap` entries (at
 * most usable_of(size)), keeping live entries in order; a split dict
 * becomes combined (its values' room in its block stays unused, as a
 * first table there does after a resize).  Entries and index
 * are one block (scanned: the index's small numbers are never taken for
 * pointers into the heap).  `growing`: the dict grows as the program
 * fills it, and a big table the heap cannot give is MemoryError (false,
 * raised, the dict left as it was) instead of the end of pvm (gc.h,
 * gc_alloc_table); a copy or a reservation asks gc_alloc. */
static bool dict_resize(ObjDict *d, size_t size, size_t cap, bool growing)
{
    size_t width = index_width(size), bytes = cap * sizeof(DictEntry) + size * width;
    DictEntry *entries = growing ? gc_alloc_table(bytes) : gc_alloc(bytes);
    if (entries == NULL) {
        rt_raise_nomemory();
        return false;
    }
    void *index = entries + cap;
    memset(index, 0xff, size * width);                  /* all IX_EMPTY */
    size_t n = copy_live_entries(entries, d);
    /* The old table is dead: every reader finds the entries through
     * d->entries again after anything that can resize (dict_lookup
     * restarts when __eq__ changed the table).  Given back at once, as
     * CPython frees its old keys object; a table in the dict's own block
     * (rt_dict_new_sized) goes with the dict. */
    if (d->entries != NULL && d->entries != (DictEntry *)(d + 1))
        gc_free(d->entries);
    d->index_size = (uint32_t)size;
    d->entries = entries;
    d->capacity = (uint32_t)cap;
    d->nentries = (uint32_t)n;
    d->shared = NULL;
    for (size_t i = 0; i < n; i++)
        index_set(d, find_empty_slot(d, rt_dict_entry_hash(&entries[i])), (int64_t)i);
    return true;
}

/* More entries than ObjDict's 32-bit counts hold (some 17 GiB of them):
 * reported as running out of memory is. */
static __attribute__((noinline, cold)) void dict_too_big(size_t n)
{
    fflush(stdout);
    fprintf(stderr, "pvm: out of memory (a dict of %zu entries)\n", n);
    exit(1);
}

/* The index size for `n` entries with room to grow (3n, rounded up to a
 * power of two: CPython's GROWTH_RATE, whose n is the size before the
 * insertion that found the table full). */
static size_t size_for(size_t n)
{
    size_t size = DICT_MINSIZE;
    while (size < n * 3 && size < DICT_MAX_INDEX)
        size <<= 1;
    if (usable_of(size) <= n)
        dict_too_big(n);
    return size;
}

/* The smallest index size whose entries hold `n` (no room to grow): for
 * a dict whose size is known. */
static size_t size_holding(size_t n)
{
    size_t size = DICT_MINSIZE;
    while (usable_of(size) < n && size < DICT_MAX_INDEX)
        size <<= 1;
    if (usable_of(size) < n)
        dict_too_big(n);
    return size;
}

/* Give a split dict the combined layout, same items in the same order
 * and so the same numbers, with room for the key it may be about to get
 * (insert_new) or for the ones after; a combined dict is left as it is.
 * Called before anything that needs entries or index slots. */
static inline void dict_unsplit(ObjDict *d)
{
    if (rt_dict_is_split(d)) {
        size_t size = size_for(d->used);
        dict_resize(d, size, usable_of(size), false);
    }
}

/* Append a new entry for a key known to be absent (false: MemoryError,
 * the table could not grow).  A split dict has no entries and no room
 * for any (nentries == capacity == 0): the resize makes it combined. */
static bool insert_new(ObjDict *d, Value key, intptr_t hash, Value value)
{
    if (d->nentries == d->capacity) {
        size_t size = size_for(d->used);
        if (!dict_resize(d, size, usable_of(size), true))
            return false;
    }
    size_t slot = find_empty_slot(d, hash);
    index_set(d, slot, (int64_t)d->nentries);
    d->entries[d->nentries++] = (DictEntry){key, value, ~hash};
    d->used++;
    d->keys_version = 0;                /* a new key: caches of its absence are stale */
    return true;
}

static inline bool dict_insert(ObjDict *d, Value key, intptr_t hash, Value value)
{
    size_t slot;
    int64_t ix = dict_lookup(d, key, hash, &slot);
    if (ix == IX_ERROR)
        return false;
    if (ix >= 0) {
        *value_at(d, (size_t)ix) = value;
        return true;
    }
    return insert_new(d, key, hash, value);
}

/* Remove the entry found at index slot `slot`, entry number ix (of a
 * combined dict: its deleters call dict_unsplit before looking up). */
static void delete_entry(ObjDict *d, size_t slot, int64_t ix)
{
    index_set(d, slot, IX_DUMMY);
    d->entries[ix].key = VAL_NULL;
    d->entries[ix].value = VAL_NULL;
    d->used--;
}

static ObjDict *dict_alloc(ObjType *type)
{
    ObjDict *d = type == &rt_dict_type ? gc_alloc(sizeof *d)
                                       : rt_alloc_instance(type, sizeof *d);
    d->ob.type = type;
    return d;
}

/* ---- Public API ------------------------------------------------------------ */

Value rt_dict_new(void)
{
    return obj_val(dict_alloc(&rt_dict_type));
}

/* An empty dict with room for n entries, its table in the same block as
 * the header: one allocation where rt_dict_new and a first insertion make
 * two (dict literals, instance dicts).  A later resize gives the table a
 * block of its own; the first one stays unused inside the dict's. */
Value rt_dict_new_sized(size_t n)
{
    size_t size = size_holding(n);
    if (n == 0 || size > 0x80)
        return rt_dict_new();
    ObjDict *d = gc_alloc(sizeof *d + n * sizeof(DictEntry) + size);
    d->ob.type = &rt_dict_type;
    d->entries = (DictEntry *)(d + 1);
    d->index_size = (uint32_t)size;
    d->capacity = (uint32_t)n;
    memset(rt_dict_index(d), 0xff, size);               /* all IX_EMPTY */
    return obj_val(d);
}

/* ---- Displays of constant keys: split dicts ------------------------------- */

/* The shared keys of the displays met so far, by keys tuple: a keys tuple
 * is a code object's constant, so one display finds its keys here each
 * time it runs.  Hashed by the tuple's address, probing up to
 * SHARED_CACHE_PROBES slots from there; an entry holds its tuple, so that
 * address names no other tuple while it is here (a tuple is immutable:
 * the keys made from it never go stale).  `shared` NULL: the tuple's keys
 * cannot be split (not all exact str, repeated, too many).  When every
 * probed slot is taken the first is replaced, and the display that had it
 * makes new keys when it next runs (its older dicts keep theirs): correct,
 * but two displays taking turns in one slot would each make keys at every
 * turn.  So the table is large for the displays a program has (records
 * 27, json_io 24, pickle_io 20 with the modules they import) and the
 * probe long enough that a program should never see that; 16 KiB, placed
 * with the large statics: only the pages it uses are ever written. */
#define SHARED_CACHE_SIZE 1024          /* a power of two */
#define SHARED_CACHE_PROBES 8
static struct {
    Value keys;
    ObjDict *shared;
} shared_cache[SHARED_CACHE_SIZE] GC_LARGE_STATIC;

/* The shared keys for a keys tuple, made now: a combined dict from each
 * key to its position; NULL if it cannot be split. */
static ObjDict *shared_keys_make(Value keys)
{
    size_t n = rt_tuple_len(keys);
    if (n == 0 || n > RT_SHARED_KEYS_MAX)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!is_str(rt_tuple_get(keys, i)))
            return NULL;
    Value shared = rt_dict_new_sized(n);
    for (size_t i = 0; i < n; i++) {
        rt_dict_set(shared, rt_tuple_get(keys, i), small_new((intptr_t)i));
        if (rt_dict_len(shared) != i + 1)
            return NULL;                        /* a key repeated */
    }
    return AS_DICT(shared);
}

static ObjDict *shared_keys_for(Value keys)
{
    size_t home = ((uintptr_t)keys >> 4) & (SHARED_CACHE_SIZE - 1), at = home;
    for (size_t i = 0; i < SHARED_CACHE_PROBES; i++) {
        size_t j = (home + i) & (SHARED_CACHE_SIZE - 1);
        if (shared_cache[j].keys == keys)
            return shared_cache[j].shared;
        if (shared_cache[j].keys == VAL_NULL) {
            at = j;
            break;
        }
    }
    shared_cache[at].shared = shared_keys_make(keys);
    shared_cache[at].keys = keys;
    return shared_cache[at].shared;
}

Value rt_dict_from_const_keys(Value keys, const Value *values)
{
    size_t n = rt_tuple_len(keys);
    ObjDict *shared = shared_keys_for(keys);
    if (shared != NULL) {
        ObjDict *d = split_new(shared, n);
        memcpy(split_values(d), values, n * sizeof(Value));
        return obj_val(d);
    }
    Value d = rt_dict_new_sized(n);
    for (size_t i = 0; i < n; i++)
        if (!rt_dict_set(d, rt_tuple_get(keys, i), values[i]))
            return VAL_NULL;
    return d;
}

/* Make room for n more entries in one resize, so that filling a dict whose
 * size is known (a built-in type's methods at start-up) does not grow it
 * step by step, each step a new table. */
void rt_dict_reserve(Value dict, size_t n)
{
    ObjDict *d = AS_DICT(dict);
    if (d->nentries + n <= d->capacity)
        return;
    dict_resize(d, size_holding(d->used + n), d->used + n, false);
}

/* d[key] for a key hashed already: its value, or VAL_NULL (absent, or
 * *error set when a key's __eq__ failed). */
static inline Value get_hashed(ObjDict *d, Value key, intptr_t hash, bool *error)
{
    if (error)
        *error = false;
    size_t slot;
    int64_t ix = dict_lookup(d, key, hash, &slot);
    if (ix >= 0)
        return *value_at(d, (size_t)ix);
    if (ix == IX_ERROR && error)
        *error = true;
    return VAL_NULL;
}

Value rt_dict_get(Value dict, Value key, bool *error)
{
    intptr_t hash = key_hash(key);
    if (hash == -1) {
        if (error)
            *error = true;
        return VAL_NULL;
    }
    return get_hashed(AS_DICT(dict), key, hash, error);
}

Value rt_dict_get_hashed(Value dict, Value key, intptr_t hash, bool *error)
{
    return get_hashed(AS_DICT(dict), key, hash, error);
}

/* A str key met an entry of the same hash whose key is no str: that key's
 * __eq__ decides, as in CPython's lookup of a dict that does not hold str
 * keys only (test_descr's vicious_descriptor_nonsense: an instance dict
 * with such a key, whose __eq__ has side effects).  The general lookup
 * redoes the probe, and again if __eq__ changed the dict; IX_ERROR if
 * __eq__ raised. */
static int64_t str_entry_other_keys(const ObjDict *d, Value key, intptr_t hash)
{
    size_t slot;
    int64_t ix = dict_lookup((ObjDict *)d, key, hash, &slot);
    return ix == IX_EMPTY ? -1 : ix;
}

/* IX_CAREFUL: the fast probe could not tell (str_probe). */
#define IX_CAREFUL (-4)

/* The probe for a str key of known hash: pointer compare, then hash +
 * bytes.  The entry number of a str key, or -1.  An entry of the same hash
 * that is another object ends the fast probe (`careful` false: the answer
 * is IX_CAREFUL); the careful one compares it: a key of another type is
 * asked by its __eq__ when `ask_eq` (IX_ERROR if that raised), else the
 * answer is RT_DICT_ASK_EQ: only the general lookup can tell (the inline
 * caches', which must run no Python code). */
static inline int64_t str_probe(const ObjDict *d, Value key, intptr_t hash, bool careful,
                                bool ask_eq)
{
    size_t mask = d->index_size - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;; i = probe_next(i, &perturb, mask)) {
        int64_t ix = rt_dict_index_at(d, i);
        if (ix == IX_EMPTY)
            return -1;
        if (ix < 0)
            continue;
        const DictEntry *e = &d->entries[ix];
        if (e->key == key)
            return ix;
        if (rt_dict_entry_hash(e) != hash)
            continue;
        if (!careful)
            return IX_CAREFUL;
        /* A str, or a key of a str subclass (setattr(o, S('name'), 1)), is
         * the same name if the same text: the hash matched, so it hashes
         * as a str.  Any other key's __eq__ decides. */
        if (val_is_small(e->key) || !(val_type(e->key)->flags & TF_STR_SUBCLASS))
            return ask_eq ? str_entry_other_keys(d, key, hash) : RT_DICT_ASK_EQ;
        if (rt_str_equal(e->key, key))
            return ix;
    }
}

/* The careful probe for an entry number, which a split dict has none of:
 * its callers read d->entries[ix], so it is made combined first. */
static __attribute__((noinline)) int64_t str_entry_careful(ObjDict *d, Value key,
                                                           bool ask_eq)
{
    dict_unsplit(d);
    return str_probe(d, key, rt_str_hash(key), true, ask_eq);
}

/* The fast path for str keys: the entry number, -1 if absent, or
 * IX_CAREFUL.  A name and the key it finds are almost always the same
 * interned object, and a name absent meets only entries of other hashes:
 * so this probe compares pointers and hashes and calls nothing.  A hash
 * not yet computed, or an entry of the same hash that is another object
 * (an equal str not interned, a key of another type), is left to the
 * careful probe, which starts again. */
static inline int64_t str_entry_fast(const ObjDict *d, Value key)
{
    if (d->index_size <= RT_DICT_SPLIT_INDEX)          /* empty, or split */
        return d->index_size == 0 ? -1 : IX_CAREFUL;
    intptr_t hash = AS_STR(key)->hash;
    return hash == -1 ? IX_CAREFUL : str_probe(d, key, hash, false, false);
}

static inline int64_t str_entry(ObjDict *d, Value key, bool ask_eq)
{
    int64_t ix = str_entry_fast(d, key);
    return ix == IX_CAREFUL ? str_entry_careful(d, key, ask_eq) : ix;
}

/* The careful name lookup; a split dict's (whose keys are exact str:
 * no __eq__ to ask) is its position among the shared keys. */
static __attribute__((noinline)) Value get_name_careful(const ObjDict *d, Value key,
                                                        bool *error)
{
    const ObjDict *table = rt_dict_is_split(d) ? d->shared : d;
    int64_t ix = str_probe(table, key, rt_str_hash(key), true, true);
    *error = ix == IX_ERROR;
    return ix < 0 ? VAL_NULL : slot_value(d, (size_t)ix);
}

/* The lookup of a name (LOAD_NAME's slow path, a module's or an
 * instance's attribute).  Its fast probe calls nothing, and the careful
 * one is a tail call, with its own frame: a name found at its first probe
 * costs about 30 instructions, not 50 and a call (bench/README.md,
 * Issue 13). */
Value rt_dict_get_name(Value dict, Value key, bool *error)
{
    const ObjDict *d = AS_DICT(dict);
    int64_t ix = str_entry_fast(d, key);
    if (ix == IX_CAREFUL)
        return get_name_careful(d, key, error);
    *error = false;
    return ix < 0 ? VAL_NULL : d->entries[ix].value;
}

/* For the callers that cannot fail, an error in a key's __eq__ counts as
 * absent and is dropped, as CPython's type lookup drops it. */
Value rt_dict_get_str(Value dict, Value key)
{
    bool error;
    Value v = rt_dict_get_name(dict, key, &error);
    if (error)
        rt_err_clear();
    return v;
}

int64_t rt_dict_entry_of_str(Value dict, Value key)
{
    return str_entry(AS_DICT(dict), key, false);
}

/* rt_dict_store_str when the fast probe could not tell: a new key, or one
 * only the general lookup can match. */
static __attribute__((noinline)) int64_t store_str_slow(ObjDict *d, Value key, Value v)
{
    dict_unsplit(d);                /* the caller keeps an entry number */
    intptr_t hash = rt_str_hash(key);
    size_t slot;
    int64_t ix = dict_lookup(d, key, hash, &slot);
    if (ix == IX_ERROR)
        return -1;
    if (ix >= 0) {
        d->entries[ix].value = v;
        return ix;
    }
    if (!insert_new(d, key, hash, v))
        return -1;
    return (int64_t)d->nentries - 1;
}

/* dict[key] = v for a str key (a name); returns the key's entry number,
 * or -1 on an error (a key's __eq__ raised).  For STORE_NAME and the eval
 * loop's STORE_ATTR caches: one probe, not a store and then a search, and
 * a name already there (a module-level loop's variable) is replaced after
 * the fast probe alone. */
int64_t rt_dict_store_str(Value dict, Value key, Value v)
{
    ObjDict *d = AS_DICT(dict);
    int64_t ix = str_entry_fast(d, key);
    if (ix >= 0) {
        d->entries[ix].value = v;
        return ix;
    }
    return store_str_slow(d, key, v);
}

/* Versions come from one counter, so two dicts never share one; when it
 * runs out, no more are handed out (0: the caller does not cache). */
uint32_t rt_dict_keys_version(Value dict)
{
    static uint32_t next_version = 1;
    ObjDict *d = AS_DICT(dict);
    if (d->keys_version == 0 && next_version != UINT32_MAX)
        d->keys_version = next_version++;
    return d->keys_version;
}

Value rt_dict_get_cstr(Value dict, const char *key)
{
    return rt_dict_get_str(dict, rt_str_intern_cstr(key));
}

bool rt_dict_set(Value dict, Value key, Value v)
{
    intptr_t hash = key_hash(key);
    if (hash == -1)
        return false;
    return dict_insert(AS_DICT(dict), key, hash, v);
}

void rt_dict_set_cstr(Value dict, const char *key, Value v)
{
    Value k = rt_str_intern_cstr(key);
    dict_insert(AS_DICT(dict), k, rt_str_hash(k), v);
}

int rt_dict_del(Value dict, Value key)
{
    intptr_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    ObjDict *d = AS_DICT(dict);
    dict_unsplit(d);
    size_t slot;
    int64_t ix = dict_lookup(d, key, hash, &slot);
    if (ix == IX_ERROR)
        return -1;
    if (ix < 0)
        return 0;
    delete_entry(d, slot, ix);
    return 1;
}

size_t rt_dict_len(Value dict)
{
    return AS_DICT(dict)->used;
}

/* The number of the next live item from *pos on, in *i, *pos past it. */
static bool next_live(const ObjDict *d, size_t *pos, size_t *i)
{
    if (rt_dict_is_split(d)) {          /* no deleted entries */
        if (*pos >= d->used)
            return false;
        *i = (*pos)++;
        return true;
    }
    while (*pos < d->nentries) {
        *i = (*pos)++;
        if (d->entries[*i].key != VAL_NULL)
            return true;
    }
    return false;
}

bool rt_dict_next(Value dict, size_t *pos, Value *key, Value *value)
{
    ObjDict *d = AS_DICT(dict);
    size_t i;
    if (!next_live(d, pos, &i))
        return false;
    if (key)
        *key = slot_key(d, i);
    if (value)
        *value = slot_value(d, i);
    return true;
}

/* rt_dict_next with each key's stored hash (set.update(d): no __hash__
 * calls). */
bool rt_dict_next_hashed(Value dict, size_t *pos, Value *key, intptr_t *hash)
{
    ObjDict *d = AS_DICT(dict);
    size_t i;
    if (!next_live(d, pos, &i))
        return false;
    *key = slot_key(d, i);
    *hash = slot_hash(d, i);
    return true;
}

/* A compact copy: live entries only, in order, no lookups needed.  An
 * exact dict's copy of a split dict stays split, on the same keys. */
static ObjDict *dict_copy_as(ObjDict *src, ObjType *type)
{
    if (rt_dict_is_split(src) && type == &rt_dict_type) {
        ObjDict *d = split_new(src->shared, src->used);
        memcpy(split_values(d), split_values(src), src->used * sizeof(Value));
        return d;
    }
    ObjDict *d = dict_alloc(type);
    if (src->used == 0)
        return d;
    size_t size = size_for(src->used);
    dict_resize(d, size, usable_of(size), false);
    for (size_t i = 0; i < dict_slots(src); i++) {
        Value k = slot_key(src, i);
        if (k != VAL_NULL)
            insert_new(d, k, slot_hash(src, i), slot_value(src, i));
    }
    return d;
}

Value rt_dict_copy(Value dict)
{
    return obj_val(dict_copy_as(AS_DICT(dict), &rt_dict_type));
}

/* ---- update(): from a dict, a mapping, or an iterable of pairs ----------- */

static Value keys_name;         /* interned "keys" */

static bool merge_dict(ObjDict *d, ObjDict *src)
{
    /* Index by position, re-checking the bound: src may be d itself.  A
     * key's __eq__ that adds to or clears src is an error, as in CPython. */
    size_t n = dict_slots(src);
    for (size_t i = 0; i < dict_slots(src); i++) {
        Value k = slot_key(src, i);
        if (k != VAL_NULL && !dict_insert(d, k, slot_hash(src, i), slot_value(src, i)))
            return false;
        if (dict_slots(src) != n) {
            rt_raisef(&rt_RuntimeError, "dict mutated during update");
            return false;
        }
    }
    return true;
}

/* A mapping: for k in other.keys(): d[k] = other[k]. */
static bool merge_mapping(Value dict, Value other, Value keys_method)
{
    Value keys = rt_call0(keys_method);
    if (keys == VAL_NULL)
        return false;
    Value it = rt_iter(keys);
    if (it == VAL_NULL)
        return false;
    Value k;
    while ((k = rt_next(it)) != VAL_NULL) {
        Value v = rt_getitem(other, k);
        if (v == VAL_NULL || !rt_dict_set(dict, k, v))
            return false;
    }
    return !rt_err_occurred();
}

/* One (key, value) element of an update sequence, element number n. */
static bool merge_pair(Value dict, Value item, size_t n)
{
    Value pair = VAL_NULL;
    if (is_tuple(item) || is_list(item)) {
        pair = item;
    } else {
        Value it = rt_iter(item);
        if (it == VAL_NULL) {
            if (rt_err_matches(&rt_TypeError)) {
                rt_err_clear();
                if (rt_py_minor >= 14)  /* 3.14's PySequence_Fast message */
                    rt_raisef(&rt_TypeError, "object is not iterable");
                else
                    rt_raisef(&rt_TypeError, "cannot convert dictionary update "
                              "sequence element #%zu to a sequence", n);
            }
            return false;
        }
        pair = rt_sequence_to_list(it);
        if (pair == VAL_NULL)
            return false;
    }
    size_t len = is_tuple(pair) ? rt_tuple_len(pair) : AS_LIST(pair)->length;
    Value *items = is_tuple(pair) ? AS_TUPLE(pair)->items : AS_LIST(pair)->items;
    if (len != 2) {
        rt_raisef(&rt_ValueError, "dictionary update sequence element #%zu "
                  "has length %zu; 2 is required", n, len);
        return false;
    }
    return rt_dict_set(dict, items[0], items[1]);
}

static bool merge_pairs(Value dict, Value seq)
{
    Value it = rt_iter(seq);
    if (it == VAL_NULL)
        return false;
    Value item;
    for (size_t n = 0; (item = rt_next(it)) != VAL_NULL; n++)
        if (!merge_pair(dict, item, n))
            return false;
    return !rt_err_occurred();
}

bool rt_dict_update(Value dict, Value other)
{
    if (is_dict(other))
        return merge_dict(AS_DICT(dict), AS_DICT(other));
    if (!keys_name)
        keys_name = rt_str_intern_cstr("keys");
    Value keys = rt_lookup_attr(other, keys_name);
    if (keys != VAL_NULL)
        return merge_mapping(dict, other, keys);
    if (rt_err_occurred())
        return false;
    return merge_pairs(dict, other);
}

bool rt_dict_merge(Value dict, Value other)
{
    if (is_dict(other))
        return merge_dict(AS_DICT(dict), AS_DICT(other));
    if (!keys_name)
        keys_name = rt_str_intern_cstr("keys");
    Value keys = rt_getattr(other, keys_name);
    return keys != VAL_NULL && merge_mapping(dict, other, keys);
}

/* Keyword arguments args[npos..nargs) named by kwnames, into dict. */
static bool update_kwargs(Value dict, Value *kwvalues, Value kwnames)
{
    size_t nkw = rt_nkwargs(kwnames);
    for (size_t i = 0; i < nkw; i++)
        if (!rt_dict_set(dict, rt_tuple_get(kwnames, i), kwvalues[i]))
            return false;
    return true;
}

/* ---- Slots ------------------------------------------------------------------ */

static bool is_anydict(Value v)
{
    return is_dict(v) || rt_isinstance_of(v, &rt_dict_type);
}

static Value dict_repr(Value self)
{
    ObjDict *d = AS_DICT(self);
    if (d->used == 0)
        return rt_str_from_cstr("{}");
    StrBuf sb;
    sb_init(&sb);
    sb_addc(&sb, '{');
    bool first = true;
    for (size_t i = 0; i < dict_slots(d); i++) {
        Value key = slot_key(d, i), value = slot_value(d, i);
        if (key == VAL_NULL)
            continue;
        if (!first)
            sb_adds(&sb, ", ");
        first = false;
        if (!sb_add_value_repr(&sb, key))
            return VAL_NULL;
        sb_adds(&sb, ": ");
        if (!sb_add_value_repr(&sb, value))
            return VAL_NULL;
    }
    sb_addc(&sb, '}');
    return sb_finish(&sb);
}

/* a == b: same size and every key of a maps to an equal value in b. */
static int dict_equal(ObjDict *a, ObjDict *b)
{
    if (a->used != b->used)
        return 0;
    for (size_t i = 0; i < dict_slots(a); i++) {
        Value key = slot_key(a, i), value = slot_value(a, i);
        if (key == VAL_NULL)
            continue;
        size_t slot;
        int64_t ix = dict_lookup(b, key, slot_hash(a, i), &slot);
        if (ix == IX_ERROR)
            return -1;
        if (ix < 0)
            return 0;
        int eq = rt_eq(value, slot_value(b, (size_t)ix));
        if (eq <= 0)
            return eq;
    }
    return 1;
}

static Value dict_richcompare(Value a, Value b, int op)
{
    if (!is_anydict(a) || !is_anydict(b) || (op != CMP_EQ && op != CMP_NE))
        return rt_NotImplemented;
    int eq = dict_equal(AS_DICT(a), AS_DICT(b));
    if (eq < 0)
        return VAL_NULL;
    return rt_bool((eq == 1) == (op == CMP_EQ));
}

static Value missing_name;      /* interned "__missing__" */

static Value raise_key_error(Value key)
{
    return rt_raise_args(&rt_KeyError, rt_tuple_pack(1, key));
}

/* d[key]; a subclass may define __missing__ (collections.defaultdict). */
static Value dict_getitem(Value self, Value key)
{
    bool error;
    Value v = rt_dict_get(self, key, &error);
    if (v != VAL_NULL || error)
        return v;
    if (!is_dict(self)) {
        if (!missing_name)
            missing_name = rt_str_intern_cstr("__missing__");
        Value missing = rt_type_lookup(val_type(self), missing_name);
        if (missing != VAL_NULL)
            return rt_call_found(missing, self, &key, 1);
    }
    return raise_key_error(key);
}

static int dict_setitem(Value self, Value key, Value v)
{
    if (v != VAL_NULL)
        return rt_dict_set(self, key, v) ? 0 : -1;
    int r = rt_dict_del(self, key);
    if (r == 0) {
        raise_key_error(key);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

static ssize_t dict_len(Value self)
{
    return (ssize_t)AS_DICT(self)->used;
}

static int dict_contains(Value self, Value key)
{
    bool error;
    Value v = rt_dict_get(self, key, &error);
    return error ? -1 : v != VAL_NULL;
}

/* d | other (3.9+): a new dict; d |= other updates d from any mapping or
 * iterable of pairs. */
static Value dict_binop(Value a, Value b, int op)
{
    if (op != NB_OR || !is_anydict(a) || !is_anydict(b))
        return rt_NotImplemented;
    ObjDict *r = dict_copy_as(AS_DICT(a), &rt_dict_type);
    return merge_dict(r, AS_DICT(b)) ? obj_val(r) : VAL_NULL;
}

static Value dict_inplace(Value a, Value b, int op)
{
    if (op != NB_OR || !is_anydict(a))
        return rt_NotImplemented;
    return rt_dict_update(a, b) ? a : VAL_NULL;
}

/* ---- Iterators -------------------------------------------------------------- */

/* One iterator layout for keys, values and items (the type says which).
 * `used` is the dict's size when iteration began: a change of size is the
 * RuntimeError CPython raises; `remaining` catches a delete-then-add. */
typedef struct DictIter {
    Object ob;
    ObjDict *dict;              /* NULL once exhausted */
    size_t pos;
    ssize_t used;
    ssize_t remaining;
} DictIter;

static Value dictiter_make(ObjType *type, ObjDict *d, size_t pos)
{
    DictIter *it = gc_alloc(sizeof *it);
    it->ob.type = type;
    it->dict = d;
    it->pos = pos;
    it->used = (ssize_t)d->used;
    it->remaining = (ssize_t)d->used;
    return obj_val(it);
}

static Value dict_iter(Value self)
{
    return dictiter_make(&dictiter_keys_type, AS_DICT(self), 0);
}

/* The next live item's number, in *i, or false (exhausted, or an
 * exception set).  The dict is it->dict, whatever its layout now. */
static bool dictiter_step(DictIter *it, size_t *i)
{
    ObjDict *d = it->dict;
    if (d == NULL)
        return false;
    if (it->used != (ssize_t)d->used) {
        rt_raisef(&rt_RuntimeError, "dictionary changed size during iteration");
        it->used = -1;          /* stays an error */
        return false;
    }
    size_t n = dict_slots(d);
    if (!rt_dict_is_split(d))           /* only a combined dict has deleted entries */
        while (it->pos < n && d->entries[it->pos].key == VAL_NULL)
            it->pos++;
    if (it->pos >= n) {
        it->dict = NULL;
        return false;
    }
    if (it->remaining == 0) {
        rt_raisef(&rt_RuntimeError, "dictionary keys changed during iteration");
        it->dict = NULL;
        return false;
    }
    it->remaining--;
    *i = it->pos++;
    return true;
}

static Value dictiter_next_key(Value self)
{
    DictIter *it = VAL_AS(DictIter, self);
    size_t i;
    return dictiter_step(it, &i) ? slot_key(it->dict, i) : VAL_NULL;
}

static Value dictiter_next_value(Value self)
{
    DictIter *it = VAL_AS(DictIter, self);
    size_t i;
    return dictiter_step(it, &i) ? slot_value(it->dict, i) : VAL_NULL;
}

static Value dictiter_next_item(Value self)
{
    DictIter *it = VAL_AS(DictIter, self);
    size_t i;
    if (!dictiter_step(it, &i))
        return VAL_NULL;
    return rt_tuple_pack(2, slot_key(it->dict, i), slot_value(it->dict, i));
}

bool rt_dictitems_iter_next(Value iter, Value *key, Value *value)
{
    DictIter *it = VAL_AS(DictIter, iter);
    size_t i;
    if (!dictiter_step(it, &i))
        return false;
    *key = slot_key(it->dict, i);
    *value = slot_value(it->dict, i);
    return true;
}

/* reversed(d), reversed(d.values()), reversed(d.items()): walk the items
 * backwards (pos counts down from dict_slots). */
static bool dictiter_step_back(DictIter *it, size_t *i)
{
    ObjDict *d = it->dict;
    if (d == NULL)
        return false;
    if (it->used != (ssize_t)d->used) {
        it->used = -1;
        rt_raisef(&rt_RuntimeError, "dictionary changed size during iteration");
        return false;
    }
    while (it->pos > 0 && it->pos <= dict_slots(d)) {
        if (slot_key(d, --it->pos) != VAL_NULL) {
            it->remaining--;
            *i = it->pos;
            return true;
        }
    }
    it->dict = NULL;
    return false;
}

static Value dictiter_next_revkey(Value self)
{
    DictIter *it = VAL_AS(DictIter, self);
    size_t i;
    return dictiter_step_back(it, &i) ? slot_key(it->dict, i) : VAL_NULL;
}

static Value dictiter_next_revvalue(Value self)
{
    DictIter *it = VAL_AS(DictIter, self);
    size_t i;
    return dictiter_step_back(it, &i) ? slot_value(it->dict, i) : VAL_NULL;
}

static Value dictiter_next_revitem(Value self)
{
    DictIter *it = VAL_AS(DictIter, self);
    size_t i;
    if (!dictiter_step_back(it, &i))
        return VAL_NULL;
    return rt_tuple_pack(2, slot_key(it->dict, i), slot_value(it->dict, i));
}

/* Pickling: (iter, (list of what is left,)). */
static Value dictiter_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_reduce_remaining(args[0], sizeof(DictIter));
}

/* The entries left, or 0 once the dict changed size. */
static Value dictiter_length_hint(Value *args, size_t nargs, Value kwnames)
{
    DictIter *it = VAL_AS(DictIter, args[0]);
    bool valid = it->dict != NULL && it->used == (ssize_t)it->dict->used;
    return small_new(valid && it->remaining > 0 ? it->remaining : 0);
}

static const MethodDef dictiter_methods[] = {
    {"__reduce__", dictiter_reduce}, {"__length_hint__", dictiter_length_hint},
    {NULL, NULL},
};

#define DICTITER_TYPE(var, tname, nextfn) \
    ObjType var = {                       \
        .ob.type = &rt_type_type,         \
        .name = tname,                    \
        .base = &rt_object_type,          \
        .iter = rt_iter_self,             \
        .next = nextfn,                   \
    }

static DICTITER_TYPE(dictiter_keys_type, "dict_keyiterator", dictiter_next_key);
static DICTITER_TYPE(dictiter_values_type, "dict_valueiterator", dictiter_next_value);
DICTITER_TYPE(rt_dictitems_iter_type, "dict_itemiterator", dictiter_next_item);  /* containers.h */
static DICTITER_TYPE(dictiter_revkeys_type, "dict_reversekeyiterator", dictiter_next_revkey);
static DICTITER_TYPE(dictiter_revvalues_type, "dict_reversevalueiterator", dictiter_next_revvalue);
static DICTITER_TYPE(dictiter_revitems_type, "dict_reverseitemiterator", dictiter_next_revitem);

/* ---- Views: d.keys(), d.values(), d.items() ----------------------------- */

typedef struct DictView {
    Object ob;
    Value dict;
} DictView;

static Value view_make(ObjType *type, Value dict)
{
    DictView *v = gc_alloc(sizeof *v);
    v->ob.type = type;
    v->dict = dict;
    return obj_val(v);
}

static ObjDict *view_dict(Value view)
{
    return AS_DICT(VAL_AS(DictView, view)->dict);
}

/* "dict_keys(['a', 'b'])": the type name around the list of the items. */
static Value view_repr(Value self)
{
    if (rt_repr_reentered(self))
        return rt_str_from_cstr("...");
    Value list = rt_sequence_to_list(self);
    if (list == VAL_NULL)
        return VAL_NULL;
    return rt_str_format_c("%s(%R)", val_type(self)->name, list);
}

static ssize_t view_len(Value self)
{
    return (ssize_t)view_dict(self)->used;
}

static Value view_iter(Value self)
{
    ObjType *t = val_type(self);
    ObjType *it = t == &dictkeys_type ? &dictiter_keys_type
                : t == &dictvalues_type ? &dictiter_values_type : &rt_dictitems_iter_type;
    return dictiter_make(it, view_dict(self), 0);
}

static int keys_contains(Value self, Value key)
{
    return dict_contains(VAL_AS(DictView, self)->dict, key);
}

/* (k, v) in d.items(): k is a key and d[k] == v. */
static int items_contains(Value self, Value item)
{
    if (!is_tuple(item) || rt_tuple_len(item) != 2)
        return 0;
    bool error;
    Value v = rt_dict_get(VAL_AS(DictView, self)->dict, rt_tuple_get(item, 0), &error);
    if (v == VAL_NULL)
        return error ? -1 : 0;
    return rt_eq(v, rt_tuple_get(item, 1));
}

static bool is_setlike_view(Value v)
{
    return rt_isinstance_of(v, &dictkeys_type) || rt_isinstance_of(v, &dictitems_type);
}

/* Every item of a is in b (a and b: views or sets). */
static int all_contained_in(Value a, Value b)
{
    Value it = rt_iter(a);
    if (it == VAL_NULL)
        return -1;
    Value x;
    while ((x = rt_next(it)) != VAL_NULL) {
        int r = rt_contains(b, x);
        if (r <= 0)
            return r;
    }
    return rt_err_occurred() ? -1 : 1;
}

/* keys/items views compare with sets and each other as sets do. */
static Value view_richcompare(Value a, Value b, int op)
{
    if (!is_setlike_view(a) || !(is_setlike_view(b) || rt_is_anyset(b)))
        return rt_NotImplemented;
    ssize_t la = rt_len(a), lb = rt_len(b);
    if (la < 0 || lb < 0)
        return VAL_NULL;
    int r;
    switch (op) {
    case CMP_EQ: case CMP_NE:
        r = la == lb ? all_contained_in(a, b) : 0;
        if (r >= 0 && op == CMP_NE)
            r = !r;
        break;
    case CMP_LT: r = la < lb ? all_contained_in(a, b) : 0; break;
    case CMP_LE: r = la <= lb ? all_contained_in(a, b) : 0; break;
    case CMP_GT: r = la > lb ? all_contained_in(b, a) : 0; break;
    default:     r = la >= lb ? all_contained_in(b, a) : 0; break;
    }
    return r < 0 ? VAL_NULL : rt_bool(r);
}

/* view & | - ^ other: a set built from the left operand, updated in place
 * with the right one (CPython's dictviews_and/or/sub/xor). */
static Value view_binop(Value a, Value b, int op)
{
    const char *method;
    switch (op) {
    case NB_AND: method = "intersection_update"; break;
    case NB_OR:  method = "update"; break;
    case NB_SUBTRACT: method = "difference_update"; break;
    case NB_XOR: method = "symmetric_difference_update"; break;
    default: return rt_NotImplemented;
    }
    if (op != NB_SUBTRACT && !is_setlike_view(a)) {
        Value t = a;            /* commutative: start from the view */
        a = b;
        b = t;
    }
    Value result = rt_set_from_iterable(a);
    if (result == VAL_NULL)
        return VAL_NULL;
    Value fn = rt_getattr_cstr(result, method);
    if (fn == VAL_NULL || rt_call1(fn, b) == VAL_NULL)
        return VAL_NULL;
    return result;
}

/* view.isdisjoint(iterable) */
static Value view_isdisjoint(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("isdisjoint", nargs - 1, kwnames))
        return VAL_NULL;
    Value it = rt_iter(args[1]);
    if (it == VAL_NULL)
        return VAL_NULL;
    Value x;
    while ((x = rt_next(it)) != VAL_NULL) {
        int r = rt_contains(args[0], x);
        if (r < 0)
            return VAL_NULL;
        if (r)
            return rt_False;
    }
    return rt_err_occurred() ? VAL_NULL : rt_True;
}

/* view.mapping: a read-only proxy of the dict the view shows. */
static Value view_get_mapping(Value self)
{
    return rt_mappingproxy_new(VAL_AS(DictView, self)->dict);
}

static const GetSetDef view_getsets[] = {
    {"mapping", view_get_mapping, NULL, "dictionary that this view refers to"},
    {NULL},
};

static ObjType dictkeys_type = {
    .ob.type = &rt_type_type,
    .name = "dict_keys",
    .base = &rt_object_type,
    .repr = view_repr,
    .richcompare = view_richcompare,
    .binop = view_binop,
    .binop_ops = RT_OP_BIT(NB_AND) | RT_OP_BIT(NB_OR) | RT_OP_BIT(NB_SUBTRACT) | RT_OP_BIT(NB_XOR),
    .iter = view_iter,
    .len = view_len,
    .contains = keys_contains,
    .getsets = view_getsets,
};

static ObjType dictitems_type = {
    .ob.type = &rt_type_type,
    .name = "dict_items",
    .base = &rt_object_type,
    .repr = view_repr,
    .richcompare = view_richcompare,
    .binop = view_binop,
    .binop_ops = RT_OP_BIT(NB_AND) | RT_OP_BIT(NB_OR) | RT_OP_BIT(NB_SUBTRACT) | RT_OP_BIT(NB_XOR),
    .iter = view_iter,
    .len = view_len,
    .contains = items_contains,
    .getsets = view_getsets,
};

static ObjType dictvalues_type = {
    .ob.type = &rt_type_type,
    .name = "dict_values",
    .base = &rt_object_type,
    .repr = view_repr,
    .iter = view_iter,
    .len = view_len,
    .getsets = view_getsets,
};

/* ---- Constructor and methods ---------------------------------------------- */

/* dict(), dict(mapping), dict(iterable of pairs), plus **kwargs.  A
 * subtype's instance is only allocated, whatever the arguments (CPython's
 * dict_new): its __init__ fills it (a class's, or OrderedDict's and
 * defaultdict's, which have no __new__ of their own: TF_SPLIT_INIT). */
static Value dict_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (type != &rt_dict_type)
        return obj_val(dict_alloc(type));
    size_t npos = rt_npos(nargs, kwnames);
    if (!rt_arg_range("dict", npos, 0, 1))
        return VAL_NULL;
    Value d = obj_val(dict_alloc(type));
    if (npos == 1 && !rt_dict_update(d, args[0]))
        return VAL_NULL;
    return update_kwargs(d, args + npos, kwnames) ? d : VAL_NULL;
}

static Value dict_keys_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("dict.keys", nargs - 1, kwnames))
        return VAL_NULL;
    return view_make(&dictkeys_type, args[0]);
}

static Value dict_values_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("dict.values", nargs - 1, kwnames))
        return VAL_NULL;
    return view_make(&dictvalues_type, args[0]);
}

static Value dict_items_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("dict.items", nargs - 1, kwnames))
        return VAL_NULL;
    return view_make(&dictitems_type, args[0]);
}

/* d.get(key, default=None) */
static Value dict_get_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("dict.get", kwnames) || !rt_arg_range("get", nargs - 1, 1, 2))
        return VAL_NULL;
    bool error;
    Value v = rt_dict_get(args[0], args[1], &error);
    if (v != VAL_NULL || error)
        return v;
    return nargs > 2 ? args[2] : rt_None;
}

/* d.setdefault(key, default=None) */
static Value dict_setdefault_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("dict.setdefault", kwnames) || !rt_arg_range("setdefault", nargs - 1, 1, 2))
        return VAL_NULL;
    /* One hash and one lookup (CPython calls __hash__ and __eq__ once). */
    ObjDict *d = AS_DICT(args[0]);
    intptr_t hash = key_hash(args[1]);
    size_t slot;
    int64_t ix = hash == -1 ? IX_ERROR : dict_lookup(d, args[1], hash, &slot);
    if (ix == IX_ERROR)
        return VAL_NULL;
    if (ix >= 0)
        return slot_value(d, (size_t)ix);
    Value dflt = nargs > 2 ? args[2] : rt_None;
    return insert_new(d, args[1], hash, dflt) ? dflt : VAL_NULL;
}

/* d.pop(key[, default]) */
static Value dict_pop_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("dict.pop", kwnames) || !rt_arg_range("pop", nargs - 1, 1, 2))
        return VAL_NULL;
    ObjDict *d = AS_DICT(args[0]);
    intptr_t hash = key_hash(args[1]);
    if (hash == -1)
        return VAL_NULL;
    dict_unsplit(d);
    size_t slot;
    int64_t ix = dict_lookup(d, args[1], hash, &slot);
    if (ix == IX_ERROR)
        return VAL_NULL;
    if (ix < 0)
        return nargs > 2 ? args[2] : raise_key_error(args[1]);
    Value v = d->entries[ix].value;
    delete_entry(d, slot, ix);
    return v;
}

/* d.popitem(): the last inserted pair (LIFO). */
static Value dict_popitem_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("dict.popitem", nargs - 1, kwnames))
        return VAL_NULL;
    ObjDict *d = AS_DICT(args[0]);
    if (d->used == 0)
        return rt_raisef(&rt_KeyError, "popitem(): dictionary is empty");
    dict_unsplit(d);
    size_t ix = d->nentries;
    while (d->entries[ix - 1].key == VAL_NULL)
        ix--;
    DictEntry e = d->entries[--ix];
    size_t slot;
    dict_lookup(d, e.key, rt_dict_entry_hash(&e), &slot);   /* identity match: cannot fail */
    delete_entry(d, slot, (int64_t)ix);
    d->nentries = ix;           /* the freed tail slot can be reused */
    return rt_tuple_pack(2, e.key, e.value);
}

/* d.update([other], **kwargs) */
static Value dict_update_m(Value *args, size_t nargs, Value kwnames)
{
    size_t npos = rt_npos(nargs, kwnames);
    if (!rt_arg_range("update", npos - 1, 0, 1))
        return VAL_NULL;
    if (npos == 2 && !rt_dict_update(args[0], args[1]))
        return VAL_NULL;
    return update_kwargs(args[0], args + npos, kwnames) ? rt_None : VAL_NULL;
}

static Value dict_copy_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("dict.copy", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_dict_copy(args[0]);
}

static Value dict_clear_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("dict.clear", nargs - 1, kwnames))
        return VAL_NULL;
    ObjDict *d = AS_DICT(args[0]);
    d->used = d->nentries = d->capacity = d->index_size = 0;
    d->entries = NULL;
    d->shared = NULL;                   /* combined, empty */
    return rt_None;
}

/* dict.fromkeys(iterable, value=None): args[0] is the class. */
static Value dict_fromkeys_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("dict.fromkeys", kwnames) || !rt_arg_range("fromkeys", nargs - 1, 1, 2))
        return VAL_NULL;
    Value cls = args[0], value = nargs > 2 ? args[2] : rt_None;
    Value d = cls == obj_val(&rt_dict_type) ? rt_dict_new() : rt_call0(cls);
    if (d == VAL_NULL)
        return VAL_NULL;
    /* From an exact dict, set or frozenset into an exact dict: the keys'
     * stored hashes, as CPython does (no __hash__ call per key). */
    Value src = args[1];
    if (IS_EXACT(d, rt_dict_type) && IS_EXACT(src, rt_dict_type)) {
        rt_dict_reserve(d, rt_dict_len(src));
        Value k;
        intptr_t hash;
        for (size_t pos = 0; rt_dict_next_hashed(src, &pos, &k, &hash);)
            if (!dict_insert(AS_DICT(d), k, hash, value))
                return VAL_NULL;
        return d;
    }
    if (IS_EXACT(d, rt_dict_type) && (IS_EXACT(src, rt_set_type) || IS_EXACT(src, rt_frozenset_type))) {
        rt_dict_reserve(d, rt_set_size(src));
        Value k;
        intptr_t hash;
        for (size_t pos = 0; rt_set_next_hashed(src, &pos, &k, &hash);)
            if (!dict_insert(AS_DICT(d), k, hash, value))
                return VAL_NULL;
        return d;
    }
    Value it = rt_iter(src);
    if (it == VAL_NULL)
        return VAL_NULL;
    Value k;
    while ((k = rt_next(it)) != VAL_NULL)
        if (rt_setitem(d, k, value) < 0)
            return VAL_NULL;
    return rt_err_occurred() ? VAL_NULL : d;
}

static Value dict_contains_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("dict.__contains__", nargs - 1, kwnames))
        return VAL_NULL;
    int r = dict_contains(args[0], args[1]);
    return r < 0 ? VAL_NULL : rt_bool(r);
}

static Value dict_getitem_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("dict.__getitem__", nargs - 1, kwnames))
        return VAL_NULL;
    return dict_getitem(args[0], args[1]);
}

static Value dict_setitem_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("dict.__setitem__", kwnames) || !rt_arg_range("__setitem__", nargs - 1, 2, 2))
        return VAL_NULL;
    return rt_dict_set(args[0], args[1], args[2]) ? rt_None : VAL_NULL;
}

static Value dict_delitem_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("dict.__delitem__", nargs - 1, kwnames))
        return VAL_NULL;
    return dict_setitem(args[0], args[1], VAL_NULL) < 0 ? VAL_NULL : rt_None;
}

static Value dict_reversed_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("dict.__reversed__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjDict *d = AS_DICT(args[0]);
    return dictiter_make(&dictiter_revkeys_type, d, dict_slots(d));
}

ObjType rt_dict_type = {
    .ob.type = &rt_type_type,
    .name = "dict",
    .base = &rt_object_type,
    .flags = TF_BASETYPE | TF_DICT_SUBCLASS | TF_MATCH_MAPPING,
    .repr = dict_repr,
    .richcompare = dict_richcompare,
    .binop = dict_binop,
    .binop_ops = RT_OP_BIT(NB_OR),
    .inplace = dict_inplace,
    .iter = dict_iter,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .len = dict_len,
    .contains = dict_contains,
    .new_ = dict_new,
};

static const MethodDef dict_methods[] = {
    {"keys", dict_keys_m},
    {"values", dict_values_m},
    {"items", dict_items_m},
    {"get", dict_get_m},
    {"setdefault", dict_setdefault_m},
    {"pop", dict_pop_m},
    {"popitem", dict_popitem_m},
    {"update", dict_update_m},
    {"copy", dict_copy_m},
    {"clear", dict_clear_m},
    {"__contains__", dict_contains_m},
    {"__getitem__", dict_getitem_m},
    {"__setitem__", dict_setitem_m},
    {"__delitem__", dict_delitem_m},
    {"__reversed__", dict_reversed_m},
    {"fromkeys", dict_fromkeys_m, RT_METH_CLASS},
    {NULL, NULL},
};

/* reversed(d.keys()) and friends. */
static Value view_reversed_m(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reversed__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjType *t = val_type(args[0]);
    ObjType *it = t == &dictkeys_type ? &dictiter_revkeys_type
                : t == &dictvalues_type ? &dictiter_revvalues_type : &dictiter_revitems_type;
    ObjDict *d = view_dict(args[0]);
    return dictiter_make(it, d, dict_slots(d));
}

static const MethodDef view_methods[] = {
    {"isdisjoint", view_isdisjoint},
    {"__reversed__", view_reversed_m},
    {NULL, NULL},
};

static const MethodDef values_methods[] = {
    {"__reversed__", view_reversed_m},
    {NULL, NULL},
};


/* For OrderedDict's views (odict_keys ... are subclasses of these). */
ObjType *rt_dict_view_type(RtDictViewKind kind)
{
    return kind == RT_VIEW_KEYS ? &dictkeys_type
         : kind == RT_VIEW_VALUES ? &dictvalues_type : &dictitems_type;
}

Value rt_dict_view_new(ObjType *type, Value dict)
{
    return view_make(type, dict);
}

void rt_dict_init(void)
{
    rt_type_ready(&rt_dict_type, dict_methods);
    rt_type_ready(&dictkeys_type, view_methods);
    rt_type_ready(&dictitems_type, view_methods);
    rt_type_ready(&dictvalues_type, values_methods);
    rt_type_ready(&dictiter_keys_type, dictiter_methods);
    rt_type_ready(&dictiter_values_type, dictiter_methods);
    rt_type_ready(&rt_dictitems_iter_type, dictiter_methods);
    rt_type_ready(&dictiter_revkeys_type, dictiter_methods);
    rt_type_ready(&dictiter_revvalues_type, dictiter_methods);
    rt_type_ready(&dictiter_revitems_type, dictiter_methods);
}
