# A set or frozenset of id()s does not keep the objects alive (the table stores hashes complemented), and hashes and order still match CPython's.
import gc
import weakref


class A:
    pass


def dropped(make):
    objs = [A() for _ in range(200)]
    held = make(id(o) for o in objs)
    refs = [weakref.ref(o) for o in objs]
    del objs
    for _ in range(3):
        gc.collect()
    return len(held), sum(r() is None for r in refs)


print("set", dropped(set))
print("frozenset", dropped(frozenset))

s = set(range(60))
for i in range(0, 60, 4):
    s.discard(i)
print(sorted(s) == list(s), len(s))
print(hash(frozenset(s)), hash(frozenset()), hash(frozenset({-1, -2, 2**61})))
print(hash(frozenset({"a"})) == hash(frozenset({"a"})), frozenset({1, 2}) == frozenset({2, 1}))
t = set()
for x in (9, 17, 33, 1):
    t.add(x)
t.pop()
t.add(65)
print(t, hash(frozenset(t)))
