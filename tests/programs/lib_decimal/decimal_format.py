# Decimal.__format__ as the C module formats: fill, align, sign, zero padding with separators, precision by type (e, f, g, %), capitals, 'z', specials, and the invalid specs
from decimal import Decimal as D, localcontext
cases = [('1234567.891', ''), ('1234567.891', ','), ('1234567.891', '015,.2f'), ('-1234567', '013,'),
         ('1234567', '012,'), ('0.0001', 'e'), ('0', '.3e'), ('0', '.2%'), ('1.5', '%'), ('-0.000', 'z.1f'),
         ('12345', '.2g'), ('1E+3', 'f'), ('1E+3', ''), ('-1.5', '+020'), ('1.5', ' ^9'), ('1.5', 'x<9.3'),
         ('nan', '%'), ('inf', 'E'), ('-inf', '10'), ('inf', '010'), ('snan12', '>8'), ('0.00001234', 'g'),
         ('1.23E-8', ''), ('123', '.0e'), ('123', '.0f'), ('0.5', '.0f'), ('2.5', '.0f'), ('1.2345', '.3'),
         ('1234.5', '8,'), ('12', 'z<5'), ('1.5', 'é^7'), ('-1', '=10'), ('1.5', '=+8'), ('-0.0001', 'z.2e'),
         ('123.456', '.2E'), ('123.456', 'G'), ('0.000001', ''), ('1e-7', 'f'), ('1e100', ',.0f'),
         ('99.99', '.1f'), ('-99.99', '.0%'), ('1234.5678', 'n'), ('1234', '_'), ('1', '#'), ('1', '.f'),
         ('1', '=010'), ('1', ',n')]
for v, f in cases:
    try:
        print(repr(v), repr(f), repr(format(D(v), f)))
    except Exception as e:
        print(repr(v), repr(f), type(e).__name__, e)
with localcontext(capitals=0, rounding='ROUND_DOWN'):
    print(format(D('1.99e10'), ''), format(D('1.99'), '.1f'), format(D('123.456'), '.4'))
print(f"{D('3.14159'):.3f} {D('-2'):>6} {D(10)**30:e}")
try:
    format(D(1), 3)
except TypeError as e:
    print(e)
