# zlib: Compress/Decompress objects — flush modes, copy, max_length with unconsumed_tail, unused_data, eof, zdict
import zlib

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

data = b''.join(b'%05d: the quick brown fox\n' % i for i in range(3000))
c = zlib.compressobj(6, zlib.DEFLATED, 15, 8, zlib.Z_DEFAULT_STRATEGY)
parts = [c.compress(data[i:i + 4096]) for i in range(0, len(data), 4096)]
parts.append(c.flush(zlib.Z_SYNC_FLUSH))
parts.append(c.compress(b'tail'))
parts.append(c.flush(zlib.Z_FULL_FLUSH))
parts.append(c.flush(zlib.Z_NO_FLUSH))
parts.append(c.flush())
stream = b''.join(parts)
print(type(c).__name__, [len(p) for p in parts][-5:], len(stream))
print(zlib.decompress(stream) == data + b'tail')
print(attempt(lambda: c.compress(b'x')), attempt(lambda: c.flush()), attempt(lambda: c.copy()))

c1 = zlib.compressobj(wbits=-15)
head = c1.compress(data[:1000])
c2 = c1.copy()
a = head + c1.compress(b'AAA') + c1.flush()
b = head + c2.compress(b'BBB') + c2.flush()
print(zlib.decompress(a, -15)[-3:], zlib.decompress(b, -15)[-3:])

d = zlib.decompressobj()
out = []
for i in range(0, len(stream), 1000):
    out.append(d.decompress(stream[i:i + 1000]))
out.append(d.flush())
print(type(d).__name__, b''.join(out) == data + b'tail', d.eof, d.unused_data, d.unconsumed_tail)

d = zlib.decompressobj()
chunk = d.decompress(stream, 100)
print(len(chunk), len(d.unconsumed_tail), d.eof)
total = [chunk]
while d.unconsumed_tail:
    total.append(d.decompress(d.unconsumed_tail, 50000))
total.append(d.flush())
print(b''.join(total) == data + b'tail', d.eof, d.unconsumed_tail)

d = zlib.decompressobj()
print(d.decompress(zlib.compress(b'payload') + b'extra bytes'), d.unused_data, d.eof)
print(d.decompress(b'more'), d.unused_data)
d2 = zlib.decompressobj()
half = zlib.compress(b'hello world')
print(d2.decompress(half[:5]), d2.eof)
d3 = d2.copy()
print(d2.decompress(half[5:]), d3.decompress(half[5:]), d3.eof, d2.flush(), d3.flush(1))
print(attempt(lambda: d2.copy()), attempt(lambda: d2.decompress(b'x')))

zdict = b'the quick brown fox jumps over the lazy dog'
c = zlib.compressobj(zdict=zdict)
z = c.compress(b'the quick brown fox, the lazy dog') + c.flush()
print(len(z), attempt(lambda: zlib.decompress(z)))
d = zlib.decompressobj(zdict=zdict)
print(d.decompress(z), d.eof)
c = zlib.compressobj(wbits=-15, zdict=zdict)
z = c.compress(b'the lazy dog') + c.flush()
print(zlib.decompressobj(wbits=-15, zdict=zdict).decompress(z))
print(attempt(lambda: zlib.decompressobj().decompress(z)))

g = zlib.compressobj(wbits=31)
gz = g.compress(b'gzip body') + g.flush()
print(gz[:3], zlib.decompressobj(47).decompress(gz), zlib.decompress(gz, 31))

import copy
c = zlib.compressobj()
head = c.compress(b'abc')
print(zlib.decompress(head + copy.copy(c).flush()), zlib.decompress(head + c.__deepcopy__({}).flush()))

for f in [lambda: zlib.compressobj(level=99), lambda: zlib.compressobj(zdict='x'),
          lambda: zlib.decompressobj(zdict='x'), lambda: zlib.decompressobj(wbits=99),
          lambda: zlib.decompressobj().decompress(b'x', -1), lambda: zlib.decompressobj().flush(0),
          lambda: type(zlib.compressobj())(), lambda: type(zlib.decompressobj())(),
          lambda: zlib.decompressobj().decompress(b'garbage'),
          lambda: zlib.compressobj().compress('s'), lambda: zlib.compressobj(method=9),
          lambda: zlib.compressobj(memLevel=0), lambda: zlib.decompressobj().decompress()]:
    print(attempt(f))
