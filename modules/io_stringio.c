/*
 * io_stringio.c — _io.StringIO, a text stream in memory (CPython's
 * Modules/_io/stringio.c).
 *
 * The text is kept as UTF-8 with its count of characters, and the position
 * both as characters (what seek and tell speak of) and as the byte offset
 * of that character.  While the text is ASCII (as many bytes as
 * characters) the two are the same and every step is arithmetic; else a
 * position is found by walking the UTF-8.  Writing at the end, the usual
 * case, appends the str's bytes; reading cuts strs out of the bytes.
 * newline says how lines end, as for TextIOWrapper: None translates '\r'
 * and '\r\n' to '\n' when written and reads lines universally; '' keeps
 * them and reads universally; '\n', '\r' or '\r\n' write '\n' as that
 * ending and read lines ending with it.
 */
#include <string.h>
#include "modules/io.h"

typedef struct StringIO {
    IoObject base;
    char *buf;                  /* the text's UTF-8, buf[0..nbytes) */
    size_t nbytes, cap;
    size_t len;                 /* its characters */
    size_t pos;                 /* the position in characters (may be past the end) */
    size_t bpos;                /* its byte offset, while pos <= len */
    bool closed, ok;
    bool readuniversal, readtranslate, has_decoder;
    IoNewlines nl;              /* the decoder, when has_decoder */
    Value readnl;               /* the newline argument (str) or VAL_NULL for None */
    Value writenl;              /* what '\n' becomes when written, VAL_NULL: itself */
} StringIO;

#define SIO(v) VAL_AS(StringIO, v)

/* self, initialised and open (else ValueError); its arguments, if any,
 * already checked: CPython's methods parse theirs before they look at the
 * state. */
static StringIO *open_self(Value self)
{
    StringIO *s = SIO(self);
    if (!s->ok) {
        rt_raisef(&rt_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    if (s->closed) {
        rt_raisef(&rt_ValueError, "I/O operation on closed file");
        return NULL;
    }
    return s;
}

static StringIO *self_open(Value *args, size_t nargs, const char *name)
{
    if (!io_self(args, nargs, &io_stringio_type, name))
        return NULL;
    return open_self(args[0]);
}

/* self_open for a method without arguments: one called with some is
 * "StringIO.tell() takes no arguments (1 given)" (METH_NOARGS), closed or
 * not. */
static StringIO *self_open_noargs(Value *args, size_t nargs, Value kw, const char *name)
{
    if (!io_self(args, nargs, &io_stringio_type, name) ||
        !rt_arg_none_in("StringIO", name, nargs - 1, kw))
        return NULL;
    return self_open(args, nargs, name);
}

static void reserve(StringIO *s, size_t need)
{
    if (need <= s->cap)
        return;
    size_t cap = s->cap < 32 ? 32 : s->cap;
    while (cap < need)
        cap += cap / 2 + 1;
    char *nb = gc_alloc_atomic(cap);
    if (s->nbytes > 0)
        memcpy(nb, s->buf, s->nbytes);
    s->buf = nb;
    s->cap = cap;
}

static bool is_ascii(const StringIO *s)
{
    return s->len == s->nbytes;
}

/* The byte offset `count` characters on from byte offset `from` (*count
 * lowered when the text ends sooner). */
static size_t advance(const StringIO *s, size_t from, size_t *count)
{
    if (is_ascii(s)) {
        if (*count > s->nbytes - from)
            *count = s->nbytes - from;
        return from + *count;
    }
    return from + rt_utf8_skip(s->buf + from, s->nbytes - from, count);
}

/* The byte offset of character index (at most len), walked to from the
 * nearest place whose offset is known: the start, the position, or the
 * end. */
static size_t offset_of(const StringIO *s, size_t index)
{
    if (is_ascii(s))
        return index;
    size_t at = 0, from = 0;            /* character `at` begins at byte `from` */
    if (s->pos <= s->len && (s->pos > index ? s->pos - index : index - s->pos) < index) {
        at = s->pos;
        from = s->bpos;
    }
    if (s->len - index < (at > index ? at - index : index - at)) {
        at = s->len;
        from = s->nbytes;
    }
    if (index >= at) {
        size_t count = index - at;
        return advance(s, from, &count);
    }
    for (size_t k = at - index; k > 0; k--)
        from = rt_utf8_prev(s->buf, from);
    return from;
}

static void set_pos(StringIO *s, size_t pos)
{
    if (pos <= s->len)
        s->bpos = offset_of(s, pos);
    s->pos = pos;
}

/* The UTF-8 data[0..nbytes) of nchars characters written at the position,
 * over the characters there and past the end as need be; a position past
 * the end leaves a gap of '\0's. */
static void put(StringIO *s, const char *data, size_t nbytes, size_t nchars)
{
    if (s->pos >= s->len) {
        size_t gap = s->pos - s->len;
        reserve(s, s->nbytes + gap + nbytes);
        memset(s->buf + s->nbytes, 0, gap);
        memcpy(s->buf + s->nbytes + gap, data, nbytes);
        s->nbytes += gap + nbytes;
        s->len += gap + nchars;
        s->pos = s->len;
        s->bpos = s->nbytes;
        return;
    }
    size_t over = nchars;               /* the characters written over */
    size_t end = advance(s, s->bpos, &over);
    size_t total = s->nbytes - (end - s->bpos) + nbytes;
    reserve(s, total);
    if (end != s->bpos + nbytes)        /* the rest moves when the sizes differ */
        memmove(s->buf + s->bpos + nbytes, s->buf + end, s->nbytes - end);
    memcpy(s->buf + s->bpos, data, nbytes);
    s->nbytes = total;
    s->len = s->len - over + nchars;
    s->pos += nchars;
    s->bpos += nbytes;
}

/* Write a str at the position: newline handling, then its text. */
static bool write_str(StringIO *s, Value text)
{
    if (s->has_decoder)
        text = io_nl_decode(&s->nl, text, true);
    if (s->writenl != VAL_NULL && (text = io_replace_newlines(text, s->writenl)) == VAL_NULL)
        return false;
    const ObjStr *t = AS_STR(text);
    if (t->length > 0)
        put(s, t->data, t->nbytes, t->length);
    return true;
}

static Value stringio_init(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "initial_value", "newline" };
    static const ArgSpec spec = { "StringIO", names, 2, 0, 0, 2, false };
    Value a[2];
    if (!io_self(args, nargs, &io_stringio_type, "__init__") ||
        !rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    StringIO *s = SIO(args[0]);
    Value newline = a[1] == VAL_NULL ? rt_str_from_cstr("\n") : a[1];
    if (!io_check_newline(newline, true))
        return VAL_NULL;
    if (a[0] != VAL_NULL && a[0] != rt_None && !rt_is_str(a[0]))
        return rt_raisef(&rt_TypeError, "initial_value must be str or None, not %s",
                         val_type(a[0])->name);
    s->ok = false;
    s->nbytes = s->len = s->pos = s->bpos = 0;
    s->closed = false;
    bool none = newline == rt_None;
    s->readnl = none ? VAL_NULL : newline;
    s->readuniversal = none || rt_str_nbytes(newline) == 0;
    s->readtranslate = none;
    s->writenl = !none && rt_str_cstr(newline)[0] == '\r' ? newline : VAL_NULL;
    s->has_decoder = s->readuniversal;
    s->nl = (IoNewlines){ .translate = s->readtranslate };
    if (a[0] != VAL_NULL && a[0] != rt_None) {
        if (!write_str(s, a[0]))
            return VAL_NULL;
        s->pos = s->bpos = 0;
    }
    s->ok = true;
    return rt_None;
}

static Value stringio_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    return io_new(type, sizeof(StringIO), stringio_init, args, nargs, kw);
}

/* The next nbytes of text (nchars characters), taken. */
static Value take(StringIO *s, size_t nbytes, size_t nchars)
{
    Value r = io_text(s->buf + s->bpos, nbytes, nchars);
    s->pos += nchars;
    s->bpos += nbytes;
    return r;
}

static Value stringio_read(Value *args, size_t nargs, Value kw)
{
    StringIO *s;
    ssize_t n;
    if (!io_self(args, nargs, &io_stringio_type, "read") || !rt_arg_range("read", nargs - 1, 0, 1) ||
        !io_size_arg(args, nargs, 1, &n) || (s = open_self(args[0])) == NULL)
        return VAL_NULL;
    if (s->pos >= s->len)
        return rt_str_empty();
    size_t count = n < 0 ? s->len - s->pos : (size_t)n;
    size_t end = advance(s, s->bpos, &count);
    return take(s, end - s->bpos, count);
}

/* The next line (at most limit characters when limit >= 0): its
 * characters, *nbytes its bytes. */
static size_t next_line(StringIO *s, ssize_t limit, size_t *nbytes)
{
    *nbytes = 0;
    if (s->pos >= s->len)
        return 0;
    size_t count = s->len - s->pos, stop = s->nbytes;
    if (limit >= 0 && (size_t)limit < count) {
        count = (size_t)limit;
        stop = advance(s, s->bpos, &count);
    }
    const char *p = s->buf + s->bpos;
    ssize_t end = io_find_line_ending(s->readtranslate, s->readuniversal, s->readnl,
                                      p, stop - s->bpos);
    if (end < 0) {
        *nbytes = stop - s->bpos;
        return count;
    }
    *nbytes = (size_t)end;
    return is_ascii(s) ? (size_t)end : rt_utf8_count(p, (size_t)end);
}

static Value stringio_readline(Value *args, size_t nargs, Value kw)
{
    StringIO *s;
    ssize_t n;
    if (!io_self(args, nargs, &io_stringio_type, "readline") ||
        !rt_arg_range("readline", nargs - 1, 0, 1) || !io_size_arg(args, nargs, 1, &n) ||
        (s = open_self(args[0])) == NULL)
        return VAL_NULL;
    size_t nbytes, nchars = next_line(s, n, &nbytes);
    return take(s, nbytes, nchars);
}

static Value stringio_write(Value *args, size_t nargs, Value kw)
{
    StringIO *s;
    if (!io_self(args, nargs, &io_stringio_type, "write") ||
        !io_onearg(args, nargs, kw, "StringIO", "write"))
        return VAL_NULL;
    if (!rt_is_str(args[1]))
        return rt_raisef(&rt_TypeError, "string argument expected, got '%T'", args[1]);
    if ((s = open_self(args[0])) == NULL)
        return VAL_NULL;
    size_t n = AS_STR(args[1])->length;
    if (n > 0 && !write_str(s, args[1]))
        return VAL_NULL;
    return rt_int_from_i64((int64_t)n);
}

static Value stringio_getvalue(Value *args, size_t nargs, Value kw)
{
    StringIO *s = self_open_noargs(args, nargs, kw, "getvalue");
    return s == NULL ? VAL_NULL : io_text(s->buf, s->nbytes, s->len);
}

static Value stringio_tell(Value *args, size_t nargs, Value kw)
{
    StringIO *s = self_open_noargs(args, nargs, kw, "tell");
    return s == NULL ? VAL_NULL : rt_int_from_i64((int64_t)s->pos);
}

static Value stringio_seek(Value *args, size_t nargs, Value kw)
{
    StringIO *s;
    ssize_t pos, whence = 0;
    if (!io_self(args, nargs, &io_stringio_type, "seek") || !rt_arg_range("seek", nargs - 1, 1, 2) ||
        !rt_as_ssize(args[1], &pos) || (nargs > 2 && !rt_as_ssize(args[2], &whence)) ||
        (s = open_self(args[0])) == NULL)
        return VAL_NULL;
    if (whence != 0 && whence != 1 && whence != 2)
        return rt_raisef(&rt_ValueError, "Invalid whence (%zd, should be 0, 1 or 2)", whence);
    if (pos < 0 && whence == 0)
        return rt_raisef(&rt_ValueError, "Negative seek position %zd", pos);
    if (whence != 0 && pos != 0)
        return rt_raisef(&rt_OSError, "Can't do nonzero cur-relative seeks");
    if (whence == 2)
        pos = (ssize_t)s->len;
    else if (whence == 1)
        pos = (ssize_t)s->pos;
    set_pos(s, (size_t)pos);
    return rt_int_from_i64(pos);
}

static Value stringio_truncate(Value *args, size_t nargs, Value kw)
{
    StringIO *s;
    ssize_t size;
    if (!io_self(args, nargs, &io_stringio_type, "truncate") ||
        !rt_arg_range("truncate", nargs - 1, 0, 1) || !io_size_arg(args, nargs, 1, &size) ||
        (s = open_self(args[0])) == NULL)
        return VAL_NULL;
    if (nargs == 1 || args[1] == rt_None)
        size = (ssize_t)s->pos;
    else if (size < 0)
        return rt_raisef(&rt_ValueError, "Negative size value %zd", size);
    if ((size_t)size < s->len) {
        s->nbytes = offset_of(s, (size_t)size);
        s->len = (size_t)size;
    }
    return rt_int_from_i64(size);
}

/* readable(), writable(), seekable(): True while open. */
#define STRINGIO_TRUE(name)                                                      \
    static Value stringio_##name(Value *args, size_t nargs, Value kw)            \
    {                                                                            \
        return self_open_noargs(args, nargs, kw, #name) == NULL ? VAL_NULL : rt_True; \
    }
STRINGIO_TRUE(readable)
STRINGIO_TRUE(writable)
STRINGIO_TRUE(seekable)

static Value stringio_close(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_stringio_type, "close") ||
        !rt_arg_none("StringIO.close", nargs - 1, kw))
        return VAL_NULL;
    /* Its own flag only: _IOBase.flush, which a StringIO inherits, looks
     * at _IOBase's, and answers None after close() (CPython's __IOBase_closed). */
    SIO(args[0])->closed = true;
    return rt_None;
}

static Value stringio_next(Value self)
{
    StringIO *s = SIO(self);
    Value args[1] = { self };
    if (self_open(args, 1, "__next__") == NULL)
        return VAL_NULL;
    if (val_type(self) != &io_stringio_type)
        return io_iobase_type.next(self);
    size_t nbytes, nchars = next_line(s, -1, &nbytes);
    return nchars == 0 ? VAL_NULL : take(s, nbytes, nchars);
}

static Value stringio_getstate(Value *args, size_t nargs, Value kw)
{
    StringIO *s = self_open_noargs(args, nargs, kw, "__getstate__");
    if (s == NULL)
        return VAL_NULL;
    Value d = IO_OBJ(args[0])->dict;
    return rt_tuple_pack(4, io_text(s->buf, s->nbytes, s->len),
                         s->readnl == VAL_NULL ? rt_None : s->readnl,
                         rt_int_from_i64((int64_t)s->pos),
                         d != VAL_NULL ? rt_dict_copy(d) : rt_None);
}

/* __setstate__((text, newline, position, dict or None)): __init__ with the
 * newline, then the text as it is (already translated when written). */
static Value stringio_setstate(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_stringio_type, "__setstate__") ||
        !rt_arg_range("__setstate__", nargs - 1, 1, 1))
        return VAL_NULL;
    if (SIO(args[0])->closed)
        return rt_raisef(&rt_ValueError, "I/O operation on closed file");
    Value st = args[1];
    if (!rt_isinstance_of(st, &rt_tuple_type) || rt_tuple_len(st) < 4)
        return rt_raisef(&rt_TypeError, "%s.__setstate__ argument should be 4-tuple, got %s",
                         val_type(args[0])->name, val_type(st)->name);
    Value text = rt_tuple_get(st, 0);
    Value init[3] = { args[0], text, rt_tuple_get(st, 1) };
    if (stringio_init(init, 3, VAL_NULL) == VAL_NULL)
        return VAL_NULL;
    StringIO *s = SIO(args[0]);
    if (rt_is_str(text)) {
        s->nbytes = s->len = s->pos = s->bpos = 0;
        put(s, rt_str_cstr(text), rt_str_nbytes(text), AS_STR(text)->length);
    }
    size_t pos;
    if (!io_setstate_position(rt_tuple_get(st, 2), "third item of state must be an integer, "
                              "got %s", &pos) ||
        !io_setstate_dict(args[0], rt_tuple_get(st, 3), "fourth"))
        return VAL_NULL;
    s->pos = s->bpos = 0;
    set_pos(s, pos);
    return rt_None;
}

static Value get_closed(Value self)
{
    Value args[1] = { self };
    return io_self(args, 1, &io_stringio_type, "closed") ? rt_bool(SIO(self)->closed) : VAL_NULL;
}

static Value get_line_buffering(Value self)
{
    Value args[1] = { self };
    return self_open(args, 1, "line_buffering") == NULL ? VAL_NULL : rt_False;
}

static Value get_newlines(Value self)
{
    Value args[1] = { self };
    StringIO *s = self_open(args, 1, "newlines");
    if (s == NULL)
        return VAL_NULL;
    return s->has_decoder ? io_nl_seen(s->nl.seennl) : rt_None;
}

static const GetSetDef stringio_getsets[] = {
    {"closed", get_closed, 0, 0}, {"line_buffering", get_line_buffering, 0, 0},
    {"newlines", get_newlines, 0, 0},
    {NULL, 0, 0, 0},
};

const MethodDef io_stringio_methods[] = {
    {"__init__", stringio_init}, {"read", stringio_read}, {"readline", stringio_readline},
    {"write", stringio_write}, {"getvalue", stringio_getvalue}, {"tell", stringio_tell},
    {"seek", stringio_seek}, {"truncate", stringio_truncate}, {"readable", stringio_readable},
    {"writable", stringio_writable}, {"seekable", stringio_seekable}, {"close", stringio_close},
    {"__getstate__", stringio_getstate}, {"__setstate__", stringio_setstate},
    {NULL, NULL},
};

ObjType io_stringio_type = {
    .ob.type = &rt_type_type, .name = "_io.StringIO", .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .base = &io_textiobase_type, .dict_offset = offsetof(IoObject, dict),
    .instance_size = sizeof(StringIO), .getsets = stringio_getsets,
    .new_ = stringio_new, .next = stringio_next,
};
