/*
 * io_bytesio.c — _io.BytesIO, a binary stream in memory (CPython's
 * Modules/_io/bytesio.c): a growable byte array and a position.  Writing
 * past the end pads with zero bytes; seeking past it is allowed.
 *
 * getbuffer() returns a memoryview of the stream's bytes, through a small
 * exporter object.  As in CPython, while such a view is out the stream
 * refuses to change (write, truncate, close, __init__, __setstate__:
 * BufferError); a view dropped gives its export back in the collection
 * the refusal runs first (runtime/buffer.h).
 */
#include <string.h>
#include "modules/io.h"
#include "runtime/version.h"
#include "runtime/buffer.h"

typedef struct BytesIO {
    IoObject base;
    unsigned char *buf;
    size_t size, cap, pos;
    bool closed;
    int exports;                /* getbuffer() views out: no change (buffer.h) */
} BytesIO;

#define BIO(v) VAL_AS(BytesIO, v)

/* self, open (else ValueError); its arguments, if any, already checked:
 * CPython's methods parse theirs before they look at the state. */
static BytesIO *open_self(Value self)
{
    if (BIO(self)->closed) {
        io_closed_error();
        return NULL;
    }
    return BIO(self);
}

static BytesIO *self_open(Value *args, size_t nargs, const char *name)
{
    if (!io_self(args, nargs, &io_bytesio_type, name))
        return NULL;
    return open_self(args[0]);
}

static void reserve(BytesIO *b, size_t need)
{
    if (need <= b->cap)
        return;
    size_t cap = b->cap < 64 ? 64 : b->cap;
    while (cap < need)
        cap += cap / 2 + 1;
    unsigned char *nb = gc_alloc_atomic(cap);
    if (b->size > 0)
        memcpy(nb, b->buf, b->size);
    b->buf = nb;
    b->cap = cap;
}

/* Refused while a getbuffer() view is out, as CPython's: BufferError.
 * args/nargs: the method's, for rt_buffer_before_resize. */
static bool exported(BytesIO *b, Value *args, size_t nargs)
{
    rt_buffer_before_resize(&b->exports, args, nargs);
    if (!rt_buffer_exported(&b->exports))
        return false;
    rt_raisef(&rt_BufferError, "Existing exports of data: object cannot be re-sized");
    return true;
}

/* Write n bytes at the position, padding a gap with zeros. */
static void write_bytes(BytesIO *b, const void *data, size_t n)
{
    if (n == 0)
        return;
    reserve(b, b->pos + n);
    if (b->pos > b->size)
        memset(b->buf + b->size, 0, b->pos - b->size);
    memcpy(b->buf + b->pos, data, n);
    b->pos += n;
    if (b->pos > b->size)
        b->size = b->pos;
}

static Value bytesio_init(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "initial_bytes" };
    static const ArgSpec spec = { "BytesIO", names, 1, 0, 0, 1, false };
    Value a[1];
    if (!io_self(args, nargs, &io_bytesio_type, "__init__") ||
        !rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    BytesIO *b = BIO(args[0]);
    b->size = b->pos = 0;
    if (exported(b, args, nargs))
        return VAL_NULL;
    if (a[0] != VAL_NULL && a[0] != rt_None) {
        RtBuffer v;
        if (rt_get_buffer(a[0], &v, RT_BUF_SIMPLE) < 0)
            return VAL_NULL;
        write_bytes(b, v.buf, (size_t)v.len);
        rt_release_buffer(&v);
        b->pos = 0;
    }
    return rt_None;
}

static Value bytesio_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    return io_new(type, sizeof(BytesIO), bytesio_init, args, nargs, kw);
}

/* The bytes from the position, at most n (n < 0: all), moving past them. */
static Value take(BytesIO *b, ssize_t n)
{
    size_t avail = b->pos < b->size ? b->size - b->pos : 0;
    size_t k = n < 0 || (size_t)n > avail ? avail : (size_t)n;
    Value r = rt_bytes_new(b->buf + (k ? b->pos : 0), k);
    b->pos += k;
    return r;
}

static Value read_named(Value *args, size_t nargs, const char *name)
{
    BytesIO *b;
    ssize_t n;
    if (!io_self(args, nargs, &io_bytesio_type, name) || !rt_arg_range(name, nargs - 1, 0, 1) ||
        !io_size_arg(args, nargs, 1, &n) || (b = open_self(args[0])) == NULL)
        return VAL_NULL;
    return take(b, n);
}

static Value bytesio_read(Value *args, size_t nargs, Value kw) { return read_named(args, nargs, "read"); }
static Value bytesio_read1(Value *args, size_t nargs, Value kw) { return read_named(args, nargs, "read1"); }

static ssize_t line_length(BytesIO *b, ssize_t limit)
{
    if (b->pos >= b->size)
        return 0;
    size_t avail = b->size - b->pos;
    const unsigned char *nl = memchr(b->buf + b->pos, '\n', avail);
    size_t n = nl != NULL ? (size_t)(nl - (b->buf + b->pos)) + 1 : avail;
    return limit >= 0 && (size_t)limit < n ? limit : (ssize_t)n;
}

static Value bytesio_readline(Value *args, size_t nargs, Value kw)
{
    BytesIO *b;
    ssize_t n;
    if (!io_self(args, nargs, &io_bytesio_type, "readline") ||
        !rt_arg_range("readline", nargs - 1, 0, 1) || !io_size_arg(args, nargs, 1, &n) ||
        (b = open_self(args[0])) == NULL)
        return VAL_NULL;
    return take(b, line_length(b, n));
}

static Value bytesio_readlines(Value *args, size_t nargs, Value kw)
{
    BytesIO *b;
    ssize_t hint;
    if (!io_self(args, nargs, &io_bytesio_type, "readlines") ||
        !rt_arg_range("readlines", nargs - 1, 0, 1) || (b = open_self(args[0])) == NULL ||
        !io_size_arg(args, nargs, 1, &hint))
        return VAL_NULL;
    Value list = rt_list_new(0);
    ssize_t total = 0, n;
    while ((n = line_length(b, -1)) > 0) {
        rt_list_append(list, take(b, n));
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    return list;
}

static Value bytesio_readinto(Value *args, size_t nargs, Value kw)
{
    BytesIO *b;
    RtBuffer v;
    if (!io_self(args, nargs, &io_bytesio_type, "readinto") ||
        !io_onearg(args, nargs, kw, "BytesIO", "readinto") ||
        !io_rw_buffer(args[1], &v, "readinto", "BytesIO"))
        return VAL_NULL;
    if ((b = open_self(args[0])) == NULL) {
        rt_release_buffer(&v);
        return VAL_NULL;
    }
    size_t avail = b->pos < b->size ? b->size - b->pos : 0;
    size_t k = (size_t)v.len < avail ? (size_t)v.len : avail;
    if (k > 0)
        memcpy(v.buf, b->buf + b->pos, k);
    b->pos += k;
    rt_release_buffer(&v);
    return small_new((intptr_t)k);
}

static Value bytesio_write(Value *args, size_t nargs, Value kw)
{
    BytesIO *b;
    if (!io_self(args, nargs, &io_bytesio_type, "write") ||
        !io_onearg(args, nargs, kw, "BytesIO", "write") || (b = open_self(args[0])) == NULL ||
        exported(b, args, nargs))
        return VAL_NULL;
    RtBuffer v;
    if (rt_get_buffer(args[1], &v, RT_BUF_SIMPLE) < 0)
        return VAL_NULL;
    write_bytes(b, v.buf, (size_t)v.len);
    rt_release_buffer(&v);
    return small_new(v.len);
}

static Value bytesio_seek(Value *args, size_t nargs, Value kw)
{
    BytesIO *b;
    ssize_t pos, whence = 0;
    if (!io_self(args, nargs, &io_bytesio_type, "seek") || !rt_arg_range("seek", nargs - 1, 1, 2) ||
        !rt_as_ssize(args[1], &pos) || (nargs > 2 && !rt_as_ssize(args[2], &whence)) ||
        (b = open_self(args[0])) == NULL)
        return VAL_NULL;
    if (whence == 0 && pos < 0)
        return rt_raisef(&rt_ValueError, "negative seek value %zd", pos);
    if (whence == 1)
        pos += (ssize_t)b->pos;
    else if (whence == 2)
        pos += (ssize_t)b->size;
    else if (whence != 0)
        return rt_raisef(&rt_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
    b->pos = pos < 0 ? 0 : (size_t)pos;
    return rt_int_from_i64((int64_t)b->pos);
}

static Value bytesio_tell(Value *args, size_t nargs, Value kw)
{
    BytesIO *b = self_open(args, nargs, "tell");
    return b == NULL ? VAL_NULL : rt_int_from_i64((int64_t)b->pos);
}

static Value bytesio_truncate(Value *args, size_t nargs, Value kw)
{
    BytesIO *b;
    ssize_t size = -1;
    bool given = nargs > 1 && args[1] != rt_None;
    /* 3.14 reads the size as an index, once it found the file open */
    if (!io_self(args, nargs, &io_bytesio_type, "truncate") ||
        !rt_arg_range("truncate", nargs - 1, 0, 1) ||
        (given && rt_py_minor < 14 && !io_size_arg(args, nargs, 1, &size)) ||
        (b = open_self(args[0])) == NULL || exported(b, args, nargs) ||
        (given && rt_py_minor >= 14 && !rt_as_ssize(args[1], &size)))
        return VAL_NULL;
    if (!given)
        size = (ssize_t)b->pos;
    if (size < 0)
        return rt_raisef(&rt_ValueError, "negative size value %zd", size);
    if ((size_t)size < b->size)
        b->size = (size_t)size;
    return rt_int_from_i64(size);
}

static Value bytesio_getvalue(Value *args, size_t nargs, Value kw)
{
    BytesIO *b = self_open(args, nargs, "getvalue");
    return b == NULL ? VAL_NULL : rt_bytes_new(b->buf, b->size);
}

static Value bytesio_true(Value *args, size_t nargs, Value kw)
{
    return self_open(args, nargs, "readable") == NULL ? VAL_NULL : rt_True;
}

static Value bytesio_flush(Value *args, size_t nargs, Value kw)
{
    return self_open(args, nargs, "flush") == NULL ? VAL_NULL : rt_None;
}

static Value bytesio_isatty(Value *args, size_t nargs, Value kw)
{
    return self_open(args, nargs, "isatty") == NULL ? VAL_NULL : rt_False;
}

static Value bytesio_close(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_bytesio_type, "close") || exported(BIO(args[0]), args, nargs))
        return VAL_NULL;
    BIO(args[0])->closed = IO_OBJ(args[0])->iobase_closed = true;
    return rt_None;
}

static Value bytesio_next(Value self)
{
    BytesIO *b = BIO(self);
    if (b->closed)
        return io_closed_error();
    if (val_type(self) != &io_bytesio_type)
        return io_iobase_type.next(self);
    ssize_t n = line_length(b, -1);
    return n == 0 ? VAL_NULL : take(b, n);
}

static Value bytesio_getstate(Value *args, size_t nargs, Value kw)
{
    BytesIO *b = self_open(args, nargs, "__getstate__");
    if (b == NULL)
        return VAL_NULL;
    Value d = IO_OBJ(args[0])->dict;
    return rt_tuple_pack(3, rt_bytes_new(b->buf, b->size), rt_int_from_i64((int64_t)b->pos),
                         d != VAL_NULL ? rt_dict_copy(d) : rt_None);
}

/* __setstate__((bytes, position, dict or None)), what __getstate__ gave. */
static Value bytesio_setstate(Value *args, size_t nargs, Value kw)
{
    BytesIO *b = self_open(args, nargs, "__setstate__");
    if (b == NULL || !rt_arg_range("__setstate__", nargs - 1, 1, 1))
        return VAL_NULL;
    Value st = args[1];
    if (!rt_isinstance_of(st, &rt_tuple_type) || rt_tuple_len(st) < 3)
        return rt_raisef(&rt_TypeError, "%s.__setstate__ argument should be 3-tuple, got %s",
                         val_type(args[0])->name, val_type(st)->name);
    if (exported(b, args, nargs))
        return VAL_NULL;
    b->size = b->pos = 0;
    RtBuffer v;
    if (rt_get_buffer(rt_tuple_get(st, 0), &v, RT_BUF_SIMPLE) < 0)
        return VAL_NULL;
    write_bytes(b, v.buf, (size_t)v.len);
    rt_release_buffer(&v);
    if (!io_setstate_position(rt_tuple_get(st, 1), "second item of state must be an integer, "
                              "not %s", &b->pos) ||
        !io_setstate_dict(args[0], rt_tuple_get(st, 2), "third"))
        return VAL_NULL;
    return rt_None;
}

/* ---- getbuffer(): a memoryview through an exporter of the stream's bytes ----------------- */

typedef struct BytesIOView {
    Object ob;
    Value stream;
} BytesIOView;

static int view_getbuffer(Value self, RtBuffer *view, int flags)
{
    BytesIO *b = BIO(VAL_AS(BytesIOView, self)->stream);
    reserve(b, 1);
    if (rt_buffer_fill(view, self, b->buf, (ssize_t)b->size, false, "B", 1, flags) < 0)
        return -1;
    if (flags & RT_BUF_LASTING)
        b->exports++;
    return 0;
}

static void view_releasebuffer(Value self, RtBuffer *view)
{
    if (view->flags & RT_BUF_LASTING)
        BIO(VAL_AS(BytesIOView, self)->stream)->exports--;
}

static ObjType view_type = {
    .ob.type = &rt_type_type, .name = "_io._BytesIOBuffer", .base = &rt_object_type,
    .getbuffer = view_getbuffer, .releasebuffer = view_releasebuffer,
};

static Value bytesio_getbuffer(Value *args, size_t nargs, Value kw)
{
    BytesIO *b = self_open(args, nargs, "getbuffer");
    if (b == NULL)
        return VAL_NULL;
    if (view_type.mro == VAL_NULL)
        rt_type_ready(&view_type, NULL);
    BytesIOView *v = gc_alloc(sizeof *v);
    v->ob.type = &view_type;
    v->stream = args[0];
    return rt_call1(obj_val(&rt_memoryview_type), obj_val(v));
}

static Value get_closed(Value self)
{
    return rt_bool(BIO(self)->closed);
}

static const GetSetDef bytesio_getsets[] = {
    {"closed", get_closed, 0, 0},
    {NULL, 0, 0, 0},
};

IO_NOARGS(bytesio_tell_noargs, bytesio_tell, "BytesIO", "tell")
IO_NOARGS(bytesio_getvalue_noargs, bytesio_getvalue, "BytesIO", "getvalue")
IO_NOARGS(bytesio_getbuffer_noargs, bytesio_getbuffer, "BytesIO", "getbuffer")
IO_NOARGS(bytesio_readable_noargs, bytesio_true, "BytesIO", "readable")
IO_NOARGS(bytesio_writable_noargs, bytesio_true, "BytesIO", "writable")
IO_NOARGS(bytesio_seekable_noargs, bytesio_true, "BytesIO", "seekable")
IO_NOARGS(bytesio_flush_noargs, bytesio_flush, "BytesIO", "flush")
IO_NOARGS(bytesio_isatty_noargs, bytesio_isatty, "BytesIO", "isatty")
IO_NOARGS(bytesio_close_noargs, bytesio_close, "BytesIO", "close")
IO_NOARGS(bytesio_getstate_noargs, bytesio_getstate, "BytesIO", "__getstate__")

/* CPython's object size, and its buffer's (a bytes object) once it has one. */
static Value bytesio_sizeof(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_bytesio_type, "__sizeof__") ||
        !io_noargs(args, nargs, kw, "BytesIO", "__sizeof__"))
        return VAL_NULL;
    size_t cap = BIO(args[0])->cap;
    return rt_int_from_i64((int64_t)(64 + (cap != 0 ? 33 + cap : 0)));
}

const MethodDef io_bytesio_methods[] = {
    {"__init__", bytesio_init}, {"read", bytesio_read}, {"read1", bytesio_read1},
    {"readline", bytesio_readline}, {"readlines", bytesio_readlines},
    {"readinto", bytesio_readinto}, {"write", bytesio_write},
    {"seek", bytesio_seek}, {"tell", bytesio_tell_noargs}, {"truncate", bytesio_truncate},
    {"getvalue", bytesio_getvalue_noargs}, {"getbuffer", bytesio_getbuffer_noargs},
    {"readable", bytesio_readable_noargs}, {"writable", bytesio_writable_noargs},
    {"seekable", bytesio_seekable_noargs},
    {"flush", bytesio_flush_noargs}, {"isatty", bytesio_isatty_noargs},
    {"close", bytesio_close_noargs},
    {"__getstate__", bytesio_getstate_noargs}, {"__setstate__", bytesio_setstate},
    {"__sizeof__", bytesio_sizeof},
    {NULL, NULL},
};

ObjType io_bytesio_type = {
    .ob.type = &rt_type_type, .name = "_io.BytesIO", .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .base = &io_bufferediobase_type, .dict_offset = offsetof(IoObject, dict),
    .instance_size = sizeof(BytesIO), .getsets = bytesio_getsets,
    .new_ = bytesio_new, .iter = rt_iter_self, .next = bytesio_next,
};
