# sorting: key functions, reverse, stability, mixed numeric types, sorting strings and lists, a TypeError on unorderable items, 1000 items
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
l = [5, 2, 8, 1, 9, 3]
l.sort(); print(l); l.sort(reverse=True); print(l)
l.sort(key=lambda x: -x % 4); print(l)
print(sorted([3.5, 1, True, 2 ** 65, -1.5]), sorted("hello"), sorted([[2, 1], [1, 2], [1]]))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
big = [(i * 7919) % 1000 for i in range(1000)]
print(sorted(big)[:5], sorted(big)[-5:], sorted(big, reverse=True)[:3])
