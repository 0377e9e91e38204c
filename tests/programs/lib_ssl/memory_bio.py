# ssl.SSLObject over MemoryBIO pairs, no sockets and no threads: the
# bytes each side writes are moved by hand (as asyncio does), through the
# handshake, data, a session, and close_notify both ways.
import os
import ssl

HERE = '/usr/lib/python3.11/test'
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(HERE, 'keycert3.pem'))
server_ctx.set_alpn_protocols(['spam', 'eggs'])
client_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
client_ctx.load_verify_locations(os.path.join(HERE, 'pycacert.pem'))
client_ctx.set_alpn_protocols(['eggs'])
client_ctx.maximum_version = ssl.TLSVersion.TLSv1_2

c_in, c_out, s_in, s_out = (ssl.MemoryBIO() for _ in range(4))
client = client_ctx.wrap_bio(c_in, c_out, server_hostname='localhost')
server = server_ctx.wrap_bio(s_in, s_out, server_side=True)
print(type(client).__name__, client.server_side, server.server_side, client.server_hostname)
print('before', client.version(), client.cipher(), client.session_reused)
try:
    client.getpeercert()
except ValueError as e:
    print('ValueError', e)

def pump():
    moved = 0
    for src, dst in ((c_out, s_in), (s_out, c_in)):
        data = src.read()
        moved += len(data)
        dst.write(data)
    return moved

def step(obj, op, *args):
    try:
        return getattr(obj, op)(*args)
    except (ssl.SSLWantReadError, ssl.SSLWantWriteError) as e:
        return type(e).__name__

rounds = 0
while True:
    r1 = step(client, 'do_handshake')
    r2 = step(server, 'do_handshake')
    if pump() == 0 and r1 is None and r2 is None:
        break
    rounds += 1
print('handshake in', rounds, 'rounds')
print(client.version(), server.version(), client.cipher()[1], client.selected_alpn_protocol())
print('peer', client.getpeercert()['subject'][-1], server.getpeercert())
print('shared', len(server.shared_ciphers()) > 0, client.shared_ciphers() is None or True)
print('cb', client.get_channel_binding() == server.get_channel_binding(), client.get_channel_binding('tls-unique') is not None)
try:
    client.get_channel_binding('tls-exporter')
except ValueError as e:
    print('ValueError', e)
print('write', client.write(b'hello through BIOs'))
pump()
print('pending', server.pending(), server.read(5), server.pending(), server.read())
print('read nothing', step(server, 'read', 10))
buf = bytearray(10)
server.write(b'0123456789abc')
pump()
print('read into', client.read(10, buf), buf, client.read(100))
sess = client.session
print('session', type(sess).__name__, sess.has_ticket or True, len(sess.id) > 0, sess == client.session)
print('context', client.context is client_ctx, client._sslobj.owner is client)
print('unwrap client', step(client, 'unwrap'))
pump()
print('server read after close_notify', server.read(10))
print('unwrap server', step(server, 'unwrap'))
pump()
print('unwrap client again', step(client, 'unwrap'))
print('eof', c_in.eof, s_in.eof, c_in.pending, s_in.pending)
c_in.write_eof()
print('eof after write_eof', c_in.eof)
