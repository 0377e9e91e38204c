# A dropped memoryview leaves its exporter free to change size, as in CPython: a view left in a dead value-stack slot of the running frame (struct.unpack_from of a slice, then bytearray.extend), and array.array's resizing methods after a view of it was read and dropped; a view still referred to, or an explicit release, keeps or frees it as CPython does (mmap: lib_mmap/mmap_dropped_view.py)
import array
import struct

b = bytearray(b"\x01\x00\x00\x00" * 4)
got = []
for i in range(20):
    got.append(struct.unpack_from("<I", memoryview(b)[1:])[0])
    b.extend(b"ab")
print(len(b), got[:3])

a = array.array("i", range(10))
for i in range(10):
    memoryview(a)[1:].tobytes()
    a.append(1)
    bytes(memoryview(a)[2:])
    a.extend([1, 2])
    memoryview(a).cast("B")[::2].tobytes()
    a.frombytes(b"\0" * 4)
    memoryview(a)[1:].tobytes()
    a.pop()
    memoryview(a)[1:].tobytes()
    a.fromlist([3])
    memoryview(a)[1:].tobytes()
    a.remove(3)
    memoryview(a)[1:].tobytes()
    a.insert(0, 7)
    memoryview(a)[1:].tobytes()
    del a[0:1]
    bytes(memoryview(a)[:3])
    a.fromunicode("") if a.typecode == "u" else a.append(2)
print(len(a), a[:4].tolist(), a[-3:].tolist())

with memoryview(a) as m:
    m[0]
a.append(5)
kept = memoryview(a)
try:
    a.append(6)
except BufferError as e:
    print("BufferError:", e)
kept.release()
a.append(6)
print(len(a), a[-2:].tolist())
