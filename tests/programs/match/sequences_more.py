# match: sequence patterns, star captures, nested sequences, strings are not sequences
def shape(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return "one: %r" % (x,)
        case [x, y]:
            return "two: %r %r" % (x, y)
        case [first, *_, last] if first == last:
            return "bookends %r" % (first,)
        case [first, *rest]:
            return "first %r, %d more" % (first, len(rest))
for s in [[], [1], (1, 2), [1, 2, 1], [1, 2, 3, 4], range(3), "ab", (5,)]:
    print(repr(s), "->", shape(s))
def points(p):
    match p:
        case (0, 0):
            return "origin"
        case (0, y):
            return "on y axis at %d" % y
        case (x, 0):
            return "on x axis at %d" % x
        case (x, y, *zs) if zs:
            return "higher dimension: %r" % (zs,)
        case (x, y):
            return "point %d,%d" % (x, y)
for p in [(0, 0), (0, 5), [3, 0], (1, 2), (1, 2, 3, 4)]:
    print(p, "->", points(p))
def nested(v):
    match v:
        case [[a, b], [c, d]]:
            return a * d - b * c
        case [[*row] , *more]:
            return "rows of len %d, %d more" % (len(row), len(more))
        case _:
            return "?"
print(nested([[1, 2], [3, 4]]), nested([[1, 2, 3]]), nested([1]))
def heads(v):
    match v:
        case [*init, "end"]:
            return init
        case ["start", *tail]:
            return tail
    return None
print(heads(["a", "b", "end"]), heads(["start", 1, 2]), heads("start end"))
