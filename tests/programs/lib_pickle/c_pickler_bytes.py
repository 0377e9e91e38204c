# _pickle: the C pickler's bytes for every protocol equal CPython's, and loads gives the objects back
import pickle, _pickle, collections, datetime, decimal, fractions

print(pickle.Pickler is _pickle.Pickler, pickle.loads is _pickle.loads)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return type(other) is Point and self.__dict__ == other.__dict__

class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = 1
        self.b = 'two'

shared = [1, 2]
values = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31 - 1, 2**31, 2**63,
    -2**64, 2**1000, 0.0, -1.5, 1e300, float('inf'), 'text', 'é☃😀', '\n\\\x00\r\x1a',
    b'', b'bytes', bytearray(b'ba'), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], {},
    {'k': [shared, shared]}, set(), {1, 2, 3}, frozenset(), frozenset({4}),
    Point(1, 'y'), len, Point, type(None), type(...), type(NotImplemented), ...,
    NotImplemented, 1 + 2j, range(3), slice(1, 2), collections.OrderedDict(a=1),
    collections.deque([1, 2]), collections.Counter('aab'), datetime.date(2020, 1, 2),
    decimal.Decimal('1.5'), fractions.Fraction(1, 3), list(range(1500)),
    {i: str(i) for i in range(1200)},
    -2**63, -2**63 - 1, 2**64 - 1, -128, -129, 128, -2**71, 2**71 - 1, -2**72, -3**200,
    -2**2039, 2**2047,
]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for v in values:
        s = pickle.dumps(v, proto)
        back = pickle.loads(s)
        same = back == v or (v != v)
        if not same:
            print('MISMATCH', proto, repr(v)[:60], repr(back)[:60])
    print(proto, pickle.dumps(values[:50], proto))
    if proto >= 2:
        s = pickle.dumps(Slotted(), proto)
        o = pickle.loads(s)
        print(proto, o.a, o.b, s)

# recursive structures
l = []
l.append(l)
d = {}
d['self'] = d
t = ([],)
t[0].append(t)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    rl = pickle.loads(pickle.dumps(l, proto))
    rd = pickle.loads(pickle.dumps(d, proto))
    rt = pickle.loads(pickle.dumps(t, proto))
    print(proto, rl[0] is rl, rd['self'] is rd, rt[0][0] is rt, pickle.dumps(t, proto))
