# The fields CPython keeps in C members (OSError's errno and strerror,
# ImportError's name, SyntaxError's lineno, UnicodeError's start ...) are not
# in vars(e): only what the program sets itself is, and pickling carries
# the same state.
import pickle

cases = [
    OSError(1000, 'x'), OSError(1001, 'gone', 'f.txt'), OSError(1001, 'gone', 'a', None, 'b'),
    BlockingIOError(11, 'blocked', 3), FileNotFoundError(2, 'no'), OSError('plain'),
    SyntaxError('m', ('f.py', 1, 2, 'line')), ImportError('x', name='n', path='p'),
    ModuleNotFoundError('m'), AttributeError('a', name='n', obj=1), NameError('n', name='x'),
    UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad'), UnicodeEncodeError('ascii', 'é', 0, 1, 'r'),
    UnicodeTranslateError('é', 0, 1, 'r'), KeyError(1), StopIteration(5), SystemExit(3),
]
for e in cases:
    print(type(e).__name__, vars(e), e.__dict__ is vars(e))
    e.note = 'mine'
    print(' ', vars(e))
    back = pickle.loads(pickle.dumps(e))
    print(' ', type(back).__name__, back.args, vars(back), str(back))

e = OSError(1001, 'gone', 'f.txt')
print(e.errno, e.strerror, e.filename, e.filename2, str(e))
e.errno = 5
e.filename = None
print(e.errno, vars(e), str(e))
del e.strerror
print(e.strerror, vars(e))
e = BlockingIOError(11, 'b', 7)
print(e.characters_written, vars(e))
e = SyntaxError('m', ('f.py', 3, 4, 'x = ('))
e.lineno = 9
print(e.lineno, e.offset, vars(e), str(e))
e = ImportError('x', name='n')
e.__init__('y')
print(e.name, e.path, vars(e), e.__reduce__())
e = UnicodeDecodeError('utf-8', bytearray(b'\xff'), 0, 1, 'bad')
e.start = 0
print(e.object, e.start, vars(e))
e = ValueError('v')
e.add_note('n1')
print(vars(e), e.__notes__)
