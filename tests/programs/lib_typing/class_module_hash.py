# A class's __module__ may be any object (repr and tracebacks then leave it out); __hash__ returning a 64-bit int is used as is, a bigger one is hashed as an int
import traceback
import typing

class Anywhere:
    pass

for module in [5, None, ("a", 1), "pkg.mod", "builtins"]:
    Anywhere.__module__ = module
    print(repr(module), Anywhere.__module__, repr(Anywhere), repr(Anywhere()).split(" at 0x")[0])

class Inner:
    class Nested:
        __module__ = ["a list"]
print(Inner.Nested.__module__, repr(Inner.Nested), repr(Inner.Nested()).split(" at 0x")[0])

class Odd(Exception):
    pass
Odd.__module__ = 3.5
try:
    raise Odd("message")
except Odd as e:
    print(traceback.format_exception_only(e))

class Hashes:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h

for h in [0, 1, -1, -2, 2**31, 2**61 - 1, 2**61, 2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1,
          2**64, 2**70, -2**70, True, False]:
    print(repr(h), hash(Hashes(h)), hash(Hashes(h)) == hash(h) if h not in (-1,) else None)

class NotInt:
    def __hash__(self):
        return 1.5
try:
    hash(NotInt())
except TypeError as e:
    print("TypeError", e)

# typing's objects hash through __hash__; a NewType's and a TypeVar's
# __module__ is their caller's (sys._getframe)
UserId = typing.NewType("UserId", int)
T = typing.TypeVar("T")
print(UserId.__module__, repr(UserId), T.__module__, repr(T))
print(hash(T) == hash(T), hash(typing.List[int]) == hash(typing.List[int]))
print(hash(typing.Union[int, str]) == hash(typing.Union[str, int]))
print(typing.get_type_hints(type("C", (), {"__annotations__": {"x": "int", "y": "list[str]"}})))
