# decimal's signals as the C module raises them: the classes and their bases, the list of conditions an exception carries, flags set by operations, FloatOperation, and the last line of an uncaught InvalidOperation
import decimal
from decimal import Decimal, getcontext, localcontext

for name in ['DecimalException', 'Clamped', 'InvalidOperation', 'ConversionSyntax',
             'DivisionByZero', 'DivisionImpossible', 'DivisionUndefined', 'Inexact',
             'InvalidContext', 'Rounded', 'Subnormal', 'Overflow', 'Underflow', 'FloatOperation']:
    cls = getattr(decimal, name)
    print(name, cls.__module__, [b.__name__ for b in cls.__mro__])

def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e.args)

attempt('abc', lambda: Decimal('abc'))
attempt('1/0', lambda: Decimal(1) / 0)
attempt('0/0', lambda: Decimal(0) / 0)
attempt('inf-inf', lambda: Decimal('inf') - Decimal('inf'))
attempt('sqrt -1', lambda: Decimal(-1).sqrt())
attempt('snan cmp', lambda: Decimal('snan') < 1)
attempt('nan cmp', lambda: Decimal('nan') < 1)
attempt('nan eq', lambda: Decimal('nan') == 1)
attempt('float add', lambda: Decimal(1) + 1.5)
attempt('method float', lambda: Decimal(1).compare(1.5))
attempt('quantize', lambda: Decimal('1e30').quantize(Decimal('0.1')))
attempt('int nan', lambda: int(Decimal('nan')))
attempt('int inf', lambda: int(Decimal('-inf')))
attempt('ratio', lambda: Decimal('inf').as_integer_ratio())
attempt('hash snan', lambda: hash(Decimal('snan')))
attempt('list', lambda: Decimal([1, 2]))
attempt('tuple sign', lambda: Decimal((2, (1,), 0)))
attempt('tuple digits', lambda: Decimal((0, (1, 10), 0)))
attempt('tuple exp', lambda: Decimal((0, (1,), 'x')))
attempt('conv', lambda: Decimal(b'1'))

with localcontext() as c:
    c.traps[decimal.Inexact] = True
    attempt('1/3 inexact', lambda: Decimal(1) / 3)
    c.traps[decimal.FloatOperation] = True
    attempt('float ctor', lambda: Decimal(1.5))
    attempt('float lt', lambda: Decimal(1) < 1.5)
    attempt('float eq', lambda: Decimal(1) == 1.5)
with localcontext(prec=3, Emax=5, Emin=-5) as c:
    c.traps[decimal.Underflow] = True
    attempt('overflow', lambda: Decimal('9e5') * 10)
    attempt('underflow', lambda: Decimal('1e-5') / 10**9)
    c.clear_flags()
    c.traps[decimal.Underflow] = False
    c.traps[decimal.Overflow] = False
    print(Decimal('9e5') * 10, Decimal('1e-5') / 10**9, Decimal(2) / 3)
    print(sorted(k.__name__ for k, v in c.flags.items() if v))

c = getcontext()
c.clear_flags()
Decimal(1) == 1.5
print(c.flags[decimal.FloatOperation])
Decimal('abc1') if False else None
Decimal('12abc')
