# A memoryview dropped as soon as it is used leaves its bytearray free to change size, as in CPython, where the view's last reference goes at once: asyncio's StreamReader.read, bytes(memoryview(buf)[:n]) then del buf[:n], and other ways of making, slicing, reading and dropping a view; one still referred to keeps the size fixed
import array


class Reader:
    def __init__(self):
        self._buffer = bytearray()

    def read(self, n):
        data = bytes(memoryview(self._buffer)[:n])
        del self._buffer[:n]
        return data


r = Reader()
out = []
for i in range(40):
    r._buffer.extend(b"abc" * 3)
    out.append(r.read(5))
print(len(out), out[:4], out[-1], len(r._buffer))


def tobytes(buf, n):
    data = memoryview(buf)[:n].tobytes()
    del buf[:n]
    return data


def copied(buf, n):
    data = bytes(memoryview(buf))[:n]
    buf[:n] = b''
    return data


def joined(buf, n):
    data = b''.join([memoryview(buf)[:n], memoryview(buf)[n:2 * n]])
    del buf[:2 * n]
    return data


def grown(buf):
    head = memoryview(buf)[:2].hex()
    buf.append(33)
    buf.insert(0, 35)
    return head, buf.pop(), len(buf)


def array_items(a):
    first = memoryview(a)[0]
    a.append(9)
    return first, len(a)


for i in range(30):
    b = bytearray(b'0123456789' * 3)
    results = [tobytes(b, 4), copied(b, 3), joined(b, 2), grown(b),
               array_items(array.array('i', range(i + 1)))]
    if i in (0, 29):
        print(i, results, len(b))


def attempt(label, f):
    try:
        print(label, f())
    except BufferError as e:
        print(label, 'BufferError:', e)


b = bytearray(b'xyz')
kept = memoryview(b)[1:]
attempt('kept view', lambda: b.append(1))
attempt('kept view, del', lambda: b.__delitem__(0))
del kept
attempt('dropped view', lambda: b.append(1))
print(b)
