# deque.__reduce__ gives object.__getstate__'s state (the __dict__ and the
# __slots__ values) and iter(d) (a subclass's __iter__ runs); a defaultdict
# whose factory is its own bound method shows it as "...".
import copy
import functools
import pickle
from collections import defaultdict, deque


class WithSlots(deque):
    __slots__ = ("x", "y", "__dict__")


class BadIter(deque):
    def __iter__(self):
        raise TypeError("no iterating")


print(deque([1, 2]).__reduce__()[:3])
for d in WithSlots("abc"), WithSlots("abcde", maxlen=4):
    d.x = ["x"]
    d.z = ["z"]
    print(d.__reduce__()[1:3])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        e = pickle.loads(pickle.dumps(d, proto))
        print(proto, type(e).__name__, list(e), e.maxlen, e.x, e.z, hasattr(e, "y"))
    e = copy.copy(d)
    print(list(e), e.maxlen)
for d in BadIter("abc"), BadIter("abc", 2):
    try:
        pickle.dumps(d)
    except TypeError as e:
        print("TypeError:", e)


class Sub(defaultdict):
    def __init__(self):
        self.default_factory = self._factory

    def _factory(self):
        return []


print(repr(Sub()).split(" at ")[0])
e = defaultdict(None)
e[1] = e
print(repr(e))
f = defaultdict()
f.default_factory = functools.partial(dict, f)
print(repr(f))
g = defaultdict(list, a=[1])
print(repr(g), defaultdict.__repr__(g))
