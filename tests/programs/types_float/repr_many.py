# float repr over many doubles (random bit patterns, subnormals, short decimals, ratios, powers of two and their neighbours): the shortest round-tripping strings, checked by digest
import random, struct, hashlib
r = random.Random(12345)
h = hashlib.md5()
n = 0
def add(x):
    global n
    h.update(repr(x).encode()); h.update(b'|'); n += 1
for i in range(12000):
    b = r.getrandbits(64)
    x = struct.unpack('<d', b.to_bytes(8, 'little'))[0]
    add(x)
for i in range(5000):
    add(r.randrange(1, 10 ** r.randrange(1, 18)) * 10.0 ** r.randrange(-30, 30))
    add(float('%.*e' % (r.randrange(0, 17), r.random() * 10 ** r.randrange(-300, 300))))
for i in range(1, 4000):
    add(i / 997.0); add(1 / i); add(i * 0.1)
for e in range(-1074, 1024):
    x = 2.0 ** e
    add(x); add(struct.unpack('<d', (struct.unpack('<Q', struct.pack('<d', x))[0] + 1).to_bytes(8, 'little'))[0])
    add(struct.unpack('<d', (struct.unpack('<Q', struct.pack('<d', x))[0] - 1).to_bytes(8, 'little'))[0])
for x in [5e-324, 1.7976931348623157e308, 1e16, 9999999999999998.0, 1e22, 1e23, 0.1, 0.3, 2/3, 123456789012345678.0]:
    add(x); add(-x)
print(n, h.hexdigest())
