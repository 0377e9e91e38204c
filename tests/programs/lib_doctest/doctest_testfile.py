# doctest.testfile() on a text file (module_relative=False), with globs, flags, a failing example; run_docstring_examples; the parser
import contextlib
import doctest
import io
import os
import re
import tempfile


def run(test):
    """test()'s report, with the file's directory left out."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        result = test()
    print(re.sub(r'File "[^"]*/', 'File "', out.getvalue()), end="")
    return result


TEXT = """\
The example file
================

Plain prose is ignored.

    >>> x = 6
    >>> x * 7
    42
    >>> greeting + ", world"
    'hello, world'

A failing one:

    >>> sorted({3, 1, 2})
    [3, 2, 1]

Ellipsis, by the file's flags:

    >>> list(range(100))
    [0, 1, ..., 99]
    >>> print("a\\n\\nb")
    a
    <BLANKLINE>
    b
"""

directory = tempfile.mkdtemp()
path = os.path.join(directory, "example.txt")
with open(path, "w") as f:
    f.write(TEXT)

print(run(lambda: doctest.testfile(path, module_relative=False,
                                   globs={"greeting": "hello"},
                                   optionflags=doctest.ELLIPSIS)))
print(run(lambda: doctest.testfile(path, module_relative=False, name="renamed",
                                   globs={"greeting": "hi"}, report=True)))
print(run(lambda: doctest.testfile(path, module_relative=False, verbose=True,
                                   globs={"greeting": "hello"},
                                   optionflags=doctest.ELLIPSIS)))
os.remove(path)
os.rmdir(directory)


def square(n):
    """
    >>> square(3)
    9
    >>> square(4)
    15
    """
    return n * n


run(lambda: doctest.run_docstring_examples(square, {"square": square}, name="square"))
run(lambda: doctest.run_docstring_examples(square, {"square": square}, verbose=True))

parser = doctest.DocTestParser()
examples = parser.get_examples(TEXT)
for example in examples:
    print(repr(example.source), repr(example.want), example.lineno, example.indent, example.options)
test = parser.get_doctest(TEXT, {}, "parsed", "parsed.txt", 0)
print(test, len(test.examples))
print(doctest.script_from_examples(TEXT))
