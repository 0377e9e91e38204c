# Certificates as dicts (_ssl._test_decode_cert, the dict getpeercert()
# returns): names, alternative names of every kind, serial numbers, dates,
# OCSP / CA issuers / CRL distribution points, and what cannot be read.
import _ssl
import os
import pprint
import ssl

HERE = '/usr/lib/python3.11/test'
for name in ('keycert.pem', 'keycert3.pem', 'pycacert.pem', 'nullbytecert.pem',
             'allsans.pem', 'idnsans.pem', 'talos-2019-0758.pem', 'nosan.pem',
             'keycertecc.pem', 'nokia.pem'):
    print('==', name)
    pprint.pprint(_ssl._test_decode_cert(os.path.join(HERE, name)))
for bad in ('/nonexistent.pem', os.path.join(HERE, 'nullcert.pem'), os.path.join(HERE, 'badcert.pem')):
    try:
        _ssl._test_decode_cert(bad)
    except ssl.SSLError as e:
        print(type(e).__name__, e.args)
cert = _ssl._test_decode_cert(os.path.join(HERE, 'keycert3.pem'))
print(ssl.cert_time_to_seconds(cert['notBefore']))
