/*
 * dec_trans.c — square root, exp, ln, log10 and power.
 */
#include "dec_impl.h"

void dec_sqrt(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status)
{ (void)a; (void)ctx; dec_invalid(r, status, DEC_InvalidOperation); }
void dec_exp(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status)
{ (void)a; (void)ctx; dec_invalid(r, status, DEC_InvalidOperation); }
void dec_ln(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status)
{ (void)a; (void)ctx; dec_invalid(r, status, DEC_InvalidOperation); }
void dec_log10(dec_t *r, const dec_t *a, const dec_context *ctx, uint32_t *status)
{ (void)a; (void)ctx; dec_invalid(r, status, DEC_InvalidOperation); }
void dec_power(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *ctx, uint32_t *status)
{ (void)a; (void)b; (void)ctx; dec_invalid(r, status, DEC_InvalidOperation); }
void dec_powmod(dec_t *r, const dec_t *a, const dec_t *b, const dec_t *m, const dec_context *ctx, uint32_t *status)
{ (void)a; (void)b; (void)m; (void)ctx; dec_invalid(r, status, DEC_InvalidOperation); }
