# super().name in all its forms (3.12's LOAD_SUPER_ATTR looks it up without a super object): methods called and read, classmethods, staticmethods, properties, builtin methods, class attributes, a missing name, super rebound, and the base class changed mid-loop
class Base:
    kind = "base"

    def greet(self, who):
        return "Base.greet %s" % who

    @classmethod
    def make(cls):
        return "Base.make for %s" % cls.__name__

    @staticmethod
    def helper(x):
        return x * 2

    @property
    def prop(self):
        return "Base.prop of %s" % type(self).__name__


class Child(Base):
    def greet(self, who):
        return "Child+" + super().greet(who)

    @classmethod
    def make(cls):
        return "Child+" + super().make()

    def run(self):
        out = [super().helper(21), super().prop, super().kind]
        bound = super().greet                  # read, not called: a bound method
        out.append(bound("later"))
        out.append(type(bound).__name__)
        out.append(super().__class__.__name__)
        out.append(super(Child, self).greet("explicit"))
        try:
            super().missing
        except AttributeError as e:
            out.append(str(e))
        try:
            super().missing()
        except AttributeError as e:
            out.append(str(e))
        return out


c = Child()
print(c.greet("you"), Child.make(), c.make())
print(c.run())


class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)

    def get2(self, k):
        return super().get(k), super().__len__()


d = D()
d["a"] = 1
print(d, d.get2("a"))


class Slotted:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


class S2(Slotted):
    __slots__ = ()

    def __init__(self, v):
        super().__init__(v + 1)


print(S2(1).v)

# the method changes mid-loop: the lookup must see it
out = []
for i in range(30):
    if i == 10:
        Base.greet = lambda self, who: "patched %s" % who
    if i == 20:
        del Base.greet
    try:
        out.append(c.greet(i))
    except AttributeError as e:
        out.append(str(e))
print(out)


class Meta(type):
    def describe(cls):
        return "Meta.describe " + cls.__name__


class WithMeta(metaclass=Meta):
    pass


class Sub(WithMeta):
    @classmethod
    def describe2(cls):
        return super().__init_subclass__, super().__class__


print(Sub.describe(), Sub.describe2()[1])

real_super = super


def super(*args):                               # super rebound: the call is made
    print("my super", len(args))
    return real_super(*args)


class E(Base):
    def greet(self, who):
        return "E+" + super(E, self).greet(who)


Base.greet = lambda self, who: "again %s" % who
print(E().greet("x"))
