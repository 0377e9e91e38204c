# BINARY_OP_ADD_UNICODE_CONST (str + str + "k" in one block) and
# BINARY_OP_INT_CHAIN (int op int, op k, op k... in 128 bits): the same
# sites meeting str subclasses with __add__/__radd__, ints past 128 bits,
# bools, floats, a zero divisor in the chain, negative shifts, a jump onto
# the fused LOAD_CONST, a tracer switched on mid-loop, and globals,
# builtins and class attributes replaced under them.
import sys


def brackets(body):
    return "[" + body + "]"


def brace3(a, b):
    return a + b + "}"


def lcg(state):
    return (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)


def chain(x, y):
    return x * y + 7 - 3 * 1 // 2 % 1000003 >> 1


def mixed(x, y):
    return x % y + 1 & 0xFFFF ^ 5 | 64 << 2


class Loud(str):
    def __add__(self, other):
        return Loud("<" + str.__add__(self, other) + ">")

    def __radd__(self, other):
        return Loud("(" + other + "|" + str(self) + ")")


class Big(int):
    def __add__(self, other):
        return "Big.__add__(%d, %r)" % (int(self), other)

    def __mod__(self, other):
        return 100


# warm the sites up, then change what flows through them
for i in range(50):
    brackets(str(i))
    brace3("x", str(i))
    lcg(i * 1000003)
    chain(i, i + 1)
    mixed(i + 1, 7)
print(brackets("a, b"), brackets(""), brace3("", ""), brace3("{", "\u00e9\u20ac"))
print(brackets(Loud("loud")), brace3(Loud("p"), "q"), brace3("p", Loud("q")))
print(type(brackets(Loud("x"))).__name__, type(brace3("a", "b")).__name__)
try:
    brackets(5)
except TypeError as e:
    print("TypeError:", e)
try:
    brace3("a", b"b")
except TypeError as e:
    print("TypeError:", e)

state = 3
for _ in range(5):
    state = lcg(state)
    print(state, state >> 33, (state >> 33) % 10)
print(lcg(2 ** 64 - 1), lcg(-(2 ** 63)), lcg(2 ** 70), lcg(2 ** 127), lcg(-(2 ** 200)))
print(lcg(True), lcg(Big(5)), lcg(2.5))
print(chain(10 ** 18, 10 ** 18), chain(-(10 ** 20), 3), chain(2 ** 126, 2), chain(True, False))
print(mixed(10 ** 30, 7), mixed(-5, 3), mixed(Big(1), 2), mixed(True, 2))
try:
    mixed(2.5, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    mixed(3, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def divide_in_chain(x):
    return x * 3 + 1 // 0


def shift_in_chain(x):
    return x + 1 >> -1


for f in (divide_in_chain, shift_in_chain):
    for v in (4, 2 ** 100):
        try:
            f(v)
        except (ZeroDivisionError, ValueError) as e:
            print(f.__name__, v, type(e).__name__, e)


def big_chain(x):
    return x * x * 1000000007 + 1 - 2 ** 100 * 3


for v in (1, 2 ** 40, 2 ** 62, 2 ** 63, 2 ** 64, -(2 ** 64), 2 ** 200):
    print(big_chain(v))


def jump_to_const(a, b, flag):
    # the "!" LOAD_CONST is a jump target: reached fused from a + b, plain
    # from the conditional's other arm
    return (a if flag else a + b) + "!"


def jump_to_int_const(a, b, flag):
    return (a if flag else a * b) + 5


for i in range(40):
    jump_to_const("x", str(i), i % 2)
    jump_to_int_const(i, 3, i % 2)
print(jump_to_const("a", "b", 0), jump_to_const("a", "b", 1), jump_to_int_const(2 ** 70, 3, 0),
      jump_to_int_const(2 ** 70, 3, 1))


# a tracer switched on mid-way sees every instruction's line
def traced(a, b):
    s = (a +
         b +
         "!")
    n = (len(s) *
         3 +
         1)
    return s, n


for i in range(40):
    traced("a", "b")
events = []


def tracer(frame, event, arg):
    if frame.f_code is traced.__code__:
        events.append((event, frame.f_lineno - traced.__code__.co_firstlineno))
    return tracer


sys.settrace(tracer)
r = traced("c", "d")
sys.settrace(None)
print(r, events)


# a global and a builtin replaced under a fused site
SUFFIX = "]"


def with_global(x):
    return "[" + x + SUFFIX


for i in range(40):
    with_global(str(i))
SUFFIX = Loud("]")
print(with_global("g"))


class K:
    n = 10

    def step(self, x):
        return x * self.n + 7 % 4


k = K()
for i in range(40):
    k.step(i)
K.n = 2 ** 100
print(k.step(3), k.step(-3))
K.n = 1.5
print(k.step(3))
K.n = "ab"
print(k.step(2))
