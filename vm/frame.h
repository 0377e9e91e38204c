/*
 * frame.h — activation records of Python code.
 *
 * A frame holds what one running code object needs: its code, globals and
 * builtins, the instruction pointer, and "localsplus" — the local
 * variables, cells and free variables in the order 3.11 numbers them —
 * followed directly by the value stack:
 *
 *     localsplus[0 .. nlocalsplus)       locals, cells, frees
 *     localsplus[nlocalsplus .. + stacksize)   the value stack, growing up
 *
 * Frames live on a stack of large chunks (frame.c): a call pushes one, a
 * return pops it, so calls allocate nothing from the GC heap in the common
 * case.  Python-to-Python calls run in the same C loop (vm/eval.c): the new
 * frame's `previous` points at the caller, and returning resumes it.
 *
 * The exception is the frame of a generator or coroutine, which must
 * outlive the call that created it: RETURN_GENERATOR copies the frame to
 * the GC heap (vm_frame_to_heap) and the generator object owns the copy;
 * such a frame has `gen` set and is never popped from the chunk stack.
 */
#ifndef PVM_FRAME_H
#define PVM_FRAME_H

#include "runtime/object.h"

struct ObjGen;
struct ObjFrame;

typedef struct Frame {
    ObjCode *code;
    ObjFunction *func;          /* NULL for module code */
    Value globals, builtins;
    Value locals;               /* dict for module code (LOAD_NAME), else VAL_NULL */
    struct Frame *previous;     /* the caller */
    /* Saved while the frame is suspended in a call: */
    const uint16_t *instr;      /* the instruction being executed (for lasti) */
    const uint16_t *next_instr; /* where to resume */
    Value *sp;                  /* stack pointer */
    /* NULL, or for the frame a vm_eval call runs first (returning from it
     * leaves that call): a word of the C frame that made the call, above
     * the loop's own (vm_gc_collect). */
    const char *entry_c;
    struct ObjGen *gen;         /* the owning generator (heap frame), or NULL */
    /* The threaded strategy's pre-decoded form of `code` (eval_threaded.c),
     * cached here when that strategy first runs the frame; else NULL. */
    const void *decoded;
    /* Its Python frame object (vm/frameobject.h), made only when asked
     * for (sys._getframe, a traceback, a trace function); else NULL. */
    struct ObjFrame *obj;
    Value localsplus[];
} Frame;

static inline Value *frame_stack_base(Frame *f)
{
    return f->localsplus + f->code->nlocalsplus;
}

/* Index of the instruction the frame is executing, in code units. */
static inline int frame_lasti(const Frame *f)
{
    return (int)(f->instr - f->code->instrs);
}

/* The instruction pointer and stack pointer, as saved and restored by
 * the loop (vm/dispatch.h: SAVE_FRAME, RESTORE_FRAME).  Positions in a
 * frame are always code-unit pointers, whatever the dispatch strategy. */
static inline void frame_save(Frame *f, const uint16_t *instr, int caches, Value *sp)
{
    f->instr = instr;
    f->next_instr = instr + 1 + caches;
    f->sp = sp;
}

static inline const uint16_t *frame_resume_instr(const Frame *f)
{
    return f->next_instr;
}

static inline Value *frame_saved_sp(const Frame *f)
{
    return f->sp;
}

/* A chunk of the frame stack (frame.c): frames are carved from `data`
 * in last-in first-out order, `top` is the first free word. */
typedef struct FrameChunk {
    struct FrameChunk *previous;
    Value *top;
    Value *limit;
    Value data[];
} FrameChunk;

/* The top chunk of the running thread's frame stack (frame.c; swapped
 * between threads, vm/thread.h). */
extern FrameChunk *vm_frame_chunk;

#define FRAME_HEADER_WORDS ((sizeof(Frame) + sizeof(Value) - 1) / sizeof(Value))

/* The words of a new frame for code, its header and locals not yet
 * written: bumped from the top chunk, or (rarely) from a new one. */
Frame *vm_frame_alloc_slow(size_t words);
static inline Frame *vm_frame_alloc(const ObjCode *code)
{
    size_t words = FRAME_HEADER_WORDS + (size_t)code->framesize;
    FrameChunk *top = vm_frame_chunk;
    if (__builtin_expect(top == NULL || top->top + words > top->limit, 0))
        return vm_frame_alloc_slow(words);
    Frame *f = (Frame *)top->top;
    top->top += words;
    return f;
}

/* Every header field of a fresh frame for code (the stores a call makes
 * instead of a memset: the call path's most frequent work). */
static inline void vm_frame_init_header(Frame *f, ObjCode *code)
{
    f->code = code;
    f->func = NULL;
    f->globals = f->builtins = f->locals = VAL_NULL;
    f->previous = NULL;
    f->instr = f->next_instr = code->instrs;
    f->sp = f->localsplus + code->nlocalsplus;
    f->entry_c = NULL;
    f->gen = NULL;
    f->decoded = NULL;
    f->obj = NULL;
}

/* Push a frame for code, its locals cleared.  Pop it again with
 * vm_frame_pop, strictly last-in first-out.  Only the header and the
 * locals are written: the value stack area keeps whatever an earlier
 * frame left there until pushed to (nothing reads it before that; the
 * conservative collector may keep a dead object a little longer). */
static inline Frame *vm_frame_push(ObjCode *code)
{
    Frame *f = vm_frame_alloc(code);
    vm_frame_init_header(f, code);
    for (int i = 0; i < code->nlocalsplus; i++)
        f->localsplus[i] = VAL_NULL;
    return f;
}

/* A frame at the very start of a chunk empties that chunk: the slow path
 * makes the previous chunk the top again. */
void vm_frame_pop_slow(Frame *f);
static inline void vm_frame_pop(Frame *f)
{
    FrameChunk *top = vm_frame_chunk;
    if (__builtin_expect(top != NULL && (Value *)f > top->data && (Value *)f < top->limit, 1))
        top->top = (Value *)f;
    else
        vm_frame_pop_slow(f);
}

/* From now on every collection first zeroes the frame stack's unused
 * words (above each chunk's top). */
void vm_frame_scrub_at_collections(void);

/* Before a forced collection: zero the words no frame uses, and the
 * running frame's value stack above live_end when it points into it. */
void vm_frame_scrub(const Value *live_end);

/* Before a resize checks for views still out (runtime/buffer.h): what
 * vm_frame_scrub clears, and the running frame's value stack above the
 * arguments args[0 .. nargs) when the loop called with exactly those
 * (args NULL: not called with arguments). */
void vm_frame_scrub_call(const Value *args, size_t nargs);

/* A copy of f on the GC heap, including its value stack up to sp: the
 * frame a generator keeps between resumptions. */
Frame *vm_frame_to_heap(const Frame *f, Value *sp);

#endif
