# Only generators whose closing runs code need a finaliser (issue 13): those
# with try/finally, with, except, or a `yield from`; the others are dropped.
# Every kind below is abandoned while suspended and must still be closed.
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("CM exit", exc[0].__name__)
        return False

def plain(n):
    for i in range(n):
        yield i

def inner(name):
    try:
        yield 1
        yield 2
    finally:
        print("inner cleanup", name)

def outer(name):            # no handler of its own: closing goes through yield from
    yield from inner(name)
    yield 3

def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("catcher saw GeneratorExit")
        raise

def with_cm():
    with CM():
        yield 1

def holder():               # no handler, but holds a generator that has one
    it = inner("held")
    for v in it:
        yield v

p = plain(5)
next(p)
o = outer("o")
next(o)
c = catcher()
next(c)
w = with_cm()
next(w)
h = holder()
next(h)
for v in outer("loop"):
    print("loop got", v)
    break
for v in plain(10):
    if v == 2:
        break
print(list(plain(3)), sum(plain(100)), next(p))
print("end")
