# resource: a write past RLIMIT_FSIZE is an OSError (EFBIG), not SIGXFSZ killing the process (CPython ignores the signal)
import errno
import os
import resource
import signal
import tempfile

print(signal.getsignal(signal.SIGXFSZ) == signal.SIG_IGN)
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
fd, path = tempfile.mkstemp()
try:
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, hard))
    try:
        os.write(fd, b"x" * 1024)
        os.write(fd, b"y" * 10)
    except OSError as e:
        print("OSError", e.errno == errno.EFBIG)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    print(os.path.getsize(path))
finally:
    os.close(fd)
    os.unlink(path)
