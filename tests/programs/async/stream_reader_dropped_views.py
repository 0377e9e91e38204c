# asyncio's StreamReader keeps its data in a bytearray and hands out memoryview slices of it before deleting what it read: read, readexactly and readuntil over a fed buffer never meet a BufferError, as in CPython (the dropped views give their export back in the collection the resize runs first)
import asyncio


async def main():
    r = asyncio.StreamReader()
    for i in range(30):
        r.feed_data(b'x' * 100)
        await r.read(50)
        await r.readexactly(20)
        await r.readuntil(b'x')
    print(len(r._buffer))
asyncio.run(main())
