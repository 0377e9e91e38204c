# tuples: packing, unpacking, immutability, methods, comparison, nesting, hashing
t = 1, 2, 3
single = (5,)
empty = ()
print(t, single, empty, type(single).__name__, len(empty), (5), tuple("ab"), tuple([1, [2]]))
print(t + single, t * 2, t[1], t[-1], t[::-1], t.count(2), t.index(3), 2 in t)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), (1, "a") == (1, "a"))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
try:
    (1, 2) < (1, "x")
except TypeError as e:
    print("TypeError:", e)
holder = ([1], 2)
holder[0].append(2)
print(holder)
try:
    hash(holder)
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
a, b = b, a = 1, 2
print(a, b)
x, (y, z), w = 1, (2, 3), 4
print(x, y, z, w)
print(tuple(i * i for i in range(4)), sum((1, 2, 3)), max((3, 9, 2)), sorted((3, 1, 2)))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), repr(((),)), repr((((1,),),)))
print(tuple.__name__, (1, 2).__len__(), t.__getitem__(0), (1,) * 0)
coords = [(1, 2), (0, 5), (1, -1)]
print(sorted(coords), min(coords), max(coords, key=lambda p: p[1]))
