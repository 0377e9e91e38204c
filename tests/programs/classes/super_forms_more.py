# super() with zero args and with explicit (type, obj) arguments
class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c on " + cls.__name__
class B(A):
    def f(self):
        return "B.f>" + super().f()
    @classmethod
    def c(cls):
        return "B.c>" + super().c()
class C(B):
    def f(self):
        return "C.f>" + super(C, self).f()
    def skip(self):
        return super(B, self).f()
obj = C()
print(obj.f())
print(obj.skip())
print(C.c())
print(B.c())
print(super(C, obj).f())
print(super(B, C).c())
class D(C):
    def f(self):
        inner = lambda: super(D, self).f()
        return "D.f>" + inner()
print(D().f())
class E(A):
    def __init__(self):
        super().__init__()
        self.ok = True
    def __repr__(self):
        return "E(ok=%r)" % self.ok
print(E())
sp = super(C, obj)
print(sp.f())
class G(A):
    def f(self):
        def nested():
            return super(G, self).f()
        return "G:" + nested()
print(G().f())
