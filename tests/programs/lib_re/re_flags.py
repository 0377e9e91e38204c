# re.RegexFlag as the enum.IntFlag it is: names, values, combinations and
# their reprs, flags given and inline, scoped flags, and the flags a
# compiled pattern reports.
import re

print(repr(re.I), repr(re.I | re.M), str(re.S), re.X.value, re.A.name, re.NOFLAG)
print(re.IGNORECASE is re.I, re.I == 2, type(re.M).__name__, isinstance(re.U, int))
print(repr(re.I | re.M | re.S | re.X | re.A), repr(~re.I & re.M), int(re.I | re.L))
print(repr(re.RegexFlag(10)), repr(re.RegexFlag(0)), [f.name for f in (re.I | re.S)])
print(re.compile("a", re.I | re.M).flags, re.compile("(?ims)a").flags, re.compile(b"a").flags)
print(re.compile("(?a)a").flags, re.compile("(?u)a").flags, re.compile(b"(?L)a").flags)
print(repr(re.compile("a", re.I | re.S | re.X)), repr(re.compile(b"a", re.I | re.L)))
print(re.findall("^a.$", "ab\nAC\nad", re.I | re.M), re.findall(".", "a\nb", re.S))
print(re.findall(r"(?i:a)b", "ab Ab aB AB"), re.findall(r"(?-i:a)b", "ab Ab aB AB", re.I))
print(re.findall(r"(?x) a  b  # comment", "ab a b"), re.findall(r"(?x)a\ b [ ]c", "a b c"))
print(re.findall(r"(?a)\w+", "naïve café"), re.findall(r"\w+", "naïve café"))
print(re.findall(r"(?a:\w+)-\w+", "naïve-café"), re.search(r"(?m:^b)", "a\nb").span())
print(re.compile(r"\d", re.ASCII).findall("1٢3"), re.compile(r"\s", re.A).findall(" \xa0"))
print(re.match("a", "A", flags=re.IGNORECASE), re.sub("a", "b", "AaA", flags=re.I))
print(re.split("x", "aXbxc", flags=re.I), re.split("x", "aXbxc", 1, re.I))
for bad in ["(?i", "(?z)a", "(?-a:x)", "(?au)x", "a(?i)b", "(?i-i:a)", "(?-:a)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), e)
for flags in [re.A | re.U, re.A | re.L]:
    try:
        re.compile("a", flags)
    except ValueError as e:
        print(e)
