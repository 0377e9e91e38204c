# Disassembler corpus: one of each operand kind and listing feature.
# (Compiled and disassembled by tests/run_dis.sh; never run.)
import sys
from os import path as p, sep
from collections import *

CONSTS = (None, True, False, ..., 0, -1, 2**100, -0.0, 1.5e300, float("inf"),
          1j, -2.5j, b"by\x00tes", "str'ing", 'quo"te', "uni\u00e9\U0001f600",
          (1, (2, (3,))), frozenset({1, 2, 3}), "\n\t\\")

def defaults(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    return a + b + c + d + e

def annotated(x: int, y: "str" = "s") -> list[int]:
    return [x, y]

def closure():
    cell = 1
    def inner(arg):
        nonlocal cell
        cell += arg
        del arg
        return cell
    return inner

def f_strings(x, y):
    return f"{x} {x!s} {x!r} {x!a} {x:>10} {x!r:^{y}} {y=}"

def compares(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b, a is b, a is not b,
            a in b, a not in b)

def operators(a, b):
    a += b; a -= b; a *= b; a /= b; a //= b; a %= b; a **= b
    a <<= b; a >>= b; a &= b; a |= b; a ^= b; a @= b
    return (a + b, a - b, a * b, a / b, a // b, a % b, a ** b, a << b,
            a >> b, a & b, a | b, a ^ b, a @ b, -a, +a, ~a, not a)

def jumps(n):
    total = 0
    for i in range(n):
        if i % 2 and i > 3 or i == 7:
            continue
        while total < i:
            total += 1
            if total is None:
                break
        else:
            total -= 1
    x = n and total or -1
    y = None if n is None else n
    return x, y

def exceptions(x):
    try:
        try:
            1 / x
        except ZeroDivisionError as e:
            raise ValueError("zero") from e
        except (TypeError, KeyError):
            raise
        else:
            pass
        finally:
            print("finally")
    except* OSError:
        pass
    with open(x) as f, open(x) as g:
        return f.read() + g.read()

def generator(n):
    yield 1
    yield from range(n)
    return (i * i for i in range(n) if i)

async def coroutine(x):
    async with x as y:
        async for z in y:
            await z
    return [w async for w in x]

async def async_gen():
    yield 1

def comprehensions(xs):
    return ([x for x in xs], {x for x in xs}, {x: x for x in xs},
            [(x, y) for x in xs for y in xs if x != y])

def unpacking(a, *b, **c):
    x, *y, z = a
    p, q = q, p = 1, 2
    f(*a, *b, k=1, **c)
    g(a, b, key=c, other=a)
    return {**c, 'k': 1}, [*a, *b], (*a, *b), {*a, *b}

def matching(command):
    match command:
        case [x, y, *rest]:
            return x
        case {"action": action, **others}:
            return action
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case str() | bytes():
            return "text"
        case 1 | 2 | 3:
            return "small"
        case _:
            return None

class Base:
    attr: int = 3
    def method(self):
        return super().method()
    @staticmethod
    def static(*, k):
        return k
    @property
    def prop(self):
        del self.x
        self.y = self.z
        return self.attr.bit_length()

def scopes():
    global CONSTS
    CONSTS = 1
    del CONSTS
    x = 1
    class Inner:
        y = x
    return Inner

def slicing(s):
    s[1:2] = s[::2]
    del s[0]
    return s[1:], s[:-1], s[1:2:3]

def assertions(x):
    assert x, "message"
    import os.path
    from . import sibling
    lambda: (yield)
    return sibling
