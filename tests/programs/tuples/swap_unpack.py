# Swapping and multi-target assignment rely on evaluation order.
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
x = [0, 1, 2, 3]
i = 0
i, x[i] = 2, 99
print(i, x)
lst = [3, 1, 2]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
fa, fb = 0, 1
for _ in range(10):
    fa, fb = fb, fa + fb
print(fa, fb)
(p, q), r = "ab", "c"
print(p, q, r)
m, *n, o = "hello"
print(m, n, o)
d = {}
d["k"], d["j"] = 1, 2
print(d)
k, v = ("key", "value")
print(k, v)
points = [(1, 2), (3, 4), (5, 6)]
sx = sy = 0
for px, py in points:
    sx += px
    sy += py
print(sx, sy)
