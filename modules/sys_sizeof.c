/*
 * sys_sizeof.c — sys.getsizeof(object[, default]).
 *
 * What CPython answers: object.__sizeof__() plus the bytes CPython keeps in
 * front of the object (16 for the cycle collector's header on container
 * objects, 16 more for the dict pointers of an instance of a class with a
 * __dict__).  pvm's objects are laid out differently (one-word values,
 * Boehm GC, no reference counts), so its own sizes would mean little to a
 * program written for CPython.  Instead, for the builtin types that have
 * no __sizeof__ of their own in pvm, getsizeof reports what CPython 3.11
 * reports for the same value on 64-bit Linux: the formulas below
 * (str by its widest character, list by its capacity, dict and set by the
 * table CPython would have built for that many items).  A class that
 * defines __sizeof__ is asked, as in CPython.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "modules/modutil.h"
#include "runtime/version.h"
#include "modules/sys.h"

enum { GC_HEAD = 16, DICT_PTRS = 16 };

/* The widest character of a str, in bytes: 1, 2 or 4 (CPython's kinds). */
static size_t str_kind(Value s, bool *ascii)
{
    *ascii = AS_STR(s)->ascii;
    return (size_t)rt_str_width(s);
}

static size_t str_size(Value s)
{
    bool ascii;
    size_t kind = str_kind(s, &ascii), n = AS_STR(s)->length;
    if (rt_py_minor >= 12)              /* 3.12's str lost its wstr fields */
        return (ascii ? 40 : 56) + (n + 1) * kind;
    return (ascii ? 48 : 72) + (n + 1) * kind;
}

/* A dict of n items as CPython builds it: 48 bytes + the GC header, and
 * for a non-empty dict a keys table of `size` index bytes and
 * 2*size/3 entries (16 bytes each when every key is a str, else 24). */
static size_t dict_index_size(size_t n)
{
    size_t size = 8;
    while (n > size * 2 / 3)
        size *= 2;
    return size;
}

static size_t dict_size(Value d)
{
    size_t n = rt_dict_len(d);
    if (n == 0)
        return 48 + GC_HEAD;
    size_t size = dict_index_size(n);
    bool str_keys = true;
    Value k, v;
    for (size_t i = 0; rt_dict_next(d, &i, &k, &v);)
        str_keys = str_keys && is_str(k);
    return 48 + GC_HEAD + 32 + size + size * 2 / 3 * (str_keys ? 16 : 24);
}

/* An OrderedDict: a dict 64 bytes larger (CPython's PyODictObject), a
 * node pointer per index slot and a 32-byte node per key. */
static size_t odict_size(Value d)
{
    size_t n = rt_dict_len(d);
    return dict_size(d) + 64 + (n ? 8 * dict_index_size(n) + 32 * n : 0);
}

/* A set filled one item at a time: its table grows to 4*used when 3/5
 * full, from the 8 entries inside the object. */
static size_t set_size(Value s)
{
    ssize_t n = rt_len(s);
    size_t table = 8;
    for (size_t fill = 1; fill <= (size_t)(n > 0 ? n : 0); fill++)
        if (fill * 5 >= (table - 1) * 3)
            while (table <= fill * 4)
                table *= 2;
    return 200 + GC_HEAD + (table > 8 ? table * 16 : 0);
}

/* CPython 3.11's getsizeof for a value whose builtin layout is type t's
 * (t is the value's type, or the builtin base of its class); 0 when pvm
 * does not know t. */
static size_t builtin_size(ObjType *t, Value v)
{
    if (t == &rt_float_type) return 24;
    if (t == &rt_complex_type) return 32;
    if (t == &rt_none_type) return 16;
    if (t == &rt_str_type) return str_size(v);
    if (t == &rt_bytes_type) return 33 + AS_BYTES(v)->length;
    if (t == &rt_bytearray_type) {
        size_t n = VAL_AS(ObjByteArray, v)->length;
        return 56 + (n ? n + 1 : 0);
    }
    if (t == &rt_tuple_type) return 24 + GC_HEAD + 8 * AS_TUPLE(v)->length;
    if (t == &rt_list_type) return 40 + GC_HEAD + 8 * AS_LIST(v)->capacity;
    if (t == &rt_dict_type) return dict_size(v);
    if (mod_is_odict_type(t)) return odict_size(v);
    if (t == &rt_set_type || t == &rt_frozenset_type) return set_size(v);
    if (t == &rt_range_type) return 48;
    if (t == &rt_slice_type) return 40 + GC_HEAD;
    if (t == &rt_function_type) return 136 + GC_HEAD;
    if (t == &rt_builtin_type) return 56 + GC_HEAD;
    if (t == &rt_module_type) return 56 + GC_HEAD;
    if (t == &rt_type_type) return 408 + GC_HEAD;
    if (t == &rt_object_type) return 16;
    if (t->flags & TF_EXCEPTION) return 72 + GC_HEAD;
    return 0;
}

/* What CPython keeps in front of an object of a class written in Python:
 * the GC header, and the dict pointers when instances have a __dict__. */
static size_t pre_header(ObjType *t)
{
    if (!(t->flags & TF_HEAPTYPE))
        return 0;
    return GC_HEAD + (t->dict_offset != 0 ? DICT_PTRS : 0);
}

/* The default __sizeof__ (object's).  An instance of a class written in
 * Python: CPython's basic size (16, plus 8 for the weak-reference slot of
 * a class with a __dict__, or 8 per __slots__ member) and the pre-header;
 * a builtin value: its known size, else a guess of a small container. */
static size_t default_size(Value v)
{
    ObjType *t = val_type(v), *b = t;
    while (b->flags & TF_HEAPTYPE)
        b = b->base;
    if (b == &rt_object_type && (t->flags & TF_HEAPTYPE)) {
        size_t slots = t->instance_size > sizeof(ObjInstance)
                           ? (t->instance_size - sizeof(ObjInstance)) / sizeof(Value) : 0;
        return pre_header(t) + (t->dict_offset != 0 ? 24 : 16 + 8 * slots);
    }
    size_t n = builtin_size(b, v);
    return (n != 0 ? n : 16 + GC_HEAD) + (t != b ? DICT_PTRS : 0);
}

/* Whether v's type takes __sizeof__ from object unchanged. */
static bool is_default_sizeof(Value v)
{
    Value name = RT_NAME("__sizeof__");
    return rt_type_lookup(val_type(v), name) == rt_type_lookup(&rt_object_type, name);
}

/* The size, or -1 with TypeError/ValueError set. */
static ssize_t sizeof_value(Value v)
{
    if (is_default_sizeof(v))
        return (ssize_t)default_size(v);
    Value method = mod_lookup_special(v, "__sizeof__");
    if (method == VAL_NULL) {
        if (!rt_err_occurred())     /* else its __get__ failed */
            rt_raisef(&rt_TypeError, "Type %s doesn't define __sizeof__", val_type(v)->name);
        return -1;
    }
    Value r = rt_call0(method);
    ssize_t n;
    if (r == VAL_NULL || !rt_as_ssize(r, &n))
        return -1;
    if (n < 0) {
        rt_raisef(&rt_ValueError, "__sizeof__() should return >= 0");
        return -1;
    }
    return n + (ssize_t)pre_header(val_type(v));
}

/* sys.getsizeof(object[, default]): default is returned when the size
 * cannot be had (a TypeError), as in CPython. */
Value mod_sys_getsizeof(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "object", "default" };
    static const ArgSpec spec = { "getsizeof", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    ssize_t n = sizeof_value(a[0]);
    if (n >= 0)
        return rt_int_from_i64(n);
    if (a[1] != VAL_NULL && rt_err_matches(&rt_TypeError)) {
        rt_err_clear();
        return a[1];
    }
    return VAL_NULL;
}
