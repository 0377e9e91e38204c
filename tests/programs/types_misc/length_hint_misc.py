# % with tuple subclasses (namedtuple), bool.from_bytes, float.__getformat__, __length_hint__ of builtin iterators and operator.length_hint, add_note/__notes__, with_traceback
from collections import namedtuple
Pt = namedtuple('Pt', 'x y')
p = Pt(1, 2)
print('%s %s' % p, '%r' % (p,), '%s' % (p,))
class T(tuple): pass
print('%s-%s' % T((3, 4)))
try:
    print('%s' % T((1, 2)))
except TypeError as e:
    print(e)
print(bool.from_bytes(b'\x01', 'big'), type(bool.from_bytes(b'\x00', 'little')).__name__, bool.from_bytes(b'\x05\x00', 'big'))
class MyInt(int): pass
print(type(MyInt.from_bytes(b'\x01', 'big')).__name__)
print(float.__getformat__('double'), float.__getformat__('float'))
try:
    float.__getformat__('x')
except ValueError as e:
    print(e)
import operator
for it in [iter([1, 2, 3]), iter((1, 2)), iter('abc'), iter(range(5)), iter({1: 2}), iter({1, 2}), reversed([1, 2]), iter(b'ab'), iter(bytearray(b'a'))]:
    print(type(it).__name__, it.__length_hint__(), operator.length_hint(it))
it = iter([1, 2, 3]); next(it); print(it.__length_hint__())
class LH:
    def __length_hint__(self): return 7
print(operator.length_hint(LH()), operator.length_hint(object(), 3), operator.length_hint([1, 2]))
e = ValueError('x')
e.add_note('a'); e.add_note('b'); print(e.__notes__)
try:
    e.add_note(3)
except TypeError as x:
    print(x)
e.__notes__ = 'bad'
try:
    e.add_note('c')
except TypeError as x:
    print(x)
print(ValueError('y').with_traceback(None).__traceback__)
try:
    ValueError().with_traceback(3)
except TypeError as x:
    print(x)
d = {1: 2, 3: 4}; it = iter(d); next(it); print(it.__length_hint__()); d[5] = 6; print(it.__length_hint__())
it = reversed(d); next(it); print(it.__length_hint__())
s = {1, 2}; it = iter(s); s.add(3); print(it.__length_hint__())
it = iter([1]); list(it); print(it.__length_hint__())
class S:
    def __getitem__(self, i): raise IndexError
    def __len__(self): return 4
it = iter(S()); print(it.__length_hint__())
class S2:
    def __getitem__(self, i): raise IndexError
print(iter(S2()).__length_hint__(), reversed(S()).__length_hint__())
l = [1, 2, 3]; it = iter(l); del l[:]; print(it.__length_hint__())
l = [1, 2, 3]; it = reversed(l); next(it); l.clear(); print(it.__length_hint__())
print(iter(range(2**70)).__length_hint__())
try:
    operator.length_hint(1, 'x')
except TypeError as e:
    print(e)
class B:
    def __length_hint__(self): return -1
class C:
    def __length_hint__(self): return 'x'
class NI:
    def __length_hint__(self): return NotImplemented
class BL:
    def __len__(self): raise TypeError('nolen')
class TE:
    def __length_hint__(self): raise TypeError
for o in [B(), C()]:
    try:
        operator.length_hint(o)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(operator.length_hint(NI(), 5), operator.length_hint(BL(), 9), operator.length_hint(TE(), 4))
