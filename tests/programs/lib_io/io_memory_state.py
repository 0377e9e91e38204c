# BytesIO and StringIO __setstate__ (pickle and copy restore them through it): the value as it is, the position, the instance dict; CPython's checks and messages; BytesIO's readinto1 is _BufferedIOBase's
import io, pickle, copy
b = io.BytesIO(b'abcdef'); b.seek(2); b.x = 5
c = pickle.loads(pickle.dumps(b)); print(c.getvalue(), c.tell(), c.x)
d = copy.copy(b); print(d.read(), d.x)
s = io.StringIO('hello\nworld'); s.seek(3); s.y = 1
t = pickle.loads(pickle.dumps(s)); print(repr(t.getvalue()), t.tell(), t.y, t.read())
for bad in ((1, 2), [b'', 0, None], (b'x', 'a', None), (b'x', -1, None), (b'x', 0, 3), ('s', 0, None), (b'abc', 5, {'q': 1})):
    e = io.BytesIO()
    try:
        e.__setstate__(bad); print('ok', e.getvalue(), e.tell(), e.__dict__)
    except Exception as ex:
        print(type(ex).__name__, ex)
for bad in ((1, 2), ['', '\n', 0, None], ('x', None, 'a', None), ('x', None, -1, None), ('x', None, 0, 3), (b's', None, 0, None), ('abc', '\n', 5, {'q': 1}), ('abc', 5, 0, None)):
    e = io.StringIO()
    try:
        e.__setstate__(bad); print('ok', repr(e.getvalue()), e.tell(), e.__dict__)
    except Exception as ex:
        print(type(ex).__name__, ex)
b = io.BytesIO(b'xyz'); ba = bytearray(2); print(b.readinto1(ba), ba, 'readinto1' in vars(io.BytesIO), '__setstate__' in vars(io.BytesIO), '__setstate__' in vars(io.StringIO))
