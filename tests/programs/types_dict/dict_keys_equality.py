# dict keys: 1, 1.0 and True (0, -0.0, False) are one key, nan keys match by identity, unhashable keys, deleting from a 1000-key dict
d = {}
d[1] = "int"; d[1.0] = "float"; d[True] = "bool"
print(d, len(d))
d[0] = "zero"; d[-0.0] = "negzero"; d[False] = "false"
print(d)
nan = float("nan")
d2 = {nan: 1}
d2[nan] = 2
d2[float("nan")] = 3
print(len(d2), d2[nan])
print({(1, 2): 1, (1.0, 2.0): 2}, {frozenset([1]): "f"}[frozenset([1.0])])
try:
    {[1]: 2}
except TypeError as e:
    print(e)
try:
    {}.get({})
except TypeError as e:
    print(e)
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 3):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()), big.get(999), big.get(998))
