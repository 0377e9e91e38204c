# mmap: file and anonymous maps; read, write, seek, find/rfind, slicing, move, resize, flush, madvise, memoryview and re over the map
import mmap, os, re, tempfile

path = os.path.join(tempfile.mkdtemp(), 'data.bin')
with open(path, 'wb') as f:
    f.write(b'hello world\nsecond line\nthird: 12345\n')

with open(path, 'r+b') as f:
    with mmap.mmap(f.fileno(), 0) as m:
        print(len(m), m.size(), m.tell(), m.closed)
        print(m.readline(), m.tell())
        print(m.read(6), m.read_byte())
        m.seek(0)
        print(m.find(b'line'), m.rfind(b'line'), m.find(b'zzz'), m.find(b'l', 5), m.rfind(b'l', 0, 5))
        print(m[0], m[-1], m[0:5], m[::7], m[-6:])
        m[0:5] = b'HELLO'
        m[6] = ord('W')
        print(m[:12])
        mo = re.search(rb'(\d+)', m)
        print(mo.group(1), mo.span())
        print([x.decode() for x in re.findall(rb'\w+ line', m)])
        mv = memoryview(m)
        print(mv[0:3].tobytes(), mv.readonly, mv.nbytes)
        try:
            m.close()
        except BufferError as e:
            print('BufferError:', e)
        mv.release()
        m.seek(0, 2); print(m.tell())
        m.seek(-5, 1); print(m.read())
        try:
            m.seek(100)
        except ValueError as e:
            print('ValueError:', e)
        m.move(0, 6, 5)
        print(m[:11])
        m.flush()
        m.resize(8)
        print(len(m), m.size(), m[:])
        print(bytes(m) == m[:], list(iter(m))[:3])
        try:
            m[100]
        except IndexError as e:
            print('IndexError:', e)
        try:
            m[0] = 300
        except ValueError as e:
            print('ValueError:', e)
        try:
            del m[0]
        except TypeError as e:
            print('TypeError:', e)
    print(m.closed, repr(m))
    try:
        m.read()
    except ValueError as e:
        print('ValueError:', e)

with open(path, 'rb') as f:
    print(f.read())
    m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    try:
        m[0] = 1
    except TypeError as e:
        print('TypeError:', e)
    try:
        m.write(b'x')
    except TypeError as e:
        print('TypeError:', e)
    print(memoryview(m).readonly)
    m.close()
    c = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
    c[0] = ord('j'); print(c[:4])
    c.close()
    print(f.read() if f.seek(0) == 0 else None)

a = mmap.mmap(-1, 13)
a.write(b'Hello world!')
print(a.tell(), a[:], repr(a))
a.write_byte(ord('?'))
try:
    a.write_byte(ord('?'))
except ValueError as e:
    print('ValueError:', e)
try:
    a.write(b'more')
except ValueError as e:
    print('ValueError:', e)
a.madvise(mmap.MADV_NORMAL)
a.resize(20)
print(len(a), a[12:])
a.close()
for bad in [(-1, -1), ]:
    try:
        mmap.mmap(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    mmap.mmap(-1, 10, access=7)
except ValueError as e:
    print('ValueError:', e)
print(mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY, mmap.ACCESS_DEFAULT, mmap.PAGESIZE > 0,
      mmap.PROT_READ, mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.error is OSError)
os.remove(path)
