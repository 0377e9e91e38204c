/*
 * dec_arith.c — the operations of the specification that are not
 * transcendental: comparisons, add/subtract/multiply/divide and the
 * integer divisions, fma, quantize and the integral roundings, logb and
 * scaleb, the neighbours (next_*), and the digit-wise logical operations.
 *
 * Each follows the same plan: NaN operands first (dec_nan_operands), then
 * infinities and zeros by the specification's table, then an exact (or
 * sticky-bit exact) result on mpz coefficients, rounded by dec_finalize.
 * The order of the checks, and so which condition wins, is CPython's
 * (Lib/_pydecimal.py, the executable form of the specification).
 */
#include "dec_impl.h"
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ---------------------------------------------------- */

/* The operation's result, computed into a temporary when r aliases an
   operand is the caller's matter: every function here reads its operands
   completely before writing r, or works on copies. */

/* r = a with its exponent set to exp, padding or rounding the coefficient
   by mode; returns true if nonzero digits were dropped (no context). */
static bool rescale_raw(dec_t *r, const dec_t *a, int64_t exp, int mode)
{
    dec_copy(r, a);
    if (r->kind != DEC_FINITE)
        return false;
    if (mpz_sgn(r->coef) == 0) {
        r->exp = exp;
        return false;
    }
    if (r->exp >= exp) {
        dec_zshl(r->coef, r->coef, (uint64_t)(r->exp - exp));
        r->exp = exp;
        return false;
    }
    bool inexact = dec_zround(r->coef, exp - r->exp, r->sign, mode);
    r->exp = exp;
    return inexact;
}

/* ---- comparisons ------------------------------------------------------ */

/* Signed order of the infinities: -1, 0 (finite), 1. */
static int inf_rank(const dec_t *a)
{
    return a->kind == DEC_INF ? (a->sign ? -1 : 1) : 0;
}

int dec_cmp(const dec_t *a, const dec_t *b)
{
    if (a->kind == DEC_INF || b->kind == DEC_INF) {
        int ra = inf_rank(a), rb = inf_rank(b);
        return ra == rb ? 0 : ra < rb ? -1 : 1;
    }
    bool za = mpz_sgn(a->coef) == 0, zb = mpz_sgn(b->coef) == 0;
    if (za || zb) {
        if (za && zb)
            return 0;
        return za ? (b->sign ? 1 : -1) : (a->sign ? -1 : 1);
    }
    if (a->sign != b->sign)
        return a->sign ? -1 : 1;
    int sign = a->sign ? -1 : 1;
    int64_t adja = dec_adjexp(a), adjb = dec_adjexp(b);
    if (adja != adjb)
        return adja > adjb ? sign : -sign;
    /* same adjusted exponent: line the coefficients up */
    mpz_t x;
    mpz_init(x);
    int c;
    if (a->exp >= b->exp) {
        dec_zshl(x, a->coef, (uint64_t)(a->exp - b->exp));
        c = mpz_cmp(x, b->coef);
    } else {
        dec_zshl(x, b->coef, (uint64_t)(b->exp - a->exp));
        c = mpz_cmp(a->coef, x);
    }
    mpz_clear(x);
    return ((c > 0) - (c < 0)) * sign;
}

/* 0 for a number, 1 for a quiet NaN, 2 for a signalling one. */
static int nan_rank(const dec_t *a)
{
    return a->kind == DEC_QNAN ? 1 : a->kind == DEC_SNAN ? 2 : 0;
}

int dec_cmp_total(const dec_t *a, const dec_t *b)
{
    if (a->sign != b->sign)
        return a->sign ? -1 : 1;
    int sign = a->sign ? -1 : 1;
    int na = nan_rank(a), nb = nan_rank(b);
    if (na || nb) {
        if (na == nb) {
            int c = mpz_cmp(a->coef, b->coef);
            return ((c > 0) - (c < 0)) * sign;
        }
        /* numbers < sNaN < NaN, mirrored for negatives */
        int ka = na == 1 ? 3 : na == 2 ? 2 : 1;
        int kb = nb == 1 ? 3 : nb == 2 ? 2 : 1;
        return (ka < kb ? -1 : 1) * sign;
    }
    int c = dec_cmp(a, b);
    if (c)
        return c;
    if (a->kind == DEC_INF)
        return 0;
    if (a->exp != b->exp)
        return (a->exp < b->exp ? -1 : 1) * sign;
    return 0;
}

int dec_cmp_total_mag(const dec_t *a, const dec_t *b)
{
    dec_t x = *a, y = *b;   /* shallow copies: only the sign changes */
    x.sign = 0;
    y.sign = 0;
    return dec_cmp_total(&x, &y);
}

static void set_int(dec_t *r, int v)
{
    dec_set_si(r, v < 0, (unsigned long)(v < 0 ? -v : v), 0);
}

void dec_compare(dec_t *r, const dec_t *a, const dec_t *b,
                 const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return;
    set_int(r, dec_cmp(a, b));
}

void dec_compare_signal(dec_t *r, const dec_t *a, const dec_t *b,
                        const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status)) {
        *status |= DEC_InvalidOperation;
        return;
    }
    set_int(r, dec_cmp(a, b));
}

void dec_compare_total(dec_t *r, const dec_t *a, const dec_t *b)
{
    set_int(r, dec_cmp_total(a, b));
}

void dec_compare_total_mag(dec_t *r, const dec_t *a, const dec_t *b)
{
    set_int(r, dec_cmp_total_mag(a, b));
}

/* max, min, max_mag, min_mag: a quiet NaN loses to a number; equal
   values are told apart by the total order. want: 1 for max, -1 min. */
static void minmax(dec_t *r, const dec_t *a, const dec_t *b, int want,
                   bool mag, const dec_context *ctx, uint32_t *status)
{
    int na = nan_rank(a), nb = nan_rank(b);
    const dec_t *pick;
    if (na || nb) {
        if (nb == 1 && na == 0)
            pick = a;
        else if (na == 1 && nb == 0)
            pick = b;
        else {
            dec_nan_operands(r, a, b, ctx, status);
            return;
        }
    } else {
        int c;
        if (mag) {
            dec_t x = *a, y = *b;
            x.sign = y.sign = 0;
            c = dec_cmp(&x, &y);
        } else {
            c = dec_cmp(a, b);
        }
        if (c == 0)
            c = dec_cmp_total(a, b);
        pick = c == -want ? b : a;
    }
    dec_copy(r, pick);
    dec_finalize(r, ctx, status);
}

void dec_max(dec_t *r, const dec_t *a, const dec_t *b,
             const dec_context *ctx, uint32_t *status)
{
    minmax(r, a, b, 1, false, ctx, status);
}

void dec_min(dec_t *r, const dec_t *a, const dec_t *b,
             const dec_context *ctx, uint32_t *status)
{
    minmax(r, a, b, -1, false, ctx, status);
}

void dec_max_mag(dec_t *r, const dec_t *a, const dec_t *b,
                 const dec_context *ctx, uint32_t *status)
{
    minmax(r, a, b, 1, true, ctx, status);
}

void dec_min_mag(dec_t *r, const dec_t *a, const dec_t *b,
                 const dec_context *ctx, uint32_t *status)
{
    minmax(r, a, b, -1, true, ctx, status);
}

/* ---- sign operations -------------------------------------------------- */

/* plus and minus: 0 + a and 0 - a; a zero result is +0 except when
   rounding toward -Infinity. */
void dec_plus(dec_t *r, const dec_t *a, const dec_context *ctx,
              uint32_t *status)
{
    if (dec_nan_operands(r, a, NULL, ctx, status))
        return;
    dec_copy(r, a);
    if (dec_is_zero(r) && ctx->round != DEC_ROUND_FLOOR)
        r->sign = 0;
    dec_finalize(r, ctx, status);
}

void dec_minus(dec_t *r, const dec_t *a, const dec_context *ctx,
               uint32_t *status)
{
    if (dec_nan_operands(r, a, NULL, ctx, status))
        return;
    dec_copy(r, a);
    if (dec_is_zero(r) && ctx->round != DEC_ROUND_FLOOR)
        r->sign = 0;
    else
        r->sign ^= 1;
    dec_finalize(r, ctx, status);
}

void dec_abs(dec_t *r, const dec_t *a, const dec_context *ctx,
             uint32_t *status)
{
    if (a->sign)
        dec_minus(r, a, ctx, status);
    else
        dec_plus(r, a, ctx, status);
}

/* ---- addition --------------------------------------------------------- */

/* Sum of two nonzero finite numbers (false: too long, r is NaN).  When the exponents are far apart,
   the smaller operand lies wholly below the rounding digit of the larger
   one; it is replaced by 1 just below that digit (a sticky bit), so the
   coefficients stay about prec digits long. */
static bool add_finite(dec_t *r, const dec_t *a, const dec_t *b,
                       const dec_context *ctx, uint32_t *status)
{
    const dec_t *hi = a->exp >= b->exp ? a : b;   /* larger exponent */
    const dec_t *lo = hi == a ? b : a;
    int64_t hi_len = dec_zdigits(hi->coef);
    int64_t sticky_exp = hi->exp + (hi_len - ctx->prec - 2 < -1
                                    ? hi_len - ctx->prec - 2 : -1);
    mpz_t x, y;
    mpz_inits(x, y, NULL);
    int64_t exp;
    if (dec_zdigits(lo->coef) + lo->exp - 1 < sticky_exp) {
        mpz_set_ui(y, 1);
        exp = sticky_exp;
    } else {
        mpz_set(y, lo->coef);
        exp = lo->exp;
    }
    if (dec_too_long(r, hi->exp - exp, status)) {
        mpz_clears(x, y, NULL);
        return false;
    }
    dec_zshl(x, hi->coef, (uint64_t)(hi->exp - exp));
    if (hi->sign)
        mpz_neg(x, x);
    if (lo->sign)
        mpz_neg(y, y);
    mpz_add(x, x, y);
    r->kind = DEC_FINITE;
    r->sign = mpz_sgn(x) < 0;
    r->exp = exp;
    mpz_abs(r->coef, x);
    mpz_clears(x, y, NULL);
    return true;
}

void dec_add(dec_t *r, const dec_t *a, const dec_t *b,
             const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return;
    if (a->kind == DEC_INF || b->kind == DEC_INF) {
        if (a->kind == DEC_INF && b->kind == DEC_INF && a->sign != b->sign)
            dec_invalid(r, status, DEC_InvalidOperation);
        else
            dec_copy(r, a->kind == DEC_INF ? a : b);
        return;
    }
    int64_t exp = a->exp < b->exp ? a->exp : b->exp;
    /* the sign of an exact zero result */
    int zero_sign = ctx->round == DEC_ROUND_FLOOR && a->sign != b->sign;
    bool za = dec_is_zero(a), zb = dec_is_zero(b);
    if (za && zb) {
        dec_set_zero(r, (a->sign && b->sign) || zero_sign, exp);
    } else if (za || zb) {
        const dec_t *x = za ? b : a;
        int64_t e = x->exp - ctx->prec - 1;
        if (dec_too_long(r, x->exp - (exp > e ? exp : e), status))
            return;
        rescale_raw(r, x, exp > e ? exp : e, ctx->round);
    } else {
        if (!add_finite(r, a, b, ctx, status))
            return;
        if (mpz_sgn(r->coef) == 0) {
            r->sign = zero_sign;
            r->exp = exp;
        }
    }
    dec_finalize(r, ctx, status);
}

void dec_sub(dec_t *r, const dec_t *a, const dec_t *b,
             const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return;
    dec_t nb = *b;           /* shallow: shares b's coefficient, read only */
    nb.sign ^= 1;
    dec_add(r, a, &nb, ctx, status);
}

/* ---- multiplication and division -------------------------------------- */

void dec_mul(dec_t *r, const dec_t *a, const dec_t *b,
             const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return;
    int sign = a->sign ^ b->sign;
    if (a->kind == DEC_INF || b->kind == DEC_INF) {
        if (dec_is_zero(a) || dec_is_zero(b))
            dec_invalid(r, status, DEC_InvalidOperation);
        else
            dec_set_inf(r, sign);
        return;
    }
    int64_t exp = a->exp + b->exp;
    mpz_mul(r->coef, a->coef, b->coef);
    r->kind = DEC_FINITE;
    r->sign = sign;
    r->exp = exp;
    dec_finalize(r, ctx, status);
}

/* Strip trailing zeros of r's coefficient while its exponent is below
   ideal. */
static void strip_to_ideal(dec_t *r, int64_t ideal)
{
    if (r->exp >= ideal || mpz_sgn(r->coef) == 0)
        return;
    while (r->exp < ideal && mpz_divisible_ui_p(r->coef, 10)) {
        mpz_divexact_ui(r->coef, r->coef, 10);
        r->exp++;
    }
}

/* Beyond this many digits of working precision, a quotient is first
   tried exactly (a huge context precision needs not cost time, and a
   maximal one not memory, when the quotient is exact: 4 / 2 in
   MAX_PREC). */
#define EXACT_FIRST 200

/* r = a / b exactly, a and b finite nonzero, with the exponent nearest
   the ideal one (a.exp - b.exp); false when
   the quotient does not terminate or needs more than prec digits.  The
   quotient terminates when b / gcd(a, b) is 2^i 5^j; then it is
   a' 2^(k-i) 5^(k-j) / 10^k with k = max(i, j). */
static bool divide_exact(dec_t *r, const dec_t *a, const dec_t *b,
                         const dec_context *ctx)
{
    mpz_t g, num, den, t;
    mpz_inits(g, num, den, t, NULL);
    mpz_gcd(g, a->coef, b->coef);
    mpz_divexact(num, a->coef, g);
    mpz_divexact(den, b->coef, g);
    mp_bitcnt_t twos = mpz_scan1(den, 0);
    mpz_tdiv_q_2exp(den, den, twos);
    mpz_set_ui(t, 5);
    unsigned long fives = mpz_remove(den, den, t);
    bool ok = mpz_cmp_ui(den, 1) == 0;
    if (ok) {
        unsigned long k = twos > fives ? twos : fives;
        mpz_mul_2exp(num, num, k - twos);
        mpz_ui_pow_ui(t, 5, k - fives);
        mpz_mul(num, num, t);
        int64_t ideal = a->exp - b->exp;
        dec_set_finite(r, a->sign ^ b->sign, num, ideal - (int64_t)k);
        strip_to_ideal(r, ideal);        /* exponent <= ideal already */
        ok = dec_zdigits(r->coef) <= ctx->prec;
    }
    mpz_clears(g, num, den, t, NULL);
    return ok;
}

void dec_div(dec_t *r, const dec_t *a, const dec_t *b,
             const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return;
    int sign = a->sign ^ b->sign;
    if (a->kind == DEC_INF) {
        if (b->kind == DEC_INF)
            dec_invalid(r, status, DEC_InvalidOperation);
        else
            dec_set_inf(r, sign);
        return;
    }
    if (b->kind == DEC_INF) {
        dec_set_zero(r, sign, dec_etiny(ctx));
        *status |= DEC_Clamped;
        return;
    }
    if (dec_is_zero(b)) {
        if (dec_is_zero(a)) {
            dec_invalid(r, status, DEC_DivisionUndefined);
        } else {
            dec_set_inf(r, sign);
            *status |= DEC_DivisionByZero;
        }
        return;
    }
    int64_t ideal = a->exp - b->exp;
    if (dec_is_zero(a)) {
        dec_set_zero(r, sign, ideal);
        dec_finalize(r, ctx, status);
        return;
    }
    /* a prec+1 or prec+2 digit quotient, its last digit made sticky */
    int64_t shift = dec_zdigits(b->coef) - dec_zdigits(a->coef) + ctx->prec + 1;
    if (shift > EXACT_FIRST && divide_exact(r, a, b, ctx)) {
        dec_finalize(r, ctx, status);
        return;
    }
    if (dec_too_long(r, shift, status))
        return;
    mpz_t x, y, rem;
    mpz_inits(x, y, rem, NULL);
    if (shift >= 0) {
        dec_zshl(x, a->coef, (uint64_t)shift);
        mpz_set(y, b->coef);
    } else {
        mpz_set(x, a->coef);
        dec_zshl(y, b->coef, (uint64_t)-shift);
    }
    mpz_tdiv_qr(r->coef, rem, x, y);
    r->kind = DEC_FINITE;
    r->sign = sign;
    r->exp = ideal - shift;
    if (mpz_sgn(rem) != 0) {
        if (mpz_divisible_ui_p(r->coef, 5))
            mpz_add_ui(r->coef, r->coef, 1);
    } else {
        strip_to_ideal(r, ideal);
    }
    mpz_clears(x, y, rem, NULL);
    dec_finalize(r, ctx, status);
}

/* Integer quotient and remainder of finite a by finite nonzero b (or an
   infinite b): q = trunc(a / b) with exponent 0, rm = a - q*b with the
   exponent min(a.exp, b.exp).  Returns false (DivisionImpossible) when q
   would need more than prec digits. */
static bool divide_integer(dec_t *q, dec_t *rm, const dec_t *a,
                           const dec_t *b, const dec_context *ctx)
{
    int sign = a->sign ^ b->sign;
    int64_t ideal = b->kind == DEC_INF ? a->exp
                  : (a->exp < b->exp ? a->exp : b->exp);
    if (dec_is_zero(a) || b->kind == DEC_INF ||
        dec_adjexp(a) - dec_adjexp(b) <= -2) {
        dec_t t;
        dec_init(&t);
        rescale_raw(&t, a, ideal, ctx->round);
        dec_set_zero(q, sign, 0);
        dec_copy(rm, &t);
        dec_clear(&t);
        return true;
    }
    if (dec_adjexp(a) - dec_adjexp(b) > ctx->prec)
        return false;
    if (a->exp - b->exp > DEC_MAX_WORK_DIGITS ||
        b->exp - a->exp > DEC_MAX_WORK_DIGITS)
        return false;                /* reported as DivisionImpossible */
    mpz_t x, y, qq;
    mpz_inits(x, y, qq, NULL);
    if (a->exp >= b->exp) {
        dec_zshl(x, a->coef, (uint64_t)(a->exp - b->exp));
        mpz_set(y, b->coef);
    } else {
        mpz_set(x, a->coef);
        dec_zshl(y, b->coef, (uint64_t)(b->exp - a->exp));
    }
    mpz_tdiv_qr(qq, x, x, y);
    bool ok = dec_zdigits(qq) <= ctx->prec;
    if (ok) {
        int asign = a->sign;
        dec_set_finite(q, sign, qq, 0);
        dec_set_finite(rm, asign, x, ideal);
    }
    mpz_clears(x, y, qq, NULL);
    return ok;
}

void dec_divint(dec_t *r, const dec_t *a, const dec_t *b,
                const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return;
    int sign = a->sign ^ b->sign;
    if (a->kind == DEC_INF) {
        if (b->kind == DEC_INF)
            dec_invalid(r, status, DEC_InvalidOperation);
        else
            dec_set_inf(r, sign);
        return;
    }
    if (dec_is_zero(b)) {
        if (dec_is_zero(a)) {
            dec_invalid(r, status, DEC_DivisionUndefined);
        } else {
            dec_set_inf(r, sign);
            *status |= DEC_DivisionByZero;
        }
        return;
    }
    dec_t rm;
    dec_init(&rm);
    dec_t q;
    dec_init(&q);
    if (divide_integer(&q, &rm, a, b, ctx)) {
        dec_copy(r, &q);
        if (b->kind != DEC_INF)      /* 0 for an infinite b, as libmpdec */
            dec_finalize(r, ctx, status);
    } else
        dec_invalid(r, status, DEC_DivisionImpossible);
    dec_clear(&q);
    dec_clear(&rm);
}

void dec_rem(dec_t *r, const dec_t *a, const dec_t *b,
             const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return;
    if (a->kind == DEC_INF) {
        dec_invalid(r, status, DEC_InvalidOperation);
        return;
    }
    if (dec_is_zero(b)) {
        dec_invalid(r, status, dec_is_zero(a) ? DEC_DivisionUndefined
                                              : DEC_InvalidOperation);
        return;
    }
    dec_t q, rm;
    dec_init(&q);
    dec_init(&rm);
    if (divide_integer(&q, &rm, a, b, ctx)) {
        dec_copy(r, &rm);
        dec_finalize(r, ctx, status);
    } else {
        dec_invalid(r, status, DEC_DivisionImpossible);
    }
    dec_clear(&q);
    dec_clear(&rm);
}

void dec_divmod(dec_t *q, dec_t *rm, const dec_t *a, const dec_t *b,
                const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(q, a, b, ctx, status)) {
        dec_copy(rm, q);
        return;
    }
    int sign = a->sign ^ b->sign;
    if (a->kind == DEC_INF) {
        if (b->kind == DEC_INF) {
            dec_invalid(q, status, DEC_InvalidOperation);
            dec_set_qnan(rm);
        } else {
            dec_set_inf(q, sign);
            dec_invalid(rm, status, DEC_InvalidOperation);
        }
        return;
    }
    if (dec_is_zero(b)) {
        if (dec_is_zero(a)) {
            dec_invalid(q, status, DEC_DivisionUndefined);
            dec_set_qnan(rm);
        } else {
            dec_set_inf(q, sign);
            *status |= DEC_DivisionByZero;
            dec_invalid(rm, status, DEC_InvalidOperation);
        }
        return;
    }
    dec_t tq, trm;
    dec_init(&tq);
    dec_init(&trm);
    if (divide_integer(&tq, &trm, a, b, ctx)) {
        dec_copy(q, &tq);
        dec_copy(rm, &trm);
        if (b->kind != DEC_INF)
            dec_finalize(q, ctx, status);
        dec_finalize(rm, ctx, status);
    } else {
        dec_invalid(q, status, DEC_DivisionImpossible);
        dec_set_qnan(rm);
    }
    dec_clear(&tq);
    dec_clear(&trm);
}

void dec_rem_near(dec_t *r, const dec_t *a, const dec_t *b,
                  const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return;
    if (a->kind == DEC_INF) {
        dec_invalid(r, status, DEC_InvalidOperation);
        return;
    }
    if (dec_is_zero(b)) {
        dec_invalid(r, status, dec_is_zero(a) ? DEC_DivisionUndefined
                                              : DEC_InvalidOperation);
        return;
    }
    if (b->kind == DEC_INF) {
        dec_copy(r, a);
        dec_finalize(r, ctx, status);
        return;
    }
    int64_t ideal = a->exp < b->exp ? a->exp : b->exp;
    if (dec_is_zero(a)) {
        dec_set_zero(r, a->sign, ideal);
        dec_finalize(r, ctx, status);
        return;
    }
    int64_t expdiff = dec_adjexp(a) - dec_adjexp(b);
    if (expdiff >= ctx->prec + 1) {
        dec_invalid(r, status, DEC_DivisionImpossible);
        return;
    }
    if (expdiff <= -2) {
        rescale_raw(r, a, ideal, ctx->round);
        dec_finalize(r, ctx, status);
        return;
    }
    if (dec_too_long(r, a->exp > b->exp ? a->exp - b->exp : b->exp - a->exp,
                     status))
        return;
    mpz_t x, y, q;
    mpz_inits(x, y, q, NULL);
    if (a->exp >= b->exp) {
        dec_zshl(x, a->coef, (uint64_t)(a->exp - b->exp));
        mpz_set(y, b->coef);
    } else {
        mpz_set(x, a->coef);
        dec_zshl(y, b->coef, (uint64_t)(b->exp - a->exp));
    }
    mpz_tdiv_qr(q, x, x, y);
    /* nearest: if 2r + (q odd) > b, take r - b and q + 1 */
    mpz_t twice;
    mpz_init(twice);
    mpz_mul_2exp(twice, x, 1);
    if (mpz_odd_p(q))
        mpz_add_ui(twice, twice, 1);
    if (mpz_cmp(twice, y) > 0) {
        mpz_sub(x, x, y);
        mpz_add_ui(q, q, 1);
    }
    mpz_clear(twice);
    if (dec_zdigits(q) > ctx->prec) {
        dec_invalid(r, status, DEC_DivisionImpossible);
    } else {
        int sign = a->sign;
        if (mpz_sgn(x) < 0) {
            sign ^= 1;
            mpz_neg(x, x);
        }
        dec_set_finite(r, sign, x, ideal);
        dec_finalize(r, ctx, status);
    }
    mpz_clears(x, y, q, NULL);
}

/* ---- fused multiply-add ----------------------------------------------- */

void dec_fma(dec_t *r, const dec_t *a, const dec_t *b, const dec_t *c,
             const dec_context *ctx, uint32_t *status)
{
    dec_t product;
    dec_init(&product);
    if (a->kind == DEC_SNAN || b->kind == DEC_SNAN) {
        dec_nan_operands(r, a, b, ctx, status);
    } else if (a->kind == DEC_QNAN || b->kind == DEC_QNAN) {
        dec_copy(&product, a->kind == DEC_QNAN ? a : b);
        dec_add(r, &product, c, ctx, status);
    } else if (a->kind == DEC_INF || b->kind == DEC_INF) {
        if (dec_is_zero(a) || dec_is_zero(b)) {
            dec_invalid(r, status, DEC_InvalidOperation);
        } else {
            dec_set_inf(&product, a->sign ^ b->sign);
            dec_add(r, &product, c, ctx, status);
        }
    } else {
        product.sign = a->sign ^ b->sign;
        product.exp = a->exp + b->exp;
        mpz_mul(product.coef, a->coef, b->coef);
        dec_add(r, &product, c, ctx, status);
    }
    dec_clear(&product);
}

/* ---- exponents and integral values ------------------------------------ */

void dec_rescale(dec_t *r, const dec_t *a, int64_t exp,
                 const dec_context *ctx, uint32_t *status)
{
    dec_t e;
    dec_init(&e);
    e.exp = exp;
    dec_quantize(r, a, &e, ctx, status);
    dec_clear(&e);
}

void dec_quantize(dec_t *r, const dec_t *a, const dec_t *b,
                  const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return;
    if (a->kind == DEC_INF || b->kind == DEC_INF) {
        if (a->kind == DEC_INF && b->kind == DEC_INF)
            dec_copy(r, a);
        else
            dec_invalid(r, status, DEC_InvalidOperation);
        return;
    }
    int64_t exp = b->exp;
    if (exp < dec_etiny(ctx) || exp > ctx->emax) {
        dec_invalid(r, status, DEC_InvalidOperation);
        return;
    }
    if (dec_is_zero(a)) {
        dec_set_zero(r, a->sign, exp);
        dec_finalize(r, ctx, status);
        return;
    }
    int64_t adj = dec_adjexp(a);
    if (adj > ctx->emax || adj - exp + 1 > ctx->prec) {
        dec_invalid(r, status, DEC_InvalidOperation);
        return;
    }
    int64_t aexp = a->exp;
    if (dec_too_long(r, aexp - exp, status))
        return;
    dec_t t;
    dec_init(&t);
    bool inexact = rescale_raw(&t, a, exp, ctx->round);
    if ((!dec_is_zero(&t) && dec_adjexp(&t) > ctx->emax) ||
        dec_zdigits(t.coef) > ctx->prec) {
        dec_invalid(r, status, DEC_InvalidOperation);
        dec_clear(&t);
        return;
    }
    if (!dec_is_zero(&t) && dec_adjexp(&t) < ctx->emin)
        *status |= DEC_Subnormal;
    if (t.exp > aexp) {
        if (inexact)
            *status |= DEC_Inexact;
        *status |= DEC_Rounded;
    }
    dec_copy(r, &t);
    dec_clear(&t);
    dec_finalize(r, ctx, status);
}

void dec_reduce(dec_t *r, const dec_t *a, const dec_context *ctx,
                uint32_t *status)
{
    if (dec_nan_operands(r, a, NULL, ctx, status))
        return;
    dec_copy(r, a);
    dec_finalize(r, ctx, status);
    if (r->kind == DEC_INF)
        return;
    if (mpz_sgn(r->coef) == 0) {
        r->exp = 0;
        return;
    }
    int64_t top = ctx->clamp ? dec_etop(ctx) : ctx->emax;
    while (r->exp < top && mpz_divisible_ui_p(r->coef, 10)) {
        mpz_divexact_ui(r->coef, r->coef, 10);
        r->exp++;
    }
}

/* to_integral with the given rounding mode; exact: raise Inexact and
   Rounded (to_integral_exact). */
static void to_integral(dec_t *r, const dec_t *a, int mode, bool exact,
                        const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, NULL, ctx, status))
        return;
    if (a->kind == DEC_INF || a->exp >= 0) {
        dec_copy(r, a);
        return;
    }
    if (mpz_sgn(a->coef) == 0) {
        dec_set_zero(r, a->sign, 0);
        return;
    }
    bool inexact = rescale_raw(r, a, 0, mode);
    if (exact)
        *status |= (inexact ? DEC_Inexact : 0) | DEC_Rounded;
}

void dec_round_to_int(dec_t *r, const dec_t *a, const dec_context *ctx,
                      uint32_t *status)
{
    to_integral(r, a, ctx->round, false, ctx, status);
}

void dec_round_to_intx(dec_t *r, const dec_t *a, const dec_context *ctx,
                       uint32_t *status)
{
    to_integral(r, a, ctx->round, true, ctx, status);
}

void dec_floor(dec_t *r, const dec_t *a, const dec_context *ctx,
               uint32_t *status)
{
    to_integral(r, a, DEC_ROUND_FLOOR, false, ctx, status);
}

void dec_ceil(dec_t *r, const dec_t *a, const dec_context *ctx,
              uint32_t *status)
{
    to_integral(r, a, DEC_ROUND_CEILING, false, ctx, status);
}

void dec_trunc(dec_t *r, const dec_t *a, const dec_context *ctx,
               uint32_t *status)
{
    to_integral(r, a, DEC_ROUND_DOWN, false, ctx, status);
}

void dec_logb(dec_t *r, const dec_t *a, const dec_context *ctx,
              uint32_t *status)
{
    if (dec_nan_operands(r, a, NULL, ctx, status))
        return;
    if (a->kind == DEC_INF) {
        dec_set_inf(r, 0);
        return;
    }
    if (dec_is_zero(a)) {
        dec_set_inf(r, 1);
        *status |= DEC_DivisionByZero;
        return;
    }
    dec_from_int64(r, dec_adjexp(a));
    dec_finalize(r, ctx, status);
}

/* b as an integer in [-limit, limit] (exponent exactly 0), or false. */
static bool small_integer(const dec_t *b, int64_t limit, int64_t *out)
{
    if (b->kind != DEC_FINITE || b->exp != 0 || dec_zdigits(b->coef) > 18)
        return false;
    int64_t v = (int64_t)mpz_get_ui(b->coef);
    if (v > limit)
        return false;
    *out = b->sign ? -v : v;
    return true;
}

void dec_scaleb(dec_t *r, const dec_t *a, const dec_t *b,
                const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return;
    int64_t n;
    if (!small_integer(b, 2 * (ctx->emax + ctx->prec), &n)) {
        dec_invalid(r, status, DEC_InvalidOperation);
        return;
    }
    dec_copy(r, a);
    if (r->kind == DEC_INF)
        return;
    r->exp += n;
    dec_finalize(r, ctx, status);
}

/* ---- neighbours ------------------------------------------------------- */

/* The neighbour of a toward -Inf (dir -1) or +Inf (dir 1); no conditions. */
static void next(dec_t *r, const dec_t *a, int dir, const dec_context *ctx,
                 uint32_t *status)
{
    if (dec_nan_operands(r, a, NULL, ctx, status))
        return;
    if (dec_too_long(r, ctx->prec, status))
        return;
    if (a->kind == DEC_INF) {
        if ((a->sign ? -1 : 1) == dir)
            dec_copy(r, a);
        else
            dec_set_max_finite(r, a->sign, ctx);
        return;
    }
    dec_context c = *ctx;
    c.round = dir < 0 ? DEC_ROUND_FLOOR : DEC_ROUND_CEILING;
    uint32_t ignored = 0;
    dec_t t;
    dec_init(&t);
    dec_copy(&t, a);
    dec_finalize(&t, &c, &ignored);
    if (dec_cmp(&t, a) != 0) {
        dec_copy(r, &t);
    } else {
        dec_t tiny;
        dec_init(&tiny);
        dec_set_si(&tiny, dir < 0, 1, dec_etiny(ctx) - 1);
        dec_add(r, a, &tiny, &c, &ignored);
        dec_clear(&tiny);
    }
    dec_clear(&t);
}

void dec_next_minus(dec_t *r, const dec_t *a, const dec_context *ctx,
                    uint32_t *status)
{
    next(r, a, -1, ctx, status);
}

void dec_next_plus(dec_t *r, const dec_t *a, const dec_context *ctx,
                   uint32_t *status)
{
    next(r, a, 1, ctx, status);
}

void dec_next_toward(dec_t *r, const dec_t *a, const dec_t *b,
                     const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return;
    int c = dec_cmp(a, b);
    if (c == 0) {
        dec_copy_sign(r, a, b);
        return;
    }
    next(r, a, c < 0 ? 1 : -1, ctx, status);
    if (r->kind == DEC_INF) {
        *status |= DEC_Overflow | DEC_Inexact | DEC_Rounded;
    } else if (dec_adjexp(r) < ctx->emin) {
        *status |= DEC_Underflow | DEC_Subnormal | DEC_Inexact | DEC_Rounded;
        if (mpz_sgn(r->coef) == 0)
            *status |= DEC_Clamped;
    }
}

/* ---- digit-wise operations -------------------------------------------- */

/* A logical operand: finite, sign 0, exponent 0, digits all 0 or 1.
   Writes its prec lowest digits, '0'-padded, into buf. */
static bool logical_digits(const dec_t *a, const dec_context *ctx, char *buf)
{
    if (a->kind != DEC_FINITE || a->sign || a->exp != 0)
        return false;
    char *s = dec_zstr(a->coef);
    size_t n = strlen(s), prec = (size_t)ctx->prec;
    bool ok = strspn(s, "01") == n;
    memset(buf, '0', prec);
    buf[prec] = '\0';
    if (n > prec)
        memcpy(buf, s + n - prec, prec);
    else
        memcpy(buf + prec - n, s, n);
    free(s);
    return ok;
}

/* op: '&', '|', '^', or '~' (b unused). */
static void logical(dec_t *r, const dec_t *a, const dec_t *b, char op,
                    const dec_context *ctx, uint32_t *status)
{
    if (dec_too_long(r, ctx->prec, status))
        return;
    size_t prec = (size_t)ctx->prec;
    char *x = malloc(prec + 1), *y = malloc(prec + 1);
    if (!logical_digits(a, ctx, x) || (b && !logical_digits(b, ctx, y))) {
        dec_invalid(r, status, DEC_InvalidOperation);
    } else {
        for (size_t i = 0; i < prec; i++) {
            int p = x[i] - '0', q = b ? y[i] - '0' : 0;
            int v = op == '&' ? p & q : op == '|' ? p | q
                  : op == '^' ? p ^ q : !p;
            x[i] = (char)('0' + v);
        }
        mpz_set_str(r->coef, x, 10);
        r->kind = DEC_FINITE;
        r->sign = 0;
        r->exp = 0;
    }
    free(x);
    free(y);
}

void dec_and(dec_t *r, const dec_t *a, const dec_t *b,
             const dec_context *ctx, uint32_t *status)
{
    logical(r, a, b, '&', ctx, status);
}

void dec_or(dec_t *r, const dec_t *a, const dec_t *b,
            const dec_context *ctx, uint32_t *status)
{
    logical(r, a, b, '|', ctx, status);
}

void dec_xor(dec_t *r, const dec_t *a, const dec_t *b,
             const dec_context *ctx, uint32_t *status)
{
    logical(r, a, b, '^', ctx, status);
}

void dec_invert(dec_t *r, const dec_t *a, const dec_context *ctx,
                uint32_t *status)
{
    logical(r, a, NULL, '~', ctx, status);
}

/* rotate (true) or shift the prec-digit coefficient of a by b digits. */
static void move_digits(dec_t *r, const dec_t *a, const dec_t *b, bool rotate,
                        const dec_context *ctx, uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return;
    int64_t n;
    if (!small_integer(b, ctx->prec, &n)) {
        dec_invalid(r, status, DEC_InvalidOperation);
        return;
    }
    if (a->kind != DEC_INF && dec_too_long(r, ctx->prec, status))
        return;
    dec_copy(r, a);
    if (r->kind == DEC_INF)
        return;
    uint64_t prec = (uint64_t)ctx->prec;
    mpz_t m, hi;
    mpz_inits(m, hi, NULL);
    dec_pow10(m, prec);
    mpz_tdiv_r(r->coef, r->coef, m);           /* keep prec digits */
    if (rotate && n < 0)
        n += (int64_t)prec;                     /* right k = left prec-k */
    if (n >= 0) {
        if (rotate) {                           /* the digits that wrap */
            dec_pow10(hi, prec - (uint64_t)n);
            mpz_tdiv_q(hi, r->coef, hi);
        }
        dec_zshl(r->coef, r->coef, (uint64_t)n);
        mpz_tdiv_r(r->coef, r->coef, m);
        if (rotate)
            mpz_add(r->coef, r->coef, hi);
    } else {
        dec_pow10(hi, (uint64_t)-n);
        mpz_tdiv_q(r->coef, r->coef, hi);
    }
    mpz_clears(m, hi, NULL);
}

void dec_rotate(dec_t *r, const dec_t *a, const dec_t *b,
                const dec_context *ctx, uint32_t *status)
{
    move_digits(r, a, b, true, ctx, status);
}

void dec_shift(dec_t *r, const dec_t *a, const dec_t *b,
               const dec_context *ctx, uint32_t *status)
{
    move_digits(r, a, b, false, ctx, status);
}
