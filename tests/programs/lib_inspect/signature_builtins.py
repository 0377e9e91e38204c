# inspect.signature of object, builtin types, slot wrappers and T.__new__, read from __text_signature__ as python3.11 has it
import inspect

for obj in [object, list, tuple, float, complex, enumerate, reversed, property, memoryview,
            object.__init__, object.__new__, int.__new__, object.__eq__, int.__add__,
            object.__repr__, list.__init__, dict.__init__, object.__setattr__,
            int.__pow__, property.__get__,
            property.__set__, object.__hash__, list.__len__, list.__iter__]:
    print(repr(obj).split(" at 0x")[0], repr(obj.__text_signature__), inspect.signature(obj))

print(object.__eq__.__doc__)
print(int.__pow__.__doc__)
print(list.__init__.__doc__)
print(int.__new__.__doc__)
print((1).__add__.__text_signature__, inspect.signature((1).__add__))
print(int.__text_signature__, str.__text_signature__, dict.__text_signature__)

class Plain:
    pass

class WithInit:
    def __init__(self, a, b=2, *, c):
        pass

class FromList(list):
    pass

print(Plain.__text_signature__, inspect.signature(Plain))
print(inspect.signature(WithInit))
print(inspect.signature(FromList))
for obj in [int, str, dict]:
    try:
        print(inspect.signature(obj))
    except ValueError as e:
        print("ValueError", str(e).split(" at 0x")[0])

# builtin functions and method descriptors, bound or not
class MyDict(dict):
    pass

for f in [dict.fromkeys, MyDict.fromkeys, int.from_bytes, [].append, "".join, {}.get,
          str.maketrans, len, print, sorted, max, iter, divmod, eval, exec, compile,
          __import__, round, list.sort, str.split, bytes.hex]:
    print(repr(f).split(" at 0x")[0], repr(f.__text_signature__))
    try:
        print("  ", inspect.signature(f))
    except ValueError:
        print("   no signature")
print(eval.__self__, compile.__module__, __import__.__self__)
