/*
 * bool.c — the bool type: a subclass of int with exactly two instances.
 *
 * True and False are the static objects rt_true_obj / rt_false_obj (object.c);
 * this file gives them their type.  bool inherits int's behaviour: True + True
 * == 2 and hash(True) == hash(1), because every int function in int.c reads a
 * bool as 0 or 1.  Only three things differ from int: repr prints the name,
 * & | ^ between two bools stay bools, and bool(x) asks for x's truth value.
 */
#include "runtime.h"
#include "version.h"

static Value bool_repr(Value v)
{
    return rt_str_from_cstr(v == rt_True ? "True" : "False");
}

/* & | ^ between two bools give a bool; everything else is int's. */
static Value bool_binop(Value a, Value b, int op)
{
    int plain = rt_nb_plain(op);
    if (is_bool(a) && is_bool(b)) {
        bool x = a == rt_True, y = b == rt_True;
        if (plain == NB_AND) return rt_bool(x & y);
        if (plain == NB_OR) return rt_bool(x | y);
        if (plain == NB_XOR) return rt_bool(x ^ y);
    }
    return rt_int_binop(a, b, op);
}

/* ~True: int's, with 3.12's DeprecationWarning (3.13 names the version
 * that removes it). */
static Value bool_unary(Value v, int op)
{
    if (op == UN_INVERT && rt_py_minor >= 12 &&
        rt_warn(&rt_DeprecationWarning, rt_py_minor >= 13
                ? "Bitwise inversion '~' on bool is deprecated and will be removed in "
                  "Python 3.16. This returns the bitwise inversion of the underlying int "
                  "object and is usually not what you expect from negating a bool. Use the "
                  "'not' operator for boolean negation or ~int(x) if you really want the "
                  "bitwise inversion of the underlying int."
                : "Bitwise inversion '~' on bool is deprecated. This returns the bitwise "
                  "inversion of the underlying int object and is usually not what you expect "
                  "from negating a bool. Use the 'not' operator for boolean negation or "
                  "~int(x) if you really want the bitwise inversion of the underlying int.",
                1) < 0)
        return VAL_NULL;
    return rt_int_type.unary(v, op);
}

/* bool(x): x's truth value; bool() is False. */
static Value bool_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (rt_nkwargs(kwnames) > 0)
        return rt_raisef(&rt_TypeError, "bool() takes no keyword arguments");
    if (nargs > 1)
        return rt_raisef(&rt_TypeError, "bool expected at most 1 argument, got %zu", nargs);
    if (nargs == 0)
        return rt_False;
    int t = rt_truthy(args[0]);
    return t < 0 ? VAL_NULL : rt_bool(t);
}

/* Every other slot (compare, hash, -x, truth...) is inherited from int,
 * whose functions read True and False as 1 and 0. */
ObjType rt_bool_type = {
    .ob.type = &rt_type_type,
    .name = "bool",
    .base = &rt_int_type,
    .flags = TF_INT_SUBCLASS,               /* not TF_BASETYPE: bool is final */
    .repr = bool_repr,
    .binop = bool_binop,
    .unary = bool_unary,
    .new_ = bool_new,
    .binop_ops = RT_OP_BIT(NB_AND) | RT_OP_BIT(NB_OR) | RT_OP_BIT(NB_XOR),
};

void rt_bool_init(void)
{
    if (rt_py_minor >= 12)                  /* bool.__invert__, which warns */
        rt_bool_type.unary_ops |= RT_OP_BIT(UN_INVERT);
    rt_type_ready(&rt_bool_type, NULL);
}
