/*
 * array.c — array.array for the typecodes b B h H i I l L q Q f d: a typed
 * sequence whose items are checked (and, for 'f', rounded to single
 * precision) on the way in, kept as Python values in a list, and packed
 * to native machine bytes only for tobytes/frombytes.
 */
#include <math.h>
#include <string.h>
#include "modules/modutil.h"

typedef struct { Object ob; char code; Value list; } ObjArray;
static ObjType array_type;
#define ARR(v) VAL_AS(ObjArray, v)

typedef struct { char code; size_t size; bool is_signed, is_float; const char *cname; } Code;
static const Code codes[] = {
    {'b', 1, true, false, "signed char"}, {'B', 1, false, false, "unsigned byte integer"},
    {'h', 2, true, false, "signed short integer"}, {'H', 2, false, false, "unsigned short"},
    {'i', 4, true, false, "signed integer"}, {'I', 4, false, false, "unsigned int"},
    {'l', 8, true, false, "signed long"}, {'L', 8, false, false, "unsigned long"},
    {'q', 8, true, false, "signed long long"}, {'Q', 8, false, false, "unsigned long long"},
    {'f', 4, true, true, "float"}, {'d', 8, true, true, "double"},
};

static const Code *find_code(char c)
{
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (codes[i].code == c)
            return &codes[i];
    return NULL;
}

/* The value to store for v, checked against the typecode. */
static Value convert(const Code *c, Value v)
{
    if (c->is_float) {
        double d;
        if (!mod_as_double(v, &d))
            return VAL_NULL;
        return rt_float_new(c->size == 4 ? (double)(float)d : d);
    }
    if (rt_isinstance_of(v, &rt_float_type))
        return rt_raisef(&rt_TypeError, "'float' object cannot be interpreted as an integer");
    Value i = rt_index(v);
    if (i == VAL_NULL)
        return VAL_NULL;
    int64_t x;
    bool fits = rt_int_as_i64(i, &x);
    if (!fits)
        rt_err_clear();
    if (c->size == 8) {
        if (c->is_signed && !fits)
            return rt_raisef(&rt_OverflowError, "Python int too large to convert to C long");
        if (!c->is_signed) {
            if (rt_int_sign(i) < 0)
                return rt_raisef(&rt_OverflowError,
                                 "can't convert negative int to unsigned");
            if (!fits && rt_int_bit_length(i) > 64)
                return rt_raisef(&rt_OverflowError, "Python int too large to convert to C %s",
                                 c->code == 'L' ? "unsigned long" : "unsigned long long");
        }
        return i;
    }
    int64_t lo = c->is_signed ? -((int64_t)1 << (c->size * 8 - 1)) : 0;
    int64_t hi = c->is_signed ? ((int64_t)1 << (c->size * 8 - 1)) - 1
                              : ((int64_t)1 << (c->size * 8)) - 1;
    if (!fits || x > hi)
        return rt_raisef(&rt_OverflowError, "%s is greater than maximum", c->cname);
    if (x < lo)
        return rt_raisef(&rt_OverflowError, "%s is less than minimum", c->cname);
    return i;
}

static bool append_checked(ObjArray *a, Value v)
{
    Value x = convert(find_code(a->code), v);
    return x != VAL_NULL && rt_list_append(a->list, x);
}

static bool extend_from(ObjArray *a, Value iterable)
{
    if (val_type(iterable) == &array_type) {
        if (ARR(iterable)->code != a->code) {
            rt_raisef(&rt_TypeError, "can only extend with array of same kind");
            return false;
        }
        return rt_list_extend(a->list, rt_sequence_to_list(ARR(iterable)->list));
    }
    Value it = rt_iter(iterable), v;
    if (it == VAL_NULL)
        return false;
    while ((v = rt_next(it)) != VAL_NULL)
        if (!append_checked(a, v))
            return false;
    return !rt_err_occurred();
}

static Value array_make(char code)
{
    ObjArray *a = gc_alloc(sizeof *a);
    a->ob.type = &array_type;
    a->code = code;
    a->list = rt_list_new(0);
    return obj_val(a);
}

static bool frombytes(ObjArray *a, const unsigned char *p, size_t n)
{
    const Code *c = find_code(a->code);
    if (n % c->size) {
        rt_raisef(&rt_ValueError, "bytes length not a multiple of item size");
        return false;
    }
    for (size_t off = 0; off < n; off += c->size) {
        Value v;
        if (c->is_float) {
            if (c->size == 4) {
                float f;
                memcpy(&f, p + off, 4);
                v = rt_float_new(f);
            } else {
                double d;
                memcpy(&d, p + off, 8);
                v = rt_float_new(d);
            }
        } else {
            uint64_t u = 0;
            memcpy(&u, p + off, c->size);     /* little-endian host */
            if (c->is_signed && c->size < 8 && (u >> (c->size * 8 - 1)) & 1)
                u |= ~(uint64_t)0 << (c->size * 8);
            v = c->is_signed ? rt_int_from_i64((int64_t)u) : rt_int_from_u64(u);
        }
        rt_list_append(a->list, v);
    }
    return true;
}

static Value array_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("array.array", kw) || !rt_arg_range("array", nargs, 1, 2))
        return VAL_NULL;
    if (!rt_is_str(args[0]) || AS_STR(args[0])->length != 1)
        return rt_raisef(&rt_TypeError,
                         "array() argument 1 must be a unicode character, not %T", args[0]);
    char code = rt_str_cstr(args[0])[0];
    if (!find_code(code))
        return rt_raisef(&rt_ValueError,
                         "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    Value a = array_make(code);
    if (nargs == 2) {
        if (rt_isinstance_of(args[1], &rt_bytes_type)) {
            if (!frombytes(ARR(a), AS_BYTES(args[1])->data, AS_BYTES(args[1])->length))
                return VAL_NULL;
        } else if (rt_is_str(args[1])) {
            return rt_raisef(&rt_TypeError,
                             "cannot use a str to initialize an array with typecode '%c'", code);
        } else if (!extend_from(ARR(a), args[1])) {
            return VAL_NULL;
        }
    }
    return a;
}

static Value ar_append(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("append", nargs - 1, kw))
        return VAL_NULL;
    return append_checked(ARR(args[0]), args[1]) ? rt_None : VAL_NULL;
}

static Value ar_extend(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("extend", nargs - 1, kw))
        return VAL_NULL;
    return extend_from(ARR(args[0]), args[1]) ? rt_None : VAL_NULL;
}

static Value ar_fromlist(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("fromlist", nargs - 1, kw))
        return VAL_NULL;
    if (!rt_isinstance_of(args[1], &rt_list_type))
        return rt_raisef(&rt_TypeError, "arg must be list");
    return extend_from(ARR(args[0]), args[1]) ? rt_None : VAL_NULL;
}

static Value ar_tolist(Value *args, size_t nargs, Value kw)
{
    return rt_sequence_to_list(ARR(args[0])->list);
}

static Value ar_tobytes(Value *args, size_t nargs, Value kw)
{
    ObjArray *a = ARR(args[0]);
    const Code *c = find_code(a->code);
    ObjList *l = AS_LIST(a->list);
    unsigned char *buf = gc_alloc_atomic(l->length * c->size + 1);
    for (size_t i = 0; i < l->length; i++) {
        unsigned char *p = buf + i * c->size;
        if (c->is_float) {
            double d = AS_FLOAT(l->items[i])->value;
            if (c->size == 4) {
                float f = (float)d;
                memcpy(p, &f, 4);
            } else {
                memcpy(p, &d, 8);
            }
        } else {
            int64_t x = 0;
            if (!rt_int_as_i64(l->items[i], &x)) {
                rt_err_clear();
                bool ov;
                x = (int64_t)(uint64_t)rt_int_as_double(l->items[i], &ov);
            }
            memcpy(p, &x, c->size);
        }
    }
    return rt_bytes_new(buf, l->length * c->size);
}

Value mod_array_bytes(Value v)
{
    return rt_isinstance_of(v, &array_type) ? ar_tobytes(&v, 1, VAL_NULL) : VAL_NULL;
}

static Value ar_frombytes(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("frombytes", nargs - 1, kw))
        return VAL_NULL;
    if (!rt_isinstance_of(args[1], &rt_bytes_type))
        return rt_raisef(&rt_TypeError, "a bytes-like object is required, not '%s'",
                         val_type(args[1])->name);
    return frombytes(ARR(args[0]), AS_BYTES(args[1])->data, AS_BYTES(args[1])->length)
               ? rt_None : VAL_NULL;
}

/* Methods that are the list's own, forwarded (pop, index, count, remove,
 * reverse, insert — insert checks its item first). */
static Value forward(Value self, const char *name, Value *args, size_t nargs)
{
    return mod_call_method(ARR(self)->list, name, args, nargs);
}

static Value ar_pop(Value *a, size_t n, Value kw)
{
    Value r = forward(a[0], "pop", a + 1, n - 1);
    if (r == VAL_NULL && rt_err_matches(&rt_IndexError)) {
        rt_err_clear();
        return rt_raisef(&rt_IndexError, AS_LIST(ARR(a[0])->list)->length ? "pop index out of range"
                                                                         : "pop from empty array");
    }
    return r;
}

static Value ar_index(Value *a, size_t n, Value kw)
{
    Value r = forward(a[0], "index", a + 1, n - 1);
    if (r == VAL_NULL && rt_err_matches(&rt_ValueError)) {
        rt_err_clear();
        return rt_raisef(&rt_ValueError, "array.index(x): x not in array");
    }
    return r;
}

static Value ar_remove(Value *a, size_t n, Value kw)
{
    Value r = forward(a[0], "remove", a + 1, n - 1);
    if (r == VAL_NULL && rt_err_matches(&rt_ValueError)) {
        rt_err_clear();
        return rt_raisef(&rt_ValueError, "array.remove(x): x not in array");
    }
    return r;
}

static Value ar_count(Value *a, size_t n, Value kw) { return forward(a[0], "count", a + 1, n - 1); }
static Value ar_reverse(Value *a, size_t n, Value kw) { return forward(a[0], "reverse", a + 1, n - 1); }

static Value ar_insert(Value *a, size_t n, Value kw)
{
    if (!rt_arg_range("insert", n - 1, 2, 2))
        return VAL_NULL;
    Value x = convert(find_code(ARR(a[0])->code), a[2]);
    if (x == VAL_NULL)
        return VAL_NULL;
    Value args[2] = { a[1], x };
    return forward(a[0], "insert", args, 2);
}

static Value array_repr(Value self)
{
    ObjArray *a = ARR(self);
    if (AS_LIST(a->list)->length == 0)
        return rt_str_format_c("array('%c')", a->code);
    return rt_str_format_c("array('%c', %R)", a->code, a->list);
}

static ssize_t array_len(Value self) { return (ssize_t)AS_LIST(ARR(self)->list)->length; }

static Value array_getitem(Value self, Value key)
{
    Value r = rt_getitem(ARR(self)->list, key);
    if (r == VAL_NULL) {
        if (rt_err_matches(&rt_IndexError)) {
            rt_err_clear();
            return rt_raisef(&rt_IndexError, "array index out of range");
        }
        return VAL_NULL;
    }
    if (IS_EXACT(key, rt_slice_type)) {
        Value out = array_make(ARR(self)->code);
        ARR(out)->list = r;
        return out;
    }
    return r;
}

static int array_setitem(Value self, Value key, Value v)
{
    if (v == VAL_NULL)
        return rt_delitem(ARR(self)->list, key);
    if (IS_EXACT(key, rt_slice_type)) {
        if (val_type(v) != &array_type || ARR(v)->code != ARR(self)->code) {
            rt_raisef(&rt_TypeError, "can only assign array (not \"%s\") to array slice",
                      val_type(v)->name);
            return -1;
        }
        return rt_setitem(ARR(self)->list, key, rt_sequence_to_list(ARR(v)->list));
    }
    Value x = convert(find_code(ARR(self)->code), v);
    if (x == VAL_NULL)
        return -1;
    if (rt_setitem(ARR(self)->list, key, x) < 0) {
        if (rt_err_matches(&rt_IndexError)) {
            rt_err_clear();
            rt_raisef(&rt_IndexError, "array assignment index out of range");
        }
        return -1;
    }
    return 0;
}

static Value array_iter(Value self) { return rt_iter(ARR(self)->list); }

static int array_contains(Value self, Value v) { return rt_contains(ARR(self)->list, v); }

static Value array_richcompare(Value a, Value b, int op)
{
    if (val_type(a) != &array_type || val_type(b) != &array_type)
        return rt_NotImplemented;
    return rt_richcompare(ARR(a)->list, ARR(b)->list, op);
}

static Value array_binop(Value a, Value b, int op)
{
    if (op == NB_ADD && val_type(a) == &array_type && val_type(b) == &array_type) {
        if (ARR(a)->code != ARR(b)->code)
            return rt_raisef(&rt_TypeError, "bad argument type for built-in operation");
        Value out = array_make(ARR(a)->code);
        ARR(out)->list = rt_binary_op(ARR(a)->list, ARR(b)->list, NB_ADD);
        return out;
    }
    if (op == NB_MULTIPLY) {
        Value arr = val_type(a) == &array_type ? a : b, n = arr == a ? b : a;
        if (!is_int(n) && !is_bool(n))
            return rt_NotImplemented;
        Value out = array_make(ARR(arr)->code);
        ARR(out)->list = rt_binary_op(ARR(arr)->list, n, NB_MULTIPLY);
        return ARR(out)->list == VAL_NULL ? VAL_NULL : out;
    }
    return rt_NotImplemented;
}

static Value array_inplace(Value a, Value b, int op)
{
    if (op == NB_ADD) {
        if (val_type(b) != &array_type)
            return rt_raisef(&rt_TypeError, "can only extend array with array (not \"%s\")",
                             val_type(b)->name);
        return extend_from(ARR(a), b) ? a : VAL_NULL;
    }
    return array_binop(a, b, op);
}

static Value array_getattr(Value self, Value name)
{
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "typecode") == 0)
        return rt_str_from_codepoint((uint32_t)ARR(self)->code);
    if (strcmp(s, "itemsize") == 0)
        return small_new((intptr_t)find_code(ARR(self)->code)->size);
    return rt_generic_getattr(self, name);
}

static const MethodDef array_methods[] = {
    {"append", ar_append}, {"extend", ar_extend}, {"fromlist", ar_fromlist},
    {"tolist", ar_tolist}, {"tobytes", ar_tobytes}, {"frombytes", ar_frombytes},
    {"pop", ar_pop}, {"index", ar_index}, {"remove", ar_remove}, {"count", ar_count},
    {"reverse", ar_reverse}, {"insert", ar_insert},
    {NULL, NULL}
};

static ObjType array_type = {
    .ob.type = &rt_type_type, .name = "array.array", .flags = TF_BASETYPE | TF_SEQUENCE,
    .new_ = array_new, .repr = array_repr, .len = array_len, .getitem = array_getitem,
    .setitem = array_setitem, .iter = array_iter, .contains = array_contains,
    .richcompare = array_richcompare, .binop = array_binop, .inplace = array_inplace,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_MULTIPLY),
    .getattr = array_getattr,
};

Value mod_array_init(void)
{
    Value m = mod_module_new("array", NULL);
    mod_add_type(m, "array", &array_type, array_methods);
    mod_module_set(m, "ArrayType", obj_val(&array_type));
    mod_module_set(m, "typecodes", rt_str_from_cstr("bBuhHiIlLqQfd"));
    return m;
}
