# Slice assignment copies an array's items as they are (CPython's
# array_ass_subscr): a code point beyond U+10FFFF in an array('u') goes
# across unchecked, and fails only when read.  Extended slices, deletion
# by assigning an empty array, other typecodes, and exports.
import array

bad = array.array("u")
bad.frombytes((0x110000).to_bytes(4, "little"))
d = array.array("u", "xyz")
d[0:1] = bad
print(len(d), d[1:].tounicode())
d[::2] = bad * 2
print(len(d), d[1])
for label, f in (("item", lambda: d[0]), ("tounicode", d.tounicode), ("tolist", d.tolist)):
    try:
        f()
    except ValueError as e:
        print(label, "ValueError:", e)

a = array.array("i", range(10))
a[::3] = array.array("i")              # an empty array deletes, unlike list's
print(a)
a[1:3] = a
print(a)
a[8:2] = array.array("i", [-1, -2])   # inserted before 8
print(a)
a[::-4] = array.array("i", [7, 8, 9])
print(a)
del a[-2::-3]
print(a)
for value in (array.array("b", [1]), [1], array.array("i", [1])):
    try:
        a[::2] = value
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
m = memoryview(a)
for key, value in ((slice(0, 0), None), (slice(0, 1), array.array("i", [5])),
                   (slice(0, 0), array.array("i")), (slice(None, None, 2), array.array("i", [6] * 4)),
                   (slice(0, 2), array.array("i", [1, 2, 3]))):
    try:
        if value is None:
            del a[key]
        else:
            a[key] = value
        print("ok", a)
    except (BufferError, ValueError) as e:
        print(type(e).__name__, e)
m.release()
