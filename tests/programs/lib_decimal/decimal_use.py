# decimal's common API: construction, arithmetic under a context, quantize and rounding modes, localcontext, signals and traps, as_tuple, math functions, conversions (pvm runs _pydecimal: flags read through bool(), exception texts not printed)
import decimal
from decimal import Decimal, Context, localcontext, getcontext, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_HALF_EVEN

print(Decimal("1.10") + Decimal("2.20"), Decimal(1) / Decimal(7), Decimal("0.1") * 3 == Decimal("0.3"))
print(Decimal(0.1), Decimal.from_float(0.5), Decimal((0, (3, 1, 4), -2)), Decimal("-0"), Decimal("1E+3"), Decimal(" 12.50 "))
print(repr(Decimal("3.14")), str(Decimal("1e-7")), Decimal("123.4500").normalize(), Decimal("NaN"), Decimal("-Infinity"))
x = Decimal("2.675")
for mode in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING):
    print(mode, x.quantize(Decimal("0.01"), rounding=mode), (-x).quantize(Decimal("0.01"), rounding=mode))
print(round(Decimal("2.5")), round(Decimal("3.14159"), 2), int(Decimal("-7.9")), float(Decimal("1.25")), Decimal("7.5") // 2, Decimal("7.5") % 2, -Decimal("7") % 3)
print(Decimal(2).sqrt(), Decimal(1).exp(), Decimal(10).ln(), Decimal(1000).log10(), Decimal(2) ** 10, Decimal("1.5").fma(2, 1))
print(Decimal("1.30").as_tuple(), Decimal("12.5").as_integer_ratio(), Decimal("-3").copy_abs(), Decimal(5).compare(Decimal(7)))
print(Decimal("1.0") == Decimal("1.00"), hash(Decimal("1.5")) == hash(1.5), Decimal(3) < 3.5, max(Decimal("1.1"), Decimal("1.10")), sorted([Decimal("2"), Decimal("-1"), Decimal("0.5")]))
print(Decimal("12.345").adjusted(), Decimal("0.001").is_zero(), Decimal("NaN").is_nan(), Decimal("5").is_signed(), Decimal(10).scaleb(3), Decimal("1234.5678").to_integral_value())
print("{:.3f} {:>10} {:,.2f} {:e} {:%}".format(Decimal("3.14159"), Decimal("2.5"), Decimal("1234567.891"), Decimal("12345"), Decimal("0.256")))

ctx = getcontext()
print(ctx.prec, ctx.rounding, ctx.Emax, ctx.Emin, ctx.capitals)
with localcontext() as lc:
    lc.prec = 5
    print(Decimal(1) / Decimal(3), lc.prec, +Decimal("3.1415926"))
print(Decimal(1) / Decimal(3), getcontext().prec)
with localcontext(Context(prec=3, rounding=ROUND_DOWN)):
    print(Decimal("2.999") * 1, Decimal(2) / 3)

c = Context(prec=4, traps=[])
r = c.divide(Decimal(1), Decimal(0))
print(r, bool(c.flags[decimal.DivisionByZero]), bool(c.flags[decimal.Inexact]))
c.clear_flags()
print(c.add(Decimal("1.23456"), 0), bool(c.flags[decimal.Rounded]), bool(c.flags[decimal.Inexact]), c.power(2, 100))
c.traps[decimal.Inexact] = True
try:
    c.divide(Decimal(1), Decimal(3))
except decimal.Inexact as e:
    print("trapped Inexact:", isinstance(e, decimal.DecimalException), isinstance(e, ArithmeticError))
for bad in ("abc", "1..2"):
    try:
        Decimal(bad)
    except decimal.InvalidOperation:
        print("InvalidOperation for", repr(bad))
try:
    Decimal(1) / 0
except ZeroDivisionError as e:
    print("DivisionByZero is ZeroDivisionError:", type(e).__name__, isinstance(e, decimal.DivisionByZero))
try:
    Decimal("1.5") < Decimal("NaN")
except decimal.InvalidOperation:
    print("InvalidOperation comparing with NaN")
print(Decimal(7).max(Decimal("NaN")), Decimal("sNaN").is_snan(), Decimal("1.23").quantize(Decimal("1e-4")))
