# Mapping and class patterns on builtin types, and their errors.
def m(v):
    match v:
        case {"op": "add", "args": [a, b]}:
            return a + b
        case {"op": "neg", "arg": a, **rest} if not rest:
            return -a
        case {"op": op, **rest}:
            return f"unknown op {op} with {sorted(rest)}"
        case bool(b):
            return f"bool {b}"
        case int(i) | float(i):
            return f"number {i}"
        case tuple((x, y)):
            return f"tuple of two {x} {y}"
        case list([x]):
            return f"list of one {x}"
        case dict():
            return "other dict"
        case str(s) if s.isdigit():
            return "digits"
        case _:
            return "?"
for v in [{"op": "add", "args": [1, 2]}, {"op": "neg", "arg": 5}, {"op": "neg", "arg": 5, "x": 1},
          {"op": "mul", "b": 1, "a": 2}, True, 3, 2.5, (1, 2), [9], {}, "123", "abc", None]:
    print(repr(v), "->", m(v))
d = {"a": 1, "b": 2, "c": 3}
match d:
    case {"a": 1, **others}:
        print(others, d)
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
try:
    match 5:
        case int(x, real=y):
            pass
except TypeError as e:
    print(e)
