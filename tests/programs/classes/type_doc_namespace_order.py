# type(): __doc__ must encode to UTF-8 at creation (assigning it later need not); an OrderedDict namespace keeps its order
import collections
for doc in 'x', '\xc4', '\U0001f40d', 'x\x00y', b'x', 42, None:
    A = type('A', (), {'__doc__': doc})
    print(repr(A.__doc__))
try:
    type('A', (), {'__doc__': 'x\udcdcy'})
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
A = type('A', (), {})
A.__doc__ = 'x\udcdcy'
print(repr(A.__doc__))
od = collections.OrderedDict([('a', 1), ('b', 2)])
od.move_to_end('a')
C = type('C', (), od)
print(list(C.__dict__.items())[:2])
import types
for ns in (types.MappingProxyType({'__doc__': 'x'}), [], None):
    try:
        type('A', (), ns)
    except TypeError as e:
        print("TypeError", e)
