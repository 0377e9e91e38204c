# Class statement basics: attributes, methods, class vs instance attributes
class Counter:
    """Counts things."""
    total = 0
    def __init__(self, start=0):
        self.value = start
        Counter.total += 1
    def inc(self, by=1):
        self.value += by
        return self
    def get(self):
        return self.value

c = Counter()
c.inc().inc(5)
print(c.get(), c.value, Counter.total)
d = Counter(10)
print(d.get(), Counter.total, c.total, d.total)
d.total = 99
print(d.total, Counter.total, c.total)
del d.total
print(d.total)
print(Counter.__doc__)
print(Counter.__name__, Counter.__qualname__, Counter.__module__)
print(type(c).__name__, c.__class__ is Counter)
print(sorted([k for k in vars(c)]))
print(hasattr(c, 'value'), hasattr(c, 'nope'), getattr(c, 'nope', 'dflt'))
setattr(c, 'extra', 3)
print(c.extra, c.__dict__)
delattr(c, 'extra')
print(c.__dict__)
m = c.inc
print(m.__self__ is c, m.__func__ is Counter.inc, m().value)
print(Counter.inc(c, 2).value)
class Empty:
    pass
e = Empty()
e.a = 1
print(e.a, Empty.__doc__, Empty.__bases__)
print(callable(Counter), callable(c), callable(c.inc))
