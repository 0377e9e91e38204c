/*
 * eval.c — the fetch–decode–execute loop.
 *
 * vm_eval runs a frame until it returns.  The loop keeps a few registers in
 * C locals — `frame`, `next_instr`, `sp` (the value-stack pointer),
 * `opcode`, `oparg` — and every instruction body ends with DISPATCH(),
 * which fetches the next code unit and jumps to its body (dispatch.h).
 *
 * Calls between Python functions do not recurse in C: CALL pushes a new
 * frame whose `previous` is the caller and continues the same loop;
 * RETURN_VALUE pops it and resumes the caller.  Only calls that pass
 * through C (a builtin calling a Python function, e.g. sorted(key=f))
 * enter vm_eval again, with an "entry" frame that makes it return.
 *
 * Errors: a body that fails does `goto error`.  There the exception gets a
 * traceback entry for this frame, and the 3.11 exception table (a separate
 * small function, find_handler) says where the handler is: the stack is cut
 * to the handler's depth, the exception pushed, and execution continues
 * there.  With no handler the frame is popped and the caller unwinds in turn.
 * The exceptions being handled (sys.exc_info) form a stack of VmExcState
 * entries: PUSH_EXC_INFO / POP_EXCEPT work on the top one, and each running
 * generator pushes its own, as CPython's gi_exc_state.
 *
 * Generators: RETURN_GENERATOR copies the new frame to the GC heap and the
 * call returns a generator owning it (runtime/gen.c).  Every resumption —
 * next(), send(), FOR_ITER, SEND — goes through vm_gen_resume, which runs
 * the heap frame as an entry frame of a nested vm_eval; YIELD_VALUE returns
 * from it.  A direct frame switch inside the loop would save that C call,
 * but measured on a 3M-yield loop pvm already takes half of python3.11's
 * time, so the simpler scheme stays.
 *
 * The eval breaker: RESUME (every function entry and generator resumption)
 * and JUMP_BACKWARD (every loop iteration) test one flag; SIGINT and the
 * generator finaliser set it, and handle_breaker turns it into a
 * KeyboardInterrupt or closes the abandoned generators.
 *
 * Each body is preceded by its stack effect, in the notation
 * `( before -- after )` with the top of the stack on the right.
 */
#include <signal.h>
#include <string.h>
#include "loader/import.h"
#include "runtime/runtime.h"
#include "runtime/gen.h"
#include "vm/config.h"
#include "vm/dispatch.h"
#include "vm/frame.h"
#include "vm/opcodes.h"
#include "vm/vm.h"

/* ---- the step hook (temporary) ---------------------------------------------
 * Tested before every fetch; the dispatch branch replaces this with a
 * separate tracing instantiation of the loop, free when the hook is off. */
static VmStepHook step_hook;
void vm_set_step_hook(VmStepHook hook) { step_hook = hook; }
#undef NEXTOPARG
#define NEXTOPARG()                                 \
    do {                                            \
        if (step_hook)                              \
            step_hook(frame, next_instr, sp);       \
        uint16_t word_ = *next_instr++;             \
        opcode = word_ & 0xff;                      \
        oparg = word_ >> 8;                         \
    } while (0)

/* ---- machine state -------------------------------------------------------- */

static Frame *current_frame;            /* the innermost running Python frame */
static int recursion_limit = PVM_RECURSION_LIMIT;
static int depth;                       /* Python frames + C entries into vm_eval */

/* The exceptions being handled (vm.h): PUSH_EXC_INFO and POP_EXCEPT work on
 * the top entry; a running generator's entry sits above its resumer's. */
static VmExcState thread_exc_state = { .exc = rt_None };
static VmExcState *exc_info = &thread_exc_state;

/* An exception thrown into a generator (gen.throw) is not chained to what
 * its resumer handles, only to what the generator itself handles
 * (CPython's _PyErr_ChainStackItem); chain_context leaves it alone. */
static Value thrown_exc = VAL_NULL;


/* The eval breaker: nonzero when the loop must stop at the next back edge
 * or call to handle an interrupt or pending work (checked with one load). */
static volatile sig_atomic_t eval_breaker;
static volatile sig_atomic_t sigint_pending;
static volatile sig_atomic_t work_pending;

int vm_get_recursion_limit(void) { return recursion_limit; }
void vm_set_recursion_limit(int limit) { recursion_limit = limit; }
Frame *vm_current_frame(void) { return current_frame; }

/* sys.exc_info(): the topmost entry that is handling something. */
static Value topmost_handled(void)
{
    for (VmExcState *s = exc_info; s != NULL; s = s->previous)
        if (s->exc != rt_None && s->exc != VAL_NULL)
            return s->exc;
    return rt_None;
}

Value vm_handled_exception(void) { return topmost_handled(); }

/* ---- value-stack shorthands ------------------------------------------------- */

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define STACK_SHRINK(n) (sp -= (n))
#define JUMPBY(n) (next_instr += (n))

#define GETLOCAL(i) (frame->localsplus[i])
#define GETNAME(i) (AS_TUPLE(frame->code->names)->items[i])
#define GETCONST(i) (AS_TUPLE(frame->code->consts)->items[i])

/* ---- the exception table ------------------------------------------------------ */

/* One varint of the exception table: 6-bit groups, most significant first,
 * 0x40 = more follows.  Returns false if it runs off the end. */
static bool read_exc_varint(const uint8_t **p, const uint8_t *end, int *out)
{
    if (*p >= end)
        return false;
    int v = **p & 63;
    while (**p & 64) {
        (*p)++;
        if (*p >= end || v > (1 << 24))
            return false;
        v = (v << 6) | (**p & 63);
    }
    (*p)++;
    *out = v;
    return true;
}

/* The handler covering instruction `lasti`, if any: target offset (code
 * units), stack depth to cut to, and whether to push lasti. */
static bool find_handler(const ObjCode *code, int lasti, int *target, int *level,
                         bool *push_lasti)
{
    const ObjBytes *table = AS_BYTES(code->exceptiontable);
    const uint8_t *p = table->data, *end = p + table->length;
    while (p < end) {
        int start, length, tgt, dl;
        if (!read_exc_varint(&p, end, &start) || !read_exc_varint(&p, end, &length) ||
            !read_exc_varint(&p, end, &tgt) || !read_exc_varint(&p, end, &dl))
            return false;
        if (lasti >= start && lasti < start + length) {
            *target = tgt;
            *level = dl >> 1;
            *push_lasti = dl & 1;
            return true;
        }
        if (start > lasti)
            return false;
    }
    return false;
}

/* ---- calling a Python function ------------------------------------------------ */

/* "'a', 'b', and 'c'" — CPython's list of missing argument names. */
static Value name_list(Value *names, size_t n)
{
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            sb_adds(&sb, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        sb_add_value_repr(&sb, names[i]);
    }
    return sb_finish(&sb);
}

static bool missing_args(ObjFunction *fn, Value *locals, size_t from, size_t to,
                         const char *kind)
{
    ObjCode *co = fn->code;
    Value names[to - from + 1];
    size_t n = 0;
    for (size_t j = from; j < to; j++)
        if (locals[j] == VAL_NULL)
            names[n++] = rt_tuple_get(co->localsplusnames, j);
    if (n == 0)
        return true;
    rt_raisef(&rt_TypeError, "%S() missing %zu required %s argument%s: %S", fn->qualname,
              n, kind, n == 1 ? "" : "s", name_list(names, n));
    return false;
}

static void too_many_positional(ObjFunction *fn, Value *locals, size_t given)
{
    ObjCode *co = fn->code;
    size_t defcount = fn->defaults ? rt_tuple_len(fn->defaults) : 0;
    size_t kwonly_given = 0;
    for (int j = co->argcount; j < co->argcount + co->kwonlyargcount; j++)
        kwonly_given += locals[j] != VAL_NULL;
    Value sig = defcount
        ? rt_str_format_c("from %zu to %d", co->argcount - defcount, co->argcount)
        : rt_str_format_c("%d", co->argcount);
    Value kwsig = kwonly_given
        ? rt_str_format_c(" positional argument%s (and %zu keyword-only argument%s)",
                          given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "")
        : rt_str_from_cstr("");
    rt_raisef(&rt_TypeError, "%S() takes %S positional argument%s but %zu%S %s given",
              fn->qualname, sig, co->argcount == 1 ? "" : "s", given, kwsig,
              given == 1 && !kwonly_given ? "was" : "were");
}

/* The slot of parameter `name` among the keyword-capable ones, or -1. */
static int find_param(ObjCode *co, Value name, int from, int to)
{
    Value *names = AS_TUPLE(co->localsplusnames)->items;
    for (int j = from; j < to; j++)
        if (names[j] == name)
            return j;
    for (int j = from; j < to; j++)
        if (rt_str_equal(names[j], name))
            return j;
    return -1;
}

static bool bind_keyword(ObjFunction *fn, Value *locals, Value kwdict, Value name, Value v)
{
    ObjCode *co = fn->code;
    int total = co->argcount + co->kwonlyargcount;
    int j = find_param(co, name, co->posonlyargcount, total);
    if (j < 0) {
        if (kwdict != VAL_NULL)
            return rt_dict_set(kwdict, name, v);
        if (find_param(co, name, 0, co->posonlyargcount) >= 0)
            rt_raisef(&rt_TypeError, "%S() got some positional-only arguments passed as "
                      "keyword arguments: '%S'", fn->qualname, name);
        else
            rt_raisef(&rt_TypeError, "%S() got an unexpected keyword argument '%S'",
                      fn->qualname, name);
        return false;
    }
    if (locals[j] != VAL_NULL) {
        rt_raisef(&rt_TypeError, "%S() got multiple values for argument '%S'", fn->qualname, name);
        return false;
    }
    locals[j] = v;
    return true;
}

/* Fill defaults for missing positional and keyword-only parameters, then
 * report what is still missing. */
static bool apply_defaults(ObjFunction *fn, Value *locals)
{
    ObjCode *co = fn->code;
    size_t ndef = fn->defaults ? rt_tuple_len(fn->defaults) : 0;
    size_t first_default = co->argcount - ndef;
    for (size_t j = first_default; j < (size_t)co->argcount; j++)
        if (locals[j] == VAL_NULL)
            locals[j] = rt_tuple_get(fn->defaults, j - first_default);
    if (!missing_args(fn, locals, 0, co->argcount, "positional"))
        return false;
    int total = co->argcount + co->kwonlyargcount;
    for (int j = co->argcount; j < total; j++) {
        if (locals[j] == VAL_NULL && fn->kwdefaults != VAL_NULL)
            locals[j] = rt_dict_get_str(fn->kwdefaults, rt_tuple_get(co->localsplusnames, j));
    }
    return missing_args(fn, locals, co->argcount, total, "keyword-only");
}

/* Bind a call's arguments to the new frame's parameters, as CPython 3.11's
 * initialize_locals does, with the same error messages. */
static bool bind_args(Frame *f, ObjFunction *fn, Value *args, size_t argc, Value kwnames)
{
    ObjCode *co = fn->code;
    Value *locals = f->localsplus;
    size_t nkw = rt_nkwargs(kwnames);
    size_t npos = argc - nkw;
    size_t nparams = co->argcount;
    int total = co->argcount + co->kwonlyargcount;
    if (npos == nparams && nkw == 0 && !(co->flags & (CO_VARARGS | CO_VARKEYWORDS))) {
        memcpy(locals, args, npos * sizeof(Value));      /* the common case */
        return co->kwonlyargcount == 0 || apply_defaults(fn, locals);
    }
    Value kwdict = VAL_NULL;
    if (co->flags & CO_VARKEYWORDS) {
        kwdict = rt_dict_new();
        locals[total + ((co->flags & CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    size_t n = npos < nparams ? npos : nparams;
    memcpy(locals, args, n * sizeof(Value));
    if (co->flags & CO_VARARGS)
        locals[total] = rt_tuple_from(args + n, npos - n);
    for (size_t i = 0; i < nkw; i++)
        if (!bind_keyword(fn, locals, kwdict, rt_tuple_get(kwnames, i), args[npos + i]))
            return false;
    if (npos > nparams && !(co->flags & CO_VARARGS)) {
        too_many_positional(fn, locals, npos);
        return false;
    }
    return apply_defaults(fn, locals);
}

static bool enter_recursion(void)
{
    if (++depth > recursion_limit) {
        depth--;
        rt_raisef(&rt_RecursionError, "maximum recursion depth exceeded");
        return false;
    }
    return true;
}

/* A frame ready to run fn with these arguments, or NULL with the error set. */
static Frame *function_frame(ObjFunction *fn, Value *args, size_t nargs, Value kwnames)
{
    if (!enter_recursion())
        return NULL;
    Frame *f = vm_frame_push(fn->code);
    f->func = fn;
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    if (!bind_args(f, fn, args, nargs, kwnames)) {
        vm_frame_pop(f);
        depth--;
        return NULL;
    }
    return f;
}

/* Leave a finished frame; returns its caller.  A generator's frame is
 * not on the chunk stack: its generator keeps it (or drops it). */
static Frame *leave_frame(Frame *f)
{
    Frame *caller = f->previous;
    depth--;
    if (f->gen == NULL)
        vm_frame_pop(f);
    return caller;
}

static Value vm_eval(Frame *frame, bool throwing);
static void install_sigint_handler(void);

/* Run a frame from C: it is an "entry" frame, whose return leaves this
 * vm_eval, and its caller is whatever Python frame was running. */
static Value run_entry_frame(Frame *f)
{
    f->is_entry = true;
    f->previous = current_frame;
    return vm_eval(f, false);
}

Value vm_function_call(Value callable, Value *args, size_t nargs, Value kwnames)
{
    Frame *f = function_frame(AS_FUNCTION(callable), args, nargs, kwnames);
    if (f == NULL)
        return VAL_NULL;
    return run_entry_frame(f);
}

/* Run module code.  The outermost call is the program: when it ends, the
 * generators still suspended are closed (vm_finalize), as at CPython's exit. */
Value vm_run_module(ObjCode *code, Value globals)
{
    bool program = current_frame == NULL;
    if (program) {
        rt_gen_init();
        install_sigint_handler();
    }
    if (!enter_recursion())
        return VAL_NULL;
    Frame *f = vm_frame_push(code);
    f->globals = globals;
    f->locals = globals;
    Value b = rt_dict_get_cstr(globals, "__builtins__");
    f->builtins = b != VAL_NULL && is_dict(b) ? b : rt_builtins_dict;
    Value r = run_entry_frame(f);
    if (program)
        vm_finalize();
    return r;
}

Value vm_run_class_body(Value func, Value locals)
{
    Frame *f = function_frame(AS_FUNCTION(func), NULL, 0, VAL_NULL);
    if (f == NULL)
        return VAL_NULL;
    f->locals = locals;
    return run_entry_frame(f);
}

/* ---- generators ------------------------------------------------------------------ */

Value vm_gen_resume(Frame *f, VmExcState *state, Value sent, bool throwing)
{
    if (!enter_recursion())
        return VAL_NULL;
    Frame *resumer = current_frame;
    state->previous = exc_info;
    exc_info = state;
    f->is_entry = true;
    f->previous = resumer;
    if (!throwing) {
        *f->sp++ = sent;
    } else {
        thrown_exc = rt_err_peek();
        rt_exc_set_context(thrown_exc, state->exc);
    }
    Value r = vm_eval(f, throwing);
    exc_info = state->previous;
    state->previous = NULL;
    f->previous = NULL;
    current_frame = resumer;
    return r;
}

/* ---- interrupts and pending work ------------------------------------------------- */

static void on_sigint(int sig)
{
    (void)sig;
    sigint_pending = 1;
    eval_breaker = 1;
}

static void install_sigint_handler(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

bool vm_interrupt_pending(void)
{
    return sigint_pending != 0;
}

bool vm_check_interrupt(void)
{
    if (!sigint_pending)
        return true;
    sigint_pending = 0;
    eval_breaker = work_pending;
    rt_raise(obj_val(&rt_KeyboardInterrupt));
    return false;
}

void vm_request_pending_work(void)
{
    work_pending = 1;
    eval_breaker = 1;
}

/* What the loop does when the eval breaker is set: run queued work (closing
 * abandoned generators), then turn a pending SIGINT into KeyboardInterrupt.
 * Returns false with the exception set. */
static bool handle_eval_breaker(void)
{
    eval_breaker = 0;
    if (work_pending) {
        work_pending = 0;
        rt_gen_run_pending();
    }
    return vm_check_interrupt();
}

void vm_finalize(void)
{
    rt_gen_close_all();
}

/* ---- what builtins may ask about the running frame ----------------------------- */

Value vm_globals(void)
{
    return current_frame ? current_frame->globals : rt_builtins_dict;
}

/* locals(): the frame's dict, or a snapshot of its fast locals and cells. */
Value vm_locals(void)
{
    Frame *f = current_frame;
    if (f == NULL)
        return rt_builtins_dict;
    if (f->locals != VAL_NULL)
        return f->locals;
    Value d = rt_dict_new();
    const uint8_t *kinds = AS_BYTES(f->code->localspluskinds)->data;
    for (int i = 0; i < f->code->nlocalsplus; i++) {
        Value v = f->localsplus[i];
        if (v != VAL_NULL && (kinds[i] & (CO_FAST_CELL | CO_FAST_FREE)))
            v = IS_EXACT(v, rt_cell_type) ? VAL_AS(ObjCell, v)->ref : VAL_NULL;
        if (v != VAL_NULL && !rt_dict_set(d, rt_tuple_get(f->code->localsplusnames, i), v))
            return VAL_NULL;
    }
    return d;
}

/* Zero-argument super(): the enclosing class (the __class__ cell) and the
 * method's first argument, found in the running frame. */
bool vm_super_args(Value *type, Value *obj)
{
    Frame *f = current_frame;
    if (f == NULL || f->code->argcount == 0) {
        rt_raisef(&rt_RuntimeError, "super(): no arguments");
        return false;
    }
    const uint8_t *kinds = AS_BYTES(f->code->localspluskinds)->data;
    Value first = f->localsplus[0];
    if (first != VAL_NULL && (kinds[0] & CO_FAST_CELL) && IS_EXACT(first, rt_cell_type))
        first = VAL_AS(ObjCell, first)->ref;
    if (first == VAL_NULL) {
        rt_raisef(&rt_RuntimeError, "super(): arg[0] deleted");
        return false;
    }
    for (int i = 0; i < f->code->nlocalsplus; i++) {
        if (!(kinds[i] & CO_FAST_FREE) ||
            strcmp(rt_str_cstr(rt_tuple_get(f->code->localsplusnames, i)), "__class__") != 0)
            continue;
        Value cell = f->localsplus[i];
        Value cls = IS_EXACT(cell, rt_cell_type) ? VAL_AS(ObjCell, cell)->ref : VAL_NULL;
        if (cls == VAL_NULL) {
            rt_raisef(&rt_RuntimeError, "super(): empty __class__ cell");
            return false;
        }
        *type = cls;
        *obj = first;
        return true;
    }
    rt_raisef(&rt_RuntimeError, "super(): __class__ cell not found");
    return false;
}

/* ---- helpers for the longer bodies ----------------------------------------------- */

static Value load_global(Frame *frame, Value name)
{
    Value v = rt_dict_get_str(frame->globals, name);
    if (v == VAL_NULL)
        v = rt_dict_get_str(frame->builtins, name);
    if (v == VAL_NULL)
        rt_raisef(&rt_NameError, "name '%S' is not defined", name);
    return v;
}

static Value load_name(Frame *frame, Value name)
{
    if (frame->locals != VAL_NULL) {
        bool err = false;
        Value v = is_dict(frame->locals) ? rt_dict_get(frame->locals, name, &err)
                                         : rt_getitem(frame->locals, name);
        if (v != VAL_NULL)
            return v;
        if (err)
            return VAL_NULL;
        if (!is_dict(frame->locals)) {
            if (!rt_err_matches(&rt_KeyError))
                return VAL_NULL;
            rt_err_clear();
        }
    }
    return load_global(frame, name);
}

static Value unbound_local(Frame *frame, int i)
{
    return rt_raisef(&rt_UnboundLocalError,
                     "cannot access local variable '%S' where it is not associated with a value",
                     rt_tuple_get(frame->code->localsplusnames, i));
}

static Value unbound_deref(Frame *frame, int i)
{
    Value name = rt_tuple_get(frame->code->localsplusnames, i);
    uint8_t kind = AS_BYTES(frame->code->localspluskinds)->data[i];
    if (kind & CO_FAST_FREE)
        return rt_raisef(&rt_NameError, "cannot access free variable '%S' where it is not "
                         "associated with a value in enclosing scope", name);
    return unbound_local(frame, i);
}

/* UNPACK_SEQUENCE / UNPACK_EX: items of `seq` onto the stack at dest, in
 * stack order (last item deepest... i.e. first item on top).  `before` items,
 * then optionally a list of the rest, then `after` items. */
static bool unpack(Value seq, Value *dest, int before, int after, bool star)
{
    size_t want = (size_t)before + (size_t)after;
    Value *items = NULL;
    size_t n = 0;
    if (is_tuple(seq) || is_list(seq)) {
        items = is_tuple(seq) ? AS_TUPLE(seq)->items : AS_LIST(seq)->items;
        n = is_tuple(seq) ? AS_TUPLE(seq)->length : AS_LIST(seq)->length;
    } else {
        if (val_type(seq)->iter == NULL && val_type(seq)->getitem == NULL) {
            rt_raisef(&rt_TypeError, "cannot unpack non-iterable %s object", val_type(seq)->name);
            return false;
        }
        Value list = rt_sequence_to_list(seq);
        if (list == VAL_NULL)
            return false;
        items = AS_LIST(list)->items;
        n = AS_LIST(list)->length;
    }
    if (!star && n != want) {
        if (n > want)
            rt_raisef(&rt_ValueError, "too many values to unpack (expected %zu)", want);
        else
            rt_raisef(&rt_ValueError, "not enough values to unpack (expected %zu, got %zu)",
                      want, n);
        return false;
    }
    if (star && n < want) {
        rt_raisef(&rt_ValueError, "not enough values to unpack (expected at least %zu, got %zu)",
                  want, n);
        return false;
    }
    /* dest[0] is the deepest slot: it receives the last item. */
    size_t slots = want + (star ? 1 : 0);
    for (int i = 0; i < before; i++)
        dest[slots - 1 - i] = items[i];
    if (star)
        dest[after] = rt_list_from(items + before, n - want);
    for (int i = 0; i < after; i++)
        dest[after - 1 - i] = items[n - after + i];
    return true;
}

/* FORMAT_VALUE: an f-string replacement field. */
static Value format_value(Value v, int flags, Value spec)
{
    switch (flags & 3) {
    case 1: v = rt_str(v); break;
    case 2: v = rt_repr(v); break;
    case 3: v = rt_ascii(v); break;
    }
    if (v == VAL_NULL)
        return VAL_NULL;
    if (spec == VAL_NULL && is_str(v))
        return v;
    return rt_format(v, spec != VAL_NULL ? spec : rt_str_from_cstr(""));
}

static Value build_string(Value *items, size_t n)
{
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++)
        sb_add(&sb, rt_str_cstr(items[i]), rt_str_nbytes(items[i]));
    return sb_finish(&sb);
}

/* MAKE_FUNCTION: code on top, below it the optional parts flags asks for. */
static Value make_function(Frame *frame, Value **spp, int flags)
{
    Value *sp = *spp;
    Value codev = POP();
    ObjFunction *fn = AS_FUNCTION(rt_function_new(AS_CODE(codev), frame->globals,
                                                  AS_CODE(codev)->qualname));
    fn->builtins = frame->builtins;
    if (flags & 0x08)
        fn->closure = POP();
    if (flags & 0x04)
        fn->annotations = POP();
    if (flags & 0x02)
        fn->kwdefaults = POP();
    if (flags & 0x01)
        fn->defaults = POP();
    *spp = sp;
    return obj_val(fn);
}

/* RAISE_VARARGS with an exception (and maybe a cause). */
static void do_raise(Value exc, Value cause)
{
    if (rt_raise(exc) != VAL_NULL || !rt_err_occurred())
        return;
    if (cause == VAL_NULL)
        return;
    Value raised = rt_err_peek();
    if (!rt_isinstance_of(raised, &rt_BaseException))
        return;          /* rt_raise already reported a TypeError */
    if (IS_EXACT(cause, rt_type_type) && (AS_TYPE(cause)->flags & TF_EXCEPTION)) {
        cause = rt_call0(cause);
        if (cause == VAL_NULL)
            return;
    } else if (cause != rt_None && !rt_isinstance_of(cause, &rt_BaseException)) {
        rt_err_clear();
        rt_raisef(&rt_TypeError, "exception causes must derive from BaseException");
        return;
    }
    AS_EXC(raised)->cause = cause;
    AS_EXC(raised)->suppress_context = true;
}

/* An exception raised while another is being handled remembers it as its
 * __context__ (what "During handling of the above exception" prints).  Run
 * at `error:` in every frame the exception passes, it acts only once: where
 * the exception was raised, the handled exception is the same one CPython's
 * _PyErr_SetObject sees (callees share their caller's exc_info). */
static void chain_context(Value exc)
{
    if (exc == thrown_exc || !rt_isinstance_of(exc, &rt_BaseException))
        return;
    Value ctx = AS_EXC(exc)->context;
    if (ctx == VAL_NULL || ctx == rt_None)
        rt_exc_set_context(exc, topmost_handled());
}

/* `except X:` — X must be an exception class or a tuple of them. */
static bool is_exception_class(Value v)
{
    return rt_isinstance_of(v, &rt_type_type) && rt_is_subtype(AS_TYPE(v), &rt_BaseException);
}

static bool valid_except_type(Value v)
{
    if (!is_tuple(v))
        return is_exception_class(v);
    for (size_t i = 0; i < rt_tuple_len(v); i++)
        if (!is_exception_class(rt_tuple_get(v, i)))
            return false;
    return true;
}

/* "f()" — how CPython names a callable in call-time error messages. */
static Value func_desc(Value func)
{
    Value q = rt_lookup_attr(func, rt_str_intern_cstr("__qualname__"));
    if (q == VAL_NULL) {
        rt_err_clear();
        Value s = rt_str(func);
        return s != VAL_NULL ? s : rt_str_format_c("%s object", val_type(func)->name);
    }
    Value m = rt_lookup_attr(func, rt_str_intern_cstr("__module__"));
    rt_err_clear();
    if (m != VAL_NULL && is_str(m) && strcmp(rt_str_cstr(m), "builtins") != 0)
        return rt_str_format_c("%S.%S()", m, q);
    return rt_str_format_c("%S()", q);
}

/* DICT_MERGE: f(**mapping) — keyword names must be str and not repeat. */
static bool dict_merge_kwargs(Value dict, Value update, Value func)
{
    if (!rt_isinstance_of(update, &rt_dict_type)) {
        rt_raisef(&rt_TypeError, "%S argument after ** must be a mapping, not %s",
                  func_desc(func), val_type(update)->name);
        return false;
    }
    Value k, v;
    for (size_t pos = 0; rt_dict_next(update, &pos, &k, &v);) {
        if (!is_str(k)) {
            rt_raisef(&rt_TypeError, "keywords must be strings");
            return false;
        }
        if (rt_dict_get_str(dict, k) != VAL_NULL) {
            rt_raisef(&rt_TypeError, "%S got multiple values for keyword argument '%S'",
                      func_desc(func), k);
            return false;
        }
        if (!rt_dict_set(dict, k, v))
            return false;
    }
    return true;
}

/* ---- helpers: coroutines and async iteration ------------------------------------------ */

/* A special method looked up on the type and bound to obj, as CPython's
 * _PyObject_LookupSpecial; VAL_NULL without an exception when absent. */
static Value lookup_special(Value obj, const char *name)
{
    Value m = rt_type_lookup(val_type(obj), rt_str_intern_cstr(name));
    if (m == VAL_NULL)
        return VAL_NULL;
    ObjType *mt = val_type(m);
    if (mt->descr_get != NULL)
        return mt->descr_get(m, obj, obj_val(val_type(obj)));
    return m;
}

/* GET_AWAITABLE: where is 0 for `await`, 1/2 after __aenter__/__aexit__. */
static Value get_awaitable(Value v, int where)
{
    Value it = rt_coro_get_awaitable_iter(v);
    if (it == VAL_NULL) {
        if (where != 0 && rt_err_matches(&rt_TypeError) &&
            rt_type_lookup(val_type(v), rt_str_intern_cstr("__await__")) == VAL_NULL) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "'async with' received an object from %s that does not "
                      "implement __await__: %s", where == 1 ? "__aenter__" : "__aexit__",
                      val_type(v)->name);
        }
        return VAL_NULL;
    }
    if (IS_EXACT(it, rt_coroutine_type) && rt_gen_delegate(VAL_AS(ObjGen, it)) != VAL_NULL)
        return rt_raisef(&rt_RuntimeError, "coroutine is being awaited already");
    return it;
}

static Value get_aiter(Value obj)
{
    Value meth = lookup_special(obj, "__aiter__");
    if (meth == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL
             : rt_raisef(&rt_TypeError, "'async for' requires an object with __aiter__ "
                         "method, got %s", val_type(obj)->name);
    Value it = rt_call0(meth);
    if (it == VAL_NULL)
        return VAL_NULL;
    if (rt_type_lookup(val_type(it), rt_str_intern_cstr("__anext__")) == VAL_NULL)
        return rt_raisef(&rt_TypeError, "'async for' received an object from __aiter__ "
                         "that does not implement __anext__: %s", val_type(it)->name);
    return it;
}

static Value get_anext(Value aiter)
{
    if (IS_EXACT(aiter, rt_async_generator_type))
        return rt_async_gen_anext(aiter);
    Value meth = lookup_special(aiter, "__anext__");
    if (meth == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL
             : rt_raisef(&rt_TypeError, "'async for' requires an iterator with __anext__ "
                         "method, got %s", val_type(aiter)->name);
    Value next = rt_call0(meth);
    if (next == VAL_NULL)
        return VAL_NULL;
    Value aw = rt_coro_get_awaitable_iter(next);
    if (aw == VAL_NULL && rt_err_matches(&rt_TypeError)) {
        Value cause = rt_err_fetch();
        rt_raisef(&rt_TypeError, "'async for' received an invalid object from __anext__: %s",
                  val_type(next)->name);
        AS_EXC(rt_err_peek())->cause = cause;
        AS_EXC(rt_err_peek())->suppress_context = true;
    }
    return aw;
}

/* BEFORE_WITH / BEFORE_ASYNC_WITH: replace the manager on top of the stack
 * by its bound __exit__ and return its bound __enter__. */
static Value enter_exit_at(Value *top, bool async)
{
    Value mgr = *top;
    const char *proto = async ? "asynchronous context manager" : "context manager";
    Value enter = lookup_special(mgr, async ? "__aenter__" : "__enter__");
    if (enter == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL
             : rt_raisef(&rt_TypeError, "'%s' object does not support the %s protocol",
                         val_type(mgr)->name, proto);
    Value exit = lookup_special(mgr, async ? "__aexit__" : "__exit__");
    if (exit == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL
             : rt_raisef(&rt_TypeError, "'%s' object does not support the %s protocol "
                         "(missed %s method)", val_type(mgr)->name, proto,
                         async ? "__aexit__" : "__exit__");
    *top = exit;
    return enter;
}
#define enter_exit(top, async) enter_exit_at(&sp[-1], async)

/* ---- helpers: pattern matching ------------------------------------------------------------ */

/* `case [a, b]:` matches sequences but not str, bytes or bytearray (the
 * types CPython flags Py_TPFLAGS_SEQUENCE, as far as pvm has them). */
static bool is_match_sequence(Value v)
{
    return rt_isinstance_of(v, &rt_list_type) || rt_isinstance_of(v, &rt_tuple_type) ||
           rt_isinstance_of(v, &rt_range_type);
}

/* MATCH_KEYS: the values of subject[key] for each key, via subject.get so
 * that a missing key (not __missing__) fails the match: None then. */
static Value match_keys(Value subject, Value keys)
{
    size_t n = rt_tuple_len(keys);
    if (n == 0)
        return rt_empty_tuple;
    Value get = is_dict(subject) ? VAL_NULL : rt_getattr_cstr(subject, "get");
    if (!is_dict(subject) && get == VAL_NULL)
        return VAL_NULL;
    Value seen = rt_set_new();
    Value values = rt_tuple_new(n);
    Value dummy = obj_val(&rt_null_obj);
    for (size_t i = 0; i < n; i++) {
        Value key = rt_tuple_get(keys, i);
        int dup = rt_contains(seen, key);
        if (dup < 0 || (dup == 0 && !rt_set_add(seen, key)))
            return VAL_NULL;
        if (dup)
            return rt_raisef(&rt_ValueError, "mapping pattern checks duplicate key (%R)", key);
        Value v;
        if (get == VAL_NULL) {
            bool err = false;
            v = rt_dict_get(subject, key, &err);
            if (err)
                return VAL_NULL;
            if (v == VAL_NULL)
                return rt_None;
        } else {
            v = rt_call2(get, key, dummy);
            if (v == VAL_NULL)
                return VAL_NULL;
            if (v == dummy)
                return rt_None;
        }
        AS_TUPLE(values)->items[i] = v;
    }
    return values;
}

/* One attribute for a class pattern; VAL_NULL with no exception when the
 * subject lacks it (no match). */
static Value match_class_attr(Value subject, ObjType *type, Value name, Value seen)
{
    int dup = rt_contains(seen, name);
    if (dup < 0 || (dup == 0 && !rt_set_add(seen, name)))
        return VAL_NULL;
    if (dup)
        return rt_raisef(&rt_TypeError, "%s() got multiple sub-patterns for attribute %R",
                         type->name, name);
    Value attr = rt_getattr(subject, name);
    if (attr == VAL_NULL && rt_err_matches(&rt_AttributeError))
        rt_err_clear();
    return attr;
}

/* Builtin types whose single positional sub-pattern matches the subject
 * itself: `case int(x):` (CPython's _Py_TPFLAGS_MATCH_SELF). */
static bool matches_self(ObjType *t)
{
    return t == &rt_bool_type || t == &rt_bytearray_type || t == &rt_bytes_type ||
           t == &rt_dict_type || t == &rt_float_type || t == &rt_frozenset_type ||
           t == &rt_int_type || t == &rt_list_type || t == &rt_set_type ||
           t == &rt_str_type || t == &rt_tuple_type;
}

/* The positional sub-patterns' attribute names: type.__match_args__ (or
 * the subject itself for the types above); false with an error set. */
static bool match_positional(Value subject, ObjType *type, int nargs, Value seen, Value attrs)
{
    Value match_args = rt_getattr_cstr(obj_val(type), "__match_args__");
    bool self = false;
    if (match_args == VAL_NULL) {
        if (!rt_err_matches(&rt_AttributeError))
            return false;
        rt_err_clear();
        match_args = rt_empty_tuple;
        for (ObjType *t = type; t != NULL && !self; t = t->base)
            self = matches_self(t);
    } else if (!is_tuple(match_args)) {
        rt_raisef(&rt_TypeError, "%s.__match_args__ must be a tuple (got %s)", type->name,
                  val_type(match_args)->name);
        return false;
    }
    int allowed = self ? 1 : (int)rt_tuple_len(match_args);
    if (allowed < nargs) {
        rt_raisef(&rt_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)",
                  type->name, allowed, allowed == 1 ? "" : "s", nargs);
        return false;
    }
    if (self)
        return rt_list_append(attrs, subject);
    for (int i = 0; i < nargs; i++) {
        Value name = rt_tuple_get(match_args, i);
        if (!is_str(name)) {
            rt_raisef(&rt_TypeError, "__match_args__ elements must be strings (got %s)",
                      val_type(name)->name);
            return false;
        }
        Value attr = match_class_attr(subject, type, name, seen);
        if (attr == VAL_NULL || !rt_list_append(attrs, attr))
            return false;
    }
    return true;
}

/* MATCH_CLASS: the tuple of attributes, rt_None for no match, VAL_NULL on
 * error (CPython's match_class). */
static Value match_class(Value subject, Value typev, int nargs, Value names)
{
    if (!rt_isinstance_of(typev, &rt_type_type))
        return rt_raisef(&rt_TypeError, "called match pattern must be a type");
    ObjType *type = AS_TYPE(typev);
    if (!rt_isinstance_of(subject, type))
        return rt_None;
    Value seen = rt_set_new(), attrs = rt_list_new(0);
    if (nargs > 0 && !match_positional(subject, type, nargs, seen, attrs))
        return rt_err_occurred() ? VAL_NULL : rt_None;
    for (size_t i = 0; i < rt_tuple_len(names); i++) {
        Value attr = match_class_attr(subject, type, rt_tuple_get(names, i), seen);
        if (attr == VAL_NULL)
            return rt_err_occurred() ? VAL_NULL : rt_None;
        rt_list_append(attrs, attr);
    }
    return rt_list_as_tuple(attrs);
}

/* ---- helpers: generators owned by a for-loop (see gen.c) ------------------------------------ */

static inline bool is_loop_owned_gen(Value v)
{
    return !val_is_small(v) && (val_obj(v)->type == &rt_generator_type ||
                                val_obj(v)->type == &rt_async_generator_type) &&
           VAL_AS(ObjGen, v)->loop_owned;
}

/* The unwinder is about to discard stack slots [from, to): close the
 * loop-owned generators among them, keeping the exception in flight. */
static void drop_loop_generators(Value *from, Value *to)
{
    for (Value *p = from; p < to; p++)
        if (*p != VAL_NULL && is_loop_owned_gen(*p))
            rt_gen_drop(*p);
}

/* ---- the loop ------------------------------------------------------------------------ */

static Value vm_eval(Frame *frame, bool throwing)
{
#if defined(PVM_DISPATCH_GOTO)
    /* Every byte value starts as "unknown", then each 3.11 opcode's entry is
     * overridden with its body's label (hence the silenced warning). */
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Winitializer-overrides"
#else
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#endif
    static void *dispatch_table[256] = {
        [0 ... 255] = &&unknown_opcode,
#define OPCODE_LABEL(name, num, caches, kind) [num] = &&TARGET_##name,
        PVM_OPCODES(OPCODE_LABEL)
#undef OPCODE_LABEL
    };
#if defined(__clang__)
#pragma clang diagnostic pop
#else
#pragma GCC diagnostic pop
#endif
#endif
    const uint16_t *next_instr;
    Value *sp;
    int opcode, oparg;
    Value kwnames = VAL_NULL;           /* set by KW_NAMES for the next CALL */
    Value exc;

    if (throwing) {                     /* gen.throw(): raise at the suspended yield */
        current_frame = frame;
        next_instr = frame->next_instr;
        sp = frame->sp;
        goto error;
    }
resume_frame:
    current_frame = frame;
    next_instr = frame->next_instr;
    sp = frame->sp;
    DISPATCH_LOOP_BEGIN

    /* ---- basics ---- */

    TARGET(NOP) {                       /* ( -- ) */
        DISPATCH();
    }

    /* ( -- ) start of a function, or of a generator after a yield (oparg
     * says which kind of resumption: 1 yield, 2 yield from, 3 await).  A
     * safe point: the eval breaker is checked here and at back edges. */
    TARGET(RESUME) {
        if (eval_breaker)
            goto handle_breaker;
        DISPATCH();
    }

    TARGET(EXTENDED_ARG) {              /* ( -- ) widen the next oparg by 8 bits */
        int high = oparg;
        NEXTOPARG();
        oparg |= high << 8;
        DISPATCH_SAME_OPARG();
    }

    TARGET(POP_TOP) {                   /* ( value -- ) */
        Value v = POP();
        if (is_loop_owned_gen(v))       /* a loop left by break or return */
            rt_gen_drop(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {                 /* ( -- NULL ) the slot below a callable */
        PUSH(rt_Null);
        DISPATCH();
    }

    TARGET(COPY) {                      /* ( x ... -- x ... x ) copy the oparg-th item */
        Value v = PEEK(oparg);
        PUSH(v);
        DISPATCH();
    }

    TARGET(SWAP) {                      /* ( x ... y -- y ... x ) */
        Value top = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = top;
        DISPATCH();
    }

    /* ---- constants and variables ---- */

    TARGET(LOAD_CONST) {                /* ( -- co_consts[oparg] ) */
        PUSH(GETCONST(oparg));
        DISPATCH();
    }

    TARGET(LOAD_FAST) {                 /* ( -- local ) */
        Value v = GETLOCAL(oparg);
        if (v == VAL_NULL) {
            unbound_local(frame, oparg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_FAST) {                /* ( value -- ) */
        GETLOCAL(oparg) = POP();
        DISPATCH();
    }

    TARGET(DELETE_FAST) {               /* ( -- ) */
        if (GETLOCAL(oparg) == VAL_NULL) {
            unbound_local(frame, oparg);
            goto error;
        }
        GETLOCAL(oparg) = VAL_NULL;
        DISPATCH();
    }

    TARGET(LOAD_NAME) {                 /* ( -- value ) locals, then globals, then builtins */
        Value v = load_name(frame, GETNAME(oparg));
        if (v == VAL_NULL)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {                /* ( value -- ) into the locals dict */
        Value v = POP();
        if (frame->locals == VAL_NULL) {
            rt_raisef(&rt_SystemError, "no locals found when storing %R", GETNAME(oparg));
            goto error;
        }
        bool ok = is_dict(frame->locals) ? rt_dict_set(frame->locals, GETNAME(oparg), v)
                                         : rt_setitem(frame->locals, GETNAME(oparg), v) == 0;
        if (!ok)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {               /* ( -- ) */
        Value name = GETNAME(oparg);
        int r = frame->locals == VAL_NULL ? 0 : rt_dict_del(frame->locals, name);
        if (r < 0)
            goto error;
        if (r == 0) {
            rt_raisef(&rt_NameError, "name '%S' is not defined", name);
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {               /* ( -- [NULL] value ) the low bit asks for a NULL */
        Value v = load_global(frame, GETNAME(oparg >> 1));
        if (v == VAL_NULL)
            goto error;
        if (oparg & 1)
            PUSH(rt_Null);
        PUSH(v);
        SKIP_CACHES(LOAD_GLOBAL);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {              /* ( value -- ) */
        if (!rt_dict_set(frame->globals, GETNAME(oparg), POP()))
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {             /* ( -- ) */
        int r = rt_dict_del(frame->globals, GETNAME(oparg));
        if (r < 0)
            goto error;
        if (r == 0) {
            rt_raisef(&rt_NameError, "name '%S' is not defined", GETNAME(oparg));
            goto error;
        }
        DISPATCH();
    }

    /* ---- cells and closures ---- */

    TARGET(MAKE_CELL) {                 /* ( -- ) wrap local oparg in a new cell */
        GETLOCAL(oparg) = rt_cell_new(GETLOCAL(oparg));
        DISPATCH();
    }

    TARGET(COPY_FREE_VARS) {            /* ( -- ) the closure's cells into the last slots */
        Value closure = frame->func ? frame->func->closure : VAL_NULL;
        if (closure == VAL_NULL || rt_tuple_len(closure) < (size_t)oparg) {
            rt_raisef(&rt_SystemError, "function has no closure of %d cells", oparg);
            goto error;
        }
        int offset = frame->code->nlocalsplus - oparg;
        for (int i = 0; i < oparg; i++)
            GETLOCAL(offset + i) = rt_tuple_get(closure, i);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {              /* ( -- cell ) */
        PUSH(GETLOCAL(oparg));
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {                /* ( -- cell contents ) */
        Value cell = GETLOCAL(oparg);
        if (!IS_EXACT(cell, rt_cell_type) || VAL_AS(ObjCell, cell)->ref == VAL_NULL) {
            unbound_deref(frame, oparg);
            goto error;
        }
        PUSH(VAL_AS(ObjCell, cell)->ref);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {           /* ( -- value ) class body: locals dict, then the cell */
        Value name = rt_tuple_get(frame->code->localsplusnames, oparg);
        Value v = frame->locals != VAL_NULL ? rt_dict_get_str(frame->locals, name) : VAL_NULL;
        if (v == VAL_NULL) {
            Value cell = GETLOCAL(oparg);
            if (!IS_EXACT(cell, rt_cell_type) || VAL_AS(ObjCell, cell)->ref == VAL_NULL) {
                unbound_deref(frame, oparg);
                goto error;
            }
            v = VAL_AS(ObjCell, cell)->ref;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {               /* ( value -- ) into the cell */
        Value cell = GETLOCAL(oparg);
        if (!IS_EXACT(cell, rt_cell_type)) {
            rt_raisef(&rt_SystemError, "STORE_DEREF on a slot without a cell");
            goto error;
        }
        VAL_AS(ObjCell, cell)->ref = POP();
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {              /* ( -- ) empty the cell */
        Value cell = GETLOCAL(oparg);
        if (!IS_EXACT(cell, rt_cell_type) || VAL_AS(ObjCell, cell)->ref == VAL_NULL) {
            unbound_deref(frame, oparg);
            goto error;
        }
        VAL_AS(ObjCell, cell)->ref = VAL_NULL;
        DISPATCH();
    }

    /* ---- operators ---- */

    TARGET(UNARY_POSITIVE) {            /* ( x -- +x ) */
        Value r = rt_unary_op(TOP(), UN_POS);
        if (r == VAL_NULL)
            goto error;
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {            /* ( x -- -x ) */
        Value x = TOP(), r;
        if (val_is_small(x) && small_value(x) != SMALL_MIN)
            r = small_new(-small_value(x));
        else if ((r = rt_unary_op(x, UN_NEG)) == VAL_NULL)
            goto error;
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {              /* ( x -- ~x ) */
        Value r = rt_unary_op(TOP(), UN_INVERT);
        if (r == VAL_NULL)
            goto error;
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(UNARY_NOT) {                 /* ( x -- not x ) */
        int t = rt_truthy(TOP());
        if (t < 0)
            goto error;
        SET_TOP(rt_bool(!t));
        DISPATCH();
    }

    TARGET(BINARY_OP) {                 /* ( left right -- result ) oparg: NB_* */
        Value right = TOP(), left = SECOND(), r;
        if (val_is_small(left) && val_is_small(right)) {
            intptr_t a = small_value(left), b = small_value(right), c;
            switch (oparg) {
            case NB_ADD: case NB_ADD + NB_INPLACE_OFFSET:
                c = a + b;              /* cannot overflow a machine word */
                if (small_fits(c)) { r = small_new(c); goto binop_done; }
                break;
            case NB_SUBTRACT: case NB_SUBTRACT + NB_INPLACE_OFFSET:
                c = a - b;
                if (small_fits(c)) { r = small_new(c); goto binop_done; }
                break;
            case NB_MULTIPLY: case NB_MULTIPLY + NB_INPLACE_OFFSET:
                if (!__builtin_mul_overflow(a, b, &c) && small_fits(c)) {
                    r = small_new(c);
                    goto binop_done;
                }
                break;
            }
        } else if (is_float(left) && is_float(right)) {
            double a = rt_float_value(left), b = rt_float_value(right);
            switch (oparg) {
            case NB_ADD: case NB_ADD + NB_INPLACE_OFFSET:
                r = rt_float_new(a + b); goto binop_done;
            case NB_SUBTRACT: case NB_SUBTRACT + NB_INPLACE_OFFSET:
                r = rt_float_new(a - b); goto binop_done;
            case NB_MULTIPLY: case NB_MULTIPLY + NB_INPLACE_OFFSET:
                r = rt_float_new(a * b); goto binop_done;
            }
        }
        r = rt_binary_op(left, right, oparg);
        if (r == VAL_NULL)
            goto error;
    binop_done:
        STACK_SHRINK(1);
        SET_TOP(r);
        SKIP_CACHES(BINARY_OP);
        DISPATCH();
    }

    TARGET(COMPARE_OP) {                /* ( left right -- result ) oparg: CMP_* */
        Value right = TOP(), left = SECOND(), r;
        if (val_is_small(left) && val_is_small(right)) {
            r = rt_bool(rt_compare_bool(left, right, oparg));
        } else if ((r = rt_richcompare(left, right, oparg)) == VAL_NULL) {
            goto error;
        }
        STACK_SHRINK(1);
        SET_TOP(r);
        SKIP_CACHES(COMPARE_OP);
        DISPATCH();
    }

    TARGET(IS_OP) {                     /* ( left right -- bool ) oparg 1: is not */
        Value right = POP();
        SET_TOP(rt_bool((TOP() == right) ^ oparg));
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {               /* ( item container -- bool ) oparg 1: not in */
        Value container = POP();
        int r = rt_contains(container, TOP());
        if (r < 0)
            goto error;
        SET_TOP(rt_bool(r ^ oparg));
        DISPATCH();
    }

    /* ---- subscripts ---- */

    TARGET(BINARY_SUBSCR) {             /* ( container key -- container[key] ) */
        Value key = TOP(), container = SECOND(), r;
        if (is_list(container) && val_is_small(key) &&
            (size_t)small_value(key) < AS_LIST(container)->length) {
            r = AS_LIST(container)->items[small_value(key)];
        } else if ((r = rt_getitem(container, key)) == VAL_NULL) {
            goto error;
        }
        STACK_SHRINK(1);
        SET_TOP(r);
        SKIP_CACHES(BINARY_SUBSCR);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {              /* ( value container key -- ) container[key] = value */
        Value key = TOP(), container = SECOND(), v = THIRD();
        if (is_list(container) && val_is_small(key) &&
            (size_t)small_value(key) < AS_LIST(container)->length) {
            AS_LIST(container)->items[small_value(key)] = v;
        } else if (rt_setitem(container, key, v) < 0) {
            goto error;
        }
        STACK_SHRINK(3);
        SKIP_CACHES(STORE_SUBSCR);
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {             /* ( container key -- ) */
        if (rt_delitem(SECOND(), TOP()) < 0)
            goto error;
        STACK_SHRINK(2);
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {               /* ( start stop [step] -- slice ) */
        Value step = oparg == 3 ? POP() : rt_None;
        Value stop = POP();
        SET_TOP(rt_slice_new(TOP(), stop, step));
        DISPATCH();
    }

    /* ---- attributes ---- */

    TARGET(LOAD_ATTR) {                 /* ( owner -- owner.name ) */
        Value r = rt_getattr(TOP(), GETNAME(oparg));
        if (r == VAL_NULL)
            goto error;
        SET_TOP(r);
        SKIP_CACHES(LOAD_ATTR);
        DISPATCH();
    }

    TARGET(STORE_ATTR) {                /* ( value owner -- ) owner.name = value */
        if (rt_setattr(TOP(), GETNAME(oparg), SECOND()) < 0)
            goto error;
        STACK_SHRINK(2);
        SKIP_CACHES(STORE_ATTR);
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {               /* ( owner -- ) */
        if (rt_delattr(TOP(), GETNAME(oparg)) < 0)
            goto error;
        STACK_SHRINK(1);
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {               /* ( owner -- method owner ) or ( owner -- NULL attr ) */
        Value owner = TOP(), meth;
        int r = rt_get_method(owner, GETNAME(oparg), &meth);
        if (r < 0)
            goto error;
        if (r == 1) {
            SET_TOP(meth);
            PUSH(owner);
        } else {
            SET_TOP(rt_Null);
            PUSH(meth);
        }
        SKIP_CACHES(LOAD_METHOD);
        DISPATCH();
    }

    /* ---- calls ---- */

    TARGET(KW_NAMES) {                  /* ( -- ) names of the next CALL's keyword args */
        kwnames = GETCONST(oparg);
        DISPATCH();
    }

    TARGET(PRECALL) {                   /* ( -- ) unpack a bound method into NULL's slot */
        if (PEEK(oparg + 2) == rt_Null && IS_EXACT(PEEK(oparg + 1), rt_method_type)) {
            ObjMethod *m = VAL_AS(ObjMethod, PEEK(oparg + 1));
            PEEK(oparg + 2) = m->func;
            PEEK(oparg + 1) = m->self;
        }
        SKIP_CACHES(PRECALL);
        DISPATCH();
    }

    TARGET(CALL) {                      /* ( NULL|method callable|self args... -- result ) */
        bool is_meth = PEEK(oparg + 2) != rt_Null;
        int total = oparg + is_meth;
        Value callable = PEEK(total + 1);
        Value *args = sp - total;
        Value call_kwnames = kwnames;
        kwnames = VAL_NULL;
        if (is_function(callable)) {
            Frame *callee = function_frame(AS_FUNCTION(callable), args, total, call_kwnames);
            if (callee == NULL)
                goto error;
            STACK_SHRINK(oparg + 2);
            frame->sp = sp;
            frame->instr = next_instr - 1;
            frame->next_instr = next_instr + CACHES_CALL;
            callee->previous = frame;
            frame = callee;
            goto resume_frame;
        }
        Value r = rt_call(callable, args, total, call_kwnames);
        if (r == VAL_NULL)
            goto error;
        STACK_SHRINK(oparg + 1);
        SET_TOP(r);
        SKIP_CACHES(CALL);
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {          /* ( NULL func args [kwargs] -- result ) */
        Value kwargs = (oparg & 1) ? POP() : VAL_NULL;
        Value args = POP();
        Value func = TOP();
        if (!is_tuple(args)) {
            if (val_type(args)->iter == NULL && val_type(args)->getitem == NULL) {
                rt_raisef(&rt_TypeError, "%S argument after * must be an iterable, not %s",
                          func_desc(func), val_type(args)->name);
                goto error;
            }
            if ((args = rt_sequence_to_tuple(args)) == VAL_NULL)
                goto error;
        }
        if (kwargs != VAL_NULL && !is_dict(kwargs)) {
            Value d = rt_dict_new();
            if (!dict_merge_kwargs(d, kwargs, func))
                goto error;
            kwargs = d;
        }
        Value r = rt_call_tuple_dict(func, args, kwargs);
        if (r == VAL_NULL)
            goto error;
        STACK_SHRINK(1);
        SET_TOP(r);                     /* replaces the NULL below func */
        DISPATCH();
    }

    /* ( [defaults] [kwdefaults] [annotations] [closure] code -- function ) */
    TARGET(MAKE_FUNCTION) {
        Value fn = make_function(frame, &sp, oparg);
        PUSH(fn);
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {              /* ( value -- ) return it to the caller */
        Value retval = POP();
        bool entry = frame->is_entry;
        frame = current_frame = leave_frame(frame);
        if (entry)
            return retval;
        next_instr = frame->next_instr;
        sp = frame->sp;
        PUSH(retval);
        DISPATCH();
    }

    /* ---- jumps ---- */

    TARGET(JUMP_FORWARD) {              /* ( -- ) */
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD) {             /* ( -- ) the back edge of a loop: a safe point */
        JUMPBY(-oparg);
        if (eval_breaker)
            goto handle_breaker;
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD_NO_INTERRUPT) { /* ( -- ) */
        JUMPBY(-oparg);
        DISPATCH();
    }

#define POP_JUMP_IF_BOOL(name, sign, want)                  \
    TARGET(name) {              /* ( cond -- ) */           \
        Value cond = POP();                                 \
        int t;                                              \
        if (cond == rt_True) t = 1;                         \
        else if (cond == rt_False) t = 0;                   \
        else if ((t = rt_truthy(cond)) < 0) goto error;     \
        if (t == want)                                      \
            JUMPBY(sign oparg);                             \
        DISPATCH();                                         \
    }
    POP_JUMP_IF_BOOL(POP_JUMP_FORWARD_IF_FALSE, +, 0)
    POP_JUMP_IF_BOOL(POP_JUMP_FORWARD_IF_TRUE, +, 1)
    POP_JUMP_IF_BOOL(POP_JUMP_BACKWARD_IF_FALSE, -, 0)
    POP_JUMP_IF_BOOL(POP_JUMP_BACKWARD_IF_TRUE, -, 1)

#define POP_JUMP_IF_NONE(name, sign, want)                  \
    TARGET(name) {              /* ( value -- ) */          \
        if ((POP() == rt_None) == want)                     \
            JUMPBY(sign oparg);                             \
        DISPATCH();                                         \
    }
    POP_JUMP_IF_NONE(POP_JUMP_FORWARD_IF_NONE, +, 1)
    POP_JUMP_IF_NONE(POP_JUMP_FORWARD_IF_NOT_NONE, +, 0)
    POP_JUMP_IF_NONE(POP_JUMP_BACKWARD_IF_NONE, -, 1)
    POP_JUMP_IF_NONE(POP_JUMP_BACKWARD_IF_NOT_NONE, -, 0)

    TARGET(JUMP_IF_FALSE_OR_POP) {      /* ( cond -- cond ) if false and jump, else ( cond -- ) */
        int t = rt_truthy(TOP());
        if (t < 0)
            goto error;
        if (t)
            STACK_SHRINK(1);
        else
            JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {       /* ( cond -- cond ) if true and jump, else ( cond -- ) */
        int t = rt_truthy(TOP());
        if (t < 0)
            goto error;
        if (t)
            JUMPBY(oparg);
        else
            STACK_SHRINK(1);
        DISPATCH();
    }

    /* ---- iteration ---- */

    TARGET(GET_ITER) {                  /* ( iterable -- iterator ) */
        Value it = rt_iter(TOP());
        if (it == VAL_NULL)
            goto error;
        SET_TOP(it);
        DISPATCH();
    }

    /* ( iterator -- iterator item ), or when exhausted ( iterator -- ) and jump */
    TARGET(FOR_ITER) {
        UnaryFunc next = val_type(TOP())->next;
        if (next == NULL) {
            rt_raisef(&rt_TypeError, "'%s' object is not an iterator", val_type(TOP())->name);
            goto error;
        }
        Value item = next(TOP());
        if (item != VAL_NULL) {
            PUSH(item);
            DISPATCH();
        }
        if (rt_err_occurred()) {
            if (!rt_err_matches(&rt_StopIteration))
                goto error;
            rt_err_clear();
        }
        STACK_SHRINK(1);
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(GET_LEN) {                   /* ( obj -- obj len(obj) ) */
        ssize_t n = rt_len(TOP());
        if (n < 0)
            goto error;
        PUSH(rt_int_from_i64(n));
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {           /* ( seq -- item[n-1] ... item[0] ) */
        Value seq = POP();
        if (is_tuple(seq) && AS_TUPLE(seq)->length == (size_t)oparg) {
            for (int i = oparg; --i >= 0;)
                PUSH(AS_TUPLE(seq)->items[i]);
        } else {
            if (!unpack(seq, sp, oparg, 0, false))
                goto error;
            sp += oparg;
        }
        SKIP_CACHES(UNPACK_SEQUENCE);
        DISPATCH();
    }

    TARGET(UNPACK_EX) {                 /* ( seq -- after... list before... ) a, *b, c = seq */
        int before = oparg & 0xff, after = oparg >> 8;
        Value seq = POP();
        if (!unpack(seq, sp, before, after, true))
            goto error;
        sp += before + after + 1;
        DISPATCH();
    }

    /* ---- building containers ---- */

    TARGET(BUILD_TUPLE) {               /* ( items... -- tuple ) */
        Value t = rt_tuple_from(sp - oparg, oparg);
        STACK_SHRINK(oparg);
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {                /* ( items... -- list ) */
        Value l = rt_list_from(sp - oparg, oparg);
        STACK_SHRINK(oparg);
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {                 /* ( items... -- set ) */
        Value s = rt_set_new();
        for (int i = oparg; i > 0; i--)
            if (!rt_set_add(s, PEEK(i)))
                goto error;
        STACK_SHRINK(oparg);
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {                 /* ( k1 v1 ... kn vn -- dict ) */
        Value d = rt_dict_new();
        for (int i = oparg; i > 0; i--)
            if (!rt_dict_set(d, PEEK(2 * i), PEEK(2 * i - 1)))
                goto error;
        STACK_SHRINK(2 * oparg);
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {       /* ( v1 ... vn keys -- dict ) */
        Value keys = TOP();
        Value d = rt_dict_new();
        for (int i = 0; i < oparg; i++)
            if (!rt_dict_set(d, rt_tuple_get(keys, i), PEEK(oparg + 1 - i)))
                goto error;
        STACK_SHRINK(oparg + 1);
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {              /* ( str1 ... strn -- joined ) */
        Value s = build_string(sp - oparg, oparg);
        STACK_SHRINK(oparg);
        PUSH(s);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {               /* ( list ... item -- list ... ) */
        Value v = POP();
        if (!rt_list_append(PEEK(oparg), v))
            goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {                   /* ( set ... item -- set ... ) */
        Value v = POP();
        if (!rt_set_add(PEEK(oparg), v))
            goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {                   /* ( dict ... key value -- dict ... ) */
        Value v = POP(), k = POP();
        if (!rt_dict_set(PEEK(oparg), k, v))
            goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {               /* ( list ... iterable -- list ... ) */
        Value iterable = POP();
        if (!rt_list_extend(PEEK(oparg), iterable)) {
            if (rt_err_matches(&rt_TypeError) && val_type(iterable)->iter == NULL &&
                val_type(iterable)->getitem == NULL) {
                rt_err_clear();
                rt_raisef(&rt_TypeError, "Value after * must be an iterable, not %s",
                          val_type(iterable)->name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(SET_UPDATE) {                /* ( set ... iterable -- set ... ) */
        Value iterable = POP();
        if (!rt_set_update(PEEK(oparg), iterable))   /* in bulk, as CPython: same order */
            goto error;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {               /* ( dict ... mapping -- dict ... ) {**a} */
        Value update = POP();
        if (!rt_isinstance_of(update, &rt_dict_type)) {
            rt_raisef(&rt_TypeError, "'%s' object is not a mapping", val_type(update)->name);
            goto error;
        }
        if (!rt_dict_update(PEEK(oparg), update))
            goto error;
        DISPATCH();
    }

    TARGET(DICT_MERGE) {                /* ( func ... dict ... mapping -- ... ) f(**a) */
        Value update = POP();
        if (!dict_merge_kwargs(PEEK(oparg), update, PEEK(oparg + 2)))
            goto error;
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {             /* ( list -- tuple ) */
        SET_TOP(rt_list_as_tuple(TOP()));
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {              /* ( value [spec] -- str ) an f-string field */
        Value spec = (oparg & 4) ? POP() : VAL_NULL;
        Value s = format_value(TOP(), oparg, spec);
        if (s == VAL_NULL)
            goto error;
        SET_TOP(s);
        DISPATCH();
    }

    /* ---- exceptions ---- */

    TARGET(RAISE_VARARGS) {             /* ( [exc [cause]] -- ) */
        Value cause = oparg == 2 ? POP() : VAL_NULL;
        if (oparg == 0) {
            Value handled = topmost_handled();
            if (handled == rt_None) {
                rt_raisef(&rt_RuntimeError, "No active exception to reraise");
                goto error;
            }
            rt_raise(handled);          /* keeps its traceback: no new entry */
            goto exception_unwind;
        }
        thrown_exc = VAL_NULL;
        do_raise(POP(), cause);
        goto error;
    }

    TARGET(LOAD_ASSERTION_ERROR) {      /* ( -- AssertionError ) */
        PUSH(obj_val(&rt_AssertionError));
        DISPATCH();
    }

    TARGET(PUSH_EXC_INFO) {             /* ( exc -- previous_handled exc ) entering a handler */
        Value e = TOP();
        SET_TOP(exc_info->exc);
        PUSH(e);
        exc_info->exc = e;
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {                /* ( previous_handled -- ) leaving a handler */
        exc_info->exc = POP();
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) {           /* ( exc type -- exc bool ) */
        Value match = POP();
        if (!valid_except_type(match)) {
            rt_raisef(&rt_TypeError, "catching classes that do not inherit from "
                      "BaseException is not allowed");
            goto error;
        }
        bool matches = rt_exc_matches(TOP(), match);
        PUSH(rt_bool(matches));
        DISPATCH();
    }

    /* ( [lasti] ... exc -- ) re-raise, keeping the traceback.  The handler is
     * looked up from the RERAISE itself (CPython uses INSTR_OFFSET here too);
     * the saved lasti below the exception only restores CPython's f_lasti,
     * which pvm does not expose. */
    TARGET(RERAISE) {
        rt_raise(POP());
        goto exception_unwind;
    }

    /* ---- module-level odds and ends ---- */

    TARGET(SETUP_ANNOTATIONS) {         /* ( -- ) create __annotations__ in the locals */
        if (frame->locals != VAL_NULL &&
            rt_dict_get_cstr(frame->locals, "__annotations__") == VAL_NULL)
            rt_dict_set_cstr(frame->locals, "__annotations__", rt_dict_new());
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {                /* ( value -- ) the interactive echo */
        Value v = POP();
        if (v != rt_None) {
            Value r = rt_repr(v);
            if (r == VAL_NULL)
                goto error;
            rt_stdout_write(rt_str_cstr(r), rt_str_nbytes(r));
            rt_stdout_write("\n", 1);
        }
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {               /* ( level fromlist -- module ) */
        Value fromlist = POP();
        Value level = TOP();
        Value module = ld_import_name(GETNAME(oparg), frame->globals, fromlist,
                                      (int)small_value(level));
        if (module == VAL_NULL)
            goto error;
        SET_TOP(module);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {               /* ( module -- module attr ) */
        Value attr = ld_import_from(TOP(), GETNAME(oparg));
        if (attr == VAL_NULL)
            goto error;
        PUSH(attr);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {               /* ( module -- ) names into the locals */
        Value module = POP();
        if (ld_import_star(module, frame->locals) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {          /* ( -- builtins.__build_class__ ) */
        Value bc = rt_dict_get_cstr(frame->builtins, "__build_class__");
        if (bc == VAL_NULL) {
            rt_raisef(&rt_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(bc);
        DISPATCH();
    }

    /* ---- generators and coroutines ---- */

    /* ( -- ) the first instruction of a generator's code: the call returns
     * a new generator owning a heap copy of this frame, which resumes at the
     * next instruction (a POP_TOP of the first, always None, sent value). */
    TARGET(RETURN_GENERATOR) {
        Frame *heap = vm_frame_to_heap(frame, sp);
        heap->next_instr = next_instr;
        heap->instr = next_instr - 1;
        Value gen = rt_gen_new(heap);
        bool entry = frame->is_entry;
        frame = current_frame = leave_frame(frame);
        if (entry)
            return gen;
        next_instr = frame->next_instr;
        int next_op = *next_instr & 0xff;
        if (next_op == OP_GET_ITER || next_op == OP_GET_AITER)     /* for x in g(): */
            VAL_AS(ObjGen, gen)->loop_owned = true;
        sp = frame->sp;
        PUSH(gen);
        DISPATCH();
    }

    /* ( value -- ) suspend the generator: its resumer (gen.c) gets value;
     * the next send() pushes the sent value and continues after this. */
    TARGET(YIELD_VALUE) {
        Value v = POP();
        frame->sp = sp;
        frame->next_instr = next_instr;
        frame->instr = next_instr - 1;
        frame->gen->state = GEN_SUSPENDED;
        depth--;
        current_frame = frame->previous;
        return v;
    }

    TARGET(GET_YIELD_FROM_ITER) {       /* ( iterable -- iterator ) for `yield from` */
        Value v = TOP();
        if (IS_EXACT(v, rt_coroutine_type)) {
            if (!(frame->code->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
                rt_raisef(&rt_TypeError, "cannot 'yield from' a coroutine object in a "
                          "non-coroutine generator");
                goto error;
            }
        } else if (!IS_EXACT(v, rt_generator_type)) {
            Value it = rt_iter(v);
            if (it == VAL_NULL)
                goto error;
            SET_TOP(it);
        }
        DISPATCH();
    }

    /* ( receiver value -- receiver yielded ), or when the receiver returns
     * ( receiver value -- result ) and jump past the yield-from loop. */
    TARGET(SEND) {
        Value v = POP(), r;
        int status = rt_iter_send(TOP(), v, &r);
        if (status == SEND_ERROR)
            goto error;
        if (status == SEND_RETURN) {
            SET_TOP(r);
            JUMPBY(oparg);
            DISPATCH();
        }
        PUSH(r);
        DISPATCH();
    }

    /* ( obj -- iterator ) what `await obj` drives; oparg 1/2: the object
     * came from __aenter__/__aexit__ (for the error message). */
    TARGET(GET_AWAITABLE) {
        Value it = get_awaitable(TOP(), oparg);
        if (it == VAL_NULL)
            goto error;
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(ASYNC_GEN_WRAP) {            /* ( value -- wrapped ) an async generator's yield */
        SET_TOP(rt_async_gen_wrap(TOP()));
        DISPATCH();
    }

    TARGET(GET_AITER) {                 /* ( iterable -- aiterator ) `async for` */
        Value it = get_aiter(TOP());
        if (it == VAL_NULL)
            goto error;
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {                 /* ( aiterator -- aiterator awaitable ) */
        Value aw = get_anext(TOP());
        if (aw == VAL_NULL)
            goto error;
        PUSH(aw);
        DISPATCH();
    }

    /* ( aiterator exc -- ) the end of `async for`: StopAsyncIteration ends
     * the loop, anything else is re-raised. */
    TARGET(END_ASYNC_FOR) {
        Value e = POP();
        if (rt_isinstance_of(e, &rt_StopAsyncIteration)) {
            STACK_SHRINK(1);
            DISPATCH();
        }
        rt_raise(e);
        goto exception_unwind;
    }

    /* ---- with-statements ---- */

    TARGET(BEFORE_WITH) {               /* ( manager -- __exit__ __enter__() ) */
        Value enter = enter_exit(TOP(), false);
        if (enter == VAL_NULL)
            goto error;
        Value r = rt_call0(enter);
        if (r == VAL_NULL)
            goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {         /* ( manager -- __aexit__ __aenter__() ) */
        Value enter = enter_exit(TOP(), true);
        if (enter == VAL_NULL)
            goto error;
        Value r = rt_call0(enter);
        if (r == VAL_NULL)
            goto error;
        PUSH(r);
        DISPATCH();
    }

    /* ( exit lasti prev_exc exc -- exit lasti prev_exc exc result ) the with
     * body raised: result = exit(type(exc), exc, exc.__traceback__). */
    TARGET(WITH_EXCEPT_START) {
        Value e = TOP();
        Value args[3] = { obj_val(val_type(e)), e, AS_EXC(e)->traceback };
        Value r = rt_call(PEEK(4), args, 3, VAL_NULL);
        if (r == VAL_NULL)
            goto error;
        PUSH(r);
        DISPATCH();
    }

    /* ---- pattern matching ---- */

    TARGET(MATCH_MAPPING) {             /* ( subject -- subject bool ) */
        Value b = rt_bool(rt_isinstance_of(TOP(), &rt_dict_type));
        PUSH(b);
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {            /* ( subject -- subject bool ) */
        Value b = rt_bool(is_match_sequence(TOP()));
        PUSH(b);
        DISPATCH();
    }

    /* ( subject keys -- subject keys values ) values: a tuple of subject[k]
     * for each key, or None when one is missing. */
    TARGET(MATCH_KEYS) {
        Value values = match_keys(SECOND(), TOP());
        if (values == VAL_NULL)
            goto error;
        PUSH(values);
        DISPATCH();
    }

    /* ( subject type names -- attributes ) attributes: a tuple of the oparg
     * positional then the named attributes, or None when it does not match. */
    TARGET(MATCH_CLASS) {
        Value names = POP(), type = POP();
        Value attrs = match_class(TOP(), type, oparg, names);
        if (attrs == VAL_NULL)
            goto error;
        SET_TOP(attrs);
        DISPATCH();
    }

    /* except* and exception groups: not yet. */
    TARGET(CACHE)
    TARGET(PREP_RERAISE_STAR)
    TARGET(CHECK_EG_MATCH) {
        rt_raisef(&rt_SystemError, "pvm does not support the %s instruction yet",
                  vm_opcode_info[opcode].name);
        goto error;
    }

    DISPATCH_LOOP_END

unknown_opcode:
    rt_raisef(&rt_SystemError, "unknown opcode %d", opcode);
    goto error;

handle_breaker:
    /* RESUME or JUMP_BACKWARD found the eval breaker set. */
    frame->instr = next_instr - 1;
    frame->sp = sp;
    if (!handle_eval_breaker())
        goto error;
    DISPATCH_FROM_OUTSIDE();

    /* ---- unwinding ---- */

error:
    /* The failing instruction: next_instr has moved one unit past it (and
     * bodies skip their caches only on success). */
    frame->instr = next_instr - 1;
error_in_caller:
    exc = rt_err_peek();
    if (exc == VAL_NULL) {
        rt_raisef(&rt_SystemError, "error return without exception set");
        exc = rt_err_peek();
    }
    chain_context(exc);
    rt_exc_add_traceback(exc, frame->code, frame_lasti(frame));
    goto exception_unwind_here;

exception_unwind:
    frame->instr = next_instr - 1;
exception_unwind_here: {
        int target, level;
        bool push_lasti;
        kwnames = VAL_NULL;
        if (find_handler(frame->code, frame_lasti(frame), &target, &level, &push_lasti)) {
            drop_loop_generators(frame_stack_base(frame) + level, sp);
            sp = frame_stack_base(frame) + level;
            if (push_lasti)
                PUSH(small_new(frame_lasti(frame)));
            PUSH(rt_err_fetch());
            next_instr = frame->code->instrs + target;
            DISPATCH_FROM_OUTSIDE();
        }
        /* No handler here: pop the frame and let the caller unwind. */
        drop_loop_generators(frame_stack_base(frame), sp);
        bool entry = frame->is_entry;
        frame = current_frame = leave_frame(frame);
        if (entry)
            return VAL_NULL;
        next_instr = frame->next_instr;
        sp = frame->sp;
        goto error_in_caller;
    }
}
