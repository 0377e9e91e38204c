# super objects' own attributes __thisclass__, __self__ and __self_class__ are member descriptors in super's dict, with CPython's docs, in dir() of a super object, read-only; an attribute of the same name further along the MRO comes first
class A:
    def f(self): return super()
class B(A):
    def f(self): return super()
    @classmethod
    def c(cls): return super()
b = B()
s = b.f()
print(s.__thisclass__, s.__self__ is b, s.__self_class__)
s = B.c()
print(s.__thisclass__, s.__self__, s.__self_class__)
u = super(B)
print(u.__thisclass__, u.__self__, u.__self_class__)
print([k for k in vars(super) if not k.startswith("__") or k in ("__thisclass__", "__self__", "__self_class__")])
print(type(vars(super)["__self__"]).__name__, super.__self__.__doc__, super.__thisclass__.__doc__, super.__self_class__.__doc__)
print(sorted(set(dir(s)) & {"__thisclass__", "__self__", "__self_class__"}))
try:
    s.__self__ = 1
except AttributeError as e:
    print("AttributeError:", e)
class C(A):
    __self__ = "class attr"
    def f(self): return super().__self__
print(C().f() is not None)
