# sequence * count for str/list/tuple/bytes/bytearray/array/deque: __index__ counts, __rmul__ of the other operand, in-place repeat, negative and huge counts, TypeErrors
class R:
    def __rmul__(self, other): return ("rmul", other)
    def __mul__(self, other): return ("mul", other)
class I:
    def __index__(self): return 3
class N: pass
for seq in ("ab", [1], (1,), b"x", bytearray(b"y")):
    print(seq * R(), R() * seq, seq * I(), I() * seq if False else None)
    for bad in (N(), 2.5, "s", None):
        try: print(seq * bad)
        except TypeError as e: print(e)
        try: print(bad * seq)
        except TypeError as e: print(e)
    try:
        s = seq
        s *= 1.5
    except TypeError as e: print(e)
from collections import deque
try: deque([1]) * 1.5
except TypeError as e: print(e)
print(range(3) * 2 if False else None)
try: range(3) * 2
except TypeError as e: print(e)
class RI:
    def __index__(self): return 2
    def __rmul__(self, o): return "rmul wins"
print([1] * RI(), "x" * RI(), RI() * (1,))
l = [1, 2]; l *= I(); print(l)
ba = bytearray(b"ab"); ba *= I(); print(ba)
s = "q"; s *= I(); print(s)
for s in ([1], (1,), 'a', b'a', bytearray(b'a')):
    try: s * -10**30
    except OverflowError as e: print(e)
    print(s * -3, s * True, s * False)
class Big(int): pass
print("ab" * Big(2), Big(3) * [0], (1,) * Big(-1))
from array import array
print(array('i', [1]) * 2, array('i', [1]) * I())
try: array('i', [1]) * 'x'
except TypeError as e: print(e)
print(deque([1]) * I())
class BadIdx:
    def __index__(self): raise ValueError("boom")
try: [1] * BadIdx()
except ValueError as e: print(e)
