# A dropped memoryview or PickleBuffer leaves its bytearray free to change size, as in CPython: a view released by its with block, a PickleBuffer's raw() read and dropped; BytesIO.getbuffer() then write and truncate (asyncio's StreamReader: async/stream_reader_dropped_views.py)
import pickle, io
b = bytearray(b'abcdef')
for i in range(10):
    with memoryview(b) as m:
        m[1:].tobytes()
    b.append(1)
    pb = pickle.PickleBuffer(b)
    bytes(pb.raw())
    del pb
    b.append(2)
print(len(b))
bio = io.BytesIO(b'abc')
for i in range(5):
    bio.getbuffer()[0]
    bio.write(b'zz')
    bio.truncate(2)
print(bio.getvalue())
