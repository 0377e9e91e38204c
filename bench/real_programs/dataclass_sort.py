# 20,000 instances of an order=True dataclass (an Enum in each), sorted: dataclasses'
# generated __init__ and __lt__ (which starts `other.__class__ is self.__class__`).
import dataclasses, enum
@dataclasses.dataclass(order=True)
class P:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list, compare=False)
class Color(enum.Enum):
    RED = 1; GREEN = 2; BLUE = 3
ps = [P(i % 97, i % 13, [Color(i % 3 + 1)]) for i in range(20000)]
ps.sort()
print(ps[0], ps[-1].x, len(set(p.tags[0] for p in ps)))
