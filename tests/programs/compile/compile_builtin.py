# compile(): modes, flags, optimize, sources and file names.
import sys

c = compile("a = 6 * 7", "<my file>", "exec")
print(type(c).__name__, c.co_filename, c.co_name)
ns = {}
exec(c, ns)
print(ns["a"])

e = compile("a + 1", "expr.py", "eval")
print(eval(e, {"a": 1}), e.co_filename)

# 'single' mode: an expression statement's value goes to sys.displayhook.
s = compile("6 * 7", "<single>", "single")
exec(s)
exec(compile("None", "<single>", "single"))          # None is not shown
exec(compile("'text'", "<single>", "single"))         # the repr is shown

shown = []
sys.displayhook = shown.append
exec(compile("[1, 2, 3]", "<single>", "single"))
sys.displayhook = sys.__displayhook__
print("hook received", shown)

# File names: str, bytes, os.PathLike.
class Path:
    def __fspath__(self):
        return "from_fspath.py"
print(compile("1", b"bytes_name.py", "eval").co_filename)
print(compile("1", Path(), "eval").co_filename)

# Sources: str, bytes (a coding cookie counts), bytearray.
latin = "# -*- coding: latin-1 -*-\nword = 'caf\xe9'\n".encode("latin-1")
ns = {}
exec(compile(latin, "latin.py", "exec"), ns)
print(ns["word"], len(ns["word"]))
ns = {}
exec(compile("# -*- coding: latin-1 -*-\nword = 'caf\xe9'\n", "text.py", "exec"), ns)
print(ns["word"])                                      # a str: the cookie is ignored
print(eval(compile(bytearray(b"3 ** 3"), "ba", "eval")))

# optimize: asserts and __debug__ go at 1, docstrings at 2.
src = 'def f():\n    "doc"\n    assert False, "assert ran"\n    return __debug__\n'
for level in (-1, 0, 1, 2):
    ns = {}
    exec(compile(src, "opt.py", "exec", optimize=level), ns)
    try:
        print(level, ns["f"](), ns["f"].__doc__)
    except AssertionError as err:
        print(level, "AssertionError:", err, ns["f"].__doc__)

# The flag for top-level await makes a coroutine's code.
code = compile("await x", "aw", "exec", flags=0x2000)
print(bool(code.co_flags & 0x80))

# Keyword arguments.
print(compile(source="1", filename="kw", mode="eval", dont_inherit=True).co_filename)

# Errors, with CPython's messages.
def show(thunk):
    try:
        thunk()
    except (TypeError, ValueError) as err:
        print(type(err).__name__ + ":", err)
show(lambda: compile("x", "f", "bogus"))
show(lambda: compile("x", "f", "exec", 0x8000000))
show(lambda: compile("x", "f", "exec", optimize=5))
show(lambda: compile("x\0", "f", "exec"))
show(lambda: compile(b"x\0", "f", "exec"))
show(lambda: compile(1, "f", "exec"))
show(lambda: compile(c, "f", "exec"))
show(lambda: compile("x", 1, "exec"))
show(lambda: compile("x", "f", 1))
show(lambda: compile())
show(lambda: compile("1"))
show(lambda: compile("x", "f", "exec", flags="no"))
