# match: guards with side effects, or-patterns binding the same names, as-patterns
calls = []
def check(label, v):
    calls.append(label)
    return v
def classify(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "moving " + direction
        case ["go", other]:
            return "cannot go " + other
        case ["take" | "grab", item] if check("take-guard", item != "anvil"):
            return "taking " + item
        case ["take" | "grab", item]:
            return item + " is too heavy"
        case ["drop", *items] if items:
            return "dropping " + ", ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case [("n" | "s") as short]:
            return "short move " + short
        case []:
            return "say something"
        case _:
            return "unknown command: " + cmd
for c in ["go north", "go up", "take lamp", "grab anvil", "drop a b", "drop", "exit", "s", "", "dance now"]:
    print(repr(c), "->", classify(c))
print(calls)
def pair(v):
    match v:
        case (x, 0) | (0, x):
            return "one axis, other = %r" % x
        case (x, y) as whole if x > y:
            return "descending %r" % (whole,)
        case (int() | float() as a, b):
            return "numeric first %r" % a
    return "no match"
for v in [(5, 0), (0, 7), (9, 2), (1.5, 9), ("a", "b")]:
    print(v, pair(v))
x = "untouched"
match (1, 2):
    case (x, 3):
        pass
    case _:
        pass
print("x after failed match:", x)
