# str methods: case, strip family, split/rsplit/splitlines, join, partition, removeprefix
s = "  Hello, World! hello  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxaxx".strip("x")))
print(s.upper(), s.lower(), s.swapcase(), s.title(), "hello world".capitalize())
print("ßtraße".upper(), "İ".lower() == "i̇", "ǅ".title(), "straße".casefold())
print("a,b,,c".split(","), "a b  c ".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("  x  y ".split(None, 1), "".split(), "".split(","), "abc".split("b"))
print("l1\nl2\r\nl3\rl4".splitlines(), "a\n\nb\n".splitlines(True))
print("-".join(["a", "b", "c"]), "".join(reversed("stressed")), ", ".join(map(str, range(4))))
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="))
print("prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"), "x".removeprefix("y"))
print("abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "42".zfill(5), "-42".zfill(6))
print("a\tb\tc".expandtabs(4), repr("tab\there".expandtabs()))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
print("Hello".startswith("He"), "Hello".endswith(("x", "lo")), "Hello".startswith("l", 2))
print("%r" % "mixed 'quotes' \"here\"", repr("tab\t\n\\"), repr("é\x00\x7f"))
