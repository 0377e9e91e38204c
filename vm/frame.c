/*
 * frame.c — the frame stack: frames are carved out of large chunks in
 * last-in first-out order, like CPython 3.11's "data stack".  A chunk is an
 * ordinary scanned GC object, so every Value in a live frame keeps its
 * object alive; chunks are linked so that deep recursion just adds chunks.
 *
 * Why not allocate each frame from the GC heap?  A call is the most
 * frequent allocation a Python program makes (bench/fib.py: 11.4 million),
 * and bumping a pointer in a chunk is a few instructions where a GC
 * allocation is a function call that may start a collection.  The price is
 * the LIFO discipline: a frame that must outlive its call (a generator's)
 * is copied out to the heap by vm_frame_to_heap.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "vm/frame.h"
#include "vm/eval.h"
#include "vm/frameobject.h"

/* 64 KiB per chunk: room for about a thousand ordinary frames.  The
 * collector clears a chunk when it allocates it, so the first chunk is
 * part of every start-up: 512 KiB cost 128 page faults (a tenth of
 * `pvm hello.pyc`'s instructions and a quarter of its page faults). */
#define CHUNK_WORDS (8 * 1024)

typedef FrameChunk Chunk;

/* The top chunk of the running thread's frame stack (each thread has its
 * own: vm/thread.h swaps this pointer).  A global, so scanned by the
 * collector; a thread not running keeps it in its saved state. */
Chunk *vm_frame_chunk;
/* An emptied chunk kept for reuse, by whichever thread needs one next:
 * without it, a call that straddles a chunk boundary inside a loop would
 * allocate a fresh 512 KiB chunk on every iteration and drop it on return. */
static Chunk *spare;

/* The first chunk, the main thread's: a static array, in .bss, which the
 * collector scans as it scans every global.  The kernel gives its pages
 * zeroed as frames first reach them; a chunk from the heap is cleared by
 * the collector when it is allocated, all 16 pages at once, which cost
 * every start-up 16 page faults and 64 KiB of memset. */
static Value first_chunk[(sizeof(Chunk) + sizeof(Value) - 1) / sizeof(Value) + CHUNK_WORDS] GC_LARGE_STATIC;
static bool first_chunk_taken;

static Chunk *chunk_new(size_t words, Chunk *previous)
{
    Chunk *c;
    if (!first_chunk_taken && words == CHUNK_WORDS) {
        first_chunk_taken = true;
        c = (Chunk *)first_chunk;
    } else {
        c = gc_alloc(sizeof(Chunk) + words * sizeof(Value));
    }
    c->previous = previous;
    c->top = c->data;
    c->limit = c->data + words;
    return c;
}

/* vm_frame_alloc when the top chunk is full: the spare chunk, or a new
 * one, becomes the top. */
Frame *vm_frame_alloc_slow(size_t words)
{
    Chunk *top = vm_frame_chunk;
    if (top == NULL || top->top + words > top->limit) {
        size_t size = words > CHUNK_WORDS ? words : CHUNK_WORDS;
        if (spare != NULL && spare->limit - spare->data >= (ssize_t)words) {
            spare->previous = top;
            top = spare;
            spare = NULL;
        } else {
            top = chunk_new(size, top);
        }
        vm_frame_chunk = top;
    }
    Frame *f = (Frame *)top->top;
    top->top += words;
    return f;
}

void vm_frame_pop_slow(Frame *f)
{
    /* A frame at the very start of a chunk: that chunk becomes empty and
     * the previous one the top again (the empty chunk is kept as the
     * spare, an older one is left to the GC). */
    Chunk *top = vm_frame_chunk;
    while (top != NULL && !((Value *)f >= top->data && (Value *)f < top->limit))
        vm_frame_chunk = top = top->previous;
    if (top == NULL)
        return;
    top->top = (Value *)f;
    if (top->top == top->data && top->previous != NULL) {
        spare = top;
        vm_frame_chunk = top->previous;
    }
}

/* Only the live part is copied (header, localsplus, the stack up to sp);
 * the heap frame is a root of nothing: its generator object keeps it. */
Frame *vm_frame_to_heap(const Frame *f, Value *sp)
{
    size_t used = (size_t)(sp - f->localsplus);
    Frame *h = gc_alloc(sizeof(Frame) + f->code->framesize * sizeof(Value));
    memcpy(h, f, sizeof(Frame) + used * sizeof(Value));
    h->sp = h->localsplus + used;
    h->previous = NULL;
    h->entry_c = NULL;
    if (h->obj != NULL) {               /* the frame object follows the frame */
        h->obj->frame = h;
        ((Frame *)f)->obj = NULL;
    }
    return h;
}

/* Zero the words at and above `from` that are not zero already (the pages
 * of the first chunk that no frame ever reached stay untouched). */
static void zero_words(Value *from, const Value *limit)
{
    for (Value *w = from; w < limit; w++)
        if (*w != 0)
            *w = 0;
}

/* Clear the words no frame uses: above the top of every chunk of the
 * running thread's frame stack, and the spare chunk.  Frames popped leave
 * their values there, and the first chunk, a static array, is scanned
 * whole as a root: a list that a returned call last passed as an argument
 * stayed alive until a deeper frame overwrote the word (bench/wordcount.py
 * kept make_text's 16 MB list of words through the whole of the next
 * call).  Run before every collection (gc_set_before_collection): nothing
 * above a chunk's top is read again before it is written. */
static void scrub_free_words(void)
{
    for (Chunk *c = vm_frame_chunk; c != NULL; c = c->previous)
        zero_words(c->top, c->limit);
    if (spare != NULL)
        zero_words(spare->data, spare->limit);
}

void vm_frame_scrub_at_collections(void)
{
    gc_set_before_collection(scrub_free_words);
}

/* Clear the words no frame uses (scrub_free_words), and the running
 * frame's value stack above live_end (when
 * live_end points into it: the arguments of the C function calling this
 * end there).  Popped frames and popped stack slots leave their values
 * behind, which the conservative collector would take for live
 * references; gc.collect() clears them first, so that an object only a
 * returned call or an evaluated expression held is collected (and its
 * weak references cleared) as CPython's reference counting frees it. */
void vm_frame_scrub(const Value *live_end)
{
    scrub_free_words();
    Frame *f = vm_running;
    if (f == NULL)
        return;
    Value *end = f->localsplus + f->code->framesize;
    if (live_end >= frame_stack_base(f) && live_end <= end)
        memset((Value *)live_end, 0, (size_t)(end - live_end) * sizeof(Value));
    /* A caller the loop itself suspended to run a Python callee (the
     * callee is not an entry frame) resumes from its saved stack pointer:
     * the words above it are dead — the arguments it passed, results it
     * consumed (`weakref.ref(q.get())` leaves q.get()'s result there).  A
     * caller whose callee is an entry frame is inside a C call, whose
     * arguments may lie above its saved pointer: it is left alone. */
    for (Frame *callee = f; callee->previous != NULL; callee = callee->previous) {
        Frame *caller = callee->previous;
        Value *top = caller->localsplus + caller->code->framesize;
        if (callee->entry_c == NULL && caller->sp >= frame_stack_base(caller) && caller->sp <= top)
            memset(caller->sp, 0, (size_t)(top - caller->sp) * sizeof(Value));
    }
}

/* Before an exporter's collection (runtime/buffer.h, rt_buffer_clear_dead):
 * what vm_frame_scrub clears, and the running frame's value stack above
 * args + nargs when the loop itself made this call with those operands.
 * Every call the loop makes to C code records its instruction first
 * (frame->instr); a call instruction's operands end at the stack top, and
 * its oparg and the slot below the callable say how many there are
 * (PRECALL_OPERANDS: oparg, plus self when that slot holds a method).  A C
 * function that forwards part of its own arguments ends them lower, fails
 * the test, and the words above, which it may still read, are kept. */
void vm_frame_scrub_call(const Value *args, size_t nargs)
{
    Frame *f = vm_running;
    const Value *live_end = NULL;
    if (f != NULL && args != NULL) {
        const Value *base = frame_stack_base(f), *end = args + nargs;
        size_t oparg = *f->instr >> 8;
        if (args >= base && end <= f->localsplus + f->code->framesize &&
            (size_t)(end - base) >= oparg + 2 &&
            nargs == oparg + (end[-(ptrdiff_t)(oparg + 2)] != rt_Null))
            live_end = end;
    }
    vm_frame_scrub(live_end);
}
