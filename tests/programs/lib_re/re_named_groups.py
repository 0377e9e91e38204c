# Named groups: groupdict, groupindex, lastgroup and lastindex, Match
# indexing by name and number, names in templates, non-ASCII names,
# duplicate and bad names.
import re

p = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?")
m = p.search("on 2023-07 and")
print(m.groupdict(), m.groupdict("--"), m["year"], m.group("month", 1), m.lastgroup, m.lastindex)
print(dict(p.groupindex), p.groups, m.span("month"), m.start("day"), m.end(1), m.regs)
print(p.sub(r"\g<day>/\g<month>/\g<year>", "2023-07-14"), m.expand(r"\g<month>.\g<year>"))
print(re.match(r"(?P<ñame>\w+)", "über").group("ñame"), re.compile(r"(?P<_1>a)").groupindex)
print(re.match(r"(?P<a>a)(?P<b>b)?", "a").lastgroup, re.match(r"(a)(?P<b>b)", "ab").lastgroup)
print(re.match(r"(?P<outer>(?P<inner>a))", "a").lastgroup, re.match(r"(a)(b)(c)", "abc").lastindex)
print(re.match("(?P<x>a)|(?P<y>b)", "b").groupdict(), re.match("(?:(?P<x>a)|b)+", "ab")["x"])
print(re.compile("(?P<x>a)").groupindex["x"], "x" in re.compile("(?P<x>a)").groupindex)
for key in ["nope", 3, -1, 1.5, "month"]:
    try:
        print(key, m.group(key))
    except IndexError as e:
        print(key, "IndexError", e)
for bad in ["(?P<a>x)(?P<a>y)", "(?P<1a>x)", "(?P<>x)", "(?P<a-b>x)", "(?P<a", "(?P=)", "(?Px)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), e)
