# A socket's timeout governs TLS as it does plain I/O: a handshake or a
# read the peer never answers times out (TimeoutError, CPython's words); a
# non-blocking socket raises SSLWantReadError and completes on retry.
import os
import select
import socket
import ssl
import threading

HERE = '/usr/lib/python3.11/test'
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(HERE, 'keycert3.pem'))
client_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
client_ctx.load_verify_locations(os.path.join(HERE, 'pycacert.pem'))

# A handshake nobody answers.
a, b = socket.socketpair()
a.settimeout(0.2)
try:
    client_ctx.wrap_socket(a, server_hostname='localhost')
except TimeoutError as e:
    print('handshake', type(e).__name__, e)
a.close()
b.close()

# A read nobody answers, after a good handshake.
a, b = socket.socketpair()
done = threading.Event()

def serve(sock, reply):
    with server_ctx.wrap_socket(sock, server_side=True) as s:
        data = s.recv(100)
        if reply:
            s.sendall(data[::-1])
        done.wait(5)

t = threading.Thread(target=serve, args=(b, False))
t.start()
c = client_ctx.wrap_socket(a, server_hostname='localhost')
c.settimeout(0.2)
c.sendall(b'ping')
try:
    c.recv(100)
except TimeoutError as e:
    print('read', type(e).__name__, e)
print('timeout', c.gettimeout())
done.set()
t.join()
c.close()

# Non-blocking: want-read until the other side has spoken.  The server
# starts after the client's first attempt, which therefore always wants
# to read (started before, it might answer within that attempt).
done.clear()
a, b = socket.socketpair()
t = threading.Thread(target=serve, args=(b, True))
a.setblocking(False)
c = client_ctx.wrap_socket(a, server_hostname='localhost', do_handshake_on_connect=False)
wants = set()
try:
    c.do_handshake()
except ssl.SSLWantReadError as e:
    wants.add((type(e).__name__, e.args[0], str(e)))
t.start()
while True:
    try:
        c.do_handshake()
        break
    except ssl.SSLWantReadError as e:
        wants.add((type(e).__name__, e.args[0], str(e)))
        select.select([c], [], [], 5)
    except ssl.SSLWantWriteError:
        select.select([], [c], [], 5)
print('handshake done', sorted(wants), c.version())
c.send(b'pong')
while True:
    try:
        print('reply', c.recv(100))
        break
    except ssl.SSLWantReadError:
        select.select([c], [], [], 5)
done.set()
t.join()
c.close()
