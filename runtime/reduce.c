/*
 * reduce.c — the pickling protocol: how copy.copy, copy.deepcopy and pickle
 * take any object apart and rebuild it (CPython's Objects/typeobject.c,
 * "Pickle support").
 *
 * copy and pickle ask x.__reduce_ex__(protocol) for a recipe: a tuple
 * (callable, args[, state[, listitems[, dictitems]]]) meaning "callable(*args),
 * then restore state (__setstate__ or the instance dict), then append the
 * list items and set the dict items".  Builtin types that hold C state
 * write their own __reduce__ (range, slice, the iterators, exceptions: see
 * rt_reduce_value below); everything else gets object's:
 *
 *   protocol >= 2   (copyreg.__newobj__, (cls, *args), state, listitems,
 *                   dictitems), args from __getnewargs_ex__ /
 *                   __getnewargs__ when the class has one (__newobj_ex__
 *                   for keyword arguments); state from __getstate__, whose
 *                   default is the instance dict, plus a dict of the
 *                   __slots__ values when there are some;
 *   protocol 0, 1   copyreg._reduce_ex, written in Python.
 *
 * A class that overrides __reduce__ (but not __reduce_ex__) is asked that
 * instead.  An object whose class keeps C state object's recipe cannot
 * rebuild (a subclass of property, say) is refused: "cannot pickle 'X'
 * object".
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/class.h"

static Value s_reduce, s_getstate, s_getnewargs, s_getnewargs_ex, s_slotnames;

/* ---- helpers -------------------------------------------------------------------- */

/* The copyreg module (imported through builtins.__import__, as CPython's
 * import_copyreg does). */
static Value copyreg_attr(const char *name)
{
    Value imp = rt_dict_get_cstr(rt_builtins_dict, "__import__");
    if (imp == VAL_NULL)
        return rt_raisef(&rt_ImportError, "__import__ not found");
    Value mod = rt_call1(imp, rt_str_from_cstr("copyreg"));
    return mod == VAL_NULL ? VAL_NULL : rt_getattr_cstr(mod, name);
}

/* type(obj).name bound to obj (CPython's _PyObject_LookupSpecial); VAL_NULL
 * without an exception when the type has no such attribute. */
static Value lookup_special(Value obj, Value name)
{
    Value m = rt_type_lookup(val_type(obj), name);
    if (m == VAL_NULL || val_type(m)->descr_get == NULL)
        return m;
    return val_type(m)->descr_get(m, obj, obj_val(val_type(obj)));
}

Value rt_reduce_value(Value callable, Value args, Value state)
{
    if (state == VAL_NULL)
        return rt_tuple_pack(2, callable, args);
    return rt_tuple_pack(3, callable, args, state);
}

Value rt_reduce_builtin(const char *name, Value args, Value state)
{
    return rt_reduce_value(rt_dict_get_cstr(rt_builtins_dict, name), args, state);
}

Value rt_reduce_iter(Value seq, Value empty, size_t index)
{
    if (seq == VAL_NULL)
        return rt_reduce_builtin("iter", rt_tuple_pack(1, empty), VAL_NULL);
    return rt_reduce_builtin("iter", rt_tuple_pack(1, seq), rt_int_from_u64(index));
}

Value rt_reduce_remaining(Value iter, size_t size)
{
    Object *copy = gc_alloc(size);
    memcpy(copy, val_obj(iter), size);
    Value list = rt_sequence_to_list(obj_val(copy));
    return list == VAL_NULL ? VAL_NULL
                            : rt_reduce_builtin("iter", rt_tuple_pack(1, list), VAL_NULL);
}

bool rt_setstate_index(Value state, ssize_t lo, ssize_t hi, ssize_t *out)
{
    int64_t i;
    if (!rt_isinstance_of(state, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "an integer is required");
        return false;
    }
    if (!rt_int_as_i64(rt_int_unbool(state), &i)) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C ssize_t");
        return false;
    }
    *out = i < lo ? lo : i > hi ? hi : i;
    return true;
}

/* ---- __getstate__ ---------------------------------------------------------------- */

/* The class's __slots__ names, mangled, from copyreg._slotnames (which
 * caches them in cls.__slotnames__): a list, or None. */
static Value slot_names_of(ObjType *t)
{
    Value names = rt_dict_get_str(rt_type_dict(t), s_slotnames);
    if (names != VAL_NULL && (names == rt_None || rt_isinstance_of(names, &rt_list_type)))
        return names;
    Value f = copyreg_attr("_slotnames");
    if (f == VAL_NULL || (names = rt_call1(f, obj_val(t))) == VAL_NULL)
        return VAL_NULL;
    if (names != rt_None && !rt_isinstance_of(names, &rt_list_type))
        return rt_raisef(&rt_TypeError, "copyreg._slotnames didn't return a list or None");
    return names;
}

/* {name: value} of the slots that are set. */
static Value slot_values(Value obj, Value names)
{
    Value slots = rt_dict_new();
    for (size_t i = 0; i < AS_LIST(names)->length; i++) {
        Value name = AS_LIST(names)->items[i];
        Value v = rt_lookup_attr(obj, name);
        if (v == VAL_NULL && rt_err_occurred())
            return VAL_NULL;
        if (v != VAL_NULL && !rt_dict_set(slots, name, v))
            return VAL_NULL;
    }
    return slots;
}

/* Does obj keep state in C that object's recipe would lose?  Its class
 * derives from a builtin type other than object. */
static bool has_c_state(Value obj)
{
    ObjType *t = val_type(obj);
    while (rt_is_heaptype(t))
        t = t->base;
    return t != &rt_object_type;
}

/* object.__getstate__: the instance dict (None when empty), paired with
 * the slot values as (dict, slots) when any slot is set.  `required`: the
 * recipe has no arguments for __new__, so the state must be everything. */
static Value getstate_default(Value obj, bool required)
{
    ObjType *t = val_type(obj);
    if (required && has_c_state(obj))
        return rt_raisef(&rt_TypeError, "cannot pickle '%s' object", t->name);
    Value *dslot = rt_instance_dict_slot(obj);
    Value state = dslot != NULL && *dslot != VAL_NULL && rt_dict_len(*dslot) > 0
                  ? *dslot : rt_None;
    Value names = slot_names_of(t);
    if (names == VAL_NULL)
        return VAL_NULL;
    if (names == rt_None || AS_LIST(names)->length == 0)
        return state;
    Value slots = slot_values(obj, names);
    if (slots == VAL_NULL)
        return VAL_NULL;
    return rt_dict_len(slots) > 0 ? rt_tuple_pack(2, state, slots) : state;
}

static Value object_getstate(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("object.__getstate__", nargs - 1, kwnames))
        return VAL_NULL;
    return getstate_default(args[0], false);
}

/* obj.__getstate__(): object's own passes `required` on. */
static Value getstate(Value obj, bool required)
{
    Value m = rt_getattr(obj, s_getstate);
    if (m == VAL_NULL)
        return VAL_NULL;
    if (IS_EXACT(m, rt_builtin_type) && VAL_AS(ObjBuiltin, m)->fn == object_getstate &&
        VAL_AS(ObjBuiltin, m)->self == obj)
        return getstate_default(obj, required);
    return rt_call0(m);
}

/* ---- __reduce_ex__ ------------------------------------------------------------------ */

/* The arguments __new__ needs to rebuild obj: *args from
 * __getnewargs_ex__ (with **kwargs) or __getnewargs__; both VAL_NULL when
 * the class has neither.  rt_None, or VAL_NULL on error. */
static Value new_arguments(Value obj, Value *args, Value *kwargs)
{
    *args = *kwargs = VAL_NULL;
    Value m = lookup_special(obj, s_getnewargs_ex);
    if (m != VAL_NULL) {
        Value r = rt_call0(m);
        if (r == VAL_NULL)
            return VAL_NULL;
        if (!rt_isinstance_of(r, &rt_tuple_type))
            return rt_raisef(&rt_TypeError, "__getnewargs_ex__ should return a tuple, not "
                             "'%s'", val_type(r)->name);
        if (rt_tuple_len(r) != 2)
            return rt_raisef(&rt_ValueError, "__getnewargs_ex__ should return a tuple of "
                             "length 2, not %zu", rt_tuple_len(r));
        *args = rt_tuple_get(r, 0);
        *kwargs = rt_tuple_get(r, 1);
        if (!rt_isinstance_of(*args, &rt_tuple_type))
            return rt_raisef(&rt_TypeError, "first item of the tuple returned by "
                             "__getnewargs_ex__ must be a tuple, not '%s'",
                             val_type(*args)->name);
        if (!rt_isinstance_of(*kwargs, &rt_dict_type))
            return rt_raisef(&rt_TypeError, "second item of the tuple returned by "
                             "__getnewargs_ex__ must be a dict, not '%s'",
                             val_type(*kwargs)->name);
        return rt_None;
    }
    if (rt_err_occurred() || (m = lookup_special(obj, s_getnewargs)) == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL : rt_None;
    if ((*args = rt_call0(m)) == VAL_NULL)
        return VAL_NULL;
    if (!rt_isinstance_of(*args, &rt_tuple_type))
        return rt_raisef(&rt_TypeError, "__getnewargs__ should return a tuple, not '%s'",
                         val_type(*args)->name);
    return rt_None;
}

/* (copyreg.__newobj__, (cls, *args)) or (copyreg.__newobj_ex__, (cls,
 * args, kwargs)): the first two items of the recipe. */
static Value newobj_call(Value obj, Value args, Value kwargs, Value *newargs)
{
    Value cls = obj_val(val_type(obj));
    if (kwargs != VAL_NULL && rt_dict_len(kwargs) > 0) {
        *newargs = rt_tuple_pack(3, cls, args, kwargs);
        return copyreg_attr("__newobj_ex__");
    }
    size_t n = args != VAL_NULL ? rt_tuple_len(args) : 0;
    *newargs = rt_tuple_new(n + 1);
    AS_TUPLE(*newargs)->items[0] = cls;
    for (size_t i = 0; i < n; i++)
        AS_TUPLE(*newargs)->items[i + 1] = rt_tuple_get(args, i);
    return copyreg_attr("__newobj__");
}

/* Protocol 2 and later (CPython's reduce_newobj). */
static Value reduce_newobj(Value obj)
{
    if (val_type(obj)->new_ == NULL)
        return rt_raisef(&rt_TypeError, "cannot pickle '%s' object", val_type(obj)->name);
    Value args, kwargs, newargs;
    if (new_arguments(obj, &args, &kwargs) == VAL_NULL)
        return VAL_NULL;
    Value newobj = newobj_call(obj, args, kwargs, &newargs);
    if (newobj == VAL_NULL)
        return VAL_NULL;
    bool is_list = rt_isinstance_of(obj, &rt_list_type);
    bool is_dict = rt_isinstance_of(obj, &rt_dict_type);
    Value state = getstate(obj, !(args != VAL_NULL || is_list || is_dict));
    if (state == VAL_NULL)
        return VAL_NULL;
    Value listitems = rt_None, dictitems = rt_None;
    if (is_list && (listitems = rt_iter(obj)) == VAL_NULL)
        return VAL_NULL;
    if (is_dict) {
        Value items = rt_getattr_cstr(obj, "items");
        if (items == VAL_NULL || (items = rt_call0(items)) == VAL_NULL ||
            (dictitems = rt_iter(items)) == VAL_NULL)
            return VAL_NULL;
    }
    return rt_tuple_pack(5, newobj, newargs, state, listitems, dictitems);
}

Value rt_object_getstate(Value obj)
{
    return getstate(obj, false);
}

static Value common_reduce(Value obj, intptr_t protocol)
{
    if (protocol >= 2)
        return reduce_newobj(obj);
    Value f = copyreg_attr("_reduce_ex");
    return f == VAL_NULL ? VAL_NULL : rt_call2(f, obj, small_new(protocol));
}

static Value object_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("object.__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    return common_reduce(args[0], 0);
}

/* A class that overrides __reduce__ is asked that instead. */
static Value object_reduce_ex(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("object.__reduce_ex__", kwnames) ||
        !rt_arg_one("object.__reduce_ex__", nargs - 1, kwnames))
        return VAL_NULL;
    ssize_t protocol;
    if (!rt_as_ssize(args[1], &protocol))
        return VAL_NULL;
    Value self = args[0], reduce = rt_lookup_attr(self, s_reduce);
    if (reduce == VAL_NULL && rt_err_occurred())
        return VAL_NULL;
    if (reduce != VAL_NULL) {
        Value cls_reduce = rt_getattr(obj_val(val_type(self)), s_reduce);
        if (cls_reduce == VAL_NULL)
            return VAL_NULL;
        if (cls_reduce != rt_dict_get_str(rt_type_dict(&rt_object_type), s_reduce))
            return rt_call0(reduce);
    }
    return common_reduce(self, protocol);
}

static const MethodDef object_methods[] = {
    {"__reduce_ex__", object_reduce_ex}, {"__reduce__", object_reduce},
    {"__getstate__", object_getstate}, {NULL, NULL},
};

void rt_reduce_init(void)
{
#define N(var, s) var = rt_str_intern_cstr(s)
    N(s_reduce, "__reduce__"); N(s_getstate, "__getstate__");
    N(s_getnewargs, "__getnewargs__"); N(s_getnewargs_ex, "__getnewargs_ex__");
    N(s_slotnames, "__slotnames__");
#undef N
    rt_type_add_methods(&rt_object_type, object_methods);
}
