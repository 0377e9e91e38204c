# IndexError from a list index out of range inside a loop.
items = [10, 20, 30]
i = 0
while True:
    print("item", i, items[i])
    i += 1
