/*
 * tuple.c — the immutable sequence.
 *
 * A tuple is one allocation: the length and the items inline (object.h).
 * There is exactly one empty tuple, a static object, so `() is ()` holds as
 * in CPython and rt_type_ready can build tuples before any type is ready.
 *
 * hash() follows CPython 3.11's tuplehash (an xxHash-style mix of the items'
 * hashes) bit for bit, so hash((1, 2)) prints the same number under pvm and
 * python3.11, and set/dict orders that depend on it agree too.
 */
#include <stdarg.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/finalize.h"
#include "vm/vm.h"

static ObjTuple empty_tuple = {.ob.type = &rt_tuple_type, .length = 0};
Value rt_empty_tuple = (Value)&empty_tuple;

/* ---- Construction ------------------------------------------------------- */

/* A tuple of n slots of the given type (items zeroed: the caller fills). */
static ObjTuple *tuple_alloc(ObjType *type, size_t n)
{
    if (n > (SIZE_MAX - sizeof(ObjTuple)) / sizeof(Value) ||
        !gc_size_ok(sizeof(ObjTuple) + n * sizeof(Value))) {
        rt_raise_nomemory();
        return NULL;
    }
    size_t size = sizeof(ObjTuple) + n * sizeof(Value);
    ObjTuple *t = type == &rt_tuple_type ? gc_alloc(size) : rt_alloc_var_instance(type, size);
    t->ob.type = type;
    t->length = n;
    return t;
}

/* ---- Subclass instances of str, bytes and tuple (see containers.h) ---- */

static size_t round_to_value(size_t n)
{
    return (n + sizeof(Value) - 1) / sizeof(Value) * sizeof(Value);
}

void *rt_alloc_var_instance(ObjType *type, size_t fixed)
{
    size_t tail = type->flags & TF_STR_SUBCLASS ? type->instance_size : 0;   /* __slots__ */
    Object *o = gc_alloc_instance(round_to_value(fixed) + sizeof(Value) + tail);
    o->type = type;
    if (type->flags & (TF_FINALIZER | TF_NO_INSTANCE))
        rt_instance_made(o);
    return o;
}

/* The builtin layout's size for an instance of a str/bytes/tuple subclass. */
static size_t var_fixed_size(Value obj)
{
    ObjType *t = val_type(obj);
    if (t->flags & TF_STR_SUBCLASS)
        return rt_str_size(AS_STR(obj)->nbytes, AS_STR(obj)->ascii);
    if (t->flags & TF_TUPLE_SUBCLASS)
        return sizeof(ObjTuple) + AS_TUPLE(obj)->length * sizeof(Value);
    if (rt_is_subtype(t, &rt_bytes_type))
        return sizeof(ObjBytes) + AS_BYTES(obj)->length + 1;
    return 0;
}

Value *rt_var_dict_slot(Value obj)
{
    if (val_is_small(obj) || val_type(obj) == &rt_str_type || val_type(obj) == &rt_tuple_type
        || val_type(obj) == &rt_bytes_type)
        return NULL;
    size_t fixed = var_fixed_size(obj);
    return fixed ? (Value *)((char *)val_obj(obj) + round_to_value(fixed)) : NULL;
}

Value rt_tuple_new(size_t n)
{
    if (n == 0)
        return rt_empty_tuple;
    ObjTuple *t = tuple_alloc(&rt_tuple_type, n);
    if (!t)
        return VAL_NULL;
    for (size_t i = 0; i < n; i++)
        t->items[i] = rt_None;
    return obj_val(t);
}

Value rt_tuple_from(const Value *items, size_t n)
{
    if (n == 0)
        return rt_empty_tuple;
    ObjTuple *t = tuple_alloc(&rt_tuple_type, n);
    if (!t)
        return VAL_NULL;
    memcpy(t->items, items, n * sizeof(Value));
    return obj_val(t);
}

Value rt_tuple_pack(size_t n, ...)
{
    if (n == 0)
        return rt_empty_tuple;
    ObjTuple *t = tuple_alloc(&rt_tuple_type, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        t->items[i] = va_arg(ap, Value);
    va_end(ap);
    return obj_val(t);
}

Value rt_sequence_to_tuple(Value iterable)
{
    if (is_tuple(iterable))
        return iterable;
    if (is_list(iterable))
        return rt_list_as_tuple(iterable);
    /* 3.14's tuple(x) no longer asks x's length hint */
    Value list = rt_py_minor >= 14 ? rt_sequence_fast(iterable) : rt_sequence_to_list(iterable);
    return list ? rt_list_as_tuple(list) : VAL_NULL;
}

/* ---- Slots ---------------------------------------------------------------- */

static bool is_anytuple(Value v)
{
    return is_tuple(v) || rt_isinstance_of(v, &rt_tuple_type);
}

/* The sequence helpers (sequence.c) read items and length through
 * pointers, for lists that change under them; a tuple never changes, so a
 * copy of its items pointer will do. */
typedef struct TupleRef {
    Value *items;
    size_t length;
} TupleRef;

static TupleRef tuple_ref(Value t)
{
    return (TupleRef){ AS_TUPLE(t)->items, AS_TUPLE(t)->length };
}

static Value tuple_repr(Value self)
{
    TupleRef t = tuple_ref(self);
    return rt_seq_repr(&t.items, &t.length, '(', ')');
}

/* CPython 3.11's tuplehash: xxHash's round over each item's hash. */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

/* An item that may itself hold items (not an int or str) is hashed one
 * level deeper in C: a tuple nested a million deep raises RecursionError
 * at the recursion limit (where CPython 3.11 overflows its C stack). */
static intptr_t item_hash(Value item)
{
    if (val_is_small(item) || is_str(item))
        return rt_hash(item);
    if (!vm_enter_recursive_call(" while getting the hash of an object"))
        return -1;
    intptr_t h = rt_hash(item);
    vm_leave_recursive_call();
    return h;
}

intptr_t rt_hash_items(const Value *items, size_t n, bool with_length)
{
    uint64_t acc = XXPRIME_5;
    for (size_t i = 0; i < n; i++) {
        intptr_t h = item_hash(items[i]);
        if (h == -1)
            return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    /* The length, mangled so hash(()) keeps its historical value. */
    if (with_length)
        acc += n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (intptr_t)acc;
}

static intptr_t tuple_hash(Value self)
{
    ObjTuple *t = AS_TUPLE(self);
    return rt_hash_items(t->items, t->length, true);
}

static Value tuple_richcompare(Value a, Value b, int op)
{
    if (!is_anytuple(a) || !is_anytuple(b))
        return rt_NotImplemented;
    TupleRef x = tuple_ref(a), y = tuple_ref(b);
    return rt_seq_richcompare(&x.items, &x.length, &y.items, &y.length, op);
}

/* left op (items[0..n) as a tuple), left an exact tuple: the answer
 * comparing it with a tuple of those items gives (rt_richcompare: the
 * recursion guard, then the two tuples' items), with no tuple made
 * (BUILD_TUPLE_COMPARE, vm/bytecodes.h). */
Value rt_tuple_compare_items(Value left, Value *items, size_t n, int op)
{
    if (!vm_enter_recursive_call(" in comparison"))
        return VAL_NULL;
    TupleRef x = tuple_ref(left);
    Value r = rt_seq_richcompare(&x.items, &x.length, &items, &n, op);
    vm_leave_recursive_call();
    return r;
}

static Value tuple_concat(Value va, Value vb)
{
    ObjTuple *a = AS_TUPLE(va), *b = AS_TUPLE(vb);
    if (b->length == 0 && a->ob.type == &rt_tuple_type)
        return obj_val(a);
    if (a->length == 0 && b->ob.type == &rt_tuple_type)
        return obj_val(b);
    ObjTuple *t = tuple_alloc(&rt_tuple_type, a->length + b->length);
    memcpy(t->items, a->items, a->length * sizeof(Value));
    memcpy(t->items + a->length, b->items, b->length * sizeof(Value));
    return obj_val(t);
}

static Value tuple_repeat(Value seq, ssize_t n)
{
    ObjTuple *a = AS_TUPLE(seq);
    if (n == 1 && a->ob.type == &rt_tuple_type)
        return obj_val(a);
    if (n == 0 || a->length == 0)
        return rt_empty_tuple;
    if ((size_t)n > SIZE_MAX / sizeof(Value) / a->length)
        return rt_raise_nomemory();
    ObjTuple *t = tuple_alloc(&rt_tuple_type, a->length * (size_t)n);
    if (!t)
        return VAL_NULL;
    memcpy(t->items, a->items, a->length * sizeof(Value));
    rt_fill_repeat(t->items, a->length * sizeof(Value), a->length * (size_t)n * sizeof(Value));
    return obj_val(t);
}

static Value tuple_binop(Value a, Value b, int op)
{
    return rt_seq_binop(&rt_tuple_type, a, b, op, tuple_concat, tuple_repeat);
}

static Value tuple_slice(ObjTuple *t, Value slice)
{
    ssize_t start, stop, step, n;
    if (!rt_slice_indices(slice, (ssize_t)t->length, &start, &stop, &step, &n))
        return VAL_NULL;
    if (n == (ssize_t)t->length && step == 1 && t->ob.type == &rt_tuple_type)
        return obj_val(t);
    if (n <= 0)
        return rt_empty_tuple;
    ObjTuple *r = tuple_alloc(&rt_tuple_type, (size_t)n);
    for (ssize_t i = 0; i < n; i++)     /* start + i * step: no step past the end */
        r->items[i] = t->items[start + i * step];
    return obj_val(r);
}

static Value tuple_getitem(Value self, Value key)
{
    ObjTuple *t = AS_TUPLE(self);
    if (IS_EXACT(key, rt_slice_type))
        return tuple_slice(t, key);
    size_t i;
    if (!rt_seq_index(key, t->length, "tuple", &i))
        return VAL_NULL;
    return t->items[i];
}

static ssize_t tuple_len(Value self)
{
    return (ssize_t)AS_TUPLE(self)->length;
}

static int tuple_contains(Value self, Value item)
{
    TupleRef t = tuple_ref(self);
    return rt_seq_contains(&t.items, &t.length, item);
}

/* ---- The tuple iterator --------------------------------------------------- */

ObjType rt_tupleiter_type;

static Value tuple_iter(Value self)
{
    TupleIter *it = gc_alloc(sizeof *it);
    it->ob.type = &rt_tupleiter_type;
    it->tuple = self;
    return obj_val(it);
}

static Value tupleiter_next(Value self)
{
    TupleIter *it = VAL_AS(TupleIter, self);
    if (it->tuple == VAL_NULL)
        return VAL_NULL;
    ObjTuple *t = AS_TUPLE(it->tuple);
    if (it->index < t->length)
        return t->items[it->index++];
    it->tuple = VAL_NULL;
    return VAL_NULL;
}

/* Pickling: (iter, (tuple,), index), (iter, ((),)) once exhausted. */
static Value tupleiter_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    TupleIter *it = VAL_AS(TupleIter, args[0]);
    return rt_reduce_iter(it->tuple, rt_empty_tuple, it->index);
}

static Value tupleiter_setstate(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__setstate__", nargs - 1, kwnames))
        return VAL_NULL;
    TupleIter *it = VAL_AS(TupleIter, args[0]);
    ssize_t n = it->tuple != VAL_NULL ? (ssize_t)rt_tuple_len(it->tuple) : 0, index;
    if (!rt_setstate_index(args[1], 0, n, &index))
        return VAL_NULL;
    if (it->tuple != VAL_NULL)
        it->index = (size_t)index;
    return rt_None;
}

static Value tupleiter_length_hint(Value *args, size_t nargs, Value kwnames)
{
    TupleIter *it = VAL_AS(TupleIter, args[0]);
    return small_new(it->tuple != VAL_NULL ? (intptr_t)(rt_tuple_len(it->tuple) - it->index)
                                           : 0);
}

static const MethodDef tupleiter_methods[] = {
    {"__reduce__", tupleiter_reduce}, {"__setstate__", tupleiter_setstate},
    {"__length_hint__", tupleiter_length_hint}, {NULL, NULL},
};

ObjType rt_tupleiter_type = {
    .ob.type = &rt_type_type,
    .name = "tuple_iterator",
    .base = &rt_object_type,
    .iter = rt_iter_self,
    .next = tupleiter_next,
};

/* ---- Constructor and methods -------------------------------------------- */

/* tuple() / tuple(iterable); a subclass gets a copy with its own type. */
static Value tuple_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw_new(type, "tuple", kwnames))
        return VAL_NULL;
    nargs = rt_npos(nargs, kwnames);
    if (!rt_arg_range("tuple", nargs, 0, 1))
        return VAL_NULL;
    Value t = nargs == 0 ? rt_empty_tuple : rt_sequence_to_tuple(args[0]);
    if (t == VAL_NULL || type == &rt_tuple_type)
        return t;
    ObjTuple *src = AS_TUPLE(t);
    ObjTuple *r = tuple_alloc(type, src->length);
    memcpy(r->items, src->items, src->length * sizeof(Value));
    return obj_val(r);
}

/* tuple.index(x[, start[, stop]]) */
static Value tuple_index(Value *args, size_t nargs, Value kwnames)
{
    TupleRef t = tuple_ref(args[0]);
    return rt_seq_index_m("tuple.index", &t.items, &t.length, args, nargs, kwnames,
                          "tuple.index(x): x not in tuple");
}

static Value tuple_count(Value *args, size_t nargs, Value kwnames)
{
    TupleRef t = tuple_ref(args[0]);
    return rt_seq_count_m("tuple.count", &t.items, &t.length, args, nargs, kwnames);
}

ObjType rt_tuple_type = {
    .ob.type = &rt_type_type,
    .name = "tuple",
    .base = &rt_object_type,
    .flags = TF_BASETYPE | TF_TUPLE_SUBCLASS | TF_SEQUENCE | TF_MATCH_SEQUENCE,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .binop = tuple_binop,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_MULTIPLY),
    .iter = tuple_iter,
    .getitem = tuple_getitem,
    .len = tuple_len,
    .contains = tuple_contains,
    .new_ = tuple_new,
};

/* t.__getnewargs__(): (a plain tuple of the items,), so a tuple
 * subclass pickles as cls.__new__(cls, items). */
static Value tuple_getnewargs(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__getnewargs__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjTuple *t = AS_TUPLE(args[0]);
    return rt_tuple_pack(1, rt_tuple_from(t->items, t->length));
}

static const MethodDef tuple_methods[] = {
    {"index", tuple_index},
    {"count", tuple_count},
    {"__getnewargs__", tuple_getnewargs},
    {NULL, NULL},
};


void rt_tuple_init(void)
{
    rt_type_ready(&rt_tuple_type, tuple_methods);
    rt_type_ready(&rt_tupleiter_type, tupleiter_methods);
}
