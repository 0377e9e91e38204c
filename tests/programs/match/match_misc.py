# match: subject evaluated once, value patterns vs captures, builtin class patterns with positional subpattern
evaluations = 0
def subject():
    global evaluations
    evaluations += 1
    return [1, 2, 3]
match subject():
    case [0, *_]:
        print("starts with 0")
    case [1, *_]:
        print("starts with 1")
print("subject evaluated", evaluations, "time")
class Color:
    RED = "red"
    GREEN = "green"
def paint(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case unknown:
            return "unknown colour " + unknown
print(paint("red"), paint("green"), paint("blue"))
for v in [5, "five", 5.0, [5], (5,), {"five": 5}, b"5", True, None]:
    match v:
        case bool(b):
            r = "bool %r" % b
        case int(i):
            r = "int %d" % i
        case float(f):
            r = "float %r" % f
        case str(s):
            r = "str %s" % s
        case bytes(bs):
            r = "bytes %r" % bs
        case list([x]) | tuple((x,)):
            r = "singleton %s containing %r" % (type(v).__name__, x)
        case dict(d):
            r = "dict with %d key" % len(d)
        case _:
            r = "other"
    print(r)
def walrus_and_match(data):
    results = []
    for item in data:
        match item:
            case {"n": int(n)} if (sq := n * n) > 10:
                results.append(sq)
            case {"n": int(n)}:
                results.append(-n)
    return results
print(walrus_and_match([{"n": 2}, {"n": 5}, {"m": 1}, {"n": "x"}, {"n": 4}]))
