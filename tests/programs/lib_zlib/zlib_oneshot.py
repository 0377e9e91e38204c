# zlib: compress/decompress at every level and wbits (zlib, raw, gzip, auto), bufsize, checksums, constants, errors
import zlib

text = b''.join(b'line %d of some fairly repetitive text\n' % i for i in range(2000))
noise = bytes((i * 7919 + 13) % 251 for i in range(5000))
for data in (b'', b'a', text, noise):
    for level in (-1, 0, 1, 6, 9):
        c = zlib.compress(data, level)
        assert zlib.decompress(c) == data
        print(len(data), level, len(c), zlib.crc32(c), c[:2].hex())
    for wbits in (9, 15, -9, -15, 25, 31):
        c = zlib.compress(data, wbits=wbits)
        print('   wbits', wbits, len(c), zlib.decompress(c, wbits) == data,
              zlib.decompress(c, wbits, bufsize=1) == data)
        if wbits > 15:
            print('   auto', zlib.decompress(c, 47) == data)
    print('   bufsize', zlib.decompress(zlib.compress(data), bufsize=0) == data,
          zlib.decompress(zlib.compress(data), 15, 10**6) == data)

for data in (b'', b'hello', text, noise):
    print(zlib.crc32(data), zlib.crc32(data, 1), zlib.crc32(data, -1), zlib.adler32(data),
          zlib.adler32(data, 0), zlib.adler32(data, 2**33 + 7))
crc = adler = None
for i in range(0, len(text), 1000):
    crc = zlib.crc32(text[i:i + 1000], crc or 0)
    adler = zlib.adler32(text[i:i + 1000], adler if adler is not None else 1)
print(crc == zlib.crc32(text), adler == zlib.adler32(text))

print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_BEST_SPEED,
      zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION, zlib.Z_NO_COMPRESSION, zlib.Z_FILTERED,
      zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_DEFAULT_STRATEGY, zlib.Z_NO_FLUSH,
      zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_FINISH, zlib.Z_BLOCK,
      zlib.Z_TREES)
print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, zlib.ZLIB_VERSION.count('.'))
print(zlib.decompress(bytearray(zlib.compress(b'from a bytearray'))))

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

for f in [lambda: zlib.compress(b'x', 10), lambda: zlib.compress(b'x', wbits=99),
          lambda: zlib.decompress(b'xyz'), lambda: zlib.decompress(zlib.compress(b'hello')[:-3]),
          lambda: zlib.decompress(b'x', wbits=99), lambda: zlib.decompress(b'x', bufsize=-1),
          lambda: zlib.decompress(zlib.compress(b'abc', wbits=-15)),
          lambda: zlib.decompress(zlib.compress(b'abc') + b'junk'),
          lambda: zlib.compress('text'), lambda: zlib.compress(1),
          lambda: zlib.compress(b'', level=1.0), lambda: zlib.compress(b'', 2**40),
          lambda: zlib.crc32('x'), lambda: zlib.crc32(), lambda: zlib.adler32(b'', 1.5),
          lambda: zlib.decompress(), lambda: zlib.compress(b'', 1, 15, 1)]:
    print(attempt(f))
print(zlib.error.__module__, zlib.error.__mro__)
