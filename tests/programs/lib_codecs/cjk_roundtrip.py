# CJK codecs: every codec of _codecs_jp/cn/kr/tw/hk round-trips mixed text, with each error handler on unencodable text and bad bytes
import codecs
names = ['shift_jis','cp932','euc_jp','shift_jis_2004','euc_jis_2004','euc_jisx0213','shift_jisx0213','gb2312','gbk','gb18030','euc_kr','cp949','johab','big5','cp950','big5hkscs']
text = 'Hello, 日本語のテキスト。中文字符，한국어 텍스트 ¥‾ Ê̄ か゚ \U00020b9f 똠'
for n in names:
    for errors in ['strict','ignore','replace','backslashreplace','xmlcharrefreplace']:
        try:
            b = text.encode(n, errors)
            print(n, errors, b)
            print(n, errors, b.decode(n, errors if errors in ('strict','ignore','replace','backslashreplace') else 'strict'))
        except UnicodeError as e:
            print(n, errors, type(e).__name__, e)
    bad = b'\x81\x20\xff\xfe\xa4\xd4\x80abc\x81'
    for errors in ['strict','ignore','replace','backslashreplace']:
        try: print(n, repr(bad.decode(n, errors)))
        except UnicodeError as e: print(n, type(e).__name__, e)
