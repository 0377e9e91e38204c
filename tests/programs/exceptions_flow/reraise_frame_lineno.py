# A frame an exception left shows (f_lineno) the line that first raised, also when the re-raise went through another handler of the same frame first (a named except's cleanup, a with's exit), as CPython's RERAISE restores its lasti


class Noop:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass


def simple():
    1 / 0
    pass


def in_except():
    try:
        1 / 0
    except:
        1 / 0
        pass


def other_except():
    try:
        1 / 0
    except TypeError as ex:
        pass


def in_named_except():
    try:
        1 / 0
    except Exception as ex:
        1 / 0
        pass


def in_try():
    try:
        1 / 0
    finally:
        pass


def in_finally_except():
    try:
        1 / 0
    finally:
        1 / 0
        pass


def after_with():
    with Noop():
        1 / 0
        pass


def nested_named():
    try:
        try:
            [][1]
        except IndexError as a:
            {}[2]
    except KeyError as b:
        1 / 0


def with_in_named():
    try:
        1 / 0
    except Exception as ex:
        with Noop():
            [][0]


for f in (simple, in_except, other_except, in_named_except, in_try, in_finally_except,
          after_with, nested_named, with_in_named):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__.tb_next
        frame = t.tb_frame
        print(f.__name__, type(ex).__name__, frame.f_lineno - frame.f_code.co_firstlineno,
              t.tb_lineno - frame.f_code.co_firstlineno)
