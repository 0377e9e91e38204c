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
 * Data descriptors (entries whose type has a descr_set slot: property,
 * __slots__ members, __class__, a class's __dict__) are consulted before the
 * instance dict, for reading and for writing.
 *
 * Classes written in Python are created in class.c; slots.c connects their
 * dunder methods to the C slots, and gives the builtin types the "slot
 * wrapper" methods (object.__init__, int.__add__, ...) that rt_type_ready
 * records here and rt_types_add_wrappers adds once names can be interned.
 */
#include <stdio.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/typeversion.h"
#include "runtime/class.h"
#include "runtime/finalize.h"

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

/* NoneType(), type(...)(), type(NotImplemented)(): the singleton itself. */
static Value singleton_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (nargs > 0)
        return rt_raisef(&rt_TypeError, "%s takes no arguments",
                         type == &rt_ellipsis_type ? "EllipsisType" : type->name);
    if (type == &rt_none_type)
        return rt_None;
    return type == &rt_ellipsis_type ? rt_Ellipsis : rt_NotImplemented;
}

/* Ellipsis and NotImplemented pickle by name. */
static Value singleton_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_str_from_cstr(args[0] == rt_Ellipsis ? "Ellipsis" : "NotImplemented");
}

static const MethodDef singleton_methods[] = {
    {"__reduce__", singleton_reduce}, {NULL, NULL},
};

/* 3.12: hash(None) is a constant, not the address's. */
static intptr_t none_hash(Value self)
{
    (void)self;
    return 0xFCA86420;
}

ObjType rt_none_type = {
    .ob.type = &rt_type_type, .name = "NoneType", .base = &rt_object_type,
    .repr = none_repr, .truth = none_truth, .new_ = singleton_new,
};
/* bool(NotImplemented) is true, with CPython 3.9's DeprecationWarning;
 * 3.14 makes it a TypeError. */
static int notimpl_truth(Value self)
{
    if (rt_py_minor >= 14) {
        rt_raisef(&rt_TypeError, "NotImplemented should not be used in a boolean context");
        return -1;
    }
    return rt_warn(&rt_DeprecationWarning,
                   "NotImplemented should not be used in a boolean context", 1) < 0 ? -1 : 1;
}

ObjType rt_notimpl_type = {
    .ob.type = &rt_type_type, .name = "NotImplementedType", .base = &rt_object_type,
    .repr = notimpl_repr, .truth = notimpl_truth, .new_ = singleton_new,
};
ObjType rt_ellipsis_type = {
    .ob.type = &rt_type_type, .name = "ellipsis", .base = &rt_object_type,
    .repr = ellipsis_repr, .new_ = singleton_new,
};
ObjType rt_null_type = {
    .ob.type = &rt_type_type, .name = "NULL", .base = &rt_object_type,
    .repr = null_repr,
};

/* ---- object ------------------------------------------------------------ */

/* "<__main__.Point object at 0x...>": classes outside builtins are named
 * with their module. */
static Value object_repr(Value self)
{
    ObjType *t = val_type(self);
    if (!rt_is_heaptype(t))
        return rt_str_format_c("<%s object at %p>", t->name, (void *)self);
    return rt_str_format_c("<%S object at %p>", rt_type_qualified_name(t),
                           (void *)self);
}

/* Identity hash: the address, rotated so the low zero bits do not cluster
 * (CPython's _Py_HashPointer). */
static intptr_t object_hash(Value self)
{
    uintptr_t y = (uintptr_t)self;
    intptr_t h = (intptr_t)((y >> 4) | (y << (8 * sizeof(y) - 4)));
    return h == -1 ? -2 : h;
}

/* object's comparison: identity for ==, and != as the negation of the
 * type's own == (so a class defining only __eq__ gets a matching !=). */
static Value object_richcompare(Value a, Value b, int op)
{
    if (op == CMP_EQ)
        return a == b ? rt_True : rt_NotImplemented;
    if (op != CMP_NE)
        return rt_NotImplemented;
    ObjType *t = val_type(a);
    if (t->richcompare == NULL)
        return rt_NotImplemented;
    Value r = t->richcompare(a, b, CMP_EQ);
    if (r == VAL_NULL || r == rt_NotImplemented)
        return r;
    int truth = rt_truthy(r);
    return truth < 0 ? VAL_NULL : rt_bool(!truth);
}

void rt_instance_made(Object *o)
{
    o->type->flags &= ~TF_NO_INSTANCE;
    if (o->type->flags & TF_FINALIZER)
        rt_finalize_watch(o);
}

/* From the blocks a walk over the heap looks at, should the class get
 * __del__ later (finalize.h). */
void *rt_alloc_instance(ObjType *type, size_t base_size)
{
    size_t size = type->instance_size > base_size ? type->instance_size : base_size;
    Object *o = gc_alloc_instance(size);
    o->type = type;
    if (type->flags & (TF_FINALIZER | TF_NO_INSTANCE))
        rt_instance_made(o);
    return o;
}

/* ---- inline values (object.h: ObjValues) --------------------------------------- */

ObjType rt_values_type = { .ob.type = &rt_type_type, .name = "instance values" };

/* A class whose instances are an ObjInstance and nothing more: what
 * object.__new__ gives inline values. */
static bool has_plain_layout(const ObjType *type)
{
    return rt_is_heaptype(type) && type->instance_size == sizeof(ObjInstance) &&
           type->dict_offset == offsetof(ObjInstance, dict);
}

/* An instance with room for as many values as its class's instances have
 * had names so far (at least 4), in the same block. */
static Value new_with_values(HeapType *ht)
{
    if (ht->keys == NULL)
        ht->keys = gc_alloc(sizeof(SharedKeys));
    uint32_t capacity = ht->keys->len > 4 ? ht->keys->len : 4;
    ObjInstance *o = rt_alloc_instance(&ht->type, sizeof(ObjInstance) + sizeof(ObjValues) +
                                                  capacity * sizeof(Value));
    ObjValues *vals = (ObjValues *)(o + 1);
    vals->ob.type = &rt_values_type;
    vals->keys = ht->keys;
    vals->capacity = capacity;
    o->dict = obj_val(vals);
    return obj_val(o);
}

/* name's index among the shared names, or -1.  Names are interned when
 * added, so an interned name is found by identity alone. */
static int64_t key_index(const SharedKeys *keys, Value name)
{
    for (uint32_t i = 0; i < keys->len; i++)
        if (keys->names[i] == name)
            return i;
    if (!AS_STR(name)->interned)
        for (uint32_t i = 0; i < keys->len; i++)
            if (rt_str_equal(keys->names[i], name))
                return i;
    return -1;
}

int64_t rt_values_index(Value values, Value name)
{
    const ObjValues *vals = VAL_AS(ObjValues, values);
    int64_t i = key_index(vals->keys, name);
    return i < vals->len ? i : -1;
}

Value rt_values_get(Value values, Value name)
{
    int64_t i = rt_values_index(values, name);
    return i >= 0 ? VAL_AS(ObjValues, values)->values[i] : VAL_NULL;
}

Value rt_values_to_dict(Value *slot, bool adding)
{
    const ObjValues *vals = VAL_AS(ObjValues, *slot);
    bool room = (adding || vals->len == 0) && vals->len < RT_INSTANCE_DICT_ROOM;
    Value d = rt_dict_new_sized(room ? RT_INSTANCE_DICT_ROOM : vals->len);
    for (uint32_t i = 0; i < vals->len; i++)
        rt_dict_set(d, vals->keys->names[i], vals->values[i]);
    *slot = d;
    return d;
}

/* Values stay values while names are set in the order the class's first
 * instances set them: an existing one is replaced, the next one added
 * (and a name no instance had becomes the next shared one, if this
 * instance has all the others).  Anything else makes the dict. */
int64_t rt_values_store(Value *slot, Value name, Value v)
{
    ObjValues *vals = VAL_AS(ObjValues, *slot);
    SharedKeys *keys = vals->keys;
    if (IS_EXACT(name, rt_str_type)) {
        int64_t i = key_index(keys, name);
        if (i < 0 && vals->len == keys->len && keys->len < RT_SHARED_KEYS_MAX) {
            i = keys->len;
            keys->names[keys->len++] = rt_str_intern(name);
        }
        if (i >= 0 && i < vals->len) {
            vals->values[i] = v;
            return i;
        }
        if (i >= 0 && i == vals->len && vals->len < vals->capacity) {
            vals->values[vals->len++] = v;
            return i;
        }
    }
    rt_values_to_dict(slot, true);
    return -1;
}

/* name in the instance's own attributes (*dslot: values or a dict), or
 * VAL_NULL; *error when a dict key's __eq__ raised (rt_dict_get_name). */
static Value own_attribute(Value *dslot, Value name, bool *error)
{
    *error = false;
    if (rt_is_values(*dslot)) {
        if (IS_EXACT(name, rt_str_type))
            return rt_values_get(*dslot, name);
        rt_values_to_dict(dslot, true);
    }
    return rt_dict_get_name(*dslot, name, error);
}

/* object.__new__: extra arguments are an error unless the class has its
 * own __init__ to take them (CPython's object_new rules); an abstract
 * class (one with __abstractmethods__, abc.ABCMeta's) is refused. */
static Value object_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    /* Interned once: interning from the C string on every instantiation
     * was 9% of a ray tracer's time (issue 13). */
    static Value new_name = VAL_NULL, init_name = VAL_NULL;
    /* Version tags (one counter for all types) of classes whose arguments
     * passed the two checks below: the tag stands for __new__ and
     * __init__ as they were, so the two lookups are made once per class
     * (and again after it changes), not per instance. */
    static uint32_t args_checked[32];
    uint32_t tag = type->version_tag;
    if (nargs > 0 && (tag == 0 || args_checked[tag % 32] != tag)) {
        if (new_name == VAL_NULL) {
            new_name = rt_str_intern_cstr("__new__");
            init_name = rt_str_intern_cstr("__init__");
        }
        if (!rt_is_object_new(rt_type_lookup(type, new_name)))
            return rt_raisef(&rt_TypeError, "object.__new__() takes exactly one argument "
                             "(the type to instantiate)");
        if (rt_is_object_init(rt_type_lookup(type, init_name)))
            return rt_raisef(&rt_TypeError, "%s() takes no arguments", type->name);
        if ((tag = type->version_tag) != 0)
            args_checked[tag % 32] = tag;
    }
    if (rt_is_heaptype(type) && ((HeapType *)type)->abstract)
        return rt_abstract_instantiation_error(type);
    if (has_plain_layout(type))
        return new_with_values((HeapType *)type);
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
    return rt_str_format_c("<class '%S'>", rt_type_qualified_name(AS_TYPE(self)));
}

/* type(x) is answered by rt_type_call; type(name, bases, dict, **kw) and
 * type.__new__ make a new class (rt_type_new, class.c).  Calling a type is
 * rt_type_call (class.c): __new__, then __init__ for instances of classes
 * written in Python. */
ObjType rt_type_type = {
    .ob.type = &rt_type_type, .name = "type", .base = &rt_object_type, .flags = TF_BASETYPE,
    .repr = type_repr, .call = rt_type_call, .getattr = rt_type_getattr,
    .setattr = rt_type_setattr, .new_ = rt_type_new,
    .members = rt_type_members, .getsets = rt_type_getsets,
    .binop = rt_union_or, .binop_ops = RT_OP_BIT(NB_OR),         /* int | str */
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

#define AS_BUILTIN(v) VAL_AS(ObjBuiltin, v)

static Value builtin_repr(Value self)
{
    ObjBuiltin *b = AS_BUILTIN(self);
    if (b->self != VAL_NULL)
        return rt_str_format_c("<built-in method %s of %s object at %p>", b->name,
                               val_type(b->self)->name, (void *)b->self);
    if (b->owner != NULL)                   /* a static method: str.maketrans */
        return rt_str_format_c("<built-in method %s of type object at %p>", b->name,
                               (void *)b->owner);
    return rt_str_format_c("<built-in function %s>", b->name);
}

static ObjType *bound_type(ObjBuiltin *b)
{
    return rt_isinstance_of(b->self, &rt_type_type) ? AS_TYPE(b->self) : val_type(b->self);
}

/* CPython words a call's argument error after the function's __qualname__:
 * through the type (o.clear(1), list.clear(o, 1)) the class that defines
 * the method, "list.clear() takes no arguments (1 given)"; a bound method
 * called later is named after its self's type, "L.clear() takes ...".  The
 * C functions say the former; a bound call renames the class in that
 * message ("Cls.name() takes ..."), only on this error path. */
static void name_self_type(ObjBuiltin *b)
{
    Value exc = rt_err_peek();
    if (val_type(exc) != &rt_TypeError)
        return;
    ObjException *e = VAL_AS(ObjException, exc);
    if (rt_tuple_len(e->args) != 1 || !is_str(rt_tuple_get(e->args, 0)))
        return;
    const char *msg = rt_str_cstr(rt_tuple_get(e->args, 0)), *dot = strchr(msg, '.');
    size_t n = strlen(b->name);
    if (dot == NULL || dot == msg || strncmp(dot + 1, b->name, n) != 0 ||
        strncmp(dot + 1 + n, "() takes ", 9) != 0)
        return;
    /* The class named must be one of self's (not that of a call inside:
     * BufferedRWPair.write's error is its writer's, BufferedWriter.write). */
    ObjType *t = bound_type(b);
    ObjTuple *mro = AS_TUPLE(t->mro);
    size_t i = 0;
    for (; i < mro->length; i++) {
        const char *name = AS_TYPE(mro->items[i])->name, *short_name = strrchr(name, '.');
        short_name = short_name != NULL ? short_name + 1 : name;
        if (strlen(short_name) == (size_t)(dot - msg) && strncmp(short_name, msg, dot - msg) == 0)
            break;
    }
    if (i == mro->length)
        return;
    e->args = rt_tuple_pack(1, rt_str_format_c("%S%s", rt_type_qualname(t), dot));
}

/* A bound builtin passes its self as the first argument. */
static Value builtin_call(Value callable, Value *args, size_t nargs, Value kwnames)
{
    ObjBuiltin *b = AS_BUILTIN(callable);
    if (b->self == VAL_NULL)
        return b->fn(args, nargs, kwnames);
    Value small[8];
    Value *all = nargs < 8 ? small : gc_alloc((nargs + 1) * sizeof(Value));
    all[0] = b->self;
    memcpy(all + 1, args, nargs * sizeof(Value));
    Value r = b->fn(all, nargs + 1, kwnames);
    if (r == VAL_NULL && b->owner != NULL)
        name_self_type(b);
    return r;
}

/* What the three kinds show as attributes (CPython's meth_getsets and
 * method_getset): __name__, __qualname__ ("list.append"), __self__ (the
 * bound object, or the module of a module's function), __module__,
 * __objclass__ of the descriptors. */
static Value builtin_get_name(Value self) { return rt_str_from_cstr(AS_BUILTIN(self)->name); }

static Value builtin_get_qualname(Value self)
{
    ObjBuiltin *b = AS_BUILTIN(self);
    ObjType *t = b->owner;
    if (b->self != VAL_NULL)
        t = bound_type(b);
    if (t == NULL)
        return rt_str_from_cstr(b->name);
    return rt_str_format_c("%S.%s", rt_type_qualname(t), b->name);
}

static Value builtin_get_self(Value self)
{
    ObjBuiltin *b = AS_BUILTIN(self);
    if (b->self != VAL_NULL)
        return b->self;
    return b->module != VAL_NULL ? b->module : rt_None;
}

static Value builtin_get_module(Value self)
{
    ObjBuiltin *b = AS_BUILTIN(self);
    if (b->module == VAL_NULL)
        return rt_None;
    Value name = rt_dict_get_cstr(VAL_AS(ObjModule, b->module)->dict, "__name__");
    return name != VAL_NULL ? name : rt_None;
}

static Value builtin_get_objclass(Value self) { return obj_val(AS_BUILTIN(self)->owner); }

/* The signature or the docstring python3.11 gives it (runtime/signatures.h),
 * found by its owner: the type whose method it is (for a class method bound
 * to a class, the first of the class's bases that has it), else its module. */
static Value builtin_text(Value self, bool doc)
{
    ObjBuiltin *b = AS_BUILTIN(self);
    const char *text = NULL;
    if (b->owner != NULL)
        text = rt_builtin_text(b->owner->name, b->name, doc);
    else if (b->self != VAL_NULL) {
        ObjType *t = bound_type(b);
        for (; t != NULL && text == NULL; t = t->base)
            text = rt_builtin_text(t->name, b->name, doc);
    }
    if (text == NULL && b->owner == NULL && b->self == VAL_NULL && b->module != VAL_NULL) {
        Value name = rt_dict_get_cstr(VAL_AS(ObjModule, b->module)->dict, "__name__");
        if (name != VAL_NULL && is_str(name))
            text = rt_builtin_text(rt_str_cstr(name), b->name, doc);
    }
    /* a builtin method standing for one of CPython's slot wrappers
     * (generator.__next__ is a method-wrapper there) */
    if (text == NULL && b->name[0] == '_')
        text = rt_slot_text(b->name, doc);
    return text != NULL ? rt_str_from_cstr(text) : rt_None;
}

static Value builtin_get_text_signature(Value self) { return builtin_text(self, false); }
static Value builtin_get_doc(Value self) { return builtin_text(self, true); }

#define BUILTIN_COMMON_GETSETS \
    {"__name__", builtin_get_name}, {"__qualname__", builtin_get_qualname}, \
    {"__doc__", builtin_get_doc}, {"__text_signature__", builtin_get_text_signature}

static const GetSetDef builtin_getsets[] = {
    BUILTIN_COMMON_GETSETS,
    {"__self__", builtin_get_self}, {"__module__", builtin_get_module},
    {NULL},
};

static const GetSetDef method_descr_getsets[] = {
    BUILTIN_COMMON_GETSETS,
    {"__objclass__", builtin_get_objclass},
    {NULL},
};

/* Pickling: a function is saved by its name (pickle looks it up in its
 * module); a bound method as getattr(self, name). */
static Value builtin_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjBuiltin *b = VAL_AS(ObjBuiltin, args[0]);
    /* a static method (bytearray.maketrans) is bound to its class in CPython */
    Value self = b->self == VAL_NULL && b->owner != NULL ? obj_val(b->owner) : b->self;
    if (self == VAL_NULL || IS_EXACT(self, rt_module_type))
        return rt_str_from_cstr(b->name);
    return rt_reduce_builtin("getattr", rt_tuple_pack(2, self, rt_str_from_cstr(b->name)),
                             VAL_NULL);
}

/* A method descriptor pickles as getattr(its class, name) (a class method
 * descriptor does not pickle). */
static Value method_descr_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjBuiltin *b = VAL_AS(ObjBuiltin, args[0]);
    return rt_reduce_builtin("getattr", rt_tuple_pack(2, obj_val(b->owner),
                                                      rt_str_from_cstr(b->name)), VAL_NULL);
}

static const MethodDef builtin_methods[] = {
    {"__reduce__", builtin_reduce}, {NULL, NULL},
};

static const MethodDef method_descr_methods[] = {
    {"__reduce__", method_descr_reduce}, {NULL, NULL},
};

/* Two builtins are equal when they are the same C function bound to the
 * same object: int.from_bytes == int.from_bytes (meth_richcompare). */
static Value builtin_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !IS_EXACT(b, rt_builtin_type))
        return rt_NotImplemented;
    ObjBuiltin *x = AS_BUILTIN(a), *y = AS_BUILTIN(b);
    bool eq = x == y || (x->fn == y->fn && x->self == y->self && strcmp(x->name, y->name) == 0);
    return rt_bool(op == CMP_EQ ? eq : !eq);
}

static intptr_t builtin_hash(Value self)
{
    ObjBuiltin *b = AS_BUILTIN(self);
    intptr_t h = (intptr_t)(((uintptr_t)b->fn >> 4) ^ ((uintptr_t)b->self >> 4));
    return h == -1 ? -2 : h;
}

ObjType rt_builtin_type = {
    .ob.type = &rt_type_type, .name = "builtin_function_or_method", .base = &rt_object_type,
    .repr = builtin_repr, .call = builtin_call, .getsets = builtin_getsets,
    .richcompare = builtin_richcompare, .hash = builtin_hash,
};

/* The bound builtin method a descriptor makes for self. */
static Value bind_builtin(ObjBuiltin *descr, Value self)
{
    ObjBuiltin *bound = AS_BUILTIN(rt_builtin_new(descr->name, descr->fn, self));
    bound->owner = descr->owner;
    return obj_val(bound);
}

/* ---- method_descriptor: list.append as list's dict holds it ------------------ */

static Value method_descr_repr(Value self)
{
    ObjBuiltin *b = AS_BUILTIN(self);
    return rt_str_format_c("<method '%s' of '%s' objects>", b->name, b->owner->name);
}

/* list.append(l, 1): the first argument is the instance, and must be one. */
static Value method_descr_call(Value callable, Value *args, size_t nargs, Value kwnames)
{
    ObjBuiltin *b = AS_BUILTIN(callable);
    if (nargs > rt_nkwargs(kwnames) && val_type(args[0]) == b->owner)
        return b->fn(args, nargs, kwnames);
    if (nargs - rt_nkwargs(kwnames) == 0)
        return rt_raisef(&rt_TypeError, "unbound method %s.%s() needs an argument",
                         b->owner->name, b->name);
    if (!rt_isinstance_of(args[0], b->owner))
        return rt_raisef(&rt_TypeError, "descriptor '%s' for '%s' objects doesn't apply to "
                         "a '%s' object", b->name, b->owner->name, val_type(args[0])->name);
    return b->fn(args, nargs, kwnames);
}

/* Reading a method off an instance binds it: "abc".upper → bound builtin. */
static Value method_descr_get(Value descr, Value obj, Value type)
{
    ObjBuiltin *b = AS_BUILTIN(descr);
    if (obj == VAL_NULL || obj == rt_None)
        return descr;
    if (!rt_isinstance_of(obj, b->owner))
        return rt_raisef(&rt_TypeError, "descriptor '%s' for '%s' objects doesn't apply to "
                         "a '%s' object", b->name, b->owner->name, val_type(obj)->name);
    return bind_builtin(b, obj);
}

ObjType rt_method_descr_type = {
    .ob.type = &rt_type_type, .name = "method_descriptor", .base = &rt_object_type,
    .repr = method_descr_repr, .call = method_descr_call, .descr_get = method_descr_get,
    .getsets = method_descr_getsets,
};

/* ---- classmethod_descriptor: dict.fromkeys as dict's dict holds it ---------------
 * It binds to the class it is read from, whether through the class or an
 * instance (dict.fromkeys, {}.fromkeys). */
static Value classmethod_descr_get(Value descr, Value obj, Value type)
{
    Value cls = type != VAL_NULL && type != rt_None ? type : obj_val(val_type(obj));
    ObjBuiltin *b = AS_BUILTIN(descr);
    if (!rt_isinstance_of(cls, &rt_type_type))
        return rt_raisef(&rt_TypeError, "descriptor '%s' for type '%s' needs a type, not a "
                         "'%s' as arg 2", b->name, b->owner->name, val_type(cls)->name);
    if (!rt_is_subtype(AS_TYPE(cls), b->owner))
        return rt_raisef(&rt_TypeError, "descriptor '%s' requires a subtype of '%s' but "
                         "received '%s'", b->name, b->owner->name, AS_TYPE(cls)->name);
    return bind_builtin(b, cls);
}

/* dict.__dict__['fromkeys'](dict, keys): the class comes first. */
static Value classmethod_descr_call(Value callable, Value *args, size_t nargs, Value kwnames)
{
    ObjBuiltin *b = AS_BUILTIN(callable);
    if (nargs - rt_nkwargs(kwnames) == 0)
        return rt_raisef(&rt_TypeError, "descriptor '%s' of '%s' object needs an argument",
                         b->name, b->owner->name);
    if (!rt_isinstance_of(args[0], &rt_type_type))
        return rt_raisef(&rt_TypeError, "descriptor '%s' for type '%s' needs a type, not a "
                         "'%T' as arg 2", b->name, b->owner->name, args[0]);
    if (!rt_is_subtype(AS_TYPE(args[0]), b->owner))
        return rt_raisef(&rt_TypeError, "descriptor '%s' requires a subtype of '%s' but "
                         "received '%s'", b->name, b->owner->name, AS_TYPE(args[0])->name);
    return b->fn(args, nargs, kwnames);
}

static ObjType classmethod_descr_type = {
    .ob.type = &rt_type_type, .name = "classmethod_descriptor", .base = &rt_object_type,
    .repr = method_descr_repr, .call = classmethod_descr_call,
    .descr_get = classmethod_descr_get, .getsets = method_descr_getsets,
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
 * inherit_slots), by the rule RT_TYPE_SLOTS gives each: ALWAYS, or
 * WITH_COMPARE for hash (a type that defines comparison but not hashing
 * becomes unhashable, as a class defining __eq__ without __hash__ does). */
void rt_inherit_slots(ObjType *t, ObjType *b)
{
    bool own_compare = t->richcompare != NULL;
#define INHERITS_ALWAYS true
#define INHERITS_WITH_COMPARE (!own_compare)
#define INHERIT(slot, ret, params, dunders, rule) \
    if (t->slot == NULL && INHERITS_##rule) \
        t->slot = b->slot;
    RT_TYPE_SLOTS(INHERIT)
#undef INHERIT
#undef INHERITS_ALWAYS
#undef INHERITS_WITH_COMPARE
    if (t->getbuffer == NULL) {
        t->getbuffer = b->getbuffer;
        t->releasebuffer = b->releasebuffer;
    }
    if (t->dict_offset == 0)
        t->dict_offset = b->dict_offset;
    t->flags |= b->flags & (TF_EXCEPTION | TF_INT_SUBCLASS | TF_STR_SUBCLASS |
                            TF_TUPLE_SUBCLASS | TF_LIST_SUBCLASS | TF_DICT_SUBCLASS |
                            TF_SEQUENCE | TF_MATCH_COLLECTION);
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

/* Every builtin type readied, in order (rt_ready_type).  Slot wrappers
 * (__add__, __repr__...) need interned names: the types readied before
 * that is possible get them in rt_types_add_wrappers. */
static ObjType **ready_types;
static size_t nready, ready_cap;
static bool wrappers_added;

static void remember_type(ObjType *type)
{
    if (nready == ready_cap) {
        ready_cap = ready_cap ? 2 * ready_cap : 256;       /* start-up readies ~180 */
        ready_types = gc_realloc(ready_types, ready_cap * sizeof(ObjType *));
    }
    ready_types[nready++] = type;
}

void rt_types_add_wrappers(void)
{
    wrappers_added = true;
    for (size_t i = 0; i < nready; i++)
        if (!(ready_types[i]->flags & TF_DICT_PENDING))     /* else filled with them */
            rt_add_slot_wrappers(ready_types[i], ready_types[i]->own_slots);
    rt_type_cache_clear();              /* the wrappers came after lookups */
}

/* A method as the descriptor its flags ask for: a method_descriptor, a
 * classmethod_descriptor, or a staticmethod around a builtin function. */
static Value method_descr(ObjType *type, const MethodDef *m)
{
    ObjBuiltin *b = AS_BUILTIN(rt_builtin_new(m->name, m->fn, VAL_NULL));
    b->owner = type;
    if (m->flags & RT_METH_CLASS)
        b->ob.type = &classmethod_descr_type;
    else if (m->flags & RT_METH_STATIC)
        return rt_staticmethod_new(obj_val(b));
    else
        b->ob.type = &rt_method_descr_type;
    return obj_val(b);
}

/* The dict that rt_type_set and rt_type_add_methods add to: a type whose
 * dict is still pending gets the entry in a dict of its own for now, and
 * filling keeps it (rt_type_fill_dict). */
static Value dict_to_extend(ObjType *type)
{
    if (!(type->flags & TF_DICT_PENDING))
        return rt_type_dict(type);
    if (type->dict_ == VAL_NULL)
        type->dict_ = rt_dict_new();
    return type->dict_;
}

void rt_type_add_methods(ObjType *type, const MethodDef *methods)
{
    Value dict = dict_to_extend(type);
    for (const MethodDef *m = methods; m != NULL && m->name != NULL; m++)
        rt_dict_set_cstr(dict, m->name, method_descr(type, m));
}

/* Calling a builtin type that cannot be instantiated (iterators, views,
 * weakref proxies...). */
static Value cannot_create(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    return rt_raisef(&rt_TypeError, "cannot create '%s' instances", type->name);
}

/* How many names readying puts in the type's dict: its methods, members,
 * getsets and __doc__. */
static size_t own_attribute_count(const ObjType *type, const MethodDef *methods)
{
    size_t n = 1;
    for (const MethodDef *m = methods; m != NULL && m->name != NULL; m++)
        n++;
    for (const MemberDef *m = type->members; m != NULL && m->name != NULL; m++)
        n++;
    for (const GetSetDef *g = type->getsets; g != NULL && g->name != NULL; g++)
        n++;
    return n;
}

/*
 * Readying lazily.  A builtin type is usable once its slots, base, bases
 * and MRO are set; its dict (methods, members, getsets, __doc__, slot
 * wrappers: ~8 objects and as many interned names a type) is needed only
 * when something looks an attribute up on it, and `pvm hello.pyc` does
 * that on fewer than a third of the ~175 types readied at start.  So
 * rt_type_ready marks the dict TF_DICT_PENDING and rt_type_dict fills it
 * on first need: every read of a type's dict goes through rt_type_dict
 * (the field is named dict_ so that no read can bypass it).  Filling
 * runs no Python code and changes nothing a lookup could have seen
 * before: the type's version tag stands.
 */
void rt_type_ready(ObjType *type, const MethodDef *methods)
{
    type->own_slots = rt_slot_mask(type);
    type->ready_methods = methods;
    if (type->ob.type == NULL)
        type->ob.type = &rt_type_type;
    if (type->base == NULL && type != &rt_object_type)
        type->base = &rt_object_type;
    /* As CPython's type_ready_set_new: a builtin type with no constructor of
     * its own that cannot be subclassed either does not get object's (which
     * would make an object of it with its fields unset). */
    if (type->new_ == NULL && type->base == &rt_object_type && !(type->flags & TF_BASETYPE))
        type->new_ = cannot_create;
    if (type->base != NULL)
        rt_inherit_slots(type, type->base);
    type->bases = type->base ? rt_tuple_pack(1, obj_val(type->base)) : rt_empty_tuple;
    type->mro = linear_mro(type);
    type->flags |= TF_DICT_PENDING;
    remember_type(type);
    rt_type_modified(type);             /* lookups made while readying are stale */
}

/* An entry of the type's own that filling skips: the name was set on the
 * type since it was readied (rt_type_set, rt_type_add_methods: a
 * __class_getitem__, a structseq's fields), which would have replaced it.
 * `extended`: the dict had entries before filling began. */
static bool set_since_ready(Value dict, bool extended, const char *name)
{
    return extended && rt_dict_get_cstr(dict, name) != VAL_NULL;
}

void rt_type_fill_dict(ObjType *type)
{
    type->flags &= ~TF_DICT_PENDING;
    const MethodDef *methods = type->ready_methods;
    /* The dict made the size it will have once the slot wrappers are in,
     * not grown entry by entry. */
    size_t room = own_attribute_count(type, methods) +
                  rt_slot_wrapper_bound(type, type->own_slots);
    if (type->dict_ == VAL_NULL)
        type->dict_ = rt_dict_new_sized(room);
    Value dict = type->dict_;
    bool extended = rt_dict_len(dict) > 0;
    rt_dict_reserve(dict, room);
    for (const MethodDef *m = methods; m != NULL && m->name != NULL; m++)
        if (!set_since_ready(dict, extended, m->name) && rt_split_init_fn(type, m->name) == NULL)
            rt_dict_set_cstr(dict, m->name, method_descr(type, m));
    for (const MemberDef *m = type->members; m != NULL && m->name != NULL; m++)
        if (!set_since_ready(dict, extended, m->name))
            rt_dict_set_cstr(dict, m->name, rt_member_from_def(m, type));
    for (const GetSetDef *g = type->getsets; g != NULL && g->name != NULL; g++)
        if (!set_since_ready(dict, extended, g->name))
            rt_dict_set_cstr(dict, g->name, rt_getset_new(g, type));
    /* As CPython's type_ready: __doc__ in the type's own dict is its
     * docstring, python3.11's (runtime/signatures.h), or None, so that its
     * instances do not find object's. */
    if (rt_dict_get_cstr(dict, "__doc__") == VAL_NULL) {
        const char *doc = rt_type_text(type, true);
        rt_dict_set_cstr(dict, "__doc__", doc != NULL ? rt_str_from_cstr(doc) : rt_None);
    }
    if (wrappers_added)
        rt_add_slot_wrappers(type, type->own_slots);
}

ObjType *rt_ready_type(size_t i)
{
    return i < nready ? ready_types[i] : NULL;
}

void rt_type_set(ObjType *type, const char *name, Value v)
{
    rt_dict_set_cstr(dict_to_extend(type), name, v);
    rt_type_modified(type);
}

/* ---- the default attribute protocol ---------------------------------------- */

/* Answered from the lookup cache when it can (runtime/typeversion.c). */
Value rt_type_lookup(ObjType *type, Value name)
{
    return rt_type_cache_lookup(type, name);
}

/*
 * Looking names up without filling.  Whether filling a pending type's dict
 * could put `name` in it is answered from the tables rt_type_fill_dict
 * reads: every name filling adds that is not in them (slot wrappers,
 * __new__, __init__, __doc__) is a dunder, so a dunder is always a maybe,
 * as is a name set on the type since it was readied (already in dict_).
 * A lookup passing over a builtin type that lacks the name (setattr of an
 * instance attribute, a method found further along the MRO, a hasattr
 * probe) then leaves its dict pending; one that finds a method or getset
 * in the tables of a type whose dict is pending, every type before it in
 * the MRO pending too, can use the C function itself (rt_pending_find).
 * A dict filled later holds exactly what the tables said: nothing a lookup
 * could see changes.
 */
static bool is_dunder(Value name)
{
    const char *s = rt_str_cstr(name);
    size_t n = rt_str_nbytes(name);
    return n >= 4 && s[0] == '_' && s[1] == '_' && s[n - 2] == '_' && s[n - 1] == '_';
}

/* Whether t's dict, once filled, may hold `name`; *def says what its tables
 * define under it when they can tell (else left zero). */
static bool pending_own(const ObjType *t, Value name, PendingDef *def)
{
    if (is_dunder(name) || (t->dict_ != VAL_NULL && rt_dict_get_str(t->dict_, name) != VAL_NULL))
        return true;
    const char *s = rt_str_cstr(name);
    for (const MethodDef *m = t->ready_methods; m != NULL && m->name != NULL; m++)
        if (strcmp(m->name, s) == 0) {
            if (m->flags == 0)
                def->method = m;
            return true;
        }
    for (const MemberDef *m = t->members; m != NULL && m->name != NULL; m++)
        if (strcmp(m->name, s) == 0)
            return true;
    for (const GetSetDef *g = t->getsets; g != NULL && g->name != NULL; g++)
        if (strcmp(g->name, s) == 0) {
            def->getset = g;
            return true;
        }
    return false;
}

/* Finding a C function in the tables is a start-up device: it spares the
 * streams' first calls a filled dict.  It costs a string comparison per
 * table entry each time, so a program that keeps asking a pending type
 * (a file's `closed` at every line read) is better served by the dict
 * and the lookup cache: after the first PENDING_FINDS of the process,
 * rt_pending_find finds nothing and lookups fill dicts as they go
 * (`pvm hello.pyc` makes 16). */
enum { PENDING_FINDS = 64 };
static unsigned pending_finds;

PendingDef rt_pending_find(const ObjType *type, Value name)
{
    PendingDef def = { NULL, NULL };
    if (pending_finds >= PENDING_FINDS)
        return def;
    pending_finds++;
    ObjTuple *mro = AS_TUPLE(type->mro);
    for (size_t i = 0; i < mro->length; i++) {
        const ObjType *t = AS_TYPE(mro->items[i]);
        if (!(t->flags & TF_DICT_PENDING) || pending_own(t, name, &def))
            break;
    }
    return def;
}

NativeFunc rt_pending_method(Value obj, Value name)
{
    ObjType *type = val_type(obj);
    if (!(type->flags & TF_DICT_PENDING) ||
        (type->getattr != NULL && type->getattr != rt_generic_getattr))
        return NULL;
    const MethodDef *m = rt_pending_find(type, name).method;
    if (m == NULL)
        return NULL;
    Value *dslot = rt_instance_dict_slot_raw(obj);      /* an instance attribute hides it */
    bool error = false;
    if (dslot != NULL && *dslot != VAL_NULL && own_attribute(dslot, name, &error) != VAL_NULL)
        return NULL;
    if (error) {                        /* the full lookup will meet it again */
        rt_err_clear();
        return NULL;
    }
    return m->fn;
}

Value rt_type_mro_lookup(ObjType *type, Value name)
{
    ObjTuple *mro = AS_TUPLE(type->mro);
    for (size_t i = 0; i < mro->length; i++) {
        ObjType *t = AS_TYPE(mro->items[i]);
        PendingDef def = { NULL, NULL };
        if ((t->flags & TF_DICT_PENDING) && !pending_own(t, name, &def))
            continue;
        Value dict = rt_type_dict(t);
        if (dict == VAL_NULL)
            continue;
        Value v = rt_dict_get_str(dict, name);
        if (v != VAL_NULL)
            return v;
    }
    return VAL_NULL;
}

Value *rt_instance_dict_slot(Value obj)
{
    Value *slot = rt_instance_dict_slot_raw(obj);
    if (slot != NULL && rt_is_values(*slot))
        rt_values_to_dict(slot, false);
    return slot;
}

Value *rt_instance_dict_slot_raw(Value obj)
{
    if (val_is_small(obj))
        return NULL;
    size_t off = val_type(obj)->dict_offset;
    if (off == 0)
        return NULL;
    if (off == RT_DICT_OFFSET_VAR)          /* str, bytes, tuple subclasses */
        return rt_var_dict_slot(obj);
    return (Value *)((char *)val_obj(obj) + off);
}

/* The __dict__ getset of objects with an instance dict (a class's
 * instances, functions): the dict, made on first need. */
Value rt_generic_dict_get(Value obj)
{
    Value *slot = rt_instance_dict_slot(obj);
    if (slot == NULL)
        return rt_no_attribute(obj, RT_NAME("__dict__"));
    if (*slot == VAL_NULL)
        *slot = rt_dict_new();
    return *slot;
}

int rt_generic_dict_set(Value obj, Value v)
{
    Value *slot = rt_instance_dict_slot(obj);
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!rt_isinstance_of(v, &rt_dict_type)) {
        rt_raisef(&rt_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                  val_type(v)->name);
        return -1;
    }
    if (slot == NULL) {
        rt_no_attribute(obj, RT_NAME("__dict__"));
        return -1;
    }
    *slot = v;
    return 0;
}

Value rt_no_attribute(Value obj, Value name)
{
    rt_raisef(&rt_AttributeError, "'%s' object has no attribute '%S'",
              val_type(obj)->name, name);
    rt_err_set_name(&rt_AttributeError, name, obj);
    return VAL_NULL;
}

/* Attributes every object has without a dict entry: __class__, __dict__;
 * any other name is missing (AttributeError when `raise`). */
static Value special_attribute(Value obj, Value name, Value *dslot, bool raise)
{
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "__class__") == 0)
        return obj_val(val_type(obj));
    if (dslot != NULL && strcmp(s, "__dict__") == 0) {
        if (rt_is_values(*dslot))
            rt_values_to_dict(dslot, false);
        if (*dslot == VAL_NULL)
            *dslot = rt_dict_new();
        return *dslot;
    }
    return raise ? rt_no_attribute(obj, name) : VAL_NULL;
}

/* object.__getattribute__: a data descriptor of the type, the instance
 * dict, then any other attribute of the type.  A missing attribute is
 * AttributeError when `raise`, else VAL_NULL with no exception: the form
 * rt_lookup_attr uses (getattr with a default, hasattr, the optional
 * hooks C code probes for, such as pickle's __setstate__), where making
 * the exception only to drop it cost ~13,000 instructions a probe. */
static Value generic_getattr(Value obj, Value name, bool raise)
{
    ObjType *type = val_type(obj);
    if (__builtin_expect((type->flags & TF_DICT_PENDING) != 0, 0)) {
        const GetSetDef *g = rt_pending_find(type, name).getset;
        if (g != NULL)                  /* a data descriptor: the instance dict cannot hide it */
            return g->get(obj);
    }
    Value descr = rt_type_lookup(type, name);
    if (descr != VAL_NULL) {
        ObjType *dt = val_type(descr);
        if (dt->descr_set != NULL && dt->descr_get != NULL)     /* data descriptor */
            return dt->descr_get(descr, obj, obj_val(type));
    }
    Value *dslot = rt_instance_dict_slot_raw(obj);
    if (dslot != NULL && *dslot != VAL_NULL) {
        bool error;
        Value v = own_attribute(dslot, name, &error);
        if (v != VAL_NULL || error)
            return v;
    }
    if (descr == VAL_NULL)
        return special_attribute(obj, name, dslot, raise);
    ObjType *dt = val_type(descr);
    if (dt->descr_get != NULL)
        return dt->descr_get(descr, obj, obj_val(type));
    return descr;
}

Value rt_generic_getattr(Value obj, Value name)
{
    return generic_getattr(obj, name, true);
}

Value rt_generic_lookup_attr(Value obj, Value name)
{
    return generic_getattr(obj, name, false);
}

int rt_generic_setattr(Value obj, Value name, Value v)
{
    Value descr = rt_type_lookup(val_type(obj), name);
    if (descr != VAL_NULL && val_type(descr)->descr_set != NULL)
        return val_type(descr)->descr_set(descr, obj, v);
    Value *dslot = rt_instance_dict_slot_raw(obj);
    if (dslot == NULL) {
        if (descr != VAL_NULL) {
            rt_raisef(&rt_AttributeError, "'%s' object attribute '%S' is read-only",
                      val_type(obj)->name, name);
        } else if (rt_py_minor >= 13) {     /* 3.13 says why */
            rt_raisef(&rt_AttributeError, "'%s' object has no attribute '%S' and no "
                      "__dict__ for setting new attributes", val_type(obj)->name, name);
            rt_err_set_name(&rt_AttributeError, name, obj);
        } else {
            rt_no_attribute(obj, name);
        }
        return -1;
    }
    if (rt_is_values(*dslot)) {
        if (v != VAL_NULL && rt_values_store(dslot, name, v) >= 0)
            return 0;
        if (rt_is_values(*dslot))       /* del: the dict says what was there */
            rt_values_to_dict(dslot, true);
    }
    if (*dslot == VAL_NULL)
        *dslot = rt_dict_new_sized(v != VAL_NULL ? RT_INSTANCE_DICT_ROOM : 0);
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
        if (descr != VAL_NULL && (is_function(descr) || rt_wrapper_is_unbound(descr) ||
                                  IS_EXACT(descr, rt_method_descr_type))) {
            Value *dslot = rt_instance_dict_slot_raw(obj);
            bool error = false;
            if (dslot == NULL || *dslot == VAL_NULL ||
                (own_attribute(dslot, name, &error) == VAL_NULL && !error)) {
                *method = descr;
                return 1;
            }
            if (error)
                return -1;
        }
    }
    *method = rt_getattr(obj, name);
    return *method == VAL_NULL ? -1 : 0;
}

/* ---- start-up ---------------------------------------------------------------- */

void rt_object_init(void)
{
    rt_type_ready(&rt_object_type, NULL);
    rt_type_ready(&rt_type_type, NULL);
    if (rt_py_minor >= 12)
        rt_none_type.hash = none_hash;
    rt_type_ready(&rt_none_type, NULL);
    if (rt_py_minor >= 13)
        rt_type_set(&rt_none_type, "__doc__", rt_str_from_cstr("The type of the None singleton."));
    rt_type_ready(&rt_notimpl_type, singleton_methods);
    rt_type_ready(&rt_ellipsis_type, singleton_methods);
    rt_type_ready(&rt_null_type, NULL);
    rt_type_ready(&rt_builtin_type, builtin_methods);
    rt_type_ready(&rt_method_descr_type, method_descr_methods);
    rt_type_ready(&classmethod_descr_type, NULL);
}
