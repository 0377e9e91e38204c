# A class in a cycle through its own attribute (A.od holds A) is collected
# by gc.collect() once dropped, after its attribute was looked up: the
# attribute lookup cache does not keep it.
import gc
import weakref
from collections import OrderedDict
import functools

def attribute_cycle(make, via_getattr):
    class A:
        od = make()
    (getattr(A, "od") if via_getattr else A.od)[A] = None
    r = weakref.ref(A)
    del A
    gc.collect()
    return r() is None

def cached_method():
    class A:
        @functools.lru_cache
        def method(self, x):
            return (self, x)
    r = weakref.ref(A.method)
    del A
    gc.collect()
    return r() is None

for _ in range(2):
    print(attribute_cycle(dict, False), attribute_cycle(OrderedDict, False),
          attribute_cycle(dict, True), cached_method())
