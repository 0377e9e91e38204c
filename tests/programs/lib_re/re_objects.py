# re.Pattern and re.Match as objects: their types and reprs, attributes,
# equality and hashing, copy and deepcopy, subscripting the
# types (PEP 585), and Match's group/span API with defaults.
import copy
import re

p = re.compile(r"(?P<key>\w+)=(?P<value>\w*)(;)?", re.I)
m = p.search("  color=red; size=")
print(p, repr(p.pattern), p.flags, p.groups, p.groupindex, type(p), type(m))
print(m, m.re is p, m.string, m.pos, m.endpos, m.lastindex, m.lastgroup, m.regs)
print(m.group(), m.group(1, 2), m.groups(), m.groups("-"), m.groupdict(), m[3], m["key"])
print(m.span(), m.span(3), m.start("value"), m.end(2), bool(m), m.expand(r"\2 \1"))
print(p == re.compile(r"(?P<key>\w+)=(?P<value>\w*)(;)?", re.I), p == re.compile("x"))
print(hash(p) == hash(re.compile(r"(?P<key>\w+)=(?P<value>\w*)(;)?", re.I)))
print(copy.copy(p) is p, copy.deepcopy(p) is p, copy.copy(m) is m, copy.deepcopy(m) is m)
print(re.Pattern[str], re.Match[bytes], re.Pattern, re.Match)
print(repr(re.compile("x" * 300))[:30], len(repr(re.compile("x" * 300))), repr(re.match(".*", "y" * 80)))
print(re.compile("'\"\n"), re.match("a", "a", re.M).re)
for bad in [lambda: re.Pattern(), lambda: re.Match(), lambda: setattr(p, "flags", 0),
            lambda: setattr(m, "pos", 1), lambda: m.group(5), lambda: m.span("nope"),
            lambda: len(m), lambda: m.start(1, 2)]:
    try:
        print(bad())
    except (TypeError, AttributeError, IndexError) as e:
        print(type(e).__name__, e)
