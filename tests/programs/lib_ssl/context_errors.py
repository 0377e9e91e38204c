# _SSLContext's settings and the errors of its loaders, with CPython's
# exception types and messages (the "(_ssl.c:NNN)" ends included).
import os
import ssl
import warnings

HERE = '/usr/lib/python3.11/test'

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e.args if isinstance(e, ssl.SSLError) else e)
        for attr in ('library', 'reason', 'errno', 'strerror'):
            if hasattr(e, attr):
                print('   ', attr, getattr(e, attr))
    else:
        print(label, '=', r)

ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
show('bad ciphers', lambda: ctx.set_ciphers('NOTACIPHER'))
show('good ciphers', lambda: ctx.set_ciphers('ECDHE+AESGCM'))
print('ciphers now', sorted(c['name'] for c in ctx.get_ciphers())[:4])
show('missing cert', lambda: ctx.load_cert_chain('/nonexistent/cert.pem'))
show('not a cert', lambda: ctx.load_cert_chain(os.path.join(HERE, 'nullcert.pem')))
show('certfile type', lambda: ctx.load_cert_chain(42))
show('keyfile type', lambda: ctx.load_cert_chain(os.path.join(HERE, 'keycert.pem'), 3.5))
enc = os.path.join(HERE, 'keycert.passwd.pem')
show('no password', lambda: ctx.load_cert_chain(enc, password=''))
show('wrong password', lambda: ctx.load_cert_chain(enc, password='wrong'))
show('password type', lambda: ctx.load_cert_chain(enc, password=12))
show('right password', lambda: ctx.load_cert_chain(enc, password='somepass'))
show('password callable', lambda: ctx.load_cert_chain(enc, password=lambda: b'somepass'))
def bad_cb():
    raise KeyError('from the callback')
show('callback raises', lambda: ctx.load_cert_chain(enc, password=bad_cb))
show('callback type', lambda: ctx.load_cert_chain(enc, password=lambda: 3))
show('separate key', lambda: ctx.load_cert_chain(os.path.join(HERE, 'ssl_cert.pem'),
                                                  os.path.join(HERE, 'ssl_key.pem')))
show('mismatched key', lambda: ctx.load_cert_chain(os.path.join(HERE, 'keycert.pem'),
                                                    os.path.join(HERE, 'keycert2.pem')))

c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
show('all omitted', lambda: c.load_verify_locations())
show('missing cafile', lambda: c.load_verify_locations('/nonexistent/ca.pem'))
show('cafile not a cert', lambda: c.load_verify_locations(__file__))
show('cadata junk', lambda: c.load_verify_locations(cadata='junk'))
show('cadata empty', lambda: c.load_verify_locations(cadata=''))
show('cadata nonascii', lambda: c.load_verify_locations(cadata='caf\xe9'))
show('cadata type', lambda: c.load_verify_locations(cadata=42))
show('cadata der junk', lambda: c.load_verify_locations(cadata=b'\x30\x03abc'))
print('stats before', c.cert_store_stats())
with open(os.path.join(HERE, 'pycacert.pem')) as f:
    pem = f.read()
show('cadata pem', lambda: c.load_verify_locations(cadata=pem))
show('cadata again', lambda: c.load_verify_locations(cadata=pem))
show('cadata pem then junk', lambda: c.load_verify_locations(
    cadata=pem + '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'))
der = ssl.PEM_cert_to_DER_cert(pem[pem.index('-----BEGIN'):])
show('cadata der', lambda: c.load_verify_locations(cadata=der))
show('cadata der then junk', lambda: c.load_verify_locations(cadata=der + b'\x30\x82\x01\x00junk'))
show('capath', lambda: c.load_verify_locations(capath=os.path.join(HERE, 'capath')))
print('stats after', c.cert_store_stats())
print('ca certs', [x['subject'] for x in c.get_ca_certs()])
print('ca der', [len(x) for x in c.get_ca_certs(binary_form=True)])
print('session stats', c.session_stats())

show('verify_mode none with check_hostname', lambda: setattr(c, 'verify_mode', ssl.CERT_NONE))
c.check_hostname = False
c.verify_mode = ssl.CERT_OPTIONAL
print('verify_mode', c.verify_mode)
c.check_hostname = True
print('verify_mode after check_hostname', c.verify_mode)
show('verify_mode 7', lambda: setattr(c, 'verify_mode', 7))
c.verify_flags |= ssl.VERIFY_X509_STRICT
print('verify_flags', c.verify_flags)
c.minimum_version = ssl.TLSVersion.TLSv1_2
c.maximum_version = ssl.TLSVersion.TLSv1_3
print('versions', c.minimum_version, c.maximum_version)
show('bad version', lambda: setattr(c, 'minimum_version', 0x999))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    c.options |= ssl.OP_NO_TLSv1
    old = ssl.SSLContext(ssl.PROTOCOL_TLS)
    print('warnings', [str(x.message) for x in w])
print('OP_NO_TLSv1 set', bool(c.options & ssl.OP_NO_TLSv1))
c.options &= ~ssl.OP_NO_TICKET
print('options', c.options)
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    v1 = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)
show('fixed protocol versions', lambda: setattr(v1, 'minimum_version', ssl.TLSVersion.TLSv1_3))
show('bad protocol', lambda: ssl.SSLContext(99))
show('client sni', lambda: setattr(c, 'sni_callback', print))
show('sni not callable', lambda: setattr(ctx, 'sni_callback', 3))
show('num_tickets client', lambda: setattr(c, 'num_tickets', 1))
ctx.num_tickets = 3
print('num_tickets', ctx.num_tickets)
show('num_tickets negative', lambda: setattr(ctx, 'num_tickets', -1))
c.post_handshake_auth = True
print('pha', c.post_handshake_auth)
show('alpn', lambda: c.set_alpn_protocols(['h2', 'x' * 300]))
show('ecdh', lambda: ctx.set_ecdh_curve('prime256v1'))
show('ecdh bad', lambda: ctx.set_ecdh_curve('nope'))
show('default paths', lambda: c.set_default_verify_paths())
show('host flags', lambda: c.hostname_checks_common_name)
