# Deeply nested handlers and the handled exception restored on the way out.
def level(n):
    try:
        if n == 0:
            raise ValueError("bottom")
        level(n - 1)
    except ValueError as e:
        if n < 3:
            raise TypeError(f"level {n}") from e
        print("stopped at", n, repr(e), repr(e.__cause__))
level(5)
try:
    raise KeyError("a")
except KeyError:
    try:
        raise IndexError("b")
    except IndexError:
        pass
    try:
        raise
    except KeyError as e:
        print("restored", repr(e))
for i in range(3):
    try:
        if i == 1:
            raise ValueError(i)
    except ValueError as e:
        print("caught", e)
        continue
    finally:
        print("finally", i)
def deleted():
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    try:
        return e
    except NameError as ne:
        return "e was deleted: " + str(ne)
print(deleted())
