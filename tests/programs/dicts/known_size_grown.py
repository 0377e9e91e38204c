# Dicts made at a known size (literals, instance attributes, a type's
# methods) have room for exactly their entries: the first key added after
# that moves them to a table of their own, which must keep their order,
# their deletions and the errors of iteration across the move.

def literal(n):
    if n == 1:
        return {"a": 1}
    if n == 3:
        return {"a": 1, "b": 2, "c": 3}
    if n == 6:
        return {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}
    return {k: i for i, k in enumerate("abcdefghijklm"[:n])}


for n in (1, 3, 6, 9):
    d = literal(n)
    d["new"] = n
    d[n] = "int key"
    print(n, list(d.items()))
    del d["a"]
    d["a"] = 0
    print(n, list(d), len(d))
    print(n, d.popitem(), d.popitem(), list(d))

# A literal with a key given twice: fewer entries than the literal has pairs.
d = {"x": 1, "y": 2, "x": 3}
d["z"] = 4
print(d)

# Iteration across the move to a bigger table.
d = {"a": 1, "b": 2, "c": 3}
try:
    for k in d:
        d["d" + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)

d = {"a": 1, "b": 2, "c": 3}
it = iter(d)
next(it)
del d["c"]
d["c2"] = 3
try:
    print(list(it))
except RuntimeError as e:
    print("RuntimeError:", e)

# An instance dict grown past its first room, then read back in order.
class C:
    pass

o = C()
for i in range(12):
    setattr(o, "attr%d" % i, i)
print(vars(o))
del o.attr3
o.attr3 = "again"
print(list(vars(o)))

# Filled item by item, emptied, filled again.
d = {}
for i in range(40):
    d[i] = i * i
for i in range(0, 40, 3):
    del d[i]
print(len(d), sum(d), list(d)[:8])
d.clear()
d.update({"p": 1, "q": 2})
d.setdefault("r", 3)
print(d, d.copy(), dict(d, s=4))
