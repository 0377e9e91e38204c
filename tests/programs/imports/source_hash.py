# _imp.source_hash (SipHash-1-3 keyed with the 3.11 magic number), which
# checked hash pycs store, computed for many inputs.
import _imp
key = 3495 | (0x0A0D << 16)
samples = [b"", b"a", b"ab", b"abcdefg", b"abcdefgh", b"abcdefghi",
           b"print('hello')\n", bytes(range(256)), b"x" * 1000]
for n in range(0, 40, 3):
    samples.append(bytes([(i * 37 + n) % 256 for i in range(n)]))
for s in samples:
    print(len(s), _imp.source_hash(key, s).hex())
print(_imp.source_hash(0, b"other key").hex())
print(_imp.source_hash(2**32 + 5, b"big key").hex())
