# ISO-2022 codecs: whole tables, hashed: every code point of planes 0 and 2 encoded, every code of every set decoded
import hashlib
V = ['iso2022_jp','iso2022_jp_1','iso2022_jp_2','iso2022_jp_2004','iso2022_jp_3','iso2022_jp_ext','iso2022_kr']
s = ''.join(chr(c) for c in list(range(0xD800)) + list(range(0xE000, 0x10000)) + list(range(0x20000, 0x2A6E0, 3)))
codes = bytes(x for a in range(0x20, 0x80) for b in range(0x20, 0x80) for x in (a, b))
escapes = [b'\x1b(B', b'\x1b(J', b'\x1b(I', b'\x1b$@', b'\x1b$B', b'\x1b$A', b'\x1b$(C', b'\x1b$(D', b'\x1b$(O', b'\x1b$(P', b'\x1b$(Q', b'\x1b$)C\x0e']
for v in V:
    e = s.encode(v, 'ignore')
    print(v, len(e), hashlib.md5(e).hexdigest())
    for esc in escapes:
        d = (esc + codes).decode(v, 'backslashreplace')
        print(v, esc, len(d), hashlib.md5(d.encode('utf-8', 'surrogatepass')).hexdigest())
