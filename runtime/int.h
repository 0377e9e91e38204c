/*
 * int.h — Python ints: small tagged words that overflow into GMP big ints.
 *
 * Every function returns a normalised int: a value that fits in the tagged
 * range is always a small int, so `is` and == agree with CPython's small-int
 * behaviour where programs depend on it, and fast paths only test the tag.
 * bool is a subclass of int: these functions accept True/False as 1/0.
 */
#ifndef PVM_INT_H
#define PVM_INT_H

#include "object.h"

Value rt_int_from_i64(int64_t i);
Value rt_int_from_u64(uint64_t u);
/* From 15-bit digits, least significant first (marshal's TYPE_LONG). */
Value rt_int_from_digits15(const uint16_t *digits, size_t ndigits, bool negative);
/* int(text, base): CPython's rules (base 0 = from prefix, '_' separators,
 * surrounding whitespace, sign).  Raises ValueError "invalid literal for
 * int() with base 10: 'x'" on bad text. */
Value rt_int_from_string(const char *s, size_t len, int base);
/* int(float): truncation; OverflowError/ValueError for inf/nan. */
Value rt_int_from_double(double d);

/* Conversions out.  false + OverflowError when it does not fit (TypeError
 * for a value that is no int). */
bool rt_int_as_i64(Value v, int64_t *out);
bool rt_int_as_u64(Value v, uint64_t *out);         /* OverflowError when negative */
bool rt_int_as_int(Value v, int *out);              /* a C int (32 bits) */
double rt_int_as_double(Value v, bool *overflow);   /* *overflow: too large */
int rt_int_sign(Value v);                           /* -1, 0, 1 */

/* Operations: NB_* ops for int x int (bool included).  Returns
 * rt_NotImplemented when either operand is not an int. */
Value rt_int_binop(Value a, Value b, int op);
#ifdef __SIZEOF_INT128__
/* Arithmetic carried on in 128 bits, for the eval loop's fused int forms
 * (vm/bytecodes.h BINARY_OP_INT_CHAIN): `a op b` into *acc, then `*acc op
 * k` step by step, no int made for the values between.  Each is false,
 * *acc unchanged by a step, when an operand is not an exact int or does
 * not fit, or the result needs GMP or the operation raises (x // 0): the
 * caller then does that operation the ordinary way. */
typedef __int128 RtI128;
bool rt_int_i128_start(Value a, Value b, int op, RtI128 *acc);
bool rt_int_i128_step(RtI128 *acc, int op, Value k);
Value rt_int_from_i128(RtI128 v);
#endif
Value rt_int_richcompare(Value a, Value b, int op);
int rt_int_cmp(Value a, Value b);                   /* -1/0/1, both ints */
Value rt_int_pow_mod(Value base, Value exp, Value mod);  /* pow(a, b, m) */
Value rt_int_repr(Value v);                         /* decimal str */
/* The decimal text of v into buf (at least RT_I64_DECIMAL_MAX bytes),
 * NUL-terminated; returns its length.  What snprintf("%lld") gives, in a
 * tenth of the instructions (str(i), json and pickle write many). */
#define RT_I64_DECIMAL_MAX 21
size_t rt_i64_decimal(int64_t v, char *buf);
/* Text in base 2, 8, 10 or 16 with prefix ("0b", "0o", "", "0x"); the sign
 * goes before the prefix, as in hex(-255) == '-0xff'. */
Value rt_int_to_base(Value v, int base, bool prefix);
intptr_t rt_int_hash(Value v);                      /* CPython's: modulo 2**61-1 */
size_t rt_int_bit_length(Value v);
/* Normalise a bool to the int it stands for; other values unchanged. */
Value rt_int_unbool(Value v);
/* What __int__ or __index__ (`name`) returned, as an exact int: a strict
 * subclass of int passes with CPython's DeprecationWarning, anything else is
 * "<name> returned non-int (type T)". */
Value rt_int_result(const char *name, Value r);

/* Exact comparison of an int with a finite (non-NaN) double: -1/0/1. */
int rt_int_cmp_double(Value v, double d);
/* round(v, ndigits) for an int (ndigits an int; negative rounds to tens,
 * hundreds..., half to even). */
Value rt_int_round(Value v, Value ndigits);
/* The text of a str for int()/float()/complex(): Unicode decimal digits
 * become ASCII digits and Unicode spaces ' ' (CPython's
 * _PyUnicode_TransformDecimalAndSpaceToASCII); *len gets its length. */
const char *rt_numeric_ascii(Value str, size_t *len);
/* sys.set_int_max_str_digits: limit on decimal int<->str digits (0 = none). */
extern int rt_int_max_str_digits;

/* The arithmetic operators int and float both implement (complex has no
 * //, % or divmod()): + - * / // % ** and divmod(), as binop_ops bits. */
#define RT_REAL_ARITH_OPS \
    (RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_SUBTRACT) | RT_OP_BIT(NB_MULTIPLY) | \
     RT_OP_BIT(NB_TRUE_DIVIDE) | RT_OP_BIT(NB_FLOOR_DIVIDE) | RT_OP_BIT(NB_REMAINDER) | \
     RT_OP_BIT(NB_POWER) | RT_OP_BIT(NB_DIVMOD))

/* Readies int, then bool (bool.c's rt_bool_init, which it calls). */
void rt_int_init(void);
void rt_bool_init(void);

#endif
