# json.loads over _json's scanner: every JSONDecodeError message and position, StopIteration from scan_once, hooks and parse_* callbacks
import json
from json import JSONDecodeError
from collections import OrderedDict
bad = ['', ' ', '{', '{ ', '{"a"', '{"a":', '{"a": 1', '{"a": 1 "b": 2}', '{"a" 1}', '{1: 2}', '{"a": 1,}',
       '{"a": 1, }', '{,}', '[', '[ ', '[1', '[1,', '[1,]', '[1 2]', '[,1]', '[1,,2]', ']', '}', 'x', '-', '--1',
       '01', '1.', '.5', '1e', '1e+', '"abc', '"a\\', '"\\q"', '"\\u12"', '"\\u12x4"', '"\\ud800\\u12x4"', '"a\x01b"',
       '[1] x', '\n\n  [1, x]', '{"a":\n  nul}', 'tru', 'nulll', 'NaNx', 'Infinit', '-Infinityy', '"é\\x"', '["é", x]',
       '"\U0001f600" 1', '[1]\n\n\n]', '\ufeff[1]', '{"a": [1, {"b": }]}']
for s in bad:
    try:
        print(repr(s), json.loads(s))
    except JSONDecodeError as e:
        print(repr(s), '->', e.msg, '|', e.pos, e.lineno, e.colno, '|', e)
print(json.loads('"a\x01b"', strict=False), json.loads('"\\ud800\\u0041"') == '\ud800A', json.loads('"\\ud83d\\ude00"'))
print(json.loads(' [1, 2.5, -0.0, 1E3, 1e-2, -12, 123456789012345678901234567890, 0, -0] '))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda c: 'const:' + c))
print(json.loads('[1, 2.5, 3e2]', parse_int=lambda s: 'int:' + s, parse_float=lambda s: 'float:' + s))
print(json.loads('{"b": 1, "a": {"c": 2}}', object_pairs_hook=OrderedDict))
print(json.loads('{"b": 1, "a": {"c": 2}}', object_pairs_hook=list, object_hook=dict))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{}'), json.loads('[]'), json.loads('[[[]]]'), json.loads('{"": ""}'))
d = json.loads('[{"key": 1}, {"key": 2}]')
print(d, list(d[0])[0] is list(d[1])[0])
print(json.loads(b'{"bytes": "\xc3\xa9"}'), json.loads(bytearray(b'[1]')), json.loads('"\\/\\b\\f\\n\\r\\t\\"\\\\"'))
from json.decoder import JSONDecoder
dec = JSONDecoder()
print(dec.raw_decode('{"a": 1} tail'), dec.raw_decode('  [1]', 2), dec.scan_once('[1, 2] x', 0))
for args in [('x', 0), ('[1]', 5), ('', 0), ('[1]', -1)]:
    try:
        print(dec.scan_once(*args))
    except StopIteration as e:
        print('StopIteration', e.value)
    except ValueError as e:
        print('ValueError', e)
try:
    dec.scan_once(b'[1]', 0)
except TypeError as e:
    print('TypeError', e)
try:
    json.loads('[' * 100000 + ']' * 100000)
except RecursionError as e:
    print('RecursionError', e)
try:
    json.loads('1' * 5000)
except ValueError as e:
    print('ValueError', e)
print(type(json.scanner.make_scanner).__name__, json.scanner.make_scanner.__module__)
s = json.scanner.make_scanner(dec)
print(s.strict, s.object_hook, s.parse_float is float, s.parse_int is int)
try:
    json.scanner.make_scanner(1)
except AttributeError as e:
    print('AttributeError', e)
import sys
for f, args in [(json.decoder.scanstring, (b'xxx', sys.maxsize + 1)), (dec.scan_once, ('x', sys.maxsize + 1)),
                (json.decoder.scanstring, ('a"', 'x')), (json.decoder.scanstring, ('a"', 0, None))]:
    try:
        f(*args)
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
