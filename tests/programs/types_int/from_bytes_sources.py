# int.from_bytes takes what bytes(x) would make of x only through __bytes__ or an iterable of ints (CPython's PyObject_Bytes): an int, an __index__ object, a str or str subclass, a float is "cannot convert 'X' object to bytes" (pvm read an int n as n zero bytes)
class Text(str):
    pass


class HasBytes:
    def __bytes__(self):
        return b"\x01\x00"


class TextWithBytes(str):
    def __bytes__(self):
        return b"\x02"


class Index:
    def __index__(self):
        return 3


class Iterable:
    def __iter__(self):
        return iter([1, 2])


class Sequence:
    def __getitem__(self, i):
        if i < 2:
            return i + 5
        raise IndexError


for v in (b"\x01\x02", bytearray(b"\x07"), memoryview(b"\x80"), [1, 2], (255,), range(3),
          iter([4, 5]), Iterable(), Sequence(), HasBytes(), TextWithBytes("y"),
          1, 0, True, Index(), "x", Text("x"), 2.5, None, [256], ["a"], [-1]):
    name = type(v).__name__
    try:
        print(name, int.from_bytes(v, "big"), int.from_bytes(v, "little", signed=True)
              if not name.endswith("iterator") else "")
    except (TypeError, ValueError) as e:
        print(name, type(e).__name__, e)
