# an exit stack written by hand: registering callbacks and managers, unwinding in LIFO order
class ExitStack:
    def __init__(self):
        self.callbacks = []
    def __enter__(self):
        return self
    def enter(self, cm):
        v = cm.__enter__()
        self.callbacks.append(cm.__exit__)
        return v
    def callback(self, f, *a):
        self.callbacks.append(lambda et, ev, tb: f(*a))
    def __exit__(self, et, ev, tb):
        suppressed = False
        while self.callbacks:
            cb = self.callbacks.pop()
            if cb(et, ev, tb):
                suppressed = True
                et = ev = tb = None
        return suppressed
class Named:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, et, ev, tb):
        print("exit", self.n, et.__name__ if et else "-")
        return self.n == "swallower" and et is not None
with ExitStack() as stack:
    names = [stack.enter(Named(x)) for x in ("one", "two", "three")]
    stack.callback(print, "callback with", names)
    print("body")
print("---")
with ExitStack() as stack:
    stack.enter(Named("swallower"))
    stack.enter(Named("inner"))
    raise KeyError("lost")
print("exception was suppressed by swallower")
