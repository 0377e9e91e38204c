/*
 * hashlib.c — the _hashlib module (CPython's Modules/_hashopenssl.c): message
 * digests, HMAC and key derivation computed by OpenSSL's libcrypto, under
 * Lib/hashlib.py and Lib/hmac.py.
 *
 * pvm writes no digest itself: every algorithm OpenSSL provides is reachable
 * through new(name), and the ones hashlib.py asks for by name have their
 * constructors openssl_md5 ... openssl_shake_256 (hashlib.py calls each once
 * at import with usedforsecurity=False to see that it works).  BLAKE2 with
 * keys, salts and tree parameters is not OpenSSL's: hashlib.py takes it from
 * _blake2 (blake2.c).
 *
 * Names: Python calls digests "sha3_256", OpenSSL "SHA3-256".  A table maps
 * the ones hashlib knows between the two; any other name goes to OpenSSL as
 * given (new('ripemd160')) and a digest's Python name is the table's, else
 * OpenSSL's long name, as CPython's py_digest_name does.
 *
 * OpenSSL's contexts live outside the collector's heap: each object frees
 * its context in a finaliser.  Errors from OpenSSL become ValueError with
 * OpenSSL's own text ("[digital envelope routines] unsupported"), as
 * CPython's _setException words them.
 */
#include <string.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/objects.h>
#include <openssl/opensslv.h>
#include "modules/hashlib.h"
#include "modules/modutil.h"
#include "runtime/version.h"

/* ---- libcrypto, opened on first use ------------------------------------------
 * libcrypto is large: linked with pvm, its 21,000 relocations (bound when it
 * loads) would more than double the instructions `pvm hello.pyc` runs
 * before main().  So pvm opens it when _hashlib is imported or C code asks
 * for a digest (MOD_LIBRARY, modutil.h) and calls it through `crypto`. */
#ifndef PVM_LIBCRYPTO
#define PVM_LIBCRYPTO MOD_OPENSSL_SONAME(crypto, OPENSSL_VERSION_MAJOR)
#endif

#define CRYPTO_FUNCTIONS(X) \
    X(CRYPTO_memcmp) X(ERR_clear_error) X(ERR_lib_error_string) X(ERR_peek_last_error) \
    X(ERR_reason_error_string) X(EVP_Digest) X(EVP_DigestFinalXOF) X(EVP_DigestFinal_ex) \
    X(EVP_DigestInit_ex) X(EVP_DigestUpdate) X(EVP_MAC_CTX_dup) X(EVP_MAC_CTX_free) \
    X(EVP_MAC_CTX_new) X(EVP_MAC_fetch) X(EVP_MAC_final) X(EVP_MAC_free) X(EVP_MAC_init) \
    X(EVP_MAC_update) X(EVP_MD_CTX_copy_ex) X(EVP_MD_CTX_free) X(EVP_MD_CTX_get0_md) \
    X(EVP_MD_CTX_new) X(EVP_MD_do_all_provided) X(EVP_MD_fetch) X(EVP_MD_get0_name) \
    X(EVP_MD_get_block_size) X(EVP_MD_get_flags) X(EVP_MD_get_size) X(EVP_MD_get_type) \
    X(EVP_PBE_scrypt) X(EVP_default_properties_is_fips_enabled) X(OBJ_nid2ln) \
    X(OBJ_nid2sn) X(OSSL_PARAM_construct_end) X(OSSL_PARAM_construct_utf8_string) \
    X(PKCS5_PBKDF2_HMAC)

MOD_LIBRARY(crypto, PVM_LIBCRYPTO, CRYPTO_FUNCTIONS)

/* ---- names ---------------------------------------------------------------------- */

typedef struct HashName {
    const char *py_name;        /* hashlib's name */
    const char *py_alias;       /* also accepted by new(), or NULL */
    const char *ossl_name;      /* OpenSSL's */
    int nid;
} HashName;

static const HashName hash_names[] = {
    {"md5", "MD5", "MD5", NID_md5},
    {"sha1", "SHA1", "SHA1", NID_sha1},
    {"sha224", "SHA224", "SHA224", NID_sha224},
    {"sha256", "SHA256", "SHA256", NID_sha256},
    {"sha384", "SHA384", "SHA384", NID_sha384},
    {"sha512", "SHA512", "SHA512", NID_sha512},
    {"sha512_224", "SHA512_224", "SHA512-224", NID_sha512_224},
    {"sha512_256", "SHA512_256", "SHA512-256", NID_sha512_256},
    {"sha3_224", NULL, "SHA3-224", NID_sha3_224},
    {"sha3_256", NULL, "SHA3-256", NID_sha3_256},
    {"sha3_384", NULL, "SHA3-384", NID_sha3_384},
    {"sha3_512", NULL, "SHA3-512", NID_sha3_512},
    {"shake_128", NULL, "SHAKE128", NID_shake128},
    {"shake_256", NULL, "SHAKE256", NID_shake256},
    {"blake2s", "blake2s256", "BLAKE2s256", NID_blake2s256},
    {"blake2b", "blake2b512", "BLAKE2b512", NID_blake2b512},
};
#define NNAMES (sizeof hash_names / sizeof hash_names[0])

/* The constructors openssl_<name>: the first twelve entries above less the
 * truncated SHA-512s, as CPython's module has them. */
static const char *const constructor_names[] = {
    "md5", "sha1", "sha224", "sha256", "sha384", "sha512",
    "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256",
};
#define NCONSTRUCTORS (sizeof constructor_names / sizeof constructor_names[0])

static const char *py_digest_name(const EVP_MD *md)
{
    int nid = crypto.EVP_MD_get_type(md);
    for (size_t i = 0; i < NNAMES; i++)
        if (hash_names[i].nid == nid)
            return hash_names[i].py_name;
    const char *name = crypto.OBJ_nid2ln(nid);
    return name != NULL ? name : crypto.OBJ_nid2sn(nid);
}

static const char *ossl_name(const char *name)
{
    for (size_t i = 0; i < NNAMES; i++)
        if (strcmp(name, hash_names[i].py_name) == 0 ||
            (hash_names[i].py_alias && strcmp(name, hash_names[i].py_alias) == 0))
            return hash_names[i].ossl_name;
    return name;
}

static ObjType unsupported_digestmod_error = {
    .ob.type = &rt_type_type, .name = "_hashlib.UnsupportedDigestmodError",
    .base = &rt_ValueError, .flags = TF_EXCEPTION | TF_BASETYPE,
};

/* Raise `type` with OpenSSL's last error ("[lib] reason"), or `fallback`
 * when OpenSSL recorded none (CPython's _setException). */
static Value openssl_error(ObjType *type, const char *fallback)
{
    unsigned long code = crypto.ERR_peek_last_error();
    crypto.ERR_clear_error();
    const char *lib = code ? crypto.ERR_lib_error_string(code) : NULL;
    const char *reason = code ? crypto.ERR_reason_error_string(code) : NULL;
    if (reason == NULL)
        return rt_raisef(type, "%s", fallback ? fallback : "no reason supplied");
    if (lib != NULL)
        return rt_raisef(type, "[%s] %s", lib, reason);
    return rt_raisef(type, "%s", reason);
}

static ObjType *unsupported_digestmod(void)
{
    if (unsupported_digestmod_error.mro == VAL_NULL)
        rt_type_ready(&unsupported_digestmod_error, NULL);
    return &unsupported_digestmod_error;
}

/* The digest called `name` (either naming), or NULL + ValueError (python3.11.2's
 * type; later 3.11 releases, and 3.12, raise its subclass UnsupportedDigestmodError). */
static const EVP_MD *digest_by_name(const char *name)
{
    EVP_MD *md = crypto.EVP_MD_fetch(NULL, ossl_name(name), NULL);
    if (md == NULL) {
        char msg[200];
        snprintf(msg, sizeof msg, "unsupported hash type %s", name);
        openssl_error(rt_py_minor >= 12 ? unsupported_digestmod() : &rt_ValueError, msg);
    }
    return md;
}

bool mod_digest(const char *name, const unsigned char *data, size_t len,
                unsigned char *out, size_t *outlen)
{
    if (!crypto_ready())
        return false;
    const EVP_MD *md = digest_by_name(name);
    unsigned int n = 0;
    if (md == NULL)
        return false;
    if (!crypto.EVP_Digest(data, len, out, &n, md, NULL)) {
        openssl_error(&rt_ValueError, NULL);
        return false;
    }
    *outlen = n;
    return true;
}

/* ---- data arguments --------------------------------------------------------------- */

/* Data to hash: bytes-like, with CPython's two messages for what is not. */
static bool hash_data(Value v, ModBuffer *b)
{
    if (rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "Strings must be encoded before hashing");
        return false;
    }
    if (!mod_is_buffer(v)) {
        rt_raisef(&rt_TypeError, "object supporting the buffer API required");
        return false;
    }
    return mod_get_buffer(v, b);
}

static Value hex_of(const unsigned char *p, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    char *s = gc_alloc_atomic(2 * n + 1);
    for (size_t i = 0; i < n; i++) {
        s[2 * i] = digits[p[i] >> 4];
        s[2 * i + 1] = digits[p[i] & 15];
    }
    return rt_str_new(s, 2 * n);
}

/* ---- HASH and HASHXOF objects --------------------------------------------------------- */

typedef struct ObjHash {
    Object ob;
    EVP_MD_CTX *ctx;
} ObjHash;

static ObjType hash_type, hashxof_type;
#define HASH(v) VAL_AS(ObjHash, v)

static void free_md_ctx(void *obj, void *data)
{
    crypto.EVP_MD_CTX_free(((ObjHash *)obj)->ctx);
}

/* A HASH, HASHXOF, or an object of one of the built-in modules' types
 * (`type`, laid out as ObjHash: hashlib_builtin.c). */
static ObjHash *hash_alloc(ObjType *type, const EVP_MD *md)
{
    ObjHash *h = gc_alloc(sizeof *h);
    if (type == NULL)
        type = crypto.EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF ? &hashxof_type : &hash_type;
    h->ob.type = type;
    h->ctx = crypto.EVP_MD_CTX_new();
    gc_register_finalizer(h, free_md_ctx, NULL);
    return h;
}

static bool hash_update(ObjHash *h, Value data)
{
    ModBuffer b;
    if (!hash_data(data, &b))
        return false;
    if (!crypto.EVP_DigestUpdate(h->ctx, b.data, b.len)) {
        openssl_error(&rt_ValueError, NULL);
        return false;
    }
    return true;
}

/* A new HASH (or `type`) for `md`, fed `data` when not VAL_NULL. */
static Value hash_new(ObjType *type, const EVP_MD *md, Value data)
{
    ObjHash *h = hash_alloc(type, md);
    if (!crypto.EVP_DigestInit_ex(h->ctx, md, NULL))
        return openssl_error(&rt_ValueError, NULL);
    if (data != VAL_NULL && !hash_update(h, data))
        return VAL_NULL;
    return obj_val(h);
}

Value mod_hash_new(ObjType *type, const char *name, Value data)
{
    if (!crypto_ready())
        return VAL_NULL;
    const EVP_MD *md = digest_by_name(name);
    return md ? hash_new(type, md, data) : VAL_NULL;
}

bool mod_hash_update(Value self, Value data)
{
    return hash_update(HASH(self), data);
}

static const EVP_MD *hash_md(Value self)
{
    return crypto.EVP_MD_CTX_get0_md(HASH(self)->ctx);
}

/* SHAKE: the length is the caller's. */
static bool hash_is_xof(Value self)
{
    return (crypto.EVP_MD_get_flags(hash_md(self)) & EVP_MD_FLAG_XOF) != 0;
}

/* The digest so far of a copy of the context (the object goes on). */
static bool hash_final(Value self, unsigned char *out, size_t len)
{
    EVP_MD_CTX *copy = crypto.EVP_MD_CTX_new();
    bool ok = crypto.EVP_MD_CTX_copy_ex(copy, HASH(self)->ctx) &&
              (hash_is_xof(self)
                   ? crypto.EVP_DigestFinalXOF(copy, out, len)
                   : crypto.EVP_DigestFinal_ex(copy, out, NULL));
    crypto.EVP_MD_CTX_free(copy);
    if (!ok)
        openssl_error(&rt_ValueError, NULL);
    return ok;
}

static Value h_update(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("HASH.update", nargs - 1, kw))
        return VAL_NULL;
    return hash_update(HASH(args[0]), args[1]) ? rt_None : VAL_NULL;
}

/* The digest so far, `len` bytes of it for SHAKE (else the digest's size),
 * as bytes or hex. */
Value mod_hash_digest(Value self, size_t len, bool hex)
{
    unsigned char fixed[EVP_MAX_MD_SIZE];
    if (!hash_is_xof(self))
        len = (size_t)crypto.EVP_MD_get_size(hash_md(self));
    else if (len == 0)
        return hex ? rt_str_empty() : rt_bytes_new(NULL, 0);
    unsigned char *out = len <= sizeof fixed ? fixed : gc_alloc_atomic(len);
    if (!hash_final(self, out, len))
        return VAL_NULL;
    return hex ? hex_of(out, len) : rt_bytes_new(out, len);
}

static Value h_digest_common(Value *args, size_t nargs, Value kw, bool hex)
{
    if (!rt_arg_none(hex ? "HASH.hexdigest" : "HASH.digest", nargs - 1, kw))
        return VAL_NULL;
    return mod_hash_digest(args[0], 0, hex);
}

static Value h_digest(Value *a, size_t n, Value kw) { return h_digest_common(a, n, kw, false); }
static Value h_hexdigest(Value *a, size_t n, Value kw) { return h_digest_common(a, n, kw, true); }

/* HASHXOF.digest(length) / hexdigest(length). */
static Value xof_digest_common(Value *args, size_t nargs, Value kw, bool hex)
{
    static const char *const names[] = { "length" };
    static const ArgSpec digest_spec = { "digest", names, 1, 0, 1, 1, false };
    static const ArgSpec hexdigest_spec = { "hexdigest", names, 1, 0, 1, 1, false };
    Value a[1];
    ssize_t len;
    if (!rt_parse_args(hex ? &hexdigest_spec : &digest_spec, args + 1, nargs - 1, kw, a) ||
        !rt_as_ssize(a[0], &len))
        return VAL_NULL;
    if (len < 0)        /* what CPython's allocations say */
        return hex ? rt_raise(obj_val(&rt_MemoryError))
                   : rt_raisef(&rt_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
    return mod_hash_digest(args[0], (size_t)len, hex);
}

static Value x_digest(Value *a, size_t n, Value kw) { return xof_digest_common(a, n, kw, false); }
static Value x_hexdigest(Value *a, size_t n, Value kw) { return xof_digest_common(a, n, kw, true); }

Value mod_hash_copy(Value self)
{
    ObjHash *h = hash_alloc(val_type(self), hash_md(self));
    if (!crypto.EVP_MD_CTX_copy_ex(h->ctx, HASH(self)->ctx))
        return openssl_error(&rt_ValueError, NULL);
    return obj_val(h);
}

static Value h_copy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("HASH.copy", nargs - 1, kw))
        return VAL_NULL;
    return mod_hash_copy(args[0]);
}

bool mod_hash_data_arg(Value data, Value string, Value *out)
{
    if (data != VAL_NULL && string != VAL_NULL) {
        rt_raisef(&rt_TypeError, "'data' and 'string' are mutually exclusive and support "
                  "for 'string' keyword parameter is slated for removal in a future version.");
        return false;
    }
    *out = data != VAL_NULL ? data : string;
    return true;
}

Value mod_hash_attr(Value self, const char *attr)
{
    const EVP_MD *md = hash_md(self);
    if (strcmp(attr, "name") == 0)
        return rt_str_from_cstr(py_digest_name(md));
    if (strcmp(attr, "digest_size") == 0)     /* 0 for shake: its length is digest()'s */
        return small_new(hash_is_xof(self) ? 0 : crypto.EVP_MD_get_size(md));
    if (strcmp(attr, "block_size") == 0)
        return small_new(crypto.EVP_MD_get_block_size(md));
    return VAL_NULL;
}

static Value hash_getattr(Value self, Value name)
{
    Value v = mod_hash_attr(self, rt_str_cstr(name));
    return v != VAL_NULL ? v : rt_generic_getattr(self, name);
}

static Value hash_repr(Value self)
{
    return rt_str_format_c("<%s %s object @ %p>", py_digest_name(hash_md(self)),
                           val_type(self)->name, (void *)self);
}

static const MethodDef hash_methods[] = {
    {"update", h_update}, {"digest", h_digest}, {"hexdigest", h_hexdigest},
    {"copy", h_copy}, {NULL, NULL}
};

static const MethodDef hashxof_methods[] = {
    {"digest", x_digest}, {"hexdigest", x_hexdigest}, {NULL, NULL}
};

static ObjType hash_type = {
    .ob.type = &rt_type_type, .name = "_hashlib.HASH",
    .repr = hash_repr, .getattr = hash_getattr, .new_ = mod_no_new,
};

static ObjType hashxof_type = {
    .ob.type = &rt_type_type, .name = "_hashlib.HASHXOF", .base = &hash_type,
    .repr = hash_repr, .getattr = hash_getattr, .new_ = mod_no_new,
};

/* ---- new() and the named constructors ---------------------------------------------- */

static Value m_new(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "name", "string", "usedforsecurity" };
    static const ArgSpec spec = { "new", names, 3, 0, 1, 2, false };
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    if (!rt_is_str(a[0]))
        return rt_raisef(&rt_TypeError, "name must be a string");
    const EVP_MD *md = digest_by_name(rt_str_cstr(a[0]));
    return md ? hash_new(NULL, md, a[1]) : VAL_NULL;
}

/* openssl_<name>(string=b'', *, usedforsecurity=True): the
 * builtin's own name says which digest. */
static Value named_constructor(const char *fname, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "string", "usedforsecurity" };
    ArgSpec spec = { fname, names, 2, 0, 0, 1, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    const EVP_MD *md = digest_by_name(fname + strlen("openssl_"));
    return md ? hash_new(NULL, md, a[0]) : VAL_NULL;
}

#define CONSTRUCTOR(name) \
    static Value m_openssl_##name(Value *a, size_t n, Value kw) \
    { return named_constructor("openssl_" #name, a, n, kw); }
CONSTRUCTOR(md5) CONSTRUCTOR(sha1) CONSTRUCTOR(sha224) CONSTRUCTOR(sha256)
CONSTRUCTOR(sha384) CONSTRUCTOR(sha512) CONSTRUCTOR(sha3_224) CONSTRUCTOR(sha3_256)
CONSTRUCTOR(sha3_384) CONSTRUCTOR(sha3_512) CONSTRUCTOR(shake_128) CONSTRUCTOR(shake_256)

/* ---- HMAC ------------------------------------------------------------------------------- */

typedef struct ObjHmac {
    Object ob;
    EVP_MAC_CTX *ctx;
    const EVP_MD *md;
} ObjHmac;

static ObjType hmac_type;
#define HMAC(v) VAL_AS(ObjHmac, v)

static Value constructors;              /* dict: openssl_<name> -> name */

/* hmac_new's digestmod: a name, or one of the openssl_* constructors. */
static const char *digestmod_name(Value digestmod)
{
    if (rt_is_str(digestmod))
        return rt_str_cstr(digestmod);
    bool error = false;
    Value name = rt_dict_get(constructors, digestmod, &error);
    if (name != VAL_NULL)
        return rt_str_cstr(name);
    if (!error)
        rt_raisef(&unsupported_digestmod_error, "Unsupported digestmod %R", digestmod);
    return NULL;
}

static void free_mac_ctx(void *obj, void *data)
{
    crypto.EVP_MAC_CTX_free(((ObjHmac *)obj)->ctx);
}

static ObjHmac *hmac_alloc(const EVP_MD *md, EVP_MAC_CTX *ctx)
{
    ObjHmac *h = gc_alloc(sizeof *h);
    h->ob.type = &hmac_type;
    h->md = md;
    h->ctx = ctx;
    gc_register_finalizer(h, free_mac_ctx, NULL);
    return h;
}

/* A new HMAC context keyed with `key`, or NULL + ValueError. */
static EVP_MAC_CTX *hmac_ctx(const EVP_MD *md, const ModBuffer *key)
{
    EVP_MAC *mac = crypto.EVP_MAC_fetch(NULL, "HMAC", NULL);
    EVP_MAC_CTX *ctx = mac ? crypto.EVP_MAC_CTX_new(mac) : NULL;
    crypto.EVP_MAC_free(mac);
    OSSL_PARAM params[] = {
        crypto.OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                         (char *)crypto.EVP_MD_get0_name(md), 0),
        crypto.OSSL_PARAM_construct_end(),
    };
    if (ctx == NULL || !crypto.EVP_MAC_init(ctx, key->data, key->len, params)) {
        crypto.EVP_MAC_CTX_free(ctx);
        openssl_error(&rt_ValueError, NULL);
        return NULL;
    }
    return ctx;
}

static bool hmac_update(ObjHmac *h, Value msg)
{
    ModBuffer b;
    if (!hash_data(msg, &b))
        return false;
    if (!crypto.EVP_MAC_update(h->ctx, b.data, b.len)) {
        openssl_error(&rt_ValueError, NULL);
        return false;
    }
    return true;
}

static Value m_hmac_new(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "key", "msg", "digestmod" };
    static const ArgSpec spec = { "hmac_new", names, 3, 0, 1, 3, false };
    Value a[3];
    ModBuffer key;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !mod_get_buffer(a[0], &key))
        return VAL_NULL;
    if (a[2] == VAL_NULL || a[2] == rt_None)
        return rt_raisef(&rt_TypeError, "Missing required parameter 'digestmod'.");
    const char *name = digestmod_name(a[2]);
    const EVP_MD *md = name ? digest_by_name(name) : NULL;
    EVP_MAC_CTX *ctx = md ? hmac_ctx(md, &key) : NULL;
    if (ctx == NULL)
        return VAL_NULL;
    ObjHmac *h = hmac_alloc(md, ctx);
    if (a[1] != VAL_NULL && a[1] != rt_None && !hmac_update(h, a[1]))
        return VAL_NULL;
    return obj_val(h);
}

static bool hmac_final(ObjHmac *h, unsigned char *out, size_t *len)
{
    EVP_MAC_CTX *copy = crypto.EVP_MAC_CTX_dup(h->ctx);
    bool ok = copy != NULL && crypto.EVP_MAC_final(copy, out, len, EVP_MAX_MD_SIZE);
    crypto.EVP_MAC_CTX_free(copy);
    if (!ok)
        openssl_error(&rt_ValueError, NULL);
    return ok;
}

static Value hm_update(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "msg" };
    static const ArgSpec spec = { "update", names, 1, 0, 1, 1, false };
    Value msg;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, &msg))
        return VAL_NULL;
    return hmac_update(HMAC(args[0]), msg) ? rt_None : VAL_NULL;
}

static Value hm_digest_common(Value *args, size_t nargs, Value kw, bool hex)
{
    if (!rt_arg_none(hex ? "HMAC.hexdigest" : "HMAC.digest", nargs - 1, kw))
        return VAL_NULL;
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t n = 0;
    if (!hmac_final(HMAC(args[0]), out, &n))
        return VAL_NULL;
    return hex ? hex_of(out, n) : rt_bytes_new(out, n);
}

static Value hm_digest(Value *a, size_t n, Value kw) { return hm_digest_common(a, n, kw, false); }
static Value hm_hexdigest(Value *a, size_t n, Value kw) { return hm_digest_common(a, n, kw, true); }

static Value hm_copy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("HMAC.copy", nargs - 1, kw))
        return VAL_NULL;
    EVP_MAC_CTX *ctx = crypto.EVP_MAC_CTX_dup(HMAC(args[0])->ctx);
    if (ctx == NULL)
        return openssl_error(&rt_ValueError, NULL);
    return obj_val(hmac_alloc(HMAC(args[0])->md, ctx));
}

static Value hmac_getattr(Value self, Value name)
{
    const char *s = rt_str_cstr(name);
    const EVP_MD *md = HMAC(self)->md;
    if (strcmp(s, "name") == 0)
        return rt_str_format_c("hmac-%s", py_digest_name(md));
    if (strcmp(s, "digest_size") == 0)
        return small_new(crypto.EVP_MD_get_size(md));
    if (strcmp(s, "block_size") == 0)
        return small_new(crypto.EVP_MD_get_block_size(md));
    return rt_generic_getattr(self, name);
}

static Value hmac_repr(Value self)
{
    return rt_str_format_c("<%s HMAC object @ %p>", py_digest_name(HMAC(self)->md),
                           (void *)self);
}

static const MethodDef hmac_methods[] = {
    {"update", hm_update}, {"digest", hm_digest}, {"hexdigest", hm_hexdigest},
    {"copy", hm_copy}, {NULL, NULL}
};

static ObjType hmac_type = {
    .ob.type = &rt_type_type, .name = "_hashlib.HMAC",
    .repr = hmac_repr, .getattr = hmac_getattr, .new_ = mod_no_new,
};

/* hmac_digest(key, msg, digest): the one-shot form. */
static Value m_hmac_digest(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "key", "msg", "digest" };
    static const ArgSpec spec = { "hmac_digest", names, 3, 0, 3, 3, false };
    Value a[3];
    ModBuffer key, msg;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !mod_get_buffer(a[0], &key) ||
        !mod_get_buffer(a[1], &msg))
        return VAL_NULL;
    const char *name = digestmod_name(a[2]);
    const EVP_MD *md = name ? digest_by_name(name) : NULL;
    EVP_MAC_CTX *ctx = md ? hmac_ctx(md, &key) : NULL;
    if (ctx == NULL)
        return VAL_NULL;
    ObjHmac *h = hmac_alloc(md, ctx);
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t n = 0;
    if (!crypto.EVP_MAC_update(ctx, msg.data, msg.len) || !hmac_final(h, out, &n))
        return rt_err_occurred() ? VAL_NULL : openssl_error(&rt_ValueError, NULL);
    return rt_bytes_new(out, n);
}

/* ---- key derivation ------------------------------------------------------------------ */

static Value m_pbkdf2_hmac(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "hash_name", "password", "salt", "iterations",
                                         "dklen" };
    static const ArgSpec spec = { "pbkdf2_hmac", names, 5, 0, 4, 5, false };
    Value a[5];
    ModBuffer password, salt;
    ssize_t iterations, dklen;
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    if (!rt_is_str(a[0]))
        return rt_raisef(&rt_TypeError, "pbkdf2_hmac() argument 'hash_name' must be str, not %T",
                         a[0]);
    if (!mod_get_buffer(a[1], &password) || !mod_get_buffer(a[2], &salt) ||
        !rt_as_ssize(a[3], &iterations))
        return VAL_NULL;
    const EVP_MD *md = digest_by_name(rt_str_cstr(a[0]));
    if (md == NULL)
        return VAL_NULL;
    if (iterations < 1)
        return rt_raisef(&rt_ValueError, "iteration value must be greater than 0.");
    if (iterations > INT32_MAX)
        return rt_raisef(&rt_OverflowError, "iteration value is too great.");
    if (a[4] == VAL_NULL || a[4] == rt_None)
        dklen = crypto.EVP_MD_get_size(md);
    else if (!rt_as_ssize(a[4], &dklen))
        return VAL_NULL;
    if (dklen < 1)
        return rt_raisef(&rt_ValueError, "key length must be greater than 0.");
    if (dklen > INT32_MAX)
        return rt_raisef(&rt_OverflowError, "key length is too great.");
    unsigned char *out = gc_alloc_atomic((size_t)dklen);
    if (!crypto.PKCS5_PBKDF2_HMAC((const char *)password.data, (int)password.len, salt.data,
                           (int)salt.len, (int)iterations, md, (int)dklen, out))
        return openssl_error(&rt_ValueError, NULL);
    return rt_bytes_new(out, (size_t)dklen);
}

/* An unsigned scrypt parameter, or TypeError "n is required and must be an
 * unsigned int". */
static bool scrypt_param(Value v, const char *what, uint64_t *out)
{
    int64_t x;
    if (v != VAL_NULL && v != rt_None && rt_isinstance_of(v, &rt_int_type) &&
        rt_int_as_i64(v, &x) && x >= 0) {
        *out = (uint64_t)x;
        return true;
    }
    rt_err_clear();
    rt_raisef(&rt_TypeError, "%s is required and must be an unsigned int", what);
    return false;
}

static Value m_scrypt(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "password", "salt", "n", "r", "p", "maxmem", "dklen" };
    static const ArgSpec spec = { "scrypt", names, 7, 0, 1, 1, false };
    Value a[7];
    ModBuffer password, salt;
    uint64_t n, r, p;
    ssize_t maxmem = 0, dklen = 64;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !mod_get_buffer(a[0], &password))
        return VAL_NULL;
    if (a[1] == VAL_NULL || a[1] == rt_None)
        return rt_raisef(&rt_TypeError, "salt is required");
    if (!mod_get_buffer(a[1], &salt) || !scrypt_param(a[2], "n", &n))
        return VAL_NULL;
    if (n < 2 || (n & (n - 1)))
        return rt_raisef(&rt_ValueError, "n must be a power of 2.");
    if (!scrypt_param(a[3], "r", &r) || !scrypt_param(a[4], "p", &p) ||
        (a[5] != VAL_NULL && !rt_as_ssize(a[5], &maxmem)) ||
        (a[6] != VAL_NULL && !rt_as_ssize(a[6], &dklen)))
        return VAL_NULL;
    if (maxmem < 0 || maxmem > INT32_MAX)
        return rt_raisef(&rt_ValueError, "maxmem must be positive and smaller than %d",
                         INT32_MAX);
    if (dklen < 1 || dklen > INT32_MAX)
        return rt_raisef(&rt_ValueError, "dklen must be greater than 0 and smaller than %d",
                         INT32_MAX);
    if (!crypto.EVP_PBE_scrypt(NULL, 0, NULL, 0, n, r, p, (uint64_t)maxmem, NULL, 0)) {
        crypto.ERR_clear_error();
        return rt_raisef(&rt_ValueError, "Invalid parameter combination for n, r, p, maxmem.");
    }
    unsigned char *out = gc_alloc_atomic((size_t)dklen);
    if (!crypto.EVP_PBE_scrypt((const char *)password.data, password.len, salt.data, salt.len,
                        n, r, p, (uint64_t)maxmem, out, (size_t)dklen))
        return openssl_error(&rt_ValueError, NULL);
    return rt_bytes_new(out, (size_t)dklen);
}

/* ---- the rest of the module ------------------------------------------------------------- */

/* compare_digest(a, b): in time independent of where they differ. */
static Value m_compare_digest(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("compare_digest", kw) || !rt_arg_range("compare_digest", nargs, 2, 2))
        return VAL_NULL;
    ModBuffer x, y;
    if (rt_is_str(args[0]) && rt_is_str(args[1])) {
        if (!AS_STR(args[0])->ascii || !AS_STR(args[1])->ascii)
            return rt_raisef(&rt_TypeError,
                             "comparing strings with non-ASCII characters is not supported");
        x = (ModBuffer){ (const unsigned char *)rt_str_cstr(args[0]), rt_str_nbytes(args[0]), NULL };
        y = (ModBuffer){ (const unsigned char *)rt_str_cstr(args[1]), rt_str_nbytes(args[1]), NULL };
    } else {
        if (!mod_is_buffer(args[0]) && !mod_is_buffer(args[1]))
            return rt_raisef(&rt_TypeError, "unsupported operand types(s) or combination of "
                             "types: '%T' and '%T'", args[0], args[1]);
        if (!mod_get_buffer(args[0], &x) || !mod_get_buffer(args[1], &y))
            return VAL_NULL;
    }
    return rt_bool(x.len == y.len && crypto.CRYPTO_memcmp(x.data, y.data, x.len) == 0);
}

static Value m_get_fips_mode(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_fips_mode", nargs, kw))
        return VAL_NULL;
    return small_new(crypto.EVP_default_properties_is_fips_enabled(NULL));
}

static void add_md_name(EVP_MD *md, void *set)
{
    if (crypto.EVP_MD_get_type(md) == NID_undef)       /* KECCAK-KMAC and the like */
        return;
    rt_set_add((Value)set, rt_str_from_cstr(py_digest_name(md)));
}

/* Every digest OpenSSL provides, by Python name. */
static Value md_meth_names(void)
{
    Value set = rt_set_new();
    crypto.EVP_MD_do_all_provided(NULL, add_md_name, (void *)set);
    Value frozen = rt_frozenset_new();
    rt_set_update(frozen, set);
    return frozen;
}

static const MethodDef hashlib_functions[] = {
    {"new", m_new}, {"hmac_new", m_hmac_new}, {"hmac_digest", m_hmac_digest},
    {"pbkdf2_hmac", m_pbkdf2_hmac}, {"scrypt", m_scrypt},
    {"compare_digest", m_compare_digest}, {"get_fips_mode", m_get_fips_mode},
    {"openssl_md5", m_openssl_md5}, {"openssl_sha1", m_openssl_sha1},
    {"openssl_sha224", m_openssl_sha224}, {"openssl_sha256", m_openssl_sha256},
    {"openssl_sha384", m_openssl_sha384}, {"openssl_sha512", m_openssl_sha512},
    {"openssl_sha3_224", m_openssl_sha3_224}, {"openssl_sha3_256", m_openssl_sha3_256},
    {"openssl_sha3_384", m_openssl_sha3_384}, {"openssl_sha3_512", m_openssl_sha3_512},
    {"openssl_shake_128", m_openssl_shake_128}, {"openssl_shake_256", m_openssl_shake_256},
    {NULL, NULL}
};

Value mod_hashlib_init(void)
{
    if (!crypto_ready())
        return VAL_NULL;
    Value m = mod_module_new("_hashlib", hashlib_functions);
    mod_add_type(m, "HASH", &hash_type, hash_methods);
    mod_add_type(m, "HASHXOF", &hashxof_type, hashxof_methods);
    mod_add_type(m, "HMAC", &hmac_type, hmac_methods);
    mod_module_set(m, "UnsupportedDigestmodError", obj_val(unsupported_digestmod()));
    constructors = rt_dict_new();
    Value dict = VAL_AS(ObjModule, m)->dict;
    for (size_t i = 0; i < NCONSTRUCTORS; i++) {
        Value f = rt_dict_get_str(dict, rt_str_format_c("openssl_%s", constructor_names[i]));
        rt_dict_set(constructors, f, rt_str_from_cstr(constructor_names[i]));
    }
    mod_module_set(m, "_constructors", constructors);
    mod_module_set(m, "openssl_md_meth_names", md_meth_names());
    return m;
}
