# codecs: the _codecs functions directly — utf-7/16/32 with final=False, escape codecs, charmap tables and EncodingMap, argument errors
import _codecs as C
import warnings
warnings.simplefilter('ignore', DeprecationWarning)

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(sorted(n for n in dir(C) if not n.startswith('__')))

for b in [b'a\\', b'\\\\u0041', b'\\\\\\u0041', b'\\u00', b'\\U00110000', b'x\\uqq', b'\\x41\\u0042']:
    for final in (True, False):
        attempt(lambda: C.raw_unicode_escape_decode(b, 'strict', final))
for b in [b'\\q', b'\\x4', b'\\777', b'\\', b'a\\x4g', b'\\101\\n\\t\\\n', b'\\x4\\x41']:
    for err in ('strict', 'replace', 'ignore', 'backslashreplace'):
        attempt(lambda: C.escape_decode(b, err))
for b in [b'\\q', b'\\x4', b'\\777', b'\\', b'\\101\\a\\\n', b'\\U00110000', b'\\u12x4', b'\\N', b'\\N{', b'\\Nx']:
    for final in (True, False):
        attempt(lambda: C.unicode_escape_decode(b, 'strict', final))
    attempt(lambda: C.unicode_escape_decode(b, 'replace'))
attempt(lambda: C.unicode_escape_decode('\\u20ac str input'))
attempt(lambda: C.escape_decode('str \\x41'))

for b in [b'+AGEAZQ-', b'+AGE', b'+-', b'+!', b'a~b', b'+AGEA', b'+2D3cAA-', b'+2D3cAA', b'+2D0-',
          b'+AG-x', b'\xe9', b'a+AGEAZQ']:
    for final in (True, False):
        attempt(lambda: C.utf_7_decode(b, 'strict', final))
    attempt(lambda: C.utf_7_decode(b, 'replace', True))
print(C.utf_7_encode('a+b~\\c \t\n\u20ac\U0001f600-x!\ud800A'))
print(C.utf_7_encode('\xe9a'), C.utf_7_encode('\xe9-'), C.utf_7_encode('\xe9.'), C.utf_7_encode(''))

for b in [b'\xff\xfea\x00', b'a\x00\x00\xd8', b'a\x00\x00\xdc', b'\x00\xd8a\x00', b'a\x00b',
          b'\x00\xd8a', b'=\xd8\x00\xde', b'']:
    for final in (True, False):
        attempt(lambda: C.utf_16_le_decode(b, 'strict', final))
    attempt(lambda: C.utf_16_le_decode(b, 'replace', True))
    attempt(lambda: C.utf_16_be_decode(b, 'backslashreplace', True))
for b in [b'a\x00\x00\x00\x00\x00\x11\x00', b'\x00\xd8\x00\x00', b'a\x00\x00', b'\xff\xfe\x00\x00']:
    for final in (True, False):
        attempt(lambda: C.utf_32_le_decode(b, 'strict', final))
    attempt(lambda: C.utf_32_decode(b, 'replace', True))
print(C.utf_16_ex_decode(b'\xfe\xff\x00a', 'strict', 0, True), C.utf_16_ex_decode(b'\x00a', 'strict', 0, True))
print(C.utf_16_ex_decode(b'a', 'strict', 0, False), C.utf_16_ex_decode(b'\xff\xfe', 'strict', 1, True))
print(C.utf_32_ex_decode(b'\x00\x00\xfe\xff\x00\x00\x00a', 'strict', 0, True))
print(C.utf_16_encode('a\U0001f600', None, 1), C.utf_16_encode('a', None, -1), C.utf_32_encode('a', 'strict', 0))
print(C.utf_16_be_encode('\ud800', 'surrogatepass'), C.utf_32_le_encode('x\udcffy', 'replace'))
print(C.utf_8_encode('a\ud800b', 'surrogatepass'), C.ascii_decode(b'ab\xffc', 'replace'))
print(C.latin_1_encode('\xff\u0100', 'replace'), C.latin_1_decode(bytearray(b'\xe9')), C.ascii_encode('abc'))

attempt(lambda: C.utf_8_decode('x'))
attempt(lambda: C.utf_8_decode(42))
attempt(lambda: C.utf_8_encode(b'x'))
attempt(lambda: C.utf_8_encode('x', 1))
attempt(lambda: C.utf_8_encode('x', None, 3))
attempt(lambda: C.utf_8_encode(str='x'))
attempt(lambda: C.utf_8_encode())
attempt(lambda: C.utf_8_decode(b'x', 'strict', 'x'))
print(C.utf_8_decode(b'x', 'strict', 5), C.utf_8_decode(memoryview(b'\xc3\xa9')))
attempt(lambda: C.lookup(1))
attempt(lambda: C.lookup_error(1))
attempt(lambda: C.encode())
attempt(lambda: C.encode('x', 1))

print(C.escape_encode(b'\\\'"\t\n\r\x00\x7f\xff a'))
attempt(lambda: C.escape_encode('str'))
print(C.unicode_escape_encode('\\\'"\t\n\r\x00\x7f\xff a\u20ac\U0001f600\ud800'))
print(C.raw_unicode_escape_encode('\\\'"\t\n\r\x00\x7f\xff a\u20ac\U0001f600\ud800'))
print(C.readbuffer_encode('a\xe9'), C.readbuffer_encode(bytearray(b'xy')), C.readbuffer_encode(b''))

m = C.charmap_build('\x00bc?' + '\ufffe' * 252)
print(type(m).__name__, m.size())
print(C.charmap_encode('bcb?', 'strict', m))
for err in ['strict', 'replace', 'ignore', 'xmlcharrefreplace', 'backslashreplace']:
    attempt(lambda: C.charmap_encode('bzz\u1234c', err, m))
print(C.charmap_build('ab'), C.charmap_build('\x01bc' + '\ufffe' * 253) == {1: 0, 98: 1, 99: 2, 0xfffe: 255})
print(type(C.charmap_build('\x00' + ''.join(chr(0x100 * i + 1) for i in range(1, 256)))).__name__)
print(C.charmap_build(''.join(map(chr, range(256)))).size(), len(C.charmap_build('\x00\U00010000' + 'x' * 300)))
attempt(lambda: C.charmap_build(''))
attempt(lambda: C.charmap_build(b'x'))
print(C.charmap_decode(b'\x00\x01\x02', 'strict', 'abc'))
for err in ['strict', 'replace', 'ignore', 'backslashreplace']:
    attempt(lambda: C.charmap_decode(b'\x00\x05\x02', err, 'abc'))
    attempt(lambda: C.charmap_decode(b'\x00\x01', err, 'a\ufffe'))
print(C.charmap_decode(b'\x00\x01\x02\x03', 'replace', {0: 'xy', 1: 0x41, 2: None}))
for mp in [{0: -1}, {0: 1.5}, {0: 0x110000}, {0: 0xfffe}, {0: '\ufffe'}, {0: ''}]:
    attempt(lambda: C.charmap_decode(b'\x00', 'strict', mp))
print(C.charmap_encode('ab', 'replace', {97: 1, 98: b'zz', 63: 7}))
for mp in [{97: 300}, {97: 'x'}, {}, {97: None}]:
    attempt(lambda: C.charmap_encode('a', 'strict', mp))
attempt(lambda: C.charmap_encode('ab', 'replace', {97: 1}))
print(C.charmap_decode(b'ab'), C.charmap_encode('ab'), C.charmap_decode(b'\xff', None, None))

# a handler that sends the decoder back into the input it reported
import codecs
codecs.register_error('skip1', lambda e: ('<%d-%d>' % (e.start, e.end), e.start + 1))
for b in [b'a+AGE', b'x+2D3c', b'ab\xffc']:
    print(C.utf_7_decode(b, 'skip1', True), C.utf_8_decode(b, 'skip1', True))
print(C.utf_16_le_decode(b'a\x00\x00\xdcb', 'skip1', True), C.charmap_decode(b'\x00\x05\x02', 'skip1', 'abc'))
