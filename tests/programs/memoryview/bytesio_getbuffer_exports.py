# io.BytesIO refuses to change while a getbuffer() view is out, as CPython's: write, writelines, truncate, __setstate__, __init__ (which empties the stream first) and close raise BufferError, reading, seeking and getvalue work; a view released, or dropped and collected, lets it change again
import io, pickle
def tryit(name, f):
    try:
        r = f()
        print(name, "ok", r)
    except (BufferError, ValueError) as e:
        print(name, type(e).__name__, e)
b = io.BytesIO(b'abcdef')
m = b.getbuffer()
tryit("write", lambda: b.write(b'x'))
tryit("writelines", lambda: b.writelines([b'x']))
tryit("truncate", lambda: b.truncate(2))
tryit("read", lambda: b.read(2))
tryit("seek", lambda: b.seek(0))
tryit("getvalue", lambda: b.getvalue())
tryit("readinto", lambda: b.readinto(bytearray(2)))
tryit("setstate", lambda: b.__setstate__((b'zz', 0, None)))
tryit("init", lambda: b.__init__(b'q'))
tryit("close", lambda: b.close())
m[0] = ord('Z')
tryit("getvalue2", lambda: b.getvalue())
m.release()
tryit("write after del", lambda: b.write(b'y'))
for i in range(10):
    b.getbuffer()[0]
    b.write(b'w')
    bytes(b.getbuffer()[1:3])
    b.truncate(5)
with b.getbuffer() as v:
    v[1] = ord('Q')
tryit("close after with", lambda: b.close())
tryit("closed", lambda: b.closed)
