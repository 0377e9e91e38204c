# Python 3.13's new and changed instructions: LOAD_FAST_LOAD_FAST and friends, TO_BOOL, CALL_KW, SET_FUNCTION_ATTRIBUTE, the f-string trio, the call slots' new order
import sys


class Truth:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("bool of", self.v)
        return self.v
    def __repr__(self): return "Truth(%r)" % self.v


class Sized:
    def __len__(self): return 0
    def __repr__(self): return "Sized()"


def swap(a, b):
    a, b = b, a                 # STORE_FAST_STORE_FAST
    return a, b                 # LOAD_FAST_LOAD_FAST


def store_load(xs):
    for x in xs:                # STORE_FAST_LOAD_FAST
        print(x, end=" ")
    print()


def truth(values):
    for v in values:            # TO_BOOL before the jumps
        if v:
            print("true:", repr(v))
        elif not v:
            print("false:", repr(v))
    print(not Truth(True), bool(Sized()), [] or "empty", 0 and "never")


def kw(a, b=2, *args, c, d=4, **rest):
    return a, b, args, c, d, rest


class Base:
    def method(self, *args, **kwargs):
        return ("Base", args, kwargs)


class Derived(Base):
    def method(self, *args, **kwargs):
        return super().method(*args, extra=1, **kwargs), super().method(c=3)


def make_closures():
    fns = []
    for i in range(3):
        def f(x: int = i, *, y: str = "y") -> str:      # defaults, kwdefaults, annotations
            return f"{x}{y}{i}"                         # closure over i (a cell)
        fns.append(f)
    return fns


swap_result = swap(1, 2)
print(swap_result)
store_load([1, "two", 3.0])
truth([0, 1, "", "s", [], [0], None, 0.0, Truth(False), Sized()])
print(kw(1, c=3))
print(kw(1, 2, 3, 4, c=5, e=6, f=7))
print(kw(*[1, 2], **{"c": 3, "z": 0}))
print(Derived().method(1, k="v"))
try:
    kw(1, c=1, **{"c": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    kw(1, **{"d": 1}, **{"d": 2}, c=0)
except TypeError as e:
    print("TypeError:", e)
for f in make_closures():
    print(f(), f(9, y="z"), f.__defaults__, f.__kwdefaults__, f.__annotations__)
x, width, prec = 3.14159, 10, 3
print(f"{x!r} {x!s:>{width}} {x:.{prec}f} {'é'!a} {x=}")
print(f"{'nested ' + f'{x:.1f}'}" f"{width:#x}")
print(1 in [1, 2], 3 not in (1, 2), "a" in "abc", 5 in range(3))
m = {"k": [1, 2]}
print(len(m["k"]), m.get("k"), sorted(m, key=len))
print(sys.version_info[:2] >= (3, 13))
