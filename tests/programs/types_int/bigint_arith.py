# big-int arithmetic beyond 64 bits: + - * // % with negative operands, **, shifts, ~, bit_length, true division
a = 2 ** 100
b = 3 ** 50
print(a + b, a - b, a * b, a // b, a % b)
print(-a // b, -a % b, a // -b, a % -b, divmod(-a, b))
print(a ** 3, (-a) ** 3, a >> 37, a << 5, -a >> 3)
print(abs(-a), -(-a), +a, ~a, a.bit_length(), (-a).bit_length())
print(10 ** 30 // 7, 10 ** 30 % 7, (10 ** 30) / 7)
