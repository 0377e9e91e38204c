# object(), type(), isinstance/issubclass, callable, id comparisons, hash of ints, super
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object())
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is not c, a == c)
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100))
print(hash(1.5), hash(True), hash(None) == hash(None), hash((1, 2)) == hash((1, 2)))
print(hash(10 ** 30) == hash(10 ** 30 % (2 ** 61 - 1)), hash(-10 ** 30))
print(callable(len), callable(o), callable(object), callable(lambda: 0), callable([].append))
print(type(len).__name__, type([].append).__name__, type(object.__init__).__name__)
print(type(type).__name__, type(object).__name__, object.__bases__, type.__bases__)
print(isinstance(len, object), issubclass(bool, object), isinstance(None, type(None)))
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B+" + super().who()
print(B().who(), super(B, B()).who(), type(super(B, B())).__name__)
x = 500
y = x
print(id(x) == id(y))
objs = [object() for _ in range(3)]
print(len({id(v) for v in objs}), objs[0] is objs[0], objs[0] is objs[1])
print(object.__name__, object().__class__.__name__, type(None).__name__)
print(int.__name__, isinstance(int, type), issubclass(type, type))
