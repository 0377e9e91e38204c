# __doc__: a function whose first constant is a str but not a docstring has none; a docstring is kept
def f():
    {}["missing"]


def g():
    "real doc"
    return 1


def h():
    return "x"


def k(a="default"):
    return a + "y"


class C:
    def m(self):
        return "not a doc"

    def n(self):
        """method doc"""


print(f.__doc__, g.__doc__, h.__doc__, k.__doc__)
print(C.m.__doc__, C.n.__doc__, (lambda: "lam").__doc__)
