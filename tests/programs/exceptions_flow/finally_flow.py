# finally with return/break/continue, exceptions replaced in finally, nested try.
def a():
    try:
        return 1
    finally:
        print("a finally")
def b():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
def c():
    for i in range(4):
        try:
            if i % 2:
                continue
            print("body", i)
        finally:
            print("finally", i)
def d():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", repr(e))
    finally:
        print("outer finally")
def e():
    try:
        raise ValueError("first")
    finally:
        try:
            raise TypeError("second")
        except TypeError as t:
            print("finally handled", repr(t), repr(t.__context__))
def f():
    try:
        try:
            raise ValueError("v")
        finally:
            raise TypeError("replaces")
    except TypeError as t:
        print(repr(t), repr(t.__context__))
def g():
    x = 0
    while True:
        try:
            x += 1
            if x == 3:
                break
        finally:
            print("loop finally", x)
    return x
print(a()); print(b()); c(); d(); e(); f(); print(g())
def h(n):
    try:
        if n == 0:
            return "zero"
        elif n == 1:
            raise IndexError("one")
        return "many"
    except IndexError:
        return "caught one"
    else:
        print("else", n)
    finally:
        print("finally", n)
for n in range(3):
    print(h(n))
