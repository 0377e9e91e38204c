/*
 * array.c — array.array: a sequence of numbers (or characters, 'u') of
 * one C type, stored packed in native machine bytes, as CPython's
 * Modules/arraymodule.c does.
 *
 * The items live in one block of `n * itemsize` bytes, so an array is a
 * bytes-like object: memoryview(a), bytes(a), struct.pack_into(.., a, ..)
 * see its memory through the buffer protocol (runtime/buffer.h).  Items
 * are checked on the way in with CPython's messages ("signed char is
 * greater than maximum"), then packed; reading one unpacks it.  A resize
 * copies into a new block and never frees the old one, so a memoryview
 * of the array always points at valid memory (buffer.h).
 */
#include <math.h>
#include <string.h>
#include "modules/modutil.h"
#include "runtime/version.h"
#include "runtime/buffer.h"
#include "runtime/class.h"

/* One typecode: its item size, the buffer format memoryview sees, and
 * the C type name of CPython's range errors. */
typedef struct Code {
    char code;
    size_t size;
    bool is_signed, is_float;
    const char *format;
    const char *cname;
} Code;

static const Code codes[] = {
    {'b', 1, true, false, "b", "signed char"}, {'B', 1, false, false, "B", "unsigned byte integer"},
    {'u', 4, false, false, "w", NULL},
    {'h', 2, true, false, "h", "signed short integer"}, {'H', 2, false, false, "H", "unsigned short"},
    {'i', 4, true, false, "i", "signed integer"}, {'I', 4, false, false, "I", "unsigned int"},
    {'l', 8, true, false, "l", "signed long"}, {'L', 8, false, false, "L", "unsigned long"},
    {'q', 8, true, false, "q", "signed long long"}, {'Q', 8, false, false, "Q", "unsigned long long"},
    {'f', 4, true, true, "f", "float"}, {'d', 8, true, true, "d", "double"},
};

typedef struct ObjArray {
    Object ob;
    const Code *c;
    unsigned char *data;        /* n items; never freed once handed out */
    size_t n, cap;              /* items, and room for items */
    int exports;                /* lasting buffers out: no resizing (buffer.h) */
} ObjArray;

static ObjType array_type;
#define ARR(v) VAL_AS(ObjArray, v)

static const Code *find_code(char c)
{
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (codes[i].code == c)
            return &codes[i];
    return NULL;
}

static bool is_array(Value v)
{
    return rt_isinstance_of(v, &array_type);
}

static Value array_make(ObjType *type, const Code *c)
{
    ObjArray *a = rt_alloc_instance(type, sizeof(ObjArray));
    a->c = c;
    return obj_val(a);
}

/* Room for `extra` more items: a bigger block, the old one left alone. */
static void reserve(ObjArray *a, size_t extra)
{
    if (a->n + extra <= a->cap)
        return;
    size_t cap = a->cap < 4 ? 4 : a->cap * 2;
    while (cap < a->n + extra)
        cap *= 2;
    unsigned char *data = gc_alloc_atomic(cap * a->c->size);
    if (a->n > 0)
        memcpy(data, a->data, a->n * a->c->size);
    a->data = data;
    a->cap = cap;
}

/* May a hold n items from now on?  Not while a lasting buffer of it is
 * out (a memoryview), as in CPython: BufferError. */
static bool resizable(ObjArray *a, size_t n)
{
    if (n == a->n || !rt_buffer_exported(&a->exports))
        return true;
    rt_raisef(&rt_BufferError, "cannot resize an array that is exporting buffers");
    return false;
}

static unsigned char *item_at(ObjArray *a, size_t i)
{
    return a->data + i * a->c->size;
}

/* ---- items in and out ------------------------------------------------------- */

static Value get_item(ObjArray *a, size_t i)
{
    if (a->c->code == 'u') {
        uint32_t cp;
        memcpy(&cp, item_at(a, i), 4);
        if (cp > 0x10FFFF)      /* bytes put in by frombytes() */
            return rt_raisef(&rt_ValueError, "chr() arg not in range(0x110000)");
        return rt_str_from_codepoint(cp);
    }
    return rt_buffer_unpack_item(a->c->format, item_at(a, i));
}

/* v as an int the typecode can hold, or VAL_NULL with CPython's error. */
static Value check_int(const Code *c, Value v)
{
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
                return rt_raisef(&rt_OverflowError, "can't convert negative int to unsigned");
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

/* Pack v into the item at p, checked against the typecode. */
static bool set_item(const Code *c, unsigned char *p, Value v)
{
    if (c->code == 'u') {
        if (!rt_is_str(v) || AS_STR(v)->length != 1) {
            if (rt_py_minor < 14)
                rt_raisef(&rt_TypeError, "array item must be unicode character");
            else if (rt_is_str(v))
                rt_raisef(&rt_TypeError, "array item must be a unicode character, "
                          "not a string of length %zu", AS_STR(v)->length);
            else
                rt_raisef(&rt_TypeError, "array item must be a unicode character, not %T", v);
            return false;
        }
        uint32_t cp = rt_str_char_at(v, 0);
        memcpy(p, &cp, 4);
        return true;
    }
    if (c->is_float) {
        double d;
        if (!mod_as_double(v, &d))
            return false;
        return rt_buffer_pack_item(c->format, p, rt_float_new(d)) == 0;
    }
    Value i = check_int(c, v);
    return i != VAL_NULL && rt_buffer_pack_item(c->format, p, i) == 0;
}

static bool append_item(ObjArray *a, Value v)
{
    reserve(a, 1);
    if (!set_item(a->c, item_at(a, a->n), v) || !resizable(a, a->n + 1))
        return false;
    a->n++;
    return true;
}

static bool append_bytes(ObjArray *a, const unsigned char *p, size_t nitems)
{
    if (!resizable(a, a->n + nitems))
        return false;
    reserve(a, nitems);
    memmove(item_at(a, a->n), p, nitems * a->c->size);
    a->n += nitems;
    return true;
}

/* a's items become the n items at p (a's size checked once). */
static bool replace_items(ObjArray *a, const unsigned char *p, size_t n)
{
    if (!resizable(a, n))
        return false;
    a->n = 0;
    reserve(a, n);
    memmove(a->data, p, n * a->c->size);
    a->n = n;
    return true;
}

static bool extend_from(ObjArray *a, Value iterable)
{
    if (is_array(iterable)) {
        if (ARR(iterable)->c != a->c) {
            rt_raisef(&rt_TypeError, "can only extend with array of same kind");
            return false;
        }
        return append_bytes(a, ARR(iterable)->data, ARR(iterable)->n);
    }
    Value it = rt_iter(iterable), v;
    if (it == VAL_NULL)
        return false;
    while ((v = rt_next(it)) != VAL_NULL)
        if (!append_item(a, v))
            return false;
    return !rt_err_occurred();
}

static bool frombytes(ObjArray *a, Value b)
{
    RtBuffer view;
    if (rt_get_buffer(b, &view, RT_BUF_SIMPLE) < 0)
        return false;
    size_t n = (size_t)view.len;
    if (n % a->c->size) {
        rt_release_buffer(&view);
        rt_raisef(&rt_ValueError, "bytes length not a multiple of item size");
        return false;
    }
    bool ok = append_bytes(a, view.buf, n / a->c->size);
    rt_release_buffer(&view);
    return ok;
}

static bool fromunicode(ObjArray *a, Value s)
{
    if (a->c->code != 'u') {
        rt_raisef(&rt_ValueError, "fromunicode() may only be called on unicode type arrays");
        return false;
    }
    size_t len = AS_STR(s)->length;
    if (!resizable(a, a->n + len))
        return false;
    reserve(a, len);
    for (size_t i = 0; i < len; i++) {
        uint32_t cp = rt_str_char_at(s, i);
        memcpy(item_at(a, a->n++), &cp, 4);
    }
    return true;
}

/* The items as a list (comparisons, slice assignment and repr use it). */
static Value to_list(ObjArray *a)
{
    Value list = rt_list_new(a->n);
    for (size_t i = 0; i < a->n; i++) {
        Value item = get_item(a, i);
        if (item == VAL_NULL)
            return VAL_NULL;
        rt_list_append(list, item);
    }
    return list;
}

/* ---- construction ------------------------------------------------------------------ */

/* array(typecode[, initializer]) */
static Value array_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    if ((t == &array_type && !rt_arg_nokw("array.array", kw)) ||
        !rt_arg_range("array", rt_npos(nargs, kw), 1, 2))
        return VAL_NULL;
    nargs = rt_npos(nargs, kw);     /* a subclass's __init__ takes the keywords */
    if (!rt_is_str(args[0]) || AS_STR(args[0])->length != 1)
        return rt_raisef(&rt_TypeError,
                         "array() argument 1 must be a unicode character, not %T", args[0]);
    const Code *c = find_code(rt_str_cstr(args[0])[0]);
    if (c == NULL)
        return rt_raisef(&rt_ValueError, "bad typecode (must be b, B, u, %sh, H, i, I, l, L, "
                         "q, Q, f or d)", rt_py_minor >= 14 ? "w, " : "");
    if (c->code == 'u' && rt_py_minor >= 13 &&
        rt_warn(&rt_DeprecationWarning, "The 'u' type code is deprecated and will be removed "
                "in Python 3.16", 1) < 0)
        return VAL_NULL;
    Value a = array_make(t, c);
    if (nargs == 1)
        return a;
    Value init = args[1];
    bool ok;
    if (rt_is_str(init)) {
        if (c->code != 'u')
            return rt_raisef(&rt_TypeError,
                             "cannot use a str to initialize an array with typecode '%c'", c->code);
        ok = fromunicode(ARR(a), init);
    } else if (is_array(init) && ARR(init)->c->code == 'u' && c->code != 'u') {
        return rt_raisef(&rt_TypeError, "cannot use a unicode array to initialize an array "
                         "with typecode '%c'", c->code);
    } else if (!is_array(init) && rt_has_buffer(init)) {
        ok = frombytes(ARR(a), init);
    } else if (is_array(init) && ARR(init)->c != c) {
        Value list = to_list(ARR(init));
        ok = list != VAL_NULL && extend_from(ARR(a), list);
    } else {
        ok = extend_from(ARR(a), init);
    }
    return ok ? a : VAL_NULL;
}

/* ---- methods ---------------------------------------------------------------------- */

static ObjArray *self_of(Value *args) { return ARR(args[0]); }

static Value ar_append(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("append", nargs - 1, kw))
        return VAL_NULL;
    return append_item(self_of(args), args[1]) ? rt_None : VAL_NULL;
}

static Value ar_extend(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("extend", nargs - 1, kw))
        return VAL_NULL;
    return extend_from(self_of(args), args[1]) ? rt_None : VAL_NULL;
}

static Value ar_fromlist(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("fromlist", nargs - 1, kw))
        return VAL_NULL;
    if (!rt_isinstance_of(args[1], &rt_list_type))
        return rt_raisef(&rt_TypeError, "arg must be list");
    ObjArray *a = self_of(args);
    size_t n = a->n;
    if (!extend_from(a, args[1])) {
        a->n = n;                   /* all or nothing */
        return VAL_NULL;
    }
    return rt_None;
}

static Value ar_tolist(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("tolist", nargs - 1, kw))
        return VAL_NULL;
    return to_list(self_of(args));
}

static Value ar_tobytes(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("tobytes", nargs - 1, kw))
        return VAL_NULL;
    ObjArray *a = self_of(args);
    return rt_bytes_new(a->data, a->n * a->c->size);
}

static Value ar_frombytes(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("frombytes", nargs - 1, kw))
        return VAL_NULL;
    return frombytes(self_of(args), args[1]) ? rt_None : VAL_NULL;
}

/* fromfile(f, n): n items from f.read(); what came is kept even when it
 * is too short (EOFError). */
static Value ar_fromfile(Value *args, size_t nargs, Value kw)
{
    ssize_t n;
    if (!rt_arg_nokw("fromfile", kw) || !rt_arg_range("fromfile", nargs - 1, 2, 2) ||
        !rt_as_ssize(args[2], &n))
        return VAL_NULL;
    if (n < 0)
        return rt_raisef(&rt_ValueError, "negative count");
    ObjArray *a = self_of(args);
    Value size = rt_int_from_i64((int64_t)n * (int64_t)a->c->size);
    Value b = mod_call_method(args[1], "read", &size, 1);
    if (b == VAL_NULL)
        return VAL_NULL;
    if (!rt_isinstance_of(b, &rt_bytes_type))
        return rt_raisef(&rt_TypeError, "read() didn't return bytes");
    if (!frombytes(a, b))
        return VAL_NULL;
    if (AS_BYTES(b)->length != (size_t)n * a->c->size)
        return rt_raisef(&rt_EOFError, "read() didn't return enough bytes");
    return rt_None;
}

/* tofile(f): f.write() of the items' bytes, 64 KiB at a time. */
static Value ar_tofile(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("tofile", nargs - 1, kw))
        return VAL_NULL;
    ObjArray *a = self_of(args);
    size_t total = a->n * a->c->size, block = 64 * 1024;
    for (size_t off = 0; off < total; off += block) {
        Value chunk = rt_bytes_new(a->data + off, total - off < block ? total - off : block);
        if (mod_call_method(args[1], "write", &chunk, 1) == VAL_NULL)
            return VAL_NULL;
    }
    return rt_None;
}

static Value ar_fromunicode(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("fromunicode", nargs - 1, kw))
        return VAL_NULL;
    if (!rt_is_str(args[1]))
        return rt_raisef(&rt_TypeError, "fromunicode() argument must be str, not %T", args[1]);
    return fromunicode(self_of(args), args[1]) ? rt_None : VAL_NULL;
}

static Value ar_tounicode(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("tounicode", nargs - 1, kw))
        return VAL_NULL;
    ObjArray *a = self_of(args);
    if (a->c->code != 'u')
        return rt_raisef(&rt_ValueError, "tounicode() may only be called on unicode type arrays");
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < a->n; i++) {
        uint32_t cp;
        memcpy(&cp, item_at(a, i), 4);
        if (cp > 0x10FFFF)
            return rt_raisef(&rt_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                             (unsigned)cp);
        sb_add_codepoint(&sb, cp);
    }
    return sb_finish(&sb);
}

/* An index argument counted from the end when negative, as list's. */
static bool index_arg(Value v, size_t n, ssize_t *out)
{
    if (!rt_as_ssize(v, out))
        return false;
    if (*out < 0)
        *out += (ssize_t)n;
    return true;
}

static Value ar_insert(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range("insert", nargs - 1, 2, 2))
        return VAL_NULL;
    ObjArray *a = self_of(args);
    ssize_t i;
    if (!index_arg(args[1], a->n, &i))
        return VAL_NULL;
    i = i < 0 ? 0 : i > (ssize_t)a->n ? (ssize_t)a->n : i;
    unsigned char tmp[8];
    if (!set_item(a->c, tmp, args[2]) || !resizable(a, a->n + 1))
        return VAL_NULL;
    reserve(a, 1);
    memmove(item_at(a, (size_t)i + 1), item_at(a, (size_t)i), (a->n - (size_t)i) * a->c->size);
    memcpy(item_at(a, (size_t)i), tmp, a->c->size);
    a->n++;
    return rt_None;
}

static bool remove_at(ObjArray *a, size_t i)
{
    if (!resizable(a, a->n - 1))
        return false;
    memmove(item_at(a, i), item_at(a, i + 1), (a->n - i - 1) * a->c->size);
    a->n--;
    return true;
}

static Value ar_pop(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range("pop", nargs - 1, 0, 1))
        return VAL_NULL;
    ObjArray *a = self_of(args);
    ssize_t i = -1;
    if (nargs > 1 && !rt_as_ssize(args[1], &i))
        return VAL_NULL;
    if (a->n == 0)
        return rt_raisef(&rt_IndexError, "pop from empty array");
    if (i < 0)
        i += (ssize_t)a->n;
    if (i < 0 || i >= (ssize_t)a->n)
        return rt_raisef(&rt_IndexError, "pop index out of range");
    Value v = get_item(a, (size_t)i);
    return v != VAL_NULL && remove_at(a, (size_t)i) ? v : VAL_NULL;
}

/* The first index in [start, stop) whose item equals v; -1 none, -2 error. */
static ssize_t find_item(ObjArray *a, Value v, size_t start, size_t stop)
{
    for (size_t i = start; i < stop && i < a->n; i++) {
        Value item = get_item(a, i);
        int eq = item == VAL_NULL ? -1 : rt_eq(item, v);
        if (eq != 0)
            return eq < 0 ? -2 : (ssize_t)i;
    }
    return -1;
}

static Value ar_index(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range("index", nargs - 1, 1, 3))
        return VAL_NULL;
    ObjArray *a = self_of(args);
    ssize_t start = 0, stop = (ssize_t)a->n;
    if ((nargs > 2 && !index_arg(args[2], a->n, &start)) ||
        (nargs > 3 && !index_arg(args[3], a->n, &stop)))
        return VAL_NULL;
    ssize_t i = find_item(a, args[1], start < 0 ? 0 : (size_t)start, stop < 0 ? 0 : (size_t)stop);
    if (i == -1)
        return rt_raisef(&rt_ValueError, "array.index(x): x not in array");
    return i < 0 ? VAL_NULL : small_new(i);
}

static Value ar_remove(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("remove", nargs - 1, kw))
        return VAL_NULL;
    ObjArray *a = self_of(args);
    ssize_t i = find_item(a, args[1], 0, a->n);
    if (i == -1)
        return rt_raisef(&rt_ValueError, "array.remove(x): x not in array");
    if (i < 0)
        return VAL_NULL;
    return remove_at(a, (size_t)i) ? rt_None : VAL_NULL;
}

static Value ar_count(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("count", nargs - 1, kw))
        return VAL_NULL;
    ObjArray *a = self_of(args);
    intptr_t count = 0;
    for (size_t i = 0; i < a->n; i++) {
        Value item = get_item(a, i);
        int eq = item == VAL_NULL ? -1 : rt_eq(item, args[1]);
        if (eq < 0)
            return VAL_NULL;
        count += eq;
    }
    return small_new(count);
}

static void swap_items(ObjArray *a, size_t i, size_t j)
{
    unsigned char tmp[8];
    size_t s = a->c->size;
    memcpy(tmp, item_at(a, i), s);
    memcpy(item_at(a, i), item_at(a, j), s);
    memcpy(item_at(a, j), tmp, s);
}

static Value ar_reverse(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("reverse", nargs - 1, kw))
        return VAL_NULL;
    ObjArray *a = self_of(args);
    for (size_t i = 0, j = a->n; i + 1 < j; i++, j--)
        swap_items(a, i, j - 1);
    return rt_None;
}

/* byteswap(): reverse the bytes of every item. */
static Value ar_byteswap(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("byteswap", nargs - 1, kw))
        return VAL_NULL;
    ObjArray *a = self_of(args);
    size_t s = a->c->size;
    for (size_t i = 0; i < a->n; i++) {
        unsigned char *p = item_at(a, i);
        for (size_t k = 0; k < s / 2; k++) {
            unsigned char t = p[k];
            p[k] = p[s - 1 - k];
            p[s - 1 - k] = t;
        }
    }
    return rt_None;
}

/* buffer_info(): (address, length in items). */
static Value ar_buffer_info(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("buffer_info", nargs - 1, kw))
        return VAL_NULL;
    ObjArray *a = self_of(args);
    return rt_tuple_pack(2, rt_int_from_u64((uintptr_t)a->data), rt_int_from_u64(a->n));
}

static Value copy_of(ObjArray *a, ObjType *type)
{
    Value c = array_make(type, a->c);
    append_bytes(ARR(c), a->data, a->n);
    return c;
}

static Value ar_copy(Value *args, size_t nargs, Value kw)
{
    return copy_of(self_of(args), val_type(args[0]));
}

/* ---- pickling: machine formats ------------------------------------------------------
 * From protocol 3 on an array pickles as its bytes with a code saying how
 * they are laid out (CPython's enum machine_format_code), so that another
 * machine can rebuild it: _array_reconstructor(type, typecode, mformat, bytes). */
enum { MF_INT8 = 0, MF_FLOAT_LE = 14, MF_DOUBLE_LE = 16, MF_UTF16_LE = 18, MF_UTF32_LE = 20,
       MF_LAST = 21 };

typedef struct MachineFormat {
    uint8_t size;
    bool is_signed, big_endian;
} MachineFormat;

static const MachineFormat mformats[MF_LAST + 1] = {
    {1, false, false}, {1, true, false},                                    /* 0-1: 8-bit */
    {2, false, false}, {2, false, true}, {2, true, false}, {2, true, true},   /* 2-5 */
    {4, false, false}, {4, false, true}, {4, true, false}, {4, true, true},   /* 6-9 */
    {8, false, false}, {8, false, true}, {8, true, false}, {8, true, true},   /* 10-13 */
    {4, false, false}, {4, false, true}, {8, false, false}, {8, false, true}, /* 14-17: IEEE */
    /* 18-21: UTF-16 and UTF-32, whose sizes CPython's table gives as 4 and 8
     * (only the "multiple of item size" check reads them) */
    {4, false, false}, {4, false, true}, {8, false, false}, {8, false, true},
};

/* This machine's (little-endian) format of a typecode's items. */
static int native_mformat(const Code *c)
{
    if (c->code == 'u')
        return MF_UTF32_LE;
    if (c->is_float)
        return c->size == 4 ? MF_FLOAT_LE : MF_DOUBLE_LE;
    if (c->size == 1)
        return c->is_signed ? MF_INT8 + 1 : MF_INT8;
    int base = c->size == 2 ? 2 : c->size == 4 ? 6 : 10;       /* unsigned, little-endian */
    return base + (c->is_signed ? 2 : 0);
}

/* The item at p of format f, in this machine's byte order (at most 8 bytes). */
static void native_bytes(const MachineFormat *f, const unsigned char *p, unsigned char *out)
{
    for (size_t k = 0; k < f->size; k++)
        out[k] = f->big_endian ? p[f->size - 1 - k] : p[k];
}

/* The items of `items` (format f) as a list of ints or floats, or a str. */
static Value decode_items(int code, const MachineFormat *f, Value items)
{
    const unsigned char *p = AS_BYTES(items)->data;
    size_t count = AS_BYTES(items)->length / f->size;
    if (code >= MF_UTF16_LE) {
        const char *enc = code == MF_UTF16_LE ? "utf-16-le" : code == MF_UTF16_LE + 1 ? "utf-16-be"
                        : code == MF_UTF32_LE ? "utf-32-le" : "utf-32-be";
        return rt_bytes_decode(p, AS_BYTES(items)->length, rt_str_from_cstr(enc), VAL_NULL);
    }
    /* Turned to this machine's order, an item is one of memoryview's
     * native formats, which knows the sign and float rules. */
    static const char ints[2][9] = { {0, 'B', 'H', 0, 'I', 0, 0, 0, 'Q'},
                                     {0, 'b', 'h', 0, 'i', 0, 0, 0, 'q'} };
    char fmt[2] = { code >= MF_FLOAT_LE ? (f->size == 4 ? 'f' : 'd') : ints[f->is_signed][f->size], 0 };
    Value list = rt_list_new(0);
    for (size_t i = 0; i < count; i++) {
        unsigned char b[8];
        native_bytes(f, p + i * f->size, b);
        rt_list_append(list, rt_buffer_unpack_item(fmt, b));
    }
    return list;
}

static Value reconstructor;            /* array._array_reconstructor, for __reduce_ex__ */

/* array._array_reconstructor(arraytype, typecode, mformat_code, items, /) */
static Value array_reconstructor(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_array_reconstructor", kw) ||
        !rt_arg_range("_array_reconstructor", nargs, 4, 4))
        return VAL_NULL;
    if (!rt_isinstance_of(args[0], &rt_type_type))
        return rt_raisef(&rt_TypeError, "first argument must be a type object, not %T", args[0]);
    ObjType *type = AS_TYPE(args[0]);
    if (!rt_is_subtype(type, &array_type))
        return rt_raisef(&rt_TypeError, "%s is not a subtype of array.array", type->name);
    if (!rt_is_str(args[1]) || AS_STR(args[1])->length != 1)
        return rt_raisef(&rt_TypeError, "_array_reconstructor() argument 2 must be a unicode "
                         "character, not %T", args[1]);
    const Code *c = find_code((char)rt_str_char_at(args[1], 0));
    if (c == NULL)
        return rt_raisef(&rt_ValueError, "second argument must be a valid type code");
    ssize_t code;
    if (!rt_as_ssize(args[2], &code))
        return VAL_NULL;
    if (code < 0 || code > MF_LAST)
        return rt_raisef(&rt_ValueError, "third argument must be a valid machine format code.");
    if (!IS_EXACT(args[3], rt_bytes_type))
        return rt_raisef(&rt_TypeError, "fourth argument should be bytes, not %T", args[3]);
    Value typecode = args[1];
    Value items = args[3];
    if (code != native_mformat(c)) {
        const MachineFormat *f = &mformats[code];
        if (AS_BYTES(items)->length % f->size != 0)
            return rt_raisef(&rt_ValueError, "string length not a multiple of item size");
        items = decode_items((int)code, f, items);
        if (items == VAL_NULL)
            return VAL_NULL;
        /* Integers go to the last typecode of their size and signedness
         * here: an 'L' array of a 32-bit machine comes back as 'I'. */
        for (size_t i = 0; code < MF_FLOAT_LE && i < sizeof codes / sizeof codes[0]; i++)
            if (!codes[i].is_float && codes[i].code != 'u' && codes[i].size == f->size &&
                codes[i].is_signed == f->is_signed)
                typecode = rt_str_from_codepoint((uint32_t)codes[i].code);
    }
    Value new_args[2] = { typecode, items };
    return array_new(type, new_args, 2, VAL_NULL);
}

/* copy and pickle: before protocol 3 array(typecode, list of items), from
 * it on _array_reconstructor(type, typecode, mformat_code, bytes). */
static Value ar_reduce_ex(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("__reduce_ex__", kw) || !rt_arg_range("__reduce_ex__", nargs - 1, 1, 1))
        return VAL_NULL;
    ssize_t protocol;
    if (!rt_as_ssize(args[1], &protocol))
        return VAL_NULL;
    ObjArray *a = self_of(args);
    Value typecode = rt_str_from_codepoint((uint32_t)a->c->code);
    Value *slot = rt_instance_dict_slot(args[0]);
    Value dict = slot != NULL && *slot != VAL_NULL ? *slot : rt_None;
    Value type = obj_val(val_type(args[0]));
    if (protocol < 3) {
        Value list = to_list(a);
        return list == VAL_NULL ? VAL_NULL
                                : rt_tuple_pack(3, type, rt_tuple_pack(2, typecode, list), dict);
    }
    Value bytes = rt_bytes_new(a->data, a->n * a->c->size);
    return rt_tuple_pack(3, reconstructor,  /* kept alive by the module too */
                         rt_tuple_pack(4, type, typecode, rt_int_from_i64(native_mformat(a->c)), bytes),
                         dict);
}

/* ---- the sequence slots ---------------------------------------------------------------- */

/* array('i', [1, 2]), array('u', 'ab'); a subclass shows its own name. */
static Value array_repr(Value self)
{
    ObjArray *a = ARR(self);
    const char *name = strrchr(val_type(self)->name, '.');
    name = name != NULL ? name + 1 : val_type(self)->name;
    if (a->n == 0)
        return rt_str_format_c("%s('%c')", name, a->c->code);
    Value items = a->c->code == 'u' ? ar_tounicode(&self, 1, VAL_NULL) : to_list(a);
    if (items == VAL_NULL)
        return VAL_NULL;
    return rt_str_format_c("%s('%c', %R)", name, a->c->code, items);
}

static ssize_t array_len(Value self) { return (ssize_t)ARR(self)->n; }

static Value array_getitem(Value self, Value key)
{
    ObjArray *a = ARR(self);
    if (IS_EXACT(key, rt_slice_type)) {
        ssize_t start, stop, step, n;
        if (!rt_slice_indices(key, (ssize_t)a->n, &start, &stop, &step, &n))
            return VAL_NULL;
        Value out = array_make(&array_type, a->c);
        reserve(ARR(out), (size_t)n);
        for (ssize_t k = 0; k < n; k++)
            memcpy(item_at(ARR(out), (size_t)k), item_at(a, (size_t)(start + k * step)),
                   a->c->size);
        ARR(out)->n = (size_t)n;
        return out;
    }
    Value idx = rt_index_or_null(key);
    if (idx == VAL_NULL) {
        if (!rt_err_occurred())
            rt_raisef(&rt_TypeError, "array indices must be integers");
        return VAL_NULL;
    }
    ssize_t i;
    if (!index_arg(idx, a->n, &i))
        return VAL_NULL;
    if (i < 0 || i >= (ssize_t)a->n)
        return rt_raisef(&rt_IndexError, "array index out of range");
    return get_item(a, (size_t)i);
}

/* a[i:j:k] = array of the same typecode, or del a[i:j:k], as CPython's
 * array_ass_subscr: the items are copied as they are, unchecked (an
 * array('u') may hold a code point beyond U+10FFFF, read or not).  While a
 * buffer is out, only an assignment of as many items as the slice has may
 * go ahead. */
static int assign_slice(ObjArray *a, Value key, Value v)
{
    if (v != VAL_NULL && !is_array(v)) {
        rt_raisef(&rt_TypeError, "can only assign array (not \"%s\") to array slice",
                  val_type(v)->name);
        return -1;
    }
    if (v != VAL_NULL && ARR(v)->c != a->c) {
        rt_raisef(&rt_TypeError, "bad argument type for built-in operation");
        return -1;
    }
    ssize_t start, stop, step, n;
    if (!rt_slice_indices(key, (ssize_t)a->n, &start, &stop, &step, &n))
        return -1;
    size_t size = a->c->size, needed = v != VAL_NULL ? ARR(v)->n : 0;
    if ((needed == 0 || (size_t)n != needed) && !resizable(a, a->n + 1))
        return -1;                      /* fails early on any export, as CPython's */
    unsigned char *src = NULL;          /* a copy: a[:] = a */
    if (needed > 0) {
        src = gc_alloc_atomic(needed * size);
        memcpy(src, ARR(v)->data, needed * size);
    }
    if (step == 1) {
        if (stop < start)
            stop = start;
        size_t newn = a->n - (size_t)(stop - start) + needed;
        unsigned char *items = gc_alloc_atomic((newn ? newn : 1) * size);
        memcpy(items, a->data, (size_t)start * size);
        if (needed > 0)
            memcpy(items + (size_t)start * size, src, needed * size);
        memcpy(items + ((size_t)start + needed) * size, item_at(a, (size_t)stop),
               (a->n - (size_t)stop) * size);
        return replace_items(a, items, newn) ? 0 : -1;
    }
    if (needed == 0) {                  /* delete the n items, lowest first from lo */
        ssize_t lo = step > 0 ? start : start + (n - 1) * step, every = step > 0 ? step : -step;
        size_t w = 0;
        for (size_t i = 0; i < a->n; i++) {
            ssize_t rel = (ssize_t)i - lo;
            if (rel >= 0 && rel % every == 0 && rel / every < n)
                continue;
            memmove(item_at(a, w++), item_at(a, i), size);
        }
        a->n = w;
        return 0;
    }
    if ((size_t)n != needed) {
        rt_raisef(&rt_ValueError, "attempt to assign array of size %zu to extended slice of size %zd",
                  needed, n);
        return -1;
    }
    for (ssize_t k = 0; k < n; k++)
        memcpy(item_at(a, (size_t)(start + k * step)), src + (size_t)k * size, size);
    return 0;
}

static int array_setitem(Value self, Value key, Value v)
{
    ObjArray *a = ARR(self);
    if (IS_EXACT(key, rt_slice_type))
        return assign_slice(a, key, v);
    Value idx = rt_index_or_null(key);
    if (idx == VAL_NULL) {
        if (!rt_err_occurred())
            rt_raisef(&rt_TypeError, "array indices must be integers");
        return -1;
    }
    ssize_t i;
    if (!index_arg(idx, a->n, &i))
        return -1;
    if (i < 0 || i >= (ssize_t)a->n) {
        rt_raisef(&rt_IndexError, v == VAL_NULL ? "array assignment index out of range"
                                                : "array assignment index out of range");
        return -1;
    }
    if (v == VAL_NULL)
        return remove_at(a, (size_t)i) ? 0 : -1;
    return set_item(a->c, item_at(a, (size_t)i), v) ? 0 : -1;
}

typedef struct ObjArrayIter {
    Object ob;
    ObjArray *a;
    size_t next;
} ObjArrayIter;

static ObjType arrayiter_type;

static Value array_iter(Value self)
{
    ObjArrayIter *it = gc_alloc(sizeof *it);
    it->ob.type = &arrayiter_type;
    it->a = ARR(self);
    return obj_val(it);
}

static Value arrayiter_next(Value self)
{
    ObjArrayIter *it = VAL_AS(ObjArrayIter, self);
    if (it->a == NULL || it->next >= it->a->n) {
        it->a = NULL;
        return VAL_NULL;
    }
    return get_item(it->a, it->next++);
}

/* Pickled as iter(array) and the position: (iter, (array,), index). */
static Value arrayiter_reduce(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kw))
        return VAL_NULL;
    ObjArrayIter *it = VAL_AS(ObjArrayIter, args[0]);
    Value iter = rt_dict_get_cstr(rt_builtins_dict, "iter");
    if (it->a == NULL)
        return rt_tuple_pack(2, iter, rt_tuple_pack(1, rt_tuple_pack(0)));
    return rt_tuple_pack(3, iter, rt_tuple_pack(1, obj_val(it->a)),
                         rt_int_from_u64(it->next));
}

static Value arrayiter_setstate(Value *args, size_t nargs, Value kw)
{
    ssize_t index;
    if (!rt_arg_one("__setstate__", nargs - 1, kw) || !rt_as_ssize(args[1], &index))
        return VAL_NULL;
    ObjArrayIter *it = VAL_AS(ObjArrayIter, args[0]);
    if (it->a != NULL)
        it->next = index < 0 ? 0 : (size_t)index > it->a->n ? it->a->n : (size_t)index;
    return rt_None;
}

static const MethodDef arrayiter_methods[] = {
    {"__reduce__", arrayiter_reduce}, {"__setstate__", arrayiter_setstate}, {NULL, NULL}
};

static ObjType arrayiter_type = {
    .ob.type = &rt_type_type, .name = "arrayiterator",
    .iter = rt_iter_self, .next = arrayiter_next,
};

static int array_contains(Value self, Value v)
{
    ssize_t i = find_item(ARR(self), v, 0, ARR(self)->n);
    return i == -2 ? -1 : i >= 0;
}

/* Arrays compare item by item, whatever their typecodes (as lists do). */
static Value array_richcompare(Value a, Value b, int op)
{
    if (!is_array(a) || !is_array(b))
        return rt_NotImplemented;
    if (ARR(a)->c->code == 'u' && ARR(b)->c->code == 'u') {
        /* By the stored code points, as CPython's compareitems: a value
         * frombytes() put there that is no character compares too. */
        ObjArray *x = ARR(a), *y = ARR(b);
        size_t n = x->n < y->n ? x->n : y->n, i = 0;
        uint32_t cx = 0, cy = 0;
        for (; i < n; i++) {
            memcpy(&cx, item_at(x, i), 4);
            memcpy(&cy, item_at(y, i), 4);
            if (cx != cy)
                break;
        }
        Value l = i < n ? small_new(cx) : small_new((intptr_t)x->n);
        Value r = i < n ? small_new(cy) : small_new((intptr_t)y->n);
        return rt_richcompare(l, r, op);
    }
    Value la = to_list(ARR(a)), lb = la == VAL_NULL ? VAL_NULL : to_list(ARR(b));
    return lb == VAL_NULL ? VAL_NULL : rt_richcompare(la, lb, op);
}

/* a * times: MemoryError at once when the bytes could never be had
 * (growing towards them would take the machine's memory first). */
static Value repeat(ObjArray *a, ssize_t times)
{
    Value out = array_make(&array_type, a->c);
    if (a->n == 0 || times <= 0)
        return out;
    if (a->n > (size_t)PTRDIFF_MAX / a->c->size / (size_t)times ||
        !gc_size_ok(a->n * a->c->size * (size_t)times))
        return rt_raise(obj_val(&rt_MemoryError));
    reserve(ARR(out), a->n * (size_t)times);
    for (ssize_t k = 0; k < times; k++)
        append_bytes(ARR(out), a->data, a->n);
    return out;
}

static Value array_binop(Value a, Value b, int op)
{
    if (op == NB_ADD && is_array(a) && is_array(b)) {
        if (ARR(a)->c != ARR(b)->c)
            return rt_raisef(&rt_TypeError, "bad argument type for built-in operation");
        Value out = copy_of(ARR(a), &array_type);
        append_bytes(ARR(out), ARR(b)->data, ARR(b)->n);
        return out;
    }
    if (op == NB_ADD && is_array(a) && !(val_type(b)->flags & TF_HEAPTYPE))
        return rt_raisef(&rt_TypeError, "can only append array (not \"%T\") to array", b);
    if (op == NB_MULTIPLY) {
        Value arr = is_array(a) ? a : b, n = arr == a ? b : a;
        ssize_t times;
        int r = rt_repeat_count(n, &times);
        return r > 0 ? repeat(ARR(arr), times) : r < 0 ? VAL_NULL : rt_NotImplemented;
    }
    return rt_NotImplemented;
}

static Value array_inplace(Value a, Value b, int op)
{
    if (op == NB_ADD) {
        if (!is_array(b))
            return rt_raisef(&rt_TypeError, "can only extend array with array (not \"%s\")",
                             val_type(b)->name);
        return extend_from(ARR(a), b) ? a : VAL_NULL;
    }
    if (op == NB_MULTIPLY) {
        ssize_t times;
        int r = rt_repeat_count(b, &times);
        if (r <= 0)
            return r < 0 ? VAL_NULL : rt_NotImplemented;
        Value rep = repeat(ARR(a), times);
        if (rep == VAL_NULL || !replace_items(ARR(a), ARR(rep)->data, ARR(rep)->n))
            return VAL_NULL;
        return a;
    }
    return rt_NotImplemented;
}

static int array_getbuffer(Value self, RtBuffer *view, int flags)
{
    ObjArray *a = ARR(self);
    if (a->data == NULL)
        reserve(a, 1);              /* an empty array still has an address */
    if (rt_buffer_fill(view, self, a->data, (ssize_t)(a->n * a->c->size), false,
                       a->c->format, (ssize_t)a->c->size, flags) < 0)
        return -1;
    if (flags & RT_BUF_LASTING)
        a->exports++;
    return 0;
}

static void array_releasebuffer(Value self, RtBuffer *view)
{
    if (view->flags & RT_BUF_LASTING)
        ARR(self)->exports--;
}

static Value array_get_typecode(Value self)
{
    return rt_str_from_codepoint((uint32_t)ARR(self)->c->code);
}

static Value array_get_itemsize(Value self)
{
    return small_new((intptr_t)ARR(self)->c->size);
}

/* The methods that may change an array's size, called by the loop: while
 * a lasting buffer of it is out, the running frame's dead value-stack
 * slots above their arguments are cleared first (rt_buffer_before_resize),
 * as for bytearray's (runtime/bytes.c). */
#define SIZE_CHANGING_METHOD(fn)                                          \
    static Value fn##_entry(Value *args, size_t nargs, Value kw)          \
    {                                                                     \
        rt_buffer_before_resize(&ARR(args[0])->exports, args, nargs);     \
        return fn(args, nargs, kw);                                       \
    }
SIZE_CHANGING_METHOD(ar_append)
SIZE_CHANGING_METHOD(ar_extend)
SIZE_CHANGING_METHOD(ar_fromlist)
SIZE_CHANGING_METHOD(ar_frombytes)
SIZE_CHANGING_METHOD(ar_fromfile)
SIZE_CHANGING_METHOD(ar_fromunicode)
SIZE_CHANGING_METHOD(ar_insert)
SIZE_CHANGING_METHOD(ar_pop)
SIZE_CHANGING_METHOD(ar_remove)

static const GetSetDef array_getsets[] = {
    {"typecode", array_get_typecode, NULL, "the typecode character used to create the array"},
    {"itemsize", array_get_itemsize, NULL, "the size, in bytes, of one array item"},
    {NULL},
};

static const MethodDef array_methods[] = {
    {"append", ar_append_entry}, {"extend", ar_extend_entry}, {"fromlist", ar_fromlist_entry},
    {"tolist", ar_tolist}, {"tobytes", ar_tobytes}, {"frombytes", ar_frombytes_entry},
    {"fromfile", ar_fromfile_entry}, {"tofile", ar_tofile},
    {"fromunicode", ar_fromunicode_entry}, {"tounicode", ar_tounicode},
    {"pop", ar_pop_entry}, {"index", ar_index}, {"remove", ar_remove_entry}, {"count", ar_count},
    {"reverse", ar_reverse}, {"insert", ar_insert_entry}, {"byteswap", ar_byteswap},
    {"buffer_info", ar_buffer_info}, {"__copy__", ar_copy}, {"__deepcopy__", ar_copy},
    {"__reduce_ex__", ar_reduce_ex},
    {NULL, NULL}
};

static ObjType array_type = {
    .ob.type = &rt_type_type, .name = "array.array",
    .flags = TF_BASETYPE | TF_SEQUENCE | TF_WEAKREFABLE | TF_MATCH_SEQUENCE,
    .instance_size = sizeof(ObjArray),
    .new_ = array_new, .repr = array_repr, .len = array_len, .getitem = array_getitem,
    .setitem = array_setitem, .iter = array_iter, .contains = array_contains,
    .richcompare = array_richcompare, .binop = array_binop, .inplace = array_inplace,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_MULTIPLY),
    .getbuffer = array_getbuffer, .releasebuffer = array_releasebuffer, .getsets = array_getsets,
};

Value mod_array_init(void)
{
    Value m = mod_module_new("array", NULL);
    mod_add_type(m, "array", &array_type, array_methods);
    static const MethodDef functions[] = {
        {"_array_reconstructor", array_reconstructor}, {NULL, NULL}
    };
    mod_module_add_functions(m, functions);
    reconstructor = rt_getattr(m, RT_NAME("_array_reconstructor"));
    if (arrayiter_type.mro == VAL_NULL)
        rt_type_ready(&arrayiter_type, arrayiter_methods);
    rt_type_add_class_getitem(&array_type);
    mod_module_set(m, "ArrayType", obj_val(&array_type));
    mod_module_set(m, "typecodes", rt_str_from_cstr("bBuhHiIlLqQfd"));
    /* An array is a MutableSequence, as CPython's module registers it. */
    Value collections = mod_import("collections.abc");      /* the package */
    Value abc = collections != VAL_NULL ? rt_getattr(collections, RT_NAME("abc")) : VAL_NULL;
    Value seq = abc != VAL_NULL ? rt_getattr(abc, RT_NAME("MutableSequence")) : VAL_NULL;
    Value type = obj_val(&array_type);
    if (seq == VAL_NULL || mod_call_method(seq, "register", &type, 1) == VAL_NULL)
        return VAL_NULL;
    return m;
}
