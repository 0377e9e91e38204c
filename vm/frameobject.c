/*
 * frameobject.c — frame objects (see frameobject.h for the scheme: made
 * on request, reading through to the live record, a copy once it exits).
 *
 * The attributes are CPython 3.11's: f_back, f_code, f_globals,
 * f_builtins, f_locals, f_lineno, f_lasti (in bytes, as `dis` counts),
 * f_trace, f_trace_lines, f_trace_opcodes, and clear().  f_locals of a
 * function's frame is a dict of the fast locals, the same dict on every
 * request, brought up to date each time (CPython's PyFrame_FastToLocals);
 * a module's or class body's is its namespace itself.
 */
#include <limits.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "vm/eval.h"
#include "vm/frameobject.h"
#include "vm/systrace.h"

#define AS_FRAMEOBJ(v) VAL_AS(ObjFrame, v)

ObjFrame *vm_frame_object(Frame *f)
{
    if (f->obj != NULL)
        return f->obj;
    ObjFrame *fo = gc_alloc(sizeof *fo + sizeof(Value) * (size_t)f->code->nlocalsplus);
    fo->ob.type = &vm_frame_type;
    fo->frame = f;
    fo->code = f->code;
    fo->globals = f->globals;
    fo->builtins = f->builtins;
    fo->locals = f->locals;
    fo->back = rt_None;
    fo->trace = VAL_NULL;
    fo->trace_lines = true;
    f->obj = fo;
    return fo;
}

/* The record exits: keep its locals (as f_locals will show them), where
 * it stopped, and its caller, whose object is made now because the link
 * through the records is about to disappear (CPython's take_ownership). */
void vm_frame_object_exit(Frame *f)
{
    ObjFrame *fo = f->obj;
    int n = f->code->nlocalsplus;
    memcpy(fo->saved, f->localsplus, sizeof(Value) * (size_t)n);
    fo->lasti = frame_lasti(f);
    /* A generator's frame is detached from its resumer as it finishes. */
    fo->back = f->previous != NULL && f->gen == NULL ? vm_frame_object_val(f->previous)
                                                     : rt_None;
    fo->frame = NULL;
    f->obj = NULL;
}

static int frame_object_lasti(ObjFrame *fo)
{
    return fo->frame != NULL ? frame_lasti(fo->frame) : fo->lasti;
}

int vm_frame_object_line(ObjFrame *fo)
{
    if (fo->lineno != 0)
        return fo->lineno;
    return rt_code_line(fo->code, frame_object_lasti(fo));
}

/* The fast locals (localsplus) the frame has or had; NULL once cleared. */
static Value *fast_locals(ObjFrame *fo)
{
    if (fo->frame != NULL)
        return fo->frame->localsplus;
    return fo->cleared ? NULL : fo->saved;
}

/* Which of the localsplus slots f_locals shows: a class body's free
 * variables (__class__) are not its locals. */
static bool shows_slot(ObjCode *co, int i)
{
    const uint8_t *kinds = AS_BYTES(co->localspluskinds)->data;
    return !((kinds[i] & CO_FAST_FREE) && !(co->flags & CO_OPTIMIZED));
}

/* A cell's slot holds the cell once MAKE_CELL ran (or a free variable's
 * from the closure): f_locals shows what is in it. */
static bool is_cell_slot(ObjCode *co, int i, Value v)
{
    const uint8_t *kinds = AS_BYTES(co->localspluskinds)->data;
    return v != VAL_NULL && (kinds[i] & (CO_FAST_CELL | CO_FAST_FREE)) &&
           IS_EXACT(v, rt_cell_type);
}

Value vm_frame_object_locals(ObjFrame *fo)
{
    if (fo->locals == VAL_NULL)
        fo->locals = rt_dict_new();
    Value *fast = fast_locals(fo);
    ObjCode *co = fo->code;
    for (int i = 0; fast != NULL && i < co->nlocalsplus; i++) {
        if (!shows_slot(co, i))
            continue;
        Value name = rt_tuple_get(co->localsplusnames, i), v = fast[i];
        if (is_cell_slot(co, i, v))
            v = VAL_AS(ObjCell, v)->ref;
        if (v != VAL_NULL) {
            if (rt_setitem(fo->locals, name, v) < 0)
                return VAL_NULL;
        } else if (rt_delitem(fo->locals, name) < 0) {
            if (!rt_err_matches(&rt_KeyError))
                return VAL_NULL;
            rt_err_clear();
        }
    }
    return fo->locals;
}

/* A trace function may assign to f_locals (a debugger's `!x = 1`): the
 * values go back into the slots, or the cells, they came from. */
void vm_frame_object_locals_to_fast(ObjFrame *fo)
{
    if (fo->frame == NULL || fo->locals == VAL_NULL || fo->locals == fo->frame->locals)
        return;
    Value saved = rt_err_fetch();
    Value *fast = fo->frame->localsplus;
    ObjCode *co = fo->code;
    for (int i = 0; i < co->nlocalsplus; i++) {
        if (!shows_slot(co, i))
            continue;
        Value v = rt_getitem(fo->locals, rt_tuple_get(co->localsplusnames, i));
        if (v == VAL_NULL)
            rt_err_clear();
        if (is_cell_slot(co, i, fast[i]))
            VAL_AS(ObjCell, fast[i])->ref = v;
        else if (v != fast[i])
            fast[i] = v != VAL_NULL ? v : rt_None;
    }
    if (saved != VAL_NULL)
        rt_raise(saved);
}

Value vm_getframe(long depth)
{
    Frame *f = vm_running;
    for (; f != NULL && depth > 0; depth--)
        f = f->previous;
    if (f == NULL)
        return rt_raisef(&rt_ValueError, "call stack is not deep enough");
    return vm_frame_object_val(f);
}

Value vm_frame_object_of(Frame *f)
{
    return vm_frame_object_val(f);
}

ObjCode *vm_frame_code(Value v)
{
    return !val_is_small(v) && val_obj(v)->type == &vm_frame_type ? AS_FRAMEOBJ(v)->code : NULL;
}

void vm_traceback_add_c(const char *funcname, const char *filename, int lineno)
{
    Value exc = rt_err_peek();
    if (exc == VAL_NULL)
        return;
    ObjCode *code = rt_code_alloc();
    Value empty = rt_bytes_new(NULL, 0);
    code->firstlineno = lineno;
    /* Three code units, as CPython's (CACHEs here in every version: they
     * never run), all at the first line without columns (one location
     * entry of form 13 over 3 units, line delta 0), so that co_positions()
     * and tb_lasti find them. */
    code->code = rt_bytes_new((const unsigned char *)"\0\0\0\0\0\0", 6);
    code->linetable = rt_bytes_new((const unsigned char *)"\xea\0", 2);
    code->localspluskinds = code->exceptiontable = empty;
    code->consts = code->names = code->localsplusnames = rt_empty_tuple;
    code->filename = rt_str_from_cstr(filename);
    code->name = code->qualname = rt_str_from_cstr(funcname);
    rt_code_init(code);
    ObjFrame *fo = gc_alloc(sizeof *fo);
    fo->ob.type = &vm_frame_type;
    fo->code = code;
    fo->globals = rt_dict_new();
    fo->builtins = rt_builtins_dict;
    fo->back = rt_None;
    fo->trace_lines = true;
    ObjException *e = AS_EXC(exc);
    /* where CPython's frame stands: its first unit, 3.13's second */
    int lasti = rt_py_minor >= 13 ? 1 : 0;
    fo->lasti = lasti;
    ObjTraceback *tb = VAL_AS(ObjTraceback, rt_traceback_here(e->traceback, obj_val(fo), code, lasti));
    tb->has_lineno = true;
    tb->lineno = lineno;
    e->traceback = obj_val(tb);
}

/* ---- attributes ---------------------------------------------------------------- */

static Value get_back(Value self)
{
    ObjFrame *fo = AS_FRAMEOBJ(self);
    if (fo->frame == NULL)
        return fo->back;
    return fo->frame->previous != NULL ? vm_frame_object_val(fo->frame->previous) : rt_None;
}

static Value get_locals(Value self) { return vm_frame_object_locals(AS_FRAMEOBJ(self)); }

static Value get_lineno(Value self)
{
    int line = vm_frame_object_line(AS_FRAMEOBJ(self));
    return line >= 0 ? small_new(line) : rt_None;
}

/* A trace function may assign f_lineno from a "line" event to jump
 * (vm/framejump.c); elsewhere CPython 3.11's errors. */
static int set_lineno(Value self, Value v)
{
    if (v == VAL_NULL) {
        rt_raisef(&rt_AttributeError, "cannot delete f_lineno");
        return -1;
    }
    if (!(val_is_small(v) || IS_EXACT(v, rt_int_type))) {
        rt_raisef(&rt_ValueError, "lineno must be an integer");
        return -1;
    }
    ObjFrame *fo = AS_FRAMEOBJ(self);
    const char *why = vm_trace_jump_refused(fo);
    if (why == NULL && fo->trace == VAL_NULL)
        why = "f_lineno can only be set by a trace function";
    if (why != NULL) {
        rt_raisef(&rt_ValueError, "%s", why);
        return -1;
    }
    int64_t line;
    if (!val_is_small(v) && !rt_int_as_i64(v, &line)) {
        rt_err_clear();
        line = INT64_MAX;
    } else if (val_is_small(v)) {
        line = small_value(v);
    }
    return vm_frame_jump(fo, line > LONG_MAX ? LONG_MAX : (long)line) ? 0 : -1;
}

static Value get_lasti(Value self)
{
    return small_new((intptr_t)frame_object_lasti(AS_FRAMEOBJ(self)) * 2);
}

static Value get_trace(Value self)
{
    Value t = AS_FRAMEOBJ(self)->trace;
    return t != VAL_NULL ? t : rt_None;
}

static int set_trace(Value self, Value v)
{
    AS_FRAMEOBJ(self)->trace = v == rt_None ? VAL_NULL : v;
    return 0;
}

static const MemberDef frame_members[] = {
    {"f_code", offsetof(ObjFrame, code), RT_MEMBER_VALUE, RT_READONLY},
    {"f_globals", offsetof(ObjFrame, globals), RT_MEMBER_VALUE, RT_READONLY},
    {"f_builtins", offsetof(ObjFrame, builtins), RT_MEMBER_VALUE, RT_READONLY},
    {"f_trace_lines", offsetof(ObjFrame, trace_lines), RT_MEMBER_BOOL, RT_WRITABLE},
    {"f_trace_opcodes", offsetof(ObjFrame, trace_opcodes), RT_MEMBER_BOOL, RT_WRITABLE},
    {NULL},
};

static const GetSetDef frame_getsets[] = {
    {"f_back", get_back}, {"f_locals", get_locals},
    {"f_lineno", get_lineno, set_lineno}, {"f_lasti", get_lasti},
    {"f_trace", get_trace, set_trace},
    {NULL},
};

/* frame.clear(): drop the locals of a frame that no longer runs; a
 * suspended generator's frame closes the generator first. */
static Value m_clear(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("clear", nargs - 1, kwnames))
        return VAL_NULL;
    ObjFrame *fo = AS_FRAMEOBJ(args[0]);
    Frame *f = fo->frame;
    if (f != NULL) {
        if (f->gen == NULL || f->gen->state == GEN_RUNNING)
            return rt_raisef(&rt_RuntimeError, "cannot clear an executing frame");
        Value r = rt_call0(rt_getattr_cstr(obj_val(f->gen), "close"));
        if (r == VAL_NULL)
            return VAL_NULL;
        f = fo->frame;
    }
    memset(f != NULL ? f->localsplus : fo->saved, 0, sizeof(Value) * (size_t)fo->code->nlocalsplus);
    fo->cleared = f == NULL;
    if (fo->locals != VAL_NULL && is_dict(fo->locals) &&
        (f == NULL || fo->locals != f->locals))
        fo->locals = rt_dict_new();
    fo->trace = VAL_NULL;
    return rt_None;
}

static const MethodDef frame_methods[] = {
    {"clear", m_clear},
    {NULL, NULL},
};

static Value frame_repr(Value self)
{
    ObjFrame *fo = AS_FRAMEOBJ(self);
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)fo);
    return rt_str_format_c("<frame at %s, file %R, line %d, code %S>", addr,
                           fo->code->filename, vm_frame_object_line(fo), fo->code->name);
}

ObjType vm_frame_type = {
    .ob.type = &rt_type_type, .name = "frame", .base = &rt_object_type,
    .repr = frame_repr, .members = frame_members, .getsets = frame_getsets,
};

void vm_frame_type_init(void)
{
    rt_type_ready(&vm_frame_type, frame_methods);
}
