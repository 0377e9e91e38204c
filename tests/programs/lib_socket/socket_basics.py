# _socket: socketpair, TCP and UDP over loopback, AF_UNIX paths, timeouts and non-blocking mode, getaddrinfo, address conversions, errors, a subclass with __slots__ as socket.py makes.
import _socket as socket
import errno, posix

a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.proto)
a.sendall(b'hello')
print(b.recv(10))
b.send(b'xyz')
print(a.recv(2), a.recv(10))
print(a.getsockname(), a.gettimeout(), a.getblocking(), a.timeout)
a.settimeout(0.05)
try:
    a.recv(1)
except TimeoutError as e:
    print('timeout:', e, type(e).__name__, socket.timeout is TimeoutError)
print(a.gettimeout(), a.getblocking())
a.setblocking(False)
try:
    a.recv(1)
except BlockingIOError as e:
    print('would block', e.errno == errno.EAGAIN)
buf = bytearray(8)
b.send(b'into')
a.setblocking(True)
print(a.recv_into(buf), buf)
a.close()
print(b.recv(10), a.fileno())
try:
    a.recv(1)
except OSError as e:
    print(e)

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(('127.0.0.1', 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0)
cli = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
cli.settimeout(5)
cli.connect(('127.0.0.1', port))
fd, addr = srv._accept()
conn = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, fd)
cli.sendall(b'ping' * 1000)
got = b''
while len(got) < 4000:
    got += conn.recv(4096)
print(len(got))
conn.sendall(b'pong')
print(cli.recv(4), addr[0], conn.getpeername()[0], cli.getpeername() == (host, port))
conn.shutdown(socket.SHUT_WR)
print(cli.recv(10))
for s in (conn, cli, srv):
    s.close()

u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(('127.0.0.1', 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(u2.sendto(b'dgram', u1.getsockname()))
data, frm = u1.recvfrom(100)
print(data, frm[0])
u1.close(); u2.close()

path = '/tmp/pvm_sock_%d' % posix.getpid()
us = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
us.bind(path)
us.listen(1)
print(us.getsockname() == path)
uc = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
uc.connect(path)
fd, addr = us._accept()
print(repr(addr))
posix.close(fd); uc.close(); us.close(); posix.unlink(path)

probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
probe.bind(('127.0.0.1', 0))
free_port = probe.getsockname()[1]
probe.close()
c = socket.socket()
print(c.connect_ex(('127.0.0.1', free_port)) == errno.ECONNREFUSED)
c.close()

print(socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo(None, '80', socket.AF_INET, socket.SOCK_DGRAM, 0, socket.AI_PASSIVE))
try:
    socket.getaddrinfo('not an address', 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print('gaierror', e.errno == socket.EAI_NONAME, issubclass(socket.gaierror, OSError))
print(socket.inet_aton('1.2.3.4'), socket.inet_ntoa(b'\x7f\x00\x00\x01'))
print(socket.inet_pton(socket.AF_INET6, '::1'), socket.inet_ntop(socket.AF_INET6, b'\x00' * 15 + b'\x01'))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(1))
print(socket.gethostbyname('127.0.0.1'), type(socket.gethostname()))
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(s.gettimeout(), s.getblocking())
socket.setdefaulttimeout(None)
s.close()
for bad in [lambda: socket.socket().bind(('127.0.0.1',)), lambda: socket.socket().bind('x'),
            lambda: socket.socket().bind(('127.0.0.1', 70000)), lambda: socket.htons(-1),
            lambda: socket.htons(70000), lambda: socket.inet_aton('x'),
            lambda: socket.socket().settimeout(-1), lambda: socket.socket().recv(-1),
            lambda: socket.inet_ntop(socket.AF_INET, b'123')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

class Sub(socket.socket):
    __slots__ = ['__weakref__', '_extra']
    def __init__(self, *args):
        socket.socket.__init__(self, *args)
        self._extra = 'sub'
x = Sub(socket.AF_INET, socket.SOCK_DGRAM)
print(x._extra, x.type == socket.SOCK_DGRAM, repr(x)[:16], socket.SocketType is socket.socket)
x.close()
