# io.StringIO (write/seek/read/readline, closed), os.path (join, split, splitext, normpath, abspath), os.environ/listdir, array (typecodes, bytes, range errors)
import io
import os
import os.path
from array import array

s = io.StringIO()
s.write('hello\n')
print(s.write('world\nlast'), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()))
s.seek(0)
print(s.readlines())
s.seek(0)
print([line for line in s])
t = io.StringIO('abc\ndef\n')
print(t.read(), t.getvalue() == 'abc\ndef\n')
t.close()
print(t.closed)
try:
    t.read()
except ValueError as e:
    print(e)
u = io.StringIO('12345')
u.seek(2)
u.write('XY')
print(u.getvalue())

print(os.path.join('a', 'b', 'c.txt'), os.path.join('/x', '/y', 'z'), os.path.join('a/', 'b'), os.path.join('', 'q'))
print(os.path.basename('/usr/lib/x.py'), os.path.dirname('/usr/lib/x.py'), os.path.split('a/b/'), os.path.split('file'))
print(os.path.splitext('archive.tar.gz'), os.path.splitext('.bashrc'), os.path.splitext('a/b.c/d'), os.path.splitext('x.'))
print(os.path.normpath('a//b/../c/./d'), os.path.normpath('/../x'), os.path.normpath(''), os.path.isabs('/a'), os.path.isabs('a'))
print(os.sep, os.name, os.linesep == '\n', os.path.sep, os.curdir, os.pardir)
print(os.path.exists('/'), os.path.isdir('/'), os.path.isfile('/'), os.path.exists('/no/such/path'))
print(os.path.abspath('/a/b/../c'), os.path.abspath('x') == os.path.join(os.getcwd(), 'x'))
print(isinstance(os.environ, dict) or hasattr(os.environ, 'keys'), 'PATH' in os.environ, os.getenv('NO_SUCH_VAR_XYZ'), os.getenv('NO_SUCH_VAR_XYZ', 'dflt'))
print(type(os.listdir('/')).__name__, type(os.getcwd()).__name__)
try:
    os.listdir('/no/such/dir')
except FileNotFoundError as e:
    print(e)

a = array('i', [1, 2, 3])
a.append(4)
a.extend([5, 6])
print(a, len(a), a[0], a[-1], a[1:3], a.tolist(), a.typecode, a.itemsize)
print(array('d', [1.5, 2.25]), array('f', [0.1]), array('b'), array('B', b'\x01\x02'))
print(a.tobytes()[:8], array('h', [1, -2]).tobytes(), array('H', array('H', [65535]).tobytes()))
b = array('i')
b.frombytes(a.tobytes())
print(b == a, b, list(reversed(b)), sum(b), 3 in b, a + array('i', [7]), array('i', [1]) * 3)
a[0] = 100
del a[1]
a.insert(0, -1)
a.reverse()
print(a, a.pop(), a.index(100), a.count(3))
for code, bad in [('b', 200), ('B', -1), ('h', 40000), ('i', 1.5), ('x', 1)]:
    try:
        array(code, [bad])
    except (OverflowError, TypeError, ValueError) as e:
        print(code, type(e).__name__, e)
