# BUILD_TUPLE_ISINSTANCE: isinstance(x, (A, B)) answered without making the
# tuple.  The same site meeting builtin and heap types, subclasses, a
# __class__ that claims another class, metaclasses with __instancecheck__,
# items that are not classes, unions, nested tuples, and isinstance
# replaced by another function between calls.
import builtins
import traceback


def kind(x):
    if isinstance(x, (list, tuple)):
        return "seq"
    if isinstance(x, (int, float)):
        return "num"
    return "other"


class MyList(list):
    pass


class Proxy:
    @property
    def __class__(self):
        return list


class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == "meta"


class Claimed(metaclass=Meta):
    pass


values = [[1], (2,), 3, 4.5, True, "s", None, MyList(), Proxy(), {}, b"", 2**70, 1j]
print([kind(v) for v in values])
print([kind(v) for v in reversed(values)])


def with_meta(x):
    return isinstance(x, (int, Claimed))


print([with_meta(v) for v in (1, "meta", "other", 2.0, Claimed())])


def site(x, classes):
    return isinstance(x, (classes[0], classes[1]))


for classes in ((int, str), (Claimed, int), (int | str, float), ((int, str), float), (list, MyList)):
    print([site(v, classes) for v in (1, "meta", 2.5, MyList(), Proxy())])
for classes in ((int, 5), (5, int), ("a", "b")):
    for v in (1, "x"):
        try:
            print(classes, v, site(v, classes))
        except TypeError as e:
            print(classes, v, "TypeError:", e)


def via_module(x):
    return builtins.isinstance(x, (int, str))


print([via_module(v) for v in (1, "a", 2.0)])


# isinstance replaced between calls at the same site, then restored.
def check(x):
    return isinstance(x, (int, str))


print([check(v) for v in (1, "a", 2.0, None)])
real = builtins.isinstance
builtins.isinstance = lambda x, c: ("replaced", x, c)
print(check(1), check(2.0))
builtins.isinstance = real
print([check(v) for v in (1, "a", 2.0)])
isinstance = lambda x, c: ("global", c)  # noqa: E731
print(check(3))
del isinstance
print(check(3), check([]))


# Three and one items; an error raised by __instancecheck__ under the fused site.
def three(x):
    return isinstance(x, (bytes, bytearray, memoryview)), isinstance(x, (dict,))


print([three(v) for v in (b"", bytearray(), {}, 1)])


class Fails(type):
    def __instancecheck__(cls, inst):
        raise ValueError("no answer for %r" % (inst,))


class Picky(metaclass=Fails):
    pass


def failing(x):
    return isinstance(x, (str, Picky))


print(failing("yes"))
try:
    failing(1)
except ValueError:
    print(traceback.format_exc().splitlines()[-3:])
