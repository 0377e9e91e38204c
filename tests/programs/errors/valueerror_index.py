# ValueError from list.index of a missing item.
names = ["ann", "bob"]
print(names.index("bob"))
print(names.index("zed"))
