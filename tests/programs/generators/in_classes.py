# Generators as methods: __iter__ written with yield, properties, recursion over trees.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
    def leaves(self):
        if not self.children:
            yield self.value
        for c in self.children:
            yield from c.leaves()
    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)
t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6)))
print(list(t))
print(list(t.leaves()))
print(max(t), sum(t), 5 in t, 9 in t)
for d, v in t.depth_first():
    print("  " * d + str(v))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c))
it = iter(c)
print(type(it).__name__, next(it), next(it))
print(sorted(Countdown(5)), tuple(Countdown(2)), set(Countdown(3)) == {1, 2, 3})
print(dict(zip(Countdown(3), "abc")))
print(list(enumerate(Countdown(2))))
print("".join(str(x) for x in Countdown(4)))
g = t.leaves()
print(g.__qualname__)
