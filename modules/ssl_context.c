/*
 * ssl_context.c — _ssl._SSLContext, the base of ssl.SSLContext: one
 * OpenSSL SSL_CTX, the settings every connection made from it shares
 * (protocol versions, options, verification, certificates, ciphers, ALPN,
 * the SNI callback, the key log), and _wrap_socket / _wrap_bio, which make
 * connections.
 *
 * A new context is set up as CPython 3.11 (built, as Debian builds it, to
 * keep OpenSSL's default cipher list) sets one up: OpenSSL's OP_ALL but
 * empty-fragment insertion, no SSLv2/SSLv3, no compression, server cipher
 * preference, an EOF without close_notify taken as one (OpenSSL 1.1
 * did), trusted-first chain building, no partial wildcards; a
 * PROTOCOL_TLS_CLIENT context verifies certificates and hostnames.
 *
 * Callbacks from OpenSSL into Python code (the password of a key file,
 * SNI) run while OpenSSL holds the C stack: a password callback's
 * exception is kept and raised when load_cert_chain returns; an SNI
 * callback runs during a handshake, which has released the interpreter
 * lock, so it takes the lock back while Python code runs.
 */
#include <errno.h>
#include <string.h>
#include "modules/posix.h"
#include "modules/ssl.h"
#include "vm/thread.h"

#define CTX(v) VAL_AS(ObjSSLContext, v)

enum { PROTO_TLS = 2, PROTO_TLSv1 = 3, PROTO_TLSv1_1 = 4, PROTO_TLSv1_2 = 5,
       PROTO_TLS_CLIENT = 16, PROTO_TLS_SERVER = 17 };
enum { CERT_NONE, CERT_OPTIONAL, CERT_REQUIRED };

static void context_finalize(void *obj, void *data)
{
    ObjSSLContext *c = obj;
    ossl.SSL_CTX_free(c->ctx);
    free(c->alpn);
    if (c->keylog != NULL)
        fclose(c->keylog);
}

static const SSL_METHOD *protocol_method(int protocol)
{
    switch (protocol) {
    case PROTO_TLS: return ossl.TLS_method();
    case PROTO_TLS_CLIENT: return ossl.TLS_client_method();
    case PROTO_TLS_SERVER: return ossl.TLS_server_method();
    case PROTO_TLSv1: return ossl.TLSv1_method();
    case PROTO_TLSv1_1: return ossl.TLSv1_1_method();
    case PROTO_TLSv1_2: return ossl.TLSv1_2_method();
    default: return NULL;
    }
}

/* CPython's deprecation warnings for the old protocol constants. */
static bool warn_deprecated_protocol(int protocol)
{
    const char *msg = NULL;
    switch (protocol) {
    case PROTO_TLS: msg = "ssl.PROTOCOL_TLS is deprecated"; break;
    case PROTO_TLSv1: msg = "ssl.PROTOCOL_TLSv1 is deprecated"; break;
    case PROTO_TLSv1_1: msg = "ssl.PROTOCOL_TLSv1_1 is deprecated"; break;
    case PROTO_TLSv1_2: msg = "ssl.PROTOCOL_TLSv1_2 is deprecated"; break;
    }
    return msg == NULL || rt_warn(&rt_DeprecationWarning, msg, 2) == 0;
}

static void set_verify_mode(ObjSSLContext *c, int mode)
{
    static const int modes[] = { SSL_VERIFY_NONE, SSL_VERIFY_PEER,
                                 SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT };
    ossl.SSL_CTX_set_verify(c->ctx, modes[mode], ossl.SSL_CTX_get_verify_callback(c->ctx));
}

static void context_defaults(ObjSSLContext *c)
{
    uint64_t options = (SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS) | SSL_OP_NO_SSLv2 |
                       SSL_OP_NO_SSLv3 | SSL_OP_NO_COMPRESSION |
                       SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_SINGLE_DH_USE |
                       SSL_OP_IGNORE_UNEXPECTED_EOF;
    c->check_hostname = c->protocol == PROTO_TLS_CLIENT;
    set_verify_mode(c, c->check_hostname ? CERT_REQUIRED : CERT_NONE);
    ossl.SSL_CTX_set_options(c->ctx, options);
    ossl.SSL_CTX_ctrl(c->ctx, SSL_CTRL_MODE, SSL_MODE_RELEASE_BUFFERS, NULL);
    ossl.SSL_CTX_set_session_id_context(c->ctx, (const unsigned char *)"Python", 6);
    X509_VERIFY_PARAM *param = ossl.SSL_CTX_get0_param(c->ctx);
    ossl.X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_TRUSTED_FIRST);
    ossl.X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    ossl.SSL_CTX_set_post_handshake_auth(c->ctx, 0);
}

/* An int argument (CPython's "i"/"l" converters) as int64. */
static bool int_arg(Value v, int64_t *out)
{
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return false;
    }
    return rt_int_as_i64(v, out) ||
           (rt_raisef(&rt_OverflowError, "Python int too large to convert to C long"), false);
}

static Value context_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    int64_t protocol;
    if (!rt_arg_nokw_new(type, "_SSLContext", kw) || !rt_arg_range("_SSLContext", nargs, 1, 1))
        return VAL_NULL;
    if (!int_arg(args[0], &protocol))
        return VAL_NULL;
    if (protocol < INT32_MIN || protocol > INT32_MAX)
        return rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
    const SSL_METHOD *method = protocol_method((int)protocol);
    if (method == NULL)
        return rt_raisef(&rt_ValueError, "invalid or unsupported protocol version %d",
                         (int)protocol);
    if (!warn_deprecated_protocol((int)protocol))
        return VAL_NULL;
    SSL_CTX *ctx = ossl.SSL_CTX_new(method);
    if (ctx == NULL)
        return ssl_raise_lib(NULL, SSL_LINE_OTHER);
    ObjSSLContext *c = rt_alloc_instance(type, sizeof *c);
    c->ctx = ctx;
    c->protocol = (int)protocol;
    c->sni_callback = c->keylog_filename = rt_None;
    ossl.SSL_CTX_set_ex_data(ctx, 0, c);
    gc_register_finalizer(c, context_finalize, NULL);
    context_defaults(c);
    return obj_val(c);
}

/* ---- attributes ---------------------------------------------------------------- */

static bool not_deleting(Value v)
{
    if (v == VAL_NULL)
        rt_raisef(&rt_AttributeError, "cannot delete attribute");
    return v != VAL_NULL;
}

static Value ctx_protocol(Value self) { return small_new(CTX(self)->protocol); }

static Value ctx_options(Value self)
{
    return rt_int_from_u64(ossl.SSL_CTX_get_options(CTX(self)->ctx));
}

static int ctx_set_options(Value self, Value v)
{
    uint64_t new_opts;
    if (!not_deleting(v))
        return -1;
    int64_t signed_opts;        /* a negative int stands for its low 64 bits */
    if (!rt_isinstance_of(v, &rt_int_type))
        return int_arg(v, &signed_opts), -1;        /* its TypeError */
    if (rt_int_as_i64(v, &signed_opts))
        new_opts = (uint64_t)signed_opts;
    else if (rt_err_clear(), !mod_as_unsigned(v, true, &new_opts))
        return -1;
    SSL_CTX *ctx = CTX(self)->ctx;
    uint64_t opts = ossl.SSL_CTX_get_options(ctx);
    uint64_t clear = opts & ~new_opts, set = ~opts & new_opts;
    uint64_t no_versions = SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 |
                           SSL_OP_NO_TLSv1_1 | SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3;
    if ((set & no_versions) != 0 &&
        rt_warn(&rt_DeprecationWarning,
                "ssl.OP_NO_SSL*/ssl.OP_NO_TLS* options are deprecated", 2) < 0)
        return -1;
    if (clear)
        ossl.SSL_CTX_clear_options(ctx, clear);
    if (set)
        ossl.SSL_CTX_set_options(ctx, set);
    return 0;
}

static Value ctx_verify_mode(Value self)
{
    int mode = ossl.SSL_CTX_get_verify_mode(CTX(self)->ctx) &
               (SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT);
    if (mode == SSL_VERIFY_NONE)
        return small_new(CERT_NONE);
    if (mode == SSL_VERIFY_PEER)
        return small_new(CERT_OPTIONAL);
    if (mode == (SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT))
        return small_new(CERT_REQUIRED);
    return rt_raisef(ssl_error_type(SSL_ERR), "invalid return value from SSL_CTX_get_verify_mode");
}

static int ctx_set_verify_mode(Value self, Value v)
{
    int64_t mode;
    if (!not_deleting(v) || !int_arg(v, &mode))
        return -1;
    if (mode == CERT_NONE && CTX(self)->check_hostname)
        return rt_raisef(&rt_ValueError, "Cannot set verify_mode to CERT_NONE when "
                         "check_hostname is enabled."), -1;
    if (mode < CERT_NONE || mode > CERT_REQUIRED)
        return rt_raisef(&rt_ValueError, "invalid value for verify_mode"), -1;
    set_verify_mode(CTX(self), (int)mode);
    return 0;
}

static Value ctx_check_hostname(Value self) { return rt_bool(CTX(self)->check_hostname); }

static int ctx_set_check_hostname(Value self, Value v)
{
    int on = not_deleting(v) ? rt_truthy(v) : -1;
    if (on < 0)
        return -1;
    if (on && ossl.SSL_CTX_get_verify_mode(CTX(self)->ctx) == SSL_VERIFY_NONE)
        set_verify_mode(CTX(self), CERT_REQUIRED);
    CTX(self)->check_hostname = on;
    return 0;
}

static X509_VERIFY_PARAM *ctx_param(Value self)
{
    return ossl.SSL_CTX_get0_param(CTX(self)->ctx);
}

static Value ctx_verify_flags(Value self)
{
    return rt_int_from_u64(ossl.X509_VERIFY_PARAM_get_flags(ctx_param(self)));
}

static int ctx_set_verify_flags(Value self, Value v)
{
    int64_t new_flags;
    if (!not_deleting(v) || !int_arg(v, &new_flags))
        return -1;
    unsigned long flags = ossl.X509_VERIFY_PARAM_get_flags(ctx_param(self));
    unsigned long clear = flags & ~(unsigned long)new_flags, set = ~flags & (unsigned long)new_flags;
    if ((clear && !ossl.X509_VERIFY_PARAM_clear_flags(ctx_param(self), clear)) ||
        (set && !ossl.X509_VERIFY_PARAM_set_flags(ctx_param(self), set)))
        return ssl_raise_lib(NULL, SSL_LINE_OTHER), -1;
    return 0;
}

static Value ctx_host_flags(Value self)
{
    return rt_int_from_u64(ossl.X509_VERIFY_PARAM_get_hostflags(ctx_param(self)));
}

static int ctx_set_host_flags(Value self, Value v)
{
    int64_t flags;
    if (!not_deleting(v) || !int_arg(v, &flags))
        return -1;
    ossl.X509_VERIFY_PARAM_set_hostflags(ctx_param(self), (unsigned int)flags);
    return 0;
}

/* ---- minimum_version / maximum_version ------------------------------------------ */

enum { PROTO_MINIMUM_SUPPORTED = -2, PROTO_MAXIMUM_SUPPORTED = -1 };

static Value proto_version(Value self, bool max)
{
    long v = ossl.SSL_CTX_ctrl(CTX(self)->ctx, max ? SSL_CTRL_GET_MAX_PROTO_VERSION
                                                   : SSL_CTRL_GET_MIN_PROTO_VERSION, 0, NULL);
    if (v == 0)
        v = max ? PROTO_MAXIMUM_SUPPORTED : PROTO_MINIMUM_SUPPORTED;
    return small_new(v);
}

static bool check_version_value(int64_t v)
{
    const char *deprecated = NULL;
    switch (v) {
    case SSL3_VERSION: deprecated = "ssl.TLSVersion.SSLv3 is deprecated"; break;
    case TLS1_VERSION: deprecated = "ssl.TLSVersion.TLSv1 is deprecated"; break;
    case TLS1_1_VERSION: deprecated = "ssl.TLSVersion.TLSv1_1 is deprecated"; break;
    case PROTO_MINIMUM_SUPPORTED: case PROTO_MAXIMUM_SUPPORTED:
    case TLS1_2_VERSION: case TLS1_3_VERSION:
        return true;
    default:
        rt_raisef(&rt_ValueError, "Unsupported TLS/SSL version 0x%x", (unsigned)v);
        return false;
    }
    return rt_warn(&rt_DeprecationWarning, deprecated, 2) == 0;
}

static int set_proto_version(Value self, Value v, bool max)
{
    int64_t version;
    if (!not_deleting(v) || !int_arg(v, &version))
        return -1;
    int protocol = CTX(self)->protocol;
    if (protocol != PROTO_TLS && protocol != PROTO_TLS_CLIENT && protocol != PROTO_TLS_SERVER)
        return rt_raisef(&rt_ValueError, "The context's protocol doesn't support modification "
                         "of highest and lowest version."), -1;
    if (!check_version_value(version))
        return -1;
    if (version == (max ? PROTO_MAXIMUM_SUPPORTED : PROTO_MINIMUM_SUPPORTED))
        version = 0;
    else if (version == PROTO_MAXIMUM_SUPPORTED)        /* as a minimum */
        version = TLS1_3_VERSION;
    else if (version == PROTO_MINIMUM_SUPPORTED)        /* as a maximum */
        version = SSL3_VERSION;
    if (!ossl.SSL_CTX_ctrl(CTX(self)->ctx, max ? SSL_CTRL_SET_MAX_PROTO_VERSION
                                               : SSL_CTRL_SET_MIN_PROTO_VERSION, version, NULL))
        return rt_raisef(&rt_ValueError, "Unsupported protocol version 0x%x",
                         (unsigned)version), -1;
    return 0;
}

static Value ctx_minimum_version(Value self) { return proto_version(self, false); }
static Value ctx_maximum_version(Value self) { return proto_version(self, true); }
static int ctx_set_minimum_version(Value self, Value v) { return set_proto_version(self, v, false); }
static int ctx_set_maximum_version(Value self, Value v) { return set_proto_version(self, v, true); }

static Value ctx_post_handshake_auth(Value self)
{
    return rt_bool(CTX(self)->post_handshake_auth);
}

static int ctx_set_post_handshake_auth(Value self, Value v)
{
    int on = not_deleting(v) ? rt_truthy(v) : -1;
    if (on < 0)
        return -1;
    CTX(self)->post_handshake_auth = on;
    return 0;
}

static Value ctx_security_level(Value self)
{
    return small_new(ossl.SSL_CTX_get_security_level(CTX(self)->ctx));
}

static Value ctx_num_tickets(Value self)
{
    return rt_int_from_u64(ossl.SSL_CTX_get_num_tickets(CTX(self)->ctx));
}

static int ctx_set_num_tickets(Value self, Value v)
{
    int64_t n;
    if (!not_deleting(v) || !int_arg(v, &n))
        return -1;
    if (n < 0)
        return rt_raisef(&rt_ValueError, "value must be non-negative"), -1;
    if (CTX(self)->protocol != PROTO_TLS_SERVER)
        return rt_raisef(&rt_ValueError, "SSLContext is not a server context."), -1;
    if (ossl.SSL_CTX_set_num_tickets(CTX(self)->ctx, (size_t)n) != 1)
        return rt_raisef(&rt_ValueError, "failed to set num tickets."), -1;
    return 0;
}

/* keylog_filename: the file TLS secrets are appended to, one line each
 * (the format Wireshark reads), for debugging.  OpenSSL calls back with
 * the lock released; the callback touches only the FILE. */
static void keylog_callback(const SSL *ssl, const char *line)
{
    ObjSSLContext *c = ossl.SSL_CTX_get_ex_data(ossl.SSL_get_SSL_CTX(ssl), 0);
    if (c == NULL || c->keylog == NULL)
        return;
    flockfile(c->keylog);
    fputs(line, c->keylog);
    fputc('\n', c->keylog);
    fflush(c->keylog);
    funlockfile(c->keylog);
}

static Value ctx_keylog_filename(Value self) { return CTX(self)->keylog_filename; }

static int ctx_set_keylog_filename(Value self, Value v)
{
    ObjSSLContext *c = CTX(self);
    if (c->keylog != NULL) {
        ossl.SSL_CTX_set_keylog_callback(c->ctx, NULL);
        fclose(c->keylog);
        c->keylog = NULL;
        c->keylog_filename = rt_None;
    }
    if (v == VAL_NULL || v == rt_None)
        return 0;
    PathArg p = mod_posix_path_spec("keylog_filename", "path", false, false);
    if (!mod_posix_fsconvert(v, &p))
        return -1;
    FILE *f = fopen(p.narrow, "a");
    if (f == NULL)
        return mod_posix_path_error(&p), -1;
    if (ftell(f) == 0) {
        fputs("# TLS secrets log file, generated by OpenSSL / Python\n", f);
        fflush(f);
    }
    c->keylog = f;
    c->keylog_filename = v;
    ossl.SSL_CTX_set_keylog_callback(c->ctx, keylog_callback);
    return 0;
}

/* ---- the SNI callback ------------------------------------------------------------ */

/* Called by OpenSSL during a server's handshake, the lock released. */
static int servername_callback(SSL *ssl, int *alert, void *arg)
{
    ObjSSLContext *c = arg;
    const char *name = ossl.SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    int ret = SSL_TLSEXT_ERR_OK;
    vm_reacquire_lock();
    Value sock = ssl_socket_for_callback(ssl);
    if (c->sni_callback != rt_None && sock != VAL_NULL) {
        Value args[3] = { sock, name ? rt_str_from_cstr(name) : rt_None, obj_val(c) };
        Value result = rt_call(c->sni_callback, args, 3, VAL_NULL);
        int64_t code;
        if (result == VAL_NULL) {
            rt_write_unraisable(c->sni_callback);
            *alert = SSL_AD_HANDSHAKE_FAILURE;
            ret = SSL_TLSEXT_ERR_ALERT_FATAL;
        } else if (result != rt_None) {
            if (rt_isinstance_of(result, &rt_int_type) && rt_int_as_i64(result, &code)) {
                *alert = (int)code;
            } else {
                rt_err_clear();
                rt_raisef(&rt_TypeError, "an integer is required");
                rt_write_unraisable(result);
                *alert = SSL_AD_INTERNAL_ERROR;
            }
            ret = SSL_TLSEXT_ERR_ALERT_FATAL;
        }
    }
    vm_release_lock();
    return ret;
}

static Value ctx_sni_callback(Value self) { return CTX(self)->sni_callback; }

static int ctx_set_sni_callback(Value self, Value v)
{
    ObjSSLContext *c = CTX(self);
    if (c->protocol == PROTO_TLS_CLIENT)
        return rt_raisef(&rt_ValueError, "sni_callback cannot be set on TLS_CLIENT context"), -1;
    if (v == VAL_NULL || v == rt_None) {
        c->sni_callback = rt_None;
        ossl.SSL_CTX_callback_ctrl(c->ctx, SSL_CTRL_SET_TLSEXT_SERVERNAME_CB, NULL);
        return 0;
    }
    if (!rt_callable(v)) {
        ossl.SSL_CTX_callback_ctrl(c->ctx, SSL_CTRL_SET_TLSEXT_SERVERNAME_CB, NULL);
        return rt_raisef(&rt_TypeError, "not a callable object"), -1;
    }
    c->sni_callback = v;
    ossl.SSL_CTX_callback_ctrl(c->ctx, SSL_CTRL_SET_TLSEXT_SERVERNAME_CB,
                               (void (*)(void))servername_callback);
    ossl.SSL_CTX_ctrl(c->ctx, SSL_CTRL_SET_TLSEXT_SERVERNAME_ARG, 0, c);
    return 0;
}

/* ---- ciphers and ALPN ------------------------------------------------------------ */

static Value cx_set_ciphers(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("set_ciphers", nargs - 1, kw))
        return VAL_NULL;
    if (!rt_is_str(args[1]))
        return rt_raisef(&rt_TypeError, "set_ciphers() argument must be str, not %T", args[1]);
    const char *list = mod_str_utf8(args[1]);
    if (list == NULL)
        return VAL_NULL;
    if (strlen(list) != rt_str_nbytes(args[1]))
        return rt_raisef(&rt_ValueError, "embedded null character");
    if (!ossl.SSL_CTX_set_cipher_list(CTX(args[0])->ctx, list)) {
        ossl.ERR_clear_error();
        return ssl_raise_simple("No cipher can be selected.");
    }
    return rt_None;
}

static Value nid_name_or_none(int nid)
{
    const char *s = nid != NID_undef ? ossl.OBJ_nid2ln(nid) : NULL;
    return s ? rt_str_from_cstr(s) : rt_None;
}

static Value cipher_dict(const SSL_CIPHER *cipher)
{
    char buf[512];
    int alg_bits = 0;
    ossl.SSL_CIPHER_description(cipher, buf, sizeof buf - 1);
    size_t len = strlen(buf);
    if (len > 1 && buf[len - 1] == '\n')
        buf[len - 1] = '\0';
    int strength = ossl.SSL_CIPHER_get_bits(cipher, &alg_bits);
    Value d = rt_dict_new();
    rt_dict_set_cstr(d, "id", rt_int_from_u64(ossl.SSL_CIPHER_get_id(cipher)));
    rt_dict_set_cstr(d, "name", rt_str_from_cstr(ossl.SSL_CIPHER_get_name(cipher)));
    rt_dict_set_cstr(d, "protocol", rt_str_from_cstr(ossl.SSL_CIPHER_get_version(cipher)));
    rt_dict_set_cstr(d, "description", rt_str_from_cstr(buf));
    rt_dict_set_cstr(d, "strength_bits", small_new(strength));
    rt_dict_set_cstr(d, "alg_bits", small_new(alg_bits));
    rt_dict_set_cstr(d, "aead", rt_bool(ossl.SSL_CIPHER_is_aead(cipher)));
    rt_dict_set_cstr(d, "symmetric", nid_name_or_none(ossl.SSL_CIPHER_get_cipher_nid(cipher)));
    rt_dict_set_cstr(d, "digest", nid_name_or_none(ossl.SSL_CIPHER_get_digest_nid(cipher)));
    rt_dict_set_cstr(d, "kea", nid_name_or_none(ossl.SSL_CIPHER_get_kx_nid(cipher)));
    rt_dict_set_cstr(d, "auth", nid_name_or_none(ossl.SSL_CIPHER_get_auth_nid(cipher)));
    return d;
}

Value ssl_cipher_tuple(const SSL_CIPHER *cipher)
{
    const char *name = ossl.SSL_CIPHER_get_name(cipher);
    const char *version = ossl.SSL_CIPHER_get_version(cipher);
    return rt_tuple_pack(3, name ? rt_str_from_cstr(name) : rt_None,
                         version ? rt_str_from_cstr(version) : rt_None,
                         small_new(ossl.SSL_CIPHER_get_bits(cipher, NULL)));
}

/* get_ciphers(): the ciphers a connection from this context would offer. */
static Value cx_get_ciphers(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_ciphers", nargs - 1, kw))
        return VAL_NULL;
    SSL *ssl = ossl.SSL_new(CTX(args[0])->ctx);
    if (ssl == NULL)
        return ssl_raise_lib(NULL, SSL_LINE_OTHER);
    STACK_OF(SSL_CIPHER) *ciphers = ossl.SSL_get_ciphers(ssl);
    int n = ossl.OPENSSL_sk_num((const OPENSSL_STACK *)ciphers);
    Value list = rt_list_new(0);
    for (int i = 0; i < n; i++)
        rt_list_append(list, cipher_dict(ossl.OPENSSL_sk_value((const OPENSSL_STACK *)ciphers, i)));
    ossl.SSL_free(ssl);
    return list;
}

/* A server picks the first of its protocols the client offers. */
static int alpn_select(SSL *ssl, const unsigned char **out, unsigned char *outlen,
                       const unsigned char *client, unsigned int client_len, void *arg)
{
    ObjSSLContext *c = arg;
    unsigned char *chosen = NULL;
    if (c->alpn == NULL ||
        ossl.SSL_select_next_proto(&chosen, outlen, c->alpn, c->alpn_len, client,
                                   client_len) != OPENSSL_NPN_NEGOTIATED)
        return SSL_TLSEXT_ERR_NOACK;
    *out = chosen;
    return SSL_TLSEXT_ERR_OK;
}

/* _set_alpn_protocols(protos): the wire form ssl.py made (length-prefixed). */
static Value cx_set_alpn_protocols(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    if (!rt_arg_one("_set_alpn_protocols", nargs - 1, kw) || !mod_get_buffer(args[1], &b))
        return VAL_NULL;
    if (b.len > UINT32_MAX)
        return rt_raisef(&rt_OverflowError, "protocols longer than %u bytes", UINT32_MAX);
    ObjSSLContext *c = CTX(args[0]);
    unsigned char *copy = malloc(b.len ? b.len : 1);
    if (copy == NULL)
        return rt_raise(obj_val(&rt_MemoryError));
    memcpy(copy, b.data, b.len);
    free(c->alpn);
    c->alpn = copy;
    c->alpn_len = (unsigned int)b.len;
    ossl.SSL_CTX_set_alpn_select_cb(c->ctx, alpn_select, c);
    if (ossl.SSL_CTX_set_alpn_protos(c->ctx, c->alpn, c->alpn_len) != 0)
        return rt_raise(obj_val(&rt_MemoryError));
    return rt_None;
}

/* ---- certificates and keys -------------------------------------------------------- */

/* A file name argument (str, bytes or os.PathLike), with CPython's
 * TypeError naming it ("certfile should be a valid filesystem path"). */
static const char *path_arg(Value v, const char *what)
{
    PathArg p = mod_posix_path_spec("load_cert_chain", what, false, false);
    if (mod_posix_fsconvert(v, &p))
        return p.narrow;
    if (rt_err_matches(&rt_TypeError)) {
        rt_err_clear();
        rt_raisef(&rt_TypeError, "%s should be a valid filesystem path", what);
    }
    return NULL;
}

/* The password of a key file: given, or asked of a callable.  An error in
 * the callable is kept in `error` and raised afterwards. */
typedef struct Password {
    Value callable;             /* or VAL_NULL */
    const char *data;
    size_t len;
    Value error;                /* the exception the callable raised, or VAL_NULL */
} Password;

static bool password_value(Value v, Password *pw, const char *message)
{
    if (rt_is_str(v)) {
        pw->data = mod_str_utf8(v);
        pw->len = pw->data ? strlen(pw->data) : 0;
        return pw->data != NULL;
    }
    ModBuffer b;
    if (rt_is_bytes_like(v) && mod_get_buffer(v, &b)) {
        pw->data = (const char *)b.data;
        pw->len = b.len;
        return true;
    }
    rt_raisef(&rt_TypeError, "%s", message);
    return false;
}

static int password_callback(char *buf, int size, int rwflag, void *userdata)
{
    Password *pw = userdata;
    if (pw->callable != VAL_NULL) {
        Value v = rt_call(pw->callable, NULL, 0, VAL_NULL);
        if (v == VAL_NULL || !password_value(v, pw, "password callback must return a string")) {
            pw->error = rt_err_fetch();
            return -1;
        }
    }
    if (pw->len > (size_t)size) {
        rt_raisef(&rt_ValueError, "password cannot be longer than %d bytes", size);
        pw->error = rt_err_fetch();
        return -1;
    }
    memcpy(buf, pw->data, pw->len);
    return (int)pw->len;
}

/* After a failed load: the callback's error, errno's, or OpenSSL's. */
static Value load_failed(Password *pw, int line)
{
    if (pw->error != VAL_NULL) {
        ossl.ERR_clear_error();
        return rt_raise(pw->error);
    }
    if (errno != 0) {
        ossl.ERR_clear_error();
        return mod_posix_error();
    }
    return ssl_raise_lib(NULL, line);
}

static Value load_chain(SSL_CTX *ctx, const char *certfile, const char *keyfile, Password *pw)
{
    errno = 0;
    if (ossl.SSL_CTX_use_certificate_chain_file(ctx, certfile) != 1)
        return load_failed(pw, SSL_LINE_CERT_CHAIN);
    errno = 0;
    if (ossl.SSL_CTX_use_PrivateKey_file(ctx, keyfile ? keyfile : certfile, SSL_FILETYPE_PEM) != 1)
        return load_failed(pw, SSL_LINE_PRIVATE_KEY);
    if (ossl.SSL_CTX_check_private_key(ctx) != 1)
        return ssl_raise_lib(NULL, SSL_LINE_CHECK_KEY);
    return rt_None;
}

static Value cx_load_cert_chain(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "certfile", "keyfile", "password" };
    static const ArgSpec spec = { "load_cert_chain", names, 3, 0, 1, 3, false };
    Value a[3];
    Password pw = { VAL_NULL, NULL, 0, VAL_NULL };
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    const char *certfile = path_arg(a[0], "certfile");
    const char *keyfile = NULL;
    if (certfile == NULL ||
        (a[1] != VAL_NULL && a[1] != rt_None && (keyfile = path_arg(a[1], "keyfile")) == NULL))
        return VAL_NULL;
    SSL_CTX *ctx = CTX(args[0])->ctx;
    pem_password_cb *old_cb = ossl.SSL_CTX_get_default_passwd_cb(ctx);
    void *old_data = ossl.SSL_CTX_get_default_passwd_cb_userdata(ctx);
    if (a[2] != VAL_NULL && a[2] != rt_None) {
        if (rt_callable(a[2]))
            pw.callable = a[2];
        else if (!password_value(a[2], &pw, "password should be a string or callable"))
            return VAL_NULL;
        ossl.SSL_CTX_set_default_passwd_cb(ctx, password_callback);
        ossl.SSL_CTX_set_default_passwd_cb_userdata(ctx, &pw);
    }
    Value result = load_chain(ctx, certfile, keyfile, &pw);
    ossl.SSL_CTX_set_default_passwd_cb(ctx, old_cb);
    ossl.SSL_CTX_set_default_passwd_cb_userdata(ctx, old_data);
    return result;
}

/* Certificates from memory (cadata): PEM text or DER bytes, one or more. */
static bool add_ca_certs(ObjSSLContext *c, const unsigned char *data, size_t len, bool pem)
{
    if (len == 0) {
        rt_raisef(&rt_ValueError, "Empty certificate data");
        return false;
    }
    BIO *bio = ossl.BIO_new_mem_buf(data, (int)len);
    X509_STORE *store = ossl.SSL_CTX_get_cert_store(c->ctx);
    int loaded = 0;
    for (;;) {
        X509 *cert = pem ? ossl.PEM_read_bio_X509(bio, NULL, NULL, NULL)
                         : ossl.d2i_X509_bio(bio, NULL);
        if (cert == NULL)
            break;
        int ok = ossl.X509_STORE_add_cert(store, cert);
        ossl.X509_free(cert);
        if (!ok) {
            unsigned long e = ossl.ERR_peek_last_error();
            if (ERR_GET_LIB(e) != ERR_LIB_X509 || ERR_GET_REASON(e) != X509_R_CERT_ALREADY_IN_HASH_TABLE)
                break;
            ossl.ERR_clear_error();
        }
        loaded++;
    }
    ossl.BIO_free(bio);
    unsigned long e = ossl.ERR_peek_last_error();
    if (loaded == 0) {
        ssl_raise_lib(pem ? "no start line: cadata does not contain a certificate"
                          : "not enough data: cadata does not contain a certificate",
                      SSL_LINE_CADATA_EMPTY);
        return false;
    }
    bool at_end = pem ? ERR_GET_LIB(e) == ERR_LIB_PEM && ERR_GET_REASON(e) == PEM_R_NO_START_LINE
                      : ERR_GET_LIB(e) == ERR_LIB_ASN1 && ERR_GET_REASON(e) == ASN1_R_HEADER_TOO_LONG;
    if (e != 0 && !at_end) {
        ssl_raise_lib(NULL, SSL_LINE_CADATA);
        return false;
    }
    ossl.ERR_clear_error();
    return true;
}

static bool load_cadata(ObjSSLContext *c, Value cadata)
{
    if (rt_is_str(cadata)) {
        const char *s = rt_str_cstr(cadata);
        size_t n = rt_str_nbytes(cadata);
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)s[i] >= 0x80)
                goto invalid;
        return add_ca_certs(c, (const unsigned char *)s, n, true);
    }
    ModBuffer b;
    if (mod_is_buffer(cadata) && mod_get_buffer(cadata, &b))
        return add_ca_certs(c, b.data, b.len, false);
invalid:
    rt_raisef(&rt_TypeError, "cadata should be an ASCII string or a bytes-like object");
    return false;
}

static Value cx_load_verify_locations(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "cafile", "capath", "cadata" };
    static const ArgSpec spec = { "load_verify_locations", names, 3, 0, 0, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    for (int i = 0; i < 3; i++)
        if (a[i] == rt_None)
            a[i] = VAL_NULL;
    if (a[0] == VAL_NULL && a[1] == VAL_NULL && a[2] == VAL_NULL)
        return rt_raisef(&rt_TypeError, "cafile, capath and cadata cannot be all omitted");
    const char *cafile = NULL, *capath = NULL;
    if ((a[0] != VAL_NULL && (cafile = path_arg(a[0], "cafile")) == NULL) ||
        (a[1] != VAL_NULL && (capath = path_arg(a[1], "capath")) == NULL))
        return VAL_NULL;
    ObjSSLContext *c = CTX(args[0]);
    if (a[2] != VAL_NULL && !load_cadata(c, a[2]))
        return VAL_NULL;
    if (cafile || capath) {
        errno = 0;
        if (ossl.SSL_CTX_load_verify_locations(c->ctx, cafile, capath) != 1) {
            if (errno != 0) {
                ossl.ERR_clear_error();
                return mod_posix_error();
            }
            return ssl_raise_lib(NULL, SSL_LINE_VERIFY_LOCATIONS);
        }
    }
    return rt_None;
}

static Value cx_set_default_verify_paths(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("set_default_verify_paths", nargs - 1, kw))
        return VAL_NULL;
    if (!ossl.SSL_CTX_set_default_verify_paths(CTX(args[0])->ctx))
        return ssl_raise_lib(NULL, SSL_LINE_DEFAULT_PATHS);
    return rt_None;
}

/* load_dh_params(path): Diffie-Hellman parameters for the DHE ciphers. */
static Value cx_load_dh_params(Value *args, size_t nargs, Value kw)
{
    PathArg p = mod_posix_path_spec("load_dh_params", "path", false, false);
    if (!rt_arg_one("load_dh_params", nargs - 1, kw) || !mod_posix_fsconvert(args[1], &p))
        return VAL_NULL;
    errno = 0;
    BIO *bio = ossl.BIO_new_file(p.narrow, "r");
    if (bio == NULL) {
        int err = errno;
        ossl.ERR_clear_error();
        errno = err ? err : ENOENT;
        return mod_posix_path_error(&p);
    }
    DH *dh = ossl.PEM_read_bio_DHparams(bio, NULL, NULL, NULL);
    ossl.BIO_free(bio);
    if (dh == NULL)
        return ssl_raise_lib(NULL, SSL_LINE_OTHER);
    long ok = ossl.SSL_CTX_ctrl(CTX(args[0])->ctx, SSL_CTRL_SET_TMP_DH, 0, dh);
    ossl.DH_free(dh);
    return ok ? rt_None : ssl_raise_lib(NULL, SSL_LINE_OTHER);
}

static Value cx_set_ecdh_curve(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("set_ecdh_curve", nargs - 1, kw))
        return VAL_NULL;
    PathArg p = mod_posix_path_spec("set_ecdh_curve", "name", false, false);
    if (!mod_posix_fsconvert(args[1], &p))
        return VAL_NULL;
    int nid = ossl.OBJ_sn2nid(p.narrow);
    if (nid == NID_undef)
        return rt_raisef(&rt_ValueError, "unknown elliptic curve name %R", args[1]);
    if (!ossl.SSL_CTX_ctrl(CTX(args[0])->ctx, SSL_CTRL_SET_GROUPS, 1, &nid))
        return ssl_raise_lib(NULL, SSL_LINE_OTHER);
    return rt_None;
}

/* ---- statistics and the store ----------------------------------------------------- */

static Value cx_session_stats(Value *args, size_t nargs, Value kw)
{
    static const struct { const char *name; int ctrl; } stats[] = {
        {"number", SSL_CTRL_SESS_NUMBER}, {"connect", SSL_CTRL_SESS_CONNECT},
        {"connect_good", SSL_CTRL_SESS_CONNECT_GOOD},
        {"connect_renegotiate", SSL_CTRL_SESS_CONNECT_RENEGOTIATE},
        {"accept", SSL_CTRL_SESS_ACCEPT}, {"accept_good", SSL_CTRL_SESS_ACCEPT_GOOD},
        {"accept_renegotiate", SSL_CTRL_SESS_ACCEPT_RENEGOTIATE}, {"hits", SSL_CTRL_SESS_HIT},
        {"misses", SSL_CTRL_SESS_MISSES}, {"timeouts", SSL_CTRL_SESS_TIMEOUTS},
        {"cache_full", SSL_CTRL_SESS_CACHE_FULL},
    };
    if (!rt_arg_none("session_stats", nargs - 1, kw))
        return VAL_NULL;
    Value d = rt_dict_new();
    for (size_t i = 0; i < sizeof stats / sizeof stats[0]; i++)
        rt_dict_set_cstr(d, stats[i].name,
                         rt_int_from_i64(ossl.SSL_CTX_ctrl(CTX(args[0])->ctx, stats[i].ctrl, 0, NULL)));
    return d;
}

/* Each certificate of the context's store, to `each`. */
static void store_certs(ObjSSLContext *c, void (*each)(X509 *, void *), void *arg)
{
    STACK_OF(X509_OBJECT) *objs = ossl.X509_STORE_get0_objects(ossl.SSL_CTX_get_cert_store(c->ctx));
    int n = ossl.OPENSSL_sk_num((const OPENSSL_STACK *)objs);
    for (int i = 0; i < n; i++) {
        X509_OBJECT *o = ossl.OPENSSL_sk_value((const OPENSSL_STACK *)objs, i);
        if (ossl.X509_OBJECT_get_type(o) == X509_LU_X509)
            each(ossl.X509_OBJECT_get0_X509(o), arg);
        else
            each(NULL, arg);        /* a CRL */
    }
}

static void count_cert(X509 *cert, void *arg)
{
    int *counts = arg;         /* x509, crl, x509_ca */
    if (cert == NULL) {
        counts[1]++;
        return;
    }
    counts[0]++;
    if (ossl.X509_check_ca(cert))
        counts[2]++;
}

static Value cx_cert_store_stats(Value *args, size_t nargs, Value kw)
{
    int counts[3] = { 0, 0, 0 };
    if (!rt_arg_none("cert_store_stats", nargs - 1, kw))
        return VAL_NULL;
    store_certs(CTX(args[0]), count_cert, counts);
    Value d = rt_dict_new();
    rt_dict_set_cstr(d, "x509", small_new(counts[0]));
    rt_dict_set_cstr(d, "crl", small_new(counts[1]));
    rt_dict_set_cstr(d, "x509_ca", small_new(counts[2]));
    return d;
}

typedef struct CaList { Value list; bool binary; } CaList;

static void add_ca_cert(X509 *cert, void *arg)
{
    CaList *ca = arg;
    if (cert == NULL || !ossl.X509_check_ca(cert))
        return;
    rt_list_append(ca->list, ca->binary ? ssl_cert_to_der(cert) : ssl_cert_to_dict(cert));
}

static Value cx_get_ca_certs(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "binary_form" };
    static const ArgSpec spec = { "get_ca_certs", names, 1, 0, 0, 1, false };
    Value a[1];
    CaList ca = { rt_list_new(0), false };
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) || !rt_arg_flag(a[0], false, &ca.binary))
        return VAL_NULL;
    store_certs(CTX(args[0]), add_ca_cert, &ca);
    return ca.list;
}

/* ---- making connections ------------------------------------------------------------ */

/* server_hostname: None, or a str (ssl.py has IDNA-encoded it). */
static bool hostname_arg(Value v, Value *out)
{
    if (v == VAL_NULL || v == rt_None) {
        *out = VAL_NULL;
        return true;
    }
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "argument must be str, not %T", v);
        return false;
    }
    if (strlen(rt_str_cstr(v)) != rt_str_nbytes(v)) {
        rt_raisef(&rt_TypeError, "argument must be encoded string without null bytes, not str");
        return false;
    }
    *out = v;
    return true;
}

static bool server_side_arg(Value v, bool *out)
{
    int64_t n;
    if (!int_arg(v, &n))
        return false;
    *out = n != 0;
    return true;
}

/* _wrap_socket(sock, server_side, server_hostname=None, *, owner=None, session=None) */
static Value cx_wrap_socket(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "sock", "server_side", "server_hostname", "owner",
                                         "session" };
    static const ArgSpec spec = { "_wrap_socket", names, 5, 0, 2, 3, false };
    Value a[5], hostname;
    bool server_side;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    if (!mod_is_socket(a[0]))
        return rt_raisef(&rt_TypeError, "_wrap_socket() argument 'sock' must be "
                         "_socket.socket, not %T", a[0]);
    if (!server_side_arg(a[1], &server_side) || !hostname_arg(a[2], &hostname))
        return VAL_NULL;
    return ssl_socket_new(CTX(args[0]), a[0], NULL, NULL, server_side, hostname,
                          a[3] ? a[3] : rt_None, a[4] ? a[4] : rt_None);
}

/* _wrap_bio(incoming, outgoing, server_side, server_hostname=None, *, owner=None, session=None) */
static Value cx_wrap_bio(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "incoming", "outgoing", "server_side",
                                         "server_hostname", "owner", "session" };
    static const ArgSpec spec = { "_wrap_bio", names, 6, 0, 3, 4, false };
    Value a[6], hostname;
    bool server_side;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    for (int i = 0; i < 2; i++)
        if (!rt_isinstance_of(a[i], &ssl_memorybio_type))
            return rt_raisef(&rt_TypeError, "_wrap_bio() argument '%s' must be "
                             "_ssl.MemoryBIO, not %T", names[i], a[i]);
    if (!server_side_arg(a[2], &server_side) || !hostname_arg(a[3], &hostname))
        return VAL_NULL;
    return ssl_socket_new(CTX(args[0]), VAL_NULL, VAL_AS(ObjMemoryBIO, a[0]),
                          VAL_AS(ObjMemoryBIO, a[1]), server_side, hostname,
                          a[4] ? a[4] : rt_None, a[5] ? a[5] : rt_None);
}

static const MethodDef context_methods[] = {
    {"_wrap_socket", cx_wrap_socket}, {"_wrap_bio", cx_wrap_bio},
    {"set_ciphers", cx_set_ciphers}, {"_set_alpn_protocols", cx_set_alpn_protocols},
    {"load_cert_chain", cx_load_cert_chain}, {"load_verify_locations", cx_load_verify_locations},
    {"session_stats", cx_session_stats}, {"set_default_verify_paths", cx_set_default_verify_paths},
    {"set_ecdh_curve", cx_set_ecdh_curve}, {"load_dh_params", cx_load_dh_params}, {"cert_store_stats", cx_cert_store_stats},
    {"get_ca_certs", cx_get_ca_certs}, {"get_ciphers", cx_get_ciphers},
    {NULL, NULL}
};

static const GetSetDef context_getsets[] = {
    {"check_hostname", ctx_check_hostname, ctx_set_check_hostname, 0},
    {"_host_flags", ctx_host_flags, ctx_set_host_flags, 0},
    {"minimum_version", ctx_minimum_version, ctx_set_minimum_version, 0},
    {"maximum_version", ctx_maximum_version, ctx_set_maximum_version, 0},
    {"keylog_filename", ctx_keylog_filename, ctx_set_keylog_filename, 0},
    {"sni_callback", ctx_sni_callback, ctx_set_sni_callback, 0},
    {"num_tickets", ctx_num_tickets, ctx_set_num_tickets, 0},
    {"options", ctx_options, ctx_set_options, 0},
    {"post_handshake_auth", ctx_post_handshake_auth, ctx_set_post_handshake_auth, 0},
    {"protocol", ctx_protocol, 0, 0},
    {"verify_flags", ctx_verify_flags, ctx_set_verify_flags, 0},
    {"verify_mode", ctx_verify_mode, ctx_set_verify_mode, 0},
    {"security_level", ctx_security_level, 0, 0},
    {NULL, 0, 0, 0}
};

ObjType ssl_context_type = {
    .ob.type = &rt_type_type, .name = "_ssl._SSLContext", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjSSLContext), .new_ = context_new, .getsets = context_getsets,
};

void ssl_context_add(Value module)
{
    mod_add_type(module, "_SSLContext", &ssl_context_type, context_methods);
}
