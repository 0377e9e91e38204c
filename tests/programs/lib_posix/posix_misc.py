# posix odds and ends: stat_result built from a tuple, uname/times results, sysconf/confstr/pathconf, environ as bytes, putenv, _path_normpath, terminal size
import posix
st = posix.stat_result(range(10))
print(st, st.st_atime, st.st_atime_ns, st.st_blksize, len(st), st[9])
print(st.__reduce__())
st2 = posix.stat_result(tuple(range(19)))
print(st2, st2.st_atime, st2.st_rdev, st2 == tuple(range(10)), st2 == st)
st3 = posix.stat_result(range(10), {'st_atime': 1.5, 'st_rdev': 42})
print(st3.st_atime, st3.st_mtime, st3.st_rdev)
for bad in (range(9), range(20)):
    try:
        posix.stat_result(bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    posix.stat_result(5)
except TypeError as e:
    print('TypeError:', e)
print(posix.stat_result.n_fields, posix.stat_result.n_sequence_fields, posix.stat_result.n_unnamed_fields)
print(posix.stat_result.__match_args__, type(posix.stat_result.st_mode).__name__)
print(type(posix.stat_result).__name__, posix.stat_result.__module__, posix.stat_result.__name__)
u = posix.uname()
print(type(u).__name__, u.sysname, len(u), u[0] == u.sysname, type(u.release).__name__)
t = posix.times()
print(type(t).__name__, len(t), type(t.elapsed).__name__, t.user >= 0)
print(posix.sysconf('SC_PAGESIZE') == posix.sysconf(posix.sysconf_names['SC_PAGESIZE']))
print(posix.sysconf('SC_CLK_TCK'), type(posix.confstr('CS_PATH')).__name__, posix.pathconf('.', 'PC_NAME_MAX'))
try:
    posix.sysconf('SC_NO_SUCH')
except ValueError as e:
    print('ValueError:', e)
print(type(posix.cpu_count()).__name__, len(posix.urandom(16)), posix.urandom(0))
print(all(type(k) is bytes and type(v) is bytes for k, v in posix.environ.items()))
posix.putenv('PVM_TEST_VAR', 'value')
posix.putenv(b'PVM_TEST_VAR2', b'v2')
print(b'PVM_TEST_VAR' in posix.environ)
print(posix.system('test "$PVM_TEST_VAR/$PVM_TEST_VAR2" = value/v2'))
posix.unsetenv('PVM_TEST_VAR')
print(posix.system('test -z "$PVM_TEST_VAR"'))
for p in ['a//b/../c/./d', '/../x', '', '//x/y', '///x', 'a/..', '../../a/b/..', '.', '/', 'a/./b/']:
    print(repr(p), repr(posix._path_normpath(p)))
try:
    posix._path_normpath(b'x')
except TypeError as e:
    print('TypeError:', e)
try:
    posix.get_terminal_size(posix.open('/dev/null', posix.O_RDONLY))
except OSError as e:
    print(type(e).__name__, e.errno)
print(posix.isatty(posix.open('/dev/null', posix.O_RDONLY)), posix.device_encoding(1000))
print(posix.terminal_size((80, 24)), posix.terminal_size((80, 24)).lines)
print(sorted(posix.sched_getaffinity(0)) == sorted(posix.sched_getaffinity(0)), len(posix.getloadavg()))
print(posix.major(posix.makedev(8, 1)), posix.minor(posix.makedev(8, 1)))
names = [n for n in dir(posix) if n.startswith(('O_', 'SEEK_', 'W', 'EX_', 'F_', 'R_', 'X_', 'P_'))]
print(sorted((n, getattr(posix, n)) for n in names if not callable(getattr(posix, n))))
