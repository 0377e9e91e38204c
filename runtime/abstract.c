/*
 * abstract.c — generic operations on any value.
 *
 * Each function here is the "slow path" of something the eval loop does:
 * it looks up the operand type's slot and, when the type has none, raises
 * the TypeError text CPython 3.11 prints.  Binary operators and comparisons
 * follow CPython's protocol: try the left operand's type, then the right's
 * (the right first when it is a subclass of the left), and fail only when
 * both answer NotImplemented.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/class.h"
#include "vm/vm.h"

#define SYMBOL(name, symbol, stem) symbol,
#define INPLACE_SYMBOL(name, symbol, stem) symbol "=",
const char *const rt_binop_symbols[] = {
    RT_BINARY_OPS(SYMBOL) RT_BINARY_OPS(INPLACE_SYMBOL) [NB_DIVMOD] = "divmod()"
};
const char *const rt_cmp_symbols[] = { RT_COMPARE_OPS(SYMBOL) };
static const char *const unary_symbols[] = { RT_UNARY_OPS(SYMBOL) };
#undef SYMBOL
#undef INPLACE_SYMBOL

/* ---- text ---------------------------------------------------------------- */

static Value check_str_result(Value r, const char *what)
{
    if (r != VAL_NULL && !rt_isinstance_of(r, &rt_str_type))
        return rt_raisef(&rt_TypeError, "%s returned non-string (type %s)",
                         what, val_type(r)->name);
    return r;
}

/* repr() of containers can recurse: a list that contains itself prints as
 * [[...]] (CPython's Py_ReprEnter), and very deep nesting raises
 * RecursionError (vm_enter_recursive_call, whose budget is the version's:
 * 3.13 prints lists nested 9,000 deep) instead of overflowing the C
 * stack.  The reprs in
 * progress are a list linked through rt_repr's own C stack frames, so the
 * running thread's list is one pointer (vm/thread.h swaps it). */
RtReprLink *rt_repr_active;

/* What a container's own repr prints when it meets itself again: [...],
 * {...}, (...), set(...).  VAL_NULL for reprs that do not guard (a class's
 * __repr__ recursing into itself gets RecursionError, as in CPython). */
static Value recursive_placeholder(ObjType *t)
{
    if (t->repr == rt_list_type.repr)
        return rt_str_from_cstr("[...]");
    if (t->repr == rt_dict_type.repr)
        return rt_str_from_cstr("{...}");
    if (t->repr == rt_tuple_type.repr)
        return rt_str_from_cstr("(...)");
    if (t->repr == rt_set_type.repr)
        return rt_str_format_c("%s(...)", t->name);
    return VAL_NULL;
}

bool rt_repr_reentered(Value v)
{
    int seen = 0;
    for (RtReprLink *l = rt_repr_active; l != NULL; l = l->outer)
        seen += l->obj == v;
    return seen > 1;
}

Value rt_repr(Value v)
{
    ObjType *t = val_type(v);
    if (t->repr == NULL)
        return rt_str_format_c("<%s object at %p>", t->name, (void *)v);
    if (val_is_small(v) || t == &rt_str_type || t == &rt_float_type)
        return t->repr(v);                  /* leaves: no recursion possible */
    for (RtReprLink *l = rt_repr_active; l != NULL; l = l->outer)
        if (l->obj == v) {
            Value placeholder = recursive_placeholder(t);
            if (placeholder != VAL_NULL)
                return placeholder;
        }
    static const char where[] = " while getting the repr of an object";
    if (!vm_enter_recursive_call(where))
        return VAL_NULL;
    RtReprLink link = { v, rt_repr_active };
    rt_repr_active = &link;
    Value r = t->repr(v);
    rt_repr_active = link.outer;
    vm_leave_recursive_call();
    return check_str_result(r, "__repr__");
}

Value rt_str(Value v)
{
    if (is_str(v))
        return v;
    ObjType *t = val_type(v);
    if (t->str == NULL)
        return rt_repr(v);
    if (!vm_enter_recursive_call(" while getting the str of an object"))
        return VAL_NULL;
    Value r = t->str(v);
    vm_leave_recursive_call();
    return check_str_result(r, "__str__");
}

/* ascii(): repr with every non-ASCII character escaped. */
Value rt_ascii(Value v)
{
    Value r = rt_repr(v);
    if (r == VAL_NULL || AS_STR(r)->ascii)
        return r;
    StrBuf sb;
    sb_init(&sb);
    char buf[16];
    for (size_t i = 0; i < AS_STR(r)->length; i++) {
        uint32_t c = rt_str_char_at(r, i);
        if (c < 0x80)
            sb_addc(&sb, (char)c);
        else {
            if (c <= 0xff)
                snprintf(buf, sizeof buf, "\\x%02x", c);
            else if (c <= 0xffff)
                snprintf(buf, sizeof buf, "\\u%04x", c);
            else
                snprintf(buf, sizeof buf, "\\U%08x", c);
            sb_adds(&sb, buf);
        }
    }
    return sb_finish(&sb);
}

/* ---- hashing and truth ------------------------------------------------------ */

intptr_t rt_hash(Value v)
{
    if (val_is_small(v)) {
        intptr_t i = small_value(v);
        if (i > -((intptr_t)1 << 60) && i < ((intptr_t)1 << 60))
            return i == -1 ? -2 : i;
        return rt_int_hash(v);
    }
    ObjType *t = val_type(v);
    if (t == &rt_str_type)
        return rt_str_hash(v);
    if (t->hash == NULL) {
        rt_raisef(&rt_TypeError, "unhashable type: '%s'", t->name);
        return -1;
    }
    return t->hash(v);
}

/* A type's name as CPython's %T gives it: module.qualname, the module left
 * out for builtins and __main__. */
Value rt_type_fullname(ObjType *t)
{
    Value module = rt_dict_get_cstr(rt_type_dict(t), "__module__");
    Value qualname = rt_getattr_cstr(obj_val(t), "__qualname__");
    if (qualname == VAL_NULL || !is_str(qualname)) {
        rt_err_clear();
        qualname = rt_str_from_cstr(t->name);
    }
    if (module == VAL_NULL || !is_str(module) || strcmp(rt_str_cstr(module), "builtins") == 0 ||
        strcmp(rt_str_cstr(module), "__main__") == 0)
        return qualname;
    return rt_str_format_c("%s.%s", rt_str_cstr(module), rt_str_cstr(qualname));
}

/* rt_hash of a dict key or set element (`what`): from 3.14 a TypeError
 * says which, "cannot use 'list' as a dict key (unhashable type: 'list')". */
intptr_t rt_hash_as(Value v, const char *what)
{
    intptr_t h = rt_hash(v);
    if (h != -1 || rt_py_minor < 14 || !rt_err_occurred() ||
        val_type(rt_err_peek()) != &rt_TypeError)
        return h;
    Value why = rt_str(rt_err_fetch());
    if (why == VAL_NULL)
        return -1;
    rt_raisef(&rt_TypeError, "cannot use '%s' as %s (%s)",
              rt_str_cstr(rt_type_fullname(val_type(v))), what, rt_str_cstr(why));
    return -1;
}

int rt_truthy(Value v)
{
    if (v == rt_True)
        return 1;
    if (v == rt_False || v == rt_None)
        return 0;
    if (val_is_small(v))
        return small_value(v) != 0;
    ObjType *t = val_type(v);
    if (t->truth != NULL)
        return t->truth(v);
    if (t->len != NULL) {
        ssize_t n = t->len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ---- comparisons ---------------------------------------------------------- */

static const int swapped_cmp[] = { CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE };

static Value do_richcompare(Value a, Value b, int op)
{
    ObjType *ta = val_type(a), *tb = val_type(b);
    bool reflected_tried = false;
    Value r;
    if (ta != tb && tb->richcompare != NULL && rt_is_subtype(tb, ta)) {
        reflected_tried = true;
        r = tb->richcompare(b, a, swapped_cmp[op]);
        if (r != rt_NotImplemented)
            return r;
    }
    if (ta->richcompare != NULL) {
        r = ta->richcompare(a, b, op);
        if (r != rt_NotImplemented)
            return r;
    }
    if (!reflected_tried && tb->richcompare != NULL) {
        r = tb->richcompare(b, a, swapped_cmp[op]);
        if (r != rt_NotImplemented)
            return r;
    }
    if (op == CMP_EQ)
        return rt_bool(a == b);
    if (op == CMP_NE)
        return rt_bool(a != b);
    return rt_raisef(&rt_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                     rt_cmp_symbols[op], ta->name, tb->name);
}

/* Comparing containers compares their items: each level counts against
 * the recursion limit, so x == y for x = {'a': x}, y = {'a': y} raises
 * RecursionError "... in comparison" as in CPython. */
/* Whether `a op b` holds for two small (tagged) ints. */
static inline bool small_cmp_holds(Value a, Value b, int op)
{
    intptr_t x = small_value(a), y = small_value(b);
    return rt_cmp_holds(x < y ? -1 : x > y, op);
}

Value rt_richcompare(Value a, Value b, int op)
{
    if (val_is_small(a) && val_is_small(b))    /* nothing to recurse into: (1, 2) < (1, 3)'s last step */
        return rt_bool(small_cmp_holds(a, b, op));
    if (!vm_enter_recursive_call(" in comparison"))
        return VAL_NULL;
    Value r = do_richcompare(a, b, op);
    vm_leave_recursive_call();
    return r;
}

/* A float, or a small int a double holds exactly (|n| <= 2**53), as a
 * double: C compares those as Python does, NaN included. */
static inline bool exact_double(Value v, double *out)
{
    if (is_float(v)) {
        *out = AS_FLOAT(v)->value;
        return true;
    }
    if (val_is_small(v) && small_value(v) >= -(INT64_C(1) << 53) && small_value(v) <= INT64_C(1) << 53) {
        *out = (double)small_value(v);
        return true;
    }
    return false;
}

int rt_compare_bool(Value a, Value b, int op)
{
    if (val_is_small(a) && val_is_small(b))
        return small_cmp_holds(a, b, op);
    double x, y;
    if ((is_float(a) || is_float(b)) && exact_double(a, &x) && exact_double(b, &y))
        return x < y ? rt_cmp_holds(-1, op) : x > y ? rt_cmp_holds(1, op)
             : x == y ? rt_cmp_holds(0, op) : op == CMP_NE;     /* NaN: only != holds */
    Value r = rt_richcompare(a, b, op);
    if (r == VAL_NULL)
        return -1;
    return rt_truthy(r);
}

int rt_eq(Value a, Value b)
{
    if (a == b)
        return 1;
    if (is_str(a) && is_str(b))
        return rt_str_equal(a, b);
    return rt_compare_bool(a, b, CMP_EQ);
}

/* ---- arithmetic ---------------------------------------------------------- */

static Value unsupported_binop(Value a, Value b, int op)
{
    if (op == NB_POWER)
        return rt_raisef(&rt_TypeError,
                         "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                         val_type(a)->name, val_type(b)->name);
    /* `print >> f`: Python 2's redirection, which CPython's binary_op hints
     * at (until 3.14). */
    const char *hint = op == NB_RSHIFT && rt_py_minor < 14 && IS_EXACT(a, rt_builtin_type) &&
                       strcmp(VAL_AS(ObjBuiltin, a)->name, "print") == 0
                       ? ". Did you mean \"print(<message>, file=<output_stream>)\"?" : "";
    return rt_raisef(&rt_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'%s",
                     rt_binop_symbols[op], val_type(a)->name, val_type(b)->name, hint);
}

static bool is_sequence(ObjType *t)
{
    return (t->flags & TF_SEQUENCE) != 0;
}

/* seq * n when neither operand's binop took it (CPython's sequence_repeat):
 * n must have __index__; the sequence's own binop (or in-place slot)
 * then repeats it by that int. */
static Value sequence_repeat(Value seq, Value n, int op)
{
    Value count = rt_index_or_null(n);
    if (count == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL
            : rt_raisef(&rt_TypeError, "can't multiply sequence by non-int of type '%T'", n);
    ObjType *t = val_type(seq);
    if (op != NB_MULTIPLY && t->inplace != NULL) {
        Value r = t->inplace(seq, count, NB_MULTIPLY);
        if (r != rt_NotImplemented)
            return r;
    }
    return t->binop(seq, count, NB_MULTIPLY);
}

Value rt_binary_op(Value a, Value b, int op)
{
    int plain = rt_nb_plain(op);
    ObjType *ta = val_type(a), *tb = val_type(b);
    Value r;
    if (op != plain && ta->inplace != NULL) {
        r = ta->inplace(a, b, plain);
        if (r != rt_NotImplemented)
            return r;
    }
    bool right_first = ta != tb && tb->binop != NULL && rt_is_subtype(tb, ta)
                       && tb->binop != ta->binop;
    if (right_first) {
        r = tb->binop(a, b, plain);
        if (r != rt_NotImplemented)
            return r;
    }
    if (ta->binop != NULL) {
        r = ta->binop(a, b, plain);
        if (r != rt_NotImplemented)
            return r;
    }
    if (!right_first && tb != ta && tb->binop != NULL && tb->binop != ta->binop) {
        r = tb->binop(a, b, plain);
        if (r != rt_NotImplemented)
            return r;
    }
    if (plain == NB_MULTIPLY) {
        if (is_sequence(ta))
            return sequence_repeat(a, b, op);
        if (is_sequence(tb))
            return sequence_repeat(b, a, NB_MULTIPLY);
    }
    return unsupported_binop(a, b, op);
}

Value rt_unary_op(Value v, int op)
{
    ObjType *t = val_type(v);
    if (t->unary != NULL) {
        Value r = t->unary(v, op);
        if (r != rt_NotImplemented)
            return r;
    }
    return rt_raisef(&rt_TypeError, op < UN_ABS ? "bad operand type for unary %s: '%s'"
                                                : "bad operand type for %s: '%s'",
                     unary_symbols[op], t->name);
}

/* CPython's ternary_op: each operand's type in turn (the exponent's first
 * when it is a subclass of the base's), each type once. */
Value rt_ternary_power(Value base, Value exp, Value mod)
{
    ObjType *tb = val_type(base), *te = val_type(exp), *tm = val_type(mod);
    ObjType *order[3] = { tb, te != tb ? te : NULL, tm != tb && tm != te ? tm : NULL };
    if (order[1] != NULL && rt_is_subtype(te, tb)) {
        order[0] = te;
        order[1] = tb;
    }
    for (int i = 0; i < 3; i++) {
        if (order[i] == NULL || order[i]->pow3 == NULL)
            continue;
        Value r = order[i]->pow3(base, exp, mod);
        if (r != rt_NotImplemented)
            return r;
    }
    return rt_raisef(&rt_TypeError,
                     "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                     tb->name, te->name, tm->name);
}

/* ---- containers ----------------------------------------------------------- */

/* C[item] on a class: its __class_getitem__, if it has one; type[int]
 * is a GenericAlias without type having one (so a metaclass is not
 * subscriptable), as in CPython. */
static Value class_getitem(Value cls, Value key)
{
    if (cls == obj_val(&rt_type_type))
        return rt_generic_alias_new(cls, key);
    Value m = rt_type_lookup(AS_TYPE(cls), RT_NAME("__class_getitem__"));
    if (m == VAL_NULL || m == rt_None)          /* None opts out, as in CPython */
        return rt_raisef(&rt_TypeError, "type '%s' is not subscriptable", AS_TYPE(cls)->name);
    if (val_type(m)->descr_get != NULL)
        m = val_type(m)->descr_get(m, VAL_NULL, cls);
    return m == VAL_NULL ? VAL_NULL : rt_call1(m, key);
}

Value rt_getitem(Value obj, Value key)
{
    ObjType *t = val_type(obj);
    if (t->getitem != NULL)
        return t->getitem(obj, key);
    if (rt_isinstance_of(obj, &rt_type_type))
        return class_getitem(obj, key);
    return rt_raisef(&rt_TypeError, "'%s' object is not subscriptable", t->name);
}

int rt_setitem(Value obj, Value key, Value v)
{
    ObjType *t = val_type(obj);
    if (t->setitem != NULL)
        return t->setitem(obj, key, v);
    rt_raisef(&rt_TypeError, "'%s' object does not support item assignment", t->name);
    return -1;
}

int rt_delitem(Value obj, Value key)
{
    ObjType *t = val_type(obj);
    if (t->setitem != NULL)
        return t->setitem(obj, key, VAL_NULL);
    rt_raisef(&rt_TypeError, "'%s' object doesn't support item deletion", t->name);
    return -1;
}

ssize_t rt_len(Value v)
{
    ObjType *t = val_type(v);
    if (t->len != NULL)
        return t->len(v);
    rt_raisef(&rt_TypeError, "object of type '%s' has no len()", t->name);
    return -1;
}

/* `item in container`: the contains slot, or a linear search by iteration. */
int rt_contains(Value container, Value item)
{
    ObjType *t = val_type(container);
    if (t->contains != NULL)
        return t->contains(container, item);
    /* No iterator (none at all, or __iter__ = None): CPython's
     * _PySequence_IterSearch puts its own message on the TypeError. */
    Value it = t->iter == NULL && t->getitem == NULL ? VAL_NULL : rt_iter(container);
    if (it == VAL_NULL) {
        if (!rt_err_occurred() || rt_err_matches(&rt_TypeError))
            rt_raisef(&rt_TypeError, rt_py_minor >= 14 ? "argument of type '%s' is not a container or iterable"
                                                       : "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    for (;;) {
        Value x = rt_next(it);
        if (x == VAL_NULL)
            return rt_err_occurred() ? -1 : 0;
        int eq = rt_eq(x, item);
        if (eq != 0)
            return eq;
    }
}

/* CPython's PyObject_LengthHint: len(o) when it has one (a TypeError from
 * it is ignored), else o.__length_hint__() unless that is missing, raises
 * TypeError or answers NotImplemented: then `dflt`. */
ssize_t rt_length_hint(Value o, ssize_t dflt)
{
    if (val_type(o)->len != NULL) {
        ssize_t n = rt_len(o);
        if (n >= 0)
            return n;
        if (!rt_err_matches(&rt_TypeError))
            return -1;
        rt_err_clear();
    }
    Value m = rt_type_lookup(val_type(o), RT_NAME("__length_hint__"));
    if (m == VAL_NULL)
        return dflt;
    Value r = val_type(m)->descr_get ? val_type(m)->descr_get(m, o, obj_val(val_type(o))) : m;
    r = r == VAL_NULL ? VAL_NULL : rt_call0(r);
    if (r == VAL_NULL) {
        if (!rt_err_matches(&rt_TypeError))
            return -1;
        rt_err_clear();
        return dflt;
    }
    if (r == rt_NotImplemented)
        return dflt;
    if (!rt_isinstance_of(r, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "__length_hint__ must be an integer, not %s", val_type(r)->name);
        return -1;
    }
    int64_t n;
    if (!rt_int_as_i64(r, &n) || n > PTRDIFF_MAX) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    if (n < 0) {
        rt_raisef(&rt_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

Value rt_iter(Value v)
{
    ObjType *t = val_type(v);
    if (t->iter != NULL) {
        Value it = t->iter(v);
        if (it != VAL_NULL && val_type(it)->next == NULL)
            return rt_raisef(&rt_TypeError, "iter() returned non-iterator of type '%s'",
                             val_type(it)->name);
        return it;
    }
    /* A class that sets __iter__ = None is not iterable, __getitem__ or not. */
    if (t->getitem != NULL && t != &rt_dict_type &&
        !(rt_is_heaptype(t) && rt_type_lookup(t, RT_NAME("__iter__")) == rt_None))
        return rt_seq_iter_new(v);
    return rt_raisef(&rt_TypeError, "'%s' object is not iterable", t->name);
}

Value rt_next(Value iter)
{
    ObjType *t = val_type(iter);
    if (t->next == NULL)
        return rt_raisef(&rt_TypeError, "'%s' object is not an iterator", t->name);
    Value v = t->next(iter);
    /* A next slot may end with StopIteration set (a generator returning a
     * value does); to a consumer that is plain exhaustion (PyIter_Next). */
    if (v == VAL_NULL && rt_err_occurred() && rt_err_matches(&rt_StopIteration))
        rt_err_clear();
    /* The consumer is a C loop (list(), join, sorted(), dict.fromkeys,
     * set()): a heap that filled up while it ran is its MemoryError now. */
    if (v != VAL_NULL && !vm_memory_check())
        return VAL_NULL;
    return v;
}

/* ---- attributes ------------------------------------------------------------ */

Value rt_getattr(Value obj, Value name)
{
    ObjType *t = val_type(obj);
    Value v = t->getattr != NULL ? t->getattr(obj, name) : rt_generic_getattr(obj, name);
    if (v == VAL_NULL)
        rt_err_set_name(&rt_AttributeError, name, obj);
    return v;
}

Value rt_getattr_cstr(Value obj, const char *name)
{
    return rt_getattr(obj, rt_str_intern_cstr(name));
}

int rt_setattr(Value obj, Value name, Value v)
{
    ObjType *t = val_type(obj);
    if (t->setattr != NULL)
        return t->setattr(obj, name, v);
    return rt_generic_setattr(obj, name, v);
}

int rt_delattr(Value obj, Value name)
{
    return rt_setattr(obj, name, VAL_NULL);
}

Value rt_lookup_attr(Value obj, Value name)
{
    ObjType *t = val_type(obj);
    Value v = t->getattr == NULL ? rt_generic_lookup_attr(obj, name) : rt_getattr(obj, name);
    if (v == VAL_NULL && rt_err_matches(&rt_AttributeError))
        rt_err_clear();
    return v;
}

/* ---- integers as indexes ----------------------------------------------------- */

/* v.__index__(): a class's method, or the unary slot of a builtin type
 * that has one (weakref proxies); VAL_NULL without an exception when v has
 * neither. */
static Value call_index(Value v)
{
    ObjType *t = val_type(v);
    if (t->flags & TF_HEAPTYPE) {
        Value m = rt_type_lookup(t, RT_NAME("__index__"));
        return m != VAL_NULL ? rt_call_found(m, v, NULL, 0) : VAL_NULL;
    }
    if (t->unary != NULL && (t->unary_ops & RT_OP_BIT(UN_INDEX)))
        return t->unary(v, UN_INDEX);
    return VAL_NULL;
}

bool rt_number_check(Value v)
{
    static const char *const slots[] = { "__index__", "__int__", "__float__" };
    if (val_is_small(v) || rt_isinstance_of(v, &rt_int_type) ||
        rt_isinstance_of(v, &rt_float_type) || rt_isinstance_of(v, &rt_complex_type))
        return true;
    for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
        if (rt_type_lookup(val_type(v), rt_str_intern_cstr(slots[i])) != VAL_NULL)
            return true;
    return false;
}

Value rt_index(Value v)
{
    if (val_is_small(v))
        return v;
    if (rt_isinstance_of(v, &rt_int_type))
        return rt_int_unbool(v);
    Value r = call_index(v);
    if (r != VAL_NULL)
        return rt_int_result("__index__", r);
    if (rt_err_occurred())
        return VAL_NULL;
    return rt_raisef(&rt_TypeError, "'%s' object cannot be interpreted as an integer",
                     val_type(v)->name);
}

/* v.__index__() as a ssize_t; too large an int raises `overflow` with msg. */
static bool index_ssize(Value v, ssize_t *out, ObjType *overflow, const char *msg)
{
    Value i = rt_index(v);
    if (i == VAL_NULL)
        return false;
    if (val_is_small(i)) {
        *out = small_value(i);
        return true;
    }
    int64_t x;
    if (!rt_int_as_i64(i, &x)) {
        rt_err_clear();
        rt_raisef(overflow, "%s", msg);
        return false;
    }
    *out = (ssize_t)x;
    return true;
}

bool rt_as_ssize(Value v, ssize_t *out)
{
    if (val_is_small(v)) {
        *out = small_value(v);
        return true;
    }
    return index_ssize(v, out, &rt_IndexError, "cannot fit 'int' into an index-sized integer");
}

/* Too large an int is OverflowError here, as CPython's
 * PyNumber_AsSsize_t(v, PyExc_OverflowError) says. */
bool rt_index_ssize(Value v, ssize_t *out)
{
    return index_ssize(v, out, &rt_OverflowError, "Python int too large to convert to C ssize_t");
}

/* ---- calls ------------------------------------------------------------------- */

Value rt_call(Value callable, Value *args, size_t nargs, Value kwnames)
{
    ObjType *t = val_type(callable);
    if (t->call == NULL)
        return rt_raisef(&rt_TypeError, "'%s' object is not callable", t->name);
    return t->call(callable, args, nargs, kwnames);
}

Value rt_call0(Value callable)
{
    return rt_call(callable, NULL, 0, VAL_NULL);
}

Value rt_call1(Value callable, Value a)
{
    return rt_call(callable, &a, 1, VAL_NULL);
}

Value rt_call2(Value callable, Value a, Value b)
{
    Value args[2] = { a, b };
    return rt_call(callable, args, 2, VAL_NULL);
}

bool rt_call_flatten(Value args, Value kwargs, Value **vec, size_t *nargs, Value *kwnames)
{
    size_t npos = rt_tuple_len(args);
    size_t nkw = kwargs == VAL_NULL ? 0 : rt_dict_len(kwargs);
    *nargs = npos + nkw;
    *kwnames = VAL_NULL;
    if (nkw == 0) {
        *vec = AS_TUPLE(args)->items;
        return true;
    }
    Value *all = gc_alloc((npos + nkw) * sizeof(Value));
    memcpy(all, AS_TUPLE(args)->items, npos * sizeof(Value));
    Value names = rt_tuple_new(nkw);
    Value k, v;
    size_t i = 0;
    for (size_t pos = 0; i < nkw && rt_dict_next(kwargs, &pos, &k, &v); i++) {
        if (!rt_is_str(k)) {            /* str subclasses are keywords too */
            rt_raisef(&rt_TypeError, "keywords must be strings");
            return false;
        }
        AS_TUPLE(names)->items[i] = k;
        all[npos + i] = v;
    }
    *vec = all;
    *kwnames = names;
    return true;
}

/* f(*args, **kwargs): flatten into the vectorcall convention. */
Value rt_call_tuple_dict(Value callable, Value args, Value kwargs)
{
    Value *vec, kwnames;
    size_t nargs;
    if (!rt_call_flatten(args, kwargs, &vec, &nargs, &kwnames))
        return VAL_NULL;
    return rt_call(callable, vec, nargs, kwnames);
}

bool rt_callable(Value v)
{
    return val_type(v)->call != NULL;
}
