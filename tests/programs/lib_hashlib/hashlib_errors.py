# hashlib: CPython's errors for str data, non-buffers, unknown names, XOF lengths, argument mistakes
import hashlib, _hashlib

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

for f in [lambda: hashlib.sha256('a'),
          lambda: hashlib.sha256(1),
          lambda: hashlib.sha256(b'x', b'y'),
          lambda: hashlib.sha256(data=b'x'),
          lambda: hashlib.new(1),
          lambda: hashlib.new('foo'),
          lambda: hashlib.new('sha256', 'a'),
          lambda: _hashlib.new('sha256', data=b'a'),
          lambda: _hashlib.new('nosuch'),
          lambda: hashlib.shake_128(b'').digest(),
          lambda: hashlib.shake_128(b'').hexdigest(-1),
          lambda: hashlib.sha256().update(),
          lambda: hashlib.sha256().update('x'),
          lambda: hashlib.sha256().update(None),
          lambda: hashlib.sha256().digest(1),
          lambda: hashlib.sha256().hexdigest(x=1),
          lambda: _hashlib.HASH(),
          lambda: _hashlib.HASHXOF(),
          lambda: _hashlib.get_fips_mode(),
          lambda: type(hashlib.sha256()).__name__,
          lambda: type(hashlib.shake_128()).__mro__,
          lambda: issubclass(_hashlib.UnsupportedDigestmodError, ValueError),
          lambda: hashlib.sha256.__name__,
          lambda: sorted(_hashlib._constructors.values()),
          lambda: _hashlib._constructors[hashlib.sha256]]:
    print(attempt(f))
