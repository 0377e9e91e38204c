# memoryview: weak references, the hash kept after release, release by __index__/__float__/__bool__ while indexing or storing (gh-92888), float items from __float__
import weakref

m = memoryview(b"abcdef")
r = weakref.ref(m)
print(r() is m, hash(m) == hash(b"abcdef"))
m.release()
print(hash(m) == hash(b"abcdef"))
m = memoryview(b"abcdef")
m.release()
try:
    hash(m)
except ValueError as e:
    print("ValueError", e)

size = 16


def release():
    m.release()


class MyIndex:
    def __index__(self):
        release()
        return 4


class MyFloat:
    def __float__(self):
        release()
        return 4.25


class MyBool:
    def __bool__(self):
        release()
        return True


cases = [
    ("B", None, lambda: m[MyIndex()]),
    ("B", None, lambda: list(m[:MyIndex()])),
    ("B", (8, 2), lambda: m[MyIndex(), 0]),
    ("B", (2, 8), lambda: m[0, MyIndex()]),
    ("B", None, lambda: m.__setitem__(MyIndex(), 42)),
    ("B", None, lambda: m.__setitem__(slice(None, MyIndex()), b"spam")),
    ("B", None, lambda: m.__setitem__(slice(MyIndex(), 8), b"spam")),
    ("B", (8, 2), lambda: m.__setitem__((MyIndex(), 0), 42)),
    ("B", None, lambda: m.__setitem__(0, MyIndex())),
    ("q", None, lambda: m.__setitem__(0, MyIndex())),
    ("d", None, lambda: m.__setitem__(0, MyFloat())),
    ("f", None, lambda: m.__setitem__(0, MyFloat())),
    ("?", None, lambda: m.__setitem__(0, MyBool())),
]
for fmt, shape, op in cases:
    data = bytearray(b"\xff" * size)
    m = memoryview(data).cast(fmt) if shape is None else memoryview(data).cast(fmt, shape)
    try:
        print(fmt, op())
    except (ValueError, TypeError, NotImplementedError) as e:
        print(fmt, type(e).__name__, e)
    print(bytes(data[:8]).hex())


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 7


d = memoryview(bytearray(16)).cast("d")
d[0] = F()
d[1] = I()
print(d.tolist())
for bad in ("x", None):
    try:
        d[0] = bad
    except TypeError as e:
        print("TypeError", e)
