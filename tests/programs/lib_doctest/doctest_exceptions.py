# doctest examples that raise: expected exceptions (with ... and IGNORE_EXCEPTION_DETAIL), a wrong one, an unexpected one (the report shows its traceback)
import contextlib
import doctest
import io
import re


def run(test):
    """test()'s report, with file directories left out."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        result = test()
    print(re.sub(r'File "[^"]*/', 'File "', out.getvalue()), end="")
    return result


def divide(a, b):
    """
    >>> divide(6, 3)
    2.0
    >>> divide(1, 0)
    Traceback (most recent call last):
    ...
    ZeroDivisionError: division by zero
    >>> divide(1, 0)
    Traceback (most recent call last):
    ZeroDivisionError: integer division or modulo by zero
    >>> divide("a", 1)     # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    TypeError: something else entirely
    >>> divide(None, 2)
    0
    """
    return a / b


def raises():
    """
    >>> raise ValueError("multi\\nline")
    Traceback (most recent call last):
    ValueError: multi
    line
    >>> {}["missing"]
    Traceback (most recent call last):
      ...
    KeyError: 'missing'
    >>> int("x")
    Traceback (most recent call last):
    ValueError: invalid literal for int() with base 10: 'y'
    """


print(run(doctest.testmod))
print(run(lambda: doctest.testmod(verbose=True)))
