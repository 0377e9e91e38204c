# hashlib: known digests of every guaranteed algorithm, update/copy/digest/hexdigest, shake lengths, new() by either naming
import hashlib

data = [b'', b'abc', b'The quick brown fox jumps over the lazy dog', bytes(range(256)) * 5]
for name in sorted(hashlib.algorithms_guaranteed):
    for d in data:
        h = hashlib.new(name, d)
        if name.startswith('shake'):
            print(name, len(d), h.hexdigest(20), h.digest(3))
        else:
            print(name, len(d), h.hexdigest())
    print('   ', h.name, h.digest_size, h.block_size, type(h).__name__)

print(sorted(hashlib.algorithms_available))
print(hashlib.algorithms_guaranteed <= hashlib.algorithms_available)

h = hashlib.sha256()
for chunk in (b'The quick ', bytearray(b'brown fox '), b'jumps over the lazy dog'):
    h.update(chunk)
c = h.copy()
c.update(b'.')
print(h.hexdigest(), c.hexdigest(), h.digest() == hashlib.sha256(data[2]).digest())
print(h.hexdigest() == h.hexdigest(), hashlib.sha1(string=b'abc').hexdigest())
print(hashlib.sha256(b'x', usedforsecurity=False).hexdigest())

for name in ('SHA256', 'MD5', 'sha512_256', 'SHA512_224', 'ripemd160', 'blake2b512', 'blake2s256',
             'sha3_384'):
    h = hashlib.new(name, b'pvm')
    print(name, h.name, h.digest_size, h.hexdigest())

s = hashlib.shake_256(b'pvm')
print(s.digest(0), s.hexdigest(1), len(s.digest(100)), s.digest_size)
print(hashlib.shake_128(b'a' * 1000).hexdigest(32))
print(hashlib.md5(bytes(100000)).hexdigest(), hashlib.sha1(b'a' * 1000000).hexdigest())

import array
print(hashlib.sha256(array.array('B', b'abc')).hexdigest())
print(hashlib.file_digest.__name__, callable(hashlib.pbkdf2_hmac))
