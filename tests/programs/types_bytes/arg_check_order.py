# With two wrong arguments, find/count/index take start and end first and
# split takes maxsplit first (as CPython converts them), so the error names
# the later argument; bytearray.extend of a str fails on its first item
# (3.13 and later: a message of its own).
def attempt(call):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


attempt(lambda: bytearray().extend("ab"))
attempt(lambda: bytearray().extend(5))
for recv in (b"abc", "abc", bytearray(b"abc")):
    sub = "b" if isinstance(recv, str) else b"b"
    for m in ("find", "count", "index", "rfind", "rindex"):
        attempt(lambda: getattr(recv, m)(1.5, "x"))
        attempt(lambda: getattr(recv, m)(sub, "x"))
        attempt(lambda: getattr(recv, m)(sub, 1, "x"))
        attempt(lambda: getattr(recv, m)(1, "x", "y"))
        attempt(lambda: getattr(recv, m)(300, 1, 2))
    for m in ("split", "rsplit"):
        attempt(lambda: getattr(recv, m)(1, "x"))
        attempt(lambda: getattr(recv, m)(None, "x"))
        attempt(lambda: getattr(recv, m)(1.5, 2))
        print(getattr(recv, m)(sub, 1))
