/*
 * abstract.h — operations on any value, dispatched through type slots.
 *
 * The eval loop calls these for everything its fast paths do not cover.
 * Each one tries the slot of the operand's type and turns a missing slot into
 * the TypeError text CPython 3.11 prints.  All follow error.h's convention.
 */
#ifndef PVM_ABSTRACT_H
#define PVM_ABSTRACT_H

#include "object.h"

Value rt_repr(Value v);                 /* a str */
/* Inside a repr slot: is this object's repr already running further out?
 * (CPython's Py_ReprEnter.)  list, dict, tuple and set get their [...]
 * from rt_repr itself; other containers (deque, OrderedDict, dict views)
 * ask this and print their own placeholder. */
bool rt_repr_reentered(Value v);
/* The reprs in progress, innermost first: the running thread's (vm/thread.h). */
typedef struct RtReprLink {
    Value obj;
    struct RtReprLink *outer;
} RtReprLink;
extern RtReprLink *rt_repr_active;
Value rt_str(Value v);                  /* a str */
Value rt_ascii(Value v);
intptr_t rt_hash(Value v);              /* -1 on error ("unhashable type: 'list'") */
intptr_t rt_hash_as(Value v, const char *what);    /* 3.14: "cannot use 'list' as a dict key (...)" */
Value rt_type_fullname(ObjType *t);     /* CPython's %T: "int", "mod.Class" */
int rt_truthy(Value v);                 /* 0/1, -1 on error */

/* Rich comparison with CPython's reflection rules; result is any value. */
Value rt_richcompare(Value a, Value b, int op);
/* Comparison reduced to a truth value: 0/1, -1 on error.  rt_eq is the
 * identity-then-== test containers use (x is y or x == y). */
int rt_compare_bool(Value a, Value b, int op);
int rt_eq(Value a, Value b);

/* BINARY_OP: op is any of the 26 NB_* values (in-place ones included), or
 * NB_DIVMOD for divmod(). */
Value rt_binary_op(Value a, Value b, int op);
/* pow(base, exp, mod) with a modulus (CPython's ternary_op). */
Value rt_ternary_power(Value base, Value exp, Value mod);
Value rt_unary_op(Value v, int op);     /* UN_NEG ... UN_ABS */
extern const char *const rt_binop_symbols[];   /* "+", "&", ..., "+=", ..., "divmod()" */
extern const char *const rt_cmp_symbols[];     /* "<", "<=", ... */

Value rt_getitem(Value obj, Value key);
int rt_setitem(Value obj, Value key, Value v);
int rt_delitem(Value obj, Value key);
ssize_t rt_len(Value v);
int rt_contains(Value container, Value item);  /* `item in container` */

Value rt_iter(Value v);
/* How many items o will likely give (operator.length_hint): len(o), else
 * o.__length_hint__(), else dflt; -1 on error. */
ssize_t rt_length_hint(Value o, ssize_t dflt);
/* Next item; VAL_NULL with no exception set when the iterator is exhausted. */
Value rt_next(Value iter);

/* Attributes.  name must be a str (interned names compare fastest). */
Value rt_getattr(Value obj, Value name);
Value rt_getattr_cstr(Value obj, const char *name);
int rt_setattr(Value obj, Value name, Value v);
int rt_delattr(Value obj, Value name);
/* The default attribute protocol (CPython's PyObject_GenericGetAttr):
 * data descriptors on the type, then the instance dict (type->dict_offset),
 * then other type attributes (binding functions and methods).  Types with
 * their own getattr slot call these as a fallback. */
Value rt_generic_getattr(Value obj, Value name);
/* The same, but a missing attribute is VAL_NULL with no exception set
 * (rt_lookup_attr's fast path: no AttributeError made to be dropped). */
Value rt_generic_lookup_attr(Value obj, Value name);
/* Where obj keeps its instance dict (a Value slot holding an ObjDict, or
 * VAL_NULL until first use); NULL when its type gives it none.  Honours
 * RT_DICT_OFFSET_VAR (containers.h). */
Value *rt_instance_dict_slot(Value obj);
/* The same slot as it is: it may hold an ObjValues (object.h), which only
 * the code that knows them may read (and a collector's walk). */
Value *rt_instance_dict_slot_raw(Value obj);
/* The values in *slot: name's value, or VAL_NULL when they lack it (name
 * an exact str); a store returns name's index in them, or -1 when the
 * values became a dict in *slot (the caller then stores into that). */
Value rt_values_get(Value values, Value name);
int64_t rt_values_index(Value values, Value name);     /* < its len, or -1 */
int64_t rt_values_store(Value *slot, Value name, Value v);
/* Replace the values in *slot by a dict of the same items, in order.
 * `adding`: a name is about to be stored (room for RT_INSTANCE_DICT_ROOM
 * entries at least); else the dict is made at its size (__dict__ read:
 * pickle's and copy's state), with that room only when empty. */
Value rt_values_to_dict(Value *slot, bool adding);
int rt_generic_setattr(Value obj, Value name, Value v);
/* The __dict__ getset of objects with an instance dict (GetSetDef's get
 * and set): the dict, made on first need; assigning needs a dict. */
Value rt_generic_dict_get(Value obj);
int rt_generic_dict_set(Value obj, Value v);
/* AttributeError "'int' object has no attribute 'x'"; returns VAL_NULL. */
Value rt_no_attribute(Value obj, Value name);
/* Like getattr but AttributeError → VAL_NULL with no exception set. */
Value rt_lookup_attr(Value obj, Value name);
/* Attribute lookup on a type's MRO only (no descriptors run); VAL_NULL, no
 * exception, when absent. */
Value rt_type_lookup(ObjType *type, Value name);
/* For LOAD_METHOD: if obj.name is a plain method found on the type, store the
 * unbound callable in *method and return 1 (call with obj as first arg);
 * otherwise store the attribute value and return 0; -1 on error. */
int rt_get_method(Value obj, Value name, Value *method);

/* format(value, spec) — __format__ for builtin types (format.c). */
Value rt_format(Value v, Value spec);

/* Convert to a C index: ints (and bools) only, "TypeError: ... indices must be
 * integers" handled by callers.  Returns -1 with *ok=false on error. */
bool rt_as_ssize(Value v, ssize_t *out);      /* false + exception on error */
bool rt_index_ssize(Value v, ssize_t *out);   /* the same, too large: OverflowError */
/* __index__: an int from an int-like value, or TypeError.  VAL_NULL on error. */
Value rt_index(Value v);
/* PyNumber_Check: an int, float or complex, or anything with __index__,
 * __int__ or __float__ (what count(), %d and csv take for numbers). */
bool rt_number_check(Value v);

/* Calls (abstract.c).  args[0..nargs) positional then keyword values. */
Value rt_call(Value callable, Value *args, size_t nargs, Value kwnames);
Value rt_call0(Value callable);
Value rt_call1(Value callable, Value a);
Value rt_call2(Value callable, Value a, Value b);
/* Call m, which the caller found on type(self)'s MRO, as a method of self:
 * a descriptor that is no plain function is bound by its __get__ first
 * (slots.c). */
Value rt_call_found(Value m, Value self, Value *args, size_t nargs);
/* callable(*args_tuple, **kwargs_dict); kwargs may be VAL_NULL. */
Value rt_call_tuple_dict(Value callable, Value args, Value kwargs);
/* Its arguments as one vector (*vec, *nargs) and the keywords' names
 * (*kwnames, VAL_NULL without keywords); false + TypeError for a key that
 * is not a str. */
bool rt_call_flatten(Value args, Value kwargs, Value **vec, size_t *nargs, Value *kwnames);
bool rt_callable(Value v);

/* Types. */
/* Fill in bases/mro/dict for a static type and add its methods.  Call once
 * at start-up for every builtin type. */
typedef struct MethodDef {
    const char *name;
    NativeFunc fn;
    /* 0: an ordinary method (a method_descriptor), args[0] is self.
     * RT_METH_CLASS: a class method (dict.fromkeys, int.from_bytes): read
     * from the class or an instance it binds to the class, so args[0] is
     * the class.  RT_METH_STATIC: a static method (str.maketrans): no
     * self or class at all. */
    int flags;
} MethodDef;
enum { RT_METH_CLASS = 1, RT_METH_STATIC = 2 };
void rt_type_ready(ObjType *type, const MethodDef *methods);
/* Add methods (a NULL-terminated table) to a type's dict. */
void rt_type_add_methods(ObjType *type, const MethodDef *methods);
/* Add a class attribute to a (ready) type's dict. */
void rt_type_set(ObjType *type, const char *name, Value v);
/* What `name` is along type's MRO when the builtin types' tables can say
 * without filling a pending dict (object.c, "Looking names up without
 * filling"): a plain method or a getset of a type whose dict is pending,
 * every type before it pending too and without the name; both NULL when
 * the tables cannot say. */
typedef struct PendingDef {
    const MethodDef *method;
    const GetSetDef *getset;
} PendingDef;
PendingDef rt_pending_find(const ObjType *type, Value name);
/* The C function obj.name() would call, found that way (and no instance
 * attribute of that name), or NULL: look it up the ordinary way. */
NativeFunc rt_pending_method(Value obj, Value name);

/* Builtin function objects. */
Value rt_builtin_new(const char *name, NativeFunc fn, Value self);

/* Pickling (reduce.c): what a builtin type's __reduce__ returns is
 * (callable, args) or, with a state, (callable, args, state) — state
 * VAL_NULL for the short form; rt_reduce_builtin names the callable in
 * builtins ("iter", "reversed").  rt_setstate_index: a __setstate__
 * position clamped to [lo, hi]; false with TypeError for a non-int. */
Value rt_reduce_value(Value callable, Value args, Value state);
Value rt_reduce_builtin(const char *name, Value args, Value state);
/* An index-based iterator over seq: (iter, (seq,), index), or once
 * exhausted (seq VAL_NULL) (iter, (empty,)). */
Value rt_reduce_iter(Value seq, Value empty, size_t index);
/* (iter, (list,)) with the items an iterator of `size` bytes has left,
 * taken from a copy of it (dict and set iterators pickle this way). */
Value rt_reduce_remaining(Value iter, size_t size);
bool rt_setstate_index(Value state, ssize_t lo, ssize_t hi, ssize_t *out);
/* obj.__getstate__() (CPython's _PyObject_GetState): by default the
 * instance dict, None when it has none. */
Value rt_object_getstate(Value obj);
void rt_reduce_init(void);


#endif
