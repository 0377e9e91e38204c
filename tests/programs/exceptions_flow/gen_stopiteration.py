# PEP 479: StopIteration escaping a generator becomes RuntimeError, uncaught.
def first(it):
    return next(it)
def g(xs):
    for x in xs:
        yield first(iter([]))
for v in g([1]):
    print(v)
