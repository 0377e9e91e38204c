# Ints just beyond 64 bits (the 128-bit fast path of int.c): every operator, signs, boundaries.
vals = [0, 1, -1, 3, -7, 2**62 - 1, -2**62, 2**62, -2**62 - 1, 2**63 - 1, 2**63, -2**63,
        -2**63 - 1, 2**64 - 1, 2**64, -2**64, 2**64 + 12345, 6364136223846793005,
        1442695040888963407, 2**100 + 3, -(2**100) - 5, 2**126, 2**127 - 1, -2**127,
        2**127, -2**127 - 1, 2**128 - 1, -2**128 + 1, 2**128, 3**80]
ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
       ("//", lambda a, b: a // b), ("%", lambda a, b: a % b), ("&", lambda a, b: a & b),
       ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b), ("divmod", divmod)]
acc = 0
for a in vals:
    for b in vals:
        for name, f in ops:
            try:
                r = f(a, b)
            except ZeroDivisionError as e:
                r = -len(str(e))
            acc = (acc * 31 + hash(r)) % (2**61 - 1)
            if a in (2**64 + 12345, -2**127, 2**127 - 1, -7) and b in (3, -1, 2**64, -2**63 - 1):
                print(a, name, b, "=", r)
print("checksum", acc)
for a in vals:
    for s in (0, 1, 5, 63, 64, 65, 100, 125, 126, 127, 128, 200):
        print(a, s, a >> s, a << s == a * 2**s, type(a >> s).__name__)
    try:
        a >> -1
    except ValueError as e:
        print("ValueError:", e)
    try:
        a << -1
    except ValueError as e:
        print("ValueError:", e)
x = -2**127
print(x // -1, x % -1, divmod(x, -1), -x, abs(x), x * -1, (x - 1) + 1 == x)
state = 42
for i in range(2000):
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    if i % 250 == 0:
        print(state, state >> 33, (state >> 33) % 10, state & 0xFFFF, state.bit_length())
print(state, hash(state), hash(-state), str(state * state), state == 2**64 - (2**64 - state))
class I(int):
    pass
print(I(2**64) + 1, type(I(2**64) * 2).__name__, I(2**70) // 3, True + 2**64, 2**64 - False)
print({2**64: "a"}[2**64], 2**64 + 1 - 1 == 2**64, (2**64 + 5) - 2**64 == 5, type((2**64 + 5) - 2**64))
