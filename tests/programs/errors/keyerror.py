# Uncaught KeyError with a string key.
stock = {"apple": 3, "pear": 0}
for fruit in ["apple", "pear"]:
    print(fruit, stock[fruit])
print(stock["banana"])
