/*
 * thread.c — the _thread module: starting threads, locks, thread-local
 * data; what CPython's Lib/threading.py is built on (CPython's
 * Modules/_threadmodule.c is the model, with its names and messages).
 *
 * Threads are real OS threads running one at a time under the interpreter
 * lock (vm/thread.h); this file is the Python face of them:
 *
 *   start_new_thread(f, args[, kwargs])  runs f in a new thread; an
 *       uncaught exception there is reported as "Exception ignored in
 *       thread started by: f" (threading.Thread catches its own and prints
 *       "Exception in thread NAME:" through _excepthook instead);
 *   lock (allocate_lock)  a binary semaphore: acquire(blocking, timeout)
 *       waits with the interpreter lock released, and a Ctrl-C in the main
 *       thread interrupts the wait with KeyboardInterrupt;
 *   RLock  a lock its owner may take again, counting;
 *   _local  an object whose attributes each thread sees separately;
 *   _set_sentinel  a lock that is released (if the thread acquired it)
 *       when the calling thread ends: what threading.Thread.join() waits on.
 *
 * The reference is the python3.11 the tests run, /usr/bin/python3.11
 * (3.11.2): later 3.11 releases add RLock._recursion_count and word timeout
 * overflows differently.
 */
#define _GNU_SOURCE             /* sem_clockwait */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <semaphore.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "runtime/version.h"
#include "runtime/weakref.h"
#include "modules/api.h"
#include "modules/modutil.h"
#include "modules/sys.h"
#include "vm/thread.h"
#include "vm/vm.h"

/* ---- waiting on a semaphore ---------------------------------------------------- */

/* CPython's PY_TIMEOUT_MAX for semaphores, in microseconds, and what it
 * shows as _thread.TIMEOUT_MAX (seconds, rounded down). */
#define TIMEOUT_MAX_US (INT64_MAX / 1000)
#define TIMEOUT_MAX_S 9223372036.0

static bool before(struct timespec a, struct timespec b)
{
    return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

/* The main thread waits in slices of this many microseconds: a Ctrl-C that
 * arrives after it last looked but before it blocks cannot interrupt the
 * wait (EINTR), so it looks again after each slice. */
#define MAIN_SLICE_US 50000

/* A main thread that has waited this long collects (and runs the
 * finalizers due), then again after twice as long, and so on.  What it
 * waits for may wait on an object the program dropped: a server thread
 * reading a keep-alive connection whose HTTPResponse the program dropped,
 * which CPython's reference counting closes at once — while nothing here
 * allocates, no collection would ever come, and shutdown() waits forever. */
#define IDLE_COLLECT_US 250000

/* The collection of a long wait (the interpreter lock held meanwhile);
 * a finalizer's exception is its own business (reported as unraisable
 * where it ran), never the waiter's. */
static void idle_collect(void)
{
    vm_reacquire_lock();
    Value pending = rt_err_fetch();
    vm_gc_collect(NULL);
    rt_err_clear();
    if (pending != VAL_NULL)
        rt_raise(pending);
    vm_release_lock();
}

/* Take the semaphore, waiting at most timeout_us (< 0: forever) with the
 * interpreter lock released.  1: taken, 0: timed out, -1: interrupted by
 * Ctrl-C (KeyboardInterrupt set).  CPython's acquire_timed. */
int mod_acquire_timed(sem_t *sem, int64_t timeout_us)
{
    if (sem_trywait(sem) == 0)
        return 1;
    if (timeout_us == 0)
        return 0;
    int arrived = vm_signal_count();
    if (!vm_check_interrupt())
        return -1;
    bool forever = timeout_us < 0, sliced = vm_is_main_thread();
    struct timespec deadline = vm_monotonic_after(forever ? 0 : timeout_us);
    int64_t idle_us = IDLE_COLLECT_US;
    struct timespec collect_at = vm_monotonic_after(idle_us);
    vm_release_lock();
    int r;
    for (;;) {
        if (sliced && !before(vm_monotonic_after(0), collect_at)) {
            idle_collect();
            idle_us *= 2;
            collect_at = vm_monotonic_after(idle_us);
        }
        struct timespec until = deadline, slice = vm_monotonic_after(MAIN_SLICE_US);
        bool short_wait = sliced && (forever || before(slice, deadline));
        if (short_wait)
            until = slice;
        r = forever && !short_wait ? sem_wait(sem) : sem_clockwait(sem, CLOCK_MONOTONIC, &until);
        if (r == 0 || (errno == ETIMEDOUT && !short_wait) || (errno != EINTR && errno != ETIMEDOUT))
            break;
        /* A slice ended: only a signal that really arrived (and found us
         * not yet blocked) counts, not interrupt_main's. */
        if (errno == ETIMEDOUT && vm_signal_count() == arrived)
            continue;
        arrived = vm_signal_count();
        if (!vm_blocking_retry())
            return -1;
    }
    vm_reacquire_lock();
    return r == 0;
}

/* ---- acquire()'s arguments --------------------------------------------------------- */

/* A timeout in seconds (int or float) as nanoseconds, rounded up, with
 * CPython's errors (_PyTime_FromSecondsObject: the value must fit in an
 * int64 of nanoseconds; 3.14 says a bad type may be an integer or float). */
bool mod_timeout_ns(Value v, int64_t *out)
{
    const char *too_large = rt_py_minor >= 13 ? "timestamp too large to convert to C PyTime_t"
                                              : "timestamp too large to convert to C _PyTime_t";
    if (is_float(v)) {
        double d = AS_FLOAT(v)->value;
        if (isnan(d)) {
            rt_raisef(&rt_ValueError, "Invalid value NaN (not a number)");
            return false;
        }
        double ns = ceil(d * 1e9);
        if (!(ns >= -9223372036854775808.0 && ns < 9223372036854775808.0)) {
            rt_raisef(&rt_OverflowError, "%s", rt_py_minor >= 12
                      ? "timestamp out of range for platform time_t" : too_large);
            return false;
        }
        *out = (int64_t)ns;
        return true;
    }
    Value i = rt_index(v);
    int64_t s;
    if (i == VAL_NULL) {
        if (rt_py_minor >= 14 && rt_err_matches(&rt_TypeError)) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer or float", v);
        }
        return false;
    }
    if (!rt_int_as_i64(i, &s) || s > INT64_MAX / 1000000000 || s < INT64_MIN / 1000000000) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "%s", too_large);
        return false;
    }
    *out = s * 1000000000;
    return true;
}

/* An int argument as C's `int` (PyArg_Parse "i"). */
static bool int_arg(Value v, int *out)
{
    Value i = rt_index(v);
    int64_t n;
    if (i == VAL_NULL)
        return false;
    if (!rt_int_as_i64(i, &n) || n > INT32_MAX || n < INT32_MIN) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "signed integer is %s",
                  rt_int_sign(i) > 0 ? "greater than maximum" : "less than minimum");
        return false;
    }
    *out = (int)n;
    return true;
}

/* acquire(blocking=True, timeout=-1): the wait in microseconds (rounded
 * up), -1 for ever, 0 for not at all (lock_acquire_parse_args). */
static bool acquire_args(Value *args, size_t nargs, Value kwnames, int64_t *wait)
{
    static const char *const names[] = { "blocking", "timeout" };
    static const ArgSpec spec = { "acquire", names, 2, 0, 0, 2, false };
    const int64_t unset = -1000000000;      /* timeout=-1: no timeout */
    Value a[2];
    int blocking = 1;
    int64_t ns = unset;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) ||
        (a[0] != VAL_NULL && (rt_py_minor >= 12 ? (blocking = rt_truthy(a[0])) < 0  /* "p" */
                                               : !int_arg(a[0], &blocking))) ||
        (a[1] != VAL_NULL && !mod_timeout_ns(a[1], &ns)))
        return false;
    if (!blocking && ns != unset) {
        rt_raisef(&rt_ValueError, "can't specify a timeout for a non-blocking call");
        return false;
    }
    if (ns < 0 && ns != unset) {
        rt_raisef(&rt_ValueError, rt_py_minor >= 13 ? "timeout value must be a non-negative number"
                                                    : "timeout value must be positive");
        return false;
    }
    int64_t us = ns / 1000 + (ns % 1000 > 0);
    if (ns != unset && us > TIMEOUT_MAX_US) {
        rt_raisef(&rt_OverflowError, "timeout value is too large");
        return false;
    }
    *wait = !blocking ? 0 : ns == unset ? -1 : us;
    return true;
}

/* ---- lock ---------------------------------------------------------------------- */

/* A semaphore of one token (CPython's lock on a POSIX semaphore); `locked`
 * mirrors it for locked() and release(), and changes only under the
 * interpreter lock. */
typedef struct ObjLock {
    Object ob;
    sem_t sem;
    bool locked;
} ObjLock;

static ObjType lock_type;

static Value lock_new(void)
{
    ObjLock *l = gc_alloc(sizeof *l);
    l->ob.type = &lock_type;
    sem_init(&l->sem, 0, 1);
    return obj_val(l);
}

static ObjLock *as_lock(Value v)
{
    return VAL_AS(ObjLock, v);
}

/* Release a lock known to be held. */
static void lock_unlock(ObjLock *l)
{
    l->locked = false;
    sem_post(&l->sem);
}

static Value lock_acquire(Value *args, size_t nargs, Value kwnames)
{
    int64_t wait;
    if (!acquire_args(args + 1, nargs - 1, kwnames, &wait))
        return VAL_NULL;
    ObjLock *l = as_lock(args[0]);
    int r = mod_acquire_timed(&l->sem, wait);
    if (r < 0)
        return VAL_NULL;
    if (r)
        l->locked = true;
    return rt_bool(r);
}

static Value release_checked(Value self)
{
    ObjLock *l = as_lock(self);
    if (!l->locked)
        return rt_raisef(&rt_RuntimeError, "release unlocked lock");
    lock_unlock(l);
    return rt_None;
}

static Value lock_release(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("lock.release", nargs - 1, kwnames) ? release_checked(args[0]) : VAL_NULL;
}

static Value lock_release_lock(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("lock.release_lock", nargs - 1, kwnames) ? release_checked(args[0])
                                                                : VAL_NULL;
}

static Value lock_exit(Value *args, size_t nargs, Value kwnames)
{
    return release_checked(args[0]);
}

static Value lock_locked(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("lock.locked", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_bool(as_lock(args[0])->locked);
}

static Value lock_locked_lock(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("lock.locked_lock", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_bool(as_lock(args[0])->locked);
}

/* After fork() in the child: a fresh, unlocked lock. */
static Value lock_at_fork_reinit(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("lock._at_fork_reinit", nargs - 1, kwnames))
        return VAL_NULL;
    ObjLock *l = as_lock(args[0]);
    sem_init(&l->sem, 0, 1);
    l->locked = false;
    return rt_None;
}

static Value lock_repr(Value self)
{
    return rt_str_format_c("<%s %s object at %p>", as_lock(self)->locked ? "locked" : "unlocked",
                           lock_type.name, (void *)self);
}

static const MethodDef lock_methods[] = {
    {"acquire", lock_acquire}, {"acquire_lock", lock_acquire}, {"__enter__", lock_acquire},
    {"release", lock_release}, {"release_lock", lock_release_lock}, {"__exit__", lock_exit},
    {"locked", lock_locked}, {"locked_lock", lock_locked_lock},
    {"_at_fork_reinit", lock_at_fork_reinit},
    {NULL, NULL}
};

/* Locks come from allocate_lock() only, until 3.13 (where threading.Lock
 * is this type). */
static Value lock_type_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (rt_py_minor >= 13)
        return rt_arg_none("lock", nargs, kwnames) ? lock_new() : VAL_NULL;
    return rt_raisef(&rt_TypeError, "cannot create '%s' instances", type->name);
}

static ObjType lock_type = {
    .ob.type = &rt_type_type, .name = "_thread.lock", .flags = TF_WEAKREFABLE,
    .repr = lock_repr, .new_ = lock_type_new,
};

/* ---- RLock --------------------------------------------------------------------- */

/* A lock its owner may acquire again: the owner's ident and how many times
 * it holds it, over the same one-token semaphore. */
typedef struct ObjRLock {
    Object ob;
    sem_t sem;
    unsigned long owner;        /* 0: nobody */
    unsigned long count;
} ObjRLock;

static ObjType rlock_type;

static ObjRLock *as_rlock(Value v)
{
    return VAL_AS(ObjRLock, v);
}

static void rlock_init(ObjRLock *r)
{
    sem_init(&r->sem, 0, 1);
    r->owner = r->count = 0;
}

static Value rlock_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    ObjRLock *r = rt_alloc_instance(type, sizeof(ObjRLock));
    rlock_init(r);
    return obj_val(r);
}

static Value rlock_acquire(Value *args, size_t nargs, Value kwnames)
{
    int64_t wait;
    if (!acquire_args(args + 1, nargs - 1, kwnames, &wait))
        return VAL_NULL;
    ObjRLock *r = as_rlock(args[0]);
    unsigned long me = vm_thread_ident();
    if (r->count > 0 && r->owner == me) {
        if (r->count == ULONG_MAX)
            return rt_raisef(&rt_OverflowError, "Internal lock count overflowed");
        r->count++;
        return rt_True;
    }
    int got = mod_acquire_timed(&r->sem, wait);
    if (got < 0)
        return VAL_NULL;
    if (got) {
        r->owner = me;
        r->count = 1;
    }
    return rt_bool(got);
}

static Value rlock_release(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("RLock.release", nargs - 1, kwnames))
        return VAL_NULL;
    ObjRLock *r = as_rlock(args[0]);
    if (r->count == 0 || r->owner != vm_thread_ident())
        return rt_raisef(&rt_RuntimeError, "cannot release un-acquired lock");
    if (--r->count == 0) {
        r->owner = 0;
        sem_post(&r->sem);
    }
    return rt_None;
}

static Value rlock_exit(Value *args, size_t nargs, Value kwnames)
{
    return rlock_release(args, 1, VAL_NULL);
}

static Value rlock_is_owned(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("RLock._is_owned", nargs - 1, kwnames))
        return VAL_NULL;
    ObjRLock *r = as_rlock(args[0]);
    return rt_bool(r->count > 0 && r->owner == vm_thread_ident());
}

/* _recursion_count() (3.12): how often the calling thread holds it, 0
 * when another thread does (multiprocessing's resource tracker asks). */
static Value rlock_recursion_count(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("_recursion_count", nargs - 1, kwnames))
        return VAL_NULL;
    ObjRLock *r = as_rlock(args[0]);
    return rt_int_from_u64(r->owner == vm_thread_ident() ? r->count : 0);
}

/* locked() (3.14): whether any thread holds it (threading.RLock's
 * locked() and the repr of 3.14's Condition ask). */
static Value rlock_locked(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("locked", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_bool(as_rlock(args[0])->count > 0);
}

/* Condition.wait() gives the lock up entirely, remembering (count, owner),
 * and restores exactly that afterwards. */
static Value rlock_release_save(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("RLock._release_save", nargs - 1, kwnames))
        return VAL_NULL;
    ObjRLock *r = as_rlock(args[0]);
    if (r->count == 0)
        return rt_raisef(&rt_RuntimeError, "cannot release un-acquired lock");
    Value state = rt_tuple_pack(2, rt_int_from_u64(r->count), rt_int_from_u64(r->owner));
    r->owner = r->count = 0;
    sem_post(&r->sem);
    return state;
}

static bool ulong_item(Value state, size_t i, unsigned long *out)
{
    Value v = rt_index(rt_tuple_get(state, i));
    int64_t n;
    if (v == VAL_NULL)
        return false;
    if (!rt_int_as_i64(v, &n))
        return false;
    *out = (unsigned long)n;
    return true;
}

static Value rlock_acquire_restore(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("_acquire_restore", nargs - 1, kwnames))
        return VAL_NULL;
    Value state = args[1];
    if (!is_tuple(state) && !is_list(state))
        return rt_raisef(&rt_TypeError, "_acquire_restore() argument 1 must be 2-item "
                         "sequence, not %s", val_type(state)->name);
    state = rt_sequence_to_tuple(state);
    if (rt_tuple_len(state) != 2)
        return rt_raisef(&rt_TypeError, "_acquire_restore() argument 1 must be sequence of "
                         "length 2, not %zu", rt_tuple_len(state));
    unsigned long count, owner;
    if (!ulong_item(state, 0, &count) || !ulong_item(state, 1, &owner))
        return VAL_NULL;
    ObjRLock *r = as_rlock(args[0]);
    /* Not interruptible, as in CPython: the caller must end up holding it. */
    if (sem_trywait(&r->sem) != 0) {
        vm_release_lock();
        while (sem_wait(&r->sem) != 0)
            ;
        vm_reacquire_lock();
    }
    r->owner = owner;
    r->count = count;
    return rt_None;
}

static Value rlock_at_fork_reinit(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("RLock._at_fork_reinit", nargs - 1, kwnames))
        return VAL_NULL;
    rlock_init(as_rlock(args[0]));
    return rt_None;
}

static Value rlock_repr(Value self)
{
    ObjRLock *r = as_rlock(self);
    return rt_str_format_c("<%s %s object owner=%lu count=%lu at %p>",
                           r->count ? "locked" : "unlocked", val_type(self)->name,
                           r->owner, r->count, (void *)self);
}

static const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire}, {"__enter__", rlock_acquire},
    {"release", rlock_release}, {"__exit__", rlock_exit},
    {"_is_owned", rlock_is_owned}, {"_release_save", rlock_release_save},
    {"_acquire_restore", rlock_acquire_restore}, {"_at_fork_reinit", rlock_at_fork_reinit},
    {NULL, NULL}
};

static ObjType rlock_type = {
    .ob.type = &rt_type_type, .name = "_thread.RLock", .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .instance_size = sizeof(ObjRLock), .new_ = rlock_new, .repr = rlock_repr,
};

/* ---- _local -------------------------------------------------------------------- */

/* Thread-local data.  The object keeps one attribute dict per thread, in
 * `dicts` under the thread's serial number (vm_thread_serial), so the
 * attributes die with the object, as in CPython.  Each thread's own dict
 * (vm_thread_dict) holds, under the object's key, a weak reference to it:
 * when the thread ends, local_thread_exit drops that thread's attributes
 * from every object still alive.  Before every attribute access the
 * running thread's dict is put in the object's dict slot, and the generic
 * attribute protocol does the rest.  A thread that first touches the
 * object gets a fresh dict and, if the class defines __init__, a call of
 * it with the arguments the object was created with. */
typedef struct ObjLocal {
    Object ob;
    Value dict;                 /* the running thread's attributes */
    Value dicts;                /* thread serial -> that thread's attributes */
    Value key;                  /* small int, unique per object */
    Value args, kwargs;         /* for __init__ in each new thread */
} ObjLocal;

static ObjType local_type;

static bool has_own_init(ObjType *type)
{
    Value name = RT_NAME("__init__");
    return rt_type_lookup(type, name) != rt_type_lookup(&rt_object_type, name);
}

/* Give the running thread a fresh attribute dict for `self`. */
static Value local_add_thread(Value self, Value serial)
{
    ObjLocal *l = VAL_AS(ObjLocal, self);
    Value d = rt_dict_new();
    rt_dict_set(l->dicts, serial, d);
    rt_dict_set(vm_thread_dict(), l->key, rt_weakref_new(&rt_weakref_type, self, VAL_NULL));
    return d;
}

static Value local_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static intptr_t next_key;
    if (nargs > 0 && !has_own_init(type))
        return rt_raisef(&rt_TypeError, "Initialization arguments are not supported");
    ObjLocal *l = rt_alloc_instance(type, sizeof(ObjLocal));
    l->key = small_new(next_key++);
    size_t npos = rt_npos(nargs, kwnames);
    l->args = rt_tuple_from(args, npos);
    l->kwargs = rt_dict_new();
    for (size_t i = 0; i < rt_nkwargs(kwnames); i++)
        rt_dict_set(l->kwargs, rt_tuple_get(kwnames, i), args[npos + i]);
    l->dicts = rt_dict_new();
    l->dict = local_add_thread(obj_val(l), rt_int_from_u64(vm_thread_serial()));
    return obj_val(l);
}

/* Put the running thread's dict in place (making it, and running
 * __init__, on this thread's first touch). */
static bool local_select(Value self)
{
    ObjLocal *l = VAL_AS(ObjLocal, self);
    Value serial = rt_int_from_u64(vm_thread_serial());
    Value d = rt_dict_get(l->dicts, serial, NULL);
    if (d != VAL_NULL) {
        l->dict = d;
        return true;
    }
    l->dict = d = local_add_thread(self, serial);
    if (!has_own_init(val_type(self)))
        return true;
    Value init = rt_getattr_cstr(self, "__init__");
    if (init == VAL_NULL || rt_call_tuple_dict(init, l->args, l->kwargs) == VAL_NULL) {
        rt_dict_del(l->dicts, serial);
        return false;
    }
    /* __init__ may have let another thread run (a sleep), which put its
     * own dict in place: this thread's goes back. */
    l->dict = d;
    return true;
}

/* A thread ends: the objects it touched that are still alive forget its
 * attributes (vm_thread_set_exit_hook). */
static void local_thread_exit(Value thread_dict)
{
    Value serial = rt_int_from_u64(vm_thread_serial()), key, ref;
    for (size_t i = 0; rt_dict_next(thread_dict, &i, &key, &ref);) {
        if (val_type(ref) != &rt_weakref_type)
            continue;
        Value self = rt_weakref_target(ref);
        if (self != VAL_NULL && rt_isinstance_of(self, &local_type))
            rt_dict_del(VAL_AS(ObjLocal, self)->dicts, serial);     /* 0 if absent */
    }
}

static Value local_getattr(Value self, Value name)
{
    return local_select(self) ? rt_generic_getattr(self, name) : VAL_NULL;
}

/* __dict__ is each thread's own: it can be neither replaced nor deleted. */
static int local_setattr(Value self, Value name, Value v)
{
    if (is_str(name) && strcmp(rt_str_cstr(name), "__dict__") == 0) {
        rt_raisef(&rt_AttributeError, "'%s' object attribute '__dict__' is read-only",
                  val_type(self)->name);
        return -1;
    }
    return local_select(self) ? rt_generic_setattr(self, name, v) : -1;
}

static ObjType local_type = {
    .ob.type = &rt_type_type, .name = "_thread._local", .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .instance_size = sizeof(ObjLocal), .dict_offset = offsetof(ObjLocal, dict),
    .new_ = local_new, .getattr = local_getattr, .setattr = local_setattr,
};

/* ---- _ExceptHookArgs ----------------------------------------------------------- */

/* What threading passes to excepthook: a struct sequence (a tuple whose
 * items have names), built from one sequence of four values. */
static const char *const hook_fields[] = { "exc_type", "exc_value", "exc_traceback", "thread" };
enum { NHOOK_FIELDS = 4 };
static ObjType hook_args_type;

/* structseq_new: _ExceptHookArgs(sequence, dict=None). */
static Value hook_args_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "sequence", "dict" };
    static const ArgSpec spec = { "structseq", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    Value items = rt_sequence_to_tuple(a[0]);
    if (items == VAL_NULL) {
        if (rt_err_matches(&rt_TypeError)) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "constructor requires a sequence");
        }
        return VAL_NULL;
    }
    if (rt_tuple_len(items) != NHOOK_FIELDS)
        return rt_raisef(&rt_TypeError, "_thread._ExceptHookArgs() takes a %d-sequence "
                         "(%zu-sequence given)", NHOOK_FIELDS, rt_tuple_len(items));
    Value v = rt_tuple_from(AS_TUPLE(items)->items, NHOOK_FIELDS);
    AS_TUPLE(v)->ob.type = &hook_args_type;
    return v;
}

static Value hook_args_getattr(Value self, Value name)
{
    for (int i = 0; i < NHOOK_FIELDS; i++)
        if (strcmp(hook_fields[i], rt_str_cstr(name)) == 0)
            return AS_TUPLE(self)->items[i];
    return rt_attr_fallback(self, name);
}

/* _thread._ExceptHookArgs(exc_type=..., exc_value=..., ...) */
static Value hook_args_repr(Value self)
{
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "_thread._ExceptHookArgs(");
    for (int i = 0; i < NHOOK_FIELDS; i++) {
        sb_adds(&sb, i > 0 ? ", " : "");
        sb_adds(&sb, hook_fields[i]);
        sb_addc(&sb, '=');
        if (!sb_add_value_repr(&sb, AS_TUPLE(self)->items[i]))
            return VAL_NULL;
    }
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

static ObjType hook_args_type = {
    .ob.type = &rt_type_type, .name = "_thread._ExceptHookArgs", .base = &rt_tuple_type,
    .flags = TF_TUPLE_SUBCLASS, .new_ = hook_args_new, .repr = hook_args_repr,
    .getattr = hook_args_getattr,
};

/* ---- reporting an exception that ends a thread ---------------------------------- */

/* The exception's report, as text. */
static Value exception_text(Value exc)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&buf, &n);
    if (mem == NULL)
        return rt_str_from_cstr("");
    rt_print_exception_to(mem, exc);
    fclose(mem);
    Value s = rt_str_new(buf, n);
    free(buf);
    return s;
}

static bool write_to(Value file, Value text)
{
    return mod_call_method(file, "write", &text, 1) != VAL_NULL &&
           mod_call_method(file, "flush", NULL, 0) != VAL_NULL;
}

/* _excepthook(args): threading.excepthook's default.  "Exception in thread
 * NAME:" and the traceback on sys.stderr (or, with that None, the stderr
 * the thread started with); SystemExit is silently ignored. */
static Value thread_excepthook(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("_thread._excepthook", nargs, kwnames))
        return VAL_NULL;
    if (!IS_EXACT(args[0], hook_args_type))
        return rt_raisef(&rt_TypeError, "_thread.excepthook argument type must be "
                         "ExceptHookArgs");
    Value *items = AS_TUPLE(args[0])->items;
    Value exc_type = items[0], exc_value = items[1], thread = items[3];
    if (exc_type == obj_val(&rt_SystemExit))
        return rt_None;
    Value file = rt_dict_get_cstr(VAL_AS(ObjModule, mod_sys_module())->dict, "stderr");
    if ((file == VAL_NULL || file == rt_None) && thread != rt_None)
        file = rt_lookup_attr(thread, RT_NAME("_stderr"));
    if (file == VAL_NULL || file == rt_None)
        return rt_err_occurred() ? VAL_NULL : rt_None;
    Value name = thread != rt_None ? rt_lookup_attr(thread, RT_NAME("name")) : VAL_NULL;
    rt_err_clear();
    Value who = name != VAL_NULL ? rt_str(name) : rt_str_format_c("%lu", vm_thread_ident());
    if (who == VAL_NULL || !write_to(file, rt_str_format_c("Exception in thread %S:\n", who)) ||
        !write_to(file, exception_text(exc_value)))
        return VAL_NULL;
    return rt_None;
}

/* What CPython's PyErr_WriteUnraisable prints: "Exception ignored <what>:
 * <repr of obj>" and the traceback, on stderr. */
static void write_unraisable(const char *what, Value obj, Value exc)
{
    mod_sys_write_unraisable(exc, what, obj);
    rt_err_clear();
}

/* ---- starting threads -------------------------------------------------------------- */

/* The running thread's sentinel lock (_set_sentinel), in its thread dict. */
#define SENTINEL_KEY "_thread.sentinel"

/* How a thread's function ended: an uncaught SystemExit ends the thread
 * quietly, anything else is reported (3.13 names the function in the
 * message, with no object). */
static void report_thread_end(Value result, Value function)
{
    if (result == VAL_NULL) {
        Value exc = rt_err_fetch();
        if (rt_isinstance_of(exc, &rt_SystemExit))
            return;
        Value what = rt_py_minor >= 13 ? rt_str_format_c("in thread started by %R", function)
                                       : VAL_NULL;
        if (what != VAL_NULL)
            write_unraisable(rt_str_cstr(what), VAL_NULL, exc);
        else {
            rt_err_clear();
            write_unraisable("in thread started by", function, exc);
        }
    }
}

/* The body of a thread from start_new_thread: arg is (function, args,
 * kwargs or None). */
static void thread_main(Value boot)
{
    Value *b = AS_TUPLE(boot)->items;
    report_thread_end(rt_call_tuple_dict(b[0], b[1], b[2] == rt_None ? VAL_NULL : b[2]), b[0]);
    Value sentinel = rt_dict_get_cstr(vm_thread_dict(), SENTINEL_KEY);
    if (sentinel != VAL_NULL && as_lock(sentinel)->locked)
        lock_unlock(as_lock(sentinel));
}

static size_t stack_size_setting;   /* stack_size(): 0 is the system's default */

static Value start_new_thread(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("start_new_thread", kwnames) ||
        !rt_arg_range("start_new_thread", nargs, 2, 3))
        return VAL_NULL;
    if (!rt_callable(args[0]))
        return rt_raisef(&rt_TypeError, "first arg must be callable");
    if (!rt_isinstance_of(args[1], &rt_tuple_type))
        return rt_raisef(&rt_TypeError, "2nd arg must be a tuple");
    Value kwargs = nargs > 2 ? args[2] : rt_None;
    if (kwargs != rt_None && !rt_isinstance_of(kwargs, &rt_dict_type))
        return rt_raisef(&rt_TypeError, "optional 3rd arg must be a dictionary");
    Value boot = rt_tuple_pack(3, args[0], args[1], kwargs);
    unsigned long ident = vm_thread_start(thread_main, boot, stack_size_setting);
    return ident == 0 ? VAL_NULL : rt_int_from_u64(ident);
}

static Value thread_set_sentinel(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("_thread._set_sentinel", nargs, kwnames))
        return VAL_NULL;
    Value l = lock_new();
    rt_dict_set_cstr(vm_thread_dict(), SENTINEL_KEY, l);
    return l;
}

/* ---- 3.13's thread handles --------------------------------------------------------
 * Python 3.13's threading starts its threads with start_joinable_thread
 * and waits for them through a _ThreadHandle: `done` is a lock held while
 * the thread runs, released when it ends, so that join() is acquiring it
 * (with a timeout) and giving it back.  _shutdown() joins the threads
 * started as non-daemon. */
typedef struct ObjThreadHandle {
    Object ob;
    unsigned long ident;        /* 0 until started */
    bool finished;
    Value done;                 /* a lock, held while the thread runs */
} ObjThreadHandle;

static ObjType handle_type;
static Value non_daemon_handles;    /* list of the handles _shutdown joins */
static Value running_handles;       /* list of the started handles not yet done */
static unsigned long main_ident;

static ObjThreadHandle *as_handle(Value v) { return VAL_AS(ObjThreadHandle, v); }

static Value handle_new_running(unsigned long ident)
{
    ObjThreadHandle *h = gc_alloc(sizeof *h);
    h->ob.type = &handle_type;
    h->ident = ident;
    h->done = lock_new();
    as_lock(h->done)->locked = true;
    sem_wait(&as_lock(h->done)->sem);       /* a fresh semaphore has its token */
    return obj_val(h);
}

static Value handle_type_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("_ThreadHandle", nargs, kwnames))
        return VAL_NULL;
    return handle_new_running(0);
}

/* A handle whose thread runs: done at its end, or in the child of a fork
 * if it is not the forking thread's. */
static void handle_track(Value handle)
{
    if (running_handles == VAL_NULL)
        running_handles = rt_list_new(0);
    rt_list_append(running_handles, handle);
}

/* The thread is over: join() returns from now on. */
static void handle_set_done(ObjThreadHandle *h)
{
    if (h->finished)
        return;
    h->finished = true;
    lock_unlock(as_lock(h->done));
    ObjList *running = running_handles == VAL_NULL ? NULL : AS_LIST(running_handles);
    for (size_t i = 0; running != NULL && i < running->length; i++)
        if (running->items[i] == obj_val(h)) {
            memmove(running->items + i, running->items + i + 1,
                    (running->length - i - 1) * sizeof *running->items);
            running->length--;
            break;
        }
}

static Value handle_join(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "timeout" };
    static const ArgSpec spec = { "join", names, 1, 0, 0, 1, false };
    Value a[1];
    int64_t ns = -1;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kwnames, a) ||
        (a[0] != VAL_NULL && a[0] != rt_None && !mod_timeout_ns(a[0], &ns)))
        return VAL_NULL;
    ObjThreadHandle *h = as_handle(args[0]);
    if (h->finished)
        return rt_None;
    if (h->ident == vm_thread_ident())
        return rt_raisef(&rt_RuntimeError, "Cannot join current thread");
    int64_t us = a[0] == VAL_NULL || a[0] == rt_None ? -1 : ns < 0 ? 0 : ns / 1000;
    int r = mod_acquire_timed(&as_lock(h->done)->sem, us);
    if (r < 0)
        return VAL_NULL;
    if (r)
        sem_post(&as_lock(h->done)->sem);   /* give the token back for other joiners */
    return rt_None;
}

static Value handle_is_done(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("is_done", nargs - 1, kwnames) ? rt_bool(as_handle(args[0])->finished)
                                                      : VAL_NULL;
}

static Value handle_mark_done(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("_set_done", nargs - 1, kwnames))
        return VAL_NULL;
    handle_set_done(as_handle(args[0]));
    return rt_None;
}

static Value handle_getattr(Value self, Value name)
{
    if (strcmp(rt_str_cstr(name), "ident") == 0)
        return rt_int_from_u64(as_handle(self)->ident);
    return rt_attr_fallback(self, name);
}

static const MethodDef handle_methods[] = {
    {"join", handle_join}, {"is_done", handle_is_done}, {"_set_done", handle_mark_done},
    {NULL, NULL}
};

static ObjType handle_type = {
    .ob.type = &rt_type_type, .name = "_thread._ThreadHandle", .new_ = handle_type_new,
    .getattr = handle_getattr,
};

/* The body of a thread from start_joinable_thread: boot is (function,
 * handle); the handle is done however the function ends. */
static void joinable_main(Value boot)
{
    Value *b = AS_TUPLE(boot)->items;
    report_thread_end(rt_call0(b[0]), b[0]);
    handle_set_done(as_handle(b[1]));
}

static Value start_joinable_thread(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "function", "handle", "daemon" };
    static const ArgSpec spec = { "start_joinable_thread", names, 3, 1, 0, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    if (!rt_callable(a[0]))
        return rt_raisef(&rt_TypeError, "thread function must be callable");
    Value handle = a[1] == VAL_NULL || a[1] == rt_None ? handle_new_running(0) : a[1];
    if (val_type(handle) != &handle_type)
        return rt_raisef(&rt_TypeError, "'handle' must be a _ThreadHandle");
    if (as_handle(handle)->ident != 0)
        return rt_raisef(&rt_RuntimeError, "thread already started");
    int daemon = a[2] == VAL_NULL ? 1 : rt_truthy(a[2]);
    if (daemon < 0)
        return VAL_NULL;
    unsigned long ident = vm_thread_start(joinable_main, rt_tuple_pack(2, a[0], handle),
                                          stack_size_setting);
    if (ident == 0)
        return VAL_NULL;
    as_handle(handle)->ident = ident;
    handle_track(handle);
    if (!daemon) {
        if (non_daemon_handles == VAL_NULL)
            non_daemon_handles = rt_list_new(0);
        rt_list_append(non_daemon_handles, handle);
    }
    return handle;
}

/* A handle for a thread already running (the main thread, a dummy thread). */
static Value make_thread_handle(Value *args, size_t nargs, Value kwnames)
{
    uint64_t ident;
    if (!rt_arg_nokw("_make_thread_handle", kwnames) ||
        !rt_arg_range("_make_thread_handle", nargs, 1, 1))
        return VAL_NULL;
    Value i = rt_index(args[0]);
    if (i == VAL_NULL || !rt_int_as_u64(i, &ident))
        return VAL_NULL;
    Value handle = handle_new_running((unsigned long)ident);
    handle_track(handle);
    return handle;
}

/* In the child of a fork, only the forking thread runs: every other
 * thread's handle is done (joining it returns at once), and the forking
 * thread is the main thread (CPython's _PyThread_AfterFork). */
void mod_thread_after_fork(void)
{
    unsigned long self = vm_thread_ident();
    main_ident = self;
    non_daemon_handles = VAL_NULL;
    while (running_handles != VAL_NULL) {
        ObjList *running = AS_LIST(running_handles);
        size_t i = 0;
        while (i < running->length && as_handle(running->items[i])->ident == self)
            i++;
        if (i == running->length)
            break;
        handle_set_done(as_handle(running->items[i]));
    }
}

/* Join every thread started as non-daemon (threading._shutdown's end). */
static Value thread_shutdown(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("_thread._shutdown", nargs, kwnames))
        return VAL_NULL;
    for (size_t i = 0; non_daemon_handles != VAL_NULL && i < AS_LIST(non_daemon_handles)->length; i++) {
        Value h = AS_LIST(non_daemon_handles)->items[i];
        if (as_handle(h)->ident == vm_thread_ident())
            continue;
        Value self[1] = { h };
        if (handle_join(self, 1, VAL_NULL) == VAL_NULL)
            return VAL_NULL;
    }
    non_daemon_handles = VAL_NULL;
    return rt_None;
}

static Value thread_get_main_thread_ident(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("_thread._get_main_thread_ident", nargs, kwnames))
        return VAL_NULL;
    return rt_int_from_u64(main_ident);
}

static Value thread_is_main_interpreter(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("_thread._is_main_interpreter", nargs, kwnames) ? rt_True : VAL_NULL;
}

static const MethodDef thread_functions_313[] = {
    {"start_joinable_thread", start_joinable_thread},
    {"_make_thread_handle", make_thread_handle},
    {"_shutdown", thread_shutdown},
    {"_get_main_thread_ident", thread_get_main_thread_ident},
    {"_is_main_interpreter", thread_is_main_interpreter},
    {NULL, NULL}
};

/* ---- the other functions ------------------------------------------------------------- */

static Value thread_allocate_lock(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("_thread.allocate_lock", nargs, kwnames) ? lock_new() : VAL_NULL;
}

static Value thread_allocate(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("_thread.allocate", nargs, kwnames) ? lock_new() : VAL_NULL;
}

static Value thread_get_ident(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("_thread.get_ident", nargs, kwnames))
        return VAL_NULL;
    return rt_int_from_u64(vm_thread_ident());
}

/* 3.12's threading asks whether this interpreter may have daemon threads. */
static Value thread_daemon_threads_allowed(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("_thread.daemon_threads_allowed", nargs, kwnames) ? rt_True : VAL_NULL;
}

static Value thread_get_native_id(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("_thread.get_native_id", nargs, kwnames))
        return VAL_NULL;
    return rt_int_from_u64(vm_thread_native_id());
}

static Value thread_count(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("_thread._count", nargs, kwnames))
        return VAL_NULL;
    return small_new(vm_thread_count());
}

static Value thread_exit(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("_thread.exit", nargs, kwnames) ? rt_raise(obj_val(&rt_SystemExit))
                                                       : VAL_NULL;
}

static Value thread_exit_thread(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("_thread.exit_thread", nargs, kwnames) ? rt_raise(obj_val(&rt_SystemExit))
                                                              : VAL_NULL;
}

/* interrupt_main(signum=SIGINT): as if the signal had arrived in the main
 * thread; a signal Python does not handle (SIG_DFL, SIG_IGN) is left alone,
 * as CPython does. */
static Value thread_interrupt_main(Value *args, size_t nargs, Value kwnames)
{
    int signum = SIGINT;
    /* "signum() takes at most 1 argument": CPython's format string says so */
    if (!rt_arg_nokw("interrupt_main", kwnames) || !rt_arg_count("signum", nargs, 0, 1) ||
        (nargs == 1 && !int_arg(args[0], &signum)))
        return VAL_NULL;
    if (signum < 1 || signum >= NSIG)
        return rt_raisef(&rt_ValueError, "signal number out of range");
    vm_interrupt_main(signum);
    return rt_None;
}

/* stack_size([size]): the stack of threads started from now on; returns
 * the previous setting.  CPython's minimum is 32 KiB. */
static Value thread_stack_size(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("stack_size", kwnames) || !rt_arg_count("stack_size", nargs, 0, 1))
        return VAL_NULL;
    size_t old = stack_size_setting;
    if (nargs == 1) {
        ssize_t n;
        if (!rt_index_ssize(args[0], &n))
            return VAL_NULL;
        if (n < 0)
            return rt_raisef(&rt_ValueError, "size must be 0 or a positive value");
        if (n != 0 && n < 0x8000)
            return rt_raisef(&rt_ValueError, "size not valid: %lld bytes", (long long)n);
        stack_size_setting = (size_t)n;
    }
    return rt_int_from_u64(old);
}

static const MethodDef thread_functions[] = {
    {"start_new_thread", start_new_thread}, {"start_new", start_new_thread},
    {"allocate_lock", thread_allocate_lock}, {"allocate", thread_allocate},
    {"get_ident", thread_get_ident}, {"get_native_id", thread_get_native_id},
    {"_count", thread_count},
    {"exit", thread_exit}, {"exit_thread", thread_exit_thread},
    {"interrupt_main", thread_interrupt_main}, {"stack_size", thread_stack_size},
    {"_excepthook", thread_excepthook},
    {NULL, NULL}
};

Value mod_thread_init(void)
{
    Value m = mod_module_new("_thread", thread_functions);
    mod_add_type(m, "LockType", &lock_type, lock_methods);
    bool first = rlock_type.mro == VAL_NULL;
    mod_add_type(m, "RLock", &rlock_type, rlock_methods);
    if (first && rt_py_minor >= 12) {
        static const MethodDef rlock_methods_312[] = {
            {"_recursion_count", rlock_recursion_count}, {NULL, NULL}
        };
        rt_type_add_methods(&rlock_type, rlock_methods_312);
    }
    if (first && rt_py_minor >= 14) {
        static const MethodDef rlock_methods_314[] = {{"locked", rlock_locked}, {NULL, NULL}};
        rt_type_add_methods(&rlock_type, rlock_methods_314);
    }
    mod_add_type(m, "_local", &local_type, NULL);
    vm_thread_set_exit_hook(local_thread_exit);
    mod_add_type(m, "_ExceptHookArgs", &hook_args_type, NULL);
    mod_module_set(m, "error", obj_val(&rt_RuntimeError));
    mod_module_set(m, "TIMEOUT_MAX", rt_float_new(TIMEOUT_MAX_S));
    if (rt_py_minor >= 12)
        mod_module_set(m, "daemon_threads_allowed",
                       rt_builtin_new("daemon_threads_allowed", thread_daemon_threads_allowed,
                                      VAL_NULL));
    if (rt_py_minor < 13)               /* 3.13's threading has handles instead */
        mod_module_set(m, "_set_sentinel",
                       rt_builtin_new("_set_sentinel", thread_set_sentinel, VAL_NULL));
    if (rt_py_minor >= 13) {
        if (main_ident == 0)
            main_ident = vm_thread_ident();
        mod_add_type(m, "_ThreadHandle", &handle_type, handle_methods);
        mod_module_add_functions(m, thread_functions_313);
    }
    return m;
}

/* ---- at exit ------------------------------------------------------------------------ */

/* CPython's wait_for_thread_shutdown: if the program imported threading,
 * threading._shutdown() joins its non-daemon threads.  Daemon threads and
 * bare _thread threads are left running: the process exits under them
 * (once the teardown begins, after atexit, they can never take the
 * interpreter lock again: vm_thread_finalize_begin). */
void mod_thread_shutdown(void)
{
    Value threading = rt_dict_get_cstr(mod_sys_modules(), "threading");
    if (threading == VAL_NULL)
        return;
    if (mod_call_method(threading, "_shutdown", NULL, 0) == VAL_NULL)
        write_unraisable("in", threading, rt_err_fetch());
}
