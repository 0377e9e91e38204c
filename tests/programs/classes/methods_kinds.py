# Instance methods, classmethods and staticmethods: binding and access paths
class K:
    count = 0
    def inst(self, x):
        return ("inst", type(self).__name__, x)
    @classmethod
    def cls(cls, x):
        return ("cls", cls.__name__, x)
    @staticmethod
    def stat(x):
        return ("stat", x)
class Sub(K):
    pass
k, s = K(), Sub()
print(k.inst(1), K.inst(k, 2), s.inst(3))
print(k.cls(1), K.cls(2), s.cls(3), Sub.cls(4))
print(k.stat(1), K.stat(2), Sub.stat(3))
print(type(K.__dict__["cls"]).__name__, type(K.__dict__["stat"]).__name__)
print(K.__dict__["stat"](5), K.__dict__["cls"].__func__(K, 6))
print(type(k.inst).__name__, type(K.inst).__name__, type(K.cls).__name__, type(K.stat).__name__)
print(k.cls.__self__ is K, s.cls.__self__ is Sub, k.inst.__self__ is k)
print(k.inst == k.inst, k.inst == K().inst)
f = k.inst
print(f(9))
try:
    K.inst(1)
except TypeError as e:
    print(e)
try:
    k.inst()
except TypeError as e:
    print(e)
class Point:
    def __init__(self, x, y):
        self.x = x
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    Point(1, z=2)
except TypeError as e:
    print(e)
cm = classmethod(lambda c: c.__name__)
class UsesCm:
    name = cm
print(UsesCm.name(), UsesCm().name())
print(staticmethod(len)([1, 2]))
