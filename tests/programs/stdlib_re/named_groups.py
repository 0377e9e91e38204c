# Named groups: groupdict, groupindex, lastgroup, (?P=name) back-references,
# conditionals on groups, group() with several arguments, Match indexing.
import re

date = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?")
for s in ["2024-03-15", "1999-12", "nope"]:
    m = date.match(s)
    if m is None:
        print(s, None)
        continue
    print(s, m.groupdict(), m.groupdict("??"), m.groups(), m.groups(0))
    print(m["year"], m[2], m.group("month", "day"), m.lastindex, m.lastgroup)
    print(m.span("day"), m.start("day"), m.end(3))

print(sorted(date.groupindex.items()), date.groups)

dup = re.compile(r"\b(?P<word>\w+)\s+(?P=word)\b")
print(dup.findall("this is is a test test of the the code"))
print(dup.sub(r"\g<word>", "this is is a test test"))

quoted = re.compile(r"""(?P<q>['"]).*?(?P=q)""")
print([m.group() for m in quoted.finditer("say 'hi' and \"bye\" and 'it\"s'")])

cond = re.compile(r"(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)")
for s in ["<user@host.com>", "user@host.com", "<user@host.com", "user@host.com>"]:
    print(s, bool(cond.match(s)))

m = re.match(r"(?P<a>x)|(?P<b>y)", "y")
print(m.lastgroup, m.lastindex, m.groupdict(), m.group(0, 1, 2))
m = re.match(r"((a)(b))", "ab")
print(m.lastindex, m.groups(), m.regs)
m = re.match(r"(\w)+", "abc")
print(m.group(1), m.span(1), m.lastindex)
try:
    m.group("missing")
except IndexError as e:
    print("IndexError:", e)
try:
    m.start(5)
except IndexError as e:
    print("IndexError:", e)
print(bool(m), m.re.pattern, m.string)

for bad in [r"(?P<1x>a)", r"(?P<a>a)(?P<a>b)", r"(?P=nope)", r"(?P<a>a(?P=a))", r"(?P<a", r"(?P<>a)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), "->", e, e.pos)
