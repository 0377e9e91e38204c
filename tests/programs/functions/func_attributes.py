# function attributes: __name__, __qualname__, __doc__, __defaults__, __dict__, __code__ basics
def plain(a, b=2, *args, c=3, **kw):
    "Plain function docstring."
    return a
print(plain.__name__, plain.__qualname__, plain.__doc__)
print(plain.__defaults__, plain.__kwdefaults__, plain.__module__)
print(plain.__code__.co_argcount, plain.__code__.co_varnames[:4], plain.__code__.co_name)
class K:
    def method(self):
        "Method doc."
        def local():
            pass
        return local
    class Nested:
        def deep(self):
            pass
print(K.method.__qualname__, K().method().__qualname__, K.Nested.deep.__qualname__)
print(K.method.__doc__, K().method().__doc__)
def nodoc():
    x = 1
print(nodoc.__doc__, nodoc.__defaults__, nodoc.__kwdefaults__)
plain.custom = "attached"
plain.counter = 0
plain.counter += 1
print(plain.custom, plain.counter, sorted(plain.__dict__))
plain.__name__ = "renamed"
print(plain.__name__, plain.__qualname__)
plain.__doc__ = "new doc"
print(plain.__doc__)
lam = lambda: None
print(lam.__name__, lam.__qualname__, lam.__doc__)
def annotated(x: int, y: "str" = "s") -> bool:
    return True
print(annotated.__annotations__)
def closure_maker():
    v = 1
    def c():
        return v
    return c
cl = closure_maker()
print(cl.__closure__[0].cell_contents, plain.__closure__, cl.__code__.co_freevars)
try:
    plain.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
print(type(plain).__name__, callable(plain))
