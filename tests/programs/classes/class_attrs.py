# Class attributes vs instance attributes, mutation through the class
class Config:
    defaults = {"a": 1}
    items = []
    level = 0
    def add(self, x):
        self.items.append(x)
    def bump(self):
        self.level += 1

a, b = Config(), Config()
a.add(1)
b.add(2)
print(Config.items, a.items is b.items)
a.bump(); a.bump(); b.bump()
print(a.level, b.level, Config.level)
Config.level = 10
c = Config()
print(c.level, a.level)
Config.new_attr = "added"
print(a.new_attr, hasattr(b, "new_attr"))
def method(self):
    return "dynamic " + str(self.level)
Config.method = method
print(a.method(), c.method())
del Config.new_attr
print(hasattr(a, "new_attr"))
print(sorted([k for k in Config.__dict__ if not k.startswith("__")]))
try:
    Config.missing
except AttributeError as e:
    print(e)
try:
    a.missing
except AttributeError as e:
    print(e)
class Sub(Config):
    level = 5
print(Sub().level, Sub.items is Config.items)
