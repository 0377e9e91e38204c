# HZ (RFC 1843): encoding, the ~ escapes and their errors, incremental state, the whole GB2312 table
import codecs, hashlib
def p(b, errors='strict'):
    try: return repr(b.decode('hz', errors))
    except UnicodeDecodeError as e: return (e.start, e.end, e.reason)
for s in ['a~b', '中文', '中\n文', 'a中b', '中~', '\x80', 'é', '中a中', '中\u0100文', '~~~']:
    for errors in ['strict', 'replace', 'xmlcharrefreplace']:
        try: print(repr(s), s.encode('hz', errors))
        except UnicodeError as e: print(e)
for b in [b'~{VP~}', b'~~', b'~\n', b'~x', b'~', b'~{VP', b'~{V', b'~{VP\n', b'~{\x80', b'\x80', b'~{V\x20', b'~{~~', b'~{~\n', b'~{~}', b'~{~x', b'~{\n', b'~{\x7f\x7f', b'~{!!', b'~{~{', b'~}', b'~{VP~}~}', b'a~\nb~{VPND~}c']:
    print(b, p(b), p(b, 'replace'), p(b, 'backslashreplace'))
d = codecs.getincrementaldecoder('hz')(); print(d.decode(b'~{'), d.getstate(), d.decode(b'V'), d.getstate(), d.decode(b'P~'), d.getstate(), d.decode(b'}', True))
e = codecs.getincrementalencoder('hz')(); print(e.encode('中'), e.getstate(), e.encode('', True), e.getstate())
s = ''.join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
enc = s.encode('hz', 'ignore')
print(len(enc), hashlib.md5(enc).hexdigest())
codes = b'~{' + bytes(x for a in range(0x20, 0x80) for b in range(0x20, 0x80) if a != 0x7e and b != 0x7e for x in (a, b))
dec = codes.decode('hz', 'backslashreplace')
print(len(dec), hashlib.md5(dec.encode()).hexdigest())
