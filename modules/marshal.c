/*
 * marshal.c — the `marshal` module over the loader's reader and writer:
 * loads(bytes) and load(file) read anything a .pyc may hold
 * (loader/marshal.c), dumps(value[, version]) and dump(value, file[,
 * version]) write it, code objects included, in any version 0-4 (0-5 under 3.14)
 * (loader/marshal_write.c), and `version` is the current format: 4, 5 under 3.14.
 */
#include <string.h>
#include "loader/pyc.h"
#include "modules/api.h"
#include "modules/modutil.h"
#include "runtime/version.h"
#include "runtime/buffer.h"

static Value unmarshal_buffer(Value data, size_t *used)
{
    RtBuffer b;
    if (rt_get_buffer(data, &b, RT_BUF_SIMPLE) < 0)
        return VAL_NULL;
    if (b.len == 0) {
        rt_release_buffer(&b);
        return rt_raisef(&rt_EOFError, "EOF read where object expected");
    }
    char err[256];
    Value v = ld_unmarshal_prefix(b.buf, (size_t)b.len, used, err, sizeof err);
    rt_release_buffer(&b);
    if (v != VAL_NULL)
        return v;
    if (strstr(err, "truncated file") != NULL)      /* the data ends too soon */
        return rt_raisef(&rt_EOFError, "marshal data too short");
    return rt_raisef(&rt_ValueError, "bad marshal data (%s)", err);
}

static Value marshal_loads(Value *args, size_t nargs, Value kwnames)
{
    size_t used;
    return rt_arg_one("loads", nargs, kwnames) ? unmarshal_buffer(args[0], &used) : VAL_NULL;
}

/* The rest of a file, read with readinto as CPython's marshal reads it
 * (and with its check of what readinto claims to have read). */
static Value read_rest(Value file)
{
    Value probe = rt_call1(rt_getattr_cstr(file, "read"), small_new(0));
    if (probe == VAL_NULL)
        return VAL_NULL;
    if (!IS_EXACT(probe, rt_bytes_type))
        return rt_raisef(&rt_TypeError, "file.read() returned not bytes but %T", probe);
    Value readinto = rt_getattr_cstr(file, "readinto");
    if (readinto == VAL_NULL)
        return VAL_NULL;
    StrBuf data;
    sb_init(&data);
    enum { CHUNK = 8192 };
    static const unsigned char zeros[CHUNK];
    Value chunk = rt_bytearray_new(zeros, CHUNK);
    for (;;) {
        Value got = rt_call1(readinto, chunk);
        int64_t n = 0;
        if (got == VAL_NULL || (got != rt_None && !rt_int_as_i64(got, &n)))
            return VAL_NULL;
        if (n > CHUNK)
            return rt_raisef(&rt_ValueError, "read() returned too much data: %d bytes requested, "
                             "%lld returned", CHUNK, (long long)n);
        if (n <= 0)
            break;
        sb_add(&data, (const char *)VAL_AS(ObjByteArray, chunk)->data, (size_t)n);
    }
    return rt_bytes_new((const unsigned char *)data.data, data.len);
}

/* load(file): one object from the file, which is left just after it (the
 * rest is read, then the file seeks back over what the object did not use). */
static Value marshal_load(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("load", nargs, kwnames))
        return VAL_NULL;
    Value data = read_rest(args[0]);
    if (data == VAL_NULL)
        return VAL_NULL;
    size_t used;
    Value v = unmarshal_buffer(data, &used);
    size_t left = AS_BYTES(data)->length - (v != VAL_NULL ? used : 0);
    if (v != VAL_NULL && left > 0) {
        Value seek = rt_getattr_cstr(args[0], "seek");
        if (seek == VAL_NULL || rt_call2(seek, rt_int_from_i64(-(int64_t)left), small_new(1)) == VAL_NULL)
            return VAL_NULL;
    }
    return v;
}

/* marshal.version: 5 from 3.14 (slices), else 4. */
static int current_version(void)
{
    return rt_py_minor >= 14 ? 5 : 4;
}

/* The version argument (default the current one). */
static bool version_arg(Value *args, size_t nargs, size_t at, int *version)
{
    int64_t v = current_version();
    if (nargs > at) {
        if (!rt_isinstance_of(args[at], &rt_int_type)) {
            rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", args[at]);
            return false;
        }
        if (!rt_int_as_i64(args[at], &v))
            return false;
    }
    *version = v < 0 ? 0 : v > current_version() ? current_version() : (int)v;
    return true;
}

static Value dumps_version(Value value, int version)
{
    StrBuf out;
    sb_init(&out);
    if (!ld_marshal_version(value, version, &out))
        return VAL_NULL;
    return rt_bytes_new((const unsigned char *)out.data, out.len);
}

/* dumps(value[, version]) and dump(value, file[, version]): the value and
 * version, after `fixed` leading positional arguments. */
static bool dump_args(const char *fn, Value *args, size_t nargs, Value kwnames, size_t fixed,
                      int *version)
{
    if (kwnames != VAL_NULL && rt_tuple_len(kwnames) > 0) {
        rt_raisef(&rt_TypeError, "%s() takes no keyword arguments", fn);
        return false;
    }
    if (nargs < fixed || nargs > fixed + 1) {
        rt_raisef(&rt_TypeError, "%s expected at %s %zu argument%s, got %zu", fn,
                  nargs < fixed ? "least" : "most", nargs < fixed ? fixed : fixed + 1,
                  nargs < fixed && fixed == 1 ? "" : "s", nargs);
        return false;
    }
    return version_arg(args, nargs, fixed, version);
}

static Value marshal_dumps(Value *args, size_t nargs, Value kwnames)
{
    int version;
    return dump_args("dumps", args, nargs, kwnames, 1, &version) ? dumps_version(args[0], version)
                                                                 : VAL_NULL;
}

static Value marshal_dump(Value *args, size_t nargs, Value kwnames)
{
    int version;
    if (!dump_args("dump", args, nargs, kwnames, 2, &version))
        return VAL_NULL;
    Value data = dumps_version(args[0], version);
    Value write = data != VAL_NULL ? rt_getattr_cstr(args[1], "write") : VAL_NULL;
    return write != VAL_NULL && rt_call1(write, data) != VAL_NULL ? rt_None : VAL_NULL;
}

static const MethodDef marshal_functions[] = {
    {"dump", marshal_dump}, {"load", marshal_load},
    {"dumps", marshal_dumps}, {"loads", marshal_loads}, {NULL, NULL},
};

Value mod_marshal_init(void)
{
    Value m = mod_module_new("marshal", marshal_functions);
    mod_module_set(m, "version", small_new(current_version()));
    return m;
}
