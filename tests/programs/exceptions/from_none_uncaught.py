# raise ... from None hides the context; uncaught, last line compared
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise AttributeError("no field " + repr(k)) from None
d = {"a": 1}
print(lookup(d, "a"))
try:
    lookup(d, "b")
except AttributeError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
lookup(d, "zz")
