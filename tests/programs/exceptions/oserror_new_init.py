# OSError subclasses: an overridden __new__ decides args and OSError.__init__ then does nothing; an own __init__ with OSError's __new__ parses in __init__ (CPython's oserror_use_init, test_exception_hierarchy)
EEXIST = 17   # a literal: the 3.14 oracle (pyodide) numbers errno otherwise

class SubOSError(OSError):
    pass

class WithInit(OSError):
    def __init__(self, message, bar):
        self.bar = bar
        super().__init__(message)

class WithNew(OSError):
    def __new__(cls, message, baz):
        self = super().__new__(cls, message)
        self.baz = baz
        return self

class InitFirst(WithInit, WithNew):
    pass

class NewFirst(WithNew, WithInit):
    pass

class StandaloneInit(OSError):
    def __init__(self):
        pass

class ErrnoInit(OSError):
    def __init__(self, *args):
        print("  __init__ sees", args, "args before:", self.args, "errno before:", self.errno)
        super().__init__(*args)

def show(label, make):
    try:
        e = make()
    except Exception as x:
        print(label, type(x).__name__, x)
        return
    extra = {k: v for k, v in vars(e).items()}
    print(label, type(e).__name__, e.args, e.errno, e.strerror, e.filename, extra)

show("sub", lambda: SubOSError(EEXIST, "Bad file descriptor", "f"))
show("sub kw", lambda: SubOSError("m", x=1))
show("init", lambda: WithInit("some message", "baz"))
show("init kw", lambda: WithInit("some message", bar="baz"))
show("new", lambda: WithNew("some message", "baz"))
show("new kw", lambda: WithNew("some message", baz="baz"))
show("init first", lambda: InitFirst("some message", "baz"))
show("new first", lambda: NewFirst("some message", "baz"))
show("standalone", lambda: StandaloneInit())
show("errno init", lambda: ErrnoInit(2, "no such", "name"))
e = OSError(2, "x", "f")
OSError.__init__(e, 5, "y")
print("OSError.__init__ again", e.args, e.errno, e.filename)
e = FileNotFoundError(2, "x")
e.__init__(3, "z", "g")
print("again", e.args, e.errno, e.filename)
show("plain kw", lambda: OSError(1, "a", x=2))
