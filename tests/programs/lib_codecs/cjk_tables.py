# CJK codecs: the whole tables, hashed: every code point of planes 0 and 2 encoded, every two-byte sequence decoded
import hashlib
names = ['shift_jis','cp932','euc_jp','shift_jis_2004','euc_jis_2004','euc_jisx0213','shift_jisx0213','gb2312','gbk','gb18030','euc_kr','cp949','johab','big5','cp950','big5hkscs']
s = ''.join(chr(c) for c in list(range(0xD800)) + list(range(0xE000, 0x10000)) + list(range(0x20000, 0x2A6E0, 3)))
seqs = b''.join(bytes([a, b]) for a in range(0x80, 0x100) for b in range(0x20, 0x100, 3))
for n in names:
    e = s.encode(n, 'ignore')
    d = seqs.decode(n, 'backslashreplace')
    print(n, len(e), hashlib.md5(e).hexdigest(), len(d), hashlib.md5(d.encode('utf-8', 'surrogatepass')).hexdigest())
# GB18030's four-byte sequences: a sample across the BMP and the supplementary planes
four = b''.join(bytes([a, b, c, d]) for a in range(0x81, 0xFF, 7) for b in range(0x30, 0x3A, 3) for c in range(0x81, 0xFF, 11) for d in (0x30, 0x39))
print(hashlib.md5(four.decode('gb18030', 'replace').encode()).hexdigest())
print('\U00010000\U0010FFFF\u0080\uFFFF'.encode('gb18030'))
