# bytes and bytearray subscripts take any object with __index__ (test_index), and the errors when it fails
class I:
    def __index__(self): return 1
class T(int):
    def __index__(self): raise RuntimeError
b = b"abc"; ba = bytearray(b"xyz")
print(b[I()], ba[I()], b.__getitem__(I()), b[T(2)], ba[T(0)])
class Bad:
    def __index__(self): return "x"
for s in (b, ba):
    for k in (Bad(), 1.5, "a", 2**80):
        try: s[k]
        except Exception as e: print(type(e).__name__, e)
