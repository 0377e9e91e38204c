# the builtin exception hierarchy: bases and catching by ancestor
names = [ZeroDivisionError, OverflowError, FloatingPointError, KeyError, IndexError,
         UnboundLocalError, NameError, RecursionError, NotImplementedError, RuntimeError,
         ModuleNotFoundError, ImportError, FileNotFoundError, PermissionError, OSError,
         UnicodeDecodeError, UnicodeError, ValueError, TypeError, AttributeError,
         StopIteration, StopAsyncIteration, GeneratorExit, KeyboardInterrupt, SystemExit,
         AssertionError, BufferError, EOFError, MemoryError, TabError, IndentationError,
         SyntaxError, LookupError, ArithmeticError, Exception, BaseException,
         DeprecationWarning, UserWarning, Warning, ConnectionResetError, TimeoutError]
for cls in names:
    chain = [k.__name__ for k in cls.__mro__]
    print(" -> ".join(chain))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
print(issubclass(GeneratorExit, Exception), issubclass(StopIteration, Exception))
print(EnvironmentError is OSError, IOError is OSError)
def trigger(kind):
    if kind == 0: return 1 // 0
    if kind == 1: return {}["k"]
    if kind == 2: return [][3]
    if kind == 3: return int("x")
    if kind == 4: return undefined_name
    if kind == 5: return None.attr
    if kind == 6: return 1 + "a"
    if kind == 7: raise NotImplementedError("todo")
for k in range(8):
    try:
        trigger(k)
    except ArithmeticError as e:
        print(k, "ArithmeticError", type(e).__name__)
    except LookupError as e:
        print(k, "LookupError", type(e).__name__)
    except RuntimeError as e:
        print(k, "RuntimeError", type(e).__name__)
    except Exception as e:
        print(k, "Exception", type(e).__name__)
