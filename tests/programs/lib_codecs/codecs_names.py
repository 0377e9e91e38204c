# codecs: what needs unicodedata's names — the namereplace handler, \N{...} in unicode_escape, idna (stringprep) and punycode
import codecs

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: 'a\xe9\u20ac\U0001f600\x00\ue000z'.encode('ascii', 'namereplace'))
attempt(lambda: '\u0100\xff'.encode('latin-1', 'namereplace'))
attempt(lambda: '\ud800'.encode('utf-8', 'namereplace'))
attempt(lambda: codecs.namereplace_errors(UnicodeDecodeError('a', b'x', 0, 1, 'r')))
for b in [b'\\N{LATIN SMALL LETTER A}', b'\\N{EURO SIGN}x', b'\\N{xx}', b'\\N{', b'\\N{}', b'\\Nx',
          b'\\N{BYTE ORDER MARK}', b'\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}']:
    for final in (True, False):
        attempt(lambda: codecs.unicode_escape_decode(b, 'strict', final))
    attempt(lambda: codecs.unicode_escape_decode(b, 'replace'))
print('bücher.example'.encode('idna'), b'xn--bcher-kva.example'.decode('idna'))
print('ドメイン.テスト'.encode('idna'), 'EXAMPLE.com'.encode('idna'))
attempt(lambda: ('a' * 64 + '.com').encode('idna'))
print(codecs.encode('münchen', 'punycode'), codecs.decode(b'mnchen-3ya', 'punycode'))
