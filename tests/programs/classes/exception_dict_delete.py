# An exception's __dict__ may be replaced but not deleted, whichever base
# comes first in a subclass's MRO; a plain class's instance may drop it.
class Base:
    pass


class E1(Exception, Base):
    pass


class E2(Base, Exception):
    pass


for T in Exception, E1, E2, Base:
    e = T()
    e.__dict__ = {"a": 1}
    print(T.__name__, e.a)
    try:
        del e.__dict__
        print("deleted", e.__dict__)
    except (TypeError, AttributeError) as x:
        print(type(x).__name__, x, e.__dict__)

import types


class Module1(types.ModuleType, Base):
    pass


class Module2(Base, types.ModuleType):
    pass


for M in Module1, Module2:
    mod = M("spam")
    for f in (lambda: Base.__dict__["__dict__"].__set__(mod, {}), lambda: delattr(mod, "__dict__")):
        try:
            f()
            print("allowed")
        except (TypeError, AttributeError) as x:
            print(type(x).__name__, x)
    mod.__dict__["spam"] = "eggs"
    print(mod.spam)
