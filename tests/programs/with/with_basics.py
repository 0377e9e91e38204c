# with-statements: __enter__/__exit__ order, exceptions suppressed or not, nesting, return.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val, tb is not None)
        return self.suppress

with CM("a") as x:
    print("body", x)
with CM("b", suppress=True):
    raise ValueError("suppressed")
print("after b")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with CM("outer") as o, CM("inner") as i:
    print("both", o, i)
def f():
    with CM("ret"):
        return "returned"
print(f())
for n in range(3):
    with CM(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)
with CM("nested", suppress=True):
    with CM("deep"):
        1 / 0
print("after nested")
class Tuple:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        pass
with Tuple() as (p, q):
    print(p + q)
