# os.readv/writev on a pipe, preadv/pwritev (RWF_* flags), lockf, posix_fallocate/fadvise, eventfd, memfd_create, pidfd_open, copy_file_range, getrandom; major/minor/makedev limits, bytes-like paths' DeprecationWarning
import os, warnings
def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(f.__name__, 'ok', r if r is None or isinstance(r, int) else type(r).__name__)
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

r, w = os.pipe()
print(os.writev(w, [b'ab', bytearray(b'cde'), memoryview(b'f')]), os.writev(w, []))
bufs = [bytearray(2), bytearray(4)]
print(os.readv(r, bufs), bufs)
attempt(os.writev, w, 3)
attempt(os.readv, r, 3)
attempt(os.readv, r, [b'x'])
attempt(os.writev, w, ['x'])
attempt(os.preadv, r, [bytearray(1)], 0)
attempt(os.pwritev, w, 3, 0)
os.close(r)
os.close(w)

name = 'pvm_posix_fd_ops_tmp'
fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.pwritev(fd, [b'hello ', b'world'], 0), os.pwritev(fd, [b'!'], 11, os.RWF_SYNC))
bufs = [bytearray(5), bytearray(7)]
print(os.preadv(fd, bufs, 0), bufs, os.preadv(fd, [bytearray(3)], 6, os.RWF_HIPRI))
print(os.RWF_DSYNC, os.RWF_HIPRI, os.RWF_SYNC, os.RWF_NOWAIT, os.RWF_APPEND)
print(os.lockf(fd, os.F_LOCK, 0), os.lockf(fd, os.F_TEST, 0), os.lockf(fd, os.F_ULOCK, 0))
print(os.F_LOCK, os.F_TLOCK, os.F_ULOCK, os.F_TEST)
print(os.posix_fallocate(fd, 0, 4096), os.fstat(fd).st_size)
print(os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_SEQUENTIAL), os.POSIX_FADV_DONTNEED)
attempt(os.posix_fallocate, 9999, 0, 10)
attempt(os.posix_fadvise, fd, 0, 0, 99)
attempt(os.lockf, fd, 'x', 0)
fd2 = os.open(name + '2', os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.copy_file_range(fd, fd2, 5, 6, 0), os.pread(fd2, 10, 0))
attempt(os.copy_file_range, fd, fd2, -1)
os.close(fd)
os.close(fd2)
os.remove(name)
os.remove(name + '2')

e = os.eventfd(3)
os.eventfd_write(e, 4)
print(os.eventfd_read(e), os.EFD_CLOEXEC, os.EFD_NONBLOCK, os.EFD_SEMAPHORE)
os.close(e)
attempt(os.eventfd, 'x')
m = os.memfd_create('pvm', os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
os.write(m, b'in memory')
print(os.pread(m, 20, 0), os.get_inheritable(m))
os.close(m)
attempt(os.memfd_create, 3)
p = os.pidfd_open(os.getpid())
print(p >= 0)
os.close(p)
attempt(os.pidfd_open, -5)
print(len(os.getrandom(16)), len(os.getrandom(4, os.GRND_NONBLOCK)))
attempt(os.getrandom, -1)

for f, args in [(os.major, (-1,)), (os.minor, (1 << 64,)), (os.major, (2.0,)),
                (os.makedev, (1 << 32, 0)), (os.makedev, (-1, 0)), (os.makedev, (0, -1)),
                (os.major, (0xffffffffffffffff,))]:
    attempt(f, *args)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    os.stat(bytearray(b'.'))
    print(sorted(os.listdir(memoryview(b'/'))) == sorted(os.listdir(b'/')))
for w in caught:
    print(w.category.__name__, w.message)
