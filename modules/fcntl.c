/*
 * fcntl.c — the `fcntl` module: fcntl(), ioctl(), flock() and lockf() on
 * file descriptors (an int or an object with fileno()), CPython's
 * Modules/fcntlmodule.c for Linux.
 *
 * fcntl and ioctl take an int argument or a bytes-like buffer of at most
 * 1024 bytes: the call works on a copy, which is returned as bytes (ioctl
 * on a writable buffer with mutate_flag writes the result back too).  A
 * call interrupted by a signal runs the handlers and is retried (PEP 475).
 */
#define _GNU_SOURCE             /* F_OFD_*, F_SETPIPE_SZ, F_ADD_SEALS, DN_* */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <linux/fs.h>              /* FICLONE */
#include "modules/modutil.h"
#include "modules/posix.h"
#include "runtime/version.h"
#include "vm/thread.h"

enum { ARG_BUFFER_MAX = 1024 };

static bool c_int(Value v, int *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && rt_int_as_int(i, out);
}

static bool unsigned_arg(Value v, unsigned long *out)
{
    Value i = rt_index(v);
    int64_t n;
    if (i == VAL_NULL || !rt_int_as_i64(i, &n))
        return false;
    *out = (unsigned long)n;
    return true;
}

/* Make a call with the interpreter lock released (it may wait: flock, a
 * record lock, a terminal's ioctl), retried while a signal interrupts it
 * and its handlers do not raise; -1 with the handler's exception set when
 * one does. */
#define RETRY(result, call)                                         \
    do {                                                            \
        bool held_ = false;                                         \
        vm_release_lock();                                          \
        while (((result) = (call)) == -1 && errno == EINTR)         \
            if (!vm_blocking_retry()) {                             \
                held_ = true;                                       \
                break;                                              \
            }                                                       \
        if (!held_) {                                               \
            int errno_ = errno;                                     \
            vm_reacquire_lock();                                    \
            errno = errno_;                                         \
        }                                                           \
    } while (0)

static Value with_buffer(int fd, unsigned long code, const ModBuffer *b, bool is_ioctl,
                         bool mutate)
{
    if (b->len > ARG_BUFFER_MAX)
        return rt_raisef(&rt_ValueError, is_ioctl ? "ioctl string arg too long"
                                                  : "fcntl argument 2 is too long");
    char buf[ARG_BUFFER_MAX + 1];
    memcpy(buf, b->data, b->len);
    int r;
    if (is_ioctl)
        RETRY(r, ioctl(fd, code, buf));
    else
        RETRY(r, fcntl(fd, (int)code, buf));
    if (r < 0)
        return rt_err_occurred() ? VAL_NULL : mod_posix_error();
    if (mutate && b->wdata != NULL) {
        memcpy(b->wdata, buf, b->len);
        return small_new(r);
    }
    return rt_bytes_new((const unsigned char *)buf, b->len);
}

/* fcntl(fd, cmd, arg=0) */
static Value fc_fcntl(Value *args, size_t nargs, Value kw)
{
    int fd, cmd, r;
    if (!rt_arg_nokw("fcntl", kw) || !rt_arg_count("fcntl", nargs, 2, 3) ||
        !mod_posix_fileno(args[0], &fd) || !c_int(args[1], &cmd))
        return VAL_NULL;
    if (nargs == 3 && !is_int(args[2]) && !rt_isinstance_of(args[2], &rt_int_type)) {
        ModBuffer b;
        if (rt_is_str(args[2])) {
            size_t n;
            b.data = (const unsigned char *)rt_str_cstr(args[2]);
            n = rt_str_nbytes(args[2]);
            b.len = n;
            b.wdata = NULL;
            return with_buffer(fd, (unsigned long)cmd, &b, false, false);
        }
        if (mod_is_buffer(args[2])) {
            if (!mod_get_buffer(args[2], &b))
                return VAL_NULL;
            b.wdata = NULL;
            return with_buffer(fd, (unsigned long)cmd, &b, false, false);
        }
    }
    unsigned long arg = 0;
    if (nargs == 3 && !unsigned_arg(args[2], &arg))
        return VAL_NULL;
    RETRY(r, fcntl(fd, cmd, arg));
    if (r < 0)
        return rt_err_occurred() ? VAL_NULL : mod_posix_error();
    return small_new(r);
}

/* ioctl(fd, request, arg=0, mutate_flag=True) */
static Value fc_ioctl(Value *args, size_t nargs, Value kw)
{
    int fd, r;
    unsigned long code;
    if (!rt_arg_nokw("ioctl", kw) || !rt_arg_count("ioctl", nargs, 2, 4) ||
        !mod_posix_fileno(args[0], &fd) || !unsigned_arg(args[1], &code))
        return VAL_NULL;
    bool mutate = nargs < 4 || rt_truthy(args[3]) == 1;
    if (nargs >= 3 && !is_int(args[2]) && !rt_isinstance_of(args[2], &rt_int_type)) {
        ModBuffer b;
        if (rt_is_str(args[2])) {
            b = (ModBuffer){ (const unsigned char *)rt_str_cstr(args[2]),
                             rt_str_nbytes(args[2]), NULL };
            return with_buffer(fd, code, &b, true, false);
        }
        if (mod_is_buffer(args[2])) {
            if (!mod_get_buffer(args[2], &b))
                return VAL_NULL;
            return with_buffer(fd, code, &b, true, mutate);
        }
    }
    unsigned long arg = 0;
    if (nargs >= 3 && !unsigned_arg(args[2], &arg))
        return VAL_NULL;
    RETRY(r, ioctl(fd, code, arg));
    if (r < 0)
        return rt_err_occurred() ? VAL_NULL : mod_posix_error();
    return small_new(r);
}

static Value fc_flock(Value *args, size_t nargs, Value kw)
{
    int fd, op, r;
    if (!rt_arg_nokw("flock", kw) || !rt_arg_range("flock", nargs, 2, 2) ||
        !mod_posix_fileno(args[0], &fd) || !c_int(args[1], &op))
        return VAL_NULL;
    RETRY(r, flock(fd, op));
    if (r < 0)
        return rt_err_occurred() ? VAL_NULL : mod_posix_error();
    return rt_None;
}

/* lockf(fd, cmd, len=0, start=0, whence=0), on fcntl's record locks. */
static Value fc_lockf(Value *args, size_t nargs, Value kw)
{
    int fd, code, whence = 0, r;
    int64_t len = 0, start = 0;
    if (!rt_arg_nokw("lockf", kw) || !rt_arg_count("lockf", nargs, 2, 5) ||
        !mod_posix_fileno(args[0], &fd) || !c_int(args[1], &code))
        return VAL_NULL;
    Value i;
    if (nargs > 2 && ((i = rt_index(args[2])) == VAL_NULL || !rt_int_as_i64(i, &len)))
        return VAL_NULL;
    if (nargs > 3 && ((i = rt_index(args[3])) == VAL_NULL || !rt_int_as_i64(i, &start)))
        return VAL_NULL;
    if (nargs > 4 && !c_int(args[4], &whence))
        return VAL_NULL;
    struct flock l = { .l_start = (off_t)start, .l_len = (off_t)len, .l_whence = (short)whence };
    if (code == LOCK_UN)
        l.l_type = F_UNLCK;
    else if (code & LOCK_SH)
        l.l_type = F_RDLCK;
    else if (code & LOCK_EX)
        l.l_type = F_WRLCK;
    else
        return rt_raisef(&rt_ValueError, "unrecognized lockf argument");
    RETRY(r, fcntl(fd, (code & LOCK_NB) ? F_SETLK : F_SETLKW, &l));
    if (r < 0)
        return rt_err_occurred() ? VAL_NULL : mod_posix_error();
    return rt_None;
}

static const MethodDef fcntl_functions[] = {
    {"fcntl", fc_fcntl}, {"ioctl", fc_ioctl}, {"flock", fc_flock}, {"lockf", fc_lockf},
    {NULL, NULL}
};

#define FCNTL_CONSTANTS(X)                                                          \
    X(DN_ACCESS) X(DN_ATTRIB) X(DN_CREATE) X(DN_DELETE) X(DN_MODIFY) X(DN_MULTISHOT)  \
    X(DN_RENAME) X(FASYNC) X(FD_CLOEXEC) X(F_ADD_SEALS) X(F_DUPFD) X(F_DUPFD_CLOEXEC) \
    X(F_EXLCK) X(F_GETFD) X(F_GETFL) X(F_GETLEASE) X(F_GETLK) X(F_GETLK64) X(F_GETOWN) \
    X(F_GETPIPE_SZ) X(F_GETSIG) X(F_GET_SEALS) X(F_NOTIFY) X(F_OFD_GETLK)             \
    X(F_OFD_SETLK) X(F_OFD_SETLKW) X(F_RDLCK) X(F_SEAL_GROW) X(F_SEAL_SEAL)           \
    X(F_SEAL_SHRINK) X(F_SEAL_WRITE) X(F_SETFD) X(F_SETFL) X(F_SETLEASE) X(F_SETLK)   \
    X(F_SETLK64) X(F_SETLKW) X(F_SETLKW64) X(F_SETOWN) X(F_SETPIPE_SZ) X(F_SETSIG)    \
    X(F_SHLCK) X(F_UNLCK) X(F_WRLCK) X(LOCK_EX) X(LOCK_MAND) X(LOCK_NB) X(LOCK_READ)  \
    X(LOCK_RW) X(LOCK_SH) X(LOCK_UN) X(LOCK_WRITE)

/* What 3.12 and 3.13 add (each a Linux header's). */
#define FCNTL_CONSTANTS_312(X) X(FICLONE) X(FICLONERANGE)
#define FCNTL_CONSTANTS_313(X)                                                      \
    X(F_GETOWN_EX) X(F_SETOWN_EX) X(F_OWNER_TID) X(F_OWNER_PID) X(F_OWNER_PGRP)     \
    X(F_SEAL_FUTURE_WRITE) X(F_GET_RW_HINT) X(F_SET_RW_HINT) X(F_GET_FILE_RW_HINT)  \
    X(F_SET_FILE_RW_HINT) X(RWH_WRITE_LIFE_NOT_SET) X(RWH_WRITE_LIFE_NONE)          \
    X(RWH_WRITE_LIFE_SHORT) X(RWH_WRITE_LIFE_MEDIUM) X(RWH_WRITE_LIFE_LONG)         \
    X(RWH_WRITE_LIFE_EXTREME)

Value mod_fcntl_init(void)
{
    Value m = mod_module_new("fcntl", fcntl_functions);
#define SET_CONSTANT(name) mod_module_set(m, #name, small_new(name));
    FCNTL_CONSTANTS(SET_CONSTANT)
    if (rt_py_minor >= 12) {
        FCNTL_CONSTANTS_312(SET_CONSTANT)
    }
    if (rt_py_minor >= 13) {
        FCNTL_CONSTANTS_313(SET_CONSTANT)
    }
#undef SET_CONSTANT
    return m;
}
