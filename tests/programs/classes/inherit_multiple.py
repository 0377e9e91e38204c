# multiple inheritance and the C3 method resolution order
class A:
    def who(self): return "A"
    def hello(self): return "hello from A"
class B(A):
    def who(self): return "B"
class C(A):
    def who(self): return "C"
    def hello(self): return "hello from C"
class D(B, C):
    pass
class E(C, B):
    pass
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in E.__mro__])
print(D().who(), D().hello(), E().who(), E().hello())
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
print([k.__name__ for k in Z.mro()])
print([k.__name__ for k in W.mro()])
try:
    class Bad(Z, W):
        pass
except TypeError as e:
    print("TypeError:", e)
class M1:
    def m(self): return "M1"
class M2:
    def m(self): return "M2"
    def only2(self): return "only in M2"
class Mix(M1, M2):
    pass
mx = Mix()
print(mx.m(), mx.only2())
print(Mix.__bases__ == (M1, M2))
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print("TypeError:", e)
