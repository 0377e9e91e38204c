# Arithmetic where operands and results cross the small-int boundary.
big = 2 ** 100
neg = -(3 ** 70)
print(big + neg, big - neg, big * neg)
print(big // 7, big % 7, -big // 7, -big % 7, big // -7, big % -7)
print(neg // big, neg % big, divmod(neg, 12345678901))
print(big / 3, neg / big)
print(big & neg, big | neg, big ^ neg, ~big, -big)
print(big >> 37, neg >> 37, big << 37, neg << 5)
print(abs(neg), abs(big), -neg == abs(neg))
print(big > neg, big == 2 ** 100, big != big + 1, max(big, neg), min(big, neg))
x = 1
for i in range(70):
    x = x * 3 + 1
print(x)
while x > 1000:
    x //= 1000
print(x)
m = 9223372036854775807
print(m + 1, m * m, -m - 1, (-m - 1) * -1, (m + 1) // 2)
print(int(str(big) * 3) % 1000003)
print(int("-123456789012345678901234567890"), int("1" * 40, 2))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61) - 5), hash(2 ** 100))
print(2 ** 64 - 1 == 0xffffffffffffffff, bool(big), bool(big - big))
