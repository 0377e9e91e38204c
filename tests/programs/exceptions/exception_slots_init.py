# exception classes: __slots__ on any exception subclass, SyntaxError's info tuple checked, ImportError.__init__ resets name/path
class S(Exception):
    __slots__ = ('x',)
    def __init__(self, x): self.x = x
e = S('foo'); print(type(e).__name__, e.x, e.args, type(e).__module__)
class O(OSError):
    __slots__ = ('y', 'z')
o = O(2, 'no'); o.y = 1; o.z = 2; print(o.errno, o.strerror, o.y, o.z, type(o).__name__)
class K(KeyError):
    __slots__ = ('k',)
k = K('a'); k.k = 5; print(repr(k), k.k, str(k))
for info in (("bad.py", 1, 2), ("bad.py", 1, 2, 4, 5, 6, 7), ("bad.py", 1, 2, "abc", 1), 5):
    try: SyntaxError("bad bad", info)
    except TypeError as err: print('TypeError', err)
s = SyntaxError("bad", ("f.py", 1, 2, "txt"))
print(s.filename, s.lineno, s.offset, s.text, s.end_lineno)
exc = ImportError('test', name='name', path='path')
print(exc.args, exc.msg, exc.name, exc.path)
exc.__init__()
print(exc.args, exc.msg, exc.name, exc.path)
exc.__init__('again', name='n2')
print(exc.args, exc.msg, exc.name, exc.path)
