# posix errors: OSError subclasses with errno/strerror/filename/filename2 as CPython makes them, and the argument checks' messages
import posix
def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print('ok', type(r).__name__ if isinstance(r, (list, posix.stat_result)) else r)
    except Exception as e:
        print(type(e).__name__ + ':', e)
        if isinstance(e, OSError):
            print('  ', e.errno, e.strerror, repr(e.filename), repr(e.filename2), e.args)
attempt(posix.stat, 'no/such/file')
attempt(posix.stat, b'no/such/file')
attempt(posix.lstat, 'no such')
attempt(posix.rename, 'nope1', 'nope2')
attempt(posix.link, 'nope1', 'nope2')
attempt(posix.symlink, 'x', '/proc/no/such/dir/x')
attempt(posix.open, 'no/such', posix.O_RDONLY)
attempt(posix.listdir, 'no/such')
attempt(posix.scandir, 'no/such')
attempt(posix.chdir, 'no/such')
attempt(posix.rmdir, 'no/such')
attempt(posix.readlink, '.')
attempt(posix.close, 987)
attempt(posix.read, 987, 1)
attempt(posix.fstat, 987)
attempt(posix.stat, 987)
attempt(posix.read, 0, -1)
for bad in (1.5, [1], None, object):
    attempt(posix.stat, bad)
    attempt(posix.listdir, bad)
    attempt(posix.mkdir, bad)
attempt(posix.lstat, 3)
attempt(posix.stat, 'a\0b')
attempt(posix.stat, b'a\0b')
attempt(posix.stat, '\ud800')
attempt(posix.stat, '.', dir_fd='x')
attempt(posix.stat, 1, dir_fd=3)
attempt(posix.stat, 0, follow_symlinks=False)
attempt(posix.stat)
attempt(posix.stat, '.', 1)
attempt(posix.stat, path='.', bogus=1)
attempt(posix.close, 'x')
attempt(posix.close, 2**70)
attempt(posix.utime, '.', (1, 2), ns=(1, 2))
attempt(posix.utime, '.', times=[1, 2])
attempt(posix.utime, '.', ns=(1.0, 2))
attempt(posix.putenv, 'A=B', 'x')
attempt(posix.putenv, '', 'x')
attempt(posix.unsetenv, 'A=B')
attempt(posix.rename, 'a', b'b')
class P:
    def __init__(self, p):
        self.p = p
    def __fspath__(self):
        return self.p
attempt(posix.stat, P('no/such/path'))
attempt(posix.stat, P(3))
attempt(posix.fspath, P(b'bytes'))
attempt(posix.fspath, P(None))
attempt(posix.fspath, 3)
print(posix.fspath('s'), posix.fspath(b'b'), posix.fspath(P('p')))
print(posix.error is OSError, posix.strerror(2), posix.strerror(13))
for code in (1, 2, 4, 9, 11, 13, 17, 20, 21, 32, 110, 111):
    e = OSError(code, posix.strerror(code), 'f')
    print(code, type(e).__name__, e)
