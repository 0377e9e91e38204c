/*
 * monitoring.c — sys.monitoring (PEP 669), for 3.12 and later bytecode.
 *
 * Six tools (0-5) each take an id (use_tool_id), register one callback per
 * event and switch events on for every code object (set_events) or for one
 * (set_local_events).  The events come from the same place as sys.settrace's
 * (vm/systrace.c): while any event is on, vm_trace_on is set, the loops
 * hand their frames over to the tracing loop, and its hook before each
 * instruction calls vm_monitor_instruction; vm_unwind reports raises,
 * handled exceptions and unwinding; calls of C functions report their
 * return or raise.  So with no tool using an event the ordinary loops run
 * exactly as before: nothing here is reached.
 *
 * What each event reports (the callback's arguments after the code):
 *   PY_START, PY_RESUME     RESUME (oparg 0: start), its offset
 *   PY_RETURN, PY_YIELD     RETURN_VALUE/RETURN_CONST, YIELD_VALUE: offset, value
 *   CALL                    a CALL: offset, the callable, its first argument (or MISSING)
 *   C_RETURN, C_RAISE       the same, after a callable that is no Python function
 *                           (on with CALL: they cannot be set alone)
 *   LINE                    the first instruction of a line (or a jump target),
 *                           unless the frame was on that line already: the line
 *   INSTRUCTION             every instruction: offset
 *   JUMP                    after JUMP_FORWARD/JUMP_BACKWARD: offset, destination
 *   BRANCH (3.14: BRANCH_LEFT not taken, BRANCH_RIGHT taken)
 *                           after POP_JUMP_IF_* or FOR_ITER: offset, destination
 *   RAISE, EXCEPTION_HANDLED, PY_UNWIND   offset, the exception
 * A callback that returns sys.monitoring.DISABLE for a local event (one
 * tied to an offset) is not called there again until restart_events().
 * Callbacks themselves run unobserved (CPython's tstate->tracing).
 *   CALL for f(*a, **k)     the callable, its first positional argument (3.12:
 *                           only for a callable that is no Python function)
 *   RERAISE                 RERAISE, a bare raise, END_ASYNC_FOR/CLEANUP_THROW re-raising:
 *                           offset, exception
 *   PY_THROW                gen.throw()/close() resuming a frame: where it is, the exception
 *   STOP_ITERATION          a generator ending a for loop, a generator or coroutine
 *                           returning to yield from/await: the END_FOR/END_SEND's
 *                           offset, StopIteration(value)
 * Unlike CPython's, the events are on in the thread
 * that switched them on (and those it starts afterwards do not see them).
 *
 * Events are numbered by the version: 3.14 split BRANCH into BRANCH_LEFT and
 * BRANCH_RIGHT (bits 8 and 9), moving the later ones up a bit, and kept
 * BRANCH as an alias (bit 18) for both.
 */
#include <string.h>
#include "modules/modutil.h"
#include "runtime/runtime.h"
#include "runtime/code.h"
#include "runtime/version.h"
#include "vm/decode.h"
#include "vm/eval.h"
#include "vm/frameobject.h"
#include "vm/monitoring.h"
#include "vm/opcodes.h"
#include "vm/systrace.h"

enum { TOOLS = 6 };

/* The events in pvm's own order (the bits of 3.12). */
enum {
    M_PY_START, M_PY_RESUME, M_PY_RETURN, M_PY_YIELD, M_CALL, M_LINE, M_INSTRUCTION, M_JUMP,
    M_BRANCH_LEFT, M_BRANCH_RIGHT, M_STOP_ITERATION, M_RAISE, M_EXCEPTION_HANDLED,
    M_PY_UNWIND, M_PY_THROW, M_RERAISE, M_C_RETURN, M_C_RAISE, M_COUNT
};

static const char *const event_names[M_COUNT] = {
    "PY_START", "PY_RESUME", "PY_RETURN", "PY_YIELD", "CALL", "LINE", "INSTRUCTION", "JUMP",
    "BRANCH_LEFT", "BRANCH_RIGHT", "STOP_ITERATION", "RAISE", "EXCEPTION_HANDLED",
    "PY_UNWIND", "PY_THROW", "RERAISE", "C_RETURN", "C_RAISE",
};

bool vm_monitor_on;
static uint32_t all_events;                 /* the union of every tool's, pvm's bits */
static Value tool_names[TOOLS];             /* VAL_NULL: the id is free */
static Value callbacks[TOOLS][M_COUNT];
static uint32_t global_events[TOOLS];
static Value local_events[TOOLS];           /* dict: code -> pvm's bits */
static Value disabled;                      /* dict: (tool, code, offset, event) -> True */
static Value line_marks;                    /* dict: code -> bytes, 1 where LINE may fire */
static Value disable_obj, missing_obj;

/* ---- the version's numbering -------------------------------------------------- */

/* 3.12 and 3.13 have one BRANCH (bit 8): pvm's BRANCH_LEFT, which stands
 * for both there; the bits from STOP_ITERATION up are one lower. */
static uint32_t to_version_bits(uint32_t bits)
{
    if (rt_py_minor >= 14)
        return bits;
    uint32_t low = bits & 0xff, branch = (bits >> M_BRANCH_LEFT) & 1;
    return low | branch << 8 | (bits >> (M_STOP_ITERATION + 0)) << 9;
}

static uint32_t from_version_bits(uint32_t bits)
{
    if (rt_py_minor >= 14) {
        uint32_t branch = (bits >> 18) & 1;
        return (bits & ((1u << M_COUNT) - 1)) | branch << M_BRANCH_LEFT | branch << M_BRANCH_RIGHT;
    }
    uint32_t low = bits & 0xff, branch = (bits >> 8) & 1;
    return low | branch << M_BRANCH_LEFT | branch << M_BRANCH_RIGHT | (bits >> 9) << M_STOP_ITERATION;
}

/* pvm's event of a version's one-bit event number; -1 if none. */
static int event_of_bit(uint32_t bit)
{
    uint32_t b = from_version_bits(bit);
    for (int e = 0; e < M_COUNT; e++)
        if (b & (1u << e))
            return e;
    return -1;
}

/* ---- the state ------------------------------------------------------------------- */

static uint32_t local_of(int tool, Value code)
{
    if (local_events[tool] == VAL_NULL)
        return 0;
    bool error = false;
    Value v = rt_dict_get(local_events[tool], code, &error);
    if (error)
        rt_err_clear();
    return v != VAL_NULL ? (uint32_t)small_value(v) : 0;
}

static void recompute(void)
{
    all_events = 0;
    for (int t = 0; t < TOOLS; t++) {
        all_events |= global_events[t];
        if (local_events[t] == VAL_NULL)
            continue;
        Value k, v;
        for (size_t i = 0; rt_dict_next(local_events[t], &i, &k, &v);)
            all_events |= (uint32_t)small_value(v);
    }
    /* C_RETURN and C_RAISE come with CALL */
    if (all_events & (1u << M_CALL))
        all_events |= 1u << M_C_RETURN | 1u << M_C_RAISE;
    vm_monitor_on = all_events != 0;
    vm_trace_update();
}

/* ---- calling the tools ----------------------------------------------------------- */

static bool is_disabled(int tool, Value code, int offset, int event)
{
    if (disabled == VAL_NULL)
        return false;
    bool error = false;
    Value key = rt_tuple_pack(4, small_new(tool), code, small_new(offset), small_new(event));
    Value v = rt_dict_get(disabled, key, &error);
    if (error)
        rt_err_clear();
    return v != VAL_NULL;
}

static bool is_local_event(int event)
{
    return event <= M_BRANCH_RIGHT || event == M_STOP_ITERATION;
}

/* Every tool that wants `event` for `code`, in id order: callback(code,
 * *args).  false with the exception of a callback that raised. */
static bool fire(int event, ObjCode *code, int offset, Value *args, size_t nargs)
{
    uint32_t bit = 1u << event;
    if (!(all_events & bit) || vm_trace_busy)
        return true;
    Value cv = obj_val(code);
    for (int t = 0; t < TOOLS; t++) {
        uint32_t on = global_events[t] | local_of(t, cv);
        if (on & (1u << M_CALL))
            on |= 1u << M_C_RETURN | 1u << M_C_RAISE;
        Value fn = callbacks[t][event];
        if (!(on & bit) || fn == VAL_NULL || is_disabled(t, cv, offset, event))
            continue;
        Value argv[5] = { cv };
        for (size_t i = 0; i < nargs; i++)
            argv[1 + i] = args[i];
        vm_trace_busy++;
        Value r = rt_call(fn, argv, 1 + nargs, VAL_NULL);
        vm_trace_busy--;
        if (r == VAL_NULL)
            return false;
        if (r == disable_obj) {
            if (!is_local_event(event)) {
                rt_raisef(&rt_ValueError, "Cannot disable %s events. Callback removed.",
                          event_names[event]);
                callbacks[t][event] = VAL_NULL;
                return false;
            }
            if (disabled == VAL_NULL)
                disabled = rt_dict_new();
            Value key = rt_tuple_pack(4, small_new(t), cv, small_new(offset), small_new(event));
            if (!rt_dict_set(disabled, key, rt_True))
                return false;
        }
    }
    return true;
}

static bool fire_offset(int event, Frame *f, int unit)
{
    Value off = small_new(2 * unit);
    return fire(event, f->code, 2 * unit, &off, 1);
}

static bool fire_value(int event, Frame *f, int unit, Value v)
{
    Value args[2] = { small_new(2 * unit), v };
    return fire(event, f->code, 2 * unit, args, 2);
}

/* ---- LINE: where a line starts ------------------------------------------------- */

/* For each code unit: LINE_START when it starts a line (its line differs
 * from the instruction before it) or a jump or handler reaches it;
 * EXTENDED when it is an EXTENDED_ARG instruction, so that vm_instr_oparg never
 * takes an inline cache whose low byte happens to be EXTENDED_ARG's for a
 * prefix (the fuzzer's 3.12 and 3.13 campaigns, with sys.monitoring on:
 * RETURN_CONST's constant and CALL's arguments read out of range). */
enum { LINE_START = 1, EXTENDED = 2 };

static const uint8_t *line_starts(ObjCode *co)
{
    if (line_marks == VAL_NULL)
        line_marks = rt_dict_new();
    Value cv = obj_val(co);
    bool error = false;
    Value have = rt_dict_get(line_marks, cv, &error);
    if (have != VAL_NULL)
        return (const uint8_t *)AS_BYTES(have)->data;
    int n = (int)co->ninstrs;
    uint8_t *marks = gc_alloc_atomic((size_t)n + 1);
    memset(marks, 0, (size_t)n + 1);
    const int *lines = rt_code_lines(co);
    VmDecoder d = { co, 0, 0, false };
    VmInstr in;
    int prev_line = -1, target;
    while (vm_decode_next(&d, &in)) {
        int i = in.offset / 2;
        if (lines[i] != -1 && lines[i] != prev_line)
            marks[i] |= LINE_START;
        if (in.opcode == OP_EXTENDED_ARG)
            marks[i] |= EXTENDED;
        prev_line = lines[i];
        if (vm_jump_target(&in, &target) && target >= 0 && target / 2 < n &&
            lines[target / 2] != -1)
            marks[target / 2] |= LINE_START;
    }
    VmExcTable table;
    VmExcEntry h;
    vm_exc_table_start(&table, co);
    while (vm_exc_table_next(&table, &h))
        if (h.target >= 0 && h.target < n && lines[h.target] != -1)
            marks[h.target] |= LINE_START;
    Value bytes = rt_bytes_new(marks, (size_t)n);
    rt_dict_set(line_marks, cv, bytes);
    return (const uint8_t *)AS_BYTES(bytes)->data;
}

/* ---- the hook --------------------------------------------------------------------- */

int vm_instr_oparg(const Frame *f, const uint16_t *instr)
{
    const uint8_t *marks = line_starts(f->code);
    int arg = instr[0] >> 8, shift = 8;
    for (const uint16_t *u = instr - 1; u >= f->code->instrs &&
                                        (marks[u - f->code->instrs] & EXTENDED) && shift < 32;
         u--, shift += 8)
        arg |= (*u >> 8) << shift;
    return arg;
}

static bool is_conditional(int op)
{
    switch (op) {
    case OP_POP_JUMP_FORWARD_IF_FALSE: case OP_POP_JUMP_FORWARD_IF_TRUE:
    case OP_POP_JUMP_FORWARD_IF_NONE: case OP_POP_JUMP_FORWARD_IF_NOT_NONE:
    case OP_POP_JUMP_IF_FALSE_313: case OP_POP_JUMP_IF_TRUE_313:
    case OP_POP_JUMP_IF_NONE_313: case OP_POP_JUMP_IF_NOT_NONE_313:
    case OP_FOR_ITER_312:
        return true;
    default:
        return false;
    }
}

/* The unit after the instruction at `unit` and its caches. */
static int next_unit(const ObjCode *co, int unit)
{
    VmDecoder d = { co, (size_t)unit, 0, false };
    VmInstr in;
    return vm_decode_next(&d, &in) ? (int)d.unit : unit + 1;
}

/* JUMP or BRANCH for the instruction the frame ran before this one. */
static bool jump_events(Frame *f, int prev, int at)
{
    /* A jump with caches may have left the frame at its cache unit (the
     * bodies of the _313 forms skip it before the 3.11 body runs). */
    const uint16_t *orig = (const uint16_t *)AS_BYTES(f->code->code)->data;
    while (prev > 0 && (orig[prev] & 0xff) == 0)        /* CACHE */
        prev--;
    int op = vm_base_opcode(f->code->instrs[prev] & 0xff);
    if (op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD || op == OP_JUMP_BACKWARD_313) {
        Value args[2] = { small_new(2 * prev), small_new(2 * at) };
        return fire(M_JUMP, f->code, 2 * prev, args, 2);
    }
    if (!is_conditional(op))
        return true;
    bool taken = at != next_unit(f->code, prev);
    int dest = at;
    /* an exhausted FOR_ITER reports the instruction after its END_FOR (and
     * from 3.13 the POP_TOP or POP_ITER after that), which CPython's skips */
    if (op == OP_FOR_ITER_312 && taken)
        dest = at + (f->code->pyminor >= 13 ? 2 : 1);
    Value args[2] = { small_new(2 * prev), small_new(2 * dest) };
    return fire(taken && rt_py_minor >= 14 ? M_BRANCH_RIGHT : M_BRANCH_LEFT, f->code, 2 * prev,
                args, 2);
}

static bool call_event(Frame *f, int at, int op, Value *sp)
{
    int oparg = vm_instr_oparg(f, f->code->instrs + at);
    Value callable, arg0 = missing_obj;
    /* a specialized 3.13 CALL may have 3.12's form as its base: the layout
     * is the code's version's */
    if (f->code->pyminor == 12) {
        bool is_meth = sp[-oparg - 2] != rt_Null;
        int total = oparg + is_meth;
        callable = sp[-total - 1];
        if (total > 0)
            arg0 = sp[-total];
    } else {
        Value *base = op == OP_CALL_KW_313 ? sp - 1 - oparg - 2 : sp - oparg - 2;
        callable = base[0];
        if (base[1] != rt_Null)
            arg0 = base[1];
        else if (oparg > 0)
            arg0 = base[2];
    }
    Value args[3] = { small_new(2 * at), callable, arg0 };
    return fire(M_CALL, f->code, 2 * at, args, 3);
}

/* CALL for f(*args, **kwargs): its first positional argument.  3.12
 * reports it only for a callable that is no Python function or method;
 * 3.13 for every one.  The positional arguments become the tuple the call
 * takes (as CPython makes it before the event), in their stack slot. */
static bool call_ex_event(Frame *f, int at, Value *sp)
{
    int kw_slots = f->code->pyminor >= 14 ? 1 : vm_instr_oparg(f, f->code->instrs + at) & 1;
    Value *argsp = sp - 1 - kw_slots;
    Value func = f->code->pyminor >= 13 ? argsp[-2] : argsp[-1];
    if (f->code->pyminor == 12 && (is_function(func) || IS_EXACT(func, rt_method_type)))
        return true;
    if (!is_tuple(*argsp)) {
        if (val_type(*argsp)->iter == NULL && val_type(*argsp)->getitem == NULL)
            return true;                /* CALL_FUNCTION_EX says what is wrong */
        Value t = rt_sequence_to_tuple(*argsp);
        if (t == VAL_NULL)
            return false;
        *argsp = t;
    }
    Value args[3] = { small_new(2 * at), func,
                      rt_tuple_len(*argsp) > 0 ? rt_tuple_get(*argsp, 0) : missing_obj };
    return fire(M_CALL, f->code, 2 * at, args, 3);
}

/* RERAISE, a bare `raise`, and END_ASYNC_FOR and CLEANUP_THROW passing on
 * what is not their end of iteration: RERAISE with the exception. */
static bool reraise_event(Frame *f, int at, int op, Value *sp)
{
    Value exc = sp[-1];
    if (op == OP_RAISE_VARARGS) {       /* a bare `raise` */
        if (vm_instr_oparg(f, f->code->instrs + at) != 0 ||
            (exc = vm_handled_exception()) == rt_None)
            return true;
    } else if ((op == OP_END_ASYNC_FOR && rt_isinstance_of(exc, &rt_StopAsyncIteration)) ||
        (op == OP_CLEANUP_THROW && rt_isinstance_of(exc, &rt_StopIteration)))
        return true;
    return fire_value(M_RERAISE, f, at, exc);
}

/* LINE, as a trace function's "line" event: a callback may set f_lineno
 * (bdb's jump); 1 then. */
static int line_event(Frame *f, int at, int line)
{
    ObjFrame *fo = vm_frame_object(f);
    Value arg = small_new(line);
    int what = vm_trace_begin_line(fo);
    bool ok = fire(M_LINE, f->code, 2 * at, &arg, 1);
    vm_trace_end_line(fo, what);
    if (fo->jumped) {
        fo->jumped = false;
        if (ok)
            return 1;
    }
    return ok ? 0 : -1;
}

int vm_monitor_instruction(Frame *f, const uint16_t *instr, const uint16_t *prev_instr,
                           Value *sp)
{
    if (f->code->pyminor < 12)
        return 0;
    int at = (int)(instr - f->code->instrs), prev = (int)(prev_instr - f->code->instrs);
    int op = vm_base_opcode(*instr & 0xff);
    if (op == OP_RESUME)
        return fire_offset((vm_instr_oparg(f, instr) & 3) == 0 ? M_PY_START : M_PY_RESUME, f, at)
               ? 0 : -1;
    if (prev != at && prev >= 0 && prev < (int)f->code->ninstrs &&
        (all_events & (1u << M_JUMP | 1u << M_BRANCH_LEFT | 1u << M_BRANCH_RIGHT)) &&
        !jump_events(f, prev, at))
        return -1;
    if (all_events & (1u << M_LINE)) {
        const int *lines = rt_code_lines(f->code);
        bool same = prev != at && prev >= 0 && prev < (int)f->code->ninstrs &&
                    lines[prev] == lines[at] &&
                    vm_base_opcode(f->code->instrs[prev] & 0xff) != OP_RESUME;
        int r = (line_starts(f->code)[at] & LINE_START) && !same ? line_event(f, at, lines[at]) : 0;
        if (r != 0)
            return r;
    }
    bool ok = fire_offset(M_INSTRUCTION, f, at);
    switch (op) {
    case OP_RETURN_VALUE:
        ok = ok && fire_value(M_PY_RETURN, f, at, sp[-1]);
        break;
    case OP_RETURN_CONST:
        ok = ok && fire_value(M_PY_RETURN, f, at,
                              rt_tuple_get(f->code->consts, (size_t)vm_instr_oparg(f, instr)));
        break;
    case OP_YIELD_VALUE:
        ok = ok && fire_value(M_PY_YIELD, f, at, sp[-1]);
        break;
    case OP_CALL_312: case OP_CALL_313: case OP_CALL_KW_313:
        ok = ok && call_event(f, at, op, sp);
        break;
    case OP_CALL_FUNCTION_EX: case OP_CALL_FUNCTION_EX_313:
        ok = ok && (!(all_events & (1u << M_CALL)) || call_ex_event(f, at, sp));
        break;
    case OP_RERAISE: case OP_END_ASYNC_FOR: case OP_CLEANUP_THROW: case OP_RAISE_VARARGS:
        ok = ok && (!(all_events & (1u << M_RERAISE)) || reraise_event(f, at, op, sp));
        break;
    default:
        break;
    }
    return ok ? 0 : -1;
}

bool vm_monitor_exception(Frame *f, int which, int unit)
{
    if (f->code->pyminor < 12)
        return true;
    int event = which == 0 ? M_RAISE : which == 1 ? M_EXCEPTION_HANDLED : M_PY_UNWIND;
    Value exc = rt_err_fetch();
    bool ok = fire_value(event, f, unit >= 0 ? unit : frame_lasti(f), exc);
    if (ok)
        rt_raise(exc);
    return ok;
}

bool vm_monitor_stop_iteration(Frame *f, Value receiver, Value value)
{
    bool sent = value != VAL_NULL;
    if (f->code->pyminor < 12 || vm_trace_busy || !(all_events & (1u << M_STOP_ITERATION)) ||
        !(IS_EXACT(receiver, rt_generator_type) ||
          (sent && IS_EXACT(receiver, rt_coroutine_type))))
        return true;
    Value pending = sent ? VAL_NULL : rt_err_fetch();
    Value stop = pending != VAL_NULL ? pending
               : sent && value != rt_None ? rt_call1(obj_val(&rt_StopIteration), value)
               : rt_call0(obj_val(&rt_StopIteration));
    if (stop == VAL_NULL)
        return false;
    int at = frame_lasti(f);            /* the END_FOR or END_SEND it jumps to */
    int end = next_unit(f->code, at) + vm_instr_oparg(f, f->code->instrs + at);
    bool ok = fire_value(M_STOP_ITERATION, f, end, stop);
    if (ok && pending != VAL_NULL)
        rt_raise(pending);
    return ok;
}

/* PY_THROW: gen.throw() (or close()) resumes f with the exception set. */
void vm_monitor_throw(Frame *f)
{
    if (f->code->pyminor < 12 || vm_trace_busy || !(all_events & (1u << M_PY_THROW)))
        return;
    Value exc = rt_err_fetch();
    /* 3.13 reports the RESUME after the YIELD_VALUE the frame stopped at */
    int at = frame_lasti(f);
    if (fire_value(M_PY_THROW, f, f->code->pyminor >= 13 ? next_unit(f->code, at) : at, exc))
        rt_raise(exc);
}

Value vm_monitor_c_call(Frame *f, Value callable, Value *args, size_t nargs, Value kwnames)
{
    Value r = rt_call(callable, args, nargs, kwnames);
    if (f->code->pyminor < 12 || !(all_events & (1u << M_CALL)))
        return r;
    Value ev[3] = { small_new(2 * frame_lasti(f)), callable, nargs > 0 ? args[0] : missing_obj };
    if (r == VAL_NULL) {
        Value exc = rt_err_fetch();
        if (fire(M_C_RAISE, f->code, 2 * frame_lasti(f), ev, 3))
            rt_raise(exc);
        return VAL_NULL;
    }
    return fire(M_C_RETURN, f->code, 2 * frame_lasti(f), ev, 3) ? r : VAL_NULL;
}

/* ---- the module ------------------------------------------------------------------- */

static bool tool_arg(Value v, int *tool)
{
    int64_t t;
    Value i = rt_index(v);
    if (i == VAL_NULL)
        return false;
    if (!rt_int_as_i64(i, &t) || t < 0 || t >= TOOLS) {
        rt_err_clear();
        rt_raisef(&rt_ValueError, "invalid tool %R (must be between 0 and 5)", i);
        return false;
    }
    *tool = (int)t;
    return true;
}

static bool tool_in_use(int tool)
{
    if (tool_names[tool] != VAL_NULL)
        return true;
    rt_raisef(&rt_ValueError, "tool %d is not in use", tool);
    return false;
}

static bool events_arg(Value v, uint32_t *out, bool local)
{
    int64_t bits;
    Value i = rt_index(v);
    if (i == VAL_NULL || !rt_int_as_i64(i, &bits))
        return false;
    int limit = rt_py_minor >= 14 ? 19 : 17;
    if (bits < 0 || bits >= ((int64_t)1 << limit)) {
        rt_raisef(&rt_ValueError, "invalid event set 0x%llx", (long long)bits);
        return false;
    }
    uint32_t b = from_version_bits((uint32_t)bits);
    if (b & (1u << M_C_RETURN | 1u << M_C_RAISE)) {
        rt_raisef(&rt_ValueError, "cannot set C_RETURN or C_RAISE events independently");
        return false;
    }
    if (local && (b & ~((1u << (M_BRANCH_RIGHT + 1)) - 1) & ~(1u << M_STOP_ITERATION))) {
        rt_raisef(&rt_ValueError, "invalid local event set 0x%llx", (long long)bits);
        return false;
    }
    *out = b;
    return true;
}

static Value m_use_tool_id(Value *args, size_t nargs, Value kw)
{
    int tool;
    if (!rt_arg_nokw("use_tool_id", kw) || !rt_arg_range("use_tool_id", nargs, 2, 2) ||
        !tool_arg(args[0], &tool))
        return VAL_NULL;
    if (!rt_isinstance_of(args[1], &rt_str_type))
        return rt_raisef(&rt_ValueError, "tool name must be a str");
    if (tool_names[tool] != VAL_NULL)
        return rt_raisef(&rt_ValueError, "tool %d is already in use", tool);
    tool_names[tool] = args[1];
    return rt_None;
}

static void clear_tool(int tool)
{
    global_events[tool] = 0;
    local_events[tool] = VAL_NULL;
    for (int e = 0; e < M_COUNT; e++)
        callbacks[tool][e] = VAL_NULL;
    recompute();
}

static Value m_clear_tool_id(Value *args, size_t nargs, Value kw)
{
    int tool;
    if (!rt_arg_nokw("clear_tool_id", kw) || !rt_arg_range("clear_tool_id", nargs, 1, 1) ||
        !tool_arg(args[0], &tool))
        return VAL_NULL;
    if (tool_names[tool] != VAL_NULL)
        clear_tool(tool);
    return rt_None;
}

static Value m_free_tool_id(Value *args, size_t nargs, Value kw)
{
    int tool;
    if (!rt_arg_nokw("free_tool_id", kw) || !rt_arg_range("free_tool_id", nargs, 1, 1) ||
        !tool_arg(args[0], &tool))
        return VAL_NULL;
    if (tool_names[tool] != VAL_NULL)
        clear_tool(tool);
    tool_names[tool] = VAL_NULL;
    return rt_None;
}

/* Every tool freed, every event off: sys.monitoring as at start-up (the
 * fuzz target, between one input and the next). */
void vm_monitoring_reset(void)
{
    for (int tool = 0; tool < TOOLS; tool++) {
        clear_tool(tool);
        tool_names[tool] = VAL_NULL;
    }
    disabled = VAL_NULL;
}

static Value m_get_tool(Value *args, size_t nargs, Value kw)
{
    int tool;
    if (!rt_arg_nokw("get_tool", kw) || !rt_arg_range("get_tool", nargs, 1, 1) ||
        !tool_arg(args[0], &tool))
        return VAL_NULL;
    return tool_names[tool] != VAL_NULL ? tool_names[tool] : rt_None;
}

static Value m_register_callback(Value *args, size_t nargs, Value kw)
{
    int tool;
    int64_t bits;
    if (!rt_arg_nokw("register_callback", kw) ||
        !rt_arg_range("register_callback", nargs, 3, 3) || !tool_arg(args[0], &tool))
        return VAL_NULL;
    Value i = rt_index(args[1]);
    if (i == VAL_NULL || !rt_int_as_i64(i, &bits))
        return VAL_NULL;
    if (bits <= 0 || (bits & (bits - 1)) != 0 || event_of_bit((uint32_t)bits) < 0)
        return rt_raisef(&rt_ValueError, "The callback can only be set for one event at a time");
    uint32_t b = from_version_bits((uint32_t)bits);
    Value fn = args[2] == rt_None ? VAL_NULL : args[2], old = VAL_NULL;
    for (int e = 0; e < M_COUNT; e++) {
        if (!(b & (1u << e)))
            continue;
        if (old == VAL_NULL)
            old = callbacks[tool][e];
        callbacks[tool][e] = fn;
    }
    return old != VAL_NULL ? old : rt_None;
}

static Value m_set_events(Value *args, size_t nargs, Value kw)
{
    int tool;
    uint32_t b;
    if (!rt_arg_nokw("set_events", kw) || !rt_arg_range("set_events", nargs, 2, 2) ||
        !tool_arg(args[0], &tool) || !tool_in_use(tool) || !events_arg(args[1], &b, false))
        return VAL_NULL;
    global_events[tool] = b;
    recompute();
    return rt_None;
}

static Value m_get_events(Value *args, size_t nargs, Value kw)
{
    int tool;
    if (!rt_arg_nokw("get_events", kw) || !rt_arg_range("get_events", nargs, 1, 1) ||
        !tool_arg(args[0], &tool))
        return VAL_NULL;
    return small_new(to_version_bits(global_events[tool]));
}

static bool code_arg(Value v)
{
    if (IS_EXACT(v, rt_code_type))
        return true;
    rt_raisef(&rt_TypeError, "code must be a code object");
    return false;
}

static Value m_set_local_events(Value *args, size_t nargs, Value kw)
{
    int tool;
    uint32_t b;
    if (!rt_arg_nokw("set_local_events", kw) || !rt_arg_range("set_local_events", nargs, 3, 3) ||
        !tool_arg(args[0], &tool) || !code_arg(args[1]) || !tool_in_use(tool) ||
        !events_arg(args[2], &b, true))
        return VAL_NULL;
    if (local_events[tool] == VAL_NULL)
        local_events[tool] = rt_dict_new();
    if (!rt_dict_set(local_events[tool], args[1], small_new(b)))
        return VAL_NULL;
    recompute();
    return rt_None;
}

static Value m_get_local_events(Value *args, size_t nargs, Value kw)
{
    int tool;
    if (!rt_arg_nokw("get_local_events", kw) || !rt_arg_range("get_local_events", nargs, 2, 2) ||
        !tool_arg(args[0], &tool) || !code_arg(args[1]))
        return VAL_NULL;
    return small_new(to_version_bits(local_of(tool, args[1])));
}

static Value m_restart_events(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("restart_events", kw) || !rt_arg_range("restart_events", nargs, 0, 0))
        return VAL_NULL;
    disabled = VAL_NULL;
    return rt_None;
}

static Value m_all_events(Value *args, size_t nargs, Value kw)
{
    Value d = rt_dict_new();
    for (int e = 0; e < M_COUNT; e++) {
        uint32_t tools = 0;
        for (int t = 0; t < TOOLS; t++)
            if (global_events[t] & (1u << e))
                tools |= 1u << t;
        if (tools != 0)
            rt_dict_set_cstr(d, event_names[e], small_new(tools));
    }
    return d;
}

static const MethodDef monitoring_functions[] = {
    {"use_tool_id", m_use_tool_id}, {"free_tool_id", m_free_tool_id},
    {"get_tool", m_get_tool}, {"register_callback", m_register_callback},
    {"set_events", m_set_events}, {"get_events", m_get_events},
    {"set_local_events", m_set_local_events}, {"get_local_events", m_get_local_events},
    {"restart_events", m_restart_events}, {"_all_events", m_all_events},
    {NULL, NULL},
};

Value vm_monitoring_module(void)
{
    Value m = mod_module_new("sys.monitoring", monitoring_functions);
    Value d = VAL_AS(ObjModule, m)->dict;
    if (rt_py_minor >= 14)
        rt_dict_set_cstr(d, "clear_tool_id", rt_builtin_new("clear_tool_id", m_clear_tool_id,
                                                            VAL_NULL));
    Value events = rt_dict_new();
    for (int e = 0; e < M_COUNT; e++) {
        if (rt_py_minor < 14 && e == M_BRANCH_RIGHT)
            continue;
        const char *name = rt_py_minor < 14 && e == M_BRANCH_LEFT ? "BRANCH" : event_names[e];
        rt_dict_set_cstr(events, name, small_new(to_version_bits(1u << e)));
    }
    if (rt_py_minor >= 14)
        rt_dict_set_cstr(events, "BRANCH", small_new(1 << 18));
    rt_dict_set_cstr(events, "NO_EVENTS", small_new(0));
    rt_dict_set_cstr(d, "events", rt_namespace_new(events));
    disable_obj = rt_call(obj_val(&rt_object_type), NULL, 0, VAL_NULL);
    missing_obj = rt_call(obj_val(&rt_object_type), NULL, 0, VAL_NULL);
    rt_dict_set_cstr(d, "DISABLE", disable_obj);
    rt_dict_set_cstr(d, "MISSING", missing_obj);
    static const char *const ids[] = { "DEBUGGER_ID", "COVERAGE_ID", "PROFILER_ID" };
    for (int i = 0; i < 3; i++)
        rt_dict_set_cstr(d, ids[i], small_new(i));
    rt_dict_set_cstr(d, "OPTIMIZER_ID", small_new(5));
    return m;
}
