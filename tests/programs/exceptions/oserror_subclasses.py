# OSError(errno, strerror) becomes the subclass for its errno (FileNotFoundError, PermissionError ...); filename, aliases, subclasses
for args in [(2, 'No such file'), (13, 'denied'), (17, 'exists'), (32, 'pipe'), (104, 'reset'), (111, 'refused'), (4, 'intr'), (11, 'again'), (3, 'srch'), (10, 'child'), (21, 'isdir'), (20, 'notdir'), (110, 'timeout'), (1, 'perm'), (99, 'other')]:
    e = OSError(*args)
    print(type(e).__name__, e.errno, e.strerror, e)
e = OSError(2, 'x', 'f.txt'); print(type(e).__name__, e, e.filename)
print(OSError('just msg').errno, EnvironmentError is OSError, IOError is OSError)
class MyOS(OSError): pass
print(type(MyOS(2, 'x')).__name__)
print(ConnectionError.__subclasses__())
