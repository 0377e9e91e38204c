# timeit (the API, not the times), uuid (deterministic uuids), gzip round trips, secrets/hmac shapes
import timeit, uuid, gzip, io, secrets, hmac, hashlib
t = timeit.Timer('sum(range(10))')
n, secs = t.autorange()
print(n >= 1, secs > 0, len(t.repeat(repeat=3, number=5)), timeit.timeit('x = 1', number=100) >= 0)
print(timeit.timeit(lambda: None, number=10) >= 0, callable(timeit.default_timer))
u = uuid.UUID('12345678-1234-5678-1234-567812345678')
print(u, u.hex, u.int, u.version, u.variant, u.urn, u.bytes[:4], u.fields[:2], repr(u))
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_URL, 'https://example.com/'))
r = uuid.uuid4()
print(r.version, len(str(r)), uuid.UUID(str(r)) == r, uuid.UUID(bytes=r.bytes) == r, uuid.uuid1().version)
raw = b'pvm runs bytecode ' * 100
z = gzip.compress(raw, mtime=0)
print(len(z), gzip.decompress(z) == raw, z[:4])
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', mtime=0, filename='x.txt') as f:
    f.write(b'line one\nline two\n')
buf.seek(0)
with gzip.open(buf, 'rt') as f:
    print(f.readlines())
try:
    gzip.decompress(b'not gzip data')
except gzip.BadGzipFile as e:
    print('BadGzipFile', e)
tok = secrets.token_hex(16)
print(len(tok), len(secrets.token_bytes(8)), len(secrets.token_urlsafe(16)) >= 16, secrets.randbelow(10) < 10, secrets.choice('abc') in 'abc')
mac = hmac.new(b'key', b'message', hashlib.sha256)
print(mac.hexdigest(), hmac.compare_digest(mac.digest(), hmac.digest(b'key', b'message', 'sha256')), mac.name, mac.digest_size)
