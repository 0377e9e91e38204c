# Cached attribute loads and method calls stay right when a class's __bases__ is assigned (its MRO and its subclasses' change).
class A:
    x = "A.x"
    def who(self):
        return "A.who"

class B:
    x = "B.x"
    def who(self):
        return "B.who"

class Mid(A):
    pass

class Leaf(Mid):
    pass

def probe(o):
    return o.x, o.who(), type(o).x

objs = [Leaf(), Mid()]
for round_ in range(3):
    for _ in range(60):                 # warm the caches
        results = [probe(o) for o in objs]
    print(round_, results)
    Mid.__bases__ = (B,) if Mid.__bases__ == (A,) else (A,)
print(Leaf.__mro__)
