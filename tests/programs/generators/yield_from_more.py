# yield from: delegation, return values of subgenerators, flattening, delegating to iterables
def inner(n):
    for i in range(n):
        yield i
    return "inner done %d" % n
def outer():
    r1 = yield from inner(2)
    print("got", r1)
    r2 = yield from inner(3)
    print("got", r2)
    yield from "xy"
    yield from [10, 20]
    return "outer done"
g = outer()
print(list(g))
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]], []])))
def collect():
    result = yield from outer()
    yield "final:" + result
print(list(collect()))
def tree(d, depth=0):
    for k in sorted(d):
        yield "  " * depth + k
        yield from tree(d[k], depth + 1)
print("\n".join(tree({"root": {"b": {}, "a": {"x": {}, "y": {"z": {}}}}, "etc": {}})))
def chain(*its):
    for it in its:
        yield from it
print(list(chain(range(3), (9, 8), {"k": 1}, "ab")))
def gen_ret():
    yield 1
    return 42
def wrap():
    v = yield from gen_ret()
    return v * 2
w = wrap()
print(next(w))
try:
    next(w)
except StopIteration as e:
    print("StopIteration value", e.value)
