/*
 * object.c — the roots of the object model: `object`, `type`, the
 * singletons (None, NotImplemented, Ellipsis, the stack's NULL), builtin
 * functions, readying types, and the default attribute protocol.
 *
 * Attribute lookup follows CPython's PyObject_GenericGetAttr in three steps:
 *   1. find the name on the type's MRO (a "descriptor" candidate);
 *   2. look in the instance's own dict, if instances of the type have one;
 *   3. use the type attribute, binding it when it is a descriptor (a Python
 *      function becomes a bound method, a builtin method gets its self).
 * Data descriptors (properties) take precedence over the instance dict; they
 * arrive with classes in a later issue, and the order here already allows it.
 */
#include <stdio.h>
#include <string.h>
#include "runtime/runtime.h"

/* ---- Singletons ---------------------------------------------------------- */

Object rt_none_obj = { &rt_none_type };
Object rt_true_obj = { &rt_bool_type };
Object rt_false_obj = { &rt_bool_type };
Object rt_notimpl_obj = { &rt_notimpl_type };
Object rt_ellipsis_obj = { &rt_ellipsis_type };
Object rt_null_obj = { &rt_null_type };

static Value none_repr(Value self) { return rt_str_from_cstr("None"); }
static int none_truth(Value self) { return 0; }
static Value notimpl_repr(Value self) { return rt_str_from_cstr("NotImplemented"); }
static Value ellipsis_repr(Value self) { return rt_str_from_cstr("Ellipsis"); }
static Value null_repr(Value self) { return rt_str_from_cstr("<NULL>"); }

ObjType rt_none_type = {
    .ob.type = &rt_type_type, .name = "NoneType", .base = &rt_object_type,
    .repr = none_repr, .truth = none_truth,
};
ObjType rt_notimpl_type = {
    .ob.type = &rt_type_type, .name = "NotImplementedType", .base = &rt_object_type,
    .repr = notimpl_repr,
};
ObjType rt_ellipsis_type = {
    .ob.type = &rt_type_type, .name = "ellipsis", .base = &rt_object_type,
    .repr = ellipsis_repr,
};
ObjType rt_null_type = {
    .ob.type = &rt_type_type, .name = "NULL", .base = &rt_object_type,
    .repr = null_repr,
};

/* ---- object ------------------------------------------------------------ */

static Value object_repr(Value self)
{
    return rt_str_format_c("<%s object at %p>", val_type(self)->name, (void *)self);
}

/* Identity hash: the address, rotated so the low zero bits do not cluster
 * (CPython's _Py_HashPointer). */
static intptr_t object_hash(Value self)
{
    uintptr_t y = (uintptr_t)self;
    intptr_t h = (intptr_t)((y >> 4) | (y << (8 * sizeof(y) - 4)));
    return h == -1 ? -2 : h;
}

/* object's comparison: only identity-based == and !=. */
static Value object_richcompare(Value a, Value b, int op)
{
    if (op == CMP_EQ)
        return a == b ? rt_True : rt_NotImplemented;
    if (op == CMP_NE)
        return a == b ? rt_False : rt_NotImplemented;
    return rt_NotImplemented;
}

void *rt_alloc_instance(ObjType *type, size_t base_size)
{
    size_t size = type->instance_size > base_size ? type->instance_size : base_size;
    Object *o = gc_alloc(size);
    o->type = type;
    return o;
}

static Value object_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (nargs > 0)
        return rt_raisef(&rt_TypeError, "%s() takes no arguments", type->name);
    return obj_val(rt_alloc_instance(type, sizeof(ObjInstance)));
}

ObjType rt_object_type = {
    .ob.type = &rt_type_type, .name = "object", .base = NULL, .flags = TF_BASETYPE,
    .repr = object_repr, .hash = object_hash, .richcompare = object_richcompare,
    .new_ = object_new,
};

/* ---- type ---------------------------------------------------------------- */

static Value type_repr(Value self)
{
    return rt_str_format_c("<class '%s'>", AS_TYPE(self)->name);
}

/* Calling a type constructs an instance through its new_ slot. */
static Value type_call(Value callable, Value *args, size_t nargs, Value kwnames)
{
    ObjType *type = AS_TYPE(callable);
    if (type->new_ == NULL)
        return rt_raisef(&rt_TypeError, "cannot create '%s' instances", type->name);
    return type->new_(type, args, nargs, kwnames);
}

/* type(x): the type of x.  (The three-argument form creates a class and
 * arrives with classes.) */
static Value type_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (nargs == 1 && rt_nkwargs(kwnames) == 0)
        return obj_val(val_type(args[0]));
    return rt_raisef(&rt_TypeError, "type() takes 1 or 3 arguments");
}

/* Attributes of a type: found on its MRO, unbound; __name__ is computed. */
static Value type_getattr(Value self, Value name)
{
    ObjType *type = AS_TYPE(self);
    Value v = rt_type_lookup(type, name);
    if (v != VAL_NULL)
        return v;
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "__name__") == 0 || strcmp(s, "__qualname__") == 0)
        return rt_str_from_cstr(type->name);
    if (strcmp(s, "__mro__") == 0)
        return type->mro;
    if (strcmp(s, "__bases__") == 0)
        return type->bases;
    if (strcmp(s, "__base__") == 0)
        return type->base ? obj_val(type->base) : rt_None;
    return rt_raisef(&rt_AttributeError, "type object '%s' has no attribute '%S'",
                     type->name, name);
}

ObjType rt_type_type = {
    .ob.type = &rt_type_type, .name = "type", .base = &rt_object_type, .flags = TF_BASETYPE,
    .repr = type_repr, .call = type_call, .getattr = type_getattr, .new_ = type_new,
};

/* ---- builtin functions and methods -------------------------------------- */

Value rt_builtin_new(const char *name, NativeFunc fn, Value self)
{
    ObjBuiltin *b = gc_alloc(sizeof *b);
    b->ob.type = &rt_builtin_type;
    b->name = name;
    b->fn = fn;
    b->self = self;
    return obj_val(b);
}

static Value builtin_repr(Value self)
{
    ObjBuiltin *b = VAL_AS(ObjBuiltin, self);
    if (b->self != VAL_NULL)
        return rt_str_format_c("<built-in method %s of %s object at %p>", b->name,
                               val_type(b->self)->name, (void *)b->self);
    if (b->owner != NULL)
        return rt_str_format_c("<method '%s' of '%s' objects>", b->name, b->owner->name);
    return rt_str_format_c("<built-in function %s>", b->name);
}

/* A bound builtin passes its self as the first argument. */
static Value builtin_call(Value callable, Value *args, size_t nargs, Value kwnames)
{
    ObjBuiltin *b = VAL_AS(ObjBuiltin, callable);
    if (b->self == VAL_NULL)
        return b->fn(args, nargs, kwnames);
    Value small[8];
    Value *all = nargs < 8 ? small : gc_alloc((nargs + 1) * sizeof(Value));
    all[0] = b->self;
    memcpy(all + 1, args, nargs * sizeof(Value));
    return b->fn(all, nargs + 1, kwnames);
}

/* Reading a method off an instance binds it: "abc".upper → bound builtin. */
static Value builtin_descr_get(Value descr, Value obj, Value type)
{
    ObjBuiltin *b = VAL_AS(ObjBuiltin, descr);
    if (b->owner == NULL || b->self != VAL_NULL || obj == VAL_NULL || obj == rt_None)
        return descr;
    ObjBuiltin *bound = VAL_AS(ObjBuiltin, rt_builtin_new(b->name, b->fn, obj));
    bound->owner = b->owner;
    return obj_val(bound);
}

static Value builtin_getattr(Value self, Value name)
{
    ObjBuiltin *b = VAL_AS(ObjBuiltin, self);
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "__name__") == 0 || strcmp(s, "__qualname__") == 0)
        return rt_str_from_cstr(b->name);
    if (strcmp(s, "__self__") == 0)
        return b->self != VAL_NULL ? b->self : rt_None;
    return rt_generic_getattr(self, name);
}

ObjType rt_builtin_type = {
    .ob.type = &rt_type_type, .name = "builtin_function_or_method", .base = &rt_object_type,
    .repr = builtin_repr, .call = builtin_call, .descr_get = builtin_descr_get,
    .getattr = builtin_getattr,
};

/* ---- readying types -------------------------------------------------------- */

bool rt_is_subtype(ObjType *t, ObjType *base)
{
    if (t == base)
        return true;
    if (t->mro != VAL_NULL) {
        ObjTuple *mro = AS_TUPLE(t->mro);
        for (size_t i = 0; i < mro->length; i++)
            if (mro->items[i] == obj_val(base))
                return true;
        return false;
    }
    for (ObjType *b = t->base; b != NULL; b = b->base)
        if (b == base)
            return true;
    return false;
}

/* Copy every slot the type leaves empty from its base (CPython's
 * inherit_slots).  A type that defines comparison but not hashing becomes
 * unhashable, as a class defining __eq__ without __hash__ does. */
static void inherit_slots(ObjType *t, ObjType *b)
{
#define INHERIT(slot) if (t->slot == NULL) t->slot = b->slot
    bool own_compare = t->richcompare != NULL;
    INHERIT(repr); INHERIT(str); INHERIT(richcompare); INHERIT(binop);
    INHERIT(inplace); INHERIT(unary); INHERIT(truth); INHERIT(iter);
    INHERIT(next); INHERIT(call); INHERIT(getattr); INHERIT(setattr);
    INHERIT(getitem); INHERIT(setitem); INHERIT(len); INHERIT(contains);
    INHERIT(descr_get); INHERIT(new_);
    if (t->hash == NULL && !own_compare)
        t->hash = b->hash;
    if (t->dict_offset == 0)
        t->dict_offset = b->dict_offset;
    t->flags |= b->flags & (TF_EXCEPTION | TF_INT_SUBCLASS | TF_STR_SUBCLASS |
                            TF_TUPLE_SUBCLASS | TF_LIST_SUBCLASS | TF_DICT_SUBCLASS);
#undef INHERIT
}

/* The MRO of a single-inheritance builtin type: itself, then its base's MRO. */
static Value linear_mro(ObjType *t)
{
    size_t n = 1;
    for (ObjType *b = t->base; b != NULL; b = b->base)
        n++;
    Value mro = rt_tuple_new(n);
    size_t i = 0;
    for (ObjType *b = t; b != NULL; b = b->base)
        AS_TUPLE(mro)->items[i++] = obj_val(b);
    return mro;
}

void rt_type_ready(ObjType *type, const MethodDef *methods)
{
    if (type->ob.type == NULL)
        type->ob.type = &rt_type_type;
    if (type->base == NULL && type != &rt_object_type)
        type->base = &rt_object_type;
    if (type->base != NULL)
        inherit_slots(type, type->base);
    type->bases = type->base ? rt_tuple_pack(1, obj_val(type->base)) : rt_empty_tuple;
    type->mro = linear_mro(type);
    if (type->dict == VAL_NULL)
        type->dict = rt_dict_new();
    for (const MethodDef *m = methods; m != NULL && m->name != NULL; m++) {
        ObjBuiltin *b = VAL_AS(ObjBuiltin, rt_builtin_new(m->name, m->fn, VAL_NULL));
        b->owner = type;
        rt_dict_set_cstr(type->dict, m->name, obj_val(b));
    }
}

void rt_type_set(ObjType *type, const char *name, Value v)
{
    rt_dict_set_cstr(type->dict, name, v);
}

Value rt_type_name(Value v)
{
    return rt_str_from_cstr(val_type(v)->name);
}

/* ---- the default attribute protocol ---------------------------------------- */

Value rt_type_lookup(ObjType *type, Value name)
{
    ObjTuple *mro = AS_TUPLE(type->mro);
    for (size_t i = 0; i < mro->length; i++) {
        Value dict = AS_TYPE(mro->items[i])->dict;
        if (dict == VAL_NULL)
            continue;
        Value v = rt_dict_get_str(dict, name);
        if (v != VAL_NULL)
            return v;
    }
    return VAL_NULL;
}

static Value *instance_dict_slot(Value obj)
{
    if (val_is_small(obj))
        return NULL;
    size_t off = val_type(obj)->dict_offset;
    return off == 0 ? NULL : (Value *)((char *)val_obj(obj) + off);
}

Value rt_no_attribute(Value obj, Value name)
{
    return rt_raisef(&rt_AttributeError, "'%s' object has no attribute '%S'",
                     val_type(obj)->name, name);
}

/* Attributes every object has without a dict entry: __class__, __dict__. */
static Value special_attribute(Value obj, Value name, Value *dslot)
{
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "__class__") == 0)
        return obj_val(val_type(obj));
    if (dslot != NULL && strcmp(s, "__dict__") == 0) {
        if (*dslot == VAL_NULL)
            *dslot = rt_dict_new();
        return *dslot;
    }
    return rt_no_attribute(obj, name);
}

Value rt_generic_getattr(Value obj, Value name)
{
    ObjType *type = val_type(obj);
    Value descr = rt_type_lookup(type, name);
    Value *dslot = instance_dict_slot(obj);
    if (dslot != NULL && *dslot != VAL_NULL) {
        Value v = rt_dict_get_str(*dslot, name);
        if (v != VAL_NULL)
            return v;
    }
    if (descr == VAL_NULL)
        return special_attribute(obj, name, dslot);
    ObjType *dt = val_type(descr);
    if (dt->descr_get != NULL)
        return dt->descr_get(descr, obj, obj_val(type));
    return descr;
}

int rt_generic_setattr(Value obj, Value name, Value v)
{
    Value *dslot = instance_dict_slot(obj);
    if (dslot == NULL) {
        Value descr = rt_type_lookup(val_type(obj), name);
        if (descr != VAL_NULL)
            rt_raisef(&rt_AttributeError, "'%s' object attribute '%S' is read-only",
                      val_type(obj)->name, name);
        else
            rt_no_attribute(obj, name);
        return -1;
    }
    if (*dslot == VAL_NULL)
        *dslot = rt_dict_new();
    if (v != VAL_NULL)
        return rt_dict_set(*dslot, name, v) ? 0 : -1;
    int r = rt_dict_del(*dslot, name);
    if (r == 0) {
        rt_no_attribute(obj, name);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

/* LOAD_METHOD's lookup: an unbound method found on the type is returned as
 * is, so the call can pass obj as the first argument without allocating a
 * bound method. */
int rt_get_method(Value obj, Value name, Value *method)
{
    ObjType *type = val_type(obj);
    if (type->getattr == NULL || type->getattr == rt_generic_getattr) {
        Value descr = rt_type_lookup(type, name);
        if (descr != VAL_NULL && (is_function(descr) ||
            (IS_EXACT(descr, rt_builtin_type) && VAL_AS(ObjBuiltin, descr)->owner != NULL &&
             VAL_AS(ObjBuiltin, descr)->self == VAL_NULL))) {
            Value *dslot = instance_dict_slot(obj);
            if (dslot == NULL || *dslot == VAL_NULL || rt_dict_get_str(*dslot, name) == VAL_NULL) {
                *method = descr;
                return 1;
            }
        }
    }
    *method = rt_getattr(obj, name);
    return *method == VAL_NULL ? -1 : 0;
}

/* ---- argument checks for NativeFuncs --------------------------------------- */

size_t rt_nkwargs(Value kwnames)
{
    return kwnames == VAL_NULL ? 0 : rt_tuple_len(kwnames);
}

bool rt_no_kwargs(const char *fname, Value kwnames)
{
    if (rt_nkwargs(kwnames) == 0)
        return true;
    rt_raisef(&rt_TypeError, "%s() takes no keyword arguments", fname);
    return false;
}

bool rt_check_nargs(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return true;
    if (min == max && max == 0)
        rt_raisef(&rt_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
    else if (min == max && max == 1)
        rt_raisef(&rt_TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
    else if (nargs < min)
        rt_raisef(&rt_TypeError, "%s expected at least %zu argument%s, got %zu",
                  fname, min, min == 1 ? "" : "s", nargs);
    else
        rt_raisef(&rt_TypeError, "%s expected at most %zu argument%s, got %zu",
                  fname, max, max == 1 ? "" : "s", nargs);
    return false;
}

/* ---- start-up ---------------------------------------------------------------- */

void rt_object_init(void)
{
    rt_type_ready(&rt_object_type, NULL);
    rt_type_ready(&rt_type_type, NULL);
    rt_type_ready(&rt_none_type, NULL);
    rt_type_ready(&rt_notimpl_type, NULL);
    rt_type_ready(&rt_ellipsis_type, NULL);
    rt_type_ready(&rt_null_type, NULL);
    rt_type_ready(&rt_builtin_type, NULL);
}
