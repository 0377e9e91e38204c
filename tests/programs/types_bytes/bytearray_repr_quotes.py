# A bytearray's repr escapes every ' (CPython's bytearray_repr), even
# between the double quotes it picks for a text with ' and no "; a bytes'
# repr escapes only its quote.

cases = [b"", b"plain", b"a'b", b'a"b', b"a'\"b", b"''", b'""', b"\\'", b"'\\\"",
         b"it's \x00\xff\n", bytes(range(32, 48))]
for raw in cases:
    print(repr(raw), repr(bytearray(raw)))
    assert eval(repr(bytearray(raw))) == bytearray(raw)

class Sub(bytearray):
    pass

print(repr(Sub(b"don't")), str(bytearray(b"x'y")), f"{bytearray(b'q')!r}")
print(repr(bytearray(b"ab'cd")[::2]), repr(bytearray(b"ab'cd")[::-1]))
