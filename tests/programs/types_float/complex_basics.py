# complex: arithmetic, constructor from numbers and strings, signed zeros, repr, hash, format specs, division by zero, ordering and parse errors
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, -a, +a, abs(b), a.conjugate(), a.real, a.imag)
print(a == 1 + 2j, a != b, complex(1, 2), complex("1+2j"), complex(" 3j "), complex(2), complex(), complex(1.5, -0.0))
print(1j * 1j, (1 + 0j) ** 2, 2 ** (1j * 0), 1j, -1j, 0j, complex(0, -0.0), (-0.0 + 0j))
print(repr(1e20 + 1j), str(complex(float("inf"), float("nan"))), hash(1 + 0j) == hash(1))
print(format(1 + 2j, ".2f"), format(3 - 4j, "^20"), f"{1.5+2.25j:g}", f"{1j:}")
try:
    1j / 0
except ZeroDivisionError as e:
    print(e)
try:
    1j < 2j
except TypeError as e:
    print(e)
try:
    complex("1+")
except ValueError as e:
    print(e)
