/*
 * posix_fdops.c — the rarer operations on file descriptors, as CPython's
 * Modules/posixmodule.c has them on Linux: scatter/gather I/O (readv,
 * writev, preadv, pwritev with the RWF_* flags), record locks (lockf),
 * allocation and access hints (posix_fallocate, posix_fadvise), the
 * descriptors the kernel makes for other things (eventfd, memfd_create,
 * pidfd_open), in-kernel copies (copy_file_range, splice), getrandom and
 * chroot.
 *
 * Vectored calls take a sequence of bytes-like objects; each is held
 * (runtime/buffer.h) for the length of the system call, writable ones for
 * the reads.
 */
#define _GNU_SOURCE             /* preadv2, copy_file_range, splice, memfd_create */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "runtime/buffer.h"
#include "modules/api.h"
#include "modules/posix.h"
#include "vm/thread.h"

/* A Py_ssize_t / off_t argument. */
static bool ssize_arg(Value v, ssize_t *n)
{
    return (v = mod_posix_index(v)) != VAL_NULL && rt_as_ssize(v, n);
}

/* ---- scatter / gather ------------------------------------------------------------------ */

/* The buffers of a vectored call: a sequence of bytes-like objects. */
typedef struct IoVec {
    struct iovec *iov;
    RtBuffer *views;
    int count, held;
} IoVec;

static void iovec_release(IoVec *v)
{
    for (int i = 0; i < v->held; i++)
        rt_release_buffer(&v->views[i]);
    v->held = 0;
}

/* Hold every buffer of seq (writable ones for a read); false + exception,
 * with the message naming fname, when seq is not a sequence. */
static bool iovec_fill(IoVec *v, const char *fname, Value seq, bool writable)
{
    v->held = 0;
    if (!is_tuple(seq) && !is_list(seq) &&
        rt_type_lookup(val_type(seq), rt_str_from_cstr("__getitem__")) == VAL_NULL) {
        rt_raisef(&rt_TypeError, "%s() arg 2 must be a sequence", fname);
        return false;
    }
    Value items = rt_sequence_to_tuple(seq);
    if (items == VAL_NULL)
        return false;
    size_t n = rt_tuple_len(items);
    if (n > INT_MAX) {
        rt_raisef(&rt_OverflowError, "invalid number of buffers");
        return false;
    }
    v->count = (int)n;
    v->iov = gc_alloc_atomic((n + 1) * sizeof(struct iovec));
    v->views = gc_alloc((n + 1) * sizeof(RtBuffer));
    for (size_t i = 0; i < n; i++) {
        if (rt_get_buffer(rt_tuple_get(items, i), &v->views[i],
                          writable ? RT_BUF_WRITABLE : RT_BUF_SIMPLE) < 0) {
            iovec_release(v);
            return false;
        }
        v->held++;
        v->iov[i].iov_base = v->views[i].buf;
        v->iov[i].iov_len = (size_t)v->views[i].len;
    }
    return true;
}

enum { VEC_READ, VEC_WRITE, VEC_PREAD, VEC_PWRITE };

/* One vectored call, retried on EINTR (PEP 475): the byte count or -1
 * with an exception. */
static Value vector_io(int kind, int fd, IoVec *v, off_t offset, int flags)
{
    ssize_t n;
    for (;;) {
        switch (kind) {
        case VEC_READ: n = readv(fd, v->iov, v->count); break;
        case VEC_WRITE: n = writev(fd, v->iov, v->count); break;
        case VEC_PREAD: n = preadv2(fd, v->iov, v->count, offset, flags); break;
        default: n = pwritev2(fd, v->iov, v->count, offset, flags); break;
        }
        if (n >= 0 || errno != EINTR)
            break;
        if (!mod_posix_retry()) {
            iovec_release(v);
            return VAL_NULL;
        }
    }
    int e = errno;
    iovec_release(v);
    if (n < 0) {
        errno = e;
        return mod_posix_error();
    }
    return rt_int_from_i64(n);
}

/* readv(fd, buffers, /), writev(fd, buffers, /), preadv(fd, buffers,
 * offset, flags=0, /), pwritev(fd, buffers, offset, flags=0, /). */
static Value vector_call(int kind, const char *fname, const char *seq_name, Value *args,
                         size_t nargs, Value kwnames)
{
    bool positioned = kind == VEC_PREAD || kind == VEC_PWRITE;
    int fd, flags = 0;
    ssize_t offset = 0;
    if (!rt_arg_nokw(fname, kwnames) ||
        !rt_arg_range(fname, nargs, positioned ? 3 : 2, positioned ? 4 : 2) ||
        !mod_posix_fd(args[0], &fd))
        return VAL_NULL;
    IoVec v;
    if (!iovec_fill(&v, seq_name, args[1], kind == VEC_READ || kind == VEC_PREAD))
        return VAL_NULL;
    if (positioned && (!ssize_arg(args[2], &offset) ||
                       (nargs > 3 && !mod_posix_fd(args[3], &flags)))) {
        iovec_release(&v);
        return VAL_NULL;
    }
    return vector_io(kind, fd, &v, (off_t)offset, flags);
}

static Value posix_readv(Value *args, size_t nargs, Value kwnames)
{
    return vector_call(VEC_READ, "readv", "readv", args, nargs, kwnames);
}

static Value posix_writev(Value *args, size_t nargs, Value kwnames)
{
    return vector_call(VEC_WRITE, "writev", "writev", args, nargs, kwnames);
}

static Value posix_preadv(Value *args, size_t nargs, Value kwnames)
{
    return vector_call(VEC_PREAD, "preadv", "preadv2", args, nargs, kwnames);
}

static Value posix_pwritev(Value *args, size_t nargs, Value kwnames)
{
    return vector_call(VEC_PWRITE, "pwritev", "pwritev", args, nargs, kwnames);
}

/* ---- locks and hints ------------------------------------------------------------------- */

/* lockf(fd, command, length, /) */
static Value posix_lockf(Value *args, size_t nargs, Value kwnames)
{
    int fd, command;
    ssize_t length;
    if (!rt_arg_nokw("lockf", kwnames) || !rt_arg_range("lockf", nargs, 3, 3) ||
        !mod_posix_fd(args[0], &fd) || !mod_posix_fd(args[1], &command) ||
        !ssize_arg(args[2], &length))
        return VAL_NULL;
    return lockf(fd, command, (off_t)length) < 0 ? mod_posix_error() : rt_None;
}

/* posix_fallocate and posix_fadvise return their error, and retry on EINTR. */
static Value errno_result(int err)
{
    if (err == 0)
        return rt_None;
    errno = err;
    return mod_posix_error();
}

/* fd, offset, len[, advice] — all positional. */
static bool range_args(const char *fname, size_t n, Value *args, size_t nargs, Value kwnames,
                       int *fd, ssize_t *offset, ssize_t *len, int *advice)
{
    return rt_arg_nokw(fname, kwnames) && rt_arg_range(fname, nargs, n, n) &&
           mod_posix_fd(args[0], fd) && ssize_arg(args[1], offset) && ssize_arg(args[2], len) &&
           (n < 4 || mod_posix_fd(args[3], advice));
}

static Value posix_posix_fallocate(Value *args, size_t nargs, Value kwnames)
{
    int fd, err;
    ssize_t offset, len;
    if (!range_args("posix_fallocate", 3, args, nargs, kwnames, &fd, &offset, &len, NULL))
        return VAL_NULL;
    while ((err = posix_fallocate(fd, (off_t)offset, (off_t)len)) == EINTR)
        if (!mod_posix_retry())
            return VAL_NULL;
    return errno_result(err);
}

static Value posix_posix_fadvise(Value *args, size_t nargs, Value kwnames)
{
    int fd, advice, err;
    ssize_t offset, len;
    if (!range_args("posix_fadvise", 4, args, nargs, kwnames, &fd, &offset, &len, &advice))
        return VAL_NULL;
    while ((err = posix_fadvise(fd, (off_t)offset, (off_t)len, advice)) == EINTR)
        if (!mod_posix_retry())
            return VAL_NULL;
    return errno_result(err);
}

/* ---- descriptors for other things ------------------------------------------------------ */

static Value fd_result(int fd)
{
    return fd < 0 ? mod_posix_error() : small_new(fd);
}

/* eventfd(initval, flags=EFD_CLOEXEC) */
static Value posix_eventfd(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "initval", "flags" };
    static const ArgSpec spec = { "eventfd", names, 2, 0, 1, 2, false };
    Value a[2];
    uint64_t initval;
    int flags = EFD_CLOEXEC;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    if (!rt_isinstance_of(a[0], &rt_int_type))
        return rt_raisef(&rt_TypeError, "an integer is required");
    if (!rt_int_as_u64(a[0], &initval) || initval > UINT_MAX) {
        rt_err_clear();
        return rt_raisef(&rt_OverflowError, "Python int too large to convert to C unsigned int");
    }
    if (a[1] != VAL_NULL && !mod_posix_fd(a[1], &flags))
        return VAL_NULL;
    return fd_result(eventfd((unsigned)initval, flags));
}

static Value posix_eventfd_read(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "fd" };
    static const ArgSpec spec = { "eventfd_read", names, 1, 0, 1, 1, false };
    Value a[1];
    int fd, r;
    eventfd_t value;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fileno(a[0], &fd))
        return VAL_NULL;
    if (!vm_wait_readable(fd))
        return VAL_NULL;
    while ((r = eventfd_read(fd, &value)) < 0 && errno == EINTR)
        if (!mod_posix_retry())
            return VAL_NULL;
    return r < 0 ? mod_posix_error() : rt_int_from_u64(value);
}

static Value posix_eventfd_write(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "fd", "value" };
    static const ArgSpec spec = { "eventfd_write", names, 2, 0, 2, 2, false };
    Value a[2];
    int fd, r;
    uint64_t value;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fileno(a[0], &fd))
        return VAL_NULL;
    Value v = mod_posix_index(a[1]);
    if (v == VAL_NULL || !rt_int_as_u64(v, &value))
        return VAL_NULL;
    while ((r = eventfd_write(fd, value)) < 0 && errno == EINTR)
        if (!mod_posix_retry())
            return VAL_NULL;
    return r < 0 ? mod_posix_error() : rt_None;
}

/* memfd_create(name, flags=MFD_CLOEXEC) */
static Value posix_memfd_create(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "name", "flags" };
    static const ArgSpec spec = { "memfd_create", names, 2, 0, 1, 2, false };
    Value a[2];
    int flags = MFD_CLOEXEC;
    PathArg name = mod_posix_path_spec("memfd_create", "name", false, false);
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fsconvert(a[0], &name) ||
        (a[1] != VAL_NULL && !mod_posix_fd(a[1], &flags)))
        return VAL_NULL;
    return fd_result(memfd_create(name.narrow, (unsigned)flags));
}

/* pidfd_open(pid, flags=0): a descriptor that refers to a process. */
static Value posix_pidfd_open(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "pid", "flags" };
    static const ArgSpec spec = { "pidfd_open", names, 2, 0, 1, 2, false };
    Value a[2];
    pid_t pid;
    int flags = 0;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_pid(a[0], &pid) ||
        (a[1] != VAL_NULL && !mod_posix_fd(a[1], &flags)))
        return VAL_NULL;
    return fd_result((int)syscall(SYS_pidfd_open, pid, (unsigned)flags));
}

/* ---- copies in the kernel ---------------------------------------------------------------- */

/* An optional offset: None (absent) uses and moves the file position. */
static bool offset_arg(Value v, loff_t *out, loff_t **p)
{
    *p = NULL;
    if (v == VAL_NULL || v == rt_None)
        return true;
    ssize_t n;
    if (!ssize_arg(v, &n))
        return false;
    *out = (loff_t)n;
    *p = out;
    return true;
}

/* copy_file_range(src, dst, count, offset_src=None, offset_dst=None) and
 * splice(src, dst, count, offset_src=None, offset_dst=None, flags=0). */
static Value kernel_copy(bool is_splice, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "src", "dst", "count", "offset_src", "offset_dst",
                                         "flags" };
    ArgSpec spec = { is_splice ? "splice" : "copy_file_range", names, is_splice ? 6 : 5, 0, 3,
                     is_splice ? 6 : 5, false };
    Value a[6] = { VAL_NULL, VAL_NULL, VAL_NULL, VAL_NULL, VAL_NULL, VAL_NULL };
    int src, dst, flags = 0;
    ssize_t count;
    loff_t off_in, off_out, *p_in, *p_out;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fd(a[0], &src) ||
        !mod_posix_fd(a[1], &dst) || !ssize_arg(a[2], &count))
        return VAL_NULL;
    if (count < 0)
        return rt_raisef(&rt_ValueError, "negative value for 'count' not allowed");
    if (!offset_arg(a[3], &off_in, &p_in) || !offset_arg(a[4], &off_out, &p_out) ||
        (a[5] != VAL_NULL && !mod_posix_fd(a[5], &flags)))
        return VAL_NULL;
    ssize_t n;
    while ((n = is_splice ? splice(src, p_in, dst, p_out, (size_t)count, (unsigned)flags)
                          : copy_file_range(src, p_in, dst, p_out, (size_t)count, 0)) < 0 &&
           errno == EINTR)
        if (!mod_posix_retry())
            return VAL_NULL;
    return n < 0 ? mod_posix_error() : rt_int_from_i64(n);
}

static Value posix_copy_file_range(Value *args, size_t nargs, Value kwnames)
{
    return kernel_copy(false, args, nargs, kwnames);
}

static Value posix_splice(Value *args, size_t nargs, Value kwnames)
{
    return kernel_copy(true, args, nargs, kwnames);
}

/* ---- the rest ---------------------------------------------------------------------------- */

/* getrandom(size, flags=0) → bytes */
static Value posix_getrandom(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "size", "flags" };
    static const ArgSpec spec = { "getrandom", names, 2, 0, 1, 2, false };
    Value a[2];
    ssize_t size;
    int flags = 0;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !ssize_arg(a[0], &size) ||
        (a[1] != VAL_NULL && !mod_posix_fd(a[1], &flags)))
        return VAL_NULL;
    if (size < 0) {
        errno = EINVAL;
        return mod_posix_error();
    }
    unsigned char *buf = rt_bytes_room((size_t)size);
    if (buf == NULL)
        return VAL_NULL;
    ssize_t n;
    while ((n = getrandom(buf, (size_t)size, (unsigned)flags)) < 0 && errno == EINTR)
        if (!mod_posix_retry())
            return VAL_NULL;
    return n < 0 ? mod_posix_error() : rt_bytes_new(buf, (size_t)n);
}

/* chroot(path) */
static Value posix_chroot(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path" };
    static const ArgSpec spec = { "chroot", names, 1, 0, 1, 1, false };
    Value a[1];
    PathArg p = mod_posix_path_spec("chroot", "path", false, false);
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p))
        return VAL_NULL;
    return chroot(p.narrow) < 0 ? mod_posix_path_error(&p) : rt_None;
}

const MethodDef mod_posix_fdops_functions[] = {
    {"readv", posix_readv}, {"writev", posix_writev}, {"preadv", posix_preadv},
    {"pwritev", posix_pwritev}, {"lockf", posix_lockf},
    {"posix_fallocate", posix_posix_fallocate}, {"posix_fadvise", posix_posix_fadvise},
    {"eventfd", posix_eventfd}, {"eventfd_read", posix_eventfd_read},
    {"eventfd_write", posix_eventfd_write}, {"memfd_create", posix_memfd_create},
    {"pidfd_open", posix_pidfd_open}, {"copy_file_range", posix_copy_file_range},
    {"splice", posix_splice}, {"getrandom", posix_getrandom}, {"chroot", posix_chroot},
    {NULL, NULL},
};
