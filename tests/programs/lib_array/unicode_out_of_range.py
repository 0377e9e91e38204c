# An array('u') filled from bytes may hold a code point above U+10FFFF:
# reading it (an item, tounicode(), str(), repr()) raises ValueError.
import array

a = array.array("u", b"\xff\xff\xff\xff")
print(len(a), a.itemsize, a.tobytes())
for label, f in (("item", lambda: a[0]), ("tounicode", a.tounicode), ("str", lambda: str(a)),
                 ("list", lambda: list(a))):
    try:
        print(label, f())
    except ValueError as e:
        print(label, "ValueError:", e)
b = array.array("u", "ok")
b.frombytes((0x110000).to_bytes(4, "little"))
try:
    b.tounicode()
except ValueError as e:
    print("ValueError:", e)
print(b[:2].tounicode(), b.tobytes()[-4:])
for label, f in (("index", lambda: b.index("x")), ("count", lambda: b.count("o")),
                 ("==", lambda: b == array.array("u", "okx")), ("pop", b.pop),
                 ("array(w)", lambda: array.array("w" if hasattr(array, "w") else "i", b)),
                 ("<", lambda: array.array("u", "ok") < b), ("reduce", lambda: b.__reduce_ex__(2)),
                 ("tolist", b.tolist)):
    try:
        print(label, f())
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__, e)
print(len(b))
