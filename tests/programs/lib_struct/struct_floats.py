# struct: 'e' half floats, 'f' and 'd' in native and standard modes — rounding, overflow, infinities, NaN, signed zero
import struct, math

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

values = [0.0, -0.0, 1.0, -1.5, 0.1, 1/3, 65504.0, 65519.0, 65520.0, 1e10, -1e10,
          5.960464477539063e-08, 2.9802322387695312e-08, 2.98023223876953125e-08 * 1.000001,
          1e-8, 6.103515625e-05, 6.097555160522461e-05, 1.00048828125, 1.00146484375,
          1.0009765625 * 1.5, math.inf, -math.inf, math.nan, -math.nan, 3.4e38, 3.5e38,
          1e300, -1e300, 1e-300, 2.0**-149, 2.0**-150, 2.0**-151, 1.401298464324817e-45]
for v in values:
    row = [v]
    for fmt in ('<e', '>e', '@e', '<f', '>f', '@f', '<d', '>d'):
        row.append(attempt(lambda: struct.pack(fmt, v)))
    print(*row)
    for fmt in ('<e', '<f', '>d'):
        try:
            back = struct.unpack(fmt, struct.pack(fmt, v))[0]
        except OverflowError:
            continue
        print('   ', fmt, back if not math.isnan(back) else 'nan', math.copysign(1, back))

for raw in (b'\x00\x7c', b'\x00\xfc', b'\x01\x7c', b'\x01\xfc', b'\x00\x7e', b'\xff\x7b',
            b'\x01\x00', b'\xff\x03', b'\x00\x04', b'\x00\x80', b'\x00\x3c', b'\x55\x35'):
    v = struct.unpack('<e', raw)[0]
    print(raw, v if not math.isnan(v) else 'nan', math.copysign(1, v))

for bad in ('x', None, [1.0], 10**400):
    print(attempt(lambda: struct.pack('<d', bad)), attempt(lambda: struct.pack('f', bad)),
          attempt(lambda: struct.pack('e', bad)))
print(attempt(lambda: struct.pack('<f', 10**300)), attempt(lambda: struct.pack('e', 10**10)))
print(attempt(lambda: struct.pack('f', 10**300)), attempt(lambda: struct.pack('d', 10**300)))
print(struct.pack('<d', 5), struct.pack('>f', True))

class F:
    def __float__(self):
        return 2.5

class Idx:
    def __index__(self):
        return 3

print(struct.pack('<d', F()), struct.pack('<f', Idx()), struct.pack('<e', F()))
print(struct.pack('>4e', 1.0, 1.00048828125, 1.00146484375, 0.1))
print(struct.unpack('<3d', struct.pack('<3d', 0.1, -2.5e-310, 1.7976931348623157e308)))
