# unpacking in displays: [*a, *b], (*a,), {*a}, {**d}, and starred assignment targets
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), [*a, 0, *b, *"xy"], (*range(3),))
print(sorted({*a, *b, 1}))
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print({**d1, **d2}, {**d2, **d1}, {"w": 0, **d1, "x": 100})
print({**{}, **dict(a=1)})
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
(p, q), *others = [(1, 2), (3, 4), (5, 6)]
print(p, q, others)
for x, *ys in [(1, 2, 3), (4,), (5, 6)]:
    print(x, ys)
try:
    a1, *b1, c1 = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    x, y = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    x, y, z = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    [*5]
except TypeError as e:
    print("TypeError:", e)
try:
    {**[1]}
except TypeError as e:
    print("TypeError:", e)
m = [[*row, sum(row)] for row in [[1, 2], [3, 4]]]
print(m)
print([*map(str, range(3)), *filter(None, [0, 1, 2])])
s = "%s-%s" % (*a,)
print(s)
