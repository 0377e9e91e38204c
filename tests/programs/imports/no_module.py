# ModuleNotFoundError: its message, its name, and 'not a package'.
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e, "|", e.name, isinstance(e, ImportError))
try:
    import sys.nothing
except ModuleNotFoundError as e:
    print(e)
try:
    from sys import no_such_name
except ImportError as e:
    print(e)
import no_such.sub.module
