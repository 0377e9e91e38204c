/*
 * datetime_format.c — the text forms of `_datetime`'s values and the
 * local clock:
 *
 *   - isoformat's pieces ("HH:MM:SS.ffffff" cut by timespec, "+HH:MM"
 *     offsets) and the reprs' ", tzinfo=..., fold=1" tails;
 *   - the fromisoformat parsers of CPython 3.11, which take most ISO 8601
 *     forms: YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], HH[:MM[:SS[.f+]]] in the
 *     basic or extended form, ',' for '.', and Z or ±HH[:MM[:SS[.ffffff]]].
 *     They read code points, so a datetime's separator may be any one
 *     character (CPython's test uses '時' and a lone surrogate);
 *   - strftime: %z, %Z and %f are replaced here, the rest is time.strftime;
 *   - local time: a timestamp split into seconds and microseconds, the
 *     datetime of a time_t (with the fold of a repeated hour), and the
 *     inverse, local_to_seconds, as CPython (and datetime.py's _mktime)
 *     search for it through localtime().
 */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include "modules/datetime.h"

/* ---- formatting --------------------------------------------------------------- */

void dt_format_offset(StrBuf *sb, Value offset, const char *sep)
{
    char sign = '+';
    if (DELTA(offset)->days < 0) {
        sign = '-';
        offset = dt_delta_negate(offset);
    }
    int secs = DELTA(offset)->seconds, us = DELTA(offset)->us;
    char buf[48];
    int n = snprintf(buf, sizeof buf, "%c%02d%s%02d", sign, secs / 3600, sep, secs / 60 % 60);
    if (secs % 60 || us)
        n += snprintf(buf + n, sizeof buf - n, "%s%02d", sep, secs % 60);
    if (us)
        snprintf(buf + n, sizeof buf - n, ".%06d", us);
    sb_adds(sb, buf);
}

bool dt_add_utcoffset(StrBuf *sb, Value tzinfo, Value arg, const char *sep)
{
    Value offset = dt_call_utcoffset(tzinfo, arg);
    if (offset == VAL_NULL)
        return false;
    if (offset != rt_None)
        dt_format_offset(sb, offset, sep);
    return true;
}

bool dt_format_time(StrBuf *sb, int h, int m, int s, int us, const char *timespec)
{
    char buf[32];
    if (strcmp(timespec, "auto") == 0)
        timespec = us ? "microseconds" : "seconds";
    if (strcmp(timespec, "hours") == 0)
        snprintf(buf, sizeof buf, "%02d", h);
    else if (strcmp(timespec, "minutes") == 0)
        snprintf(buf, sizeof buf, "%02d:%02d", h, m);
    else if (strcmp(timespec, "seconds") == 0)
        snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, m, s);
    else if (strcmp(timespec, "milliseconds") == 0)
        snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", h, m, s, us / 1000);
    else if (strcmp(timespec, "microseconds") == 0)
        snprintf(buf, sizeof buf, "%02d:%02d:%02d.%06d", h, m, s, us);
    else {
        rt_raisef(&rt_ValueError, "Unknown timespec value");
        return false;
    }
    sb_adds(sb, buf);
    return true;
}

Value dt_repr_tail(StrBuf *sb, Value tzinfo, int fold, bool fold_first)
{
    if (fold && fold_first)
        sb_adds(sb, ", fold=1");
    if (tzinfo != rt_None) {
        sb_adds(sb, ", tzinfo=");
        if (!sb_add_value_repr(sb, tzinfo))
            return VAL_NULL;
    }
    if (fold && !fold_first)
        sb_adds(sb, ", fold=1");
    sb_addc(sb, ')');
    return sb_finish(sb);
}

/* ---- strftime ------------------------------------------------------------------------ */

/* The text %Z stands for: tzname() with its '%' doubled, or "". */
static bool add_tzname(StrBuf *sb, Value tzinfo, Value arg)
{
    Value name = dt_call_tzname(tzinfo, arg);
    if (name == VAL_NULL)
        return false;
    if (name == rt_None)
        return true;
    /* name.replace('%', '%%'), called as CPython does (a subclass of str
     * may answer anything). */
    Value pct[2] = {rt_str_from_cstr("%"), rt_str_from_cstr("%%")};
    Value escaped = mod_call_method(name, "replace", pct, 2);
    if (escaped == VAL_NULL)
        return false;
    if (!rt_is_str(escaped)) {
        rt_raisef(&rt_TypeError, "tzname.replace() did not return a string");
        return false;
    }
    sb_add(sb, rt_str_cstr(escaped), rt_str_nbytes(escaped));
    return true;
}

Value dt_wrap_strftime(Value self, Value format, Value timetuple, Value tzinfoarg)
{
    Value tzinfo = dt_is_datetime(self) ? DT(self)->tzinfo
        : dt_is_time(self) ? TIME(self)->tzinfo : rt_None;
    int us = dt_is_datetime(self) ? DT(self)->us : dt_is_time(self) ? TIME(self)->us : 0;
    const char *p = rt_str_cstr(format), *end = p + rt_str_nbytes(format);
    StrBuf sb;
    sb_init(&sb);
    while (p < end) {
        if (*p != '%' || p + 1 >= end) {
            sb_addc(&sb, *p++);
            continue;
        }
        char c = p[1];
        p += 2;
        if (c == 'z') {
            if (!dt_add_utcoffset(&sb, tzinfo, tzinfoarg, ""))
                return VAL_NULL;
        } else if (c == 'Z') {
            if (tzinfo != rt_None && !add_tzname(&sb, tzinfo, tzinfoarg))
                return VAL_NULL;
        } else if (c == 'f') {
            char buf[16];
            snprintf(buf, sizeof buf, "%06d", us);
            sb_adds(&sb, buf);
        } else {
            sb_addc(&sb, '%');
            sb_addc(&sb, c);
        }
    }
    Value strftime = rt_getattr_cstr(dt_time_module(), "strftime");
    if (strftime == VAL_NULL)
        return VAL_NULL;
    return rt_call2(strftime, sb_finish(&sb), timetuple);
}

/* ---- fromisoformat ---------------------------------------------------------------- */

Value dt_iso_error(Value s)
{
    return rt_raisef(&rt_ValueError, "Invalid isoformat string: %R", s);
}

static bool is_digit(const uint32_t *s, size_t n, size_t i)
{
    return i < n && s[i] >= '0' && s[i] <= '9';
}

/* Exactly `count` digits at s[*i], as a number; false if not digits. */
static bool parse_digits(const uint32_t *s, size_t n, size_t *i, int *out, int count)
{
    int v = 0;
    for (int k = 0; k < count; k++, (*i)++) {
        if (!is_digit(s, n, *i))
            return false;
        v = v * 10 + (int)(s[*i] - '0');
    }
    *out = v;
    return true;
}

/* ISO year, week, weekday to a date: 0, -2 bad week, -3 bad weekday. */
int dt_iso_to_ymd(int iso_year, int week, int weekday, int *y, int *m, int *d)
{
    if (week <= 0 || week >= 53) {
        int first = (dt_ymd_to_ord(iso_year, 1, 1) + 6) % 7;
        if (!(week == 53 && (first == 3 || (first == 2 && dt_is_leap(iso_year)))))
            return -2;
    }
    if (weekday <= 0 || weekday >= 8)
        return -3;
    int ordinal = dt_iso_week1_monday(iso_year) + (week - 1) * 7 + weekday - 1;
    dt_ord_to_ymd(ordinal, y, m, d);
    return 0;
}

/* YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D] in s[0..n); true if it
 * parses (CPython's parse_isoformat_date: a date needing no more). */
static bool parse_date(const uint32_t *s, size_t n, int *y, int *m, int *d)
{
    size_t i = 0;
    if (!parse_digits(s, n, &i, y, 4))
        return false;
    bool sep = i < n && s[i] == '-';
    if (sep)
        i++;
    if (i < n && s[i] == 'W') {
        i++;
        int week, weekday = 1;
        if (!parse_digits(s, n, &i, &week, 2))
            return false;
        if (i < n) {
            if (sep && s[i++] != '-')
                return false;
            if (!parse_digits(s, n, &i, &weekday, 1))
                return false;
        }
        if (*y < DT_MINYEAR || *y > DT_MAXYEAR)
            return false;
        return dt_iso_to_ymd(*y, week, weekday, y, m, d) == 0;
    }
    if (!parse_digits(s, n, &i, m, 2))
        return false;
    if (sep && (i >= n || s[i++] != '-'))
        return false;
    return parse_digits(s, n, &i, d, 2);
}

/* [HH[:?MM[:?SS[{.,}f+]]]] in s[0..n): 0 done, 1 something follows,
 * -1 malformed (CPython's parse_hh_mm_ss_ff; `stop` is the character
 * after the field, at n, or 0 at the end of the string). */
static int parse_hms(const uint32_t *s, size_t n, uint32_t stop, int *vals)
{
    vals[0] = vals[1] = vals[2] = vals[3] = 0;
    size_t i = 0;
    bool has_sep = true;
    for (int k = 0; k < 3; k++) {
        if (!parse_digits(s, n, &i, &vals[k], 2))
            return -1;
        uint32_t c = i < n ? s[i] : stop;
        i++;
        if (k == 0)
            has_sep = c == ':';
        if (i >= n)
            return c != 0;
        if (has_sep && c == ':')
            continue;
        if (c == '.' || c == ',')
            break;
        if (has_sep)
            return -1;
        i--;
    }
    /* After the seconds, a fraction (CPython reads digits even without
     * its '.' in the basic form). */
    size_t digits = n - i < 6 ? n - i : 6;
    if (digits == 0 || !parse_digits(s, n, &i, &vals[3], (int)digits))
        return -1;
    static const int scale[] = {1, 100000, 10000, 1000, 100, 10, 1};
    vals[3] *= scale[digits];
    while (is_digit(s, n, i))
        i++;
    return i < n;
}

/* A time with an optional offset: 0 naive, 1 with *offset_s, *offset_us;
 * -1 malformed. */
static int parse_time(const uint32_t *s, size_t n, int *vals, int *offset_s, int *offset_us)
{
    size_t tz = 0;
    while (tz < n && s[tz] != 'Z' && s[tz] != '+' && s[tz] != '-')
        tz++;
    int rv = parse_hms(s, tz, tz < n ? s[tz] : 0, vals);
    if (rv < 0)
        return -1;
    if (tz == n)
        return rv == 1 ? -1 : 0;
    if (s[tz] == 'Z') {
        *offset_s = *offset_us = 0;
        return tz + 1 == n ? 1 : -1;
    }
    int sign = s[tz] == '-' ? -1 : 1, o[4];
    rv = parse_hms(s + tz + 1, n - tz - 1, 0, o);
    *offset_s = sign * (o[0] * 3600 + o[1] * 60 + o[2]);
    *offset_us = sign * o[3];
    return rv ? -1 : 1;
}

/* The code points of str s (for the parsers); *n their count. */
static const uint32_t *codepoints(Value s, size_t *n, uint32_t *small, size_t cap)
{
    *n = AS_STR(s)->length;
    if (!AS_STR(s)->ascii)
        return rt_str_codepoints(s);
    uint32_t *out = *n <= cap ? small : gc_alloc_atomic(*n * sizeof *out);
    for (size_t i = 0; i < *n; i++)
        out[i] = (unsigned char)rt_str_cstr(s)[i];
    return out;
}

static Value tzinfo_from_offset(int rv, int offset_s, int offset_us)
{
    if (rv != 1)
        return rt_None;
    if (offset_s == 0 && offset_us == 0)
        return dt_utc;
    Value offset = dt_delta_new(0, offset_s, offset_us);
    return offset == VAL_NULL ? VAL_NULL : dt_timezone_new(offset, VAL_NULL);
}

/* The code points of fromisoformat's argument, which must be a str. */
static const uint32_t *iso_arg(Value s, size_t *n, uint32_t *small, size_t cap)
{
    if (rt_is_str(s))
        return codepoints(s, n, small, cap);
    rt_raisef(&rt_TypeError, "fromisoformat: argument must be str");
    return NULL;
}

Value dt_date_fromisoformat(Value cls, Value s)
{
    uint32_t small[64];
    size_t n;
    const uint32_t *cp = iso_arg(s, &n, small, 64);
    if (cp == NULL)
        return VAL_NULL;
    int y, m, d;
    if ((n != 7 && n != 8 && n != 10) || !parse_date(cp, n, &y, &m, &d))
        return dt_iso_error(s);
    return dt_date_for_class(cls, y, m, d);
}

Value dt_time_fromisoformat(Value cls, Value s)
{
    uint32_t small[64];
    size_t n;
    const uint32_t *cp = iso_arg(s, &n, small, 64);
    if (cp == NULL)
        return VAL_NULL;
    if (n > 0 && cp[0] == 'T') {
        cp++;
        n--;
    }
    int t[4], off_s, off_us;
    int rv = n == 0 ? -1 : parse_time(cp, n, t, &off_s, &off_us);
    if (rv < 0)
        return dt_iso_error(s);
    Value tzinfo = tzinfo_from_offset(rv, off_s, off_us);
    if (tzinfo == VAL_NULL)
        return VAL_NULL;
    if (AS_TYPE(cls) == &dt_time_type) {
        if (!dt_check_time(t[0], t[1], t[2], t[3], 0))
            return VAL_NULL;
        return dt_time_new(&dt_time_type, t[0], t[1], t[2], t[3], tzinfo, 0);
    }
    return rt_call_tuple_dict(cls, rt_tuple_pack(5, small_new(t[0]), small_new(t[1]),
                                                 small_new(t[2]), small_new(t[3]), tzinfo),
                              VAL_NULL);
}

/* Where the date ends in a datetime string of n >= 7 code points. */
static size_t find_separator(const uint32_t *s, size_t n)
{
    if (n == 7)
        return 7;
    if (s[4] == '-') {
        if (s[5] != 'W')
            return 10;                      /* YYYY-MM-DD */
        if (n > 8 && s[8] == '-') {
            if (n == 9)
                return (size_t)-1;
            return n > 10 && is_digit(s, n, 10) ? 8 : 10;
        }
        return 8;                           /* YYYY-Www */
    }
    if (s[4] == 'W') {                      /* YYYYWww or YYYYWwwd */
        size_t i = 7;
        while (i < n && is_digit(s, n, i))
            i++;
        if (i < 9)
            return i;
        return i % 2 == 0 ? 7 : 8;
    }
    return 8;                               /* YYYYMMDD */
}

Value dt_datetime_fromisoformat(Value cls, Value s)
{
    uint32_t small[64];
    size_t n;
    const uint32_t *cp = iso_arg(s, &n, small, 64);
    if (cp == NULL)
        return VAL_NULL;
    if (n < 7)
        return dt_iso_error(s);
    size_t sep = find_separator(cp, n);
    int y, m, d, t[4] = {0, 0, 0, 0}, off_s = 0, off_us = 0, rv = 0;
    if (sep > n || !parse_date(cp, sep, &y, &m, &d))
        return dt_iso_error(s);
    if (n > sep + 1)
        rv = parse_time(cp + sep + 1, n - sep - 1, t, &off_s, &off_us);
    else if (n == sep + 1)
        rv = -1;
    if (rv < 0)
        return dt_iso_error(s);
    Value tzinfo = tzinfo_from_offset(rv, off_s, off_us);
    if (tzinfo == VAL_NULL)
        return VAL_NULL;
    return dt_datetime_for_class(cls, y, m, d, t[0], t[1], t[2], t[3], tzinfo, 0);
}

/* ---- local time ----------------------------------------------------------------------- */

static Value time_t_overflow(void)
{
    return rt_raisef(&rt_OverflowError, "timestamp out of range for platform time_t");
}

/* The broken-down time of t, local or UTC; false + OverflowError/OSError. */
static bool broken_down(int64_t t, bool utc, struct tm *tm)
{
    time_t tt = (time_t)t;
    errno = 0;
    if ((utc ? gmtime_r(&tt, tm) : localtime_r(&tt, tm)) == NULL) {
        if (errno == EOVERFLOW || errno == 0)
            time_t_overflow();
        else
            rt_raise_os_error(errno);
        return false;
    }
    return true;
}

/* Seconds since 0001-01-01T00:00 of a calendar time (no range check on
 * the fields beyond the year). */
static bool utc_to_seconds(int y, int m, int d, int hh, int mm, int ss, int64_t *out)
{
    if (y < DT_MINYEAR || y > DT_MAXYEAR) {
        dt_year_error(y);
        return false;
    }
    *out = (((int64_t)dt_ymd_to_ord(y, m, d) * 24 + hh) * 60 + mm) * 60 + ss;
    return true;
}

/* local(u): the local wall time of u (seconds since 0001-01-01 UTC), in
 * the same count. */
static bool local(int64_t u, int64_t *out)
{
    struct tm tm;
    if (!broken_down(u - DT_EPOCH_SECONDS, false, &tm))
        return false;
    return utc_to_seconds(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                          tm.tm_min, tm.tm_sec, out);
}

enum { MAX_FOLD_SECONDS = 24 * 3600 };

bool dt_local_to_seconds(int y, int m, int d, int hh, int mm, int ss, int fold, int64_t *out)
{
    int64_t t, lt, u1, u2, t1, t2, a, b;
    if (!utc_to_seconds(y, m, d, hh, mm, ss, &t) || !local(t, &lt))
        return false;
    a = lt - t;
    u1 = t - a;
    if (!local(u1, &t1))
        return false;
    if (t1 == t) {
        /* One solution; look for an earlier (fold 0) or later one. */
        u2 = fold ? u1 + MAX_FOLD_SECONDS : u1 - MAX_FOLD_SECONDS;
        if (!local(u2, &lt))
            return false;
        b = lt - u2;
        if (a == b) {
            *out = u1;
            return true;
        }
    } else {
        b = t1 - u1;
    }
    u2 = t - b;
    if (!local(u2, &t2))
        return false;
    if (t2 == t)
        *out = u2;
    else if (t1 == t)
        *out = u1;
    else                                /* t is in the gap */
        *out = fold ? (u1 < u2 ? u1 : u2) : (u1 > u2 ? u1 : u2);
    return true;
}

/* round(x) half to even. */
static double round_half_even(double x)
{
    double r = round(x);
    if (fabs(x - r) == 0.5)
        r = 2.0 * round(x / 2.0);
    return r;
}

bool dt_timestamp_split(Value ts, bool half_even, int64_t *secs, int *us)
{
    if (rt_isinstance_of(ts, &rt_float_type)) {
        double d = rt_float_value(ts), intpart;
        if (isnan(d)) {
            rt_raisef(&rt_ValueError, "Invalid value NaN (not a number)");
            return false;
        }
        double frac = modf(d, &intpart) * 1e6;
        frac = half_even ? round_half_even(frac) : floor(frac);
        if (frac >= 1e6) {
            frac -= 1e6;
            intpart += 1.0;
        } else if (frac < 0) {
            frac += 1e6;
            intpart -= 1.0;
        }
        if (!(intpart >= -9.2e18 && intpart <= 9.2e18)) {
            time_t_overflow();
            return false;
        }
        *secs = (int64_t)intpart;
        *us = (int)frac;
        return true;
    }
    Value i = rt_index(ts);
    if (i == VAL_NULL)
        return false;
    if (!rt_int_as_i64(i, secs)) {
        rt_err_clear();
        time_t_overflow();
        return false;
    }
    *us = 0;
    return true;
}

Value dt_from_timet(Value cls, bool utc, int64_t timet, int us, Value tzinfo)
{
    struct tm tm;
    if (!broken_down(timet, utc, &tm))
        return VAL_NULL;
    int y = tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
    int second = tm.tm_sec > 59 ? 59 : tm.tm_sec, fold = 0;
    if (tzinfo == rt_None && !utc) {
        /* A local time seen twice (the hour a clock goes back) has fold 1
         * the second time: probe a day earlier for the offset then. */
        int64_t result, probe;
        if (!utc_to_seconds(y, m, d, tm.tm_hour, tm.tm_min, second, &result) ||
            !local(DT_EPOCH_SECONDS + timet - MAX_FOLD_SECONDS, &probe))
            return VAL_NULL;
        int64_t transition = result - probe - MAX_FOLD_SECONDS;
        if (transition < 0) {
            if (!local(DT_EPOCH_SECONDS + timet + transition, &probe))
                return VAL_NULL;
            fold = probe == result;
        }
    }
    return dt_datetime_for_class(cls, y, m, d, tm.tm_hour, tm.tm_min, second, us, tzinfo, fold);
}

Value dt_local_timezone(int64_t timet)
{
    struct tm tm;
    if (!broken_down(timet, false, &tm))
        return VAL_NULL;
    Value offset = dt_delta_new(0, tm.tm_gmtoff, 0);
    if (offset == VAL_NULL)
        return VAL_NULL;
    return dt_timezone_new(offset, tm.tm_zone ? rt_str_from_cstr(tm.tm_zone) : VAL_NULL);
}
