# ISO-2022 codecs: encoding with every error handler, escape sequences and their errors when decoding, incremental state (getstate shows the designations)
import codecs
V = ['iso2022_jp','iso2022_jp_1','iso2022_jp_2','iso2022_jp_2004','iso2022_jp_3','iso2022_jp_ext','iso2022_kr']
texts = ['a日本\nb', 'ｱ', '\\~¥‾', 'é', 'Ωa', '中', '한\n한a', '丂', '\u3231', 'か゚', '\u4ff1', '\U00020089', 'ά', 'é¡', '\xa0', 'Ωά', 'æ\u0300', '漢字かなカナ\nｶﾅ abc 한국어 中文 丂',]
for v in V:
    for s in texts:
        for errors in ['strict', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'ignore']:
            try: print(v, repr(s), errors, s.encode(v, errors))
            except UnicodeEncodeError as e: print(v, repr(s), 'ERR', e)
def p(v, b, errors='strict'):
    try: return repr(b.decode(v, errors))
    except UnicodeDecodeError as e: return str(e)
bs = [b'\x1b$B0!\n0!', b'\x1b$B0', b'\x1b$', b'\x1b', b'\x1b(Z', b'\x1b$B\x80', b'\x1b$B0\x20', b'\x0e', b'\x1b$)C\x0e0!\x0f', b'\x1b$)C\x0e0!\n0!', b'\x1b.A\x1bNi', b'\x80', b'\x1b(I1', b'\x1b(J\\~', b'\x1b$(O0!', b'\x1b$(Q0!', b'\x1b$(P!!', b'\x1b$A0!', b'\x1b$(C0!', b'\x1b$(D0!', b'\x1b$@0!', b'\x1b$B\x21\x7f', b'\x1b$B!\x21\x1b(B',
      b'\x1b$B\t0!', b'\x1b$B0\n', b'\x1b$B0\x1b(B', b'\x1bNi', b'\x1b.F\x1bNa', b'\x1b.F\x1bN\x7f', b'\x1b.A\x1bN', b'\x1b.A\x1bN\x80', b'\x0e0!\x0f', b'\x1b$)C\x0e\x80', b'\x1b$)C0!', b'\x1b(J\x80', b'\x1b(I\x60', b'\x1b(I\x20', b'\x1b$B\x7f', b'\x1b$B!\x1b', b'\x1b&@\x1b$B0!', b'\x1b$(B0!', b'\x1b$)B0!', b'\x1b)B0!', b'\x1b$BABCDEFGHIJKLMNOPQRS', b'\x1b1234567890123456789', b'\x1b$(O$w', b'\x1b$B\x0e', b'\x1b&A\x1b$B0!', b'\x1b(B\x1b)B\x1b.B']
for v in V:
    for b in bs:
        print(v, b, p(v, b), p(v, b, 'replace'))
for v in V:
    d = codecs.getincrementaldecoder(v)(); print(v, d.getstate())
    for chunk in [b'\x1b$B', b'\x1b$)C\x0e', b'\x1b(B']:
        try: print(d.decode(chunk), d.getstate())
        except UnicodeDecodeError as ex: print(ex, d.getstate())
    e = codecs.getincrementalencoder(v)(); print(e.getstate()); 
    try: e.encode('日本한')
    except UnicodeError as ex: print(ex)
    print(e.getstate(), e.encode('', True), e.getstate())
    s = '漢字かなカナ\nｶﾅ abc 한국어 中文 丂'
    b = s.encode(v, 'ignore')
    d = codecs.getincrementaldecoder(v)()
    print([d.decode(b[i:i+1]) for i in range(len(b))], d.decode(b'', True))
    e = codecs.getincrementalencoder(v)('ignore')
    print([e.encode(ch) for ch in s], e.encode('', True))
# JIS X 0213's combining pairs: 3.11 encodes each character alone, 3.12 combines them (and waits for the second)
for v in ['iso2022_jp_2004', 'iso2022_jp_3']:
    e = codecs.getincrementalencoder(v)('backslashreplace')
    print(v, e.encode('か'), e.getstate(), e.encode('゚'), e.encode('æ'), e.getstate(), e.encode('\u0300x'), e.encode('æ'), e.encode('', True))
    print(v, 'か゚æ\u0300æ'.encode(v, 'backslashreplace'))
