# a metaclass whose mro() repeats the class or makes two classes each other's base
class M(type):
    def mro(cls):
        return [cls, cls, object]
class C(metaclass=M):
    x = 1
    def __init__(self):
        self.y = 2
c = C()
print(C.__mro__, c.x, c.y)
C.x = 5
print(c.x)
class A: a = 1
class N(type):
    def mro(cls):
        return [cls, A, object]
class B(metaclass=N):
    b = 2
print(B.__mro__ == (B, A, object), B().a, B().b)
