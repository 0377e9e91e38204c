/*
 * registry.c — built-in C modules by name: the table modules.h declares,
 * turned into a lookup for the import system.
 *
 * Each module's initialiser lives in its own file.  The standard-library
 * modules (math, time, ...) come from another branch of pvm's history; until
 * that work is present, their initialisers are declared *weak*, so this file
 * links without them and a weak initialiser that nobody defined reads as a
 * null function pointer: the module is simply absent (import math then says
 * "No module named 'math'", as CPython does for a module it does not have).
 *
 * Caveat of weak references: the linker never pulls an archive member in
 * (libpvm.a) to satisfy a weak reference.  So once modules/stdlib.h —
 * the standard-library branch's header, which declares its initialisers —
 * exists, the declarations are made strong by including it: every module in
 * the list must then be defined, and a missing one is a link error, not a
 * silently absent module.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "modules/modules.h"
#include "modules/stubs.h"

#if defined(__has_include)
#  if __has_include("modules/stdlib.h")
#    include "modules/stdlib.h"
#    define PVM_HAVE_STDLIB 1
#  endif
#endif

#ifndef PVM_HAVE_STDLIB
#define DECLARE_WEAK(ident, name) Value stub_##ident##_init(void) __attribute__((weak));
PVM_STDLIB_MODULES(DECLARE_WEAK)
#undef DECLARE_WEAK
#endif

typedef struct Entry {
    const char *name;
    StubInit init;              /* NULL: declared but not linked in */
} Entry;

#define ENTRY(ident, name) { name, stub_##ident##_init },
static const Entry table[] = { PVM_BUILTIN_MODULES(ENTRY) };
#undef ENTRY

#define NENTRIES (sizeof table / sizeof table[0])

StubInit stub_lookup(const char *name)
{
    for (size_t i = 0; i < NENTRIES; i++)
        if (table[i].init != NULL && strcmp(table[i].name, name) == 0)
            return table[i].init;
    return NULL;
}

Value stub_module_names(void)
{
    Value list = rt_list_new(NENTRIES);
    for (size_t i = 0; i < NENTRIES; i++)
        if (table[i].init != NULL)
            rt_list_append(list, rt_str_from_cstr(table[i].name));
    /* CPython also lists builtins and the modules compiled into it. */
    rt_list_append(list, rt_str_from_cstr("builtins"));
    rt_list_sort(list, VAL_NULL, false);
    return rt_list_as_tuple(list);
}
