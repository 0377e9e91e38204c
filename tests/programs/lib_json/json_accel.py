# _json: scanstring (escapes, surrogate pairs, strict, errors with positions) and encode_basestring(_ascii)
from _json import scanstring as ss, encode_basestring_ascii as eba, encode_basestring as eb
from json import JSONDecodeError
for a in [('"abc"', 1), ('abc\\n\\u00e9\\ud83d\\ude00x"', 0), ('ab', 0), ('a\x01"', 0), ('a\x01"', 0, False),
          ('\\x"', 0), ('\\u12"', 0), ('\\u12zz"', 0), ('"', 5), ('"', -1), ('abc\\', 0), ('\\ud800"', 0),
          ('\\ud800\\u0041"', 0), ('é"', 0), ('\\"\\\\\\/\\b\\f\\n\\r\\t"', 0), ('xx"yy"', 3), ('\\uD83D\\uDE00"', 0)]:
    try:
        print(repr(ss(*a)))
    except JSONDecodeError as e:
        print('JSONDecodeError', e, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(type(e).__name__, e)
for s in ['abc', 'a"b\\c\n\t\x01\x7f\x1f', 'é€😀', '', '\u2028']:
    print(eba(s), eb(s))
for f, a in [(eba, (1,)), (eb, (b'x',)), (ss, (1, 0)), (ss, ('a',)), (ss, ('a', 'b')), (eba, ())]:
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)
