# dir(), vars(), __dict__, globals() and locals() with classes
class Base:
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst = 3
c = Child()
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(Child) if not n.startswith("__")])
print(dir(c) == sorted(dir(c)), "__init__" in dir(c), "__class__" in dir(c))
print(dir(Base()))
print(vars(c), c.__dict__ is vars(c))
print(sorted([k for k in vars(Child)]))
class Custom:
    def __dir__(self):
        return ["b", "a"]
print(dir(Custom()))
try:
    vars(1)
except TypeError as e:
    print(e)
def func():
    x = 1
    y = "two"
    print(sorted(locals().items()), dir())
func()
g = globals()
print(g["Base"] is Base, "__name__" in g, g["__name__"])
class Body:
    a = 1
    b = sorted(locals())
print(Body.b)
