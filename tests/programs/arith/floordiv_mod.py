# Floor division and modulo follow the sign of the divisor (Python, not C).
for a in [-10, -7, -1, 0, 1, 7, 10]:
    row = []
    for b in [-4, -3, 3, 4]:
        row.append((a // b, a % b))
    print(a, row)
for a in [-7.5, -1.0, 0.0, 2.5, 7.25]:
    print(a, a // 2, a % 2, a // -2, a % -2)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(divmod(17.5, 5), divmod(-17.5, 5))
print(-(2 ** 63) // -1, -(2 ** 63) % 7)
print(10 % 1, -10 % 1, 5 % 5)
print(7 / 2, -7 / 2, 6 / 3, 1 / 3, 2 / 3)
