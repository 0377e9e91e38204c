# an uncaught ExceptionGroup nesting groups, chained exceptions and a note; the last line of its traceback
import sys
def inner():
    raise ValueError("deep")
def h():
    try:
        inner()
    except ValueError as e:
        try:
            raise KeyError("ctx")
        except KeyError as k:
            raise ExceptionGroup("uncaught", [e, ExceptionGroup("sub", [k, TypeError("t")]), RuntimeError("plain")]) from None
try:
    h()
except ExceptionGroup as eg:
    eg.add_note("note on group")
    raise ExceptionGroup("outer", [eg] + [IndexError(i) for i in range(17)])
