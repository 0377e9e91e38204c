/*
 * faulthandler.c — the `faulthandler` module: dump the Python traceback
 * of every thread, on request, after a timeout, on a signal, or when pvm
 * crashes (CPython's Modules/faulthandler.c is the model, with its output
 * format and messages).
 *
 *   dump_traceback(file=sys.stderr, all_threads=True)
 *   enable(file=sys.stderr, all_threads=True) / disable() / is_enabled()
 *       on SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL: "Fatal Python error:
 *       Segmentation fault", the tracebacks, then the signal's default
 *       action;
 *   dump_traceback_later(timeout, repeat=False, file=sys.stderr,
 *       exit=False) / cancel_dump_traceback_later()
 *       a watchdog thread (not a Python thread: it never takes the
 *       interpreter lock) that writes "Timeout (0:00:05)!" and the
 *       tracebacks, and with exit=True ends the process (status 1);
 *   register(signum, file=sys.stderr, all_threads=True, chain=False) /
 *       unregister(signum)  the tracebacks on a user signal.
 *
 * The tracebacks are read from the threads' frames while the others may be
 * running (vm_thread_each), and written with write(2) to the file's
 * descriptor: no allocation, no Python code, as a crashing process needs.
 * The file objects are kept, so that their descriptors stay open.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "runtime/runtime.h"
#include "runtime/func.h"
#include "runtime/gen.h"
#include "modules/api.h"
#include "modules/modutil.h"
#include "modules/posix.h"
#include "modules/sys.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/thread.h"

/* CPython's limits: deeper stacks end in "  ...", more threads in "...". */
#define MAX_FRAME_DEPTH 100
#define MAX_NTHREADS 100

/* ---- writing a traceback ---------------------------------------------------------- */

static void put(int fd, const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

/* A name or file name as CPython's _Py_DumpASCII writes it: ASCII, other
 * characters escaped (\xNN, \uNNNN, \UNNNNNNNN), and at most 500 of them,
 * then "...". */
#define MAX_STRING_LENGTH 500
static void put_str_value(int fd, Value s)
{
    if (s == VAL_NULL || !is_str(s)) {
        put(fd, "???");
        return;
    }
    const unsigned char *p = (const unsigned char *)rt_str_cstr(s);
    char buf[16];
    for (int n = 0; *p != 0; n++) {
        if (n == MAX_STRING_LENGTH) {
            put(fd, "...");
            return;
        }
        /* One code point of the str's UTF-8 (its text is valid UTF-8,
         * lone surrogates included as 3-byte sequences). */
        unsigned c = *p++;
        int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
        if (more > 0)
            c &= 0x3f >> more;
        for (; more > 0 && (*p & 0xc0) == 0x80; more--)
            c = (c << 6) | (*p++ & 0x3f);
        if (c >= ' ' && c < 0x7f)
            snprintf(buf, sizeof buf, "%c", c);
        else if (c <= 0xff)
            snprintf(buf, sizeof buf, "\\x%02x", c);
        else if (c <= 0xffff)
            snprintf(buf, sizeof buf, "\\u%04x", c);
        else
            snprintf(buf, sizeof buf, "\\U%08x", c);
        put(fd, buf);
    }
}

static void dump_frames(int fd, Frame *top)
{
    int depth = 0;
    for (Frame *f = top; f != NULL; f = f->previous, depth++) {
        if (depth >= MAX_FRAME_DEPTH) {
            put(fd, "  ...\n");
            return;
        }
        char line[32] = "???";
        if (f->instr != NULL) {
            int n = rt_code_line(f->code, frame_lasti(f));
            if (n >= 0)
                snprintf(line, sizeof line, "%d", n);
        }
        put(fd, "  File \"");
        put_str_value(fd, f->code->filename);
        put(fd, "\", line ");
        put(fd, line);
        put(fd, " in ");
        put_str_value(fd, f->code->name);
        put(fd, "\n");
    }
}

typedef struct Dump {
    int fd;
    int nthreads;
} Dump;

static void dump_thread(unsigned long ident, bool is_current, Frame *top, RtExcState *exc,
                        void *ctx)
{
    Dump *d = ctx;
    if (d->nthreads > MAX_NTHREADS)
        return;
    if (d->nthreads++ > 0)
        put(d->fd, "\n");
    if (d->nthreads > MAX_NTHREADS) {
        put(d->fd, "...\n");
        return;
    }
    char head[80];
    snprintf(head, sizeof head, "%s 0x%016lx (most recent call first):\n",
             is_current ? "Current thread" : "Thread", ident);
    put(d->fd, head);
    if (is_current && vm_gc_collecting)     /* a __del__ that gc.collect() runs */
        put(d->fd, "  Garbage-collecting\n");
    dump_frames(d->fd, top);
}

/* The current thread's stack ("Stack"), or every thread's. */
static void dump_traceback(int fd, bool all_threads)
{
    if (all_threads) {
        Dump d = { fd, 0 };
        vm_thread_each(dump_thread, &d);
        return;
    }
    put(fd, "Stack (most recent call first):\n");
    dump_frames(fd, vm_running);
}

/* ---- the file argument ----------------------------------------------------------- */

/* A file argument as a descriptor: an int, or an object with fileno()
 * (flushed first); None or absent means sys.stderr.  -1 with an error. */
static int file_fd(Value *file)
{
    if (*file == VAL_NULL || *file == rt_None) {
        *file = mod_sys_get("stderr");
        if (*file == VAL_NULL || *file == rt_None) {
            rt_raisef(&rt_RuntimeError, "sys.stderr is None");
            return -1;
        }
    }
    int fd;
    if (is_int(*file)) {
        if (!rt_int_as_int(*file, &fd) || fd < 0) {
            rt_err_clear();
            rt_raisef(&rt_ValueError, "file is not a valid file descriptor");
            return -1;
        }
        return fd;
    }
    Value r = mod_call_method(*file, "fileno", NULL, 0);
    if (r == VAL_NULL)
        return -1;
    if (!is_int(r) || !rt_int_as_int(r, &fd) || fd < 0) {
        rt_err_clear();
        rt_raisef(&rt_RuntimeError, "file.fileno() is not a valid file descriptor");
        return -1;
    }
    if (mod_call_method(*file, "flush", NULL, 0) == VAL_NULL)
        rt_err_clear();
    if (fd == 1)
        rt_stdout_flush();          /* print()'s own buffer (runtime/stdout.c) */
    return fd;
}

static bool bool_arg(Value v, bool dflt, bool *out)
{
    if (v == VAL_NULL) {
        *out = dflt;
        return true;
    }
    int t = rt_truthy(v);
    *out = t > 0;
    return t >= 0;
}

/* ---- dump_traceback ------------------------------------------------------------------ */

/* The (file=sys.stderr, all_threads=True) that dump_traceback and enable
 * take: a[0] becomes the file, *fd its descriptor (flushed). */
static const char *const file_all_names[] = { "file", "all_threads" };

static bool file_and_all_threads(const ArgSpec *spec, Value *args, size_t nargs, Value kwnames,
                                 Value a[2], int *fd, bool *all)
{
    if (!rt_parse_args(spec, args, nargs, kwnames, a) || !bool_arg(a[1], true, all))
        return false;
    *fd = file_fd(&a[0]);
    return *fd >= 0;
}

static Value fh_dump_traceback(Value *args, size_t nargs, Value kwnames)
{
    static const ArgSpec spec = { "dump_traceback", file_all_names, 2, 0, 0, 2, false };
    Value a[2];
    bool all;
    int fd;
    if (!file_and_all_threads(&spec, args, nargs, kwnames, a, &fd, &all))
        return VAL_NULL;
    dump_traceback(fd, all);
    return rt_None;
}

/* ---- enable: the fatal signals ---------------------------------------------------- */

static const struct { int signum; const char *name; } fatal_signals[] = {
    { SIGBUS, "Bus error" }, { SIGILL, "Illegal instruction" },
    { SIGFPE, "Floating point exception" }, { SIGABRT, "Aborted" },
    { SIGSEGV, "Segmentation fault" },
};
#define NFATAL (sizeof fatal_signals / sizeof fatal_signals[0])

static struct {
    bool enabled;
    int fd;
    bool all_threads;
    Value file;                 /* kept alive while enabled */
    struct sigaction previous[NFATAL];
} fatal;

/* A stack of its own for the handler: a C stack overflow is a SIGSEGV
 * with no room left on the thread's stack.  From malloc, on the first
 * enable: a static array would be a root the collector scans at every
 * collection (64 KiB of words that never point into the heap), whether
 * or not the program ever enables faulthandler. */
#define ALT_STACK_SIZE 65536
static char *alt_stack;

static void on_fatal_signal(int signum)
{
    size_t i = 0;
    while (i < NFATAL && fatal_signals[i].signum != signum)
        i++;
    if (i == NFATAL)
        return;
    int saved = errno;
    put(fatal.fd, "Fatal Python error: ");
    /* 3.13 spells it "Floating-point exception". */
    put(fatal.fd, signum == SIGFPE && rt_py_minor >= 13 ? "Floating-point exception"
                                                        : fatal_signals[i].name);
    put(fatal.fd, "\n\n");
    dump_traceback(fatal.fd, fatal.all_threads);
    /* The signal's previous action, then raise it again: the default
     * action ends the process as it would have without us. */
    sigaction(signum, &fatal.previous[i], NULL);
    fatal.enabled = false;
    errno = saved;
    raise(signum);
}

static void disable_fatal(void)
{
    if (!fatal.enabled)
        return;
    fatal.enabled = false;
    for (size_t i = 0; i < NFATAL; i++)
        sigaction(fatal_signals[i].signum, &fatal.previous[i], NULL);
    fatal.file = VAL_NULL;
}

static Value fh_enable(Value *args, size_t nargs, Value kwnames)
{
    static const ArgSpec spec = { "enable", file_all_names, 2, 0, 0, 2, false };
    Value a[2];
    bool all;
    int fd;
    if (!file_and_all_threads(&spec, args, nargs, kwnames, a, &fd, &all))
        return VAL_NULL;
    fatal.fd = fd;
    fatal.all_threads = all;
    fatal.file = a[0];
    if (fatal.enabled)
        return rt_None;
    if (alt_stack == NULL && (alt_stack = malloc(ALT_STACK_SIZE)) == NULL)
        return rt_raise(obj_val(&rt_MemoryError));
    stack_t ss = { .ss_sp = alt_stack, .ss_size = ALT_STACK_SIZE };
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_NODEFER | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NFATAL; i++)
        sigaction(fatal_signals[i].signum, &sa, &fatal.previous[i]);
    fatal.enabled = true;
    return rt_None;
}

static Value fh_disable(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("disable", nargs, kwnames))
        return VAL_NULL;
    bool was = fatal.enabled;
    disable_fatal();
    return rt_bool(was);
}

static Value fh_is_enabled(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("is_enabled", nargs, kwnames))
        return VAL_NULL;
    return rt_bool(fatal.enabled);
}

/* ---- dump_traceback_later: the watchdog ------------------------------------------- */

static struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond;        /* signalled by cancel */
    bool running, cancelled;
    pthread_t thread;
    int64_t timeout_us;
    bool repeat, exit;
    int fd;
    Value file;
    char header[64];
} later = { .mutex = PTHREAD_MUTEX_INITIALIZER };

static void *watchdog(void *arg)
{
    pthread_mutex_lock(&later.mutex);
    for (;;) {
        struct timespec until = vm_monotonic_after(later.timeout_us);
        int r = 0;
        while (!later.cancelled && r != ETIMEDOUT)
            r = pthread_cond_timedwait(&later.cond, &later.mutex, &until);
        if (later.cancelled)
            break;
        put(later.fd, later.header);
        Dump d = { later.fd, 0 };
        vm_thread_each(dump_thread, &d);
        if (later.exit)
            _exit(1);
        if (!later.repeat)
            break;
    }
    pthread_mutex_unlock(&later.mutex);
    return NULL;
}

static void cancel_later(void)
{
    if (!later.running)
        return;
    pthread_mutex_lock(&later.mutex);
    later.cancelled = true;
    pthread_cond_signal(&later.cond);
    pthread_mutex_unlock(&later.mutex);
    vm_release_lock();
    pthread_join(later.thread, NULL);
    vm_reacquire_lock();
    later.running = false;
    later.file = VAL_NULL;
}

static Value fh_dump_traceback_later(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "timeout", "repeat", "file", "exit" };
    static const ArgSpec spec = { "dump_traceback_later", names, 4, 0, 1, 4, false };
    Value a[4];
    bool repeat, exit_after;
    int64_t ns;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_timeout_ns(a[0], &ns) ||
        !bool_arg(a[1], false, &repeat) || !bool_arg(a[3], false, &exit_after))
        return VAL_NULL;
    int64_t us = ns / 1000;
    if (us <= 0)
        return rt_raisef(&rt_ValueError, "timeout must be greater than 0");
    int fd = file_fd(&a[2]);
    if (fd < 0)
        return VAL_NULL;
    cancel_later();
    long sec = (long)(us / 1000000), frac = (long)(us % 1000000);
    if (frac != 0)
        snprintf(later.header, sizeof later.header, "Timeout (%ld:%02ld:%02ld.%06ld)!\n",
                 sec / 3600, sec / 60 % 60, sec % 60, frac);
    else
        snprintf(later.header, sizeof later.header, "Timeout (%ld:%02ld:%02ld)!\n",
                 sec / 3600, sec / 60 % 60, sec % 60);
    later.timeout_us = us;
    later.repeat = repeat;
    later.exit = exit_after;
    later.fd = fd;
    later.file = a[2];
    later.cancelled = false;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&later.cond, &attr);
    pthread_condattr_destroy(&attr);
    /* A plain thread: it neither runs Python code nor allocates, so the
     * collector need not know it; signals go to the Python threads. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    int err = pthread_create(&later.thread, NULL, watchdog, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (err != 0)
        return rt_raisef(&rt_RuntimeError, "unable to start watchdog thread");
    later.running = true;
    return rt_None;
}

static Value fh_cancel_dump_traceback_later(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("cancel_dump_traceback_later", nargs, kwnames))
        return VAL_NULL;
    cancel_later();
    return rt_None;
}

/* ---- register: user signals ------------------------------------------------------- */

typedef struct UserSignal {
    bool enabled, all_threads, chain;
    int fd;
    Value file;
    struct sigaction previous;
} UserSignal;

static UserSignal user_signals[NSIG] GC_LARGE_STATIC;

static void on_user_signal(int signum)
{
    UserSignal *u = &user_signals[signum];
    if (!u->enabled)
        return;
    int saved = errno;
    dump_traceback(u->fd, u->all_threads);
    if (u->chain && u->previous.sa_handler != SIG_DFL && u->previous.sa_handler != SIG_IGN &&
        !(u->previous.sa_flags & SA_SIGINFO))
        u->previous.sa_handler(signum);
    errno = saved;
}

static bool user_signum(Value v, int *signum)
{
    if (!rt_int_as_int(v, signum))
        return false;
    for (size_t i = 0; i < NFATAL; i++)
        if (fatal_signals[i].signum == *signum) {
            rt_raisef(&rt_RuntimeError, "signal %d cannot be registered, use enable() instead",
                      *signum);
            return false;
        }
    if (*signum < 1 || *signum >= NSIG) {
        rt_raisef(&rt_ValueError, "signal number out of range");
        return false;
    }
    return true;
}

static Value fh_register(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "signum", "file", "all_threads", "chain" };
    static const ArgSpec spec = { "register", names, 4, 0, 1, 4, false };
    Value a[4];
    int signum;
    bool all, chain;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !user_signum(a[0], &signum) ||
        !bool_arg(a[2], true, &all) || !bool_arg(a[3], false, &chain))
        return VAL_NULL;
    int fd = file_fd(&a[1]);
    if (fd < 0)
        return VAL_NULL;
    UserSignal *u = &user_signals[signum];
    if (!u->enabled) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_user_signal;
        sa.sa_flags = SA_RESTART | (chain ? SA_NODEFER : 0);
        sigemptyset(&sa.sa_mask);
        if (sigaction(signum, &sa, &u->previous) != 0) {
            return mod_posix_error();
        }
    }
    u->fd = fd;
    u->file = a[1];
    u->all_threads = all;
    u->chain = chain;
    u->enabled = true;
    return rt_None;
}

static Value fh_unregister(Value *args, size_t nargs, Value kwnames)
{
    int signum;
    if (!rt_arg_nokw("unregister", kwnames) || !rt_arg_count("unregister", nargs, 1, 1) ||
        !user_signum(args[0], &signum))
        return VAL_NULL;
    UserSignal *u = &user_signals[signum];
    if (!u->enabled)
        return rt_False;
    u->enabled = false;
    sigaction(signum, &u->previous, NULL);
    u->file = VAL_NULL;
    return rt_True;
}

/* ---- the crashes CPython's test_faulthandler asks for ------------------------------
 * Functions that end the process by a fatal signal on purpose, as
 * CPython's do, so that what enable() writes then can be checked:
 * _read_null() and _sigsegv(release_gil=False) by SIGSEGV (in CPython
 * _read_null reads address 0; raising the signal is what that does here,
 * without undefined behaviour), _sigabrt() by abort(), _sigfpe() by
 * SIGFPE, _fatal_error_c_thread() by a fatal error in a thread that is
 * not a Python thread.  Test hooks, never used by the library. */

static void fatal_signal(int signum)
{
    raise(signum);
    /* The handler put the previous action back and raised again; if the
     * signal was ignored, end the process as its default action would. */
    signal(signum, SIG_DFL);
    raise(signum);
    abort();
}

static Value fh_read_null(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("_read_null", nargs, kwnames))
        return VAL_NULL;
    fatal_signal(SIGSEGV);
    return rt_None;
}

static Value fh_sigsegv(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "release_gil" };
    static const ArgSpec spec = { "_sigsegv", names, 1, 0, 0, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    int release = a[0] != VAL_NULL ? rt_truthy(a[0]) : 0;
    if (release < 0)
        return VAL_NULL;
    if (release)
        vm_release_lock();          /* as a crash in code that let other threads run */
    fatal_signal(SIGSEGV);
    return rt_None;
}

static Value fh_sigabrt(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("_sigabrt", nargs, kwnames))
        return VAL_NULL;
    abort();
}

static Value fh_sigfpe(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("_sigfpe", nargs, kwnames))
        return VAL_NULL;
    fatal_signal(SIGFPE);
    return rt_None;
}

/* Py_FatalError's report from a thread of its own: the message, the
 * runtime's state, every Python thread's frames (none of them current),
 * then abort() with the fatal-signal handlers put back first, so that
 * the abort does not write a second report. */
static void *fatal_error_thread(void *arg)
{
    int fd = fatal.enabled ? fatal.fd : 2;
    put(fd, "Fatal Python error: faulthandler_fatal_error_thread: in new thread\n"
            "Python runtime state: initialized\n\n");
    dump_traceback(fd, true);
    disable_fatal();
    abort();
}

static Value fh_fatal_error_c_thread(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("_fatal_error_c_thread", nargs, kwnames))
        return VAL_NULL;
    pthread_t t;
    if (pthread_create(&t, NULL, fatal_error_thread, NULL) != 0)
        return rt_raisef(&rt_RuntimeError, "unable to start the thread");
    /* Wait with the interpreter lock held, as CPython does: the frames the
     * thread writes stay those of this call. */
    pthread_join(t, NULL);
    return rt_None;
}

static const MethodDef faulthandler_functions[] = {
    {"_read_null", fh_read_null}, {"_sigsegv", fh_sigsegv}, {"_sigabrt", fh_sigabrt},
    {"_sigfpe", fh_sigfpe}, {"_fatal_error_c_thread", fh_fatal_error_c_thread},
    {"dump_traceback", fh_dump_traceback},
    {"enable", fh_enable}, {"disable", fh_disable}, {"is_enabled", fh_is_enabled},
    {"dump_traceback_later", fh_dump_traceback_later},
    {"cancel_dump_traceback_later", fh_cancel_dump_traceback_later},
    {"register", fh_register}, {"unregister", fh_unregister},
    {NULL, NULL}
};

Value mod_faulthandler_init(void)
{
    return mod_module_new("faulthandler", faulthandler_functions);
}
