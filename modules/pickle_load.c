/*
 * pickle_load.c — _pickle.Unpickler: a pickle stream back to objects.
 *
 *   Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict',
 *             buffers=())
 *       .load(), .find_class(module, name), .memo (an UnpicklerMemoProxy,
 *       or set a dict {index: obj}), .persistent_load
 *
 * The machine of pickle.py: a stack of objects with marks, a memo of
 * numbered objects, one function per opcode.  Input comes from a
 * bytes-like object (loads) or a file's read()/readline() (load), asked
 * for exactly what each opcode needs — a FRAME's whole length at once —
 * so the file is left just past the pickle's STOP, as CPython leaves it.
 * Errors are _pickle.c's: "pickle data was truncated", "could not find
 * MARK", "unpickling stack underflow", "invalid load key, 'x'.", and
 * EOFError "Ran out of input" when the stream is empty.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <gmp.h>
#include "modules/pickle.h"
#include "modules/mpz.h"
#include "runtime/class.h"
#include "runtime/version.h"

typedef struct {
    Object ob;
    /* the stack, with its marks; fence: where the innermost mark is */
    Value *stack;
    size_t len, cap, fence;
    size_t *marks;
    size_t nmarks, marks_cap;
    /* the memo: memo[i] or VAL_NULL */
    Value *memo;
    size_t memo_size, memo_len;
    Value pers_func;            /* persistent_load, or VAL_NULL */
    /* input: the bytes being read and the read position in them */
    Value input;                /* the object whose bytes these are */
    const unsigned char *in;
    size_t in_len, pos;
    Value read, readline;       /* the file's methods; VAL_NULL for loads() */
    Value buffers;              /* iterator of out-of-band buffers, or VAL_NULL */
    Value encoding, errors;     /* str: how Python 2 str are decoded */
    int proto;
    bool fix_imports, inited;
} Unpickler;

#define UNPICKLER(v) ((Unpickler *)(v))

/* Attribute names looked up for every object, interned once. */
static Value s_find_class, s_setstate, s_dict, s_getinitargs;

static bool truncated(void)
{
    rt_raisef(&pk_UnpicklingError, "pickle data was truncated");
    return false;
}

/* ---- input ------------------------------------------------------------------------------ */

static bool set_input(Unpickler *u, Value data)
{
    RtBuffer view;
    if (rt_get_buffer(data, &view, RT_BUF_SIMPLE) < 0)
        return false;
    u->input = data;
    u->in = view.buf;
    u->in_len = (size_t)view.len;
    u->pos = 0;
    rt_release_buffer(&view);
    return true;
}

/* n bytes at *s: from what is buffered, else a fresh read(n) of the file. */
static bool read_bytes(Unpickler *u, const unsigned char **s, size_t n)
{
    if (n <= u->in_len - u->pos) {
        *s = u->in + u->pos;
        u->pos += n;
        return true;
    }
    if (u->read == VAL_NULL)
        return truncated();
    Value data = rt_call1(u->read, rt_int_from_u64(n));
    if (data == VAL_NULL || !set_input(u, data))
        return false;
    if (u->in_len < n)
        return truncated();
    *s = u->in;
    u->pos = n;
    return true;
}

/* One line with its '\n' (*len counts it). */
static bool read_line(Unpickler *u, const unsigned char **s, size_t *len)
{
    const unsigned char *start = u->in + u->pos;
    const unsigned char *nl = u->pos < u->in_len ? memchr(start, '\n', u->in_len - u->pos) : NULL;
    if (nl != NULL) {
        *s = start;
        *len = (size_t)(nl - start) + 1;
        u->pos += *len;
        return true;
    }
    if (u->read == VAL_NULL)
        return truncated();
    Value data = rt_call0(u->readline);
    if (data == VAL_NULL || !set_input(u, data))
        return false;
    if (u->in_len == 0 || u->in[u->in_len - 1] != '\n')
        return truncated();
    *s = u->in;
    *len = u->pos = u->in_len;
    return true;
}

/* A line of at least `min` bytes with the newline; the text without it. */
static bool read_text_line(Unpickler *u, const char **s, size_t *len, size_t min)
{
    const unsigned char *p;
    if (!read_line(u, &p, len))
        return false;
    if (*len < min)
        return truncated();
    *s = (const char *)p;
    (*len)--;
    return true;
}

static uint64_t little_endian(const unsigned char *s, int n)
{
    uint64_t x = 0;
    for (int i = 0; i < n; i++)
        x |= (uint64_t)s[i] << (8 * i);
    return x;
}

/* A size of n bytes, which must fit a ssize_t. */
static bool read_size(Unpickler *u, int n, size_t *size, const char *what)
{
    const unsigned char *s;
    if (!read_bytes(u, &s, (size_t)n))
        return false;
    uint64_t x = little_endian(s, n);
    if (x > (uint64_t)PTRDIFF_MAX) {
        rt_raisef(n == 8 && strcmp(what, "BINSTRING") != 0 ? &rt_OverflowError
                                                           : &pk_UnpicklingError,
                  "%s exceeds system's maximum size of %zd bytes", what, (ssize_t)PTRDIFF_MAX);
        return false;
    }
    *size = (size_t)x;
    return true;
}

/* ---- the stack --------------------------------------------------------------------------- */

static bool underflow(Unpickler *u)
{
    rt_raisef(&pk_UnpicklingError, u->nmarks ? "unexpected MARK found"
                                             : "unpickling stack underflow");
    return false;
}

static void push(Unpickler *u, Value v)
{
    if (u->len == u->cap) {
        u->cap = u->cap * 2 + 8;
        u->stack = gc_realloc(u->stack, u->cap * sizeof(Value));
    }
    u->stack[u->len++] = v;
}

static Value pop(Unpickler *u)
{
    if (u->len <= u->fence) {
        underflow(u);
        return VAL_NULL;
    }
    return u->stack[--u->len];
}

static Value *top(Unpickler *u)
{
    if (u->len <= u->fence) {
        underflow(u);
        return NULL;
    }
    return &u->stack[u->len - 1];
}

/* The items from `start` up, taken off the stack as a tuple. */
static Value pop_tuple(Unpickler *u, size_t start)
{
    if (start < u->fence) {
        underflow(u);
        return VAL_NULL;
    }
    Value t = rt_tuple_from(u->stack + start, u->len - start);
    u->len = start;
    return t;
}

/* Pop to the innermost mark: where it was. */
static bool marker(Unpickler *u, size_t *mark)
{
    if (u->nmarks < 1) {
        rt_raisef(&pk_UnpicklingError, "could not find MARK");
        return false;
    }
    *mark = u->marks[--u->nmarks];
    u->fence = u->nmarks ? u->marks[u->nmarks - 1] : 0;
    return true;
}

static bool load_mark(Unpickler *u)
{
    if (u->nmarks == u->marks_cap) {
        u->marks_cap = u->marks_cap * 2 + 20;
        u->marks = gc_realloc(u->marks, u->marks_cap * sizeof(size_t));
    }
    u->marks[u->nmarks++] = u->fence = u->len;
    return true;
}

/* ---- the memo ------------------------------------------------------------------------------ */

static void memo_put(Unpickler *u, size_t idx, Value v)
{
    if (idx >= u->memo_size) {
        size_t size = idx * 2 + 1;
        u->memo = gc_realloc(u->memo, size * sizeof(Value));
        memset(u->memo + u->memo_size, 0, (size - u->memo_size) * sizeof(Value));
        u->memo_size = size;
    }
    if (u->memo[idx] == VAL_NULL)
        u->memo_len++;
    u->memo[idx] = v;
}

static void memo_reset(Unpickler *u)
{
    u->memo_size = 32;
    u->memo = gc_alloc(u->memo_size * sizeof(Value));
    u->memo_len = 0;
}

static bool push_memo(Unpickler *u, size_t idx)
{
    Value v = idx < u->memo_size ? u->memo[idx] : VAL_NULL;
    if (v == VAL_NULL) {
        rt_raisef(&pk_UnpicklingError, "Memo value not found at index %zu", idx);
        return false;
    }
    push(u, v);
    return true;
}

static bool put_top(Unpickler *u, size_t idx)
{
    Value *t = top(u);
    if (t == NULL)
        return false;
    memo_put(u, idx, *t);
    return true;
}

/* The decimal argument of GET / PUT. */
static bool read_index_line(Unpickler *u, ssize_t *idx)
{
    const char *s;
    size_t len;
    if (!read_text_line(u, &s, &len, 2))
        return false;
    Value key = rt_int_from_string(s, len, 10);
    return key != VAL_NULL && mod_int_as_ssize(key, idx);
}

/* ---- numbers ------------------------------------------------------------------------------- */

static bool load_int(Unpickler *u)
{
    const char *s;
    size_t len;
    if (!read_text_line(u, &s, &len, 2))
        return false;
    char buf[32], *end;
    if (len < sizeof buf) {
        memcpy(buf, s, len);
        buf[len] = 0;
        errno = 0;
        long x = strtol(buf, &end, 0);
        if (errno == 0 && *end == 0) {
            push(u, len == 2 && (x == 0 || x == 1) ? rt_bool(x) : rt_int_from_i64(x));
            return true;
        }
    }
    Value v = rt_int_from_string(s, len, 0);
    if (v == VAL_NULL) {
        rt_err_clear();
        rt_raisef(&rt_ValueError, "could not convert string to int");
        return false;
    }
    push(u, v);
    return true;
}

static bool load_binint(Unpickler *u, int n)
{
    const unsigned char *s;
    if (!read_bytes(u, &s, (size_t)n))
        return false;
    int64_t x = (int64_t)little_endian(s, n);
    if (n == 4)
        x = (int32_t)x;
    push(u, rt_int_from_i64(x));
    return true;
}

static bool load_long(Unpickler *u)
{
    const char *s;
    size_t len;
    if (!read_text_line(u, &s, &len, 2))
        return false;
    if (s[len - 1] == 'L')
        len--;
    Value v = rt_int_from_string(s, len, 0);
    if (v == VAL_NULL)
        return false;
    push(u, v);
    return true;
}

/* int.from_bytes(data, 'little', signed=True) */
static Value int_from_le(const unsigned char *p, size_t n)
{
    if (n <= 8) {
        uint64_t x = little_endian(p, (int)n);
        if (n < 8 && (p[n - 1] & 0x80))
            x |= ~(uint64_t)0 << (8 * n);
        return rt_int_from_i64((int64_t)x);
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, n, -1, 1, 0, 0, p);
    if (p[n - 1] & 0x80) {      /* negative: x - 256**n */
        mpz_t m;
        mpz_init(m);
        mpz_setbit(m, 8 * n);
        mpz_sub(z, z, m);
        mpz_clear(m);
    }
    Value v = mod_int_from_mpz(z);
    mpz_clear(z);
    return v;
}

static bool load_counted_long(Unpickler *u, int n)
{
    const unsigned char *s;
    if (!read_bytes(u, &s, (size_t)n))
        return false;
    int64_t size = (int64_t)little_endian(s, n);
    if (n == 4)
        size = (int32_t)size;
    if (size < 0) {
        rt_raisef(&pk_UnpicklingError, "LONG pickle has negative byte count");
        return false;
    }
    if (size == 0) {
        push(u, small_new(0));
        return true;
    }
    if (!read_bytes(u, &s, (size_t)size))
        return false;
    Value v = int_from_le(s, (size_t)size);
    if (v == VAL_NULL)
        return false;
    push(u, v);
    return true;
}

static bool load_float(Unpickler *u)
{
    const char *s;
    size_t len;
    if (!read_text_line(u, &s, &len, 2))
        return false;
    char *text = gc_alloc_atomic(len + 1), *end;
    memcpy(text, s, len);
    text[len] = 0;
    double d = strtod(text, &end);
    if (end == text || *end != 0) {
        rt_raisef(&rt_ValueError, "could not convert string to float");
        return false;
    }
    push(u, rt_float_new(d));
    return true;
}

static bool load_binfloat(Unpickler *u)
{
    const unsigned char *s;
    if (!read_bytes(u, &s, 8))
        return false;
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++)
        bits = bits << 8 | s[i];
    double d;
    memcpy(&d, &bits, 8);
    push(u, rt_float_new(d));
    return true;
}

/* ---- text and bytes ------------------------------------------------------------------------ */

/* A Python 2 str: bytes when encoding is 'bytes', else decoded. */
static Value py2_string(Unpickler *u, const unsigned char *s, size_t n)
{
    if (strcmp(rt_str_cstr(u->encoding), "bytes") == 0)
        return rt_bytes_new(s, n);
    return rt_bytes_decode(s, n, u->encoding, u->errors);
}

static bool load_string(Unpickler *u)
{
    const char *s;
    size_t len;
    if (!read_text_line(u, &s, &len, 1))
        return false;
    if (!(len >= 2 && s[0] == s[len - 1] && (s[0] == '\'' || s[0] == '"'))) {
        rt_raisef(&pk_UnpicklingError, "the STRING opcode argument must be quoted");
        return false;
    }
    Value codecs = mod_import("_codecs");
    Value decode = codecs == VAL_NULL ? VAL_NULL : rt_getattr_cstr(codecs, "escape_decode");
    Value r = decode == VAL_NULL ? VAL_NULL
            : rt_call1(decode, rt_bytes_new((const unsigned char *)s + 1, len - 2));
    if (r == VAL_NULL)
        return false;
    Value b = rt_tuple_get(r, 0);
    Value v = py2_string(u, AS_BYTES(b)->data, AS_BYTES(b)->length);
    if (v == VAL_NULL)
        return false;
    push(u, v);
    return true;
}

static bool load_counted_binstring(Unpickler *u, int n)
{
    size_t size;
    const unsigned char *s;
    if (!read_size(u, n, &size, "BINSTRING") || !read_bytes(u, &s, size))
        return false;
    Value v = py2_string(u, s, size);
    if (v == VAL_NULL)
        return false;
    push(u, v);
    return true;
}

/* n bytes into a fresh block (a bytes or bytearray payload): what is
 * buffered first, then read() from the file. */
static bool read_into(Unpickler *u, unsigned char *dst, size_t n)
{
    size_t have = u->in_len - u->pos;
    if (have > n)
        have = n;
    memcpy(dst, u->in + u->pos, have);
    u->pos += have;
    if (have == n)
        return true;
    if (u->read == VAL_NULL)
        return truncated();
    n -= have;
    Value data = rt_call1(u->read, rt_int_from_u64(n));
    if (data == VAL_NULL)
        return false;
    if (!IS_EXACT(data, rt_bytes_type)) {
        rt_raisef(&rt_ValueError, "read() returned non-bytes object (%R)",
                  obj_val(val_type(data)));
        return false;
    }
    if (AS_BYTES(data)->length < n)
        return truncated();
    memcpy(dst + have, AS_BYTES(data)->data, n);
    return true;
}

static bool load_counted_binbytes(Unpickler *u, int n)
{
    size_t size;
    if (!read_size(u, n, &size, "BINBYTES"))
        return false;
    if (size <= u->in_len - u->pos) {
        push(u, rt_bytes_new(u->in + u->pos, size));
        u->pos += size;
        return true;
    }
    unsigned char *buf = gc_alloc_atomic(size + 1);
    if (!read_into(u, buf, size))
        return false;
    push(u, rt_bytes_new(buf, size));
    return true;
}

static bool load_bytearray8(Unpickler *u)
{
    size_t size;
    if (!read_size(u, 8, &size, "BYTEARRAY8"))
        return false;
    unsigned char *buf = gc_alloc_atomic(size + 1);
    if (!read_into(u, buf, size))
        return false;
    push(u, rt_bytearray_new(buf, size));
    return true;
}

static bool load_next_buffer(Unpickler *u)
{
    if (u->buffers == VAL_NULL) {
        rt_raisef(&pk_UnpicklingError, "pickle stream refers to out-of-band data but no "
                  "*buffers* argument was given");
        return false;
    }
    Value buf = rt_next(u->buffers);
    if (buf == VAL_NULL) {
        if (!rt_err_occurred())
            rt_raisef(&pk_UnpicklingError, "not enough out-of-band buffers");
        return false;
    }
    push(u, buf);
    return true;
}

static bool load_readonly_buffer(Unpickler *u)
{
    Value *t = top(u);
    if (t == NULL)
        return false;
    Value view = rt_call1(obj_val(&rt_memoryview_type), *t);
    if (view == VAL_NULL)
        return false;
    Value ro = rt_getattr_cstr(view, "readonly");
    if (ro == VAL_NULL)
        return false;
    if (ro != rt_True) {
        Value v = mod_call_method(view, "toreadonly", NULL, 0);
        if (v == VAL_NULL)
            return false;
        *t = v;
    }
    return true;
}

static bool load_unicode(Unpickler *u)
{
    const char *s;
    size_t len;
    if (!read_text_line(u, &s, &len, 1))
        return false;
    /* raw-unicode-escape: without a backslash, each byte is its code point */
    Value v = memchr(s, '\\', len) == NULL
        ? rt_str_from_latin1((const unsigned char *)s, len)
        : rt_bytes_decode((const unsigned char *)s, len, rt_str_from_cstr("raw-unicode-escape"),
                          VAL_NULL);
    if (v == VAL_NULL)
        return false;
    push(u, v);
    return true;
}

static bool load_counted_binunicode(Unpickler *u, int n)
{
    size_t size, count;
    const unsigned char *s;
    if (!read_size(u, n, &size, "BINUNICODE") || !read_bytes(u, &s, size))
        return false;
    /* UTF-8 with surrogates allowed (surrogatepass) is how pvm keeps str */
    Value v = rt_utf8_valid(s, size, &count)
        ? rt_str_new((const char *)s, size)
        : rt_bytes_decode(s, size, rt_str_from_cstr("utf-8"), rt_str_from_cstr("surrogatepass"));
    if (v == VAL_NULL)
        return false;
    push(u, v);
    return true;
}

/* ---- containers ---------------------------------------------------------------------------- */

static bool load_counted_tuple(Unpickler *u, size_t n)
{
    if (u->len < n)
        return underflow(u);
    Value t = pop_tuple(u, u->len - n);
    if (t == VAL_NULL)
        return false;
    push(u, t);
    return true;
}

static bool load_tuple(Unpickler *u)
{
    size_t i;
    return marker(u, &i) && load_counted_tuple(u, u->len - i);
}

static bool load_list(Unpickler *u)
{
    size_t i;
    if (!marker(u, &i))
        return false;
    Value l = rt_list_from(u->stack + i, u->len - i);
    u->len = i;
    push(u, l);
    return true;
}

static bool load_dict(Unpickler *u)
{
    size_t i;
    if (!marker(u, &i))
        return false;
    Value d = rt_dict_new();
    if ((u->len - i) % 2 != 0) {
        rt_raisef(&pk_UnpicklingError, "odd number of items for DICT");
        return false;
    }
    for (size_t k = i; k + 1 < u->len; k += 2)
        if (!rt_dict_set(d, u->stack[k], u->stack[k + 1]))
            return false;
    u->len = i;
    push(u, d);
    return true;
}

static bool load_frozenset(Unpickler *u)
{
    size_t i;
    if (!marker(u, &i))
        return false;
    Value items = pop_tuple(u, i);
    Value fs = items == VAL_NULL ? VAL_NULL
                                 : rt_call1(obj_val(&rt_frozenset_type), items);
    if (fs == VAL_NULL)
        return false;
    push(u, fs);
    return true;
}

static bool do_append(Unpickler *u, size_t x)
{
    if (x > u->len || x <= u->fence)
        return underflow(u);
    if (x == u->len)
        return true;
    Value list = u->stack[x - 1];
    if (is_list(list)) {
        for (size_t i = x; i < u->len; i++)
            rt_list_append(list, u->stack[i]);
        u->len = x;
        return true;
    }
    Value extend = rt_lookup_attr(list, RT_NAME("extend"));
    if (extend != VAL_NULL) {
        Value slice = rt_list_from(u->stack + x, u->len - x);
        u->len = x;
        return rt_call1(extend, slice) != VAL_NULL;
    }
    if (rt_err_occurred())
        return false;
    Value append = rt_getattr_cstr(list, "append");
    if (append == VAL_NULL)
        return false;
    size_t len = u->len;
    u->len = x;
    for (size_t i = x; i < len; i++)
        if (rt_call1(append, u->stack[i]) == VAL_NULL)
            return false;
    return true;
}

static bool load_append(Unpickler *u)
{
    if (u->len - 1 <= u->fence || u->len == 0)
        return underflow(u);
    return do_append(u, u->len - 1);
}

static bool load_appends(Unpickler *u)
{
    size_t i;
    return marker(u, &i) && do_append(u, i);
}

static bool do_setitems(Unpickler *u, size_t x)
{
    if (x > u->len || x <= u->fence)
        return underflow(u);
    if (x == u->len)
        return true;
    if ((u->len - x) % 2 != 0) {
        rt_raisef(&pk_UnpicklingError, "odd number of items for SETITEMS");
        return false;
    }
    Value dict = u->stack[x - 1];
    /* An empty dict's first batch is usually all of it (the pickler
     * batches 1000 items): its table made at that size, not grown. */
    if (is_dict(dict) && rt_dict_len(dict) == 0)
        rt_dict_reserve(dict, (u->len - x) / 2);
    bool ok = true;
    for (size_t i = x; i + 1 < u->len && ok; i += 2)
        ok = is_dict(dict) ? rt_dict_set(dict, u->stack[i], u->stack[i + 1])
                           : rt_setitem(dict, u->stack[i], u->stack[i + 1]) >= 0;
    u->len = x;
    return ok;
}

static bool load_setitem(Unpickler *u)
{
    if (u->len < 2)
        return underflow(u);
    return do_setitems(u, u->len - 2);
}

static bool load_setitems(Unpickler *u)
{
    size_t i;
    return marker(u, &i) && do_setitems(u, i);
}

static bool load_additems(Unpickler *u)
{
    size_t mark;
    if (!marker(u, &mark))
        return false;
    if (mark > u->len || mark <= u->fence)
        return underflow(u);
    if (mark == u->len)
        return true;
    Value set = u->stack[mark - 1];
    if (rt_isinstance_of(set, &rt_set_type)) {
        Value items = pop_tuple(u, mark);
        return items != VAL_NULL && rt_set_update(set, items);
    }
    Value add = rt_getattr_cstr(set, "add");
    if (add == VAL_NULL)
        return false;
    size_t len = u->len;
    u->len = mark;
    for (size_t i = mark; i < len; i++)
        if (rt_call1(add, u->stack[i]) == VAL_NULL)
            return false;
    return true;
}

/* ---- building objects ---------------------------------------------------------------------- */

/* cls(*args), or cls.__new__(cls) for an old-style INST/OBJ without
 * arguments and without __getinitargs__. */
static Value instantiate(Value cls, Value args)
{
    if (rt_tuple_len(args) == 0 && rt_isinstance_of(cls, &rt_type_type)) {
        Value f = rt_lookup_attr(cls, s_getinitargs);
        if (f == VAL_NULL) {
            if (rt_err_occurred())
                return VAL_NULL;
            return mod_call_method(cls, "__new__", &cls, 1);
        }
    }
    return rt_call_tuple_dict(cls, args, VAL_NULL);
}

static bool load_obj(Unpickler *u)
{
    size_t i;
    if (!marker(u, &i))
        return false;
    if (u->len - i < 1)
        return underflow(u);
    Value args = pop_tuple(u, i + 1);
    Value cls = args == VAL_NULL ? VAL_NULL : pop(u);
    Value obj = cls == VAL_NULL ? VAL_NULL : instantiate(cls, args);
    if (obj == VAL_NULL)
        return false;
    push(u, obj);
    return true;
}

static Value find_class(Unpickler *u, Value module, Value name)
{
    Value f = rt_getattr(obj_val(u), s_find_class);
    return f == VAL_NULL ? VAL_NULL : rt_call2(f, module, name);
}

/* A line of ASCII (INST) or UTF-8 (GLOBAL) text as a str. */
static Value line_str(Unpickler *u, bool ascii)
{
    const char *s;
    size_t len;
    if (!read_text_line(u, &s, &len, 2))
        return VAL_NULL;
    return rt_bytes_decode((const unsigned char *)s, len,
                           rt_str_from_cstr(ascii ? "ascii" : "utf-8"), VAL_NULL);
}

static bool load_inst(Unpickler *u)
{
    size_t i;
    if (!marker(u, &i))
        return false;
    Value module = line_str(u, true);
    Value name = module == VAL_NULL ? VAL_NULL : line_str(u, true);
    Value cls = name == VAL_NULL ? VAL_NULL : find_class(u, module, name);
    Value args = cls == VAL_NULL ? VAL_NULL : pop_tuple(u, i);
    Value obj = args == VAL_NULL ? VAL_NULL : instantiate(cls, args);
    if (obj == VAL_NULL)
        return false;
    push(u, obj);
    return true;
}

static bool newobj_error(const char *msg, bool kw, Value arg)
{
    rt_raisef(&pk_UnpicklingError, msg, kw ? "NEWOBJ_EX" : "NEWOBJ", val_type(arg)->name);
    return false;
}

/* cls.__new__(cls, *args, **kwargs) */
static bool load_newobj(Unpickler *u, bool use_kwargs)
{
    Value kwargs = VAL_NULL, args, cls;
    if (use_kwargs && (kwargs = pop(u)) == VAL_NULL)
        return false;
    if ((args = pop(u)) == VAL_NULL || (cls = pop(u)) == VAL_NULL)
        return false;
    if (!rt_isinstance_of(cls, &rt_type_type))
        return newobj_error("%s class argument must be a type, not %s", use_kwargs, cls);
    if (AS_TYPE(cls)->new_ == NULL)
        return newobj_error("%s class argument '%s' doesn't have __new__", use_kwargs, cls);
    if (!rt_isinstance_of(args, &rt_tuple_type))
        return newobj_error("%s args argument must be a tuple, not %s", use_kwargs, args);
    if (use_kwargs && !rt_isinstance_of(kwargs, &rt_dict_type))
        return newobj_error("%s kwargs argument must be a dict, not %s", use_kwargs, kwargs);
    size_t n = rt_tuple_len(args), nkw = kwargs == VAL_NULL ? 0 : rt_dict_len(kwargs);
    Value *a = gc_alloc((n + nkw + 1) * sizeof(Value));
    memcpy(a, AS_TUPLE(args)->items, n * sizeof(Value));
    Value kwnames = VAL_NULL;
    if (nkw) {
        kwnames = rt_tuple_new(nkw);
        Value k, v;
        size_t j = 0;
        for (size_t pos = 0; rt_dict_next(kwargs, &pos, &k, &v); j++) {
            AS_TUPLE(kwnames)->items[j] = k;
            a[n + j] = v;
        }
    }
    Value obj = AS_TYPE(cls)->new_(AS_TYPE(cls), a, n + nkw, kwnames);
    if (obj == VAL_NULL)
        return false;
    push(u, obj);
    return true;
}

static bool load_global(Unpickler *u)
{
    Value module = line_str(u, false);
    Value name = module == VAL_NULL ? VAL_NULL : line_str(u, false);
    Value g = name == VAL_NULL ? VAL_NULL : find_class(u, module, name);
    if (g == VAL_NULL)
        return false;
    push(u, g);
    return true;
}

static bool load_stack_global(Unpickler *u)
{
    Value name = pop(u), module = name == VAL_NULL ? VAL_NULL : pop(u);
    if (module == VAL_NULL)
        return false;
    if (!is_str(module) || !is_str(name)) {
        rt_raisef(&pk_UnpicklingError, "STACK_GLOBAL requires str");
        return false;
    }
    Value g = find_class(u, module, name);
    if (g == VAL_NULL)
        return false;
    push(u, g);
    return true;
}

static bool no_persistent_load(void)
{
    /* 3.12 made the message one line */
    rt_raisef(&pk_UnpicklingError, "A load persistent id instruction was encountered,%s"
              "but no persistent_load function was specified.", rt_py_minor >= 12 ? " " : "\n");
    return false;
}

static bool load_persid(Unpickler *u)
{
    if (u->pers_func == VAL_NULL)
        return no_persistent_load();
    const char *s;
    size_t len;
    if (!read_text_line(u, &s, &len, 1))
        return false;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) {
            rt_raisef(&pk_UnpicklingError, "persistent IDs in protocol 0 must be ASCII strings");
            return false;
        }
    Value obj = rt_call1(u->pers_func, rt_str_new(s, len));
    if (obj == VAL_NULL)
        return false;
    push(u, obj);
    return true;
}

static bool load_binpersid(Unpickler *u)
{
    if (u->pers_func == VAL_NULL)
        return no_persistent_load();
    Value pid = pop(u);
    Value obj = pid == VAL_NULL ? VAL_NULL : rt_call1(u->pers_func, pid);
    if (obj == VAL_NULL)
        return false;
    push(u, obj);
    return true;
}

static bool load_pop(Unpickler *u)
{
    if (u->nmarks > 0 && u->marks[u->nmarks - 1] == u->len) {
        u->nmarks--;
        u->fence = u->nmarks ? u->marks[u->nmarks - 1] : 0;
    } else if (u->len <= u->fence)
        return underflow(u);
    else
        u->len--;
    return true;
}

static bool load_pop_mark(Unpickler *u)
{
    size_t i;
    if (!marker(u, &i))
        return false;
    u->len = i;
    return true;
}

static bool load_dup(Unpickler *u)
{
    Value *t = top(u);
    if (t == NULL)
        return false;
    push(u, *t);
    return true;
}

static bool load_get(Unpickler *u)
{
    ssize_t idx;
    return read_index_line(u, &idx) && push_memo(u, (size_t)idx);
}

static bool load_binget(Unpickler *u, int n)
{
    const unsigned char *s;
    return read_bytes(u, &s, (size_t)n) && push_memo(u, (size_t)little_endian(s, n));
}

static bool load_put(Unpickler *u)
{
    const char *s;
    size_t len;
    if (!read_text_line(u, &s, &len, 2))
        return false;
    if (top(u) == NULL)
        return false;
    Value key = rt_int_from_string(s, len, 10);
    ssize_t idx;
    if (key == VAL_NULL || !mod_int_as_ssize(key, &idx))
        return false;
    if (idx < 0) {
        rt_raisef(&rt_ValueError, "negative PUT argument");
        return false;
    }
    return put_top(u, (size_t)idx);
}

static bool load_binput(Unpickler *u, int n)
{
    const unsigned char *s;
    if (!read_bytes(u, &s, (size_t)n) || top(u) == NULL)
        return false;
    uint64_t idx = little_endian(s, n);
    if (n == 4 && idx > (uint64_t)PTRDIFF_MAX) {
        rt_raisef(&rt_ValueError, "negative LONG_BINPUT argument");
        return false;
    }
    return put_top(u, (size_t)idx);
}

static bool load_extension(Unpickler *u, int n)
{
    const unsigned char *s;
    if (!read_bytes(u, &s, (size_t)n))
        return false;
    int64_t code = (int64_t)little_endian(s, n);
    if (n == 4)
        code = (int32_t)code;
    if (code <= 0) {
        rt_raisef(&pk_UnpicklingError, "EXT specifies code <= 0");
        return false;
    }
    Value py_code = rt_int_from_i64(code);
    bool err = false;
    Value obj = rt_dict_get(pk_state.extension_cache, py_code, &err);
    if (obj != VAL_NULL) {
        push(u, obj);
        return true;
    }
    if (err)
        return false;
    Value pair = rt_dict_get(pk_state.inverted_registry, py_code, &err);
    if (pair == VAL_NULL) {
        if (!err)
            rt_raisef(&rt_ValueError, "unregistered extension code %ld", (long)code);
        return false;
    }
    if (!rt_isinstance_of(pair, &rt_tuple_type) || rt_tuple_len(pair) != 2 ||
        !rt_is_str(rt_tuple_get(pair, 0)) || !rt_is_str(rt_tuple_get(pair, 1))) {
        rt_raisef(&rt_ValueError, "_inverted_registry[%ld] isn't a 2-tuple of strings",
                  (long)code);
        return false;
    }
    obj = find_class(u, rt_tuple_get(pair, 0), rt_tuple_get(pair, 1));
    if (obj == VAL_NULL || !rt_dict_set(pk_state.extension_cache, py_code, obj))
        return false;
    push(u, obj);
    return true;
}

static bool set_state_dict(Value inst, Value state)
{
    if (!rt_isinstance_of(state, &rt_dict_type)) {
        rt_raisef(&pk_UnpicklingError, "state is not a dictionary");
        return false;
    }
    /* An instance whose attributes are still inline values (object.h)
     * takes them as values: inst.__dict__ would make its dict, some 200
     * bytes an unpickled instance of two attributes, where CPython's is
     * made too but shares the values' keys. */
    Value *slot = rt_instance_dict_slot_raw(inst);
    bool values = slot != NULL && rt_is_values(*slot) && rt_dict_attr_is_slot(inst);
    Value dict = values ? VAL_NULL : rt_getattr(inst, s_dict);
    if (!values && dict == VAL_NULL)
        return false;
    Value k, v;
    for (size_t pos = 0; rt_dict_next(state, &pos, &k, &v);) {
        Value key = is_str(k) ? rt_str_intern(k) : k;
        if (values) {
            if (rt_values_store(slot, key, v) >= 0)
                continue;
            values = false;             /* the values became a dict: store there */
            dict = *slot;
        }
        if (rt_setitem(dict, key, v) < 0)
            return false;
    }
    return true;
}

static bool load_build(Unpickler *u)
{
    if (u->len < u->fence + 2)
        return underflow(u);
    Value state = pop(u), inst = u->stack[u->len - 1];
    Value setstate = rt_lookup_attr(inst, s_setstate);
    if (setstate != VAL_NULL)
        return rt_call1(setstate, state) != VAL_NULL;
    if (rt_err_occurred())
        return false;
    Value slotstate = VAL_NULL;
    if (is_tuple(state) && rt_tuple_len(state) == 2) {
        slotstate = rt_tuple_get(state, 1);
        state = rt_tuple_get(state, 0);
    }
    if (state != rt_None && !set_state_dict(inst, state))
        return false;
    if (slotstate != VAL_NULL) {
        if (!rt_isinstance_of(slotstate, &rt_dict_type)) {
            rt_raisef(&pk_UnpicklingError, "slot state is not a dictionary");
            return false;
        }
        Value k, v;
        for (size_t pos = 0; rt_dict_next(slotstate, &pos, &k, &v);)
            if (rt_setattr(inst, k, v) < 0)
                return false;
    }
    return true;
}

static bool load_reduce(Unpickler *u)
{
    Value args = pop(u), callable = args == VAL_NULL ? VAL_NULL : pop(u);
    if (callable == VAL_NULL)
        return false;
    if (!rt_isinstance_of(args, &rt_tuple_type)) {
        rt_raisef(&rt_TypeError, "argument list must be a tuple");
        return false;
    }
    Value obj = rt_call_tuple_dict(callable, args, VAL_NULL);
    if (obj == VAL_NULL)
        return false;
    push(u, obj);
    return true;
}

static bool load_proto(Unpickler *u)
{
    const unsigned char *s;
    if (!read_bytes(u, &s, 1))
        return false;
    if (s[0] > PK_HIGHEST_PROTOCOL) {
        rt_raisef(&rt_ValueError, "unsupported pickle protocol: %d", s[0]);
        return false;
    }
    u->proto = s[0];
    return true;
}

/* FRAME n: the next n bytes are read in one go; the opcodes in them follow. */
static bool load_frame(Unpickler *u)
{
    size_t n;
    const unsigned char *s;
    if (!read_size(u, 8, &n, "FRAME length") || !read_bytes(u, &s, n))
        return false;
    u->pos -= n;
    return true;
}

static bool bad_key(int c)
{
    if (c >= 0x20 && c <= 0x7e && c != '\'' && c != '\\')
        rt_raisef(&pk_UnpicklingError, "invalid load key, '%c'.", c);
    else
        rt_raisef(&pk_UnpicklingError, "invalid load key, '\\x%02x'.", c);
    return false;
}

static bool dispatch(Unpickler *u, int op)
{
    switch (op) {
    case PK_NONE: push(u, rt_None); return true;
    case PK_NEWTRUE: push(u, rt_True); return true;
    case PK_NEWFALSE: push(u, rt_False); return true;
    case PK_BININT: return load_binint(u, 4);
    case PK_BININT1: return load_binint(u, 1);
    case PK_BININT2: return load_binint(u, 2);
    case PK_INT: return load_int(u);
    case PK_LONG: return load_long(u);
    case PK_LONG1: return load_counted_long(u, 1);
    case PK_LONG4: return load_counted_long(u, 4);
    case PK_FLOAT: return load_float(u);
    case PK_BINFLOAT: return load_binfloat(u);
    case PK_SHORT_BINBYTES: return load_counted_binbytes(u, 1);
    case PK_BINBYTES: return load_counted_binbytes(u, 4);
    case PK_BINBYTES8: return load_counted_binbytes(u, 8);
    case PK_BYTEARRAY8: return load_bytearray8(u);
    case PK_NEXT_BUFFER: return load_next_buffer(u);
    case PK_READONLY_BUFFER: return load_readonly_buffer(u);
    case PK_SHORT_BINSTRING: return load_counted_binstring(u, 1);
    case PK_BINSTRING: return load_counted_binstring(u, 4);
    case PK_STRING: return load_string(u);
    case PK_UNICODE: return load_unicode(u);
    case PK_SHORT_BINUNICODE: return load_counted_binunicode(u, 1);
    case PK_BINUNICODE: return load_counted_binunicode(u, 4);
    case PK_BINUNICODE8: return load_counted_binunicode(u, 8);
    case PK_EMPTY_TUPLE: return load_counted_tuple(u, 0);
    case PK_TUPLE1: return load_counted_tuple(u, 1);
    case PK_TUPLE2: return load_counted_tuple(u, 2);
    case PK_TUPLE3: return load_counted_tuple(u, 3);
    case PK_TUPLE: return load_tuple(u);
    case PK_EMPTY_LIST: push(u, rt_list_new(0)); return true;
    case PK_LIST: return load_list(u);
    case PK_EMPTY_DICT: push(u, rt_dict_new()); return true;
    case PK_DICT: return load_dict(u);
    case PK_EMPTY_SET: push(u, rt_set_new()); return true;
    case PK_ADDITEMS: return load_additems(u);
    case PK_FROZENSET: return load_frozenset(u);
    case PK_OBJ: return load_obj(u);
    case PK_INST: return load_inst(u);
    case PK_NEWOBJ: return load_newobj(u, false);
    case PK_NEWOBJ_EX: return load_newobj(u, true);
    case PK_GLOBAL: return load_global(u);
    case PK_STACK_GLOBAL: return load_stack_global(u);
    case PK_APPEND: return load_append(u);
    case PK_APPENDS: return load_appends(u);
    case PK_BUILD: return load_build(u);
    case PK_DUP: return load_dup(u);
    case PK_BINGET: return load_binget(u, 1);
    case PK_LONG_BINGET: return load_binget(u, 4);
    case PK_GET: return load_get(u);
    case PK_MARK: return load_mark(u);
    case PK_BINPUT: return load_binput(u, 1);
    case PK_LONG_BINPUT: return load_binput(u, 4);
    case PK_PUT: return load_put(u);
    case PK_MEMOIZE: return put_top(u, u->memo_len);
    case PK_POP: return load_pop(u);
    case PK_POP_MARK: return load_pop_mark(u);
    case PK_SETITEM: return load_setitem(u);
    case PK_SETITEMS: return load_setitems(u);
    case PK_PERSID: return load_persid(u);
    case PK_BINPERSID: return load_binpersid(u);
    case PK_REDUCE: return load_reduce(u);
    case PK_PROTO: return load_proto(u);
    case PK_FRAME: return load_frame(u);
    case PK_EXT1: return load_extension(u, 1);
    case PK_EXT2: return load_extension(u, 2);
    case PK_EXT4: return load_extension(u, 4);
    default: return bad_key(op);
    }
}

static Value load(Unpickler *u)
{
    u->nmarks = 0;
    u->fence = 0;
    u->proto = 0;
    u->len = 0;
    for (;;) {
        const unsigned char *s;
        if (!read_bytes(u, &s, 1)) {
            if (rt_err_matches(&pk_UnpicklingError)) {
                rt_err_clear();
                rt_raisef(&rt_EOFError, "Ran out of input");
            }
            return VAL_NULL;
        }
        if (*s == PK_STOP)
            break;
        if (!dispatch(u, *s))
            return VAL_NULL;
    }
    return pop(u);
}

/* ---- Unpickler's Python face --------------------------------------------------------------- */

static Unpickler *unpickler_alloc(ObjType *type)
{
    Unpickler *u = rt_alloc_instance(type, sizeof *u);
    memo_reset(u);
    return u;
}

static Value unpickler_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    return obj_val(unpickler_alloc(type));
}

static bool str_arg(const char *fname, const char *name, Value v, const char *dflt, Value *out)
{
    if (v == VAL_NULL)
        v = rt_str_from_cstr(dflt);
    else if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "%s() argument '%s' must be str, not %T", fname, name, v);
        return false;
    }
    *out = v;
    return true;
}

/* Everything __init__ and load()/loads() set but the input. */
static bool configure(Unpickler *u, const char *fname, Value fix, Value encoding, Value errors,
                      Value buffers)
{
    int t = fix == VAL_NULL ? 1 : rt_truthy(fix);
    if (t < 0 || !str_arg(fname, "encoding", encoding, "ASCII", &u->encoding) ||
        !str_arg(fname, "errors", errors, "strict", &u->errors))
        return false;
    u->fix_imports = t > 0;
    u->buffers = VAL_NULL;
    if (buffers != VAL_NULL && buffers != rt_None &&
        (u->buffers = rt_iter(buffers)) == VAL_NULL)
        return false;
    return true;
}

static bool set_file(Unpickler *u, Value file)
{
    Value read = rt_lookup_attr(file, RT_NAME("read"));
    if (read == VAL_NULL && rt_err_occurred())
        return false;
    Value readline = rt_lookup_attr(file, RT_NAME("readline"));
    if (readline == VAL_NULL && rt_err_occurred())
        return false;
    if (read == VAL_NULL || readline == VAL_NULL) {
        rt_raisef(&rt_TypeError, "file must have 'read' and 'readline' attributes");
        return false;
    }
    u->read = read;
    u->readline = readline;
    u->in = (const unsigned char *)"";
    u->in_len = u->pos = 0;
    return true;
}

static Value unpickler_init(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "file", "fix_imports", "encoding", "errors",
                                         "buffers" };
    static const ArgSpec spec = { "Unpickler", names, 5, 0, 1, 1, false };
    Value a[5];
    Unpickler *u = UNPICKLER(args[0]);
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kwnames, a) || !set_file(u, a[0]) ||
        !configure(u, "Unpickler", a[1], a[2], a[3], a[4]))
        return VAL_NULL;
    u->pers_func = rt_lookup_attr(args[0], RT_NAME("persistent_load"));
    if (u->pers_func == VAL_NULL && rt_err_occurred())
        return VAL_NULL;
    memo_reset(u);
    u->len = 0;
    u->proto = 0;
    u->inited = true;
    return rt_None;
}

static Value unpickler_load(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("load", nargs - 1, kwnames))
        return VAL_NULL;
    Unpickler *u = UNPICKLER(args[0]);
    if (u->read == VAL_NULL)
        return rt_raisef(&pk_UnpicklingError, "Unpickler.__init__() was not called by "
                         "%s.__init__()", val_type(args[0])->name);
    return load(u);
}

/* find_class(module_name, global_name): the global, its module imported;
 * Python 2 names mapped to Python 3 ones for protocols below 3. */
static Value unpickler_find_class(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("find_class", kwnames) || !rt_arg_range("find_class", nargs - 1, 2, 2))
        return VAL_NULL;
    Unpickler *u = UNPICKLER(args[0]);
    Value module = args[1], name = args[2];
    if (u->proto < 3 && u->fix_imports) {
        bool err = false;
        Value item = rt_dict_get(pk_state.name_mapping_2to3, rt_tuple_pack(2, module, name),
                                 &err);
        if (item != VAL_NULL) {
            if (!is_tuple(item) || rt_tuple_len(item) != 2)
                return rt_raisef(&rt_RuntimeError, "_compat_pickle.NAME_MAPPING values should "
                                 "be 2-tuples, not %T", item);
            module = rt_tuple_get(item, 0);
            name = rt_tuple_get(item, 1);
            if (!rt_is_str(module) || !rt_is_str(name))
                return rt_raisef(&rt_RuntimeError, "_compat_pickle.NAME_MAPPING values should "
                                 "be pairs of str, not (%T, %T)", module, name);
        } else if (err)
            return VAL_NULL;
        else if ((item = rt_dict_get(pk_state.import_mapping_2to3, module, &err)) != VAL_NULL) {
            if (!rt_is_str(item))
                return rt_raisef(&rt_RuntimeError, "_compat_pickle.IMPORT_MAPPING values "
                                 "should be strings, not %T", item);
            module = item;
        } else if (err)
            return VAL_NULL;
    }
    Value m = pk_import_module(module);
    return m == VAL_NULL ? VAL_NULL : pk_getattribute(m, name, u->proto >= 4);
}

static Value unpickler_sizeof(Value *args, size_t nargs, Value kwnames)
{
    Unpickler *u = UNPICKLER(args[0]);
    return rt_int_from_u64(sizeof *u + u->memo_size * sizeof(Value) +
                           u->marks_cap * sizeof(size_t));
}

typedef struct {
    Object ob;
    Unpickler *unpickler;
} MemoProxy;

static Value unpickler_get_memo(Value self)
{
    MemoProxy *m = gc_alloc(sizeof *m);
    m->ob.type = &pk_unpickler_memoproxy_type;
    m->unpickler = UNPICKLER(self);
    return obj_val(m);
}

static int unpickler_set_memo(Value self, Value v)
{
    Unpickler *u = UNPICKLER(self);
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "attribute deletion is not supported");
        return -1;
    }
    if (val_type(v) == &pk_unpickler_memoproxy_type) {
        Unpickler *from = ((MemoProxy *)v)->unpickler;
        Value *memo = gc_alloc(from->memo_size * sizeof(Value));
        memcpy(memo, from->memo, from->memo_size * sizeof(Value));
        u->memo = memo;
        u->memo_size = from->memo_size;
        u->memo_len = from->memo_len;
        return 0;
    }
    if (!rt_isinstance_of(v, &rt_dict_type)) {
        rt_raisef(&rt_TypeError, "'memo' attribute must be an UnpicklerMemoProxy object or "
                  "dict, not %s", val_type(v)->name);
        return -1;
    }
    /* CPython 3.11 stores the items into the memo it is about to drop and
     * installs an empty one of len(dict) slots: the memo ends up empty (its
     * count of entries, which MEMOIZE numbers from, still grows). */
    Value k, item;
    for (size_t pos = 0; rt_dict_next(v, &pos, &k, &item);) {
        ssize_t idx;
        if (!is_int(k)) {
            rt_raisef(&rt_TypeError, "memo key must be integers");
            return -1;
        }
        if (!mod_int_as_ssize(k, &idx))
            return -1;
        if (idx < 0) {
            rt_raisef(&rt_ValueError, "memo key must be positive integers.");
            return -1;
        }
        memo_put(u, (size_t)idx, item);
    }
    u->memo_size = rt_dict_len(v) ? rt_dict_len(v) : 1;
    u->memo = gc_alloc(u->memo_size * sizeof(Value));
    return 0;
}

static Value unpickler_get_persload(Value self)
{
    Value f = UNPICKLER(self)->pers_func;
    return f != VAL_NULL ? f : rt_raisef(&rt_AttributeError, "persistent_load");
}

static int unpickler_set_persload(Value self, Value v)
{
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "attribute deletion is not supported");
        return -1;
    }
    if (!rt_callable(v)) {
        rt_raisef(&rt_TypeError, "persistent_load must be a callable taking one argument");
        return -1;
    }
    UNPICKLER(self)->pers_func = v;
    return 0;
}

static Value memoproxy_clear(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("clear", nargs - 1, kwnames))
        return VAL_NULL;
    memo_reset(((MemoProxy *)args[0])->unpickler);
    return rt_None;
}

static Value memoproxy_copy_of(MemoProxy *m)
{
    Value d = rt_dict_new();
    Unpickler *u = m->unpickler;
    for (size_t i = 0; i < u->memo_size; i++)
        if (u->memo[i] != VAL_NULL)
            rt_dict_set(d, rt_int_from_u64(i), u->memo[i]);
    return d;
}

static Value memoproxy_copy(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("copy", nargs - 1, kwnames))
        return VAL_NULL;
    return memoproxy_copy_of((MemoProxy *)args[0]);
}

static Value memoproxy_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_tuple_pack(2, obj_val(&rt_dict_type),
                         rt_tuple_pack(1, memoproxy_copy_of((MemoProxy *)args[0])));
}

Value pk_load(Value file, Value data, bool fix_imports, Value encoding, Value errors,
              Value buffers)
{
    Unpickler *u = unpickler_alloc(&pk_unpickler_type);
    if (file != VAL_NULL ? !set_file(u, file) : !set_input(u, data))
        return VAL_NULL;
    if (!configure(u, file != VAL_NULL ? "load" : "loads", fix_imports ? rt_True : rt_False,
                   encoding, errors, buffers))
        return VAL_NULL;
    Value result = load(u);
    /* The unpickler was made here and nothing else saw it (Python code run
     * by a load is never handed it), so its memo, which holds every object
     * loaded, is given back at once, as pk_dump gives back its pickler's. */
    gc_free(u->memo);
    u->memo = NULL;
    u->memo_size = u->memo_len = 0;
    return result;
}

/* 3.13 (only): Unpickler.persistent_load is a method, by default refusing. */
static Value unpickler_persistent_load(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("persistent_load", nargs - 1, kwnames))
        return VAL_NULL;
    no_persistent_load();
    return VAL_NULL;
}

static const MethodDef unpickler_methods_313[] = {
    {"persistent_load", unpickler_persistent_load},
    {NULL, NULL}
};

static const MethodDef unpickler_methods[] = {
    {"__init__", unpickler_init},
    {"load", unpickler_load},
    {"find_class", unpickler_find_class},
    {"__sizeof__", unpickler_sizeof},
    {NULL, NULL}
};

static const MethodDef memoproxy_methods[] = {
    {"clear", memoproxy_clear},
    {"copy", memoproxy_copy},
    {"__reduce__", memoproxy_reduce},
    {NULL, NULL}
};

static const GetSetDef unpickler_getsets[] = {
    {"memo", unpickler_get_memo, unpickler_set_memo, NULL},
    {"persistent_load", unpickler_get_persload, unpickler_set_persload, NULL},
    {NULL},
};
static const GetSetDef unpickler_getsets_313[] = {
    {"memo", unpickler_get_memo, unpickler_set_memo, NULL},
    {NULL},
};

ObjType pk_unpickler_type = {
    .ob.type = &rt_type_type, .name = "_pickle.Unpickler", .flags = TF_BASETYPE | TF_SPLIT_INIT,
    .new_ = unpickler_new, .getsets = unpickler_getsets, .instance_size = sizeof(Unpickler),
};

ObjType pk_unpickler_memoproxy_type = {
    .ob.type = &rt_type_type, .name = "_pickle.UnpicklerMemoProxy", .flags = TF_BASETYPE,
    .new_ = mod_no_new,
};

void pk_load_init(void)
{
    s_find_class = rt_str_intern_cstr("find_class");
    s_setstate = rt_str_intern_cstr("__setstate__");
    s_dict = rt_str_intern_cstr("__dict__");
    s_getinitargs = rt_str_intern_cstr("__getinitargs__");
    if (pk_unpickler_type.mro == VAL_NULL) {
        if (rt_py_minor == 13)   /* 3.14 made them assignable again */
            pk_unpickler_type.getsets = unpickler_getsets_313;
        rt_type_ready(&pk_unpickler_type, unpickler_methods);
        if (rt_py_minor == 13)   /* 3.14 made them assignable again */
            rt_type_add_methods(&pk_unpickler_type, unpickler_methods_313);
        rt_type_ready(&pk_unpickler_memoproxy_type, memoproxy_methods);
    }
}
