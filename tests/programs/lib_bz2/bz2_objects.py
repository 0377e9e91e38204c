# _bz2: BZ2Compressor/BZ2Decompressor round trips in pieces, max_length with needs_input, unused_data, eof, errors
import _bz2

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

data = b''.join(b'%05d bz2 block sorting text\n' % i for i in range(4000))
for level in (1, 5, 9):
    c = _bz2.BZ2Compressor(level)
    out = b''.join(c.compress(data[i:i + 7000]) for i in range(0, len(data), 7000)) + c.flush()
    print(level, len(out), out[:4], out[-10:].hex())
    d = _bz2.BZ2Decompressor()
    back = b''.join(d.decompress(out[i:i + 999]) for i in range(0, len(out), 999))
    print('   ', back == data, d.eof, d.needs_input, d.unused_data)

c = _bz2.BZ2Compressor()
stream = c.compress(data) + c.flush()
d = _bz2.BZ2Decompressor()
first = d.decompress(stream, 100)
print(len(first), d.needs_input, d.eof)
second = d.decompress(b'', 50000)
print(len(second), d.needs_input, d.eof)
rest = d.decompress(b'')
print(first + second + rest == data, d.eof, d.needs_input, attempt(lambda: d.decompress(b'x')))

d = _bz2.BZ2Decompressor()
print(d.decompress(stream + b'trailing') == data, d.unused_data, d.eof)
d = _bz2.BZ2Decompressor()
print(d.decompress(stream[:50]), d.needs_input, d.eof, d.decompress(stream[50:], 0), d.needs_input)
print(len(d.decompress(b'', -1)), d.eof)
empty = _bz2.BZ2Compressor()
e = empty.flush()
print(e, _bz2.BZ2Decompressor().decompress(e))

c = _bz2.BZ2Compressor()
for f in [lambda: c.flush()[:4], lambda: c.flush(), lambda: c.compress(b'x'),
          lambda: _bz2.BZ2Compressor(0), lambda: _bz2.BZ2Compressor(10),
          lambda: _bz2.BZ2Compressor(compresslevel=5), lambda: _bz2.BZ2Decompressor(1),
          lambda: _bz2.BZ2Compressor().compress('text'), lambda: _bz2.BZ2Compressor('9')]:
    print(attempt(f))
d = _bz2.BZ2Decompressor()
print(attempt(lambda: d.decompress(b'BZh9garbage')), d.eof, d.needs_input, d.unused_data)
print(sorted(n for n in dir(_bz2) if not n.startswith('__')), type(d).__name__)
