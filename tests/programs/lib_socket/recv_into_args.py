# recv_into and recvfrom_into take their arguments by position or by name, with
# CPython's messages (recv_into ignored keywords and blocked on `bogus=1`).
import socket
a, b = socket.socketpair()
a.send(b"hello world")
buf = bytearray(10)
tests = [lambda: b.recv_into(buffer=buf, nbytes=3), lambda: b.recv_into(buf, flags=0, nbytes=2),
         lambda: b.recv_into(buf, bogus=1), lambda: b.recv_into(b"xx"), lambda: b.recv_into(buf, 20),
         lambda: b.recv_into(buf, -1), lambda: b.recv_into(buf, "a"), lambda: b.recv_into(),
         lambda: b.recv_into(buf, 1, 0, 3), lambda: b.recv_into(buf, nbytes=2, buffer=buf),
         lambda: b.recv_into(buf, 1.5), lambda: b.recv_into(buf, 1, "x"),
         lambda: b.recvfrom_into(b"xx"), lambda: b.recvfrom_into(buf, 1, 0, 3), lambda: b.recvfrom_into(buf, bogus=2)]
for t in tests:
    try: print(t(), bytes(buf))
    except Exception as e: print(type(e).__name__, e)
