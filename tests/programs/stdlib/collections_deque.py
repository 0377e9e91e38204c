# collections.deque: appends and pops at both ends, rotate, indexing, insert/remove, maxlen windows, comparison, + * +=, error messages
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend('ab')
d.extendleft([9, 8])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(d.count(1), d.index(2), 'a' in d, 'z' in d)
d.remove('a')
d.reverse()
print(d, list(reversed(d)))
d.insert(1, 'X')
d[0] = 'first'
del d[2]
print(d)
b = deque(range(10), maxlen=3)
print(b, b.maxlen)
b.append(10)
b.appendleft(-1)
print(b)
print(deque('abc') == deque('abc'), deque([1]) == deque([2]), deque([1, 2]) < deque([1, 3]))
c = d.copy()
c.clear()
print(c, d, bool(c), bool(d))
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2)
e = deque()
e += [1, 2]
print(e, list(e), [x * 2 for x in e])
for name, f in [('pop', e.pop), ('pop', e.pop), ('pop', e.pop)]:
    try:
        print(f())
    except IndexError as err:
        print(name, err)
try:
    deque().popleft()
except IndexError as err:
    print(err)
try:
    deque([1]).remove(5)
except ValueError as err:
    print(err)
try:
    deque([1]).index(5)
except ValueError as err:
    print(err)
try:
    deque([1])[5]
except IndexError as err:
    print(err)
try:
    deque([1, 2], maxlen=2).insert(0, 3)
except IndexError as err:
    print(err)
q = deque(maxlen=0)
q.append(1)
print(q, deque([], maxlen=5))
window = deque(maxlen=3)
sums = []
for x in range(10):
    window.append(x)
    sums.append(sum(window))
print(sums)
