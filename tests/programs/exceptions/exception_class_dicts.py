# Which of __init__, __new__, __str__, __reduce__ each builtin exception class has in its own dict (CPython's per-class slots), and that they behave as the inherited ones
import builtins

NAMES = """ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup
BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError
ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError
DeprecationWarning EOFError EncodingWarning EnvironmentError Exception ExceptionGroup
FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError
ImportError ImportWarning IndentationError IndexError InterruptedError IsADirectoryError
KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError
NotADirectoryError NotImplementedError OSError OverflowError PendingDeprecationWarning
PermissionError ProcessLookupError RecursionError ReferenceError ResourceWarning
RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning
SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError
UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning
UserWarning ValueError Warning ZeroDivisionError""".split()
for name in NAMES:
    d = vars(getattr(builtins, name))
    print(name, [k for k in ("__init__", "__new__", "__str__", "__reduce__") if k in d])

print(ValueError.__new__(ValueError, 1).args, ValueError.__new__ is ValueError.__new__)
e = OSError(999, "x", "f")
print(OSError.__reduce__(e), type(OSError(999, "y")).__name__)
try:
    ValueError.__new__(KeyError)
except TypeError as x:
    print(x)


class E(ValueError):
    def __init__(self, a, b=2):
        super().__init__(a, b)


class F(OSError):
    pass


print(E(1).args, E(1, b=3).args, F(999, "y").errno, repr(F(999, "y")))
print(AttributeError("x", name="n").name, NameError("m", name="q").name,
      ImportError("a", name="b", path="c").path)
print(str(KeyError("k")), KeyError.__str__(KeyError("k")), NameError.__str__(NameError("zz")))

# A codec's error is wrapped (3.11) when its class keeps BaseException's
# __init__: a subclass of RuntimeError, which has its own entry, does.
import codecs


class MyRuntimeError(RuntimeError):
    pass


def raiser(*args):
    raise MyRuntimeError("boom")


codecs.register(lambda name: codecs.CodecInfo(raiser, raiser, name="exc_dict_test")
                if name == "exc_dict_test" else None)
try:
    "x".encode("exc_dict_test")
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
