# seq.__mul__/__rmul__/__imul__ are CPython's sq_repeat wrappers: the count needs __index__
class Count:
    def __index__(self):
        return 2

class Times:
    def __rmul__(self, other):
        return 'Times.__rmul__'

cases = ["'abc'.__mul__('')", "'abc'.__rmul__('x')", "[1].__imul__('x')", "b'a'.__mul__(1.5)",
         "bytearray(b'a').__imul__(None)", "(1,).__rmul__(2)", "'ab'.__mul__(2**100)",
         "[].__mul__(True)", "'ab'.__mul__(Count())", "[0].__rmul__(Count())",
         "'ab'.__mul__(Times())", "'ab' * Times()", "[1, 2] * Count()", "(3,).__mul__(-1)"]
for e in cases:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)

# subclasses: with no __mul__/__rmul__ of their own they multiply as the base sequence (no number slot), else through the wrapper
class MyStr(str):
    def __add__(self, other): return 'x'
class MyList(list):
    def __rmul__(self, other): return 'MyList.__rmul__'
class Times:
    def __rmul__(self, other): return 'Times.__rmul__'
    def __mul__(self, other): return 'Times.__mul__'
for e in ["MyStr('x') * 'y'", "'y' * MyStr('x')", "MyStr('ab') * 2", "3 * MyStr('ab')", "MyStr('a') * Times()", "Times() * MyStr('a')",
          "MyList([1]) * 2", "2 * MyList([1])", "'s' * MyList()", "MyList([1]) * 'x'", "MyStr('a').__mul__('b')", "MyStr('q') * MyStr('r')"]:
    try:
        print(e, '->', repr(eval(e)))
    except TypeError as x:
        print(e, '!!', x)
