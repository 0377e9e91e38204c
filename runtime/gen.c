/*
 * gen.c — generator, coroutine and async-generator objects (see gen.h).
 *
 * The life of a generator, in CPython 3.11's terms:
 *
 *   CREATED    RETURN_GENERATOR made it; no code of the body has run.
 *   RUNNING    its frame is executing (re-entering it is an error:
 *              "generator already executing").
 *   SUSPENDED  stopped at a YIELD_VALUE; the next send() pushes the sent
 *              value onto the frame's stack and continues after it.
 *   COMPLETED  the frame returned or raised; the frame is dropped.
 *
 * Everything here is a thin layer over one function, gen_send_ex2, which
 * resumes the frame through vm_gen_resume and classifies the outcome as
 * NEXT (yielded), RETURN (returned) or ERROR — the PySendResult of
 * CPython's genobject.c.  next(), send(), throw() and close() are built on
 * it, and so is the `yield from`/`await` delegation (SEND in the eval loop
 * calls rt_iter_send).
 *
 * Abandoned generators.  CPython closes a suspended generator as soon as
 * its last reference goes (running its `finally` blocks), and closes the
 * ones still alive when the program exits.  pvm has a tracing collector, so
 * it cannot see the last reference go; instead:
 *   - a suspended generator gets a Boehm finaliser; when the collector finds
 *     it unreachable the finaliser only queues it (no Python code may run
 *     inside the collector) and asks the eval loop to call
 *     rt_gen_run_pending at its next safe point, which closes the queue;
 *   - suspended generators are kept in a list that does not keep them
 *     alive; at exit tools/main.c closes them oldest first, which is the
 *     order CPython's teardown of __main__ reaches module-level variables.
 *   - one common case is recognised exactly: a generator made by the call
 *     that a `for` loop iterates (`for v in g():`, CALL then GET_ITER) is
 *     referred to only by the loop's stack slot, so when the loop drops it
 *     (break or return: POP_TOP; an exception: the unwinder) it is closed
 *     at once (rt_gen_drop), as in CPython.
 * So `x = g(); next(x)` at module level prints the `finally` output at exit,
 * and `for v in g(): break` right after the loop, exactly as CPython does; a
 * generator otherwise dropped mid-program (`del x`, a local going out of
 * scope) is closed at a later collection or at exit rather than at once.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/class.h"
#include "runtime/version.h"
#include "runtime/gen.h"
#include "vm/frame.h"
#include "vm/opcodes.h"
#include "vm/systrace.h"
#include "vm/translate.h"
#include "vm/vm.h"

static const char *kind_name(ObjGen *gen)
{
    if (gen->ob.type == &rt_coroutine_type)
        return "coroutine";
    if (gen->ob.type == &rt_async_generator_type)
        return "async generator";
    return "generator";
}

/* ---- the list of suspended generators (for exit) ---------------------------- */

/* Hidden pointers (bitwise complements) are invisible to the collector, so
 * being on this list does not keep a generator alive. */
#define HIDE(p) (~(uintptr_t)(p))
#define REVEAL(h) ((ObjGen *)~(h))

static uintptr_t live_head = HIDE(NULL), live_tail = HIDE(NULL);

static bool on_live_list(ObjGen *gen)
{
    return gen->live_prev != 0 || gen->live_next != 0;
}

static void live_add(ObjGen *gen)
{
    gen->live_prev = live_tail;
    gen->live_next = HIDE(NULL);
    if (REVEAL(live_tail) != NULL)
        REVEAL(live_tail)->live_next = HIDE(gen);
    else
        live_head = HIDE(gen);
    live_tail = HIDE(gen);
}

static void live_remove(ObjGen *gen)
{
    if (!on_live_list(gen))
        return;
    ObjGen *prev = REVEAL(gen->live_prev), *next = REVEAL(gen->live_next);
    if (prev != NULL) prev->live_next = gen->live_next; else live_head = gen->live_next;
    if (next != NULL) next->live_prev = gen->live_prev; else live_tail = gen->live_prev;
    gen->live_prev = gen->live_next = 0;
}

/* ---- finalisation: queue, then close at a safe point ------------------------ */

/* Generators the collector found unreachable, waiting to be closed: a
 * list linked through ObjGen.pending_next, so that the finaliser (which runs
 * inside some allocation) never allocates itself.  Reachable from these
 * statics, the queued generators stay alive until closed. */
static ObjGen *pending_head, *pending_tail;

static bool unstarted_coroutine(ObjGen *gen)
{
    return gen->state == GEN_CREATED && gen->ob.type == &rt_coroutine_type;
}

static void gen_finalizer(void *obj, void *data)
{
    (void)data;
    ObjGen *gen = obj;
    if (gen->state != GEN_SUSPENDED && !unstarted_coroutine(gen))
        return;
    live_remove(gen);
    gen->pending_next = NULL;
    if (pending_tail != NULL)
        pending_tail->pending_next = gen;
    else
        pending_head = gen;
    pending_tail = gen;
    vm_request_pending_work();
}

/* Is the YIELD_VALUE at unit i of the code covered only by the implicit
 * handler of 3.12 and later (vm_yield_at_depth1, on the original units)? */
static bool yield_at_depth1(const ObjCode *code, size_t i)
{
    return vm_yield_at_depth1(code->pyminor, (const uint16_t *)AS_BYTES(code->code)->data,
                              code->ninstrs, i);
}

/* Is the generator suspended at such a yield?  Its frame stopped with
 * next_instr at the RESUME after the YIELD_VALUE. */
static bool suspended_at_depth1(ObjGen *gen)
{
    ObjCode *code = gen->code;
    if (code->pyminor < 12 || gen->state != GEN_SUSPENDED || gen->frame == NULL)
        return false;
    ptrdiff_t at = gen->frame->next_instr - code->instrs;
    return at >= 1 && (size_t)at < code->ninstrs && yield_at_depth1(code, (size_t)at - 1);
}

/* Does closing a suspended generator of this code run anything?  close()
 * raises GeneratorExit at the yield; if the code has no exception handler
 * (no try, with or except: an empty exception table) and never delegates
 * (no SEND: `yield from` closes its sub-iterator), the exception leaves the
 * frame at once and closing has no effect but to complete the generator.
 * From 3.12 every generator body has a handler (for StopIteration), so
 * there the question is whether some yield lies inside another one.
 * Most generators are like that, and need neither a finaliser (~1,000
 * instructions to register, and work at every collection) nor a place on
 * the exit list.  Decided once per code object (a scan of its units). */
static bool close_runs_code(ObjCode *code)
{
    if (code->close_runs_code == 0) {
        bool runs = code->pyminor < 12 && AS_BYTES(code->exceptiontable)->length > 0;
        for (size_t i = 0; i < code->ninstrs && !runs; i++) {
            int op = code->instrs[i] & 0xff;
            runs = op == OP_SEND || op == OP_SEND_312 ||
                   (op == OP_YIELD_VALUE && code->pyminor >= 12 && !yield_at_depth1(code, i));
        }
        code->close_runs_code = runs ? 1 : -1;
    }
    return code->close_runs_code > 0;
}

static void watch_suspended(ObjGen *gen)
{
    if (gen->finalizer_registered)
        return;
    if (gen->ob.type == &rt_generator_type && !close_runs_code(gen->code))
        return;
    gen->finalizer_registered = true;
    gc_register_finalizer(gen, gen_finalizer, NULL);
    live_add(gen);
}

static Value gen_close(ObjGen *gen);

/* Close one abandoned generator; an error is reported as CPython's
 * PyErr_WriteUnraisable does ("Exception ignored in: ..."; 3.14: "while
 * closing generator ..."), and the exception being propagated meanwhile
 * is kept. */
static void close_abandoned(ObjGen *gen)
{
    Value saved = rt_err_fetch();
    /* An async generator under an event loop's finalizer hook is closed
     * by the loop (it schedules aclose(), whose finally may await). */
    bool hooked = gen->ag_finalizer != VAL_NULL && !gen->ag_closed;
    Value r = hooked ? rt_call1(gen->ag_finalizer, obj_val(gen)) : gen_close(gen);
    if (r == VAL_NULL)
        rt_write_unraisable_while("closing generator", obj_val(gen));
    if (saved != VAL_NULL)
        rt_raise(saved);
}

void rt_gen_run_pending(void)
{
    while (pending_head != NULL) {
        ObjGen *gen = pending_head;
        pending_head = gen->pending_next;
        if (pending_head == NULL)
            pending_tail = NULL;
        gen->pending_next = NULL;
        if (unstarted_coroutine(gen))
            rt_warn_unawaited_coroutine(obj_val(gen), gen->qualname);
        else
            close_abandoned(gen);
    }
}

void rt_gen_drop(Value v)
{
    ObjGen *gen = VAL_AS(ObjGen, v);
    gen->loop_owned = false;
    if (gen->state == GEN_SUSPENDED) {
        live_remove(gen);
        close_abandoned(gen);
    }
}

void rt_gen_close_all(void)
{
    rt_gen_run_pending();
    while (REVEAL(live_head) != NULL) {
        ObjGen *gen = REVEAL(live_head);
        live_remove(gen);
        if (gen->state == GEN_SUSPENDED)
            close_abandoned(gen);
    }
}

/* ---- creation ---------------------------------------------------------------- */

/* A coroutine collected before it ran warns (rt_gen_run_pending), so it
 * needs the finaliser; but most are awaited at once (`await f()`), and
 * registering one costs more than the rest of making the coroutine.  So
 * the coroutine made last waits here, held, and gets its finaliser only
 * if it is still unstarted when the next one is made or gc.collect()
 * runs (rt_gen_watch_unstarted); starting it takes it off. */
static ObjGen *newest_unstarted;

void rt_gen_watch_unstarted(void)
{
    ObjGen *gen = newest_unstarted;
    newest_unstarted = NULL;
    if (gen != NULL && gen->state == GEN_CREATED && !gen->finalizer_registered) {
        gen->finalizer_registered = true;
        gc_register_finalizer(gen, gen_finalizer, NULL);
    }
}

int64_t rt_coro_origin_depth;

/* CPython's compute_cr_origin: (filename, lineno, function name) of the
 * frames that made the coroutine, innermost first, up to the depth asked.
 * The coroutine's own frame, still running RETURN_GENERATOR, is skipped. */
static Value coroutine_origin(void)
{
    Value frames = rt_list_new(0);
    Value globals;
    ObjCode *code;
    int lineno;
    for (int64_t depth = 1; depth <= rt_coro_origin_depth &&
                            vm_frame_info((int)depth, &globals, &code, &lineno); depth++)
        rt_list_append(frames, rt_tuple_pack(3, code->filename, rt_int_from_i64(lineno),
                                             code->name));
    return rt_list_as_tuple(frames);
}

Value rt_gen_new(Frame *f)
{
    ObjCode *code = f->code;
    ObjGen *gen = gc_alloc(sizeof *gen);
    gen->ob.type = (code->flags & CO_COROUTINE) ? &rt_coroutine_type
                 : (code->flags & CO_ASYNC_GENERATOR) ? &rt_async_generator_type
                 : &rt_generator_type;
    gen->frame = f;
    gen->code = code;
    gen->name = f->func ? f->func->name : code->name;
    gen->qualname = f->func ? f->func->qualname : code->qualname;
    gen->state = GEN_CREATED;
    gen->exc_state.exc = rt_None;
    f->gen = gen;
    if (gen->ob.type == &rt_coroutine_type) {
        if (rt_coro_origin_depth > 0)
            gen->origin = coroutine_origin();
        rt_gen_watch_unstarted();
        newest_unstarted = gen;
    }
    return obj_val(gen);
}

/* ---- resuming: the one primitive ------------------------------------------------ */

static void mark_completed(ObjGen *gen)
{
    gen->state = GEN_COMPLETED;
    gen->frame = NULL;
    gen->exc_state.exc = rt_None;
    live_remove(gen);
}

/* "generator raised StopIteration" with the StopIteration as cause. */
static void convert_escaping_stop(ObjGen *gen)
{
    bool async = gen->ob.type == &rt_async_generator_type;
    const char *what = NULL;
    if (rt_err_matches(&rt_StopIteration))
        what = "StopIteration";
    else if (async && rt_err_matches(&rt_StopAsyncIteration))
        what = "StopAsyncIteration";
    if (what == NULL)
        return;
    Value cause = rt_err_fetch();
    rt_raisef(&rt_RuntimeError, "%s raised %s", kind_name(gen), what);
    Value exc = rt_err_peek();
    AS_EXC(exc)->cause = cause;
    AS_EXC(exc)->context = cause;
    AS_EXC(exc)->suppress_context = true;
}

/* CPython's gen_send_ex2.  arg is VAL_NULL for next(), the sent value for
 * send(); `throwing`: the current exception is raised inside the frame;
 * `closing`: called by close(), which is silent on a finished coroutine. */
static int gen_send_ex2(ObjGen *gen, Value arg, Value *result, bool throwing, bool closing)
{
    *result = VAL_NULL;
    if (gen->state == GEN_CREATED && arg != VAL_NULL && arg != rt_None && !throwing) {
        rt_raisef(&rt_TypeError, "can't send non-None value to a just-started %s",
                  kind_name(gen));
        return SEND_ERROR;
    }
    if (gen->state == GEN_RUNNING) {
        rt_raisef(&rt_ValueError, "%s already executing", kind_name(gen));
        return SEND_ERROR;
    }
    if (gen->state == GEN_COMPLETED) {
        if (gen->ob.type == &rt_coroutine_type && !closing) {
            if (throwing)
                rt_err_clear();
            rt_raisef(&rt_RuntimeError, "cannot reuse already awaited coroutine");
        } else if (arg != VAL_NULL && !throwing) {
            *result = rt_None;
            return SEND_RETURN;
        }
        return SEND_ERROR;
    }
    if (gen == newest_unstarted) {
        newest_unstarted = NULL;
    } else if (gen->state == GEN_CREATED && gen->finalizer_registered) {
        /* a coroutine starting can no longer be left unawaited: its
         * finaliser goes, and one that suspends gets it again
         * (watch_suspended) */
        gc_unregister_finalizer(gen, gen_finalizer);
        gen->finalizer_registered = false;
    }
    gen->state = GEN_RUNNING;
    Value r = vm_gen_resume(gen->frame, &gen->exc_state, arg ? arg : rt_None, throwing);
    if (r != VAL_NULL && gen->state == GEN_SUSPENDED) {
        watch_suspended(gen);
        *result = r;
        return SEND_NEXT;
    }
    mark_completed(gen);
    if (r == VAL_NULL) {
        convert_escaping_stop(gen);
        return SEND_ERROR;
    }
    *result = r;
    return SEND_RETURN;
}

/* StopIteration(value), as _PyGen_SetStopIterationValue builds it. */
static void set_stop_iteration_value(Value v)
{
    Value exc = rt_exc_new(&rt_StopIteration, rt_tuple_pack(1, v));
    if (exc != VAL_NULL)
        rt_raise(exc);
}

/* gen_send_ex: a RETURN becomes StopIteration(value). */
static Value gen_send_ex(ObjGen *gen, Value arg, bool throwing, bool closing)
{
    Value r;
    if (gen_send_ex2(gen, arg, &r, throwing, closing) != SEND_RETURN)
        return r;
    if (gen->ob.type == &rt_async_generator_type)
        rt_raise(obj_val(&rt_StopAsyncIteration));
    else if (r == rt_None)
        rt_raise(obj_val(&rt_StopIteration));
    else
        set_stop_iteration_value(r);
    return VAL_NULL;
}

/* The next slot: exhaustion is VAL_NULL with no exception (a return value
 * other than None still travels in a StopIteration). */
static Value gen_iternext(Value self)
{
    Value r;
    int status = gen_send_ex2(VAL_AS(ObjGen, self), VAL_NULL, &r, false, false);
    if (status == SEND_RETURN) {
        if (r != rt_None)
            set_stop_iteration_value(r);
        return VAL_NULL;
    }
    return r;
}

/* The value a StopIteration carries, taking the exception; false (exception
 * kept) if the current exception is something else. */
static bool fetch_stop_iteration_value(Value *value)
{
    if (!rt_err_matches(&rt_StopIteration))
        return false;
    Value exc = rt_err_fetch();
    *value = rt_stopiteration_value(exc);
    if (*value == VAL_NULL)
        *value = rt_None;
    return true;
}

int rt_iter_send(Value receiver, Value v, Value *result)
{
    if (rt_is_gen(receiver))
        return gen_send_ex2(VAL_AS(ObjGen, receiver), v, result, false, false);
    Value r;
    if (v == rt_None && val_type(receiver)->next != NULL) {
        r = rt_next_keep_stop(receiver);
        if (r == VAL_NULL && !rt_err_occurred()) {
            *result = rt_None;
            return SEND_RETURN;
        }
    } else {
        Value meth = rt_getattr_cstr(receiver, "send");
        r = meth ? rt_call1(meth, v) : VAL_NULL;
    }
    if (r != VAL_NULL) {
        *result = r;
        return SEND_NEXT;
    }
    if (fetch_stop_iteration_value(result))
        return SEND_RETURN;
    *result = VAL_NULL;
    return SEND_ERROR;
}

/* ---- delegation (yield from / await) ------------------------------------------- */

/* Only a suspended generator delegates; where its frame stopped says
 * whether that was inside `yield from`/`await` (vm_gen_delegate). */
Value rt_gen_delegate(ObjGen *gen)
{
    if (gen->state != GEN_SUSPENDED)
        return VAL_NULL;
    return vm_gen_delegate(gen->frame);
}

/* Close a delegate: gen.close() or its close method; 0 ok, -1 error. */
static int close_delegate(Value yf)
{
    if (rt_is_gen(yf))
        return gen_close(VAL_AS(ObjGen, yf)) == VAL_NULL ? -1 : 0;
    /* A close that cannot be looked up is reported as unraisable, and the
     * generator still closes (CPython's gen_close_iter). */
    Value meth = rt_lookup_attr(yf, RT_NAME("close"));
    if (meth == VAL_NULL) {
        if (rt_err_occurred())
            rt_write_unraisable(yf);
        return 0;
    }
    return rt_call0(meth) == VAL_NULL ? -1 : 0;
}

/* After the delegate of a `yield from` finished by raising: drop it from the
 * frame's stack and continue after the SEND loop (the instruction SEND
 * jumps to), with the delegate's return value or its exception. */
static Value finish_delegation(ObjGen *gen)
{
    vm_gen_end_delegation(gen->frame);
    Value val;
    if (fetch_stop_iteration_value(&val))
        return gen_send_ex(gen, val, false, false);
    return gen_send_ex(gen, rt_None, true, false);
}

static Value throw_here(ObjGen *gen, Value typ, Value val, Value tb);

/* CPython's _gen_throw: throw into the delegate first, if there is one. */
static Value gen_throw_ex(ObjGen *gen, bool close_on_genexit, Value typ, Value val, Value tb)
{
    Value yf = rt_gen_delegate(gen);
    if (yf == VAL_NULL)
        return throw_here(gen, typ, val, tb);
    int state = gen->state;
    Value r;
    if (close_on_genexit && rt_exc_matches(typ, obj_val(&rt_GeneratorExit))) {
        gen->state = GEN_RUNNING;
        int err = close_delegate(yf);
        gen->state = state;
        if (err < 0)
            return gen_send_ex(gen, rt_None, true, false);
        return throw_here(gen, typ, val, tb);
    }
    if (rt_is_gen(yf)) {
        gen->state = GEN_RUNNING;
        Frame *saved = vm_gen_link(gen->frame);
        r = gen_throw_ex(VAL_AS(ObjGen, yf), close_on_genexit, typ, val, tb);
        vm_gen_unlink(gen->frame, saved);
        gen->state = state;
    } else {
        Value meth = rt_lookup_attr(yf, RT_NAME("throw"));
        if (meth == VAL_NULL) {
            if (rt_err_occurred())
                return VAL_NULL;
            return throw_here(gen, typ, val, tb);
        }
        gen->state = GEN_RUNNING;
        Value args[3] = { typ, val ? val : rt_None, tb ? tb : rt_None };
        r = rt_call(meth, args, tb ? 3 : val ? 2 : 1, VAL_NULL);
        gen->state = state;
    }
    if (r == VAL_NULL)
        return finish_delegation(gen);
    return r;
}

/* Raise typ/val/tb inside the generator (PyErr_NormalizeException rules). */
static Value throw_here(ObjGen *gen, Value typ, Value val, Value tb)
{
    if (tb == rt_None)
        tb = VAL_NULL;
    else if (tb != VAL_NULL && !IS_EXACT(tb, rt_traceback_type))
        return rt_raisef(&rt_TypeError, "throw() third argument must be a traceback object");
    Value exc;
    if (IS_EXACT(typ, rt_type_type) || rt_isinstance_of(typ, &rt_type_type)) {
        if (!(AS_TYPE(typ)->flags & TF_EXCEPTION) &&
            !rt_is_subtype(AS_TYPE(typ), &rt_BaseException))
            goto not_raisable;
        if (val != VAL_NULL && rt_isinstance_of(val, AS_TYPE(typ)))
            exc = val;
        else if (val == VAL_NULL || val == rt_None)
            exc = rt_call0(typ);
        else if (is_tuple(val))
            exc = rt_call_tuple_dict(typ, val, VAL_NULL);
        else
            exc = rt_call1(typ, val);
        if (exc == VAL_NULL)
            return VAL_NULL;
    } else if (rt_isinstance_of(typ, &rt_BaseException)) {
        if (val != VAL_NULL && val != rt_None)
            return rt_raisef(&rt_TypeError, "instance exception may not have a separate value");
        exc = typ;
    } else {
        goto not_raisable;
    }
    if (tb != VAL_NULL)
        AS_EXC(exc)->traceback = tb;
    rt_raise(exc);
    return gen_send_ex(gen, rt_None, true, false);
not_raisable:
    return rt_raisef(&rt_TypeError, "exceptions must be classes or instances deriving "
                     "from BaseException, not %s", val_type(typ)->name);
}

static Value gen_close(ObjGen *gen)
{
    if (gen->state == GEN_CREATED && gen->code->pyminor >= 12) {
        mark_completed(gen);            /* 3.12 on: without running the frame */
        return rt_None;
    }
    Value yf = rt_gen_delegate(gen);
    int err = 0;
    if (yf != VAL_NULL) {
        int state = gen->state;
        gen->state = GEN_RUNNING;
        err = close_delegate(yf);
        gen->state = state;
    }
    /* 3.12 and later complete a generator stopped where GeneratorExit
     * would run nothing without resuming its frame, so no trace or profile
     * event comes of it: 3.13 always, 3.12 and 3.14 only with no tracing
     * (3.12's instrumented YIELD_VALUE misses the test, 3.14 lets the
     * unwind reach the tools). */
    if (err == 0 && suspended_at_depth1(gen) && (gen->code->pyminor == 13 || !vm_trace_on)) {
        mark_completed(gen);
        return rt_None;
    }
    if (err == 0)
        rt_raise(obj_val(&rt_GeneratorExit));
    Value r = gen_send_ex(gen, rt_None, true, true);
    if (r != VAL_NULL) {
        return rt_raisef(&rt_RuntimeError, "%s ignored GeneratorExit", kind_name(gen));
    }
    if (rt_py_minor >= 13 && rt_err_matches(&rt_StopIteration))
        return rt_stopiteration_value(rt_err_fetch());  /* 3.13: what it returned */
    if (rt_err_matches(&rt_StopIteration) || rt_err_matches(&rt_GeneratorExit)) {
        rt_err_clear();
        return rt_None;
    }
    return VAL_NULL;
}

/* ---- Python-visible methods ------------------------------------------------------- */

static ObjGen *self_gen(Value *args)
{
    return VAL_AS(ObjGen, args[0]);
}

static Value m_send(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("send", nargs - 1, kwnames))
        return VAL_NULL;
    return gen_send_ex(self_gen(args), args[1], false, false);
}

/* 3.12 deprecates throw(type, value, tb): a warning when given more than
 * the exception. */
static bool warn_throw_signature(size_t nargs)
{
    return nargs <= 2 || rt_py_minor < 12 ||
           rt_warn(&rt_DeprecationWarning, "the (type, exc, tb) signature of throw() is "
                   "deprecated, use the single-arg signature instead.", 1) >= 0;
}

static Value m_throw(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("throw", kwnames) || !rt_arg_range("throw", nargs - 1, 1, 3) ||
        !warn_throw_signature(nargs))
        return VAL_NULL;
    return gen_throw_ex(self_gen(args), true, args[1], nargs > 2 ? args[2] : VAL_NULL,
                        nargs > 3 ? args[3] : VAL_NULL);
}

static Value m_close(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("close", nargs - 1, kwnames))
        return VAL_NULL;
    return gen_close(self_gen(args));
}

static Value m_next(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__next__", nargs - 1, kwnames))
        return VAL_NULL;
    Value r = gen_iternext(args[0]);
    if (r == VAL_NULL && !rt_err_occurred())
        rt_raise(obj_val(&rt_StopIteration));
    return r;
}

static Value m_iter(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__iter__", nargs - 1, kwnames))
        return VAL_NULL;
    return args[0];
}

static Value self_iter(Value self)
{
    return self;
}

static Value gen_repr(Value self)
{
    ObjGen *gen = VAL_AS(ObjGen, self);
    const char *kind = gen->ob.type == &rt_async_generator_type ? "async_generator"
                     : kind_name(gen);
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)self);
    return rt_str_format_c("<%s object %S at %s>", kind, gen->qualname, addr);
}

/* gi_frame / cr_frame / ag_frame: the frame object of the generator's
 * frame (vm/frameobject.h), None once it completed. */
static Value frame_of(ObjGen *gen)
{
    return gen->frame != NULL ? vm_frame_object_of(gen->frame) : rt_None;
}

/* The attributes: gi_* for generators, cr_* for coroutines, ag_* for async
 * generators, each kind with its own table (as CPython's). */
#define AS_GEN(v) VAL_AS(ObjGen, v)

static Value gen_get_name(Value self) { return AS_GEN(self)->name; }
static Value gen_get_qualname(Value self) { return AS_GEN(self)->qualname; }
static Value gen_get_frame(Value self) { return frame_of(AS_GEN(self)); }
static Value gen_get_running(Value self) { return rt_bool(AS_GEN(self)->state == GEN_RUNNING); }
static Value gen_get_code(Value self)
{
    return obj_val(AS_GEN(self)->code);
}

static Value gen_get_suspended(Value self)
{
    return rt_bool(AS_GEN(self)->state == GEN_SUSPENDED);
}

/* gi_yieldfrom / cr_await / ag_await: what a suspended `yield from` or
 * `await` is waiting on. */
static Value gen_get_delegate(Value self)
{
    Value yf = rt_gen_delegate(AS_GEN(self));
    return yf != VAL_NULL ? yf : rt_None;
}

static Value gen_get_origin(Value self)
{
    Value origin = VAL_AS(ObjGen, self)->origin;
    return origin != VAL_NULL ? origin : rt_None;
}

static int set_gen_name(Value self, Value v, Value *field, const char *attr)
{
    if (v == VAL_NULL || !is_str(v)) {
        rt_raisef(&rt_TypeError, "%s must be set to a string object", attr);
        return -1;
    }
    *field = v;
    return 0;
}

static int gen_set_name(Value self, Value v)
{
    return set_gen_name(self, v, &AS_GEN(self)->name, "__name__");
}

static int gen_set_qualname(Value self, Value v)
{
    return set_gen_name(self, v, &AS_GEN(self)->qualname, "__qualname__");
}

#define GEN_NAME_GETSETS(kind) \
    {"__name__", gen_get_name, gen_set_name, "name of the " kind}, \
    {"__qualname__", gen_get_qualname, gen_set_qualname, "qualified name of the " kind}

static const MemberDef gen_members[] = {
    {"gi_code", offsetof(ObjGen, code), RT_MEMBER_VALUE, RT_READONLY}, {NULL},
};
static const GetSetDef gen_getsets[] = {
    GEN_NAME_GETSETS("generator"),
    {"gi_yieldfrom", gen_get_delegate, NULL, "object being iterated by yield from, or None"},
    {"gi_running", gen_get_running}, {"gi_frame", gen_get_frame},
    {"gi_suspended", gen_get_suspended},
    {NULL},
};

static const MemberDef coro_members[] = {
    {"cr_code", offsetof(ObjGen, code), RT_MEMBER_VALUE, RT_READONLY}, {NULL},
};
static const GetSetDef coro_getsets[] = {
    GEN_NAME_GETSETS("coroutine"),
    {"cr_await", gen_get_delegate, NULL, "object being awaited on, or None"},
    {"cr_running", gen_get_running}, {"cr_frame", gen_get_frame},
    {"cr_suspended", gen_get_suspended}, {"cr_origin", gen_get_origin},
    {NULL},
};

static const MemberDef ag_members[] = {
    {"ag_running", offsetof(ObjGen, ag_running_async), RT_MEMBER_BOOL, RT_READONLY},
    {"ag_code", offsetof(ObjGen, code), RT_MEMBER_VALUE, RT_READONLY},
    {NULL},
};
static const GetSetDef ag_getsets[] = {
    GEN_NAME_GETSETS("async generator"),
    {"ag_await", gen_get_delegate, NULL, "object being awaited on, or None"},
    {"ag_frame", gen_get_frame},
    {NULL},
};

static const MethodDef gen_methods[] = {
    {"send", m_send}, {"throw", m_throw}, {"close", m_close},
    {"__next__", m_next}, {"__iter__", m_iter}, {NULL, NULL},
};

ObjType rt_generator_type = {
    .ob.type = &rt_type_type, .name = "generator",
    .repr = gen_repr, .iter = self_iter, .next = gen_iternext,
    .members = gen_members, .getsets = gen_getsets,
};

/* ---- coroutines ------------------------------------------------------------------------ */

/* coro.__await__() returns a coroutine_wrapper: an iterator over the same
 * frame (what `yield from coro` drives in a generator-based coroutine). */
typedef struct ObjCoroWrapper {
    Object ob;
    ObjGen *coro;
} ObjCoroWrapper;

static ObjType coro_wrapper_type;

static Value coro_await(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__await__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjCoroWrapper *w = gc_alloc(sizeof *w);
    w->ob.type = &coro_wrapper_type;
    w->coro = self_gen(args);
    return obj_val(w);
}

static Value wrapper_next(Value self)
{
    return gen_send_ex(VAL_AS(ObjCoroWrapper, self)->coro, VAL_NULL, false, false);
}

/* The wrapper's methods act on the coroutine itself. */
#define WRAPPER_METHOD(name, fn)                                    \
    static Value name(Value *args, size_t nargs, Value kwnames)    \
    {                                                               \
        args[0] = obj_val(VAL_AS(ObjCoroWrapper, args[0])->coro);   \
        return fn(args, nargs, kwnames);                            \
    }
WRAPPER_METHOD(wrapper_send, m_send)
WRAPPER_METHOD(wrapper_throw, m_throw)
WRAPPER_METHOD(wrapper_close, m_close)

static Value wrapper_m_next(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__next__", nargs - 1, kwnames))
        return VAL_NULL;
    return wrapper_next(args[0]);
}

static const MethodDef wrapper_methods[] = {
    {"send", wrapper_send}, {"throw", wrapper_throw}, {"close", wrapper_close},
    {"__next__", wrapper_m_next}, {"__iter__", m_iter}, {NULL, NULL},
};

static ObjType coro_wrapper_type = {
    .ob.type = &rt_type_type, .name = "coroutine_wrapper",
    .iter = self_iter, .next = wrapper_next,
};

static const MethodDef coro_methods[] = {
    {"send", m_send}, {"throw", m_throw}, {"close", m_close},
    {"__await__", coro_await}, {NULL, NULL},
};

ObjType rt_coroutine_type = {
    .ob.type = &rt_type_type, .name = "coroutine",
    .repr = gen_repr, .members = coro_members, .getsets = coro_getsets,
};

/* _PyCoro_GetAwaitableIter. */
Value rt_coro_get_awaitable_iter(Value v)
{
    ObjType *t = val_type(v);
    if (t == &rt_coroutine_type ||
        (t == &rt_generator_type && (VAL_AS(ObjGen, v)->code->flags & CO_ITERABLE_COROUTINE)))
        return v;
    Value getter = rt_type_lookup(t, RT_NAME("__await__"));
    if (getter == VAL_NULL || getter == rt_None)
        return rt_raisef(&rt_TypeError, rt_py_minor >= 14 ? "'%s' object can't be awaited"
                                        : "object %s can't be used in 'await' expression", t->name);
    Value res = rt_call_found(getter, v, NULL, 0);
    if (res == VAL_NULL)
        return VAL_NULL;
    if (val_type(res) == &rt_coroutine_type ||
        (val_type(res) == &rt_generator_type &&
         (VAL_AS(ObjGen, res)->code->flags & CO_ITERABLE_COROUTINE)))
        return rt_raisef(&rt_TypeError, "__await__() returned a coroutine");
    if (val_type(res)->next == NULL)
        return rt_raisef(&rt_TypeError, "__await__() returned non-iterator of type '%s'",
                         val_type(res)->name);
    return res;
}

/* ---- async generators -------------------------------------------------------------------- */

/* A value yielded by an async generator's body, as opposed to one passed up
 * from an `await` inside it (ASYNC_GEN_WRAP marks it). */
typedef struct ObjWrapped {
    Object ob;
    Value value;
} ObjWrapped;

static ObjType wrapped_type = {
    .ob.type = &rt_type_type, .name = "async_generator_wrapped_value",
};

Value rt_async_gen_wrap(Value v)
{
    ObjWrapped *w = gc_alloc(sizeof *w);
    w->ob.type = &wrapped_type;
    w->value = v;
    return obj_val(w);
}

/* The awaitables __anext__/asend/athrow/aclose return: each drives one step
 * of the async generator.  CPython's async_generator_asend and
 * async_generator_athrow, in one type with a mode. */
enum { AW_INIT, AW_ITER, AW_CLOSED };
enum { AG_SEND, AG_THROW, AG_CLOSE };

typedef struct ObjAgAwait {
    Object ob;
    ObjGen *gen;
    int op;                     /* AG_* */
    int state;                  /* AW_* */
    Value sendval;              /* AG_SEND: the first value to send */
    Value typ, val, tb;         /* AG_THROW */
} ObjAgAwait;

static ObjType ag_asend_type, ag_athrow_type;

static Value make_ag_await(ObjGen *gen, int op, Value a, Value b, Value c)
{
    ObjAgAwait *aw = gc_alloc(sizeof *aw);
    aw->ob.type = op == AG_SEND ? &ag_asend_type : &ag_athrow_type;
    aw->gen = gen;
    aw->op = op;
    aw->state = AW_INIT;
    aw->sendval = op == AG_SEND ? a : rt_None;
    aw->typ = op == AG_THROW ? a : VAL_NULL;
    aw->val = op == AG_THROW ? b : VAL_NULL;
    aw->tb = op == AG_THROW ? c : VAL_NULL;
    return obj_val(aw);
}

Value rt_asyncgen_firstiter = rt_None, rt_asyncgen_finalizer = rt_None;

/* At an async generator's first __anext__/asend/athrow/aclose: remember
 * sys's finalizer hook and call its firstiter hook (CPython's
 * async_gen_init_hooks); false if firstiter raised. */
static bool ag_init_hooks(ObjGen *gen)
{
    if (gen->ag_hooks_inited)
        return true;
    gen->ag_hooks_inited = true;
    if (rt_asyncgen_finalizer != rt_None)
        gen->ag_finalizer = rt_asyncgen_finalizer;
    return rt_asyncgen_firstiter == rt_None ||
           rt_call1(rt_asyncgen_firstiter, obj_val(gen)) != VAL_NULL;
}

static Value ag_await_new(ObjGen *gen, int op, Value a, Value b, Value c)
{
    if (!ag_init_hooks(gen))
        return VAL_NULL;
    return make_ag_await(gen, op, a, b, c);
}

Value rt_async_gen_anext(Value agen)
{
    return ag_await_new(VAL_AS(ObjGen, agen), AG_SEND, rt_None, VAL_NULL, VAL_NULL);
}

/* async_gen_unwrap: a wrapped value ends this step with StopIteration(v);
 * anything else passes up through the await chain. */
static Value ag_unwrap(ObjGen *gen, Value r)
{
    if (r == VAL_NULL) {
        if (rt_err_matches(&rt_StopAsyncIteration) || rt_err_matches(&rt_GeneratorExit))
            gen->ag_closed = true;
        gen->ag_running_async = false;
        return VAL_NULL;
    }
    if (IS_EXACT(r, wrapped_type)) {
        set_stop_iteration_value(VAL_AS(ObjWrapped, r)->value);
        gen->ag_running_async = false;
        return VAL_NULL;
    }
    return r;
}

static Value asend_send(ObjAgAwait *aw, Value arg)
{
    ObjGen *gen = aw->gen;
    if (aw->state == AW_CLOSED)
        return rt_raisef(&rt_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    if (aw->state == AW_INIT) {
        if (gen->ag_running_async) {
            aw->state = AW_CLOSED;
            return rt_raisef(&rt_RuntimeError, "anext(): asynchronous generator is already running");
        }
        if (arg == VAL_NULL || arg == rt_None)
            arg = aw->sendval;
        aw->state = AW_ITER;
    }
    gen->ag_running_async = true;
    Value r = ag_unwrap(gen, gen_send_ex(gen, arg, false, false));
    if (r == VAL_NULL)
        aw->state = AW_CLOSED;
    return r;
}

/* What one step of athrow()/aclose() gives: athrow() unwraps like asend();
 * aclose() refuses a value the generator yields (it ignored GeneratorExit)
 * and ends with StopIteration when the generator finished or exited. */
static Value athrow_result(ObjAgAwait *aw, Value r)
{
    ObjGen *gen = aw->gen;
    if (aw->op != AG_CLOSE) {
        r = ag_unwrap(gen, r);
        if (r == VAL_NULL)
            aw->state = AW_CLOSED;
        return r;
    }
    if (r != VAL_NULL && IS_EXACT(r, wrapped_type)) {
        gen->ag_running_async = false;
        aw->state = AW_CLOSED;
        return rt_raisef(&rt_RuntimeError, "async generator ignored GeneratorExit");
    }
    if (r == VAL_NULL) {
        gen->ag_running_async = false;
        aw->state = AW_CLOSED;
        if (rt_err_matches(&rt_StopAsyncIteration) || rt_err_matches(&rt_GeneratorExit)) {
            rt_err_clear();
            rt_raise(obj_val(&rt_StopIteration));
        }
    }
    return r;
}

static Value athrow_send(ObjAgAwait *aw, Value arg)
{
    ObjGen *gen = aw->gen;
    if (aw->state == AW_CLOSED)
        return rt_raisef(&rt_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    if (gen->state == GEN_COMPLETED) {
        aw->state = AW_CLOSED;
        rt_raise(obj_val(&rt_StopIteration));
        return VAL_NULL;
    }
    Value r;
    if (aw->state == AW_INIT) {
        if (gen->ag_running_async) {
            aw->state = AW_CLOSED;
            return rt_raisef(&rt_RuntimeError, aw->op == AG_CLOSE
                             ? "aclose(): asynchronous generator is already running"
                             : "athrow(): asynchronous generator is already running");
        }
        /* Closed by an earlier aclose() (which marks it at its first step,
         * before a `finally` may await in further steps). */
        if (gen->ag_closed) {
            aw->state = AW_CLOSED;
            rt_raise(obj_val(&rt_StopAsyncIteration));
            return VAL_NULL;
        }
        if (arg != VAL_NULL && arg != rt_None)
            return rt_raisef(&rt_RuntimeError, "can't send non-None value to a just-started coroutine");
        aw->state = AW_ITER;
        gen->ag_running_async = true;
        if (aw->op == AG_CLOSE) {
            gen->ag_closed = true;
            r = gen_throw_ex(gen, false, obj_val(&rt_GeneratorExit), VAL_NULL, VAL_NULL);
        } else {
            r = gen_throw_ex(gen, false, aw->typ, aw->val, aw->tb);
        }
    } else {
        r = gen_send_ex(gen, arg ? arg : rt_None, false, false);
    }
    return athrow_result(aw, r);
}

/* athrow()/aclose()'s throw(): into the generator, then the same rules for
 * what comes out as its send() (CPython's async_gen_athrow_throw). */
static Value athrow_throw(ObjAgAwait *aw, Value *a, size_t n)
{
    ObjGen *gen = aw->gen;
    if (aw->state == AW_CLOSED)
        return rt_raisef(&rt_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    if (aw->state == AW_INIT) {
        if (gen->ag_running_async) {
            aw->state = AW_CLOSED;
            return rt_raisef(&rt_RuntimeError, aw->op == AG_CLOSE
                             ? "aclose(): asynchronous generator is already running"
                             : "athrow(): asynchronous generator is already running");
        }
        aw->state = AW_ITER;
        gen->ag_running_async = true;
    }
    Value r = gen_throw_ex(gen, true, a[0], n > 1 ? a[1] : VAL_NULL, n > 2 ? a[2] : VAL_NULL);
    return athrow_result(aw, r);
}

static Value ag_await_send_any(Value self, Value arg)
{
    ObjAgAwait *aw = VAL_AS(ObjAgAwait, self);
    return aw->op == AG_SEND ? asend_send(aw, arg) : athrow_send(aw, arg);
}

static Value ag_await_next(Value self)
{
    return ag_await_send_any(self, VAL_NULL);
}

static Value ag_await_m_send(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("send", nargs - 1, kwnames))
        return VAL_NULL;
    return ag_await_send_any(args[0], args[1]);
}

static Value ag_await_m_next(Value *args, size_t nargs, Value kwnames)
{
    Value r = ag_await_next(args[0]);
    if (r == VAL_NULL && !rt_err_occurred())
        rt_raise(obj_val(&rt_StopIteration));
    return r;
}

static Value ag_await_m_throw(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("throw", kwnames) || !rt_arg_range("throw", nargs - 1, 1, 3))
        return VAL_NULL;
    ObjAgAwait *aw = VAL_AS(ObjAgAwait, args[0]);
    if (aw->op != AG_SEND)
        return athrow_throw(aw, args + 1, nargs - 1);
    if (aw->state == AW_CLOSED)
        return rt_raisef(&rt_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    Value r = gen_throw_ex(aw->gen, false, args[1], nargs > 2 ? args[2] : VAL_NULL,
                           nargs > 3 ? args[3] : VAL_NULL);
    r = ag_unwrap(aw->gen, r);
    if (r == VAL_NULL)
        aw->state = AW_CLOSED;
    return r;
}

static Value ag_await_m_close(Value *args, size_t nargs, Value kwnames)
{
    VAL_AS(ObjAgAwait, args[0])->state = AW_CLOSED;
    return rt_None;
}

static const MethodDef ag_await_methods[] = {
    {"send", ag_await_m_send}, {"throw", ag_await_m_throw}, {"close", ag_await_m_close},
    {"__next__", ag_await_m_next}, {"__iter__", m_iter}, {"__await__", m_iter}, {NULL, NULL},
};

static ObjType ag_asend_type = {
    .ob.type = &rt_type_type, .name = "async_generator_asend",
    .iter = self_iter, .next = ag_await_next,
};

static ObjType ag_athrow_type = {
    .ob.type = &rt_type_type, .name = "async_generator_athrow",
    .iter = self_iter, .next = ag_await_next,
};

static Value ag_anext(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__anext__", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_async_gen_anext(args[0]);
}

static Value ag_asend(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("asend", nargs - 1, kwnames))
        return VAL_NULL;
    return ag_await_new(self_gen(args), AG_SEND, args[1], VAL_NULL, VAL_NULL);
}

static Value ag_athrow(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("athrow", kwnames) || !rt_arg_range("athrow", nargs - 1, 1, 3))
        return VAL_NULL;
    return ag_await_new(self_gen(args), AG_THROW, args[1], nargs > 2 ? args[2] : VAL_NULL,
                         nargs > 3 ? args[3] : VAL_NULL);
}

static Value ag_aclose(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("aclose", nargs - 1, kwnames))
        return VAL_NULL;
    return ag_await_new(self_gen(args), AG_CLOSE, VAL_NULL, VAL_NULL, VAL_NULL);
}

static const MethodDef ag_methods[] = {
    {"__anext__", ag_anext}, {"__aiter__", m_iter}, {"asend", ag_asend},
    {"athrow", ag_athrow}, {"aclose", ag_aclose}, {NULL, NULL},
};

ObjType rt_async_generator_type = {
    .ob.type = &rt_type_type, .name = "async_generator",
    .repr = gen_repr, .members = ag_members, .getsets = ag_getsets,
};

/* ---- anext(aiterator, default): the awaitable that gives default ------------------------- */

/* anext() with a default wraps what __anext__ returned: each step drives
 * that awaitable's iterator, and the StopAsyncIteration that ends the
 * async iterator becomes StopIteration(default), the await's result
 * (CPython's anextawaitable, Objects/iterobject.c). */
typedef struct ObjAnextAwaitable {
    Object ob;
    Value wrapped, default_value;
} ObjAnextAwaitable;

static ObjType anext_awaitable_type;

Value rt_anext_awaitable_new(Value awaitable, Value default_value)
{
    ObjAnextAwaitable *a = gc_alloc(sizeof *a);
    a->ob.type = &anext_awaitable_type;
    a->wrapped = awaitable;
    a->default_value = default_value;
    return obj_val(a);
}

/* The iterator a step drives: the wrapped awaitable's, a coroutine's
 * through its __await__ (a coroutine is no iterator itself). */
static Value anext_awaitable_iter(ObjAnextAwaitable *a)
{
    Value it = rt_coro_get_awaitable_iter(a->wrapped);
    if (it == VAL_NULL || val_type(it)->next != NULL)
        return it;
    Value getter = rt_type_lookup(val_type(it), RT_NAME("__await__"));
    Value wrapper = getter == VAL_NULL ? VAL_NULL : rt_call_found(getter, it, NULL, 0);
    if (wrapper == VAL_NULL)
        return VAL_NULL;
    if (val_type(wrapper)->next == NULL)
        return rt_raisef(&rt_TypeError, "__await__ returned a non-iterable");
    return wrapper;
}

/* A step's result; StopAsyncIteration becomes StopIteration(default). */
static Value anext_awaitable_result(ObjAnextAwaitable *a, Value r)
{
    if (r == VAL_NULL && rt_err_matches(&rt_StopAsyncIteration)) {
        rt_err_clear();
        set_stop_iteration_value(a->default_value);
    }
    return r;
}

static Value anext_awaitable_next(Value self)
{
    ObjAnextAwaitable *a = VAL_AS(ObjAnextAwaitable, self);
    Value it = anext_awaitable_iter(a);
    if (it == VAL_NULL)
        return VAL_NULL;
    Value r = val_type(it)->next(it);
    if (r == VAL_NULL && !rt_err_occurred())
        rt_raise(obj_val(&rt_StopIteration));
    return anext_awaitable_result(a, r);
}

/* send/throw/close: the same method of the iterator, its arguments passed on. */
static Value anext_awaitable_proxy(Value *args, size_t nargs, const char *method)
{
    ObjAnextAwaitable *a = VAL_AS(ObjAnextAwaitable, args[0]);
    Value it = anext_awaitable_iter(a);
    Value m = it == VAL_NULL ? VAL_NULL : rt_getattr_cstr(it, method);
    if (m == VAL_NULL)
        return VAL_NULL;
    return anext_awaitable_result(a, rt_call(m, args + 1, nargs - 1, VAL_NULL));
}

static Value anext_awaitable_send(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("send", nargs - 1, kwnames))
        return VAL_NULL;
    return anext_awaitable_proxy(args, nargs, "send");
}

static Value anext_awaitable_throw(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("throw", kwnames) || !rt_arg_range("throw", nargs - 1, 1, 3))
        return VAL_NULL;
    return anext_awaitable_proxy(args, nargs, "throw");
}

static Value anext_awaitable_close(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("close", nargs - 1, kwnames))
        return VAL_NULL;
    return anext_awaitable_proxy(args, nargs, "close");
}

static Value anext_awaitable_m_next(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__next__", nargs - 1, kwnames))
        return VAL_NULL;
    return anext_awaitable_next(args[0]);
}

static const MethodDef anext_awaitable_methods[] = {
    {"send", anext_awaitable_send}, {"throw", anext_awaitable_throw},
    {"close", anext_awaitable_close}, {"__next__", anext_awaitable_m_next},
    {"__iter__", m_iter}, {"__await__", m_iter}, {NULL, NULL},
};

static ObjType anext_awaitable_type = {
    .ob.type = &rt_type_type, .name = "anext_awaitable",
    .iter = self_iter, .next = anext_awaitable_next,
};

/* ---- start-up ------------------------------------------------------------------------------ */

void rt_gen_init(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    rt_type_ready(&rt_generator_type, gen_methods);
    rt_type_ready(&rt_coroutine_type, coro_methods);
    rt_type_ready(&rt_async_generator_type, ag_methods);
    rt_type_add_class_getitem(&rt_async_generator_type);   /* AsyncGenerator[T] */
    if (rt_py_minor >= 12) {            /* 3.12: the code a getset, ag_suspended */
        static const GetSetDef code[] = {
            {"gi_code", gen_get_code}, {"cr_code", gen_get_code}, {"ag_code", gen_get_code},
        };
        static const GetSetDef ag_suspended = { "ag_suspended", gen_get_suspended };
        ObjType *types[] = { &rt_generator_type, &rt_coroutine_type, &rt_async_generator_type };
        for (int i = 0; i < 3; i++)
            rt_type_set(types[i], code[i].name, rt_getset_new(&code[i], types[i]));
        rt_type_set(&rt_async_generator_type, "ag_suspended",
                    rt_getset_new(&ag_suspended, &rt_async_generator_type));
    }
    rt_type_ready(&coro_wrapper_type, wrapper_methods);
    rt_type_ready(&ag_asend_type, ag_await_methods);
    rt_type_ready(&ag_athrow_type, ag_await_methods);
    rt_type_ready(&wrapped_type, NULL);
    rt_type_ready(&anext_awaitable_type, anext_awaitable_methods);
}
