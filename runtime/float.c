/*
 * float.c — Python floats: IEEE-754 doubles with CPython's text and hashing.
 *
 * Three things here are subtler than they look:
 *
 *   repr    prints the *shortest* decimal string that reads back as the same
 *           double (0.1 prints as '0.1', not '0.1000000000000000055511...').
 *           C's printf cannot ask for that directly, so shortest_digits()
 *           finds the smallest precision that round-trips; glibc's
 *           printf and strtod are both correctly rounded, which makes the
 *           search exact.  Then CPython's layout rules apply: exponent form
 *           below 1e-4 and from 1e16 up, otherwise fixed with '.0' if integral.
 *   hash    must agree with int's (hash(2.0) == hash(2)) because 2 and 2.0 are
 *           the same dict key: both reduce the exact value modulo 2**61 - 1.
 *   compare between int and float is exact, never via a lossy conversion:
 *           2**53 + 1 > 2.0**53 is True although float(2**53 + 1) == 2.0**53.
 *
 * Floor division and modulo follow CPython's float_divmod: fmod, then a sign
 * fix so the remainder takes the divisor's sign.
 */
#include <errno.h>
#include <float.h>
#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime.h"
#include "version.h"
#include "class.h"
#include "buffer.h"

Value rt_float_new(double d)
{
    /* Atomic: an exact float holds no pointers (its type is a static object). */
    ObjFloat *f = gc_alloc_atomic(sizeof *f);
    f->ob.type = &rt_float_type;
    f->value = d;
    return obj_val(f);
}

/* ---- repr ------------------------------------------------------------------- */

/* ---- exact arithmetic for the common range ----
 *
 * printf and strtod are exact for every double, but costly (multiple
 * precision).  For the doubles programs mostly print, 1e-5 <= d < 2**53,
 * d = m * 2**e with a 53-bit m and -70 < e < 0, and everything below fits
 * in 128-bit integers: the same answers, exactly, in a few dozen
 * instructions.  Outside that range (or for a power of two, whose lower
 * neighbour is nearer) the callers use printf and strtod. */
typedef unsigned __int128 u128;

static u128 pow10_u128(int s)           /* 0 <= s <= 22 */
{
    u128 p = 1;
    while (s-- > 0)
        p *= 10;
    return p;
}

/* d as m * 2**e in the exact range; false outside it. */
static bool exact_parts(double d, uint64_t *m, int *e)
{
    if (!(d >= 1e-5 && d < 9007199254740992.0))
        return false;
    int e2;
    double frac = frexp(d, &e2);                    /* d = frac * 2**e2 */
    *m = (uint64_t)ldexp(frac, 53);
    *e = e2 - 53;
    return *m != (uint64_t)1 << 52;
}

/* d rounded to 17 digits (half to even, as printf) without printf. */
static bool digits17_exact(double d, char *d17, int *e10)
{
    uint64_t m;
    int e;
    if (!exact_parts(d, &m, &e))
        return false;
    const uint64_t lo = 10000000000000000ULL, hi = 100000000000000000ULL;
    int E = (int)floor(log10(d));       /* the first digit's exponent, or one off */
    for (;;) {
        /* q = d * 10**(16 - E), rounded: 17 digits when E is right. */
        u128 num = (u128)m * pow10_u128(16 - E);
        int sh = -e;
        u128 q = num >> sh, r = num - (q << sh);
        if (sh > 0) {                   /* d >= 2**52 is an integer: q is exact */
            u128 half = (u128)1 << (sh - 1);
            if (r > half || (r == half && (q & 1)))
                q++;
        }
        if (q >= hi)
            E++;
        else if (q < lo)
            E--;
        else {
            uint64_t v = (uint64_t)q;
            for (int i = 16; i >= 0; i--, v /= 10)
                d17[i] = (char)('0' + v % 10);
            *e10 = E;
            return true;
        }
    }
}

/* Does n * 10**k read as d exactly (0 < n < 2**57, -21 <= k < 0)?  It does
 * when it lies strictly between the midpoints to d's neighbours,
 * (2m -+ 1) * 2**(e-1), and on a midpoint when m is even (strtod rounds
 * half to even).  Scaled by 2**(1-e) * 10**-k to integers.  -1: cannot say. */
static int reads_as_exact(double d, long long n, int k)
{
    uint64_t m;
    int e;
    if (k >= 0 || k < -21 || n >= (1LL << 57) || !exact_parts(d, &m, &e) || 1 - e > 70)
        return -1;
    u128 x = (u128)n << (1 - e), p = pow10_u128(-k);
    u128 low = (u128)(2 * m - 1) * p, high = (u128)(2 * m + 1) * p;
    if (x > low && x < high)
        return 1;
    return (x == low || x == high) && (m & 1) == 0;
}

/* Does the decimal n * 10**k (n > 0) read as d?  When n and 10**|k| are
 * both exact doubles (n < 2**53, |k| <= 22), one multiplication or
 * division rounds correctly, exactly as strtod would (Clinger's fast
 * path); otherwise strtod decides. */
static bool reads_as(double d, long long n, int k)
{
    static const double pow10[] = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    if (n < (1LL << 53) && k >= -22 && k <= 22)
        return (k >= 0 ? (double)n * pow10[k] : (double)n / pow10[-k]) == d;
    int exact = reads_as_exact(d, n, k);
    if (exact >= 0)
        return exact;
    char buf[48];
    snprintf(buf, sizeof buf, "%llde%d", n, k);
    return strtod(buf, NULL) == d;
}

/* Does the decimal n * 10**k read back as d?  If so, store n's digits
 * (trailing zeros dropped) and the exponent of its first digit. */
static bool try_digits(double d, long long n, int k, char *digits, int *exp10)
{
    if (n <= 0 || !reads_as(d, n, k))
        return false;
    int len = (int)rt_i64_decimal(n, digits);
    *exp10 = k + len - 1;
    while (len > 1 && digits[len - 1] == '0')
        digits[--len] = 0;
    return true;
}

/* d correctly rounded to p significant digits, as n * 10**k. */
static void round_digits(double d, int p, long long *n, int *k)
{
    char buf[40], *e;
    snprintf(buf, sizeof buf, "%.*e", p - 1, d);
    e = strchr(buf, 'e');
    *k = atoi(e + 1) - (p - 1);
    *n = 0;
    for (char *c = buf; c < e; c++)
        if (*c != '.')
            *n = *n * 10 + (*c - '0');
}

/* d (finite, > 0) correctly rounded to 17 significant digits, the most
 * a double needs: its 17 digits into d17, and the exponent of the first. */
static int digits17(double d, char *d17)
{
    int e10;
    if (digits17_exact(d, d17, &e10))
        return e10;
    char buf[40];
    snprintf(buf, sizeof buf, "%.16e", d);          /* "D.DDDDDDDDDDDDDDDDe+XX" */
    d17[0] = buf[0];
    memcpy(d17 + 1, buf + 2, 16);
    return atoi(buf + 19);
}

/* d rounded to p <= 17 digits, as round_digits gives, from its 17-digit
 * rounding (no printf again).  Rounding twice is rounding once unless the
 * dropped digits are exactly a half, 5 then zeros: d itself may lie just
 * below or above that half.  False then (the caller asks printf). */
static bool round_from_17(const char *d17, int e, int p, long long *n, int *k)
{
    long long v = 0;
    for (int i = 0; i < p; i++)
        v = v * 10 + (d17[i] - '0');
    *k = e - (p - 1);
    if (p == 17) {
        *n = v;
        return true;
    }
    bool zeros = true;
    for (int i = p + 1; i < 17; i++)
        zeros &= d17[i] == '0';
    if (d17[p] == '5' && zeros)
        return false;
    *n = v + (d17[p] >= '5');           /* 99..9 + 1 = 10**p: the same value */
    return true;
}

/* The shortest digit string D and exponent E with d == D[0].D[1..] * 10**E
 * once read back (d finite and > 0), and of those the closest to d — what
 * CPython's dtoa (mode 0) produces.  Round-tripping is monotonic in the
 * precision (more correctly rounded digits are never further away), so a
 * binary search over 1..17 significant digits finds the shortest.
 *
 * One exception: when d is a power of two, the doubles around it are closer
 * together below it than above, and a p-digit decimal just above d may read
 * back as d while the nearest p-digit decimal (just below) does not.  For
 * those values we also try the neighbours of the rounded digits. */
static void shortest_digits(double d, char *digits, int *exp10)
{
    long long n;
    int k;
    int e2;
    if (frexp(d, &e2) == 0.5) {             /* a power of two */
        for (int p = 1; p <= 17; p++) {
            round_digits(d, p, &n, &k);
            if (try_digits(d, n, k, digits, exp10) || try_digits(d, n + 1, k, digits, exp10) ||
                try_digits(d, n - 1, k, digits, exp10))
                return;
        }
    }
    /* A normal double has 53 significant bits: 15 digits decide in one try
     * (DBL_DIG: a decimal of at most 15 significant digits that reads back
     * as d lies within half an ulp of it, much nearer than half the gap
     * between 15-digit decimals).  If the shortest has p <= 15 digits, d
     * rounded to 15 digits is that decimal padded with zeros, which
     * try_digits drops; if d's 15-digit rounding does not read back,
     * nothing shorter does, and 16 or 17 digits are needed.  (Measured:
     * json.dumps of 100k floats 448 -> 230 ms against the binary search;
     * the same strings as python3.11 for 396k doubles, 40k of them kept in
     * tests/programs/types_float/repr_many.py.) */
    if (d >= DBL_MIN) {
        /* One printf for the three precisions (it was one per try, plus a
         * printf and strtod for each check: pickle and json spent 8% of
         * their time here). */
        char d17[17];
        int e = digits17(d, d17);
        for (int p = 15; p <= 17; p++) {
            if (!round_from_17(d17, e, p, &n, &k))
                round_digits(d, p, &n, &k);
            if (try_digits(d, n, k, digits, exp10))
                return;
        }
    }
    /* A subnormal has fewer bits: search 1..17. */
    int lo = 1, hi = 17;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        round_digits(d, mid, &n, &k);
        if (try_digits(d, n, k, digits, exp10))
            hi = mid;
        else
            lo = mid + 1;
    }
    round_digits(d, lo, &n, &k);
    try_digits(d, n, k, digits, exp10);
}

/* Lay the digits out as CPython's repr does. */
static void layout_digits(const char *digits, int n, int e, bool add_dot0, char *out)
{
    if (e < -4 || e >= 16) {                /* 1.5e-05, 1e+16 */
        *out++ = digits[0];
        if (n > 1) {
            *out++ = '.';
            memcpy(out, digits + 1, (size_t)n - 1);
            out += n - 1;
        }
        sprintf(out, "e%c%02d", e < 0 ? '-' : '+', abs(e));
    } else if (e >= 0) {                    /* 123.45, 100.0 */
        for (int i = 0; i <= e; i++)
            *out++ = i < n ? digits[i] : '0';
        if (n > e + 1) {
            *out++ = '.';
            memcpy(out, digits + e + 1, (size_t)(n - e - 1));
            out += n - e - 1;
        } else if (add_dot0) {
            *out++ = '.';
            *out++ = '0';
        }
        *out = 0;
    } else {                                /* 0.00123 */
        *out++ = '0';
        *out++ = '.';
        for (int i = 0; i < -e - 1; i++)
            *out++ = '0';
        memcpy(out, digits, (size_t)n);
        out[n] = 0;
    }
}

void rt_double_repr_ex(double d, char *buf, size_t size, bool add_dot0)
{
    char tmp[40], digits[RT_I64_DECIMAL_MAX];
    if (isnan(d)) {
        snprintf(buf, size, "nan");
        return;
    }
    if (isinf(d)) {
        snprintf(buf, size, d > 0 ? "inf" : "-inf");
        return;
    }
    char *out = tmp;
    if (signbit(d))
        *out++ = '-';
    if (d == 0) {
        strcpy(out, add_dot0 ? "0.0" : "0");
    } else {
        int e;
        shortest_digits(fabs(d), digits, &e);
        layout_digits(digits, (int)strlen(digits), e, add_dot0, out);
    }
    size_t len = strlen(tmp);           /* truncated to size, as snprintf did */
    if (size > 0) {
        len = len < size - 1 ? len : size - 1;
        memcpy(buf, tmp, len);
        buf[len] = 0;
    }
}

void rt_double_repr(double d, char *buf, size_t size)
{
    rt_double_repr_ex(d, buf, size, true);
}

Value rt_float_repr(Value v)
{
    char buf[40];
    rt_double_repr(rt_float_value(v), buf, sizeof buf);
    return rt_str_from_cstr(buf);
}

/* ---- hash ------------------------------------------------------------------- */

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

/* CPython's _Py_HashDouble for finite values: the exact value m * 2**e reduced
 * modulo 2**61 - 1, consuming the mantissa 28 bits at a time; multiplying by
 * 2**e modulo a Mersenne prime is a rotation of the 61-bit word. */
intptr_t rt_double_hash(double d)
{
    if (isinf(d))
        return d > 0 ? 314159 : -314159;
    if (isnan(d))
        return 0;
    int e;
    double m = frexp(d, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;                   /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    intptr_t h = (intptr_t)x * sign;
    return h == -1 ? -2 : h;
}

/* Since 3.10 a NaN hashes by identity (CPython's _Py_HashPointer). */
static intptr_t hash_pointer(Value v)
{
    uintptr_t y = (uintptr_t)v;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    intptr_t h = (intptr_t)y;
    return h == -1 ? -2 : h;
}

static intptr_t float_hash(Value v)
{
    double d = rt_float_value(v);
    return isnan(d) ? hash_pointer(v) : rt_double_hash(d);
}

/* ---- Operand conversion ----------------------------------------------------- */

static bool is_float_like(Value v)
{
    return !val_is_small(v) && rt_isinstance_of(v, &rt_float_type);
}

static bool is_int_like(Value v)
{
    return val_is_small(v) || rt_isinstance_of(v, &rt_int_type);
}

/* 1: *out holds v as a double; 0: v is not a real number; -1: error. */
static int to_double(Value v, double *out)
{
    if (is_float_like(v)) {
        *out = rt_float_value(v);
        return 1;
    }
    if (!is_int_like(v))
        return 0;
    bool overflow;
    *out = rt_int_as_double(v, &overflow);
    if (overflow) {
        rt_raisef(&rt_OverflowError, "int too large to convert to float");
        return -1;
    }
    return 1;
}

/* Both operands as doubles: 1, or 0 when either is not a real number (the
 * operation is NotImplemented), or -1 on error. */
static int to_doubles(Value a, Value b, double *x, double *y)
{
    int r = to_double(a, x);
    return r <= 0 ? r : to_double(b, y);
}

bool rt_as_double(Value v, double *out)
{
    int r = to_double(v, out);
    if (r == 0)
        rt_raisef(&rt_TypeError, "must be real number, not %T", v);
    return r == 1;
}

/* ---- Arithmetic ------------------------------------------------------------- */

/* The OverflowError CPython raises from errno (ERANGE): its args are
 * (34, 'Numerical result out of range'). */
static Value range_error(void)
{
    return rt_raise_args(&rt_OverflowError,
                         rt_tuple_pack(2, small_new(ERANGE),
                                       rt_str_from_cstr("Numerical result out of range")));
}

static bool is_odd_integer(double w)
{
    return fmod(fabs(w), 2.0) == 1.0;
}

/* v ** w with CPython's float_pow special cases. */
/* The message of a ZeroDivisionError: `before` until 3.13, one sentence
 * for every operator since 3.14. */
static const char *zero_div(const char *before)
{
    return rt_py_minor >= 14 ? "division by zero" : before;
}

static Value float_pow(double v, double w)
{
    if (w == 0)
        return rt_float_new(1.0);
    if (isnan(v))
        return rt_float_new(v);
    if (isnan(w))
        return rt_float_new(v == 1.0 ? 1.0 : w);
    if (isinf(w)) {
        v = fabs(v);
        if (v == 1.0)
            return rt_float_new(1.0);
        return rt_float_new((w > 0) == (v > 1.0) ? fabs(w) : 0.0);
    }
    if (isinf(v)) {
        bool odd = is_odd_integer(w);
        if (w > 0)
            return rt_float_new(odd ? v : fabs(v));
        return rt_float_new(odd ? copysign(0.0, v) : 0.0);
    }
    if (v == 0) {
        if (w < 0)
            return rt_raisef(&rt_ZeroDivisionError, rt_py_minor >= 14 ? "zero to a negative power"
                                     : "0.0 cannot be raised to a negative power");
        return rt_float_new(is_odd_integer(w) ? v : 0.0);
    }
    bool negate = false;
    if (v < 0) {
        if (w != floor(w))                  /* (-8) ** 0.5 is a complex number */
            return rt_complex_binop(rt_complex_new(v, 0), rt_complex_new(w, 0), NB_POWER);
        v = -v;
        negate = is_odd_integer(w);
    }
    if (v == 1.0)
        return rt_float_new(negate ? -1.0 : 1.0);
    errno = 0;
    double r = pow(v, w);
    if (isinf(r))
        return range_error();
    return rt_float_new(negate ? -r : r);
}

/* CPython's float_divmod: floor quotient and remainder with the divisor's sign. */
static void float_divmod_parts(double vx, double wx, double *floordiv, double *mod)
{
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, wx);
    }
    if (div) {
        double fl = floor(div);
        if (div - fl > 0.5)
            fl += 1.0;
        div = fl;
    } else {
        div = copysign(0.0, vx / wx);
    }
    *floordiv = div;
    *mod = m;
}

static Value float_arith(double x, double y, int op)
{
    double q, r;
    switch (op) {
    case NB_ADD: return rt_float_new(x + y);
    case NB_SUBTRACT: return rt_float_new(x - y);
    case NB_MULTIPLY: return rt_float_new(x * y);
    case NB_TRUE_DIVIDE:
        if (y == 0)
            return rt_raisef(&rt_ZeroDivisionError, zero_div("float division by zero"));
        return rt_float_new(x / y);
    case NB_FLOOR_DIVIDE:
        if (y == 0)
            return rt_raisef(&rt_ZeroDivisionError, zero_div("float floor division by zero"));
        float_divmod_parts(x, y, &q, &r);
        return rt_float_new(q);
    case NB_REMAINDER:
        if (y == 0)
            return rt_raisef(&rt_ZeroDivisionError,
                             zero_div(rt_py_minor >= 13 ? "float modulo by zero" : "float modulo"));
        float_divmod_parts(x, y, &q, &r);
        return rt_float_new(r);
    case NB_POWER: return float_pow(x, y);
    case NB_DIVMOD:
        if (y == 0)
            return rt_raisef(&rt_ZeroDivisionError, zero_div("float divmod()"));
        float_divmod_parts(x, y, &q, &r);
        return rt_tuple_pack(2, rt_float_new(q), rt_float_new(r));
    default: return rt_NotImplemented;
    }
}

Value rt_float_binop(Value a, Value b, int op)
{
    op = rt_nb_plain(op);
    double x, y;
    int r = to_doubles(a, b, &x, &y);
    if (r <= 0)
        return r < 0 ? VAL_NULL : rt_NotImplemented;
    return float_arith(x, y, op);
}

static Value float_unary(Value v, int op)
{
    double d = rt_float_value(v);
    switch (op) {
    case UN_NEG: return rt_float_new(-d);
    case UN_POS: case UN_FLOAT: return is_float(v) ? v : rt_float_new(d);
    case UN_ABS: return rt_float_new(fabs(d));
    case UN_INT: return rt_int_from_double(d);
    default: return rt_NotImplemented;          /* ~x, operator.index(x) */
    }
}

/* pow(x, y, mod) with a float among x and y: never allowed. */
static Value float_pow3(Value base, Value exp, Value mod)
{
    double x, y;
    int r = to_doubles(base, exp, &x, &y);
    if (r <= 0)
        return r < 0 ? VAL_NULL : rt_NotImplemented;
    return rt_raisef(&rt_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
}

static int float_truth(Value v)
{
    return rt_float_value(v) != 0;
}

/* ---- Comparison ------------------------------------------------------------- */

/* Three-way comparison of double x with int i, exactly (x not NaN). */
static int cmp_double_int(double x, Value i)
{
    if (isinf(x))
        return x > 0 ? 1 : -1;
    return -rt_int_cmp_double(i, x);
}

Value rt_float_richcompare(Value a, Value b, int op)
{
    bool fa = is_float_like(a), fb = is_float_like(b);
    if (fa && fb) {
        double x = rt_float_value(a), y = rt_float_value(b);
        switch (op) {
        case CMP_LT: return rt_bool(x < y);
        case CMP_LE: return rt_bool(x <= y);
        case CMP_EQ: return rt_bool(x == y);
        case CMP_NE: return rt_bool(x != y);
        case CMP_GT: return rt_bool(x > y);
        default: return rt_bool(x >= y);
        }
    }
    if (fa && is_int_like(b)) {
        double x = rt_float_value(a);
        return rt_bool(isnan(x) ? op == CMP_NE
                                : rt_cmp_holds(cmp_double_int(x, b), op));
    }
    if (fb && is_int_like(a)) {
        double y = rt_float_value(b);
        return rt_bool(isnan(y) ? op == CMP_NE
                                : rt_cmp_holds(-cmp_double_int(y, a), op));
    }
    return rt_NotImplemented;
}

/* ---- float(x) ---------------------------------------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* "inf", "infinity", "nan" in any case (sign already consumed). */
static bool parse_special(const char *s, size_t n, double *out)
{
    if ((n == 3 && strncasecmp(s, "inf", 3) == 0) || (n == 8 && strncasecmp(s, "infinity", 8) == 0)) {
        *out = HUGE_VAL;
        return true;
    }
    if (n == 3 && strncasecmp(s, "nan", 3) == 0) {
        *out = NAN;
        return true;
    }
    return false;
}

/* The shape shared by decimal and hex float text:
 *   digits [. digits] [exp-letter [sign] decimal-digits]
 * with digits on at least one side of the point, and nothing after. */
static bool number_syntax_ok(const char *p, const char *digits, char exp_letter)
{
    size_t before = strspn(p, digits);
    p += before;
    size_t after = 0;
    if (*p == '.') {
        after = strspn(p + 1, digits);
        p += 1 + after;
    }
    if (before + after == 0)
        return false;
    if ((*p | 0x20) == exp_letter) {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        size_t n = strspn(p, "0123456789");
        if (n == 0)
            return false;
        p += n;
    }
    return *p == 0;
}

/* Copy s..end to out without underscores, each of which must sit between two
 * digits; then check the decimal syntax  digits [. digits] [e [sign] digits]
 * (with digits on at least one side of the point).  false if malformed. */
static bool clean_decimal(const char *s, const char *end, char *out)
{
    char *o = out;
    for (const char *p = s; p < end; p++) {
        if (*p == '_') {
            if (p == s || !is_digit(p[-1]) || p + 1 >= end || !is_digit(p[1]))
                return false;
            continue;
        }
        *o++ = *p;
    }
    *o = 0;
    return number_syntax_ok(out, "0123456789", 'e');
}

/* Parse text as float() does; false if it is not a float literal. */
static bool parse_float(const char *s, size_t len, double *out)
{
    const char *end = s + len;
    while (s < end && is_space(*s)) s++;
    while (end > s && is_space(end[-1])) end--;
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-'))
        neg = *s++ == '-';
    double d;
    if (!parse_special(s, (size_t)(end - s), &d)) {
        char *buf = gc_alloc_atomic((size_t)(end - s) + 1);
        if (!clean_decimal(s, end, buf))
            return false;
        d = strtod(buf, NULL);              /* correctly rounded; inf on overflow */
    }
    *out = neg ? -d : d;
    return true;
}

static Value float_from_text(Value orig, const char *s, size_t len)
{
    double d;
    if (memchr(s, '\0', len) != NULL || !parse_float(s, len, &d))
        return rt_raisef(&rt_ValueError, "could not convert string to float: %R", orig);
    return rt_float_new(d);
}

/* PyFloat_FromString: the text of a str, bytes, bytearray (subclasses
 * too) or any other bytes-like object (memoryview, array). */
static Value float_from_any_text(Value v)
{
    if (rt_isinstance_of(v, &rt_str_type)) {
        size_t len;
        const char *text = rt_numeric_ascii(v, &len);
        return text == NULL ? VAL_NULL : float_from_text(v, text, len);
    }
    if (rt_isinstance_of(v, &rt_bytes_type))
        return float_from_text(v, (const char *)AS_BYTES(v)->data, AS_BYTES(v)->length);
    if (rt_isinstance_of(v, &rt_bytearray_type)) {
        ObjByteArray *a = VAL_AS(ObjByteArray, v);
        return float_from_text(v, (const char *)a->data, a->length);
    }
    if (rt_has_buffer(v)) {
        Value b = rt_buffer_to_bytes(v);
        return b == VAL_NULL ? VAL_NULL
             : float_from_text(v, (const char *)AS_BYTES(b)->data, AS_BYTES(b)->length);
    }
    return rt_raisef(&rt_TypeError, "float() argument must be a string or a real number, not '%T'", v);
}

/* float(x) for an object with __float__ or __index__ (a subclass of int or
 * float, a str subclass too: their __float__ comes first), else its text. */
static Value float_via_dunder(Value v)
{
    Value m = rt_type_lookup(val_type(v), RT_NAME("__float__"));
    if (m) {
        Value r = rt_call_found(m, v, NULL, 0);
        if (r && !is_float_like(r))
            return rt_raisef(&rt_TypeError, "%T.__float__ returned non-float (type %T)", v, r);
        if (r == VAL_NULL || is_float(r))
            return r;
        char msg[400];
        snprintf(msg, sizeof msg, "%.50s.__float__ returned non-float (type %.50s).  The "
                 "ability to return an instance of a strict subclass of float is deprecated, "
                 "and may be removed in a future version of Python.",
                 val_type(v)->name, val_type(r)->name);
        if (rt_warn(&rt_DeprecationWarning, msg, 1) < 0)
            return VAL_NULL;
        return rt_float_new(rt_float_value(r));
    }
    m = rt_type_lookup(val_type(v), RT_NAME("__index__"));
    if (m) {
        Value r = rt_call_found(m, v, NULL, 0);
        return r ? rt_float_from(r) : r;
    }
    return float_from_any_text(v);
}

Value rt_float_from(Value v)
{
    if (is_float(v))
        return v;
    double d;
    int r = val_is_small(v) || IS_EXACT(v, rt_int_type) || IS_EXACT(v, rt_bool_type)
            ? to_double(v, &d) : 0;
    if (r != 0)
        return r < 0 ? VAL_NULL : rt_float_new(d);
    if (is_str(v)) {
        size_t len;
        const char *text = rt_numeric_ascii(v, &len);
        return float_from_text(v, text, len);
    }
    if (IS_EXACT(v, rt_bytes_type))
        return float_from_text(v, (const char *)AS_BYTES(v)->data, AS_BYTES(v)->length);
    if (IS_EXACT(v, rt_bytearray_type)) {
        ObjByteArray *a = VAL_AS(ObjByteArray, v);
        return float_from_text(v, (const char *)a->data, a->length);
    }
    return float_via_dunder(v);
}

static Value float_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw_new(type, "float", kwnames))
        return VAL_NULL;
    nargs = rt_npos(nargs, kwnames);
    if (nargs > 1)
        return rt_raisef(&rt_TypeError, "float expected at most 1 argument, got %zu", nargs);
    Value f = nargs == 0 ? rt_float_new(0.0) : rt_float_from(args[0]);
    if (!f || type == &rt_float_type)
        return f;
    ObjFloat *sub = rt_alloc_instance(type, sizeof(ObjFloat));   /* a subclass */
    sub->value = rt_float_value(f);
    return obj_val(sub);
}

/* ---- round() ------------------------------------------------------------------ */

/* round(x): nearest integer, ties to even, as an int. */
static Value round_to_int(double x)
{
    double r = round(x);
    if (fabs(x - r) == 0.5)
        r = 2.0 * round(x / 2.0);
    return rt_int_from_double(r);
}

/* x rounded to a multiple of 10**n (n > 0), ties to even, computed exactly:
 * x = M * 2**E, so x / 10**n is the integer fraction num / den below. */
static double round_to_tens(double x, long n)
{
    int e;
    double m = frexp(fabs(x), &e);
    mpz_t num, den, q, r;
    mpz_inits(num, den, q, r, NULL);
    mpz_set_d(num, ldexp(m, 53));           /* exact 53-bit mantissa */
    e -= 53;
    mpz_ui_pow_ui(den, 10, (unsigned long)n);
    mpz_t p;
    mpz_init_set(p, den);
    if (e >= 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    mpz_fdiv_qr(q, r, num, den);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, den);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    /* q is an exact integer of at most ~309 digits: strtod rounds its
     * decimal text correctly (overflowing to inf). */
    char *text = gc_alloc_atomic(mpz_sizeinbase(q, 10) + 2);
    mpz_get_str(text, 10, q);
    double d = strtod(text, NULL);
    return copysign(d, x);
}

/* round(x, n) for n >= 0: glibc's printf rounds the exact binary value
 * correctly (ties to even), as CPython's dtoa does; strtod reads it back. */
static double round_to_places(double x, long n)
{
    size_t size = 400 + (size_t)n;
    char *buf = gc_alloc_atomic(size);
    snprintf(buf, size, "%.*f", (int)n, x);
    return strtod(buf, NULL);
}

Value rt_float_round(double x, Value ndigits)
{
    if (ndigits == VAL_NULL || ndigits == rt_None)
        return round_to_int(x);
    int64_t n;
    Value nd = rt_index(ndigits);
    if (!nd)
        return VAL_NULL;
    if (!rt_int_as_i64(nd, &n)) {           /* huge ndigits: clamp */
        rt_err_clear();
        n = rt_int_sign(nd) > 0 ? INT32_MAX : INT32_MIN;
    }
    /* Beyond these, rounding cannot change a double (or leaves only zero). */
    if (!isfinite(x) || x == 0 || n > 323)
        return rt_float_new(x);
    if (n < -308)
        return rt_float_new(0.0 * x);
    double r = n >= 0 ? round_to_places(x, (long)n) : round_to_tens(x, (long)-n);
    if (isinf(r))
        return rt_raisef(&rt_OverflowError, "rounded value too large to represent");
    return rt_float_new(r);
}

/* ---- Methods ------------------------------------------------------------------- */

static double self_double(Value *args)
{
    return rt_float_value(args[0]);
}

/* METH_NOARGS: "float.hex() takes no arguments (1 given)". */
#define CHECK_NOARGS(name) \
    if (!rt_arg_none("float." name, nargs - 1, kw)) return VAL_NULL

static Value m_is_integer(Value *args, size_t nargs, Value kw)
{
    CHECK_NOARGS("is_integer");
    double d = self_double(args);
    return rt_bool(isfinite(d) && d == floor(d));
}

static Value m_conjugate(Value *args, size_t nargs, Value kw)
{
    CHECK_NOARGS("conjugate");
    return rt_float_new(self_double(args));
}

static Value m_trunc(Value *args, size_t nargs, Value kw)
{
    CHECK_NOARGS("__trunc__");
    return rt_int_from_double(self_double(args));
}

static Value m_floor(Value *args, size_t nargs, Value kw)
{
    CHECK_NOARGS("__floor__");
    return rt_int_from_double(floor(self_double(args)));
}

static Value m_ceil(Value *args, size_t nargs, Value kw)
{
    CHECK_NOARGS("__ceil__");
    return rt_int_from_double(ceil(self_double(args)));
}

static Value m_round(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("__round__", kw) || !rt_arg_range("__round__", nargs - 1, 0, 1))
        return VAL_NULL;
    return rt_float_round(self_double(args), nargs > 1 ? args[1] : VAL_NULL);
}

/* x == num / den in lowest terms: the mantissa as an integer over a power of
 * two, with common factors of two cancelled. */
static Value m_as_integer_ratio(Value *args, size_t nargs, Value kw)
{
    CHECK_NOARGS("as_integer_ratio");
    double d = self_double(args);
    if (isinf(d))
        return rt_raisef(&rt_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(d))
        return rt_raisef(&rt_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    Value num = rt_int_from_double(m), den = small_new(1);
    if (e > 0)
        num = rt_int_binop(num, small_new(e), NB_LSHIFT);
    else
        den = rt_int_binop(den, small_new(-e), NB_LSHIFT);
    return num && den ? rt_tuple_pack(2, num, den) : VAL_NULL;
}

/* float.hex(): '0x1.8000000000000p+0' — 13 hex digits of mantissa. */
static Value m_hex(Value *args, size_t nargs, Value kw)
{
    CHECK_NOARGS("hex");
    double d = self_double(args);
    char buf[40], *p = buf;
    if (!isfinite(d)) {
        rt_double_repr(d, buf, sizeof buf);
        return rt_str_from_cstr(buf);
    }
    if (signbit(d))
        *p++ = '-';
    if (d == 0) {
        strcpy(p, "0x0.0p+0");
        return rt_str_from_cstr(buf);
    }
    int e;
    double m = frexp(fabs(d), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    p += sprintf(p, "0x%d.", (int)m);
    m -= (int)m;
    for (int i = 0; i < 13; i++) {
        m *= 16.0;
        int digit = (int)m;
        *p++ = "0123456789abcdef"[digit];
        m -= digit;
    }
    sprintf(p, "p%+d", e);
    return rt_str_from_cstr(buf);
}

/* Checks the hex-float syntax  [0x] hexdigits [. hexdigits] [p [sign] digits]
 * of s..end and copies it to out with a "0x" prefix, ready for strtod. */
static bool clean_hex(const char *s, const char *end, char *out)
{
    if (end - s >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x')
        s += 2;
    strcpy(out, "0x");
    memcpy(out + 2, s, (size_t)(end - s));
    out[2 + (end - s)] = 0;
    return number_syntax_ok(out + 2, "0123456789abcdefABCDEF", 'p');
}

/* ---- float.fromhex: exact rounding -------------------------------------------
 *
 * glibc's strtod rounds some hex subnormals twice ('0x0.ffffffffffffecp-1022'
 * comes out one unit low), so the rounding is done here, as CPython does it:
 * the text is an integer M of hex digits times 2**exp2; the top bits of M
 * that fit the double's precision at M's magnitude are kept and the rest
 * decide the rounding, half to even.
 */

typedef struct HexDigits {
    const uint8_t *digit;   /* M's hex digits' values, from its first nonzero one */
    int64_t nbits;          /* bits of M from its leading 1 */
    int lead_bits;          /* of those, in the first digit (1..4) */
} HexDigits;

static int hex_value(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* Bit i of M, 0 being its leading 1 (0 past its last bit). */
static int hex_bit(const HexDigits *h, int64_t i)
{
    if (i >= h->nbits)
        return 0;
    int64_t pos = i + (4 - h->lead_bits);       /* from the top of the first digit */
    return (h->digit[pos / 4] >> (3 - pos % 4)) & 1;
}

/* The first `keep` bits of M (none when keep < 0), rounded half to even by
 * the bits after them. */
static double hex_round(const HexDigits *h, int64_t keep)
{
    uint64_t q = 0;
    for (int64_t i = 0; i < keep; i++)
        q = q << 1 | (uint64_t)hex_bit(h, i);
    if (keep < 0 || !hex_bit(h, keep))
        return (double)q;                       /* under half a unit: truncated */
    bool above_half = false;
    for (int64_t i = keep + 1; i < h->nbits && !above_half; i++)
        above_half = hex_bit(h, i);
    return (double)(q + (above_half || (q & 1)));
}

/* The exponent after 'p', clamped: beyond this range only its sign matters. */
static int64_t hex_exponent(const char *p)
{
    if (*p == 0)
        return 0;
    long long e = strtoll(p + 1, NULL, 10);
    return e > 100000000 ? 100000000 : e < -100000000 ? -100000000 : e;
}

/* The value of a syntactically valid "0x" hex-float text: M * 2**exp2 with
 * M the digits as one integer; false if it is too large for a double. */
static bool hex_to_double(const char *text, double *out)
{
    const char *p = text + 2, *end = p + strcspn(p, "pP");
    uint8_t *digit = gc_alloc_atomic((size_t)(end - p) + 1);
    int64_t n = 0, nfrac = 0;
    bool after_point = false;
    for (; p < end; p++) {
        if (*p == '.') {
            after_point = true;
        } else if (n > 0 || *p != '0') {        /* leading zeros say nothing */
            digit[n++] = (uint8_t)hex_value(*p);
            nfrac += after_point;
        } else {
            nfrac += after_point;
        }
    }
    *out = 0.0;
    if (n == 0)
        return true;
    HexDigits h = {.digit = digit};
    h.lead_bits = digit[0] >= 8 ? 4 : digit[0] >= 4 ? 3 : digit[0] >= 2 ? 2 : 1;
    h.nbits = h.lead_bits + 4 * (n - 1);
    /* M * 2**exp2 lies in [2**top, 2**(top+1)) */
    int64_t top = hex_exponent(end) - 4 * nfrac + h.nbits - 1;
    if (top > DBL_MAX_EXP - 1)
        return false;
    /* a subnormal has fewer bits the smaller it is */
    int64_t keep = DBL_MANT_DIG - (top >= DBL_MIN_EXP - 1 ? 0 : DBL_MIN_EXP - 1 - top);
    if (keep < 0)
        return true;                            /* under half the least subnormal */
    *out = ldexp(hex_round(&h, keep), (int)(top - keep + 1));
    return !isinf(*out);
}

/* The float a hexadecimal string such as '-0x1.8p1' stands for. */
static Value float_from_hex(Value text)
{
    if (!is_str(text))
        return rt_raisef(&rt_TypeError, "bad argument type for built-in operation");
    const char *s = rt_str_cstr(text), *end = s + rt_str_nbytes(text);
    while (s < end && is_space(*s)) s++;
    while (end > s && is_space(end[-1])) end--;
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-'))
        neg = *s++ == '-';
    double d;
    if (!parse_special(s, (size_t)(end - s), &d)) {
        char *buf = gc_alloc_atomic((size_t)(end - s) + 3);
        if (memchr(s, '\0', (size_t)(end - s)) != NULL || !clean_hex(s, end, buf))
            return rt_raisef(&rt_ValueError, "invalid hexadecimal floating-point string");
        if (!hex_to_double(buf, &d))
            return rt_raisef(&rt_OverflowError,
                             "hexadecimal value too large to represent as a float");
    }
    return rt_float_new(neg ? -d : d);
}

/* What a float class method made, for the class cls it was called on: a
 * subclass gets cls(the float), as in CPython. */
static Value for_class(Value cls, Value r)
{
    if (r == VAL_NULL || cls == obj_val(&rt_float_type))
        return r;
    return rt_call1(cls, r);
}

/* float.fromhex('0x1.8p1') == 3.0, a class method: args[0] is the class. */
static Value m_fromhex(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("float.fromhex", nargs - 1, kw))
        return VAL_NULL;
    return for_class(args[0], float_from_hex(args[1]));
}

/* float.from_number(x), 3.14: x as a float when it is a number (a float, or
 * its __float__ or __index__), never from text as float(x) would; what
 * CPython's PyFloat_AsDouble accepts, with its message. */
Value rt_float_from_number(Value v)
{
    if (is_float(v))
        return v;
    if (is_float_like(v))
        return rt_float_new(rt_float_value(v));
    if (rt_type_lookup(val_type(v), RT_NAME("__float__")) == VAL_NULL &&
        rt_type_lookup(val_type(v), RT_NAME("__index__")) == VAL_NULL)
        return rt_raisef(&rt_TypeError, "must be real number, not %T", v);
    return float_via_dunder(v);
}

/* float.from_number(x), a class method: a subclass gets cls(the float). */
static Value m_from_number(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("float.from_number", nargs - 1, kw))
        return VAL_NULL;
    return for_class(args[0], rt_float_from_number(args[1]));
}

/* (float(self),): what pickle and copy pass back to float.__new__. */
static Value m_getnewargs(Value *args, size_t nargs, Value kw)
{
    CHECK_NOARGS("__getnewargs__");
    return rt_tuple_pack(1, rt_float_new(self_double(args)));
}

/* float.__getformat__('double'): how C doubles are stored, a class method
 * kept for the test suite of CPython itself. */
static Value m_getformat(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("float.__getformat__", nargs - 1, kw))
        return VAL_NULL;
    if (!is_str(args[1]))
        return rt_raisef(&rt_TypeError, "__getformat__() argument must be str, not %N", args[1]);
    const char *s = rt_str_cstr(args[1]);
    if (strcmp(s, "double") != 0 && strcmp(s, "float") != 0)
        return rt_raisef(&rt_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return rt_str_from_cstr(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "IEEE, little-endian"
                                                                      : "IEEE, big-endian");
}

/* x.real is x (as a plain float), x.imag is 0.0: read-only getsets. */
static Value float_get_real(Value self)
{
    return is_float(self) ? self : rt_float_new(rt_float_value(self));
}

static Value float_get_imag(Value self)
{
    return rt_float_new(0.0);
}

static const GetSetDef float_getsets[] = {
    {"real", float_get_real, NULL, "the real part of a complex number"},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number"},
    {NULL},
};

/* The methods that are not slots (float.__add__, float.__int__... are the
 * slot wrappers slots.c makes from binop_ops and unary_ops below). */
static const MethodDef float_methods[] = {
    {"__format__", rt_number_dunder_format},
    {"is_integer", m_is_integer},
    {"conjugate", m_conjugate},
    {"as_integer_ratio", m_as_integer_ratio},
    {"hex", m_hex},
    {"fromhex", m_fromhex, RT_METH_CLASS},
    {"__trunc__", m_trunc},
    {"__floor__", m_floor},
    {"__ceil__", m_ceil},
    {"__round__", m_round},
    {"__getnewargs__", m_getnewargs},
    {"__getformat__", m_getformat, RT_METH_CLASS},
    {NULL, NULL},
};

static const MethodDef float_methods_314[] = {
    {"from_number", m_from_number, RT_METH_CLASS},
    {NULL, NULL},
};

/* ---- IEEE 754 binary16 (struct's and memoryview's 'e') ---------------------------- */

static bool pack2_overflow(void)
{
    rt_raisef(&rt_OverflowError, "float too large to pack with e format");
    return false;
}

/* IEEE 754 binary16 from a double, rounding half to even (PyFloat_Pack2). */
bool rt_float_pack2(double x, uint16_t *out)
{
    unsigned sign = signbit(x) ? 1 : 0;
    int e;
    unsigned bits;
    if (x == 0.0) {
        e = 0;
        bits = 0;
    } else if (isinf(x)) {
        e = 0x1f;
        bits = 0;
    } else if (isnan(x)) {
        e = 0x1f;
        bits = 512;             /* the quiet NaN with this sign */
    } else {
        double f = frexp(fabs(x), &e) * 2.0;     /* f in [1, 2) */
        e--;
        if (e >= 16)
            return pack2_overflow();
        if (e < -25) {          /* below half the smallest subnormal: zero */
            f = 0.0;
            e = 0;
        } else if (e < -14) {   /* subnormal */
            f = ldexp(f, 14 + e);
            e = 0;
        } else {
            e += 15;
            f -= 1.0;           /* the implicit leading 1 */
        }
        f *= 1024.0;
        bits = (unsigned)f;
        if (f - bits > 0.5 || (f - bits == 0.5 && bits % 2 == 1)) {
            if (++bits == 1024) {       /* the carry ran out of the fraction */
                bits = 0;
                if (++e == 31)
                    return pack2_overflow();
            }
        }
    }
    *out = (uint16_t)(bits | (unsigned)e << 10 | sign << 15);
    return true;
}

double rt_float_unpack2(uint16_t h)
{
    int sign = h >> 15, e = (h >> 10) & 0x1f;
    unsigned f = h & 0x3ff;
    if (e == 0x1f)
        return f == 0 ? (sign ? -INFINITY : INFINITY) : copysign(NAN, sign ? -1.0 : 1.0);
    double x = (double)f / 1024.0;
    if (e == 0)
        e = -14;
    else {
        x += 1.0;
        e -= 15;
    }
    x = ldexp(x, e);
    return sign ? -x : x;
}

static Value float_repr_slot(Value v) { return rt_float_repr(v); }

ObjType rt_float_type = {
    .ob.type = &rt_type_type,
    .name = "float",
    .base = &rt_object_type,
    .flags = TF_BASETYPE,
    .repr = float_repr_slot,
    .hash = float_hash,
    .richcompare = rt_float_richcompare,
    .binop = rt_float_binop,
    .pow3 = float_pow3,
    .unary = float_unary,
    .truth = float_truth,
    .new_ = float_new,
    .getsets = float_getsets,
    .binop_ops = RT_REAL_ARITH_OPS,
    .unary_ops = RT_OP_BIT(UN_NEG) | RT_OP_BIT(UN_POS) | RT_OP_BIT(UN_ABS) |
                 RT_OP_BIT(UN_INT) | RT_OP_BIT(UN_FLOAT),
};

void rt_float_init(void)
{
    rt_type_ready(&rt_float_type, float_methods);
    if (rt_py_minor >= 14)
        rt_type_add_methods(&rt_float_type, float_methods_314);
    rt_complex_init();
}
