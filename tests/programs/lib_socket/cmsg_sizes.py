# socket.CMSG_LEN / CMSG_SPACE: values and range errors; the argument errors of sendmsg and recvmsg; if_nameindex, if_nametoindex, if_indextoname on the loopback interface; the UDPLITE and VSOCK constants.
import socket, sys

def attempt(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)

print([socket.CMSG_LEN(n) for n in (0, 1, 4, 8, 12, 100)])
print([socket.CMSG_SPACE(n) for n in (0, 1, 4, 8, 12, 100)])
limit = 0x7fffffff
print(socket.CMSG_LEN(limit - socket.CMSG_LEN(0)) == limit)
attempt(socket.CMSG_LEN, limit - socket.CMSG_LEN(0) + 1)
attempt(socket.CMSG_SPACE, limit - socket.CMSG_SPACE(1) + 1)
print(socket.CMSG_SPACE(limit - socket.CMSG_SPACE(1)) <= limit)
for f in (socket.CMSG_LEN, socket.CMSG_SPACE):
    attempt(f, -1)
    attempt(f, sys.maxsize)
    attempt(f, 2**64)
    attempt(f, 'a')
    attempt(f, 1.0)
    attempt(f)

a, b = socket.socketpair()
attempt(a.sendmsg)
attempt(a.sendmsg, 1)
attempt(a.sendmsg, [1])
attempt(a.sendmsg, ['str'])
attempt(a.sendmsg, [b'x'], 1)
attempt(a.sendmsg, [b'x'], [1])
attempt(a.sendmsg, [b'x'], [(1, 2)])
attempt(a.sendmsg, [b'x'], [(1, 2, b'', 4)])
attempt(a.sendmsg, [b'x'], [('a', 2, b'')])
attempt(a.sendmsg, [b'x'], [(1, 2, 'data')])
attempt(a.sendmsg, [b'x'], [], 'flags')
attempt(a.sendmsg, [b'x'], [], 0, ('host', 1))
attempt(a.sendmsg, [b'x'], [], 0, None, 5)
attempt(a.recvmsg)
attempt(a.recvmsg, -1)
attempt(a.recvmsg, 1, -1)
attempt(a.recvmsg, 1, 2**31)
attempt(a.recvmsg, 1.0)
attempt(a.recvmsg, 1, 0, 0, 0)
a.close()
b.close()

names = socket.if_nameindex()
print(type(names).__name__, all(type(i) is int and type(n) is str for i, n in names))
lo = [i for i, n in names if n == 'lo']
print(len(lo), socket.if_nametoindex('lo') == lo[0], socket.if_indextoname(lo[0]))
print(socket.if_nametoindex(b'lo') == lo[0])
attempt(socket.if_nametoindex, 'no-such-interface')
attempt(socket.if_nametoindex, 1)
attempt(socket.if_indextoname, 0)
attempt(socket.if_indextoname, -1)
attempt(socket.if_indextoname, 'a')
attempt(socket.if_indextoname, 2**64)
attempt(socket.if_nameindex, 1)

print(socket.IPPROTO_UDPLITE, socket.UDPLITE_SEND_CSCOV, socket.UDPLITE_RECV_CSCOV)
print(socket.AF_VSOCK, socket.VMADDR_CID_ANY, socket.VMADDR_PORT_ANY, socket.VMADDR_CID_HOST,
      socket.SO_VM_SOCKETS_BUFFER_SIZE, socket.IOCTL_VM_SOCKETS_GET_LOCAL_CID)
print(socket.IPV6_RECVHOPLIMIT, socket.IPV6_HOPLIMIT, socket.IPV6_RECVTCLASS, socket.IPV6_TCLASS)
