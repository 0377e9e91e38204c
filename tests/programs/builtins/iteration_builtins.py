# enumerate, zip (incl. strict), map, filter, reversed, sorted, iter/next, all/any
print(list(enumerate("abc")), list(enumerate("abc", start=10)), list(enumerate([])))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])), dict(zip("xy", (1, 2))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip(*[(1, "a"), (2, "b")])))
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(str.upper, ["a", "b"])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda n: n % 2, range(8))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
print(sorted([3, 1, 2]), sorted("hello"), sorted({"b": 1, "a": 2}), sorted([3, 1, 2], reverse=True))
print(sorted(["a10", "a9", "b1"], key=lambda s: (s[0], int(s[1:]))), sorted([(1, 2), (1, 1), (0, 5)]))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "default"))
print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, 0, 3]), any(x > 5 for x in range(10)))
e = enumerate("xy")
print(next(e), next(e), next(e, None))
z = zip(range(3), range(10, 13))
print(next(z), list(z))
m = map(lambda x: x * 10, range(3))
print(next(m), list(m), list(m))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    list(map(lambda a, b: a, [1]))
except TypeError as e:
    print("TypeError:", e)
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(str, [])).__name__, type(reversed([])).__name__)
