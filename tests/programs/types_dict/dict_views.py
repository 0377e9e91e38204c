# dict views: membership, set operations, reversed, live after updates, changing size during iteration, | and |= merges, equality
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, 2 in v, ("a", 1) in i, ("a", 2) in i)
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "z"}), sorted(i & {("a", 1)}), k == {"a", "b", "c"})
print(k <= {"a", "b", "c", "d"}, k.isdisjoint({"x"}), list(reversed(k)), list(reversed(v)), list(reversed(i)))
d["d"] = 4
print(k, list(v), len(i))
try:
    for key in d:
        d["new"] = 1
except RuntimeError as e:
    print(e)
print(d | {"z": 0}, {"a": 0} | d)
e = {"x": 1}; e |= {"y": 2}; e |= [("z", 3)]; print(e)
print({1: 1} == {1: 1.0}, {1: 2} != {1: 3}, dict.fromkeys(range(3)).keys() == {0, 1, 2})
