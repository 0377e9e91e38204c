# Certificate verification failing, as a client sees it: an unknown CA, a
# hostname the certificate is not for, an IP address; the exception's type,
# message, verify_code and verify_message, and what the server saw.
import os
import socket
import ssl
import threading

HERE = '/usr/lib/python3.11/test'
CERT = os.path.join(HERE, 'keycert3.pem')
CA = os.path.join(HERE, 'pycacert.pem')

def attempt(label, client_ctx, hostname, server_cert=CERT):
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(server_cert)
    a, b = socket.socketpair()
    seen = []

    def serve():
        try:
            with server_ctx.wrap_socket(b, server_side=True) as s:
                seen.append(s.recv(100))
        except (ssl.SSLError, OSError) as e:
            seen.append(type(e).__name__)

    t = threading.Thread(target=serve)
    t.start()
    try:
        with client_ctx.wrap_socket(a, server_hostname=hostname) as c:
            c.sendall(b'hi')
            cert = c.getpeercert()
            print(label, 'ok', cert['subject'][-1] if cert else cert)
    except ssl.SSLCertVerificationError as e:
        print(label, type(e).__name__, isinstance(e, ValueError))
        print('   ', e)
        print('   ', e.args[0], e.library, e.reason, e.verify_code, e.verify_message)
    except ssl.SSLError as e:
        print(label, type(e).__name__, e)
    a.close()
    t.join()
    print('    server saw', seen)

unknown = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
attempt('unknown CA', unknown, 'localhost')

good = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
good.load_verify_locations(CA)
attempt('right host', good, 'localhost')
attempt('wrong host', good, 'example.org')
attempt('ip address', good, '127.0.0.1')

nocheck = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
nocheck.load_verify_locations(CA)
nocheck.check_hostname = False
attempt('no hostname check', nocheck, 'example.org')

none = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
none.check_hostname = False
none.verify_mode = ssl.CERT_NONE
attempt('CERT_NONE', none, None)

selfsigned = os.path.join(HERE, 'keycert.pem')
attempt('self-signed', good, 'localhost', selfsigned)

try:
    good.wrap_socket(socket.socket(), server_hostname='')
except ValueError as e:
    print('ValueError', e)
try:
    good.wrap_socket(socket.socket(), server_hostname='.example.org')
except ValueError as e:
    print('ValueError', e)
try:
    good.wrap_socket(socket.socket())
except ValueError as e:
    print('ValueError', e)
try:
    good.wrap_socket(socket.socket(), server_side=True, server_hostname='x')
except ValueError as e:
    print('ValueError', e)
print(ssl.match_hostname.__name__ if hasattr(ssl, 'match_hostname') else 'no match_hostname')
