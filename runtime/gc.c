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
 * is planned: see docs/reliability.md, part D).
 *
 * Threads: the collector must know every thread, to scan its stack and to
 * stop it while it marks.  GC_THREADS makes gc.h declare the thread API;
 * threads are created through gc_thread_create (GC_pthread_create), which
 * registers them, and a collection stops the others with signals even
 * while they block in a system call.  Only the thread holding the
 * interpreter lock allocates (vm/thread.h), so the free lists below need
 * no lock of their own.
 */
#define GC_THREADS
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

/* The heap starts at 1 MiB rather than Boehm's 64 KiB: the runtime's own
 * objects (types, their dicts and descriptors, interned names) are about
 * 300 KiB, and growing towards that from 64 KiB cost a full collection
 * during start-up — measured with callgrind on an empty program: 5.36M
 * instructions with the small heap, 4.05M with this. */
void gc_init(void)
{
    GC_INIT();
    GC_expand_hp(1 << 20);
}

/*
 * Small objects (floats, bound methods, iterators, small tuples) are most
 * of what pvm allocates.  Taking them one at a time from GC_MALLOC costs a
 * lock and a thread-local lookup each; instead we take a batch of
 * same-sized objects with GC_malloc_many and hand them out from a free
 * list per size class (16, 32, 48, 64 bytes).  The lists are reachable
 * from this static array, so the collector never frees an object still
 * waiting in them.  Measured on bench/float.py: GC_malloc_kind and its
 * thread-local lookups were a quarter of the run time before this.
 */
#define GRANULE 16
#define SMALL_CLASSES 4

static void *small_free[SMALL_CLASSES];

static void *alloc_small(size_t size)
{
    size_t cls = (size + GRANULE - 1) / GRANULE - 1;
    void *p = small_free[cls];
    if (p == NULL) {
        p = GC_malloc_many((cls + 1) * GRANULE);
        if (p == NULL)
            out_of_memory(size);
    }
    small_free[cls] = GC_NEXT(p);
    GC_NEXT(p) = NULL;                  /* the rest of the object is zeroed */
    return p;
}

void *gc_alloc(size_t size)
{
    if (size - 1 < SMALL_CLASSES * GRANULE)
        return alloc_small(size);
    void *p = GC_MALLOC(size);          /* GC_MALLOC returns zeroed memory */
    if (p == NULL)
        out_of_memory(size);
    return p;
}

/* Pointer-free data.  Blocks of one granule come from the scanned small
 * lists too (a stray double that looks like a pointer only delays a
 * collection of what it seems to point at); larger ones are unscanned. */
void *gc_alloc_atomic(size_t size)
{
    if (size - 1 < GRANULE)
        return alloc_small(size);
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

/* Boehm keeps one finaliser per object: registering a second one replaces
 * the first, so the new one is chained in front of the old. */
typedef struct Chain {
    GC_finalization_proc fn, older;
    void *data, *older_data;
} Chain;

static void run_chain(void *obj, void *data)
{
    Chain *c = data;
    c->fn(obj, c->data);
    c->older(obj, c->older_data);
}

void gc_register_finalizer(void *obj, void (*fn)(void *obj, void *data), void *data)
{
    GC_finalization_proc older = NULL;
    void *older_data = NULL;
    GC_register_finalizer_no_order(obj, fn, data, &older, &older_data);
    if (older == NULL)
        return;
    Chain *c = gc_alloc(sizeof *c);
    *c = (Chain){ fn, older, data, older_data };
    GC_register_finalizer_no_order(obj, run_chain, c, NULL, NULL);
}

bool gc_is_heap(const void *p)
{
    return GC_base((void *)p) == p;
}

void gc_weak_link(uintptr_t *link, const void *obj)
{
    GC_general_register_disappearing_link((void **)link, obj);
}

void gc_weak_unlink(uintptr_t *link)
{
    GC_unregister_disappearing_link((void **)link);
}

void gc_weak_move(uintptr_t *from, uintptr_t *to)
{
    *to = *from;
    if (GC_move_disappearing_link((void **)from, (void **)to) != GC_SUCCESS)
        *to = 0;                        /* the object had already died */
}

/* The stack below the caller holds what earlier, deeper calls left there;
 * the collection's own frames will occupy those words without writing all
 * of them, and a stale pointer in one would keep its object alive.  Zero
 * them first (what Boehm's GC_clear_stack does now and then). */
__attribute__((noinline)) static void clear_stack_below(void)
{
    char words[32 * 1024];
    explicit_bzero(words, sizeof words);
    __asm__ volatile("" : : "r"(words) : "memory");    /* not a dead store */
}

void gc_collect(void)
{
    clear_stack_below();
    GC_gcollect();
    GC_invoke_finalizers();
}

int gc_thread_create(pthread_t *thread, const pthread_attr_t *attr,
                     void *(*start)(void *), void *arg)
{
    return GC_pthread_create(thread, attr, start, arg);
}
