# Quantifiers (greedy, lazy, possessive, {m,n} forms), alternation,
# lookarounds, atomic groups and character classes.
import re

s = "<a><bb><ccc>"
print(re.findall(r"<.*>", s), re.findall(r"<.*?>", s), re.findall(r"<.+?>", s))
print(re.findall(r"a{2}", "aaaaa"), re.findall(r"a{2,3}", "aaaaaaa"), re.findall(r"a{2,3}?", "aaaaa"))
print(re.findall(r"a{,2}", "aaaaa"), re.findall(r"a{2,}", "a aa aaa"), re.findall(r"x{", "x{y{"))
print(re.findall(r"b{}", "b{}"), re.findall(r"c{a,b}", "c{a,b}"))
print(re.match(r"a*+a", "aaa"), re.match(r"a++b", "aab"), re.match(r"(?>a+)a", "aaa"))
print(re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
print(re.findall(r"\d+(?=%)", "10% of 200 is 20%"), re.findall(r"(?<!\$)\b\d+", "$30 and 40"))
print(re.findall(r"(?<=@)\w+", "me@home you@work"), re.findall(r"\w+(?!\()", "f(x) g y("))
print(re.findall(r"[^aeiou\s]+", "hello world"), re.findall(r"[\w.-]+@[\w-]+\.\w+", "a.b-c@x-y.org"))
print(re.findall(r"[]\[]", "a[b]c"), re.findall(r"[\^\-x]", "a^b-x"), re.findall(r"[a-]", "a-b"))
print(re.findall(r"[\d\s]+", "12 34x5"), re.findall(r"[\x41-\x43]+", "ABCD"), re.findall(r"[\u00e0-\u00e5]", "àbåz"))
print(re.findall(r"(\d)(?:,\d)*", "1,2,3 4"), re.findall(r"(?:ab)+", "ababab abx"))
print(re.findall(r"colou?r", "color colour colouur"), re.findall(r"\b(?:cat|dog)s?\b", "cats dog dogsled"))
print(re.match(r"(a+)+b", "aaaaaaaaaaaaaaaaaaaab").span(), re.match(r"(x?)*y", "xxy").groups())
print(re.sub(r"(?<=\d)(?=(?:\d{3})+$)", ",", "1234567"))
print(re.findall(r".", "a\nb"), re.findall(r"(?s).", "a\nb"), re.findall(r"\.", "a.b."))
print(re.findall(r"\101\x42\u0043\U00000044\0", "ABCD\x00"), re.findall(r"\t|\v|\f", "\t\v\f"))
print(re.findall(r"(\w)\1", "aabbcd eef"), re.search(r"(?P<c>\w)(?P=c){2}", "abbbc"))
print(re.fullmatch(r"(?:\d{3}-){2}\d{4}", "555-123-4567"), re.fullmatch(r"\d{3}", "1234"))
