# __bases__ assignment (MRO and inherited methods follow, CPython's checks and messages) and __class__ assignment rules
class A:
    def who(self): return 'A'
class B:
    def who(self): return 'B'
    def only_b(self): return 'only B'
class C(A): pass
class D(C): pass
d = D()
print(d.who(), D.__mro__)
C.__bases__ = (B,)
print(d.who(), d.only_b(), C.__bases__, D.__mro__, C.__base__)
C.__bases__ = (A, B)
print(d.who(), D.__mro__)
class L(list): pass
for bad in [lambda: setattr(C, '__bases__', ()), lambda: setattr(C, '__bases__', [A]),
            lambda: setattr(C, '__bases__', (A, 3)), lambda: setattr(C, '__bases__', (D,)),
            lambda: setattr(C, '__bases__', (L,)), lambda: delattr(C, '__bases__'),
            lambda: setattr(int, '__bases__', (object,)), lambda: setattr(C, '__bases__', (A, A))]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
print(C.__bases__, D.__mro__)
class Len:
    def __len__(self): return 7
C.__bases__ = (Len,)
print(len(d))
class X:
    x = 1
class Y:
    y = 2
class Slotted:
    __slots__ = ('a',)
class Slotted2:
    __slots__ = ('a',)
class Slotted3:
    __slots__ = ('b',)
o = X()
o.__class__ = Y
print(type(o).__name__, o.y, isinstance(o, Y))
s = Slotted()
s.__class__ = Slotted2
print(type(s).__name__)
for bad in [lambda: setattr(s, '__class__', Slotted3), lambda: setattr(o, '__class__', Slotted),
            lambda: setattr(o, '__class__', int), lambda: setattr(1, '__class__', bool),
            lambda: setattr(o, '__class__', 3), lambda: delattr(o, '__class__'),
            lambda: setattr([], '__class__', L)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
import sys
class MyModule(type(sys)):
    @property
    def answer(self): return 42
mod = type(sys)('m')
mod.__class__ = MyModule
print(type(mod).__name__, mod.answer)
class G:
    __slots__ = ["a", "b"]
class H:
    __slots__ = ["b", "a"]
class J:
    __slots__ = ["c", "b"]
class N(J):
    __slots__ = ["__weakref__"]
class Q(J):
    pass
class R(J):
    __slots__ = ["__dict__", "__weakref__"]
for cls, cls2 in ((G, H), (Q, R), (R, Q), (J, N), (N, J)):
    x = cls()
    try:
        x.__class__ = cls2
        print('ok', cls.__name__, '->', cls2.__name__)
    except TypeError as e:
        print(e)
m = type(sys)('m')
print(m.__class__ is type(sys), type(m.__class__).__name__)
x = None
try:
    x **= 2
except TypeError as e:
    print(e)
