# split/rsplit with and without separator and maxsplit, splitlines over every line boundary, partition/rpartition, join; their errors
s = "  the quick  brown\tfox\n"
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1), s.rsplit(" ", 2))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "".split(), "".split(","))
print("a\nb\r\nc\rd\x0be\x1cf\u2028g".splitlines(), "x\n\ny\n".splitlines(True), "".splitlines())
print("k=v=w".partition("="), "k=v=w".rpartition("="), "kvw".partition("="), "kvw".rpartition("="))
try:
    "a".split("")
except ValueError as e:
    print(e)
print("-".join(["a", "b", "c"]), "".join([]), ", ".join(map(str, range(5))), "x".join("abc"))
try:
    "-".join(["a", 1])
except TypeError as e:
    print(e)
