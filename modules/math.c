/*
 * math.c — the math module, following CPython 3.11's Modules/mathmodule.c.
 *
 * Most functions wrap the C library as CPython does, so results are
 * bit-identical on the same libm; the error rules are CPython's:
 *   - a NaN result from a non-NaN argument: ValueError "math domain error";
 *   - an infinite result from a finite argument: OverflowError "math range
 *     error" for functions that can overflow (exp, cosh...), ValueError for
 *     singularities (log(0)...).
 * gamma and lgamma are CPython's own Lanczos implementations (not libm's),
 * hypot/dist use CPython's accurate vector_norm, and fsum is Shewchuk's
 * exact summation; the integer functions (factorial, comb, perm, isqrt,
 * gcd, lcm) are exact through GMP.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>
#include "runtime/version.h"
#include "modules/modutil.h"
#include "modules/mpz.h"

static Value domain_error(void) { return rt_raisef(&rt_ValueError, "math domain error"); }

/* From 3.14 some functions say which input they expected: err, a format
 * with one %s for repr(x) (NULL: "math domain error"). */
static Value domain_error_of(const char *err, double x)
{
    if (err == NULL || rt_py_minor < 14)
        return domain_error();
    Value r = rt_repr(rt_float_new(x));
    return r == VAL_NULL ? VAL_NULL : rt_raisef(&rt_ValueError, err, rt_str_cstr(r));
}
static Value range_error(void) { return rt_raisef(&rt_OverflowError, "math range error"); }

/* CPython's is_error: errno after a libm call, turned into an exception.
 * ERANGE with a small result is an underflow and not an error. */
static bool is_error(double r)
{
    if (errno == EDOM) {
        domain_error();
        return true;
    }
    if (errno == ERANGE) {
        if (fabs(r) < 1.5)
            return false;
        range_error();
        return true;
    }
    rt_raisef(&rt_ValueError, "math domain error");
    return true;
}

/* One argument, one double result (CPython's math_1); err: its domain
 * error's message (domain_error_of). */
static Value math_1(const char *name, Value *args, size_t nargs, Value kw,
                    double (*f)(double), bool can_overflow, const char *err)
{
    if (!rt_arg_one(name, nargs, kw))
        return VAL_NULL;
    double x, r;
    if (!mod_as_double(args[0], &x))
        return VAL_NULL;
    errno = 0;
    r = f(x);
    if (isnan(r) && !isnan(x))
        return domain_error_of(err, x);
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error_of(err, x);
    if (isfinite(r) && errno && is_error(r))
        return VAL_NULL;
    return rt_float_new(r);
}

/* Like math_1 for functions known to set errno properly (math_1a). */
static Value math_1a(const char *name, Value *args, size_t nargs, Value kw,
                     double (*f)(double), const char *err)
{
    if (!rt_arg_one(name, nargs, kw))
        return VAL_NULL;
    double x;
    if (!mod_as_double(args[0], &x))
        return VAL_NULL;
    errno = 0;
    double r = f(x);
    if (errno == EDOM)
        return domain_error_of(err, x);
    if (errno && is_error(r))
        return VAL_NULL;
    return rt_float_new(r);
}

/* Two arguments (math_2). */
static Value math_2(const char *name, Value *args, size_t nargs, Value kw,
                    double (*f)(double, double))
{
    if (!rt_arg_nokw(name, kw) || !rt_arg_range(name, nargs, 2, 2))
        return VAL_NULL;
    double x, y;
    if (!mod_as_double(args[0], &x) || !mod_as_double(args[1], &y))
        return VAL_NULL;
    errno = 0;
    double r = f(x, y);
    if (isnan(r))
        errno = !isnan(x) && !isnan(y) ? EDOM : 0;
    else if (isinf(r))
        errno = isfinite(x) && isfinite(y) ? ERANGE : 0;
    if (errno && is_error(r))
        return VAL_NULL;
    return rt_float_new(r);
}

/* ---- gamma and lgamma: CPython's Lanczos approximation ------------------- */

static const double pi = 3.141592653589793238462643383279502884197;
static const double logpi = 1.144729885849400174143427351353058711647;

/* sin(pi*x), accurate for x near an integer (the reflection formula). */
static double m_sinpi(double x)
{
    double y = fmod(fabs(x), 2.0), r;
    int n = (int)round(2.0 * y);
    switch (n) {
    case 0: r = sin(pi * y); break;
    case 1: r = cos(pi * (y - 0.5)); break;
    case 2: r = sin(pi * (1.0 - y)); break;
    case 3: r = -cos(pi * (y - 1.5)); break;
    default: r = sin(pi * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num_coeffs[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408
};
/* The denominator: x*(x+1)*...*(x+LANCZOS_N-2). */
static const double lanczos_den_coeffs[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0};
#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0,
};

/* The Lanczos sum as a rational function; in 1/x for large x. */
static double lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

static double m_tgamma(double x)
{
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL)
            return gamma_integral[(int)x - 1];
    }
    double absx = fabs(x), r, y, z, sqrtpow;
    if (absx < 1e-20) {
        r = 1.0 / x;
        if (isinf(r))
            errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0)
            return 0.0 / m_sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    y = absx + lanczos_g_minus_half;
    /* The rounding error in y, for a cheap correction (see CPython). */
    if (absx > lanczos_g_minus_half) {
        volatile double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        volatile double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -pi / m_sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r))
        errno = ERANGE;
    return r;
}

static double m_lgamma(double x)
{
    if (!isfinite(x))
        return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double absx = fabs(x);
    if (absx < 1e-20)
        return -log(absx);
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = logpi - log(fabs(m_sinpi(absx))) - log(absx) - r;
    if (isinf(r))
        errno = ERANGE;
    return r;
}

/* ---- logarithms ------------------------------------------------------------ */

static double m_log(double x)
{
    if (isfinite(x)) {
        if (x > 0.0)
            return log(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0)
        return x;
    errno = EDOM;
    return NAN;
}

static double m_log2(double x)
{
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x > 0.0)
        return log2(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
}

static double m_log10(double x)
{
    if (isfinite(x)) {
        if (x > 0.0)
            return log10(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0)
        return x;
    errno = EDOM;
    return NAN;
}

/* log of an int of any size: a huge int is x * 2**e with x in [0.5, 1). */
static Value loghelper(Value arg, double (*f)(double), const char *name)
{
    if (rt_isinstance_of(arg, &rt_int_type)) {
        arg = rt_int_unbool(arg);
        if (rt_int_sign(arg) <= 0)
            return rt_py_minor < 14 ? domain_error()
                                    : rt_raisef(&rt_ValueError, "expected a positive input");
        bool overflow = false;
        double x = rt_int_as_double(arg, &overflow);
        if (!overflow)
            return rt_float_new(f(x));
        mpz_t z;
        mpz_init(z);
        mod_int_to_mpz(arg, z);
        long e;
        double m = mpz_get_d_2exp(&e, z);
        return rt_float_new(f(m) + f(2.0) * (double)e);
    }
    return math_1(name, &arg, 1, VAL_NULL, f, false, "expected a positive input, got %s");
}

static Value math_log(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("log", kw))
        return VAL_NULL;
    if (nargs < 1 || nargs > 2)
        return rt_raisef(&rt_TypeError, "log expected %s arguments, got %zu",
                         nargs < 1 ? "at least 1" : "at most 2", nargs);
    Value num = loghelper(args[0], m_log, "log");
    if (num == VAL_NULL || nargs == 1)
        return num;
    Value den = loghelper(args[1], m_log, "log");
    if (den == VAL_NULL)
        return VAL_NULL;
    return rt_binary_op(num, den, NB_TRUE_DIVIDE);
}

static Value math_log2(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("log2", nargs, kw))
        return VAL_NULL;
    return loghelper(args[0], m_log2, "log2");
}

static Value math_log10(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("log10", nargs, kw))
        return VAL_NULL;
    return loghelper(args[0], m_log10, "log10");
}

/* ---- the plain wrappers ------------------------------------------------------ */

static double m_log1p(double x) { return x == 0.0 ? x : log1p(x); }
static double m_remainder(double x, double y) { return remainder(x, y); }
static double m_atan2(double y, double x) { return atan2(y, x); }
static double m_erf(double x) { return erf(x); }
static double m_erfc(double x) { return erfc(x); }

#define FUNC1(name, f, ovf, err) \
    static Value math_##name(Value *args, size_t nargs, Value kw) \
    { return math_1(#name, args, nargs, kw, f, ovf, err); }
#define FUNC1A(name, f, err) \
    static Value math_##name(Value *args, size_t nargs, Value kw) \
    { return math_1a(#name, args, nargs, kw, f, err); }
#define FUNC2(name, f) \
    static Value math_##name(Value *args, size_t nargs, Value kw) \
    { return math_2(#name, args, nargs, kw, f); }

/* 3.14's messages for a domain error (domain_error_of). */
#define IN_UNIT "expected a number in range from -1 up to 1, got %s"
#define FINITE "expected a finite input, got %s"
#define NOT_POLE "expected a noninteger or positive integer, got %s"

FUNC1(acos, acos, false, IN_UNIT)
FUNC1(acosh, acosh, false, "expected argument value not less than 1, got %s")
FUNC1(asin, asin, false, IN_UNIT) FUNC1(asinh, asinh, false, NULL) FUNC1(atan, atan, false, NULL)
FUNC1(atanh, atanh, false, "expected a number between -1 and 1, got %s")
FUNC1(cbrt, cbrt, false, NULL) FUNC1(cos, cos, false, FINITE) FUNC1(cosh, cosh, true, NULL)
FUNC1(exp, exp, true, NULL) FUNC1(exp2, exp2, true, NULL) FUNC1(expm1, expm1, true, NULL)
FUNC1(fabs, fabs, false, NULL)
FUNC1(log1p, m_log1p, false, "expected argument value > -1, got %s")
FUNC1(sin, sin, false, FINITE) FUNC1(sinh, sinh, true, NULL)
FUNC1(sqrt, sqrt, false, "expected a nonnegative input, got %s")
FUNC1(tan, tan, false, FINITE) FUNC1(tanh, tanh, false, NULL)
FUNC1A(erf, m_erf, NULL) FUNC1A(erfc, m_erfc, NULL) FUNC1A(gamma, m_tgamma, NOT_POLE)
FUNC1A(lgamma, m_lgamma, NOT_POLE)
FUNC2(atan2, m_atan2) FUNC2(copysign, copysign) FUNC2(remainder, m_remainder)

/* One double argument, for the functions below. */
static bool one_double(const char *name, Value *args, size_t nargs, Value kw, double *x)
{
    return rt_arg_one(name, nargs, kw) && mod_as_double(args[0], x);
}

static bool two_doubles(const char *name, Value *args, size_t nargs, Value kw,
                        double *x, double *y)
{
    return rt_arg_nokw(name, kw) && rt_arg_range(name, nargs, 2, 2) &&
           mod_as_double(args[0], x) && mod_as_double(args[1], y);
}

static Value math_fmod(Value *args, size_t nargs, Value kw)
{
    double x, y;
    if (!two_doubles("fmod", args, nargs, kw, &x, &y))
        return VAL_NULL;
    if (isinf(y) && isfinite(x))
        return rt_float_new(x);
    errno = 0;
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    return rt_float_new(r);
}

/* pow: IEEE specials handled first, as CPython does. */
static Value math_pow(Value *args, size_t nargs, Value kw)
{
    double x, y, r = 0.0;
    if (!two_doubles("pow", args, nargs, kw, &x, &y))
        return VAL_NULL;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x))
            r = y == 0.0 ? 1.0 : x;
        else if (isnan(y))
            r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.0)
                r = odd_y ? x : fabs(x);
            else if (y == 0.0)
                r = 1.0;
            else
                r = odd_y ? copysign(0.0, x) : 0.0;
        } else {
            if (fabs(x) == 1.0)
                r = 1.0;
            else if (y > 0.0 && fabs(x) > 1.0)
                r = y;
            else if (y < 0.0 && fabs(x) < 1.0)
                r = -y;
            else
                r = 0.0;
        }
        return rt_float_new(r);
    }
    r = pow(x, y);
    if (isnan(r))
        return domain_error();
    if (isinf(r))
        return x == 0.0 ? domain_error() : range_error();
    return rt_float_new(r);
}

static Value math_degrees(Value *args, size_t nargs, Value kw)
{
    double x;
    if (!one_double("degrees", args, nargs, kw, &x))
        return VAL_NULL;
    return rt_float_new(x * (180.0 / pi));
}

static Value math_radians(Value *args, size_t nargs, Value kw)
{
    double x;
    if (!one_double("radians", args, nargs, kw, &x))
        return VAL_NULL;
    return rt_float_new(x * (pi / 180.0));
}

static Value math_isfinite(Value *args, size_t nargs, Value kw)
{
    double x;
    return one_double("isfinite", args, nargs, kw, &x) ? rt_bool(isfinite(x)) : VAL_NULL;
}

static Value math_isinf(Value *args, size_t nargs, Value kw)
{
    double x;
    return one_double("isinf", args, nargs, kw, &x) ? rt_bool(isinf(x)) : VAL_NULL;
}

static Value math_isnan(Value *args, size_t nargs, Value kw)
{
    double x;
    return one_double("isnan", args, nargs, kw, &x) ? rt_bool(isnan(x)) : VAL_NULL;
}

static Value math_frexp(Value *args, size_t nargs, Value kw)
{
    double x;
    int e = 0;
    if (!one_double("frexp", args, nargs, kw, &x))
        return VAL_NULL;
    if (!(isnan(x) || isinf(x) || x == 0.0))
        x = frexp(x, &e);
    return rt_tuple_pack(2, rt_float_new(x), small_new(e));
}

static Value math_ldexp(Value *args, size_t nargs, Value kw)
{
    double x;
    if (!rt_arg_nokw("ldexp", kw) || !rt_arg_range("ldexp", nargs, 2, 2) ||
        !mod_as_double(args[0], &x))
        return VAL_NULL;
    if (!rt_isinstance_of(args[1], &rt_int_type))
        return rt_raisef(&rt_TypeError, "Expected an int as second argument to ldexp.");
    Value i = rt_int_unbool(args[1]);
    int64_t e;
    if (!rt_int_as_i64(i, &e)) {
        rt_err_clear();
        e = rt_int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    }
    double r;
    if (x == 0.0 || !isfinite(x))
        r = x;
    else if (e > INT32_MAX)
        return range_error();
    else if (e < INT32_MIN)
        r = copysign(0.0, x);
    else {
        r = ldexp(x, (int)e);
        if (isinf(r))
            return range_error();
    }
    return rt_float_new(r);
}

static Value math_modf(Value *args, size_t nargs, Value kw)
{
    double x, y;
    if (!one_double("modf", args, nargs, kw, &x))
        return VAL_NULL;
    if (isinf(x))
        return rt_tuple_pack(2, rt_float_new(copysign(0.0, x)), rt_float_new(x));
    if (isnan(x))
        return rt_tuple_pack(2, rt_float_new(x), rt_float_new(x));
    x = modf(x, &y);
    return rt_tuple_pack(2, rt_float_new(x), rt_float_new(y));
}

/* ---- floor, ceil, trunc: ints, honouring __floor__/__ceil__/__trunc__ ---- */

static Value rounding(const char *name, const char *special, Value *args, size_t nargs,
                      Value kw, double (*f)(double))
{
    if (!rt_arg_one(name, nargs, kw))
        return VAL_NULL;
    Value v = args[0];
    if (!is_float(v)) {
        if (rt_isinstance_of(v, &rt_int_type))
            return rt_int_unbool(v);
        Value m = mod_lookup_special(v, special);
        if (m != VAL_NULL)
            return rt_call0(m);
        if (rt_err_occurred())
            return VAL_NULL;
    }
    double x;
    if (!mod_as_double(v, &x))
        return VAL_NULL;
    return rt_int_from_double(f(x));
}

static Value math_floor(Value *args, size_t nargs, Value kw)
{
    return rounding("floor", "__floor__", args, nargs, kw, floor);
}

static Value math_ceil(Value *args, size_t nargs, Value kw)
{
    return rounding("ceil", "__ceil__", args, nargs, kw, ceil);
}

static Value math_trunc(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("trunc", nargs, kw))
        return VAL_NULL;
    Value v = args[0];
    if (rt_isinstance_of(v, &rt_float_type))
        return rt_int_from_double(trunc(AS_FLOAT(v)->value));
    if (rt_isinstance_of(v, &rt_int_type))
        return rt_int_unbool(v);
    Value m = mod_lookup_special(v, "__trunc__");
    if (m == VAL_NULL && rt_err_occurred())     /* its __get__ failed */
        return VAL_NULL;
    if (m == VAL_NULL)
        return rt_raisef(&rt_TypeError, "type %s doesn't define __trunc__ method",
                         val_type(v)->name);
    return rt_call0(m);
}

/* ---- fsum: Shewchuk's exact partials, CPython's final rounding ----------- */

static Value math_fsum(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("fsum", nargs, kw))
        return VAL_NULL;
    Value it = rt_iter(args[0]);
    if (it == VAL_NULL)
        return VAL_NULL;
    size_t n = 0, cap = 32;
    double *p = gc_alloc_atomic(cap * sizeof(double));
    double special_sum = 0.0, inf_sum = 0.0;
    volatile double hi, yr, lo = 0.0;
    Value item;
    while ((item = rt_next(it)) != VAL_NULL) {
        double x, y, t;
        if (!mod_as_double(item, &x))
            return VAL_NULL;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {        /* for y in partials */
            y = p[j];
            if (fabs(x) < fabs(y)) {
                t = x; x = y; y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* From overflow of the partials, or a nan/inf summand. */
                if (isfinite(xsave))
                    return rt_raisef(&rt_OverflowError, "intermediate overflow in fsum");
                if (isinf(xsave))
                    inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= cap) {
                    cap *= 2;
                    p = gc_realloc(p, cap * sizeof(double));
                }
                p[n++] = x;
            }
        }
    }
    if (rt_err_occurred())
        return VAL_NULL;
    if (special_sum != 0.0) {
        if (isnan(inf_sum))
            return rt_raisef(&rt_ValueError, "-inf + inf in fsum");
        return rt_float_new(special_sum);
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        /* Add the partials from the top, stopping when the sum is inexact. */
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        /* Half-even rounding across partials: sum([1e-16, 1, 1e16]). */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y;
            yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    return rt_float_new(hi);
}

/* ---- hypot and dist: CPython's vector_norm ----------------------------------- */

/* sqrt(sum(x*x for x in vec)) with scaling, Dekker splitting, compensated
 * summation and a final square-root correction: nearly always correctly
 * rounded.  max is the largest |x|. */
static double vector_norm(size_t n, const double *vec, double max, bool found_nan)
{
    const double T27 = 134217729.0;     /* 2**27 + 1 */
    double x, scale, oldcsum, csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
    double t, hi, lo, h;
    int max_e;
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    frexp(max, &max_e);
    if (max_e < -1023) {
        /* ldexp(1.0, -max_e) would overflow: divide by max instead. */
        for (size_t i = 0; i < n; i++) {
            x = vec[i] / max;
            x = x * x;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
        }
        return max * sqrt(csum - 1.0 + frac1);
    }
    scale = ldexp(1.0, -max_e);
    for (size_t i = 0; i < n; i++) {
        x = vec[i] * scale;
        t = x * T27;
        hi = t - (t - x);
        lo = x - hi;
        x = hi * hi;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
        x = 2.0 * hi * lo;
        oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;
        frac3 += lo * lo;
    }
    h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    x = h;
    t = x * T27;
    hi = t - (t - x);
    lo = x - hi;
    x = -hi * hi;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += (oldcsum - csum) + x;
    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += (oldcsum - csum) + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
}

static Value math_hypot(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("hypot", kw))
        return VAL_NULL;
    double *v = gc_alloc_atomic((nargs + 1) * sizeof(double)), max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < nargs; i++) {
        double x;
        if (!mod_as_double(args[i], &x))
            return VAL_NULL;
        x = fabs(x);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    return rt_float_new(vector_norm(nargs, v, max, found_nan));
}

static Value math_dist(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("dist", kw) || !rt_arg_range("dist", nargs, 2, 2))
        return VAL_NULL;
    Value p = is_tuple(args[0]) ? args[0] : rt_sequence_to_tuple(args[0]);
    if (p == VAL_NULL)
        return VAL_NULL;
    Value q = is_tuple(args[1]) ? args[1] : rt_sequence_to_tuple(args[1]);
    if (q == VAL_NULL)
        return VAL_NULL;
    size_t n = rt_tuple_len(p);
    if (rt_tuple_len(q) != n)
        return rt_raisef(&rt_ValueError, "both points must have the same number of dimensions");
    double *v = gc_alloc_atomic((n + 1) * sizeof(double)), max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < n; i++) {
        double px, qx;
        if (!mod_as_double(rt_tuple_get(p, i), &px) || !mod_as_double(rt_tuple_get(q, i), &qx))
            return VAL_NULL;
        double x = fabs(px - qx);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    return rt_float_new(vector_norm(n, v, max, found_nan));
}

static Value math_isclose(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "a", "b", "rel_tol", "abs_tol" };
    static const ArgSpec spec = { "isclose", names, 4, 0, 2, 2, false };
    Value a[4];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    double x, y, rel_tol = 1e-09, abs_tol = 0.0;
    if (!mod_as_double(a[0], &x) || !mod_as_double(a[1], &y) ||
        (a[2] != VAL_NULL && !mod_as_double(a[2], &rel_tol)) ||
        (a[3] != VAL_NULL && !mod_as_double(a[3], &abs_tol)))
        return VAL_NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return rt_raisef(&rt_ValueError, "tolerances must be non-negative");
    if (x == y)
        return rt_True;
    if (isinf(x) || isinf(y))
        return rt_False;
    double diff = fabs(y - x);
    return rt_bool(diff <= fabs(rel_tol * y) || diff <= fabs(rel_tol * x) || diff <= abs_tol);
}

static Value math_nextafter(Value *args, size_t nargs, Value kw)
{
    double x, y;
    if (!two_doubles("nextafter", args, nargs, kw, &x, &y))
        return VAL_NULL;
    return rt_float_new(nextafter(x, y));
}

static Value math_ulp(Value *args, size_t nargs, Value kw)
{
    double x;
    if (!one_double("ulp", args, nargs, kw, &x))
        return VAL_NULL;
    if (isnan(x))
        return rt_float_new(x);
    x = fabs(x);
    if (isinf(x))
        return rt_float_new(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return rt_float_new(x - x2);
    }
    return rt_float_new(x2 - x);
}

/* ---- exact integer functions (GMP) ------------------------------------------ */

/* operator.index(v) as an mpz. */
static bool index_mpz(Value v, mpz_t out)
{
    Value i = rt_index(v);
    if (i == VAL_NULL)
        return false;
    mod_int_to_mpz(i, out);
    return true;
}

static Value math_factorial(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("factorial", nargs, kw))
        return VAL_NULL;
    Value n = rt_index(args[0]);
    if (n == VAL_NULL)
        return VAL_NULL;
    if (rt_int_sign(n) < 0)
        return rt_raisef(&rt_ValueError, "factorial() not defined for negative values");
    int64_t x;
    if (!rt_int_as_i64(n, &x)) {
        rt_err_clear();
        return rt_raisef(&rt_OverflowError, "factorial() argument should not exceed %ld",
                         (long)INT64_MAX);
    }
    mpz_t r;
    mpz_init(r);
    mpz_fac_ui(r, (unsigned long)x);
    return mod_int_from_mpz(r);
}

static Value math_isqrt(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("isqrt", nargs, kw))
        return VAL_NULL;
    mpz_t n;
    mpz_init(n);
    if (!index_mpz(args[0], n))
        return VAL_NULL;
    if (mpz_sgn(n) < 0)
        return rt_raisef(&rt_ValueError, "isqrt() argument must be nonnegative");
    mpz_sqrt(n, n);
    return mod_int_from_mpz(n);
}

static Value math_gcd(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("gcd", kw))
        return VAL_NULL;
    mpz_t r, x;
    mpz_init(r);
    mpz_init(x);
    for (size_t i = 0; i < nargs; i++) {
        if (!index_mpz(args[i], x))
            return VAL_NULL;
        mpz_gcd(r, r, x);
    }
    return mod_int_from_mpz(r);
}

static Value math_lcm(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("lcm", kw))
        return VAL_NULL;
    mpz_t r, x;
    mpz_init_set_ui(r, 1);
    mpz_init(x);
    for (size_t i = 0; i < nargs; i++) {
        if (!index_mpz(args[i], x))
            return VAL_NULL;
        mpz_lcm(r, r, x);
    }
    return mod_int_from_mpz(r);
}

/* n and k for comb/perm: non-negative ints, with CPython's messages. */
static bool comb_args(const char *name, Value *args, size_t nargs, Value kw, mpz_t n, mpz_t k)
{
    if (!rt_arg_nokw(name, kw) || !rt_arg_range(name, nargs, 2, 2))
        return false;
    if (!index_mpz(args[0], n) || !index_mpz(args[1], k))
        return false;
    if (mpz_sgn(n) < 0) {
        rt_raisef(&rt_ValueError, "n must be a non-negative integer");
        return false;
    }
    if (mpz_sgn(k) < 0) {
        rt_raisef(&rt_ValueError, "k must be a non-negative integer");
        return false;
    }
    return true;
}

static Value math_comb(Value *args, size_t nargs, Value kw)
{
    mpz_t n, k;
    mpz_init(n);
    mpz_init(k);
    if (!comb_args("comb", args, nargs, kw, n, k))
        return VAL_NULL;
    if (mpz_cmp(k, n) > 0)
        return small_new(0);
    mpz_t nk;
    mpz_init(nk);
    mpz_sub(nk, n, k);
    if (mpz_cmp(nk, k) < 0)
        mpz_set(k, nk);
    if (!mpz_fits_ulong_p(k))
        return rt_raisef(&rt_OverflowError, "min(n - k, k) must not exceed %ld",
                         (long)INT64_MAX);
    mpz_bin_ui(n, n, mpz_get_ui(k));
    return mod_int_from_mpz(n);
}

static Value math_perm(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("perm", kw) || !rt_arg_range("perm", nargs, 1, 2))
        return VAL_NULL;
    if (nargs == 1 || args[1] == rt_None)   /* factorial(n), its messages too, as CPython's */
        return math_factorial(args, 1, VAL_NULL);
    mpz_t n, k;
    mpz_init(n);
    mpz_init(k);
    if (!comb_args("perm", args, nargs, kw, n, k))
        return VAL_NULL;
    if (mpz_cmp(k, n) > 0)
        return small_new(0);
    if (!mpz_fits_ulong_p(k))
        return rt_raisef(&rt_OverflowError, "k must not exceed %ld", (long)INT64_MAX);
    unsigned long kk = mpz_get_ui(k);
    mpz_t r, f;
    mpz_init_set_ui(r, 1);
    mpz_init_set(f, n);
    for (unsigned long i = 0; i < kk; i++) {   /* n * (n-1) * ... * (n-k+1) */
        mpz_mul(r, r, f);
        mpz_sub_ui(f, f, 1);
    }
    return mod_int_from_mpz(r);
}

static Value math_prod(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "", "start" };
    static const ArgSpec spec = { "prod", names, 2, 1, 1, 1, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    Value it = rt_iter(a[0]);
    if (it == VAL_NULL)
        return VAL_NULL;
    Value result = a[1] != VAL_NULL ? a[1] : small_new(1), item;
    while ((item = rt_next(it)) != VAL_NULL)
        if ((result = rt_binary_op(result, item, NB_MULTIPLY)) == VAL_NULL)
            return VAL_NULL;
    return rt_err_occurred() ? VAL_NULL : result;
}

/* ---- sumprod (3.12) ------------------------------------------------------ */

/* Products summed in triple length, as CPython's math.sumprod: each product
 * split exactly into two doubles (fma), and the running sum carried in
 * three, so that sumprod([a, b], [c, d]) is a*c + b*d rounded once. */
typedef struct { double hi, lo; } DoubleLength;
typedef struct { double hi, lo, tiny; } TripleLength;

static DoubleLength dl_sum(double a, double b)      /* error-free a + b */
{
    double x = a + b, z = x - a;
    return (DoubleLength){ x, (a - (x - z)) + (b - z) };
}

static TripleLength tl_fma(double x, double y, TripleLength total)
{
    double p = x * y;
    DoubleLength product = { p, fma(x, y, -p) };    /* error-free x * y */
    DoubleLength sum = dl_sum(total.hi, product.hi);
    DoubleLength r1 = dl_sum(total.lo, product.lo);
    DoubleLength r2 = dl_sum(r1.hi, sum.lo);
    return (TripleLength){ sum.hi, r2.hi, total.tiny + r1.lo + r2.lo };
}

static double tl_to_d(TripleLength total)
{
    DoubleLength last = dl_sum(total.lo, total.hi);
    return total.tiny + last.lo + last.hi;
}

/* x as a double for the float path: a float, or an int or bool beside one. */
static bool sumprod_double(Value x, bool other_is_float, double *out)
{
    if (is_float(x)) {
        *out = rt_float_value(x);
        return true;
    }
    if (!other_is_float || !(is_int(x) || IS_EXACT(x, rt_bool_type)))
        return false;
    bool overflow = false;
    *out = x == rt_True ? 1.0 : x == rt_False ? 0.0 : rt_int_as_double(x, &overflow);
    return !overflow;
}

/* sumprod(p, q): sum(x * y for x, y in zip(p, q, strict=True)), with exact
 * paths like CPython's: small ints summed in a C integer while nothing
 * overflows, floats (and ints beside floats) in triple length while the
 * sum stays finite; each path, once left, adds its total to the generic
 * sum and is not taken again. */
static Value math_sumprod(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("sumprod", kw) || !rt_arg_count("sumprod", nargs, 2, 2))
        return VAL_NULL;
    Value p_it = rt_iter(args[0]), q_it = p_it == VAL_NULL ? VAL_NULL : rt_iter(args[1]);
    if (q_it == VAL_NULL)
        return VAL_NULL;
    Value total = small_new(0);
    bool int_path = true, flt_path = true, int_used = false, flt_used = false;
    int64_t int_total = 0;
    TripleLength flt_total = { 0.0, 0.0, 0.0 };
    for (;;) {
        Value p = rt_next(p_it);
        if (p == VAL_NULL && rt_err_occurred())
            return VAL_NULL;
        Value q = rt_next(q_it);
        if (q == VAL_NULL && rt_err_occurred())
            return VAL_NULL;
        if ((p == VAL_NULL) != (q == VAL_NULL))
            return rt_raisef(&rt_ValueError, "Inputs are not the same length");
        bool finished = p == VAL_NULL;
        if (int_path) {
            int64_t prod;
            if (!finished && val_is_small(p) && val_is_small(q) &&
                !__builtin_mul_overflow(small_value(p), small_value(q), &prod) &&
                !__builtin_add_overflow(int_total, prod, &int_total)) {
                int_used = true;
                continue;
            }
            int_path = false;
            if (int_used && (total = rt_binary_op(total, rt_int_from_i64(int_total),
                                                  NB_ADD)) == VAL_NULL)
                return VAL_NULL;
        }
        if (flt_path) {
            double x, y;
            if (!finished && sumprod_double(p, is_float(q), &x) &&
                sumprod_double(q, is_float(p), &y)) {
                TripleLength next = tl_fma(x, y, flt_total);
                if (isfinite(next.hi)) {
                    flt_total = next;
                    flt_used = true;
                    continue;
                }
            }
            flt_path = false;
            if (flt_used && (total = rt_binary_op(total, rt_float_new(tl_to_d(flt_total)),
                                                  NB_ADD)) == VAL_NULL)
                return VAL_NULL;
        }
        if (finished)
            return total;
        Value term = rt_binary_op(p, q, NB_MULTIPLY);
        if (term == VAL_NULL || (total = rt_binary_op(total, term, NB_ADD)) == VAL_NULL)
            return VAL_NULL;
    }
}

/* The functions a 3.12 (and later) process's math has beside the others. */
static const MethodDef math_functions_312[] = {
    {"sumprod", math_sumprod},
    {NULL, NULL}
};

static const MethodDef math_functions[] = {
    {"acos", math_acos}, {"acosh", math_acosh}, {"asin", math_asin},
    {"asinh", math_asinh}, {"atan", math_atan}, {"atan2", math_atan2},
    {"atanh", math_atanh}, {"cbrt", math_cbrt}, {"ceil", math_ceil},
    {"comb", math_comb}, {"copysign", math_copysign}, {"cos", math_cos},
    {"cosh", math_cosh}, {"degrees", math_degrees}, {"dist", math_dist},
    {"erf", math_erf}, {"erfc", math_erfc}, {"exp", math_exp}, {"exp2", math_exp2},
    {"expm1", math_expm1}, {"fabs", math_fabs}, {"factorial", math_factorial},
    {"floor", math_floor}, {"fmod", math_fmod}, {"frexp", math_frexp},
    {"fsum", math_fsum}, {"gamma", math_gamma}, {"gcd", math_gcd},
    {"hypot", math_hypot}, {"isclose", math_isclose}, {"isfinite", math_isfinite},
    {"isinf", math_isinf}, {"isnan", math_isnan}, {"isqrt", math_isqrt},
    {"lcm", math_lcm}, {"ldexp", math_ldexp}, {"lgamma", math_lgamma},
    {"log", math_log}, {"log10", math_log10}, {"log1p", math_log1p},
    {"log2", math_log2}, {"modf", math_modf}, {"nextafter", math_nextafter},
    {"perm", math_perm}, {"pow", math_pow}, {"prod", math_prod},
    {"radians", math_radians}, {"remainder", math_remainder}, {"sin", math_sin},
    {"sinh", math_sinh}, {"sqrt", math_sqrt}, {"tan", math_tan}, {"tanh", math_tanh},
    {"trunc", math_trunc}, {"ulp", math_ulp},
    {NULL, NULL}
};

Value mod_math_init(void)
{
    Value m = mod_module_new("math", math_functions);
    if (rt_py_minor >= 12)
        mod_module_add_functions(m, math_functions_312);
    mod_module_set(m, "pi", rt_float_new(pi));
    mod_module_set(m, "e", rt_float_new(2.718281828459045235360287471352662498));
    mod_module_set(m, "tau", rt_float_new(6.283185307179586476925286766559005768));
    mod_module_set(m, "inf", rt_float_new(INFINITY));
    mod_module_set(m, "nan", rt_float_new(NAN));
    return m;
}
