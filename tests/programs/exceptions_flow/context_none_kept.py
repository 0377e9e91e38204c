# An exception gets its __context__ where it is raised, once: a handler that
# sets it to None (contextlib's ExitStack does, as nested with statements
# would) keeps it None while the exception goes on up through frames that
# handle other exceptions, and a re-raise (bare raise, the end of a finally)
# chains nothing (CPython's test_contextlib
# test_exit_exception_explicit_none_context).
from contextlib import ExitStack, contextmanager


class MyException(Exception):
    pass


def raises_without_context():
    try:
        raise IndexError
    except IndexError:
        exc = MyException()
        try:
            raise exc
        finally:
            exc.__context__ = None


def handler_calls():
    try:
        raise KeyError
    except KeyError:
        try:
            raises_without_context()
        except MyException as e:
            print("caught inside:", repr(e.__context__))
            raise


try:
    handler_calls()
except MyException as e:
    print("caught outside:", repr(e.__context__))


@contextmanager
def my_cm():
    try:
        yield
    except BaseException:
        exc = MyException()
        try:
            raise exc
        finally:
            exc.__context__ = None


@contextmanager
def my_cm_with_exit_stack():
    with ExitStack() as stack:
        stack.enter_context(my_cm())
        yield stack


for cm in (my_cm, my_cm_with_exit_stack):
    try:
        with cm():
            raise IndexError()
    except MyException as exc:
        print(cm.__name__, repr(exc.__context__))


# The ordinary chaining stays: raised in a handler, re-raised, raised again.
def chained():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")


try:
    try:
        chained()
    except TypeError as e:
        print("chained:", repr(e.__context__))
        saved = e
        raise
except TypeError as e:
    print("re-raised:", repr(e.__context__), e is saved)

try:
    raise KeyError("k")
except KeyError:
    try:
        raise saved
    except TypeError as e:
        print("raised again:", repr(e.__context__))


def gen():
    try:
        yield 1
    except GeneratorExit:
        raise RuntimeError("in close")


try:
    raise OSError("outer")
except OSError:
    g = gen()
    next(g)
    try:
        g.throw(ValueError("thrown"))
    except ValueError as e:
        print("thrown:", repr(e.__context__))
