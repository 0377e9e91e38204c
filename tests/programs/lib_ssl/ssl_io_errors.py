# OpenSSL errors from read, write and shutdown as the exceptions CPython raises
# (their messages end with the line of _ssl.c that raised), and bad arguments
# that must raise, not crash.
import _ssl
import socket
import ssl
HERE = '/usr/lib/python3.11/test'
cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT); cctx.check_hostname=False; cctx.verify_mode=ssl.CERT_NONE
# read error: garbage after handshake is impossible without server; use unwrap before handshake
a, b = socket.socketpair()
c = cctx.wrap_socket(a, do_handshake_on_connect=False)
try: c._sslobj.shutdown()
except Exception as e: print('shutdown', type(e).__name__, e)
b.sendall(b'\x16\x03\x01\x00\x05hello' * 3)
try: c.write(b'x')
except Exception as e: print('write', type(e).__name__, e)
a, b = socket.socketpair()
c = cctx.wrap_socket(a, do_handshake_on_connect=False)
b.sendall(b'garbage garbage garbage')
try: c.read(10)
except Exception as e: print('read', type(e).__name__, e)
for p, side in ((ssl.PROTOCOL_TLS_CLIENT, True), (ssl.PROTOCOL_TLS_SERVER, False)):
    c = ssl.SSLContext(p)
    c.check_hostname = False
    try:
        c._wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), side)
    except ssl.SSLError as e:
        print(type(e).__name__, e.args)

for f in [lambda: ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)._wrap_socket(socket.socket(), False, bytearray(b'abc')),
          lambda: ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)._wrap_socket(socket.socket(), False, b'abc'),
          lambda: ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)._wrap_socket(1, False),
          lambda: ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)._wrap_bio(1, 2, False),
          lambda: _ssl._SSLSocket.read(3, 4),
          lambda: ssl.RAND_bytes(2**40),
          lambda: ssl.MemoryBIO().read(2**62),
          lambda: ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_cert_chain('\0'),
          lambda: ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).set_ciphers('a\0b'),
          lambda: ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).get_ca_certs(5),
          lambda: setattr(ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT), 'verify_flags', -1),
          lambda: setattr(ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT), 'minimum_version', 2**70),
          lambda: setattr(ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT), 'options', 'x'),
          lambda: _ssl._test_decode_cert(3),
          lambda: _ssl.nid2obj(2**31),
          lambda: _ssl.txt2obj(3),
         ]:
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, str(e)[:80])
