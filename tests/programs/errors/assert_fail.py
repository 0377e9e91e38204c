# AssertionError with a message.
x = 3
assert x == 3, "x should be 3"
print("first assert passed")
assert x > 5, f"x is too small: {x}"
