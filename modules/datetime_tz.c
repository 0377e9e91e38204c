/*
 * datetime_tz.c — datetime.tzinfo, the abstract base of time zones, and
 * datetime.timezone, its one concrete kind in the module: a fixed offset
 * from UTC with an optional name.
 *
 * time and datetime ask their tzinfo through dt_call_utcoffset and the
 * others, which check what a tzinfo written in Python returns exactly as
 * CPython does: None or a timedelta strictly within a day for utcoffset()
 * and dst(), None or a str for tzname().
 */
#include "modules/datetime.h"
#include "runtime/version.h"

Value dt_utc;

/* ---- asking a tzinfo ------------------------------------------------------------ */

static Value call_offset_method(Value tzinfo, const char *name, Value arg)
{
    if (tzinfo == rt_None)
        return rt_None;
    Value r = mod_call_method(tzinfo, name, &arg, 1);
    if (r == VAL_NULL || r == rt_None)
        return r;
    if (!dt_is_delta(r))
        return rt_raisef(&rt_TypeError, "tzinfo.%s() must return None or timedelta, not '%T'",
                         name, r);
    ObjDelta *d = DELTA(r);
    if ((d->days == -1 && d->seconds == 0 && d->us < 1) || d->days < -1 || d->days >= 1)
        return rt_raisef(&rt_ValueError, "offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24).");
    return r;
}

Value dt_call_utcoffset(Value tzinfo, Value arg)
{
    return call_offset_method(tzinfo, "utcoffset", arg);
}

Value dt_call_dst(Value tzinfo, Value arg)
{
    return call_offset_method(tzinfo, "dst", arg);
}

Value dt_call_tzname(Value tzinfo, Value arg)
{
    if (tzinfo == rt_None)
        return rt_None;
    Value r = mod_call_method(tzinfo, "tzname", &arg, 1);
    if (r != VAL_NULL && r != rt_None && !rt_is_str(r))
        return rt_raisef(&rt_TypeError, "tzinfo.tzname() must return None or a string, not '%T'",
                         r);
    return r;
}

/* ---- tzinfo ------------------------------------------------------------------------- */

static Value tzinfo_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    return obj_val(rt_alloc_instance(type, sizeof(Object)));
}

static Value not_implemented(const char *name)
{
    return rt_raisef(&rt_NotImplementedError, "a tzinfo subclass must implement %s()", name);
}

static Value tzinfo_tzname(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("tzname", nargs - 1, kw))
        return VAL_NULL;
    return not_implemented("tzname");
}

static Value tzinfo_utcoffset(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("utcoffset", nargs - 1, kw))
        return VAL_NULL;
    return not_implemented("utcoffset");
}

static Value tzinfo_dst(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("dst", nargs - 1, kw))
        return VAL_NULL;
    return not_implemented("dst");
}

/* The standard conversion from UTC: dt + utcoffset - dst, then the dst
 * the zone has there (datetime.py's tzinfo.fromutc). */
static Value tzinfo_fromutc(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("fromutc", nargs - 1, kw))
        return VAL_NULL;
    Value self = args[0], dt = args[1];
    if (!dt_is_datetime(dt))
        return rt_raisef(&rt_TypeError, "fromutc: argument must be a datetime");
    if (DT(dt)->tzinfo != self)
        return rt_raisef(&rt_ValueError, "fromutc: dt.tzinfo is not self");
    Value off = dt_datetime_utcoffset(dt);
    if (off == VAL_NULL)
        return VAL_NULL;
    if (off == rt_None)
        return rt_raisef(&rt_ValueError, "fromutc: non-None utcoffset() result required");
    Value dst = dt_call_dst(self, dt);
    if (dst == VAL_NULL)
        return VAL_NULL;
    if (dst == rt_None)
        return rt_raisef(&rt_ValueError, "fromutc: non-None dst() result required");
    Value delta = dt_delta_add(off, dst, -1);
    Value result = delta == VAL_NULL ? VAL_NULL : dt_datetime_add_delta(dt, delta, 1);
    if (result == VAL_NULL || (dst = dt_call_dst(DT(dt)->tzinfo, result)) == VAL_NULL)
        return VAL_NULL;
    if (dst == rt_None)
        return rt_raisef(&rt_ValueError,
                         "fromutc: tz.dst() gave inconsistent results; cannot convert");
    ObjDelta *d = DELTA(dst);
    if (d->days || d->seconds || d->us)
        result = dt_datetime_add_delta(result, dst, 1);
    return result;
}

/* (type(self), self.__getinitargs__() or (), self.__getstate__()) */
static Value tzinfo_reduce(Value *args, size_t nargs, Value kw)
{
    Value self = args[0], initargs = rt_empty_tuple;
    Value get = rt_lookup_attr(self, RT_NAME("__getinitargs__"));
    if (get == VAL_NULL && rt_err_occurred())
        return VAL_NULL;
    if (get != VAL_NULL && (initargs = rt_call0(get)) == VAL_NULL)
        return VAL_NULL;
    Value state = rt_object_getstate(self);
    if (state == VAL_NULL)
        return VAL_NULL;
    return rt_tuple_pack(3, obj_val(val_type(self)), initargs, state);
}

const MethodDef dt_tzinfo_methods[] = {
    {"tzname", tzinfo_tzname},
    {"utcoffset", tzinfo_utcoffset},
    {"dst", tzinfo_dst},
    {"fromutc", tzinfo_fromutc},
    {"__reduce__", tzinfo_reduce},
    {NULL, NULL},
};

ObjType dt_tzinfo_type = {
    .ob.type = &rt_type_type, .name = "datetime.tzinfo", .flags = TF_BASETYPE,
    .instance_size = sizeof(Object), .new_ = tzinfo_new,
};

/* ---- timezone ----------------------------------------------------------------------- */

Value dt_timezone_new(Value offset, Value name)
{
    ObjDelta *d = DELTA(offset);
    if (name == VAL_NULL && dt_utc != VAL_NULL && !d->days && !d->seconds && !d->us)
        return dt_utc;
    if ((d->days == -1 && d->seconds == 0 && d->us < 1) || d->days < -1 || d->days >= 1)
        return rt_raisef(&rt_ValueError, "offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24), not %R%s", offset,
                         rt_py_minor >= 14 ? "" : ".");
    ObjTimezone *tz = gc_alloc(sizeof *tz);
    tz->ob.type = &dt_timezone_type;
    tz->offset = offset;
    tz->name = name;
    return obj_val(tz);
}

static Value timezone_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"offset", "name"};
    static const ArgSpec spec = {"timezone", names, 2, 0, 1, 2, false};
    Value v[2];
    if (!rt_parse_args(&spec, args, nargs, kwnames, v))
        return VAL_NULL;
    if (!dt_is_delta(v[0]))
        return rt_raisef(&rt_TypeError, "timezone() argument 1 must be datetime.timedelta, not %T",
                         v[0]);
    if (v[1] != VAL_NULL && !rt_is_str(v[1]))
        return rt_raisef(&rt_TypeError, "timezone() argument 2 must be str, not %T", v[1]);
    return dt_timezone_new(v[0], v[1]);
}

/* tzname(dt), utcoffset(dt) and dst(dt) take a datetime or None. */
static bool check_dt_arg(Value *args, size_t nargs, Value kw, const char *name)
{
    if (!rt_arg_one(name, nargs - 1, kw))
        return false;
    if (args[1] == rt_None || dt_is_datetime(args[1]))
        return true;
    rt_raisef(&rt_TypeError, "%s(dt) argument must be a datetime instance or None, not %T",
              name, args[1]);
    return false;
}

static Value timezone_name(Value self)
{
    ObjTimezone *tz = TZ(self);
    if (tz->name != VAL_NULL)
        return tz->name;
    ObjDelta *d = DELTA(tz->offset);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "UTC");
    if (self != dt_utc && (d->days || d->seconds || d->us))
        dt_format_offset(&sb, tz->offset, ":");
    return sb_finish(&sb);
}

static Value timezone_tzname(Value *args, size_t nargs, Value kw)
{
    if (!check_dt_arg(args, nargs, kw, "tzname"))
        return VAL_NULL;
    return timezone_name(args[0]);
}

static Value timezone_utcoffset(Value *args, size_t nargs, Value kw)
{
    if (!check_dt_arg(args, nargs, kw, "utcoffset"))
        return VAL_NULL;
    return TZ(args[0])->offset;
}

static Value timezone_dst(Value *args, size_t nargs, Value kw)
{
    if (!check_dt_arg(args, nargs, kw, "dst"))
        return VAL_NULL;
    return rt_None;
}

static Value timezone_fromutc(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("fromutc", nargs - 1, kw))
        return VAL_NULL;
    if (!dt_is_datetime(args[1]))
        return rt_raisef(&rt_TypeError, "fromutc: argument must be a datetime");
    if (DT(args[1])->tzinfo != args[0])
        return rt_raisef(&rt_ValueError, "fromutc: dt.tzinfo is not self");
    return dt_datetime_add_delta(args[1], TZ(args[0])->offset, 1);
}

static Value timezone_getinitargs(Value *args, size_t nargs, Value kw)
{
    ObjTimezone *tz = TZ(args[0]);
    if (tz->name == VAL_NULL)
        return rt_tuple_pack(1, tz->offset);
    return rt_tuple_pack(2, tz->offset, tz->name);
}

static Value timezone_repr(Value self)
{
    ObjTimezone *tz = TZ(self);
    const char *type = val_type(self)->name;
    if (self == dt_utc)
        return rt_str_format_c("%s.utc", type);
    if (tz->name == VAL_NULL)
        return rt_str_format_c("%s(%R)", type, tz->offset);
    return rt_str_format_c("%s(%R, %R)", type, tz->offset, tz->name);
}

static Value timezone_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || val_type(b) != &dt_timezone_type)
        return rt_NotImplemented;
    return rt_bool(rt_cmp_holds(dt_delta_cmp(TZ(a)->offset, TZ(b)->offset), op));
}

static intptr_t timezone_hash(Value self)
{
    return rt_hash(TZ(self)->offset);
}

const MethodDef dt_timezone_methods[] = {
    {"tzname", timezone_tzname},
    {"utcoffset", timezone_utcoffset},
    {"dst", timezone_dst},
    {"fromutc", timezone_fromutc},
    {"__getinitargs__", timezone_getinitargs},
    {NULL, NULL},
};

ObjType dt_timezone_type = {
    .ob.type = &rt_type_type, .name = "datetime.timezone", .base = &dt_tzinfo_type,
    .instance_size = sizeof(ObjTimezone), .new_ = timezone_new,
    .repr = timezone_repr, .str = timezone_name, .hash = timezone_hash,
    .richcompare = timezone_richcompare,
};
