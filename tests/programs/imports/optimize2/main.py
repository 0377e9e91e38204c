# -OO: runs the .opt-2.pyc: sys.flags.optimize is 2, __debug__ False, module and function docstrings None
"""Module docstring dropped under -OO."""
import sys
def f():
    "function doc"
    return 1
print(sys.flags.optimize, __debug__, __doc__, f.__doc__, f())
