/*
 * runtime.h — everything the runtime offers, in one include.
 */
#ifndef PVM_RUNTIME_H
#define PVM_RUNTIME_H

#include "object.h"
#include "gc.h"
#include "error.h"
#include "abstract.h"
#include "args.h"
#include "int.h"
#include "float.h"
#include "str.h"
#include "containers.h"
#include "func.h"
#include "builtins.h"

/* Initialise every part of the runtime, in dependency order. */
void rt_init(void);

#endif
