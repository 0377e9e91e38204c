# split, rsplit, splitlines and join round-trips.
print("a b  c   d".split(), "a b  c   d".split(" "), "  lead trail  ".split())
print("a,b,,c,".split(","), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "".split(), "".split(","))
print("k=v=w".split("="), "one::two::three".split("::"), "x".split("x"))
print("line1\nline2\r\nline3\n".splitlines(), "a\n\nb".splitlines(), "".splitlines())
print("line1\nline2\n".splitlines(True))
csv = "name,age,city\nalice,30,paris\nbob,25,rome\ncarol,35,oslo"
rows = [line.split(",") for line in csv.split("\n")]
header = rows[0]
for row in rows[1:]:
    print(" | ".join([h + "=" + v for h, v in zip(header, row)]))
print(";".join([str(i * i) for i in range(10)]))
print("-".join(reversed("abc")), "".join(sorted("hello")), " ".join(["x"] * 3))
words = "The rain in Spain stays mainly in the plain".split()
print([w for w in words if "ain" in w], len(words))
print(",".join(words).split(",") == words)
path = "/usr/local/lib/python3.11/site.py"
parts = path.split("/")
print(parts, parts[-1].rsplit(".", 1), "/".join(parts[:-1]))
