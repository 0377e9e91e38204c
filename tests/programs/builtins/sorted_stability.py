# sorted/list.sort: stability, multi-key sorts via successive stable sorts, key errors
records = [("ann", 30, "oslo"), ("bob", 25, "rome"), ("cid", 30, "lima"),
           ("dee", 25, "oslo"), ("eve", 35, "rome"), ("fay", 30, "rome")]
by_age = sorted(records, key=lambda r: r[1])
print([r[0] for r in by_age])
by_city_then_age = sorted(sorted(records, key=lambda r: r[1]), key=lambda r: r[2])
print([(r[2], r[1], r[0]) for r in by_city_then_age])
print([r[0] for r in sorted(records, key=lambda r: (-r[1], r[0]))])
print([r[0] for r in sorted(records, key=lambda r: r[1], reverse=True)])
data = [3, 1, 2] * 3
data.sort()
print(data)
words = "the Quick brown fox Jumps over THE lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(range(-5, 6), key=lambda n: (n * n, n)))
try:
    sorted([3, 1], key=lambda n: None if n == 1 else n)
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2].sort(lambda a: a)
except TypeError as e:
    print("TypeError:", e)
class Item:
    def __init__(self, k):
        self.k = k
    def __lt__(self, o):
        return self.k < o.k
    def __repr__(self):
        return "I%d" % self.k
print(sorted([Item(3), Item(1), Item(2)]), max([Item(3), Item(9)], key=lambda i: i.k))
big = [(i * 7919) % 1009 for i in range(200)]
s = sorted(big)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
