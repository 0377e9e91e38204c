# __subclasses__() as classes are made, die and change __bases__, and the version
# tags of a subclass when a base changes after the subclass's lookups were cached
import gc
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([c.__name__ for c in A.__subclasses__()], [c.__name__ for c in B.__subclasses__()], [c.__name__ for c in C.__subclasses__()])
def make():
    class E(A): pass
    return E
e = make()
print([c.__name__ for c in A.__subclasses__()])
del e
gc.collect()
print([c.__name__ for c in A.__subclasses__()])
class X: pass
class Y: pass
class Z(X): pass
Z.__bases__ = (Y,)
print([c.__name__ for c in X.__subclasses__()], [c.__name__ for c in Y.__subclasses__()])
Z.__bases__ = (X, Y)
print([c.__name__ for c in X.__subclasses__()], [c.__name__ for c in Y.__subclasses__()])
print(len(int.__subclasses__()) > 0, [c.__name__ for c in object.__subclasses__() if c.__name__ in 'AXY'])
class M(type): pass
class N(metaclass=M): pass
print(type.__subclasses__(M), [c.__name__ for c in type.__subclasses__(type) if c is M])
# version tags: a base changed after a subclass was used
class P:
    def f(self): return 1
class Q(P): pass
q = Q()
for i in range(50): q.f()
P.f = lambda self: 2
print(q.f())
class R(Q): pass
r = R()
for i in range(50): r.f()
Q.f = lambda self: 3
print(r.f(), q.f())
