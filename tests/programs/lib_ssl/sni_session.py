# The server's SNI callback (seeing the name, switching the context,
# refusing with an alert, raising), session resumption on a TLS 1.2
# client, and post-handshake client authentication in TLS 1.3.
import os
import socket
import ssl
import threading

HERE = '/usr/lib/python3.11/test'
CA = os.path.join(HERE, 'pycacert.pem')

def server_context(cert='keycert3.pem'):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(os.path.join(HERE, cert))
    return ctx

client_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
client_ctx.load_verify_locations(CA)

def connect(server_ctx, client_ctx, hostname='localhost', session=None, server_job=None):
    a, b = socket.socketpair()
    seen = []

    def serve():
        try:
            with server_ctx.wrap_socket(b, server_side=True) as s:
                if server_job:
                    server_job(s, seen)
                seen.append(s.recv(100))
                s.sendall(b'ok')
        except (ssl.SSLError, OSError) as e:
            seen.append('%s: %s' % (type(e).__name__, e))

    t = threading.Thread(target=serve)
    t.start()
    result = None
    try:
        c = client_ctx.wrap_socket(a, server_hostname=hostname, session=session)
        c.sendall(b'hi')
        c.recv(100)
        result = c
    except (ssl.SSLError, ValueError) as e:
        print('client', type(e).__name__, e)
        a.close()
    t.join()
    print('server', seen)
    return result

# SNI: the callback sees the name and may switch to another context.
names = []
other = server_context('keycert3.pem')
def sni(sslobj, name, ctx):
    names.append((type(sslobj).__name__, name, ctx is sni_ctx))
    sslobj.context = other
sni_ctx = server_context('keycert.pem')
sni_ctx.sni_callback = sni
c = connect(sni_ctx, client_ctx)
print('sni names', names, c.getpeercert()['subject'][-1])
c.close()

# set_servername_callback, the older spelling, and an alert.
refused = server_context()
refused.set_servername_callback(lambda s, name, ctx: ssl.ALERT_DESCRIPTION_ACCESS_DENIED)
connect(refused, client_ctx)
refused.sni_callback = None
print('callback cleared', refused.sni_callback)
c = connect(refused, client_ctx)
c.close()

# Sessions: a TLS 1.2 client resumes the session it was given.
tls12 = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
tls12.load_verify_locations(CA)
tls12.maximum_version = ssl.TLSVersion.TLSv1_2
server = server_context()
first = connect(server, tls12)
session = first.session
print('first', first.session_reused, first.version(), type(session).__name__,
      session.timeout > 0, session.has_ticket, session.ticket_lifetime_hint >= 0)
first.close()
second = connect(server, tls12, session=session)
print('second', second.session_reused, second.session == session)
second.close()
connect(server, client_ctx, session=session)
try:
    first.session = 'not a session'
except TypeError as e:
    print('TypeError', e)
stats = server.session_stats()
print('server stats', stats['accept'], stats['accept_good'], stats['hits'])

# Post-handshake authentication: the server asks for the client's
# certificate after the handshake.
pha_server = server_context()
pha_server.load_verify_locations(CA)
pha_server.verify_mode = ssl.CERT_OPTIONAL
pha_server.post_handshake_auth = True
pha_client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
pha_client.load_verify_locations(CA)
pha_client.load_cert_chain(os.path.join(HERE, 'keycert3.pem'))
pha_client.post_handshake_auth = True

def ask(s, seen):
    seen.append(('before', s.getpeercert()))
    s.verify_client_post_handshake()
    s.sendall(b'asked')

def pha_job(s, seen):
    ask(s, seen)
    seen.append(s.recv(100))
    seen.append(('after', s.getpeercert()['subject'][-1]))

a, b = socket.socketpair()
seen = []
t = threading.Thread(target=lambda: pha_job(pha_server.wrap_socket(b, server_side=True), seen))
t.start()
c = pha_client.wrap_socket(a, server_hostname='localhost')
print('client got', c.recv(100))
c.sendall(b'here')
t.join()
print('pha', seen)
c.close()
