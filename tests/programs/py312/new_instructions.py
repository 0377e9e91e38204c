# 3.12's new instructions: LOAD_SUPER_ATTR, BINARY_SLICE/STORE_SLICE, RETURN_CONST, END_FOR, END_SEND, CLEANUP_THROW
class Base:
    greeting = "hi"
    def hello(self, n):
        return f"Base.hello({n})"
    @classmethod
    def make(cls):
        return f"made {cls.__name__}"

class Child(Base):
    def hello(self, n):
        return "Child+" + super().hello(n) + " " + super().greeting
    @classmethod
    def make(cls):
        return "child " + super().make()
    def explicit(self):
        return super(Child, self).hello(0)

c = Child()
print(c.hello(1), Child.make(), c.explicit())

s = list(range(10))
print(s[2:5], s[:3], s[7:], "abcdef"[1:-1])
s[2:5] = ["x"]
print(s)
s[:2] = []
print(s)

def nothing():
    return

def gen_inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner closed")
    return "inner result"

def gen_outer():
    r = yield from gen_inner()
    print("outer got", r)
    yield 3

print(nothing(), list(gen_outer()))
g = gen_outer()
print(next(g))
g.close()

def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)
            return "stopped"

def delegator():
    result = yield from catcher()
    yield result

d = delegator()
next(d)
print(d.throw(ValueError("boom")))

def stopper():
    raise StopIteration("escaped")
    yield

try:
    next(stopper())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))

for i in range(2):
    for j in "ab":
        pass
print(i, j)
