# list.__init__ refuses keywords only while the type's __new__ is list's:
# a subclass whose __new__ takes keywords gets them past __init__ too
# (CPython's test_list.test_keywords_in_subclass).  set.__init__ always
# refuses them.
class WithNew(list):
    def __new__(cls, seq, newarg=None):
        self = super().__new__(cls, seq)
        self.newarg = newarg
        return self

u = WithNew([1, 2], newarg=3)
print(type(u).__name__, list(u), u.newarg)

class WithInit(list):
    def __init__(self, seq, newarg=None):
        super().__init__(seq)
        self.newarg = newarg

u = WithInit([1, 2], newarg=3)
print(type(u).__name__, list(u), u.newarg)

class Plain(list):
    pass

class PassesOn(list):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)

class SetWithNew(set):
    def __new__(cls, seq, newarg=None):
        return super().__new__(cls, seq)

for f in (lambda: list([1], a=1), lambda: Plain([1], a=1), lambda: PassesOn([1], a=1),
          lambda: SetWithNew([1], newarg=2), lambda: WithNew([1], [2], newarg=1)):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
