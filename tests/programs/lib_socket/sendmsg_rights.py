# socket.sendmsg / recvmsg with ancillary data over socketpair: several data buffers, SCM_RIGHTS descriptor passing, MSG_CTRUNC when the ancillary buffer is too small (the item cut to what fits), SCM_CREDENTIALS, MSG_PEEK.
import array, os, socket, warnings

def fds_item(fds):
    return (socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', fds).tobytes())

a, b = socket.socketpair()
# Data only: the buffers are gathered into one message.
print(a.sendmsg([b'ab', bytearray(b'cd'), memoryview(b'ef')]))
print(b.recvmsg(100))
print(a.sendmsg([]), a.sendmsg([b'x'], []))
print(b.recvmsg(10))

# Two pipe descriptors go across; the received ones are new descriptors
# for the same pipes.
r, w = os.pipe()
print(a.sendmsg([b'fds'], [fds_item([r, w])]))
data, anc, flags, addr = b.recvmsg(10, socket.CMSG_SPACE(2 * 4))
print(data, flags, addr, len(anc))
level, kind, payload = anc[0]
print(level == socket.SOL_SOCKET, kind == socket.SCM_RIGHTS, len(payload))
got = array.array('i', payload)
print(len(got), r not in got and w not in got)
os.write(got[1], b'through the passed fd')
print(os.read(r, 100))
for fd in list(got) + [r, w]:
    os.close(fd)

# Too small an ancillary buffer: the flag says so, the item is cut.
r, w = os.pipe()
a.sendmsg([b'cut'], [fds_item([r, w])])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    data, anc, flags, addr = b.recvmsg(10, socket.CMSG_LEN(4))
print(data, bool(flags & socket.MSG_CTRUNC), [(l, t, len(d)) for l, t, d in anc], caught)
for fd in array.array('i', anc[0][2]):
    os.close(fd)

# No room at all: nothing received, the flag set.
a.sendmsg([b'none'], [fds_item([r])])
data, anc, flags, addr = b.recvmsg(10)
print(data, anc, bool(flags & socket.MSG_CTRUNC))
os.close(r)
os.close(w)

# Room for a header but not for one descriptor: the kernel sends none.
r, w = os.pipe()
a.sendmsg([b'short'], [fds_item([r])])
data, anc, flags, addr = b.recvmsg(10, socket.CMSG_LEN(2))
print(data, anc, bool(flags & socket.MSG_CTRUNC))
os.close(r)
os.close(w)

# MSG_PEEK leaves the data in place.
a.sendmsg([b'peek'])
print(b.recvmsg(10, 0, socket.MSG_PEEK)[0], b.recvmsg(10)[0])

# SCM_CREDENTIALS once SO_PASSCRED is on: (pid, uid, gid) of the sender.
b.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
a.sendmsg([b'cred'])
data, anc, flags, addr = b.recvmsg(10, socket.CMSG_SPACE(12))
pid, uid, gid = array.array('i', anc[0][2])
print(data, anc[0][:2] == (socket.SOL_SOCKET, socket.SCM_CREDENTIALS),
      (pid, uid, gid) == (os.getpid(), os.getuid(), os.getgid()))

# Datagrams: the address argument, MSG_TRUNC for a datagram too long.
c, d = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
c.sendmsg([b'0123456789'])
data, anc, flags, addr = d.recvmsg(4)
print(data, anc, bool(flags & socket.MSG_TRUNC))
c.setblocking(False)
d.setblocking(False)
try:
    d.recvmsg(4)
except BlockingIOError as e:
    print('BlockingIOError', e.errno)
d.settimeout(0.01)
try:
    d.recvmsg(4)
except TimeoutError as e:
    print('TimeoutError', e)
for s in (a, b, c, d):
    s.close()
try:
    a.sendmsg([b'x'])
except OSError as e:
    print(type(e).__name__, e.errno)
