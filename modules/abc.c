/*
 * abc.c — the `_abc` accelerator, after CPython 3.11's Modules/_abc.c.
 * CPython's Lib/abc.py builds ABCMeta on these functions when `_abc`
 * imports (else it falls back to Lib/_py_abc.py):
 *
 *   _abc_init(cls)                 cls.__abstractmethods__, cls._abc_impl
 *   _abc_register(cls, sub)        ABC.register(sub)
 *   _abc_instancecheck(cls, obj)   isinstance(obj, ABC)
 *   _abc_subclasscheck(cls, sub)   issubclass(sub, ABC)
 *   _get_dump, _reset_registry, _reset_caches, get_cache_token
 *
 * Each ABC keeps, in an `_abc._abc_data` object stored as cls._abc_impl,
 * three sets of weak references to classes: the registry (register()),
 * the positive cache and the negative cache of issubclass answers.  A
 * weak set entry removes itself when its class dies (its callback is
 * bound to a weak reference to the set).  register() bumps a global
 * counter that invalidates every negative cache — get_cache_token() is
 * that counter, which functools.singledispatch watches.
 */
#include <string.h>
#include "modules/modutil.h"
#include "runtime/class.h"
#include "runtime/weakref.h"

typedef struct {
    Object ob;
    Value registry, cache, negative_cache;  /* sets of weakrefs, or VAL_NULL */
    uint64_t negative_cache_version;
} ObjAbcData;
static ObjType abc_data_type;
static uint64_t invalidation_counter;

#define DATA(v) VAL_AS(ObjAbcData, v)

/* ---- sets of weak references --------------------------------------------------------- */

/* The callback of a weak set's entries: self is a weak reference to the
 * set, args[1] the entry whose class died. */
static Value weak_set_remove(Value *args, size_t nargs, Value kw)
{
    Value set = rt_weakref_target(args[0]);
    if (set == VAL_NULL)
        return rt_None;
    return mod_call_method(set, "discard", &args[1], 1);
}

/* obj in set (as a weak reference); an object that cannot be weakly
 * referenced is in no weak set. */
static int in_weak_set(Value set, Value obj)
{
    if (set == VAL_NULL || rt_len(set) == 0)
        return 0;
    Value r = rt_weakref_new(&rt_weakref_type, obj, VAL_NULL);
    if (r == VAL_NULL) {
        if (!rt_err_matches(&rt_TypeError))
            return -1;
        rt_err_clear();
        return 0;
    }
    return rt_set_contains(set, r);
}

static bool add_to_weak_set(Value *set, Value obj)
{
    if (*set == VAL_NULL)
        *set = rt_set_new();
    Value set_ref = rt_weakref_new(&rt_weakref_type, *set, VAL_NULL);
    Value remove = rt_builtin_new("_destroy", weak_set_remove, set_ref);
    Value r = rt_weakref_new(&rt_weakref_type, obj, remove);
    return r != VAL_NULL && rt_set_add(*set, r);
}

static Value set_copy(Value set)
{
    return set == VAL_NULL ? rt_set_new() : rt_set_from_iterable(set);
}

/* ---- the per-class data --------------------------------------------------------------- */

/* cls._abc_impl, which must be an _abc_data. */
static ObjAbcData *impl_of(Value cls)
{
    Value impl = rt_getattr_cstr(cls, "_abc_impl");
    if (impl == VAL_NULL)
        return NULL;
    if (val_type(impl) != &abc_data_type) {
        rt_raisef(&rt_TypeError, "_abc_impl is set to a wrong type");
        return NULL;
    }
    return DATA(impl);
}

/* getattr(value, "__isabstractmethod__", False), as a truth value. */
static int is_abstract(Value value)
{
    Value flag = rt_lookup_attr(value, RT_NAME("__isabstractmethod__"));
    if (flag == VAL_NULL)
        return rt_err_occurred() ? -1 : 0;
    return rt_truthy(flag);
}

/* Add `name` to `abstracts` when value (the class's attribute) is abstract. */
static bool note_if_abstract(Value abstracts, Value name, Value value)
{
    int r = is_abstract(value);
    return r == 0 || (r > 0 && rt_set_add(abstracts, name));
}

/* cls.__abstractmethods__: the abstract names of its own namespace, and
 * those of its bases' __abstractmethods__ it has not overridden. */
static bool compute_abstract_methods(Value cls)
{
    Value abstracts = rt_set_new();
    Value ns = rt_getattr_cstr(cls, "__dict__");
    Value keys = ns ? rt_sequence_to_list(ns) : VAL_NULL;
    if (keys == VAL_NULL)
        return false;
    for (size_t i = 0; i < AS_LIST(keys)->length; i++) {
        Value name = AS_LIST(keys)->items[i], value = rt_getitem(ns, name);
        if (value == VAL_NULL || !note_if_abstract(abstracts, name, value))
            return false;
    }
    Value bases = rt_getattr_cstr(cls, "__bases__");
    if (bases == VAL_NULL)
        return false;
    if (!is_tuple(bases)) {
        rt_raisef(&rt_TypeError, "__bases__ is not tuple");
        return false;
    }
    for (size_t i = 0; i < rt_tuple_len(bases); i++) {
        Value inherited = rt_lookup_attr(rt_tuple_get(bases, i),
                                         RT_NAME("__abstractmethods__"));
        if (inherited == VAL_NULL) {
            if (rt_err_occurred())
                return false;
            continue;
        }
        Value it = rt_iter(inherited), name;
        if (it == VAL_NULL)
            return false;
        while ((name = rt_next(it)) != VAL_NULL) {
            Value value = rt_lookup_attr(cls, name);
            if (value == VAL_NULL && rt_err_occurred())
                return false;
            if (value != VAL_NULL && !note_if_abstract(abstracts, name, value))
                return false;
        }
        if (rt_err_occurred())
            return false;
    }
    Value frozen = rt_call1(obj_val(&rt_frozenset_type), abstracts);
    return frozen != VAL_NULL &&
           rt_setattr(cls, RT_NAME("__abstractmethods__"), frozen) == 0;
}

/* ---- the functions ---------------------------------------------------------------------- */

/* CPython's Py_TPFLAGS_SEQUENCE and _MAPPING, the bits __abc_tpflags__ holds. */
enum { TPFLAGS_SEQUENCE = 1 << 5, TPFLAGS_MAPPING = 1 << 6,
       TPFLAGS_COLLECTION = TPFLAGS_SEQUENCE | TPFLAGS_MAPPING };

static uint32_t match_flag(int64_t bits)
{
    return (bits & TPFLAGS_SEQUENCE ? TF_MATCH_SEQUENCE : 0) |
           (bits & TPFLAGS_MAPPING ? TF_MATCH_MAPPING : 0);
}

static Value abc_init(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_abc._abc_init", nargs, kw))
        return VAL_NULL;
    Value cls = args[0];
    if (!compute_abstract_methods(cls))
        return VAL_NULL;
    ObjAbcData *data = gc_alloc(sizeof *data);
    data->ob.type = &abc_data_type;
    data->negative_cache_version = invalidation_counter;
    if (rt_setattr(cls, RT_NAME("_abc_impl"), obj_val(data)) < 0)
        return VAL_NULL;
    /* _collections_abc marks Sequence and Mapping with __abc_tpflags__
     * (CPython's bit numbers) for pattern matching: the mark becomes the
     * class's flag and is removed. */
    if (rt_isinstance_of(cls, &rt_type_type)) {
        Value dict = rt_type_dict(AS_TYPE(cls));
        Value mark = rt_dict_get_cstr(dict, "__abc_tpflags__");
        if (mark != VAL_NULL) {
            if (val_type(mark) == &rt_int_type) {
                int64_t bits;
                if (!rt_int_as_i64(mark, &bits))
                    return VAL_NULL;
                if ((bits & TPFLAGS_COLLECTION) == TPFLAGS_COLLECTION)
                    return rt_raisef(&rt_TypeError, "__abc_tpflags__ cannot be both "
                                     "Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
                AS_TYPE(cls)->flags |= match_flag(bits);
            }
            if (rt_dict_del(dict, RT_NAME("__abc_tpflags__")) < 0)
                return VAL_NULL;
        }
    }
    return rt_None;
}

/* A class registered with a sequence or mapping ABC takes its flag, and so
 * do its subclasses, unless builtin or already so flagged (CPython's
 * set_collection_flag_recursive). */
static bool set_match_flag(Value sub, uint32_t flag)
{
    ObjType *t = AS_TYPE(sub);
    if (!rt_is_heaptype(t) || (t->flags & TF_MATCH_COLLECTION) == flag)
        return true;
    t->flags = (t->flags & ~TF_MATCH_COLLECTION) | flag;
    Value children = mod_call_method(sub, "__subclasses__", NULL, 0);
    if (children == VAL_NULL)
        return false;
    for (size_t i = 0; i < AS_LIST(children)->length; i++)
        if (!set_match_flag(AS_LIST(children)->items[i], flag))
            return false;
    return true;
}

/* issubclass(a, b) through the builtin, so metaclass hooks run: -1 on error. */
static int issubclass(Value a, Value b)
{
    Value r = rt_call2(rt_dict_get_cstr(rt_builtins_dict, "issubclass"), a, b);
    return r == VAL_NULL ? -1 : r == rt_True;
}

static Value abc_register(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_abc_register", kw) || !rt_arg_range("_abc_register", nargs, 2, 2))
        return VAL_NULL;
    Value cls = args[0], sub = args[1];
    if (!rt_isinstance_of(sub, &rt_type_type))
        return rt_raisef(&rt_TypeError, "Can only register classes");
    int r = issubclass(sub, cls);
    if (r != 0)
        return r < 0 ? VAL_NULL : sub;          /* already a subclass */
    /* Cycles are refused only now, so X.register(X) is a no-op. */
    if ((r = issubclass(cls, sub)) != 0)
        return r < 0 ? VAL_NULL : rt_raisef(&rt_RuntimeError,
                                            "Refusing to create an inheritance cycle");
    ObjAbcData *data = impl_of(cls);
    if (data == NULL || !add_to_weak_set(&data->registry, sub))
        return VAL_NULL;
    invalidation_counter++;                     /* every negative cache is stale */
    uint32_t flag = rt_isinstance_of(cls, &rt_type_type) ?
                    AS_TYPE(cls)->flags & TF_MATCH_COLLECTION : 0;
    if (flag != 0 && !set_match_flag(sub, flag))
        return VAL_NULL;
    return sub;
}

static Value call_subclasscheck(Value cls, Value sub)
{
    return mod_call_method(cls, "__subclasscheck__", &sub, 1);
}

static Value abc_instancecheck(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_abc_instancecheck", kw) ||
        !rt_arg_range("_abc_instancecheck", nargs, 2, 2))
        return VAL_NULL;
    Value cls = args[0], obj = args[1];
    ObjAbcData *data = impl_of(cls);
    if (data == NULL)
        return VAL_NULL;
    Value sub = rt_getattr_cstr(obj, "__class__");
    if (sub == VAL_NULL)
        return VAL_NULL;
    int r = in_weak_set(data->cache, sub);
    if (r != 0)
        return r < 0 ? VAL_NULL : rt_True;
    Value type = obj_val(val_type(obj));
    if (sub == type) {
        if (data->negative_cache_version == invalidation_counter &&
            (r = in_weak_set(data->negative_cache, sub)) != 0)
            return r < 0 ? VAL_NULL : rt_False;
        return call_subclasscheck(cls, sub);
    }
    Value result = call_subclasscheck(cls, sub);
    if (result == VAL_NULL || (r = rt_truthy(result)) != 0)
        return r < 0 ? VAL_NULL : result;
    return call_subclasscheck(cls, type);
}

/* Step 5 of the subclass check: sub is a subclass of a registered class.
 * The registry is copied first: a callback may shrink it meanwhile. */
static int in_registry(ObjAbcData *data, Value sub)
{
    if (data->registry == VAL_NULL)
        return 0;
    Value refs = rt_sequence_to_list(data->registry);
    if (refs == VAL_NULL)
        return -1;
    for (size_t i = 0; i < AS_LIST(refs)->length; i++) {
        Value registered = rt_weakref_target(AS_LIST(refs)->items[i]);
        int r = registered != VAL_NULL ? issubclass(sub, registered) : 0;
        if (r != 0)
            return r;
    }
    return 0;
}

/* Step 6: sub is a subclass of one of cls's subclasses. */
static int in_subclasses(Value cls, Value sub)
{
    Value subclasses = mod_call_method(cls, "__subclasses__", NULL, 0);
    Value list = subclasses ? rt_sequence_to_list(subclasses) : VAL_NULL;
    if (list == VAL_NULL)
        return -1;
    for (size_t i = 0; i < AS_LIST(list)->length; i++) {
        int r = issubclass(sub, AS_LIST(list)->items[i]);
        if (r != 0)
            return r;
    }
    return 0;
}

/* Remember the answer r (0/1) in the cache it belongs to. */
static Value remember(ObjAbcData *data, Value sub, int r)
{
    if (r < 0 || !add_to_weak_set(r ? &data->cache : &data->negative_cache, sub))
        return VAL_NULL;
    return rt_bool(r);
}

/* issubclass(sub, cls): the caches, the hook, the MRO, the registry, the
 * subclasses, in CPython's order.  A class registered directly is the one
 * answer not cached (the registry itself answers it again). */
static Value abc_subclasscheck(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_abc_subclasscheck", kw) ||
        !rt_arg_range("_abc_subclasscheck", nargs, 2, 2))
        return VAL_NULL;
    Value cls = args[0], sub = args[1];
    if (!rt_isinstance_of(sub, &rt_type_type))
        return rt_raisef(&rt_TypeError, "issubclass() arg 1 must be a class");
    ObjAbcData *data = impl_of(cls);
    if (data == NULL)
        return VAL_NULL;
    int r = in_weak_set(data->cache, sub);
    if (r != 0)
        return r < 0 ? VAL_NULL : rt_True;
    if (data->negative_cache_version < invalidation_counter) {
        data->negative_cache = VAL_NULL;
        data->negative_cache_version = invalidation_counter;
    } else if ((r = in_weak_set(data->negative_cache, sub)) != 0) {
        return r < 0 ? VAL_NULL : rt_False;
    }
    Value ok = mod_call_method(cls, "__subclasshook__", &sub, 1);
    if (ok == VAL_NULL)
        return VAL_NULL;
    if (ok == rt_True || ok == rt_False)
        return remember(data, sub, ok == rt_True);
    if (ok != rt_NotImplemented)
        return rt_raisef(&rt_AssertionError, "__subclasshook__ must return either False, "
                         "True, or NotImplemented");
    ObjTuple *mro = AS_TUPLE(AS_TYPE(sub)->mro);
    for (size_t i = 0; i < mro->length; i++)
        if (mro->items[i] == cls)
            return remember(data, sub, 1);
    if ((r = in_weak_set(data->registry, sub)) != 0)
        return r < 0 ? VAL_NULL : rt_True;
    if ((r = in_registry(data, sub)) == 0)
        r = in_subclasses(cls, sub);
    return remember(data, sub, r);
}

/* The data of the one class argument of _get_dump and _reset_*. */
static ObjAbcData *data_arg(const char *fname, size_t nargs, Value kw, Value *args)
{
    return rt_arg_one(fname, nargs, kw) ? impl_of(args[0]) : NULL;
}

/* (registry, cache, negative cache, negative cache version): copies. */
static Value abc_get_dump(Value *args, size_t nargs, Value kw)
{
    ObjAbcData *data = data_arg("_abc._get_dump", nargs, kw, args);
    if (data == NULL)
        return VAL_NULL;
    return rt_tuple_pack(4, set_copy(data->registry), set_copy(data->cache),
                         set_copy(data->negative_cache),
                         rt_int_from_u64(data->negative_cache_version));
}

static Value abc_reset_registry(Value *args, size_t nargs, Value kw)
{
    ObjAbcData *data = data_arg("_abc._reset_registry", nargs, kw, args);
    if (data == NULL)
        return VAL_NULL;
    data->registry = VAL_NULL;
    return rt_None;
}

static Value abc_reset_caches(Value *args, size_t nargs, Value kw)
{
    ObjAbcData *data = data_arg("_abc._reset_caches", nargs, kw, args);
    if (data == NULL)
        return VAL_NULL;
    data->cache = data->negative_cache = VAL_NULL;
    return rt_None;
}

static Value abc_get_cache_token(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_abc.get_cache_token", nargs, kw))
        return VAL_NULL;
    return rt_int_from_u64(invalidation_counter);
}

static const MethodDef abc_functions[] = {
    {"_abc_init", abc_init}, {"_abc_register", abc_register},
    {"_abc_instancecheck", abc_instancecheck}, {"_abc_subclasscheck", abc_subclasscheck},
    {"_get_dump", abc_get_dump}, {"_reset_registry", abc_reset_registry},
    {"_reset_caches", abc_reset_caches}, {"get_cache_token", abc_get_cache_token},
    {NULL, NULL}
};

static ObjType abc_data_type = {
    .ob.type = &rt_type_type, .name = "_abc._abc_data",
};

Value mod__abc_init(void)
{
    Value m = mod_module_new("_abc", abc_functions);
    mod_module_set(m, "__doc__", rt_str_from_cstr("Module contains faster C implementation "
                                                  "of abc.ABCMeta"));
    if (abc_data_type.mro == VAL_NULL)
        rt_type_ready(&abc_data_type, NULL);
    return m;
}
