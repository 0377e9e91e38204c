# dict.setdefault hashes its key and compares it once; dict.update(other)
# raises RuntimeError when a key's __eq__ empties or grows `other` meanwhile.

class Hashed:
    def __init__(self, name):
        self.name = name
        self.hashes = self.eqs = 0

    def __hash__(self):
        self.hashes += 1
        return 42

    def __eq__(self, other):
        self.eqs += 1
        return self is other


a, b = Hashed("a"), Hashed("b")
d = {a: 5}
print(d.setdefault(b, []), d.setdefault(a, 0))
print(a.hashes, b.hashes, a.eqs + b.eqs)


class Clears:
    def __hash__(self):
        return 0

    def __eq__(self, o):
        other.clear()
        return False


other = dict((i, 0) for i in range(1, 100))
other[Clears()] = 0
d = {Clears(): 0, 1: 1}
try:
    d.update(other)
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(other))


class Grows:
    def __hash__(self):
        return 1

    def __eq__(self, o):
        other[len(other) + 1000] = 0
        return False


other = {Grows(): 1, 2: 2}
d = {Grows(): 0}
try:
    dict(d).update(other)
except RuntimeError as e:
    print("RuntimeError:", e)
d.update(d)
print(len(d))
