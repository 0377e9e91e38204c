# except*: once an earlier clause has taken the whole group, later clauses see None and do not run (test_except_star first_match_wins)
import sys

def named():
    try:
        raise ExceptionGroup("fst", [BlockingIOError("io")])
    except* OSError as e:
        print("OSError clause", repr(e))
    except* BlockingIOError:
        print("never")
    except* ValueError as v:
        print("never either", v)
    print("after", sys.exc_info())

def unnamed():
    try:
        raise ValueError("naked")
    except* ValueError:
        print("ValueError clause", repr(sys.exc_info()[1]))
    except* ValueError:
        print("never")
    except* TypeError:
        print("never")

named()
unnamed()
try:
    try:
        raise ExceptionGroup("g", [KeyError(1)])
    except* KeyError:
        print("KeyError clause")
    except* 42:
        print("never")
except TypeError as e:
    print("TypeError:", e)
