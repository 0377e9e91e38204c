# try/except/else/finally, raise from, bare raise, context chaining, continue through finally
def f(x):
    try:
        return 10 // x
    except ZeroDivisionError as e:
        print("caught", e)
        return -1
    finally:
        print("finally", x)
print(f(2), f(0))
try:
    try:
        {}["a"]
    except KeyError:
        raise ValueError("inner")
except ValueError as e:
    print(repr(e), repr(e.__context__))
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)
try:
    raise TypeError("x") from KeyError("y")
except TypeError as e:
    print(repr(e.__cause__))
def g():
    try:
        1/0
    except:
        raise
try:
    g()
except ArithmeticError as e:
    print(type(e).__name__, e)
try:
    int("zz")
except (TypeError, ValueError) as e:
    print("multi", e)
else:
    print("no")
{}["missing"]
