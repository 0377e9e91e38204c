# random.SystemRandom and secrets (over SystemRandom, base64, binascii, hmac): shapes and ranges of entropy-backed results
import random, secrets

sr = random.SystemRandom()
vals = [sr.random() for _ in range(1000)]
print(all(0.0 <= v < 1.0 for v in vals), len(set(vals)) > 990)
print(all(0 <= sr.randrange(10) < 10 for _ in range(200)), sr.getrandbits(0), 0 <= sr.getrandbits(100) < 2**100)
print(len(sr.randbytes(17)), type(sr.randbytes(0)).__name__, sr.choice('x'), sorted(sr.sample(range(5), 5)))
print(sr.seed(123), sr.seed('anything'))
for f in (sr.getstate, lambda: sr.setstate(None)):
    try:
        f()
    except NotImplementedError as e:
        print('NotImplementedError', e)
print(isinstance(sr, random.Random), type(sr).__name__)
l = list(range(30))
sr.shuffle(l)
print(sorted(l) == list(range(30)), 1 <= sr.randint(1, 6) <= 6)

print(len(secrets.token_bytes(16)), len(secrets.token_hex(16)), len(secrets.token_hex()))
print(all(c in '0123456789abcdef' for c in secrets.token_hex(40)))
tok = secrets.token_urlsafe(24)
print(len(tok), all(c.isalnum() or c in '-_' for c in tok))
print(all(0 <= secrets.randbelow(7) < 7 for _ in range(100)), 0 <= secrets.randbits(20) < 2**20)
print(secrets.choice(['only']), secrets.compare_digest(b'abc', b'abc'), secrets.compare_digest('a', 'b'))
try:
    secrets.randbelow(0)
except ValueError as e:
    print('ValueError', e)
