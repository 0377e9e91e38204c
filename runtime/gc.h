/*
 * gc.h — the one allocation facade.  All of pvm's memory comes from here,
 * backed by the Boehm conservative collector: nothing needs freeing by hand
 * (gc_free gives back a block known to be dead, for reuse at once).
 *
 *   gc_alloc         memory the collector scans for pointers (objects that
 *                    hold Values);
 *   gc_alloc_atomic  memory it does not scan (string bytes, float payloads,
 *                    GMP limbs): faster, and never keeps garbage alive;
 *   gc_realloc       grows either kind, keeping its kind.
 *
 * gc_alloc and friends never return NULL: a heap that fills up spends a
 * reserve and asks the loop to raise MemoryError at its next safe point,
 * and only when that too is spent does pvm report and exit (see gc.c).
 * Where the program chooses a size ('x' * n, bytearray(n)), the caller
 * asks gc_size_ok first or uses a gc_try_* form, and raises MemoryError
 * itself.
 */
#ifndef PVM_GC_H
#define PVM_GC_H

#include <stdbool.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

/* For a large zero-initialised static array that start-up touches little
 * or not at all (the first frame chunk, the lookup cache, buffers): placed
 * after every other zero-initialised static (the x86-64 linker script puts
 * .lbss after .bss), so that the small ones start-up writes share a few
 * pages instead of each lying on its own page between two arrays.  Each
 * page first written is a page fault, the costliest step of start-up.
 * GCC only: clang makes a section of that name hold file data. */
#if defined(__x86_64__) && defined(__ELF__) && !defined(__clang__)
#define GC_LARGE_STATIC __attribute__((section(".lbss")))
#else
#define GC_LARGE_STATIC
#endif

void gc_init(void);
void *gc_alloc(size_t size);          /* zeroed */
void *gc_alloc_atomic(size_t size);   /* not zeroed */
/* An object: zeroed and scanned as gc_alloc's, but of a kind of block of
 * its own, which gc_instances_alive walks (rt_alloc_instance: every
 * instance a class written in Python may have). */
void *gc_alloc_instance(size_t size);
/* A block holding one pointer at a place only its owner can tell (a
 * non-ASCII str: its text, then its cached characters' pointer): zeroed,
 * of a kind the collector does not scan word by word.  It asks the
 * function given to gc_set_one_pointer_at where a live block's pointer
 * lies and marks what that points to; the function must answer for every
 * block of the kind, including a zeroed one not yet filled in (runtime/
 * str.c: blocks of the kind are non-ASCII strs and nothing else). */
void *gc_alloc_one_pointer(size_t size);
void *gc_try_alloc_one_pointer(size_t size);         /* NULL instead of failing */
void gc_set_one_pointer_at(void **(*at)(void *block));
void *gc_realloc(void *p, size_t size);
char *gc_strdup(const char *s);
/* Start-up's objects, which live as long as pvm does, packed densely
 * between the two (gc.c, "the start-up regions"); never around the
 * program's own code, whose objects must be able to die. */
void gc_startup_begin(void);
void gc_startup_done(void);
/* Give a block back at once, for reuse by the next allocation of its size,
 * instead of waiting for a collection to find it unreachable.  Only for a
 * block that nothing can reach any more -- no Value, no C pointer held
 * across a call that could free it (a table replaced by a larger one, a
 * buffer grown by copying) -- and never for an object with a finaliser or
 * a weak link.  Freed bytes also count against the collector's pacing:
 * allocation that is given back does not bring the next collection
 * nearer. */
void gc_free(void *p);
/* A static array that holds no pointers (an output buffer, a table of
 * counts): the collector stops scanning it at every collection. */
void gc_exclude_static(void *start, size_t size);
/* A pointer `offset` bytes into any heap block keeps the block alive, as
 * one to its start does (see gc.c, "interior pointers"). */
void gc_recognize_offset(size_t offset);

/* NULL instead of failing (the reserve is not touched). */
void *gc_try_alloc(size_t size);      /* zeroed */
void *gc_try_alloc_atomic(size_t size);
void *gc_try_realloc(void *p, size_t size);
/* A block realloc'd once to its final size (list(iterator)'s array made
 * from its segments): a growth of the heap for it is by its size. */
void *gc_try_realloc_final(void *p, size_t size);
/* A block whose size grows with the program's data (a dict's or a set's
 * table): one of GC_BIG bytes or more comes from gc_try_alloc (NULL: the
 * caller raises MemoryError), since no reserve could cover it; a smaller
 * one from gc_alloc, whose reserve does. */
enum { GC_BIG = 1 << 20 };
static inline void *gc_alloc_growing(size_t size)
{
    return size < GC_BIG ? gc_alloc(size) : gc_try_alloc(size);
}
/* A dict's table grown, as gc_alloc_growing; the caller gives the table
 * it replaces back at once (gc_free), so the heap grows for this one by
 * what it needs, not by a third (gc.c, "a big block's growth"). */
void *gc_alloc_table(size_t size);
/* Could a block of `size` bytes ever be allocated (below the heap limit,
 * ulimit -v, and physical memory plus swap)? */
bool gc_size_ok(size_t size);
/* Could the heap give `count` blocks of `size` bytes now (under a limit:
 * asked of the heap, after a collection if need be)?  For callers that
 * cannot take a failed allocation later (GMP).  count <= 4. */
bool gc_room_for_big(size_t size, unsigned count);
static inline bool gc_room_for(size_t size, unsigned count)
{
    return size * count < GC_BIG || gc_room_for_big(size, count);
}

/* The heap limit (-X heaplimit, PVM_HEAPLIMIT): the heap never grows past
 * `bytes`.  0 (the default): no limit but the system's. */
void gc_set_heap_limit(size_t bytes);
/* Called (from inside an allocation: it may only set flags) when the heap
 * was found full and the reserve was spent to satisfy the allocation; the
 * loop then raises MemoryError and calls gc_memory_error_raised, after
 * which a new reserve is taken once memory is free again. */
void gc_set_exhausted_hook(void (*hook)(void));
void gc_memory_error_raised(void);

/* Call fn(obj, data) once the collector finds obj unreachable (obj must be
 * the start of a gc_alloc block).  fn runs at an allocation inside some
 * unrelated code: it must not run Python code or allocate, only record
 * what to do (gen.c queues generators to close, weakref.c the weak
 * references to clear).  An object may get several finalisers (a
 * generator with weak references has two): they all run, newest first.
 * No ordering among objects. */
void gc_register_finalizer(void *obj, void (*fn)(void *obj, void *data), void *data);
/* Take back fn, registered on obj; others registered on it remain. */
void gc_unregister_finalizer(void *obj, void (*fn)(void *obj, void *data));
/* Whether fn is among the finalisers registered on obj (and not run yet). */
bool gc_has_finalizer(void *obj, void (*fn)(void *obj, void *data));

/* ---- weak links (Boehm's disappearing links), for weak references ----
 * A weak link is a word holding a *hidden* pointer, one the collector does
 * not see (gc_hide), so it does not keep its object alive; once the
 * collector finds the object unreachable it sets the word to 0 (before
 * any finaliser runs).  Only heap objects can be linked (gc_is_heap):
 * static ones (builtin types) never die. */
static inline uintptr_t gc_hide(const void *p) { return ~(uintptr_t)p; }
static inline void *gc_reveal(uintptr_t hidden) { return (void *)~hidden; }
bool gc_is_heap(const void *p);         /* p is the start of a GC heap block */
size_t gc_block_size(const void *p);    /* the bytes of the heap block p starts */
uintptr_t gc_block_word(const void *p, size_t i);      /* its word i, read as the collector does */
void gc_block_grow(void *p, size_t size);       /* its object now takes size <= gc_block_size */
void gc_weak_link(uintptr_t *link, const void *obj);
void gc_weak_unlink(uintptr_t *link);
void gc_weak_move(uintptr_t *from, uintptr_t *to);      /* *to = *from, link moved */

/* A growable array of weak links: it lists objects without keeping them
 * alive (a referent's weak references, every class ever created).  An
 * entry whose object died reads as NULL; adding squeezes such entries
 * out before growing, so the array stays as long as what is alive. */
typedef struct GcWeakArray {
    uintptr_t *links;           /* gc_hide(obj) each, or 0 once it died */
    size_t n, cap;
} GcWeakArray;
void gc_weak_array_add(GcWeakArray *a, const void *obj);
void gc_weak_array_drop(GcWeakArray *a, size_t i);     /* forget entry i */
static inline void *gc_weak_array_get(const GcWeakArray *a, size_t i)
{
    return a->links[i] != 0 ? gc_reveal(a->links[i]) : NULL;
}

/* Call fn as every collection starts, before anything is marked (from
 * inside an allocation, the collector's lock held): it may only clear
 * words that hold nothing live, so that the conservative scan does not
 * take them for references (vm/frame.c: the unused part of the frame
 * stack).  One hook. */
void gc_set_before_collection(void (*fn)(void));
/* A full collection now, then the finalisers it made due (gc.collect()). */
void gc_collect(void);
/* Zero the 32 KiB of stack below the caller's frame: what returned calls
 * left there, which frames made later take without writing all of it, and
 * which the collector would scan as references (gc_collect does it first;
 * runtime/bytes.c before a bytearray's size changes while it is exported). */
void gc_clear_stack_below(void);

/* A collection in which the words of the C stack, from the caller's frame
 * to the stack's bottom (or to `until`, when not NULL: an address in an
 * outer frame), that point into an object `match` accepts do not keep it
 * from being finalised; such an object is kept (never freed by it) and
 * the words are put back after it (gc.c). */
void gc_collect_past_stack(bool (*match)(const void *obj), const void *until);
/* The gc_alloc_instance blocks the last collection found alive for which
 * match(obj, data) holds (read obj's words with gc_block_word; match runs
 * with the collector's lock held: no allocation).  The first `cap` go to
 * out; the count of all is returned.  Exact only when no
 * gc_alloc_instance block was made since that collection (the walk sees
 * only what it marked): call it right after gc_collect. */
size_t gc_instances_alive(bool (*match)(const void *obj, void *data), void *data,
                          void **out, size_t cap);
/* ---- tracing allocations (tracemalloc) ----------------------------------------
 * While a tracer is set, every block the program's allocations get (gc_alloc,
 * gc_alloc_instance, gc_alloc_atomic, the gc_try_* and realloc forms; not the
 * start-up regions' objects, which never die) is reported to `alloc`, and
 * every block that leaves to `free`: one given back by gc_free, or the old
 * block of a realloc (reported before the new one).  The collector frees
 * the others silently: `marked` is called at the end of each collection
 * (the collector's lock held: no allocation there), and a block for which
 * gc_is_marked is false then is garbage (one kept for its finaliser is
 * marked, until the collection after the finaliser ran).  Allocations made inside `alloc`
 * (the tracer's own objects) are not reported.  With no tracer the
 * allocation fast path tests nothing more (the detour flag it tests
 * anyway), the slow ones one pointer. */
typedef struct GcTracer {
    void (*alloc)(void *p, size_t size);
    void (*free)(void *p);
    void (*marked)(void);
} GcTracer;
void gc_set_tracer(const GcTracer *tracer);     /* NULL: none */
/* Whether the heap block p starts survived the collection that has just
 * ended (only inside GcTracer.marked). */
bool gc_is_marked(const void *p);

/* pthread_create for a thread that uses the GC heap: the collector scans
 * its stack (vm/thread.c starts every Python thread through it). */
int gc_thread_create(pthread_t *thread, const pthread_attr_t *attr,
                     void *(*start)(void *), void *arg);

#endif
