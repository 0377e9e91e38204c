# collections.deque across its 64-item blocks: growth at both ends, queues that walk
# through many blocks, rotate by more than a block, indexing, insert/del/remove in the
# middle, maxlen drops, iterators crossing blocks, mutation during iteration, copy,
# pickling, comparisons, *=, extend of itself, clear and reuse
import copy
import pickle
from collections import deque


def check(d, ref, what):
    # every view of d must agree with the list kept alongside it
    ok = (list(d) == ref and len(d) == len(ref) and list(reversed(d)) == ref[::-1]
          and all(d[i] == ref[i] for i in range(-len(ref), len(ref))))
    print(what, len(d), ok, ref[:3], ref[-3:])


# appends and appendlefts past several blocks, then pops back through them
d, ref = deque(), []
for i in range(300):
    d.append(i)
    ref.append(i)
    d.appendleft(-i)
    ref.insert(0, -i)
check(d, ref, "both ends")
for _ in range(250):
    ref.pop(), d.pop()
    ref.pop(0), d.popleft()
check(d, ref, "popped")
while d:
    d.pop()
d.appendleft("x")
d.append("y")
print(list(d), d[0], d[-1])

# a queue that stays short walks through many blocks
q = deque()
total = 0
for i in range(1000):
    q.append(i)
    if len(q) > 5:
        total += q.popleft()
print("queue", list(q), total)

# a queue that grows, then drains (empties once, then fills again)
q = deque(range(200))
print([q.popleft() for _ in range(200)], len(q))
q.extend(range(130))
print(q[0], q[63], q[64], q[127], q[128], q[-1], len(q))

# rotate by more than a block, both ways, with and against n % len
for n in (1, 63, 64, 65, 130, -1, -64, -65, -130, 999, -999, 200, -200):
    d = deque(range(200))
    ref = list(range(200))
    d.rotate(n)
    k = n % 200
    ref = ref[-k:] + ref[:-k] if k else ref
    check(d, ref, "rotate %d" % n)
d = deque(range(10))
d.rotate()
print(list(d))

# indexing and assignment across blocks
d = deque(range(150))
d.appendleft(-1)
for i in (0, 1, 62, 63, 64, 65, 127, 128, 150, -1, -64, -65, -151):
    d[i] = d[i] * 10
print([d[i] for i in (0, 1, 62, 63, 64, 65, 127, 128, 150, -1, -64, -65, -151)])
for bad in (151, -152):
    try:
        d[bad]
    except IndexError as e:
        print("IndexError", e)

# insert, del and remove in the middle, on either side of the middle
d, ref = deque(range(200)), list(range(200))
for i, x in ((100, "a"), (3, "b"), (190, "c"), (64, "d"), (-5, "e"), (0, "f"), (500, "g"),
             (-500, "h")):
    d.insert(i, x)
    ref.insert(i, x)
check(d, ref, "insert")
for i in (100, 3, 190, 64, -5, 0, -1):
    del d[i]
    del ref[i]
check(d, ref, "del")
for x in ("a", "d", 150, 0, 199):
    d.remove(x)
    ref.remove(x)
check(d, ref, "remove")
print(d.index(70), d.index(70, 50, 100), d.count(70), 70 in d, 1000 in d)

# maxlen: the other end drops, across blocks
d = deque(maxlen=100)
for i in range(350):
    d.append(i)
print("maxlen right", d[0], d[-1], len(d), d.maxlen)
for i in range(170):
    d.appendleft(-i)
print("maxlen left", d[0], d[-1], len(d))
d = deque(range(1000), maxlen=70)
print(d[0], d[-1], len(d))
d.extendleft(range(100))
print(d[0], d[-1], len(d))
d = deque(range(70), maxlen=70)
try:
    d.insert(3, "x")
except IndexError as e:
    print("IndexError", e)
print(deque(range(5), maxlen=0), deque(range(200), maxlen=3))

# iterators across blocks, forward and reversed, and advanced ones
d = deque(range(-100, 100))
print(sum(d), sum(reversed(d)), list(iter(d))[60:70], list(reversed(d))[60:70])
it = iter(d)
print([next(it) for _ in range(130)][-3:], it.__length_hint__(), it.__reduce__()[1][1])
print(len(list(it)), list(it))

# mutation during iteration
for mutate in (lambda d: d.append(0), lambda d: d.appendleft(0), lambda d: d.pop(),
               lambda d: d.popleft(), lambda d: d.rotate(70), lambda d: d.clear(),
               lambda d: d.extend([1]), lambda d: d.insert(5, 0), lambda d: d.remove(65)):
    d = deque(range(200))
    seen = 0
    try:
        for x in d:
            seen += 1
            if seen == 66:
                mutate(d)
    except RuntimeError as e:
        print("RuntimeError", e, seen)
d = deque(range(200))
for i, x in enumerate(d):           # in-place changes are not mutations
    if i == 10:
        d[150] = "set"
        d.reverse()
print(x, i)

# copies, pickling, comparisons
d = deque(range(150), maxlen=180)
for c in (d.copy(), copy.copy(d), copy.deepcopy(d), pickle.loads(pickle.dumps(d))):
    print(type(c).__name__, c == d, c is d, c.maxlen, c[64], c[-1])
e = deque(range(150))
print(d == e, d != e, d < e, e <= d, deque(range(129)) < deque(range(130)),
      deque(range(130)) > deque(range(129)), deque([1] * 70) == deque([1] * 70))
e[100] = -1
print(e < d, e > d)
print((d + e)[160], len(d + e), len(e * 3), (e * 3)[299], len(3 * deque(range(50), maxlen=120)))
e *= 2
print(len(e), e[150])
e.extend(e)
print(len(e), e[450], e[-1])
e.extendleft(e)
print(len(e), e[0], e[-1])

# clear, then used again; repr of a long deque
e.clear()
print(len(e), list(e))
e.extend(range(70))
e.rotate(-5)
print(e[0], e[-1], len(e))
print(repr(deque(range(70)))[:40], repr(deque(range(70)))[-30:])
