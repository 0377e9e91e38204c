/*
 * marshal.c — the `marshal` module over the loader's reader and writer:
 * loads(bytes) reads anything a .pyc may hold (loader/marshal.c), dumps(v)
 * writes plain data (loader/marshal_write.c: not code objects yet), and
 * `version` is 4, the format both speak.
 */
#include "loader/pyc.h"
#include "modules/api.h"
#include "modules/modutil.h"
#include "runtime/buffer.h"

static Value marshal_loads(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("loads", nargs, kwnames))
        return VAL_NULL;
    RtBuffer b;
    if (rt_get_buffer(args[0], &b, RT_BUF_SIMPLE) < 0)
        return VAL_NULL;
    char err[256];
    Value v = ld_unmarshal(b.buf, (size_t)b.len, "marshal data", 0, err, sizeof err);
    rt_release_buffer(&b);
    return v != VAL_NULL ? v : rt_raisef(&rt_ValueError, "bad marshal data (%s)", err);
}

static Value marshal_dumps(Value *args, size_t nargs, Value kwnames)
{
    if (nargs < 1 || nargs > 2)
        return rt_raisef(&rt_TypeError, "dumps expected 1 or 2 arguments, got %zu", nargs);
    StrBuf out;
    sb_init(&out);
    if (!ld_marshal(args[0], &out))
        return VAL_NULL;
    return rt_bytes_new((const unsigned char *)out.data, out.len);
}

static const MethodDef marshal_functions[] = {
    {"loads", marshal_loads}, {"dumps", marshal_dumps}, {NULL, NULL},
};

Value mod_marshal_init(void)
{
    Value m = mod_module_new("marshal", marshal_functions);
    mod_module_set(m, "version", small_new(4));
    return m;
}
