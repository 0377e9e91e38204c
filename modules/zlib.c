/*
 * zlib.c — the zlib module (CPython's Modules/zlibmodule.c) on the zlib
 * library: one-shot compress/decompress, streaming Compress and Decompress
 * objects, crc32 and adler32.  Lib/gzip.py, zipfile and tarfile stand on it.
 *
 * The streaming objects keep a z_stream inline.  zlib allocates its own
 * state with malloc (outside the collector's heap, so its large windows are
 * never scanned for pointers), and a finaliser ends the stream when the
 * object is collected.  Every loop is CPython's: feed the input in pieces of
 * at most UINT_MAX bytes, grow the output while zlib fills it, and report
 * failures as zlib.error("Error -3 while decompressing data: incorrect
 * header check") — zlib's own message, or CPython's words when zlib gives
 * none.  A Decompress object keeps what follows the end of the compressed
 * stream in `unused_data`, and input it had no room to decompress (under
 * max_length) in `unconsumed_tail`.
 */
#include <limits.h>
#include <string.h>
#include <zlib.h>
#include "runtime/version.h"
#include "modules/modutil.h"

/* libz is opened on first use (dlopen, see mod_load_library) and called
 * through this table, each function typed as zlib.h declares it
 * (deflateInit2 and inflateInit2 are zlib.h's macros over deflateInit2_ and
 * inflateInit2_, so `zl.deflateInit2(...)` reaches the table's pointer). */
#define ZL_FUNCTIONS(X) \
    X(adler32) X(crc32) X(deflate) X(deflateCopy) X(deflateEnd) X(deflateInit2_) \
    X(deflateSetDictionary) X(inflate) X(inflateCopy) X(inflateEnd) X(inflateInit2_) \
    X(inflateSetDictionary) X(zlibVersion)
MOD_LIBRARY(zl, "libz.so.1", ZL_FUNCTIONS)

#define DEF_BUF_SIZE (16 * 1024)
#define DEF_MEM_LEVEL 8

static ObjType zlib_error = {
    .ob.type = &rt_type_type, .name = "zlib.error", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

/* CPython's zlib_error: "Error <err> <what>: <zlib's message>". */
static Value raise_zlib(const z_stream *zst, int err, const char *what)
{
    const char *msg = err == Z_VERSION_ERROR ? "library version mismatch" : zst->msg;
    if (msg == NULL) {
        switch (err) {
        case Z_BUF_ERROR: msg = "incomplete or truncated stream"; break;
        case Z_STREAM_ERROR: msg = "inconsistent stream state"; break;
        case Z_DATA_ERROR: msg = "invalid input data"; break;
        }
    }
    if (msg == NULL)
        return rt_raisef(&zlib_error, "Error %d %s", err, what);
    return rt_raisef(&zlib_error, "Error %d %s: %s", err, what, msg);
}

/* An int argument that must fit a C int (clinic's `int`). */
static bool int_arg(Value v, int dflt, int *out)
{
    ssize_t x = dflt;
    if (v != VAL_NULL && !rt_as_ssize(v, &x))
        return false;
    if (x > INT_MAX || x < INT_MIN) {
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = (int)x;
    return true;
}

/* ---- feeding input and growing output ---------------------------------------------- */

/* The input of one call: next_in/avail_in get at most UINT_MAX of it at a
 * time; *left counts what is still to give. */
static void feed_input(z_stream *zst, size_t *left)
{
    uInt n = *left > UINT_MAX ? UINT_MAX : (uInt)*left;
    zst->avail_in = n;
    *left -= n;
}

/* Give zlib room to write after what it wrote so far: false when the
 * output is full at its limit. */
static bool make_room(ModOutput *o, z_stream *zst)
{
    size_t used = zst->next_out != NULL ? (size_t)(zst->next_out - o->data) : 0;
    size_t room = mod_output_room(o, used);
    zst->next_out = o->data + used;
    zst->avail_out = room > UINT_MAX ? UINT_MAX : (uInt)room;
    return room > 0;
}

static Value output_bytes(const ModOutput *o, const z_stream *zst)
{
    return rt_bytes_new(o->data, zst->next_out ? (size_t)(zst->next_out - o->data) : 0);
}

/* ---- one-shot compress and decompress ------------------------------------------------ */

static Value zl_compress(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data", "level", "wbits" };
    static const ArgSpec spec = { "compress", names, 3, 1, 1, 3, false };
    Value a[3];
    ModBuffer b;
    int level, wbits;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !mod_get_buffer(a[0], &b) ||
        !int_arg(a[1], Z_DEFAULT_COMPRESSION, &level) || !int_arg(a[2], MAX_WBITS, &wbits))
        return VAL_NULL;
    z_stream zst = {0};
    int err = zl.deflateInit2(&zst, level, Z_DEFLATED, wbits, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY);
    if (err == Z_MEM_ERROR)
        return rt_raisef(&rt_MemoryError, "Out of memory while compressing data");
    if (err == Z_STREAM_ERROR)
        return rt_raisef(&zlib_error, "Bad compression level");
    if (err != Z_OK) {
        zl.deflateEnd(&zst);
        return raise_zlib(&zst, err, "while compressing data");
    }
    ModOutput o;
    mod_output_init(&o, DEF_BUF_SIZE, SIZE_MAX);
    size_t left = b.len;
    zst.next_in = (Bytef *)b.data;
    do {
        feed_input(&zst, &left);
        int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            make_room(&o, &zst);
            err = zl.deflate(&zst, flush);
            if (err == Z_STREAM_ERROR) {
                zl.deflateEnd(&zst);
                return raise_zlib(&zst, err, "while compressing data");
            }
        } while (zst.avail_out == 0);
    } while (left != 0);
    Value result = output_bytes(&o, &zst);
    err = zl.deflateEnd(&zst);
    return err == Z_OK ? result : raise_zlib(&zst, err, "while finishing compression");
}

static Value zl_decompress(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data", "wbits", "bufsize" };
    static const ArgSpec spec = { "decompress", names, 3, 1, 1, 3, false };
    Value a[3];
    ModBuffer b;
    int wbits;
    ssize_t bufsize = DEF_BUF_SIZE;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !mod_get_buffer(a[0], &b) ||
        !int_arg(a[1], MAX_WBITS, &wbits) || (a[2] != VAL_NULL && !rt_as_ssize(a[2], &bufsize)))
        return VAL_NULL;
    if (bufsize < 0)
        return rt_raisef(&rt_ValueError, "bufsize must be non-negative");
    z_stream zst = {0};
    int err = zl.inflateInit2(&zst, wbits);
    if (err == Z_MEM_ERROR)
        return rt_raisef(&rt_MemoryError, "Out of memory while decompressing data");
    if (err != Z_OK) {
        zl.inflateEnd(&zst);
        return raise_zlib(&zst, err, "while preparing to decompress data");
    }
    ModOutput o;
    mod_output_init(&o, bufsize == 0 ? 1 : (size_t)bufsize, SIZE_MAX);
    size_t left = b.len;
    zst.next_in = (Bytef *)b.data;
    do {
        feed_input(&zst, &left);
        int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            make_room(&o, &zst);
            err = zl.inflate(&zst, flush);
            if (err == Z_MEM_ERROR) {
                zl.inflateEnd(&zst);
                return rt_raisef(&rt_MemoryError, "Out of memory while decompressing data");
            }
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                zl.inflateEnd(&zst);
                return raise_zlib(&zst, err, "while decompressing data");
            }
        } while (zst.avail_out == 0);
    } while (err != Z_STREAM_END && left != 0);
    if (err != Z_STREAM_END) {
        zl.inflateEnd(&zst);
        return raise_zlib(&zst, err, "while decompressing data");
    }
    Value result = output_bytes(&o, &zst);
    err = zl.inflateEnd(&zst);
    return err == Z_OK ? result : raise_zlib(&zst, err, "while finishing decompression");
}

/* ---- the stream objects ----------------------------------------------------------------- */

typedef struct ObjZStream {
    Object ob;
    z_stream zst;
    bool initialised;           /* zst holds zlib state (deflateEnd/inflateEnd not yet run) */
    bool eof;                   /* Decompress: the end of the stream was seen */
    Value unused_data;          /* Decompress: bytes after the end of the stream */
    Value unconsumed_tail;      /* Decompress: input not yet decompressed */
    Value zdict;                /* Decompress: the dictionary, or VAL_NULL */
    bool needs_input;           /* _ZlibDecompressor: wants more input */
    Value pending;              /* _ZlibDecompressor: input kept for the next call */
} ObjZStream;

static ObjType compress_type, decompress_type, decompressor_type;
#define ZS(v) VAL_AS(ObjZStream, v)

static void end_stream(void *obj, void *data)
{
    ObjZStream *z = obj;
    if (z->initialised)
        z->ob.type == &compress_type ? zl.deflateEnd(&z->zst) : zl.inflateEnd(&z->zst);
}

static ObjZStream *zstream_new(ObjType *type)
{
    ObjZStream *z = gc_alloc(sizeof *z);
    z->ob.type = type;
    z->unused_data = z->unconsumed_tail = rt_bytes_new(NULL, 0);
    gc_register_finalizer(z, end_stream, NULL);
    return z;
}

static Value zl_compressobj(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "level", "method", "wbits", "memLevel", "strategy",
                                         "zdict" };
    static const ArgSpec spec = { "compressobj", names, 6, 0, 0, 6, false };
    Value a[6];
    int level, method, wbits, memlevel, strategy;
    ModBuffer zdict;
    if (!rt_parse_args(&spec, args, nargs, kw, a) ||
        !int_arg(a[0], Z_DEFAULT_COMPRESSION, &level) || !int_arg(a[1], Z_DEFLATED, &method) ||
        !int_arg(a[2], MAX_WBITS, &wbits) || !int_arg(a[3], DEF_MEM_LEVEL, &memlevel) ||
        !int_arg(a[4], Z_DEFAULT_STRATEGY, &strategy) ||
        (a[5] != VAL_NULL && !mod_get_buffer(a[5], &zdict)))
        return VAL_NULL;
    ObjZStream *z = zstream_new(&compress_type);
    int err = zl.deflateInit2(&z->zst, level, method, wbits, memlevel, strategy);
    if (err == Z_MEM_ERROR)
        return rt_raisef(&rt_MemoryError, "Can't allocate memory for compression object");
    if (err == Z_STREAM_ERROR)
        return rt_raisef(&rt_ValueError, "Invalid initialization option");
    if (err != Z_OK)
        return raise_zlib(&z->zst, err, "while creating compression object");
    z->initialised = true;
    if (a[5] != VAL_NULL) {
        err = zl.deflateSetDictionary(&z->zst, zdict.data, (uInt)zdict.len);
        if (err == Z_STREAM_ERROR)
            return rt_raisef(&rt_ValueError, "Invalid dictionary");
        if (err != Z_OK)
            return rt_raisef(&rt_ValueError, "zl.deflateSetDictionary()");
    }
    return obj_val(z);
}

/* zlib asked for the dictionary (Z_NEED_DICT): give it, or report the error. */
static bool set_zdict(ObjZStream *z)
{
    ModBuffer d;
    if (!mod_get_buffer(z->zdict, &d))
        return false;
    int err = zl.inflateSetDictionary(&z->zst, d.data, (uInt)d.len);
    if (err != Z_OK) {
        raise_zlib(&z->zst, err, "while setting zdict");
        return false;
    }
    return true;
}

/* A stream for decompressing (Decompress, _ZlibDecompressor) from the
 * arguments (wbits=MAX_WBITS, zdict=None) both constructors take, or NULL
 * with an exception.  A raw deflate stream (wbits < 0) has no header to
 * ask for the dictionary: it is set at once. */
static ObjZStream *inflater_new(ObjType *type, const ArgSpec *spec,
                                Value *args, size_t nargs, Value kw)
{
    Value a[2];
    int wbits;
    if (!rt_parse_args(spec, args, nargs, kw, a) || !int_arg(a[0], MAX_WBITS, &wbits))
        return NULL;
    Value zdict = a[1];
    if (zdict != VAL_NULL && !mod_is_buffer(zdict)) {
        rt_raisef(&rt_TypeError, "zdict argument must support the buffer protocol");
        return NULL;
    }
    ObjZStream *z = zstream_new(type);
    z->zdict = zdict;
    int err = zl.inflateInit2(&z->zst, wbits);
    if (err == Z_STREAM_ERROR)
        rt_raisef(&rt_ValueError, "Invalid initialization option");
    else if (err == Z_MEM_ERROR)
        rt_raisef(&rt_MemoryError, "Can't allocate memory for decompression object");
    else if (err != Z_OK)
        raise_zlib(&z->zst, err, "while creating decompression object");
    if (err != Z_OK)
        return NULL;
    z->initialised = true;
    if (zdict != VAL_NULL && wbits < 0 && !set_zdict(z))
        return NULL;
    return z;
}

static Value zl_decompressobj(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "wbits", "zdict" };
    static const ArgSpec spec = { "decompressobj", names, 2, 0, 0, 2, false };
    ObjZStream *z = inflater_new(&decompress_type, &spec, args, nargs, kw);
    return z != NULL ? obj_val(z) : VAL_NULL;
}

/* Compress.compress(data) */
static Value co_compress(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    if (!rt_arg_nokw("compress", kw) || !rt_arg_range("compress", nargs - 1, 1, 1) ||
        !mod_get_buffer(args[1], &b))
        return VAL_NULL;
    ObjZStream *z = ZS(args[0]);
    ModOutput o;
    mod_output_init(&o, DEF_BUF_SIZE, SIZE_MAX);
    z->zst.next_out = NULL;
    z->zst.next_in = (Bytef *)b.data;
    size_t left = b.len;
    do {
        feed_input(&z->zst, &left);
        do {
            make_room(&o, &z->zst);
            int err = zl.deflate(&z->zst, Z_NO_FLUSH);
            if (err == Z_STREAM_ERROR)
                return raise_zlib(&z->zst, err, "while compressing data");
        } while (z->zst.avail_out == 0);
    } while (left != 0);
    return output_bytes(&o, &z->zst);
}

/* Compress.flush(mode=Z_FINISH) */
static Value co_flush(Value *args, size_t nargs, Value kw)
{
    int mode = Z_FINISH, err;
    if (!rt_arg_nokw("flush", kw) || !rt_arg_range("flush", nargs - 1, 0, 1) ||
        (nargs > 1 && !int_arg(args[1], Z_FINISH, &mode)))
        return VAL_NULL;
    if (mode == Z_NO_FLUSH)
        return rt_bytes_new(NULL, 0);
    ObjZStream *z = ZS(args[0]);
    ModOutput o;
    mod_output_init(&o, DEF_BUF_SIZE, SIZE_MAX);
    z->zst.next_out = NULL;
    z->zst.avail_in = 0;
    do {
        make_room(&o, &z->zst);
        err = zl.deflate(&z->zst, mode);
        if (err == Z_STREAM_ERROR)
            return raise_zlib(&z->zst, err, "while flushing");
    } while (z->zst.avail_out == 0);
    if (err == Z_STREAM_END && mode == Z_FINISH) {
        Value result = output_bytes(&o, &z->zst);
        err = zl.deflateEnd(&z->zst);
        if (err != Z_OK)
            return raise_zlib(&z->zst, err, "while finishing compression");
        z->initialised = false;
        return result;
    }
    if (err != Z_OK && err != Z_BUF_ERROR)
        return raise_zlib(&z->zst, err, "while flushing");
    return output_bytes(&o, &z->zst);
}

/* Keep what the last call did not decompress (CPython's save_unconsumed_input):
 * input after the end of the stream goes to unused_data, input left for
 * lack of output room to unconsumed_tail. */
static void save_unconsumed(ObjZStream *z, const ModBuffer *in, int err)
{
    size_t left = (size_t)(in->data + in->len - z->zst.next_in);
    if (err == Z_STREAM_END && z->zst.avail_in > 0) {
        ObjBytes *old = AS_BYTES(z->unused_data);
        unsigned char *joined = gc_alloc_atomic(old->length + left + 1);
        memcpy(joined, old->data, old->length);
        memcpy(joined + old->length, z->zst.next_in, left);
        z->unused_data = rt_bytes_new(joined, old->length + left);
        z->zst.avail_in = 0;
        left = 0;
    }
    if (z->zst.avail_in > 0 || AS_BYTES(z->unconsumed_tail)->length > 0)
        z->unconsumed_tail = rt_bytes_new(z->zst.next_in, left);
}

/* The inflate loop of Decompress.decompress and flush: returns zlib's last
 * code, or INT_MIN with an exception set. */
static int inflate_loop(ObjZStream *z, ModOutput *o, size_t *left, bool finish_at_end)
{
    int err;
    do {
        feed_input(&z->zst, left);
        int flush = finish_at_end && *left == 0 ? Z_FINISH : Z_SYNC_FLUSH;
        do {
            if (!make_room(o, &z->zst))
                return Z_OK;            /* max_length reached */
            err = zl.inflate(&z->zst, flush);
            if (err == Z_NEED_DICT && z->zdict != VAL_NULL) {
                if (!set_zdict(z))
                    return INT_MIN;
                continue;
            }
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END)
                return err;
        } while (z->zst.avail_out == 0 || err == Z_NEED_DICT);
    } while (err != Z_STREAM_END && *left != 0);
    return err;
}

/* Decompress.decompress(data, max_length=0) */
static Value de_decompress(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data", "max_length" };
    static const ArgSpec spec = { "decompress", names, 2, 1, 1, 2, false };
    Value a[2];
    ModBuffer b;
    ssize_t max_length = 0;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) || !mod_get_buffer(a[0], &b) ||
        (a[1] != VAL_NULL && !rt_as_ssize(a[1], &max_length)))
        return VAL_NULL;
    if (max_length < 0)
        return rt_raisef(&rt_ValueError, "max_length must be non-negative");
    ObjZStream *z = ZS(args[0]);
    ModOutput o;
    size_t limit = max_length == 0 ? SIZE_MAX : (size_t)max_length;
    mod_output_init(&o, DEF_BUF_SIZE, limit);
    z->zst.next_out = NULL;
    z->zst.next_in = (Bytef *)b.data;
    size_t left = b.len;
    int err = inflate_loop(z, &o, &left, false);
    if (err == INT_MIN)
        return VAL_NULL;
    save_unconsumed(z, &b, err);
    if (err == Z_STREAM_END)
        z->eof = true;
    else if (err != Z_OK && err != Z_BUF_ERROR)
        return raise_zlib(&z->zst, err, "while decompressing data");
    return output_bytes(&o, &z->zst);
}

/* Decompress.flush(length=DEF_BUF_SIZE): what unconsumed_tail still holds. */
static Value de_flush(Value *args, size_t nargs, Value kw)
{
    ssize_t length = DEF_BUF_SIZE;
    if (!rt_arg_nokw("flush", kw) || !rt_arg_range("flush", nargs - 1, 0, 1) ||
        (nargs > 1 && !rt_as_ssize(args[1], &length)))
        return VAL_NULL;
    if (length <= 0)
        return rt_raisef(&rt_ValueError, "length must be greater than zero");
    ObjZStream *z = ZS(args[0]);
    ModBuffer in = { AS_BYTES(z->unconsumed_tail)->data, AS_BYTES(z->unconsumed_tail)->length,
                     NULL };
    ModOutput o;
    mod_output_init(&o, (size_t)length, SIZE_MAX);
    z->zst.next_out = NULL;
    z->zst.next_in = (Bytef *)in.data;
    size_t left = in.len;
    int err = inflate_loop(z, &o, &left, true);
    if (err == INT_MIN)
        return VAL_NULL;
    save_unconsumed(z, &in, err);
    if (err == Z_STREAM_END && z->initialised) {
        z->eof = true;
        z->initialised = false;
        err = zl.inflateEnd(&z->zst);
        if (err != Z_OK)
            return raise_zlib(&z->zst, err, "while finishing decompression");
    }
    return output_bytes(&o, &z->zst);
}

/* copy(), __copy__(), __deepcopy__(memo) of either kind. */
static Value zs_copy(Value self)
{
    ObjZStream *z = ZS(self);
    if (!z->initialised)
        return rt_raisef(&rt_ValueError, "Inconsistent stream state");
    ObjZStream *c = zstream_new(z->ob.type);
    int err = z->ob.type == &compress_type ? zl.deflateCopy(&c->zst, &z->zst)
                                           : zl.inflateCopy(&c->zst, &z->zst);
    if (err == Z_STREAM_ERROR)
        return rt_raisef(&rt_ValueError, "Inconsistent stream state");
    if (err == Z_MEM_ERROR)
        return rt_raisef(&rt_MemoryError, "Can't allocate memory for %s object",
                         z->ob.type == &compress_type ? "compression" : "decompression");
    if (err != Z_OK)
        return raise_zlib(&z->zst, err, "while copying compression object");
    c->initialised = true;
    c->eof = z->eof;
    c->unused_data = z->unused_data;
    c->unconsumed_tail = z->unconsumed_tail;
    c->zdict = z->zdict;
    return obj_val(c);
}

static Value zs_copy_m(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("copy", nargs - 1, kw))
        return VAL_NULL;
    return zs_copy(args[0]);
}

static Value zs_deepcopy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("__deepcopy__", nargs - 1, kw))
        return VAL_NULL;
    return zs_copy(args[0]);
}

static Value decompress_getattr(Value self, Value name)
{
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "unused_data") == 0)
        return ZS(self)->unused_data;
    if (strcmp(s, "unconsumed_tail") == 0)
        return ZS(self)->unconsumed_tail;
    if (strcmp(s, "eof") == 0)
        return rt_bool(ZS(self)->eof);
    return rt_generic_getattr(self, name);
}

static const MethodDef compress_methods[] = {
    {"compress", co_compress}, {"flush", co_flush}, {"copy", zs_copy_m},
    {"__copy__", zs_copy_m}, {"__deepcopy__", zs_deepcopy}, {NULL, NULL}
};

static const MethodDef decompress_methods[] = {
    {"decompress", de_decompress}, {"flush", de_flush}, {"copy", zs_copy_m},
    {"__copy__", zs_copy_m}, {"__deepcopy__", zs_deepcopy}, {NULL, NULL}
};

static ObjType compress_type = {
    .ob.type = &rt_type_type, .name = "zlib.Compress", .new_ = mod_no_new,
};
static ObjType decompress_type = {
    .ob.type = &rt_type_type, .name = "zlib.Decompress", .new_ = mod_no_new,
    .getattr = decompress_getattr,
};

/* ---- _ZlibDecompressor (3.12) ------------------------------------------------------ */

/* The decompressor Lib/gzip.py reads with from 3.12 on, with
 * BZ2Decompressor's interface: decompress(data, max_length=-1) keeps the
 * input it had no room for (needs_input says whether it wants more), stops
 * at the end of the stream and keeps what followed in unused_data. */
static Value decompressor_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "wbits", "zdict" };
    static const ArgSpec spec = { "_ZlibDecompressor", names, 2, 0, 0, 2, false };
    ObjZStream *z = inflater_new(&decompressor_type, &spec, args, nargs, kw);
    if (z == NULL)
        return VAL_NULL;
    z->needs_input = true;
    z->pending = rt_bytes_new(NULL, 0);
    return obj_val(z);
}

static Value zd_decompress(Value *args, size_t nargs, Value kw)
{
    ObjZStream *z = ZS(args[0]);
    ModBuffer in;
    size_t limit;
    if (!mod_decompress_input(args, nargs, kw, z->eof, "End of stream already reached",
                              z->pending, &in, &limit))
        return VAL_NULL;
    ModOutput o;
    mod_output_init(&o, DEF_BUF_SIZE, limit);
    z->zst.next_out = NULL;
    z->zst.next_in = (Bytef *)in.data;
    size_t left = in.len;
    int err = inflate_loop(z, &o, &left, false);
    if (err == INT_MIN)
        return VAL_NULL;
    if (err == Z_STREAM_END) {
        z->eof = true;
        z->initialised = false;
        zl.inflateEnd(&z->zst);
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        return raise_zlib(&z->zst, err, "while decompressing data");
    }
    size_t used = (size_t)(z->zst.next_in - in.data);
    mod_decompress_keep(in.data + used, in.len - used, z->eof, true,
                        &z->pending, &z->unused_data, &z->needs_input);
    return output_bytes(&o, &z->zst);
}

static Value decompressor_getattr(Value self, Value name)
{
    if (strcmp(rt_str_cstr(name), "needs_input") == 0)
        return rt_bool(ZS(self)->needs_input);
    return decompress_getattr(self, name);
}

static const MethodDef decompressor_methods[] = {
    {"decompress", zd_decompress}, {NULL, NULL}
};

static ObjType decompressor_type = {
    .ob.type = &rt_type_type, .name = "zlib._ZlibDecompressor", .new_ = decompressor_new,
    .instance_size = sizeof(ObjZStream), .getattr = decompressor_getattr,
};

/* ---- checksums ---------------------------------------------------------------------- */

/* crc32/zl.adler32(data, value, /): value taken modulo 2**32. */
static Value checksum(const char *fname, Value *args, size_t nargs, Value kw, uint32_t start,
                      uLong (*fn)(uLong, const Bytef *, uInt))
{
    ModBuffer b;
    if (!rt_arg_nokw(fname, kw) || !rt_arg_range(fname, nargs, 1, 2) ||
        !mod_get_buffer(args[0], &b))
        return VAL_NULL;
    uLong value = start;
    if (nargs > 1) {
        if (rt_isinstance_of(args[1], &rt_float_type))
            return rt_raisef(&rt_TypeError, "'float' object cannot be interpreted as an integer");
        Value i = rt_index(args[1]);
        Value low = i == VAL_NULL ? VAL_NULL : rt_binary_op(i, small_new(0xffffffff), NB_AND);
        if (low == VAL_NULL)
            return VAL_NULL;
        value = (uLong)small_value(low);
    }
    for (size_t done = 0; done < b.len;) {
        uInt chunk = b.len - done > 0x40000000 ? 0x40000000 : (uInt)(b.len - done);
        value = fn(value, b.data + done, chunk);
        done += chunk;
    }
    return rt_int_from_u64(value & 0xffffffffU);
}

static Value zl_crc32(Value *a, size_t n, Value kw) { return checksum("crc32", a, n, kw, 0, zl.crc32); }
static Value zl_adler32(Value *a, size_t n, Value kw) { return checksum("adler32", a, n, kw, 1, zl.adler32); }

static const MethodDef zlib_functions[] = {
    {"compress", zl_compress}, {"decompress", zl_decompress},
    {"compressobj", zl_compressobj}, {"decompressobj", zl_decompressobj},
    {"crc32", zl_crc32}, {"adler32", zl_adler32},
    {NULL, NULL}
};

bool mod_crc32(uint32_t *crc, const unsigned char *data, size_t len)
{
    if (!zl_ready())
        return false;
    uLong c = *crc;
    for (size_t done = 0; done < len;) {         /* zlib takes uInt lengths */
        uInt chunk = len - done > 0x40000000 ? 0x40000000 : (uInt)(len - done);
        c = zl.crc32(c, data + done, chunk);
        done += chunk;
    }
    *crc = (uint32_t)c;
    return true;
}

Value mod_zlib_init(void)
{
    if (!zl_ready())
        return VAL_NULL;
    static const struct { const char *name; int value; } constants[] = {
        {"MAX_WBITS", MAX_WBITS}, {"DEFLATED", Z_DEFLATED}, {"DEF_MEM_LEVEL", DEF_MEM_LEVEL},
        {"DEF_BUF_SIZE", DEF_BUF_SIZE}, {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
        {"Z_BEST_SPEED", Z_BEST_SPEED}, {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
        {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION}, {"Z_FILTERED", Z_FILTERED},
        {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY}, {"Z_RLE", Z_RLE}, {"Z_FIXED", Z_FIXED},
        {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"Z_NO_FLUSH", Z_NO_FLUSH},
        {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH}, {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
        {"Z_FULL_FLUSH", Z_FULL_FLUSH}, {"Z_FINISH", Z_FINISH}, {"Z_BLOCK", Z_BLOCK},
        {"Z_TREES", Z_TREES},
    };
    Value m = mod_module_new("zlib", zlib_functions);
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        mod_module_set(m, constants[i].name, small_new(constants[i].value));
    mod_module_set(m, "ZLIB_VERSION", rt_str_from_cstr(ZLIB_VERSION));
    mod_module_set(m, "ZLIB_RUNTIME_VERSION", rt_str_from_cstr(zl.zlibVersion()));
    if (zlib_error.mro == VAL_NULL) {
        rt_type_ready(&zlib_error, NULL);
        rt_type_ready(&compress_type, compress_methods);
        rt_type_ready(&decompress_type, decompress_methods);
        rt_type_ready(&decompressor_type, decompressor_methods);
    }
    mod_module_set(m, "error", obj_val(&zlib_error));
    if (rt_py_minor >= 12)
        mod_module_set(m, "_ZlibDecompressor", obj_val(&decompressor_type));
    return m;
}
