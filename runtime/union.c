/*
 * union.c — types.UnionType: what `int | str` and `int | None` evaluate to
 * (PEP 604), following CPython 3.11's Objects/unionobject.c.
 *
 * `a | b` where both operands are classes, None, generic aliases or unions
 * makes a union of their arguments, flattened (a union inside a union
 * contributes its own arguments), None written as NoneType, and
 * duplicates dropped (by identity, by equality for generic aliases); a
 * union of one argument is that argument itself (int | int is int).  The
 * `|` is the binop slot of `type`, GenericAlias and UnionType
 * (rt_union_or), so `type.__or__` and `type.__ror__` exist as in CPython;
 * anything else makes that slot answer NotImplemented, so `int | "str"`
 * is a TypeError and `int | T` (a typing.TypeVar) reaches T.__ror__,
 * which builds a typing.Union.
 *
 * A union prints as it was written ("int | None"), compares equal to a
 * union of the same arguments in any order (and hashes alike: the hash of
 * the frozenset of its arguments), and stands for its arguments in
 * isinstance() and issubclass() (builtins.c asks rt_union_args).
 * Subscripting substitutes type variables, as for GenericAlias:
 * (list[T] | None)[int] is list[int] | None.
 */
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/class.h"

typedef struct ObjUnion {
    Object ob;
    Value args;                 /* tuple, flattened and without duplicates */
    Value parameters;           /* tuple, computed on first use; VAL_NULL until then */
} ObjUnion;

#define AS_UNION(v) VAL_AS(ObjUnion, v)

ObjType rt_union_type;

bool rt_is_union(Value v)
{
    return IS_EXACT(v, rt_union_type);
}

Value rt_union_args(Value u)
{
    return AS_UNION(u)->args;
}

/* ---- making a union --------------------------------------------------------------- */

/* What may stand on either side of `|` (CPython 3.11's is_unionable). */
static bool is_unionable(Value v)
{
    return v == rt_None || rt_isinstance_of(v, &rt_type_type) || rt_is_generic_alias(v) ||
           rt_is_union(v);
}

/* Is v already among the first n items of list? */
static int already_in(Value list, Value v)
{
    ObjList *l = AS_LIST(list);
    for (size_t j = 0; j < l->length; j++) {
        Value w = l->items[j];
        if (w == v)
            return 1;
        if (rt_is_generic_alias(v) && rt_is_generic_alias(w)) {
            int eq = rt_eq(v, w);
            if (eq != 0)
                return eq;
        }
    }
    return 0;
}

/* Append one argument (None as NoneType) unless it is already there. */
static bool add_arg(Value list, Value v)
{
    if (v == rt_None)
        v = obj_val(&rt_none_type);
    int dup = already_in(list, v);
    if (dup < 0)
        return false;
    if (dup == 0)
        rt_list_append(list, v);
    return true;
}

/* The union of args (a tuple): flattened, deduplicated; a single
 * remaining argument is returned as it is. */
static Value make_union(Value args)
{
    Value flat = rt_list_new(rt_tuple_len(args));
    for (size_t i = 0; i < rt_tuple_len(args); i++) {
        Value a = rt_tuple_get(args, i);
        Value inner = rt_is_union(a) ? AS_UNION(a)->args : rt_tuple_pack(1, a);
        for (size_t j = 0; j < rt_tuple_len(inner); j++)
            if (!add_arg(flat, rt_tuple_get(inner, j)))
                return VAL_NULL;
    }
    if (AS_LIST(flat)->length == 1)
        return AS_LIST(flat)->items[0];
    ObjUnion *u = gc_alloc(sizeof *u);
    u->ob.type = &rt_union_type;
    u->args = rt_list_as_tuple(flat);
    return obj_val(u);
}

Value rt_union_or(Value a, Value b, int op)
{
    if (op != NB_OR || !is_unionable(a) || !is_unionable(b))
        return rt_NotImplemented;
    return make_union(rt_tuple_pack(2, a, b));
}

/* ---- the union as a value ---------------------------------------------------------- */

/* "int | str | None": each argument as a generic alias prints one. */
static Value union_repr(Value self)
{
    Value args = AS_UNION(self)->args;
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < rt_tuple_len(args); i++) {
        Value p = rt_tuple_get(args, i);
        if (i > 0)
            sb_adds(&sb, " | ");
        if (p == obj_val(&rt_none_type))
            sb_adds(&sb, "None");
        else if (!rt_ga_add_item_repr(&sb, p))
            return VAL_NULL;
    }
    return sb_finish(&sb);
}

static Value args_set(Value self, bool frozen)
{
    Value set = frozen ? rt_frozenset_new() : rt_set_new();
    Value args = AS_UNION(self)->args;
    for (size_t i = 0; i < rt_tuple_len(args); i++)
        if (!rt_set_add(set, rt_tuple_get(args, i)))
            return VAL_NULL;
    return set;
}

/* Equal when the arguments are, in any order. */
static Value union_richcompare(Value a, Value b, int op)
{
    if (!rt_is_union(b) || (op != CMP_EQ && op != CMP_NE))
        return rt_NotImplemented;
    Value sa = args_set(a, false), sb = sa != VAL_NULL ? args_set(b, false) : VAL_NULL;
    return sb == VAL_NULL ? VAL_NULL : rt_richcompare(sa, sb, op);
}

static intptr_t union_hash(Value self)
{
    Value set = args_set(self, true);
    return set == VAL_NULL ? -1 : rt_hash(set);
}

static Value union_parameters(Value self)
{
    ObjUnion *u = AS_UNION(self);
    if (u->parameters == VAL_NULL)
        u->parameters = rt_ga_make_parameters(u->args);
    return u->parameters;
}

/* (list[T] | None)[int]: the arguments substituted, then joined with |
 * again (so a substitution that gives a non-type reaches its __ror__). */
static Value union_getitem(Value self, Value item)
{
    Value params = union_parameters(self);
    if (params == VAL_NULL)
        return VAL_NULL;
    Value args = rt_ga_subs_parameters(self, AS_UNION(self)->args, params, item);
    if (args == VAL_NULL)
        return VAL_NULL;
    if (rt_tuple_len(args) == 0)
        return make_union(args);
    Value r = rt_tuple_get(args, 0);
    for (size_t i = 1; i < rt_tuple_len(args) && r != VAL_NULL; i++)
        r = rt_binary_op(r, rt_tuple_get(args, i), NB_OR);
    return r;
}

static const MemberDef union_members[] = {
    {"__args__", offsetof(ObjUnion, args), RT_MEMBER_VALUE, RT_READONLY},
    {NULL},
};

static const GetSetDef union_getsets[] = {
    {"__parameters__", union_parameters},
    {NULL},
};

ObjType rt_union_type = {
    .ob.type = &rt_type_type, .name = "types.UnionType", .base = &rt_object_type,
    .repr = union_repr, .richcompare = union_richcompare, .hash = union_hash,
    .getitem = union_getitem, .binop = rt_union_or, .binop_ops = RT_OP_BIT(NB_OR),
    .members = union_members, .getsets = union_getsets,
};

/* 3.14's Union[X, Y, ...]: the union of any objects (a union inside is
 * flattened, None is NoneType); of one, that one. */
static Value union_class_getitem(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__class_getitem__", nargs - 1, kwnames))
        return VAL_NULL;
    Value items = is_tuple(args[1]) ? args[1] : rt_tuple_pack(1, args[1]);
    if (rt_tuple_len(items) == 0)
        return rt_raisef(&rt_TypeError, "Cannot take a Union of no types.");
    return make_union(items);
}

/* 3.14: u.__origin__ is typing.Union itself. */
static Value union_origin(Value self)
{
    return obj_val(&rt_union_type);
}

/* 3.14 made the type typing.Union, which typing imports from _typing
 * (modules/typing312.py) and subscripts: Union[int, str]. */
void rt_union_init(void)
{
    static const MethodDef methods314[] = {
        {"__class_getitem__", union_class_getitem, RT_METH_CLASS}, {NULL, NULL},
    };
    if (rt_py_minor >= 14)
        rt_union_type.name = "typing.Union";
    rt_type_ready(&rt_union_type, NULL);
    static const GetSetDef origin314 = { "__origin__", union_origin };
    if (rt_py_minor >= 14) {
        rt_type_add_methods(&rt_union_type, methods314);
        rt_type_set(&rt_union_type, "__origin__", rt_getset_new(&origin314, &rt_union_type));
    }
}
