# Exception handlers: context chaining, raise from, bare raise, assert, finally, C re-entry.
# context chaining, bare raise, nested handlers
def f():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("bad")
try:
    f()
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        raise KeyError("k")
    except KeyError as e:
        raise TypeError("t") from e
except TypeError as e:
    print(repr(e.__cause__), e.__suppress_context__)

try:
    try:
        raise KeyError("k")
    except KeyError:
        raise TypeError("t") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))

def reraise():
    try:
        raise IndexError(3)
    except IndexError:
        try:
            raise KeyError(4)
        except KeyError:
            pass
        raise
try:
    reraise()
except IndexError as e:
    print("reraised", repr(e))

try:
    raise
except RuntimeError as e:
    print(e)

def after():
    try:
        raise ValueError
    except ValueError:
        pass
    raise
try:
    after()
except RuntimeError as e:
    print(e)

# sys.exc_info-like: handled restored after nested
try:
    raise ValueError("outer")
except ValueError as outer:
    try:
        raise TypeError("inner")
    except TypeError as inner:
        print(repr(inner.__context__))
    try:
        raise
    except ValueError as again:
        print("again", again is outer)

# no cycle
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise TypeError("b")
        except TypeError as b:
            raise a
except ValueError as x:
    print(repr(x.__context__), repr(x.__context__.__context__))

# assert with message
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    assert False
except AssertionError as e:
    print("assert2:", repr(e))

# exception crossing C calls
def key(x):
    if x == 3:
        raise LookupError("three")
    return -x
try:
    sorted([1, 2, 3, 4], key=key)
except LookupError as e:
    print("from key:", e)
print(sorted([1, 2, 4], key=key))

# finally ordering
def fin():
    try:
        return "ret"
    finally:
        print("finally runs")
print(fin())
def fin2():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
fin2()
def fin3():
    try:
        raise ValueError
    finally:
        return "swallowed"
print(fin3())
# except tuple, else
for exc in (KeyError, IndexError, ZeroDivisionError):
    try:
        raise exc("x")
    except (KeyError, IndexError) as e:
        print("tuple caught", type(e).__name__)
    except Exception as e:
        print("generic", type(e).__name__)
    else:
        print("no")
try:
    pass
except Exception:
    pass
else:
    print("else ran")
try:
    try:
        raise ValueError(1)
    except 5:
        pass
except TypeError as e:
    print(e)
