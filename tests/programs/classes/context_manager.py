# Context-manager classes: __enter__/__exit__, exception suppression
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, t, e, tb):
        return t is not None and issubclass(t, self.types)

with Resource("a") as r:
    print("body", r.name)
with Resource("outer"), Resource("inner"):
    print("nested")
with Suppress(KeyError):
    {}["missing"]
print("suppressed")
try:
    with Resource("b"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)
def f():
    with Resource("ret"):
        return "returned"
print(f())
