# a str subclass is a keyword name in f(**d), even one whose __eq__ changes the dict
class Name(str):
    def __eq__(self, other):
        try:
            del x[self]
        except KeyError:
            pass
        return str.__eq__(self, other)
    def __hash__(self):
        return str.__hash__(self)

x = {Name("a"): 1, Name("b"): 2}
def f(a, b):
    print(a, b)
f(**x)
def g(**kw):
    print(sorted(kw.items()), [type(k).__name__ for k in kw])
g(**{Name("p"): 1, "q": 2})
print(dict(**{Name("r"): 3}))
try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    g(**{Name("p"): 1}, p=2)
except TypeError as e:
    print("TypeError:", e)
