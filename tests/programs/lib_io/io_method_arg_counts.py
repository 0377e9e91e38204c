# Methods of the _io classes called with arguments they do not take: each
# names the class that defines it (METH_NOARGS "takes no arguments",
# METH_O "takes exactly one argument"; a call written out, as here, goes
# through the method descriptor), and readinto refuses a buffer it cannot
# write into.
import _io
import io
import os

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '_imac.tmp')
with open(path, 'wb') as f:
    f.write(b'abc\n')


class MyBytes(io.BytesIO):
    pass


makers = [
    ('BytesIO', lambda: io.BytesIO(b'abc')),
    ('MyBytes', lambda: MyBytes(b'abc')),
    ('StringIO', lambda: io.StringIO('abc')),
    ('TextIOWrapper', lambda: open(path, 'r+')),
    ('BufferedReader', lambda: open(path, 'rb')),
    ('BufferedWriter', lambda: open(path, 'ab')),
    ('BufferedRandom', lambda: open(path, 'rb+')),
    ('FileIO', lambda: open(path, 'rb', buffering=0)),
    ('BufferedRWPair', lambda: io.BufferedRWPair(io.BytesIO(), io.BytesIO())),
    ('_IOBase', _io._IOBase),
    ('_RawIOBase', _io._RawIOBase),
    ('_BufferedIOBase', _io._BufferedIOBase),
    ('_TextIOBase', _io._TextIOBase),
]
calls = [
    ('tell', lambda o: o.tell(1), lambda o: o.tell(1, 2, 3), lambda o: o.tell(x=1)),
    ('flush', lambda o: o.flush(1), lambda o: o.flush(1, 2, 3), lambda o: o.flush(x=1)),
    ('close', lambda o: o.close(1), lambda o: o.close(1, 2, 3), lambda o: o.close(x=1)),
    ('seekable', lambda o: o.seekable(1), lambda o: o.seekable(1, 2, 3), lambda o: o.seekable(x=1)),
    ('readable', lambda o: o.readable(1), lambda o: o.readable(1, 2, 3), lambda o: o.readable(x=1)),
    ('writable', lambda o: o.writable(1), lambda o: o.writable(1, 2, 3), lambda o: o.writable(x=1)),
    ('fileno', lambda o: o.fileno(1), lambda o: o.fileno(1, 2, 3), lambda o: o.fileno(x=1)),
    ('isatty', lambda o: o.isatty(1), lambda o: o.isatty(1, 2, 3), lambda o: o.isatty(x=1)),
    ('detach', lambda o: o.detach(1), lambda o: o.detach(1, 2, 3), lambda o: o.detach(x=1)),
    ('readall', lambda o: o.readall(1), lambda o: o.readall(1, 2, 3), lambda o: o.readall(x=1)),
    ('getvalue', lambda o: o.getvalue(1), lambda o: o.getvalue(1, 2, 3), lambda o: o.getvalue(x=1)),
    ('getbuffer', lambda o: o.getbuffer(1), lambda o: o.getbuffer(1, 2, 3), lambda o: o.getbuffer(x=1)),
    ('__enter__', lambda o: o.__enter__(1), lambda o: o.__enter__(1, 2, 3), lambda o: o.__enter__(x=1)),
    ('_checkClosed', lambda o: o._checkClosed(1), lambda o: o._checkClosed(1, 2, 3), lambda o: o._checkClosed(x=1)),
    ('_checkSeekable', lambda o: o._checkSeekable(1), lambda o: o._checkSeekable(1, 2, 3), lambda o: o._checkSeekable(x=1)),
    ('_checkReadable', lambda o: o._checkReadable(1), lambda o: o._checkReadable(1, 2, 3), lambda o: o._checkReadable(x=1)),
    ('_checkWritable', lambda o: o._checkWritable(1), lambda o: o._checkWritable(1, 2, 3), lambda o: o._checkWritable(x=1)),
    ('write', lambda o: o.write(1), lambda o: o.write(1, 2, 3), lambda o: o.write(x=1)),
    ('writelines', lambda o: o.writelines(1), lambda o: o.writelines(1, 2, 3), lambda o: o.writelines(x=1)),
    ('readinto', lambda o: o.readinto(1), lambda o: o.readinto(1, 2, 3), lambda o: o.readinto(x=1)),
    ('readinto1', lambda o: o.readinto1(1), lambda o: o.readinto1(1, 2, 3), lambda o: o.readinto1(x=1)),
]

# __getstate__ only where every version has its own (3.14 gave the files one)
getstate = ('__getstate__', lambda o: o.__getstate__(1), lambda o: o.__getstate__(1, 2, 3),
            lambda o: o.__getstate__(x=1))
for name, make in makers:
    for meth, *forms in calls + ([getstate] if name in ('BytesIO', 'MyBytes', 'StringIO') else []):
        if not hasattr(make(), meth):
            continue
        for i, form in enumerate(forms):
            obj = make()
            try:
                form(obj)
                result = 'ok'
            except Exception as e:
                result = '%s: %s' % (type(e).__name__, e)
            print(name, meth, i, result)
            if meth != 'detach':
                try:
                    obj.close()
                except Exception:
                    pass

# readinto into something it cannot write to
for name, make in makers[:9]:
    for arg in (b'xyz', 'str', 5, memoryview(b'abc')):
        for meth in ('readinto', 'readinto1'):
            obj = make()
            if not hasattr(obj, meth):
                continue
            try:
                getattr(obj, meth)(arg)
                result = 'ok'
            except Exception as e:
                result = '%s: %s' % (type(e).__name__, e)
            print(name, meth, type(arg).__name__, result)
for call in (lambda: io.BytesIO().read1(1, 2), lambda: open(path, 'rb', buffering=0).write(5)):
    try:
        call()
    except TypeError as e:
        print(e)
os.remove(path)
