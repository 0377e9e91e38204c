# An exception raised inside a generator propagates through the for loop.
def g():
    yield 1
    yield {}["k"]
for v in g():
    print(v)
