/*
 * io_iobase.c — the abstract bases of `_io`: _IOBase, _RawIOBase,
 * _BufferedIOBase and _TextIOBase (CPython's Modules/_io/iobase.c and the
 * abstract parts of bufferedio.c and textio.c), and the helpers the other
 * io_*.c files share.
 *
 * The bases implement what can be built from other methods, and call those
 * by attribute lookup, so a class written in Python that supplies the
 * primitives gets the rest:
 *
 *   _IOBase          close/closed/flush, the with-statement, iteration by
 *                    lines, readline (over read or peek), readlines,
 *                    writelines; seek/tell/truncate/fileno raise
 *                    UnsupportedOperation; readable/writable/seekable False
 *   _RawIOBase       read(n) over readinto, readall over read
 *   _BufferedIOBase  readinto over read; the rest UnsupportedOperation
 *   _TextIOBase      UnsupportedOperation; encoding/newlines/errors None
 */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include "modules/io.h"
#include "runtime/version.h"
#include "runtime/buffer.h"

/* ---- helpers shared by the io files ---------------------------------------------------- */

Value io_unsupported(const char *msg)
{
    return rt_raisef(io_unsupported_type(), "%s", msg);
}

Value io_closed_error(void)
{
    return rt_raisef(&rt_ValueError, "I/O operation on closed file.");
}

Value io_oserror(int err, Value filename)
{
    Value args[3] = { small_new(err), rt_str_from_cstr(strerror(err)), filename };
    Value exc = rt_call(obj_val(&rt_OSError), args, filename == VAL_NULL ? 2 : 3, VAL_NULL);
    return exc == VAL_NULL ? VAL_NULL : rt_raise(exc);
}

Value io_call(Value obj, const char *name, size_t nargs, ...)
{
    Value args[4];
    va_list ap;
    va_start(ap, nargs);
    for (size_t i = 0; i < nargs && i < 4; i++)
        args[i] = va_arg(ap, Value);
    va_end(ap);
    return mod_call_method(obj, name, args, nargs);
}

int io_is_closed(Value obj)
{
    /* pvm's own FileIO and buffered objects (not subclasses, which may
     * define `closed`) answer without a lookup: a text file asks at every
     * line it reads. */
    if (IS_EXACT(obj, io_fileio_type))
        return io_fileio_fd(obj) < 0;
    Value raw = io_buffered_raw(obj);
    if (raw != VAL_NULL)
        return io_is_closed(raw);
    static Value closed;
    if (closed == VAL_NULL)
        closed = rt_str_intern_cstr("closed");
    Value c = rt_getattr(obj, closed);
    return c == VAL_NULL ? -1 : rt_truthy(c);
}

bool io_check_closed(Value obj)
{
    int c = io_is_closed(obj);
    if (c > 0)
        io_closed_error();
    return c == 0;
}

bool io_size_arg(Value *args, size_t nargs, size_t i, ssize_t *out)
{
    *out = -1;
    if (nargs <= i || args[i] == rt_None)
        return true;
    if (!is_int(args[i]) && mod_lookup_special(args[i], "__index__") == VAL_NULL) {
        rt_raisef(&rt_TypeError, "argument should be integer or None, not '%T'", args[i]);
        return false;
    }
    return rt_as_ssize(args[i], out);
}

bool io_self(Value *args, size_t nargs, ObjType *t, const char *name)
{
    if (nargs >= 1 && rt_isinstance_of(args[0], t))
        return true;
    if (nargs == 0)
        rt_raisef(&rt_TypeError, "descriptor '%s' of '%s' object needs an argument", name,
                  t->name);
    else
        rt_raisef(&rt_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' "
                  "object", name, t->name, args[0]);
    return false;
}

/* "BytesIO.tell" for io_noargs and io_onearg into full. */
static void method_name(char *full, size_t size, Value self, const char *cls, const char *meth)
{
    if (cls == NULL) {
        ObjType *t = val_type(self);
        while (rt_is_heaptype(t))
            t = t->base;
        const char *dot = strrchr(t->name, '.');
        cls = dot != NULL ? dot + 1 : t->name;
    }
    snprintf(full, size, "%s.%s", cls, meth);
}

/* The methods 3.12 declares with Argument Clinic and defining_class, whose
 * messages say neither the class nor the count ("fileno() takes no
 * arguments", "write() takes at most 1 argument (3 given)"). */
static bool clinic_312(const char *cls, const char *meth)
{
    if (rt_py_minor < 12 || cls == NULL)
        return false;
    char full[64];
    snprintf(full, sizeof full, " %s.%s ", cls, meth);
    return strstr(" _IOBase.fileno _BufferedIOBase.detach _TextIOBase.detach BytesIO.getbuffer "
                  "FileIO.close FileIO.write FileIO.readinto _BufferedIOBase.write "
                  "_TextIOBase.write ", full) != NULL;
}

bool io_noargs(Value *args, size_t nargs, Value kw, const char *cls, const char *meth)
{
    if (nargs <= 1 && kw == VAL_NULL)
        return true;
    if (clinic_312(cls, meth)) {    /* 3.12 lets keywords through, 3.13 not */
        if (nargs - rt_nkwargs(kw) <= 1 && rt_py_minor < 13)
            return true;
        rt_raisef(&rt_TypeError, "%s() takes no arguments", meth);
        return false;
    }
    char full[64];
    method_name(full, sizeof full, args[0], cls, meth);
    return rt_arg_none(full, nargs - 1, kw);
}

bool io_nokw(Value *args, Value kw, const char *cls, const char *meth)
{
    if (kw == VAL_NULL)
        return true;
    char full[64];
    method_name(full, sizeof full, args[0], cls, meth);
    return rt_arg_nokw(full, kw);
}

bool io_onearg(Value *args, size_t nargs, Value kw, const char *cls, const char *meth)
{
    if (nargs == 2 && kw == VAL_NULL)
        return true;
    if (clinic_312(cls, meth)) {
        if (nargs > 2)
            rt_raisef(&rt_TypeError, "%s() takes at most 1 argument (%zu given)", meth, nargs - 1);
        else
            rt_raisef(&rt_TypeError, "%s() takes exactly 1 positional argument (%zu given)", meth,
                      nargs - 1 - rt_nkwargs(kw));
        return false;
    }
    char full[64];
    method_name(full, sizeof full, args[0], cls, meth);
    return rt_arg_one(full, nargs - 1, kw);
}

bool io_rw_buffer(Value obj, RtBuffer *v, const char *fname, const char *cls)
{
    if (rt_get_buffer(obj, v, RT_BUF_WRITABLE) == 0)
        return true;
    if (rt_err_matches(&rt_TypeError) || rt_err_matches(&rt_BufferError)) {
        rt_err_clear();
        rt_raisef(&rt_TypeError, "%s() argument %smust be read-write bytes-like object, not %T",
                  fname, clinic_312(cls, fname) ? "1 " : "", obj);
    }
    return false;
}

Value io_construct(ObjType *type, size_t size, NativeFunc init, Value *args, size_t nargs)
{
    Value all[8];
    all[0] = obj_val(rt_alloc_instance(type, size));
    memcpy(all + 1, args, nargs * sizeof(Value));
    return init(all, nargs + 1, VAL_NULL) == VAL_NULL ? VAL_NULL : all[0];
}

Value io_new(ObjType *type, size_t size, NativeFunc init, Value *args, size_t nargs,
             Value kwnames)
{
    IoObject *o = rt_alloc_instance(type, size);
    if (rt_is_heaptype(type) || (type->flags & TF_SPLIT_INIT))
        return obj_val(o);
    Value all[12];
    if (nargs + rt_nkwargs(kwnames) > 10)
        return rt_raisef(&rt_TypeError, "%s() takes at most 10 arguments", type->name);
    all[0] = obj_val(o);
    memcpy(all + 1, args, (nargs + rt_nkwargs(kwnames)) * sizeof(Value));
    return init(all, nargs + 1, kwnames) == VAL_NULL ? VAL_NULL : obj_val(o);
}

Value io_as_bytes(Value v)
{
    RtBuffer view;
    if (rt_get_buffer(v, &view, RT_BUF_SIMPLE) < 0)
        return VAL_NULL;
    Value b = rt_bytes_new(view.buf, (size_t)view.len);
    rt_release_buffer(&view);
    return b;
}

bool io_setstate_position(Value pos, const char *fmt, size_t *out)
{
    if (!rt_isinstance_of(pos, &rt_int_type)) {
        rt_raisef(&rt_TypeError, fmt, val_type(pos)->name);
        return false;
    }
    ssize_t p;
    if (!rt_as_ssize(pos, &p))
        return false;
    if (p < 0) {
        rt_raisef(&rt_ValueError, "position value cannot be negative");
        return false;
    }
    *out = (size_t)p;
    return true;
}

bool io_setstate_dict(Value self, Value d, const char *item)
{
    if (d == rt_None)
        return true;
    if (!rt_isinstance_of(d, &rt_dict_type)) {
        rt_raisef(&rt_TypeError, "%s item of state should be a dict, got a %s", item,
                  val_type(d)->name);
        return false;
    }
    Value *mine = &IO_OBJ(self)->dict;
    if (*mine != VAL_NULL)
        return rt_dict_update(*mine, d);
    *mine = d;                          /* the state's own dict, as CPython keeps it */
    return true;
}

Value io_close_after(Value closed, Value earlier)
{
    if (earlier == VAL_NULL)
        return closed;
    if (closed != VAL_NULL)
        return rt_raise(earlier);
    Value exc = rt_err_fetch();
    rt_exc_set_context(exc, earlier);
    return rt_raise(exc);
}

Value io_flush_then_close(Value self, Value inner)
{
    Value f = io_call(self, "flush", 0);
    Value exc = f == VAL_NULL ? rt_err_fetch() : VAL_NULL;
    return io_close_after(io_call(inner, "close", 0), exc);
}

bool io_repr_attr(StrBuf *sb, Value self, const char *label, const char *attr)
{
    Value v = rt_lookup_attr(self, rt_str_intern_cstr(attr));
    if (v == VAL_NULL) {
        if (rt_err_occurred() && !rt_err_matches(&rt_ValueError) &&
            !rt_err_matches(&rt_AttributeError))
            return false;
        rt_err_clear();
        return true;
    }
    sb_adds(sb, " ");
    sb_adds(sb, label);
    sb_adds(sb, "=");
    return sb_add_value_repr(sb, v);
}

/* ---- _IOBase ------------------------------------------------------------------------------- */

/* A method of cls that only says it is unsupported (it takes *args). */
static Value unsupported_method(const char *cls, const char *name, Value *args, size_t nargs,
                                Value kw)
{
    if (!io_self(args, nargs, &io_iobase_type, name))
        return VAL_NULL;
    if (clinic_312(cls, name)) {
        if (strcmp(name, "write") == 0) {   /* write(b, /): the argument checked first */
            if (!io_onearg(args, nargs, kw, cls, name))
                return VAL_NULL;
            if (strcmp(cls, "_TextIOBase") == 0 && !rt_is_str(args[1]))
                return rt_raisef(&rt_TypeError, "write() argument 1 must be str, not %N", args[1]);
        }
    } else if (!io_nokw(args, kw, cls, name))
        return VAL_NULL;
    return io_unsupported(name);
}

static Value iobase_seek(Value *args, size_t nargs, Value kw) { return unsupported_method("_IOBase", "seek", args, nargs, kw); }
static Value iobase_truncate(Value *args, size_t nargs, Value kw) { return unsupported_method("_IOBase", "truncate", args, nargs, kw); }
static Value iobase_fileno(Value *args, size_t nargs, Value kw) { return unsupported_method("_IOBase", "fileno", args, nargs, kw); }

static Value iobase_tell(Value *args, size_t nargs, Value kw)
{
    return io_call(args[0], "seek", 2, small_new(0), small_new(1));
}

static Value iobase_false(Value *args, size_t nargs, Value kw)
{
    return rt_False;
}

static Value iobase_flush(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_iobase_type, "flush"))
        return VAL_NULL;
    return IO_OBJ(args[0])->iobase_closed ? io_closed_error() : rt_None;
}

Value io_iobase_close(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_iobase_type, "close"))
        return VAL_NULL;
    IoObject *o = IO_OBJ(args[0]);
    if (o->iobase_closed)
        return rt_None;
    Value r = io_call(args[0], "flush", 0);
    o->iobase_closed = true;
    return r == VAL_NULL ? VAL_NULL : rt_None;
}

const MemberDef io_finalizing_members[] = {
    {"_finalizing", offsetof(IoObject, finalizing), RT_MEMBER_BOOL, RT_WRITABLE, 0},
    {NULL, 0, 0, 0, 0},
};

void io_dealloc_warn(Value inner, Value source)
{
    if (io_call(inner, "_dealloc_warn", 1, source) == VAL_NULL)
        rt_err_clear();
}

/* _IOBase.__del__ (CPython's iobase_finalize): an open stream is closed
 * when it is collected (runtime/finalize.h), so what a writer buffered is
 * written, telling close() through _finalizing that the file was left open
 * (the ResourceWarning); a failure is silent, as CPython's is outside its
 * dev mode. */
static Value iobase_del(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_iobase_type, "__del__"))
        return VAL_NULL;
    Value closed = rt_getattr_cstr(args[0], "closed");
    int truth = closed == VAL_NULL ? -1 : rt_truthy(closed);
    if (truth == 0 && rt_setattr(args[0], RT_NAME("_finalizing"), rt_True) < 0)
        rt_err_clear();
    if (truth == 0 && io_call(args[0], "close", 0) == VAL_NULL)
        truth = -1;
    if (truth < 0)
        rt_err_clear();
    return rt_None;
}

static Value iobase_isatty(Value *args, size_t nargs, Value kw)
{
    return io_check_closed(args[0]) ? rt_False : VAL_NULL;
}

Value io_iobase_enter(Value *args, size_t nargs, Value kw)
{
    return io_check_closed(args[0]) ? args[0] : VAL_NULL;
}

Value io_iobase_exit(Value *args, size_t nargs, Value kw)
{
    return io_call(args[0], "close", 0);
}

static Value check_closed_method(Value *args, size_t nargs, Value kw)
{
    return io_check_closed(args[0]) ? rt_None : VAL_NULL;
}

/* _checkReadable & co.: self.readable() must be true, else
 * UnsupportedOperation "File or stream is not readable." */
Value io_check_ability(Value self, const char *method, const char *what)
{
    Value r = io_call(self, method, 0);
    if (r == VAL_NULL)
        return VAL_NULL;
    if (r != rt_True)
        return rt_raisef(io_unsupported_type(), "File or stream is not %s.", what);
    return r;
}

static Value check_readable(Value *args, size_t nargs, Value kw) { return io_check_ability(args[0], "readable", "readable"); }
static Value check_writable(Value *args, size_t nargs, Value kw) { return io_check_ability(args[0], "writable", "writable"); }
static Value check_seekable(Value *args, size_t nargs, Value kw) { return io_check_ability(args[0], "seekable", "seekable"); }

/* readline(size=-1): byte by byte through read(1), or in pieces up to the
 * newline through peek() when the object has one. */
static Value iobase_readline(Value *args, size_t nargs, Value kw)
{
    ssize_t limit;
    if (!rt_arg_range("readline", nargs - 1, 0, 1) || !io_size_arg(args, nargs, 1, &limit))
        return VAL_NULL;
    Value self = args[0];
    Value peek = rt_lookup_attr(self, RT_NAME("peek"));
    if (peek == VAL_NULL && rt_err_occurred())
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    while (limit < 0 || (ssize_t)sb.len < limit) {
        ssize_t want = 1;
        if (peek != VAL_NULL) {
            Value ahead = rt_call1(peek, small_new(1));
            if (ahead == VAL_NULL)
                return VAL_NULL;
            RtBuffer v;
            if (rt_get_buffer(ahead, &v, RT_BUF_SIMPLE) < 0)
                return rt_raisef(&rt_OSError, "peek() should have returned a bytes object, "
                                 "not '%T'", ahead);
            const char *nl = v.len > 0 ? memchr(v.buf, '\n', (size_t)v.len) : NULL;
            want = nl != NULL ? nl - (const char *)v.buf + 1 : v.len;
            if (want < 1)
                want = 1;
            if (limit >= 0 && want > limit - (ssize_t)sb.len)
                want = limit - (ssize_t)sb.len;
            rt_release_buffer(&v);
        }
        Value b = io_call(self, "read", 1, small_new(want));
        if (b == VAL_NULL)
            return VAL_NULL;
        if (b == rt_None)
            break;
        if (!rt_isinstance_of(b, &rt_bytes_type))
            return rt_raisef(&rt_OSError, "read() should have returned a bytes object, not '%T'", b);
        ObjBytes *bb = AS_BYTES(b);
        if (bb->length == 0)
            break;
        sb_add(&sb, (const char *)bb->data, bb->length);
        if (bb->data[bb->length - 1] == '\n')
            break;
    }
    return rt_bytes_new((const unsigned char *)sb.data, sb.len);
}

static Value iobase_iter(Value self)
{
    return io_check_closed(self) ? self : VAL_NULL;
}

static Value iobase_next(Value self)
{
    Value line = io_call(self, "readline", 0);
    if (line == VAL_NULL)
        return VAL_NULL;
    ssize_t n = rt_len(line);
    return n < 0 ? VAL_NULL : n == 0 ? VAL_NULL : line;
}

/* readlines(hint=-1): lines until their total size passes hint. */
static Value iobase_readlines(Value *args, size_t nargs, Value kw)
{
    ssize_t hint;
    if (!rt_arg_range("readlines", nargs - 1, 0, 1) || !io_size_arg(args, nargs, 1, &hint))
        return VAL_NULL;
    Value list = rt_list_new(0), it = rt_iter(args[0]);
    if (it == VAL_NULL)
        return VAL_NULL;
    ssize_t total = 0;
    Value line;
    while ((line = rt_next(it)) != VAL_NULL) {
        rt_list_append(list, line);
        ssize_t n = rt_len(line);
        if (n < 0)
            return VAL_NULL;
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    return rt_err_occurred() ? VAL_NULL : list;
}

static Value iobase_writelines(Value *args, size_t nargs, Value kw)
{
    const char *cls = rt_isinstance_of(args[0], &io_bytesio_type) ? "BytesIO" : "_IOBase";
    if (!io_onearg(args, nargs, kw, cls, "writelines") || !io_check_closed(args[0]))
        return VAL_NULL;
    Value it = rt_iter(args[1]);
    if (it == VAL_NULL)
        return VAL_NULL;
    Value line;
    while ((line = rt_next(it)) != VAL_NULL)
        if (io_call(args[0], "write", 1, line) == VAL_NULL)
            return VAL_NULL;
    return rt_err_occurred() ? VAL_NULL : rt_None;
}

static Value iobase_get_closed(Value self)
{
    return rt_bool(IO_OBJ(self)->iobase_closed);
}

static Value iobase_dict(Value self)
{
    IoObject *o = IO_OBJ(self);
    if (o->dict == VAL_NULL)
        o->dict = rt_dict_new();
    return o->dict;
}

static const GetSetDef iobase_getsets[] = {
    {"closed", iobase_get_closed, 0, 0},
    {"__dict__", iobase_dict, 0, 0},
    {NULL, 0, 0, 0},
};

IO_NOARGS(iobase_tell_noargs, iobase_tell, "_IOBase", "tell")
IO_NOARGS(iobase_flush_noargs, iobase_flush, "_IOBase", "flush")
IO_NOARGS(iobase_close_noargs, io_iobase_close, "_IOBase", "close")
IO_NOARGS(iobase_seekable_noargs, iobase_false, "_IOBase", "seekable")
IO_NOARGS(iobase_readable_noargs, iobase_false, "_IOBase", "readable")
IO_NOARGS(iobase_writable_noargs, iobase_false, "_IOBase", "writable")
IO_NOARGS(iobase_checkclosed_noargs, check_closed_method, "_IOBase", "_checkClosed")
IO_NOARGS(iobase_checkseekable_noargs, check_seekable, "_IOBase", "_checkSeekable")
IO_NOARGS(iobase_checkreadable_noargs, check_readable, "_IOBase", "_checkReadable")
IO_NOARGS(iobase_checkwritable_noargs, check_writable, "_IOBase", "_checkWritable")
IO_NOARGS(iobase_fileno_noargs, iobase_fileno, "_IOBase", "fileno")
IO_NOARGS(iobase_isatty_noargs, iobase_isatty, "_IOBase", "isatty")
IO_NOARGS(iobase_enter_noargs, io_iobase_enter, "_IOBase", "__enter__")

const MethodDef io_iobase_methods[] = {
    {"seek", iobase_seek}, {"tell", iobase_tell_noargs}, {"truncate", iobase_truncate},
    {"flush", iobase_flush_noargs}, {"close", iobase_close_noargs},
    {"seekable", iobase_seekable_noargs},
    {"readable", iobase_readable_noargs}, {"writable", iobase_writable_noargs},
    {"_checkClosed", iobase_checkclosed_noargs},
    {"_checkSeekable", iobase_checkseekable_noargs},
    {"_checkReadable", iobase_checkreadable_noargs},
    {"_checkWritable", iobase_checkwritable_noargs}, {"fileno", iobase_fileno_noargs},
    {"isatty", iobase_isatty_noargs},
    {"__enter__", iobase_enter_noargs}, {"__exit__", io_iobase_exit}, {"readline", iobase_readline},
    {"readlines", iobase_readlines}, {"writelines", iobase_writelines}, {"__del__", iobase_del},
    {NULL, NULL},
};

ObjType io_iobase_type = {
    .ob.type = &rt_type_type, .name = "_io._IOBase", .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .base = &rt_object_type, .dict_offset = offsetof(IoObject, dict),
    .instance_size = sizeof(IoObject), .getsets = iobase_getsets,
    .iter = iobase_iter, .next = iobase_next,
};

static Value iobase_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    return obj_val(rt_alloc_instance(type, sizeof(IoObject)));
}

/* ---- _RawIOBase ----------------------------------------------------------------------------- */

/* read(size=-1): readinto a fresh buffer of that size; readall() for -1. */
static Value rawiobase_read(Value *args, size_t nargs, Value kw)
{
    ssize_t n;
    if (!io_nokw(args, kw, "_RawIOBase", "read") || !rt_arg_range("read", nargs - 1, 0, 1) ||
        !io_size_arg(args, nargs, 1, &n))
        return VAL_NULL;
    if (n < 0)
        return io_call(args[0], "readall", 0);
    Value ba = rt_bytearray_new(NULL, 0);
    ObjByteArray *b = VAL_AS(ObjByteArray, ba);
    b->data = gc_alloc_atomic((size_t)n + 1);
    b->length = b->capacity = (size_t)n;
    memset(b->data, 0, (size_t)n);
    Value got = io_call(args[0], "readinto", 1, ba);
    if (got == VAL_NULL || got == rt_None)
        return got;
    ssize_t k;
    if (!rt_as_ssize(got, &k))
        return VAL_NULL;
    if (k < 0 || k > n)
        return rt_raisef(&rt_ValueError, "readinto returned %zd outside buffer size %zd", k, n);
    return rt_bytes_new(b->data, (size_t)k);
}

static Value rawiobase_readall(Value *args, size_t nargs, Value kw)
{
    StrBuf sb;
    sb_init(&sb);
    for (;;) {
        Value b = io_call(args[0], "read", 1, small_new(IO_DEFAULT_BUFFER_SIZE));
        if (b == VAL_NULL)
            return VAL_NULL;
        if (b == rt_None) {
            if (sb.len == 0)
                return rt_None;
            break;
        }
        if (!rt_isinstance_of(b, &rt_bytes_type))
            return rt_raisef(&rt_TypeError, "read() should return bytes");
        if (AS_BYTES(b)->length == 0)
            break;
        sb_add(&sb, (const char *)AS_BYTES(b)->data, AS_BYTES(b)->length);
    }
    return rt_bytes_new((const unsigned char *)sb.data, sb.len);
}

static Value not_implemented(Value *args, size_t nargs, Value kw, const char *name)
{
    if (nargs >= 1 && !io_nokw(args, kw, "_RawIOBase", name))
        return VAL_NULL;
    return rt_raisef(&rt_NotImplementedError, "");
}

static Value rawiobase_readinto(Value *args, size_t nargs, Value kw) { return not_implemented(args, nargs, kw, "readinto"); }
static Value rawiobase_write(Value *args, size_t nargs, Value kw) { return not_implemented(args, nargs, kw, "write"); }

IO_NOARGS(rawiobase_readall_noargs, rawiobase_readall, "_RawIOBase", "readall")

const MethodDef io_rawiobase_methods[] = {
    {"read", rawiobase_read}, {"readall", rawiobase_readall_noargs},
    {"readinto", rawiobase_readinto}, {"write", rawiobase_write},
    {NULL, NULL},
};

ObjType io_rawiobase_type = {
    .ob.type = &rt_type_type, .name = "_io._RawIOBase", .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .base = &io_iobase_type, .dict_offset = offsetof(IoObject, dict),
    .instance_size = sizeof(IoObject),
};

/* ---- _BufferedIOBase ------------------------------------------------------------------------ */

static Value bufiobase_read(Value *args, size_t nargs, Value kw) { return unsupported_method("_BufferedIOBase", "read", args, nargs, kw); }
static Value bufiobase_read1(Value *args, size_t nargs, Value kw) { return unsupported_method("_BufferedIOBase", "read1", args, nargs, kw); }
static Value bufiobase_write(Value *args, size_t nargs, Value kw) { return unsupported_method("_BufferedIOBase", "write", args, nargs, kw); }
static Value bufiobase_detach(Value *args, size_t nargs, Value kw) { return unsupported_method("_BufferedIOBase", "detach", args, nargs, kw); }

/* readinto(b) / readinto1(b): read(len(b)) (or read1) copied into b. */
static Value readinto_generic(Value *args, size_t nargs, Value kw, const char *method)
{
    const char *name = strcmp(method, "read1") == 0 ? "readinto1" : "readinto";
    RtBuffer v;
    if (!io_onearg(args, nargs, kw, "_BufferedIOBase", name) || !io_rw_buffer(args[1], &v, name, "_BufferedIOBase"))
        return VAL_NULL;
    Value data = io_call(args[0], method, 1, small_new(v.len));
    if (data == VAL_NULL) {
        rt_release_buffer(&v);
        return VAL_NULL;
    }
    if (!rt_isinstance_of(data, &rt_bytes_type)) {
        rt_release_buffer(&v);
        return rt_raisef(&rt_TypeError, "read() should return bytes");
    }
    size_t n = AS_BYTES(data)->length;
    if ((ssize_t)n > v.len) {
        rt_release_buffer(&v);
        return rt_raisef(&rt_ValueError, "read() returned too much data: %zd bytes requested, "
                         "%zu returned", v.len, n);
    }
    memcpy(v.buf, AS_BYTES(data)->data, n);
    rt_release_buffer(&v);
    return small_new((intptr_t)n);
}

static Value bufiobase_readinto(Value *args, size_t nargs, Value kw) { return readinto_generic(args, nargs, kw, "read"); }
static Value bufiobase_readinto1(Value *args, size_t nargs, Value kw) { return readinto_generic(args, nargs, kw, "read1"); }

IO_NOARGS(bufiobase_detach_noargs, bufiobase_detach, "_BufferedIOBase", "detach")

const MethodDef io_bufferediobase_methods[] = {
    {"read", bufiobase_read}, {"read1", bufiobase_read1}, {"readinto", bufiobase_readinto},
    {"readinto1", bufiobase_readinto1}, {"write", bufiobase_write},
    {"detach", bufiobase_detach_noargs},
    {NULL, NULL},
};

ObjType io_bufferediobase_type = {
    .ob.type = &rt_type_type, .name = "_io._BufferedIOBase",
    .flags = TF_BASETYPE | TF_WEAKREFABLE, .base = &io_iobase_type,
    .dict_offset = offsetof(IoObject, dict), .instance_size = sizeof(IoObject),
};

/* ---- _TextIOBase ---------------------------------------------------------------------------- */

static Value textiobase_read(Value *args, size_t nargs, Value kw) { return unsupported_method("_TextIOBase", "read", args, nargs, kw); }
static Value textiobase_readline(Value *args, size_t nargs, Value kw) { return unsupported_method("_TextIOBase", "readline", args, nargs, kw); }
static Value textiobase_write(Value *args, size_t nargs, Value kw) { return unsupported_method("_TextIOBase", "write", args, nargs, kw); }
static Value textiobase_detach(Value *args, size_t nargs, Value kw) { return unsupported_method("_TextIOBase", "detach", args, nargs, kw); }

static Value get_none(Value self)
{
    return rt_None;
}

static const GetSetDef textiobase_getsets[] = {
    {"encoding", get_none, 0, 0}, {"newlines", get_none, 0, 0}, {"errors", get_none, 0, 0},
    {NULL, 0, 0, 0},
};

IO_NOARGS(textiobase_detach_noargs, textiobase_detach, "_TextIOBase", "detach")

const MethodDef io_textiobase_methods[] = {
    {"read", textiobase_read}, {"readline", textiobase_readline},
    {"write", textiobase_write}, {"detach", textiobase_detach_noargs},
    {NULL, NULL},
};

ObjType io_textiobase_type = {
    .ob.type = &rt_type_type, .name = "_io._TextIOBase", .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .base = &io_iobase_type, .dict_offset = offsetof(IoObject, dict),
    .instance_size = sizeof(IoObject), .getsets = textiobase_getsets,
};

/* ---- readying the module's types ------------------------------------------------------------ */

/* io.UnsupportedOperation = type('UnsupportedOperation', (OSError, ValueError), {}),
 * made as CPython's _io module makes it, with __module__ 'io' — on first
 * need (importing _io, or an unsupported operation), not at start-up:
 * creating a class costs ~150,000 instructions, a tenth of `pvm hello.pyc`. */
ObjType *io_unsupported_type(void)
{
    static ObjType *unsupported;
    if (unsupported != NULL)
        return unsupported;
    Value ns = rt_dict_new();
    rt_dict_set_cstr(ns, "__module__", rt_str_from_cstr("io"));
    Value args[3] = { rt_str_from_cstr("UnsupportedOperation"),
                      rt_tuple_pack(2, obj_val(&rt_OSError), obj_val(&rt_ValueError)), ns };
    Value t = rt_call(obj_val(&rt_type_type), args, 3, VAL_NULL);
    unsupported = t == VAL_NULL ? &rt_OSError : AS_TYPE(t);
    return unsupported;
}

static void make_unsupported(void)
{
    io_unsupported_type();
}

void io_types_ready(void)
{
    static bool ready;
    if (ready)
        return;
    ready = true;
    static const struct { ObjType *type; const MethodDef *methods; } all[] = {
        { &io_iobase_type, io_iobase_methods },
        { &io_rawiobase_type, io_rawiobase_methods },
        { &io_bufferediobase_type, io_bufferediobase_methods },
        { &io_textiobase_type, io_textiobase_methods },
        { &io_fileio_type, io_fileio_methods },
        { &io_bytesio_type, io_bytesio_methods },
        { &io_stringio_type, io_stringio_methods },
        { &io_bufferedreader_type, io_buffered_methods },
        { &io_bufferedwriter_type, io_buffered_methods },
        { &io_bufferedrandom_type, io_buffered_methods },
        { &io_bufferedrwpair_type, io_bufferedrwpair_methods },
        { &io_textiowrapper_type, io_textiowrapper_methods },
        { &io_nldecoder_type, io_nldecoder_methods },
    };
    io_iobase_type.new_ = iobase_new;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        rt_type_ready(all[i].type, all[i].methods);
    io_buffered_ready();
    rt_defer_class(make_unsupported);
}
