# BINARY_OP and COMPARE_OP fast paths: floats, small ints, mixed, true division, nan, inf, 2**53 edges
vals = [0, 1, -3, 7, 2**53, 2**53 + 1, 2**60, -2**61, 0.0, -0.0, 1.5, -2.25, float('inf'), float('nan'), 1e308, 3]
out = []
for a in vals:
    for b in vals:
        for op in range(4):
            try:
                if op == 0: r = a + b
                elif op == 1: r = a - b
                elif op == 2: r = a * b
                else: r = a / b
            except Exception as e:
                r = type(e).__name__
            out.append(repr(r))
        out.append(repr((a < b, a <= b, a == b, a != b, a > b, a >= b)))
    x = a
    x += 1.5; x -= 2; x *= 3
    try:
        x /= a
    except ZeroDivisionError:
        x = "zde"
    out.append(repr(x))
print(len(out))
import hashlib
print(hashlib.sha256("\n".join(out).encode()).hexdigest())
print(out[:50])
print(7 / 2, -7 / 2, 1 / 3, 2**53 / 3, (2**53 + 1) / 3, 10 / 5)
