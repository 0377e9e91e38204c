# marshal: code objects dumped and loaded (versions 0-4), dump/load on files, bytes identical to CPython's
import marshal, io, hashlib

def sample(a, b=2, *args, c, **kw):
    total = a + b + c
    for x in args:
        total += x
    return [total * i for i in range(3)], {k: v for k, v in kw.items()}, 'text', 1.5, 10**20

def closure(n):
    def inner(m):
        return n * m
    return inner

code = sample.__code__
for version in range(5):
    data = marshal.dumps(code, version)
    back = marshal.loads(data)
    print(version, len(data), back.co_name, back.co_varnames, back == code)
    f = type(sample)(back, globals())
    print(f(1, 2, 3, c=4, z=5))

# the float and big int constants of sample are flagged or not as CPython's
# reference counts happen to be: only closure's bytes are compared
print(hashlib.sha256(marshal.dumps(closure.__code__)).hexdigest()[:16])
inner = type(closure)(marshal.loads(marshal.dumps(closure.__code__)), globals())
print(inner(6)(7))

values = [None, True, False, ..., StopIteration, 0, -5, 256, 257, 2**31 - 1, 2**31, -2**63, 10**30,
          1.25, float('inf'), -0.0, 1+2j, 'abc', 'a b', 'é', 'x' * 300, b'', b'x', b'bytes',
          (), (1,), tuple(range(300)), [1, [2]], {'k': tuple([1, 2])}, {3, 1, 2}, frozenset({'b', 'a'}),
          bytearray(b'ba')]
for v in values:
    print(type(v).__name__, [marshal.dumps(v, ver).hex()[:60] for ver in (0, 2, 3, 4)])
shared = ('same', 'same')
t = [shared, shared]
print(marshal.dumps(t).hex())

buf = io.BytesIO()
marshal.dump(code, buf)
marshal.dump({'second': 2}, buf, 2)
buf.seek(0)
print(marshal.load(buf).co_name, marshal.load(buf), buf.read())
try:
    marshal.load(buf)
except EOFError as e:
    print('EOFError', e)
try:
    marshal.dumps(object())
except ValueError as e:
    print('ValueError', e)
