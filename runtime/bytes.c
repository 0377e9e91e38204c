/*
 * bytes.c — bytes (immutable byte strings) and a basic bytearray.
 *
 * bytes is laid out in object.h (ObjBytes: length, cached hash, the bytes
 * inline and NUL-terminated).  Its hash is the same function as str's, so
 * hash(b'abc') == hash('abc') as in CPython.  Most methods work on a "view"
 * — a pointer and a length — so that bytes and bytearray arguments are
 * accepted alike wherever CPython accepts any bytes-like object.
 *
 * bytearray shares every bytes method and adds the mutating ones: item and
 * slice assignment and deletion, append, extend, insert, pop, remove,
 * reverse, clear, += and *=.  bytes % args uses format.c's % engine.
 */
#define _GNU_SOURCE             /* memmem */
#include <stdio.h>
#include <limits.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/buffer.h"

typedef struct View {
    const unsigned char *data;
    size_t len;
} View;

bool rt_is_bytes_like(Value v)
{
    return !val_is_small(v) && (rt_isinstance_of(v, &rt_bytes_type)
                                || rt_isinstance_of(v, &rt_bytearray_type));
}

static View view_of(Value v)
{
    if (rt_isinstance_of(v, &rt_bytes_type))
        return (View){AS_BYTES(v)->data, AS_BYTES(v)->length};
    ObjByteArray *a = VAL_AS(ObjByteArray, v);
    return (View){a->data, a->length};
}

/* The bytes of an argument that may be any bytes-like object (bytes,
 * bytearray, memoryview, array.array: the buffer protocol, buffer.h).
 * 1; 0 when v is not bytes-like (no exception); -1 on error (a memoryview
 * slice with a step is not one block: BufferError).  The bytes stay valid
 * memory after the release (pvm's exporters never free a block they
 * handed out), and are only read before the caller returns. */
static int arg_view(Value v, View *out)
{
    if (rt_is_bytes_like(v)) {
        *out = view_of(v);
        return 1;
    }
    if (!rt_has_buffer(v))
        return 0;
    RtBuffer b;
    if (rt_get_buffer(v, &b, RT_BUF_LASTING) < 0)
        return -1;
    *out = (View){b.buf, (size_t)b.len};
    rt_release_buffer(&b);
    return 1;
}

/* A bytes-like argument, or TypeError "a bytes-like object is required". */
static bool need_view(Value v, View *out)
{
    int r = arg_view(v, out);
    if (r == 0)
        rt_raisef(&rt_TypeError, "a bytes-like object is required, not '%T'", v);
    return r > 0;
}

/* ---- Creation --------------------------------------------------------------- */

static ObjBytes *bytes_alloc(size_t n)
{
    ObjBytes *b = gc_alloc_atomic(sizeof(ObjBytes) + n + 1);
    b->ob.type = &rt_bytes_type;
    b->length = n;
    b->hash = -1;
    b->data[n] = '\0';
    return b;
}

Value rt_bytes_new(const unsigned char *data, size_t n)
{
    ObjBytes *b = bytes_alloc(n);
    if (n)
        memcpy(b->data, data, n);
    return obj_val(b);
}

/* bytes of n bytes cannot exist (CPython's limit: header, data and NUL
 * within PY_SSIZE_T_MAX): OverflowError raised, false returned. */
static bool bytes_size_ok(size_t n)
{
    if (n > (size_t)PTRDIFF_MAX - sizeof(ObjBytes) - 1) {
        rt_raisef(&rt_OverflowError, "byte string is too large");
        return false;
    }
    return true;
}

Value rt_bytes_uninit(size_t n)
{
    return obj_val(bytes_alloc(n));
}

/* The block stays: a str's header is one byte longer than a bytes', so
 * the text moves down by that byte (its NUL with it) and the bytes fits
 * where the str was, in a block of the same kind (both pointer-free).  A
 * big join encoded at once (`"\n".join(lines).encode()`) then takes one
 * block where CPython, which frees the str when the bytes is made, has
 * both for a moment, and pvm had both until the next collection. */
Value rt_bytes_from_dead_str(Value str)
{
    ObjStr *s = AS_STR(str);
    size_t n = s->nbytes;
    ObjBytes *b = (ObjBytes *)s;
    _Static_assert(offsetof(ObjBytes, data) <= offsetof(ObjStr, data),
                   "a bytes fits in its str's block");
    memmove(b->data, s->data, n + 1);
    b->ob.type = &rt_bytes_type;
    b->length = n;
    b->hash = -1;
    return str;
}

unsigned char *rt_bytes_room(size_t n)
{
    if (!bytes_size_ok(n))
        return NULL;
    unsigned char *p = gc_try_alloc_atomic(n + 1);
    if (p == NULL)
        rt_raise_nomemory();
    return p;
}

Value rt_bytearray_new(const unsigned char *data, size_t n)
{
    ObjByteArray *a = gc_alloc(sizeof *a);
    a->ob.type = &rt_bytearray_type;
    a->capacity = n < 8 ? 8 : n;
    a->data = gc_alloc_atomic(a->capacity);
    a->length = n;
    if (n)
        memcpy(a->data, data, n);
    return obj_val(a);
}

/* Room for `extra` more bytes.  The old block is copied, never freed or
 * grown in place: a memoryview may still point into it (buffer.h). */
static void bytearray_reserve(ObjByteArray *a, size_t extra)
{
    if (a->length + extra <= a->capacity)
        return;
    size_t cap = a->capacity * 2;
    while (cap < a->length + extra)
        cap *= 2;
    unsigned char *data = gc_alloc_atomic(cap);
    memcpy(data, a->data, a->length);
    a->data = data;
    a->capacity = cap;
}

/* May a's length become n?  Not while a lasting buffer of it is out
 * (a memoryview), as in CPython: BufferError. */
static bool resizable(ObjByteArray *a, size_t n)
{
    if (n == a->length || !rt_buffer_exported(&a->exports))
        return true;
    rt_raisef(&rt_BufferError, "Existing exports of data: object cannot be re-sized");
    return false;
}

/* A new bytes or bytearray (like `like`) from a view. */
static Value same_kind(Value like, const unsigned char *data, size_t n)
{
    if (rt_isinstance_of(like, &rt_bytearray_type))
        return rt_bytearray_new(data, n);
    return rt_bytes_new(data, n);
}

/* Room for n bytes of a result like `like`: a bytearray too big is a
 * MemoryError, bytes an OverflowError first (rt_bytes_room), as CPython's. */
static unsigned char *room_like(Value like, size_t n)
{
    if (rt_isinstance_of(like, &rt_bytearray_type) && !gc_size_ok(n)) {
        rt_raise_nomemory();
        return NULL;
    }
    return rt_bytes_room(n);
}

/* ---- repr --------------------------------------------------------------------- */

/* b'...', or b"..." when the text holds a ' and no ".  `array`: a
 * bytearray's, which escapes every ' even between double quotes, as
 * CPython's bytearray_repr does (bytearray(b"a\'b")). */
static void add_bytes_repr(StrBuf *sb, View v, bool array)
{
    bool sq = memchr(v.data, '\'', v.len) != NULL, dq = memchr(v.data, '"', v.len) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    sb_addc(sb, 'b');
    sb_addc(sb, quote);
    for (size_t i = 0; i < v.len; i++) {
        unsigned char c = v.data[i];
        char buf[5];
        if (c == (unsigned char)quote || c == '\\' || (array && c == '\'')) {
            sb_addc(sb, '\\');
            sb_addc(sb, (char)c);
        } else if (c == '\n')
            sb_adds(sb, "\\n");
        else if (c == '\r')
            sb_adds(sb, "\\r");
        else if (c == '\t')
            sb_adds(sb, "\\t");
        else if (c < 0x20 || c >= 0x7F) {
            snprintf(buf, sizeof buf, "\\x%02x", c);
            sb_adds(sb, buf);
        } else
            sb_addc(sb, (char)c);
    }
    sb_addc(sb, quote);
}

Value rt_bytes_repr(Value b)
{
    StrBuf sb;
    sb_init(&sb);
    add_bytes_repr(&sb, view_of(b), false);
    return sb_finish(&sb);
}

static Value bytearray_repr(Value self)
{
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, val_type(self)->name);     /* a subclass shows its own name */
    sb_addc(&sb, '(');
    add_bytes_repr(&sb, view_of(self), true);
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

/* ---- Hash, compare, len, contains ------------------------------------------------ */

static intptr_t bytes_hash(Value self)
{
    ObjBytes *b = AS_BYTES(self);
    if (b->hash == -1)
        b->hash = rt_hash_bytes(b->data, b->length);    /* str's, so b'a' and 'a' agree */
    return b->hash;
}

static int view_compare(View a, View b)
{
    size_t n = a.len < b.len ? a.len : b.len;
    int c = n ? memcmp(a.data, b.data, n) : 0;
    if (c == 0)
        c = (a.len > b.len) - (a.len < b.len);
    return (c > 0) - (c < 0);
}

int rt_bytes_warning;

/* str() of a bytes or bytearray: its repr (the type's own, not a
 * subclass's __repr__), with -b's BytesWarning first. */
static Value bytes_str(Value self)
{
    bool bytearray = rt_isinstance_of(self, &rt_bytearray_type);
    if (rt_bytes_warning && rt_warn(&rt_BytesWarning, bytearray ? "str() on a bytearray instance"
                                                                : "str() on a bytes instance", 1) < 0)
        return VAL_NULL;
    return bytearray ? bytearray_repr(self) : rt_bytes_repr(self);
}

/* -b's warning for == and != against what is never equal to bytes (the
 * comparison itself then returns NotImplemented). */
static bool comparison_warning(Value a, Value b, int op)
{
    if (!rt_bytes_warning || (op != CMP_EQ && op != CMP_NE))
        return true;
    bool bytearray = rt_isinstance_of(a, &rt_bytearray_type) || rt_isinstance_of(b, &rt_bytearray_type);
    const char *message = NULL;
    if (rt_isinstance_of(a, &rt_str_type) || rt_isinstance_of(b, &rt_str_type))
        message = bytearray ? "Comparison between bytearray and string"
                            : "Comparison between bytes and string";
    else if (!bytearray && (rt_isinstance_of(a, &rt_int_type) || rt_isinstance_of(b, &rt_int_type)))
        message = "Comparison between bytes and int";
    return message == NULL || rt_warn(&rt_BytesWarning, message, 1) >= 0;
}

static Value bytes_richcompare(Value a, Value b, int op)
{
    if (!rt_is_bytes_like(a) || !rt_is_bytes_like(b))
        return comparison_warning(a, b, op) ? rt_NotImplemented : VAL_NULL;
    int c = view_compare(view_of(a), view_of(b));
    return rt_bool(rt_cmp_holds(c, op));
}

static ssize_t bytes_len(Value self)
{
    return (ssize_t)view_of(self).len;
}

/* A byte value 0..255 from an int or anything with __index__; ValueError
 * `msg` outside (CPython's _getbytevalue). */
static bool byte_in_range(Value v, int *out, const char *msg)
{
    int64_t x;
    Value i = rt_index(v);
    if (i == VAL_NULL)
        return false;
    if (!rt_int_as_i64(i, &x) || x < 0 || x > 255) {
        rt_err_clear();
        rt_raisef(&rt_ValueError, "%s", msg);
        return false;
    }
    *out = (int)x;
    return true;
}

static bool byte_value(Value v, int *out)
{
    return byte_in_range(v, out, "byte must be in range(0, 256)");
}

static int bytes_contains(Value self, Value item)
{
    View s = view_of(self), sub;
    if (is_int(item) || is_bool(item)) {
        int c;
        if (!byte_value(item, &c))
            return -1;
        return memchr(s.data, c, s.len) != NULL;
    }
    if (!need_view(item, &sub))
        return -1;
    return sub.len == 0 || memmem(s.data, s.len, sub.data, sub.len) != NULL;
}

/* ---- Indexing ------------------------------------------------------------------------ */

/* The n bytes of a slice: a contiguous one (step 1, importlib's
 * `data[:16]` of every pyc) copied whole, not a byte at a time. */
static void copy_slice(unsigned char *out, const unsigned char *data, ssize_t start,
                       ssize_t step, ssize_t n)
{
    if (step == 1) {
        memcpy(out, data + start, (size_t)n);
        return;
    }
    for (ssize_t k = 0; k < n; k++)
        out[k] = data[start + k * step];
}

static Value bytes_getitem(Value self, Value key)
{
    View v = view_of(self);
    Value idx = is_int(key) || is_bool(key) ? key : VAL_NULL;
    /* Anything else with __index__ indexes too (test_index). */
    if (!idx && !IS_EXACT(key, rt_slice_type) && !(idx = rt_index_or_null(key))
        && rt_err_occurred())
        return VAL_NULL;
    if (idx) {
        ssize_t i;
        if (!rt_as_ssize(rt_int_unbool(idx), &i))
            return VAL_NULL;
        if (i < 0)
            i += (ssize_t)v.len;
        if (i < 0 || (size_t)i >= v.len)
            return rt_raisef(&rt_IndexError, rt_isinstance_of(self, &rt_bytearray_type)
                             ? "bytearray index out of range" : "index out of range");
        return small_new(v.data[i]);
    }
    if (IS_EXACT(key, rt_slice_type)) {
        ssize_t start, stop, step, n;
        if (!rt_slice_indices(key, (ssize_t)v.len, &start, &stop, &step, &n))
            return VAL_NULL;
        /* The whole of an exact bytes is itself, as in CPython (b[:] is b). */
        if (IS_EXACT(self, rt_bytes_type) && start == 0 && step == 1 && (size_t)n == v.len)
            return self;
        if (!rt_isinstance_of(self, &rt_bytearray_type)) {
            /* Made at its size: no buffer to copy from. */
            Value r = rt_bytes_uninit((size_t)n);
            copy_slice(AS_BYTES(r)->data, v.data, start, step, n);
            return r;
        }
        unsigned char *buf = gc_alloc_atomic((size_t)n + 1);
        copy_slice(buf, v.data, start, step, n);
        return same_kind(self, buf, (size_t)n);
    }
    if (rt_isinstance_of(self, &rt_bytearray_type))
        return rt_raisef(&rt_TypeError, "bytearray indices must be integers or slices, not %T",
                         key);
    return rt_raisef(&rt_TypeError, "byte indices must be integers or slices, not %T", key);
}

/* ---- Operators ------------------------------------------------------------------------ */

/* Room for a result of n bytes built in a buffer first: the buffer and
 * same_kind's copy, whose allocations cannot fail, are asked of the heap
 * first (under a heap limit or ulimit -v; gc_room_for); false with
 * MemoryError raised. */
static bool result_room(size_t n)
{
    if (gc_room_for(sizeof(ObjBytes) + n + 1, 2))
        return true;
    rt_raise_nomemory();
    return false;
}

/* A result like `like` of n bytes, for the caller to fill at *buf: a
 * bytes is made whole and filled in place, not copied from a buffer (a
 * 1 MiB b'x' * n took 2 MiB until the next collection, which
 * tracemalloc's peak showed); a bytearray gets a buffer, which
 * finish_like copies.  VAL_NULL + MemoryError when it could not fit. */
static Value start_like(Value like, size_t n, unsigned char **buf)
{
    if (!result_room(n))
        return VAL_NULL;
    if (rt_isinstance_of(like, &rt_bytearray_type)) {
        *buf = gc_alloc_atomic(n + 1);
        return rt_None;
    }
    Value r = rt_bytes_uninit(n);
    *buf = VAL_AS(ObjBytes, r)->data;
    return r;
}

static Value finish_like(Value started, const unsigned char *buf, size_t n)
{
    return started == rt_None ? rt_bytearray_new(buf, n) : started;
}

static Value view_concat(Value like, View a, View b)
{
    unsigned char *buf;
    Value r = start_like(like, a.len + b.len, &buf);
    if (r == VAL_NULL)
        return VAL_NULL;
    memcpy(buf, a.data, a.len);
    memcpy(buf + a.len, b.data, b.len);
    return finish_like(r, buf, a.len + b.len);
}

static Value view_repeat(Value like, View v, ssize_t n)
{
    if (n <= 0 || v.len == 0)
        return same_kind(like, NULL, 0);
    if ((size_t)n > ((size_t)1 << 32) / v.len)
        return rt_raise_nomemory();
    size_t total = (size_t)n * v.len;
    unsigned char *buf;
    Value r = start_like(like, total, &buf);
    if (r == VAL_NULL)
        return VAL_NULL;
    if (v.len == 1) {
        memset(buf, v.data[0], total);
    } else {
        memcpy(buf, v.data, v.len);
        rt_fill_repeat(buf, v.len, total);
    }
    return finish_like(r, buf, total);
}

static Value bytes_mod(Value self, Value args);

static Value bytes_binop(Value a, Value b, int op)
{
    op = rt_nb_plain(op);
    bool a_bytes = rt_is_bytes_like(a);
    if (op == NB_ADD && a_bytes) {
        View vb;
        if (arg_view(b, &vb) > 0)
            return view_concat(a, view_of(a), vb);
        rt_err_clear();
        return rt_raisef(&rt_TypeError, "can't concat %T to %T", b, a);
    }
    if (op == NB_REMAINDER)
        return a_bytes ? bytes_mod(a, b) : rt_NotImplemented;
    if (op == NB_MULTIPLY) {
        Value seq = a_bytes ? a : b, count = a_bytes ? b : a;
        ssize_t n;
        int r = rt_repeat_count(count, &n);
        if (r > 0 && n == 1 && IS_EXACT(seq, rt_bytes_type))
            return seq;                 /* immutable: the operand itself, as CPython's */
        return r > 0 ? view_repeat(seq, view_of(seq), n) : r < 0 ? VAL_NULL : rt_NotImplemented;
    }
    return rt_NotImplemented;
}

/* ---- Construction -------------------------------------------------------------------- */

/* Bytes from an iterable of ints 0..255 (into a bytearray used as buffer). */
/* Append the ints of an iterable.  `hint`: ask its length hint first, as
 * CPython's bytes(x) and bytearray.extend do (not bytearray(x)): errors
 * other than TypeError from len() or __length_hint__ propagate. */
static bool fill_from_iterable(ObjByteArray *out, Value iterable, bool hint)
{
    Value it = rt_iter(iterable);
    if (!it || (hint && rt_length_hint(iterable, 64) < 0))
        return false;
    Value item;
    while ((item = rt_next(it)) != VAL_NULL) {
        int c;
        if (!byte_in_range(item, &c, "bytes must be in range(0, 256)"))
            return false;
        bytearray_reserve(out, 1);
        out->data[out->length++] = (unsigned char)c;
    }
    return !rt_err_occurred();
}

/* The bytes bytes(x[, encoding[, errors]]) describes, in a bytearray. */
static Value construct(const char *fname, Value *args, size_t nargs, Value kwnames)
{
    size_t nkw = rt_nkwargs(kwnames), npos = nargs - nkw;
    Value a[3] = {VAL_NULL, VAL_NULL, VAL_NULL};
    static const char *const names[3] = {"source", "encoding", "errors"};
    if (npos > 3)
        return rt_raisef(&rt_TypeError, "%s() takes at most 3 arguments (%zu given)", fname, nargs);
    for (size_t i = 0; i < npos; i++)
        a[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        Value key = rt_tuple_get(kwnames, k);
        size_t j = 0;
        while (j < 3 && strcmp(rt_str_cstr(key), names[j]) != 0)
            j++;
        if (j == 3)
            return rt_invalid_keyword(fname, key);
        a[j] = args[npos + k];
    }
    for (size_t i = 1; i < 3; i++)          /* Argument Clinic's checks come first */
        if (a[i] && !rt_is_str(a[i]))
            return rt_raisef(&rt_TypeError, "%s() argument '%s' must be str, not %s", fname,
                             names[i], a[i] == rt_None ? "None" : val_type(a[i])->name);
    Value out = rt_bytearray_new(NULL, 0);
    ObjByteArray *buf = VAL_AS(ObjByteArray, out);
    Value src = a[0];
    if (!src) {
        if (a[1] || a[2])
            return rt_raisef(&rt_TypeError, a[1] ? "encoding without a string argument"
                                                 : "errors without a string argument");
        return out;
    }
    if (rt_is_str(src)) {
        if (!a[1])
            return rt_raisef(&rt_TypeError, "string argument without an encoding");
        Value enc = rt_str_encode(src, rt_str_cstr(a[1]), a[2] ? rt_str_cstr(a[2]) : "strict");
        if (!enc)
            return VAL_NULL;
        return rt_bytearray_new(AS_BYTES(enc)->data, AS_BYTES(enc)->length);
    }
    if (a[1] || a[2])
        return rt_raisef(&rt_TypeError, a[1] ? "encoding without a string argument"
                                             : "errors without a string argument");
    if (rt_has_buffer(src)) {
        Value b = rt_buffer_to_bytes(src);
        return b == VAL_NULL ? VAL_NULL : rt_bytearray_new(AS_BYTES(b)->data, AS_BYTES(b)->length);
    }
    Value count = rt_index_or_null(src);       /* an int, or anything with __index__ */
    if (count == VAL_NULL && rt_err_occurred()) {
        if (!rt_err_matches(&rt_TypeError))
            return VAL_NULL;
        rt_err_clear();                         /* then tried as an iterable */
    } else if (count != VAL_NULL) {
        int64_t n;
        if (!rt_int_as_i64(count, &n)) {
            rt_err_clear();
            return rt_raisef(&rt_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        if (n < 0)
            return rt_raisef(&rt_ValueError, "negative count");
        if (strcmp(fname, "bytes") == 0 && !bytes_size_ok((size_t)n))
            return VAL_NULL;
        if (!gc_size_ok((size_t)n))                 /* bytearray(10**13) */
            return rt_raise_nomemory();
        bytearray_reserve(buf, (size_t)n);
        memset(buf->data, 0, (size_t)n);
        buf->length = (size_t)n;
        return out;
    }
    if (!val_type(src)->iter && !val_type(src)->getitem)
        return rt_raisef(&rt_TypeError, "cannot convert '%T' object to %s", src, fname);
    return fill_from_iterable(buf, src, strcmp(fname, "bytes") == 0) ? out : VAL_NULL;
}

/* bytes(x) asks x.__bytes__() first: the bytes it returns, VAL_NULL
 * without an exception when x has none. */
static Value bytes_dunder(Value x)
{
    static Value name = VAL_NULL;
    if (name == VAL_NULL)
        name = rt_str_intern_cstr("__bytes__");
    Value m = rt_type_lookup(val_type(x), name);
    if (m == VAL_NULL)
        return VAL_NULL;
    ObjType *mt = val_type(m);
    Value bound = mt->descr_get ? mt->descr_get(m, x, obj_val(val_type(x))) : m;
    Value r = bound == VAL_NULL ? VAL_NULL : rt_call0(bound);
    if (r != VAL_NULL && !rt_isinstance_of(r, &rt_bytes_type))
        return rt_raisef(&rt_TypeError, "__bytes__ returned non-bytes (type %T)", r);
    return r;
}

static Value bytes_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (nargs == 1 && IS_EXACT(args[0], rt_bytes_type) && type == &rt_bytes_type)
        return args[0];
    Value tmp;
    Value given = nargs == 1 && rt_nkwargs(kwnames) == 0 ? bytes_dunder(args[0]) : VAL_NULL;
    if (given != VAL_NULL && type == &rt_bytes_type)
        return given;
    if (given != VAL_NULL)
        tmp = rt_bytearray_new(AS_BYTES(given)->data, AS_BYTES(given)->length);
    else if (rt_err_occurred())
        return VAL_NULL;
    else
        tmp = construct("bytes", args, nargs, kwnames);
    if (!tmp)
        return VAL_NULL;
    ObjByteArray *a = VAL_AS(ObjByteArray, tmp);
    if (type == &rt_bytes_type)
        return rt_bytes_new(a->data, a->length);
    ObjBytes *b = rt_alloc_var_instance(type, sizeof(ObjBytes) + a->length + 1);
    b->length = a->length;
    b->hash = -1;
    memcpy(b->data, a->data, a->length);
    b->data[a->length] = '\0';
    return obj_val(b);
}

bool rt_bytearray_init(Value self, Value *args, size_t nargs, Value kwnames)
{
    Value tmp = construct("bytearray", args, nargs, kwnames);
    if (tmp == VAL_NULL)
        return false;
    ObjByteArray *dst = VAL_AS(ObjByteArray, self), *src = VAL_AS(ObjByteArray, tmp);
    if (!resizable(dst, 0))
        return false;
    dst->data = src->data;
    dst->length = src->length;
    dst->capacity = src->capacity;
    return true;
}

static Value bytearray_new_slot(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    Value a = construct("bytearray", args, nargs, kwnames);
    if (!a || type == &rt_bytearray_type)
        return a;
    ObjByteArray *sub = rt_alloc_instance(type, sizeof(ObjByteArray));
    *sub = *VAL_AS(ObjByteArray, a);
    sub->ob.type = type;
    return obj_val(sub);
}

/* ---- Methods -------------------------------------------------------------------------------- */

static Value bytes_decode(Value *args, size_t nargs, Value kw)
{
    size_t nkw = rt_nkwargs(kw), npos = nargs - 1 - nkw;
    Value a[2] = {VAL_NULL, VAL_NULL};
    static const char *const names[2] = {"encoding", "errors"};
    if (npos > 2)
        return rt_raisef(&rt_TypeError, "decode() takes at most 2 arguments (%zu given)", npos);
    for (size_t i = 0; i < npos; i++)
        a[i] = args[1 + i];
    for (size_t k = 0; k < nkw; k++) {
        Value key = rt_tuple_get(kw, k);
        size_t j = strcmp(rt_str_cstr(key), names[0]) == 0 ? 0
                 : strcmp(rt_str_cstr(key), names[1]) == 0 ? 1 : 2;
        if (j == 2)
            return rt_invalid_keyword("decode", key);
        a[j] = args[1 + npos + k];
    }
    View v = view_of(args[0]);
    return rt_bytes_decode(v.data, v.len, a[0], a[1]);
}

/* The separator of hex(sep): one ASCII character from a str or bytes;
 * false with CPython's error otherwise. */
static bool hex_separator(Value sep, char *out)
{
    size_t len;
    unsigned char c;
    if (rt_is_str(sep)) {
        len = AS_STR(sep)->length;
        c = (unsigned char)(len == 1 && rt_str_char_at(sep, 0) < 0x80 ? rt_str_cstr(sep)[0] : 0x80);
    } else if (rt_is_bytes_like(sep)) {
        View s = view_of(sep);
        len = s.len;
        c = len == 1 ? s.data[0] : 0x80;
    } else {
        rt_raisef(&rt_TypeError, "object of type '%s' has no len()", val_type(sep)->name);
        return false;
    }
    if (len != 1) {
        rt_raisef(&rt_ValueError, "sep must be length 1.");
        return false;
    }
    if (c >= 0x80) {
        rt_raisef(&rt_ValueError, "sep must be ASCII.");
        return false;
    }
    *out = (char)c;
    return true;
}

/* b.hex(sep=, bytes_per_sep=1): a separator every |n| bytes, counted from
 * the right when n > 0 and from the left when n < 0 (CPython's strhex). */
static Value bytes_hex(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "sep", "bytes_per_sep" };
    static const ArgSpec spec = { "hex", names, 2, 0, 0, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    char sep = 0;
    ssize_t group = 1;
    if (a[0] != VAL_NULL && !hex_separator(a[0], &sep))
        return VAL_NULL;
    if (a[1] != VAL_NULL) {
        Value n = rt_index(a[1]);
        if (n == VAL_NULL || !rt_as_ssize(n, &group))
            return VAL_NULL;
    }
    View v = view_of(args[0]);
    size_t every = group < 0 ? (size_t)-group : (size_t)group;
    if (a[0] == VAL_NULL)       /* no separator (b'\0' is one) */
        every = 0;
    static const char digits[] = "0123456789abcdef";
    /* Written in place, at its exact size: a separator between every
     * `every` bytes.  A str the heap cannot give is MemoryError. */
    size_t n = v.len * 2 + (every && v.len ? (v.len - 1) / every : 0);
    Value result = rt_str_uninit(n, n, true);
    if (result == VAL_NULL)
        return VAL_NULL;
    char *p = AS_STR(result)->data;
    for (size_t i = 0; i < v.len; i++) {
        size_t counted = group > 0 ? v.len - i : i;     /* bytes on the grouping side */
        if (every && i > 0 && counted % every == 0)
            *p++ = sep;
        *p++ = digits[v.data[i] >> 4];
        *p++ = digits[v.data[i] & 15];
    }
    return result;
}

/* A method's argument count (self aside: nargs - 1, min..max) and
 * keywords, refused in the style CPython declares it with
 * (bytesobject.c, bytearrayobject.c): without arguments (METH_NOARGS) or
 * with exactly one (METH_O) it names its class ("bytearray.append() takes
 * exactly one argument (0 given)"); parsed by Argument Clinic, "center
 * expected at least 1 argument, got 0"; by PyArg_ParseTuple, "find()
 * takes at least 1 argument (0 given)"; a slot's wrapper (__len__),
 * "expected 0 arguments, got 1". */
__attribute__((noinline)) static bool refuse_args(Value *args, size_t nargs, Value kw,
                                                  const char *name, size_t min, size_t max)
{
    size_t n = nargs - 1;
    char spaced[32];
    snprintf(spaced, sizeof spaced, " %s ", name);
    if (name[0] == '_') {
        if (n >= min && n <= max)
            return true;
        rt_raisef(&rt_TypeError, "expected %zu argument%s, got %zu", min, min == 1 ? "" : "s", n);
        return false;
    }
    char qualified[48];
    snprintf(qualified, sizeof qualified, "%s.%s",
             rt_isinstance_of(args[0], &rt_bytearray_type) ? "bytearray" : "bytes", name);
    if (max == 0 || strstr(" append extend join partition rpartition remove removeprefix resize "
                           "removesuffix zfill ", spaced) != NULL)
        return max == 0 ? rt_arg_none(qualified, n, kw) : rt_arg_one(qualified, n, kw);
    if (strstr(" center ljust rjust insert lstrip rstrip strip replace pop ", spaced) != NULL ||
        rt_py_minor >= 13)      /* 3.13 moved find, count, ... to Argument Clinic */
        return rt_arg_nokw(qualified, kw) && rt_arg_range(name, n, min, max);
    return rt_arg_nokw(name, kw) && rt_arg_count(name, n, min, max);
}

static inline bool check_args(Value *args, size_t nargs, Value kw, const char *name, size_t min,
                              size_t max)
{
    size_t n = nargs - 1;
    if (n >= min && n <= max && rt_nkwargs(kw) == 0)
        return true;
    return refuse_args(args, nargs, kw, name, min, max);
}

static Value bytes_join(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "join", 1, 1))
        return VAL_NULL;
    Value list = rt_sequence_fast(args[1]);
    if (!list) {
        if (rt_err_matches(&rt_TypeError)) {     /* PySequence_Fast's own message */
            rt_err_clear();
            rt_raisef(&rt_TypeError, "can only join an iterable");
        }
        return VAL_NULL;
    }
    View sep = view_of(args[0]);
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < AS_LIST(list)->length; i++) {
        Value item = AS_LIST(list)->items[i];
        View v;
        if (arg_view(item, &v) <= 0) {
            rt_err_clear();
            return rt_raisef(&rt_TypeError,
                             "sequence item %zu: expected a bytes-like object, %T found", i, item);
        }
        if (i > 0)
            sb_add(&sb, (const char *)sep.data, sep.len);
        sb_add(&sb, (const char *)v.data, v.len);
    }
    return same_kind(args[0], (const unsigned char *)sb.data, sb.len);
}

/* The needle of find/count: bytes-like or an int 0..255. */
static bool needle_arg(Value v, View *out, unsigned char *one)
{
    if (is_int(v) || is_bool(v)) {
        int c;
        if (!byte_value(v, &c))
            return false;
        *one = (unsigned char)c;
        *out = (View){one, 1};
        return true;
    }
    int r = arg_view(v, out);
    if (r == 0)
        rt_raisef(&rt_TypeError, "argument should be integer or bytes-like object, not '%T'", v);
    return r > 0;
}

/* start/end arguments, clamped like slice indices. */
static bool range_args(Value *a, size_t n, size_t len, size_t *from, size_t *to, bool *beyond)
{
    ssize_t v[2] = {0, (ssize_t)len};
    for (size_t i = 0; i < n && i < 2; i++) {
        if (a[i] == rt_None)
            continue;
        if (!rt_slice_arg(a[i], &v[i]))
            return false;
        if (v[i] < 0)
            v[i] = v[i] + (ssize_t)len < 0 ? 0 : v[i] + (ssize_t)len;
        if (v[i] > (ssize_t)len && i == 1)
            v[i] = (ssize_t)len;
    }
    *beyond = v[0] > (ssize_t)len || v[0] > v[1];
    *from = (size_t)v[0];
    *to = *beyond ? *from : (size_t)v[1];
    return true;
}

static ssize_t view_find(View h, size_t from, size_t to, View n)
{
    if (to - from < n.len)
        return -1;
    if (n.len == 0)
        return (ssize_t)from;
    const unsigned char *p = memmem(h.data + from, to - from, n.data, n.len);
    return p ? p - h.data : -1;
}

static Value bytes_find(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "find", 1, 3))
        return VAL_NULL;
    View h = view_of(args[0]), n;
    unsigned char one;
    size_t from, to;
    bool beyond;
    if (!range_args(args + 2, nargs - 2, h.len, &from, &to, &beyond) || !needle_arg(args[1], &n, &one))
        return VAL_NULL;
    return small_new(beyond ? -1 : view_find(h, from, to, n));
}

static Value bytes_count(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "count", 1, 3))
        return VAL_NULL;
    View h = view_of(args[0]), n;
    unsigned char one;
    size_t from, to;
    bool beyond;
    if (!range_args(args + 2, nargs - 2, h.len, &from, &to, &beyond) || !needle_arg(args[1], &n, &one))
        return VAL_NULL;
    if (beyond)
        return small_new(0);
    if (n.len == 0)
        return small_new((intptr_t)(to - from + 1));
    intptr_t count = 0;
    ssize_t at;
    while ((at = view_find(h, from, to, n)) >= 0) {
        count++;
        from = (size_t)at + n.len;
    }
    return small_new(count);
}

static Value affix(Value *args, size_t nargs, Value kw, const char *name, bool at_end)
{
    if (!check_args(args, nargs, kw, name, 1, 3))
        return VAL_NULL;
    View h = view_of(args[0]);
    size_t from, to;
    bool beyond;
    if (!range_args(args + 2, nargs - 2, h.len, &from, &to, &beyond))
        return VAL_NULL;
    Value what = args[1];
    bool tup = is_tuple(what);
    if (!tup && !rt_has_buffer(what))
        return rt_raisef(&rt_TypeError, "%s first arg must be bytes or a tuple of bytes, not %T",
                         name, what);
    if (beyond && from > h.len)
        return rt_False;
    size_t n = tup ? rt_tuple_len(what) : 1;
    for (size_t i = 0; i < n; i++) {
        Value x = tup ? rt_tuple_get(what, i) : what;
        View a;
        if (!need_view(x, &a))
            return VAL_NULL;
        if (to - from >= a.len
            && memcmp(h.data + (at_end ? to - a.len : from), a.data, a.len) == 0)
            return rt_True;
    }
    return rt_False;
}

static Value bytes_startswith(Value *args, size_t nargs, Value kw)
{
    return affix(args, nargs, kw, "startswith", false);
}

static Value bytes_endswith(Value *args, size_t nargs, Value kw)
{
    return affix(args, nargs, kw, "endswith", true);
}

static bool is_ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The arguments split and rsplit share: (sep=None, maxsplit=-1); a missing
 * or None sep leaves sep.data NULL (split on runs of ASCII whitespace), and
 * a negative maxsplit means no limit. */
static bool split_args(const char *name, Value *args, size_t nargs, Value kw,
                       View *s, View *sep, ssize_t *maxsplit)
{
    static const char *const names[] = { "sep", "maxsplit" };
    ArgSpec spec = { name, names, 2, 0, 0, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return false;
    *s = view_of(args[0]);
    *sep = (View){NULL, 0};
    *maxsplit = -1;
    if (a[1] != VAL_NULL && !rt_as_ssize(a[1], maxsplit))
        return false;                   /* maxsplit first, as Argument Clinic converts it */
    if (a[0] != VAL_NULL && a[0] != rt_None && !need_view(a[0], sep))
        return false;
    if (*maxsplit < 0)
        *maxsplit = PTRDIFF_MAX;
    return true;
}

static Value bytes_split(Value *args, size_t nargs, Value kw)
{
    View s, sep;
    ssize_t maxsplit;
    if (!split_args("split", args, nargs, kw, &s, &sep, &maxsplit))
        return VAL_NULL;
    Value list = rt_list_new(0);
    size_t i = 0;
    if (sep.data == NULL) {                     /* runs of ASCII whitespace */
        while (i < s.len) {
            while (i < s.len && is_ascii_space(s.data[i]))
                i++;
            if (i == s.len)
                break;
            size_t start = i;
            if (maxsplit-- == 0)
                i = s.len;                      /* the rest, as it is */
            while (i < s.len && !is_ascii_space(s.data[i]))
                i++;
            rt_list_append(list, same_kind(args[0], s.data + start, i - start));
        }
        return list;
    }
    if (sep.len == 0)
        return rt_raisef(&rt_ValueError, "empty separator");
    ssize_t at;
    while (maxsplit-- > 0 && (at = view_find(s, i, s.len, sep)) >= 0) {
        rt_list_append(list, same_kind(args[0], s.data + i, (size_t)at - i));
        i = (size_t)at + sep.len;
    }
    rt_list_append(list, same_kind(args[0], s.data + i, s.len - i));
    return list;
}

static Value bytes_strip(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "strip", 0, 1))
        return VAL_NULL;
    View s = view_of(args[0]), chars = {NULL, 0};
    if (nargs > 1 && args[1] != rt_None && !need_view(args[1], &chars))
        return VAL_NULL;
    size_t from = 0, to = s.len;
#define STRIPPED(c) (chars.data ? memchr(chars.data, (c), chars.len) != NULL : is_ascii_space(c))
    while (from < to && STRIPPED(s.data[from]))
        from++;
    while (to > from && STRIPPED(s.data[to - 1]))
        to--;
#undef STRIPPED
    return same_kind(args[0], s.data + from, to - from);
}

static Value bytes_replace(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "replace", 2, 3))
        return VAL_NULL;
    View s = view_of(args[0]), old, new;
    ssize_t count = -1;
    if (!need_view(args[1], &old) || !need_view(args[2], &new))
        return VAL_NULL;
    if (nargs > 3 && !rt_as_ssize(args[3], &count))
        return VAL_NULL;
    if (count < 0)
        count = PTRDIFF_MAX;
    StrBuf sb;
    sb_init(&sb);
    size_t i = 0;
    ssize_t at;
    while (count > 0 && old.len > 0 && (at = view_find(s, i, s.len, old)) >= 0) {
        sb_add(&sb, (const char *)s.data + i, (size_t)at - i);
        sb_add(&sb, (const char *)new.data, new.len);
        i = (size_t)at + old.len;
        count--;
    }
    for (; count > 0 && old.len == 0 && i <= s.len; count--) {  /* b''.replace */
        sb_add(&sb, (const char *)new.data, new.len);
        if (i < s.len)
            sb_addc(&sb, (char)s.data[i]);
        i++;
    }
    if (i < s.len)
        sb_add(&sb, (const char *)s.data + i, s.len - i);
    return same_kind(args[0], (const unsigned char *)sb.data, sb.len);
}

static Value map_ascii_case(Value *args, size_t nargs, Value kw, const char *name, bool upper)
{
    if (!check_args(args, nargs, kw, name, 0, 0))
        return VAL_NULL;
    View s = view_of(args[0]);
    unsigned char *buf = gc_alloc_atomic(s.len + 1);
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = s.data[i];
        if (upper && c >= 'a' && c <= 'z')
            c -= 32;
        else if (!upper && c >= 'A' && c <= 'Z')
            c += 32;
        buf[i] = c;
    }
    return same_kind(args[0], buf, s.len);
}

static Value bytes_upper(Value *args, size_t nargs, Value kw)
{
    return map_ascii_case(args, nargs, kw, "upper", true);
}

static Value bytes_lower(Value *args, size_t nargs, Value kw)
{
    return map_ascii_case(args, nargs, kw, "lower", false);
}

/* ---- More bytes methods ------------------------------------------------------------------ */
/* Everything below treats bytes as ASCII text, as CPython does: only the
 * bytes 0x00..0x7F have a case or a class. */

static bool b_isupper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool b_islower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool b_isalpha(unsigned char c) { return b_isupper(c) || b_islower(c); }
static bool b_isdigit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool b_isalnum(unsigned char c) { return b_isalpha(c) || b_isdigit(c); }
static bool b_isspace(unsigned char c) { return is_ascii_space(c); }
static bool b_isascii(unsigned char c) { return c < 0x80; }

/* True when every byte satisfies pred (and, except isascii, there is one). */
static Value all_bytes(Value *args, size_t nargs, Value kw, const char *name,
                       bool (*pred)(unsigned char), bool empty_ok)
{
    if (!check_args(args, nargs, kw, name, 0, 0))
        return VAL_NULL;
    View s = view_of(args[0]);
    if (s.len == 0)
        return rt_bool(empty_ok);
    for (size_t i = 0; i < s.len; i++)
        if (!pred(s.data[i]))
            return rt_False;
    return rt_True;
}

#define BYTES_PREDICATE(meth, empty_ok)                                 \
    static Value bytes_##meth(Value *args, size_t nargs, Value kw)      \
    {                                                                   \
        return all_bytes(args, nargs, kw, #meth, b_##meth, empty_ok);   \
    }
BYTES_PREDICATE(isalpha, false)
BYTES_PREDICATE(isdigit, false)
BYTES_PREDICATE(isalnum, false)
BYTES_PREDICATE(isspace, false)
BYTES_PREDICATE(isascii, true)
#undef BYTES_PREDICATE

/* isupper / islower: some cased byte and none of the other case. */
static Value case_test(Value *args, size_t nargs, Value kw, const char *name, bool upper)
{
    if (!check_args(args, nargs, kw, name, 0, 0))
        return VAL_NULL;
    View s = view_of(args[0]);
    bool seen = false;
    for (size_t i = 0; i < s.len; i++) {
        if (upper ? b_islower(s.data[i]) : b_isupper(s.data[i]))
            return rt_False;
        seen = seen || (upper ? b_isupper(s.data[i]) : b_islower(s.data[i]));
    }
    return rt_bool(seen);
}

static Value bytes_isupper(Value *args, size_t nargs, Value kw)
{
    return case_test(args, nargs, kw, "isupper", true);
}

static Value bytes_islower(Value *args, size_t nargs, Value kw)
{
    return case_test(args, nargs, kw, "islower", false);
}

static Value bytes_istitle(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "istitle", 0, 0))
        return VAL_NULL;
    View s = view_of(args[0]);
    bool prev_cased = false, seen = false;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = s.data[i];
        if (b_isupper(c)) {
            if (prev_cased)
                return rt_False;
            prev_cased = seen = true;
        } else if (b_islower(c)) {
            if (!prev_cased)
                return rt_False;
            prev_cased = seen = true;
        } else
            prev_cased = false;
    }
    return rt_bool(seen);
}

/* swapcase, title, capitalize: the byte-by-byte case changes. */
enum { BCASE_SWAP, BCASE_TITLE, BCASE_CAPITALIZE };

static Value recase(Value *args, size_t nargs, Value kw, const char *name, int how)
{
    if (!check_args(args, nargs, kw, name, 0, 0))
        return VAL_NULL;
    View s = view_of(args[0]);
    unsigned char *buf = gc_alloc_atomic(s.len + 1);
    bool prev_cased = false;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = s.data[i];
        bool to_upper = how == BCASE_SWAP ? b_islower(c)
                      : how == BCASE_TITLE ? !prev_cased && b_islower(c)
                      : i == 0 && b_islower(c);
        bool to_lower = how == BCASE_SWAP ? b_isupper(c)
                      : how == BCASE_TITLE ? prev_cased && b_isupper(c)
                      : i > 0 && b_isupper(c);
        prev_cased = b_isalpha(c);
        buf[i] = to_upper || to_lower ? c ^ 0x20 : c;
    }
    return same_kind(args[0], buf, s.len);
}

static Value bytes_swapcase(Value *args, size_t nargs, Value kw)
{
    return recase(args, nargs, kw, "swapcase", BCASE_SWAP);
}

static Value bytes_title(Value *args, size_t nargs, Value kw)
{
    return recase(args, nargs, kw, "title", BCASE_TITLE);
}

static Value bytes_capitalize(Value *args, size_t nargs, Value kw)
{
    return recase(args, nargs, kw, "capitalize", BCASE_CAPITALIZE);
}

/* rfind / index / rindex share find's arguments. */
static ssize_t view_rfind(View h, size_t from, size_t to, View n)
{
    if (to - from < n.len)
        return -1;
    for (size_t at = to - n.len + 1; at-- > from;)
        if (memcmp(h.data + at, n.data, n.len) == 0)
            return (ssize_t)at;
    return -1;
}

static Value find_common(Value *args, size_t nargs, Value kw, const char *name, bool right,
                         bool raise)
{
    if (!check_args(args, nargs, kw, name, 1, 3))
        return VAL_NULL;
    View h = view_of(args[0]), n;
    unsigned char one;
    size_t from, to;
    bool beyond;
    if (!range_args(args + 2, nargs - 2, h.len, &from, &to, &beyond) || !needle_arg(args[1], &n, &one))
        return VAL_NULL;
    ssize_t at = beyond ? -1 : right ? view_rfind(h, from, to, n) : view_find(h, from, to, n);
    if (at < 0 && raise)
        return rt_raisef(&rt_ValueError, "subsection not found");
    return small_new(at);
}

static Value bytes_rfind(Value *args, size_t nargs, Value kw)
{
    return find_common(args, nargs, kw, "rfind", true, false);
}

static Value bytes_index(Value *args, size_t nargs, Value kw)
{
    return find_common(args, nargs, kw, "index", false, true);
}

static Value bytes_rindex(Value *args, size_t nargs, Value kw)
{
    return find_common(args, nargs, kw, "rindex", true, true);
}

/* lstrip / rstrip (strip is above). */
static Value strip_side(Value *args, size_t nargs, Value kw, const char *name, bool left, bool right)
{
    if (!check_args(args, nargs, kw, name, 0, 1))
        return VAL_NULL;
    View s = view_of(args[0]), chars = {NULL, 0};
    if (nargs > 1 && args[1] != rt_None && !need_view(args[1], &chars))
        return VAL_NULL;
    size_t from = 0, to = s.len;
#define STRIPPED(c) (chars.data ? memchr(chars.data, (c), chars.len) != NULL : is_ascii_space(c))
    while (left && from < to && STRIPPED(s.data[from]))
        from++;
    while (right && to > from && STRIPPED(s.data[to - 1]))
        to--;
#undef STRIPPED
    return same_kind(args[0], s.data + from, to - from);
}

static Value bytes_lstrip(Value *args, size_t nargs, Value kw)
{
    return strip_side(args, nargs, kw, "lstrip", true, false);
}

static Value bytes_rstrip(Value *args, size_t nargs, Value kw)
{
    return strip_side(args, nargs, kw, "rstrip", false, true);
}

static Value bytes_rsplit(Value *args, size_t nargs, Value kw)
{
    View s, sep;
    ssize_t maxsplit;
    if (!split_args("rsplit", args, nargs, kw, &s, &sep, &maxsplit))
        return VAL_NULL;
    Value list = rt_list_new(0);
    size_t end = s.len;
    if (sep.data == NULL) {
        while (end > 0) {
            while (end > 0 && is_ascii_space(s.data[end - 1]))
                end--;
            if (end == 0)
                break;
            size_t stop = end;
            if (maxsplit-- == 0)
                end = 0;
            while (end > 0 && !is_ascii_space(s.data[end - 1]))
                end--;
            rt_list_append(list, same_kind(args[0], s.data + end, stop - end));
        }
    } else {
        if (sep.len == 0)
            return rt_raisef(&rt_ValueError, "empty separator");
        ssize_t at;
        while (maxsplit-- > 0 && (at = view_rfind(s, 0, end, sep)) >= 0) {
            rt_list_append(list, same_kind(args[0], s.data + at + sep.len, end - (size_t)at - sep.len));
            end = (size_t)at;
        }
        rt_list_append(list, same_kind(args[0], s.data, end));
    }
    ObjList *l = AS_LIST(list);
    for (size_t i = 0, j = l->length; i + 1 < j; i++, j--) {
        Value t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
    return list;
}

static Value partition_common(Value *args, size_t nargs, Value kw, const char *name, bool right)
{
    if (!check_args(args, nargs, kw, name, 1, 1))
        return VAL_NULL;
    View s = view_of(args[0]), sep;
    if (!need_view(args[1], &sep))
        return VAL_NULL;
    if (sep.len == 0)
        return rt_raisef(&rt_ValueError, "empty separator");
    ssize_t at = right ? view_rfind(s, 0, s.len, sep) : view_find(s, 0, s.len, sep);
    Value empty = same_kind(args[0], NULL, 0);
    if (at < 0) {
        Value whole = same_kind(args[0], s.data, s.len);
        return right ? rt_tuple_pack(3, empty, same_kind(args[0], NULL, 0), whole)
                     : rt_tuple_pack(3, whole, empty, same_kind(args[0], NULL, 0));
    }
    return rt_tuple_pack(3, same_kind(args[0], s.data, (size_t)at),
                         same_kind(args[0], sep.data, sep.len),
                         same_kind(args[0], s.data + at + sep.len, s.len - (size_t)at - sep.len));
}

static Value bytes_partition(Value *args, size_t nargs, Value kw)
{
    return partition_common(args, nargs, kw, "partition", false);
}

static Value bytes_rpartition(Value *args, size_t nargs, Value kw)
{
    return partition_common(args, nargs, kw, "rpartition", true);
}

/* center / ljust / rjust: width and an optional one-byte fill. */
static Value justify(Value *args, size_t nargs, Value kw, const char *name, int where)
{
    if (!check_args(args, nargs, kw, name, 1, 2))
        return VAL_NULL;
    View s = view_of(args[0]);
    ssize_t width;
    unsigned char fill = ' ';
    if (!rt_as_ssize(rt_int_unbool(args[1]), &width))
        return VAL_NULL;
    if (nargs > 2) {
        if (!rt_is_bytes_like(args[2]) || view_of(args[2]).len != 1)
            return rt_raisef(&rt_TypeError, "%s() argument 2 must be a byte string of length 1, not %T",
                             name, args[2]);
        fill = view_of(args[2]).data[0];
    }
    if (width <= (ssize_t)s.len)
        return same_kind(args[0], s.data, s.len);
    size_t pad = (size_t)width - s.len, left;
    if (where < 0)
        left = 0;
    else if (where > 0)
        left = pad;
    else                                        /* CPython's centring rule */
        left = pad / 2 + (pad & (size_t)width & 1);
    unsigned char *buf = room_like(args[0], (size_t)width);
    if (buf == NULL)
        return VAL_NULL;
    memset(buf, fill, (size_t)width);
    memcpy(buf + left, s.data, s.len);
    return same_kind(args[0], buf, (size_t)width);
}

static Value bytes_ljust(Value *args, size_t nargs, Value kw)
{
    return justify(args, nargs, kw, "ljust", -1);
}

static Value bytes_rjust(Value *args, size_t nargs, Value kw)
{
    return justify(args, nargs, kw, "rjust", 1);
}

static Value bytes_center(Value *args, size_t nargs, Value kw)
{
    return justify(args, nargs, kw, "center", 0);
}

static Value bytes_zfill(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "zfill", 1, 1))
        return VAL_NULL;
    View s = view_of(args[0]);
    ssize_t width;
    if (!rt_as_ssize(rt_int_unbool(args[1]), &width))
        return VAL_NULL;
    if (width <= (ssize_t)s.len)
        return same_kind(args[0], s.data, s.len);
    size_t pad = (size_t)width - s.len;
    unsigned char *buf = room_like(args[0], (size_t)width);
    if (buf == NULL)
        return VAL_NULL;
    memset(buf, '0', pad);
    memcpy(buf + pad, s.data, s.len);
    if (s.len > 0 && (s.data[0] == '+' || s.data[0] == '-')) {
        buf[0] = s.data[0];
        buf[pad] = '0';
    }
    return same_kind(args[0], buf, (size_t)width);
}

static Value bytes_expandtabs(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "tabsize" };
    static const ArgSpec spec = { "expandtabs", names, 1, 0, 0, 1, false };
    ssize_t tab = 8;
    Value t;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kwnames, &t))
        return VAL_NULL;
    if (t && !rt_as_ssize(rt_int_unbool(t), &tab))
        return VAL_NULL;
    if (tab < INT_MIN || tab > INT_MAX)     /* a C int, as CPython's */
        return rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
    View s = view_of(args[0]);
    StrBuf sb;
    sb_init(&sb);
    size_t col = 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = s.data[i];
        if (c == '\t') {
            if (tab > 0) {
                size_t n = (size_t)tab - col % (size_t)tab;
                for (size_t k = 0; k < n; k++)
                    sb_addc(&sb, ' ');
                col += n;
            }
        } else {
            sb_addc(&sb, (char)c);
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
    }
    return same_kind(args[0], (const unsigned char *)sb.data, sb.len);
}

static Value bytes_splitlines(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "keepends" };
    static const ArgSpec spec = { "splitlines", names, 1, 0, 0, 1, false };
    Value keep;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kwnames, &keep))
        return VAL_NULL;
    if (keep == VAL_NULL)
        keep = rt_False;
    bool keepends;
    if (!rt_arg_flag(keep, false, &keepends))
        return VAL_NULL;
    View s = view_of(args[0]);
    Value list = rt_list_new(0);
    size_t i = 0;
    while (i < s.len) {
        size_t start = i;
        while (i < s.len && s.data[i] != '\n' && s.data[i] != '\r')
            i++;
        size_t eol = i;
        if (i < s.len)
            i += (s.data[i] == '\r' && i + 1 < s.len && s.data[i + 1] == '\n') ? 2 : 1;
        rt_list_append(list, same_kind(args[0], s.data + start, (keepends ? i : eol) - start));
    }
    return list;
}

static Value affix_remove(Value *args, size_t nargs, Value kw, const char *name, bool suffix)
{
    if (!check_args(args, nargs, kw, name, 1, 1))
        return VAL_NULL;
    View s = view_of(args[0]), a;
    if (!need_view(args[1], &a))
        return VAL_NULL;
    if (a.len <= s.len && memcmp(s.data + (suffix ? s.len - a.len : 0), a.data, a.len) == 0)
        return same_kind(args[0], s.data + (suffix ? 0 : a.len), s.len - a.len);
    if (IS_EXACT(args[0], rt_bytes_type))
        return args[0];
    return same_kind(args[0], s.data, s.len);
}

static Value bytes_removeprefix(Value *args, size_t nargs, Value kw)
{
    return affix_remove(args, nargs, kw, "removeprefix", false);
}

static Value bytes_removesuffix(Value *args, size_t nargs, Value kw)
{
    return affix_remove(args, nargs, kw, "removesuffix", true);
}

/* translate(table, delete=b''): table is None or 256 bytes. */
static Value bytes_translate(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "", "delete" };
    static const ArgSpec spec = { "translate", names, 2, 1, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kwnames, a))
        return VAL_NULL;
    Value table = a[0], del = a[1];
    View t = {NULL, 0}, d = {NULL, 0};
    if (table != rt_None) {
        if (!need_view(table, &t))
            return VAL_NULL;
        if (t.len != 256)
            return rt_raisef(&rt_ValueError, "translation table must be 256 characters long");
    }
    if (del && !need_view(del, &d))
        return VAL_NULL;
    View s = view_of(args[0]);
    unsigned char *buf = gc_alloc_atomic(s.len + 1);
    size_t n = 0;
    for (size_t i = 0; i < s.len; i++) {
        if (d.len && memchr(d.data, s.data[i], d.len))
            continue;
        buf[n++] = t.data ? t.data[s.data[i]] : s.data[i];
    }
    return same_kind(args[0], buf, n);
}

/* bytes.maketrans(from, to): a static method (no self). */
static Value maketrans(Value *args, size_t nargs, Value kw, const char *qualified)
{
    if (!rt_arg_nokw(qualified, kw))
        return VAL_NULL;
    if (nargs == 3 && !val_is_small(args[0]) && val_type(args[0]) == &rt_type_type) {
        args++;
        nargs--;
    }
    if (nargs != 2)
        return rt_raisef(&rt_TypeError, "maketrans expected 2 arguments, got %zu", nargs);
    View f, t;
    if (!need_view(args[0], &f) || !need_view(args[1], &t))
        return VAL_NULL;
    if (f.len != t.len)
        return rt_raisef(&rt_ValueError, "maketrans arguments must have same length");
    unsigned char buf[256];
    for (int i = 0; i < 256; i++)
        buf[i] = (unsigned char)i;
    for (size_t i = 0; i < f.len; i++)
        buf[f.data[i]] = t.data[i];
    return rt_bytes_new(buf, 256);
}

static Value bytes_maketrans(Value *args, size_t nargs, Value kw) { return maketrans(args, nargs, kw, "bytes.maketrans"); }
static Value bytearray_maketrans(Value *args, size_t nargs, Value kw) { return maketrans(args, nargs, kw, "bytearray.maketrans"); }

static int hex_digit(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10) : -1;
}

/* bytes.fromhex('de ad') / bytearray.fromhex: a class method, args[0] is
 * the class (a subclass gets cls(the bytes), as in CPython). */
static Value bytes_fromhex(Value *args, size_t nargs, Value kw)
{
    ObjType *kind = AS_TYPE(args[0]);
    args++;
    nargs--;
    if (!rt_arg_one(rt_is_subtype(kind, &rt_bytearray_type) ? "bytearray.fromhex" : "bytes.fromhex",
                    nargs, kw))
        return VAL_NULL;
    if (rt_py_minor >= 14 && !rt_is_str(args[0]) && rt_has_buffer(args[0])) {
        Value b = rt_buffer_to_bytes(args[0]);      /* 3.14 takes bytes-like too */
        if (b == VAL_NULL)
            return VAL_NULL;
        args[0] = rt_str_from_latin1(AS_BYTES(b)->data, AS_BYTES(b)->length);
    }
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, rt_py_minor >= 14
                         ? "fromhex() argument must be str or bytes-like, not %T"
                         : "fromhex() argument must be str, not %N", args[0]);
    size_t n = AS_STR(args[0])->length, out = 0;
    unsigned char *buf = gc_alloc_atomic(n / 2 + 1);
    for (size_t i = 0; i < n;) {
        uint32_t c = rt_str_char_at(args[0], i);
        if (c == ' ' || (c >= '\t' && c <= '\r')) {      /* ASCII whitespace only */
            i++;
            continue;
        }
        int hi = hex_digit(c), lo = i + 1 < n ? hex_digit(rt_str_char_at(args[0], i + 1)) : -1;
        if (hi < 0 || lo < 0)
            return rt_raisef(&rt_ValueError, "non-hexadecimal number found in fromhex() arg at position %zu",
                             hi < 0 ? i : i + 1);
        buf[out++] = (unsigned char)(hi * 16 + lo);
        i += 2;
    }
    Value r = rt_is_subtype(kind, &rt_bytearray_type) || kind == &rt_bytearray_type
              ? rt_bytearray_new(buf, out) : rt_bytes_new(buf, out);
    if (kind != &rt_bytes_type && kind != &rt_bytearray_type)
        return rt_call1(obj_val(kind), r);
    return r;
}

static Value bytes_mod(Value self, Value args)
{
    View f = view_of(self);
    StrBuf sb;
    sb_init(&sb);
    if (!rt_bytes_percent(f.data, f.len, args, &sb))
        return VAL_NULL;
    return same_kind(self, (const unsigned char *)sb.data, sb.len);
}

static Value bytes_dunder_mod(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, VAL_NULL, "__mod__", 1, 1))
        return VAL_NULL;
    return bytes_mod(args[0], args[1]);
}

static Value bytes_dunder_getitem(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, VAL_NULL, "__getitem__", 1, 1))
        return VAL_NULL;
    return bytes_getitem(args[0], args[1]);
}

static Value bytes_dunder_len(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, VAL_NULL, "__len__", 0, 0))
        return VAL_NULL;
    return small_new((intptr_t)view_of(args[0]).len);
}

/* The methods bytes and bytearray share (all return the receiver's kind). */
#define BYTES_COMMON_METHODS \
    {"decode", bytes_decode}, {"hex", bytes_hex}, {"join", bytes_join},                 \
    {"startswith", bytes_startswith}, {"endswith", bytes_endswith},                     \
    {"find", bytes_find}, {"rfind", bytes_rfind}, {"index", bytes_index},               \
    {"rindex", bytes_rindex}, {"count", bytes_count}, {"split", bytes_split},           \
    {"rsplit", bytes_rsplit}, {"strip", bytes_strip}, {"lstrip", bytes_lstrip},         \
    {"rstrip", bytes_rstrip}, {"replace", bytes_replace}, {"upper", bytes_upper},       \
    {"lower", bytes_lower}, {"swapcase", bytes_swapcase}, {"title", bytes_title},       \
    {"capitalize", bytes_capitalize}, {"isalpha", bytes_isalpha},                       \
    {"isdigit", bytes_isdigit}, {"isalnum", bytes_isalnum}, {"isspace", bytes_isspace}, \
    {"isascii", bytes_isascii}, {"isupper", bytes_isupper}, {"islower", bytes_islower}, \
    {"istitle", bytes_istitle}, {"partition", bytes_partition},                         \
    {"rpartition", bytes_rpartition}, {"center", bytes_center},                         \
    {"ljust", bytes_ljust}, {"rjust", bytes_rjust}, {"zfill", bytes_zfill},             \
    {"expandtabs", bytes_expandtabs}, {"splitlines", bytes_splitlines},                 \
    {"removeprefix", bytes_removeprefix}, {"removesuffix", bytes_removesuffix},         \
    {"translate", bytes_translate}, {"__mod__", bytes_dunder_mod},                      \
    {"__getitem__", bytes_dunder_getitem}, {"__len__", bytes_dunder_len},               \
    {"fromhex", bytes_fromhex, RT_METH_CLASS}

/* b.__getnewargs__(): (a plain bytes copy,), for pickling subclasses. */
static Value bytes_getnewargs(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("bytes.__getnewargs__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjBytes *b = AS_BYTES(args[0]);
    return rt_tuple_pack(1, rt_bytes_new(b->data, b->length));
}

/* bytes.__bytes__(): self, or a plain copy of a subclass's instance. */
static Value bytes_bytes(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("bytes.__bytes__", nargs - 1, kw))
        return VAL_NULL;
    if (IS_EXACT(args[0], rt_bytes_type))
        return args[0];
    ObjBytes *b = AS_BYTES(args[0]);
    return rt_bytes_new(b->data, b->length);
}

static const MethodDef bytes_methods[] = {
    BYTES_COMMON_METHODS,
    {"__getnewargs__", bytes_getnewargs}, {"__bytes__", bytes_bytes},
    {"maketrans", bytes_maketrans, RT_METH_STATIC},
    {NULL, NULL},
};

/* Iterators over bytes and bytearray: the ints of the bytes, re-reading
 * the length each step (a bytearray may shrink meanwhile). */
typedef struct ObjBytesIter {
    Object ob;
    Value seq;                  /* VAL_NULL once exhausted */
    size_t index;
} ObjBytesIter;

static Value bytes_iter_next(Value self)
{
    ObjBytesIter *it = VAL_AS(ObjBytesIter, self);
    if (it->seq == VAL_NULL)
        return VAL_NULL;
    View v = view_of(it->seq);
    if (it->index >= v.len) {
        it->seq = VAL_NULL;
        return VAL_NULL;
    }
    return small_new(v.data[it->index++]);
}

/* Pickling: (iter, (seq,), index), (iter, ((),)) once exhausted. */
static Value bytes_iter_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjBytesIter *it = VAL_AS(ObjBytesIter, args[0]);
    return rt_reduce_iter(it->seq, rt_empty_tuple, it->index);
}

static Value bytes_iter_setstate(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__setstate__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjBytesIter *it = VAL_AS(ObjBytesIter, args[0]);
    ssize_t n = it->seq != VAL_NULL ? (ssize_t)view_of(it->seq).len : 0, index;
    if (!rt_setstate_index(args[1], 0, n, &index))
        return VAL_NULL;
    if (it->seq != VAL_NULL)
        it->index = (size_t)index;
    return rt_None;
}

static Value bytes_iter_length_hint(Value *args, size_t nargs, Value kwnames)
{
    ObjBytesIter *it = VAL_AS(ObjBytesIter, args[0]);
    ssize_t left = it->seq != VAL_NULL ? (ssize_t)view_of(it->seq).len - (ssize_t)it->index : 0;
    return small_new(left > 0 ? left : 0);
}

static const MethodDef bytes_iter_methods[] = {
    {"__reduce__", bytes_iter_reduce}, {"__setstate__", bytes_iter_setstate},
    {"__length_hint__", bytes_iter_length_hint}, {NULL, NULL},
};

static ObjType bytes_iter_type = {
    .ob.type = &rt_type_type, .name = "bytes_iterator", .base = &rt_object_type,
    .iter = rt_iter_self, .next = bytes_iter_next,
};
static ObjType bytearray_iter_type = {
    .ob.type = &rt_type_type, .name = "bytearray_iterator", .base = &rt_object_type,
    .iter = rt_iter_self, .next = bytes_iter_next,
};

static Value bytes_iter(Value self)
{
    ObjBytesIter *it = gc_alloc(sizeof *it);
    it->ob.type = rt_isinstance_of(self, &rt_bytearray_type) ? &bytearray_iter_type
                                                             : &bytes_iter_type;
    it->seq = self;
    return obj_val(it);
}

/* ---- the buffer protocol ----------------------------------------------------------------------- */

static int bytes_getbuffer(Value self, RtBuffer *view, int flags)
{
    ObjBytes *b = AS_BYTES(self);
    return rt_buffer_fill(view, self, b->data, (ssize_t)b->length, true, "B", 1, flags);
}

/* A bytearray counts its lasting buffers out, and does not change size
 * while one is (resizable; buffer.h). */
static int bytearray_getbuffer(Value self, RtBuffer *view, int flags)
{
    ObjByteArray *a = VAL_AS(ObjByteArray, self);
    if (rt_buffer_fill(view, self, a->data, (ssize_t)a->length, false, "B", 1, flags) < 0)
        return -1;
    if (flags & RT_BUF_LASTING)
        a->exports++;
    return 0;
}

static void bytearray_releasebuffer(Value self, RtBuffer *view)
{
    if (view->flags & RT_BUF_LASTING)
        VAL_AS(ObjByteArray, self)->exports--;
}

ObjType rt_bytes_type = {
    .ob.type = &rt_type_type,
    .name = "bytes",
    .base = &rt_object_type,
    .flags = TF_BASETYPE | TF_SEQUENCE,
    .repr = rt_bytes_repr,
    .str = bytes_str,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .binop = bytes_binop,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_MULTIPLY) | RT_OP_BIT(NB_REMAINDER),
    .iter = bytes_iter,
    .getitem = bytes_getitem,
    .len = bytes_len,
    .contains = bytes_contains,
    .new_ = bytes_new,
    .getbuffer = bytes_getbuffer,
};

/* ---- bytearray: the mutable parts ------------------------------------------------------------ */

/* a[i:j:k] = iterable / del a[i:j:k]. */
static int bytearray_setslice(ObjByteArray *a, Value slice, Value v)
{
    ssize_t start, stop, step, n;
    if (!rt_slice_indices(slice, (ssize_t)a->length, &start, &stop, &step, &n))
        return -1;
    View src = {NULL, 0};
    if (v) {
        if (rt_is_str(v) || is_int(v) || is_bool(v)) {
            rt_raisef(&rt_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        Value tmp = rt_has_buffer(v) ? rt_buffer_to_bytes(v)
                                     : construct("bytearray", &v, 1, VAL_NULL);
        if (!tmp)
            return -1;
        src = view_of(tmp);
    }
    if (step == 1 || n == 0) {
        if (step != 1 && v && src.len != 0)
            goto extended;
        if (step != 1)                  /* nothing to delete or assign */
            return 0;
        if (stop < start)
            stop = start;
        size_t old = (size_t)(stop - start), tail = a->length - (size_t)stop;
        if (!resizable(a, a->length - old + src.len))
            return -1;
        if (src.len > old)
            bytearray_reserve(a, src.len - old);
        memmove(a->data + start + src.len, a->data + stop, tail);
        memcpy(a->data + start, src.data, src.len);
        a->length = a->length - old + src.len;
        return 0;
    }
extended:
    if (!v || src.len == 0) {                   /* delete every step-th byte (= b'' too) */
        if (!resizable(a, a->length - (size_t)n))
            return -1;
        size_t w = 0;
        for (size_t i = 0, k = 0; i < a->length; i++) {
            ssize_t rel = step > 0 ? (ssize_t)i - start : start - (ssize_t)i;
            bool hit = k < (size_t)n && rel >= 0 && rel % (step > 0 ? step : -step) == 0
                       && rel / (step > 0 ? step : -step) < n;
            if (hit)
                k++;
            else
                a->data[w++] = a->data[i];
        }
        a->length = w;
        return 0;
    }
    if (src.len != (size_t)n) {
        rt_raisef(&rt_ValueError, "attempt to assign bytes of size %zu to extended slice of size %zd",
                  src.len, n);
        return -1;
    }
    for (ssize_t k = 0; k < n; k++)
        a->data[start + k * step] = src.data[k];
    return 0;
}

__attribute__((noinline)) static int bytearray_setitem(Value self, Value key, Value v)
{
    ObjByteArray *a = VAL_AS(ObjByteArray, self);
    if (IS_EXACT(key, rt_slice_type))
        return bytearray_setslice(a, key, v);
    Value idx = rt_index_or_null(key);
    if (!idx) {
        if (!rt_err_occurred())
            rt_raisef(&rt_TypeError, "bytearray indices must be integers or slices, not %T", key);
        return -1;
    }
    /* The value before the bounds, as CPython's (gh-91153): its __index__
     * may change the length. */
    int c = 0;
    if (v && !byte_value(v, &c))
        return -1;
    size_t i;
    if (!rt_seq_index_ex(idx, a->length, "bytearray", "bytearray", &i))
        return -1;
    if (!v) {                                   /* del a[i] */
        if (!resizable(a, a->length - 1))
            return -1;
        memmove(a->data + i, a->data + i + 1, a->length - i - 1);
        a->length--;
        return 0;
    }
    a->data[i] = (unsigned char)c;
    return 0;
}

static Value bytearray_insert(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "insert", 2, 2))
        return VAL_NULL;
    ObjByteArray *a = VAL_AS(ObjByteArray, args[0]);
    ssize_t i;
    int c;
    if (!rt_as_ssize(rt_int_unbool(args[1]), &i) || !byte_value(args[2], &c))
        return VAL_NULL;
    if (i < 0)
        i = i + (ssize_t)a->length < 0 ? 0 : i + (ssize_t)a->length;
    if (i > (ssize_t)a->length)
        i = (ssize_t)a->length;
    if (!resizable(a, a->length + 1))
        return VAL_NULL;
    bytearray_reserve(a, 1);
    memmove(a->data + i + 1, a->data + i, a->length - (size_t)i);
    a->data[i] = (unsigned char)c;
    a->length++;
    return rt_None;
}

static Value bytearray_pop(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "pop", 0, 1))
        return VAL_NULL;
    ObjByteArray *a = VAL_AS(ObjByteArray, args[0]);
    if (a->length == 0)
        return rt_raisef(&rt_IndexError, "pop from empty bytearray");
    ssize_t i = -1;
    if (nargs > 1 && !rt_as_ssize(rt_int_unbool(args[1]), &i))
        return VAL_NULL;
    if (i < 0)
        i += (ssize_t)a->length;
    if (i < 0 || i >= (ssize_t)a->length)
        return rt_raisef(&rt_IndexError, "pop index out of range");
    if (!resizable(a, a->length - 1))
        return VAL_NULL;
    unsigned char c = a->data[i];
    memmove(a->data + i, a->data + i + 1, a->length - (size_t)i - 1);
    a->length--;
    return small_new(c);
}

static Value bytearray_remove(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "remove", 1, 1))
        return VAL_NULL;
    ObjByteArray *a = VAL_AS(ObjByteArray, args[0]);
    int c;
    if (!byte_value(args[1], &c))
        return VAL_NULL;
    unsigned char *p = memchr(a->data, c, a->length);
    if (!p)
        return rt_raisef(&rt_ValueError, "value not found in bytearray");
    if (!resizable(a, a->length - 1))
        return VAL_NULL;
    memmove(p, p + 1, a->length - (size_t)(p - a->data) - 1);
    a->length--;
    return rt_None;
}

static Value bytearray_reverse(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "reverse", 0, 0))
        return VAL_NULL;
    ObjByteArray *a = VAL_AS(ObjByteArray, args[0]);
    for (size_t i = 0, j = a->length; i + 1 < j; i++, j--) {
        unsigned char t = a->data[i];
        a->data[i] = a->data[j - 1];
        a->data[j - 1] = t;
    }
    return rt_None;
}

static Value bytearray_clear(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "clear", 0, 0))
        return VAL_NULL;
    ObjByteArray *a = VAL_AS(ObjByteArray, args[0]);
    if (!resizable(a, 0))
        return VAL_NULL;
    a->length = 0;
    return rt_None;
}

/* __alloc__(): the bytes allocated for the contents, counted as CPython
 * counts them, with the trailing NUL it keeps (pvm keeps none), so always
 * more than the length. */
static Value bytearray_alloc(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "__alloc__", 0, 0))
        return VAL_NULL;
    return rt_int_from_i64((int64_t)VAL_AS(ObjByteArray, args[0])->capacity + 1);
}

static Value bytearray_copy(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "copy", 0, 0))
        return VAL_NULL;
    View v = view_of(args[0]);
    return rt_bytearray_new(v.data, v.len);
}

/* a += b extends in place; a *= n repeats in place. */
__attribute__((noinline)) static Value bytearray_inplace(Value a, Value b, int op)
{
    ObjByteArray *ba = VAL_AS(ObjByteArray, a);
    if (op == NB_ADD) {
        View v;
        if (arg_view(b, &v) <= 0) {
            rt_err_clear();
            return rt_raisef(&rt_TypeError, "can't concat %T to bytearray", b);
        }
        if (!resizable(ba, ba->length + v.len))
            return VAL_NULL;
        bytearray_reserve(ba, v.len);
        memmove(ba->data + ba->length, v.data, v.len);
        ba->length += v.len;
        return a;
    }
    ssize_t n;
    int rc = op == NB_MULTIPLY ? rt_repeat_count(b, &n) : 0;
    if (rc < 0)
        return VAL_NULL;
    if (rc > 0) {
        Value r = view_repeat(a, view_of(a), n);
        if (!r)
            return VAL_NULL;
        View v = view_of(r);
        if (!resizable(ba, v.len))
            return VAL_NULL;
        ba->length = 0;
        bytearray_reserve(ba, v.len);
        memcpy(ba->data, v.data, v.len);
        ba->length = v.len;
        return a;
    }
    return bytes_binop(a, b, op);
}

/* The slots that may change a bytearray's size (`del b[i:j]`, `b[i:j] =
 * x`, `b += x`).  While a lasting buffer of it is out, each clears the
 * dead part of the C stack first (gc_clear_stack_below), then calls the
 * method proper, whose frame is laid over the cleared words: a word that
 * frame takes without writing would otherwise still hold what an earlier
 * call left there, perhaps a list of memoryviews the program has dropped
 * (`b''.join([memoryview(b)[:n], ...])` then `del b[:2 * n]`), which
 * rt_buffer_exported's collection does not set aside (it sets aside only
 * words that point to views themselves).  The methods proper are not
 * inlined: their frames must be made after the clearing (bench/README.md,
 * h-del3). */
static inline void before_resize(Value self)
{
    if (VAL_AS(ObjByteArray, self)->exports > 0)
        gc_clear_stack_below();
}

static int bytearray_setitem_entry(Value self, Value key, Value v)
{
    before_resize(self);
    return bytearray_setitem(self, key, v);
}

static Value bytearray_inplace_entry(Value a, Value b, int op)
{
    before_resize(a);
    return bytearray_inplace(a, b, op);
}

static Value bytearray_dunder_setitem(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, VAL_NULL, "__setitem__", 2, 2))
        return VAL_NULL;
    return bytearray_setitem_entry(args[0], args[1], args[2]) < 0 ? VAL_NULL : rt_None;
}

static Value bytearray_dunder_delitem(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, VAL_NULL, "__delitem__", 1, 1))
        return VAL_NULL;
    return bytearray_setitem_entry(args[0], args[1], VAL_NULL) < 0 ? VAL_NULL : rt_None;
}

static Value bytearray_append(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "append", 1, 1))
        return VAL_NULL;
    int c;
    if (!byte_value(args[1], &c))
        return VAL_NULL;
    ObjByteArray *a = VAL_AS(ObjByteArray, args[0]);
    if (!resizable(a, a->length + 1))
        return VAL_NULL;
    bytearray_reserve(a, 1);
    a->data[a->length++] = (unsigned char)c;
    return rt_None;
}

static Value bytearray_extend(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "extend", 1, 1))
        return VAL_NULL;
    ObjByteArray *a = VAL_AS(ObjByteArray, args[0]);
    View v;
    int r = arg_view(args[1], &v);
    if (r < 0)
        return VAL_NULL;
    if (r == 0) {                       /* an iterable of ints, gathered first */
        if (rt_is_str(args[1]) && rt_py_minor >= 13)    /* before, 'a' is not an int */
            return rt_raisef(&rt_TypeError, "expected iterable of integers; got: 'str'");
        Value it = rt_iter(args[1]);
        if (it == VAL_NULL) {
            if (rt_err_matches(&rt_TypeError)) {
                rt_err_clear();
                rt_raisef(&rt_TypeError, "can't extend bytearray with %T", args[1]);
            }
            return VAL_NULL;
        }
        if (rt_length_hint(args[1], 64) < 0)    /* after the iterator, as CPython's */
            return VAL_NULL;
        ObjByteArray *gathered = VAL_AS(ObjByteArray, rt_bytearray_new(NULL, 0));
        if (!fill_from_iterable(gathered, it, false))
            return VAL_NULL;
        v = (View){gathered->data, gathered->length};
    }
    if (!resizable(a, a->length + v.len))
        return VAL_NULL;
    bytearray_reserve(a, v.len);
    memmove(a->data + a->length, v.data, v.len);
    a->length += v.len;
    return rt_None;
}

/* resize(size), 3.14: truncated, or grown with zero bytes. */
static Value bytearray_resize(Value *args, size_t nargs, Value kw)
{
    if (!check_args(args, nargs, kw, "resize", 1, 1))
        return VAL_NULL;
    ObjByteArray *a = VAL_AS(ObjByteArray, args[0]);
    ssize_t size;
    if (!rt_index_ssize(args[1], &size))
        return VAL_NULL;
    if (size < 0)
        return rt_raisef(&rt_ValueError, "Can only resize to positive sizes, got %zd", size);
    if (!gc_size_ok((size_t)size))
        return rt_raise_nomemory();
    if (!resizable(a, (size_t)size))
        return VAL_NULL;
    if ((size_t)size > a->length) {
        bytearray_reserve(a, (size_t)size - a->length);
        memset(a->data + a->length, 0, (size_t)size - a->length);
    }
    a->length = (size_t)size;
    return rt_None;
}

/* Pickling (CPython's bytearray _common_reduce): protocol 3 and later
 * (type, (bytes,), state); before, the bytes as a latin-1 str, (type,
 * (str, 'latin-1'), state); empty: (type, (), state). */
static Value bytearray_reduce_proto(Value self, intptr_t proto)
{
    ObjByteArray *b = VAL_AS(ObjByteArray, self);
    Value state = rt_object_getstate(self), args;
    if (state == VAL_NULL)
        return VAL_NULL;
    if (b->length == 0) {
        args = rt_empty_tuple;
    } else if (proto >= 3) {
        args = rt_tuple_pack(1, rt_bytes_new(b->data, b->length));
    } else {
        StrBuf sb;
        sb_init(&sb);
        for (size_t i = 0; i < b->length; i++)
            sb_add_codepoint(&sb, b->data[i]);
        args = rt_tuple_pack(2, sb_finish(&sb), rt_str_from_cstr("latin-1"));
    }
    return rt_reduce_value(obj_val(val_type(self)), args, state);
}

static Value bytearray_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("bytearray.__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    return bytearray_reduce_proto(args[0], 2);
}

static Value bytearray_reduce_ex(Value *args, size_t nargs, Value kwnames)
{
    ssize_t proto = 0;
    if (!rt_arg_range("__reduce_ex__", nargs - 1, 0, 1) || rt_nkwargs(kwnames) > 0 ||
        (nargs > 1 && !rt_as_ssize(args[1], &proto)))
        return VAL_NULL;
    return bytearray_reduce_proto(args[0], proto);
}

/* The methods that may change a bytearray's size, called by the loop:
 * while a lasting buffer of it is out, each first clears the running
 * frame's dead value-stack slots above its arguments
 * (rt_buffer_before_resize), where a dropped memoryview may linger and
 * keep rt_buffer_exported's collection from giving its export back
 * (`struct.unpack_from(fmt, memoryview(b)[1:])` then `b.extend(x)`). */
#define SIZE_CHANGING_METHOD(fn)                                \
    static Value fn##_entry(Value *args, size_t nargs, Value kw) \
    {                                                           \
        rt_buffer_before_resize(&VAL_AS(ObjByteArray, args[0])->exports, args, nargs); \
        return fn(args, nargs, kw);                             \
    }
SIZE_CHANGING_METHOD(bytearray_append)
SIZE_CHANGING_METHOD(bytearray_extend)
SIZE_CHANGING_METHOD(bytearray_insert)
SIZE_CHANGING_METHOD(bytearray_pop)
SIZE_CHANGING_METHOD(bytearray_remove)
SIZE_CHANGING_METHOD(bytearray_clear)
SIZE_CHANGING_METHOD(bytearray_resize)

static const MethodDef bytearray_methods[] = {
    {"__reduce__", bytearray_reduce},
    {"__reduce_ex__", bytearray_reduce_ex},
    {"append", bytearray_append_entry},
    {"extend", bytearray_extend_entry},
    {"insert", bytearray_insert_entry},
    {"pop", bytearray_pop_entry},
    {"remove", bytearray_remove_entry},
    {"reverse", bytearray_reverse},
    {"clear", bytearray_clear_entry},
    {"copy", bytearray_copy},
    {"__alloc__", bytearray_alloc},
    {"__setitem__", bytearray_dunder_setitem},
    {"__delitem__", bytearray_dunder_delitem},
    BYTES_COMMON_METHODS,
    {"maketrans", bytearray_maketrans, RT_METH_STATIC},
    {NULL, NULL},
};

static const MethodDef bytearray_methods_314[] = {
    {"resize", bytearray_resize_entry},
    {NULL, NULL},
};

ObjType rt_bytearray_type = {
    .ob.type = &rt_type_type,
    .name = "bytearray",
    .base = &rt_object_type,
    .flags = TF_BASETYPE | TF_SEQUENCE,
    .instance_size = sizeof(ObjByteArray),
    .repr = bytearray_repr,
    .str = bytes_str,
    .richcompare = bytes_richcompare,
    .binop = bytes_binop,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_MULTIPLY) | RT_OP_BIT(NB_REMAINDER),
    .iter = bytes_iter,
    .getitem = bytes_getitem,
    .inplace = bytearray_inplace_entry,
    .setitem = bytearray_setitem_entry,
    .len = bytes_len,
    .contains = bytes_contains,
    .new_ = bytearray_new_slot,
    .getbuffer = bytearray_getbuffer, .releasebuffer = bytearray_releasebuffer,
};

void rt_bytes_init(void)
{
    rt_type_ready(&rt_bytes_type, bytes_methods);
    rt_type_ready(&rt_bytearray_type, bytearray_methods);
    if (rt_py_minor >= 14)
        rt_type_add_methods(&rt_bytearray_type, bytearray_methods_314);
    rt_type_ready(&bytes_iter_type, bytes_iter_methods);
    rt_type_ready(&bytearray_iter_type, bytes_iter_methods);
}
