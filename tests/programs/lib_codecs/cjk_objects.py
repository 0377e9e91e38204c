# CJK codecs: the _multibytecodec module's names, the codec objects, subclasses' codec attribute and argument errors
import _codecs_jp, _codecs_kr
c = _codecs_jp.getcodec('cp932')
print(type(c), type(c).__name__, type(c).__module__)
print(_codecs_kr.getcodec('cp949').encode('한국어'), c.decode(b'\x82\xa0\x82\xa2', 'strict'))
try: type(c)()
except TypeError as e: print(e)
import _multibytecodec as m
print(sorted(n for n in dir(m) if not n.startswith('__')))
print(m.MultibyteIncrementalEncoder, m.MultibyteStreamReader.__module__)
class E(m.MultibyteIncrementalEncoder): pass
try: E()
except AttributeError as e: print(type(e).__name__, e)
class F(m.MultibyteIncrementalEncoder): codec = 1
try: F()
except TypeError as e: print(e)
class G(m.MultibyteIncrementalEncoder): codec = c
for arg in [1, None]:
    try: G(errors=arg)
    except TypeError as e: print(e)
print(G().errors, G('ignore').errors)
g = G(); g.errors = 'replace'; print(g.encode('a\u0100b'))
try: g.errors = 3
except TypeError as e: print(e)
class R(m.MultibyteStreamReader): codec = c
try: R(None, 3)
except TypeError as e: print(e)
import io
r = R(io.BytesIO(b'\x82\xa0'), 'strict'); print(r.stream.getvalue(), r.errors, r.read())
