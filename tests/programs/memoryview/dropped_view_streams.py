# A dropped memoryview, PickleBuffer or asyncio stream slice leaves its bytearray free to change size, as in CPython: a view released by its with block, a PickleBuffer's raw() read and dropped, StreamReader.read/readexactly/readuntil over a fed buffer (memoryview slices of its bytearray, then del), BytesIO.getbuffer() then write and truncate
import pickle, asyncio, io
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
async def main():
    r = asyncio.StreamReader()
    for i in range(30):
        r.feed_data(b'x' * 100)
        await r.read(50)
        await r.readexactly(20)
        await r.readuntil(b'x')
    print(len(r._buffer))
asyncio.run(main())
bio = io.BytesIO(b'abc')
for i in range(5):
    bio.getbuffer()[0]
    bio.write(b'zz')
    bio.truncate(2)
print(bio.getvalue())
