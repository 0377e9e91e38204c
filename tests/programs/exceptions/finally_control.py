# return/break/continue inside finally override pending exceptions and returns
def ret_overrides_return():
    try:
        return "try"
    finally:
        return "finally"
print(ret_overrides_return())
def ret_swallows_exception():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(ret_swallows_exception())
def break_swallows():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "after loop i=%d" % i
print(break_swallows())
def continue_in_finally():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def finally_sees_value():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x changed to", x, "but return value already chosen")
print(finally_sees_value())
def nested():
    try:
        try:
            return "inner try"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested())
def loop_return():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print("finally", i)
print(loop_return())
def exc_in_finally():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")
try:
    exc_in_finally()
except TypeError as e:
    print(repr(e), repr(e.__context__))
