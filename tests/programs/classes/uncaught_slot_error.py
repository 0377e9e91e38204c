# Uncaught AttributeError from assigning an attribute a __slots__ class lacks
class P:
    __slots__ = ("x",)
p = P()
p.x = 1
print(p.x)
p.y = 2
