/*
 * pickle_save.c — _pickle.Pickler: objects to a pickle stream.
 *
 *   Pickler(file, protocol=None, fix_imports=True, buffer_callback=None)
 *       .dump(obj), .clear_memo(), .memo (a PicklerMemoProxy, or set a
 *       dict {id: (index, obj)}), .persistent_id, .dispatch_table,
 *       .reducer_override (looked up on each dump), .bin, .fast
 *
 * The pickle is built in one growing buffer and handed to file.write at
 * the end of dump(), as CPython's C pickler does; with protocol 4 and up
 * the opcodes are cut into frames of about 64 KiB (FRAME), each frame
 * written to the file as soon as it is complete, and a bytes payload of
 * a frame's size or more goes to the file on its own, outside any frame.
 *
 * save() follows _pickle.c's order: persistent_id, the atoms (None,
 * bool, int, float) which are never memoized, the memo, str and bytes,
 * the containers, reducer_override, classes and functions by name, then
 * the reduction (dispatch_table, copyreg.dispatch_table, __reduce_ex__,
 * __reduce__) and save_reduce.
 */
#include <string.h>
#include <gmp.h>
#include "modules/pickle.h"
#include "modules/mpz.h"
#include "runtime/class.h"
#include "runtime/version.h"
#include "vm/vm.h"

enum {
    BATCHSIZE = 1000,               /* items per APPENDS / SETITEMS / ADDITEMS */
    FAST_NESTING_LIMIT = 50,        /* fast mode: depth where the cycle check starts */
    WRITE_BUF_SIZE = 4096,
    FRAME_SIZE_MIN = 4,
    FRAME_SIZE_TARGET = 64 * 1024,
    FRAME_HEADER_SIZE = 9,
};

/* ---- the memo: object identity -> index ------------------------------------------------
 * An open-addressed table keyed by the object's address (its id()), as
 * _pickle.c's PyMemoTable; the table lives in scanned memory, so it keeps
 * its objects alive as CPython's references do.  Entries are never
 * deleted, only the whole table cleared. */

typedef struct {
    Value key;                  /* VAL_NULL: empty */
    size_t index;
} MemoEntry;

typedef struct {
    MemoEntry *table;
    size_t mask, used;
} Memo;

static void memo_init(Memo *m, size_t size)
{
    m->table = gc_alloc(size * sizeof *m->table);
    m->mask = size - 1;
    m->used = 0;
}

static MemoEntry *memo_lookup(const Memo *m, Value key)
{
    /* heap objects are 16-byte aligned: the bits above make the hash */
    size_t hash = (size_t)key >> 4 ^ (size_t)key >> 12, i = hash, perturb = hash;
    for (;;) {
        MemoEntry *e = &m->table[i & m->mask];
        if (e->key == VAL_NULL || e->key == key)
            return e;
        perturb >>= 5;
        i = i * 5 + perturb + 1;
    }
}

static bool memo_get(const Memo *m, Value key, size_t *index)
{
    MemoEntry *e = memo_lookup(m, key);
    if (e->key == VAL_NULL)
        return false;
    *index = e->index;
    return true;
}

static void memo_set(Memo *m, Value key, size_t index)
{
    MemoEntry *e = memo_lookup(m, key);
    if (e->key != VAL_NULL) {
        e->index = index;
        return;
    }
    e->key = key;
    e->index = index;
    if (++m->used * 4 < (m->mask + 1) * 3)
        return;
    /* Past three quarters full, grow to twice the entries.  CPython grows
     * past two thirds to four times (up to 50,000): bench/pickle_io's
     * 42,000 and 48,000 objects took a 2 MB table where 1 MB holds them,
     * and the heap grew by a third for the larger block (peak RSS 49.8 ->
     * 40.8 MiB; the longer probes cost less than clearing the 2 MB did). */
    MemoEntry *old = m->table;
    size_t oldsize = m->mask + 1, want = 2 * m->used, size = 8;
    while (size < want)
        size <<= 1;
    memo_init(m, size);
    for (size_t i = 0; i < oldsize; i++)
        if (old[i].key != VAL_NULL) {
            MemoEntry *e2 = memo_lookup(m, old[i].key);
            *e2 = old[i];
            m->used++;
        }
    gc_free(old);                       /* only m->table pointed to it */
}

/* ---- the Pickler object ------------------------------------------------------------------ */

/* A piece of dumps()'s output, moved out of the output buffer. */
typedef struct {
    unsigned char *data;
    size_t len;
} OutPart;

typedef struct {
    Object ob;
    Memo memo;
    Value pers_func;            /* persistent_id, or VAL_NULL */
    Value dispatch_table;       /* private dispatch_table, or VAL_NULL */
    Value reducer_override;     /* during dump(): self.reducer_override, or VAL_NULL */
    Value write;                /* file.write; VAL_NULL until __init__ (or for dumps) */
    Value buffer_callback;      /* or VAL_NULL */
    Value fast_memo;            /* fast mode's dict of ids, past FAST_NESTING_LIMIT */
    unsigned char *out;         /* the output buffer */
    size_t len, cap;
    /* dumps(): the output of the frames before the open one (spill) */
    OutPart *parts;
    size_t nparts, parts_cap;
    ssize_t frame_start;        /* where the open frame's header is, -1: none */
    int proto, bin, fast, fast_nesting;
    bool framing, fix_imports, inited;
} Pickler;

#define PICKLER(v) ((Pickler *)(v))

/* Attribute names looked up for every object, interned once. */
static Value s_reduce_ex, s_reduce, s_qualname, s_module, s_name, s_class;

static int save(Pickler *p, Value obj, bool pers_save);
static int save_reduce(Pickler *p, Value args, Value obj);

static void clear_buffer(Pickler *p)
{
    p->cap = WRITE_BUF_SIZE;
    p->out = gc_alloc_atomic(p->cap);
    p->len = 0;
    p->frame_start = -1;
}

static void write_size64(unsigned char *out, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        out[i] = (unsigned char)(v >> (8 * i));
}

static void commit_frame(Pickler *p)
{
    if (!p->framing || p->frame_start == -1)
        return;
    size_t frame_len = p->len - p->frame_start - FRAME_HEADER_SIZE;
    unsigned char *q = p->out + p->frame_start;
    if (frame_len >= FRAME_SIZE_MIN) {
        q[0] = PK_FRAME;
        write_size64(q + 1, frame_len);
    } else {
        memmove(q, q + FRAME_HEADER_SIZE, frame_len);
        p->len -= FRAME_HEADER_SIZE;
    }
    p->frame_start = -1;
}

/* dumps() moves its output out of the buffer a frame (or, without
 * frames, FRAME_SIZE_TARGET bytes) at a time, and take_output joins the
 * pieces once into a bytes of the exact size: the buffer stays about a
 * frame long, where growing it by half at a time for a 1.4 MB pickle
 * made blocks of 0.8, 1.2 and 1.8 MB, each copied into the next, then
 * into the bytes, and the heap grew for them (bench/pickle_io). */
static void spill(Pickler *p)
{
    if (p->nparts == p->parts_cap) {
        p->parts_cap = p->parts_cap * 2 + 8;
        p->parts = gc_realloc(p->parts, p->parts_cap * sizeof *p->parts);
    }
    OutPart *part = &p->parts[p->nparts++];
    part->data = gc_alloc_atomic(p->len);
    part->len = p->len;
    memcpy(part->data, p->out, p->len);
    p->len = 0;
}

/* The output so far as bytes (the open frame committed). */
static Value take_output(Pickler *p)
{
    commit_frame(p);
    if (p->nparts == 0)
        return rt_bytes_new(p->out, p->len);
    size_t total = p->len;
    for (size_t i = 0; i < p->nparts; i++)
        total += p->parts[i].len;
    Value result = rt_bytes_uninit(total);
    unsigned char *d = AS_BYTES(result)->data;
    for (size_t i = 0; i < p->nparts; i++) {
        memcpy(d, p->parts[i].data, p->parts[i].len);
        d += p->parts[i].len;
        gc_free(p->parts[i].data);      /* only parts[] pointed to it */
    }
    memcpy(d, p->out, p->len);
    gc_free(p->parts);
    p->parts = NULL;
    p->nparts = p->parts_cap = 0;
    return result;
}

static bool flush_to_file(Pickler *p)
{
    return rt_call1(p->write, take_output(p)) != VAL_NULL;
}

static void write_raw(Pickler *p, const void *s, size_t n)
{
    bool new_frame = p->framing && p->frame_start == -1;
    size_t need = p->len + n + (new_frame ? FRAME_HEADER_SIZE : 0);
    if (need > p->cap) {
        p->cap = need / 2 * 3;
        p->out = gc_realloc(p->out, p->cap);
    }
    if (new_frame) {
        p->frame_start = (ssize_t)p->len;
        memset(p->out + p->len, 0xFE, FRAME_HEADER_SIZE);
        p->len += FRAME_HEADER_SIZE;
    }
    memcpy(p->out + p->len, s, n);
    p->len += n;
}

static void write_op(Pickler *p, int op)
{
    unsigned char c = (unsigned char)op;
    write_raw(p, &c, 1);
}

static void write_cstr(Pickler *p, const char *s)
{
    write_raw(p, s, strlen(s));
}

/* Between two opcodes: a frame that reached its target size is closed and,
 * when pickling to a file, written out. */
static bool opcode_boundary(Pickler *p)
{
    if (p->framing && p->frame_start != -1) {
        if (p->len - p->frame_start - FRAME_HEADER_SIZE < FRAME_SIZE_TARGET)
            return true;
        commit_frame(p);
        if (p->write != VAL_NULL) {
            if (!flush_to_file(p))
                return false;
            clear_buffer(p);
        }
    }
    if (p->write == VAL_NULL && p->frame_start == -1 && p->len >= FRAME_SIZE_TARGET)
        spill(p);
    return true;
}

/* A header and a payload: a payload of a frame's size or more is written
 * outside any frame, straight to the file when there is one. */
static bool write_bytes(Pickler *p, const unsigned char *header, size_t hlen,
                        const unsigned char *data, size_t n, Value payload)
{
    bool bypass = n >= FRAME_SIZE_TARGET;
    bool framing = p->framing;
    if (bypass) {
        commit_frame(p);
        p->framing = false;
    }
    write_raw(p, header, hlen);
    if (bypass && p->write != VAL_NULL) {
        if (!flush_to_file(p))
            return false;
        if (payload == VAL_NULL || !IS_EXACT(payload, rt_bytes_type))
            payload = rt_bytes_new(data, n);
        if (rt_call1(p->write, payload) == VAL_NULL)
            return false;
        clear_buffer(p);
    } else {
        write_raw(p, data, n);
    }
    p->framing = framing;
    return true;
}

/* ---- memo opcodes ------------------------------------------------------------------------ */

static void write_index_op(Pickler *p, int textop, int op1, int op4, size_t idx)
{
    unsigned char buf[32];
    if (!p->bin) {                      /* "g12\n" */
        buf[0] = (unsigned char)textop;
        size_t n = 1 + rt_i64_decimal((int64_t)idx, (char *)buf + 1);
        buf[n++] = '\n';
        write_raw(p, buf, n);
    } else if (idx < 256) {
        buf[0] = (unsigned char)op1;
        buf[1] = (unsigned char)idx;
        write_raw(p, buf, 2);
    } else {
        buf[0] = (unsigned char)op4;
        for (int i = 0; i < 4; i++)
            buf[1 + i] = (unsigned char)(idx >> (8 * i));
        write_raw(p, buf, 5);
    }
}

/* GET (BINGET, LONG_BINGET) of memo entry idx. */
static bool write_get(Pickler *p, size_t idx)
{
    if (idx > 0xffffffffu) {
        rt_raisef(&pk_PicklingError, "memo id too large for LONG_BINGET");
        return false;
    }
    write_index_op(p, PK_GET, PK_BINGET, PK_LONG_BINGET, idx);
    return true;
}

static bool memo_get_op(Pickler *p, Value obj)
{
    size_t idx;
    if (!memo_get(&p->memo, obj, &idx)) {
        rt_raise(rt_call1(obj_val(&rt_KeyError), obj));
        return false;
    }
    return write_get(p, idx);
}

/* Remember obj and write PUT (MEMOIZE from protocol 4); nothing in fast mode. */
static bool memo_put(Pickler *p, Value obj)
{
    if (p->fast)
        return true;
    size_t idx = p->memo.used;
    memo_set(&p->memo, obj, idx);
    if (p->proto >= 4)
        write_op(p, PK_MEMOIZE);
    else if (idx > 0xffffffffu) {
        rt_raisef(&pk_PicklingError, "memo id too large for LONG_BINPUT");
        return false;
    } else
        write_index_op(p, PK_PUT, PK_BINPUT, PK_LONG_BINPUT, idx);
    return true;
}

static bool in_memo(Pickler *p, Value obj)
{
    size_t idx;
    return memo_get(&p->memo, obj, &idx);
}

/* ---- fast mode's cycle check ------------------------------------------------------------- */

static bool fast_enter(Pickler *p, Value obj)
{
    if (++p->fast_nesting < FAST_NESTING_LIMIT)
        return true;
    if (p->fast_memo == VAL_NULL)
        p->fast_memo = rt_dict_new();
    Value key = rt_int_from_u64((uint64_t)obj);
    bool err = false;
    if (rt_dict_get(p->fast_memo, key, &err) != VAL_NULL) {
        rt_raisef(&rt_ValueError, "fast mode: can't pickle cyclic objects including object "
                  "type %s at %p", val_type(obj)->name, (void *)obj);
        p->fast_nesting = -1;
        return false;
    }
    rt_dict_set(p->fast_memo, key, rt_None);
    return true;
}

static bool fast_leave(Pickler *p, Value obj)
{
    if (p->fast_nesting-- >= FAST_NESTING_LIMIT)
        return rt_dict_del(p->fast_memo, rt_int_from_u64((uint64_t)obj)) >= 0;
    return true;
}

/* ---- atoms -------------------------------------------------------------------------------- */

static int save_bool(Pickler *p, Value obj)
{
    if (p->proto >= 2)
        write_op(p, obj == rt_True ? PK_NEWTRUE : PK_NEWFALSE);
    else
        write_cstr(p, obj == rt_True ? "I01\n" : "I00\n");
    return 0;
}

/* x as `n` little-endian two's-complement bytes (int.to_bytes), into out. */
static void int_to_bytes(Value x, size_t n, unsigned char *out)
{
    mpz_t z;
    mpz_init(z);
    mod_int_to_mpz(x, z);
    if (mpz_sgn(z) < 0) {       /* 256**n + x */
        mpz_t m;
        mpz_init(m);
        mpz_setbit(m, 8 * n);
        mpz_add(z, z, m);
        mpz_clear(m);
    }
    size_t count = 0;
    memset(out, 0, n);
    mpz_export(out, &count, -1, 1, 0, 0, z);
    mpz_clear(z);
}

static int save_long(Pickler *p, Value obj)
{
    int64_t v;
    if (val_is_small(obj) && (v = small_value(obj)) >= -0x80000000LL && v <= 0x7fffffffLL) {
        unsigned char buf[32];
        if (!p->bin) {                  /* "I42\n" */
            buf[0] = PK_INT;
            size_t n = 1 + rt_i64_decimal(v, (char *)buf + 1);
            buf[n++] = '\n';
            write_raw(p, buf, n);
            return 0;
        }
        for (int i = 0; i < 4; i++)
            buf[1 + i] = (unsigned char)((uint64_t)v >> (8 * i));
        size_t n = buf[4] || buf[3] ? 5 : buf[2] ? 3 : 2;
        buf[0] = n == 5 ? PK_BININT : n == 3 ? PK_BININT2 : PK_BININT1;
        write_raw(p, buf, n);
        return 0;
    }
    if (p->proto < 2) {
        Value repr = rt_int_repr(obj);
        write_op(p, PK_LONG);
        write_raw(p, rt_str_cstr(repr), rt_str_nbytes(repr));
        write_cstr(p, "L\n");
        return 0;
    }
    size_t nbytes = (rt_int_bit_length(obj) >> 3) + 1;
    if (nbytes > 0x7fffffff) {
        rt_raisef(&rt_OverflowError, "int too large to pickle");
        return -1;
    }
    unsigned char *d = gc_alloc_atomic(nbytes);
    int_to_bytes(obj, nbytes, d);
    if (rt_int_sign(obj) < 0 && nbytes > 1 && d[nbytes - 1] == 0xff && (d[nbytes - 2] & 0x80))
        nbytes--;
    unsigned char header[5];
    size_t hlen;
    if (nbytes < 256) {
        header[0] = PK_LONG1;
        header[1] = (unsigned char)nbytes;
        hlen = 2;
    } else {
        header[0] = PK_LONG4;
        for (int i = 0; i < 4; i++)
            header[1 + i] = (unsigned char)(nbytes >> (8 * i));
        hlen = 5;
    }
    write_raw(p, header, hlen);
    write_raw(p, d, nbytes);
    return 0;
}

static int save_float(Pickler *p, Value obj)
{
    double x = rt_float_value(obj);
    if (p->bin) {
        unsigned char buf[9];
        uint64_t bits;
        memcpy(&bits, &x, 8);
        buf[0] = PK_BINFLOAT;
        for (int i = 0; i < 8; i++)
            buf[1 + i] = (unsigned char)(bits >> (56 - 8 * i));
        write_raw(p, buf, 9);
        return 0;
    }
    char text[64];
    rt_double_repr(x, text, sizeof text);
    write_op(p, PK_FLOAT);
    write_cstr(p, text);
    write_cstr(p, "\n");
    return 0;
}

/* ---- bytes, bytearray, PickleBuffer, str ---------------------------------------------- */

static void size_header(unsigned char *h, size_t *hlen, int op1, int op4, int op8,
                        size_t size, bool short_ok)
{
    if (short_ok && size <= 0xff) {
        h[0] = (unsigned char)op1;
        h[1] = (unsigned char)size;
        *hlen = 2;
    } else if (size <= 0xffffffffu) {
        h[0] = (unsigned char)op4;
        for (int i = 0; i < 4; i++)
            h[1 + i] = (unsigned char)(size >> (8 * i));
        *hlen = 5;
    } else {
        h[0] = (unsigned char)op8;
        write_size64(h + 1, size);
        *hlen = 9;
    }
}

static int save_bytes_data(Pickler *p, Value obj, const unsigned char *data, size_t size)
{
    unsigned char h[9];
    size_t hlen;
    if (size > 0xffffffffu && p->proto < 4) {
        rt_raisef(&rt_OverflowError, "serializing a bytes object larger than 4 GiB requires "
                  "pickle protocol 4 or higher");
        return -1;
    }
    size_header(h, &hlen, PK_SHORT_BINBYTES, PK_BINBYTES, PK_BINBYTES8, size, true);
    if (!write_bytes(p, h, hlen, data, size, obj) || !memo_put(p, obj))
        return -1;
    return 0;
}

static int save_bytearray_data(Pickler *p, Value obj, const unsigned char *data, size_t size)
{
    unsigned char h[9];
    h[0] = PK_BYTEARRAY8;
    write_size64(h + 1, size);
    if (!write_bytes(p, h, 9, data, size, VAL_NULL) || !memo_put(p, obj))
        return -1;
    return 0;
}

static int save_bytes(Pickler *p, Value obj)
{
    ObjBytes *b = AS_BYTES(obj);
    if (p->proto >= 3)
        return save_bytes_data(p, obj, b->data, b->length);
    /* (codecs.encode, ('latin-1 text', 'latin1')): Python 2 reads a str */
    Value rv;
    if (b->length == 0)
        rv = rt_tuple_pack(2, obj_val(&rt_bytes_type), rt_empty_tuple);
    else
        rv = rt_tuple_pack(2, pk_state.codecs_encode,
                           rt_tuple_pack(2, rt_str_from_latin1(b->data, b->length),
                                         RT_NAME("latin1")));
    return save_reduce(p, rv, obj);
}

static int save_bytearray(Pickler *p, Value obj)
{
    ObjByteArray *b = (ObjByteArray *)obj;
    if (p->proto >= 5)
        return save_bytearray_data(p, obj, b->data, b->length);
    Value args = b->length == 0 ? rt_empty_tuple
                                : rt_tuple_pack(1, rt_bytes_new(b->data, b->length));
    return save_reduce(p, rt_tuple_pack(2, obj_val(&rt_bytearray_type), args), obj);
}

static int save_picklebuffer(Pickler *p, Value obj)
{
    if (p->proto < 5) {
        /* 3.13 mended the grammar */
        rt_raisef(&pk_PicklingError, "PickleBuffer can only %spickled with protocol >= 5",
                  rt_py_minor >= 13 ? "be " : "");
        return -1;
    }
    RtBuffer *view;
    if (!pk_picklebuffer_view(obj, &view))
        return -1;
    if (!pk_buffer_contiguous(view)) {
        rt_raisef(&pk_PicklingError, "PickleBuffer can not be pickled when pointing to a "
                  "non-contiguous buffer");
        return -1;
    }
    int in_band = 1;
    if (p->buffer_callback != VAL_NULL) {
        Value r = rt_call1(p->buffer_callback, obj);
        if (r == VAL_NULL || (in_band = rt_truthy(r)) < 0)
            return -1;
    }
    if (in_band)
        return view->readonly ? save_bytes_data(p, obj, view->buf, view->len)
                              : save_bytearray_data(p, obj, view->buf, view->len);
    write_op(p, PK_NEXT_BUFFER);
    if (view->readonly)
        write_op(p, PK_READONLY_BUFFER);
    return 0;
}

/* Protocol 0's UNICODE argument: raw-unicode-escape, with backslash, NUL,
 * CR, LF and ^Z escaped too so that the line stays one line. */
static void write_raw_unicode_escape(Pickler *p, Value s)
{
    const char *d = rt_str_cstr(s);
    size_t n = rt_str_nbytes(s), len;
    static const char hex[] = "0123456789abcdef";
    for (size_t off = 0; off < n; off += len) {
        uint32_t c = (unsigned char)d[off] < 0x80 ? (len = 1, (unsigned char)d[off])
                                                   : rt_utf8_decode(d + off, &len);
        char buf[10];
        int digits = c >= 0x10000 ? 8 : (c >= 256 || c == '\\' || c == 0 || c == '\n' ||
                                         c == '\r' || c == 0x1a) ? 4 : 0;
        if (digits == 0) {
            buf[0] = (char)c;
            write_raw(p, buf, 1);
            continue;
        }
        buf[0] = '\\';
        buf[1] = digits == 8 ? 'U' : 'u';
        for (int i = 0; i < digits; i++)
            buf[2 + i] = hex[(c >> (4 * (digits - 1 - i))) & 0xf];
        write_raw(p, buf, 2 + (size_t)digits);
    }
}

static int save_unicode(Pickler *p, Value obj)
{
    if (p->bin) {
        size_t size = rt_str_nbytes(obj);
        unsigned char h[9];
        size_t hlen;
        if (size > 0xffffffffu && p->proto < 4) {
            rt_raisef(&rt_OverflowError, "serializing a string larger than 4 GiB requires "
                      "pickle protocol 4 or higher");
            return -1;
        }
        size_header(h, &hlen, PK_SHORT_BINUNICODE, PK_BINUNICODE, PK_BINUNICODE8, size,
                    p->proto >= 4);
        if (!write_bytes(p, h, hlen, (const unsigned char *)rt_str_cstr(obj), size, VAL_NULL))
            return -1;
    } else {
        write_op(p, PK_UNICODE);
        write_raw_unicode_escape(p, obj);
        write_cstr(p, "\n");
    }
    return memo_put(p, obj) ? 0 : -1;
}

/* ---- containers --------------------------------------------------------------------------- */

static int save_tuple(Pickler *p, Value obj)
{
    size_t len = rt_tuple_len(obj);
    static const unsigned char len2op[] = { PK_EMPTY_TUPLE, PK_TUPLE1, PK_TUPLE2, PK_TUPLE3 };
    if (len == 0) {
        if (p->proto)
            write_op(p, PK_EMPTY_TUPLE);
        else
            write_cstr(p, "(t");
        return 0;
    }
    bool short_form = len <= 3 && p->proto >= 2;
    if (!short_form)
        write_op(p, PK_MARK);
    for (size_t i = 0; i < len; i++)
        if (save(p, rt_tuple_get(obj, i), false) < 0)
            return -1;
    if (in_memo(p, obj)) {
        /* the tuple is recursive: throw away what was pushed and fetch it */
        if (short_form)
            for (size_t i = 0; i < len; i++)
                write_op(p, PK_POP);
        else if (p->bin)
            write_op(p, PK_POP_MARK);
        else
            for (size_t i = 0; i <= len; i++)
                write_op(p, PK_POP);
        return memo_get_op(p, obj) ? 0 : -1;
    }
    write_op(p, short_form ? len2op[len] : PK_TUPLE);
    return memo_put(p, obj) ? 0 : -1;
}

/* MARK item ... APPENDS in batches, from an iterator (any list-like). */
static int batch_list(Pickler *p, Value iter)
{
    Value item;
    if (p->proto == 0) {
        while ((item = rt_next(iter)) != VAL_NULL) {
            if (save(p, item, false) < 0)
                return -1;
            write_op(p, PK_APPEND);
        }
        return rt_err_occurred() ? -1 : 0;
    }
    int n;
    do {
        Value first = rt_next(iter);
        if (first == VAL_NULL)
            return rt_err_occurred() ? -1 : 0;
        Value obj = rt_next(iter);
        if (obj == VAL_NULL) {
            if (rt_err_occurred() || save(p, first, false) < 0)
                return -1;
            write_op(p, PK_APPEND);
            return 0;
        }
        write_op(p, PK_MARK);
        if (save(p, first, false) < 0)
            return -1;
        n = 1;
        while (obj != VAL_NULL) {
            if (save(p, obj, false) < 0)
                return -1;
            if (++n == BATCHSIZE)
                break;
            obj = rt_next(iter);
            if (obj == VAL_NULL && rt_err_occurred())
                return -1;
        }
        write_op(p, PK_APPENDS);
    } while (n == BATCHSIZE);
    return 0;
}

static int batch_list_exact(Pickler *p, Value list)
{
    ObjList *l = AS_LIST(list);
    if (l->length == 1) {
        if (save(p, l->items[0], false) < 0)
            return -1;
        write_op(p, PK_APPEND);
        return 0;
    }
    size_t total = 0;
    do {
        write_op(p, PK_MARK);
        for (int batch = 0; total < l->length && batch < BATCHSIZE; batch++)
            if (save(p, l->items[total++], false) < 0)
                return -1;
        write_op(p, PK_APPENDS);
    } while (total < l->length);
    return 0;
}

static int save_list(Pickler *p, Value obj)
{
    int status = 0;
    if (p->fast && !fast_enter(p, obj))
        return -1;
    if (p->bin)
        write_op(p, PK_EMPTY_LIST);
    else
        write_cstr(p, "(l");
    if (!memo_put(p, obj))
        status = -1;
    else if (AS_LIST(obj)->length != 0) {
        if (!vm_enter_recursive_call(" while pickling an object"))
            status = -1;
        else {
            if (p->proto > 0)
                status = batch_list_exact(p, obj);
            else {
                Value it = rt_iter(obj);
                status = it == VAL_NULL ? -1 : batch_list(p, it);
            }
            vm_leave_recursive_call();
        }
    }
    if (p->fast && !fast_leave(p, obj))
        status = -1;
    return status;
}

static bool check_pair(Value item)
{
    if (rt_isinstance_of(item, &rt_tuple_type) && rt_tuple_len(item) == 2)
        return true;
    rt_raisef(&rt_TypeError, "dict items iterator must return 2-tuples");
    return false;
}

static int save_pair(Pickler *p, Value item)
{
    if (!check_pair(item) || save(p, rt_tuple_get(item, 0), false) < 0 ||
        save(p, rt_tuple_get(item, 1), false) < 0)
        return -1;
    return 0;
}

/* MARK key value ... SETITEMS in batches, from an iterator of pairs. */
static int batch_dict(Pickler *p, Value iter)
{
    Value item;
    if (p->proto == 0) {
        while ((item = rt_next(iter)) != VAL_NULL) {
            if (save_pair(p, item) < 0)
                return -1;
            write_op(p, PK_SETITEM);
        }
        return rt_err_occurred() ? -1 : 0;
    }
    int n;
    do {
        Value first = rt_next(iter);
        if (first == VAL_NULL)
            return rt_err_occurred() ? -1 : 0;
        if (!check_pair(first))
            return -1;
        Value obj = rt_next(iter);
        if (obj == VAL_NULL) {
            if (rt_err_occurred() || save_pair(p, first) < 0)
                return -1;
            write_op(p, PK_SETITEM);
            return 0;
        }
        write_op(p, PK_MARK);
        if (save_pair(p, first) < 0)
            return -1;
        n = 1;
        while (obj != VAL_NULL) {
            if (save_pair(p, obj) < 0)
                return -1;
            if (++n == BATCHSIZE)
                break;
            obj = rt_next(iter);
            if (obj == VAL_NULL && rt_err_occurred())
                return -1;
        }
        write_op(p, PK_SETITEMS);
    } while (n == BATCHSIZE);
    return 0;
}

static int batch_dict_exact(Pickler *p, Value dict)
{
    size_t size = rt_dict_len(dict), pos = 0;
    Value k, v;
    if (size == 1) {
        rt_dict_next(dict, &pos, &k, &v);
        if (save(p, k, false) < 0 || save(p, v, false) < 0)
            return -1;
        write_op(p, PK_SETITEM);
        return 0;
    }
    int i;
    do {
        i = 0;
        write_op(p, PK_MARK);
        while (rt_dict_next(dict, &pos, &k, &v)) {
            if (save(p, k, false) < 0 || save(p, v, false) < 0)
                return -1;
            if (++i == BATCHSIZE)
                break;
        }
        write_op(p, PK_SETITEMS);
        if (rt_dict_len(dict) != size) {
            rt_raisef(&rt_RuntimeError, "dictionary changed size during iteration");
            return -1;
        }
    } while (i == BATCHSIZE);
    return 0;
}

static int save_dict(Pickler *p, Value obj)
{
    int status = 0;
    if (p->fast && !fast_enter(p, obj))
        return -1;
    if (p->bin)
        write_op(p, PK_EMPTY_DICT);
    else
        write_cstr(p, "(d");
    if (!memo_put(p, obj))
        status = -1;
    else if (rt_dict_len(obj) != 0) {
        Value it = VAL_NULL;
        if (p->proto == 0) {
            Value items = mod_call_method(obj, "items", NULL, 0);
            if (items == VAL_NULL || (it = rt_iter(items)) == VAL_NULL)
                status = -1;
        }
        if (status == 0 && !vm_enter_recursive_call(" while pickling an object"))
            status = -1;
        else if (status == 0) {
            status = p->proto > 0 ? batch_dict_exact(p, obj) : batch_dict(p, it);
            vm_leave_recursive_call();
        }
    }
    if (p->fast && !fast_leave(p, obj))
        status = -1;
    return status;
}

/* Below protocol 4: (set, ([items],)) or (frozenset, ([items],)). */
static int save_set_reduce(Pickler *p, Value obj, ObjType *type)
{
    Value items = rt_sequence_to_list(obj);
    if (items == VAL_NULL)
        return -1;
    return save_reduce(p, rt_tuple_pack(2, obj_val(type), rt_tuple_pack(1, items)), obj);
}

static int save_set(Pickler *p, Value obj)
{
    if (p->proto < 4)
        return save_set_reduce(p, obj, &rt_set_type);
    write_op(p, PK_EMPTY_SET);
    if (!memo_put(p, obj))
        return -1;
    size_t size = (size_t)rt_len(obj), pos = 0;
    if (size == 0)
        return 0;
    Value item;
    int i;
    do {
        i = 0;
        write_op(p, PK_MARK);
        while (rt_set_next(obj, &pos, &item)) {
            if (save(p, item, false) < 0)
                return -1;
            if (++i == BATCHSIZE)
                break;
        }
        write_op(p, PK_ADDITEMS);
        if ((size_t)rt_len(obj) != size) {
            rt_raisef(&rt_RuntimeError, "set changed size during iteration");
            return -1;
        }
    } while (i == BATCHSIZE);
    return 0;
}

static int save_frozenset(Pickler *p, Value obj)
{
    if (p->fast && !fast_enter(p, obj))
        return -1;
    if (p->proto < 4)
        return save_set_reduce(p, obj, &rt_frozenset_type);
    write_op(p, PK_MARK);
    size_t pos = 0;
    Value item;
    while (rt_set_next(obj, &pos, &item))
        if (save(p, item, false) < 0)
            return -1;
    if (in_memo(p, obj)) {      /* recursive: it was pickled inside itself */
        write_op(p, PK_POP_MARK);
        return memo_get_op(p, obj) ? 0 : -1;
    }
    write_op(p, PK_FROZENSET);
    return memo_put(p, obj) ? 0 : -1;
}

/* ---- globals: classes and functions by name ---------------------------------------------- */

/* name.split('.'); AttributeError for a name inside a function (<locals>). */
static Value dotted_path(Value obj, Value name)
{
    Value parts = mod_call_method(name, "split", (Value[]){ rt_str_from_cstr(".") }, 1);
    if (parts == VAL_NULL)
        return VAL_NULL;
    for (size_t i = 0; i < AS_LIST(parts)->length; i++)
        if (strcmp(rt_str_cstr(AS_LIST(parts)->items[i]), "<locals>") == 0) {
            if (obj == VAL_NULL)
                return rt_raisef(&rt_AttributeError, "Can't pickle local object %R", name);
            return rt_raisef(&rt_AttributeError, "Can't pickle local attribute %R on %R", name,
                             obj);
        }
    return parts;
}

/* obj.a.b.c for the names of `path`; *parent gets the object the last
 * one was found on.  VAL_NULL (maybe without an exception) when one is
 * missing. */
static Value deep_attribute(Value obj, Value path, Value *parent)
{
    Value par = VAL_NULL;
    for (size_t i = 0; i < AS_LIST(path)->length && obj != VAL_NULL; i++) {
        par = obj;
        obj = rt_lookup_attr(par, AS_LIST(path)->items[i]);
    }
    if (parent != NULL)
        *parent = par;
    return obj;
}

Value pk_getattribute(Value obj, Value name, bool allow_qualname)
{
    Value attr;
    if (allow_qualname) {
        Value path = dotted_path(obj, name);
        if (path == VAL_NULL)
            return VAL_NULL;
        attr = deep_attribute(obj, path, NULL);
    } else
        attr = rt_lookup_attr(obj, name);
    if (attr == VAL_NULL && !rt_err_occurred())
        rt_raisef(&rt_AttributeError, "Can't get attribute %R on %R", name, obj);
    return attr;
}

/* The module a global lives in: its __module__, else the module of
 * sys.modules where the dotted path leads to it, else __main__. */
static Value whichmodule(Value global, Value path)
{
    Value name = rt_lookup_attr(global, s_module);
    if (name != VAL_NULL && name != rt_None)
        return name;
    if (rt_err_occurred())
        return VAL_NULL;
    Value modules = rt_dict_get_cstr(rt_sys_namespace, "modules");
    if (modules == VAL_NULL)
        return rt_raisef(&rt_RuntimeError, "unable to get sys.modules");
    Value k, m;
    for (size_t pos = 0; is_dict(modules) && rt_dict_next(modules, &pos, &k, &m);) {
        if (m == rt_None || (rt_is_str(k) && strcmp(rt_str_cstr(k), "__main__") == 0))
            continue;
        Value candidate = deep_attribute(m, path, NULL);
        if (candidate == global)
            return k;
        if (rt_err_occurred())
            return VAL_NULL;
    }
    return rt_str_from_cstr("__main__");
}

/* PyImport_Import: __import__(name), then sys.modules[name]. */
Value pk_import_module(Value name)
{
    Value import = rt_dict_get_cstr(rt_builtins_dict, "__import__");
    if (import == VAL_NULL)
        return rt_raisef(&rt_ImportError, "__import__ not found");
    Value fromlist = rt_list_from((Value[]){ rt_str_from_cstr("__name__") }, 1);
    Value args[5] = { name, rt_None, rt_None, fromlist, small_new(0) };
    if (rt_call(import, args, 5, VAL_NULL) == VAL_NULL)
        return VAL_NULL;
    Value modules = rt_dict_get_cstr(rt_sys_namespace, "modules");
    return modules == VAL_NULL ? rt_raisef(&rt_RuntimeError, "lost sys.modules")
                               : rt_getitem(modules, name);
}

/* Protocols 0-2: the Python 2 names of renamed modules and globals. */
static bool fix_imports(Value *module, Value *global)
{
    bool err = false;
    Value item = rt_dict_get(pk_state.name_mapping_3to2, rt_tuple_pack(2, *module, *global),
                             &err);
    if (item != VAL_NULL) {
        if (!is_tuple(item) || rt_tuple_len(item) != 2) {
            rt_raisef(&rt_RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values should be "
                      "2-tuples, not %T", item);
            return false;
        }
        *module = rt_tuple_get(item, 0);
        *global = rt_tuple_get(item, 1);
        return true;
    }
    if (err)
        return false;
    item = rt_dict_get(pk_state.import_mapping_3to2, *module, &err);
    if (item != VAL_NULL) {
        if (!rt_is_str(item)) {
            rt_raisef(&rt_RuntimeError, "_compat_pickle.REVERSE_IMPORT_MAPPING values should "
                      "be strings, not %T", item);
            return false;
        }
        *module = item;
    }
    return !err;
}

static bool is_ascii_str(Value s)
{
    return AS_STR(s)->ascii;
}

static bool write_global_name(Pickler *p, Value name, const char *what)
{
    if (p->proto != 3 && !is_ascii_str(name)) {
        rt_raisef(&pk_PicklingError, "can't pickle %s identifier '%S' using pickle protocol %d",
                  what, name, p->proto);
        return false;
    }
    write_raw(p, rt_str_cstr(name), rt_str_nbytes(name));
    write_cstr(p, "\n");
    return true;
}

static int save_global(Pickler *p, Value obj, Value name)
{
    if (name == VAL_NULL) {
        name = rt_lookup_attr(obj, s_qualname);
        if (name == VAL_NULL && (rt_err_occurred() ||
            (name = rt_getattr(obj, s_name)) == VAL_NULL))
            return -1;
    }
    Value path = dotted_path(VAL_NULL, name);
    Value module_name = path == VAL_NULL ? VAL_NULL : whichmodule(obj, path);
    if (module_name == VAL_NULL)
        return -1;
    /* CPython's builtin types all give one interned 'builtins' (the pickle
     * memoizes it by identity) */
    if (is_str(module_name) && rt_isinstance_of(obj, &rt_type_type) &&
        !rt_is_heaptype(AS_TYPE(obj)))
        module_name = rt_str_intern(module_name);
    Value module = pk_import_module(module_name);
    if (module == VAL_NULL) {
        rt_raisef(&pk_PicklingError, "Can't pickle %R: import of module %R failed", obj,
                  module_name);
        return -1;
    }
    Value lastname = AS_LIST(path)->items[AS_LIST(path)->length - 1], parent;
    Value cls = deep_attribute(module, path, &parent);
    if (cls == VAL_NULL) {
        rt_raisef(&pk_PicklingError, "Can't pickle %R: attribute lookup %S on %S failed", obj,
                  name, module_name);
        return -1;
    }
    if (cls != obj) {
        rt_raisef(&pk_PicklingError, "Can't pickle %R: it's not the same object as %S.%S", obj,
                  module_name, name);
        return -1;
    }
    if (p->proto >= 2) {
        bool err = false;
        Value code_obj = rt_dict_get(pk_state.extension_registry,
                                     rt_tuple_pack(2, module_name, name), &err);
        if (err)
            return -1;
        if (code_obj != VAL_NULL) {
            int64_t code = 0;
            if (!is_int(code_obj)) {
                rt_raisef(&pk_PicklingError, "Can't pickle %R: extension code %R isn't an "
                          "integer", obj, code_obj);
                return -1;
            }
            if (!rt_int_as_i64(code_obj, &code))
                return -1;
            if (code <= 0 || code > 0x7fffffff) {
                rt_raisef(&pk_PicklingError, "Can't pickle %R: extension code %ld is out of "
                          "range", obj, (long)code);
                return -1;
            }
            unsigned char buf[5];
            size_t n = code <= 0xff ? 2 : code <= 0xffff ? 3 : 5;
            buf[0] = n == 2 ? PK_EXT1 : n == 3 ? PK_EXT2 : PK_EXT4;
            for (size_t i = 1; i < n; i++)
                buf[i] = (unsigned char)(code >> (8 * (i - 1)));
            write_raw(p, buf, n);
            return 0;
        }
    }
    if (parent == module)
        name = lastname;
    if (p->proto >= 4) {
        if (save(p, module_name, false) < 0 || save(p, name, false) < 0)
            return -1;
        write_op(p, PK_STACK_GLOBAL);
    } else if (parent != module) {
        Value rv = rt_tuple_pack(2, pk_state.getattr, rt_tuple_pack(2, parent, lastname));
        if (save_reduce(p, rv, VAL_NULL) < 0)
            return -1;
    } else {
        write_op(p, PK_GLOBAL);
        if (p->proto < 3 && p->fix_imports && !fix_imports(&module_name, &name))
            return -1;
        if (!write_global_name(p, module_name, "module") ||
            !write_global_name(p, name, "global"))
            return -1;
    }
    return memo_put(p, obj) ? 0 : -1;
}

/* type(None), type(...), type(NotImplemented): (type, (singleton,)). */
static int save_type(Pickler *p, Value obj)
{
    Value singleton = obj == obj_val(&rt_none_type) ? rt_None
                    : obj == obj_val(&rt_ellipsis_type) ? rt_Ellipsis
                    : obj == obj_val(&rt_notimpl_type) ? rt_NotImplemented : VAL_NULL;
    if (singleton != VAL_NULL)
        return save_reduce(p, rt_tuple_pack(2, obj_val(&rt_type_type),
                                            rt_tuple_pack(1, singleton)), obj);
    return save_global(p, obj, VAL_NULL);
}

/* persistent_id(obj): 1 saved as a persistent id, 0 not one, -1 error. */
static int save_pers(Pickler *p, Value obj)
{
    Value pid = rt_call1(p->pers_func, obj);
    if (pid == VAL_NULL)
        return -1;
    if (pid == rt_None)
        return 0;
    if (p->bin) {
        if (save(p, pid, true) < 0)
            return -1;
        write_op(p, PK_BINPERSID);
        return 1;
    }
    Value s = rt_str(pid);
    if (s == VAL_NULL)
        return -1;
    if (!is_ascii_str(s)) {
        rt_raisef(&pk_PicklingError, "persistent IDs in protocol 0 must be ASCII strings");
        return -1;
    }
    write_op(p, PK_PERSID);
    write_raw(p, rt_str_cstr(s), rt_str_nbytes(s));
    write_cstr(p, "\n");
    return 1;
}

/* ---- reductions ----------------------------------------------------------------------------- */

static bool is_iterator(Value v)
{
    return val_type(v)->next != NULL;
}

static Value name_of(Value callable)
{
    Value name = rt_lookup_attr(callable, s_name);
    return name != VAL_NULL && rt_is_str(name) ? name : VAL_NULL;
}

static int save_newobj_ex(Pickler *p, Value argtup)
{
    if (rt_tuple_len(argtup) != 3) {
        rt_raisef(&pk_PicklingError, "length of the NEWOBJ_EX argument tuple must be exactly "
                  "3, not %zu", rt_tuple_len(argtup));
        return -1;
    }
    Value cls = rt_tuple_get(argtup, 0), args = rt_tuple_get(argtup, 1),
          kwargs = rt_tuple_get(argtup, 2);
    if (!rt_isinstance_of(cls, &rt_type_type)) {
        rt_raisef(&pk_PicklingError, "first item from NEWOBJ_EX argument tuple must be a "
                  "class, not %T", cls);
        return -1;
    }
    if (!rt_isinstance_of(args, &rt_tuple_type)) {
        rt_raisef(&pk_PicklingError, "second item from NEWOBJ_EX argument tuple must be a "
                  "tuple, not %T", args);
        return -1;
    }
    if (!rt_isinstance_of(kwargs, &rt_dict_type)) {
        rt_raisef(&pk_PicklingError, "third item from NEWOBJ_EX argument tuple must be a "
                  "dict, not %T", kwargs);
        return -1;
    }
    if (p->proto >= 4) {
        if (save(p, cls, false) < 0 || save(p, args, false) < 0 || save(p, kwargs, false) < 0)
            return -1;
        write_op(p, PK_NEWOBJ_EX);
        return 0;
    }
    /* protocols 2, 3: partial(cls.__new__, cls, *args, **kwargs)() */
    size_t n = rt_tuple_len(args);
    Value cls_new = rt_getattr_cstr(cls, "__new__");
    if (cls_new == VAL_NULL)
        return -1;
    Value newargs = rt_tuple_new(n + 2);
    AS_TUPLE(newargs)->items[0] = cls_new;
    AS_TUPLE(newargs)->items[1] = cls;
    for (size_t i = 0; i < n; i++)
        AS_TUPLE(newargs)->items[i + 2] = rt_tuple_get(args, i);
    Value callable = rt_call_tuple_dict(pk_state.partial, newargs, kwargs);
    if (callable == VAL_NULL || save(p, callable, false) < 0 ||
        save(p, rt_empty_tuple, false) < 0)
        return -1;
    write_op(p, PK_REDUCE);
    return 0;
}

static int save_newobj(Pickler *p, Value argtup, Value obj)
{
    size_t n = rt_tuple_len(argtup);
    if (n < 1) {
        rt_raisef(&pk_PicklingError, "__newobj__ arglist is empty");
        return -1;
    }
    Value cls = rt_tuple_get(argtup, 0);
    if (!rt_isinstance_of(cls, &rt_type_type)) {
        rt_raisef(&pk_PicklingError, "args[0] from __newobj__ args is not a type");
        return -1;
    }
    if (obj != VAL_NULL) {
        Value obj_class = rt_lookup_attr(obj, s_class);
        if (obj_class == VAL_NULL) {
            if (rt_err_occurred())
                return -1;
            obj_class = obj_val(val_type(obj));
        }
        if (obj_class != cls) {
            rt_raisef(&pk_PicklingError, "args[0] from __newobj__ args has the wrong class");
            return -1;
        }
    }
    if (save(p, cls, false) < 0 ||
        save(p, rt_tuple_from(AS_TUPLE(argtup)->items + 1, n - 1), false) < 0)
        return -1;
    write_op(p, PK_NEWOBJ);
    return 0;
}

/* What a __reduce__ gave for obj (VAL_NULL: not to be memoized):
 * (callable, args[, state[, listitems[, dictitems[, state_setter]]]]). */
static int save_reduce(Pickler *p, Value args, Value obj)
{
    size_t size = rt_tuple_len(args);
    if (size < 2 || size > 6) {
        rt_raisef(&pk_PicklingError, "tuple returned by __reduce__ must contain 2 through 6 "
                  "elements");
        return -1;
    }
    Value callable = rt_tuple_get(args, 0), argtup = rt_tuple_get(args, 1);
    Value state = size > 2 ? rt_tuple_get(args, 2) : rt_None;
    Value listitems = size > 3 ? rt_tuple_get(args, 3) : rt_None;
    Value dictitems = size > 4 ? rt_tuple_get(args, 4) : rt_None;
    Value setter = size > 5 ? rt_tuple_get(args, 5) : rt_None;
    if (!rt_callable(callable)) {
        rt_raisef(&pk_PicklingError, "first item of the tuple returned by __reduce__ must be "
                  "callable");
        return -1;
    }
    if (!rt_isinstance_of(argtup, &rt_tuple_type)) {
        rt_raisef(&pk_PicklingError, "second item of the tuple returned by __reduce__ must be "
                  "a tuple");
        return -1;
    }
    if (listitems != rt_None && !is_iterator(listitems)) {
        rt_raisef(&pk_PicklingError, "fourth element of the tuple returned by __reduce__ must "
                  "be an iterator, not %s", val_type(listitems)->name);
        return -1;
    }
    if (dictitems != rt_None && !is_iterator(dictitems)) {
        rt_raisef(&pk_PicklingError, "fifth element of the tuple returned by __reduce__ must "
                  "be an iterator, not %s", val_type(dictitems)->name);
        return -1;
    }
    if (setter != rt_None && !rt_callable(setter)) {
        rt_raisef(&pk_PicklingError, "sixth element of the tuple returned by __reduce__ must "
                  "be a function, not %s", val_type(setter)->name);
        return -1;
    }
    Value name = VAL_NULL;
    if (p->proto >= 2) {
        name = name_of(callable);
        if (name == VAL_NULL && rt_err_occurred())
            return -1;
    }
    int status;
    if (name != VAL_NULL && strcmp(rt_str_cstr(name), "__newobj_ex__") == 0)
        status = save_newobj_ex(p, argtup);
    else if (name != VAL_NULL && strcmp(rt_str_cstr(name), "__newobj__") == 0)
        status = save_newobj(p, argtup, obj);
    else {
        status = save(p, callable, false) < 0 || save(p, argtup, false) < 0 ? -1 : 0;
        if (status == 0)
            write_op(p, PK_REDUCE);
    }
    if (status < 0)
        return -1;
    if (obj != VAL_NULL) {
        if (in_memo(p, obj)) {  /* recursive: made inside itself, fetch that one */
            write_op(p, PK_POP);
            return memo_get_op(p, obj) ? 0 : -1;
        }
        if (!memo_put(p, obj))
            return -1;
    }
    if (listitems != rt_None && batch_list(p, listitems) < 0)
        return -1;
    if (dictitems != rt_None && batch_dict(p, dictitems) < 0)
        return -1;
    if (state != rt_None) {
        if (setter == rt_None) {
            if (save(p, state, false) < 0)
                return -1;
            write_op(p, PK_BUILD);
        } else {
            /* setter(obj, state), its result popped */
            if (save(p, setter, false) < 0 || save(p, obj, false) < 0 ||
                save(p, state, false) < 0)
                return -1;
            write_op(p, PK_TUPLE2);
            write_op(p, PK_REDUCE);
            write_op(p, PK_POP);
        }
    }
    return 0;
}

/* The reduction of an object no opcode covers: the dispatch tables, then
 * __reduce_ex__(proto), then __reduce__(); 1 when it was saved as a
 * global instead. */
static Value reduce_value(Pickler *p, Value obj, int *saved)
{
    ObjType *type = val_type(obj);
    Value f;
    *saved = 0;
    if (p->dispatch_table == VAL_NULL) {
        bool err = false;
        f = rt_dict_get(pk_state.dispatch_table, obj_val(type), &err);
        if (err)
            return VAL_NULL;
    } else {
        f = rt_getitem(p->dispatch_table, obj_val(type));
        if (f == VAL_NULL) {
            if (!rt_err_matches(&rt_KeyError))
                return VAL_NULL;
            rt_err_clear();
        }
    }
    if (f != VAL_NULL)
        return rt_call1(f, obj);
    if (rt_is_subtype(type, &rt_type_type)) {
        *saved = 1;
        return save_global(p, obj, VAL_NULL) < 0 ? VAL_NULL : rt_None;
    }
    f = rt_lookup_attr(obj, s_reduce_ex);
    if (f != VAL_NULL)
        return rt_call1(f, small_new(p->proto));
    if (rt_err_occurred())
        return VAL_NULL;
    f = rt_lookup_attr(obj, s_reduce);
    if (f != VAL_NULL)
        return rt_call0(f);
    if (!rt_err_occurred())
        rt_raisef(&pk_PicklingError, "can't pickle '%s' object: %R", type->name, obj);
    return VAL_NULL;
}

static int save_reduced(Pickler *p, Value obj, Value rv)
{
    if (rt_is_str(rv))
        return save_global(p, obj, rv);
    if (!rt_isinstance_of(rv, &rt_tuple_type)) {
        rt_raisef(&pk_PicklingError, "__reduce__ must return a string or tuple");
        return -1;
    }
    return save_reduce(p, rv, obj);
}

static int save_object(Pickler *p, Value obj, ObjType *type)
{
    if (type == &rt_dict_type)
        return save_dict(p, obj);
    if (type == &rt_set_type)
        return save_set(p, obj);
    if (type == &rt_frozenset_type)
        return save_frozenset(p, obj);
    if (type == &rt_list_type)
        return save_list(p, obj);
    if (type == &rt_tuple_type)
        return save_tuple(p, obj);
    if (type == &rt_bytearray_type)
        return save_bytearray(p, obj);
    if (type == &pk_picklebuffer_type)
        return save_picklebuffer(p, obj);
    if (p->reducer_override != VAL_NULL) {
        Value rv = rt_call1(p->reducer_override, obj);
        if (rv == VAL_NULL)
            return -1;
        if (rv != rt_NotImplemented)
            return save_reduced(p, obj, rv);
    }
    if (type == &rt_type_type)
        return save_type(p, obj);
    if (type == &rt_function_type)
        return save_global(p, obj, VAL_NULL);
    int saved;
    Value rv = reduce_value(p, obj, &saved);
    if (rv == VAL_NULL)
        return -1;
    return saved ? 0 : save_reduced(p, obj, rv);
}

static int save(Pickler *p, Value obj, bool pers_save)
{
    if (!opcode_boundary(p))
        return -1;
    if (!pers_save && p->pers_func != VAL_NULL) {
        int status = save_pers(p, obj);
        if (status != 0)
            return status;
    }
    ObjType *type = val_type(obj);
    if (obj == rt_None) {
        write_op(p, PK_NONE);
        return 0;
    }
    if (obj == rt_True || obj == rt_False)
        return save_bool(p, obj);
    if (type == &rt_int_type)
        return save_long(p, obj);
    if (type == &rt_float_type)
        return save_float(p, obj);
    size_t idx;
    if (memo_get(&p->memo, obj, &idx))
        return write_get(p, idx) ? 0 : -1;
    if (type == &rt_bytes_type)
        return save_bytes(p, obj);
    if (type == &rt_str_type)
        return save_unicode(p, obj);
    if (!vm_enter_recursive_call(" while pickling an object"))
        return -1;
    int status = save_object(p, obj, type);
    vm_leave_recursive_call();
    return status;
}

static bool dump(Pickler *p, Value obj)
{
    p->reducer_override = rt_lookup_attr(obj_val(p), RT_NAME("reducer_override"));
    bool ok = !rt_err_occurred();
    if (ok && p->proto >= 2) {
        unsigned char header[2] = { PK_PROTO, (unsigned char)p->proto };
        write_raw(p, header, 2);
        p->framing = p->proto >= 4;
    }
    if (ok && save(p, obj, false) >= 0) {
        write_op(p, PK_STOP);
        commit_frame(p);
    } else
        ok = false;
    p->framing = false;
    p->reducer_override = VAL_NULL;
    return ok;
}

/* ---- Pickler's Python face ------------------------------------------------------------------- */

static bool set_protocol(Pickler *p, Value protocol, bool fix)
{
    int64_t proto = PK_DEFAULT_PROTOCOL;
    if (protocol != VAL_NULL && protocol != rt_None) {
        Value i = rt_index(protocol);
        if (i == VAL_NULL)
            return false;
        if (!rt_int_as_i64(i, &proto)) {
            if (!rt_err_matches(&rt_OverflowError) || rt_int_sign(i) > 0)
                return false;
            rt_err_clear();
            proto = -1;
        }
        if (proto < 0)
            proto = PK_HIGHEST_PROTOCOL;
        else if (proto > PK_HIGHEST_PROTOCOL) {
            rt_raisef(&rt_ValueError, "pickle protocol must be <= %d", PK_HIGHEST_PROTOCOL);
            return false;
        }
    }
    p->proto = (int)proto;
    p->bin = proto > 0;
    p->fix_imports = fix && proto < 3;
    return true;
}

static bool set_buffer_callback(Pickler *p, Value cb)
{
    p->buffer_callback = cb == VAL_NULL || cb == rt_None ? VAL_NULL : cb;
    if (p->buffer_callback != VAL_NULL && p->proto < 5) {
        rt_raisef(&rt_ValueError, "buffer_callback needs protocol >= 5");
        return false;
    }
    return true;
}

static Pickler *pickler_alloc(ObjType *type)
{
    Pickler *p = rt_alloc_instance(type, sizeof *p);
    memo_init(&p->memo, 8);
    clear_buffer(p);
    return p;
}

static Value pickler_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    return obj_val(pickler_alloc(type));
}

static bool truth_arg(Value v, bool dflt, bool *out)
{
    int t = v == VAL_NULL ? dflt : rt_truthy(v);
    *out = t > 0;
    return t >= 0;
}

static Value pickler_init(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "file", "protocol", "fix_imports", "buffer_callback" };
    static const ArgSpec spec = { "Pickler", names, 4, 0, 1, 4, false };
    Value a[4];
    Pickler *p = PICKLER(args[0]);
    bool fix;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kwnames, a) || !truth_arg(a[2], true, &fix))
        return VAL_NULL;
    if (p->inited) {
        memo_init(&p->memo, 8);
        p->pers_func = p->dispatch_table = p->fast_memo = VAL_NULL;
    }
    if (!set_protocol(p, a[1], fix))
        return VAL_NULL;
    p->write = rt_lookup_attr(a[0], RT_NAME("write"));
    if (p->write == VAL_NULL) {
        if (!rt_err_occurred())
            rt_raisef(&rt_TypeError, "file must have a 'write' attribute");
        return VAL_NULL;
    }
    if (!set_buffer_callback(p, a[3]))
        return VAL_NULL;
    p->inited = true;
    clear_buffer(p);
    p->fast = p->fast_nesting = 0;
    p->fast_memo = VAL_NULL;
    p->pers_func = rt_lookup_attr(args[0], RT_NAME("persistent_id"));
    if (p->pers_func == VAL_NULL && rt_err_occurred())
        return VAL_NULL;
    if (p->dispatch_table == VAL_NULL) {
        p->dispatch_table = rt_lookup_attr(args[0], RT_NAME("dispatch_table"));
        if (p->dispatch_table == VAL_NULL && rt_err_occurred())
            return VAL_NULL;
    }
    return rt_None;
}

static Value pickler_dump(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("dump", nargs - 1, kwnames))
        return VAL_NULL;
    Pickler *p = PICKLER(args[0]);
    if (p->write == VAL_NULL)
        return rt_raisef(&pk_PicklingError, "Pickler.__init__() was not called by %s.__init__()",
                         val_type(args[0])->name);
    clear_buffer(p);
    if (!dump(p, args[1]) || !flush_to_file(p))
        return VAL_NULL;
    return rt_None;
}

static Value pickler_clear_memo(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("clear_memo", nargs - 1, kwnames))
        return VAL_NULL;
    memo_init(&PICKLER(args[0])->memo, 8);
    return rt_None;
}

static Value pickler_sizeof(Value *args, size_t nargs, Value kwnames)
{
    Pickler *p = PICKLER(args[0]);
    return rt_int_from_u64(sizeof *p + (p->memo.mask + 1) * sizeof(MemoEntry) + p->cap);
}

/* Pickler.memo: a proxy for the memo table. */
typedef struct {
    Object ob;
    Pickler *pickler;
} MemoProxy;

static Value pickler_get_memo(Value self)
{
    MemoProxy *m = gc_alloc(sizeof *m);
    m->ob.type = &pk_pickler_memoproxy_type;
    m->pickler = PICKLER(self);
    return obj_val(m);
}

static int pickler_set_memo(Value self, Value v)
{
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "attribute deletion is not supported");
        return -1;
    }
    Memo memo;
    if (val_type(v) == &pk_pickler_memoproxy_type) {
        const Memo *from = &((MemoProxy *)v)->pickler->memo;
        memo_init(&memo, from->mask + 1);
        memcpy(memo.table, from->table, (from->mask + 1) * sizeof *memo.table);
        memo.used = from->used;
    } else if (rt_isinstance_of(v, &rt_dict_type)) {
        memo_init(&memo, 8);
        Value k, item;
        for (size_t pos = 0; rt_dict_next(v, &pos, &k, &item);) {
            ssize_t idx;
            if (!is_tuple(item) || rt_tuple_len(item) != 2) {
                rt_raisef(&rt_TypeError, "'memo' values must be 2-item tuples");
                return -1;
            }
            if (!mod_int_as_ssize(rt_tuple_get(item, 0), &idx))
                return -1;
            memo_set(&memo, rt_tuple_get(item, 1), (size_t)idx);
        }
    } else {
        rt_raisef(&rt_TypeError, "'memo' attribute must be a PicklerMemoProxy object or dict, "
                  "not %s", val_type(v)->name);
        return -1;
    }
    PICKLER(self)->memo = memo;
    return 0;
}

static Value pickler_get_persid(Value self)
{
    Value f = PICKLER(self)->pers_func;
    return f != VAL_NULL ? f : rt_raisef(&rt_AttributeError, "persistent_id");
}

static int pickler_set_persid(Value self, Value v)
{
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "attribute deletion is not supported");
        return -1;
    }
    if (!rt_callable(v)) {
        rt_raisef(&rt_TypeError, "persistent_id must be a callable taking one argument");
        return -1;
    }
    PICKLER(self)->pers_func = v;
    return 0;
}

static Value memoproxy_clear(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("clear", nargs - 1, kwnames))
        return VAL_NULL;
    memo_init(&((MemoProxy *)args[0])->pickler->memo, 8);
    return rt_None;
}

/* {id(obj): (index, obj)} */
static Value memoproxy_copy_of(MemoProxy *m)
{
    Value d = rt_dict_new();
    const Memo *memo = &m->pickler->memo;
    for (size_t i = 0; i <= memo->mask; i++) {
        MemoEntry *e = &memo->table[i];
        if (e->key != VAL_NULL)
            rt_dict_set(d, rt_int_from_u64((uint64_t)e->key),
                        rt_tuple_pack(2, rt_int_from_u64(e->index), e->key));
    }
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

/* dumps()/dump() of the module: a Pickler made and used once. */
Value pk_dump(Value obj, Value file, Value protocol, bool fix_imports, Value buffer_callback)
{
    Pickler *p = pickler_alloc(&pk_pickler_type);
    if (!set_protocol(p, protocol, fix_imports))
        return VAL_NULL;
    if (file != VAL_NULL) {
        p->write = rt_lookup_attr(file, RT_NAME("write"));
        if (p->write == VAL_NULL) {
            if (!rt_err_occurred())
                rt_raisef(&rt_TypeError, "file must have a 'write' attribute");
            return VAL_NULL;
        }
    }
    if (!set_buffer_callback(p, buffer_callback) || !dump(p, obj))
        return VAL_NULL;
    if (file != VAL_NULL)
        return flush_to_file(p) ? rt_None : VAL_NULL;
    /* The pickler was made here and nothing else saw it (a __reduce__ is
     * never handed it), so its output buffer, copied into the bytes, and its
     * memo table, one entry per object pickled, are given back at once. */
    Value result = take_output(p);
    gc_free(p->out);
    gc_free(p->memo.table);
    p->out = NULL;
    p->memo.table = NULL;
    return result;
}

/* 3.13 (only): Pickler.persistent_id is a method (returning None: no object is
 * saved by id) a subclass or an instance may replace, no longer a getset. */
static Value pickler_persistent_id(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_one("persistent_id", nargs - 1, kwnames) ? rt_None : VAL_NULL;
}

static const MethodDef pickler_methods_313[] = {
    {"persistent_id", pickler_persistent_id},
    {NULL, NULL}
};

static const MethodDef pickler_methods[] = {
    {"__init__", pickler_init},
    {"dump", pickler_dump},
    {"clear_memo", pickler_clear_memo},
    {"__sizeof__", pickler_sizeof},
    {NULL, NULL}
};

static const MethodDef memoproxy_methods[] = {
    {"clear", memoproxy_clear},
    {"copy", memoproxy_copy},
    {"__reduce__", memoproxy_reduce},
    {NULL, NULL}
};

static const MemberDef pickler_members[] = {
    {"bin", offsetof(Pickler, bin), RT_MEMBER_INT, RT_WRITABLE, 0},
    {"fast", offsetof(Pickler, fast), RT_MEMBER_INT, RT_WRITABLE, 0},
    {"dispatch_table", offsetof(Pickler, dispatch_table), RT_MEMBER_VALUE_EX, RT_WRITABLE, 0},
    {NULL, 0, 0, 0, 0}
};

static const GetSetDef pickler_getsets[] = {
    {"memo", pickler_get_memo, pickler_set_memo, NULL},
    {"persistent_id", pickler_get_persid, pickler_set_persid, NULL},
    {NULL},
};
static const GetSetDef pickler_getsets_313[] = {
    {"memo", pickler_get_memo, pickler_set_memo, NULL},
    {NULL},
};

ObjType pk_pickler_type = {
    .ob.type = &rt_type_type, .name = "_pickle.Pickler", .flags = TF_BASETYPE | TF_SPLIT_INIT,
    .new_ = pickler_new, .members = pickler_members, .getsets = pickler_getsets,
    .instance_size = sizeof(Pickler),
};

ObjType pk_pickler_memoproxy_type = {
    .ob.type = &rt_type_type, .name = "_pickle.PicklerMemoProxy", .flags = TF_BASETYPE,
    .new_ = mod_no_new,
};

void pk_save_init(void)
{
    s_reduce_ex = rt_str_intern_cstr("__reduce_ex__");
    s_reduce = rt_str_intern_cstr("__reduce__");
    s_qualname = rt_str_intern_cstr("__qualname__");
    s_module = rt_str_intern_cstr("__module__");
    s_name = rt_str_intern_cstr("__name__");
    s_class = rt_str_intern_cstr("__class__");
    if (pk_pickler_type.mro == VAL_NULL) {
        if (rt_py_minor == 13)   /* 3.14 made them assignable again */
            pk_pickler_type.getsets = pickler_getsets_313;
        rt_type_ready(&pk_pickler_type, pickler_methods);
        if (rt_py_minor == 13)   /* 3.14 made them assignable again */
            rt_type_add_methods(&pk_pickler_type, pickler_methods_313);
        rt_type_ready(&pk_pickler_memoproxy_type, memoproxy_methods);
    }
}
