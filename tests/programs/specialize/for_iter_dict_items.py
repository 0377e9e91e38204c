# FOR_ITER_DICT_ITEMS: `for k, v in d.items()` steps the items iterator and
# unpacks in one instruction (no (k, v) tuple).  Loops and comprehensions
# meeting other iterators at the same site, dicts changed while iterated,
# iterators shared with next(), generators suspended inside the loop, and a
# trace function watching the fused loop.
import sys
from collections import OrderedDict


def pairs(iterable):
    out = []
    for k, v in iterable:
        out.append((k, v))
    return out


d = {"a": 1, "b": 2, "c": 3}
print(pairs(d.items()), pairs([(1, 2), [3, 4]]), pairs(d.items()), pairs(iter([("x", "y")])))
print(pairs({}.items()), pairs(OrderedDict(z=26).items()), pairs(x for x in d.items()))


class Sub(dict):
    pass


print(pairs(Sub(p=1, q=2).items()), pairs(zip("ab", "cd")), pairs(d.items()))
try:
    pairs({1: 2, 3: 4}.keys())
except TypeError as e:
    print("TypeError", e)

# Comprehensions and generator expressions get their iterator as an
# argument: their FOR_ITER takes its form in the base body.
def swap(m):
    return {v: k for k, v in m.items()}


print(swap(d), swap({}), [k + str(v) for k, v in d.items()], ", ".join(f"{k}={v}" for k, v in d.items()))
print(swap(dict(zip("xyz", "uvw"))), sorted(swap({i: i * i for i in range(6)}).items()))
print([k for k, v in [("a", 1), ("b", 2)]], [k for k, v in d.items()], [k for k, v in zip("pq", "rs")])

# Values replaced while iterated: the loop sees the new values.
m = {"x": 1, "y": 2, "z": 3}
seen = []
for k, v in m.items():
    seen.append((k, v))
    if k == "x":
        m["y"] = 20
        m["z"] = 30
print(seen, m)

# A change of size, and a key deleted then another added (same size).
for change in ("add", "delete", "swap key"):
    m = {"x": 1, "y": 2, "z": 3}
    seen = []
    try:
        for k, v in m.items():
            seen.append(k)
            if change == "add":
                m["w"] = 4
            elif change == "delete":
                del m["z"]
            elif k == "x":
                del m["y"]
                m["q"] = 9
    except RuntimeError as e:
        print(change, seen, "RuntimeError:", e)

# One iterator, stepped by the loop and by next() in its body; break; else.
it = iter({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}.items())
out = []
for k, v in it:
    out.append((k, v, next(it, None)))
print(out, list(it))
it = iter({1: "one", 2: "two", 3: "three"}.items())
for k, v in it:
    if k == 2:
        break
else:
    print("not reached")
print(k, v, list(it))
for k, v in {}.items():
    pass
else:
    print("empty loop's else")

# Other unpackings after the same iterator are not fused.
for kv in d.items():
    print(kv, end=" ")
for k, *rest in d.items():
    print(k, rest, end=" ")
for (k, v), i in zip(d.items(), range(3)):
    print(k, v, i, end=" ")
print()


# A generator suspended inside the loop, its dict changed between steps.
def walk(m):
    for k, v in m.items():
        yield k, v


g = walk({"a": 1, "b": 2})
print(next(g))
print(next(g), list(g))
m = {"a": 1, "b": 2, "c": 3}
g = walk(m)
print(next(g))
m["d"] = 4
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)


# An exception in the body: its traceback's line.
def body_fails(m):
    total = 0
    for k, v in m.items():
        total += v
    return total


print(body_fails({"a": 1, "b": 2}))
try:
    body_fails({"a": 1, "b": "two"})
except TypeError as e:
    print("TypeError:", e, e.__traceback__.tb_next.tb_lineno)


# A trace function sees every line of the loop, once it is fused.
def traced(m):
    n = 0
    for k, v in m.items():
        n += v
    return n


traced({"a": 1, "b": 2})
events = []


def tracer(frame, event, arg):
    if frame.f_code is traced.__code__:
        events.append((event, frame.f_lineno - traced.__code__.co_firstlineno))
    return tracer


sys.settrace(tracer)
r = traced({"a": 1, "b": 2})
sys.settrace(None)
print(r, events)
print(traced({"x": 5, "y": 6, "z": 7}))
