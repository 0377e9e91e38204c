# list slices: reading, assigning (growing, shrinking, extended), deleting, self-assignment; ValueError/TypeError/IndexError messages
l = list(range(10))
print(l[2:5], l[::3], l[::-2], l[-3:], l[:-7], l[8:2:-2], l[100:], l[-100:1])
l[2:5] = ["a", "b"]; print(l)
l[:0] = [-1]; print(l)
l[::2] = range(len(l[::2])); print(l)
del l[::3]; print(l)
del l[1:3]; print(l)
l[1:1] = "xyz"; print(l)
l[-2:] = []; print(l)
m = [1, 2, 3]; m[:] = m; print(m)
m[::-1] = [7, 8, 9]; print(m)
try:
    m[::2] = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    m[::2] = 5
except TypeError as e:
    print(e)
try:
    m[10] = 1
except IndexError as e:
    print(e)
n = [0] * 5; del n[::-2]; print(n)
