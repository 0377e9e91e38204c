/*
 * imp.c — the `_imp` module, reduced to the one function pvm can honour:
 * source_hash(key, source), the SipHash-1-3 digest importlib stores in
 * checked hash-based pycs (PEP 552), as 8 little-endian bytes.  It lets a
 * Python program (and the golden tests) compare pvm's hash with CPython's.
 */
#include "loader/siphash.h"
#include "runtime/runtime.h"
#include "modules/api.h"

/* _imp.source_hash(key, source) */
static Value imp_source_hash(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "key", "source" };
    static const ArgSpec spec = { "source_hash", names, 2, 0, 2, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    int64_t key;
    if (!rt_isinstance_of(a[0], &rt_int_type))
        return rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", a[0]);
    if (!rt_int_as_i64(a[0], &key))
        return VAL_NULL;
    const unsigned char *data;
    size_t n;
    if (IS_EXACT(a[1], rt_bytes_type)) {
        data = AS_BYTES(a[1])->data;
        n = AS_BYTES(a[1])->length;
    } else if (IS_EXACT(a[1], rt_bytearray_type)) {
        data = VAL_AS(ObjByteArray, a[1])->data;
        n = VAL_AS(ObjByteArray, a[1])->length;
    } else {
        return rt_raisef(&rt_TypeError, "a bytes-like object is required, not '%T'", a[1]);
    }
    uint64_t h = ld_source_hash((uint64_t)key, data, n);
    unsigned char out[8];
    for (int i = 0; i < 8; i++)
        out[i] = (unsigned char)(h >> (8 * i));
    return rt_bytes_new(out, 8);
}

Value mod_imp_init(void)
{
    Value m = rt_module_new(rt_str_from_cstr("_imp"));
    Value d = VAL_AS(ObjModule, m)->dict;
    rt_dict_set_cstr(d, "source_hash", rt_builtin_new("source_hash", imp_source_hash, VAL_NULL));
    rt_dict_set_cstr(d, "check_hash_based_pycs", rt_str_from_cstr("default"));
    return m;
}
