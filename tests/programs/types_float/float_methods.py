# float methods: is_integer, as_integer_ratio, hex/fromhex, round, hash, repr of extremes, numeric dunders, overflow and nan errors
x = 2.5
print(x.real, x.imag, x.conjugate(), x.is_integer(), (3.0).is_integer(), x.as_integer_ratio(), (0.1).as_integer_ratio())
print((1.0).hex(), (0.1).hex(), (-2.5).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), float.fromhex("inf"))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2), round(0.5), round(1.5), round(2.5, 0))
print(int(2.9), int(-2.9), float(2 ** 60), 1e22, 1e21, 1e-7, 5e-324, 1.7976931348623157e308)
print(hash(1.0) == hash(1), hash(0.5), hash(-0.0), hash(float("inf")))
print((1.5).__neg__(), (1.5).__pos__(), (1.5).__abs__(), (0.0).__bool__(), (2.0).__trunc__())
try:
    (1.0).as_integer_ratio.__self__
    float("inf").as_integer_ratio()
except OverflowError as e:
    print(e)
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    print(e)
try:
    round(float("inf"))
except OverflowError as e:
    print(e)
