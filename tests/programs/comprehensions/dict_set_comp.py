# Dict and set comprehensions.
print({x: x ** 2 for x in range(8)})
print({k: v for k, v in zip("abc", [1, 2, 3])})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {w[0]: [v for v in words if v[0] == w[0]] for w in words}
print(by_letter)
print({w: len(w) for w in words if len(w) > 5})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({x % 5 for x in range(50)}, {n * n for n in range(-3, 4)})
print(sorted({w[-1] for w in words}))
grid = {(r, c): r * 3 + c for r in range(3) for c in range(3)}
print(grid[(2, 1)], len(grid), [grid[(i, i)] for i in range(3)])
counts = {ch: "mississippi".count(ch) for ch in "mississippi"}
print(counts)
print({i: {j: i * j for j in range(3)} for i in range(3)})
