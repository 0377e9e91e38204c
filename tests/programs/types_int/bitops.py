# int bit operations on small, negative and big ints: & | ^ ~ >> <<, bit_length, bit_count; a negative shift count; bools
for x in (0, 1, 5, -5, 255, -256, 2 ** 70, -(2 ** 70)):
    print(x, x & 0xF0, x | 3, x ^ -1, ~x, x >> 2, x << 3, x.bit_length(), x.bit_count())
try:
    1 << -1
except ValueError as e:
    print(e)
print(True & False, True | 2, True ^ True, ~True)
