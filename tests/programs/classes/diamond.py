# Diamond inheritance and C3 linearisation; super() chains
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])

class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])

class Base:
    def __init__(self, **kw):
        print("Base init", sorted(kw))
class Left(Base):
    def __init__(self, left=0, **kw):
        print("Left init", left)
        super().__init__(**kw)
class Right(Base):
    def __init__(self, right=0, **kw):
        print("Right init", right)
        super().__init__(**kw)
class Both(Left, Right):
    def __init__(self, **kw):
        print("Both init")
        super().__init__(**kw)
Both(left=1, right=2, extra=3)

try:
    class Bad(A, B): pass
except TypeError as e:
    print(e)
try:
    class Bad2(X, X): pass
except TypeError as e:
    print(e)
print(super(B, D()).who())
print(super(D, D()).who())
