/*
 * operator.c — the `_operator` accelerator, after CPython 3.11's
 * Modules/_operator.c.  CPython's Lib/operator.py defines every function in
 * Python and then replaces them with these (`from _operator import *`), so
 * `import operator` runs that file over this module.
 *
 * The operators as functions (add, lt, getitem, ...) and their in-place
 * forms (iadd, ...) are thin wrappers over the runtime's generic
 * operations, so each behaves exactly as the operator in source code does.
 * Then call, length_hint (PyObject_LengthHint), _compare_digest (a
 * comparison whose time does not depend on where the operands differ, for
 * hmac), and the callable types itemgetter, attrgetter (dotted names, split
 * once at construction) and methodcaller, with CPython's reprs and
 * __reduce__ (pickle and copy rebuild them from it).
 */
#include <string.h>
#include "modules/modutil.h"
#include "runtime/version.h"

/* The two styles of the module's functions, with CPython's messages: a
 * positional-only clinic function ("add expected 2 arguments, got 1") and
 * a one-argument METH_O one ("_operator.neg() takes exactly one argument
 * (0 given)"); keywords are refused naming the function with its module. */
static bool nargs_is(const char *name, size_t nargs, Value kw, size_t n)
{
    if (n == 1)
        return rt_arg_one_in("_operator", name, nargs, kw);
    return rt_arg_nokw_in("_operator", name, kw) && rt_arg_range(name, nargs, n, n);
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
#define UNOPS(X) X(neg, UN_NEG) X(pos, UN_POS) X(invert, UN_INVERT) X(inv, UN_INVERT) \
    X(abs, UN_ABS)

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

/* is_none(a), is_not_none(a): 3.14's. */
static Value op_is_none(Value *a, size_t n, Value kw)
{
    return nargs_is("is_none", n, kw, 1) ? rt_bool(a[0] == rt_None) : VAL_NULL;
}

static Value op_is_not_none(Value *a, size_t n, Value kw)
{
    return nargs_is("is_not_none", n, kw, 1) ? rt_bool(a[0] != rt_None) : VAL_NULL;
}

/* CPython's PySequence_Check: indexable, and not a mapping. */
static bool is_sequence_like(Value v)
{
    return val_type(v)->getitem != NULL && !rt_isinstance_of(v, &rt_dict_type);
}

/* concat / iconcat: PySequence_Concat refuses what is not a sequence. */
static Value concat(const char *name, Value *a, size_t n, Value kw, int op)
{
    if (!nargs_is(name, n, kw, 2))
        return VAL_NULL;
    if (!is_sequence_like(a[0]))
        return rt_raisef(&rt_TypeError, "'%s' object can't be concatenated", val_type(a[0])->name);
    return rt_binary_op(a[0], a[1], op);
}

static Value op_concat(Value *a, size_t n, Value kw)
{
    return concat("concat", a, n, kw, NB_ADD);
}

static Value op_iconcat(Value *a, size_t n, Value kw)
{
    return concat("iconcat", a, n, kw, NB_ADD + NB_INPLACE_OFFSET);
}

static Value op_contains(Value *a, size_t n, Value kw)
{
    if (!nargs_is("contains", n, kw, 2))
        return VAL_NULL;
    int r = rt_contains(a[0], a[1]);
    return r < 0 ? VAL_NULL : rt_bool(r);
}

/* countOf and indexOf iterate; a non-iterable is "argument of type 'int'
 * is not iterable", as `x in 5` says. */
static Value iter_for_search(Value seq)
{
    Value it = rt_iter(seq);
    if (it == VAL_NULL && rt_err_matches(&rt_TypeError)) {
        rt_err_clear();
        rt_raisef(&rt_TypeError, "argument of type '%s' is not iterable", val_type(seq)->name);
    }
    return it;
}

static Value op_countOf(Value *a, size_t n, Value kw)
{
    if (!nargs_is("countOf", n, kw, 2))
        return VAL_NULL;
    Value it = iter_for_search(a[0]), v;
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
    Value it = iter_for_search(a[0]), v;
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

/* call(obj, /, *args, **kwargs) */
static Value op_call(Value *a, size_t n, Value kw)
{
    if (!rt_arg_range("call", rt_npos(n, kw), 1, SIZE_MAX))
        return VAL_NULL;
    return rt_call(a[0], a + 1, n - 1, kw);
}

/* ---- length_hint(obj, default=0): CPython's PyObject_LengthHint ---------------- */

static Value op_length_hint(Value *a, size_t n, Value kw)
{
    if (!rt_arg_nokw("_operator.length_hint", kw) || !rt_arg_range("length_hint", n, 1, 2))
        return VAL_NULL;
    ssize_t dflt = 0;
    if (n > 1) {
        Value d = rt_index_or_null(a[1]);
        if (d == VAL_NULL) {
            if (!rt_err_occurred())
                rt_raisef(&rt_TypeError, "'%s' object cannot be interpreted as an integer",
                          val_type(a[1])->name);
            return VAL_NULL;
        }
        if (!mod_int_as_ssize(d, &dflt))
            return VAL_NULL;
    }
    ssize_t l = rt_length_hint(a[0], dflt);
    return l < 0 && rt_err_occurred() ? VAL_NULL : rt_int_from_i64(l);
}

/* ---- _compare_digest(a, b) --------------------------------------------------------- */

/* Equal?  The loop runs over all of b whatever a holds, and never stops
 * early, so its time says nothing about where a and b differ. */
static bool timing_safe_equal(const unsigned char *a, size_t alen,
                              const unsigned char *b, size_t blen)
{
    volatile unsigned char result = alen != blen;
    const unsigned char *left = alen == blen ? a : b;
    for (size_t i = 0; i < blen; i++)
        result |= left[i] ^ b[i];
    return result == 0;
}

/* The bytes of a bytes-like object (bytes, bytearray), or false with
 * CPython's TypeError. */
static bool digest_bytes(Value v, const unsigned char **data, size_t *len)
{
    if (rt_isinstance_of(v, &rt_bytes_type)) {
        *data = AS_BYTES(v)->data;
        *len = AS_BYTES(v)->length;
        return true;
    }
    if (rt_isinstance_of(v, &rt_bytearray_type)) {
        *data = VAL_AS(ObjByteArray, v)->data;
        *len = VAL_AS(ObjByteArray, v)->length;
        return true;
    }
    rt_raisef(&rt_TypeError, "a bytes-like object is required, not '%s'", val_type(v)->name);
    return false;
}

static Value op_compare_digest(Value *a, size_t n, Value kw)
{
    if (!nargs_is("_compare_digest", n, kw, 2))
        return VAL_NULL;
    const unsigned char *x, *y;
    size_t xn, yn;
    if (rt_is_str(a[0]) && rt_is_str(a[1])) {
        if (!AS_STR(a[0])->ascii || !AS_STR(a[1])->ascii)
            return rt_raisef(&rt_TypeError,
                             "comparing strings with non-ASCII characters is not supported");
        x = (const unsigned char *)rt_str_cstr(a[0]);
        y = (const unsigned char *)rt_str_cstr(a[1]);
        return rt_bool(timing_safe_equal(x, rt_str_nbytes(a[0]), y, rt_str_nbytes(a[1])));
    }
    if (!rt_is_bytes_like(a[0]) && !rt_is_bytes_like(a[1]))
        return rt_raisef(&rt_TypeError, "unsupported operand types(s) or combination of types: "
                         "'%s' and '%s'", val_type(a[0])->name, val_type(a[1])->name);
    if (!digest_bytes(a[0], &x, &xn) || !digest_bytes(a[1], &y, &yn))
        return VAL_NULL;
    return rt_bool(timing_safe_equal(x, xn, y, yn));
}

/* ---- itemgetter, attrgetter, methodcaller ------------------------------------------ */

/* items: itemgetter's keys; attrgetter's names, each a str or, for a dotted
 * name, a tuple of its parts; methodcaller's positional arguments (name
 * and kwargs are its own). */
typedef struct { Object ob; Value items; Value name, kwargs; } ObjGetter;
static ObjType itemgetter_type, attrgetter_type, methodcaller_type;

static Value getter_make(ObjType *t, Value items)
{
    ObjGetter *g = gc_alloc(sizeof *g);
    g->ob.type = t;
    g->items = items;
    return obj_val(g);
}

/* The shared call check: exactly one positional argument. */
static bool getter_args(const char *name, size_t nargs, Value kw)
{
    return rt_arg_nokw(name, kw) && rt_arg_range(name, nargs, 1, 1);
}

/* f(obj) for each of items: one result, or a tuple of them. */
static Value getter_apply(Value items, Value obj, Value (*get)(Value obj, Value item))
{
    size_t n = rt_tuple_len(items);
    if (n == 1)
        return get(obj, rt_tuple_get(items, 0));
    Value out = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++)
        if ((AS_TUPLE(out)->items[i] = get(obj, rt_tuple_get(items, i))) == VAL_NULL)
            return VAL_NULL;
    return out;
}

/* "operator.itemgetter(1)" or "operator.itemgetter(1, 'a')": the type's
 * name and the argument tuple's repr; "(...)" when it contains itself. */
static Value getter_repr(Value self, Value args)
{
    const char *name = val_type(self)->name;
    if (rt_repr_reentered(self))
        return rt_str_format_c("%s(...)", name);
    Value r = rt_repr(rt_tuple_len(args) == 1 ? rt_tuple_get(args, 0) : args);
    if (r == VAL_NULL)
        return VAL_NULL;
    return rt_str_format_c(rt_tuple_len(args) == 1 ? "%s(%s)" : "%s%s", name, rt_str_cstr(r));
}

/* (type(self), args): what __reduce__ returns for itemgetter/attrgetter. */
static Value getter_reduce(Value self, Value args)
{
    return rt_tuple_pack(2, obj_val(val_type(self)), args);
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
    if (!getter_args("itemgetter", nargs, kw))
        return VAL_NULL;
    return getter_apply(VAL_AS(ObjGetter, self)->items, args[0], rt_getitem);
}

static Value itemgetter_repr(Value self)
{
    return getter_repr(self, VAL_AS(ObjGetter, self)->items);
}

static Value itemgetter_reduce(Value *args, size_t nargs, Value kw)
{
    return getter_reduce(args[0], VAL_AS(ObjGetter, args[0])->items);
}

/* "a.b.c" → ('a', 'b', 'c') (interned); "a" stays "a". */
static Value split_dotted(Value name)
{
    const char *s = rt_str_cstr(name);
    if (strchr(s, '.') == NULL)
        return rt_str_intern(name);
    Value parts = rt_list_new(0);
    for (;;) {
        const char *dot = strchr(s, '.');
        size_t len = dot ? (size_t)(dot - s) : strlen(s);
        rt_list_append(parts, rt_str_intern(rt_str_new(s, len)));
        if (dot == NULL)
            return rt_list_as_tuple(parts);
        s = dot + 1;
    }
}

/* The names as given: dotted ones joined again. */
static Value attrgetter_names(ObjGetter *g)
{
    size_t n = rt_tuple_len(g->items);
    Value out = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++) {
        Value a = rt_tuple_get(g->items, i);
        if (is_tuple(a)) {
            StrBuf sb;
            sb_init(&sb);
            for (size_t j = 0; j < rt_tuple_len(a); j++) {
                if (j)
                    sb_addc(&sb, '.');
                sb_add_value_str(&sb, rt_tuple_get(a, j));
            }
            a = sb_finish(&sb);
        }
        AS_TUPLE(out)->items[i] = a;
    }
    return out;
}

static Value attrgetter_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("attrgetter", kw))
        return VAL_NULL;
    if (nargs == 0)
        return rt_raisef(&rt_TypeError, "attrgetter expected 1 argument, got 0");
    Value items = rt_tuple_new(nargs);
    for (size_t i = 0; i < nargs; i++) {
        if (!rt_is_str(args[i]))
            return rt_raisef(&rt_TypeError, "attribute name must be a string");
        AS_TUPLE(items)->items[i] = split_dotted(args[i]);
    }
    return getter_make(t, items);
}

/* obj.a.b.c for a dotted name (a tuple of parts), obj.a for a plain one. */
static Value dotted_get(Value obj, Value name)
{
    if (!is_tuple(name))
        return rt_getattr(obj, name);
    for (size_t i = 0; i < rt_tuple_len(name) && obj != VAL_NULL; i++)
        obj = rt_getattr(obj, rt_tuple_get(name, i));
    return obj;
}

static Value attrgetter_call(Value self, Value *args, size_t nargs, Value kw)
{
    if (!getter_args("attrgetter", nargs, kw))
        return VAL_NULL;
    return getter_apply(VAL_AS(ObjGetter, self)->items, args[0], dotted_get);
}

static Value attrgetter_repr(Value self)
{
    return getter_repr(self, attrgetter_names(VAL_AS(ObjGetter, self)));
}

static Value attrgetter_reduce(Value *args, size_t nargs, Value kw)
{
    return getter_reduce(args[0], attrgetter_names(VAL_AS(ObjGetter, args[0])));
}

static Value methodcaller_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    size_t npos = rt_npos(nargs, kw);
    if (npos < 1)
        return rt_raisef(&rt_TypeError, "methodcaller needs at least one argument, the method name");
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "method name must be a string");
    ObjGetter *g = VAL_AS(ObjGetter, getter_make(t, rt_tuple_from(args + 1, npos - 1)));
    g->name = rt_str_intern(args[0]);
    g->kwargs = rt_dict_new();
    for (size_t i = npos; i < nargs; i++)
        rt_dict_set(g->kwargs, rt_tuple_get(kw, i - npos), args[i]);
    return obj_val(g);
}

static Value methodcaller_call(Value self, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range("methodcaller", nargs, 1, 1) || !rt_arg_nokw("methodcaller", kw))
        return VAL_NULL;
    ObjGetter *g = VAL_AS(ObjGetter, self);
    Value m = rt_getattr(args[0], g->name);
    if (m == VAL_NULL)
        return VAL_NULL;
    return rt_call_tuple_dict(m, g->items, g->kwargs);
}

static Value methodcaller_repr(Value self)
{
    if (rt_repr_reentered(self))
        return rt_str_from_cstr("operator.methodcaller(...)");
    ObjGetter *g = VAL_AS(ObjGetter, self);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "operator.methodcaller(");
    sb_add_value_repr(&sb, g->name);
    for (size_t i = 0; i < rt_tuple_len(g->items); i++) {
        sb_adds(&sb, ", ");
        if (!sb_add_value_repr(&sb, rt_tuple_get(g->items, i)))
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

/* (methodcaller, (name, *args)); with keywords, which a constructor call
 * cannot take from a tuple, (partial(methodcaller, name, **kwargs), args). */
static Value methodcaller_reduce(Value *args, size_t nargs, Value kw)
{
    ObjGetter *g = VAL_AS(ObjGetter, args[0]);
    Value type = obj_val(val_type(args[0]));
    size_t n = rt_tuple_len(g->items);
    if (rt_dict_len(g->kwargs) == 0) {
        Value all = rt_tuple_new(n + 1);
        AS_TUPLE(all)->items[0] = g->name;
        memcpy(AS_TUPLE(all)->items + 1, AS_TUPLE(g->items)->items, n * sizeof(Value));
        return rt_tuple_pack(2, type, all);
    }
    Value functools = mod_import("functools");
    Value partial = functools ? rt_getattr_cstr(functools, "partial") : VAL_NULL;
    if (partial == VAL_NULL)
        return VAL_NULL;
    Value ctor = rt_call_tuple_dict(partial, rt_tuple_pack(2, type, g->name), g->kwargs);
    return ctor ? rt_tuple_pack(2, ctor, g->items) : VAL_NULL;
}

static const MethodDef itemgetter_methods[] = {
    {"__reduce__", itemgetter_reduce}, {NULL, NULL}
};
static const MethodDef attrgetter_methods[] = {
    {"__reduce__", attrgetter_reduce}, {NULL, NULL}
};
static const MethodDef methodcaller_methods[] = {
    {"__reduce__", methodcaller_reduce}, {NULL, NULL}
};

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

#define DEF(name, op) {#name, op_##name},

static const MethodDef operator_functions[] = {
    ARITH(DEF) IARITH(DEF) CMPS(DEF) UNOPS(DEF)
    {"not_", op_not_}, {"truth", op_truth}, {"index", op_index},
    {"is_", op_is_}, {"is_not", op_is_not}, {"concat", op_concat}, {"iconcat", op_iconcat},
    {"contains", op_contains}, {"countOf", op_countOf}, {"indexOf", op_indexOf},
    {"getitem", op_getitem}, {"setitem", op_setitem}, {"delitem", op_delitem},
    {"length_hint", op_length_hint}, {"call", op_call},
    {"_compare_digest", op_compare_digest},
    {NULL, NULL}
};

static const MethodDef operator_functions_314[] = {
    {"is_none", op_is_none}, {"is_not_none", op_is_not_none},
    {NULL, NULL}
};

Value mod__operator_init(void)
{
    Value m = mod_module_new("_operator", operator_functions);
    if (rt_py_minor >= 14)
        mod_module_add_functions(m, operator_functions_314);
    mod_module_set(m, "__doc__", rt_str_from_cstr(
        "Operator interface.\n\n"
        "This module exports a set of functions implemented in C corresponding\n"
        "to the intrinsic operators of Python.  For example, operator.add(x, y)\n"
        "is equivalent to the expression x+y.  The function names are those\n"
        "used for special methods; variants without leading and trailing\n"
        "'__' are also provided for convenience."));
    mod_add_type(m, "itemgetter", &itemgetter_type, itemgetter_methods);
    mod_add_type(m, "attrgetter", &attrgetter_type, attrgetter_methods);
    mod_add_type(m, "methodcaller", &methodcaller_type, methodcaller_methods);
    return m;
}
