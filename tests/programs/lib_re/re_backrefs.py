# Back-references: numbered and named, case-insensitive, to groups that did
# not take part, inside repeats, in templates and in the pattern, and the
# errors for references that cannot be.
import re

print(re.findall(r"(\w)\1", "aabbcd eef"), re.search(r"(\w+) \1", "the the cat").group())
print(re.findall(r"(?P<q>['\"]).*?(?P=q)", "'a' \"b\" 'c\""), re.match(r"(a)|\1", "x"))
print(re.search(r"(?i)(\w+) \1", "Hello HELLO").group(), re.search(r"(a)?b\1", "b"))
print(re.match(r"(a*)b\1", "aabaa").group(), re.match(r"(a*)b\1", "aaba"))
print(re.match(r"(?:(\w)\1)+", "aabbccd").group(), re.match(r"(\w)(?:\1)*", "aaab").group())
print(re.findall(r"(\d)\1{2}", "111 22 3333"), re.sub(r"(\w)\1", r"<\1>", "aabbc"))
print(re.match(r"(?P<a>.)(?P=a)(?P<b>.)(?P=b)", "xxyy").groupdict())
print(re.search(r"(ab)*\1", "ababab").span(), re.match(r"((a)|b)+\2", "aba"))
print(re.match(r"(?i)(ß)\1", "ßẞ"), re.match(r"(?i)(k)\1", "kK"), re.match(rb"(?i)(k)\1", b"kK"))
for n in range(1, 12):
    pattern = "".join("(%c)" % chr(96 + i) for i in range(1, n + 1)) + "\\%d" % n
    print(n, bool(re.match(pattern, "abcdefghijk"[:n] + "abcdefghijk"[n - 1])), end=" ")
print()
for bad in [r"\1(a)", r"(a)\2", r"(?P=x)(?P<x>a)", r"(?P=1)", r"(a)\01x", r"(?P<n>a)(?P=n"]:
    try:
        print(repr(bad), re.compile(bad).match("aa\x01x"))
    except re.error as e:
        print(repr(bad), e)
