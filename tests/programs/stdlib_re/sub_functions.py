# re.sub and re.subn with template strings and with functions.
import re

print(re.sub(r"(\w+)@(\w+)\.com", r"\2 at \1", "mail bob@example.com or amy@test.com"))
print(re.sub(r"(?P<day>\d\d)/(?P<month>\d\d)/(?P<year>\d{4})",
             r"\g<year>-\g<month>-\g<day>", "due 25/12/2023, paid 01/02/2024"))
print(re.sub(r"(a)(b)?", r"[\1|\2]", "ac ab"))
print(re.sub(r"x", r"\n\t\\", "axb"))
print(re.sub(r"\s+", " ", "  lots   of\t\nspace  ").strip())
print(re.subn(r"o", "0", "foo boo zoo"))
print(re.subn(r"o", "0", "foo boo zoo", count=3))
print(re.sub("x*", "-", "abxd"), re.sub("", "|", "abc"))


def double(m):
    return str(int(m.group()) * 2)


print(re.sub(r"\d+", double, "3 apples and 12 pears"))
print(re.sub(r"[aeiou]", lambda m: m.group().upper(), "functional programming"))


def camel_to_snake(name):
    s = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s).lower()


for name in ["CamelCase", "getHTTPResponseCode", "already_snake", "HTTPServer2Go"]:
    print(name, "->", camel_to_snake(name))

# a function that keeps some matches unchanged (None removes them)
print(re.sub(r"\b\w", lambda m: None if m.start() == 0 else m.group().upper(), "one two three"))

# templates with a counter kept in a closure
counter = [0]


def number(m):
    counter[0] += 1
    return "%s#%d" % (m.group(1), counter[0])


print(re.sub(r"(item)", number, "item, item and item"))

p = re.compile(r"(?P<key>\w+)=(?P<val>[^;]*)")
print(p.sub(r"\g<val>=\g<key>", "a=1;b=two;c="))
print(p.subn(lambda m: m["key"].upper(), "a=1;b=2"))

for bad in [r"\2", r"\g<nope>", r"\g<1", r"\q", r"\g"]:
    try:
        re.sub(r"(a)", bad, "a")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)

# a negative count replaces nothing
print(re.sub("a", "b", "aaa", -1), re.subn("a", "b", "aaa", count=-5))
