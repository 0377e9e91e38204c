# import ssl works over pvm's _ssl: the constants and enums Lib/ssl.py
# builds from it, the error classes, and the module-level helpers.
import _ssl
import ssl

print(ssl.OPENSSL_VERSION_INFO[:2] >= (1, 1), type(ssl.OPENSSL_VERSION_NUMBER).__name__)
print(ssl.OPENSSL_VERSION.startswith('OpenSSL'))
print([n for n in dir(_ssl) if n.startswith(('PROTOCOL_', 'CERT_', 'VERIFY_', 'HAS_'))])
for enum in (ssl.Options, ssl.AlertDescription, ssl.SSLErrorNumber, ssl.VerifyFlags,
             ssl.VerifyMode, ssl._SSLMethod, ssl.TLSVersion):
    print(enum.__name__, [(m.name, m.value) for m in enum])
print('HOSTFLAG', sorted((k, v) for k, v in vars(_ssl).items() if k.startswith('HOSTFLAG_')))
print('ENCODING', _ssl.ENCODING_PEM, _ssl.ENCODING_DER)
print('HAS', ssl.HAS_SNI, ssl.HAS_ALPN, ssl.HAS_NPN, ssl.HAS_TLSv1_3, ssl.HAS_SSLv2)

for cls in (ssl.SSLError, ssl.SSLZeroReturnError, ssl.SSLWantReadError,
            ssl.SSLWantWriteError, ssl.SSLSyscallError, ssl.SSLEOFError,
            ssl.SSLCertVerificationError, ssl.CertificateError):
    print(cls.__module__, cls.__qualname__, [b.__name__ for b in cls.__mro__[1:]])
e = ssl.SSLError(1, 'some message')
print(str(e), e.args, e.errno, e.strerror)
print(str(ssl.SSLError('just one')), repr(ssl.SSLError()))
print(str(ssl.SSLZeroReturnError(6, 'closed')))

print(_ssl.txt2obj('1.3.6.1.5.5.7.3.1'))
print(_ssl.txt2obj('serverAuth', name=True))
print(_ssl.nid2obj(129), ssl.Purpose.SERVER_AUTH, ssl.Purpose.CLIENT_AUTH.oid)
for bad in (lambda: _ssl.txt2obj('serverAuth'), lambda: _ssl.nid2obj(-1),
            lambda: _ssl.nid2obj(100000), lambda: ssl._ASN1Object.fromname('nope')):
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)

print(ssl.RAND_status(), len(ssl.RAND_bytes(16)), type(ssl.RAND_bytes(0)))
print(ssl.RAND_add('entropy', 1.0), ssl.RAND_add(b'more', 0.5))
try:
    ssl.RAND_bytes(-1)
except ValueError as e:
    print('ValueError', e)
paths = ssl.get_default_verify_paths()
print(type(paths).__name__, paths.openssl_cafile_env, paths.openssl_capath_env)
print(_ssl.get_default_verify_paths()[0::2])
print(_ssl.err_codes_to_names[(20, 134)], _ssl.lib_codes_to_names[9],
      _ssl.err_names_to_codes['CERTIFICATE_VERIFY_FAILED'])
print(ssl.DER_cert_to_PEM_cert(b'abc'))
print(ssl.PEM_cert_to_DER_cert(ssl.DER_cert_to_PEM_cert(b'abc')))
bio = ssl.MemoryBIO()
print(bio.pending, bio.eof, bio.write(b'hello'), bio.pending, bio.read(2), bio.read(), bio.read())
bio.write_eof()
print(bio.eof)
try:
    bio.write(b'x')
except ssl.SSLError as e:
    print('SSLError', e)
for f in (lambda: _ssl.SSLSession(), lambda: ssl.MemoryBIO(1), lambda: ssl.MemoryBIO(a=1)):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
