/*
 * posix.c — the posix module (Lib/os.py imports it and re-exports it as
 * os): its arguments, errors, environment, constants and the small system
 * queries.  posix.h says how the module is split over four files and how
 * paths are converted.
 *
 * Errors are OSError, made the way CPython makes them — OSError(errno,
 * strerror, filename[, None, filename2]) — so the class is the subclass
 * errno names (FileNotFoundError for ENOENT) and str(e) is
 * "[Errno 2] No such file or directory: 'x'".  A system call interrupted
 * by a signal is retried after the signal check (PEP 475), so Ctrl-C
 * during os.read() raises KeyboardInterrupt and any other signal is
 * transparent.
 *
 * posix.environ is a dict of bytes, as in CPython: os.py builds the str
 * mapping os.environ on top of it (decoding with surrogateescape) and
 * calls putenv/unsetenv when a program changes it.
 */
#define _GNU_SOURCE             /* O_DIRECT, SEEK_DATA, SCHED_BATCH, RTLD_DEEPBIND... */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pty.h>
#include <sched.h>
#include <utmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/memfd.h>         /* MFD_HUGE_* */
#include <sys/uio.h>
#include <sys/xattr.h>
#include <linux/limits.h>       /* XATTR_SIZE_MAX */
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include "runtime/buffer.h"
#include "runtime/structseq.h"
#include "runtime/version.h"
#include "modules/posix.h"
#include "runtime/codecs.h"
#include "vm/vm.h"

extern char **environ;

/* ---- file names: bytes <-> str ---------------------------------------------------- */

const char *mod_posix_fsencode(Value s, size_t *len)
{
    const unsigned char *p = (const unsigned char *)rt_str_cstr(s);
    *len = rt_str_nbytes(s);
    if (memchr(p, 0xED, *len) == NULL)              /* no surrogates: as it is */
        return (const char *)p;
    Value b = rt_encode_utf8(s, rt_str_from_cstr("surrogateescape"));
    if (b == VAL_NULL)
        return NULL;
    *len = AS_BYTES(b)->length;
    return (const char *)AS_BYTES(b)->data;
}

/* os.fsdecode: strict UTF-8, each byte it cannot decode as U+DC80..U+DCFF. */
static Value fsdecode(const unsigned char *s, size_t n)
{
    return rt_decode_utf8(s, n, rt_str_from_cstr("surrogateescape"), true, NULL);
}

Value mod_posix_name(const char *s, size_t n, bool as_bytes)
{
    const unsigned char *u = (const unsigned char *)s;
    return as_bytes ? rt_bytes_new(u, n) : fsdecode(u, n);
}

Value mod_fsdecode(const char *s)
{
    return fsdecode((const unsigned char *)s, strlen(s));
}

const char *mod_fsencode(Value s)
{
    size_t len;
    return mod_posix_fsencode(s, &len);
}

/* ---- arguments ------------------------------------------------------------------------ */

PathArg mod_posix_path_spec(const char *fname, const char *argument, bool allow_fd,
                            bool nullable)
{
    return (PathArg){ .function = fname, .argument = argument, .allow_fd = allow_fd,
                      .nullable = nullable, .fd = -1 };
}

static Value path_kinds_message(PathArg *p, Value v)
{
    return rt_str_format_c("%s: %s should be %s, not %T", p->function, p->argument,
                           p->allow_fd && p->nullable ? "string, bytes, os.PathLike, integer or None"
                           : p->allow_fd ? "string, bytes, os.PathLike or integer"
                           : p->nullable ? "string, bytes, os.PathLike or None"
                           : "string, bytes or os.PathLike", v);
}

static bool path_type_error(PathArg *p, Value v)
{
    Value message = path_kinds_message(p, v);
    if (message != VAL_NULL)
        rt_raisef(&rt_TypeError, "%s", rt_str_cstr(message));
    return false;
}

/* A bytes-like object other than bytes (bytearray, memoryview) is still
 * taken, as bytes, with CPython's DeprecationWarning; 3.12 refuses it. */
static bool path_from_buffer(PathArg *p, Value *v)
{
    if (rt_py_minor >= 12)
        return path_type_error(p, *v);
    Value message = path_kinds_message(p, *v);
    if (message == VAL_NULL || rt_warn(&rt_DeprecationWarning, rt_str_cstr(message), 1) < 0)
        return false;
    *v = rt_buffer_to_bytes(*v);
    return *v != VAL_NULL;
}

Value mod_posix_index(Value v)
{
    if (rt_isinstance_of(v, &rt_int_type))
        return v;
    Value i = rt_index_or_null(v);
    if (i == VAL_NULL && !rt_err_occurred())
        rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return i;
}

bool mod_posix_fd(Value v, int *fd)
{
    int64_t n;
    if ((v = mod_posix_index(v)) == VAL_NULL)
        return false;
    if (!rt_int_as_i64(v, &n) || n > INT_MAX || n < INT_MIN) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *fd = (int)n;
    return true;
}

bool mod_posix_dir_fd(Value v, int *fd)
{
    *fd = AT_FDCWD;
    if (v == VAL_NULL || v == rt_None)
        return true;
    if (!rt_isinstance_of(v, &rt_int_type) && rt_index_or_null(v) == VAL_NULL) {
        rt_err_clear();
        rt_raisef(&rt_TypeError, "argument should be integer or None, not %T", v);
        return false;
    }
    return mod_posix_fd(v, fd);
}

bool mod_posix_bool(Value v, bool dflt, bool *out)
{
    if (v == VAL_NULL) {
        *out = dflt;
        return true;
    }
    int t = rt_truthy(v);
    *out = t > 0;
    return t >= 0;
}

/* The bytes of a str or bytes path; false + ValueError on a NUL inside. */
static bool path_bytes(PathArg *p, Value v)
{
    size_t len;
    if (rt_isinstance_of(v, &rt_str_type)) {
        p->narrow = mod_posix_fsencode(v, &len);
        if (p->narrow == NULL)
            return false;
        if (strlen(p->narrow) != len) {   /* 3.13 words it as for bytes */
            if (rt_py_minor >= 13 && !p->fs_converter)
                rt_raisef(&rt_ValueError, "%s: embedded null character in %s", p->function,
                          p->argument);
            else
                rt_raisef(&rt_ValueError, "embedded null byte");
            return false;
        }
        return true;
    }
    p->is_bytes = true;
    p->narrow = (const char *)AS_BYTES(v)->data;
    len = AS_BYTES(v)->length;
    if (strlen(p->narrow) != len) {
        if (p->fs_converter)
            rt_raisef(&rt_ValueError, "embedded null byte");
        else
            rt_raisef(&rt_ValueError, "%s: embedded null character in %s", p->function,
                      p->argument);
        return false;
    }
    return true;
}

static bool is_text(Value v)
{
    return rt_isinstance_of(v, &rt_str_type) || rt_isinstance_of(v, &rt_bytes_type);
}

bool mod_posix_path(Value v, PathArg *p)
{
    p->narrow = NULL;
    p->fd = -1;
    p->is_bytes = false;
    if (v == VAL_NULL || v == rt_None) {
        if (v == rt_None && !p->nullable)
            return path_type_error(p, v);
        p->object = rt_None;
        p->narrow = ".";
        return true;
    }
    if (p->allow_fd && rt_isinstance_of(v, &rt_int_type)) {
        p->object = v;
        return mod_posix_fd(v, &p->fd);
    }
    if (!is_text(v) && rt_has_buffer(v)) {
        p->object = v;                  /* errors name the object given */
        return path_from_buffer(p, &v) && path_bytes(p, v);
    }
    if (!is_text(v)) {
        Value fspath = mod_lookup_special(v, "__fspath__");
        if (fspath == VAL_NULL)
            return path_type_error(p, v);
        Value r = rt_call0(fspath);
        if (r == VAL_NULL)
            return false;
        if (!rt_isinstance_of(r, &rt_str_type) && !rt_isinstance_of(r, &rt_bytes_type)) {
            rt_raisef(&rt_TypeError, "expected %s.__fspath__() to return str or bytes, not %T",
                      val_type(v)->name, r);
            return false;
        }
        v = r;
    }
    p->object = v;
    return path_bytes(p, v);
}

bool mod_posix_fsconvert(Value v, PathArg *p)
{
    p->fs_converter = true;
    if (v != rt_None && (is_text(v) || mod_lookup_special(v, "__fspath__") != VAL_NULL))
        return mod_posix_path(v, p);
    rt_err_clear();
    rt_raisef(&rt_TypeError, "expected str, bytes or os.PathLike object, not %T", v);
    return false;
}

bool mod_posix_check_dir_fd(const PathArg *p, int dir_fd)
{
    if (dir_fd == AT_FDCWD)
        return true;
    if (p->narrow == NULL)
        rt_raisef(&rt_ValueError, "%s: can't specify dir_fd without matching path", p->function);
    else if (p->fd > 0)
        rt_raisef(&rt_ValueError, "%s: can't specify both dir_fd and fd", p->function);
    else
        return true;
    return false;
}

bool mod_posix_check_fd_follow(const PathArg *p, bool follow_symlinks)
{
    if (p->fd > 0 && !follow_symlinks) {
        rt_raisef(&rt_ValueError, "%s: cannot use fd and follow_symlinks together", p->function);
        return false;
    }
    return true;
}

bool mod_posix_check_dir_fd_follow(const char *fname, int dir_fd, bool follow_symlinks)
{
    if (dir_fd != AT_FDCWD && !follow_symlinks) {
        rt_raisef(&rt_ValueError, "%s: cannot use dir_fd and follow_symlinks together", fname);
        return false;
    }
    return true;
}

bool mod_posix_retry(void)
{
    return vm_check_interrupt();
}

/* ---- errors ----------------------------------------------------------------------------- */

/* OSError(*args) through the class's constructor, which picks the
 * subclass errno names. */
static Value raise_oserror(Value *args, size_t nargs)
{
    Value exc = rt_call(obj_val(&rt_OSError), args, nargs, VAL_NULL);
    return exc == VAL_NULL ? VAL_NULL : rt_raise(exc);
}

Value mod_posix_error(void)
{
    int e = errno;
    Value args[2] = { small_new(e), rt_str_from_cstr(strerror(e)) };
    return raise_oserror(args, 2);
}

Value mod_posix_path_error(const PathArg *p)
{
    int e = errno;
    Value args[3] = { small_new(e), rt_str_from_cstr(strerror(e)), p->object };
    return raise_oserror(args, 3);
}

Value mod_posix_path_error2(const PathArg *a, const PathArg *b)
{
    int e = errno;
    Value args[5] = { small_new(e), rt_str_from_cstr(strerror(e)), a->object, rt_None,
                      b->object };
    return raise_oserror(args, 5);
}

/* ---- fspath, strerror, the environment ------------------------------------------------- */

/* os.fspath(path): str and bytes as they are, else path.__fspath__(). */
static Value posix_fspath(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path" };
    static const ArgSpec spec = { "fspath", names, 1, 0, 1, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    if (rt_isinstance_of(a[0], &rt_str_type) || rt_isinstance_of(a[0], &rt_bytes_type))
        return a[0];
    Value fspath = mod_lookup_special(a[0], "__fspath__");
    if (fspath == VAL_NULL)
        return rt_raisef(&rt_TypeError, "expected str, bytes or os.PathLike object, not %T",
                         a[0]);
    Value r = rt_call0(fspath);
    if (r != VAL_NULL && !rt_isinstance_of(r, &rt_str_type) &&
        !rt_isinstance_of(r, &rt_bytes_type))
        return rt_raisef(&rt_TypeError, "expected %s.__fspath__() to return str or bytes, "
                         "not %T", val_type(a[0])->name, r);
    return r;
}

static Value posix_strerror(Value *args, size_t nargs, Value kwnames)
{
    int code;
    if (!rt_arg_one("posix.strerror", nargs, kwnames) ||
        !mod_posix_fd(args[0], &code))
        return VAL_NULL;
    return rt_str_from_cstr(strerror(code));
}

/* posix.environ: {b'NAME': b'value'} from the process environment. */
static Value make_environ(void)
{
    Value env = rt_dict_new();
    for (char **e = environ; e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL)
            continue;
        Value k = rt_bytes_new((const unsigned char *)*e, (size_t)(eq - *e));
        bool error = false;
        if (rt_dict_get(env, k, &error) == VAL_NULL)         /* the first one wins */
            rt_dict_set(env, k, rt_bytes_new((const unsigned char *)eq + 1, strlen(eq + 1)));
    }
    return env;
}

/* An environment name or value: str (fsencoded), bytes or a PathLike,
 * without NUL (PyUnicode_FSConverter's). */
static const char *env_arg(const char *fname, Value v, const char *what)
{
    PathArg p = mod_posix_path_spec(fname, what, false, false);
    return mod_posix_fsconvert(v, &p) ? p.narrow : NULL;
}

/* putenv(name, value) / unsetenv(name), with CPython 3.11's checks: a
 * name with '=' is a ValueError for putenv; any other name the C library
 * refuses ('', or '=' for unsetenv) is its EINVAL. */
static Value posix_putenv(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("putenv", kwnames) || !rt_arg_range("putenv", nargs, 2, 2))
        return VAL_NULL;
    const char *name = env_arg("putenv", args[0], "name");
    const char *value = name ? env_arg("putenv", args[1], "value") : NULL;
    if (value == NULL)
        return VAL_NULL;
    if (strchr(name, '=') != NULL)
        return rt_raisef(&rt_ValueError, "illegal environment variable name");
    return setenv(name, value, 1) != 0 ? mod_posix_error() : rt_None;
}

static Value posix_unsetenv(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("posix.unsetenv", nargs, kwnames))
        return VAL_NULL;
    const char *name = env_arg("unsetenv", args[0], "name");
    if (name == NULL)
        return VAL_NULL;
    return unsetenv(name) != 0 ? mod_posix_error() : rt_None;
}

/* ---- small system queries ---------------------------------------------------------------- */

static Value posix_urandom(Value *args, size_t nargs, Value kwnames)
{
    ssize_t size;
    if (!rt_arg_one("posix.urandom", nargs, kwnames) ||
        !rt_as_ssize(args[0], &size))
        return VAL_NULL;
    if (size < 0)
        return rt_raisef(&rt_ValueError, "negative argument not allowed");
    unsigned char *buf = gc_alloc_atomic((size_t)size + 1);
    for (ssize_t done = 0; done < size;) {
        ssize_t n = getrandom(buf + done, (size_t)(size - done), 0);
        if (n < 0 && errno == EINTR) {
            if (!mod_posix_retry())
                return VAL_NULL;
            continue;
        }
        if (n < 0)
            return mod_posix_error();
        done += n;
    }
    return rt_bytes_new(buf, (size_t)size);
}

static Value posix_cpu_count(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.cpu_count", nargs, kwnames))
        return VAL_NULL;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n >= 1 ? rt_int_from_i64(n) : rt_None;
}

static const char *const uname_fields[] = { "sysname", "nodename", "release", "version",
                                            "machine" };
static const RtStructSeqDesc uname_desc = { "posix.uname_result", uname_fields, 5, 5, true };
static ObjType *uname_type;

static Value posix_uname(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.uname", nargs, kwnames))
        return VAL_NULL;
    struct utsname u;
    if (uname(&u) < 0)
        return mod_posix_error();
    const char *parts[5] = { u.sysname, u.nodename, u.release, u.version, u.machine };
    Value items[5];
    for (int i = 0; i < 5; i++)
        items[i] = mod_posix_name(parts[i], strlen(parts[i]), false);
    return rt_structseq_new(uname_type, items);
}

static const char *const terminal_fields[] = { "columns", "lines" };
static const RtStructSeqDesc terminal_desc = { "os.terminal_size", terminal_fields, 2, 2, true };
static ObjType *terminal_type;

/* os.get_terminal_size(fd=1) */
static Value posix_get_terminal_size(Value *args, size_t nargs, Value kwnames)
{
    int fd = 1;
    if (!rt_arg_nokw("get_terminal_size", kwnames) ||
        !rt_arg_range("get_terminal_size", nargs, 0, 1) ||
        (nargs == 1 && !mod_posix_fd(args[0], &fd)))
        return VAL_NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0)
        return mod_posix_error();
    Value items[2] = { small_new(w.ws_col), small_new(w.ws_row) };
    return rt_structseq_new(terminal_type, items);
}

static Value posix_isatty(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    if (!rt_arg_one("posix.isatty", nargs, kwnames) ||
        !mod_posix_fd(args[0], &fd))
        return VAL_NULL;
    return rt_bool(isatty(fd));
}

/* os.device_encoding(fd): the terminal's encoding (UTF-8 here), else None. */
static Value posix_device_encoding(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "fd" };
    static const ArgSpec spec = { "device_encoding", names, 1, 0, 1, 1, false };
    Value a[1];
    int fd;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fd(a[0], &fd))
        return VAL_NULL;
    return isatty(fd) ? rt_str_from_cstr("UTF-8") : rt_None;
}

static Value posix_ttyname(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    if (!rt_arg_one("posix.ttyname", nargs, kwnames) ||
        !mod_posix_fd(args[0], &fd))
        return VAL_NULL;
    char buf[256];
    int e = ttyname_r(fd, buf, sizeof buf);
    if (e != 0) {
        errno = e;
        return mod_posix_error();
    }
    return mod_posix_name(buf, strlen(buf), false);
}

/* openpty() -> (master, slave): a new pseudo-terminal pair, both ends
 * non-inheritable (PEP 446). */
static Value posix_openpty(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.openpty", nargs, kwnames))
        return VAL_NULL;
    int master, slave;
    if (openpty(&master, &slave, NULL, NULL, NULL) != 0)
        return mod_posix_error();
    if (fcntl(master, F_SETFD, FD_CLOEXEC) < 0 || fcntl(slave, F_SETFD, FD_CLOEXEC) < 0) {
        Value err = mod_posix_error();
        close(master);
        close(slave);
        return err;
    }
    return rt_tuple_pack(2, small_new(master), small_new(slave));
}

/* login_tty(fd): fd's terminal becomes the controlling terminal and the
 * standard streams of this process, in a new session. */
static Value posix_login_tty(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    if (!rt_arg_one("posix.login_tty", nargs, kwnames) || !mod_posix_fileno(args[0], &fd))
        return VAL_NULL;
    return login_tty(fd) < 0 ? mod_posix_error() : rt_None;
}

/* ctermid(): the name of the controlling terminal ("/dev/tty"). */
static Value posix_ctermid(Value *args, size_t nargs, Value kwnames)
{
    char buf[L_ctermid];
    if (!rt_arg_none("posix.ctermid", nargs, kwnames))
        return VAL_NULL;
    if (ctermid(buf) == NULL)
        return mod_posix_error();
    return mod_posix_name(buf, strlen(buf), false);
}

/* ---- sysconf, confstr, pathconf ------------------------------------------------------------ */

typedef struct ConfName {
    const char *name;
    int value;
} ConfName;

/* The names CPython's os.sysconf_names and friends list that Linux has
 * (the common ones; any other can be passed as its number). */
static const ConfName sysconf_names[] = {
    {"SC_ARG_MAX", _SC_ARG_MAX}, {"SC_CHILD_MAX", _SC_CHILD_MAX},
    {"SC_CLK_TCK", _SC_CLK_TCK}, {"SC_NGROUPS_MAX", _SC_NGROUPS_MAX},
    {"SC_OPEN_MAX", _SC_OPEN_MAX}, {"SC_PAGESIZE", _SC_PAGESIZE},
    {"SC_PAGE_SIZE", _SC_PAGESIZE}, {"SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF},
    {"SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN}, {"SC_PHYS_PAGES", _SC_PHYS_PAGES},
    {"SC_AVPHYS_PAGES", _SC_AVPHYS_PAGES}, {"SC_LINE_MAX", _SC_LINE_MAX},
    {"SC_HOST_NAME_MAX", _SC_HOST_NAME_MAX}, {"SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX},
    {"SC_TTY_NAME_MAX", _SC_TTY_NAME_MAX}, {"SC_IOV_MAX", _SC_IOV_MAX},
    {"SC_GETPW_R_SIZE_MAX", _SC_GETPW_R_SIZE_MAX}, {"SC_GETGR_R_SIZE_MAX", _SC_GETGR_R_SIZE_MAX},
    {"SC_SEM_NSEMS_MAX", _SC_SEM_NSEMS_MAX}, {"SC_STREAM_MAX", _SC_STREAM_MAX},
    {"SC_TZNAME_MAX", _SC_TZNAME_MAX}, {"SC_VERSION", _SC_VERSION},
};
static const ConfName confstr_names[] = {
    {"CS_PATH", _CS_PATH},
#ifdef _CS_GNU_LIBC_VERSION
    {"CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION},
#endif
#ifdef _CS_GNU_LIBPTHREAD_VERSION
    {"CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION},
#endif
};
static const ConfName pathconf_names[] = {
    {"PC_LINK_MAX", _PC_LINK_MAX}, {"PC_MAX_CANON", _PC_MAX_CANON},
    {"PC_MAX_INPUT", _PC_MAX_INPUT}, {"PC_NAME_MAX", _PC_NAME_MAX},
    {"PC_PATH_MAX", _PC_PATH_MAX}, {"PC_PIPE_BUF", _PC_PIPE_BUF},
    {"PC_CHOWN_RESTRICTED", _PC_CHOWN_RESTRICTED}, {"PC_NO_TRUNC", _PC_NO_TRUNC},
    {"PC_VDISABLE", _PC_VDISABLE}, {"PC_FILESIZEBITS", _PC_FILESIZEBITS},
};
#define NAMES(t) t, sizeof t / sizeof t[0]

static Value conf_dict(const ConfName *t, size_t n)
{
    Value d = rt_dict_new();
    for (size_t i = 0; i < n; i++)
        rt_dict_set_cstr(d, t[i].name, small_new(t[i].value));
    return d;
}

/* A configuration name: an int, or a str of the table. */
static bool conf_name(Value v, const ConfName *t, size_t n, int *out)
{
    if (rt_isinstance_of(v, &rt_int_type))
        return mod_posix_fd(v, out);
    if (!rt_isinstance_of(v, &rt_str_type)) {
        rt_raisef(&rt_TypeError, "configuration names must be strings or integers");
        return false;
    }
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].name, rt_str_cstr(v)) == 0) {
            *out = t[i].value;
            return true;
        }
    rt_raisef(&rt_ValueError, "unrecognized configuration name");
    return false;
}

static Value posix_sysconf(Value *args, size_t nargs, Value kwnames)
{
    int name;
    if (!rt_arg_one("posix.sysconf", nargs, kwnames) ||
        !conf_name(args[0], NAMES(sysconf_names), &name))
        return VAL_NULL;
    errno = 0;
    long r = sysconf(name);
    if (r == -1 && errno != 0)
        return mod_posix_error();
    return rt_int_from_i64(r);
}

static Value posix_confstr(Value *args, size_t nargs, Value kwnames)
{
    int name;
    if (!rt_arg_one("posix.confstr", nargs, kwnames) ||
        !conf_name(args[0], NAMES(confstr_names), &name))
        return VAL_NULL;
    errno = 0;
    size_t n = confstr(name, NULL, 0);
    if (n == 0)
        return errno != 0 ? mod_posix_error() : rt_None;
    char *buf = gc_alloc_atomic(n);
    confstr(name, buf, n);
    return rt_str_from_cstr(buf);
}

/* os.pathconf(path, name) / os.fpathconf(fd, name) */
static Value pathconf_common(const char *fname, Value *args, size_t nargs, Value kwnames,
                             bool allow_path)
{
    static const char *const names[] = { "path", "name" };
    ArgSpec spec = { fname, names, 2, 0, 2, 2, false };
    Value a[2];
    PathArg p = mod_posix_path_spec(fname, "path", true, false);
    int name;
    if (allow_path ? !rt_parse_args(&spec, args, nargs, kwnames, a)  /* fpathconf: positional */
                   : !rt_arg_nokw(fname, kwnames) || !rt_arg_range(fname, nargs, 2, 2))
        return VAL_NULL;
    if (!allow_path) {
        a[0] = args[0];
        a[1] = args[1];
    }
    if (allow_path ? !mod_posix_path(a[0], &p) : !mod_posix_fd(a[0], &p.fd))
        return VAL_NULL;
    if (!allow_path)
        p.object = a[0];
    if (!conf_name(a[1], NAMES(pathconf_names), &name))
        return VAL_NULL;
    errno = 0;
    long r = p.fd >= 0 && p.narrow == NULL ? fpathconf(p.fd, name) : pathconf(p.narrow, name);
    if (r == -1 && errno != 0)
        return mod_posix_path_error(&p);
    return rt_int_from_i64(r);
}

static Value posix_pathconf(Value *args, size_t nargs, Value kwnames)
{
    return pathconf_common("pathconf", args, nargs, kwnames, true);
}

static Value posix_fpathconf(Value *args, size_t nargs, Value kwnames)
{
    return pathconf_common("fpathconf", args, nargs, kwnames, false);
}

/* ---- register_at_fork, _path_normpath ------------------------------------------------------ */

Value mod_posix_fork_hooks[3];

static Value posix_register_at_fork(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "before", "after_in_child", "after_in_parent" };
    static const ArgSpec spec = { "register_at_fork", names, 3, 0, 0, 0, false };
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    if (a[0] == VAL_NULL && a[1] == VAL_NULL && a[2] == VAL_NULL)
        return rt_raisef(&rt_TypeError, "At least one argument is required.");
    for (int i = 0; i < 3; i++) {
        if (a[i] == VAL_NULL)
            continue;
        if (!rt_callable(a[i]))
            return rt_raisef(&rt_TypeError, "'%s' must be callable, not %T", names[i], a[i]);
    }
    for (int i = 0; i < 3; i++) {
        if (a[i] == VAL_NULL)
            continue;
        if (mod_posix_fork_hooks[i] == VAL_NULL)
            mod_posix_fork_hooks[i] = rt_list_new(1);
        rt_list_append(mod_posix_fork_hooks[i], a[i]);
    }
    return rt_None;
}

/* posixpath.normpath's C helper: collapse "//", "/./" and "x/.." (never
 * above the root of an absolute path), keeping a leading "//" (POSIX lets
 * it mean something else) — CPython's _Py_normpath.  The result may be
 * empty; normpath turns that into ".". */
static void normpath(const char *p, size_t n, StrBuf *sb)
{
    sb_init(sb);
    if (n == 1 && p[0] == '.') {
        sb_addc(sb, '.');                       /* as _Py_normpath returns it */
        return;
    }
    size_t lead = n > 0 && p[0] == '/' ? (n > 1 && p[1] == '/' && (n == 2 || p[2] != '/') ? 2 : 1)
                                       : 0;
    size_t *starts = gc_alloc_atomic((n / 2 + 2) * sizeof(size_t));
    size_t *lens = gc_alloc_atomic((n / 2 + 2) * sizeof(size_t));
    size_t ncomp = 0;
    for (size_t i = lead; i < n;) {
        while (i < n && p[i] == '/')
            i++;
        size_t j = i;
        while (j < n && p[j] != '/')
            j++;
        size_t len = j - i;
        bool dotdot = len == 2 && p[i] == '.' && p[i + 1] == '.';
        if (len == 0 || (len == 1 && p[i] == '.')) {
        } else if (dotdot && ncomp > 0 &&
                   !(lens[ncomp - 1] == 2 && p[starts[ncomp - 1]] == '.' &&
                     p[starts[ncomp - 1] + 1] == '.')) {
            ncomp--;
        } else if (!(dotdot && lead > 0)) {
            starts[ncomp] = i;
            lens[ncomp++] = len;
        }
        i = j;
    }
    sb_add(sb, "//", lead);
    for (size_t k = 0; k < ncomp; k++) {
        if (k > 0)
            sb_addc(sb, '/');
        sb_add(sb, p + starts[k], lens[k]);
    }
}

Value mod_normpath(const char *p, size_t n)
{
    StrBuf sb;
    normpath(p, n, &sb);
    return fsdecode((const unsigned char *)(sb.data ? sb.data : ""), sb.len);
}

/* The same for a str, kept as its own code points (a lone surrogate is
 * one code point, not three escaped bytes). */
static Value normpath_str(Value path)
{
    StrBuf sb;
    normpath(rt_str_cstr(path), rt_str_nbytes(path), &sb);
    return rt_str_new(sb.data ? sb.data : "", sb.len);
}

static Value posix_path_normpath(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path" };
    static const ArgSpec spec = { "_path_normpath", names, 1, 0, 1, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    if (rt_py_minor < 13) {             /* 3.12's posixpath adds the "." itself */
        if (!rt_isinstance_of(a[0], &rt_str_type))
            return rt_raisef(&rt_TypeError, "expected 'str', not '%T'", a[0]);
        return normpath_str(a[0]);
    }
    /* 3.13's is posixpath.normpath itself: str or bytes, "." for nothing. */
    bool bytes = rt_isinstance_of(a[0], &rt_bytes_type);
    if (!bytes && !rt_isinstance_of(a[0], &rt_str_type))
        return rt_raisef(&rt_TypeError, "expected str, bytes or os.PathLike object, not %T", a[0]);
    Value r = bytes ? mod_normpath((const char *)AS_BYTES(a[0])->data, AS_BYTES(a[0])->length)
                    : normpath_str(a[0]);
    if (r == VAL_NULL)
        return VAL_NULL;
    if (rt_str_nbytes(r) == 0)
        r = rt_str_from_cstr(".");
    if (!bytes)
        return r;
    size_t len;
    const char *encoded = mod_posix_fsencode(r, &len);
    return encoded != NULL ? rt_bytes_new((const unsigned char *)encoded, len) : VAL_NULL;
}

static const MethodDef posix_functions[] = {
    {"fspath", posix_fspath},
    {"strerror", posix_strerror},
    {"putenv", posix_putenv},
    {"unsetenv", posix_unsetenv},
    {"urandom", posix_urandom},
    {"cpu_count", posix_cpu_count},
    {"uname", posix_uname},
    {"get_terminal_size", posix_get_terminal_size},
    {"isatty", posix_isatty},
    {"device_encoding", posix_device_encoding},
    {"ttyname", posix_ttyname},
    {"openpty", posix_openpty},
    {"login_tty", posix_login_tty},
    {"ctermid", posix_ctermid},
    {"sysconf", posix_sysconf},
    {"confstr", posix_confstr},
    {"pathconf", posix_pathconf},
    {"fpathconf", posix_fpathconf},
    {"register_at_fork", posix_register_at_fork},
    {"_path_normpath", posix_path_normpath},
    {NULL, NULL},
};

/* ---- the constants ------------------------------------------------------------------------ */

#define C(name) {#name, name},
static const ConfName constants[] = {
    C(F_OK) C(R_OK) C(W_OK) C(X_OK)
    C(O_RDONLY) C(O_WRONLY) C(O_RDWR) C(O_APPEND) C(O_CREAT) C(O_EXCL) C(O_TRUNC)
    C(O_NONBLOCK) C(O_NDELAY) C(O_SYNC) C(O_DSYNC) C(O_RSYNC) C(O_NOCTTY) C(O_CLOEXEC)
    C(O_DIRECTORY) C(O_NOFOLLOW) C(O_ACCMODE) C(O_ASYNC) C(O_LARGEFILE) C(O_FSYNC)
#ifdef O_DIRECT
    C(O_DIRECT)
#endif
#ifdef O_NOATIME
    C(O_NOATIME)
#endif
#ifdef O_PATH
    C(O_PATH)
#endif
#ifdef O_TMPFILE
    C(O_TMPFILE)
#endif
    C(SEEK_DATA) C(SEEK_HOLE)
    C(WNOHANG) C(WUNTRACED) C(WCONTINUED) C(WEXITED) C(WSTOPPED) C(WNOWAIT)
    C(P_PID) C(P_PGID) C(P_ALL)
    {"P_PIDFD", 3},             /* Linux's idtype for waitid on a pidfd (5.3+) */
    C(EX_OK) C(EX_USAGE) C(EX_DATAERR) C(EX_NOINPUT) C(EX_NOUSER) C(EX_NOHOST)
    C(EX_UNAVAILABLE) C(EX_SOFTWARE) C(EX_OSERR) C(EX_OSFILE) C(EX_CANTCREAT) C(EX_IOERR)
    C(EX_TEMPFAIL) C(EX_PROTOCOL) C(EX_NOPERM) C(EX_CONFIG)
    C(F_LOCK) C(F_TLOCK) C(F_ULOCK) C(F_TEST)
    C(PRIO_PROCESS) C(PRIO_PGRP) C(PRIO_USER)
    C(CLD_EXITED) C(CLD_KILLED) C(CLD_DUMPED) C(CLD_TRAPPED) C(CLD_STOPPED) C(CLD_CONTINUED)
    C(SCHED_OTHER) C(SCHED_FIFO) C(SCHED_RR) C(SCHED_BATCH) C(SCHED_IDLE)
    C(RTLD_LAZY) C(RTLD_NOW) C(RTLD_GLOBAL) C(RTLD_LOCAL) C(RTLD_NODELETE) C(RTLD_NOLOAD)
    C(RTLD_DEEPBIND)
    C(ST_RDONLY) C(ST_NOSUID) C(ST_NODEV) C(ST_NOEXEC) C(ST_SYNCHRONOUS) C(ST_MANDLOCK)
    C(ST_WRITE) C(ST_APPEND) C(ST_NOATIME) C(ST_NODIRATIME) C(ST_RELATIME)
    C(GRND_NONBLOCK) C(GRND_RANDOM)
    C(NGROUPS_MAX) C(TMP_MAX)
    C(POSIX_FADV_NORMAL) C(POSIX_FADV_SEQUENTIAL) C(POSIX_FADV_RANDOM)
    C(POSIX_FADV_NOREUSE) C(POSIX_FADV_WILLNEED) C(POSIX_FADV_DONTNEED)
    {"POSIX_SPAWN_OPEN", 0}, {"POSIX_SPAWN_CLOSE", 1}, {"POSIX_SPAWN_DUP2", 2},
    C(SCHED_RESET_ON_FORK)
    C(RWF_DSYNC) C(RWF_HIPRI) C(RWF_SYNC) C(RWF_NOWAIT) C(RWF_APPEND)
    C(EFD_CLOEXEC) C(EFD_NONBLOCK) C(EFD_SEMAPHORE)
    C(MFD_CLOEXEC) C(MFD_ALLOW_SEALING) C(MFD_HUGETLB) C(MFD_HUGE_SHIFT) C(MFD_HUGE_MASK)
    C(MFD_HUGE_64KB) C(MFD_HUGE_512KB) C(MFD_HUGE_1MB) C(MFD_HUGE_2MB) C(MFD_HUGE_8MB)
    C(MFD_HUGE_16MB) C(MFD_HUGE_32MB) C(MFD_HUGE_256MB) C(MFD_HUGE_512MB) C(MFD_HUGE_1GB)
    C(MFD_HUGE_2GB) C(MFD_HUGE_16GB)
    C(SPLICE_F_MOVE) C(SPLICE_F_NONBLOCK) C(SPLICE_F_MORE)
    C(XATTR_CREATE) C(XATTR_REPLACE) C(XATTR_SIZE_MAX)
};
#undef C

/* The HAVE_* features of pvm's functions, for os.py's supports_dir_fd,
 * supports_fd and supports_follow_symlinks: the ones CPython lists on
 * Linux, for the functions pvm has with those arguments. */
static const char *const have_functions[] = {
    "HAVE_EVENTFD", "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT",
    "HAVE_FCHOWN", "HAVE_FCHOWNAT", "HAVE_FDOPENDIR", "HAVE_FEXECVE", "HAVE_FPATHCONF",
    "HAVE_FSTATAT", "HAVE_FSTATVFS", "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_FUTIMES",
    "HAVE_FUTIMESAT", "HAVE_LINKAT", "HAVE_LCHOWN", "HAVE_LSTAT", "HAVE_LUTIMES",
    "HAVE_MEMFD_CREATE", "HAVE_MKDIRAT", "HAVE_MKFIFOAT", "HAVE_MKNODAT", "HAVE_OPENAT",
    "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT", "HAVE_UTIMENSAT",
};

static void add_constants(Value m)
{
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        mod_module_set(m, constants[i].name, small_new(constants[i].value));
    Value have = rt_list_new(0);
    for (size_t i = 0; i < sizeof have_functions / sizeof have_functions[0]; i++)
        rt_list_append(have, rt_str_from_cstr(have_functions[i]));
    mod_module_set(m, "_have_functions", have);
    mod_module_set(m, "sysconf_names", conf_dict(NAMES(sysconf_names)));
    mod_module_set(m, "confstr_names", conf_dict(NAMES(confstr_names)));
    mod_module_set(m, "pathconf_names", conf_dict(NAMES(pathconf_names)));
}

Value mod_posix_init(void)
{
    Value m = mod_module_new("posix", posix_functions);
    mod_module_add_functions(m, mod_posix_file_functions);
    mod_module_add_functions(m, mod_posix_dir_functions);
    mod_module_add_functions(m, mod_posix_proc_functions);
    mod_module_add_functions(m, mod_posix_spawn_functions);
    mod_module_add_functions(m, mod_posix_sched_functions);
    mod_module_add_functions(m, mod_posix_fdops_functions);
    mod_module_set(m, "environ", make_environ());
    mod_module_set(m, "error", obj_val(&rt_OSError));
    add_constants(m);
    uname_type = rt_structseq_type_new(&uname_desc);
    terminal_type = rt_structseq_type_new(&terminal_desc);
    mod_module_set(m, "uname_result", obj_val(uname_type));
    mod_module_set(m, "terminal_size", obj_val(terminal_type));
    mod_posix_file_init(m);
    mod_posix_dir_init(m);
    mod_posix_proc_init(m);
    mod_posix_sched_init(m);
    return m;
}
