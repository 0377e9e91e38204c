# pow() with two and three arguments: negative exponents, modular inverse, negative modulus, 0 ** 0; ValueError and ZeroDivisionError
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(2, 10, 1000), pow(3, 200, 7))
print(pow(3, -1, 7), pow(-3, 5, 7), pow(5, 3, -7), (2).__pow__(3, 5), (2).__pow__(3))
print(pow(2, 0, 1), pow(0, 0), 0 ** 0)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(e)
