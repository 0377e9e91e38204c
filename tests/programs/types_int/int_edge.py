# ints around the 63-bit tagged limit: carries into big ints and back, shifts, negative bitwise ops, bit_count, hash of 2**64
big = 2 ** 62
print(big, big - 1, big + big, -big - big, (big * 2) // 2 == big, (2 ** 63) - 1, -(2 ** 63))
x = 2 ** 62 - 1
print(x + 1, x * 2, -x - 2, x << 1, (x << 1) >> 1 == x, abs(-(2 ** 62)), 4611686018427387904 - 1)
print(1 << 100 >> 99, (1 << 64) - 1, (-1) >> 100, -(1 << 64) >> 63, 7 & -8, -7 | 3, -1 ^ 2 ** 65)
print(int("9" * 40) % 97, divmod(10 ** 25, -7), (-10 ** 25) // 3, 10 ** 25 % -3)
print((12345678901234567890).bit_length(), (2 ** 100).bit_count(), (-(2 ** 100) + 1).bit_count())
print(2 ** 64 == 18446744073709551616, 2 ** 64 > 2 ** 63, hash(2 ** 64), -(2 ** 64) < -(2 ** 63))
