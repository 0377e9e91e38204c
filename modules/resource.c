/*
 * resource.c — the `resource` module: resource limits (getrlimit,
 * setrlimit, prlimit), usage (getrusage as resource.struct_rusage) and the
 * page size, CPython's Modules/resource.c for Linux.  RLIM_INFINITY is -1,
 * as CPython shows it.
 */
#define _GNU_SOURCE             /* prlimit */
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>
#include "runtime/structseq.h"
#include "modules/modutil.h"
#include "modules/posix.h"

static const char *const rusage_fields[] = {
    "ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt",
    "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv",
    "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
};
static const RtStructSeqDesc rusage_desc = { "resource.struct_rusage", rusage_fields,
                                             16, 16, true };
static ObjType *rusage_type;

static bool c_int(Value v, int *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && rt_int_as_int(i, out);
}

static bool resource_arg(Value v, int *r)
{
    if (!c_int(v, r))
        return false;
    if (*r < 0 || *r >= RLIM_NLIMITS) {
        rt_raisef(&rt_ValueError, "invalid resource specified");
        return false;
    }
    return true;
}

static Value limit_value(rlim_t v)
{
    return v == RLIM_INFINITY ? small_new(-1) : rt_int_from_i64((int64_t)v);
}

static Value limits_tuple(const struct rlimit *rl)
{
    return rt_tuple_pack(2, limit_value(rl->rlim_cur), limit_value(rl->rlim_max));
}

static bool one_limit(Value v, rlim_t *out)
{
    Value i = rt_index(v);
    int64_t n;
    if (i == VAL_NULL || !rt_int_as_i64(i, &n))
        return false;
    *out = n < 0 ? RLIM_INFINITY : (rlim_t)n;
    return true;
}

/* (soft, hard) from any iterable of two integers. */
static bool limits_arg(Value v, struct rlimit *rl)
{
    Value it = rt_iter(v);
    if (it == VAL_NULL)
        return false;
    Value items = rt_list_new(0);
    for (Value x; (x = rt_next(it)) != VAL_NULL;)
        rt_list_append(items, x);
    if (rt_err_occurred())
        return false;
    if (AS_LIST(items)->length != 2) {
        rt_raisef(&rt_ValueError, "expected a tuple of 2 integers");
        return false;
    }
    return one_limit(AS_LIST(items)->items[0], &rl->rlim_cur) &&
           one_limit(AS_LIST(items)->items[1], &rl->rlim_max);
}

/* setrlimit's and prlimit's errors, as CPython words them. */
static Value limit_error(void)
{
    if (errno == EINVAL)
        return rt_raisef(&rt_ValueError, "current limit exceeds maximum limit");
    if (errno == EPERM)
        return rt_raisef(&rt_ValueError, "not allowed to raise maximum limit");
    return mod_posix_error();
}

static Value rs_getrlimit(Value *args, size_t nargs, Value kw)
{
    int r;
    struct rlimit rl;
    if (!rt_arg_one("getrlimit", nargs, kw) || !resource_arg(args[0], &r))
        return VAL_NULL;
    if (getrlimit(r, &rl) != 0)
        return mod_posix_error();
    return limits_tuple(&rl);
}

static Value rs_setrlimit(Value *args, size_t nargs, Value kw)
{
    int r;
    struct rlimit rl;
    if (!rt_arg_range("setrlimit", nargs, 2, 2) || !resource_arg(args[0], &r) ||
        !limits_arg(args[1], &rl))
        return VAL_NULL;
    if (setrlimit(r, &rl) != 0)
        return limit_error();
    return rt_None;
}

/* prlimit(pid, resource[, limits]) -> the previous limits */
static Value rs_prlimit(Value *args, size_t nargs, Value kw)
{
    int pid, r;
    struct rlimit rl, old;
    if (!rt_arg_nokw("prlimit", kw) || !rt_arg_count("prlimit", nargs, 2, 3) ||
        !c_int(args[0], &pid) || !resource_arg(args[1], &r) ||
        (nargs == 3 && !limits_arg(args[2], &rl)))
        return VAL_NULL;
    if (prlimit(pid, r, nargs == 3 ? &rl : NULL, &old) != 0)
        return limit_error();
    return limits_tuple(&old);
}

Value mod_resource_rusage(const struct rusage *r)
{
    const struct rusage ru = *r;
    if (rusage_type == NULL)
        rusage_type = rt_structseq_type_new(&rusage_desc);
    Value items[16] = {
        rt_float_new((double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 0.000001),
        rt_float_new((double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 0.000001),
        rt_int_from_i64(ru.ru_maxrss), rt_int_from_i64(ru.ru_ixrss),
        rt_int_from_i64(ru.ru_idrss), rt_int_from_i64(ru.ru_isrss),
        rt_int_from_i64(ru.ru_minflt), rt_int_from_i64(ru.ru_majflt),
        rt_int_from_i64(ru.ru_nswap), rt_int_from_i64(ru.ru_inblock),
        rt_int_from_i64(ru.ru_oublock), rt_int_from_i64(ru.ru_msgsnd),
        rt_int_from_i64(ru.ru_msgrcv), rt_int_from_i64(ru.ru_nsignals),
        rt_int_from_i64(ru.ru_nvcsw), rt_int_from_i64(ru.ru_nivcsw),
    };
    return rt_structseq_new(rusage_type, items);
}

static Value rs_getrusage(Value *args, size_t nargs, Value kw)
{
    int who;
    struct rusage ru;
    if (!rt_arg_one("getrusage", nargs, kw) || !c_int(args[0], &who))
        return VAL_NULL;
    if (getrusage(who, &ru) != 0) {
        if (errno == EINVAL)
            return rt_raisef(&rt_ValueError, "invalid who parameter");
        return mod_posix_error();
    }
    return mod_resource_rusage(&ru);
}

static Value rs_getpagesize(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("getpagesize", nargs, kw))
        return VAL_NULL;
    return rt_int_from_i64(sysconf(_SC_PAGESIZE));
}

static const MethodDef resource_functions[] = {
    {"getrlimit", rs_getrlimit}, {"setrlimit", rs_setrlimit}, {"prlimit", rs_prlimit},
    {"getrusage", rs_getrusage}, {"getpagesize", rs_getpagesize}, {NULL, NULL}
};

#define RESOURCE_CONSTANTS(X)                                                       \
    X(RLIMIT_AS) X(RLIMIT_CORE) X(RLIMIT_CPU) X(RLIMIT_DATA) X(RLIMIT_FSIZE)         \
    X(RLIMIT_MEMLOCK) X(RLIMIT_MSGQUEUE) X(RLIMIT_NICE) X(RLIMIT_NOFILE)             \
    X(RLIMIT_NPROC) X(RLIMIT_OFILE) X(RLIMIT_RSS) X(RLIMIT_RTPRIO) X(RLIMIT_RTTIME)  \
    X(RLIMIT_SIGPENDING) X(RLIMIT_STACK) X(RUSAGE_CHILDREN) X(RUSAGE_SELF)           \
    X(RUSAGE_THREAD)

Value mod_resource_init(void)
{
    Value m = mod_module_new("resource", resource_functions);
#define SET_CONSTANT(name) mod_module_set(m, #name, small_new(name));
    RESOURCE_CONSTANTS(SET_CONSTANT)
#undef SET_CONSTANT
    mod_module_set(m, "RLIM_INFINITY", small_new(-1));
    mod_module_set(m, "error", obj_val(&rt_OSError));
    if (rusage_type == NULL)
        rusage_type = rt_structseq_type_new(&rusage_desc);
    mod_module_set(m, "struct_rusage", obj_val(rusage_type));
    return m;
}
