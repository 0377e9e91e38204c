# Errors in __enter__ and __exit__, missing methods, exception context inside with.
class Bad:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit must not run")
try:
    with Bad():
        print("no body")
except RuntimeError as e:
    print(e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise ValueError("from exit")
try:
    with ExitRaises():
        raise KeyError("body")
except ValueError as e:
    print(repr(e), repr(e.__context__))
class OnlyEnter:
    def __enter__(self):
        return 1
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(e)
class OnlyExit:
    def __exit__(self, *a):
        pass
try:
    with OnlyExit():
        pass
except TypeError as e:
    print(e)
class Truthy:
    def __init__(self, v): self.v = v
    def __enter__(self): return self
    def __exit__(self, *a): return self.v
for v in [0, 1, "", "x", None, [1]]:
    try:
        with Truthy(v):
            raise IndexError
        print(repr(v), "suppressed")
    except IndexError:
        print(repr(v), "raised")
class Inst:
    pass
i = Inst()
i.__enter__ = lambda: 1
i.__exit__ = lambda *a: None
try:
    with i:
        pass
except TypeError as e:
    print(e)
class Uncaught:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False
with Uncaught():
    {}["gone"]
