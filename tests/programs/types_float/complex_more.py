# complex numbers: literals, arithmetic, repr forms, attributes, abs, conjugate, errors
z = 3 + 4j
w = complex(1, -2)
print(z, w, repr(z), 1j, -1j, 0j, complex(), complex(2), complex("1+2j"), complex(" 3j "))
print(z + w, z - w, z * w, z / w, -z, +z)
print(abs(z), z.real, z.imag, z.conjugate(), type(z.real).__name__)
print(z == 3 + 4j, z != w, z == complex(3, 4), 1 + 0j == 1, 1j * 1j)
print(z ** 2, (1j) ** 2, 2 ** (1j * 0), pow(z, 0))
print(complex(1.5, 0), complex(-0.0, -0.0), complex(0, 1e20), complex(1e-5, 1e5))
print(repr(complex(float("inf"), float("nan"))), complex(-1, 0) * -1)
print((1 + 2j) * 2, 2.5 + 1j, (1 + 1j) / 2, 3 - 0j)
try:
    z < w
except TypeError as e:
    print("TypeError:", e)
try:
    z / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    complex("1+")
except ValueError as e:
    print("ValueError:", e)
try:
    int(z)
except TypeError as e:
    print("TypeError:", e)
print(hash(1 + 0j) == hash(1), bool(0j), bool(1j), f"{z}", f"{z:.2f}", format(w, "^12"))
print(sum([1j, 2, 3.5]), [c.imag for c in (1j, 2 + 3j)])
