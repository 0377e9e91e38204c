/*
 * namespace.c — types.SimpleNamespace: an object that is nothing but its
 * attributes.  `SimpleNamespace(a=1, b=2)` keeps a and b in its instance
 * dict, prints as `namespace(a=1, b=2)`, and equals another namespace with
 * an equal dict.  sys.implementation is one.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/class.h"

typedef struct ObjNamespace {
    Object ob;
    Value dict;
} ObjNamespace;

#define NS_DICT(v) (VAL_AS(ObjNamespace, v)->dict)

Value rt_namespace_new(Value dict)
{
    ObjNamespace *ns = gc_alloc(sizeof *ns);
    ns->ob.type = &rt_namespace_type;
    ns->dict = dict;
    return obj_val(ns);
}

/* The keyword arguments, into the namespace's dict. */
static bool take_kwargs(Value self, Value *args, size_t nargs, Value kwnames)
{
    size_t nkw = rt_nkwargs(kwnames), npos = nargs - nkw;
    if (npos > 0 && rt_py_minor < 13) {
        rt_raisef(&rt_TypeError, "no positional arguments expected");
        return false;
    }
    if (npos > 1) {
        const char *name = val_type(self)->name, *dot = strrchr(name, '.');
        rt_raisef(&rt_TypeError, "%s expected at most 1 argument, got %zu",
                  dot ? dot + 1 : name, npos);
        return false;
    }
    if (npos == 1) {                    /* 3.13: a mapping or iterable of pairs first */
        Value d = rt_call1(obj_val(&rt_dict_type), args[0]), k, v;
        if (d == VAL_NULL)
            return false;
        for (size_t pos = 0; rt_dict_next(d, &pos, &k, &v);) {
            if (!is_str(k)) {
                rt_raisef(&rt_TypeError, "keywords must be strings");
                return false;
            }
            if (!rt_dict_set(NS_DICT(self), k, v))
                return false;
        }
        args++;
    }
    for (size_t i = 0; i < nkw; i++)
        if (!rt_dict_set(NS_DICT(self), rt_tuple_get(kwnames, i), args[i]))
            return false;
    return true;
}

/* SimpleNamespace(**kwargs).  A subclass gets its attributes from
 * __init__ (which calling the class runs), as in CPython. */
static Value namespace_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    ObjNamespace *ns = rt_alloc_instance(type, sizeof(ObjNamespace));
    ns->dict = rt_dict_new();
    if (!rt_is_heaptype(type) && !take_kwargs(obj_val(ns), args, nargs, kwnames))
        return VAL_NULL;
    return obj_val(ns);
}

static Value namespace_init(Value *args, size_t nargs, Value kwnames)
{
    return take_kwargs(args[0], args + 1, nargs - 1, kwnames) ? rt_None : VAL_NULL;
}

/* namespace(a=1, b='x'); a subclass shows its own name; a namespace that
 * contains itself shows namespace(...). */
static Value namespace_repr(Value self)
{
    ObjType *t = val_type(self);
    const char *name = rt_is_heaptype(t) ? t->name : "namespace";
    if (rt_repr_reentered(self))
        return rt_str_format_c("%s(...)", name);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, name);
    sb_addc(&sb, '(');
    Value k, v;
    bool first = true;
    for (size_t i = 0; rt_dict_next(NS_DICT(self), &i, &k, &v); first = false) {
        if (!first)
            sb_adds(&sb, ", ");
        if (!sb_add_value_str(&sb, k))
            return VAL_NULL;
        sb_addc(&sb, '=');
        if (!sb_add_value_repr(&sb, v))
            return VAL_NULL;
    }
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

/* Two namespaces are equal when their dicts are. */
static Value namespace_richcompare(Value a, Value b, int op)
{
    if (!rt_isinstance_of(a, &rt_namespace_type) || !rt_isinstance_of(b, &rt_namespace_type))
        return rt_NotImplemented;
    return rt_richcompare(NS_DICT(a), NS_DICT(b), op);
}

/* copy and pickle: type(ns)(), then the dict as its state. */
static Value namespace_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_tuple_pack(3, obj_val(val_type(args[0])), rt_empty_tuple, NS_DICT(args[0]));
}

static const MethodDef namespace_methods[] = {
    {"__init__", namespace_init}, {"__reduce__", namespace_reduce},
    {NULL, NULL},
};

static const GetSetDef namespace_getsets[] = {
    {"__dict__", rt_generic_dict_get, rt_generic_dict_set},
    {NULL},
};

ObjType rt_namespace_type = {
    .ob.type = &rt_type_type, .name = "types.SimpleNamespace", .flags = TF_BASETYPE,
    .dict_offset = offsetof(ObjNamespace, dict), .instance_size = sizeof(ObjNamespace),
    .repr = namespace_repr, .richcompare = namespace_richcompare, .new_ = namespace_new,
    .getsets = namespace_getsets,
};

void rt_namespace_init(void)
{
    rt_type_ready(&rt_namespace_type, namespace_methods);
}
