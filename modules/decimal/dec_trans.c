/*
 * dec_trans.c — square root, exp, ln, log10 and power, correctly rounded.
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
            s = mpz_get_str(NULL, 10, d);
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

/* c * 10^e ~ x^y with p digits (x = xc 10^xe > 0, x != 1; y = yc 10^ye
   nonzero, yc signed), c within 1 of the truth.  Returns e. */
static int64_t dpower(mpz_t c, const mpz_t xc, int64_t xe, const mpz_t yc,
                      int64_t ye, int64_t p)
{
    int64_t b = dec_zdigits(yc) + ye;            /* 10^(b-1) <= |y| <= 10^b */
    mpz_t lxc, pc;
    mpz_inits(lxc, pc, NULL);
    dlog(lxc, xc, xe, p + b + 1);
    int64_t shift = ye - b;
    mpz_mul(pc, lxc, yc);
    if (shift >= 0)
        dec_zshl(pc, pc, (uint64_t)shift);
    else
        div_nearest_pow10(pc, pc, (uint64_t)-shift);
    int64_t exp;
    if (mpz_sgn(pc) == 0) {
        /* prefer a result not exactly 1, on the side of the truth */
        if ((dec_zdigits(xc) + xe >= 1) == (mpz_sgn(yc) > 0)) {
            dec_pow10(c, (uint64_t)(p - 1));
            mpz_add_ui(c, c, 1);
            exp = 1 - p;
        } else {
            dec_pow10(c, (uint64_t)p);
            mpz_sub_ui(c, c, 1);
            exp = -p;
        }
    } else {
        exp = dexp(c, pc, -(p + 1), p + 1);
        div_nearest_ui(c, c, 10);
        exp += 1;
    }
    mpz_clears(lxc, pc, NULL);
    return exp;
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
    char *su = mpz_get_str(NULL, 10, u), *sv = mpz_get_str(NULL, 10, v);
    bool less = strcmp(su, sv) < 0;
    void (*gmp_free)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &gmp_free);
    gmp_free(su, strlen(su) + 1);
    gmp_free(sv, strlen(sv) + 1);
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

static bool is_one(const dec_t *a)
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
    if (is_one(a)) {
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

/* ---- power ------------------------------------------------------------ */

/* Units digit parity of an integral b: true when even. */
static bool is_even(const dec_t *b)
{
    if (dec_is_zero(b) || b->exp > 0)
        return true;
    mpz_t t;
    mpz_init(t);
    dec_pow10(t, (uint64_t)-b->exp);
    mpz_tdiv_q(t, b->coef, t);
    bool even = mpz_even_p(t);
    mpz_clear(t);
    return even;
}

/* Strip the trailing decimal zeros of c into e. */
static void strip_zeros(mpz_t c, mpz_t e)
{
    while (mpz_sgn(c) != 0 && mpz_divisible_ui_p(c, 10)) {
        mpz_divexact_ui(c, c, 10);
        mpz_add_ui(e, e, 1);
    }
}

/* n * 10^e when that is an integer (e >= 0, or n has -e trailing zeros):
   returns false otherwise. */
static bool lshift_exact(mpz_t r, const mpz_t n, int64_t e)
{
    if (mpz_sgn(n) == 0) {
        mpz_set_ui(r, 0);
        return true;
    }
    if (e >= 0) {
        dec_zshl(r, n, (uint64_t)e);
        return true;
    }
    mpz_t p;
    mpz_init(p);
    dec_pow10(p, (uint64_t)-e);
    bool ok = mpz_divisible_p(n, p);
    if (ok)
        mpz_divexact(r, n, p);
    mpz_clear(p);
    return ok;
}

/* A lower bound for 100 * log10(c), c > 0. */
static int64_t log10_lb(const mpz_t c)
{
    static const int correction[10] = {0, 100, 70, 53, 40, 31, 23, 16, 10, 5};
    char *s = mpz_get_str(NULL, 10, c);
    size_t n = strlen(s);
    int64_t r = 100 * (int64_t)n - correction[s[0] - '0'];
    void (*gmp_free)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &gmp_free);
    gmp_free(s, n + 1);
    return r;
}

/* A saturated int64 of z, for exponents. */
static int64_t clamp_exp(const mpz_t z)
{
    if (mpz_cmp_si(z, DEC_EXP_SAT) > 0)
        return DEC_EXP_SAT;
    if (mpz_cmp_si(z, -DEC_EXP_SAT) < 0)
        return -DEC_EXP_SAT;
    return mpz_get_si(z);
}

/* The exact x^y when it has at most p digits (x > 0, x != 1, y nonzero,
   both finite): writes r and returns true.  Cheap tests rule out most
   inexact cases first: write y = m/n in lowest terms; x^y is exact only
   if x's coefficient is an n-th power (and for y < 0 a power of 2 or 5). */
static bool power_exact(dec_t *r, const dec_t *x, const dec_t *y, int64_t p)
{
    mpz_t xc, xe, yc, ye, m, n, t, q;
    mpz_inits(xc, xe, yc, ye, m, n, t, q, NULL);
    bool ok = false;
    mpz_set(xc, x->coef);
    mpz_set_si(xe, x->exp);
    strip_zeros(xc, xe);
    mpz_set(yc, y->coef);
    mpz_set_si(ye, y->exp);
    strip_zeros(yc, ye);
    int64_t ye_i = clamp_exp(ye);
    bool y_pos_int = dec_is_integer(y) && !y->sign;
    mpz_t ideal;                                 /* x.exp * int(y) */
    mpz_init(ideal);
    if (y_pos_int) {
        dec_to_mpz(ideal, y);
        mpz_mul_si(ideal, ideal, x->exp);
    }

    if (mpz_cmp_ui(xc, 1) == 0) {
        /* x = 10^xe: the result is 10^(xe * y), xe * y an integer */
        mpz_mul(xe, xe, yc);
        while (mpz_divisible_ui_p(xe, 10)) {
            mpz_divexact_ui(xe, xe, 10);
            ye_i++;
        }
        if (ye_i < 0 || ye_i > 40)
            goto done;
        dec_zshl(xe, xe, (uint64_t)ye_i);
        if (y->sign)
            mpz_neg(xe, xe);
        int64_t zeros = 0;
        if (y_pos_int) {
            mpz_sub(t, xe, ideal);
            zeros = mpz_cmp_si(t, p - 1) < 0 ? mpz_get_si(t) : p - 1;
        }
        dec_pow10(t, (uint64_t)zeros);
        mpz_sub_ui(xe, xe, (unsigned long)zeros);
        dec_set_finite(r, 0, t, clamp_exp(xe));
        ok = true;
        goto done;
    }

    if (y->sign) {
        /* y < 0: xc must be a power of 2 (result 5^k) or of 5 (2^k) */
        unsigned long last = mpz_fdiv_ui(xc, 10);
        int64_t e, emax;
        if (last % 2 == 0) {
            if (mpz_scan1(xc, 0) != (mp_bitcnt_t)nbits(xc) - 1)
                goto done;                       /* not a power of 2 */
            e = nbits(xc) - 1;
            emax = p * 93 / 65;
        } else if (last == 5) {
            e = nbits(xc) * 28 / 65;             /* >= log_5(xc) */
            mpz_ui_pow_ui(t, 5, (unsigned long)e);
            mpz_tdiv_qr(q, t, t, xc);
            if (mpz_sgn(t) != 0)
                goto done;                       /* not a power of 5 */
            while (mpz_divisible_ui_p(q, 5)) {
                mpz_divexact_ui(q, q, 5);
                e--;
            }
            emax = p * 10 / 3;
        } else {
            goto done;
        }
        if (ye_i >= digits_i64(emax))
            goto done;
        mpz_mul_si(t, yc, e);
        if (!lshift_exact(t, t, ye_i))
            goto done;
        mpz_mul(xe, xe, yc);
        if (!lshift_exact(xe, xe, ye_i))
            goto done;
        if (mpz_cmp_si(t, emax) > 0)
            goto done;
        e = mpz_get_si(t);
        if (last == 5)
            mpz_ui_pow_ui(xc, 2, (unsigned long)e);
        else
            mpz_ui_pow_ui(xc, 5, (unsigned long)e);
        dec_pow10(t, (uint64_t)p);
        if (mpz_cmp(xc, t) >= 0)
            goto done;
        mpz_neg(xe, xe);
        mpz_sub_ui(xe, xe, (unsigned long)e);
        dec_set_finite(r, 0, xc, clamp_exp(xe));
        ok = true;
        goto done;
    }

    /* y > 0: y = m / n */
    int64_t xc_bits = nbits(xc);
    if (ye_i >= 0) {
        dec_zshl(m, yc, (uint64_t)ye_i);
        mpz_set_ui(n, 1);
    } else {
        if (mpz_sgn(xe) != 0) {
            mpz_mul(t, yc, xe);
            mpz_abs(t, t);
            if (dec_zdigits(t) <= -ye_i)
                goto done;
        }
        mpz_mul_ui(t, yc, (unsigned long)xc_bits);
        if (dec_zdigits(t) <= -ye_i)
            goto done;
        mpz_set(m, yc);
        dec_pow10(n, (uint64_t)-ye_i);
        while (mpz_even_p(m) && mpz_even_p(n)) {
            mpz_divexact_ui(m, m, 2);
            mpz_divexact_ui(n, n, 2);
        }
        while (mpz_divisible_ui_p(m, 5) && mpz_divisible_ui_p(n, 5)) {
            mpz_divexact_ui(m, m, 5);
            mpz_divexact_ui(n, n, 5);
        }
    }
    if (mpz_cmp_ui(n, 1) > 0) {
        /* the n-th root of xc * 10^xe */
        if (mpz_cmp_si(n, xc_bits) >= 0)
            goto done;
        unsigned long nn = mpz_get_ui(n);
        mpz_fdiv_qr_ui(xe, t, xe, nn);
        if (mpz_sgn(t) != 0)
            goto done;
        if (!mpz_root(xc, xc, nn))
            goto done;
    }
    if (mpz_cmp_ui(xc, 1) > 0 && mpz_cmp_si(m, p * 100 / log10_lb(xc)) > 0)
        goto done;
    unsigned long mm = mpz_get_ui(m);
    mpz_pow_ui(xc, xc, mm);
    mpz_mul_ui(xe, xe, mm);
    dec_pow10(t, (uint64_t)p);
    if (mpz_cmp(xc, t) > 0)
        goto done;
    int64_t zeros = 0;
    if (y_pos_int) {
        mpz_sub(t, xe, ideal);
        int64_t room = p - dec_zdigits(xc);
        zeros = mpz_cmp_si(t, room) < 0 ? mpz_get_si(t) : room;
    }
    if (zeros > 0)
        dec_zshl(xc, xc, (uint64_t)zeros);
    if (zeros >= 0)
        mpz_sub_ui(xe, xe, (unsigned long)zeros);
    else
        mpz_add_ui(xe, xe, (unsigned long)-zeros);
    dec_set_finite(r, 0, xc, clamp_exp(xe));
    ok = true;
done:
    mpz_clears(xc, xe, yc, ye, m, n, t, q, ideal, NULL);
    return ok;
}

/* The sign, special operands and the certain overflows/underflows of
   power; returns true when r is the answer.  *sign: of the result;
   *x: |a| (shallow). */
static bool power_special(dec_t *r, const dec_t *a, const dec_t *b,
                          int *sign, dec_t *x, const dec_context *ctx,
                          uint32_t *status)
{
    if (dec_nan_operands(r, a, b, ctx, status))
        return true;
    if (dec_is_zero(b)) {
        if (dec_is_zero(a))
            dec_invalid(r, status, DEC_InvalidOperation);   /* 0 ** 0 */
        else
            dec_set_si(r, 0, 1, 0);
        return true;
    }
    *sign = 0;
    if (a->sign) {
        if (dec_is_integer(b)) {
            *sign = !is_even(b);
        } else if (!dec_is_zero(a)) {
            dec_invalid(r, status, DEC_InvalidOperation);
            return true;
        }
    }
    *x = *a;
    x->sign = 0;
    if (dec_is_zero(x) || x->kind == DEC_INF) {
        /* 0 ** +y = 0, 0 ** -y = Inf; Inf ** +y = Inf, Inf ** -y = 0 */
        if (dec_is_zero(x) == (b->sign == 0))
            dec_set_zero(r, *sign, 0);
        else
            dec_set_inf(r, *sign);
        return true;
    }
    return false;
}

/* 1 ** y: exactly 1, with an exponent that depends on x's and y's. */
static void power_of_one(dec_t *r, const dec_t *x, const dec_t *b, int sign,
                         const dec_context *ctx, uint32_t *status)
{
    int64_t exp;
    if (dec_is_integer(b)) {
        int64_t mult;
        dec_t prec;
        dec_init(&prec);
        dec_from_int64(&prec, ctx->prec);
        if (b->sign)
            mult = 0;
        else if (dec_cmp(b, &prec) > 0)
            mult = ctx->prec;
        else
            dec_to_int64(&mult, b);
        dec_clear(&prec);
        exp = x->exp * mult;
        if (exp < 1 - ctx->prec) {
            exp = 1 - ctx->prec;
            *status |= DEC_Rounded;
        }
    } else {
        *status |= DEC_Inexact | DEC_Rounded;
        exp = 1 - ctx->prec;
    }
    r->kind = DEC_FINITE;
    r->sign = sign;
    r->exp = exp;
    dec_pow10(r->coef, (uint64_t)-exp);
}

/* An exact result of a non-integral power is still reported Inexact
   (and Underflow when subnormal), as the specification requires. */
static void finalize_exact_fraction(dec_t *r, const dec_context *ctx,
                                    uint32_t *status)
{
    int64_t n = dec_zdigits(r->coef);
    if (n <= ctx->prec) {                        /* pad to prec+1 digits */
        int64_t pad = ctx->prec + 1 - n;
        dec_zshl(r->coef, r->coef, (uint64_t)pad);
        r->exp -= pad;
    }
    uint32_t st = 0;
    dec_finalize(r, ctx, &st);
    st |= DEC_Inexact;
    if (st & DEC_Subnormal)
        st |= DEC_Underflow;
    *status |= st;
}

void dec_power(dec_t *r, const dec_t *a, const dec_t *b,
               const dec_context *ctx, uint32_t *status)
{
    int sign;
    dec_t x;
    if (power_special(r, a, b, &sign, &x, ctx, status))
        return;
    if (is_one(&x)) {
        power_of_one(r, &x, b, sign, ctx, status);
        return;
    }
    int64_t x_adj = dec_adjexp(&x);
    if (b->kind == DEC_INF) {
        /* x ** Inf: 0 when x < 1, Inf when x > 1; reversed for -Inf */
        if ((b->sign == 0) == (x_adj < 0))
            dec_set_zero(r, sign, 0);
        else
            dec_set_inf(r, sign);
        return;
    }
    dec_t ans;
    dec_init(&ans);
    bool have = false, exact = false;
    /* certain overflow or underflow: log10(x) * y >= 10^bound */
    int64_t bound = log_exp_bound(&x, true) + dec_adjexp(b);
    if ((x_adj >= 0) == (b->sign == 0)) {
        if (bound >= digits_i64(ctx->emax)) {
            dec_set_si(&ans, sign, 1, ctx->emax + 1);
            have = true;
        }
    } else if (bound >= digits_i64(-dec_etiny(ctx))) {
        dec_set_si(&ans, sign, 1, dec_etiny(ctx) - 1);
        have = true;
    }
    if (!have && power_exact(&ans, &x, b, ctx->prec + 1)) {
        ans.sign = sign;
        have = exact = true;
    }
    if (!have) {
        /* x ** y = exp(y ln x), to prec + extra digits until roundable */
        mpz_t yc, coeff;
        mpz_inits(yc, coeff, NULL);
        mpz_set(yc, b->coef);
        if (b->sign)
            mpz_neg(yc, yc);
        int64_t exp;
        for (int64_t extra = 3;; extra += 3) {
            exp = dpower(coeff, x.coef, x.exp, yc, b->exp, ctx->prec + extra);
            if (roundable(coeff, ctx->prec))
                break;
        }
        dec_set_finite(&ans, sign, coeff, exp);
        mpz_clears(yc, coeff, NULL);
    }
    if (exact && !dec_is_integer(b))
        finalize_exact_fraction(&ans, ctx, status);
    else
        dec_finalize(&ans, ctx, status);
    dec_copy(r, &ans);
    dec_clear(&ans);
}

/* ---- pow(a, b, m) ----------------------------------------------------- */

/* Three-argument power: integers only, b >= 0, m != 0 with at most prec
   digits; the exact (a ** b) % m, by modular exponentiation. */
void dec_powmod(dec_t *r, const dec_t *a, const dec_t *b, const dec_t *m,
                const dec_context *ctx, uint32_t *status)
{
    const dec_t *nan = NULL;
    const dec_t *ops[3] = {a, b, m};
    for (int i = 0; i < 3 && !nan; i++)
        if (ops[i]->kind == DEC_SNAN)
            nan = ops[i];
    for (int i = 0; i < 3 && !nan; i++)
        if (ops[i]->kind == DEC_QNAN)
            nan = ops[i];
    if (nan) {
        dec_nan_operands(r, nan, NULL, ctx, status);
        return;
    }
    if (!dec_is_integer(a) || !dec_is_integer(b) || !dec_is_integer(m) ||
        (b->sign && !dec_is_zero(b)) || dec_is_zero(m) ||
        dec_adjexp(m) >= ctx->prec || (dec_is_zero(a) && dec_is_zero(b))) {
        dec_invalid(r, status, DEC_InvalidOperation);
        return;
    }
    int sign = is_even(b) ? 0 : a->sign;
    mpz_t mod, base, e, t;
    mpz_inits(mod, base, e, t, NULL);
    dec_to_mpz(mod, m);
    mpz_abs(mod, mod);
    /* a = ac * 10^ae with ae >= 0 (to_integral_value), the same for b */
    dec_t ai, bi;
    dec_init(&ai);
    dec_init(&bi);
    uint32_t ignored = 0;
    dec_round_to_int(&ai, a, ctx, &ignored);
    dec_round_to_int(&bi, b, ctx, &ignored);
    mpz_set_ui(t, 10);
    mpz_set_si(e, ai.exp);
    mpz_powm(t, t, e, mod);
    mpz_mod(base, ai.coef, mod);
    mpz_mul(base, base, t);
    mpz_mod(base, base, mod);
    mpz_set_ui(e, 10);
    for (int64_t i = 0; i < bi.exp; i++)
        mpz_powm(base, base, e, mod);
    mpz_powm(base, base, bi.coef, mod);
    dec_set_finite(r, sign, base, 0);
    dec_clear(&ai);
    dec_clear(&bi);
    mpz_clears(mod, base, e, t, NULL);
}
