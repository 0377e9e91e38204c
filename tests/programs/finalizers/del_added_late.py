# __del__ given to a class after its instances were made: CPython looks __del__ up as an
# object dies, so they get it too (pvm watched only the instances made while their class
# had __del__: none of these ran).  The class itself, a base, new __bases__, a metaclass;
# slots, builtin subclasses, exceptions, a cycle; deleted again (nothing runs) and given
# back (once each); an instance still alive at exit.
import gc, collections

def collect():
    for _ in range(3):
        gc.collect()

ran = []
def record(self):
    ran.append(type(self).__name__)

def report(what):
    global ran
    collect()
    print(what, sorted(collections.Counter(ran).items()))
    ran = []

class Plain:
    pass
objs = [Plain() for i in range(30)]
single = Plain()
Plain.__del__ = record
objs = single = None
report("C.__del__ = f:")

class Base:
    pass
class Sub(Base):
    pass
class SubSub(Sub):
    pass
class Own(Base):
    def __del__(self):
        ran.append("Own's own")
objs = [Base(), Sub(), Sub(), SubSub(), Own(), Own()]
setattr(Base, "__del__", record)
objs = None
report("a base's:")

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
class L(list):
    pass
class D(dict):
    pass
class S(str):
    pass
class T(tuple):
    pass
class I(int):
    pass
class B(bytes):
    pass
class E(Exception):
    pass
objs = [Slotted(), L([1, 2]), D(a=1), S("s"), T((1, 2)), I(7), B(b"b"), E("e")]
for k in (Slotted, L, D, S, T, I, B, E):
    k.__del__ = record
objs = None
report("slots, builtin subclasses:")

class Mixin:
    def __del__(self):
        ran.append("mixin " + type(self).__name__)
class Zero:
    pass
class Rebased(Zero):
    pass
class RebasedSub(Rebased):
    pass
objs = [Rebased(), RebasedSub()]
Rebased.__bases__ = (Mixin,)
objs = None
report("new __bases__:")

class Donor:
    pass
class Adopted:                  # no instance made of it: only one given it as __class__
    pass
class Unused:
    pass
x = Donor()
x.__class__ = Adopted
Adopted.__del__ = Unused.__del__ = record
x = None
report("__class__ assigned:")

class Meta(type):
    pass
made = [Meta("Made%d" % i, (), {}) for i in range(4)]
class ByStatement(metaclass=Meta):
    pass
Meta.__del__ = lambda cls: ran.append("class " + cls.__name__)
made = ByStatement = None
report("a metaclass's:")

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
class Held:
    pass
a, b = Node("a"), Node("b")
a.other, b.other = b, a
a.held = Held()
Node.__del__ = lambda self: ran.append("node " + self.name)
Held.__del__ = record
a = b = None
report("a cycle and what it holds:")

class Toggled:
    pass
before = Toggled()
Toggled.__del__ = record
watched = Toggled()
del Toggled.__del__
between = [Toggled() for i in range(3)]
before = watched = None
report("deleted again:")
Toggled.__del__ = lambda self: ran.append("back")
after = Toggled()
between = after = None
report("given back:")

class Twice:
    def __del__(self):
        ran.append("first")
t = Twice()
Twice.__del__ = lambda self: ran.append("replaced")
t = None
report("replaced:")

class Lost:
    def __del__(self):
        ran.append("lost")
class Giver:
    def __del__(self):
        Lost.__del__ = lambda self: ran.append("given by a __del__")
g = Giver()
lost = [Lost() for i in range(3)]
del Lost.__del__
g = lost = None                 # one batch: Giver's first, then each Lost once
report("given by a __del__:")

class Late:
    pass
kept = Late()
Late.__del__ = lambda self: print("at exit: Late's __del__")
print("end")
