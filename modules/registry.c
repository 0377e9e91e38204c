/*
 * registry.c — built-in C modules by name: the list in modules.h turned
 * into a lookup for the import system and into sys.builtin_module_names.
 */
#include <stdlib.h>
#include <string.h>
#include "runtime/runtime.h"
#include "modules/modules.h"
#include "modules/api.h"
#include "runtime/version.h"

typedef struct Entry {
    const char *name;
    ModInit init;
} Entry;

#define ENTRY(ident, name) { name, mod_##ident##_init },
static const Entry table[] = { PVM_BUILTIN_MODULES(ENTRY) };
#undef ENTRY

#define NENTRIES (sizeof table / sizeof table[0])

/* The C modules PEP 594 deprecated and 3.13 removed ("dead batteries"). */
static const char *const removed_in_313[] = {
    "_crypt", "audioop", "nis", "ossaudiodev", "spwd",
};

static bool removed_in_this_version(const char *name)
{
    if (rt_py_minor < 13)
        return false;
    for (size_t i = 0; i < sizeof removed_in_313 / sizeof removed_in_313[0]; i++)
        if (strcmp(name, removed_in_313[i]) == 0)
            return true;
    return false;
}

/* 3.11's modules that 3.12 replaced (_sha256 and _sha512 by _sha2) or
 * 3.13 removed. */
static bool absent_in_this_version(const char *name)
{
    if (rt_py_minor < 12)
        return false;
    if (removed_in_this_version(name))
        return true;
    return strcmp(name, "_sha256") == 0 || strcmp(name, "_sha512") == 0;
}

ModInit mod_lookup(const char *name)
{
    for (size_t i = 0; i < NENTRIES; i++)
        if (strcmp(table[i].name, name) == 0 && !absent_in_this_version(name))
            return table[i].init;
    return NULL;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorted as C strings (the same order as str's for these ASCII names),
 * not as a list of str: rt_list_sort's comparisons cost ~55,000
 * instructions of every start. */
Value mod_module_names(void)
{
    const char *names[NENTRIES + 1];
    size_t n = 0;
    for (size_t i = 0; i < NENTRIES; i++)
        if (!absent_in_this_version(table[i].name))
            names[n++] = table[i].name;
    /* CPython also lists builtins and the modules compiled into it. */
    names[n++] = "builtins";
    qsort(names, n, sizeof names[0], compare_names);
    Value tuple = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++)
        AS_TUPLE(tuple)->items[i] = rt_str_from_cstr(names[i]);
    return tuple;
}
