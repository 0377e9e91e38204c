# list indexing and slicing: negative indexes, steps, slice assignment and deletion
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[100:], a[-100:2], a[5:2], a[::-3])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = ["ins1", "ins2"]
print(b)
b[:] = [0, 1]
print(b)
c = list(range(10))
c[::2] = "abcde"
print(c)
del c[::3]
print(c)
del c[1:3]
print(c)
c[-1:] = []
print(c)
try:
    c[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a[10]
except IndexError as e:
    print("IndexError:", e)
try:
    a["1"]
except TypeError as e:
    print("TypeError:", e)
try:
    a[1] = 5
    a[20] = 1
except IndexError as e:
    print("IndexError:", e)
d = [1, 2, 3]
d[len(d):] = [4, 5]
print(d, d[slice(1, 4)], d[slice(None, None, -1)])
print(a[True], a[-True], "abcdef"[1:-1:2], (0, 1, 2, 3)[::-2])
e = [0] * 5
e[1:4] = range(3)
print(e)
e[::-1] = e
print(e)
