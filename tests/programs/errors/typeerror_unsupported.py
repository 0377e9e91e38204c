# TypeError: ordering comparison between unrelated types.
data = [3, 1, 2]
data.sort()
print(data)
mixed = [3, "one", 2]
mixed.sort()
