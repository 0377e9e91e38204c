# List comprehensions: filters, nesting, conditional expressions, closures.
print([x * x for x in range(10)])
print([x for x in range(30) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([c.upper() for c in "hello" if c != "l"])
print(["even" if n % 2 == 0 else "odd" for n in range(5)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2])
print([len(w) for w in "the quick brown fox".split()])
scale = 10
print([x * scale for x in [1, 2, 3]])
def scaled(k):
    return [x * k for x in range(4)]
print(scaled(3), scaled(-1))
x = "outer"
print([x for x in "ab"], x)
print([[j for j in range(i)] for i in range(5)])
print(sum([i for i in range(101)]), max([abs(v) for v in [-9, 3, 7]]))
print([i for i in range(0)], [None for _ in range(3)])
