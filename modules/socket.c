/*
 * socket.c — the `_socket` module Lib/socket.py is built on, CPython's
 * Modules/socketmodule.c, in its minimal part: the socket type for
 * AF_UNIX, AF_INET, AF_INET6 (stream and datagram) and AF_VSOCK, messages
 * with ancillary data (sendmsg, recvmsg, recvmsg_into: SCM_RIGHTS,
 * SCM_CREDENTIALS), socketpair, name resolution (getaddrinfo,
 * gethostname, gethostbyname...), address conversions (inet_aton/ntoa/
 * pton/ntop, htons...), network interfaces (if_nameindex...), timeouts
 * and the error types; constants for the rest.
 *
 * Blocking and timeouts as CPython does them (sock_call): a socket with a
 * timeout is non-blocking underneath; each operation first waits with
 * poll() for the descriptor to be ready (TimeoutError "timed out" when the
 * time runs out), then makes the call.  Every wait and every call that may
 * block releases the interpreter lock; a signal that interrupts one runs
 * its handlers and the operation goes on (PEP 475) unless a handler
 * raised.  While the lock is released the code touches only C memory.
 *
 * Not here (yet): other families (AF_PACKET, AF_NETLINK, AF_CAN...),
 * getnameinfo, getservbyname/port, getprotobyname, sethostname.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <netdb.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/vm_sockets.h>
#include <unistd.h>
#include "modules/modutil.h"
#include "modules/posix.h"
#include "runtime/version.h"
#include "vm/thread.h"
#include "vm/vm.h"

#ifndef SOL_UDP
#define SOL_UDP 17              /* linux/socket.h; CPython defines it too */
#endif
#ifndef UDPLITE_SEND_CSCOV      /* linux/udp.h, which glibc's headers lack */
#define UDPLITE_SEND_CSCOV 10
#define UDPLITE_RECV_CSCOV 11
#endif

typedef struct ObjSocket {
    Object ob;
    int fd;                     /* -1 once closed or detached */
    int family, type, proto;
    int64_t timeout_ns;         /* -1: blocking, no timeout */
} ObjSocket;

static ObjType socket_type;
#define SOCK(v) VAL_AS(ObjSocket, v)

static int64_t default_timeout = -1;

static ObjType gaierror_type = {
    .ob.type = &rt_type_type, .name = "socket.gaierror", .base = &rt_OSError,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};
static ObjType herror_type = {
    .ob.type = &rt_type_type, .name = "socket.herror", .base = &rt_OSError,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

static Value raise_gai(int err)
{
    if (err == EAI_SYSTEM)
        return mod_posix_error();
    return rt_raise_args(&gaierror_type,
                         rt_tuple_pack(2, small_new(err), rt_str_from_cstr(gai_strerror(err))));
}

static bool c_int(Value v, int *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && rt_int_as_int(i, out);
}

/* ---- timeouts ------------------------------------------------------------------- */

/* A timeout argument: None is -1; else seconds >= 0, in ns. */
static bool timeout_arg(Value v, int64_t *ns)
{
    if (v == rt_None) {
        *ns = -1;
        return true;
    }
    double d;
    if (!mod_as_double(v, &d))
        return false;
    if (isnan(d)) {
        rt_raisef(&rt_ValueError, "Invalid value NaN (not a number)");
        return false;
    }
    if (d < 0) {
        rt_raisef(&rt_ValueError, "Timeout value out of range");
        return false;
    }
    *ns = (int64_t)ceil(d * 1e9);
    return true;
}

static Value timeout_value(int64_t ns)
{
    return ns < 0 ? rt_None : rt_float_new((double)ns / 1e9);
}

static void set_blocking(int fd, bool blocking)
{
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK);
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- the one way an operation runs (CPython's sock_call_ex) --------------------- */

/* An operation on the socket's descriptor, run without the interpreter
 * lock: it returns the system call's result (< 0 with errno set). */
typedef ssize_t (*SockOp)(int fd, void *ctx);

/* Run op, waiting for the descriptor first when the socket has a timeout.
 * false with the exception set (OSError, TimeoutError, or what a signal
 * handler raised). */
static bool sock_call(ObjSocket *s, bool writing, SockOp op, void *ctx, ssize_t *result)
{
    /* A signal that came since the last safe point would not interrupt
     * the wait, which may last for ever: its handlers run first. */
    if (!vm_check_interrupt())
        return false;
    int64_t deadline = s->timeout_ns > 0 ? now_ns() + s->timeout_ns : 0;
    for (;;) {
        if (s->timeout_ns > 0) {
            int64_t left = deadline - now_ns();
            struct pollfd p = { .fd = s->fd, .events = writing ? POLLOUT : POLLIN };
            int ms = left <= 0 ? 0 : (int)((left + 999999) / 1000000);
            vm_release_lock();
            int n = poll(&p, 1, ms);
            int err = errno;
            vm_reacquire_lock();
            if (n == 0) {
                rt_raisef(&rt_TimeoutError, "timed out");
                return false;
            }
            if (n < 0) {
                if (err == EINTR && vm_check_interrupt())
                    continue;
                errno = err;
                if (err != EINTR)
                    mod_posix_error();
                return false;
            }
        }
        vm_release_lock();
        ssize_t r = op(s->fd, ctx);
        int err = errno;
        vm_reacquire_lock();
        if (r >= 0) {
            *result = r;
            return true;
        }
        if (err == EINTR) {
            if (!vm_check_interrupt())
                return false;
            continue;
        }
        if (s->timeout_ns > 0 && (err == EWOULDBLOCK || err == EAGAIN))
            continue;
        errno = err;
        mod_posix_error();
        return false;
    }
}

static bool open_socket(Value self)
{
    if (SOCK(self)->fd >= 0)
        return true;
    errno = EBADF;
    mod_posix_error();
    return false;
}

/* ---- addresses -------------------------------------------------------------------- */

typedef union SockAddr {
    struct sockaddr sa;
    struct sockaddr_un un;
    struct sockaddr_in in;
    struct sockaddr_in6 in6;
    struct sockaddr_vm vm;
    struct sockaddr_storage storage;
} SockAddr;

/* CPython's setipaddr: '' is any address, '<broadcast>' the broadcast
 * address, a numeric address is parsed, a name is resolved. */
static bool ip_address(Value host, int family, SockAddr *out)
{
    const char *name;
    if (rt_is_str(host)) {
        name = rt_str_cstr(host);
        if (strlen(name) != rt_str_nbytes(host)) {
            rt_raisef(&rt_TypeError, "host name must not contain null character");
            return false;
        }
    } else if (IS_EXACT(host, rt_bytes_type)) {
        name = (const char *)AS_BYTES(host)->data;
    } else {
        rt_raisef(&rt_TypeError, "str, bytes or bytearray expected, not %T", host);
        return false;
    }
    if (family == AF_INET && (name[0] == 0 || strcmp(name, "<broadcast>") == 0)) {
        out->in.sin_addr.s_addr = htonl(name[0] == 0 ? INADDR_ANY : INADDR_BROADCAST);
        return true;
    }
    if (family == AF_INET6 && name[0] == 0) {
        out->in6.sin6_addr = in6addr_any;
        return true;
    }
    void *dst = family == AF_INET ? (void *)&out->in.sin_addr : (void *)&out->in6.sin6_addr;
    if (inet_pton(family, name, dst) == 1)
        return true;
    struct addrinfo hints = { .ai_family = family }, *res;
    vm_release_lock();
    int err = getaddrinfo(name, NULL, &hints, &res);
    vm_reacquire_lock();
    if (err != 0) {
        raise_gai(err);
        return false;
    }
    memcpy(dst, family == AF_INET ? (void *)&((struct sockaddr_in *)res->ai_addr)->sin_addr
                                  : (void *)&((struct sockaddr_in6 *)res->ai_addr)->sin6_addr,
           family == AF_INET ? sizeof(struct in_addr) : sizeof(struct in6_addr));
    freeaddrinfo(res);
    return true;
}

static bool port_arg(Value v, const char *caller, unsigned short *port)
{
    int p;
    if (!c_int(v, &p))
        return false;
    if (p < 0 || p > 0xffff) {
        rt_raisef(&rt_OverflowError, "%s(): port must be 0-65535.", caller);
        return false;
    }
    *port = htons((unsigned short)p);
    return true;
}

/* An AF_VSOCK address: (context id, port), two C unsigned ints. */
static bool vsock_address_arg(Value a, SockAddr *out, socklen_t *len)
{
    uint64_t cid, port;
    if (!is_tuple(a) || AS_TUPLE(a)->length != 2) {
        rt_raisef(&rt_TypeError, "getsockaddrarg() argument must be a (cid, port) tuple");
        return false;
    }
    if (!mod_as_unsigned(AS_TUPLE(a)->items[0], false, &cid) ||
        !mod_as_unsigned(AS_TUPLE(a)->items[1], false, &port))
        return false;
    out->vm.svm_family = AF_VSOCK;
    out->vm.svm_cid = (unsigned)cid;
    out->vm.svm_port = (unsigned)port;
    *len = sizeof out->vm;
    return true;
}

/* CPython's getsockaddrarg: a Python address for the socket's family. */
static bool address_arg(ObjSocket *s, Value a, const char *caller, SockAddr *out,
                        socklen_t *len)
{
    memset(out, 0, sizeof *out);
    if (s->family == AF_UNIX) {
        const char *path;
        size_t n;
        if (rt_is_str(a)) {
            if ((path = mod_posix_fsencode(a, &n)) == NULL)
                return false;
        } else {
            ModBuffer b;
            if (!mod_get_buffer(a, &b)) {
                rt_err_clear();
                rt_raisef(&rt_TypeError, "a bytes-like object is required, not '%s'",
                          val_type(a)->name);
                return false;
            }
            path = (const char *)b.data;
            n = b.len;
        }
        if (n >= sizeof out->un.sun_path) {
            rt_raisef(&rt_OSError, "AF_UNIX path too long");
            return false;
        }
        out->un.sun_family = AF_UNIX;
        memcpy(out->un.sun_path, path, n);
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + (n > 0 && path[0] != 0));
        return true;
    }
    if (s->family == AF_VSOCK)
        return vsock_address_arg(a, out, len);
    if (s->family != AF_INET && s->family != AF_INET6) {
        rt_raisef(&rt_OSError, "%s(): bad family", caller);
        return false;
    }
    const char *fam = s->family == AF_INET ? "AF_INET" : "AF_INET6";
    if (!rt_isinstance_of(a, &rt_tuple_type)) {
        rt_raisef(&rt_TypeError, "%s(): %s address must be tuple, not %s", caller, fam,
                  val_type(a)->name);
        return false;
    }
    ObjTuple *t = AS_TUPLE(a);
    size_t max = s->family == AF_INET ? 2 : 4;
    if (t->length < 2 || t->length > max) {
        if (s->family == AF_INET)
            rt_raisef(&rt_TypeError, "AF_INET address must be a pair (host, port)");
        else
            rt_raisef(&rt_TypeError, "AF_INET6 address must be a tuple "
                      "(host, port[, flowinfo[, scopeid]])");
        return false;
    }
    unsigned short port;
    if (!ip_address(t->items[0], s->family, out) || !port_arg(t->items[1], caller, &port))
        return false;
    if (s->family == AF_INET) {
        out->in.sin_family = AF_INET;
        out->in.sin_port = port;
        *len = sizeof out->in;
        return true;
    }
    int flow = 0, scope = 0;
    if ((t->length > 2 && !c_int(t->items[2], &flow)) ||
        (t->length > 3 && !c_int(t->items[3], &scope)))
        return false;
    out->in6.sin6_family = AF_INET6;
    out->in6.sin6_port = port;
    out->in6.sin6_flowinfo = htonl((uint32_t)flow);
    out->in6.sin6_scope_id = (uint32_t)scope;
    *len = sizeof out->in6;
    return true;
}

/* CPython's makesockaddr: a C address as Python shows it. */
static Value address_value(const SockAddr *a, socklen_t len)
{
    if (len == 0)
        return rt_None;
    char buf[INET6_ADDRSTRLEN];
    switch (a->sa.sa_family) {
    case AF_UNIX: {
        size_t n = len > offsetof(struct sockaddr_un, sun_path)
                 ? len - offsetof(struct sockaddr_un, sun_path) : 0;
        if (n > 0 && a->un.sun_path[0] == 0)        /* Linux's abstract namespace */
            return rt_bytes_new((const unsigned char *)a->un.sun_path, n);
        n = strnlen(a->un.sun_path, n);
        return mod_posix_name(a->un.sun_path, n, false);
    }
    case AF_INET:
        inet_ntop(AF_INET, &a->in.sin_addr, buf, sizeof buf);
        return rt_tuple_pack(2, rt_str_from_cstr(buf), small_new(ntohs(a->in.sin_port)));
    case AF_INET6:
        inet_ntop(AF_INET6, &a->in6.sin6_addr, buf, sizeof buf);
        return rt_tuple_pack(4, rt_str_from_cstr(buf), small_new(ntohs(a->in6.sin6_port)),
                             rt_int_from_i64(ntohl(a->in6.sin6_flowinfo)),
                             rt_int_from_i64(a->in6.sin6_scope_id));
    case AF_VSOCK:
        return rt_tuple_pack(2, rt_int_from_u64(a->vm.svm_cid), rt_int_from_u64(a->vm.svm_port));
    default:
        return rt_tuple_pack(2, small_new(a->sa.sa_family),
                             rt_bytes_new((const unsigned char *)a->sa.sa_data,
                                          sizeof a->sa.sa_data));
    }
}

/* ---- the socket type: creation ----------------------------------------------------- */

static void socket_setup(ObjSocket *s, int fd, int family, int type, int proto)
{
    s->fd = fd;
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    s->timeout_ns = (type & SOCK_NONBLOCK) ? 0 : default_timeout;
    if (s->timeout_ns >= 0)
        set_blocking(fd, false);
}

static ObjSocket *socket_alloc(ObjType *type)
{
    ObjSocket *s = rt_alloc_instance(type, sizeof(ObjSocket));
    s->fd = -1;
    s->family = AF_INET;
    s->type = SOCK_STREAM;
    s->timeout_ns = -1;
    return s;
}

/* socket(family=-1, type=-1, proto=-1, fileno=None): a new socket, or one
 * over an open descriptor (its family, type and protocol asked from it). */
static bool socket_init(ObjSocket *s, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "family", "type", "proto", "fileno" };
    static const ArgSpec spec = { "socket", names, 4, 0, 0, 4, false };
    Value a[4];
    int family = -1, type = -1, proto = -1;
    if (!rt_parse_args(&spec, args, nargs, kw, a) ||
        (a[0] != VAL_NULL && !c_int(a[0], &family)) ||
        (a[1] != VAL_NULL && !c_int(a[1], &type)) ||
        (a[2] != VAL_NULL && !c_int(a[2], &proto)))
        return false;
    int fd;
    if (a[3] != VAL_NULL && a[3] != rt_None) {
        if (!c_int(a[3], &fd))
            return false;
        if (fd < 0) {
            rt_raisef(&rt_ValueError, "negative file descriptor");
            return false;
        }
        SockAddr addr;
        socklen_t len = sizeof addr;
        socklen_t il = sizeof(int);
        if (getsockname(fd, &addr.sa, &len) != 0 ||
            (type == -1 && getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &il) != 0) ||
            (proto == -1 && getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &il) != 0)) {
            mod_posix_error();
            return false;
        }
        if (family == -1)
            family = addr.sa.sa_family;
    } else {
        family = family == -1 ? AF_INET : family;
        type = type == -1 ? SOCK_STREAM : type;
        proto = proto == -1 ? 0 : proto;
        if ((fd = socket(family, type | SOCK_CLOEXEC, proto)) < 0) {
            mod_posix_error();
            return false;
        }
    }
    socket_setup(s, fd, family, type, proto);
    return true;
}

/* A subclass's __init__ (socket.py's socket calls _socket.socket.__init__);
 * the type itself is initialised by its constructor, as pvm's builtin
 * types are. */
static Value sk_init(Value *args, size_t nargs, Value kw)
{
    return socket_init(SOCK(args[0]), args + 1, nargs - 1, kw) ? rt_None : VAL_NULL;
}

static Value socket_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    ObjSocket *s = socket_alloc(type);
    if (type == &socket_type && !socket_init(s, args, nargs, kw))
        return VAL_NULL;
    return obj_val(s);
}


static Value socket_wrap(int fd, int family, int type, int proto)
{
    ObjSocket *s = socket_alloc(&socket_type);
    socket_setup(s, fd, family, type, proto);
    return obj_val(s);
}

/* ---- the socket type: operations --------------------------------------------------- */

typedef struct AddrCtx {
    SockAddr addr;
    socklen_t len;
    int flags;
    char *buf;
    size_t n;
} AddrCtx;

static ssize_t op_accept(int fd, void *ctx)
{
    AddrCtx *c = ctx;
    c->len = sizeof c->addr;
    return accept4(fd, &c->addr.sa, &c->len, SOCK_CLOEXEC);
}

static ssize_t op_recv(int fd, void *ctx)
{
    AddrCtx *c = ctx;
    return recv(fd, c->buf, c->n, c->flags);
}

static ssize_t op_recvfrom(int fd, void *ctx)
{
    AddrCtx *c = ctx;
    c->len = sizeof c->addr;
    return recvfrom(fd, c->buf, c->n, c->flags, &c->addr.sa, &c->len);
}

static ssize_t op_send(int fd, void *ctx)
{
    AddrCtx *c = ctx;
    return send(fd, c->buf, c->n, c->flags | MSG_NOSIGNAL);
}

static ssize_t op_sendto(int fd, void *ctx)
{
    AddrCtx *c = ctx;
    return sendto(fd, c->buf, c->n, c->flags | MSG_NOSIGNAL, &c->addr.sa, c->len);
}

/* _accept() -> (fd, address), for socket.py's accept() */
static Value sk_accept(Value *args, size_t nargs, Value kw)
{
    AddrCtx c;
    ssize_t fd;
    if (!rt_arg_none("_accept", nargs - 1, kw) || !open_socket(args[0]) ||
        !sock_call(SOCK(args[0]), false, op_accept, &c, &fd))
        return VAL_NULL;
    return rt_tuple_pack(2, small_new(fd), address_value(&c.addr, c.len));
}

static Value sk_bind(Value *args, size_t nargs, Value kw)
{
    SockAddr a;
    socklen_t len;
    if (!rt_arg_one("bind", nargs - 1, kw) || !open_socket(args[0]) ||
        !address_arg(SOCK(args[0]), args[1], "bind", &a, &len))
        return VAL_NULL;
    if (bind(SOCK(args[0])->fd, &a.sa, len) != 0)
        return mod_posix_error();
    return rt_None;
}

static Value sk_listen(Value *args, size_t nargs, Value kw)
{
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (!rt_arg_range("listen", nargs - 1, 0, 1) || !open_socket(args[0]) ||
        (nargs == 2 && !c_int(args[1], &backlog)))
        return VAL_NULL;
    if (listen(SOCK(args[0])->fd, backlog < 0 ? 0 : backlog) != 0)
        return mod_posix_error();
    return rt_None;
}

/* connect with CPython's rules: with a timeout, wait for the connection
 * to complete and read its outcome from SO_ERROR.  Returns the errno (0:
 * connected), or -1 with an exception set (a timeout, a signal handler). */
static int do_connect(ObjSocket *s, const SockAddr *a, socklen_t len)
{
    int r, err;
    for (;;) {
        vm_release_lock();
        r = connect(s->fd, &a->sa, len);
        err = errno;
        vm_reacquire_lock();
        if (r == 0)
            return 0;
        if (err != EINTR)
            break;
        if (!vm_check_interrupt())
            return -1;
        if (s->timeout_ns == 0)
            return EINTR;
        err = EINPROGRESS;
        break;
    }
    if (err != EINPROGRESS || s->timeout_ns <= 0)
        return err;
    struct pollfd p = { .fd = s->fd, .events = POLLOUT };
    int64_t deadline = now_ns() + s->timeout_ns;
    for (;;) {
        int64_t left = deadline - now_ns();
        vm_release_lock();
        int n = poll(&p, 1, left <= 0 ? 0 : (int)((left + 999999) / 1000000));
        err = errno;
        vm_reacquire_lock();
        if (n == 0) {
            rt_raisef(&rt_TimeoutError, "timed out");
            return -1;
        }
        if (n > 0)
            break;
        if (err != EINTR)
            return err;
        if (!vm_check_interrupt())
            return -1;
    }
    socklen_t el = sizeof err;
    if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &el) != 0)
        return errno;
    return err;
}

static Value connect_common(Value *args, size_t nargs, Value kw, const char *name, bool ex)
{
    SockAddr a;
    socklen_t len;
    if (!rt_arg_one(name, nargs - 1, kw) || !open_socket(args[0]) ||
        !address_arg(SOCK(args[0]), args[1], name, &a, &len))
        return VAL_NULL;
    int err = do_connect(SOCK(args[0]), &a, len);
    if (err < 0)
        return VAL_NULL;
    if (ex)
        return small_new(err);
    if (err != 0) {
        errno = err;
        return mod_posix_error();
    }
    return rt_None;
}

static Value sk_connect(Value *args, size_t nargs, Value kw)
{
    return connect_common(args, nargs, kw, "connect", false);
}

static Value sk_connect_ex(Value *args, size_t nargs, Value kw)
{
    return connect_common(args, nargs, kw, "connect_ex", true);
}

/* recv(bufsize[, flags]) / recvfrom(bufsize[, flags]) */
static Value recv_common(Value *args, size_t nargs, Value kw, const char *name, bool from)
{
    ssize_t size;
    int flags = 0;
    if (!rt_arg_nokw(name, kw) || !rt_arg_count(name, nargs - 1, 1, 2) ||
        !open_socket(args[0]))
        return VAL_NULL;
    Value i = rt_index(args[1]);
    if (i == VAL_NULL || !mod_int_as_ssize(i, &size) || (nargs == 3 && !c_int(args[2], &flags)))
        return VAL_NULL;
    if (size < 0)
        return rt_raisef(&rt_ValueError, "negative buffersize in %s", name);
    AddrCtx c = { .buf = gc_alloc_atomic((size_t)size + 1), .n = (size_t)size, .flags = flags };
    ssize_t n;
    if (!sock_call(SOCK(args[0]), false, from ? op_recvfrom : op_recv, &c, &n))
        return VAL_NULL;
    Value data = rt_bytes_new((const unsigned char *)c.buf, (size_t)n);
    return from ? rt_tuple_pack(2, data, address_value(&c.addr, c.len)) : data;
}

static Value sk_recv(Value *args, size_t nargs, Value kw)
{
    return recv_common(args, nargs, kw, "recv", false);
}

static Value sk_recvfrom(Value *args, size_t nargs, Value kw)
{
    return recv_common(args, nargs, kw, "recvfrom", true);
}

/*
 * The arguments of recv_into and recvfrom_into: (buffer[, nbytes[, flags]]),
 * by position or by name, into c's buffer, size and flags.  They differ
 * only in the message for an nbytes larger than the buffer.
 */
static bool parse_into_args(const ArgSpec *spec, const char *too_small,
                            Value *args, size_t nargs, Value kw, ModBuffer *b, AddrCtx *c)
{
    Value a[3];
    ssize_t nbytes = 0;
    Value i;
    if (!rt_parse_args(spec, args + 1, nargs - 1, kw, a) || !open_socket(args[0]))
        return false;
    if (!mod_get_writable_buffer(a[0], b)) {
        rt_err_clear();
        rt_raisef(&rt_TypeError, "%s() argument 1 must be read-write "
                  "bytes-like object, not %s", spec->fname, val_type(a[0])->name);
        return false;
    }
    if ((a[1] != VAL_NULL && ((i = rt_index(a[1])) == VAL_NULL || !mod_int_as_ssize(i, &nbytes)))
        || (a[2] != VAL_NULL && !c_int(a[2], &c->flags)))
        return false;
    if (nbytes < 0) {
        rt_raisef(&rt_ValueError, "negative buffersize in %s", spec->fname);
        return false;
    }
    if ((size_t)nbytes > b->len) {
        rt_raisef(&rt_ValueError, "%s", too_small);
        return false;
    }
    c->buf = (char *)b->wdata;
    c->n = nbytes ? (size_t)nbytes : b->len;
    return true;
}

static const char *const into_names[] = { "buffer", "nbytes", "flags" };

/* recv_into(buffer[, nbytes[, flags]]) -> nbytes */
static Value sk_recv_into(Value *args, size_t nargs, Value kw)
{
    static const ArgSpec spec = { "recv_into", into_names, 3, 0, 1, 3, false };
    ModBuffer b;
    AddrCtx c = { .flags = 0 };
    ssize_t n;
    if (!parse_into_args(&spec, "buffer too small for requested bytes", args, nargs, kw, &b, &c)
        || !sock_call(SOCK(args[0]), false, op_recv, &c, &n))
        return VAL_NULL;
    return rt_int_from_i64(n);
}

/* recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address) */
static Value sk_recvfrom_into(Value *args, size_t nargs, Value kw)
{
    static const ArgSpec spec = { "recvfrom_into", into_names, 3, 0, 1, 3, false };
    ModBuffer b;
    AddrCtx c = { .flags = 0 };
    ssize_t n;
    if (!parse_into_args(&spec, "nbytes is greater than the length of the buffer",
                         args, nargs, kw, &b, &c)
        || !sock_call(SOCK(args[0]), false, op_recvfrom, &c, &n))
        return VAL_NULL;
    return rt_tuple_pack(2, rt_int_from_i64(n), address_value(&c.addr, c.len));
}

/* send(data[, flags]) -> bytes sent */
static Value sk_send(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int flags = 0;
    if (!rt_arg_count("send", nargs - 1, 1, 2) || !open_socket(args[0]) ||
        !mod_get_buffer(args[1], &b) || (nargs == 3 && !c_int(args[2], &flags)))
        return VAL_NULL;
    AddrCtx c = { .buf = (char *)b.data, .n = b.len, .flags = flags };
    ssize_t n;
    if (!sock_call(SOCK(args[0]), true, op_send, &c, &n))
        return VAL_NULL;
    return rt_int_from_i64(n);
}

/* sendall(data[, flags]): send until everything is sent. */
static Value sk_sendall(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int flags = 0;
    if (!rt_arg_count("sendall", nargs - 1, 1, 2) || !open_socket(args[0]) ||
        !mod_get_buffer(args[1], &b) || (nargs == 3 && !c_int(args[2], &flags)))
        return VAL_NULL;
    AddrCtx c = { .buf = (char *)b.data, .n = b.len, .flags = flags };
    while (c.n > 0) {
        ssize_t n;
        if (!sock_call(SOCK(args[0]), true, op_send, &c, &n))
            return VAL_NULL;
        c.buf += n;
        c.n -= (size_t)n;
        /* A signal that cut a send short gives no EINTR: its handler runs
         * here (and may raise), as CPython's sendall checks between sends. */
        if (!vm_check_interrupt())
            return VAL_NULL;
    }
    return rt_None;
}

/* sendto(data[, flags], address) */
static Value sk_sendto(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    AddrCtx c = { 0 };
    if (!rt_arg_count("sendto", nargs - 1, 2, 3) || !open_socket(args[0]) ||
        !mod_get_buffer(args[1], &b) || (nargs == 4 && !c_int(args[2], &c.flags)) ||
        !address_arg(SOCK(args[0]), args[nargs - 1], "sendto", &c.addr, &c.len))
        return VAL_NULL;
    c.buf = (char *)b.data;
    c.n = b.len;
    ssize_t n;
    if (!sock_call(SOCK(args[0]), true, op_sendto, &c, &n))
        return VAL_NULL;
    return rt_int_from_i64(n);
}

/* ---- messages with ancillary data: sendmsg, recvmsg, recvmsg_into ----------------- */

/* A message (struct msghdr) carries its data in several buffers (an iovec
 * each) and, beside it, ancillary data: control messages, each a header
 * (struct cmsghdr: length, level, type) followed by its data, padded to
 * an alignment.  CMSG_LEN(n) is the length of an item with n bytes of
 * data, CMSG_SPACE(n) the room it takes with its padding.  SCM_RIGHTS
 * passes descriptors this way: the receiver gets new descriptors for the
 * same open files.
 *
 * CPython keeps every length below SOCKLEN_T_LIMIT, the smaller of 2**31-1
 * and INT_MAX (socklen_t was int in the BSD interface); so does pvm, with
 * the same errors. */
#define SOCKLEN_T_LIMIT 0x7fffffff

/* CMSG_LEN(length), or false when the result would pass the limit. */
static bool cmsg_len(size_t length, size_t *out)
{
    if (length > SOCKLEN_T_LIMIT - CMSG_LEN(0))
        return false;
    *out = CMSG_LEN(length);
    return true;
}

/* CMSG_SPACE(length), likewise; CMSG_SPACE(1) counts the padding both
 * before and after the data. */
static bool cmsg_space(size_t length, size_t *out)
{
    if (length > SOCKLEN_T_LIMIT - CMSG_SPACE(1))
        return false;
    *out = CMSG_SPACE(length);
    return true;
}

/* The sequence argument of sendmsg and recvmsg_into as a list, with
 * CPython's message when it cannot be iterated (PySequence_Fast). */
static Value sequence_arg(Value v, const char *message)
{
    Value it = rt_iter(v);
    if (it == VAL_NULL) {
        if (rt_err_matches(&rt_TypeError)) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "%s", message);
        }
        return VAL_NULL;
    }
    return rt_sequence_to_list(it);
}

/* The buffers argument of sendmsg (bytes-like objects, read) and of
 * recvmsg_into (writable ones): one iovec per item, in msg.  fname names
 * the function in the errors. */
static bool buffers_arg(Value arg, const char *fname, bool writable, struct msghdr *msg)
{
    char message[64];
    snprintf(message, sizeof message, "%s() argument 1 must be an iterable", fname);
    Value list = sequence_arg(arg, message);
    if (list == VAL_NULL)
        return false;
    size_t n = AS_LIST(list)->length;
    struct iovec *iov = gc_alloc(n * sizeof *iov + 1);
    for (size_t i = 0; i < n; i++) {
        ModBuffer b;
        Value item = AS_LIST(list)->items[i];
        if (writable && !mod_get_writable_buffer(item, &b)) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "%s of single-segment read-write buffers", message);
            return false;
        }
        if (!writable && !mod_get_buffer(item, &b))
            return false;
        iov[i].iov_base = writable ? (void *)b.wdata : (void *)b.data;
        iov[i].iov_len = b.len;
    }
    msg->msg_iov = iov;
    msg->msg_iovlen = n;
    return true;
}

/* One item of sendmsg's ancillary data: a (level, type, data) sequence,
 * parsed as CPython's "(iiy*)" format does. */
typedef struct ControlItem {
    int level, type;
    ModBuffer data;
} ControlItem;

static bool control_item(Value v, ControlItem *out)
{
    static const char where[] = "[sendmsg() ancillary data items]()";
    if (!is_tuple(v) && !is_list(v)) {
        rt_raisef(&rt_TypeError, "%s argument must be 3-item sequence, not %s", where,
                  val_type(v)->name);
        return false;
    }
    Value *items = is_tuple(v) ? AS_TUPLE(v)->items : AS_LIST(v)->items;
    size_t n = is_tuple(v) ? AS_TUPLE(v)->length : AS_LIST(v)->length;
    if (n != 3) {
        rt_raisef(&rt_TypeError, "%s argument must be sequence of length 3, not %zu", where, n);
        return false;
    }
    return c_int(items[0], &out->level) && c_int(items[1], &out->type) &&
           mod_get_buffer(items[2], &out->data);
}

/* sendmsg's ancillary data, laid out in a control buffer of the
 * CMSG_SPACE of each item. */
static bool send_control(Value arg, struct msghdr *msg)
{
    Value list = sequence_arg(arg, "sendmsg() argument 2 must be an iterable");
    if (list == VAL_NULL)
        return false;
    size_t n = AS_LIST(list)->length, total = 0;
    if (n == 0)
        return true;
    ControlItem *items = gc_alloc(n * sizeof *items);
    for (size_t i = 0; i < n; i++) {
        size_t space;
        if (!control_item(AS_LIST(list)->items[i], &items[i]))
            return false;
        if (!cmsg_space(items[i].data.len, &space)) {
            rt_raisef(&rt_OSError, "ancillary data item too large");
            return false;
        }
        total += space;
        if (total > SOCKLEN_T_LIMIT) {
            rt_raisef(&rt_OSError, "too much ancillary data");
            return false;
        }
    }
    /* Zeroed: glibc's CMSG_NXTHDR reads the next header's length. */
    msg->msg_control = gc_alloc(total);
    msg->msg_controllen = total;
    struct cmsghdr *c = CMSG_FIRSTHDR(msg);
    for (size_t i = 0; i < n; i++, c = CMSG_NXTHDR(msg, c)) {
        c->cmsg_len = CMSG_LEN(items[i].data.len);
        c->cmsg_level = items[i].level;
        c->cmsg_type = items[i].type;
        memcpy(CMSG_DATA(c), items[i].data.data, items[i].data.len);
    }
    return true;
}

typedef struct MsgCtx {
    struct msghdr msg;
    int flags;
} MsgCtx;

static ssize_t op_sendmsg(int fd, void *ctx)
{
    MsgCtx *c = ctx;
    return sendmsg(fd, &c->msg, c->flags | MSG_NOSIGNAL);
}

static ssize_t op_recvmsg(int fd, void *ctx)
{
    MsgCtx *c = ctx;
    return recvmsg(fd, &c->msg, c->flags);
}

/* sendmsg(buffers[, ancdata[, flags[, address]]]) -> bytes sent */
static Value sk_sendmsg(Value *args, size_t nargs, Value kw)
{
    MsgCtx c = { .flags = 0 };
    SockAddr addr;
    socklen_t addrlen;
    if (!rt_arg_nokw("socket.sendmsg", kw) || !rt_arg_count("sendmsg", nargs - 1, 1, 4) ||
        !open_socket(args[0]) || (nargs > 3 && !c_int(args[3], &c.flags)))
        return VAL_NULL;
    if (nargs > 4 && args[4] != rt_None) {
        if (!address_arg(SOCK(args[0]), args[4], "sendmsg", &addr, &addrlen))
            return VAL_NULL;
        c.msg.msg_name = &addr;
        c.msg.msg_namelen = addrlen;
    }
    ssize_t n;
    if (!buffers_arg(args[1], "sendmsg", false, &c.msg) || (nargs > 2 && !send_control(args[2], &c.msg)) ||
        !sock_call(SOCK(args[0]), true, op_sendmsg, &c, &n))
        return VAL_NULL;
    return rt_int_from_i64(n);
}

/* How much of a received item's data lies in the control buffer (CPython's
 * get_cmsg_data_len): 0 all of it, its length in *len; 1 only part (the
 * buffer was too small), what there is in *len; -1 not even its header. */
static int received_data_len(const struct msghdr *msg, const struct cmsghdr *c, size_t *len)
{
    size_t offset = (size_t)((const char *)c - (const char *)msg->msg_control);
    if (offset + CMSG_LEN(0) > msg->msg_controllen || c->cmsg_len < CMSG_LEN(0))
        return -1;
    size_t whole = c->cmsg_len - CMSG_LEN(0);
    size_t there = msg->msg_controllen - offset - CMSG_LEN(0);
    *len = whole <= there ? whole : there;
    return whole <= there ? 0 : 1;
}

/* Close the descriptors an SCM_RIGHTS item brought, when the call that
 * received them fails after all: nobody else would. */
static void close_received_fds(const struct msghdr *msg)
{
    size_t len;
    for (struct cmsghdr *c = msg->msg_controllen > 0 ? CMSG_FIRSTHDR(msg) : NULL; c != NULL;
         c = CMSG_NXTHDR((struct msghdr *)msg, c)) {
        int status = received_data_len(msg, c, &len);
        if (status < 0)
            break;
        for (size_t i = 0; c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS &&
                           i + sizeof(int) <= len; i += sizeof(int)) {
            int fd;
            memcpy(&fd, CMSG_DATA(c) + i, sizeof fd);
            close(fd);
        }
        if (status != 0)
            break;
    }
}

/* The received control messages as a list of (level, type, data); an item
 * cut short by a small buffer is given as far as it goes, with CPython's
 * RuntimeWarning.  VAL_NULL when the warning is made an error. */
static Value received_control(const struct msghdr *msg)
{
    Value list = rt_list_new(0);
    size_t len;
    for (struct cmsghdr *c = msg->msg_controllen > 0 ? CMSG_FIRSTHDR(msg) : NULL; c != NULL;
         c = CMSG_NXTHDR((struct msghdr *)msg, c)) {
        int status = received_data_len(msg, c, &len);
        if (status != 0 &&
            rt_warn(&rt_RuntimeWarning,
                    "received malformed or improperly-truncated ancillary data", 1) < 0)
            return VAL_NULL;
        if (status < 0)
            break;
        rt_list_append(list, rt_tuple_pack(3, small_new(c->cmsg_level),
                                           small_new(c->cmsg_type),
                                           rt_bytes_new(CMSG_DATA(c), len)));
        if (status != 0)
            break;
    }
    return list;
}

/* What recvmsg and recvmsg_into share (CPython's sock_recvmsg_guts):
 * receive into c's iovecs with a control buffer of controllen bytes, and
 * return (None, ancdata, msg_flags, address); the caller puts its first
 * item in place of None.  *received is the byte count. */
static Value receive_message(ObjSocket *s, MsgCtx *c, ssize_t controllen, ssize_t *received)
{
    if (controllen < 0 || controllen > SOCKLEN_T_LIMIT)
        return rt_raisef(&rt_ValueError, "invalid ancillary data buffer length");
    SockAddr addr;
    memset(&addr, 0, sizeof addr);
    addr.sa.sa_family = AF_UNSPEC;
    c->msg.msg_name = &addr;
    c->msg.msg_namelen = sizeof addr;
    c->msg.msg_control = controllen > 0 ? gc_alloc_atomic((size_t)controllen) : NULL;
    c->msg.msg_controllen = (size_t)controllen;
    if (!sock_call(s, false, op_recvmsg, c, received))
        return VAL_NULL;
    Value ancdata = received_control(&c->msg);
    if (ancdata == VAL_NULL) {
        close_received_fds(&c->msg);
        return VAL_NULL;
    }
    socklen_t namelen = c->msg.msg_namelen < sizeof addr ? c->msg.msg_namelen : sizeof addr;
    return rt_tuple_pack(4, rt_None, ancdata, rt_int_from_i64(c->msg.msg_flags),
                         address_value(&addr, namelen));
}

/* The optional arguments recvmsg and recvmsg_into share: ancbufsize
 * (args[2], 0 by default) and flags (args[3]). */
static bool recv_options(Value *args, size_t nargs, ssize_t *ancbufsize, int *flags)
{
    Value i;
    *ancbufsize = 0;
    *flags = 0;
    return (nargs < 3 || ((i = rt_index(args[2])) != VAL_NULL && mod_int_as_ssize(i, ancbufsize)))
           && (nargs < 4 || c_int(args[3], flags));
}

/* recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address) */
static Value sk_recvmsg(Value *args, size_t nargs, Value kw)
{
    ssize_t size, ancbufsize, n;
    MsgCtx c = { .flags = 0 };
    Value i;
    if (!rt_arg_nokw("socket.recvmsg", kw) || !rt_arg_count("recvmsg", nargs - 1, 1, 3) ||
        !open_socket(args[0]) || (i = rt_index(args[1])) == VAL_NULL ||
        !mod_int_as_ssize(i, &size) || !recv_options(args, nargs, &ancbufsize, &c.flags))
        return VAL_NULL;
    if (size < 0)
        return rt_raisef(&rt_ValueError, "negative buffer size in recvmsg()");
    struct iovec iov = { gc_alloc_atomic((size_t)size + 1), (size_t)size };
    c.msg.msg_iov = &iov;
    c.msg.msg_iovlen = 1;
    Value r = receive_message(SOCK(args[0]), &c, ancbufsize, &n);
    if (r != VAL_NULL)
        AS_TUPLE(r)->items[0] = rt_bytes_new(iov.iov_base, (size_t)n);
    return r;
}

/* recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address) */
static Value sk_recvmsg_into(Value *args, size_t nargs, Value kw)
{
    ssize_t ancbufsize, n;
    MsgCtx c = { .flags = 0 };
    if (!rt_arg_nokw("socket.recvmsg_into", kw) ||
        !rt_arg_count("recvmsg_into", nargs - 1, 1, 3) || !open_socket(args[0]) ||
        !recv_options(args, nargs, &ancbufsize, &c.flags) ||
        !buffers_arg(args[1], "recvmsg_into", true, &c.msg))
        return VAL_NULL;
    Value r = receive_message(SOCK(args[0]), &c, ancbufsize, &n);
    if (r != VAL_NULL)
        AS_TUPLE(r)->items[0] = rt_int_from_i64(n);
    return r;
}

static Value sk_shutdown(Value *args, size_t nargs, Value kw)
{
    int how;
    if (!rt_arg_one("shutdown", nargs - 1, kw) || !open_socket(args[0]) ||
        !c_int(args[1], &how))
        return VAL_NULL;
    if (shutdown(SOCK(args[0])->fd, how) != 0)
        return mod_posix_error();
    return rt_None;
}

static Value sk_close(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("close", nargs - 1, kw))
        return VAL_NULL;
    int fd = SOCK(args[0])->fd;
    SOCK(args[0])->fd = -1;
    /* As CPython: ECONNRESET from close() is not an error worth raising. */
    if (fd >= 0 && close(fd) != 0 && errno != ECONNRESET)
        return mod_posix_error();
    return rt_None;
}

/* socket.__del__ (CPython's sock_finalize): a socket collected open warns
 * ResourceWarning "unclosed <its repr>", then its descriptor is closed
 * (after the warning, whose repr may ask the socket its address).  An
 * exception being raised meanwhile is kept; the warning turned into an
 * error is reported as unraisable. */
static Value sk_del(Value *args, size_t nargs, Value kw)
{
    ObjSocket *s = SOCK(args[0]);
    if (s->fd < 0)
        return rt_None;
    Value saved = rt_err_fetch();
    Value msg = rt_str_format_c("unclosed %R", args[0]);
    if (msg == VAL_NULL || rt_warn_resource(args[0], msg) < 0) {
        if (rt_err_matches(&rt_Warning))
            rt_write_unraisable_while("finalizing socket", args[0]);
        rt_err_clear();
    }
    if (saved != VAL_NULL)
        rt_raise(saved);
    int fd = s->fd;
    s->fd = -1;
    if (fd >= 0)
        close(fd);
    return rt_None;
}

static Value sk_detach(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("detach", nargs - 1, kw))
        return VAL_NULL;
    int fd = SOCK(args[0])->fd;
    SOCK(args[0])->fd = -1;
    return small_new(fd);
}

static Value sk_fileno(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("fileno", nargs - 1, kw) ? small_new(SOCK(args[0])->fd) : VAL_NULL;
}

static Value name_of(Value *args, size_t nargs, Value kw, const char *fname, bool peer)
{
    SockAddr a;
    socklen_t len = sizeof a;
    if (!rt_arg_none(fname, nargs - 1, kw) || !open_socket(args[0]))
        return VAL_NULL;
    memset(&a, 0, sizeof a);
    int r = peer ? getpeername(SOCK(args[0])->fd, &a.sa, &len)
                 : getsockname(SOCK(args[0])->fd, &a.sa, &len);
    if (r != 0)
        return mod_posix_error();
    return address_value(&a, len);
}

static Value sk_getsockname(Value *args, size_t nargs, Value kw)
{
    return name_of(args, nargs, kw, "getsockname", false);
}

static Value sk_getpeername(Value *args, size_t nargs, Value kw)
{
    return name_of(args, nargs, kw, "getpeername", true);
}

/* setsockopt(level, option, value: int | buffer | None, [optlen]) */
static Value sk_setsockopt(Value *args, size_t nargs, Value kw)
{
    int level, opt, r;
    if (!rt_arg_count("setsockopt", nargs - 1, 3, 4) || !open_socket(args[0]) ||
        !c_int(args[1], &level) || !c_int(args[2], &opt))
        return VAL_NULL;
    int fd = SOCK(args[0])->fd;
    if (SOCK(args[0])->family == AF_VSOCK) {       /* its options are 64 bits wide */
        uint64_t v;
        if (!mod_as_unsigned(args[3], true, &v))
            return VAL_NULL;
        r = setsockopt(fd, level, opt, &v, sizeof v);
    } else if (is_int(args[3]) || rt_isinstance_of(args[3], &rt_int_type)) {
        int v;
        if (!c_int(args[3], &v))
            return VAL_NULL;
        r = setsockopt(fd, level, opt, &v, sizeof v);
    } else {
        ModBuffer b;
        if (!mod_get_buffer(args[3], &b))
            return VAL_NULL;
        r = setsockopt(fd, level, opt, b.data, (socklen_t)b.len);
    }
    if (r != 0)
        return mod_posix_error();
    return rt_None;
}

/* getsockopt(level, option[, buflen]) -> int, or bytes with buflen */
static Value sk_getsockopt(Value *args, size_t nargs, Value kw)
{
    int level, opt, buflen = 0;
    if (!rt_arg_count("getsockopt", nargs - 1, 2, 3) || !open_socket(args[0]) ||
        !c_int(args[1], &level) || !c_int(args[2], &opt) ||
        (nargs == 4 && !c_int(args[3], &buflen)))
        return VAL_NULL;
    int fd = SOCK(args[0])->fd;
    if (nargs < 4 && SOCK(args[0])->family == AF_VSOCK) {
        uint64_t v = 0;
        socklen_t l = sizeof v;
        if (getsockopt(fd, level, opt, &v, &l) != 0)
            return mod_posix_error();
        return rt_int_from_u64(v);
    }
    if (nargs < 4) {
        int v = 0;
        socklen_t l = sizeof v;
        if (getsockopt(fd, level, opt, &v, &l) != 0)
            return mod_posix_error();
        return small_new(v);
    }
    if (buflen <= 0 || buflen > 1024)
        return rt_raisef(&rt_OSError, "getsockopt buflen out of range");
    unsigned char buf[1024];
    socklen_t l = (socklen_t)buflen;
    if (getsockopt(fd, level, opt, buf, &l) != 0)
        return mod_posix_error();
    return rt_bytes_new(buf, l);
}

static Value sk_settimeout(Value *args, size_t nargs, Value kw)
{
    int64_t ns;
    if (!rt_arg_one("settimeout", nargs - 1, kw) || !timeout_arg(args[1], &ns))
        return VAL_NULL;
    SOCK(args[0])->timeout_ns = ns;
    if (SOCK(args[0])->fd >= 0)
        set_blocking(SOCK(args[0])->fd, ns < 0);
    return rt_None;
}

static Value sk_gettimeout(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("gettimeout", nargs - 1, kw))
        return VAL_NULL;
    return timeout_value(SOCK(args[0])->timeout_ns);
}

static Value sk_setblocking(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("setblocking", nargs - 1, kw))
        return VAL_NULL;
    int on = rt_truthy(args[1]);
    if (on < 0)
        return VAL_NULL;
    SOCK(args[0])->timeout_ns = on ? -1 : 0;
    if (SOCK(args[0])->fd >= 0)
        set_blocking(SOCK(args[0])->fd, on);
    return rt_None;
}

static Value sk_getblocking(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("getblocking", nargs - 1, kw) || !open_socket(args[0]))
        return VAL_NULL;
    return rt_bool(SOCK(args[0])->timeout_ns != 0);
}

static Value sk_repr(Value self)
{
    ObjSocket *s = SOCK(self);
    return rt_str_format_c("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd,
                           s->family, s->type, s->proto);
}

static Value sk_family(Value self) { return small_new(SOCK(self)->family); }
static Value sk_type(Value self) { return small_new(SOCK(self)->type); }
static Value sk_proto(Value self) { return small_new(SOCK(self)->proto); }
static Value sk_timeout(Value self) { return timeout_value(SOCK(self)->timeout_ns); }

static const GetSetDef socket_getsets[] = {
    {"family", sk_family, 0, "the socket family"},
    {"type", sk_type, 0, "the socket type"},
    {"proto", sk_proto, 0, "the socket protocol"},
    {"timeout", sk_timeout, 0, "the socket timeout"},
    {NULL}
};

static const MethodDef socket_methods[] = {
    {"__init__", sk_init}, {"_accept", sk_accept}, {"bind", sk_bind}, {"listen", sk_listen},
    {"connect", sk_connect}, {"connect_ex", sk_connect_ex}, {"recv", sk_recv},
    {"recvfrom", sk_recvfrom}, {"recv_into", sk_recv_into}, {"recvfrom_into", sk_recvfrom_into}, {"send", sk_send},
    {"sendall", sk_sendall}, {"sendto", sk_sendto}, {"sendmsg", sk_sendmsg},
    {"recvmsg", sk_recvmsg}, {"recvmsg_into", sk_recvmsg_into}, {"shutdown", sk_shutdown},
    {"close", sk_close}, {"detach", sk_detach}, {"fileno", sk_fileno},
    {"getsockname", sk_getsockname}, {"getpeername", sk_getpeername},
    {"setsockopt", sk_setsockopt}, {"getsockopt", sk_getsockopt},
    {"settimeout", sk_settimeout}, {"gettimeout", sk_gettimeout},
    {"setblocking", sk_setblocking}, {"getblocking", sk_getblocking}, {"__del__", sk_del},
    {NULL, NULL}
};

static ObjType socket_type = {
    .ob.type = &rt_type_type, .name = "_socket.socket",
    .flags = TF_BASETYPE,       /* not weakly referenceable, as in CPython */
    .instance_size = sizeof(ObjSocket),
    .new_ = socket_new, .repr = sk_repr, .getsets = socket_getsets,
};

/* ---- what _ssl reads of a socket (modutil.h) ---------------------------------------- */

bool mod_is_socket(Value v)
{
    return rt_isinstance_of(v, &socket_type);
}

int mod_socket_fd(Value sock)
{
    return SOCK(sock)->fd;
}

int64_t mod_socket_timeout(Value sock)
{
    return SOCK(sock)->timeout_ns;
}

/* ---- module functions ---------------------------------------------------------------- */

/* socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0) */
static Value so_socketpair(Value *args, size_t nargs, Value kw)
{
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0, sv[2];
    if (!rt_arg_nokw("socketpair", kw) || !rt_arg_range("socketpair", nargs, 0, 3) ||
        (nargs > 0 && !c_int(args[0], &family)) || (nargs > 1 && !c_int(args[1], &type)) ||
        (nargs > 2 && !c_int(args[2], &proto)))
        return VAL_NULL;
    if (socketpair(family, type | SOCK_CLOEXEC, proto, sv) != 0)
        return mod_posix_error();
    return rt_tuple_pack(2, socket_wrap(sv[0], family, type, proto),
                         socket_wrap(sv[1], family, type, proto));
}

static Value so_gethostname(Value *args, size_t nargs, Value kw)
{
    char buf[1025];
    if (!rt_arg_none("gethostname", nargs, kw))
        return VAL_NULL;
    if (gethostname(buf, sizeof buf - 1) != 0)
        return mod_posix_error();
    buf[sizeof buf - 1] = 0;
    return mod_posix_name(buf, strlen(buf), false);
}

/* A host or port argument of getaddrinfo: None, str or bytes (or an int port). */
static bool name_arg(Value v, bool is_port, const char **out, char *numbuf, size_t numlen)
{
    *out = NULL;
    if (v == rt_None)
        return true;
    if (rt_is_str(v)) {
        *out = rt_str_cstr(v);
        return true;
    }
    if (IS_EXACT(v, rt_bytes_type)) {
        *out = (const char *)AS_BYTES(v)->data;
        return true;
    }
    if (is_port && (is_int(v) || rt_isinstance_of(v, &rt_int_type))) {
        int64_t n;
        if (!rt_int_as_i64(v, &n))
            return false;
        snprintf(numbuf, numlen, "%lld", (long long)n);
        *out = numbuf;
        return true;
    }
    if (is_port)
        rt_raisef(&rt_OSError, "Int or String expected");
    else
        rt_raisef(&rt_TypeError, "getaddrinfo() argument 1 must be string or None");
    return false;
}

/* getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) */
static Value so_getaddrinfo(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "host", "port", "family", "type", "proto", "flags" };
    static const ArgSpec spec = { "getaddrinfo", names, 6, 0, 2, 6, false };
    Value a[6];
    int n[4] = { 0, 0, 0, 0 };
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    for (int i = 0; i < 4; i++)
        if (a[2 + i] != VAL_NULL && !c_int(a[2 + i], &n[i]))
            return VAL_NULL;
    const char *host, *port;
    char portbuf[32];
    if (!name_arg(a[0], false, &host, NULL, 0) ||
        !name_arg(a[1], true, &port, portbuf, sizeof portbuf))
        return VAL_NULL;
    struct addrinfo hints = { .ai_family = n[0], .ai_socktype = n[1], .ai_protocol = n[2],
                              .ai_flags = n[3] }, *res;
    vm_release_lock();
    int err = getaddrinfo(host, port, &hints, &res);
    vm_reacquire_lock();
    if (err != 0)
        return raise_gai(err);
    Value list = rt_list_new(0);
    for (struct addrinfo *r = res; r != NULL; r = r->ai_next) {
        SockAddr sa;
        memset(&sa, 0, sizeof sa);
        memcpy(&sa, r->ai_addr, r->ai_addrlen);
        rt_list_append(list, rt_tuple_pack(5, small_new(r->ai_family),
                                           small_new(r->ai_socktype),
                                           small_new(r->ai_protocol),
                                           rt_str_from_cstr(r->ai_canonname ? r->ai_canonname : ""),
                                           address_value(&sa, r->ai_addrlen)));
    }
    freeaddrinfo(res);
    return list;
}

/* getnameinfo(sockaddr, flags) -> (host, port): sockaddr is (host, port)
 * or, for IPv6, (host, port, flowinfo, scope_id); the host must be a
 * numeric address (getaddrinfo with AI_NUMERICHOST: a name is gaierror)
 * that resolves to exactly one, then getnameinfo(3) names it and its port
 * as flags ask (NI_NUMERICHOST, NI_NUMERICSERV, ...). */
static Value so_getnameinfo(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "sockaddr", "flags" };
    static const ArgSpec spec = { "getnameinfo", names, 2, 0, 2, 2, false };
    Value a[2];
    int flags, port;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !c_int(a[1], &flags))
        return VAL_NULL;
    if (!rt_isinstance_of(a[0], &rt_tuple_type))
        return rt_raisef(&rt_TypeError, "getnameinfo() argument 1 must be a tuple");
    /* CPython's "si|II" format: a str (else, or another length, this one
     * TypeError), an int (its own errors), then unsigned ints taken modulo
     * 2**32. */
    size_t n = rt_tuple_len(a[0]);
    if (n < 2 || n > 4 || !is_str(rt_tuple_get(a[0], 0)))
        return rt_raisef(&rt_TypeError, "getnameinfo(): illegal sockaddr argument");
    int64_t extra[3] = { 0, 0, 0 };
    for (size_t i = 1; i < n; i++) {
        Value v = rt_index(rt_tuple_get(a[0], i));
        if (v == VAL_NULL)
            return VAL_NULL;
        if (!rt_int_as_i64(v, &extra[i - 1])) {
            rt_err_clear();
            extra[i - 1] = rt_int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
        }
    }
    if (extra[0] > INT_MAX || extra[0] < INT_MIN)
        return rt_raisef(&rt_OverflowError, "signed integer is %s",
                         extra[0] > 0 ? "greater than maximum" : "less than minimum");
    port = (int)extra[0];
    uint32_t flowinfo = (uint32_t)extra[1], scope_id = (uint32_t)extra[2];
    if (flowinfo > 0xfffff)
        return rt_raisef(&rt_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
    char pbuf[NI_MAXSERV], hbuf[NI_MAXHOST];
    snprintf(pbuf, sizeof pbuf, "%d", port);
    struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_DGRAM,
                              .ai_flags = AI_NUMERICHOST }, *res;
    const char *host = rt_str_cstr(rt_tuple_get(a[0], 0));
    vm_release_lock();
    int err = getaddrinfo(host, pbuf, &hints, &res);
    vm_reacquire_lock();
    if (err != 0)
        return raise_gai(err);
    if (res->ai_next != NULL) {
        freeaddrinfo(res);
        return rt_raisef(&rt_OSError, "sockaddr resolved to multiple addresses");
    }
    if (res->ai_family == AF_INET && n != 2) {
        freeaddrinfo(res);
        return rt_raisef(&rt_OSError, "IPv4 sockaddr must be 2 tuple");
    }
    if (res->ai_family == AF_INET6) {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)res->ai_addr;
        in6->sin6_flowinfo = htonl(flowinfo);
        in6->sin6_scope_id = scope_id;
    }
    vm_release_lock();
    err = getnameinfo(res->ai_addr, res->ai_addrlen, hbuf, sizeof hbuf, pbuf, sizeof pbuf,
                      flags);
    vm_reacquire_lock();
    freeaddrinfo(res);
    if (err != 0)
        return raise_gai(err);
    return rt_tuple_pack(2, rt_str_from_cstr(hbuf), rt_str_from_cstr(pbuf));
}

static Value so_gethostbyname(Value *args, size_t nargs, Value kw)
{
    SockAddr sa;
    char buf[INET_ADDRSTRLEN];
    if (!rt_arg_one("gethostbyname", nargs, kw) || !ip_address(args[0], AF_INET, &sa))
        return VAL_NULL;
    inet_ntop(AF_INET, &sa.in.sin_addr, buf, sizeof buf);
    return rt_str_from_cstr(buf);
}

/* gethostbyaddr's and gethostbyname_ex's result: (name, aliases,
 * addresses), or socket.herror (h_errno, its message). */
static Value host_value(struct hostent *h, int herr)
{
    if (h == NULL)
        return rt_raise_args(&herror_type,
                             rt_tuple_pack(2, small_new(herr), rt_str_from_cstr(hstrerror(herr))));
    Value aliases = rt_list_new(0), addrs = rt_list_new(0);
    for (char **a = h->h_aliases; a != NULL && *a != NULL; a++)
        rt_list_append(aliases, rt_str_from_cstr(*a));
    for (char **a = h->h_addr_list; a != NULL && *a != NULL; a++) {
        char buf[INET6_ADDRSTRLEN];
        inet_ntop(h->h_addrtype, *a, buf, sizeof buf);
        rt_list_append(addrs, rt_str_from_cstr(buf));
    }
    return rt_tuple_pack(3, rt_str_from_cstr(h->h_name), aliases, addrs);
}

/* The host argument of gethostbyaddr and gethostbyname_ex ("et"). */
static bool host_arg(const char *fname, Value host)
{
    if (rt_is_str(host) || IS_EXACT(host, rt_bytes_type) || IS_EXACT(host, rt_bytearray_type))
        return true;
    rt_raisef(&rt_TypeError, "%s() argument 1 must be str, bytes or bytearray, not %s", fname,
              host == rt_None ? "None" : val_type(host)->name);
    return false;
}

static Value so_gethostbyaddr(Value *args, size_t nargs, Value kw)
{
    SockAddr sa;
    if (!rt_arg_one("gethostbyaddr", nargs, kw) || !host_arg("gethostbyaddr", args[0]))
        return VAL_NULL;
    int family = rt_is_str(args[0]) && inet_pton(AF_INET6, rt_str_cstr(args[0]),
                                                  &sa.in6.sin6_addr) == 1 ? AF_INET6 : AF_INET;
    if (family == AF_INET && !ip_address(args[0], AF_INET, &sa))
        return VAL_NULL;
    const void *addr = family == AF_INET ? (void *)&sa.in.sin_addr : (void *)&sa.in6.sin6_addr;
    socklen_t len = family == AF_INET ? sizeof sa.in.sin_addr : sizeof sa.in6.sin6_addr;
    struct hostent hbuf, *h = NULL;
    char buf[16384];
    int herr = 0;
    vm_release_lock();
    gethostbyaddr_r(addr, len, family, &hbuf, buf, sizeof buf, &h, &herr);
    vm_reacquire_lock();
    return host_value(h, herr);
}

static Value so_gethostbyname_ex(Value *args, size_t nargs, Value kw)
{
    SockAddr sa;
    char name[INET_ADDRSTRLEN];
    if (!rt_arg_one("gethostbyname_ex", nargs, kw) || !host_arg("gethostbyname_ex", args[0]) ||
        !ip_address(args[0], AF_INET, &sa))
        return VAL_NULL;
    inet_ntop(AF_INET, &sa.in.sin_addr, name, sizeof name);
    const char *query = rt_is_str(args[0]) ? rt_str_cstr(args[0]) : name;
    struct hostent hbuf, *h = NULL;
    char buf[16384];
    int herr = 0;
    vm_release_lock();
    gethostbyname_r(query, &hbuf, buf, sizeof buf, &h, &herr);
    vm_reacquire_lock();
    return host_value(h, herr);
}

static Value so_getdefaulttimeout(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("getdefaulttimeout", nargs, kw) ? timeout_value(default_timeout)
                                                        : VAL_NULL;
}

static Value so_setdefaulttimeout(Value *args, size_t nargs, Value kw)
{
    int64_t ns;
    if (!rt_arg_one("setdefaulttimeout", nargs, kw) || !timeout_arg(args[0], &ns))
        return VAL_NULL;
    default_timeout = ns;
    return rt_None;
}

static Value so_close(Value *args, size_t nargs, Value kw)
{
    int fd;
    if (!rt_arg_one("close", nargs, kw) || !c_int(args[0], &fd))
        return VAL_NULL;
    if (close(fd) != 0 && errno != ECONNRESET)
        return mod_posix_error();
    return rt_None;
}

static Value so_dup(Value *args, size_t nargs, Value kw)
{
    int fd;
    if (!rt_arg_one("dup", nargs, kw) || !c_int(args[0], &fd))
        return VAL_NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? mod_posix_error() : small_new(r);
}

/* inet_pton(family, str) -> packed bytes; inet_ntop(family, packed) -> str */
static Value so_inet_pton(Value *args, size_t nargs, Value kw)
{
    int family;
    unsigned char buf[sizeof(struct in6_addr)];
    if (!rt_arg_range("inet_pton", nargs, 2, 2) || !c_int(args[0], &family))
        return VAL_NULL;
    if (!rt_is_str(args[1]))
        return rt_raisef(&rt_TypeError, "inet_pton() argument 2 must be str, not %T", args[1]);
    int r = inet_pton(family, rt_str_cstr(args[1]), buf);
    if (r < 0)
        return mod_posix_error();
    if (r == 0)
        return rt_raisef(&rt_OSError, "illegal IP address string passed to inet_pton");
    return rt_bytes_new(buf, family == AF_INET ? 4 : 16);
}

static Value so_inet_ntop(Value *args, size_t nargs, Value kw)
{
    int family;
    ModBuffer b;
    char out[INET6_ADDRSTRLEN];
    if (!rt_arg_range("inet_ntop", nargs, 2, 2) || !c_int(args[0], &family) ||
        !mod_get_buffer(args[1], &b))
        return VAL_NULL;
    if (family == AF_INET && b.len != 4)
        return rt_raisef(&rt_ValueError, "invalid length of packed IP address string");
    if (family == AF_INET6 && b.len != 16)
        return rt_raisef(&rt_ValueError, "invalid length of packed IP address string");
    if (family != AF_INET && family != AF_INET6)
        return rt_raisef(&rt_ValueError, "unknown address family %d", family);
    if (inet_ntop(family, b.data, out, sizeof out) == NULL)
        return mod_posix_error();
    return rt_str_from_cstr(out);
}

static Value so_inet_aton(Value *args, size_t nargs, Value kw)
{
    struct in_addr a;
    if (!rt_arg_one("inet_aton", nargs, kw))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "inet_aton() argument 1 must be str, not %T", args[0]);
    if (inet_aton(rt_str_cstr(args[0]), &a) == 0)
        return rt_raisef(&rt_OSError, "illegal IP address string passed to inet_aton");
    return rt_bytes_new((const unsigned char *)&a, 4);
}

static Value so_inet_ntoa(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    if (!rt_arg_one("inet_ntoa", nargs, kw) || !mod_get_buffer(args[0], &b))
        return VAL_NULL;
    if (b.len != 4)
        return rt_raisef(&rt_OSError, "packed IP wrong length for inet_ntoa");
    char out[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, b.data, out, sizeof out);
    return rt_str_from_cstr(out);
}

/* htons/ntohs (16 bits), htonl/ntohl (32 bits), with CPython's range checks. */
static Value byte_order(Value *args, size_t nargs, Value kw, const char *name, int bits)
{
    if (!rt_arg_one(name, nargs, kw))
        return VAL_NULL;
    if (!is_int(args[0]) && !rt_isinstance_of(args[0], &rt_int_type))
        return rt_raisef(&rt_TypeError, "'%s' object cannot be interpreted as an integer",
                         val_type(args[0])->name);
    int64_t v;
    if (!rt_int_as_i64(args[0], &v) || v < 0) {
        rt_err_clear();
        return rt_raisef(&rt_OverflowError, rt_int_sign(args[0]) < 0
                         ? "%s: can't convert negative Python int to C %s"
                         : "%s: Python int too large to convert to C %s", name,
                         bits == 16 ? "16-bit unsigned integer" : "unsigned long");
    }
    if (bits == 16) {
        if (v > 0xffff)
            return rt_raisef(&rt_OverflowError,
                             "%s: Python int too large to convert to C 16-bit unsigned integer",
                             name);
        return small_new(htons((uint16_t)v));
    }
    if (v > 0xffffffffLL)
        return rt_raisef(&rt_OverflowError, "int larger than 32 bits");
    return rt_int_from_i64(htonl((uint32_t)v));
}

static Value so_htons(Value *a, size_t n, Value kw) { return byte_order(a, n, kw, "htons", 16); }
static Value so_ntohs(Value *a, size_t n, Value kw) { return byte_order(a, n, kw, "ntohs", 16); }
static Value so_htonl(Value *a, size_t n, Value kw) { return byte_order(a, n, kw, "htonl", 32); }
static Value so_ntohl(Value *a, size_t n, Value kw) { return byte_order(a, n, kw, "ntohl", 32); }

/* CMSG_LEN(length) and CMSG_SPACE(length): the sizes sendmsg and recvmsg
 * work with (see "messages with ancillary data" above). */
static Value cmsg_size(Value *args, size_t nargs, Value kw, const char *name,
                       bool (*size)(size_t, size_t *))
{
    ssize_t length;
    size_t result;
    Value i;
    if (!rt_arg_nokw(name, kw) || !rt_arg_count(name, nargs, 1, 1) ||
        (i = rt_index(args[0])) == VAL_NULL ||
        !mod_int_as_ssize(i, &length))
        return VAL_NULL;
    if (length < 0 || !size((size_t)length, &result))
        return rt_raisef(&rt_OverflowError, "%s() argument out of range", name);
    return rt_int_from_u64(result);
}

static Value so_CMSG_LEN(Value *a, size_t n, Value kw)
{
    return cmsg_size(a, n, kw, "CMSG_LEN", cmsg_len);
}

static Value so_CMSG_SPACE(Value *a, size_t n, Value kw)
{
    return cmsg_size(a, n, kw, "CMSG_SPACE", cmsg_space);
}

/* if_nameindex() -> [(index, name), ...]: the network interfaces. */
static Value so_if_nameindex(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_socket.if_nameindex", nargs, kw))
        return VAL_NULL;
    struct if_nameindex *ni = if_nameindex();
    if (ni == NULL)
        return mod_posix_error();
    Value list = rt_list_new(0);
    for (struct if_nameindex *p = ni; p->if_index != 0; p++)
        rt_list_append(list, rt_tuple_pack(2, rt_int_from_u64(p->if_index),
                                           mod_posix_name(p->if_name, strlen(p->if_name),
                                                          false)));
    if_freenameindex(ni);
    return list;
}

static Value so_if_nametoindex(Value *args, size_t nargs, Value kw)
{
    PathArg p = mod_posix_path_spec("if_nametoindex", "if_name", false, false);
    if (!rt_arg_one("if_nametoindex", nargs, kw) || !mod_posix_fsconvert(args[0], &p))
        return VAL_NULL;
    unsigned index = if_nametoindex(p.narrow);
    if (index == 0)             /* which sets no errno */
        return rt_raisef(&rt_OSError, "no interface with this name");
    return rt_int_from_u64(index);
}

/* if_indextoname(index): the index is read as a C unsigned long
 * (PyLong_AsUnsignedLong's errors) and, up to 3.12, cut to an unsigned
 * int without a word. */
static Value so_if_indextoname(Value *args, size_t nargs, Value kw)
{
    uint64_t index;
    if (!rt_arg_one("if_indextoname", nargs, kw))
        return VAL_NULL;
    if (!is_int(args[0]) && !rt_isinstance_of(args[0], &rt_int_type))
        return rt_raisef(&rt_TypeError, "an integer is required");
    if (rt_int_sign(args[0]) < 0)
        return rt_raisef(&rt_OverflowError, "can't convert negative value to unsigned int");
    if (!rt_int_as_u64(args[0], &index)) {
        rt_err_clear();
        return rt_raisef(&rt_OverflowError,
                         "Python int too large to convert to C unsigned long");
    }
    if (index > UINT_MAX && rt_py_minor >= 13)
        return rt_raisef(&rt_OverflowError, "index is too large");
    char name[IF_NAMESIZE + 1];
    if (if_indextoname((unsigned)index, name) == NULL)
        return mod_posix_error();
    return mod_posix_name(name, strlen(name), false);
}

static const MethodDef socket_functions[] = {
    {"socketpair", so_socketpair}, {"gethostname", so_gethostname},
    {"getaddrinfo", so_getaddrinfo}, {"getnameinfo", so_getnameinfo},
    {"gethostbyname", so_gethostbyname},
    {"gethostbyname_ex", so_gethostbyname_ex}, {"gethostbyaddr", so_gethostbyaddr},
    {"getdefaulttimeout", so_getdefaulttimeout}, {"setdefaulttimeout", so_setdefaulttimeout},
    {"close", so_close}, {"dup", so_dup}, {"inet_pton", so_inet_pton},
    {"inet_ntop", so_inet_ntop}, {"inet_aton", so_inet_aton}, {"inet_ntoa", so_inet_ntoa},
    {"htons", so_htons}, {"ntohs", so_ntohs}, {"htonl", so_htonl}, {"ntohl", so_ntohl},
    {"CMSG_LEN", so_CMSG_LEN}, {"CMSG_SPACE", so_CMSG_SPACE},
    {"if_nameindex", so_if_nameindex}, {"if_nametoindex", so_if_nametoindex},
    {"if_indextoname", so_if_indextoname},
    {NULL, NULL}
};

#define SOCKET_CONSTANTS(X)                                                             \
    X(AF_UNIX) X(AF_INET) X(AF_INET6) X(AF_UNSPEC) X(AF_PACKET) X(AF_NETLINK)            \
    X(SOCK_STREAM) X(SOCK_DGRAM) X(SOCK_RAW) X(SOCK_SEQPACKET) X(SOCK_RDM)               \
    X(SOCK_NONBLOCK) X(SOCK_CLOEXEC) X(SOL_SOCKET) X(SOL_IP) X(SOL_TCP) X(SOL_UDP)       \
    X(SO_REUSEADDR) X(SO_REUSEPORT) X(SO_KEEPALIVE) X(SO_BROADCAST) X(SO_LINGER)         \
    X(SO_RCVBUF) X(SO_SNDBUF) X(SO_RCVLOWAT) X(SO_SNDLOWAT) X(SO_RCVTIMEO) X(SO_SNDTIMEO) \
    X(SO_ERROR) X(SO_TYPE) X(SO_ACCEPTCONN) X(SO_DEBUG) X(SO_DONTROUTE) X(SO_OOBINLINE)  \
    X(SO_PASSCRED) X(SO_PEERCRED) X(SO_PROTOCOL) X(SO_DOMAIN) X(SO_BINDTODEVICE)         \
    X(SOMAXCONN) X(SCM_RIGHTS) X(SCM_CREDENTIALS)                                        \
    X(MSG_OOB) X(MSG_PEEK) X(MSG_DONTROUTE) X(MSG_DONTWAIT) X(MSG_EOR) X(MSG_TRUNC)       \
    X(MSG_CTRUNC) X(MSG_WAITALL) X(MSG_NOSIGNAL) X(MSG_CMSG_CLOEXEC) X(MSG_ERRQUEUE)     \
    X(MSG_CONFIRM) X(MSG_MORE)                                                           \
    X(SHUT_RD) X(SHUT_WR) X(SHUT_RDWR)                                                   \
    X(IPPROTO_IP) X(IPPROTO_TCP) X(IPPROTO_UDP) X(IPPROTO_ICMP) X(IPPROTO_IPV6)          \
    X(IPPROTO_RAW) X(IPPROTO_ICMPV6)                                                     \
    X(IP_TOS) X(IP_TTL) X(IP_HDRINCL) X(IP_OPTIONS) X(IP_MULTICAST_IF)                   \
    X(IP_MULTICAST_TTL) X(IP_MULTICAST_LOOP) X(IP_ADD_MEMBERSHIP) X(IP_DROP_MEMBERSHIP)  \
    X(IPV6_V6ONLY) X(IPV6_UNICAST_HOPS) X(IPV6_MULTICAST_IF) X(IPV6_MULTICAST_HOPS)      \
    X(IPV6_MULTICAST_LOOP) X(IPV6_JOIN_GROUP) X(IPV6_LEAVE_GROUP)                        \
    X(TCP_NODELAY) X(TCP_MAXSEG) X(TCP_KEEPIDLE) X(TCP_KEEPINTVL) X(TCP_KEEPCNT)         \
    X(TCP_CORK) X(TCP_QUICKACK) X(TCP_FASTOPEN) X(TCP_USER_TIMEOUT) X(TCP_NOTSENT_LOWAT) \
    X(AI_PASSIVE) X(AI_CANONNAME) X(AI_NUMERICHOST) X(AI_NUMERICSERV) X(AI_V4MAPPED)     \
    X(AI_ALL) X(AI_ADDRCONFIG)                                                           \
    X(NI_NUMERICHOST) X(NI_NUMERICSERV) X(NI_NOFQDN) X(NI_NAMEREQD) X(NI_DGRAM)          \
    X(NI_MAXHOST) X(NI_MAXSERV)                                                          \
    X(EAI_ADDRFAMILY) X(EAI_AGAIN) X(EAI_BADFLAGS) X(EAI_FAIL) X(EAI_FAMILY)             \
    X(EAI_MEMORY) X(EAI_NODATA) X(EAI_NONAME) X(EAI_OVERFLOW) X(EAI_SERVICE)             \
    X(EAI_SOCKTYPE) X(EAI_SYSTEM)                                                        \
    X(IPPROTO_UDPLITE) X(UDPLITE_SEND_CSCOV) X(UDPLITE_RECV_CSCOV)                       \
    X(IPV6_RECVHOPLIMIT) X(IPV6_HOPLIMIT) X(IPV6_RECVTCLASS) X(IPV6_TCLASS)              \
    X(IPV6_RECVPKTINFO) X(IPV6_PKTINFO) X(IPV6_CHECKSUM) X(IPV6_DONTFRAG)                \
    X(IPV6_DSTOPTS) X(IPV6_HOPOPTS) X(IPV6_NEXTHOP) X(IPV6_PATHMTU) X(IPV6_RECVDSTOPTS)  \
    X(IPV6_RECVHOPOPTS) X(IPV6_RECVPATHMTU) X(IPV6_RECVRTHDR) X(IPV6_RTHDR)              \
    X(IPV6_RTHDRDSTOPTS) X(IPV6_RTHDR_TYPE_0) X(IP_RECVTOS)                              \
    X(AF_VSOCK) X(SO_VM_SOCKETS_BUFFER_SIZE) X(SO_VM_SOCKETS_BUFFER_MIN_SIZE)            \
    X(SO_VM_SOCKETS_BUFFER_MAX_SIZE) X(VMADDR_CID_ANY) X(VMADDR_PORT_ANY)                \
    X(VMADDR_CID_HOST) X(VM_SOCKETS_INVALID_VERSION) X(IOCTL_VM_SOCKETS_GET_LOCAL_CID)

Value mod_socket_init(void)
{
    Value m = mod_module_new("_socket", socket_functions);
#define SET_CONSTANT(name) mod_module_set(m, #name, rt_int_from_i64((int64_t)(name)));
    SOCKET_CONSTANTS(SET_CONSTANT)
#undef SET_CONSTANT
    mod_module_set(m, "INADDR_ANY", rt_int_from_i64(INADDR_ANY));
    mod_module_set(m, "INADDR_BROADCAST", rt_int_from_i64(INADDR_BROADCAST));
    mod_module_set(m, "INADDR_LOOPBACK", rt_int_from_i64(INADDR_LOOPBACK));
    mod_module_set(m, "INADDR_NONE", rt_int_from_i64(INADDR_NONE));
    mod_module_set(m, "has_ipv6", rt_True);
    mod_add_type(m, "socket", &socket_type, socket_methods);
    mod_module_set(m, "SocketType", obj_val(&socket_type));
    if (gaierror_type.mro == VAL_NULL) {
        rt_type_ready(&gaierror_type, NULL);
        rt_type_ready(&herror_type, NULL);
    }
    mod_module_set(m, "error", obj_val(&rt_OSError));
    mod_module_set(m, "timeout", obj_val(&rt_TimeoutError));
    mod_module_set(m, "gaierror", obj_val(&gaierror_type));
    mod_module_set(m, "herror", obj_val(&herror_type));
    return m;
}
