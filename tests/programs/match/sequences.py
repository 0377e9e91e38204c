# Sequence patterns: star positions, nested, tuples vs lists, strings are not sequences.
def m(v):
    match v:
        case [*_, "end"]:
            return "ends with end"
        case ["start", *mid, last]:
            return f"start..{mid}..{last}"
        case (1, 2):
            return "one two"
        case [[a, b], [c, d]]:
            return f"matrix {a}{b}{c}{d}"
        case [x, y, *_] if x == y:
            return f"pair {x}"
        case str() | bytes():
            return "text"
        case [*all_items]:
            return f"all {all_items}"
        case _:
            return "other"
for v in [["a", "end"], ["start", 1, 2, 3], ["start", 9], [1, 2], (1, 2), [[1, 2], [3, 4]],
          [5, 5, 6], "abc", b"ab", [], (7,), range(2), {1: 2}, 3]:
    print(repr(v), m(v))

def C():
    pass
C.RED = "red"
C.GREEN = "green"
def color(c):
    match c:
        case C.RED:
            return "stop"
        case C.GREEN:
            return "go"
        case other:
            return "unknown " + other
for c in ["red", "green", "blue"]:
    print(color(c))

match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]] if a + b + c + d == 10:
        print("sum ten")
match (1, 2, 3, 4, 5):
    case (first, *middle, last):
        print(first, middle, last)
match "x":
    case "x" | "y" as letter:
        print("letter", letter)
