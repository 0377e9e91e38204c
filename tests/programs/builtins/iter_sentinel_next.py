# iter() with sentinel, next() defaults, manual iteration protocol over builtins
chunks = iter(["ab", "cd", "", "ef"])
print(list(iter(lambda: next(chunks), "")))
n = [0]
def tick():
    n[0] += 1
    return n[0]
print(list(iter(tick, 5)))
for container in [[1, 2], (3,), "xy", {"k": 1}, {5}, range(2), b"z", bytearray(b"w")]:
    it = iter(container)
    print(type(it).__name__, next(it), next(it, "<end>"))
it = iter([1, 2, 3])
print(iter(it) is it, list(it), list(it))
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError:", e)
d = {"a": 1, "b": 2}
ki = iter(d)
print(next(ki), next(ki), next(ki, None))
def gen():
    yield from range(3)
g = gen()
print(iter(g) is g, next(g), [*g])
e = enumerate(iter("pq"))
print(next(e), list(e))
z = zip(iter([1, 2, 3]), iter("ab"))
print(list(z))
r = reversed([1, 2, 3])
print(next(r), list(r))
