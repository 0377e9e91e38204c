/*
 * genericalias.c — types.GenericAlias: what list[int], dict[str, int] and
 * tuple[int, ...] evaluate to (PEP 585).
 *
 * A generic alias is only a record of the subscription — its origin (list)
 * and its arguments (a tuple) — that prints as it was written, compares by
 * both, and otherwise behaves like its origin: calling list[int]() makes a
 * list, list[int].append is list.append.  The builtin containers get a
 * __class_getitem__ that builds one (rt_type_add_class_getitem).
 * Type variables and __parameters__ substitution are not modelled:
 * __parameters__ is always ().
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/class.h"

typedef struct ObjGenericAlias {
    Object ob;
    Value origin;               /* the subscripted class */
    Value args;                 /* tuple */
} ObjGenericAlias;

#define AS_GA(v) VAL_AS(ObjGenericAlias, v)

ObjType rt_generic_alias_type;

Value rt_generic_alias_new(Value origin, Value args)
{
    ObjGenericAlias *ga = gc_alloc(sizeof *ga);
    ga->ob.type = &rt_generic_alias_type;
    ga->origin = origin;
    ga->args = is_tuple(args) ? args : rt_tuple_pack(1, args);
    return obj_val(ga);
}

/* ---- repr: ga_repr_item of genericaliasobject.c ---------------------------------- */

/* One argument as written: "...", "int", "mod.Class", or its repr. */
static bool add_item_repr(StrBuf *sb, Value p)
{
    if (p == rt_Ellipsis) {
        sb_adds(sb, "...");
        return true;
    }
    Value qualname = VAL_NULL, module = VAL_NULL;
    if (val_type(p) != &rt_generic_alias_type) {
        qualname = rt_lookup_attr(p, rt_str_intern_cstr("__qualname__"));
        if (qualname == VAL_NULL && rt_err_occurred())
            return false;
        if (qualname != VAL_NULL) {
            module = rt_lookup_attr(p, rt_str_intern_cstr("__module__"));
            if (module == VAL_NULL && rt_err_occurred())
                return false;
        }
    }
    if (qualname == VAL_NULL || module == VAL_NULL || module == rt_None)
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
    if (!add_item_repr(&sb, ga->origin))
        return VAL_NULL;
    sb_addc(&sb, '[');
    size_t n = rt_tuple_len(ga->args);
    if (n == 0)
        sb_adds(&sb, "()");
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            sb_adds(&sb, ", ");
        if (!add_item_repr(&sb, rt_tuple_get(ga->args, i)))
            return VAL_NULL;
    }
    sb_addc(&sb, ']');
    return sb_finish(&sb);
}

/* ---- behaving like the origin ------------------------------------------------------ */

static Value ga_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || val_type(a) != &rt_generic_alias_type ||
        val_type(b) != &rt_generic_alias_type)
        return rt_NotImplemented;
    int eq = rt_eq(AS_GA(a)->origin, AS_GA(b)->origin);
    if (eq > 0)
        eq = rt_eq(AS_GA(a)->args, AS_GA(b)->args);
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

/* list[int](...) is list(...). */
static Value ga_call(Value callable, Value *args, size_t nargs, Value kwnames)
{
    return rt_call(AS_GA(callable)->origin, args, nargs, kwnames);
}

/* The alias's own attributes; everything else is the origin's. */
static Value ga_getattr(Value self, Value name)
{
    ObjGenericAlias *ga = AS_GA(self);
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "__origin__") == 0)
        return ga->origin;
    if (strcmp(s, "__args__") == 0)
        return ga->args;
    if (strcmp(s, "__parameters__") == 0)
        return rt_empty_tuple;
    if (strcmp(s, "__unpacked__") == 0)
        return rt_False;
    if (strcmp(s, "__class__") == 0)
        return obj_val(&rt_generic_alias_type);
    if (strcmp(s, "__mro_entries__") == 0 || strcmp(s, "__instancecheck__") == 0 ||
        strcmp(s, "__subclasscheck__") == 0 || strcmp(s, "__reduce__") == 0)
        return rt_generic_getattr(self, name);
    return rt_getattr(ga->origin, name);
}

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
    return rt_tuple_pack(1, AS_GA(args[0])->origin);
}

static Value ga_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("GenericAlias", kwnames) ||
        !rt_arg_range("GenericAlias", nargs, 2, 2))
        return VAL_NULL;
    return rt_generic_alias_new(args[0], args[1]);
}

static const MethodDef ga_methods[] = {
    {"__instancecheck__", ga_instancecheck}, {"__subclasscheck__", ga_subclasscheck},
    {"__mro_entries__", ga_mro_entries}, {NULL, NULL},
};

ObjType rt_generic_alias_type = {
    .ob.type = &rt_type_type, .name = "types.GenericAlias", .base = &rt_object_type,
    .repr = ga_repr, .richcompare = ga_richcompare, .hash = ga_hash, .call = ga_call,
    .getattr = ga_getattr, .new_ = ga_new,
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
    rt_type_ready(&rt_generic_alias_type, ga_methods);
    ObjType *generic[] = {
        &rt_list_type, &rt_dict_type, &rt_tuple_type, &rt_set_type, &rt_frozenset_type,
        &rt_type_type,
    };
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
        rt_type_add_class_getitem(generic[i]);
}
