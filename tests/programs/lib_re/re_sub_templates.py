# sub and subn: templates with numbered, named and \g<0> references, escapes
# and octal, functions returning str or None, count, empty matches next to
# others, and the template errors with their positions.
import re

s = "John Smith, Jane Doe; Ann O'Neil"
name = re.compile(r"(?P<first>\w+) (?P<last>[\w']+)")
print(name.sub(r"\2 \1", s), name.sub(r"\g<last>, \g<first>", s, count=1))
print(name.subn(r"<\g<0>>", s), name.sub(r"\g<2>\g<1>", s))
print(re.sub(r"(\d+)", r"[\1]\n", "a1b22"), re.sub("a", r"\t\\\101\0", "xa"))
print(re.sub(r"(a)(b)?", r"[\1|\2]", "ab a"), re.sub(r"x*", "-", "abxd"), re.sub("", "-", "ab"))
print(re.sub(r"\s+", " ", "  too   many\tspaces \n "), re.sub(r"^|$", "|", "a\nb", flags=re.M))
print(re.sub(r"\w+", lambda m: m.group().title(), "hello big world"))
print(re.sub(r"\d", lambda m: None, "a1b2"), re.subn(r"\d", lambda m: str(int(m[0]) * 2), "5 6 7"))
print(re.sub(r"(?P<n>\d)", lambda m: m.expand(r"<\g<n>>"), "a1b2"), re.subn("a", "b", "aaa", 2))
print(re.match(r"(\w+)@(\w+)", "me@here").expand(r"\2 at \1 (\g<0>)"))
print(re.sub("(b)|c", r"[\1]", "abc"), re.sub(r"(?i)b+", "X", "aBbBc"))
print(re.sub(r"a", "\\\\", "banana"), re.sub(r"a", r"\g<0>\g<0>", "banana", 2))
for bad in [r"\3", r"\g<3>", r"\g<x>", r"\g<1a>", r"\g<", r"\g", r"\q", "\\", r"\8", r"\g<-1>",
            r"\400"]:
    try:
        print(re.sub(r"(a)(b)", bad, "ab"))
    except (re.error, IndexError) as e:
        print(type(e).__name__, repr(bad), e)
for bad in [lambda: re.sub("a", lambda m: 1, "a"), lambda: re.sub("a", 1, "a"),
            lambda: re.sub("a", "b", "aaa", count="2")]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
