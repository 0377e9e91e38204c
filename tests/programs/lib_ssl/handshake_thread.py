# A TLS client and server in one process over socket.socketpair(): the
# server in a thread, the client verifying keycert3.pem (signed by
# pycacert.pem, for "localhost") — handshake, data both ways, ALPN, the
# peer's certificate, then unwrap back to the plain socket.
import os
import socket
import ssl
import threading

HERE = '/usr/lib/python3.11/test'
CERT = os.path.join(HERE, 'keycert3.pem')
CA = os.path.join(HERE, 'pycacert.pem')

server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(CERT)
server_ctx.set_alpn_protocols(['h2', 'http/1.1'])

client_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
client_ctx.load_verify_locations(CA)
client_ctx.set_alpn_protocols(['http/1.1'])

a, b = socket.socketpair()
log = []

def serve():
    with server_ctx.wrap_socket(b, server_side=True) as s:
        log.append(('server version', s.version()))
        log.append(('server alpn', s.selected_alpn_protocol()))
        log.append(('server peercert', s.getpeercert()))
        data = s.recv(1024)
        s.sendall(data.upper())
        log.append(('server got', data))
        plain = s.unwrap()
        log.append(('server unwrapped', type(plain).__name__))
        log.append(('after unwrap', plain.recv(100)))
        plain.close()

t = threading.Thread(target=serve)
t.start()
c = client_ctx.wrap_socket(a, server_hostname='localhost')
print('version', c.version())
print('cipher protocol', c.cipher()[1], c.cipher()[2])
print('alpn', c.selected_alpn_protocol())
print('compression', c.compression())
print('server_side', c.server_side, 'hostname', c.server_hostname)
cert = c.getpeercert()
print('subject', cert['subject'])
print('issuer', dict(x[0] for x in cert['issuer']))
print('san', cert.get('subjectAltName'))
print('notAfter', cert['notAfter'])
der = c.getpeercert(binary_form=True)
print('der', type(der).__name__, ssl.DER_cert_to_PEM_cert(der).splitlines()[0])
print('tls-unique', len(c.get_channel_binding()))
chain = c._sslobj.get_verified_chain()
unverified = c._sslobj.get_unverified_chain()
print('chain', chain, len(unverified), chain[0] == unverified[0], chain[0] != chain[1])
print('chain hash', hash(chain[0]) == hash(unverified[0]), hash(chain[0]) != hash(chain[1]))
print('chain info', chain[1].get_info()['subject'])
print('chain pem', chain[0].public_bytes().splitlines()[0], chain[0].public_bytes(ssl._ssl.ENCODING_DER) == der)
try:
    chain[0].public_bytes(7)
except ValueError as e:
    print('ValueError', e)
print('pending', c.pending())
c.sendall(b'hello tls')
print('reply', c.recv(1024))
plain = c.unwrap()
plain.sendall(b'in the clear')
t.join()
plain.close()
for entry in log:
    print(*entry)
