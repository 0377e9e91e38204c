# weakref callbacks and __del__ together: __del__ first, then the callbacks, at gc.collect()
import gc, weakref

class Obj:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

o = Obj("o")
r = weakref.ref(o, lambda ref: print("callback, ref dead:", ref() is None))
del o
gc.collect()
print("-- after collect")

class Plain:
    pass

p = Plain()
refs = [weakref.ref(p, lambda ref, i=i: print("plain callback", i)) for i in range(2)]
del p
gc.collect()
print("-- plain")

fin = Obj("finalized")
f = weakref.finalize(fin, print, "weakref.finalize ran")
del fin
gc.collect()
print("alive:", f.alive)

d = weakref.WeakValueDictionary()
k = Obj("in dict")
d["k"] = k
del k
gc.collect()
print("keys left:", list(d.keys()))
