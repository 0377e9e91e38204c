# io.StringIO's own dict as CPython's: no __repr__ of its own (object's answers, for it and its subclasses), the methods and getsets it defines itself
import io
import re

print(sorted(vars(io.StringIO)))
print("__repr__" in vars(io.StringIO), io.StringIO.__repr__ is object.__repr__)


def addressless(text):
    return re.sub("0x[0-9a-f]+", "0x...", text)


class Notes(io.StringIO):
    pass


s = io.StringIO("text")
print(addressless(repr(s)), addressless(repr(Notes())), repr(s) == object.__repr__(s))
s.close()
print(addressless(repr(s)))
