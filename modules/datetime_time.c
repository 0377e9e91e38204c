/*
 * datetime_time.c — datetime.time, a time of day with an optional tzinfo
 * and PEP 495's fold.  Two aware times compare through their UTC offsets
 * (a naive and an aware one are never equal, and cannot be ordered); the
 * hash of an aware time is the hash of its UTC time, so equal times hash
 * alike.  fold never takes part in comparison or hashing.
 */
#include "modules/datetime.h"


Value dt_time_new(ObjType *type, int hour, int minute, int second, int us, Value tzinfo, int fold)
{
    ObjTime *t = rt_alloc_instance(type, sizeof *t);
    t->hour = hour;
    t->minute = minute;
    t->second = second;
    t->us = us;
    t->tzinfo = tzinfo;
    t->fold = fold;
    return obj_val(t);
}

/* The tzinfo of a pickled time or datetime: absent, or a tzinfo. */
bool dt_state_tzinfo(Value *args, size_t nargs, Value *tzinfo)
{
    *tzinfo = nargs > 1 ? args[1] : rt_None;
    if (*tzinfo != rt_None && !dt_is_tzinfo(*tzinfo)) {
        rt_raisef(&rt_TypeError, "bad tzinfo state arg");
        return false;
    }
    return true;
}

static Value time_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    unsigned char st[6];
    if ((nargs == 1 || nargs == 2) && kwnames == VAL_NULL) {
        int r = dt_pickle_state(args[0], 6, 0, 0x7F, 0, 23, "time", st);
        if (r < 0)
            return VAL_NULL;
        Value tzinfo;
        if (r) {
            if (!dt_state_tzinfo(args, nargs, &tzinfo))
                return VAL_NULL;
            return dt_time_new(type, st[0] & 0x7F, st[1], st[2],
                               (st[3] << 16) | (st[4] << 8) | st[5], tzinfo, st[0] >> 7);
        }
    }
    static const char *const names[] = {
        "hour", "minute", "second", "microsecond", "tzinfo", "fold",
    };
    static const ArgSpec spec = {NULL, names, 6, 0, 0, 5, false};
    Value v[6];
    int h, m, s, us, fold;
    if (!rt_parse_args(&spec, args, nargs, kwnames, v) || !dt_int_arg(v[0], 0, &h) ||
        !dt_int_arg(v[1], 0, &m) || !dt_int_arg(v[2], 0, &s) || !dt_int_arg(v[3], 0, &us) ||
        !dt_int_arg(v[5], 0, &fold))
        return VAL_NULL;
    Value tzinfo = v[4] == VAL_NULL ? rt_None : v[4];
    if (!dt_check_time(h, m, s, us, fold) || !dt_check_tzinfo(tzinfo))
        return VAL_NULL;
    return dt_time_new(type, h, m, s, us, tzinfo, fold);
}

static Value time_utcoffset_of(Value self)
{
    return dt_call_utcoffset(TIME(self)->tzinfo, rt_None);
}

/* ---- comparison and hashing ----------------------------------------------------- */

static int64_t time_us(ObjTime *t)
{
    return ((int64_t)t->hour * 3600 + t->minute * 60 + t->second) * 1000000 + t->us;
}

static Value time_richcompare(Value a, Value b, int op)
{
    if (!dt_is_time(b))
        return rt_NotImplemented;
    ObjTime *x = TIME(a), *y = TIME(b);
    int64_t ux = time_us(x), uy = time_us(y);
    if (x->tzinfo != y->tzinfo) {
        Value ox = time_utcoffset_of(a), oy;
        if (ox == VAL_NULL || (oy = time_utcoffset_of(b)) == VAL_NULL)
            return VAL_NULL;
        if ((ox == rt_None) != (oy == rt_None)) {
            if (op == CMP_EQ || op == CMP_NE)
                return rt_bool(op == CMP_NE);
            return rt_raisef(&rt_TypeError, "can't compare offset-naive and offset-aware times");
        }
        if (ox != rt_None) {
            ux -= ((int64_t)DELTA(ox)->days * 86400 + DELTA(ox)->seconds) * 1000000;
            uy -= ((int64_t)DELTA(oy)->days * 86400 + DELTA(oy)->seconds) * 1000000;
        }
    }
    return rt_bool(rt_cmp_holds((ux > uy) - (ux < uy), op));
}

static intptr_t time_hash(Value self)
{
    ObjTime *t = TIME(self);
    Value offset = self;
    if (t->fold) {
        /* Hash as the fold-0 time, whose offset may differ. */
        self = dt_time_new(&dt_time_type, t->hour, t->minute, t->second, t->us, t->tzinfo, 0);
    }
    offset = time_utcoffset_of(self);
    if (offset == VAL_NULL)
        return -1;
    if (offset == rt_None) {
        /* Naive: the hash of its state's bytes, as CPython's. */
        unsigned char b[6] = {(unsigned char)t->hour, (unsigned char)t->minute,
                              (unsigned char)t->second, (unsigned char)(t->us >> 16),
                              (unsigned char)(t->us >> 8), (unsigned char)t->us};
        return rt_hash_bytes(b, sizeof b);
    }
    Value utc = dt_delta_new(0, t->hour * 3600 + t->minute * 60 + t->second, t->us);
    Value diff = utc == VAL_NULL ? VAL_NULL : dt_delta_add(utc, offset, -1);
    return diff == VAL_NULL ? -1 : rt_hash(diff);
}

/* ---- text ---------------------------------------------------------------------------- */

static Value time_repr(Value self)
{
    ObjTime *t = TIME(self);
    StrBuf sb;
    sb_init(&sb);
    char buf[64];
    if (t->us)
        snprintf(buf, sizeof buf, "(%d, %d, %d, %d", t->hour, t->minute, t->second, t->us);
    else if (t->second)
        snprintf(buf, sizeof buf, "(%d, %d, %d", t->hour, t->minute, t->second);
    else
        snprintf(buf, sizeof buf, "(%d, %d", t->hour, t->minute);
    sb_adds(&sb, val_type(self)->name);
    sb_adds(&sb, buf);
    return dt_repr_tail(&sb, t->tzinfo, t->fold, false);
}

static Value time_isoformat(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"timespec"};
    static const ArgSpec spec = {"isoformat", names, 1, 0, 0, 1, false};
    Value timespec;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, &timespec))
        return VAL_NULL;
    if (timespec != VAL_NULL && !rt_is_str(timespec))
        return rt_raisef(&rt_TypeError, "isoformat() argument 1 must be str, not %T", timespec);
    ObjTime *t = TIME(args[0]);
    StrBuf sb;
    sb_init(&sb);
    if (!dt_format_time(&sb, t->hour, t->minute, t->second, t->us,
                        timespec == VAL_NULL ? "auto" : rt_str_cstr(timespec)) ||
        !dt_add_utcoffset(&sb, t->tzinfo, rt_None, ":"))
        return VAL_NULL;
    return sb_finish(&sb);
}

static Value time_str(Value self)
{
    return mod_call_method(self, "isoformat", NULL, 0);
}

static Value time_strftime(Value *args, size_t nargs, Value kw)
{
    Value format;
    if (!dt_strftime_arg(args, nargs, kw, &format))
        return VAL_NULL;
    ObjTime *t = TIME(args[0]);
    /* The date part is 1900-01-01, as CPython fills it. */
    Value tuple = dt_timetuple(1900, 1, 1, t->hour, t->minute, t->second, -1);
    if (tuple == VAL_NULL)
        return VAL_NULL;
    return dt_wrap_strftime(args[0], format, tuple, rt_None);
}

/* ---- tzinfo queries ----------------------------------------------------------------- */

static Value time_utcoffset(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("utcoffset", nargs - 1, kw))
        return VAL_NULL;
    return dt_call_utcoffset(TIME(args[0])->tzinfo, rt_None);
}

static Value time_dst(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("dst", nargs - 1, kw))
        return VAL_NULL;
    return dt_call_dst(TIME(args[0])->tzinfo, rt_None);
}

static Value time_tzname(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("tzname", nargs - 1, kw))
        return VAL_NULL;
    return dt_call_tzname(TIME(args[0])->tzinfo, rt_None);
}

/* ---- replace and pickling --------------------------------------------------------- */

static Value time_replace(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {
        "hour", "minute", "second", "microsecond", "tzinfo", "fold",
    };
    static const ArgSpec spec = {"replace", names, 6, 0, 0, 5, false};
    Value v[6];
    ObjTime *t = TIME(args[0]);
    int h, m, s, us, fold;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, v) || !dt_int_arg(v[0], t->hour, &h) ||
        !dt_int_arg(v[1], t->minute, &m) || !dt_int_arg(v[2], t->second, &s) ||
        !dt_int_arg(v[3], t->us, &us) || !dt_int_arg(v[5], t->fold, &fold))
        return VAL_NULL;
    Value tzinfo = v[4] == VAL_NULL ? t->tzinfo : v[4];
    if (!dt_check_time(h, m, s, us, fold) || !dt_check_tzinfo(tzinfo))
        return VAL_NULL;
    return dt_time_new(val_type(args[0]), h, m, s, us, tzinfo, fold);
}

/* (bytes[, tzinfo]): hour, minute, second, microsecond in 3 bytes; the
 * fold, from protocol 4 on, in the hour's high bit. */
static Value time_state(Value self, int proto)
{
    ObjTime *t = TIME(self);
    unsigned char st[6] = {
        t->hour | (proto > 3 && t->fold ? 128 : 0), t->minute, t->second,
        t->us >> 16, (t->us >> 8) & 0xFF, t->us & 0xFF,
    };
    Value b = rt_bytes_new(st, 6);
    return t->tzinfo == rt_None ? rt_tuple_pack(1, b) : rt_tuple_pack(2, b, t->tzinfo);
}

/* __reduce_ex__(protocol) for time and datetime; __reduce__ is protocol 2. */
Value dt_reduce_ex(Value self, Value (*state)(Value, int), Value *args, size_t nargs, Value kw)
{
    int proto = 2;
    if (nargs > 1 && !dt_as_int(args[1], &proto))
        return VAL_NULL;
    return rt_tuple_pack(2, obj_val(val_type(self)), state(self, proto));
}

static Value time_reduce_ex(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("__reduce_ex__", kw) || !rt_arg_count("__reduce_ex__", nargs - 1, 1, 1))
        return VAL_NULL;
    return dt_reduce_ex(args[0], time_state, args, nargs, kw);
}

static Value time_reduce(Value *args, size_t nargs, Value kw)
{
    return dt_reduce_ex(args[0], time_state, args, 1, kw);
}

static Value time_fromisoformat(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("fromisoformat", nargs - 1, kw))
        return VAL_NULL;
    return dt_time_fromisoformat(args[0], args[1]);
}

static const MemberDef time_members[] = {
    DT_TIME_MEMBERS(ObjTime)
    {NULL},
};

const MethodDef dt_time_methods[] = {
    {"isoformat", time_isoformat},
    {"strftime", time_strftime},
    {"__format__", dt_dunder_format},
    {"utcoffset", time_utcoffset},
    {"tzname", time_tzname},
    {"dst", time_dst},
    {"replace", time_replace},
    {"fromisoformat", time_fromisoformat, RT_METH_CLASS},
    {"__reduce_ex__", time_reduce_ex},
    {"__reduce__", time_reduce},
    {NULL, NULL},
};

ObjType dt_time_type = {
    .ob.type = &rt_type_type, .name = "datetime.time", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjTime), .new_ = time_new,
    .repr = time_repr, .str = time_str, .hash = time_hash,
    .richcompare = time_richcompare, .members = time_members,
};
