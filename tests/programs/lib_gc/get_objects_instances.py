# gc.get_objects() holds the live instances of classes written in Python, which a program finds by filtering on type: plain, __slots__, subclasses (isinstance), list and dict subclasses, instances held by containers, by each other or by a closure; those dropped (a cycle after collect) are not there
import gc


class Node:
    def __init__(self, n):
        self.n = n


class Sub(Node):
    pass


class Slotted:
    __slots__ = ('n',)

    def __init__(self, n):
        self.n = n


class Bag(list):
    pass


class Table(dict):
    pass


def found(cls, exact=True):
    return sorted(o.n for o in gc.get_objects()
                  if (type(o) is cls if exact else isinstance(o, cls)))


keep = [Node(i) for i in range(5)]
table = {i: Sub(10 + i) for i in range(3)}
tmp = [Node(100 + i) for i in range(10)]
del tmp
slots = [Slotted(i) for i in range(4)]
print('Node', found(Node))
print('Sub', found(Sub))
print('isinstance Node', found(Node, False))
print('Slotted', found(Slotted))

bags = [Bag([i] * i) for i in range(3)]
t = Table(a=1)
print('Bag', sorted(len(o) for o in gc.get_objects() if type(o) is Bag))
print('Table', [sorted(o) for o in gc.get_objects() if type(o) is Table])

a, b = Node(200), Node(201)
a.other, b.other = b, a
print('cycle kept', found(Node)[-2:])
del a, b
gc.collect()
print('cycle dropped', found(Node)[-2:])


def make():
    inner = Node(300)
    return lambda: inner.n


f = make()
print('closure', [o.n for o in gc.get_objects() if type(o) is Node and o.n == 300])
del f
gc.collect()
print('closure dropped', [o.n for o in gc.get_objects() if type(o) is Node and o.n == 300])

keep.clear()
slots.pop()
print('after clear', found(Node), found(Slotted))
print(type(gc.get_objects()).__name__, all(type(o) is not Node for o in gc.get_objects(generation=None)) )
