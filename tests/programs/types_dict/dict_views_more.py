# dict views: keys/values/items are live, set operations on keys and items, reversed
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["d"] = 4
print(list(k), list(v), list(it), len(k))
del d["a"]
print(list(k), "a" in k, "b" in k, 2 in v, ("b", 2) in it, ("b", 3) in it)
print(sorted(k & {"b", "z"}), sorted(k | {"z"}), sorted(k - {"b"}), sorted(k ^ {"b", "y"}))
print(sorted(it & {("c", 3), ("x", 0)}), k == {"b", "c", "d"}, k <= {"b", "c", "d", "e"})
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(type(k).__name__, type(v).__name__, type(it).__name__)
try:
    for key in d:
        d[key + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
d = {"x": 1, "y": 2}
try:
    for key in d.keys():
        del d[key]
except RuntimeError as e:
    print("RuntimeError:", e)
print(k.isdisjoint({"q"}) if False else d, {"a": 1}.keys().isdisjoint(["b"]))
nums = {i: i * i for i in range(5)}
print(sum(nums.values()), max(nums.items(), key=lambda p: p[1]), sorted(nums.keys(), reverse=True))
for key, val in nums.items():
    if val > 4:
        print(key, val, end=" ")
print()
vals = nums.values()
print(vals == nums.values(), list(vals)[-1], len(vals))
