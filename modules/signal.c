/*
 * signal.c — the `_signal` module (what Lib/signal.py wraps in enums) and
 * the one path every signal takes to Python code, CPython's
 * Modules/signalmodule.c.
 *
 * How a signal reaches a Python handler.  A C signal handler may only set
 * flags, so `on_signal` marks the signal as tripped, writes its number to
 * the wakeup descriptor (set_wakeup_fd, for event loops) and calls
 * vm_signal_trip, which sets the interpreter's "signals pending" flag and
 * its eval breaker.  The loop sees the breaker at its next RESUME or back
 * edge, a blocking call sees EINTR; both end in vm_check_interrupt, which
 * in the main thread only calls mod_signal_run_handlers here: each tripped
 * signal's Python handler is called as handler(signum, frame).  An
 * exception from a handler propagates from wherever the program was; the
 * signals not yet handled stay pending for the next check.
 *
 * SIGINT is no special case: at start-up (mod_signal_startup, before the
 * program's first instruction) its handler is default_int_handler, which
 * raises KeyboardInterrupt — unless the parent left SIGINT ignored (a
 * background job), which stays ignored, as in CPython.  The module itself
 * is imported only by programs that import it; its state lives here, not
 * in the module object, because the handlers outlive any import.
 *
 * pvm has no frame objects yet: handlers receive None as their frame.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>
#include <fcntl.h>
#include <pthread.h>
#include <time.h>
#include "modules/api.h"
#include "modules/modutil.h"
#include "runtime/structseq.h"
#include "modules/posix.h"
#include "vm/thread.h"
#include "vm/vm.h"

/* _signal.SIG_DFL and SIG_IGN are the ints 0 and 1 (Lib/signal.py turns
 * them into Handlers members). */
enum { HANDLER_DFL = 0, HANDLER_IGN = 1 };

/* Per signal: tripped by the C handler (read and cleared by the main
 * thread), and the Python-level handler getsignal() returns: a callable,
 * the int SIG_DFL / SIG_IGN, or None (a handler not installed from Python). */
static volatile sig_atomic_t tripped[NSIG];
static Value handlers[NSIG];
static volatile sig_atomic_t wakeup_fd = -1;
static Value default_int_handler;

/* Mark signum tripped: what the C handler does, and interrupt_main. */
static void trip(int signum)
{
    int saved = errno;
    tripped[signum] = 1;
    vm_signal_trip();
    if (wakeup_fd >= 0) {
        unsigned char byte = (unsigned char)signum;
        if (write(wakeup_fd, &byte, 1) < 0) {
            /* CPython reports a full pipe later, from the main thread; pvm
             * drops the byte (the descriptor is non-blocking). */
        }
    }
    errno = saved;
}

/* The C handler: a signal really arrived (vm_signal_count counts it: a
 * thread waiting in a lock stops for it, not for interrupt_main). */
static void on_signal(int signum)
{
    vm_signal_arrived();
    trip(signum);
}

/* sigaction without SA_RESTART: a blocking call (time.sleep, a read)
 * returns EINTR, so the interrupted C code runs the handlers (PEP 475). */
static int install(int signum, void (*fn)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    return sigaction(signum, &sa, NULL);
}

static Value raise_keyboard_interrupt(Value *args, size_t nargs, Value kw)
{
    return rt_raise(obj_val(&rt_KeyboardInterrupt));
}

void mod_signal_startup(void)
{
    default_int_handler = rt_builtin_new("default_int_handler", raise_keyboard_interrupt,
                                         VAL_NULL);
    struct sigaction old;
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        return;
    handlers[SIGINT] = default_int_handler;
    install(SIGINT, on_signal);
}

/* The handler Python sees for a signal nobody set from Python: what the
 * process inherited (CPython reads them all at module init). */
static Value inherited_handler(int signum)
{
    struct sigaction old;
    if (sigaction(signum, NULL, &old) != 0)
        return rt_None;
    if (old.sa_handler == SIG_DFL)
        return small_new(HANDLER_DFL);
    if (old.sa_handler == SIG_IGN)
        return small_new(HANDLER_IGN);
    return rt_None;
}

static Value handler_of(int signum)
{
    if (handlers[signum] == VAL_NULL)
        handlers[signum] = inherited_handler(signum);
    return handlers[signum];
}

/* SIG_DFL or SIG_IGN given as an int (True is SIG_IGN too, as CPython
 * compares with ==). */
static bool is_int_handler(Value h, int which)
{
    if (is_bool(h))
        return (h == rt_True) == (which == 1);
    return val_is_small(h) && small_value(h) == which;
}

bool mod_signal_run_handlers(void)
{
    for (int signum = 1; signum < NSIG; signum++) {
        if (!tripped[signum])
            continue;
        tripped[signum] = 0;
        Value fn = handler_of(signum);
        if (fn == rt_None || is_int_handler(fn, HANDLER_DFL) || is_int_handler(fn, HANDLER_IGN)) {
            /* The handler changed after the signal arrived (bpo-43406). */
            rt_raisef(&rt_OSError, "Signal %d ignored due to race condition", signum);
            rt_write_unraisable(rt_None);
            continue;
        }
        Value args[2] = { small_new(signum), rt_None };
        if (rt_call(fn, args, 2, VAL_NULL) == VAL_NULL) {
            vm_signal_trip();           /* the others wait for the next check */
            return false;
        }
    }
    return true;
}

bool mod_signal_simulate(int signum)
{
    Value h = handler_of(signum);
    if (h == rt_None || is_int_handler(h, HANDLER_DFL) || is_int_handler(h, HANDLER_IGN))
        return false;
    trip(signum);
    return true;
}

/* ---- arguments ------------------------------------------------------------------- */

static bool c_int(Value v, int *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && rt_int_as_int(i, out);
}

static bool signum_arg(Value v, int *signum)
{
    if (!c_int(v, signum))
        return false;
    if (*signum < 1 || *signum >= NSIG) {
        rt_raisef(&rt_ValueError, "signal number out of range");
        return false;
    }
    return true;
}

static bool main_thread_only(const char *what)
{
    if (vm_is_main_thread())
        return true;
    rt_raisef(&rt_ValueError, "%s only works in main thread of the main interpreter", what);
    return false;
}

/* A set of signal numbers (CPython's sigset_t converter; posix_spawn's
 * setsigmask= and setsigdef= too). */
bool mod_signal_sigset(Value v, sigset_t *set)
{
    Value it = rt_iter(v);
    if (it == VAL_NULL)
        return false;
    sigemptyset(set);
    for (Value x; (x = rt_next(it)) != VAL_NULL;) {
        int64_t n;
        Value i = rt_index(x);
        if (i == VAL_NULL)
            return false;
        if (!rt_int_as_i64(i, &n)) {    /* too big either way: CPython's -1 */
            rt_err_clear();
            n = -1;
        }
        if (n <= 0 || n >= NSIG) {
            rt_raisef(&rt_ValueError, "signal number %ld out of range [1; %d]", (long)n,
                      NSIG - 1);
            return false;
        }
        sigaddset(set, (int)n);
    }
    return !rt_err_occurred();
}

static Value sigset_to_set(const sigset_t *set)
{
    Value s = rt_set_new();
    for (int i = 1; i < NSIG; i++)
        if (sigismember(set, i) == 1)
            rt_set_add(s, small_new(i));
    return s;
}

/* ---- the functions ------------------------------------------------------------------ */

/* signal(signalnum, handler) -> the previous handler */
static Value sg_signal(Value *args, size_t nargs, Value kw)
{
    int signum;
    if (!rt_arg_nokw("signal", kw) || !rt_arg_range("signal", nargs, 2, 2) ||
        !signum_arg(args[0], &signum))
        return VAL_NULL;
    Value h = args[1];
    void (*fn)(int);
    if (is_int_handler(h, HANDLER_IGN))
        fn = SIG_IGN;
    else if (is_int_handler(h, HANDLER_DFL))
        fn = SIG_DFL;
    else if (rt_callable(h))
        fn = on_signal;
    else
        return rt_raisef(&rt_TypeError, "signal handler must be signal.SIG_IGN, "
                         "signal.SIG_DFL, or a callable object");
    if (!main_thread_only("signal"))
        return VAL_NULL;
    /* Run what is already pending under the old handlers first. */
    if (!vm_check_interrupt())
        return VAL_NULL;
    Value old = handler_of(signum);
    if (install(signum, fn) != 0)
        return mod_posix_error();
    handlers[signum] = fn == SIG_IGN ? small_new(HANDLER_IGN)
                     : fn == SIG_DFL ? small_new(HANDLER_DFL) : h;
    return old;
}

static Value sg_getsignal(Value *args, size_t nargs, Value kw)
{
    int signum;
    if (!rt_arg_one("getsignal", nargs, kw) || !signum_arg(args[0], &signum))
        return VAL_NULL;
    return handler_of(signum);
}

static Value sg_raise_signal(Value *args, size_t nargs, Value kw)
{
    int signum;
    if (!rt_arg_one("raise_signal", nargs, kw) || !signum_arg(args[0], &signum))
        return VAL_NULL;
    if (raise(signum) != 0)
        return mod_posix_error();
    return vm_check_interrupt() ? rt_None : VAL_NULL;
}

static Value sg_strsignal(Value *args, size_t nargs, Value kw)
{
    int signum;
    if (!rt_arg_one("strsignal", nargs, kw) || !signum_arg(args[0], &signum))
        return VAL_NULL;
    const char *s = strsignal(signum);
    if (s == NULL || strstr(s, "Unknown signal") != NULL)
        return rt_None;
    return rt_str_from_cstr(s);
}

static Value sg_valid_signals(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("valid_signals", nargs, kw))
        return VAL_NULL;
    sigset_t all;
    sigfillset(&all);
    return sigset_to_set(&all);
}

static Value sg_alarm(Value *args, size_t nargs, Value kw)
{
    int seconds;
    if (!rt_arg_one("alarm", nargs, kw) || !c_int(args[0], &seconds))
        return VAL_NULL;
    return rt_int_from_i64(alarm((unsigned)seconds));
}

/* pause(): wait for a signal, then run its handler. */
static Value sg_pause(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("pause", nargs, kw))
        return VAL_NULL;
    vm_release_lock();
    pause();
    vm_reacquire_lock();
    return vm_check_interrupt() ? rt_None : VAL_NULL;
}

static Value sg_siginterrupt(Value *args, size_t nargs, Value kw)
{
    int signum, flag;
    if (!rt_arg_range("siginterrupt", nargs, 2, 2) || !signum_arg(args[0], &signum) ||
        !c_int(args[1], &flag))
        return VAL_NULL;
    struct sigaction sa;
    if (sigaction(signum, NULL, &sa) != 0)
        return mod_posix_error();
    if (flag)
        sa.sa_flags &= ~SA_RESTART;
    else
        sa.sa_flags |= SA_RESTART;
    if (sigaction(signum, &sa, NULL) != 0)
        return mod_posix_error();
    return rt_None;
}

/* set_wakeup_fd(fd, *, warn_on_full_buffer=True) -> the previous fd */
static Value sg_set_wakeup_fd(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "fd", "warn_on_full_buffer" };
    static const ArgSpec spec = { "set_wakeup_fd", names, 2, 0, 1, 1, false };
    Value a[2];
    int fd;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !c_int(a[0], &fd))
        return VAL_NULL;
    if (!main_thread_only("set_wakeup_fd"))
        return VAL_NULL;
    if (fd != -1) {
        struct stat st;
        if (fstat(fd, &st) != 0)
            return mod_posix_error();
        int flags = fcntl(fd, F_GETFL);
        if (flags < 0)
            return mod_posix_error();
        if (!(flags & O_NONBLOCK))
            return rt_raisef(&rt_ValueError, "the fd %d must be in non-blocking mode", fd);
    }
    int old = wakeup_fd;
    wakeup_fd = fd;
    /* warn_on_full_buffer is accepted; a full buffer drops the byte silently. */
    return small_new(old);
}

/* pthread_sigmask(how, mask) -> the previous mask */
static Value sg_pthread_sigmask(Value *args, size_t nargs, Value kw)
{
    int how;
    sigset_t set, old;
    if (!rt_arg_range("pthread_sigmask", nargs, 2, 2) || !c_int(args[0], &how) ||
        !mod_signal_sigset(args[1], &set))
        return VAL_NULL;
    int err = pthread_sigmask(how, &set, &old);
    if (err != 0) {
        errno = err;
        return mod_posix_error();
    }
    /* A signal just unblocked may be waiting. */
    if (!vm_check_interrupt())
        return VAL_NULL;
    return sigset_to_set(&old);
}

static Value sg_pthread_kill(Value *args, size_t nargs, Value kw)
{
    uint64_t thread;
    int signum;
    Value t = nargs == 2 ? rt_index(args[0]) : VAL_NULL;
    if (!rt_arg_range("pthread_kill", nargs, 2, 2) || t == VAL_NULL ||
        !rt_int_as_u64(t, &thread) || !c_int(args[1], &signum))
        return VAL_NULL;
    int err = pthread_kill((pthread_t)thread, signum);
    if (err != 0) {
        errno = err;
        return mod_posix_error();
    }
    return vm_check_interrupt() ? rt_None : VAL_NULL;
}

static Value sg_sigpending(Value *args, size_t nargs, Value kw)
{
    sigset_t set;
    if (!rt_arg_none("sigpending", nargs, kw))
        return VAL_NULL;
    if (sigpending(&set) != 0)
        return mod_posix_error();
    return sigset_to_set(&set);
}

static Value sg_sigwait(Value *args, size_t nargs, Value kw)
{
    sigset_t set;
    int signum, err;
    if (!rt_arg_one("sigwait", nargs, kw) || !mod_signal_sigset(args[0], &set))
        return VAL_NULL;
    vm_release_lock();
    err = sigwait(&set, &signum);
    vm_reacquire_lock();
    if (err != 0) {
        errno = err;
        return mod_posix_error();
    }
    return small_new(signum);
}

/* sigwaitinfo() and sigtimedwait()'s result, signal.struct_siginfo. */
static const char *const siginfo_fields[] = {
    "si_signo", "si_code", "si_errno", "si_pid", "si_uid", "si_status", "si_band",
};
static const RtStructSeqDesc siginfo_desc = { "signal.struct_siginfo", siginfo_fields, 7, 7,
                                              true };
static ObjType *siginfo_type;

static Value siginfo_of(const siginfo_t *si)
{
    Value items[7] = {
        small_new(si->si_signo), small_new(si->si_code), small_new(si->si_errno),
        rt_int_from_i64(si->si_pid), rt_int_from_u64(si->si_uid),
        rt_int_from_i64(si->si_status), rt_int_from_i64(si->si_band),
    };
    return rt_structseq_new(siginfo_type, items);
}

/* sigtimedwait(sigset, timeout) waits at most timeout seconds (None when
 * none came); sigwaitinfo(sigset) as long as it takes (timeout < 0).  A
 * signal with a handler interrupts the wait: the handler runs, and the
 * wait goes on for the time left (PEP 475). */
static Value wait_for_signal(Value set_arg, int64_t timeout_ns)
{
    sigset_t set;
    if (!mod_signal_sigset(set_arg, &set))
        return VAL_NULL;
    struct timespec now, deadline;
    clock_gettime(CLOCK_MONOTONIC, &now);
    int64_t end = (int64_t)now.tv_sec * 1000000000 + now.tv_nsec + timeout_ns;
    deadline.tv_sec = (time_t)(end / 1000000000);
    deadline.tv_nsec = (long)(end % 1000000000);
    siginfo_t si;
    int n;
    vm_release_lock();
    for (;;) {
        if (timeout_ns < 0) {
            n = sigwaitinfo(&set, &si);
        } else {
            clock_gettime(CLOCK_MONOTONIC, &now);
            int64_t left = ((int64_t)deadline.tv_sec - now.tv_sec) * 1000000000 +
                           (deadline.tv_nsec - now.tv_nsec);
            struct timespec ts = { (time_t)(left > 0 ? left / 1000000000 : 0),
                                   (long)(left > 0 ? left % 1000000000 : 0) };
            n = sigtimedwait(&set, &si, &ts);
        }
        if (n >= 0 || errno != EINTR)
            break;
        if (!vm_blocking_retry())
            return VAL_NULL;
    }
    int e = errno;
    vm_reacquire_lock();
    if (n < 0 && e == EAGAIN && timeout_ns >= 0)
        return rt_None;
    if (n < 0) {
        errno = e;
        return mod_posix_error();
    }
    return siginfo_of(&si);
}

static Value sg_sigwaitinfo(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("sigwaitinfo", kw))
        return VAL_NULL;
    if (nargs != 1)
        return rt_raisef(&rt_TypeError, "_signal.sigwaitinfo() takes exactly one argument "
                         "(%zu given)", nargs);
    return wait_for_signal(args[0], -1);
}

static Value sg_sigtimedwait(Value *args, size_t nargs, Value kw)
{
    int64_t ns;
    if (!rt_arg_nokw("sigtimedwait", kw) || !rt_arg_range("sigtimedwait", nargs, 2, 2) ||
        !mod_timeout_ns(args[1], &ns))
        return VAL_NULL;
    if (ns < 0)
        return rt_raisef(&rt_ValueError, "timeout must be non-negative");
    return wait_for_signal(args[0], ns);
}

/* pidfd_send_signal(pidfd, sig, siginfo=None, flags=0, /): kill() through a
 * process file descriptor (Linux 5.1; glibc has no wrapper). */
static Value sg_pidfd_send_signal(Value *args, size_t nargs, Value kw)
{
    int pidfd, signum, flags = 0;
    if (!rt_arg_nokw("pidfd_send_signal", kw) || !rt_arg_range("pidfd_send_signal", nargs, 2, 4) ||
        !c_int(args[0], &pidfd) || !c_int(args[1], &signum) || (nargs > 3 && !c_int(args[3], &flags)))
        return VAL_NULL;
    if (nargs > 2 && args[2] != rt_None)
        return rt_raisef(&rt_TypeError, "siginfo must be None");
    if (syscall(SYS_pidfd_send_signal, pidfd, signum, NULL, flags) < 0)
        return mod_posix_error();
    return vm_check_interrupt() ? rt_None : VAL_NULL;
}

/* ---- interval timers ---------------------------------------------------------- */

static ObjType itimer_error = {
    .ob.type = &rt_type_type, .name = "signal.itimer_error", .base = &rt_OSError,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

static Value itimer_tuple(const struct itimerval *v)
{
    return rt_tuple_pack(2,
        rt_float_new((double)v->it_value.tv_sec + (double)v->it_value.tv_usec / 1e6),
        rt_float_new((double)v->it_interval.tv_sec + (double)v->it_interval.tv_usec / 1e6));
}

static bool timeval_arg(Value v, struct timeval *tv)
{
    double d;
    if (!mod_as_double(v, &d))
        return false;
    if (d < 0)
        d = 0;
    tv->tv_sec = (time_t)d;
    tv->tv_usec = (suseconds_t)((d - (double)tv->tv_sec) * 1e6);
    if (tv->tv_sec == 0 && tv->tv_usec == 0 && d > 0)
        tv->tv_usec = 1;                    /* CPython rounds up: never "off" by accident */
    return true;
}

static Value itimer_failed(void)
{
    Value args = rt_tuple_pack(2, small_new(errno), rt_str_from_cstr(strerror(errno)));
    return rt_raise_args(&itimer_error, args);
}

/* setitimer(which, seconds, interval=0.0) -> (old delay, old interval) */
static Value sg_setitimer(Value *args, size_t nargs, Value kw)
{
    int which;
    struct itimerval nv = { 0 }, old;
    if (!rt_arg_range("setitimer", nargs, 2, 3) || !c_int(args[0], &which) ||
        !timeval_arg(args[1], &nv.it_value) ||
        (nargs == 3 && !timeval_arg(args[2], &nv.it_interval)))
        return VAL_NULL;
    if (setitimer(which, &nv, &old) != 0)
        return itimer_failed();
    return itimer_tuple(&old);
}

static Value sg_getitimer(Value *args, size_t nargs, Value kw)
{
    int which;
    struct itimerval old;
    if (!rt_arg_one("getitimer", nargs, kw) || !c_int(args[0], &which))
        return VAL_NULL;
    if (getitimer(which, &old) != 0)
        return itimer_failed();
    return itimer_tuple(&old);
}

/* ---- the module --------------------------------------------------------------- */

static const MethodDef signal_functions[] = {
    {"signal", sg_signal}, {"getsignal", sg_getsignal}, {"raise_signal", sg_raise_signal},
    {"strsignal", sg_strsignal}, {"valid_signals", sg_valid_signals}, {"alarm", sg_alarm},
    {"pause", sg_pause}, {"siginterrupt", sg_siginterrupt},
    {"set_wakeup_fd", sg_set_wakeup_fd}, {"pthread_sigmask", sg_pthread_sigmask},
    {"pthread_kill", sg_pthread_kill}, {"sigpending", sg_sigpending},
    {"sigwait", sg_sigwait}, {"sigwaitinfo", sg_sigwaitinfo}, {"sigtimedwait", sg_sigtimedwait},
    {"pidfd_send_signal", sg_pidfd_send_signal},
    {"setitimer", sg_setitimer}, {"getitimer", sg_getitimer},
    {NULL, NULL}
};

#define SIGNAL_CONSTANTS(X)                                                          \
    X(SIGHUP) X(SIGINT) X(SIGQUIT) X(SIGILL) X(SIGTRAP) X(SIGABRT) X(SIGIOT)         \
    X(SIGBUS) X(SIGFPE) X(SIGKILL) X(SIGUSR1) X(SIGSEGV) X(SIGUSR2) X(SIGPIPE)       \
    X(SIGALRM) X(SIGTERM) X(SIGSTKFLT) X(SIGCHLD) X(SIGCONT) X(SIGSTOP) X(SIGTSTP)   \
    X(SIGTTIN) X(SIGTTOU) X(SIGURG) X(SIGXCPU) X(SIGXFSZ) X(SIGVTALRM) X(SIGPROF)    \
    X(SIGWINCH) X(SIGIO) X(SIGPOLL) X(SIGPWR) X(SIGSYS) X(NSIG)                      \
    X(SIG_BLOCK) X(SIG_UNBLOCK) X(SIG_SETMASK)                                       \
    X(ITIMER_REAL) X(ITIMER_VIRTUAL) X(ITIMER_PROF)

Value mod_signal_init(void)
{
    Value m = mod_module_new("_signal", signal_functions);
    if (default_int_handler == VAL_NULL)
        default_int_handler = rt_builtin_new("default_int_handler", raise_keyboard_interrupt,
                                             VAL_NULL);
    mod_module_set(m, "default_int_handler", default_int_handler);
    mod_module_set(m, "SIG_DFL", small_new(HANDLER_DFL));
    mod_module_set(m, "SIG_IGN", small_new(HANDLER_IGN));
#define SET_CONSTANT(name) mod_module_set(m, #name, small_new(name));
    SIGNAL_CONSTANTS(SET_CONSTANT)
#undef SET_CONSTANT
    mod_module_set(m, "SIGRTMIN", small_new(SIGRTMIN));
    mod_module_set(m, "SIGRTMAX", small_new(SIGRTMAX));
    if (itimer_error.mro == VAL_NULL)
        rt_type_ready(&itimer_error, NULL);
    mod_module_set(m, "ItimerError", obj_val(&itimer_error));
    if (siginfo_type == NULL)
        siginfo_type = rt_structseq_type_new(&siginfo_desc);
    mod_module_set(m, "struct_siginfo", obj_val(siginfo_type));
    return m;
}
