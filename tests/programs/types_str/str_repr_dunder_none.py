# __str__ = None or __repr__ = None in a class makes str()/repr() of its
# instances (and format(), "%s", print) raise TypeError, as CPython calls the
# None; __format__ = None blocks format() only (test_unicode.test_format).
class M:
    def __repr__(self): return 'M()'
    __str__ = None
class N:
    def __repr__(self): return 'N()'
    __format__ = None
for f in (lambda: "{!s}".format(M()), lambda: "{}".format(M()), lambda: str(M()), lambda: f"{M()!s}", lambda: "%s" % M(), lambda: print(M()),
          lambda: "{!s}".format(N()), lambda: "{}".format(N()), lambda: format(N()), lambda: f"{N()}"):
    try: print(f())
    except TypeError as e: print("TypeError", e)
class R:
    __repr__ = None
for f in (lambda: repr(R()), lambda: str(R()), lambda: "%r" % R(), lambda: [R()].__repr__()):
    try: print(f())
    except TypeError as e: print("TypeError", e)
class Sub(M):
    def __str__(self): return "sub"
print(str(Sub()), "{}".format(Sub()))
