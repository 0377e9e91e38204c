# hmac over _hashlib: RFC 4231 vectors, update/copy, digest(), compare_digest, pbkdf2_hmac and scrypt, their errors
import hmac, hashlib, _hashlib

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

key = b'\x0b' * 20
msg = b'Hi There'
for d in ('sha224', 'sha256', 'sha384', 'sha512', 'md5', 'sha1', 'sha3_256'):
    print(d, hmac.new(key, msg, d).hexdigest())
print(hmac.new(b'Jefe', b'what do ya want for nothing?', hashlib.sha256).hexdigest())
print(hmac.new(b'\xaa' * 131, b'Test Using Larger Than Block-Size Key - Hash Key First',
               'sha512').hexdigest())
print(hmac.new(b'k', b'm', hashlib.blake2s).hexdigest(), hmac.new(b'k', digestmod='md5').name)

h = hmac.new(b'secret', digestmod='sha256')
h.update(b'part one, ')
c = h.copy()
h.update(b'part two')
print(h.name, h.digest_size, h.block_size, h.hexdigest(), c.hexdigest())
print(hmac.digest(b'secret', b'part one, part two', 'sha256') == h.digest())
print(hmac.compare_digest(h.digest(), hmac.digest(b'secret', b'part one, part two', 'sha256')))

raw = _hashlib.hmac_new(b'k', b'm', 'sha256')
print(raw.name, raw.digest_size, raw.block_size, raw.hexdigest(), raw.copy().digest() == raw.digest())
print(_hashlib.hmac_digest(b'k', b'm', 'md5'), _hashlib.hmac_new(b'k', digestmod=hashlib.sha1).name)

for f in [lambda: hmac.new('k', b'm', 'sha256'),
          lambda: hmac.new(b'k', b'm'),
          lambda: _hashlib.hmac_new(b'k'),
          lambda: _hashlib.hmac_new(b'k', digestmod='foo'),
          lambda: _hashlib.hmac_new(b'k', digestmod=len),
          lambda: _hashlib.hmac_new('k', digestmod='sha256'),
          lambda: hmac.new(b'k', 'm', 'sha256'),
          lambda: _hashlib.compare_digest(b'a', b'a'),
          lambda: _hashlib.compare_digest('a', 'b'),
          lambda: _hashlib.compare_digest('a', b'b'),
          lambda: _hashlib.compare_digest(1, 2),
          lambda: _hashlib.compare_digest('\xe9', '\xe9'),
          lambda: _hashlib.compare_digest(bytearray(b'ab'), b'ab'),
          lambda: _hashlib.compare_digest(b'ab', b'abc'),
          lambda: hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1).hex(),
          lambda: hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 4096, 20).hex(),
          lambda: hashlib.pbkdf2_hmac('sha512', b'pw', b'salt', 1000, dklen=100).hex(),
          lambda: hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 0),
          lambda: hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 1, 0),
          lambda: hashlib.pbkdf2_hmac('foo', b'pw', b'salt', 1),
          lambda: hashlib.pbkdf2_hmac('sha256', 'pw', b'salt', 1),
          lambda: hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 1.0),
          lambda: hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 2**40),
          lambda: hashlib.pbkdf2_hmac(b'sha256', b'pw', b'salt', 1),
          lambda: hashlib.scrypt(b'password', salt=b'NaCl', n=1024, r=8, p=16).hex(),
          lambda: hashlib.scrypt(b'pw', salt=b's', n=16, r=1, p=1, dklen=10),
          lambda: hashlib.scrypt(b'pw', salt=b's', n=15, r=1, p=1),
          lambda: hashlib.scrypt(b'pw', n=16, r=1, p=1),
          lambda: hashlib.scrypt(b'pw', salt=b's', r=1, p=1),
          lambda: hashlib.scrypt(b'pw', salt=b's', n=16, p=1),
          lambda: hashlib.scrypt(b'pw', salt=b's', n=16, r=1, p=1, dklen=0),
          lambda: hashlib.scrypt(b'pw', salt=b's', n=16, r=1, p=1, maxmem=-1),
          lambda: hashlib.scrypt(b'pw', b's')]:
    print(attempt(f))
