# BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_{INT,FLOAT} and ADD_UNICODE: operand types change under a specialized site, ints leave the small range, subclasses and overrides deoptimize
class MyInt(int):
    def __add__(self, other):
        return "MyInt+"

    def __sub__(self, other):
        return "MyInt-"


class MyStr(str):
    def __add__(self, other):
        return "MyStr+" + str.__add__(self, other)


class MyFloat(float):
    def __mul__(self, other):
        return "MyFloat*"


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def iadd(a, b):
    a += b
    return a


values = [
    (1, 2), (3, 4), (2**61, 2**61), (-(2**62), -(2**62)), (2**100, 1), (True, True),
    (MyInt(5), 1), (1.5, 2.25), (float("inf"), float("-inf")), (float("nan"), 1.0),
    (MyFloat(2.0), 3.0), (1, 2.5), (2.5, 1), ("ab", "cd"), (MyStr("x"), "y"), ("y", MyStr("x")),
    ([1], [2]), ((1,), (2,)), (7, 8), (0.1, 0.2), ("e", "f"),
]
for a, b in values:
    for f in (add, sub, mul, iadd):
        try:
            print(f.__name__, repr(a), repr(b), "->", repr(f(a, b)))
        except TypeError as e:
            print(f.__name__, repr(a), repr(b), "TypeError:", e)

# A hot loop whose operands turn from ints to floats to big ints halfway.
t = 0
for i in range(200):
    x = i if i < 50 else i * 0.5 if i < 100 else i * 2**70 if i < 150 else i
    t = t + x * x - x
print(t)

# Overflow of small ints in place: the result is a big int.
n = 1
for i in range(130):
    n = n * 3 - 1
print(n, n.bit_length())
s = ""
for i in range(20):
    s = s + str(i % 10)
    s += "-"
print(s)
