/*
 * ssl_socket.c — _ssl._SSLSocket (one TLS connection: an OpenSSL SSL), and
 * the two objects it can work with, MemoryBIO and SSLSession.
 *
 * A connection runs either over a socket's descriptor (_wrap_socket: the
 * SSL reads and writes the descriptor itself) or over two MemoryBIOs
 * (_wrap_bio: ssl.SSLObject, for asyncio, where Python code moves the
 * bytes).  Over a socket, blocking follows the socket's timeout as in
 * CPython's _ssl.c: a socket with a timeout is non-blocking underneath, so
 * OpenSSL says "want read" / "want write" and pvm waits with poll() for
 * what remains of the timeout (TimeoutError "The read operation timed
 * out"); a non-blocking socket (timeout 0) or a BIO raises SSLWantReadError
 * / SSLWantWriteError instead; a blocking socket simply blocks in OpenSSL.
 * Every call into OpenSSL that may do I/O releases the interpreter lock.
 *
 * OpenSSL's result becomes an exception as CPython's PySSL_SetError makes
 * it: SSL_get_error's category picks the type, OpenSSL's error queue gives
 * the message (raise_io_error below).
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include "modules/posix.h"
#include "modules/ssl.h"
#include "vm/thread.h"
#include "vm/vm.h"

/* CPython's own error numbers beyond OpenSSL's SSL_ERROR_* (args[0]). */
enum { PY_SSL_ERROR_EOF = 8, PY_SSL_ERROR_INVALID_ERROR_CODE = 10 };

typedef struct ObjSSLSocket {
    Object ob;
    SSL *ssl;
    Value sock;                 /* the _socket.socket, or VAL_NULL over BIOs */
    Value context;              /* the _SSLContext */
    Value owner;                /* ssl.SSLSocket / SSLObject, or None */
    Value hostname;             /* str, or None */
    Value in_bio, out_bio;      /* kept alive while the SSL uses them */
    bool server_side, shutdown_seen_zero;
    int ssl_error, sys_errno;   /* the last operation's SSL_get_error and errno */
} ObjSSLSocket;

static ObjType sslsocket_type;
#define SSLSOCK(v) VAL_AS(ObjSSLSocket, v)

/* ---- creating ------------------------------------------------------------------ */

/* Freed without SSL_shutdown, a connection's SSL makes OpenSSL drop its
 * session from the context's cache and mark it not resumable (RFC 5246:
 * a connection ended without close_notify).  Under python3.11 a session
 * stays resumable after its connections are closed and freed
 * (golden lib_ssl/sni_session); pvm frees an SSL when a collection finds
 * its socket dead, so without this whether a later connection resumed
 * would depend on where the collections fell.  It is marked shut down
 * first, so that freeing it never costs the session. */
static void sslsocket_finalize(void *obj, void *data)
{
    SSL *ssl = ((ObjSSLSocket *)obj)->ssl;
    ossl.SSL_set_shutdown(ssl, SSL_SENT_SHUTDOWN | ossl.SSL_get_shutdown(ssl));
    ossl.SSL_free(ssl);
}

/* SNI and verification for server_hostname, as CPython's
 * _ssl_configure_hostname: no SNI for an IP address, which is checked as
 * an address. */
static bool configure_hostname(ObjSSLSocket *s, ObjSSLContext *ctx, Value hostname)
{
    const char *name = rt_str_cstr(hostname);
    if (name[0] == '\0' || name[0] == '.') {
        rt_raisef(&rt_ValueError,
                  "server_hostname cannot be an empty string or start with a leading dot.");
        return false;
    }
    ASN1_OCTET_STRING *ip = ossl.a2i_IPADDRESS(name);
    if (ip == NULL)
        ossl.ERR_clear_error();
    bool ok = ip != NULL ||
              ossl.SSL_ctrl(s->ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                            (void *)name);
    if (ok && ctx->check_hostname) {
        X509_VERIFY_PARAM *param = ossl.SSL_get0_param(s->ssl);
        ok = ip == NULL ? ossl.X509_VERIFY_PARAM_set1_host(param, name, strlen(name))
                        : ossl.X509_VERIFY_PARAM_set1_ip(param, ossl.ASN1_STRING_get0_data(ip),
                                                         (size_t)ossl.ASN1_STRING_length(ip));
    }
    if (ip != NULL)
        ossl.ASN1_OCTET_STRING_free(ip);
    if (!ok) {
        ssl_raise_lib(NULL, SSL_LINE_OTHER);
        return false;
    }
    s->hostname = hostname;
    return true;
}

/* A server asks for a certificate after the handshake (TLS 1.3); a client
 * agrees to be asked. */
static void post_handshake_auth(ObjSSLSocket *s)
{
    if (!s->server_side) {
        ossl.SSL_set_post_handshake_auth(s->ssl, 1);
        return;
    }
    int mode = ossl.SSL_get_verify_mode(s->ssl);
    if (mode & SSL_VERIFY_PEER)
        ossl.SSL_set_verify(s->ssl, mode | SSL_VERIFY_POST_HANDSHAKE,
                            ossl.SSL_get_verify_callback(s->ssl));
}

static int ss_set_session(Value self, Value v);
static int ss_set_owner(Value self, Value v);

Value ssl_socket_new(ObjSSLContext *ctx, Value sock, ObjMemoryBIO *in, ObjMemoryBIO *out,
                     bool server_side, Value hostname, Value owner, Value session)
{
    if (server_side && ctx->protocol == 16)         /* PROTOCOL_TLS_CLIENT */
        return ssl_raise_lib("Cannot create a server socket with a PROTOCOL_TLS_CLIENT context",
                             SSL_LINE_SERVER_WITH_CLIENT);
    if (!server_side && ctx->protocol == 17)        /* PROTOCOL_TLS_SERVER */
        return ssl_raise_lib("Cannot create a client socket with a PROTOCOL_TLS_SERVER context",
                             SSL_LINE_CLIENT_WITH_SERVER);
    ObjSSLSocket *s = gc_alloc(sizeof *s);
    s->ob.type = &sslsocket_type;
    s->ssl = ossl.SSL_new(ctx->ctx);
    if (s->ssl == NULL)
        return ssl_raise_lib(NULL, SSL_LINE_OTHER);
    gc_register_finalizer(s, sslsocket_finalize, NULL);
    s->context = obj_val(ctx);
    s->owner = s->hostname = rt_None;
    s->server_side = server_side;
    ossl.SSL_set_ex_data(s->ssl, 0, s);
    if (sock != VAL_NULL) {
        s->sock = sock;
        ossl.SSL_set_fd(s->ssl, mod_socket_fd(sock));
    } else {
        s->in_bio = obj_val(in);
        s->out_bio = obj_val(out);
        ossl.BIO_up_ref(in->bio);
        ossl.BIO_up_ref(out->bio);
        ossl.SSL_set_bio(s->ssl, in->bio, out->bio);
    }
    ossl.SSL_ctrl(s->ssl, SSL_CTRL_MODE,
                  SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_AUTO_RETRY, NULL);
    if (ctx->post_handshake_auth)
        post_handshake_auth(s);
    if (hostname != VAL_NULL && !configure_hostname(s, ctx, hostname))
        return VAL_NULL;
    if (server_side)
        ossl.SSL_set_accept_state(s->ssl);
    else
        ossl.SSL_set_connect_state(s->ssl);
    if (owner != rt_None && ss_set_owner(obj_val(s), owner) < 0)
        return VAL_NULL;
    if (session != rt_None && ss_set_session(obj_val(s), session) < 0)
        return VAL_NULL;
    return obj_val(s);
}

Value ssl_socket_for_callback(SSL *ssl)
{
    ObjSSLSocket *s = ossl.SSL_get_ex_data(ssl, 0);
    if (s == NULL)
        return VAL_NULL;
    if (s->owner != rt_None)
        return s->owner;
    return s->sock != VAL_NULL ? s->sock : obj_val(s);
}

/* ---- errors ---------------------------------------------------------------------- */

/* The exception for an SSL call that returned `ret` (CPython's
 * PySSL_SetError).  VAL_NULL. */
static Value raise_io_error(ObjSSLSocket *s, int ret, int line)
{
    unsigned long e = ossl.ERR_peek_last_error();
    SslErrorInfo info = { .kind = SSL_ERR, .code = e, .line = line };
    switch (s->ssl_error) {
    case SSL_ERROR_ZERO_RETURN:
        info.kind = SSL_ERR_ZERO_RETURN;
        info.text = "TLS/SSL connection has been closed (EOF)";
        break;
    case SSL_ERROR_WANT_READ:
        info.kind = SSL_ERR_WANT_READ;
        info.text = "The operation did not complete (read)";
        break;
    case SSL_ERROR_WANT_WRITE:
        info.kind = SSL_ERR_WANT_WRITE;
        info.text = "The operation did not complete (write)";
        break;
    case SSL_ERROR_WANT_X509_LOOKUP:
        info.text = "The operation did not complete (X509 lookup)";
        break;
    case SSL_ERROR_WANT_CONNECT:
        info.text = "The operation did not complete (connect)";
        break;
    case SSL_ERROR_SYSCALL:
        if (e == 0) {
            if (ret == 0 || s->sock == VAL_NULL || s->sys_errno == 0) {
                info.kind = SSL_ERR_EOF;
                info.ssl_errno = PY_SSL_ERROR_EOF;
                info.text = "EOF occurred in violation of protocol";
                break;
            }
            ossl.ERR_clear_error();
            errno = s->sys_errno;
            return mod_posix_error();
        }
        break;
    case SSL_ERROR_SSL:
        if (e == 0)
            info.text = "A failure in the SSL library occurred";
        if (ERR_GET_LIB(e) == ERR_LIB_SSL && ERR_GET_REASON(e) == SSL_R_CERTIFICATE_VERIFY_FAILED)
            info.kind = SSL_ERR_CERT_VERIFICATION;
        if (ERR_GET_LIB(e) == ERR_LIB_SYS) {
            ossl.ERR_clear_error();
            errno = ERR_GET_REASON(e);
            return mod_posix_error();
        }
        if (ERR_GET_LIB(e) == ERR_LIB_SSL &&
            ERR_GET_REASON(e) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
            info.kind = SSL_ERR_EOF;
            info.ssl_errno = PY_SSL_ERROR_EOF;
            info.text = "EOF occurred in violation of protocol";
        }
        break;
    default:
        info.ssl_errno = PY_SSL_ERROR_INVALID_ERROR_CODE;
        info.text = "Invalid error code";
        break;
    }
    if (info.ssl_errno == 0)
        info.ssl_errno = s->ssl_error;
    if (info.kind == SSL_ERR_CERT_VERIFICATION) {
        long code = ossl.SSL_get_verify_result(s->ssl);
        info.verify_code = code;
        if (code == X509_V_ERR_HOSTNAME_MISMATCH)
            info.verify = rt_str_format_c("Hostname mismatch, certificate is not valid for '%s'.",
                                          rt_str_cstr(s->hostname));
        else if (code == X509_V_ERR_IP_ADDRESS_MISMATCH)
            info.verify = rt_str_format_c("IP address mismatch, certificate is not valid for '%s'.",
                                          rt_str_cstr(s->hostname));
        else
            info.verify = rt_str_from_cstr(ossl.X509_verify_cert_error_string(code));
    }
    ssl_raise(&info);
    ossl.ERR_clear_error();
    return VAL_NULL;
}

/* ---- waiting for the socket ---------------------------------------------------------- */

typedef enum { SOCK_OK, SOCK_TIMED_OUT, SOCK_CLOSED, SOCK_NONBLOCKING, SOCK_BLOCKING } SockState;

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* The socket's timeout in ns (-1: blocking; 0: non-blocking); a BIO
 * connection counts as non-blocking. */
static int64_t sock_timeout(ObjSSLSocket *s)
{
    return s->sock == VAL_NULL ? 0 : mod_socket_timeout(s->sock);
}

/* CPython's PySSL_select: wait until the descriptor is readable (writable)
 * or `left` ns have passed. */
static SockState wait_socket(ObjSSLSocket *s, bool writing, int64_t timeout, int64_t left)
{
    if (s->sock == VAL_NULL || timeout == 0)
        return SOCK_NONBLOCKING;
    if (timeout < 0)
        return SOCK_BLOCKING;
    int fd = mod_socket_fd(s->sock);
    if (fd < 0)
        return SOCK_CLOSED;
    struct pollfd p = { .fd = fd, .events = writing ? POLLOUT : POLLIN };
    int ms = left <= 0 ? 0 : (int)((left + 999999) / 1000000);
    int n;
    vm_release_lock();
    do
        n = poll(&p, 1, ms);
    while (n < 0 && errno == EINTR);
    vm_reacquire_lock();
    return n == 0 ? SOCK_TIMED_OUT : SOCK_OK;
}

/* One call into OpenSSL, without the lock: the result, with ssl_error and
 * sys_errno recorded when `failed(result)`. */
typedef struct SslCall {
    enum { CALL_HANDSHAKE, CALL_READ, CALL_WRITE } op;
    void *buf;
    size_t len, done;
} SslCall;

static int call_openssl(ObjSSLSocket *s, SslCall *c)
{
    int ret;
    errno = 0;
    vm_release_lock();
    switch (c->op) {
    case CALL_HANDSHAKE: ret = ossl.SSL_do_handshake(s->ssl); break;
    case CALL_READ: ret = ossl.SSL_read_ex(s->ssl, c->buf, c->len, &c->done); break;
    default: ret = ossl.SSL_write_ex(s->ssl, c->buf, c->len, &c->done); break;
    }
    int err = errno;
    bool failed = c->op == CALL_HANDSHAKE ? ret < 1 : ret == 0;
    s->ssl_error = failed ? ossl.SSL_get_error(s->ssl, ret) : SSL_ERROR_NONE;
    s->sys_errno = failed ? err : 0;
    vm_reacquire_lock();
    return ret;
}

/* Run the call until it completes, waiting for the socket between tries
 * while a timeout allows (CPython's loops in do_handshake, read, write).
 * false with the exception set: a timeout, a signal handler's, or the
 * error OpenSSL reported (raised at `line`). */
static bool run_call(ObjSSLSocket *s, SslCall *c, const char *timeout_message, int line)
{
    int64_t timeout = sock_timeout(s);
    int64_t deadline = timeout > 0 ? now_ns() + timeout : 0;
    int ret;
    for (;;) {
        ret = call_openssl(s, c);
        if (!vm_check_interrupt())
            return false;
        bool want_read = s->ssl_error == SSL_ERROR_WANT_READ;
        if (!want_read && s->ssl_error != SSL_ERROR_WANT_WRITE)
            break;
        SockState st = wait_socket(s, !want_read, timeout, deadline - now_ns());
        if (st == SOCK_TIMED_OUT) {
            rt_raisef(&rt_TimeoutError, "%s", timeout_message);
            return false;
        }
        if (st == SOCK_CLOSED) {
            ssl_raise_simple("Underlying socket has been closed.");
            return false;
        }
        if (st == SOCK_NONBLOCKING)
            break;
    }
    bool failed = c->op == CALL_HANDSHAKE ? ret < 1 : ret == 0;
    if (!failed)
        return true;
    if (c->op == CALL_READ && s->ssl_error == SSL_ERROR_ZERO_RETURN &&
        ossl.SSL_get_shutdown(s->ssl) == SSL_RECEIVED_SHUTDOWN) {
        c->done = 0;
        return true;
    }
    raise_io_error(s, ret, line);
    return false;
}

/* ---- the connection's methods ------------------------------------------------------- */

static Value ss_do_handshake(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("do_handshake", nargs - 1, kw))
        return VAL_NULL;
    SslCall c = { CALL_HANDSHAKE, NULL, 0, 0 };
    return run_call(SSLSOCK(args[0]), &c, "_ssl.c:975: The handshake operation timed out",
                    SSL_LINE_HANDSHAKE) ? rt_None : VAL_NULL;
}

enum { READ_MAX = 64 * 1024 };

/* read(size[, buffer]): bytes, or with a buffer the count read into it. */
static Value ss_read(Value *args, size_t nargs, Value kw)
{
    ssize_t len;
    ModBuffer into = { NULL, 0, NULL };
    if (!rt_arg_nokw("read", kw) || !rt_arg_range("read", nargs - 1, 1, 2) ||
        !rt_as_ssize(args[1], &len))
        return VAL_NULL;
    bool to_buffer = nargs > 2;
    if (to_buffer) {
        if (!mod_get_writable_buffer(args[2], &into))
            return VAL_NULL;
        if (len <= 0 || (size_t)len > into.len)
            len = (ssize_t)into.len;
    } else if (len < 0) {
        return rt_raisef(&rt_ValueError, "size should not be negative");
    }
    /* One call returns at most one TLS record (16 KiB): a larger size
     * asks for no more than that.  OpenSSL reads into memory of pvm's own,
     * not the caller's buffer, which another thread could resize while
     * the lock is released. */
    if (len > READ_MAX)
        len = READ_MAX;
    SslCall c = { CALL_READ, NULL, (size_t)len, 0 };
    if (len > 0) {
        c.buf = gc_alloc_atomic((size_t)len);
        if (!run_call(SSLSOCK(args[0]), &c, "The read operation timed out", SSL_LINE_READ))
            return VAL_NULL;
    }
    if (!to_buffer)
        return rt_bytes_new(c.buf, c.done);
    if (c.done > 0 && mod_get_writable_buffer(args[2], &into))
        memcpy(into.wdata, c.buf, c.done < into.len ? c.done : into.len);
    return rt_err_occurred() ? VAL_NULL : rt_int_from_u64(c.done);
}

/* write(b)'s argument, for _SSLSocket and MemoryBIO: bytes-like, at most
 * INT_MAX bytes (OpenSSL's lengths are ints). */
static bool write_arg(Value *args, size_t nargs, Value kw, ModBuffer *b)
{
    if (!rt_arg_one("write", nargs - 1, kw) || !mod_get_buffer(args[1], b))
        return false;
    if (b->len > INT32_MAX) {
        rt_raisef(&rt_OverflowError, "string longer than %d bytes", INT32_MAX);
        return false;
    }
    return true;
}

static Value ss_write(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    if (!write_arg(args, nargs, kw, &b))
        return VAL_NULL;
    /* A mutable buffer could be resized by another thread while OpenSSL
     * reads it with the lock released: OpenSSL gets a copy. */
    void *data = (void *)b.data;
    if (b.wdata != NULL) {
        data = gc_alloc_atomic(b.len + 1);
        memcpy(data, b.data, b.len);
    }
    SslCall c = { CALL_WRITE, data, b.len, 0 };
    if (!run_call(SSLSOCK(args[0]), &c, "The write operation timed out", SSL_LINE_WRITE))
        return VAL_NULL;
    return rt_int_from_u64(c.done);
}

static Value ss_pending(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("pending", nargs - 1, kw))
        return VAL_NULL;
    return small_new(ossl.SSL_pending(SSLSOCK(args[0])->ssl));
}

static int shutdown_once(ObjSSLSocket *s)
{
    vm_release_lock();
    if (s->shutdown_seen_zero)
        ossl.SSL_set_read_ahead(s->ssl, 0);
    errno = 0;
    int ret = ossl.SSL_shutdown(s->ssl);
    int err = errno;
    s->ssl_error = ret < 0 ? ossl.SSL_get_error(s->ssl, ret) : SSL_ERROR_NONE;
    s->sys_errno = ret < 0 ? err : 0;
    vm_reacquire_lock();
    return ret;
}

/* shutdown(): send close_notify (and wait for the peer's, at most twice);
 * the socket, for unwrap(). */
static Value ss_shutdown(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("shutdown", nargs - 1, kw))
        return VAL_NULL;
    ObjSSLSocket *s = SSLSOCK(args[0]);
    int64_t timeout = sock_timeout(s);
    int64_t deadline = timeout > 0 ? now_ns() + timeout : 0;
    int ret, zeros = 0;
    for (;;) {
        ret = shutdown_once(s);
        if (ret > 0)
            break;
        if (ret == 0) {
            if (++zeros > 1)
                break;
            s->shutdown_seen_zero = true;
            continue;
        }
        bool want_read = s->ssl_error == SSL_ERROR_WANT_READ;
        if (!want_read && s->ssl_error != SSL_ERROR_WANT_WRITE)
            break;
        SockState st = wait_socket(s, !want_read, timeout, deadline - now_ns());
        if (st == SOCK_TIMED_OUT)
            return rt_raisef(&rt_TimeoutError, want_read ? "The read operation timed out"
                                                         : "The write operation timed out");
        if (st != SOCK_OK)
            break;
    }
    if (ret < 0)
        return raise_io_error(s, ret, SSL_LINE_SHUTDOWN);
    return s->sock != VAL_NULL ? s->sock : rt_None;
}

/* getpeercert(binary_form=False) */
static Value ss_getpeercert(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "der" };
    static const ArgSpec spec = { "getpeercert", names, 1, 1, 0, 1, false };
    Value a[1];
    bool binary = false;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) || !rt_arg_flag(a[0], false, &binary))
        return VAL_NULL;
    SSL *ssl = SSLSOCK(args[0])->ssl;
    if (!ossl.SSL_is_init_finished(ssl))
        return rt_raisef(&rt_ValueError, "handshake not done yet");
    X509 *cert = ossl.SSL_get1_peer_certificate(ssl);
    if (cert == NULL)
        return rt_None;
    Value v;
    if (binary)
        v = ssl_cert_to_der(cert);
    else if ((ossl.SSL_CTX_get_verify_mode(ossl.SSL_get_SSL_CTX(ssl)) & SSL_VERIFY_PEER) == 0)
        v = rt_dict_new();
    else
        v = ssl_cert_to_dict(cert);
    ossl.X509_free(cert);
    return v;
}

static Value ss_cipher(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("cipher", nargs - 1, kw))
        return VAL_NULL;
    const SSL_CIPHER *c = ossl.SSL_get_current_cipher(SSLSOCK(args[0])->ssl);
    return c ? ssl_cipher_tuple(c) : rt_None;
}

/* The ciphers this connection may use (python3.11 lists all of them,
 * not only those the client offered). */
static Value ss_shared_ciphers(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("shared_ciphers", nargs - 1, kw))
        return VAL_NULL;
    const OPENSSL_STACK *ciphers = (const OPENSSL_STACK *)ossl.SSL_get_ciphers(SSLSOCK(args[0])->ssl);
    if (ciphers == NULL)
        return rt_None;
    Value list = rt_list_new(0);
    for (int i = 0; i < ossl.OPENSSL_sk_num(ciphers); i++)
        rt_list_append(list, ssl_cipher_tuple(ossl.OPENSSL_sk_value(ciphers, i)));
    return list;
}

static Value ss_version(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("version", nargs - 1, kw))
        return VAL_NULL;
    SSL *ssl = SSLSOCK(args[0])->ssl;
    if (!ossl.SSL_is_init_finished(ssl))
        return rt_None;
    const char *v = ossl.SSL_get_version(ssl);
    return strcmp(v, "unknown") == 0 ? rt_None : rt_str_from_cstr(v);
}

static Value ss_selected_alpn_protocol(Value *args, size_t nargs, Value kw)
{
    const unsigned char *out = NULL;
    unsigned int len = 0;
    if (!rt_arg_none("selected_alpn_protocol", nargs - 1, kw))
        return VAL_NULL;
    ossl.SSL_get0_alpn_selected(SSLSOCK(args[0])->ssl, &out, &len);
    return out ? rt_str_new((const char *)out, len) : rt_None;
}

/* OpenSSL 3 as pvm sets it up never compresses. */
static Value ss_compression(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("compression", nargs - 1, kw))
        return VAL_NULL;
    return rt_None;
}

/* get_channel_binding(cb_type='tls-unique'): the first Finished message. */
static Value ss_get_channel_binding(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "cb_type" };
    static const ArgSpec spec = { "get_channel_binding", names, 1, 0, 0, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    const char *type = a[0] == VAL_NULL ? "tls-unique" : rt_is_str(a[0]) ? rt_str_cstr(a[0]) : NULL;
    if (type == NULL)
        return rt_raisef(&rt_TypeError, "get_channel_binding() argument 'cb_type' must be str, "
                         "not %T", a[0]);
    if (strcmp(type, "tls-unique") != 0)
        return rt_raisef(&rt_ValueError, "'%s' channel binding type not implemented", type);
    ObjSSLSocket *s = SSLSOCK(args[0]);
    unsigned char buf[128];
    size_t len = (ossl.SSL_session_reused(s->ssl) != 0) != s->server_side
                     ? ossl.SSL_get_peer_finished(s->ssl, buf, sizeof buf)
                     : ossl.SSL_get_finished(s->ssl, buf, sizeof buf);
    return len == 0 ? rt_None : rt_bytes_new(buf, len);
}

static Value ss_verify_client_post_handshake(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("verify_client_post_handshake", nargs - 1, kw))
        return VAL_NULL;
    if (ossl.SSL_verify_client_post_handshake(SSLSOCK(args[0])->ssl) == 0)
        return ssl_raise_lib(NULL, SSL_LINE_OTHER);
    return rt_None;
}

/* The certificates of a stack as a list of _ssl.Certificate (first, when
 * not NULL, `leaf`); None for no stack. */
static Value chain_list(const OPENSSL_STACK *chain, X509 *leaf)
{
    if (chain == NULL)
        return rt_None;
    Value list = rt_list_new(0);
    if (leaf != NULL)
        rt_list_append(list, ssl_certificate_new(leaf));
    for (int i = 0; i < ossl.OPENSSL_sk_num(chain); i++)
        rt_list_append(list, ssl_certificate_new(ossl.OPENSSL_sk_value(chain, i)));
    return list;
}

/* The chain OpenSSL verified, leaf first. */
static Value ss_get_verified_chain(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_verified_chain", nargs - 1, kw))
        return VAL_NULL;
    return chain_list((const OPENSSL_STACK *)ossl.SSL_get0_verified_chain(SSLSOCK(args[0])->ssl),
                      NULL);
}

/* The chain the peer sent; a server's view lacks the client's own
 * certificate, which is put first. */
static Value ss_get_unverified_chain(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_unverified_chain", nargs - 1, kw))
        return VAL_NULL;
    ObjSSLSocket *s = SSLSOCK(args[0]);
    const OPENSSL_STACK *chain = (const OPENSSL_STACK *)ossl.SSL_get_peer_cert_chain(s->ssl);
    X509 *leaf = s->server_side && chain ? ossl.SSL_get1_peer_certificate(s->ssl) : NULL;
    Value list = chain_list(chain, leaf);
    if (leaf != NULL)
        ossl.X509_free(leaf);
    return list;
}

/* ---- attributes ---------------------------------------------------------------------- */

static Value ss_context(Value self) { return SSLSOCK(self)->context; }

static int ss_set_context(Value self, Value v)
{
    if (v == VAL_NULL || !rt_isinstance_of(v, &ssl_context_type))
        return rt_raisef(&rt_TypeError, "The value must be a SSLContext"), -1;
    SSLSOCK(self)->context = v;
    ossl.SSL_set_SSL_CTX(SSLSOCK(self)->ssl, VAL_AS(ObjSSLContext, v)->ctx);
    return 0;
}

static Value ss_server_side(Value self) { return rt_bool(SSLSOCK(self)->server_side); }
static Value ss_server_hostname(Value self) { return SSLSOCK(self)->hostname; }
static Value ss_owner(Value self) { return SSLSOCK(self)->owner; }

static int ss_set_owner(Value self, Value v)
{
    SSLSOCK(self)->owner = v != VAL_NULL ? v : rt_None;
    return 0;
}

static Value ss_session_reused(Value self)
{
    return rt_bool(ossl.SSL_session_reused(SSLSOCK(self)->ssl));
}

/* ---- SSLSession ------------------------------------------------------------------------- */

typedef struct ObjSession {
    Object ob;
    SSL_SESSION *session;
    Value context;
} ObjSession;

#define SESSION(v) VAL_AS(ObjSession, v)

static void session_finalize(void *obj, void *data)
{
    ossl.SSL_SESSION_free(((ObjSession *)obj)->session);
}

static Value ss_session(Value self)
{
    SSL_SESSION *session = ossl.SSL_get1_session(SSLSOCK(self)->ssl);
    if (session == NULL)
        return rt_None;
    ObjSession *o = gc_alloc(sizeof *o);
    o->ob.type = &ssl_session_type;
    o->session = session;
    o->context = SSLSOCK(self)->context;
    gc_register_finalizer(o, session_finalize, NULL);
    return obj_val(o);
}

static int ss_set_session(Value self, Value v)
{
    ObjSSLSocket *s = SSLSOCK(self);
    if (v == VAL_NULL || val_type(v) != &ssl_session_type)
        return rt_raisef(&rt_TypeError, "Value is not a SSLSession."), -1;
    if (VAL_AS(ObjSSLContext, SESSION(v)->context)->ctx != VAL_AS(ObjSSLContext, s->context)->ctx)
        return rt_raisef(&rt_ValueError, "Session refers to a different SSLContext."), -1;
    if (s->server_side)
        return rt_raisef(&rt_ValueError, "Cannot set session for server-side SSLSocket."), -1;
    if (ossl.SSL_is_init_finished(s->ssl))
        return rt_raisef(&rt_ValueError, "Cannot set session after handshake."), -1;
    if (ossl.SSL_set_session(s->ssl, SESSION(v)->session) == 0)
        return ssl_raise_lib(NULL, SSL_LINE_OTHER), -1;
    return 0;
}

static Value session_id(Value self)
{
    unsigned int len = 0;
    const unsigned char *id = ossl.SSL_SESSION_get_id(SESSION(self)->session, &len);
    return rt_bytes_new(id, len);
}

static Value session_time(Value self)
{
    return rt_int_from_i64(ossl.SSL_SESSION_get_time(SESSION(self)->session));
}

static Value session_timeout(Value self)
{
    return rt_int_from_i64(ossl.SSL_SESSION_get_timeout(SESSION(self)->session));
}

static Value session_lifetime_hint(Value self)
{
    return rt_int_from_u64(ossl.SSL_SESSION_get_ticket_lifetime_hint(SESSION(self)->session));
}

static Value session_has_ticket(Value self)
{
    return rt_bool(ossl.SSL_SESSION_has_ticket(SESSION(self)->session));
}

/* Sessions are equal when their ids are. */
static Value session_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || val_type(b) != &ssl_session_type)
        return rt_NotImplemented;
    Value ida = session_id(a), idb = session_id(b);
    bool same = AS_BYTES(ida)->length == AS_BYTES(idb)->length &&
                memcmp(AS_BYTES(ida)->data, AS_BYTES(idb)->data, AS_BYTES(ida)->length) == 0;
    return rt_bool(op == CMP_EQ ? same : !same);
}

static const GetSetDef session_getsets[] = {
    {"has_ticket", session_has_ticket, 0, 0}, {"id", session_id, 0, 0},
    {"ticket_lifetime_hint", session_lifetime_hint, 0, 0}, {"time", session_time, 0, 0},
    {"timeout", session_timeout, 0, 0}, {NULL, 0, 0, 0}
};

ObjType ssl_session_type = {
    .ob.type = &rt_type_type, .name = "_ssl.SSLSession", .new_ = mod_no_new,
    .getsets = session_getsets, .richcompare = session_richcompare,
};

/* ---- MemoryBIO ---------------------------------------------------------------------------- */

#define MBIO(v) VAL_AS(ObjMemoryBIO, v)

static void memorybio_finalize(void *obj, void *data)
{
    ossl.BIO_free(((ObjMemoryBIO *)obj)->bio);
}

/* An empty read from a non-blocking BIO means "no data yet", not EOF, so
 * OpenSSL is told to retry it (until write_eof). */
static Value memorybio_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    if (nargs > rt_nkwargs(kw))
        return rt_raisef(&rt_TypeError, "MemoryBIO() takes no positional arguments");
    if (!rt_arg_nokw_new(type, "MemoryBIO", kw))
        return VAL_NULL;
    ObjMemoryBIO *b = rt_alloc_instance(type, sizeof *b);
    b->bio = ossl.BIO_new(ossl.BIO_s_mem());
    if (b->bio == NULL)
        return rt_raise(obj_val(&rt_MemoryError));
    gc_register_finalizer(b, memorybio_finalize, NULL);
    ossl.BIO_set_flags(b->bio, BIO_FLAGS_READ | BIO_FLAGS_SHOULD_RETRY);
    ossl.BIO_ctrl(b->bio, BIO_C_SET_BUF_MEM_EOF_RETURN, -1, NULL);
    return obj_val(b);
}

static Value mb_pending(Value self)
{
    return rt_int_from_u64(ossl.BIO_ctrl_pending(MBIO(self)->bio));
}

static Value mb_eof(Value self)
{
    return rt_bool(ossl.BIO_ctrl_pending(MBIO(self)->bio) == 0 && MBIO(self)->eof_written);
}

static Value mb_read(Value *args, size_t nargs, Value kw)
{
    ssize_t len = -1;
    if (!rt_arg_nokw("read", kw) || !rt_arg_range("read", nargs - 1, 0, 1) ||
        (nargs > 1 && !rt_as_ssize(args[1], &len)))
        return VAL_NULL;
    if (len > INT32_MAX || len < INT32_MIN)
        return rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
    size_t avail = ossl.BIO_ctrl_pending(MBIO(args[0])->bio);
    if (avail > INT32_MAX)
        avail = INT32_MAX;
    if (len < 0 || (size_t)len > avail)
        len = (ssize_t)avail;
    unsigned char *buf = gc_alloc_atomic((size_t)len + 1);
    int n = len > 0 ? ossl.BIO_read(MBIO(args[0])->bio, buf, (int)len) : 0;
    if (n < 0)
        return ssl_raise_lib(NULL, SSL_LINE_OTHER);
    return rt_bytes_new(buf, (size_t)n);
}

static Value mb_write(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    if (!write_arg(args, nargs, kw, &b))
        return VAL_NULL;
    if (MBIO(args[0])->eof_written)
        return ssl_raise_simple("cannot write() after write_eof()");
    int n = ossl.BIO_write(MBIO(args[0])->bio, b.data, (int)b.len);
    if (n < 0)
        return ssl_raise_lib(NULL, SSL_LINE_OTHER);
    return small_new(n);
}

/* After EOF, an empty read is a real end: no more retrying. */
static Value mb_write_eof(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("write_eof", nargs - 1, kw))
        return VAL_NULL;
    ObjMemoryBIO *b = MBIO(args[0]);
    b->eof_written = true;
    ossl.BIO_clear_flags(b->bio, BIO_FLAGS_RWS | BIO_FLAGS_SHOULD_RETRY);
    ossl.BIO_ctrl(b->bio, BIO_C_SET_BUF_MEM_EOF_RETURN, 0, NULL);
    return rt_None;
}

static const MethodDef memorybio_methods[] = {
    {"read", mb_read}, {"write", mb_write}, {"write_eof", mb_write_eof}, {NULL, NULL}
};

static const GetSetDef memorybio_getsets[] = {
    {"pending", mb_pending, 0, "The number of bytes pending in the memory BIO."},
    {"eof", mb_eof, 0, "Whether the memory BIO is at EOF."},
    {NULL, 0, 0, 0}
};

ObjType ssl_memorybio_type = {
    .ob.type = &rt_type_type, .name = "_ssl.MemoryBIO", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjMemoryBIO), .new_ = memorybio_new, .getsets = memorybio_getsets,
};

/* ---- the type ---------------------------------------------------------------------------- */

static const MethodDef sslsocket_methods[] = {
    {"do_handshake", ss_do_handshake}, {"write", ss_write}, {"read", ss_read},
    {"pending", ss_pending}, {"getpeercert", ss_getpeercert},
    {"get_channel_binding", ss_get_channel_binding}, {"cipher", ss_cipher},
    {"shared_ciphers", ss_shared_ciphers}, {"version", ss_version},
    {"selected_alpn_protocol", ss_selected_alpn_protocol}, {"compression", ss_compression},
    {"shutdown", ss_shutdown},
    {"verify_client_post_handshake", ss_verify_client_post_handshake},
    {"get_verified_chain", ss_get_verified_chain},
    {"get_unverified_chain", ss_get_unverified_chain},
    {NULL, NULL}
};

static const GetSetDef sslsocket_getsets[] = {
    {"context", ss_context, ss_set_context, 0},
    {"server_side", ss_server_side, 0, "Whether this is a server-side socket."},
    {"server_hostname", ss_server_hostname, 0, "The currently set server hostname (for SNI)."},
    {"owner", ss_owner, ss_set_owner, "The Python-level owner of this object."},
    {"session", ss_session, ss_set_session, "The underlying SSLSession object."},
    {"session_reused", ss_session_reused, 0, "Was the client session reused during handshake?"},
    {NULL, 0, 0, 0}
};

static ObjType sslsocket_type = {
    .ob.type = &rt_type_type, .name = "_ssl._SSLSocket", .new_ = mod_no_new,
    .getsets = sslsocket_getsets,
};

void ssl_socket_add(Value module)
{
    mod_add_type(module, "_SSLSocket", &sslsocket_type, sslsocket_methods);
    mod_add_type(module, "MemoryBIO", &ssl_memorybio_type, memorybio_methods);
    mod_add_type(module, "SSLSession", &ssl_session_type, NULL);
}
