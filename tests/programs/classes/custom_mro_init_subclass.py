# A metaclass's mro() decides where __init_subclass__ is looked up: after the
# class in its MRO (CPython calls super(cls, cls).__init_subclass__), and an
# MRO without the class itself fails super's check with a TypeError.
class B:
    def __init_subclass__(cls, **kw):
        print("B.__init_subclass__", cls.__name__)
        super().__init_subclass__(**kw)

class Other:
    def __init_subclass__(cls, **kw):
        print("Other.__init_subclass__", cls.__name__)

class Drop(type):
    def mro(cls):
        return (B, object)

try:
    class A(B, metaclass=Drop):
        pass
except TypeError as e:
    print("TypeError", e)

class Gone(type):
    def mro(cls):
        del Gone.mro
        return (B,)

try:
    class A2(metaclass=Gone):
        pass
except TypeError as e:
    print("TypeError", e)
print(hasattr(Gone, "mro") and "mro" in Gone.__dict__)

class Reorder(type):
    def mro(cls):
        return (Other, cls, B, object)

class C(B, metaclass=Reorder):
    def __init_subclass__(cls, **kw):
        print("C.__init_subclass__", cls.__name__)

print([k.__name__ for k in C.__mro__])

class Plain(B):
    pass
