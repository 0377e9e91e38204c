# PEP 560 __mro_entries__ in class statements, __orig_bases__, __init_subclass__ keywords, a metaclass that is a plain function
class E:
    def __init__(self, *r): self.r = r
    def __mro_entries__(self, bases):
        print('mro_entries', len(bases))
        return self.r
class A: pass
class B: pass
class C(E(A, B), E()): pass
print(C.__mro__, len(C.__orig_bases__))
class Bad:
    def __mro_entries__(self, bases): return [A]
try:
    class D(Bad()): pass
except TypeError as e: print(e)
class F(E(A), A if False else B): pass
print(F.__bases__)
try:
    class G(E(A), A): pass
except TypeError as e: print(e)
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class H(Base, tag='h'): pass
print(H.tag)
try:
    class I(Base, tag='i', extra=1): pass
except TypeError as e: print(e)
try:
    class J(object, x=1): pass
except TypeError as e: print(e)
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        return super().__new__(m, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class K(metaclass=Meta, x=1): pass
print(type(K).__name__)
def not_a_class(name, bases, ns, **kw): return (name, bases, sorted(k for k in ns if not k.startswith('__')), kw)
class L(A, metaclass=not_a_class, y=2):
    z = 1
print(L)
