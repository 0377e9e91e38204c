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
