# A chain of builtin-subclass instances with __del__, each holding the next
# in its items (dict, OrderedDict, list, tuple, frozenset): a collection
# finalises them outermost first, as CPython frees them.
import gc
from collections import OrderedDict

deleted = []

def chain(tag, cls, make, n=30):
    class Sub(cls):
        def __del__(self):
            deleted.append((tag, self.i))
    obj = None
    for i in range(n):
        obj = make(Sub, obj)
        obj.i = i
    return obj

makers = [
    ("dict", dict, lambda c, o: c([(None, o)])),
    ("OrderedDict", OrderedDict, lambda c, o: c([(None, o)])),
    ("dict kwargs", dict, lambda c, o: c(k=o)),
    ("list", list, lambda c, o: c([o])),
    ("tuple", tuple, lambda c, o: c((o,))),
    ("frozenset", frozenset, lambda c, o: c({o})),
]

def drop(tag, cls, make):
    obj = chain(tag, cls, make)
    del obj

for tag, cls, make in makers:
    drop(tag, cls, make)
    gc.collect()
for _ in range(3):
    gc.collect()
# A word left on the stack may keep part of a chain (or all of it) for a
# later collection; what is finalised is finalised outermost first.
for tag, _, _ in makers:
    order = [i for t, i in deleted if t == tag]
    print(tag, order == sorted(order, reverse=True))
