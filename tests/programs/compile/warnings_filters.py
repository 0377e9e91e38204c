# Compiler warnings (SyntaxWarning, DeprecationWarning) go through the warnings filters: recorded, ignored, or a SyntaxError under "error"
import warnings, sys
x = 1
exec("y = 1\nif x is 1:\n    print('compiled with a warning')\n")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    compile("x is 1", "<a>", "eval")
    compile(r"'\d'", "<b>", "eval")
    compile("1if x else 2", "<c>", "eval")
for m in w:
    print(m.category.__name__, m.message, m.filename, m.lineno)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for src in ["x is 1", r"'\d'", "[1, 2] [0]", "(1, 2)()", "assert (x, 'm')", "1if x else 2", "0x1for x in y"]:
        try:
            compile(src, "<e>", "exec")
        except SyntaxError as e:
            print("SyntaxError", e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", category=SyntaxWarning)
    print(eval("1 is 1"))
def hook(*a, **k):
    raise KeyError("from showwarning")
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = hook
    try:
        compile("x is 1", "<h>", "eval")
    except KeyError as e:
        print("KeyError", e)
