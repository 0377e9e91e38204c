/*
 * systrace.c — sys.settrace and sys.setprofile (the scheme and the events
 * are in systrace.h).  The order and the arguments of the calls follow
 * CPython 3.11's Python/ceval.c (call_trace, maybe_call_line_trace,
 * trace_function_entry/exit, C_TRACE) and Python/sysmodule.c
 * (trace_trampoline, profile_trampoline, call_trampoline).
 */
#include "runtime/runtime.h"
#include "runtime/code.h"
#include "vm/eval.h"
#include "vm/frameobject.h"
#include "vm/monitoring.h"
#include "vm/opcodes.h"
#include "vm/systrace.h"

/* Per thread (vm/thread.h swaps them). */
Value vm_trace_func = VAL_NULL, vm_profile_func = VAL_NULL;
bool vm_trace_on;
int vm_trace_busy;
int vm_trace_what;              /* as CPython's tstate->tracing_what: 0 ("call") at first */

enum { EV_CALL = VM_EV_CALL, EV_EXCEPTION = VM_EV_EXCEPTION, EV_LINE = VM_EV_LINE,
       EV_RETURN = VM_EV_RETURN, EV_C_CALL = VM_EV_C_CALL, EV_C_EXCEPTION = VM_EV_C_EXCEPTION,
       EV_C_RETURN = VM_EV_C_RETURN, EV_OPCODE = VM_EV_OPCODE, EV_COUNT = VM_EV_COUNT };

static Value event_name(int event)
{
    static const char *const names[EV_COUNT] = {
        "call", "exception", "line", "return", "c_call", "c_exception", "c_return", "opcode",
    };
    static Value interned[EV_COUNT];
    if (interned[event] == VAL_NULL)
        interned[event] = rt_str_intern_cstr(names[event]);
    return interned[event];
}

/* ---- setting the functions ------------------------------------------------------- */

/* While either function is set the breaker stays set (vm_handle_breaker
 * sets it again), so that every loop running in this thread hands over
 * to the tracing loop at its next safe point. */
/* vm_set_exact_positions: for every thread, so not per thread. */
static bool exact_positions;

void vm_set_exact_positions(bool on)
{
    exact_positions = on;
    vm_trace_update();
}

void vm_trace_update(void)
{
    vm_trace_on = vm_trace_func != VAL_NULL || vm_profile_func != VAL_NULL || vm_monitor_on ||
                  exact_positions;
    if (vm_trace_on)
        vm_eval_breaker = 1;
}

void vm_set_trace(Value func)
{
    vm_trace_func = func == rt_None ? VAL_NULL : func;
    vm_trace_update();
}

static ObjType *hook_type;             /* _lsprof's Profiler, once imported */
static VmProfileHook hook;

void vm_set_profile_hook(ObjType *type, VmProfileHook fn)
{
    hook_type = type;
    hook = fn;
}

bool vm_profile_is_hook(void)
{
    return hook_type != NULL && vm_profile_func != VAL_NULL &&
           rt_is_subtype(val_type(vm_profile_func), hook_type);
}

void vm_set_profile(Value func)
{
    vm_profile_func = func == rt_None ? VAL_NULL : func;
    vm_trace_update();
}

/* sys.call_tracing(func, args): func(*args) with events reported even
 * from inside a trace function (a debugger debugging itself). */
Value vm_call_tracing(Value func, Value args)
{
    int busy = vm_trace_busy;
    vm_trace_busy = 0;
    Value r = rt_call_tuple_dict(func, args, VAL_NULL);
    vm_trace_busy = busy;
    return r;
}

/* ---- calling them ----------------------------------------------------------------- */

/* fn(frame, event, arg), with f_locals up to date for it and what it
 * stores there written back (call_trampoline). */
static Value trampoline(Value fn, ObjFrame *fo, int event, Value arg)
{
    if (vm_frame_object_locals(fo) == VAL_NULL)
        return VAL_NULL;
    Value args[3] = { obj_val(fo), event_name(event), arg != VAL_NULL ? arg : rt_None };
    Value r = rt_call(fn, args, 3, VAL_NULL);
    vm_frame_object_locals_to_fast(fo);
    return r;
}

/* One event for the profile function, or for the trace function (the
 * global one for "call", else the frame's f_trace).  A function that
 * raises is unset (the frame's f_trace too); a trace function's result
 * other than None becomes f_trace.  While it runs, f_lineno is the line
 * of the instruction the frame is at. */
static bool call_trace(bool profile, Frame *f, int event, Value arg)
{
    if (profile && !vm_trace_busy && vm_profile_is_hook()) {
        vm_trace_busy++;
        hook(vm_profile_func, event, event == EV_CALL || event == EV_RETURN ? obj_val(f->code) : arg);
        vm_trace_busy--;
        return true;
    }
    ObjFrame *fo = vm_frame_object(f);
    Value fn = profile ? vm_profile_func : event == EV_CALL ? vm_trace_func : fo->trace;
    if (fn == VAL_NULL || vm_trace_busy)
        return true;
    vm_trace_busy++;
    int what = vm_trace_what;
    vm_trace_what = event;
    fo->lineno = rt_code_lines(f->code)[frame_lasti(f)];
    if (f->code->pyminor >= 12) {       /* an instruction without a line (an */
        if (fo->lineno < 0)             /* exception handler's cleanup) shows */
            fo->lineno = fo->last_event_line;   /* the line of the last event */
        else
            fo->last_event_line = fo->lineno;
    }
    bool in_event = fo->in_event;
    fo->in_event = true;
    Value r = trampoline(fn, fo, event, arg);
    fo->in_event = in_event;
    fo->lineno = 0;
    vm_trace_what = what;
    vm_trace_busy--;
    if (r == VAL_NULL) {
        if (profile) {
            vm_set_profile(rt_None);
        } else {
            vm_set_trace(rt_None);
            fo->trace = VAL_NULL;
        }
        return false;
    }
    if (!profile && r != rt_None)
        fo->trace = r;
    return true;
}

/* The same with an exception set: kept if the function returns, replaced
 * by the function's own if it raises (call_trace_protected). */
static bool call_trace_protected(bool profile, Frame *f, int event, Value arg)
{
    Value exc = rt_err_fetch();
    bool ok = call_trace(profile, f, event, arg);
    if (ok && exc != VAL_NULL)
        rt_raise(exc);
    return ok;
}

/* "call"/"return": the trace function first, then the profile function. */
static bool trace_both(Frame *f, int event, Value arg, bool protected)
{
    bool (*call)(bool, Frame *, int, Value) = protected ? call_trace_protected : call_trace;
    if (vm_trace_func != VAL_NULL && !call(false, f, event, arg))
        return false;
    return vm_profile_func == VAL_NULL || call(true, f, event, arg);
}

/* ---- line events ----------------------------------------------------------------- */

/* Instructions before the first RESUME (MAKE_CELL, COPY_FREE_VARS, a
 * generator's start) are not traced (CPython's _co_firsttraceable). */
static int first_traceable(const ObjCode *code, const uint16_t *instr)
{
    for (const uint16_t *u = code->instrs; u <= instr; u++)
        if ((*u & 0xff) == OP_RESUME)
            return (int)(u - code->instrs);
    return (int)code->ninstrs;
}

/* maybe_call_line_trace: a "line" event when the instruction starts
 * another line than the previous one executed in this frame (always for
 * the first after the frame's RESUME), or a jump went backwards (except
 * the one of a `yield from`/`await` loop, back to its SEND); then
 * "opcode" if the frame asks for every instruction. */
static bool line_events(Frame *f, const uint16_t *instr, const uint16_t *prev)
{
    ObjFrame *fo = f->obj;
    int first = first_traceable(f->code, instr);
    int at = (int)(instr - f->code->instrs), was = (int)(prev - f->code->instrs);
    if (at < first)
        return true;
    const int *lines = rt_code_lines(f->code);
    int line = lines[at], lastline = was <= first ? -1 : lines[was];
    /* 3.13 on: the first instruction after throw() entered the frame at a
     * yield (an exception handler) has its line event even on the yield's
     * line.  Only then does one come right after a YIELD_VALUE: a frame
     * resumed by send() runs its RESUME first. */
    if (f->code->pyminor >= 13 && vm_base_opcode(*prev & 0xff) == OP_YIELD_VALUE)
        lastline = -1;
    if (line != -1 && fo->trace_lines &&
        (line != lastline || (at < was && vm_base_opcode(*instr & 0xff) != OP_SEND)) &&
        !call_trace(false, f, EV_LINE, rt_None))
        return false;
    if (fo->trace_opcodes && fo->trace != VAL_NULL)
        return call_trace(false, f, EV_OPCODE, rt_None);
    return true;
}

/* sys.monitoring's LINE callbacks (vm/monitoring.c) run as a "line" event
 * for jumps: a debugger on monitoring sets f_lineno from there. */
int vm_trace_begin_line(ObjFrame *fo)
{
    int what = vm_trace_what;
    vm_trace_what = EV_LINE;
    fo->in_event = true;
    return what;
}

void vm_trace_end_line(ObjFrame *fo, int what)
{
    vm_trace_what = what;
    fo->in_event = false;
}

/* CPython's frame_setlineno checks the event first. */
const char *vm_trace_jump_refused(ObjFrame *fo)
{
    switch (vm_trace_what) {
    case EV_LINE:
        /* pvm moves only the frame being reported */
        return fo->in_event && fo->frame != NULL ? NULL
               : "can only jump from a 'line' trace event";
    case EV_CALL:
        return "can't jump from the 'call' trace event of a new frame";
    case EV_RETURN:             /* from a yield: the generator resumes there */
        if (fo->in_event && fo->frame != NULL && fo->frame->gen != NULL &&
            vm_base_opcode(*fo->frame->instr & 0xff) == OP_YIELD_VALUE)
            return NULL;
        return "can only jump from a 'line' trace event";
    default:
        return "can only jump from a 'line' trace event";
    }
}

int vm_trace_instruction(Frame *f, const uint16_t *instr, Value *sp)
{
    const uint16_t *prev = f->instr;
    f->instr = instr;
    f->sp = sp;
    if (vm_trace_busy)
        return 0;
    if (vm_monitor_on) {
        int r = vm_monitor_instruction(f, instr, prev, sp);
        if (r != 0)
            return r;
    }
    int op = vm_base_opcode(*instr & 0xff);   /* the loop's copy may be specialized */
    if (op == OP_RESUME)
        return trace_both(f, EV_CALL, rt_None, false) ? 0 : -1;
    if (vm_trace_func != VAL_NULL && f->obj != NULL && f->obj->trace != VAL_NULL) {
        bool ok = line_events(f, instr, prev);
        if (f->obj->jumped) {           /* f_lineno was set: vm/framejump.c */
            f->obj->jumped = false;
            if (ok)
                return 1;
        }
        if (!ok)
            return -1;
    }
    if (op == OP_RETURN_VALUE || op == OP_YIELD_VALUE)
        return trace_both(f, EV_RETURN, sp[-1], false) ? 0 : -1;
    if (op == OP_RETURN_CONST) {        /* 3.12: the value is a constant */
        Value v = rt_tuple_get(f->code->consts, (size_t)vm_instr_oparg(f, instr));
        return trace_both(f, EV_RETURN, v, false) ? 0 : -1;
    }
    return 0;
}

/* ---- exceptions ------------------------------------------------------------------- */

void vm_trace_throw_entry(Frame *f)
{
    if (!vm_trace_busy)
        trace_both(f, EV_CALL, rt_None, true);
}

void vm_trace_exception(Frame *f)
{
    if (vm_monitor_on && !vm_trace_busy)
        vm_monitor_exception(f, 0, -1);
    if (vm_trace_func == VAL_NULL || vm_trace_busy || f->obj == NULL || f->obj->trace == VAL_NULL)
        return;
    Value exc = rt_err_peek();
    Value arg = rt_tuple_pack(3, obj_val(val_type(exc)), exc, AS_EXC(exc)->traceback);
    call_trace_protected(false, f, EV_EXCEPTION, arg);
}

bool vm_trace_send_return(Frame *f, Value value)
{
    if (vm_trace_func == VAL_NULL || vm_trace_busy || f->obj == NULL || f->obj->trace == VAL_NULL)
        return true;
    Value stop = rt_call1(obj_val(&rt_StopIteration), value);
    if (stop == VAL_NULL)
        return false;
    rt_raise(stop);
    vm_trace_exception(f);
    Value exc = rt_err_fetch();
    if (exc == stop)
        return true;
    rt_raise(exc);
    return false;
}

void vm_trace_unwind(Frame *f, int unit)
{
    if (vm_monitor_on && !vm_trace_busy)
        vm_monitor_exception(f, 2, unit);
    if (!vm_trace_busy)
        trace_both(f, EV_RETURN, rt_None, true);
}

/* ---- calls of builtins (profile only) ------------------------------------------- */

Value vm_trace_c_call(Frame *f, Value callable, Value *args, size_t nargs, Value kwnames)
{
    if (vm_monitor_on && !vm_trace_busy && vm_profile_func == VAL_NULL)
        return vm_monitor_c_call(f, callable, args, nargs, kwnames);
    if (vm_profile_func == VAL_NULL || vm_trace_busy)
        return rt_call(callable, args, nargs, kwnames);
    Value func = callable;
    ObjType *type = val_type(callable);
    if (type == &rt_method_descr_type && nargs > 0 && (kwnames == VAL_NULL ||
                                                      rt_tuple_len(kwnames) < nargs)) {
        /* list.append(x) seen as a bound builtin method, as CPython shows it */
        func = type->descr_get(callable, args[0], obj_val(val_type(args[0])));
        if (func == VAL_NULL)
            return VAL_NULL;
        args++;
        nargs--;
    } else if (type != &rt_builtin_type) {
        return rt_call(callable, args, nargs, kwnames);
    }
    if (!call_trace(true, f, EV_C_CALL, func))
        return VAL_NULL;
    Value r = rt_call(func, args, nargs, kwnames);
    if (vm_profile_func == VAL_NULL)
        return r;
    if (r == VAL_NULL)
        call_trace_protected(true, f, EV_C_EXCEPTION, func);
    else if (!call_trace(true, f, EV_C_RETURN, func))
        return VAL_NULL;
    return r;
}

Value vm_trace_c_call_ex(Frame *f, Value callable, Value args, Value kwargs)
{
    if (vm_profile_func == VAL_NULL || vm_trace_busy)
        return rt_call_tuple_dict(callable, args, kwargs);
    Value *vec, kwnames;
    size_t nargs;
    if (!rt_call_flatten(args, kwargs, &vec, &nargs, &kwnames))
        return VAL_NULL;
    return vm_trace_c_call(f, callable, vec, nargs, kwnames);
}

/* ---- handing a frame over to the tracing loop ------------------------------------ */

Value vm_trace_take_over(Frame *f, const uint16_t *next)
{
    f->next_instr = (*f->instr & 0xff) == OP_RESUME ? f->instr : next;
    return vm_eval_trace(f, false);
}
