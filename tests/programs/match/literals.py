# match: literal patterns, wildcard, capture, None/True/False, strings and negative numbers
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case b"raw":
            return "bytes"
        case 2 + 3j:
            return "complex"
        case _:
            return "other %r" % (x,)
for v in [0, 2, -1, 1.5, "hello", True, None, b"raw", 2 + 3j, 99, "bye", False, 1.0]:
    print(repr(v), "->", describe(v))
def capture(x):
    match x:
        case "quit":
            return "quit"
        case other:
            return "captured " + str(other)
print(capture("quit"), capture("go"), capture(5))
def status(code):
    match code:
        case 200 | 201 | 204:
            return "ok"
        case 301 | 302:
            return "redirect"
        case 404:
            return "not found"
        case 500:
            return "server error"
    return "unknown"
print([status(c) for c in (200, 204, 302, 404, 500, 418)])
