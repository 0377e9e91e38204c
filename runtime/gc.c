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
#include <gc/gc_inline.h>               /* GC_generic_malloc_many, GC_I_PTRFREE */
#include <gc/gc_mark.h>                 /* GC_set_start_callback */
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

/*
 * Pacing.  Boehm collects when the bytes allocated since the last
 * collection reach (what it must scan) / free_space_divisor, and grows the
 * heap only when a collection frees too little.  Its defaults (a 64 KiB
 * heap, divisor 3) suit a small C program; a Python program allocates a
 * float, a bound method or a frame per few instructions, so with them a
 * ray tracer whose live data is under 1 MiB collected 1,054 times.
 *
 *   - the heap starts at INITIAL_HEAP: start-up's own objects (types, their
 *     dicts, interned names: ~300 KiB) fit without a collection, and a
 *     program with little live data collects every MiB or so allocated,
 *     not every few hundred KiB;
 *   - the collector scans less at each collection: pointer-free objects
 *     come from unscanned blocks (alloc_small_atomic below) and big
 *     pointer-free static arrays are not roots (gc_exclude_static);
 *   - no collection inside GC_INIT (Boehm's "pre-collection", which only
 *     primes its black list of false pointers): 2 ms of start-up.
 *
 * Chosen by measurement (bench/README.md, "Heap pacing"): a 3 MiB heap with
 * Boehm's divisor of 3 runs within 2% of the instructions of a 4 MiB heap
 * with a divisor of 2, and keeps peak RSS under python3.11's on the small
 * programs; a divisor of 2 grew a generator-heavy program's heap by a third,
 * and 8 MiB saves little more and costs its size on every run.
 */
#define INITIAL_HEAP ((size_t)3 << 20)
#define FREE_SPACE_DIVISOR 3

static void drop_atomic_lists(void);

void gc_init(void)
{
    GC_set_dont_precollect(1);
    GC_INIT();
    GC_set_free_space_divisor(FREE_SPACE_DIVISOR);
    GC_set_start_callback(drop_atomic_lists);
    GC_expand_hp(INITIAL_HEAP);
}

void gc_exclude_static(void *start, size_t size)
{
    GC_exclude_static_roots(start, (char *)start + size);
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
static void *small_atomic_free[SMALL_CLASSES];

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

/* The same for pointer-free objects (floats, complex numbers), from
 * blocks the collector never scans.  One difference: the collector does
 * not follow the links of a pointer-free list (they are inside objects it
 * does not scan), so it would reclaim all but the first object of a list
 * while the list still holds them.  Instead the lists are dropped when a
 * collection starts (drop_atomic_lists, Boehm's start callback): what was
 * left in them is garbage to that collection, and the next allocation
 * takes a fresh batch. */
static void *alloc_small_atomic(size_t size)
{
    size_t cls = (size + GRANULE - 1) / GRANULE - 1;
    void *p = small_atomic_free[cls];
    if (p == NULL) {
        GC_generic_malloc_many((cls + 1) * GRANULE, GC_I_PTRFREE, &p);
        if (p == NULL)
            out_of_memory(size);
    }
    small_atomic_free[cls] = GC_NEXT(p);
    return p;
}

static void drop_atomic_lists(void)
{
    memset(small_atomic_free, 0, sizeof small_atomic_free);
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

/* Pointer-free data (not zeroed). */
void *gc_alloc_atomic(size_t size)
{
    if (size - 1 < SMALL_CLASSES * GRANULE)
        return alloc_small_atomic(size);
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
