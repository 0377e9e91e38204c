/*
 * datetime_calendar.c — the `_datetime` module: its initialiser, and the
 * proleptic Gregorian calendar every type of it counts with (CPython
 * 3.11's Modules/_datetimemodule.c, whose helpers have these names).
 *
 * An ordinal numbers days from date(1, 1, 1) = 1; the checks raise
 * CPython's messages ("month must be in 1..12").
 */
#include <limits.h>
#include "modules/datetime.h"
#include "runtime/version.h"

const char *const dt_day_names[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char *const dt_month_names[12] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static const int days_in_month_table[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
static const int days_before_month_table[13] = {
    0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
};

bool dt_is_leap(int year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int dt_days_in_month(int year, int month)
{
    return month == 2 && dt_is_leap(year) ? 29 : days_in_month_table[month];
}

int dt_days_before_month(int year, int month)
{
    return days_before_month_table[month] + (month > 2 && dt_is_leap(year));
}

/* Days before January 1 of `year`. */
static int days_before_year(int year)
{
    int y = year - 1;
    return y * 365 + y / 4 - y / 100 + y / 400;
}

int dt_ymd_to_ord(int year, int month, int day)
{
    return days_before_year(year) + dt_days_before_month(year, month) + day;
}

/* The 400-, 100- and 4-year cycles, as datetime.py's _ord2ymd. */
void dt_ord_to_ymd(int ordinal, int *year, int *month, int *day)
{
    enum { DI400Y = 146097, DI100Y = 36524, DI4Y = 1461 };
    int n = ordinal - 1;
    int n400 = n / DI400Y;
    n %= DI400Y;
    int n100 = n / DI100Y;
    n %= DI100Y;
    int n4 = n / DI4Y;
    n %= DI4Y;
    int n1 = n / 365;
    n %= 365;
    *year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
    if (n1 == 4 || n100 == 4) {         /* the last day of a leap cycle */
        (*year)--;
        *month = 12;
        *day = 31;
        return;
    }
    bool leap = n1 == 3 && (n4 != 24 || n100 == 3);
    int m = (n + 50) >> 5;
    int preceding = days_before_month_table[m] + (m > 2 && leap);
    if (preceding > n) {
        m--;
        preceding -= m == 2 && leap ? 29 : days_in_month_table[m];
    }
    *month = m;
    *day = n - preceding + 1;
}

int dt_weekday(int year, int month, int day)
{
    return (dt_ymd_to_ord(year, month, day) + 6) % 7;
}

/* The ordinal of the Monday starting ISO week 1 of `year`. */
int dt_iso_week1_monday(int year)
{
    int first = days_before_year(year) + 1;
    int weekday = (first + 6) % 7;
    int monday = first - weekday;
    if (weekday > 3)
        monday += 7;
    return monday;
}

bool dt_year_error(int year)
{
    if (rt_py_minor >= 14)
        rt_raisef(&rt_ValueError, "year must be in %d..%d, not %d", DT_MINYEAR, DT_MAXYEAR, year);
    else
        rt_raisef(&rt_ValueError, "year %d is out of range", year);
    return false;
}

/* 3.14's messages name the value and the range. */
bool dt_check_date(int year, int month, int day)
{
    if (year < DT_MINYEAR || year > DT_MAXYEAR)
        return dt_year_error(year);
    if (month < 1 || month > 12) {
        if (rt_py_minor >= 14)
            rt_raisef(&rt_ValueError, "month must be in 1..12, not %d", month);
        else
            rt_raisef(&rt_ValueError, "month must be in 1..12");
        return false;
    }
    if (day < 1 || day > dt_days_in_month(year, month)) {
        if (rt_py_minor >= 14)
            rt_raisef(&rt_ValueError, "day %d must be in range 1..%d for month %d in year %d",
                      day, dt_days_in_month(year, month), month, year);
        else
            rt_raisef(&rt_ValueError, "day is out of range for month");
        return false;
    }
    return true;
}

bool dt_check_time(int hour, int minute, int second, int us, int fold)
{
    const char *bad = hour < 0 || hour > 23 ? "hour must be in 0..23"
        : minute < 0 || minute > 59 ? "minute must be in 0..59"
        : second < 0 || second > 59 ? "second must be in 0..59"
        : us < 0 || us > 999999 ? "microsecond must be in 0..999999"
        : fold != 0 && fold != 1 ? "fold must be either 0 or 1" : NULL;
    int value = hour < 0 || hour > 23 ? hour : minute < 0 || minute > 59 ? minute
              : second < 0 || second > 59 ? second : us < 0 || us > 999999 ? us : fold;
    if (bad != NULL && rt_py_minor >= 14)      /* 3.14 adds the value */
        rt_raisef(&rt_ValueError, "%s, not %d", bad, value);
    else if (bad != NULL)
        rt_raisef(&rt_ValueError, "%s", bad);
    return bad == NULL;
}

bool dt_check_tzinfo(Value tzinfo)
{
    if (tzinfo == rt_None || dt_is_tzinfo(tzinfo))
        return true;
    rt_raisef(&rt_TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '%T'",
              tzinfo);
    return false;
}

bool dt_as_int(Value v, int *out)
{
    if (rt_isinstance_of(v, &rt_float_type)) {
        rt_raisef(&rt_TypeError, "'float' object cannot be interpreted as an integer");
        return false;
    }
    Value i = rt_index(v);
    if (i == VAL_NULL)
        return false;
    int64_t x;
    if (!rt_int_as_i64(i, &x)) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C long");
        return false;
    }
    if (x > INT_MAX || x < INT_MIN) {
        rt_raisef(&rt_OverflowError, x > 0 ? "signed integer is greater than maximum"
                                           : "signed integer is less than minimum");
        return false;
    }
    *out = (int)x;
    return true;
}

bool dt_int_arg(Value v, int dflt, int *out)
{
    if (v == VAL_NULL) {
        *out = dflt;
        return true;
    }
    return dt_as_int(v, out);
}

bool dt_parse_int_args(const ArgSpec *spec, const Value *args, size_t nargs, Value kwnames,
                       Value *out)
{
    size_t npos = rt_npos(nargs, kwnames);
    int ignored;
    if (npos < (size_t)spec->minpos)
        for (size_t i = 0; i < npos; i++)
            if (!dt_as_int(args[i], &ignored))
                return false;
    return rt_parse_args(spec, args, nargs, kwnames, out);
}

Value dt_cmperror(Value a, Value b)
{
    return rt_raisef(&rt_TypeError, "can't compare %s to %s", val_type(a)->name,
                     val_type(b)->name);
}

Value dt_time_module(void)
{
    static Value module;
    if (module == VAL_NULL)
        module = mod_import("time");
    return module;
}

Value dt_call_subclass(Value cls, Value args, bool fold)
{
    if (!fold)
        return rt_call_tuple_dict(cls, args, VAL_NULL);
    Value kw = rt_dict_new();
    rt_dict_set_cstr(kw, "fold", small_new(1));
    return rt_call_tuple_dict(cls, args, kw);
}

/* ---- the module ------------------------------------------------------------ */

/* The class attributes min, max and resolution (and timezone's utc), made
 * once: the types are static, shared by every import of the module. */
static void set_class_constants(void)
{
    rt_type_set(&dt_delta_type, "min", dt_delta_new(-DT_MAX_DELTA_DAYS, 0, 0));
    rt_type_set(&dt_delta_type, "max", dt_delta_new(DT_MAX_DELTA_DAYS, 86399, 999999));
    rt_type_set(&dt_delta_type, "resolution", dt_delta_new(0, 0, 1));
    rt_type_set(&dt_date_type, "min", dt_date_new(&dt_date_type, 1, 1, 1));
    rt_type_set(&dt_date_type, "max", dt_date_new(&dt_date_type, 9999, 12, 31));
    rt_type_set(&dt_date_type, "resolution", dt_delta_new(1, 0, 0));
    rt_type_set(&dt_time_type, "min", dt_time_new(&dt_time_type, 0, 0, 0, 0, rt_None, 0));
    rt_type_set(&dt_time_type, "max",
                dt_time_new(&dt_time_type, 23, 59, 59, 999999, rt_None, 0));
    rt_type_set(&dt_time_type, "resolution", dt_delta_new(0, 0, 1));
    rt_type_set(&dt_datetime_type, "min",
                dt_datetime_new(&dt_datetime_type, 1, 1, 1, 0, 0, 0, 0, rt_None, 0));
    rt_type_set(&dt_datetime_type, "max",
                dt_datetime_new(&dt_datetime_type, 9999, 12, 31, 23, 59, 59, 999999, rt_None, 0));
    rt_type_set(&dt_datetime_type, "resolution", dt_delta_new(0, 0, 1));
    dt_utc = dt_timezone_new(dt_delta_new(0, 0, 0), VAL_NULL);
    rt_type_set(&dt_timezone_type, "utc", dt_utc);
    rt_type_set(&dt_timezone_type, "min",
                dt_timezone_new(dt_delta_new(0, -(23 * 3600 + 59 * 60), 0), VAL_NULL));
    rt_type_set(&dt_timezone_type, "max",
                dt_timezone_new(dt_delta_new(0, 23 * 3600 + 59 * 60, 0), VAL_NULL));
}

extern const MethodDef dt_delta_methods[], dt_date_methods[], dt_time_methods[],
    dt_datetime_methods[], dt_tzinfo_methods[], dt_timezone_methods[];

Value mod_datetime_init(void)
{
    static const MethodDef no_functions[] = {{NULL, NULL}};
    Value m = mod_module_new("_datetime", no_functions);
    bool first = dt_delta_type.mro == VAL_NULL;
    mod_add_type(m, "timedelta", &dt_delta_type, dt_delta_methods);
    mod_add_type(m, "date", &dt_date_type, dt_date_methods);
    mod_add_type(m, "time", &dt_time_type, dt_time_methods);
    mod_add_type(m, "datetime", &dt_datetime_type, dt_datetime_methods);
    mod_add_type(m, "tzinfo", &dt_tzinfo_type, dt_tzinfo_methods);
    mod_add_type(m, "timezone", &dt_timezone_type, dt_timezone_methods);
    dt_isocal_init();
    if (first)
        set_class_constants();
    mod_module_set(m, "MINYEAR", small_new(DT_MINYEAR));
    mod_module_set(m, "MAXYEAR", small_new(DT_MAXYEAR));
    mod_module_set(m, "UTC", dt_utc);
    mod_module_set(m, "__doc__", rt_str_from_cstr("Fast implementation of the datetime type."));
    return m;
}
