# Functions whose argument errors name them "owner.name" (_operator.index,
# Match.start, StringIO.tell, cmath.sqrt, unicodedata.category, audioop.max,
# the UCD object's names "UCD"): each refused call's message, and the accepted calls beside them.
import _operator, operator, re, io, cmath, unicodedata, warnings

def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except TypeError as e:
        print(type(e).__name__, e)

show(_operator.index, 5)
show(_operator.index)
show(_operator.index, 1, 2)
show(_operator.index, a=1)
show(_operator.add, 1, 2)
show(_operator.add, 1)
show(_operator.add, 1, b=2)
show(operator.neg, 3)
show(operator.neg, 3, 4)
show(operator.is_none, None) if hasattr(operator, 'is_none') else print('no is_none')

m = re.search(r'(b)(c)?', 'abc')
show(m.start)
show(m.start, 1)
show(m.end, 2)
show(m.span, 1)
show(m.start, 1, 2)
show(m.end, group=1)
show(m.span, 0, 0)

s = io.StringIO('x\u00e9y')
show(s.tell)
show(s.tell, 1)
show(s.getvalue, 0)
show(s.readable)
show(s.readable, x=1)

show(cmath.sqrt, -4)
show(cmath.sqrt)
show(cmath.exp, 1, 2)
show(cmath.cos, z=1)

show(unicodedata.category, 'A')
show(unicodedata.category)
show(unicodedata.name, 'a', 'b', 'c')
show(unicodedata.decimal, c='1')
for u in (unicodedata, unicodedata.ucd_3_2_0):
    for f in (u.name, u.decimal, u.digit, u.numeric, u.category, u.lookup, u.mirrored):
        show(f, c='1')
        show(f)
    show(u.normalize, 'NFC', unistr='x')
    show(u.is_normalized, 'NFC', 'x', 'y')

with warnings.catch_warnings():
    warnings.simplefilter('ignore', DeprecationWarning)
    try:
        import audioop                  # gone in 3.13
    except ImportError:
        audioop = None
if audioop is not None:
    show(audioop.max, b'\x01\x02', 1)
    show(audioop.max, b'\x01\x02', width=1)
    show(audioop.max, b'\x01')
