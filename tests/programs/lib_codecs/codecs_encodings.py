# codecs: Lib/codecs.py and Lib/encodings on _codecs — lookup, CodecInfo, table codecs (cp1252, koi8_r, cp437), utf-16/32 BOMs, incremental coders, idna, non-text codecs
import codecs

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for name in ['UTF-8', 'utf8', 'latin_1', 'cp1252', 'Windows_1252', 'koi8_r', 'cp437', 'utf-16',
             'utf_32_be', 'ascii', 'u8', 'mac-roman', 'unicode_escape']:
    info = codecs.lookup(name)
    print(name, '->', info.name, type(info).__name__, isinstance(info, tuple), len(info))
attempt(lambda: codecs.lookup('no-such-codec'))
attempt(lambda: codecs.lookup(b'utf-8'))

text = 'Привет, мир! café €5 ½'
for enc in ['cp1252', 'koi8_r', 'cp437', 'iso8859_5', 'mac_roman', 'cp866', 'utf-16', 'utf-32',
            'utf-16-be', 'utf-7', 'unicode_escape', 'raw_unicode_escape']:
    try:
        b = text.encode(enc)
        print(enc, b, b.decode(enc) == text)
    except UnicodeEncodeError as e:
        print(enc, 'UnicodeEncodeError:', e)
        print('   ', text.encode(enc, 'replace'), text.encode(enc, 'xmlcharrefreplace'))
        print('   ', text.encode(enc, 'backslashreplace'))

print('╔═╗ ░▒▓ αß'.encode('cp437'))
print(b'\xd0\xd2\xc9\xd7\xc5\xd4'.decode('koi8_r'), str(b'\xc9\xc4\xc5', 'koi8_r'))
print(b'\x80\x81\x8d\x9f'.decode('cp1252', 'replace'), b'\x80\x81'.decode('cp1252', 'backslashreplace'))
attempt(lambda: b'\x80\x81'.decode('cp1252'))
attempt(lambda: '\u0100'.encode('cp1252'))
print(bytearray(b'caf\xe9').decode('latin-1'), str(bytearray(b'\xff'), 'cp1252'))

# BOMs
for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'utf-8-sig']:
    b = 'a\U0001f600'.encode(enc)
    print(enc, b, ascii(b.decode(enc)))
print(ascii(b'\xfe\xff\x00a'.decode('utf-16')), ascii(b'\x00\x00\xfe\xff\x00\x00\x00a'.decode('utf-32')))
print(ascii(b'\xef\xbb\xbfabc'.decode('utf-8-sig')), ascii(b'\xef\xbb\xbfabc'.decode('utf-8')))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)

# incremental decoding: input split anywhere
data = 'h\xe9llo \u20ac \U0001f600!'.encode('utf-8')
for enc, payload in [('utf-8', data), ('utf-16', 'h\xe9 \U0001f600'.encode('utf-16')),
                     ('utf-32', 'h\xe9 \U0001f600'.encode('utf-32')),
                     ('utf-7', 'h\xe9 \U0001f600 +'.encode('utf-7')),
                     ('utf-8-sig', b'\xef\xbb\xbf' + data),
                     ('unicode_escape', b'a\\u20ac\\x41\\n\\N'[:-2] + b'\\U0001f600'),
                     ('cp1252', b'caf\xe9 \x80')]:
    dec = codecs.getincrementaldecoder(enc)()
    parts = [dec.decode(payload[i:i + 1]) for i in range(len(payload))]
    parts.append(dec.decode(b'', final=True))
    print(enc, ascii(parts))
dec = codecs.getincrementaldecoder('utf-8')()
print(ascii(dec.decode(b'\xe2\x82')), dec.getstate())
attempt(lambda: dec.decode(b'', final=True))
enc = codecs.getincrementalencoder('utf-16')()
print(enc.encode('a'), enc.encode('b'), enc.encode('', final=True))

print(codecs.utf_8_decode(b'ab\xe2\x82', 'strict', False), codecs.utf_8_decode(b'ab\xe2\x82', 'replace', True))
print(codecs.utf_16_decode(b'\xff\xfea\x00b', 'strict', False), codecs.utf_16_ex_decode(b'\xfe\xff\x00a'))
print(codecs.utf_32_ex_decode(b'a\x00\x00\x00', 'strict', -1, True))

# codecs.encode / decode: text and non-text codecs
print(codecs.encode('abc', 'rot13'), codecs.decode(b'616263', 'hex'), codecs.encode(b'abc', 'hex'))
print(codecs.encode(b'hello', 'base64'), codecs.decode(b'aGVsbG8=\n', 'base64'))
print(codecs.encode('\xe9', 'latin-1'), codecs.decode(b'\xe9', 'latin-1'), codecs.encode('x'))
print(codecs.decode(codecs.encode(b'zz' * 20, 'zlib'), 'zlib'))
attempt(lambda: 'x'.encode('rot13'))
attempt(lambda: b'x'.decode('hex'))
attempt(lambda: codecs.decode(b'zz', 'hex'))
attempt(lambda: codecs.encode('x', 'no-such'))
attempt(lambda: codecs.encode(b'x', 'utf-8'))
attempt(lambda: codecs.decode('x', 'utf-8'))
attempt(lambda: codecs.encode('\xff', 'ascii'))
attempt(lambda: codecs.encode('\xff', 'ascii', errors='replace'))
attempt(lambda: codecs.encode(obj='x', encoding='utf-16-le'))

# search functions
def search(name):
    print('  search:', name)
    if name == 'my_codec':
        return codecs.CodecInfo(lambda s, e='strict': (s.upper().encode(), len(s)),
                                lambda b, e='strict': (bytes(b).decode().lower(), len(b)),
                                name='my-codec')
    if name == 'broken':
        return 42
    return None
codecs.register(search)
for name in ['  Foo--Bar__x.Y  ', '-a b-', '\xc0B', 'x\xe9y', 'utf-8']:
    attempt(lambda: codecs.lookup(name).name)
print('hi'.encode('My Codec'), b'HI'.decode('my_codec'), codecs.lookup('my-codec').name)
print('again'.encode('my codec'))
attempt(lambda: codecs.lookup('broken'))
attempt(lambda: codecs.register(42))
codecs.unregister(search)
attempt(lambda: codecs.lookup('broken'))
