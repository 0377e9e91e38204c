/*
 * datetime_delta.c — datetime.timedelta, a duration kept as days,
 * seconds (0..86399) and microseconds (0..999999), with CPython 3.11's
 * arithmetic: the constructor sums its seven components exactly in
 * microseconds (a float component's fraction is carried and rounded half
 * to even at the end), and a timedelta times or divided by a float goes
 * through the float's exact ratio (float.as_integer_ratio), rounded half
 * to even, as CPython's C module does.
 */
#include <math.h>
#include "modules/datetime.h"

static const int64_t US_PER_DAY = 86400000000LL;

/* ---- making one ---------------------------------------------------------- */

static Value delta_alloc(ObjType *type, int days, int seconds, int us)
{
    ObjDelta *d = rt_alloc_instance(type, sizeof *d);
    d->days = days;
    d->seconds = seconds;
    d->us = us;
    return obj_val(d);
}

static Value days_overflow(int64_t days)
{
    return rt_raisef(&rt_OverflowError, "days=%ld; must have magnitude <= %d", (long)days,
                     DT_MAX_DELTA_DAYS);
}

static int64_t floor_div64(int64_t a, int64_t b, int64_t *r)
{
    int64_t q = a / b, m = a % b;
    if (m < 0) {
        m += b;
        q--;
    }
    *r = m;
    return q;
}

static Value delta_normalised(ObjType *type, int64_t days, int64_t seconds, int64_t us)
{
    int64_t r;
    seconds += floor_div64(us, 1000000, &r);
    us = r;
    days += floor_div64(seconds, 86400, &r);
    seconds = r;
    if (days < -DT_MAX_DELTA_DAYS || days > DT_MAX_DELTA_DAYS)
        return days_overflow(days);
    return delta_alloc(type, (int)days, (int)seconds, (int)us);
}

Value dt_delta_new(int64_t days, int64_t seconds, int64_t us)
{
    return delta_normalised(&dt_delta_type, days, seconds, us);
}

Value dt_delta_to_us(Value delta)
{
    ObjDelta *d = DELTA(delta);
    int64_t part = (int64_t)d->seconds * 1000000 + d->us;
    if (d->days > -100000 && d->days < 100000)
        return rt_int_from_i64(d->days * US_PER_DAY + part);
    Value big = rt_int_binop(small_new(d->days), small_new(US_PER_DAY), NB_MULTIPLY);
    return rt_int_binop(big, small_new(part), NB_ADD);
}

static Value delta_from_us_type(ObjType *type, Value us)
{
    int64_t n;
    if (rt_int_as_i64(us, &n))
        return delta_normalised(type, 0, 0, n);
    rt_err_clear();
    Value qr = rt_int_binop(us, small_new(US_PER_DAY), NB_DIVMOD);
    if (qr == VAL_NULL)
        return VAL_NULL;
    int64_t days, rest;
    if (!rt_int_as_i64(rt_tuple_get(qr, 0), &days) || days > INT32_MAX || days < INT32_MIN) {
        rt_err_clear();
        return rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
    }
    rt_int_as_i64(rt_tuple_get(qr, 1), &rest);
    return delta_normalised(type, days, 0, rest);
}

Value dt_delta_from_us(Value us)
{
    return delta_from_us_type(&dt_delta_type, us);
}

int dt_delta_cmp(Value a, Value b)
{
    ObjDelta *x = DELTA(a), *y = DELTA(b);
    int c = (x->days > y->days) - (x->days < y->days);
    if (c == 0)
        c = (x->seconds > y->seconds) - (x->seconds < y->seconds);
    if (c == 0)
        c = (x->us > y->us) - (x->us < y->us);
    return c;
}

Value dt_delta_negate(Value delta)
{
    ObjDelta *d = DELTA(delta);
    return dt_delta_new(-(int64_t)d->days, -(int64_t)d->seconds, -(int64_t)d->us);
}

Value dt_delta_add(Value a, Value b, int sign)
{
    ObjDelta *x = DELTA(a), *y = DELTA(b);
    return dt_delta_new((int64_t)x->days + sign * y->days, (int64_t)x->seconds + sign * y->seconds,
                        (int64_t)x->us + sign * y->us);
}

/* ---- timedelta(days=0, seconds=0, microseconds=0, milliseconds=0,
 *                minutes=0, hours=0, weeks=0) ------------------------------ */

/* sofar + num * factor, num an int or a float (whose fraction of a
 * microsecond is added to *leftover); CPython's accum(). */
static Value accum(const char *tag, Value sofar, Value num, int64_t factor, double *leftover)
{
    Value f = rt_int_from_i64(factor);
    if (rt_isinstance_of(num, &rt_int_type)) {
        Value prod = rt_int_binop(rt_int_unbool(num), f, NB_MULTIPLY);
        return prod == VAL_NULL ? VAL_NULL : rt_int_binop(sofar, prod, NB_ADD);
    }
    if (rt_isinstance_of(num, &rt_float_type)) {
        double intpart, fracpart = modf(rt_float_value(num), &intpart);
        Value x = rt_int_from_double(intpart);
        if (x == VAL_NULL)
            return VAL_NULL;
        Value sum = rt_int_binop(sofar, rt_int_binop(x, f, NB_MULTIPLY), NB_ADD);
        if (fracpart == 0.0)
            return sum;
        fracpart = modf((double)factor * fracpart, &intpart);
        *leftover += fracpart;
        return rt_int_binop(sum, rt_int_from_double(intpart), NB_ADD);
    }
    return rt_raisef(&rt_TypeError, "unsupported type for timedelta %s component: %T", tag, num);
}

static Value delta_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {
        "days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks",
    };
    static const ArgSpec spec = {"__new__", names, 7, 0, 0, 7, false};
    /* Summed in this order, as CPython does. */
    static const int order[] = {2, 3, 1, 4, 5, 0, 6};
    static const int64_t factor[] = {
        86400000000LL, 1000000, 1, 1000, 60000000LL, 3600000000LL, 604800000000LL,
    };
    Value v[7];
    if (!rt_parse_args(&spec, args, nargs, kwnames, v))
        return VAL_NULL;
    Value us = small_new(0);
    double leftover = 0.0;
    for (int i = 0; i < 7; i++) {
        int k = order[i];
        if (v[k] != VAL_NULL && (us = accum(names[k], us, v[k], factor[k], &leftover)) == VAL_NULL)
            return VAL_NULL;
    }
    if (leftover != 0.0) {
        /* Round half to even, the parity taken from the sum so far. */
        double whole = round(leftover);
        if (fabs(whole - leftover) == 0.5) {
            Value odd = rt_int_binop(us, small_new(1), NB_AND);
            int is_odd = small_value(odd);
            whole = 2.0 * round((leftover + is_odd) * 0.5) - is_odd;
        }
        us = rt_int_binop(us, rt_int_from_double(whole), NB_ADD);
    }
    return delta_from_us_type(type, us);
}

/* ---- arithmetic ------------------------------------------------------------ */

/* round(a / b) half to even, for ints (CPython's _PyLong_DivmodNear). */
static Value divide_nearest(Value a, Value b)
{
    Value qr = rt_int_binop(a, b, NB_DIVMOD);
    if (qr == VAL_NULL)
        return VAL_NULL;
    Value q = rt_tuple_get(qr, 0), r = rt_tuple_get(qr, 1);
    Value twice = rt_int_binop(r, small_new(2), NB_MULTIPLY);
    int c = rt_int_cmp(twice, b);
    bool b_pos = rt_int_sign(b) > 0;
    bool above = b_pos ? c > 0 : c < 0;
    bool odd = small_value(rt_int_binop(q, small_new(1), NB_AND)) != 0;
    if (above || (c == 0 && odd))
        q = rt_int_binop(q, small_new(1), NB_ADD);
    return q;
}

/* delta * f (divide false) or delta / f, through f's exact ratio n/d. */
static Value multiply_float(Value delta, Value f, bool divide)
{
    Value ratio = mod_call_method(f, "as_integer_ratio", NULL, 0);
    if (ratio == VAL_NULL)
        return VAL_NULL;
    if (!rt_isinstance_of(ratio, &rt_tuple_type))
        return rt_raisef(&rt_TypeError, "unexpected return type from as_integer_ratio(): "
                         "expected tuple, got '%T'", ratio);
    if (rt_tuple_len(ratio) != 2)
        return rt_raisef(&rt_ValueError, "as_integer_ratio() must return a 2-tuple");
    Value n = rt_tuple_get(ratio, 0), d = rt_tuple_get(ratio, 1);
    Value us = rt_int_binop(dt_delta_to_us(delta), divide ? d : n, NB_MULTIPLY);
    Value q = divide_nearest(us, divide ? n : d);
    return q == VAL_NULL ? VAL_NULL : dt_delta_from_us(q);
}

static bool is_int_arg(Value v)
{
    return rt_isinstance_of(v, &rt_int_type);
}

static Value delta_multiply(Value a, Value b)
{
    Value delta = dt_is_delta(a) ? a : b, other = delta == a ? b : a;
    if (is_int_arg(other))
        return dt_delta_from_us(rt_int_binop(dt_delta_to_us(delta), rt_int_unbool(other),
                                             NB_MULTIPLY));
    if (rt_isinstance_of(other, &rt_float_type))
        return multiply_float(delta, other, false);
    return rt_NotImplemented;
}

static Value delta_divide(Value a, Value b, int op)
{
    if (!dt_is_delta(a))
        return rt_NotImplemented;
    Value us = dt_delta_to_us(a);
    if (dt_is_delta(b)) {
        Value r = rt_int_binop(us, dt_delta_to_us(b), op);
        if (r == VAL_NULL || op == NB_FLOOR_DIVIDE || op == NB_TRUE_DIVIDE)
            return r;
        if (op == NB_REMAINDER)
            return dt_delta_from_us(r);
        Value rest = dt_delta_from_us(rt_tuple_get(r, 1));
        return rest == VAL_NULL ? VAL_NULL : rt_tuple_pack(2, rt_tuple_get(r, 0), rest);
    }
    if (op == NB_FLOOR_DIVIDE && is_int_arg(b)) {
        Value q = rt_int_binop(us, rt_int_unbool(b), NB_FLOOR_DIVIDE);
        return q == VAL_NULL ? VAL_NULL : dt_delta_from_us(q);
    }
    if (op == NB_TRUE_DIVIDE && is_int_arg(b)) {
        Value q = divide_nearest(us, rt_int_unbool(b));
        return q == VAL_NULL ? VAL_NULL : dt_delta_from_us(q);
    }
    if (op == NB_TRUE_DIVIDE && rt_isinstance_of(b, &rt_float_type))
        return multiply_float(a, b, true);
    return rt_NotImplemented;
}

static Value delta_binop(Value a, Value b, int op)
{
    switch (op) {
    case NB_ADD:
    case NB_SUBTRACT:
        if (dt_is_delta(a) && dt_is_delta(b))
            return dt_delta_add(a, b, op == NB_ADD ? 1 : -1);
        return rt_NotImplemented;
    case NB_MULTIPLY:
        return delta_multiply(a, b);
    case NB_TRUE_DIVIDE:
    case NB_FLOOR_DIVIDE:
    case NB_REMAINDER:
    case NB_DIVMOD:
        return delta_divide(a, b, op);
    default:
        return rt_NotImplemented;
    }
}

static Value delta_unary(Value self, int op)
{
    ObjDelta *d = DELTA(self);
    switch (op) {
    case UN_NEG:
        return dt_delta_negate(self);
    case UN_POS:
        return delta_alloc(&dt_delta_type, d->days, d->seconds, d->us);
    case UN_ABS:
        return d->days < 0 ? dt_delta_negate(self)
                           : delta_alloc(&dt_delta_type, d->days, d->seconds, d->us);
    default:
        return rt_NotImplemented;
    }
}

static int delta_truth(Value self)
{
    ObjDelta *d = DELTA(self);
    return d->days != 0 || d->seconds != 0 || d->us != 0;
}

static Value delta_richcompare(Value a, Value b, int op)
{
    if (!dt_is_delta(b))
        return rt_NotImplemented;
    return rt_bool(rt_cmp_holds(dt_delta_cmp(a, b), op));
}

static Value delta_state(Value self)
{
    ObjDelta *d = DELTA(self);
    return rt_tuple_pack(3, small_new(d->days), small_new(d->seconds), small_new(d->us));
}

static intptr_t delta_hash(Value self)
{
    return rt_hash(delta_state(self));
}

/* ---- text ------------------------------------------------------------------------ */

/* "datetime.timedelta(days=1, seconds=5)"; "datetime.timedelta(0)". */
static Value delta_repr(Value self)
{
    ObjDelta *d = DELTA(self);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, val_type(self)->name);
    sb_addc(&sb, '(');
    const char *sep = "";
    char buf[64];
    if (d->days) {
        snprintf(buf, sizeof buf, "days=%d", d->days);
        sb_adds(&sb, buf);
        sep = ", ";
    }
    if (d->seconds) {
        snprintf(buf, sizeof buf, "%sseconds=%d", sep, d->seconds);
        sb_adds(&sb, buf);
        sep = ", ";
    }
    if (d->us) {
        snprintf(buf, sizeof buf, "%smicroseconds=%d", sep, d->us);
        sb_adds(&sb, buf);
        sep = ", ";
    }
    if (*sep == '\0')
        sb_addc(&sb, '0');
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

/* "-1 day, 23:59:59.000001" */
static Value delta_str(Value self)
{
    ObjDelta *d = DELTA(self);
    char buf[80];
    int n = 0;
    if (d->days)
        n = snprintf(buf, sizeof buf, "%d day%s, ", d->days,
                     d->days != 1 && d->days != -1 ? "s" : "");
    n += snprintf(buf + n, sizeof buf - n, "%d:%02d:%02d", d->seconds / 3600,
                  d->seconds / 60 % 60, d->seconds % 60);
    if (d->us)
        snprintf(buf + n, sizeof buf - n, ".%06d", d->us);
    return rt_str_from_cstr(buf);
}

/* ---- methods ------------------------------------------------------------------------ */

static Value delta_total_seconds(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("total_seconds", nargs - 1, kw))
        return VAL_NULL;
    return rt_int_binop(dt_delta_to_us(args[0]), small_new(1000000), NB_TRUE_DIVIDE);
}

static Value delta_reduce(Value *args, size_t nargs, Value kw)
{
    return rt_tuple_pack(2, obj_val(val_type(args[0])), delta_state(args[0]));
}

const MethodDef dt_delta_methods[] = {
    {"total_seconds", delta_total_seconds},
    {"__reduce__", delta_reduce},
    {NULL, NULL},
};

static const MemberDef delta_members[] = {
    {"days", offsetof(ObjDelta, days), RT_MEMBER_INT, RT_READONLY,
     "Number of days."},
    {"seconds", offsetof(ObjDelta, seconds), RT_MEMBER_INT, RT_READONLY,
     "Number of seconds (>= 0 and less than 1 day)."},
    {"microseconds", offsetof(ObjDelta, us), RT_MEMBER_INT, RT_READONLY,
     "Number of microseconds (>= 0 and less than 1 second)."},
    {NULL},
};

ObjType dt_delta_type = {
    .ob.type = &rt_type_type, .name = "datetime.timedelta", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjDelta), .new_ = delta_new,
    .repr = delta_repr, .str = delta_str, .hash = delta_hash,
    .richcompare = delta_richcompare, .binop = delta_binop, .unary = delta_unary,
    .truth = delta_truth, .members = delta_members,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_SUBTRACT) | RT_OP_BIT(NB_MULTIPLY) |
                 RT_OP_BIT(NB_TRUE_DIVIDE) | RT_OP_BIT(NB_FLOOR_DIVIDE) |
                 RT_OP_BIT(NB_REMAINDER) | RT_OP_BIT(NB_DIVMOD),
    .unary_ops = RT_OP_BIT(UN_NEG) | RT_OP_BIT(UN_POS) | RT_OP_BIT(UN_ABS),
};
