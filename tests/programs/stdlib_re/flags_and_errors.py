# Flags (given and inline), Pattern reprs, re.error messages and attributes,
# escape and the compile cache.
import re

print(re.compile("a+"), re.compile(r"\d", re.I), re.compile("x", re.M | re.S))
print(re.compile("(?i)a"), re.compile("(?x) a b"), re.compile("a", re.A))
print(re.compile("a").flags, re.compile("a", re.I).flags, re.compile("(?s)a").flags)
print(re.compile("a", re.A).flags, re.compile("(?a)a").flags)
print(re.findall("^a.", "ab\nAc\na\n", re.I | re.M), re.findall("a.", "a\nb", re.S))
print(re.search(r"(?i:HELLO) world", "hello world"), re.search(r"(?i:HELLO) world", "hello WORLD"))
print(re.match(r"(?-i:a)b", "aB", re.I), re.match(r"(?-i:a)b", "AB", re.I))
print(re.match(r"(?x) \d+ # digits", "123"), re.match(r"(?x)[ ]\d", " 1"))
print(re.search(r"a\Z", "a\n"), re.search(r"a$", "a\n"), re.search(r"\Aa", "ba"))
print(re.I == re.IGNORECASE, re.X == re.VERBOSE, re.NOFLAG)

bad_patterns = ["a**", "*a", "(", ")", "[a", "a{2,1}", "\\", "(?P<x", r"\q", "(?z)",
                "a(?i)", r"\1(a)", r"[b-a]", "x\n(y", r"(?<=a+)b", "(?i-i:a)"]
for p in bad_patterns:
    try:
        re.compile(p)
        print(repr(p), "compiled")
    except re.error as e:
        print(repr(p), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, e.pattern == p)

try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError:", e)
try:
    re.search("a", 42)
except TypeError as e:
    print("TypeError:", e)
try:
    re.compile("a", re.A | re.U)
except ValueError as e:
    print("ValueError:", e)

print(re.escape("1+1=2? (yes) [a-z] {3} ^$ | \\ . * # ~ & -"))
print(re.escape("tab\there"), re.escape("naïve"))
print(re.match(re.escape("a.b*c"), "a.b*c"), re.match(re.escape("a.b*c"), "axbbc"))
print(re.compile("cache-me") is re.compile("cache-me"))
re.purge()
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I))
print(isinstance(re.compile("a"), re.Pattern), isinstance(re.match("a", "a"), re.Match))
print(type(re.compile("a")), type(re.match("a", "a")), re.error)
try:
    raise re.error("custom")
except re.error as e:
    print("caught", e)
