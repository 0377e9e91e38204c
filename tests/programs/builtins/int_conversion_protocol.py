# int(x): __int__, __index__, __trunc__ order, int-subclass results (DeprecationWarning), str/bytes subclasses, __index__ base
import warnings

class MyIndexable:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v

class MyInt(int):
    def __int__(self): return 42

class BadInt(int):
    def __int__(self): return 42.0

class BadIndex:
    def __index__(self): return True

class BadIndex2(int):
    def __index__(self): return True

class IntRetBool:
    def __int__(self): return True

class TruncOnly:
    def __trunc__(self): return BadIndex()

class TruncFloat:
    def __trunc__(self): return 3.5

class S(str): pass
class B(bytes): pass
class BA(bytearray): pass

def show(f, *a):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = f(*a)
            print(repr(r), type(r).__name__)
        except Exception as e:
            print(type(e).__name__, e)
        for x in w:
            print("warn", x.category.__name__, x.message)

show(int, "10", MyIndexable(16))
show(int, "10", MyIndexable(1))
show(int, MyInt(7))
show(int, BadInt(7))
show(int, BadIndex())
show(int, BadIndex2())
show(int, IntRetBool())
show(int, TruncOnly())
show(int, TruncFloat())
show(int, S("12"))
show(int, S("ff"), 16)
show(int, B(b"13"))
show(int, BA(b"14"), 8)
show(int, object())
show(int, 3.9)
show(int, True)
import operator
show(operator.index, BadIndex())
show(operator.index, MyIndexable(2.0))
