# repr of a defaultdict whose factory leads back to itself: only the dict
# part and the factory's own repr count as running (CPython's
# Py_ReprEnter), so a defaultdict that is its own factory shows once in full.
from collections import defaultdict

def show(d):
    print(repr(d).split(" at ")[0].replace("__main__.", ""))

d = defaultdict()
d.default_factory = d
show(d)
d[1] = d
show(d)

d = defaultdict()
e = defaultdict()
e.default_factory = d
d.default_factory = e
show(d)

d = defaultdict()
d.default_factory = [d]
show(d)
d = defaultdict()
d.default_factory = (d,)
show(d)
d = defaultdict(list)
d[0] = d
show(d)

class Sub(defaultdict):
    def __init__(self):
        self.default_factory = self._factory
    def _factory(self):
        return []

show(Sub())

class F:
    def __call__(self):
        return 0
    def __repr__(self):
        return "F(%r)" % (self.d,)

f = F()
d = defaultdict(f)
f.d = d
show(d)
