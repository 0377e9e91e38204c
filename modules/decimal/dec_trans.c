/*
 * dec_trans.c — square root, exp, ln and log10, correctly rounded.
 *
 * The method is the one of CPython's Lib/_pydecimal.py (Mark Dickinson's
 * integer algorithms): a real number z is carried as an integer
 * approximation of z * M (fixed point, M a power of ten), exp and log are
 * computed on such integers with a bounded error, and the working
 * precision grows by three digits until the approximation can be rounded
 * to prec digits unambiguously ("Ziv's loop").  The result is then
 * rounded once by dec_finalize, as exactly-rounded values are.
 *
 * Integer helpers keep Python's semantics: division floors (mpz_fdiv_*),
 * and div_nearest rounds half to even.
 */
#include "dec_impl.h"
#include <stdlib.h>
#include <string.h>

#define L_REDUCE 8   /* argument reductions to below 2^-L in ilog/iexp */

/* ---- integer helpers -------------------------------------------------- */

/* len(str(z)) in Python: digits, plus one for a minus sign. */
static int64_t zlen(const mpz_t z)
{
    return dec_zdigits(z) + (mpz_sgn(z) < 0);
}

/* Python's int.bit_length(): bits of |z|, 0 for 0. */
static int64_t nbits(const mpz_t z)
{
    return mpz_sgn(z) == 0 ? 0 : (int64_t)mpz_sizeinbase(z, 2);
}

/* r = the integer nearest a / b (b > 0), ties to even. */
static void div_nearest(mpz_t r, const mpz_t a, const mpz_t b)
{
    mpz_t rem;
    mpz_init(rem);
    mpz_fdiv_qr(r, rem, a, b);
    mpz_mul_2exp(rem, rem, 1);
    if (mpz_odd_p(r))
        mpz_add_ui(rem, rem, 1);
    if (mpz_cmp(rem, b) > 0)
        mpz_add_ui(r, r, 1);
    mpz_clear(rem);
}

static void div_nearest_ui(mpz_t r, const mpz_t a, unsigned long b)
{
    mpz_t bb;
    mpz_init_set_ui(bb, b);
    div_nearest(r, a, bb);
    mpz_clear(bb);
}

/* r = the integer nearest a / 10^n. */
static void div_nearest_pow10(mpz_t r, const mpz_t a, uint64_t n)
{
    mpz_t p;
    mpz_init(p);
    dec_pow10(p, n);
    div_nearest(r, a, p);
    mpz_clear(p);
}

/* r = the integer nearest x / 2^shift, ties to even. */
static void rshift_nearest(mpz_t r, const mpz_t x, uint64_t shift)
{
    mpz_t low, b;
    mpz_inits(low, b, NULL);
    mpz_fdiv_r_2exp(low, x, shift);
    mpz_fdiv_q_2exp(r, x, shift);
    mpz_mul_2exp(low, low, 1);
    if (mpz_odd_p(r))
        mpz_add_ui(low, low, 1);
    mpz_set_ui(b, 1);
    mpz_mul_2exp(b, b, shift);
    if (mpz_cmp(low, b) > 0)
        mpz_add_ui(r, r, 1);
    mpz_clears(low, b, NULL);
}

/* The integer nearest sqrt(n), n > 0: Newton from the estimate a. */
static void sqrt_nearest(mpz_t r, const mpz_t n, const mpz_t estimate)
{
    mpz_t a, b, q;
    mpz_inits(a, b, q, NULL);
    mpz_set(a, estimate);
    while (mpz_cmp(a, b) != 0) {
        mpz_set(b, a);
        mpz_cdiv_q(q, n, a);          /* a = (a + ceil(n / a)) >> 1 */
        mpz_add(a, a, q);
        mpz_fdiv_q_2exp(a, a, 1);
    }
    mpz_set(r, a);
    mpz_clears(a, b, q, NULL);
}

/* Terms of the Taylor series in ilog and iexp: ceil(10 len(M) / 3L). */
static unsigned long taylor_terms(const mpz_t M)
{
    return (unsigned long)((10 * zlen(M) + 3 * L_REDUCE - 1) / (3 * L_REDUCE));
}

/* r ~ M * log(x / M), for x / M in [0.1, 10] within 22 units.  Reduce
   with log1p(y) = 2 log1p(y / (1 + sqrt(1 + y))) until |y| < 2^-L, then
   sum the series; y is carried scaled by 2^R after R reductions. */
static void ilog(mpz_t r, const mpz_t x, const mpz_t M)
{
    mpz_t y, t, s, absy;
    mpz_inits(y, t, s, absy, NULL);
    mpz_sub(y, x, M);
    uint64_t R = 0;
    for (;;) {
        mpz_abs(absy, y);
        if (R <= L_REDUCE)
            mpz_mul_2exp(t, absy, L_REDUCE - R);
        else
            mpz_fdiv_q_2exp(t, absy, R - L_REDUCE);
        if (mpz_cmp(t, M) < 0)
            break;
        rshift_nearest(t, y, R);          /* M * (M + y / 2^R) */
        mpz_add(t, t, M);
        mpz_mul(t, t, M);
        sqrt_nearest(s, t, M);
        mpz_add(s, s, M);                 /* M + sqrt(...) */
        mpz_mul(t, M, y);
        mpz_mul_2exp(t, t, 1);
        div_nearest(y, t, s);
        R++;
    }
    unsigned long T = taylor_terms(M);
    mpz_t yshift, w;
    mpz_inits(yshift, w, NULL);
    rshift_nearest(yshift, y, R);
    div_nearest_ui(w, M, T);
    for (unsigned long k = T - 1; k > 0; k--) {
        div_nearest_ui(s, M, k);          /* w = M/k - yshift*w/M */
        mpz_mul(t, yshift, w);
        div_nearest(t, t, M);
        mpz_sub(w, s, t);
    }
    mpz_mul(t, w, y);
    div_nearest(r, t, M);
    mpz_clears(y, t, s, absy, yshift, w, NULL);
}

/* r ~ M * exp(x / M) for small x / M (error below 60 units for
   0 <= x/M <= 2.4): divide by 2^R, the series for expm1, then
   expm1(2z) = expm1(z) (expm1(z) + 2) R times. */
static void iexp(mpz_t r, const mpz_t x, const mpz_t M)
{
    mpz_t y, t, u, Mshift;
    mpz_inits(y, t, u, Mshift, NULL);
    mpz_mul_2exp(t, x, L_REDUCE);
    mpz_fdiv_q(t, t, M);
    uint64_t R = (uint64_t)nbits(t);
    unsigned long T = taylor_terms(M);
    div_nearest_ui(y, x, T);
    mpz_mul_2exp(Mshift, M, R);
    for (unsigned long i = T - 1; i > 0; i--) {
        mpz_add(t, Mshift, y);
        mpz_mul(t, t, x);
        mpz_mul_ui(u, Mshift, i);
        div_nearest(y, t, u);
    }
    for (uint64_t k = R; k-- > 0; ) {
        mpz_mul_2exp(Mshift, M, k + 2);
        mpz_add(t, y, Mshift);
        mpz_mul(t, t, y);
        div_nearest(y, t, Mshift);
    }
    mpz_add(r, M, y);
    mpz_clears(y, t, u, Mshift, NULL);
}

/* ---- the digits of log(10) -------------------------------------------- */

/* Known correct (truncated) digits of ln(10) = 2.302585...; more are
   computed on demand and kept. */
static char *log10_cache;

/* r = floor(10^p * ln(10)), p >= 0. */
static void log10_digits(mpz_t r, uint64_t p)
{
    if (!log10_cache)
        log10_cache = strdup("23025850929940456840179914546843642076011014886");
    if (p >= strlen(log10_cache)) {
        mpz_t M, x, d;
        mpz_inits(M, x, d, NULL);
        char *s = NULL;
        for (uint64_t extra = 3;; extra += 3) {
            /* p + extra digits, correct within one unit */
            dec_pow10(M, p + extra + 2);
            mpz_mul_ui(x, M, 10);
            ilog(d, x, M);
            div_nearest_ui(d, d, 100);
            free(s);
            s = dec_zstr(d);
            size_t n = strlen(s);
            if (strspn(s + n - extra, "0") != extra)
                break;
        }
        /* keep the reliable digits: drop trailing zeros and one more */
        size_t n = strlen(s);
        while (n > 0 && s[n - 1] == '0')
            n--;
        s[n > 0 ? n - 1 : 0] = '\0';
        free(log10_cache);
        log10_cache = s;
        mpz_clears(M, x, d, NULL);
    }
    char save = log10_cache[p + 1];
    log10_cache[p + 1] = '\0';
    mpz_set_str(r, log10_cache, 10);
    log10_cache[p + 1] = save;
}

/* ---- logarithms and exponential on integers --------------------------- */

/* Write c * 10^e as d * 10^f with 1 <= d <= 10 (f >= 0) or 0.1 <= d <= 1
   (f <= 0); returns f.  Then c is scaled to d * 10^p, rounded. */
static int64_t scale_to_d(mpz_t c, int64_t e, int64_t p)
{
    int64_t l = dec_zdigits(c);
    int64_t f = e + l - (e + l >= 1);
    int64_t k = e + p - f;
    if (k >= 0)
        dec_zshl(c, c, (uint64_t)k);
    else
        div_nearest_pow10(c, c, (uint64_t)-k);
    return f;
}

/* r ~ 10^p * ln(c * 10^e), error at most 1; c * 10^e != 1. */
static void dlog(mpz_t r, const mpz_t c0, int64_t e, int64_t p)
{
    mpz_t c, log_d, M, t;
    mpz_inits(c, log_d, M, t, NULL);
    mpz_set(c, c0);
    p += 2;
    int64_t l = dec_zdigits(c);
    int64_t f = e + l - (e + l >= 1);
    if (p > 0) {
        scale_to_d(c, e, p);
        dec_pow10(M, (uint64_t)p);
        ilog(log_d, c, M);                       /* error < 27 */
    }
    if (f) {                                      /* f * ln(10), error < 11 */
        mpz_set_si(t, f);
        int64_t extra = zlen(t) - (f < 0) - 1;
        if (p + extra >= 0) {
            log10_digits(M, (uint64_t)(p + extra));
            mpz_mul_si(t, M, f);
            div_nearest_pow10(t, t, (uint64_t)extra);
            mpz_add(log_d, log_d, t);
        }
    }
    div_nearest_ui(r, log_d, 100);
    mpz_clears(c, log_d, M, t, NULL);
}

/* r ~ 10^p * log10(c * 10^e), error at most 1; c * 10^e != 1. */
static void dlog10(mpz_t r, const mpz_t c0, int64_t e, int64_t p)
{
    mpz_t c, log_d, M, t;
    mpz_inits(c, log_d, M, t, NULL);
    mpz_set(c, c0);
    p += 2;
    int64_t l = dec_zdigits(c);
    int64_t f = e + l - (e + l >= 1);
    if (p > 0) {
        dec_pow10(M, (uint64_t)p);
        scale_to_d(c, e, p);
        ilog(log_d, c, M);
        log10_digits(t, (uint64_t)p);
        mpz_mul(log_d, log_d, M);
        div_nearest(log_d, log_d, t);
        mpz_mul_si(t, M, f);                     /* f * M, exact */
        mpz_add(log_d, log_d, t);
    } else {
        mpz_set_si(t, f);
        div_nearest_pow10(log_d, t, (uint64_t)-p);
    }
    div_nearest_ui(r, log_d, 100);
    mpz_clears(c, log_d, M, t, NULL);
}

/* d * 10^f ~ exp(c * 10^e) with p digits, d within 1 of the truth:
   10^(p-1) <= d <= 10^p.  Returns f. */
static int64_t dexp(mpz_t d, const mpz_t c, int64_t e, int64_t p)
{
    p += 2;
    int64_t extra = e + zlen(c) - 1;
    if (extra < 0)
        extra = 0;
    int64_t q = p + extra;
    int64_t shift = e + q;
    mpz_t cshift, quot, rem, t, M;
    mpz_inits(cshift, quot, rem, t, M, NULL);
    if (shift >= 0) {
        dec_zshl(cshift, c, (uint64_t)shift);
    } else {
        dec_pow10(t, (uint64_t)-shift);
        mpz_fdiv_q(cshift, c, t);
    }
    log10_digits(t, (uint64_t)q);                /* c / ln(10), rounding down */
    mpz_fdiv_qr(quot, rem, cshift, t);
    div_nearest_pow10(rem, rem, (uint64_t)extra);
    dec_pow10(M, (uint64_t)p);
    iexp(t, rem, M);
    div_nearest_ui(d, t, 1000);
    int64_t f = mpz_get_si(quot) - p + 3;
    mpz_clears(cshift, quot, rem, t, M, NULL);
    return f;
}

/* Whether the approximation c (within 1 unit) rounds the same way to p
   digits whatever its error: its digits after the p-th are not 0 or 5
   followed by zeros. */
static bool roundable(const mpz_t c, int64_t p)
{
    int64_t drop = dec_zdigits(c) - p - 1;
    if (drop < 0)
        return false;
    mpz_t m;
    mpz_init(m);
    dec_pow10(m, (uint64_t)drop);
    mpz_mul_ui(m, m, 5);
    bool ok = !mpz_divisible_p(c, m);
    mpz_clear(m);
    return ok;
}

/* Round r to ctx with half-even rounding, as exp, ln, log10 and sqrt do
   whatever the context's mode. */
static void finalize_half_even(dec_t *r, const dec_context *ctx,
                               uint32_t *status)
{
    dec_context c = *ctx;
    c.round = DEC_ROUND_HALF_EVEN;
    dec_finalize(r, &c, status);
}

/* ---- square root ------------------------------------------------------ */

static int64_t floor_div2(int64_t e) { return e >> 1; }  /* arithmetic */

/* Beyond this precision a square root is first tried exactly (see
   dec_div's EXACT_FIRST: sqrt(4) in MAX_PREC). */
#define EXACT_FIRST 200

/* r = sqrt(a) when exact, at the ideal exponent floor(a.exp / 2): a's
   coefficient (times 10 for an odd exponent) a perfect square. */
static bool sqrt_exact(dec_t *r, const dec_t *a)
{
    mpz_t c;
    mpz_init(c);
    mpz_mul_ui(c, a->coef, (a->exp & 1) ? 10 : 1);
    bool ok = mpz_perfect_square_p(c);
    if (ok) {
        mpz_sqrt(c, c);
        dec_set_finite(r, 0, c, floor_div2(a->exp));
    }
    mpz_clear(c);
    return ok;
}

void dec_sqrt(dec_t *r, const dec_t *a, const dec_context *ctx,
              uint32_t *status)
{
    if (dec_nan_operands(r, a, NULL, ctx, status))
        return;
    if (a->kind == DEC_INF && !a->sign) {
        dec_copy(r, a);
        return;
    }
    if (dec_is_zero(a)) {
        dec_set_zero(r, a->sign, floor_div2(a->exp));
        dec_finalize(r, ctx, status);
        return;
    }
    if (a->sign) {
        dec_invalid(r, status, DEC_InvalidOperation);
        return;
    }
    if (ctx->prec > EXACT_FIRST && sqrt_exact(r, a)) {
        finalize_half_even(r, ctx, status);
        return;
    }
    if (dec_too_long(r, 2 * ctx->prec + 2, status))
        return;
    /* a = c * 100^e with c of exactly prec+1 base-100 digits; then
       sqrt(a) = sqrt(c) * 10^e, computed one digit beyond prec */
    int64_t prec = ctx->prec + 1;
    int64_t e = floor_div2(a->exp), len = dec_zdigits(a->coef), l;
    mpz_t c, n, rem;
    mpz_inits(c, n, rem, NULL);
    if (a->exp & 1) {
        mpz_mul_ui(c, a->coef, 10);
        l = (len >> 1) + 1;
    } else {
        mpz_set(c, a->coef);
        l = (len + 1) >> 1;
    }
    int64_t shift = prec - l;
    bool exact = true;
    if (shift >= 0) {
        dec_zshl(c, c, 2 * (uint64_t)shift);
    } else {
        dec_pow10(n, 2 * (uint64_t)-shift);
        mpz_tdiv_qr(c, rem, c, n);
        exact = mpz_sgn(rem) == 0;
    }
    e -= shift;
    mpz_sqrtrem(n, rem, c);
    exact = exact && mpz_sgn(rem) == 0;
    if (exact) {
        /* back to the ideal exponent */
        if (shift >= 0) {
            dec_pow10(c, (uint64_t)shift);
            mpz_divexact(n, n, c);
        } else {
            dec_zshl(n, n, (uint64_t)-shift);
        }
        e += shift;
    } else if (mpz_divisible_ui_p(n, 5)) {
        mpz_add_ui(n, n, 1);      /* a sticky last digit: 0 -> 1, 5 -> 6 */
    }
    dec_set_finite(r, 0, n, e);
    mpz_clears(c, n, rem, NULL);
    finalize_half_even(r, ctx, status);
}

/* ---- exp -------------------------------------------------------------- */

/* Digits of v >= 0 (len(str(v))). */
static int64_t digits_i64(int64_t v)
{
    int64_t n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

void dec_exp(dec_t *r, const dec_t *a, const dec_context *ctx,
             uint32_t *status)
{
    if (dec_nan_operands(r, a, NULL, ctx, status))
        return;
    if (a->kind == DEC_INF) {
        if (a->sign)
            dec_set_zero(r, 0, 0);
        else
            dec_copy(r, a);
        return;
    }
    if (dec_is_zero(a)) {
        dec_set_si(r, 0, 1, 0);
        return;
    }
    int64_t p = ctx->prec, adj = dec_adjexp(a);
    if (dec_too_long(r, p, status))
        return;
    mpz_t coeff;
    mpz_init(coeff);
    int64_t exp;
    if (!a->sign && adj > digits_i64((ctx->emax + 1) * 3)) {
        mpz_set_ui(coeff, 1);                    /* certain overflow */
        exp = ctx->emax + 1;
    } else if (a->sign && adj > digits_i64((1 - dec_etiny(ctx)) * 3)) {
        mpz_set_ui(coeff, 1);                    /* certain underflow */
        exp = dec_etiny(ctx) - 1;
    } else if (!a->sign && adj < -p) {
        dec_pow10(coeff, (uint64_t)p);           /* 1.000...0001 */
        mpz_add_ui(coeff, coeff, 1);
        exp = -p;
    } else if (a->sign && adj < -p - 1) {
        dec_pow10(coeff, (uint64_t)(p + 1));     /* 0.999...9 */
        mpz_sub_ui(coeff, coeff, 1);
        exp = -p - 1;
    } else {
        mpz_t c;
        mpz_init_set(c, a->coef);
        if (a->sign)
            mpz_neg(c, c);
        for (int64_t extra = 3;; extra += 3) {
            exp = dexp(coeff, c, a->exp, p + extra);
            if (roundable(coeff, p))
                break;
        }
        mpz_clear(c);
    }
    dec_set_finite(r, 0, coeff, exp);
    mpz_clear(coeff);
    finalize_half_even(r, ctx, status);
}

/* ---- logarithms ------------------------------------------------------- */

/* Python's str(u) < str(v) for u, v >= 0: a comparison of the digits as
   text, as _pydecimal makes. */
static bool text_less(const mpz_t u, const mpz_t v)
{
    char *su = dec_zstr(u), *sv = dec_zstr(v);
    bool less = strcmp(su, sv) < 0;
    free(su);
    free(sv);
    return less;
}

/* A lower bound r for the adjusted exponent of ln(a) (a > 0, a != 1):
   ln(a) >= 10^r.  log10: the same for log10(a). */
static int64_t log_exp_bound(const dec_t *a, bool base10)
{
    int64_t adj = dec_adjexp(a), e = a->exp;
    mpz_t num, den;
    mpz_inits(num, den, NULL);
    int64_t r;
    if (adj >= 1 || adj <= -2) {
        mpz_set_si(num, adj >= 1 ? adj : -1 - adj);
        if (!base10) {
            mpz_mul_ui(num, num, 23);
            mpz_fdiv_q_ui(num, num, 10);
        }
        r = dec_zdigits(num) - 1;
    } else if (adj == 0) {
        dec_pow10(num, (uint64_t)-e);            /* c - 10^-e over c */
        mpz_sub(num, a->coef, num);
        mpz_mul_ui(den, a->coef, base10 ? 231 : 1);
        r = dec_zdigits(num) - dec_zdigits(den) - text_less(num, den) +
            (base10 ? 2 : 0);
    } else {
        dec_pow10(num, (uint64_t)-e);            /* 10^-e - c */
        mpz_sub(num, num, a->coef);
        if (base10) {
            mpz_set_ui(den, 231);
            r = dec_zdigits(num) + e - text_less(num, den) - 1;
        } else {
            r = e + dec_zdigits(num) - 1;
        }
    }
    mpz_clears(num, den, NULL);
    return r;
}

/* The cases ln and log10 share: NaN, 0, Infinity, negative.  Returns
   true when r is the answer. */
static bool log_special(dec_t *r, const dec_t *a, const dec_context *ctx,
                        uint32_t *status)
{
    if (dec_nan_operands(r, a, NULL, ctx, status))
        return true;
    if (dec_is_zero(a)) {
        dec_set_inf(r, 1);
        return true;
    }
    if (a->kind == DEC_INF && !a->sign) {
        dec_copy(r, a);
        return true;
    }
    if (a->sign) {
        dec_invalid(r, status, DEC_InvalidOperation);
        return true;
    }
    return false;
}

/* r = ln(a) or log10(a) for a > 0, a != 1 (not a power of ten for
   log10), correctly rounded. */
static void log_finite(dec_t *r, const dec_t *a, bool base10,
                       const dec_context *ctx, uint32_t *status)
{
    int64_t p = ctx->prec;
    if (dec_too_long(r, p, status))
        return;
    int64_t places = p - log_exp_bound(a, base10) + 2;
    mpz_t coeff;
    mpz_init(coeff);
    for (;; places += 3) {
        if (base10)
            dlog10(coeff, a->coef, a->exp, places);
        else
            dlog(coeff, a->coef, a->exp, places);
        mpz_t m;
        mpz_init(m);
        mpz_abs(m, coeff);
        bool ok = roundable(m, p);
        mpz_clear(m);
        if (ok)
            break;
    }
    int sign = mpz_sgn(coeff) < 0;
    mpz_abs(coeff, coeff);
    dec_set_finite(r, sign, coeff, -places);
    mpz_clear(coeff);
    finalize_half_even(r, ctx, status);
}

bool dec_is_one(const dec_t *a)
{
    dec_t one = {.sign = 0, .kind = DEC_FINITE, .exp = 0};
    mpz_init_set_ui(one.coef, 1);
    bool eq = a->kind == DEC_FINITE && dec_cmp(a, &one) == 0;
    mpz_clear(one.coef);
    return eq;
}

void dec_ln(dec_t *r, const dec_t *a, const dec_context *ctx,
            uint32_t *status)
{
    if (log_special(r, a, ctx, status))
        return;
    if (dec_is_one(a)) {
        dec_set_zero(r, 0, 0);
        return;
    }
    log_finite(r, a, false, ctx, status);
}

/* Whether a's coefficient is a power of ten (1, 10, 100, ...). */
static bool coef_power_of_ten(const dec_t *a)
{
    int64_t n = dec_zdigits(a->coef);
    mpz_t p;
    mpz_init(p);
    dec_pow10(p, (uint64_t)(n - 1));
    bool eq = mpz_cmp(p, a->coef) == 0;
    mpz_clear(p);
    return eq;
}

void dec_log10(dec_t *r, const dec_t *a, const dec_context *ctx,
               uint32_t *status)
{
    if (log_special(r, a, ctx, status))
        return;
    if (coef_power_of_ten(a)) {
        dec_from_int64(r, dec_adjexp(a));
        finalize_half_even(r, ctx, status);
        return;
    }
    log_finite(r, a, true, ctx, status);
}
