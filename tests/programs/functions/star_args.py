# *args and **kwargs in definitions and calls; unpacking in calls, ordering rules
def show(*args, **kwargs):
    return "args=%r kwargs=%r" % (args, sorted(kwargs.items()))
print(show())
print(show(1, 2, x=3))
nums = [1, 2, 3]
opts = {"sep": ", ", "end": "!"}
print(show(*nums, *"ab", **opts, extra=1))
print(show(0, *nums, 4, *(), **{}, k=5))
def area(w, h, unit="cm"):
    return "%d%s^2" % (w * h, unit)
print(area(*[3, 4]), area(**{"w": 2, "h": 5, "unit": "m"}), area(2, **{"h": 8}))
try:
    area(*[1, 2, 3, 4])
except TypeError as e:
    print("TypeError:", e)
try:
    area(1, **{"w": 2, "h": 3})
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    show(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    show(**[1])
except TypeError as e:
    print("TypeError:", e)
def passthrough(*a, **k):
    return show(*a, **k)
print(passthrough(9, y=8))
print(*[1, 2, 3], sep="|")
print(*"hello")
def gen():
    yield from range(3)
print(show(*gen(), **dict(zip("ab", range(2)))))
def first_rest(first, *rest):
    return first, rest
print(first_rest(*range(5)), first_rest("only"))
