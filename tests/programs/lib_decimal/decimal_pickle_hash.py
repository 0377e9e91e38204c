# Decimal and Context pickles as python3.11's C module writes them (protocols 0-5, read back and written again), copy, __reduce__, and hashes equal to those of equal ints, floats and Fractions
import pickle, copy, decimal
from decimal import Decimal as D
from fractions import Fraction

old = [
    b'(lp0\ncdecimal\nDecimal\np1\n(V1.50\np2\ntp3\nRp4\nag1\n(V-Infinity\np5\ntp6\nRp7\nag1\n(VsNaN3\np8\ntp9\nRp10\nacdecimal\nContext\np11\n(I7\nVROUND_HALF_EVEN\np12\nI-999999\nI999999\nI1\nI0\n(lp13\ncdecimal\nInexact\np14\na(lp15\ncdecimal\nInvalidOperation\np16\nacdecimal\nDivisionByZero\np17\nacdecimal\nOverflow\np18\natp19\nRp20\na.',
    b'\x80\x02]q\x00(cdecimal\nDecimal\nq\x01X\x04\x00\x00\x001.50q\x02\x85q\x03Rq\x04h\x01X\t\x00\x00\x00-Infinityq\x05\x85q\x06Rq\x07h\x01X\x05\x00\x00\x00sNaN3q\x08\x85q\tRq\ncdecimal\nContext\nq\x0b(K\x07X\x0f\x00\x00\x00ROUND_HALF_EVENq\x0cJ\xc1\xbd\xf0\xffJ?B\x0f\x00K\x01K\x00]q\rcdecimal\nInexact\nq\x0ea]q\x0f(cdecimal\nInvalidOperation\nq\x10cdecimal\nDivisionByZero\nq\x11cdecimal\nOverflow\nq\x12etq\x13Rq\x14e.',
    b'\x80\x04\x95\xeb\x00\x00\x00\x00\x00\x00\x00]\x94(\x8c\x07decimal\x94\x8c\x07Decimal\x94\x93\x94\x8c\x041.50\x94\x85\x94R\x94h\x03\x8c\t-Infinity\x94\x85\x94R\x94h\x03\x8c\x05sNaN3\x94\x85\x94R\x94h\x01\x8c\x07Context\x94\x93\x94(K\x07\x8c\x0fROUND_HALF_EVEN\x94J\xc1\xbd\xf0\xffJ?B\x0f\x00K\x01K\x00]\x94\x8c\x07decimal\x94\x8c\x07Inexact\x94\x93\x94a]\x94(\x8c\x07decimal\x94\x8c\x10InvalidOperation\x94\x93\x94\x8c\x07decimal\x94\x8c\x08Overflow\x94\x93\x94\x8c\x07decimal\x94\x8c\x0eDivisionByZero\x94\x93\x94et\x94R\x94e.',
]
for data in old:
    objs = pickle.loads(data)
    print([repr(o) for o in objs])
value = [D('1.50'), D('-inf'), D('snan3'), decimal.Context(prec=7, flags=[decimal.Inexact])]
for p in range(6):
    print(p, pickle.dumps(value, p))
print(D('12.5').__reduce__(), decimal.Context().__reduce__()[0])
d = D('3.14')
print(copy.copy(d) is d, copy.deepcopy(d) is d)

class MyDec(D):
    pass
m = pickle.loads(pickle.dumps(MyDec('2.5')))
print(type(m).__name__, m, MyDec.from_float(0.5), type(MyDec.from_float(0.5)).__name__)

for v in ['0', '-0', '1', '-1', '1.5', '0.1', '123456789012345678901234567890', '1e100', '1e-100',
          '-7.25', '2.00', 'inf', '-inf', '1e-30', '12345678901234567890.123']:
    x = D(v)
    print(v, hash(x))
print(hash(D(10**40)) == hash(10**40), hash(D(0.1)) == hash(0.1), hash(D('0.5')) == hash(Fraction(1, 2)))
print(hash(D(-1)) == hash(-1), hash(D('1.2500')) == hash(1.25))
print(len({D('1.0'), D(1), 1, 1.0, D('1.00')}))
n = D('nan')
print(hash(n) == hash(n))
