# The errno module: every name and value, errorcode (which name wins where two share a number), and OSError subclasses by errno
import errno
names = sorted(n for n in dir(errno) if n.startswith('E'))
print(len(names), len(errno.errorcode))
print([(n, getattr(errno, n)) for n in names])
print(sorted(errno.errorcode.items()))
print(errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK], errno.errorcode[errno.ENOTSUP])
print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EWOULDBLOCK == errno.EAGAIN)
for code in sorted(errno.errorcode):
    cls = type(OSError(code, 'x'))
    if cls is not OSError:
        print(errno.errorcode[code], cls.__name__)
print(type(errno).__name__, errno.__name__)
