/*
 * posix_spawn.c — os.posix_spawn and os.posix_spawnp: start a program in
 * a new process without fork(), as CPython's Modules/posixmodule.c does on
 * Linux (glibc's posix_spawn uses vfork/clone, so a large process starts
 * children cheaply; subprocess prefers it when it can, see Lib/subprocess.py
 * _USE_POSIX_SPAWN).
 *
 *   posix_spawn(path, argv, env, /, *, file_actions=(), setpgroup=None,
 *               resetids=False, setsid=False, setsigmask=(), setsigdef=(),
 *               scheduler=None) -> pid
 *
 * file_actions is a sequence of tuples run in the child before exec:
 * (POSIX_SPAWN_OPEN, fd, path, flags, mode), (POSIX_SPAWN_CLOSE, fd) and
 * (POSIX_SPAWN_DUP2, fd, new_fd).  The keyword arguments become the
 * attributes of a posix_spawnattr_t.  The error messages are CPython's,
 * down to "A open file_action tuple".
 */
#define _GNU_SOURCE             /* POSIX_SPAWN_SETSID */
#include <errno.h>
#include <sched.h>
#include <spawn.h>
#include <unistd.h>
#include "runtime/version.h"
#include "modules/api.h"
#include "modules/posix.h"

enum { SPAWN_OPEN, SPAWN_CLOSE, SPAWN_DUP2 };   /* os.POSIX_SPAWN_* */

/* errno-returning posix_spawn* calls: false + OSError on failure. */
static bool check(int err)
{
    if (err == 0)
        return true;
    errno = err;
    mod_posix_error();
    return false;
}

/* A C int, as PyArg_ParseTuple's "i" converts one. */
static bool int_item(Value v, int *out)
{
    return mod_posix_fd(v, out);
}

/* One file action: a non-empty tuple (or list) whose first item says
 * which; `count` is the length that tag needs. */
static bool add_file_action(posix_spawn_file_actions_t *fa, Value action)
{
    static const char *const arity_messages[] = {
        "A open file_action tuple must have 5 elements",
        "A close file_action tuple must have 2 elements",
        "A dup2 file_action tuple must have 3 elements",
    };
    static const size_t arity[] = { 5, 2, 3 };
    if (!is_tuple(action) && !is_list(action)) {
        rt_raisef(&rt_TypeError, "Each file_actions element must be a non-empty tuple");
        return false;
    }
    Value t = rt_sequence_to_tuple(action);
    size_t n = rt_tuple_len(t);
    if (n < 1) {
        rt_raisef(&rt_TypeError, "Each file_actions element must be a non-empty tuple");
        return false;
    }
    int64_t tag;
    Value tag_value = mod_posix_index(rt_tuple_get(t, 0));
    if (tag_value == VAL_NULL || !rt_int_as_i64(tag_value, &tag))
        return false;
    if (tag < SPAWN_OPEN || tag > SPAWN_DUP2) {
        rt_raisef(&rt_TypeError, "Unknown file_actions identifier");
        return false;
    }
    if (n != arity[tag]) {
        rt_raisef(&rt_TypeError, "%s", arity_messages[tag]);
        return false;
    }
    int fd, other;
    if (!int_item(rt_tuple_get(t, 1), &fd))
        return false;
    if (tag == SPAWN_CLOSE)
        return check(posix_spawn_file_actions_addclose(fa, fd));
    if (tag == SPAWN_DUP2)
        return int_item(rt_tuple_get(t, 2), &other) &&
               check(posix_spawn_file_actions_adddup2(fa, fd, other));
    PathArg path = mod_posix_path_spec("posix_spawn", "path", false, false);
    Value mode_value;
    uint64_t mode;
    if (!mod_posix_path(rt_tuple_get(t, 2), &path)) {
        if (rt_py_minor >= 13 && rt_err_matches(&rt_ValueError)) {
            rt_err_clear();             /* 3.13 converts it as os.fsencode does */
            rt_raisef(&rt_ValueError, "embedded null byte");
        }
        return false;
    }
    if (!int_item(rt_tuple_get(t, 3), &other) ||
        (mode_value = mod_posix_index(rt_tuple_get(t, 4))) == VAL_NULL ||
        !rt_int_as_u64(mode_value, &mode))
        return false;
    /* glibc copies the path: the PathArg's string may be collected after. */
    return check(posix_spawn_file_actions_addopen(fa, fd, path.narrow, other, (mode_t)mode));
}

/* CPython's PySequence_Check / PyMapping_Check: the type defines the method. */
static bool type_has(Value v, const char *method)
{
    return rt_type_lookup(val_type(v), rt_str_from_cstr(method)) != VAL_NULL;
}

static bool parse_file_actions(posix_spawn_file_actions_t *fa, Value actions)
{
    if (!is_tuple(actions) && !is_list(actions) && !type_has(actions, "__getitem__")) {
        rt_raisef(&rt_TypeError, "file_actions must be a sequence or None");
        return false;
    }
    Value items = rt_sequence_to_tuple(actions);
    if (items == VAL_NULL)
        return false;
    for (size_t i = 0; i < rt_tuple_len(items); i++)
        if (!add_file_action(fa, rt_tuple_get(items, i)))
            return false;
    return true;
}

/* The keyword arguments that become attributes: kw[] in the order
 * setpgroup, resetids, setsid, setsigmask, setsigdef, scheduler
 * (VAL_NULL when absent). */
static bool parse_attributes(posix_spawnattr_t *attr, const Value *kw)
{
    short flags = 0;
    if (kw[0] != VAL_NULL) {
        int pgroup;
        if (!mod_posix_fd(kw[0], &pgroup) || !check(posix_spawnattr_setpgroup(attr, pgroup)))
            return false;
        flags |= POSIX_SPAWN_SETPGROUP;
    }
    for (int k = 1; k <= 2; k++) {
        int on;
        if (kw[k] == VAL_NULL)
            continue;
        if (rt_py_minor >= 12)          /* 3.12: any truth value */
            on = rt_truthy(kw[k]);
        else if (!mod_posix_fd(kw[k], &on))
            return false;
        if (on < 0)
            return false;
        if (on)
            flags |= k == 1 ? POSIX_SPAWN_RESETIDS : POSIX_SPAWN_SETSID;
    }
    sigset_t set;
    if (kw[3] != VAL_NULL) {
        if (!mod_signal_sigset(kw[3], &set) || !check(posix_spawnattr_setsigmask(attr, &set)))
            return false;
        flags |= POSIX_SPAWN_SETSIGMASK;
    }
    if (kw[4] != VAL_NULL) {
        if (!mod_signal_sigset(kw[4], &set) || !check(posix_spawnattr_setsigdefault(attr, &set)))
            return false;
        flags |= POSIX_SPAWN_SETSIGDEF;
    }
    if (kw[5] != VAL_NULL) {
        /* scheduler=(policy or None, sched_param) */
        if (!is_tuple(kw[5])) {
            rt_raisef(&rt_SystemError, "new style getargs format but argument is not a tuple");
            return false;
        }
        if (rt_tuple_len(kw[5]) != 2) {
            rt_raisef(&rt_TypeError, "A scheduler tuple must have two elements");
            return false;
        }
        Value policy = rt_tuple_get(kw[5], 0);
        struct sched_param param;
        if (!mod_posix_sched_param(rt_tuple_get(kw[5], 1), &param))
            return false;
        if (policy != rt_None) {
            int p;
            if (!mod_posix_fd(policy, &p) || !check(posix_spawnattr_setschedpolicy(attr, p)))
                return false;
            flags |= POSIX_SPAWN_SETSCHEDULER;
        }
        if (!check(posix_spawnattr_setschedparam(attr, &param)))
            return false;
        flags |= POSIX_SPAWN_SETSCHEDPARAM;
    }
    return check(posix_spawnattr_setflags(attr, flags));
}

/* argv: a non-empty tuple or list of paths; env: a mapping. */
static bool check_argv_env(const char *fname, Value argv, Value env)
{
    if (!is_tuple(argv) && !is_list(argv)) {
        rt_raisef(&rt_TypeError, "%s: argv must be a tuple or list", fname);
        return false;
    }
    if (rt_len(argv) < 1) {
        rt_raisef(&rt_ValueError, "%s: argv must not be empty", fname);
        return false;
    }
    if (rt_py_minor >= 13 && env == rt_None)   /* 3.13: None, this process's */
        return true;
    if (!type_has(env, "__getitem__")) {
        rt_raisef(&rt_TypeError, "%s: environment must be a mapping object%s", fname,
                  rt_py_minor >= 13 ? " or None" : "");
        return false;
    }
    return true;
}

static Value spawn(const char *fname, bool search_path, Value *args, size_t nargs,
                   Value kwnames)
{
    static const char *const names[] = { "path", "argv", "env", "file_actions", "setpgroup",
                                         "resetids", "setsid", "setsigmask", "setsigdef",
                                         "scheduler" };
    ArgSpec spec = { fname, names, 10, 3, 3, 3, false };
    Value a[10];
    PathArg path = mod_posix_path_spec(fname, "path", false, false);
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &path) ||
        !check_argv_env(fname, a[1], a[2]))
        return VAL_NULL;
    char **argv = mod_posix_arglist(fname, a[1]);
    if (argv == NULL)
        return VAL_NULL;
    if (argv[0][0] == '\0')
        return rt_raisef(&rt_ValueError, "%s: argv first element cannot be empty", fname);
    char **envp = a[2] == rt_None ? environ : mod_posix_envlist(fname, a[2]);
    if (envp == NULL)
        return VAL_NULL;

    posix_spawn_file_actions_t actions, *actionsp = NULL;
    posix_spawnattr_t attr;
    if (!check(posix_spawnattr_init(&attr)))
        return VAL_NULL;
    bool ok = true;
    if (a[3] != VAL_NULL && a[3] != rt_None) {
        posix_spawn_file_actions_init(&actions);
        actionsp = &actions;
        ok = parse_file_actions(actionsp, a[3]);
    }
    ok = ok && parse_attributes(&attr, a + 4);
    pid_t pid = -1;
    if (ok) {
        int err = search_path ? posix_spawnp(&pid, path.narrow, actionsp, &attr, argv, envp)
                              : posix_spawn(&pid, path.narrow, actionsp, &attr, argv, envp);
        if (err != 0) {
            errno = err;
            mod_posix_path_error(&path);
            ok = false;
        }
    }
    posix_spawnattr_destroy(&attr);
    if (actionsp != NULL)
        posix_spawn_file_actions_destroy(actionsp);
    return ok ? rt_int_from_i64(pid) : VAL_NULL;
}

static Value posix_posix_spawn(Value *args, size_t nargs, Value kwnames)
{
    return spawn("posix_spawn", false, args, nargs, kwnames);
}

static Value posix_posix_spawnp(Value *args, size_t nargs, Value kwnames)
{
    return spawn("posix_spawnp", true, args, nargs, kwnames);
}

const MethodDef mod_posix_spawn_functions[] = {
    {"posix_spawn", posix_posix_spawn}, {"posix_spawnp", posix_posix_spawnp},
    {NULL, NULL},
};
