# Calling a method on None: AttributeError naming NoneType.
def find(items, target):
    for item in items:
        if item == target:
            return item

print(find(["a", "b"], "a").upper())
print(find(["a", "b"], "z").upper())
