/*
 * io.c — the io module: StringIO (an in-memory text stream: write,
 * getvalue, read, readline, readlines, seek, tell, iteration by lines,
 * close, and the with-statement's __enter__/__exit__), and open().
 *
 * The text is kept as a list of code points' worth of str pieces joined on
 * demand; positions count code points, as CPython's StringIO does.
 */
#include <string.h>
#include "modules/modutil.h"
#include "modules/api.h"

typedef struct { Object ob; Value buf; size_t pos; bool closed; Value dict; } ObjStringIO;
static ObjType stringio_type;
#define SIO(v) VAL_AS(ObjStringIO, v)

static bool check_open(ObjStringIO *s)
{
    if (!s->closed)
        return true;
    rt_raisef(&rt_ValueError, "I/O operation on closed file");
    return false;
}

static Value sio_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "initial_value", "newline" };
    static const ArgSpec spec = { "StringIO", names, 2, 0, 0, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    ObjStringIO *s = rt_alloc_instance(t, sizeof *s);
    s->ob.type = t;
    s->buf = rt_str_empty();
    if (a[0] != VAL_NULL && a[0] != rt_None) {
        if (!rt_is_str(a[0]))
            return rt_raisef(&rt_TypeError, "initial_value must be str or None, not %T", a[0]);
        s->buf = a[0];
    }
    return obj_val(s);
}

static Value sio_write(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("write", nargs - 1, kw))
        return VAL_NULL;
    ObjStringIO *s = SIO(args[0]);
    if (!check_open(s))
        return VAL_NULL;
    Value text = args[1];
    if (!rt_is_str(text))
        return rt_raisef(&rt_TypeError, "string argument expected, got '%s'", val_type(text)->name);
    size_t len = AS_STR(s->buf)->length, n = AS_STR(text)->length;
    if (s->pos == len) {
        s->buf = rt_str_concat(s->buf, text);
    } else {
        Value head = s->pos <= len ? rt_str_substr(s->buf, 0, s->pos) : s->buf;
        if (s->pos > len) {     /* pad with NULs, as CPython does */
            StrBuf sb;
            sb_init(&sb);
            for (size_t i = len; i < s->pos; i++)
                sb_addc(&sb, '\0');
            head = rt_str_concat(head, sb_finish(&sb));
        }
        Value tail = s->pos + n < len ? rt_str_substr(s->buf, s->pos + n, len) : rt_str_empty();
        s->buf = rt_str_concat(rt_str_concat(head, text), tail);
    }
    s->pos += n;
    return small_new((intptr_t)n);
}

static Value sio_getvalue(Value *args, size_t nargs, Value kw)
{
    return check_open(SIO(args[0])) ? SIO(args[0])->buf : VAL_NULL;
}

static Value sio_read(Value *args, size_t nargs, Value kw)
{
    ObjStringIO *s = SIO(args[0]);
    if (!check_open(s) || !rt_arg_range("read", nargs - 1, 0, 1))
        return VAL_NULL;
    ssize_t n = -1;
    if (nargs > 1 && args[1] != rt_None && !rt_as_ssize(args[1], &n))
        return VAL_NULL;
    size_t len = AS_STR(s->buf)->length;
    if (s->pos >= len)
        return rt_str_empty();
    size_t end = n < 0 || s->pos + (size_t)n > len ? len : s->pos + (size_t)n;
    Value r = rt_str_substr(s->buf, s->pos, end);
    s->pos = end;
    return r;
}

static Value readline(ObjStringIO *s, ssize_t limit)
{
    size_t len = AS_STR(s->buf)->length, end = s->pos;
    if (s->pos >= len)
        return rt_str_empty();
    while (end < len && (limit < 0 || end - s->pos < (size_t)limit)) {
        if (rt_str_char_at(s->buf, end++) == '\n')
            break;
    }
    Value r = rt_str_substr(s->buf, s->pos, end);
    s->pos = end;
    return r;
}

static Value sio_readline(Value *args, size_t nargs, Value kw)
{
    ObjStringIO *s = SIO(args[0]);
    ssize_t n = -1;
    if (!check_open(s) || (nargs > 1 && args[1] != rt_None && !rt_as_ssize(args[1], &n)))
        return VAL_NULL;
    return readline(s, n);
}

static Value sio_readlines(Value *args, size_t nargs, Value kw)
{
    ObjStringIO *s = SIO(args[0]);
    if (!check_open(s))
        return VAL_NULL;
    Value out = rt_list_new(0);
    for (;;) {
        Value line = readline(s, -1);
        if (AS_STR(line)->length == 0)
            return out;
        rt_list_append(out, line);
    }
}

static Value sio_seek(Value *args, size_t nargs, Value kw)
{
    ObjStringIO *s = SIO(args[0]);
    if (!check_open(s) || !rt_arg_range("seek", nargs - 1, 1, 2))
        return VAL_NULL;
    ssize_t pos, whence = 0;
    if (!rt_as_ssize(args[1], &pos) || (nargs > 2 && !rt_as_ssize(args[2], &whence)))
        return VAL_NULL;
    if (whence == 0) {
        if (pos < 0)
            return rt_raisef(&rt_ValueError, "Negative seek position %zd", pos);
        s->pos = (size_t)pos;
    } else if (whence == 1 || whence == 2) {
        if (pos != 0)
            return rt_raisef(&rt_OSError, "Can't do nonzero cur-relative seeks");
        if (whence == 2)
            s->pos = AS_STR(s->buf)->length;
    } else {
        return rt_raisef(&rt_ValueError, "Invalid whence (%zd, should be 0, 1 or 2)", whence);
    }
    return small_new((intptr_t)s->pos);
}

static Value sio_tell(Value *args, size_t nargs, Value kw)
{
    return check_open(SIO(args[0])) ? small_new((intptr_t)SIO(args[0])->pos) : VAL_NULL;
}

static Value sio_truncate(Value *args, size_t nargs, Value kw)
{
    ObjStringIO *s = SIO(args[0]);
    ssize_t size = (ssize_t)s->pos;
    if (!check_open(s) || (nargs > 1 && args[1] != rt_None && !rt_as_ssize(args[1], &size)))
        return VAL_NULL;
    if ((size_t)size < AS_STR(s->buf)->length)
        s->buf = rt_str_substr(s->buf, 0, (size_t)size);
    return small_new(size);
}

static Value sio_close(Value *args, size_t nargs, Value kw)
{
    SIO(args[0])->closed = true;
    return rt_None;
}

static Value sio_enter(Value *args, size_t nargs, Value kw)
{
    return check_open(SIO(args[0])) ? args[0] : VAL_NULL;
}

static Value sio_exit(Value *args, size_t nargs, Value kw)
{
    SIO(args[0])->closed = true;
    return rt_None;
}

static Value sio_true(Value *args, size_t nargs, Value kw) { return rt_True; }
static Value sio_flush(Value *args, size_t nargs, Value kw) { return rt_None; }

static Value sio_next(Value self)
{
    ObjStringIO *s = SIO(self);
    if (!check_open(s))
        return VAL_NULL;
    Value line = readline(s, -1);
    return AS_STR(line)->length == 0 ? VAL_NULL : line;
}

static Value sio_getattr(Value self, Value name)
{
    if (strcmp(rt_str_cstr(name), "closed") == 0)
        return rt_bool(SIO(self)->closed);
    return rt_generic_getattr(self, name);
}

static const MethodDef sio_methods[] = {
    {"write", sio_write}, {"getvalue", sio_getvalue}, {"read", sio_read},
    {"readline", sio_readline}, {"readlines", sio_readlines}, {"seek", sio_seek},
    {"tell", sio_tell}, {"truncate", sio_truncate}, {"close", sio_close},
    {"__enter__", sio_enter}, {"__exit__", sio_exit}, {"readable", sio_true},
    {"writable", sio_true}, {"seekable", sio_true}, {"flush", sio_flush},
    {NULL, NULL}
};

static ObjType stringio_type = {
    .ob.type = &rt_type_type, .name = "_io.StringIO", .flags = TF_BASETYPE,
    .dict_offset = offsetof(ObjStringIO, dict),
    .new_ = sio_new, .iter = rt_iter_self, .next = sio_next, .getattr = sio_getattr,
};

Value mod_io_init(void)
{
    Value m = mod_module_new("io", NULL);
    mod_add_type(m, "StringIO", &stringio_type, sio_methods);
    mod_module_set(m, "open", rt_builtin_new("open", mod_open, VAL_NULL));
    mod_module_set(m, "SEEK_SET", small_new(0));
    mod_module_set(m, "SEEK_CUR", small_new(1));
    mod_module_set(m, "SEEK_END", small_new(2));
    return m;
}
