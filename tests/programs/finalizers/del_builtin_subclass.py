# __del__ on subclasses of builtins, __del__ added to a class later, inherited __del__
import gc

class L(list):
    def __del__(self):
        print("list del", list(self))

class D(dict):
    def __del__(self):
        print("dict del", sorted(self.items()))

class E(Exception):
    def __del__(self):
        print("exception del", self.args)

l = L([1, 2, 3])
d = D(a=1)
del l, d
gc.collect()
print("-- after containers")

def raise_and_catch():
    try:
        raise E("caught")
    except E as e:
        print("caught", e)

raise_and_catch()
gc.collect()
print("-- after exception")

class Plain:
    pass

Plain.__del__ = lambda self: print("late del", self.tag)
obj = Plain()
obj.tag = "made after"
del obj
gc.collect()
print("-- after late __del__")

class Base:
    def __del__(self):
        print("base del of", type(self).__name__)

class Derived(Base):
    pass

class Slotted(Base):
    __slots__ = ("v",)

x, y = Derived(), Slotted()
del x, y
gc.collect()
print("-- after inherited")
