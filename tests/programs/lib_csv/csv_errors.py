# _csv under Lib/csv: Dialect validation, registry, field_size_limit, reader and writer errors, with CPython's messages
import _csv, csv, io
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__, csv.Error.__mro__)
def t(f):
    try:
        r = f()
        print(repr(r) if not isinstance(r, _csv.Dialect) else 'Dialect')
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)
for kw in [dict(delimiter=''), dict(delimiter='ab'), dict(delimiter=1), dict(delimiter=None), dict(quotechar=1),
           dict(quotechar=''), dict(quotechar=None), dict(quotechar=None, quoting=0), dict(escapechar=1),
           dict(escapechar='ab'), dict(lineterminator=1), dict(lineterminator=None), dict(quoting=9), dict(quoting=-1),
           dict(quoting='a'), dict(quoting=1.0), dict(quoting=True), dict(foo=1), dict(delimiter='é')]:
    t(lambda: _csv.Dialect(**kw))
print(_csv.Dialect(quotechar=None).quoting, _csv.Dialect(strict=[]).strict, _csv.Dialect(strict=[1]).strict)
t(lambda: _csv.Dialect('nope'))
t(lambda: _csv.Dialect(1))
t(lambda: _csv.Dialect(1, 2))
t(lambda: _csv.Dialect(',', delimiter=';'))
d = _csv.Dialect()
print([getattr(d, a) for a in 'delimiter doublequote escapechar lineterminator quotechar quoting skipinitialspace strict'.split()])
e = _csv.Dialect('excel-tab', escapechar='\\')
print([getattr(e, a) for a in 'delimiter doublequote escapechar lineterminator quotechar quoting skipinitialspace strict'.split()])
t(lambda: setattr(d, 'delimiter', ';'))
t(lambda: setattr(d, 'quoting', 1))
print(_csv.Dialect(d) is d, _csv.Dialect(d, delimiter=';') is d, _csv.Dialect(d, delimiter=';').delimiter)
class Sub(_csv.Dialect):
    pass
print(type(Sub(delimiter=';')).__name__, Sub(delimiter=';').delimiter)
t(lambda: csv.register_dialect(1))
t(lambda: csv.register_dialect())
t(lambda: csv.register_dialect('bad', delimiter=5))
csv.register_dialect('semi', delimiter=';', quoting=csv.QUOTE_ALL)
csv.register_dialect('semi2', 'semi', lineterminator='\n')
print(sorted(csv.list_dialects()), csv.get_dialect('semi2').delimiter, csv.get_dialect('semi2').quoting)
t(lambda: csv.get_dialect('zz'))
t(lambda: csv.get_dialect([]))
t(lambda: csv.unregister_dialect('zz'))
csv.unregister_dialect('semi2')
print(sorted(csv.list_dialects()))
class Bad(csv.Dialect):
    delimiter = ','
    quotechar = '"'
    lineterminator = '\n'
    quoting = 17
t(Bad)
class Good(csv.excel):
    delimiter = '\u039b'
print(Good().delimiter, csv.excel().lineterminator == '\r\n')
t(lambda: csv.field_size_limit('a'))
t(lambda: csv.field_size_limit(1, 2))
t(lambda: csv.field_size_limit())
t(lambda: csv.field_size_limit(new_limit=10))
t(lambda: list(csv.reader(['a' * 10 + ',b'])))
t(lambda: list(csv.reader(['"a' + 'x' * 12 + '"'])))
t(lambda: csv.field_size_limit(131072))
t(lambda: csv.reader())
t(lambda: csv.reader(1))
t(lambda: csv.reader([], 'excel', 'y'))
t(lambda: csv.reader([], 'unknown'))
t(lambda: csv.writer())
t(lambda: csv.writer(1))
t(lambda: csv.writer(io.StringIO(), delimiter=''))
t(lambda: list(csv.reader([b'a'])))
t(lambda: list(csv.reader(['a\0b'])))
t(lambda: list(csv.reader(['"a"b'], strict=True)))
t(lambda: list(csv.reader(['"a"b;c'], delimiter=';', strict=True)))
t(lambda: list(csv.reader(['"ab'], strict=True)))
t(lambda: list(csv.reader(['"ab'])))
t(lambda: list(csv.reader(['a\rb'])))
t(lambda: list(csv.reader(['1,a'], quoting=csv.QUOTE_NONNUMERIC)))
w = csv.writer(io.StringIO())
t(lambda: w.writerow(1))
t(lambda: w.writerow())
t(lambda: w.writerows(1))
t(lambda: w.writerows([[1], 2]))
t(lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['']))
t(lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b']))
t(lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE, quotechar=None).writerow(['a"b']))
t(lambda: csv.writer(io.StringIO(), doublequote=False).writerow(['a"b']))
class Boom:
    def __str__(self):
        raise ZeroDivisionError('no str')
t(lambda: w.writerow([Boom()]))
def gen():
    yield 'a'
    raise KeyError('mid-row')
t(lambda: w.writerow(gen()))
t(lambda: list(csv.reader(gen())))
r = csv.reader(['a,b', 'c'])
print(r.line_num, r.dialect.delimiter, next(r), r.line_num, w.dialect.lineterminator == '\r\n', type(r).__name__, type(w).__name__)
t(lambda: setattr(r, 'line_num', 3))
