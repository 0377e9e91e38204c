# Lib/base64.py over binascii and struct: standard, urlsafe, base32, base85/a85 (not b16decode: it needs bytes patterns in re; not encodebytes/decodebytes: memoryview)
import base64

raw = b'pvm runs CPython bytecode \x00\xff\xfe'
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                 (base64.b32encode, base64.b32decode), (base64.b85encode, base64.b85decode), (base64.a85encode, base64.a85decode),
                 (base64.b32hexencode, base64.b32hexdecode)]:
    e = enc(raw)
    print(enc.__name__, e, dec(e) == raw)
print(base64.b64encode(b'ab?>', altchars=b'-_'), base64.b64decode('YWI_Pg==', altchars='-_'))
print(base64.standard_b64decode(b'YWJj'), base64.a85encode(b'hello', wrapcol=4, adobe=True))
try:
    base64.b64decode(b'YWJjZ', validate=True)
except Exception as e:
    print(type(e).__name__, e)
print(base64.b16encode(raw))
