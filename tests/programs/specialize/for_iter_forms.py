# FOR_ITER_LIST, FOR_ITER_TUPLE, FOR_ITER_RANGE (3.12's forms): lists that grow and shrink while iterated, iterators of other types at the same loop, ranges beyond 63 bits, iterators shared with next()
def total(iterable):
    t = []
    for x in iterable:
        t.append(x)
    return t


def gen(n):
    yield from range(n)


print(total([1, 2, 3]), total((4, 5)), total(range(3)), total(gen(3)), total("ab"),
      total(range(10, 0, -3)), total(range(2**64, 2**64 + 3)), total(range(-2**63, -2**63 + 2)),
      total({1: 2}), total([]), total(()), total(range(0)), total([7]))

lst = [1, 2, 3]
seen = []
for x in lst:
    seen.append(x)
    if x < 6:
        lst.append(x + 3)
print(seen, lst)
lst = list(range(10))
seen = []
for x in lst:
    seen.append(x)
    if x == 3:
        del lst[4:]
print(seen)
lst = list(range(6))
for x in lst:
    if x == 2:
        lst.clear()
print(x, lst)

# One iterator, stepped by the loop and by next() in its body.
it = iter([1, 2, 3, 4, 5, 6])
pairs = []
for a in it:
    pairs.append((a, next(it, None)))
print(pairs)
it = iter(range(7))
for a in it:
    if a == 2:
        break
print(list(it), list(it))
t = tuple(range(5))
it = iter(t)
print([x * next(it, 100) for x in it])
# Nested loops over each kind, the inner site meeting all three.
out = 0
for seq in ([1, 2], (3, 4), range(5, 7), [8], iter([9, 10])):
    for v in seq:
        out = out * 3 + v
print(out)
r = range(5)
print(sum(i for i in r), [i for i in r if i % 2], list(reversed(r)))
