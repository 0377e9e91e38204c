/*
 * time.c — the time module's clocks (time, perf_counter, monotonic,
 * process_time and their _ns forms), sleep, and the basics of local time
 * (localtime/gmtime as time.struct_time, strftime, ctime, asctime).
 */
#include <errno.h>
#include <math.h>
#include <time.h>
#include "runtime/structseq.h"
#include "modules/modutil.h"
#include "vm/thread.h"
#include "vm/vm.h"

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static Value clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return rt_int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

#define CLOCK(name, id)                                                            \
    static Value tm_##name(Value *a, size_t n, Value kw)                          \
    { return rt_arg_none(#name, n, kw) ? rt_float_new(clock_s(id)) : VAL_NULL; }  \
    static Value tm_##name##_ns(Value *a, size_t n, Value kw)                     \
    { return rt_arg_none(#name "_ns", n, kw) ? clock_ns(id) : VAL_NULL; }
CLOCK(time, CLOCK_REALTIME)
CLOCK(perf_counter, CLOCK_MONOTONIC)
CLOCK(monotonic, CLOCK_MONOTONIC)
CLOCK(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK(thread_time, CLOCK_THREAD_CPUTIME_ID)

static Value tm_sleep(Value *args, size_t nargs, Value kw)
{
    double s;
    if (!rt_arg_one("sleep", nargs, kw) || !mod_as_double(args[0], &s))
        return VAL_NULL;
    if (s < 0)
        return rt_raisef(&rt_ValueError, "sleep length must be non-negative");
    if (!rt_stdout_flush())
        return VAL_NULL;
    struct timespec ts = { (time_t)s, (long)((s - floor(s)) * 1e9) };
    /* Ctrl-C ends the sleep with KeyboardInterrupt, as in CPython: the
     * signal interrupts nanosleep (EINTR), or arrived just before it.
     * Other threads run meanwhile. */
    if (!vm_check_interrupt())
        return VAL_NULL;
    vm_release_lock();
    if (!vm_blocking_retry())
        return VAL_NULL;
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        if (!vm_blocking_retry())
            return VAL_NULL;
    vm_reacquire_lock();
    return rt_None;
}

/* time.struct_time: a struct sequence of 9 items, plus tm_zone and
 * tm_gmtoff as attributes only. */
static const char *const struct_time_fields[] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
    "tm_isdst", "tm_zone", "tm_gmtoff",
};
static const RtStructSeqDesc struct_time_desc = { "time.struct_time", struct_time_fields,
                                                  11, 9, true };
static ObjType *struct_time_type;

static Value tm_tuple(const struct tm *t)
{
    Value items[11] = {
        small_new(t->tm_year + 1900), small_new(t->tm_mon + 1), small_new(t->tm_mday),
        small_new(t->tm_hour), small_new(t->tm_min), small_new(t->tm_sec),
        small_new((t->tm_wday + 6) % 7), small_new(t->tm_yday + 1), small_new(t->tm_isdst),
        rt_str_from_cstr(t->tm_zone ? t->tm_zone : ""), rt_int_from_i64(t->tm_gmtoff),
    };
    return rt_structseq_new(struct_time_type, items);
}

static bool get_time_t(Value *args, size_t nargs, time_t *out)
{
    if (nargs == 0 || args[0] == rt_None) {
        *out = time(NULL);
        return true;
    }
    double d;
    if (!mod_as_double(args[0], &d))
        return false;
    *out = (time_t)floor(d);
    return true;
}

static Value tm_localtime(Value *args, size_t nargs, Value kw)
{
    time_t t;
    struct tm tmv;
    if (!rt_arg_range("localtime", nargs, 0, 1) || !get_time_t(args, nargs, &t))
        return VAL_NULL;
    localtime_r(&t, &tmv);
    return tm_tuple(&tmv);
}

static Value tm_gmtime(Value *args, size_t nargs, Value kw)
{
    time_t t;
    struct tm tmv;
    if (!rt_arg_range("gmtime", nargs, 0, 1) || !get_time_t(args, nargs, &t))
        return VAL_NULL;
    gmtime_r(&t, &tmv);
    return tm_tuple(&tmv);
}

static bool from_tuple(Value tup, struct tm *t)
{
    Value s = rt_sequence_to_tuple(tup);
    if (s == VAL_NULL)
        return false;
    if (rt_tuple_len(s) != 9) {
        rt_raisef(&rt_TypeError, "time.struct_time() takes a 9-sequence (%zu-sequence given)",
                  rt_tuple_len(s));
        return false;
    }
    ssize_t f[9];
    for (int i = 0; i < 9; i++)
        if (!rt_as_ssize(rt_tuple_get(s, i), &f[i]))
            return false;
    t->tm_year = (int)f[0] - 1900;
    t->tm_mon = (int)f[1] - 1;
    t->tm_mday = (int)f[2];
    t->tm_hour = (int)f[3];
    t->tm_min = (int)f[4];
    t->tm_sec = (int)f[5];
    t->tm_wday = (int)(f[6] + 1) % 7;
    t->tm_yday = (int)f[7] - 1;
    t->tm_isdst = (int)f[8];
    return true;
}

static Value tm_strftime(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range("strftime", nargs, 1, 2))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "strftime() argument 1 must be str, not %T", args[0]);
    struct tm t;
    if (nargs == 2) {
        if (!from_tuple(args[1], &t))
            return VAL_NULL;
    } else {
        time_t now = time(NULL);
        localtime_r(&now, &t);
    }
    char buf[1024];
    size_t n = strftime(buf, sizeof buf, rt_str_cstr(args[0]), &t);
    return rt_str_new(buf, n);
}

static Value tm_mktime(Value *args, size_t nargs, Value kw)
{
    struct tm t;
    if (!rt_arg_one("mktime", nargs, kw) || !from_tuple(args[0], &t))
        return VAL_NULL;
    return rt_float_new((double)mktime(&t));
}

static Value tm_ctime(Value *args, size_t nargs, Value kw)
{
    time_t t;
    struct tm tmv;
    if (!rt_arg_range("ctime", nargs, 0, 1) || !get_time_t(args, nargs, &t))
        return VAL_NULL;
    localtime_r(&t, &tmv);
    char buf[64];
    size_t n = strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tmv);
    return rt_str_new(buf, n);
}

static const MethodDef time_functions[] = {
    {"time", tm_time}, {"time_ns", tm_time_ns}, {"perf_counter", tm_perf_counter},
    {"perf_counter_ns", tm_perf_counter_ns}, {"monotonic", tm_monotonic},
    {"monotonic_ns", tm_monotonic_ns}, {"process_time", tm_process_time},
    {"process_time_ns", tm_process_time_ns}, {"thread_time", tm_thread_time},
    {"thread_time_ns", tm_thread_time_ns}, {"sleep", tm_sleep},
    {"localtime", tm_localtime}, {"gmtime", tm_gmtime}, {"strftime", tm_strftime},
    {"mktime", tm_mktime}, {"ctime", tm_ctime},
    {NULL, NULL}
};

Value mod_time_init(void)
{
    Value m = mod_module_new("time", time_functions);
    struct_time_type = rt_structseq_type_new(&struct_time_desc);
    mod_module_set(m, "struct_time", obj_val(struct_time_type));
    tzset();
    mod_module_set(m, "timezone", small_new(timezone));
    return m;
}
