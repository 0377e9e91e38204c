# Call sites whose callable changes kind mid-loop (function, builtin, class, bound method, method of a builtin type, a callable from a PUSH_NULL), globals and builtins rebound or shadowed while their loads are specialized, and plain attribute loads whose owner changes kind: 3.13 pushes the NULL of a call above the callable, and shares 3.12's specialized forms
import builtins


def add(a, b):
    return a + b


def add3(a, b, c=10):
    return a + b + c


class Box:
    def __init__(self, v):
        self.v = v

    def get(self, k, m=1):
        return self.v * k * m

    @property
    def twice(self):
        return self.v * 2


class Slotted:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


def call_kinds(n):
    out = []
    box = Box(3)
    for i in range(n):
        f = add if i < n // 4 else max if i < n // 2 else Box if i < 3 * n // 4 else box.get
        r = f(i, 1) if f is not Box else f(i).v
        out.append(r)
        out.append(len(out) + abs(-i))
        out.append(add3(i, 2))
        out.append(add3(i, 2, 3) if i % 3 else add3(i, c=1, b=0))
        out.append(isinstance(r, int))
        out.append(type(r).__name__)
        out.append("-".join(("a", str(i))))
    return out


def local_callables(n):
    funcs = [add, pow, min, lambda a, b: a - b]
    total = 0
    for i in range(n):
        g = funcs[i * len(funcs) // n]
        total += g(i, 2)            # LOAD_FAST then PUSH_NULL in 3.13
    return total


GLOBAL_FN = add


def global_rebound(n):
    global GLOBAL_FN
    total = 0
    for i in range(n):
        total += GLOBAL_FN(i, 1)
        if i == n // 2:
            GLOBAL_FN = lambda a, b: a * b
    GLOBAL_FN = add
    return total


def builtin_shadowed(n):
    total = 0
    for i in range(n):
        total += len("x" * (i % 5))
        if i == n // 3:
            globals()["len"] = lambda s: 100
        if i == 2 * n // 3:
            del globals()["len"]
    return total


def builtin_replaced(n):
    saved = builtins.abs
    total = 0
    try:
        for i in range(n):
            total += abs(-i)
            if i == n // 2:
                builtins.abs = lambda v: 1000
    finally:
        builtins.abs = saved
    return total


def attr_kinds(n):
    owners = [Box(1), Slotted(2), Box(5), Slotted(7)]
    total = 0
    for i in range(n):
        o = owners[i * len(owners) // n]
        total += o.v
        if isinstance(o, Box):
            total += o.twice + o.get(2)
    return total


def method_calls(n):
    items = []
    words = ["b", "a", "c"]
    for i in range(n):
        items.append(i)
        words.sort()
        if i == n // 2:
            items = list(items)
        target = items if i % 7 else words
        target.append(i) if target is items else None
    return len(items), words


print(call_kinds(40)[-14:], sum(x for x in call_kinds(40) if isinstance(x, int)))
print(local_callables(40))
print(global_rebound(40), GLOBAL_FN is add)
print(builtin_shadowed(60))
print(builtin_replaced(40), abs(-5))
print(attr_kinds(80))
print(method_calls(30))
try:
    GLOBAL_FN(1)
except TypeError as e:
    print(type(e).__name__, e)
