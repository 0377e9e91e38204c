/*
 * thread.c — the interpreter lock, the thread states swapped when it
 * changes hands, and starting threads (thread.h explains the design).
 *
 * The lock (CPython 3.11's Python/ceval_gil.h is the model) is a flag,
 * `locked`, guarded by a mutex, with a condition variable on which the
 * threads that want it wait:
 *
 *   take:  while locked, wait on the condition for one switch interval; a
 *          wait that times out with no switch having happened meanwhile
 *          sets the drop request and the eval breaker.  Then mark it
 *          locked, note who holds it (`holder`, `switches` counts changes
 *          of hands) and load the thread's saved state into the globals.
 *   drop:  save the globals into the thread's state, clear `locked`,
 *          signal one waiter.  When dropping because of a drop request,
 *          wait until another thread has actually taken the lock, so that
 *          a thread spinning in Python code cannot take it straight back.
 *
 * All of this starts with the second thread (start_threads): until then
 * pvm is single-threaded and releasing the lock is a test of `threaded`.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "runtime/runtime.h"
#include "runtime/gen.h"
#include "runtime/version.h"
#include "vm/frame.h"
#include "vm/eval.h"
#include "vm/thread.h"
#include "vm/vm.h"

/* ---- thread states ------------------------------------------------------------- */

typedef struct VmThread {
    struct VmThread *next;      /* all threads, linked from `threads` */
    unsigned long ident;        /* its pthread_t (vm_thread_ident) */
    unsigned long native_id;    /* the kernel's id, once asked for */
    /* The per-thread globals (VM_THREAD_STATE), while another thread runs. */
#define THREAD_FIELD(type, name, init) type name;
    VM_THREAD_STATE(THREAD_FIELD)
#undef THREAD_FIELD
    RtExcState exc_base;        /* the bottom of its handled-exception stack
                                   (the main thread's is eval.c's) */
    Value dict;                 /* vm_thread_dict, made on first use */
    uint64_t serial;            /* vm_thread_serial */
    VmThreadMain main;          /* what it runs, and with what */
    Value arg;
} VmThread;

/* The main thread's state is static, the others' are GC objects on this
 * list: both are roots, so the collector sees the frames and exceptions
 * of threads that are not running. */
static VmThread main_thread;
Value vm_context;               /* declared in thread.h, used by contextvars.c */
static VmThread *threads = &main_thread;
static int nstarted;            /* threads started and not yet finished */
/* The thread whose end ends the program: the main thread, unless fork()
 * was called in another thread (vm_thread_after_fork), and whether it has
 * ended in a forked child while other threads still ran. */
static VmThread *main_state = &main_thread;
static bool main_ended;
static uint64_t last_serial;    /* the main thread's is 0 */
static void (*exit_hook)(Value thread_dict);

/* The running thread's own state; NULL in the main thread (and in any
 * thread pvm did not start, which never runs Python code). */
static __thread VmThread *self;

static VmThread *current(void)
{
    return self != NULL ? self : &main_thread;
}

static void save_state(VmThread *t)
{
#define SAVE(type, name, init) t->name = name;
    VM_THREAD_STATE(SAVE)
#undef SAVE
}

static void load_state(VmThread *t)
{
#define LOAD(type, name, init) name = t->name;
    VM_THREAD_STATE(LOAD)
#undef LOAD
    /* A thread with sys.settrace on needs its loops to hand over to the
     * tracing loop (vm/systrace.h), and so does every thread while
     * tracemalloc traces (vm_set_exact_positions, which set only the
     * running thread's flag); another thread may have cleared the breaker
     * meanwhile.  vm_trace_update sets both. */
    vm_trace_update();
}

static void init_state(VmThread *t)
{
#define INIT(type, name, init) t->name = init;
    VM_THREAD_STATE(INIT)
#undef INIT
    t->exc_base.exc = rt_None;
}

/* ---- the interpreter lock -------------------------------------------------------- */

static struct {
    pthread_mutex_t mutex;      /* guards the fields below */
    pthread_cond_t cond;        /* signalled when the lock is dropped */
    bool locked;
    unsigned long switches;     /* times the lock changed hands */
    VmThread *holder;           /* who holds it (or held it last) */
    pthread_cond_t switched;    /* signalled when `holder` changes */
} gil = { .mutex = PTHREAD_MUTEX_INITIALIZER };

static bool threaded;           /* a second thread has been started */
static volatile sig_atomic_t drop_request;
static long interval_us = 5000; /* sys.setswitchinterval, microseconds */

/* Once the teardown has begun (vm_thread_finalize_begin), the thread that
 * runs it; every other thread that comes for the lock waits for ever on
 * `never`, which nothing signals (guarded by gil.mutex). */
static VmThread *finalizer;
static pthread_cond_t never = PTHREAD_COND_INITIALIZER;

struct timespec vm_monotonic_after(int64_t us)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += us / 1000000;
    ts.tv_nsec += (us % 1000000) * 1000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    return ts;
}

/* A thread that wants the lock after the teardown has begun never gets it
 * (CPython 3.11 ends such a thread in take_gil, 3.14 makes it hang: a
 * thread's C frames were not written to be cut off).  It neither asks the
 * finaliser to drop the lock: the finaliser would wait for a hand-over that
 * never comes.  Called with gil.mutex held. */
static void freeze_if_finalizing(VmThread *t)
{
    while (finalizer != NULL && t != finalizer)
        pthread_cond_wait(&never, &gil.mutex);
}

static void take_lock(VmThread *t)
{
    pthread_mutex_lock(&gil.mutex);
    freeze_if_finalizing(t);
    while (gil.locked) {
        unsigned long seen = gil.switches;
        struct timespec until = vm_monotonic_after(interval_us > 0 ? interval_us : 1);
        int r = pthread_cond_timedwait(&gil.cond, &gil.mutex, &until);
        freeze_if_finalizing(t);
        /* A whole interval with the same holder: ask it to let go. */
        if (r == ETIMEDOUT && gil.locked && gil.switches == seen) {
            drop_request = 1;
            vm_eval_breaker = 1;
        }
    }
    gil.locked = true;
    gil.holder = t;
    gil.switches++;
    drop_request = 0;
    pthread_cond_broadcast(&gil.switched);
    pthread_mutex_unlock(&gil.mutex);
    load_state(t);
    /* Check once for what arrived meanwhile (a SIGINT for the main thread,
     * generators to close): the breaker is shared by all threads. */
    vm_eval_breaker = 1;
}

static void drop_lock(VmThread *t, bool hand_over)
{
    if (t != NULL)
        save_state(t);
    pthread_mutex_lock(&gil.mutex);
    gil.locked = false;
    pthread_cond_signal(&gil.cond);
    if (hand_over)
        while (gil.holder == t)
            pthread_cond_wait(&gil.switched, &gil.mutex);
    pthread_mutex_unlock(&gil.mutex);
}

/* The first start_new_thread: from now on the main thread holds the lock. */
static void start_threads(void)
{
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&gil.cond, &attr);
    pthread_cond_init(&gil.switched, NULL);
    pthread_condattr_destroy(&attr);
    gil.locked = true;
    gil.holder = &main_thread;
    threaded = true;
}

void vm_release_lock(void)
{
    if (threaded)
        drop_lock(current(), false);
}

void vm_reacquire_lock(void)
{
    if (threaded)
        take_lock(current());
}

bool vm_blocking_retry(void)
{
    if (!vm_interrupt_pending())
        return true;
    vm_reacquire_lock();
    if (!vm_check_interrupt())
        return false;
    vm_release_lock();
    return true;
}

bool vm_wait_readable(int fd)
{
    struct pollfd p = { .fd = fd, .events = POLLIN };
    if (!threaded || poll(&p, 1, 0) != 0)
        return true;
    /* A non-blocking descriptor's read says EAGAIN at once: no wait. */
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || (flags & O_NONBLOCK))
        return true;
    vm_release_lock();
    while (poll(&p, 1, -1) < 0 && errno == EINTR)
        if (!vm_blocking_retry())
            return false;
    vm_reacquire_lock();
    return true;
}

/* Whether writes to fd block (O_NONBLOCK clear; a bad fd counts as not).
 * Asked of the kernel each time, when it matters — a signal waiting
 * before the write, a write that stopped short — not before every write:
 * under -u each print is a write or two, and fcntl before each doubled
 * the system calls.  Not cached: another process sharing the file
 * description may set or clear O_NONBLOCK at any time. */
static bool fd_blocking(int fd)
{
    int flags = fcntl(fd, F_GETFL);
    return flags >= 0 && !(flags & O_NONBLOCK);
}

ssize_t vm_blocking_write(int fd, const void *buf, size_t n, off_t offset, bool positioned)
{
    const char *p = buf;
    size_t done = 0;
    /* A signal that came since the last safe point would not interrupt
     * the write, which may block for good: its handler runs first. */
    if (vm_interrupt_pending() && fd_blocking(fd) && !vm_check_interrupt())
        return -2;
    vm_release_lock();
    for (;;) {
        ssize_t w = positioned ? pwrite(fd, p + done, n - done, offset + (off_t)done)
                               : write(fd, p + done, n - done);
        if (w < 0 && errno == EINTR && done == 0) {
            if (!vm_blocking_retry())
                return -2;
            continue;
        }
        if (w < 0 && done == 0) {
            int err = errno;
            vm_reacquire_lock();
            errno = err;
            return -1;
        }
        done += w > 0 ? (size_t)w : 0;
        /* A blocking write stops short when a signal arrives: the
         * collector's, which stops the world in every thread, must not
         * show (CPython has none); a Python handler's must. */
        if (w <= 0 || done == n || vm_interrupt_pending() || !fd_blocking(fd))
            break;
    }
    vm_reacquire_lock();
    return (ssize_t)done;
}

bool vm_thread_drop_requested(void)
{
    return drop_request;
}

void vm_thread_yield(void)
{
    if (finalizer != NULL)
        return;                 /* no other thread takes the lock any more */
    VmThread *t = current();
    drop_lock(t, true);
    take_lock(t);
}

/* Kept in whole microseconds and converted as CPython converts it, so
 * that 1e-9 reads back as 0.0 and 0.0001 as 9.999999999999999e-05; a wait
 * is at least 1 µs. */
double vm_get_switch_interval(void)
{
    return 1e-6 * (double)interval_us;
}

void vm_set_switch_interval(double seconds)
{
    double us = 1e6 * seconds;
    interval_us = us > 1e15 ? (long)1e15 : (long)us;
}

/* ---- starting and ending threads ----------------------------------------------- */

static void unlink_thread(VmThread *t)
{
    for (VmThread **p = &threads; *p != NULL; p = &(*p)->next)
        if (*p == t) {
            *p = t->next;
            return;
        }
}

/* The body of every thread pvm starts: take the lock, run, leave. */
static void *thread_body(void *arg)
{
    VmThread *t = arg;
    self = t;
    t->native_id = (unsigned long)syscall(SYS_gettid);
    vm_c_stack_init_thread();
    take_lock(t);
    t->main(t->arg);
    if (exit_hook != NULL && t->dict != VAL_NULL)
        exit_hook(t->dict);
    /* Still holding the lock: forget this thread, and hand the lock on
     * without saving anything (its state dies with it). */
    unlink_thread(t);
    if (t == main_state)
        main_ended = true;
    else
        nstarted--;
    /* In a child forked by a thread, that thread is the main thread and
     * there is no other to finalise: the process ends with its last
     * thread, status 0, as a C program's does when its last thread exits
     * (what CPython's child does too). */
    if (main_ended && nstarted == 0)
        exit(0);
    self = NULL;
    drop_lock(NULL, false);
    return NULL;
}

unsigned long vm_thread_start(VmThreadMain main, Value arg, size_t stack_size)
{
    if (!threaded)
        start_threads();
    VmThread *t = gc_alloc(sizeof *t);
    init_state(t);
    t->main = main;
    t->arg = arg;
    t->serial = ++last_serial;
    t->next = threads;
    threads = t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (stack_size != 0)
        pthread_attr_setstacksize(&attr, stack_size);
    /* The new thread inherits this signal mask: with SIGINT blocked there,
     * the kernel delivers Ctrl-C to the main thread. */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    pthread_t tid;
    int err = gc_thread_create(&tid, &attr, thread_body, t);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (err != 0) {
        unlink_thread(t);
        rt_raisef(&rt_RuntimeError, "can't start new thread");
        return 0;
    }
    nstarted++;
    t->ident = (unsigned long)tid;
    return t->ident;
}

/* ---- what the running thread may ask ------------------------------------------- */

unsigned long vm_thread_ident(void)
{
    return (unsigned long)pthread_self();
}

unsigned long vm_thread_native_id(void)
{
    VmThread *t = current();
    if (t->native_id == 0)
        t->native_id = (unsigned long)syscall(SYS_gettid);
    return t->native_id;
}

bool vm_is_main_thread(void)
{
    return current() == main_state;
}

/* In the child of fork(), only the thread that called it exists: the
 * others' states are dropped, the calling thread becomes the main thread
 * (it takes the signals: SIGINT is unblocked), and the lock — whose mutex
 * another thread may have held at the moment of the fork — is made anew,
 * held by it (CPython's PyOS_AfterFork_Child). */
void vm_thread_after_fork(void)
{
    VmThread *t = current();
    threads = t;
    t->next = NULL;
    nstarted = 0;
    main_state = t;
    main_ended = false;
    if (!threaded)
        return;
    pthread_mutex_init(&gil.mutex, NULL);
    pthread_cond_init(&never, NULL);    /* threads frozen in the parent wait on it */
    drop_request = 0;
    start_threads();
    gil.holder = t;
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
}

/* The teardown begins (after threading._shutdown and atexit, where
 * CPython's Py_FinalizeEx marks the runtime finalising): from now on the
 * calling thread alone runs.  The others, daemon threads and bare
 * _thread threads, may be anywhere: waiting for the lock, in a blocking
 * call with the lock released (a sleep, an accept, a __del__ that
 * sleeps), or about to start; each stops for good at its next
 * take_lock.  Without this, such a thread could take the lock whenever the
 * teardown released it (a write, a __del__ that sleeps) and run Python
 * code against half-finalised state; and the teardown, which cannot know
 * whether that thread will come back, would wait on it: a daemon thread
 * asleep inside a __del__ of a batch of finalisers left the batch marked
 * running, and rt_finalize_all spun for ever waiting for it to end. */
void vm_thread_finalize_begin(void)
{
    pthread_mutex_lock(&gil.mutex);
    finalizer = current();
    drop_request = 0;           /* asked by a thread that will never take it */
    pthread_mutex_unlock(&gil.mutex);
}

int vm_thread_count(void)
{
    return nstarted;
}

bool vm_thread_others_run(void)
{
    return nstarted > 0 && finalizer == NULL;
}

/* The main thread's ident, recorded at start-up (in the main thread). */
__attribute__((constructor)) static void record_main_ident(void)
{
    main_thread.ident = vm_thread_ident();
}

void vm_thread_each(VmThreadVisit visit, void *ctx)
{
    /* The holder of the lock keeps its state in the globals, the others
     * in their VmThread. */
    VmThread *live = threaded ? gil.holder : &main_thread;
    for (VmThread *t = threads; t != NULL; t = t->next) {
        bool is_live = t == live;
        Frame *top = is_live ? vm_running : t->vm_running;
        if (top != NULL)
            visit(t->ident, t->ident == vm_thread_ident(), top,
                  is_live ? vm_exc_info : t->vm_exc_info, ctx);
    }
}

static void snapshot_frame(unsigned long ident, bool is_current, Frame *top,
                           RtExcState *exc, void *dict)
{
    rt_dict_set(*(Value *)dict, rt_int_from_u64(ident), vm_frame_object_of(top));
}

/* 3.11 shows each exception as sys.exc_info() does, 3.12 as sys.exception(). */
static void snapshot_exception(unsigned long ident, bool is_current, Frame *top,
                               RtExcState *exc, void *dict)
{
    Value e = vm_handled_exception_in(exc);
    Value info = rt_py_minor >= 12 ? e
                 : e == rt_None ? rt_tuple_pack(3, rt_None, rt_None, rt_None)
                 : rt_tuple_pack(3, obj_val(val_type(e)), e, AS_EXC(e)->traceback);
    rt_dict_set(*(Value *)dict, rt_int_from_u64(ident), info);
}

Value vm_thread_snapshot(bool exceptions)
{
    Value d = rt_dict_new();
    vm_thread_each(exceptions ? snapshot_exception : snapshot_frame, &d);
    return d;
}

uint64_t vm_thread_serial(void)
{
    return current()->serial;
}

void vm_thread_set_exit_hook(void (*hook)(Value thread_dict))
{
    exit_hook = hook;
}

Value vm_thread_dict(void)
{
    VmThread *t = current();
    if (t->dict == VAL_NULL)
        t->dict = rt_dict_new();
    return t->dict;
}
