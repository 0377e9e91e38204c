/*
 * dec_impl.h — what the files of the decimal library share and the
 * module does not see: coefficient helpers, NaN propagation, building
 * results.  Prefix dec_ (internal, not part of dec.h's API).
 */
#ifndef PVM_MODULES_DECIMAL_DEC_IMPL_H
#define PVM_MODULES_DECIMAL_DEC_IMPL_H

#include "dec.h"
#include <stdbool.h>

/* Exponents read from strings saturate here: beyond any finalizable
   value, yet far from int64's overflow when digits are added. */
#define DEC_EXP_SAT INT64_C(4000000000000000000)

/* The most digits a coefficient may have while computing: beyond, an
   operation gives NaN with DEC_MallocError (CPython's MemoryError), as
   libmpdec does when it cannot allocate, instead of GMP's abort. */
#define DEC_MAX_WORK_DIGITS INT64_C(1000000000)
/* r = NaN with DEC_MallocError when n > DEC_MAX_WORK_DIGITS: returns true. */
bool dec_too_long(dec_t *r, int64_t n, uint32_t *status);

/* Decimal digits of z >= 0 (1 for 0). */
int64_t dec_zdigits(const mpz_t z);
/* The decimal digits of z (a '-' first if negative), in a malloc'ed
   string the caller frees (GMP's own allocator may be pvm's GC heap). */
char *dec_zstr(const mpz_t z);
/* 10^n from a table made on first use, or NULL when n is too large for
   it (read only). */
mpz_srcptr dec_pow10_cached(uint64_t n);
/* r = 10^n (n small enough to hold in memory). */
void dec_pow10(mpz_t r, uint64_t n);
/* r = z * 10^n. */
void dec_zshl(mpz_t r, const mpz_t z, uint64_t n);

/* Drop the n lowest digits of the coefficient of r (n >= 0), rounding
   by `mode` as for a number of sign `sign`; returns true if the dropped
   digits were not all zero (the result is inexact). */
bool dec_zround(mpz_t z, int64_t n, int sign, int mode);

/* Set r to a finite number. */
void dec_set_finite(dec_t *r, int sign, const mpz_t coef, int64_t exp);
void dec_set_zero(dec_t *r, int sign, int64_t exp);
void dec_set_si(dec_t *r, int sign, unsigned long coef, int64_t exp);

/* NaN operands: when a (or b) is a NaN, r = the quiet NaN the
   specification propagates (sNaN first, raising InvalidOperation; its
   payload cut to the context), returns true.  b may be NULL. */
bool dec_nan_operands(dec_t *r, const dec_t *a, const dec_t *b,
                      const dec_context *ctx, uint32_t *status);
/* r = NaN with InvalidOperation (or the given condition). */
void dec_invalid(dec_t *r, uint32_t *status, uint32_t cond);
/* Whether a is exactly 1 (in value: 1.000 too). */
bool dec_is_one(const dec_t *a);
/* The largest finite number of ctx, of the given sign. */
void dec_set_max_finite(dec_t *r, int sign, const dec_context *ctx);

#endif
