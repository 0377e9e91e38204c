# exceptions crossing generator and comprehension boundaries, and in __init__/__del__-free objects
def gen():
    yield 1
    raise KeyError("from generator")
try:
    for v in gen():
        print("got", v)
except KeyError as e:
    print("KeyError:", e)
try:
    [1 // x for x in (1, 0)]
except ZeroDivisionError as e:
    print("in comprehension:", e)
try:
    {k: 1 / k for k in (2, 0)}
except ZeroDivisionError as e:
    print("in dict comprehension:", e)
try:
    sorted([3, 1, 2], key=lambda n: 1 / (n - 2))
except ZeroDivisionError as e:
    print("in sort key:", e)
try:
    list(map(int, ["1", "two"]))
except ValueError as e:
    print("in map:", e)
class Fragile:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative: %d" % v)
        self.v = v
made = []
for v in [1, -1, 2]:
    try:
        made.append(Fragile(v).v)
    except ValueError as e:
        print("constructor failed:", e)
print(made)
def outer():
    def inner():
        raise LookupError("inner problem")
    try:
        inner()
    except LookupError as e:
        return "outer saw: %s" % e
print(outer())
