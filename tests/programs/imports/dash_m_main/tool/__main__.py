# python -m package runs package/__main__.py.
import sys
print(__name__, __package__, sys.argv[1:], sys.argv[0].endswith("/tool/__main__.py"))
raise SystemExit(4)
