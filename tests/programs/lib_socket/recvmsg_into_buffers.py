# socket.recvmsg_into: received data scattered over several writable buffers (bytearray, memoryview slices, array), the count returned, ancillary data beside; recvfrom_into; the argument errors of both.
import array, os, socket

a, b = socket.socketpair()
bufs = [bytearray(3), bytearray(4), bytearray(10)]
a.sendall(b'abcdefghij')
n, anc, flags, addr = b.recvmsg_into(bufs)
print(n, anc, flags, addr, bufs)

backing = bytearray(b'.' * 12)
view = memoryview(backing)
arr = array.array('b', [0, 0])
a.sendall(b'0123456789ABCDEF')
print(b.recvmsg_into([view[2:5], arr, view[8:]]), backing, arr)
print(b.recv(100))

# An empty buffer takes nothing; a list of none receives nothing.
a.sendall(b'xyz')
print(b.recvmsg_into([bytearray(0), bytearray(5)])[0])
a.sendall(b'q')
print(b.recvmsg_into(iter([bytearray(1)]))[0])

# With ancillary data.
r, w = os.pipe()
a.sendmsg([b'fd'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', [r]).tobytes())])
buf = bytearray(8)
n, anc, flags, addr = b.recvmsg_into([buf], socket.CMSG_SPACE(4))
print(n, buf[:n], len(anc), anc[0][:2] == (socket.SOL_SOCKET, socket.SCM_RIGHTS), flags)
os.close(array.array('i', anc[0][2])[0])
os.close(r)
os.close(w)

# recvfrom_into on datagrams.
c, d = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
c.send(b'datagram')
buf = bytearray(20)
print(d.recvfrom_into(buf), buf)
c.send(b'datagram')
print(d.recvfrom_into(buf, 4), buf)
c.send(b'dg')
print(d.recvfrom_into(buffer=buf, nbytes=0, flags=0))

def attempt(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)

attempt(b.recvmsg_into, 1)
attempt(b.recvmsg_into, [b'read-only'])
attempt(b.recvmsg_into, [bytearray(1)], -1)
attempt(b.recvmsg_into, [bytearray(1)], 2**31)
attempt(b.recvmsg_into, [bytearray(1)], 0, 'flags')
attempt(b.recvmsg_into)
attempt(b.recvmsg_into, [], 0, 0, 0)
attempt(d.recvfrom_into, buf, -1)
attempt(d.recvfrom_into, buf, 21)
attempt(d.recvfrom_into, b'ro')
for s in (a, b, c, d):
    s.close()
attempt(b.recvmsg_into, [bytearray(1)])
