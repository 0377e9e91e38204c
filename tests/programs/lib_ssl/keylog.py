# SSLContext.keylog_filename: TLS secrets appended to a file (the format
# Wireshark reads), a header line first; None stops it.  The labels are
# deterministic, the secrets are not.
import os
import ssl
import tempfile

HERE = '/usr/lib/python3.11/test'
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(HERE, 'keycert3.pem'))
client_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
client_ctx.load_verify_locations(os.path.join(HERE, 'pycacert.pem'))

def handshake():
    c_in, c_out, s_in, s_out = (ssl.MemoryBIO() for _ in range(4))
    client = client_ctx.wrap_bio(c_in, c_out, server_hostname='localhost')
    server = server_ctx.wrap_bio(s_in, s_out, server_side=True)
    for _ in range(10):
        for obj in (client, server):
            try:
                obj.do_handshake()
            except ssl.SSLWantReadError:
                pass
        s_in.write(c_out.read())
        c_in.write(s_out.read())
    return client.version()

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'keys.log')
    print(client_ctx.keylog_filename)
    client_ctx.keylog_filename = path
    print(client_ctx.keylog_filename == path, os.path.exists(path))
    print(handshake())
    client_ctx.keylog_filename = None
    print(handshake())
    with open(path) as f:
        lines = f.read().splitlines()
    print(lines[0])
    print(sorted(line.split()[0] for line in lines[1:]))
    for bad in (d, 1):
        try:
            client_ctx.keylog_filename = bad
        except (OSError, TypeError) as e:
            print(type(e).__name__)
