# 3.14's _decimal additions: Decimal.from_number (ints, floats, Decimals, no strings; subclasses), IEEEContext(bits) and its errors
import decimal
from decimal import Decimal as D
print(D.from_number(5), D.from_number(0.5), repr(D.from_number(D('1.0'))))
for a in ['1', 1+0j]:
    try: D.from_number(a)
    except Exception as e: print(type(e).__name__, e)
print(repr(decimal.IEEEContext(64)), decimal.IEEE_CONTEXT_MAX_BITS > 0)
for b in [33, 1024, 'x']:
    try: decimal.IEEEContext(b)
    except Exception as e: print(type(e).__name__, str(e)[:40])
class M(D): pass
print(type(M.from_number(3)).__name__)
