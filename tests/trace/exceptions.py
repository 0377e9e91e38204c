# Exceptions: caught in the same frame, in a caller, finally, re-raise, with.
def divide(a, b):
    return a // b


def safe(a, b):
    try:
        return divide(a, b)
    except ZeroDivisionError as e:
        print("caught", e)
        return None
    finally:
        print("finally")


class Managed:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, kind, value, tb):
        print("exit", kind.__name__ if kind else None)
        return True


print(safe(7, 2))
print(safe(1, 0))
try:
    try:
        [][1]
    except IndexError:
        raise KeyError("k")
except KeyError as e:
    print("outer", repr(e))
with Managed():
    raise ValueError("swallowed")
print("done")
