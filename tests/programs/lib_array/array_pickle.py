# array: pickling by machine format (_array_reconstructor), iterator pickles, weak references, MutableSequence, huge repeats
import array
import collections.abc
import copy
import pickle
import sys
import weakref

for tc in 'bBuhHiIlLqQfd':
    a = array.array(tc, 'abc' if tc == 'u' else [1, 2, 3])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, proto))
        assert a == b and a.typecode == b.typecode, (tc, proto)
    red = a.__reduce_ex__(3)
    print(tc, red[0].__name__, red[1][1:3], copy.copy(a) == a, copy.deepcopy(a) == a)
print(array.array('i', [1]).__reduce_ex__(2))

r = array._array_reconstructor
print(r(array.array, 'L', 7, b'\x00\x00\x00\x05\xff\xff\xff\xff'))
print(r(array.array, 'b', 9, b'\xff\xff\xff\xfe'))
print(r(array.array, 'q', 11, b'\x00' * 7 + b'\x09'))
print(r(array.array, 'f', 15, b'\x3f\x80\x00\x00'))
print(r(array.array, 'd', 17, b'\x40\x09\x21\xfb\x54\x44\x2d\x18'))
print(r(array.array, 'u', 19, b'\x00a\x00b'))
print(r(array.array, 'u', 21, b'\x00\x00\x00z\x00\x00\x00y'))
for bad in [(1, 'b', 0, b''), (int, 'b', 0, b''), (array.array, 'x', 0, b''),
            (array.array, 'b', 22, b''), (array.array, 'b', -1, b''),
            (array.array, 'b', 0, bytearray()), (array.array, 1, 0, b''),
            (array.array, 'u', 19, b'\x00z'), (array.array, 'b', 21, b'\x00\x00\x00z'),
            (array.array, 'i', 19, b'\x00a\x00b'), (array.array, 'h', 3, b'\x00')]:
    try:
        r(*bad)
    except Exception as e:
        print(type(e).__name__, e)

class A(array.array):
    def __init__(self, typecode, items=(), *, label=None):
        self.label = label

s = A('h', [5, 6], label='x')
s2 = pickle.loads(pickle.dumps(s, 4))
print(type(s2).__name__, s2, s2.label)
try:
    array.array('b', [1], label='x')
except TypeError as e:
    print(e)

it = iter(array.array('i', [10, 20, 30]))
next(it)
it2 = pickle.loads(pickle.dumps(it))
print(list(it2), list(it))
print(pickle.loads(pickle.dumps(it)).__reduce__())

a = array.array('d', [1.5])
w = weakref.ref(a)
print(w() is a, isinstance(a, collections.abc.MutableSequence))
try:
    a + "bad"
except TypeError as e:
    print(e)
try:
    a.pop(None)
except TypeError as e:
    print(e)

big = array.array('d', [-1] * 65536)
try:
    big *= sys.maxsize // 65536 + 1
except MemoryError:
    print("MemoryError", len(big))
try:
    array.array('d', [1.0, 2.0, 3.0]) * (sys.maxsize // 100)
except MemoryError:
    print("MemoryError")
