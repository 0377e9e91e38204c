# A class's own attributes (__name__, __dict__, __mro__, __doc__...) are getsets/members of `type`; C.__dict__ is a read-only mappingproxy
class A:
    "adoc"
    x: int = 1
    def m(self): pass
class B(A): pass

print(A.__name__, A.__qualname__, A.__module__, A.__doc__, B.__doc__, A.__bases__, B.__mro__,
      B.__base__, object.__base__)
print(type(A.__dict__).__name__, A.__dict__['x'], 'm' in A.__dict__, A.__annotations__,
      B.__annotations__)
print(int.__name__, int.__qualname__, int.__module__, int.__bases__, bool.__mro__)
print(type.__dict__['__name__'], type.__dict__['__mro__'], type.__dict__['__dict__'])
print(type(type.__dict__['__mro__']).__name__, type(type.__dict__['__name__']).__name__)
print(type.__dict__['__dict__'].__get__(A)['x'], type.__dict__['__name__'].__get__(int))

# writing them
A.__name__ = "AA"; A.__qualname__ = "Q.AA"; print(A.__name__, A.__qualname__, A)
A.__module__ = "mod"; print(A.__module__, A)
A.__doc__ = "new"; print(A.__doc__)
for attr, val in [("__name__", 1), ("__qualname__", None), ("__dict__", {}), ("__mro__", ())]:
    try:
        setattr(A, attr, val)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    int.__name__ = "x"
except TypeError as e:
    print(e)
try:
    int.__annotations__
except AttributeError as e:
    print(e)

# __abstractmethods__ and __flags__
for cls in (A, type):
    try:
        print(cls.__abstractmethods__)
    except AttributeError as e:
        print("AttributeError", e)
A.__abstractmethods__ = frozenset({'m'})
print(A.__abstractmethods__, bool(A.__flags__ & (1 << 20)))
del A.__abstractmethods__
print(bool(A.__flags__ & (1 << 20)), bool(A.__flags__ & (1 << 9)), bool(int.__flags__ & (1 << 9)),
      bool(int.__flags__ & (1 << 10)), bool(bool.__flags__ & (1 << 10)),
      bool(bool.__flags__ & (1 << 24)), bool(type.__flags__ & (1 << 31)))

# the mappingproxy: reads through, refuses writes
d = A.__dict__
print(len(d) > 3, d.get('y'), d.get('y', 0), 'x' in d, sorted(k for k in d if not k.startswith('__')))
try:
    d['y'] = 1
except TypeError as e:
    print(e)
try:
    del d['x']
except TypeError as e:
    print(type(e).__name__)
A.y = 2; print(d['y'], vars(A)['y'], type(vars(A)).__name__)
try:
    d['zz']
except KeyError as e:
    print(repr(e))
try:
    hash(d)
except TypeError as e:
    print(e)

MappingProxyType = type(type.__dict__)
p = MappingProxyType({'a': 1, 'b': 2})
print(p, repr(p), str(p), p == {'a': 1, 'b': 2}, p != {}, len(p), list(p), list(reversed(p)))
print(p.keys(), p.values(), p.items(), p.copy(), type(p.copy()).__name__)
print(p | {'c': 3}, {'c': 3} | p, MappingProxyType(mapping={}), MappingProxyType(p))
for bad in ([1], 1, "s"):
    try:
        MappingProxyType(bad)
    except TypeError as e:
        print(e)
print(MappingProxyType[int], sorted(n for n in dir(p) if not n.startswith('_')))

class M(type): pass
class C(metaclass=M): pass
print(C.__name__, C.__dict__['__module__'], type(C.__dict__).__name__, M.__mro__)
