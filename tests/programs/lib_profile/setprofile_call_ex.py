# sys.setprofile: c_call/c_return/c_exception around calls with *args and **kwargs (CALL_FUNCTION_EX)
import sys

events = []
def prof(frame, event, arg):
    if event.startswith("c_"):
        events.append((event, arg.__name__, type(getattr(arg, "__self__", None)).__name__))
    else:
        events.append((event, frame.f_code.co_name))

def run():
    args = ([3, 1, 2],)
    kw = {"key": abs}
    max(*args, **kw)
    max([0], **dict(key=int))
    sorted(*args)
    str.upper(*("a",))
    "-".join(*(["x", "y"],))
    dict(*[[("a", 1)]], b=2)
    try:
        int(*("zz",), **{"base": 10})
    except ValueError as e:
        print("ValueError:", e)
    def inner(*a, **k):
        return len(a) + len(k)
    inner(*(1, 2), **{"x": 3})
    return "done"

sys.setprofile(prof)
run()
sys.setprofile(None)
for e in events:
    print(*e)
