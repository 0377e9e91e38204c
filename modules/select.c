/*
 * select.c — the `select` module for Linux, CPython's
 * Modules/selectmodule.c: select(), poll objects and epoll objects, the
 * waits Lib/selectors.py and Lib/subprocess.py are built on.
 *
 * Every wait releases the interpreter lock (other threads run meanwhile)
 * and, interrupted by a signal, runs the signal's handler and waits again
 * for the time left (PEP 475), unless the handler raised.
 *
 * A descriptor argument is what CPython's PyObject_AsFileDescriptor takes:
 * an int, or an object whose fileno() returns one.  Timeouts are seconds
 * (select, epoll.poll) or milliseconds (poll.poll); None or a negative
 * value waits forever where CPython allows it.
 */
#define _GNU_SOURCE             /* POLLMSG, POLLRDHUP */
#include <errno.h>
#include <math.h>
#include <limits.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>
#include "modules/modutil.h"
#include "modules/posix.h"
#include "vm/thread.h"
#include "vm/vm.h"

/* ---- arguments ---------------------------------------------------------------- */

/* A timeout in seconds as CPython reads it (_PyTime_ROUND_TIMEOUT), in
 * ns; None is -1 (forever). */
static bool timeout_ns(Value v, double unit, int64_t *ns)
{
    if (v == VAL_NULL || v == rt_None) {
        *ns = -1;
        return true;
    }
    double d;
    if (is_float(v)) {
        d = rt_float_value(v);
        if (isnan(d)) {
            rt_raisef(&rt_ValueError, "Invalid value NaN (not a number)");
            return false;
        }
    } else {
        Value i = rt_index(v);
        int64_t n;
        if (i == VAL_NULL) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "timeout must be an integer or None");
            return false;
        }
        if (!rt_int_as_i64(i, &n))
            return false;
        d = (double)n;
    }
    d *= unit;
    if (!(d > -9.2e18 && d < 9.2e18)) {
        rt_raisef(&rt_OverflowError, "timeout doesn't fit into C timeval");
        return false;
    }
    *ns = (int64_t)(d < 0 ? floor(d) : ceil(d));
    return true;
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* After EINTR: the signal handlers run (false if one raised); *left is
 * what remains of a timeout (never below 0). */
static bool after_interrupt(int64_t deadline, int64_t *left)
{
    if (!vm_check_interrupt())
        return false;
    if (*left >= 0) {
        *left = deadline - now_ns();
        if (*left < 0)
            *left = 0;
    }
    return true;
}

static int ms_of(int64_t ns)
{
    if (ns < 0)
        return -1;
    int64_t ms = (ns + 999999) / 1000000;
    return ms > INT_MAX ? INT_MAX : (int)ms;
}

/* Run wait(ctx, left) — one select/poll/epoll_wait given what is left of
 * the timeout in ns (-1: forever) — with the interpreter lock released,
 * and again after each signal whose handlers return (PEP 475).  Its
 * result, or -1 with the exception set. */
typedef int (*WaitFn)(void *ctx, int64_t left);

static int wait_retrying(WaitFn wait, void *ctx, int64_t left)
{
    /* A signal that came since the last safe point would not interrupt
     * the wait: its handlers run first. */
    if (!vm_check_interrupt())
        return -1;
    int64_t deadline = now_ns() + left;
    for (;;) {
        vm_release_lock();
        int n = wait(ctx, left);
        int err = errno;
        vm_reacquire_lock();
        if (n >= 0)
            return n;
        if (err != EINTR) {
            errno = err;
            mod_posix_error();
            return -1;
        }
        if (!after_interrupt(deadline, &left))
            return -1;
    }
}

/* ---- select() ------------------------------------------------------------------ */

typedef struct FdList {
    Value items;        /* the objects given, as a list */
    int *fds;
} FdList;

static bool fd_list(Value v, FdList *l, int *maxfd)
{
    Value seq = rt_isinstance_of(v, &rt_list_type) || rt_isinstance_of(v, &rt_tuple_type)
              ? v : VAL_NULL;
    if (seq == VAL_NULL) {
        Value it = rt_iter(v);
        if (it == VAL_NULL) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "arguments 1-3 must be sequences");
            return false;
        }
        seq = rt_list_new(0);
        for (Value x; (x = rt_next(it)) != VAL_NULL;)
            rt_list_append(seq, x);
        if (rt_err_occurred())
            return false;
    }
    /* A fileno() method may change the list under us (CPython issue 16230):
     * its length and items are read afresh at every step. */
    bool is_list = rt_isinstance_of(seq, &rt_list_type);
    size_t cap = 8;
    l->items = rt_list_new(0);
    l->fds = gc_alloc_atomic(cap * sizeof(int));
    for (size_t i = 0; i < (is_list ? AS_LIST(seq)->length : AS_TUPLE(seq)->length); i++) {
        if (i >= FD_SETSIZE) {
            rt_raisef(&rt_ValueError, "too many file descriptors in select()");
            return false;
        }
        if (i == cap) {
            cap *= 2;
            l->fds = gc_realloc(l->fds, cap * sizeof(int));
        }
        Value x = is_list ? AS_LIST(seq)->items[i] : AS_TUPLE(seq)->items[i];
        rt_list_append(l->items, x);
        if (!mod_posix_fileno(x, &l->fds[i]))
            return false;
        if (l->fds[i] >= FD_SETSIZE) {
            rt_raisef(&rt_ValueError, "filedescriptor out of range in select()");
            return false;
        }
        if (l->fds[i] > *maxfd)
            *maxfd = l->fds[i];
    }
    return true;
}

static void fill(fd_set *set, const FdList *l)
{
    FD_ZERO(set);
    for (size_t i = 0; i < AS_LIST(l->items)->length; i++)
        FD_SET(l->fds[i], set);
}

static Value ready(const fd_set *set, const FdList *l)
{
    Value out = rt_list_new(0);
    for (size_t i = 0; i < AS_LIST(l->items)->length; i++)
        if (FD_ISSET(l->fds[i], set))
            rt_list_append(out, AS_LIST(l->items)->items[i]);
    return out;
}

typedef struct SelectWait {
    FdList *lists;
    int maxfd;
    fd_set sets[3];
} SelectWait;

static int select_wait(void *ctx, int64_t left)
{
    SelectWait *w = ctx;
    for (int i = 0; i < 3; i++)
        fill(&w->sets[i], &w->lists[i]);
    struct timeval tv = { (time_t)(left / 1000000000), (long)(left % 1000000000 + 999) / 1000 };
    return select(w->maxfd + 1, &w->sets[0], &w->sets[1], &w->sets[2], left < 0 ? NULL : &tv);
}

/* select(rlist, wlist, xlist, timeout=None) -> (ready to read, write, exceptional) */
static Value sel_select(Value *args, size_t nargs, Value kw)
{
    FdList l[3];
    int maxfd = -1;
    int64_t left;
    if (!rt_arg_nokw("select", kw) || !rt_arg_range("select", nargs, 3, 4))
        return VAL_NULL;
    for (int i = 0; i < 3; i++)
        if (!fd_list(args[i], &l[i], &maxfd))
            return VAL_NULL;
    if (!timeout_ns(nargs == 4 ? args[3] : VAL_NULL, 1e9, &left)) {
        if (rt_err_matches(&rt_TypeError)) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "timeout must be a float or None");
        }
        return VAL_NULL;
    }
    if (left < -1 || (left < 0 && nargs == 4 && args[3] != rt_None))
        return rt_raisef(&rt_ValueError, "timeout must be non-negative");
    SelectWait w = { l, maxfd };
    int n = wait_retrying(select_wait, &w, left);
    if (n < 0)
        return VAL_NULL;
    if (n == 0)
        return rt_tuple_pack(3, rt_list_new(0), rt_list_new(0), rt_list_new(0));
    return rt_tuple_pack(3, ready(&w.sets[0], &l[0]), ready(&w.sets[1], &l[1]),
                         ready(&w.sets[2], &l[2]));
}

/* ---- poll objects --------------------------------------------------------------- */

typedef struct ObjPoll {
    Object ob;
    Value fds;                  /* dict: fd -> event mask */
    bool polling;               /* a poll() is waiting (in another thread) */
} ObjPoll;

static ObjType poll_type;
#define POLL(v) VAL_AS(ObjPoll, v)

static bool mask_arg(Value v, unsigned short dflt, unsigned short *mask)
{
    if (v == VAL_NULL) {
        *mask = dflt;
        return true;
    }
    Value i = rt_index(v);
    int64_t n;
    if (i == VAL_NULL || !rt_int_as_i64(i, &n))
        return false;
    if (n < 0) {
        rt_raisef(&rt_ValueError, "value must be positive");
        return false;
    }
    if (n > USHRT_MAX) {
        rt_raisef(&rt_OverflowError, "Python int too large for C unsigned short");
        return false;
    }
    *mask = (unsigned short)n;
    return true;
}

static Value sel_poll(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("poll", nargs, kw))
        return VAL_NULL;
    ObjPoll *p = gc_alloc(sizeof *p);
    p->ob.type = &poll_type;
    p->fds = rt_dict_new();
    return obj_val(p);
}

/* register(fd, eventmask=POLLIN|POLLPRI|POLLOUT) */
static Value poll_register(Value *args, size_t nargs, Value kw)
{
    int fd;
    unsigned short mask;
    if (!rt_arg_nokw("register", kw) || !rt_arg_range("register", nargs - 1, 1, 2) ||
        !mod_posix_fileno(args[1], &fd) ||
        !mask_arg(nargs == 3 ? args[2] : VAL_NULL, POLLIN | POLLPRI | POLLOUT, &mask))
        return VAL_NULL;
    rt_dict_set(POLL(args[0])->fds, small_new(fd), small_new(mask));
    return rt_None;
}

static Value poll_modify(Value *args, size_t nargs, Value kw)
{
    int fd;
    unsigned short mask;
    if (!rt_arg_nokw("modify", kw) || !rt_arg_range("modify", nargs - 1, 2, 2) ||
        !mod_posix_fileno(args[1], &fd) || !mask_arg(args[2], 0, &mask))
        return VAL_NULL;
    if (rt_dict_get(POLL(args[0])->fds, small_new(fd), NULL) == VAL_NULL) {
        errno = ENOENT;
        return mod_posix_error();
    }
    rt_dict_set(POLL(args[0])->fds, small_new(fd), small_new(mask));
    return rt_None;
}

static Value poll_unregister(Value *args, size_t nargs, Value kw)
{
    int fd;
    if (!rt_arg_one("unregister", nargs - 1, kw) || !mod_posix_fileno(args[1], &fd))
        return VAL_NULL;
    if (rt_dict_get(POLL(args[0])->fds, small_new(fd), NULL) == VAL_NULL)
        return rt_raise_args(&rt_KeyError, rt_tuple_pack(1, args[1]));
    rt_dict_del(POLL(args[0])->fds, small_new(fd));
    return rt_None;
}

typedef struct PollWait {
    struct pollfd *fds;
    size_t n;
} PollWait;

static int poll_wait(void *ctx, int64_t left)
{
    PollWait *w = ctx;
    return poll(w->fds, w->n, ms_of(left));
}

/* poll(timeout=None) -> [(fd, events)], timeout in milliseconds */
static Value poll_poll(Value *args, size_t nargs, Value kw)
{
    int64_t left;
    if (!rt_arg_nokw("poll", kw) || !rt_arg_range("poll", nargs - 1, 0, 1) ||
        !timeout_ns(nargs == 2 ? args[1] : VAL_NULL, 1e6, &left))
        return VAL_NULL;
    if (left < 0)
        left = -1;
    ObjPoll *p = POLL(args[0]);
    if (p->polling)
        return rt_raisef(&rt_RuntimeError, "concurrent poll() invocation");
    Value fds = p->fds;
    size_t count = (size_t)rt_len(fds);
    struct pollfd *pfd = gc_alloc_atomic((count + 1) * sizeof *pfd);
    Value k, v;
    size_t n = 0;
    for (size_t i = 0; rt_dict_next(fds, &i, &k, &v); n++)
        pfd[n] = (struct pollfd){ .fd = (int)small_value(k), .events = (short)small_value(v) };
    PollWait w = { pfd, n };
    p->polling = true;
    int r = wait_retrying(poll_wait, &w, left);
    p->polling = false;
    if (r < 0)
        return VAL_NULL;
    Value out = rt_list_new(0);
    for (size_t i = 0; i < n; i++)
        if (pfd[i].revents != 0)
            rt_list_append(out, rt_tuple_pack(2, small_new(pfd[i].fd),
                                              small_new((unsigned short)pfd[i].revents)));
    return out;
}

static const MethodDef poll_methods[] = {
    {"register", poll_register}, {"modify", poll_modify}, {"unregister", poll_unregister},
    {"poll", poll_poll}, {NULL, NULL}
};

static ObjType poll_type = {
    .ob.type = &rt_type_type, .name = "select.poll", .new_ = mod_no_new,
};

/* ---- epoll objects ---------------------------------------------------------------- */

typedef struct ObjEpoll {
    Object ob;
    int fd;                     /* -1 once closed */
} ObjEpoll;

static ObjType epoll_type;
#define EPOLL(v) VAL_AS(ObjEpoll, v)

static void epoll_finalize(void *obj, void *data)
{
    ObjEpoll *e = obj;
    if (e->fd >= 0)
        close(e->fd);
}

static Value epoll_wrap(ObjType *type, int fd)
{
    ObjEpoll *e = rt_alloc_instance(type, sizeof(ObjEpoll));
    e->fd = fd;
    gc_register_finalizer(e, epoll_finalize, NULL);
    return obj_val(e);
}

/* epoll(sizehint=-1, flags=0) */
static Value epoll_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "sizehint", "flags" };
    static const ArgSpec spec = { "epoll", names, 2, 0, 0, 2, false };
    Value a[2];
    int sizehint = -1, flags = 0;
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    if (a[0] != VAL_NULL) {
        Value i = rt_index(a[0]);
        if (i == VAL_NULL || !rt_int_as_int(i, &sizehint))
            return VAL_NULL;
        if (sizehint == 0 || sizehint < -1)
            return rt_raisef(&rt_ValueError, "negative sizehint");
    }
    if (a[1] != VAL_NULL) {
        Value i = rt_index(a[1]);
        if (i == VAL_NULL || !rt_int_as_int(i, &flags))
            return VAL_NULL;
        if (flags != 0 && flags != EPOLL_CLOEXEC)
            return rt_raisef(&rt_OSError, "invalid flags");
    }
    int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0)
        return mod_posix_error();
    return epoll_wrap(type, fd);
}

static bool epoll_open(Value self)
{
    if (EPOLL(self)->fd >= 0)
        return true;
    rt_raisef(&rt_ValueError, "I/O operation on closed epoll object");
    return false;
}

static Value epoll_ctl_call(Value self, int op, Value fdv, Value maskv)
{
    int fd;
    if (!epoll_open(self) || !mod_posix_fileno(fdv, &fd))
        return VAL_NULL;
    struct epoll_event ev = { .events = EPOLLIN | EPOLLPRI | EPOLLOUT, .data.fd = fd };
    if (maskv != VAL_NULL) {
        Value i = rt_index(maskv);
        uint64_t m;
        if (i == VAL_NULL || !rt_int_as_u64(i, &m))
            return VAL_NULL;
        ev.events = (uint32_t)m;
    }
    if (epoll_ctl(EPOLL(self)->fd, op, fd, &ev) != 0)
        return mod_posix_error();
    return rt_None;
}

/* register(fd, eventmask=EPOLLIN|EPOLLPRI|EPOLLOUT) */
static Value epoll_register(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "fd", "eventmask" };
    static const ArgSpec spec = { "register", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    return epoll_ctl_call(args[0], EPOLL_CTL_ADD, a[0], a[1]);
}

static Value epoll_modify(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "fd", "eventmask" };
    static const ArgSpec spec = { "modify", names, 2, 0, 2, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    return epoll_ctl_call(args[0], EPOLL_CTL_MOD, a[0], a[1]);
}

static Value epoll_unregister(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "fd" };
    static const ArgSpec spec = { "unregister", names, 1, 0, 1, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    return epoll_ctl_call(args[0], EPOLL_CTL_DEL, a[0], VAL_NULL);
}

typedef struct EpollWait {
    int epfd;
    struct epoll_event *events;
    int max;
} EpollWait;

static int epoll_wait_once(void *ctx, int64_t left)
{
    EpollWait *w = ctx;
    return epoll_wait(w->epfd, w->events, w->max, ms_of(left));
}

/* poll(timeout=None, maxevents=-1) -> [(fd, events)], timeout in seconds */
static Value epoll_poll(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "timeout", "maxevents" };
    static const ArgSpec spec = { "poll", names, 2, 0, 0, 2, false };
    Value a[2];
    int64_t left;
    int maxevents = -1;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) || !epoll_open(args[0]))
        return VAL_NULL;
    if (!timeout_ns(a[0], 1e9, &left))
        return VAL_NULL;
    if (left < 0)
        left = -1;
    if (a[1] != VAL_NULL) {
        Value i = rt_index(a[1]);
        if (i == VAL_NULL || !rt_int_as_int(i, &maxevents))
            return VAL_NULL;
    }
    if (maxevents == -1)
        maxevents = FD_SETSIZE - 1;
    else if (maxevents < 1)
        return rt_raisef(&rt_ValueError, "maxevents must be greater than 0, got %d", maxevents);
    struct epoll_event *evs = gc_alloc_atomic((size_t)maxevents * sizeof *evs);
    EpollWait w = { EPOLL(args[0])->fd, evs, maxevents };
    int n = wait_retrying(epoll_wait_once, &w, left);
    if (n < 0)
        return VAL_NULL;
    Value out = rt_list_new(0);
    for (int i = 0; i < n; i++)
        rt_list_append(out, rt_tuple_pack(2, small_new(evs[i].data.fd),
                                          rt_int_from_i64(evs[i].events)));
    return out;
}

static Value epoll_close(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("close", nargs - 1, kw))
        return VAL_NULL;
    int fd = EPOLL(args[0])->fd;
    EPOLL(args[0])->fd = -1;
    if (fd >= 0 && close(fd) != 0)
        return mod_posix_error();
    return rt_None;
}

static Value epoll_fileno(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("fileno", nargs - 1, kw) || !epoll_open(args[0]))
        return VAL_NULL;
    return small_new(EPOLL(args[0])->fd);
}

static Value epoll_fromfd(Value *args, size_t nargs, Value kw)
{
    int fd;
    Value i = nargs == 2 ? rt_index(args[1]) : VAL_NULL;
    if (!rt_arg_one("fromfd", nargs - 1, kw) || i == VAL_NULL || !rt_int_as_int(i, &fd))
        return VAL_NULL;
    return epoll_wrap(AS_TYPE(args[0]), fd);
}

static Value epoll_enter(Value *args, size_t nargs, Value kw)
{
    return epoll_open(args[0]) ? args[0] : VAL_NULL;
}

static Value epoll_exit(Value *args, size_t nargs, Value kw)
{
    return epoll_close(args, 1, VAL_NULL);
}

static Value epoll_closed(Value self)
{
    return rt_bool(EPOLL(self)->fd < 0);
}

static const MethodDef epoll_methods[] = {
    {"register", epoll_register}, {"modify", epoll_modify},
    {"unregister", epoll_unregister}, {"poll", epoll_poll}, {"close", epoll_close},
    {"fileno", epoll_fileno}, {"fromfd", epoll_fromfd, RT_METH_CLASS},
    {"__enter__", epoll_enter}, {"__exit__", epoll_exit}, {NULL, NULL}
};

static const GetSetDef epoll_getsets[] = {
    {"closed", epoll_closed, 0, "True if the epoll handler is closed"}, {NULL}
};

static ObjType epoll_type = {
    .ob.type = &rt_type_type, .name = "select.epoll", .new_ = epoll_new,
    .flags = TF_BASETYPE, .getsets = epoll_getsets,
};

/* ---- the module -------------------------------------------------------------------- */

static const MethodDef select_functions[] = {
    {"select", sel_select}, {"poll", sel_poll}, {NULL, NULL}
};

#define SELECT_CONSTANTS(X)                                                        \
    X(POLLIN) X(POLLPRI) X(POLLOUT) X(POLLERR) X(POLLHUP) X(POLLNVAL)               \
    X(POLLRDNORM) X(POLLRDBAND) X(POLLWRNORM) X(POLLWRBAND) X(POLLMSG) X(POLLRDHUP) \
    X(EPOLLIN) X(EPOLLOUT) X(EPOLLPRI) X(EPOLLERR) X(EPOLLHUP) X(EPOLLET)           \
    X(EPOLLONESHOT) X(EPOLLEXCLUSIVE) X(EPOLLRDHUP) X(EPOLLRDNORM) X(EPOLLRDBAND)   \
    X(EPOLLWRNORM) X(EPOLLWRBAND) X(EPOLLMSG) X(EPOLL_CLOEXEC) X(PIPE_BUF)

Value mod_select_init(void)
{
    Value m = mod_module_new("select", select_functions);
    mod_module_set(m, "error", obj_val(&rt_OSError));
#define SET_CONSTANT(name) mod_module_set(m, #name, rt_int_from_i64((int64_t)(name)));
    SELECT_CONSTANTS(SET_CONSTANT)
#undef SET_CONSTANT
    if (poll_type.mro == VAL_NULL)
        rt_type_ready(&poll_type, poll_methods);
    mod_add_type(m, "epoll", &epoll_type, epoll_methods);
    return m;
}
