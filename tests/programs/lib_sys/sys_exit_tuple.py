# sys.exit(t) with a tuple raises SystemExit(*t): (42,) exits with 42, () with None, (17, 23) keeps both (test_sys test_exit)
import sys

class T(tuple):
    pass

for arg in ((42,), (), (17, 23), ("exit",), T((3,)), [1], 42, "text", None):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e.code), e.args)
