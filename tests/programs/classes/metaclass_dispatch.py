# Metaclass dispatch: type(name, bases, ns, **kw) defers to the winning metaclass's __new__, type.__prepare__, __prepare__ must give a mapping, __set_name__ errors wrapped in RuntimeError, type() argument errors
class D:
    def __set_name__(self, owner, name):
        raise ValueError('bad ' + name)
try:
    class C:
        x = D()
except Exception as e:
    print(type(e).__name__, e, repr(e.__cause__), e.__notes__ if hasattr(e, '__notes__') else '')
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print('Meta.__new__', mcls.__name__, name, kw)
        return super().__new__(mcls, name, bases, ns, **kw)
    def __init__(cls, name, bases, ns, **kw):
        print('Meta.__init__', name, kw)
class B(metaclass=Meta): pass
X = type('X', (B,), {}, )
print(type(X).__name__)
class Base:
    def __init_subclass__(cls, **kw):
        print('init_subclass', cls.__name__, kw)
Y = type('Y', (Base,), {}, flag=1)
try:
    type('Z', (Base,), {}, flag=1, other=2)
except TypeError as e: print(e)
class M2(Meta):
    def __new__(mcls, name, bases, ns, **kw):
        print('M2.__new__', name)
        return super().__new__(mcls, name, bases, ns)
class B2(metaclass=M2): pass
Z = Meta('Z', (B2,), {})
print(type(Z).__name__)
print(type.__prepare__('a', (), x=1), Meta.__prepare__('n', ()), type(type.__dict__['__prepare__']).__name__ if '__prepare__' in type.__dict__ else '')
class NotMap(type):
    @classmethod
    def __prepare__(m, *a): return 5
try:
    class Q(metaclass=NotMap): pass
except TypeError as e: print(e)
try:
    type('T', (list[int],), {})
except TypeError as e: print(e)
try:
    type('T', (3,), {})
except TypeError as e: print(e)
class E: 
    def __mro_entries__(self, bases): return (int,)
class T(E()): pass
print(T.__mro__, T.__orig_bases__[0].__class__.__name__)
try:
    type.__new__(type, 'x', (), {}, 5)
except TypeError as e: print(e)
try:
    type('x', (), {}, 5)
except TypeError as e: print(e)
try: type.__init__(int, 'x', (), {}, 1)
except TypeError as e: print(e)
print(type.__init__(int, 'x', (), {}, k=1))
try: type.__init__(int, 'x', k=1)
except TypeError as e: print(e)
