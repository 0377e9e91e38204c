# bz2: a decompressor that met bad data refuses to go on (libbzip2 called again after an error smashed pvm's stack)
import bz2

good = bz2.compress(b"spam and eggs " * 20)
bad = b"this is not a valid bzip2 file" * 30

d = bz2.BZ2Decompressor()
for attempt in range(3):
    try:
        d.decompress(bad)
    except Exception as e:
        print(attempt, type(e).__name__, e)
print(d.eof, d.needs_input, d.unused_data)

d = bz2.BZ2Decompressor()
print(len(d.decompress(good[:10])), d.needs_input)
try:
    d.decompress(b"\0" * 50)
except OSError as e:
    print("mid-stream:", e)
try:
    bz2.decompress(good[:20] + b"garbage" * 10)
except (OSError, ValueError) as e:
    print("one-shot:", type(e).__name__, e)
print(bz2.decompress(good) == b"spam and eggs " * 20)
