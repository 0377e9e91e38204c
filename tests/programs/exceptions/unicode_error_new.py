# UnicodeError subclasses: __new__ takes anything (str of an empty one is ''), calling the class checks the arguments
for klass in UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError:
    print(repr(str(klass.__new__(klass))), klass.__new__(klass, 1, 2).args)
for call in (lambda: UnicodeEncodeError(), lambda: UnicodeEncodeError('a', 'b', 1, 2, 'r', x=1),
             lambda: UnicodeDecodeError('utf-8', 'x', 0, 1, 'bad'), lambda: UnicodeTranslateError(1, 2, 3, 4)):
    try: print(call())
    except TypeError as e: print('TypeError', e)
print(UnicodeEncodeError('ascii', 'h\xe9', 1, 2, 'no'), UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad'))
class U(UnicodeEncodeError):
    def __init__(self, *a):
        super().__init__('ascii', 'x', 0, 1, 'sub')
print(U(1, 2))
try:
    'h\xe9'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.start, e.end, e.reason)
