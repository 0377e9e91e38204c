# TypeError: concatenating str and int the other way round.
label = "count: "
print(label + str(3))
print(label + 3)
