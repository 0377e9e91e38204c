/*
 * builtins.c — the `builtins` module: the functions every Python program can
 * call without importing anything (print, len, min, sorted, isinstance, ...)
 * and the dict that maps each builtin name to its object.
 *
 * When the eval loop cannot find a global name in the module's dict it looks
 * in rt_builtins_dict, which rt_builtins_init fills with
 *   - the builtin functions below, each an ObjBuiltin wrapping a NativeFunc;
 *   - the builtin types (int, str, list, enumerate, ...) and exceptions, so
 *     that `int("5")` and `except ValueError:` find their type objects;
 *   - the constants None, True, False, Ellipsis, NotImplemented, __debug__.
 *
 * Every function reproduces CPython 3.11's behaviour and error messages,
 * including how it complains about a wrong call (args.h: len() is METH_O,
 * isinstance() positional-only Clinic, round() Clinic with keywords).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/buffer.h"
#include "runtime/class.h"
#include "vm/thread.h"
#include "vm/vm.h"

Value rt_builtins_dict;
Value rt_builtins_module;

/* No keywords, and between min and max positional arguments. */
static bool check_fast(const char *fname, size_t nargs, Value kwnames, size_t min, size_t max)
{
    return rt_arg_nokw(fname, kwnames) && rt_arg_range(fname, nargs, min, max);
}

/* A C int from an index-like value (CPython's _PyLong_AsInt): TypeError for
 * non-integers, OverflowError beyond 32 bits. */
static bool as_c_int(Value v, int *out)
{
    Value i = rt_index(v);
    if (i == VAL_NULL)
        return false;
    int64_t x;
    if (!val_is_small(i) || (x = small_value(i)) < INT32_MIN || x > INT32_MAX) {
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = (int)x;
    return true;
}

/* Is v a class (a type object, or an instance of a metaclass)? */
static bool is_type(Value v)
{
    return rt_isinstance_of(v, &rt_type_type);
}

/* An int, a bool, or an instance of a subclass of int. */
static bool is_intlike(Value v)
{
    return rt_isinstance_of(v, &rt_int_type);
}

/* A special method defined by the value's class, called with the value
 * first; VAL_NULL with no exception set when the class has none. */
static Value call_special(Value v, const char *name, Value *args, size_t nargs)
{
    bool found;
    return rt_call_dunder(v, rt_str_intern_cstr(name), args, nargs, &found);
}

/* ---- print --------------------------------------------------------------------- */

/* Where print's output goes: our buffered stdout, or file.write. */
typedef struct Printer {
    Value write;        /* bound file.write, or VAL_NULL for stdout */
} Printer;

static Value sys_stream(Value name, const char *who);
static Value str_stdout;

static bool print_str(Printer *p, Value s)
{
    Value write = p->write;
    if (write == VAL_NULL) {
        const ObjStr *o = AS_STR(s);
        if (o->ascii || (rt_stdio_codeset == VAL_NULL && !rt_str_has_surrogates(s)))
            return rt_stdout_write_text(o->data, o->nbytes);
        /* A lone surrogate has no UTF-8: sys.stdout's encoder decides, as
         * in CPython (its surrogateescape writes U+DC80..U+DCFF as the
         * bytes 0x80..0xFF; any other is UnicodeEncodeError); so it does
         * for any non-ASCII str when stdout's encoding is not UTF-8. */
        Value out = sys_stream(str_stdout, "");
        if (out == VAL_NULL || (write = rt_getattr_cstr(out, "write")) == VAL_NULL)
            return false;
    }
    return rt_call1(write, s) != VAL_NULL;
}

/* Write str(v); small ints and strs skip the intermediate object. */
static bool print_value(Printer *p, Value v)
{
    if (p->write == VAL_NULL && val_is_small(v)) {
        char buf[RT_I64_DECIMAL_MAX];
        return rt_stdout_write_text(buf, rt_i64_decimal(small_value(v), buf));
    }
    Value s = is_str(v) ? v : rt_str(v);
    return s != VAL_NULL && print_str(p, s);
}

/* print's default sep and end, made once (interned strs are never freed). */
static Value str_space, str_newline, str_stdin;

Value rt_sys_namespace, rt_stdout_stream;
Value rt_stdio_codeset;

/* sys.<name> (stdout, stdin) for print() and input(): VAL_NULL with
 * RuntimeError "lost sys.stdout" when sys has none.  sys (and with it the
 * standard streams) is made on first import; a program that has not
 * imported it cannot have replaced its streams, and print() then writes
 * into the stdout buffer without making them. */
static Value sys_stream(Value name, const char *who)
{
    if (rt_sys_namespace == VAL_NULL) {
        Value import = rt_dict_get_cstr(rt_builtins_dict, "__import__");
        if (import == VAL_NULL || rt_call1(import, rt_str_from_cstr("sys")) == VAL_NULL)
            return VAL_NULL;
    }
    Value f = rt_dict_get_str(rt_sys_namespace, name);
    if (f == VAL_NULL)
        return rt_raisef(&rt_RuntimeError, "%slost sys.%S", who, name);
    return f;
}

/* sep/end: None means the default; anything but a str is an error. */
static bool print_text_arg(Value *v, const char *what, Value dflt)
{
    if (*v == VAL_NULL || *v == rt_None) {
        *v = dflt;
        return true;
    }
    if (rt_isinstance_of(*v, &rt_str_type))
        return true;
    rt_raisef(&rt_TypeError, "%s must be None or a string, not %s", what, val_type(*v)->name);
    return false;
}

/* file.flush(), or the stdout buffer's flush when print wrote into it. */
static bool flush_stream(Printer *p, Value file)
{
    if (p->write == VAL_NULL)
        return rt_stdout_flush_checked();
    Value f = rt_getattr_cstr(file, "flush");
    return f != VAL_NULL && rt_call0(f) != VAL_NULL;
}

static Value builtin_print(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "sep", "end", "file", "flush" };
    static const ArgSpec spec = { "print", names, 4, 0, 0, 0, true };
    Value kw[4];
    if (!rt_parse_args(&spec, args, nargs, kwnames, kw))
        return VAL_NULL;
    if (!print_text_arg(&kw[0], "sep", str_space) ||
        !print_text_arg(&kw[1], "end", str_newline))
        return VAL_NULL;
    Value file = kw[2];
    if ((file == VAL_NULL || file == rt_None) && rt_sys_namespace == VAL_NULL) {
        file = rt_stdout_stream;        /* sys not made yet: the buffer itself */
    } else if (file == VAL_NULL || file == rt_None) {
        if ((file = sys_stream(str_stdout, "")) == VAL_NULL)
            return VAL_NULL;
        if (file == rt_None)
            return rt_None;             /* CPython: print() to a None stdout does nothing */
    }
    Printer p = { VAL_NULL };
    if (file != rt_stdout_stream && (p.write = rt_getattr_cstr(file, "write")) == VAL_NULL)
        return VAL_NULL;
    size_t npos = nargs - rt_nkwargs(kwnames);
    for (size_t i = 0; i < npos; i++) {
        if (i > 0 && !print_str(&p, kw[0]))
            return VAL_NULL;
        if (!print_value(&p, args[i]))
            return VAL_NULL;
    }
    if (!print_str(&p, kw[1]))
        return VAL_NULL;
    if (kw[3] != VAL_NULL) {
        int doit = rt_truthy(kw[3]);
        if (doit < 0 || (doit && !flush_stream(&p, file)))
            return VAL_NULL;
    }
    return rt_None;
}

/* ---- one-argument functions ---------------------------------------------------- */

static Value builtin_len(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("len", nargs, kwnames))
        return VAL_NULL;
    ssize_t n = rt_len(args[0]);
    return n < 0 ? VAL_NULL : rt_int_from_i64(n);
}

static Value builtin_repr(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_one("repr", nargs, kwnames) ? rt_repr(args[0]) : VAL_NULL;
}

static Value builtin_ascii(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_one("ascii", nargs, kwnames) ? rt_ascii(args[0]) : VAL_NULL;
}

static Value builtin_hash(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("hash", nargs, kwnames))
        return VAL_NULL;
    intptr_t h = rt_hash(args[0]);
    return h == -1 ? VAL_NULL : rt_int_from_i64(h);
}

/* id(): an object's address.  A small int has no address, but its tagged
 * word is odd, so it can never collide with an (even) object address. */
static Value builtin_id(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("id", nargs, kwnames))
        return VAL_NULL;
    return rt_int_from_u64((uint64_t)args[0]);
}

static Value builtin_callable(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_one("callable", nargs, kwnames) ? rt_bool(rt_callable(args[0])) : VAL_NULL;
}

/* abs(): the unary slot's UN_ABS (int.__abs__, a class's __abs__). */
static Value builtin_abs(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("abs", nargs, kwnames))
        return VAL_NULL;
    Value v = args[0];
    if (val_is_small(v))                    /* the common case */
        return small_value(v) >= 0 ? v : rt_int_from_i64(-(int64_t)small_value(v));
    return rt_unary_op(v, UN_ABS);
}

/* ---- any, all -------------------------------------------------------------------- */

/* The first item whose truth equals `stop`: any() stops at a true item,
 * all() at a false one.  Returns 1 if found, 0 if not, -1 on error. */
static int find_truth(Value iterable, int stop)
{
    Value it = rt_iter(iterable);
    if (it == VAL_NULL)
        return -1;
    for (;;) {
        Value item = rt_next(it);
        if (item == VAL_NULL)
            return rt_err_occurred() ? -1 : 0;
        int t = rt_truthy(item);
        if (t < 0)
            return -1;
        if (t == stop)
            return 1;
    }
}

static Value builtin_any(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("any", nargs, kwnames))
        return VAL_NULL;
    int r = find_truth(args[0], 1);
    return r < 0 ? VAL_NULL : rt_bool(r == 1);
}

static Value builtin_all(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("all", nargs, kwnames))
        return VAL_NULL;
    int r = find_truth(args[0], 0);
    return r < 0 ? VAL_NULL : rt_bool(r == 0);
}

/* ---- min, max ------------------------------------------------------------------- */

/* min/max read either the positional arguments themselves or one iterable. */
typedef struct ItemSource {
    const Value *items;
    size_t n, i;
    Value it;           /* VAL_NULL: read items[] */
} ItemSource;

static Value source_next(ItemSource *s)
{
    if (s->it != VAL_NULL)
        return rt_next(s->it);
    return s->i < s->n ? s->items[s->i++] : VAL_NULL;
}

/* The item whose key compares `op` (CMP_LT for min, CMP_GT for max) against
 * every other; the first one wins ties.  VAL_NULL (no exception) if empty. */
static Value best_item(ItemSource *src, Value key, int op)
{
    Value best = VAL_NULL, bestkey = VAL_NULL, item;
    while ((item = source_next(src)) != VAL_NULL) {
        Value k = key == VAL_NULL ? item : rt_call1(key, item);
        if (k == VAL_NULL)
            return VAL_NULL;
        if (best != VAL_NULL) {
            int c = rt_compare_bool(k, bestkey, op);
            if (c < 0)
                return VAL_NULL;
            if (!c)
                continue;
        }
        best = item;
        bestkey = k;
    }
    return best;
}

static Value min_max(Value *args, size_t nargs, Value kwnames, int op, const char *name)
{
    static const char *const names[] = { "key", "default" };
    size_t nkw = rt_nkwargs(kwnames), npos = nargs - nkw;
    if (npos == 0)
        return rt_raisef(&rt_TypeError, "%s expected at least 1 argument, got 0", name);
    ArgSpec spec = { name, names, 2, 0, 0, 0, false };
    Value kw[2];
    if (!rt_parse_args(&spec, args + npos, nkw, kwnames, kw))
        return VAL_NULL;
    Value key = kw[0] == rt_None ? VAL_NULL : kw[0], dflt = kw[1];
    if (dflt != VAL_NULL && npos > 1)
        return rt_raisef(&rt_TypeError,
                         "Cannot specify a default for %s() with multiple positional arguments",
                         name);
    ItemSource src = { args, npos, 0, VAL_NULL };
    if (npos == 1 && (src.it = rt_iter(args[0])) == VAL_NULL)
        return VAL_NULL;
    Value best = best_item(&src, key, op);
    if (best != VAL_NULL || rt_err_occurred())
        return best;
    if (dflt != VAL_NULL)
        return dflt;
    if (rt_py_minor >= 12)
        return rt_raisef(&rt_ValueError, "%s() iterable argument is empty", name);
    return rt_raisef(&rt_ValueError, "%s() arg is an empty sequence", name);
}

static Value builtin_min(Value *args, size_t nargs, Value kwnames)
{
    return min_max(args, nargs, kwnames, CMP_LT, "min");
}

static Value builtin_max(Value *args, size_t nargs, Value kwnames)
{
    return min_max(args, nargs, kwnames, CMP_GT, "max");
}

/* ---- sum --------------------------------------------------------------------------- */

/* Like CPython, sum adds in three phases: machine ints while every item is a
 * small int, then C doubles while items are floats (or small ints), then the
 * generic + for everything else.  The first two avoid creating an object per
 * step; 3.11's float sum is plain left-to-right addition, 3.12's compensated
 * (Neumaier), as here. */
static Value sum_ints(Value it, Value *result)
{
    intptr_t total = small_value(*result);
    for (;;) {
        Value item = rt_next(it);
        if (item == VAL_NULL) {
            *result = small_new(total);
            return VAL_NULL;
        }
        if (val_is_small(item) && small_fits((int64_t)total + small_value(item))) {
            total += small_value(item);
            continue;
        }
        *result = small_new(total);
        return item;
    }
}

static Value sum_floats(Value it, Value *result, Value item)
{
    double total = rt_float_value(*result);
    double c = 0.0;                     /* 3.12: Neumaier's compensation */
    for (;; item = rt_next(it)) {
        if (item == VAL_NULL)
            break;
        if (is_float(item)) {
            double x = rt_float_value(item), t = total + x;
            if (rt_py_minor >= 12)
                c += fabs(total) >= fabs(x) ? (total - t) + x : (x - t) + total;
            total = t;
        } else if (val_is_small(item)) {
            total += (double)small_value(item);
        } else {
            break;
        }
    }
    if (c != 0.0 && isfinite(c))        /* keeps -0.0, and an infinite sum not a NaN */
        total += c;
    *result = rt_float_new(total);
    return item;
}

/* Add every item of `it` to `result`.  Each phase returns the first item it
 * could not handle (VAL_NULL at the end or on error). */
static Value sum_items(Value it, Value result)
{
    Value item;
    if (val_is_small(result)) {
        if ((item = sum_ints(it, &result)) == VAL_NULL)
            return rt_err_occurred() ? VAL_NULL : result;
        if ((result = rt_binary_op(result, item, NB_ADD)) == VAL_NULL)
            return VAL_NULL;
    }
    item = rt_next(it);
    if (item != VAL_NULL && is_float(result))
        item = sum_floats(it, &result, item);
    while (item != VAL_NULL) {
        if ((result = rt_binary_op(result, item, NB_ADD)) == VAL_NULL)
            return VAL_NULL;
        item = rt_next(it);
    }
    return rt_err_occurred() ? VAL_NULL : result;
}

static Value builtin_sum(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "iterable", "start" };
    static const ArgSpec spec = { "sum", names, 2, 1, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    Value it = rt_iter(a[0]);
    if (it == VAL_NULL)
        return VAL_NULL;
    Value start = a[1] == VAL_NULL ? small_new(0) : a[1];
    if (rt_isinstance_of(start, &rt_str_type))
        return rt_raisef(&rt_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (rt_isinstance_of(start, &rt_bytes_type))
        return rt_raisef(&rt_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (rt_isinstance_of(start, &rt_bytearray_type))
        return rt_raisef(&rt_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    return sum_items(it, start);
}

/* ---- isinstance, issubclass --------------------------------------------------------- */

/* Following CPython's Objects/abstract.c: a class, a tuple of them (or a
 * union: its members), or anything whose type has __instancecheck__ /
 * __subclasscheck__ (ABCMeta); without those, an object with a tuple
 * __bases__ stands for a class, and an instance names its class through
 * __class__ (proxies, mocks).  Every level of nesting counts against the
 * recursion limit. */

/* The __instancecheck__ / __subclasscheck__ of type(cls) when it is not
 * type's own (type's is answered directly); VAL_NULL when absent. */
static Value check_hook(Value cls, Value key)
{
    ObjType *meta = val_type(cls);
    if (meta == &rt_type_type)
        return VAL_NULL;
    Value hook = rt_type_lookup(meta, key);
    if (hook == VAL_NULL || hook == rt_dict_get_str(rt_type_dict(&rt_type_type), key))
        return VAL_NULL;
    return hook;
}

/* type(cls).hook(cls, arg) found by check_hook: 1/0, -1. */
static int call_check_hook(Value hook, Value cls, Value arg, const char *where)
{
    if (!vm_enter_recursive_call(where))
        return -1;
    ObjType *ht = val_type(hook);
    Value bound = ht->descr_get != NULL ? ht->descr_get(hook, cls, obj_val(val_type(cls)))
                                        : VAL_NULL;
    Value r = ht->descr_get == NULL ? rt_call2(hook, cls, arg)
            : bound == VAL_NULL ? VAL_NULL : rt_call1(bound, arg);
    vm_leave_recursive_call();
    return r == VAL_NULL ? -1 : rt_truthy(r);
}

/* cls.__bases__ when it is a tuple, else VAL_NULL (an error may be set). */
static Value abstract_bases(Value cls)
{
    Value b = rt_lookup_attr(cls, RT_NAME("__bases__"));
    return b != VAL_NULL && rt_isinstance_of(b, &rt_tuple_type) ? b : VAL_NULL;
}

/* Is derived cls, or (through __bases__, depth first) derived from it? */
static int abstract_issubclass(Value derived, Value cls)
{
    Value bases;
    for (;;) {                          /* single inheritance without recursion */
        if (derived == cls)
            return 1;
        if ((bases = abstract_bases(derived)) == VAL_NULL)
            return rt_err_occurred() ? -1 : 0;
        if (rt_tuple_len(bases) != 1)
            break;
        derived = rt_tuple_get(bases, 0);
    }
    if (rt_tuple_len(bases) == 0 || !vm_enter_recursive_call(" in __issubclass__"))
        return rt_tuple_len(bases) == 0 ? 0 : -1;
    int r = 0;
    for (size_t i = 0; i < rt_tuple_len(bases) && r == 0; i++)
        r = abstract_issubclass(rt_tuple_get(bases, i), cls);
    vm_leave_recursive_call();
    return r;
}

/* cls must have a tuple __bases__ to stand for a class. */
static bool check_class(Value cls, const char *error)
{
    if (abstract_bases(cls) != VAL_NULL)
        return true;
    if (!rt_err_occurred())
        rt_raisef(&rt_TypeError, "%s", error);
    return false;
}

/* Whether inst.__class__ is its type without asking: object.__getattribute__
 * finds object's own __class__, a data descriptor (no instance dict hides
 * it) whose getter returns the type.  pyflakes's isinstance tests of AST
 * nodes fail ~130,000 times; the lookup and the getter's call cost ~160
 * instructions each. */
static bool class_is_type(Value inst)
{
    static Value object_class;          /* object.__class__: builtin types never change */
    ObjType *t = val_type(inst);
    if (t->getattr != NULL && t->getattr != rt_generic_getattr)
        return false;
    if (object_class == VAL_NULL)
        object_class = rt_type_lookup(&rt_object_type, RT_NAME("__class__"));
    return object_class != VAL_NULL && rt_type_lookup(t, RT_NAME("__class__")) == object_class;
}

/* type.__instancecheck__: type(inst) or its claimed __class__ is cls or a
 * subclass of it.  1/0, -1. */
int rt_object_isinstance(Value inst, Value cls)
{
    Value icls;
    if (is_type(cls)) {
        if (rt_isinstance_of(inst, AS_TYPE(cls)))
            return 1;
        if (!rt_is_heaptype(val_type(inst)) || class_is_type(inst))
            return 0;                   /* a builtin's __class__ is its type */
        icls = rt_lookup_attr(inst, RT_NAME("__class__"));
        if (icls == VAL_NULL)
            return rt_err_occurred() ? -1 : 0;
        return icls != obj_val(val_type(inst)) && is_type(icls) &&
               rt_is_subtype(AS_TYPE(icls), AS_TYPE(cls));
    }
    if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union"))
        return -1;
    icls = rt_lookup_attr(inst, RT_NAME("__class__"));
    if (icls == VAL_NULL)
        return rt_err_occurred() ? -1 : 0;
    return abstract_issubclass(icls, cls);
}

/* type.__subclasscheck__.  1/0, -1. */
int rt_recursive_issubclass(Value derived, Value cls)
{
    if (is_type(cls) && is_type(derived))
        return rt_is_subtype(AS_TYPE(derived), AS_TYPE(cls));
    if (!check_class(derived, "issubclass() arg 1 must be a class") ||
        (!rt_is_union(cls) && !check_class(cls, "issubclass() arg 2 must be a class, "
                                           "a tuple of classes, or a union")))
        return -1;
    return abstract_issubclass(derived, cls);
}

/* isinstance() and issubclass() share their walk over tuples and unions. */
typedef int (*CheckFn)(Value obj, Value cls);

static int check_each(Value obj, Value tuple, CheckFn check, const char *where)
{
    if (!vm_enter_c_recursion(where))
        return -1;
    int r = 0;
    for (size_t i = 0; i < rt_tuple_len(tuple) && r == 0; i++)
        r = check(obj, rt_tuple_get(tuple, i));
    vm_leave_c_recursion();
    return r;
}

static int isinstance_check(Value inst, Value cls)
{
    if (val_type(inst) == (ObjType *)cls)
        return 1;
    if (IS_EXACT(cls, rt_type_type))
        return rt_object_isinstance(inst, cls);
    if (rt_is_union(cls))                  /* int | str stands for (int, str) */
        cls = rt_union_args(cls);
    if (rt_isinstance_of(cls, &rt_tuple_type))
        return check_each(inst, cls, isinstance_check, " in __instancecheck__");
    Value hook = check_hook(cls, RT_NAME("__instancecheck__"));
    if (hook != VAL_NULL)
        return call_check_hook(hook, cls, inst, " in __instancecheck__");
    return rt_object_isinstance(inst, cls);
}

static int issubclass_check(Value derived, Value cls)
{
    if (IS_EXACT(cls, rt_type_type))
        return derived == cls ? 1 : rt_recursive_issubclass(derived, cls);
    if (rt_is_union(cls))
        cls = rt_union_args(cls);
    if (rt_isinstance_of(cls, &rt_tuple_type))
        return check_each(derived, cls, issubclass_check, " in __subclasscheck__");
    Value hook = check_hook(cls, RT_NAME("__subclasscheck__"));
    if (hook != VAL_NULL)
        return call_check_hook(hook, cls, derived, " in __subclasscheck__");
    return rt_recursive_issubclass(derived, cls);
}

static Value builtin_isinstance(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("isinstance", nargs, kwnames, 2, 2))
        return VAL_NULL;
    int r = isinstance_check(args[0], args[1]);
    return r < 0 ? VAL_NULL : rt_bool(r);
}

static Value builtin_issubclass(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("issubclass", nargs, kwnames, 2, 2))
        return VAL_NULL;
    int r = issubclass_check(args[0], args[1]);
    return r < 0 ? VAL_NULL : rt_bool(r);
}

/* ---- iter, next ---------------------------------------------------------------------- */

static Value builtin_iter(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("iter", nargs, kwnames, 1, 2))
        return VAL_NULL;
    if (nargs == 1)
        return rt_iter(args[0]);
    if (!rt_callable(args[0]))
        return rt_raisef(&rt_TypeError, rt_py_minor == 12     /* 3.12's words only */
                         ? "iter(object, sentinel): object must be callable"
                         : "iter(v, w): v must be callable");
    return rt_callable_iter_new(args[0], args[1]);
}

/* aiter(obj): type(obj).__aiter__(obj), which must be an async iterator. */
static Value builtin_aiter(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("aiter", nargs, kwnames))
        return VAL_NULL;
    ObjType *t = val_type(args[0]);
    Value m = rt_type_lookup(t, RT_NAME("__aiter__"));
    if (m == VAL_NULL)
        return rt_raisef(&rt_TypeError, "'%s' object is not an async iterable", t->name);
    Value it = rt_call_found(m, args[0], NULL, 0);
    if (it != VAL_NULL &&
        rt_type_lookup(val_type(it), RT_NAME("__anext__")) == VAL_NULL)
        return rt_raisef(&rt_TypeError, "aiter() returned not an async iterator of type '%s'",
                         val_type(it)->name);
    return it;
}

/* anext(aiterator[, default]): the awaitable type(it).__anext__(it)
 * returns, wrapped to give default at the end when there is one. */
static Value builtin_anext(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("anext", nargs, kwnames, 1, 2))
        return VAL_NULL;
    ObjType *t = val_type(args[0]);
    Value m = rt_type_lookup(t, RT_NAME("__anext__"));
    if (m == VAL_NULL)
        return rt_raisef(&rt_TypeError, "'%s' object is not an async iterator", t->name);
    Value awaitable = rt_call_found(m, args[0], NULL, 0);
    if (awaitable == VAL_NULL || nargs == 1)
        return awaitable;
    return rt_anext_awaitable_new(awaitable, args[1]);
}

/* next(it): StopIteration when exhausted; next(it, default): the default
 * instead (an iterator that raised StopIteration itself counts as exhausted). */
static Value builtin_next(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("next", nargs, kwnames, 1, 2))
        return VAL_NULL;
    ObjType *t = val_type(args[0]);
    if (t->next == NULL)
        return rt_raisef(&rt_TypeError, "'%s' object is not an iterator", t->name);
    Value item = t->next(args[0]);
    if (item != VAL_NULL)
        return item;
    if (nargs == 2) {
        if (!rt_err_occurred())
            return args[1];
        if (!rt_err_matches(&rt_StopIteration))
            return VAL_NULL;
        rt_err_clear();
        return args[1];
    }
    if (rt_err_occurred())
        return VAL_NULL;
    return rt_raise(obj_val(&rt_StopIteration));
}

/* ---- sorted ---------------------------------------------------------------------------- */

/* sorted(iterable, /, *, key=None, reverse=False): a new list, sorted by
 * list.sort — whose name appears in the keyword errors, as in CPython. */
static Value builtin_sorted(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "key", "reverse" };
    static const ArgSpec spec = { "sort", names, 2, 0, 0, 0, false };
    size_t nkw = rt_nkwargs(kwnames), npos = nargs - nkw;
    if (!rt_arg_range("sorted", npos, 1, 1))
        return VAL_NULL;
    Value list = rt_sequence_to_list(args[0]);
    if (list == VAL_NULL)
        return VAL_NULL;
    Value kw[2];
    if (!rt_parse_args(&spec, args + npos, nkw, kwnames, kw))
        return VAL_NULL;
    Value key = kw[0] == rt_None ? VAL_NULL : kw[0];
    bool reverse;
    if (!rt_arg_flag(kw[1], false, &reverse))
        return VAL_NULL;
    /* CPython calls list.sort through its bound method, a builtin call
     * that counts in 3.12's C budget (vm_enter_builtin_call) */
    if (!vm_enter_builtin_call())
        return VAL_NULL;
    bool sorted = rt_list_sort(list, key, reverse);
    vm_leave_builtin_call();
    return sorted ? list : VAL_NULL;
}

/* ---- hex, oct, bin, chr, ord ------------------------------------------------------------ */

static Value int_to_base(const char *fname, Value *args, size_t nargs, Value kwnames, int base)
{
    if (!rt_arg_one(fname, nargs, kwnames))
        return VAL_NULL;
    Value i = rt_index(args[0]);
    return i == VAL_NULL ? VAL_NULL : rt_int_to_base(rt_int_unbool(i), base, true);
}

static Value builtin_hex(Value *args, size_t nargs, Value kwnames)
{
    return int_to_base("hex", args, nargs, kwnames, 16);
}

static Value builtin_oct(Value *args, size_t nargs, Value kwnames)
{
    return int_to_base("oct", args, nargs, kwnames, 8);
}

static Value builtin_bin(Value *args, size_t nargs, Value kwnames)
{
    return int_to_base("bin", args, nargs, kwnames, 2);
}

static Value builtin_chr(Value *args, size_t nargs, Value kwnames)
{
    int c;
    if (!rt_arg_one("chr", nargs, kwnames) || !as_c_int(args[0], &c))
        return VAL_NULL;
    if (c < 0 || c > 0x10ffff)
        return rt_raisef(&rt_ValueError, "chr() arg not in range(0x110000)");
    return rt_str_from_codepoint((uint32_t)c);
}

/* ord() of a one-character str, or of bytes/bytearray of length one. */
static Value builtin_ord(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("ord", nargs, kwnames))
        return VAL_NULL;
    Value v = args[0];
    if (is_str(v) && AS_STR(v)->length == 1)
        return small_new(rt_str_char_at(v, 0));
    bool text = rt_isinstance_of(v, &rt_str_type);
    if (!text && !rt_isinstance_of(v, &rt_bytes_type) &&
        !rt_isinstance_of(v, &rt_bytearray_type))
        return rt_raisef(&rt_TypeError, "ord() expected string of length 1, but %s found",
                         val_type(v)->name);
    ssize_t n = rt_len(v);
    if (n < 0)
        return VAL_NULL;
    if (n != 1)
        return rt_raisef(&rt_TypeError,
                         "ord() expected a character, but string of length %zd found", n);
    Value item = rt_getitem(v, small_new(0));
    if (item == VAL_NULL || !text)
        return item;            /* bytes[0] is already the int */
    return small_new(rt_str_char_at(item, 0));
}

/* ---- round ---------------------------------------------------------------------------- */

/* round(float) with no ndigits: the nearest int, halves to even. */
static Value round_float_to_int(double x)
{
    double r = round(x);
    if (fabs(x - r) == 0.5)
        r = 2.0 * round(x / 2.0);
    return rt_int_from_double(r);
}

/* int.__round__(ndigits): nd is VAL_NULL when absent or None. */
static Value round_of_int(Value x, Value nd)
{
    x = rt_int_unbool(x);
    if (nd == VAL_NULL)
        return x;
    if ((nd = rt_index(nd)) == VAL_NULL)
        return VAL_NULL;
    return rt_int_sign(nd) >= 0 ? x : rt_int_round(x, nd);
}

/* float.__round__(ndigits): an int without ndigits, else a float. */
static Value round_of_float(double x, Value nd)
{
    if (nd == VAL_NULL)
        return round_float_to_int(x);
    if ((nd = rt_index(nd)) == VAL_NULL)
        return VAL_NULL;
    return rt_float_round(x, nd);
}

static Value builtin_round(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "number", "ndigits" };
    static const ArgSpec spec = { "round", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    Value x = a[0], nd = a[1] == rt_None ? VAL_NULL : a[1];
    if (is_float(x))
        return round_of_float(rt_float_value(x), nd);
    if (is_int(x) || is_bool(x))
        return round_of_int(x, nd);
    Value r = call_special(x, "__round__", &nd, nd == VAL_NULL ? 0 : 1);
    if (r != VAL_NULL || rt_err_occurred())
        return r;
    if (is_intlike(x))
        return round_of_int(x, nd);
    if (rt_isinstance_of(x, &rt_float_type))
        return round_of_float(rt_float_value(x), nd);
    return rt_raisef(&rt_TypeError, "type %s doesn't define __round__ method",
                     val_type(x)->name);
}

/* ---- divmod and pow ---------------------------------------------------------------- */

/* divmod(a, b): the binop slot's NB_DIVMOD (int.__divmod__, a class's
 * __divmod__ or the other operand's __rdivmod__). */
static Value builtin_divmod(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("divmod", nargs, kwnames, 2, 2))
        return VAL_NULL;
    if (val_is_small(args[0]) && val_is_small(args[1]))    /* the common case */
        return rt_int_binop(args[0], args[1], NB_DIVMOD);
    return rt_binary_op(args[0], args[1], NB_DIVMOD);
}

/* pow(base, exp[, mod]): ** without a modulus, else the pow3 slots. */
static Value builtin_pow(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "base", "exp", "mod" };
    static const ArgSpec spec = { "pow", names, 3, 0, 2, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    if (a[2] == VAL_NULL || a[2] == rt_None)
        return rt_binary_op(a[0], a[1], NB_POWER);
    return rt_ternary_power(a[0], a[1], a[2]);
}

/* ---- attributes ------------------------------------------------------------------------- */

static bool check_attr_name(Value name)
{
    if (rt_isinstance_of(name, &rt_str_type))
        return true;
    rt_raisef(&rt_TypeError, "attribute name must be string, not '%s'", val_type(name)->name);
    return false;
}

static Value builtin_getattr(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("getattr", nargs, kwnames, 2, 3) || !check_attr_name(args[1]))
        return VAL_NULL;
    if (nargs == 2)
        return rt_getattr(args[0], args[1]);
    Value v = rt_lookup_attr(args[0], args[1]);
    return v != VAL_NULL || rt_err_occurred() ? v : args[2];
}

static Value builtin_setattr(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("setattr", nargs, kwnames, 3, 3) || !check_attr_name(args[1]))
        return VAL_NULL;
    return rt_setattr(args[0], args[1], args[2]) < 0 ? VAL_NULL : rt_None;
}

static Value builtin_hasattr(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("hasattr", nargs, kwnames, 2, 2) || !check_attr_name(args[1]))
        return VAL_NULL;
    Value v = rt_lookup_attr(args[0], args[1]);
    if (v == VAL_NULL && rt_err_occurred())
        return VAL_NULL;
    return rt_bool(v != VAL_NULL);
}

static Value builtin_delattr(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("delattr", nargs, kwnames, 2, 2) || !check_attr_name(args[1]))
        return VAL_NULL;
    return rt_delattr(args[0], args[1]) < 0 ? VAL_NULL : rt_None;
}

/* ---- format, vars, dir, input ---------------------------------------------------------- */

static Value builtin_format(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("format", nargs, kwnames, 1, 2))
        return VAL_NULL;
    Value spec = nargs == 2 ? args[1] : rt_str_from_cstr("");
    if (!rt_isinstance_of(spec, &rt_str_type))
        return rt_raisef(&rt_TypeError, "format() argument 2 must be str, not %s",
                         val_type(spec)->name);
    return rt_format(args[0], spec);
}

/* The instance dict of obj (created on first need), or VAL_NULL if its type
 * gives instances none.  Modules and classes answer their namespace. */
static Value namespace_of(Value obj)
{
    if (val_is_small(obj))
        return VAL_NULL;
    if (IS_EXACT(obj, rt_module_type))
        return VAL_AS(ObjModule, obj)->dict;
    if (is_type(obj))
        return rt_type_dict(AS_TYPE(obj));
    Value *slot = rt_instance_dict_slot(obj);
    if (slot == NULL)
        return VAL_NULL;
    if (*slot == VAL_NULL)
        *slot = rt_dict_new();
    return *slot;
}

/* globals() and locals() of the running Python frame (the VM knows it). */
static Value builtin_globals(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("globals", nargs, kwnames))
        return VAL_NULL;
    return vm_globals();
}

static Value builtin_locals(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("locals", nargs, kwnames))
        return VAL_NULL;
    return vm_locals();
}

/* vars(obj): obj.__dict__; vars(): locals(). */
static Value builtin_vars(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("vars", nargs, kwnames, 0, 1))
        return VAL_NULL;
    if (nargs == 0)
        return vm_locals();
    Value d = rt_lookup_attr(args[0], RT_NAME("__dict__"));
    if (d != VAL_NULL || rt_err_occurred())
        return d;
    d = namespace_of(args[0]);
    if (d == VAL_NULL)
        return rt_raisef(&rt_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

static bool add_keys(Value names, Value dict)
{
    Value k, v;
    for (size_t pos = 0; dict != VAL_NULL && rt_dict_next(dict, &pos, &k, &v);)
        if (!rt_dict_set(names, k, rt_None))
            return false;
    return true;
}

/* dir(obj): what type(obj).__dir__ returns, sorted; object.__dir__ is
 * rt_object_dir below.  (dir() without an argument needs the caller's
 * frame, as vars() does.) */
static Value builtin_dir(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("dir", nargs, kwnames, 0, 1))
        return VAL_NULL;
    if (nargs == 0) {
        /* the keys of the locals: a mapping's keys() (eval('dir()', g, m)) */
        Value locals = vm_locals();
        if (locals != VAL_NULL && !is_dict(locals)) {
            Value keys = rt_getattr(locals, RT_NAME("keys"));
            locals = keys == VAL_NULL ? VAL_NULL : rt_call(keys, NULL, 0, VAL_NULL);
        }
        Value list = locals == VAL_NULL ? VAL_NULL : rt_sequence_to_list(locals);
        if (list == VAL_NULL || !rt_list_sort(list, VAL_NULL, false))
            return VAL_NULL;
        return list;
    }
    Value obj = args[0];
    Value dir_name = RT_NAME("__dir__");
    Value m = rt_type_lookup(val_type(obj), dir_name);      /* a type's own __dir__ */
    if (m != VAL_NULL && m != rt_dict_get_str(rt_type_dict(&rt_object_type), dir_name)) {
        Value r = rt_call_found(m, obj, NULL, 0);
        Value list = r == VAL_NULL ? VAL_NULL : rt_sequence_to_list(r);
        if (list == VAL_NULL || !rt_list_sort(list, VAL_NULL, false))
            return VAL_NULL;
        return list;
    }
    return rt_object_dir(obj);
}

/* A module's names (CPython's module.__dir__): its __dict__, which must be
 * a dict, or what a module-level __dir__() returns (PEP 562). */
static Value module_dir(Value obj)
{
    Value d = rt_getattr(obj, RT_NAME("__dict__"));
    if (d == VAL_NULL)
        return VAL_NULL;
    if (!rt_isinstance_of(d, &rt_dict_type))
        return rt_raisef(&rt_TypeError, "<module>.__dict__ is not a dictionary");
    Value f = rt_dict_get_cstr(d, "__dir__");
    return f != VAL_NULL ? rt_call0(f) : d;
}

/* The names object.__dir__ starts from (*ns, VAL_NULL for none): the
 * instance dict, or for an object without one what its __dict__ attribute
 * gives, if a dict (a bound method's is its function's).  False when
 * getting that attribute raised something other than AttributeError. */
static bool dir_namespace(Value obj, Value *ns)
{
    *ns = namespace_of(obj);
    if (*ns != VAL_NULL || val_is_small(obj))
        return true;
    Value d = rt_getattr(obj, RT_NAME("__dict__"));
    if (d == VAL_NULL) {
        if (!rt_err_matches(&rt_AttributeError))
            return false;
        rt_err_clear();
    } else if (rt_isinstance_of(d, &rt_dict_type)) {
        *ns = d;
    }
    return true;
}

/* The names of a class and its ancestors (CPython's merge_class_dict): its
 * MRO's dicts for a type; for any other object its __dict__ and, in turn,
 * those of its __bases__. */
static bool add_class_names(Value names, Value cls)
{
    if (is_type(cls)) {
        Value mro = AS_TYPE(cls)->mro;
        for (size_t i = 0; mro != VAL_NULL && i < rt_tuple_len(mro); i++)
            if (!add_keys(names, rt_type_dict(AS_TYPE(rt_tuple_get(mro, i)))))
                return false;
        return true;
    }
    Value d = rt_lookup_attr(cls, RT_NAME("__dict__"));
    if (d != VAL_NULL && is_dict(d) && !add_keys(names, d))
        return false;
    Value bases = rt_err_occurred() ? VAL_NULL : rt_lookup_attr(cls, RT_NAME("__bases__"));
    if (rt_err_occurred())
        return false;
    for (size_t i = 0; bases != VAL_NULL && is_tuple(bases) && i < rt_tuple_len(bases); i++)
        if (!add_class_names(names, rt_tuple_get(bases, i)))
            return false;
    return true;
}

Value rt_object_dir(Value obj)
{
    if (!val_is_small(obj) && rt_isinstance_of(obj, &rt_module_type)) {
        Value names = module_dir(obj);
        Value list = names == VAL_NULL ? VAL_NULL : rt_sequence_to_list(names);
        if (list == VAL_NULL || !rt_list_sort(list, VAL_NULL, false))
            return VAL_NULL;
        return list;
    }
    Value names = rt_dict_new(), ns;
    if (!dir_namespace(obj, &ns) || !add_keys(names, ns))
        return VAL_NULL;
    if (is_type(obj)) {
        if (!add_class_names(names, obj))
            return VAL_NULL;
    } else {
        /* obj.__class__, not type(obj): a proxy's __class__ property names
         * the class it stands for; an empty __class__ slot names none */
        Value cls = rt_lookup_attr(obj, RT_NAME("__class__"));
        if (cls == VAL_NULL ? rt_err_occurred() : !add_class_names(names, cls))
            return VAL_NULL;
    }
    Value list = rt_sequence_to_list(names);
    if (list == VAL_NULL || !rt_list_sort(list, VAL_NULL, false))
        return VAL_NULL;
    return list;
}

Value (*rt_input_readline)(Value prompt);

/* Whether a stream is the process's terminal on descriptor fd: its
 * fileno() is fd, a tty (CPython's test in input(); errors mean no). */
static bool is_terminal(Value stream, int fd)
{
    Value fileno = rt_getattr_cstr(stream, "fileno");
    Value r = fileno != VAL_NULL ? rt_call0(fileno) : VAL_NULL;
    if (r == VAL_NULL || !val_is_small(r)) {
        rt_err_clear();
        return false;
    }
    return small_value(r) == fd && isatty(fd);
}

/* input([prompt]): the prompt on sys.stdout, then sys.stdin.readline()
 * without its newline (CPython's builtin_input_impl when the streams are
 * not an interactive terminal's, or readline is not imported); with
 * both on the terminal and readline imported, readline's line editor
 * (rt_input_readline). */
static Value builtin_input(Value *args, size_t nargs, Value kwnames)
{
    if (!check_fast("input", nargs, kwnames, 0, 1))
        return VAL_NULL;
    Value in = sys_stream(str_stdin, "input(): "), out = sys_stream(str_stdout, "input(): ");
    if (in == VAL_NULL || out == VAL_NULL)
        return VAL_NULL;
    if (in == rt_None)
        return rt_raisef(&rt_RuntimeError, "input(): lost sys.stdin");
    if (out == rt_None)
        return rt_raisef(&rt_RuntimeError, "input(): lost sys.stdout");
    Printer p = { VAL_NULL };
    if (out != rt_stdout_stream && (p.write = rt_getattr_cstr(out, "write")) == VAL_NULL)
        return VAL_NULL;
    if (rt_input_readline != NULL && is_terminal(in, 0) && is_terminal(out, 1)) {
        Value prompt = nargs == 1 ? rt_str(args[0]) : rt_str_from_cstr("");
        if (prompt == VAL_NULL)
            return VAL_NULL;
        if (!flush_stream(&p, out))
            rt_err_clear();
        return rt_input_readline(prompt);
    }
    if (nargs == 1) {
        Value prompt = rt_str(args[0]);
        if (prompt == VAL_NULL || !print_str(&p, prompt))
            return VAL_NULL;
    }
    if (!flush_stream(&p, out))         /* as CPython, a failing flush is ignored */
        rt_err_clear();
    Value readline = rt_getattr_cstr(in, "readline");
    Value line = readline == VAL_NULL ? VAL_NULL : rt_call0(readline);
    if (line == VAL_NULL)
        return VAL_NULL;
    if (!rt_isinstance_of(line, &rt_str_type))
        return rt_raisef(&rt_TypeError, "object.readline() returned non-string");
    size_t n = rt_str_nbytes(line);
    if (n == 0)
        return rt_raisef(&rt_EOFError, "EOF when reading a line");
    if (rt_str_cstr(line)[n - 1] == '\n')
        return rt_str_substr(line, 0, AS_STR(line)->length - 1);
    return line;
}

/* ---- the builtins dict ------------------------------------------------------------------- */

static const struct {
    const char *name;
    NativeFunc fn;
} builtin_functions[] = {
    { "print", builtin_print }, { "len", builtin_len }, { "repr", builtin_repr },
    { "ascii", builtin_ascii }, { "abs", builtin_abs }, { "min", builtin_min },
    { "max", builtin_max }, { "sum", builtin_sum }, { "isinstance", builtin_isinstance },
    { "issubclass", builtin_issubclass }, { "iter", builtin_iter }, { "next", builtin_next },
    { "aiter", builtin_aiter }, { "anext", builtin_anext },
    { "sorted", builtin_sorted }, { "hex", builtin_hex }, { "oct", builtin_oct },
    { "bin", builtin_bin }, { "chr", builtin_chr }, { "ord", builtin_ord },
    { "round", builtin_round }, { "divmod", builtin_divmod }, { "pow", builtin_pow },
    { "hash", builtin_hash }, { "id", builtin_id }, { "any", builtin_any },
    { "all", builtin_all }, { "callable", builtin_callable }, { "getattr", builtin_getattr },
    { "setattr", builtin_setattr }, { "hasattr", builtin_hasattr },
    { "delattr", builtin_delattr }, { "format", builtin_format }, { "vars", builtin_vars },
    { "dir", builtin_dir }, { "input", builtin_input }, { "globals", builtin_globals },
    { "locals", builtin_locals },
};

static ObjType *const builtin_types[] = {
    &rt_object_type, &rt_type_type, &rt_int_type, &rt_bool_type, &rt_float_type,
    &rt_complex_type, &rt_str_type, &rt_bytes_type, &rt_bytearray_type, &rt_list_type,
    &rt_tuple_type, &rt_dict_type, &rt_set_type, &rt_frozenset_type, &rt_range_type,
    &rt_slice_type, &rt_enumerate_type, &rt_zip_type, &rt_map_type, &rt_filter_type,
    &rt_reversed_type, &rt_memoryview_type,
};

static void add_exceptions(Value d)
{
#define ADD_EXCEPTION(name, base) rt_dict_set_cstr(d, #name, obj_val(&rt_##name));
    RT_EXCEPTIONS(ADD_EXCEPTION)
#undef ADD_EXCEPTION
    rt_dict_set_cstr(d, "EnvironmentError", obj_val(&rt_OSError));
    rt_dict_set_cstr(d, "IOError", obj_val(&rt_OSError));
}

void rt_builtins_add_function(const char *name, NativeFunc fn)
{
    Value f = rt_builtin_new(name, fn, VAL_NULL);
    VAL_AS(ObjBuiltin, f)->module = rt_builtins_module;
    rt_dict_set_cstr(VAL_AS(ObjModule, rt_builtins_module)->dict, name, f);
}

Value rt_builtins_init(void)
{
    rt_iterobjects_init();
    rt_stdout_init();
    str_space = rt_str_intern_cstr(" ");
    str_newline = rt_str_intern_cstr("\n");
    str_stdout = rt_str_intern_cstr("stdout");
    str_stdin = rt_str_intern_cstr("stdin");
    rt_builtins_module = rt_module_new(rt_str_from_cstr("builtins"));
    VAL_AS(ObjModule, rt_builtins_module)->builtin = true;
    Value d = VAL_AS(ObjModule, rt_builtins_module)->dict;
    /* Start-up gives it ~160 names (functions, types, exceptions, the
     * constants below, site's exit, quit, help...): one table made at
     * its size, not four as it grows (the last of 9 KiB, twice this). */
    rt_dict_reserve(d, 170);
    for (size_t i = 0; i < sizeof builtin_functions / sizeof builtin_functions[0]; i++)
        rt_builtins_add_function(builtin_functions[i].name, builtin_functions[i].fn);
    for (size_t i = 0; i < sizeof builtin_types / sizeof builtin_types[0]; i++)
        rt_dict_set_cstr(d, builtin_types[i]->name, obj_val(builtin_types[i]));
    add_exceptions(d);
    rt_dict_set_cstr(d, "None", rt_None);
    rt_dict_set_cstr(d, "True", rt_True);
    rt_dict_set_cstr(d, "False", rt_False);
    rt_dict_set_cstr(d, "Ellipsis", rt_Ellipsis);
    rt_dict_set_cstr(d, "NotImplemented", rt_NotImplemented);
    rt_dict_set_cstr(d, "__debug__", rt_True);
    rt_builtins_dict = d;
    return d;
}
