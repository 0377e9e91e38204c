# super() zero- and two-argument forms, classmethods, properties through super
class Base:
    greeting = "base"
    def hello(self):
        return "Base.hello"
    @classmethod
    def make(cls):
        return f"make {cls.__name__}"
    @staticmethod
    def util(x):
        return x + 1
    @property
    def name(self):
        return "base-name"
    def __repr__(self):
        return "<Base repr>"
    def __str__(self):
        return "Base str"

class Child(Base):
    greeting = "child"
    def hello(self):
        return "Child.hello > " + super().hello()
    @classmethod
    def make(cls):
        return "Child " + super().make()
    @staticmethod
    def util(x):
        return super(Child, Child).util(x) * 10
    @property
    def name(self):
        return "child of " + super().name
    def __repr__(self):
        return "<Child " + super().__repr__() + ">"
    def greet(self):
        return super().greeting

c = Child()
print(c.hello(), Child.make(), c.make(), Child.util(1))
print(c.name, repr(c), str(c), c.greet())
print(super(Child, c).hello(), super(Child, c).greeting)
class GrandChild(Child):
    def hello(self):
        return "GC > " + super(Child, self).hello()
print(GrandChild().hello())
sup = super(Child, c)
print(type(sup).__name__)
try:
    sup.nothing
except AttributeError as e:
    print(e)
try:
    super(int, c)
except TypeError as e:
    print(e)

class Obj:
    def __init__(self):
        super().__init__()
        self.v = 1
    def __eq__(self, other):
        return super().__eq__(other)
    def __setattr__(self, k, v):
        super().__setattr__(k, v.upper() if isinstance(v, str) else v)
o = Obj()
o.name = "abc"
print(o.v, o.name, o == o, o == Obj())
print(object.__repr__(o)[:14], object.__eq__(o, o), object.__ne__(o, 1))
