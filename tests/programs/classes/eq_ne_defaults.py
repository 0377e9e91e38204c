# Default __ne__ derived from __eq__, identity equality, and __eq__ in subclasses
class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, E) and self.v == o.v
print(E(1) == E(1), E(1) != E(1), E(1) != E(2), E(1) == 1, E(1) != 1)
class Sub(E):
    def __hash__(self):
        return self.v
print(Sub(1) == E(1), {Sub(1): "a"}[Sub(1)], Sub.__hash__ is not None, E.__hash__)
class Weird:
    def __eq__(self, o):
        return "truthy"
print(Weird() == 1, Weird() != 1)
class NeOnly:
    def __ne__(self, o):
        return "ne"
n = NeOnly()
print(n == n, n != n, n == NeOnly())
print([E(1), E(2)].index(E(2)), E(3) in [E(1), E(3)], [E(1), E(1)].count(E(1)))
