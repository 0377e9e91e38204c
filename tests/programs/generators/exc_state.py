# Each generator keeps the exception its except-block is handling across a yield.
def handler():
    try:
        raise ValueError("inside")
    except ValueError:
        yield 1
        try:
            raise
        except ValueError as e:
            print("re-raised in generator:", e)
        yield 2

g = handler()
next(g)
try:
    raise KeyError("outside")
except KeyError:
    next(g)
    try:
        raise
    except KeyError as e:
        print("caller still handles", repr(e))

def ctx():
    try:
        yield
    except Exception:
        raise TypeError("from gen")
c = ctx()
next(c)
try:
    try:
        raise OSError("caller")
    except OSError:
        c.throw(ZeroDivisionError("thrown"))
except TypeError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))

def plain():
    yield 1
    raise RuntimeError("plain")
p = plain()
next(p)
try:
    raise IndexError("handled by caller")
except IndexError:
    try:
        next(p)
    except RuntimeError as e:
        print(repr(e.__context__))
