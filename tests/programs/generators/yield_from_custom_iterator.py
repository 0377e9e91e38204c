# yield from a class-defined iterator: the value of the StopIteration its
# __next__ raises is the result (CPython's test_yield_from
# test_custom_iterator_return); close() of a generator whose delegate's
# `close` cannot be looked up reports that as unraisable and still closes
# the generator (test_broken_getattr_handling).
import sys

class MyIter:
    def __init__(self, value):
        self.value = value
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(self.value)

def gen(value):
    ret = yield from MyIter(value)
    print("returned", ret)

for value in (42, None, (1, 2)):
    print(list(gen(value)))

class Counting:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration("done", self.i)
        return self.i

def outer():
    r = yield from Counting()
    print("result", r)
print(list(outer()))

class Broken:
    def __iter__(self):
        return self
    def __next__(self):
        return 1
    def __getattr__(self, attr):
        1 / 0

def g():
    try:
        yield from Broken()
    finally:
        print("finally runs")

seen = []
sys.unraisablehook = lambda u: seen.append(u.exc_type.__name__)
gi = g()
print(next(gi))
print(gi.close(), seen)
try:
    gi = g()
    next(gi)
    gi.send(1)
except ZeroDivisionError as e:
    print("send:", type(e).__name__)
try:
    gi = g()
    next(gi)
    gi.throw(AttributeError)
except ZeroDivisionError as e:
    print("throw:", type(e).__name__)
print(gi.close(), seen)
