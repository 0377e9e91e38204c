# __eq__ and __hash__ with dicts and sets; unhashable classes
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, other):
        return (self.a, self.b) == (other.a, other.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return f"Key({self.a}, {self.b})"

d = {Key(1, 2): "x", Key(3, 4): "y"}
print(d[Key(1, 2)], Key(3, 4) in d, Key(5, 6) in d)
s = {Key(1, 2), Key(1, 2), Key(2, 1)}
print(len(s))
print(hash(Key(1, 2)) == hash(Key(1, 2)))

class OnlyEq:
    def __eq__(self, other):
        return True
print(OnlyEq.__hash__)
try:
    {OnlyEq()}
except TypeError as e:
    print(e)

class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), p == p, p == Plain())
print({p: 1}[p])

class HashNone:
    __hash__ = None
try:
    hash(HashNone())
except TypeError as e:
    print(e)

class Inherit(Key):
    pass
print(hash(Inherit(1, 2)) == hash(Key(1, 2)), Inherit(1, 2) == Key(1, 2))

class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class BadHash:
    def __hash__(self):
        return "no"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
