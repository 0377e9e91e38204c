# A relative import in a script (no parent package) fails as in CPython.
try:
    from . import sibling
except ImportError as e:
    print("ImportError:", e)
from .sibling import x
