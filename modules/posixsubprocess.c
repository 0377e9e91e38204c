/*
 * posixsubprocess.c — `_posixsubprocess.fork_exec`, the fork-and-exec
 * Lib/subprocess.py starts every child with (CPython's
 * Modules/_posixsubprocess.c).
 *
 * Everything the child needs — argv, the executables to try, envp, the
 * descriptors to keep — is converted to C arrays before fork(), because
 * between fork() and exec() the child may only make async-signal-safe
 * calls: no allocation, no Python object (the one exception, as in
 * CPython, is preexec_fn, "where the user has asked us to deadlock their
 * program").  The child then wires the pipes to 0/1/2, changes directory,
 * umask, session, process group, groups and ids, closes the other
 * descriptors and tries each executable in turn.  A failure is reported to
 * the parent through errpipe_write in CPython's format, which subprocess.py
 * parses: "OSError:<errno in hex>:" (plus "noexec" when it happened before
 * exec was reached) or "SubprocessError:0:<message>".
 *
 * pvm forks (no vfork: allow_vfork, up to 3.13, is accepted and ignored) and does not
 * run os.register_at_fork hooks around it.
 */
#define _GNU_SOURCE             /* setresuid... */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "modules/modutil.h"
#include "modules/posix.h"
#include "runtime/version.h"

/* ---- converting the arguments (before fork) ------------------------------------- */

/* A NULL-terminated array of the byte strings of a sequence: of
 * str/bytes/PathLike for argv (CPython's FSConverter), of bytes only for
 * the executables and the environment (_PySequence_BytesToCharpArray). */
static char **path_array(Value seq, const char *what, bool bytes_only)
{
    Value list = rt_iter(seq);
    if (list == VAL_NULL)
        return NULL;
    Value items = rt_list_new(0);
    for (Value x; (x = rt_next(list)) != VAL_NULL;)
        rt_list_append(items, x);
    if (rt_err_occurred())
        return NULL;
    size_t n = AS_LIST(items)->length;
    char **out = gc_alloc((n + 1) * sizeof(char *));
    for (size_t i = 0; i < n; i++) {
        Value item = AS_LIST(items)->items[i];
        if (bytes_only && !IS_EXACT(item, rt_bytes_type)) {
            rt_raisef(&rt_TypeError, "expected bytes, %s found", val_type(item)->name);
            return NULL;
        }
        PathArg p = mod_posix_path_spec("fork_exec", what, false, false);
        if (!mod_posix_path(item, &p))
            return NULL;
        out[i] = (char *)p.narrow;
    }
    out[n] = NULL;
    return out;
}

static bool int_arg(Value v, int *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && rt_int_as_int(i, out);
}

/* An id argument: None is -1 (leave it alone). */
static bool id_arg(Value v, long *out)
{
    *out = -1;
    if (v == rt_None)
        return true;
    Value i = rt_index(v);
    int64_t n;
    if (i == VAL_NULL || !rt_int_as_i64(i, &n))
        return false;
    *out = (long)n;
    return true;
}

/* fds_to_keep: a sorted tuple of distinct non-negative ints. */
static int *keep_array(Value tuple, size_t *n)
{
    if (!rt_isinstance_of(tuple, &rt_tuple_type)) {
        rt_raisef(&rt_TypeError, "fork_exec() argument 4 must be tuple, not %T", tuple);
        return NULL;
    }
    *n = AS_TUPLE(tuple)->length;
    int *fds = gc_alloc_atomic((*n + 1) * sizeof(int));
    for (size_t i = 0; i < *n; i++) {
        Value v = AS_TUPLE(tuple)->items[i];
        int64_t fd;
        if (!is_int(v) || !rt_int_as_i64(v, &fd) || fd < 0 || fd > INT32_MAX ||
            (i > 0 && fd <= fds[i - 1])) {
            rt_err_clear();
            rt_raisef(&rt_ValueError, "bad value(s) in fds_to_keep");
            return NULL;
        }
        fds[i] = (int)fd;
    }
    return fds;
}

/* ---- in the child (async-signal-safe only) ----------------------------------------- */

typedef struct Child {
    char **argv, **exec_list, **envp;
    const char *cwd;
    int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
    bool close_fds, restore_signals, call_setsid;
    int pgid, umask;
    long gid, uid;
    gid_t *groups;
    ssize_t ngroups;            /* -1: leave the groups alone */
    int *keep;
    size_t nkeep;
    long max_fd;
    Value preexec_fn;
} Child;

static int set_inheritable(int fd, bool on)
{
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0)
        return -1;
    flags = on ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
    return fcntl(fd, F_SETFD, flags);
}

static void close_between(int from, int until, long max_fd)
{
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)from, (unsigned)until, 0) == 0)
        return;
#endif
    for (long fd = from; fd <= until && fd < max_fd; fd++)
        close((int)fd);
}

/* Close every descriptor from 3 up that is not kept (keep is sorted). */
static void close_open_fds(const Child *c)
{
    int from = 3;
    for (size_t i = 0; i <= c->nkeep; i++) {
        int next = i < c->nkeep ? c->keep[i] : INT32_MAX;
        if (next < from)
            continue;
        if (next > from)
            close_between(from, next - 1, c->max_fd);
        if (i < c->nkeep)
            from = next + 1;
    }
}

static void write_all(int fd, const char *s, size_t n)
{
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

#define CHECK(call) do { if ((call) < 0) goto failed; } while (0)

static void child_exec(Child *c)
{
    bool reached_preexec = false, chdir_failed = false;
    const char *err_msg = "";
    int saved = 0;
    /* pvm's threads other than the main one block SIGINT (vm/thread.c);
     * a child must start with it deliverable, as under CPython. */
    sigset_t intr;
    sigemptyset(&intr);
    sigaddset(&intr, SIGINT);
    sigprocmask(SIG_UNBLOCK, &intr, NULL);
    for (size_t i = 0; i < c->nkeep; i++)
        if (c->keep[i] != c->errpipe_write)
            CHECK(set_inheritable(c->keep[i], true));
    if (c->p2cwrite != -1)
        CHECK(close(c->p2cwrite));
    if (c->c2pread != -1)
        CHECK(close(c->c2pread));
    if (c->errread != -1)
        CHECK(close(c->errread));
    CHECK(close(c->errpipe_read));
    /* A pipe end that is already 0, 1 or 2 may be overwritten by the dup2s
     * below (CPython issue #12607): move it out of the way first. */
    if (c->c2pwrite == 0)
        CHECK(c->c2pwrite = dup(c->c2pwrite));
    while (c->errwrite == 0 || c->errwrite == 1)
        CHECK(c->errwrite = dup(c->errwrite));
    /* dup2 clears close-on-exec, but not when it has nothing to do. */
    if (c->p2cread == 0)
        CHECK(set_inheritable(0, true));
    else if (c->p2cread != -1)
        CHECK(dup2(c->p2cread, 0));
    if (c->c2pwrite == 1)
        CHECK(set_inheritable(1, true));
    else if (c->c2pwrite != -1)
        CHECK(dup2(c->c2pwrite, 1));
    if (c->errwrite == 2)
        CHECK(set_inheritable(2, true));
    else if (c->errwrite != -1)
        CHECK(dup2(c->errwrite, 2));
    if (c->cwd != NULL && chdir(c->cwd) < 0) {
        chdir_failed = true;
        goto failed;
    }
    if (c->umask >= 0)
        umask((mode_t)c->umask);
    if (c->restore_signals) {
        signal(SIGPIPE, SIG_DFL);
        signal(SIGXFSZ, SIG_DFL);
    }
    if (c->call_setsid)
        CHECK(setsid());
    if (c->pgid >= 0)
        CHECK(setpgid(0, c->pgid));
    if (c->ngroups >= 0)
        CHECK(setgroups((size_t)c->ngroups, c->groups));
    if (c->gid != -1)
        CHECK(setregid((gid_t)c->gid, (gid_t)c->gid));
    if (c->uid != -1)
        CHECK(setreuid((uid_t)c->uid, (uid_t)c->uid));
    reached_preexec = true;
    if (c->preexec_fn != rt_None && rt_call0(c->preexec_fn) == VAL_NULL) {
        err_msg = "Exception occurred in preexec_fn.";
        errno = 0;
        goto failed;
    }
    if (c->close_fds)
        close_open_fds(c);
    /* Lib/os.py's _execvpe search order: report the first error that is
     * not "no such file". */
    for (size_t i = 0; c->exec_list[i] != NULL; i++) {
        if (c->envp != NULL)
            execve(c->exec_list[i], c->argv, c->envp);
        else
            execv(c->exec_list[i], c->argv);
        if (errno != ENOENT && errno != ENOTDIR && saved == 0)
            saved = errno;
    }
    if (saved != 0)
        errno = saved;
failed:
    saved = errno;
    if (saved != 0) {
        char hex[2 * sizeof saved + 1], *cur = hex + sizeof hex;
        for (unsigned u = (unsigned)saved; u != 0 && cur != hex; u /= 16)
            *--cur = "0123456789abcdef"[u % 16];
        write_all(c->errpipe_write, "OSError:", 8);
        write_all(c->errpipe_write, cur, (size_t)(hex + sizeof hex - cur));
        write_all(c->errpipe_write, ":", 1);
        if (!reached_preexec)
            write_all(c->errpipe_write, "noexec", 6);
        if (chdir_failed && rt_py_minor >= 13)  /* 3.13's subprocess names the cwd then */
            write_all(c->errpipe_write, ":chdir", 6);
    } else {
        write_all(c->errpipe_write, "SubprocessError:0:", 18);
        write_all(c->errpipe_write, err_msg, strlen(err_msg));
    }
}

/* ---- fork_exec ------------------------------------------------------------------------ */

/* The arguments: 3.11 to 3.13 end with allow_vfork, which 3.14 dropped
 * (22 then); the others are the same, at the same places. */
static size_t nargs_of_version(void)
{
    return rt_py_minor >= 14 ? 22 : 23;
}

static Value ps_fork_exec(Value *args, size_t nargs, Value kw)
{
    size_t want = nargs_of_version();
    if (!rt_arg_nokw("fork_exec", kw))
        return VAL_NULL;
    if (rt_py_minor >= 12 && !rt_arg_range("fork_exec", nargs, want, want))
        return VAL_NULL;                /* 3.12's Argument Clinic words */
    if (nargs != want)
        return rt_raisef(&rt_TypeError, "fork_exec() takes exactly %zu arguments (%zu given)",
                         want, nargs);
    Child c = { .preexec_fn = args[21], .max_fd = sysconf(_SC_OPEN_MAX), .ngroups = -1 };
    int *ints[] = { &c.p2cread, &c.p2cwrite, &c.c2pread, &c.c2pwrite, &c.errread,
                    &c.errwrite, &c.errpipe_read, &c.errpipe_write };
    for (int i = 0; i < 8; i++)
        if (!int_arg(args[6 + i], ints[i]))
            return VAL_NULL;
    int flag;
    c.close_fds = rt_truthy(args[2]) == 1;
    if (!int_arg(args[14], &flag))
        return VAL_NULL;
    c.restore_signals = flag != 0;
    if (!int_arg(args[15], &flag) || !int_arg(args[16], &c.pgid) ||
        !id_arg(args[17], &c.gid) || !id_arg(args[19], &c.uid) || !int_arg(args[20], &c.umask))
        return VAL_NULL;
    c.call_setsid = flag != 0;
    if (c.close_fds && c.errpipe_write < 3)
        return rt_raisef(&rt_ValueError, "errpipe_write must be >= 3");
    if ((c.keep = keep_array(args[3], &c.nkeep)) == NULL)
        return VAL_NULL;
    if (args[0] != rt_None && (c.argv = path_array(args[0], "args", false)) == NULL)
        return VAL_NULL;
    if ((c.exec_list = path_array(args[1], "executable", true)) == NULL)
        return VAL_NULL;
    if (args[5] != rt_None && (c.envp = path_array(args[5], "env", true)) == NULL)
        return VAL_NULL;
    if (args[4] != rt_None) {
        PathArg p = mod_posix_path_spec("fork_exec", "cwd", false, false);
        if (!mod_posix_path(args[4], &p))
            return VAL_NULL;
        c.cwd = p.narrow;
    }
    if (args[18] != rt_None) {
        Value it = rt_iter(args[18]);
        if (it == VAL_NULL)
            return VAL_NULL;
        Value groups = rt_list_new(0);
        for (Value g; (g = rt_next(it)) != VAL_NULL;)
            rt_list_append(groups, g);
        if (rt_err_occurred())
            return VAL_NULL;
        c.ngroups = (ssize_t)AS_LIST(groups)->length;
        c.groups = gc_alloc_atomic(((size_t)c.ngroups + 1) * sizeof(gid_t));
        for (ssize_t i = 0; i < c.ngroups; i++) {
            long g;
            if (!id_arg(AS_LIST(groups)->items[i], &g))
                return VAL_NULL;
            c.groups[i] = (gid_t)g;
        }
    }
    if (c.argv == NULL) {
        static char *no_args[] = { NULL };
        c.argv = no_args;
    }
    rt_stdout_flush();
    pid_t pid = fork();
    if (pid == 0) {
        child_exec(&c);
        _exit(255);
    }
    if (pid < 0)
        return mod_posix_error();
    return rt_int_from_i64(pid);
}

static const MethodDef posixsubprocess_functions[] = {
    {"fork_exec", ps_fork_exec}, {NULL, NULL}
};

Value mod_posixsubprocess_init(void)
{
    return mod_module_new("_posixsubprocess", posixsubprocess_functions);
}
