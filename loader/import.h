/*
 * import.h — the import system: finding modules (built-in C modules,
 * frozen stubs, and .pyc files beside the script or in __pycache__) and
 * running them once into sys.modules.
 *
 * The eval loop's IMPORT_NAME / IMPORT_FROM / IMPORT_STAR call these.
 */
#ifndef PVM_IMPORT_H
#define PVM_IMPORT_H

#include "runtime/object.h"

/* IMPORT_NAME: __import__(name, globals, None, fromlist, level). */
Value ld_import_name(Value name, Value globals, Value fromlist, int level);
/* IMPORT_FROM: module.name, or the submodule module.name. */
Value ld_import_from(Value module, Value name);
/* IMPORT_STAR: copy the module's public names (or __all__) into locals;
 * 0 on success, -1 on error. */
int ld_import_star(Value module, Value locals);

#endif
