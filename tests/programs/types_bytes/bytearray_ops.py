# bytearray: slice assignment and deletion (extended slices too), insert/pop/remove/reverse/copy/clear, += and *= in place, errors, str-like methods, %
a = bytearray(b"hello")
a[0] = 72
print(a, len(a), a[1], a[-1])
a[1:3] = b"EY"
print(a)
a[1:3] = b""
print(a)
a[0:0] = b"[["
print(a)
a[::2] = bytes(len(a[::2]))
print(a)
del a[0]
print(a)
del a[::2]
print(a)
a = bytearray(b"abcdef")
del a[1:3]
print(a)
a.insert(0, 33)
a.insert(100, 63)
a.insert(-1, 45)
print(a)
print(a.pop(), a.pop(0), a)
a.remove(ord("e"))
print(a)
a.reverse()
print(a)
b = a.copy()
a.clear()
print(a, b)
b += b"xyz"
print(b)
b *= 2
print(b)
b.extend([1, 2])
b.append(3)
print(b)
try:
    b.remove(200)
except ValueError as e:
    print(e)
try:
    bytearray().pop()
except IndexError as e:
    print(e)
try:
    b[0] = 256
except ValueError as e:
    print(e)
try:
    b[::2] = b"x"
except ValueError as e:
    print(e)
c = bytearray(b"  Mixed Case  ")
print(c.strip(), c.upper(), c.split(), c.title(), c.zfill(20))
print(bytearray(b"%d-%s") % (5, b"x"))
print(bytearray(b"abc") + b"def", b"abc" + bytearray(b"d"))
x = bytearray(b"ab")
y = x
x += b"c"
print(y, x is y)
try:
    hash(bytearray())
except TypeError as e:
    print(e)
print(bytearray(range(5)), bytearray(3), bytearray("hi", "ascii"))
print(list(bytearray(b"ab")), bytearray(b"abc")[1:], bytearray(b"xyz")[::-1])
