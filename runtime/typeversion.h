/*
 * typeversion.h — type version tags for the eval loop's inline caches
 * (typeversion.c explains the rules).
 */
#ifndef PVM_TYPEVERSION_H
#define PVM_TYPEVERSION_H

#include <stdint.h>
#include "runtime/object.h"

/* The type's tag, given one if it has none; 0 if none can be given. */
uint32_t rt_type_version(ObjType *type);

/* The class changed: it and its subclasses lose their tags. */
void rt_type_modified(ObjType *type);

/* rt_type_lookup (runtime/abstract.h) through a cache of (tag, name) ->
 * what the MRO walk, rt_type_mro_lookup, found (VAL_NULL included); and
 * emptying that cache, for changes made before tags can be trusted
 * (builtin types' slot wrappers, added after start-up lookups).  The
 * first rt_type_cache_clear switches the cache on: until then lookups
 * walk the MRO. */
Value rt_type_cache_lookup(ObjType *type, Value name);
Value rt_type_mro_lookup(ObjType *type, Value name);
void rt_type_cache_clear(void);

#endif
