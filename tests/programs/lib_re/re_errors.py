# re.error: CPython's messages, positions, and the line and column of a
# multi-line pattern, for malformed patterns of every kind; also the
# TypeErrors and ValueErrors of the module functions.
import re

bad = ["(", "(a", "a)", "[", "[a-", "[z-a]", "a{3,2}", "*", "a**", "+a", "a{1,2}{3}", "\\",
       r"\x1", r"\xg", r"\u12", r"\U1234567", r"\U00110000", r"\777", r"\9", r"\p",
       "(?P<x>a)(?P<x>b)", "(?<a>x)", "(?", "(?z)", "(?#", "(?-a:x)", "a|*", "(?P", r"[\d-z]",
       "x{", "(?i", "[]", "[^]", r"(?x)[a b", "(?:", r"(?<=a+)", "a(?i)"]
for pattern in bad:
    try:
        re.compile(pattern)
        print(repr(pattern), "compiles")
    except re.error as e:
        print(repr(pattern), "|", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    re.compile("(?x)\n  (a\n  |b\n")
except re.error as e:
    print(e, "|", e.pattern == "(?x)\n  (a\n  |b\n", e.lineno, e.colno)
try:
    re.compile(b"(a")
except re.error as e:
    print(e, e.pattern, e.pos)
for call in [lambda: re.compile(42), lambda: re.search("a", 42), lambda: re.compile(re.compile("a"), re.I),
             lambda: re.sub("a", "b", None), lambda: re.findall("a", ["a"]),
             lambda: re.compile("a", re.A | re.U), lambda: re.escape(42)]:
    try:
        print(call())
    except (TypeError, ValueError, re.error) as e:
        print(type(e).__name__, e)
print(isinstance(re.error("x"), Exception), re.error.__module__, re.error("m", "p", 0).pos,
      str(re.error("msg", "pat", 1)), re.error("msg").pattern)
