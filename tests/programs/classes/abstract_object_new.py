# object.__new__/__init__ excess-argument rules, __abstractmethods__ (a getset of type: set, read, delete) and "Can't instantiate abstract class"
class A: pass
class B:
    def __init__(self, x): self.x = x
class C:
    def __new__(cls, *a): return super().__new__(cls)
class D:
    def __new__(cls, *a, **k): return super().__new__(cls, *a, **k)
class E:
    def __init__(self, *a): super().__init__(*a)
class F:
    def __new__(cls, *a): return object.__new__(cls)
    def __init__(self, *a): object.__init__(self, *a)
class G(B): pass
class H:
    __init__ = object.__init__
    def __new__(cls, *a): return object.__new__(cls)
tests = [lambda: A(1), lambda: A(x=1), lambda: B(1).x, lambda: C(1), lambda: D(1), lambda: D(),
         lambda: E(1), lambda: E(), lambda: F(1), lambda: F(), lambda: G(2).x, lambda: H(1),
         lambda: object(1), lambda: object.__new__(A, 1), lambda: object.__new__(B, 1),
         lambda: object.__init__(A(), 1), lambda: object.__init__(B(1), 1),
         lambda: object.__new__(1), lambda: object.__new__(int), lambda: object.__new__(),
         lambda: object.__init__(), lambda: A().__init__(1), lambda: C(1).__init__(1),
         lambda: type(A()).__name__]
for i, t in enumerate(tests):
    try:
        r = t()
        print(i, 'ok', type(r).__name__)
    except TypeError as e:
        print(i, 'TypeError', e)
class Abs:
    pass
Abs.__abstractmethods__ = frozenset({'f'})
try: Abs()
except TypeError as e: print(e)
Abs.__abstractmethods__ = frozenset({'g', 'f', 'h'})
try: Abs()
except TypeError as e: print(e)
print(sorted(Abs.__abstractmethods__))
Abs.__abstractmethods__ = ()
print(type(Abs()).__name__)
Abs.__abstractmethods__ = ['x']
try: Abs(1)
except TypeError as e: print(e)
del Abs.__abstractmethods__
print(type(Abs()).__name__)
for bad in [lambda: Abs.__abstractmethods__, lambda: type.__abstractmethods__, lambda: int.__abstractmethods__,
            lambda: delattr(Abs, '__abstractmethods__')]:
    try: bad()
    except AttributeError as e: print('AttributeError', e)
try: int.__abstractmethods__ = frozenset()
except TypeError as e: print(e)
class Sub(Abs): pass
Abs.__abstractmethods__ = frozenset({'f'})
print(type(Sub()).__name__, hasattr(Sub, '__abstractmethods__'))
class WithNew:
    def __new__(cls): return super().__new__(cls)
WithNew.__abstractmethods__ = {'m'}
try: WithNew()
except TypeError as e: print(e)
class L(list): pass
L.__abstractmethods__ = {'m'}
print(L())
print(type(type.__dict__['__abstractmethods__']).__name__)
