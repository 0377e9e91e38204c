# diamond inheritance with cooperative super() calls
log = []
class Base:
    def __init__(self):
        log.append("Base")
        super().__init__()
    def describe(self):
        return ["Base"]
class Left(Base):
    def __init__(self):
        log.append("Left>")
        super().__init__()
        log.append("<Left")
    def describe(self):
        return ["Left"] + super().describe()
class Right(Base):
    def __init__(self):
        log.append("Right>")
        super().__init__()
        log.append("<Right")
    def describe(self):
        return ["Right"] + super().describe()
class Bottom(Left, Right):
    def __init__(self):
        log.append("Bottom>")
        super().__init__()
        log.append("<Bottom")
    def describe(self):
        return ["Bottom"] + super().describe()
b = Bottom()
print(log)
print(b.describe())
print([c.__name__ for c in Bottom.__mro__])
log.clear()
Right()
print(log)
class Kw:
    def __init__(self, **kw):
        self.extra = kw
class Named(Kw):
    def __init__(self, name, **kw):
        self.name = name
        super().__init__(**kw)
class Aged(Kw):
    def __init__(self, age, **kw):
        self.age = age
        super().__init__(**kw)
class Person(Named, Aged):
    pass
p = Person(name="ann", age=30, city="Oslo")
print(p.name, p.age, p.extra)
