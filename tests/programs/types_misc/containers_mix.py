# containers nested in each other: a dict of lists/tuples/sets, a matrix of lists, zip(*m), a list as a stack, slicing with index()
data = {"nums": [5, 3, 8], "pair": (1, 2), "set": {3, 1}, "nested": {"k": [1, {"x": None}]}}
print(data)
print(sorted(data), [k for k in data if len(k) > 3], {k: len(v) for k, v in data.items() if hasattr(v, "__len__")})
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m, [row[:] for row in m] == m, list(zip(*m)), [x for row in m for x in row if x])
stack = []
for i in range(5):
    stack.append(i)
print(stack.pop(), stack.pop(), stack, stack[::-1], list(enumerate("ab", 1)))
q = list(range(10))
print(q[q.index(3):q.index(7)], q.count(3), [q[i] for i in range(0, 10, 4)], any(q), all(q))
