# match statements: literals, captures, guards, sequences, mappings, class patterns.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case int():
            return "int"
        case float(f):
            return f"float {f}"
        case str() as s if len(s) == 0:
            return "empty string"
        case str(s):
            return "string " + s
        case []:
            return "empty seq"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a} {b}"
        case [first, *rest]:
            return f"first {first} rest {rest}"
        case {"type": "point", "x": x0, "y": y0}:
            return f"point {x0},{y0}"
        case {"k": v, **others}:
            return f"k={v} others={others}"
        case {}:
            return "some mapping"
        case None:
            return "none"
        case True:
            return "true?"
        case _:
            return "other " + type(x).__name__

for v in [0, 2, -5, 7, 1.5, "", "hi", [], [1], (1, 2), [1, 2, 3, 4], range(3),
          {"type": "point", "x": 1, "y": 2}, {"k": 1, "z": 2}, {"a": 1}, None, True,
          {1, 2}, b"xy", "abc"]:
    print(repr(v), "->", describe(v))

def cmd(c):
    match c.split():
        case ["go", ("north" | "south") as d]:
            return "going " + d
        case ["take", *items] if items:
            return "taking " + ", ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "?"
for c in ["go north", "go west", "take a b", "take", "exit", ""]:
    print(c, "=>", cmd(c))

match (1, (2, 3)):
    case (a, (b, c)):
        print(a + b + c)
match {"a": {"b": [1, 2]}}:
    case {"a": {"b": [_, x]}}:
        print("nested", x)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print(e)
try:
    match 5:
        case len():
            pass
except TypeError as e:
    print(e)
match 3.0:
    case 3:
        print("3.0 matches 3")
x = 1+2j
match x:
    case bool():
        print("bool")
    case complex(real=r, imag=i):
        print("real", r, "imag", i)
