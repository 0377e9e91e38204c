# _md5, _sha1, _sha256, _sha512, _sha3: the built-in hash modules hashlib falls back to — constructors, types, attributes, digests, copies
import sys, hashlib
import _md5, _sha1, _sha3

if sys.version_info < (3, 12):
    import _sha256, _sha512
    sha2 = [(_sha256, 'sha224'), (_sha256, 'sha256'), (_sha512, 'sha384'), (_sha512, 'sha512')]
else:
    sha2 = []                   # 3.12 has _sha2 instead (not in pvm yet)

constructors = [(_md5, 'md5'), (_sha1, 'sha1')] + sha2 + [
    (_sha3, n) for n in ('sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256')]

for module, name in constructors:
    c = getattr(module, name)
    h = c(b'abc')
    t = type(h)
    print(module.__name__, name, t.__name__, t.__module__, t.__qualname__, repr(t))
    print('  ', h.name, h.digest_size, h.block_size,
          sorted(a for a in dir(h) if not a.startswith('__')))
    xof = name.startswith('shake')
    args = (20,) if xof else ()
    print('  ', h.hexdigest(*args))
    print('  ', h.digest(*args))
    # the same through hashlib's fallback, keyword data, buffers, update, copy
    b = getattr(hashlib, '__get_builtin_constructor')(name)
    print('   fallback is the module constructor:', b is c)
    if name.startswith('sha3') or xof:
        h2 = c(bytearray(b'ab'), usedforsecurity=False)
    else:
        h2 = c(string=memoryview(b'ab'), usedforsecurity=False)
    h3 = h2.copy()
    h2.update(b'c')
    print('  ', h2.hexdigest(*args) == h.hexdigest(*args), h3.hexdigest(*args) != h2.hexdigest(*args),
          type(h3) is t, h2.update(b'') is None)
    big = c()
    for i in range(1000):
        big.update(bytes([i % 256]) * 37)
    print('  ', big.hexdigest(*args))
    if xof:
        print('   lengths', [len(h.digest(n)) for n in (0, 1, 64, 1000)], h.hexdigest(0) == '',
              h.digest(100)[:20] == h.digest(20))
    if name.startswith(('sha3', 'shake')):
        print('   sponge', h._capacity_bits, h._rate_bits, h._suffix)

print(_md5.MD5Type is type(_md5.md5()), _sha1.SHA1Type is type(_sha1.sha1()))
if sys.version_info < (3, 12):
    print(_sha256.SHA224Type is type(_sha256.sha224()), _sha256.SHA256Type is type(_sha256.sha256()))
    print(_sha512.SHA384Type.__name__)
    print(_sha3.implementation, _sha3.keccakopt)
for m in [_md5, _sha1, _sha3] + [m for m, n in sha2[::2]]:
    print(m.__name__, sorted(a for a in dir(m) if not a.startswith('__') and a != 'keccakopt'))

# the modules' digests agree with OpenSSL's through hashlib
data = bytes(range(256)) * 10
for module, name in constructors:
    args = (33,) if name.startswith('shake') else ()
    print(name, getattr(module, name)(data).hexdigest(*args) == hashlib.new(name, data).hexdigest(*args))
