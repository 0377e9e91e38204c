# 20,000 objects sorted by a Python __lt__ that compares __class__ and two attributes.
class Q:
    def __init__(self, x, y): self.x = x; self.y = y
    def __lt__(self, other):
        if other.__class__ is self.__class__:
            return (self.x, self.y) < (other.x, other.y)
        return NotImplemented
ps = [Q(i % 97, i % 13) for i in range(20000)]
ps.sort()
print(ps[0].x, ps[-1].x)
