class Shape:
    def __init__(self, name, sides):
        self.name = name
        self.sides = sides

    def describe(self):
        kind = "polygon" if self.sides > 2 else "curve"
        return f"{self.name}: {kind}"


class Box:
    def __init__(self, shape):
        self.shape = shape


shapes = [Shape("triangle", 3), Shape("circle", 0)]
boxes = [Box(s) for s in shapes]
for box in boxes:
    print(box.shape.describe())
