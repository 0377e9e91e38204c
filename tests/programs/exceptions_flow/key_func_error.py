# An exception raised inside a key function crosses sorted() uncaught.
def key(w):
    return len(w) / (len(w) - 3)
print(sorted(["a", "bb"], key=key))
print(sorted(["a", "bb", "ccc"], key=key))
