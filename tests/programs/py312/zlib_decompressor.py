# zlib._ZlibDecompressor (3.12, under gzip): max_length, needs_input, unused_data, EOFError, gzip wbits, errors; gzip files and members read through it
import zlib, gzip, io
raw = b'pvm ' * 5000
c = zlib.compress(raw)
d = zlib._ZlibDecompressor()
out = d.decompress(c[:100], max_length=50)
print(len(out), d.needs_input, d.eof, d.unused_data)
out += d.decompress(b'', max_length=0)
print(len(out), d.needs_input)
out += d.decompress(c[100:] + b'TRAILER')
print(len(out) == len(raw), out == raw, d.eof, d.needs_input, d.unused_data)
try:
    d.decompress(b'x')
except EOFError as e:
    print('EOFError', e)
g = zlib._ZlibDecompressor(wbits=31)
gz = gzip.compress(raw, mtime=0)
print(g.decompress(gz) == raw, g.eof)
bad = zlib._ZlibDecompressor()
try:
    bad.decompress(b'garbage!')
except zlib.error as e:
    print('zlib.error', e)
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', mtime=0) as f:
    f.write(raw)
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(len(f.read(10)), len(f.read()), f.read())
print(gzip.decompress(gzip.compress(b'a') + gzip.compress(b'b')))
