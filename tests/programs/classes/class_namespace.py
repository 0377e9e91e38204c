# class body execution: statements run at definition, name mangling, nested classes, class scope rules
print("before class")
class K:
    print("inside class body")
    a = 1
    b = a + 1
    items = [a, b]
    for i in range(3):
        items.append(i)
    del i
    __secret = "hidden"
    def reveal(self):
        return self.__secret
    class Inner:
        level = "inner"
        def where(self):
            return type(self).__qualname__
print("after class")
print(K.a, K.b, K.items)
print(K().reveal(), K._K__secret, hasattr(K, "__secret"))
print(K.Inner.level, K.Inner().where(), K.Inner.__qualname__)
x = "global x"
class Scope:
    x = "class x"
    def get(self):
        return x
    y = [x for _ in range(1)]
print(Scope().get(), Scope.y)
class Mangle:
    def __init__(self):
        self.__v = 1
        self._Mangle__w = 2
    def vals(self):
        return self.__v, self.__w
m = Mangle()
print(m.vals(), sorted(vars(m)))
class Sub(Mangle):
    def __init__(self):
        super().__init__()
        self.__v = "sub"
print(sorted(vars(Sub())))
def make(n):
    class Local:
        size = n
        def __repr__(self):
            return "Local(%d)" % self.size
    return Local
A, B = make(1), make(2)
print(A(), B(), A is B, A.__qualname__)
class Doc:
    "the docstring"
print(Doc.__doc__, K.__doc__)
