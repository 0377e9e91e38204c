# CJK codecs: incremental encoders and decoders (pending pairs and bytes, getstate/setstate), stream readers and writers, the codec objects, custom handlers and the exact errors
import codecs, io
for n in ['shift_jis_2004','big5hkscs','euc_kr','gb18030','cp932']:
    e = codecs.getincrementalencoder(n)()
    out = []
    for ch in "かか゚aÊÊ̄x\u304b" if n != "big5hkscs" else "aÊÊ̄xÊ":
        try: out.append(e.encode(ch))
        except UnicodeEncodeError as ex: out.append(str(ex))
        out.append(e.getstate())
    out.append(e.encode('', final=True))
    print(n, out)
    st = None
    e2 = codecs.getincrementalencoder(n)('replace')
    print(e2.encode('\u304b'), e2.getstate(), e2.errors)
    s = e2.getstate(); e3 = codecs.getincrementalencoder(n)(); e3.setstate(s)
    try: print(e3.encode('\u309a', True))
    except UnicodeEncodeError as ex: print(ex)
    d = codecs.getincrementaldecoder(n)()
    data = 'かか゚aÊ̄x日本語똠\U00020b9f'.encode(n, 'ignore')
    res = []
    for i in range(len(data)):
        res.append(d.decode(data[i:i+1])); res.append(d.getstate())
    print(n, res, d.decode(b'', True))
    d.setstate((b'\xa4', 0)); 
    try: d.decode(b'', True)
    except UnicodeDecodeError as ex: print(ex)
    d.reset(); print(d.getstate())
    w = codecs.getwriter(n)(io.BytesIO())
    w.write('日本'); w.write('か'); w.writelines(['a', 'b']); w.reset()
    print(w.stream.getvalue(), w.errors)
    r = codecs.getreader(n)(io.BytesIO(data + b'\n' + data))
    print(r.readline(), r.read(3), r.read())
    r = codecs.getreader(n)(io.BytesIO(data + b'\n' + data))
    print(r.readlines())
    print(codecs.open.__name__)
import _multibytecodec, _codecs_jp
c = _codecs_jp.getcodec('cp932')
print(type(c).__name__, c.encode('abc'), c.decode(b'abc'), c.encode(12))
try: _codecs_jp.getcodec('x')
except LookupError as ex: print(ex)
try: _codecs_jp.getcodec(1)
except TypeError as ex: print(ex)
print(c.decode(bytearray(b'\x82\xa0')), c.encode('\u3042', 'strict'), c.encode(input='a', errors=None))
codecs.register_error('myh', lambda e: ('[%d-%d]' % (e.start, e.end), e.end))
print('a\u0100b\U0001f600'.encode('gbk', 'myh'), b'a\x81\x20b\xff'.decode('big5', 'myh'))
codecs.register_error('myb', lambda e: (b'<>', e.end))
print('a\u0100b'.encode('euc_jp', 'myb'))
try: 'a\u0100'.encode('euc_jp', 'nope')
except LookupError as ex: print(ex)
try: b'\x81\x20'.decode('shift_jis')
except UnicodeDecodeError as ex: print(ex, ex.start, ex.end, ex.reason, ex.object)
try: 'x\u0100y'.encode('shift_jis')
except UnicodeEncodeError as ex: print(ex, ex.start, ex.end, ex.reason, ex.object)
