# container protocol: __getitem__/__setitem__/__delitem__/__contains__/__len__/__iter__
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell %r out of range" % (key,))
        return self.cells.get(key, ".")
    def __setitem__(self, key, v):
        print("set", key, v)
        self.cells[key] = v
    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]
    def __contains__(self, v):
        return v in self.cells.values()
    def __len__(self):
        return len(self.cells)
    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))
g = Grid(4, 3)
g[0, 0] = "#"
g[3, 2] = "@"
g[1, 1] = "#"
for row in g:
    print(row)
print(len(g), "@" in g, "$" in g, "$" not in g)
del g[1, 1]
print(len(g), list(g))
try:
    g[9, 9]
except IndexError as e:
    print("IndexError:", e)
try:
    del g[5, 5]
except KeyError as e:
    print("KeyError:", e)
class Seq:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
s = Seq()
print(list(s), 9 in s, 10 in s)
for i, v in enumerate(s):
    print(i, v, end="; ")
print()
a, b, *rest = s
print(a, b, rest)
class Sl:
    def __getitem__(self, k):
        return k
x = Sl()
print(x[1:2], x[::3], x[1, 2:3, ...], x["key"])
