/*
 * dec_core.c — the representation of a decimal number: life cycle,
 * contexts, properties, rounding a coefficient, rounding a number to a
 * context (the specification's "finalize"), and the string conversions.
 *
 * Everything else in the library computes an exact (or exact enough)
 * result and hands it to dec_finalize, so the rules of precision,
 * overflow, underflow, subnormals and clamping live in one place.
 */
#include "dec_impl.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

/* ---- contexts --------------------------------------------------------- */

int64_t dec_etiny(const dec_context *ctx) { return ctx->emin - ctx->prec + 1; }
int64_t dec_etop(const dec_context *ctx) { return ctx->emax - ctx->prec + 1; }

static void context_set(dec_context *ctx, int64_t prec, int64_t emax,
                        int round)
{
    ctx->prec = prec;
    ctx->emax = emax;
    ctx->emin = -emax;
    ctx->round = round;
    ctx->clamp = 0;
    ctx->allcr = 1;
}

void dec_context_default(dec_context *ctx)
{
    context_set(ctx, 28, 999999, DEC_ROUND_HALF_EVEN);
}

void dec_context_basic(dec_context *ctx)
{
    context_set(ctx, 9, 999999, DEC_ROUND_HALF_UP);
}

void dec_context_extended(dec_context *ctx)
{
    context_set(ctx, 9, 999999, DEC_ROUND_HALF_EVEN);
}

void dec_context_max(dec_context *ctx)
{
    context_set(ctx, DEC_MAX_PREC, DEC_MAX_EMAX, DEC_ROUND_HALF_EVEN);
    ctx->emin = DEC_MIN_EMIN;
}

/* ---- life cycle ------------------------------------------------------- */

void dec_init(dec_t *x)
{
    x->sign = 0;
    x->kind = DEC_FINITE;
    x->exp = 0;
    mpz_init(x->coef);
}

void dec_clear(dec_t *x) { mpz_clear(x->coef); }

void dec_copy(dec_t *r, const dec_t *a)
{
    if (r == a)
        return;
    r->sign = a->sign;
    r->kind = a->kind;
    r->exp = a->exp;
    mpz_set(r->coef, a->coef);
}

void dec_copy_abs(dec_t *r, const dec_t *a)
{
    dec_copy(r, a);
    r->sign = 0;
}

void dec_copy_negate(dec_t *r, const dec_t *a)
{
    dec_copy(r, a);
    r->sign ^= 1;
}

void dec_copy_sign(dec_t *r, const dec_t *a, const dec_t *b)
{
    int sign = b->sign;
    dec_copy(r, a);
    r->sign = sign;
}

static void set_special(dec_t *r, int sign, int kind)
{
    r->sign = sign;
    r->kind = kind;
    r->exp = 0;
    mpz_set_ui(r->coef, 0);
}

void dec_set_inf(dec_t *r, int sign) { set_special(r, sign, DEC_INF); }
void dec_set_qnan(dec_t *r) { set_special(r, 0, DEC_QNAN); }
void dec_set_snan(dec_t *r) { set_special(r, 0, DEC_SNAN); }

void dec_set_finite(dec_t *r, int sign, const mpz_t coef, int64_t exp)
{
    r->sign = sign;
    r->kind = DEC_FINITE;
    r->exp = exp;
    mpz_set(r->coef, coef);
}

void dec_set_si(dec_t *r, int sign, unsigned long coef, int64_t exp)
{
    r->sign = sign;
    r->kind = DEC_FINITE;
    r->exp = exp;
    mpz_set_ui(r->coef, coef);
}

void dec_set_zero(dec_t *r, int sign, int64_t exp) { dec_set_si(r, sign, 0, exp); }

void dec_invalid(dec_t *r, uint32_t *status, uint32_t cond)
{
    dec_set_qnan(r);
    *status |= cond;
}

bool dec_too_long(dec_t *r, int64_t n, uint32_t *status)
{
    if (n <= DEC_MAX_WORK_DIGITS)
        return false;
    dec_invalid(r, status, DEC_MallocError);
    return true;
}

/* ---- coefficient helpers ---------------------------------------------- */

/* Powers of ten up to any precision in common use, made once each: they
   divide and compare coefficients in every rounding.  Measured: the sum
   of 1/k for k = 1..200000 at prec 28 (a division and an addition each)
   took 0.28 s of CPU without the table, 0.14 s with it. */
#define POW10_CACHED 160
static mpz_t pow10_table[POW10_CACHED];
static bool pow10_made[POW10_CACHED];

mpz_srcptr dec_pow10_cached(uint64_t n)
{
    if (n >= POW10_CACHED)
        return NULL;
    if (!pow10_made[n]) {
        mpz_init(pow10_table[n]);
        mpz_ui_pow_ui(pow10_table[n], 10, n);
        pow10_made[n] = true;
    }
    return pow10_table[n];
}

void dec_pow10(mpz_t r, uint64_t n)
{
    mpz_srcptr p = dec_pow10_cached(n);
    if (p)
        mpz_set(r, p);
    else
        mpz_ui_pow_ui(r, 10, n);
}

char *dec_zstr(const mpz_t z)
{
    char *s = malloc(mpz_sizeinbase(z, 10) + 2);
    return mpz_get_str(s, 10, z);
}

void dec_zshl(mpz_t r, const mpz_t z, uint64_t n)
{
    mpz_srcptr cached = dec_pow10_cached(n);
    if (cached) {
        mpz_mul(r, z, cached);
        return;
    }
    mpz_t p;
    mpz_init(p);
    dec_pow10(p, n);
    mpz_mul(r, z, p);
    mpz_clear(p);
}

/* mpz_sizeinbase(z, 10) is exact or one too many: compare with 10^(n-1). */
int64_t dec_zdigits(const mpz_t z)
{
    if (mpz_cmpabs_ui(z, 10) < 0)
        return 1;
    int64_t n = (int64_t)mpz_sizeinbase(z, 10);
    mpz_srcptr cached = dec_pow10_cached((uint64_t)n - 1);
    if (cached)
        return mpz_cmpabs(z, cached) < 0 ? n - 1 : n;
    mpz_t p;
    mpz_init(p);
    dec_pow10(p, n - 1);
    int less = mpz_cmpabs(z, p) < 0;
    mpz_clear(p);
    return less ? n - 1 : n;
}

/* Whether to add one to the kept digits q, given how the dropped part
   compares with half a unit (half: -1 below, 0 exactly, 1 above) and
   whether it is nonzero. */
static bool round_up(int mode, int sign, const mpz_t q, int half, bool nonzero)
{
    if (!nonzero)
        return false;
    switch (mode) {
    case DEC_ROUND_UP:        return true;
    case DEC_ROUND_DOWN:      return false;
    case DEC_ROUND_CEILING:   return sign == 0;
    case DEC_ROUND_FLOOR:     return sign == 1;
    case DEC_ROUND_HALF_UP:   return half >= 0;
    case DEC_ROUND_HALF_DOWN: return half > 0;
    case DEC_ROUND_HALF_EVEN: return half > 0 || (half == 0 && mpz_odd_p(q));
    case DEC_ROUND_05UP: {
        unsigned long last = mpz_fdiv_ui(q, 10);
        return last == 0 || last == 5;
    }
    }
    return false;
}

bool dec_zround(mpz_t z, int64_t n, int sign, int mode)
{
    if (n <= 0)
        return false;
    bool nonzero;
    int half;
    if (n > dec_zdigits(z) + 1) {
        /* Everything is dropped, and it is below half a unit. */
        nonzero = mpz_sgn(z) != 0;
        half = -1;
        mpz_set_ui(z, 0);
    } else {
        mpz_t p, rem;
        mpz_inits(p, rem, NULL);
        mpz_srcptr unit = dec_pow10_cached((uint64_t)n);
        if (!unit) {
            dec_pow10(p, (uint64_t)n);
            unit = p;
        }
        mpz_tdiv_qr(z, rem, z, unit);
        nonzero = mpz_sgn(rem) != 0;
        mpz_mul_2exp(rem, rem, 1);
        half = mpz_cmp(rem, unit);
        half = half < 0 ? -1 : half > 0;
        mpz_clears(p, rem, NULL);
    }
    if (round_up(mode, sign, z, half, nonzero))
        mpz_add_ui(z, z, 1);
    return nonzero;
}

/* ---- properties ------------------------------------------------------- */

int dec_is_finite(const dec_t *a) { return a->kind == DEC_FINITE; }
int dec_is_infinite(const dec_t *a) { return a->kind == DEC_INF; }
int dec_is_nan(const dec_t *a) { return a->kind == DEC_QNAN || a->kind == DEC_SNAN; }
int dec_is_qnan(const dec_t *a) { return a->kind == DEC_QNAN; }
int dec_is_snan(const dec_t *a) { return a->kind == DEC_SNAN; }
int dec_is_special(const dec_t *a) { return a->kind != DEC_FINITE; }
int dec_is_signed(const dec_t *a) { return a->sign; }
int dec_is_canonical(const dec_t *a) { (void)a; return 1; }

int dec_is_zero(const dec_t *a)
{
    return a->kind == DEC_FINITE && mpz_sgn(a->coef) == 0;
}

int dec_is_integer(const dec_t *a)
{
    if (a->kind != DEC_FINITE)
        return 0;
    if (a->exp >= 0 || mpz_sgn(a->coef) == 0)
        return 1;
    if (-a->exp >= dec_zdigits(a->coef))
        return 0;
    mpz_t p;
    mpz_init(p);
    dec_pow10(p, (uint64_t)-a->exp);
    int r = mpz_divisible_p(a->coef, p);
    mpz_clear(p);
    return r;
}

int64_t dec_digits(const dec_t *a) { return dec_zdigits(a->coef); }

int64_t dec_adjexp(const dec_t *a)
{
    if (a->kind != DEC_FINITE)
        return 0;
    return a->exp + dec_zdigits(a->coef) - 1;
}

int dec_is_normal(const dec_t *a, const dec_context *ctx)
{
    if (a->kind != DEC_FINITE || mpz_sgn(a->coef) == 0)
        return 0;
    return dec_adjexp(a) >= ctx->emin;
}

int dec_is_subnormal(const dec_t *a, const dec_context *ctx)
{
    if (a->kind != DEC_FINITE || mpz_sgn(a->coef) == 0)
        return 0;
    return dec_adjexp(a) < ctx->emin;
}

const char *dec_class(const dec_t *a, const dec_context *ctx)
{
    static const char *names[2][4] = {
        {"+Normal", "+Subnormal", "+Zero", "+Infinity"},
        {"-Normal", "-Subnormal", "-Zero", "-Infinity"},
    };
    switch (a->kind) {
    case DEC_QNAN: return "NaN";
    case DEC_SNAN: return "sNaN";
    case DEC_INF:  return names[a->sign][3];
    }
    if (mpz_sgn(a->coef) == 0)
        return names[a->sign][2];
    return names[a->sign][dec_is_subnormal(a, ctx) ? 1 : 0];
}

int dec_same_quantum(const dec_t *a, const dec_t *b)
{
    if (a->kind != DEC_FINITE || b->kind != DEC_FINITE)
        return (dec_is_nan(a) && dec_is_nan(b)) ||
               (a->kind == DEC_INF && b->kind == DEC_INF);
    return a->exp == b->exp;
}

/* ---- rounding to a context -------------------------------------------- */

void dec_set_max_finite(dec_t *r, int sign, const dec_context *ctx)
{
    /* prec nines: 10^prec - 1 */
    r->kind = DEC_FINITE;
    r->sign = sign;
    dec_pow10(r->coef, (uint64_t)ctx->prec);
    mpz_sub_ui(r->coef, r->coef, 1);
    r->exp = ctx->emax - ctx->prec + 1;
}

/* The result of an overflow: Infinity or the largest finite number,
   by the rounding mode. */
static void overflow(dec_t *r, const dec_context *ctx, uint32_t *status)
{
    int sign = r->sign;
    bool inf;
    switch (ctx->round) {
    case DEC_ROUND_CEILING: inf = sign == 0; break;
    case DEC_ROUND_FLOOR:   inf = sign == 1; break;
    case DEC_ROUND_DOWN:
    case DEC_ROUND_05UP:    inf = false; break;
    default:                inf = true; break;
    }
    *status |= DEC_Overflow | DEC_Inexact | DEC_Rounded;
    if (inf)
        dec_set_inf(r, sign);
    else if (!dec_too_long(r, ctx->prec, status))
        dec_set_max_finite(r, sign, ctx);
}

/* A NaN's payload keeps its prec - clamp lowest digits. */
static void fix_nan(dec_t *r, const dec_context *ctx)
{
    int64_t max = ctx->prec - ctx->clamp;
    if (mpz_sgn(r->coef) == 0 || dec_zdigits(r->coef) <= max)
        return;
    mpz_t p;
    mpz_init(p);
    dec_pow10(p, (uint64_t)max);
    mpz_tdiv_r(r->coef, r->coef, p);
    mpz_clear(p);
}

/* A zero keeps its coefficient; its exponent is brought into range. */
static void finalize_zero(dec_t *r, const dec_context *ctx, uint32_t *status)
{
    int64_t top = ctx->clamp ? dec_etop(ctx) : ctx->emax;
    int64_t e = r->exp;
    if (e < dec_etiny(ctx))
        e = dec_etiny(ctx);
    if (e > top)
        e = top;
    if (e != r->exp) {
        r->exp = e;
        *status |= DEC_Clamped;
    }
}

void dec_finalize(dec_t *r, const dec_context *ctx, uint32_t *status)
{
    if (r->kind != DEC_FINITE) {
        if (dec_is_nan(r))
            fix_nan(r, ctx);
        return;
    }
    if (mpz_sgn(r->coef) == 0) {
        finalize_zero(r, ctx, status);
        return;
    }
    int64_t etiny = dec_etiny(ctx), etop = dec_etop(ctx);
    int64_t ndigits = dec_zdigits(r->coef);
    /* the smallest exponent that keeps at most prec digits */
    int64_t exp_min = r->exp + ndigits - ctx->prec;
    if (exp_min > etop) {
        overflow(r, ctx, status);
        return;
    }
    bool subnormal = exp_min < etiny;
    if (subnormal)
        exp_min = etiny;
    if (r->exp < exp_min) {
        bool inexact = dec_zround(r->coef, exp_min - r->exp, r->sign,
                                  ctx->round);
        if (dec_zdigits(r->coef) > ctx->prec) {  /* 999.. rounded up */
            mpz_tdiv_q_ui(r->coef, r->coef, 10);
            exp_min++;
        }
        r->exp = exp_min;
        if (exp_min > etop) {
            overflow(r, ctx, status);
            return;
        }
        if (inexact && subnormal)
            *status |= DEC_Underflow;
        if (subnormal)
            *status |= DEC_Subnormal;
        if (inexact)
            *status |= DEC_Inexact;
        *status |= DEC_Rounded;
        if (mpz_sgn(r->coef) == 0)
            *status |= DEC_Clamped;
        return;
    }
    if (subnormal)
        *status |= DEC_Subnormal;
    if (ctx->clamp && r->exp > etop) {
        if (dec_too_long(r, r->exp - etop, status))
            return;
        /* fold down: pad the coefficient with zeros */
        dec_zshl(r->coef, r->coef, (uint64_t)(r->exp - etop));
        r->exp = etop;
        *status |= DEC_Clamped;
    }
}

bool dec_nan_operands(dec_t *r, const dec_t *a, const dec_t *b,
                      const dec_context *ctx, uint32_t *status)
{
    const dec_t *nan = NULL;
    if (a->kind == DEC_SNAN)
        nan = a;
    else if (b && b->kind == DEC_SNAN)
        nan = b;
    if (nan)
        *status |= DEC_InvalidOperation;
    else if (a->kind == DEC_QNAN)
        nan = a;
    else if (b && b->kind == DEC_QNAN)
        nan = b;
    else
        return false;
    dec_copy(r, nan);
    r->kind = DEC_QNAN;
    fix_nan(r, ctx);
    return true;
}

/* ---- conversions from numbers ----------------------------------------- */

void dec_from_int64(dec_t *r, int64_t v)
{
    uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
    r->kind = DEC_FINITE;
    r->sign = v < 0;
    r->exp = 0;
    mpz_set_ui(r->coef, (unsigned long)mag);
}

void dec_from_mpz(dec_t *r, const mpz_t z)
{
    r->kind = DEC_FINITE;
    r->sign = mpz_sgn(z) < 0;
    r->exp = 0;
    mpz_abs(r->coef, z);
}

/* d = m * 2^e exactly (m an integer of at most 53 bits); when e < 0,
   m * 2^e = m * 5^-e * 10^e. */
void dec_from_double(dec_t *r, double d)
{
    if (isnan(d)) {
        set_special(r, signbit(d) != 0, DEC_QNAN);
        return;
    }
    if (isinf(d)) {
        dec_set_inf(r, d < 0);
        return;
    }
    int sign = signbit(d) != 0, e;
    double m = frexp(fabs(d), &e);
    r->kind = DEC_FINITE;
    r->sign = sign;
    mpz_set_d(r->coef, ldexp(m, 53));
    e -= 53;
    while (e < 0 && mpz_even_p(r->coef) && mpz_sgn(r->coef) != 0) {
        mpz_tdiv_q_2exp(r->coef, r->coef, 1);
        e++;
    }
    if (mpz_sgn(r->coef) == 0)
        e = 0;
    if (e >= 0) {
        mpz_mul_2exp(r->coef, r->coef, (unsigned long)e);
        r->exp = 0;
    } else {
        mpz_t p;
        mpz_init(p);
        mpz_ui_pow_ui(p, 5, (unsigned long)-e);
        mpz_mul(r->coef, r->coef, p);
        mpz_clear(p);
        r->exp = e;
    }
}

int dec_to_mpz(mpz_t out, const dec_t *a)
{
    if (a->kind != DEC_FINITE)
        return -1;
    if (a->exp > DEC_MAX_WORK_DIGITS && mpz_sgn(a->coef) != 0)
        return -2;
    if (a->exp >= 0) {
        dec_zshl(out, a->coef, (uint64_t)a->exp);
    } else if (-a->exp > dec_zdigits(a->coef)) {
        mpz_set_ui(out, 0);
    } else {
        mpz_t p;
        mpz_init(p);
        dec_pow10(p, (uint64_t)-a->exp);
        mpz_tdiv_q(out, a->coef, p);
        mpz_clear(p);
    }
    if (a->sign)
        mpz_neg(out, out);
    return 0;
}

int dec_to_int64(int64_t *out, const dec_t *a)
{
    if (a->kind != DEC_FINITE || dec_adjexp(a) > 19)
        return -1;
    mpz_t z;
    mpz_init(z);
    dec_to_mpz(z, a);
    int ok = mpz_fits_slong_p(z);
    if (ok)
        *out = mpz_get_si(z);
    mpz_clear(z);
    return ok ? 0 : -1;
}

/* ---- from a string ---------------------------------------------------- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* s starts with word, in any case; returns the rest, or NULL. */
static const char *skip_word(const char *s, const char *word)
{
    for (; *word; s++, word++)
        if ((*s | 0x20) != *word)
            return NULL;
    return s;
}

/* The special values: returns true when s spells one (r set). */
static bool parse_special(dec_t *r, int sign, const char *s, bool *bad)
{
    const char *rest;
    int kind = DEC_QNAN;
    if ((rest = skip_word(s, "infinity")) || (rest = skip_word(s, "inf"))) {
        *bad = *rest != '\0';
        set_special(r, sign, DEC_INF);
        return true;
    }
    if ((rest = skip_word(s, "snan")))
        kind = DEC_SNAN;
    else if (!(rest = skip_word(s, "nan")))
        return false;
    set_special(r, sign, kind);
    for (const char *p = rest; *p; p++)
        if (!is_digit(*p)) {
            *bad = true;
            return true;
        }
    if (*rest)
        mpz_set_str(r->coef, rest, 10);
    return true;
}

/* The exponent after 'E': saturated at +-DEC_EXP_SAT. */
static bool parse_exponent(const char *s, int64_t *exp)
{
    int neg = 0;
    if (*s == '+' || *s == '-')
        neg = *s++ == '-';
    if (!*s)
        return false;
    int64_t e = 0;
    for (; *s; s++) {
        if (!is_digit(*s))
            return false;
        if (e < DEC_EXP_SAT)
            e = e * 10 + (*s - '0');
    }
    if (e > DEC_EXP_SAT)
        e = DEC_EXP_SAT;
    *exp = neg ? -e : e;
    return true;
}

/* digits [. digits] [E exponent]: returns false if malformed. */
static bool parse_finite(dec_t *r, int sign, const char *s)
{
    size_t len = strlen(s);
    char *digits = malloc(len + 1);
    size_t nd = 0;
    int64_t frac = 0, exp = 0;
    bool point = false, ok = true;
    for (; *s && *s != 'e' && *s != 'E'; s++) {
        if (*s == '.' && !point)
            point = true;
        else if (is_digit(*s)) {
            digits[nd++] = *s;
            frac += point;
        } else {
            ok = false;
            break;
        }
    }
    if (ok && nd == 0)
        ok = false;
    if (ok && *s)
        ok = parse_exponent(s + 1, &exp);
    if (ok) {
        digits[nd] = '\0';
        mpz_set_str(r->coef, digits, 10);
        r->kind = DEC_FINITE;
        r->sign = sign;
        r->exp = exp - frac;
    }
    free(digits);
    return ok;
}

void dec_from_string(dec_t *r, const char *s, const dec_context *ctx,
                     uint32_t *status)
{
    int sign = 0;
    bool bad = false;
    if (*s == '+' || *s == '-')
        sign = *s++ == '-';
    if (parse_special(r, sign, s, &bad)) {
        if (!bad && dec_is_nan(r) && mpz_sgn(r->coef) != 0 &&
            dec_zdigits(r->coef) > ctx->prec - ctx->clamp)
            bad = true;
    } else {
        bad = !parse_finite(r, sign, s);
    }
    if (bad) {
        dec_invalid(r, status, DEC_ConversionSyntax);
        return;
    }
    dec_finalize(r, ctx, status);
}

/* ---- to a string ------------------------------------------------------ */

static char *special_string(const dec_t *a)
{
    const char *name = a->kind == DEC_INF ? "Infinity"
                     : a->kind == DEC_QNAN ? "NaN" : "sNaN";
    char *payload = NULL;
    if (a->kind != DEC_INF && mpz_sgn(a->coef) != 0)
        payload = dec_zstr(a->coef);
    size_t n = 2 + strlen(name) + (payload ? strlen(payload) : 0);
    char *out = malloc(n);
    snprintf(out, n, "%s%s%s", a->sign ? "-" : "", name, payload ? payload : "");
    free(payload);
    return out;
}

/* Python's floor modulo, for the engineering exponent. */
static int64_t floor_mod(int64_t a, int64_t m)
{
    int64_t r = a % m;
    return r < 0 ? r + m : r;
}

/* The specification's to-scientific-string / to-engineering-string. */
static char *to_string(const dec_t *a, bool eng, int upper)
{
    if (a->kind != DEC_FINITE)
        return special_string(a);
    char *coef = dec_zstr(a->coef);
    int64_t nd = (int64_t)strlen(coef);
    int64_t left = a->exp + nd;   /* digits left of the point */
    int64_t dot;                  /* of them, before the point shown */
    if (a->exp <= 0 && left > -6)
        dot = left;
    else if (!eng)
        dot = 1;
    else if (mpz_sgn(a->coef) == 0)
        dot = floor_mod(left + 1, 3) - 1;
    else
        dot = floor_mod(left - 1, 3) + 1;
    /* sign, "0.", zeros, digits, zeros, "E+", exponent, NUL */
    size_t cap = (size_t)nd + 32 + (size_t)(dot < 0 ? -dot : 0) +
                 (size_t)(dot > nd ? dot - nd : 0);
    char *out = malloc(cap), *p = out;
    if (a->sign)
        *p++ = '-';
    if (dot <= 0) {
        *p++ = '0';
        *p++ = '.';
        for (int64_t i = 0; i < -dot; i++)
            *p++ = '0';
        memcpy(p, coef, (size_t)nd);
        p += nd;
    } else if (dot >= nd) {
        memcpy(p, coef, (size_t)nd);
        p += nd;
        for (int64_t i = nd; i < dot; i++)
            *p++ = '0';
    } else {
        memcpy(p, coef, (size_t)dot);
        p += dot;
        *p++ = '.';
        memcpy(p, coef + dot, (size_t)(nd - dot));
        p += nd - dot;
    }
    if (left != dot)
        p += sprintf(p, "%c%+lld", upper ? 'E' : 'e', (long long)(left - dot));
    *p = '\0';
    free(coef);
    return out;
}

char *dec_to_sci(const dec_t *a, int upper) { return to_string(a, false, upper); }
char *dec_to_eng(const dec_t *a, int upper) { return to_string(a, true, upper); }
