/*
 * time.c — the `time` module, CPython 3.11's Modules/timemodule.c for
 * Linux: the clocks (time, perf_counter, monotonic, process_time,
 * thread_time, clock_gettime... and their _ns forms, get_clock_info),
 * sleep, and calendar time (struct_time, localtime/gmtime/mktime,
 * strftime/asctime/ctime, the time zone: tzname, timezone, altzone,
 * daylight, tzset).  strptime is Lib/_strptime.py's, as in CPython.
 *
 * Time arguments are converted as CPython converts them: a float is
 * floored (NaN is a ValueError), anything else must be an int or have
 * __index__; a time tuple is a tuple (or struct_time) of 9 ints, checked
 * field by field with CPython's messages before strftime/asctime read it.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "runtime/structseq.h"
#include "modules/modutil.h"
#include "runtime/version.h"
#include "modules/posix.h"
#include "vm/thread.h"
#include "vm/vm.h"

/* ---- clocks ------------------------------------------------------------------- */

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

/* Each clock function, its _ns twin and its get_clock_info() answer. */
#define CLOCKS(X)                                                   \
    X(time, CLOCK_REALTIME, "CLOCK_REALTIME", false, true)          \
    X(perf_counter, CLOCK_MONOTONIC, "CLOCK_MONOTONIC", true, false) \
    X(monotonic, CLOCK_MONOTONIC, "CLOCK_MONOTONIC", true, false)   \
    X(process_time, CLOCK_PROCESS_CPUTIME_ID, "CLOCK_PROCESS_CPUTIME_ID", true, false) \
    X(thread_time, CLOCK_THREAD_CPUTIME_ID, "CLOCK_THREAD_CPUTIME_ID", true, false)

#define CLOCK_FUNCTIONS(name, id, idname, mono, adjust)                            \
    static Value tm_##name(Value *a, size_t n, Value kw)                          \
    { return rt_arg_none(#name, n, kw) ? rt_float_new(clock_s(id)) : VAL_NULL; }  \
    static Value tm_##name##_ns(Value *a, size_t n, Value kw)                     \
    { return rt_arg_none(#name "_ns", n, kw) ? clock_ns(id) : VAL_NULL; }
CLOCKS(CLOCK_FUNCTIONS)

typedef struct ClockInfo {
    const char *name, *id_name;
    clockid_t id;
    bool monotonic, adjustable;
} ClockInfo;

static const ClockInfo clock_infos[] = {
#define CLOCK_INFO(name, id, idname, mono, adjust) { #name, idname, id, mono, adjust },
    CLOCKS(CLOCK_INFO)
#undef CLOCK_INFO
};

/* get_clock_info(name) -> namespace(implementation, monotonic, adjustable, resolution) */
static Value tm_get_clock_info(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("get_clock_info", nargs, kw))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "get_clock_info() argument must be str, not %T",
                         args[0]);
    const char *name = rt_str_cstr(args[0]);
    for (size_t i = 0; i < sizeof clock_infos / sizeof clock_infos[0]; i++) {
        const ClockInfo *c = &clock_infos[i];
        if (strcmp(c->name, name) != 0)
            continue;
        struct timespec res;
        clock_getres(c->id, &res);
        Value d = rt_dict_new();
        rt_dict_set_cstr(d, "implementation",
                         rt_str_format_c("clock_gettime(%s)", c->id_name));
        rt_dict_set_cstr(d, "monotonic", rt_bool(c->monotonic));
        rt_dict_set_cstr(d, "adjustable", rt_bool(c->adjustable));
        rt_dict_set_cstr(d, "resolution",
                         rt_float_new((double)res.tv_sec + (double)res.tv_nsec * 1e-9));
        return rt_namespace_new(d);
    }
    return rt_raisef(&rt_ValueError, "unknown clock");
}

static bool clockid_arg(Value v, clockid_t *id)
{
    if (rt_py_minor >= 13 && !rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "clk_id should be integer, not %s", val_type(v)->name);
        return false;
    }
    Value i = rt_index(v);
    int n;
    if (i == VAL_NULL || !rt_int_as_int(i, &n))
        return false;
    *id = (clockid_t)n;
    return true;
}

static Value tm_clock_gettime(Value *args, size_t nargs, Value kw)
{
    clockid_t id;
    struct timespec ts;
    if (!rt_arg_one("clock_gettime", nargs, kw) || !clockid_arg(args[0], &id))
        return VAL_NULL;
    if (clock_gettime(id, &ts) != 0)
        return mod_posix_error();
    return rt_float_new((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static Value tm_clock_gettime_ns(Value *args, size_t nargs, Value kw)
{
    clockid_t id;
    struct timespec ts;
    if (!rt_arg_one("clock_gettime_ns", nargs, kw) || !clockid_arg(args[0], &id))
        return VAL_NULL;
    if (clock_gettime(id, &ts) != 0)
        return mod_posix_error();
    return rt_int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

static Value tm_clock_getres(Value *args, size_t nargs, Value kw)
{
    clockid_t id;
    struct timespec ts;
    if (!rt_arg_one("clock_getres", nargs, kw) || !clockid_arg(args[0], &id))
        return VAL_NULL;
    if (clock_getres(id, &ts) != 0)
        return mod_posix_error();
    return rt_float_new((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static Value settime(clockid_t id, struct timespec ts)
{
    if (clock_settime(id, &ts) != 0)
        return mod_posix_error();
    return rt_None;
}

static Value tm_clock_settime(Value *args, size_t nargs, Value kw)
{
    clockid_t id;
    double s;
    if (!rt_arg_range("clock_settime", nargs, 2, 2) || !clockid_arg(args[0], &id) ||
        !mod_as_double(args[1], &s))
        return VAL_NULL;
    return settime(id, (struct timespec){ (time_t)floor(s), (long)((s - floor(s)) * 1e9) });
}

static Value tm_clock_settime_ns(Value *args, size_t nargs, Value kw)
{
    clockid_t id;
    int64_t ns;
    Value i = nargs == 2 ? rt_index(args[1]) : VAL_NULL;
    if (!rt_arg_range("clock_settime_ns", nargs, 2, 2) || !clockid_arg(args[0], &id) ||
        i == VAL_NULL || !rt_int_as_i64(i, &ns))
        return VAL_NULL;
    int64_t sec = ns / 1000000000, rem = ns % 1000000000;
    if (rem < 0) {
        sec--;
        rem += 1000000000;
    }
    return settime(id, (struct timespec){ (time_t)sec, (long)rem });
}

static Value tm_pthread_getcpuclockid(Value *args, size_t nargs, Value kw)
{
    uint64_t thread;
    clockid_t id;
    Value i = nargs == 1 ? rt_index(args[0]) : VAL_NULL;
    if (!rt_arg_one("pthread_getcpuclockid", nargs, kw) || i == VAL_NULL ||
        !rt_int_as_u64(i, &thread))
        return VAL_NULL;
    int err = pthread_getcpuclockid((pthread_t)thread, &id);
    if (err != 0) {
        errno = err;
        return mod_posix_error();
    }
    return small_new(id);
}

/* ---- sleep --------------------------------------------------------------------- */

static Value tm_sleep(Value *args, size_t nargs, Value kw)
{
    int64_t ns;
    if (!rt_arg_one("sleep", nargs, kw) || !mod_timeout_ns(args[0], &ns))
        return VAL_NULL;
    if (ns < 0)
        return rt_raisef(&rt_ValueError, "sleep length must be non-negative");
    struct timespec ts = { (time_t)(ns / 1000000000), (long)(ns % 1000000000) };
    /* A signal ends the sleep early (EINTR) or arrived just before it: its
     * handler runs; if it raises (Ctrl-C: KeyboardInterrupt), sleep raises
     * it, else the sleep goes on for the time left (PEP 475).  Other
     * threads run meanwhile. */
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

/* ---- calendar time ------------------------------------------------------------ */

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
        rt_int_from_i64((int64_t)t->tm_year + 1900), small_new(t->tm_mon + 1),
        small_new(t->tm_mday), small_new(t->tm_hour), small_new(t->tm_min),
        small_new(t->tm_sec), small_new((t->tm_wday + 6) % 7), small_new(t->tm_yday + 1),
        small_new(t->tm_isdst),
        t->tm_zone ? rt_str_from_cstr(t->tm_zone) : rt_None, rt_int_from_i64(t->tm_gmtoff),
    };
    return rt_structseq_new(struct_time_type, items);
}

/* A timestamp argument as CPython's _PyTime_ObjectToTime_t (floor); None
 * or absent is now. */
static bool time_t_arg(Value *args, size_t nargs, time_t *out)
{
    if (nargs == 0 || args[0] == rt_None) {
        *out = time(NULL);
        return true;
    }
    Value v = args[0];
    if (is_float(v)) {
        double d = rt_float_value(v);
        if (isnan(d)) {
            rt_raisef(&rt_ValueError, "Invalid value NaN (not a number)");
            return false;
        }
        d = floor(d);
        if (!(d >= -9.2e18 && d <= 9.2e18)) {
            rt_raisef(&rt_OverflowError, "timestamp out of range for platform time_t");
            return false;
        }
        *out = (time_t)d;
        return true;
    }
    Value i = rt_index(v);
    int64_t n;
    if (i == VAL_NULL)
        return false;
    if (!rt_int_as_i64(i, &n)) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "timestamp out of range for platform time_t");
        return false;
    }
    *out = (time_t)n;
    return true;
}

typedef struct tm *(*Converter)(const time_t *, struct tm *);

static Value broken_down(const char *fname, Converter conv, Value *args, size_t nargs)
{
    time_t t;
    struct tm tmv;
    if (!rt_arg_range(fname, nargs, 0, 1) || !time_t_arg(args, nargs, &t))
        return VAL_NULL;
    errno = 0;
    if (conv(&t, &tmv) == NULL) {
        if (errno == 0)
            errno = EINVAL;
        return mod_posix_error();
    }
    return tm_tuple(&tmv);
}

static Value tm_localtime(Value *args, size_t nargs, Value kw)
{
    return broken_down("localtime", localtime_r, args, nargs);
}

static Value tm_gmtime(Value *args, size_t nargs, Value kw)
{
    return broken_down("gmtime", gmtime_r, args, nargs);
}

/* CPython's gettmarg: a tuple of 9 ints (format "iiiiiiiii;<msg>") into a
 * struct tm; a struct_time also gives its tm_zone and tm_gmtoff. */
static bool tuple_arg(Value v, struct tm *t, const char *msg)
{
    if (!rt_isinstance_of(v, &rt_tuple_type)) {
        rt_raisef(&rt_TypeError, "Tuple or struct_time argument required");
        return false;
    }
    if (AS_TUPLE(v)->length != 9) {
        rt_raisef(&rt_TypeError, "%s", msg);
        return false;
    }
    int f[9];
    for (int i = 0; i < 9; i++) {
        Value x = AS_TUPLE(v)->items[i];
        if (is_float(x)) {
            rt_raisef(&rt_TypeError, "'float' object cannot be interpreted as an integer");
            return false;
        }
        Value n = rt_index(x);
        if (n == VAL_NULL || !rt_int_as_int(n, &f[i]))
            return false;
    }
    memset(t, 0, sizeof *t);
    if (f[0] < INT_MIN + 1900) {
        rt_raisef(&rt_OverflowError, "year out of range");
        return false;
    }
    t->tm_year = f[0] - 1900;
    t->tm_mon = f[1] - 1;
    t->tm_mday = f[2];
    t->tm_hour = f[3];
    t->tm_min = f[4];
    t->tm_sec = f[5];
    t->tm_wday = (f[6] + 1) % 7;
    t->tm_yday = f[7] - 1;
    t->tm_isdst = f[8];
    if (val_type(v) == struct_time_type) {
        Value zone = AS_TUPLE(v)->items[9], off = AS_TUPLE(v)->items[10];
        int64_t o;
        t->tm_zone = rt_is_str(zone) ? rt_str_cstr(zone) : NULL;
        if (is_int(off) && rt_int_as_i64(off, &o))
            t->tm_gmtoff = (long)o;
        rt_err_clear();
    }
    return true;
}

/* CPython's checktm: the ranges strftime and asctime may index tables by
 * (0 in tm_mon, tm_mday, tm_yday means the lowest valid value). */
static bool check_tm(struct tm *t)
{
    const char *bad = NULL;
    if (t->tm_mon == -1)
        t->tm_mon = 0;
    else if (t->tm_mon < 0 || t->tm_mon > 11)
        bad = "month out of range";
    if (bad == NULL && t->tm_mday == 0)
        t->tm_mday = 1;
    else if (bad == NULL && (t->tm_mday < 0 || t->tm_mday > 31))
        bad = "day of month out of range";
    if (bad == NULL && (t->tm_hour < 0 || t->tm_hour > 23))
        bad = "hour out of range";
    if (bad == NULL && (t->tm_min < 0 || t->tm_min > 59))
        bad = "minute out of range";
    if (bad == NULL && (t->tm_sec < 0 || t->tm_sec > 61))
        bad = "seconds out of range";
    if (bad == NULL && t->tm_wday < 0)
        bad = "day of week out of range";
    if (bad == NULL && t->tm_yday == -1)
        t->tm_yday = 0;
    else if (bad == NULL && (t->tm_yday < 0 || t->tm_yday > 365))
        bad = "day of year out of range";
    if (bad != NULL)
        rt_raisef(&rt_ValueError, "%s", bad);
    return bad == NULL;
}

/* The time tuple argument of strftime/asctime: args[i], or local now. */
static bool checked_tm(const char *fname, Value *args, size_t nargs, size_t i, struct tm *t)
{
    if (nargs <= i) {
        time_t now = time(NULL);
        localtime_r(&now, t);
        return true;
    }
    char msg[64];
    snprintf(msg, sizeof msg, "%s(): illegal time tuple argument", fname);
    return tuple_arg(args[i], t, msg) && check_tm(t);
}

/* strftime of a format with no NUL (fmt[len] is NUL or the end of a
 * piece), its result in *n bytes.  As CPython: a growing buffer, until the
 * result fits or the buffer is 256 times the format (then the result is
 * taken to be empty). */
static const char *strftime_piece(const char *fmt, size_t len, const struct tm *t, size_t *n)
{
    if (len == 0) {
        *n = 0;
        return "";
    }
    char *piece = gc_alloc_atomic(len + 1);
    memcpy(piece, fmt, len);
    piece[len] = '\0';
    for (size_t cap = 1024;; cap *= 2) {
        char *buf = gc_alloc_atomic(cap);
        *n = strftime(buf, cap, piece, t);
        if (*n > 0 || cap >= 256 * len)
            return buf;
    }
}

static Value tm_strftime(Value *args, size_t nargs, Value kw)
{
    struct tm t;
    if (!rt_arg_nokw("strftime", kw) || !rt_arg_range("strftime", nargs, 1, 2))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "strftime() argument 1 must be str, not %T", args[0]);
    if (!checked_tm("strftime", args, nargs, 1, &t))
        return VAL_NULL;
    if (t.tm_isdst < -1)
        t.tm_isdst = -1;
    else if (t.tm_isdst > 1)
        t.tm_isdst = 1;
    size_t fmtlen;
    const char *fmt = mod_posix_fsencode(args[0], &fmtlen);
    if (fmt == NULL)
        return VAL_NULL;
    if (memchr(fmt, '\0', fmtlen) != NULL && rt_py_minor < 14)
        return rt_raisef(&rt_ValueError, "embedded null character");
    /* 3.14 formats the pieces between NULs one by one and keeps the NULs. */
    char *out = gc_alloc_atomic(1);
    size_t outlen = 0;
    for (size_t start = 0; start <= fmtlen;) {
        const char *nul = memchr(fmt + start, '\0', fmtlen - start);
        size_t len = nul != NULL ? (size_t)(nul - (fmt + start)) : fmtlen - start;
        size_t n;
        const char *piece = strftime_piece(fmt + start, len, &t, &n);
        char *grown = gc_alloc_atomic(outlen + n + 2);
        memcpy(grown, out, outlen);
        memcpy(grown + outlen, piece, n);
        out = grown;
        outlen += n;
        if (nul == NULL)
            break;
        out[outlen++] = '\0';
        start += len + 1;
    }
    return mod_posix_name(out, outlen, false);
}

static Value tm_strptime(Value *args, size_t nargs, Value kw)
{
    Value mod = mod_import("_strptime");
    if (mod == VAL_NULL)
        return VAL_NULL;
    Value fn = rt_getattr_cstr(mod, "_strptime_time");
    return fn == VAL_NULL ? VAL_NULL : rt_call(fn, args, nargs, kw);
}

/* "Thu Jan  1 00:00:00 1970", CPython's _asctime. */
static Value asctime_of(const struct tm *t)
{
    static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %lld", days[t->tm_wday],
                     months[t->tm_mon], t->tm_mday, t->tm_hour, t->tm_min, t->tm_sec,
                     1900LL + t->tm_year);
    return rt_str_new(buf, (size_t)n);
}

static Value tm_asctime(Value *args, size_t nargs, Value kw)
{
    struct tm t;
    if (!rt_arg_range("asctime", nargs, 0, 1) || !checked_tm("asctime", args, nargs, 0, &t))
        return VAL_NULL;
    return asctime_of(&t);
}

static Value tm_ctime(Value *args, size_t nargs, Value kw)
{
    time_t t;
    struct tm tmv;
    if (!rt_arg_range("ctime", nargs, 0, 1) || !time_t_arg(args, nargs, &t))
        return VAL_NULL;
    errno = 0;
    if (localtime_r(&t, &tmv) == NULL) {
        if (errno == 0)
            errno = EINVAL;
        return mod_posix_error();
    }
    return asctime_of(&tmv);
}

static Value tm_mktime(Value *args, size_t nargs, Value kw)
{
    struct tm t;
    if (!rt_arg_one("mktime", nargs, kw) ||
        !tuple_arg(args[0], &t, "mktime(): illegal time tuple argument"))
        return VAL_NULL;
    t.tm_wday = -1;                 /* mktime sets it on success: -1 is "failed" */
    time_t r = mktime(&t);
    if (r == (time_t)-1 && t.tm_wday == -1)
        return rt_raisef(&rt_OverflowError, "mktime argument out of range");
    return rt_float_new((double)r);
}

/* ---- the time zone --------------------------------------------------------------- */

static Value time_module;

/* CPython's init_timezone: the offsets of January and July of this year
 * (which is standard time depends on the hemisphere). */
static void set_timezone(Value m)
{
    static const time_t year = (365 * 24 + 6) * 3600;
    time_t t = (time(NULL) / year) * year;
    struct tm jan, jul;
    localtime_r(&t, &jan);
    t += year / 2;
    localtime_r(&t, &jul);
    long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
    Value janname = rt_str_from_cstr(jan.tm_zone ? jan.tm_zone : "");
    Value julname = rt_str_from_cstr(jul.tm_zone ? jul.tm_zone : "");
    bool south = janzone < julzone;
    mod_module_set(m, "timezone", rt_int_from_i64(south ? julzone : janzone));
    mod_module_set(m, "altzone", rt_int_from_i64(south ? janzone : julzone));
    mod_module_set(m, "daylight", small_new(janzone != julzone));
    mod_module_set(m, "tzname", south ? rt_tuple_pack(2, julname, janname)
                                      : rt_tuple_pack(2, janname, julname));
}

static Value tm_tzset(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("tzset", nargs, kw))
        return VAL_NULL;
    tzset();
    set_timezone(time_module);
    return rt_None;
}

/* ---- the module ------------------------------------------------------------------- */

static const MethodDef time_functions[] = {
    {"time", tm_time}, {"time_ns", tm_time_ns}, {"perf_counter", tm_perf_counter},
    {"perf_counter_ns", tm_perf_counter_ns}, {"monotonic", tm_monotonic},
    {"monotonic_ns", tm_monotonic_ns}, {"process_time", tm_process_time},
    {"process_time_ns", tm_process_time_ns}, {"thread_time", tm_thread_time},
    {"thread_time_ns", tm_thread_time_ns}, {"get_clock_info", tm_get_clock_info},
    {"clock_gettime", tm_clock_gettime}, {"clock_gettime_ns", tm_clock_gettime_ns},
    {"clock_getres", tm_clock_getres}, {"clock_settime", tm_clock_settime},
    {"clock_settime_ns", tm_clock_settime_ns},
    {"pthread_getcpuclockid", tm_pthread_getcpuclockid}, {"sleep", tm_sleep},
    {"localtime", tm_localtime}, {"gmtime", tm_gmtime}, {"mktime", tm_mktime},
    {"strftime", tm_strftime}, {"strptime", tm_strptime}, {"asctime", tm_asctime},
    {"ctime", tm_ctime}, {"tzset", tm_tzset},
    {NULL, NULL}
};

#define CLOCK_IDS(X)                                                          \
    X(CLOCK_BOOTTIME) X(CLOCK_MONOTONIC) X(CLOCK_MONOTONIC_RAW)               \
    X(CLOCK_PROCESS_CPUTIME_ID) X(CLOCK_REALTIME) X(CLOCK_TAI)                \
    X(CLOCK_THREAD_CPUTIME_ID)

Value mod_time_init(void)
{
    Value m = mod_module_new("time", time_functions);
    if (struct_time_type == NULL)
        struct_time_type = rt_structseq_type_new(&struct_time_desc);
    mod_module_set(m, "struct_time", obj_val(struct_time_type));
    mod_module_set(m, "_STRUCT_TM_ITEMS", small_new(11));  /* with tm_zone, tm_gmtoff */
#define SET_CLOCK_ID(name) mod_module_set(m, #name, small_new(name));
    CLOCK_IDS(SET_CLOCK_ID)
#undef SET_CLOCK_ID
    tzset();
    set_timezone(m);
    time_module = m;
    return m;
}
