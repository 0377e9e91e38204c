# strip family, find/rfind/index/count (also of the empty string, with bounds), startswith/endswith with tuples, replace with counts, removeprefix/suffix
s = "xxhelloxx"
print(s.strip("x"), s.lstrip("x"), s.rstrip("x"), "  a  ".strip(), "\u3000a\u3000".strip(), "abc".strip(""))
print(s.find("l"), s.rfind("l"), s.find("l", 5), s.find("z"), s.index("h"), s.rindex("x"), s.count("x"), s.count(""))
print(s.find("", 20), s.find("", 9), "abc".count("", 1, 2), "aaaa".count("aa"), "héllo".find("l"), "héllo".rfind("l"))
print(s.startswith("xx"), s.startswith(("a", "xxh")), s.endswith("x", 0, 3), s.startswith("h", 2), "".startswith(""))
print(s.replace("x", "y"), s.replace("x", "", 2), "aaa".replace("a", "bb", -1), "ab".replace("", "-"), "ab".replace("", "-", 1))
print("prefix_x".removeprefix("prefix_"), "x.py".removesuffix(".py"), "x".removeprefix(""))
for m in ("index", "rindex"):
    try:
        getattr("abc", m)("z")
    except ValueError as e:
        print(e)
try:
    "abc".startswith(1)
except TypeError as e:
    print(e)
