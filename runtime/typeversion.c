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
 * subclass with one, so rt_type_modified stops at once.  Builtin types
 * cannot be changed (rt_type_setattr refuses them), so their tags last.
 * A class's MRO cannot change in pvm (`__bases__` is read-only).
 */
#include "runtime/runtime.h"
#include "runtime/typeversion.h"

static uint32_t next_version = 1;
static Value tagged_classes;            /* list: classes written in Python with a tag */

uint32_t rt_type_version(ObjType *type)
{
    if (type->version_tag != 0)
        return type->version_tag;
    if (type->mro == VAL_NULL || next_version == UINT32_MAX)
        return 0;                       /* not ready, or the counter ran out */
    ObjTuple *mro = AS_TUPLE(type->mro);
    for (size_t i = 1; i < mro->length; i++)
        if (rt_type_version(AS_TYPE(mro->items[i])) == 0)
            return 0;
    if (type->flags & TF_HEAPTYPE) {
        if (tagged_classes == VAL_NULL)
            tagged_classes = rt_list_new(16);
        rt_list_append(tagged_classes, obj_val(type));
    }
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
    /* The subclasses with a tag lose it; the list keeps only the tagged. */
    ObjList *all = AS_LIST(tagged_classes);
    size_t kept = 0;
    for (size_t i = 0; i < all->length; i++) {
        ObjType *t = AS_TYPE(all->items[i]);
        if (t->version_tag != 0 && on_mro(t, type))
            t->version_tag = 0;
        if (t->version_tag != 0)
            all->items[kept++] = all->items[i];
    }
    all->length = kept;
}
