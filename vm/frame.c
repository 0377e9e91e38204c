/*
 * frame.c — the frame stack: frames are carved out of large chunks in
 * last-in first-out order, like CPython 3.11's "data stack".  A chunk is an
 * ordinary scanned GC object, so every Value in a live frame keeps its
 * object alive; chunks are linked so that deep recursion just adds chunks.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "vm/frame.h"

#define CHUNK_WORDS (64 * 1024)

typedef struct Chunk {
    struct Chunk *previous;
    Value *top;                 /* first free word */
    Value *limit;
    Value data[];
} Chunk;

static Chunk *current;          /* static: scanned by the collector */
static Chunk *spare;            /* an emptied chunk kept for reuse */

static Chunk *chunk_new(size_t words, Chunk *previous)
{
    Chunk *c = gc_alloc(sizeof(Chunk) + words * sizeof(Value));
    c->previous = previous;
    c->top = c->data;
    c->limit = c->data + words;
    return c;
}

Frame *vm_frame_push(ObjCode *code)
{
    size_t words = (sizeof(Frame) + sizeof(Value) - 1) / sizeof(Value) + code->framesize;
    if (current == NULL || current->top + words > current->limit) {
        size_t size = words > CHUNK_WORDS ? words : CHUNK_WORDS;
        if (spare != NULL && spare->limit - spare->data >= (ssize_t)words) {
            spare->previous = current;
            current = spare;
            spare = NULL;
        } else {
            current = chunk_new(size, current);
        }
    }
    Frame *f = (Frame *)current->top;
    current->top += words;
    memset(f, 0, sizeof(Frame) + code->nlocalsplus * sizeof(Value));
    f->code = code;
    f->instr = f->next_instr = code->instrs;
    f->sp = f->localsplus + code->nlocalsplus;
    return f;
}

void vm_frame_pop(Frame *f)
{
    /* A frame at the very start of a chunk: that chunk becomes empty and
     * the previous one current again (the empty chunk is left to the GC). */
    while (current != NULL && !((Value *)f >= current->data && (Value *)f < current->limit))
        current = current->previous;
    if (current != NULL) {
        current->top = (Value *)f;
        if (current->top == current->data && current->previous != NULL) {
            spare = current;
            current = current->previous;
        }
    }
}

Frame *vm_frame_to_heap(const Frame *f, Value *sp)
{
    size_t used = (size_t)(sp - f->localsplus);
    Frame *h = gc_alloc(sizeof(Frame) + f->code->framesize * sizeof(Value));
    memcpy(h, f, sizeof(Frame) + used * sizeof(Value));
    h->sp = h->localsplus + used;
    h->previous = NULL;
    h->is_entry = false;
    return h;
}
