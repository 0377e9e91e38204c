# _stat (the C half of Lib/stat.py): constants, the S_IS* tests, S_IMODE/S_IFMT, filemode (an unknown type is '?'), the errors on bad modes
import _stat, stat, posix
print(sorted((n, getattr(_stat, n)) for n in dir(_stat) if n.isupper() and not callable(getattr(_stat, n))))
print(sorted(n for n in dir(_stat) if callable(getattr(_stat, n)) and not n.startswith('__')))
print(stat.S_ISDIR is _stat.S_ISDIR, stat.filemode is _stat.filemode)
for mode in (0o40755, 0o100644, 0o120777, 0o104755, 0o41777, 0o2644, 0o10600, 0o20620, 0o60660, 0o140755, 0, 0o7777):
    print(oct(mode), _stat.filemode(mode), _stat.S_IMODE(mode), _stat.S_IFMT(mode),
          [f.__name__ for f in (_stat.S_ISDIR, _stat.S_ISREG, _stat.S_ISLNK, _stat.S_ISCHR, _stat.S_ISBLK,
                                _stat.S_ISFIFO, _stat.S_ISSOCK, _stat.S_ISDOOR, _stat.S_ISPORT, _stat.S_ISWHT) if f(mode)])
print(_stat.S_ISDIR(posix.stat('/').st_mode), _stat.S_ISDIR(True))
for bad in (1.5, -1, 2**64, 2**40, 'x'):
    try:
        _stat.S_ISDIR(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    _stat.filemode()
except TypeError as e:
    print('TypeError:', e)
