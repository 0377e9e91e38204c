# Imports of .py files that have no cached bytecode: each is compiled (by
# python3.11, through pvm's compile service) and run.
import plain
print(plain.double(21), plain.__name__, plain.__file__.endswith("plain.py"))
import pkg.sub
from pkg import helper
print(pkg.sub.VALUE, helper(), pkg.__name__)
from pkg.sub import VALUE as v
print(v)

try:
    import broken
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.filename.endswith("broken.py"), e.lineno, e.offset)
try:
    import badindent
except IndentationError as e:
    print(type(e).__name__ + ":", e.msg, e.lineno)
import broken
