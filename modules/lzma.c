/*
 * lzma.c — the _lzma module (CPython's Modules/_lzmamodule.c) on liblzma:
 * LZMACompressor and LZMADecompressor for the .xz, legacy .lzma ("alone")
 * and raw formats, filter chains given as dicts, and the constants, under
 * Lib/lzma.py.
 *
 * A filter chain is a list of dicts such as {"id": FILTER_LZMA2, "preset":
 * 9, "dict_size": 1 << 20}: each becomes an lzma_filter whose options start
 * from the preset and take the keys given, with CPython's errors for
 * unknown keys ("Invalid filter specifier for LZMA filter").  The
 * decompressor works like _bz2's: input it could not use yet is kept for the
 * next call, `needs_input` says whether it wants more, and `check` reports
 * the stream's integrity check once liblzma has read it.  liblzma allocates
 * its (large) state with malloc, outside the collector's heap; a finaliser
 * ends each stream.
 */
#include <stdlib.h>
#include <string.h>
#include <lzma.h>
#include "modules/modutil.h"
#include "runtime/version.h"

enum { FORMAT_AUTO, FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW };

/* `check` before the decoder has read the stream's header (CPython's value). */
#define CHECK_UNKNOWN (LZMA_CHECK_ID_MAX + 1)

/* liblzma is opened on first import (dlopen, see mod_load_library) and
 * called through this table, each function typed as lzma.h declares it. */
#define XZ_FUNCTIONS(X) \
    X(lzma_alone_decoder) X(lzma_alone_encoder) X(lzma_auto_decoder) \
    X(lzma_check_is_supported) X(lzma_code) X(lzma_easy_encoder) X(lzma_end) \
    X(lzma_get_check) X(lzma_lzma_preset) X(lzma_properties_decode) \
    X(lzma_properties_encode) X(lzma_properties_size) X(lzma_raw_decoder) \
    X(lzma_raw_encoder) X(lzma_stream_decoder) X(lzma_stream_encoder)
MOD_LIBRARY(xz, "liblzma.so.5", XZ_FUNCTIONS)


static ObjType lzma_error = {
    .ob.type = &rt_type_type, .name = "_lzma.LZMAError", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

/* liblzma's result codes as CPython reports them; true for the ones that
 * mean "go on". */
static bool lz_ok(lzma_ret code)
{
    const char *msg;
    switch (code) {
    case LZMA_OK: case LZMA_GET_CHECK: case LZMA_NO_CHECK: case LZMA_STREAM_END:
        return true;
    case LZMA_MEM_ERROR:
        rt_raise(obj_val(&rt_MemoryError));
        return false;
    case LZMA_UNSUPPORTED_CHECK: msg = "Unsupported integrity check"; break;
    case LZMA_MEMLIMIT_ERROR: msg = "Memory usage limit exceeded"; break;
    case LZMA_FORMAT_ERROR: msg = "Input format not supported by decoder"; break;
    case LZMA_OPTIONS_ERROR: msg = "Invalid or unsupported options"; break;
    case LZMA_DATA_ERROR: msg = "Corrupt input data"; break;
    case LZMA_BUF_ERROR: msg = "Insufficient buffer space"; break;
    case LZMA_PROG_ERROR: msg = "Internal error"; break;
    default:
        rt_raisef(&lzma_error, "Unrecognized error from liblzma: %d", (int)code);
        return false;
    }
    rt_raisef(&lzma_error, "%s", msg);
    return false;
}

/* ---- integer arguments ----------------------------------------------------------- */

/* 3.14 converts as _PyLong_UInt64_Converter/UInt32 do: __index__, and
 * their messages. */
static bool u64_arg(Value v, uint64_t *out)
{
    if (rt_py_minor >= 14) {
        if ((v = mod_index_not_negative(v)) == VAL_NULL)
            return false;
        if (rt_int_bit_length(v) > 64) {
            rt_raisef(&rt_OverflowError, "Python int too large for C uint64_t");
            return false;
        }
    }
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "an integer is required");
        return false;
    }
    if (rt_int_sign(v) < 0) {
        rt_raisef(&rt_OverflowError, "can't convert negative int to unsigned");
        return false;
    }
    if (rt_int_bit_length(v) > 64) {
        rt_raisef(&rt_OverflowError, "int too big to convert");
        return false;
    }
    Value hi = rt_binary_op(v, small_new(32), NB_RSHIFT);
    Value lo = rt_binary_op(v, small_new(0xffffffff), NB_AND);
    if (hi == VAL_NULL || lo == VAL_NULL)
        return false;
    *out = (uint64_t)small_value(hi) << 32 | (uint64_t)small_value(lo);
    return true;
}

/* CPython's uint32_converter. */
static bool u32_arg(Value v, uint32_t *out)
{
    uint64_t x;
    if (!u64_arg(v, &x))
        return false;
    if (x > UINT32_MAX) {
        rt_raisef(&rt_OverflowError, rt_py_minor >= 14 ? "Python int too large for C uint32_t"
                                                       : "Value too large for uint32_t type");
        return false;
    }
    *out = (uint32_t)x;
    return true;
}

/* ---- filter specifiers ------------------------------------------------------------ */

/* Read the keys of `spec` other than "id" into fields[] (VAL_NULL where
 * absent); false when a key is not one of `names`. */
static bool spec_fields(Value spec, const char *const *names, size_t n, Value *fields)
{
    for (size_t i = 0; i < n; i++)
        fields[i] = VAL_NULL;
    if (!rt_isinstance_of(spec, &rt_dict_type))
        return false;
    Value k, v;
    for (size_t pos = 0; rt_dict_next(spec, &pos, &k, &v);) {
        if (!rt_is_str(k))
            return false;
        size_t i = 0;
        while (i < n && strcmp(rt_str_cstr(k), names[i]) != 0)
            i++;
        if (i == n && strcmp(rt_str_cstr(k), "id") != 0)
            return false;
        if (i < n)
            fields[i] = v;
    }
    return true;
}

static void *bad_spec(const char *kind)
{
    rt_err_clear();
    rt_raisef(&rt_ValueError, "Invalid filter specifier for %s filter", kind);
    return NULL;
}

static void *lz_options(Value spec)
{
    static const char *const names[] = { "preset", "dict_size", "lc", "lp", "pb", "mode",
                                         "nice_len", "mf", "depth" };
    Value f[9];
    uint32_t preset = LZMA_PRESET_DEFAULT;
    bool known = spec_fields(spec, names, 9, f);
    if (f[0] != VAL_NULL && !u32_arg(f[0], &preset))
        return NULL;
    lzma_options_lzma *o = gc_alloc(sizeof *o);
    if (xz.lzma_lzma_preset(o, preset)) {
        rt_raisef(&lzma_error, "Invalid compression preset: %u", preset);
        return NULL;
    }
    uint32_t *targets[] = { &o->dict_size, &o->lc, &o->lp, &o->pb, NULL, &o->nice_len,
                            NULL, &o->depth };
    uint32_t mode = o->mode, mf = o->mf;
    targets[4] = &mode;
    targets[6] = &mf;
    if (!known)
        return bad_spec("LZMA");
    for (int i = 1; i < 9; i++)
        if (f[i] != VAL_NULL && !u32_arg(f[i], targets[i - 1]))
            return bad_spec("LZMA");
    o->mode = (lzma_mode)mode;
    o->mf = (lzma_match_finder)mf;
    return o;
}

static void *delta_options(Value spec)
{
    static const char *const names[] = { "dist" };
    Value dist;
    uint32_t d = 1;
    if (!spec_fields(spec, names, 1, &dist) || (dist != VAL_NULL && !u32_arg(dist, &d)))
        return bad_spec("delta");
    lzma_options_delta *o = gc_alloc(sizeof *o);
    o->type = LZMA_DELTA_TYPE_BYTE;
    o->dist = d;
    return o;
}

static void *bcj_options(Value spec)
{
    static const char *const names[] = { "start_offset" };
    Value start;
    uint32_t s = 0;
    if (!spec_fields(spec, names, 1, &start) || (start != VAL_NULL && !u32_arg(start, &s)))
        return bad_spec("BCJ");
    lzma_options_bcj *o = gc_alloc(sizeof *o);
    o->start_offset = s;
    return o;
}

/* One filter from its dict (CPython's parse_filter_spec). */
static bool parse_filter(Value spec, lzma_filter *f)
{
    if (val_type(spec)->getitem == NULL) {
        rt_raisef(&rt_TypeError, "Filter specifier must be a dict or dict-like object");
        return false;
    }
    Value id = rt_getitem(spec, rt_str_from_cstr("id"));
    if (id == VAL_NULL) {
        if (rt_err_matches(&rt_KeyError)) {
            rt_err_clear();
            rt_raisef(&rt_ValueError, "Filter specifier must have an \"id\" entry");
        }
        return false;
    }
    if (!u64_arg(id, &f->id))
        return false;
    switch (f->id) {
    case LZMA_FILTER_LZMA1: case LZMA_FILTER_LZMA2:
        f->options = lz_options(spec);
        break;
    case LZMA_FILTER_DELTA:
        f->options = delta_options(spec);
        break;
    case LZMA_FILTER_X86: case LZMA_FILTER_POWERPC: case LZMA_FILTER_IA64:
    case LZMA_FILTER_ARM: case LZMA_FILTER_ARMTHUMB: case LZMA_FILTER_SPARC:
        f->options = bcj_options(spec);
        break;
    default:
        rt_raisef(&rt_ValueError, "Invalid filter ID: %lu", (unsigned long)f->id);
        return false;
    }
    return f->options != NULL;
}

/* A chain of filters, terminated as liblzma wants. */
static bool parse_chain(Value specs, lzma_filter chain[LZMA_FILTERS_MAX + 1])
{
    ssize_t n = rt_len(specs);
    if (n < 0)
        return false;
    if (n > LZMA_FILTERS_MAX) {
        rt_raisef(&rt_ValueError, "Too many filters - liblzma supports a maximum of %d",
                  LZMA_FILTERS_MAX);
        return false;
    }
    for (ssize_t i = 0; i < n; i++) {
        Value spec = rt_getitem(specs, small_new(i));
        if (spec == VAL_NULL || !parse_filter(spec, &chain[i]))
            return false;
    }
    chain[n].id = LZMA_VLI_UNKNOWN;
    return true;
}

/* ---- the stream objects ------------------------------------------------------------ */

typedef struct ObjLzma {
    Object ob;
    lzma_stream lzs;
    bool flushed;               /* compressor: flush() was called */
    bool eof, needs_input;      /* decompressor */
    int check;                  /* decompressor: the stream's check, or CHECK_UNKNOWN */
    Value unused_data;          /* decompressor: bytes after the end of the stream */
    Value pending;              /* decompressor: input kept for the next call */
} ObjLzma;

static ObjType compressor_type, decompressor_type;
#define LZ(v) VAL_AS(ObjLzma, v)

static void end_stream(void *obj, void *data)
{
    xz.lzma_end(&((ObjLzma *)obj)->lzs);
}

static ObjLzma *lz_alloc(ObjType *type)
{
    ObjLzma *z = rt_alloc_instance(type, sizeof(ObjLzma));
    lzma_stream init = LZMA_STREAM_INIT;
    z->lzs = init;
    z->unused_data = z->pending = rt_bytes_new(NULL, 0);
    z->needs_input = true;
    z->check = CHECK_UNKNOWN;
    gc_register_finalizer(z, end_stream, NULL);
    return z;
}

static bool make_room(ModOutput *o, lzma_stream *lzs)
{
    size_t used = lzs->next_out ? (size_t)(lzs->next_out - o->data) : 0;
    lzs->avail_out = mod_output_room(o, used);
    lzs->next_out = o->data + used;
    return lzs->avail_out > 0;
}

static Value output_bytes(const ModOutput *o, const lzma_stream *lzs)
{
    return rt_bytes_new(o->data, (size_t)(lzs->next_out - o->data));
}

/* LZMACompressor's choice of encoder (CPython's Compressor_init_*). */
static bool init_encoder(ObjLzma *z, int format, int check, Value preset_v, Value filters)
{
    uint32_t preset = LZMA_PRESET_DEFAULT;
    lzma_filter chain[LZMA_FILTERS_MAX + 1];
    if (preset_v != VAL_NULL && preset_v != rt_None && !u32_arg(preset_v, &preset))
        return false;
    bool have_filters = filters != VAL_NULL && filters != rt_None;
    if (have_filters && !parse_chain(filters, chain))
        return false;
    lzma_ret r;
    if (format != FORMAT_XZ && format != FORMAT_ALONE && format != FORMAT_RAW) {
        rt_raisef(&rt_ValueError, "Invalid container format: %d", format);
        return false;
    }
    if (format == FORMAT_RAW && !have_filters) {
        rt_raisef(&rt_ValueError, "Must specify filters for FORMAT_RAW");
        return false;
    }
    if (format == FORMAT_XZ) {
        lzma_check c = check == -1 ? LZMA_CHECK_CRC64 : (lzma_check)check;
        r = have_filters ? xz.lzma_stream_encoder(&z->lzs, chain, c)
                         : xz.lzma_easy_encoder(&z->lzs, preset, c);
    } else if (format == FORMAT_ALONE) {
        lzma_options_lzma opts;
        if (have_filters) {
            if (chain[0].id != LZMA_FILTER_LZMA1 || chain[1].id != LZMA_VLI_UNKNOWN) {
                rt_raisef(&rt_ValueError, "Invalid filter chain for FORMAT_ALONE - must be "
                          "a single LZMA1 filter");
                return false;
            }
            opts = *(lzma_options_lzma *)chain[0].options;
        } else if (xz.lzma_lzma_preset(&opts, preset)) {
            rt_raisef(&lzma_error, "Invalid compression preset: %u", preset);
            return false;
        }
        r = xz.lzma_alone_encoder(&z->lzs, &opts);
    } else {
        r = xz.lzma_raw_encoder(&z->lzs, chain);
    }
    return lz_ok(r);
}

static Value compressor_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "format", "check", "preset", "filters" };
    static const ArgSpec spec = { "LZMACompressor", names, 4, 0, 0, 4, false };
    Value a[4];
    ssize_t format = FORMAT_XZ, check = -1;
    if (!rt_parse_args(&spec, args, nargs, kw, a) ||
        (a[0] != VAL_NULL && !rt_as_ssize(a[0], &format)) ||
        (a[1] != VAL_NULL && !rt_as_ssize(a[1], &check)))
        return VAL_NULL;
    if (format != FORMAT_XZ && check != -1 && check != LZMA_CHECK_NONE)
        return rt_raisef(&rt_ValueError, "Integrity checks are only supported by FORMAT_XZ");
    bool have_preset = a[2] != VAL_NULL && a[2] != rt_None;
    bool have_filters = a[3] != VAL_NULL && a[3] != rt_None;
    if (have_preset && have_filters)
        return rt_raisef(&rt_ValueError, "Cannot specify both preset and filter chain");
    ObjLzma *z = lz_alloc(type);
    return init_encoder(z, (int)format, (int)check, a[2], a[3]) ? obj_val(z) : VAL_NULL;
}

/* Run the encoder over data with `action` (LZMA_RUN, or LZMA_FINISH). */
static Value compress(ObjLzma *z, const unsigned char *data, size_t len, lzma_action action)
{
    ModOutput o;
    mod_output_init(&o, 8192, SIZE_MAX);
    z->lzs.next_in = data;
    z->lzs.avail_in = len;
    z->lzs.next_out = NULL;
    make_room(&o, &z->lzs);
    for (;;) {
        lzma_ret r = xz.lzma_code(&z->lzs, action);
        if (!lz_ok(r))
            return VAL_NULL;
        if ((action == LZMA_RUN && z->lzs.avail_in == 0) ||
            (action == LZMA_FINISH && r == LZMA_STREAM_END))
            break;
        if (z->lzs.avail_out == 0)
            make_room(&o, &z->lzs);
    }
    return output_bytes(&o, &z->lzs);
}

static Value co_compress(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    if (!rt_arg_one("LZMACompressor.compress", nargs - 1, kw) || !mod_get_buffer(args[1], &b))
        return VAL_NULL;
    if (LZ(args[0])->flushed)
        return rt_raisef(&rt_ValueError, "Compressor has been flushed");
    return compress(LZ(args[0]), b.data, b.len, LZMA_RUN);
}

static Value co_flush(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("LZMACompressor.flush", nargs - 1, kw))
        return VAL_NULL;
    ObjLzma *z = LZ(args[0]);
    if (z->flushed)
        return rt_raisef(&rt_ValueError, "Repeated call to flush()");
    z->flushed = true;
    return compress(z, NULL, 0, LZMA_FINISH);
}

static Value decompressor_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "format", "memlimit", "filters" };
    static const ArgSpec spec = { "LZMADecompressor", names, 3, 0, 0, 3, false };
    Value a[3];
    ssize_t format = FORMAT_AUTO;
    uint64_t memlimit = UINT64_MAX;
    if (!rt_parse_args(&spec, args, nargs, kw, a) ||
        (a[0] != VAL_NULL && !rt_as_ssize(a[0], &format)))
        return VAL_NULL;
    bool have_memlimit = a[1] != VAL_NULL && a[1] != rt_None;
    bool have_filters = a[2] != VAL_NULL && a[2] != rt_None;
    if (have_memlimit && format == FORMAT_RAW)
        return rt_raisef(&rt_ValueError, "Cannot specify memory limit with FORMAT_RAW");
    if (format == FORMAT_RAW && !have_filters)
        return rt_raisef(&rt_ValueError, "Must specify filters for FORMAT_RAW");
    if (format != FORMAT_RAW && have_filters)
        return rt_raisef(&rt_ValueError, "Cannot specify filters except with FORMAT_RAW");
    if (have_memlimit && !u64_arg(a[1], &memlimit))
        return VAL_NULL;
    ObjLzma *z = lz_alloc(type);
    const uint32_t flags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
    lzma_filter chain[LZMA_FILTERS_MAX + 1];
    lzma_ret r;
    switch (format) {
    case FORMAT_AUTO: r = xz.lzma_auto_decoder(&z->lzs, memlimit, flags); break;
    case FORMAT_XZ: r = xz.lzma_stream_decoder(&z->lzs, memlimit, flags); break;
    case FORMAT_ALONE:
        z->check = LZMA_CHECK_NONE;
        r = xz.lzma_alone_decoder(&z->lzs, memlimit);
        break;
    case FORMAT_RAW:
        z->check = LZMA_CHECK_NONE;
        if (!parse_chain(a[2], chain))
            return VAL_NULL;
        r = xz.lzma_raw_decoder(&z->lzs, chain);
        break;
    default:
        return rt_raisef(&rt_ValueError, "Invalid container format: %zd", format);
    }
    return lz_ok(r) ? obj_val(z) : VAL_NULL;
}

/* Decompress `in` into at most `limit` bytes (CPython's decompress_buf). */
static Value decompress_buf(ObjLzma *z, const ModBuffer *in, size_t limit)
{
    ModOutput o;
    mod_output_init(&o, 8192, limit);
    z->lzs.next_in = in->data;
    z->lzs.avail_in = in->len;
    z->lzs.next_out = NULL;
    make_room(&o, &z->lzs);
    for (;;) {
        lzma_ret r = xz.lzma_code(&z->lzs, LZMA_RUN);
        if (!lz_ok(r))
            return VAL_NULL;
        if (r == LZMA_GET_CHECK || r == LZMA_NO_CHECK)
            z->check = (int)xz.lzma_get_check(&z->lzs);
        if (r == LZMA_STREAM_END) {
            z->eof = true;
            break;
        }
        if (z->lzs.avail_out == 0) {    /* liblzma may hold output back: ask again */
            if (!make_room(&o, &z->lzs))
                break;
        } else if (z->lzs.avail_in == 0) {
            break;
        }
    }
    return output_bytes(&o, &z->lzs);
}

static Value de_decompress(Value *args, size_t nargs, Value kw)
{
    ObjLzma *z = LZ(args[0]);
    ModBuffer in;
    size_t limit;
    if (!mod_decompress_input(args, nargs, kw, z->eof, "Already at end of stream",
                              z->pending, &in, &limit))
        return VAL_NULL;
    Value out = decompress_buf(z, &in, limit);
    if (out == VAL_NULL)
        return VAL_NULL;
    /* With the output full, liblzma may hold more back: no need for input yet. */
    mod_decompress_keep(z->lzs.next_in, z->lzs.avail_in, z->eof, z->lzs.avail_out != 0,
                        &z->pending, &z->unused_data, &z->needs_input);
    return out;
}

static Value decompressor_getattr(Value self, Value name)
{
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "eof") == 0)
        return rt_bool(LZ(self)->eof);
    if (strcmp(s, "needs_input") == 0)
        return rt_bool(LZ(self)->needs_input);
    if (strcmp(s, "unused_data") == 0)
        return LZ(self)->unused_data;
    if (strcmp(s, "check") == 0)
        return small_new(LZ(self)->check);
    return rt_generic_getattr(self, name);
}

/* ---- module functions -------------------------------------------------------------- */

static Value lz_is_check_supported(Value *args, size_t nargs, Value kw)
{
    ssize_t id;
    if (!rt_arg_one("is_check_supported", nargs, kw) || !rt_as_ssize(args[0], &id))
        return VAL_NULL;
    return rt_bool(id >= 0 && id <= LZMA_CHECK_ID_MAX && xz.lzma_check_is_supported((lzma_check)id));
}

static Value lz_encode_filter_properties(Value *args, size_t nargs, Value kw)
{
    lzma_filter f;
    uint32_t size;
    if (!rt_arg_one("_encode_filter_properties", nargs, kw) || !parse_filter(args[0], &f) ||
        !lz_ok(xz.lzma_properties_size(&size, &f)))
        return VAL_NULL;
    unsigned char *buf = gc_alloc_atomic(size + 1);
    if (!lz_ok(xz.lzma_properties_encode(&f, buf)))
        return VAL_NULL;
    return rt_bytes_new(buf, size);
}

static void add_field(Value dict, const char *name, uint64_t v)
{
    rt_dict_set_cstr(dict, name, rt_int_from_u64(v));
}

/* The dict for a decoded filter (CPython's build_filter_spec). */
static Value filter_spec(const lzma_filter *f)
{
    Value spec = rt_dict_new();
    add_field(spec, "id", f->id);
    if (f->id == LZMA_FILTER_LZMA1 || f->id == LZMA_FILTER_LZMA2) {
        const lzma_options_lzma *o = f->options;
        if (f->id == LZMA_FILTER_LZMA1) {
            add_field(spec, "lc", o->lc);
            add_field(spec, "lp", o->lp);
            add_field(spec, "pb", o->pb);
        }
        add_field(spec, "dict_size", o->dict_size);
    } else if (f->id == LZMA_FILTER_DELTA) {
        add_field(spec, "dist", ((const lzma_options_delta *)f->options)->dist);
    } else if (f->options != NULL) {
        add_field(spec, "start_offset", ((const lzma_options_bcj *)f->options)->start_offset);
    }
    return spec;
}

static Value lz_decode_filter_properties(Value *args, size_t nargs, Value kw)
{
    lzma_filter f = { .options = NULL };
    ModBuffer props;
    if (!rt_arg_nokw("_decode_filter_properties", kw) ||
        !rt_arg_range("_decode_filter_properties", nargs, 2, 2) || !u64_arg(args[0], &f.id) ||
        !mod_get_buffer(args[1], &props))
        return VAL_NULL;
    if (!lz_ok(xz.lzma_properties_decode(&f, NULL, props.data, props.len)))
        return VAL_NULL;
    Value spec = filter_spec(&f);
    free(f.options);
    return spec;
}

static const MethodDef compressor_methods[] = {
    {"compress", co_compress}, {"flush", co_flush}, {NULL, NULL}
};
static const MethodDef decompressor_methods[] = {
    {"decompress", de_decompress}, {NULL, NULL}
};

static ObjType compressor_type = {
    .ob.type = &rt_type_type, .name = "_lzma.LZMACompressor", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjLzma), .new_ = compressor_new,
};
static ObjType decompressor_type = {
    .ob.type = &rt_type_type, .name = "_lzma.LZMADecompressor", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjLzma), .new_ = decompressor_new, .getattr = decompressor_getattr,
};

static const MethodDef lzma_functions[] = {
    {"is_check_supported", lz_is_check_supported},
    {"_encode_filter_properties", lz_encode_filter_properties},
    {"_decode_filter_properties", lz_decode_filter_properties},
    {NULL, NULL}
};

Value mod_lzma_init(void)
{
    if (!xz_ready())
        return VAL_NULL;
    static const struct { const char *name; uint64_t value; } constants[] = {
        {"FORMAT_AUTO", FORMAT_AUTO}, {"FORMAT_XZ", FORMAT_XZ}, {"FORMAT_ALONE", FORMAT_ALONE},
        {"FORMAT_RAW", FORMAT_RAW}, {"CHECK_NONE", LZMA_CHECK_NONE},
        {"CHECK_CRC32", LZMA_CHECK_CRC32}, {"CHECK_CRC64", LZMA_CHECK_CRC64},
        {"CHECK_SHA256", LZMA_CHECK_SHA256}, {"CHECK_ID_MAX", LZMA_CHECK_ID_MAX},
        {"CHECK_UNKNOWN", CHECK_UNKNOWN}, {"FILTER_LZMA1", LZMA_FILTER_LZMA1},
        {"FILTER_LZMA2", LZMA_FILTER_LZMA2}, {"FILTER_DELTA", LZMA_FILTER_DELTA},
        {"FILTER_X86", LZMA_FILTER_X86}, {"FILTER_IA64", LZMA_FILTER_IA64},
        {"FILTER_ARM", LZMA_FILTER_ARM}, {"FILTER_ARMTHUMB", LZMA_FILTER_ARMTHUMB},
        {"FILTER_POWERPC", LZMA_FILTER_POWERPC}, {"FILTER_SPARC", LZMA_FILTER_SPARC},
        {"MF_HC3", LZMA_MF_HC3}, {"MF_HC4", LZMA_MF_HC4}, {"MF_BT2", LZMA_MF_BT2},
        {"MF_BT3", LZMA_MF_BT3}, {"MF_BT4", LZMA_MF_BT4}, {"MODE_FAST", LZMA_MODE_FAST},
        {"MODE_NORMAL", LZMA_MODE_NORMAL}, {"PRESET_DEFAULT", LZMA_PRESET_DEFAULT},
        {"PRESET_EXTREME", LZMA_PRESET_EXTREME},
    };
    Value m = mod_module_new("_lzma", lzma_functions);
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        mod_module_set(m, constants[i].name, rt_int_from_u64(constants[i].value));
    mod_add_type(m, "LZMACompressor", &compressor_type, compressor_methods);
    mod_add_type(m, "LZMADecompressor", &decompressor_type, decompressor_methods);
    if (lzma_error.mro == VAL_NULL)
        rt_type_ready(&lzma_error, NULL);
    mod_module_set(m, "LZMAError", obj_val(&lzma_error));
    return m;
}
