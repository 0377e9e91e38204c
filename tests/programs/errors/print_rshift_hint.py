# `print >> stream` (Python 2's redirection) gets CPython's hint in its TypeError; other >> and >>= do not (test_print)
import sys

def attempt(label, f):
    try:
        f()
    except TypeError as e:
        print(label, e)

attempt("print >> stderr:", lambda: print >> sys.stderr)
attempt("print >> 42:", lambda: print >> 42)
attempt("len >> 1:", lambda: len >> 1)
attempt("print << 1:", lambda: print << 1)
def inplace():
    p = print
    p >>= 1
attempt("p >>= 1:", inplace)
import builtins
attempt("builtins.print >> None:", lambda: builtins.print >> None)
class P:
    def __rrshift__(self, other):
        return "taken by __rrshift__"
print(print >> P())
