# weakrefs and the collector: gc.collect() from functions and generators, suspended generators as referents, gc's switch
import gc
from _weakref import ref, getweakrefcount

log = []
class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

def gen():
    try:
        yield 1
        yield 2
    finally:
        log.append('finally')

def make_gen():
    g = gen()
    next(g)
    return ref(g, lambda r: log.append('gen ref cleared'))
r = make_gen()
gc.collect()
print(log, r())

def tree(depth):
    n = Node(depth)
    if depth:
        n.children = [tree(depth - 1) for _ in range(2)]
    return n
def refs_to_tree():
    root = tree(4)
    out = []
    def walk(n):
        out.append(ref(n, lambda r: log.append(1)))
        for c in n.children:
            walk(c)
    walk(root)
    return out
rs = refs_to_tree()
print(len(rs))
gc.collect()
print(sum(1 for x in rs if x() is not None), log.count(1))

def inner_collect():
    x = Node('inner')
    rx = ref(x, lambda r: log.append('inner'))
    del x
    gc.collect()
    return rx() is None
print(inner_collect(), log[-1])

def in_generator():
    y = Node('gen-local')
    ry = ref(y)
    yield ry() is not None
    del y
    gc.collect()
    yield ry()
print(list(in_generator()))

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
for f in (lambda: gc.collect(3), lambda: gc.collect('x'), lambda: gc.enable(1)):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(gc.collect(0) >= 0, gc.collect(generation=2) >= 0)
