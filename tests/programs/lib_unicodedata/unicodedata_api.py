# unicodedata: properties of sampled code points, names and lookup (aliases, named sequences, Hangul, CJK), normalization, ucd_3_2_0, errors
import unicodedata as U

print(U.unidata_version, U.ucd_3_2_0.unidata_version, type(U.ucd_3_2_0).__name__)

def digest(db, step, start=0):
    acc = 0
    for cp in range(start, 0x110000, step):
        c = chr(cp)
        row = (db.category(c), db.bidirectional(c), db.combining(c), db.mirrored(c),
               db.east_asian_width(c), db.decimal(c, None), db.digit(c, None),
               db.numeric(c, None), db.decomposition(c), db.name(c, None))
        for x in row:
            for ch in str(x):
                acc = (acc * 31 + ord(ch)) % 1000000007
    return acc
print(digest(U, 251), digest(U.ucd_3_2_0, 257, 3))

for s in 'aA1½Ⅻ٣\u0300\u200f€\u4e00\uac00\U0001f600\U0001d7d8\ufb01\u00c5\u212b\uffff\U000e0001\u0378':
    print('%-6r' % s, U.category(s), U.bidirectional(s), U.combining(s), U.mirrored(s),
          U.east_asian_width(s), U.decimal(s, '-'), U.digit(s, '-'), U.numeric(s, '-'),
          repr(U.decomposition(s)), U.name(s, '?'))

# a character new in Unicode 15 stays unassigned, as in CPython 3.11
print(U.category('\U0001fae8'), U.name('\U0001fae8', None), U.category('\u0cf3'))

for n in ['LATIN SMALL LETTER A', 'latin small letter sharp s', 'EURO SIGN', 'SNOWMAN',
          'HANGUL SYLLABLE GAG', 'HANGUL SYLLABLE PWILH', 'CJK UNIFIED IDEOGRAPH-4E00',
          'CJK UNIFIED IDEOGRAPH-2A6DF', 'CJK COMPATIBILITY IDEOGRAPH-F900', 'NUSHU CHARACTER-1B170',
          'LATIN CAPITAL LETTER GHA', 'BYTE ORDER MARK', 'NULL',
          'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'KEYCAP NUMBER SIGN']:
    r = U.lookup(n)
    print(n, [hex(ord(c)) for c in r], U.name(r, None) if len(r) == 1 else len(r))
print(U.lookup(b'GREEK SMALL LETTER ALPHA'))

cases = ['Ångström', 'e\u0301', '\u1e9b\u0323', 'ﬁ', '①②', 'Ⅻ', '\uac00\u11a8', '\u1100\u1161\u11a8',
         'a\u0323\u0301', 'a\u0301\u0323', '\u0958', 'ｶﾞ', '\u2126', 'x\u0338y', '\U0001d400', 'plain']
for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
    print(form, [U.normalize(form, s) for s in cases])
    print(form, [U.is_normalized(form, s) for s in cases])
print(U.ucd_3_2_0.normalize('NFD', '\U0002f868'), U.normalize('NFD', '\U0002f868'))
print(U.ucd_3_2_0.category('\u0221'), U.category('\u0221'), U.ucd_3_2_0.name('\u0221', None))
print(U.ucd_3_2_0.bidirectional('+'), U.bidirectional('+'))

def err(f, *a):
    try:
        print('ok', repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)
err(U.name, '\x00')
err(U.name, 'ab')
err(U.name, 1)
err(U.name)
err(U.name, 'a', 'b', 'c')
err(U.category, '')
err(U.combining, 'a', 'b')
err(U.east_asian_width, b'a')
err(U.decimal, 'x')
err(U.digit, 'x')
err(U.numeric, 'x')
err(U.lookup, 'NO SUCH THING')
err(U.lookup, 'x' * 300)
err(U.lookup, 'CJK UNIFIED IDEOGRAPH-4e00')
err(U.lookup, 'CJK UNIFIED IDEOGRAPH-')
err(U.lookup, 'hangul syllable ga')
err(U.lookup, 'cjk compatibility ideograph-f900')
err(U.normalize, 'NFX', 'a')
err(U.normalize, 'NFC', 1)
err(U.normalize, 'NFC')
err(U.is_normalized, 'nfc', 'a')
err(U.UCD)
err(U.ucd_3_2_0.name, '\u0221')
err(U.ucd_3_2_0.lookup, 'LATIN SMALL LETTER D WITH CURL')
