# A list that changes while its items' __eq__ or __repr__ runs: in, count, index, ==, <, repr re-read it; tuples share the code.
class Shrink:
    """Equal to nothing; empties the list it watches when compared."""
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        self.target.clear()
        return False
    __hash__ = None

class Grow:
    """Appends to the list it watches, a few times."""
    def __init__(self, target, times):
        self.target, self.times = target, times
    def __eq__(self, other):
        if self.times > 0:
            self.times -= 1
            self.target.append(other)
        return False
    __hash__ = None

a = [0, 0, 0]
a[0] = Shrink(a)
print(5 in a, len(a))
a = [0, 0, 0]
a[0] = Shrink(a)
print(a.count(5), len(a))
a = [0, 0, 0]
a[0] = Shrink(a)
try:
    a.index(5)
except ValueError as e:
    print("ValueError:", e, len(a))
a = [1, 2]
a.insert(0, Grow(a, 3))
print(a.index(9), len(a))                     # finds the appended 9 after the end
b = [1, 2]
b.insert(0, Grow(b, 2))
print(b.index(9, 0, 100), b.count(9), 9 in b)
x = [0, 1]
x[0] = Shrink(x)
print(x == [5, 1], x, x < [0])
y = [1, 2, 3]
class Mutates:
    def __repr__(self):
        y.pop()
        return "M"
y.insert(0, Mutates())
print(repr(y))

# tuples: the same helpers, nothing to re-read
t = (1, 2, 3, 2, 1)
print(2 in t, 7 in t, t.count(2), t.index(2), t.index(2, 2), t.index(1, -1), t.index(3, -10, 10))
for args in ((7,), (2, 4), (1, 1, 4)):
    try:
        print(t.index(*args))
    except ValueError as e:
        print("ValueError:", e)
print((1, [2]) == (1, [2]), (1, 2) < (1, 2, 0), (), (1,), repr((1, (2,), [3])), ("a",) * 3 + (1,))
print([1, 2] * 2, 2 * [1], [1] + [2], (1,) * 0, 3 * (1, 2))
for f in (lambda: [1] + (2,), lambda: (1,) + [2], lambda: [1] * 1.5, lambda: (1,) * "2"):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
print([1, 2, 3].index(3, -1), [1, 2, 3].count(4), ["a", "b"].index("b", 1, 2))
