/*
 * gen.h — generators, coroutines and async generators: the objects that
 * keep a suspended Python frame.
 *
 * A function whose code has CO_GENERATOR, CO_COROUTINE or
 * CO_ASYNC_GENERATOR starts with RETURN_GENERATOR: the eval loop copies the
 * new frame to the GC heap and returns a generator object owning it
 * (rt_gen_new).  Each next()/send()/throw() resumes that frame in the eval
 * loop (vm_gen_resume) until it yields (YIELD_VALUE), returns or raises.
 *
 * gen.c implements CPython 3.11's Objects/genobject.c semantics: the
 * send/throw/close protocol, delegation through `yield from` / `await`,
 * StopIteration carrying the return value, PEP 479 (StopIteration escaping a
 * generator becomes RuntimeError), and the messages CPython prints.
 *
 * gen.c resumes frames through the VM (vm_gen_resume), and asks it where a
 * suspended frame stands (vm_gen_delegate): it never reads bytecode
 * itself.
 */
#ifndef PVM_GEN_H
#define PVM_GEN_H

#include "runtime/object.h"

/* The exceptions being handled (sys.exc_info()) form a stack, as in
 * CPython (exc_info): the bottom entry belongs to the thread, and each
 * running generator pushes its own, so an `except` block suspended by a
 * `yield` keeps its exception while the generator is away.  The handled
 * exception is the topmost entry that is not None.  The VM keeps the
 * stack (vm_exc_info in vm/eval.h): PUSH_EXC_INFO and POP_EXCEPT work on
 * its top entry. */
typedef struct RtExcState {
    Value exc;                          /* rt_None when handling nothing */
    struct RtExcState *previous;
} RtExcState;

/* gi_frame_state, as CPython 3.11 names the stages. */
enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_COMPLETED };

typedef struct ObjGen {
    Object ob;
    struct Frame *frame;        /* the heap frame; NULL once completed */
    ObjCode *code;
    Value name, qualname;       /* str */
    int state;                  /* GEN_* */
    RtExcState exc_state;       /* the exception its except-blocks handle */
    bool finalizer_registered;  /* closed when collected (gen.c) */
    /* Only a for-loop's stack slot refers to it (`for x in g():`), so the
     * loop dropping it (break, return) may close it at once (gen.c). */
    bool loop_owned;
    /* async generators: */
    bool ag_hooks_inited;       /* the PEP 525 hooks were consulted (first step) */
    Value ag_finalizer;         /* sys's finalizer hook then, or VAL_NULL */
    bool ag_running_async;      /* an asend/athrow is in progress */
    bool ag_closed;
    /* the list of suspended generators closed at exit (hidden pointers,
     * so the list does not keep them alive) */
    uintptr_t live_prev, live_next;
    struct ObjGen *pending_next;    /* the queue of generators to close */
} ObjGen;

extern ObjType rt_generator_type, rt_coroutine_type, rt_async_generator_type;

static inline bool rt_is_gen(Value v)
{
    return !val_is_small(v) && (val_obj(v)->type == &rt_generator_type ||
                                val_obj(v)->type == &rt_coroutine_type);
}

/* The generator (coroutine, async generator: chosen by code flags) owning
 * heap frame f, in state GEN_CREATED. */
Value rt_gen_new(struct Frame *f);

/* PyIter_Send: send v into receiver (a generator or coroutine, or any
 * iterator when v is None, or anything with a send method). */
enum { SEND_NEXT, SEND_RETURN, SEND_ERROR };
int rt_iter_send(Value receiver, Value v, Value *result);

/* What a `yield from` / `await` in gen is delegating to, or VAL_NULL. */
Value rt_gen_delegate(ObjGen *gen);

/* For GET_AWAITABLE: the iterator that `await v` drives (v itself for a
 * coroutine), or VAL_NULL with TypeError/RuntimeError set. */
Value rt_coro_get_awaitable_iter(Value v);

/* For ASYNC_GEN_WRAP: mark a value yielded by an async generator. */
Value rt_async_gen_wrap(Value v);
/* For GET_ANEXT on an async generator: its __anext__ awaitable. */
Value rt_async_gen_anext(Value agen);

/* sys.set_asyncgen_hooks / get_asyncgen_hooks (PEP 525): firstiter is
 * called with each async generator at its first step; finalizer replaces
 * closing one that is collected unfinished (asyncio schedules aclose()).
 * rt_None when unset. */
extern Value rt_asyncgen_firstiter, rt_asyncgen_finalizer;

/* anext(aiterator, default): the awaitable over __anext__'s result that
 * turns StopAsyncIteration into StopIteration(default). */
Value rt_anext_awaitable_new(Value awaitable, Value default_value);

/* Closing generators the collector found unreachable, and at exit. */
void rt_gen_run_pending(void);
/* Give the coroutine made last, if still unstarted, the finaliser that
 * warns when it is collected so ("was never awaited"): before a collection
 * that must find it (gc.collect()). */
void rt_gen_watch_unstarted(void);
/* A loop-owned generator left its loop (see loop_owned): close it now if
 * it is suspended, as CPython's reference counting would; errors are
 * reported as unraisable, never propagated. */
void rt_gen_drop(Value gen);
void rt_gen_close_all(void);

void rt_gen_init(void);

#endif
