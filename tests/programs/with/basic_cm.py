# context managers: __enter__ value bound by as, __exit__ arguments, order of calls
class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("<%s>" % self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("</%s>" % self.name, et is None, ev is None, tb is None)
        return False
with Tag("html") as t:
    print("inside, as =", t)
with Tag("p"):
    print("no as clause")
class Resource:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit got", len(exc), "args:", exc[0].__name__ if exc[0] else None)
    def use(self):
        return "using resource"
with Resource() as r:
    print(r.use())
def f():
    with Tag("func"):
        return "returned from inside with"
print(f())
for i in range(3):
    with Tag("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
with Tag("a") as a, Tag("b") as b:
    print("two managers", a, b)
with (Tag("x") as x,
      Tag("y") as y):
    print("parenthesized", x, y)
