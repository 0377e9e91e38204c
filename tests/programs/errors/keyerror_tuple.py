# KeyError whose key is a tuple (repr shows it in the message).
grid = {(0, 0): "origin", (1, 0): "east"}
print(grid[(0, 0)], grid[(1, 0)])
print(grid[(2, 3)])
