/*
 * hashlib_builtin.c — the hash modules CPython builds in beside _hashlib:
 * _md5, _sha1, _sha256 (sha224, sha256), _sha512 (sha384, sha512) and _sha3
 * (sha3_224 ... sha3_512, shake_128, shake_256).  CPython carries its own
 * implementations of these digests for builds without OpenSSL, and
 * Lib/hashlib.py falls back to them (__get_builtin_constructor) when
 * _hashlib lacks one; programs and tests also import them by name.
 *
 * pvm writes no digest: the objects here are hashlib.c's, computed by
 * OpenSSL's EVP (hashlib.h), under the types, names and argument rules of
 * CPython 3.11's Modules/md5module.c ... Modules/_sha3/sha3module.c:
 *
 *   _md5.md5(string=b'', *, usedforsecurity=True)     a builtin function
 *       returning a `_md5.md5` object (the type cannot be called);
 *       the same for sha1, sha224, sha256, sha384, sha512;
 *   _sha3.sha3_224(data=b'', /, *, usedforsecurity=True)   the type itself
 *       (not subclassable), its instances with _capacity_bits, _rate_bits
 *       and _suffix; shake_128/256's digest(length) and hexdigest(length)
 *       take the length by position only.
 *
 * A method's errors name the type ("md5.update() takes exactly one
 * argument (0 given)"); every _sha3 constructor's name their first,
 * sha3_224(), as CPython's one shared constructor does.
 */
#include <string.h>
#include "modules/hashlib.h"
#include "modules/modutil.h"
#include "runtime/version.h"

/* ---- the methods, shared by every type here --------------------------------------- */

/* "md5.update": the type's name without its module. */
static const char *method_name(Value self, const char *method)
{
    const char *type = strchr(val_type(self)->name, '.') + 1;
    return rt_str_cstr(rt_str_format_c("%s.%s", type, method));
}

static Value bh_update(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one(method_name(args[0], "update"), nargs - 1, kw))
        return VAL_NULL;
    return mod_hash_update(args[0], args[1]) ? rt_None : VAL_NULL;
}

static Value digest_common(Value *args, size_t nargs, Value kw, bool hex)
{
    if (!rt_arg_none(method_name(args[0], hex ? "hexdigest" : "digest"), nargs - 1, kw))
        return VAL_NULL;
    return mod_hash_digest(args[0], 0, hex);
}

static Value bh_digest(Value *a, size_t n, Value kw) { return digest_common(a, n, kw, false); }
static Value bh_hexdigest(Value *a, size_t n, Value kw) { return digest_common(a, n, kw, true); }

/* md5 ... sha512's copy(): Argument Clinic's check for a method that takes
 * its defining class, which looks at positional arguments only. */
static Value sha_copy(Value *args, size_t nargs, Value kw)
{
    if (nargs > 1)
        return rt_raisef(&rt_TypeError, "copy() takes no arguments");
    return mod_hash_copy(args[0]);
}

static Value sha3_copy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none(method_name(args[0], "copy"), nargs - 1, kw))
        return VAL_NULL;
    return mod_hash_copy(args[0]);
}

/* SHAKE's length: an unsigned long, then below 2**29. */
static bool shake_length(Value v, size_t *out)
{
    uint64_t n;
    if (!mod_as_unsigned(v, false, &n))
        return false;
    if (n >= (uint64_t)1 << 29) {
        rt_raisef(&rt_ValueError, "length is too large");
        return false;
    }
    *out = (size_t)n;
    return true;
}

/* digest(length): by position only up to 3.13; 3.14's Argument Clinic
 * takes it by keyword too. */
static Value shake_digest_common(Value *args, size_t nargs, Value kw, bool hex)
{
    static const char *const names[] = { "length" };
    ArgSpec spec = { hex ? "hexdigest" : "digest", names, 1, 0, 1, 1, false };
    Value length;
    size_t len;
    if (rt_py_minor >= 14) {
        if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, &length))
            return VAL_NULL;
    } else if (!rt_arg_one(method_name(args[0], spec.fname), nargs - 1, kw)) {
        return VAL_NULL;
    } else {
        length = args[1];
    }
    if (!shake_length(length, &len))
        return VAL_NULL;
    return mod_hash_digest(args[0], len, hex);
}

static Value shake_digest(Value *a, size_t n, Value kw) { return shake_digest_common(a, n, kw, false); }
static Value shake_hexdigest(Value *a, size_t n, Value kw) { return shake_digest_common(a, n, kw, true); }

static const MethodDef sha_methods[] = {
    {"copy", sha_copy}, {"digest", bh_digest}, {"hexdigest", bh_hexdigest},
    {"update", bh_update}, {NULL, NULL}
};

static const MethodDef sha3_methods[] = {
    {"copy", sha3_copy}, {"digest", bh_digest}, {"hexdigest", bh_hexdigest},
    {"update", bh_update}, {NULL, NULL}
};

static const MethodDef shake_methods[] = {
    {"copy", sha3_copy}, {"digest", shake_digest}, {"hexdigest", shake_hexdigest},
    {"update", bh_update}, {NULL, NULL}
};

/* ---- attributes ---------------------------------------------------------------------- */

static Value get_name(Value self) { return mod_hash_attr(self, "name"); }
static Value get_digest_size(Value self) { return mod_hash_attr(self, "digest_size"); }
static Value get_block_size(Value self) { return mod_hash_attr(self, "block_size"); }

/* Keccak's sponge, as _sha3 shows it: the rate is the block, the capacity
 * the rest of the 1600-bit state; the suffix is the domain's padding. */
static Value get_rate_bits(Value self)
{
    return small_new(8 * small_value(mod_hash_attr(self, "block_size")));
}

static Value get_capacity_bits(Value self)
{
    return small_new(1600 - 8 * small_value(mod_hash_attr(self, "block_size")));
}

static Value get_suffix(Value self)
{
    bool shake = strncmp(val_type(self)->name, "_sha3.shake", 11) == 0;
    return rt_bytes_new((const unsigned char *)(shake ? "\x1f" : "\x06"), 1);
}

static const GetSetDef sha_getsets[] = {
    {"block_size", get_block_size, 0, 0}, {"name", get_name, 0, 0},
    {"digest_size", get_digest_size, 0, 0}, {NULL, 0, 0, 0}
};

/* _sha256's and _sha512's digest_size is a read-only member in CPython,
 * which words the refusal differently. */
static int set_member(Value self, Value v)
{
    rt_raisef(&rt_AttributeError, "readonly attribute");
    return -1;
}

static const GetSetDef sha2_getsets[] = {
    {"block_size", get_block_size, 0, 0}, {"name", get_name, 0, 0},
    {"digest_size", get_digest_size, set_member, 0}, {NULL, 0, 0, 0}
};

static const GetSetDef sha3_getsets[] = {
    {"block_size", get_block_size, 0, 0}, {"name", get_name, 0, 0},
    {"digest_size", get_digest_size, 0, 0}, {"_capacity_bits", get_capacity_bits, 0, 0},
    {"_rate_bits", get_rate_bits, 0, 0}, {"_suffix", get_suffix, 0, 0}, {NULL, 0, 0, 0}
};

/* ---- _md5, _sha1, _sha256, _sha512: a function per digest ------------------------------ */

#define SHA_TYPE(var, tname, attrs) \
    static ObjType var = { .ob.type = &rt_type_type, .name = tname, \
                           .new_ = mod_no_new, .getsets = attrs };
SHA_TYPE(md5_type, "_md5.md5", sha_getsets)
SHA_TYPE(sha1_type, "_sha1.sha1", sha_getsets)
SHA_TYPE(sha224_type, "_sha256.sha224", sha2_getsets)
SHA_TYPE(sha256_type, "_sha256.sha256", sha2_getsets)
SHA_TYPE(sha384_type, "_sha512.sha384", sha2_getsets)
SHA_TYPE(sha512_type, "_sha512.sha512", sha2_getsets)

/* 3.14's constructors: data by position or keyword, or the deprecated
 * keyword-only string (mod_hash_data_arg). */
static const char *const names314[] = { "data", "usedforsecurity", "string" };

/* md5(string=b'', *, usedforsecurity=True) and the others (3.14:
 * md5(data=b'', *, usedforsecurity=True, string=None)): `name` is both the
 * function's and the digest's. */
static Value sha_construct(const char *name, ObjType *type, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "string", "usedforsecurity" };
    ArgSpec spec = { name, names, 2, 0, 0, 1, false };
    ArgSpec spec314 = { name, names314, 3, 0, 0, 1, false };
    Value a[3], data;
    if (!rt_parse_args(rt_py_minor >= 14 ? &spec314 : &spec, args, nargs, kw, a))
        return VAL_NULL;
    if (rt_py_minor < 14)
        return mod_hash_new(type, name, a[0]);
    return mod_hash_data_arg(a[0], a[2], &data) ? mod_hash_new(type, name, data) : VAL_NULL;
}

#define SHA_CONSTRUCTOR(name) \
    static Value m_##name(Value *a, size_t n, Value kw) \
    { return sha_construct(#name, &name##_type, a, n, kw); }
SHA_CONSTRUCTOR(md5) SHA_CONSTRUCTOR(sha1) SHA_CONSTRUCTOR(sha224)
SHA_CONSTRUCTOR(sha256) SHA_CONSTRUCTOR(sha384) SHA_CONSTRUCTOR(sha512)

static const MethodDef md5_functions[] = { {"md5", m_md5}, {NULL, NULL} };
static const MethodDef sha1_functions[] = { {"sha1", m_sha1}, {NULL, NULL} };
static const MethodDef sha256_functions[] = {
    {"sha224", m_sha224}, {"sha256", m_sha256}, {NULL, NULL}
};
static const MethodDef sha512_functions[] = {
    {"sha384", m_sha384}, {"sha512", m_sha512}, {NULL, NULL}
};

/* 3.14's hash modules tell the size from which a digest releases the GIL. */
static void add_gil_minsize(Value m)
{
    if (rt_py_minor >= 14)
        mod_module_set(m, "_GIL_MINSIZE", small_new(2048));
}

Value mod_md5_init(void)
{
    Value m = mod_module_new("_md5", md5_functions);
    add_gil_minsize(m);
    mod_add_type(m, "MD5Type", &md5_type, sha_methods);
    return m;
}

Value mod_sha1_init(void)
{
    Value m = mod_module_new("_sha1", sha1_functions);
    add_gil_minsize(m);
    mod_add_type(m, "SHA1Type", &sha1_type, sha_methods);
    return m;
}

Value mod_sha256_init(void)
{
    Value m = mod_module_new("_sha256", sha256_functions);
    mod_add_type(m, "SHA224Type", &sha224_type, sha_methods);
    mod_add_type(m, "SHA256Type", &sha256_type, sha_methods);
    return m;
}

/* CPython 3.11 binds the sha512 type to the name SHA384Type (and the sha384
 * type to no name): the module is as python3.11 shows it. */
Value mod_sha512_init(void)
{
    Value m = mod_module_new("_sha512", sha512_functions);
    rt_type_ready(&sha384_type, sha_methods);
    mod_add_type(m, "SHA384Type", &sha512_type, sha_methods);
    return m;
}

/* ---- _sha3: the types are the constructors ----------------------------------------------- */

static Value sha3_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data", "usedforsecurity" };
    static const ArgSpec spec = { "sha3_224", names, 2, 1, 0, 1, false };
    static const ArgSpec spec314 = { "sha3_224", names314, 3, 0, 0, 1, false };
    Value a[3], data;
    if (!rt_parse_args(rt_py_minor >= 14 ? &spec314 : &spec, args, nargs, kw, a))
        return VAL_NULL;
    if (rt_py_minor < 14)
        data = a[0];
    else if (!mod_hash_data_arg(a[0], a[2], &data))
        return VAL_NULL;
    return mod_hash_new(type, strchr(type->name, '.') + 1, data);
}

#define SHA3_TYPE(var, tname) \
    static ObjType var = { .ob.type = &rt_type_type, .name = tname, \
                           .new_ = sha3_new, .getsets = sha3_getsets };
SHA3_TYPE(sha3_224_type, "_sha3.sha3_224")
SHA3_TYPE(sha3_256_type, "_sha3.sha3_256")
SHA3_TYPE(sha3_384_type, "_sha3.sha3_384")
SHA3_TYPE(sha3_512_type, "_sha3.sha3_512")
SHA3_TYPE(shake_128_type, "_sha3.shake_128")
SHA3_TYPE(shake_256_type, "_sha3.shake_256")

Value mod_sha3_init(void)
{
    Value m = mod_module_new("_sha3", NULL);
    add_gil_minsize(m);
    mod_add_type(m, "sha3_224", &sha3_224_type, sha3_methods);
    mod_add_type(m, "sha3_256", &sha3_256_type, sha3_methods);
    mod_add_type(m, "sha3_384", &sha3_384_type, sha3_methods);
    mod_add_type(m, "sha3_512", &sha3_512_type, sha3_methods);
    mod_add_type(m, "shake_128", &shake_128_type, shake_methods);
    mod_add_type(m, "shake_256", &shake_256_type, shake_methods);
    if (rt_py_minor < 12) {     /* 3.12 took SHA-3 from HACL* */
        mod_module_set(m, "implementation", rt_str_from_cstr("tiny_sha3"));
        mod_module_set(m, "keccakopt", small_new(0));
    } else {
        mod_module_set(m, "implementation", rt_str_from_cstr("HACL"));
    }
    return m;
}
