# exception objects as values: with_traceback, __traceback__ presence, args mutation, add_note
e = ValueError("x")
print(e.__traceback__ is None, e.__context__, e.__cause__)
try:
    raise e
except ValueError as got:
    print(got.__traceback__ is not None, got is e)
e.args = ("changed", 1)
print(str(e), repr(e))
e2 = KeyError("k")
e2.args = ()
print(repr(str(e2)), repr(e2))
try:
    raise TypeError("t").with_traceback(None)
except TypeError as t:
    print("with_traceback returns self:", t)
err = RuntimeError("base")
err.add_note("first note")
err.add_note("second note")
print(err.__notes__)
def make():
    try:
        1 / 0
    except ZeroDivisionError as z:
        return z
z = make()
print(type(z).__name__, z, z.__traceback__ is not None)
ex = Exception()
ex.__cause__ = ValueError("manual cause")
print(repr(ex.__cause__), ex.__suppress_context__)
try:
    ex.__cause__ = 5
except TypeError as te:
    print("TypeError:", te)
print(BaseException("a", "b").args, len(Exception(*range(5)).args))
print(isinstance(StopIteration(), Exception), StopIteration("v").value)
try:
    raise StopIteration("done")
except StopIteration as si:
    print(si.value, si.args)
