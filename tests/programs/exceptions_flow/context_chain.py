# __context__, __cause__ and __suppress_context__ as CPython sets them.
def show(e):
    parts = []
    while e is not None:
        parts.append(type(e).__name__)
        e = e.__cause__ or e.__context__
    print(" <- ".join(parts))

try:
    try:
        try:
            raise ValueError(1)
        except ValueError:
            raise KeyError(2)
    except KeyError:
        raise IndexError(3)
except IndexError as e:
    show(e)

def inner():
    raise TypeError("inner")
try:
    try:
        raise OSError("outer")
    except OSError:
        inner()
except TypeError as e:
    show(e)
    print(e.__context__.args)

try:
    try:
        raise ValueError
    except ValueError as v:
        raise RuntimeError from v
except RuntimeError as e:
    print(e.__suppress_context__, e.__cause__ is e.__context__)

try:
    try:
        raise ValueError
    except ValueError:
        raise RuntimeError from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

try:
    raise RuntimeError from KeyError
except RuntimeError as e:
    print(repr(e.__cause__))
try:
    raise RuntimeError from 5
except TypeError as e:
    print(e)

err = None
try:
    raise ValueError("saved")
except ValueError as e:
    err = e
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise err
except ValueError as e:
    print(repr(e.__context__))
try:
    try:
        raise err
    except ValueError as e1:
        raise e1
except ValueError as e:
    print("self-raise context:", repr(e.__context__))
