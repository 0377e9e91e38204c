# big-int arithmetic: huge products, floor division and modulo signs, pow with modulus
a = 2 ** 200 + 12345
b = 3 ** 100 - 7
print(a)
print(b)
print(a * b)
print(a // b, a % b, divmod(a, b))
print(-a // b, -a % b, a // -b, a % -b)
print(divmod(-a, -b))
print(a - b * (a // b) == a % b)
print(pow(3, 1000, 10 ** 9 + 7), pow(2, -1, 7), pow(a, 3, b))
f = 1
for i in range(1, 51):
    f *= i
print(f, len(str(f)))
print(f // 10 ** 60, f % 10 ** 12)
print(abs(-a), -(-a) == a, +a == a)
print((a << 100) >> 100 == a, a >> 250, 1 << 129)
print(a == float(a), int(float(2 ** 60)) == 2 ** 60, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(10 ** 30 // 7, -(10 ** 30) // 7)
print(int("123456789" * 5) * 9)
x = 12345678901234567890123456789
print(x.bit_length(), (-x).bit_length(), x.to_bytes(13, "big").hex() if x < 256 ** 13 else "big")
print(int.from_bytes(b"\x01\x00\x00\x00\x00\x00\x00\x00\x00", "big"), int.from_bytes(b"\xff\xff", "little", signed=True))
print(sum(range(10 ** 6)), 7 ** 77 % 1000)
print(max(a, b) == a, min(-a, b) == -a, a > b > 0)
print(str(2 ** 64), repr(-2 ** 64), hex(2 ** 64), oct(2 ** 64), bin(2 ** 64))
print(round(a, -50) % 10 ** 50, round(123456, -2), round(-155, -1))
