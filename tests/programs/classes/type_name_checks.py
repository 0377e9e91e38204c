# type names: NUL is a ValueError, a lone surrogate a UnicodeEncodeError, both in type() and on __name__ assignment
for name in 'A', '\xc4', '\U0001f40d', 'B.A', '42', '':
    A = type(name, (), {})
    print(repr(A.__name__), repr(A.__qualname__))
for bad in ('A\x00B', 'A\udcdcB', b'A'):
    try:
        type(bad, (), {})
    except Exception as e:
        print(type(e).__name__, e)
A = type('C', (), {})
for bad in ('A\x00B', 'A\udcdcB', b'A'):
    try:
        A.__name__ = bad
    except Exception as e:
        print(type(e).__name__, e)
    print(A.__name__)
A.__name__ = '\U0001f40d'
print(A.__name__, A.__qualname__)
