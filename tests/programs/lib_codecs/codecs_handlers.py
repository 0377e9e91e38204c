# codecs: the standard error handlers on str.encode / bytes.decode (utf-8, ascii, latin-1, utf-16/32), custom handlers, bad handler answers
import codecs

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

text = 'a\xe9\u20ac\U0001f600\udcff\ud800z'
for enc in ['ascii', 'latin-1', 'utf-8', 'utf-16-le', 'utf-32-be', 'UTF8', 'iso8859_1']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
                'surrogateescape', 'surrogatepass']:
        attempt(lambda: text.encode(enc, err))

data = b'a\xff\xc3\xa9\xed\xa0\x80\xe2\x82z\x80'
for enc in ['ascii', 'latin-1', 'utf-8', 'utf-16', 'utf-32']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape',
                'surrogatepass']:
        attempt(lambda: data.decode(enc, err))

# round trips
for b in [b'\xff\xfe\x80abc', bytes(range(128, 256))]:
    s = b.decode('utf-8', 'surrogateescape')
    print(ascii(s), s.encode('utf-8', 'surrogateescape') == b)
print(ascii('\ud800\udfff'.encode('utf-8', 'surrogatepass').decode('utf-8', 'surrogatepass')))
print('\ud800'.encode('utf-16-be', 'surrogatepass'), ascii(b'\x00\xd8'.decode('utf-16-le', 'surrogatepass')))
print('\udc80'.encode('utf-32', 'surrogatepass'))

# handlers that are not for this kind of error
attempt(lambda: b'\xff'.decode('ascii', 'xmlcharrefreplace'))
attempt(lambda: codecs.xmlcharrefreplace_errors(UnicodeDecodeError('a', b'x', 0, 1, 'r')))
attempt(lambda: codecs.replace_errors(ValueError('x')))
attempt(lambda: codecs.strict_errors(42))
attempt(lambda: codecs.ignore_errors(UnicodeTranslateError('abc', 1, 2, 'r')))
attempt(lambda: codecs.replace_errors(UnicodeTranslateError('abc', 1, 3, 'r')))
attempt(lambda: codecs.backslashreplace_errors(UnicodeTranslateError('a\u1234c', 1, 3, 'r')))
attempt(lambda: codecs.backslashreplace_errors(UnicodeDecodeError('x', b'a\xffb', 1, 3, 'r')))
attempt(lambda: codecs.lookup_error('surrogateescape')(UnicodeDecodeError('x', b'a\xff\x41', 1, 3, 'r')))
attempt(lambda: codecs.lookup_error('surrogateescape')(UnicodeDecodeError('x', b'a\x41\xff', 1, 3, 'r')))
attempt(lambda: codecs.lookup_error('surrogatepass')(UnicodeEncodeError('latin-1', '\ud800', 0, 1, 'r')))
attempt(lambda: codecs.replace_errors(UnicodeEncodeError('ascii', 'abc', -5, 99, 'r')))
print(codecs.lookup_error('strict'), codecs.lookup_error('surrogateescape').__name__)
attempt(lambda: codecs.lookup_error('nope'))
attempt(lambda: 'x\xff'.encode('ascii', 'nope'))
attempt(lambda: codecs.register_error('x', 42))

# custom handlers
def star(exc):
    print('  handler:', type(exc).__name__, exc.encoding, exc.start, exc.end, exc.reason)
    return ('*' * (exc.end - exc.start), exc.end)
codecs.register_error('star', star)
attempt(lambda: 'a\xe9\xe8b\u20ac'.encode('ascii', 'star'))
attempt(lambda: b'a\xe9\xe8b'.decode('ascii', 'star'))
attempt(lambda: b'a\xe9\xe8b'.decode('utf-8', 'star'))
attempt(lambda: '\udcff'.encode('utf-16', 'star'))

codecs.register_error('tobytes', lambda e: (b'<%d>' % e.start, e.end))
attempt(lambda: 'a\xe9b'.encode('ascii', 'tobytes'))
attempt(lambda: 'a\udc00b'.encode('utf-16-le', 'tobytes'))
codecs.register_error('nonascii', lambda e: ('\xe9', e.end))
attempt(lambda: 'a\u20acb'.encode('ascii', 'nonascii'))
attempt(lambda: 'a\u20acb'.encode('latin-1', 'nonascii'))
codecs.register_error('neg', lambda e: ('[', -1))
attempt(lambda: 'ab\xe9cd'.encode('ascii', 'neg'))
codecs.register_error('far', lambda e: ('', 100))
attempt(lambda: 'ab\xe9cd'.encode('ascii', 'far'))
attempt(lambda: b'ab\xffcd'.decode('ascii', 'far'))
codecs.register_error('bad1', lambda e: 'x')
attempt(lambda: 'ab\xe9cd'.encode('ascii', 'bad1'))
attempt(lambda: b'ab\xe9cd'.decode('ascii', 'bad1'))
codecs.register_error('bad2', lambda e: (1, 2))
attempt(lambda: 'ab\xe9cd'.encode('ascii', 'bad2'))
codecs.register_error('bad3', lambda e: (b'x', 2))
attempt(lambda: b'ab\xe9cd'.decode('ascii', 'bad3'))
codecs.register_error('raises', lambda e: 1 / 0)
attempt(lambda: b'ab\xe9cd'.decode('ascii', 'raises'))

# the other entry points: str(b, enc, errors), bytearray.decode, keywords, argument errors
print(str(b'a\xffb', 'utf-8', 'replace'), str(b'a\xffb', errors='ignore'), str(b'a\xffb', encoding='latin-1'))
print(bytearray(b'a\xffb').decode('ascii', 'backslashreplace'), bytearray(b'\xe9').decode(errors='surrogateescape') == '\udce9')
print(b'\x80abc'.decode(encoding='cp1252', errors='strict'), 'x\u20ac'.encode(errors='xmlcharrefreplace', encoding='ascii'))
print(bytearray('\u20ac', 'cp1252'), bytes('\u20ac\xff', 'ascii', 'replace'))
attempt(lambda: str(b'\xff', 'utf-8'))
attempt(lambda: str('x', 'utf-8'))
attempt(lambda: b'x'.decode(1))
attempt(lambda: b'x'.decode('utf-8', 1))
attempt(lambda: b'x'.decode(None))
attempt(lambda: str(b'x', None))
attempt(lambda: 'x'.encode(None))
attempt(lambda: 'x'.encode('utf-8', errors=2))
attempt(lambda: b'x'.decode('no-such-codec'))
attempt(lambda: bytes('x', 'no-such-codec'))
