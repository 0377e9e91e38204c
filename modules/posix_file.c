/*
 * posix_file.c — files: descriptors (open, read, write, pipe, dup...),
 * stat and os.stat_result, file metadata (access, chmod, chown, utime,
 * truncate), links and special files.
 *
 * Every function takes CPython's arguments, keywords included: a path
 * may be an open descriptor where CPython allows one (os.stat(fd)), and
 * dir_fd= / follow_symlinks= map onto the *at() system calls (fstatat,
 * fchmodat, utimensat, linkat...), as CPython's do on Linux.  New
 * descriptors are non-inheritable (O_CLOEXEC), as PEP 446 says.
 */
#define _GNU_SOURCE             /* pipe2, dup3, F_DUPFD_CLOEXEC, AT_EACCESS */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include "runtime/buffer.h"
#include "runtime/structseq.h"
#include "runtime/version.h"
#include "modules/posix.h"
#include "vm/thread.h"

/* ---- os.stat_result --------------------------------------------------------------- */

static const char *const stat_fields[] = {
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
    NULL, NULL, NULL,                           /* the integer times, by index only */
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
    "st_blksize", "st_blocks", "st_rdev",
};
static const RtStructSeqDesc stat_desc = { "os.stat_result", stat_fields, 19, 10, true };
static ObjType *stat_type;
static Value (*structseq_new)(ObjType *, Value *, size_t, Value);

/* sec * 10**9 + nsec, exactly. */
static Value time_ns(int64_t sec, long nsec)
{
    int64_t ns;
    if (!__builtin_mul_overflow(sec, (int64_t)1000000000, &ns) &&
        !__builtin_add_overflow(ns, (int64_t)nsec, &ns))
        return rt_int_from_i64(ns);
    Value big = rt_int_binop(rt_int_from_i64(sec), rt_int_from_i64(1000000000), NB_MULTIPLY);
    return rt_int_binop(big, rt_int_from_i64(nsec), NB_ADD);
}

static void fill_time(Value *items, int index, struct timespec t)
{
    items[7 + index] = rt_int_from_i64(t.tv_sec);
    items[10 + index] = rt_float_new((double)t.tv_sec + (double)t.tv_nsec * 1e-9);
    items[13 + index] = time_ns(t.tv_sec, t.tv_nsec);
}

Value mod_posix_stat_result(const struct stat *st)
{
    Value items[19] = {
        small_new(st->st_mode), rt_int_from_u64(st->st_ino), rt_int_from_u64(st->st_dev),
        rt_int_from_u64(st->st_nlink), rt_int_from_u64(st->st_uid),
        rt_int_from_u64(st->st_gid), rt_int_from_i64(st->st_size),
    };
    fill_time(items, 0, st->st_atim);
    fill_time(items, 1, st->st_mtim);
    fill_time(items, 2, st->st_ctim);
    items[16] = rt_int_from_i64(st->st_blksize);
    items[17] = rt_int_from_i64(st->st_blocks);
    items[18] = rt_int_from_u64(st->st_rdev);
    return rt_structseq_new(stat_type, items);
}

/* os.stat_result(seq, dict): as any struct sequence, except that float
 * times left None are taken from the integer ones (CPython's statresult_new). */
static Value stat_result_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    Value r = structseq_new(type, args, nargs, kwnames);
    if (r != VAL_NULL)
        for (int i = 0; i < 3; i++)
            if (AS_TUPLE(r)->items[10 + i] == rt_None)
                AS_TUPLE(r)->items[10 + i] = AS_TUPLE(r)->items[7 + i];
    return r;
}

/* ---- stat, lstat, fstat -------------------------------------------------------------- */

/* The stat of a PathArg: fstat of an fd, else fstatat (dir_fd, follow). */
static Value do_stat(PathArg *p, int dir_fd, bool follow_symlinks)
{
    struct stat st;
    int r;
    if (p->narrow == NULL && p->fd == -1) {          /* stat(-1): CPython's EFAULT */
        errno = EFAULT;
        return mod_posix_path_error(p);
    }
    if (p->narrow == NULL)
        r = fstat(p->fd, &st);
    else
        r = fstatat(dir_fd, p->narrow, &st, follow_symlinks ? 0 : AT_SYMLINK_NOFOLLOW);
    if (r < 0)
        return mod_posix_path_error(p);
    return mod_posix_stat_result(&st);
}

/* stat(path, *, dir_fd=None, follow_symlinks=True) and lstat(path, *, dir_fd=None). */
static Value stat_common(const char *fname, bool lstat, Value *args, size_t nargs,
                         Value kwnames)
{
    static const char *const names[] = { "path", "dir_fd", "follow_symlinks" };
    ArgSpec spec = { fname, names, lstat ? 2 : 3, 0, 1, 1, false };
    Value a[3] = { VAL_NULL, VAL_NULL, VAL_NULL };
    PathArg p = mod_posix_path_spec(fname, "path", !lstat, false);
    int dir_fd;
    bool follow;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p) ||
        !mod_posix_dir_fd(a[1], &dir_fd) || !mod_posix_bool(a[2], !lstat, &follow) ||
        !mod_posix_check_dir_fd(&p, dir_fd) || !mod_posix_check_fd_follow(&p, follow))
        return VAL_NULL;
    return do_stat(&p, dir_fd, follow);
}

static Value posix_stat(Value *args, size_t nargs, Value kwnames)
{
    return stat_common("stat", false, args, nargs, kwnames);
}

static Value posix_lstat(Value *args, size_t nargs, Value kwnames)
{
    return stat_common("lstat", true, args, nargs, kwnames);
}

/* An fd argument of a function declared (fd, ...) with keywords. */
static bool fd_param(const char *fname, Value *args, size_t nargs, Value kwnames, int *fd)
{
    static const char *const names[] = { "fd" };
    ArgSpec spec = { fname, names, 1, 0, 1, 1, false };
    Value a[1];
    return rt_parse_args(&spec, args, nargs, kwnames, a) && mod_posix_fd(a[0], fd);
}

static Value posix_fstat(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    struct stat st;
    if (!fd_param("fstat", args, nargs, kwnames, &fd))
        return VAL_NULL;
    if (fstat(fd, &st) < 0)
        return mod_posix_error();
    return mod_posix_stat_result(&st);
}

/* ---- statvfs ---------------------------------------------------------------------- */

static const char *const statvfs_fields[] = {
    "f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail",
    "f_flag", "f_namemax", "f_fsid",
};
static const RtStructSeqDesc statvfs_desc = { "os.statvfs_result", statvfs_fields, 11, 10,
                                              true };
static ObjType *statvfs_type;

static Value statvfs_result(const struct statvfs *s)
{
    Value items[11] = {
        rt_int_from_u64(s->f_bsize), rt_int_from_u64(s->f_frsize),
        rt_int_from_u64(s->f_blocks), rt_int_from_u64(s->f_bfree),
        rt_int_from_u64(s->f_bavail), rt_int_from_u64(s->f_files),
        rt_int_from_u64(s->f_ffree), rt_int_from_u64(s->f_favail),
        rt_int_from_u64(s->f_flag), rt_int_from_u64(s->f_namemax), rt_int_from_u64(s->f_fsid),
    };
    return rt_structseq_new(statvfs_type, items);
}

static Value posix_statvfs(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path" };
    static const ArgSpec spec = { "statvfs", names, 1, 0, 1, 1, false };
    Value a[1];
    PathArg p = mod_posix_path_spec("statvfs", "path", true, false);
    struct statvfs s;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p))
        return VAL_NULL;
    if ((p.narrow ? statvfs(p.narrow, &s) : fstatvfs(p.fd, &s)) < 0)
        return mod_posix_path_error(&p);
    return statvfs_result(&s);
}

static Value posix_fstatvfs(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    struct statvfs s;
    if (!rt_arg_one("posix.fstatvfs", nargs, kwnames) ||
        !mod_posix_fd(args[0], &fd))
        return VAL_NULL;
    if (fstatvfs(fd, &s) < 0)
        return mod_posix_error();
    return statvfs_result(&s);
}

/* ---- descriptors ------------------------------------------------------------------- */

/* os.open(path, flags, mode=0o777, *, dir_fd=None) */
static Value posix_open(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path", "flags", "mode", "dir_fd" };
    static const ArgSpec spec = { "open", names, 4, 0, 2, 3, false };
    Value a[4];
    PathArg p = mod_posix_path_spec("open", "path", false, false);
    int flags, mode = 0777, dir_fd, fd;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p) ||
        !mod_posix_fd(a[1], &flags) || (a[2] != VAL_NULL && !mod_posix_fd(a[2], &mode)) ||
        !mod_posix_dir_fd(a[3], &dir_fd))
        return VAL_NULL;
    while ((fd = openat(dir_fd, p.narrow, flags | O_CLOEXEC, mode)) < 0 && errno == EINTR)
        if (!mod_posix_retry())
            return VAL_NULL;
    if (fd < 0)
        return mod_posix_path_error(&p);
    return small_new(fd);
}

static Value posix_close(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    if (!fd_param("close", args, nargs, kwnames, &fd))
        return VAL_NULL;
    if (close(fd) < 0 && errno != EINTR)
        return mod_posix_error();
    return rt_None;
}

static Value posix_closerange(Value *args, size_t nargs, Value kwnames)
{
    int lo, hi;
    if (!rt_arg_nokw("closerange", kwnames) || !rt_arg_range("closerange", nargs, 2, 2) ||
        !mod_posix_fd(args[0], &lo) || !mod_posix_fd(args[1], &hi))
        return VAL_NULL;
    for (int fd = lo < 0 ? 0 : lo; fd < hi; fd++)
        close(fd);
    return rt_None;
}

/* A length argument (Py_ssize_t). */
static bool length_arg(Value v, ssize_t *n)
{
    return (v = mod_posix_index(v)) != VAL_NULL && rt_as_ssize(v, n);
}

/* An int argument (or an object with __index__) as an int64. */
static bool index_i64(Value v, int64_t *out)
{
    return (v = mod_posix_index(v)) != VAL_NULL && rt_int_as_i64(v, out);
}

/* read(2) or pread(2) into a new bytes object, retried on EINTR. */
static Value read_bytes(int fd, ssize_t length, off_t offset, bool positioned)
{
    if (length < 0) {
        errno = EINVAL;
        return mod_posix_error();
    }
    unsigned char *buf = rt_bytes_room((size_t)length);
    if (buf == NULL)
        return VAL_NULL;
    ssize_t n;
    /* A pipe or a terminal may have nothing yet: other threads run while
     * this one waits (CPython releases the GIL around read()).  A signal
     * that came since the last safe point would not interrupt the read:
     * its handlers run first. */
    if (!mod_posix_retry() || !vm_wait_readable(fd))
        return VAL_NULL;
    while ((n = positioned ? pread(fd, buf, (size_t)length, offset)
                           : read(fd, buf, (size_t)length)) < 0 && errno == EINTR)
        if (!mod_posix_retry())
            return VAL_NULL;
    if (n < 0)
        return mod_posix_error();
    return rt_bytes_new(buf, (size_t)n);
}

static Value posix_read(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    ssize_t length;
    if (!rt_arg_nokw("read", kwnames) || !rt_arg_range("read", nargs, 2, 2) ||
        !mod_posix_fd(args[0], &fd) || !length_arg(args[1], &length))
        return VAL_NULL;
    return read_bytes(fd, length, 0, false);
}

static Value posix_pread(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    ssize_t length, offset;
    if (!rt_arg_nokw("pread", kwnames) || !rt_arg_range("pread", nargs, 3, 3) ||
        !mod_posix_fd(args[0], &fd) || !length_arg(args[1], &length) ||
        !length_arg(args[2], &offset))
        return VAL_NULL;
    return read_bytes(fd, length, (off_t)offset, true);
}

/* Write the bytes of any bytes-like object (bytes, bytearray, memoryview,
 * array.array: the buffer protocol, runtime/buffer.h) at fd's position, or
 * at offset for pwrite. */
static Value write_bytes(int fd, Value data, off_t offset, bool positioned)
{
    RtBuffer view;
    if (rt_get_buffer(data, &view, RT_BUF_SIMPLE) < 0)
        return VAL_NULL;
    ssize_t n = vm_blocking_write(fd, view.buf, (size_t)view.len, offset, positioned);
    int err = errno;
    rt_release_buffer(&view);
    if (n == -2)                    /* a signal handler raised */
        return VAL_NULL;
    if (n < 0)
        return errno = err, mod_posix_error();
    return rt_int_from_i64(n);
}

static Value posix_write(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    if (!rt_arg_nokw("write", kwnames) || !rt_arg_range("write", nargs, 2, 2) ||
        !mod_posix_fd(args[0], &fd))
        return VAL_NULL;
    return write_bytes(fd, args[1], 0, false);
}

static Value posix_pwrite(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    ssize_t offset;
    if (!rt_arg_nokw("pwrite", kwnames) || !rt_arg_range("pwrite", nargs, 3, 3) ||
        !mod_posix_fd(args[0], &fd) || !length_arg(args[2], &offset))
        return VAL_NULL;
    return write_bytes(fd, args[1], (off_t)offset, true);
}

/* os.lseek(fd, position, whence) */
static Value posix_lseek(Value *args, size_t nargs, Value kwnames)
{
    int fd, how;
    int64_t pos;
    if (!rt_arg_nokw("lseek", kwnames) || !rt_arg_range("lseek", nargs, 3, 3) ||
        !mod_posix_fd(args[0], &fd) || !index_i64(args[1], &pos) ||
        !mod_posix_fd(args[2], &how))
        return VAL_NULL;
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0)
        return mod_posix_error();
    return rt_int_from_i64(r);
}

static Value pipe_with(int flags)
{
    int fds[2];
    if (pipe2(fds, flags) < 0)
        return mod_posix_error();
    return rt_tuple_pack(2, small_new(fds[0]), small_new(fds[1]));
}

static Value posix_pipe(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("posix.pipe", nargs, kwnames) ? pipe_with(O_CLOEXEC) : VAL_NULL;
}

static Value posix_pipe2(Value *args, size_t nargs, Value kwnames)
{
    int flags;
    if (!rt_arg_one("posix.pipe2", nargs, kwnames) ||
        !mod_posix_fd(args[0], &flags))
        return VAL_NULL;
    return pipe_with(flags);
}

static Value posix_dup(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    if (!rt_arg_one("posix.dup", nargs, kwnames) ||
        !mod_posix_fd(args[0], &fd))
        return VAL_NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? mod_posix_error() : small_new(r);
}

/* os.dup2(fd, fd2, inheritable=True) */
static Value posix_dup2(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "fd", "fd2", "inheritable" };
    static const ArgSpec spec = { "dup2", names, 3, 0, 2, 3, false };
    Value a[3];
    int fd, fd2, r;
    bool inheritable;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fd(a[0], &fd) ||
        !mod_posix_fd(a[1], &fd2) || !mod_posix_bool(a[2], true, &inheritable))
        return VAL_NULL;
    if (fd == fd2)
        r = fcntl(fd, F_GETFD) < 0 ? -1 : fd;        /* dup3 refuses equal fds */
    else
        r = dup3(fd, fd2, inheritable ? 0 : O_CLOEXEC);
    return r < 0 ? mod_posix_error() : small_new(r);
}

bool mod_posix_fileno(Value v, int *fd)
{
    if (!rt_isinstance_of(v, &rt_int_type)) {
        Value fileno = rt_lookup_attr(v, RT_NAME("fileno"));
        if (fileno == VAL_NULL) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "argument must be an int, or have a fileno() method.");
            return false;
        }
        v = rt_call0(fileno);
        if (v == VAL_NULL)
            return false;
        if (!rt_isinstance_of(v, &rt_int_type)) {
            rt_raisef(&rt_TypeError, "fileno() returned a non-integer");
            return false;
        }
    }
    if (!mod_posix_fd(v, fd))
        return false;
    if (*fd < 0) {
        rt_raisef(&rt_ValueError, "file descriptor cannot be a negative integer (%d)", *fd);
        return false;
    }
    return true;
}

static Value sync_fd(const char *fname, int (*fn)(int), Value *args, size_t nargs,
                     Value kwnames)
{
    static const char *const names[] = { "fd" };
    ArgSpec spec = { fname, names, 1, 0, 1, 1, false };
    Value a[1];
    int fd;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fileno(a[0], &fd))
        return VAL_NULL;
    return fn(fd) < 0 ? mod_posix_error() : rt_None;
}

static Value posix_fsync(Value *args, size_t nargs, Value kwnames)
{
    return sync_fd("fsync", fsync, args, nargs, kwnames);
}

static Value posix_fdatasync(Value *args, size_t nargs, Value kwnames)
{
    return sync_fd("fdatasync", fdatasync, args, nargs, kwnames);
}

static Value posix_sync(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.sync", nargs, kwnames))
        return VAL_NULL;
    sync();
    return rt_None;
}

/* truncate(path, length) (path may be an fd) and ftruncate(fd, length). */
static Value posix_truncate(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path", "length" };
    static const ArgSpec spec = { "truncate", names, 2, 0, 2, 2, false };
    Value a[2];
    PathArg p = mod_posix_path_spec("truncate", "path", true, false);
    ssize_t length;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p) ||
        !length_arg(a[1], &length))
        return VAL_NULL;
    if ((p.narrow ? truncate(p.narrow, length) : ftruncate(p.fd, length)) < 0)
        return mod_posix_path_error(&p);
    return rt_None;
}

static Value posix_ftruncate(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    ssize_t length;
    if (!rt_arg_nokw("ftruncate", kwnames) || !rt_arg_range("ftruncate", nargs, 2, 2) ||
        !mod_posix_fd(args[0], &fd) || !length_arg(args[1], &length))
        return VAL_NULL;
    return ftruncate(fd, length) < 0 ? mod_posix_error() : rt_None;
}

/* os.sendfile(out_fd, in_fd, offset, count): offset None reads from in_fd's position. */
static Value posix_sendfile(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "out_fd", "in_fd", "offset", "count" };
    static const ArgSpec spec = { "sendfile", names, 4, 0, 4, 4, false };
    Value a[4];
    int out_fd, in_fd;
    ssize_t count, offset = 0;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fd(a[0], &out_fd) ||
        !mod_posix_fd(a[1], &in_fd) || (a[2] != rt_None && !length_arg(a[2], &offset)) ||
        !length_arg(a[3], &count))
        return VAL_NULL;
    off_t off = offset, *offp = a[2] == rt_None ? NULL : &off;
    /* The socket may be full until another thread reads it: the call
     * blocks with the lock released.  A signal that came since the last
     * safe point has its handlers run first, as it would not interrupt
     * the wait. */
    if (!mod_posix_retry())
        return VAL_NULL;
    ssize_t n;
    vm_release_lock();
    while ((n = sendfile(out_fd, in_fd, offp, (size_t)count)) < 0 && errno == EINTR)
        if (!vm_blocking_retry())
            return VAL_NULL;
    int err = errno;
    vm_reacquire_lock();
    errno = err;
    return n < 0 ? mod_posix_error() : rt_int_from_i64(n);
}

static Value inheritable_get(const char *fname, Value *args, size_t nargs, Value kwnames,
                             int cmd, int bit, bool set_means)
{
    int fd;
    if (!rt_arg_one(fname, nargs, kwnames) || !mod_posix_fd(args[0], &fd))
        return VAL_NULL;
    int flags = fcntl(fd, cmd);
    if (flags < 0)
        return mod_posix_error();
    return rt_bool(((flags & bit) != 0) == set_means);
}

static Value flag_set(const char *fname, Value *args, size_t nargs, Value kwnames,
                      int get, int set, int bit, bool set_when_true)
{
    int fd;
    bool on;
    if (!rt_arg_nokw(fname, kwnames) || !rt_arg_range(fname, nargs, 2, 2) ||
        !mod_posix_fd(args[0], &fd) || !mod_posix_bool(args[1], false, &on))
        return VAL_NULL;
    int flags = fcntl(fd, get);
    if (flags < 0)
        return mod_posix_error();
    flags = on == set_when_true ? flags | bit : flags & ~bit;
    return fcntl(fd, set, flags) < 0 ? mod_posix_error() : rt_None;
}

static Value posix_get_inheritable(Value *args, size_t nargs, Value kwnames)
{
    return inheritable_get("posix.get_inheritable", args, nargs, kwnames, F_GETFD, FD_CLOEXEC,
                           false);
}

static Value posix_set_inheritable(Value *args, size_t nargs, Value kwnames)
{
    return flag_set("set_inheritable", args, nargs, kwnames, F_GETFD, F_SETFD, FD_CLOEXEC,
                    false);
}

static Value posix_get_blocking(Value *args, size_t nargs, Value kwnames)
{
    return inheritable_get("posix.get_blocking", args, nargs, kwnames, F_GETFL, O_NONBLOCK, false);
}

static Value posix_set_blocking(Value *args, size_t nargs, Value kwnames)
{
    return flag_set("set_blocking", args, nargs, kwnames, F_GETFL, F_SETFL, O_NONBLOCK, false);
}

/* ---- access, chmod, chown ------------------------------------------------------------- */

/* os.access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True) */
static Value posix_access(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path", "mode", "dir_fd", "effective_ids",
                                         "follow_symlinks" };
    static const ArgSpec spec = { "access", names, 5, 0, 2, 2, false };
    Value a[5];
    PathArg p = mod_posix_path_spec("access", "path", false, false);
    int mode, dir_fd;
    bool effective, follow;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p) ||
        !mod_posix_fd(a[1], &mode) || !mod_posix_dir_fd(a[2], &dir_fd) ||
        !mod_posix_bool(a[3], false, &effective) || !mod_posix_bool(a[4], true, &follow))
        return VAL_NULL;
    int flags = (effective ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    return rt_bool(faccessat(dir_fd, p.narrow, mode, flags) == 0);
}

/* os.chmod(path, mode, *, dir_fd=None, follow_symlinks=True) */
static Value posix_chmod(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path", "mode", "dir_fd", "follow_symlinks" };
    static const ArgSpec spec = { "chmod", names, 4, 0, 2, 2, false };
    Value a[4];
    PathArg p = mod_posix_path_spec("chmod", "path", true, false);
    int mode, dir_fd, r;
    bool follow;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p) ||
        !mod_posix_fd(a[1], &mode) || !mod_posix_dir_fd(a[2], &dir_fd) ||
        !mod_posix_bool(a[3], true, &follow) || !mod_posix_check_dir_fd(&p, dir_fd) ||
        !mod_posix_check_fd_follow(&p, follow))
        return VAL_NULL;
    if (p.narrow == NULL)
        r = fchmod(p.fd, (mode_t)mode);
    else
        r = fchmodat(dir_fd, p.narrow, (mode_t)mode, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    if (r < 0 && !follow && (errno == ENOTSUP || errno == EOPNOTSUPP))
        return rt_raisef(&rt_NotImplementedError, "chmod: follow_symlinks unavailable on "
                         "this platform");
    return r < 0 ? mod_posix_path_error(&p) : rt_None;
}

static Value posix_fchmod(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "fd", "mode" };
    static const ArgSpec spec = { "fchmod", names, 2, 0, 2, 2, false };
    Value a[2];
    int fd, mode;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fd(a[0], &fd) ||
        !mod_posix_fd(a[1], &mode))
        return VAL_NULL;
    return fchmod(fd, (mode_t)mode) < 0 ? mod_posix_error() : rt_None;
}

/* A uid or gid ("uid"/"gid" in messages): -1 means "unchanged". */
static bool id_arg(Value v, const char *what, unsigned *out)
{
    int64_t n;
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "%s should be integer, not %T", what, v);
        return false;
    }
    if (!rt_int_as_i64(v, &n) || n < -1 || n > (int64_t)UINT_MAX - 1) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "%s is %s", what,
                  rt_int_sign(v) < 0 ? "less than minimum" : "greater than maximum");
        return false;
    }
    *out = (unsigned)n;
    return true;
}

/* chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True) and lchown(path, uid, gid). */
static Value chown_common(const char *fname, bool lchown_, Value *args, size_t nargs,
                          Value kwnames)
{
    static const char *const names[] = { "path", "uid", "gid", "dir_fd", "follow_symlinks" };
    ArgSpec spec = { fname, names, lchown_ ? 3 : 5, 0, 3, 3, false };
    Value a[5] = { VAL_NULL, VAL_NULL, VAL_NULL, VAL_NULL, VAL_NULL };
    PathArg p = mod_posix_path_spec(fname, "path", !lchown_, false);
    unsigned uid, gid;
    int dir_fd, r;
    bool follow;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p) ||
        !id_arg(a[1], "uid", &uid) || !id_arg(a[2], "gid", &gid) ||
        !mod_posix_dir_fd(a[3], &dir_fd) || !mod_posix_bool(a[4], !lchown_, &follow) ||
        !mod_posix_check_dir_fd(&p, dir_fd) ||
        !mod_posix_check_fd_follow(&p, follow))
        return VAL_NULL;
    if (p.narrow == NULL)
        r = fchown(p.fd, uid, gid);
    else
        r = fchownat(dir_fd, p.narrow, uid, gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    return r < 0 ? mod_posix_path_error(&p) : rt_None;
}

static Value posix_chown(Value *args, size_t nargs, Value kwnames)
{
    return chown_common("chown", false, args, nargs, kwnames);
}

static Value posix_lchown(Value *args, size_t nargs, Value kwnames)
{
    return chown_common("lchown", true, args, nargs, kwnames);
}

static Value posix_fchown(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "fd", "uid", "gid" };
    static const ArgSpec spec = { "fchown", names, 3, 0, 3, 3, false };
    Value a[3];
    int fd;
    unsigned uid, gid;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fd(a[0], &fd) ||
        !id_arg(a[1], "uid", &uid) || !id_arg(a[2], "gid", &gid))
        return VAL_NULL;
    return fchown(fd, uid, gid) < 0 ? mod_posix_error() : rt_None;
}

/* ---- utime ------------------------------------------------------------------------------ */

/* A time in seconds (int or float) as a timespec, rounded towards -inf
 * (CPython's _PyTime_ObjectToTimespec with ROUND_FLOOR). */
static bool seconds_arg(Value v, struct timespec *ts)
{
    if (rt_isinstance_of(v, &rt_float_type)) {
        double d = AS_FLOAT(v)->value, ip;
        if (isnan(d)) {
            rt_raisef(&rt_ValueError, "Invalid value NaN (not a number)");
            return false;
        }
        double frac = floor(modf(d, &ip) * 1e9);
        if (frac >= 1e9) {
            frac -= 1e9;
            ip += 1.0;
        } else if (frac < 0) {
            frac += 1e9;
            ip -= 1.0;
        }
        if (ip < -9.2e18 || ip > 9.2e18) {
            rt_raisef(&rt_OverflowError, "timestamp out of range for platform time_t");
            return false;
        }
        ts->tv_sec = (time_t)ip;
        ts->tv_nsec = (long)frac;
        return true;
    }
    int64_t s;
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return false;
    }
    if (!rt_int_as_i64(v, &s))
        return false;
    ts->tv_sec = (time_t)s;
    ts->tv_nsec = 0;
    return true;
}

/* ns: an int of nanoseconds → timespec (divmod by 10**9). */
static bool ns_arg(Value v, struct timespec *ts)
{
    Value billion = small_new(1000000000);
    if ((v = mod_posix_index(v)) == VAL_NULL)
        return false;
    Value q = rt_int_binop(v, billion, NB_FLOOR_DIVIDE);
    Value r = q != VAL_NULL ? rt_int_binop(v, billion, NB_REMAINDER) : VAL_NULL;
    int64_t sec, nsec;
    if (r == VAL_NULL || q == rt_NotImplemented || !rt_int_as_i64(q, &sec) ||
        !rt_int_as_i64(r, &nsec))
        return false;
    ts->tv_sec = (time_t)sec;
    ts->tv_nsec = (long)nsec;
    return true;
}

static bool pair_arg(Value v)
{
    return is_tuple(v) && rt_tuple_len(v) == 2;
}

/* The two timespecs utime() sets, from times= or ns= (NULL: now). */
static bool utime_times(Value times, Value ns, struct timespec ts[2], bool *now)
{
    *now = false;
    if (times != VAL_NULL && times != rt_None && ns != VAL_NULL) {
        rt_raisef(&rt_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
        return false;
    }
    if (times != VAL_NULL && times != rt_None) {
        if (!pair_arg(times)) {
            rt_raisef(&rt_TypeError, "utime: 'times' must be either a tuple of two ints or None");
            return false;
        }
        return seconds_arg(rt_tuple_get(times, 0), &ts[0]) &&
               seconds_arg(rt_tuple_get(times, 1), &ts[1]);
    }
    if (ns != VAL_NULL) {
        if (!pair_arg(ns)) {
            rt_raisef(&rt_TypeError, "utime: 'ns' must be a tuple of two ints");
            return false;
        }
        return ns_arg(rt_tuple_get(ns, 0), &ts[0]) && ns_arg(rt_tuple_get(ns, 1), &ts[1]);
    }
    *now = true;
    return true;
}

/* os.utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True) */
static Value posix_utime(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path", "times", "ns", "dir_fd", "follow_symlinks" };
    static const ArgSpec spec = { "utime", names, 5, 0, 1, 2, false };
    Value a[5];
    PathArg p = mod_posix_path_spec("utime", "path", true, false);
    int dir_fd, r;
    bool follow, now;
    struct timespec ts[2];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p) ||
        !utime_times(a[1], a[2], ts, &now) || !mod_posix_dir_fd(a[3], &dir_fd) ||
        !mod_posix_bool(a[4], true, &follow) || !mod_posix_check_dir_fd(&p, dir_fd) ||
        !mod_posix_check_fd_follow(&p, follow))
        return VAL_NULL;
    if (p.narrow == NULL)
        r = futimens(p.fd, now ? NULL : ts);
    else
        r = utimensat(dir_fd, p.narrow, now ? NULL : ts, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    return r < 0 ? mod_posix_path_error(&p) : rt_None;
}

/* ---- links and special files ------------------------------------------------------------- */

/* os.link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True) */
static Value posix_link(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "src", "dst", "src_dir_fd", "dst_dir_fd",
                                         "follow_symlinks" };
    static const ArgSpec spec = { "link", names, 5, 0, 2, 2, false };
    Value a[5];
    PathArg src = mod_posix_path_spec("link", "src", false, false);
    PathArg dst = mod_posix_path_spec("link", "dst", false, false);
    int src_dir_fd, dst_dir_fd;
    bool follow;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &src) ||
        !mod_posix_path(a[1], &dst) || !mod_posix_dir_fd(a[2], &src_dir_fd) ||
        !mod_posix_dir_fd(a[3], &dst_dir_fd) || !mod_posix_bool(a[4], true, &follow))
        return VAL_NULL;
    if (linkat(src_dir_fd, src.narrow, dst_dir_fd, dst.narrow,
               follow ? AT_SYMLINK_FOLLOW : 0) < 0)
        return mod_posix_path_error2(&src, &dst);
    return rt_None;
}

/* os.symlink(src, dst, target_is_directory=False, *, dir_fd=None) */
static Value posix_symlink(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "src", "dst", "target_is_directory", "dir_fd" };
    static const ArgSpec spec = { "symlink", names, 4, 0, 2, 3, false };
    Value a[4];
    PathArg src = mod_posix_path_spec("symlink", "src", false, false);
    PathArg dst = mod_posix_path_spec("symlink", "dst", false, false);
    int dir_fd;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &src) ||
        !mod_posix_path(a[1], &dst) || !mod_posix_dir_fd(a[3], &dir_fd))
        return VAL_NULL;
    if (symlinkat(src.narrow, dir_fd, dst.narrow) < 0)
        return mod_posix_path_error2(&src, &dst);
    return rt_None;
}

/* os.readlink(path, *, dir_fd=None): the link's text, str or bytes as path. */
static Value posix_readlink(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path", "dir_fd" };
    static const ArgSpec spec = { "readlink", names, 2, 0, 1, 1, false };
    Value a[2];
    PathArg p = mod_posix_path_spec("readlink", "path", false, false);
    int dir_fd;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p) ||
        !mod_posix_dir_fd(a[1], &dir_fd))
        return VAL_NULL;
    char buf[PATH_MAX + 1];
    ssize_t n = readlinkat(dir_fd, p.narrow, buf, sizeof buf);
    if (n < 0)
        return mod_posix_path_error(&p);
    return mod_posix_name(buf, (size_t)n, p.is_bytes);
}

/* mkfifo(path, mode=0o666, *, dir_fd=None) and
 * mknod(path, mode=0o600, device=0, *, dir_fd=None). */
static Value make_node(const char *fname, bool fifo, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path", "mode", "device", "dir_fd" };
    static const char *const fifo_names[] = { "path", "mode", "dir_fd" };
    ArgSpec spec = { fname, fifo ? fifo_names : names, fifo ? 3 : 4, 0, 1, fifo ? 2 : 3, false };
    Value a[4] = { VAL_NULL, VAL_NULL, VAL_NULL, VAL_NULL };
    PathArg p = mod_posix_path_spec(fname, "path", false, false);
    int mode = fifo ? 0666 : 0600, dir_fd;
    int64_t device = 0;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p) ||
        (a[1] != VAL_NULL && !mod_posix_fd(a[1], &mode)) ||
        (!fifo && a[2] != VAL_NULL && !index_i64(a[2], &device)) ||
        !mod_posix_dir_fd(fifo ? a[2] : a[3], &dir_fd))
        return VAL_NULL;
    int r = fifo ? mkfifoat(dir_fd, p.narrow, (mode_t)mode)
                 : mknodat(dir_fd, p.narrow, (mode_t)mode, (dev_t)device);
    return r < 0 ? mod_posix_path_error(&p) : rt_None;
}

static Value posix_mkfifo(Value *args, size_t nargs, Value kwnames)
{
    return make_node("mkfifo", true, args, nargs, kwnames);
}

static Value posix_mknod(Value *args, size_t nargs, Value kwnames)
{
    return make_node("mknod", false, args, nargs, kwnames);
}

static bool is_minus_one(Value v)
{
    int64_t i;
    return rt_int_as_i64(v, &i) ? i == -1 : (rt_err_clear(), false);
}

/* A dev_t argument: an int in [0, 2**64), as CPython's _Py_Dev_Converter
 * (3.13 also takes -1, NODEV). */
static bool dev_arg(Value v, uint64_t *dev)
{
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "an integer is required");
        return false;
    }
    if (rt_py_minor >= 13 && is_minus_one(v)) {   /* 3.13: NODEV */
        *dev = (uint64_t)(dev_t)-1;
        return true;
    }
    if (rt_int_sign(v) < 0) {
        rt_raisef(&rt_OverflowError, "can't convert negative int to unsigned");
        return false;
    }
    if (!rt_int_as_u64(v, dev)) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "int too big to convert");
        return false;
    }
    return true;
}

static Value device_part(const char *fname, Value *args, size_t nargs, Value kwnames,
                         bool major_part)
{
    uint64_t dev;
    if (!rt_arg_one(fname, nargs, kwnames) || !dev_arg(args[0], &dev))
        return VAL_NULL;
    unsigned part = major_part ? major((dev_t)dev) : minor((dev_t)dev);
    if (rt_py_minor >= 13 && part == (unsigned)(dev_t)-1)
        return rt_int_from_i64(-1);     /* 3.13: NODEV's part */
    return rt_int_from_u64(part);
}

/* 3.13's makedev() part: -1 (NODEV) or an unsigned int. */
static bool device_number(Value v, unsigned *out)
{
    if (!rt_isinstance_of(v, &rt_int_type)) {
        Value i = mod_posix_index(v);
        if (i == VAL_NULL)
            return false;
        v = i;
    }
    if (is_minus_one(v)) {
        *out = (unsigned)(dev_t)-1;
        return true;
    }
    uint64_t u;
    if (rt_int_sign(v) < 0) {
        rt_raisef(&rt_OverflowError, "can't convert negative int to unsigned");
        return false;
    }
    if (!rt_int_as_u64(v, &u) || u > UINT_MAX) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C unsigned int");
        return false;
    }
    *out = (unsigned)u;
    return true;
}

static Value posix_major(Value *args, size_t nargs, Value kwnames)
{
    return device_part("posix.major", args, nargs, kwnames, true);
}

static Value posix_minor(Value *args, size_t nargs, Value kwnames)
{
    return device_part("posix.minor", args, nargs, kwnames, false);
}

static Value posix_makedev(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("makedev", kwnames) || !rt_arg_range("makedev", nargs, 2, 2))
        return VAL_NULL;
    if (rt_py_minor >= 13) {
        unsigned ma, mi;
        if (!device_number(args[0], &ma) || !device_number(args[1], &mi))
            return VAL_NULL;
        dev_t dev = makedev(ma, mi);
        return dev == (dev_t)-1 ? rt_int_from_i64(-1) : rt_int_from_u64((uint64_t)dev);
    }
    int ma, mi;
    if (!mod_posix_fd(args[0], &ma) || !mod_posix_fd(args[1], &mi))
        return VAL_NULL;
    return rt_int_from_i64((int64_t)makedev((unsigned)ma, (unsigned)mi));   /* CPython: signed */
}

const MethodDef mod_posix_file_functions[] = {
    {"stat", posix_stat}, {"lstat", posix_lstat}, {"fstat", posix_fstat},
    {"statvfs", posix_statvfs}, {"fstatvfs", posix_fstatvfs},
    {"open", posix_open}, {"close", posix_close}, {"closerange", posix_closerange},
    {"read", posix_read}, {"pread", posix_pread}, {"write", posix_write},
    {"pwrite", posix_pwrite}, {"lseek", posix_lseek}, {"pipe", posix_pipe},
    {"pipe2", posix_pipe2}, {"dup", posix_dup}, {"dup2", posix_dup2},
    {"fsync", posix_fsync}, {"fdatasync", posix_fdatasync}, {"sync", posix_sync},
    {"truncate", posix_truncate}, {"ftruncate", posix_ftruncate},
    {"sendfile", posix_sendfile},
    {"get_inheritable", posix_get_inheritable}, {"set_inheritable", posix_set_inheritable},
    {"get_blocking", posix_get_blocking}, {"set_blocking", posix_set_blocking},
    {"access", posix_access}, {"chmod", posix_chmod}, {"fchmod", posix_fchmod},
    {"chown", posix_chown}, {"lchown", posix_lchown}, {"fchown", posix_fchown},
    {"utime", posix_utime}, {"link", posix_link}, {"symlink", posix_symlink},
    {"readlink", posix_readlink}, {"mkfifo", posix_mkfifo}, {"mknod", posix_mknod},
    {"major", posix_major}, {"minor", posix_minor}, {"makedev", posix_makedev},
    {NULL, NULL},
};

void mod_posix_file_init(Value m)
{
    stat_type = rt_structseq_type_new(&stat_desc);
    structseq_new = stat_type->new_;
    stat_type->new_ = stat_result_new;
    statvfs_type = rt_structseq_type_new(&statvfs_desc);
    mod_module_set(m, "stat_result", obj_val(stat_type));
    mod_module_set(m, "statvfs_result", obj_val(statvfs_type));
}
