# Lists are mutable objects: aliasing, copies, nesting, identity.
a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
b.append(4)
print(a, b, c, d, a is b, a is c, a == b)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
shared = [[0] * 3] * 3
shared[1][1] = 5
print(shared)
m = [[i * 3 + j for j in range(3)] for i in range(3)]
print(m, m[2][1], m[-1][-1])
t = [list(row) for row in zip(m[0], m[1], m[2])]
print(t)
flat = []
for row in m:
    flat += row
print(flat, len(flat), sum(flat))
lst = [1, [2, [3, [4, [5]]]]]
depth = 0
x = lst
while isinstance(x, list):
    depth += 1
    x = x[-1]
print(depth, x)
e = []
e.append(e is e)
print(e, [[]] == [[]], [[]] * 2)
