# python -m package runs package/__main__.py.
import sys
print(__name__, __package__, sys.argv[1:], sys.argv[0].endswith("/tool/__main__.py"))
print(__spec__.name, __spec__.parent, type(__loader__).__name__)
raise SystemExit(4)
