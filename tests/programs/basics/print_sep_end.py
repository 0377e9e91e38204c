# print's keyword arguments: sep, end, flush.
print(1, 2, 3, sep=", ")
print("a", "b", sep="")
print("no newline", end="")
print(" -- continued")
print("x", "y", "z", sep="-", end="!\n")
print(sep="|")
print("flushed", flush=True)
print("a", "b", "c", sep="/")
print("tab\tseparated", "and", sep="\t")
for i in range(5):
    print(i, end=" ")
print()
print(None, sep=None, end=None)
