# Subclassing property, enumerate, filter, map, reversed, zip, classmethod, staticmethod, super: instances are the subclass, keep a __dict__, and behave as the base
class abstractproperty(property):
    __isabstractmethod__ = True
class P(property):
    """P doc"""
    def __init__(self, fget, *a, **kw):
        print('P.__init__', fget.__name__)
        super().__init__(fget, *a, **kw)
class C:
    @P
    def x(self):
        "x doc"
        return 42
    @x.setter
    def x(self, v):
        print('set', v)
    @abstractproperty
    def y(self): return 1
    @property
    def z(self): return 3
print(type(C.__dict__['x']).__name__, C().x, C.x.__doc__, C.__dict__['x'].__dict__)
c = C(); c.x = 5
print(C.y.__isabstractmethod__, C.z.__isabstractmethod__, type(C.y).__name__, C().y)
p = P(lambda self: 1, doc='given')
print(p.__doc__, p.fget is not None, p.fset)
try:
    property.fget.__set__(p, 1)
except AttributeError as e:
    print('AttributeError')
class E(enumerate):
    def __next__(self):
        i, x = super().__next__()
        return i * 10, x
e = E('abc', 1)
print(type(e).__name__, list(e), isinstance(e, enumerate))
class F(filter): pass
class M(map):
    def __init__(self, *a): self.note = 'made'
m = M(str, [1, 2])
print(list(F(None, [0, 1, 2])), list(m), m.note, type(m).__name__)
class R(reversed): pass
class Z(zip): pass
r = R('abc')
print(list(r), type(r).__name__, type(R([1, 2])).__name__, list(Z('ab', 'cd', strict=True)))
z = Z([1]); z.tag = 't'; print(z.tag, z.__dict__)
class CM(classmethod): pass
class SM(staticmethod): pass
class K:
    @CM
    def f(cls): return cls.__name__
    @SM
    def g(): return 'g'
print(K.f(), K.g(), K().f(), type(K.__dict__['f']).__name__)
cm = CM(len); cm.extra = 1; print(cm.extra)
class S(super): pass
class A:
    def hello(self): return 'A'
class B(A):
    def hello(self): return 'B' + S(B, self).hello()
print(B().hello())
s = S(B, B()); s.x = 1; print(s.x, type(s).__name__)
def abstract(f):
    f.__isabstractmethod__ = True
    return f
class Base:
    @classmethod
    @abstract
    def make(cls): ...
    @staticmethod
    @abstract
    def util(): ...
    @property
    @abstract
    def value(self): ...
    @property
    def plain(self): ...
    @plain.setter
    @abstract
    def plain(self, v): ...
for n in ['make', 'util', 'value', 'plain']:
    print(n, Base.__dict__[n].__isabstractmethod__)
print(classmethod(len).__isabstractmethod__, P(len).__isabstractmethod__)
class ClassProp:
    """First"""
    @classmethod
    @property
    def __doc__(cls):
        return 'doc for %r' % cls.__name__
    @classmethod
    @property
    def kind(cls):
        return cls.__name__.lower()
class Sub(ClassProp): pass
print(ClassProp.__doc__, Sub.kind, ClassProp().kind)
try:
    property().__set_name__()
except TypeError as e:
    print(e)
