# json (CPython's Lib/json over _json): dumps/loads options, errors, custom encoders and hooks
import json
from collections import OrderedDict
doc = {"name": "pvm", "n": [1, 2.5, -3e-7, 10**20, True, False, None], "nested": {"é": "\u2603", "q": "a\"b"}, "t": (1, 2)}
s = json.dumps(doc)
print(s)
print(json.dumps(doc, ensure_ascii=False, sort_keys=True))
print(json.dumps(doc, indent=2, sort_keys=True))
print(json.dumps(doc, separators=(',', ':')))
print(json.loads(s) == json.loads(json.dumps(json.loads(s))), json.loads(s)['t'])
print(json.loads('[1, 2.0, "x", {"a": null}, true, -0, 1e400, -1e400]'))
print(json.loads('[NaN, Infinity, -Infinity]'), json.dumps([float('inf'), float('nan')]))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"a": 1.5}', parse_float=str), json.loads('[10]', parse_int=float))
print(json.loads('{"__c__": [1, 2]}', object_hook=lambda d: complex(*d['__c__']) if '__c__' in d else d))
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd'}), json.dumps({(1, 2): 3}, skipkeys=True))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({'s': {3, 1, 2}}, cls=Enc))
print(list(json.JSONEncoder().iterencode([1, {'a': 2}])))
print(json.JSONDecoder().raw_decode('{"a": 1} tail'))
for bad in ['', '[1,]', '{"a" 1}', '{1: 2}', '[1 2]', '"abc', '[', 'tru', '{"a": 1,}', '\n\n  [1, x]', '"\\q"', '01']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e.msg, e.pos, e.lineno, e.colno)
for bad in [lambda: json.dumps(object()), lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(float('nan'), allow_nan=False)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
l = []
l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print(e)
print(json.dumps('\x00\x1f\x7f\u20ac\U0001f600'), json.dumps('\U0001f600', ensure_ascii=False))
