/*
 * datetime.h — what the files of the `_datetime` accelerator share
 * (CPython 3.11's Modules/_datetimemodule.c; Lib/datetime.py is the
 * executable specification, and ends with `from _datetime import *`, so
 * these types replace its pure-Python classes for every program).
 *
 *   datetime_calendar.c  the proleptic Gregorian calendar: ordinals,
 *                        ISO weeks, field checks, the module and its init
 *   datetime_delta.c     timedelta
 *   datetime_date.c      date (and IsoCalendarDate)
 *   datetime_time.c      time
 *   datetime_dt.c        datetime
 *   datetime_tz.c        tzinfo, timezone, and calling a tzinfo's methods
 *   datetime_format.c    isoformat/fromisoformat, strftime's %z %Z %f,
 *                        reprs, and local time (timestamps)
 *
 * Each object stores its fields as C ints, as CPython does; a datetime
 * starts with a date's layout, since datetime is a subclass of date.
 * Arithmetic on timedeltas goes through the total in microseconds, a
 * Python int (the range of timedelta, ±10**9 days, does not fit 64 bits).
 */
#ifndef PVM_DATETIME_H
#define PVM_DATETIME_H

#include "modules/modutil.h"

#define DT_MINYEAR 1
#define DT_MAXYEAR 9999
#define DT_MAXORDINAL 3652059           /* date(9999, 12, 31).toordinal() */
#define DT_MAX_DELTA_DAYS 999999999

typedef struct ObjDelta {
    Object ob;
    int days;                   /* -999999999 .. 999999999 */
    int seconds;                /* 0 .. 86399 */
    int us;                     /* 0 .. 999999 */
} ObjDelta;

typedef struct ObjDate {
    Object ob;
    int year, month, day;
} ObjDate;

typedef struct ObjTime {
    Object ob;
    int hour, minute, second, us, fold;
    Value tzinfo;               /* rt_None or a tzinfo */
} ObjTime;

typedef struct ObjDateTime {
    ObjDate date;               /* first: a datetime is a date */
    int hour, minute, second, us, fold;
    Value tzinfo;
} ObjDateTime;

typedef struct ObjTimezone {
    Object ob;
    Value offset;               /* a timedelta */
    Value name;                 /* a str, or VAL_NULL */
} ObjTimezone;

/* The read-only attributes time and datetime share, for a MemberDef table
 * of layout T (ObjTime or ObjDateTime). */
#define DT_TIME_MEMBERS(T) \
    {"hour", offsetof(T, hour), RT_MEMBER_INT, RT_READONLY, 0}, \
    {"minute", offsetof(T, minute), RT_MEMBER_INT, RT_READONLY, 0}, \
    {"second", offsetof(T, second), RT_MEMBER_INT, RT_READONLY, 0}, \
    {"microsecond", offsetof(T, us), RT_MEMBER_INT, RT_READONLY, 0}, \
    {"tzinfo", offsetof(T, tzinfo), RT_MEMBER_VALUE, RT_READONLY, 0}, \
    {"fold", offsetof(T, fold), RT_MEMBER_INT, RT_READONLY, 0},

extern ObjType dt_delta_type, dt_date_type, dt_time_type, dt_datetime_type,
    dt_tzinfo_type, dt_timezone_type;
extern Value dt_utc;            /* timezone.utc */

#define DELTA(v) VAL_AS(ObjDelta, v)
#define DATE(v) VAL_AS(ObjDate, v)
#define TIME(v) VAL_AS(ObjTime, v)
#define DT(v) VAL_AS(ObjDateTime, v)
#define TZ(v) VAL_AS(ObjTimezone, v)

static inline bool dt_is_delta(Value v) { return rt_isinstance_of(v, &dt_delta_type); }
static inline bool dt_is_date(Value v) { return rt_isinstance_of(v, &dt_date_type); }
static inline bool dt_is_time(Value v) { return rt_isinstance_of(v, &dt_time_type); }
static inline bool dt_is_datetime(Value v) { return rt_isinstance_of(v, &dt_datetime_type); }
static inline bool dt_is_tzinfo(Value v) { return rt_isinstance_of(v, &dt_tzinfo_type); }

/* ---- the calendar (datetime_calendar.c) ---------------------------------- */

bool dt_is_leap(int year);
int dt_days_in_month(int year, int month);
int dt_days_before_month(int year, int month);
/* date(y, m, d).toordinal(), and back. */
int dt_ymd_to_ord(int year, int month, int day);
void dt_ord_to_ymd(int ordinal, int *year, int *month, int *day);
int dt_weekday(int year, int month, int day);           /* Monday 0 */
int dt_iso_week1_monday(int year);
/* CPython's checks with its messages: ValueError "month must be in 1..12"... */
bool dt_check_date(int year, int month, int day);
/* The ValueError of a year outside 1..9999, in the words of the version; false. */
bool dt_year_error(int year);
bool dt_check_time(int hour, int minute, int second, int us, int fold);
bool dt_check_tzinfo(Value tzinfo);
/* An int argument as a C int (PyArg's "i"): TypeError for a float or a
 * non-integer, OverflowError past a C int. */
bool dt_as_int(Value v, int *out);
/* divmod with a floor: *q = floor(a / b), returns a - *q * b (0 <= r < b). */
static inline int dt_divmod(int a, int b, int *r)
{
    int q = a / b, m = a % b;
    if (m < 0) {
        m += b;
        q--;
    }
    *r = m;
    return q;
}
/* Fill ArgSpec-parsed values for a function: `out[i]` VAL_NULL keeps dflt. */
bool dt_int_arg(Value v, int dflt, int *out);
/* rt_parse_args for a constructor whose leading parameters are ints:
 * CPython converts each argument before it finds a later one missing, so
 * date(b'x') is "'bytes' object cannot be interpreted as an integer". */
bool dt_parse_int_args(const ArgSpec *spec, const Value *args, size_t nargs, Value kwnames,
                       Value *out);
/* TypeError "can't compare X to Y". */
Value dt_cmperror(Value a, Value b);
/* The datetime module's `time` module, imported on first use. */
Value dt_time_module(void);
/* cls(*args, **kw) when cls is a Python subclass, as CPython's
 * new_*_subclass_ex does (so a subclass's __new__ runs). */
Value dt_call_subclass(Value cls, Value args, bool fold);

/* ---- timedelta (datetime_delta.c) ---------------------------------------- */

/* A timedelta normalised from days, seconds and microseconds in any range;
 * OverflowError "days=...; must have magnitude <= 999999999". */
Value dt_delta_new(int64_t days, int64_t seconds, int64_t us);
/* The total in microseconds as a Python int, and back (any int). */
Value dt_delta_to_us(Value delta);
Value dt_delta_from_us(Value us);
int dt_delta_cmp(Value a, Value b);
Value dt_delta_negate(Value delta);
/* a + b or a - b of two timedeltas. */
Value dt_delta_add(Value a, Value b, int sign);

/* ---- date (datetime_date.c) ---------------------------------------------- */

Value dt_date_new(ObjType *type, int year, int month, int day);
/* For `cls`: the exact type builds directly, a subclass is called. */
Value dt_date_for_class(Value cls, int year, int month, int day);
/* time.struct_time of these fields (weekday and day of year computed). */
Value dt_timetuple(int y, int m, int d, int hh, int mm, int ss, int dstflag);
/* Ready IsoCalendarDate, the tuple isocalendar() returns. */
void dt_isocal_init(void);
/* The format argument of strftime(format), a str. */
bool dt_strftime_arg(Value *args, size_t nargs, Value kw, Value *format);
/* __format__ of date, time and datetime: str(self) or self.strftime(spec). */
Value dt_dunder_format(Value *args, size_t nargs, Value kw);
/* The one argument of a constructor called by pickle: 1 and its `size`
 * bytes in out if it is a state (bytes, or a str read as Latin-1) whose
 * byte `at`, masked, is in [lo, hi]; 0 if not; -1 + ValueError. */
int dt_pickle_state(Value state, size_t size, size_t at, int mask, int lo, int hi,
                    const char *what, unsigned char *out);

/* ---- time and datetime (datetime_time.c, datetime_dt.c) ------------------ */

Value dt_time_new(ObjType *type, int hour, int minute, int second, int us,
                  Value tzinfo, int fold);
Value dt_datetime_new(ObjType *type, int year, int month, int day, int hour,
                      int minute, int second, int us, Value tzinfo, int fold);
Value dt_datetime_for_class(Value cls, int year, int month, int day, int hour,
                            int minute, int second, int us, Value tzinfo, int fold);
/* datetime ± timedelta (sign 1 or -1), of type(dt). */
Value dt_datetime_add_delta(Value dt, Value delta, int sign);
Value dt_datetime_subtract(Value a, Value b);
Value dt_datetime_utcoffset(Value dt);
/* The optional tzinfo after a pickled state: TypeError "bad tzinfo state arg". */
bool dt_state_tzinfo(Value *args, size_t nargs, Value *tzinfo);
/* (type(self), state(self, protocol)): __reduce_ex__, or __reduce__ (protocol 2)
 * when args holds only self. */
Value dt_reduce_ex(Value self, Value (*state)(Value, int), Value *args, size_t nargs, Value kw);

/* ---- tzinfo and timezone (datetime_tz.c) --------------------------------- */

Value dt_timezone_new(Value offset, Value name);
/* tzinfo.utcoffset(arg) / dst(arg), checked: None or a timedelta strictly
 * within a day; rt_None when tzinfo is None. */
Value dt_call_utcoffset(Value tzinfo, Value arg);
Value dt_call_dst(Value tzinfo, Value arg);
Value dt_call_tzname(Value tzinfo, Value arg);

/* ---- text (datetime_format.c) -------------------------------------------- */

/* "+HH:MM[:SS[.ffffff]]" of a timedelta, sep between the fields. */
void dt_format_offset(StrBuf *sb, Value offset, const char *sep);
/* The utcoffset of tzinfo(arg) appended in that form; nothing if None. */
bool dt_add_utcoffset(StrBuf *sb, Value tzinfo, Value arg, const char *sep);
/* "HH:MM:SS.ffffff" cut by timespec ("auto", "hours", ...). */
bool dt_format_time(StrBuf *sb, int h, int m, int s, int us, const char *timespec);
/* self.strftime(format) given its timetuple: %z %Z %f done here, the rest
 * by time.strftime. */
Value dt_wrap_strftime(Value self, Value format, Value timetuple, Value tzinfoarg);
/* ", tzinfo=...", ", fold=1" and ")" ending a repr: a datetime shows its
 * fold first, a time its tzinfo first (CPython's order). */
Value dt_repr_tail(StrBuf *sb, Value tzinfo, int fold, bool fold_first);
/* The three fromisoformat class methods: cls and the string. */
Value dt_date_fromisoformat(Value cls, Value s);
Value dt_time_fromisoformat(Value cls, Value s);
Value dt_datetime_fromisoformat(Value cls, Value s);
/* ISO year, week, weekday to a date: 0, -2 bad week, -3 bad weekday. */
int dt_iso_to_ymd(int iso_year, int week, int weekday, int *y, int *m, int *d);

/* Local time (datetime_format.c): seconds since 0001-01-01 for a local
 * time, CPython's local_to_seconds; and the tm of a time_t. */
bool dt_local_to_seconds(int y, int m, int d, int hh, int mm, int ss, int fold,
                         int64_t *out);
bool dt_timestamp_split(Value ts, bool half_even, int64_t *secs, int *us);
Value dt_from_timet(Value cls, bool utc, int64_t timet, int us, Value tzinfo);
Value dt_local_timezone(int64_t timet);
extern const char *const dt_day_names[7], *const dt_month_names[12];

#define DT_EPOCH_SECONDS (719163LL * 24 * 3600)

#endif
