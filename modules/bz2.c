/*
 * bz2.c — the _bz2 module (CPython's Modules/_bz2module.c) on libbzip2:
 * BZ2Compressor and BZ2Decompressor, the incremental objects Lib/bz2.py
 * builds its files and one-shot functions on.
 *
 * A compressor takes data in any pieces and gives back compressed bytes
 * as libbzip2 produces them; flush() ends the stream.  A decompressor takes
 * compressed bytes in any pieces, keeps input it could not use yet (when
 * max_length stopped it) for the next call — `needs_input` says whether it
 * wants more — and after the end of the stream keeps what followed in
 * `unused_data`.  libbzip2 allocates its state (megabytes of sorting
 * arrays) with malloc, outside the collector's heap; a finaliser ends each
 * stream.
 */
#include <limits.h>
#include <string.h>
#include <bzlib.h>
#include "modules/modutil.h"
#include "runtime/version.h"

/* libbzip2 is opened on first import (dlopen, see mod_load_library) and
 * called through this table, each function typed as bzlib.h declares it. */
#define BZ_FUNCTIONS(X) \
    X(BZ2_bzCompress) X(BZ2_bzCompressEnd) X(BZ2_bzCompressInit) X(BZ2_bzDecompress) \
    X(BZ2_bzDecompressEnd) X(BZ2_bzDecompressInit)
MOD_LIBRARY(bz, "libbz2.so.1.0", BZ_FUNCTIONS)

/* libbzip2's result codes as CPython reports them; true when it is one of
 * the codes that mean "go on". */
static bool bz_ok(int code)
{
    switch (code) {
    case BZ_OK: case BZ_RUN_OK: case BZ_FLUSH_OK: case BZ_FINISH_OK: case BZ_STREAM_END:
        return true;
    case BZ_CONFIG_ERROR:
        rt_raisef(&rt_SystemError, "libbzip2 was not compiled correctly");
        break;
    case BZ_PARAM_ERROR:
        rt_raisef(&rt_ValueError, "Internal error - invalid parameters passed to libbzip2");
        break;
    case BZ_MEM_ERROR:
        rt_raise(obj_val(&rt_MemoryError));
        break;
    case BZ_DATA_ERROR: case BZ_DATA_ERROR_MAGIC:
        rt_raisef(&rt_OSError, "Invalid data stream");
        break;
    case BZ_IO_ERROR:
        rt_raisef(&rt_OSError, "Unknown I/O error");
        break;
    case BZ_UNEXPECTED_EOF:
        rt_raisef(&rt_EOFError, "Compressed file ended before the logical end-of-stream "
                  "was detected");
        break;
    case BZ_SEQUENCE_ERROR:
        rt_raisef(&rt_RuntimeError, "Internal error - Invalid sequence of commands sent to "
                  "libbzip2");
        break;
    default:
        rt_raisef(&rt_OSError, "Unrecognized error from libbzip2: %d", code);
    }
    return false;
}

typedef struct ObjBz2 {
    Object ob;
    bz_stream bzs;
    bool flushed;               /* compressor: flush() was called */
    bool eof, needs_input;      /* decompressor */
    int error;                  /* decompressor: libbzip2's error code, or 0 */
    Value unused_data;          /* decompressor: bytes after the end of the stream */
    Value pending;              /* decompressor: input kept for the next call (bytes) */
} ObjBz2;

static ObjType compressor_type, decompressor_type;
#define BZ(v) VAL_AS(ObjBz2, v)

static void end_stream(void *obj, void *data)
{
    ObjBz2 *z = obj;
    if (rt_is_subtype(z->ob.type, &compressor_type) || z->ob.type == &compressor_type)
        bz.BZ2_bzCompressEnd(&z->bzs);
    else
        bz.BZ2_bzDecompressEnd(&z->bzs);
}

static ObjBz2 *bz2_alloc(ObjType *type)
{
    ObjBz2 *z = rt_alloc_instance(type, sizeof(ObjBz2));
    z->unused_data = z->pending = rt_bytes_new(NULL, 0);
    z->needs_input = true;
    gc_register_finalizer(z, end_stream, NULL);
    return z;
}

/* Room for libbzip2 to write after what it wrote: false at the limit. */
static bool make_room(ModOutput *o, bz_stream *bzs)
{
    size_t used = bzs->next_out ? (size_t)((unsigned char *)bzs->next_out - o->data) : 0;
    size_t room = mod_output_room(o, used);
    bzs->next_out = (char *)o->data + used;
    bzs->avail_out = room > UINT_MAX ? UINT_MAX : (unsigned)room;
    return room > 0;
}

static Value output_bytes(const ModOutput *o, const bz_stream *bzs)
{
    return rt_bytes_new(o->data, (size_t)((unsigned char *)bzs->next_out - o->data));
}

/* ---- BZ2Compressor ---------------------------------------------------------------- */

static Value compressor_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    ssize_t level = 9;
    if ((type == &compressor_type && !rt_arg_nokw("BZ2Compressor", kw)) ||
        !rt_arg_range("BZ2Compressor", rt_npos(nargs, kw), 0, 1) ||
        (nargs > 0 && !rt_as_ssize(args[0], &level)))
        return VAL_NULL;
    if (level < 1 || level > 9)
        return rt_raisef(&rt_ValueError, "compresslevel must be between 1 and 9");
    ObjBz2 *z = bz2_alloc(type);
    if (!bz_ok(bz.BZ2_bzCompressInit(&z->bzs, (int)level, 0, 0)))
        return VAL_NULL;
    return obj_val(z);
}

/* Run libbzip2 over data with `action` (BZ_RUN, or BZ_FINISH to end). */
static Value compress(ObjBz2 *z, const unsigned char *data, size_t len, int action)
{
    ModOutput o;
    mod_output_init(&o, 8192, SIZE_MAX);
    z->bzs.next_in = (char *)data;
    z->bzs.avail_in = 0;
    z->bzs.next_out = NULL;
    make_room(&o, &z->bzs);
    for (;;) {
        if (z->bzs.avail_in == 0 && len > 0) {          /* feed at most UINT_MAX at once */
            z->bzs.avail_in = len > UINT_MAX ? UINT_MAX : (unsigned)len;
            len -= z->bzs.avail_in;
        }
        if (action == BZ_RUN && z->bzs.avail_in == 0)
            break;
        if (z->bzs.avail_out == 0)
            make_room(&o, &z->bzs);
        int code = bz.BZ2_bzCompress(&z->bzs, action);
        if (!bz_ok(code))
            return VAL_NULL;
        if (action == BZ_FINISH && code == BZ_STREAM_END)
            break;
    }
    return output_bytes(&o, &z->bzs);
}

static Value co_compress(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    if (!rt_arg_one("BZ2Compressor.compress", nargs - 1, kw) || !mod_get_buffer(args[1], &b))
        return VAL_NULL;
    if (BZ(args[0])->flushed)
        return rt_raisef(&rt_ValueError, "Compressor has been flushed");
    return compress(BZ(args[0]), b.data, b.len, BZ_RUN);
}

static Value co_flush(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("BZ2Compressor.flush", nargs - 1, kw))
        return VAL_NULL;
    ObjBz2 *z = BZ(args[0]);
    if (z->flushed)
        return rt_raisef(&rt_ValueError, "Repeated call to flush()");
    z->flushed = true;
    return compress(z, NULL, 0, BZ_FINISH);
}

/* ---- BZ2Decompressor ---------------------------------------------------------------- */

static Value decompressor_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    if (type == &decompressor_type && !rt_arg_nokw("BZ2Decompressor", kw))
        return VAL_NULL;
    if (rt_npos(nargs, kw) > 0)
        return rt_raisef(&rt_TypeError, "BZ2Decompressor() takes no positional arguments");
    ObjBz2 *z = bz2_alloc(type);
    if (!bz_ok(bz.BZ2_bzDecompressInit(&z->bzs, 0, 0)))
        return VAL_NULL;
    return obj_val(z);
}

/* Decompress `in` into at most `limit` bytes (CPython's decompress_buf);
 * *used is how much of `in` libbzip2 took. */
static Value decompress_buf(ObjBz2 *z, const ModBuffer *in, size_t limit, size_t *used)
{
    ModOutput o;
    mod_output_init(&o, 8192, limit);
    size_t left = in->len;
    z->bzs.next_in = (char *)in->data;
    z->bzs.next_out = NULL;
    make_room(&o, &z->bzs);
    for (;;) {
        z->bzs.avail_in = left > UINT_MAX ? UINT_MAX : (unsigned)left;
        left -= z->bzs.avail_in;
        int code = bz.BZ2_bzDecompress(&z->bzs);
        left += z->bzs.avail_in;
        if (!bz_ok(code)) {
            z->error = code;
            return VAL_NULL;
        }
        if (code == BZ_STREAM_END) {
            z->eof = true;
            break;
        }
        if (left == 0)
            break;
        if (z->bzs.avail_out == 0 && !make_room(&o, &z->bzs))
            break;                                      /* max_length reached */
    }
    *used = in->len - left;
    return output_bytes(&o, &z->bzs);
}

static Value de_decompress(Value *args, size_t nargs, Value kw)
{
    ObjBz2 *z = BZ(args[0]);
    ModBuffer in;
    size_t limit, used;
    if (!mod_decompress_input(args, nargs, kw, z->eof, "End of stream already reached",
                              z->pending, &in, &limit))
        return VAL_NULL;
    /* libbzip2 called again after an error writes out of bounds (its
     * stack is smashed): the error sticks.  Debian's python3.11 says so; the
     * 3.12-3.14 of the reference builds repeat the first error. */
    if (z->error != 0) {
        if (rt_py_minor == 11)
            return rt_raisef(&rt_ValueError, "Decompressor is unusable after a previous error");
        bz_ok(z->error);
        return VAL_NULL;
    }
    Value out = decompress_buf(z, &in, limit, &used);
    if (out == VAL_NULL) {
        if (rt_py_minor < 12)           /* as python3.11 leaves it; 3.12 leaves it be */
            z->needs_input = false;
        return VAL_NULL;
    }
    mod_decompress_keep(in.data + used, in.len - used, z->eof, true,
                        &z->pending, &z->unused_data, &z->needs_input);
    return out;
}

static Value decompressor_getattr(Value self, Value name)
{
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "eof") == 0)
        return rt_bool(BZ(self)->eof);
    if (strcmp(s, "needs_input") == 0)
        return rt_bool(BZ(self)->needs_input);
    if (strcmp(s, "unused_data") == 0)
        return BZ(self)->unused_data;
    return rt_generic_getattr(self, name);
}

static const MethodDef compressor_methods[] = {
    {"compress", co_compress}, {"flush", co_flush}, {NULL, NULL}
};
static const MethodDef decompressor_methods[] = {
    {"decompress", de_decompress}, {NULL, NULL}
};

static ObjType compressor_type = {
    .ob.type = &rt_type_type, .name = "_bz2.BZ2Compressor", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjBz2), .new_ = compressor_new,
};
static ObjType decompressor_type = {
    .ob.type = &rt_type_type, .name = "_bz2.BZ2Decompressor", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjBz2), .new_ = decompressor_new, .getattr = decompressor_getattr,
};

Value mod_bz2_init(void)
{
    if (!bz_ready())
        return VAL_NULL;
    Value m = mod_module_new("_bz2", NULL);
    mod_add_type(m, "BZ2Compressor", &compressor_type, compressor_methods);
    mod_add_type(m, "BZ2Decompressor", &decompressor_type, decompressor_methods);
    return m;
}
