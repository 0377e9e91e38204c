# A new class's special methods: what it defines itself, what it inherits
# from one base written in Python (or from object alone), and what a
# later change to a base, a custom mro() or several bases make of them.
class Base:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i < 3:
            return i * 10
        raise IndexError(i)

    def __add__(self, other):
        return 'Base.add'

    def __eq__(self, other):
        return isinstance(other, Base)

    __hash__ = object.__hash__

    def __repr__(self):
        return 'Base()'


class Mid(Base):
    def __radd__(self, other):
        return 'Mid.radd'


class Leaf(Mid):
    def __repr__(self):
        return 'Leaf()'


class NoHash(Leaf):
    def __eq__(self, other):
        return False


for c in (Base, Mid, Leaf, NoHash):
    o = c()
    print(c.__name__, repr(o), len(o), list(o), o + 1, bool(o), o == Base())
    print(' radd', end=' ')
    try:
        print(1 + o)
    except TypeError as e:
        print('TypeError', e)
    print(' hash', end=' ')
    try:
        print(type(hash(o)).__name__)
    except TypeError as e:
        print('TypeError', e)


class Plain:
    pass


class PlainChild(Plain):
    pass


p = PlainChild()
print(repr(p).startswith('<__main__.PlainChild object'), str(p) == repr(p), bool(p),
      p == p, p != p, type(hash(p)).__name__)
try:
    len(p)
except TypeError as e:
    print('TypeError', e)

# A dunder given to a base later reaches a subclass made before and after.
Plain.__len__ = lambda self: 7
Plain.__bool__ = lambda self: False


class Later(Plain):
    pass


print(len(p), bool(p), len(Later()), bool(Later()))
del Plain.__len__
for o in (p, Later()):
    try:
        len(o)
    except TypeError as e:
        print('TypeError', e)

# A subclass of a list subclass starts empty and takes other arguments.
class L(list):
    pass


class LL(L):
    def __init__(self, a, b):
        super().__init__([a, b])


print(LL(1, 2), type(LL(1, 2)).__name__, L([3]) + [4])


class D(dict):
    def __missing__(self, key):
        return key * 2


class DD(D):
    pass


print(DD(a=1)['a'], DD()['zz'])


# __getattr__ inherited, then overridden by __getattribute__ below it.
class GA:
    def __getattr__(self, name):
        return 'GA.' + name


class GB(GA):
    pass


class GC(GB):
    def __getattribute__(self, name):
        if name == 'special':
            return 'GC.special'
        return object.__getattribute__(self, name)


print(GB().anything, GC().special, GC().other)


# Set to None in a subclass: the slot is emptied, then filled again below.
class Iter:
    def __iter__(self):
        return iter((1, 2))


class NotIter(Iter):
    __iter__ = None


class IterAgain(NotIter):
    def __iter__(self):
        return iter('ab')


print(list(Iter()), list(IterAgain()))
try:
    iter(NotIter())
except TypeError as e:
    print('TypeError', e)


# A metaclass whose mro() puts another class first.
class Extra:
    def __len__(self):
        return 99


class Meta(type):
    def mro(cls):
        return [cls, Extra] + [c for c in super().mro() if c is not cls]


class Odd(Base, metaclass=Meta):
    pass


print(len(Odd()), Odd.__mro__[1].__name__)


# Several bases: the second base's dunder is found.
class Left:
    pass


class Right:
    def __len__(self):
        return 5

    def __call__(self):
        return 'Right.call'


class Both(Left, Right):
    pass


class BothChild(Both):
    pass


print(len(Both()), len(BothChild()), BothChild()())


# __init_subclass__ adding a dunder to each subclass as it is made.
class Registry:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.__len__ = lambda self: len(cls.__name__)


class Alpha(Registry):
    pass


class Beta(Alpha):
    pass


print(len(Alpha()), len(Beta()))


# __del__ inherited from a base written in Python, and given to one later.
class WithDel:
    def __del__(self):
        print('del', type(self).__name__)


class DelChild(WithDel):
    pass


class NoDel:
    pass


class NoDelChild(NoDel):
    pass


NoDel.__del__ = lambda self: print('late del', type(self).__name__)
x = DelChild()
del x
y = NoDelChild()
del y
import gc
gc.collect()


# Descriptors: __get__ / __set__ inherited from a base.
class Desc:
    def __get__(self, obj, owner=None):
        return 'got'

    def __set__(self, obj, value):
        print('set', value)


class SubDesc(Desc):
    pass


class Holder:
    d = SubDesc()


h = Holder()
h.d = 5
print(h.d)


# Attributes set on a class after it is made: slot dunders (also under a
# name built at run time) reach the class and its subclasses; other
# dunders (__init__, __doc__, __module__, __class_getitem__) are looked up.
class Late:
    pass


class LateChild(Late):
    pass


Late.__init__ = lambda self, x=1: setattr(self, 'x', x)
Late.__doc__ = 'late doc'
Late.__module__ = 'elsewhere'
Late.__class_getitem__ = classmethod(lambda cls, item: (cls.__name__, item))
print(LateChild(5).x, Late.__doc__, LateChild.__doc__, Late.__module__, LateChild[int])
setattr(Late, '__l' + 'en__', lambda self: 11)
setattr(Late, ''.join(['__', 'call', '__']), lambda self: 'called')
Late.__getattr__ = lambda self, name: 'late ' + name
Late.__iter__ = lambda self: iter([self.x, self.x])
print(len(LateChild()), LateChild()(), LateChild().missing, list(LateChild(3)))
Late.__hash__ = None
try:
    hash(LateChild())
except TypeError as e:
    print('TypeError', e)
Late.__eq__ = lambda self, other: True
print(LateChild() == 0, LateChild() != 0)
Late.__bool__ = lambda self: False
Late.__contains__ = lambda self, item: item == 'in'
print(bool(LateChild()), 'in' in LateChild(), 'out' in LateChild())
del Late.__len__, Late.__call__, Late.__getattr__
for attempt in (lambda: len(LateChild()), lambda: LateChild()(), lambda: LateChild().missing):
    try:
        print(attempt())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
