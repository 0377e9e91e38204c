# a str subclass with nonempty __slots__ (3.14's configparser._Line has them): set, read, delete, subclasses with and without a __dict__, copy, __class__ assignment
class Line(str):
    __slots__ = 'clean', 'has_comments'

    def __new__(cls, val, *args):
        return super().__new__(cls, val)

    def __init__(self, val, comments):
        self.clean = val.strip()
        self.has_comments = comments

x = Line("  a line of text long enough to span several words  ", True)
print(repr(x), repr(x.clean), x.has_comments, hasattr(x, '__dict__'), len(x), x.split()[:2])
try:
    x.other = 1
except AttributeError as e:
    print('AttributeError', e)
del x.clean
try:
    x.clean
except AttributeError as e:
    print('AttributeError', e)
x.clean = 'again'
print(x.clean, x == "  a line of text long enough to span several words  ", hash(x) == hash(str(x)))

class Loose(Line):
    pass
m = Loose("ab", 0)
m.z = 5
print(m.clean, m.has_comments, m.z, m.__dict__, m.upper(), type(m + 'c').__name__)

class More(Line):
    __slots__ = ('extra',)
n = More("q", 1)
n.extra = [1]
print(n.extra, n.clean, n + "r", Line.clean, type(Line.__dict__['clean']).__name__, More.__slots__)

class Other(str):
    __slots__ = 'clean', 'has_comments'
o = Line("é€😀", None)
o.__class__ = Other
print(type(o).__name__, o.clean, o)
try:
    o.__class__ = More
except TypeError as e:
    print('TypeError', e)

import copy
y = copy.copy(n)
print(type(y).__name__, y, [Line(str(i) * i, i).clean for i in range(5)])
for base in (tuple, bytes, int):
    try:
        type('T', (base,), {'__slots__': ('a',)})
    except TypeError as e:
        print('TypeError', e)
