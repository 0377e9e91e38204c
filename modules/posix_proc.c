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

/* A pid argument (pid_t). */
static bool pid_arg(Value v, pid_t *pid)
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
    if (!pid_arg(pid_value, &pid))
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
        !pid_arg(args[0], &pid) || !pid_arg(args[1], &pgrp))
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
        !mod_posix_fd(args[0], &fd) || !pid_arg(args[1], &pgrp))
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
        !pid_arg(args[0], &pid) || !mod_posix_fd(args[1], &sig))
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
    pid_t pid = master != NULL ? forkpty(master, NULL, NULL, NULL) : fork();
    int e = errno;
    if (pid == 0) {
        vm_thread_after_fork();
        mod_thread_after_fork();
    }
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

/* argv of exec*: a non-empty tuple or list of paths, argv[0] non-empty. */
static char **exec_argv(const char *fname, Value v)
{
    if (!is_tuple(v) && !is_list(v)) {
        rt_raisef(&rt_TypeError, "%s() arg 2 must be a tuple or list", fname);
        return NULL;
    }
    Value items = rt_sequence_to_tuple(v);
    size_t n = rt_tuple_len(items);
    if (n == 0) {
        rt_raisef(&rt_ValueError, "%s() arg 2 must not be empty", fname);
        return NULL;
    }
    char **argv = gc_alloc((n + 1) * sizeof(char *));
    for (size_t i = 0; i < n; i++) {
        PathArg p = mod_posix_path_spec(fname, "args", false, false);
        if (!mod_posix_path(rt_tuple_get(items, i), &p))
            return NULL;
        argv[i] = (char *)p.narrow;
    }
    if (argv[0][0] == '\0') {
        rt_raisef(&rt_ValueError, "%s() arg 2 first element cannot be empty", fname);
        return NULL;
    }
    return argv;
}

/* env of execve: a mapping of str/bytes to str/bytes → "KEY=value" strings. */
static char **exec_env(Value env)
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
        PathArg pk = mod_posix_path_spec("execve", "env key", false, false);
        PathArg pv = mod_posix_path_spec("execve", "env value", false, false);
        if (v == VAL_NULL || !mod_posix_path(k, &pk) || !mod_posix_path(v, &pv))
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
    char **envp = argv != NULL && with_env ? exec_env(a[2]) : NULL;
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

/* waitpid(pid, options) → (pid, status), retried after signals (PEP 475). */
static Value posix_waitpid(Value *args, size_t nargs, Value kwnames)
{
    pid_t pid, r;
    int options, status = 0;
    if (!rt_arg_nokw("waitpid", kwnames) || !rt_arg_count("waitpid", nargs, 2, 2) ||
        !pid_arg(args[0], &pid) || !mod_posix_fd(args[1], &options))
        return VAL_NULL;
    vm_release_lock();                  /* other threads run while it waits */
    while ((r = waitpid(pid, &status, options)) < 0 && errno == EINTR)
        if (!vm_blocking_retry())
            return VAL_NULL;
    int err = errno;
    vm_reacquire_lock();
    if (r < 0)
        return errno = err, mod_posix_error();
    return rt_tuple_pack(2, rt_int_from_i64(r), small_new(status));
}

static Value posix_wait(Value *args, size_t nargs, Value kwnames)
{
    pid_t r;
    int status = 0;
    if (!rt_arg_none("posix.wait", nargs, kwnames))
        return VAL_NULL;
    vm_release_lock();
    while ((r = wait(&status)) < 0 && errno == EINTR)
        if (!vm_blocking_retry())
            return VAL_NULL;
    int err = errno;
    vm_reacquire_lock();
    if (r < 0)
        return errno = err, mod_posix_error();
    return rt_tuple_pack(2, rt_int_from_i64(r), small_new(status));
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

static Value posix_sched_getaffinity(Value *args, size_t nargs, Value kwnames)
{
    pid_t pid;
    if (!rt_arg_one("posix.sched_getaffinity", nargs, kwnames) || !pid_arg(args[0], &pid))
        return VAL_NULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(pid, sizeof set, &set) < 0)
        return mod_posix_error();
    Value out = rt_set_new();
    for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
        if (CPU_ISSET(cpu, &set))
            rt_set_add(out, small_new(cpu));
    return out;
}

static Value posix_sched_yield(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.sched_yield", nargs, kwnames))
        return VAL_NULL;
    sched_yield();
    return rt_None;
}

const MethodDef mod_posix_proc_functions[] = {
    {"getpid", posix_getpid}, {"getppid", posix_getppid}, {"getuid", posix_getuid},
    {"geteuid", posix_geteuid}, {"getgid", posix_getgid}, {"getegid", posix_getegid},
    {"getpgrp", posix_getpgrp}, {"getgroups", posix_getgroups}, {"getlogin", posix_getlogin},
    {"getpgid", posix_getpgid}, {"getsid", posix_getsid}, {"setsid", posix_setsid},
    {"setpgrp", posix_setpgrp}, {"setpgid", posix_setpgid},
    {"kill", posix_kill}, {"killpg", posix_killpg},
    {"fork", posix_fork}, {"forkpty", posix_forkpty}, {"tcgetpgrp", posix_tcgetpgrp},
    {"tcsetpgrp", posix_tcsetpgrp}, {"execv", posix_execv}, {"execve", posix_execve},
    {"_exit", posix__exit}, {"abort", posix_abort}, {"system", posix_system},
    {"waitpid", posix_waitpid}, {"wait", posix_wait},
    {"WIFEXITED", posix_WIFEXITED}, {"WIFSIGNALED", posix_WIFSIGNALED},
    {"WIFSTOPPED", posix_WIFSTOPPED}, {"WIFCONTINUED", posix_WIFCONTINUED},
    {"WCOREDUMP", posix_WCOREDUMP}, {"WEXITSTATUS", posix_WEXITSTATUS},
    {"WTERMSIG", posix_WTERMSIG}, {"WSTOPSIG", posix_WSTOPSIG},
    {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode},
    {"umask", posix_umask}, {"nice", posix_nice}, {"times", posix_times},
    {"getloadavg", posix_getloadavg}, {"sched_getaffinity", posix_sched_getaffinity},
    {"sched_yield", posix_sched_yield},
    {NULL, NULL},
};

void mod_posix_proc_init(Value m)
{
    times_type = rt_structseq_type_new(&times_desc);
    mod_module_set(m, "times_result", obj_val(times_type));
}
