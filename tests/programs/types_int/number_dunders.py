# Calling the numeric dunders of int, bool, float and complex directly: every slot wrapper python3.11 has.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

# binary operators, reflected forms, NotImplemented for the wrong operand type
print(int.__add__(2, 3), (5).__add__(1), (5).__add__(1.0), (5).__radd__(1), int.__sub__(2, 3),
      int.__rsub__(2, 3), (7).__mul__(6), (7).__truediv__(2), (7).__rtruediv__(2),
      (7).__floordiv__(2), (7).__rfloordiv__(30), (7).__mod__(3), (7).__rmod__(30),
      (7).__divmod__(2), (7).__rdivmod__(30), (2).__pow__(10), (2).__rpow__(10),
      (2).__pow__(10, 7), (3).__rpow__(2, 5), (2).__pow__(-1), (6).__and__(3), (6).__rand__(3),
      (6).__or__(3), (6).__ror__(3), (6).__xor__(3), (6).__rxor__(3), (1).__lshift__(70),
      (1).__rlshift__(3), (256).__rshift__(4), (4).__rrshift__(256))
print((5).__sub__("a"), int.__mul__(2, [1]), (2).__pow__(2.0), int.__pow__(2, 10, 7.0),
      (2).__and__(1.5), (2).__divmod__(1j), (10 ** 30).__add__(1), (10 ** 30).__rsub__(1))
print((5).__lt__(6), (5).__le__(5), (5).__eq__(5.0), (5).__ne__(4), (5).__gt__(6), (5).__ge__(6),
      (5).__eq__("5"), int.__lt__(True, 2))
# one-operand operations and conversions
print((5).__neg__(), (-5).__pos__(), (5).__invert__(), (-5).__abs__(), (0).__bool__(),
      (7).__bool__(), (-1).__hash__(), (2 ** 61).__hash__(), (7).__index__(), (7).__int__(),
      (7).__float__(), (-(2 ** 70)).__abs__(), (2 ** 70).__float__())
print((7).__round__(), (1234).__round__(-2), (7).__trunc__(), (7).__floor__(), (7).__ceil__(),
      (7).conjugate(), (7).__getnewargs__(), (7).__format__("05d"))
class I(int):
    pass
print(type(I(3).__int__()).__name__, type(I(3).__index__()).__name__, type(I(3).__pos__()).__name__,
      type(I(3).__abs__()).__name__, I(3).__add__(I(4)))

# bool: its own & | ^ and int's for the rest
print(bool.__and__(True, False), True.__or__(False), True.__xor__(True), True.__rand__(True),
      True.__and__(1), True.__add__(True), True.__neg__(), True.__invert__(), True.__index__(),
      True.__int__(), True.__float__(), True.__abs__(), False.__bool__(), True.__hash__(),
      True.__eq__(1), bool.__or__(False, 0), type(True.__and__(True)).__name__)

# float
print((1.5).__add__(1), float.__radd__(1.5, 2), (1.5).__add__("x"), (7.5).__floordiv__(2),
      (7.5).__rfloordiv__(2), (7.5).__mod__(-2), (7.5).__rmod__(2), (7.5).__divmod__(2),
      (7.5).__rdivmod__(20), (2.0).__pow__(3), (2.0).__rpow__(3), (2.0).__truediv__(8),
      (2.5).__neg__(), (-2.5).__pos__(), (-2.5).__abs__(), (2.5).__bool__(), (0.0).__bool__(),
      (2.5).__int__(), (-2.5).__int__(), (2.5).__float__(), (2.5).__hash__(), (0.5).__eq__(0.5),
      (0.5).__lt__(1), (0.5).__lt__(1j))
print((2.5).__round__(), (2.675).__round__(2), (2.5).__trunc__(), (2.5).__floor__(),
      (2.5).__ceil__(), (2.5).__getnewargs__(), (2.5).is_integer(), (2.5).as_integer_ratio())
print(float.fromhex("0x1.8p1"), (1.0).fromhex("0x10"), float.__getformat__("double"))
class F(float):
    pass
print(type(F.fromhex("0x1p-1")).__name__, type(F(1.5).__float__()).__name__, F(1.5).__mul__(2))

# complex
print((1j).__add__(1), complex.__radd__(1j, 1), (1 + 2j).__mul__(1j), complex.__mul__(2j, 2),
      (1 + 2j).__rsub__(1), (1 + 2j).__truediv__(2), (1 + 2j).__rtruediv__(1j), (1j).__pow__(2),
      (1j).__rpow__(2), (1 + 2j).__neg__(), (1 + 2j).__pos__(), (3 + 4j).__abs__(), (0j).__bool__(),
      (1j).__eq__(1j), (1j).__ne__(1), (1j).__lt__(2j), (1j).__add__("a"), (1j).__getnewargs__(),
      (1 + 2j).conjugate(), (1j).__complex__())

# errors, with CPython's messages
attempt("int.__add__()", lambda: int.__add__(5))
attempt("(5).__add__()", lambda: (5).__add__())
attempt("(5).__add__(1, 2)", lambda: (5).__add__(1, 2))
attempt("(5).__neg__(1)", lambda: (5).__neg__(1))
attempt("(5).__add__(x=1)", lambda: (5).__add__(x=1))
attempt("(5).__pow__(2, 3, 4)", lambda: (5).__pow__(2, 3, 4))
attempt("int.__add__('a', 1)", lambda: int.__add__("a", 1))
attempt("int.__neg__()", lambda: int.__neg__())
attempt("float.__pow__ mod", lambda: float.__pow__(2.0, 3, 5))
attempt("complex.__pow__ mod", lambda: complex.__pow__(1j, 2, 3))
attempt("int.__divmod__ by 0", lambda: int.__divmod__(7, 0))
attempt("float.__divmod__ by 0", lambda: (2.0).__divmod__(0.0))
attempt("float.__int__ inf", lambda: float("inf").__int__())
attempt("int.__float__ huge", lambda: (10 ** 400).__float__())
attempt("complex.__int__", lambda: (1j).__int__())
attempt("float.__index__", lambda: (1.5).__index__())
attempt("float.__invert__", lambda: (1.5).__invert__())
attempt("complex.__floordiv__", lambda: (1j).__floordiv__(1))
attempt("float.__and__", lambda: (1.5).__and__(1))
attempt("bool.__and__ int", lambda: bool.__and__(1, True))
attempt("int.bit_length()", lambda: int.bit_length())
attempt("list.append on int", lambda: list.append(1, 2))
attempt("float.fromhex()", lambda: float.fromhex())

# the builtins that reach these slots
print(abs(-7), abs(-2.5), abs(3 + 4j), abs(True), abs(-(2 ** 80)), divmod(7, 2), divmod(-7, 2),
      divmod(7.5, 2), divmod(2 ** 70, 3), divmod(True, 2), pow(2, 10), pow(2, 10, 7),
      pow(3, -1, 7), pow(2.0, 3), pow(1j, 2))
attempt("abs('a')", lambda: abs("a"))
attempt("divmod('a', 1)", lambda: divmod("a", 1))
attempt("divmod(1j, 1)", lambda: divmod(1j, 1))
attempt("divmod(1, 0)", lambda: divmod(1, 0))
attempt("pow(2, 3, 5.0)", lambda: pow(2, 3, 5.0))
attempt("pow(2.0, 3, 5)", lambda: pow(2.0, 3, 5))
attempt("pow(1j, 3, 5)", lambda: pow(1j, 3, 5))
attempt("pow('a', 3, 5)", lambda: pow("a", 3, 5))
attempt("pow(2, 3, 0)", lambda: pow(2, 3, 0))
