/*
 * collections_abc.c — collections.abc: the abstract container classes
 * (Iterable, Sequence, Mapping, ...) as types whose metatype, ABCMeta,
 * answers isinstance()/issubclass() the way CPython's abc machinery does
 * for builtin types:
 *   - the "one-trick ponies" (Iterable, Iterator, Sized, Container,
 *     Hashable, Callable, Reversible, Collection, Generator) check which
 *     methods or slots a type provides, as their __subclasshook__s do;
 *   - Sequence, Mapping, Set and their mutable forms hold the builtin
 *     types CPython registers (list, tuple, str, range, dict, set, ...)
 *     and any class registered later with ABC.register(cls).
 * isinstance(x, abc) calls type(abc).__instancecheck__(abc, x); the
 * builtins must route non-`type` metatypes there (see README).
 */
#include <string.h>
#include "modules/modutil.h"

enum {
    ABC_CONTAINER, ABC_HASHABLE, ABC_ITERABLE, ABC_ITERATOR, ABC_REVERSIBLE, ABC_GENERATOR,
    ABC_SIZED, ABC_CALLABLE, ABC_COLLECTION, ABC_SEQUENCE, ABC_MUTABLESEQUENCE,
    ABC_BYTESTRING, ABC_SET, ABC_MUTABLESET, ABC_MAPPING, ABC_MUTABLEMAPPING,
    ABC_MAPPINGVIEW, ABC_KEYSVIEW, ABC_ITEMSVIEW, ABC_VALUESVIEW, ABC_AWAITABLE,
    ABC_COROUTINE, ABC_ASYNCITERABLE, ABC_ASYNCITERATOR, ABC_COUNT
};

static const char *const abc_names[ABC_COUNT] = {
    "Container", "Hashable", "Iterable", "Iterator", "Reversible", "Generator", "Sized",
    "Callable", "Collection", "Sequence", "MutableSequence", "ByteString", "Set",
    "MutableSet", "Mapping", "MutableMapping", "MappingView", "KeysView", "ItemsView",
    "ValuesView", "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator",
};

static ObjType abcmeta_type;
static ObjType abc_types[ABC_COUNT];
static Value registry[ABC_COUNT];     /* lists of registered types */

static int abc_kind(ObjType *t)
{
    if (t < abc_types || t >= abc_types + ABC_COUNT)
        return -1;
    return (int)(t - abc_types);
}

static bool has_method(ObjType *t, const char *name)
{
    Value v = rt_type_lookup(t, rt_str_intern_cstr(name));
    return v != VAL_NULL && v != rt_None;
}

static bool registered(int kind, ObjType *t)
{
    if (registry[kind] == VAL_NULL)
        return false;
    ObjList *l = AS_LIST(registry[kind]);
    for (size_t i = 0; i < l->length; i++)
        if (rt_is_subtype(t, AS_TYPE(l->items[i])))
            return true;
    return false;
}

/* The abstract classes each one implies (Sequence is a Collection ...). */
static bool abc_subclass(int kind, ObjType *t)
{
    if (rt_is_subtype(t, &abc_types[kind]) || registered(kind, t))
        return true;
    switch (kind) {
    case ABC_CONTAINER: return t->contains != NULL || has_method(t, "__contains__") ||
                               abc_subclass(ABC_COLLECTION, t);
    case ABC_HASHABLE: return t->hash != NULL;
    case ABC_ITERABLE: return t->iter != NULL || has_method(t, "__iter__");
    case ABC_ITERATOR: return (t->next != NULL || has_method(t, "__next__")) &&
                              abc_subclass(ABC_ITERABLE, t);
    case ABC_REVERSIBLE: return has_method(t, "__reversed__") || abc_subclass(ABC_SEQUENCE, t);
    case ABC_GENERATOR: return has_method(t, "send") && has_method(t, "throw") &&
                               abc_subclass(ABC_ITERATOR, t);
    case ABC_SIZED: return t->len != NULL || has_method(t, "__len__");
    case ABC_CALLABLE: return t->call != NULL || has_method(t, "__call__");
    case ABC_COLLECTION:
        return (t->len != NULL || has_method(t, "__len__")) && abc_subclass(ABC_ITERABLE, t) &&
               (t->contains != NULL || has_method(t, "__contains__") ||
                abc_subclass(ABC_SEQUENCE, t) || abc_subclass(ABC_MAPPING, t) ||
                abc_subclass(ABC_SET, t));
    case ABC_SEQUENCE:
        return rt_is_subtype(t, &rt_tuple_type) || rt_is_subtype(t, &rt_str_type) ||
               rt_is_subtype(t, &rt_range_type) || rt_is_subtype(t, &rt_bytes_type) ||
               abc_subclass(ABC_MUTABLESEQUENCE, t);
    case ABC_MUTABLESEQUENCE:
        return rt_is_subtype(t, &rt_list_type) || rt_is_subtype(t, &rt_bytearray_type);
    case ABC_BYTESTRING:
        return rt_is_subtype(t, &rt_bytes_type) || rt_is_subtype(t, &rt_bytearray_type);
    case ABC_SET: return rt_is_subtype(t, &rt_frozenset_type) || abc_subclass(ABC_MUTABLESET, t);
    case ABC_MUTABLESET: return rt_is_subtype(t, &rt_set_type);
    case ABC_MAPPING: return abc_subclass(ABC_MUTABLEMAPPING, t);
    case ABC_MUTABLEMAPPING: return rt_is_subtype(t, &rt_dict_type);
    default: return false;
    }
}

static Value meta_instancecheck(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("__instancecheck__", nargs - 1, kw))
        return VAL_NULL;
    int kind = abc_kind(AS_TYPE(args[0]));
    if (kind < 0)
        return rt_bool(rt_isinstance_of(args[1], AS_TYPE(args[0])));
    return rt_bool(abc_subclass(kind, val_type(args[1])));
}

static Value meta_subclasscheck(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("__subclasscheck__", nargs - 1, kw))
        return VAL_NULL;
    if (!rt_isinstance_of(args[1], &rt_type_type))
        return rt_raisef(&rt_TypeError, "issubclass() arg 1 must be a class");
    int kind = abc_kind(AS_TYPE(args[0]));
    if (kind < 0)
        return rt_bool(rt_is_subtype(AS_TYPE(args[1]), AS_TYPE(args[0])));
    return rt_bool(abc_subclass(kind, AS_TYPE(args[1])));
}

static Value meta_register(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("register", nargs - 1, kw))
        return VAL_NULL;
    int kind = abc_kind(AS_TYPE(args[0]));
    if (!rt_isinstance_of(args[1], &rt_type_type))
        return rt_raisef(&rt_TypeError, "Can only register classes");
    if (kind >= 0) {
        if (registry[kind] == VAL_NULL)
            registry[kind] = rt_list_new(0);
        rt_list_append(registry[kind], args[1]);
    }
    return args[1];
}

void mod_abc_register(const char *abc, ObjType *t)
{
    for (int kind = 0; kind < ABC_COUNT; kind++)
        if (strcmp(abc_names[kind], abc) == 0 && !registered(kind, t)) {
            if (registry[kind] == VAL_NULL)
                registry[kind] = rt_list_new(0);
            rt_list_append(registry[kind], obj_val(t));
        }
}

static const MethodDef meta_methods[] = {
    {"__instancecheck__", meta_instancecheck}, {"__subclasscheck__", meta_subclasscheck},
    {"register", meta_register}, {NULL, NULL}
};

static ObjType abcmeta_type = {
    .ob.type = &rt_type_type, .name = "ABCMeta", .base = &rt_type_type,
};

Value mod_collections_abc_init(void)
{
    Value m = mod_module_new("collections.abc", NULL);
    if (abcmeta_type.mro == VAL_NULL) {
        rt_type_ready(&abcmeta_type, meta_methods);
        for (int i = 0; i < ABC_COUNT; i++) {
            ObjType *t = &abc_types[i];
            t->ob.type = &abcmeta_type;
            t->name = abc_names[i];
            t->flags = TF_BASETYPE;
            rt_type_ready(t, NULL);
        }
    }
    for (int i = 0; i < ABC_COUNT; i++)
        mod_module_set(m, abc_names[i], obj_val(&abc_types[i]));
    return m;
}
