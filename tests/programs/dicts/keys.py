# Keys of many types; equal numbers are the same key; insertion order is kept.
d = {}
d[1] = "int one"
d[1.0] = "float one"
d[True] = "bool true"
print(d)
d[(1, 2)] = "tuple"
d["1"] = "string"
d[None] = "none"
d[-5] = "negative"
d[2 ** 100] = "big"
d[0.5] = "half"
print(d)
print(d[1], d[(1, 2)], d["1"], d[None], d[2 ** 100], d[0.5], d[-5])
print(list(d.keys()))
for key in [0, 1, 2, (1, 2), (2, 1), "x", None, 2 ** 100, 2.0 ** 100]:
    print(repr(key), key in d)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
order = {}
for w in ["zeta", "alpha", "mid", "alpha", "zeta", "omega"]:
    order[w] = order.get(w, 0) + 1
print(order, list(order))
del order["alpha"]
order["alpha"] = 9
print(order)
