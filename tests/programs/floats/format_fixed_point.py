# fixed-point float formatting ('f', 'F', '%' and %-format) at many magnitudes and precisions
import struct
vals = [0.0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, -0.125, 1e-20, 5e-324, 2.2250738585072014e-308,
        0.1, 0.7, 1.005, 2.675, 123456.789, 999999999999999.9, 1e15, 1e16, 9.999999999999999e14,
        -1e-7, -0.0004, 0.00049999999999999, 4.35, 1e22, 1.7976931348623157e308,
        float('inf'), float('-inf'), float('nan')]
x = 0x12345678
for i in range(3000):
    x = (x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    d = struct.unpack('<d', struct.pack('<Q', x))[0]
    if d == d:
        vals.append(d)
    vals.append((x >> 11) / 2 ** (x % 70))
    vals.append((x % 100000) / 1000)
out = []
for v in vals:
    for p in (0, 1, 2, 3, 6, 10, 15, 16, 20):
        out.append(format(v, '.%df' % p))
        out.append('%.*f' % (p, v))
    out.append(format(v, 'f'))
    out.append(format(v, '.2%'))
    out.append(format(v, 'F'))
    out.append('%F|%#.0f|%10.3f|%-12.2f|%+.1f|%08.2f' % (v, v, v, v, v, v))
    out.append(format(v, 'z.1f'))
    out.append(f"{v:>12.3f}{v:,.2f}{v:_.1f}")
print(len(out))
import hashlib
print(hashlib.md5("\n".join(out).encode()).hexdigest())
for s in out[:60]:
    print(s)
for i, n in enumerate([0, 1, -1, 255, -255, 2**62-1, -2**62, 2**63, -2**64, 10**30]):
    print('%x %X %o %#x %#o %5x %-5x| %08x' % (n, n, n, n, n, n, n, n), format(n, 'b'), format(n, '#b'), format(n, 'x'), format(n, '#X'), hex(n), oct(n), bin(n))
print(f"{'a':>5}{3:06d}{-3:06d}{1234567:,d}{'xyz':^9}|", f"{'é':>4}{'ü'}{'abc'!r:>8}")
