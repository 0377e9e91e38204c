"""Module docstring dropped under -OO."""
# -OO: .opt-2.pyc bytecode, docstrings removed too.
import sys
def f():
    "function doc"
    return 1
print(sys.flags.optimize, __debug__, __doc__, f.__doc__, f())
