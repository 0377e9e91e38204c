# PEP 709 inlined comprehensions (3.12 bytecode): LOAD_FAST_AND_CLEAR, cells made mid-function, outer names kept
def shadow():
    x = "outer"
    squares = [x * x for x in range(4)]
    return x, squares

def unbound_outer():
    items = [y for y in "ab"]
    try:
        return y
    except NameError as e:
        return items, type(e).__name__

def closures():
    fns = [lambda: i for i in range(3)]
    return [f() for f in fns]

def raising():
    z = 10
    try:
        [1 / (z - 10) for z in (9, 10)]
    except ZeroDivisionError:
        pass
    return z

def nested():
    return [[(a, b) for b in range(a)] for a in range(3)]

def with_walrus():
    data = [1, 5, 2, 8]
    big = [v for v in data if (last := v) > 1]
    return big, last

class Table:
    rows = [1, 2, 3]
    doubled = [r * 2 for r in rows]
    pairs = {r: r * r for r in rows}

print(shadow(), unbound_outer(), closures(), raising())
print(nested(), with_walrus())
print(Table.doubled, Table.pairs, {c for c in "hello"} == set("helo"))
print(sum(n for n in range(10)), dict((k, len(k)) for k in ["a", "bb"]))
