/*
 * ssl.c — the _ssl module (CPython's Modules/_ssl.c): TLS over OpenSSL's
 * libssl, under Lib/ssl.py, which CPython and pvm share unchanged.  The
 * files and how libssl is reached are described in ssl.h; this one holds
 * the module itself.
 *
 * Errors.  Lib/ssl.py and its callers match on CPython's exception types
 * and words: SSLError is an OSError whose args are (code, message) and
 * whose str() is the message; the message names OpenSSL's library and
 * reason by their macro names ("[SSL: CERTIFICATE_VERIFY_FAILED]"), which
 * OpenSSL 3 cannot tell, so ssl_errors.h (generated from OpenSSL's headers
 * by ssl_errors_gen.py) maps the codes to them.  The message ends with
 * "(_ssl.c:NNN)", the line of CPython's file that raised: pvm gives the
 * same numbers (ssl.h) so that output compares byte for byte.
 */
#include <string.h>
#include "modules/posix.h"
#include "modules/ssl.h"
#include "runtime/version.h"

#ifndef PVM_LIBSSL
#define PVM_LIBSSL MOD_OPENSSL_SONAME(ssl, OPENSSL_VERSION_MAJOR)
#endif

SslLib ossl;
MOD_LIBRARY_READY(ossl, PVM_LIBSSL, SSL_LIB_FUNCTIONS)

/* ---- library and reason names ---------------------------------------------- */

typedef struct SslLibName { int lib; const char *name; } SslLibName;
typedef struct SslReasonName { int lib, reason; const char *name; } SslReasonName;
#include "modules/ssl_errors.h"

static const char *lib_name(int lib)
{
    for (size_t i = 0; i < sizeof ssl_lib_names / sizeof ssl_lib_names[0]; i++)
        if (ssl_lib_names[i].lib == lib)
            return ssl_lib_names[i].name;
    return NULL;
}

/* Binary search: the table is sorted by (lib, reason). */
static const char *reason_name(int lib, int reason)
{
    size_t lo = 0, hi = sizeof ssl_reason_names / sizeof ssl_reason_names[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const SslReasonName *r = &ssl_reason_names[mid];
        if (r->lib == lib && r->reason == reason)
            return r->name;
        if (r->lib < lib || (r->lib == lib && r->reason < reason))
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ---- the exception types --------------------------------------------------------- */

/* str(SSLError): its strerror when that is a str (the message), else
 * str() of its args tuple. */
static Value sslerror_str(Value self)
{
    Value s = rt_exc_field(self, "strerror");
    if (s != VAL_NULL && rt_is_str(s))
        return s;
    return rt_str(VAL_AS(ObjException, self)->args);
}

static ObjType sslerror_type = {
    .ob.type = &rt_type_type, .name = "ssl.SSLError", .base = &rt_OSError,
    .flags = TF_EXCEPTION | TF_BASETYPE, .str = sslerror_str,
};

#define SSL_SUBERROR(var, pyname)                                                \
    static ObjType var = {                                                        \
        .ob.type = &rt_type_type, .name = "ssl." pyname, .base = &sslerror_type,  \
        .flags = TF_EXCEPTION | TF_BASETYPE,                                       \
    };
SSL_SUBERROR(zero_return_type, "SSLZeroReturnError")
SSL_SUBERROR(want_read_type, "SSLWantReadError")
SSL_SUBERROR(want_write_type, "SSLWantWriteError")
SSL_SUBERROR(syscall_type, "SSLSyscallError")
SSL_SUBERROR(eof_type, "SSLEOFError")

static ObjType *error_types[SSL_ERR_KINDS];

/* SSLCertVerificationError is also a ValueError: two bases, so made as
 * `class` would make it. */
static ObjType *cert_verification_type(void)
{
    Value ns = rt_dict_new();
    rt_dict_set_cstr(ns, "__module__", rt_str_from_cstr("ssl"));
    rt_dict_set_cstr(ns, "__doc__", rt_str_from_cstr("A certificate could not be verified."));
    Value args[3] = { rt_str_from_cstr("SSLCertVerificationError"),
                      rt_tuple_pack(2, obj_val(&sslerror_type), obj_val(&rt_ValueError)), ns };
    Value t = rt_call(obj_val(&rt_type_type), args, 3, VAL_NULL);
    return t == VAL_NULL ? &sslerror_type : AS_TYPE(t);
}

static void error_types_ready(void)
{
    if (error_types[SSL_ERR] != NULL)
        return;
    ObjType *plain[] = { &sslerror_type, &zero_return_type, &want_read_type, &want_write_type,
                         &syscall_type, &eof_type };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        rt_type_ready(plain[i], NULL);
        error_types[i] = plain[i];
    }
    error_types[SSL_ERR_CERT_VERIFICATION] = cert_verification_type();
}

ObjType *ssl_error_type(SslErrorKind kind)
{
    return error_types[kind];
}

/* The message: "[LIB: REASON] text: verify (_ssl.c:NNN)" with the parts known. */
static Value error_message(const char *lib, const char *reason, const char *text,
                           Value verify, int line)
{
    if (verify != VAL_NULL && lib && reason)
        return rt_str_format_c("[%s: %s] %s: %s (_ssl.c:%d)", lib, reason, text,
                               rt_str_cstr(verify), line);
    if (lib && reason)
        return rt_str_format_c("[%s: %s] %s (_ssl.c:%d)", lib, reason, text, line);
    if (lib)
        return rt_str_format_c("[%s] %s (_ssl.c:%d)", lib, text, line);
    return rt_str_format_c("%s (_ssl.c:%d)", text, line);
}

static void set_attr(Value exc, const char *name, Value v)
{
    rt_setattr(exc, rt_str_from_cstr(name), v);
}

static Value str_or_none(const char *s)
{
    return s ? rt_str_from_cstr(s) : rt_None;
}

Value ssl_raise(const SslErrorInfo *info)
{
    const char *lib = NULL, *reason = NULL, *text = info->text;
    if (info->code != 0) {
        lib = lib_name(ERR_GET_LIB(info->code));
        reason = reason_name(ERR_GET_LIB(info->code), ERR_GET_REASON(info->code));
        if (text == NULL)
            text = ossl.ERR_reason_error_string(info->code);
    }
    if (text == NULL)
        text = "unknown error";
    Value msg = error_message(lib, reason, text, info->verify, info->line);
    Value args[2] = { small_new(ERR_GET_REASON((unsigned long)info->ssl_errno)), msg };
    Value exc = rt_call(obj_val(error_types[info->kind]), args, 2, VAL_NULL);
    if (exc == VAL_NULL)
        return VAL_NULL;
    set_attr(exc, "reason", str_or_none(reason));
    set_attr(exc, "library", str_or_none(lib));
    if (info->kind == SSL_ERR_CERT_VERIFICATION) {
        set_attr(exc, "verify_message", info->verify != VAL_NULL ? info->verify : rt_None);
        set_attr(exc, "verify_code", rt_int_from_i64(info->verify_code));
    }
    return rt_raise(exc);
}

Value ssl_raise_lib(const char *text, int line)
{
    unsigned long code = text == NULL ? ossl.ERR_peek_last_error() : 0;
    SslErrorInfo info = { .kind = SSL_ERR, .ssl_errno = (int)code, .code = code,
                          .text = text, .line = line };
    ssl_raise(&info);
    ossl.ERR_clear_error();
    return VAL_NULL;
}

Value ssl_raise_simple(const char *message)
{
    return rt_raisef(&sslerror_type, "%s", message);
}

/* ---- random numbers ---------------------------------------------------------------- */

static Value m_RAND_status(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("RAND_status", nargs, kw))
        return VAL_NULL;
    return rt_bool(ossl.RAND_status() == 1);
}

/* RAND_add(string, entropy): str (as UTF-8) or bytes-like. */
static Value m_RAND_add(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    double entropy;
    if (!rt_arg_nokw("RAND_add", kw) || !rt_arg_range("RAND_add", nargs, 2, 2))
        return VAL_NULL;
    if (rt_is_str(args[0])) {
        const char *s = mod_str_utf8(args[0]);
        if (s == NULL)
            return VAL_NULL;
        b = (ModBuffer){ (const unsigned char *)s, strlen(s), NULL };
    } else if (!mod_get_buffer(args[0], &b)) {
        return VAL_NULL;
    }
    if (!mod_as_double(args[1], &entropy))
        return VAL_NULL;
    for (size_t done = 0; done < b.len; done += INT32_MAX) {
        size_t n = b.len - done < INT32_MAX ? b.len - done : INT32_MAX;
        ossl.RAND_add(b.data + done, (int)n, entropy);
    }
    return rt_None;
}

static Value random_bytes(Value *args, size_t nargs, Value kw, const char *fname, bool pseudo)
{
    ssize_t n;
    if (!rt_arg_one(fname, nargs, kw) || !rt_as_ssize(args[0], &n))
        return VAL_NULL;
    if (n < 0)
        return rt_raisef(&rt_ValueError, "num must be positive");
    if (n > INT32_MAX)
        return rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
    unsigned char *buf = gc_alloc_atomic((size_t)n + 1);
    if (ossl.RAND_bytes(buf, (int)n) != 1) {
        if (pseudo)
            return rt_tuple_pack(2, rt_bytes_new(buf, (size_t)n), rt_False);
        return ssl_raise_lib(NULL, SSL_LINE_OTHER);
    }
    Value bytes = rt_bytes_new(buf, (size_t)n);
    return pseudo ? rt_tuple_pack(2, bytes, rt_True) : bytes;
}

static Value m_RAND_bytes(Value *a, size_t n, Value kw)
{
    return random_bytes(a, n, kw, "RAND_bytes", false);
}

static Value m_RAND_pseudo_bytes(Value *a, size_t n, Value kw)
{
    return random_bytes(a, n, kw, "RAND_pseudo_bytes", true);
}

/* ---- ASN.1 objects ------------------------------------------------------------------ */

/* (nid, short name, long name, dotted oid) — ssl.py's _ASN1Object; an
 * object OpenSSL has no NID for is ValueError "Unknown object". */
static Value asn1obj_tuple(const ASN1_OBJECT *obj)
{
    int nid = ossl.OBJ_obj2nid(obj);
    if (nid == NID_undef)
        return rt_raisef(&rt_ValueError, "Unknown object");
    char oid[256];
    int n = ossl.OBJ_obj2txt(oid, sizeof oid, obj, 1);
    if (n < 0)
        return ssl_raise_lib(NULL, SSL_LINE_OTHER);
    if ((size_t)n >= sizeof oid)
        n = sizeof oid - 1;
    return rt_tuple_pack(4, small_new(nid), str_or_none(ossl.OBJ_nid2sn(nid)),
                         str_or_none(ossl.OBJ_nid2ln(nid)),
                         n > 0 ? rt_str_new(oid, (size_t)n) : rt_None);
}

/* txt2obj(txt, name=False): by dotted oid, or also by name. */
static Value m_txt2obj(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "txt", "name" };
    static const ArgSpec spec = { "txt2obj", names, 2, 0, 1, 2, false };
    Value a[2];
    bool by_name = false;
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    if (!rt_is_str(a[0]))
        return rt_raisef(&rt_TypeError, "txt2obj() argument 'txt' must be str, not %T", a[0]);
    if (a[1] != VAL_NULL && !rt_arg_flag(a[1], false, &by_name))
        return VAL_NULL;
    const char *txt = mod_str_utf8(a[0]);
    if (txt == NULL)
        return VAL_NULL;
    ASN1_OBJECT *obj = ossl.OBJ_txt2obj(txt, by_name ? 0 : 1);
    if (obj == NULL)
        return rt_raisef(&rt_ValueError, "unknown object '%s'", txt);
    Value t = asn1obj_tuple(obj);
    ossl.ASN1_OBJECT_free(obj);
    return t;
}

static Value m_nid2obj(Value *args, size_t nargs, Value kw)
{
    int64_t nid;
    if (!rt_arg_one("nid2obj", nargs, kw))
        return VAL_NULL;
    if (!rt_isinstance_of(args[0], &rt_int_type))
        return rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer",
                         args[0]);
    if (!rt_int_as_i64(args[0], &nid) || nid > INT32_MAX || nid < INT32_MIN)
        return rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
    if (nid < NID_undef)
        return rt_raisef(&rt_ValueError, "NID must be positive.");
    ASN1_OBJECT *obj = ossl.OBJ_nid2obj((int)nid);
    if (obj == NULL)
        return rt_raisef(&rt_ValueError, "unknown NID %d", (int)nid);
    Value t = asn1obj_tuple(obj);
    ossl.ASN1_OBJECT_free(obj);
    return t;
}

/* ---- default verify paths and test helpers ------------------------------------------- */

/* (cafile env var, cafile, capath env var, capath) as OpenSSL was built. */
static Value m_get_default_verify_paths(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_default_verify_paths", nargs, kw))
        return VAL_NULL;
    return rt_tuple_pack(4, rt_str_from_cstr(ossl.X509_get_default_cert_file_env()),
                         rt_str_from_cstr(ossl.X509_get_default_cert_file()),
                         rt_str_from_cstr(ossl.X509_get_default_cert_dir_env()),
                         rt_str_from_cstr(ossl.X509_get_default_cert_dir()));
}

/* _test_decode_cert(path): the dict of a PEM certificate file. */
static Value m_test_decode_cert(Value *args, size_t nargs, Value kw)
{
    PathArg p = mod_posix_path_spec("_test_decode_cert", "path", false, false);
    if (!rt_arg_one("_test_decode_cert", nargs, kw) || !mod_posix_fsconvert(args[0], &p))
        return VAL_NULL;
    BIO *bio = ossl.BIO_new_file(p.narrow, "r");
    if (bio == NULL) {
        ossl.ERR_clear_error();
        return ssl_raise_simple("Can't open file");
    }
    X509 *cert = ossl.PEM_read_bio_X509(bio, NULL, NULL, NULL);
    ossl.BIO_free(bio);
    if (cert == NULL) {
        ossl.ERR_clear_error();
        return ssl_raise_simple("Error decoding PEM-encoded file");
    }
    Value d = ssl_cert_to_dict(cert);
    ossl.X509_free(cert);
    return d;
}

/* ---- the module ----------------------------------------------------------------------- */

#define SSL_INT_CONSTANTS(X)                                                               \
    X("SSL_ERROR_ZERO_RETURN", SSL_ERROR_ZERO_RETURN) X("SSL_ERROR_WANT_READ", 2)          \
    X("SSL_ERROR_WANT_WRITE", 3) X("SSL_ERROR_WANT_X509_LOOKUP", 4)                        \
    X("SSL_ERROR_SYSCALL", 5) X("SSL_ERROR_SSL", 1) X("SSL_ERROR_WANT_CONNECT", 7)         \
    X("SSL_ERROR_EOF", 8) X("SSL_ERROR_INVALID_ERROR_CODE", 10)                            \
    X("CERT_NONE", 0) X("CERT_OPTIONAL", 1) X("CERT_REQUIRED", 2)                          \
    X("VERIFY_DEFAULT", 0) X("VERIFY_CRL_CHECK_LEAF", X509_V_FLAG_CRL_CHECK)               \
    X("VERIFY_CRL_CHECK_CHAIN", X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL)         \
    X("VERIFY_X509_STRICT", X509_V_FLAG_X509_STRICT)                                      \
    X("VERIFY_ALLOW_PROXY_CERTS", X509_V_FLAG_ALLOW_PROXY_CERTS)                          \
    X("VERIFY_X509_TRUSTED_FIRST", X509_V_FLAG_TRUSTED_FIRST)                             \
    X("VERIFY_X509_PARTIAL_CHAIN", X509_V_FLAG_PARTIAL_CHAIN)                             \
    X("PROTOCOL_SSLv23", 2) X("PROTOCOL_TLS", 2) X("PROTOCOL_TLS_CLIENT", 16)              \
    X("PROTOCOL_TLS_SERVER", 17) X("PROTOCOL_TLSv1", 3) X("PROTOCOL_TLSv1_1", 4)           \
    X("PROTOCOL_TLSv1_2", 5)                                                               \
    X("OP_ALL", SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS) X("OP_NO_SSLv2", 0)      \
    X("OP_NO_SSLv3", SSL_OP_NO_SSLv3) X("OP_NO_TLSv1", SSL_OP_NO_TLSv1)                    \
    X("OP_NO_TLSv1_1", SSL_OP_NO_TLSv1_1) X("OP_NO_TLSv1_2", SSL_OP_NO_TLSv1_2)            \
    X("OP_NO_TLSv1_3", SSL_OP_NO_TLSv1_3)                                                  \
    X("OP_CIPHER_SERVER_PREFERENCE", SSL_OP_CIPHER_SERVER_PREFERENCE)                      \
    X("OP_SINGLE_DH_USE", 0) X("OP_SINGLE_ECDH_USE", 0) X("OP_NO_TICKET", SSL_OP_NO_TICKET) \
    X("OP_NO_COMPRESSION", SSL_OP_NO_COMPRESSION)                                          \
    X("OP_ENABLE_MIDDLEBOX_COMPAT", SSL_OP_ENABLE_MIDDLEBOX_COMPAT)                        \
    X("OP_NO_RENEGOTIATION", SSL_OP_NO_RENEGOTIATION)                                      \
    X("OP_IGNORE_UNEXPECTED_EOF", SSL_OP_IGNORE_UNEXPECTED_EOF)                            \
    X("HOSTFLAG_ALWAYS_CHECK_SUBJECT", X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT)               \
    X("HOSTFLAG_NEVER_CHECK_SUBJECT", X509_CHECK_FLAG_NEVER_CHECK_SUBJECT)                 \
    X("HOSTFLAG_NO_WILDCARDS", X509_CHECK_FLAG_NO_WILDCARDS)                               \
    X("HOSTFLAG_NO_PARTIAL_WILDCARDS", X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS)               \
    X("HOSTFLAG_MULTI_LABEL_WILDCARDS", X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS)             \
    X("HOSTFLAG_SINGLE_LABEL_SUBDOMAINS", X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS)         \
    X("PROTO_MINIMUM_SUPPORTED", -2) X("PROTO_MAXIMUM_SUPPORTED", -1)                      \
    X("PROTO_SSLv3", SSL3_VERSION) X("PROTO_TLSv1", TLS1_VERSION)                          \
    X("PROTO_TLSv1_1", TLS1_1_VERSION) X("PROTO_TLSv1_2", TLS1_2_VERSION)                  \
    X("PROTO_TLSv1_3", TLS1_3_VERSION)                                                     \
    X("ENCODING_PEM", 1) X("ENCODING_DER", 2)

/* ALERT_DESCRIPTION_<name>: TLS alert numbers (RFC 8446 and older). */
#define SSL_ALERTS(X)                                                                      \
    X(CLOSE_NOTIFY, 0) X(UNEXPECTED_MESSAGE, 10) X(BAD_RECORD_MAC, 20)                     \
    X(RECORD_OVERFLOW, 22) X(DECOMPRESSION_FAILURE, 30) X(HANDSHAKE_FAILURE, 40)           \
    X(BAD_CERTIFICATE, 42) X(UNSUPPORTED_CERTIFICATE, 43) X(CERTIFICATE_REVOKED, 44)       \
    X(CERTIFICATE_EXPIRED, 45) X(CERTIFICATE_UNKNOWN, 46) X(ILLEGAL_PARAMETER, 47)         \
    X(UNKNOWN_CA, 48) X(ACCESS_DENIED, 49) X(DECODE_ERROR, 50) X(DECRYPT_ERROR, 51)        \
    X(PROTOCOL_VERSION, 70) X(INSUFFICIENT_SECURITY, 71) X(INTERNAL_ERROR, 80)             \
    X(USER_CANCELLED, 90) X(NO_RENEGOTIATION, 100) X(UNSUPPORTED_EXTENSION, 110)           \
    X(CERTIFICATE_UNOBTAINABLE, 111) X(UNRECOGNIZED_NAME, 112)                             \
    X(BAD_CERTIFICATE_STATUS_RESPONSE, 113) X(BAD_CERTIFICATE_HASH_VALUE, 114)             \
    X(UNKNOWN_PSK_IDENTITY, 115)

#define SSL_BOOL_CONSTANTS(X)                                                              \
    X("HAS_SNI", true) X("HAS_ECDH", true) X("HAS_NPN", false) X("HAS_ALPN", true)         \
    X("HAS_SSLv2", false) X("HAS_SSLv3", false) X("HAS_TLSv1", true)                       \
    X("HAS_TLSv1_1", true) X("HAS_TLSv1_2", true) X("HAS_TLSv1_3", true)                   \
    X("HAS_TLS_UNIQUE", true)

static void add_constants(Value m)
{
#define SET_INT(name, v) mod_module_set(m, name, rt_int_from_i64((int64_t)(v)));
#define SET_ALERT(name, v) mod_module_set(m, "ALERT_DESCRIPTION_" #name, small_new(v));
#define SET_BOOL(name, v) mod_module_set(m, name, rt_bool(v));
    SSL_INT_CONSTANTS(SET_INT)
    SSL_ALERTS(SET_ALERT)
    SSL_BOOL_CONSTANTS(SET_BOOL)
#undef SET_INT
#undef SET_ALERT
#undef SET_BOOL
}

/* (major, minor, fix, patch, status) from OpenSSL's 0xMNNFFPPS number. */
static Value version_info(unsigned long n)
{
    return rt_tuple_pack(5, small_new((n >> 28) & 0xF), small_new((n >> 20) & 0xFF),
                         small_new((n >> 12) & 0xFF), small_new((n >> 4) & 0xFF),
                         small_new(n & 0xF));
}

static void add_versions(Value m)
{
    unsigned long n = ossl.OpenSSL_version_num();
    mod_module_set(m, "OPENSSL_VERSION_NUMBER", rt_int_from_u64(n));
    mod_module_set(m, "OPENSSL_VERSION_INFO", version_info(n));
    mod_module_set(m, "OPENSSL_VERSION", rt_str_from_cstr(ossl.OpenSSL_version(OPENSSL_VERSION)));
    mod_module_set(m, "_OPENSSL_API_VERSION", version_info(OPENSSL_VERSION_NUMBER));
    mod_module_set(m, "_DEFAULT_CIPHERS", rt_str_from_cstr(SSL_DEFAULT_CIPHER_LIST));
}

static void add_error_types(Value m)
{
    static const char *const names[SSL_ERR_KINDS] = {
        "SSLError", "SSLZeroReturnError", "SSLWantReadError", "SSLWantWriteError",
        "SSLSyscallError", "SSLEOFError", "SSLCertVerificationError",
    };
    error_types_ready();
    for (int i = 0; i < SSL_ERR_KINDS; i++)
        mod_module_set(m, names[i], obj_val(error_types[i]));
}

/* err_codes_to_names, err_names_to_codes and lib_codes_to_names: the
 * tables above as dicts, as CPython exposes them. */
static void add_code_tables(Value m)
{
    Value to_names = rt_dict_new(), to_codes = rt_dict_new(), libs = rt_dict_new();
    for (size_t i = 0; i < sizeof ssl_reason_names / sizeof ssl_reason_names[0]; i++) {
        const SslReasonName *r = &ssl_reason_names[i];
        Value key = rt_tuple_pack(2, small_new(r->lib), small_new(r->reason));
        rt_dict_set(to_names, key, rt_str_from_cstr(r->name));
        rt_dict_set(to_codes, rt_str_from_cstr(r->name), key);
    }
    for (size_t i = 0; i < sizeof ssl_lib_names / sizeof ssl_lib_names[0]; i++)
        rt_dict_set(libs, small_new(ssl_lib_names[i].lib), rt_str_from_cstr(ssl_lib_names[i].name));
    mod_module_set(m, "err_codes_to_names", to_names);
    mod_module_set(m, "err_names_to_codes", to_codes);
    mod_module_set(m, "lib_codes_to_names", libs);
}

static const MethodDef ssl_functions[] = {
    {"RAND_status", m_RAND_status}, {"RAND_add", m_RAND_add}, {"RAND_bytes", m_RAND_bytes},
    {"txt2obj", m_txt2obj}, {"nid2obj", m_nid2obj},
    {"get_default_verify_paths", m_get_default_verify_paths},
    {"_test_decode_cert", m_test_decode_cert},
    {NULL, NULL}
};

/* What 3.12 removed: RAND_pseudo_bytes and the error-code tables. */
static const MethodDef ssl_functions_311[] = {
    {"RAND_pseudo_bytes", m_RAND_pseudo_bytes}, {NULL, NULL}
};

Value mod_ssl_init(void)
{
    if (!ossl_ready())
        return VAL_NULL;
    Value m = mod_module_new("_ssl", ssl_functions);
    mod_module_set(m, "__doc__", rt_str_from_cstr(
        "Implementation module for SSL socket operations.  See the socket module\n"
        "for documentation."));
    add_constants(m);
    add_versions(m);
    add_error_types(m);
    if (rt_py_minor == 11) {
        mod_module_add_functions(m, ssl_functions_311);
        add_code_tables(m);
    }
    if (rt_py_minor >= 13)      /* TLS-PSK, which pvm does not offer */
        mod_module_set(m, "HAS_PSK", rt_False);
    ssl_context_add(m);
    ssl_socket_add(m);
    ssl_certificate_add(m);
    return m;
}
