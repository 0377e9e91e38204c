/*
 * multiprocessing.c — the _multiprocessing module (CPython's
 * Modules/_multiprocessing/semaphore.c and multiprocessing.c for Linux):
 * SemLock, the semaphore under every lock, condition and queue of
 * multiprocessing.synchronize, and sem_unlink; and the _posixshmem module
 * (posixshmem.c): shm_open and shm_unlink, under multiprocessing.shared_memory.
 *
 * A SemLock is a POSIX named semaphore (sem_open).  multiprocessing makes
 * it with a random name and unlinks the name at once, so what is left is
 * the semaphore's shared mapping, which fork() gives the child: parent and
 * children wait on and post the same semaphore.  `kind` says whether it is
 * a recursive mutex (RLock: the owning thread may take it again, `count`
 * counts how often) or a counting semaphore (Lock, Semaphore, Condition).
 * `count` and `last_tid` are this process's view (_after_fork resets the
 * count in a child).
 *
 * acquire() waits with the interpreter lock released (mod_acquire_timed,
 * the wait of _thread's locks): other threads run — Pool's helper threads
 * wait on these semaphores — and Ctrl-C in the main thread ends the wait
 * with KeyboardInterrupt, as a signal handler's exception does in CPython.
 *
 * A SemLock found unreachable is not closed (CPython's dealloc closes it):
 * the collector's finalisers are unordered, so an object with __del__
 * unreachable at the same time — a Pool, whose __del__ puts into a queue
 * — could still use a semaphore already closed.  The mapping of an
 * unlinked semaphore is left until the process ends.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <string.h>
#include <sys/mman.h>
#include "modules/modutil.h"
#include "modules/posix.h"
#include "vm/thread.h"

enum { RECURSIVE_MUTEX, SEMAPHORE };

typedef struct ObjSemLock {
    Object ob;
    sem_t *handle;
    unsigned long last_tid;     /* the thread that took it last */
    int count;                  /* acquires not yet released, in this process */
    int maxvalue;
    int kind;
    Value name;                 /* str, or VAL_NULL (None) once unlinked */
} ObjSemLock;

static ObjType semlock_type;

#define SEMLOCK(v) VAL_AS(ObjSemLock, v)

/* Taken by the calling thread (and not released since). */
static bool is_mine(ObjSemLock *s)
{
    return s->count > 0 && s->last_tid == vm_thread_ident();
}

/* An "i" argument: an int that fits a C int. */
static bool int_arg(Value v, int *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && rt_int_as_int(i, out);
}

static bool str_arg(const char *fname, int pos, Value v)
{
    if (rt_is_str(v))
        return true;
    rt_raisef(&rt_TypeError, "%s() argument %d must be str, not %T", fname, pos, v);
    return false;
}

static Value semlock_make(ObjType *type, sem_t *handle, int kind, int maxvalue, Value name)
{
    ObjSemLock *s = rt_alloc_instance(type, sizeof *s);
    s->handle = handle;
    s->kind = kind;
    s->maxvalue = maxvalue;
    s->name = name;
    return obj_val(s);
}

/* SemLock(kind, value, maxvalue, name, unlink) */
static Value semlock_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "kind", "value", "maxvalue", "name", "unlink" };
    static const ArgSpec spec = { "SemLock", names, 5, 0, 5, 5, false };
    Value a[5];
    int kind, value, maxvalue, unlink;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !int_arg(a[0], &kind) ||
        !int_arg(a[1], &value) || !int_arg(a[2], &maxvalue) || !str_arg("SemLock", 4, a[3]) ||
        (unlink = rt_truthy(a[4])) < 0)
        return VAL_NULL;
    if (kind != RECURSIVE_MUTEX && kind != SEMAPHORE)
        return rt_raisef(&rt_ValueError, "unrecognized kind");
    const char *name = rt_str_cstr(a[3]);
    sem_t *handle = sem_open(name, O_CREAT | O_EXCL, 0600, (unsigned)value);
    if (handle == SEM_FAILED)
        return mod_posix_error();
    if (unlink && sem_unlink(name) < 0) {
        int e = errno;
        sem_close(handle);
        errno = e;
        return mod_posix_error();
    }
    return semlock_make(type, handle, kind, maxvalue, unlink ? VAL_NULL : a[3]);
}

/* acquire(block=True, timeout=None) -> bool */
static Value semlock_acquire(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "block", "timeout" };
    static const ArgSpec spec = { "acquire", names, 2, 0, 0, 2, false };
    Value a[2];
    ObjSemLock *s = SEMLOCK(args[0]);
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    int block = a[0] == VAL_NULL ? 1 : rt_truthy(a[0]);
    if (block < 0)
        return VAL_NULL;
    if (s->kind == RECURSIVE_MUTEX && is_mine(s)) {
        s->count++;
        return rt_True;
    }
    int64_t us = -1;
    if (a[1] != VAL_NULL && a[1] != rt_None) {
        double timeout;
        if (!mod_as_double(a[1], &timeout))
            return VAL_NULL;
        us = timeout <= 0 ? 0 : timeout > 1e15 ? (int64_t)1e15 : (int64_t)(timeout * 1e6);
    }
    int got = mod_acquire_timed(s->handle, block ? us : 0);
    if (got < 0)
        return VAL_NULL;
    if (got == 0)
        return rt_False;
    s->count++;
    s->last_tid = vm_thread_ident();
    return rt_True;
}

static Value semlock_release(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("release", nargs - 1, kw))
        return VAL_NULL;
    ObjSemLock *s = SEMLOCK(args[0]);
    if (s->kind == RECURSIVE_MUTEX) {
        if (!is_mine(s))
            return rt_raisef(&rt_AssertionError,
                             "attempt to release recursive lock not owned by thread");
        if (s->count > 1) {
            s->count--;
            return rt_None;
        }
    } else {
        int value;
        if (sem_getvalue(s->handle, &value) < 0)
            return mod_posix_error();
        if (value >= s->maxvalue)
            return rt_raisef(&rt_ValueError, "semaphore or lock released too many times");
    }
    if (sem_post(s->handle) < 0)
        return mod_posix_error();
    s->count--;
    return rt_None;
}

static Value semlock_exit(Value *args, size_t nargs, Value kw)
{
    return semlock_release(args, 1, VAL_NULL);
}

static Value semlock_count(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_count", nargs - 1, kw))
        return VAL_NULL;
    return small_new(SEMLOCK(args[0])->count);
}

static Value semlock_is_mine(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_is_mine", nargs - 1, kw))
        return VAL_NULL;
    return rt_bool(is_mine(SEMLOCK(args[0])));
}

/* The semaphore's value (never below 0: Linux reports no waiters). */
static bool sem_value(ObjSemLock *s, int *out)
{
    if (sem_getvalue(s->handle, out) < 0) {
        mod_posix_error();
        return false;
    }
    if (*out < 0)
        *out = 0;
    return true;
}

static Value semlock_get_value(Value *args, size_t nargs, Value kw)
{
    int value;
    if (!rt_arg_none("_get_value", nargs - 1, kw) || !sem_value(SEMLOCK(args[0]), &value))
        return VAL_NULL;
    return small_new(value);
}

static Value semlock_is_zero(Value *args, size_t nargs, Value kw)
{
    int value;
    if (!rt_arg_none("_is_zero", nargs - 1, kw) || !sem_value(SEMLOCK(args[0]), &value))
        return VAL_NULL;
    return rt_bool(value == 0);
}

/* _rebuild(handle, kind, maxvalue, name): a classmethod; a SemLock sent
 * to another process is opened again by name (the handle is the sender's
 * address, valid only after a fork). */
static Value semlock_rebuild(Value *args, size_t nargs, Value kw)
{
    int kind, maxvalue;
    uint64_t address;
    if (!rt_arg_nokw("_rebuild", kw) || !rt_arg_count("_rebuild", nargs - 1, 4, 4))
        return VAL_NULL;
    Value h = rt_index(args[1]);
    if (h == VAL_NULL || !rt_int_as_u64(h, &address) || !int_arg(args[2], &kind) ||
        !int_arg(args[3], &maxvalue))
        return VAL_NULL;
    Value name = args[4] == rt_None ? VAL_NULL : args[4];
    if (name != VAL_NULL && !str_arg("_rebuild", 4, name))
        return VAL_NULL;
    sem_t *handle = (sem_t *)(uintptr_t)address;
    if (name != VAL_NULL) {
        handle = sem_open(rt_str_cstr(name), 0);
        if (handle == SEM_FAILED)
            return mod_posix_error();
    }
    return semlock_make(VAL_AS(ObjType, args[0]), handle, kind, maxvalue, name);
}

static Value semlock_after_fork(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_after_fork", nargs - 1, kw))
        return VAL_NULL;
    SEMLOCK(args[0])->count = 0;
    return rt_None;
}

static Value semlock_handle(Value self)
{
    return rt_int_from_u64((uintptr_t)SEMLOCK(self)->handle);
}

static Value semlock_kind(Value self)
{
    return small_new(SEMLOCK(self)->kind);
}

static Value semlock_maxvalue(Value self)
{
    return small_new(SEMLOCK(self)->maxvalue);
}

static Value semlock_name(Value self)
{
    Value name = SEMLOCK(self)->name;
    return name == VAL_NULL ? rt_None : name;
}

static const GetSetDef semlock_getsets[] = {
    {"handle", semlock_handle, NULL, NULL},
    {"kind", semlock_kind, NULL, NULL},
    {"maxvalue", semlock_maxvalue, NULL, NULL},
    {"name", semlock_name, NULL, NULL},
    {NULL},
};

static const MethodDef semlock_methods[] = {
    {"acquire", semlock_acquire}, {"release", semlock_release},
    {"__enter__", semlock_acquire}, {"__exit__", semlock_exit},
    {"_count", semlock_count}, {"_is_mine", semlock_is_mine},
    {"_get_value", semlock_get_value}, {"_is_zero", semlock_is_zero},
    {"_rebuild", semlock_rebuild, RT_METH_CLASS}, {"_after_fork", semlock_after_fork},
    {NULL, NULL}
};

static ObjType semlock_type = {
    .ob.type = &rt_type_type, .name = "_multiprocessing.SemLock", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjSemLock), .new_ = semlock_new, .getsets = semlock_getsets,
};

/* sem_unlink(name) */
static Value mp_sem_unlink(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("sem_unlink", kw) || !rt_arg_count("sem_unlink", nargs, 1, 1) ||
        !str_arg("sem_unlink", 1, args[0]))
        return VAL_NULL;
    if (sem_unlink(rt_str_cstr(args[0])) < 0)
        return mod_posix_error();
    return rt_None;
}

static const MethodDef mp_functions[] = {
    {"sem_unlink", mp_sem_unlink},
    {NULL, NULL}
};

Value mod_multiprocessing_init(void)
{
    Value m = mod_module_new("_multiprocessing", mp_functions);
    bool first = semlock_type.mro == VAL_NULL;
    mod_add_type(m, "SemLock", &semlock_type, semlock_methods);
    if (first)
        rt_type_set(&semlock_type, "SEM_VALUE_MAX", small_new(INT_MAX));
    Value flags = rt_dict_new();
    rt_dict_set(flags, rt_str_from_cstr("HAVE_SEM_OPEN"), small_new(1));
    rt_dict_set(flags, rt_str_from_cstr("HAVE_SEM_TIMEDWAIT"), small_new(1));
    mod_module_set(m, "flags", flags);
    return m;
}

/* ---- _posixshmem ------------------------------------------------------------------- */

/* The path argument of shm_open/shm_unlink: a str ("U"). */
static bool shm_path(const char *fname, Value v, PathArg *p)
{
    if (!str_arg(fname, 1, v))
        return false;
    *p = mod_posix_path_spec(fname, "path", false, false);
    p->object = v;
    p->narrow = rt_str_cstr(v);
    return true;
}

/* shm_open(path, flags, mode=0o777) -> fd */
static Value shm_open_fn(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "path", "flags", "mode" };
    static const ArgSpec spec = { "shm_open", names, 3, 0, 2, 3, false };
    Value a[3];
    PathArg p;
    int flags, mode = 0777, fd;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !shm_path("shm_open", a[0], &p) ||
        !int_arg(a[1], &flags) || (a[2] != VAL_NULL && !int_arg(a[2], &mode)))
        return VAL_NULL;
    do
        fd = shm_open(p.narrow, flags, (mode_t)mode);
    while (fd < 0 && errno == EINTR && mod_posix_retry());
    if (fd < 0)
        return rt_err_occurred() ? VAL_NULL : mod_posix_path_error(&p);
    return small_new(fd);
}

/* shm_unlink(path) */
static Value shm_unlink_fn(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "path" };
    static const ArgSpec spec = { "shm_unlink", names, 1, 0, 1, 1, false };
    Value a[1];
    PathArg p;
    int r;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !shm_path("shm_unlink", a[0], &p))
        return VAL_NULL;
    do
        r = shm_unlink(p.narrow);
    while (r < 0 && errno == EINTR && mod_posix_retry());
    if (r < 0)
        return rt_err_occurred() ? VAL_NULL : mod_posix_path_error(&p);
    return rt_None;
}

static const MethodDef shm_functions[] = {
    {"shm_open", shm_open_fn}, {"shm_unlink", shm_unlink_fn},
    {NULL, NULL}
};

Value mod_posixshmem_init(void)
{
    return mod_module_new("_posixshmem", shm_functions);
}
