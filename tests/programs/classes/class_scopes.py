# Class bodies and scopes: class variables, comprehensions, closures, nested classes
x = "global"
class Scope:
    x = "class"
    y = x + "!"
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    def method(self):
        return x
    def method2(self):
        return self.x
print(Scope.y, Scope.doubled, Scope().method(), Scope().method2())
def factory(n):
    class Made:
        size = n
        def get(self):
            return n * 10
    return Made
M3 = factory(3)
print(M3.size, M3().get(), factory(4)().get())
class Outer:
    class Inner:
        class Deep:
            v = "deep"
    def make(self):
        return self.Inner.Deep.v
print(Outer().make(), Outer.Inner.Deep.__qualname__)
class UsesClassCell:
    def who(self):
        return __class__.__name__
class SubCell(UsesClassCell):
    pass
print(SubCell().who())
def outer():
    v = "closure"
    class C:
        def get(self):
            return v
        w = v.upper()
    return C
print(outer()().get(), outer().w)
counter = 0
class Side:
    global counter
    counter += 1
print(counter)
