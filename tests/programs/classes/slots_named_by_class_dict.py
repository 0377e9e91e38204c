# A new class that extends one Python class (or object) chooses again only
# the slots its own dict names a dunder of.  Which ones those are is found
# from the dict's keys when it is small, from each dunder otherwise, and
# from each dunder when a key is not an exact str.  Every way must give
# the slots CPython's class gives.


class Base:
    def __repr__(self):
        return "Base()"


# __len__ speaks for two slots: truth and len.
class Sized(Base):
    def __len__(self):
        return 0


s = Sized()
print(len(s), bool(s), repr(s))


# __pow__ and __rpow__ speak for both the binary operator and pow() with
# a modulus.
class Power(Base):
    def __pow__(self, other, mod=None):
        return ("pow", other, mod)

    def __rpow__(self, other, mod=None):
        return ("rpow", other, mod)


p = Power()
print(p ** 2, pow(p, 3, 5), 2 ** p)


# __del__ is no slot, but marks the class's instances as watched: this
# one is kept to the end, and finalised as the program exits.
class Dying(Base):
    def __del__(self):
        print("del", type(self).__name__)


d = Dying()


# A big class dict (more keys than there are slot dunders): each dunder is
# looked up in it.
namespace = {"m%d" % i: i for i in range(150)}
namespace["__getitem__"] = lambda self, k: ("item", k)
namespace["__iter__"] = lambda self: iter((1, 2, 3))
namespace["__eq__"] = lambda self, other: "eq"
namespace["__hash__"] = lambda self: 7
Big = type("Big", (Base,), namespace)
b = Big()
print(b[4], list(b), b == 1, hash(b), b.m149, repr(b))


# A key of a str subclass names the dunder by its text, as CPython's
# lookup of the interned name finds it.
class Name(str):
    pass


Keyed = type("Keyed", (Base,), {Name("__len__"): lambda self: 3, Name("__neg__"): lambda self: "neg"})
k = Keyed()
print(len(k), bool(k), -k)


# A key that is not a str at all sits beside the dunders (3.13 warns of it
# as the class is made; the warning is not what is tested).
import warnings

warnings.simplefilter("ignore", RuntimeWarning)
Mixed = type("Mixed", (Base,), {1: "one", "__call__": lambda self, x: ("called", x), "__contains__": lambda self, x: x == 5})
m = Mixed()
print(m(9), 5 in m, 4 in m, Mixed.__dict__[1])


# A dunder set to None empties its slot; one not named keeps the base's.
class Unhashable(Sized):
    __hash__ = None
    __iter__ = None


u = Unhashable()
for what in (lambda: hash(u), lambda: iter(u)):
    try:
        what()
    except TypeError as e:
        print("TypeError", e)
print(len(u), repr(u))


# Names that look like dunders but are no slot's change nothing.
class NotSlots(Base):
    __dataclass_fields__ = {}
    __match_args__ = ("a",)

    def __init__(self):
        self.a = 1

    def __frob__(self):
        return "frob"


n = NotSlots()
print(n.a, n.__frob__(), repr(n), bool(n))


# Subclasses of each inherit what was chosen, and may override it again.
class MoreSized(Sized):
    def __bool__(self):
        return True


ms = MoreSized()
print(len(ms), bool(ms), repr(ms))


class Nested(Keyed):
    def __repr__(self):
        return "Nested()"


print(len(Nested()), -Nested(), repr(Nested()))
