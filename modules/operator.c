/*
 * operator.c — the operator module: Python's operators as functions
 * (add, lt, getitem, ...), CPython's in-place forms (iadd, ...), and the
 * callable types itemgetter, attrgetter (dotted names) and methodcaller
 * with CPython's reprs ("operator.itemgetter(1)").  Each function is a thin
 * wrapper over the runtime's generic operation, so it behaves exactly as
 * the operator in source code does.
 */
#include <string.h>
#include "modules/modutil.h"

static bool nargs_is(const char *name, size_t nargs, Value kw, size_t n)
{
    return rt_arg_nokw(name, kw) && rt_arg_range(name, nargs, n, n);
}

#define BINOP(name, op)                                                  \
    static Value op_##name(Value *a, size_t n, Value kw)                 \
    { return nargs_is(#name, n, kw, 2) ? rt_binary_op(a[0], a[1], op) : VAL_NULL; }
#define IBINOP(name, op)                                                 \
    static Value op_##name(Value *a, size_t n, Value kw)                 \
    { return nargs_is(#name, n, kw, 2) ? rt_binary_op(a[0], a[1], op + NB_INPLACE_OFFSET) \
                                        : VAL_NULL; }
#define CMPOP(name, op)                                                  \
    static Value op_##name(Value *a, size_t n, Value kw)                 \
    { return nargs_is(#name, n, kw, 2) ? rt_richcompare(a[0], a[1], op) : VAL_NULL; }
#define UNOP(name, op)                                                   \
    static Value op_##name(Value *a, size_t n, Value kw)                 \
    { return nargs_is(#name, n, kw, 1) ? rt_unary_op(a[0], op) : VAL_NULL; }

#define ARITH(X) X(add, NB_ADD) X(sub, NB_SUBTRACT) X(mul, NB_MULTIPLY) \
    X(truediv, NB_TRUE_DIVIDE) X(floordiv, NB_FLOOR_DIVIDE) X(mod, NB_REMAINDER) \
    X(pow, NB_POWER) X(and_, NB_AND) X(or_, NB_OR) X(xor, NB_XOR) X(lshift, NB_LSHIFT) \
    X(rshift, NB_RSHIFT) X(matmul, NB_MATRIX_MULTIPLY)
#define IARITH(X) X(iadd, NB_ADD) X(isub, NB_SUBTRACT) X(imul, NB_MULTIPLY) \
    X(itruediv, NB_TRUE_DIVIDE) X(ifloordiv, NB_FLOOR_DIVIDE) X(imod, NB_REMAINDER) \
    X(ipow, NB_POWER) X(iand, NB_AND) X(ior, NB_OR) X(ixor, NB_XOR) X(ilshift, NB_LSHIFT) \
    X(irshift, NB_RSHIFT) X(imatmul, NB_MATRIX_MULTIPLY)
#define CMPS(X) X(lt, CMP_LT) X(le, CMP_LE) X(eq, CMP_EQ) X(ne, CMP_NE) X(gt, CMP_GT) \
    X(ge, CMP_GE)
#define UNOPS(X) X(neg, UN_NEG) X(pos, UN_POS) X(invert, UN_INVERT) X(inv, UN_INVERT)

ARITH(BINOP)
IARITH(IBINOP)
CMPS(CMPOP)
UNOPS(UNOP)

static Value op_not_(Value *a, size_t n, Value kw)
{
    if (!nargs_is("not_", n, kw, 1))
        return VAL_NULL;
    int t = rt_truthy(a[0]);
    return t < 0 ? VAL_NULL : rt_bool(!t);
}

static Value op_truth(Value *a, size_t n, Value kw)
{
    if (!nargs_is("truth", n, kw, 1))
        return VAL_NULL;
    int t = rt_truthy(a[0]);
    return t < 0 ? VAL_NULL : rt_bool(t);
}

static Value op_abs(Value *a, size_t n, Value kw)
{
    if (!nargs_is("abs", n, kw, 1))
        return VAL_NULL;
    Value f = rt_dict_get_cstr(rt_builtins_dict, "abs");
    return rt_call1(f, a[0]);
}

static Value op_index(Value *a, size_t n, Value kw)
{
    return nargs_is("index", n, kw, 1) ? rt_index(a[0]) : VAL_NULL;
}

static Value op_is_(Value *a, size_t n, Value kw)
{
    return nargs_is("is_", n, kw, 2) ? rt_bool(a[0] == a[1]) : VAL_NULL;
}

static Value op_is_not(Value *a, size_t n, Value kw)
{
    return nargs_is("is_not", n, kw, 2) ? rt_bool(a[0] != a[1]) : VAL_NULL;
}

static bool is_sequence_like(Value v)
{
    return val_type(v)->getitem != NULL && !rt_isinstance_of(v, &rt_dict_type);
}

static Value op_concat(Value *a, size_t n, Value kw)
{
    if (!nargs_is("concat", n, kw, 2))
        return VAL_NULL;
    if (!is_sequence_like(a[0]))
        return rt_raisef(&rt_TypeError, "'%s' object can't be concatenated", val_type(a[0])->name);
    return rt_binary_op(a[0], a[1], NB_ADD);
}

static Value op_iconcat(Value *a, size_t n, Value kw)
{
    if (!nargs_is("iconcat", n, kw, 2))
        return VAL_NULL;
    if (!is_sequence_like(a[0]))
        return rt_raisef(&rt_TypeError, "'%s' object can't be concatenated", val_type(a[0])->name);
    return rt_binary_op(a[0], a[1], NB_ADD + NB_INPLACE_OFFSET);
}

static Value op_contains(Value *a, size_t n, Value kw)
{
    if (!nargs_is("contains", n, kw, 2))
        return VAL_NULL;
    int r = rt_contains(a[0], a[1]);
    return r < 0 ? VAL_NULL : rt_bool(r);
}

static Value op_countOf(Value *a, size_t n, Value kw)
{
    if (!nargs_is("countOf", n, kw, 2))
        return VAL_NULL;
    Value it = rt_iter(a[0]), v;
    if (it == VAL_NULL)
        return VAL_NULL;
    ssize_t c = 0;
    while ((v = rt_next(it)) != VAL_NULL) {
        int eq = rt_eq(v, a[1]);
        if (eq < 0)
            return VAL_NULL;
        c += eq;
    }
    return rt_err_occurred() ? VAL_NULL : small_new(c);
}

static Value op_indexOf(Value *a, size_t n, Value kw)
{
    if (!nargs_is("indexOf", n, kw, 2))
        return VAL_NULL;
    Value it = rt_iter(a[0]), v;
    if (it == VAL_NULL)
        return VAL_NULL;
    for (ssize_t i = 0; (v = rt_next(it)) != VAL_NULL; i++) {
        int eq = rt_eq(v, a[1]);
        if (eq < 0)
            return VAL_NULL;
        if (eq)
            return small_new(i);
    }
    if (rt_err_occurred())
        return VAL_NULL;
    return rt_raisef(&rt_ValueError, "sequence.index(x): x not in sequence");
}

static Value op_getitem(Value *a, size_t n, Value kw)
{
    return nargs_is("getitem", n, kw, 2) ? rt_getitem(a[0], a[1]) : VAL_NULL;
}

static Value op_setitem(Value *a, size_t n, Value kw)
{
    if (!nargs_is("setitem", n, kw, 3))
        return VAL_NULL;
    return rt_setitem(a[0], a[1], a[2]) < 0 ? VAL_NULL : rt_None;
}

static Value op_delitem(Value *a, size_t n, Value kw)
{
    if (!nargs_is("delitem", n, kw, 2))
        return VAL_NULL;
    return rt_delitem(a[0], a[1]) < 0 ? VAL_NULL : rt_None;
}

static Value op_length_hint(Value *a, size_t n, Value kw)
{
    ssize_t dflt = 0;
    if (!rt_arg_range("length_hint", n, 1, 2))
        return VAL_NULL;
    if (n > 1 && !rt_isinstance_of(a[1], &rt_int_type))
        return rt_raisef(&rt_TypeError, "'%s' object cannot be interpreted as an integer",
                         val_type(a[1])->name);
    if (n > 1 && !rt_as_ssize(a[1], &dflt))
        return VAL_NULL;
    ssize_t hint = rt_length_hint(a[0], dflt);
    return hint < 0 ? VAL_NULL : rt_int_from_i64(hint);
}

/* ---- itemgetter, attrgetter, methodcaller -------------------------------------- */

typedef struct { Object ob; Value items; Value name, args, kwargs; } ObjGetter;
static ObjType itemgetter_type, attrgetter_type, methodcaller_type;

static Value getter_make(ObjType *t, Value items)
{
    ObjGetter *g = gc_alloc(sizeof *g);
    g->ob.type = t;
    g->items = items;
    return obj_val(g);
}

static Value itemgetter_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("itemgetter", kw))
        return VAL_NULL;
    if (nargs == 0)
        return rt_raisef(&rt_TypeError, "itemgetter expected 1 argument, got 0");
    return getter_make(t, rt_tuple_from(args, nargs));
}

static Value itemgetter_call(Value self, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("itemgetter", kw) || !rt_arg_range("itemgetter", nargs, 1, 1))
        return VAL_NULL;
    Value items = VAL_AS(ObjGetter, self)->items;
    size_t n = rt_tuple_len(items);
    if (n == 1)
        return rt_getitem(args[0], rt_tuple_get(items, 0));
    Value out = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++)
        if ((AS_TUPLE(out)->items[i] = rt_getitem(args[0], rt_tuple_get(items, i))) == VAL_NULL)
            return VAL_NULL;
    return out;
}

static Value getter_repr(Value self, const char *name)
{
    Value items = VAL_AS(ObjGetter, self)->items;
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, name);
    sb_addc(&sb, '(');
    for (size_t i = 0; i < rt_tuple_len(items); i++) {
        if (i)
            sb_adds(&sb, ", ");
        if (!sb_add_value_repr(&sb, rt_tuple_get(items, i)))
            return VAL_NULL;
    }
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

static Value itemgetter_repr(Value self) { return getter_repr(self, "operator.itemgetter"); }
static Value attrgetter_repr(Value self) { return getter_repr(self, "operator.attrgetter"); }

static Value attrgetter_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("attrgetter", kw))
        return VAL_NULL;
    if (nargs == 0)
        return rt_raisef(&rt_TypeError, "attrgetter expected 1 argument, got 0");
    for (size_t i = 0; i < nargs; i++)
        if (!rt_is_str(args[i]))
            return rt_raisef(&rt_TypeError, "attribute name must be a string");
    return getter_make(t, rt_tuple_from(args, nargs));
}

/* obj.a.b.c for a dotted name. */
static Value dotted_get(Value obj, Value name)
{
    const char *s = rt_str_cstr(name);
    for (;;) {
        const char *dot = strchr(s, '.');
        size_t len = dot ? (size_t)(dot - s) : strlen(s);
        Value part = rt_str_intern(rt_str_new(s, len));
        if ((obj = rt_getattr(obj, part)) == VAL_NULL || !dot)
            return obj;
        s = dot + 1;
    }
}

static Value attrgetter_call(Value self, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("attrgetter", kw) || !rt_arg_range("attrgetter", nargs, 1, 1))
        return VAL_NULL;
    Value items = VAL_AS(ObjGetter, self)->items;
    size_t n = rt_tuple_len(items);
    if (n == 1)
        return dotted_get(args[0], rt_tuple_get(items, 0));
    Value out = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++)
        if ((AS_TUPLE(out)->items[i] = dotted_get(args[0], rt_tuple_get(items, i))) == VAL_NULL)
            return VAL_NULL;
    return out;
}

static Value methodcaller_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    size_t npos = rt_npos(nargs, kw);
    if (npos < 1)
        return rt_raisef(&rt_TypeError, "methodcaller needs at least one argument, the method name");
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "method name must be a string");
    ObjGetter *g = VAL_AS(ObjGetter, getter_make(t, VAL_NULL));
    g->name = args[0];
    g->args = rt_tuple_from(args + 1, npos - 1);
    g->kwargs = rt_dict_new();
    for (size_t i = npos; i < nargs; i++)
        rt_dict_set(g->kwargs, rt_tuple_get(kw, i - npos), args[i]);
    return obj_val(g);
}

static Value methodcaller_call(Value self, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("methodcaller", kw) || !rt_arg_range("methodcaller", nargs, 1, 1))
        return VAL_NULL;
    ObjGetter *g = VAL_AS(ObjGetter, self);
    Value m = rt_getattr(args[0], g->name);
    if (m == VAL_NULL)
        return VAL_NULL;
    return rt_call_tuple_dict(m, g->args, g->kwargs);
}

static Value methodcaller_repr(Value self)
{
    ObjGetter *g = VAL_AS(ObjGetter, self);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "operator.methodcaller(");
    sb_add_value_repr(&sb, g->name);
    for (size_t i = 0; i < rt_tuple_len(g->args); i++) {
        sb_adds(&sb, ", ");
        if (!sb_add_value_repr(&sb, rt_tuple_get(g->args, i)))
            return VAL_NULL;
    }
    Value k, v;
    for (size_t pos = 0; rt_dict_next(g->kwargs, &pos, &k, &v);) {
        sb_adds(&sb, ", ");
        sb_add_value_str(&sb, k);
        sb_addc(&sb, '=');
        if (!sb_add_value_repr(&sb, v))
            return VAL_NULL;
    }
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

static ObjType itemgetter_type = {
    .ob.type = &rt_type_type, .name = "operator.itemgetter",
    .new_ = itemgetter_new, .call = itemgetter_call, .repr = itemgetter_repr,
};
static ObjType attrgetter_type = {
    .ob.type = &rt_type_type, .name = "operator.attrgetter",
    .new_ = attrgetter_new, .call = attrgetter_call, .repr = attrgetter_repr,
};
static ObjType methodcaller_type = {
    .ob.type = &rt_type_type, .name = "operator.methodcaller",
    .new_ = methodcaller_new, .call = methodcaller_call, .repr = methodcaller_repr,
};

#define DEF(name, op) {#name, op_##name}, {"__" #name "__", op_##name},
#define DEF_TRIM(name, op) {#name, op_##name},

static const MethodDef operator_functions[] = {
    ARITH(DEF_TRIM) IARITH(DEF_TRIM) CMPS(DEF_TRIM) UNOPS(DEF_TRIM)
    {"__add__", op_add}, {"__sub__", op_sub}, {"__mul__", op_mul}, {"__lt__", op_lt},
    {"__eq__", op_eq}, {"__neg__", op_neg}, {"__getitem__", op_getitem},
    {"not_", op_not_}, {"truth", op_truth}, {"abs", op_abs}, {"index", op_index},
    {"is_", op_is_}, {"is_not", op_is_not}, {"concat", op_concat}, {"iconcat", op_iconcat},
    {"contains", op_contains}, {"countOf", op_countOf}, {"indexOf", op_indexOf},
    {"getitem", op_getitem}, {"setitem", op_setitem}, {"delitem", op_delitem},
    {"length_hint", op_length_hint},
    {NULL, NULL}
};

Value mod_operator_init(void)
{
    Value m = mod_module_new("operator", operator_functions);
    mod_add_type(m, "itemgetter", &itemgetter_type, NULL);
    mod_add_type(m, "attrgetter", &attrgetter_type, NULL);
    mod_add_type(m, "methodcaller", &methodcaller_type, NULL);
    return m;
}
