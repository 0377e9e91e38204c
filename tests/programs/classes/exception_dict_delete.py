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
