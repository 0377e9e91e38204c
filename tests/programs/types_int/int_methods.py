# int methods: to_bytes/from_bytes, real/imag/numerator/denominator, numeric dunders, round with negative digits, hex/oct/bin, hash of big ints
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 2], "little"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(e)
x = 17
print(x.real, x.imag, x.numerator, x.denominator, x.as_integer_ratio(), x.conjugate())
print(True.real, (5).__index__(), (-7).__abs__(), (3).__neg__(), (3).__invert__())
print(round(1234, -2), round(1250, -2), round(1350, -2), round(7), round(-15, -1))
print(hex(255), oct(8), bin(5), hex(-255), bin(-5))
print(int.__name__, (5).__add__(3), (5).__radd__(3), (5).__sub__(1.0), (5).__lt__(6))
print(hash(-1), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 64)))
