# Strided slices of str, bytes and bytearray: every step and sign, empty
# and one-item results, non-ASCII text, subclasses, and texts of megabytes
# (bytes slices are made at their final size, runtime/bytes.c).

def digest(x):
    # A short fingerprint of a long result: its length, ends and a checksum.
    if isinstance(x, str):
        total = sum(ord(c) * (i % 7 + 1) for i, c in enumerate(x)) % 1000003
    else:
        total = sum(c * (i % 7 + 1) for i, c in enumerate(x)) % 1000003
    return (type(x).__name__, len(x), x[:6], x[-6:], total)

ascii_text = "abcdefghijklmnopqrstuvwxyz0123456789"
wide_text = "héllo wörld ☃ 𝄞 ünïcode—ok"
raw = bytes(range(40))
for step in (2, 3, 5, 7, 35, 36, 100, -1, -2, -3, -7, -36, -100):
    for start, stop in ((None, None), (1, None), (None, -2), (5, 2), (2, 5), (-3, -30), (30, 1)):
        sl = slice(start, stop, step)
        print(step, start, stop, repr(ascii_text[sl]), repr(wide_text[sl]),
              raw[sl], bytearray(raw)[sl])

# Empty and one-item results.
print(repr(""[::2]), repr(""[::-1]), repr("a"[::2]), repr("a"[::-5]), repr("ab"[1::9]))
print(b""[::3], b"z"[::-2], bytearray()[::2], bytearray(b"q")[::-1])
print(repr("é"[::2]), repr("é☃"[::-1]), repr("é☃"[1::3]))

# Results are plain str, bytes or bytearray, even from subclasses.
class S(str):
    pass

class B(bytes):
    pass

class BA(bytearray):
    pass

for v in (S("subclassed text"), B(b"subclassed bytes"), BA(b"subclassed array")):
    r = v[::2]
    print(type(r).__name__, r, type(v[::-1]).__name__, v[::-1])

# A fresh bytearray slice is a copy: changing it leaves the source alone.
src = bytearray(b"0123456789")
part = src[::3]
part[0] = 0x41
print(src, part, bytes(src[::-4]))

# Megabyte texts and buffers: ASCII, non-ASCII, bytes.
big = "xyz" * 1_000_000
for step in (7, -7, 2, -1, 999_983):
    print(step, digest(big[::step]))
wide_big = ("aé☃𝄞" * 300_000)
for step in (3, -5, 4):
    print(step, digest(wide_big[::step]))
big_bytes = bytes(range(251)) * 8_000
for step in (7, -3, 1_000_003):
    print(step, digest(big_bytes[::step]), digest(bytearray(big_bytes)[::step]))
print(big_bytes[100:90:-1], big_bytes[::-1][:5], len(big_bytes[5:-5]))
