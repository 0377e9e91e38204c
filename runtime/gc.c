/*
 * gc.c — the allocation facade over the Boehm-Demers-Weiser collector.
 *
 * Boehm is a conservative, non-moving, mark-sweep collector: it finds
 * pointers by scanning the stack, registers, static data and every
 * non-atomic heap block.  pvm therefore never frees memory and never keeps
 * reference counts; a Value word on the C stack or in a scanned object is
 * enough to keep its object alive.
 *
 * Heap exhaustion: the Boehm out-of-memory hook returns NULL to us and we
 * report it in one line and exit 1 (MemoryError recovery for huge requests
 * is a later issue's work: see ../shared/RELIABILITY.md, part D).
 */
#include <gc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/gc.h"

static void out_of_memory(size_t size)
{
    fflush(stdout);
    fprintf(stderr, "pvm: out of memory (allocating %zu bytes)\n", size);
    exit(1);
}

void gc_init(void)
{
    GC_INIT();
}

void *gc_alloc(size_t size)
{
    void *p = GC_MALLOC(size);          /* GC_MALLOC returns zeroed memory */
    if (p == NULL)
        out_of_memory(size);
    return p;
}

void *gc_alloc_atomic(size_t size)
{
    void *p = GC_MALLOC_ATOMIC(size);
    if (p == NULL)
        out_of_memory(size);
    return p;
}

void *gc_realloc(void *old, size_t size)
{
    void *p = GC_REALLOC(old, size);
    if (p == NULL && size != 0)
        out_of_memory(size);
    return p;
}

char *gc_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = gc_alloc_atomic(n);
    memcpy(p, s, n);
    return p;
}
