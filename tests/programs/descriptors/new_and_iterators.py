# T.__new__ is a builtin method bound to T (CPython's tp_new_wrapper), not a
# slot wrapper; T.__init__ of a type whose __new__ only allocates is a slot
# wrapper; code's co_lines()/co_positions() iterators have their own types.
import collections
import pickle


def masked(obj):
    text = repr(obj)
    at = text.find(" at 0x")
    return text if at < 0 else text[:at] + " at 0x...>"


for t in (int, property, object, dict, collections.deque, type, staticmethod,
          BaseException, super, bytearray):
    n = t.__new__
    print(t.__name__, masked(n), type(n).__name__, n.__name__, n.__qualname__,
          n.__self__ is t, n.__module__, n.__text_signature__, n.__doc__)
    print(" ", n == t.__new__, hash(n) == hash(t.__new__),
          pickle.loads(pickle.dumps(n)) == n)
print(masked(property.__dict__["__new__"]), type(property.__dict__["__new__"]).__name__)

# calling T.__new__: the checks of tp_new_wrapper
print(int.__new__(int, 5), type(object.__new__(object)).__name__, property.__new__(property).fget)
for call in (lambda: int.__new__(str), lambda: object.__new__(int), lambda: int.__new__(),
             lambda: int.__new__(3), lambda: dict.__new__(list)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


class C(int):
    pass


print(C.__new__ is int.__new__, C.__new__(C, 3), type(C.__new__(C, 3)).__name__)
print(C(7))


class P(property):
    def __new__(cls, *args):
        return property.__new__(cls)


print(type(P(len)).__name__, P(len).fget)

# __init__ of OrderedDict, property, staticmethod, classmethod (their __new__
# allocates, __init__ fills)
print(collections.OrderedDict.__init__, property.__init__)
print(staticmethod.__init__, classmethod.__init__, staticmethod.__init__.__doc__)
print(type(collections.OrderedDict.__init__).__name__, type(property.__init__).__name__)
print(collections.deque.__init__, collections.defaultdict.__init__)
d = collections.deque([1, 2, 3], 2)
d.__init__([7])
print(d, d.maxlen, collections.deque.__new__(collections.deque, [1]))
dd = collections.defaultdict.__new__(collections.defaultdict, list)
print(dd.default_factory, collections.defaultdict(list, a=1))
s = staticmethod(masked)
s.__init__(len)
print(s.__func__, s.__name__, classmethod(len).__func__)
for args in ((), (len, len)):
    for t in (staticmethod, classmethod):
        try:
            t(*args)
        except TypeError as e:
            print("TypeError", e)
od = collections.OrderedDict(a=1)
collections.OrderedDict.__init__(od, [("b", 2)])
print(od)

# the iterators of a code object's location table
code = masked.__code__
for it in (code.co_lines(), code.co_positions()):
    t = type(it)
    print(t.__name__, t.__qualname__, t.__module__, iter(it) is it, masked(it).split(" at ")[0])
    print(" ", sorted(k for k in dir(it) if k not in dir(object)))
    print(" ", next(it) == next(type(it).__iter__(it)) or "consumed")
    try:
        t()
    except TypeError as e:
        print("TypeError", e)
print(len(list(code.co_lines())) > 0, len(list(code.co_positions())) == len(code.co_code) // 2)
print(type(code.co_lines()) is type(code.co_lines()), type(code.co_lines()) is type(code.co_positions()))
