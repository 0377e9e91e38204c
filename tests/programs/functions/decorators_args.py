# decorators with arguments, stacking order, preserving __name__/__doc__ by hand
def wraps(orig):
    def copy(wrapper):
        wrapper.__name__ = orig.__name__
        wrapper.__qualname__ = orig.__qualname__
        wrapper.__doc__ = orig.__doc__
        wrapper.__wrapped__ = orig
        return wrapper
    return copy
def repeat(times):
    def deco(f):
        @wraps(f)
        def wrapper(*a, **k):
            return [f(*a, **k) for _ in range(times)]
        return wrapper
    return deco
def trace(label):
    def deco(f):
        @wraps(f)
        def wrapper(*a, **k):
            print("%s: calling %s%r" % (label, f.__name__, a))
            r = f(*a, **k)
            print("%s: %s returned %r" % (label, f.__name__, r))
            return r
        return wrapper
    return deco
@trace("outer")
@repeat(2)
@trace("inner")
def greet(name):
    "Say hi."
    return "hi " + name
print(greet("ann"))
print(greet.__name__, greet.__doc__, greet.__wrapped__.__name__)
def validate(**types):
    def deco(f):
        def wrapper(**kw):
            for k, t in types.items():
                if not isinstance(kw.get(k), t):
                    raise TypeError("%s must be %s" % (k, t.__name__))
            return f(**kw)
        return wrapper
    return deco
@validate(x=int, name=str)
def record(x, name):
    return "%s=%d" % (name, x)
print(record(x=3, name="n"))
try:
    record(x="3", name="n")
except TypeError as e:
    print("TypeError:", e)
order = []
def mark(n):
    order.append("factory %d" % n)
    def d(f):
        order.append("apply %d" % n)
        return f
    return d
@mark(1)
@mark(2)
@mark(3)
def target():
    pass
print(order)
