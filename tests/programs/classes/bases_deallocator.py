# __bases__ and __class__ assignment between classes freed differently by CPython (a builtin freed directly such as object, int or str against any class, freed by the collector): 'deallocator differs', checked before the layout
class Mixin: pass
class S: __slots__ = ('a',)
class C(object): pass
class D(Mixin): pass
class I(int): pass
class J(int): pass
class L(list): pass
class M(list): pass
class F(float): pass
class T(tuple): pass
class E(Exception): pass
class St(str): pass
cases = [(C, Mixin), (D, object), (I, J), (I, Mixin), (L, Mixin), (L, M), (C, S), (C, int),
         (L, dict), (F, int), (T, list), (E, ValueError), (E, Mixin), (C, E), (D, S),
         (St, Mixin), (St, bytes), (I, bool), (C, bytearray), (C, complex)]
for cls, base in cases:
    try:
        cls.__bases__ = (base,)
        print(cls.__name__, 'ok', cls.__mro__)
    except TypeError as e:
        print(cls.__name__, e)
try:
    Mixin().__class__ = S
except TypeError as e:
    print(e)
