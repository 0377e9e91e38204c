/*
 * frameobject.c — frame objects (see frameobject.h for the scheme: made
 * on request, reading through to the live record, a copy once it exits).
 *
 * The attributes are CPython 3.11's: f_back, f_code, f_globals,
 * f_builtins, f_locals, f_lineno, f_lasti (in bytes, as `dis` counts),
 * f_trace, f_trace_lines, f_trace_opcodes, and clear().  f_locals of a
 * function's frame is a dict of the fast locals, the same dict on every
 * request, brought up to date each time (CPython's PyFrame_FastToLocals);
 * a module's or class body's is its namespace itself.  Under 3.13 bytecode
 * (PEP 667) a function frame's f_locals is a new FrameLocalsProxy on every
 * request, reading and writing the fast locals and cells themselves, and
 * locals() a new snapshot dict on every call (see "3.13's f_locals" below).
 *
 * A comprehension that 3.12+ inlines into a module or class body (PEP
 * 709) keeps its variables in that body's hidden fast slots.  While one of
 * them is bound, locals() differs by version: 3.12 returns a new dict, the
 * namespace and the bound hidden variables (CPython's _PyFrame_GetLocals
 * with include_hidden; the namespace itself never gets them); 3.13 and
 * 3.14 treat the body like a function's frame, f_locals a proxy and
 * locals() a snapshot of the fast slots alone, without the namespace.
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
    fo->extra = VAL_NULL;
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
    /* A generator's frame is detached from its resumer as it finishes
     * (3.11; from 3.12 on it keeps that resumer as its f_back). */
    fo->back = f->previous != NULL && (f->gen == NULL || rt_py_minor >= 12)
               ? vm_frame_object_val(f->previous) : rt_None;
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

/* The fast locals (localsplus) the frame has or had; NULL once cleared.
 * What is read through here may be kept anywhere: no str in them is
 * its local's alone any more (vm/specialize.c, "appending to a str in
 * place", rule 3). */
static Value *fast_locals(ObjFrame *fo)
{
    Value *fast = fo->frame != NULL ? fo->frame->localsplus : fo->cleared ? NULL : fo->saved;
    for (int i = 0; fast != NULL && i < fo->code->nlocalsplus; i++)
        rt_str_disown(fast[i]);
    return fast;
}

/* Which of the localsplus slots f_locals shows: a class body's free
 * variables (__class__) are not its locals, nor is the variable of a
 * comprehension inlined into a module or class body (3.12's hidden
 * slots): copied into that namespace it would overwrite, or delete, the
 * name the body has there. */
static bool shows_slot(ObjCode *co, int i)
{
    const uint8_t *kinds = AS_BYTES(co->localspluskinds)->data;
    if (kinds[i] & CO_FAST_HIDDEN)
        return false;
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

bool vm_hidden_bound(ObjCode *co, const Value *fast)
{
    if (rt_py_minor < 12 || (co->flags & CO_OPTIMIZED) || fast == NULL)
        return false;
    const uint8_t *kinds = AS_BYTES(co->localspluskinds)->data;
    for (int i = 0; i < co->nlocalsplus; i++) {
        Value v = fast[i];
        if (is_cell_slot(co, i, v))
            v = VAL_AS(ObjCell, v)->ref;
        if ((kinds[i] & CO_FAST_HIDDEN) && v != VAL_NULL)
            return true;
    }
    return false;
}

/* 3.12's locals() inside a comprehension inlined into a module or class
 * body: a new dict of the namespace's items and the bound hidden slots. */
static Value with_hidden(ObjFrame *fo, const Value *fast)
{
    ObjCode *co = fo->code;
    const uint8_t *kinds = AS_BYTES(co->localspluskinds)->data;
    Value d = rt_dict_new();
    if (!rt_dict_merge(d, fo->locals))
        return VAL_NULL;
    for (int i = 0; i < co->nlocalsplus; i++) {
        Value v = fast[i];
        if (is_cell_slot(co, i, v))
            v = VAL_AS(ObjCell, v)->ref;
        if ((kinds[i] & CO_FAST_HIDDEN) && v != VAL_NULL &&
            !rt_dict_set(d, rt_tuple_get(co->localsplusnames, i), v))
            return VAL_NULL;
    }
    return d;
}

static bool has_proxy(ObjFrame *fo);
static Value locals_snapshot(ObjFrame *fo);

Value vm_frame_object_locals(ObjFrame *fo)
{
    if (has_proxy(fo))
        return locals_snapshot(fo);
    if (fo->locals == VAL_NULL)
        fo->locals = rt_dict_new();
    /* From 3.13 on (PEP 667) a class body's namespace is shown as it
     * stands: its cells (__class__, __classdict__) are not copied in. */
    if (rt_py_minor >= 13 && !(fo->code->flags & CO_OPTIMIZED))
        return fo->locals;
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
    if (vm_hidden_bound(co, fast))
        return with_hidden(fo, fast);
    return fo->locals;
}

/* 3.12's write-back into a module or class body, after a trace function
 * that read f_locals (CPython's _PyFrame_LocalsToFast with clear): every
 * slot but a free variable's takes the namespace's value for its name, the
 * hidden slots of an inlined comprehension too, which the namespace does
 * not have: a bound one becomes None, with a RuntimeWarning (a debugger
 * stepping through a module-level comprehension under 3.12). */
static void body_locals_to_fast(ObjFrame *fo)
{
    Value saved = rt_err_fetch();
    Value *fast = fo->frame->localsplus;
    ObjCode *co = fo->code;
    const uint8_t *kinds = AS_BYTES(co->localspluskinds)->data;
    for (int i = 0; i < co->nlocalsplus; i++) {
        if (kinds[i] & CO_FAST_FREE)
            continue;
        Value name = rt_tuple_get(co->localsplusnames, i);
        Value v = rt_getitem(fo->locals, name);
        if (v == VAL_NULL)
            rt_err_clear();
        if (is_cell_slot(co, i, fast[i])) {
            VAL_AS(ObjCell, fast[i])->ref = v;
            continue;
        }
        if (v == fast[i])
            continue;
        if (v == VAL_NULL) {
            Value msg = rt_str_format_c("assigning None to unbound local %R", name);
            if (msg == VAL_NULL || rt_warn(&rt_RuntimeWarning, rt_str_cstr(msg), 1) < 0)
                rt_write_unraisable(obj_val(fo));
            v = rt_None;
        }
        fast[i] = v;
    }
    if (saved != VAL_NULL)
        rt_raise(saved);
}

/* A trace function may assign to f_locals (a debugger's `!x = 1`): the
 * values go back into the slots, or the cells, they came from. */
void vm_frame_object_locals_to_fast(ObjFrame *fo)
{
    bool read = fo->fast_as_locals;
    fo->fast_as_locals = false;
    if (rt_py_minor == 12 && read && fo->frame != NULL && fo->locals == fo->frame->locals &&
        fo->code->nlocalsplus > 0) {
        body_locals_to_fast(fo);
        return;
    }
    if (fo->frame == NULL || fo->locals == VAL_NULL || fo->locals == fo->frame->locals ||
        has_proxy(fo))              /* the proxy wrote through already */
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

/* ---- 3.13's f_locals: FrameLocalsProxy (PEP 667) -----------------------------------
 * A function frame's f_locals under 3.13 bytecode: a mapping over the
 * frame's fast locals (a cell's contents for a cell) as they are at each
 * access, the bound ones in their slot order, then the frame's extra
 * locals — names that are not locals, stored through the proxy, kept in
 * fo->locals.  Storing a local's name stores into its slot or cell (not a
 * comprehension's hidden one); nothing can be deleted.  locals() and
 * copy() are snapshots: a dict of the same items. */

typedef struct ObjFrameLocals {
    Object ob;
    ObjFrame *frame;
} ObjFrameLocals;

static ObjType framelocals_type;

#define PROXY_FRAME(v) (VAL_AS(ObjFrameLocals, v)->frame)

/* A function's frame, or (3.13's _PyFrame_HasHiddenLocals) a module or
 * class body inside a comprehension inlined into it. */
static bool has_proxy(ObjFrame *fo)
{
    return rt_py_minor >= 13 &&
           ((fo->code->flags & CO_OPTIMIZED) || vm_hidden_bound(fo->code, fast_locals(fo)));
}

/* Where the names stored through the proxy that are no local's go: a
 * function frame's f_locals dict, a body's own dict beside its namespace. */
static Value *extra_locals(ObjFrame *fo)
{
    return (fo->code->flags & CO_OPTIMIZED) ? &fo->locals : &fo->extra;
}

static Value framelocals_new_proxy(ObjFrame *fo)
{
    ObjFrameLocals *p = gc_alloc(sizeof *p);
    p->ob.type = &framelocals_type;
    p->frame = fo;
    return obj_val(p);
}

/* What slot i shows: the value, or a cell's contents; VAL_NULL unbound. */
static Value slot_value(ObjFrame *fo, int i)
{
    Value *fast = fast_locals(fo);
    if (fast == NULL)
        return VAL_NULL;
    Value v = fast[i];
    return is_cell_slot(fo->code, i, v) ? VAL_AS(ObjCell, v)->ref : v;
}

/* The slot of the local named key, or -1 (key not a str, or no such local). */
static int local_slot(ObjCode *co, Value key)
{
    if (!is_str(key))
        return -1;
    for (int i = 0; i < co->nlocalsplus; i++)
        if (rt_str_equal(rt_tuple_get(co->localsplusnames, i), key))
            return i;
    return -1;
}

static Value locals_snapshot(ObjFrame *fo)
{
    Value d = rt_dict_new();
    ObjCode *co = fo->code;
    for (int i = 0; i < co->nlocalsplus; i++) {
        Value v = slot_value(fo, i);
        if (v != VAL_NULL && !rt_dict_set(d, rt_tuple_get(co->localsplusnames, i), v))
            return VAL_NULL;
    }
    Value extra = *extra_locals(fo);
    if (extra != VAL_NULL && !rt_dict_merge(d, extra))
        return VAL_NULL;
    return d;
}

/* The value under key, VAL_NULL without an exception when there is none. */
static Value framelocals_lookup(ObjFrame *fo, Value key)
{
    int i = local_slot(fo->code, key);
    Value v = i >= 0 ? slot_value(fo, i) : VAL_NULL;
    Value extra = *extra_locals(fo);
    if (v != VAL_NULL || extra == VAL_NULL)
        return v;
    bool error = false;
    v = rt_dict_get(extra, key, &error);
    return error ? VAL_NULL : v;
}

static Value framelocals_getitem(Value self, Value key)
{
    Value v = framelocals_lookup(PROXY_FRAME(self), key);
    if (v == VAL_NULL && !rt_err_occurred())
        rt_raisef(&rt_KeyError, "local variable '%R' is not defined", key);
    return v;
}

static int framelocals_setitem(Value self, Value key, Value v)
{
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "cannot remove variables from FrameLocalsProxy");
        return -1;
    }
    ObjFrame *fo = PROXY_FRAME(self);
    ObjCode *co = fo->code;
    Value *fast = fast_locals(fo);
    int i = local_slot(co, key);
    if (i >= 0 && fast != NULL && !(AS_BYTES(co->localspluskinds)->data[i] & CO_FAST_HIDDEN)) {
        if (is_cell_slot(co, i, fast[i]))
            VAL_AS(ObjCell, fast[i])->ref = v;
        else
            fast[i] = v;
        return 0;
    }
    Value *extra = extra_locals(fo);
    if (*extra == VAL_NULL)
        *extra = rt_dict_new();
    return rt_dict_set(*extra, key, v) ? 0 : -1;
}

static int framelocals_contains(Value self, Value key)
{
    Value v = framelocals_lookup(PROXY_FRAME(self), key);
    return v != VAL_NULL ? 1 : rt_err_occurred() ? -1 : 0;
}

/* The names, values or items (0, 1, 2) of the snapshot, as a list. */
static Value snapshot_list(Value self, int what)
{
    Value d = locals_snapshot(PROXY_FRAME(self));
    if (d == VAL_NULL)
        return VAL_NULL;
    Value list = rt_list_new(rt_dict_len(d)), k, v;
    for (size_t pos = 0; rt_dict_next(d, &pos, &k, &v);)
        rt_list_append(list, what == 0 ? k : what == 1 ? v : rt_tuple_pack(2, k, v));
    return list;
}

static ssize_t framelocals_len(Value self)
{
    Value d = locals_snapshot(PROXY_FRAME(self));
    return d == VAL_NULL ? -1 : (ssize_t)rt_dict_len(d);
}

static Value framelocals_iter(Value self)
{
    Value keys = snapshot_list(self, 0);
    return keys == VAL_NULL ? VAL_NULL : rt_iter(keys);
}

static Value framelocals_repr(Value self)
{
    if (rt_repr_reentered(self))
        return rt_str_from_cstr("{...}");
    Value d = locals_snapshot(PROXY_FRAME(self));
    return d == VAL_NULL ? VAL_NULL : rt_repr(d);
}

/* A proxy operand as a dict; other values as they are. */
static Value as_dict_operand(Value v)
{
    return IS_EXACT(v, framelocals_type) ? locals_snapshot(PROXY_FRAME(v)) : v;
}

static Value framelocals_richcompare(Value a, Value b, int op)
{
    if (op != CMP_EQ && op != CMP_NE)
        return rt_NotImplemented;
    if (IS_EXACT(b, framelocals_type))
        return rt_bool((PROXY_FRAME(a) == PROXY_FRAME(b)) == (op == CMP_EQ));
    if (!is_dict(b))
        return rt_NotImplemented;
    Value d = locals_snapshot(PROXY_FRAME(a));
    return d == VAL_NULL ? VAL_NULL : rt_richcompare(d, b, op);
}

/* proxy | dict, dict | proxy: a new dict. */
static Value framelocals_binop(Value a, Value b, int op)
{
    if (op != NB_OR)
        return rt_NotImplemented;
    a = as_dict_operand(a);
    b = as_dict_operand(b);
    if (a == VAL_NULL || b == VAL_NULL)
        return VAL_NULL;
    if (!is_dict(a) || !is_dict(b))
        return rt_NotImplemented;
    Value d = rt_dict_copy(a);
    return rt_dict_update(d, b) ? d : VAL_NULL;
}

/* Store every item of a dict or another proxy. */
static bool framelocals_update_from(Value self, Value other)
{
    other = as_dict_operand(other);
    if (other == VAL_NULL)
        return false;
    Value k, v;
    for (size_t pos = 0; rt_dict_next(other, &pos, &k, &v);)
        if (framelocals_setitem(self, k, v) < 0)
            return false;
    return true;
}

/* proxy |= dict: stored through the proxy, which is the result. */
static Value framelocals_inplace(Value a, Value b, int op)
{
    if (op != NB_OR || !(is_dict(b) || IS_EXACT(b, framelocals_type)))
        return rt_NotImplemented;
    return framelocals_update_from(a, b) ? a : VAL_NULL;
}

static Value m_update(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("FrameLocalsProxy.update", nargs - 1, kwnames))
        return VAL_NULL;
    if (!is_dict(args[1]) && !IS_EXACT(args[1], framelocals_type))
        return rt_raisef(&rt_TypeError, "update() argument must be dict or another FrameLocalsProxy");
    return framelocals_update_from(args[0], args[1]) ? rt_None : VAL_NULL;
}

static Value m_get(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("FrameLocalsProxy.get", kwnames))
        return VAL_NULL;
    if (nargs < 2 || nargs > 3)
        return rt_raisef(&rt_TypeError, "get expected 1 or 2 arguments");
    Value v = framelocals_lookup(PROXY_FRAME(args[0]), args[1]);
    if (v != VAL_NULL || rt_err_occurred())
        return v;
    return nargs == 3 ? args[2] : rt_None;
}

static Value m_setdefault(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("FrameLocalsProxy.setdefault", kwnames))
        return VAL_NULL;
    if (nargs < 2 || nargs > 3)
        return rt_raisef(&rt_TypeError, "setdefault expected 1 or 2 arguments");
    Value v = framelocals_lookup(PROXY_FRAME(args[0]), args[1]);
    if (v != VAL_NULL || rt_err_occurred())
        return v;
    Value dflt = nargs == 3 ? args[2] : rt_None;
    return framelocals_setitem(args[0], args[1], dflt) < 0 ? VAL_NULL : dflt;
}

/* keys(), values(), items(): lists; copy(): a dict; __reversed__. */
#define SNAPSHOT_METHOD(fn, name, body)                                       \
    static Value fn(Value *args, size_t nargs, Value kwnames)                 \
    {                                                                         \
        if (!rt_arg_none("FrameLocalsProxy." name, nargs - 1, kwnames))       \
            return VAL_NULL;                                                  \
        body;                                                                 \
    }
SNAPSHOT_METHOD(m_keys, "keys", return snapshot_list(args[0], 0))
SNAPSHOT_METHOD(m_values, "values", return snapshot_list(args[0], 1))
SNAPSHOT_METHOD(m_items, "items", return snapshot_list(args[0], 2))
SNAPSHOT_METHOD(m_copy, "copy", return locals_snapshot(PROXY_FRAME(args[0])))
SNAPSHOT_METHOD(m_reversed, "__reversed__",
    Value keys = snapshot_list(args[0], 0);
    if (keys == VAL_NULL)
        return VAL_NULL;
    return rt_call1(rt_dict_get_cstr(rt_builtins_dict, "reversed"), keys))

static const MethodDef framelocals_methods[] = {
    {"keys", m_keys}, {"values", m_values}, {"items", m_items}, {"copy", m_copy},
    {"get", m_get}, {"setdefault", m_setdefault}, {"update", m_update},
    {"__reversed__", m_reversed},
    {NULL, NULL},
};

/* FrameLocalsProxy(frame). */
static Value framelocals_type_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (kwnames != VAL_NULL && rt_nkwargs(kwnames) > 0)
        return rt_raisef(&rt_TypeError, "FrameLocalsProxy takes no keyword arguments");
    if (nargs != 1)
        return rt_raisef(&rt_TypeError, "FrameLocalsProxy expected 1 argument, got %zu", nargs);
    if (!IS_EXACT(args[0], vm_frame_type))
        return rt_raisef(&rt_TypeError, "expect frame, not %s", val_type(args[0])->name);
    return framelocals_new_proxy(AS_FRAMEOBJ(args[0]));
}

static ObjType framelocals_type = {
    .ob.type = &rt_type_type, .name = "FrameLocalsProxy", .base = &rt_object_type,
    .new_ = framelocals_type_new, .repr = framelocals_repr,
    .richcompare = framelocals_richcompare, .binop = framelocals_binop,
    .binop_ops = RT_OP_BIT(NB_OR), .inplace = framelocals_inplace,
    .getitem = framelocals_getitem, .setitem = framelocals_setitem,
    .contains = framelocals_contains, .len = framelocals_len, .iter = framelocals_iter,
};


static Value get_locals(Value self)
{
    ObjFrame *fo = AS_FRAMEOBJ(self);
    fo->fast_as_locals = true;
    return has_proxy(fo) ? framelocals_new_proxy(fo) : vm_frame_object_locals(fo);
}

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
    /* 3.12 first asks whether a trace event is being reported at all. */
    const char *why = rt_py_minor >= 12 && !vm_trace_busy
                      ? "f_lineno can only be set in a trace function" : vm_trace_jump_refused(fo);
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
        if (rt_py_minor >= 13 && f->gen->state == GEN_SUSPENDED)  /* 3.13 leaves it open */
            return rt_raisef(&rt_RuntimeError, "cannot clear a suspended frame");
        /* As CPython's _PyGen_Finalize: a coroutine cleared unstarted was
         * never awaited. */
        if (f->gen->state == GEN_CREATED && f->gen->ob.type == &rt_coroutine_type)
            rt_warn_unawaited_coroutine(obj_val(f->gen), f->gen->qualname);
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
    rt_type_ready(&framelocals_type, framelocals_methods);
}
