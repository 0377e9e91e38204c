# _md5 ... _sha3: CPython 3.11's errors for bad data, arguments, instantiating the types, SHAKE lengths, read-only attributes
import sys
import _md5, _sha1, _sha3

def attempt(f):
    try:
        r = f()
        return 'ok ' + (r.hex() if isinstance(r, bytes) else repr(r) if isinstance(r, (str, int)) else type(r).__name__)
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

cases = [_md5.md5, _sha1.sha1, _sha3.sha3_256, _sha3.shake_128]
if sys.version_info < (3, 12):
    import _sha256, _sha512
    cases += [_sha256.sha224, _sha512.sha512]

for c in cases:
    print(c.__name__)
    xof = c.__name__.startswith('shake')
    for f in [lambda: c('x'), lambda: c(1), lambda: c(None), lambda: c(b'x', b'y'),
              lambda: c(data=b'x'), lambda: c(string=b'x'), lambda: c(b'x', foo=1),
              lambda: c(b'x', usedforsecurity=False), lambda: c(b'x', False)]:
        print('  ', attempt(f))
    h = c(b'abc')
    t = type(h)
    for f in [lambda: h.update(), lambda: h.update('x'), lambda: h.update(1),
              lambda: h.update(b'a', b'b'), lambda: h.update(data=b'x'),
              lambda: h.digest(*(() if xof else (1,))), lambda: h.hexdigest(x=1),
              lambda: h.copy(1)]:
        print('  ', attempt(f))
    if xof:
        for f in [lambda: h.digest(-1), lambda: h.digest(2**70), lambda: h.digest(2**40),
                  lambda: h.digest(1 << 29), lambda: h.digest('a'), lambda: h.digest(1.5),
                  lambda: h.hexdigest(length=3), lambda: h.digest(True), lambda: h.hexdigest(3)]:
            print('  ', attempt(f))
    for attr in ['name', 'digest_size', 'block_size']:
        try:
            setattr(h, attr, 1)
        except AttributeError as e:
            print('   AttributeError:', e)
    try:
        h.foo = 1
    except AttributeError as e:
        print('   AttributeError:', e)
    if c is not t:
        print('  ', attempt(lambda: t()), attempt(lambda: t(b'')))
    try:
        class S(t):
            pass
        print('   subclassed')
    except TypeError as e:
        print('   TypeError:', e)
