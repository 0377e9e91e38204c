# _string: formatter_parser and formatter_field_name_split on every kind of field, escape and error
from _string import formatter_parser as fp, formatter_field_name_split as fs
for s in ['', 'abc', 'a{{b}}c', '{0}', 'x{0!r:>{1}}y', '{a.b[c]}', '{}{}', '{:{}}', '{!s}', 'a}}', '{{', '}}x', '{0:}', '{0!}', '{0!rr}', '{0!r', '{', '}', 'a}b', '{0:{', '{0[}', '{0:{{}}}', '{!r:x}', '{a[]}', '{0:x{y}z}', 'é{0}ü', '{0!r:}', '{{{0}}}', '{ab}c{d', '{0[a}b]}']:
    try: print(repr(s), list(fp(s)))
    except Exception as e: print(repr(s), type(e).__name__, e)
for s in ['', 'a', '0', '12', 'a.b', 'a[0]', 'a[x].y[1]', '0.real', 'a.', 'a[', 'a[0]x', 'a..b', '-1', '1a', 'a[0', '[0]', '.a', 'a[]', 'é.ü', 'a[-1]', '01', '99999999999999999999']:
    try:
        f, r = fs(s); print(repr(s), repr(f), list(r))
    except Exception as e: print(repr(s), type(e).__name__, e)
it = fp('a{0}')
print(type(it).__name__, iter(it) is it, type(fs('a')[1]).__name__)
for f, a in [(fp, (1,)), (fs, (1,)), (fp, ()), (fs, ('a','b'))]:
    try: f(*a)
    except Exception as e: print(type(e).__name__, e)
