# min/max edge cases: ties keep the first, key functions, default, iterables of iterables, strings
pairs = [(1, "first"), (3, "x"), (1, "second"), (3, "y")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[0]))
print(max("b", "a", "c"), min(["bb", "a", "ccc"], key=len), max(["bb", "a", "cc"], key=len))
print(max([[1, 2], [1, 3], [0, 9]]), min(((2,), (1, 5), (1,))))
print(max(range(10), key=lambda n: n % 4), min(range(10), key=lambda n: -n))
print(max({"a": 3, "b": 1}), max({"a": 3, "b": 1}.values()), min({3: "c", 1: "a"}.items()))
print(max([], key=len, default="none"), max(iter([2, 8, 3])), min(x * x for x in range(-3, 3)))
print(max(0.5, 1, key=float), max(-0.0, 0.0), max(0.0, -0.0), max(True, 1), max(1, True))
for bad in [lambda: max(), lambda: max(1), lambda: min([], key=len), lambda: max(1, 2, default=0), lambda: max("a", 1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
