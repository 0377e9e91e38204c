/*
 * mappingproxy.c — a read-only view of a mapping: what `C.__dict__`,
 * `vars(C)` and `types.MappingProxyType(d)` give.
 *
 * A class's namespace is a real dict (the one ObjType.dict holds), and
 * changing it behind the class's back would skip what `C.x = v` must do
 * (slots.c re-derives the C slots when a dunder changes).  So Python code
 * sees it only through this proxy, which reads through to the dict and
 * refuses to write: `C.__dict__['x'] = 1` is "'mappingproxy' object does
 * not support item assignment", and setattr(C, 'x', 1) is the way in.
 */
#include "runtime/runtime.h"
#include "runtime/class.h"
#include "runtime/version.h"

typedef struct ObjMappingProxy {
    Object ob;
    Value mapping;
} ObjMappingProxy;

#define MAPPING(v) (VAL_AS(ObjMappingProxy, v)->mapping)

Value rt_mappingproxy_new(Value mapping)
{
    ObjMappingProxy *p = gc_alloc(sizeof *p);
    p->ob.type = &rt_mappingproxy_type;
    p->mapping = mapping;
    return obj_val(p);
}

/* types.MappingProxyType(mapping): anything with __getitem__ but a list or
 * a tuple (CPython's mappingproxy_check_mapping). */
static Value mappingproxy_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "mapping" };
    static const ArgSpec spec = { "mappingproxy", names, 1, 0, 1, 1, false };
    Value m;
    if (!rt_parse_args(&spec, args, nargs, kwnames, &m))
        return VAL_NULL;
    ObjType *t = val_type(m);
    if (t->getitem == NULL || rt_isinstance_of(m, &rt_list_type) ||
        rt_isinstance_of(m, &rt_tuple_type))
        return rt_raisef(&rt_TypeError, "mappingproxy() argument must be a mapping, not %s",
                         t->name);
    return rt_mappingproxy_new(m);
}

static Value mappingproxy_repr(Value self)
{
    return rt_str_format_c("mappingproxy(%R)", MAPPING(self));
}

/* print(C.__dict__) shows the dict itself. */
static Value mappingproxy_str(Value self) { return rt_str(MAPPING(self)); }

static Value mappingproxy_getitem(Value self, Value key) { return rt_getitem(MAPPING(self), key); }
static ssize_t mappingproxy_len(Value self) { return rt_len(MAPPING(self)); }
static Value mappingproxy_iter(Value self) { return rt_iter(MAPPING(self)); }

static int mappingproxy_contains(Value self, Value key)
{
    return rt_contains(MAPPING(self), key);
}

static Value mappingproxy_richcompare(Value a, Value b, int op)
{
    return rt_richcompare(MAPPING(a), b, op);
}

/* proxy | other and other | proxy: the mapping's own | (a new dict). */
static Value mappingproxy_binop(Value a, Value b, int op)
{
    if (op != NB_OR)
        return rt_NotImplemented;
    if (IS_EXACT(a, rt_mappingproxy_type))
        a = MAPPING(a);
    if (IS_EXACT(b, rt_mappingproxy_type))
        b = MAPPING(b);
    return rt_binary_op(a, b, NB_OR);
}

/* proxy |= other: refused (the proxy is read-only), where the fallback to
 * | would rebind the name to a new dict. */
static Value mappingproxy_inplace(Value a, Value b, int op)
{
    if (op != NB_OR)
        return rt_NotImplemented;
    return rt_raisef(&rt_TypeError, "'|=' is not supported by %s; use '|' instead",
                     val_type(a)->name);
}

/* get, keys, values, items, copy, __reversed__: the mapping's own method
 * of the same name, called with the same arguments. */
static Value forward(const char *name, Value *args, size_t nargs, Value kwnames)
{
    Value m = rt_getattr_cstr(MAPPING(args[0]), name);
    return m == VAL_NULL ? VAL_NULL : rt_call(m, args + 1, nargs - 1, kwnames);
}

#define FORWARD(fn, name, min, max)                                          \
    static Value fn(Value *args, size_t nargs, Value kwnames)                \
    {                                                                        \
        if (!rt_arg_nokw(name, kwnames) || !rt_arg_range(name, nargs - 1, min, max)) \
            return VAL_NULL;                                                 \
        return forward(name, args, nargs, kwnames);                          \
    }
FORWARD(mappingproxy_get, "get", 1, 2)
FORWARD(mappingproxy_keys, "keys", 0, 0)
FORWARD(mappingproxy_values, "values", 0, 0)
FORWARD(mappingproxy_items, "items", 0, 0)
FORWARD(mappingproxy_copy, "copy", 0, 0)

static Value mappingproxy_reversed(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reversed__", nargs - 1, kwnames))
        return VAL_NULL;
    Value reversed = rt_dict_get_cstr(rt_builtins_dict, "reversed");
    return rt_call1(reversed, MAPPING(args[0]));
}

static const MethodDef mappingproxy_methods[] = {
    {"get", mappingproxy_get}, {"keys", mappingproxy_keys},
    {"values", mappingproxy_values}, {"items", mappingproxy_items},
    {"copy", mappingproxy_copy}, {"__reversed__", mappingproxy_reversed},
    {NULL, NULL},
};

/* 3.12: the hash of the mapping (so unhashable as a dict is). */
static intptr_t mappingproxy_hash(Value self)
{
    return rt_hash(MAPPING(self));
}

ObjType rt_mappingproxy_type = {
    .ob.type = &rt_type_type, .name = "mappingproxy",
    .repr = mappingproxy_repr, .str = mappingproxy_str,
    .richcompare = mappingproxy_richcompare, .binop = mappingproxy_binop,
    .inplace = mappingproxy_inplace,
    .binop_ops = RT_OP_BIT(NB_OR), .getitem = mappingproxy_getitem,
    .len = mappingproxy_len, .iter = mappingproxy_iter, .contains = mappingproxy_contains,
    .new_ = mappingproxy_new, .flags = TF_MATCH_MAPPING,
};

void rt_mappingproxy_init(void)
{
    if (rt_py_minor >= 12)
        rt_mappingproxy_type.hash = mappingproxy_hash;
    rt_type_ready(&rt_mappingproxy_type, mappingproxy_methods);
    rt_type_add_class_getitem(&rt_mappingproxy_type);
}
