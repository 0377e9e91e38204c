# An uncaught exception raised while handling another: both are printed.
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise LookupError(f"cannot parse {s!r}")
print(parse("12"))
parse("x")
