# Bitwise operators, shifts and bin/hex formatting of masks.
def show(n):
    print(n, bin(n), hex(n), oct(n))

masks = [0, 1, 0xf0, 0xff, 0x1234, -1, -256]
for m in masks:
    show(m)
a, b = 0b1100, 0b1010
print(bin(a & b), bin(a | b), bin(a ^ b), bin(~a), bin(a << 3), bin(a >> 2))
n = 0
for bit in [0, 3, 5, 8]:
    n |= 1 << bit
show(n)
count = 0
v = n
while v:
    v &= v - 1
    count += 1
print("popcount", count)
print(-5 & 0xff, -5 | 3, -5 ^ 3, ~-5)
print((1 << 70) | 1, (1 << 70) & ((1 << 70) - 1), (1 << 70) ^ (1 << 69))
print(-(1 << 70) >> 3, (-(1 << 70)) & 0xffff)
