/*
 * genericalias.c — types.GenericAlias: what list[int], dict[str, int] and
 * tuple[int, ...] evaluate to (PEP 585), following CPython 3.11's
 * Objects/genericaliasobject.c.
 *
 * A generic alias records the subscription — its origin (list) and its
 * arguments (a tuple) — prints as it was written, compares by both, and
 * otherwise behaves like its origin: calling list[int]() makes a list (and
 * tries to set the result's __orig_class__), list[int].append is
 * list.append: every attribute but a handful (attr_exceptions below) is
 * read from the origin.
 *
 * Type variables.  An argument with a __typing_subst__ method (typing's
 * TypeVar, ParamSpec, TypeVarTuple) is a *parameter*; __parameters__
 * collects them in order, from the arguments and from the arguments'
 * own __parameters__ (dict[T, list[S]] has (T, S)).  Subscripting the
 * alias substitutes them: dict[T, list[S]][int, str] is dict[int,
 * list[str]] (rt_ga_subs_parameters, shared with union.c).  Each
 * parameter may first regroup the values (__typing_prepare_subst__: a
 * TypeVarTuple gathers the ones it stands for into a tuple, which *Ts then
 * spreads), and *tuple[int, str] (an alias with __unpacked__ set, made by
 * iterating tuple[int, str]) spreads into the argument list.
 *
 * GenericAlias may be subclassed (collections.abc's Callable[[int], str]
 * is a _CallableGenericAlias), so instances are allocated through
 * rt_alloc_instance.  `|` makes a types.UnionType (union.c).
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/class.h"
#include "runtime/version.h"

typedef struct ObjGenericAlias {
    Object ob;
    Value origin;               /* the subscripted class */
    Value args;                 /* tuple */
    Value parameters;           /* tuple, computed on first use; VAL_NULL until then */
    bool starred;               /* *tuple[int, str]: __unpacked__ */
} ObjGenericAlias;

#define AS_GA(v) VAL_AS(ObjGenericAlias, v)

ObjType rt_generic_alias_type;
static ObjType ga_iter_type;

static Value s_origin, s_args, s_parameters, s_typing_subst, s_prepare_subst, s_unpacked_args,
    s_is_unpacked_tvt, s_orig_class, s_qualname, s_module;

bool rt_is_generic_alias(Value v)
{
    return rt_isinstance_of(v, &rt_generic_alias_type);
}

static Value ga_alloc(ObjType *type, Value origin, Value args, bool starred)
{
    ObjGenericAlias *ga = rt_alloc_instance(type, sizeof(ObjGenericAlias));
    ga->origin = origin;
    ga->args = rt_isinstance_of(args, &rt_tuple_type) ? args : rt_tuple_pack(1, args);
    ga->starred = starred;
    return obj_val(ga);
}

Value rt_generic_alias_new(Value origin, Value args)
{
    return ga_alloc(&rt_generic_alias_type, origin, args, false);
}

/* ---- repr: ga_repr_item of genericaliasobject.c ---------------------------------- */

/* getattr(v, name) where a missing attribute is not an error: 1 found,
 * 0 absent, -1 error. */
static int lookup(Value v, Value name, Value *out)
{
    *out = rt_lookup_attr(v, name);
    if (*out != VAL_NULL)
        return 1;
    return rt_err_occurred() ? -1 : 0;
}

/* One argument as written: "...", "int", "mod.Class", or its repr (which is
 * also how anything that looks like a generic alias, with __origin__ and
 * __args__, prints). */
bool rt_ga_add_item_repr(StrBuf *sb, Value p)
{
    if (p == rt_Ellipsis) {
        sb_adds(sb, "...");
        return true;
    }
    Value tmp, qualname, module;
    int r = lookup(p, s_origin, &tmp);
    if (r > 0)
        r = lookup(p, s_args, &tmp);
    if (r < 0)
        return false;
    if (r > 0)
        return sb_add_value_repr(sb, p);
    if ((r = lookup(p, s_qualname, &qualname)) < 0 ||
        (r > 0 && (r = lookup(p, s_module, &module)) < 0))
        return false;
    if (r == 0 || module == rt_None)
        return sb_add_value_repr(sb, p);
    if (!(is_str(module) && strcmp(rt_str_cstr(module), "builtins") == 0)) {
        if (!sb_add_value_str(sb, module))
            return false;
        sb_addc(sb, '.');
    }
    return sb_add_value_str(sb, qualname);
}

static Value ga_repr(Value self)
{
    ObjGenericAlias *ga = AS_GA(self);
    StrBuf sb;
    sb_init(&sb);
    if (ga->starred)
        sb_addc(&sb, '*');
    if (!rt_ga_add_item_repr(&sb, ga->origin))
        return VAL_NULL;
    sb_addc(&sb, '[');
    size_t n = rt_tuple_len(ga->args);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            sb_adds(&sb, ", ");
        Value arg = rt_tuple_get(ga->args, i);
        if (rt_py_minor >= 12 && IS_EXACT(arg, rt_list_type)) {
            /* 3.12: a ParamSpec's list of types, each item as written */
            sb_addc(&sb, '[');
            for (size_t j = 0; j < AS_LIST(arg)->length; j++) {
                if (j > 0)
                    sb_adds(&sb, ", ");
                if (!rt_ga_add_item_repr(&sb, AS_LIST(arg)->items[j]))
                    return VAL_NULL;
            }
            sb_addc(&sb, ']');
        } else if (!rt_ga_add_item_repr(&sb, arg)) {
            return VAL_NULL;
        }
    }
    if (n == 0)
        sb_adds(&sb, "()");                 /* tuple[()] */
    sb_addc(&sb, ']');
    return sb_finish(&sb);
}

/* ---- parameters: _Py_make_parameters ------------------------------------------------ */

static bool list_has(Value list, Value item)
{
    ObjList *l = AS_LIST(list);
    for (size_t i = 0; i < l->length; i++)
        if (l->items[i] == item)
            return true;
    return false;
}

/* The type variables of args, in order of first appearance. */
Value rt_ga_make_parameters(Value args)
{
    Value params = rt_list_new(0), subst, sub;
    for (size_t i = 0; i < rt_tuple_len(args); i++) {
        Value t = rt_tuple_get(args, i);
        int r = lookup(t, s_typing_subst, &subst);
        if (r < 0)
            return VAL_NULL;
        if (r > 0) {
            if (!list_has(params, t))
                rt_list_append(params, t);
            continue;
        }
        if ((r = lookup(t, s_parameters, &sub)) < 0)
            return VAL_NULL;
        if (r == 0 || !rt_isinstance_of(sub, &rt_tuple_type))
            continue;
        for (size_t j = 0; j < rt_tuple_len(sub); j++)
            if (!list_has(params, rt_tuple_get(sub, j)))
                rt_list_append(params, rt_tuple_get(sub, j));
    }
    return rt_list_as_tuple(params);
}

static Value ga_parameters(Value self)
{
    ObjGenericAlias *ga = AS_GA(self);
    if (ga->parameters == VAL_NULL)
        ga->parameters = rt_ga_make_parameters(ga->args);
    return ga->parameters;
}

/* ---- substitution: _Py_subs_parameters ------------------------------------------------ */

static ssize_t tuple_index(Value t, Value item)
{
    for (size_t i = 0; i < rt_tuple_len(t); i++)
        if (rt_tuple_get(t, i) == item)
            return (ssize_t)i;
    return -1;
}

/* The arguments an unpacked tuple stands for: *tuple[int, str] gives
 * (int, str); VAL_NULL (no error) for anything else. */
static Value unpacked_tuple_args(Value arg)
{
    if (val_type(arg) == &rt_generic_alias_type && AS_GA(arg)->starred &&
        AS_GA(arg)->origin == obj_val(&rt_tuple_type))
        return AS_GA(arg)->args;
    Value r;
    if (lookup(arg, s_unpacked_args, &r) <= 0 || r == rt_None)
        return VAL_NULL;
    return r;
}

/* The subscript as a tuple, with each unpacked fixed-length tuple spread:
 * C[int, *tuple[str, bytes]] has the arguments (int, str, bytes). */
static Value unpack_args(Value item)
{
    bool is_tup = rt_isinstance_of(item, &rt_tuple_type);
    size_t n = is_tup ? rt_tuple_len(item) : 1;
    Value out = rt_list_new(n);
    for (size_t i = 0; i < n; i++) {
        Value a = is_tup ? rt_tuple_get(item, i) : item;
        if (!rt_isinstance_of(a, &rt_type_type)) {
            Value sub = unpacked_tuple_args(a);
            size_t m = sub != VAL_NULL && is_tuple(sub) ? rt_tuple_len(sub) : 0;
            if (sub != VAL_NULL && is_tuple(sub) &&
                !(m > 0 && rt_tuple_get(sub, m - 1) == rt_Ellipsis)) {
                if (!rt_list_extend(out, sub))
                    return VAL_NULL;
                continue;
            }
            if (rt_err_occurred())
                return VAL_NULL;
        }
        rt_list_append(out, a);
    }
    return rt_list_as_tuple(out);
}

/* Is arg an unpacked TypeVarTuple (*Ts)?  1/0, -1 on error. */
static int is_unpacked_typevartuple(Value arg)
{
    if (rt_isinstance_of(arg, &rt_type_type))
        return 0;
    Value v;
    int r = lookup(arg, s_is_unpacked_tvt, &v);
    return r > 0 ? rt_truthy(v) : r;
}

/* obj (an argument of the alias) with its own type variables replaced:
 * list[T] becomes list[int] by subscripting it with their values; a
 * TypeVarTuple's value (a tuple, see prepare_items) is spread. */
static Value subs_tvars(Value obj, Value params, Value items)
{
    Value sub;
    int r = lookup(obj, s_parameters, &sub);
    if (r < 0)
        return VAL_NULL;
    if (r == 0 || !rt_isinstance_of(sub, &rt_tuple_type) || rt_tuple_len(sub) == 0)
        return obj;
    Value subargs = rt_list_new(rt_tuple_len(sub));
    for (size_t i = 0; i < rt_tuple_len(sub); i++) {
        Value arg = rt_tuple_get(sub, i);
        ssize_t ip = tuple_index(params, arg);
        if (ip >= 0) {
            Value param = rt_tuple_get(params, (size_t)ip);
            arg = rt_tuple_get(items, (size_t)ip);
            if (val_type(param)->iter != NULL && rt_isinstance_of(arg, &rt_tuple_type)) {
                if (!rt_list_extend(subargs, arg))
                    return VAL_NULL;
                continue;
            }
        }
        rt_list_append(subargs, arg);
    }
    return rt_getitem(obj, rt_list_as_tuple(subargs));
}

/* Each parameter may regroup the values first (its
 * __typing_prepare_subst__(alias, values)): a TypeVarTuple gathers the
 * values it stands for into one tuple, a ParamSpec wraps a list. */
static Value prepare_items(Value self, Value params, Value items)
{
    for (size_t i = 0; i < rt_tuple_len(params); i++) {
        Value prepare;
        int r = lookup(rt_tuple_get(params, i), s_prepare_subst, &prepare);
        if (r < 0)
            return VAL_NULL;
        if (r == 0 || prepare == rt_None)
            continue;
        items = rt_call2(prepare, self, items);
        if (items == VAL_NULL)
            return VAL_NULL;
        if (!rt_isinstance_of(items, &rt_tuple_type))
            items = rt_tuple_pack(1, items);
    }
    return items;
}

/* One argument of the alias after substitution: a type stays; a parameter
 * becomes its value (through its __typing_subst__); anything else gets
 * its own parameters substituted. */
static Value subst_one(Value arg, Value params, Value items)
{
    if (rt_isinstance_of(arg, &rt_type_type))
        return arg;
    Value subst;
    int r = lookup(arg, s_typing_subst, &subst);
    if (r < 0)
        return VAL_NULL;
    if (r == 0)
        return subs_tvars(arg, params, items);
    return rt_call1(subst, rt_tuple_get(items, (size_t)tuple_index(params, arg)));
}

/* self's arguments `args`, whose type variables are `params`, with the
 * values of the subscript `item` put in (self is only named in errors). */
Value rt_ga_subs_parameters(Value self, Value args, Value params, Value item)
{
    size_t nparams = rt_tuple_len(params);
    if (nparams == 0)
        return rt_raisef(&rt_TypeError, "%R is not a generic class", self);
    Value items = unpack_args(item);
    if (items == VAL_NULL || (items = prepare_items(self, params, items)) == VAL_NULL)
        return VAL_NULL;
    size_t nitems = rt_tuple_len(items);
    if (nitems != nparams)
        return rt_raisef(&rt_TypeError, "Too %s arguments for %R; actual %zu, expected %zu",
                         nitems > nparams ? "many" : "few", self, nitems, nparams);
    Value out = rt_list_new(rt_tuple_len(args));
    for (size_t i = 0; i < rt_tuple_len(args); i++) {
        Value arg = rt_tuple_get(args, i);
        int spread = is_unpacked_typevartuple(arg);     /* *Ts: splice its value */
        Value a = spread < 0 ? VAL_NULL : subst_one(arg, params, items);
        if (a == VAL_NULL)
            return VAL_NULL;
        if (!spread)
            rt_list_append(out, a);
        else if (!rt_list_extend(out, a))
            return VAL_NULL;
    }
    return rt_list_as_tuple(out);
}

/* list[T][int]: always a plain GenericAlias, starred as self is. */
static Value ga_getitem(Value self, Value item)
{
    ObjGenericAlias *ga = AS_GA(self);
    Value params = ga_parameters(self);
    if (params == VAL_NULL)
        return VAL_NULL;
    Value newargs = rt_ga_subs_parameters(self, ga->args, params, item);
    if (newargs == VAL_NULL)
        return VAL_NULL;
    return ga_alloc(&rt_generic_alias_type, ga->origin, newargs, ga->starred);
}

/* ---- comparing, hashing, calling ------------------------------------------------------ */

static Value ga_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !rt_is_generic_alias(b))
        return rt_NotImplemented;
    ObjGenericAlias *x = AS_GA(a), *y = AS_GA(b);
    int eq = x->starred == y->starred;
    if (eq)
        eq = rt_eq(x->origin, y->origin);
    if (eq > 0)
        eq = rt_eq(x->args, y->args);
    if (eq < 0)
        return VAL_NULL;
    return rt_bool(op == CMP_EQ ? eq : !eq);
}

static intptr_t ga_hash(Value self)
{
    intptr_t h0 = rt_hash(AS_GA(self)->origin);
    if (h0 == -1)
        return -1;
    intptr_t h1 = rt_hash(AS_GA(self)->args);
    if (h1 == -1)
        return -1;
    intptr_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

/* list[int](...) is list(...); the result remembers the alias in
 * __orig_class__ when it takes attributes (typing's generic classes). */
static Value ga_call(Value callable, Value *args, size_t nargs, Value kwnames)
{
    Value obj = rt_call(AS_GA(callable)->origin, args, nargs, kwnames);
    if (obj == VAL_NULL || rt_setattr(obj, s_orig_class, callable) == 0)
        return obj;
    if (!rt_err_matches(&rt_AttributeError) && !rt_err_matches(&rt_TypeError))
        return VAL_NULL;
    rt_err_clear();
    return obj;
}

/* The alias's own attributes; everything else is the origin's (3.13 adds
 * __bases__, the last, so list[int].__bases__ is not list's). */
static const char *const attr_exceptions[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", "__bases__", NULL,
};

static bool attr_exception(const char *const *p)
{
    return *p != NULL && (rt_py_minor >= 13 || strcmp(*p, "__bases__") != 0);
}

static Value ga_getattr(Value self, Value name)
{
    const char *s = rt_str_cstr(name);
    for (const char *const *p = attr_exceptions; attr_exception(p); p++)
        if (strcmp(s, *p) == 0)
            return rt_generic_getattr(self, name);
    return rt_getattr(AS_GA(self)->origin, name);
}

/* ---- methods and attributes ---------------------------------------------------------------- */

static Value ga_instancecheck(Value *args, size_t nargs, Value kwnames)
{
    return rt_raisef(&rt_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

static Value ga_subclasscheck(Value *args, size_t nargs, Value kwnames)
{
    return rt_raisef(&rt_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

/* class C(list[int]) derives from list. */
static Value ga_mro_entries(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__mro_entries__", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_tuple_pack(1, AS_GA(args[0])->origin);
}

/* (GenericAlias, (origin, args)); a starred alias is next(iter(alias)). */
static Value ga_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjGenericAlias *ga = AS_GA(args[0]);
    if (ga->starred) {
        Value it = rt_iter(rt_generic_alias_new(ga->origin, ga->args));
        return rt_tuple_pack(2, rt_dict_get_cstr(rt_builtins_dict, "next"),
                             rt_tuple_pack(1, it));
    }
    return rt_tuple_pack(2, obj_val(val_type(args[0])),
                         rt_tuple_pack(2, ga->origin, ga->args));
}

static Value ga_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("GenericAlias", kwnames) ||
        !rt_arg_range("GenericAlias", nargs, 2, 2))
        return VAL_NULL;
    return ga_alloc(type, args[0], args[1], false);
}

static Value ga_origin(Value self) { return AS_GA(self)->origin; }
static Value ga_args(Value self) { return AS_GA(self)->args; }
static Value ga_unpacked(Value self) { return rt_bool(AS_GA(self)->starred); }

static Value ga_unpacked_tuple_args(Value self)
{
    ObjGenericAlias *ga = AS_GA(self);
    return ga->starred && ga->origin == obj_val(&rt_tuple_type) ? ga->args : rt_None;
}

/* ---- iterating: *tuple[int, str] ---------------------------------------------------------- */

/* iter(tuple[int, str]) yields one value, the starred alias, so that
 * `*tuple[int, str]` in a subscript is an unpacked tuple type. */
typedef struct GaIter {
    Object ob;
    Value alias;                /* VAL_NULL once exhausted */
} GaIter;

static Value ga_iter(Value self)
{
    GaIter *it = gc_alloc(sizeof *it);
    it->ob.type = &ga_iter_type;
    it->alias = self;
    return obj_val(it);
}

static Value ga_iter_next(Value self)
{
    GaIter *it = VAL_AS(GaIter, self);
    if (it->alias == VAL_NULL)
        return VAL_NULL;
    ObjGenericAlias *ga = AS_GA(it->alias);
    it->alias = VAL_NULL;
    return ga_alloc(&rt_generic_alias_type, ga->origin, ga->args, true);
}

static Value ga_iter_self(Value self) { return self; }

static Value ga_iter_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    GaIter *it = VAL_AS(GaIter, args[0]);
    return rt_tuple_pack(2, rt_dict_get_cstr(rt_builtins_dict, "iter"),
                         rt_tuple_pack(1, it->alias != VAL_NULL ? it->alias : rt_empty_tuple));
}

static const MethodDef ga_iter_methods[] = {
    {"__reduce__", ga_iter_reduce}, {NULL, NULL},
};

static ObjType ga_iter_type = {
    .ob.type = &rt_type_type, .name = "generic_alias_iterator", .base = &rt_object_type,
    .iter = ga_iter_self, .next = ga_iter_next,
};

/* dir(list[int]): the origin's names and the alias's own. */
static Value ga_dir(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__dir__", nargs - 1, kwnames))
        return VAL_NULL;
    Value dir = rt_dict_get_cstr(rt_builtins_dict, "dir");
    Value names = dir == VAL_NULL ? VAL_NULL : rt_call1(dir, AS_GA(args[0])->origin);
    if (names == VAL_NULL)
        return VAL_NULL;
    for (const char *const *p = attr_exceptions; attr_exception(p); p++) {
        Value name = rt_str_from_cstr(*p);
        if (rt_py_minor >= 14) {        /* 3.14: only those the alias has */
            Value has = rt_getattr(args[0], name);
            rt_err_clear();
            if (has == VAL_NULL)
                continue;
        }
        int in = rt_contains(names, name);
        if (in < 0 || (in == 0 && !rt_list_append(names, name)))
            return VAL_NULL;
    }
    return names;
}

static const MethodDef ga_methods[] = {
    {"__instancecheck__", ga_instancecheck}, {"__subclasscheck__", ga_subclasscheck},
    {"__mro_entries__", ga_mro_entries}, {"__reduce__", ga_reduce}, {"__dir__", ga_dir},
    {NULL, NULL},
};

static const GetSetDef ga_getsets[] = {
    {"__origin__", ga_origin}, {"__args__", ga_args}, {"__unpacked__", ga_unpacked},
    {"__parameters__", ga_parameters},
    {"__typing_unpacked_tuple_args__", ga_unpacked_tuple_args},
    {NULL},
};

ObjType rt_generic_alias_type = {
    .ob.type = &rt_type_type, .name = "types.GenericAlias", .base = &rt_object_type,
    .flags = TF_BASETYPE, .instance_size = sizeof(ObjGenericAlias),
    .repr = ga_repr, .richcompare = ga_richcompare, .hash = ga_hash, .call = ga_call,
    .getattr = ga_getattr, .getitem = ga_getitem, .iter = ga_iter, .binop = rt_union_or,
    .binop_ops = RT_OP_BIT(NB_OR), .new_ = ga_new, .getsets = ga_getsets,
};

/* ---- __class_getitem__ for the builtin containers ---------------------------------- */

/* cls.__class_getitem__(item), bound to cls by classmethod. */
static Value class_getitem(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__class_getitem__", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_generic_alias_new(args[0], args[1]);
}

void rt_type_add_class_getitem(ObjType *type)
{
    static const MethodDef methods[] = {
        {"__class_getitem__", class_getitem, RT_METH_CLASS}, {NULL, NULL},
    };
    rt_type_add_methods(type, methods);
}

void rt_genericalias_init(void)
{
#define N(var, s) var = rt_str_intern_cstr(s)
    N(s_origin, "__origin__"); N(s_args, "__args__"); N(s_parameters, "__parameters__");
    N(s_typing_subst, "__typing_subst__"); N(s_prepare_subst, "__typing_prepare_subst__");
    N(s_unpacked_args, "__typing_unpacked_tuple_args__");
    N(s_is_unpacked_tvt, "__typing_is_unpacked_typevartuple__");
    N(s_orig_class, "__orig_class__"); N(s_qualname, "__qualname__");
    N(s_module, "__module__");
#undef N
    rt_type_ready(&rt_generic_alias_type, ga_methods);
    rt_type_ready(&ga_iter_type, ga_iter_methods);
    ObjType *generic[] = {
        &rt_list_type, &rt_dict_type, &rt_tuple_type, &rt_set_type, &rt_frozenset_type,
        &rt_enumerate_type,
    };
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
        rt_type_add_class_getitem(generic[i]);
    rt_union_init();
}
