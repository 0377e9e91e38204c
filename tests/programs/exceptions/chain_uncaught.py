# implicit chaining (__context__) on an uncaught exception: only the last line is compared
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise LookupError("could not parse %r" % s)
print(parse("42"))
try:
    parse("x")
except LookupError as e:
    print("context type:", type(e.__context__).__name__, e.__context__)
parse("forty-two")
