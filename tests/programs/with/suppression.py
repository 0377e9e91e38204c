# __exit__ returning true suppresses the exception; false or None propagates it
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressed", et.__name__, ev)
            self.caught = ev
            return True
        return None
with Suppress(KeyError) as s:
    {}["missing"]
    print("not reached")
print("after with, caught:", repr(s.caught))
with Suppress(ArithmeticError):
    1 / 0
print("zero division suppressed")
try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("propagated:", e)
class Truthy:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        return "non-empty string is true"
with Truthy():
    raise ValueError("gone")
print("truthy return value also suppresses")
def in_func():
    with Suppress(ValueError):
        raise ValueError("inside function")
    return "function continued"
print(in_func())
count = 0
for i in range(5):
    with Suppress(ZeroDivisionError):
        count += 10 // (i % 2)
print("count", count)
