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
gc.collect()
print("-- after generator")

def holding():
    r = Res("held by a generator")
    yield 1
    yield 2

h = holding()
print(next(h))
del h
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
gc.collect()
print("-- end")
