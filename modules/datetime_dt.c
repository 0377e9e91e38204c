/*
 * datetime_dt.c — datetime.datetime: a date (its base class, whose layout
 * it extends) with a time of day, a tzinfo and a fold.
 *
 * Aware datetimes compare and subtract through their UTC offsets; two
 * with the same tzinfo object compare by their fields alone (CPython's
 * rule: "intra-zone" arithmetic ignores the offset).  PEP 495: an aware
 * datetime whose offset changes with fold (a time in a repeated or
 * skipped hour) is never equal to a datetime in another zone.
 */
#include <string.h>
#include <time.h>
#include "modules/datetime.h"
#include "runtime/version.h"


Value dt_datetime_new(ObjType *type, int year, int month, int day, int hour, int minute,
                      int second, int us, Value tzinfo, int fold)
{
    ObjDateTime *dt = rt_alloc_instance(type, sizeof *dt);
    dt->date.year = year;
    dt->date.month = month;
    dt->date.day = day;
    dt->hour = hour;
    dt->minute = minute;
    dt->second = second;
    dt->us = us;
    dt->tzinfo = tzinfo;
    dt->fold = fold;
    return obj_val(dt);
}

static bool check_all(int y, int mo, int d, int h, int mi, int s, int us, Value tzinfo, int fold)
{
    return dt_check_date(y, mo, d) && dt_check_time(h, mi, s, us, fold) &&
           dt_check_tzinfo(tzinfo);
}

Value dt_datetime_for_class(Value cls, int year, int month, int day, int hour, int minute,
                            int second, int us, Value tzinfo, int fold)
{
    if (AS_TYPE(cls) == &dt_datetime_type) {
        if (!check_all(year, month, day, hour, minute, second, us, tzinfo, fold))
            return VAL_NULL;
        return dt_datetime_new(&dt_datetime_type, year, month, day, hour, minute, second, us,
                               tzinfo, fold);
    }
    Value args = rt_tuple_pack(8, small_new(year), small_new(month), small_new(day),
                               small_new(hour), small_new(minute), small_new(second),
                               small_new(us), tzinfo);
    return dt_call_subclass(cls, args, fold);
}

static const char *const dt_arg_names[] = {
    "year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold",
};

static Value datetime_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    unsigned char st[10];
    if ((nargs == 1 || nargs == 2) && kwnames == VAL_NULL) {
        int r = dt_pickle_state(args[0], 10, 2, 0x7F, 1, 12, "datetime", st);
        if (r < 0)
            return VAL_NULL;
        Value tzinfo;
        if (r) {
            if (!dt_state_tzinfo(args, nargs, &tzinfo))
                return VAL_NULL;
            return dt_datetime_new(type, st[0] * 256 + st[1], st[2] & 0x7F, st[3], st[4], st[5],
                                   st[6], (st[7] << 16) | (st[8] << 8) | st[9], tzinfo,
                                   st[2] >> 7);
        }
    }
    static const ArgSpec spec = {NULL, dt_arg_names, 9, 0, 3, 8, false};
    Value v[9];
    int f[9];
    if (!dt_parse_int_args(&spec, args, nargs, kwnames, v))
        return VAL_NULL;
    for (int i = 0; i < 9; i++)
        if (i != 7 && !dt_int_arg(v[i], 0, &f[i]))
            return VAL_NULL;
    Value tzinfo = v[7] == VAL_NULL ? rt_None : v[7];
    if (!check_all(f[0], f[1], f[2], f[3], f[4], f[5], f[6], tzinfo, f[8]))
        return VAL_NULL;
    return dt_datetime_new(type, f[0], f[1], f[2], f[3], f[4], f[5], f[6], tzinfo, f[8]);
}

/* A copy of dt of the same type (not calling a subclass) with fold set. */
static Value with_fold(Value self, int fold)
{
    ObjDateTime *d = DT(self);
    return dt_datetime_new(val_type(self), d->date.year, d->date.month, d->date.day, d->hour,
                           d->minute, d->second, d->us, d->tzinfo, fold);
}

Value dt_datetime_utcoffset(Value dt)
{
    return dt_call_utcoffset(DT(dt)->tzinfo, dt);
}

/* ---- arithmetic -------------------------------------------------------------- */

static int64_t day_us(ObjDateTime *d)
{
    return ((int64_t)d->hour * 3600 + d->minute * 60 + d->second) * 1000000 + d->us;
}

Value dt_datetime_add_delta(Value dt, Value delta, int sign)
{
    ObjDateTime *d = DT(dt);
    ObjDelta *td = DELTA(delta);
    int64_t us = day_us(d) + sign * ((int64_t)td->seconds * 1000000 + td->us);
    int64_t days = dt_ymd_to_ord(d->date.year, d->date.month, d->date.day) +
                   (int64_t)sign * td->days;
    int64_t rem = us % 86400000000LL;
    days += us / 86400000000LL;
    if (rem < 0) {
        rem += 86400000000LL;
        days--;
    }
    if (days < 1 || days > DT_MAXORDINAL)
        return rt_raisef(&rt_OverflowError, "date value out of range");
    int y, m, dd;
    dt_ord_to_ymd((int)days, &y, &m, &dd);
    int secs = (int)(rem / 1000000);
    return dt_datetime_for_class(obj_val(val_type(dt)), y, m, dd, secs / 3600, secs / 60 % 60,
                                 secs % 60, (int)(rem % 1000000), d->tzinfo, 0);
}

Value dt_datetime_subtract(Value a, Value b)
{
    ObjDateTime *x = DT(a), *y = DT(b);
    Value oa = rt_None, ob = rt_None;
    if (x->tzinfo != y->tzinfo) {
        if ((oa = dt_datetime_utcoffset(a)) == VAL_NULL ||
            (ob = dt_datetime_utcoffset(b)) == VAL_NULL)
            return VAL_NULL;
        if ((oa == rt_None) != (ob == rt_None))
            return rt_raisef(&rt_TypeError,
                             "can't subtract offset-naive and offset-aware datetimes");
    }
    int64_t days = (int64_t)dt_ymd_to_ord(x->date.year, x->date.month, x->date.day) -
                   dt_ymd_to_ord(y->date.year, y->date.month, y->date.day);
    Value r = dt_delta_new(days, 0, day_us(x) - day_us(y));
    if (r != VAL_NULL && oa != rt_None && dt_delta_cmp(oa, ob) != 0) {
        Value offdiff = dt_delta_add(oa, ob, -1);
        r = offdiff == VAL_NULL ? VAL_NULL : dt_delta_add(r, offdiff, -1);
    }
    return r;
}

static Value datetime_binop(Value a, Value b, int op)
{
    if (op == NB_ADD) {
        if (dt_is_datetime(a) && dt_is_delta(b))
            return dt_datetime_add_delta(a, b, 1);
        if (dt_is_delta(a) && dt_is_datetime(b))
            return dt_datetime_add_delta(b, a, 1);
    } else if (op == NB_SUBTRACT && dt_is_datetime(a)) {
        if (dt_is_datetime(b))
            return dt_datetime_subtract(a, b);
        if (dt_is_delta(b))
            return dt_datetime_add_delta(a, b, -1);
    }
    return rt_NotImplemented;
}

/* ---- comparison and hashing --------------------------------------------------- */

static int fields_cmp(ObjDateTime *x, ObjDateTime *y)
{
    int a[7] = {x->date.year, x->date.month, x->date.day, x->hour, x->minute, x->second, x->us};
    int b[7] = {y->date.year, y->date.month, y->date.day, y->hour, y->minute, y->second, y->us};
    for (int i = 0; i < 7; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

static bool same_offset(Value a, Value b)
{
    if (a == b)
        return true;
    if (a == rt_None || b == rt_None)
        return false;
    return dt_delta_cmp(a, b) == 0;
}

/* PEP 495: 1 if either side's offset depends on its fold. */
static int fold_matters(Value dt, Value offset)
{
    Value flipped = dt_datetime_utcoffset(with_fold(dt, !DT(dt)->fold));
    if (flipped == VAL_NULL)
        return -1;
    return !same_offset(flipped, offset);
}

static Value datetime_richcompare(Value a, Value b, int op)
{
    if (!dt_is_datetime(b)) {
        if (!dt_is_date(b))
            return rt_NotImplemented;
        if (op == CMP_EQ || op == CMP_NE)
            return rt_bool(op == CMP_NE);
        if (rt_py_minor >= 13)          /* 3.13: the usual "'<' not supported" */
            return rt_NotImplemented;
        return dt_cmperror(a, b);
    }
    if (DT(a)->tzinfo == DT(b)->tzinfo)
        return rt_bool(rt_cmp_holds(fields_cmp(DT(a), DT(b)), op));
    Value oa = dt_datetime_utcoffset(a), ob;
    if (oa == VAL_NULL || (ob = dt_datetime_utcoffset(b)) == VAL_NULL)
        return VAL_NULL;
    int diff;
    if (same_offset(oa, ob)) {
        diff = fields_cmp(DT(a), DT(b));
    } else if (oa != rt_None && ob != rt_None) {
        Value delta = dt_datetime_subtract(a, b);
        if (delta == VAL_NULL)
            return VAL_NULL;
        ObjDelta *d = DELTA(delta);
        diff = d->days != 0 ? d->days : (d->seconds | d->us);
    } else if (op == CMP_EQ || op == CMP_NE) {
        return rt_bool(op == CMP_NE);
    } else {
        return rt_raisef(&rt_TypeError, "can't compare offset-naive and offset-aware datetimes");
    }
    if ((op == CMP_EQ || op == CMP_NE) && diff == 0) {
        int ex = fold_matters(a, oa);
        if (ex == 0)
            ex = fold_matters(b, ob);
        if (ex < 0)
            return VAL_NULL;
        diff = ex;
    }
    return rt_bool(rt_cmp_holds(diff, op));
}

static intptr_t datetime_hash(Value self)
{
    ObjDateTime *d = DT(self);
    Value self0 = d->fold ? with_fold(self, 0) : self;
    Value offset = dt_datetime_utcoffset(self0);
    if (offset == VAL_NULL)
        return -1;
    if (offset == rt_None) {
        /* Naive: the hash of its state's bytes, as CPython's. */
        unsigned char b[10] = {(unsigned char)(d->date.year >> 8), (unsigned char)d->date.year,
                               (unsigned char)d->date.month, (unsigned char)d->date.day,
                               (unsigned char)d->hour, (unsigned char)d->minute,
                               (unsigned char)d->second, (unsigned char)(d->us >> 16),
                               (unsigned char)(d->us >> 8), (unsigned char)d->us};
        return rt_hash_bytes(b, sizeof b);
    }
    Value local = dt_delta_new(dt_ymd_to_ord(d->date.year, d->date.month, d->date.day),
                               d->hour * 3600 + d->minute * 60 + d->second, d->us);
    Value utc = local == VAL_NULL ? VAL_NULL : dt_delta_add(local, offset, -1);
    return utc == VAL_NULL ? -1 : rt_hash(utc);
}

/* ---- text ------------------------------------------------------------------------- */

static Value datetime_repr(Value self)
{
    ObjDateTime *d = DT(self);
    char buf[96];
    int n = snprintf(buf, sizeof buf, "(%d, %d, %d, %d, %d", d->date.year, d->date.month,
                     d->date.day, d->hour, d->minute);
    if (d->second || d->us)
        n += snprintf(buf + n, sizeof buf - n, ", %d", d->second);
    if (d->us)
        snprintf(buf + n, sizeof buf - n, ", %d", d->us);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, val_type(self)->name);
    sb_adds(&sb, buf);
    return dt_repr_tail(&sb, d->tzinfo, d->fold, true);
}

static Value datetime_isoformat(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"sep", "timespec"};
    static const ArgSpec spec = {"isoformat", names, 2, 0, 0, 2, false};
    Value v[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, v))
        return VAL_NULL;
    Value sep = v[0] == VAL_NULL ? VAL_NULL : v[0];
    if (sep != VAL_NULL && rt_is_str(sep) && AS_STR(sep)->length != 1 && rt_py_minor >= 14)
        return rt_raisef(&rt_TypeError, "isoformat() argument 1 must be a unicode character, "
                         "not a string of length %zu", AS_STR(sep)->length);
    if (sep != VAL_NULL && (!rt_is_str(sep) || AS_STR(sep)->length != 1))
        return rt_raisef(&rt_TypeError,
                         "isoformat() argument 1 must be a unicode character, not %T", sep);
    if (v[1] != VAL_NULL && !rt_is_str(v[1]))
        return rt_raisef(&rt_TypeError, "isoformat() argument 2 must be str, not %T", v[1]);
    ObjDateTime *d = DT(args[0]);
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->date.year, d->date.month, d->date.day);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, buf);
    if (sep == VAL_NULL)
        sb_addc(&sb, 'T');
    else
        sb_add(&sb, rt_str_cstr(sep), rt_str_nbytes(sep));
    if (!dt_format_time(&sb, d->hour, d->minute, d->second, d->us,
                        v[1] == VAL_NULL ? "auto" : rt_str_cstr(v[1])) ||
        !dt_add_utcoffset(&sb, d->tzinfo, args[0], ":"))
        return VAL_NULL;
    return sb_finish(&sb);
}

static Value datetime_str(Value self)
{
    Value sep = rt_str_from_cstr(" ");
    return mod_call_method(self, "isoformat", &sep, 1);
}

/* ---- parts and conversions --------------------------------------------------------- */

static Value datetime_date(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("date", nargs - 1, kw))
        return VAL_NULL;
    ObjDate *d = DATE(args[0]);
    return dt_date_new(&dt_date_type, d->year, d->month, d->day);
}

static Value datetime_time(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("time", nargs - 1, kw))
        return VAL_NULL;
    ObjDateTime *d = DT(args[0]);
    return dt_time_new(&dt_time_type, d->hour, d->minute, d->second, d->us, rt_None, d->fold);
}

static Value datetime_timetz(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("timetz", nargs - 1, kw))
        return VAL_NULL;
    ObjDateTime *d = DT(args[0]);
    return dt_time_new(&dt_time_type, d->hour, d->minute, d->second, d->us, d->tzinfo, d->fold);
}

static Value datetime_utcoffset(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("utcoffset", nargs - 1, kw))
        return VAL_NULL;
    return dt_datetime_utcoffset(args[0]);
}

static Value datetime_dst(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("dst", nargs - 1, kw))
        return VAL_NULL;
    return dt_call_dst(DT(args[0])->tzinfo, args[0]);
}

static Value datetime_tzname(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("tzname", nargs - 1, kw))
        return VAL_NULL;
    return dt_call_tzname(DT(args[0])->tzinfo, args[0]);
}

static Value datetime_timetuple(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("timetuple", nargs - 1, kw))
        return VAL_NULL;
    ObjDateTime *d = DT(args[0]);
    int dstflag = -1;
    if (d->tzinfo != rt_None) {
        Value dst = dt_call_dst(d->tzinfo, args[0]);
        if (dst == VAL_NULL)
            return VAL_NULL;
        if (dst != rt_None)
            dstflag = DELTA(dst)->days || DELTA(dst)->seconds || DELTA(dst)->us;
    }
    return dt_timetuple(d->date.year, d->date.month, d->date.day, d->hour, d->minute,
                        d->second, dstflag);
}

static Value datetime_utctimetuple(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("utctimetuple", nargs - 1, kw))
        return VAL_NULL;
    Value utc = args[0];
    if (DT(utc)->tzinfo != rt_None) {
        Value offset = dt_datetime_utcoffset(utc);
        if (offset == VAL_NULL)
            return VAL_NULL;
        if (offset != rt_None && (utc = dt_datetime_add_delta(utc, offset, -1)) == VAL_NULL)
            return VAL_NULL;
    }
    ObjDateTime *d = DT(utc);
    return dt_timetuple(d->date.year, d->date.month, d->date.day, d->hour, d->minute,
                        d->second, 0);
}

static Value epoch(void)
{
    static Value e;
    if (e == VAL_NULL)
        e = dt_datetime_new(&dt_datetime_type, 1970, 1, 1, 0, 0, 0, 0, dt_utc, 0);
    return e;
}

static Value datetime_timestamp(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("timestamp", nargs - 1, kw))
        return VAL_NULL;
    ObjDateTime *d = DT(args[0]);
    if (d->tzinfo != rt_None) {
        Value delta = dt_datetime_subtract(args[0], epoch());
        if (delta == VAL_NULL)
            return VAL_NULL;
        return rt_int_binop(dt_delta_to_us(delta), small_new(1000000), NB_TRUE_DIVIDE);
    }
    int64_t secs;
    if (!dt_local_to_seconds(d->date.year, d->date.month, d->date.day, d->hour, d->minute,
                             d->second, d->fold, &secs))
        return VAL_NULL;
    return rt_float_new((double)(secs - DT_EPOCH_SECONDS) + d->us / 1e6);
}

static Value datetime_replace(Value *args, size_t nargs, Value kw)
{
    static const ArgSpec spec = {"replace", dt_arg_names, 9, 0, 0, 8, false};
    Value v[9];
    ObjDateTime *d = DT(args[0]);
    int cur[9] = {d->date.year, d->date.month, d->date.day, d->hour, d->minute, d->second,
                  d->us, 0, d->fold};
    int f[9];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, v))
        return VAL_NULL;
    for (int i = 0; i < 9; i++)
        if (i != 7 && !dt_int_arg(v[i], cur[i], &f[i]))
            return VAL_NULL;
    Value tzinfo = v[7] == VAL_NULL ? d->tzinfo : v[7];
    if (!check_all(f[0], f[1], f[2], f[3], f[4], f[5], f[6], tzinfo, f[8]))
        return VAL_NULL;
    return dt_datetime_new(val_type(args[0]), f[0], f[1], f[2], f[3], f[4], f[5], f[6], tzinfo,
                           f[8]);
}

/* The local timezone at a naive datetime taken as local time. */
static Value local_timezone_from_local(Value self)
{
    ObjDateTime *d = DT(self);
    int64_t secs;
    if (!dt_local_to_seconds(d->date.year, d->date.month, d->date.day, d->hour, d->minute,
                             d->second, d->fold, &secs))
        return VAL_NULL;
    return dt_local_timezone(secs - DT_EPOCH_SECONDS);
}

/* The optional tz argument of astimezone() and now(): None or a tzinfo. */
static bool tz_arg(const char *fname, Value *args, size_t nargs, Value kw, Value *tz)
{
    static const char *const names[] = {"tz"};
    ArgSpec spec = {fname, names, 1, 0, 0, 1, false};
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, tz))
        return false;
    if (*tz == VAL_NULL)
        *tz = rt_None;
    return dt_check_tzinfo(*tz);
}

static Value datetime_astimezone(Value *args, size_t nargs, Value kw)
{
    Value tz;
    if (!tz_arg("astimezone", args, nargs, kw, &tz))
        return VAL_NULL;
    Value self = args[0], mytz = DT(self)->tzinfo, offset;
    bool naive = mytz == rt_None;
    for (;;) {
        if (naive && (mytz = local_timezone_from_local(self)) == VAL_NULL)
            return VAL_NULL;
        if (mytz == tz)
            return self;
        if ((offset = dt_call_utcoffset(mytz, self)) == VAL_NULL)
            return VAL_NULL;
        if (offset != rt_None)
            break;
        naive = true;
    }
    Value result = dt_datetime_add_delta(self, offset, -1);
    if (result == VAL_NULL)
        return VAL_NULL;
    DT(result)->tzinfo = dt_utc;
    if (tz == rt_None) {
        Value delta = dt_datetime_subtract(result, epoch());
        if (delta == VAL_NULL)
            return VAL_NULL;
        Value secs = rt_int_binop(dt_delta_to_us(delta), small_new(1000000), NB_FLOOR_DIVIDE);
        int64_t t;
        rt_int_as_i64(secs, &t);
        if ((tz = dt_local_timezone(t)) == VAL_NULL)
            return VAL_NULL;
    }
    DT(result)->tzinfo = tz;
    return mod_call_method(tz, "fromutc", &result, 1);
}

static Value datetime_state(Value self, int proto)
{
    ObjDateTime *d = DT(self);
    unsigned char st[10] = {
        d->date.year >> 8, d->date.year & 0xFF, d->date.month | (proto > 3 && d->fold ? 128 : 0),
        d->date.day, d->hour, d->minute, d->second,
        d->us >> 16, (d->us >> 8) & 0xFF, d->us & 0xFF,
    };
    Value b = rt_bytes_new(st, 10);
    return d->tzinfo == rt_None ? rt_tuple_pack(1, b) : rt_tuple_pack(2, b, d->tzinfo);
}

static Value datetime_reduce_ex(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("__reduce_ex__", kw) || !rt_arg_count("__reduce_ex__", nargs - 1, 1, 1))
        return VAL_NULL;
    return dt_reduce_ex(args[0], datetime_state, args, nargs, kw);
}

static Value datetime_reduce(Value *args, size_t nargs, Value kw)
{
    return dt_reduce_ex(args[0], datetime_state, args, 1, kw);
}

/* ---- class methods ----------------------------------------------------------------- */

/* The current time as seconds and microseconds (rounded down). */
static void clock_now(int64_t *secs, int *us)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    *secs = ts.tv_sec;
    *us = (int)(ts.tv_nsec / 1000);
}

/* The result in tz's zone: tz.fromutc(dt), or dt when tz is None. */
static Value to_zone(Value dt, Value tz)
{
    if (dt == VAL_NULL || tz == rt_None)
        return dt;
    return mod_call_method(tz, "fromutc", &dt, 1);
}

static Value datetime_now(Value *args, size_t nargs, Value kw)
{
    Value tz;
    if (!tz_arg("now", args, nargs, kw, &tz))
        return VAL_NULL;
    int64_t secs;
    int us;
    clock_now(&secs, &us);
    return to_zone(dt_from_timet(args[0], tz != rt_None, secs, us, tz), tz);
}

/* 3.12 deprecates the naive UTC constructors. */
static bool warn_utc_naive(const char *name, const char *instead)
{
    if (rt_py_minor < 12)
        return true;
    char msg[400];
    snprintf(msg, sizeof msg, "datetime.datetime.%s() is deprecated and scheduled for removal "
             "in a future version. Use timezone-aware objects to represent datetimes in UTC: "
             "datetime.datetime.%s.", name, instead);
    return rt_warn(&rt_DeprecationWarning, msg, 1) == 0;
}

static Value datetime_utcnow(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("utcnow", nargs - 1, kw) ||
        !warn_utc_naive("utcnow", "now(datetime.UTC)"))
        return VAL_NULL;
    int64_t secs;
    int us;
    clock_now(&secs, &us);
    return dt_from_timet(args[0], true, secs, us, rt_None);
}

static Value datetime_fromtimestamp(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"timestamp", "tz"};
    static const ArgSpec spec = {"fromtimestamp", names, 2, 0, 1, 2, false};
    Value v[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, v))
        return VAL_NULL;
    Value tz = v[1] == VAL_NULL ? rt_None : v[1];
    if (!dt_check_tzinfo(tz))
        return VAL_NULL;
    int64_t secs;
    int us;
    if (!dt_timestamp_split(v[0], true, &secs, &us))
        return VAL_NULL;
    return to_zone(dt_from_timet(args[0], tz != rt_None, secs, us, tz), tz);
}

static Value datetime_utcfromtimestamp(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("utcfromtimestamp", nargs - 1, kw) ||
        !warn_utc_naive("utcfromtimestamp", "fromtimestamp(timestamp, datetime.UTC)"))
        return VAL_NULL;
    int64_t secs;
    int us;
    if (!dt_timestamp_split(args[1], true, &secs, &us))
        return VAL_NULL;
    return dt_from_timet(args[0], true, secs, us, rt_None);
}

static Value datetime_strptime(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("strptime", kw) || !rt_arg_count("strptime", nargs - 1, 2, 2))
        return VAL_NULL;
    for (int i = 1; i <= 2; i++)
        if (!rt_is_str(args[i]))
            return rt_raisef(&rt_TypeError, "strptime() argument %d must be str, not %T", i,
                             args[i]);
    Value module = mod_import("_strptime");
    if (module == VAL_NULL)
        return VAL_NULL;
    /* 3.14 has one for each of date, time and datetime */
    return mod_call_method(module, rt_py_minor >= 14 ? "_strptime_datetime_datetime"
                                                     : "_strptime_datetime", args, 3);
}

static Value datetime_combine(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"date", "time", "tzinfo"};
    static const ArgSpec spec = {"combine", names, 3, 0, 2, 3, false};
    Value v[3];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, v))
        return VAL_NULL;
    if (!dt_is_date(v[0]))
        return rt_raisef(&rt_TypeError, "combine() argument 1 must be datetime.date, not %T",
                         v[0]);
    if (!dt_is_time(v[1]))
        return rt_raisef(&rt_TypeError, "combine() argument 2 must be datetime.time, not %T",
                         v[1]);
    ObjDate *d = DATE(v[0]);
    ObjTime *t = TIME(v[1]);
    Value tzinfo = v[2] == VAL_NULL ? t->tzinfo : v[2];
    return dt_datetime_for_class(args[0], d->year, d->month, d->day, t->hour, t->minute,
                                 t->second, t->us, tzinfo, t->fold);
}

static Value datetime_fromisoformat(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("fromisoformat", nargs - 1, kw))
        return VAL_NULL;
    return dt_datetime_fromisoformat(args[0], args[1]);
}

static const MemberDef datetime_members[] = {
    DT_TIME_MEMBERS(ObjDateTime)
    {NULL},
};

const MethodDef dt_datetime_methods[] = {
    {"now", datetime_now, RT_METH_CLASS},
    {"utcnow", datetime_utcnow, RT_METH_CLASS},
    {"fromtimestamp", datetime_fromtimestamp, RT_METH_CLASS},
    {"utcfromtimestamp", datetime_utcfromtimestamp, RT_METH_CLASS},
    {"strptime", datetime_strptime, RT_METH_CLASS},
    {"combine", datetime_combine, RT_METH_CLASS},
    {"fromisoformat", datetime_fromisoformat, RT_METH_CLASS},
    {"date", datetime_date},
    {"time", datetime_time},
    {"timetz", datetime_timetz},
    {"timetuple", datetime_timetuple},
    {"timestamp", datetime_timestamp},
    {"utctimetuple", datetime_utctimetuple},
    {"isoformat", datetime_isoformat},
    {"utcoffset", datetime_utcoffset},
    {"tzname", datetime_tzname},
    {"dst", datetime_dst},
    {"replace", datetime_replace},
    {"astimezone", datetime_astimezone},
    {"__reduce_ex__", datetime_reduce_ex},
    {"__reduce__", datetime_reduce},
    {NULL, NULL},
};

ObjType dt_datetime_type = {
    .ob.type = &rt_type_type, .name = "datetime.datetime", .base = &dt_date_type,
    .flags = TF_BASETYPE, .instance_size = sizeof(ObjDateTime), .new_ = datetime_new,
    .repr = datetime_repr, .str = datetime_str, .hash = datetime_hash,
    .richcompare = datetime_richcompare, .binop = datetime_binop, .members = datetime_members,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_SUBTRACT),
};
