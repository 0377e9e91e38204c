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

#endif
