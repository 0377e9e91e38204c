# _collections.deque: the accelerator under collections — maxlen, rotate, insert, index, remove, reprs, __reduce__, iterators, subclasses, errors
from _collections import deque, _deque_iterator, _deque_reverse_iterator

def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)

print(deque, _deque_iterator, _deque_reverse_iterator, deque.__module__, repr(deque[int]))
d = deque([1, 2, 3], 5)
r = d.__reduce__()
print(r[:3], list(r[3]), deque().__reduce__()[:3], d.maxlen, deque().maxlen)
it = iter(d)
print(it.__reduce__(), it.__length_hint__(), type(it).__name__, type(it).__module__)
next(it)
print(it.__reduce__(), it.__length_hint__(), list(it), it.__length_hint__(), it.__reduce__())
rv = reversed(d)
print(rv.__reduce__(), next(rv), rv.__length_hint__(), list(rv))
print(list(_deque_iterator(d, 1)), list(_deque_reverse_iterator(d, 2)), list(_deque_iterator(d, 9)))
e(lambda: _deque_iterator([1]))
e(lambda: setattr(d, 'maxlen', 3))
e(lambda: hash(d))
for f in [lambda: d.remove(9), lambda: d.index(9), lambda: d[7], lambda: d.__setitem__(7, 1),
          lambda: d.__delitem__(-7), lambda: d['a'], lambda: d[1:2], lambda: deque().pop(),
          lambda: deque().popleft(), lambda: d.append(), lambda: d.append(1, 2),
          lambda: d.append(x=1), lambda: d.pop(1), lambda: d.rotate('a'), lambda: d.rotate(1, 2),
          lambda: d.index(), lambda: d.index(1, 'a'), lambda: d.insert(1), lambda: d.insert('a', 1),
          lambda: deque(1), lambda: deque([], 'a'), lambda: deque([], -1), lambda: deque([], 1, 2),
          lambda: deque(x=1), lambda: deque([], maxlen=2 ** 80), lambda: d + [1], lambda: d * 'a',
          lambda: d < [1], lambda: d.count(), lambda: deque.append(1, 2), lambda: [1] + d,
          lambda: d.extend(1), lambda: d.__reversed__(1), lambda: d.index(2, 2)]:
    e(f)
d.append(d)
print(d, deque([[1]]))
del d[-1]

x = deque([1, 2, 3, 4, 5])
x.rotate(2); print(x)
x.rotate(-7); print(x)
x.rotate(0); x.rotate(10 ** 12 + 3); print(x)
x.insert(-2, 'a'); x.insert(100, 'b'); x.insert(-100, 'c'); x.insert(3, 'm'); print(x)
print(x.index(4), x.index(1, -3), x.index('c', 0, 1), x.count(1), x.count('zz'))
x.remove('m'); x.reverse(); print(x, len(x), 3 in x, 'zz' in x)
del x[1]; del x[-1]; x[0] = 'first'; print(x, x[0], x[-1], x[-2])
y = deque([1, 2], maxlen=2)
e(lambda: y.insert(0, 5))
y.extendleft([7, 8, 9]); print(y)
y.append(0); y.appendleft(-1); print(y, y.pop(), y, y.popleft(), y)
z = deque(maxlen=0); z.append(1); z.extend(range(5)); print(z)
z = deque([1, 2, 3], 5); z *= 3; print(z)
z = deque([1, 2, 3], 5); z += z; print(z)
z = deque('ab'); z += 'cd'; z += range(2); print(z)
z = deque([]); z *= 3; print(z)
z = deque([1]); z *= 0; print(z)
z = deque([1]); z *= 4; print(z)
z = deque('abc'); print(z * 2, 2 * z, z * -1, z + deque('d'), deque([1]) + deque([2], 1))
print(deque([1, 2], 3) * 2, z.copy(), z.__copy__(), z.copy() is z)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) < deque([1, 0]),
      deque([2]) >= deque([1, 5]), deque() == [], deque([1]) != deque([1]), z == z)
print(bool(deque()), bool(deque([0])))
e(lambda: deque.__init__(z, [4, 5], 1) or z)
e(lambda: z.__init__() or z)
z.extend(z); z.extendleft(z); print(z)
z.clear(); print(z, len(z))

class D(deque):
    pass
o = D([1, 2]); o.a = 1
r = o.__reduce__()
print(o, r[:3], list(r[3]), repr(D([3], 2)), type(o.copy()).__name__, o.copy(), type(o + o).__name__)

class W(deque):
    def __init__(self, n, maxlen=None):
        super().__init__(range(n), maxlen)
        self.n = n
w = W(3)
print(w, w.n, W(5, 2))
e(lambda: w * 2)

d = deque(range(5))
for f in [lambda: [d.append(1) for v in d], lambda: [d.pop() for v in d],
          lambda: [d.rotate(1) for v in reversed(d)]]:
    e(f)
it = iter(d); d.append(0)
e(lambda: next(it))
e(lambda: next(it))

class Eq:
    def __init__(self, dq): self.dq = dq
    def __eq__(self, other):
        self.dq.append(1)
        return False
d = deque([1, 2, 3])
d.append(Eq(d))
for f in [lambda: d.count(3), lambda: d.index(99), lambda: d.remove(99), lambda: 99 in d]:
    e(f)
