/*
 * io_fileio.c — _io.FileIO, the raw stream over a file descriptor
 * (CPython's Modules/_io/fileio.c): every read, write and seek is one
 * system call, retried after a signal (PEP 475) and with the interpreter
 * lock released while a read may block.
 *
 * FileIO(file, mode='r', closefd=True, opener=None): file is a path (str,
 * bytes, os.PathLike) or a descriptor; mode is one of r w a x, optional +,
 * optional b.  The descriptor is closed by close() (unless closefd=False)
 * or, for a file the program forgot, when the collector frees the object.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "modules/io.h"
#include "modules/posix.h"
#include "runtime/buffer.h"
#include "vm/thread.h"
#include "vm/vm.h"

typedef struct FileIO {
    IoObject base;
    int fd;                     /* -1 once closed */
    bool readable, writable, appending, created, closefd;
    bool to_stdout;             /* -u's sys.stdout.buffer: writes into runtime/stdout.c */
    signed char seekable;       /* -1 not known yet */
    long blksize;
} FileIO;

#define FIO(v) VAL_AS(FileIO, v)

void io_fileio_set_stdout(Value raw)
{
    FIO(raw)->to_stdout = true;
}

int io_fileio_fd(Value f)
{
    return FIO(f)->fd;
}

static Value err_closed(void)
{
    return rt_raisef(&rt_ValueError, "I/O operation on closed file");
}

static Value err_mode(const char *action)
{
    return rt_raisef(io_unsupported_type(), "File not open for %s", action);
}

/* mode → open(2) flags; false + ValueError for a bad mode. */
static bool parse_mode(FileIO *f, Value mode, int *flags)
{
    const char *s = rt_str_cstr(mode);
    int rwa = 0, plus = 0;
    *flags = 0;
    for (const char *p = s; *p; p++) {
        switch (*p) {
        case 'x': rwa++; f->created = f->writable = true; *flags |= O_EXCL | O_CREAT; break;
        case 'r': rwa++; f->readable = true; break;
        case 'w': rwa++; f->writable = true; *flags |= O_CREAT | O_TRUNC; break;
        case 'a': rwa++; f->writable = f->appending = true; *flags |= O_APPEND | O_CREAT; break;
        case 'b': break;
        case '+': plus++; f->readable = f->writable = true; break;
        default:
            rt_raisef(&rt_ValueError, "invalid mode: %s", s);
            return false;
        }
    }
    if (rwa != 1 || plus > 1 || (plus && strchr(s, '+') != strrchr(s, '+'))) {
        rt_raisef(&rt_ValueError, "Must have exactly one of create/read/write/append mode "
                  "and at most one plus");
        return false;
    }
    *flags |= f->readable && f->writable ? O_RDWR : f->readable ? O_RDONLY : O_WRONLY;
    *flags |= O_CLOEXEC;
    return true;
}

/* A path argument as the bytes to give open(2). */
static const char *path_bytes(Value file)
{
    if (rt_is_str(file)) {
        size_t n;
        const char *p = mod_posix_fsencode(file, &n);
        if (p != NULL && strlen(p) != n) {
            rt_raisef(&rt_ValueError, "embedded null byte");
            return NULL;
        }
        return p;
    }
    if (rt_isinstance_of(file, &rt_bytes_type)) {
        if (strlen((const char *)AS_BYTES(file)->data) != AS_BYTES(file)->length) {
            rt_raisef(&rt_ValueError, "embedded null byte");
            return NULL;
        }
        return (const char *)AS_BYTES(file)->data;
    }
    rt_raisef(&rt_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
    return NULL;
}

Value io_fspath(Value file)
{
    if (rt_is_str(file) || rt_isinstance_of(file, &rt_bytes_type))
        return file;
    Value m = mod_lookup_special(file, "__fspath__");
    if (m == VAL_NULL)
        return file;
    Value r = rt_call0(m);
    if (r != VAL_NULL && !rt_is_str(r) && !rt_isinstance_of(r, &rt_bytes_type))
        return rt_raisef(&rt_TypeError, "expected %T.__fspath__() to return str or bytes, "
                         "not %T", file, r);
    return r;
}

static bool open_path(FileIO *f, Value file, int flags, Value opener)
{
    Value path = io_fspath(file);
    if (path == VAL_NULL)
        return false;
    if (opener != VAL_NULL && opener != rt_None) {
        Value fd = rt_call2(opener, file, small_new(flags));
        if (fd == VAL_NULL)
            return false;
        if (!is_int(fd)) {
            rt_raisef(&rt_TypeError, "expected integer from opener");
            return false;
        }
        ssize_t n;
        if (!rt_as_ssize(fd, &n))
            return false;
        if (n < 0) {
            rt_raisef(&rt_ValueError, "opener returned %zd", n);
            return false;
        }
        f->fd = (int)n;
        return true;
    }
    const char *p = path_bytes(path);
    if (p == NULL)
        return false;
    for (;;) {
        f->fd = open(p, flags, 0666);
        if (f->fd >= 0)
            return true;
        if (errno != EINTR || !mod_posix_retry()) {
            if (errno != EINTR)
                io_oserror(errno, file);
            return false;
        }
    }
}

static Value fileio_init(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "file", "mode", "closefd", "opener" };
    static const ArgSpec spec = { "FileIO", names, 4, 0, 1, 4, false };
    Value a[4];
    if (!io_self(args, nargs, &io_fileio_type, "__init__") ||
        !rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    FileIO *f = FIO(args[0]);
    if (f->fd > 0 && f->closefd)        /* __init__ again: close the old one */
        close(f->fd);
    f->fd = -1;
    f->readable = f->writable = f->appending = f->created = false;
    f->seekable = -1;
    Value mode = a[1] != VAL_NULL ? a[1] : rt_str_from_cstr("r");
    if (!rt_is_str(mode))
        return rt_raisef(&rt_TypeError, "FileIO() argument 'mode' must be str, not %T", mode);
    bool closefd;
    if (!rt_arg_flag(a[2], true, &closefd))
        return VAL_NULL;
    if (rt_isinstance_of(a[0], &rt_float_type))
        return rt_raisef(&rt_TypeError, "integer argument expected, got float");
    int flags;
    if (!parse_mode(f, mode, &flags))
        return VAL_NULL;
    f->closefd = closefd;
    if (is_int(a[0])) {
        ssize_t fd;
        if (!rt_as_ssize(a[0], &fd))
            return VAL_NULL;
        if (fd < 0)
            return rt_raisef(&rt_ValueError, "negative file descriptor");
        f->fd = (int)fd;
    } else {
        if (!closefd)
            return rt_raisef(&rt_ValueError, "Cannot use closefd=False with file name");
        f->closefd = true;
        if (!open_path(f, a[0], flags, a[3]))
            return VAL_NULL;
    }
    struct stat st;
    if (fstat(f->fd, &st) < 0) {
        int err = errno;
        if (err == EBADF) {
            f->fd = -1;
            return io_oserror(err, VAL_NULL);
        }
    } else {
        if (S_ISDIR(st.st_mode)) {
            if (!is_int(a[0]))
                close(f->fd);
            f->fd = -1;
            return io_oserror(EISDIR, a[0]);
        }
        f->blksize = st.st_blksize > 1 ? st.st_blksize : IO_DEFAULT_BUFFER_SIZE;
    }
    if (rt_setattr(args[0], RT_NAME("name"), a[0]) < 0)
        return VAL_NULL;
    if (f->appending)
        lseek(f->fd, 0, SEEK_END);
    return rt_None;
}

static Value fileio_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    Value self = obj_val(rt_alloc_instance(type, sizeof(FileIO)));
    FIO(self)->fd = -1;
    if (rt_is_heaptype(type))
        return self;
    Value all[8] = { self };
    size_t total = nargs + rt_nkwargs(kw);
    if (total > 6)
        return rt_raisef(&rt_TypeError, "FileIO() takes at most 4 arguments (%zu given)", nargs);
    memcpy(all + 1, args, total * sizeof(Value));
    return fileio_init(all, nargs + 1, kw) == VAL_NULL ? VAL_NULL : self;
}

Value io_fileio_open(Value file, const char *mode, bool closefd, Value opener)
{
    Value args[4] = { file, rt_str_from_cstr(mode), rt_bool(closefd),
                      opener != VAL_NULL ? opener : rt_None };
    return fileio_new(&io_fileio_type, args, 4, VAL_NULL);
}

/* ---- the methods ----------------------------------------------------------------------------- */

/* self, open (else ValueError); its arguments, if any, already checked:
 * CPython's methods convert most of theirs before they look at the state. */
static FileIO *open_self(Value self)
{
    if (FIO(self)->fd < 0) {
        err_closed();
        return NULL;
    }
    return FIO(self);
}

static FileIO *self_open(Value *args, size_t nargs, const char *name)
{
    if (!io_self(args, nargs, &io_fileio_type, name))
        return NULL;
    return open_self(args[0]);
}

/* One read(2) into buf: bytes read, 0 at end, -1 with an exception set,
 * -2 when a non-blocking descriptor has nothing (EAGAIN).  A signal that
 * came just before the read, or interrupts it (EINTR), has its handler run
 * first: Ctrl-C in input() is KeyboardInterrupt, not a wait for a line. */
static ssize_t read_once(FileIO *f, void *buf, size_t n)
{
    for (;;) {
        if (!vm_wait_readable(f->fd) || !vm_check_interrupt())
            return -1;
        ssize_t r = read(f->fd, buf, n);
        if (r >= 0)
            return r;
        if (errno == EAGAIN)
            return -2;
        if (errno != EINTR) {
            io_oserror(errno, VAL_NULL);
            return -1;
        }
        if (!mod_posix_retry())
            return -1;
    }
}

ssize_t io_fileio_read(Value f, void *buf, size_t n)
{
    return read_once(FIO(f), buf, n);
}

/* To the end of the file, in a bytes made at the size left (one byte more,
 * so that the read which finds the end needs no growth, as in CPython) and
 * filled where it lies: pip's imports read 10 MiB of pyc this way, and a
 * buffer grown and then copied into the result tripled what they
 * allocated.  A bytes left with more room than one buffer's worth unused
 * (a pipe's growth) is copied to its size. */
Value io_fileio_readall(Value self)
{
    FileIO *f = FIO(self);
    struct stat st;
    size_t cap = IO_DEFAULT_BUFFER_SIZE;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode) && pos >= 0 && st.st_size >= pos)
        cap = (size_t)(st.st_size - pos) + 1;
    ObjBytes *b = AS_BYTES(rt_bytes_uninit(cap));
    size_t len = 0;
    for (;;) {
        if (len == cap) {
            cap = cap + cap / 4 + IO_DEFAULT_BUFFER_SIZE;
            b = gc_realloc(b, offsetof(ObjBytes, data) + cap + 1);
        }
        ssize_t r = read_once(f, b->data + len, cap - len);
        if (r == -1)
            return VAL_NULL;
        if (r == -2 && len == 0)
            return rt_None;
        if (r <= 0)
            break;
        len += (size_t)r;
    }
    if (cap - len > IO_DEFAULT_BUFFER_SIZE)
        return rt_bytes_new(b->data, len);
    b->length = len;
    b->data[len] = '\0';
    return obj_val(b);
}

static Value fileio_readall(Value *args, size_t nargs, Value kw)
{
    return self_open(args, nargs, "readall") == NULL ? VAL_NULL : io_fileio_readall(args[0]);
}

static Value fileio_read(Value *args, size_t nargs, Value kw)
{
    FileIO *f;
    ssize_t n;
    if (!io_self(args, nargs, &io_fileio_type, "read") || !rt_arg_range("read", nargs - 1, 0, 1) ||
        !io_size_arg(args, nargs, 1, &n) || (f = open_self(args[0])) == NULL)
        return VAL_NULL;
    if (!f->readable)
        return err_mode("reading");
    if (n < 0)
        return fileio_readall(args, 1, VAL_NULL);
    unsigned char *buf = rt_bytes_room((size_t)n);
    if (buf == NULL)
        return VAL_NULL;
    ssize_t r = read_once(f, buf, (size_t)n);
    if (r == -1)
        return VAL_NULL;
    return r == -2 ? rt_None : rt_bytes_new(buf, (size_t)r);
}

static Value fileio_readinto(Value *args, size_t nargs, Value kw)
{
    FileIO *f;
    RtBuffer v;
    if (!io_self(args, nargs, &io_fileio_type, "readinto") ||
        !io_onearg(args, nargs, kw, "FileIO", "readinto") ||
        !io_rw_buffer(args[1], &v, "readinto", "FileIO"))
        return VAL_NULL;
    if ((f = open_self(args[0])) == NULL || !f->readable) {
        rt_release_buffer(&v);
        return f == NULL ? VAL_NULL : err_mode("reading");
    }
    ssize_t r = read_once(f, v.buf, (size_t)v.len);
    rt_release_buffer(&v);
    if (r == -1)
        return VAL_NULL;
    return r == -2 ? rt_None : small_new(r);
}

static Value fileio_write(Value *args, size_t nargs, Value kw)
{
    FileIO *f;
    RtBuffer v;
    if (!io_self(args, nargs, &io_fileio_type, "write") ||
        !io_onearg(args, nargs, kw, "FileIO", "write") ||
        rt_get_buffer(args[1], &v, RT_BUF_SIMPLE) < 0)
        return VAL_NULL;
    if ((f = open_self(args[0])) == NULL || !f->writable) {
        rt_release_buffer(&v);
        return f == NULL ? VAL_NULL : err_mode("writing");
    }
    if (f->to_stdout) {
        bool ok = rt_stdout_write(v.buf, (size_t)v.len);
        rt_release_buffer(&v);
        return ok ? small_new(v.len) : VAL_NULL;
    }
    ssize_t w = vm_blocking_write(f->fd, v.buf, (size_t)v.len, 0, false);
    int err = errno;
    rt_release_buffer(&v);
    if (w == -2)                    /* a signal handler raised */
        return VAL_NULL;
    if (w < 0)
        return err == EAGAIN ? rt_None : io_oserror(err, VAL_NULL);
    return small_new(w);
}

static Value fileio_seek(Value *args, size_t nargs, Value kw)
{
    FileIO *f;
    ssize_t pos, whence = 0;
    if (!io_self(args, nargs, &io_fileio_type, "seek") || !rt_arg_range("seek", nargs - 1, 1, 2) ||
        (nargs > 2 && !rt_as_ssize(args[2], &whence)) || (f = open_self(args[0])) == NULL)
        return VAL_NULL;
    if (rt_isinstance_of(args[1], &rt_float_type))
        return rt_raisef(&rt_TypeError, "an integer is required");
    if (!rt_as_ssize(args[1], &pos))
        return VAL_NULL;
    off_t r = lseek(f->fd, (off_t)pos, (int)whence);
    if (r < 0)
        return io_oserror(errno, VAL_NULL);
    if (f->seekable < 0)
        f->seekable = 1;
    return rt_int_from_i64(r);
}

static Value fileio_tell(Value *args, size_t nargs, Value kw)
{
    FileIO *f = self_open(args, nargs, "tell");
    if (f == NULL)
        return VAL_NULL;
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    return r < 0 ? io_oserror(errno, VAL_NULL) : rt_int_from_i64(r);
}

static Value fileio_truncate(Value *args, size_t nargs, Value kw)
{
    FileIO *f;
    if (!io_self(args, nargs, &io_fileio_type, "truncate") ||
        !rt_arg_range("truncate", nargs - 1, 0, 1) || (f = open_self(args[0])) == NULL)
        return VAL_NULL;
    if (!f->writable)
        return err_mode("writing");
    off_t size;
    if (nargs < 2 || args[1] == rt_None) {
        size = lseek(f->fd, 0, SEEK_CUR);
        if (size < 0)
            return io_oserror(errno, VAL_NULL);
    } else {
        ssize_t s;
        if (!rt_as_ssize(args[1], &s))
            return VAL_NULL;
        size = (off_t)s;
    }
    if (ftruncate(f->fd, size) < 0)
        return io_oserror(errno, VAL_NULL);
    return rt_int_from_i64(size);
}

static Value fileio_seekable(Value *args, size_t nargs, Value kw)
{
    FileIO *f = self_open(args, nargs, "seekable");
    if (f == NULL)
        return VAL_NULL;
    if (f->seekable < 0)
        f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    return rt_bool(f->seekable);
}

static Value fileio_readable(Value *args, size_t nargs, Value kw)
{
    FileIO *f = self_open(args, nargs, "readable");
    return f == NULL ? VAL_NULL : rt_bool(f->readable);
}

static Value fileio_writable(Value *args, size_t nargs, Value kw)
{
    FileIO *f = self_open(args, nargs, "writable");
    return f == NULL ? VAL_NULL : rt_bool(f->writable);
}

static Value fileio_fileno(Value *args, size_t nargs, Value kw)
{
    FileIO *f = self_open(args, nargs, "fileno");
    return f == NULL ? VAL_NULL : small_new(f->fd);
}

static Value fileio_isatty(Value *args, size_t nargs, Value kw)
{
    FileIO *f = self_open(args, nargs, "isatty");
    return f == NULL ? VAL_NULL : rt_bool(isatty(f->fd) == 1);
}

/* ResourceWarning "unclosed file <repr(source)>" when the file has a
 * descriptor of its own still open; source is the outermost layer being
 * finalised (io.h).  An exception being raised meanwhile is kept; the
 * warning turned into an error is reported as unraisable. */
static void warn_unclosed(Value self, Value source)
{
    FileIO *f = FIO(self);
    if (f->fd < 0 || !f->closefd)
        return;
    Value saved = rt_err_fetch();
    Value msg = rt_str_format_c("unclosed file %R", source);
    if (msg == VAL_NULL || rt_warn_resource(source, msg) < 0) {
        if (rt_err_matches(&rt_Warning))
            rt_write_unraisable_while("finalizing file", self);
        rt_err_clear();
    }
    if (saved != VAL_NULL)
        rt_raise(saved);
}

/* _dealloc_warn(source): the warning above, asked for by a layer over
 * this file. */
static Value fileio_dealloc_warn(Value *args, size_t nargs, Value kw)
{
    if (!io_onearg(args, nargs, kw, "FileIO", "_dealloc_warn"))
        return VAL_NULL;
    warn_unclosed(args[0], args[1]);
    return rt_None;
}

static Value fileio_close(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_fileio_type, "close"))
        return VAL_NULL;
    FileIO *f = FIO(args[0]);
    Value r = io_iobase_close(args, 1, VAL_NULL);   /* flush, closed flag */
    if (f->base.finalizing)
        warn_unclosed(args[0], args[0]);
    if (f->fd >= 0 && f->closefd && close(f->fd) < 0 && r != VAL_NULL) {
        f->fd = -1;
        return io_oserror(errno, VAL_NULL);
    }
    f->fd = -1;
    return r;
}

static Value fileio_repr(Value self)
{
    FileIO *f = FIO(self);
    if (f->fd < 0)
        return rt_str_format_c("<%s [closed]>", val_type(self)->name);
    const char *mode = f->created ? (f->readable ? "xb+" : "xb")
                     : f->appending ? (f->readable ? "ab+" : "ab")
                     : f->readable ? (f->writable ? "rb+" : "rb") : "wb";
    Value name = rt_lookup_attr(self, RT_NAME("name"));
    if (name == VAL_NULL && rt_err_occurred())
        return VAL_NULL;
    const char *tn = val_type(self)->name;
    if (!rt_is_heaptype(val_type(self)))
        tn = "_io.FileIO";
    if (name == VAL_NULL)
        return rt_str_format_c("<%s fd=%d mode='%s' closefd=%s>", tn, f->fd, mode,
                               f->closefd ? "True" : "False");
    return rt_str_format_c("<%s name=%R mode='%s' closefd=%s>", tn, name, mode,
                           f->closefd ? "True" : "False");
}

static Value get_mode(Value self)
{
    FileIO *f = FIO(self);
    const char *mode = f->created ? (f->readable ? "xb+" : "xb")
                     : f->appending ? (f->readable ? "ab+" : "ab")
                     : f->readable ? (f->writable ? "rb+" : "rb") : "wb";
    return rt_str_from_cstr(mode);
}

static Value get_closed(Value self) { return rt_bool(FIO(self)->fd < 0); }
static Value get_closefd(Value self) { return rt_bool(FIO(self)->closefd); }
static Value get_blksize(Value self) { return rt_int_from_i64(FIO(self)->blksize); }

static const GetSetDef fileio_getsets[] = {
    {"closed", get_closed, 0, "True if the file is closed"},
    {"closefd", get_closefd, 0, "True if the file descriptor will be closed by close()."},
    {"mode", get_mode, 0, "String giving the file mode"},
    {"_blksize", get_blksize, 0, 0},
    {NULL, 0, 0, 0},
};

IO_NOARGS(fileio_readall_noargs, fileio_readall, "FileIO", "readall")
IO_NOARGS(fileio_tell_noargs, fileio_tell, "FileIO", "tell")
IO_NOARGS(fileio_close_noargs, fileio_close, "FileIO", "close")
IO_NOARGS(fileio_seekable_noargs, fileio_seekable, "FileIO", "seekable")
IO_NOARGS(fileio_readable_noargs, fileio_readable, "FileIO", "readable")
IO_NOARGS(fileio_writable_noargs, fileio_writable, "FileIO", "writable")
IO_NOARGS(fileio_fileno_noargs, fileio_fileno, "FileIO", "fileno")
IO_NOARGS(fileio_isatty_noargs, fileio_isatty, "FileIO", "isatty")

const MethodDef io_fileio_methods[] = {
    {"__init__", fileio_init}, {"read", fileio_read}, {"readall", fileio_readall_noargs},
    {"readinto", fileio_readinto}, {"write", fileio_write}, {"seek", fileio_seek},
    {"tell", fileio_tell_noargs}, {"truncate", fileio_truncate}, {"close", fileio_close_noargs},
    {"seekable", fileio_seekable_noargs}, {"readable", fileio_readable_noargs},
    {"writable", fileio_writable_noargs}, {"fileno", fileio_fileno_noargs},
    {"isatty", fileio_isatty_noargs}, {"_dealloc_warn", fileio_dealloc_warn},
    {NULL, NULL},
};

ObjType io_fileio_type = {
    .ob.type = &rt_type_type, .name = "_io.FileIO",
    /* A FileIO the program never closed is closed when collected
     * (_IOBase.__del__, after the buffer and text layers over it), with
     * CPython's ResourceWarning. */
    .flags = TF_BASETYPE | TF_WEAKREFABLE | TF_FINALIZER,
    .base = &io_rawiobase_type, .dict_offset = offsetof(IoObject, dict),
    .instance_size = sizeof(FileIO), .getsets = fileio_getsets,
    .members = io_finalizing_members,
    .new_ = fileio_new, .repr = fileio_repr,
};
