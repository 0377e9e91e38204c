# Error messages of slot wrappers, super(), type() and descriptors called oddly
def t(f):
    try:
        r = f()
        print("ok", type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)
class P:
    def __init__(self): pass
t(lambda: object.__new__())
t(lambda: object.__init__())
t(lambda: super())
t(lambda: P.__init__(1))
t(lambda: object.__repr__())
t(lambda: list.__len__([1], 2))
t(lambda: object.__eq__(1))
t(lambda: object.__setattr__(1, "x", 2))
t(lambda: object.__getattribute__(P(), 5))
t(lambda: property().__get__(P()))
t(lambda: super(P))
t(lambda: super(P).__repr__())
t(lambda: type.__init__(P))
t(lambda: classmethod())
t(lambda: P.__dict__["__init__"].__get__(None, P))
t(lambda: type("X", (), {"__slots__": [1]}))
t(lambda: type("X", (int,), {"__slots__": ["a"]}))
t(lambda: [].__iadd__([1]))
t(lambda: iter(type("I", (), {"__iter__": lambda s: s, "__next__": lambda s: 1})()).__next__())
t(lambda: int.__dict__["__new__"](P))
