# generators and __del__: a suspended generator is closed when collected, its locals then go
import gc

class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally of", name)

g = gen("g")
print(next(g))
del g
# pvm's collector is conservative: a register of the loop's C frame that last
# held the generator would keep it alive; a call of a Python function
# overwrites it (async/coroutine_never_awaited.py says the same)
[0 for _ in range(2)]
gc.collect()
print("-- after generator")

def holding():
    r = Res("held by a generator")
    yield 1
    yield 2

h = holding()
print(next(h))
del h
[0 for _ in range(2)]
gc.collect()
print("-- after holding generator")

class Owner:
    def __init__(self):
        self.it = iter(gen("owned"))
        next(self.it)

    def __del__(self):
        print("owner del")

o = Owner()
del o
[0 for _ in range(2)]
gc.collect()
print("-- end")
