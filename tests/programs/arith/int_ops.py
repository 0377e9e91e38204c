# Every binary operator on small ints, including negative operands.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (100, 7), (1, 1)]
for a, b in pairs:
    print(a, b, "|", a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
for a, b in pairs:
    print(a, b, "|", a & b, a | b, a ^ b, a << 2, a >> 1, -a, ~a, abs(a))
print(2 ** 0, 2 ** 1, 2 ** 10, (-2) ** 3, (-2) ** 4, 0 ** 0)
print(2 ** -1, 10 ** -2, (-8) ** -1)
print(17 // 5 * 5 + 17 % 5)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * (3 - 4) / 2)
print(2 ** 3 ** 2, -2 ** 2, (-2) ** 2)
print(1 << 62, 1 << 63, 1 << 64, -1 << 70)
print(255 >> 4, -255 >> 4, -1 >> 100, 12345 >> 0)
print(0x7fffffffffffffff + 1, -0x7fffffffffffffff - 2)
print(4611686018427387903 + 1, 4611686018427387904 * 2)
print(3037000499 * 3037000499, 3037000500 * 3037000500)
