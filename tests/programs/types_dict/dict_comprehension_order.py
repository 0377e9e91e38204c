# dict/set/list comprehension semantics: order, duplicate keys, scoping, nested, conditionals
words = ["apple", "bob", "cat", "apple", "dog", "bob"]
first_pos = {w: i for i, w in enumerate(words) if w not in words[:i]}
last_pos = {w: i for i, w in enumerate(words)}
print(first_pos, last_pos)
print({len(w): w for w in words})
print(sorted({len(w) for w in words}), [w for w in words if len(w) == 3])
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [row[i] for i, row in enumerate(grid)], [[row[c] for row in grid] for c in range(3)])
print([x for row in grid for x in row if x % 2], {(r, c): grid[r][c] for r in range(2) for c in range(2) if r != c})
x = "outer"
res = [x for x in range(3)]
print(x, res)
print([(lambda y: y * 2)(v) for v in range(3)], [[j for j in range(i)] for i in range(4)])
print({k: v for k, v in zip("abc", range(3)) if v}, dict.fromkeys(range(3), "v"))
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
print([y for x in [[1, 2], [3]] for y in x], [i if i % 2 else -i for i in range(6)])
print([n for n in range(2, 40) if all(n % d for d in range(2, n))])
print(sum(1 for _ in range(1000) if _ % 7 == 0), [*(c for c in "ab")])
matrix = {(i, j): i * j for i in range(1, 4) for j in range(1, 4)}
print(matrix[(2, 3)], max(matrix, key=matrix.get), len(matrix))
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
