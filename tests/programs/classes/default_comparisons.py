# default object comparisons: identity equality, ordering raises, reflected __eq__, != derived from __eq__
class P:
    pass
a, b = P(), P()
print(a == a, a == b, a != b, a != a, [a] == [a], [a] == [b], a in [b, a])
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
try:
    a >= 1
except TypeError as e:
    print("TypeError:", e)
class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("E.__eq__", self.v, getattr(o, "v", o))
        return isinstance(o, E) and self.v == o.v
print(E(1) != E(1))
print(E(1) != E(2))
print(1 == E(1))
print(E(3) in [1, E(3)])
class NeOnly:
    def __ne__(self, o):
        return "custom ne"
print(NeOnly() != 1, NeOnly() == NeOnly())
class Sub(E):
    def __eq__(self, o):
        print("Sub.__eq__ first (subclass priority)")
        return NotImplemented
print(E(1) == Sub(1))
print([1, 2] == (1, 2), "1" == 1, 1 == 1.0, (1, 2) == (1.0, 2.0))
print(None == 0, None != None, float("nan") == float("nan"))
