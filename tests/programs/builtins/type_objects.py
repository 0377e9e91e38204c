# type() and isinstance() on the basic types.
values = [1, -1, 2 ** 100, 1.5, "s", "", [1], (), {}, {1}, None, True, range(3), len]
for v in values:
    print(type(v))
print(type(1) == int, type(True) == bool, type(1) is int, type("a") is str)
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance("x", str), isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), set))
print(isinstance(None, int), isinstance(2 ** 80, int), isinstance(3, (str, list)))
print(type(type(1)), type(int), int, str, list, dict)
print(int is type(0), type(None) is type(print(end="")))
def f():
    pass
print(type(f), type(lambda: 1), type(print))
