# bytes and str together: encode/decode with errors handlers, UnicodeDecodeError text, bytes == str is False, + of mixed types, bytes %
b = "héllo wörld".encode()
print(b, len(b), b.decode(), b.decode("latin-1"), b[1:3], list(b[:3]))
print(b"abc" == "abc", str(b"abc"), repr(bytearray(b"x\x00")), bytes(b"x") is not None)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(e)
print(b"\xff".decode("utf-8", "replace"), b"\xff".decode("utf-8", "ignore"), b"caf\xe9".decode("latin-1"))
try:
    b"a" + "b"
except TypeError as e:
    print(e)
try:
    "a" + b"b"
except TypeError as e:
    print(e)
print(sorted({b"b": 1, b"a": 2}), b"abc".hex(), bytes.fromhex("61 62"), b"%s-%d" % (b"x", 3))
