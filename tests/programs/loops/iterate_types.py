# for over every iterable kind: str, list, tuple, dict, set, range, enumerate, zip.
for ch in "abc":
    print(ch, end=" ")
print()
for item in [1, "two", 3.0]:
    print(repr(item), end=" ")
print()
for item in (True, None):
    print(item, end=" ")
print()
d = {"x": 1, "y": 2}
for k in d:
    print(k, d[k], end=" ")
for k, v in d.items():
    print(k + "!", v, end=" ")
for v in d.values():
    print(v * 10, end=" ")
print()
for n in {3, 1, 2}:
    print(n, end=" ")
print()
for i, ch in enumerate("xyz", start=1):
    print(i, ch, end=" ")
print()
for a, b, c in zip("abc", [1, 2, 3], (True, False, None)):
    print(a, b, c, end=" | ")
print()
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"))
lst = [1, 2, 3]
for x in lst:
    if x < 10:
        lst.append(x * 10)
print(lst)
words = ["one", "two", "three"]
lengths = []
for w in words:
    lengths.append(len(w))
print(lengths)
for i in range(len(words) - 1, -1, -1):
    print(i, words[i], end="; ")
print()
