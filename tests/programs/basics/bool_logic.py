# and/or return operands; not returns a bool; truthiness of every basic type.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", "x" or "default")
print(None or 0 or [] or "last")
print(1 and 2 and 3, 1 and 0 and 3)
values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {0: 0}, None, True, False]
for v in values:
    print(repr(v), bool(v), not v)
print(True + True, True * 10, False - 1)
print(True == 1, False == 0, True is True)
print(type(True), type(None))
a = 5
print(a > 3 and a < 10, a > 3 and a > 10, not (a == 5))
