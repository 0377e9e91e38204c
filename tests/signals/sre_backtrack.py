# Ctrl-C stops the regular-expression engine in catastrophic backtracking
# ((x+x+)+y against x's: exponential time), polled as CPython polls its
# signal handlers.  The pattern is compiled by CPython's own re/_parser.py
# and re/_compiler.py (re/__init__.py needs enum, which pvm cannot import yet).
import os
import sys

stdlib = [p for p in sys.path if os.path.isfile(os.path.join(p, "re", "_compiler.py"))][0]
package = type(sys)("re")
package.__path__ = [os.path.join(stdlib, "re")]
sys.modules["re"] = package
from re import _compiler

pattern = _compiler.compile(r"(x+x+)+y", 0)
print("ready", flush=True)
print(pattern.match("x" * 60))
