# raise forms: class vs instance, raise from, from None, bare re-raise, raising non-exceptions
def attempt(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__, repr(e), "| cause:", repr(e.__cause__),
              "| context:", repr(e.__context__), "| suppress:", e.__suppress_context__)
def r1(): raise ValueError
def r2(): raise ValueError("msg")
def r3(): raise KeyError("k") from OSError("disk")
def r4():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("wrapped") from None
def r5():
    try:
        [][0]
    except IndexError:
        raise
def r6():
    try:
        {}[1]
    except KeyError as e:
        raise TypeError("during handling")
def r7(): raise 5
def r8(): raise ValueError from 3
def r9(): raise
def r10(): raise TypeError("x") from ValueError
for f in [r1, r2, r3, r4, r5, r6, r7, r8, r9, r10]:
    print(f.__name__, end=": ")
    attempt(f)
e = ValueError("reuse")
for i in range(2):
    try:
        raise e
    except ValueError as got:
        print(got is e, got)
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as te:
    print("TypeError:", te)
try:
    raise NotExc
except TypeError as te:
    print("TypeError:", te)
