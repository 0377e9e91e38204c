/*
 * float.h — Python floats (C doubles) and complex numbers.
 *
 * repr() gives CPython's shortest round-tripping text ('0.1', '1e+16',
 * '1.5e-05', 'inf', 'nan'); hash() equals CPython's numeric hash, so
 * hash(1.0) == hash(1) and dict lookups of 1 and 1.0 agree.
 */
#ifndef PVM_FLOAT_H
#define PVM_FLOAT_H

#include "object.h"

Value rt_float_new(double d);
static inline double rt_float_value(Value v) { return ((ObjFloat *)v)->value; }
/* float(x) for int, float, bool and str (ValueError "could not convert
 * string to float: 'x'"). */
Value rt_float_from(Value v);
/* A double from an int or float (TypeError otherwise); false on error. */
bool rt_as_double(Value v, double *out);
/* x as a float when it is a number: a float, or its __float__ or
 * __index__ (TypeError "must be real number, not str" otherwise). */
Value rt_float_from_number(Value v);

Value rt_float_repr(Value v);
/* Shortest round-trip repr of d into buf (at least 32 bytes). */
void rt_double_repr(double d, char *buf, size_t size);
intptr_t rt_double_hash(double d);
/* NB_* ops where one operand is a float and the other a float/int/bool;
 * rt_NotImplemented otherwise.  ZeroDivisionError texts as CPython's. */
Value rt_float_binop(Value a, Value b, int op);
Value rt_float_richcompare(Value a, Value b, int op);
/* round(x[, ndigits]) for floats with CPython's correctly-rounded result. */
Value rt_float_round(double x, Value ndigits);
/* IEEE 754 binary16 (the 'e' format of struct and memoryview), rounding
 * half to even: false with OverflowError when x is too large. */
bool rt_float_pack2(double x, uint16_t *out);
double rt_float_unpack2(uint16_t h);

/* The repr of d, optionally without the ".0" CPython adds to integral
 * values (complex parts print as '1', not '1.0'). */
void rt_double_repr_ex(double d, char *buf, size_t size, bool add_dot0);

Value rt_complex_new(double real, double imag);
/* NB_* ops where one operand is complex and the other complex/float/int;
 * rt_NotImplemented otherwise. */
Value rt_complex_binop(Value a, Value b, int op);
void rt_complex_init(void);

void rt_float_init(void);

#endif
