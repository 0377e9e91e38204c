# BUILD_TUPLE_COMPARE: t < (a, b) answered from the stack, the right tuple
# never made.  Every operator, items of every kind, tuples of other
# lengths, a left operand that is not an exact tuple (a list, a tuple
# subclass, an object with a reflected method that must receive a real
# tuple), an item comparison that raises (the traceback names the
# comparison), a non-bool answer, the COMPARE_OP reached by a jump from a
# branch that specialized it, deep nesting (RecursionError "in
# comparison"), and the same site under sys.settrace.
import sys
import traceback


def all_ops(t, a, b):
    return ((t < (a, b)), (t <= (a, b)), (t == (a, b)), (t != (a, b)),
            (t > (a, b)), (t >= (a, b)))


for _ in range(3):                      # warm: the sites take the form
    for t, a, b in (((1, 2), 1, 2), ((1, 2), 1, 3), ((2, 0), 1, 9),
                    (("a", "b"), "a", "c"), ((1.5, 2), 1.5, 2.0),
                    ((1, 2, 3), 1, 2), ((1,), 1, 2), ((), 0, 0),
                    ((None, 1), None, 2), (((1, 2), 3), (1, 2), 3),
                    ((10**30, 1), 10**30, 0), ((float("nan"), 1), float("nan"), 1)):
        print(t, a, b, all_ops(t, a, b))


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __lt__(self, other):           # the slot's attributes, then the tuples
        return (self.x, self.y) < (other.x, other.y)

    __repr__ = lambda self: f"<{self.x} {self.y}>"


qs = [Point(i % 7, i % 3) for i in range(60)]
print(sorted(qs)[:5], sorted(qs)[-2:])


# Left operands that are not exact tuples: the tuple is made after all.
class Sub(tuple):
    def __lt__(self, other):
        return "Sub.__lt__ %s %r" % (type(other).__name__, other)


class Reflect:
    def __gt__(self, other):
        return "Reflect.__gt__ %s %r" % (type(other).__name__, other)


def less(t, a, b):
    return t < (a, b)


for t in ((1, 2), Sub((1, 2)), (0, 9), [1, 2], Reflect(), (5, 5)):
    try:
        print(less(t, 1, 2))
    except TypeError as e:
        print("TypeError", e)


# An item comparison that raises: the traceback points at the comparison.
class Bad:
    def __eq__(self, other):
        raise ValueError("no equality")

    def __lt__(self, other):
        raise KeyError("no order")

    __hash__ = object.__hash__


def cmp_bad(t, a, b):
    return t < (a, b)


for t, a in (((1, 2), Bad()), ((Bad(), 1), 1)):
    for _ in range(2):
        try:
            cmp_bad(t, a, 2)
        except Exception as e:
            print(type(e).__name__, e)
            print(traceback.format_exc().splitlines()[-4:-1])
same = Bad()
try:
    print(cmp_bad((same, 1), same, 2))  # identical items are not compared
except Exception as e:
    print(type(e).__name__, e)


# A non-bool answer from the deciding items comes out as it is.
class Odd:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return "odd %d<%d" % (self.v, other.v)


print(cmp_bad((Odd(1), 2), Odd(3), 4), cmp_bad((1, Odd(1)), 1, Odd(2)))


# The COMPARE_OP is also reached from a branch without BUILD_TUPLE, where
# small ints specialize it (with the jump after it).
def branchy(t, c, a, b, u):
    if t < (u if c else (a, b)):
        return "yes"
    return "no"


out = []
for i in range(40):
    if i % 10 < 5:
        out.append(branchy(i, True, 0, 0, 20))
    else:
        out.append(branchy((i, 1), False, i, i % 3, 0))
print(out)

# Chained comparisons around a built tuple.
x, y = 1, 2
print((0, 0) < (x, y) < (x, y + 1), (x, y) <= (x, y) == (1, 2))

# Deep nesting: each level counts against the recursion limit (3.13's is
# the C limit, far higher: 30,000 levels pass both; not on 3.14: its
# pyodide oracle runs out of stack).
deep_a = deep_b = ()
for i in range(30000 if sys.version_info < (3, 14) else 0):
    deep_a = (deep_a,)
    deep_b = (deep_b,)
try:
    print(deep_a < (deep_b,) if deep_a else "skipped")
except RecursionError as e:
    print("RecursionError", e)
shallow = ((((),),),)
print(shallow < (((((),),),),), shallow == ((((),),),))

# Under a trace function: the same answers, one line event per line.
events = []


def tracer(frame, event, arg):
    if frame.f_code is all_ops.__code__ and event == "line":
        events.append(frame.f_lineno)
    return tracer


sys.settrace(tracer)
r = all_ops((1, 2), 1, 3)
sys.settrace(None)
print(r, len(events))
