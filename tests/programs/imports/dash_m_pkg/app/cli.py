# python -m app.cli: the package is imported first; __package__ is 'app'.
import sys
from . import helpers
print(__name__, __package__, sys.argv[1:], helpers.NAME)
print(sys.argv[0].endswith("/app/cli.py"), sys.modules["__main__"].__name__)
import app
print(app.helpers is helpers, "cli" in dir(app))
# runpy gives the module importlib's spec for its real name, and its loader.
print(__spec__.name, __spec__.parent, type(__loader__).__name__, __loader__ is __spec__.loader)
print(__spec__.origin == __file__, __spec__.has_location)
