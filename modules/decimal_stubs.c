/*
 * decimal_stubs.c — TEMPORARY: weak stand-ins for the functions of
 * modules/decimal/dec.h that branch i10-decnum has not committed yet, so
 * that the module links while the library is written.  A real definition
 * replaces each one at link time.  Delete this file once the library is
 * whole.
 */
#include <stdlib.h>
#include <string.h>
#include "modules/decimal/dec.h"
#define WEAK __attribute__((weak))

WEAK int64_t dec_etiny(const dec_context *ctx) { return ctx->emin - ctx->prec + 1; }
WEAK int64_t dec_etop(const dec_context *ctx) { return ctx->emax - ctx->prec + 1; }
WEAK void dec_context_default(dec_context *ctx) { ctx->prec = 28; ctx->emax = 999999; ctx->emin = -999999; ctx->round = DEC_ROUND_HALF_EVEN; ctx->clamp = 0; ctx->allcr = 1; }
WEAK void dec_context_basic(dec_context *ctx) { dec_context_default(ctx); ctx->prec = 9; ctx->round = DEC_ROUND_HALF_UP; }
WEAK void dec_context_extended(dec_context *ctx) { dec_context_default(ctx); ctx->prec = 9; }
WEAK void dec_context_max(dec_context *ctx) {  }
WEAK void dec_init(dec_t *x) { x->sign = 0; x->kind = DEC_FINITE; x->exp = 0; mpz_init(x->coef); }
WEAK void dec_clear(dec_t *x) { mpz_clear(x->coef); }
WEAK void dec_copy(dec_t *r, const dec_t *a) { r->sign = a->sign; r->kind = a->kind; r->exp = a->exp; mpz_set(r->coef, a->coef); }
WEAK void dec_copy_abs(dec_t *r, const dec_t *a) {  }
WEAK void dec_copy_negate(dec_t *r, const dec_t *a) {  }
WEAK void dec_copy_sign(dec_t *r, const dec_t *a, const dec_t *b) {  }
WEAK void dec_set_inf(dec_t *r, int sign) {  }
WEAK void dec_set_qnan(dec_t *r) {  }
WEAK void dec_set_snan(dec_t *r) {  }
WEAK void dec_from_string(dec_t *r, const char *s, const dec_context *ctx, uint32_t *status) {  }
WEAK void dec_from_int64(dec_t *r, int64_t v) {  }
WEAK void dec_from_mpz(dec_t *r, const mpz_t z) {  }
WEAK void dec_from_double(dec_t *r, double d) {  }
WEAK char *dec_to_sci(const dec_t *a, int upper) { return strdup("0"); }
WEAK char *dec_to_eng(const dec_t *a, int upper) { return strdup("0"); }
WEAK int dec_to_mpz(mpz_t out, const dec_t *a) { return 0; }
WEAK int dec_to_int64(int64_t *out, const dec_t *a) { return 0; }
WEAK int dec_is_finite(const dec_t *a) { return 0; }
WEAK int dec_is_infinite(const dec_t *a) { return 0; }
WEAK int dec_is_nan(const dec_t *a) { return 0; }
WEAK int dec_is_qnan(const dec_t *a) { return 0; }
WEAK int dec_is_snan(const dec_t *a) { return 0; }
WEAK int dec_is_special(const dec_t *a) { return 0; }
WEAK int dec_is_signed(const dec_t *a) { return 0; }
WEAK int dec_is_zero(const dec_t *a) { return 0; }
WEAK int dec_is_canonical(const dec_t *a) { return 0; }
WEAK int dec_is_integer(const dec_t *a) { return 0; }
WEAK int dec_is_normal(const dec_t *a, const dec_context *ctx) { return 0; }
WEAK int dec_is_subnormal(const dec_t *a, const dec_context *ctx) { return 0; }
WEAK int64_t dec_digits(const dec_t *a) { return 0; }
WEAK int64_t dec_adjexp(const dec_t *a) { return 0; }
WEAK const char *dec_class(const dec_t *a, const dec_context *ctx) { return ""; }
WEAK int dec_same_quantum(const dec_t *a, const dec_t *b) { return 0; }
WEAK void dec_finalize(dec_t *r, const dec_context *ctx, uint32_t *status) {  }
WEAK int dec_cmp(const dec_t *a, const dec_t *b) { return 0; }
WEAK int dec_cmp_total(const dec_t *a, const dec_t *b) { return 0; }
WEAK int dec_cmp_total_mag(const dec_t *a, const dec_t *b) { return 0; }
WEAK void dec_compare(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) {  }
WEAK void dec_compare_signal(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) {  }
WEAK void dec_compare_total(dec_t *r, const dec_t *a, const dec_t *b) {  }
WEAK void dec_compare_total_mag(dec_t *r, const dec_t *a, const dec_t *b) {  }
WEAK void dec_max(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) {  }
WEAK void dec_min(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) {  }
WEAK void dec_max_mag(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) {  }
WEAK void dec_min_mag(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) {  }
WEAK void dec_divmod(dec_t *q, dec_t *rm, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) {  }
WEAK void dec_fma(dec_t *r, const dec_t *a, const dec_t *b, const dec_t *c, const dec_context *ctx, uint32_t *status) {  }
WEAK void dec_rescale(dec_t *r, const dec_t *a, int64_t exp, const dec_context *ctx, uint32_t *status) {  }
WEAK void dec_powmod(dec_t *r, const dec_t *a, const dec_t *b, const dec_t *m, const dec_context *ctx, uint32_t *status) {  }
WEAK void dec_abs(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_minus(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_plus(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_add(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_sub(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_mul(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_div(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_divint(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_rem(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_rem_near(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_quantize(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_reduce(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_round_to_int(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_round_to_intx(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_floor(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_ceil(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_trunc(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_logb(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_scaleb(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_sqrt(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_exp(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_ln(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_log10(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_power(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_next_minus(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_next_plus(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_next_toward(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_and(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_or(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_xor(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_invert(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_rotate(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
WEAK void dec_shift(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status) { *status |= DEC_InvalidOperation; }
