/*
 * posix_sched.c — the scheduler: os.sched_param, the policy and priority
 * of a process (sched_getscheduler, sched_setscheduler, sched_getparam,
 * sched_setparam, sched_get_priority_min/max, sched_rr_get_interval), its
 * CPU affinity (sched_getaffinity, sched_setaffinity) and sched_yield, as
 * CPython's Modules/posixmodule.c has them on Linux.
 *
 * os.sched_param is a struct sequence of one field, sched_priority, which
 * holds whatever it was given; the functions that take one check it then
 * (mod_posix_sched_param), as posix_spawn's scheduler= does.
 */
#define _GNU_SOURCE             /* CPU_SET, sched_getaffinity */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <string.h>
#include "runtime/structseq.h"
#include "modules/api.h"
#include "modules/posix.h"

static const char *const param_fields[] = { "sched_priority" };
static const RtStructSeqDesc param_desc = { "posix.sched_param", param_fields, 1, 1, true };
static ObjType *param_type;

/* sched_param(sched_priority) */
static Value sched_param_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "sched_priority" };
    static const ArgSpec spec = { "sched_param", names, 1, 0, 1, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    return rt_structseq_new(type, a);
}

static Value param_value(int priority)
{
    Value item = small_new(priority);
    return rt_structseq_new(param_type, &item);
}

bool mod_posix_sched_param(Value v, struct sched_param *out)
{
    if (val_type(v) != param_type) {
        rt_raisef(&rt_TypeError, "must have a sched_param object");
        return false;
    }
    Value priority = mod_posix_index(AS_TUPLE(v)->items[0]);
    int64_t n;
    if (priority == VAL_NULL)
        return false;
    if (!rt_int_as_i64(priority, &n)) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C long");
        return false;
    }
    if (n > INT_MAX || n < INT_MIN) {
        rt_raisef(&rt_OverflowError, "sched_priority out of range");
        return false;
    }
    out->sched_priority = (int)n;
    return true;
}

/* The one argument of fname(pid, /) ("posix.fname": METH_O). */
static bool one_pid(const char *fname, Value *args, size_t nargs, Value kwnames, pid_t *pid)
{
    return rt_arg_one(fname, nargs, kwnames) && mod_posix_pid(args[0], pid);
}

/* sched_get_priority_min(policy) / sched_get_priority_max(policy) */
static Value priority_bound(const char *fname, int (*fn)(int), Value *args, size_t nargs,
                            Value kwnames)
{
    static const char *const names[] = { "policy" };
    ArgSpec spec = { fname, names, 1, 0, 1, 1, false };
    Value a[1];
    int policy;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fd(a[0], &policy))
        return VAL_NULL;
    int r = fn(policy);
    return r < 0 ? mod_posix_error() : small_new(r);
}

static Value posix_sched_get_priority_min(Value *args, size_t nargs, Value kwnames)
{
    return priority_bound("sched_get_priority_min", sched_get_priority_min, args, nargs,
                          kwnames);
}

static Value posix_sched_get_priority_max(Value *args, size_t nargs, Value kwnames)
{
    return priority_bound("sched_get_priority_max", sched_get_priority_max, args, nargs,
                          kwnames);
}

static Value posix_sched_getscheduler(Value *args, size_t nargs, Value kwnames)
{
    pid_t pid;
    if (!one_pid("posix.sched_getscheduler", args, nargs, kwnames, &pid))
        return VAL_NULL;
    int policy = sched_getscheduler(pid);
    return policy < 0 ? mod_posix_error() : small_new(policy);
}

/* sched_setscheduler(pid, policy, param, /) */
static Value posix_sched_setscheduler(Value *args, size_t nargs, Value kwnames)
{
    pid_t pid;
    int policy;
    struct sched_param param;
    if (!rt_arg_nokw("sched_setscheduler", kwnames) ||
        !rt_arg_count("sched_setscheduler", nargs, 3, 3) || !mod_posix_pid(args[0], &pid) ||
        !mod_posix_fd(args[1], &policy) || !mod_posix_sched_param(args[2], &param))
        return VAL_NULL;
    return sched_setscheduler(pid, policy, &param) < 0 ? mod_posix_error() : rt_None;
}

static Value posix_sched_getparam(Value *args, size_t nargs, Value kwnames)
{
    pid_t pid;
    struct sched_param param;
    if (!one_pid("posix.sched_getparam", args, nargs, kwnames, &pid))
        return VAL_NULL;
    return sched_getparam(pid, &param) < 0 ? mod_posix_error()
                                            : param_value(param.sched_priority);
}

/* sched_setparam(pid, param, /) */
static Value posix_sched_setparam(Value *args, size_t nargs, Value kwnames)
{
    pid_t pid;
    struct sched_param param;
    if (!rt_arg_nokw("sched_setparam", kwnames) ||
        !rt_arg_count("sched_setparam", nargs, 2, 2) || !mod_posix_pid(args[0], &pid) ||
        !mod_posix_sched_param(args[1], &param))
        return VAL_NULL;
    return sched_setparam(pid, &param) < 0 ? mod_posix_error() : rt_None;
}

/* The round-robin quantum of a process, in seconds. */
static Value posix_sched_rr_get_interval(Value *args, size_t nargs, Value kwnames)
{
    pid_t pid;
    struct timespec t;
    if (!one_pid("posix.sched_rr_get_interval", args, nargs, kwnames, &pid))
        return VAL_NULL;
    if (sched_rr_get_interval(pid, &t) < 0)
        return mod_posix_error();
    return rt_float_new((double)t.tv_sec + 1e-9 * (double)t.tv_nsec);
}

static Value posix_sched_yield(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("posix.sched_yield", nargs, kwnames))
        return VAL_NULL;
    sched_yield();
    return rt_None;
}

/* ---- CPU affinity ---------------------------------------------------------------------- */

/* Linux may have more CPUs than a cpu_set_t holds: the set grows until
 * the kernel accepts its size, as CPython's loop does. */
static Value posix_sched_getaffinity(Value *args, size_t nargs, Value kwnames)
{
    pid_t pid;
    if (!one_pid("posix.sched_getaffinity", args, nargs, kwnames, &pid))
        return VAL_NULL;
    for (int ncpus = CPU_SETSIZE;; ncpus *= 2) {
        size_t size = CPU_ALLOC_SIZE(ncpus);
        cpu_set_t *set = gc_alloc_atomic(size);
        CPU_ZERO_S(size, set);
        if (sched_getaffinity(pid, size, set) < 0) {
            if (errno == EINVAL && ncpus < (INT_MAX >> 2))
                continue;
            return mod_posix_error();
        }
        Value out = rt_set_new();
        for (int cpu = 0, left = CPU_COUNT_S(size, set); left > 0; cpu++)
            if (CPU_ISSET_S(cpu, size, set)) {
                rt_set_add(out, small_new(cpu));
                left--;
            }
        return out;
    }
}

/* Linux's largest NR_CPUS is 8192; CPython allocates a mask up to the
 * number given (2**31 - 2), which the kernel then truncates. */
#define MAX_CPUS (1 << 16)

/* One CPU number of sched_setaffinity's mask. */
static bool cpu_number(Value item, int64_t *cpu)
{
    if (!rt_isinstance_of(item, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "expected an iterator of ints, but iterator yielded %R",
                  obj_val(val_type(item)));
        return false;
    }
    if (!rt_int_as_i64(item, cpu)) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C long");
        return false;
    }
    if (*cpu < 0) {
        rt_raisef(&rt_ValueError, "negative CPU number");
        return false;
    }
    if (*cpu > INT_MAX - 1) {
        rt_raisef(&rt_OverflowError, "CPU number too large");
        return false;
    }
    return true;
}

/* sched_setaffinity(pid, mask, /): mask is an iterable of CPU numbers. */
static Value posix_sched_setaffinity(Value *args, size_t nargs, Value kwnames)
{
    pid_t pid;
    if (!rt_arg_nokw("sched_setaffinity", kwnames) ||
        !rt_arg_count("sched_setaffinity", nargs, 2, 2) || !mod_posix_pid(args[0], &pid))
        return VAL_NULL;
    Value it = rt_iter(args[1]);
    if (it == VAL_NULL)
        return VAL_NULL;
    int ncpus = CPU_SETSIZE;
    size_t size = CPU_ALLOC_SIZE(ncpus);
    cpu_set_t *set = gc_alloc_atomic(size);
    CPU_ZERO_S(size, set);
    for (Value item; (item = rt_next(it)) != VAL_NULL;) {
        int64_t cpu;
        if (!cpu_number(item, &cpu))
            return VAL_NULL;
        if (cpu >= MAX_CPUS)        /* beyond any kernel's CPUs: it would ignore the bit */
            continue;
        while (cpu >= ncpus) {
            int grown = ncpus * 2;
            size_t grown_size = CPU_ALLOC_SIZE(grown);
            cpu_set_t *bigger = gc_alloc_atomic(grown_size);
            CPU_ZERO_S(grown_size, bigger);
            memcpy(bigger, set, size);
            set = bigger, size = grown_size, ncpus = grown;
        }
        CPU_SET_S((int)cpu, size, set);
    }
    if (rt_err_occurred())
        return VAL_NULL;
    return sched_setaffinity(pid, size, set) < 0 ? mod_posix_error() : rt_None;
}

const MethodDef mod_posix_sched_functions[] = {
    {"sched_get_priority_min", posix_sched_get_priority_min},
    {"sched_get_priority_max", posix_sched_get_priority_max},
    {"sched_getscheduler", posix_sched_getscheduler},
    {"sched_setscheduler", posix_sched_setscheduler},
    {"sched_getparam", posix_sched_getparam}, {"sched_setparam", posix_sched_setparam},
    {"sched_rr_get_interval", posix_sched_rr_get_interval},
    {"sched_yield", posix_sched_yield},
    {"sched_getaffinity", posix_sched_getaffinity},
    {"sched_setaffinity", posix_sched_setaffinity},
    {NULL, NULL},
};

void mod_posix_sched_init(Value m)
{
    param_type = rt_structseq_type_new(&param_desc);
    param_type->new_ = sched_param_new;
    mod_module_set(m, "sched_param", obj_val(param_type));
}
