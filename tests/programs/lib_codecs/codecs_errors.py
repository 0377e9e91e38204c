# codecs: UnicodeEncodeError / UnicodeDecodeError / UnicodeTranslateError — attributes, argument checks, str() and repr(), subclasses
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

e = UnicodeEncodeError('ascii', 'abc', 1, 2, 'bad')
print(e, e.args, e.start, e.end, e.object, e.encoding, e.reason)
e.start = -5
e.end = 100
print(e.start, e.end, str(e))
e.reason = 5
e.encoding = 'x'
print(e)
attempt(lambda: setattr(e, 'start', 'x'))
for obj, s in [('\U0001f600x', 0), ('\u1234x', 0), ('\xffx', 0), ('ab', 5)]:
    print(UnicodeEncodeError('enc', obj, s, s + 1, 'why'))
print(UnicodeEncodeError('enc', 'abcdef', 1, 4, 'why'))

d = UnicodeDecodeError('utf-8', bytearray(b'a\xffc'), 1, 2, 'invalid start byte')
print(d, repr(d), type(d.object).__name__, type(d.args[1]).__name__)
print(UnicodeDecodeError('x', b'abc', 0, 3, 'r'), UnicodeDecodeError('x', b'abc', 7, 8, 'r'))
print(UnicodeDecodeError('x', memoryview(b'abc'), 0, 1, 'r').object)

t = UnicodeTranslateError('a\u20acc', 1, 2, 'no')
print(t, repr(t), t.encoding, t.object, t.start, t.end, t.reason)
print(UnicodeTranslateError('abc', 0, 3, 'no'))

for cls, args in [(UnicodeEncodeError, ()), (UnicodeEncodeError, ('a',)),
                  (UnicodeEncodeError, (1, 'b', 1, 2, 'r')), (UnicodeEncodeError, ('a', b'b', 1, 2, 'r')),
                  (UnicodeEncodeError, ('a', 'b', 'x', 2, 'r')), (UnicodeEncodeError, ('a', 'b', 1, 2, 3)),
                  (UnicodeDecodeError, ('a', 'b', 1, 2, 'r')), (UnicodeDecodeError, ('a', b'b', 1, 2)),
                  (UnicodeTranslateError, ('a', 1, 2)), (UnicodeTranslateError, (b'a', 1, 2, 'r'))]:
    attempt(lambda: cls(*args))
attempt(lambda: UnicodeEncodeError('a', 'b', 1, 2, 'r', x=1))
print(issubclass(UnicodeEncodeError, UnicodeError), issubclass(UnicodeError, ValueError))
attempt(lambda: UnicodeError('plain').encoding)

# raised by the codecs
try:
    'caf\xe9 \u20ac'.encode('ascii')
except UnicodeEncodeError as err:
    print(err.encoding, err.object, err.start, err.end, err.reason, err.args)
try:
    b'ok\xc3('.decode('utf-8')
except UnicodeDecodeError as err:
    print(err.encoding, err.object, err.start, err.end, err.reason)
try:
    b'\xe2\x82'.decode()
except UnicodeError as err:
    print(type(err).__name__, err)
try:
    '\ud800'.encode()
except ValueError as err:
    print(type(err).__name__, err)

class MyError(UnicodeDecodeError):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = 1
m = MyError('enc', b'xyz', 0, 1, 'mine')
print(m, m.extra, m.object, isinstance(m, UnicodeError))
try:
    raise MyError('enc', b'xyz', 1, 3, 'raised')
except UnicodeDecodeError as err:
    print(repr(err), err.start)

# subclasses and __init__: the arguments are checked by __init__
class E(UnicodeEncodeError): pass
for args in [(), ('a', 'b', 1, 2, 'r'), (1, 2)]:
    try:
        e = E(*args); print(repr(e), str(e), e.start)
    except Exception as x: print(type(x).__name__, x)
class F(UnicodeDecodeError):
    def __init__(self, msg):
        super().__init__('enc', b'ab', 0, 1, msg)
f = F('hi'); print(repr(f), f, f.reason, f.args)
class G(UnicodeDecodeError):
    def __init__(self):
        pass
g = G(); print(repr(g), repr(str(g)), g.encoding)
e = UnicodeEncodeError('a', 'b', 0, 1, 'r')
e.__init__('x', 'yy', 1, 2, 'q'); print(e, e.object)
try: e.__init__(1)
except Exception as x: print(type(x).__name__, x)

bytes.decode(b'\xff', 'ascii')
