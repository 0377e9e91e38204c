# Names, rebinding and print with several arguments.
a = 1
b = 2
c = a + b
print(a, b, c)
a, b = b, a
print(a, b)
x = y = z = 7
print(x, y, z)
name = "pvm"
print("name:", name, "len", len(name))
print(1, 2.5, "three", None, True, False, [4], (5,), {6: 7})
n = 10
n = n * 3 - 4
print(n)
print(-n, +n, ~n, not n)
