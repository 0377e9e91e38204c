/*
 * memoryview.c — the buffer protocol (buffer.h) and memoryview, the
 * Python face of it.
 *
 * The protocol: a bytes-like type's getbuffer slot fills an RtBuffer with
 * the address, length and item layout of its memory; whoever asked
 * (bytes(x), struct.unpack, a memoryview) reads or writes the memory
 * directly and gives the buffer back with rt_release_buffer.
 *
 * memoryview (CPython's Objects/memoryobject.c) presents such memory as
 * items of a struct format in one or more dimensions: m[i] unpacks one
 * item, m[i] = v packs one, m[a:b] and m.cast('I') are new views of the
 * same bytes.  Items use the host's native sizes and byte order
 * (little-endian x86-64, which the little-endian packing below assumes).
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/buffer.h"
#include "runtime/version.h"
#include "vm/frame.h"

/* ---- the protocol ------------------------------------------------------------ */

bool rt_has_buffer(Value obj)
{
    return !val_is_small(obj) && val_type(obj)->getbuffer != NULL;
}

int rt_get_buffer(Value obj, RtBuffer *view, int flags)
{
    if (!rt_has_buffer(obj)) {
        rt_raisef(&rt_TypeError, "a bytes-like object is required, not '%T'", obj);
        return -1;
    }
    return val_type(obj)->getbuffer(obj, view, flags);
}

void rt_release_buffer(RtBuffer *view)
{
    Value obj = view->obj;
    if (obj == VAL_NULL)
        return;
    view->obj = VAL_NULL;
    void (*release)(Value, RtBuffer *) = val_type(obj)->releasebuffer;
    if (release != NULL)
        release(obj, view);
}

static ObjType memory_iter_type;

/* The objects a dropped view's export lingers through: the views, and
 * their iterators (`sum(memoryview(b).cast('B')[::2])`).  The type word is
 * read as the collector reads it (gc_block_word): the block may be free. */
static bool view_or_iterator(const void *obj)
{
    const ObjType *t = (const ObjType *)gc_block_word(obj, 0);
    return t == &rt_memoryview_type || t == &memory_iter_type;
}

/* The dead value-stack slots of the suspended frames are cleared, and the
 * collection does not count the words of the C stack that point to views
 * (gc_collect_past_stack): such a word is a stale copy, in a frame's
 * unwritten slot or a register the loop no longer reads, or a C caller's
 * reference to a view that a Python frame also holds (the frame stack
 * counts).  buffer.h says why. */
bool rt_buffer_exported(const int *exports)
{
    if (*exports > 0) {
        vm_frame_scrub(NULL);
        gc_collect_past_stack(view_or_iterator, NULL);
    }
    return *exports > 0;
}

void rt_buffer_clear_dead(const Value *args, size_t nargs)
{
    vm_frame_scrub_call(args, nargs);
}

int rt_buffer_fill(RtBuffer *view, Value obj, void *buf, ssize_t n, bool readonly,
                   const char *format, ssize_t itemsize, int flags)
{
    if ((flags & RT_BUF_WRITABLE) && readonly) {
        rt_raisef(&rt_BufferError, "Object is not writable.");
        return -1;
    }
    view->buf = buf;
    view->obj = obj;
    view->flags = flags;
    view->len = n;
    view->itemsize = itemsize;
    view->readonly = readonly;
    view->ndim = 1;
    view->format = format;
    view->shape1 = n / itemsize;
    view->stride1 = itemsize;
    view->shape = &view->shape1;
    view->strides = &view->stride1;
    return 0;
}


/* ---- one item: native struct formats --------------------------------------------
 * A buffer's format names the C type of its items, as the struct module
 * spells it, optionally after '@' (native size and byte order, the only
 * kind pvm's exporters make).  These are what memoryview can read and
 * write item by item (CPython's memoryobject.c "native single character
 * formats"). */

typedef struct ItemFormat {
    char code;
    int size;
} ItemFormat;

/* pack_int stores the low bytes of a 64-bit integer. */
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "items are packed little-endian");

static const ItemFormat item_formats[] = {
    {'c', 1}, {'b', 1}, {'B', 1}, {'?', 1}, {'h', 2}, {'H', 2}, {'i', 4}, {'I', 4},
    {'l', 8}, {'L', 8}, {'q', 8}, {'Q', 8}, {'n', 8}, {'N', 8}, {'f', 4}, {'d', 8},
    {'P', 8}, {'e', 2},         /* 'e' (half floats) from 3.12 on */
};

/* The native single-character format fmt names ("B", "@i"), or NULL. */
static const ItemFormat *item_format(const char *fmt)
{
    if (fmt == NULL)
        return &item_formats[2];                /* "B" */
    if (fmt[0] == '@')
        fmt++;
    if (fmt[0] == '\0' || fmt[1] != '\0')
        return NULL;
    if (fmt[0] == 'e' && rt_py_minor < 12)
        return NULL;
    for (size_t i = 0; i < sizeof item_formats / sizeof item_formats[0]; i++)
        if (item_formats[i].code == fmt[0])
            return &item_formats[i];
    return NULL;
}

ssize_t rt_buffer_format_size(const char *fmt)
{
    const ItemFormat *f = item_format(fmt);
    return f != NULL ? f->size : -1;
}

static bool is_byte_format(const char *fmt)
{
    const ItemFormat *f = item_format(fmt);
    return f != NULL && (f->code == 'B' || f->code == 'b' || f->code == 'c');
}

Value rt_buffer_unpack_item(const char *fmt, const void *p)
{
    const ItemFormat *f = item_format(fmt);
    if (f == NULL)
        return rt_raisef(&rt_NotImplementedError, "memoryview: format %s not supported", fmt);
#define LOAD(T) ({ T x_; memcpy(&x_, p, sizeof x_); x_; })
    switch (f->code) {
    case 'c': return rt_bytes_new(p, 1);
    case '?': return rt_bool(LOAD(unsigned char) != 0);
    case 'b': return small_new(LOAD(signed char));
    case 'B': return small_new(LOAD(unsigned char));
    case 'h': return small_new(LOAD(short));
    case 'H': return small_new(LOAD(unsigned short));
    case 'i': return small_new(LOAD(int));
    case 'I': return rt_int_from_u64(LOAD(unsigned int));
    case 'l': case 'q': case 'n': return rt_int_from_i64(LOAD(int64_t));
    case 'f': return rt_float_new(LOAD(float));
    case 'd': return rt_float_new(LOAD(double));
    case 'e': return rt_float_new(rt_float_unpack2(LOAD(uint16_t)));
    default: return rt_int_from_u64(LOAD(uint64_t));       /* L Q N P */
    }
#undef LOAD
}

/* CPython's messages for a value that does not fit the format. */
static int bad_item(const char *fmt, bool type)
{
    rt_raisef(type ? &rt_TypeError : &rt_ValueError, "memoryview: invalid %s for format '%s'",
              type ? "type" : "value", fmt);
    return -1;
}

/* An integer item: v.__index__(), in the range of the format's C type. */
static int pack_int(const char *fmt, const ItemFormat *f, void *p, Value v)
{
    Value i = rt_isinstance_of(v, &rt_float_type) ? VAL_NULL : rt_index(v);
    if (i == VAL_NULL) {
        rt_err_clear();
        return bad_item(fmt, true);
    }
    int bits = 8 * f->size;
    if (strchr("BHILQNP", f->code) != NULL) {
        uint64_t u;
        if (!rt_int_as_u64(i, &u) || (bits < 64 && u >> bits != 0)) {
            rt_err_clear();
            return bad_item(fmt, false);
        }
        memcpy(p, &u, (size_t)f->size);         /* little-endian: the low bytes */
        return 0;
    }
    int64_t x;
    if (!rt_int_as_i64(i, &x) ||
        (bits < 64 && (x < -((int64_t)1 << (bits - 1)) || x >= ((int64_t)1 << (bits - 1))))) {
        rt_err_clear();
        return bad_item(fmt, false);
    }
    memcpy(p, &x, (size_t)f->size);
    return 0;
}

int rt_buffer_pack_item(const char *fmt, void *p, Value v)
{
    const ItemFormat *f = item_format(fmt);
    if (f == NULL) {
        rt_raisef(&rt_NotImplementedError, "memoryview: format %s not supported", fmt);
        return -1;
    }
    switch (f->code) {
    case 'c':
        if (!IS_EXACT(v, rt_bytes_type))
            return bad_item(fmt, true);
        if (AS_BYTES(v)->length != 1)
            return bad_item(fmt, false);
        *(unsigned char *)p = AS_BYTES(v)->data[0];
        return 0;
    case '?': {
        int t = rt_truthy(v);
        if (t < 0)
            return -1;
        *(unsigned char *)p = (unsigned char)t;
        return 0;
    }
    case 'e': case 'f': case 'd': {
        Value number = rt_float_from_number(v);     /* __float__ or __index__ too */
        if (number == VAL_NULL) {
            if (!rt_err_matches(&rt_TypeError))
                return -1;
            rt_err_clear();
            return bad_item(fmt, true);
        }
        double d = rt_float_value(number);
        if (f->code == 'e') {
            uint16_t h;
            if (!rt_float_pack2(d, &h))
                return -1;
            memcpy(p, &h, 2);
        } else if (f->code == 'f') {
            float x = (float)d;
            memcpy(p, &x, 4);
        } else {
            memcpy(p, &d, 8);
        }
        return 0;
    }
    default:
        return pack_int(fmt, f, p, v);
    }
}

/* ---- memoryview ---------------------------------------------------------------------
 * A memoryview shows an exporter's memory as items of its format, in ndim
 * dimensions.  It holds the exporter's buffer (RT_BUF_LASTING: see
 * buffer.h) until release(), and views made from it — slices, casts,
 * memoryview(m) — show the same memory without asking the exporter again.
 * Only a slice with a step makes a view that is not C-contiguous.  (Unlike
 * CPython's, a memoryview never counts buffers of itself handed out:
 * release() always succeeds.)
 *
 * bytearray, array.array and mmap count the buffers out and refuse to
 * resize (mmap: to close) while one is.  CPython's memoryview gives its buffer
 * back the moment its last reference goes; here a view found unreachable
 * by the collector gives it back (a finaliser), and the views made from it
 * keep it reachable (`holder`) as long as they show its memory. */

typedef struct ObjMemoryView {
    Object ob;
    RtBuffer view;              /* buf, len, itemsize, format, ndim, shape, strides */
    Value exporter;             /* view.obj as it was taken (the .obj attribute) */
    Value format;               /* str whose bytes view.format points to */
    bool released;
    bool holds_export;          /* this view got the buffer (release it on release()) */
    Value holder;               /* the view that got the buffer, kept alive by those made from it */
    intptr_t hash;              /* -1 until computed */
} ObjMemoryView;

#define AS_MV(v) VAL_AS(ObjMemoryView, v)

static Value released_error(void)
{
    return rt_raisef(&rt_ValueError, "operation forbidden on released memoryview object");
}

/* The memoryview, unless released (then ValueError and NULL). */
static ObjMemoryView *live(Value self)
{
    ObjMemoryView *m = AS_MV(self);
    if (m->released) {
        released_error();
        return NULL;
    }
    return m;
}

/* A new memoryview of the same memory with ndim dimensions, whose shape
 * and strides the caller fills in. */
/* The collector found a view holding an exporter's buffer unreachable:
 * give the buffer back (no allocation, no Python code: see gc.h). */
static void release_unreachable(void *obj, void *data)
{
    ObjMemoryView *m = obj;
    if (!m->released) {
        m->released = true;
        rt_release_buffer(&m->view);
    }
}

static ObjMemoryView *mv_alloc(const ObjMemoryView *from, int ndim)
{
    ObjMemoryView *m = gc_alloc(sizeof *m);
    m->ob.type = &rt_memoryview_type;
    m->view = from->view;
    m->exporter = from->exporter;
    m->holder = from->holder;
    m->format = from->format;
    m->hash = -1;
    m->view.ndim = ndim;
    if (ndim <= 1) {
        m->view.shape = &m->view.shape1;
        m->view.strides = &m->view.stride1;
    } else {
        m->view.shape = gc_alloc_atomic((size_t)ndim * sizeof(ssize_t));
        m->view.strides = gc_alloc_atomic((size_t)ndim * sizeof(ssize_t));
    }
    return m;
}

/* A copy of m's shape and strides, for a view showing the same items. */
static ObjMemoryView *mv_copy(const ObjMemoryView *from)
{
    ObjMemoryView *m = mv_alloc(from, from->view.ndim);
    for (int d = 0; d < from->view.ndim; d++) {
        m->view.shape[d] = from->view.shape[d];
        m->view.strides[d] = from->view.strides[d];
    }
    return m;
}

/* Row-major strides for the shape (a C-contiguous layout). */
static void c_strides(RtBuffer *v)
{
    ssize_t step = v->itemsize;
    for (int d = v->ndim - 1; d >= 0; d--) {
        v->strides[d] = step;
        step *= v->shape[d];
    }
}

/* Are the items one after another, the last index varying fastest (C
 * order) or the first (Fortran order)?  Dimensions of one item, and empty
 * views, do not count. */
static bool is_contiguous(const RtBuffer *v, bool fortran)
{
    ssize_t step = v->itemsize;
    for (int i = 0; i < v->ndim; i++) {
        int d = fortran ? i : v->ndim - 1 - i;
        if (v->shape[d] > 1 && v->strides[d] != step)
            return false;
        if (v->shape[d] == 0)
            return true;
        step *= v->shape[d];
    }
    return true;
}

static bool is_c_contiguous(const RtBuffer *v) { return is_contiguous(v, false); }
static bool is_f_contiguous(const RtBuffer *v) { return is_contiguous(v, true); }

/* memoryview(object) */
static Value memoryview_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "object" };
    static const ArgSpec spec = { "memoryview", names, 1, 0, 1, 1, false };
    Value obj;
    if (!rt_parse_args(&spec, args, nargs, kwnames, &obj))
        return VAL_NULL;
    if (IS_EXACT(obj, rt_memoryview_type)) {
        ObjMemoryView *from = live(obj);
        return from == NULL ? VAL_NULL : obj_val(mv_copy(from));
    }
    if (!rt_has_buffer(obj))
        return rt_raisef(&rt_TypeError, "memoryview: a bytes-like object is required, not '%T'",
                         obj);
    ObjMemoryView *m = gc_alloc(sizeof *m);
    m->ob.type = &rt_memoryview_type;
    if (rt_get_buffer(obj, &m->view, RT_BUF_STRIDED | RT_BUF_LASTING) < 0)
        return VAL_NULL;
    /* .obj is the buffer's owner: for a PickleBuffer, the object it wraps */
    m->exporter = m->view.obj != VAL_NULL ? m->view.obj : obj;
    m->holds_export = true;
    m->holder = obj_val(m);
    if (val_type(obj)->releasebuffer != NULL)
        gc_register_finalizer(m, release_unreachable, NULL);
    m->hash = -1;
    m->format = rt_str_from_cstr(m->view.format != NULL ? m->view.format : "B");
    m->view.format = rt_str_cstr(m->format);
    if (m->view.ndim <= 1) {                /* point at our own copy of the storage */
        m->view.shape1 = m->view.ndim == 1 ? m->view.shape[0] : 0;
        m->view.stride1 = m->view.ndim == 1 ? m->view.strides[0] : 0;
        m->view.shape = &m->view.shape1;
        m->view.strides = &m->view.stride1;
    }
    return obj_val(m);
}

/* ---- reaching items ------------------------------------------------------------------ */

/* The address of item `index` (which may count from the end) along the
 * first dimension, or NULL with IndexError. */
static char *item_ptr(ObjMemoryView *m, char *base, int dim, ssize_t index)
{
    ssize_t n = m->view.shape[dim];
    if (index < 0)
        index += n;
    if (index < 0 || index >= n) {
        rt_raisef(&rt_IndexError, "index out of bounds on dimension %d", dim + 1);
        return NULL;
    }
    return base + index * m->view.strides[dim];
}

/* The address of m[key] for an int-like key on a 1-D view, or for a tuple
 * of ints naming every dimension. */
/* The view is not released (an __index__ or __float__ called while
 * indexing or converting may have released it: gh-92888); else false with
 * the error. */
static bool still_live(ObjMemoryView *m)
{
    if (m->released)
        released_error();
    return !m->released;
}

static char *index_ptr(ObjMemoryView *m, Value key)
{
    char *p = m->view.buf;
    if (!is_tuple(key)) {
        ssize_t i;
        if (!rt_as_ssize(key, &i) || !still_live(m))
            return NULL;
        return item_ptr(m, p, 0, i);
    }
    size_t n = rt_tuple_len(key);
    if ((int)n != m->view.ndim) {
        rt_raisef(&rt_TypeError, "cannot index %d-dimension view with %zu-element tuple",
                  m->view.ndim, n);
        return NULL;
    }
    for (size_t d = 0; d < n && p != NULL; d++) {
        ssize_t i;
        if (!rt_as_ssize(rt_tuple_get(key, d), &i))
            return NULL;
        p = item_ptr(m, p, (int)d, i);
    }
    return p == NULL || still_live(m) ? p : NULL;
}

static bool is_index(Value v)
{
    return is_int(v) || is_bool(v) || rt_type_lookup(val_type(v), RT_NAME("__index__"));
}

/* What kind of key: 'i' an index, 't' a tuple of indices, 's' a slice,
 * 'S' a tuple of slices, 0 anything else. */
static int key_kind(Value key)
{
    if (IS_EXACT(key, rt_slice_type))
        return 's';
    if (!is_tuple(key))
        return !rt_isinstance_of(key, &rt_float_type) && is_index(key) ? 'i' : 0;
    bool ints = true, slices = true;
    for (size_t i = 0; i < rt_tuple_len(key); i++) {
        ints &= is_index(rt_tuple_get(key, i));
        slices &= IS_EXACT(rt_tuple_get(key, i), rt_slice_type);
    }
    return ints ? 't' : slices ? 'S' : 0;
}

static Value invalid_key(void)
{
    return rt_raisef(&rt_TypeError, "memoryview: invalid slice key");
}

/* m[a:b:c]: the same memory, the first dimension sliced. */
static Value mv_slice(ObjMemoryView *m, Value slice)
{
    ssize_t start, stop, step, n;
    if (!rt_slice_indices(slice, m->view.shape[0], &start, &stop, &step, &n))
        return VAL_NULL;
    ObjMemoryView *s = mv_copy(m);
    s->view.buf = (char *)m->view.buf + start * m->view.strides[0];
    s->view.shape[0] = n;
    s->view.strides[0] = m->view.strides[0] * step;
    s->view.len = s->view.len / (m->view.shape[0] ? m->view.shape[0] : 1) * n;
    if (m->view.shape[0] == 0)
        s->view.len = 0;
    return obj_val(s);
}

static Value mv_getitem(Value self, Value key)
{
    ObjMemoryView *m = live(self);
    if (m == NULL)
        return VAL_NULL;
    if (m->view.ndim == 0) {
        if (key == rt_Ellipsis)
            return self;
        if (is_tuple(key) && rt_tuple_len(key) == 0)
            return rt_buffer_unpack_item(m->view.format, m->view.buf);
        return rt_raisef(&rt_TypeError, "invalid indexing of 0-dim memory");
    }
    if (key == rt_Ellipsis)
        return self;
    switch (key_kind(key)) {
    case 'i':
        if (m->view.ndim > 1)
            return rt_raisef(&rt_NotImplementedError,
                             "multi-dimensional sub-views are not implemented");
        /* fall through */
    case 't': {
        char *p = index_ptr(m, key);
        return p == NULL ? VAL_NULL : rt_buffer_unpack_item(m->view.format, p);
    }
    case 's':
        return mv_slice(m, key);
    case 'S':
        return rt_raisef(&rt_NotImplementedError, "multi-dimensional slicing is not implemented");
    default:
        return invalid_key();
    }
}

/* Copy the items of src into dst (same shape, any strides), in C order. */
static void copy_items(const RtBuffer *dst, const RtBuffer *src, int dim, char *d, const char *s)
{
    if (dim == src->ndim) {
        memmove(d, s, (size_t)src->itemsize);
        return;
    }
    for (ssize_t i = 0; i < src->shape[dim]; i++)
        copy_items(dst, src, dim + 1, d + i * dst->strides[dim], s + i * src->strides[dim]);
}

/* m[a:b] = bytes-like with the same format and length. */
static int mv_assign_slice(ObjMemoryView *m, Value key, Value v)
{
    if (m->view.ndim != 1) {
        rt_raisef(&rt_NotImplementedError,
                  "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    }
    Value target = mv_slice(m, key);
    RtBuffer src;
    if (target == VAL_NULL || !still_live(m) || rt_get_buffer(v, &src, RT_BUF_STRIDED) < 0)
        return -1;
    RtBuffer *dst = &AS_MV(target)->view;
    const char *sf = src.format != NULL ? src.format : "B";
    bool same = src.ndim == 1 && src.shape[0] == dst->shape[0] &&
                src.itemsize == dst->itemsize && strcmp(sf, dst->format) == 0;
    if (same) {
        /* through a temporary: the two may overlap (m[1:] = m[:-1]) */
        RtBuffer tmp = src;
        tmp.buf = gc_alloc_atomic((size_t)src.len + 1);
        tmp.strides = &tmp.stride1;
        tmp.stride1 = src.itemsize;
        copy_items(&tmp, &src, 0, tmp.buf, src.buf);
        copy_items(dst, &tmp, 0, dst->buf, tmp.buf);
    }
    rt_release_buffer(&src);
    if (!same) {
        rt_raisef(&rt_ValueError,
                  "memoryview assignment: lvalue and rvalue have different structures");
        return -1;
    }
    return 0;
}

/* Store v at p: converted first, written only if the conversion left
 * the view unreleased. */
static int pack_live(ObjMemoryView *m, char *p, Value v)
{
    union { char bytes[32]; double align; } item;
    if (m->view.itemsize > (ssize_t)sizeof item.bytes)
        return rt_buffer_pack_item(m->view.format, p, v);
    if (rt_buffer_pack_item(m->view.format, item.bytes, v) < 0 || !still_live(m))
        return -1;
    memcpy(p, item.bytes, (size_t)m->view.itemsize);
    return 0;
}

static int mv_setitem(Value self, Value key, Value v)
{
    ObjMemoryView *m = live(self);
    if (m == NULL)
        return -1;
    if (m->view.readonly) {
        rt_raisef(&rt_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "cannot delete memory");
        return -1;
    }
    if (m->view.ndim == 0) {
        if (key == rt_Ellipsis || (is_tuple(key) && rt_tuple_len(key) == 0))
            return rt_buffer_pack_item(m->view.format, m->view.buf, v);
        rt_raisef(&rt_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    switch (key_kind(key)) {
    case 'i':
        if (m->view.ndim > 1) {
            rt_raisef(&rt_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        /* fall through */
    case 't': {
        char *p = index_ptr(m, key);
        return p == NULL ? -1 : pack_live(m, p, v);
    }
    case 's':
        return mv_assign_slice(m, key, v);
    case 'S':
        rt_raisef(&rt_NotImplementedError,
                  "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    default:
        invalid_key();
        return -1;
    }
}

static ssize_t mv_len(Value self)
{
    ObjMemoryView *m = live(self);
    if (m == NULL)
        return -1;
    if (m->view.ndim == 0 && rt_py_minor >= 12) {
        rt_raisef(&rt_TypeError, "0-dim memory has no length");
        return -1;
    }
    return m->view.ndim == 0 ? 1 : m->view.shape[0];
}

/* ---- whole-view conversions ------------------------------------------------------------- */

/* The items of dimension `dim` from p on, as nested lists. */
static Value to_list(ObjMemoryView *m, int dim, const char *p)
{
    if (dim == m->view.ndim)
        return rt_buffer_unpack_item(m->view.format, p);
    Value list = rt_list_new((size_t)m->view.shape[dim]);
    for (ssize_t i = 0; i < m->view.shape[dim]; i++) {
        Value item = to_list(m, dim + 1, p + i * m->view.strides[dim]);
        if (item == VAL_NULL || !rt_list_append(list, item))
            return VAL_NULL;
    }
    return list;
}

static Value mv_tolist(Value *args, size_t nargs, Value kwnames)
{
    ObjMemoryView *m = live(args[0]);
    if (m == NULL || !rt_arg_none("tolist", nargs - 1, kwnames))
        return VAL_NULL;
    if (item_format(m->view.format) == NULL)
        return rt_raisef(&rt_NotImplementedError, "memoryview: format %s not supported",
                         m->view.format);
    return to_list(m, 0, m->view.buf);
}

/* Append the items of a buffer to *out in C order, whatever its strides. */
static void gather(const RtBuffer *v, int dim, const char *p, char **out)
{
    if (dim == v->ndim) {
        memcpy(*out, p, (size_t)v->itemsize);
        *out += v->itemsize;
        return;
    }
    for (ssize_t i = 0; i < v->shape[dim]; i++)
        gather(v, dim + 1, p + i * v->strides[dim], out);
}

/* The bytes of a buffer in C order, or in Fortran order (the first index
 * varying fastest: C order of the dimensions reversed). */
static Value buffer_bytes(const RtBuffer *v, bool fortran)
{
    if (!fortran && is_c_contiguous(v))
        return rt_bytes_new(v->buf, (size_t)v->len);
    RtBuffer r = *v;
    if (fortran && v->ndim > 1) {
        r.shape = gc_alloc_atomic((size_t)v->ndim * sizeof(ssize_t));
        r.strides = gc_alloc_atomic((size_t)v->ndim * sizeof(ssize_t));
        for (int d = 0; d < v->ndim; d++) {
            r.shape[d] = v->shape[v->ndim - 1 - d];
            r.strides[d] = v->strides[v->ndim - 1 - d];
        }
    }
    unsigned char *data = gc_alloc_atomic((size_t)v->len + 1);
    char *out = (char *)data;
    gather(&r, 0, r.buf, &out);
    return rt_bytes_new(data, (size_t)v->len);
}

/* tobytes(order='C'): 'F' for Fortran order, 'A' or None as 'C'. */
static Value mv_tobytes(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "order" };
    static const ArgSpec spec = { "tobytes", names, 1, 0, 0, 1, false };
    Value order;
    ObjMemoryView *m = live(args[0]);
    if (m == NULL || !rt_parse_args(&spec, args + 1, nargs - 1, kwnames, &order))
        return VAL_NULL;
    bool fortran = false;
    if (order != VAL_NULL && order != rt_None) {
        if (!rt_isinstance_of(order, &rt_str_type))
            return rt_raisef(&rt_TypeError, "tobytes() argument 'order' must be str or None, "
                             "not %T", order);
        const char *o = rt_str_cstr(order);
        if (strcmp(o, "C") != 0 && strcmp(o, "F") != 0 && strcmp(o, "A") != 0)
            return rt_raisef(&rt_ValueError, "order must be 'C', 'F' or 'A'");
        fortran = o[0] == 'F';
    }
    return buffer_bytes(&m->view, fortran);
}

/* hex(sep=..., bytes_per_sep=1): bytes.hex of the content. */
static Value mv_hex(Value *args, size_t nargs, Value kwnames)
{
    ObjMemoryView *m = live(args[0]);
    if (m == NULL)
        return VAL_NULL;
    Value hex = rt_getattr_cstr(buffer_bytes(&m->view, false), "hex");
    return hex == VAL_NULL ? VAL_NULL : rt_call(hex, args + 1, nargs - 1, kwnames);
}

Value rt_buffer_to_bytes(Value obj)
{
    RtBuffer view;
    if (rt_get_buffer(obj, &view, RT_BUF_STRIDED) < 0)
        return VAL_NULL;
    Value b = buffer_bytes(&view, false);
    rt_release_buffer(&view);
    return b;
}

/* ---- cast ------------------------------------------------------------------------------- */

static Value cast_error(ObjType *type, const char *what)
{
    return rt_raisef(type, "memoryview: %s", what);
}

/* The new shape, from a list or tuple of positive ints, into m (ndim set). */
static bool cast_shape(ObjMemoryView *m, Value shape, ssize_t nbytes)
{
    Value items = rt_sequence_to_tuple(shape);
    if (items == VAL_NULL)
        return false;
    ssize_t product = 1;
    for (int d = 0; d < m->view.ndim; d++) {
        Value n = rt_tuple_get(items, (size_t)d);
        ssize_t k;
        if (!is_int(n) || !rt_as_ssize(n, &k) || k <= 0) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "memoryview.cast(): elements of shape must be integers > 0");
            return false;
        }
        m->view.shape[d] = k;
        if (__builtin_mul_overflow(product, k, &product))
            product = -1;
    }
    if (product < 0 || product * m->view.itemsize != nbytes) {
        cast_error(&rt_TypeError, "product(shape) * itemsize != buffer size");
        return false;
    }
    return true;
}

/* cast(format, shape=...): the same bytes as items of another native
 * format, in one dimension or (from one) in the given shape. */
static Value mv_cast(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "format", "shape" };
    static const ArgSpec spec = { "cast", names, 2, 0, 1, 2, false };
    Value a[2];
    ObjMemoryView *m = live(args[0]);
    if (m == NULL || !rt_parse_args(&spec, args + 1, nargs - 1, kwnames, a))
        return VAL_NULL;
    if (!rt_isinstance_of(a[0], &rt_str_type))
        return rt_raisef(&rt_TypeError, "cast() argument 'format' must be str, not %T", a[0]);
    Value shape = a[1];
    if (shape != VAL_NULL && !rt_isinstance_of(shape, &rt_list_type) && !is_tuple(shape))
        return rt_raisef(&rt_TypeError, "shape must be a list or a tuple");
    if (!is_c_contiguous(&m->view))
        return cast_error(&rt_TypeError, "casts are restricted to C-contiguous views");
    ssize_t ndim = shape != VAL_NULL ? rt_len(shape) : 1;
    if (shape != VAL_NULL && m->view.ndim != 1 && ndim != 1)
        return cast_error(&rt_TypeError, "cast must be 1D -> ND or ND -> 1D");
    if (ndim > RT_BUF_MAX_NDIM)
        return cast_error(&rt_ValueError, "number of dimensions must not exceed 64");
    const ItemFormat *f = item_format(rt_str_cstr(a[0]));
    if (f == NULL)
        return cast_error(&rt_ValueError, "destination format must be a native single "
                          "character format prefixed with an optional '@'");
    if (!is_byte_format(m->view.format) && !(f->code == 'B' || f->code == 'b' || f->code == 'c'))
        return cast_error(&rt_TypeError, "cannot cast between two non-byte formats");
    if (m->view.len % f->size != 0)
        return cast_error(&rt_TypeError, "length is not a multiple of itemsize");
    ObjMemoryView *c = mv_alloc(m, (int)ndim);
    c->format = a[0];
    c->view.format = rt_str_cstr(a[0]);
    c->view.itemsize = f->size;
    if (shape == VAL_NULL)
        c->view.shape[0] = m->view.len / f->size;
    else if (!cast_shape(c, shape, m->view.len))
        return VAL_NULL;
    c_strides(&c->view);
    return obj_val(c);
}

/* ---- release and the context manager ------------------------------------------------------ */

static Value mv_release(Value *args, size_t nargs, Value kwnames)
{
    ObjMemoryView *m = AS_MV(args[0]);
    if (!rt_arg_none("release", nargs - 1, kwnames))
        return VAL_NULL;
    if (m->released)
        return rt_None;
    m->released = true;
    if (m->holds_export)
        rt_release_buffer(&m->view);
    return rt_None;
}

static Value mv_enter(Value *args, size_t nargs, Value kwnames)
{
    if (live(args[0]) == NULL || !rt_arg_none("__enter__", nargs - 1, kwnames))
        return VAL_NULL;
    return args[0];
}

static Value mv_exit(Value *args, size_t nargs, Value kwnames)
{
    return mv_release(args, 1, VAL_NULL);
}

static Value mv_toreadonly(Value *args, size_t nargs, Value kwnames)
{
    ObjMemoryView *m = live(args[0]);
    if (m == NULL || !rt_arg_none("toreadonly", nargs - 1, kwnames))
        return VAL_NULL;
    ObjMemoryView *r = mv_copy(m);
    r->view.readonly = true;
    return obj_val(r);
}

/* ---- attributes ---------------------------------------------------------------------------- */

static Value ssizes_tuple(const ssize_t *v, int n)
{
    Value t = rt_tuple_new((size_t)n);
    for (int i = 0; i < n; i++)
        AS_TUPLE(t)->items[i] = rt_int_from_i64(v[i]);
    return t;
}

/* Each attribute reads the live view (ValueError once released). */
#define MV_GETTER(name, expr)                                   \
    static Value name(Value self)                               \
    {                                                           \
        ObjMemoryView *m = live(self);                          \
        return m == NULL ? VAL_NULL : (expr);                   \
    }
MV_GETTER(mv_get_obj, m->exporter)
MV_GETTER(mv_get_nbytes, rt_int_from_i64(m->view.len))
MV_GETTER(mv_get_readonly, rt_bool(m->view.readonly))
MV_GETTER(mv_get_itemsize, rt_int_from_i64(m->view.itemsize))
MV_GETTER(mv_get_format, m->format)
MV_GETTER(mv_get_ndim, small_new(m->view.ndim))
MV_GETTER(mv_get_shape, ssizes_tuple(m->view.shape, m->view.ndim))
MV_GETTER(mv_get_strides, ssizes_tuple(m->view.strides, m->view.ndim))
MV_GETTER(mv_get_suboffsets, rt_empty_tuple)
MV_GETTER(mv_get_c_contiguous, rt_bool(is_c_contiguous(&m->view)))
MV_GETTER(mv_get_f_contiguous, rt_bool(is_f_contiguous(&m->view)))
MV_GETTER(mv_get_contiguous, rt_bool(is_c_contiguous(&m->view) || is_f_contiguous(&m->view)))

static const GetSetDef mv_getsets[] = {
    {"obj", mv_get_obj, NULL, "The underlying object of the memoryview."},
    {"nbytes", mv_get_nbytes}, {"readonly", mv_get_readonly},
    {"itemsize", mv_get_itemsize}, {"format", mv_get_format}, {"ndim", mv_get_ndim},
    {"shape", mv_get_shape}, {"strides", mv_get_strides},
    {"suboffsets", mv_get_suboffsets}, {"c_contiguous", mv_get_c_contiguous},
    {"f_contiguous", mv_get_f_contiguous}, {"contiguous", mv_get_contiguous},
    {NULL},
};

/* ---- comparison, hash, iteration, repr ----------------------------------------------------- */

/* Are the items of a and b (same shape) equal, unpacked as values? */
static int items_equal(const RtBuffer *a, const RtBuffer *b, int dim, const char *pa,
                       const char *pb)
{
    if (dim == a->ndim) {
        Value x = rt_buffer_unpack_item(a->format, pa);
        Value y = x == VAL_NULL ? VAL_NULL : rt_buffer_unpack_item(b->format, pb);
        return y == VAL_NULL ? -1 : rt_eq(x, y);
    }
    for (ssize_t i = 0; i < a->shape[dim]; i++) {
        int r = items_equal(a, b, dim + 1, pa + i * a->strides[dim], pb + i * b->strides[dim]);
        if (r <= 0)
            return r;
    }
    return 1;
}

static int buffers_equal(const RtBuffer *a, const RtBuffer *b)
{
    if (a->ndim != b->ndim)
        return 0;
    for (int d = 0; d < a->ndim; d++)
        if (a->shape[d] != b->shape[d])
            return 0;
    const char *fa = a->format != NULL ? a->format : "B";
    const char *fb = b->format != NULL ? b->format : "B";
    if (strcmp(fa, fb) == 0 && is_byte_format(fa) && fa[strlen(fa) - 1] != 'c' &&
        is_c_contiguous(a) && is_c_contiguous(b))
        return memcmp(a->buf, b->buf, (size_t)a->len) == 0;
    RtBuffer x = *a, y = *b;
    x.format = fa;
    y.format = fb;
    return items_equal(&x, &y, 0, x.buf, y.buf);
}

/* m == other for any bytes-like other: same shape and equal items (a
 * released view equals only itself). */
static Value mv_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !IS_EXACT(a, rt_memoryview_type))
        return rt_NotImplemented;
    int eq;
    if (AS_MV(a)->released || (IS_EXACT(b, rt_memoryview_type) && AS_MV(b)->released)) {
        eq = a == b;
    } else {
        RtBuffer other;
        if (!rt_has_buffer(b) || rt_get_buffer(b, &other, RT_BUF_STRIDED) < 0) {
            rt_err_clear();
            return rt_NotImplemented;
        }
        eq = buffers_equal(&AS_MV(a)->view, &other);
        rt_release_buffer(&other);
        if (eq < 0)
            return VAL_NULL;
    }
    return rt_bool(op == CMP_EQ ? eq : !eq);
}

/* A read-only view of bytes hashes as the bytes do (so it can stand for
 * them as a dict key). */
/* A released view keeps the hash it had; hashed first after release, it
 * raises. */
static intptr_t mv_hash(Value self)
{
    if (AS_MV(self)->hash != -1)
        return AS_MV(self)->hash;
    ObjMemoryView *m = live(self);
    if (m == NULL)
        return -1;
    if (!m->view.readonly) {
        rt_raisef(&rt_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    if (!is_byte_format(m->view.format)) {
        rt_raisef(&rt_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    if (rt_hash(m->exporter) == -1)
        return -1;
    m->hash = rt_hash(buffer_bytes(&m->view, false));
    return m->hash;
}

static Value mv_repr(Value self)
{
    return rt_str_format_c(AS_MV(self)->released ? "<released memory at %p>" : "<memory at %p>",
                           (void *)self);
}

typedef struct ObjMemoryIter {
    Object ob;
    ObjMemoryView *mv;
    ssize_t next;
} ObjMemoryIter;

static ObjType memory_iter_type;

static Value mv_iter(Value self)
{
    ObjMemoryView *m = live(self);
    if (m == NULL)
        return VAL_NULL;
    if (m->view.ndim == 0)
        return rt_raisef(&rt_TypeError, "invalid indexing of 0-dim memory");
    if (m->view.ndim > 1)
        return rt_raisef(&rt_NotImplementedError, "multi-dimensional sub-views are not implemented");
    ObjMemoryIter *it = gc_alloc(sizeof *it);
    it->ob.type = &memory_iter_type;
    it->mv = m;
    return obj_val(it);
}

static Value memory_iter_next(Value self)
{
    ObjMemoryIter *it = VAL_AS(ObjMemoryIter, self);
    ObjMemoryView *m = it->mv;
    if (m == NULL)
        return VAL_NULL;
    if (m->released) {
        it->mv = NULL;
        return released_error();
    }
    if (it->next >= m->view.shape[0]) {
        it->mv = NULL;
        return VAL_NULL;
    }
    const char *p = (const char *)m->view.buf + it->next++ * m->view.strides[0];
    return rt_buffer_unpack_item(m->view.format, p);
}

static ObjType memory_iter_type = {
    .ob.type = &rt_type_type, .name = "memory_iterator",
    .iter = rt_iter_self, .next = memory_iter_next,
};

/* ---- a memoryview as an exporter ------------------------------------------------------------ */

static int mv_getbuffer(Value self, RtBuffer *view, int flags)
{
    ObjMemoryView *m = live(self);
    if (m == NULL)
        return -1;
    if ((flags & RT_BUF_WRITABLE) && m->view.readonly) {
        rt_raisef(&rt_BufferError, "memoryview: underlying buffer is not writable");
        return -1;
    }
    if (!(flags & RT_BUF_STRIDED) && !is_c_contiguous(&m->view)) {
        rt_raisef(&rt_BufferError, "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    *view = m->view;
    view->obj = self;
    view->flags = flags;
    if (m->view.ndim <= 1) {
        view->shape = &view->shape1;
        view->strides = &view->stride1;
    }
    return 0;
}

static const MethodDef mv_methods[] = {
    {"tobytes", mv_tobytes}, {"tolist", mv_tolist}, {"hex", mv_hex}, {"cast", mv_cast},
    {"release", mv_release}, {"toreadonly", mv_toreadonly},
    {"__enter__", mv_enter}, {"__exit__", mv_exit},
    {NULL, NULL},
};

ObjType rt_memoryview_type = {
    .ob.type = &rt_type_type, .name = "memoryview",
    .repr = mv_repr, .hash = mv_hash, .richcompare = mv_richcompare, .iter = mv_iter,
    .getitem = mv_getitem, .setitem = mv_setitem, .len = mv_len, .new_ = memoryview_new,
    .getbuffer = mv_getbuffer, .getsets = mv_getsets, .flags = TF_MATCH_SEQUENCE | TF_WEAKREFABLE,
};

void rt_memoryview_init(void)
{
    rt_type_ready(&rt_memoryview_type, mv_methods);
    rt_type_ready(&memory_iter_type, NULL);
}
