/*
 * int.c — Python's unbounded integers.
 *
 * An int is either a *small int* tagged inside the Value word (object.h) or an
 * ObjInt holding a GMP integer (mpz).  Every operation first tries the small
 * fast path with the compiler's overflow-checking builtins and only falls back
 * to GMP when a result leaves the tagged range; every GMP result is then
 * normalised back to a small int when it fits, so each integer has exactly
 * one representation (and `==` on two small ints is a word compare).
 *
 * Python semantics that differ from C's:
 *   - floor division and modulo round toward minus infinity, so the
 *     remainder takes the sign of the divisor (-7 // 2 == -4, -7 % 2 == 1);
 *   - & | ^ ~ >> act as if ints were infinite two's complement bit strings
 *     (GMP's mpz_and/mpz_ior/mpz_xor/mpz_com/mpz_fdiv_q_2exp do the same);
 *   - `/` is true division: the correctly rounded double of the exact quotient;
 *   - a negative exponent in ** gives a float (2 ** -1 == 0.5).
 *
 * GMP aborts the process when a number outgrows its size fields, so every
 * operation that can grow a result (*, **, <<) estimates the result's size
 * first and raises MemoryError beyond INT_MAX_BITS.  GMP's memory comes from
 * the garbage collector (see rt_int_init), through gc_alloc, which cannot
 * fail: GMP's allocation functions must not return NULL.  So under a heap
 * limit (or ulimit -v) an operation whose result can be big asks the heap
 * for room for the result and GMP's scratch first (big_room), and raises
 * MemoryError where there is none, as CPython does when malloc fails.
 */
#include <assert.h>
#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "runtime.h"
#include "version.h"
#include "class.h"
#include "buffer.h"

static_assert(sizeof(((ObjInt *)0)->z) == sizeof(__mpz_struct),
              "ObjInt.z must have the layout of GMP's __mpz_struct");

/* CPython 3.11's limit on decimal int<->str conversions (sys.set_int_max_str_digits);
 * 0 disables it. */
int rt_int_max_str_digits = 4300;

/* Results larger than this many bits raise MemoryError instead of asking GMP
 * (and the heap) for gigabytes. */
#define INT_MAX_BITS ((uint64_t)1 << 32)

/* ---- GMP memory through the GC ----------------------------------------- */

/* Scanned, not atomic: GMP's temporary blocks (TMP_ALLOC in its reentrant
 * mode) are chained through pointers stored inside the blocks themselves,
 * so a block only the next one points to must be seen by the collector, or
 * it is reclaimed while GMP still uses it (42 ** 2**23 crashed).  Scanning
 * limbs costs a third more instructions on bench/pidigits.py; allocating
 * atomic only below GMP's on-stack threshold (0x7f00) was not enough. */
static void *gmp_alloc(size_t n) { return gc_alloc(n); }
static void *gmp_realloc(void *p, size_t old, size_t n) { (void)old; return gc_realloc(p, n); }
static void gmp_free(void *p, size_t n) { (void)p; (void)n; /* the GC reclaims it */ }

/* Room for a result of `bits` bits `copies` times over (the result and what
 * GMP allocates besides: a copy of an operand, a temporary, a product's
 * scratch).  A small request is left to the reserve (gc.c); a big one is
 * asked of the heap, which collects first when it finds no room, so a
 * heap full of garbage does not refuse.  With no limit, always yes. */
static bool big_room(uint64_t bits, unsigned copies)
{
    return gc_room_for(bits / 8 + 64, copies);
}

/* ---- Representation helpers ---------------------------------------------- */

/* The GMP integer inside an ObjInt (through void * because object.h spells
 * the same layout as an anonymous struct). */
static inline mpz_ptr big_z(ObjInt *o) { return (mpz_ptr)(void *)&o->z; }
#define Z(o) big_z(o)

static ObjInt *big_new(void)
{
    ObjInt *o = gc_alloc(sizeof *o);
    o->ob.type = &rt_int_type;
    mpz_init(Z(o));
    return o;
}

/* The normal form of a freshly computed big result: small when it fits. */
static Value big_finish(ObjInt *o)
{
    mpz_srcptr z = Z(o);
    if (mpz_fits_slong_p(z)) {
        long l = mpz_get_si(z);
        if (small_fits(l))
            return small_new(l);
    }
    return obj_val(o);
}

static Value int_from_mpz(mpz_srcptr z)
{
    ObjInt *o = big_new();
    mpz_set(Z(o), z);
    return big_finish(o);
}

/* A read-only mpz view of any int, without allocating for small ones: the
 * one limb lives in the caller's BigArg. */
typedef struct BigArg {
    mpz_t z;
    mp_limb_t limb;
} BigArg;

static mpz_srcptr big_arg(Value v, BigArg *a)
{
    if (!val_is_small(v))
        return Z(VAL_AS(ObjInt, v));
    intptr_t i = small_value(v);
    a->limb = i < 0 ? -(mp_limb_t)i : (mp_limb_t)i;
    return mpz_roinit_n(a->z, &a->limb, i < 0 ? -1 : i > 0);
}

/* The canonical int of an instance of an int subclass (always an ObjInt,
 * see int_new): a small int when it fits, else a plain-int copy. */
static Value subclass_value(Value v)
{
    mpz_srcptr z = Z(VAL_AS(ObjInt, v));
    if (mpz_fits_slong_p(z) && small_fits(mpz_get_si(z)))
        return small_new(mpz_get_si(z));
    ObjInt *o = big_new();
    mpz_set(Z(o), z);
    return obj_val(o);
}

/* The canonical int behind v (bools become 0/1, subclass instances their
 * plain value), or VAL_NULL if v is not an int. */
static Value int_arg(Value v)
{
    if (val_is_small(v))
        return v;
    ObjType *t = val_obj(v)->type;
    if (t == &rt_int_type)
        return v;
    if (v == rt_True)
        return small_new(1);
    if (v == rt_False)
        return small_new(0);
    if (t->flags & TF_INT_SUBCLASS)
        return subclass_value(v);
    return VAL_NULL;
}

Value rt_int_unbool(Value v)
{
    if (val_is_small(v) || val_obj(v)->type == &rt_int_type)
        return v;
    if (v == rt_True)
        return small_new(1);
    if (v == rt_False)
        return small_new(0);
    if (val_obj(v)->type->flags & TF_INT_SUBCLASS)
        return subclass_value(v);
    return v;
}

static Value int_unary(Value v, int op);

static uint64_t bits_of(Value v)
{
    return rt_int_bit_length(v);
}

/* ---- Construction ---------------------------------------------------------- */

Value rt_int_from_i64(int64_t i)
{
    if (small_fits(i))
        return small_new((intptr_t)i);
    ObjInt *o = big_new();
    mpz_set_si(Z(o), i);
    return obj_val(o);
}

Value rt_int_from_u64(uint64_t u)
{
    if (u <= (uint64_t)SMALL_MAX)
        return small_new((intptr_t)u);
    ObjInt *o = big_new();
    mpz_set_ui(Z(o), u);
    return obj_val(o);
}

Value rt_int_from_digits15(const uint16_t *digits, size_t ndigits, bool negative)
{
    ObjInt *o = big_new();
    /* Each 16-bit word carries 15 value bits and one "nail" bit GMP ignores. */
    mpz_import(Z(o), ndigits, -1, sizeof(uint16_t), 0, 1, digits);
    if (negative)
        mpz_neg(Z(o), Z(o));
    return big_finish(o);
}

Value rt_int_from_double(double d)
{
    if (isnan(d))
        return rt_raisef(&rt_ValueError, "cannot convert float NaN to integer");
    if (isinf(d))
        return rt_raisef(&rt_OverflowError, "cannot convert float infinity to integer");
    if (fabs(d) < 4611686018427387904.0)   /* 2**62: within the small range */
        return small_new((intptr_t)d);
    ObjInt *o = big_new();
    mpz_set_d(Z(o), d);                    /* exact: |d| >= 2**62 is integral */
    return obj_val(o);
}

/* ---- Conversions out ------------------------------------------------------- */

/* Whether v (unboxed) is an int; else TypeError, where reading it as one
 * would read another object's memory ((5).to_bytes(None) did). */
static bool int_checked(Value v)
{
    if (is_int(v))
        return true;
    rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
}

bool rt_int_as_i64(Value v, int64_t *out)
{
    v = rt_int_unbool(v);
    if (val_is_small(v)) {
        *out = small_value(v);
        return true;
    }
    if (!int_checked(v))
        return false;
    mpz_srcptr z = Z(VAL_AS(ObjInt, v));
    if (!mpz_fits_slong_p(z)) {
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C long");
        return false;
    }
    *out = mpz_get_si(z);
    return true;
}

bool rt_int_as_int(Value v, int *out)
{
    int64_t i;
    if (!rt_int_as_i64(v, &i) || i < INT32_MIN || i > INT32_MAX) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = (int)i;
    return true;
}

bool rt_int_as_u64(Value v, uint64_t *out)
{
    v = rt_int_unbool(v);
    if (val_is_small(v) && small_value(v) >= 0) {
        *out = (uint64_t)small_value(v);
        return true;
    }
    if (!val_is_small(v) && !int_checked(v))
        return false;
    mpz_srcptr z = val_is_small(v) ? NULL : Z(VAL_AS(ObjInt, v));
    if (z == NULL || mpz_sgn(z) < 0) {
        rt_raisef(&rt_OverflowError, "can't convert negative int to unsigned");
        return false;
    }
    if (!mpz_fits_ulong_p(z)) {
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C unsigned long");
        return false;
    }
    *out = mpz_get_ui(z);
    return true;
}

int rt_int_sign(Value v)
{
    v = rt_int_unbool(v);
    if (val_is_small(v)) {
        intptr_t i = small_value(v);
        return (i > 0) - (i < 0);
    }
    return mpz_sgn(Z(VAL_AS(ObjInt, v)));
}

size_t rt_int_bit_length(Value v)
{
    v = rt_int_unbool(v);
    if (val_is_small(v)) {
        intptr_t i = small_value(v);
        uint64_t u = i < 0 ? -(uint64_t)i : (uint64_t)i;
        return u ? 64 - (size_t)__builtin_clzll(u) : 0;
    }
    return mpz_sizeinbase(Z(VAL_AS(ObjInt, v)), 2);
}

/* The double nearest to  q * 2**exp2  (q >= 0), rounding half to even, where
 * `inexact` says the true value is a little above q * 2**exp2 (a "sticky"
 * bit from an earlier division).  Rounding is done once, at the right bit
 * even for subnormal results, so the answer is correctly rounded.  Returns
 * inf on overflow. */
static double mpz_scaled_to_double(mpz_srcptr q, long exp2, bool inexact)
{
    long nbits = (long)mpz_sizeinbase(q, 2);
    long drop = nbits - 53;                 /* bits below the 53 we keep */
    if (exp2 + drop < -1074)
        drop = -1074 - exp2;                /* subnormal: keep fewer bits */
    if (drop <= 0)
        return ldexp(mpz_get_d(q), (int)exp2);   /* exact */
    mpz_t m;
    mpz_init(m);
    mpz_tdiv_q_2exp(m, q, (mp_bitcnt_t)drop);
    bool half = mpz_tstbit(q, (mp_bitcnt_t)(drop - 1));
    bool below = inexact || mpz_scan1(q, 0) < (mp_bitcnt_t)(drop - 1);
    if (half && (below || mpz_odd_p(m)))
        mpz_add_ui(m, m, 1);
    if (exp2 + drop > 2000)
        return HUGE_VAL;
    return ldexp(mpz_get_d(m), (int)(exp2 + drop));
}

double rt_int_as_double(Value v, bool *overflow)
{
    v = rt_int_unbool(v);
    *overflow = false;
    if (val_is_small(v))
        return (double)small_value(v);      /* the C conversion rounds to nearest */
    mpz_srcptr z = Z(VAL_AS(ObjInt, v));
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    double d = mpz_scaled_to_double(a, 0, false);
    if (isinf(d))
        *overflow = true;
    return mpz_sgn(z) < 0 ? -d : d;
}

/* Exact comparison of an int with a finite double: -1, 0 or 1.  Compares
 * floor(d) as an exact integer, then the fractional part breaks a tie. */
int rt_int_cmp_double(Value v, double d)
{
    v = rt_int_unbool(v);
    if (val_is_small(v) && fabs(d) < 4611686018427387904.0) {
        intptr_t i = small_value(v);
        double fl = floor(d);
        intptr_t f = (intptr_t)fl;
        if (i != f)
            return i < f ? -1 : 1;
        return d > fl ? -1 : 0;
    }
    BigArg ba;
    mpz_t f;
    double fl = floor(d);
    mpz_init_set_d(f, fl);
    int c = mpz_cmp(big_arg(v, &ba), f);
    if (c != 0)
        return c < 0 ? -1 : 1;
    return d > fl ? -1 : 0;
}

/* ---- Small-int fast paths ------------------------------------------------- */

static Value raise_zero_div(int op)
{
    if (rt_py_minor >= 14)              /* 3.14: one message for every operator */
        return rt_raisef(&rt_ZeroDivisionError, "division by zero");
    if (op == NB_REMAINDER)
        return rt_raisef(&rt_ZeroDivisionError, "integer modulo by zero");
    if (op == NB_TRUE_DIVIDE)
        return rt_raisef(&rt_ZeroDivisionError, "division by zero");
    return rt_raisef(&rt_ZeroDivisionError, "integer division or modulo by zero");
}

static Value negative_shift(void)
{
    return rt_raisef(&rt_ValueError, "negative shift count");
}

/* x ** y for y >= 0 by repeated squaring; false when it overflows 64 bits. */
static bool small_pow(int64_t x, int64_t y, int64_t *out)
{
    int64_t r = 1;
    while (y > 0) {
        if ((y & 1) && __builtin_mul_overflow(r, x, &r))
            return false;
        y >>= 1;
        if (y > 0 && __builtin_mul_overflow(x, x, &x))
            return false;
    }
    *out = r;
    return true;
}

static Value int_pair(Value a, Value b)
{
    Value t = rt_tuple_new(2);
    AS_TUPLE(t)->items[0] = a;
    AS_TUPLE(t)->items[1] = b;
    return t;
}

/* Tries op on two small ints.  Returns false when the result needs GMP (or
 * float arithmetic); otherwise stores the result — VAL_NULL on an error —
 * in *out. */
static bool small_binop(int64_t x, int64_t y, int op, Value *out)
{
    int64_t r;
    switch (op) {
    case NB_ADD: *out = rt_int_from_i64(x + y); return true;       /* |x|,|y| < 2**62 */
    case NB_SUBTRACT: *out = rt_int_from_i64(x - y); return true;
    case NB_MULTIPLY:
        if (__builtin_mul_overflow(x, y, &r))
            return false;
        *out = rt_int_from_i64(r);
        return true;
    case NB_FLOOR_DIVIDE: case NB_REMAINDER: case NB_DIVMOD: {
        if (y == 0) { *out = raise_zero_div(op); return true; }
        int64_t q = x / y, m = x % y;       /* rounded towards zero: floor them */
        if (m != 0 && ((m < 0) != (y < 0))) {
            q--;
            m += y;
        }
        *out = op == NB_FLOOR_DIVIDE ? rt_int_from_i64(q) : op == NB_REMAINDER ? small_new(m)
             : int_pair(rt_int_from_i64(q), small_new(m));
        return true;
    }
    case NB_TRUE_DIVIDE:
        if (y == 0) { *out = raise_zero_div(op); return true; }
        if (x > (1LL << 53) || x < -(1LL << 53) || y > (1LL << 53) || y < -(1LL << 53))
            return false;                   /* not exactly representable */
        *out = rt_float_new((double)x / (double)y);
        return true;
    case NB_POWER:
        if (y < 0 || !small_pow(x, y, &r))
            return false;
        *out = rt_int_from_i64(r);
        return true;
    case NB_LSHIFT:
        if (y < 0) { *out = negative_shift(); return true; }
        if (x == 0) { *out = small_new(0); return true; }
        if (y >= 62 || x > (SMALL_MAX >> y) || x < (SMALL_MIN >> y))
            return false;
        *out = small_new((int64_t)((uint64_t)x << y));
        return true;
    case NB_RSHIFT:
        if (y < 0) { *out = negative_shift(); return true; }
        *out = small_new(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
        return true;
    case NB_AND: *out = small_new(x & y); return true;
    case NB_OR: *out = small_new(x | y); return true;
    case NB_XOR: *out = small_new(x ^ y); return true;
    default: *out = rt_NotImplemented; return true;
    }
}

/* ---- Big-int operations --------------------------------------------------- */

static Value too_big(void)
{
    return rt_raise_nomemory();
}

/* a / b correctly rounded (CPython's long_true_divide gives the same). */
static Value big_true_divide(mpz_srcptr a, mpz_srcptr b)
{
    if (mpz_sgn(b) == 0)
        return raise_zero_div(NB_TRUE_DIVIDE);
    if (mpz_sgn(a) == 0)
        return rt_float_new(mpz_sgn(b) < 0 ? -0.0 : 0.0);
    long na = (long)mpz_sizeinbase(a, 2), nb = (long)mpz_sizeinbase(b, 2);
    if (!big_room((uint64_t)(na + nb) + 64, 2))     /* |a|, |b| scaled, q, r */
        return too_big();
    /* Scale so the integer quotient has at least 55 bits: 53 to keep, one
     * to round with, and a remainder folded into a sticky bit. */
    long shift = 55 - (na - nb);
    mpz_t num, den, q, r;
    mpz_inits(num, den, q, r, NULL);
    mpz_abs(num, a);
    mpz_abs(den, b);
    if (shift > 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)shift);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-shift);
    mpz_tdiv_qr(q, r, num, den);
    double d = mpz_scaled_to_double(q, -shift, mpz_sgn(r) != 0);
    if (isinf(d))
        return rt_raisef(&rt_OverflowError, "integer division result too large for a float");
    return rt_float_new(mpz_sgn(a) * mpz_sgn(b) < 0 ? -d : d);
}

/* base ** exp for exp >= 0; exp may be big only for trivial bases. */
static Value big_pow(Value base, Value exp, mpz_srcptr a, mpz_srcptr e)
{
    if (mpz_cmp_si(a, 1) == 0 || mpz_sgn(a) == 0 || mpz_sgn(e) == 0)
        return mpz_sgn(e) == 0 ? small_new(1) : base;
    if (mpz_cmp_si(a, -1) == 0)
        return mpz_odd_p(e) ? base : small_new(1);
    if (!mpz_fits_ulong_p(e))
        return too_big();
    unsigned long n = mpz_get_ui(e);
    if ((double)(bits_of(base) - 1) * (double)n > (double)INT_MAX_BITS)
        return too_big();
    /* n * log2|a| bits (2 ** n: n + 1, where n * bit_length would say 2n);
     * GMP squares into a temporary as large as the result. */
    long exp2;
    double mant = mpz_get_d_2exp(&exp2, a);
    if (!big_room((uint64_t)((double)n * ((double)exp2 + log2(fabs(mant)))) + 1, 2))
        return too_big();
    ObjInt *o = big_new();
    mpz_pow_ui(Z(o), a, n);
    return big_finish(o);
}

static Value big_lshift(Value va, mpz_srcptr a, mpz_srcptr n)
{
    if (mpz_sgn(n) < 0)
        return negative_shift();
    if (mpz_sgn(a) == 0)
        return small_new(0);
    if (!mpz_fits_ulong_p(n) || bits_of(va) + mpz_get_ui(n) > INT_MAX_BITS ||
        !big_room(bits_of(va) + mpz_get_ui(n), 1))
        return too_big();
    ObjInt *o = big_new();
    mpz_mul_2exp(Z(o), a, mpz_get_ui(n));
    return big_finish(o);
}

static Value big_rshift(mpz_srcptr a, mpz_srcptr n)
{
    if (mpz_sgn(n) < 0)
        return negative_shift();
    if (!mpz_fits_ulong_p(n))
        return small_new(mpz_sgn(a) < 0 ? -1 : 0);
    ObjInt *o = big_new();
    mpz_fdiv_q_2exp(Z(o), a, mpz_get_ui(n));
    return big_finish(o);
}

/* The bits of a's and b's limbs together: what a product, or a division
 * and its copies, takes. */
static uint64_t limb_bits(mpz_srcptr a, mpz_srcptr b)
{
    return (uint64_t)(mpz_size(a) + mpz_size(b)) * GMP_LIMB_BITS;
}

static Value big_binop(Value va, Value vb, int op)
{
    BigArg ba, bb;
    mpz_srcptr a = big_arg(va, &ba), b = big_arg(vb, &bb);
    switch (op) {
    case NB_TRUE_DIVIDE: return big_true_divide(a, b);
    case NB_POWER:
        if (mpz_sgn(b) < 0)
            return rt_float_binop(va, vb, NB_POWER);
        return big_pow(va, vb, a, b);
    case NB_LSHIFT: return big_lshift(va, a, b);
    case NB_RSHIFT: return big_rshift(a, b);
    case NB_FLOOR_DIVIDE: case NB_REMAINDER:
        if (mpz_sgn(b) == 0)
            return raise_zero_div(op);
        if (!big_room(limb_bits(a, b), 2))          /* the results, GMP's copies */
            return too_big();
        break;
    case NB_DIVMOD: {
        if (mpz_sgn(b) == 0)
            return raise_zero_div(op);
        if (!big_room(limb_bits(a, b), 2))
            return too_big();
        ObjInt *q = big_new(), *m = big_new();
        mpz_fdiv_qr(Z(q), Z(m), a, b);
        return int_pair(big_finish(q), big_finish(m));
    }
    case NB_MULTIPLY:       /* GMP's scratch: about the product's size */
        if (bits_of(va) + bits_of(vb) > INT_MAX_BITS || !big_room(limb_bits(a, b), 2))
            return too_big();
        break;
    case NB_ADD: case NB_SUBTRACT: case NB_AND: case NB_OR: case NB_XOR: {
        size_t na = mpz_size(a), nb = mpz_size(b);      /* limbs */
        if (!big_room((uint64_t)((na > nb ? na : nb) + 1) * GMP_LIMB_BITS, 1))
            return too_big();
        break;
    }
    default:
        return rt_NotImplemented;
    }
    ObjInt *o = big_new();
    mpz_ptr r = Z(o);
    switch (op) {
    case NB_ADD: mpz_add(r, a, b); break;
    case NB_SUBTRACT: mpz_sub(r, a, b); break;
    case NB_MULTIPLY: mpz_mul(r, a, b); break;
    case NB_FLOOR_DIVIDE: mpz_fdiv_q(r, a, b); break;
    case NB_REMAINDER: mpz_fdiv_r(r, a, b); break;
    case NB_AND: mpz_and(r, a, b); break;
    case NB_OR: mpz_ior(r, a, b); break;
    case NB_XOR: mpz_xor(r, a, b); break;
    }
    return big_finish(o);
}

/* ---- Two-limb ints in 128-bit arithmetic ------------------------------------ */

/*
 * Ints a little beyond the tagged range — the 64-bit state of a linear
 * congruential generator, `x * 6364136223846793005 % (1 << 64)` — are common
 * in ordinary programs.  Through GMP each operation costs a call per step, an
 * ObjInt and a separately allocated limb array; bench/records.py spent 11% of
 * its instructions there.  When both operands' magnitudes fit in a signed
 * 128-bit integer, +, -, *, //, %, >>, <<, &, |, ^ are done in the compiler's
 * __int128 instead, and a result outside the tagged range is one allocation:
 * the ObjInt with its limbs right after it (a finished int is never written
 * again, so GMP never reallocates those limbs).
 */
#if defined(__SIZEOF_INT128__) && GMP_LIMB_BITS == 64
#define HAVE_I128 1
typedef __int128 i128;
typedef unsigned __int128 u128;
#define I128_MAX ((i128)(((u128)1 << 127) - 1))

static bool i128_arg(Value v, i128 *out)
{
    if (val_is_small(v)) {
        *out = small_value(v);
        return true;
    }
    mpz_srcptr z = Z(VAL_AS(ObjInt, v));
    int n = z->_mp_size < 0 ? -z->_mp_size : z->_mp_size;
    if (n > 2)
        return false;
    const mp_limb_t *d = z->_mp_d;
    u128 m = n == 0 ? 0 : n == 1 ? d[0] : ((u128)d[1] << 64) | d[0];
    if (m > (u128)I128_MAX)
        return false;
    *out = z->_mp_size < 0 ? -(i128)m : (i128)m;
    return true;
}

static Value int_from_i128(i128 v)
{
    if (v >= SMALL_MIN && v <= SMALL_MAX)
        return small_new((intptr_t)v);
    u128 m = v < 0 ? -(u128)v : (u128)v;
    int n = (m >> 64) != 0 ? 2 : 1;
    /* Only the limbs it needs: a value below 2**64 fits in 32 bytes, not
     * 48 (records' 64-bit LCG state: a third of its 128-bit ints). */
    ObjInt *o = gc_alloc(sizeof *o + n * sizeof(mp_limb_t));
    o->ob.type = &rt_int_type;
    mp_limb_t *d = (mp_limb_t *)(o + 1);
    d[0] = (mp_limb_t)m;
    if (n == 2)
        d[1] = (mp_limb_t)(m >> 64);
    mpz_ptr z = Z(o);
    z->_mp_alloc = n;
    z->_mp_size = v < 0 ? -n : n;
    z->_mp_d = d;
    return obj_val(o);
}

/* x op y for operands that fit in 128 bits (op plain); false when the
 * result (or the operation) needs GMP. */
static bool i128_op(i128 x, i128 y, int op, i128 *out)
{
    i128 r;
    switch (op) {
    case NB_ADD:
        if (__builtin_add_overflow(x, y, &r))
            return false;
        break;
    case NB_SUBTRACT:
        if (__builtin_sub_overflow(x, y, &r))
            return false;
        break;
    case NB_MULTIPLY:
        if (__builtin_mul_overflow(x, y, &r))
            return false;
        break;
    case NB_FLOOR_DIVIDE: case NB_REMAINDER: {
        if (y > 0 && (y & (y - 1)) == 0) {  /* a power of two: shift and mask floor */
            u128 uy = (u128)y;
            int k = (uint64_t)uy != 0 ? __builtin_ctzll((uint64_t)uy)
                                      : 64 + __builtin_ctzll((uint64_t)(uy >> 64));
            r = op == NB_FLOOR_DIVIDE ? x >> k : x & (y - 1);
            break;
        }
        if (y == 0 || (x == -I128_MAX - 1 && y == -1))
            return false;                   /* GMP's path raises or grows */
        i128 q, m;                          /* rounded towards zero: floor them */
        if (x == (int64_t)x && y == (int64_t)y && y != -1) {
            q = (int64_t)x / (int64_t)y;    /* a machine division, not __divti3's */
            m = (int64_t)x % (int64_t)y;
        } else {
            q = x / y;
            m = x % y;
        }
        if (m != 0 && ((m < 0) != (y < 0))) {
            q--;
            m += y;
        }
        r = op == NB_FLOOR_DIVIDE ? q : m;
        break;
    }
    case NB_RSHIFT:
        if (y < 0)
            return false;
        r = y >= 127 ? (x < 0 ? -1 : 0) : x >> y;
        break;
    case NB_LSHIFT:
        if (y < 0 || y >= 126 || x > (I128_MAX >> y) || x < ((-I128_MAX - 1) >> y))
            return false;
        r = (i128)((u128)x << y);
        break;
    case NB_AND: r = x & y; break;
    case NB_OR: r = x | y; break;
    case NB_XOR: r = x ^ y; break;
    default:
        return false;
    }
    *out = r;
    return true;
}

/* Like small_binop, for operands that fit in 128 bits. */
static bool i128_binop(i128 x, i128 y, int op, Value *out)
{
    i128 r;
    if (!i128_op(x, y, op, &r))
        return false;
    *out = int_from_i128(r);
    return true;
}
#endif

#ifdef __SIZEOF_INT128__
bool rt_int_i128_start(Value a, Value b, int op, RtI128 *acc)
{
#ifdef HAVE_I128
    i128 x, y;
    return is_int(a) && is_int(b) && i128_arg(a, &x) && i128_arg(b, &y) &&
           i128_op(x, y, rt_nb_plain(op), acc);
#else
    (void)a, (void)b, (void)op, (void)acc;
    return false;
#endif
}

bool rt_int_i128_step(RtI128 *acc, int op, Value k)
{
#ifdef HAVE_I128
    i128 y;
    return is_int(k) && i128_arg(k, &y) && i128_op(*acc, y, rt_nb_plain(op), acc);
#else
    (void)acc, (void)op, (void)k;
    return false;
#endif
}

Value rt_int_from_i128(RtI128 v)
{
#ifdef HAVE_I128
    return int_from_i128(v);
#else
    (void)v;
    return VAL_NULL;                    /* never reached: start fails */
#endif
}
#endif

Value rt_int_binop(Value a, Value b, int op)
{
    a = int_arg(a);
    b = int_arg(b);
    if (!a || !b)
        return rt_NotImplemented;
    op = rt_nb_plain(op);
    if (val_is_small(a) && val_is_small(b)) {
        Value r;
        if (small_binop(small_value(a), small_value(b), op, &r))
            return r;
    }
#ifdef HAVE_I128
    i128 x, y;
    Value r;
    if (i128_arg(a, &x) && i128_arg(b, &y) && i128_binop(x, y, op, &r))
        return r;
#endif
    return big_binop(a, b, op);
}

/* round(v, -n) = the multiple of 10**n nearest v, ties to the even one. */
Value rt_int_round(Value v, Value ndigits)
{
    v = int_arg(v);
    ndigits = int_arg(ndigits);
    if (!v || !ndigits)
        return rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", ndigits);
    if (rt_int_sign(ndigits) >= 0)
        return int_unary(v, UN_POS);
    /* When 3n > v's bit count + 1, 10**n > 2**(3n) > 2|v|: v rounds to 0,
     * found at once, without making 10**n (CPython makes it, however large
     * n is: round(1, -10**9) runs for hours there; the answer is the same). */
    int64_t n;
    if (!val_is_small(ndigits) || (n = -small_value(ndigits)) > (int64_t)(bits_of(v) + 1) / 3)
        return small_new(0);
    BigArg ba;
    mpz_t p, q, r;
    if (!big_room((uint64_t)n * 10 / 3 + bits_of(v), 3))   /* 10**n, q, r: log2(10) < 10/3 */
        return too_big();
    mpz_inits(p, q, r, NULL);
    mpz_ui_pow_ui(p, 10, (unsigned long)n);
    mpz_fdiv_qr(q, r, big_arg(v, &ba), p);
    mpz_mul_2exp(r, r, 1);                 /* compare 2r with 10**n */
    int c = mpz_cmp(r, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    return int_from_mpz(q);
}

/* ---- Unary operations, comparison, hash ----------------------------------- */

static Value int_unary(Value v, int op)
{
    v = int_arg(v);
    if (v == VAL_NULL)
        return rt_NotImplemented;
    switch (op) {
    case UN_ABS: op = rt_int_sign(v) < 0 ? UN_NEG : UN_POS; break;
    case UN_FLOAT: return rt_float_from(v);
    case UN_INT: case UN_INDEX: op = UN_POS; break;     /* the exact int */
    }
    if (val_is_small(v)) {
        intptr_t i = small_value(v);
        switch (op) {
        case UN_NEG: return rt_int_from_i64(-(int64_t)i);
        case UN_POS: return v;
        case UN_INVERT: return small_new(~i);
        }
    }
    if (op == UN_POS)       /* +x is x itself, as an exact int */
        return val_obj(v)->type == &rt_int_type ? v : int_from_mpz(Z(VAL_AS(ObjInt, v)));
    if (!big_room(bits_of(v) + 1, 1))
        return too_big();
    ObjInt *o = big_new();
    if (op == UN_NEG)
        mpz_neg(Z(o), Z(VAL_AS(ObjInt, v)));
    else
        mpz_com(Z(o), Z(VAL_AS(ObjInt, v)));
    return big_finish(o);
}

int rt_int_cmp(Value a, Value b)
{
    a = rt_int_unbool(a);
    b = rt_int_unbool(b);
    if (val_is_small(a) && val_is_small(b)) {
        intptr_t x = small_value(a), y = small_value(b);
        return (x > y) - (x < y);
    }
    BigArg ba, bb;
    int c = mpz_cmp(big_arg(a, &ba), big_arg(b, &bb));
    return (c > 0) - (c < 0);
}

Value rt_int_richcompare(Value a, Value b, int op)
{
    a = int_arg(a);
    b = int_arg(b);
    if (!a || !b)
        return rt_NotImplemented;
    return rt_bool(rt_cmp_holds(rt_int_cmp(a, b), op));
}

/* CPython's numeric hash: the value modulo the Mersenne prime 2**61 - 1,
 * keeping the sign, with -1 (the C "error" value) changed to -2. */
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

intptr_t rt_int_hash(Value v)
{
    v = rt_int_unbool(v);
    int64_t h;
    if (val_is_small(v)) {
        int64_t i = small_value(v);
        h = i < 0 ? -(int64_t)((uint64_t)-i % HASH_MODULUS) : (int64_t)((uint64_t)i % HASH_MODULUS);
    } else {
        mpz_srcptr z = Z(VAL_AS(ObjInt, v));
        h = (int64_t)mpz_tdiv_ui(z, HASH_MODULUS);
        if (mpz_sgn(z) < 0)
            h = -h;
    }
    return h == -1 ? -2 : (intptr_t)h;
}

static intptr_t int_hash_slot(Value v) { return rt_int_hash(v); }

static int int_truth(Value v)
{
    return rt_int_sign(v) != 0;
}

/* ---- Modular power ---------------------------------------------------------- */

Value rt_int_pow_mod(Value base, Value exp, Value mod)
{
    base = int_arg(base);
    exp = int_arg(exp);
    mod = int_arg(mod);
    if (!base || !exp || !mod)
        return rt_raisef(&rt_TypeError,
                         "pow() 3rd argument not allowed unless all arguments are integers");
    BigArg bb, be, bm;
    mpz_srcptr b = big_arg(base, &bb), e = big_arg(exp, &be), m = big_arg(mod, &bm);
    if (mpz_sgn(m) == 0)
        return rt_raisef(&rt_ValueError, "pow() 3rd argument cannot be 0");
    /* |m|, the result and GMP's scratch (a few numbers of |m|'s size); b is
     * reduced first, but its copy is made whole. */
    if (!big_room(bits_of(mod), 4) || !big_room(bits_of(base), 1))
        return too_big();
    mpz_t absm, r, inv;
    mpz_inits(absm, r, inv, NULL);
    mpz_abs(absm, m);
    mpz_set(inv, b);
    if (mpz_sgn(e) < 0 && !mpz_invert(inv, b, absm)) {
        if (mpz_cmp_ui(absm, 1) != 0)
            return rt_raisef(&rt_ValueError, "base is not invertible for the given modulus");
    }
    mpz_t abse;
    mpz_init(abse);
    mpz_abs(abse, e);
    mpz_powm(r, inv, abse, absm);           /* 0 <= r < |m| */
    if (mpz_sgn(m) < 0 && mpz_sgn(r) != 0)
        mpz_add(r, r, m);                   /* the result takes the modulus's sign */
    return int_from_mpz(r);
}

/* ---- Text ------------------------------------------------------------------ */

static Value digits_limit_error(void)
{
    return rt_raisef(&rt_ValueError,
                     "Exceeds the limit (%d digits) for integer string conversion; "
                     "use sys.set_int_max_str_digits() to increase the limit",
                     rt_int_max_str_digits);
}

/* Digits of |z| in `base` (sign handled by the caller), GC-allocated. */
static char *mpz_digits(mpz_srcptr z, int base, size_t *len)
{
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    char *buf = gc_alloc_atomic(mpz_sizeinbase(a, base) + 2);   /* big_room asked */
    mpz_get_str(buf, base, a);
    *len = strlen(buf);
    return buf;
}

/* Sign, prefix and digits of v in the given base, as a str. */
size_t rt_i64_decimal(int64_t v, char *buf)
{
    /* Digits from the last, of the magnitude as unsigned (INT64_MIN's has
     * no signed counterpart). */
    char tmp[RT_I64_DECIMAL_MAX];
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    size_t len = 0;
    if (v < 0)
        buf[len++] = '-';
    while (n > 0)
        buf[len++] = tmp[--n];
    buf[len] = 0;
    return len;
}

static Value int_format(Value v, int base, const char *prefix)
{
    v = rt_int_unbool(v);
    if (val_is_small(v) && base == 10 && !*prefix) {
        char buf[RT_I64_DECIMAL_MAX];
        size_t n = rt_i64_decimal(small_value(v), buf);
        return rt_str_new_known(buf, n, n, true);
    }
    if (val_is_small(v)) {              /* hex, octal, binary: no GMP */
        int64_t x = small_value(v);
        uint64_t u = x < 0 ? -(uint64_t)x : (uint64_t)x;
        char buf[72];
        char *p = buf + sizeof buf;
        do {
            *--p = "0123456789abcdef"[u % (unsigned)base];
            u /= (unsigned)base;
        } while (u != 0);
        size_t np = strlen(prefix);
        p -= np;
        memcpy(p, prefix, np);
        if (x < 0)
            *--p = '-';
        size_t n = (size_t)(buf + sizeof buf - p);
        return rt_str_new_known(p, n, n, true);
    }
    BigArg ba;
    mpz_srcptr z = big_arg(v, &ba);
    int limit = rt_int_max_str_digits;
    if (base == 10 && limit > 0 && mpz_sizeinbase(z, 10) > (size_t)limit + 1)
        return digits_limit_error();        /* certainly too long: skip the work */
    /* The digits twice (mpz_get_str's buffer, the str), |z| copied and,
     * in base 10, GMP's powers of the base: about two blocks of nd + nz. */
    size_t nd = mpz_sizeinbase(z, base), nz = mpz_size(z) * sizeof(mp_limb_t);
    if (!gc_room_for(nd + nz, 2))
        return too_big();
    size_t n;
    char *digits = mpz_digits(z, base, &n);
    if (base == 10 && limit > 0 && n > (size_t)limit)
        return digits_limit_error();
    StrBuf sb;
    sb_init(&sb);
    if (mpz_sgn(z) < 0)
        sb_addc(&sb, '-');
    sb_adds(&sb, prefix);
    sb_add(&sb, digits, n);
    return sb_finish(&sb);
}

Value rt_int_repr(Value v)
{
    return int_format(v, 10, "");
}

Value rt_int_to_base(Value v, int base, bool prefix)
{
    const char *p = "";
    if (prefix)
        p = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
    return int_format(v, base, p);
}

/* ---- Parsing: int(text, base) ------------------------------------------------ */

static bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Accept a "0x"/"0o"/"0b" prefix that matches *base (or pick the base from it
 * when *base is 0).  Returns the number of characters consumed. */
static size_t parse_prefix(const char *s, const char *end, int *base)
{
    if (end - s < 2 || s[0] != '0')
        return 0;
    char c = (char)(s[1] | 0x20);
    int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (pb == 0 || (*base != 0 && *base != pb))
        return 0;
    *base = pb;
    return 2;
}

/* Copy the digits of s..end into out (underscores removed), checking them
 * against base; an underscore is allowed only between digits, or right after
 * a base prefix.  Returns the digit count, or -1 if the text is invalid. */
static ssize_t collect_digits(const char *s, const char *end, int base,
                              bool after_prefix, char *out)
{
    ssize_t n = 0;
    bool prev_digit = after_prefix;
    for (; s < end; s++) {
        if (*s == '_') {
            if (!prev_digit)
                return -1;
            prev_digit = false;
            continue;
        }
        if (digit_value(*s) >= base)
            return -1;
        out[n++] = *s;
        prev_digit = true;
    }
    return n > 0 && prev_digit ? n : -1;
}

/* The first code point (the zero) of each run of ten Unicode decimal digits
 * above ASCII (Unicode 14, as python3.11's unicodedata): int('١٢') == 12. */
static const uint32_t unicode_zeros[] = {
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6,
    0xD66, 0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946,
    0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0,
    0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066,
    0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0,
    0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0,
    0x1E950, 0x1FBF0,
};

static int unicode_digit(uint32_t c)
{
    for (size_t i = 0; i < sizeof unicode_zeros / sizeof unicode_zeros[0]; i++)
        if (c >= unicode_zeros[i] && c < unicode_zeros[i] + 10)
            return (int)(c - unicode_zeros[i]);
    return -1;
}

const char *rt_numeric_ascii(Value str, size_t *len)
{
    ObjStr *s = AS_STR(str);
    *len = s->nbytes;
    if (s->ascii)
        return s->data;
    char *out = gc_alloc_atomic(s->length + 1);
    size_t n = 0;
    for (size_t i = 0; i < s->length; i++) {
        uint32_t c = rt_str_char_at(str, i);
        int d = c < 0x80 ? -1 : unicode_digit(c);
        if (c < 0x80)
            out[n++] = (char)c;
        else if (d >= 0)
            out[n++] = (char)('0' + d);
        else if (rt_uni_isspace(c))
            out[n++] = ' ';
        else {
            out[n++] = '?';                 /* certainly invalid: stop here */
            break;
        }
    }
    out[n] = 0;
    *len = n;
    return out;
}

/* Parses; on bad text returns VAL_NULL *without* an exception set, so the
 * caller can phrase the error with the original object's repr. */
static Value parse_int(const char *s, size_t len, int base)
{
    const char *end = s + len;
    while (s < end && is_space(*s)) s++;
    while (end > s && is_space(end[-1])) end--;
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-'))
        neg = *s++ == '-';
    int given = base;
    size_t plen = parse_prefix(s, end, &base);
    if (base == 0)
        base = 10;
    char small[64];                     /* most texts: no allocation */
    size_t room = (size_t)(end - s) + 1;
    char *buf = room <= sizeof small ? small : gc_alloc_atomic(room);
    ssize_t n = collect_digits(s + plen, end, base, plen > 0, buf);
    if (n < 0)
        return VAL_NULL;
    buf[n] = 0;
    if (given == 0 && base == 10 && buf[0] == '0' && strspn(buf, "0") != (size_t)n)
        return VAL_NULL;                    /* "010": leading zeros need a prefix */
    if (base == 10 && n <= 18) {            /* < 10**18: fits an int64_t, no GMP */
        int64_t v = 0;
        for (ssize_t i = 0; i < n; i++)
            v = v * 10 + (buf[i] - '0');
        return rt_int_from_i64(neg ? -v : v);
    }
    if (base != 2 && base != 4 && base != 8 && base != 16 && base != 32 &&
        rt_int_max_str_digits > 0 && n > rt_int_max_str_digits)
        return rt_raisef(&rt_ValueError,
                         "Exceeds the limit (%d digits) for integer string conversion: "
                         "value has %zd digits; use sys.set_int_max_str_digits() "
                         "to increase the limit", rt_int_max_str_digits, n);
    if (!big_room((uint64_t)n * 6, 2))     /* <= 6 bits a digit; GMP's powers */
        return too_big();
    ObjInt *o = big_new();
    mpz_set_str(Z(o), buf, base);
    if (neg)
        mpz_neg(Z(o), Z(o));
    return big_finish(o);
}

static Value bad_base(void)
{
    return rt_raisef(&rt_ValueError, "int() base must be >= 2 and <= 36, or 0");
}

/* repr(v) cut to its first 200 code points (CPython's "%.200R"). */
static Value short_repr(Value v)
{
    Value r = rt_repr(v);
    if (!r)
        return VAL_NULL;
    const char *t = rt_str_cstr(r);
    size_t nb = rt_str_nbytes(r), cut = 0;
    for (int cps = 0; cut < nb && cps < 200; cps++)
        for (cut++; cut < nb && (t[cut] & 0xC0) == 0x80; cut++) ;
    return cut == nb ? r : rt_str_new(t, cut);
}

/* int(text, base) where `orig` is the str/bytes the text came from
 * (VAL_NULL: a str of the text, made only for the error message). */
static Value int_from_text(Value orig, const char *s, size_t len, int base)
{
    if (base != 0 && (base < 2 || base > 36))
        return bad_base();
    Value r = parse_int(s, len, base);
    if (r || rt_err_occurred())
        return r;
    Value shown = short_repr(orig != VAL_NULL ? orig : rt_str_new(s, len));
    if (!shown)
        return VAL_NULL;
    return rt_raisef(&rt_ValueError, "invalid literal for int() with base %d: %S", base, shown);
}

Value rt_int_from_string(const char *s, size_t len, int base)
{
    return int_from_text(VAL_NULL, s, len, base);
}

/* ---- The int type ----------------------------------------------------------- */

/* The value of a keyword argument named `name`, or VAL_NULL. */
static Value kwarg(Value *args, size_t nargs, Value kwnames, const char *name, size_t *used)
{
    size_t nk = rt_nkwargs(kwnames);
    for (size_t i = 0; i < nk; i++)
        if (strcmp(rt_str_cstr(rt_tuple_get(kwnames, i)), name) == 0) {
            (*used)++;
            return args[nargs - nk + i];
        }
    return VAL_NULL;
}

/* Reject any keyword not in `allowed` (NULL-terminated), CPython's text. */
static bool check_kwnames(Value kwnames, const char *const *allowed, const char *fname)
{
    size_t nk = rt_nkwargs(kwnames);
    for (size_t i = 0; i < nk; i++) {
        Value k = rt_tuple_get(kwnames, i);
        bool ok = false;
        for (const char *const *a = allowed; *a; a++)
            ok |= strcmp(rt_str_cstr(k), *a) == 0;
        if (!ok) {
            rt_invalid_keyword(fname, k);
            return false;
        }
    }
    return true;
}

/* The bytes of a str, bytes or bytearray argument (or of a subclass). */
static bool text_of(Value v, const char **s, size_t *len)
{
    if (rt_is_str(v)) {
        *s = rt_numeric_ascii(v, len);
        return true;
    }
    if (val_is_small(v))
        return false;
    if (rt_isinstance_of(v, &rt_bytes_type)) {
        *s = (const char *)AS_BYTES(v)->data;
        *len = AS_BYTES(v)->length;
        return true;
    }
    if (rt_isinstance_of(v, &rt_bytearray_type)) {
        *s = (const char *)VAL_AS(ObjByteArray, v)->data;
        *len = VAL_AS(ObjByteArray, v)->length;
        return true;
    }
    return false;
}

Value rt_int_result(const char *name, Value r)
{
    Value v = int_arg(r);
    if (!v)
        return rt_raisef(&rt_TypeError, "%s returned non-int (type %T)", name, r);
    if (v != r) {
        char msg[400];
        snprintf(msg, sizeof msg, "%s returned non-int (type %.200s).  The ability to return "
                 "an instance of a strict subclass of int is deprecated, and may be removed "
                 "in a future version of Python.", name, val_type(r)->name);
        if (rt_warn(&rt_DeprecationWarning, msg, 1) < 0)
            return VAL_NULL;
    }
    return v;
}

/* type(x).<name>(x), or VAL_NULL with *found false when type(x) has no such method. */
static Value call_special(Value x, const char *name, bool *found)
{
    Value m = rt_type_lookup(val_type(x), rt_str_intern_cstr(name));
    *found = m != VAL_NULL;
    return m ? rt_call_found(m, x, NULL, 0) : VAL_NULL;
}

/* int(x) through __trunc__ (deprecated in 3.11): its result must be Integral. */
static Value int_via_trunc(Value x)
{
    if (rt_warn(&rt_DeprecationWarning, "The delegation of int() to __trunc__ is deprecated.", 1) < 0)
        return VAL_NULL;
    bool found;
    Value r = call_special(x, "__trunc__", &found);
    if (!r)
        return r;
    Value v = int_arg(r);
    if (v)
        return v;
    if (!rt_type_lookup(val_type(r), RT_NAME("__index__")))
        return rt_raisef(&rt_TypeError, "__trunc__ returned non-Integral (type %T)", r);
    return rt_index(r);
}

/* int(x) with one argument: CPython's PyNumber_Long, which tries __int__,
 * __index__, __trunc__ (not from 3.14), then x as text, then x's buffer. */
static Value int_of(Value x)
{
    if (val_is_small(x) || val_type(x) == &rt_int_type)
        return x;
    if (IS_EXACT(x, rt_float_type))
        return rt_int_from_double(rt_float_value(x));
    const char *s;
    size_t len;
    /* A str has no __int__, __index__ or __trunc__ to look up (three
     * probes of its type's MRO): straight to the text. */
    if (IS_EXACT(x, rt_str_type) && text_of(x, &s, &len))
        return int_from_text(x, s, len, 10);
    static const char *const names[] = {"__int__", "__index__"};
    for (size_t i = 0; i < 2; i++) {
        bool found;
        Value r = call_special(x, names[i], &found);
        if (found)
            return r ? rt_int_result(names[i], r) : r;
    }
    if (rt_py_minor < 14 && rt_type_lookup(val_type(x), RT_NAME("__trunc__")))
        return int_via_trunc(x);
    if (text_of(x, &s, &len))
        return int_from_text(x, s, len, 10);
    if (rt_has_buffer(x)) {                 /* memoryview, array: their bytes as text */
        Value b = rt_buffer_to_bytes(x);
        return b == VAL_NULL ? VAL_NULL : int_from_text(b, (const char *)AS_BYTES(b)->data,
                                                        AS_BYTES(b)->length, 10);
    }
    return rt_raisef(&rt_TypeError,
                     "int() argument must be a string, a bytes-like object or a real number, not '%T'", x);
}

static Value int_make(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static const char *const allowed[] = {"base", NULL};
    if (!check_kwnames(kwnames, allowed, "int"))
        return VAL_NULL;
    size_t used = 0;
    Value base = kwarg(args, nargs, kwnames, "base", &used);
    size_t npos = nargs - used;
    if (npos > 2 || (npos == 2 && base))
        return rt_raisef(&rt_TypeError, "int() takes at most 2 arguments (%zu given)", nargs);
    if (npos == 2)
        base = args[1];
    if (npos == 0)
        return base ? rt_raisef(&rt_TypeError, "int() missing string argument") : small_new(0);
    if (!base)
        return int_of(args[0]);
    base = rt_index(base);
    if (!base)
        return VAL_NULL;
    int64_t b;                          /* the base is checked first, as in CPython */
    if (!val_is_small(base) || (b = small_value(base), b != 0 && (b < 2 || b > 36)))
        return bad_base();
    const char *s;
    size_t len;
    if (!text_of(args[0], &s, &len))
        return rt_raisef(&rt_TypeError, "int() can't convert non-string with explicit base");
    return int_from_text(args[0], s, len, (int)b);
}

/* int(...) for int and its subclasses.  An instance of a subclass is always
 * boxed in an ObjInt (small values included), so it can carry its type; the
 * functions here read it through int_arg, which gives back the canonical
 * (normalised) int. */
static Value int_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    Value v = int_make(type, args, nargs, kwnames);
    if (!v || type == &rt_int_type)
        return v;
    BigArg tmp;
    ObjInt *sub = rt_alloc_instance(type, sizeof(ObjInt));
    mpz_init_set(Z(sub), big_arg(v, &tmp));
    return obj_val(sub);
}

static Value int_repr_slot(Value v) { return rt_int_repr(v); }

/* ---- Methods -------------------------------------------------------------- */

static Value m_bit_length(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("int.bit_length", nargs - 1, kw))
        return VAL_NULL;
    return rt_int_from_u64(rt_int_bit_length(args[0]));
}

static Value m_bit_count(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("int.bit_count", nargs - 1, kw))
        return VAL_NULL;
    BigArg ba;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, big_arg(int_arg(args[0]), &ba));
    return rt_int_from_u64(mpz_popcount(a));
}

/* conjugate(), __trunc__(), __floor__(), __ceil__(): the int itself. */
static Value self_int(const char *fname, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none(fname, nargs - 1, kw))
        return VAL_NULL;
    return int_unary(args[0], UN_INT);
}

static Value m_conjugate(Value *args, size_t nargs, Value kw)
{
    return self_int("int.conjugate", args, nargs, kw);
}

static Value m_trunc(Value *args, size_t nargs, Value kw)
{
    return self_int("int.__trunc__", args, nargs, kw);
}

static Value m_floor(Value *args, size_t nargs, Value kw)
{
    return self_int("int.__floor__", args, nargs, kw);
}

static Value m_ceil(Value *args, size_t nargs, Value kw)
{
    return self_int("int.__ceil__", args, nargs, kw);
}

static Value m_round(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("__round__", kw) || !rt_arg_range("__round__", nargs - 1, 0, 1))
        return VAL_NULL;
    if (nargs == 1 || args[1] == rt_None)
        return int_unary(args[0], UN_POS);
    return rt_int_round(args[0], args[1]);
}

/* The bytes CPython 3.11's int of this value occupies: a 24-byte header
 * and 4 bytes per 30-bit digit, at least one. */
static Value m_sizeof(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("int.__sizeof__", nargs - 1, kw))
        return VAL_NULL;
    size_t digits = (rt_int_bit_length(int_arg(args[0])) + 29) / 30;
    return small_new(24 + 4 * (intptr_t)(digits > 0 ? digits : 1));
}

/* (int(self),): what pickle and copy pass back to int.__new__. */
static Value m_getnewargs(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("int.__getnewargs__", nargs - 1, kw))
        return VAL_NULL;
    return rt_tuple_pack(1, int_unary(args[0], UN_INT));
}

/* int.is_integer() (3.12): True, for duck typing with float. */
static Value m_is_integer(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("int.is_integer", nargs - 1, kw))
        return VAL_NULL;
    return rt_True;
}

static Value m_as_integer_ratio(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("int.as_integer_ratio", nargs - 1, kw))
        return VAL_NULL;
    return rt_tuple_pack(2, int_unary(args[0], UN_POS), small_new(1));
}

/* The byteorder argument: 1 for 'little', 0 for 'big', -1 on error. */
static int parse_byteorder(const char *fname, Value v)
{
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "%s() argument 'byteorder' must be str, not %s", fname,
                  v == rt_None ? "None" : val_type(v)->name);
        return -1;
    }
    size_t n = rt_str_nbytes(v);        /* the whole str: 'big\0' is no byte order */
    if (n == 6 && memcmp(rt_str_cstr(v), "little", 6) == 0) return 1;
    if (n == 3 && memcmp(rt_str_cstr(v), "big", 3) == 0) return 0;
    rt_raisef(&rt_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

/* Does v fit in `length` bytes (two's complement when is_signed)? */
static bool fits_in_bytes(Value v, uint64_t length, bool is_signed)
{
    uint64_t nbits = rt_int_sign(v) < 0 ? rt_int_bit_length(int_unary(v, UN_INVERT))
                                        : rt_int_bit_length(v);
    return nbits + (is_signed ? 1 : 0) <= length * 8 || (nbits == 0 && !is_signed);
}

/* The `length` low-order bytes of v's two's complement, as bytes. */
static Value int_bytes(Value v, size_t length, bool little)
{
    BigArg ba;
    mpz_t t;
    mpz_init(t);
    unsigned char *buf = gc_try_alloc_atomic(length + 1);      /* a size from the program */
    if (buf == NULL || !big_room((uint64_t)length * 8, 1))
        return too_big();
    mpz_fdiv_r_2exp(t, big_arg(v, &ba), (mp_bitcnt_t)length * 8);   /* 0 <= t < 256**length */
    memset(buf, 0, length + 1);
    size_t nbytes = mpz_sgn(t) ? (mpz_sizeinbase(t, 2) + 7) / 8 : 0;
    if (nbytes > 0)
        mpz_export(buf + (little ? 0 : length - nbytes), NULL, little ? -1 : 1, 1, 0, 0, t);
    return rt_bytes_new(buf, length);
}

static Value m_to_bytes(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    static const ArgSpec spec = {"to_bytes", names, 3, 0, 0, 2, false};
    Value a[3];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kwnames, a))
        return VAL_NULL;
    if (a[0] == VAL_NULL)
        a[0] = small_new(1);
    if (a[2] == VAL_NULL)
        a[2] = rt_False;
    int64_t length;
    Value n = rt_index(a[0]);           /* a Py_ssize_t: to_bytes(None) is TypeError */
    if (n == VAL_NULL)
        return VAL_NULL;
    if (!rt_int_as_i64(n, &length)) {
        rt_err_clear();
        return rt_raisef(&rt_OverflowError, "Python int too large to convert to C ssize_t");
    }
    int little = a[1] ? parse_byteorder("to_bytes", a[1]) : 0;
    if (little < 0)
        return VAL_NULL;
    if (length < 0)
        return rt_raisef(&rt_ValueError, "length argument must be non-negative");
    int is_signed = rt_truthy(a[2]);
    Value v = int_arg(args[0]);
    if (!is_signed && rt_int_sign(v) < 0)
        return rt_raisef(&rt_OverflowError, "can't convert negative int to unsigned");
    if (!fits_in_bytes(v, (uint64_t)length, is_signed))
        return rt_raisef(&rt_OverflowError, "int too big to convert");
    return int_bytes(v, (size_t)length, little);
}

/* The int of from_bytes's three arguments (a[2] VAL_NULL: not signed). */
static Value int_from_bytes(Value *a)
{
    if (a[2] == VAL_NULL)
        a[2] = rt_False;
    int little = a[1] ? parse_byteorder("from_bytes", a[1]) : 0;
    if (little < 0)
        return VAL_NULL;
    const char *s;
    size_t len;
    Value src = a[0];
    if (rt_is_str(src) || !text_of(src, &s, &len)) {
        /* CPython's PyObject_Bytes: __bytes__, else an iterable of ints;
         * never a text, nor a count as bytes(3) takes */
        static Value dunder = VAL_NULL;
        if (dunder == VAL_NULL)
            dunder = rt_str_intern_cstr("__bytes__");
        if (rt_type_lookup(val_type(src), dunder) == VAL_NULL &&
            (rt_is_str(src) || (!val_type(src)->iter && !val_type(src)->getitem)))
            return rt_raisef(&rt_TypeError, "cannot convert '%T' object to bytes", src);
        src = rt_call1(obj_val(&rt_bytes_type), a[0]);   /* bytes(iterable) */
        if (!src || !text_of(src, &s, &len))
            return VAL_NULL;
    }
    if (!big_room((uint64_t)len * 8, 2))   /* the int, and its negation's */
        return too_big();
    ObjInt *o = big_new();
    if (len > 0)
        mpz_import(Z(o), len, little ? -1 : 1, 1, 0, 0, s);
    int is_signed = rt_truthy(a[2]);
    if (is_signed < 0)
        return VAL_NULL;
    if (is_signed && len > 0 && ((unsigned char)s[little ? len - 1 : 0] & 0x80)) {
        mpz_t p;
        mpz_init(p);
        mpz_setbit(p, (mp_bitcnt_t)len * 8);
        mpz_sub(Z(o), Z(o), p);
    }
    return big_finish(o);
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False), a class method:
 * args[0] is the class (a subclass gets cls(the int), as in CPython). */
static Value m_from_bytes(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    static const ArgSpec spec = {"from_bytes", names, 3, 0, 1, 2, false};
    Value a[3];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kwnames, a))
        return VAL_NULL;
    Value r = int_from_bytes(a);
    if (r == VAL_NULL || args[0] == obj_val(&rt_int_type))
        return r;
    return rt_call1(args[0], r);
}

/* pow(base, exp, mod) when all three are ints (bools included). */
static Value int_pow3(Value base, Value exp, Value mod)
{
    if (!int_arg(base) || !int_arg(exp) || !int_arg(mod))
        return rt_NotImplemented;
    return rt_int_pow_mod(base, exp, mod);
}

/* The data attributes of the numbers protocol, as read-only getset
 * descriptors in int's dict (so `x.real = 1` fails as in CPython, and
 * method lookups on ints need no special getattr slot). */
static Value int_get_self(Value self) { return int_arg(self); }
static Value int_get_zero(Value self) { return small_new(0); }
static Value int_get_one(Value self) { return small_new(1); }

static const GetSetDef int_getsets[] = {
    {"real", int_get_self, NULL, "the real part of a complex number"},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number"},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms"},
    {NULL},
};

/* The methods that are not slots: int.__add__, int.__neg__, int.__index__...
 * are the slot wrappers slots.c makes from binop_ops and unary_ops below. */
static const MethodDef int_methods[] = {
    {"__format__", rt_number_dunder_format},
    {"bit_length", m_bit_length},
    {"bit_count", m_bit_count},
    {"conjugate", m_conjugate},
    {"to_bytes", m_to_bytes},
    {"from_bytes", m_from_bytes, RT_METH_CLASS},
    {"as_integer_ratio", m_as_integer_ratio},
    {"__trunc__", m_trunc},
    {"__floor__", m_floor},
    {"__ceil__", m_ceil},
    {"__round__", m_round},
    {"__getnewargs__", m_getnewargs},
    {"__sizeof__", m_sizeof},
    {NULL, NULL},
};

static const MethodDef int_methods_312[] = {
    {"is_integer", m_is_integer},
    {NULL, NULL},
};

ObjType rt_int_type = {
    .ob.type = &rt_type_type,
    .name = "int",
    .base = &rt_object_type,
    .flags = TF_BASETYPE | TF_INT_SUBCLASS,
    .repr = int_repr_slot,
    .hash = int_hash_slot,
    .richcompare = rt_int_richcompare,
    .binop = rt_int_binop,
    .pow3 = int_pow3,
    .unary = int_unary,
    .truth = int_truth,
    .new_ = int_new,
    .getsets = int_getsets,
    .binop_ops = RT_REAL_ARITH_OPS | RT_OP_BIT(NB_LSHIFT) | RT_OP_BIT(NB_RSHIFT) |
                 RT_OP_BIT(NB_AND) | RT_OP_BIT(NB_OR) | RT_OP_BIT(NB_XOR),
    .unary_ops = RT_OP_BIT(UN_NEG) | RT_OP_BIT(UN_POS) | RT_OP_BIT(UN_INVERT) |
                 RT_OP_BIT(UN_ABS) | RT_OP_BIT(UN_INT) | RT_OP_BIT(UN_FLOAT) |
                 RT_OP_BIT(UN_INDEX),
};

void rt_int_init(void)
{
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
    rt_type_ready(&rt_int_type, int_methods);
    if (rt_py_minor >= 12)
        rt_type_add_methods(&rt_int_type, int_methods_312);
    rt_bool_init();                         /* bool derives from int */
}
