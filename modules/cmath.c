/*
 * cmath.c — the cmath module (CPython's Modules/cmathmodule.c): the
 * elementary functions of a complex variable, with CPython 3.11's
 * algorithms for finite arguments (so results agree to the last bit) and
 * its answers for infinite and NaN parts.
 *
 * Errors follow CPython's errno convention: a function computes a result
 * and a status — EDOM becomes ValueError "math domain error", ERANGE
 * OverflowError "math range error".
 *
 * Special values.  An argument with an infinite or NaN part is answered
 * from a 7x7 table per function indexed by the kinds of its two parts
 * (C99 Annex G); cmath_special.h holds those tables, generated from
 * python3.11 by cmath_gen.py.  The few cells whose value depends on the
 * finite part (exp, cosh, sinh, tanh and rect of an infinite real part)
 * are computed here, as CPython does.
 *
 * The functions of z are built on each other as in CPython: asin, atan,
 * sin, tan, cos are asinh, atanh, sinh, tanh, cosh of i*z, rotated back.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include "modules/modutil.h"

typedef struct { double real, imag; } Cx;

enum { CM_OK, CM_EDOM, CM_ERANGE, CM_NOT_TABLE };
typedef struct { double real, imag; int err; } CmCell;
#define CM_FINITE {0, 0, CM_NOT_TABLE}
#define CM_COMPUTED {0, 0, CM_NOT_TABLE}
#include "modules/cmath_special.h"

/* The limits CPython's algorithms switch at (cmathmodule.c). */
#define CM_LARGE_DOUBLE (DBL_MAX / 4.)
#define CM_SQRT_LARGE_DOUBLE sqrt(CM_LARGE_DOUBLE)
#define CM_LOG_LARGE_DOUBLE log(CM_LARGE_DOUBLE)
#define CM_SQRT_DBL_MIN sqrt(DBL_MIN)
#define CM_SCALE_UP (2 * (DBL_MANT_DIG / 2) + 1)
#define CM_SCALE_DOWN (-(CM_SCALE_UP + 1) / 2)
#define LN2 0.6931471805599453094
#define LN10 2.302585092994045684

/* The status of the last function: CM_OK, CM_EDOM, CM_ERANGE. */
static int status;

/* The kind of a part, the index into the special-value tables. */
static int kind(double d)
{
    if (isfinite(d)) {
        if (d != 0)
            return copysign(1., d) == 1. ? 4 : 1;
        return copysign(1., d) == 1. ? 3 : 2;
    }
    if (isnan(d))
        return 6;
    return copysign(1., d) == 1. ? 5 : 0;
}

/* Whether z has an infinite or NaN part; then *r is the table's answer
 * (and the status its error). */
static bool special(Cx z, const CmCell table[7][7], Cx *r)
{
    if (isfinite(z.real) && isfinite(z.imag))
        return false;
    const CmCell *c = &table[kind(z.real)][kind(z.imag)];
    *r = (Cx){c->real, c->imag};
    status = c->err == CM_NOT_TABLE ? CM_OK : c->err;
    return true;
}

static Cx c_neg(Cx z) { return (Cx){-z.real, -z.imag}; }
/* f(i*z) rotated back: -i * f(i*z) for asin, atan, sin, tan. */
static Cx times_i(Cx z) { return (Cx){-z.imag, z.real}; }
static Cx times_minus_i(Cx z) { return (Cx){z.imag, -z.real}; }

static Cx c_sqrt(Cx z)
{
    Cx r;
    if (special(z, sqrt_special, &r))
        return r;
    status = CM_OK;
    if (z.real == 0. && z.imag == 0.)
        return (Cx){0., z.imag};
    double ax = fabs(z.real), ay = fabs(z.imag), s;
    if (ax < DBL_MIN && ay < DBL_MIN) {
        /* subnormal parts: scale up so hypot stays exact */
        ax = ldexp(ax, CM_SCALE_UP);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, CM_SCALE_UP))), CM_SCALE_DOWN);
    } else {
        ax /= 8.;
        s = 2. * sqrt(ax + hypot(ax, ay / 8.));
    }
    double d = ay / (2. * s);
    if (z.real >= 0.)
        return (Cx){s, copysign(d, z.imag)};
    return (Cx){d, copysign(s, z.imag)};
}

static Cx c_log(Cx z)
{
    Cx r;
    if (special(z, log_special, &r))
        return r;
    double ax = fabs(z.real), ay = fabs(z.imag);
    if (ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE) {
        r.real = log(hypot(ax / 2., ay / 2.)) + LN2;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax > 0. || ay > 0.) {
            r.real = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) -
                     DBL_MANT_DIG * LN2;
        } else {
            status = CM_EDOM;           /* log(0) */
            return (Cx){-INFINITY, atan2(z.imag, z.real)};
        }
    } else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            r.real = log1p((am - 1) * (am + 1) + an * an) / 2.;
        } else {
            r.real = log(h);
        }
    }
    r.imag = atan2(z.imag, z.real);
    status = CM_OK;
    return r;
}

static Cx c_acos(Cx z)
{
    Cx r;
    if (special(z, acos_special, &r))
        return r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        double l = log(hypot(z.real / 2., z.imag / 2.)) + LN2 * 2.;
        r.real = atan2(fabs(z.imag), z.real);
        r.imag = z.real < 0 ? -copysign(l, z.imag) : copysign(l, -z.imag);
    } else {
        Cx s1 = c_sqrt((Cx){1. - z.real, -z.imag});
        Cx s2 = c_sqrt((Cx){1. + z.real, z.imag});
        r.real = 2. * atan2(s1.real, s2.real);
        r.imag = asinh(s2.real * s1.imag - s2.imag * s1.real);
    }
    status = CM_OK;
    return r;
}

static Cx c_acosh(Cx z)
{
    Cx r;
    if (special(z, acosh_special, &r))
        return r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        r.real = log(hypot(z.real / 2., z.imag / 2.)) + LN2 * 2.;
        r.imag = atan2(z.imag, z.real);
    } else {
        Cx s1 = c_sqrt((Cx){z.real - 1., z.imag});
        Cx s2 = c_sqrt((Cx){z.real + 1., z.imag});
        r.real = asinh(s1.real * s2.real + s1.imag * s2.imag);
        r.imag = 2. * atan2(s1.imag, s2.real);
    }
    status = CM_OK;
    return r;
}

static Cx c_asinh(Cx z)
{
    Cx r;
    if (special(z, asinh_special, &r))
        return r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        double l = log(hypot(z.real / 2., z.imag / 2.)) + LN2 * 2.;
        r.real = z.imag >= 0 ? copysign(l, z.real) : -copysign(l, -z.real);
        r.imag = atan2(z.imag, fabs(z.real));
    } else {
        Cx s1 = c_sqrt((Cx){1. + z.imag, -z.real});
        Cx s2 = c_sqrt((Cx){1. - z.imag, z.real});
        r.real = asinh(s1.real * s2.imag - s2.real * s1.imag);
        r.imag = atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag);
    }
    status = CM_OK;
    return r;
}

static Cx c_asin(Cx z) { return times_minus_i(c_asinh(times_i(z))); }

static Cx c_atanh(Cx z)
{
    Cx r;
    if (special(z, atanh_special, &r))
        return r;
    if (z.real < 0.)                    /* atanh(z) = -atanh(-z) */
        return c_neg(c_atanh(c_neg(z)));
    double ay = fabs(z.imag);
    status = CM_OK;
    if (z.real > CM_SQRT_LARGE_DOUBLE || ay > CM_SQRT_LARGE_DOUBLE) {
        double h = hypot(z.real / 2., z.imag / 2.);
        r.real = z.real / 4. / h / h;
        r.imag = -copysign(M_PI / 2., -z.imag);
    } else if (z.real == 1. && ay < CM_SQRT_DBL_MIN) {
        if (ay == 0.) {                 /* atanh(1 +- 0i) = inf +- 0i */
            r.real = INFINITY;
            r.imag = z.imag;
            status = CM_EDOM;
        } else {
            r.real = -log(sqrt(ay) / sqrt(hypot(ay, 2.)));
            r.imag = copysign(atan2(2., -ay) / 2, z.imag);
        }
    } else {
        r.real = log1p(4. * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.;
        r.imag = -atan2(-2. * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.;
    }
    return r;
}

static Cx c_atan(Cx z) { return times_minus_i(c_atanh(times_i(z))); }

/* An infinite real part with a finite nonzero imaginary part, for exp,
 * cosh and sinh: infinities (or zeros) in the directions of cos and sin. */
static Cx inf_cis(double mag, double y, double sign_re, double sign_im)
{
    return (Cx){sign_re * copysign(mag, cos(y)), sign_im * copysign(mag, sin(y))};
}

static bool inf_real(Cx z)
{
    return isinf(z.real) && isfinite(z.imag) && z.imag != 0.;
}

static Cx c_exp(Cx z)
{
    Cx r;
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        if (inf_real(z))
            r = z.real > 0 ? inf_cis(INFINITY, z.imag, 1, 1) : inf_cis(0., z.imag, 1, 1);
        else
            special(z, exp_special, &r);
        /* EDOM if the imaginary part is infinite and the real is not NaN or -inf */
        status = isinf(z.imag) && (isfinite(z.real) || (isinf(z.real) && z.real > 0))
                 ? CM_EDOM : CM_OK;
        return r;
    }
    if (z.real > CM_LOG_LARGE_DOUBLE) {
        double l = exp(z.real - 1.);
        r = (Cx){l * cos(z.imag) * M_E, l * sin(z.imag) * M_E};
    } else {
        double l = exp(z.real);
        r = (Cx){l * cos(z.imag), l * sin(z.imag)};
    }
    status = isinf(r.real) || isinf(r.imag) ? CM_ERANGE : CM_OK;
    return r;
}

/* cosh and sinh: even = true for cosh. */
static Cx c_cosh_sinh(Cx z, bool even)
{
    Cx r;
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        if (inf_real(z)) {
            double s = z.real > 0 ? 1 : -1;
            r = even ? inf_cis(INFINITY, z.imag, 1, s) : inf_cis(INFINITY, z.imag, s, 1);
        } else {
            special(z, even ? cosh_special : sinh_special, &r);
        }
        status = isinf(z.imag) && !isnan(z.real) ? CM_EDOM : CM_OK;
        return r;
    }
    double x = z.real, f = 1.;         /* (x * 1. is exact: the plain formula) */
    if (fabs(x) > CM_LOG_LARGE_DOUBLE) {
        x -= copysign(1., x);
        f = M_E;
    }
    if (even)
        r = (Cx){cos(z.imag) * cosh(x) * f, sin(z.imag) * sinh(x) * f};
    else
        r = (Cx){cos(z.imag) * sinh(x) * f, sin(z.imag) * cosh(x) * f};
    status = isinf(r.real) || isinf(r.imag) ? CM_ERANGE : CM_OK;
    return r;
}

static Cx c_cosh(Cx z) { return c_cosh_sinh(z, true); }
static Cx c_sinh(Cx z) { return c_cosh_sinh(z, false); }
static Cx c_cos(Cx z) { return c_cosh(times_i(z)); }
static Cx c_sin(Cx z) { return times_minus_i(c_sinh(times_i(z))); }

static Cx c_tanh(Cx z)
{
    Cx r;
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        if (inf_real(z))
            r = (Cx){z.real > 0 ? 1.0 : -1.0, copysign(0., 2. * sin(z.imag) * cos(z.imag))};
        else
            special(z, tanh_special, &r);
        status = isinf(z.imag) && isfinite(z.real) ? CM_EDOM : CM_OK;
        return r;
    }
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        r.real = copysign(1., z.real);
        r.imag = 4. * sin(z.imag) * cos(z.imag) * exp(-2. * fabs(z.real));
    } else {
        double tx = tanh(z.real), ty = tan(z.imag), cx = 1. / cosh(z.real);
        double txty = tx * ty, denom = 1. + txty * txty;
        r.real = tx * (1. + ty * ty) / denom;
        r.imag = ((ty / denom) * cx) * cx;
    }
    status = CM_OK;
    return r;
}

static Cx c_tan(Cx z) { return times_minus_i(c_tanh(times_i(z))); }

/* a / b as CPython's _Py_c_quot (Smith's method); EDOM dividing by 0. */
static Cx c_quot(Cx a, Cx b)
{
    double abs_br = fabs(b.real), abs_bi = fabs(b.imag);
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            status = CM_EDOM;
            return (Cx){0., 0.};
        }
        double ratio = b.imag / b.real, denom = b.real + b.imag * ratio;
        return (Cx){(a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom};
    }
    if (abs_bi >= abs_br) {
        double ratio = b.real / b.imag, denom = b.real * ratio + b.imag;
        return (Cx){(a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom};
    }
    return (Cx){NAN, NAN};              /* a NaN in b */
}

/* abs(z) as CPython's _Py_c_abs: an infinite part wins over a NaN;
 * ERANGE when hypot overflows. */
static double c_abs(Cx z)
{
    status = CM_OK;
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        if (isinf(z.real))
            return fabs(z.real);
        if (isinf(z.imag))
            return fabs(z.imag);
        return NAN;
    }
    double r = hypot(z.real, z.imag);
    if (!isfinite(r))
        status = CM_ERANGE;
    return r;
}

/* ---- arguments and results -------------------------------------------------------- */

/* A complex argument as CPython's Py_complex converter takes it: a
 * complex, an object with __complex__, or a real number. */
static bool as_complex(Value v, Cx *out)
{
    if (rt_isinstance_of(v, &rt_complex_type)) {
        ObjComplex *c = VAL_AS(ObjComplex, v);
        *out = (Cx){c->real, c->imag};
        return true;
    }
    Value m = mod_lookup_special(v, "__complex__");
    if (m != VAL_NULL) {
        Value r = rt_call0(m);
        if (r == VAL_NULL)
            return false;
        if (!rt_isinstance_of(r, &rt_complex_type)) {
            rt_raisef(&rt_TypeError, "__complex__ returned non-complex (type %T)", r);
            return false;
        }
        *out = (Cx){VAL_AS(ObjComplex, r)->real, VAL_AS(ObjComplex, r)->imag};
        return true;
    }
    out->imag = 0.;
    return mod_as_double(v, &out->real);
}

/* The result, or CPython's error for the status. */
static Value result(Cx r)
{
    if (status == CM_EDOM)
        return rt_raisef(&rt_ValueError, "math domain error");
    if (status == CM_ERANGE)
        return rt_raisef(&rt_OverflowError, "math range error");
    return rt_complex_new(r.real, r.imag);
}

static Value apply(const char *fname, Cx (*f)(Cx), Value *args, size_t nargs, Value kw)
{
    Cx z;
    if (!rt_arg_one_in("cmath", fname, nargs, kw) || !as_complex(args[0], &z))
        return VAL_NULL;
    status = CM_OK;
    return result(f(z));
}

#define CMATH_FUNCTIONS(X) \
    X(acos) X(acosh) X(asin) X(asinh) X(atan) X(atanh) X(cos) X(cosh) X(exp) \
    X(sin) X(sinh) X(sqrt) X(tan) X(tanh)
#define CMATH_WRAPPER(f) \
    static Value cm_##f(Value *a, size_t n, Value kw) { return apply(#f, c_##f, a, n, kw); }
CMATH_FUNCTIONS(CMATH_WRAPPER)

/* log(z[, base]) */
static Value cm_log(Value *args, size_t nargs, Value kw)
{
    Cx z, base;
    if (!rt_arg_nokw("log", kw) || !rt_arg_range("log", nargs, 1, 2) ||
        !as_complex(args[0], &z) || (nargs > 1 && !as_complex(args[1], &base)))
        return VAL_NULL;
    status = CM_OK;
    Cx r = c_log(z);
    if (nargs > 1) {
        Cx lb = c_log(base);            /* resets the status, as in CPython */
        r = c_quot(r, lb);
    }
    return result(r);
}

static Value cm_log10(Value *args, size_t nargs, Value kw)
{
    Cx z;
    if (!rt_arg_one("cmath.log10", nargs, kw) || !as_complex(args[0], &z))
        return VAL_NULL;
    Cx r = c_log(z);
    return result((Cx){r.real / LN10, r.imag / LN10});
}

static Value cm_phase(Value *args, size_t nargs, Value kw)
{
    Cx z;
    if (!rt_arg_one("cmath.phase", nargs, kw) || !as_complex(args[0], &z))
        return VAL_NULL;
    /* CPython reports libm's ERANGE: a result that underflows to 0 */
    errno = 0;
    double phi = atan2(z.imag, z.real);
    if (errno == ERANGE)
        return rt_raisef(&rt_OverflowError, "math range error");
    return rt_float_new(phi);
}

static Value cm_polar(Value *args, size_t nargs, Value kw)
{
    Cx z;
    if (!rt_arg_one("cmath.polar", nargs, kw) || !as_complex(args[0], &z))
        return VAL_NULL;
    double r = c_abs(z);
    if (status == CM_ERANGE)
        return rt_raisef(&rt_OverflowError, "math range error");
    return rt_tuple_pack(2, rt_float_new(r), rt_float_new(atan2(z.imag, z.real)));
}

/* rect(r, phi) = r * (cos(phi) + i sin(phi)) */
static Value cm_rect(Value *args, size_t nargs, Value kw)
{
    double r, phi;
    if (!rt_arg_nokw("rect", kw) || !rt_arg_range("rect", nargs, 2, 2) ||
        !mod_as_double(args[0], &r) || !mod_as_double(args[1], &phi))
        return VAL_NULL;
    Cx z;
    status = CM_OK;
    if (!isfinite(r) || !isfinite(phi)) {
        if (isinf(r) && isfinite(phi) && phi != 0.) {
            double s = r > 0 ? 1 : -1;
            z = inf_cis(INFINITY, phi, s, s);
        } else {
            special((Cx){r, phi}, rect_special, &z);
        }
        status = r != 0. && !isnan(r) && isinf(phi) ? CM_EDOM : CM_OK;
    } else if (phi == 0.0) {
        z = (Cx){r, r * phi};
    } else {
        z = (Cx){r * cos(phi), r * sin(phi)};
    }
    return result(z);
}

static Value predicate(const char *fname, int which, Value *args, size_t nargs, Value kw)
{
    Cx z;
    if (!rt_arg_one(fname, nargs, kw) || !as_complex(args[0], &z))
        return VAL_NULL;
    if (which == 0)
        return rt_bool(isfinite(z.real) && isfinite(z.imag));
    if (which == 1)
        return rt_bool(isinf(z.real) || isinf(z.imag));
    return rt_bool(isnan(z.real) || isnan(z.imag));
}
static Value cm_isfinite(Value *a, size_t n, Value kw)
{ return predicate("cmath.isfinite", 0, a, n, kw); }
static Value cm_isinf(Value *a, size_t n, Value kw)
{ return predicate("cmath.isinf", 1, a, n, kw); }
static Value cm_isnan(Value *a, size_t n, Value kw)
{ return predicate("cmath.isnan", 2, a, n, kw); }

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
static Value cm_isclose(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "a", "b", "rel_tol", "abs_tol" };
    ArgSpec spec = { "isclose", names, 4, 0, 2, 2, false };
    Value v[4];
    Cx a, b;
    double rel_tol = 1e-09, abs_tol = 0.0;
    if (!rt_parse_args(&spec, args, nargs, kw, v) || !as_complex(v[0], &a) ||
        !as_complex(v[1], &b) || (v[2] != VAL_NULL && !mod_as_double(v[2], &rel_tol)) ||
        (v[3] != VAL_NULL && !mod_as_double(v[3], &abs_tol)))
        return VAL_NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return rt_raisef(&rt_ValueError, "tolerances must be non-negative");
    if (a.real == b.real && a.imag == b.imag)
        return rt_True;
    if (isinf(a.real) || isinf(a.imag) || isinf(b.real) || isinf(b.imag))
        return rt_False;
    double diff = c_abs((Cx){a.real - b.real, a.imag - b.imag});
    return rt_bool(diff <= rel_tol * c_abs(b) || diff <= rel_tol * c_abs(a) || diff <= abs_tol);
}

#define CMATH_ENTRY(f) {#f, cm_##f},
static const MethodDef cmath_functions[] = {
    CMATH_FUNCTIONS(CMATH_ENTRY)
    {"log", cm_log}, {"log10", cm_log10}, {"phase", cm_phase}, {"polar", cm_polar},
    {"rect", cm_rect}, {"isfinite", cm_isfinite}, {"isinf", cm_isinf}, {"isnan", cm_isnan},
    {"isclose", cm_isclose},
    {NULL, NULL}
};

Value mod_cmath_init(void)
{
    Value m = mod_module_new("cmath", cmath_functions);
    mod_module_set(m, "pi", rt_float_new(M_PI));
    mod_module_set(m, "e", rt_float_new(M_E));
    mod_module_set(m, "tau", rt_float_new(2 * M_PI));
    mod_module_set(m, "inf", rt_float_new(INFINITY));
    mod_module_set(m, "infj", rt_complex_new(0., INFINITY));
    mod_module_set(m, "nan", rt_float_new(NAN));
    mod_module_set(m, "nanj", rt_complex_new(0., NAN));
    return m;
}
