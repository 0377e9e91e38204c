/*
 * class.h — classes written in Python (heap types) and the object protocol
 * that joins them to the builtin types.
 *
 *   class.c   creating a class (__build_class__, type(name, bases, dict)):
 *             the C3 method resolution order, the instance layout (the
 *             "solid base" rule), attributes of type objects, calling a
 *             class (__new__ then __init__), super().
 *   slots.c   the two bridges between dunder methods and C slots:
 *             a class that defines __add__ gets a binop slot that calls it;
 *             a builtin type with a binop slot gets __add__, __radd__ ...
 *             "slot wrapper" methods, so int.__add__(1, 2) and
 *             super().__init__() work.
 *   genericalias.c  types.GenericAlias, what list[int] makes.
 *   union.c   types.UnionType, what int | None makes.
 *   descr.c   the descriptor types: property, classmethod, staticmethod,
 *             __slots__ members and the getset descriptors behind
 *             __class__ and __dict__.
 */
#ifndef PVM_CLASS_H
#define PVM_CLASS_H

#include "object.h"
#include "str.h"

/* A class created by Python code.  It starts with an ObjType, so every
 * slot and field of a builtin type is there; the name lives in a str.
 * (Instances of a metaclass are HeapTypes too.) */
typedef struct HeapType {
    ObjType type;
    Value name;                 /* str: __name__ (type.name points into it) */
    Value qualname;             /* str: __qualname__ */
    Value slots;                /* its __slots__ members, mangled and sorted, or VAL_NULL */
    bool adds_layout;           /* non-empty __slots__: a new solid base */
    bool weakref;               /* instances have a __weakref__ */
    bool abstract;              /* __abstractmethods__ is true: object() refuses */
    /* The names of its instances' inline values (ObjValues, object.h),
     * made by the first instance object.__new__ gives values; or NULL. */
    struct SharedKeys *keys;
    /* The classes with it among their __bases__, weakly, in the order they
     * got it (CPython's tp_subclasses): what __subclasses__() lists. */
    GcWeakArray subclasses;
} HeapType;

static inline bool rt_is_heaptype(const ObjType *t)
{
    return (t->flags & TF_HEAPTYPE) != 0;
}

/* ---- class.c ---- */
/* type.__new__(meta, name, bases, dict, **kwds): the new_ slot of type. */
Value rt_type_new(ObjType *meta, Value *args, size_t nargs, Value kwnames);
/* The class itself, made by `meta` (already the winning metaclass). */
Value rt_type_create(ObjType *meta, Value name, Value bases, Value dict, Value kwargs);
/* Have make() create a class of start-up's on first need: before the
 * first class the program creates or asks __subclasses__() of. */
void rt_defer_class(void (*make)(void));
/* The instances of every class written in Python that a full collection
 * finds alive, as a new list in no particular order (gc.get_objects()). */
Value rt_instances_of_classes(void);
/* type_call / type_getattr / type_setattr: the slots of `type` itself. */
Value rt_type_call(Value callable, Value *args, size_t nargs, Value kwnames);
Value rt_type_getattr(Value self, Value name);
/* Whether obj.__dict__ is what its instance dict slot holds, read through
 * object.__getattribute__ and the __dict__ descriptor a class gets for
 * its instances: then C code that only stores into that dict (pickle's
 * BUILD) may store through the slot, keeping inline values values. */
bool rt_dict_attr_is_slot(Value obj);
int rt_type_setattr(Value self, Value name, Value v);
/* type's own attributes (__name__, __dict__, __mro__ ...), for rt_type_type. */
extern const MemberDef rt_type_members[];
extern const GetSetDef rt_type_getsets[];
/* "__main__.Point" for classes outside builtins, "int" for builtins. */
Value rt_type_qualified_name(ObjType *t);
/* The module name as a str; VAL_NULL (no exception) when a class's
 * __module__ is set to something else (repr and tracebacks then leave it
 * out, as CPython does). */
Value rt_type_module(ObjType *t);
Value rt_type_qualname(ObjType *t);     /* str */
extern ObjType rt_super_type;
/* super(type, obj).name without the super object (3.12's LOAD_SUPER_ATTR,
 * vm/bytecodes_internal.h): as super's getattr, except that a function or
 * method descriptor found for an instance is returned unbound, *unbound
 * set (when unbound is not NULL: a method call, and *unbound false on
 * entry), the caller passing obj first.  VAL_NULL with an exception set. */
Value rt_super_lookup(ObjType *type, Value obj, Value name, bool *unbound);
/* The TypeError of object.__new__ for a class made abstract by
 * __abstractmethods__ (HeapType.abstract); always VAL_NULL. */
Value rt_abstract_instantiation_error(ObjType *t);
void rt_class_init(void);

/* ---- object.c ---- */
/* Copy the slots t leaves empty from b (CPython's inherit_slots). */
void rt_inherit_slots(ObjType *t, ObjType *b);
/* Give every builtin type readied so far its slot wrappers. */
void rt_types_add_wrappers(void);
/* The i-th builtin type readied, in order; NULL past the end. */
ObjType *rt_ready_type(size_t i);

/* ---- slots.c ---- */
/* Point every slot of a heap type at its dunder (or at the builtin
 * definer's C function); called at creation and when a dunder is
 * assigned to the class later. */
void rt_update_slots(ObjType *type);
/* The same for a class just made, whose slots rt_inherit_slots copied
 * from its base: only the slots its own dict speaks for are chosen again
 * when it extends one class written in Python, or object alone. */
void rt_update_new_class_slots(ObjType *type);
/* Does assigning (or deleting) this class attribute change a slot or the
 * __del__ flag, so that the class and its subclasses need updating?
 * (__init__, __module__, __doc__ and the like do not.) */
bool rt_is_slot_name(Value name);
/* Is the unbound method m object.__init__ / object.__new__? */
bool rt_is_object_init(Value m);
bool rt_is_object_new(Value m);
/* Add "slot wrapper" methods (__add__, __repr__, ...) to a builtin type for
 * the slots it defines itself (own_mask: bits by slot number). */
void rt_add_slot_wrappers(ObjType *type, uint64_t own_mask);
/* The C __init__ of a builtin TF_SPLIT_INIT type, which its __init__ slot
 * wrapper calls (NULL: not such a type, or name is not "__init__"). */
NativeFunc rt_split_init_fn(const ObjType *t, const char *name);
/* At most how many names rt_add_slot_wrappers puts in the type's dict
 * (rt_type_ready sizes the dict for them). */
size_t rt_slot_wrapper_bound(const ObjType *type, uint64_t own_mask);
uint64_t rt_slot_mask(const ObjType *type);
/* The wrapper-descriptor type (repr "<slot wrapper '__add__' of 'int'
 * objects>"): LOAD_METHOD treats unbound ones like builtin methods. */
extern ObjType rt_wrapper_type;
bool rt_wrapper_is_unbound(Value v);
void rt_slots_init(void);
/* A builtin type's __text_signature__ as python3.11 has it ("(iterable=(), /)"
 * for list), or with doc its __doc__; NULL when it has none (slots.c, from
 * runtime/signatures.h). */
const char *rt_type_text(const ObjType *t, bool doc);
/* The same for the builtin function or method owner.name ("builtins.len",
 * "list.append": owner is a module's name or a type's tp_name). */
const char *rt_builtin_text(const char *owner, const char *name, bool doc);
/* The same for the slot wrapper of that name ("__next__"), as any type has it. */
const char *rt_slot_text(const char *name, bool doc);
/* object's non-slot methods (__format__, __init_subclass__, ...). */
void rt_slots_object_methods(void);
/* Call the dunder `name` found on type(self)'s MRO with self first;
 * VAL_NULL and *found = false (no exception) when absent. */
Value rt_call_dunder(Value self, Value name, Value *args, size_t nargs, bool *found);
/* type(self)'s __next__ slot, but a class's __next__ raising StopIteration
 * leaves it raised (the next slot takes it: exhausted), so that `yield from`
 * gets its value. */
Value rt_next_keep_stop(Value self);

/* ---- genericalias.c ---- */
/* types.GenericAlias: list[int] records origin list and args (int,). */
extern ObjType rt_generic_alias_type;
Value rt_generic_alias_new(Value origin, Value args);
bool rt_is_generic_alias(Value v);              /* an instance, subclasses too */
/* Give a builtin class the __class_getitem__ that makes GenericAliases
 * (list, dict, ... get it at start-up; stdlib types call this). */
void rt_type_add_class_getitem(ObjType *type);
/* What GenericAlias and UnionType share: the type variables of an
 * argument tuple (__parameters__); those variables replaced by the values
 * of a subscript (self only names the alias in errors); one argument
 * written as in a repr ("int", "mod.C", "list[int]", "..."). */
Value rt_ga_make_parameters(Value args);
Value rt_ga_subs_parameters(Value self, Value args, Value params, Value item);
bool rt_ga_add_item_repr(StrBuf *sb, Value item);
void rt_genericalias_init(void);

/* ---- union.c ---- */
/* types.UnionType: int | str. */
extern ObjType rt_union_type;
/* The binop slot of type, GenericAlias and UnionType: a | b for NB_OR
 * when both are classes, None, generic aliases or unions, else
 * NotImplemented. */
Value rt_union_or(Value a, Value b, int op);
bool rt_is_union(Value v);
Value rt_union_args(Value u);                   /* the tuple of its members */
void rt_union_init(void);

/* ---- template.c ---- */
/* string.templatelib's types (3.14's t-strings). */
extern ObjType rt_template_type, rt_interpolation_type;
/* BUILD_TEMPLATE: a tuple of strings, one more than the tuple of
 * interpolations. */
Value rt_template_new(Value strings, Value interpolations);
/* BUILD_INTERPOLATION: conversion 0 (none), 1 (!s), 2 (!r) or 3 (!a);
 * format_spec VAL_NULL for none. */
Value rt_interpolation_new(Value value, Value expression, int conversion, Value format_spec);
void rt_template_init(void);

/* ---- mappingproxy.c ---- */
/* The read-only view C.__dict__ gives of a class's namespace. */
extern ObjType rt_mappingproxy_type;
Value rt_mappingproxy_new(Value mapping);
void rt_mappingproxy_init(void);

/* ---- descr.c ---- */
extern ObjType rt_property_type, rt_classmethod_type, rt_staticmethod_type,
    rt_member_type, rt_getset_type;
Value rt_classmethod_new(Value func);
Value rt_staticmethod_new(Value func);
/* A __slots__ member stored at `offset` in instances of owner. */
Value rt_member_new(Value name, ObjType *owner, size_t offset);
/* One of a str subclass's __slots__: stored `offset` bytes after the
 * instance's dict word (rt_var_dict_slot), where its text ends. */
Value rt_member_new_tail(Value name, ObjType *owner, size_t offset);
/* Where a writable __slots__-style member (a Value, unset reading as
 * AttributeError) keeps its field in instances of type, or -1 for any
 * other descriptor, and for a member of a class type does not derive from
 * (LOAD_ATTR_SLOT, STORE_ATTR_SLOT). */
int64_t rt_member_slot_offset(Value descr, ObjType *type);
/* The descriptors of one MemberDef / GetSetDef entry (object.h) of owner. */
Value rt_member_from_def(const MemberDef *def, ObjType *owner);
Value rt_getset_new(const GetSetDef *def, ObjType *owner);
/* A getset descriptor: def's getter and setter, for instances of owner and
 * its subtypes.  Visible here so that LOAD_ATTR_GETSET, once its guard has
 * proved the descriptor one, calls the getter without a call to find it. */
typedef struct ObjGetSet {
    Object ob;
    const GetSetDef *def;
    ObjType *owner;
} ObjGetSet;
#define AS_GETSET(v) VAL_AS(ObjGetSet, v)
/* The definition behind a getset descriptor, or NULL for anything else. */
const GetSetDef *rt_getset_def(Value descr);
/* The getter of getset descriptor descr if it applies to instances of type
 * (LOAD_ATTR_GETSET's guard), else NULL. */
GetterFunc rt_getset_getter_for(Value descr, ObjType *type);
void rt_descr_init(void);

#endif
