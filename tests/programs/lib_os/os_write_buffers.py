# os.write and os.pwrite take any bytes-like object: bytes, bytearray, memoryview, array
import os, array, tempfile
r, w = os.pipe()
print(os.write(w, b"ab"), os.write(w, bytearray(b"cd")), os.write(w, memoryview(b"xefx")[1:3]))
print(os.write(w, array.array('b', [103, 104])))
print(os.read(r, 100))
try:
    os.write(w, "str")
except TypeError as e:
    print(e)
try:
    os.write(w, memoryview(b"abcdef")[::2])
except (TypeError, BufferError, ValueError) as e:
    print(type(e).__name__, e)
fd, path = tempfile.mkstemp()
os.write(fd, b"0123456789")
print(os.pwrite(fd, memoryview(b"AB"), 3))
os.lseek(fd, 0, 0)
print(os.read(fd, 20))
os.close(fd); os.unlink(path)
