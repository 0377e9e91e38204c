/*
 * gc.c — the allocation facade over the Boehm-Demers-Weiser collector.
 *
 * Boehm is a conservative, non-moving, mark-sweep collector: it finds
 * pointers by scanning the stack, registers, static data and every
 * non-atomic heap block.  pvm therefore never frees memory and never keeps
 * reference counts; a Value word on the C stack or in a scanned object is
 * enough to keep its object alive.
 *
 * Running out of memory.  CPython raises MemoryError when malloc fails and
 * goes on; pvm does the same in two ways (docs/reliability.md, part D):
 *
 *   - one huge request ('x' * 10**13, bytearray(10**13), [0] * 10**12):
 *     the constructors that take a size from the program ask first
 *     (gc_size_ok: could such a block ever exist?) or allocate with the
 *     gc_try_* functions, which return NULL instead of failing, and raise
 *     MemoryError themselves;
 *   - a heap that fills up little by little (a list that grows forever)
 *     against a limit — `-X heaplimit=SIZE`, PVM_HEAPLIMIT, or `ulimit -v`:
 *     the allocation that finds no room cannot fail (its caller expects
 *     memory), so a reserve block kept for that moment is released, the
 *     allocation succeeds, and the loop raises MemoryError at its next safe
 *     point (gc_set_exhausted_hook; the eval breaker).  Only if the reserve
 *     is spent too does pvm stop with one line, "pvm: out of memory".
 *
 * The sanitizer build (PVM_GC_REDZONES, set by `make fuzz`): AddressSanitizer
 * cannot see inside Boehm's heap, so every block gets 16 more bytes that are
 * poisoned while it is in use; a read or write past the end of any object
 * then stops the fuzzer with a report.
 *
 * Threads: the collector must know every thread, to scan its stack and to
 * stop it while it marks.  GC_THREADS makes gc.h declare the thread API;
 * threads are created through gc_thread_create (GC_pthread_create), which
 * registers them, and a collection stops the others with signals even
 * while they block in a system call.  Only the thread holding the
 * interpreter lock allocates (vm/thread.h), so the free lists below need
 * no lock of their own.
 */
#define _GNU_SOURCE                     /* sched_getaffinity, CPU_COUNT */
#define GC_THREADS
#include <sched.h>
#include <gc.h>
#include <gc/gc_inline.h>               /* GC_generic_malloc_many, GC_I_PTRFREE */
#include <gc/gc_mark.h>                 /* GC_set_start_callback */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <unistd.h>
#include "runtime/gc.h"

#ifdef PVM_GC_REDZONES
#include <sanitizer/asan_interface.h>
#define REDZONE 16
#else
#define REDZONE 0
#endif

/* ---- running out of memory ------------------------------------------------------ */

static size_t heap_limit;               /* 0: none */
static size_t max_heap;                 /* Boehm's maximum heap size as set; 0: none */
static void *reserve;                   /* released when the heap is full */
static size_t reserve_size;
static bool rearm_pending;              /* try to take a new reserve */
static void (*exhausted_hook)(void);

static void out_of_memory(size_t size)
{
    fflush(stdout);
    fprintf(stderr, "pvm: out of memory (allocating %zu bytes)\n", size);
    exit(1);
}

/* Boehm's warnings ("Out of Memory! Returning NULL!", "Repeated allocation
 * of very large block") are for C programmers: the program sees
 * MemoryError, as under CPython. */
static void quiet(char *msg, GC_word arg)
{
    (void)msg, (void)arg;
}

/* The largest block a request could ever get: below the heap limit and the
 * address space limit (ulimit -v), both known from init_limits, and below
 * what Linux's overcommit heuristic would give a malloc (physical memory
 * plus swap).  That last is asked of the kernel only for a request of
 * 16 MiB or more, since no machine has less: most runs never make one, and
 * sysinfo(2) walks the block devices (a system call start-up need not
 * make). */
static size_t limits_bound = SIZE_MAX;
static size_t memory_size;              /* RAM + swap; 0: not asked yet */

bool gc_size_ok(size_t size)
{
    if (size >= limits_bound)
        return false;
    if (size < ((size_t)16 << 20))
        return true;
    if (memory_size == 0) {
        struct sysinfo si;
        memory_size = sysinfo(&si) == 0 ? (size_t)(si.totalram + si.totalswap) * si.mem_unit
                                        : SIZE_MAX;
    }
    return size < memory_size;
}

/* The reserve: 1/16 of the limit, at most 16 MiB.  Kept only when there
 * is a limit to hit (a heap limit or ulimit -v); it is atomic and never
 * touched, so it costs address space, not memory. */
static void take_reserve(void)
{
    reserve = GC_MALLOC_ATOMIC(reserve_size);
    rearm_pending = reserve == NULL;
}

/* Under ulimit -v (`space`, 0: none) the heap must stop short of the address
 * space limit: the collector itself needs room to collect (its mark
 * stack), and so do the C stack, the libraries and the few malloc
 * buffers.  32 MiB plus an eighth of the limit is left for them. */
static size_t address_space_heap(size_t space)
{
    if (space == 0)
        return 0;
    size_t margin = ((size_t)32 << 20) + space / 8;
    return space > 2 * margin ? space - margin : space / 2;
}

/* The effective limit (the smaller of -X heaplimit and ulimit -v's) and,
 * when there is one, the reserve. */
static void init_limits(void)
{
    struct rlimit rl;
    size_t space = getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY
                 ? (size_t)rl.rlim_cur : 0;
    limits_bound = space != 0 ? space : SIZE_MAX;
    if (heap_limit != 0 && heap_limit < limits_bound)
        limits_bound = heap_limit;
    size_t limit = heap_limit, as = address_space_heap(space);
    if (as != 0 && (limit == 0 || as < limit))
        limit = as;
    if (limit == 0)
        return;
    max_heap = limit;
    GC_set_max_heap_size(limit);
    if (reserve != NULL)
        return;
    reserve_size = limit / 16 < ((size_t)16 << 20) ? limit / 16 : (size_t)16 << 20;
    take_reserve();
}

void gc_set_heap_limit(size_t bytes)
{
    heap_limit = bytes;
    init_limits();
}

void gc_set_exhausted_hook(void (*hook)(void))
{
    exhausted_hook = hook;
}

void gc_memory_error_raised(void)
{
    rearm_pending = true;
}

/* An allocation that must succeed found no room: spend the reserve, let
 * the loop know, and try again.  With the reserve spent already (memory
 * ran out again after a MemoryError), a full collection comes first: a
 * failed small-object refill does not always collect. */
static void *after_failure(void *(*alloc)(size_t), size_t size)
{
    if (reserve == NULL) {
        GC_gcollect();
        void *p = alloc(size);
        if (p != NULL)
            return p;
    }
    if (reserve != NULL) {
        GC_FREE(reserve);
        reserve = NULL;
        if (exhausted_hook != NULL)
            exhausted_hook();
        void *p = alloc(size);
        if (p != NULL)
            return p;
    }
    out_of_memory(size);
    return NULL;
}

/* After a MemoryError, a new reserve once memory is free again: tried
 * every 256 large allocations or small-object refills (a failed try costs
 * a collection). */
static void maybe_rearm(void)
{
    static unsigned tick;
    if ((++tick & 255) == 0)
        take_reserve();
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
 *     not every few hundred KiB.  The small ones lie in the start-up
 *     regions (below), outside the heap, which is that much smaller: a
 *     program that fills it writes as many pages as before;
 *   - the collector scans less at each collection: pointer-free objects
 *     come from unscanned blocks (small_atomic_free below) and big
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
#define SCANNED_REGION ((size_t)72 << 10)
#define POINTER_FREE_REGION ((size_t)48 << 10)
#define INITIAL_HEAP (((size_t)3 << 20) - SCANNED_REGION - POINTER_FREE_REGION)
#define FREE_SPACE_DIVISOR 3

/*
 * Boehm weighs pointer-free objects at a quarter when it decides how much
 * may be allocated before the next collection (they are not scanned), but
 * each live one still costs a mark: a program holding 360,000 short
 * strings in a list collected every 5 MiB of new strings, and marking them
 * was two thirds of its time (bench/strings.py's `s += c` loop).  After
 * every collection the floor of that amount is set to the occupied heap
 * (live objects, pointer-free ones at full weight) / LIVE_DIVISOR; it is
 * below Boehm's own figure unless pointer-free data dominates the heap.
 * A sixth, not a quarter: bench/strings.py's heap (41 MB live, most of it
 * pointer-free) then stays at python3.11's peak RSS, 66 MiB instead of 77,
 * for 4.9% more instructions; no other bench program moves (bench/README.md,
 * "the live floor").
 */
#define LIVE_DIVISOR 6

/*
 * Big blocks.  A block of LARGE_BLOCK bytes or more (a join's result, an
 * encoded text, a list's or a dict's table grown) that finds no free run
 * long enough makes Boehm grow the heap, by a third, unless its allowance
 * is spent: even when nearly all of it is, and a collection would free
 * the run.  regex's 3.4 MB join and encode at its end took its heap from
 * 26 to 34 MiB that way.  Once LARGE_SPENT_PERCENT of the allowance has
 * been allocated, a big block is asked for with Boehm's dont_expand set:
 * the heap grows for it only after a collection has run and left no room.
 * It is held for that one allocation: held until the next collection,
 * every later growth waited for a collection too (pickle_io +8%
 * instructions, sorting +12%, where this costs +0.2% and +8%).  Boehm's
 * allowance (it weighs pointer-holding live data twice, pointer-free a
 * quarter) is not exported; the bytes
 * allocated before the last collection it started by itself stand for
 * it, or the floor below when that is larger.
 */
#define LARGE_BLOCK ((size_t)256 << 10)
#define LARGE_SPENT_PERCENT 50

static size_t allowance_seen;           /* allocated before the last collection */
static size_t large_spent_limit = SIZE_MAX;
static bool expansion_held;             /* dont_expand set for a big block */

static void drop_unscanned_lists(void);
static void tails_at_collection(void);
static void trace_marked(void);
static void (*before_collection)(void);

void gc_set_before_collection(void (*fn)(void))
{
    before_collection = fn;
}

static void on_collection_event(GC_EventType event)
{
    if (event == GC_EVENT_START && before_collection != NULL)
        before_collection();
    if (event == GC_EVENT_START)
        tails_at_collection();
    if (event == GC_EVENT_START && !expansion_held)
        allowance_seen = GC_get_bytes_since_gc();
    if (event == GC_EVENT_MARK_END)
        drop_unscanned_lists();
    if (event != GC_EVENT_RECLAIM_END)      /* empty blocks are free by now */
        return;
    trace_marked();
    size_t heap = GC_get_heap_size(), free_bytes = GC_get_free_bytes();
    size_t occupied = heap > free_bytes ? heap - free_bytes : 0;
    size_t floor = occupied / LIVE_DIVISOR > 0 ? occupied / LIVE_DIVISOR : 1;
    GC_set_min_bytes_allocd(floor);
    size_t allowance = allowance_seen > floor ? allowance_seen : floor;
    large_spent_limit = allowance / 100 * LARGE_SPENT_PERCENT;
}

/*
 * A big block's growth.  A block that finds no free run makes Boehm grow
 * the heap by a third of it plus the block, at most GROWTH_STEP (its
 * MAXHINCR, 2048 blocks): once the heap is past ~20 MiB that is 8 MiB,
 * whatever the block.  records' last growth was such a step for one
 * 2.3 MB str, right after a collection that had left 7.6 MiB free but in
 * runs of a few blocks (bench/README.md, h-census); the small objects
 * after it then write the step's pages.  So, for a pointer-free big block
 * (fresh, or realloc'd from a pointer-free one) whose growth would be
 * that step, Boehm's maximum heap size is set to the heap plus the block
 * plus GROWTH_SLACK while it is allocated: the step is refused and Boehm
 * falls back to growing by what the block needs.  records' peak RSS
 * drops by 3-5 MiB, for 3 more collections (24 to 27).  Left alone
 *   - heaps below that size: capping there (h-bimodal-cap, h-pace2's BIG)
 *     moved every later growth and made regex, json_io and records
 *     collect more often;
 *   - pointer blocks (lists' and dicts' tables): a table grown in steps
 *     would grow the heap at each, the old runs left behind (strings +8.6
 *     MiB), and sorting's fresh 1.7 MB lists +2.2 MiB (bench/README.md,
 *     h-grow).
 * Two pointer blocks are capped all the same:
 *   - a table that takes its final size in one step, asked through
 *     gc_try_realloc_final: list(iterator)'s array made from its segments
 *     (list.c), the 1.9 MB of json.dumps(indent=2)'s chunks, which took
 *     json_io's heap from 31 to 39 MiB in some runs (h-json4);
 *   - at every heap size, a dict's table grown (gc_alloc_table), whose old
 *     table dict_resize gives back at once, when it is at most
 *     1/TABLE_SHARE of the heap.  regex's `bytes_by_ip` table (589 KB,
 *     then 1.31 MB) grew its heap from 14.7 to 20.2 MiB, a third at a
 *     time, among log lines that left no run that long; capped, by 0.6 and
 *     1.3 MiB, and its peak RSS drops from 32.4 to 28.7 MiB, for 40
 *     collections instead of 33.  A table that is a good part of the heap
 *     is left to Boehm's step: a dict filled with a million ints, each
 *     table capped, ended at 85 MiB instead of 73 (its old tables' runs
 *     too short for the next, where the third's slack next to them made
 *     them long enough) (h-regex3).
 */
#define GROWTH_STEP ((size_t)8 << 20)
#define GROWTH_SLACK ((size_t)64 << 10)
#define TABLE_SHARE 8

static bool growth_capped;              /* max heap size set for a big block */
static bool table_growth;               /* gc_alloc_table's block */

static size_t heap_bytes(void)
{
    return GC_get_heap_size() + GC_get_unmapped_bytes();
}

/* Cap the growth for a block of `size` bytes if Boehm's would be larger
 * than `step`.  Never for a block of GROWTH_STEP or more: for that one
 * Boehm grows the heap by what it needs plus a margin for black-listed
 * blocks already, and a cap without the margin can leave the new run
 * unusable (a black-listed block inside it), the retry then finding no
 * room for a second one under ulimit -v (a 153.6 MB bytes in a 512 MiB
 * address space: pvm: out of memory instead of MemoryError). */
static void cap_growth(size_t size, size_t step)
{
    size_t heap = heap_bytes();
    if (size >= GROWTH_STEP || heap / FREE_SPACE_DIVISOR + size <= step)
        return;
    size_t cap = heap + size + GROWTH_SLACK;
    if (max_heap != 0 && cap >= max_heap)
        return;
    GC_set_max_heap_size(cap);
    growth_capped = true;
}

static void lift_growth_cap(void)
{
    if (growth_capped) {
        GC_set_max_heap_size(max_heap);     /* 0: none */
        growth_capped = false;
    }
}

/* Before a big block is allocated (see LARGE_BLOCK); `pointer_free`:
 * its growth may be capped. */
static void before_large_block(size_t size, bool pointer_free)
{
    if (size < LARGE_BLOCK)
        return;
    if (!expansion_held && GC_get_bytes_since_gc() >= large_spent_limit) {
        GC_set_dont_expand(1);
        expansion_held = true;
    }
    if (pointer_free)
        cap_growth(size, GROWTH_STEP);
    else if (table_growth && size <= heap_bytes() / TABLE_SHARE)
        cap_growth(size, 0);
}

/* After it: the heap may grow again without a collection first. */
static void *after_large_block(void *p)
{
    if (expansion_held) {
        GC_set_dont_expand(0);
        expansion_held = false;
    }
    lift_growth_cap();
    return p;
}

/*
 * Blocks of a page or more are taken "ignore off page": the free run Boehm
 * gives one then needs only its first page clear of the black list (the
 * free pages some word on the stack or in scanned data points into, which
 * Boehm keeps objects off, lest that word hold them), not every page.  A
 * big block needs a long run, and one stray word spoils a run for it: a
 * 64 MiB int under `ulimit -v 512M` found no run in a heap with three
 * times that free, and raised MemoryError in 1 run in 20 (ASLR decides
 * where the stray words point).  The condition, a pointer to the block's
 * first page kept while it lives, is pvm's rule anyway: with interior
 * pointers off, a block is kept by its start or a registered payload
 * offset (gc_recognize_offset), all in the first page.  Smaller blocks
 * keep Boehm's thread-local path (its _ignore_off_page forms lock).
 */
#define OFF_PAGE_FROM ((size_t)4096)

static int instance_kind;

static void *malloc_kind(size_t size, int kind)
{
    if (size >= OFF_PAGE_FROM)
        return GC_generic_malloc_ignore_off_page(size, kind);
    if (kind == GC_I_PTRFREE)
        return GC_MALLOC_ATOMIC(size);
    if (kind == GC_I_NORMAL)
        return GC_MALLOC(size);
    return GC_generic_malloc(size, kind);
}

/* A batch of objects of one size and kind, linked through their first
 * words (the small lists' refill, below). */
static void *malloc_many_kind(size_t size, int kind)
{
    void *p = NULL;
    GC_generic_malloc_many(size, kind, &p);
    return p;
}

static void *malloc_scanned(size_t size) { return malloc_kind(size, GC_I_NORMAL); }
static void *malloc_atomic(size_t size) { return malloc_kind(size, GC_I_PTRFREE); }

/* gc_alloc_instance's blocks: scanned and zeroed as gc_alloc's, but of a
 * kind of their own (gc_init makes it), so that a walk over the heap can
 * tell an object from any other block (gc_instances_alive). */
static void *malloc_instance(size_t size) { return malloc_kind(size, instance_kind); }

static void *malloc_many_instance(size_t size) { return malloc_many_kind(size, instance_kind); }

/* gc_alloc_one_pointer's blocks: zeroed, of a kind whose marking is a
 * procedure (mark_one_pointer) that asks the runtime where the block's one
 * pointer lies and marks only what it points to, instead of taking every
 * word of the block for a possible pointer (a non-ASCII str's text: a
 * 2,000-character one is 500 words to test at every collection). */
static int one_pointer_kind;
static void **(*one_pointer_at)(void *block);

static struct GC_ms_entry *mark_one_pointer(GC_word *block, struct GC_ms_entry *top,
                                            struct GC_ms_entry *limit, GC_word env)
{
    (void)env;
    void **at = one_pointer_at(block);
    return GC_MARK_AND_PUSH(*at, top, limit, at);
}

static void *malloc_one_pointer(size_t size) { return malloc_kind(size, one_pointer_kind); }

static void *malloc_many_one_pointer(size_t size)
{
    return malloc_many_kind(size, one_pointer_kind);
}

void gc_set_one_pointer_at(void **(*at)(void *block))
{
    one_pointer_at = at;
}

/* A fresh big block: should a capped growth fail (the run it was given
 * black-listed), the block is asked for again with the cap lifted. */
static void *large_block(void *(*alloc)(size_t), size_t size)
{
    before_large_block(size, alloc == malloc_atomic);
    void *p = alloc(size + REDZONE);
    if (p == NULL && growth_capped) {
        lift_growth_cap();
        p = alloc(size + REDZONE);
    }
    return after_large_block(p);
}

#ifdef __GLIBC__
extern void *__libc_stack_end;
#endif

/*
 * Pages start-up is known to write, made present up front.  The first
 * write to a page is a page fault (the kernel gives a zeroed page, or a
 * private copy of the executable's); on the virtual machine pvm is
 * measured on a fault costs ~10 us, most of it the hypervisor's, and
 * `pvm hello.pyc` took ~300 of them.  madvise(MADV_POPULATE_WRITE)
 * (Linux 5.14) makes a range present in one call, at a fraction of that
 * per page.  Start-up writes
 *   - the first STARTUP_HEAP bytes of the heap: the collector hands out
 *     its first blocks from the start of the heap, and start-up's bigger
 *     objects (the intern table, the standard streams' buffers, builtins'
 *     and sys's dicts; the small ones are in the start-up regions, below)
 *     and a small program's first ones fill ~50 of them;
 *   - most of .data, where the ~170 static types it readies lie;
 *   - the start-up regions (below), where its small objects go;
 *   - the STARTUP_STACK bytes of stack below gc_init's frame: allocating,
 *     the collector clears the stack below its frame (GC_clear_stack: no
 *     stale pointer there may keep garbage alive), pages no frame has
 *     reached yet.
 * Where the call is unknown or fails, the pages fault in one by one as
 * before.  The rest of .bss (the collector's own tables, the frame stack's
 * first chunk, libgc's scratch arrays) is left to fault in as it is
 * written: made present whole, it was ~60 pages a program that never
 * writes them still carried (peak RSS +0.2 MiB on every small program),
 * and leaving it costs 20 more page faults but no measurable start-up
 * time (bench/README.md, "populating .bss").
 */
#define STARTUP_HEAP ((size_t)256 << 10)
#define STARTUP_STACK ((size_t)32 << 10)

#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
static void populate(void *start, size_t size)
{
    uintptr_t page = (uintptr_t)getpagesize();
    uintptr_t lo = (uintptr_t)start & ~(page - 1);
    uintptr_t hi = ((uintptr_t)start + size + page - 1) & ~(page - 1);
    madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE);
}

extern char __data_start[], _edata[];   /* the linker's: .data's bounds */

static void populate_static_pages(void)
{
    populate(__data_start, (size_t)(_edata - __data_start));
    uintptr_t frame = (uintptr_t)__builtin_frame_address(0);
    populate((void *)(frame - STARTUP_STACK), STARTUP_STACK);
}

static void populate_heap_start(void *first)
{
    populate(first, STARTUP_HEAP);
}
#else
static inline void populate(void *start, size_t size) { (void)start; (void)size; }
static void populate_static_pages(void) {}
static void populate_heap_start(void *first) { (void)first; }
#endif

/*
 * The heap's first STARTUP_HEAP bytes made present and cut into free runs
 * of their own.  Boehm keeps free runs in 60 lists by length and,
 * for a new block, tries the list of the length asked for and then every
 * longer one: after GC_expand_hp the whole heap is one run in the last
 * list, so each of start-up's ~70 new blocks walked all 60 lists (~150,000
 * instructions, 9% of `pvm hello.pyc`).  Runs of STARTUP_RUN bytes (31
 * blocks: up to 32 each length has a list of its own) stop that walk at
 * list 31, and sooner as a run is cut down.  Each run is made by
 * allocating it (pointer-free and large: a block of its own, not cleared)
 * and the block after it, then giving the run back: the block after it, a
 * fence, keeps it from merging with its neighbours again.  The fences are
 * garbage at once; the first collection frees them.  The first run is
 * the heap's first free block, where the populated part starts.
 */
#define STARTUP_RUN ((size_t)124 << 10)
#define FENCE ((size_t)4 << 10)

static void split_heap_start(void)
{
    enum { RUNS = STARTUP_HEAP / (STARTUP_RUN + FENCE) };
    void *runs[RUNS];
    int made = 0;
    while (made < RUNS) {
        void *run = GC_MALLOC_ATOMIC(STARTUP_RUN);
        if (run == NULL)
            break;
        /* Before the collector writes the ends of the others (an object
         * of its own has its first and last words cleared). */
        if (made == 0)
            populate_heap_start(run);
        runs[made++] = run;
        (void)GC_MALLOC_ATOMIC(FENCE);
    }
    for (int i = 0; i < made; i++)
        GC_FREE(runs[i]);
}

static void stress_init(void);
static void regions_init(void);

void gc_init(void)
{
    populate_static_pages();
#ifdef __GLIBC__
    /* The main thread's stack ends where glibc's start-up code left it
     * (what Boehm itself uses where it has no pthread_getattr_np).  Told
     * so, GC_init does not ask pthread_getattr_np, which reads and parses
     * /proc/self/maps: ~165,000 instructions, 4% of `pvm hello.pyc`. */
    struct GC_stack_base main_stack = { .mem_base = __libc_stack_end };
    GC_set_stackbottom(NULL, &main_stack);
#endif
    GC_set_dont_precollect(1);
#ifdef __linux__
    /* Boehm counts the processors (whether its locks spin; how many
     * marker threads it starts, where it is built to mark in parallel,
     * which pvm's own libgc is not: Makefile, "the collector") by reading
     * /proc/stat, whose kernel side sums every CPU's and every
     * interrupt's counters: ~30 us, 2% of `pvm hello.pyc`.  It takes the
     * count from GC_NPROCS instead when that is set; so, unless the user
     * set it, it is set for GC_INIT to the processors this process may run
     * on (one system call), and taken away again before anything reads the
     * environment. */
    cpu_set_t cpus;
    bool count_told = getenv("GC_NPROCS") == NULL &&
                      sched_getaffinity(0, sizeof cpus, &cpus) == 0;
    if (count_told) {
        char count[16];
        snprintf(count, sizeof count, "%d", CPU_COUNT(&cpus));
        setenv("GC_NPROCS", count, 1);
    }
#endif
    /* Interior pointers.  By default Boehm takes a pointer anywhere inside
     * a block (or one past its end) for a reference to the block, and so
     * pads every scanned request by a byte: a 32-byte tuple takes a 48-byte
     * block.  pvm turns that off: a block is kept by a pointer to its start
     * or to one of the offsets registered with gc_recognize_offset (the
     * payloads of str, bytes, tuple and small list, rt_init).  C code must
     * therefore keep an object's Value, not only a cursor into it, while it
     * allocates; PVM_GC_STRESS (below) is how that is checked, and
     * PVM_GC_INTERIOR=1 brings Boehm's default back.  Measured in
     * bench/README.md, "GC stress mode and interior pointers (h-stress)". */
    const char *interior = getenv("PVM_GC_INTERIOR");
    GC_set_all_interior_pointers(interior != NULL && atoi(interior) != 0);
    GC_INIT();
#ifdef __linux__
    if (count_told)
        unsetenv("GC_NPROCS");
#endif
    GC_set_free_space_divisor(FREE_SPACE_DIVISOR);
    GC_set_on_collection_event(on_collection_event);
    GC_expand_hp(INITIAL_HEAP);
    /* After the heap is made: GC_new_free_list allocates, and before
     * GC_expand_hp Boehm grew a heap section of its own for it (16 more
     * page faults for `pvm hello.pyc`). */
    instance_kind = (int)GC_new_kind(GC_new_free_list(), GC_DS_LENGTH, 1, 1);
    one_pointer_kind = (int)GC_new_kind(GC_new_free_list(),
                                        GC_MAKE_PROC(GC_new_proc(mark_one_pointer), 0), 0, 1);
    split_heap_start();
    regions_init();
    GC_set_warn_proc(quiet);
    /* At the heap limit an allocation may find Boehm growing the heap
     * rather than collecting: one full collection before it gives up, so
     * that what the program let go of (a list dropped after MemoryError)
     * makes room. */
    GC_set_max_retries(1);
    init_limits();
    stress_init();
}

void gc_recognize_offset(size_t offset)
{
    GC_register_displacement(offset);
}

void gc_exclude_static(void *start, size_t size)
{
    GC_exclude_static_roots(start, (char *)start + size);
}

/* ---- the sanitizer build's redzones --------------------------------------------- */

/* A block of `size` bytes the caller asked for, inside one of size +
 * REDZONE: the tail is poisoned, the rest made addressable (the block may
 * have been another object's redzone before the collector recycled it). */
static void *guard(void *p, size_t size)
{
#ifdef PVM_GC_REDZONES
    if (p != NULL) {
        ASAN_UNPOISON_MEMORY_REGION(p, size);
        ASAN_POISON_MEMORY_REGION((char *)p + size, REDZONE);
    }
#else
    (void)size;
#endif
    return p;
}

/* ---- the stress mode ------------------------------------------------------------ */

/*
 * PVM_GC_STRESS=N: a full collection at every Nth allocation, whatever
 * path it takes (gc_alloc, gc_alloc_atomic, the gc_try_* forms,
 * gc_realloc), and pointer-free blocks handed out filled with a pattern
 * instead of whatever they held.  A pointer the collector cannot see —
 * only a cursor into an object whose start no word holds any more, a
 * block reached only through memory it does not scan — then lets its
 * block be reclaimed within N allocations and handed out again, and the
 * stale reader sees another object's bytes instead of the right ones by
 * luck; `make gcstress` runs goldens so.  Each block it hands out also
 * carries a guarded tail (below).  Unset, it costs one predictable branch
 * per allocation: stress_countdown stays 0.
 */
static unsigned long stress_every;      /* N; 0: off */
static unsigned long stress_countdown;  /* allocations until the next collection */
static bool alloc_detour;               /* the stress mode, a start-up region or a tracer on */
static bool alloc_watched;              /* the stress mode or a tracer on */
static const GcTracer *tracer;          /* gc_set_tracer's (below, "tracing allocations") */

#define STRESS_FILL 0xa5                /* what a new pointer-free block holds */

__attribute__((noinline, cold)) static void stress_tick(void)
{
    if (--stress_countdown == 0) {
        stress_countdown = stress_every;
        GC_gcollect();
    }
}

static inline void stress(void)
{
    if (__builtin_expect(stress_countdown != 0, 0))
        stress_tick();
}

/*
 * The stress mode's tail guards.  Each block it hands out is TAIL_GUARD
 * bytes longer than asked, those bytes set to STRESS_FILL, and the tails
 * of the last GUARDED such blocks are checked at every allocation and at
 * the start of every collection: a write past an object's end (an array
 * filled past the count it was allocated for) stops the run there, naming
 * the block, instead of damaging a neighbour found much later.  (The
 * finaliser queue's batch once took four more entries than it was sized
 * for, zeroing the header of the class next to it: test_xmlrpc's SIGSEGV,
 * 1 run in 35.)  The record holds the blocks complemented, so it keeps
 * none alive, and is emptied at each collection, which may free them; a
 * block given back (gc_free, a realloc) or grown into its slack
 * (gc_block_grow) leaves it.
 */
#define TAIL_GUARD 16
#define GUARDED 64

typedef struct Guarded {
    uintptr_t hidden;                   /* the block's address, complemented; 0: none */
    size_t size;                        /* what was asked: the tail starts there */
} Guarded;

static Guarded guarded[GUARDED];
static unsigned guarded_next;

static void tails_check(void)
{
    for (unsigned i = 0; i < GUARDED; i++) {
        if (guarded[i].hidden == 0)
            continue;
        const unsigned char *p = (const unsigned char *)~guarded[i].hidden;
        for (size_t j = 0; j < TAIL_GUARD; j++)
            if (p[guarded[i].size + j] != STRESS_FILL) {
                fprintf(stderr, "pvm: PVM_GC_STRESS: the block of %zu bytes at %p was "
                        "written past its end\n", guarded[i].size, (const void *)p);
                abort();
            }
    }
}

/* At a collection's start: checked, then forgotten (they may be freed). */
static void tails_at_collection(void)
{
    if (stress_every == 0)
        return;
    tails_check();
    memset(guarded, 0, sizeof guarded);
}

/* p leaves the record (a no-op outside the stress mode). */
static void tails_forget(const void *p)
{
    if (stress_every == 0)
        return;
    for (unsigned i = 0; i < GUARDED; i++)
        if (guarded[i].hidden == ~(uintptr_t)p)
            guarded[i].hidden = 0;
}

/* A block of size + TAIL_GUARD bytes from self, its tail set and kept. */
static void *tail_guarded(void *(*self)(size_t), size_t size)
{
    tails_check();
    unsigned char *p = self(size + TAIL_GUARD);
    if (p == NULL)
        return NULL;
    memset(p + size, STRESS_FILL, TAIL_GUARD);
    guarded[guarded_next] = (Guarded){ ~(uintptr_t)p, size };
    guarded_next = (guarded_next + 1) % GUARDED;
    return p;
}

/* A pointer-free block as a fresh one would be under the stress mode. */
static inline void *stress_fill(void *p, size_t size)
{
    if (__builtin_expect(stress_countdown != 0, 0) && p != NULL)
        memset(p, STRESS_FILL, size);
    return p;
}

/* gc_try_realloc under the stress mode: the block always moves (Boehm's
 * GC_REALLOC moves it only when it outgrows its size class), and the old
 * one is filled with the pattern and given back at once, so that a pointer
 * still into the old block (a cursor kept across an append) reads garbage
 * at once instead of stale but right values. */
static void *stress_realloc(void *old, size_t size)
{
    if (old == NULL)
        return GC_MALLOC(size);
    size_t old_size;
    int kind = GC_get_kind_and_size(old, &old_size);
    void *p = GC_generic_malloc(size, kind);
    if (p == NULL)
        return NULL;
    memcpy(p, old, old_size < size ? old_size : size);
    memset(old, STRESS_FILL, old_size);
    tails_forget(old);
    GC_FREE(old);
    return p;
}

static void stress_init(void)
{
    const char *n = getenv("PVM_GC_STRESS");
    if (n != NULL)
        stress_every = stress_countdown = strtoul(n, NULL, 10);
    if (stress_every != 0)
        alloc_detour = alloc_watched = true;
}

/* ---- allocation ---------------------------------------------------------------- */

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
#define SMALL_CLASSES 16

static void *small_free[SMALL_CLASSES];
static void *small_instance_free[SMALL_CLASSES];       /* gc_alloc_instance's */
static void *small_atomic_free[SMALL_CLASSES];
static void *small_one_pointer_free[SMALL_CLASSES];     /* gc_alloc_one_pointer's */

/* The first object of the list at *head, taken off it (`zeroed`: the
 * link, the only word of it that is not zero, cleared). */
static inline void *take_small(void **head, size_t size, bool zeroed)
{
    void *p = *head;
#ifdef PVM_GC_REDZONES
    ASAN_UNPOISON_MEMORY_REGION(p, sizeof(void *));
#endif
    *head = GC_NEXT(p);
    if (zeroed)
        GC_NEXT(p) = NULL;
    return guard(p, size);
}

/* An empty list's new batch, from `many`, (cls + 1) * GRANULE bytes each;
 * its first object taken.  Out of line, and reached by a tail call: the
 * path that finds an object on its list calls nothing, so it saves none of
 * its caller's registers on the stack.  Such a save is a copy of whatever
 * the caller held there, left below the caller's frame when gc_alloc
 * returns; a later call's frame that takes the slot without writing it
 * makes the collector keep that object as long as the frame lives. */
__attribute__((noinline)) static void *refill_small(void **lists, void *(*many)(size_t),
                                                    size_t cls, size_t size, bool zeroed)
{
    if (rearm_pending)
        maybe_rearm();
    void *p = many((cls + 1) * GRANULE);
    if (p == NULL)
        p = after_failure(many, (cls + 1) * GRANULE);
    lists[cls] = p;
    return take_small(&lists[cls], size, zeroed);
}

/* From one of the lists small_free, small_instance_free,
 * small_one_pointer_free and small_atomic_free (below), `many` refilling
 * it (zeroed: all but the atomic). */
static inline void *alloc_small(void **lists, void *(*many)(size_t), size_t size, bool zeroed)
{
    size_t cls = (size + REDZONE + GRANULE - 1) / GRANULE - 1;
    if (__builtin_expect(lists[cls] == NULL, 0))
        return refill_small(lists, many, cls, size, zeroed);
    return take_small(&lists[cls], size, zeroed);
}

/* The same for pointer-free objects (floats, complex numbers), from
 * blocks the collector never scans.  One difference: the collector does
 * not follow the links of a pointer-free list (they are inside objects it
 * does not scan), so it would reclaim all but the first object of a list
 * while the list still holds them.  Instead the lists are dropped when a
 * collection has marked (drop_unscanned_lists, on GC_EVENT_MARK_END): what
 * was left in them is garbage to that collection, and the next allocation
 * takes a fresh batch.  Not at the start of the collection: in Boehm's
 * generational mode a partial collection calls no start callback, and
 * in its incremental mode the program allocates while marking goes on;
 * either way objects still on a list were swept and handed out twice. */
static void *malloc_many_atomic(size_t size) { return malloc_many_kind(size, GC_I_PTRFREE); }

/* gc_alloc_one_pointer's lists likewise: the collector reads one word of
 * each object on them, never the link. */
static void drop_unscanned_lists(void)
{
    memset(small_atomic_free, 0, sizeof small_atomic_free);
    memset(small_one_pointer_free, 0, sizeof small_one_pointer_free);
}

/* ---- the start-up regions -------------------------------------------------------- */

/*
 * What start-up allocates, packed densely.  Boehm gives every size class
 * and kind a 4 KiB block of its own, built whole into a free list: the
 * names, type dicts, builtins and sys that start-up makes spread over ~45
 * blocks in ~40 classes, most of each block written and little of it
 * used, and each page first written is start-up's costliest step
 * (bench/README.md, "start-up seventh round").  Between gc_startup_begin
 * and gc_startup_done (tools/main.c: before rt_init, after sys.path is
 * set) objects up to REGION_LARGEST bytes are carved one after the other
 * from two regions instead, one for objects that hold pointers and one
 * for pointer-free ones: ~24 pages for `pvm hello.pyc`'s ~96 KB (60 KB
 * and 36 KB), against ~45 blocks.  Full, a region hands over to the heap.
 *
 * The regions are static arrays in .bss (zero, and made present at start
 * with the rest of it), outside the heap: the collector scans the pointer
 * one as a root, so what its objects point to stays alive, and not the
 * pointer-free one (gc_exclude_static).  Their objects are never freed:
 * the collector knows them no more than it knows the static types, and
 * they are treated as those are: gc_is_heap says no (weak references
 * treat them as immortal), finalisers and weak links are not registered
 * for them, gc_free leaves them alone, gc_realloc moves them out.  A
 * pointer to one costs a collection nothing (outside the heap, rejected
 * at once), where in a heap block of its own it was an object to mark:
 * records' collections mark 1.0 M instructions' worth less.  The
 * program's own objects never come from a region (they must be able to
 * die): they are closed before any of its code runs.  A bit per granule
 * marks where each object starts, for its size (gc_block_size,
 * gc_realloc).  Measured in bench/README.md, "start-up, ninth round".
 */
#ifndef PVM_GC_REDZONES
#define REGION_LARGEST ((size_t)2048)   /* bigger ones: tables that grow */

typedef struct Region {
    char *base;
    size_t bytes;
    size_t top;                         /* granules carved */
    uint64_t starts[SCANNED_REGION / GRANULE / 64];     /* the larger one */
} Region;
_Static_assert(POINTER_FREE_REGION <= SCANNED_REGION, "Region.starts too short");

static char scanned_region[SCANNED_REGION] __attribute__((aligned(GRANULE)));
static char pointer_free_region[POINTER_FREE_REGION] __attribute__((aligned(GRANULE)));
static Region regions[2] = {            /* indexed by "pointer-free" */
    { scanned_region, sizeof scanned_region },
    { pointer_free_region, sizeof pointer_free_region },
};
static bool region_open;

static inline Region *region_of(const void *p)
{
    for (int i = 0; i < 2; i++)
        if ((uintptr_t)p - (uintptr_t)regions[i].base < regions[i].bytes)
            return &regions[i];
    return NULL;
}

static inline bool in_region(const void *p)
{
    return region_of(p) != NULL;
}

static void regions_init(void)
{
    populate(scanned_region, sizeof scanned_region);
    populate(pointer_free_region, sizeof pointer_free_region);
    gc_exclude_static(pointer_free_region, sizeof pointer_free_region);
}

static void *region_alloc(size_t size, bool atomic)
{
    Region *r = &regions[atomic];
    size_t n = (size + GRANULE - 1) / GRANULE;
    if (size - 1 >= REGION_LARGEST || n > r->bytes / GRANULE - r->top)
        return NULL;
    size_t at = r->top;
    r->starts[at / 64] |= (uint64_t)1 << (at % 64);
    r->top += n;
    return r->base + at * GRANULE;
}

/* The bytes of the region object p starts: up to the next one's start. */
static size_t region_size(const Region *r, const void *p)
{
    size_t at = (size_t)((const char *)p - r->base) / GRANULE, i = at + 1;
    while (i < r->top && !(r->starts[i / 64] >> (i % 64) & 1))
        i++;
    return (i - at) * GRANULE;
}

/* A region object (or none: NULL) grown or shrunk: a new one of its kind,
 * from the region while it is open, else from the heap, its bytes copied;
 * the region keeps the old one. */
static void *region_move(void *old, size_t size)
{
    const Region *r = region_of(old);
    size_t old_size = r != NULL ? region_size(r, old) : 0;
    void *p = r == &regions[1] ? gc_try_alloc_atomic(size) : gc_try_alloc(size);
    if (p != NULL)
        memcpy(p, old, old_size < size ? old_size : size);
    return p;
}

/* A new object from a region: NULL when they are closed, its region is
 * full, or the object too big for it. */
static inline void *region_try(size_t size, bool atomic)
{
    return __builtin_expect(region_open, 0) ? region_alloc(size, atomic) : NULL;
}

void gc_startup_begin(void)
{
    region_open = alloc_detour = true;
}

void gc_startup_done(void)
{
    region_open = false;
    alloc_detour = alloc_watched;
}
#else
typedef struct Region Region;
static const bool region_open = false;
static inline Region *region_of(const void *p) { (void)p; return NULL; }
static inline bool in_region(const void *p) { (void)p; return false; }
static inline size_t region_size(const Region *r, const void *p) { (void)r; (void)p; return 0; }
static inline void *region_move(void *old, size_t size) { (void)old; (void)size; return NULL; }
static void regions_init(void) {}
static inline void *region_try(size_t size, bool atomic) { (void)size; (void)atomic; return NULL; }
void gc_startup_begin(void) {}
void gc_startup_done(void) {}
#endif

/* ---- tracing allocations ---------------------------------------------------------- */

/*
 * gc_set_tracer (gc.h): tracemalloc's view of the heap.  The allocation
 * fast path pays nothing for it: a tracer sets alloc_detour, the flag the
 * path tests anyway for the stress mode and the start-up regions, so that
 * while tracing every small allocation takes detour_alloc, which reports
 * it.  The slow paths (the gc_try_* forms, realloc, gc_free) test
 * `tracer` themselves.  `tracing` is set while the tracer runs: what it
 * allocates for itself is not reported.
 */
static bool tracing;

__attribute__((noinline, cold)) static void report_new(void *p, size_t size)
{
    if (tracing || p == NULL || in_region(p))
        return;
    tracing = true;
    tracer->alloc(p, size);
    tracing = false;
}

__attribute__((noinline, cold)) static void report_gone(void *p)
{
    if (tracing || p == NULL)
        return;
    tracing = true;
    tracer->free(p);
    tracing = false;
}

/* One load and a branch when no tracer is set (start-up's allocations
 * take detour_alloc too, while the start-up regions are open). */
static inline void trace_new(void *p, size_t size)
{
    if (__builtin_expect(tracer != NULL, 0))
        report_new(p, size);
}

static inline void trace_gone(void *p)
{
    if (__builtin_expect(tracer != NULL, 0))
        report_gone(p);
}

static void trace_marked(void)
{
    if (tracer != NULL)
        tracer->marked();
}

void gc_set_tracer(const GcTracer *t)
{
    tracer = t;
    alloc_watched = stress_every != 0 || tracer != NULL;
    alloc_detour = alloc_watched || region_open;
}

/* Asked at the end of the collection's sweep (GC_EVENT_RECLAIM_END), not
 * when marking ends: by then the collector has also marked what waits
 * for its finaliser (an unclosed file, whose ResourceWarning's traceback
 * tracemalloc gives), and the mark bits of the blocks it keeps stay until
 * the next collection (the sweep of a kept block is lazy).  A block it
 * freed whole is no block any more (GC_base says so) and has no mark bit
 * to ask. */
bool gc_is_marked(const void *p)
{
    return GC_base((void *)p) == p && GC_is_marked(p);
}

/* A detoured block from `self` under the stress mode (its tail guarded)
 * or a tracer (reported). */
__attribute__((noinline)) static void *watched_alloc(void *(*self)(size_t), size_t size)
{
    void *p = stress_every != 0 ? tail_guarded(self, size) : self(size);
    trace_new(p, size);
    return p;
}

/* gc_alloc, gc_alloc_instance and gc_alloc_atomic (`self`) off their fast
 * path, for the stress mode (the tick; the pattern in a pointer-free block),
 * while a start-up region is open (the region first: an instance in the
 * scanned one, as no class written in Python has instances yet) and while
 * a tracer is set.  The hot paths pay one test of alloc_detour for all
 * three, not one per step; start-up's allocations that miss the regions
 * one test of alloc_watched for the other two. */
__attribute__((noinline, cold)) static void *detour_alloc(void *(*self)(size_t), size_t size)
{
    bool atomic = self == gc_alloc_atomic;
    if (stress_countdown != 0)
        stress_tick();
    void *p = region_try(size, atomic);
    if (p == NULL) {
        alloc_detour = false;
        p = __builtin_expect(alloc_watched, 0) ? watched_alloc(self, size) : self(size);
        alloc_detour = true;
    }
    return atomic ? stress_fill(p, size) : p;
}

/* A block too big for the small lists, from malloc_scanned,
 * malloc_instance or malloc_atomic. */
static void *alloc_large(void *(*alloc)(size_t), size_t size)
{
    if (rearm_pending)
        maybe_rearm();
    void *p = large_block(alloc, size);
    if (p == NULL)
        p = after_failure(alloc, size + REDZONE);
    return guard(p, size);
}

/* gc_alloc, gc_alloc_instance and gc_alloc_atomic (`self`): the small
 * lists, or a block of its own from `large`. */
__attribute__((always_inline)) static inline void *
alloc_from(void *(*self)(size_t), void **lists, void *(*many)(size_t), bool zeroed,
           void *(*large)(size_t), size_t size)
{
    if (__builtin_expect(alloc_detour, 0))
        return detour_alloc(self, size);
    if (size - 1 < SMALL_CLASSES * GRANULE - REDZONE)
        return alloc_small(lists, many, size, zeroed);
    return alloc_large(large, size);
}

void *gc_alloc(size_t size)                                 /* zeroed */
{
    return alloc_from(gc_alloc, small_free, GC_malloc_many, true, malloc_scanned, size);
}

void *gc_alloc_instance(size_t size)                        /* zeroed */
{
    return alloc_from(gc_alloc_instance, small_instance_free, malloc_many_instance, true,
                      malloc_instance, size);
}

void *gc_alloc_one_pointer(size_t size)                     /* zeroed */
{
    return alloc_from(gc_alloc_one_pointer, small_one_pointer_free, malloc_many_one_pointer, true,
                      malloc_one_pointer, size);
}

/* Pointer-free data (not zeroed). */
void *gc_alloc_atomic(size_t size)
{
    return alloc_from(gc_alloc_atomic, small_atomic_free, malloc_many_atomic, false,
                      malloc_atomic, size);
}

void *gc_realloc(void *old, size_t size)
{
    void *p = gc_try_realloc(old, size);
    if (p == NULL && size != 0) {
        if (reserve == NULL)
            out_of_memory(size);
        GC_FREE(reserve);
        reserve = NULL;
        if (exhausted_hook != NULL)
            exhausted_hook();
        p = gc_try_realloc(old, size);
        if (p == NULL)
            out_of_memory(size);
    }
    return p;
}

void *gc_alloc_table(size_t size)
{
    table_growth = true;
    void *p = gc_alloc_growing(size);
    table_growth = false;
    return p;
}

/* The fallible forms: NULL when the heap cannot give `size` bytes (the
 * caller raises MemoryError); the reserve is left alone. */
/* gc_try_alloc and gc_try_alloc_one_pointer: zeroed blocks from `alloc`. */
static void *try_alloc_zeroed(void *(*alloc)(size_t), size_t size)
{
    if (!gc_size_ok(size))
        return NULL;
    stress();
    void *r = region_try(size, false);
    if (r != NULL)
        return r;
    void *p = guard(large_block(alloc, size), size);
    trace_new(p, size);
    return p;
}

void *gc_try_alloc(size_t size)
{
    return try_alloc_zeroed(malloc_scanned, size);
}

void *gc_try_alloc_one_pointer(size_t size)
{
    return try_alloc_zeroed(malloc_one_pointer, size);
}

void *gc_try_alloc_atomic(size_t size)
{
    if (!gc_size_ok(size))
        return NULL;
    stress();
    void *r = region_try(size, true);
    if (r != NULL)
        return stress_fill(r, size);
    void *p = stress_fill(guard(large_block(malloc_atomic, size), size), size);
    trace_new(p, size);
    return p;
}

/* GC_REALLOC, but a block that moves to one of a page or more is taken
 * as malloc_kind takes it (GC_REALLOC's own would be black-list bound).
 * GC_REALLOC keeps a block in place while the size fits: a large one (past
 * half a page) up to the end of its last page. */
static void *realloc_block(void *old, size_t size)
{
    if (old == NULL)
        return malloc_scanned(size);
    size_t old_size;
    int kind = GC_get_kind_and_size(old, &old_size);
    size_t room = old_size > OFF_PAGE_FROM / 2
                ? (old_size + OFF_PAGE_FROM - 1) & ~(OFF_PAGE_FROM - 1) : old_size;
    if (size <= room || size < OFF_PAGE_FROM)
        return GC_REALLOC(old, size);
    void *p = malloc_kind(size, kind);
    if (p != NULL) {
        memcpy(p, old, old_size);
        GC_FREE(old);
    }
    return p;
}

/* A realloc's new block `p` (NULL: failed, old still held) reported. */
static void *traced_realloc(void *old, void *p, size_t size)
{
    if (__builtin_expect(tracer != NULL, 0) && p != NULL) {
        report_gone(old);
        report_new(p, size);
    }
    return p;
}

/* `final`: the block reaches its last size in this one step (no later
 * step will find the heap full after a capped growth), so its growth may
 * be capped as a pointer-free block's is. */
static void *try_realloc(void *old, size_t size, bool final)
{
    if (!gc_size_ok(size))
        return NULL;
    if (in_region(old) || (old == NULL && region_open))
        return region_move(old, size);
    stress();
#ifdef PVM_GC_REDZONES
    /* GC_REALLOC copies the old block whole, redzone included: make it
     * readable first (Boehm itself is not instrumented, but be exact). */
    if (old != NULL)
        ASAN_UNPOISON_MEMORY_REGION(old, GC_size(old));
#endif
    if (__builtin_expect(stress_countdown != 0, 0))
        return traced_realloc(old, guard(stress_realloc(old, size + REDZONE), size), size);
    bool pointer_free = size >= LARGE_BLOCK && old != NULL &&
                        GC_get_kind_and_size(old, NULL) == GC_I_PTRFREE;
    before_large_block(size, pointer_free || final);
    void *p = realloc_block(old, size + REDZONE);
    if (p == NULL && growth_capped) {         /* as large_block */
        lift_growth_cap();
        p = realloc_block(old, size + REDZONE);
    }
    return traced_realloc(old, guard(after_large_block(p), size), size);
}

void *gc_try_realloc(void *old, size_t size)
{
    return try_realloc(old, size, false);
}

void *gc_try_realloc_final(void *old, size_t size)
{
    return try_realloc(old, size, true);
}

/* Room for `count` blocks of `size` bytes now (count <= ROOM_BLOCKS),
 * asked by a caller that cannot take a failed allocation later: GMP, whose
 * allocation functions must not return NULL (runtime/int.c).  With no
 * limit (neither a heap limit nor ulimit -v) it is always yes, as before;
 * a request below GC_BIG is the reserve's to cover.  Otherwise the heap
 * itself is asked: the blocks are allocated and given back at once, so
 * the heap has grown for them (or holds free runs of them) when the
 * caller's own come.  Separate blocks, not one of their sum: GMP's
 * result and its temporary are separate, and a heap grown in sections
 * may hold two free runs where it has no room for one twice as long.
 * A heap full of garbage must not refuse: when the blocks are not found,
 * a full collection comes first and they are asked for again. */
#define ROOM_BLOCKS 4

static bool take_blocks(size_t size, unsigned count)
{
    void *p[ROOM_BLOCKS];
    unsigned got = 0;
    while (got < count && (p[got] = large_block(malloc_atomic, size)) != NULL)
        got++;
    for (unsigned i = 0; i < got; i++)
        GC_FREE(p[i]);
    return got == count;
}

bool gc_room_for_big(size_t size, unsigned count)
{
    if (max_heap == 0)
        return true;
    if (count > ROOM_BLOCKS)
        count = ROOM_BLOCKS;
    if (!gc_size_ok(size) || !gc_size_ok(size * count))
        return false;
    if (take_blocks(size, count))
        return true;
    GC_gcollect();
    return take_blocks(size, count);
}

/* Boehm's GC_free, with the sanitizer build's view of the block kept:
 * the whole block is poisoned until it is handed out again (guard).  Its
 * size is asked before: a large block freed is merged with the free pages
 * around it, and the header GC_size reads may be gone (the fuzzer found
 * GC_size faulting there, a dict's table given back by dict_resize). */
void gc_free(void *p)
{
    if (p == NULL || in_region(p))
        return;
    tails_forget(p);
    trace_gone(p);
#ifdef PVM_GC_REDZONES
    size_t size = GC_size(p);
    ASAN_UNPOISON_MEMORY_REGION(p, size);
#endif
    GC_FREE(p);
#ifdef PVM_GC_REDZONES
    ASAN_POISON_MEMORY_REGION(p, size);
#endif
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
    if (in_region(obj))
        return;                         /* it never dies */
    GC_finalization_proc older = NULL;
    void *older_data = NULL;
    GC_register_finalizer_no_order(obj, fn, data, &older, &older_data);
    if (older == NULL)
        return;
    Chain *c = gc_alloc(sizeof *c);
    *c = (Chain){ fn, older, data, older_data };
    GC_register_finalizer_no_order(obj, run_chain, c, NULL, NULL);
}

void gc_unregister_finalizer(void *obj, void (*fn)(void *obj, void *data))
{
    GC_finalization_proc older = NULL;
    void *older_data = NULL;
    GC_register_finalizer_no_order(obj, NULL, NULL, &older, &older_data);
    if (older != NULL && older != (GC_finalization_proc)fn)
        GC_register_finalizer_no_order(obj, older, older_data, NULL, NULL);    /* a chain */
}

bool gc_has_finalizer(void *obj, void (*fn)(void *obj, void *data))
{
    GC_finalization_proc older = NULL;
    void *older_data = NULL;
    GC_register_finalizer_no_order(obj, NULL, NULL, &older, &older_data);
    if (older != NULL)
        GC_register_finalizer_no_order(obj, older, older_data, NULL, NULL);    /* put back */
    while (older == run_chain) {
        const Chain *c = older_data;
        if (c->fn == (GC_finalization_proc)fn)
            return true;
        older = c->older;
        older_data = c->older_data;
    }
    return older == (GC_finalization_proc)fn;
}

bool gc_is_heap(const void *p)
{
    return !in_region(p) && GC_base((void *)p) == p;
}

size_t gc_block_size(const void *p)
{
    const Region *r = region_of(p);
    if (r != NULL)
        return region_size(r, p);
    return GC_size(p) - REDZONE;
}

/* The object p starts now takes `size` bytes of its block, at most
 * gc_block_size(p) (an owned str appended to in place): the sanitizer
 * build moves the redzone behind them. */
void gc_block_grow(void *p, size_t size)
{
    tails_forget(p);
    guard(p, size);
}

/* Word i of the heap block p starts (i < gc_block_size(p) / word), for a
 * conservative scan of an object whose layout the caller does not know
 * (runtime/finalize.c).  Past the object's own bytes lie the block's slack
 * and, in the sanitizer build, its redzone: the collector's bytes, which
 * it reads when it marks.  ASan is told that this read is the collector's
 * (the mutants under ASan reported the finaliser's scan there). */
#ifdef PVM_GC_REDZONES
__attribute__((no_sanitize("address")))
#endif
uintptr_t gc_block_word(const void *p, size_t i)
{
    return ((const uintptr_t *)p)[i];
}

void gc_weak_link(uintptr_t *link, const void *obj)
{
    if (in_region(obj))
        return;                         /* it never dies */
    GC_general_register_disappearing_link((void **)link, obj);
}

void gc_weak_unlink(uintptr_t *link)
{
    GC_unregister_disappearing_link((void **)link);
}

void gc_weak_move(uintptr_t *from, uintptr_t *to)
{
    *to = *from;
    if (*from != 0 && in_region(gc_reveal(*from)))
        return;
    if (GC_move_disappearing_link((void **)from, (void **)to) != GC_SUCCESS)
        *to = 0;                        /* the object had already died */
}

/* Squeeze out the entries whose objects died, into an array of `cap`
 * (the same one when cap is unchanged): each surviving link moves. */
static void weak_array_compact(GcWeakArray *a, size_t cap)
{
    uintptr_t *to = cap == a->cap ? a->links : gc_alloc(cap * sizeof(uintptr_t));
    size_t n = 0;
    for (size_t i = 0; i < a->n; i++) {
        if (a->links[i] == 0)
            continue;
        if (&to[n] != &a->links[i]) {
            gc_weak_move(&a->links[i], &to[n]);
            a->links[i] = 0;
        }
        n += to[n] != 0;
    }
    a->links = to;
    a->cap = cap;
    a->n = n;
}

void gc_weak_array_add(GcWeakArray *a, const void *obj)
{
    if (a->n == a->cap) {
        weak_array_compact(a, a->cap);
        if (a->n * 2 >= a->cap)
            weak_array_compact(a, a->cap ? a->cap * 2 : 4);
    }
    a->links[a->n] = gc_hide(obj);
    gc_weak_link(&a->links[a->n], obj);
    a->n++;
}

void gc_weak_array_drop(GcWeakArray *a, size_t i)
{
    if (a->links[i] != 0) {
        gc_weak_unlink(&a->links[i]);
        a->links[i] = 0;
    }
}

/* The stack below the caller holds what earlier, deeper calls left there;
 * the collection's own frames will occupy those words without writing all
 * of them, and a stale pointer in one would keep its object alive.  Zero
 * them first (what Boehm's GC_clear_stack does now and then). */
__attribute__((noinline)) void gc_clear_stack_below(void)
{
    char words[32 * 1024];
    explicit_bzero(words, sizeof words);
    __asm__ volatile("" : : "r"(words) : "memory");    /* not a dead store */
}

void gc_collect(void)
{
    gc_clear_stack_below();
    GC_gcollect();
    GC_invoke_finalizers();
}

/* ---- a collection past some words of the C stack -------------------------------------- */

/* The words gc_collect_past_stack set aside: where each was and what it
 * held, and the objects it gave a finaliser for the collection; in
 * malloc'ed memory, which the collector does not scan. */
typedef struct AsideWord {
    void **where;
    void *held;
} AsideWord;

typedef struct Aside {
    AsideWord *words;
    void **kept;
    size_t n, cap, nkept, capkept;
} Aside;

static void aside_noop(void *obj, void *data)
{
    (void)obj;
    (void)data;
}

/* Room for one more of n items of `size` bytes in *list (doubled). */
static bool aside_room(void *list, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return true;
    size_t more = *cap ? *cap * 2 : 64;
    void *grown = realloc(*(void **)list, more * size);
    if (grown == NULL)
        return false;
    *(void **)list = grown;
    *cap = more;
    return true;
}

/* Zero the words from the caller's frame to the bottom of the stack that
 * point into an object `match` accepts, keeping them in *a.  Each such
 * object without a finaliser gets one that does nothing, for the
 * collection: if nothing else holds it, it is queued and kept (what it
 * points to with it) rather than freed, since a word set aside may be a
 * live reference; only the finalisers' decisions change. */
#ifdef PVM_GC_REDZONES
__attribute__((no_sanitize("address")))     /* it reads every word of the C stack */
#endif
__attribute__((noinline)) static void stack_set_aside(bool (*match)(const void *obj),
                                                     const void *until, Aside *a)
{
    struct GC_stack_base sb;
    if (GC_get_my_stackbottom(&sb) == NULL || sb.mem_base == NULL)
        return;
    void **lo = (void **)__builtin_frame_address(0) + 2;  /* past the saved frame pointer and return address */
    void **hi = until != NULL && (const char *)until < (const char *)sb.mem_base
              ? (void **)until : (void **)sb.mem_base;
    for (void **w = lo; w < hi; w++) {
        void *base = GC_base(*w);
        if (base == NULL || !match(base))
            continue;
        if (!aside_room(&a->words, a->n, &a->cap, sizeof *a->words) ||
            !aside_room(&a->kept, a->nkept, &a->capkept, sizeof *a->kept))
            return;
        GC_finalization_proc older = NULL;
        void *older_data = NULL;
        GC_register_finalizer_no_order(base, aside_noop, NULL, &older, &older_data);
        if (older != NULL)
            GC_register_finalizer_no_order(base, older, older_data, NULL, NULL);
        else
            a->kept[a->nkept++] = base;
        a->words[a->n++] = (AsideWord){ w, *w };
        *w = NULL;
    }
}

/* The words stack_set_aside zeroed, put back.  Like it, unchecked in the
 * sanitizer build: a word may lie in a redzone of a live frame's array. */
#ifdef PVM_GC_REDZONES
__attribute__((no_sanitize("address")))
#endif
static void stack_put_back(const Aside *a)
{
    for (size_t i = a->n; i-- > 0;)
        *a->words[i].where = a->words[i].held;
}

/* A collection (gc_collect) in which the words of the C stack, from the
 * caller's frame to the stack's bottom, that point into an object `match`
 * accepts do not keep it from being finalised: they are zeroed for the
 * collection and put back after it.  Such an object is never freed by it
 * (stack_set_aside): a word of a live frame still finds it.  For
 * rt_buffer_exported: a dropped memoryview whose address lingers in a live
 * C frame (the loop's registers, a frame between the loop and the method)
 * gives its export back.  The callee-saved registers (which the collector
 * scans too) are pushed into the stack first, where the set-aside looks at
 * them with the rest, and zeroed: gc_collect_past_stack below. */
__attribute__((used, noinline, visibility("hidden")))
void gc_collect_past_stack_inner(bool (*match)(const void *obj), const void *until)
{
    Aside a = {0};
    stack_set_aside(match, until, &a);
    gc_clear_stack_below();
    GC_gcollect();
    stack_put_back(&a);
    for (size_t i = 0; i < a.nkept; i++)
        gc_unregister_finalizer(a.kept[i], aside_noop);
    free(a.words);
    free(a.kept);
    GC_invoke_finalizers();
}

#if defined(__x86_64__) && defined(__ELF__)
/* gc_collect_past_stack(match, until) on x86-64: push the six callee-saved
 * registers, zero them, call the above (its arguments in %rdi and %rsi,
 * untouched), restore them.  A trampoline in
 * assembly, not an asm statement that clobbers them inside a C function:
 * a compiler that keeps a frame pointer (-O0, -fno-omit-frame-pointer)
 * refuses a clobbered %rbp, and %rbp is where an optimised caller may
 * keep a view (bench/README.md, h-del3).  Six pushes and the return
 * address: 8 bytes more to align the stack for the call. */
__asm__(
    "    .text\n"
    "    .globl gc_collect_past_stack\n"
    "    .type gc_collect_past_stack, @function\n"
    "gc_collect_past_stack:\n"
    "    .cfi_startproc\n"
    "    pushq %rbx\n    .cfi_adjust_cfa_offset 8\n"
    "    pushq %rbp\n    .cfi_adjust_cfa_offset 8\n"
    "    pushq %r12\n    .cfi_adjust_cfa_offset 8\n"
    "    pushq %r13\n    .cfi_adjust_cfa_offset 8\n"
    "    pushq %r14\n    .cfi_adjust_cfa_offset 8\n"
    "    pushq %r15\n    .cfi_adjust_cfa_offset 8\n"
    "    subq $8, %rsp\n    .cfi_adjust_cfa_offset 8\n"
    "    xorl %ebx, %ebx\n    xorl %ebp, %ebp\n    xorl %r12d, %r12d\n"
    "    xorl %r13d, %r13d\n    xorl %r14d, %r14d\n    xorl %r15d, %r15d\n"
    "    call gc_collect_past_stack_inner\n"
    "    addq $8, %rsp\n    .cfi_adjust_cfa_offset -8\n"
    "    popq %r15\n    .cfi_adjust_cfa_offset -8\n"
    "    popq %r14\n    .cfi_adjust_cfa_offset -8\n"
    "    popq %r13\n    .cfi_adjust_cfa_offset -8\n"
    "    popq %r12\n    .cfi_adjust_cfa_offset -8\n"
    "    popq %rbp\n    .cfi_adjust_cfa_offset -8\n"
    "    popq %rbx\n    .cfi_adjust_cfa_offset -8\n"
    "    ret\n"
    "    .cfi_endproc\n"
    "    .size gc_collect_past_stack, .-gc_collect_past_stack\n");
#else
void gc_collect_past_stack(bool (*match)(const void *obj), const void *until)
{
    gc_collect_past_stack_inner(match, until);
}
#endif

/* A walk over what the last collection marked: Boehm's enumeration of the
 * marked blocks, each one of instance_kind passed to `match` and, if it
 * matches, put in `out` while there is room.  Called with the collector's
 * lock held: no allocation. */
typedef struct InstanceWalk {
    bool (*match)(const void *obj, void *data);
    void *data;
    void **out;
    size_t cap, n;
} InstanceWalk;

static void GC_CALLBACK visit_marked(void *p, size_t bytes, void *data)
{
    (void)bytes;
    InstanceWalk *w = data;
    if (GC_get_kind_and_size(p, NULL) != instance_kind || !w->match(p, w->data))
        return;
    if (w->n < w->cap)
        w->out[w->n] = p;
    w->n++;
}

static void *walk_marked(void *data)
{
    GC_enumerate_reachable_objects_inner(visit_marked, data);
    return NULL;
}

size_t gc_instances_alive(bool (*match)(const void *obj, void *data), void *data,
                          void **out, size_t cap)
{
    InstanceWalk w = { match, data, out, cap, 0 };
    GC_call_with_alloc_lock(walk_marked, &w);
    return w.n;
}

int gc_thread_create(pthread_t *thread, const pthread_attr_t *attr,
                     void *(*start)(void *), void *arg)
{
    return GC_pthread_create(thread, attr, start, arg);
}
