# finally blocks of abandoned generators: after a for-loop break, and at program exit.
def g(name):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", name)

b = g("b")
a = g("a")
next(b)
next(a)
for v in g("loop"):
    print("loop got", v)
    break
print("after loop")
def f():
    for v in g("return"):
        return v
print(f())
try:
    for v in g("exception"):
        raise ValueError("x")
except ValueError:
    print("handled")
fresh = g("never started")
done = g("finished")
for v in done:
    pass
print("end")
