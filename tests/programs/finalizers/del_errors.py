# an exception raised in __del__ goes to sys.unraisablehook and the program goes on
import gc, sys

class Bad:
    def __del__(self):
        raise ValueError("boom in del")

def hook(unraisable):
    print("hook:", unraisable.exc_type.__name__, unraisable.exc_value,
          unraisable.object.__qualname__, unraisable.err_msg)

sys.unraisablehook = hook
b = Bad()
del b
gc.collect()
print("-- after hook")

class Twice:
    def __del__(self):
        print("in del, handling", sys.exc_info()[0])
        1 / 0

try:
    raise KeyError("outer")
except KeyError:
    t = Twice()
    del t
    gc.collect()
    print("still handling", sys.exc_info()[0].__name__)

sys.unraisablehook = sys.__unraisablehook__
b = Bad()
del b
gc.collect()
print("-- after default hook")
