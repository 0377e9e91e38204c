/*
 * thread.h — Python threads: OS threads that run Python code one at a time
 * under one interpreter lock, as CPython's threads do under its GIL.
 *
 * The lock.  Whoever runs Python code, touches a Python object or
 * allocates from the GC heap holds the interpreter lock.  It changes hands
 * in two ways:
 *
 *   - around a call that may block (sleep, a lock, a read from a pipe,
 *     waiting for a child): the C code releases the lock, blocks, and takes
 *     it back — vm_release_lock() / vm_reacquire_lock() below, CPython's
 *     Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS;
 *   - every switch interval (sys.setswitchinterval, 5 ms): a thread that has
 *     waited that long for the lock sets a "drop request" and the eval
 *     breaker (vm/eval.h); the running thread sees the breaker at its next
 *     RESUME or loop back edge, releases the lock and waits until another
 *     thread has taken it (CPython's FORCE_SWITCHING: without that wait the
 *     releasing thread often wins the race to take it back).
 *
 * Per-thread interpreter state.  The interpreter keeps the running
 * thread's state in plain globals — the running frame, the exception being
 * raised, the call depth... — that the opcode bodies and the runtime use
 * directly.  A second thread does not change that: when the lock changes
 * hands, the outgoing thread's values are saved into its VmThread and the
 * incoming thread's are loaded (CPython ≤ 3.6 swapped its "current thread
 * state" pointer the same way).  So the hot paths stay exactly as they are
 * in a single-threaded run — no thread-local lookup in CALL or RETURN —
 * and only taking and dropping the lock know about threads.
 *
 * VM_THREAD_STATE below is the one list of those globals.  A global that
 * belongs to the running thread is declared (exported) by the file that
 * owns it and added to the list with its initial value for a new thread;
 * nothing else needs to change.
 *
 * Nothing happens until a second thread starts: no lock is taken at
 * start-up, and vm_release_lock/vm_reacquire_lock are a test and a return.
 * SIGINT reaches only the main thread (the others block it), where it
 * becomes KeyboardInterrupt, also when the main thread waits in a lock or
 * a sleep.  The collector (Boehm, runtime/gc.c) knows every thread: they
 * are created through it, and it scans their stacks.
 */
#ifndef PVM_THREAD_H
#define PVM_THREAD_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "runtime/object.h"

/* ---- the per-thread globals --------------------------------------------------- */

/* X(type, name, initial value in a new thread `t`): every global that
 * holds the running thread's interpreter state, saved in its VmThread while
 * another thread runs.  Each is declared in its owner's header. */
#define VM_THREAD_STATE(X)                                                        \
    /* runtime/exceptions.c: the exception being raised */                        \
    X(Value, rt_err_current, VAL_NULL)                                            \
    /* runtime/abstract.c: the containers whose repr() is in progress */          \
    X(struct RtReprLink *, rt_repr_active, NULL)                                  \
    /* vm/eval.c: the innermost running frame, the depth of frames and C          \
     * entries (the recursion limit), the stack of handled exceptions (a new     \
     * thread starts on its own bottom entry), a gen.throw() exception */         \
    X(struct Frame *, vm_running, NULL)                                           \
    X(int, vm_depth, 0)                                                           \
    X(int, vm_c_depth, 0)                                                         \
    X(bool, vm_entry_inline, false)                                               \
    X(struct RtExcState *, vm_exc_info, &t->exc_base)                             \
    X(Value, vm_thrown_exc, VAL_NULL)                                             \
    X(Value, vm_chained_exc, VAL_NULL)                                            \
    /* vm/frame.c: the chunk on top of this thread's frame stack */               \
    X(struct FrameChunk *, vm_frame_chunk, NULL)                                  \
    /* vm/systrace.c: sys.settrace's and sys.setprofile's functions */            \
    X(Value, vm_trace_func, VAL_NULL)                                             \
    X(Value, vm_profile_func, VAL_NULL)                                           \
    X(bool, vm_trace_on, false)                                                   \
    X(int, vm_trace_busy, 0)                                                      \
    X(int, vm_trace_what, 0)                                                      \
    /* vm/thread.c, for modules/contextvars.c: the current contextvars.Context   \
     * (VAL_NULL until the thread first asks: a new thread starts empty) */      \
    X(Value, vm_context, VAL_NULL)

/* The running thread's contextvars.Context (CPython's tstate->context). */
extern Value vm_context;

/* ---- threads ------------------------------------------------------------------ */

/* What a new thread runs (with the lock held); `arg` is kept alive. */
typedef void (*VmThreadMain)(Value arg);

/* Start an OS thread running main(arg) under the lock.  stack_size 0 is
 * the system's default.  Returns the new thread's identifier (what
 * vm_thread_ident returns in it), or 0 with RuntimeError "can't start new
 * thread" set. */
unsigned long vm_thread_start(VmThreadMain main, Value arg, size_t stack_size);

/* _thread.get_ident(): the running thread's identifier (its pthread_t, as
 * in CPython); get_native_id(): the kernel's thread id. */
unsigned long vm_thread_ident(void);
unsigned long vm_thread_native_id(void);
bool vm_is_main_thread(void);

/* In the child, just after fork(): the calling thread is the only one,
 * and the main thread from now on (the end of the process is its end). */
void vm_thread_after_fork(void);

/* The interpreter's teardown begins in the calling thread: no other thread
 * will take the interpreter lock again (each one that tries waits for
 * ever, as CPython's daemon threads do once Py_FinalizeEx has begun). */
void vm_thread_finalize_begin(void);

/* The number of threads started by vm_thread_start still running
 * (_thread._count()). */
int vm_thread_count(void);

/* Whether another thread may still run Python code: false when pvm
 * started none that is still running, and once the teardown has begun.  A
 * thread that waits for another to finish something (a flush of a shared
 * buffer, an import) stops waiting when this is false: the other is gone
 * (the child of a fork) or will never run again (the teardown), and what
 * it left half done is taken over. */
bool vm_thread_others_run(void);

/* sys._current_frames() (exceptions false): {ident: innermost frame
 * object} for every thread running Python code; sys._current_exceptions()
 * (true): {ident: (type, value, traceback)} of the exception each
 * handles, (None, None, None) for none. */
Value vm_thread_snapshot(bool exceptions);

/* Visit every thread running Python code, newest first: its ident,
 * whether it is the calling thread, its innermost frame and the top of
 * its handled-exception stack.  Without the lock (faulthandler's watchdog
 * and signal handlers) this reads what may be changing, as CPython's
 * faulthandler does: good enough for a report, nothing more. */
struct Frame;
struct RtExcState;
typedef void (*VmThreadVisit)(unsigned long ident, bool is_current, struct Frame *top,
                              struct RtExcState *exc, void *ctx);
void vm_thread_each(VmThreadVisit visit, void *ctx);

/* A dict that belongs to the running thread (CPython's thread-state dict),
 * made on first use and dropped when the thread ends: where
 * _thread._local keeps each thread's attributes. */
Value vm_thread_dict(void);

/* The running thread's number: 0 for the main thread, then 1, 2, ... in
 * the order threads start.  Unlike an ident, never reused. */
uint64_t vm_thread_serial(void);

/* `hook` runs in each thread pvm started, with the interpreter lock held,
 * when the thread's function has returned and the thread has a dict:
 * _thread._local forgets that thread's attributes there. */
void vm_thread_set_exit_hook(void (*hook)(Value thread_dict));

/* ---- blocking calls --------------------------------------------------------------
 * A C function about to block — in sleep, a lock, a read, a wait — lets
 * the other threads run:
 *
 *     vm_release_lock();
 *     while (sem_wait(s) < 0 && errno == EINTR)
 *         if (!vm_blocking_retry())
 *             return VAL_NULL;          // KeyboardInterrupt; the lock is held
 *     vm_reacquire_lock();
 *
 * Between the two calls the code must not touch any Python object, raise,
 * or allocate from the GC heap: another thread is running.  Signals
 * interrupt blocking system calls (EINTR: SIGINT in the main thread, the
 * collector stopping the world in any thread); vm_blocking_retry says
 * whether to go on waiting (true, the lock still released) or to stop
 * because Ctrl-C arrived (false: the lock is held again and
 * KeyboardInterrupt is set, as CPython's PyErr_CheckSignals). */
void vm_release_lock(void);
void vm_reacquire_lock(void);
bool vm_blocking_retry(void);
/* Before a read from fd that may block (a pipe, a terminal): while other
 * threads exist and no data is waiting, wait for some with the lock
 * released (not for a non-blocking descriptor, whose read fails at once).  Without other threads it returns at once: the read itself
 * blocks, and lets a signal interrupt it, as it always did.  false with
 * KeyboardInterrupt set (the lock held) when Ctrl-C ends the wait. */
bool vm_wait_readable(int fd);
/* write(2), or pwrite(2) at offset when positioned, with the lock released:
 * a pipe may be full until another thread reads it.  buf must stay where
 * it is (the caller holds its object: the collector moves nothing).
 * Retried after a signal whose handlers do not raise (PEP 475); a signal
 * that came before it, since the last safe point, has its handlers run
 * first (the write, which it cannot interrupt, may block for good).  Returns
 * what write returned (-1: errno says why), or -2 with the handler's
 * exception set. */
ssize_t vm_blocking_write(int fd, const void *buf, size_t n, off_t offset, bool positioned);
/* Whether a Ctrl-C waits to be raised in this thread (the main thread):
 * may be called without the lock (vm/eval.c). */
bool vm_interrupt_pending(void);

/* now + us on CLOCK_MONOTONIC: the deadline of a timed wait (sem_clockwait,
 * pthread_cond_timedwait on a monotonic condition). */
struct timespec vm_monotonic_after(int64_t us);

/* ---- switching ---------------------------------------------------------------- */

/* sys.getswitchinterval / setswitchinterval, in seconds (default 0.005). */
double vm_get_switch_interval(void);
void vm_set_switch_interval(double seconds);

/* The eval breaker found a drop request (vm/eval.c): give the lock to the
 * thread waiting for it, then take it back. */
bool vm_thread_drop_requested(void);
void vm_thread_yield(void);

#endif
