# gi_running, gi_frame, gi_code, gi_yieldfrom, __name__, __qualname__, repr.
def gen():
    print("running:", me.gi_running)
    yield 1
me = gen()
print(me.gi_running, me.gi_frame is not None, me.gi_code.co_name if hasattr(me.gi_code, "co_name") else "gen")
next(me)
print(me.gi_frame.f_lineno)
print(repr(me).startswith("<generator object gen at 0x"))
class_like = gen.__qualname__
def outer():
    def inner():
        yield
    return inner()
i = outer()
print(i.__name__, i.__qualname__)
print(repr(i).split(" at ")[0])
i.__name__ = "renamed"
print(i.__name__, repr(i).split(" at ")[0])
try:
    i.__qualname__ = 5
except TypeError as e:
    print(e)
print(me.gi_yieldfrom)
for _ in me:
    pass
print(me.gi_frame, me.gi_running)
