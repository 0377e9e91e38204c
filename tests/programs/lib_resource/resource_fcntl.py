# resource and fcntl: limits (get/set/prlimit), getrusage, descriptor flags, pipe size, flock/lockf, a struct flock buffer, CPython's errors.
import resource, fcntl, posix
print(sorted(n for n in dir(resource) if not n.startswith('_')))
print(sorted(n for n in dir(fcntl) if not n.startswith('_')))
for f,a in [(resource.getrlimit,(99,)),(resource.setrlimit,(resource.RLIMIT_NOFILE,(1,))),(resource.setrlimit,(resource.RLIMIT_NOFILE,5)),(resource.getrusage,(7,)), (resource.setrlimit,(resource.RLIMIT_NOFILE,(10, 5))), (resource.getrlimit,('x',)), (fcntl.fcntl,(99,1)), (fcntl.fcntl,('x',1)), (fcntl.flock,(99, fcntl.LOCK_SH)), (fcntl.fcntl, (0, fcntl.F_GETFD, 1.5)), (fcntl.lockf, (99, fcntl.LOCK_EX)), (fcntl.lockf, (0, 0)), (fcntl.fcntl, (-1, 1))]:
    try: print(f(*a))
    except Exception as e: print(type(e).__name__, e)
ru = resource.getrusage(resource.RUSAGE_SELF)
print(type(ru), len(ru), type(ru.ru_utime), ru.ru_maxrss > 0, resource.RLIM_INFINITY, resource.error)
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(64, hard), hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE)[0], resource.prlimit(0, resource.RLIMIT_NOFILE)[0])
resource.setrlimit(resource.RLIMIT_NOFILE, [soft, hard])
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard), resource.getpagesize())
print(resource.getrlimit(resource.RLIMIT_CPU))
r, w = posix.pipe()
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fcntl.fcntl(r, fcntl.F_SETFD, 0)
print(fcntl.fcntl(r, fcntl.F_GETFD))
fl = fcntl.fcntl(w, fcntl.F_GETFL)
fcntl.fcntl(w, fcntl.F_SETFL, fl | posix.O_NONBLOCK)
print(bool(fcntl.fcntl(w, fcntl.F_GETFL) & posix.O_NONBLOCK))
print(fcntl.fcntl(r, fcntl.F_GETPIPE_SZ) > 0)
class F:
    def fileno(self): return w
print(fcntl.fcntl(F(), fcntl.F_GETFD))
path = '/tmp/pvm_fcntl_%d.lock' % posix.getpid()
fd = posix.open(path, posix.O_CREAT | posix.O_RDWR, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB); fcntl.flock(fd, fcntl.LOCK_UN)
fcntl.lockf(fd, fcntl.LOCK_EX, 1, 0, 0); fcntl.lockf(fd, fcntl.LOCK_UN, 1)
import struct
print(len(fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack('hhqqi', fcntl.F_WRLCK, 0, 0, 0, 0))))
posix.close(fd); posix.unlink(path)
