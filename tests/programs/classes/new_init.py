# __new__ and __init__: argument rules, singletons, returning other objects
class A:
    pass
try:
    A(1)
except TypeError as e:
    print(e)
try:
    A(x=1)
except TypeError as e:
    print(e)
class B:
    def __init__(self, v):
        self.v = v
print(B(3).v)
try:
    B()
except TypeError as e:
    print(e)
try:
    B(1, 2)
except TypeError as e:
    print(e)

class Single:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
s1 = Single(1)
s2 = Single(2)
print(s1 is s2, s1.v)

class Other:
    def __new__(cls, x):
        return x * 2
    def __init__(self, x):
        print("never")
print(Other(21))

class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(e)

class WithNew:
    def __new__(cls, a, b):
        obj = object.__new__(cls)
        obj.total = a + b
        return obj
w = WithNew(1, 2)
print(w.total, type(w).__name__)
try:
    object.__new__(WithNew, 1)
except TypeError as e:
    print(e)
class C:
    def __init__(self):
        super().__init__()
        print("C init ok")
C()
class D:
    def __init__(self):
        super().__init__(1)
try:
    D()
except TypeError as e:
    print(e)
try:
    object.__init__(A(), 1)
except TypeError as e:
    print(e)
print(type(object()), object.__new__(A).__class__.__name__)
