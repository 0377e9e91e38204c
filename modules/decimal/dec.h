/*
 * dec.h — decimal floating-point arithmetic on GMP, for the _decimal module.
 *
 * This is the arithmetic half of pvm's `_decimal`: the General Decimal
 * Arithmetic specification (speleotrove.com/decimal), with the semantics of
 * CPython's libmpdec, which python3.11's `decimal` runs.  It knows nothing of
 * Python objects: the module (modules/_decimal*.c) wraps dec_t in Decimal,
 * dec_context in Context, and turns the status bits below into CPython's
 * signals.  The oracle is CPython's own test vectors, the *.decTest files of
 * Lib/test/decimaltestdata, run by tests/unit/dectest.c (`make decimal-check`).
 *
 * Files: modules/decimal/dec.h (this API), dec_impl.h (what the files
 * share), dec_core.c (representation, rounding, string conversion),
 * dec_arith.c (the operations), dec_trans.c (sqrt, exp, ln, log10),
 * dec_power.c (power and pow with a modulus, libmpdec's way).
 * Beside the decTest files, `make decimal-diff` checks random operations
 * against python3.11's own C decimal (tests/unit/dec_random.py).
 *
 * A number is a sign, a kind (finite, infinity, quiet or signalling NaN), a
 * coefficient (an mpz_t >= 0; for a NaN its diagnostic payload, for an
 * infinity 0) and an exponent: value = (-1)^sign * coef * 10^exp.
 *
 * Conventions, as libmpdec's mpd_q* functions:
 *   - every operation writes its result to `r`, which may alias any operand;
 *   - the context is read-only; conditions raised are OR-ed into *status,
 *     never cleared (the caller clears, compares with its traps, and sets
 *     the context's flags);
 *   - results are rounded to the context (prec, emin, emax, clamp, round)
 *     unless the operation is exact by the specification (copy_*, abs of a
 *     NaN, compare_total, ...), which is said at its prototype;
 *   - an operation that is invalid returns a quiet NaN and raises
 *     DEC_InvalidOperation (or a more precise Division* condition);
 *   - a dec_t must be dec_init'ed before use and dec_clear'ed after (the
 *     mpz_t inside owns memory; under pvm GMP allocates on the GC heap, so a
 *     forgotten dec_clear is only garbage).
 */
#ifndef PVM_MODULES_DECIMAL_DEC_H
#define PVM_MODULES_DECIMAL_DEC_H

#include <stdint.h>
#include <stddef.h>
#include <gmp.h>

/* ---- the number ------------------------------------------------------- */

typedef enum {
    DEC_FINITE = 0,
    DEC_INF,
    DEC_QNAN,
    DEC_SNAN,
} dec_kind;

typedef struct {
    uint8_t sign;    /* 1 when negative (also -0, -Inf, -NaN) */
    uint8_t kind;    /* a dec_kind */
    int64_t exp;     /* exponent of a finite number; 0 for specials */
    mpz_t coef;      /* coefficient >= 0; NaN payload; 0 for Inf */
} dec_t;

/* ---- the context ------------------------------------------------------ */

/* The rounding modes, in libmpdec's order (CPython's ROUND_* names). */
typedef enum {
    DEC_ROUND_UP = 0,      /* away from zero */
    DEC_ROUND_DOWN,        /* toward zero (truncate) */
    DEC_ROUND_CEILING,     /* toward +Infinity */
    DEC_ROUND_FLOOR,       /* toward -Infinity */
    DEC_ROUND_HALF_UP,     /* nearest, ties away from zero */
    DEC_ROUND_HALF_DOWN,   /* nearest, ties toward zero */
    DEC_ROUND_HALF_EVEN,   /* nearest, ties to even (banker's) */
    DEC_ROUND_05UP,        /* toward zero, then away if last digit 0 or 5 */
    DEC_ROUND_COUNT
} dec_round;

typedef struct {
    int64_t prec;     /* digits of precision, 1 .. DEC_MAX_PREC */
    int64_t emax;     /* largest adjusted exponent, 0 .. DEC_MAX_EMAX */
    int64_t emin;     /* smallest normal adjusted exponent, DEC_MIN_EMIN .. 0 */
    int round;        /* a dec_round */
    int clamp;        /* 1: IEEE 754 "clamp" of exponents to emax - prec + 1 */
    int allcr;        /* 1: exp, ln, log10 correctly rounded (the default;
                         this library is always correctly rounded and
                         ignores 0) */
} dec_context;

/* The limits of CPython's 64-bit build (decimal.MAX_PREC etc.). */
#define DEC_MAX_PREC   INT64_C(999999999999999999)
#define DEC_MAX_EMAX   INT64_C(999999999999999999)
#define DEC_MIN_EMIN   INT64_C(-999999999999999999)
#define DEC_MIN_ETINY  (DEC_MIN_EMIN - (DEC_MAX_PREC - 1))

/* Smallest exponent of a subnormal: emin - prec + 1. */
int64_t dec_etiny(const dec_context *ctx);
/* Largest exponent when clamping: emax - prec + 1. */
int64_t dec_etop(const dec_context *ctx);
/* A context like CPython's decimal.DefaultContext / BasicContext /
   ExtendedContext (prec 28 / 9 / 9 ...). */
void dec_context_default(dec_context *ctx);
void dec_context_basic(dec_context *ctx);
void dec_context_extended(dec_context *ctx);
/* The context under which exact conversions happen (libmpdec's
   maxcontext: DEC_MAX_PREC, DEC_MAX_EMAX, DEC_MIN_EMIN, HALF_EVEN). */
void dec_context_max(dec_context *ctx);

/* ---- conditions (status bits, libmpdec's values) ---------------------- */

#define DEC_Clamped             0x00000001u
#define DEC_ConversionSyntax    0x00000002u
#define DEC_DivisionByZero      0x00000004u
#define DEC_DivisionImpossible  0x00000008u
#define DEC_DivisionUndefined   0x00000010u
#define DEC_FpuError            0x00000020u   /* never raised here */
#define DEC_Inexact             0x00000040u
#define DEC_InvalidContext      0x00000080u
#define DEC_InvalidOperation    0x00000100u
#define DEC_MallocError         0x00000200u   /* a result or work of more
                                                 than 10^9 digits */
#define DEC_NotImplemented      0x00000400u   /* never raised here */
#define DEC_Overflow            0x00000800u
#define DEC_Rounded             0x00001000u
#define DEC_Subnormal           0x00002000u
#define DEC_Underflow           0x00004000u
#define DEC_MAX_STATUS          0x00007fffu

/* The conditions that CPython reports as the signal InvalidOperation. */
#define DEC_IEEE_InvalidOperation (DEC_ConversionSyntax | DEC_DivisionImpossible | \
                                   DEC_DivisionUndefined | DEC_FpuError | \
                                   DEC_InvalidContext | DEC_InvalidOperation | \
                                   DEC_MallocError)

/* ---- life cycle and exact copies -------------------------------------- */

void dec_init(dec_t *x);                 /* x = +0 (exponent 0) */
void dec_clear(dec_t *x);
void dec_copy(dec_t *r, const dec_t *a);           /* exact, no status */
void dec_copy_abs(dec_t *r, const dec_t *a);       /* exact, sign 0 */
void dec_copy_negate(dec_t *r, const dec_t *a);    /* exact, sign flipped */
void dec_copy_sign(dec_t *r, const dec_t *a, const dec_t *b); /* a with b's sign */

/* Set specials directly: r = (-1)^sign * Infinity, or a NaN with payload 0. */
void dec_set_inf(dec_t *r, int sign);
void dec_set_qnan(dec_t *r);
void dec_set_snan(dec_t *r);

/* ---- conversions ------------------------------------------------------ */

/* r = the number the string spells (the specification's syntax: sign,
   digits with an optional point, optional exponent; "Inf", "Infinity",
   "NaN", "sNaN" with optional payload digits; letters in any case), rounded
   to ctx (Context.create_decimal).  No surrounding whitespace or
   underscores: the caller strips those.  A malformed string gives NaN and
   DEC_ConversionSyntax, so does a NaN payload longer than prec - clamp
   digits.  Decimal(str) is exact: CPython converts under the max context
   (dec_context_max) and reports InvalidOperation if that raised Inexact,
   Rounded or Clamped (an exponent beyond the limits). */
void dec_from_string(dec_t *r, const char *s, const dec_context *ctx,
                     uint32_t *status);
/* Exact conversions: r = v, r = z (exponent 0), r = the double d exactly
   (from_float: NaN -> NaN, inf -> Infinity, -0.0 -> -0). */
void dec_from_int64(dec_t *r, int64_t v);
void dec_from_mpz(dec_t *r, const mpz_t z);
void dec_from_double(dec_t *r, double d);

/* The specification's to-scientific-string (str(Decimal)) and
   to-engineering-string; upper: 'E' (CPython's capitals=1) or 'e'.
   Returns a malloc'ed string the caller frees. */
char *dec_to_sci(const dec_t *a, int upper);
char *dec_to_eng(const dec_t *a, int upper);

/* out = a's value truncated toward zero (a finite); returns 0, or -1 with
   out untouched when a is an infinity or NaN, -2 when the integer would
   have more than 10^9 digits (CPython: MemoryError). */
int dec_to_mpz(mpz_t out, const dec_t *a);
/* *out = a truncated toward zero when that fits in int64: returns 0;
   -1 when special or out of range. */
int dec_to_int64(int64_t *out, const dec_t *a);

/* ---- properties (no context needed unless given) ---------------------- */

int dec_is_finite(const dec_t *a);
int dec_is_infinite(const dec_t *a);
int dec_is_nan(const dec_t *a);          /* quiet or signalling */
int dec_is_qnan(const dec_t *a);
int dec_is_snan(const dec_t *a);
int dec_is_special(const dec_t *a);      /* not finite */
int dec_is_signed(const dec_t *a);
int dec_is_zero(const dec_t *a);         /* finite and coefficient 0 */
int dec_is_canonical(const dec_t *a);    /* always 1 */
int dec_is_integer(const dec_t *a);      /* finite with no fraction */
int dec_is_normal(const dec_t *a, const dec_context *ctx);
int dec_is_subnormal(const dec_t *a, const dec_context *ctx);
/* Number of digits of the coefficient (1 for 0; for a NaN, its payload's;
   0 payload counts 1). */
int64_t dec_digits(const dec_t *a);
/* exp + digits - 1 (a finite; 0 for specials, as CPython's adjusted()). */
int64_t dec_adjexp(const dec_t *a);
/* The class as the specification names it: "+Normal", "-Subnormal",
   "+Zero", "-Infinity", "NaN", "sNaN", ... (a static string). */
const char *dec_class(const dec_t *a, const dec_context *ctx);
/* Same exponent, or both infinities, or both NaNs (exact, no status). */
int dec_same_quantum(const dec_t *a, const dec_t *b);

/* ---- rounding to a context -------------------------------------------- */

/* Round r in place to ctx: precision, then overflow/underflow, subnormal,
   clamp; NaN payloads cut to prec - clamp digits.  This is what every
   operation does last, and what Context.create_decimal and unary plus do
   to an exact value. */
void dec_finalize(dec_t *r, const dec_context *ctx, uint32_t *status);

/* ---- comparisons ------------------------------------------------------ */

/* Numeric order of two non-NaN numbers: -1, 0, 1 (1 < Inf, -0 == 0). */
int dec_cmp(const dec_t *a, const dec_t *b);
/* The specification's total order (compare_total): -1, 0, 1; exact. */
int dec_cmp_total(const dec_t *a, const dec_t *b);
int dec_cmp_total_mag(const dec_t *a, const dec_t *b);

/* r = -1, 0 or 1 as a Decimal; a NaN operand gives NaN (signalling NaN:
   InvalidOperation; compare_signal: any NaN is InvalidOperation). */
void dec_compare(dec_t *r, const dec_t *a, const dec_t *b,
                 const dec_context *ctx, uint32_t *status);
void dec_compare_signal(dec_t *r, const dec_t *a, const dec_t *b,
                        const dec_context *ctx, uint32_t *status);
/* Exact, never NaN: r = -1, 0, 1. */
void dec_compare_total(dec_t *r, const dec_t *a, const dec_t *b);
void dec_compare_total_mag(dec_t *r, const dec_t *a, const dec_t *b);

/* max/min (of values; a quiet NaN loses to a number), max_mag/min_mag (of
   absolute values); rounded to ctx. */
void dec_max(dec_t *r, const dec_t *a, const dec_t *b,
             const dec_context *ctx, uint32_t *status);
void dec_min(dec_t *r, const dec_t *a, const dec_t *b,
             const dec_context *ctx, uint32_t *status);
void dec_max_mag(dec_t *r, const dec_t *a, const dec_t *b,
                 const dec_context *ctx, uint32_t *status);
void dec_min_mag(dec_t *r, const dec_t *a, const dec_t *b,
                 const dec_context *ctx, uint32_t *status);

/* ---- the arithmetic --------------------------------------------------- */

/* Signature of every binary operation: r = a OP b rounded to ctx. */
typedef void dec_binary_fn(dec_t *r, const dec_t *a, const dec_t *b,
                           const dec_context *ctx, uint32_t *status);
typedef void dec_unary_fn(dec_t *r, const dec_t *a,
                          const dec_context *ctx, uint32_t *status);

dec_unary_fn dec_abs;        /* |a|, rounded */
dec_unary_fn dec_minus;      /* 0 - a (Decimal.__neg__), rounded */
dec_unary_fn dec_plus;       /* 0 + a (Decimal.__pos__), rounded */

dec_binary_fn dec_add;
dec_binary_fn dec_sub;
dec_binary_fn dec_mul;
dec_binary_fn dec_div;       /* a / b */
dec_binary_fn dec_divint;    /* a // b: integer part, truncated */
dec_binary_fn dec_rem;       /* a % b: sign of a (a - b * divint(a, b)) */
dec_binary_fn dec_rem_near;  /* remainder_near: a - b * round-half-even(a/b) */
/* q = divint(a, b), rm = rem(a, b), both in one (divmod). */
void dec_divmod(dec_t *q, dec_t *rm, const dec_t *a, const dec_t *b,
                const dec_context *ctx, uint32_t *status);
/* r = a * b + c with a single rounding. */
void dec_fma(dec_t *r, const dec_t *a, const dec_t *b, const dec_t *c,
             const dec_context *ctx, uint32_t *status);

/* ---- exponents and integral values ------------------------------------ */

/* a with exponent b's exponent (rounded by ctx->round); InvalidOperation
   when the coefficient would need more than prec digits. */
dec_binary_fn dec_quantize;
/* a with exponent exp (quantize to 1E<exp>). */
void dec_rescale(dec_t *r, const dec_t *a, int64_t exp,
                 const dec_context *ctx, uint32_t *status);
/* normalize: strip trailing zeros after rounding (zero -> exponent 0). */
dec_unary_fn dec_reduce;
/* to_integral_value (round_to_integral): exponent >= 0 by ctx->round,
   no Inexact/Rounded; _exact raises them. */
dec_unary_fn dec_round_to_int;
dec_unary_fn dec_round_to_intx;
/* Integral value rounded toward -Inf, +Inf, 0 (math.floor/ceil/trunc of a
   Decimal): exponent 0 or more, not rounded to the precision, no status.
   A NaN gives NaN (sNaN: InvalidOperation), an infinity itself: the
   module raises CPython's ValueError / OverflowError for those. */
dec_unary_fn dec_floor;
dec_unary_fn dec_ceil;
dec_unary_fn dec_trunc;

/* logb: adjusted exponent as a Decimal (logb(0) = -Infinity with
   DivisionByZero). scaleb: a * 10^b, b an integer. */
dec_unary_fn dec_logb;
dec_binary_fn dec_scaleb;

/* ---- transcendental and power (correctly rounded, as libmpdec) -------- */

dec_unary_fn dec_sqrt;
dec_unary_fn dec_exp;
dec_unary_fn dec_ln;
dec_unary_fn dec_log10;
/* a ** b as CPython's C decimal computes it (dec_power.c): an integer b
   by repeated multiplication at a higher precision, any other b as
   exp(b * ln(a)); so 4 ** 0.5 is 2.000... with Inexact. */
dec_binary_fn dec_power;
/* (a ** b) % m for integers a, b >= 0, m != 0 with at most prec digits
   (3-argument pow); exact, not rounded. */
void dec_powmod(dec_t *r, const dec_t *a, const dec_t *b, const dec_t *m,
                const dec_context *ctx, uint32_t *status);

/* ---- neighbours ------------------------------------------------------- */

dec_unary_fn dec_next_minus;
dec_unary_fn dec_next_plus;
dec_binary_fn dec_next_toward;

/* ---- digit-wise (operands: exponent 0, sign 0, digits 0/1, <= prec) --- */

dec_binary_fn dec_and;
dec_binary_fn dec_or;
dec_binary_fn dec_xor;
dec_unary_fn dec_invert;
/* rotate / shift the prec-digit coefficient of a by b digits (b an
   integer in -prec..prec; positive = left). */
dec_binary_fn dec_rotate;
dec_binary_fn dec_shift;

#endif
