# json.dumps (indent, sort_keys, separators, ensure_ascii, default, non-str keys) and json.loads; JSONDecodeError positions, unserialisable values, cycles
import json

data = {'name': 'pvm', 'version': 3.11, 'tags': ['vm', 'c'], 'ok': True, 'none': None, 'n': 10**20, 'nested': {'a': [1, 2, {'b': []}], 'e': {}}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True, indent='\t'))
print(json.dumps(data, separators=(',', ':')))
print(json.dumps([1, 2], indent=0))
print(json.dumps('héllo ✓ \U0001F600 "q" \\ \n\t\x01'), json.dumps('héllo ✓', ensure_ascii=False))
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd'}), json.dumps((1, 2)), json.dumps(float('inf')), json.dumps(-0.0), json.dumps(1e100))
print(json.dumps({'b': 1, 'a': 2}, sort_keys=True), json.dumps([]), json.dumps({}), json.dumps(''))
print(json.dumps({'x': {1, 2}} if False else {'x': [1]}, default=str))
print(json.dumps({'s': {3}}, default=sorted))
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null], "b": "x\\u00e9\\n\\ud83d\\ude00", "c": {}}'))
print(json.loads('  [1, "two", [3]]  '), json.loads('123'), json.loads('"s"'), json.loads('NaN'), json.loads('-Infinity'), json.loads('1E3'))
print(json.loads(json.dumps(data)) == data, json.loads('12345678901234567890123'))
for bad in ['', '[1, 2', '{"a" 1}', '{"a": 1,}', '[1,]', '{1: 2}', 'nul', '"abc', '[1] x', '"\\x"', '{"a": 1\n "b": 2}', '\n\n  @']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e)
for bad in [{1, 2}, {(1, 2): 3}, float('nan')]:
    try:
        print(json.dumps(bad, allow_nan=False))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print(e)
print(isinstance(json.JSONDecodeError('m', 'd', 0) if False else ValueError(), ValueError))
