# classes nothing refers to are collected (weakly listed for __subclasses__ and caches)
import gc, weakref

def make(i):
    class Temp:
        def get(self):
            return i
    return Temp

refs = []
for i in range(2000):
    C = make(i)
    assert C().get() == i
    refs.append(weakref.ref(C))
del C
gc.collect()
print("most collected:", sum(r() is None for r in refs) > 1900)

class Base: pass
kept = [type("K%d" % i, (Base,), {}) for i in range(5)]
for i in range(100):
    type("T%d" % i, (Base,), {})
gc.collect()
print(sorted(c.__name__ for c in Base.__subclasses__() if c.__name__.startswith("K")))
Base.__add__ = lambda self, o: "added"
print(kept[3]() + 1)
