# nested try statements, handlers inside handlers, exception variable scoping
def level3():
    raise ValueError("deep")
def level2():
    try:
        level3()
    except KeyError:
        print("level2 does not handle ValueError")
def level1():
    try:
        level2()
    except ValueError as e:
        print("level1 caught", e)
        try:
            raise TypeError("while handling")
        except TypeError as inner:
            print("inner caught", inner, "context:", repr(inner.__context__))
        print("back in outer handler", e)
        return "done"
print(level1())
try:
    raise ValueError("v")
except ValueError as err:
    pass
try:
    print(err)
except NameError as ne:
    print("NameError:", ne)
err = "rebound"
try:
    raise KeyError
except KeyError as err:
    pass
print("err" in dir())
def handler_depth(n):
    try:
        if n == 0:
            raise IndexError("bottom")
        return handler_depth(n - 1)
    except IndexError as e:
        if n < 3:
            raise
        return "stopped at %d: %s" % (n, e)
print(handler_depth(5))
for i in range(3):
    try:
        try:
            if i == 0:
                raise ValueError(i)
            if i == 1:
                raise KeyError(i)
        except ValueError as e:
            print("inner handled", repr(e))
        else:
            print("inner else", i)
    except KeyError as e:
        print("outer handled", repr(e))
