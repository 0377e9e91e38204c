/*
 * posix_proc.c — processes: ids, fork and the register_at_fork hooks,
 * exec, wait and the W* status macros, kill, _exit, umask, nice, times,
 * the load average, CPU affinity and os.system.
 *
 * pvm's stdout buffer (runtime/stdout.c) behaves as CPython's
 * BufferedWriter does here: fork() copies it (a child that exits normally
 * flushes its copy too), exec() and _exit() drop it.  Programs that mix
 * print() with a child's output call sys.stdout.flush() first, in pvm as
 * in CPython.
 */
#define _GNU_SOURCE             /* CPU_SET, sched_getaffinity, fexecve */
#include <errno.h>
#include <limits.h>
#include <pty.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <grp.h>
#include "runtime/structseq.h"
#include "runtime/version.h"
#include "modules/api.h"
#include "modules/posix.h"
#include "vm/thread.h"

/* ---- ids ----------------------------------------------------------------------------- */

#define ID_GETTER(fn)                                                   \
    static Value posix_##fn(Value *args, size_t nargs, Value kwnames)   \
    {                                                                   \
        return rt_arg_none("posix." #fn, nargs, kwnames) ? rt_int_from_i64(fn()) : VAL_NULL; \
    }
ID_GETTER(getpid)
ID_GETTER(getppid)
ID_GETTER(getuid)
ID_GETTER(geteuid)
ID_GETTER(getgid)
ID_GETTER(getegid)
ID_GETTER(getpgrp)
#undef ID_GETTER

static Value posix_getgroups(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.getgroups", nargs, kwnames))
        return VAL_NULL;
    int n = getgroups(0, NULL);
    if (n < 0)
        return mod_posix_error();
    gid_t *groups = gc_alloc_atomic(((size_t)n + 1) * sizeof(gid_t));
    n = getgroups(n, groups);
    if (n < 0)
        return mod_posix_error();
    Value list = rt_list_new((size_t)n);
    for (int i = 0; i < n; i++)
        rt_list_append(list, rt_int_from_u64(groups[i]));
    return list;
}

/* A uid or gid argument (CPython's _Py_Uid_Converter): -1 means "leave
 * unchanged"; the messages are CPython's, including its answer for values
 * between 2**32 and 2**63 ("less than minimum"). */
static bool id_arg(Value v, const char *what, unsigned *out)
{
    Value i = rt_isinstance_of(v, &rt_int_type) ? v : rt_index(v);
    if (i == VAL_NULL) {
        rt_err_clear();
        rt_raisef(&rt_TypeError, "%s should be integer, not %T", what, v);
        return false;
    }
    int64_t n;
    bool fits = rt_int_as_i64(i, &n);
    if (!fits)
        rt_err_clear();
    if (fits && n == -1) {
        *out = (unsigned)-1;
        return true;
    }
    if ((fits && (n < 0 || n > UINT32_MAX)) || (!fits && rt_int_sign(i) < 0)) {
        rt_raisef(&rt_OverflowError, "%s is less than minimum", what);
        return false;
    }
    if (!fits) {
        rt_raisef(&rt_OverflowError, "%s is greater than maximum", what);
        return false;
    }
    *out = (unsigned)n;
    return true;
}

/* setuid(uid) and friends: n ids, positional only, into the call. */
static bool id_args(const char *fname, const char *what, size_t n, Value *args, size_t nargs,
                    Value kwnames, unsigned *ids)
{
    if (n == 1 ? !rt_arg_one(rt_str_cstr(rt_str_format_c("posix.%s", fname)), nargs, kwnames)
               : !rt_arg_nokw(fname, kwnames) || !rt_arg_range(fname, nargs, n, n))
        return false;
    for (size_t k = 0; k < n; k++)
        if (!id_arg(args[k], what, &ids[k]))
            return false;
    return true;
}

#define ID_SETTER(fn, what, n, ...)                                     \
    static Value posix_##fn(Value *args, size_t nargs, Value kwnames)   \
    {                                                                   \
        unsigned id[3];                                                 \
        if (!id_args(#fn, what, n, args, nargs, kwnames, id))           \
            return VAL_NULL;                                            \
        return fn(__VA_ARGS__) < 0 ? mod_posix_error() : rt_None;       \
    }
ID_SETTER(setuid, "uid", 1, id[0])
ID_SETTER(seteuid, "uid", 1, id[0])
ID_SETTER(setgid, "gid", 1, id[0])
ID_SETTER(setegid, "gid", 1, id[0])
ID_SETTER(setreuid, "uid", 2, id[0], id[1])
ID_SETTER(setregid, "gid", 2, id[0], id[1])
ID_SETTER(setresuid, "uid", 3, id[0], id[1], id[2])
ID_SETTER(setresgid, "gid", 3, id[0], id[1], id[2])
#undef ID_SETTER

static Value posix_getresuid(Value *args, size_t nargs, Value kwnames)
{
    uid_t r, e, s;
    if (!rt_arg_none("posix.getresuid", nargs, kwnames))
        return VAL_NULL;
    if (getresuid(&r, &e, &s) < 0)
        return mod_posix_error();
    return rt_tuple_pack(3, rt_int_from_u64(r), rt_int_from_u64(e), rt_int_from_u64(s));
}

static Value posix_getresgid(Value *args, size_t nargs, Value kwnames)
{
    gid_t r, e, s;
    if (!rt_arg_none("posix.getresgid", nargs, kwnames))
        return VAL_NULL;
    if (getresgid(&r, &e, &s) < 0)
        return mod_posix_error();
    return rt_tuple_pack(3, rt_int_from_u64(r), rt_int_from_u64(e), rt_int_from_u64(s));
}

/* setgroups(groups, /): a sequence of gids. */
static Value posix_setgroups(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("posix.setgroups", nargs, kwnames))
        return VAL_NULL;
    if (!is_tuple(args[0]) && !is_list(args[0]) &&
        rt_type_lookup(val_type(args[0]), rt_str_from_cstr("__getitem__")) == VAL_NULL)
        return rt_raisef(&rt_TypeError, "setgroups argument must be a sequence");
    Value items = rt_sequence_to_tuple(args[0]);
    if (items == VAL_NULL)
        return VAL_NULL;
    size_t n = rt_tuple_len(items);
    if (n > NGROUPS_MAX)
        return rt_raisef(&rt_ValueError, "too many groups");
    gid_t *groups = gc_alloc_atomic((n + 1) * sizeof(gid_t));
    for (size_t i = 0; i < n; i++) {
        Value g = rt_tuple_get(items, i);
        unsigned id;
        if (rt_type_lookup(val_type(g), rt_str_from_cstr("__index__")) == VAL_NULL)
            return rt_raisef(&rt_TypeError, "groups must be integers");
        if (!id_arg(g, "gid", &id))
            return VAL_NULL;
        groups[i] = id;
    }
    return setgroups(n, groups) < 0 ? mod_posix_error() : rt_None;
}

/* initgroups(username, gid, /) */
static Value posix_initgroups(Value *args, size_t nargs, Value kwnames)
{
    PathArg user = mod_posix_path_spec("initgroups", "username", false, false);
    unsigned gid;
    if (!rt_arg_nokw("initgroups", kwnames) || !rt_arg_range("initgroups", nargs, 2, 2) ||
        !mod_posix_fsconvert(args[0], &user) || !id_arg(args[1], "gid", &gid))
        return VAL_NULL;
    return initgroups(user.narrow, gid) < 0 ? mod_posix_error() : rt_None;
}

/* getgrouplist(user, group, /): the groups user belongs to, group first. */
static Value posix_getgrouplist(Value *args, size_t nargs, Value kwnames)
{
    unsigned base;
    if (!rt_arg_nokw("getgrouplist", kwnames) || !rt_arg_range("getgrouplist", nargs, 2, 2))
        return VAL_NULL;
    if (!rt_isinstance_of(args[0], &rt_str_type))
        return rt_raisef(&rt_TypeError, "getgrouplist() argument 1 must be str, not %T", args[0]);
    if (!id_arg(args[1], "gid", &base))
        return VAL_NULL;
    const char *user = rt_str_cstr(args[0]);
    for (int size = 64;; size *= 2) {
        int n = size;
        gid_t *groups = gc_alloc_atomic((size_t)size * sizeof(gid_t));
        if (getgrouplist(user, base, groups, &n) < 0) {
            if (size < (1 << 20))
                continue;
            return mod_posix_error();
        }
        Value list = rt_list_new(0);
        for (int i = 0; i < n; i++)
            rt_list_append(list, rt_int_from_u64(groups[i]));
        return list;
    }
}

/* getpriority(which, who) / setpriority(which, who, priority) */
static Value posix_getpriority(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "which", "who" };
    static const ArgSpec spec = { "getpriority", names, 2, 0, 2, 2, false };
    Value a[2];
    int which, who;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fd(a[0], &which) ||
        !mod_posix_fd(a[1], &who))
        return VAL_NULL;
    errno = 0;
    int r = getpriority(which, who);
    return r == -1 && errno != 0 ? mod_posix_error() : small_new(r);
}

static Value posix_setpriority(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "which", "who", "priority" };
    static const ArgSpec spec = { "setpriority", names, 3, 0, 3, 3, false };
    Value a[3];
    int which, who, prio;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fd(a[0], &which) ||
        !mod_posix_fd(a[1], &who) || !mod_posix_fd(a[2], &prio))
        return VAL_NULL;
    return setpriority(which, who, prio) < 0 ? mod_posix_error() : rt_None;
}

static Value posix_getlogin(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.getlogin", nargs, kwnames))
        return VAL_NULL;
    errno = 0;
    const char *name = getlogin();
    if (name == NULL) {
        if (errno == 0)
            return rt_raisef(&rt_OSError, "unable to determine login name");
        return mod_posix_error();
    }
    return mod_posix_name(name, strlen(name), false);
}

bool mod_posix_pid(Value v, pid_t *pid)
{
    int n;
    if (!mod_posix_fd(v, &n))
        return false;
    *pid = n;
    return true;
}

/* getpgid(pid) / getsid(pid): a process's group or session. */
static Value pid_query(pid_t (*fn)(pid_t), Value pid_value)
{
    pid_t pid;
    if (!mod_posix_pid(pid_value, &pid))
        return VAL_NULL;
    pid_t r = fn(pid);
    return r < 0 ? mod_posix_error() : rt_int_from_i64(r);
}

static Value posix_getpgid(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "pid" };
    static const ArgSpec spec = { "getpgid", names, 1, 0, 1, 1, false };
    Value a[1];
    return rt_parse_args(&spec, args, nargs, kwnames, a) ? pid_query(getpgid, a[0]) : VAL_NULL;
}

static Value posix_getsid(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_one("posix.getsid", nargs, kwnames) ? pid_query(getsid, args[0]) : VAL_NULL;
}

static Value posix_setsid(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.setsid", nargs, kwnames))
        return VAL_NULL;
    return setsid() < 0 ? mod_posix_error() : rt_None;
}

static Value posix_setpgrp(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.setpgrp", nargs, kwnames))
        return VAL_NULL;
    return setpgid(0, 0) < 0 ? mod_posix_error() : rt_None;
}

static Value posix_setpgid(Value *args, size_t nargs, Value kwnames)
{
    pid_t pid, pgrp;
    if (!rt_arg_nokw("setpgid", kwnames) || !rt_arg_count("setpgid", nargs, 2, 2) ||
        !mod_posix_pid(args[0], &pid) || !mod_posix_pid(args[1], &pgrp))
        return VAL_NULL;
    return setpgid(pid, pgrp) < 0 ? mod_posix_error() : rt_None;
}

/* The foreground process group of the terminal open on fd. */
static Value posix_tcgetpgrp(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    if (!rt_arg_one("posix.tcgetpgrp", nargs, kwnames) || !mod_posix_fd(args[0], &fd))
        return VAL_NULL;
    pid_t pgrp = tcgetpgrp(fd);
    return pgrp < 0 ? mod_posix_error() : rt_int_from_i64(pgrp);
}

static Value posix_tcsetpgrp(Value *args, size_t nargs, Value kwnames)
{
    int fd;
    pid_t pgrp;
    if (!rt_arg_nokw("tcsetpgrp", kwnames) || !rt_arg_count("tcsetpgrp", nargs, 2, 2) ||
        !mod_posix_fd(args[0], &fd) || !mod_posix_pid(args[1], &pgrp))
        return VAL_NULL;
    return tcsetpgrp(fd, pgrp) < 0 ? mod_posix_error() : rt_None;
}

/* ---- signals to processes ------------------------------------------------------------ */

static Value send_signal(const char *fname, int (*fn)(pid_t, int), Value *args, size_t nargs,
                         Value kwnames)
{
    pid_t pid;
    int sig;
    if (!rt_arg_nokw(fname, kwnames) || !rt_arg_count(fname, nargs, 2, 2) ||
        !mod_posix_pid(args[0], &pid) || !mod_posix_fd(args[1], &sig))
        return VAL_NULL;
    if (fn(pid, sig) < 0)
        return mod_posix_error();
    /* A signal pvm sent itself (Ctrl-C's SIGINT) is handled here, as in CPython. */
    return mod_posix_retry() ? rt_None : VAL_NULL;
}

static Value posix_kill(Value *args, size_t nargs, Value kwnames)
{
    return send_signal("kill", kill, args, nargs, kwnames);
}

static Value posix_killpg(Value *args, size_t nargs, Value kwnames)
{
    return send_signal("killpg", killpg, args, nargs, kwnames);
}

/* ---- fork and exec ---------------------------------------------------------------------- */

/* Run the hooks register_at_fork keeps (posix.c): `before` last-registered
 * first, the others in registration order; errors are reported and
 * ignored, as CPython reports them (unraisable). */
static void run_fork_hooks(int which)
{
    Value list = mod_posix_fork_hooks[which];
    if (list == VAL_NULL)
        return;
    size_t n = AS_LIST(list)->length;
    for (size_t k = 0; k < n; k++) {
        Value hook = AS_LIST(list)->items[which == 0 ? n - 1 - k : k];
        if (rt_call0(hook) == VAL_NULL) {
            Value exc = rt_err_fetch();
            rt_stdout_flush();
            Value r = rt_repr(hook);
            fprintf(stderr, "Exception ignored in: %s\n", r != VAL_NULL ? rt_str_cstr(r) : "?");
            rt_err_clear();
            rt_print_exception(exc);
        }
    }
}

/* fork(), or forkpty() when master is given (the child's side of a new
 * pseudo-terminal becomes its controlling terminal and standard streams):
 * the register_at_fork hooks and the threads around the call, then 3.12's
 * warning.  The child's pid (0 in the child), or -1 with an exception. */
static pid_t fork_process(const char *fname, int *master)
{
    run_fork_hooks(0);
    if (!mod_imp_before_fork())
        return -1;
    pid_t pid = master != NULL ? forkpty(master, NULL, NULL, NULL) : fork();
    int e = errno;
    if (pid == 0) {
        vm_thread_after_fork();
        mod_thread_after_fork();
        rt_stdout_after_fork();
    }
    mod_imp_after_fork(pid == 0);
    run_fork_hooks(pid == 0 ? 1 : 2);
    if (pid < 0) {
        errno = e;
        mod_posix_error();
        return -1;
    }
    /* 3.12 warns the parent that the child has only one of its threads. */
    if (pid > 0 && rt_py_minor >= 12 && vm_thread_count() > 0) {
        char message[160];
        snprintf(message, sizeof message, "This process (pid=%ld) is multi-threaded, use of "
                 "%s() may lead to deadlocks in the child.", (long)getpid(), fname);
        if (rt_warn(&rt_DeprecationWarning, message, 1) < 0)
            return -1;
    }
    return pid;
}

static Value posix_fork(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.fork", nargs, kwnames))
        return VAL_NULL;
    pid_t pid = fork_process("fork", NULL);
    return pid < 0 ? VAL_NULL : rt_int_from_i64(pid);
}

/* forkpty() -> (pid, fd): fd is the parent's side of the child's terminal. */
static Value posix_forkpty(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.forkpty", nargs, kwnames))
        return VAL_NULL;
    int master = -1;
    pid_t pid = fork_process("forkpty", &master);
    return pid < 0 ? VAL_NULL : rt_tuple_pack(2, rt_int_from_i64(pid), small_new(master));
}

/* The paths of a tuple or list as a NULL-terminated argv. */
char **mod_posix_arglist(const char *fname, Value v)
{
    Value items = rt_sequence_to_tuple(v);
    if (items == VAL_NULL)
        return NULL;
    size_t n = rt_tuple_len(items);
    char **argv = gc_alloc((n + 1) * sizeof(char *));
    for (size_t i = 0; i < n; i++) {
        PathArg p = mod_posix_path_spec(fname, "args", false, false);
        if (!mod_posix_fsconvert(rt_tuple_get(items, i), &p))
            return NULL;
        argv[i] = (char *)p.narrow;
    }
    return argv;
}

/* argv of exec*: a non-empty tuple or list of paths, argv[0] non-empty. */
static char **exec_argv(const char *fname, Value v)
{
    if (!is_tuple(v) && !is_list(v)) {
        rt_raisef(&rt_TypeError, "%s() arg 2 must be a tuple or list", fname);
        return NULL;
    }
    if (rt_len(v) == 0) {
        rt_raisef(&rt_ValueError, "%s() arg 2 must not be empty", fname);
        return NULL;
    }
    char **argv = mod_posix_arglist(fname, v);
    if (argv != NULL && argv[0][0] == '\0') {
        rt_raisef(&rt_ValueError, "%s() arg 2 first element cannot be empty", fname);
        return NULL;
    }
    return argv;
}

/* env of execve: a mapping of str/bytes to str/bytes → "KEY=value" strings. */
char **mod_posix_envlist(const char *fname, Value env)
{
    Value keys = rt_call0(rt_getattr_cstr(env, "keys"));
    Value list = keys != VAL_NULL ? rt_sequence_to_list(keys) : VAL_NULL;
    if (list == VAL_NULL) {
        if (rt_err_matches(&rt_AttributeError)) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "env must be a mapping object");
        }
        return NULL;
    }
    size_t n = AS_LIST(list)->length;
    char **envp = gc_alloc((n + 1) * sizeof(char *));
    for (size_t i = 0; i < n; i++) {
        Value k = AS_LIST(list)->items[i], v = rt_getitem(env, k);
        PathArg pk = mod_posix_path_spec(fname, "env key", false, false);
        PathArg pv = mod_posix_path_spec(fname, "env value", false, false);
        if (v == VAL_NULL || !mod_posix_fsconvert(k, &pk) || !mod_posix_fsconvert(v, &pv))
            return NULL;
        if (pk.narrow[0] == '\0' || strchr(pk.narrow + 1, '=') != NULL) {
            rt_raisef(&rt_ValueError, "illegal environment variable name");
            return NULL;
        }
        envp[i] = (char *)rt_str_cstr(rt_str_format_c("%s=%s", pk.narrow, pv.narrow));
    }
    return envp;
}

/* execv(path, argv) and execve(path, argv, env) (path may be an fd: fexecve). */
static Value exec_common(const char *fname, bool with_env, Value *args, size_t nargs,
                         Value kwnames)
{
    static const char *const names[] = { "path", "argv", "env" };
    static const ArgSpec spec = { "execve", names, 3, 0, 3, 3, false };
    Value a[3] = { VAL_NULL, VAL_NULL, VAL_NULL };
    PathArg p = mod_posix_path_spec(fname, "path", with_env, false);
    if (with_env ? !rt_parse_args(&spec, args, nargs, kwnames, a)       /* keywords allowed */
                 : !rt_arg_nokw(fname, kwnames) || !rt_arg_range(fname, nargs, 2, 2))
        return VAL_NULL;
    if (!with_env) {
        a[0] = args[0];
        a[1] = args[1];
    }
    if (!mod_posix_path(a[0], &p))
        return VAL_NULL;
    char **argv = exec_argv(fname, a[1]);
    char **envp = argv != NULL && with_env ? mod_posix_envlist(fname, a[2]) : NULL;
    if (argv == NULL || (with_env && envp == NULL))
        return VAL_NULL;
    if (!with_env) {
        execv(p.narrow, argv);
        return mod_posix_error();           /* CPython's execv names no file */
    }
    if (p.narrow == NULL)
        fexecve(p.fd, argv, envp);
    else
        execve(p.narrow, argv, envp);
    return mod_posix_path_error(&p);
}

static Value posix_execv(Value *args, size_t nargs, Value kwnames)
{
    return exec_common("execv", false, args, nargs, kwnames);
}

static Value posix_execve(Value *args, size_t nargs, Value kwnames)
{
    return exec_common("execve", true, args, nargs, kwnames);
}

/* os._exit(n): end the process now — no clean-up, no flush. */
static Value posix__exit(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "status" };
    static const ArgSpec spec = { "_exit", names, 1, 0, 1, 1, false };
    Value a[1];
    int status;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fd(a[0], &status))
        return VAL_NULL;
    _exit(status);
}

static Value posix_abort(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.abort", nargs, kwnames))
        return VAL_NULL;
    abort();
}

/* os.system(command): the wait status of `/bin/sh -c command`. */
static Value posix_system(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "command" };
    static const ArgSpec spec = { "system", names, 1, 0, 1, 1, false };
    Value a[1];
    PathArg p = mod_posix_path_spec("system", "command", false, false);
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p))
        return VAL_NULL;
    vm_release_lock();
    int status = system(p.narrow);
    vm_reacquire_lock();
    return rt_int_from_i64(status);
}

/* ---- wait ------------------------------------------------------------------------------------ */

/* wait4(pid, &status, options, ru) — waitpid when ru is NULL — with the
 * interpreter lock released, as CPython releases the GIL: the other
 * threads run while the child runs (multiprocessing's Process.join waits
 * so while its feeder thread still has data to send).  Retried after
 * signals (PEP 475); -1 with errno, or -2 when a signal handler raised. */
static pid_t wait_child(pid_t pid, int *status, int options, struct rusage *ru)
{
    for (;;) {
        vm_release_lock();
        pid_t r = wait4(pid, status, options, ru);
        int e = errno;
        vm_reacquire_lock();
        errno = e;
        if (r >= 0 || errno != EINTR)
            return r;
        if (!mod_posix_retry())
            return -2;
    }
}

/* (pid, status) of wait_child, or the error. */
static Value wait_result(pid_t r, int status)
{
    if (r == -2)
        return VAL_NULL;
    if (r < 0)
        return mod_posix_error();
    return rt_tuple_pack(2, rt_int_from_i64(r), small_new(status));
}

/* waitpid(pid, options) → (pid, status). */
static Value posix_waitpid(Value *args, size_t nargs, Value kwnames)
{
    pid_t pid;
    int options, status = 0;
    if (!rt_arg_nokw("waitpid", kwnames) || !rt_arg_count("waitpid", nargs, 2, 2) ||
        !mod_posix_pid(args[0], &pid) || !mod_posix_fd(args[1], &options))
        return VAL_NULL;
    pid_t r = wait_child(pid, &status, options, NULL);  /* before status is read */
    return wait_result(r, status);
}

static Value posix_wait(Value *args, size_t nargs, Value kwnames)
{
    int status = 0;
    if (!rt_arg_none("posix.wait", nargs, kwnames))
        return VAL_NULL;
    pid_t r = wait_child(-1, &status, 0, NULL);
    return wait_result(r, status);
}

/* wait3(options) / wait4(pid, options) → (pid, status, resource.struct_rusage). */
static Value wait_rusage(pid_t pid, int options)
{
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);          /* WNOHANG with no child ready leaves it unset */
    pid_t r = wait_child(pid, &status, options, &ru);
    if (r == -2)
        return VAL_NULL;
    if (r < 0)
        return mod_posix_error();
    return rt_tuple_pack(3, rt_int_from_i64(r), small_new(status), mod_resource_rusage(&ru));
}

static Value posix_wait3(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "options" };
    static const ArgSpec spec = { "wait3", names, 1, 0, 1, 1, false };
    Value a[1];
    int options;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fd(a[0], &options))
        return VAL_NULL;
    return wait_rusage(-1, options);
}

static Value posix_wait4(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "pid", "options" };
    static const ArgSpec spec = { "wait4", names, 2, 0, 2, 2, false };
    Value a[2];
    pid_t pid;
    int options;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_pid(a[0], &pid) ||
        !mod_posix_fd(a[1], &options))
        return VAL_NULL;
    return wait_rusage(pid, options);
}

static const char *const waitid_fields[] = { "si_pid", "si_uid", "si_signo", "si_status",
                                             "si_code" };
static const RtStructSeqDesc waitid_desc = { "posix.waitid_result", waitid_fields, 5, 5,
                                             true };
static ObjType *waitid_type;

/* waitid(idtype, id, options, /) → waitid_result, or None when WNOHANG
 * found no child to report. */
static Value posix_waitid(Value *args, size_t nargs, Value kwnames)
{
    int idtype, options;
    pid_t id;
    if (!rt_arg_nokw("waitid", kwnames) || !rt_arg_count("waitid", nargs, 3, 3) ||
        !mod_posix_fd(args[0], &idtype) || !mod_posix_pid(args[1], &id) ||
        !mod_posix_fd(args[2], &options))
        return VAL_NULL;
    siginfo_t info;
    info.si_pid = 0;
    int r;
    vm_release_lock();
    while ((r = waitid((idtype_t)idtype, (id_t)id, &info, options)) < 0 && errno == EINTR)
        if (!vm_blocking_retry())
            return VAL_NULL;
    int err = errno;
    vm_reacquire_lock();
    if (r < 0)
        return errno = err, mod_posix_error();
    if (info.si_pid == 0)
        return rt_None;
    Value items[5] = {
        rt_int_from_i64(info.si_pid), rt_int_from_u64(info.si_uid), small_new(info.si_signo),
        small_new(info.si_status), small_new(info.si_code),
    };
    return rt_structseq_new(waitid_type, items);
}

/* The status argument of the W* functions (keyword `status`). */
static bool status_arg(const char *fname, Value *args, size_t nargs, Value kwnames, int *status)
{
    static const char *const names[] = { "status" };
    ArgSpec spec = { fname, names, 1, 0, 1, 1, false };
    Value a[1];
    return rt_parse_args(&spec, args, nargs, kwnames, a) && mod_posix_fd(a[0], status);
}

#define W_PREDICATE(name)                                                   \
    static Value posix_##name(Value *args, size_t nargs, Value kwnames)     \
    {                                                                       \
        int status;                                                         \
        return status_arg(#name, args, nargs, kwnames, &status) ? rt_bool(name(status)) \
                                                                : VAL_NULL; \
    }
#define W_NUMBER(name)                                                      \
    static Value posix_##name(Value *args, size_t nargs, Value kwnames)     \
    {                                                                       \
        int status;                                                         \
        return status_arg(#name, args, nargs, kwnames, &status) ? small_new(name(status)) \
                                                                : VAL_NULL; \
    }
W_PREDICATE(WIFEXITED)
W_PREDICATE(WIFSIGNALED)
W_PREDICATE(WIFSTOPPED)
W_PREDICATE(WIFCONTINUED)
W_NUMBER(WEXITSTATUS)
W_NUMBER(WTERMSIG)
W_NUMBER(WSTOPSIG)
#undef W_PREDICATE
#undef W_NUMBER

/* WCOREDUMP takes its status positionally only (CPython's METH_O). */
static Value posix_WCOREDUMP(Value *args, size_t nargs, Value kwnames)
{
    int status;
    if (!rt_arg_one("posix.WCOREDUMP", nargs, kwnames) || !mod_posix_fd(args[0], &status))
        return VAL_NULL;
    return rt_bool(WCOREDUMP(status));
}

/* waitstatus_to_exitcode(status): the exit code, or -signal. */
static Value posix_waitstatus_to_exitcode(Value *args, size_t nargs, Value kwnames)
{
    int status;
    if (!status_arg("waitstatus_to_exitcode", args, nargs, kwnames, &status))
        return VAL_NULL;
    if (WIFEXITED(status))
        return small_new(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return small_new(-WTERMSIG(status));
    if (WIFSTOPPED(status))
        return rt_raisef(&rt_ValueError, "process stopped by delivery of signal %d",
                         WSTOPSIG(status));
    return rt_raisef(&rt_ValueError, "invalid wait status: %d", status);
}

/* ---- the rest ------------------------------------------------------------------------------ */

static Value posix_umask(Value *args, size_t nargs, Value kwnames)
{
    int mask;
    if (!rt_arg_one("posix.umask", nargs, kwnames) ||
        !mod_posix_fd(args[0], &mask))
        return VAL_NULL;
    return small_new(umask((mode_t)mask));
}

static Value posix_nice(Value *args, size_t nargs, Value kwnames)
{
    int inc;
    if (!rt_arg_one("posix.nice", nargs, kwnames) ||
        !mod_posix_fd(args[0], &inc))
        return VAL_NULL;
    errno = 0;
    int r = nice(inc);
    if (r == -1 && errno != 0)
        return mod_posix_error();
    return small_new(r);
}

static const char *const times_fields[] = { "user", "system", "children_user",
                                            "children_system", "elapsed" };
static const RtStructSeqDesc times_desc = { "posix.times_result", times_fields, 5, 5, true };
static ObjType *times_type;

static Value posix_times(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.times", nargs, kwnames))
        return VAL_NULL;
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1)
        return mod_posix_error();
    double tick = (double)sysconf(_SC_CLK_TCK);
    Value items[5] = {
        rt_float_new((double)t.tms_utime / tick), rt_float_new((double)t.tms_stime / tick),
        rt_float_new((double)t.tms_cutime / tick), rt_float_new((double)t.tms_cstime / tick),
        rt_float_new((double)c / tick),
    };
    return rt_structseq_new(times_type, items);
}

static Value posix_getloadavg(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.getloadavg", nargs, kwnames))
        return VAL_NULL;
    double load[3];
    if (getloadavg(load, 3) != 3)
        return rt_raisef(&rt_OSError, "Load averages are unobtainable");
    return rt_tuple_pack(3, rt_float_new(load[0]), rt_float_new(load[1]), rt_float_new(load[2]));
}

const MethodDef mod_posix_proc_functions[] = {
    {"getpid", posix_getpid}, {"getppid", posix_getppid}, {"getuid", posix_getuid},
    {"geteuid", posix_geteuid}, {"getgid", posix_getgid}, {"getegid", posix_getegid},
    {"getpgrp", posix_getpgrp}, {"getgroups", posix_getgroups}, {"getlogin", posix_getlogin},
    {"setuid", posix_setuid}, {"seteuid", posix_seteuid}, {"setgid", posix_setgid},
    {"setegid", posix_setegid}, {"setreuid", posix_setreuid}, {"setregid", posix_setregid},
    {"setresuid", posix_setresuid}, {"setresgid", posix_setresgid},
    {"getresuid", posix_getresuid}, {"getresgid", posix_getresgid},
    {"setgroups", posix_setgroups}, {"initgroups", posix_initgroups},
    {"getgrouplist", posix_getgrouplist},
    {"getpriority", posix_getpriority}, {"setpriority", posix_setpriority},
    {"getpgid", posix_getpgid}, {"getsid", posix_getsid}, {"setsid", posix_setsid},
    {"setpgrp", posix_setpgrp}, {"setpgid", posix_setpgid},
    {"kill", posix_kill}, {"killpg", posix_killpg},
    {"fork", posix_fork}, {"forkpty", posix_forkpty}, {"tcgetpgrp", posix_tcgetpgrp},
    {"tcsetpgrp", posix_tcsetpgrp}, {"execv", posix_execv}, {"execve", posix_execve},
    {"_exit", posix__exit}, {"abort", posix_abort}, {"system", posix_system},
    {"waitpid", posix_waitpid}, {"wait", posix_wait}, {"wait3", posix_wait3},
    {"wait4", posix_wait4}, {"waitid", posix_waitid},
    {"WIFEXITED", posix_WIFEXITED}, {"WIFSIGNALED", posix_WIFSIGNALED},
    {"WIFSTOPPED", posix_WIFSTOPPED}, {"WIFCONTINUED", posix_WIFCONTINUED},
    {"WCOREDUMP", posix_WCOREDUMP}, {"WEXITSTATUS", posix_WEXITSTATUS},
    {"WTERMSIG", posix_WTERMSIG}, {"WSTOPSIG", posix_WSTOPSIG},
    {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode},
    {"umask", posix_umask}, {"nice", posix_nice}, {"times", posix_times},
    {"getloadavg", posix_getloadavg},
    {NULL, NULL},
};

void mod_posix_proc_init(Value m)
{
    times_type = rt_structseq_type_new(&times_desc);
    mod_module_set(m, "times_result", obj_val(times_type));
    waitid_type = rt_structseq_type_new(&waitid_desc);
    mod_module_set(m, "waitid_result", obj_val(waitid_type));
}
