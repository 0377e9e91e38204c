/*
 * dec_power.c — x ** y and pow(x, y, m), as CPython's C decimal computes
 * them (libmpdec's mpd_qpow), which is not _pydecimal's way:
 *
 *   - an integer y: binary exponentiation by repeated multiplication, at a
 *     working precision of prec + digits(y) + 2 (one more for y < 0, whose
 *     base is first replaced by 1/x), rounding half-even, then one final
 *     rounding to the context;
 *   - any other y: exp(y * ln(x)), each step correctly rounded half-even
 *     at prec + 23 digits, then rounded to the context.  So a result that
 *     is exact (4 ** 0.5) is still Inexact, as the specification asks.
 *
 * Before either, the special values, 1 ** y, and the powers sure to
 * overflow or underflow are settled by bounds on log10(|log10(x)|).
 */
#include "dec_impl.h"

/* Digits of the power-of-two working precision: MPD_EXPDIGITS, the
   decimal digits of an int64 exponent. */
#define EXP_DIGITS 19
/* An exponent beyond every context: a result set to 1E+EXP_INF overflows
   when rounded. */
#define EXP_INF INT64_C(2000000000000000001)

/* Digits of |v| (libmpdec's mpd_exp_digits). */
static int64_t exp_digits(int64_t v)
{
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
    int64_t n = 1;
    while (u >= 10) {
        u /= 10;
        n++;
    }
    return n;
}

/* Whether the integral b is odd (its units digit). */
static bool is_odd(const dec_t *b)
{
    if (dec_is_zero(b) || b->exp > 0)
        return false;
    if (b->exp == 0)
        return mpz_odd_p(b->coef);
    mpz_t t;
    mpz_init(t);
    dec_pow10(t, (uint64_t)-b->exp);
    mpz_tdiv_q(t, b->coef, t);
    bool odd = mpz_odd_p(t);
    mpz_clear(t);
    return odd;
}

/* r = (sign) 1 with `shift` zeros after the point: 1.000... */
static void set_one_digits(dec_t *r, int sign, int64_t shift)
{
    r->kind = DEC_FINITE;
    r->sign = sign;
    dec_pow10(r->coef, (uint64_t)shift);
    r->exp = -shift;
}

/* ---- the special cases ------------------------------------------------ */

/* |x| == 1: 1.000 ** y keeps as many zeros as the exact power has (at
   most prec - 1); returns true when r is the answer. */
static bool power_of_one(dec_t *r, const dec_t *x, const dec_t *y, int sign,
                         bool int_y, const dec_context *ctx, uint32_t *status)
{
    dec_t ax = *x;
    ax.sign = 0;
    if (!dec_is_one(&ax))
        return false;
    int64_t shift;
    if (int_y) {
        if (y->sign) {
            dec_set_si(r, sign, 1, 0);
            return true;
        }
        /* zeros of x ** y: y * (-x.exp) */
        mpz_t z;
        mpz_init(z);
        bool huge = dec_to_mpz(z, y) != 0;
        mpz_mul_si(z, z, -x->exp);
        if (huge || mpz_cmp_si(z, ctx->prec - 1) > 0) {
            shift = ctx->prec - 1;
            *status |= DEC_Rounded;
        } else {
            shift = mpz_get_si(z);
        }
        mpz_clear(z);
    } else {
        shift = ctx->prec - 1;
        *status |= DEC_Inexact | DEC_Rounded;
    }
    set_one_digits(r, sign, shift);
    return true;
}

/* A lower bound for log10(|log10(x)|), x > 0, x != 1. */
static int64_t lower_bound_zeta(const dec_t *x)
{
    int64_t t = dec_adjexp(x);
    if (t > 0)
        return exp_digits(t) - 1;
    if (t < -1)
        return exp_digits(t + 1) - 1;
    /* 0.1 <= x < 10: from x - 1 */
    dec_t one, d;
    dec_context max;
    uint32_t ignored = 0;
    dec_init(&one);
    dec_init(&d);
    dec_set_si(&one, 0, 1, 0);
    dec_context_max(&max);
    dec_sub(&d, x, &one, &max, &ignored);
    int64_t u = dec_adjexp(&d);
    dec_clear(&one);
    dec_clear(&d);
    return t == 0 ? u - 2 : u - 1;
}

/* x ** y certainly overflows or underflows: r is that result (rounded to
   ctx) and returns true. */
static bool certain_bounds(dec_t *r, const dec_t *x, const dec_t *y, int sign,
                           const dec_context *ctx, uint32_t *status)
{
    dec_t ax = *x;
    ax.sign = 0;
    int64_t lb = lower_bound_zeta(&ax) + dec_adjexp(y);
    if (((dec_adjexp(&ax) < 0) ^ y->sign) == 0) {
        /* |x| > 1 and y > 0, or |x| < 1 and y < 0: overflow */
        if (exp_digits(ctx->emax) >= lb)
            return false;
        dec_set_si(r, sign, 1, EXP_INF);
    } else {
        if (exp_digits(dec_etiny(ctx)) >= lb)
            return false;
        dec_set_si(r, sign, 1, dec_etiny(ctx) - 1);
    }
    dec_finalize(r, ctx, status);
    return true;
}

/* ---- integer exponents ------------------------------------------------ */

/* r = base ** n, n >= 1, left to right over the bits of n; every product
   rounded to work.  Stops early at an infinity or a zero from underflow. */
static void power_uint(dec_t *r, const dec_t *base, uint64_t n,
                       const dec_context *work, uint32_t *status)
{
    uint32_t st = 0;
    dec_copy(r, base);
    int bit = 63;
    while (!((n >> bit) & 1))
        bit--;
    while (bit-- > 0) {
        dec_mul(r, r, r, work, &st);
        if ((n >> bit) & 1)
            dec_mul(r, r, base, work, &st);
        if (r->kind != DEC_FINITE || (dec_is_zero(r) && (st & DEC_Clamped)))
            break;
    }
    *status |= st;
}

/* r = base ** n for an n too large for 64 bits: right to left, as
   libmpdec's _mpd_qpow_mpd (whose status skips the last squarings). */
static void power_mpz(dec_t *r, const dec_t *base0, const mpz_t n0,
                      const dec_context *work, uint32_t *status)
{
    uint32_t st = 0;
    dec_t base;
    mpz_t n;
    dec_init(&base);
    dec_copy(&base, base0);
    mpz_init_set(n, n0);
    dec_set_si(r, 0, 1, 0);
    while (mpz_sgn(n) != 0) {
        if (mpz_odd_p(n)) {
            dec_mul(r, r, &base, work, &st);
            *status |= st;
            if (r->kind != DEC_FINITE || (dec_is_zero(r) && (st & DEC_Clamped)))
                break;
        }
        dec_mul(&base, &base, &base, work, &st);
        mpz_fdiv_q_2exp(n, n, 1);
    }
    mpz_clear(n);
    dec_clear(&base);
}

static void power_int(dec_t *r, const dec_t *x, const dec_t *y, int sign,
                      const dec_context *ctx, uint32_t *status)
{
    dec_context work = *ctx;
    work.prec += dec_digits(y) + y->exp + 2;
    work.round = DEC_ROUND_HALF_EVEN;
    work.clamp = 0;
    dec_t base, one;
    dec_init(&base);
    dec_init(&one);
    if (y->sign) {
        work.prec += 1;
        dec_set_si(&one, 0, 1, 0);
        dec_div(&base, &one, x, &work, status);
    } else {
        dec_copy(&base, x);
    }
    mpz_t n;
    mpz_init(n);
    if (dec_to_mpz(n, y) != 0) {
        dec_invalid(r, status, DEC_MallocError);
        mpz_clear(n);
        dec_clear(&base);
        dec_clear(&one);
        return;
    }
    mpz_abs(n, n);
    if (mpz_fits_ulong_p(n))
        power_uint(r, &base, mpz_get_ui(n), &work, status);
    else
        power_mpz(r, &base, n, &work, status);
    r->sign = sign;
    if (r->kind == DEC_INF)
        dec_set_si(r, sign, 1, EXP_INF);   /* overflow by ctx's rounding */
    mpz_clear(n);
    dec_clear(&base);
    dec_clear(&one);
    dec_finalize(r, ctx, status);
}

/* ---- other exponents -------------------------------------------------- */

/* exp(y * ln(x)), x > 0, each step correctly rounded at prec + 23. */
static void power_real(dec_t *r, const dec_t *x, const dec_t *y,
                       const dec_context *ctx, uint32_t *status)
{
    if (dec_too_long(r, ctx->prec, status))
        return;
    dec_context work;
    dec_context_max(&work);
    int64_t digits = dec_digits(x);
    work.prec = (digits > ctx->prec ? digits : ctx->prec) + 4 + EXP_DIGITS;
    uint32_t st = 0;
    dec_t t;
    dec_init(&t);
    dec_ln(&t, x, &work, &st);
    dec_mul(&t, &t, y, &work, &st);
    dec_exp(r, &t, &work, status);
    dec_clear(&t);
    *status |= (st & (DEC_IEEE_InvalidOperation | DEC_DivisionByZero)) |
               DEC_Inexact | DEC_Rounded;
    if (r->kind == DEC_FINITE && dec_is_one(r))
        set_one_digits(r, 0, ctx->prec - 1);
    if (r->kind == DEC_INF)
        dec_set_si(r, 0, 1, EXP_INF);
    dec_finalize(r, ctx, status);
}

/* ---- a ** b ----------------------------------------------------------- */

void dec_power(dec_t *r, const dec_t *a, const dec_t *b,
               const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return;
    bool int_y = dec_is_integer(b);
    int sign = int_y && a->sign && is_odd(b);
    if (dec_is_zero(a)) {
        if (dec_is_zero(b))
            dec_invalid(r, status, DEC_InvalidOperation);   /* 0 ** 0 */
        else if (b->sign)
            dec_set_inf(r, sign);
        else
            dec_set_zero(r, sign, 0);
        return;
    }
    if (a->sign && !int_y) {       /* negative ** non-integer (or Inf) */
        dec_invalid(r, status, DEC_InvalidOperation);
        return;
    }
    if (b->kind == DEC_INF) {
        /* 1 ** Inf = 1.000..., x ** Inf = 0 or Inf as |x| < 1 or > 1 */
        dec_t one;
        dec_init(&one);
        dec_set_si(&one, 0, 1, 0);
        int c = dec_cmp(a, &one) * (b->sign ? -1 : 1);
        dec_clear(&one);
        if (dec_is_one(a)) {
            set_one_digits(r, sign, ctx->prec - 1);
            *status |= DEC_Inexact | DEC_Rounded;
        } else if (c < 0) {
            dec_set_zero(r, sign, 0);
        } else {
            dec_set_inf(r, sign);
        }
        return;
    }
    if (a->kind == DEC_INF) {
        if (dec_is_zero(b))
            dec_set_si(r, sign, 1, 0);
        else if (b->sign)
            dec_set_zero(r, sign, 0);
        else
            dec_set_inf(r, sign);
        return;
    }
    if (dec_is_zero(b)) {
        dec_set_si(r, sign, 1, 0);
        return;
    }
    dec_t t;                       /* a result to copy, r may alias */
    dec_init(&t);
    if (!power_of_one(&t, a, b, sign, int_y, ctx, status) &&
        !certain_bounds(&t, a, b, sign, ctx, status)) {
        if (int_y)
            power_int(&t, a, b, sign, ctx, status);
        else
            power_real(&t, a, b, ctx, status);
    }
    dec_copy(r, &t);
    dec_clear(&t);
}

/* ---- pow(a, b, m) ----------------------------------------------------- */

/* The first signalling NaN of three operands, else the first quiet one. */
static const dec_t *first_nan(const dec_t *a, const dec_t *b, const dec_t *m)
{
    const dec_t *ops[3] = {a, b, m};
    for (int i = 0; i < 3; i++)
        if (ops[i]->kind == DEC_SNAN)
            return ops[i];
    for (int i = 0; i < 3; i++)
        if (ops[i]->kind == DEC_QNAN)
            return ops[i];
    return NULL;
}

/* Three-argument power: integers only, b >= 0, m != 0 with at most prec
   digits; the exact (a ** b) % m by modular exponentiation, with the
   sign of a ** b. */
void dec_powmod(dec_t *r, const dec_t *a, const dec_t *b, const dec_t *m,
                const dec_context *ctx, uint32_t *status)
{
    const dec_t *nan = first_nan(a, b, m);
    if (nan) {
        dec_nan_operands(r, nan, NULL, ctx, status);
        return;
    }
    if (!dec_is_integer(a) || !dec_is_integer(b) || !dec_is_integer(m) ||
        dec_is_zero(m) || dec_adjexp(m) >= ctx->prec) {
        dec_invalid(r, status, DEC_InvalidOperation);
        return;
    }
    int sign = a->sign && is_odd(b);
    if (dec_is_zero(b)) {
        if (dec_is_zero(a))
            dec_invalid(r, status, DEC_InvalidOperation);
        else
        {
            dec_t am = *m;          /* pow(a, 0, m) = 1 % |m| */
            am.sign = 0;
            dec_set_si(r, sign, dec_is_one(&am) ? 0 : 1, 0);
        }
        return;
    }
    if (b->sign) {
        dec_invalid(r, status, DEC_InvalidOperation);
        return;
    }
    if (dec_is_zero(a)) {
        dec_set_zero(r, sign, 0);
        return;
    }
    /* base^(c * 10^k) = (base^10^k)^c: k powers of ten, then c */
    mpz_t mod, base, ten;
    mpz_inits(mod, base, ten, NULL);
    dec_to_mpz(mod, m);
    mpz_abs(mod, mod);
    mpz_set_ui(ten, 10);
    if (a->exp >= 0) {                        /* base = c 10^e mod m */
        mpz_set_si(base, a->exp);
        mpz_powm(base, ten, base, mod);
        mpz_mul(base, base, a->coef);
    } else {                                  /* an integer: e is small */
        dec_to_mpz(base, a);
        mpz_abs(base, base);
    }
    mpz_mod(base, base, mod);
    for (int64_t k = 0; k < b->exp; k++)
        mpz_powm(base, base, ten, mod);
    if (b->exp >= 0) {
        mpz_powm(base, base, b->coef, mod);
    } else {
        dec_to_mpz(ten, b);
        mpz_powm(base, base, ten, mod);
    }
    dec_set_finite(r, sign, base, 0);
    mpz_clears(mod, base, ten, NULL);
}
