/*
 * ssl.h — what the files of the _ssl module share (CPython's
 * Modules/_ssl.c, under Lib/ssl.py).
 *
 *   ssl.c          the module: OpenSSL opened on first import, constants,
 *                  the SSLError family and how OpenSSL's errors become them,
 *                  RAND_*, txt2obj/nid2obj, get_default_verify_paths
 *   ssl_cert.c     certificates as the dicts getpeercert() returns
 *   ssl_context.c  _SSLContext: an SSL_CTX and its settings
 *   ssl_socket.c   _SSLSocket (an SSL over a socket's descriptor or over
 *                  two MemoryBIOs), MemoryBIO and SSLSession
 *
 * pvm implements no cryptography or TLS itself: OpenSSL's libssl is a
 * well-kept library doing exactly what Lib/ssl.py expects of _ssl, and
 * CPython's module is a thin layer over it, as this one is.
 *
 * libssl (and the libcrypto it depends on) is opened with dlopen when _ssl
 * is first imported — linked, its relocations would cost every pvm start
 * (modutil.h, "libraries opened on first use").  Its functions are called
 * through the table `ossl`, ossl.SSL_new(ctx) and so on; OpenSSL's
 * function-like macros (SSL_CTX_set_min_proto_version, BIO_pending,
 * sk_X509_num ...) expand to calls of the real symbols, so the files call
 * what they expand to (ossl.SSL_CTX_ctrl, ossl.OPENSSL_sk_num) instead.
 */
#ifndef PVM_MODULES_SSL_H
#define PVM_MODULES_SSL_H

/* PROTOCOL_TLSv1 and friends need OpenSSL's deprecated TLSv1_method. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include "modules/modutil.h"

#define SSL_LIB_FUNCTIONS(X)                                                               \
    X(ASN1_STRING_get0_data) X(ASN1_STRING_length)                   \
    X(ASN1_STRING_to_UTF8) X(ASN1_TIME_print) X(AUTHORITY_INFO_ACCESS_free)                \
    X(BIO_clear_flags) X(BIO_ctrl) X(BIO_ctrl_pending) X(BIO_free) X(BIO_new)              \
    X(BIO_new_file) X(BIO_new_mem_buf) X(BIO_read) X(BIO_s_mem) X(BIO_set_flags)           \
    X(BIO_up_ref) X(BIO_write) X(CRL_DIST_POINTS_free) X(CRYPTO_free)                      \
    X(ERR_clear_error) X(ERR_peek_last_error) X(ERR_reason_error_string)                   \
    X(GENERAL_NAMES_free) X(GENERAL_NAME_print) X(OBJ_nid2ln) X(OBJ_nid2obj)               \
    X(OBJ_nid2sn) X(OBJ_obj2nid) X(OBJ_obj2txt) X(OBJ_sn2nid) X(OBJ_txt2obj)               \
    X(ASN1_OBJECT_free) X(OPENSSL_sk_find) X(OPENSSL_sk_num) X(OPENSSL_sk_value)           \
    X(OpenSSL_version) X(OpenSSL_version_num) X(PEM_read_bio_X509) X(RAND_add)             \
    X(RAND_bytes) X(RAND_status) X(SSL_CIPHER_description) X(SSL_CIPHER_get_auth_nid)      \
    X(SSL_CIPHER_get_bits) X(SSL_CIPHER_get_cipher_nid) X(SSL_CIPHER_get_digest_nid)       \
    X(SSL_CIPHER_get_id) X(SSL_CIPHER_get_kx_nid) X(SSL_CIPHER_get_name)                   \
    X(SSL_CIPHER_get_version) X(SSL_CIPHER_is_aead) X(SSL_CTX_callback_ctrl)               \
    X(SSL_CTX_check_private_key) X(SSL_CTX_clear_options) X(SSL_CTX_ctrl) X(SSL_CTX_free)  \
    X(SSL_CTX_get0_param) X(SSL_CTX_get_cert_store) X(SSL_CTX_get_default_passwd_cb)       \
    X(SSL_CTX_get_default_passwd_cb_userdata) X(SSL_CTX_get_num_tickets)                   \
    X(SSL_CTX_get_options) X(SSL_CTX_get_security_level) X(SSL_CTX_get_verify_callback)    \
    X(SSL_CTX_get_verify_mode) X(SSL_CTX_load_verify_locations) X(SSL_CTX_new)             \
    X(SSL_CTX_set_alpn_protos) X(SSL_CTX_set_alpn_select_cb) X(SSL_CTX_set_cipher_list)    \
    X(SSL_CTX_set_default_passwd_cb) X(SSL_CTX_set_default_passwd_cb_userdata)             \
    X(SSL_CTX_set_default_verify_paths) X(SSL_CTX_set_num_tickets) X(SSL_CTX_set_options)  \
    X(SSL_CTX_set_post_handshake_auth) X(SSL_CTX_set_session_id_context)                   \
    X(SSL_CTX_set_verify) X(SSL_CTX_use_PrivateKey_file)                                   \
    X(SSL_CTX_use_certificate_chain_file) X(SSL_SESSION_free) X(SSL_SESSION_get_id)        \
    X(SSL_SESSION_get_ticket_lifetime_hint) X(SSL_SESSION_get_time)                        \
    X(SSL_SESSION_get_timeout) X(SSL_SESSION_has_ticket) X(SSL_ctrl) X(SSL_do_handshake)   \
    X(SSL_free) X(SSL_get0_alpn_selected) X(SSL_get0_param) X(SSL_get1_peer_certificate)   \
    X(SSL_get1_session) X(SSL_get_SSL_CTX) X(SSL_get_ciphers) X(SSL_get_client_ciphers)    \
    X(SSL_get_current_cipher) X(SSL_get_error) X(SSL_get_ex_data) X(SSL_get_finished)      \
    X(SSL_get_peer_finished) X(SSL_get_rbio) X(SSL_get_servername) X(SSL_get_shutdown)     \
    X(SSL_get_verify_callback) X(SSL_get_verify_mode) X(SSL_get_verify_result)             \
    X(SSL_get_version) X(SSL_get_wbio) X(SSL_is_init_finished) X(SSL_new) X(SSL_pending)   \
    X(SSL_read_ex) X(SSL_select_next_proto) X(SSL_session_reused) X(SSL_set_SSL_CTX)       \
    X(SSL_set_accept_state) X(SSL_set_bio) X(SSL_set_connect_state) X(SSL_set_ex_data)     \
    X(SSL_set_fd) X(SSL_set_post_handshake_auth) X(SSL_set_read_ahead) X(SSL_set_session)  \
    X(SSL_set_shutdown)                                                                    \
    X(SSL_set_verify) X(SSL_shutdown) X(SSL_verify_client_post_handshake) X(SSL_write_ex)  \
    X(TLS_client_method) X(TLS_method) X(TLS_server_method) X(TLSv1_1_method)              \
    X(TLSv1_2_method) X(TLSv1_method) X(X509_OBJECT_get0_X509) X(X509_OBJECT_get_type)     \
    X(X509_NAME_ENTRY_get_data) X(X509_NAME_ENTRY_get_object) X(X509_NAME_ENTRY_set)       \
    X(X509_NAME_entry_count) X(X509_NAME_get_entry) X(X509_STORE_add_cert)                 \
    X(X509_STORE_get0_objects) X(X509_VERIFY_PARAM_clear_flags)                            \
    X(X509_VERIFY_PARAM_get_flags) X(X509_VERIFY_PARAM_get_hostflags)                      \
    X(X509_VERIFY_PARAM_set1_host) X(X509_VERIFY_PARAM_set1_ip)                            \
    X(X509_VERIFY_PARAM_set_flags) X(X509_VERIFY_PARAM_set_hostflags) X(X509_check_ca)     \
    X(X509_free) X(X509_get0_notAfter) X(X509_get0_notBefore) X(X509_get_ext_d2i)          \
    X(X509_get_issuer_name) X(X509_get_serialNumber) X(X509_get_subject_name)              \
    X(X509_get_version) X(X509_verify_cert_error_string) X(a2i_IPADDRESS)                  \
    X(ASN1_OCTET_STRING_free) X(i2a_ASN1_INTEGER) X(d2i_X509_bio) X(i2d_X509)                      \
    X(X509_get_default_cert_dir) X(X509_get_default_cert_dir_env)                          \
    X(X509_get_default_cert_file) X(X509_get_default_cert_file_env)                        \
    X(X509_up_ref) X(X509_cmp) X(PEM_write_bio_X509) X(SSL_get0_verified_chain)           \
    X(SSL_get_peer_cert_chain) X(X509_NAME_print_ex) X(X509_subject_name_hash)           \
    X(PEM_read_bio_DHparams) X(DH_free) X(SSL_CTX_set_keylog_callback) X(SSL_CTX_set_ex_data)       \
    X(SSL_CTX_get_ex_data)

MOD_LIBRARY_TYPE(SslLib, SSL_LIB_FUNCTIONS)
extern SslLib ossl;
bool ossl_ready(void);      /* libssl opened; else false + ImportError */

/* ---- errors (ssl.c) ---------------------------------------------------------
 * CPython's messages end in "(_ssl.c:NNN)", the line of Modules/_ssl.c that
 * raised; pvm gives the same numbers (python3.11's, measured by making each
 * error happen: the lib_ssl golden programs), named here by what raised.
 * CHECK_KEY and DEFAULT_PATHS are read off the source, not measured (OpenSSL
 * 3 reports a mismatched key when loading it); SSL_LINE_OTHER marks the
 * rare failures (out of memory in OpenSSL) whose line pvm does not copy. */
enum {
    SSL_LINE_SERVER_WITH_CLIENT = 788, SSL_LINE_CLIENT_WITH_SERVER = 795,
    SSL_LINE_HANDSHAKE = 992, SSL_LINE_READ = 2546, SSL_LINE_WRITE = 2393,
    SSL_LINE_SHUTDOWN = 2672, SSL_LINE_CERT_CHAIN = 3877, SSL_LINE_PRIVATE_KEY = 3898,
    SSL_LINE_CHECK_KEY = 3909, SSL_LINE_CADATA_EMPTY = 3992, SSL_LINE_CADATA = 4007,
    SSL_LINE_VERIFY_LOCATIONS = 4126, SSL_LINE_DEFAULT_PATHS = 4311, SSL_LINE_OTHER = 1,
};

/* The exception types (SSLError first, then its subclasses). */
typedef enum SslErrorKind {
    SSL_ERR, SSL_ERR_ZERO_RETURN, SSL_ERR_WANT_READ, SSL_ERR_WANT_WRITE,
    SSL_ERR_SYSCALL, SSL_ERR_EOF, SSL_ERR_CERT_VERIFICATION, SSL_ERR_KINDS
} SslErrorKind;
ObjType *ssl_error_type(SslErrorKind kind);

/* SSLError(errno, message) with CPython's message: "[LIB: REASON] text
 * (_ssl.c:line)" from OpenSSL's error `code` (0: none), `text` (NULL:
 * OpenSSL's reason text), and for a certificate verification failure
 * `verify` (the verify result, its code in `verify_code`).  VAL_NULL. */
typedef struct SslErrorInfo {
    SslErrorKind kind;
    int ssl_errno;              /* args[0]: an SSL_ERROR_* or a reason code */
    unsigned long code;         /* OpenSSL's packed error, or 0 */
    const char *text;
    Value verify;               /* str, or VAL_NULL */
    long verify_code;
    int line;
} SslErrorInfo;
Value ssl_raise(const SslErrorInfo *info);
/* OpenSSL's last error (or `text` when not NULL) as SSLError; the error
 * queue cleared.  CPython's _setSSLError.  VAL_NULL. */
Value ssl_raise_lib(const char *text, int line);
/* SSLError with a plain message, as PyErr_SetString gives. */
Value ssl_raise_simple(const char *message);

/* ---- certificates (ssl_cert.c) ---------------------------------------------- */

/* The dict getpeercert() returns for cert (CPython's _decode_certificate). */
Value ssl_cert_to_dict(X509 *cert);
/* The certificate's DER bytes. */
Value ssl_cert_to_der(X509 *cert);
/* An _ssl.Certificate holding (a reference to) cert; the type added to
 * the module. */
Value ssl_certificate_new(X509 *cert);
void ssl_certificate_add(Value module);

/* ---- contexts (ssl_context.c) ----------------------------------------------- */

typedef struct ObjSSLContext {
    Object ob;
    SSL_CTX *ctx;
    int protocol;               /* PROTOCOL_* as given */
    bool check_hostname, post_handshake_auth;
    Value sni_callback;         /* None or a callable */
    unsigned char *alpn;        /* _set_alpn_protocols' wire form (malloc), or NULL */
    unsigned int alpn_len;
    Value keylog_filename;      /* None, or the name keylog is open on */
    FILE *keylog;               /* the TLS secrets log (NSS key log format), or NULL */
} ObjSSLContext;

extern ObjType ssl_context_type;
void ssl_context_add(Value module);

/* ---- sockets (ssl_socket.c) ------------------------------------------------- */

typedef struct ObjMemoryBIO {
    Object ob;
    BIO *bio;
    bool eof_written;
} ObjMemoryBIO;

extern ObjType ssl_memorybio_type, ssl_session_type;

/* _SSLContext._wrap_socket / _wrap_bio: a new _SSLSocket over the socket
 * `sock`, or (sock VAL_NULL) over the two BIOs. */
Value ssl_socket_new(ObjSSLContext *ctx, Value sock, ObjMemoryBIO *in, ObjMemoryBIO *out,
                     bool server_side, Value hostname, Value owner, Value session);
void ssl_socket_add(Value module);
/* The Python object an SSL callback hands to Python code (the owner, else
 * the socket, else the _SSLSocket itself), for the SSL* running it. */
Value ssl_socket_for_callback(SSL *ssl);

/* (name, protocol, secret bits) of a cipher: cipher() and shared_ciphers(). */
Value ssl_cipher_tuple(const SSL_CIPHER *cipher);

#endif
