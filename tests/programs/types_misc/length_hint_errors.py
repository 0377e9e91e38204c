# list(), tuple(), bytes(), sorted() and list/bytearray.extend ask len() or __length_hint__ first: its errors propagate (not bytearray(), set(), join's)
class BadLen(object):
    def __iter__(self): return iter(range(10))
    def __len__(self):
        raise RuntimeError('hello')
class BadLengthHint(object):
    def __iter__(self): return iter(range(10))
    def __length_hint__(self):
        raise RuntimeError('hello')
for f in (list, [].extend, bytearray(b"x").extend, bytes, bytearray, tuple, set, frozenset,
          dict.fromkeys, sorted, "".join, b"".join, enumerate):
    for c in (BadLen, BadLengthHint):
        try:
            f(c())
            print("no error", getattr(f, "__qualname__", f), c.__name__)
        except RuntimeError as e:
            print("RuntimeError", getattr(f, "__qualname__", f), c.__name__, e)
        except TypeError as e:
            print("TypeError", getattr(f, "__qualname__", f), c.__name__, e)

class Hint:
    def __init__(self, hint): self.hint = hint
    def __iter__(self): return iter("abc")
    def __length_hint__(self): return self.hint
for h in (NotImplemented, 10**6, 0):
    print(list(Hint(h)))
for h in (-1, "x", 2**70):
    try:
        list(Hint(h))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
