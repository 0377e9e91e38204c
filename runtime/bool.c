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

static Value bool_repr(Value v)
{
    return rt_str_from_cstr(v == rt_True ? "True" : "False");
}

static Value bool_binop(Value a, Value b, int op)
{
    int plain = op >= NB_INPLACE_OFFSET ? op - NB_INPLACE_OFFSET : op;
    if (is_bool(a) && is_bool(b)) {
        bool x = a == rt_True, y = b == rt_True;
        if (plain == NB_AND) return rt_bool(x & y);
        if (plain == NB_OR) return rt_bool(x | y);
        if (plain == NB_XOR) return rt_bool(x ^ y);
    }
    return rt_int_binop(a, b, op);
}

/* -True == -1, +True == 1, ~True == -2: bools act as the ints 1 and 0. */
static Value bool_unary(Value v, int op)
{
    intptr_t i = v == rt_True;
    switch (op) {
    case UN_NEG: return small_new(-i);
    case UN_POS: return small_new(i);
    default: return small_new(~i);
    }
}

static intptr_t bool_hash(Value v)
{
    return v == rt_True;
}

static int bool_truth(Value v)
{
    return v == rt_True;
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

ObjType rt_bool_type = {
    .ob.type = &rt_type_type,
    .name = "bool",
    .base = &rt_int_type,
    .flags = TF_INT_SUBCLASS,               /* not TF_BASETYPE: bool is final */
    .repr = bool_repr,
    .hash = bool_hash,
    .richcompare = rt_int_richcompare,
    .binop = bool_binop,
    .unary = bool_unary,
    .truth = bool_truth,
    .new_ = bool_new,
};

void rt_bool_init(void)
{
    static const MethodDef methods[] = {{NULL, NULL}};
    rt_type_ready(&rt_bool_type, methods);
}
