# __eq__ and __hash__ rules: defining __eq__ removes hashing, explicit hashes, dict keys
class Plain:
    pass
p = Plain()
print(p == p, p == Plain(), p != Plain())
print(hash(p) == hash(p))
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, EqOnly) and self.v == o.v
print(EqOnly.__hash__)
try:
    hash(EqOnly(1))
except TypeError as e:
    print("TypeError:", e)
try:
    {EqOnly(1): 1}
except TypeError as e:
    print("TypeError:", e)
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, o):
        return (self.a, self.b) == (o.a, o.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return "Key(%r, %r)" % (self.a, self.b)
d = {Key(1, 2): "x", Key(3, 4): "y"}
print(d[Key(1, 2)], Key(3, 4) in d, Key(5, 6) in d)
s = {Key(1, 2), Key(1, 2), Key(2, 1)}
print(len(s))
class Sub(Key):
    pass
print(hash(Sub(1, 2)) == hash(Key(1, 2)), Sub.__hash__ is Key.__hash__)
class SubEq(Key):
    def __eq__(self, o):
        return True
print(SubEq.__hash__)
class Const:
    def __hash__(self):
        return 7
print(hash(Const()), {Const(): 1}.__len__())
class Big:
    def __hash__(self):
        return 2 ** 70
print(hash(Big()) == hash(2 ** 70))
class BadHash:
    def __hash__(self):
        return "no"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
print(hash(-1), hash(1.0) == hash(1), hash((1, 2)) == hash((1, 2)))
