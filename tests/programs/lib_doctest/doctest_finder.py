# DocTestFinder / DocTestRunner on a module imported from a file: test names, line numbers, a runner writing to its own stream, summarize
import contextlib
import doctest
import io
import os
import re
import sys
import tempfile

MODULE = '''\
"""A module with doctests.

>>> double(4)
8
"""

def double(x):
    """
    >>> double(2)
    4
    >>> double("ab")
    'abab'
    """
    return 2 * x

def half(x):
    """
    >>> half(9)
    4
    """
    return x / 2

class Box:
    """
    >>> Box(3).value
    3
    """
    def __init__(self, value):
        self.value = value

    def get(self):
        """
        >>> Box(5).get()
        5
        """
        return self.value

    @property
    def twice(self):
        """
        >>> Box(2).twice
        4
        """
        return 2 * self.value

__test__ = {"extra": """
>>> 1 + 1
2
"""}
'''

directory = tempfile.mkdtemp()
with open(os.path.join(directory, "boxes.py"), "w") as f:
    f.write(MODULE)
sys.path.insert(0, directory)
sys.dont_write_bytecode = True
import boxes

finder = doctest.DocTestFinder()
for test in sorted(finder.find(boxes), key=lambda t: t.name):
    print(test.name, len(test.examples), test.lineno, os.path.basename(test.filename))

out = io.StringIO()
runner = doctest.DocTestRunner(verbose=False)
for test in sorted(finder.find(boxes), key=lambda t: t.name):
    runner.run(test, out=out.write)
print(re.sub(r'File "[^"]*/', 'File "', out.getvalue()), end="")
with contextlib.redirect_stdout(io.StringIO()) as summary:
    print(runner.summarize(verbose=True))
print(summary.getvalue(), end="")

with contextlib.redirect_stdout(io.StringIO()) as report:
    result = doctest.testmod(boxes)
print(re.sub(r'File "[^"]*/', 'File "', report.getvalue()), end="")
print(result)

os.remove(os.path.join(directory, "boxes.py"))
os.rmdir(directory)
