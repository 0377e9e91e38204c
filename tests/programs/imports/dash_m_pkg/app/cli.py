# python -m app.cli: the package is imported first; __package__ is 'app'.
import sys
from . import helpers
print(__name__, __package__, sys.argv[1:], helpers.NAME)
print(sys.argv[0].endswith("/app/cli.py"), sys.modules["__main__"].__name__)
import app
print(app.helpers is helpers, "cli" in dir(app))
