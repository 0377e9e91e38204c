# functools' decorators: total_ordering, singledispatch (and singledispatchmethod), cached_property, lru_cache/cache, wraps, partial, reduce, cmp_to_key
import functools
from functools import total_ordering, singledispatch, singledispatchmethod, cached_property, lru_cache, cache, wraps, partial, partialmethod, reduce, cmp_to_key


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))


a, b = Version(3, 11), Version(3, 12)
print(a < b, a <= b, a > b, a >= b, a == Version(3, 11), sorted([b, a, Version(2, 7)]))
print(sorted(n for n in ("__le__", "__gt__", "__ge__") if n in Version.__dict__))


@singledispatch
def describe(x):
    return "object %r" % (x,)


@describe.register
def _(x: int):
    return "int %d" % x


@describe.register(list)
@describe.register(tuple)
def _(x):
    return "sequence of %d" % len(x)


@describe.register(float)
def _(x):
    return "float %.2f" % x


class MyInt(int):
    pass


print(describe("s"), describe(3), describe(MyInt(4)), describe([1, 2]), describe((1,)), describe(2.5), describe(True))
print(describe.dispatch(bool).__name__, sorted(t.__name__ for t in describe.registry))


class Shape:
    @singledispatchmethod
    def area(self, arg):
        raise NotImplementedError("no area for %s" % type(arg).__name__)

    @area.register
    def _(self, side: int):
        return side * side

    @area.register
    def _(self, dims: tuple):
        return dims[0] * dims[1]


s = Shape()
print(s.area(4), s.area((2, 5)))
try:
    s.area("x")
except NotImplementedError as e:
    print("NotImplementedError:", e)


class Data:
    computed = 0

    def __init__(self, n):
        self.n = n

    @cached_property
    def total(self):
        Data.computed += 1
        return sum(range(self.n))


d = Data(10)
print(d.total, d.total, Data.computed, "total" in vars(d))
del d.total
print(d.total, Data.computed, type(Data.__dict__["total"]).__name__, Data.total.attrname)


@lru_cache(maxsize=2)
def square(x):
    print("computing", x)
    return x * x


for x in (1, 2, 1, 3, 1):
    square(x)
print(square.cache_info())
square.cache_clear()
print(square.cache_info(), square.cache_parameters())


@lru_cache(typed=True)
def kind(x):
    return type(x).__name__


print(kind(1), kind(1.0), kind.cache_info().currsize)


@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info().hits)


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        return ("called", func(*args, **kwargs))
    return wrapper


@logged
def add(x, y):
    "Add two numbers."
    return x + y


print(add(1, 2), add.__name__, add.__doc__, add.__wrapped__.__name__, add.__qualname__)
p = partial(int, base=2)
print(p("101"), p.func is int, p.args, p.keywords, repr(partial(divmod, 7)))


class Cell:
    def __init__(self):
        self.state = None

    def set(self, value):
        self.state = value

    on = partialmethod(set, True)


c = Cell()
c.on()
print(c.state)
print(reduce(lambda x, y: x * y, range(1, 8)), reduce(lambda x, y: x + y, [], "start"))
print(sorted(["banana", "Apple", "cherry"], key=cmp_to_key(lambda x, y: (x.lower() > y.lower()) - (x.lower() < y.lower()))))
