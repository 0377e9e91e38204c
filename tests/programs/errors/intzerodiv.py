# Integer floor division and modulo by zero.
for d in [3, 2, 1]:
    print(10 // d, 10 % d)
d -= 1
print(10 % d)
