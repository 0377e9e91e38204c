# integer bit operations: & | ^ ~ << >> on negatives and big ints, bit_length, bit_count
vals = [0, 1, -1, 5, -5, 255, -256, 2 ** 70 + 3, -(2 ** 70)]
for v in vals:
    print(v, ~v, v & 0xFF, v | 0x10, v ^ -1, v >> 3, v << 3, v.bit_length())
print(6 & 3, 6 | 3, 6 ^ 3, -6 & 3, -6 | 3, -6 ^ 3)
print((2 ** 100 - 1) & (2 ** 64 + 5), (2 ** 100) | 1, (2 ** 100) ^ (2 ** 99))
print(-(2 ** 100) & 0xFFFF, -(2 ** 100) >> 98, -1 >> 1000, 1 >> 1000)
print((255).bit_count(), (-255).bit_count(), (2 ** 100 - 1).bit_count())
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -3
except ValueError as e:
    print("ValueError:", e)
try:
    1.5 & 1
except TypeError as e:
    print("TypeError:", e)
print(True & False, True | False, True ^ True, ~True, type(True & True).__name__)
mask = 0
for bit in [0, 3, 5, 64]:
    mask |= 1 << bit
print(mask, bin(mask), [b for b in range(70) if mask >> b & 1])
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(n) for n in range(17)])
print(format(0b1011, "08b"), format(-5 & 0xFF, "#x"), f"{1023:_b}")
