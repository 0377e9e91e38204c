/*
 * slots.c — the two bridges between dunder methods and C slots.
 *
 * The eval loop and abstract.c only ever call C slots (type->binop,
 * type->repr, ...).  Python code only ever sees dunder methods (__add__,
 * __repr__, ...).  Both worlds must agree, in both directions:
 *
 * 1. Classes written in Python.  When a class (or a class on its MRO)
 *    defines __add__, its binop slot becomes slot_binop, a C function that
 *    looks __add__ / __radd__ up on the MRO and calls it (CPython's
 *    Objects/typeobject.c "slot_nb_add" family).  rt_update_slots decides
 *    slot by slot (RT_TYPE_SLOTS in object.h lists each slot's dunders):
 *    the first class on the MRO whose dict names one of the slot's dunders
 *    is the *definer*; a Python-defined class gets the
 *    slot_* function, a builtin definer lends its own C function (so a
 *    list subclass keeps list's fast len), and a dunder set to None
 *    (`__hash__ = None`) empties the slot.
 *
 * 2. Builtin types.  int.__add__(1, 2), super().__init__(...),
 *    object.__setattr__(self, name, v) need the builtin slots visible as
 *    methods.  rt_add_slot_wrappers puts a "slot wrapper" (a small
 *    descriptor recording the owner type and which slot) in the type's dict
 *    for every slot the type defines itself — for the operator slots, every
 *    operator its binop_ops and unary_ops list (int gets __add__ ...
 *    __index__, str only __add__, __mul__, __rmul__, __mod__, __rmod__) —
 *    unless a method of that name is already there.  Calling the wrapper
 *    calls the *owner's* slot, never the instance's, so super().__repr__()
 *    reaches object's repr rather than the subclass's own __repr__ again.
 *
 * Only heap types ever get slot_* functions: the builtin types keep their
 * direct C slots, so the fast paths in abstract.c cost nothing more.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/class.h"
#include "vm/vm.h"

/* ---- slot numbering and the dunders behind each slot ---------------------- */

/* S_repr, S_str, ...: the slots of RT_TYPE_SLOTS (object.h), in order. */
#define SLOT_ENUM(slot, ret, params, dunders, inherit) S_##slot,
enum { RT_TYPE_SLOTS(SLOT_ENUM) S_COUNT };
#undef SLOT_ENUM

/* Each slot's dunders as RT_TYPE_SLOTS spells them: "__bool__ __len__ ". */
#define SLOT_DUNDERS(slot, ret, params, dunders, inherit) [S_##slot] = dunders,
static const char *const slot_dunders[S_COUNT] = { RT_TYPE_SLOTS(SLOT_DUNDERS) };
#undef SLOT_DUNDERS

/* The same names interned, NULL-terminated, made once by rt_slots_init. */
static Value *slot_groups[S_COUNT];

/* The operator slots list their dunders in operator order, so the dunders
 * of operator `op` are found by number: op_names[NB_ADD] is __add__,
 * rop_names[NB_ADD] __radd__, iop_names[NB_ADD] __iadd__. */
static Value op_names[NB_DIVMOD + 1], rop_names[NB_DIVMOD + 1];
static Value *iop_names, *cmp_names, *unary_names;

/* Every slot's dunders, and __del__ (the finaliser flag): the names
 * whose assignment to a class changes what rt_update_slots decides. */
static Value slot_names;

/* Every slot's dunders, each mapped to the slots it speaks for, bit S_x
 * for slot x, as a small int (__len__ and __pow__ speak for two).  Made
 * when the first class asks (dunder_slots), not at start-up. */
static Value slot_masks = VAL_NULL;
_Static_assert(S_COUNT < 8 * sizeof(intptr_t) - 2, "a slot mask fits a small int");

static Value n_repr, n_str, n_hash, n_bool, n_len, n_iter, n_next, n_call,
    n_getattribute, n_getattr, n_setattr, n_delattr, n_getitem, n_setitem,
    n_delitem, n_contains, n_get, n_set, n_delete, n_new, n_init;

/* "__bool__ __len__ " -> { __bool__, __len__, VAL_NULL } */
static Value *intern_words(const char *text)
{
    size_t n = 0;
    for (const char *p = text; *p != '\0'; p++)
        n += *p != ' ' && (p[1] == ' ' || p[1] == '\0');
    Value *names = gc_alloc((n + 1) * sizeof(Value));
    size_t i = 0;
    for (const char *p = text; *p != '\0';) {
        size_t len = strcspn(p, " ");
        if (len > 0)
            names[i++] = rt_str_intern(rt_str_new(p, len));
        p += len + (p[len] == ' ');
    }
    return names;
}

static void make_names(void)
{
    for (int s = 0; s < S_COUNT; s++)
        slot_groups[s] = intern_words(slot_dunders[s]);
    Value *binop = slot_groups[S_binop];    /* __add__ ... __radd__ ... __divmod__ __rdivmod__ */
    for (int op = 0; op < NB_INPLACE_OFFSET; op++) {
        op_names[op] = binop[op];
        rop_names[op] = binop[NB_INPLACE_OFFSET + op];
    }
    op_names[NB_DIVMOD] = binop[2 * NB_INPLACE_OFFSET];
    rop_names[NB_DIVMOD] = binop[2 * NB_INPLACE_OFFSET + 1];
    iop_names = slot_groups[S_inplace];
    cmp_names = slot_groups[S_richcompare];
    unary_names = slot_groups[S_unary];
    n_repr = slot_groups[S_repr][0];
    n_str = slot_groups[S_str][0];
    n_hash = slot_groups[S_hash][0];
    n_bool = slot_groups[S_truth][0];
    n_len = slot_groups[S_len][0];
    n_iter = slot_groups[S_iter][0];
    n_next = slot_groups[S_next][0];
    n_call = slot_groups[S_call][0];
    n_getattribute = slot_groups[S_getattr][0];
    n_getattr = slot_groups[S_getattr][1];
    n_setattr = slot_groups[S_setattr][0];
    n_delattr = slot_groups[S_setattr][1];
    n_getitem = slot_groups[S_getitem][0];
    n_setitem = slot_groups[S_setitem][0];
    n_delitem = slot_groups[S_setitem][1];
    n_contains = slot_groups[S_contains][0];
    n_get = slot_groups[S_descr_get][0];
    n_set = slot_groups[S_descr_set][0];
    n_delete = slot_groups[S_descr_set][1];
    n_new = slot_groups[S_new_][0];
    n_init = rt_str_intern_cstr("__init__");    /* not a slot: see wrapper_init */
    slot_names = rt_dict_new();
    for (int s = 0; s < S_COUNT; s++)
        for (Value *n = slot_groups[s]; *n != VAL_NULL; n++)
            rt_dict_set(slot_names, *n, rt_True);
    rt_dict_set(slot_names, rt_str_intern_cstr("__del__"), rt_True);
}

bool rt_is_slot_name(Value name)
{
    return rt_dict_get_str(slot_names, name) != VAL_NULL;
}

/* ---- calling a dunder --------------------------------------------------------- */

/* An unbound method that takes self as its first argument as it is. */
static bool is_plain_method(Value m)
{
    return is_function(m) || rt_wrapper_is_unbound(m) || IS_EXACT(m, rt_method_descr_type);
}

/* Call m, found on type(self)'s MRO, as a method of self. */
static Value call_found(Value m, Value self, Value *args, size_t nargs, Value kwnames)
{
    if (is_plain_method(m)) {
        Value small[8];
        Value *all = nargs < 8 ? small : gc_alloc((nargs + 1) * sizeof(Value));
        all[0] = self;
        memcpy(all + 1, args, nargs * sizeof(Value));
        return rt_call(m, all, nargs + 1, kwnames);
    }
    ObjType *mt = val_type(m);
    if (mt->descr_get != NULL) {
        m = mt->descr_get(m, self, obj_val(val_type(self)));
        if (m == VAL_NULL)
            return VAL_NULL;
    }
    return rt_call(m, args, nargs, kwnames);
}

Value rt_call_found(Value m, Value self, Value *args, size_t nargs)
{
    return call_found(m, self, args, nargs, VAL_NULL);
}

Value rt_call_dunder(Value self, Value name, Value *args, size_t nargs, bool *found)
{
    Value m = rt_type_lookup(val_type(self), name);
    *found = m != VAL_NULL;
    if (m == VAL_NULL)
        return VAL_NULL;
    return call_found(m, self, args, nargs, VAL_NULL);
}

/* A dunder call whose absence means "not supported" (NotImplemented). */
static Value dunder_or_ni(Value self, Value name, Value *args, size_t nargs)
{
    bool found;
    Value r = rt_call_dunder(self, name, args, nargs, &found);
    return found ? r : rt_NotImplemented;
}

/* ---- 1. the slot_* functions of heap types ------------------------------------ */

static Value object_getattribute_w;     /* object.__getattribute__ */

static Value slot_repr(Value self)
{
    return dunder_or_ni(self, n_repr, NULL, 0);
}

static Value slot_str(Value self)
{
    return dunder_or_ni(self, n_str, NULL, 0);
}

static intptr_t slot_hash(Value self)
{
    bool found;
    Value r = rt_call_dunder(self, n_hash, NULL, 0, &found);
    if (r == VAL_NULL)
        return -1;
    if (!rt_isinstance_of(r, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* As CPython's slot_tp_hash: an int that fits in 64 bits is the hash
     * as it is (-1, which means "error", becomes -2); a larger one is
     * hashed as an int. */
    int64_t h;
    if (rt_int_as_i64(r, &h))
        return h == -1 ? -2 : (intptr_t)h;
    rt_err_clear();
    return rt_hash(rt_int_unbool(r));
}

/* A comparison dunder that cannot even be fetched (a property raising
 * AttributeError, say) is NotImplemented, as in CPython's
 * slot_tp_richcompare. */
static Value slot_richcompare(Value a, Value b, int op)
{
    Value m = rt_type_lookup(val_type(a), cmp_names[op]);
    if (m == VAL_NULL)
        return rt_NotImplemented;
    if (is_plain_method(m))
        return call_found(m, a, &b, 1, VAL_NULL);
    ObjType *mt = val_type(m);
    if (mt->descr_get != NULL && (m = mt->descr_get(m, a, obj_val(val_type(a)))) == VAL_NULL) {
        rt_err_clear();
        return rt_NotImplemented;
    }
    return rt_call1(m, b);
}

/* Is the reflected method `name` of tb a different one from ta's? */
static bool method_overloaded(ObjType *ta, ObjType *tb, Value name)
{
    Value b = rt_type_lookup(tb, name);
    if (b == VAL_NULL)
        return false;
    return rt_type_lookup(ta, name) != b;
}

static ObjType *repeat_base(ObjType *t);
static Value slot_multiply_repeat(Value a, Value b);

/* CPython's SLOT1BINFULL: called with the operands in source order on
 * either operand's type.  The left operand's __op__ first — unless the
 * right one is a subclass overriding __rop__ — then the right's __rop__. */
static Value slot_binop(Value a, Value b, int op)
{
    ObjType *ta = val_type(a), *tb = val_type(b);
    if (op == NB_MULTIPLY && (repeat_base(ta) != NULL || repeat_base(tb) != NULL))
        return slot_multiply_repeat(a, b);
    bool do_other = ta != tb && tb->binop == slot_binop;
    Value r;
    if (ta->binop == slot_binop) {
        if (do_other && rt_is_subtype(tb, ta) && method_overloaded(ta, tb, rop_names[op])) {
            r = dunder_or_ni(b, rop_names[op], &a, 1);
            if (r != rt_NotImplemented)
                return r;
            do_other = false;
        }
        r = dunder_or_ni(a, op_names[op], &b, 1);
        if (r != rt_NotImplemented || ta == tb)
            return r;
    }
    if (do_other)
        return dunder_or_ni(b, rop_names[op], &a, 1);
    return rt_NotImplemented;
}

/* pow(base, exp, mod) reaches a class's __pow__ only when base is its
 * instance: three-argument power never uses __rpow__ (CPython's
 * slot_nb_power). */
static Value slot_pow3(Value base, Value exp, Value mod)
{
    if (val_type(base)->pow3 != slot_pow3)
        return rt_NotImplemented;
    Value args[2] = { exp, mod };
    return dunder_or_ni(base, op_names[NB_POWER], args, 2);
}

static Value slot_inplace(Value a, Value b, int op)
{
    return dunder_or_ni(a, iop_names[op], &b, 1);
}

static Value slot_unary(Value v, int op)
{
    return dunder_or_ni(v, unary_names[op], NULL, 0);
}

/* len(): __len__ must give an int >= 0 that fits a C size. */
static ssize_t slot_len(Value self)
{
    bool found;
    Value r = rt_call_dunder(self, n_len, NULL, 0, &found);
    if (r == VAL_NULL)
        return -1;
    if (!rt_isinstance_of(r, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "'%s' object cannot be interpreted as an integer",
                  val_type(r)->name);
        return -1;
    }
    r = rt_int_unbool(r);
    if (rt_int_sign(r) < 0) {
        rt_raisef(&rt_ValueError, "__len__() should return >= 0");
        return -1;
    }
    /* Up to sys.maxsize, as CPython's (a small int holds less). */
    int64_t n;
    if (!rt_int_as_i64(r, &n)) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    return n;
}

/* Truth: __bool__ (which must return a bool), else __len__, else true. */
static int slot_truth(Value self)
{
    bool found;
    Value r = rt_call_dunder(self, n_bool, NULL, 0, &found);
    if (found) {
        if (r == VAL_NULL)
            return -1;
        if (!is_bool(r)) {
            rt_raisef(&rt_TypeError, "__bool__ should return bool, returned %s",
                      val_type(r)->name);
            return -1;
        }
        return r == rt_True;
    }
    if (rt_type_lookup(val_type(self), n_len) == VAL_NULL)
        return 1;
    ssize_t n = slot_len(self);
    return n < 0 ? -1 : n > 0;
}

static Value slot_iter(Value self)
{
    return dunder_or_ni(self, n_iter, NULL, 0);
}

/* __next__ raising StopIteration is the end of the iteration. */
static Value slot_next(Value self)
{
    bool found;
    Value r = rt_call_dunder(self, n_next, NULL, 0, &found);
    if (r == VAL_NULL && rt_err_matches(&rt_StopIteration))
        rt_err_clear();
    return r;
}

Value rt_next_keep_stop(Value self)
{
    ObjType *t = val_type(self);
    if (t->next != slot_next)
        return t->next(self);
    bool found;
    return rt_call_dunder(self, n_next, NULL, 0, &found);
}

/* A __call__ that is not a function may itself be an instance whose class
 * has a __call__ ... (A.__call__ = A()): each level counts against the
 * recursion limit, as CPython's _PyObject_MakeTpCall does. */
static Value slot_call(Value self, Value *args, size_t nargs, Value kwnames)
{
    Value m = rt_type_lookup(val_type(self), n_call);
    if (m == VAL_NULL)
        return rt_raisef(&rt_TypeError, "'%s' object is not callable", val_type(self)->name);
    if (!vm_enter_recursive_call(" while calling a Python object"))
        return VAL_NULL;
    Value r = call_found(m, self, args, nargs, kwnames);
    vm_leave_recursive_call();
    return r;
}

/* __getattribute__ (object's: the generic lookup), then on AttributeError
 * the class's __getattr__ if it has one. */
static Value slot_getattr(Value self, Value name)
{
    ObjType *t = val_type(self);
    Value ga = rt_type_lookup(t, n_getattribute), r;
    if (ga == VAL_NULL || ga == object_getattribute_w)
        r = rt_generic_getattr(self, name);
    else
        r = call_found(ga, self, &name, 1, VAL_NULL);
    if (r != VAL_NULL || !rt_err_matches(&rt_AttributeError))
        return r;
    Value getattr = rt_type_lookup(t, n_getattr);
    if (getattr == VAL_NULL)
        return VAL_NULL;
    rt_err_clear();
    return call_found(getattr, self, &name, 1, VAL_NULL);
}

static int slot_setattr(Value self, Value name, Value v)
{
    Value args[2] = { name, v };
    bool found;
    Value r = v == VAL_NULL ? rt_call_dunder(self, n_delattr, args, 1, &found)
                            : rt_call_dunder(self, n_setattr, args, 2, &found);
    if (!found)
        return rt_generic_setattr(self, name, v);
    return r == VAL_NULL ? -1 : 0;
}

static Value slot_getitem(Value self, Value key)
{
    bool found;
    Value r = rt_call_dunder(self, n_getitem, &key, 1, &found);
    if (!found)
        return rt_raisef(&rt_TypeError, "'%s' object is not subscriptable", val_type(self)->name);
    return r;
}

static int slot_setitem(Value self, Value key, Value v)
{
    Value args[2] = { key, v };
    bool found;
    Value r = v == VAL_NULL ? rt_call_dunder(self, n_delitem, args, 1, &found)
                            : rt_call_dunder(self, n_setitem, args, 2, &found);
    if (!found) {
        if (v == VAL_NULL)
            rt_raisef(&rt_TypeError, "'%s' object doesn't support item deletion",
                      val_type(self)->name);
        else
            rt_raisef(&rt_TypeError, "'%s' object does not support item assignment",
                      val_type(self)->name);
        return -1;
    }
    return r == VAL_NULL ? -1 : 0;
}

static int slot_contains(Value self, Value item)
{
    /* __contains__ = None blocks the fallback to iteration, as CPython's. */
    Value m = rt_type_lookup(val_type(self), n_contains);
    if (m == rt_None) {
        rt_raisef(&rt_TypeError, "'%s' object is not a container", val_type(self)->name);
        return -1;
    }
    Value r = m == VAL_NULL ? VAL_NULL : call_found(m, self, &item, 1, VAL_NULL);
    if (r == VAL_NULL)
        return -1;
    return rt_truthy(r);
}

static Value slot_descr_get(Value descr, Value obj, Value type)
{
    Value args[2] = { obj == VAL_NULL ? rt_None : obj, type == VAL_NULL ? rt_None : type };
    return dunder_or_ni(descr, n_get, args, 2);
}

static int slot_descr_set(Value descr, Value obj, Value v)
{
    Value args[2] = { obj, v };
    bool found;
    Value r = v == VAL_NULL ? rt_call_dunder(descr, n_delete, args, 1, &found)
                            : rt_call_dunder(descr, n_set, args, 2, &found);
    if (!found) {
        rt_raisef(&rt_AttributeError, "__%s__", v == VAL_NULL ? "delete" : "set");
        return -1;
    }
    return r == VAL_NULL ? -1 : 0;
}

/* C(...) where C defines __new__: __new__(C, *args) (a staticmethod). */
static Value slot_new_(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    Value m = rt_type_lookup(type, n_new);
    if (m == VAL_NULL)
        return rt_raisef(&rt_TypeError, "cannot create '%s' instances", type->name);
    if (val_type(m)->descr_get != NULL && !is_function(m))
        m = val_type(m)->descr_get(m, VAL_NULL, obj_val(type));
    if (m == VAL_NULL)
        return VAL_NULL;
    Value small[8];
    Value *all = nargs < 8 ? small : gc_alloc((nargs + 1) * sizeof(Value));
    all[0] = obj_val(type);
    memcpy(all + 1, args, nargs * sizeof(Value));
    return rt_call(m, all, nargs + 1, kwnames);
}

/* The nearest builtin type a heap type derives its layout from. */
static ObjType *builtin_base(ObjType *t)
{
    while (rt_is_heaptype(t))
        t = t->base;
    return t;
}

/* Subclasses of list, dict, set and bytearray start empty: their __init__ fills them
 * (so a subclass's __init__ may take other arguments). */
static Value container_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    return builtin_base(type)->new_(type, NULL, 0, VAL_NULL);
}

/* ---- choosing each slot --------------------------------------------------------- */

static void **slot_ptr(ObjType *t, int s)
{
    switch (s) {
#define SLOT_CASE(slot, ret, params, dunders, inherit) \
    case S_##slot: return (void **)&t->slot;
    RT_TYPE_SLOTS(SLOT_CASE)
#undef SLOT_CASE
    default: return NULL;
    }
}

/* The slot_* function a class written in Python gets for each slot. */
static void *const heap_slot_fns[S_COUNT] = {
#define HEAP_SLOT_FN(slot, ret, params, dunders, inherit) [S_##slot] = (void *)slot_##slot,
    RT_TYPE_SLOTS(HEAP_SLOT_FN)
#undef HEAP_SLOT_FN
};

/* The first class on t's MRO whose dict names one of the slot's dunders;
 * *value gets the first such entry.  NULL when none does. */
static ObjType *find_definer(ObjType *t, int s, Value *value)
{
    ObjTuple *mro = AS_TUPLE(t->mro);
    for (size_t i = 0; i < mro->length; i++) {
        ObjType *c = AS_TYPE(mro->items[i]);
        if (rt_type_dict(c) == VAL_NULL)
            continue;
        for (Value *n = slot_groups[s]; *n != VAL_NULL; n++) {
            Value v = rt_dict_get_str(rt_type_dict(c), *n);
            if (v != VAL_NULL) {
                *value = v;
                return c;
            }
        }
    }
    return NULL;
}

static bool is_container_base(ObjType *b)
{
    return b == &rt_list_type || b == &rt_dict_type || b == &rt_set_type ||
           b == &rt_bytearray_type;
}

static void update_slot(ObjType *t, int s)
{
    Value value = VAL_NULL;
    ObjType *definer = find_definer(t, s, &value);
    void **p = slot_ptr(t, s);
    if (definer == NULL) {
        /* Keep what was inherited; but a dunder deleted from the class
         * (del C.__len__, as mock's spec does) takes its slot function
         * with it: the builtin base's comes back. */
        if (*p == heap_slot_fns[s])
            *p = *slot_ptr(builtin_base(t), s);
        return;
    }
    if (!rt_is_heaptype(definer)) {
        *p = *slot_ptr(definer, s);
        if (s == S_new_ && is_container_base(builtin_base(t)) && *p == (void *)builtin_base(t)->new_)
            *p = (void *)container_new;
        return;
    }
    /* A dunder set to None empties its slot (unhashable, not iterable...);
     * but __str__ and __repr__ = None are called, and raise, as CPython's,
     * and __contains__ = None refuses `in` (slot_contains). */
    bool single = slot_groups[s][1] == VAL_NULL && s != S_str && s != S_repr && s != S_contains;
    *p = single && value == rt_None ? NULL : heap_slot_fns[s];
}

/* __del__ is no slot of pvm's types (nothing but finalize.c calls it), only
 * the flag that has a class's instances watched. */
static void update_finalizer_flag(ObjType *t)
{
    static Value s_del = VAL_NULL;
    if (s_del == VAL_NULL)
        s_del = rt_str_intern_cstr("__del__");
    if (rt_type_lookup(t, s_del) != VAL_NULL)
        t->flags |= TF_FINALIZER;
    else
        t->flags &= ~TF_FINALIZER;
}

void rt_update_slots(ObjType *t)
{
    for (int s = 0; s < S_COUNT; s++)
        update_slot(t, s);
    update_finalizer_flag(t);
}

/* Is t's MRO t, then its one base's MRO, that base a class written in
 * Python (whose slots update_slot chose) or object (whose every slot is
 * what update_slot would take from it)? */
static bool extends_heap_base(ObjType *t)
{
    ObjType *b = t->base;
    if (rt_tuple_len(t->bases) != 1 || (!rt_is_heaptype(b) && b != &rt_object_type))
        return false;
    ObjTuple *mro = AS_TUPLE(t->mro), *below = AS_TUPLE(b->mro);
    if (mro->length != below->length + 1 || mro->items[0] != obj_val(t))
        return false;
    for (size_t i = 0; i < below->length; i++)
        if (mro->items[i + 1] != below->items[i])
            return false;
    return true;
}

/* slot_masks, made at the first call. */
static Value dunder_slots(void)
{
    if (slot_masks != VAL_NULL)
        return slot_masks;
    Value masks = rt_dict_new();
    for (int s = 0; s < S_COUNT; s++)
        for (Value *n = slot_groups[s]; *n != VAL_NULL; n++) {
            Value had = rt_dict_get_str(masks, *n);
            intptr_t slots = had == VAL_NULL ? 0 : small_value(had);
            rt_dict_set(masks, *n, small_new(slots | (intptr_t)1 << s));
        }
    slot_masks = masks;
    return masks;
}

/* The slots some of whose dunders the class dict `own` names, bit S_x for
 * slot x.  A new class's dict mostly holds fewer names than there are slot
 * dunders, so its keys are looked up among the dunders (pip list's 1,814
 * classes: 13,554 lookups instead of 110,043).  When one key is not an
 * exact str, only a lookup in `own` tells what it equals (its __eq__
 * decides), so each dunder is looked up there, as when `own` is big. */
static uint64_t named_slots(Value own)
{
    Value masks = dunder_slots();
    uint64_t named = 0;
    size_t pos = 0;
    Value key;
    bool keys_are_str = rt_dict_len(own) < rt_dict_len(masks);
    while (keys_are_str && rt_dict_next(own, &pos, &key, NULL)) {
        if (!is_str(key)) {
            keys_are_str = false;
            break;
        }
        Value slots = rt_dict_get_str(masks, key);
        if (slots != VAL_NULL)
            named |= (uint64_t)small_value(slots);
    }
    if (keys_are_str)
        return named;
    named = 0;
    for (int s = 0; s < S_COUNT; s++)
        for (Value *n = slot_groups[s]; *n != VAL_NULL; n++)
            if (rt_dict_get_str(own, *n) != VAL_NULL) {
                named |= (uint64_t)1 << s;
                break;
            }
    return named;
}

/* A new class's slots.  When it extends one class written in Python (or
 * object alone), a slot none of whose dunders its own dict names has the
 * same definer as in the base, so update_slot would choose what the base
 * has, which rt_inherit_slots copied: only the slots its own dict speaks
 * for are chosen again.  (pip list's 1,814 classes asked ~543,000 dict
 * lookups of their whole MROs otherwise, 2.4% of its instructions.) */
void rt_update_new_class_slots(ObjType *t)
{
    if (!extends_heap_base(t)) {
        rt_update_slots(t);
        return;
    }
    uint64_t named = named_slots(rt_type_dict(t));
    for (int s = 0; s < S_COUNT; s++)
        if (named & (uint64_t)1 << s)
            update_slot(t, s);
    update_finalizer_flag(t);
}

/* Each slot tested by name, not through slot_ptr's switch: every builtin
 * type readied at start-up asks (~60,000 instructions that way). */
uint64_t rt_slot_mask(const ObjType *t)
{
    uint64_t m = 0;
#define SLOT_BIT(slot, ret, params, dunders, inherit) \
    if (t->slot != NULL)                               \
        m |= (uint64_t)1 << S_##slot;
    RT_TYPE_SLOTS(SLOT_BIT)
#undef SLOT_BIT
    return m;
}

/* ---- 2. slot wrappers: builtin slots seen as methods ----------------------------- */

enum {
    W_REPR, W_STR, W_HASH, W_CMP, W_BINOP, W_RBINOP, W_INPLACE, W_UNARY, W_BOOL,
    W_ITER, W_NEXT, W_CALL, W_GETATTRIBUTE, W_SETATTR, W_DELATTR, W_GETITEM,
    W_SETITEM, W_DELITEM, W_LEN, W_CONTAINS, W_GET, W_SET, W_DELETE, W_INIT,
};

typedef struct ObjWrapper {
    Object ob;
    Value name;                 /* str */
    ObjType *owner;             /* whose slot is called */
    int kind, op;               /* W_*, and the NB_/CMP_/UN_ operator */
    Value self;                 /* bound instance (a "method-wrapper") or VAL_NULL */
} ObjWrapper;

#define AS_WRAPPER(v) VAL_AS(ObjWrapper, v)

static ObjType method_wrapper_type;

static Value wrapper_new(Value name, ObjType *owner, int kind, int op, Value self)
{
    ObjWrapper *w = gc_alloc(sizeof *w);
    w->ob.type = self == VAL_NULL ? &rt_wrapper_type : &method_wrapper_type;
    w->name = name;
    w->owner = owner;
    w->kind = kind;
    w->op = op;
    w->self = self;
    return obj_val(w);
}

bool rt_wrapper_is_unbound(Value v)
{
    return IS_EXACT(v, rt_wrapper_type) && AS_WRAPPER(v)->self == VAL_NULL;
}

static Value object_init_w, object_new_w;   /* object.__init__, object.__new__ */

bool rt_is_object_init(Value m) { return m == object_init_w; }
bool rt_is_object_new(Value m) { return m == object_new_w; }

static bool wrong_nargs(ObjWrapper *w, size_t nargs, size_t want)
{
    if (nargs == want)
        return false;
    if (want == 0)
        rt_raisef(&rt_TypeError, "expected 0 arguments, got %zu", nargs);
    else if (want == 1)
        rt_raisef(&rt_TypeError, "expected 1 argument, got %zu", nargs);
    else
        rt_raisef(&rt_TypeError, "expected %zu arguments, got %zu", want, nargs);
    return true;
}

static Value int_result(int r)
{
    return r < 0 ? VAL_NULL : rt_bool(r);
}

/* object.__init__(self, *args): CPython's excess-argument rules. */
static Value object_init(Value self, size_t nargs, Value kwnames)
{
    if (nargs == 0)
        return rt_None;
    ObjType *t = val_type(self);
    if (!rt_is_object_init(rt_type_lookup(t, n_init)))
        return rt_raisef(&rt_TypeError, "object.__init__() takes exactly one argument "
                         "(the instance to initialize)");
    if (rt_is_object_new(rt_type_lookup(t, n_new)))
        return rt_raisef(&rt_TypeError, "%s.__init__() takes exactly one argument "
                         "(the instance to initialize)", t->name);
    return rt_None;
}

/* list.__init__, dict.__init__, set.__init__, bytearray.__init__: (re)fill self. */
static Value container_init(ObjType *owner, Value self, Value *args, size_t nargs,
                            Value kwnames)
{
    size_t nkw = rt_nkwargs(kwnames), npos = nargs - nkw;
    const char *name = owner->name;
    if (owner == &rt_bytearray_type)
        return rt_bytearray_init(self, args, nargs, kwnames) ? rt_None : VAL_NULL;
    /* As CPython's list.__init__: keywords are refused only while the
     * type's __new__ is list's (a subclass whose __new__ takes keywords has
     * them passed on to __init__ too); set.__init__ refuses them always. */
    ObjType *t = val_type(self);
    bool kw_ok = owner == &rt_dict_type ||
                 (owner == &rt_list_type && t->new_ != container_new && t->new_ != owner->new_);
    if (!kw_ok && !rt_arg_nokw(name, kwnames))
        return VAL_NULL;
    if (!rt_arg_range(name, npos, 0, 1))
        return VAL_NULL;
    if (owner == &rt_list_type) {
        AS_LIST(self)->length = 0;
        return npos == 0 || rt_list_extend(self, args[0]) ? rt_None : VAL_NULL;
    }
    if (owner == &rt_set_type)
        return rt_set_reinit(self, npos ? args[0] : VAL_NULL) ? rt_None : VAL_NULL;
    if (npos == 1 && !rt_dict_update(self, args[0]))
        return VAL_NULL;
    for (size_t i = 0; i < nkw; i++)
        if (!rt_dict_set(self, rt_tuple_get(kwnames, i), args[npos + i]))
            return VAL_NULL;
    return rt_None;
}

/* The C __init__ of a builtin TF_SPLIT_INIT type (property, super,
 * module...: its method table's), which its __init__ slot wrapper calls;
 * NULL for any other type or name.  (CPython's tp_init: a slot wrapper,
 * which 3.12+'s inspect.signature tells from a method.) */
NativeFunc rt_split_init_fn(const ObjType *t, const char *name)
{
    if (!(t->flags & TF_SPLIT_INIT) || rt_is_heaptype(t) || strcmp(name, "__init__") != 0)
        return NULL;
    for (const MethodDef *m = t->ready_methods; m != NULL && m->name != NULL; m++)
        if (strcmp(m->name, "__init__") == 0)
            return m->fn;
    return NULL;
}

static Value wrapper_init(ObjWrapper *w, Value self, Value *args, size_t nargs, Value kwnames)
{
    NativeFunc init = rt_split_init_fn(w->owner, "__init__");
    if (init != NULL) {
        Value small[8];
        Value *all = nargs < 8 ? small : gc_alloc((nargs + 1) * sizeof *all);
        all[0] = self;
        memcpy(all + 1, args, nargs * sizeof *args);
        return init(all, nargs + 1, kwnames);
    }
    if (w->owner == &rt_object_type)
        return object_init(self, nargs, kwnames);
    if (w->owner == &rt_type_type) {
        size_t n = nargs - rt_nkwargs(kwnames);
        if (n == 1 && rt_nkwargs(kwnames) > 0)
            return rt_raisef(&rt_TypeError, "type.__init__() takes no keyword arguments");
        if (n != 1 && n != 3)
            return rt_raisef(&rt_TypeError, "type.__init__() takes 1 or 3 arguments");
        return rt_None;
    }
    return container_init(w->owner, self, args, nargs, kwnames);
}

/* T.__new__(cls, *args): cls must be a subtype of T.  T.__new__ is a
 * builtin method bound to T (CPython's tp_new_wrapper), so args[0] is T. */
static Value type_new_method(Value *args, size_t nargs, Value kwnames)
{
    ObjType *owner = AS_TYPE(args[0]);
    const char *tn = owner->name;
    args++;
    nargs--;
    if (nargs - rt_nkwargs(kwnames) == 0)
        return rt_raisef(&rt_TypeError, "%s.__new__(): not enough arguments", tn);
    if (!rt_isinstance_of(args[0], &rt_type_type))
        return rt_raisef(&rt_TypeError, "%s.__new__(X): X is not a type object (%s)",
                         tn, val_type(args[0])->name);
    ObjType *cls = AS_TYPE(args[0]);
    if (!rt_is_subtype(cls, owner))
        return rt_raisef(&rt_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                         tn, cls->name, cls->name, tn);
    /* The nearest builtin constructor of cls must be this one: object's
     * __new__ cannot build an int (CPython's tp_new_wrapper check). */
    ObjType *solid = cls;
    while (solid != NULL && (solid->new_ == slot_new_ || solid->new_ == container_new))
        solid = solid->base;
    if (solid != NULL && solid->new_ != owner->new_)
        return rt_raisef(&rt_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                         tn, cls->name, solid->name);
    /* list(x) fills in one step, but list.__new__ makes an empty one
     * whatever the arguments, as CPython's: __init__ fills it. */
    if (is_container_base(owner))
        return owner->new_(cls, NULL, 0, VAL_NULL);
    return owner->new_(cls, args + 1, nargs - 1, kwnames);
}

static Value call_next(ObjType *t, Value self)
{
    Value r = t->next(self);
    if (r == VAL_NULL && !rt_err_occurred())
        return rt_raise(obj_val(&rt_StopIteration));
    return r;
}

static Value call_len(ObjType *t, Value self)
{
    ssize_t n = t->len(self);
    return n < 0 ? VAL_NULL : rt_int_from_i64(n);
}

static Value call_hash(ObjType *t, Value self)
{
    intptr_t h = t->hash(self);
    return h == -1 ? VAL_NULL : rt_int_from_i64(h);
}

static Value none_or_null(int r)
{
    return r < 0 ? VAL_NULL : rt_None;
}

/* How many arguments (after self) a wrapper of this kind takes. */
static size_t wrapper_nargs(int kind)
{
    switch (kind) {
    case W_REPR: case W_STR: case W_HASH: case W_UNARY: case W_BOOL: case W_ITER:
    case W_NEXT: case W_LEN:
        return 0;
    case W_SETATTR: case W_SETITEM: case W_SET:
        return 2;
    default:
        return 1;
    }
}

/* The wrappers with an optional second argument: __pow__(other, mod=None),
 * __rpow__ likewise, __get__(obj, type=None).  CPython unpacks these with
 * an empty function name: " expected at most 2 arguments, got 3". */
static bool has_optional_arg(ObjWrapper *w)
{
    return w->kind == W_GET ||
           ((w->kind == W_BINOP || w->kind == W_RBINOP) && w->op == NB_POWER);
}

/* self ** other % mod through the owner's pow3 slot (None: no modulus). */
static Value call_pow(ObjWrapper *w, Value base, Value exp, Value *mod, size_t n)
{
    ObjType *t = w->owner;
    if (n < 2 || mod[0] == rt_None)
        return t->binop(base, exp, NB_POWER);
    return t->pow3 != NULL ? t->pow3(base, exp, mod[0]) : rt_NotImplemented;
}

/* __mul__, __rmul__ or __imul__ of a sequence (str, list, bytes ...). */
static bool is_sequence_repeat(ObjWrapper *w)
{
    return (w->kind == W_BINOP || w->kind == W_RBINOP || w->kind == W_INPLACE)
        && w->op == NB_MULTIPLY && (w->owner->flags & TF_SEQUENCE) != 0;
}

/* A class whose __mul__ and __rmul__ are both the repeat wrappers of the
 * builtin sequence it derives from (str, list, tuple ...), none of its
 * own: CPython leaves its number slot for `*` empty, so it multiplies as
 * that sequence does (its C repeat: by an int, else NotImplemented and in
 * the end "can't multiply sequence by non-int"), not through the wrapper
 * and its __index__ error.  The sequence's type, or NULL. */
static bool is_repeat_wrapper(Value m)
{
    return IS_EXACT(m, rt_wrapper_type) && is_sequence_repeat(AS_WRAPPER(m));
}

static ObjType *repeat_base(ObjType *t)
{
    if (t->binop != slot_binop)
        return NULL;
    Value m = rt_type_lookup(t, op_names[NB_MULTIPLY]), r = rt_type_lookup(t, rop_names[NB_MULTIPLY]);
    if (m == VAL_NULL || !is_repeat_wrapper(m) || (r != VAL_NULL && !is_repeat_wrapper(r)))
        return NULL;
    return AS_WRAPPER(m)->owner;
}

/* a * b where a class among the operands' multiplies as its base does. */
static Value slot_multiply_repeat(Value a, Value b)
{
    ObjType *ta = val_type(a), *tb = val_type(b), *base;
    if (ta->binop == slot_binop) {
        Value r = (base = repeat_base(ta)) != NULL ? base->binop(a, b, NB_MULTIPLY)
                                                   : dunder_or_ni(a, op_names[NB_MULTIPLY], &b, 1);
        if (r != rt_NotImplemented || ta == tb)
            return r;
    }
    if (tb == ta || tb->binop != slot_binop)
        return rt_NotImplemented;
    return (base = repeat_base(tb)) != NULL ? base->binop(a, b, NB_MULTIPLY)
                                            : dunder_or_ni(b, rop_names[NB_MULTIPLY], &a, 1);
}

/* object.__setattr__(cls, ...) must not skip over a builtin base's own
 * setattr (type's, which keeps the class's caches right): CPython's
 * hackcheck.  The first builtin type on self's base chain must use the
 * wrapper's setattr (module's is the generic one under another name). */
static bool setattr_hackcheck(ObjType *owner, Value self, Value what)
{
    ObjType *b = val_type(self);
    while (b != NULL && rt_is_heaptype(b))
        b = b->base;
    if (b == NULL || b->setattr == owner->setattr || b->setattr == NULL || b == &rt_module_type)
        return true;
    rt_raisef(&rt_TypeError, "can't apply this %S to %s object", what, val_type(self)->name);
    return false;
}

/* The one- and two-operand wrappers, once self is checked. */
static Value call_slot(ObjWrapper *w, Value self, Value *a, size_t n, Value kwnames)
{
    ObjType *t = w->owner;
    if (rt_nkwargs(kwnames) != 0)
        return rt_raisef(&rt_TypeError, "wrapper %S() takes no keyword arguments", w->name);
    if (has_optional_arg(w) ? !rt_arg_range("", n, 1, 2) : wrong_nargs(w, n, wrapper_nargs(w->kind)))
        return VAL_NULL;
    if (has_optional_arg(w) && w->kind != W_GET)
        return w->kind == W_BINOP ? call_pow(w, self, a[0], a + 1, n)
                                  : call_pow(w, a[0], self, a + 1, n);
    Value count;
    if (is_sequence_repeat(w)) {
        /* seq.__mul__(n) is CPython's sq_repeat wrapper: n must have
         * __index__, whatever n's own __rmul__ would say. */
        count = rt_index(a[0]);
        if (count == VAL_NULL)
            return VAL_NULL;
        a = &count;
    }
    switch (w->kind) {
    case W_REPR: return t->repr(self);
    case W_STR: return t->str != NULL ? t->str(self) : rt_repr(self);
    case W_HASH: return call_hash(t, self);
    case W_CMP: return t->richcompare(self, a[0], w->op);
    case W_BINOP: return t->binop(self, a[0], w->op);
    case W_RBINOP: return t->binop(a[0], self, w->op);
    case W_INPLACE: {
        Value r = t->inplace(self, a[0], w->op);
        return r == rt_NotImplemented && t->binop ? t->binop(self, a[0], w->op) : r;
    }
    case W_UNARY: return t->unary(self, w->op);
    case W_BOOL: return int_result(t->truth(self));
    case W_ITER: return t->iter(self);
    case W_NEXT: return call_next(t, self);
    case W_GETATTRIBUTE:
        if (!rt_isinstance_of(a[0], &rt_str_type))
            return rt_raisef(&rt_TypeError, "attribute name must be string, not '%s'",
                             val_type(a[0])->name);
        return t->getattr ? t->getattr(self, a[0]) : rt_generic_getattr(self, a[0]);
    case W_SETATTR: case W_DELATTR: {
        Value v = w->kind == W_SETATTR ? a[1] : VAL_NULL;
        if (!rt_isinstance_of(a[0], &rt_str_type))
            return rt_raisef(&rt_TypeError, "attribute name must be string, not '%s'",
                             val_type(a[0])->name);
        if (!setattr_hackcheck(t, self, w->name))
            return VAL_NULL;
        return none_or_null(t->setattr ? t->setattr(self, a[0], v)
                                       : rt_generic_setattr(self, a[0], v));
    }
    case W_GETITEM: return t->getitem(self, a[0]);
    case W_SETITEM: return none_or_null(t->setitem(self, a[0], a[1]));
    case W_DELITEM: return none_or_null(t->setitem(self, a[0], VAL_NULL));
    case W_LEN: return call_len(t, self);
    case W_CONTAINS: return int_result(t->contains(self, a[0]));
    case W_GET: {
        Value obj = a[0] == rt_None ? VAL_NULL : a[0];
        Value type = n > 1 && a[1] != rt_None ? a[1] : VAL_NULL;
        if (obj == VAL_NULL && type == VAL_NULL)
            return rt_raisef(&rt_TypeError, "__get__(None, None) is invalid");
        return t->descr_get(self, obj, type);
    }
    case W_SET: return none_or_null(t->descr_set(self, a[0], a[1]));
    case W_DELETE: return none_or_null(t->descr_set(self, a[0], VAL_NULL));
    default: return rt_raisef(&rt_SystemError, "bad slot wrapper");
    }
}

static Value wrapper_call(Value callable, Value *args, size_t nargs, Value kwnames)
{
    ObjWrapper *w = AS_WRAPPER(callable);
    Value self;
    if (w->self != VAL_NULL) {
        self = w->self;
    } else {
        if (nargs - rt_nkwargs(kwnames) == 0)
            return rt_raisef(&rt_TypeError, "descriptor '%S' of '%s' object needs an argument",
                             w->name, w->owner->name);
        self = args[0];
        args++;
        nargs--;
    }
    if (!rt_isinstance_of(self, w->owner))
        return rt_raisef(&rt_TypeError, "descriptor '%S' requires a '%s' object but received a '%s'",
                         w->name, w->owner->name, val_type(self)->name);
    if (w->kind == W_INIT)
        return wrapper_init(w, self, args, nargs, kwnames);
    if (w->kind == W_CALL)
        return w->owner->call(self, args, nargs, kwnames);
    return call_slot(w, self, args, nargs, kwnames);
}

static Value wrapper_get(Value descr, Value obj, Value type)
{
    ObjWrapper *w = AS_WRAPPER(descr);
    if (obj == VAL_NULL || w->self != VAL_NULL)
        return descr;
    return wrapper_new(w->name, w->owner, w->kind, w->op, obj);
}

static Value wrapper_repr(Value self)
{
    ObjWrapper *w = AS_WRAPPER(self);
    if (w->self != VAL_NULL)
        return rt_str_format_c("<method-wrapper '%S' of %s object at %p>", w->name,
                               val_type(w->self)->name, (void *)w->self);
    return rt_str_format_c("<slot wrapper '%S' of '%s' objects>", w->name, w->owner->name);
}

static Value wrapper_get_name(Value self) { return AS_WRAPPER(self)->name; }
static Value wrapper_get_objclass(Value self) { return obj_val(AS_WRAPPER(self)->owner); }

/* A slot wrapper's signature and doc are the slot's, the same for every
 * type (CPython's slotdefs, copied from python3.11 by signatures_gen.py).  inspect.signature reads the signature.
 * The same header has builtin types' and builtin functions' signatures,
 * looked up here for class.c and object.c, and for 3.12+ bytecode the
 * entries where that version's CPython words them differently. */
#include "runtime/signatures.h"
#include "runtime/version.h"

/* The entries of the tables start with their name: bsearch's key. */
static int compare_entry(const void *key, const void *entry)
{
    return strcmp(key, *(const char *const *)entry);
}

static const SignatureEntry *find_entry(const char *name, const SignatureEntry *table, size_t n)
{
    return bsearch(name, table, n, sizeof *table, compare_entry);
}

/* The signature or doc of name in table[0..n) (sorted), the running
 * version's delta first; NULL when it has none. */
static const char *entry_text(const char *name, const SignatureEntry *table, size_t n,
                              const SignatureDelta *deltas, size_t ndeltas, bool doc)
{
    const SignatureEntry *found = NULL;
    size_t v = (size_t)(rt_py_minor - 12);
    if (rt_py_minor >= 12 && v < ndeltas)
        found = find_entry(name, deltas[v].entries, deltas[v].n);
    if (found == NULL)
        found = find_entry(name, table, n);
    return found == NULL ? NULL : doc ? found->doc : found->signature;
}
#define ENTRY_TEXT(name, table, doc)                                                \
    entry_text(name, table, sizeof table / sizeof table[0], table##_delta,          \
               sizeof table##_delta / sizeof table##_delta[0], doc)

const char *rt_slot_text(const char *name, bool doc)
{
    return ENTRY_TEXT(name, slot_signatures, doc);
}

static Value wrapper_text(Value self, bool doc)
{
    ObjWrapper *w = AS_WRAPPER(self);
    const char *text = rt_slot_text(rt_str_cstr(w->name), doc);
    return text != NULL ? rt_str_from_cstr(text) : rt_None;
}

static Value wrapper_get_signature(Value self) { return wrapper_text(self, false); }
static Value wrapper_get_doc(Value self) { return wrapper_text(self, true); }

const char *rt_builtin_text(const char *owner, const char *name, bool doc)
{
    char key[256];
    if ((size_t)snprintf(key, sizeof key, "%s.%s", owner, name) >= sizeof key)
        return NULL;
    return ENTRY_TEXT(key, builtin_signatures, doc);
}

const char *rt_type_text(const ObjType *t, bool doc)
{
    return ENTRY_TEXT(t->name, type_signatures, doc);
}

static Value wrapper_get_qualname(Value self)
{
    ObjWrapper *w = AS_WRAPPER(self);
    return rt_str_format_c("%S.%S", rt_type_qualname(w->owner), w->name);
}

static const MemberDef method_wrapper_members[] = {
    {"__self__", offsetof(ObjWrapper, self), RT_MEMBER_VALUE, RT_READONLY}, {NULL},
};

static const GetSetDef wrapper_getsets[] = {
    {"__name__", wrapper_get_name}, {"__qualname__", wrapper_get_qualname},
    {"__objclass__", wrapper_get_objclass}, {"__doc__", wrapper_get_doc},
    {"__text_signature__", wrapper_get_signature},
    {NULL},
};

/* Pickling: a slot wrapper as getattr(its class, name), a method-wrapper
 * as getattr(its instance, name). */
static Value wrapper_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjWrapper *w = AS_WRAPPER(args[0]);
    Value on = w->self != VAL_NULL ? w->self : obj_val(w->owner);
    return rt_reduce_builtin("getattr", rt_tuple_pack(2, on, w->name), VAL_NULL);
}

static const MethodDef wrapper_methods[] = {
    {"__reduce__", wrapper_reduce}, {NULL, NULL},
};

ObjType rt_wrapper_type = {
    .ob.type = &rt_type_type, .name = "wrapper_descriptor",
    .repr = wrapper_repr, .call = wrapper_call, .descr_get = wrapper_get,
    .getsets = wrapper_getsets,
};

/* Two method-wrappers are equal when they bind the same self (identity)
 * to the same slot of the same type, as CPython's wrapper_richcompare. */
static bool same_method_wrapper(ObjWrapper *a, ObjWrapper *b)
{
    return a->self == b->self && a->owner == b->owner && a->kind == b->kind &&
           a->op == b->op && rt_str_equal(a->name, b->name);
}

static Value method_wrapper_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || val_is_small(b) || val_type(b) != val_type(a))
        return rt_NotImplemented;
    bool eq = same_method_wrapper(AS_WRAPPER(a), AS_WRAPPER(b));
    return rt_bool(op == CMP_EQ ? eq : !eq);
}

static intptr_t method_wrapper_hash(Value self)
{
    ObjWrapper *w = AS_WRAPPER(self);
    intptr_t h = (intptr_t)((uintptr_t)w->self >> 4) ^ rt_str_hash(w->name);
    return h == -1 ? -2 : h;
}

/* A wrapper bound to an instance: (1).__add__. */
static ObjType method_wrapper_type = {
    .ob.type = &rt_type_type, .name = "method-wrapper",
    .repr = wrapper_repr, .call = wrapper_call,
    .richcompare = method_wrapper_richcompare, .hash = method_wrapper_hash,
    .members = method_wrapper_members, .getsets = wrapper_getsets,
};

/* ---- which wrappers a builtin type gets ------------------------------------------ */

static void add_wrapper(ObjType *t, Value name, int kind, int op)
{
    if (rt_dict_get_str(rt_type_dict(t), name) != VAL_NULL)
        return;
    rt_dict_set(rt_type_dict(t), name, wrapper_new(name, t, kind, op, VAL_NULL));
}

/* T.__new__ is no slot wrapper but a builtin method bound to T, as in
 * CPython: its __self__ is T (copyreg and pickle read it). */
static void add_new_method(ObjType *t)
{
    if (rt_dict_get_str(rt_type_dict(t), n_new) == VAL_NULL)
        rt_dict_set(rt_type_dict(t), n_new,
                    rt_builtin_new("__new__", type_new_method, obj_val(t)));
}

/* The operator dunders a builtin type's own binop, inplace and unary slots
 * implement (binop_ops and unary_ops in object.h). */
static void add_number_wrappers(ObjType *t, uint64_t own)
{
    bool sequence = (t->flags & TF_SEQUENCE) != 0;
    if (own & ((uint64_t)1 << S_binop))
        for (int op = 0; op <= NB_DIVMOD; op++) {
            if (!(t->binop_ops & RT_OP_BIT(op)))
                continue;
            add_wrapper(t, op_names[op], W_BINOP, op);
            if (!(sequence && op == NB_ADD))        /* concatenation has no __radd__ */
                add_wrapper(t, rop_names[op], W_RBINOP, op);
        }
    if (own & ((uint64_t)1 << S_inplace)) {
        uint32_t ops = t->binop_ops;
        if (sequence)
            ops &= RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_MULTIPLY);
        for (int op = 0; op < NB_INPLACE_OFFSET; op++)
            if (ops & RT_OP_BIT(op))
                add_wrapper(t, iop_names[op], W_INPLACE, op);
    }
    if (own & ((uint64_t)1 << S_unary))
        for (int op = 0; unary_names[op] != VAL_NULL; op++)
            if (t->unary_ops & RT_OP_BIT(op))
                add_wrapper(t, unary_names[op], W_UNARY, op);
}

/* Two for most slots, six comparisons, and per operator of the number
 * slots a forward, reflected and in-place name. */
size_t rt_slot_wrapper_bound(const ObjType *t, uint64_t own)
{
    size_t n = 2 * (size_t)__builtin_popcountll(own) + 1;
    if (own & ((uint64_t)1 << S_richcompare))
        n += 6;
    if (own & ((uint64_t)1 << S_binop | (uint64_t)1 << S_inplace))
        n += 3 * (size_t)__builtin_popcount(t->binop_ops);
    if (own & ((uint64_t)1 << S_unary))
        n += (size_t)__builtin_popcount(t->unary_ops);
    return n;
}

void rt_add_slot_wrappers(ObjType *t, uint64_t own)
{
    rt_dict_reserve(rt_type_dict(t), rt_slot_wrapper_bound(t, own));
#define OWN(s) (own & ((uint64_t)1 << (s)))
    if (OWN(S_repr)) add_wrapper(t, n_repr, W_REPR, 0);
    if (OWN(S_str)) add_wrapper(t, n_str, W_STR, 0);
    if (OWN(S_hash))
        add_wrapper(t, n_hash, W_HASH, 0);
    else if (OWN(S_richcompare) && t->hash == NULL && rt_dict_get_str(rt_type_dict(t), n_hash) == VAL_NULL)
        rt_dict_set(rt_type_dict(t), n_hash, rt_None);
    if (OWN(S_richcompare))
        for (int op = 0; cmp_names[op] != VAL_NULL; op++)
            add_wrapper(t, cmp_names[op], W_CMP, op);
    add_number_wrappers(t, own);
    if (OWN(S_truth)) add_wrapper(t, n_bool, W_BOOL, 0);
    if (OWN(S_iter)) add_wrapper(t, n_iter, W_ITER, 0);
    if (OWN(S_next)) add_wrapper(t, n_next, W_NEXT, 0);
    if (OWN(S_call)) add_wrapper(t, n_call, W_CALL, 0);
    if (OWN(S_getattr)) add_wrapper(t, n_getattribute, W_GETATTRIBUTE, 0);
    if (OWN(S_setattr)) {
        add_wrapper(t, n_setattr, W_SETATTR, 0);
        add_wrapper(t, n_delattr, W_DELATTR, 0);
    }
    if (OWN(S_getitem)) add_wrapper(t, n_getitem, W_GETITEM, 0);
    if (OWN(S_setitem)) {
        add_wrapper(t, n_setitem, W_SETITEM, 0);
        add_wrapper(t, n_delitem, W_DELITEM, 0);
    }
    if (OWN(S_len)) add_wrapper(t, n_len, W_LEN, 0);
    if (OWN(S_contains)) add_wrapper(t, n_contains, W_CONTAINS, 0);
    if (OWN(S_descr_get)) add_wrapper(t, n_get, W_GET, 0);
    if (OWN(S_descr_set)) {
        add_wrapper(t, n_set, W_SET, 0);
        add_wrapper(t, n_delete, W_DELETE, 0);
    }
    if (OWN(S_new_)) add_new_method(t);
    if (is_container_base(t) || t == &rt_type_type || rt_split_init_fn(t, "__init__") != NULL)
        add_wrapper(t, n_init, W_INIT, 0);
#undef OWN
}

/* ---- object's methods that are not slots ----------------------------------------- */

/* object.__format__(spec): str(self) for an empty spec, else an error. */
static Value object_format(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("object.__format__", nargs - 1, kwnames))
        return VAL_NULL;
    if (!rt_isinstance_of(args[1], &rt_str_type))
        return rt_raisef(&rt_TypeError, "__format__() argument must be str, not %N", args[1]);
    if (rt_str_nbytes(args[1]) > 0)
        return rt_raisef(&rt_TypeError, "unsupported format string passed to %s.__format__",
                         val_type(args[0])->name);
    return rt_str(args[0]);
}

static Value object_dir(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__dir__", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_object_dir(args[0]);
}

static Value object_sizeof(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("object.__sizeof__", nargs - 1, kwnames))
        return VAL_NULL;
    return small_new(16);
}

static Value object_subclasshook(Value *args, size_t nargs, Value kwnames)
{
    return rt_NotImplemented;
}

/* object.__init_subclass__(): accepts no keyword arguments. */
static Value object_init_subclass(Value *args, size_t nargs, Value kwnames)
{
    if (rt_nkwargs(kwnames) > 0)    /* args[0]: the class it is bound to */
        return rt_raisef(&rt_TypeError, "%S.__init_subclass__() takes no keyword arguments",
                         rt_type_qualname(AS_TYPE(args[0])));
    return rt_None;
}

static const MethodDef object_methods[] = {
    {"__format__", object_format}, {"__dir__", object_dir},
    {"__sizeof__", object_sizeof}, {NULL, NULL},
};

static void add_object_methods(void)
{
    ObjType *o = &rt_object_type;
    rt_type_add_methods(o, object_methods);
    rt_type_set(o, "__subclasshook__", rt_classmethod_new(
                rt_builtin_new("__subclasshook__", object_subclasshook, VAL_NULL)));
    rt_type_set(o, "__init_subclass__", rt_classmethod_new(
                rt_builtin_new("__init_subclass__", object_init_subclass, VAL_NULL)));
    add_wrapper(o, n_str, W_STR, 0);
    add_wrapper(o, n_init, W_INIT, 0);
    add_wrapper(o, n_getattribute, W_GETATTRIBUTE, 0);
    add_wrapper(o, n_setattr, W_SETATTR, 0);
    add_wrapper(o, n_delattr, W_DELATTR, 0);
    rt_type_set(o, "__doc__", rt_str_from_cstr(
        "The base class of the class hierarchy.\n\n"
        "When called, it accepts no arguments and returns a new featureless\n"
        "instance that has no instance attributes and cannot be given any.\n"));
    object_init_w = rt_dict_get_str(rt_type_dict(o), n_init);
    object_new_w = rt_dict_get_str(rt_type_dict(o), n_new);
    object_getattribute_w = rt_dict_get_str(rt_type_dict(o), n_getattribute);
}

void rt_slots_init(void)
{
    make_names();
    rt_type_ready(&rt_wrapper_type, wrapper_methods);
    rt_type_ready(&method_wrapper_type, wrapper_methods);
}

/* Called by rt_class_init once every builtin type has its wrappers. */
void rt_slots_object_methods(void)
{
    add_object_methods();
}
