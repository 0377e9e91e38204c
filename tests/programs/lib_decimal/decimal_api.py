# Decimal's API under the C module: constructors (str with whitespace, underscores and Unicode digits, int, float, tuple, list), arithmetic with ints, comparisons with float, Fraction and complex, methods, conversions, rounding and math dunders
import math, decimal
from decimal import Decimal as D, getcontext, localcontext, Context
from fractions import Fraction

print(repr(D()), repr(D('  1_000.5\n')), repr(D('\u0661\u0662.5')), repr(D(-12)), repr(D(0.1)))
print(repr(D((1, (3, 1, 4), -2))), repr(D([0, [1, 0], 3])), repr(D((0, (), 'F'))), repr(D((1, (1, 2), 'n'))))
print(repr(D(D('7.0'))), repr(D('1e999999999')), repr(D('-sNaN12')), repr(D('Inf')), repr(D('-0E-5')))
print(repr(D.from_float(2.5)), repr(D.from_float(-0.0)), repr(D.from_float(float('nan'))), repr(D.from_float(7)))
c = getcontext()
print(repr(c.create_decimal('3.14159265358979323846264338327950288')), repr(c.create_decimal(10**30 + 1)))
print(repr(c.create_decimal_from_float(0.1)), repr(Context(prec=3).create_decimal(D('1.2345'))))

a, b = D('12.345'), D('-3.2')
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), -a, +b, abs(b), a ** 2, pow(D(3), 4, 5))
print(a + 1, 2 - a, 3 * b, 10 / a, 7 // b, 7 % b, divmod(7, b), 2 ** D('0.5'), D(2) ** -2)
print(a == D('12.3450'), a < 13, a > 12.3, a == 12.345, D('0.5') == 0.5, D('0.5') == Fraction(1, 2),
      D('0.5') < Fraction(2, 3), D(1) == complex(1, 0), D(1) != complex(1, 1), D('nan') != D('nan'))
print(sorted([D(3), 1, 2.5, D('-1'), Fraction(7, 4)]), max(D(1), D('1.0')), min(D(2), 1))
print(int(a), float(a), complex(a), round(a), round(a, 1), round(D('2.5')), round(D('-2.5')), round(a, -1))
print(math.floor(b), math.ceil(b), math.trunc(b), math.floor(D('1e30')), bool(D(0)), bool(D('nan')))
print(a.as_tuple(), D('-0').as_tuple(), D('inf').as_tuple(), D('nan12').as_tuple())
print(a.as_integer_ratio(), D('-0.125').as_integer_ratio(), D('1e3').as_integer_ratio(), D(0).as_integer_ratio())
print(a.adjusted(), D('0.001').adjusted(), a.canonical(), a.conjugate(), a.real, a.imag, a.radix())
print(a.compare(b), a.compare_signal(a), a.compare_total(b), b.compare_total_mag(a), a.copy_abs(), b.copy_negate(),
      a.copy_sign(b), a.same_quantum(D('1.000')))
print(D(2).sqrt(), D(2).exp(), D(10).ln(), D(1000).log10(), D(1000).logb(), D(1).next_minus(), D(1).next_plus(),
      D(1).next_toward(2))
print(D('1.2300').normalize(), D('-0').normalize(), D('123.456').quantize(D('0.01')),
      D('123.455').quantize(D('0.01'), rounding=decimal.ROUND_HALF_UP), D('2.5').to_integral(),
      D('2.5').to_integral_value(decimal.ROUND_UP), D('2.5').to_integral_exact())
print(D('1101').logical_and(D('1011')), D('1101').logical_or(D('11')), D('1101').logical_xor(D('1011')),
      D('101').logical_invert(Context(prec=5)), D(12345).rotate(2), D(12345).shift(-2), D('1.5').scaleb(3))
print(D(10).remainder_near(3), D(11).remainder_near(3), D(2).fma(3, 4), D(1).max(D(2)), D(-3).max_mag(2),
      D(1).min(2), D(-3).min_mag(2))
print([D(x).number_class() for x in ['1', '-0', '1e-999999', 'inf', '-inf', 'nan', 'snan', '-5']])
print([f(D(x)) for x in ['1', '0', 'nan', 'snan', '-inf', '1e-999999']
       for f in (D.is_finite, D.is_infinite, D.is_nan, D.is_qnan, D.is_snan, D.is_signed, D.is_zero, D.is_normal, D.is_subnormal)])
print(D('123E+5').to_eng_string(), D('0.00001').to_eng_string(), str(D('1e-7')), str(D('1.00e+5')), repr(D('123e-10')))
with localcontext(capitals=0):
    print(str(D('1e20')), repr(D('1e-20')))
print(c.add(1, 2), c.subtract(D(1), 3), c.multiply(2, 3), c.divide(1, 8), c.divide_int(7, 2), c.remainder(7, 3),
      c.divmod(7, 2), c.power(2, 10), c.power(3, 4, 5), c.abs(-1), c.minus(1), c.plus(D('1.00')), c.sqrt(9),
      c.compare(1, 2), c.max(1, 2), c.quantize(D('1.234'), D('0.1')), c.to_sci_string(D('1e5')),
      c.to_eng_string(D('1e5')), c.is_zero(0), c.number_class(1), c.copy_decimal(3), c.fma(2, 3, 4), c._apply(D('1.5')))
class Money(D):
    def __repr__(self):
        return 'Money(%s)' % self
m = Money('1.25')
print(repr(m), repr(m + 1), type(m + 1).__name__, isinstance(m, D), Money(m) == m, repr(Money()))
import numbers
print(isinstance(D(1), numbers.Number), isinstance(D(1), numbers.Real), issubclass(D, numbers.Number))
print(sum([D('0.1')] * 10), D('0.1') * 3 == D('0.3'), D(1) / D(7))
