# doctest.testmod() on __main__: passing and failing examples, directives, the summary and TestResults (file paths cut to the name)
import contextlib
import doctest
import io
import re


def run(test):
    """test()'s report, with the file's directory left out (it depends on
    where the program runs from)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        result = test()
    print(re.sub(r'File "[^"]*/', 'File "', out.getvalue()), end="")
    return result


def add(a, b):
    """Add two things.

    >>> add(1, 2)
    3
    >>> add("a", "b")
    'ab'
    >>> add(1, 2)          # a failing example: wrong expected output
    4
    >>> add([1], [2])
    [1, 2]
    """
    return a + b


class Stack:
    """A stack.

    >>> s = Stack()
    >>> s.push(1); s.push(2)
    >>> s.items
    [1, 2]
    >>> s.pop()
    2
    >>> len(s)
    1
    """

    def __init__(self):
        self.items = []

    def push(self, x):
        """
        >>> Stack().push(5) is None
        True
        """
        self.items.append(x)

    def pop(self):
        return self.items.pop()

    def __len__(self):
        return len(self.items)


def directives():
    """
    >>> list(range(30))  # doctest: +ELLIPSIS
    [0, 1, 2, ..., 29]
    >>> print("a   b\\n  c")  # doctest: +NORMALIZE_WHITESPACE
    a b c
    >>> print("a   b")  # a failure: whitespace counts without the flag
    a b
    >>> {"x": 1}   # doctest: +SKIP
    this is not checked
    >>> print("")
    <BLANKLINE>
    >>> print("trailing")   # doctest: +ELLIPSIS
    tra...ing
    >>> [1, 2, 3]   # doctest: +ELLIPSIS
    [1, ..., 4]
    """


def multiline():
    """
    >>> for i in range(3):
    ...     print(i, i * i)
    0 0
    1 1
    2 4
    >>> def f(x):
    ...     return x * 2
    >>> f(21)
    42
    >>> x = 7
    >>> x
    7
    """


def no_examples():
    """Nothing to test here."""


result = run(doctest.testmod)
print(result)
print(result.failed, result.attempted)
print(run(lambda: doctest.testmod(verbose=False, report=False)))
print(run(lambda: doctest.testmod(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)))
print(run(lambda: doctest.testmod(optionflags=doctest.REPORT_ONLY_FIRST_FAILURE)))
print(run(lambda: doctest.testmod(optionflags=doctest.REPORT_NDIFF)))
print(run(lambda: doctest.testmod(optionflags=doctest.REPORT_UDIFF | doctest.FAIL_FAST)))
