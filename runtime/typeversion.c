/*
 * typeversion.c — type version tags: one number that stands for "this
 * class's attributes, and its MRO's, as they are now".
 *
 * The eval loop's inline caches (vm/specialize.c) remember what an
 * attribute lookup found — "x is in the instance dict, at entry 3", "the
 * method is this function" — together with the version tag of the type
 * the lookup started from.  Next time, comparing the tag replaces walking
 * the MRO.  CPython 3.11 does the same (Objects/typeobject.c,
 * assign_version_tag / PyType_Modified).
 *
 * The rules that keep a cache from ever returning a stale value:
 *   - a tag is handed out on demand (rt_type_version), from one counter,
 *     so no two states of any types share a number;
 *   - a type gets one only once every class on its MRO has one;
 *   - any change to a class (setattr or delattr on it, runtime/class.c)
 *     calls rt_type_modified, which sets the tag of the class and of every
 *     class that has it on its MRO back to 0, "no version": caches holding
 *     the old number miss from then on.
 * The second rule makes the third cheap: a class without a tag has no
 * subclass with one, so rt_type_modified stops at once.  So does it for a
 * class none of whose subclasses was ever tagged since it last changed
 * (TF_TAGGED_BELOW, set on the MRO of each class given a tag): most classes
 * changed are the newest, which have no subclasses yet (a class
 * decorator's setattr, abc's registry), and looking through every tagged
 * class for theirs made the changes quadratic in a program's classes.  Builtin types
 * cannot be changed (rt_type_setattr refuses them), so their tags last.
 * A class's MRO cannot change in pvm (`__bases__` is read-only).
 *
 * The same tags key the attribute lookup cache (CPython's method cache,
 * typeobject.c's _PyType_Lookup): rt_type_lookup, which every attribute
 * access, method call and operator dunder goes through, remembers for
 * (tag, name) what walking the MRO found, absences included, in a table
 * of 4096 entries indexed by a hash of both.  A changed class has a new
 * tag, so its old entries are simply never matched again.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/typeversion.h"

static uint32_t next_version = 1;
static GcWeakArray tagged_classes;      /* classes written in Python with a tag (weakly) */

uint32_t rt_type_version(ObjType *type)
{
    if (type->version_tag != 0)
        return type->version_tag;
    if (type->mro == VAL_NULL || next_version == UINT32_MAX)
        return 0;                       /* not ready, or the counter ran out */
    /* A metaclass's mro() may return anything: a class twice, or classes on
     * each other's MRO.  Such a cycle never gets a tag (its lookups are not
     * cached) instead of recursing without end; real MROs are far shorter. */
    static int depth;
    if (depth >= 256)
        return 0;
    depth++;
    ObjTuple *mro = AS_TUPLE(type->mro);
    bool bases_tagged = true;
    for (size_t i = 1; i < mro->length && bases_tagged; i++)
        bases_tagged = rt_type_version(AS_TYPE(mro->items[i])) != 0;
    depth--;
    if (!bases_tagged)
        return 0;
    if ((type->flags & (TF_HEAPTYPE | TF_TAG_LISTED)) == TF_HEAPTYPE) {
        gc_weak_array_add(&tagged_classes, type);
        type->flags |= TF_TAG_LISTED;
    }
    for (size_t i = 1; i < mro->length; i++)
        AS_TYPE(mro->items[i])->flags |= TF_TAGGED_BELOW;
    type->version_tag = next_version++;
    return type->version_tag;
}

static bool on_mro(const ObjType *t, const ObjType *base)
{
    const ObjTuple *mro = AS_TUPLE(t->mro);
    for (size_t i = 0; i < mro->length; i++)
        if (AS_TYPE(mro->items[i]) == base)
            return true;
    return false;
}

void rt_type_modified(ObjType *type)
{
    if (type->version_tag == 0)
        return;                         /* nor has any subclass */
    type->version_tag = 0;
    if ((type->flags & TF_TAGGED_BELOW) == 0)
        return;
    type->flags &= ~TF_TAGGED_BELOW;
    /* The subclasses with a tag lose it; the array keeps only the tagged
     * (and those that lost their own since the last such walk). */
    for (size_t i = 0; i < tagged_classes.n; i++) {
        ObjType *t = gc_weak_array_get(&tagged_classes, i);
        if (t != NULL && t->version_tag != 0 && on_mro(t, type))
            t->version_tag = 0;
        if (t != NULL && t->version_tag == 0)
            t->flags &= ~TF_TAG_LISTED;
        if (t == NULL || t->version_tag == 0)
            gc_weak_array_drop(&tagged_classes, i);
    }
}

/* ---- the attribute lookup cache ------------------------------------------------ */

enum { LOOKUP_CACHE_SIZE = 4096,       /* powers of two */
       LOOKUP_START_SIZE = 128 };

typedef struct LookupEntry {
    uint32_t version;                   /* 0: empty */
    Value name;
    Value value;                        /* what the MRO walk found, or VAL_NULL */
} LookupEntry;

/* A static table (a root the collector scans: names and values stay
 * alive), in zero pages the kernel maps on first touch: no allocation and
 * no clearing at start-up.  It is switched on once start-up has added the
 * slot wrappers (rt_type_cache_clear); lookups before that walk the MRO.
 *
 * Its first LOOKUP_START_SIZE entries (one page) are used until as many
 * misses have evicted a live entry, then all of it: hashed slots spread
 * over the whole 96 KiB, so a short run touched a third of its pages, and
 * each twice (read, then written: a copy-on-write of the zero page).
 * Growing needs no clearing, as an entry is valid in any slot (a hit
 * matches version and name); a program whose working set outgrows the
 * first page re-misses it once. */
static LookupEntry lookup_table[LOOKUP_CACHE_SIZE] GC_LARGE_STATIC __attribute__((aligned(4096)));
static LookupEntry *lookup_cache;       /* NULL until then */
static size_t lookup_mask = LOOKUP_START_SIZE - 1;
static unsigned lookup_evictions;

static size_t lookup_slot(uint32_t version, Value name)
{
    uintptr_t h = (uintptr_t)name >> 4;
    return (size_t)(version * 2654435761u ^ h ^ (h >> 12)) & lookup_mask;
}

Value rt_type_cache_lookup(ObjType *type, Value name)
{
    uint32_t version = type->version_tag;  /* the common case: no call */
    if (version == 0 && (version = rt_type_version(type)) == 0)
        return rt_type_mro_lookup(type, name);
    if (lookup_cache == NULL)
        return rt_type_mro_lookup(type, name);
    LookupEntry *e = &lookup_cache[lookup_slot(version, name)];
    if (e->version == version && e->name == name)
        return e->value;
    /* The walk only reads dicts with str keys: no Python code runs, so
     * the tag still stands for what it finds. */
    Value v = rt_type_mro_lookup(type, name);
    if (e->version != 0 && lookup_mask != LOOKUP_CACHE_SIZE - 1 &&
        ++lookup_evictions == LOOKUP_START_SIZE)
        lookup_mask = LOOKUP_CACHE_SIZE - 1;
    *e = (LookupEntry){ version, name, v };
    return v;
}

void rt_type_cache_clear(void)
{
    if (lookup_cache != NULL)           /* the entries in use so far */
        memset(lookup_cache, 0, (lookup_mask + 1) * sizeof *lookup_cache);
    lookup_cache = lookup_table;
}
