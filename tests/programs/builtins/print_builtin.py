# print(): sep, end, multiple args, flush keyword, objects with __str__, empty print
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=", ", end=".\n")
print(1, 2.5, None, True, [1], (2,), {3: 4}, "s", b"b", sep=" | ")
print("no newline", end="")
print(" -> continued")
print("multi\nline", "text", sep="\n---\n")
print(*range(5), sep=":")
print(*[], sep="x")
print("flush", flush=True)
print("", end="")
print("sep None", "end None", sep=None, end=None)
class S:
    def __str__(self):
        return "custom str"
print(S(), [S.__name__])
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", end=[])
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", foo=1)
except TypeError as e:
    print("TypeError:", e)
print("tab\tsep", "quote\"s", 'single\'s', "back\\slash")
print("%s" % "percent", "{}".format("format"), f"{'fstring'}")
print(chr(955), "unicode ✓", "emoji \U0001F600")
