/*
 * datetime_date.c — datetime.date, a day of the proleptic Gregorian
 * calendar (year 1..9999), and the IsoCalendarDate tuple its isocalendar()
 * returns.  datetime.datetime inherits most of these methods; the ones
 * that build a value of the caller's class (today, fromordinal, ...) call
 * a Python subclass so that its __new__ runs, as CPython does.
 */
#include <string.h>
#include "modules/datetime.h"
#include "runtime/version.h"
#include "runtime/structseq.h"

Value dt_date_new(ObjType *type, int year, int month, int day)
{
    ObjDate *d = rt_alloc_instance(type, sizeof *d);
    d->year = year;
    d->month = month;
    d->day = day;
    return obj_val(d);
}

Value dt_date_for_class(Value cls, int year, int month, int day)
{
    if (AS_TYPE(cls) == &dt_date_type) {
        if (!dt_check_date(year, month, day))
            return VAL_NULL;
        return dt_date_new(&dt_date_type, year, month, day);
    }
    return rt_call_tuple_dict(cls, rt_tuple_pack(3, small_new(year), small_new(month),
                                                 small_new(day)), VAL_NULL);
}

/* The bytes of a pickled date/time/datetime passed as the one argument:
 * `size` bytes (a str is read as Latin-1) whose byte `at`, masked, is in
 * [lo, hi].  0 if the argument is not such a state. */
int dt_pickle_state(Value state, size_t size, size_t at, int mask, int lo, int hi,
                    const char *what, unsigned char *out)
{
    if (rt_isinstance_of(state, &rt_bytes_type)) {
        if (AS_BYTES(state)->length != size)
            return 0;
        memcpy(out, AS_BYTES(state)->data, size);
    } else if (rt_is_str(state)) {
        if (AS_STR(state)->length != size)
            return 0;
        for (size_t i = 0; i < size; i++) {
            uint32_t c = rt_str_char_at(state, i);
            if (c > 255) {
                if (i != at)
                    rt_raisef(&rt_ValueError, "Failed to encode latin1 string when unpickling "
                              "a %s object. pickle.load(data, encoding='latin1') is assumed.",
                              what);
                return i != at ? -1 : 0;
            }
            out[i] = (unsigned char)c;
        }
    } else {
        return 0;
    }
    int v = out[at] & mask;
    return v >= lo && v <= hi;
}

static Value date_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    unsigned char st[4];
    if (nargs == 1 && kwnames == VAL_NULL) {
        int r = dt_pickle_state(args[0], 4, 2, 0xFF, 1, 12, "date", st);
        if (r < 0)
            return VAL_NULL;
        if (r)
            return dt_date_new(type, st[0] * 256 + st[1], st[2], st[3]);
    }
    static const char *const names[] = {"year", "month", "day"};
    static const ArgSpec spec = {NULL, names, 3, 0, 3, 3, false};
    Value v[3];
    int y, m, d;
    if (!dt_parse_int_args(&spec, args, nargs, kwnames, v) || !dt_as_int(v[0], &y) ||
        !dt_as_int(v[1], &m) || !dt_as_int(v[2], &d) || !dt_check_date(y, m, d))
        return VAL_NULL;
    return dt_date_new(type, y, m, d);
}

/* ---- arithmetic and comparison ------------------------------------------------- */

/* The date `days` after d, of d's class; OverflowError out of range. */
static Value date_plus_days(Value date, int64_t days)
{
    ObjDate *d = DATE(date);
    int64_t ordinal = dt_ymd_to_ord(d->year, d->month, d->day) + days;
    if (ordinal < 1 || ordinal > DT_MAXORDINAL)
        return rt_raisef(&rt_OverflowError, "date value out of range");
    int y, m, dd;
    dt_ord_to_ymd((int)ordinal, &y, &m, &dd);
    return dt_date_for_class(obj_val(val_type(date)), y, m, dd);
}

static Value date_binop(Value a, Value b, int op)
{
    if (dt_is_datetime(a) || dt_is_datetime(b))
        return rt_NotImplemented;
    if (op == NB_ADD) {
        if (dt_is_date(a) && dt_is_delta(b))
            return date_plus_days(a, DELTA(b)->days);
        if (dt_is_delta(a) && dt_is_date(b))
            return date_plus_days(b, DELTA(a)->days);
    } else if (op == NB_SUBTRACT && dt_is_date(a)) {
        if (dt_is_delta(b))
            return date_plus_days(a, -(int64_t)DELTA(b)->days);
        if (dt_is_date(b)) {
            ObjDate *x = DATE(a), *y = DATE(b);
            return dt_delta_new(dt_ymd_to_ord(x->year, x->month, x->day) -
                                dt_ymd_to_ord(y->year, y->month, y->day), 0, 0);
        }
    }
    return rt_NotImplemented;
}

static int date_cmp(Value a, Value b)
{
    ObjDate *x = DATE(a), *y = DATE(b);
    int c = (x->year > y->year) - (x->year < y->year);
    if (c == 0)
        c = (x->month > y->month) - (x->month < y->month);
    if (c == 0)
        c = (x->day > y->day) - (x->day < y->day);
    return c;
}

static Value date_richcompare(Value a, Value b, int op)
{
    if (!dt_is_date(b) || (rt_py_minor >= 13 && dt_is_datetime(b)))
        return rt_NotImplemented;       /* 3.13: a datetime is no date to compare with */
    return rt_bool(rt_cmp_holds(date_cmp(a, b), op));
}

/* CPython's: the hash of the bytes of its state (so PYTHONHASHSEED changes it). */
static intptr_t date_hash(Value self)
{
    ObjDate *d = DATE(self);
    unsigned char b[4] = {(unsigned char)(d->year >> 8), (unsigned char)d->year,
                          (unsigned char)d->month, (unsigned char)d->day};
    return rt_hash_bytes(b, sizeof b);
}

/* ---- text -------------------------------------------------------------------------- */

static Value date_repr(Value self)
{
    ObjDate *d = DATE(self);
    return rt_str_format_c("%s(%d, %d, %d)", val_type(self)->name, d->year, d->month, d->day);
}

static Value date_isoformat(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("isoformat", nargs - 1, kw))
        return VAL_NULL;
    ObjDate *d = DATE(args[0]);
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
    return rt_str_from_cstr(buf);
}

/* str(d) is d.isoformat(), looked up (a subclass may define it). */
static Value date_str(Value self)
{
    return mod_call_method(self, "isoformat", NULL, 0);
}

static Value date_ctime(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("ctime", nargs - 1, kw))
        return VAL_NULL;
    ObjDate *d = DATE(args[0]);
    int h = 0, m = 0, s = 0;
    if (dt_is_datetime(args[0])) {
        h = DT(args[0])->hour;
        m = DT(args[0])->minute;
        s = DT(args[0])->second;
    }
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %04d",
             dt_day_names[dt_weekday(d->year, d->month, d->day)], dt_month_names[d->month - 1],
             d->day, h, m, s, d->year);
    return rt_str_from_cstr(buf);
}

Value dt_timetuple(int y, int m, int d, int hh, int mm, int ss, int dstflag)
{
    Value fields = rt_tuple_pack(9, small_new(y), small_new(m), small_new(d), small_new(hh),
                                 small_new(mm), small_new(ss), small_new(dt_weekday(y, m, d)),
                                 small_new(dt_days_before_month(y, m) + d), small_new(dstflag));
    Value module = dt_time_module();
    if (module == VAL_NULL)
        return VAL_NULL;
    Value st = rt_getattr_cstr(module, "struct_time");
    return st == VAL_NULL ? VAL_NULL : rt_call1(st, fields);
}

static Value date_timetuple(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("timetuple", nargs - 1, kw))
        return VAL_NULL;
    ObjDate *d = DATE(args[0]);
    return dt_timetuple(d->year, d->month, d->day, 0, 0, 0, -1);
}

/* strftime(format): time.strftime on self.timetuple() (looked up, as
 * datetime's differs), %z %Z %f replaced first. */
bool dt_strftime_arg(Value *args, size_t nargs, Value kw, Value *format)
{
    static const char *const names[] = {"format"};
    static const ArgSpec spec = {"strftime", names, 1, 0, 1, 1, false};
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, format))
        return false;
    if (rt_is_str(*format))
        return true;
    rt_raisef(&rt_TypeError, "strftime() argument 1 must be str, not %T", *format);
    return false;
}

static Value date_strftime(Value *args, size_t nargs, Value kw)
{
    Value format;
    if (!dt_strftime_arg(args, nargs, kw, &format))
        return VAL_NULL;
    Value tuple = mod_call_method(args[0], "timetuple", NULL, 0);
    if (tuple == VAL_NULL)
        return VAL_NULL;
    return dt_wrap_strftime(args[0], format, tuple, args[0]);
}

/* format(d, spec): str(d) for an empty spec, else d.strftime(spec). */
Value dt_dunder_format(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("__format__", kw) || !rt_arg_count("__format__", nargs - 1, 1, 1))
        return VAL_NULL;
    Value spec = args[1];
    if (!rt_is_str(spec))
        return rt_raisef(&rt_TypeError, "__format__() argument 1 must be str, not %T", spec);
    if (AS_STR(spec)->length == 0)
        return rt_str(args[0]);
    return mod_call_method(args[0], "strftime", &spec, 1);
}

/* ---- calendar methods ------------------------------------------------------------ */

static Value date_toordinal(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("toordinal", nargs - 1, kw))
        return VAL_NULL;
    ObjDate *d = DATE(args[0]);
    return small_new(dt_ymd_to_ord(d->year, d->month, d->day));
}

static Value date_weekday(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("weekday", nargs - 1, kw))
        return VAL_NULL;
    ObjDate *d = DATE(args[0]);
    return small_new(dt_weekday(d->year, d->month, d->day));
}

static Value date_isoweekday(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("isoweekday", nargs - 1, kw))
        return VAL_NULL;
    ObjDate *d = DATE(args[0]);
    return small_new(dt_weekday(d->year, d->month, d->day) + 1);
}

static ObjType *isocal_type;

static Value date_isocalendar(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("isocalendar", nargs - 1, kw))
        return VAL_NULL;
    ObjDate *d = DATE(args[0]);
    int year = d->year, today = dt_ymd_to_ord(d->year, d->month, d->day), day;
    int week = dt_divmod(today - dt_iso_week1_monday(year), 7, &day);
    if (week < 0) {
        year--;
        week = dt_divmod(today - dt_iso_week1_monday(year), 7, &day);
    } else if (week >= 52 && today >= dt_iso_week1_monday(year + 1)) {
        year++;
        week = 0;
    }
    Value items[3] = {small_new(year), small_new(week + 1), small_new(day + 1)};
    return rt_structseq_new(isocal_type, items);
}

/* IsoCalendarDate pickles as the plain tuple. */
static Value isocal_reduce(Value *args, size_t nargs, Value kw)
{
    ObjTuple *t = AS_TUPLE(args[0]);
    return rt_tuple_pack(2, obj_val(&rt_tuple_type),
                         rt_tuple_pack(1, rt_tuple_from(t->items, t->length)));
}

void dt_isocal_init(void)
{
    static const char *const fields[] = {"year", "week", "weekday"};
    static const RtStructSeqDesc desc = {"datetime.IsoCalendarDate", fields, 3, 3, false};
    static const MethodDef methods[] = {{"__reduce__", isocal_reduce}, {NULL, NULL}};
    if (isocal_type == NULL) {
        isocal_type = rt_structseq_type_new(&desc);
        rt_type_add_methods(isocal_type, methods);
    }
}

static Value date_replace(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"year", "month", "day"};
    static const ArgSpec spec = {"replace", names, 3, 0, 0, 3, false};
    Value v[3];
    ObjDate *d = DATE(args[0]);
    int y, m, dd;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, v) || !dt_int_arg(v[0], d->year, &y) ||
        !dt_int_arg(v[1], d->month, &m) || !dt_int_arg(v[2], d->day, &dd) ||
        !dt_check_date(y, m, dd))
        return VAL_NULL;
    return dt_date_new(val_type(args[0]), y, m, dd);
}

static Value date_reduce(Value *args, size_t nargs, Value kw)
{
    ObjDate *d = DATE(args[0]);
    unsigned char st[4] = {d->year >> 8, d->year & 0xFF, d->month, d->day};
    return rt_tuple_pack(2, obj_val(val_type(args[0])),
                         rt_tuple_pack(1, rt_bytes_new(st, 4)));
}

/* ---- class methods ---------------------------------------------------------------- */

static Value date_fromtimestamp(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("fromtimestamp", kw) || !rt_arg_count("fromtimestamp", nargs - 1, 1, 1))
        return VAL_NULL;
    int64_t secs;
    int us;
    if (!dt_timestamp_split(args[1], false, &secs, &us))
        return VAL_NULL;
    Value dt = dt_from_timet(obj_val(&dt_datetime_type), false, secs, 0, rt_None);
    if (dt == VAL_NULL)
        return VAL_NULL;
    return dt_date_for_class(args[0], DATE(dt)->year, DATE(dt)->month, DATE(dt)->day);
}

/* today(): cls.fromtimestamp(time.time()). */
static Value date_today(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("today", nargs - 1, kw))
        return VAL_NULL;
    Value module = dt_time_module();
    if (module == VAL_NULL)
        return VAL_NULL;
    Value now = mod_call_method(module, "time", NULL, 0);
    if (now == VAL_NULL)
        return VAL_NULL;
    return mod_call_method(args[0], "fromtimestamp", &now, 1);
}

static Value date_fromordinal(Value *args, size_t nargs, Value kw)
{
    int n;
    if (!rt_arg_nokw("fromordinal", kw) || !rt_arg_count("fromordinal", nargs - 1, 1, 1) ||
        !dt_as_int(args[1], &n))
        return VAL_NULL;
    if (n < 1)
        return rt_raisef(&rt_ValueError, "ordinal must be >= 1");
    int y, m, d;
    dt_ord_to_ymd(n, &y, &m, &d);
    return dt_date_for_class(args[0], y, m, d);
}

static Value date_fromisoformat(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("fromisoformat", nargs - 1, kw))
        return VAL_NULL;
    return dt_date_fromisoformat(args[0], args[1]);
}

static Value date_fromisocalendar(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"year", "week", "day"};
    static const ArgSpec spec = {"fromisocalendar", names, 3, 0, 3, 3, false};
    Value v[3];
    int year, week, day, y, m, d;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, v))
        return VAL_NULL;
    if (!dt_as_int(v[0], &year) || !dt_as_int(v[1], &week) || !dt_as_int(v[2], &day)) {
        if (rt_err_matches(&rt_OverflowError)) {
            rt_err_clear();
            rt_raisef(&rt_ValueError, "ISO calendar component out of range");
        }
        return VAL_NULL;
    }
    if (year < DT_MINYEAR || year > DT_MAXYEAR) {
        if (rt_py_minor >= 14) {
            dt_year_error(year);
            return VAL_NULL;
        }
        return rt_raisef(&rt_ValueError, "Year is out of range: %d", year);
    }
    int rv = dt_iso_to_ymd(year, week, day, &y, &m, &d);
    if (rv == -2)
        return rt_raisef(&rt_ValueError, "Invalid week: %d", week);
    if (rv == -3)
        return rt_raisef(&rt_ValueError, "Invalid %s: %d (range is [1, 7])",
                         rt_py_minor >= 14 ? "weekday" : "day", day);
    return dt_date_for_class(args[0], y, m, d);
}

static const MemberDef date_members[] = {
    {"year", offsetof(ObjDate, year), RT_MEMBER_INT, RT_READONLY, 0},
    {"month", offsetof(ObjDate, month), RT_MEMBER_INT, RT_READONLY, 0},
    {"day", offsetof(ObjDate, day), RT_MEMBER_INT, RT_READONLY, 0},
    {NULL},
};

const MethodDef dt_date_methods[] = {
    {"today", date_today, RT_METH_CLASS},
    {"fromtimestamp", date_fromtimestamp, RT_METH_CLASS},
    {"fromordinal", date_fromordinal, RT_METH_CLASS},
    {"fromisoformat", date_fromisoformat, RT_METH_CLASS},
    {"fromisocalendar", date_fromisocalendar, RT_METH_CLASS},
    {"ctime", date_ctime},
    {"strftime", date_strftime},
    {"__format__", dt_dunder_format},
    {"timetuple", date_timetuple},
    {"isocalendar", date_isocalendar},
    {"isoformat", date_isoformat},
    {"isoweekday", date_isoweekday},
    {"toordinal", date_toordinal},
    {"weekday", date_weekday},
    {"replace", date_replace},
    {"__reduce__", date_reduce},
    {NULL, NULL},
};

ObjType dt_date_type = {
    .ob.type = &rt_type_type, .name = "datetime.date", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjDate), .new_ = date_new,
    .repr = date_repr, .str = date_str, .hash = date_hash,
    .richcompare = date_richcompare, .binop = date_binop, .members = date_members,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_SUBTRACT),
};
