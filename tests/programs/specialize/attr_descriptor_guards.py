# Specialized LOAD_ATTR / STORE_ATTR must keep the guards of the generic
# lookup (test_opcache):
# - a __slots__ member of one class put in another by hand (`borrowed =
#   Class.slot`) raises TypeError on every access, also once the site is
#   hot: its offset means nothing in the other class's instances;
# - an instance attribute that hides a class attribute whose class gains
#   __get__/__set__ later (a data descriptor then) is no longer what o.x
#   reads or o.x = v writes.


class Class:
    __slots__ = ("slot",)


class Sneaky:
    __slots__ = ("shadowed",)
    shadowing = Class.slot


class Borrow:
    borrowed = Class.slot


def load_shadowing(o):
    return o.shadowing


def store_shadowing(o):
    o.shadowing = 42


def load_borrowed(o):
    return o.borrowed


def store_borrowed(o):
    o.borrowed = 42


s = Sneaky()
s.shadowed = 42
for fn, o in ((load_shadowing, s), (store_shadowing, Sneaky()),
              (load_borrowed, Borrow()), (store_borrowed, Borrow())):
    errors = set()
    count = 0
    for _ in range(1100):
        try:
            fn(o)
        except TypeError as e:
            errors.add(str(e))
            count += 1
    print(fn.__name__, count, sorted(errors))

# The slot still works for its own class and a subclass, hot or not.
class Sub(Class):
    __slots__ = ()


def get_slot(o):
    return o.slot


for cls in (Class, Sub):
    o = cls()
    o.slot = cls.__name__
    print([get_slot(o) for _ in range(1100)][-1])


class Descriptor:
    pass


class C:
    def __init__(self):
        self.x = 1
    x = Descriptor()


def load_x(o):
    return o.x


def store_x(o, v):
    o.x = v


o = C()
for _ in range(1100):
    assert load_x(o) == 1
    store_x(o, 1)
Descriptor.__get__ = lambda self, instance, owner: 2
Descriptor.__set__ = lambda self, instance, value: print("__set__", value)
print("load after __get__/__set__:", load_x(o))
store_x(o, 3)
print("instance dict:", o.__dict__)

# A class attribute of a built-in type stays hidden by the instance's.
class D:
    y = 10

    def __init__(self):
        self.y = 20


d = D()
print(sum(load_y(d) for load_y in [lambda d: d.y] * 1100))
