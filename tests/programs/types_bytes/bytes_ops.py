# bytes: literals, indexing gives ints, methods, hex, decode, comparisons, errors
b = b"Hello, bytes!\x00\xff"
print(b, len(b), b[0], b[-1], b[:5], b[::-1][:3], list(b[:3]))
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("héllo", "utf-8"), bytes(b"copy"))
print(b"abc" + b"def", b"ab" * 3, b"x" in b"xyz", 120 in b"xyz", b"" in b"a")
print(b"a,b,c".split(b","), b"-".join([b"x", b"y"]), b"  pad ".strip(), b"MiXed".lower(), b"MiXed".upper())
print(b"hello".find(b"l"), b"hello".count(b"l"), b"hello".replace(b"l", b"L"), b"hello".startswith(b"he"))
print(b"\xde\xad\xbe\xef".hex(), bytes.fromhex("de ad be ef"), b"abc".hex("-"), b"\x01\x02".hex(":", 1))
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"abc".decode("ascii"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xffx".decode("utf-8", "replace"), b"\xffx".decode("utf-8", "ignore"))
print(b"abc" < b"abd", b"abc" == bytearray(b"abc"), b"a" == "a", b"\x00" < b"\x01")
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\r\x7f"), str(b"x"))
print(b"%d items" % 3, b"abc".isalpha(), b"123".isdigit(), b"a b".title(), b"abc".center(7, b"*"))
print(b"x=1;y=2".partition(b";"), b"hello world".split(), tuple(b"hi"), sorted(b"cab"))
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
try:
    bytes("no encoding")
except TypeError as e:
    print("TypeError:", e)
print(hash(b"") == hash(b""), int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "little"))
