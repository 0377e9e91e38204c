# json.dumps over _json's encoder: separators, key types, skipkeys, sort_keys, allow_nan, check_circular, default, subclasses, indent (Lib/json's Python encoder)
import json, enum, math
from collections import OrderedDict
class E(enum.IntEnum):
    A = 7
class F(float):
    def __repr__(self):
        return 'F!'
class S(str):
    pass
class L(list):
    pass
class D(dict):
    def items(self):
        return sorted(super().items(), reverse=True)
print(json.dumps([E.A, F(2.5), S('s'), L([1, 2]), D(a=1, b=2), (1, (2,)), {E.A: 1, F(1.5): 2}]))
print(json.dumps({'b': 1, 'a': [1, 2, {'d': None, 'c': True}]}, sort_keys=True, separators=(',', ':')))
print(json.dumps({2: 'a', 1.5: 'b', True: 'c', False: 'd', None: 'e', 'x': 'f'}))
print(json.dumps({(1, 2): 3, 'k': 4, b'x': 5}, skipkeys=True), json.dumps({(1, 2): 3}, skipkeys=True))
for bad in [lambda: json.dumps({(1, 2): 3}), lambda: json.dumps({b'x': 1}), lambda: json.dumps(object()),
            lambda: json.dumps(float('nan'), allow_nan=False), lambda: json.dumps({'a': float('inf')}, allow_nan=False),
            lambda: json.dumps({float('-inf'): 1}, allow_nan=False), lambda: json.dumps({'a': 1, 1: 'a'}, sort_keys=True),
            lambda: json.dumps(b'bytes'), lambda: json.dumps({1j: 1}), lambda: json.dumps(10 ** 5000)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(json.dumps([float('nan'), float('inf'), -float('inf'), 1e300, 1e-300, 0.1, -0.0, 1e16, 123456789.125]))
print(json.dumps({float('nan'): 1, float('inf'): 2}))
l = []
l.append(l)
d = {}
d['d'] = d
class C:
    pass
c = C()
for obj in [l, d, [d], {'x': [l]}]:
    try:
        json.dumps(obj)
    except ValueError as e:
        print('ValueError', e)
try:
    json.dumps(c, default=lambda o: [o])
except ValueError as e:
    print('ValueError', e)
try:
    json.dumps(l, check_circular=False)
except RecursionError as e:
    print('RecursionError', str(e)[:40])
shared = [1]
print(json.dumps([shared, shared, {'a': shared}]))
print(json.dumps(C(), default=lambda o: {'C': [1, 2]}), json.dumps({1, 2}, default=sorted))
print(json.dumps('\x00\x1f\x7f\x80\u20ac\U0001f600\ud800"\\/'), json.dumps('\x00\x7f\u20ac\U0001f600', ensure_ascii=False))
print(json.dumps({'é': 'ü'}, ensure_ascii=False), json.dumps({'é': 'ü'}))
print(json.dumps({'a': [1, {'b': []}], 'c': {}}, indent=3))
print(json.dumps([1, [2, 3]], indent='\t', separators=(',', ': ')))
print(json.dumps({'b': [], 'a': {}}, indent=0, sort_keys=True))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)
print(json.dumps({'z': 1 + 2j}, cls=Enc), Enc(separators=(';', '=')).encode({'a': [1, 2j]}))
print(list(json.JSONEncoder().iterencode({'a': [1, 2]})), json.JSONEncoder().encode('x'))
enc = json.encoder.c_make_encoder(None, str, lambda s: '<' + s + '>', None, ': ', ', ', False, False, True)
print(enc({'k': ['v', 1]}, 0), enc.sort_keys, enc.skipkeys, enc.key_separator, enc.markers)
for args in [(1, None, None, None, ': ', ', ', False, False, False), ({}, None, None, None, b': ', ', ', 0, 0, 0),
             ({}, None, None, None, ': ', 1, 0, 0, 0), (None,)]:
    try:
        json.encoder.c_make_encoder(*args)
    except TypeError as e:
        print('TypeError', e)
bad = json.encoder.c_make_encoder(None, str, lambda s: None, None, ': ', ', ', False, False, False)
for o in ['spam', {'spam': 1}]:
    try:
        bad(o, 4)
    except TypeError as e:
        print('TypeError', e)
